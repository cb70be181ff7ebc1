#!/usr/bin/env bash
# bench_loop.sh: does the event loop stay free?  /healthz latency (p50, p99)
#   1. while maximal legal declarations are screened back to back (999 items
#      with long keyword-dense descriptions, max_parties parties, just under
#      max_body), and
#   2. while 1,000 slow connections are open (each trickles a header byte
#      now and then and never finishes its request).
# Each cordond given is measured in turn against the same private PostgreSQL
# (contrib/pg-private) and the shipped rules directory.  It prints figures,
# never a verdict.
#
# Usage: tests/bench/bench_loop.sh [CORDOND...]   (default: the tree's)
# Environment: SECONDS_PER_CASE (10), KEEP_WORK=1.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
ctl=$top/daemon/cordonctl
SECS=${SECONDS_PER_CASE:-10}
[ $# -gt 0 ] || set -- "$top/daemon/cordond"

die() { echo "bench_loop: $*" >&2; exit 1; }
if [ "$(id -u)" = 0 ]; then
    work=$(mktemp -d /var/tmp/cordon-loop.XXXXXX)
    chmod 755 "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/cordon-loop.XXXXXX")
fi
pgdir=$work/pg
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    "$top/contrib/pg-private" "$pgdir" stop
    if [ "${KEEP_WORK:-0}" = 1 ]; then echo "# work dir kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
ulimit -n 4096 2>/dev/null

DSN=$("$top/contrib/pg-private" "$pgdir" start) || die "PostgreSQL did not start"
export CORDON_DB=$DSN
"$ctl" db migrate --schemas "$top/schemas" >/dev/null 2>&1 || die "migrate failed"
SUB=$("$ctl" tokens create --role submitter --name loop-submitter 2>/dev/null) || die "token"

python3 - "$work/max.json" <<'PY'
import json, sys
words = ("Phosphorus oxychloride thiodiglycol sarin precursor centrifuge rotor maraging steel "
         "uranium hexafluoride fermenter cross-flow filtration gyroscope propellant nitrocellulose ")
items = []
for i in range(999):
    items.append({"seq": i + 1, "hs_code": "2812.12", "description": (words * 7)[:880] + " %d" % i,
                  "cas": ["10025-87-3"]})
parties = [{"role": "consignee", "name": "Korea Ryonbong General Corporation %d" % i, "country": "KP"}
           for i in range(50)]
d = {"reference": "MAX", "type": "export", "parties": parties,
     "route": {"dispatch": "DE", "destination": "KP"}, "items": items}
open(sys.argv[1], "w").write(json.dumps(d))
PY
echo "maximal declaration: $(wc -c <"$work/max.json") bytes, 999 items, 50 parties" >&2

cat >"$work/probe.py" <<'PY'
import http.client, json, socket, sys, threading, time
url, token, mode, secs, body = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
host, port = url.split("//")[1].split(":")
port = int(port)
stop = time.time() + secs
load = {"posted": 0, "codes": {}}

def post_max():
    data = open(body, "rb").read()
    n = 0
    while time.time() < stop:
        d = json.loads(data)
        d["reference"] = "MAX-%d-%f" % (n, time.time())
        n += 1
        c = http.client.HTTPConnection(host, port, timeout=120)
        try:
            c.request("POST", "/v1/declarations", json.dumps(d),
                      {"Content-Type": "application/json", "Authorization": "Bearer " + token})
            r = c.getresponse(); r.read()
            load["codes"][r.status] = load["codes"].get(r.status, 0) + 1
        except Exception as e:
            load["codes"][str(e)[:40]] = load["codes"].get(str(e)[:40], 0) + 1
        c.close()
        load["posted"] += 1

socks = []
def slow():
    for i in range(1000):
        try:
            s = socket.create_connection((host, port), timeout=5)
            s.sendall(b"POST /v1/declarations HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
        except Exception:
            break
    while time.time() < stop:
        for s in list(socks):
            try:
                s.sendall(b"X")
            except Exception:
                socks.remove(s)
        time.sleep(1)

if mode == "max":
    for _ in range(2):
        threading.Thread(target=post_max, daemon=True).start()
else:
    threading.Thread(target=slow, daemon=True).start()
time.sleep(1.0)
lat = []
c = http.client.HTTPConnection(host, port, timeout=60)
while time.time() < stop:
    t = time.perf_counter()
    try:
        c.request("GET", "/healthz"); r = c.getresponse(); r.read()
        lat.append((time.perf_counter() - t) * 1000)
    except Exception:
        c.close(); c = http.client.HTTPConnection(host, port, timeout=60)
        lat.append((time.perf_counter() - t) * 1000)
    time.sleep(0.02)
lat.sort()
p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else 0
print("%s: /healthz p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d probes; %s" % (
    mode, p(0.5), p(0.99), lat[-1] if lat else 0, len(lat),
    ("%d maximal declarations posted %s" % (load["posted"], load["codes"])) if mode == "max"
    else "%d slow connections open" % len(socks)))
PY

for bin in "$@"; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    url=http://127.0.0.1:$port
    "$bin" --db "$DSN" --rules "$top/rules" --listen 127.0.0.1:"$port" >>"$work/cordond.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 3000); do curl -fs "$url/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    echo "== $bin"
    python3 "$work/probe.py" "$url" "$SUB" max "$SECS" "$work/max.json"
    python3 "$work/probe.py" "$url" "$SUB" slow "$SECS" "$work/max.json"
    kill "$pid"; wait "$pid" 2>/dev/null; pid=
done
