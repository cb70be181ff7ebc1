#!/usr/bin/env python3
"""Pairs of the alias check (tests/names/xalias.sh): one list's own other
spellings of a person's name, searched against its primary names alone.

usage: xalias_pairs.py SDN.csv ALT.csv

The OFAC SDN list gives each individual one primary name (sdn.csv) and
a.k.a. names (alt.csv) that are often the same name romanised another way
("QADHAFI, Aisha" a.k.a. "GADHAFI, Aysha").  An a.k.a. is kept when it
shares at least one word with the primary name (same letters, ignoring
case and punctuation) and is not the very same name (same words, any
order): the other spellings of the same name, chosen without the matcher
under test.  Aliases that share no word (a kunya, a name of war) are
another kind of name, not another spelling, and are left out, as are the
list's own "weak" a.k.a.

Output, TSV: expected ent_num, primary name ("First LAST"), query, half
(parity of the CRC-32 of the ent_num, as xlist_pairs.py splits).
"""
import csv
import re
import sys
import zlib


def words(name):
    return re.findall(r"[A-Z0-9]+", name.upper())


def first_last(name):
    """OFAC "LAST, First" as a declaration writes it: "First LAST"."""
    if "," in name:
        last, first = name.split(",", 1)
        return re.sub(r"\s+", " ", first + " " + last).strip()
    return re.sub(r"\s+", " ", name).strip()


def main():
    prim = {}
    with open(sys.argv[1], encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) >= 3 and row[2].strip() == "individual":
                prim[row[0].strip()] = first_last(row[1])
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    seen = set()
    with open(sys.argv[2], encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) < 4 or row[0].strip() not in prim:
                continue
            ent = row[0].strip()
            if row[2].strip() != "aka":
                continue
            if len(row) > 4 and row[4].strip().lower().startswith("weak"):
                continue
            q = first_last(row[3])
            pw, qw = words(prim[ent]), words(q)
            if sorted(pw) == sorted(qw) or not set(pw) & set(qw):
                continue
            if (ent, q) in seen:
                continue
            seen.add((ent, q))
            w.writerow([ent, prim[ent], q,
                        str(zlib.crc32(ent.encode()) & 1)])


if __name__ == "__main__":
    main()
