#!/usr/bin/env python3
"""Posts every HMRC CDS sample (tests/data/wco/hmrc) to cordond in the order
a customs system sends them: each LRN's original first, then its amendments,
then its invalidation (cancellation); scenarios by file name.  Checks that
every one answers 2xx, that each stored version holds as many items as it
declares (a header-only amendment: as many as the version it amends), that
the chapter 93 items alert and the other items stay clear, and that the 3
malformed samples answer 400 at their line.  Prints the figures as one JSON
line, then one line per failure; exits 1 on any failure.

Usage: wco_all.py URL TOKEN DATADIR PSQL...   (PSQL: the command that runs
psql -Atq on the test database, given -c SQL after it)."""
import csv
import glob
import http.client
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

url, token, data = sys.argv[1:4]
psql = sys.argv[4:]
host, port = url.rsplit("/", 1)[1].split(":")


def post(body):
    c = http.client.HTTPConnection(host, int(port), timeout=60)
    c.request("POST", "/v1/declarations", body,
              {"Content-Type": "application/xml", "Authorization": "Bearer " + token})
    r = c.getresponse()
    out = r.status, json.loads(r.read() or b"{}")
    c.close()
    return out


def local(e):
    return e.tag.rsplit("}", 1)[-1]


def sample(path):
    """What a sample declares, read here without cordond: LRN, function code,
    type code, goods item sequences and those classified in chapter 93 (TSP)."""
    decl = next(e for e in ET.parse(path).getroot().iter() if local(e) == "Declaration")
    f = {local(c): (c.text or "").strip() for c in decl}
    seqs, ch93 = [], set()
    for gs in (c for c in decl if local(c) == "GoodsShipment"):
        for gi in (c for c in gs if local(c) == "GovernmentAgencyGoodsItem"):
            seq = int(next(c.text for c in gi if local(c) == "SequenceNumeric"))
            seqs.append(seq)
            for cl in (e for e in gi.iter() if local(e) == "Classification"):
                k = {local(c): (c.text or "").strip() for c in cl}
                if k.get("IdentificationTypeCode") == "TSP" and k.get("ID", "").startswith("93"):
                    ch93.add(seq)
    return f.get("FunctionalReferenceID"), f.get("FunctionCode", "9"), f.get("TypeCode", ""), seqs, ch93


# items-index.tsv (extracted when the samples were copied) must agree.
index = {}
for r in csv.DictReader(open(os.path.join(data, "items-index.tsv")), delimiter="\t"):
    index.setdefault(r["file"], []).append(r)

# A customs system's order: originals, then amendments, then invalidations
# (TypeCode INV or FunctionCode 10), each group by file name (the scenario's
# steps are numbered in it).
files = []
for path in sorted(glob.glob(os.path.join(data, "declarations", "*.xml"))):
    lrn, fc, tc, seqs, ch93 = sample(path)
    rank = 2 if tc == "INV" or fc == "10" else 1 if fc == "13" else 0
    name = os.path.basename(path)
    rows = index.get(name, [])
    if rows and (len(rows) != len(seqs) or
                 ch93 != {int(r["goods_item_seq"]) for r in rows if "TSP:93" in r["classifications"]}):
        print("# %s: items-index.tsv disagrees with the XML" % name)
        sys.exit(1)
    files.append((rank, name, path, lrn, seqs, ch93))
files.sort()

stats = dict(files=0, replay=0, created=0, amended=0, merged=0, first_versions=0, cancelled=0, recorded=0,
             items=0, alerts=0, alerting_items=0, clear=0, flagged=0)
bad = []
last = {}      # LRN -> (item count, chapter 93 item seqs) of its latest version
expect = {}    # declaration id -> (file, item count)
for rank, name, path, lrn, seqs, ch93 in files:
    stats["files"] += 1
    status, body = post(open(path, "rb").read())
    if status not in (200, 201):
        bad.append("%s: %d %s" % (name, status, json.dumps(body)[:200]))
        continue
    kinds = {f.get("kind") for f in body.get("findings", [])}
    if body.get("state") == "cancelled":
        stats["recorded" if status == 201 else "cancelled"] += 1
        if status == 201 and "earlier_version_not_received" not in kinds:
            bad.append("%s: a recorded cancellation without its finding" % name)
        if body.get("alerts") and any(a["status"] in ("open", "claimed") for a in body["alerts"]):
            bad.append("%s: open alerts on a cancelled declaration" % name)
        continue
    if status == 200:
        # The same message again (the samples hold copies under one LRN).
        stats["replay"] += 1
        if body.get("id") not in expect:
            bad.append("%s: 200 for a message never stored %s" % (name, json.dumps(body)[:200]))
        continue
    n = len(seqs)
    if seqs:
        stats["created" if rank == 0 else "amended"] += 1
    elif lrn in last:
        # A header-only amendment: the goods of the version it amends.
        n, ch93 = last[lrn]
        stats["merged"] += 1
        if "goods_from_earlier_version" not in kinds:
            bad.append("%s: merged without its finding %s" % (name, kinds))
    else:
        stats["amended"] += 1
        if "no_goods_screened" not in kinds:
            bad.append("%s: no goods and no finding %s" % (name, kinds))
    if rank == 1 and lrn not in last:
        stats["first_versions"] += 1
        if "earlier_version_not_received" not in kinds or body.get("version") != 1:
            bad.append("%s: first version without its finding %s" % (name, kinds))
    elif rank == 1 and body.get("version", 1) < 2:
        bad.append("%s: an amendment of a stored LRN is not a new version: %s" % (name, body.get("version")))
    last[lrn] = (n, ch93)
    got = {a["item_seq"] for a in body["alerts"] if a["item_seq"] is not None}
    stats["alerting_items"] += len(got)
    stats["alerts"] += len(body["alerts"])
    if got != ch93:
        bad.append("%s: alerts on items %s, chapter 93 items %s" % (name, sorted(got), sorted(ch93)))
    if body["verdict"] == "clear":
        stats["clear"] += 1
    else:
        stats["flagged"] += 1
        if not ch93:
            bad.append("%s: verdict %s without a chapter 93 item" % (name, body["verdict"]))
    expect[body["id"]] = (name, n)

# Items as stored, one query for all.
if expect:
    out = subprocess.run(psql + ["-c", "SELECT d.id, count(i.seq) FROM declarations d LEFT JOIN items i"
                                 " ON i.declaration_id = d.id WHERE d.id IN (%s) GROUP BY d.id"
                                 % ",".join("'%s'" % i for i in expect)],
                         capture_output=True, text=True).stdout
    stored = dict(line.split("|") for line in out.split())
    for i, (name, n) in expect.items():
        got = int(stored.get(i, -1))
        stats["items"] += max(got, 0)
        if got != n:
            bad.append("%s: %d items stored, %d declared" % (name, got, n))

for f, line in (("TT_EX002a__TT_EX002a.xml", 72), ("TT_EX022a__TT_EX022a_Declaration1_Step1.xml", 52),
                ("TT_IM084a__TT_IM084a.xml", 164)):
    stats["files"] += 1
    status, body = post(open(os.path.join(data, "malformed", f), "rb").read())
    if status != 400 or body.get("line") != line:
        bad.append("%s: %d %s (want 400 at line %d)" % (f, status, body, line))

print(json.dumps(stats))
for b in bad[:30]:
    print("# " + b)
sys.exit(1 if bad else 0)
