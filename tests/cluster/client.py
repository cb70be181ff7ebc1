#!/usr/bin/env python3
"""The cluster tests' client (standard library only): customs systems that
post declarations and keep a record of every answer.

  client.py load URL STOPFILE THREADS PREFIX OUT
      THREADS systems post declarations through URL until STOPFILE exists
      (bounded: 30000 requests, 180 s).  A system whose declaration was not
      acknowledged (anything but 2xx) sends it again with the same
      reference, as the API asks, after a short pause.  Every attempt is
      one JSON line in OUT: reference, start and end (Unix seconds), status
      (or "error:..."), the local port of the connection (to find it in
      HAProxy's log) and the declaration id of a 2xx.  Prints a summary.
  client.py pair URL1 URL2 COUNT PREFIX
      for COUNT references, posts the same declaration to URL1 and URL2 at
      the same moment (two threads behind a barrier); prints one JSON line
      per reference: the two statuses and the two ids answered.
  client.py get URL PATH
      one GET with the token; prints the status and the body.

Every request uses a new connection; the bearer token is CORDON_TOKEN.
"""
import http.client
import json
import os
import sys
import threading
import time
from urllib.parse import urlparse


def declaration(ref):
    return json.dumps({
        "reference": ref, "type": "export",
        "parties": [{"role": "consignee", "name": "Nordic Fittings AS", "country": "NO"}],
        "route": {"dispatch": "DE", "destination": "NO"},
        "items": [
            {"seq": 1, "hs_code": "2812.12", "description": "Phosphorus oxychloride in 25 kg cylinders"},
            {"seq": 2, "hs_code": "0901.21", "description": "Roasted coffee beans"},
        ],
    })


def request(url, method, path, body=None):
    """One request on a new connection: (status, body, local port, the
    server HAProxy names in X-Cordon-Server or "")."""
    u = urlparse(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    port = 0
    try:
        c.connect()
        port = c.sock.getsockname()[1]
        headers = {"Authorization": "Bearer " + os.environ.get("CORDON_TOKEN", "")}
        if body is not None:
            headers["Content-Type"] = "application/json"
        c.request(method, path, body, headers)
        r = c.getresponse()
        return str(r.status), r.read(), port, r.getheader("X-Cordon-Server", "")
    except Exception as e:  # a failed request is a result, not a crash
        return "error:" + type(e).__name__, b"", port, ""
    finally:
        c.close()


def load(url, stop, threads, prefix, out):
    lock = threading.Lock()
    records = []
    counter = [0]
    deadline = time.time() + 180

    def work(k):
        ref = None
        while not os.path.exists(stop) and time.time() < deadline:
            with lock:
                if counter[0] >= 30000:
                    return
                counter[0] += 1
                if ref is None:
                    ref = "%s-%02d-%06d" % (prefix, k, counter[0])
            t0 = time.time()
            status, body, port, server = request(url, "POST", "/v1/declarations", declaration(ref))
            rec = {"ref": ref, "start": t0, "end": time.time(), "status": status, "port": port,
                   "server": server}
            if status in ("200", "201"):
                try:
                    rec["id"] = json.loads(body)["id"]
                except (ValueError, KeyError):
                    pass
                ref = None
            else:
                time.sleep(0.05)  # the same reference again, shortly
            with lock:
                records.append(rec)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    records.sort(key=lambda r: r["start"])
    with open(out, "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    codes = {}
    for r in records:
        codes[r["status"]] = codes.get(r["status"], 0) + 1
    print(json.dumps({"sent": len(records), "codes": codes}))


def pair(url1, url2, count, prefix):
    for i in range(count):
        ref = "%s-%04d" % (prefix, i)
        body = declaration(ref)
        barrier = threading.Barrier(2)
        got = [None, None]

        def one(k, url):
            barrier.wait()
            status, data, _, _ = request(url, "POST", "/v1/declarations", body)
            try:
                got[k] = (status, json.loads(data).get("id"))
            except ValueError:
                got[k] = (status, None)

        ts = [threading.Thread(target=one, args=(0, url1)),
              threading.Thread(target=one, args=(1, url2))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print(json.dumps({"ref": ref, "statuses": [got[0][0], got[1][0]],
                          "ids": [got[0][1], got[1][1]]}))


def main():
    mode = sys.argv[1]
    if mode == "load":
        load(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6])
    elif mode == "pair":
        pair(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif mode == "get":
        status, body, _, _ = request(sys.argv[2], "GET", sys.argv[3])
        print(status)
        sys.stdout.write(body.decode("utf-8", "replace") + "\n")
    else:
        sys.exit("usage: client.py load|pair|get ...")


if __name__ == "__main__":
    main()
