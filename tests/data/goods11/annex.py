#!/usr/bin/env python3
"""Every EU Annex I entry our rules claim to cover, screened by its own heading.

Usage: annex.py CORDONCTL RULES_DIR ANNEX_JSON [--floor N] [--misses]

ANNEX_JSON is the English text of Annex I to Regulation (EU) 2021/821, one
record per control code ({"entries": [{"code", "label", "full_content"}]}).
An entry of the rules claims an Annex I code by its own code ("3A225",
"2B350.d") or by its source ("EU 2021/821 0C001", "EU 0A001", every code of
"EU 9A005, 9A007, 9A105").  For each
claimed code the Annex's own wording of it is screened as a goods
description: the heading (label) of the code with the start of its text,
where the parameters are stated, and for a sub-item ("2B350.d") the
sub-item's text read from the full content.  The code is found if a
claiming entry raises a hit by its words (keyword, parameter or grade; an HS
code alone does not count), or an entry claiming another code of the same
heading.  Prints how many are found and, with --misses,
each one not found with its text and why it is skipped; exits 1 if a code
is not found and not in SKIP (the reviewed list of headings, notes and
texts that should not alert on their own), or, with --floor, if fewer
than N codes are found.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import list_entries, screen_items  # noqa: E402

CODE = r"[0-9][A-E][0-9]{3}(?:\.[a-z0-9]+)*"


# Codes whose Annex wording, as screened here, should not alert on its own,
# each with the reason (reviewed one by one; see README "EU Annex I
# headings").  A code missed and not listed here fails the check, so a new
# miss is never hidden; a listed code that is found again is reported.
HEADING = "a heading that names a class, not goods: the goods' own names are the entry's terms"
SKIP = {
    "1A004": "the stored text stops before the agents (chemical warfare, biological, radioactive) that "
             "make a full face mask a 1A004 item; a bare full face mask is a painter's respirator",
    "1B001.d": "'equipment for converting polymeric fibres into carbon fibres': the process, named "
               "apart from any machine; the entry's terms are the furnaces and lines",
    "1B230": "pumps named by the catalyst they circulate (KNH2/NH3), without heavy water or deuterium, "
             "which the entry requires; a bare pump cannot be a term",
    "1B232": "turboexpanders for hydrogen, without deuterium or heavy water: hydrogen liquefiers use "
             "turboexpanders too",
    "1C010.a": HEADING + " ('organic fibrous or filamentary materials'; the entry names aramid)",
    "1C111.b": "the stored Annex text of 1C111 stops inside a.5 and its record 1C111.b holds the text "
               "of 1C111.a.2.b (boron powder), which no claiming entry covers",
    "1C117.a": "'tungsten and alloys in particulate form': the bare element is no term (wire, "
               "electrodes, carbide); the entry's terms are tungsten powder and its trade names",
    "1C117.b": "'molybdenum and alloys in particulate form': as 1C117.a",
    "1C117.c": "'tungsten materials in solid form': as 1C117.a",
    "1C210.a": HEADING + " ('carbon or aramid fibrous or filamentary materials')",
    "1C227": "the bare element 'calcium' (supplements, compounds) is no term",
    "1C228": "the bare element 'magnesium' is no term",
    "1C236": HEADING + " ('radionuclides appropriate for making neutron sources')",
    "1C239": HEADING + " ('high explosives ... with a detonation velocity'); the entry names "
             "HMX, RDX, TATB, HNS",
    "1C350": "the heading of the precursor list: every chemical in it is its own entry and is found "
             "by them (hits listed)",
    "1C353": HEADING + ": no pathogen is named, and the entry requires one",
    "2A226": "'valves having ... a bellows seal': the noun and its defining feature are items apart; "
             "a bare valve cannot be a term",
    "2B001": "the stored text stops at 'Note 1:', before the positioning accuracies",
    "2B121": "'positioning tables (... rotary positioning in any axes)': a bare positioning table "
             "is an ordinary XY stage",
    "2B350.d": "the Annex lists the part forms (tubes, plates, coils) one of which is the exclusion "
               "that keeps refrigeration coils clear",
    "2B350.g": "'corrosion resistant materials' only; the materials, which the entry requires, are "
               "listed after the text screened",
    "2B350.i": "the materials, which the entry requires, come after the 600 characters screened",
    "2B352.a": "'decontamination autoclaves' is an exclusion of the entry (benchtop autoclaves "
               "are ordinary laboratory goods)",
    "3A002.a": "items 1-5 are 'not used' and the oscilloscope parameters are past the text screened",
    "3A225": "the output frequency (600 Hz), the entry's parameter, is past the text screened",
    "6A005": HEADING + ": the parameters are in the sub-items",
    "6A203": HEADING + " ('cameras and components')",
    "7A001": "accelerometers: the gyro entry 7A001-7A002 claims the heading; accelerometers hit "
             "9.A.3 (EU 7A101), whose threshold 7A001.a's meets",
    "9A115": HEADING + " ('launch support equipment ... apparatus and devices')",
    "9B105": "'aerodynamic test facilities': the entry's term is wind tunnel",
    "9B117": "'test benches or test stands for solid or liquid propellant rockets': the coordinated "
             "form separates 'test stand' from 'rocket'; trade text writes rocket test stand",
}


def claims(rules):
    out = {}
    for _, e in list_entries(rules):
        code = str(e.get("code", ""))
        codes = {code} if re.fullmatch(CODE, code) else set()
        # "EU 2021/821 0C001", "EU 2021/821 Annex I 1B118", and every code
        # of a list ("EU 9A005, 9A007, 9A105", "EU 2B350.d and .e" is not
        # used: codes are written out).
        for run in re.findall(r"\bEU (?:2021/821 )?(?:Annex I )?(" + CODE +
                              r"(?:(?:,| and|, and) " + CODE + r")*)",
                              str(e.get("source", ""))):
            codes |= set(re.findall(CODE, run))
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
    got = {n: {h.get("entry") for h in hits if h.get("reason") != "hs"}
           for n, hits in enumerate(screen_items(
               ctl, rules, [("000000", t) for _, t in cases]))
           if hits is not None}
    # Entries claiming a code of the same heading ("1C111.c" for "1C111.a")
    # find it too: the list of another regime may cut a heading otherwise.
    kin = {}
    for c, ents in cl.items():
        kin.setdefault(c.split(".")[0], set()).update(ents)
    miss, other, stale = [], 0, []
    for n, (c, t) in enumerate(cases):
        g = got.get(n, set())
        if cl[c] & g or kin[c.split(".")[0]] & g:
            other += not cl[c] & g
            if c in SKIP:
                stale.append(c)
            continue
        miss.append((c, t, g))
    new = [m for m in miss if m[0] not in SKIP]
    found = len(cases) - len(miss)
    print("EU Annex I headings: %d of %d claimed codes found by their own "
          "wording (%d by an entry of the same heading); %d not found, "
          "%d of them skipped with a reason, %d new; "
          "%d claimed codes have no Annex text" % (
              found, len(cases), other, len(miss), len(miss) - len(new),
              len(new), len(cl) - len(cases)))
    for c in stale:
        print("  %s is found now: drop it from SKIP" % c)
    if "--misses" in sys.argv:
        for c, t, g in miss:
            print("  %s%s (%s; hits %s): %s" % (
                c, " [skipped: %s]" % SKIP[c] if c in SKIP else " [NEW]",
                " ".join(sorted(cl[c])), " ".join(sorted(g)) or "none", t))
    if new:
        print("not found and not in SKIP: %s" % " ".join(c for c, _, _ in new))
    if "--floor" in sys.argv:
        fl = int(sys.argv[sys.argv.index("--floor") + 1])
        if found < fl:
            print("below the floor of %d" % fl)
            sys.exit(1)
    if new:
        sys.exit(1)


if __name__ == "__main__":
    main()
