#!/usr/bin/env bash
# migrate_data.sh: a new migration applied to a database that already holds
# data stored by the previous release, and everything still readable and
# linked afterwards.
#
# BEFORE is a built Cordon tree at the previous schema (e.g. a worktree of
# main).  Its cordonctl migrates a private PostgreSQL with its own schemas,
# its cordond stores declarations (flagged and clear), amendments (a
# claimed alert carried over to the next version), decisions, notes, a
# re-screening on a new list version, and outbox events.  Every
# declaration and alert is read through the API and kept.  Then this tree's
# cordonctl applies the migrations BEFORE does not have, this tree's
# cordond reads everything again, and the script compares: same answers,
# same links (previous_alert_id, supersedes, events, audit), replays answer
# the stored result, and a new amendment of a migrated reference carries
# the claim over.  It prints "ok - ..." / "not ok - ..." and a summary.
#
# Usage: BEFORE=/path/to/built/tree tests/integration/migrate_data.sh
# Environment: KEEP_WORK=1 keeps the work directory.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
BEFORE=${BEFORE:?BEFORE=a built Cordon tree at the previous schema}
BEFORE=$(cd "$BEFORE" && pwd)
for b in "$BEFORE/daemon/cordond" "$BEFORE/daemon/cordonctl" "$top/daemon/cordond" "$top/daemon/cordonctl"; do
    [ -x "$b" ] || { echo "migrate_data: $b not built" >&2; exit 1; }
done
data=$top/tests/data/integration

if [ "$(id -u)" = 0 ]; then
    work=$(mktemp -d /var/tmp/cordon-migrate.XXXXXX)
    chmod 755 "$work"
else
    work=$(mktemp -d)
fi
pgdir=$work/pg
dpid=
cleanup() {
    [ -n "$dpid" ] && kill "$dpid" 2>/dev/null
    wait 2>/dev/null
    "$top/contrib/pg-private" "$pgdir" stop >/dev/null 2>&1
    if [ "${KEEP_WORK:-0}" = 1 ]; then echo "# work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

DSN=$("$top/contrib/pg-private" "$pgdir" start) || { echo "not ok - start PostgreSQL"; exit 1; }
export CORDON_DB=$DSN
PSQL=(/usr/lib/postgresql/15/bin/psql "$DSN" -Atq)
[ "$(id -u)" = 0 ] && PSQL=(runuser -u postgres -- "${PSQL[@]}")
sql() { "${PSQL[@]}" -c "$1"; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# start BINARY: cordond on a free port, $url set once /healthz answers.
start() {
    local port; port=$(free_port)
    url=http://127.0.0.1:$port
    "$1" --listen 127.0.0.1:"$port" --db "$DSN" >>"$work/cordond.log" 2>&1 &
    dpid=$!
    for _ in $(seq 1 600); do
        curl -fs "$url/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "not ok - cordond ($1) did not start"; tail -5 "$work/cordond.log"
    exit 1
}
stop() {
    kill -TERM "$dpid" 2>/dev/null
    for _ in $(seq 1 300); do kill -0 "$dpid" 2>/dev/null || break; sleep 0.1; done
    dpid=
}

# ---- the previous release stores its data --------------------------------
mkdir "$work/schemas-before"
cp "$BEFORE"/schemas/[0-9]*.sql "$work/schemas-before/"
"$BEFORE/daemon/cordonctl" db migrate --schemas "$work/schemas-before" >"$work/migrate-before.log" 2>&1 ||
    { echo "not ok - BEFORE's migrations"; cat "$work/migrate-before.log"; exit 1; }
before_last=$(ls "$work/schemas-before" | sort | tail -1)
v1=$("$BEFORE/daemon/cordonctl" lists import "$data/rules-v1" 2>/dev/null)
v2=$("$BEFORE/daemon/cordonctl" lists import "$data/rules-v2" 2>/dev/null)
"$BEFORE/daemon/cordonctl" lists activate "$v1" >/dev/null 2>&1
SUB=$("$BEFORE/daemon/cordonctl" tokens create --role submitter --name mig-submitter 2>/dev/null)
OFF=$("$BEFORE/daemon/cordonctl" tokens create --role officer --name mig-officer 2>/dev/null)
export SUB OFF
start "$BEFORE/daemon/cordond"
echo "# BEFORE ($BEFORE, schema up to $before_last) stores the data"
python3 "$top/tests/integration/migrate_data.py" store "$url" "$work/state.json" || { echo "not ok - storing with BEFORE"; exit 1; }
# A re-screening on a new list version: alerts with origin 'rescreen'.
"$BEFORE/daemon/cordonctl" lists activate "$v2" >/dev/null 2>&1
for _ in $(seq 1 600); do
    [ "$(sql "SELECT count(*) FROM rescreen_runs WHERE version = '$v2' AND status = 'finished'" 2>/dev/null)" = 1 ] && break
    sleep 0.2
done
python3 "$top/tests/integration/migrate_data.py" read "$url" "$work/state.json" "$work/before.json" || { echo "not ok - reading with BEFORE"; exit 1; }
stop
counts() {
    sql "SELECT (SELECT count(*) FROM declarations) || ' ' || (SELECT count(*) FROM items) || ' ' ||
        (SELECT count(*) FROM alerts) || ' ' || (SELECT count(*) FROM events) || ' ' ||
        (SELECT count(*) FROM audit) || ' ' || (SELECT count(*) FROM alerts WHERE previous_alert_id IS NOT NULL) || ' ' ||
        (SELECT count(*) FROM declarations WHERE supersedes IS NOT NULL) || ' ' ||
        (SELECT count(*) FROM alerts WHERE decision IS NOT NULL)"
}
c0=$(counts)
echo "# stored: declarations items alerts events audit linked-alerts amendments decided = $c0"

# ---- this tree's migrations ------------------------------------------------
"$top/daemon/cordonctl" db migrate --schemas "$top/schemas" >"$work/migrate.log" 2>&1
rc=$?
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
notok() { echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; fail=$((fail + 1)); }
[ "$rc" = 0 ] && ok "db migrate applies $(grep -c '^applied' "$work/migrate.log") migration(s) on the data: $(sed -n 's/^applied //p' "$work/migrate.log" | tr '\n' ' ')" ||
    notok "db migrate on the data" "$(cat "$work/migrate.log")"
c1=$(counts)
[ "$c0" = "$c1" ] && ok "the same rows, links and decisions after the migration ($c1)" || notok "rows after the migration" "before $c0, after $c1"
"$top/daemon/cordonctl" audit verify >"$work/verify.log" 2>&1 && ok "the audit trail verifies" || notok "audit verify" "$(cat "$work/verify.log")"
# 0015: declarations.alerted says which declarations have alerts (the search index holds only those), and
# every declaration and alert keeps its exact key row; after the migration and after new writes.
flags_keys() {
    sql "SELECT (SELECT count(*) FROM declarations d
                  WHERE d.alerted IS DISTINCT FROM EXISTS (SELECT 1 FROM alerts a WHERE a.declaration_id = d.id))
        || ' ' || (SELECT count(*) FROM declarations d WHERE NOT EXISTS (SELECT 1 FROM declaration_keys k
                  WHERE (k.id, k.submitter, k.reference, k.version, k.created_at)
                      = (d.id, d.submitter, d.reference, d.version, d.created_at)))
        || ' ' || (SELECT count(*) FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM alert_keys k
                  WHERE (k.id, k.declaration_id, k.created_at) = (a.id, a.declaration_id, a.created_at)))
        || ' ' || (SELECT count(*) FROM declarations WHERE alerted)
        || ' ' || (SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'declarations_search%'
                  AND indexdef NOT LIKE '%WHERE%alerted%')"
}
fk=$(flags_keys)
[ "${fk% * *}" = "0 0 0" ] && [ "$(cut -d' ' -f4 <<<"$fk")" -gt 0 ] && [ "${fk##* }" = 0 ] &&
    ok "declarations with alerts flagged alerted (only they are in the search index); key rows exact ($fk)" ||
    notok "alerted flags and key rows after the migration" "mismatched flags, missing keys, missing alerts, flagged, unfiltered indexes: $fk"
# 0017: the search text is stored by cordond for new rows; migrated rows keep it NULL and are found through
# cordon_search_text(), by the same index.
search_check() { # the search index finds every alerted declaration by its reference; rows whose search_text
    # differs from cordon_search_text(); rows with a stored search_text
    sql "SET enable_seqscan = off; SET enable_bitmapscan = on;
        SELECT (SELECT count(*) FROM declarations d WHERE d.alerted AND NOT EXISTS (SELECT 1 FROM declarations x
                  WHERE x.alerted AND coalesce(x.search_text, cordon_search_text(x.reference, x.body))
                      ILIKE '%' || d.reference || '%' AND x.id = d.id))
        || ' ' || (SELECT count(*) FROM declarations WHERE search_text IS DISTINCT FROM cordon_search_text(reference, body)
                  AND search_text IS NOT NULL)
        || ' ' || (SELECT count(*) FROM declarations WHERE search_text IS NOT NULL)" | tail -1
}
st=$(search_check)
# 0019: migrated rows have no search keys and are in the trigram index, which holds only rows without keys.
plan=$(sql "SET enable_seqscan = off; EXPLAIN SELECT 1 FROM declarations d WHERE d.alerted AND d.search_keys IS NULL
    AND coalesce(d.search_text, cordon_search_text(d.reference, d.body)) ILIKE '%korea%'")
keys0=$(sql "SELECT count(*) FROM declarations WHERE search_keys IS NOT NULL")
# A BEFORE tree that has 0017 itself stored the search text with its rows: they keep it, and it must be exact
# (none mismatched); before 0017 every migrated row has none.
if [ -f "$BEFORE/schemas/0017_search_text.sql" ]; then st_want='0 0 [1-9][0-9]*'; else st_want='0 0 0'; fi
[[ "$st" =~ ^${st_want}$ ]] && grep -q declarations_search <<<"$plan" && [ "$keys0" = 0 ] &&
    ok "migrated declarations keep their search_text (NULL before 0017) and the search index finds every alerted one ($st)" ||
    notok "search text after the migration" "unfound, mismatched, filled: $st; keyed: $keys0; $plan"
start "$top/daemon/cordond"
python3 "$top/tests/integration/migrate_data.py" read "$url" "$work/state.json" "$work/after.json" &&
    python3 "$top/tests/integration/migrate_data.py" compare "$work/before.json" "$work/after.json" &&
    ok "every declaration and alert reads the same through the API" || notok "reads after the migration"
out=$(python3 "$top/tests/integration/migrate_data.py" after "$url" "$work/state.json" 2>&1) &&
    ok "replays, a new amendment of a migrated reference (its claim carried over) and new declarations work" ||
    notok "writes after the migration" "$out"
stop
bad=$(sql "SELECT (SELECT count(*) FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM declarations d WHERE d.id = a.declaration_id))
    + (SELECT count(*) FROM alerts a WHERE a.previous_alert_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alerts p WHERE p.id = a.previous_alert_id))
    + (SELECT count(*) FROM declarations d WHERE d.supersedes IS NOT NULL AND NOT EXISTS (SELECT 1 FROM declarations p WHERE p.id = d.supersedes))
    + (SELECT count(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM declarations d WHERE d.id = i.declaration_id AND d.created_at = i.created_at))
    + (SELECT count(*) FROM events e WHERE e.declaration_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM declarations d WHERE d.id = e.declaration_id))")
[ "$bad" = 0 ] && ok "every alert, item, amendment and event still links to a stored row (items in their declaration's month)" ||
    notok "links after the migration" "$bad dangling"
fk=$(flags_keys)
[ "${fk% * *}" = "0 0 0" ] && [ "${fk##* }" = 0 ] && ok "alerted flags and key rows exact after new writes ($fk)" ||
    notok "alerted flags and key rows after new writes" "$fk"
st=$(search_check)
[ "${st% *}" = "0 0" ] && [ "${st##* }" -gt 0 ] &&
    ok "new declarations store the search text cordon_search_text() gives; all still found ($st)" ||
    notok "search text after new writes" "unfound, mismatched, filled: $st"
# 0019: the new flagged declarations carry their search keys; no clear one does.
keys1=$(sql "SELECT count(*) FILTER (WHERE search_keys IS NOT NULL AND alerted) || ' ' ||
    count(*) FILTER (WHERE search_keys IS NOT NULL AND NOT alerted) FROM declarations")
[ "${keys1%% *}" -gt 0 ] && [ "${keys1##* }" = 0 ] &&
    ok "new flagged declarations are stored with search keys, clear ones without ($keys1)" ||
    notok "search keys after new writes" "flagged keyed, clear keyed: $keys1"
"$top/daemon/cordonctl" audit verify >"$work/verify.log" 2>&1 && ok "the audit trail verifies after new writes" || notok "audit verify after writes" "$(cat "$work/verify.log")"
echo "migrate_data: $pass passed, $fail failed"
[ "$fail" = 0 ]
