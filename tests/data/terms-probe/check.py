#!/usr/bin/env python3
"""Generalisation probe of the language term files.

Usage: check.py CORDONCTL RULES_DIR [PROBE.ndjson]

Each line of the probe names a goods entry ("list/code"), a language and a
goods description worded as an invoice would word it: a declension, another
word order, quantities and model numbers around the words, never one of the
entry's terms on its own.  "expect": "hit" lines must raise a hit of that
entry; "expect": "clear" lines are ordinary goods that share words with the
entry and must not.  Prints recall per language and every miss; exits 1 on
any miss or false hit.  A line with a "known" note is a gap of another part of
Cordon (the parameter reader, say): its miss is printed with the note and does
not fail the check, and a note that no longer holds is printed to be dropped.
"""
import collections
import json
import os
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    ctl, rules = sys.argv[1], sys.argv[2]
    probe = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "probe.ndjson")
    lines = [json.loads(l) for l in open(probe, encoding="utf-8") if l.strip()]
    decls = []
    for n, p in enumerate(lines):
        decls.append(json.dumps({
            "reference": "TP-%d" % n, "type": "export",
            "items": [{"seq": 1, "hs_code": p["hs_code"],
                       "description": p["description"]}]},
            ensure_ascii=False))
    run = subprocess.run([ctl, "screen", "--rules", rules],
                         input="\n".join(decls) + "\n", capture_output=True,
                         text=True, encoding="utf-8")
    if run.returncode not in (0, 1) or not run.stdout.strip():
        sys.exit("cordonctl screen failed: %s" % run.stderr.strip())
    hits = {}
    for out in run.stdout.splitlines():
        d = json.loads(out)
        hits[d["reference"]] = {
            "%s/%s" % (h["list"], h["entry"])
            for a in d.get("alerts", []) for h in a["hits"]
            if h.get("list") and h.get("entry")}
    per_lang = collections.defaultdict(lambda: [0, 0])
    bad, known = [], []
    for n, p in enumerate(lines):
        got = p["entry"] in hits.get("TP-%d" % n, set())
        if p["expect"] == "hit":
            per_lang[p["lang"]][1] += 1
            per_lang[p["lang"]][0] += got
            if p.get("known"):
                if got:
                    known.append("found, drop the known note: %s [%s]" % (
                        p["entry"], p["lang"]))
                else:
                    known.append("known miss %s [%s]: %s" % (
                        p["entry"], p["lang"], p["known"]))
            elif not got:
                bad.append("miss %s [%s]: %s" % (p["entry"], p["lang"],
                                                p["description"]))
        elif got:
            bad.append("false hit %s [%s]: %s" % (p["entry"], p["lang"],
                                                 p["description"]))
    found = sum(v[0] for v in per_lang.values())
    total = sum(v[1] for v in per_lang.values())
    clear = sum(1 for p in lines if p["expect"] == "clear")
    print("terms probe: recall %d/%d (%.3f); %d look-alikes, %d false hits" % (
        found, total, found / total if total else 0.0, clear,
        sum(1 for b in bad if b.startswith("false"))))
    print("  " + ", ".join("%s %d/%d" % (l, v[0], v[1])
                           for l, v in sorted(per_lang.items())))
    for b in bad + known:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
