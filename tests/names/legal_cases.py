#!/usr/bin/env python3
"""legal_cases.py: listed entities with their legal form added, dropped or
written another way, for tests/names/legal.sh.

usage: legal_cases.py [--seed N] [--sdn SDN.csv] UN.xml [NEG-FILES...]

A firm's legal form is written many ways: as the abbreviation (OOO, A.S.,
Co., Ltd.), in the script of its country (ООО, 有限公司, 주식회사), spelled
out in that language or in a transliteration of it (Obshchestvo s
ogranichennoy otvetstvennostyu, Anonim Sirketi, Youxian Gongsi), or in
English (Limited Liability Company).  The groups below are those the
entities of the UN consolidated list and of the OFAC SDN list carry,
written here from the languages' company law names and the common
transliterations, not from the matcher's tables.  Kinds:

  swap  a listed entity whose name holds a form of a group, with that
        form written as another member of the group
  drop  the same entity with its form left out
  add   an entity of the Russian, Iranian or North Korean programmes
        (UN reference prefix, OFAC program) that has no form, with one of
        its country's forms written where its language writes it
  look  firms of other sources (NEG-FILES: every HMRC declaration party;
        of the BIS DPL and the US consolidated list, the names with a legal
        form such as LTD or INC), names the SDN list also carries left
        out, with one of the groups' forms for theirs: not listed, no
        alert expected

Each listed case must find its subject (UN cases in the UN list alone, SDN
cases in the SDN primary names alone); look cases are searched in both
lists with the SDN a.k.a.

Output TSV: kind, list ("un", "ofac" or ""), reference, listed name, query.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases_common import listed, parse, print_unique  # noqa: E402
from gen_cases import name_keys, neg_names, sdn_keys  # noqa: E402

# (group, country, written before the name?, members).
GROUPS = [
    ("ru-llc", "ru", True, [
        "OOO", "ООО", "Obshchestvo s ogranichennoy otvetstvennostyu",
        "Obshchestvo s ogranichennoi otvetstvennostiu",
        "Obschestvo s ogranichennoj otvetstvennostju",
        "Общество с ограниченной ответственностью", "LLC",
        "Limited Liability Company"]),
    ("ru-ojsc", "ru", True, [
        "OAO", "ОАО", "Otkrytoe aktsionernoe obshchestvo",
        "Otkrytoye aktsionernoye obshchestvo",
        "Открытое акционерное общество", "OJSC",
        "Open Joint Stock Company"]),
    ("ru-cjsc", "ru", True, [
        "ZAO", "ЗАО", "Zakrytoe aktsionernoe obshchestvo",
        "Zakrytoye aktsionernoye obshchestvo",
        "Закрытое акционерное общество", "CJSC",
        "Closed Joint Stock Company"]),
    ("ru-pjsc", "ru", True, [
        "PAO", "ПАО", "Publichnoe aktsionernoe obshchestvo",
        "Publichnoye aktsionernoye obshchestvo",
        "Публичное акционерное общество", "PJSC",
        "Public Joint Stock Company"]),
    ("ru-jsc", "ru", True, [
        "AO", "АО", "Aktsionernoe obshchestvo", "Aktsionernoye obshchestvo",
        "Aktsionernoie obschestvo", "Акционерное общество", "JSC",
        "Joint Stock Company"]),
    ("ru-fgup", "ru", True, [
        "FGUP", "ФГУП", "Federalnoe gosudarstvennoe unitarnoe predpriyatie",
        "Federalnoye gosudarstvennoye unitarnoye predpriyatiye",
        "Федеральное государственное унитарное предприятие"]),
    ("ru-npo", "ru", True, [
        "NPO", "НПО", "Nauchno-proizvodstvennoe obedinenie",
        "Nauchno-proizvodstvennoye obyedineniye",
        "Научно-производственное объединение"]),
    ("ua-llc", "ua", True, [
        "TOV", "ТОВ", "Tovarystvo z obmezhenoyu vidpovidalnistyu",
        "Товариство з обмеженою відповідальністю"]),
    ("private-jsc", "ua", True, [
        "Private Joint Stock Company", "Private JSC", "PrAT",
        "Pryvatne aktsionerne tovarystvo",
        "Приватне акціонерне товариство"]),
    ("tr-as", "tr", False, [
        "A.S.", "A.Ş.", "AS", "Anonim Sirketi", "Anonim Şirketi"]),
    ("tr-ltd", "tr", False, [
        "Ltd. Sti.", "Ltd. Şti.", "Limited Sirketi", "Limited Şirketi"]),
    ("cn-ltd", "cn", False, [
        "Co., Ltd.", "Co. Ltd", "Company Limited", "Youxian Gongsi",
        "You Xian Gong Si", "有限公司"]),
    ("ir-pjs", "ir", False, [
        "Sahami Khass", "Sahami Khas", "(Sahami Khass)", "PJS"]),
    ("kr-co", "kr", False, [
        "Co., Ltd.", "Jusik Hoesa", "Chusik Hoesa", "주식회사"]),
    ("de-gmbh", "de", False, [
        "GmbH", "Gesellschaft mit beschränkter Haftung",
        "Gesellschaft mit beschraenkter Haftung"]),
    ("de-ag", "de", False, ["AG", "Aktiengesellschaft"]),
    ("es-sa", "es", False, ["S.A.", "SA", "Sociedad Anónima",
                            "Sociedad Anonima"]),
    ("my-bhd", "my", False, ["Sdn. Bhd.", "Sdn Bhd", "Sendirian Berhad"]),
]
# The programmes whose firms have no form yet get one: UN reference
# prefixes and OFAC program words, by country.
ADD_UN = {"KP": "kr", "IR": "ir"}
ADD_OFAC = [("RUSSIA", "ru"), ("UKRAINE", "ru"), ("IRAN", "ir"),
            ("IRGC", "ir"), ("DPRK", "kr")]
WORD = r"(?<![\w.])%s(?!\w|\.\w)"
# Forms of other groups and languages: a firm that has one gets no other.
OTHER_FORM = re.compile(r"\b(LIMITED|LTD|INC|INCORPORATED|CORP|CORPORATION|"
                        r"COMPANY|CO|LLC|LLP|JSC|PJSC|OJSC|CJSC|GMBH|PLC|"
                        r"PTE|PVT|SARL|SRL|BV|NV|KG|OY|FZE|FZCO|SAL)\b",
                        re.I)


def pattern(member):
    """A member as a pattern of the listed names' own spelling: any case,
    dots and commas optional, spaces or hyphens between words."""
    words = re.findall(r"[^\s.,()]+", member)
    body = r"[\s.,-]*".join(re.escape(w) for w in words)
    return re.compile(WORD % (r"\(?" + body + r"\.?\)?"), re.I)


PATTERNS = [(g, [(m, pattern(m)) for m in members])
            for g, _c, _b, members in GROUPS]


def find_form(name):
    """(group, member, match) of the longest form written in <name>, or
    None."""
    best = None
    for g, members in PATTERNS:
        for m, p in members:
            hit = p.search(name)
            if hit and (best is None or len(hit.group(0)) >
                        len(best[2].group(0))):
                best = (g, m, hit)
    return best


def tidy(s):
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"^[\s,-]+|[\s,-]+$", "", s)


def place(name, member, before):
    return member + " " + name if before else name + " " + member


def country(lst, ref, origin):
    if lst == "un":
        return ADD_UN.get(ref[:2])
    for word, c in ADD_OFAC:
        if word in origin:
            return c
    return None


def listed_cases(rng, lst, ref, name, origin):
    found = find_form(name)
    if found is None:
        c = country(lst, ref, origin)
        groups = [x for x in GROUPS if x[1] == c]
        if groups and len(name.split()) >= 2 and \
                not OTHER_FORM.search(name):
            _g, _c, before, members = rng.choice(groups)
            yield "add", lst, ref, name, place(name, rng.choice(members),
                                                 before)
        return
    g, _m, hit = found
    rest = tidy(name[:hit.start()] + " " + name[hit.end():])
    if not re.search(r"[A-Za-z]{4}", rest):
        return
    members = dict((x[0], x) for x in GROUPS)[g][3]
    other = [m for m in members if not pattern(m).fullmatch(hit.group(0))]
    q = tidy(name[:hit.start()] + " " + rng.choice(other) + " " +
             name[hit.end():])
    yield "swap", lst, ref, name, q
    yield "drop", lst, ref, name, rest


def look_cases(rng, path, listed_keys):
    """Firms of the other source <path> (every party of the declarations
    in a directory; elsewhere the names with a legal form), their form
    replaced or a form added, one of the groups'."""
    for n in neg_names([path]):
        if listed_keys.intersection(name_keys(n)) or find_form(n):
            continue
        m = OTHER_FORM.search(n)
        if m is None and not os.path.isdir(path):
            continue
        rest = tidy(n[:m.start()] + " " + n[m.end():]) if m else n
        if not re.search(r"[A-Za-z]{4}", rest):
            continue
        _g, _c, before, members = rng.choice(GROUPS)
        yield "look", "", "", n, place(rest, rng.choice(members), before)


def main():
    a, rng = parse(__doc__, ("un",), sdn=True, neg=True)
    rows = []
    for lst, names in listed(a.un, a.sdn):
        for ref, kind, name, origin in names:
            if kind == "entity":
                rows.extend(listed_cases(rng, lst, ref, name, origin))
    keys = sdn_keys(a.sdn) if a.sdn else set()
    for path in a.neg:
        rows.extend(look_cases(rng, path, keys))
    print_unique(rows, lambda row: (row[0], row[1], row[4]))


if __name__ == "__main__":
    main()
