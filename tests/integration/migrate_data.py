#!/usr/bin/env python3
"""The API side of migrate_data.sh (tokens in SUB and OFF).

  store URL STATE          store declarations, amendments, claims, decisions
                           and notes; the ids go to STATE
  read URL STATE OUT       every declaration and alert of STATE (and those
                           linked from them) as the API answers, to OUT
  compare BEFORE AFTER     the same answers, up to fields added since
  after URL STATE          replays, an amendment of a stored reference, new
                           declarations; exit 1 naming what failed
"""
import json
import os
import sys
import urllib.error
import urllib.request

SUB = os.environ.get("SUB", "")
OFF = os.environ.get("OFF", "")


def call(url, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + (token or SUB))
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, {"raw": raw.decode(errors="replace")}


def decl(ref, items, **kw):
    d = {"reference": ref, "type": "export",
         "parties": [{"role": "consignee", "name": "Fjord Chemicals AS", "country": "NO"}],
         "route": {"dispatch": "DE", "destination": "NO"},
         "items": items}
    d.update(kw)
    return d


POCL3 = {"seq": 1, "hs_code": "2812.12", "description": "Phosphorus oxychloride, 25 kg cylinders"}
TDG = {"seq": 2, "hs_code": "2930.70", "description": "Thiodiglycol 99%, 200 kg drums"}
COFFEE = {"seq": 3, "hs_code": "0901.21", "description": "Roasted coffee beans, 1 kg bags"}
PHOSGENE = {"seq": 4, "hs_code": "2812.11", "description": "Carbonyl dichloride cylinders"}


def item_alerts(result):
    return [a for a in result.get("alerts", [])]


def store(url, state_path):
    st = {"decls": [], "bodies": {}}

    def post(d):
        code, r = call(url, "POST", "/v1/declarations", d)
        if code not in (200, 201):
            sys.exit("POST %s: %d %s" % (d["reference"], code, r))
        st["decls"].append(r["id"])
        st["bodies"][r["id"]] = d
        return r

    # Clear, flagged, and flagged with a later re-screening hit.
    for n in range(6):
        post(decl("MIG-CLEAR-%d" % n, [dict(COFFEE, seq=1)]))
    flagged = [post(decl("MIG-FLAG-%d" % n, [POCL3, COFFEE])) for n in range(6)]
    for n in range(3):
        post(decl("MIG-RS-%d" % n, [dict(PHOSGENE, seq=1), COFFEE]))
    # Decisions and notes on some flagged ones.
    for n, r in enumerate(flagged[:3]):
        aid = item_alerts(r)[0]["id"]
        code, _ = call(url, "POST", "/v1/alerts/%s/claim" % aid, token=OFF)
        if code != 200:
            sys.exit("claim %s: %d" % (aid, code))
        call(url, "POST", "/v1/alerts/%s/notes" % aid, {"text": "checked papers %d" % n}, token=OFF)
        code, r2 = call(url, "POST", "/v1/alerts/%s/decision" % aid,
                        {"decision": ["held", "false_positive", "inspection_ordered"][n],
                         "reason": "migration test %d" % n}, token=OFF)
        if code not in (200, 202):
            sys.exit("decide %s: %d %s" % (aid, code, r2))
    # An amendment whose earlier alert was claimed: the claim goes over.
    base = decl("MIG-AMEND-1", [POCL3, TDG])
    r1 = post(base)
    a1 = [a for a in item_alerts(r1) if a.get("item_seq") == 2][0]["id"]
    code, _ = call(url, "POST", "/v1/alerts/%s/claim" % a1, token=OFF)
    if code != 200:
        sys.exit("claim %s: %d" % (a1, code))
    r2 = post(dict(base, function="amendment", items=[TDG, COFFEE]))
    if r2.get("version") != 2:
        sys.exit("amendment: %s" % r2)
    # A reference amended twice, the third version left claimable.
    b2 = decl("MIG-AMEND-2", [POCL3])
    post(b2)
    post(dict(b2, function="amendment", items=[POCL3, COFFEE]))
    r3 = post(dict(b2, function="amendment", items=[POCL3, dict(COFFEE, description="Green coffee")]))
    st["amend2_v3"] = r3["id"]
    st["amend2_alert"] = item_alerts(r3)[0]["id"]
    code, _ = call(url, "POST", "/v1/alerts/%s/claim" % st["amend2_alert"], token=OFF)
    if code != 200:
        sys.exit("claim v3 alert: %d" % code)
    st["amend2_body"] = dict(b2, function="amendment", items=[POCL3, dict(COFFEE, description="Green coffee")])
    json.dump(st, open(state_path, "w"))


def strip(j):
    """The answer without what the reader cannot compare (none so far)."""
    return j


def read(url, state_path, out_path):
    st = json.load(open(state_path))
    out = {"declarations": {}, "alerts": {}}
    code, _ = call(url, "GET", "/v1/alerts?limit=1", token=OFF)
    if code != 200:
        sys.exit("queue: %d" % code)
    todo = list(st["decls"])
    seen = set()
    while todo:
        did = todo.pop()
        if did in seen:
            continue
        seen.add(did)
        code, d = call(url, "GET", "/v1/declarations/%s" % did, token=OFF)
        if code != 200:
            sys.exit("GET declaration %s: %d %s" % (did, code, d))
        out["declarations"][did] = strip(d)
        for v in d.get("versions") or []:
            todo.append(v["id"])
        for a in d.get("alerts", []):
            code, aj = call(url, "GET", "/v1/alerts/%s" % a["id"], token=OFF)
            if code != 200:
                sys.exit("GET alert %s: %d %s" % (a["id"], code, aj))
            out["alerts"][a["id"]] = strip(aj)
    # The queue as the officers page it, every status.
    queue, cursor = [], None
    while True:
        path = "/v1/alerts?limit=50&status=open,claimed,released,held,inspection_ordered," \
               "referred_licensing,referred_enforcement,false_positive,auto_closed"
        if cursor:
            path += "&cursor=" + cursor
        code, page = call(url, "GET", path, token=OFF)
        if code != 200:
            sys.exit("queue page: %d %s" % (code, page))
        queue += [a["id"] for a in page.get("alerts", [])]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    out["queue"] = queue
    json.dump(out, open(out_path, "w"), indent=1, sort_keys=True)
    print("# read %d declarations, %d alerts, a queue of %d" % (
        len(out["declarations"]), len(out["alerts"]), len(queue)))


def diff(a, b, path, errs):
    """Differences of b from a; keys b adds are allowed (newer fields)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in b:
                errs.append("%s.%s: gone" % (path, k))
            else:
                diff(a[k], b[k], path + "." + k, errs)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            errs.append("%s: %d entries, now %d" % (path, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, "%s[%d]" % (path, i), errs)
    elif a != b:
        errs.append("%s: %r, now %r" % (path, a, b))


def compare(before_path, after_path):
    a = json.load(open(before_path))
    b = json.load(open(after_path))
    errs = []
    diff(a, b, "", errs)
    for e in errs[:30]:
        print("# " + e)
    n = len(a["declarations"]) + len(a["alerts"])
    links = sum(1 for x in a["alerts"].values()
                if (x.get("alert") or x).get("previous_alert_id"))
    print("# compared %d declarations and alerts (%d alerts linked to an earlier version's)" % (n, links))
    return 0 if not errs and n > 0 else 1


def after(url, state_path):
    st = json.load(open(state_path))
    errs = []
    # Replays answer what is stored.
    for did in st["decls"][:8] + st["decls"][-3:]:
        body = st["bodies"][did]
        code, r = call(url, "POST", "/v1/declarations", body)
        if code != 200 or r.get("id") != did:
            errs.append("replay of %s: %d %s" % (body["reference"], code, r.get("id")))
    # Same reference, other bytes, not an amendment: a conflict naming it.
    body = dict(st["bodies"][st["decls"][0]], route={"dispatch": "DE", "destination": "SE"})
    code, r = call(url, "POST", "/v1/declarations", body)
    if code != 409:
        errs.append("changed original: %d %s" % (code, r))
    # A fourth version of MIG-AMEND-2: the claimed alert of v3 carries over.
    b4 = dict(st["amend2_body"], items=[POCL3])
    code, r = call(url, "POST", "/v1/declarations", b4)
    if code != 201 or r.get("version") != 4:
        errs.append("amendment v4: %d %s" % (code, r))
    else:
        code, a = call(url, "GET", "/v1/alerts/%s" % r["alerts"][0]["id"], token=OFF)
        al = a.get("alert", a)
        if al.get("previous_alert_id") != st["amend2_alert"] or al.get("status") != "claimed":
            errs.append("v4 alert: previous %s status %s" % (al.get("previous_alert_id"), al.get("status")))
        code, d = call(url, "GET", "/v1/declarations/%s" % st["amend2_v3"], token=OFF)
        if d.get("state") != "superseded" or d.get("superseded_by") != r["id"]:
            errs.append("v3 after v4: %s %s" % (d.get("state"), d.get("superseded_by")))
        code, a = call(url, "GET", "/v1/alerts/%s" % r["alerts"][0]["id"], token=OFF)
        code, x = call(url, "POST", "/v1/alerts/%s/decision" % r["alerts"][0]["id"],
                       {"decision": "held", "reason": "after the migration"}, token=OFF)
        if code != 200:
            errs.append("decide v4 alert: %d %s" % (code, x))
    # New declarations, flagged and clear.
    for n in range(3):
        code, r = call(url, "POST", "/v1/declarations", decl("MIG-NEW-%d" % n, [POCL3, COFFEE]))
        if code != 201 or not r.get("alerts"):
            errs.append("new declaration: %d %s" % (code, r))
    for e in errs:
        print(e)
    return 1 if errs else 0


def main():
    cmd = sys.argv[1]
    if cmd == "store":
        store(sys.argv[2], sys.argv[3])
    elif cmd == "read":
        read(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    elif cmd == "after":
        sys.exit(after(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
