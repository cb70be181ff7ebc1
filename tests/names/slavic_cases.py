#!/usr/bin/env python3
"""slavic_cases.py: East Slavic given names in another language's form, for
tests/names/slavic.sh.

usage: slavic_cases.py [--seed N] SDN.csv ALT.csv

Russian, Ukrainian and Belarusian write one given name differently, and
each romanises its own form: Sergei, Serhiy, Siarhei.  The OFAC SDN list
names individuals of the Russian, Ukrainian and Belarusian programs
(programs UKRAINE-*, RUSSIA-*, BELARUS*) in one form; a declaration may
write another.  Three kinds of case:

  alias  the list's own a.k.a. of such a person whose first word (the given
         name) differs from the primary name's and that shares another
         word with it (same letters): real other forms, chosen without the
         matcher under test, searched in the primary names alone
  rule   the primary name with its given name rewritten by the sound
         correspondences of Ukrainian or Belarusian to Russian (g as h,
         initial a- as o-, -ei as -iy; Belarusian akanye o as a, e as ia,
         v as u after a vowel, soft d and t as dz and ts, i as y after a
         consonant in Ukrainian), written here from the languages' rules,
         not from the matcher's table
  look   the primary name with its given name replaced by another listed
         person's given name of these programs whose first consonants are
         others (sound_key): another person of the same family, must not
         find the subject

Output TSV: kind, expected ent_num, primary name ("First LAST"), query.
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_common import (SLAVIC_PROGRAMS, first_last,  # noqa: E402
                          given_names, individuals, parse, print_unique,
                          sdn_names, sound_key)

UKRAINIAN = [
    (r"g", "h"), (r"^ale", "ole"), (r"(ei|ey|y)$", "iy"),
    (r"(?<=[bcdfklmnprstvz])i(?=[bcdfklmnprstvz])", "y"),
]
BELARUSIAN = [
    (r"g", "h"), (r"^ale", "alia"), (r"^o", "a"),
    (r"(?<=[bcdfklmnprstvz])o(?=[bcdfklmnprstvz])", "a"),
    (r"(?<=[bcfkmnprsv])e(?=[bcdfklmnprstvz])", "ia"),
    (r"(?<=[aeiou])v(?=[bcdfghklmnprstz])", "u"), (r"^d(?=[emi])", "dz"),
    (r"^t(?=[ei])", "ts"), (r"(ey|y)$", "ei"),
]


def words(name):
    return re.findall(r"[A-Z0-9]+", name.upper())


def rewrite(rng, given, rules):
    low = given.lower()
    applied = [(p, r) for p, r in rules if re.search(p, low)]
    if not applied:
        return None
    rng.shuffle(applied)
    for p, r in applied[:rng.choice((1, 2, 3))]:
        low = re.sub(p, r, low, count=1)
    return low.capitalize() if low != given.lower() else None


def main():
    a, rng = parse(__doc__, ("sdn", "alt"))
    prim = {ref: name for ref, name, _prog in
            individuals(sdn_names(a.sdn), SLAVIC_PROGRAMS)}
    out = []
    with open(a.alt, encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) < 4 or row[0].strip() not in prim:
                continue
            ent = row[0].strip()
            if row[2].strip() != "aka" or (len(row) > 4 and
                                            row[4].strip().lower().startswith("weak")):
                continue
            q = first_last(row[3])
            pw, qw = words(prim[ent]), words(q)
            if (len(pw) < 2 or len(qw) < 2 or pw[0] == qw[0] or
                    not set(pw[1:]) & set(qw[1:])):
                continue
            out.append(("alias", ent, prim[ent], q))
    givens = given_names(prim.values())
    for ent in sorted(prim, key=int):
        name = prim[ent]
        parts = name.split(" ")
        if len(parts) < 2 or not re.fullmatch(r"[A-Za-z]{3,}", parts[0]):
            continue
        for rules in (UKRAINIAN, BELARUSIAN):
            g = rewrite(rng, parts[0], rules)
            if g:
                out.append(("rule", ent, name, " ".join([g] + parts[1:])))
        other = [g for g in givens if sound_key(g) != sound_key(parts[0])]
        out.append(("look", ent, name,
                    " ".join([rng.choice(other)] + parts[1:])))
    print_unique(out, lambda row: row[3])


if __name__ == "__main__":
    main()
