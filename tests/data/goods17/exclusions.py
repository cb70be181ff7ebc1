#!/usr/bin/env python3
"""Exclusions an English entry has, checked in every term language.

Usage: exclusions.py CORDONCTL RULES_DIR [--floor FLOOR.tsv] [--gaps] [--write] [--show N]

An entry's `exclude` words (rules/*.yaml) name ordinary goods that share its
keywords: "toy*" on a drone, "vaccin*" on an agent.  A term file that names
the entry in its language must exclude the same goods in its language, or a
toy drone declared in Korean alerts where the English one does not.  For
each kind of exclusion below (the English words that mark it, and each
language's words for it), and each entry whose English exclude holds the
kind, each language with terms for the entry is:

  a gap      when the entry's exclude and the language's exclude for it
             together miss one of that language's words for the kind (a
             stem ending in '*' covers its longer forms; --gaps lists them;
             --write adds the missing words to the term file's exclude map,
             line by line, which is how the gaps were filled);
  screened   twice: one of the language's own terms for the entry declared
             alone (the twin: it must hit) and the same term with the kind's
             word before it (the look-alike: it must stay quiet).  A term
             that does not hit alone (it needs context words) is passed over
             for the next; an entry none of whose terms hits alone is counted
             as "no twin".

Prints, per kind, the gaps, the twins that hit and the look-alikes that stay
quiet; fails when gaps remain or a figure falls under --floor (kind, least
twin recall, least look-alike clearance).  The language words were written
for this check from each language's ordinary usage, the same words the term
files already use where one had them.
"""
import collections
import glob
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import screen_items  # noqa: E402

import yaml  # noqa: E402

LANGS = ["ar", "cs", "de", "el", "es", "fa", "fr", "he", "hi", "id", "it", "ja",
         "ko", "nl", "pl", "pt", "ru", "sv", "tr", "uk", "vi", "zh"]

# kind -> (English exclude words marking it, {language: exclude words}).
KINDS = {
    "toy": (["toy*", "toy", "toys"], {
        "ar": ["لعبة", "اللعبة", "ألعاب", "الألعاب"],
        "cs": ["hračk*"],
        "de": ["Spielzeug*"],
        "el": ["παιχνίδι*"],
        "es": ["juguete*"],
        "fa": ["اسباب بازی"],
        "fr": ["jouet*"],
        "he": ["צעצוע*"],
        "hi": ["खिलौना", "खिलौने"],
        "id": ["mainan"],
        "it": ["giocattol*"],
        "ja": ["玩具", "おもちゃ"],
        "ko": ["장난감", "완구"],
        "nl": ["speelgoed*"],
        "pl": ["zabawk*"],
        "pt": ["brinquedo*"],
        "ru": ["игрушк*", "игрушечн*"],
        "sv": ["leksak*"],
        "tr": ["oyuncak*"],
        "uk": ["іграшк*", "іграшков*"],
        "vi": ["đồ chơi"],
        "zh": ["玩具"],
    }),
    "vaccine": (["vaccin*"], {
        "ar": ["لقاح*"],
        "cs": ["vakcín*"],
        "de": ["Impfstoff*"],
        "el": ["εμβόλι*"],
        "es": ["vacuna*"],
        "fa": ["واکسن"],
        "fr": ["vaccin*"],
        "he": ["חיסון*"],
        "hi": ["टीका", "टीके", "वैक्सीन"],
        "id": ["vaksin"],
        "it": ["vaccin*"],
        "ja": ["ワクチン"],
        "ko": ["백신"],
        "nl": ["vaccin*"],
        "pl": ["szczepionk*"],
        "pt": ["vacina*"],
        "ru": ["вакцин*"],
        "sv": ["vaccin*"],
        "tr": ["aşı", "aşısı", "aşıları"],
        "uk": ["вакцин*"],
        "vi": ["vắc xin", "vaccine"],
        "zh": ["疫苗"],
    }),
    "household": (["household", "domestic"], {
        "ar": ["منزلي*", "المنزلي*"],
        "cs": ["domácnost*", "domácí"],
        "de": ["Haushalt*"],
        "el": ["οικιακ*"],
        "es": ["doméstic*"],
        "fa": ["خانگی"],
        "fr": ["domestique*", "ménager*"],
        "he": ["ביתי*"],
        "hi": ["घरेलू"],
        "id": ["rumah tangga"],
        "it": ["domestic*", "casalingh*"],
        "ja": ["家庭用"],
        "ko": ["가정용"],
        "nl": ["huishoud*"],
        "pl": ["domow*"],
        "pt": ["doméstic*"],
        "ru": ["бытов*"],
        "sv": ["hushåll*"],
        "tr": ["ev tipi", "evsel"],
        "uk": ["побутов*"],
        "vi": ["gia dụng"],
        "zh": ["家用"],
    }),
    "test kit": (["test kit*", "detection kit*"], {
        "ar": ["مجموعة اختبار", "عدة اختبار"],
        "cs": ["testovací sad*", "diagnostick* sad*"],
        "de": ["Testkit*", "Nachweiskit*"],
        "el": ["κιτ ανίχνευσης", "διαγνωστικ* κιτ"],
        "es": ["kit de prueba*", "kit de detección", "kits de detección"],
        "fa": ["کیت تشخیص", "کیت آزمایش"],
        "fr": ["kit de test", "kit de détection", "kits de détection"],
        "he": ["ערכת בדיקה", "ערכת זיהוי"],
        "hi": ["परीक्षण किट", "जांच किट"],
        "id": ["kit uji", "kit deteksi"],
        "it": ["kit di rilevamento", "kit diagnostic*"],
        "ja": ["検査キット"],
        "ko": ["진단키트", "검사키트"],
        "nl": ["testkit*"],
        "pl": ["zestaw* do wykrywania", "zestaw* diagnostyczn*"],
        "pt": ["kit de teste", "kit de detecção"],
        "ru": ["тест-систем*"],
        "sv": ["testkit*"],
        "tr": ["test kiti", "tespit kiti"],
        "uk": ["тест-систем*"],
        "vi": ["bộ xét nghiệm"],
        "zh": ["试剂盒", "检测试剂盒"],
    }),
}


# kind -> {language: the word written before a term in the look-alike}.
LOOK = {
    "toy": {"ar": "لعبة", "cs": "hračka", "de": "Spielzeug", "el": "παιχνίδι",
            "es": "juguete", "fa": "اسباب بازی", "fr": "jouet", "he": "צעצוע",
            "hi": "खिलौना", "id": "mainan", "it": "giocattolo", "ja": "おもちゃ",
            "ko": "장난감", "nl": "speelgoed", "pl": "zabawka", "pt": "brinquedo",
            "ru": "игрушка", "sv": "leksak", "tr": "oyuncak", "uk": "іграшка",
            "vi": "đồ chơi", "zh": "玩具"},
    "vaccine": {"ar": "لقاح", "cs": "vakcína", "de": "Impfstoff", "el": "εμβόλιο",
                "es": "vacuna", "fa": "واکسن", "fr": "vaccin", "he": "חיסון",
                "hi": "टीका", "id": "vaksin", "it": "vaccino", "ja": "ワクチン",
                "ko": "백신", "nl": "vaccin", "pl": "szczepionka", "pt": "vacina",
                "ru": "вакцина", "sv": "vaccin", "tr": "aşı", "uk": "вакцина",
                "vi": "vắc xin", "zh": "疫苗"},
    "household": {"ar": "منزلي", "cs": "domácí", "de": "Haushalts", "el": "οικιακό",
                  "es": "doméstico", "fa": "خانگی", "fr": "ménager", "he": "ביתי",
                  "hi": "घरेलू", "id": "rumah tangga", "it": "domestico", "ja": "家庭用",
                  "ko": "가정용", "nl": "huishoudelijk", "pl": "domowy", "pt": "doméstico",
                  "ru": "бытовой", "sv": "hushålls", "tr": "ev tipi", "uk": "побутовий",
                  "vi": "gia dụng", "zh": "家用"},
    "test kit": {"ar": "مجموعة اختبار", "cs": "testovací sada", "de": "Testkit",
                 "el": "κιτ ανίχνευσης", "es": "kit de prueba", "fa": "کیت تشخیص",
                 "fr": "kit de détection", "he": "ערכת בדיקה", "hi": "परीक्षण किट",
                 "id": "kit uji", "it": "kit di rilevamento", "ja": "検査キット",
                 "ko": "진단키트", "nl": "testkit", "pl": "zestaw do wykrywania",
                 "pt": "kit de teste", "ru": "тест-система", "sv": "testkit",
                 "tr": "test kiti", "uk": "тест-система", "vi": "bộ xét nghiệm",
                 "zh": "检测试剂盒"},
}


def norm(w):
    return str(w).lower().strip()


def english_entries(rules):
    """{key: exclude words (lowercase)} for the entries with an exclude."""
    out = {}
    for f in sorted(glob.glob(os.path.join(rules, "*.yaml"))):
        if os.path.basename(f).startswith("terms-"):
            continue
        d = yaml.safe_load(open(f, encoding="utf-8"))
        if not isinstance(d, dict) or "entries" not in d:
            continue
        for e in d["entries"]:
            if e.get("exclude"):
                key = "%s/%s" % (d["list"]["id"], e.get("code"))
                out[key] = {norm(w) for w in e["exclude"]}
    return out


def term_files(rules):
    out = {}
    for lang in LANGS:
        path = os.path.join(rules, "terms-%s.yaml" % lang)
        d = yaml.safe_load(open(path, encoding="utf-8"))
        out[lang] = (path, d.get("terms") or {}, d.get("exclude") or {})
    return out


def pairs(rules):
    """(kind, key, lang, gap) for every entry with the kind and language naming it."""
    en = english_entries(rules)
    files = term_files(rules)
    for kind, (marks, words) in KINDS.items():
        for key, ex in sorted(en.items()):
            if not ex & {norm(m) for m in marks}:
                continue
            for lang in LANGS:
                _, terms, lex = files[lang]
                if key not in terms:
                    continue
                have = ex | {norm(w) for w in lex.get(key, [])}
                miss = [w for w in words[lang]
                        if not any(covers(h, w) for h in have)]
                yield kind, key, lang, miss


def covers(have, word):
    """True if the exclude word <have> takes all that <word> names: the
    same word, or a stem (ending in '*') that <word> starts with."""
    h, w = have.rstrip("*"), norm(word)
    if have == w:
        return True
    return have.endswith("*") and w.rstrip("*").startswith(h)


def quote(w):
    return '"%s"' % w.replace('"', '\\"')


def write(rules, gaps):
    """Adds each gap's language words to the term file's exclude map."""
    by_lang = collections.defaultdict(list)
    for kind, key, lang, miss in gaps:
        by_lang[lang].append((key, miss))
    for lang, adds in by_lang.items():
        path = os.path.join(rules, "terms-%s.yaml" % lang)
        lines = open(path, encoding="utf-8").read().split("\n")
        start = lines.index("exclude:")
        end = start + 1
        while end < len(lines) and not re.match(r"^[a-z_]+:", lines[end]):
            end += 1
        while not re.match(r'^  "?[^ #]', lines[end - 1]):
            end -= 1
        new = []
        for key, words in adds:
            pat = re.compile(r'^  "?%s"?: \[(.*)\]$' % re.escape(key))
            for i in range(start + 1, end):
                m = pat.match(lines[i])
                if m:
                    lines[i] = '  "%s": [%s, %s]' % (key, m.group(1),
                                                     ", ".join(map(quote, words)))
                    break
            else:
                new.append('  "%s": [%s]' % (key, ", ".join(map(quote, words))))
        if new:
            new.insert(0, "  # goods17: the English entries' exclusions in this language"
                       " (tests/data/goods17/exclusions.py --write)")
        lines[end:end] = new
        open(path, "w", encoding="utf-8").write("\n".join(lines))


def plain(term):
    t = str(term)
    if t.startswith("re:"):
        return None
    t = t.replace("*", "").strip().strip('"')
    return t or None


NEUTRAL_HS = "9999"     # no subheading: the words alone decide


def keys(hits):
    return set() if not hits else {"%s/%s" % (h.get("list"), h.get("entry")) for h in hits}


def screen(ctl, rules, todo):
    """{(kind, key, lang): (look-alike quiet, look-alike text)}, absent when
    none of the language's terms for the entry hits alone (no twin)."""
    files = term_files(rules)
    flat = []
    for kind, key, lang in todo:
        for t in [p for p in map(plain, files[lang][1][key]) if p][:TWIN_TRIES]:
            flat.append(((kind, key, lang), t))
    hits = screen_items(ctl, rules, [(NEUTRAL_HS, t) for _, t in flat])
    first = {}
    for (k, t), h in zip(flat, hits):
        if k not in first and k[1] in keys(h):
            first[k] = t
    looks = [(k, LOOK[k[0]][k[2]] + " " + t) for k, t in first.items()]
    res = screen_items(ctl, rules, [(NEUTRAL_HS, t) for _, t in looks])
    return {k: (k[1] not in keys(h), text) for (k, text), h in zip(looks, res)}


TWIN_TRIES = 8          # terms tried per entry and language for a twin


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    ctl, rules = args[:2]
    opts = sys.argv[1:]
    floor = {}
    if "--floor" in opts:
        for line in open(opts[opts.index("--floor") + 1], encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                k, r, c = line.rstrip("\n").split("\t")
                floor[k] = (float(r), float(c))
    show = int(opts[opts.index("--show") + 1]) if "--show" in opts else 0
    allp = list(pairs(rules))
    gaps = [(k, e, l, g) for k, e, l, g in allp if g]
    if "--gaps" in opts:
        for k, e, l, g in gaps:
            print("gap\t%s\t%s\t%s\t%s" % (k, e, l, " ".join(g)))
    if "--write" in opts:
        write(rules, gaps)
        print("%d gaps filled" % len(gaps))
        return
    got = screen(ctl, rules, [(k, e, l) for k, e, l, _ in allp])
    bad = False
    for kind in KINDS:
        ks = [(k, e, l) for k, e, l, _ in allp if k == kind]
        twins = [p for p in ks if p in got]
        quiet = [p for p in twins if got[p][0]]
        ngap = sum(1 for g in gaps if g[0] == kind)
        rec = len(twins) / len(ks) if ks else 1.0
        clr = len(quiet) / len(twins) if twins else 1.0
        print("%s: %d entry-language pairs, %d gaps, %d twins hit (%.3f), "
              "%d of them quiet with the %s word (%.3f)"
              % (kind, len(ks), ngap, len(twins), rec, len(quiet), kind, clr))
        f = floor.get(kind, (0.0, 0.0))
        if ngap or rec < f[0] or clr < f[1]:
            bad = True
        for p in [p for p in twins if not got[p][0]][:show]:
            print("  loud: %s %s: %s" % (p[1], p[2], got[p][1]))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
