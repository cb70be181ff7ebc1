#!/usr/bin/env python3
"""Every EU Annex I entry our rules claim to cover, screened by its own heading.

Usage: annex.py CORDONCTL RULES_DIR ANNEX_JSON [--floor N] [--misses]

ANNEX_JSON is the English text of Annex I to Regulation (EU) 2021/821, one
record per control code ({"entries": [{"code", "label", "full_content"}]}).
An entry of the rules claims an Annex I code by its own code ("3A225",
"2B350.d") or by its source ("EU 2021/821 0C001", "EU 0A001").  For each
claimed code the Annex's own wording of it is screened as a goods
description: the heading (label) of the code with the start of its text,
where the parameters are stated, and for a sub-item ("2B350.d") the
sub-item's text read from the full content.  The code is found if a
claiming entry raises a hit by its words (keyword, parameter or grade; an HS
code alone does not count), or an entry claiming another code of the same
heading.  Prints how many are found and, with --misses,
each one not found with its text; with --floor, exits 1 if fewer than N
codes are found.
"""
import json
import re
import subprocess
import sys

import yaml

CODE = r"[0-9][A-E][0-9]{3}(?:\.[a-z0-9]+)*"


def claims(rules):
    out = {}
    import glob
    for f in sorted(glob.glob(rules + "/*.yaml")):
        d = yaml.safe_load(open(f, encoding="utf-8"))
        if not isinstance(d, dict) or "entries" not in d:
            continue
        for e in d["entries"]:
            code = str(e.get("code", ""))
            codes = {code} if re.fullmatch(CODE, code) else set()
            codes |= set(re.findall(r"\bEU (?:2021/821 )?(" + CODE + ")",
                                    str(e.get("source", ""))))
            for c in codes:
                out.setdefault(c, set()).add(code)
    return out


MARK = re.compile(r"(?:^|[;:.] )([a-z]|[0-9]+)\. ")


def _next(label):
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


NOTE = re.compile(r"Notes?:(?: For the purposes of [^:;]*:)?\s*$")


def items(text):
    """The numbered items of an entry's full content: {path: (start, end)}.
    The Annex nests letters and numbers ("b.14.a"): "a." and "1." open a
    level below the item before them; any other label continues the
    nearest open level whose last label is the one before it (so "b." after
    "a.2.b." closes a.2 and is the top level's b); a label that continues no
    level is not an item.  A list opened right after "Note:" or "Technical
    Notes:" is the note's, not items: its numbers are skipped, and the next
    label that opens a level ends it."""
    spans, stack, order = {}, [], []
    for m in MARK.finditer(text):
        lab = m.group(1)
        if lab in ("a", "1"):
            if stack and stack[-1][1]:
                stack.pop()
            note = NOTE.search(text, 0, m.end() - 3) is not None
            stack.append([lab, note])
        else:
            for depth in range(len(stack) - 1, -1, -1):
                if (stack[depth][0].isdigit() == lab.isdigit()
                        and _next(stack[depth][0]) == lab):
                    del stack[depth + 1:]
                    stack[depth][0] = lab
                    break
            else:
                continue
        if not any(note for _, note in stack):
            order.append((tuple(lab for lab, _ in stack), m.end()))
    for n, (path, start) in enumerate(order):
        end = len(text)
        for later, pos in order[n + 1:]:
            if later[:len(path)] != path:
                end = pos
                break
        spans.setdefault(path, (start, end))
    return spans


def subitem(text, path):
    """The text of sub-item <path> ("d", "b.13") in an entry's full content."""
    spans, path = items(text), tuple(path)
    span = spans.get(path)
    if span is None:
        # A numbered technical note before the items ("Technical Notes:
        # 1. ... 2. ... a. Organic ...") makes them a level below it.
        under = [k for k in spans if k[-len(path):] == path]
        if not under:
            return None
        span = spans[min(under, key=len)]
    return re.sub(r"[;.:]?\s*[a-z0-9]+\.?\s*$", "", text[span[0]:span[1]]).strip()


def wording(annex, code):
    """The heading of <code> with the start of its text, which states the
    parameters; a sub-item's own text.  A record whose label is a note of
    its parent ("does not control ...") is read from the parent."""
    base, _, rest = code.partition(".")
    rec = annex.get(code)
    if rec is not None and rec["label"][:1].isupper():
        return rec["label"] + " " + rec.get("full_content", "")[:400]
    rec = annex.get(base)
    if rec is None:
        return None
    if not rest:
        return rec["label"] + " " + rec.get("full_content", "")[:400]
    return subitem(rec.get("full_content", ""), rest.split("."))


def clean(t):
    t = re.sub(r"[\"'‘’“”]", "", t)
    # The JSON lost the Annex's superscripts: "12,7 × 10⁶ m" reads
    # "12,7 × 106 m".  Put the power back ("× 10^6"), as the Annex prints it.
    t = re.sub(r"× 10([1-9][0-9]?)\b", r"× 10^\1", t)
    t = re.sub(r",? as follows:?", "", t.strip())
    return t[:600]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 3:
        sys.exit(__doc__)
    ctl, rules, path = args[0], args[1], args[2]
    annex = {r["code"]: r for r in json.load(open(path,
                                                  encoding="utf-8"))["entries"]}
    cl = claims(rules)
    cases = []
    for code in sorted(cl):
        w = wording(annex, code)
        if w:
            cases.append((code, clean(w)))
    decls = [json.dumps({"reference": "AX-%d" % n, "type": "export",
                         "items": [{"seq": 1, "hs_code": "000000",
                                    "description": t}]},
                        ensure_ascii=False) for n, (_, t) in enumerate(cases)]
    run = subprocess.run([ctl, "screen", "--rules", rules],
                         input="\n".join(decls) + "\n", capture_output=True,
                         text=True, encoding="utf-8")
    got = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        if "reference" in d:
            got[int(d["reference"][3:])] = {
                h.get("entry") for a in d.get("alerts", []) for h in a["hits"]
                if h.get("reason") != "hs"}
    # Entries claiming a code of the same heading ("1C111.c" for "1C111.a")
    # find it too: the list of another regime may cut a heading otherwise.
    kin = {}
    for c, ents in cl.items():
        kin.setdefault(c.split(".")[0], set()).update(ents)
    miss, other = [], 0
    for n, (c, t) in enumerate(cases):
        g = got.get(n, set())
        if cl[c] & g:
            continue
        if kin[c.split(".")[0]] & g:
            other += 1
            continue
        miss.append((c, t, g))
    found = len(cases) - len(miss)
    print("EU Annex I headings: %d of %d claimed codes found by their own "
          "wording (%d by an entry of the same heading); %d not found; "
          "%d claimed codes have no Annex text" % (
              found, len(cases), other, len(miss), len(cl) - len(cases)))
    if "--misses" in sys.argv:
        for c, t, g in miss:
            print("  %s (%s; hits %s): %s" % (c, " ".join(sorted(cl[c])),
                                           " ".join(sorted(g)) or "none", t))
    if "--floor" in sys.argv:
        fl = int(sys.argv[sys.argv.index("--floor") + 1])
        if found < fl:
            print("below the floor of %d" % fl)
            sys.exit(1)


if __name__ == "__main__":
    main()
