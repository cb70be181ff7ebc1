#!/usr/bin/env python3
"""Every entry of the UN goods embargoes, screened for its own countries.

Usage: check.py CORDONCTL RULES_DIR [--show]

For each entry of RULES_DIR/un-embargoes.yaml and each country it names
(destinations: the consignee's country and the route's destination;
origins: the exporter's country and the dispatch country), every HS code
of the entry is declared once (a chapter as its first heading, XX01), from
or to a country the entry does not name: the entry must hit with its own
country and stay clear with the other.  Then REQUIRED: measures in force
that the file must carry (the UN Security Council's regimes with goods
measures on a country), each as one declaration that must raise an embargo
hit.  Prints the counts; exits 1 on any miss or any false hit.
"""
import json
import os
import subprocess
import sys

import yaml

NEUTRAL = "FR"     # named by no entry
SELLER = "DE"      # the other side of each declaration

# Measures in force as of the rules' version date (UN Security Council):
# (country, "destination"|"origin", HS code, description).
REQUIRED = [
    # 1929 (2010) para 8, in force again since the measures of 1737-1929 were
    # re-applied under 2231 (2015) paras 11-12 (2025).
    ("IR", "destination", "9301.10", "Self-propelled artillery weapons, 155 mm"),
    ("IR", "destination", "8710.00", "Armoured fighting vehicle, tracked"),
    # 1747 (2007) para 5: no procurement of arms or related materiel from Iran.
    ("IR", "origin", "9306.90", "Anti-tank guided missiles, complete rounds"),
    # 2036 (2012) para 22, 2713 (2023): no import of charcoal from Somalia.
    ("SO", "origin", "4402.90", "Hardwood charcoal, 25 kg bags"),
    # 2713 (2023): arms and military equipment to Al-Shabaab in Somalia.
    ("SO", "destination", "9306.30", "Rifle cartridges 7.62 x 39 mm"),
]


def hs_of(code):
    digits = code.replace(".", "")
    return digits + "01" if len(digits) == 2 else code


def declaration(ref, country, side, hs, desc):
    if side == "destination":
        parties = [{"role": "exporter", "name": "Rhein Handel GmbH", "country": SELLER},
                   {"role": "consignee", "name": "General Import Office", "country": country}]
        route = {"dispatch": SELLER, "destination": country}
    else:
        parties = [{"role": "exporter", "name": "General Export Office", "country": country},
                   {"role": "consignee", "name": "Rhein Handel GmbH", "country": SELLER}]
        route = {"dispatch": country, "destination": SELLER}
    return {"reference": ref, "type": "export" if side == "destination" else "import",
            "parties": parties, "route": route,
            "items": [{"seq": 1, "hs_code": hs, "description": desc}]}


def screen(ctl, rules, decls):
    out = subprocess.run([ctl, "screen", "--rules", rules],
                         input="".join(json.dumps(d) + "\n" for d in decls),
                         capture_output=True, text=True, check=False)
    res = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        if "reference" not in r:
            sys.exit("cordonctl refused a line: %s" % line[:300])
        res[r["reference"]] = {h.get("entry") for a in r.get("alerts", []) for h in a.get("hits", [])
                               if h.get("category") == "embargo"}
    if len(res) != len(decls):
        sys.exit("cordonctl answered %d of %d lines: %s" % (len(res), len(decls), out.stderr[:500]))
    return res


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    ctl, rules = args
    show = "--show" in sys.argv
    doc = yaml.safe_load(open(os.path.join(rules, "un-embargoes.yaml"), encoding="utf-8"))
    decls, expect = [], {}
    for e in doc["entries"]:
        named = set(e.get("destinations", [])) | set(e.get("origins", []))
        assert NEUTRAL not in named, e["code"]
        for side, key in (("destination", "destinations"), ("origin", "origins")):
            for country in e.get(key, []):
                for code in e["hs"]:
                    for c, hit in ((country, True), (NEUTRAL, False)):
                        ref = "%s/%s/%s/%s" % (e["code"], side, c, code)
                        decls.append(declaration(ref, c, side, hs_of(code), "goods of HS " + code))
                        expect[ref] = (e["code"], hit)
    for i, (country, side, hs, desc) in enumerate(REQUIRED):
        ref = "required/%d/%s/%s/%s" % (i, country, side, hs)
        decls.append(declaration(ref, country, side, hs, desc))
        expect[ref] = (None, True)
    got = screen(ctl, rules, decls)
    bad = []
    for ref, (code, hit) in expect.items():
        found = bool(got[ref]) if code is None else code in got[ref]
        if found != hit:
            bad.append("%s: expected %s, got %s" % (ref, "a hit" if hit else "clear",
                                                   sorted(got[ref]) or "nothing"))
    n_hit = sum(1 for c, h in expect.values() if h)
    print("embargo entries: %d of %d declarations as expected (%d must hit, %d must stay clear; %d entries,"
          " %d required measures)" % (len(expect) - len(bad), len(expect), n_hit, len(expect) - n_hit,
                                      len(doc["entries"]), len(REQUIRED)))
    for b in bad[:None if show else 20]:
        print("  " + b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
