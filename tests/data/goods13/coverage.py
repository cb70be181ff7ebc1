#!/usr/bin/env python3
"""Which term languages name each goods entry, by group, with a floor.

Usage: coverage.py CORDONCTL RULES_DIR [--misses [LANG,...]] [--floor FILE]
                   [--write-floor FILE]

Reads the entries x languages table of `cordonctl rules coverage RULES_DIR`
(the daemon's own resolution of the term files: a key for a code the list
splits names its subparagraphs too) and the list files for each entry's
regimes, and counts, per group and language, the entries that have at least
one term in that language (English: the list files' own keywords).  Groups,
in the order the gaps matter most:

  cwc             CWC Schedules 1-3 (list cwc)
  ag-precursors   Australia Group chemical weapons precursors
  nsg-trigger     NSG Trigger List (Part 1: codes A.x to E.x)
  mtcr-cat-i      MTCR Category I
  military        military goods
  then the other entries by category (nuclear, missile, biological,
  chemical, conventional).

Entries matched on their HS code alone have no terms in any language and
are not counted.  An entry named only by designation patterns (`re:`
keywords such as AGM-114 or AN/PRC-117, with no `requires` context words)
is named in every language: a designation is written the same in any
language's invoice, and the pattern finds it there.

Prints one line per group (covered/total per language) and, with --misses,
the entries each language lacks (for the languages given, or all).  With
--floor FILE (lines "group<TAB>lang<TAB>min"), exits 1 if a group covers
fewer entries in a language than its floor; --write-floor FILE writes the
current counts as the floor.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import list_entries  # noqa: E402

ORDER = ["cwc", "ag-precursors", "nsg-trigger", "mtcr-cat-i", "military",
         "nuclear", "missile", "biological", "chemical", "conventional"]


def by_designation(rules):
    """'list/code' of the entries named only by designation patterns."""
    return {"%s/%s" % (lid, e["code"]) for lid, e in list_entries(rules)
            if e.get("keywords") and not e.get("requires")
            and all(str(k).startswith("re:") for k in e["keywords"])}


def regimes(rules):
    """'list/code' -> (list id, regimes) for every list entry."""
    return {"%s/%s" % (lid, e["code"]): (lid, e.get("regimes") or [])
            for lid, e in list_entries(rules)}


def group(key, cat, lid, regs):
    code = key.split("/", 1)[1]
    if lid == "cwc":
        return "cwc"
    if lid == "australia-group":
        return "ag-precursors"
    if lid == "nsg" and re.match(r"^[A-E]\.", code):
        return "nsg-trigger"
    if any(r.strip() == "MTCR Category I" for r in regs):
        return "mtcr-cat-i"
    if cat == "military":
        return "military"
    return cat


def table(ctl, rules):
    run = subprocess.run([ctl, "rules", "coverage", rules], capture_output=True,
                         text=True, encoding="utf-8")
    if run.returncode != 0:
        sys.exit("cordonctl rules coverage failed: %s" % run.stderr.strip())
    langs, rows = None, []
    for line in run.stdout.splitlines():
        f = line.split()
        if f[:2] == ["entry", "category"]:
            langs = f[2:f.index("terms")]
            continue
        if langs is None or len(f) < len(langs) + 4 or "/" not in f[0]:
            continue
        cells = f[2:2 + len(langs)]
        rows.append((f[0], f[1], {l: c != "-" for l, c in zip(langs, cells)}))
    if not langs or not rows:
        sys.exit("no coverage table in the output of cordonctl rules coverage")
    return langs, rows


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    ctl, rules = args[:2]
    langs, rows = table(ctl, rules)
    regs = regimes(rules)
    desig = by_designation(rules)
    count, total, miss = {}, {}, {}
    for key, cat, has in rows:
        if not any(has.values()):
            continue                    # HS alone: no terms in any language
        if key in desig:
            has = {l: True for l in has}
        lid, rg = regs.get(key, (key.split("/")[0], []))
        g = group(key, cat, lid, rg)
        total[g] = total.get(g, 0) + 1
        for l in langs:
            if has[l]:
                count[(g, l)] = count.get((g, l), 0) + 1
            else:
                miss.setdefault((g, l), []).append(key)
    groups = [g for g in ORDER if g in total] + sorted(set(total) - set(ORDER))
    allc = sum(count.values())
    print("term coverage: %d entries with terms, %d languages, %d of %d "
          "entry-languages named" % (sum(total.values()), len(langs), allc,
                                      sum(total.values()) * len(langs)))
    for g in groups:
        gaps = sorted(((total[g] - count.get((g, l), 0), l) for l in langs),
                      reverse=True)
        print("  %-14s %3d entries; gaps: %s" % (g, total[g], ", ".join(
            "%s %d" % (l, n) for n, l in gaps if n > 0) or "none"))
    if "--misses" in opts:
        i = opts.index("--misses")
        want = langs
        if i + 1 < len(opts) and not opts[i + 1].startswith("--") \
                and opts[i + 1] not in args[:2]:
            want = opts[i + 1].split(",")
        for g in groups:
            for l in want:
                if miss.get((g, l)):
                    print("  %s %s: %s" % (g, l, " ".join(miss[(g, l)])))
    if "--write-floor" in opts:
        with open(opts[opts.index("--write-floor") + 1], "w") as out:
            out.write("# group\tlanguage\tentries named at least "
                      "(tests/data/goods13/coverage.py)\n")
            for g in groups:
                for l in langs:
                    out.write("%s\t%s\t%d\n" % (g, l, count.get((g, l), 0)))
    if "--floor" in opts:
        bad = []
        for line in open(opts[opts.index("--floor") + 1], encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            g, l, n = line.rstrip("\n").split("\t")
            if count.get((g, l), 0) < int(n):
                bad.append("%s %s %d < %s" % (g, l, count.get((g, l), 0), n))
        if bad:
            print("below the floor: " + "; ".join(bad))
            sys.exit(1)


if __name__ == "__main__":
    main()
