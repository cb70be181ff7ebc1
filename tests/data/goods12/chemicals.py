#!/usr/bin/env python3
"""Every chemical of the CWC schedules and the Australia Group precursor list,
screened by its CAS number and by its English names.

Usage: chemicals.py CORDONCTL RULES_DIR DATA_DIR [--misses] [--floor N]

DATA_DIR is /work/shared/data/cwc-ag-chemicals: cas-list-membership.csv (the
CAS numbers of CWC Schedules 1-3 and of the Australia Group chemical weapons
precursor list) and cwc-schedules-transcribed.csv (the CWC Annex on
Chemicals, one row per listed chemical, family example or exemption).

- CAS: each listed CAS number, written as a declaration writes it ("CAS No.
  111-48-8, 200 l drum"), must raise a CAS hit of an entry that lists it.
- Names: each listed chemical and family example with a CAS number, by its
  common name and by its systematic name ("Thiodiglycol",
  "Bis(2-hydroxyethyl)sulfide"), with no CAS, must raise a hit of an entry
  that lists its CAS (or, for a family example, of the CWC entry of the
  family).  The two Schedule 1A16 rows are placeholders, not names, and a
  bare designation of two or three letters (VX, DF, QL, BZ) is not screened
  alone: it names too much else.
- Exemptions: a chemical the Annex exempts from a family ("Fonofos" from
  2B04), named alone and in a 200 l drum, must not hit that family's entry.

Prints the counts and, with --misses, each miss with its kind; exits 1 if an
exemption hits, or, with --floor, if fewer than N checks pass.
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import list_entries, screen_items  # noqa: E402


def entries(rules):
    """(list id, code) -> set of CAS numbers, for every list entry."""
    return {str(e["code"]): {str(c) for c in e.get("cas", [])}
            for _, e in list_entries(rules)}


def screen(ctl, rules, texts):
    return [[(h.get("entry"), h.get("reason")) for h in hits or []]
            for hits in screen_items(ctl, rules,
                                     [("000000", t) for t in texts])]


def names(name):
    """'Thiodiglycol: Bis(2-hydroxyethyl)sulfide' -> both names, without
    '... and corresponding protonated salts'."""
    name = re.sub(r" and corresponding .*$", "", name)
    return [p.strip() for p in name.split(": ") if p.strip()]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 3:
        sys.exit(__doc__)
    ctl, rules, data = args[:3]
    ents = entries(rules)
    by_cas = {}
    for code, cas in ents.items():
        for c in cas:
            by_cas.setdefault(c, set()).add(code)
    checks = []          # (kind, label, text, wanted entries, must_hit)
    for r in csv.DictReader(open(os.path.join(data,
                                              "cas-list-membership.csv"))):
        cas = r["cas_rn"].strip()
        checks.append(("cas", "%s (%s)" % (cas, r["lists"]),
                       "Chemical, CAS No. %s, 200 l drum" % cas,
                       by_cas.get(cas, set()), True))
    for r in csv.DictReader(open(os.path.join(
            data, "cwc-schedules-transcribed.csv"))):
        kind, cas, eid = r["entry_kind"], r["cas_rn"].strip(), r["entry_id"]
        if kind == "family" or "(example)" in r["name"]:
            continue
        for nm in names(r["name"]):
            if kind == "exemption":
                # By the name alone and in bulk: an exemption names another
                # substance, so it holds at any quantity (rules/README.md
                # "Exclusions, bulk and retail").
                checks.append(("exemption", "%s %s" % (eid, nm),
                               nm, {eid}, False))
                checks.append(("exemption", "%s %s in bulk" % (eid, nm),
                               "%s, 200 l drum" % nm, {eid}, False))
            elif cas and len(nm) <= 3:
                # VX, DF, QL, BZ: a bare designation of two letters names
                # too much else to be a term on its own; the entries take
                # it with context ("BZ agent", "VX nerve agent").
                continue
            elif cas:
                want = set(by_cas.get(cas, set()))
                if kind == "example" and eid in ents:
                    want.add(eid)
                checks.append(("name", "%s %s (%s)" % (eid, nm, cas),
                               "%s, 200 l drum" % nm, want, True))
    hits = screen(ctl, rules, [c[2] for c in checks])
    passed, misses, bad = {}, [], []
    for (kind, label, text, want, must), h in zip(checks, hits):
        ents_hit = {e for e, reason in h if kind != "cas" or reason == "cas"}
        ok = bool(want & ents_hit) if must else not (want & ents_hit)
        tot = passed.setdefault(kind, [0, 0])
        tot[1] += 1
        if ok:
            tot[0] += 1
            continue
        if kind == "exemption":
            bad.append(label)
        why = ("no entry lists this CAS" if must and not want else
               "hits %s" % (" ".join(sorted({e for e, _ in h})) or "none"))
        misses.append((kind, label, why))
    print("CWC and Australia Group chemicals: " + ", ".join(
        "%s %d/%d" % (k, v[0], v[1]) for k, v in passed.items()))
    if "--misses" in sys.argv:
        for kind, label, why in misses:
            print("  %s: %s: %s" % (kind, label, why))
    if bad:
        print("exempted chemicals hit their family's entry: %s" % ", ".join(bad))
        sys.exit(1)
    if "--floor" in sys.argv:
        fl = int(sys.argv[sys.argv.index("--floor") + 1])
        if sum(v[0] for v in passed.values()) < fl:
            print("below the floor of %d" % fl)
            sys.exit(1)


if __name__ == "__main__":
    main()
