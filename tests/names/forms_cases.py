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
import argparse
import csv
import random
import re
import xml.etree.ElementTree as ET

LOOK_WORDS_MAX = 3
PROGRAMS = re.compile(r"UKRAINE|RUSSIA|BELARUS")
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


def first_last(name):
    if "," in name:
        last, first = name.split(",", 1)
        return re.sub(r"\s+", " ", first + " " + last).strip()
    return re.sub(r"\s+", " ", name).strip()


def sound_key(given):
    """The first three consonants of a given name as the three languages
    share them: two given names with other keys are other names."""
    low = given.lower().replace("dz", "d").replace("ts", "t")
    low = low.replace("x", "ks").replace("g", "h").replace("w", "v")
    return re.sub(r"[aeiouyj]", "", low)[:3]


def other_name(given, parts):
    """True if <given> is another person's given name beside name <parts>:
    two of the first three consonants other than those of each word of the
    name: not the subject's given name (Mikalai is Nikolai), nor the
    father's name of a patronymic (Alexander beside Aleksandrovich, Mykola
    beside Nikolaevich)."""
    k = sound_key(given)
    return all(sum(a != b for a, b in zip(k.ljust(3), sound_key(p).ljust(3)))
               >= 2 for p in parts)


def un_names(path):
    root = ET.parse(path).getroot()
    for e in root.find("INDIVIDUALS"):
        ref = (e.findtext("REFERENCE_NUMBER") or "").strip()
        parts = [(e.findtext(t) or "").strip() for t in
                 ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        name = re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()
        if ref and name:
            yield ref, name


def sdn_names(path):
    with open(path, encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) >= 4 and row[2].strip() == "individual":
                yield row[0].strip(), first_last(row[1]), row[3]


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
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261130)
    ap.add_argument("un")
    ap.add_argument("sdn")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = []
    for ref, name in un_names(a.un):
        allah_cases(rng, "un", ref, name, out)
    slavic = {}
    for ref, name, prog in sdn_names(a.sdn):
        allah_cases(rng, "sdn", ref, name, out)
        if PROGRAMS.search(prog):
            slavic[ref] = name
    givens = sorted({n.split(" ")[0] for n in slavic.values()
                     if re.fullmatch(r"[A-Za-z]{3,}", n.split(" ")[0])})
    for ref in sorted(slavic, key=int):
        slavic_cases(rng, ref, slavic[ref], givens, out)
    seen = set()
    for row in out:
        if (row[1], row[4]) not in seen:
            seen.add((row[1], row[4]))
            print("\t".join(row))


if __name__ == "__main__":
    main()
