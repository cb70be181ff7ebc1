#!/usr/bin/env python3
"""Terms written inflected or with affixes, in every term language.

Usage: inflect.py CORDONCTL RULES_DIR [--floor FLOOR.tsv] [--rules] [--show N]
                  [--lang L]

Declarations rarely write a term in its dictionary form: Korean glues a
particle to the noun (군함과, 밸브의), Turkish case and plural suffixes
(vanaları, pompanın), the Slavic languages decline (насосов, zaworów),
Arabic and Hebrew join the one-letter words in front (والصمامات, למשאבה),
Persian adds its plural and ezafe (پمپ‌ها, پمپ‌های), German, Dutch and
Swedish build compounds.  For each language, each term of
rules/terms-LANG.yaml that hits its entry alone (stems' '*' taken off) is
written again by each rule of the language's table below: the productive
endings or clitics of the language, on the word the rule names (the head:
the last word before any preposition or genitive complement, the first word
in head-initial languages, or every word of the head where adjectives agree
in number).  A rule leaves out a word written as a stem (open to every
ending already), a number, an acronym, and an ending it has no regular rule
for.  A form counts as found when it still hits the same entry.  The rules
are written per language from its grammar, not per term.

Look-alikes must stay quiet:
  - each language's ordinary goods words (the generic words the term files
    themselves keep out: pump, valve, steel, powder) alone and written by
    the language's rules;
  - in German, Dutch and Swedish, ordinary goods written as one compound
    word with a term's word or one like it inside (COMPOUND_ORDINARY);
  - a word of the language's own vocabulary (its term and exclude lists)
    that holds a term of at most SHORT letters written in full, with other
    letters before or after it, and is no form of it by the rules, must not
    hit that term's entry ("gewehrlauf" is no form of a rifle term);
  - every word of the HS 2022 descriptions (English, rules/nomenclature)
    alone must not be hit by a term-file term more often than the floor's
    "hs" row allows: an ending must not make a term another language's word.

Prints per language the forms found (per rule with --rules), the look-alikes
that stayed quiet, the misses and loud look-alikes (--show N of each), and
fails when a figure falls under --floor (language, least found fraction,
least quiet fraction; "hs": most loud HS words).
"""
import collections
import csv
import glob
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goodscheck import screen_items  # noqa: E402

import yaml  # noqa: E402

NEUTRAL_HS = "9999"     # no subheading: the words alone decide
SHORT = 6               # letters of a short term (look-alike harvest)
# Scripts where a term is a substring by design (no word breaks): a word
# holding a short term is most often a compound naming the same goods.
UNSPACED = {"ja", "ko", "zh"}


# ---- morphology: small helpers ----------------------------------------

def last_vowel(w, vowels):
    for c in reversed(w.lower()):
        if c in vowels:
            return c
    return None


def ends(w, *suf):
    return any(w.endswith(s) for s in suf)


def tr_suffix(w, kind):
    """Turkish suffixes by vowel harmony: plural -ler/-lar, accusative
    -(y)ı/i/u/ü, genitive -(n)ın/in/un/ün, locative -de/da/te/ta."""
    v = last_vowel(w, "aeıioöuü")
    if v is None:
        return None
    back = v in "aıou"
    four = {"a": "ı", "ı": "ı", "o": "u", "u": "u",
            "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[v]
    vowel_end = w[-1].lower() in "aeıioöuü"
    if kind == "pl":
        return w + ("lar" if back else "ler")
    if kind == "acc":
        return w + ("y" if vowel_end else "") + four
    if kind == "gen":
        return w + ("n" if vowel_end else "") + four + "n"
    if kind == "pl.acc":
        return w + ("ları" if back else "leri")
    if kind == "loc":
        hard = w[-1].lower() in "çfhkpsşt"
        return w + ("t" if hard else "d") + ("a" if back else "e")
    return None


def ko_particle(w, with_final, without_final):
    """A Korean particle by whether the last syllable has a final consonant."""
    c = w[-1]
    if not ("\uac00" <= c <= "\ud7a3"):
        return None
    has = (ord(c) - 0xac00) % 28 != 0
    return w + (with_final if has else without_final)


def cyr_cons(w):
    return w[-1].lower() in "бвгджзклмнпрстфхцчшщ"


def lat_cons(w, letters):
    return w[-1].lower() in letters


SLAV_CONS_PL = "bcdfghjklmnprstvwxzłńśźżčďňřšťž"


def ru_gen_sg(w):
    if cyr_cons(w):
        return w + "а"
    if ends(w, "а"):
        return w[:-1] + ("и" if w[-2:-1] in "гкхжшщч" else "ы")
    if ends(w, "я", "ь"):
        return w[:-1] + "и"
    return None


def ru_gen_pl(w):
    if cyr_cons(w) and not ends(w, "ж", "ш", "щ", "ч"):
        return w + "ов"
    if ends(w, "ж", "ш", "щ", "ч"):
        return w + "ей"
    return None


def ru_instr_pl(w):
    if cyr_cons(w):
        return w + "ами"
    if ends(w, "а", "о"):
        return w[:-1] + "ами"
    if ends(w, "я", "ь"):
        return w[:-1] + "ями"
    return None


def uk_gen_pl(w):
    return w + "ів" if cyr_cons(w) else None


def uk_instr_pl(w):
    if cyr_cons(w):
        return w + "ами"
    if ends(w, "а", "о"):
        return w[:-1] + "ами"
    return None


def pl_gen_pl(w):
    return w + "ów" if lat_cons(w, SLAV_CONS_PL) else None


def pl_instr_pl(w):
    if lat_cons(w, SLAV_CONS_PL):
        return w + "ami"
    if ends(w, "a", "o"):
        return w[:-1] + "ami"
    return None


def pl_gen_sg(w):
    if lat_cons(w, SLAV_CONS_PL):
        return w + "a"
    if ends(w, "a"):
        return w[:-1] + ("i" if w[-2:-1] in "gkl" else "y")
    return None


def cs_gen_sg(w):
    if lat_cons(w, SLAV_CONS_PL):
        return w + "u"
    if ends(w, "a"):
        return w[:-1] + "y"
    if ends(w, "o"):
        return w[:-1] + "a"
    return None


def cs_gen_pl(w):
    return w + "ů" if lat_cons(w, SLAV_CONS_PL) else None


def cs_instr_pl(w):
    if lat_cons(w, SLAV_CONS_PL):
        return w + "y"
    if ends(w, "a"):
        return w[:-1] + "ami"
    return None


def el_pl(w):
    for a, b in (("ας", "ες"), ("ης", "ες"), ("ος", "οι"), ("ό", "ά"),
                 ("ο", "α"), ("ι", "ια"), ("ή", "ές"), ("η", "ες"),
                 ("ας", "ες"), ("ές", "ές")):
        if w.endswith(a):
            return w[:-len(a)] + b
    return None


def el_gen(w):
    for a, b in (("ας", "α"), ("ης", "η"), ("ος", "ου"), ("ός", "ού"),
                 ("ο", "ου"), ("ό", "ού"), ("ι", "ιού"), ("η", "ης"),
                 ("ή", "ής"), ("α", "ας")):
        if w.endswith(a):
            return w[:-len(a)] + b
    return None


def de_pl(w):
    if ends(w, "e"):
        return w + "n"
    if ends(w, "er", "el", "en"):
        return None
    if ends(w, "ung", "heit", "keit", "ion"):
        return w + "en"
    return w + "e"


def de_gen(w):
    if ends(w, "e", "ung", "heit", "keit", "ion"):
        return None
    return w + ("es" if ends(w, "s", "z", "x", "ß") else "s")


def de_link(w):
    """The joining form of a German noun as a compound's first part."""
    if ends(w, "e"):
        return w + "n"
    if ends(w, "ung", "heit", "keit", "ion", "tät"):
        return w + "s"
    return w


def compound_head(w, link, head):
    """<w> as the first part of a compound with <head> after it."""
    return link(w) + head


def compound_tail(w, mod):
    """<w> as the head of a compound after the modifier <mod>."""
    return mod + w[0].lower() + w[1:] if w[0].isupper() else mod + w


def nl_pl(w):
    if ends(w, "en", "s"):
        return None     # already plural, or -s: no one rule
    if ends(w, "e", "el", "er"):
        return w + "s"
    if ends(w, "a", "o", "u", "i", "y"):
        return w + "'s"
    return w + "en"


def sv_def(w):
    if ends(w, "a", "e", "o"):
        return w + "n"
    return w + "en"


def sv_pl(w):
    if ends(w, "a"):
        return w[:-1] + "or"
    if ends(w, "e"):
        return w[:-1] + "ar"
    return w + "ar"


def es_pl(w):
    if w[-1].lower() in "aeiouáéó":
        return w + "s"
    if w[-1].lower() in "lrndj":
        return w + "es"
    return None


def pt_pl(w):
    if ends(w, "ão"):
        return w[:-2] + "ões"
    if ends(w, "l"):
        return w[:-1] + "is"
    if w[-1].lower() in "aeiouáéó":
        return w + "s"
    if ends(w, "r", "z"):
        return w + "es"
    return None


def it_pl(w):
    if ends(w, "io"):
        return w[:-1]
    if ends(w, "co", "go", "ca", "ga"):
        return None     # -chi/-ghi/-ci: not one regular rule
    if ends(w, "o", "e"):
        return w[:-1] + "i"
    if ends(w, "a"):
        return w[:-1] + "e"
    return None


def fr_pl(w):
    if ends(w, "s", "x", "z"):
        return None
    if ends(w, "al"):
        return w[:-2] + "aux"
    if ends(w, "eau", "eu"):
        return w + "x"
    return w + "s"


def ar_prefix(w, p):
    """An Arabic proclitic on <w>: ل before the article drops its alef."""
    if p.endswith("ل") and w.startswith("ال"):
        return p + w[1:]
    return p + w


def ar_art(text, p):
    """Proclitic <p> on the phrase <text> made definite: the article on
    each of its words (an adjective agrees with its noun); None if a word
    has it already."""
    words = text.split(" ")
    if any(w.startswith("ال") or not is_word(w) for w in words):
        return None
    return " ".join([ar_prefix("ال" + words[0], p)] + ["ال" + w for w in words[1:]])


def he_plural(w):
    if ends(w, "ה"):
        return w[:-1] + "ות"
    if ends(w, "ת", "ים", "ות"):
        return None
    return w + "ים"


def he_final(w):
    """Hebrew final letters turn medial before a suffix."""
    fin = {"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"}
    return w[:-1] + fin.get(w[-1], w[-1])


def hi_obl_pl(w):
    if ends(w, "ा"):
        return w[:-1] + "ों"
    if ends(w, "ी"):
        return w[:-1] + "ियों"
    if unicodedata.category(w[-1]) == "Lo":
        return w + "ों"
    return None


# The nominative endings of adjectives, with their genitive plural, where
# the ending tells an adjective from a noun (Czech -í and the feminine
# -a of Polish and Ukrainian name nouns as often: left out).
ADJ_GEN_PL = {
    "ru": (("ый", "ых"), ("ой", "ых"), ("ий", "их"), ("ая", "ых"), ("яя", "их"),
           ("ое", "ых"), ("ее", "их")),
    "uk": (("ий", "их"), ("ій", "іх")),
    "pl": (("ki", "kich"), ("gi", "gich"), ("y", "ych")),
    "cs": (("ý", "ých"), ("á", "ých"), ("é", "ých")),
}
NOUN_GEN_PL = {"ru": ru_gen_pl, "uk": uk_gen_pl, "pl": pl_gen_pl, "cs": cs_gen_pl}


def slav_agree_gen_pl(lang, text):
    """A phrase of adjectives and one noun, in any order, in the genitive
    plural: every word agrees ("центробежных насосов", "zaworów
    kulowych"); None for a phrase with another word (a complement)."""
    words = text.split(" ")
    if len(words) < 2 or not all(is_word(w) and not w.isupper() for w in words):
        return None
    out, nouns = [], 0
    for w in words:
        adj = next((w[:-len(a)] + b for a, b in ADJ_GEN_PL[lang] if w.endswith(a)), None)
        if adj is None:
            adj = NOUN_GEN_PL[lang](w)
            nouns += 1
        if adj is None:
            return None
        out.append(adj)
    return " ".join(out) if nouns == 1 else None


def id_redup(w):
    return w + "-" + w if w.isalpha() else None


# ---- the rule tables --------------------------------------------------

# language -> [(rule name, where, function word -> form or None)].
# where: "last" word, "first" word or "all" words of the term.
RULES = {
    "ar": [("wa+", "first", lambda w: ar_prefix(w, "و")),
           ("bi+", "first", lambda w: ar_prefix(w, "ب")),
           ("li+", "first", lambda w: ar_prefix(w, "ل")),
           ("wa+al+", "phrase", lambda t: ar_art(t, "و")),
           ("bi+al+", "phrase", lambda t: ar_art(t, "ب")),
           ("li+al+", "phrase", lambda t: ar_art(t, "ل")),
           ("fa+al+", "phrase", lambda t: ar_art(t, "ف"))],
    "he": [("ve+", "first", lambda w: "ו" + w),
           ("ha+", "first", lambda w: "ה" + w),
           ("le+", "first", lambda w: "ל" + w),
           ("mi+", "first", lambda w: "מ" + w),
           ("ve+ha+", "first", lambda w: "וה" + w),
           ("she+ba+", "first", lambda w: "שב" + w),
           ("+plural", "first", lambda w: he_plural(he_final(w)))],
    "fa": [("+ha", "first", lambda w: w + "\u200cها"),
           ("+ha joined", "first", lambda w: w + "ها"),
           ("+haye", "first", lambda w: w + "\u200cهای"),
           ("+ezafe", "first",
            lambda w: w + ("\u200cی" if ends(w, "ه") else "ی" if ends(w, "ا", "و") else None)
            if ends(w, "ه", "ا", "و") else None),
           ("+indef", "first", lambda w: None if ends(w, "ی", "ه", "ا", "و") else w + "ی")],
    "ko": [("+과/와", "last", lambda w: ko_particle(w, "과", "와")),
           ("+을/를", "last", lambda w: ko_particle(w, "을", "를")),
           ("+의", "last", lambda w: ko_particle(w, "의", "의")),
           ("+이/가", "last", lambda w: ko_particle(w, "이", "가")),
           ("+으로/로", "last", lambda w: ko_particle(w, "으로", "로")),
           ("+들", "last", lambda w: ko_particle(w, "들", "들")),
           ("+및", "last", lambda w: w + " 및")],
    "ja": [("+の", "last", lambda w: w + "の"),
           ("+を", "last", lambda w: w + "を"),
           ("+等", "last", lambda w: w + "等"),
           ("+及び", "last", lambda w: w + "及び")],
    "zh": [("+的", "last", lambda w: w + "的"),
           ("+等", "last", lambda w: w + "等"),
           ("+和", "last", lambda w: w + "和")],
    "tr": [("+lAr", "last", lambda w: tr_suffix(w, "pl")),
           ("+(y)I", "last", lambda w: tr_suffix(w, "acc")),
           ("+(n)In", "last", lambda w: tr_suffix(w, "gen")),
           ("+lArI", "last", lambda w: tr_suffix(w, "pl.acc")),
           ("+DA", "last", lambda w: tr_suffix(w, "loc"))],
    "ru": [("gen.sg", "last", ru_gen_sg),
           ("gen.pl", "last", ru_gen_pl),
           ("instr.pl", "last", ru_instr_pl),
           ("agreeing gen.pl", "phrase", lambda t: slav_agree_gen_pl("ru", t))],
    "uk": [("gen.pl", "last", uk_gen_pl),
           ("instr.pl", "last", uk_instr_pl),
           ("agreeing gen.pl", "phrase", lambda t: slav_agree_gen_pl("uk", t))],
    "pl": [("gen.sg", "last", pl_gen_sg),
           ("gen.pl", "last", pl_gen_pl),
           ("instr.pl", "last", pl_instr_pl),
           ("agreeing gen.pl", "phrase", lambda t: slav_agree_gen_pl("pl", t))],
    "cs": [("gen.sg", "last", cs_gen_sg),
           ("gen.pl", "last", cs_gen_pl),
           ("instr.pl", "last", cs_instr_pl),
           ("agreeing gen.pl", "phrase", lambda t: slav_agree_gen_pl("cs", t))],
    "el": [("plural", "last", el_pl),
           ("genitive", "last", el_gen)],
    "de": [("plural", "last", de_pl),
           ("genitive", "last", de_gen),
           ("+Gehäuse", "last", lambda w: compound_head(w, de_link, "gehäuse")),
           ("Hochleistungs+", "last", lambda w: compound_tail(w, "Hochleistungs"))],
    "nl": [("plural", "last", nl_pl),
           ("+onderdelen", "last", lambda w: w + "onderdelen"),
           ("industrie+", "last", lambda w: compound_tail(w, "industrie"))],
    "sv": [("definite", "last", sv_def),
           ("plural", "last", sv_pl),
           ("+delar", "last", lambda w: w + "delar"),
           ("industri+", "last", lambda w: compound_tail(w, "industri"))],
    "es": [("plural", "all", es_pl)],
    "pt": [("plural", "all", pt_pl)],
    "it": [("plural", "all", it_pl)],
    "fr": [("plural", "all", fr_pl)],
    "hi": [("oblique pl", "last", hi_obl_pl),
           ("+ के", "last", lambda w: w + " के")],
    "id": [("reduplication", "first", id_redup),
           ("+nya", "first", lambda w: w + "nya"),
           ("+lah", "first", lambda w: w + "lah"),
           ("+kah", "first", lambda w: w + "kah")],
    "vi": [("các+", "first", lambda w: "các " + w),
           ("+ này", "last", lambda w: w + " này")],
}

# language -> ordinary goods words (the generic words the term files keep
# out), written by the language's rules in the look-alike set; in the
# Slavic languages also ordinary goods named by an adjective and a noun.
ORDINARY = {
    "ar": ["مضخة", "صمام", "فولاذ", "مسحوق", "خرطوشة", "أنبوب", "محرك"],
    "he": ["משאבה", "שסתום", "פלדה", "אבקה", "צינור", "מנוע"],
    "fa": ["پمپ", "شیر", "فولاد", "پودر", "لوله", "موتور", "دستگاه", "ماشین",
           "مخزن آب"],
    "ko": ["펌프", "밸브", "강철", "분말", "파이프", "모터", "장난감"],
    "ja": ["ポンプ", "バルブ", "鋼", "粉末", "パイプ", "モーター", "玩具"],
    "zh": ["泵", "阀门", "钢", "粉末", "管道", "电机", "玩具"],
    "tr": ["pompa", "vana", "çelik", "toz", "boru", "motor", "oyuncak"],
    "ru": ["насос", "клапан", "сталь", "порошок", "труба", "двигатель",
           "водяной насос", "шаровой кран", "осевой вентилятор"],
    "uk": ["насос", "клапан", "сталь", "порошок", "труба", "двигун",
           "водяний насос", "кульовий кран"],
    "pl": ["pompa", "zawór", "stal", "proszek", "rura", "silnik",
           "pompa wodna", "kran kulowy", "wentylator osiowy"],
    "cs": ["čerpadlo", "ventil", "ocel", "prášek", "trubka", "motor",
           "vodní čerpadlo", "kulový kohout", "axiální ventilátor"],
    "el": ["αντλία", "βαλβίδα", "χάλυβας", "σκόνη", "σωλήνας", "κινητήρας"],
    "de": ["Pumpe", "Ventil", "Stahl", "Pulver", "Rohr", "Motor"],
    "nl": ["pomp", "klep", "staal", "poeder", "buis", "motor"],
    "sv": ["pump", "ventil", "stål", "pulver", "rör", "motor"],
    "es": ["bomba", "válvula", "acero", "polvo", "tubo", "motor"],
    "pt": ["bomba", "válvula", "aço", "pó", "tubo", "motor"],
    "it": ["pompa", "valvola", "acciaio", "polvere", "tubo", "motore"],
    "fr": ["pompe", "vanne", "acier", "poudre", "tube", "moteur"],
    "hi": ["पंप", "वाल्व", "इस्पात", "पाउडर", "पाइप", "मोटर"],
    "id": ["pompa", "katup", "baja", "bubuk", "pipa", "motor", "mesin",
           "tabung", "tangki air"],
    "vi": ["máy bơm", "van", "thép", "bột", "ống", "động cơ"],
}

# language -> ordinary goods written as one compound word that holds a
# term's word or a word like one (the languages that write compounds as
# one word): a tool or toy named after a weapon ("Klebepistole", glue gun),
# a substance name before another part that makes another substance or a
# product (beryllium copper, a deuterium lamp), a case that holds the
# goods ("ammunitionslåda"), a car part, a carbide cutter.
COMPOUND_ORDINARY = {
    "de": ["Klebepistole", "Säbelsäge", "Deuteriumlampe", "Berylliumkupfer",
           "Munitionskiste", "Auspuffschalldämpfer", "Wolframcarbidfräser",
           "Zirkoniumdioxidkeramik", "Uranglas", "Kleinwaffenschrank"],
    "nl": ["lijmpistool", "verfpistool", "deuteriumlamp", "berylliumkoper",
           "glasvezelkabel", "koolstofvezelfiets", "wolfraamcarbideboor",
           "munitiekist"],
    "sv": ["limpistol", "färgpistol", "deuteriumlampa", "berylliumkoppar",
           "ammunitionslåda", "volframkarbidskär", "vattenpistol",
           "skjutvapenskåp"],
}


# ---- terms and screening ----------------------------------------------

def plain(term):
    t = str(term)
    if t.startswith("re:"):
        return None
    t = t.replace("*", "").strip()
    return t or None


def keys(hits):
    return set() if not hits else {"%s/%s" % (h.get("list"), h.get("entry")) for h in hits}


def load(rules, lang):
    d = yaml.safe_load(open(os.path.join(rules, "terms-%s.yaml" % lang), encoding="utf-8"))
    return d.get("terms") or {}, d.get("exclude") or {}


# Words after which a phrase's head is complete: prepositions and the
# like.  A rule on the "head" acts on the words before the first of them.
FUNCTION_WORDS = {
    "es": "de del con para por en sin a y o", "pt": "de do da dos das com para por em sem a e ou",
    "it": "di del della dei delle con per in senza a e o", "fr": "de du des en à au aux pour avec sans et ou",
    "ru": "с для из на в по без и или", "uk": "з для із на в у по без і та або",
    "pl": "z do dla na w ze bez i lub", "cs": "s z pro na v ve bez a nebo",
    "el": "με για από σε χωρίς και ή", "de": "für mit aus von zur zum und oder",
    "nl": "voor met van uit en of", "sv": "för med av från och eller",
}

# Genitive plural endings that mark a complement ("детектор отравляющих
# веществ"): the head is then the first word.
GEN_PL = {"ru": ("ов", "ев", "ей", "ых", "их", "веществ"), "uk": ("ів", "их", "речовин"),
          "pl": ("ów", "ych", "ich", "środków"), "cs": ("ů", "ých", "ích", "látek"),
          "el": ("ών", "ων")}


def head_words(lang, words, where):
    """Indexes of the words <where> names in <words>."""
    if where == "first":
        return [0]
    fw = set(FUNCTION_WORDS.get(lang, "").split())
    cut = next((i for i, w in enumerate(words) if w.lower() in fw), len(words))
    if cut == 0:
        return []
    if where == "all":
        return list(range(cut))
    if lang in GEN_PL and cut > 1 and words[cut - 1].lower().endswith(GEN_PL[lang]):
        return [0]
    return [cut - 1]


def is_word(w):
    """Letters only (with the marks of scripts that write vowels as marks)."""
    return bool(w) and unicodedata.category(w[0])[0] == "L" and \
        all(unicodedata.category(c)[0] in "LM" for c in w)


def apply(rule, text, lang=None):
    """<text> written by <rule>, or None when the rule does not apply (to
    a word written as a stem, or whose ending the rule does not know)."""
    _, where, fn = rule
    if where == "phrase":
        if "*" in text:
            return None
        return fn(text)
    words = text.split(" ")
    out = list(words)
    idx = head_words(lang, [w.rstrip("*") for w in words], where)
    if not idx:
        return None
    for i in idx:
        w = words[i]
        if w.endswith("*"):
            return None
        if not is_word(w) or (w.isupper() and len(w) > 1):
            return None     # a number, a formula, an acronym
        f = fn(w)
        if f is None or f == w:
            return None
        out[i] = f
    return " ".join(w.rstrip("*") for w in out)


def screen(ctl, rules, texts):
    return screen_items(ctl, rules, [(NEUTRAL_HS, t) for t in texts])


def dictionary_hits(ctl, rules, lang, terms):
    """[(entry, term as written)] of the terms that hit their entry alone
    (written without their stem marks)."""
    flat = [(k, str(t).strip()) for k, v in terms.items() for t in v if plain(t)]
    seen, uniq = set(), []
    for k, t in flat:
        if (k, t) not in seen:
            seen.add((k, t))
            uniq.append((k, t))
    hits = screen(ctl, rules, [plain(t) for _, t in uniq])
    return [(k, t) for (k, t), h in zip(uniq, hits) if k in keys(h)]


def forms(lang, alone):
    """[(rule name, entry, dictionary form, form)]."""
    out = []
    for rule in RULES[lang]:
        for k, t in alone:
            f = apply(rule, t, lang)
            if f is not None:
                out.append((rule[0], k, plain(t), f))
    return out


def short_words(terms):
    """{word: entry} of the one-word terms of at most SHORT letters written
    in full (a stem is open to every ending by design)."""
    out = {}
    for k, v in terms.items():
        for p in map(plain, [t for t in v if "*" not in str(t)]):
            if p and " " not in p and len(p) <= SHORT and is_word(p):
                out.setdefault(p.lower(), k)
    return out


def vocabulary(terms, excl):
    words = set()
    for src in (terms, excl):
        for v in src.values():
            for p in map(plain, v):
                for w in (p or "").split(" "):
                    if w.isalpha():
                        words.add(w.lower())
    return words


def harvested_lookalikes(lang, terms, excl):
    """[(entry, word)]: a vocabulary word that holds a short term with other
    letters before or after it and is no form of it by the rules."""
    if lang in UNSPACED:
        return []
    short = short_words(terms)
    own = {k: vocabulary({k: terms[k]}, {}) for k in terms}
    inflected = {apply(r, s, lang) for r in RULES[lang] for s in short}
    out = []
    for w in sorted(vocabulary(terms, excl)):
        for s, k in short.items():
            if w != s and s in w and w not in inflected and w not in own[k] and \
                    (w.startswith(s) or w.endswith(s)):
                out.append((k, w))
    return out


def lookalikes(lang, terms, excl):
    """[(entry or None, text)]: texts that must not hit (entry None: any)."""
    out = [(None, w) for w in ORDINARY[lang] + COMPOUND_ORDINARY.get(lang, [])]
    for rule in RULES[lang]:
        for w in ORDINARY[lang]:
            f = apply(rule, w, lang)
            if f is not None:
                out.append((None, f))
    return out + harvested_lookalikes(lang, terms, excl)


def hs_words(rules):
    """The distinct words of the HS 2022 descriptions (English), each a
    look-alike for every term language at once: an ending a language
    allows must not make a term of it an English word ("Flak" + "es")."""
    path = os.path.join(rules, "nomenclature", "hs2022.csv")
    words = set()
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for w in re.findall(r"[A-Za-z]{3,}", row["description"]):
                words.add(w.lower())
    return sorted(words)


def foreign_hits(ctl, rules):
    """The HS words that a term of a term file (not an English keyword) hits."""
    words = hs_words(rules)
    out = []
    for w, h in zip(words, screen(ctl, rules, words)):
        if any(x.get("language") for x in (h or [])):
            out.append(w)
    return words, out


def measure(ctl, rules, lang):
    terms, excl = load(rules, lang)
    alone = dictionary_hits(ctl, rules, lang, terms)
    fs = forms(lang, alone)
    looks = lookalikes(lang, terms, excl)
    hits = screen(ctl, rules, [f for *_, f in fs] + [t for _, t in looks])
    fh, lh = hits[:len(fs)], hits[len(fs):]
    per = collections.OrderedDict((r[0], [0, 0, []]) for r in RULES[lang])
    for (name, k, p, f), h in zip(fs, fh):
        per[name][1] += 1
        if k in keys(h):
            per[name][0] += 1
        else:
            per[name][2].append("%s <- %s" % (f, p))
    loud = []
    for (k, t), h in zip(looks, lh):
        if (k is None and h) or (k is not None and k in keys(h)):
            loud.append(t)
    return len(alone), per, len(looks), loud


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    ctl, rules = args[:2]
    floor = {}
    if "--floor" in opts:
        for line in open(opts[opts.index("--floor") + 1], encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                lg, f, q = line.rstrip("\n").split("\t")
                floor[lg] = (float(f), float(q))
    show = int(opts[opts.index("--show") + 1]) if "--show" in opts else 0
    langs = [opts[opts.index("--lang") + 1]] if "--lang" in opts else sorted(RULES)
    bad = []
    tot = [0, 0, 0, 0]
    for lang in langs:
        n, per, nl, loud = measure(ctl, rules, lang)
        found = sum(v[0] for v in per.values())
        forms_n = sum(v[1] for v in per.values())
        fr = found / forms_n if forms_n else 1.0
        qr = (nl - len(loud)) / nl if nl else 1.0
        tot = [tot[0] + found, tot[1] + forms_n, tot[2] + nl - len(loud), tot[3] + nl]
        line = "%s: %d terms alone, %d/%d forms found (%.3f), %d/%d look-alikes quiet (%.3f)" % (
            lang, n, found, forms_n, fr, nl - len(loud), nl, qr)
        if "--rules" in opts:
            line += "; " + ", ".join("%s %d/%d" % (r, v[0], v[1]) for r, v in per.items())
        print(line)
        for r, v in per.items():
            for m in v[2][:show]:
                print("  miss\t%s\t%s\t%s" % (lang, r, m))
        for t in loud[:show]:
            print("  loud\t%s\t%s" % (lang, t))
        if lang in floor and (round(fr, 3) < floor[lang][0] or round(qr, 3) < floor[lang][1]):
            bad.append("%s %.3f/%.3f under %.2f/%.2f" % (lang, fr, qr, *floor[lang]))
    print("all: %d/%d forms found (%.3f), %d/%d look-alikes quiet" % (
        tot[0], tot[1], tot[0] / max(tot[1], 1), tot[2], tot[3]))
    if "--lang" not in opts:
        words, loud = foreign_hits(ctl, rules)
        print("hs words: %d/%d quiet of the term languages' terms" % (
            len(words) - len(loud), len(words)))
        for t in loud[:show]:
            print("  loud\ths\t%s" % t)
        if "hs" in floor and len(loud) > floor["hs"][1]:
            bad.append("hs words: %d loud, more than %d" % (len(loud), floor["hs"][1]))
    if bad:
        print("under the floor: " + "; ".join(bad))
        sys.exit(1)


if __name__ == "__main__":
    main()
