#!/usr/bin/env python3
"""Generates the cases of Cordon's name-matching generalisation check.

usage: gen_cases.py [--seed N] [--per-kind N] [--exclude CASES.tsv] UN.xml [SDN.csv] NEG-FILES...

Positives: a seeded sample of primary names of the UN consolidated list (and,
with SDN.csv, of the OFAC SDN list, searched with UN + OFAC loaded), each
distorted by one kind of distortion written here from the romanisation
systems and typing habits themselves, not from any evaluation set:

  concat    two or more adjacent words run together ("MAULANAFAZLULLAH")
  typo1     one letter wrong, missing, added or two swapped
  typo2     two such errors in the name
  translit  another romanisation: Arabic / Persian (ou/u, kh/h/x, j/dj/zh,
            q/k/g, ee/i, -iy/-i, al-/el-/ul-, dh/z, th/s, w/v, sh/ch, a/e),
            Russian (BGN / scholarly / French / German), Korean (McCune-
            Reischauer / Revised: k/g, p/b, t/d, ch/j, eo/o/u, ae/ay),
            Chinese (pinyin / Wade-Giles: x/hs, zh/ch, q/ch, j/ch, z/ts)
  swap      word order changed
  split     a long word split in two
  typoshort one typing error or romanisation confusion (gh/g, kh/k/h,
            ou/u/o, y/i) in a word of three to six letters
  hyphen    a hyphen or space moved inside the name by one or two letters
            ("KWANGI-L" for KWANG-IL, "ALQ-AIDA" for AL-QAIDA), or a
            hyphenated pair written as one word or two
  drop      a given name, patronymic or particle of a name of three words
            or more left out, sometimes with another romanisation

--per-kind 0 takes every listed subject a kind applies to.

Names of other sources serve as negatives: whatever NEG-FILES hold (HMRC
declaration XML party names; BIS DPL dpl.txt; us-csl csl.csv rows that are
not on the SDN list), each as is and with one typing error.  neg-generic:
a listed entity's name with its distinctive words replaced by a place name
of the UN list's addresses, keeping the words many listed firms share
(sector words, legal forms: "TEHRAN TRADING COMPANY"); a firm of a place
and a sector is not the listed firm.  The output is
TSV: kind, label (POS/NEG), list ("un" or "ofac"), expected reference, listed
name, query.  --exclude drops listed subjects that another set already uses.
"""
import argparse
import csv
import glob
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

VOWELS = "aeiou"

# Romanisation rewrites, each (pattern, replacement) on lower case, applied
# where they match; a variant takes one to three of them.
ARABIC = [
    (r"ou", "u"), (r"u", "ou"), (r"oo", "u"), (r"kh", "h"), (r"kh", "x"),
    (r"\bj", "dj"), (r"j", "zh"), (r"q", "k"), (r"q", "g"), (r"k", "q"),
    (r"ee", "i"), (r"i", "ee"), (r"iy\b", "i"), (r"i\b", "iy"),
    (r"\bal-", "el-"), (r"\bal-", "ul-"), (r"\bal ", "el "), (r"\bel-", "al-"),
    (r"dh", "z"), (r"th", "s"), (r"w", "v"), (r"sh", "ch"), (r"a", "e"),
    (r"e", "a"), (r"mohammed", "muhammad"), (r"muhammad", "mohamed"),
    (r"mohammad", "mohamad"), (r"ahmed", "ahmad"), (r"ahmad", "ahmed"),
    (r"y", "i"), (r"aa", "a"), (r"abdul ", "abd al-"), (r"abd al-", "abdul "),
    (r"gh", "q"), (r"ei", "ay"), (r"ai", "ay"), (r"ay", "ai"), (r"o", "u"),
    (r"u", "o"), (r"ss", "s"), (r"([^aeiou])\1", r"\1"), (r"z", "dh"),
]
RUSSIAN = [
    (r"kh", "h"), (r"kh", "ch"), (r"zh", "j"), (r"zh", "sch"), (r"ya", "ia"),
    (r"yu", "iu"), (r"ya", "ja"), (r"yu", "ju"), (r"iy\b", "y"), (r"iy\b", "ij"),
    (r"y\b", "i"), (r"ev\b", "yev"), (r"shch", "sch"), (r"ts", "tz"),
    (r"ch", "tch"), (r"sh", "ch"), (r"ovich\b", "ovitch"), (r"ov\b", "off"),
    (r"ye", "e"), (r"e", "ye"), (r"v", "w"),
]
KOREAN = [
    (r"\bk", "g"), (r"\bg", "k"), (r"\bp", "b"), (r"\bb", "p"), (r"\bt", "d"),
    (r"\bd", "t"), (r"\bch", "j"), (r"\bj", "ch"), (r"eo", "o"), (r"o", "eo"),
    (r"u", "oo"), (r"ae", "ay"), (r"\bri\b", "li"), (r"\bri\b", "lee"),
    (r"\bri\b", "yi"), (r"\bchoe\b", "choi"), (r"\bkim\b", "gim"),
    (r"\bpak\b", "park"), (r"yo", "yeo"), (r"-", " "), (r"-", ""),
    (r"ung", "ong"), (r"\byong", "ryong"), (r"\bry", "y"), (r"eu", "u"),
    (r"wo", "weo"), (r"\bs", "sh"),
]
CHINESE = [
    (r"\bx", "hs"), (r"\bhs", "x"), (r"\bzh", "ch"), (r"\bq", "ch"),
    (r"\bj", "ch"), (r"\bz", "ts"), (r"\bc", "ts"), (r"ong\b", "ung"),
    (r"ui\b", "uei"), (r"\bg", "k"), (r"\bd", "t"), (r"\bb", "p"),
    (r"ian\b", "ien"), (r"e\b", "o"),
]


def norm_space(s):
    return re.sub(r"\s+", " ", s).strip()


def un_names(path):
    out = []
    root = ET.parse(path).getroot()
    for sec, kind in (("INDIVIDUALS", "individual"), ("ENTITIES", "entity")):
        for e in root.find(sec):
            ref = (e.findtext("REFERENCE_NUMBER") or "").strip()
            parts = [(e.findtext(t) or "").strip() for t in
                     ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
            name = norm_space(" ".join(p for p in parts if p))
            if ref and name:
                out.append((ref, kind, name, ref[:2]))
    return out


def sdn_names(path):
    out = []
    with open(path, encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) < 4 or row[2].strip() not in ("-0-", "individual"):
                continue
            kind = "individual" if row[2].strip() == "individual" else "entity"
            name = row[1].strip()
            if kind == "individual" and "," in name:
                last, first = name.split(",", 1)
                name = first.strip() + " " + last.strip()
            out.append((row[0].strip(), kind, norm_space(name), row[3].strip()))
    return out


def regime_rules(ref, name):
    """Romanisation rules that fit the name's origin (UN reference prefix)."""
    p = ref[:2]
    if p == "KP":
        return KOREAN
    if p in ("RU", "UA"):
        return RUSSIAN
    if re.search(r"\b(zh|x[aeiou]|q[aeiou]|hs)", name.lower()) and p != "KP":
        return CHINESE + ARABIC
    return ARABIC


def romanise(rng, name, rules):
    low = name.lower()
    tried = rng.sample(rules, len(rules))
    done = 0
    want = rng.choice((1, 1, 2, 2, 3))
    for pat, rep in tried:
        hits = list(re.finditer(pat, low))
        if not hits:
            continue
        m = rng.choice(hits)
        new = low[:m.start()] + m.expand(rep) + low[m.end():]
        if new != low:
            low = new
            done += 1
        if done >= want:
            break
    return low.upper() if done else None


def words(name):
    return name.split(" ")


def concat(rng, name):
    w = words(name)
    if len(w) < 2:
        return None
    if len(w) == 2 or rng.random() < 0.2:
        i, n = 0, len(w) if len(w) <= 3 else 2
    else:
        i = rng.randrange(len(w) - 1)
        n = 2
    return " ".join(w[:i] + ["".join(w[i:i + n])] + w[i + n:])


def split_word(rng, name):
    w = words(name)
    cand = [i for i, x in enumerate(w) if len(x) >= 8 and x.isalpha()]
    if not cand:
        return None
    i = rng.choice(cand)
    k = rng.randrange(3, len(w[i]) - 2)
    w[i] = w[i][:k] + " " + w[i][k:]
    return " ".join(w)


def typo(rng, name, count):
    s = list(name)
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 6:
        return None
    for _ in range(count):
        letters = [i for i, c in enumerate(s) if c.isalpha()]
        i = rng.choice(letters)
        op = rng.choice(("sub", "del", "ins", "swap"))
        if op == "sub":
            s[i] = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        elif op == "del":
            del s[i]
        elif op == "ins":
            s.insert(i, rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        elif i + 1 < len(s):
            s[i], s[i + 1] = s[i + 1], s[i]
    out = "".join(s)
    return out if out != name else None


# Romanisation confusions of one sound inside a short word (typoshort).
SHORT_CONFUSIONS = [
    (r"gh", "g"), (r"g", "gh"), (r"kh", "k"), (r"kh", "h"), (r"k", "kh"),
    (r"h", "kh"), (r"ou", "u"), (r"ou", "o"), (r"u", "ou"), (r"o", "ou"),
    (r"y", "i"), (r"i", "y"),
]


def typo_short(rng, name):
    """One typing error or confusion in a word of three to six letters."""
    w = words(name)
    if len(w) < 2:
        return None
    cand = [i for i, x in enumerate(w) if 3 <= len(x) <= 6 and x.isalpha()]
    if not cand:
        return None
    i = rng.choice(cand)
    x = w[i].lower()
    if rng.random() < 0.3:
        rules = [r for r in SHORT_CONFUSIONS if re.search(r[0], x)]
        if not rules:
            return None
        pat, rep = rng.choice(rules)
        m = rng.choice(list(re.finditer(pat, x)))
        x = x[:m.start()] + rep + x[m.end():]
    else:
        t = typo(rng, x.upper() + "XXXXXX", 1)
        if t is None or not t.endswith("XXXXXX"):
            return None
        x = t[:-6].lower()
    if not x or x == w[i].lower():
        return None
    w[i] = x.upper()
    return " ".join(w)


def hyphen(rng, name):
    """A word boundary moved by one or two letters, or a pair joined."""
    seps = [m for m in re.finditer(r"[ -]", name)
            if m.start() > 0 and name[m.start() - 1].isalpha() and
            m.end() < len(name) and name[m.end()].isalpha()]
    if not seps:
        return None
    m = rng.choice(seps)
    left, right = name[:m.start()], name[m.end():]
    sep = rng.choice(("-", " ")) if m.group() == "-" else rng.choice(("-", " ", "-"))
    k = rng.choice((1, 1, 2))
    if rng.random() < 0.5:
        lw = re.search(r"[A-Za-z]+$", left)
        if lw is None or len(lw.group()) <= k:
            return None
        left, right = left[:-k], left[-k:] + right
    else:
        rw = re.match(r"[A-Za-z]+", right)
        if rw is None or len(rw.group()) <= k:
            return None
        left, right = left + right[:k], right[k:]
    return left + sep + right


def drop_word(rng, name):
    """A middle given name, patronymic or particle left out."""
    w = words(name)
    if len(w) < 3:
        return None
    parts = [i for i, x in enumerate(w)
             if x.lower().strip("-") in ("al", "el", "bin", "ben", "ibn", "abu", "bint")]
    i = rng.choice(parts) if parts and rng.random() < 0.4 else rng.randrange(1, len(w) - 1)
    out = " ".join(w[:i] + w[i + 1:])
    if rng.random() < 0.3:
        out = romanise(rng, out, ARABIC) or out
    return out


def place_names(path):
    """Cities and provinces of the UN list's addresses, one word each."""
    root = ET.parse(path).getroot()
    out = set()
    for tag in ("CITY", "STATE_PROVINCE"):
        for e in root.iter(tag):
            t = (e.text or "").strip()
            if re.fullmatch(r"[A-Za-z]{4,}", t):
                out.add(t.upper())
    return sorted(out)


LEGAL = {"COMPANY", "CORPORATION", "LIMITED", "CORP", "LTDA", "GMBH",
         "INCORPORATED", "SIRKETI"}


def generic_lookalikes(rng, entities, places, count):
    """Entity names with their distinctive words replaced by a place."""
    df = {}
    for n in entities:
        for x in set(re.findall(r"[A-Z]+", n[2].upper())):
            df[x] = df.get(x, 0) + 1
    listed = set()
    for n in entities:
        listed.update(re.findall(r"[A-Z]+", n[2].upper()))
    places = [p for p in places if p not in listed]
    out = []
    for n in rng.sample(entities, len(entities)):
        if count and len(out) >= count:
            break
        w = re.findall(r"[A-Z]+", n[2].upper())
        keep = [x for x in w if df.get(x, 0) >= 5 and len(x) >= 2]
        # A sector word at least, not only a legal form ("GOMA LTD").
        if (not any(len(x) >= 4 and x not in LEGAL for x in keep) or
                len(keep) == len(w) or not places):
            continue
        q = " ".join([rng.choice(places)] + keep)
        out.append(q)
    return sorted(set(out))


def swap(rng, name):
    w = words(name)
    if len(w) < 2:
        return None
    if len(w) == 2:
        return w[1] + " " + w[0]
    return " ".join([w[-1]] + w[:-1])


def neg_names(paths):
    out = set()
    for p in paths:
        base = os.path.basename(p)
        if os.path.isdir(p):
            for f in glob.glob(os.path.join(p, "*.xml")):
                txt = open(f, encoding="utf-8", errors="replace").read()
                for m in re.finditer(r"<Name>([^<]+)</Name>", txt):
                    n = norm_space(m.group(1))
                    if re.search(r"[A-Za-z]{3}", n) and " " in n:
                        out.add(n)
        elif base == "dpl.txt":
            with open(p, encoding="utf-8", errors="replace") as f:
                for row in csv.reader(f, delimiter="\t"):
                    if row and row[0] != "Name":
                        out.add(norm_space(row[0]))
        elif base.endswith(".csv"):
            with open(p, encoding="utf-8", errors="replace") as f:
                for row in csv.DictReader(f):
                    if "SDN" in row.get("source", "") or "SSI" in row.get("source", ""):
                        continue
                    out.add(norm_space(row.get("name", "")))
    return sorted(n for n in out if n)


def name_keys(name):
    """Loose keys under which two spellings are the same name: the letters
    and digits in order (hyphens and spaces ignored), and the words sorted
    (order ignored)."""
    toks = re.findall(r"[A-Z0-9]+", name.upper())
    return ("".join(toks), " ".join(sorted(toks)))


def sdn_keys(path):
    """Keys of every SDN name and alias (alt.csv next to sdn.csv)."""
    keys = set()
    for n in sdn_names(path):
        keys.update(name_keys(n[2]))
    alt = os.path.join(os.path.dirname(path), "alt.csv")
    if os.path.exists(alt):
        with open(alt, encoding="latin-1") as f:
            for row in csv.reader(f):
                if len(row) >= 4:
                    name = row[3].strip()
                    if "," in name:
                        last, first = name.split(",", 1)
                        keys.update(name_keys(first + " " + last))
                    keys.update(name_keys(name))
    return keys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--per-kind", type=int, default=120)
    ap.add_argument("--exclude")
    ap.add_argument("--sdn")
    ap.add_argument("un")
    ap.add_argument("neg", nargs="*")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    skip = set()
    if a.exclude:
        for line in open(a.exclude, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) > 2:
                skip.add(f[2])
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    sources = [("un", [n for n in un_names(a.un) if n[0] not in skip])]
    if a.sdn:
        sources.append(("ofac", sdn_names(a.sdn)))
    for lst, names in sources:
        kinds = {
            "concat": lambda n: concat(rng, n[2]),
            "split": lambda n: split_word(rng, n[2]),
            "typo1": lambda n: typo(rng, n[2], 1),
            "typo2": lambda n: typo(rng, n[2], 2),
            "translit": lambda n: romanise(rng, n[2], regime_rules(n[3], n[2])),
            "swap": lambda n: swap(rng, n[2]),
            "typoshort": lambda n: typo_short(rng, n[2]),
            "hyphen": lambda n: hyphen(rng, n[2]),
            "drop": lambda n: drop_word(rng, n[2]) if n[1] == "individual" else None,
        }
        for kind, f in kinds.items():
            pool = rng.sample(names, len(names))
            made = 0
            for n in pool:
                if a.per_kind and made >= a.per_kind:
                    break
                q = f(n)
                if not q or norm_space(q) == "" or q.upper() == n[2].upper():
                    continue
                w.writerow([kind, "POS", lst, n[0], n[2], norm_space(q)])
                made += 1
    entities = [n for _, names in sources for n in names if n[1] == "entity"]
    for q in generic_lookalikes(rng, entities, place_names(a.un),
                                a.per_kind * 2 if a.per_kind else 0):
        w.writerow(["neg-generic", "NEG", "", "", "", q])
    # A name of another source that the SDN list itself carries (the BIS
    # list shares many subjects with it; common personal names recur) is
    # not a negative once OFAC is loaded: an alert on it is right.  Such
    # names are labelled SDN; check.py counts them as negatives for the UN
    # list alone and apart for UN + OFAC.
    listed = sdn_keys(a.sdn) if a.sdn else set()
    negs = neg_names(a.neg)
    for n in negs:
        same = bool(listed.intersection(name_keys(n)))
        label, kind = ("SDN", "neg-sdn") if same else ("NEG", "neg")
        w.writerow([kind, label, "", "", "", n])
        t = typo(rng, n, 1)
        if t:
            w.writerow([kind + "-typo", label, "", "", "", t])


if __name__ == "__main__":
    main()
