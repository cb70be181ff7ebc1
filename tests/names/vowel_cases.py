#!/usr/bin/env python3
"""vowel_cases.py: listed names romanised with other short vowels, for
tests/names/vowels.sh.

usage: vowel_cases.py [--seed N] [--sdn SDN.csv] UN.xml [NEG-FILES...]

Arabic script writes no short vowels, and Persian, Urdu and Pashto names
come through it: each romanisation writes the fatha, kasra and damma its
own way (a or e, i or e, u or o: Saleh / Salih, Mohammed / Muhammad,
Hussein / Husain, Osman / Usman).  Each individual of the UN consolidated
list (references QD, TA, IQ, LY, SO, YE, SD, IR) and of the OFAC SDN list
(programs SDGT, FTO, IRAQ, SYRIA, YEMEN, LIBYA, SUDAN, SOMALIA, IRAN,
IRGC, HIZBALLAH) gets one variant: every word of four letters or more
has one of its vowels (and, from seven letters, a second) written as the
other short vowel of the pair where it stands between consonants inside
the word, as a listed name is spelled again from the Arabic script.  Every distinctive word changes, so no word is found as
listed: the search has to bring the listed name by its vowel variants.

Two kinds that must not find the subject are made the same way:
  look   the same variant with one consonant of each changed word replaced
         by a consonant no romanisation writes for it (another name:
         Salih is not Talih)
  neg    names of other sources (NEG-FILES: HMRC declaration parties, BIS
         DPL) varied by the same rule: not listed, no alert expected (a
         name the SDN list also carries is left out)

Output TSV: kind (pos, look, neg), list ("un", "ofac" or ""), reference,
listed name, query.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_common import listed, parse  # noqa: E402
from gen_cases import name_keys, neg_names, sdn_keys  # noqa: E402

UN_PREFIXES = ("QD", "TA", "IQ", "LY", "SO", "YE", "SD", "IR")
SDN_PROGRAMS = ("SDGT", "FTO", "IRAQ", "SYRIA", "YEMEN", "LIBYA", "SUDAN",
                "SOMALIA", "IRAN", "IRGC", "HIZBALLAH")
# The short vowels romanisations write for one another.
VOWEL_OF = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}
WORD_MIN = 4
SECOND_FROM = 7
# Consonants that no romanisation writes for one another (look-alikes).
OTHER_CONS = "bflmnprt"


def vary_word(rng, w, look):
    low = w.lower()
    # A short vowel between consonants: what the script leaves unwritten.
    at = [i for i, c in enumerate(low) if c in VOWEL_OF and
          0 < i < len(low) - 1 and low[i - 1] not in "aeiouwy" and
          low[i + 1] not in "aeiouwy"]
    if len(low) < WORD_MIN or not low.isalpha() or not at:
        return w
    rng.shuffle(at)
    chars = list(low)
    for i in at[:2 if len(low) >= SECOND_FROM else 1]:
        chars[i] = VOWEL_OF[chars[i]]
    if look:
        cons = [i for i, c in enumerate(chars)
                if i > 0 and c.isalpha() and c not in "aeiouhwy"]
        if cons:
            i = rng.choice(cons)
            chars[i] = rng.choice([c for c in OTHER_CONS if c != chars[i]])
    out = "".join(chars)
    return out.upper() if w.isupper() else out.capitalize()


def variant(rng, name, look=False):
    words = re.split(r"(\s+|-)", name)
    out = [vary_word(rng, w, look) for w in words]
    q = "".join(out)
    return q if q.lower() != name.lower() else None


def arabic_script(lst, ref, program):
    if lst == "un":
        return ref[:2] in UN_PREFIXES
    return any(p in program for p in SDN_PROGRAMS)


def main():
    a, rng = parse(__doc__, ("un",), sdn=True, neg=True)
    seen = set()
    for lst, names in listed(a.un, a.sdn):
        for ref, kind, name, origin in names:
            if kind != "individual" or not arabic_script(lst, ref, origin):
                continue
            for k, look in (("pos", False), ("look", True)):
                q = variant(rng, name, look)
                if q is None or (k, q) in seen:
                    continue
                seen.add((k, q))
                print("\t".join((k, lst, ref, name, q)))
    # Names the SDN list carries too (the BIS list shares subjects with
    # it) are not negatives.
    listed_keys = sdn_keys(a.sdn) if a.sdn else set()
    for n in neg_names(a.neg):
        if listed_keys.intersection(name_keys(n)):
            continue
        q = variant(rng, n)
        if q is not None and ("neg", q) not in seen:
            seen.add(("neg", q))
            print("\t".join(("neg", "", "", n, q)))


if __name__ == "__main__":
    main()
