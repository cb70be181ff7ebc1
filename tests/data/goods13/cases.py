#!/usr/bin/env python3
"""Screen the descriptions of a cases file and check each expectation.

Usage: cases.py CORDONCTL RULES_DIR CASES.tsv [--show]

Each line of CASES.tsv (tab-separated, '#' starts a comment):

  hit    ENTRY  HS  DESCRIPTION   the item must hit ENTRY
  clear  ENTRY  HS  DESCRIPTION   the item must not hit ENTRY
  clear  *      HS  DESCRIPTION   the item must raise no alert at all

Prints "N of M cases hold" and each case that does not; exits 1 if any.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import screen_items  # noqa: E402


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 3:
        sys.exit(__doc__)
    ctl, rules, path = args[:3]
    cases = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 4 or f[0] not in ("hit", "clear"):
            sys.exit("%s:%d: expected 'hit|clear<TAB>entry<TAB>hs<TAB>text'"
                     % (path, n))
        cases.append((n, f[0], f[1], f[2], f[3]))
    hits = screen_items(ctl, rules, [(hs, text) for _, _, _, hs, text in cases])
    bad = []
    for i, (n, want, entry, _, text) in enumerate(cases):
        ents = None if hits[i] is None else {h.get("entry") for h in hits[i]}
        if ents is None:
            ok = False
        elif want == "hit":
            ok = entry in ents
        elif entry == "*":
            ok = not ents
        else:
            ok = entry not in ents
        if not ok:
            bad.append("%s:%d: %s %s: hits %s: %s" % (
                path, n, want, entry,
                " ".join(sorted(ents)) if ents else "none", text))
    print("%d of %d cases hold" % (len(cases) - len(bad), len(cases)))
    for b in bad:
        print("  " + b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
