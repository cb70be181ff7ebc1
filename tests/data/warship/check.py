#!/usr/bin/env python3
"""Each language's word for a warship names ML9 by itself.

Usage: check.py CORDONCTL RULES_DIR

ML9 asks for a navy or military word beside its keywords ("patrol boat",
"corvette" and "submarine" name civil craft and cars too), but a word that
says warship ("warship", "Kriegsschiff", "युद्धपोत") is that word itself.
Each row of cases.tsv is declared alone under HS 8901.90 (other vessels)
and must raise an ML9 hit by its words, not by the HS code.  Prints the
count; exits 1 on any miss.
"""
import json
import os
import subprocess
import sys


def main():
    ctl, rules = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    with open(os.path.join(here, "cases.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            lang, text = line.rstrip("\n").split("\t")
            rows.append((lang, text))
    decls = []
    for i, (lang, text) in enumerate(rows):
        decls.append(json.dumps({
            "reference": "WS-%03d" % i, "type": "export",
            "export_country": "DE", "destination_country": "AE",
            "parties": [{"role": "exporter", "name": "Nordwerft GmbH",
                         "country": "DE"}],
            "items": [{"seq": 1, "hs_code": "890190",
                       "description": text}]}, ensure_ascii=False))
    out = subprocess.run([ctl, "screen", "--rules", rules],
                         input="\n".join(decls) + "\n", capture_output=True,
                         text=True, check=True).stdout
    misses = []
    for (lang, text), line in zip(rows, out.splitlines()):
        res = json.loads(line)
        if not any(h.get("entry") == "ML9" and h.get("reason") != "hs"
                   for a in res.get("alerts", []) for h in a["hits"]):
            misses.append("%s: %s" % (lang, text))
    print("warship words name ML9 alone: %d of %d" %
          (len(rows) - len(misses), len(rows)))
    for m in misses:
        print("  missed " + m)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
