#!/usr/bin/env python3
"""roman_cases.py: listed names in another romanisation system, for
tests/names/roman.sh.

usage: roman_cases.py [--seed N] [--sdn SDN.csv] UN.xml

Each case takes a listed individual's name and writes it again by the
rules of another romanisation system, written here from the systems' own
conventions, not from the matcher's tables:

  korean   a North Korean name (UN references KP, OFAC programs DPRK), as
           McCune-Reischauer writes it, in Revised Romanization or in the
           South's usual spellings: the family name as the South writes it
           (Pak as Park or Bak, Ri as Lee, Yi or Rhee, Choe as Choi, Jong as
           Jeong or Chung, Kim as Gim, O as Oh, Rim as Lim or Im, Ro as Roh
           or No, Ryu as Yu or Yoo, Sin as Shin), and each given-name
           syllable by one rule: the voiced initials (k g, p b, t d, ch j),
           o as eo (Chol / Cheol, Hyok / Hyeok, Yong / Yeong), ong as ung
           (Song / Sung, Yong / Young), si as shi, th and ph as t and p,
           u as oo; the given name's syllables apart, hyphenated or run
           together (Chol Su, Chol-Su, Cholsu)
  malay    an Indonesian or Malaysian name (UN and OFAC nationality) in
           the Dutch-based spelling before 1972: u as oe in the first
           syllable (Suharto / Soeharto), j as dj, c as tj, kh as ch, h
           after a vowel before a consonant as ch (Ahmad / Achmad), y as j
           (Yusuf / Jusuf)
  belarus  a family name of the OFAC Russian, Ukrainian and Belarusian
           programs ending in -ov after a consonant, with the stressed
           Belarusian ending -ou (Ivanov / Ivanou)
  look-*   look-alikes that must not find the subject: korean (names of
           two given-name syllables), the same family name with every
           given-name syllable's initial consonant replaced by one no
           system writes for it (m, s), or one put before it (another
           person of the family); malay (names of three words or more),
           the variant with every word but one replaced by a word of the
           other listed names of these nations (another person sharing a
           name); belarus,
           the rewritten family name after another listed person's given
           name of other consonants

Output TSV: kind, list (un or sdn), reference, listed name, query.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_common import (SLAVIC_PROGRAMS, given_names,  # noqa: E402
                          individuals, parse, print_unique, sdn_names,
                          sound_key, un_names)

# McCune-Reischauer family names as the South and Revised Romanization
# write them.
KOREAN_FAMILY = {
    "pak": ["park", "bak"], "ri": ["lee", "yi", "rhee"], "choe": ["choi"],
    "jong": ["jeong", "chung"], "kim": ["gim"], "o": ["oh"],
    "rim": ["lim", "im"], "ro": ["roh", "no", "noh"], "ryu": ["yu", "yoo"],
    "sin": ["shin"], "jon": ["jeon"], "chon": ["jeon", "chun"],
    "hyon": ["hyeon", "hyun"], "kang": ["gang"], "ko": ["go"],
    "yun": ["yoon"], "thae": ["tae"], "pyon": ["byeon", "byun"],
}
# One syllable by one rule: (pattern, replacement).
KOREAN_SYLLABLE = [
    (r"^k(?=[aeiouwy])", "g"), (r"^p(?=[aeiouwy])", "b"),
    (r"^t(?=[aeiouwy])", "d"), (r"^ch(?=[aeiouwy])", "j"),
    (r"(?<=[^aeiou])o(?=(l|k|n|ng|m|p)$)", "eo"),
    (r"ong$", "ung"), (r"^yong$", "young"), (r"^si", "shi"),
    (r"^th", "t"), (r"^ph", "p"), (r"u$", "oo"),
]
# Consonants no system writes for another (look-alikes).
OTHER_INITIAL = "ms"
MALAY = [
    (r"^([^aeiou]*)u(?=[^aeiou])", r"\1oe"), (r"j", "dj"), (r"c(?!h)", "tj"),
    (r"kh", "ch"), (r"(?<=[aeiou])h(?=[bcdfgjklmnpqrstvz])", "ch"),
    (r"y(?=[aeiou])", "j"),
]
MALAY_NATIONS = re.compile(r"Indonesia|Malaysia", re.I)
KOREA_PROGRAMS = re.compile(r"DPRK")
BELARUS_OU = re.compile(r"(?<=[bcfgklmnprstvz])ov$", re.I)
FAMILY_MIN = 6


def cap(word, like):
    return word.upper() if like.isupper() else word.capitalize()


def rewrite(rng, word, rules):
    low = word.lower()
    applied = [(p, r) for p, r in rules if re.search(p, low)]
    if not applied:
        return None
    p, r = rng.choice(applied)
    new = re.sub(p, r, low, count=1)
    return cap(new, word) if new != low else None


def look(rng, word):
    """<word> with its initial consonant replaced, or one put before its
    first vowel: another name."""
    low = word.lower()
    m = re.match(r"^(ch|th|ph|sh|[^aeiou])?", low)
    new = rng.choice([c for c in OTHER_INITIAL if c != low[0]])
    return cap(new + low[m.end():], word)


def korean_case(rng, name):
    """(variant, look-alike) of a Korean name: the family name first when
    the name is written in one case (the UN list), else the word in
    capitals (the SDN list's "Given FAMILY"); or None."""
    words = re.split(r"[\s-]+", name)
    if len(words) < 2 or not all(re.fullmatch(r"[A-Za-z]{1,6}", w)
                                 for w in words):
        return None
    upper = [i for i, w in enumerate(words) if w.isupper()]
    fam_at = 0 if len(upper) in (0, len(words)) else upper[-1]
    fam = words[fam_at]
    given = [w for i, w in enumerate(words) if i != fam_at]
    forms = KOREAN_FAMILY.get(fam.lower())
    new_fam = cap(rng.choice(forms), fam) if forms else fam
    new_given = [rewrite(rng, g, KOREAN_SYLLABLE) or g for g in given]
    if new_fam == fam and new_given == given:
        return None
    sep = rng.choice([" ", "-", ""])
    rest = [g if sep == " " or g.isupper() else g.lower()
            for g in new_given[1:]]
    joined = sep.join([new_given[0]] + rest)
    other_joined = " ".join(look(rng, g) for g in new_given) \
        if len(new_given) >= 2 else None
    if fam_at == 0:
        return (new_fam + " " + joined,
                other_joined and new_fam + " " + other_joined)
    return (joined + " " + new_fam,
            other_joined and other_joined + " " + new_fam)


def malay_case(rng, name, words_of_others):
    """(variant, look-alike) of an Indonesian or Malaysian name, or None.
    The look-alike is another person who shares one word of the name: the
    variant with every other word replaced by a word of the other listed
    names of these nations (<words_of_others>, other first letters)."""
    words = name.split(" ")
    idx = [i for i, w in enumerate(words)
           if len(w) >= 4 and rewrite(rng, w, MALAY)]
    if not idx:
        return None
    rng.shuffle(idx)
    out = list(words)
    for i in idx[:2]:
        out[i] = rewrite(rng, words[i], MALAY)
    if len(out) < 3:
        return " ".join(out), None
    keep = rng.randrange(len(out))
    other = [w if i == keep else
             cap(rng.choice([x for x in words_of_others
                             if x[0] != w[0].lower()]), w)
             for i, w in enumerate(out)]
    return " ".join(out), " ".join(other)


def belarus_case(rng, name, givens):
    parts = name.split(" ")
    fam = parts[-1]
    if len(parts) < 2 or len(fam) < FAMILY_MIN or \
            not BELARUS_OU.search(fam):
        return None
    new = BELARUS_OU.sub("ou" if fam.islower() else "OU", fam)
    keys = {sound_key(p) for p in parts}
    other = [g for g in givens if sound_key(g) not in keys and
             sum(a != b for a, b in zip(sound_key(g).ljust(3),
                                        sound_key(parts[0]).ljust(3))) >= 2]
    return (" ".join(parts[:-1] + [new]),
            rng.choice(other) + " " + new)


def un_nations(path):
    """UN reference -> its nationalities, one string."""
    import xml.etree.ElementTree as ET
    out = {}
    for e in ET.parse(path).getroot().find("INDIVIDUALS"):
        ref = (e.findtext("REFERENCE_NUMBER") or "").strip()
        out[ref] = " ".join(v.text or "" for v in
                            e.findall("NATIONALITY/VALUE"))
    return out


def sdn_remarks(path):
    import csv
    out = {}
    with open(path, encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) >= 12:
                out[row[0].strip()] = row[11]
    return out


def add(out, kind, lst, ref, name, pair):
    if pair:
        out.append((kind, lst, ref, name, pair[0]))
        if pair[1]:
            out.append(("look-" + kind, lst, ref, name, pair[1]))


def malay_words(names):
    """The words of four letters or more of <names> (lowercase)."""
    return sorted({w.lower() for n in names for w in n.split(" ")
                   if re.fullmatch(r"[A-Za-z]{4,}", w)})


def main():
    a, rng = parse(__doc__, ("un",), sdn=True)
    out = []
    nations = un_nations(a.un)
    korean, malay, slavic = [], [], {}
    for ref, name, _o in individuals(un_names(a.un)):
        if ref.startswith("KP"):
            korean.append(("un", ref, name))
        elif MALAY_NATIONS.search(nations.get(ref, "")):
            malay.append(("un", ref, name))
    if a.sdn:
        remarks = sdn_remarks(a.sdn)
        for ref, name, prog in individuals(sdn_names(a.sdn)):
            if KOREA_PROGRAMS.search(prog):
                korean.append(("sdn", ref, name))
            elif re.search(r"nationality (Indonesia|Malaysia)",
                           remarks.get(ref, "")):
                malay.append(("sdn", ref, name))
            elif SLAVIC_PROGRAMS.search(prog):
                slavic[ref] = name
    for lst, ref, name in korean:
        add(out, "korean", lst, ref, name, korean_case(rng, name))
    for lst, ref, name in malay:
        others = malay_words(n for _l, r, n in malay if r != ref)
        add(out, "malay", lst, ref, name, malay_case(rng, name, others))
    givens = given_names(slavic.values())
    for ref in sorted(slavic, key=int):
        add(out, "belarus", "sdn", ref, slavic[ref],
            belarus_case(rng, slavic[ref], givens))
    print_unique(out, lambda row: (row[0], row[1], row[4]))


if __name__ == "__main__":
    main()
