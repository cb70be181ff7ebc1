#!/usr/bin/env bash
# Cluster tests: several cordond behind HAProxy on one PostgreSQL, and a
# PostgreSQL primary that fails over to its streaming standby, all on this
# machine (loopback ports, private Unix-socket clusters).  Prints
# "ok - name" / "not ok - name" per check, "# figure: ..." lines with what
# was measured, and last "cluster: N passed, M failed".
#
#   tests/cluster/run.sh          (the tree must be built; needs haproxy)
#
# 1. Three instances: 3 cordond behind HAProxy (contrib/haproxy.cfg with
#    this test's ports), load through HAProxy, one instance killed with
#    SIGKILL: no acknowledged declaration lost, only requests that instance
#    was working on failed, the others went on; the same reference posted to
#    two instances at once is stored once; a list activation reaches all
#    three; read_db that cannot be reached falls back to the primary.
# 2. Failover: a primary and a synchronous streaming standby (pg_basebackup
#    -R, a replication slot); cordond on a multi-host DSN with read_db on
#    the standby; under load the primary is stopped hard and the standby
#    promoted: the 503 window is measured, every acknowledged declaration is
#    on the new primary, officers' reads are served by the standby while the
#    primary is gone.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/tests/data/integration
ctl=$top/daemon/cordonctl
cordond=$top/daemon/cordond
client=$top/tests/cluster/client.py
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1 (at $SECONDS s)"; }
notok() { fail=$((fail + 1)); echo "not ok - $1${2:+: $2}"; }
figure() { echo "# figure: $*"; }
finish() { echo "cluster: $pass passed, $fail failed"; exit $(( fail > 0 )); }

# Waits are upper bounds, multiplied by this on a loaded machine.
slow=${CORDON_TEST_SLOW:-2}

if ! command -v haproxy >/dev/null; then
    notok "haproxy is installed (Debian haproxy; contrib/install-deps)"
    finish
fi

if [ "$(id -u)" = 0 ]; then
    work=$(mktemp -d /var/tmp/cordon-cluster.XXXXXX)
    chmod 755 "$work"
    pguser=postgres
    aspg() { runuser -u postgres -- "$@"; }
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/cordon-cluster.XXXXXX")
    pguser=$(id -un)
    aspg() { "$@"; }
fi
declare -A pids=()	# instance name -> pid
hx_pid=""
pgdirs=()
cleanup() {
    local p
    for p in "${pids[@]}" $hx_pid; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    for p in "${pgdirs[@]}"; do "$top/contrib/pg-private" "$p" stop; done
    if [ "${KEEP_WORK:-0}" = 1 ]; then echo "# work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_for() { # wait_for SECONDS COMMAND...
    local n=$(( $1 * 10 * slow )); shift
    for _ in $(seq 1 "$n"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}
now() { date +%s.%N; }
# psql_at SOCKETDIR SQL: one value from a private cluster.
psql_at() { aspg "$PGBIN/psql" "host=$1 user=$pguser dbname=cordon" -Atqc "$2"; }
# get TOKEN URL PATH: sets $code and $body.
get() {
    local out
    out=$(CORDON_TOKEN=$1 python3 "$client" get "$2" "$3")
    code=$(head -1 <<<"$out")
    body=$(tail -n +2 <<<"$out")
}
jq_() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$body"; }

# ---- instances and HAProxy ----------------------------------------------------

# start_instance NAME PORT DSN [READ_DSN]: cordond with its own config file.
start_instance() {
    local name=$1 port=$2 dsn=$3 rdsn=${4:-}
    {
        echo "listen: 127.0.0.1:$port"
        [ -n "$rdsn" ] && echo "read_db: \"$rdsn\""
        echo "db_workers: 2"
        echo "screen_workers: 1"
        echo "db_deadline: 5000"
        echo "retry_after: 1"
        [ "${CORDON_CLUSTER_DEBUG:-0}" = 1 ] && echo "log_level: debug"
    } >"$work/$name.yaml"
    chmod 600 "$work/$name.yaml"
    # CORDON_DB beats the file's db setting: the instance's DSN goes there.
    CORDON_DB=$dsn "$cordond" -f "$work/$name.yaml" >>"$work/$name.log" 2>&1 &
    pids[$name]=$!
    wait_for 20 curl -fs "http://127.0.0.1:$port/readyz"
}

# HAProxy from contrib/haproxy.cfg: the three servers on $1 $2 $3, the
# frontend on $hx_port, the stats socket in the work directory.
start_haproxy() {
    local cfg=$work/haproxy.cfg
    sed -e "s|127.0.0.1:8470|127.0.0.1:$hx_port|" -e "s|127.0.0.1:8471|127.0.0.1:$1|" \
        -e "s|127.0.0.1:8472|127.0.0.1:$2|" -e "s|127.0.0.1:8473|127.0.0.1:$3|" \
        -e "s|/run/haproxy/cordon.sock|$work/haproxy.sock|" \
        -e "s|maxconn 8000|maxconn 1000|" "$top/contrib/haproxy.cfg" >"$cfg"
    # The server that answered, named in each answer it relays: HAProxy may
    # drop log lines under load (stdout, non-blocking), and the log is then
    # a guess by client port.
    sed -i '/^backend cordond/a\    http-response set-header X-Cordon-Server %s' "$cfg"
    # Only root may switch to the haproxy user.
    [ "$(id -u)" = 0 ] || sed -i -e '/^ *user haproxy/d' -e '/^ *group haproxy/d' "$cfg"
    if ! out=$(haproxy -c -f "$cfg" 2>&1); then
        echo "$out" | sed 's/^/#   /'
        return 1
    fi
    haproxy -db -f "$cfg" >"$work/haproxy.log" 2>&1 &
    hx_pid=$!
    wait_for 10 curl -s -o /dev/null "http://127.0.0.1:$hx_port/healthz"
}
# server_state NAME: UP, DOWN, ... as HAProxy's health checks see it.
server_state() {
    python3 - "$work/haproxy.sock" "$1" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
data = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    data += b
for line in data.decode().splitlines():
    f = line.split(",")
    if len(f) > 17 and f[0] == "cordond" and f[1] == sys.argv[2]:
        print(f[17].split()[0])
EOF
}
all_up() {
    [ "$(server_state c1)" = UP ] && [ "$(server_state c2)" = UP ] && [ "$(server_state c3)" = UP ]
}
# Every instance must exit within 20 s (times $slow) of SIGTERM.  One that
# does not is a failure: its threads' stacks go to the output (gdb, when
# installed) and its log's last lines, then SIGKILL, so the stage never waits
# on it.
stop_all() {
    local n p left
    for n in "${!pids[@]}"; do kill "${pids[$n]}" 2>/dev/null; done
    [ -n "$hx_pid" ] && kill "$hx_pid" 2>/dev/null
    for n in "${!pids[@]}"; do
        p=${pids[$n]}
        left=$(( 200 * slow ))
        while kill -0 "$p" 2>/dev/null && [ $left -gt 0 ]; do sleep 0.1; left=$((left - 1)); done
        if kill -0 "$p" 2>/dev/null; then
            notok "cordond $n exits within $(( 20 * slow )) s of SIGTERM" "still running; its threads:"
            if command -v gdb >/dev/null; then
                gdb -p "$p" -batch -ex 'thread apply all bt' 2>/dev/null | grep -E '^(Thread|#)' | sed 's/^/#   /'
            fi
            tail -5 "$work/$n.log" | sed 's/^/#   /'
            kill -KILL "$p" 2>/dev/null
        fi
    done
    wait 2>/dev/null
    pids=()
    hx_pid=""
}

# analyse RECORDS KILL_TIME PROMOTE_TIME DSN_DIR SUBMITTER: what the client
# saw against what PostgreSQL holds, as one JSON object.
analyse() {
    psql_at "$4" "SELECT reference, id FROM declarations WHERE submitter = '$5'" >"$work/stored.txt"
    python3 - "$1" "$2" "$3" "$work/stored.txt" "$work/haproxy.log" <<'EOF'
import json, sys
from datetime import datetime
recs = [json.loads(l) for l in open(sys.argv[1])]
t_kill, t_up = float(sys.argv[2]), float(sys.argv[3])
stored = dict(l.rstrip("\n").split("|") for l in open(sys.argv[4]) if "|" in l)
# HAProxy's httplog: "ip:port [accept date] frontend backend/server timers
# status ...", in local time.  A client port is used again over a long run:
# a request is the line of its port accepted nearest to when it was sent.
by_port = {}
for line in open(sys.argv[5]):
    f = line.split()
    if len(f) > 5 and ":" in f[0] and "/" in f[3] and f[1].startswith("["):
        t = datetime.strptime(f[1].strip("[]"), "%d/%b/%Y:%H:%M:%S.%f").timestamp()
        by_port.setdefault(f[0].rsplit(":", 1)[1], []).append((t, f[3].split("/")[1]))
def server(r):
    if r.get("server"):
        return r["server"]
    c = by_port.get(str(r["port"]))
    return min(c, key=lambda x: abs(x[0] - r["start"]))[1] if c else "?"
acked = [r for r in recs if r["status"] in ("200", "201")]
failed = [r for r in recs if r["status"] not in ("200", "201")]
lost = sorted({r["ref"] for r in acked if r["ref"] not in stored})
wrong_id = sorted({r["ref"] for r in acked if r["ref"] in stored and r.get("id") != stored[r["ref"]]})
codes = {}
for r in recs:
    codes[r["status"]] = codes.get(r["status"], 0) + 1
f_servers = {}
for r in failed:
    s = server(r)
    f_servers[s] = f_servers.get(s, 0) + 1
after = [r for r in acked if r["start"] > t_up + 1]
after_servers = {}
for r in after:
    s = server(r)
    after_servers[s] = after_servers.get(s, 0) + 1
out = {
    "requests": len(recs), "codes": codes, "acknowledged": len({r["ref"] for r in acked}),
    "lost": len(lost), "lost_refs": lost[:5], "wrong_id": len(wrong_id),
    "failed": len(failed), "failed_by_server": f_servers,
    "failed_first": min([r["end"] for r in failed], default=0) - t_kill,
    "failed_last": max([r["end"] for r in failed], default=0) - t_kill,
    "failed_started_before_kill": sum(1 for r in failed if r["start"] <= t_kill),
    "window_s": (max(r["end"] for r in failed) - min(r["end"] for r in failed)) if failed else 0,
    "acked_after": len(after), "acked_after_by_server": after_servers,
    "acked_before": sum(1 for r in acked if r["end"] < t_kill),
    "unacked_refs_at_end": len({r["ref"] for r in failed} - {r["ref"] for r in acked}),
}
print(json.dumps(out))
EOF
}
# on_v2: every instance ($p1 $p2 $p3) runs list version $v2.
on_v2() { local p; for p in "$p1" "$p2" "$p3"; do curl -s "http://127.0.0.1:$p/readyz" | grep -q "\"list_version\":\"$v2\"" || return 1; done; }
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print($2)" "$1"; }

# CORDON_CLUSTER_PARTS="kill failover" (the default) chooses the parts.
parts=" ${CORDON_CLUSTER_PARTS:-kill failover} "

# ==== 1. three instances behind HAProxy ========================================
if [[ $parts == *" kill "* ]]; then
echo "== three cordond behind HAProxy, one killed"
pga=$work/pga
pgdirs+=("$pga")
if ! DSN=$("$top/contrib/pg-private" "$pga" start); then
    notok "start PostgreSQL" "see $pga/server.log"
    finish
fi
export CORDON_DB=$DSN
"$ctl" db migrate >/dev/null 2>&1
v1=$("$ctl" lists import "$data/rules-v1" 2>/dev/null)
"$ctl" lists activate "$v1" >/dev/null 2>&1
SUB=$("$ctl" tokens create --role submitter --name cluster-system 2>/dev/null)
OFF=$("$ctl" tokens create --role officer --name cluster-officer 2>/dev/null)
ADM=$("$ctl" tokens create --role admin --name cluster-admin 2>/dev/null)
[ -n "$v1" ] && [ -n "$SUB" ] && [ -n "$OFF" ] && [ -n "$ADM" ] || { notok "schema, list version and tokens"; finish; }

p1=$(free_port); p2=$(free_port); p3=$(free_port); hx_port=$(free_port)
hx=http://127.0.0.1:$hx_port
# c3's read_db is a database that does not exist: its reads go to the primary.
started=1
start_instance c1 "$p1" "$DSN" || started=0
start_instance c2 "$p2" "$DSN" || started=0
start_instance c3 "$p3" "$DSN" "host=$work/nowhere user=$pguser dbname=cordon" || started=0
if [ $started = 1 ] && start_haproxy "$p1" "$p2" "$p3" && wait_for 20 all_up; then
    ok "3 cordond ready and HAProxy sees all three UP through /readyz"
else
    notok "3 cordond and HAProxy start" "$(tail -5 "$work"/c*.log "$work/haproxy.log" 2>/dev/null)"
    finish
fi

export CORDON_TOKEN=$SUB
: >"$work/stop"; rm -f "$work/stop"
python3 "$client" load "$hx" "$work/stop" 16 KILL "$work/kill.jsonl" >"$work/kill.summary" &
load_pid=$!
sleep $((3 * slow))
kill -KILL "${pids[c2]}"
wait "${pids[c2]}" 2>/dev/null
# The moment it is gone: a request started before this was in flight there
# (taking the time before the kill counted the few ms until the process
# died, when requests still reached it, as "after the kill").
t_kill=$(now)
unset 'pids[c2]'
sleep $((3 * slow))
down_state=$(server_state c2)
touch "$work/stop"
wait $load_pid
a=$(analyse "$work/kill.jsonl" "$t_kill" "$t_kill" "$pga" cluster-system)
echo "# client: $(cat "$work/kill.summary")"
echo "# $a"
acked=$(field "$a" 'd["acknowledged"]')
lost=$(field "$a" 'd["lost"]')
failed=$(field "$a" 'd["failed"]')
figure "one of 3 instances killed under load: $acked declarations acknowledged, $lost lost, $failed requests failed"
[ "$lost" = 0 ] && [ "$(field "$a" 'd["wrong_id"]')" = 0 ] && [ "$acked" -gt 50 ] &&
    ok "SIGKILL of one instance under load: every acknowledged declaration is in PostgreSQL with the id answered ($acked)" ||
    notok "acknowledged declarations after SIGKILL" "$a"
# Every failure was a request the killed instance had been given before it
# died (HAProxy's log names the server of each connection), so at most one
# per client thread, and none started after HAProxy took it out.
[ "$(field "$a" 'sorted(d["failed_by_server"].keys()) in ([], ["c2"])')" = True ] &&
    [ "$failed" -le 16 ] && [ "$(field "$a" 'd["failed_started_before_kill"] == d["failed"]')" = True ] &&
    ok "only the requests in flight at the killed instance failed ($failed, all at c2, all sent before the kill)" ||
    notok "only the killed instance's in-flight requests fail" "$a"
[ "$(field "$a" 'd["acked_after"] > 20 and d["acked_after_by_server"].get("c1", 0) > 0 and d["acked_after_by_server"].get("c3", 0) > 0 and "c2" not in d["acked_after_by_server"]')" = True ] &&
    [ "$(field "$a" 'd["unacked_refs_at_end"]')" -le 16 ] &&
    ok "the other instances went on ($(field "$a" 'd["acked_after"]') acknowledged after the kill, by c1 and c3)" ||
    notok "the others went on" "$a"
[ "$down_state" = DOWN ] && ok "HAProxy took the killed instance out of rotation" ||
    notok "HAProxy marks the killed instance DOWN" "$down_state"
dups=$(psql_at "$pga" "SELECT count(*) FROM (SELECT reference FROM declarations GROUP BY submitter, reference HAVING count(*) > 1) x")

# The killed instance comes back and HAProxy takes it in again.
start_instance c2 "$p2" "$DSN" && wait_for 20 all_up &&
    ok "the restarted instance is back in rotation" || notok "c2 back in rotation" "$(server_state c2)"

# The same reference posted to two instances at the same moment.
python3 "$client" pair "http://127.0.0.1:$p1" "http://127.0.0.1:$p2" 20 PAIR >"$work/pair.out"
pair_ok=$(python3 - "$work/pair.out" <<'EOF'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
good = [r for r in rs if sorted(r["statuses"]) == ["200", "201"] and r["ids"][0] == r["ids"][1] and r["ids"][0]]
print(len(rs), len(good))
EOF
)
stored_pairs=$(psql_at "$pga" "SELECT count(*) || ' ' || count(DISTINCT reference) FROM declarations WHERE reference LIKE 'PAIR-%'")
[ "$pair_ok" = "20 20" ] && [ "$stored_pairs" = "20 20" ] && [ "$dups" = 0 ] &&
    ok "the same reference posted to two instances at once: stored once, one 201 and one 200 with the same id (20 of 20)" ||
    notok "same reference on two instances" "answers: $pair_ok, stored: $stored_pairs, $(head -3 "$work/pair.out")"

# A list activation reaches all three.
v2=$("$ctl" lists import "$data/rules-v2" 2>/dev/null)
"$ctl" lists activate "$v2" >/dev/null 2>&1
if wait_for 20 on_v2; then
    n=0
    for p in "$p1" "$p2" "$p3"; do
        out=$(curl -s -H "Authorization: Bearer $SUB" -H 'Content-Type: application/json' \
            --data-binary "{\"reference\":\"ACT-$p\",\"type\":\"export\",\"items\":[{\"seq\":1,\"hs_code\":\"2812.12\",\"description\":\"Phosphorus oxychloride\"}]}" \
            "http://127.0.0.1:$p/v1/declarations")
        grep -q "\"list_version\": *\"$v2\"" <<<"$out" && n=$((n + 1))
    done
    [ $n = 3 ] && ok "a list activation reaches all three: each screens with the new version" ||
        notok "activation reaches all three" "$n of 3 answered with $v2"
else
    notok "activation reaches all three" "not every /readyz shows $v2"
fi

# read_db unreachable (c3): officers' reads are answered by the primary.
get "$OFF" "http://127.0.0.1:$p3" "/v1/alerts?limit=5"
c3_code=$code
c3_n=$(jq_ 'len(d["alerts"])' 2>/dev/null)
metrics=$(curl -s -H "Authorization: Bearer $ADM" -H 'Accept: text/plain' "http://127.0.0.1:$p3/metrics")
[ "$c3_code" = 200 ] && [ "${c3_n:-0}" -gt 0 ] &&
    grep -qE '^cordon_read_db_queries_total\{served_by="primary"\} [1-9]' <<<"$metrics" &&
    grep -qE '^cordon_read_db_queries_total\{served_by="read_db"\} 0$' <<<"$metrics" &&
    grep -q 'read_db is not reachable' "$work/c3.log" &&
    ok "read_db unreachable: officers' reads are answered by the primary (and counted)" ||
    notok "read_db falls back to the primary" "$c3_code $(grep read_db <<<"$metrics")"
stop_all
"$top/contrib/pg-private" "$pga" stop
fi

# ==== 2. failover to a streaming standby ========================================
if [[ $parts == *" failover "* ]]; then
echo "== PostgreSQL primary fails over to its streaming standby"
pgp=$work/pgp
pgs=$work/pgs
pgdirs+=("$pgp" "$pgs")
if ! DSNP=$("$top/contrib/pg-private" "$pgp" start); then
    notok "start the primary" "see $pgp/server.log"
    finish
fi
# Replication over the private socket, peer authentication as for the rest.
echo "local   replication   all   peer map=cordon" | aspg tee -a "$pgp/data/pg_hba.conf" >/dev/null
aspg "$PGBIN/pg_ctl" -D "$pgp/data" reload >/dev/null
export CORDON_DB=$DSNP
"$ctl" db migrate >/dev/null 2>&1
v1=$("$ctl" lists import "$data/rules-v1" 2>/dev/null)
"$ctl" lists activate "$v1" >/dev/null 2>&1
SUB=$("$ctl" tokens create --role submitter --name failover-system 2>/dev/null)
OFF=$("$ctl" tokens create --role officer --name failover-officer 2>/dev/null)
ADM=$("$ctl" tokens create --role admin --name failover-admin 2>/dev/null)
mkdir -p "$pgs"
chmod 700 "$pgs"
[ "$(id -u)" = 0 ] && chown postgres: "$pgs"
if aspg "$PGBIN/pg_basebackup" -h "$pgp" -U "$pguser" -D "$pgs/data" -R -X stream -c fast \
        -C -S cordon_standby >"$work/basebackup.log" 2>&1 &&
    "$top/contrib/pg-private" "$pgs" start >/dev/null; then
    # Synchronous: a COMMIT returns once the standby has the WAL, so an
    # acknowledged declaration survives the primary.  Set on the primary
    # only (ALTER SYSTEM is not replicated): the promoted standby, alone,
    # must not wait for a standby of its own.
    # CORDON_CLUSTER_ASYNC=1 leaves replication asynchronous, to measure
    # what that loses (reported, not checked).
    want=async
    if [ "${CORDON_CLUSTER_ASYNC:-0}" != 1 ]; then
        want=sync
        psql_at "$pgp" "ALTER SYSTEM SET synchronous_standby_names = '*'" >/dev/null
        psql_at "$pgp" "SELECT pg_reload_conf()" >/dev/null
    fi
    sync_state() { [ "$(psql_at "$pgp" "SELECT sync_state FROM pg_stat_replication")" = "$want" ]; }
    if wait_for 20 sync_state && [ "$(psql_at "$pgs" "SELECT pg_is_in_recovery()")" = t ]; then
        ok "the standby streams (${want}hronous replication; pg_basebackup -R, a replication slot) and is in recovery"
    else
        notok "streaming standby" "$(psql_at "$pgp" "SELECT application_name, state, sync_state FROM pg_stat_replication")"
        finish
    fi
else
    notok "pg_basebackup and start the standby" "$(tail -5 "$work/basebackup.log" "$pgs/server.log" 2>/dev/null)"
    finish
fi

MH="host=$pgp,$pgs port=5432,5432 user=$pguser dbname=cordon target_session_attrs=read-write"
RD="host=$pgs user=$pguser dbname=cordon"
p1=$(free_port); p2=$(free_port); p3=$(free_port); hx_port=$(free_port)
hx=http://127.0.0.1:$hx_port
started=1
for n in 1 2 3; do
    eval "port=\$p$n"
    start_instance "f$n" "$port" "$MH" "$RD" || started=0
done
# The HAProxy log of part 1 is kept aside.
[ -f "$work/haproxy.log" ] && mv "$work/haproxy.log" "$work/haproxy-1.log"
if [ $started = 1 ] && start_haproxy "$p1" "$p2" "$p3" && wait_for 20 all_up; then
    ok "3 cordond on the multi-host DSN (target_session_attrs=read-write), read_db on the standby"
else
    notok "cordond on the multi-host DSN" "$(tail -5 "$work"/f*.log 2>/dev/null)"
    finish
fi

export CORDON_TOKEN=$SUB
rm -f "$work/stop"
python3 "$client" load "$hx" "$work/stop" 16 FAIL "$work/failover.jsonl" >"$work/failover.summary" &
load_pid=$!
sleep $((3 * slow))
get "$OFF" "http://127.0.0.1:$p1" "/v1/alerts?limit=5"
before_code=$code
t_kill=$(now)
aspg "$PGBIN/pg_ctl" -D "$pgp/data" stop -m immediate >/dev/null 2>&1
# The primary is gone and the standby not promoted yet: reads still work.
get "$OFF" "http://127.0.0.1:$p1" "/v1/alerts?limit=5"
during_code=$code
during_n=$(jq_ 'len(d["alerts"])' 2>/dev/null)
aspg "$PGBIN/pg_ctl" -D "$pgs/data" promote -w >/dev/null 2>&1
t_promoted=$(now)
sleep $((4 * slow))
touch "$work/stop"
wait $load_pid
a=$(analyse "$work/failover.jsonl" "$t_kill" "$t_promoted" "$pgs" failover-system)
echo "# client: $(cat "$work/failover.summary")"
echo "# $a"
acked=$(field "$a" 'd["acknowledged"]')
lost=$(field "$a" 'd["lost"]')
window=$(field "$a" '"%.2f" % d["window_s"]')
promote_s=$(python3 -c "print('%.2f' % ($t_promoted - $t_kill))")
figure "failover under load: $acked acknowledged, $lost lost on the new primary; non-2xx from $(field "$a" '"%.2f" % d["failed_first"]') s to $(field "$a" '"%.2f" % d["failed_last"]') s after the stop (window $window s; promotion done $promote_s s after the stop); $(field "$a" 'd["failed"]') failed requests: $(field "$a" 'd["codes"]')"
[ "$(psql_at "$pgs" "SELECT pg_is_in_recovery()")" = f ] && ok "the standby was promoted" || notok "promotion"
if [ "$want" = async ]; then
    echo "# asynchronous replication: $lost of $acked acknowledged declarations are not on the new primary"
else
    [ "$lost" = 0 ] && [ "$(field "$a" 'd["wrong_id"]')" = 0 ] && [ "$acked" -gt 50 ] &&
        ok "failover: every acknowledged declaration is on the new primary ($acked, 0 lost)" ||
        notok "acknowledged declarations on the new primary" "$a"
fi
if [ "$(field "$a" 'd["failed"] > 0 and d["window_s"] < 20 and d["acked_after"] > 20')" = True ] &&
    [ "$(field "$a" 'set(d["codes"]) <= {"200", "201", "502", "503"}')" = True ]; then
    ok "failover: 503 window of $window s, then cordond reconnected through the multi-host DSN by itself"
else
    notok "failover window and reconnection" "$a"
    grep -h -A1 -E 'warning|error' "$work"/f?.log | grep -v 'terminating connection' | sort | uniq -c | sort -rn | head -20 | sed 's/^/#   /'
fi
m1=$(curl -s -H "Authorization: Bearer $ADM" -H 'Accept: text/plain' "http://127.0.0.1:$p1/metrics")
[ "$before_code" = 200 ] && [ "$during_code" = 200 ] && [ "${during_n:-0}" -gt 0 ] &&
    grep -qE '^cordon_read_db_queries_total\{served_by="read_db"\} [1-9]' <<<"$m1" &&
    ok "officers' reads are served by the standby (read_db), also while the primary is down" ||
    notok "reads from the standby" "before $before_code, during $during_code, $(grep read_db <<<"$m1")"
# The LISTEN connection followed the primary too: an activation on the new
# primary reaches every instance.
export CORDON_DB="host=$pgs user=$pguser dbname=cordon"
v2=$("$ctl" lists import "$data/rules-v2" 2>/dev/null)
"$ctl" lists activate "$v2" >/dev/null 2>&1
wait_for 20 on_v2 && ok "after the failover a list activation still reaches all three" ||
    notok "activation after failover" "$(curl -s "http://127.0.0.1:$p1/readyz")"
stop_all
fi
finish
