#!/usr/bin/env python3
"""Load generator for the integration tests (standard library only).

  load.py burst URL COUNT THREADS PREFIX
      posts COUNT distinct declarations from THREADS threads at once and
      prints one JSON line: {"sent": n, "codes": {"201": n, ...}}
  load.py until URL STOPFILE THREADS PREFIX
      keeps posting (bounded: at most 20000 requests, 120 s) until STOPFILE
      exists; prints the same JSON line.
Every request uses a new connection, like independent customs systems;
the bearer token comes from CORDON_TOKEN.
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
        "parties": [{"role": "consignee", "name": "Test Consignee Ltd", "country": "NO"}],
        "route": {"dispatch": "DE", "destination": "NO"},
        "items": [
            {"seq": 1, "hs_code": "2812.12", "description": "Phosphorus oxychloride 25 kg cylinders"},
            {"seq": 2, "hs_code": "0901.21", "description": "Roasted coffee beans"},
        ],
    })


def post(url, body):
    u = urlparse(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        c.request("POST", "/v1/declarations", body, {
            "Content-Type": "application/json",
            "Authorization": "Bearer " + os.environ.get("CORDON_TOKEN", "")})
        r = c.getresponse()
        r.read()
        return str(r.status)
    except Exception as e:  # a failed request is a result, not a crash
        return "error:" + type(e).__name__
    finally:
        c.close()


def main():
    mode, url = sys.argv[1], sys.argv[2]
    codes = {}
    lock = threading.Lock()
    counter = [0]

    def record(code):
        with lock:
            codes[code] = codes.get(code, 0) + 1

    def next_ref(prefix):
        with lock:
            counter[0] += 1
            return "%s-%06d" % (prefix, counter[0])

    if mode == "burst":
        count, threads, prefix = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        barrier = threading.Barrier(threads)

        def work(k):
            barrier.wait()
            for i in range(k, count, threads):
                record(post(url, declaration("%s-%06d" % (prefix, i))))
    else:
        stop, threads, prefix = sys.argv[3], int(sys.argv[4]), sys.argv[5]
        deadline = time.time() + 120

        def work(k):
            while not os.path.exists(stop) and time.time() < deadline:
                with lock:
                    if counter[0] >= 20000:
                        return
                record(post(url, declaration(next_ref(prefix))))

    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(json.dumps({"sent": sum(codes.values()), "codes": codes}))


if __name__ == "__main__":
    main()
