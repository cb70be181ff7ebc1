#!/usr/bin/env python3
"""Every entry's own words, written the ways a submitter hides them.

Usage: check.py CORDONCTL RULES_DIR [--floor FILE] [--show N]

For every goods entry of RULES_DIR, the first of its keywords that names it
on its own (plain letters, at least six, screened plainly it hits the entry
by its words, not by the HS code) is written again in each kind below, the
way a description is dressed up to slip past a reader or a filter, and
screened with the entry's own HS context.  A kind is found when the entry
still hits by its words.  Kinds:

  homoglyph   Latin letters replaced by the Cyrillic or Greek letters that
              look the same (а е о р с у х і ј ѕ, ο ν)
  invisible   zero-width space, joiner and word joiner inside the word
  softhyphen  soft hyphens between syllables
  fullwidth   full-width Latin letters (as East Asian input methods type)
  combining   a combining accent over every third letter
  bidi        the word wrapped in a right-to-left override and its end
  mixedcase   alternating capitals
  linebreak   the word broken by a hyphen and a line break, as PDFs copy
  spaced      every letter of a word of seven letters or more apart, the
              words three spaces apart
  dotted      the same, with dots

Prints the recall per kind; with --floor, fails when a kind falls under its
figure in FILE ("kind<TAB>recall" lines).  Spacing letters out is the
kind a reader still reads at once, so it is counted like the others.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import list_entries, screen_items  # noqa: E402

HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "y": "\u0443",
        "x": "\u0445", "i": "\u0456", "j": "\u0458", "s": "\u0455"}
GREEK = {"o": "\u03bf", "v": "\u03bd"}


def homoglyph(w):
    out, n = [], 0
    for ch in w:
        t = HOMO.get(ch) or GREEK.get(ch)
        if t and n % 2 == 0:
            out.append(t)
        else:
            out.append(ch)
        n += 1 if t else 0
    return "".join(out)


def every(w, k, ins):
    return "".join(ch + (ins if (i % k == k - 1 and i < len(w) - 1 and ch.isalpha() and w[i + 1].isalpha())
                         else "") for i, ch in enumerate(w))


def fullwidth(w):
    return "".join(chr(ord(ch) - 0x21 + 0xFF01) if "!" <= ch <= "~" else ch for ch in w)


def mixedcase(w):
    return "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(w))


def linebreak(w):
    words = w.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    x = words[longest]
    words[longest] = x[:len(x) // 2] + "-\n" + x[len(x) // 2:]
    return " ".join(words)


def spread(w, sep):
    """Every word of seven letters or more spelt out with <sep>; words
    stay apart by three spaces, as a spelt-out line writes them."""
    return "   ".join(sep.join(x) if len(x) >= 7 else x for x in w.split(" "))


KINDS = [
    ("homoglyph", homoglyph),
    ("invisible", lambda w: every(w, 3, "\u200b").replace("\u200b", "\u2060", 1)),
    ("softhyphen", lambda w: every(w, 4, "\u00ad")),
    ("fullwidth", fullwidth),
    ("combining", lambda w: every(w, 3, "\u0301")),
    ("bidi", lambda w: "\u202e" + w + "\u202c"),
    ("mixedcase", mixedcase),
    ("linebreak", linebreak),
    ("spaced", lambda w: spread(w, " ")),
    ("dotted", lambda w: spread(w, ".")),
]

PLAIN = re.compile(r"^[a-z][a-z -]{4,}[a-z]$")


def by_words(hits, code):
    return hits is not None and any(h.get("entry") == code and h.get("reason") != "hs" for h in hits)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    ctl, rules = args[:2]
    floor = None
    show = 0
    if "--floor" in sys.argv:
        floor = sys.argv[sys.argv.index("--floor") + 1]
        args = [a for a in args if a != floor]
    if "--show" in sys.argv:
        show = int(sys.argv[sys.argv.index("--show") + 1])
    cands = []
    for lid, e in list_entries(rules):
        if e.get("category") in ("embargo", "sanctions") or not e.get("keywords"):
            continue
        hs = (e.get("hs_context") or e.get("hs") or ["3824.99"])[0]
        if len(hs.replace(".", "")) < 4:
            hs = hs.replace(".", "") + "00"
        for k in e["keywords"]:
            k = str(k)
            if PLAIN.match(k) and sum(ch.isalpha() for ch in k) >= 6 and "*" not in k:
                cands.append((e["code"], hs, k))
                break
    base = screen_items(ctl, rules, [(hs, k) for _, hs, k in cands])
    words = [c for c, b in zip(cands, base) if by_words(b, c[0])]
    items, where = [], []
    for name, f in KINDS:
        for code, hs, k in words:
            items.append((hs, f(k) + ", 10 units"))
            where.append((name, code, k))
    got = screen_items(ctl, rules, items)
    found = {name: 0 for name, _ in KINDS}
    misses = {name: [] for name, _ in KINDS}
    for (name, code, k), hits, (hs, text) in zip(where, got, items):
        if by_words(hits, code):
            found[name] += 1
        else:
            misses[name].append("%s %r" % (code, text))
    n = len(words)
    rec = {name: found[name] / n if n else 0 for name, _ in KINDS}
    print("evasion: %d entries named by a plain keyword of %d tried; recall %s" % (
        n, len(cands), ", ".join("%s %.3f" % (name, rec[name]) for name, _ in KINDS)))
    for name, _ in KINDS:
        for m in misses[name][:show]:
            print("  %s: %s" % (name, m))
    bad = []
    if floor:
        for line in open(floor, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                kind, val = line.split()
                if rec.get(kind, 0) < float(val) - 1e-9:
                    bad.append("%s %.3f < %s" % (kind, rec.get(kind, 0), val))
    for b in bad:
        print("under the floor: " + b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
