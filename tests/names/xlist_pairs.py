#!/usr/bin/env python3
"""Pairs of the cross-list check (tests/names/xlist.sh): the same subjects as
two public lists romanise them, the UN consolidated list and the OFAC SDN
list, linked by a passport or identity document number that both records
carry (not by their names, so that the matcher under test plays no part in
choosing the pairs).

usage: xlist_pairs.py UN.xml SDN.csv ALT.csv

Output, TSV: direction, expected reference, listed name, query, half.
  un2ofac  a UN name or alias of a linked subject, searched in the OFAC list
           (sdn.csv, alt.csv, add.csv) alone; the OFAC ent_num expected
  ofac2un  an OFAC name or alias of a linked subject ("First LAST"), searched
           in the UN list alone; the UN reference expected
A query is left out where the other list writes the very same name (same
letters, ignoring case, punctuation, spaces and word order): only the pairs
two lists spell differently are kept.  The half (0 or 1) is the parity of
the CRC-32 of the smallest document number linking the pair: a fixed split
of the subjects, made before any miss is looked at, so that a change can be
developed on one half and checked on the other.  Low-quality UN aliases and OFAC
"weak" a.k.a. are left out (the lists themselves say they are unreliable).
"""
import csv
import re
import sys
import zlib
import xml.etree.ElementTree as ET

DOC_MINLEN = 6


def norm_space(s):
    return re.sub(r"\s+", " ", s).strip()


def doc_key(s):
    return re.sub(r"[^A-Z0-9]", "", s.upper())


def name_key(name):
    return " ".join(sorted(re.findall(r"[A-Z0-9]+", name.upper())))


def first_last(name):
    """OFAC "LAST, First" as a declaration writes it: "First LAST"."""
    if "," in name:
        last, first = name.split(",", 1)
        return norm_space(first + " " + last)
    return norm_space(name)


def un_subjects(path):
    out = {}
    root = ET.parse(path).getroot()
    for sec, tag in (("INDIVIDUALS", "INDIVIDUAL"), ("ENTITIES", "ENTITY")):
        for e in root.find(sec):
            ref = (e.findtext("REFERENCE_NUMBER") or "").strip()
            parts = [(e.findtext(t) or "").strip() for t in
                     ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
            names = [norm_space(" ".join(p for p in parts if p))]
            for a in e.findall(tag + "_ALIAS"):
                q = (a.findtext("QUALITY") or "").strip().lower()
                n = norm_space(a.findtext("ALIAS_NAME") or "")
                if n and q != "low":
                    names.append(n)
            docs = set()
            for d in e.iter(tag + "_DOCUMENT"):
                k = doc_key(d.findtext("NUMBER") or "")
                if len(k) >= DOC_MINLEN:
                    docs.add(k)
            if ref and names[0]:
                out[ref] = (names, docs)
    return out


DOC_RE = re.compile(r"(?:Passport|Identification Number|National ID No\.|"
                    r"ID No\.)\s+([A-Z0-9][A-Z0-9-]*)", re.I)


def ofac_subjects(sdn, alt):
    out = {}
    with open(sdn, encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) < 12:
                continue
            docs = {doc_key(m) for m in DOC_RE.findall(row[11])}
            docs = {d for d in docs if len(d) >= DOC_MINLEN}
            out[row[0].strip()] = ([first_last(row[1])], docs)
    with open(alt, encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) < 4 or row[0].strip() not in out:
                continue
            if len(row) > 4 and row[4].strip().lower().startswith("weak"):
                continue
            out[row[0].strip()][0].append(first_last(row[3]))
    return out


def main():
    un = un_subjects(sys.argv[1])
    ofac = ofac_subjects(sys.argv[2], sys.argv[3])
    bydoc = {}
    for ent, (_, docs) in ofac.items():
        for d in docs:
            bydoc.setdefault(d, set()).add(ent)
    links = {}
    half = {}
    for ref in sorted(un):
        ents = set()
        shared = []
        for d in un[ref][1]:
            if d in bydoc:
                ents |= bydoc[d]
                shared.append(d)
        if len(ents) == 1:
            links[ref] = ents.pop()
            half[ref] = str(zlib.crc32(min(shared).encode()) & 1)
    # One record on each side: a document two records share says nothing.
    uses = {}
    for ent in links.values():
        uses[ent] = uses.get(ent, 0) + 1
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for ref in sorted(links):
        ent = links[ref]
        if uses[ent] != 1:
            continue
        names = un[ref][0]
        onames = ofac[ent][0]
        okeys = {name_key(n) for n in onames}
        ukeys = {name_key(n) for n in names}
        for n in sorted(set(names)):
            if name_key(n) not in okeys:
                w.writerow(["un2ofac", ent, onames[0], n, half[ref]])
        for n in sorted(set(onames)):
            if name_key(n) not in ukeys:
                w.writerow(["ofac2un", ref, names[0], n, half[ref]])


if __name__ == "__main__":
    main()
