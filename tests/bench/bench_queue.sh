#!/usr/bin/env bash
# bench_queue.sh: the officers' queue on a long history.
#
# Generates, directly in SQL (generate_series), a history of N declarations
# spread over MONTHS months in the partitioned tables of schemas/0014: two
# items each, a consignee and a route, and alerts for ALERT_PCT % of them
# (severities and categories mixed; alerts older than two weeks decided,
# newer ones open or claimed, as a working queue looks), with their key rows.
# Then it starts cordond on that database and measures GET /v1/alerts as an
# officer sends it: the first page, the open queue, filtered by category, by
# severity, by submitter and by text, and cursor pages walking deep into the
# open queue, each RUNS times (curl's time_total, one client), and prints
# p50/p99.  The plans are cordond's own: a second cordond with auto_explain
# in its sessions answers each query once, and the plans come from the
# server log, so the check is on the SQL the daemon really sends.
#
# With CHECK=1 it prints "ok -"/"not ok -" lines instead of figures and exits
# 1 unless every plan reads alerts through an index (a sequential scan may
# read at most SEQ_ROWS rows of one partition): contrib/run-tests runs it
# that way on a small history (tests/integration/run.sh, block "part").
#
# Usage: tests/bench/bench_queue.sh            (from anywhere; tree built)
# Environment: N (10000000), MONTHS (12), ALERT_PCT (3), RUNS (200),
#   BUDGET (seconds a query may take in all before its runs stop, 180),
#   DB_DEADLINE (cordond's db_deadline in ms for the timed runs, 300000, so
#   that a slow query is measured rather than cut at the default 10 s),
#   CHUNK (declarations per INSERT, 500000), CHECK=1, SEQ_ROWS (2000 with
#   CHECK=1, else 0), KEEP_WORK=1.  A private PostgreSQL (contrib/pg-private)
#   under /var/tmp or TMPDIR holds the history: about 1.3 GB per million
#   declarations.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
ctl=${CORDONCTL:-$top/daemon/cordonctl}
cordond=${CORDOND:-$top/daemon/cordond}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
N=${N:-10000000}
MONTHS=${MONTHS:-12}
ALERT_PCT=${ALERT_PCT:-3}
RUNS=${RUNS:-200}
CHUNK=${CHUNK:-500000}
CHECK=${CHECK:-0}
BUDGET=${BUDGET:-180}
DB_DEADLINE=${DB_DEADLINE:-300000}
if [ "$CHECK" = 1 ]; then SEQ_ROWS=${SEQ_ROWS:-2000}; else SEQ_ROWS=${SEQ_ROWS:-0}; fi

say() { [ "$CHECK" = 1 ] || echo "# $*" >&2; }
die() { echo "bench_queue: $*" >&2; [ "$CHECK" = 1 ] && echo "not ok - queue benchmark: $*"; exit 1; }
[ -x "$ctl" ] && [ -x "$cordond" ] || die "build first: contrib/build"

if [ "$(id -u)" = 0 ]; then
    work=$(mktemp -d /var/tmp/cordon-queue.XXXXXX)
    chmod 755 "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/cordon-queue.XXXXXX")
fi
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    "$top/contrib/pg-private" "$work/pg" stop >/dev/null 2>&1
    if [ "${KEEP_WORK:-0}" = 1 ]; then say "work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DSN=$("$top/contrib/pg-private" "$work/pg" start) || die "PostgreSQL did not start"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_() { as_pg "$PGBIN/psql" "$DSN" -v ON_ERROR_STOP=1 -Atq "$@"; }
export CORDON_DB=$DSN
"$ctl" db migrate --schemas "$top/schemas" >/dev/null || die "migrate failed"

# ---- the history ------------------------------------------------------------
t0=$(date +%s)
psql_ -c "SELECT sum(cordon_partitions_create(t, now() - make_interval(months => $MONTHS), now() + interval '3 months')) FROM unnest(cordon_partitioned_tables()) t" >/dev/null ||
    die "cannot create the months"
# Declaration g was stored at now() - (N - g) steps: oldest first, the newest
# now.  Its id is a UUIDv7 of that time, as cordond makes them.  The rows
# are written as a bulk load would be: triggers and foreign key checks off
# for the session (session_replication_role), the key rows written here.
span=$((MONTHS * 30 * 86400))
from=1
while [ "$from" -le "$N" ]; do
    to=$((from + CHUNK - 1)); [ "$to" -gt "$N" ] && to=$N
    psql_ <<SQL || die "generation failed at $from"
SET session_replication_role = replica;
CREATE TEMP TABLE g AS
SELECT g AS n, ts,
       (lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7'
        || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid AS id,
       'customs-' || (g % 7) AS submitter, 'REF-' || g AS reference, h
  FROM (SELECT g, now() - make_interval(secs => ($N - g)::double precision * $span / $N) AS ts,
               md5(g::text) AS h
          FROM generate_series($from, $to) g) s;
INSERT INTO declaration_keys (id, submitter, reference, version, created_at)
SELECT id, submitter, reference, 1, ts FROM g;
INSERT INTO declarations (id, submitter, reference, body_hash, type, body, result, verdict, list_version, created_at)
SELECT id, submitter, reference, h, 'export',
       jsonb_build_object('reference', reference, 'type', 'export',
           'route', jsonb_build_object('dispatch', 'DE', 'destination',
               (ARRAY['FR', 'CN', 'AE', 'TR', 'IN', 'BR'])[1 + n % 6]),
           'parties', jsonb_build_array(
               jsonb_build_object('role', 'exporter', 'name', 'Exporter ' || (n % 900), 'country', 'DE'),
               jsonb_build_object('role', 'consignee', 'name', 'Consignee ' || substr(h, 1, 8), 'country',
                   (ARRAY['FR', 'CN', 'AE', 'TR', 'IN', 'BR'])[1 + n % 6])),
           'items', jsonb_build_array(
               jsonb_build_object('seq', 1, 'hs_code', '281290', 'description', 'chemical products ' || substr(h, 1, 6)),
               jsonb_build_object('seq', 2, 'hs_code', '848180', 'description', 'valves'))),
       jsonb_build_object('reference', reference, 'verdict', CASE WHEN n % 100 < $ALERT_PCT THEN 'review' ELSE 'clear' END),
       CASE WHEN n % 100 < $ALERT_PCT THEN 'review' ELSE 'clear' END, 'v1', ts
  FROM g;
INSERT INTO items (declaration_id, seq, hs_code, description, created_at)
SELECT id, s, CASE s WHEN 1 THEN '281290' ELSE '848180' END,
       CASE s WHEN 1 THEN 'chemical products ' || substr(h, 1, 6) ELSE 'valves' END, ts
  FROM g, generate_series(1, 2) s;
CREATE TEMP TABLE ga AS
SELECT (lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7'
        || substr(h, 5, 3) || '9' || substr(h, 16, 15))::uuid AS aid, * FROM g
 WHERE n % 100 < $ALERT_PCT;
INSERT INTO alert_keys (id, declaration_id, created_at) SELECT aid, id, ts FROM ga;
INSERT INTO alerts (id, declaration_id, item_seq, severity, score, category, status,
                    list_version, hits, created_at, claimed_by, claimed_at, decision,
                    decided_by, decided_at, approved_by, fingerprint, entries)
SELECT aid, id, 1,
       (ARRAY['low', 'medium', 'medium', 'high', 'high', 'critical'])[1 + n % 6],
       40 + (n % 60),
       (ARRAY['chemical', 'nuclear', 'missile', 'biological', 'conventional', 'military', 'sanctions'])[1 + (n / 100) % 7],
       CASE WHEN ts < now() - interval '14 days' THEN
                 (ARRAY['released', 'false_positive', 'held', 'inspection_ordered'])[1 + (n / 100) % 4]
            WHEN n % 5 = 0 THEN 'claimed' ELSE 'open' END,
       'v1', jsonb_build_array(jsonb_build_object('list', 'cwc', 'entry', '2B4', 'category', 'chemical')), ts,
       CASE WHEN ts >= now() - interval '14 days' AND n % 5 = 0 THEN 'officer-a' END,
       CASE WHEN ts >= now() - interval '14 days' AND n % 5 = 0 THEN ts END,
       CASE WHEN ts < now() - interval '14 days' THEN
                 (ARRAY['released', 'false_positive', 'held', 'inspection_ordered'])[1 + (n / 100) % 4] END,
       CASE WHEN ts < now() - interval '14 days' THEN 'officer-b' END,
       CASE WHEN ts < now() - interval '14 days' THEN ts + interval '1 day' END,
       CASE WHEN ts < now() - interval '14 days' THEN 'supervisor-c' END,
       'fp-' || (n % 5000), ARRAY['cwc/2B4']
  FROM ga;
SQL
    say "generated $to of $N declarations ($(( $(date +%s) - t0 )) s)"
    from=$((to + 1))
done
psql_ -c "VACUUM ANALYZE" >/dev/null
gen_s=$(( $(date +%s) - t0 ))
counts=$(psql_ -F' ' -c "SELECT (SELECT count(*) FROM declarations), (SELECT count(*) FROM items), (SELECT count(*) FROM alerts), (SELECT count(*) FROM alerts WHERE status = 'open'), pg_size_pretty(pg_database_size(current_database()))")
read -r nd ni na nopen size <<<"$counts"
say "history: $nd declarations, $na alerts, $size, ${gen_s} s"

# ---- cordond and an officer -------------------------------------------------
mkdir -p "$work/rules"
cp "$top/tests/data/integration/rules-v1/"*.yaml "$work/rules/" || die "no rules"
TOK=$("$ctl" tokens create --role officer --name bench-officer) || die "token"
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# start NAME DSN: a cordond on a free port; sets $url
printf 'db_deadline: %s\n' "$DB_DEADLINE" >"$work/cordond.yaml"
start() {
    local port; port=$(free_port)
    url=http://127.0.0.1:$port
    "$cordond" --listen 127.0.0.1:"$port" -f "$work/cordond.yaml" --rules "$work/rules" --db "$2" \
        >"$work/$1.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 600); do
        curl -fs "$url/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    sed 's/^/#   /' "$work/$1.log" >&2
    die "cordond ($1) did not start"
}

# name|query string (cursor pages: the query string of the open queue)
cases="first page, every status|limit=50
open queue|status=open&limit=50
open + claimed|status=open,claimed&limit=50
open, category chemical|status=open&category=chemical&limit=50
open, severity critical|status=open&severity=critical&limit=50
open, submitter customs-3|status=open&submitter=customs-3&limit=50
open, text search|status=open&q=consignee%20ab&limit=50
open, cursor pages 2..RUNS+1|status=open&limit=50"

# get QUERY: one GET /v1/alerts; prints "seconds next_cursor"; fails
# unless it answers 200.
get() {
    curl -s -o "$work/page.json" -w '%{time_total} %{http_code}' -H "Authorization: Bearer $TOK" \
        "$url/v1/alerts?$1" >"$work/t" || return 1
    [ "$(cut -d' ' -f2 "$work/t")" = 200 ] || { echo "HTTP $(cut -d' ' -f2 "$work/t"): $(head -c 300 "$work/page.json")" >&2; return 1; }
    printf '%s %s\n' "$(cut -d' ' -f1 "$work/t")" \
        "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("next_cursor") or "")' "$work/page.json" 2>/dev/null)"
}

out=
if [ "$CHECK" != 1 ]; then
    start timed "$DSN"
    while IFS='|' read -r name qs; do
        : >"$work/lat"
        cursor=
        c0=$(date +%s)
        for _ in $(seq 1 "$RUNS"); do
            # A slow query stops at BUDGET seconds, with the runs it had.
            [ $(($(date +%s) - c0)) -lt "$BUDGET" ] || break
            q=$qs
            if [ "${name#*cursor}" != "$name" ]; then
                [ -n "$cursor" ] || { read -r _ cursor < <(get "$qs"); }
                [ -n "$cursor" ] || break
                q="$qs&cursor=$cursor"
            fi
            get "$q" >"$work/got" || die "GET /v1/alerts?$q failed"
            read -r t next <"$work/got"
            echo "$t" >>"$work/lat"
            cursor=$next
        done
        lat=$(awk '{print $1 * 1000}' "$work/lat" | sort -n | awk '
            { v[NR] = $1 } END { p50 = v[int(NR * 0.50 + 0.5)]; p99 = v[int(NR * 0.99 + 0.5)];
              printf "%.1f %.1f %.1f %d", p50, p99, v[NR], NR }')
        read -r p50 p99 max n <<<"$lat"
        out+="| $name | $n | $p50 | $p99 | $max |"$'\n'
        say "$name: p50 $p50 ms, p99 $p99 ms"
    done <<<"$cases"
    kill "${pids[-1]}" 2>/dev/null
fi

# ---- the plans: cordond's own queries under auto_explain ---------------------
log=$work/pg/server.log
# cordond sets its own connection options: the settings go on the database.
db=$(psql_ -c "SELECT current_database()")
for set in "session_preload_libraries = 'auto_explain'" "auto_explain.log_min_duration = 0" \
           "auto_explain.log_analyze = on" "auto_explain.log_timing = off"; do
    psql_ -c "ALTER DATABASE \"$db\" SET $set" >/dev/null || die "auto_explain: $set"
done
start explain "$DSN"
while IFS='|' read -r name qs; do
    if [ "${name#*cursor}" != "$name" ]; then
        # The tenth page of the open queue.
        q=$qs; cursor=
        for _ in 1 2 3 4 5 6 7 8 9; do
            read -r _ cursor < <(get "$q")
            [ -n "$cursor" ] || break
            q="$qs&cursor=$cursor"
        done
    else
        q=$qs
    fi
    sleep 0.2
    from_line=$(wc -l <"$log")
    get "$q" >/dev/null || die "GET /v1/alerts?$q failed"
    sleep 0.5
    # The plan of the queue query among what the server logged since.
    tail -n +"$((from_line + 1))" "$log" | python3 -c '
import re, sys
text = sys.stdin.read()
plans = re.split(r"\n(?=\S.*LOG:  duration: )", text)
for p in plans:
    if "ORDER BY a.priority DESC" in p and "FROM alerts a" in p:
        print(p.split("\n", 1)[1] if "\n" in p else p)
' >"$work/plan.$(echo "$name" | tr -c 'a-z0-9' _)"
done <<<"$cases"

# A plan passes when every alerts partition that holds rows is read through
# an index and the declarations are joined through an index.  A sequential
# scan that reads at most SEQ_ROWS rows passes (the planner rightly reads a
# small partition whole: the small history of CHECK=1 has months of a few
# hundred alerts).
explain_ok() {
    python3 -c '
import re, sys
lines = open(sys.argv[2]).read().splitlines()
bad = []
for i, l in enumerate(lines):
    m = re.search(r"Seq Scan on ((alerts|declarations)_\w+) .*actual rows=(\d+)", l)
    if not m:
        continue
    m2 = re.search(r"Rows Removed by Filter: (\d+)", " ".join(lines[i + 1:i + 3]))
    read = int(m.group(3)) + (int(m2.group(1)) if m2 else 0)
    if read > int(sys.argv[1]):
        bad.append("%s read whole (%d rows)" % (m.group(1), read))
text = "\n".join(lines)
if not re.search(r"Index (Only )?Scan( Backward)? using \w+ on alerts_\w+|Bitmap Index Scan on alerts_\w+", text):
    bad.append("alerts not read through an index")
if not re.search(r"Index (Only )?Scan using \w+ on declarations_\w+|Bitmap Index Scan on declarations_\w+", text):
    bad.append("declarations not joined through an index")
if not lines:
    bad.append("no plan logged")
print("; ".join(bad))
sys.exit(1 if bad else 0)' "$SEQ_ROWS" "$1"
}
fails=0
plans=
while IFS='|' read -r name qs; do
    f=$work/plan.$(echo "$name" | tr -c 'a-z0-9' _)
    if why=$(explain_ok "$f"); then verdict=index; else verdict="NOT INDEX: $why"; fails=$((fails + 1)); fi
    if [ "$CHECK" = 1 ]; then
        if [ "$verdict" = index ]; then echo "ok - queue plan index-backed: $name"
        else echo "not ok - queue plan index-backed: $name: $why"; sed 's/^/#   /' "$f" | head -60; fi
        continue
    fi
    plans+="## EXPLAIN (cordond's query, auto_explain): $name: $verdict"$'\n'
    plans+=$(sed 's/^/    /' "$f")$'\n'
done <<<"$cases"
if [ "$CHECK" = 1 ]; then
    [ "$fails" = 0 ]; exit
fi
printf '%s' "$plans"
echo
echo "history: $nd declarations, $ni items, $na alerts ($nopen open) over $MONTHS months, $size; generated in ${gen_s} s"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); GET /v1/alerts through cordond, one client, curl time_total"
echo
echo "| GET /v1/alerts (limit 50) | requests | p50 ms | p99 ms | max ms |"
echo "|---|---|---|---|---|"
printf '%s' "$out"
echo "plans: $(( $(echo "$cases" | wc -l) - fails )) of $(echo "$cases" | wc -l) index-backed"
