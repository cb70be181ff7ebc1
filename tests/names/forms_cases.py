#!/usr/bin/env python3
"""forms_cases.py: name forms written by one rule of another language or
romanisation, for tests/names/forms.sh.

usage: forms_cases.py [--seed N] UN.xml SDN.csv

Each case takes a listed individual's name (the OFAC SDN primary names, and
the UN consolidated list's individuals) and rewrites one word by one rule,
written here from the languages' spelling conventions, not from the
matcher's tables:

  allah    an "Abd Allah" word (Abdullah, Abdallah, Abdulla...) in another
           of its usual spellings: the vowel of the article and of Allah
           (a, e, u, o), the l once or twice, the h or not (Abdelleh,
           Abdolloh, Abdulla)
  sound    an East Slavic given name of the OFAC Russian, Ukrainian and
           Belarusian programs with one sound rule applied (Ukrainian and
           Belarusian h for g, Belarusian ia for e and a for o in the first
           syllable, the endings -ei, -ey, -iy, -ii one for another): forms
           such as Serhey or Piatr that mix two languages' rules
  belarus  a family name of those programs with its Russian ending -ov, -ev
           written as the Belarusian -au, -eu, or the Belarusian ending as
           the Russian one (Ipatau / Ipatov, Karaeu / Karaev)
  look-*   look-alikes that must not find the subject: for allah, the word
           as Abd al- and another of the divine names (Abdulrahman,
           Abdelkarim) in a name of three words at most; for sound and
           belarus, the rewritten family name after another listed given
           name of other consonants (other_name)

Every case is searched in the SDN primary names alone (sdn.csv) when it
comes from the SDN list, in the UN list alone when it comes from there.

Output TSV: kind, list (un or sdn), expected reference, listed name, query.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_common import (SLAVIC_PROGRAMS, given_names,  # noqa: E402
                          individuals, parse, print_unique, sdn_names,
                          sound_key, un_names)

LOOK_WORDS_MAX = 3
ALLAH = re.compile(r"^ABD[AEOU]{1,2}L{1,2}[AEO]H?$")
ALLAH_FORMS = ["ABDULLAH", "ABDALLAH", "ABDELLAH", "ABDELLEH", "ABDULLA",
               "ABDULAH", "ABDOULLAH", "ABDALLA", "ABDOLLAH", "ABDOLLOH",
               "ABDULLEH", "ABDALLEH"]
OTHER_ABD = ["ABDULRAHMAN", "ABDELKARIM", "ABDULAZIZ", "ABDELQADIR",
             "ABDULLATIF", "ABDELHAMID", "ABDULMAJID", "ABDELRAHIM"]
SOUND = [
    (r"g", "h"),
    (r"^([bcdfklmnprstvz])e(?=[bcdfklmnprstvz])", r"\1ia"),
    (r"^([bcdfklmnprstvz]?)o(?=[bcdfklmnprstvz])", r"\1a"),
    (r"(ei|ey)$", "iy"), (r"(iy|ii)$", "ey"), (r"(ey|iy)$", "ei"),
    (r"y$", "ey"),
]
BELARUS = [(r"(?<=[bcdfgklmnprstvz])ov$", "au"),
           (r"(?<=[aeiou])ev$", "eu"), (r"(?<=[bcdfgklmnprstvz])au$", "ov"),
           (r"(?<=[aou])eu$", "ev")]


def other_name(given, parts):
    """True if <given> is another person's given name beside name <parts>:
    two of the first three consonants other than those of each word of the
    name: not the subject's given name (Mikalai is Nikolai), nor the
    father's name of a patronymic (Alexander beside Aleksandrovich, Mykola
    beside Nikolaevich)."""
    k = sound_key(given)
    return all(sum(a != b for a, b in zip(k.ljust(3), sound_key(p).ljust(3)))
               >= 2 for p in parts)


def allah_cases(rng, lst, ref, name, out):
    words = name.split(" ")
    for i, w in enumerate(words):
        if not ALLAH.match(w.upper()):
            continue
        forms = [f for f in ALLAH_FORMS if f != w.upper()]
        q = words[:i] + [rng.choice(forms).capitalize()] + words[i + 1:]
        out.append(("allah", lst, ref, name, " ".join(q)))
        # Another person only where the word is a third of the name or more.
        if len(words) <= LOOK_WORDS_MAX:
            q = words[:i] + [rng.choice(OTHER_ABD).capitalize()] + \
                words[i + 1:]
            out.append(("look-allah", lst, ref, name, " ".join(q)))
        return


def rewrite(rng, word, rules):
    low = word.lower()
    applied = [(p, r) for p, r in rules if re.search(p, low)]
    if not applied:
        return None
    p, r = rng.choice(applied)
    new = re.sub(p, r, low, count=1)
    return new.capitalize() if new != low else None


def slavic_cases(rng, ref, name, givens, out):
    parts = name.split(" ")
    if len(parts) < 2 or not re.fullmatch(r"[A-Za-z]{3,}", parts[0]):
        return
    g = rewrite(rng, parts[0], SOUND)
    if g:
        out.append(("sound", "sdn", ref, name, " ".join([g] + parts[1:])))
    fam = rewrite(rng, parts[-1], BELARUS) if len(parts[-1]) >= 5 else None
    if fam is None:
        return
    out.append(("belarus", "sdn", ref, name,
                " ".join(parts[:-1] + [fam.upper()])))
    other = [x for x in givens if other_name(x, parts)]
    out.append(("look-belarus", "sdn", ref, name,
                " ".join([rng.choice(other)] + [fam.upper()])))


def main():
    a, rng = parse(__doc__, ("un", "sdn"))
    out = []
    for ref, name, _origin in individuals(un_names(a.un)):
        allah_cases(rng, "un", ref, name, out)
    slavic = {}
    for ref, name, prog in individuals(sdn_names(a.sdn)):
        allah_cases(rng, "sdn", ref, name, out)
        if SLAVIC_PROGRAMS.search(prog):
            slavic[ref] = name
    givens = given_names(slavic.values())
    for ref in sorted(slavic, key=int):
        slavic_cases(rng, ref, slavic[ref], givens, out)
    print_unique(out, lambda row: (row[1], row[4]))


if __name__ == "__main__":
    main()
