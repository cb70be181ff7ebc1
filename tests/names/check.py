#!/usr/bin/env python3
"""Counts the name-matching generalisation check: recall per kind of
distortion and false alerts, from gen_cases.py's TSV and name_probe's output
for the same queries.

usage: check.py CASES.tsv PROBE-OUT.tsv [--list LIST] [--misses]

A positive is found when its expected reference is among the query's hits;
a negative is a false alert when it has any hit.  --list keeps the positives
of one list ("un" or "ofac").  Names of other sources that the SDN list
carries itself (label SDN) are negatives for the UN list alone; with OFAC
loaded an alert on them is right, and they are counted apart.
"""
import argparse
import collections
import csv
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("probe")
    ap.add_argument("--list")
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args()
    hits = {}
    with open(a.probe, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2:
                hits[row[0]] = set() if row[1] == "-" else set(row[1].split(","))
    tot = collections.Counter()
    ok = collections.Counter()
    with open(a.cases, encoding="utf-8") as f:
        for kind, label, lst, ref, listed, q in csv.reader(
                f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if label == "POS" and a.list and lst != a.list:
                continue
            h = hits.get(q)
            if h is None:
                continue
            if label == "SDN":
                if a.list == "ofac":
                    kind = kind.replace("neg-sdn", "sdn-name")
                else:
                    kind, label = kind.replace("neg-sdn", "neg"), "NEG"
            tot[kind] += 1
            good = ref in h if label == "POS" else bool(h) if label == "SDN" else not h
            ok[kind] += good
            if a.misses and not good:
                print("%s\t%s\t%s\t%s\t%s" % (kind, ref, listed, q, ",".join(sorted(h))))
    for k in sorted(tot):
        if k.startswith("sdn-name"):
            print("%-10s alerts       %4d / %4d = %.3f (the same name is on the SDN list)" % (k, ok[k], tot[k], ok[k] / tot[k]))
        elif k.startswith("neg"):
            print("%-10s false alerts %4d / %4d = %.3f" % (k, tot[k] - ok[k], tot[k], (tot[k] - ok[k]) / tot[k]))
        else:
            print("%-10s recall       %4d / %4d = %.3f" % (k, ok[k], tot[k], ok[k] / tot[k]))
    pos = [k for k in tot if not k.startswith(("neg", "sdn-name"))]
    if pos:
        print("%-10s recall       %4d / %4d = %.3f" % ("all", sum(ok[k] for k in pos), sum(tot[k] for k in pos),
              sum(ok[k] for k in pos) / sum(tot[k] for k in pos)))


if __name__ == "__main__":
    sys.exit(main())
