#!/usr/bin/env python3
"""Generalisation check of parameter reading in the trade languages.

Usage: check.py CORDONCTL RULES_DIR [--show N]

For every goods entry with a numeric parameter (derived quantities aside),
and every language with a term for it, writes two goods descriptions the way
an invoice in that language writes them: the entry's term, the words that
say what a figure measures (diameter, Hf...), a value with the language's
own unit words, per-cent words, decimal comma and comparison words, and a
word the entry requires.  One value meets every threshold ("above": the
entry must hit), the other misses one ("below": the entry must not).  The
words here are written for this check, apart from param_words.c, from each
language's ordinary technical usage.

Prints recall above and clearance below per language, and fails when one
falls under the floor of floor.tsv (the figures when the check was made), so
that neither drops.  --show N prints N failing cases of each kind.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr",
         "ar", "fa", "zh", "ja", "ko", "el", "he", "hi", "vi", "id", "cs", "sv"]
COMMA = {"de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr",
         "el", "cs", "sv", "id", "vi"}

# Unit symbol of the threshold -> how each language writes it after the number.
# A missing language writes the symbol.  A leading "^" is written before the number.
UNIT = {
    "mm": {"de": "Millimeter", "fr": "millimètres", "es": "milímetros", "it": "millimetri",
           "pt": "milímetros", "nl": "millimeter", "pl": "milimetrów", "ru": "миллиметров",
           "uk": "міліметрів", "tr": "milimetre", "ar": "مليمتر", "fa": "میلیمتر", "zh": "毫米",
           "ja": "ミリメートル", "ko": "밀리미터",
        'el': 'χιλιοστά', 'he': 'מ"מ', 'hi': 'मिमी', 'vi': 'milimét', 'id': 'milimeter', 'cs': 'milimetrů', 'sv': 'millimeter'},
    "%": {"en": "percent", "de": "Prozent", "fr": "pour cent", "es": "por ciento", "it": "per cento",
          "pt": "por cento", "nl": "procent", "pl": "procent", "ru": "процентов", "uk": "відсотків",
          "tr": "^yüzde", "ar": "في المائة", "fa": "درصد", "zh": "^百分之", "ja": "パーセント",
          "ko": "퍼센트",
        'el': 'τοις εκατό', 'he': 'אחוז', 'hi': 'प्रतिशत', 'vi': 'phần trăm', 'id': 'persen', 'cs': 'procent', 'sv': 'procent'},
    "degC": {"en": "°C", "de": "Grad Celsius", "fr": "degrés Celsius", "es": "grados Celsius",
             "it": "gradi Celsius", "pt": "graus Celsius", "nl": "graden Celsius",
             "pl": "stopni Celsjusza", "ru": "градусов Цельсия", "uk": "градусів", "tr": "derece",
             "ar": "درجة مئوية", "fa": "درجه سانتیگراد", "zh": "摄氏度", "ja": "度", "ko": "도",
        'el': 'βαθμούς Κελσίου', 'he': 'מעלות צלזיוס', 'hi': 'डिग्री सेल्सियस', 'vi': 'độ C', 'id': 'derajat Celsius', 'cs': 'stupňů Celsia', 'sv': 'grader Celsius'},
    "MPa": {"ru": "МПа", "uk": "МПа", "zh": "兆帕", "ar": "ميغاباسكال", "fa": "مگاپاسکال",
            "ko": "메가파스칼",
        'hi': 'मेगापास्कल', 'he': 'מגה פסקל'},
    "Hz": {"de": "Hertz", "fr": "hertz", "it": "hertz", "pt": "hertz", "ru": "Гц", "uk": "Гц",
           "ar": "هرتز", "fa": "هرتز", "zh": "赫兹", "ja": "ヘルツ", "ko": "헤르츠",
        'el': 'Hz', 'he': 'הרץ', 'hi': 'हर्ट्ज', 'vi': 'héc', 'id': 'hertz', 'cs': 'hertzů', 'sv': 'hertz'},
    "kHz": {"ru": "кГц", "uk": "кГц", "zh": "千赫",
        'hi': 'किलोहर्ट्ज', 'cs': 'kHz'},
    "kg": {"de": "Kilogramm", "fr": "kilogrammes", "es": "kilogramos", "it": "chilogrammi",
           "pt": "quilogramas", "nl": "kilogram", "pl": "kilogramów", "ru": "килограммов",
           "uk": "кілограмів", "tr": "kilogram", "ar": "كيلوغرام", "fa": "کیلوگرم", "zh": "公斤",
           "ja": "キログラム", "ko": "킬로그램",
        'el': 'κιλά', 'he': 'ק"ג', 'hi': 'किग्रा', 'vi': 'kilôgam', 'id': 'kilogram', 'cs': 'kilogramů', 'sv': 'kilogram'},
    "l": {"en": "litres", "de": "Liter", "fr": "litres", "es": "litros", "it": "litri",
          "pt": "litros", "nl": "liter", "pl": "litrów", "ru": "литров", "uk": "літрів",
          "tr": "litre", "ar": "لتر", "fa": "لیتر", "zh": "升", "ja": "リットル", "ko": "리터",
        'el': 'λίτρα', 'he': 'ליטר', 'hi': 'लीटर', 'vi': 'lít', 'id': 'liter', 'cs': 'litrů', 'sv': 'liter'},
    "axes": {"de": "Achsen", "es": "ejes", "it": "assi", "pt": "eixos", "nl": "assen", "pl": "osi",
             "ru": "осей", "uk": "осей", "tr": "eksen", "ar": "محاور", "fa": "محور", "zh": "轴",
             "ja": "軸", "ko": "축",
        'el': 'άξονες', 'he': 'צירים', 'hi': 'अक्ष', 'vi': 'trục', 'id': 'sumbu', 'cs': 'os', 'sv': 'axlar'},
    "km": {"ru": "км", "uk": "км", "zh": "公里", "ar": "كم", "fa": "کیلومتر", "ja": "キロメートル",
           "ko": "킬로미터",
        'el': 'χιλιόμετρα', 'he': 'ק"מ', 'hi': 'किमी', 'vi': 'ki-lô-mét', 'id': 'kilometer', 'cs': 'kilometrů', 'sv': 'kilometer'},
    "kW": {"de": "Kilowatt", "ru": "кВт", "uk": "кВт", "zh": "千瓦", "fa": "کیلووات",
        'el': 'κιλοβάτ', 'he': 'קילוואט', 'hi': 'किलोवाट', 'vi': 'kilôoát', 'id': 'kilowatt', 'cs': 'kilowattů', 'sv': 'kilowatt'},
    "um": {"en": "µm", "de": "µm", "ru": "мкм", "uk": "мкм", "zh": "微米", "ja": "マイクロメートル",
           "ko": "마이크로미터",
        'el': 'μικρόμετρα', 'he': 'מיקרון', 'hi': 'माइक्रोमीटर', 'vi': 'micrômét', 'id': 'mikrometer', 'cs': 'mikrometrů', 'sv': 'mikrometer'},
}
# Words before a value saying it is at least / below the figure; "$" marks a word after it.
AT_LEAST = {"en": "at least", "de": "mindestens", "fr": "au moins", "es": "al menos",
            "it": "almeno", "pt": "pelo menos", "nl": "minstens", "pl": "co najmniej",
            "ru": "не менее", "uk": "не менше", "tr": "en az", "ar": "لا يقل عن", "fa": "حداقل",
            "zh": "$以上", "ja": "$以上", "ko": "$이상", "el": "τουλάχιστον", "he": "לפחות",
            "hi": "कम से कम", "vi": "ít nhất", "id": "sekurang-kurangnya", "cs": "nejméně",
            "sv": "minst"}
BELOW = {"en": "less than", "de": "weniger als", "fr": "moins de", "es": "menos de",
         "it": "meno di", "pt": "menos de", "nl": "minder dan", "pl": "mniej niż", "ru": "менее",
         "uk": "менше", "tr": "$'den az", "ar": "أقل من", "fa": "کمتر از", "zh": "$以下",
         "ja": "$未満", "ko": "$미만", "el": "λιγότερο από", "he": "פחות מ-", "hi": "$से कम",
         "vi": "dưới", "id": "kurang dari", "cs": "méně než", "sv": "mindre än"}
ROLE = {
    "diameter": {"en": "diameter", "de": "Durchmesser", "fr": "diamètre", "es": "diámetro",
                 "it": "diametro", "pt": "diâmetro", "nl": "diameter", "pl": "średnica",
                 "ru": "диаметр", "uk": "діаметр", "tr": "çap", "ar": "قطر", "fa": "قطر",
                 "zh": "直径", "ja": "直径", "ko": "직경",
        'el': 'διάμετρος', 'he': 'קוטר', 'hi': 'व्यास', 'vi': 'đường kính', 'id': 'diameter', 'cs': 'průměr', 'sv': 'diameter'},
    "inner_diameter": {"en": "inner diameter", "de": "Innendurchmesser",
                       "fr": "diamètre intérieur", "es": "diámetro interior",
                       "it": "diametro interno", "pt": "diâmetro interno",
                       "nl": "binnendiameter", "pl": "średnica wewnętrzna",
                       "ru": "внутренний диаметр", "uk": "внутрішній діаметр", "tr": "iç çap",
                       "ar": "قطر داخلي", "fa": "قطر داخلی", "zh": "内径", "ja": "内径", "ko": "내경",
        'el': 'εσωτερική διάμετρος', 'he': 'קוטר פנימי', 'hi': 'आंतरिक व्यास', 'vi': 'đường kính trong', 'id': 'diameter dalam', 'cs': 'vnitřní průměr', 'sv': 'innerdiameter'},
    "thickness": {"en": "wall thickness", "de": "Wandstärke", "fr": "épaisseur",
                  "es": "espesor", "it": "spessore", "pt": "espessura", "nl": "wanddikte",
                  "pl": "grubość", "ru": "толщина", "uk": "товщина", "tr": "kalınlık",
                  "ar": "سماكة", "fa": "ضخامت", "zh": "壁厚", "ja": "肉厚", "ko": "두께",
        'el': 'πάχος τοιχώματος', 'he': 'עובי דופן', 'hi': 'दीवार की मोटाई', 'vi': 'độ dày thành', 'id': 'ketebalan dinding', 'cs': 'tloušťka stěny', 'sv': 'godstjocklek'},
    "tensile_strength": {"en": "tensile strength", "de": "Zugfestigkeit",
                         "fr": "résistance à la traction", "es": "resistencia a la tracción",
                         "it": "resistenza a trazione", "pt": "resistência à tração",
                         "nl": "treksterkte", "pl": "wytrzymałość", "ru": "предел прочности",
                         "uk": "міцність", "tr": "çekme dayanımı", "ar": "مقاومة الشد",
                         "fa": "استحکام کششی", "zh": "抗拉强度", "ja": "引張強さ", "ko": "인장강도",
        'el': 'αντοχή σε εφελκυσμό', 'he': 'חוזק מתיחה', 'hi': 'तन्य शक्ति', 'vi': 'độ bền kéo', 'id': 'kekuatan tarik', 'cs': 'pevnost v tahu', 'sv': 'draghållfasthet'},
    "hafnium": {lang: "Hf" for lang in LANGS},
    "bias": {lang: "bias" for lang in LANGS},
}
DERIVED = {"specific_modulus", "specific_strength", "acceleration"}


def num_unit(text):
    m = re.match(r"\s*([0-9.eE+-]+)\s*(.+?)\s*$", str(text))
    return (float(m.group(1)), m.group(2)) if m else (None, None)


def fmt(v, lang):
    if abs(v) >= 1 and v != int(v):
        v = round(v, 2)       # "2.625" would also read as 2625 (thousands)
    if v == int(v) and abs(v) < 1e9:
        s = str(int(v))
    else:
        s = ("%.6g" % v)
        if "e" in s:
            s = ("%.12f" % v).rstrip("0").rstrip(".")
    return s.replace(".", ",") if lang in COMMA else s


def phrase(lang, v, unit, cmpword):
    words = UNIT.get(unit, {})
    u = words.get(lang, unit)
    num = fmt(v, lang)
    if u.startswith("^"):
        val = u[1:] + " " + num if lang != "zh" else u[1:] + num
    elif lang in ("zh", "ja"):
        val = num + u
    else:
        val = num + " " + u
    if cmpword is None:
        return val
    if cmpword.startswith("$"):
        return val + ("" if lang in ("zh", "ja") or cmpword[1] == "'" else " ") + cmpword[1:]
    return cmpword + " " + val


def plain(term):
    if term.startswith("re:"):
        return None
    return term.replace("*", "").strip().strip('"') or None


def values(p):
    """(unit, meets, misses) in the threshold's unit, or None."""
    # min / max are inclusive bounds, above / below exclusive ones
    lo = num_unit(p.get("min", p.get("above"))) if ("min" in p or "above" in p) else (None, None)
    hi = num_unit(p.get("max", p.get("below"))) if ("max" in p or "below" in p) else (None, None)
    unit = lo[1] or hi[1]
    if unit is None or (lo[1] and hi[1] and lo[1] != hi[1]):
        return None
    if lo[0] is not None and hi[0] is not None:
        return unit, (lo[0] + hi[0]) / 2, hi[0] * 3
    if lo[0] is not None:
        m = lo[0]
        if unit == "%" and m > 50:
            return unit, (m + 100) / 2, m - 20
        if unit == "axes":
            return unit, m + 1, max(m - 1, 1) if m > 1 else None
        return unit, m * 2, m / 4
    m = hi[0]
    return unit, m / 4, m * 4


def cases(rules):
    entries, tterms, treq = [], {}, {}
    for f in sorted(glob.glob(os.path.join(rules, "*.yaml"))):
        d = yaml.safe_load(open(f, encoding="utf-8"))
        if not isinstance(d, dict):
            continue
        if "entries" in d:
            for e in d["entries"]:
                entries.append((d["list"]["id"], e))
        elif "terms" in d:
            tterms[d["language"]] = d.get("terms") or {}
            treq[d["language"]] = d.get("requires") or {}
    out = []
    for lid, e in entries:
        ps = e.get("parameters") or []
        if not ps or any(p["quantity"] in DERIVED for p in ps):
            continue
        vals = [values(p) for p in ps]
        if any(v is None or v[2] is None for v in vals):
            continue
        key = "%s/%s" % (lid, e["code"])
        hs = (e.get("hs") or e.get("hs_context") or ["8479.89"])[0].replace(".", "")
        hs = (hs + "0000")[:6] if len(hs) < 6 else hs
        for lang in LANGS:
            if lang == "en":
                terms = [t for t in (e.get("keywords") or []) if plain(t)]
                reqs = [t for t in (e.get("requires") or []) if plain(t)]
            else:
                terms = [t for t in tterms.get(lang, {}).get(key, []) if plain(t)]
                reqs = [t for t in treq.get(lang, {}).get(key, []) if plain(t)]
                reqs = reqs or [t for t in (e.get("requires") or []) if plain(t)]
            if not terms:
                continue
            term = plain(terms[0])
            req = plain(reqs[0]) if e.get("requires") else None
            for kind in ("above", "below"):
                parts = [term]
                for k, (p, (unit, meet, miss)) in enumerate(zip(ps, vals)):
                    fail = kind == "below" and (k == 0 or e.get("parameter_match") == "any")
                    v = miss if fail else meet
                    # every other case states the bound in words
                    cw = None
                    if (len(out) // 2) % 2 == 1:
                        lower_only = ("min" in p or "above" in p) and not ("max" in p or "below" in p)
                        if fail and lower_only:
                            cw = BELOW[lang]
                        elif not fail and lower_only:
                            cw = AT_LEAST[lang]
                    role = p.get("role")
                    cue = ROLE.get(role, {}).get(lang, "") if role else ""
                    parts.append((cue + " " if cue else "") + phrase(lang, v, unit, cw))
                if req:
                    parts.append(req)
                out.append({"entry": key, "lang": lang, "kind": kind, "hs_code": hs,
                            "description": ", ".join(parts)})
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = 0
    if "--show" in sys.argv:
        show = int(sys.argv[sys.argv.index("--show") + 1])
        args = [a for a in args if a != str(show)]
    if len(args) < 2:
        sys.exit(__doc__)
    ctl, rules = args[0], args[1]
    cs = cases(rules)
    decls = [json.dumps({"reference": "PP-%d" % n, "type": "export",
                         "items": [{"seq": 1, "hs_code": c["hs_code"],
                                    "description": c["description"]}]},
                        ensure_ascii=False) for n, c in enumerate(cs)]
    run = subprocess.run([ctl, "screen", "--rules", rules], input="\n".join(decls) + "\n",
                         capture_output=True, text=True, encoding="utf-8")
    if run.returncode not in (0, 1) or not run.stdout.strip():
        sys.exit("cordonctl screen failed: %s" % run.stderr.strip())
    hits = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        hits[d["reference"]] = {"%s/%s" % (h["list"], h["entry"])
                                for a in d.get("alerts", []) for h in a["hits"]
                                if h.get("list") and h.get("entry")}
    per = collections.defaultdict(lambda: [0, 0, 0, 0])  # above ok, above n, below ok, below n
    bad = {"above": [], "below": []}
    for n, c in enumerate(cs):
        got = c["entry"] in hits.get("PP-%d" % n, set())
        r = per[c["lang"]]
        if c["kind"] == "above":
            r[0] += got
            r[1] += 1
            if not got:
                bad["above"].append(c)
        else:
            r[2] += not got
            r[3] += 1
            if got:
                bad["below"].append(c)
    floor = {}
    fpath = os.path.join(HERE, "floor.tsv")
    if os.path.exists(fpath):
        for line in open(fpath, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                lang, a, b = line.split("\t")
                floor[lang] = (float(a), float(b))
    ta = sum(r[0] for r in per.values())
    na = sum(r[1] for r in per.values())
    tb = sum(r[2] for r in per.values())
    nb = sum(r[3] for r in per.values())
    print("parameter probe: above the threshold %d/%d found (%.3f), below %d/%d clear (%.3f)"
          % (ta, na, ta / max(na, 1), tb, nb, tb / max(nb, 1)))
    low = []
    cols = []
    for lang in LANGS:
        r = per.get(lang)
        if not r or not r[1]:
            continue
        ra, rb = r[0] / r[1], r[2] / max(r[3], 1)
        cols.append("%s %.2f/%.2f" % (lang, ra, rb))
        fa, fb = floor.get(lang, (0, 0))
        if round(ra, 2) < fa or round(rb, 2) < fb:       # the floors have two decimals
            low.append("%s: %.3f/%.3f under the floor %.3f/%.3f" % (lang, ra, rb, fa, fb))
    print("  " + ", ".join(cols))
    for kind in ("above", "below"):
        for c in bad[kind][:show]:
            print("  %s %s [%s]: %s" % (kind, c["entry"], c["lang"], c["description"]))
    for l in low:
        print("  dropped: " + l)
    sys.exit(1 if low else 0)


if __name__ == "__main__":
    main()
