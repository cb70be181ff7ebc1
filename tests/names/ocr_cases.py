#!/usr/bin/env python3
"""ocr_cases.py: listed names as scanning and typing misread them, for
tests/names/ocr.sh.  Each UN consolidated list name (and, with --sdn, each
OFAC SDN primary name) that has a word of four letters or more holding an
O, an l or an I gets one variant: in one such word (chosen by a fixed
seed), one of those letters written as the digit it is mistaken for (O as
0, l and I as 1), and, for one name in three, a second such letter in
another word.  Real names, the distortion is the only thing made here.
Output TSV: list ("un" or "ofac"), reference, listed name, query.

usage: ocr_cases.py [--seed N] [--sdn SDN.csv] UN.xml
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_common import listed, parse, print_unique  # noqa: E402

DIGIT = {"O": "0", "o": "0", "l": "1", "I": "1"}
WORD_MIN = 4


def misread_word(rng, word):
    at = [i for i, c in enumerate(word) if c in DIGIT]
    if len(word) < WORD_MIN or not at or not word.replace("-", "").isalpha():
        return None
    i = rng.choice(at)
    return word[:i] + DIGIT[word[i]] + word[i + 1:]


def variant(rng, name):
    words = name.split(" ")
    cand = [i for i, w in enumerate(words) if misread_word(rng, w)]
    if not cand:
        return None
    rng.shuffle(cand)
    for i in cand[:2 if len(cand) > 1 and rng.random() < 1 / 3 else 1]:
        words[i] = misread_word(rng, words[i])
    return " ".join(words)


def cases(rng, lists):
    for lst, names in lists:
        for ref, _kind, name, _origin in names:
            q = variant(rng, name)
            if q is not None:
                yield lst, ref, name, q


def main():
    a, rng = parse(__doc__, ("un",), sdn=True)
    print_unique(cases(rng, listed(a.un, a.sdn)), lambda row: row[3])


if __name__ == "__main__":
    main()
