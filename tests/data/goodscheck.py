"""What the goods checks under tests/data/ share: the entries of a rules
directory, and screening a list of item descriptions with cordonctl.

Imported by goods11/annex.py, goods12/chemicals.py, goods13/cases.py and goods18/inflect.py
(each puts tests/data on sys.path).
"""
import glob
import json
import os
import subprocess

import yaml


def list_entries(rules):
    """(list id, entry) for every entry of the list files of <rules>."""
    for f in sorted(glob.glob(os.path.join(rules, "*.yaml"))):
        d = yaml.safe_load(open(f, encoding="utf-8"))
        if not isinstance(d, dict) or "entries" not in d:
            continue
        for e in d["entries"]:
            yield d["list"]["id"], e


def screen_items(ctl, rules, items):
    """Screens one declaration per (hs_code, description) of <items> with
    `cordonctl screen --rules`; returns, per item, the hits of its alerts
    (a list of hit objects, empty when clear), None where no answer came."""
    decls = [json.dumps({"reference": "GC-%d" % n, "type": "export",
                         "items": [{"seq": 1, "hs_code": hs,
                                    "description": text}]},
                        ensure_ascii=False)
             for n, (hs, text) in enumerate(items)]
    run = subprocess.run([ctl, "screen", "--rules", rules],
                         input="\n".join(decls) + "\n", capture_output=True,
                         text=True, encoding="utf-8")
    got = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        if "reference" in d:
            got[int(d["reference"][3:])] = [
                h for a in d.get("alerts", []) for h in a["hits"]]
    return [got.get(n) for n in range(len(items))]
