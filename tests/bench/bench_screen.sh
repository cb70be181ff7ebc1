#!/usr/bin/env bash
# bench_screen.sh: offline screening speed, declarations per CPU-second of
# screening (the rules build is not counted; cordonctl screen --stats), on
# N synthetic declarations (tests/bench/gen_decls.py: 2-3 items, 2 parties)
#   1. with the shipped rules (goods lists and the UN consolidated list), and
#   2. with the OFAC SDN files (sdn.csv, alt.csv, add.csv) added.
# Each CORDONCTL given is measured in turn on the same input, REPEAT times,
# and the best run is printed next to all runs.  It prints figures, never a
# verdict.
#
# Usage: tests/bench/bench_screen.sh [CORDONCTL...]   (default: the tree's)
# Environment: N (20000), REPEAT (3), OFAC_DIR (directory holding sdn.csv,
#   alt.csv, add.csv; default ../shared/data/ofac-sdn next to the tree).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-20000}
REPEAT=${REPEAT:-3}
OFAC_DIR=${OFAC_DIR:-$top/../shared/data/ofac-sdn}
[ $# -gt 0 ] || set -- "$top/daemon/cordonctl"

work=$(mktemp -d "${TMPDIR:-/tmp}/cordon-screen.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 "$top/tests/bench/gen_decls.py" "$N" > "$work/decls.ndjson" ||
    { echo "bench_screen: generator failed" >&2; exit 1; }
cases="un"
if [ -f "$OFAC_DIR/sdn.csv" ]; then
    mkdir "$work/rules-ofac"
    cp -r "$top/rules/." "$work/rules-ofac/"
    cp "$OFAC_DIR/sdn.csv" "$OFAC_DIR/alt.csv" "$OFAC_DIR/add.csv" "$work/rules-ofac/"
    cases="un un+ofac"
else
    echo "# no OFAC files in $OFAC_DIR: UN list only" >&2
fi

echo "offline screening, $N declarations (2-3 items, 2 parties), best of $REPEAT"
printf '%-40s | %-8s | %10s | %s\n' "cordonctl" "lists" "decl/CPU-s" "runs"
for ctl in "$@"; do
    for c in $cases; do
        dir=$top/rules
        [ "$c" = un+ofac ] && dir=$work/rules-ofac
        runs=""
        best=0
        for _ in $(seq "$REPEAT"); do
            r=$("$ctl" screen --stats --rules "$dir" < "$work/decls.ndjson" 2>&1 >/dev/null |
                sed -n 's/.*: \([0-9]*\) per CPU-second.*/\1/p')
            [ -n "$r" ] || r=0
            runs="$runs $r"
            [ "$r" -gt "$best" ] && best=$r
        done
        printf '%-40s | %-8s | %10s | %s\n' "${ctl#$top/}" "$c" "$best" "${runs# }"
    done
done
