"""cases_common.py: what the rule-made case generators of tests/names share
(forms_cases.py, slavic_cases.py, vowel_cases.py, ocr_cases.py and the
checks that came after them): their command line, the listed names they
read, and how they print their cases.  It holds no rule of any language:
each generator writes its own, so that no two checks lean on one table.

The list readers are those of gen_cases.py (UN consolidated list, OFAC SDN
primary names as "First LAST"), so that every check reads a list one way.
"""
import argparse
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_cases import sdn_names, un_names  # noqa: E402,F401

SEED = 20261130
# The OFAC programs of Russia, Ukraine and Belarus (RUSSIA-EO14024,
# UKRAINE-EO13662, BELARUS-EO14038...): East Slavic names.
SLAVIC_PROGRAMS = re.compile(r"UKRAINE|RUSSIA|BELARUS")


def parse(doc, positional, sdn=False, neg=False):
    """The command line of a generator: --seed N, then <positional> file
    arguments by name; --sdn SDN.csv when <sdn>; any number of NEG-FILES
    after them when <neg>.  Returns (arguments, the seeded random source)."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--seed", type=int, default=SEED)
    if sdn:
        ap.add_argument("--sdn")
    for p in positional:
        ap.add_argument(p)
    if neg:
        ap.add_argument("neg", nargs="*")
    a = ap.parse_args()
    return a, random.Random(a.seed)


def listed(un, sdn=None):
    """[(list, names)]: the UN list's names, then the SDN primary names when
    <sdn> is given; names as gen_cases.py reads them (ref, kind, name,
    origin: the UN reference's prefix or the SDN programs)."""
    lists = [("un", un_names(un))]
    if sdn:
        lists.append(("ofac", sdn_names(sdn)))
    return lists


def individuals(names, programs=None):
    """The individuals among <names> (ref, name, origin), of the OFAC programs
    <programs> matches when it is given."""
    for ref, kind, name, origin in names:
        if kind == "individual" and (programs is None or
                                     programs.search(origin)):
            yield ref, name, origin


def first_last(name):
    """An OFAC name "LAST, First" as "First LAST"; spaces made single."""
    if "," in name:
        last, first = name.split(",", 1)
        name = first + " " + last
    return re.sub(r"\s+", " ", name).strip()


def sound_key(given):
    """The first three consonants of an East Slavic given name as Russian,
    Ukrainian and Belarusian share them (g and h, dz and d, ts and t, x and
    ks one; vowels, y and j left out): two given names with other keys are
    other names, not other forms of one."""
    low = given.lower().replace("dz", "d").replace("ts", "t")
    low = low.replace("x", "ks").replace("g", "h").replace("w", "v")
    return re.sub(r"[aeiouyj]", "", low)[:3]


def given_names(names):
    """The sorted first words of <names> that are plain given names (three
    letters or more, Latin letters only)."""
    return sorted({n.split(" ")[0] for n in names
                   if re.fullmatch(r"[A-Za-z]{3,}", n.split(" ")[0])})


def print_unique(rows, key):
    """Prints each row of <rows> as a TSV line, the first row of each
    <key>(row) only."""
    seen = set()
    for row in rows:
        k = key(row)
        if k not in seen:
            seen.add(k)
            print("\t".join(row))
