#!/usr/bin/env python3
"""A webhook receiver for the integration tests, written as a customs system
would: it checks Cordon-Signature (t=<unix time>,v1=<hex HMAC-SHA256 of
"<t>.<body>">) with the shared secret, refuses stale or forged requests,
and records every event it accepted, one JSON line each, in --out.

While the file named by --fail-file exists it answers 503 (an endpoint that
is down for maintenance), so the sender's retries can be tested.

Usage: webhook_receiver.py --secret S --out FILE --port-file FILE
                           [--port N] [--fail-file FILE]
"""
import argparse
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE = 300  # seconds of clock difference accepted


def verify(secret, header, body, now):
    """True if <header> signs <body> with <secret> within TOLERANCE."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    if "t" not in parts or "v1" not in parts:
        return False
    try:
        t = int(parts["t"])
    except ValueError:
        return False
    if abs(now - t) > TOLERANCE:
        return False
    want = hmac.new(secret, parts["t"].encode() + b"." + body,
                    hashlib.sha256).hexdigest()
    return hmac.compare_digest(want, parts["v1"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--secret", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--fail-file")
    a = ap.parse_args()
    secret = a.secret.encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, code):
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self):
            n = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(n)
            if a.fail_file and os.path.exists(a.fail_file):
                self.answer(503)
                return
            ok = verify(secret, self.headers.get("Cordon-Signature", ""),
                        body, int(time.time()))
            try:
                ev = json.loads(body)
            except ValueError:
                ev = {}
            rec = {"id": ev.get("id"), "type": ev.get("type"),
                   "header_id": self.headers.get("Cordon-Event-Id"),
                   "attempt": self.headers.get("Cordon-Delivery-Attempt"),
                   "signature_ok": ok, "data": ev.get("data")}
            with open(a.out, "a") as f:
                f.write(json.dumps(rec) + "\n")
            self.answer(204 if ok and rec["id"] == rec["header_id"] else 400)

    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    with open(a.port_file + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(a.port_file + ".tmp", a.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
