#!/usr/bin/env python3
"""The HS 2022 subheading texts screened with their own codes.

Usage: hs.py CORDONCTL RULES_DIR HS2022_CSV [--max-after N] [--min-alerts N] [--show]

HS texts name goods by what they are not ("Engines; reaction engines, other
than turbo-jets", "gas-turbines (excluding turbo-jets and turbo-propellers)").
Each of the 5,613 subheadings (rules/nomenclature/hs2022.csv, level 6) is
screened as one item with its own code.  An entry hit by keywords only where
the text names them after an exception phrase ("other than", "excluding",
"except", "not including") in the same clause and list is a false alert: the
subheading says the goods are not that.  Prints the subheadings that alert
and those false alerts; fails when the false alerts exceed --max-after or the
alerting subheadings fall under --min-alerts (a phrase read too widely would
clear goods the texts name positively).
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import screen_items  # noqa: E402

PHRASE = re.compile(r"\b(other than|excluding|except|not including)\b", re.I)


def after_phrase(text, start):
    """True if text[start:] is named after an exception phrase whose list
    has not ended: same clause (no ; or bracket closed), no comma after an
    "and"/"or" item and no comma before one."""
    clause = re.split(r"[;:]", text[:start])[-1]
    found = list(PHRASE.finditer(clause))
    if not found:
        return False
    rest = clause[found[-1].end():]
    if rest.count(")") > rest.count("("):
        return False
    if re.search(r",\s*(and|or)\b", rest) or re.search(r"\b(and|or)\b[^,]*,", rest):
        return False
    return True


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 3:
        sys.exit(__doc__)
    ctl, rules, path = args[:3]
    opt = {}
    for k in ("--max-after", "--min-alerts"):
        if k in sys.argv:
            opt[k] = int(sys.argv[sys.argv.index(k) + 1])
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8-sig"))
            if r["level"] == "6"]
    items = [(r["hscode"][:4] + "." + r["hscode"][4:], r["description"])
             for r in rows]
    got = screen_items(ctl, rules, items)
    alerts, false = 0, []
    for (hs, text), hits in zip(items, got):
        if hits is None:
            sys.exit("no answer for %s" % hs)
        if not hits:
            continue
        alerts += 1
        kw = {}
        for h in hits:
            if h.get("reason") == "keyword" and h.get("field", "").endswith("description"):
                kw.setdefault(h["entry"], []).append(h["span"][0])
        for entry, starts in sorted(kw.items()):
            if all(after_phrase(text, s) for s in starts):
                false.append("%s %s: %s" % (hs, entry, text))
    print("HS subheadings (%s): %d of %d alert with their own codes; %d entries hit only "
          "by a term an exception phrase takes" % (os.path.basename(path), alerts, len(items), len(false)))
    if "--show" in sys.argv:
        for f in false:
            print("  " + f)
    bad = []
    if "--max-after" in opt and len(false) > opt["--max-after"]:
        bad.append("%d false alerts > %d" % (len(false), opt["--max-after"]))
    if "--min-alerts" in opt and alerts < opt["--min-alerts"]:
        bad.append("%d alerting subheadings < %d" % (alerts, opt["--min-alerts"]))
    for b in bad:
        print("over the limit: " + b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
