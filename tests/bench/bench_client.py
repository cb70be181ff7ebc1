#!/usr/bin/env python3
"""Fallback load client for bench_commit.sh when wrk is not installed.

  bench_client.py URL CLIENTS SECONDS LABEL

CLIENTS threads, one keep-alive connection each, POST distinct declarations
(the same shapes as the wrk Lua generator) for SECONDS, then print one line
  BENCH {"requests", "duration_s", "codes", "p50_ms", "p99_ms", "max_ms", "errors"}
Token from CORDON_TOKEN.  Standard library only; on a small machine the GIL
makes this client the bottleneck well before wrk would be.
"""
import http.client
import json
import os
import sys
import threading
import time
from urllib.parse import urlparse

CHEMS = [
    ("2812.12", "10025-87-3", "Phosphorus oxychloride (POCl3) 99%, 250 kg steel drums"),
    ("2930.70", "111-48-8", "Thiodiglycol, technical grade, 200 kg drums"),
    ("2931.41", "756-79-6", "Dimethyl methylphosphonate (DMMP) flame retardant additive, 25 kg cans"),
    ("2920.23", "121-45-9", "Trimethyl phosphite 98%, 180 kg drums"),
    ("2812.13", "7719-12-2", "Phosphorus trichloride, 1000 kg IBC"),
    ("2812.17", "7719-09-7", "Thionyl chloride for synthesis, 50 kg drums"),
    ("2811.11", "7664-39-3", "Hydrogen fluoride anhydrous, 500 kg cylinders"),
    ("2812.14", "10026-13-8", "Phosphorus pentachloride powder, 25 kg bags"),
]
GOODS = [
    ("0901.21", "Roasted coffee beans, 1 kg bags"),
    ("3306.10", "Toothpaste with sodium fluoride, 75 ml tubes"),
    ("3402.42", "Non-ionic surfactant, 1000 l IBC"),
    ("4011.50", "New pneumatic bicycle tyres, 700x25c"),
    ("6109.10", "Cotton T-shirts, knitted, assorted sizes"),
    ("8471.30", "Portable laptop computers, 14 inch, 16 GB RAM"),
    ("9403.60", "Wooden office desks, flat-packed"),
    ("6907.21", "Glazed ceramic floor tiles, 60x60 cm"),
]
PARTIES = [
    ("Rheinland Chemie GmbH", "DE", "Anatolia Kimya AS", "TR"),
    ("Nordic Industrial Supply AB", "SE", "Fjord Chemicals AS", "NO"),
    ("Lyon Specialites Chimiques SA", "FR", "Levant Trading FZE", "AE"),
    ("Baltic Components OU", "EE", "Hanoi Plastics Co Ltd", "VN"),
    ("Iberia Quimica SL", "ES", "Andes Mining Supplies SAC", "PE"),
]


def declaration(label, tid, n):
    k = n + tid * 7
    c, g, p = CHEMS[k % len(CHEMS)], GOODS[(k * 3) % len(GOODS)], PARTIES[k % len(PARTIES)]
    items = [
        {"seq": 1, "hs_code": c[0], "description": c[2], "cas": [c[1]],
         "quantity": 25 * (k % 40 + 1), "unit": "kg", "origin": p[1]},
        {"seq": 2, "hs_code": g[0], "description": g[1], "quantity": k % 500 + 1,
         "unit": "pcs", "origin": p[1]},
    ]
    if k % 2 == 0:
        g2 = GOODS[(k * 5 + 1) % len(GOODS)]
        items.append({"seq": 3, "hs_code": g2[0], "description": g2[1],
                      "quantity": k % 90 + 10, "unit": "pcs"})
    return json.dumps({
        "reference": "%s-%d-%08d" % (label, tid, n), "type": "export",
        "lodged_at": "2026-11-27T10:00:00Z", "customs_office": "DE004001",
        "parties": [{"role": "exporter", "name": p[0], "country": p[1]},
                    {"role": "consignee", "name": p[2], "country": p[3]}],
        "route": {"dispatch": p[1], "destination": p[3]}, "items": items,
    }, separators=(",", ":"))


def main():
    url, clients, secs, label = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    u = urlparse(url)
    hdrs = {"Content-Type": "application/json",
            "Authorization": "Bearer " + os.environ.get("CORDON_TOKEN", "")}
    lock = threading.Lock()
    codes, lats, errors = {}, [], [0]
    start = time.monotonic()
    end = start + secs

    def work(tid):
        conn, n, mine, mycodes, err = None, 0, [], {}, 0
        while time.monotonic() < end:
            n += 1
            body = declaration(label, tid, n)
            t0 = time.monotonic()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
                conn.request("POST", "/v1/declarations", body, hdrs)
                r = conn.getresponse()
                r.read()
                mine.append(time.monotonic() - t0)
                mycodes[str(r.status)] = mycodes.get(str(r.status), 0) + 1
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except Exception:
                err += 1
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()
        with lock:
            lats.extend(mine)
            errors[0] += err
            for k, v in mycodes.items():
                codes[k] = codes.get(k, 0) + v

    ts = [threading.Thread(target=work, args=(k + 1,)) for k in range(clients)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    dur = time.monotonic() - start
    lats.sort()

    def pct(p):
        return lats[min(len(lats) - 1, int(len(lats) * p / 100))] * 1000 if lats else 0.0

    print("BENCH " + json.dumps({
        "requests": len(lats), "duration_s": round(dur, 3), "codes": codes,
        "p50_ms": round(pct(50), 3), "p99_ms": round(pct(99), 3),
        "max_ms": round(lats[-1] * 1000, 3) if lats else 0.0, "errors": errors[0]}))


if __name__ == "__main__":
    main()
