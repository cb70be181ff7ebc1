#!/usr/bin/env bash
# bench_rescreen.sh: how fast cordond re-screens stored declarations after
# an activation, and what that costs ingest, measured in one run.
#
# It starts a private PostgreSQL (contrib/pg-private) and cordond on the
# shipped rules (version 1), stores a history of declarations for
# HISTORY seconds, then
#   A. ingest alone: CLIENTS keep-alive clients POST distinct declarations
#      for DURATION seconds (tests/bench/bench_client.py);
#   B. ingest while re-screening: version 2 (the shipped rules with one more
#      UN entity) is activated; once cordond has built it and the run has
#      started, the same ingest runs for DURATION seconds while cordond
#      re-screens the history;
#   C. re-screening alone: after ingest stops, until the run finishes.
# Re-screening rates come from the run's row (rescreen_runs: done, sampled
# at the phase boundaries).  RATE sets rescreen_rate (0: unlimited, the
# default here, to show the ceiling; cordond's default is 500/s).  It prints
# figures, never a verdict; everything is stopped and removed at the end.
#
# Usage: tests/bench/bench_rescreen.sh     (from anywhere; tree built)
# Environment: HISTORY (s, 40), DURATION (s, 15), CLIENTS (16), RATE (0),
#   BATCH (200), KEEP_WORK=1.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
HISTORY=${HISTORY:-40}
DURATION=${DURATION:-15}
CLIENTS=${CLIENTS:-16}
RATE=${RATE:-0}
BATCH=${BATCH:-200}

say() { echo "# $*" >&2; }
die() { echo "bench_rescreen: $*" >&2; exit 1; }
[ -x "$top/daemon/cordond" ] && [ -x "$top/daemon/cordonctl" ] || die "build first: contrib/build"

if [ "$(id -u)" = 0 ]; then
    work=$(mktemp -d /var/tmp/cordon-bench.XXXXXX)
    chmod 755 "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/cordon-bench.XXXXXX")
fi
mkdir -p "$work/bin" && cp "$top/daemon/cordond" "$top/daemon/cordonctl" "$work/bin/" ||
    die "cannot copy the binaries"
cordond=$work/bin/cordond
ctl=$work/bin/cordonctl
pgdir=$work/pg
cordond_pid=
cleanup() {
    if [ -n "$cordond_pid" ]; then
        kill -TERM "$cordond_pid" 2>/dev/null
        wait "$cordond_pid" 2>/dev/null
    fi
    "$top/contrib/pg-private" "$pgdir" stop
    if [ "${KEEP_WORK:-0}" = 1 ]; then say "work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DSN=$("$top/contrib/pg-private" "$pgdir" start) || die "PostgreSQL did not start"
export CORDON_DB=$DSN
AS=()
[ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
sql() { "${AS[@]}" "$PGBIN/psql" "$DSN" -Atq -c "$1"; }

# Version 2: the shipped rules with one more UN entity.
cp -r "$top/rules" "$work/rules-v2"
python3 - "$work/rules-v2/un-sc-consolidated.xml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
e = ("<ENTITY><DATAID>99000001</DATAID><VERSIONNUM>1</VERSIONNUM>"
     "<FIRST_NAME>NORTHERN HARBOUR LOGISTICS TRADING</FIRST_NAME>"
     "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER>"
     "<LISTED_ON>2026-11-20</LISTED_ON></ENTITY>")
i = s.rindex("</ENTITIES>")
open(p, "w", encoding="utf-8").write(s[:i] + e + s[i:])
PY
"$ctl" db migrate --schemas "$top/schemas" >/dev/null 2>&1 || die "db migrate failed"
v1=$("$ctl" lists import "$top/rules" 2>/dev/null) || die "import v1 failed"
v2=$("$ctl" lists import "$work/rules-v2" 2>/dev/null) || die "import v2 failed"
"$ctl" lists activate "$v1" >/dev/null 2>&1 || die "activate v1 failed"
SUB=$("$ctl" tokens create --role submitter --name bench-submitter 2>/dev/null)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
printf 'rescreen_rate: %s\nrescreen_batch: %s\n' "$RATE" "$BATCH" >"$work/cordond.yaml"
"$cordond" -f "$work/cordond.yaml" --db "$DSN" --listen 127.0.0.1:"$port" >"$work/cordond.log" 2>&1 &
cordond_pid=$!
for _ in $(seq 1 3000); do curl -fs "$url/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$url/readyz" >/dev/null 2>&1 || die "cordond did not become ready"

ingest() { # ingest SECONDS LABEL: prints declarations/s
    CORDON_TOKEN=$SUB python3 "$top/tests/bench/bench_client.py" "$url" "$CLIENTS" "$1" "$2" |
        sed -n 's/^BENCH //p' | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.0f %d" % (d["codes"].get("201", 0) / d["duration_s"], sum(v for k, v in d["codes"].items() if k != "201")))'
}
done_now() { sql "SELECT coalesce((SELECT done FROM rescreen_runs WHERE version = '$v2'), 0)"; }
now_ms() { date +%s%3N; }

say "history: $HISTORY s of ingest under version 1"
ingest "$HISTORY" hist >/dev/null
hist=$(sql "SELECT count(*) FROM declarations")
say "A: ingest alone, $DURATION s"
read -r rate_a fail_a < <(ingest "$DURATION" alone)
say "B: activating version 2; once cordond has built it and its run started, ingest for $DURATION s"
"$ctl" lists activate "$v2" >/dev/null 2>&1 || die "activate v2 failed"
for _ in $(seq 1 6000); do
    [ "$(done_now)" -gt 0 ] && break
    sleep 0.1
done
t0=$(now_ms)
d0=$(done_now)
read -r rate_b fail_b < <(ingest "$DURATION" during)
t1=$(now_ms)
d1=$(done_now)
say "C: re-screening alone until the run finishes"
for _ in $(seq 1 6000); do
    [ "$(sql "SELECT status FROM rescreen_runs WHERE version = '$v2'")" = finished ] && break
    sleep 0.1
done
t2=$(now_ms)
d2=$(done_now)
run=$(sql "SELECT status || ' ' || done || ' ' || total || ' ' || alerts_raised FROM rescreen_runs WHERE version = '$v2'")
rs_b=$(python3 -c "print('%.0f' % (($d1 - $d0) / max(($t1 - $t0) / 1000, 0.001)))")
rs_c=$(python3 -c "print('%.0f' % (($d2 - $d1) / max(($t2 - $t1) / 1000, 0.001)))")
cat <<OUT
bench_rescreen: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $CLIENTS clients, rescreen_rate $RATE, batch $BATCH
history: $hist declarations; run: $run (status done total alerts)
| phase | ingest decl/s | failed | re-screen decl/s |
|---|---|---|---|
| A: ingest alone | $rate_a | $fail_a | - |
| B: ingest while re-screening ($(( (t1 - t0) / 1000 )) s) | $rate_b | $fail_b | $rs_b |
| C: re-screening alone ($(( (t2 - t1) / 1000 )) s) | - | - | $rs_c |
OUT
