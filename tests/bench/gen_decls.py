#!/usr/bin/env python3
"""Writes N synthetic declarations as NDJSON for screening benchmarks:
2-3 goods items (ordinary trade descriptions with HS codes, now and then a
controlled chemical) and 2 parties (exporter, consignee) with company names
built from common trade words.  Deterministic for a given seed.

    gen_decls.py N [SEED] > decls.ndjson
"""
import json
import random
import sys

GOODS = [
    ("847130", "Portable laptop computers, 14 inch, with chargers"),
    ("610910", "Cotton T-shirts, knitted, assorted colours"),
    ("940360", "Wooden office furniture, desks and shelving"),
    ("850440", "Static converters for industrial drives, 400 V"),
    ("392690", "Plastic fittings for garden irrigation"),
    ("730890", "Galvanised steel structures for warehouse racking"),
    ("847989", "Packaging machine for food trays"),
    ("901819", "Patient monitors for hospital wards"),
    ("870899", "Brake parts for passenger cars"),
    ("220421", "Red wine in bottles of 75 cl"),
    ("090121", "Roasted coffee beans, not decaffeinated"),
    ("841869", "Industrial chiller units for cold rooms"),
    ("848180", "Brass ball valves, DN 25, for water"),
    ("290511", "Methanol, technical grade, in drums"),
    ("284410", "Natural uranium oxide concentrate"),
    ("292910", "Toluene diisocyanate for foam production"),
    ("293190", "Methylphosphonic dichloride, 98 percent"),
    ("281210", "Phosphorus trichloride in steel cylinders"),
    ("854231", "Microcontrollers for consumer appliances"),
    ("903180", "Coordinate measuring machine for workshop use"),
]
WORDS = ["Global", "Trading", "Industrial", "Pacific", "Northern", "Star",
         "Union", "Delta", "Golden", "Bridge", "Tech", "Systems", "Logistics",
         "Marine", "Alpha", "United", "Green", "Valley", "Metro", "Orient",
         "Atlas", "Crown", "Summit", "Harbour", "Eastern", "Silver", "Prime"]
FORMS = ["Ltd", "GmbH", "LLC", "Co., Ltd.", "S.A.", "B.V.", "JSC", "FZE"]
COUNTRIES = ["DE", "FR", "CN", "TR", "AE", "IN", "US", "GB", "NL", "IT", "KR",
             "JP", "BR", "PL", "MY"]


def name(r):
    return " ".join(r.sample(WORDS, r.randint(2, 3))) + " " + r.choice(FORMS)


def main():
    n = int(sys.argv[1])
    r = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1540)
    out = sys.stdout
    for i in range(n):
        items = []
        for k in range(r.randint(2, 3)):
            hs, desc = r.choice(GOODS)
            items.append({"seq": k + 1, "hs_code": hs, "description": desc,
                          "origin": r.choice(COUNTRIES)})
        d = {"reference": "BENCH-%08d" % i, "type": "export",
             "export_country": r.choice(COUNTRIES),
             "destination_country": r.choice(COUNTRIES),
             "parties": [{"role": "exporter", "name": name(r),
                          "country": r.choice(COUNTRIES)},
                         {"role": "consignee", "name": name(r),
                          "country": r.choice(COUNTRIES)}],
             "items": items}
        out.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
