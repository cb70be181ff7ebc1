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
import argparse
import csv
import random
import re

PROGRAMS = re.compile(r"UKRAINE|RUSSIA|BELARUS")
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


def first_last(name):
    if "," in name:
        last, first = name.split(",", 1)
        return re.sub(r"\s+", " ", first + " " + last).strip()
    return re.sub(r"\s+", " ", name).strip()


def sound_key(given):
    """The first three consonants of a given name, as the three languages
    share them (g and h, dz and d, ts and t, x and ks one; vowels, y and j
    left out): two given names with other keys are other names, not other
    forms of one."""
    low = given.lower().replace("dz", "d").replace("ts", "t")
    low = low.replace("x", "ks").replace("g", "h").replace("w", "v")
    return re.sub(r"[aeiouyj]", "", low)[:3]


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
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261130)
    ap.add_argument("sdn")
    ap.add_argument("alt")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    prim = {}
    with open(a.sdn, encoding="latin-1") as f:
        for row in csv.reader(f):
            if (len(row) >= 4 and row[2].strip() == "individual" and
                    PROGRAMS.search(row[3])):
                prim[row[0].strip()] = first_last(row[1])
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
    givens = sorted({n.split(" ")[0] for n in prim.values()
                     if re.fullmatch(r"[A-Za-z]{3,}", n.split(" ")[0])})
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
    seen = set()
    for row in out:
        if row[3] not in seen:
            seen.add(row[3])
            print("\t".join(row))


if __name__ == "__main__":
    main()
