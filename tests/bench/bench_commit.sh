#!/usr/bin/env bash
# bench_commit.sh: how far group commit takes cordond, next to what
# PostgreSQL itself can commit on this machine at the same durability.
#
# It starts a private PostgreSQL (contrib/pg-private), loads the shipped
# rules, then
#   1. pgbench, custom scripts: one row per transaction, 50 rows per
#      transaction in one INSERT (what batching buys), and the naive path:
#      exactly the rows one declaration writes (its declaration row with
#      the body and result JSON of a stored declaration, its item rows, its
#      alert row, into copies of Cordon's tables with their indexes), one
#      declaration per transaction, at the same client counts; and the
#      naive path over all of a declaration's rows: the same rows into
#      Cordon's own tables (partitions, foreign keys, triggers) together with
#      its key rows and its outbox event row, which a flagged declaration
#      also writes.  The 1-row script's row is sized like a stored
#      declaration row.
#      synchronous_commit = on and fsync as the server defaults.  pgbench
#      writes into a database of its own, dropped afterwards, so that the
#      Cordon runs below start on databases untouched by it (run on
#      Cordon's, it made the second daemon of a pair ~7 % dearer per
#      declaration: the same tree measured against itself).
#   2. cordond: distinct declarations (2-3 items, one controlled chemical,
#      ordinary goods, exporter and consignee) POSTed by C keep-alive
#      connections (wrk + a Lua generator; tests/bench/bench_client.py,
#      Python threads, if wrk is missing), counting 201s, latency
#      percentiles, and commits from GET /metrics.  cordond is restarted for
#      each client count, so the batch figures are per run.
# It prints figures, never a verdict.  Everything runs on loopback and is
# stopped and removed at the end.
#
# Usage: tests/bench/bench_commit.sh          (from anywhere; tree built)
# Environment: DURATION (s per run, 10), CLIENTS ("1 8 32 64"),
#   BATCH_ROWS (50), WRK_THREADS (1), CLIENT (wrk|python), KEEP_WORK=1,
#   CORDOND and CORDONCTL (binaries to measure instead of the tree's),
#   BEFORE (a built Cordon tree, e.g. a worktree of main: its cordond is
#   measured too, in the same run, against a second database migrated with
#   its own schemas and loaded with its own rules; each client count runs
#   the BEFORE daemon, then this tree's, so a busy machine weighs on both),
#   CORDOND_CONF (a cordond.yaml both daemons are started with, -f: to
#   measure a setting such as batch_max).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
ctl=${CORDONCTL:-$top/daemon/cordonctl}
cordond=${CORDOND:-$top/daemon/cordond}
BEFORE=${BEFORE:-}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DURATION=${DURATION:-10}
CLIENTS=${CLIENTS:-"1 8 32 64"}
BATCH_ROWS=${BATCH_ROWS:-50}
WRK_THREADS=${WRK_THREADS:-1}
CLIENT=${CLIENT:-wrk}
HZ=$(getconf CLK_TCK)
t_start=$(date +%s)
load0=$(cut -d' ' -f1-3 /proc/loadavg)

say() { echo "# $*" >&2; }
die() { echo "bench_commit: $*" >&2; exit 1; }

[ -x "$cordond" ] && [ -x "$ctl" ] || die "build first: contrib/build"
if [ -n "$BEFORE" ]; then
    BEFORE=$(cd "$BEFORE" && pwd) || die "BEFORE: no such directory"
    [ -x "$BEFORE/daemon/cordond" ] && [ -x "$BEFORE/daemon/cordonctl" ] && [ -d "$BEFORE/schemas" ] ||
        die "BEFORE=$BEFORE: not a built Cordon tree (daemon/cordond, daemon/cordonctl, schemas/)"
fi
[ -x "$PGBIN/pgbench" ] || die "$PGBIN/pgbench missing (postgresql-15)"
if [ "$CLIENT" = wrk ] && ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        say "installing wrk (apt-get)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 ||
            say "apt-get install wrk failed"
    fi
    command -v wrk >/dev/null || { say "no wrk: using the Python client"; CLIENT=python; }
fi

# ---- work directory, cleanup ------------------------------------------------
if [ "$(id -u)" = 0 ]; then
    work=$(mktemp -d /var/tmp/cordon-bench.XXXXXX)
    chmod 755 "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/cordon-bench.XXXXXX")
fi
cd "$work" || exit 1
# Run copies: the tree may be rebuilt while the benchmark runs.
mkdir -p "$work/bin" && cp "$cordond" "$ctl" "$work/bin/" || die "cannot copy the binaries"
cordond=$work/bin/cordond
ctl=$work/bin/cordonctl
if [ -n "$BEFORE" ]; then
    mkdir -p "$work/before" && cp "$BEFORE/daemon/cordond" "$BEFORE/daemon/cordonctl" "$work/before/" ||
        die "cannot copy the BEFORE binaries"
fi
pgdir=$work/pg
cordond_pid=
client_pid=
cleanup() {
    [ -n "$client_pid" ] && kill "$client_pid" 2>/dev/null
    [ -n "$cordond_pid" ] && stop_cordond
    "$top/contrib/pg-private" "$pgdir" stop
    if [ "${KEEP_WORK:-0}" = 1 ]; then say "work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- PostgreSQL, schema, rules, tokens --------------------------------------
DSN=$("$top/contrib/pg-private" "$pgdir" start) || die "PostgreSQL did not start; see $pgdir/server.log"
export CORDON_DB=$DSN
AS=()
[ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
pguser=$(sed -n 's/.*user=\([^ ]*\).*/\1/p' <<<"$DSN")
sql() { "${AS[@]}" "$PGBIN/psql" "$DSN" -Atq -c "$1"; }
# pgbench writes into a database of its own (migrated like Cordon's, for the
# naive path's table copies): the Cordon runs that follow then find their
# databases as untouched as each other, whatever pgbench left behind.
P_DSN=${DSN/dbname=cordon/dbname=cordon_pgbench}
psql_pgb() { "${AS[@]}" "$PGBIN/psql" "$P_DSN" -Atq -c "$1"; }

"$ctl" db migrate --schemas "$top/schemas" >/dev/null 2>&1 || die "cordonctl db migrate failed"
ver=$("$ctl" lists import "$top/rules" 2>/dev/null) || die "cordonctl lists import rules failed"
"$ctl" lists activate "$ver" >/dev/null 2>&1 || die "cordonctl lists activate failed"
sql "CREATE DATABASE cordon_pgbench" || die "cannot create pgbench's database"
CORDON_DB=$P_DSN "$ctl" db migrate --schemas "$top/schemas" >/dev/null 2>&1 || die "pgbench's database: migrate failed"
SUB=$("$ctl" tokens create --role submitter --name bench-submitter 2>/dev/null)
ADM=$("$ctl" tokens create --role admin --name bench-admin 2>/dev/null)
[ -n "$SUB" ] && [ -n "$ADM" ] || die "token creation failed"
if [ -n "$BEFORE" ]; then
    sql "CREATE DATABASE cordon_before" || die "cannot create the BEFORE database"
    B_DSN=${DSN/dbname=cordon/dbname=cordon_before}
    bctl() { CORDON_DB=$B_DSN "$work/before/cordonctl" "$@"; }
    bctl db migrate --schemas "$BEFORE/schemas" >/dev/null 2>&1 || die "BEFORE: cordonctl db migrate failed"
    bver=$(bctl lists import "$BEFORE/rules" 2>/dev/null) || die "BEFORE: cordonctl lists import failed"
    bctl lists activate "$bver" >/dev/null 2>&1 || die "BEFORE: cordonctl lists activate failed"
    B_SUB=$(bctl tokens create --role submitter --name bench-submitter 2>/dev/null)
    B_ADM=$(bctl tokens create --role admin --name bench-admin 2>/dev/null)
    [ -n "$B_SUB" ] && [ -n "$B_ADM" ] || die "BEFORE: token creation failed"
fi
# The daemon being measured: binary, database, tokens (use_daemon after|before).
use_daemon() {
    if [ "$1" = before ]; then
        cur_bin=$work/before/cordond cur_dsn=$B_DSN cur_sub=$B_SUB cur_adm=$B_ADM
    else
        cur_bin=$cordond cur_dsn=$DSN cur_sub=$SUB cur_adm=$ADM
    fi
}
use_daemon after

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
start_cordond() { # sets $url, $cordond_pid
    local port; port=$(free_port)
    url=http://127.0.0.1:$port
    "$cur_bin" ${CORDOND_CONF:+-f "$CORDOND_CONF"} --db "$cur_dsn" --listen 127.0.0.1:"$port" \
        >>"$work/cordond.log" 2>&1 &
    cordond_pid=$!
    # Building the shipped rules takes tens of CPU-seconds on a busy machine.
    for _ in $(seq 1 3000); do
        curl -fs "$url/readyz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    sed 's/^/#   /' "$work/cordond.log" >&2
    die "cordond did not become ready"
}
stop_cordond() {
    kill -TERM "$cordond_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$cordond_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$cordond_pid" 2>/dev/null
    wait "$cordond_pid" 2>/dev/null
    cordond_pid=
}
metrics() { curl -fs -H "Authorization: Bearer $cur_adm" "$url/metrics"; }
# CPU ticks: whole machine busy/total, one pid, the postmaster's children
machine_ticks() { awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t-$5-$6, t}' /proc/stat; }
pid_ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { # the postmaster and its children (fields after "comm) ": $2 ppid, $12 utime, $13 stime)
    local pm; pm=$(head -1 "$pgdir/data/postmaster.pid")
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$pm" '{ pid = $1; sub(/^.*\) /, "")
        if (pid == pm || $2 == pm) s += $12 + $13 } END { print s + 0 }'
}

kthread_ticks() { # kernel threads (journal, block I/O, softirq workers)
    cat /proc/[0-9]*/stat 2>/dev/null | awk '{ sub(/^.*\) /, ""); if ($2 == 2) s += $12 + $13 } END { print s + 0 }'
}

# ---- the client: wrk Lua generator -----------------------------------------
cat >"$work/decl.lua" <<'LUA'
-- Distinct, realistic declarations; counts statuses; reports percentiles.
local run = os.getenv("BENCH_RUN") or "r"
local token = os.getenv("BENCH_TOKEN") or ""
local chems = {
  {"2812.12", "10025-87-3", "Phosphorus oxychloride (POCl3) 99%, 250 kg steel drums"},
  {"2930.70", "111-48-8", "Thiodiglycol, technical grade, 200 kg drums"},
  {"2931.41", "756-79-6", "Dimethyl methylphosphonate (DMMP) flame retardant additive, 25 kg cans"},
  {"2920.23", "121-45-9", "Trimethyl phosphite 98%, 180 kg drums"},
  {"2812.13", "7719-12-2", "Phosphorus trichloride, 1000 kg IBC"},
  {"2812.17", "7719-09-7", "Thionyl chloride for synthesis, 50 kg drums"},
  {"2811.11", "7664-39-3", "Hydrogen fluoride anhydrous, 500 kg cylinders"},
  {"2812.14", "10026-13-8", "Phosphorus pentachloride powder, 25 kg bags"},
}
local goods = {
  {"0901.21", "Roasted coffee beans, 1 kg bags"},
  {"3306.10", "Toothpaste with sodium fluoride, 75 ml tubes"},
  {"3402.42", "Non-ionic surfactant, 1000 l IBC"},
  {"4011.50", "New pneumatic bicycle tyres, 700x25c"},
  {"6109.10", "Cotton T-shirts, knitted, assorted sizes"},
  {"8471.30", "Portable laptop computers, 14 inch, 16 GB RAM"},
  {"9403.60", "Wooden office desks, flat-packed"},
  {"6907.21", "Glazed ceramic floor tiles, 60x60 cm"},
}
local parties = {
  {"Rheinland Chemie GmbH", "DE", "Anatolia Kimya AS", "TR"},
  {"Nordic Industrial Supply AB", "SE", "Fjord Chemicals AS", "NO"},
  {"Lyon Specialites Chimiques SA", "FR", "Levant Trading FZE", "AE"},
  {"Baltic Components OU", "EE", "Hanoi Plastics Co Ltd", "VN"},
  {"Iberia Quimica SL", "ES", "Andes Mining Supplies SAC", "PE"},
}
-- globals, so that setup() and done() reach them through thread:get/set
tid = 0
n = 0
counts = {}
local threads = {}

function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
  table.insert(threads, thread)
end

function request()
  n = n + 1
  local k = n + tid * 7
  local c = chems[k % #chems + 1]
  local g = goods[(k * 3) % #goods + 1]
  local p = parties[k % #parties + 1]
  local items = string.format(
    '{"seq":1,"hs_code":"%s","description":"%s","cas":["%s"],"quantity":%d,"unit":"kg","origin":"%s"},' ..
    '{"seq":2,"hs_code":"%s","description":"%s","quantity":%d,"unit":"pcs","origin":"%s"}',
    c[1], c[3], c[2], 25 * (k % 40 + 1), p[2], g[1], g[2], k % 500 + 1, p[2])
  if k % 2 == 0 then
    local g2 = goods[(k * 5 + 1) % #goods + 1]
    items = items .. string.format(',{"seq":3,"hs_code":"%s","description":"%s","quantity":%d,"unit":"pcs"}',
      g2[1], g2[2], k % 90 + 10)
  end
  local body = string.format(
    '{"reference":"%s-%d-%08d","type":"export","lodged_at":"2026-11-27T10:00:00Z","customs_office":"DE004001",' ..
    '"parties":[{"role":"exporter","name":"%s","country":"%s"},{"role":"consignee","name":"%s","country":"%s"}],' ..
    '"route":{"dispatch":"%s","destination":"%s"},"items":[%s]}',
    run, tid, n, p[1], p[2], p[3], p[4], p[2], p[4], items)
  return wrk.format("POST", "/v1/declarations",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local agg = {}
  for _, t in ipairs(threads) do
    for s, v in pairs(t:get("counts") or {}) do agg[s] = (agg[s] or 0) + v end
  end
  local parts = {}
  for s, v in pairs(agg) do table.insert(parts, string.format('"%d":%d', s, v)) end
  io.write(string.format(
    'BENCH {"requests":%d,"duration_s":%.3f,"codes":{%s},"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"errors":%d}\n',
    summary.requests, summary.duration / 1e6, table.concat(parts, ","),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

# run_client C SECONDS RUNLABEL OUTFILE : one load run; the BENCH line and the
# client's own CPU (/usr/bin/time) end up in OUTFILE
run_client() {
    local c=$1 secs=$2 label=$3 out=$4 t=$WRK_THREADS
    [ "$t" -gt "$c" ] && t=$c
    if [ "$CLIENT" = wrk ]; then
        BENCH_RUN=$label BENCH_TOKEN=$cur_sub /usr/bin/time -f 'CPU %U %S %e' -o "$out.time" \
            wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -s "$work/decl.lua" "$url/" >"$out" 2>&1 &
    else
        CORDON_TOKEN=$cur_sub /usr/bin/time -f 'CPU %U %S %e' -o "$out.time" \
            python3 "$top/tests/bench/bench_client.py" "$url" "$c" "$secs" "$label" >"$out" 2>&1 &
    fi
    client_pid=$!
    wait "$client_pid"
    client_pid=
}

# ---- a first look: what a stored declaration weighs --------------------------
start_cordond
run_client 4 1 probe "$work/probe.out"
sizes=$(sql "SELECT round(avg(pg_column_size(d.*))),
    (SELECT round(sum(pg_column_size(i.*))::numeric / count(DISTINCT declaration_id)) FROM items i),
    (SELECT round(sum(pg_column_size(a.*))::numeric / count(DISTINCT declaration_id)) FROM alerts a),
    (SELECT round(count(*)::numeric / (SELECT count(*) FROM declarations), 2) FROM items),
    (SELECT round(count(*)::numeric / (SELECT count(*) FROM declarations), 2) FROM alerts),
    count(*) FROM declarations d" | tr '|' ' ')
read -r drow irow arow nitems nalerts nprobe <<<"$sizes"
stop_cordond
[ -n "${drow:-}" ] && [ "${nprobe:-0}" -gt 0 ] || die "the probe run stored nothing: $(cat "$work/probe.out")"
say "stored declaration: row ${drow} B, items ${irow} B (${nitems}/decl), alerts ${arow} B (${nalerts}/decl); ${nprobe} probe declarations"

# ---- pgbench: PostgreSQL's own commit ceiling --------------------------------
reps=$(( (drow - 60) / 32 ))
[ "$reps" -lt 1 ] && reps=1
psql_pgb "CREATE TABLE bench_rows (id bigserial PRIMARY KEY, ref text NOT NULL, payload text NOT NULL)"
# The naive path: one stored declaration's rows, taken from the probe run,
# written by one transaction per declaration with plain INSERTs.
psql_pgb "CREATE TABLE bench_decl (LIKE declarations INCLUDING ALL);
     CREATE TABLE bench_items (LIKE items INCLUDING ALL);
     CREATE TABLE bench_alerts (LIKE alerts INCLUDING ALL)"
q1() { sql "$1" | sed "s/'/''/g"; }   # one value, quoted for a SQL literal
sample=$(sql "SELECT d.id FROM declarations d WHERE (SELECT count(*) FROM items i WHERE i.declaration_id = d.id) = 3
    AND (SELECT count(*) FROM alerts a WHERE a.declaration_id = d.id) = 1 LIMIT 1")
[ -n "$sample" ] || die "no probe declaration with 3 items and 1 alert"
s_body=$(q1 "SELECT body::text FROM declarations WHERE id = '$sample'")
s_result=$(q1 "SELECT result::text FROM declarations WHERE id = '$sample'")
s_hits=$(q1 "SELECT hits::text FROM alerts WHERE declaration_id = '$sample'")
s_fp=$(q1 "SELECT coalesce(fingerprint, '') FROM alerts WHERE declaration_id = '$sample'")
s_entries=$(q1 "SELECT entries::text FROM alerts WHERE declaration_id = '$sample'")
# search_text (schemas/0017): the queue's search text, which cordond sends with the row.
s_search=$(q1 "SELECT search_text FROM declarations WHERE id = '$sample'")
# search_keys (schemas/0019): the search text's word keys, which cordond sends as tsvector text with the row.
s_keys=$(q1 "SELECT search_keys::text FROM declarations WHERE id = '$sample'")
{
    echo '\set n random(1, 2000000000)'
    echo 'BEGIN;'
    # alerted (schemas/0015): the declaration has an alert, so its row is in the search index, as Cordon's is.
    echo "INSERT INTO bench_decl (id, submitter, reference, body_hash, type, body, result, verdict, list_version," \
        "alerted, search_text, search_keys) VALUES (gen_random_uuid(), 'bench-submitter', :client_id || '-' || :n || '-' || random()," \
        "md5(random()::text), 'export', '$s_body', '$s_result', 'hold', '$ver', true, '$s_search', '$s_keys') RETURNING id AS did \gset"
    for k in 1 2 3; do
        [ "$k" = 3 ] && echo '\if :n % 2 = 0'
        echo "INSERT INTO bench_items (declaration_id, seq, hs_code, description) VALUES (:did, $k," \
            "'$(q1 "SELECT hs_code FROM items WHERE declaration_id = '$sample' AND seq = $k")'," \
            "'$(q1 "SELECT description FROM items WHERE declaration_id = '$sample' AND seq = $k")');"
        [ "$k" = 3 ] && echo '\endif'
    done
    echo "INSERT INTO bench_alerts (id, declaration_id, item_seq, severity, score, category, status, list_version, hits," \
        "fingerprint, entries) VALUES (gen_random_uuid(), :did, 1, 'critical', 94, 'chemical', 'open', '$ver'," \
        "'$s_hits', '$s_fp', '$s_entries');"
    echo 'COMMIT;'
} >"$work/naive.sql"
# The naive path over every row a stored declaration writes: the same
# declaration, item and alert rows into Cordon's own tables (migrated in
# pgbench's database: partitioned by month, foreign keys, triggers), with
# the key rows of schemas/0014 and the outbox row of schemas/0007 a flagged
# declaration also gets, each with a plain INSERT, one declaration per
# transaction.  cordon.keys_written (schemas/0015) says, as the batch
# statement does, that the transaction writes the key rows itself.
s_version=$(q1 "SELECT version FROM declarations WHERE id = '$sample'")
s_function=$(q1 "SELECT coalesce(function, '') FROM declarations WHERE id = '$sample'")
s_btype=$(q1 "SELECT coalesce(body_type, '') FROM declarations WHERE id = '$sample'")
{
    echo '\set n random(1, 2000000000)'
    echo 'BEGIN;'
    echo "SELECT set_config('cordon.keys_written', 'on', true);"
    echo "INSERT INTO declaration_keys (id, submitter, reference, version, created_at) VALUES (gen_random_uuid()," \
        "'bench-submitter', :client_id || '-' || :n || '-' || random(), $s_version, now()) RETURNING id AS did, reference AS ref \\gset"
    echo "INSERT INTO declarations (id, submitter, reference, body_hash, type, body, result, verdict, list_version," \
        "version, function, body_type, alerted, search_text, search_keys) VALUES (:did, 'bench-submitter', :ref," \
        "md5(random()::text), 'export', '$s_body', '$s_result', 'hold', '$ver', $s_version, nullif('$s_function', '')," \
        "nullif('$s_btype', ''), true, '$s_search', '$s_keys');"
    for k in 1 2 3; do
        [ "$k" = 3 ] && echo '\if :n % 2 = 0'
        echo "INSERT INTO items (declaration_id, seq, hs_code, description) VALUES (:did, $k," \
            "'$(q1 "SELECT hs_code FROM items WHERE declaration_id = '$sample' AND seq = $k")'," \
            "'$(q1 "SELECT description FROM items WHERE declaration_id = '$sample' AND seq = $k")');"
        [ "$k" = 3 ] && echo '\endif'
    done
    echo "INSERT INTO alerts (id, declaration_id, item_seq, severity, score, category, status, list_version, hits," \
        "fingerprint, entries) VALUES (gen_random_uuid(), :did, 1, 'critical', 94, 'chemical', 'open', '$ver'," \
        "'$s_hits', '$s_fp', '$s_entries') RETURNING id AS aid, created_at AS acr \\gset"
    echo "INSERT INTO alert_keys (id, declaration_id, created_at) VALUES (:aid, :did, :acr);"
    echo "INSERT INTO events (type, declaration_id, payload) VALUES ('declaration.flagged', :did," \
        "jsonb_build_object('declaration_id', :did::uuid, 'reference', :ref::text, 'submitter', 'bench-submitter'," \
        "'type', 'export', 'verdict', 'hold', 'list_version', '$ver'));"
    echo 'COMMIT;'
} >"$work/full.sql"
cat >"$work/one.sql" <<EOF
INSERT INTO bench_rows (ref, payload) VALUES (:client_id || '-' || random(), repeat(md5(random()::text), $reps));
EOF
cat >"$work/batch.sql" <<EOF
INSERT INTO bench_rows (ref, payload) SELECT :client_id || '-' || g || '-' || random(), repeat(md5(random()::text), $reps) FROM generate_series(1, $BATCH_ROWS) g;
EOF
chmod 644 "$work"/*.sql
say "PostgreSQL: synchronous_commit=$(sql 'SHOW synchronous_commit') fsync=$(sql 'SHOW fsync')" \
    "wal_sync_method=$(sql 'SHOW wal_sync_method') commit_delay=$(sql 'SHOW commit_delay');" \
    "pgbench row: $((reps * 32)) B payload"

declare -A pg1p99 pgnp99 pgfp99 pg1 pgb pgn pgf pg1lat pgblat pgnlat pgflat pg1cpu pg1busy pgbbusy pgnbusy pgfbusy
# pgbench_run C SCRIPT : prints "tps latency_ms client_cpu% machine_busy% p99_ms"
# p99_ms: of every transaction's latency, from pgbench's per-transaction log
# (-l): PostgreSQL's own tail on this machine at this client count, next to
# Cordon's p99 (a stall of the machine's disk or CPU shows in both)
pgbench_run() {
    local c=$1 f=$2 j=2 out b0 t0 b1 t1
    [ "$c" -lt 2 ] && j=1
    sql "CHECKPOINT" >/dev/null
    rm -rf "$work/pglog" && mkdir -p "$work/pglog" && chmod 777 "$work/pglog"
    read -r b0 t0 < <(machine_ticks)
    out=$(cd "$work/pglog" && /usr/bin/time -f 'CPU %U %S %e' -o "$work/pgbench.time" \
        "${AS[@]}" "$PGBIN/pgbench" -h "$pgdir" -U "$pguser" -n -M prepared -f "$f" \
        -c "$c" -j "$j" -T "$DURATION" -l --log-prefix="$work/pglog/tx" cordon_pgbench 2>&1)
    read -r b1 t1 < <(machine_ticks)
    local tps lat cpu p99
    p99=$(cat "$work/pglog"/tx.* 2>/dev/null | awk '{print $3}' | sort -n |
        awk '{v[NR] = $1} END {if (NR) {i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", v[i] / 1000} else print 0}')
    rm -rf "$work/pglog"
    tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out" | head -1)
    lat=$(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' <<<"$out" | head -1)
    cpu=$(awk '/^CPU/{printf "%.0f", ($2+$3)/$4*100}' "$work/pgbench.time")
    [ -n "$tps" ] || { echo "$out" | sed 's/^/#   /' >&2; tps=0; lat=0; }
    echo "$tps $lat $cpu $(awk -v a="$b1" -v b="$b0" -v t="$t1" -v u="$t0" \
        'BEGIN{printf "%.0f", (t > u) ? (a-b)/(t-u)*100 : 0}') $p99"
}
for c in $CLIENTS; do
    read -r t l u b q < <(pgbench_run "$c" "$work/one.sql")
    pg1[$c]=$t; pg1lat[$c]=$l; pg1cpu[$c]=$u; pg1busy[$c]=$b; pg1p99[$c]=$q
    read -r t l u b _ < <(pgbench_run "$c" "$work/batch.sql")
    pgb[$c]=$t; pgblat[$c]=$l; pgbbusy[$c]=$b
    read -r t l u b q < <(pgbench_run "$c" "$work/naive.sql")
    pgn[$c]=$t; pgnlat[$c]=$l; pgnbusy[$c]=$b; pgnp99[$c]=$q
    read -r t l u b q < <(pgbench_run "$c" "$work/full.sql")
    pgf[$c]=$t; pgflat[$c]=$l; pgfbusy[$c]=$b; pgfp99[$c]=$q
    say "pgbench c=$c: 1-row ${pg1[$c]} tps (avg ${pg1lat[$c]} ms, pgbench cpu ${pg1cpu[$c]}%), ${BATCH_ROWS}-row ${pgb[$c]} tps (avg ${pgblat[$c]} ms), naive declaration ${pgn[$c]} tps (avg ${pgnlat[$c]} ms), naive all rows ${pgf[$c]} tps (avg ${pgflat[$c]} ms)"
done
psql_pgb "DROP TABLE bench_rows, bench_decl, bench_items, bench_alerts"
sql "DROP DATABASE cordon_pgbench" >/dev/null

# ---- cordond ----------------------------------------------------------------
# Before each timed Cordon run: VACUUM (ANALYZE) every Cordon database, then
# CHECKPOINT.  Without it autovacuum took up the previous run's inserts during
# the next run, on PostgreSQL's CPU: the second daemon of a pair (this tree,
# with BEFORE) paid 20-50 % more PostgreSQL CPU per declaration than the first
# for the same rows.
settle() {
    local d
    for d in "$DSN" ${B_DSN:+"$B_DSN"}; do
        "${AS[@]}" "$PGBIN/psql" "$d" -Atq -c "VACUUM (ANALYZE)" >/dev/null 2>&1 ||
            say "VACUUM failed on $d"
    done
    sql "CHECKPOINT" >/dev/null
}
declare -A cd_rate cd_p50 cd_p99 cd_avgb cd_maxb cd_commits cd_other cd_ccpu cd_dcpu cd_pcpu cd_mcpu cd_cps cd_else cd_kcpu
daemons=after
[ -n "$BEFORE" ] && daemons="before after"
for c in $CLIENTS; do
  for who in $daemons; do
    k=$c
    [ "$who" = before ] && k=b$c
    use_daemon "$who"
    start_cordond
    run_client "$c" 1 "warm$k" "$work/warm$k.out"
    settle
    m0=$(metrics)
    read -r mb0 mt0 < <(machine_ticks)
    d0=$(pid_ticks "$cordond_pid")
    p0=$(pg_ticks)
    k0=$(kthread_ticks)
    run_client "$c" "$DURATION" "run$k" "$work/run$k.out"
    p1=$(pg_ticks)
    k1=$(kthread_ticks)
    d1=$(pid_ticks "$cordond_pid")
    read -r mb1 mt1 < <(machine_ticks)
    m1=$(metrics)
    r=$(python3 - "$work/run$k.out" "$work/run$k.out.time" "$m0" "$m1" <<'PY'
import json, sys
line = [l for l in open(sys.argv[1]) if l.startswith("BENCH ")]
if not line:
    sys.stderr.write(open(sys.argv[1]).read()); print("0 0 0 0 0 0 0 0 0"); sys.exit()
b = json.loads(line[-1][6:])
cpu = [l.split() for l in open(sys.argv[2]) if l.startswith("CPU")][-1]
m0, m1 = json.loads(sys.argv[3]), json.loads(sys.argv[4])
ok = b["codes"].get("201", 0)
other = sum(v for k, v in b["codes"].items() if k != "201") + b["errors"]
commits = m1["db_batches"] - m0["db_batches"]
stored = m1["db_batched_declarations"] - m0["db_batched_declarations"]
el = float(cpu[3])
print("%.0f %.2f %.2f %.1f %d %d %d %.0f %.0f" % (
    ok / b["duration_s"], b["p50_ms"], b["p99_ms"], stored / commits if commits else 0,
    m1["db_max_batch"], commits, other, (float(cpu[1]) + float(cpu[2])) / el * 100 if el else 0,
    commits / b["duration_s"]))
PY
)
    read -r cd_rate[$k] cd_p50[$k] cd_p99[$k] cd_avgb[$k] cd_maxb[$k] cd_commits[$k] cd_other[$k] cd_ccpu[$k] cd_cps[$k] <<<"$r"
    secs=$(awk -v a="$mt1" -v b="$mt0" -v n="$(nproc)" 'BEGIN{print (a-b)/n}')   # wall ticks
    cd_dcpu[$k]=$(awk -v a="$d1" -v b="$d0" -v w="$secs" 'BEGIN{printf "%.0f", w ? (a-b)/w*100 : 0}')
    cd_pcpu[$k]=$(awk -v a="$p1" -v b="$p0" -v w="$secs" 'BEGIN{printf "%.0f", w ? (a-b)/w*100 : 0}')
    cd_mcpu[$k]=$(awk -v a="$mb1" -v b="$mb0" -v t="$mt1" -v u="$mt0" 'BEGIN{printf "%.0f", (t > u) ? (a-b)/(t-u)*100 : 0}')
    cd_kcpu[$k]=$(awk -v a="$k1" -v b="$k0" -v w="$secs" 'BEGIN{printf "%.0f", w ? (a-b)/w*100 : 0}')
    cd_else[$k]=$(awk -v m="${cd_mcpu[$k]}" -v n="$(nproc)" -v a="${cd_ccpu[$k]}" -v b="${cd_dcpu[$k]}" \
        -v p="${cd_pcpu[$k]}" -v k="${cd_kcpu[$k]}" 'BEGIN{x = m*n - a - b - p - k; printf "%.0f", (x > 0) ? x : 0}')
    say "cordond${BEFORE:+ ($who)} c=$c: ${cd_rate[$k]} decl/s, ${cd_commits[$k]} commits, avg batch ${cd_avgb[$k]}," \
        "p50 ${cd_p50[$k]} ms, p99 ${cd_p99[$k]} ms, non-201/errors ${cd_other[$k]}"
    stop_cordond
  done
done

# ---- the report ----------------------------------------------------------------
echo
echo "Cordon group commit vs PostgreSQL's commit ceiling"
echo "machine: $(nproc) CPU ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(uname -r);" \
    "data under $(df -P "$pgdir" | awk 'NR==2{print $1}') ($(stat -f -c %T "$pgdir"))"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'): synchronous_commit=on, fsync=on" \
    "(wal_sync_method $(sql 'SHOW wal_sync_method' 2>/dev/null || echo '?')), ${DURATION} s per run," \
    "CHECKPOINT before each (Cordon runs: VACUUM (ANALYZE) of its databases first)"
echo "pgbench row: bigserial PK + text, $((reps * 32)) B payload (a stored declaration row is ${drow} B;" \
    "Cordon also writes ${nitems} item rows (${irow} B) and ${nalerts} alert rows (${arow} B) per declaration)"
echo "cordond: ${CORDOND_CONF:+settings of $CORDOND_CONF over }db_workers 2, batch_max 256 (defaults); client: $CLIENT, keep-alive," \
    "$( [ "$CLIENT" = wrk ] && echo "wrk -t$WRK_THREADS + Lua generator" || echo "Python threads")"
echo
printf '%-7s | %17s | %18s | %15s | %14s | %13s | %9s | %9s | %9s | %9s | %8s | %8s\n' clients "pgbench 1-row tps" \
    "pgbench ${BATCH_ROWS}-row tps" "naive decl tps" "naive all tps" "cordon decl/s" "x naive" "x all" "x 1-row" \
    "avg batch" "p50 ms" "p99 ms"
printf -- '--------+-------------------+--------------------+-----------------+----------------+---------------+-----------+-----------+-----------+-----------+----------+---------\n'
# keys: "b64" is the BEFORE daemon at 64 clients, "64" this tree's
row_keys() { local c; for c in $CLIENTS; do [ -n "$BEFORE" ] && echo "b$c"; echo "$c"; done; }
row_label() { case $1 in b*) echo "${1#b} bef" ;; *) echo "$1" ;; esac; }
for k in $(row_keys); do
    c=${k#b}
    printf '%7s | %17.0f | %18.0f | %15.0f | %14.0f | %13s | %9s | %9s | %9s | %9s | %8s | %8s\n' "$(row_label "$k")" \
        "${pg1[$c]}" "${pgb[$c]}" "${pgn[$c]}" "${pgf[$c]}" "${cd_rate[$k]}" \
        "$(awk -v a="${cd_rate[$k]}" -v b="${pgn[$c]}" 'BEGIN{printf "%.2f", (b > 0) ? a/b : 0}')" \
        "$(awk -v a="${cd_rate[$k]}" -v b="${pgf[$c]}" 'BEGIN{printf "%.2f", (b > 0) ? a/b : 0}')" \
        "$(awk -v a="${cd_rate[$k]}" -v b="${pg1[$c]}" 'BEGIN{printf "%.2f", (b > 0) ? a/b : 0}')" \
        "${cd_avgb[$k]}" "${cd_p50[$k]}" "${cd_p99[$k]}"
done
echo
echo "details"
printf '%-7s | %14s | %9s | %9s | %9s | %9s | %7s | %8s | %9s | %10s | %10s | %7s | %9s | %9s\n' clients \
    "pgbench rows/s" "pgb cpu %" commits commits/s "max batch" non-201 "client %" "cordond %" "postgres %" \
    "kthreads %" "other %" "cd us/decl" "pg us/decl"
printf -- '--------+----------------+-----------+-----------+-----------+-----------+---------+----------+-----------+------------+------------+---------+-----------+-----------\n'
us_per_decl() { awk -v p="$1" -v r="$2" 'BEGIN{printf "%.0f", (r > 0) ? p / 100 / r * 1e6 : 0}'; }
for k in $(row_keys); do
    c=${k#b}
    printf '%7s | %14.0f | %9s | %9s | %9s | %9s | %7s | %8s | %9s | %10s | %10s | %7s | %9s | %9s\n' \
        "$(row_label "$k")" "$(awk -v t="${pgb[$c]}" -v n="$BATCH_ROWS" 'BEGIN{print t*n}')" "${pg1cpu[$c]}" \
        "${cd_commits[$k]}" "${cd_cps[$k]}" "${cd_maxb[$k]}" "${cd_other[$k]}" "${cd_ccpu[$k]}" \
        "${cd_dcpu[$k]}" "${cd_pcpu[$k]}" "${cd_kcpu[$k]}" "${cd_else[$k]}" \
        "$(us_per_decl "${cd_dcpu[$k]}" "${cd_rate[$k]}")" "$(us_per_decl "${cd_pcpu[$k]}" "${cd_rate[$k]}")"
done
echo
echo "naive decl tps: pgbench transactions that each write one declaration's rows (declaration row with its"
echo "body and result JSON, 2 or 3 item rows, 1 alert row) with plain INSERTs; x naive, x 1-row: cordon decl/s"
echo "over the naive and the 1-row pgbench rates of the same client count."
echo "naive all tps: the same, over every row a stored declaration writes, into Cordon's own tables (partitions,"
echo "foreign keys, triggers): also its declaration and alert key rows (schemas/0014) and its outbox event row"
echo "(schemas/0007), one plain INSERT each; x all: cordon decl/s over it."
echo "pgbench rows/s: the ${BATCH_ROWS}-row tps times ${BATCH_ROWS}.  pgb cpu %: pgbench's own CPU in the 1-row run."
echo "commits, commits/s, max batch: GET /metrics deltas over the timed run (db_batches, db_max_batch; cordond"
echo "restarted per client count); avg batch = db_batched_declarations / db_batches.  non-201: other statuses"
echo "and socket errors.  client %, cordond %, postgres % (postmaster and children): CPU in % of one core during"
echo "the timed Cordon run; kthreads %: kernel threads (journal, block I/O, softirq); other %: the rest of the"
echo "machine's busy CPU (interrupts, other processes), of $(nproc) x 100 %.  cd us/decl, pg us/decl: cordond's"
echo "and PostgreSQL's CPU per stored declaration (microseconds), which a busy machine changes less than rates."
[ -n "$BEFORE" ] && echo "bef: the BEFORE tree ($BEFORE, $(git -C "$BEFORE" rev-parse --short HEAD 2>/dev/null || echo '?')) in" \
    "the same run, its own database and rules; the other rows: this tree."
echo "machine busy, % of all $(nproc) CPUs:"
for c in $CLIENTS; do
    echo "  c=$c: pgbench 1-row ${pg1busy[$c]}%, pgbench ${BATCH_ROWS}-row ${pgbbusy[$c]}%, naive ${pgnbusy[$c]}%," \
        "naive all ${pgfbusy[$c]}%," \
        "cordon ${cd_mcpu[$c]}%${BEFORE:+, cordon before ${cd_mcpu[b$c]}%}"
done
echo "p99 latency of PostgreSQL's own transactions (pgbench -l), to set Cordon's p99 against:"
for c in $CLIENTS; do
    echo "  c=$c: 1-row ${pg1p99[$c]} ms, naive ${pgnp99[$c]} ms, naive all ${pgfp99[$c]} ms;" \
        "cordon ${cd_p99[$c]} ms${BEFORE:+, cordon before ${cd_p99[b$c]} ms}"
done
echo "load average before the run: $load0"
echo "total time: $(( $(date +%s) - t_start )) s"
