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

Every case is also written once more with its first figure in another form
datasheets use, by turns: a range ("5–10 GHz", "from 5 to 10"), a tolerance
("10 ± 0.5 mm"), thousands separators of the language (1,000 1.000 1 000
1'000), a power of ten ("1.5 × 10^9", "1,5E9", "1,5·10⁹"), a metric figure
with its inch fraction in brackets, or a comparison word ("more than", "not
more than", "up to").

Prints recall above and clearance below per language (plain cases) and per
form, and fails when one falls under the floor of floor.tsv (the figures
when the check was made; "form:NAME" rows for the forms), so that neither
drops.  --show N prints N failing cases of each kind and form.
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
# Where UNIT has no word of a language for a unit, the language's word of goods17/units.tsv (the units
# each language writes in full, checked one by one by tests/unit/test_param.c) stands in for the symbol.
UNITS_TSV = {"pct": "%"}


def units_tsv():
    path = os.path.join(HERE, "..", "goods17", "units.tsv")
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        lang, unit, _, _, word = line.rstrip("\n").split("\t")
        yield lang, UNITS_TSV.get(unit, unit), word


for _lang, _unit, _word in units_tsv():
    if _unit in UNIT and _lang not in UNIT[_unit] and _lang != "en":
        UNIT[_unit][_lang] = _word
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


# ---- The forms datasheets write a figure in (--forms) -------------------------------------
# Each case above is also written with its first figure in one of these forms, by turns:
# a range, "from A to B", a tolerance, thousands separators (in the unit a thousandth of the
# threshold's), a power of ten (in the quantity's base unit), a metric figure followed by its
# inch fraction in brackets, or a comparison word ("more than", "not more than", "up to").
MORE_THAN = {"en": "more than", "de": "mehr als", "fr": "plus de", "es": "más de", "it": "più di",
             "pt": "mais de", "nl": "meer dan", "pl": "ponad", "ru": "более", "uk": "понад",
             "tr": "$'den fazla", "ar": "أكثر من", "fa": "بیش از", "zh": "超过", "ja": "$超",
             "ko": "$초과", "el": "πάνω από", "he": "יותר מ-", "hi": "$से अधिक", "vi": "trên",
             "id": "lebih dari", "cs": "více než", "sv": "mer än"}
NOT_MORE = {"en": "not more than", "de": "nicht mehr als", "fr": "pas plus de", "es": "no más de",
            "it": "non più di", "pt": "não mais de", "nl": "niet meer dan", "pl": "nie więcej niż",
            "ru": "не более", "uk": "не більше", "tr": "en fazla", "ar": "لا يزيد عن",
            "fa": "حداکثر", "zh": "不超过", "ja": "$以下", "ko": "$이하",
            "el": "όχι περισσότερο από", "he": "לא יותר מ-", "hi": "$से अधिक नहीं",
            "vi": "không quá", "id": "tidak lebih dari", "cs": "nejvýše", "sv": "högst"}
UP_TO = {"en": "up to", "de": "bis zu", "fr": "jusqu'à", "es": "hasta", "it": "fino a", "pt": "até",
         "nl": "tot", "pl": "do", "ru": "до", "uk": "до", "tr": "en fazla", "ar": "حتى", "fa": "حداکثر",
         "zh": "$以内", "ja": "$まで", "ko": "$까지", "el": "έως", "he": "עד", "hi": "$तक",
         "vi": "tối đa", "id": "hingga", "cs": "až", "sv": "upp till"}
# "from A to B": the words before A and between A and B.
FROM_TO = {"en": ("from ", " to "), "de": ("von ", " bis "), "fr": ("de ", " à "),
           "es": ("de ", " a "), "it": ("da ", " a "), "pt": ("de ", " a "), "nl": ("van ", " tot "),
           "pl": ("od ", " do "), "ru": ("от ", " до "), "uk": ("від ", " до "), "tr": ("", " ile "),
           "ar": ("من ", " إلى "), "fa": ("از ", " تا "), "zh": ("", "至"), "ja": ("", "～"),
           "ko": ("", "~"), "el": ("από ", " έως "), "he": ("מ-", " עד "), "hi": ("", " से "),
           "vi": ("từ ", " đến "), "id": ("dari ", " hingga "), "cs": ("od ", " do "),
           "sv": ("från ", " till ")}
THOUSANDS = {"en": ",", "de": ".", "fr": "\u202f", "es": ".", "it": ".", "pt": ".", "nl": ".",
             "pl": " ", "ru": " ", "uk": " ", "tr": ".", "ar": ",", "fa": ",", "zh": ",", "ja": ",",
             "ko": ",", "el": ".", "he": ",", "hi": ",", "vi": ".", "id": ".", "cs": " ", "sv": " "}
# unit -> (the unit a thousandth of it, written as a symbol)
MILLI = {"mm": "um", "m": "mm", "km": "m", "kg": "g", "l": "ml", "kW": "W", "kHz": "Hz",
         "MHz": "kHz", "GHz": "MHz", "MPa": "kPa", "GPa": "MPa", "MS/s": "kS/s", "GS/s": "MS/s",
         "kN": "N", "g": "mg"}
# unit -> (base unit, exponent of ten)
POWER = {"kHz": ("Hz", 3), "MHz": ("Hz", 6), "GHz": ("Hz", 9), "MPa": ("Pa", 6), "GPa": ("Pa", 9),
         "kW": ("W", 3), "MS/s": ("S/s", 6), "GS/s": ("S/s", 9), "kN": ("N", 3), "MNs": ("Ns", 6),
         "km": ("m", 3), "kg": ("g", 3)}
SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
FORMS = ["range", "from_to", "tolerance", "thousands", "power", "inch", "words"]


def num(v, lang, sep=None):
    s = fmt(v, lang)
    if sep is None or "," in s.replace(".", ",") and lang in COMMA and "," in s:
        return s
    ip, _, fp = s.partition("," if lang in COMMA else ".")
    if len(ip) <= 4 and not (len(ip) == 4 and sep):
        return s
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    return sep.join(groups) + (("," if lang in COMMA else ".") + fp if fp else "")


def unit_word(lang, unit):
    u = UNIT.get(unit, {}).get(lang, unit)
    return u[1:] if u.startswith("^") else u


def with_unit(lang, numtext, unit, symbol=False):
    u = unit if symbol else unit_word(lang, unit)
    pre = not symbol and UNIT.get(unit, {}).get(lang, "").startswith("^")
    if pre:
        return u + ("" if lang == "zh" else " ") + numtext
    return numtext + ("" if lang in ("zh", "ja") and not symbol else " ") + u


def inch_fraction(mm):
    """The nearest sixteenths of an inch as "a b/c" text, or None."""
    n = round(mm / 25.4 * 16)
    if n <= 0:
        return None
    whole, rest = divmod(n, 16)
    den = 16
    while rest and rest % 2 == 0:
        rest //= 2
        den //= 2
    if not rest:
        return str(whole)
    return ("%d %d/%d" % (whole, rest, den)) if whole else "%d/%d" % (rest, den)


def holds(v, p, fail):
    """True if <v> misses the parameter when <fail>, else meets it."""
    lo = num_unit(p.get("min", p.get("above"))) if ("min" in p or "above" in p) else (None, None)
    hi = num_unit(p.get("max", p.get("below"))) if ("max" in p or "below" in p) else (None, None)
    ok = (lo[0] is None or v > lo[0] or ("min" in p and v == lo[0])) and \
         (hi[0] is None or v < hi[0] or ("max" in p and v == hi[0]))
    return ok != fail


def form_phrase(form, lang, v, unit, p, fail, turn):
    """The figure <v> in <form>, or None when the form does not fit it."""
    lower_only = ("min" in p or "above" in p) and not ("max" in p or "below" in p)
    upper_only = ("max" in p or "below" in p) and not ("min" in p or "above" in p)
    if form in ("range", "from_to"):
        a, b = v * 0.9, v * 1.1
        if a != int(a) or b != int(b):
            a, b = round(a, 2), round(b, 2)
        if not (holds(a, p, fail) and holds(b, p, fail)) or a == b:
            return None
        if form == "range":
            dash = "–" if turn % 2 else "-"
            return with_unit(lang, fmt(a, lang) + dash + fmt(b, lang), unit)
        pre, mid = FROM_TO[lang]
        return pre + fmt(a, lang) + mid + with_unit(lang, fmt(b, lang), unit)
    if form == "tolerance":
        t = round(v * 0.02, 3) or 0.001
        if not (holds(v - t, p, fail) and holds(v + t, p, fail)):
            return None
        pm = " ± " if turn % 2 else "±"
        return with_unit(lang, fmt(v, lang) + pm + fmt(t, lang), unit)
    if form == "thousands":
        small = MILLI.get(unit)
        w = round(v * 1000)
        if small is None or w < 10000 or abs(w - v * 1000) > 1e-6 * w:
            return None
        sep = THOUSANDS[lang]
        if lang in ("de", "fr", "it") and turn % 2:
            sep = "'"        # Swiss usage
        return num(w, lang, sep) + " " + small
    if form == "power":
        if unit not in POWER:
            return None
        base, e = POWER[unit]
        w = v * 10 ** e
        ex = len(str(int(w))) - 1 if w >= 1 else 0
        mant = round(w / 10 ** ex, 3)
        if ex < 3 or not holds(mant * 10 ** ex / 10 ** e, p, fail):
            return None
        m = fmt(mant, lang)
        k = turn % 3
        if mant == 1 and k != 1:
            txt = "10^%d" % ex if k == 0 else "10%s" % str(ex).translate(SUP)
        elif k == 0:
            txt = "%s × 10^%d" % (m, ex)
        elif k == 1:
            txt = "%sE%d" % (m, ex)
        else:
            txt = "%s·10%s" % (m, str(ex).translate(SUP))
        return txt + " " + base
    if form == "inch":
        if unit != "mm":
            return None
        f = inch_fraction(v)
        if f is None or not holds(v, p, fail):
            return None
        return with_unit(lang, fmt(v, lang), unit) + " (%s in)" % f
    if form == "words":
        if lower_only:
            cw = NOT_MORE[lang] if fail else MORE_THAN[lang]
        elif upper_only:
            cw = MORE_THAN[lang] if fail else (UP_TO if turn % 2 else NOT_MORE)[lang]
        else:
            return None
        if cw.startswith("$"):
            sep = "" if lang in ("zh", "ja") or cw[1] == "'" else " "
            return with_unit(lang, fmt(v, lang), unit) + sep + cw[1:]
        return cw + " " + with_unit(lang, fmt(v, lang), unit)
    return None


def form_cases(base):
    """The cases of <base> again, their first figure in another form, by turns."""
    out = []
    for n, c in enumerate(base):
        if c.get("p0") is None:
            continue
        p, v, unit, fail = c["p0"]
        for k in range(len(FORMS)):
            form = FORMS[(n // 2 + k) % len(FORMS)]
            ph = form_phrase(form, c["lang"], v, unit, p, fail, n // 2)
            if ph is None:
                continue
            d = dict(c)
            d["form"] = form
            d["description"] = c["description"].replace(c["fig0"], ph, 1)
            out.append(d)
            break
    return out


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
                    fig = phrase(lang, v, unit, cw)
                    if k == 0:
                        first = (p, v, unit, fail), fig
                    parts.append((cue + " " if cue else "") + fig)
                if req:
                    parts.append(req)
                out.append({"entry": key, "lang": lang, "kind": kind, "hs_code": hs,
                            "description": ", ".join(parts), "form": "plain",
                            "p0": first[0], "fig0": first[1]})
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
    cs += form_cases(cs)
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
    shown = collections.Counter()
    for n, c in enumerate(cs):
        got = c["entry"] in hits.get("PP-%d" % n, set())
        r = per[c["lang"] if c["form"] == "plain" else "form:" + c["form"]]
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
    base = [v for k, v in per.items() if not k.startswith("form:")]
    ta = sum(r[0] for r in base)
    na = sum(r[1] for r in base)
    tb = sum(r[2] for r in base)
    nb = sum(r[3] for r in base)
    print("parameter probe: above the threshold %d/%d found (%.3f), below %d/%d clear (%.3f)"
          % (ta, na, ta / max(na, 1), tb, nb, tb / max(nb, 1)))
    low = []
    for keys in (LANGS, ["form:" + f for f in FORMS]):
        cols = []
        for lang in keys:
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
        for c in bad[kind]:
            shown[kind, c["form"]] += 1
            if shown[kind, c["form"]] > show:
                continue
            print("  %s %s [%s %s]: %s" % (kind, c["entry"], c["lang"], c["form"],
                                           c["description"]))
    for l in low:
        print("  dropped: " + l)
    sys.exit(1 if low else 0)


if __name__ == "__main__":
    main()
