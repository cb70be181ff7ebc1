#!/usr/bin/env python3
"""Generalisation check of term compilation: the shipped terms, rewritten.

Usage: variants.py CORDONCTL RULES_DIR [--floor FLOOR.tsv] [--misses]

Takes every term of the Korean, Japanese and Chinese term files
(rules/terms-XX.yaml) and writes the same goods the ways invoices write
them otherwise: with another generic head noun of the same family (Korean
기/기기/장치/장비/설비, Japanese and Chinese 装置/設備/设备/機器/机器/
仪器/機/机/器/仪), and joined or apart where a word meets its head; Korean compounds of
four syllables or more written apart in the middle.  Russian, Ukrainian,
Polish and Czech terms of two stemmed words are written noun first.  Each
variant is screened as a goods description on its own, next to the term
itself; a variant counts where the term itself raises a hit of its entry,
and is found if the variant raises one too.  Prints recall per kind and
language.  With --floor, exits 1 if any recall falls below the figure
the file gives for its kind and language ("kind<TAB>lang<TAB>recall").
"""
import collections
import json
import subprocess
import sys

import yaml

HEADS = {
    "ko": ["장치", "장비", "설비", "기기", "기"],
    "han": ["装置", "裝置", "设备", "設備", "机器", "機器", "仪器", "儀器",
            "机", "機", "器", "仪", "儀"],
}
LANGS = {"ko": "ko", "ja": "han", "zh": "han"}
SLAVIC = ("ru", "uk", "pl", "cs")


def syllables(s):
    return len(s)


def head_split(word, fam):
    """(stem, head) if <word> ends in a head of <fam> (longest first)."""
    for h in sorted(HEADS[fam], key=len, reverse=True):
        if word.endswith(h) and word != h:
            stem = word[:-len(h)]
            if len(h) == 1 and syllables(stem) < 2:
                continue
            return stem, h
    return None


def variants(term, lang):
    """(kind, text) rewrites of <term>."""
    if lang in SLAVIC:
        # Two stemmed words, noun first: "преобразователь частотный".
        w = term.split()
        if len(w) == 2 and all(x.endswith("*") for x in w):
            return [("order", w[1][:-1] + " " + w[0][:-1])]
        return []
    fam = LANGS[lang]
    words = all_words = term.replace("*", "").split()
    if not words:
        return []
    out = []
    last = words[-1]
    sp = head_split(last, fam)
    if sp is None and len(words) > 1 and words[-1] in HEADS[fam] and \
            len(words[-1]) > 1:
        sp = ("", words[-1])
        words = words[:-1]
        last = None
    if sp is not None:
        stem, head = sp
        pre = " ".join(words[:-1] if last is not None else words)
        for h in HEADS[fam]:
            # One-syllable heads are not one another ("计算机" is not
            # "计算器"), and stand only after a stem of two syllables.
            if h == head or (len(h) == 1 and (len(head) == 1 or
                                             len(stem) < 2 or
                                             stem[-1].isascii())):
                continue
            for sep in ("", " "):
                body = stem + sep + h if stem else h
                text = (pre + (" " if stem else sep) + body).strip() \
                    if pre else body
                out.append(("head", text))
        if stem:
            out.append(("space", (pre + " " + stem + " " + head).strip()))
    if len(words) > 1 and last is not None:
        out.append(("space", "".join(words)))
    if lang == "ko":
        # A Korean compound written apart in the middle ("주파수 변환기").
        for i, w in enumerate(all_words):
            if len(w) >= 4 and all("\uac00" <= c <= "\ud7a3" for c in w):
                m = len(w) // 2
                out.append(("split", " ".join(
                    all_words[:i] + [w[:m], w[m:]] + all_words[i + 1:])))
    seen, res = set(), []
    for k, t in out:
        if t != term and t not in seen:
            seen.add(t)
            res.append((k, t))
    return res


def screen(ctl, rules, texts):
    decls = [json.dumps({"reference": "V-%d" % n, "type": "export",
                         "items": [{"seq": 1, "hs_code": "847989",
                                    "description": t}]},
                        ensure_ascii=False) for n, t in enumerate(texts)]
    run = subprocess.run([ctl, "screen", "--rules", rules],
                         input="\n".join(decls) + "\n", capture_output=True,
                         text=True, encoding="utf-8")
    if not run.stdout.strip():
        sys.exit("cordonctl screen failed: %s" % run.stderr.strip())
    hits = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        if "reference" not in d:
            continue
        hits[int(d["reference"][2:])] = {
            "%s/%s" % (h["list"], h["entry"])
            for a in d.get("alerts", []) for h in a["hits"]
            if h.get("list") and h.get("entry")}
    return [hits.get(n, set()) for n in range(len(texts))]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    ctl, rules = args[0], args[1]
    floor = None
    if "--floor" in sys.argv:
        floor = sys.argv[sys.argv.index("--floor") + 1]
        args = [a for a in args if a != floor]
    cases = []		# (entry, lang, kind, term, variant)
    for lang in sorted(LANGS) + list(SLAVIC):
        doc = yaml.safe_load(open("%s/terms-%s.yaml" % (rules, lang),
                                  encoding="utf-8"))
        for entry, terms in (doc.get("terms") or {}).items():
            for t in terms:
                t = str(t)
                if t.startswith("re:"):
                    continue
                for kind, v in variants(t, lang):
                    cases.append((entry, lang, kind, t.replace("*", ""), v))
    texts = sorted({c[3] for c in cases} | {c[4] for c in cases})
    idx = {t: n for n, t in enumerate(texts)}
    got = screen(ctl, rules, texts)
    rec = collections.defaultdict(lambda: [0, 0])
    misses = []
    for entry, lang, kind, term, v in cases:
        if entry not in got[idx[term]]:
            continue
        r = rec[(kind, lang)]
        r[1] += 1
        if entry in got[idx[v]]:
            r[0] += 1
        else:
            misses.append("%s [%s %s] %s  (term %s)" % (entry, lang, kind,
                                                         v, term))
    tot = [sum(r[0] for r in rec.values()), sum(r[1] for r in rec.values())]
    print("term variants: %d/%d found (%.3f); %s" % (
        tot[0], tot[1], tot[0] / max(tot[1], 1), ", ".join(
            "%s %s %d/%d" % (k[0], k[1], r[0], r[1])
            for k, r in sorted(rec.items()))))
    if "--misses" in sys.argv:
        print("\n".join(misses))
    bad = []
    if floor:
        for line in open(floor, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            kind, lang, fl = line.split("\t")
            r = rec.get((kind, lang), [0, 0])
            if r[0] / max(r[1], 1) < float(fl):
                bad.append("%s %s %.3f < %s" % (kind, lang,
                           r[0] / max(r[1], 1), fl.strip()))
    if bad:
        print("below the floor: " + "; ".join(bad))
        sys.exit(1)


if __name__ == "__main__":
    main()
