#!/usr/bin/env bash
# check.sh: Cordon's name-matching generalisation check.  Generates
# distortions of UN and OFAC SDN listed names (tests/names/gen_cases.py, a
# fixed seed), and negatives from other sources (HMRC declaration parties,
# the BIS Denied Persons List), then reports recall per kind of
# distortion and false alerts: UN list alone, then UN + OFAC.  It prints
# figures, never a verdict.
#
# Usage: tests/names/check.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PER_KIND (120; 0:
#   every listed subject a kind applies to), SEED, EXCLUDE (a cases.tsv
#   whose listed subjects are left out of the sample), PROBE (another
#   build's name_probe, to compare before and after).
set -euo pipefail

. "$(dirname "$0")/common.sh"
PER_KIND=${PER_KIND:-120}
SEED=${SEED:-20261129}

ex=()
[ -n "${EXCLUDE:-}" ] && ex=(--exclude "$EXCLUDE")
python3 "$top/tests/names/gen_cases.py" --seed "$SEED" --per-kind "$PER_KIND" \
    "${ex[@]}" --sdn "$DATA/ofac-sdn/sdn.csv" "$top/rules/un-sc-consolidated.xml" \
    "$DATA/hmrc-cds-wco-declarations/declarations" "$DATA/bis-dpl/dpl.txt" \
    > "$work/cases.tsv"

awk -F'\t' '$3 != "ofac" { print $6 }' "$work/cases.tsv" | sort -u |
    "$probe" "$top/rules/un-sc-consolidated.xml" > "$work/un.out"
awk -F'\t' '$3 != "un" { print $6 }' "$work/cases.tsv" | sort -u |
    "$probe" "$top/rules/un-sc-consolidated.xml" "$DATA/ofac-sdn/sdn.csv" \
    "$DATA/ofac-sdn/alt.csv" "$DATA/ofac-sdn/add.csv" > "$work/ofac.out"
echo "== UN list: UN names distorted, negatives"
python3 "$top/tests/names/check.py" --list un "$work/cases.tsv" "$work/un.out" "$@"
echo "== UN + OFAC SDN: OFAC names distorted, negatives"
python3 "$top/tests/names/check.py" --list ofac "$work/cases.tsv" "$work/ofac.out" "$@"
