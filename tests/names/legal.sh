#!/usr/bin/env bash
# legal.sh: Cordon's check of legal forms written another way: each entity
# of the UN consolidated list and of the OFAC SDN primary names with its
# legal form written as another member of its group (OOO as Obshchestvo s
# ogranichennoy otvetstvennostyu or ООО, Co., Ltd. as Youxian Gongsi or
# 有限公司, A.S. as Anonim Sirketi), with it left out, and firms of the
# Russian, Iranian and North Korean programmes with one added
# (tests/names/legal_cases.py, a fixed seed), searched in their own list;
# each must find its subject.  Look-alikes (other sources' firms with a
# legal form of the lists added) are searched in both lists and must find
# nothing.  Prints recall per kind and the look-alikes' alerts, and exits
# 1 below a floor or above the ceiling.
#
# Usage: tests/names/legal.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_LEGAL_SWAP, FLOOR_LEGAL_DROP,
#   FLOOR_LEGAL_ADD (recall floors), CEIL_LEGAL_LOOK (look-alike alert
#   share ceiling), SEED.
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_LEGAL_SWAP=${FLOOR_LEGAL_SWAP:-0.97}
FLOOR_LEGAL_DROP=${FLOOR_LEGAL_DROP:-0.97}
FLOOR_LEGAL_ADD=${FLOOR_LEGAL_ADD:-0.97}
CEIL_LEGAL_LOOK=${CEIL_LEGAL_LOOK:-0.03}

neg=()
for f in "$DATA/hmrc-cds-wco-declarations/declarations" "$DATA/bis-dpl/dpl.txt" \
    "$DATA/us-csl/csl.csv"; do
    [ -e "$f" ] && neg+=("$f")
done
python3 "$top/tests/names/legal_cases.py" ${SEED:+--seed "$SEED"} \
    --sdn "$ofac/sdn.csv" "$un" "${neg[@]}" > "$work/cases.tsv"
awk -F'\t' '$2 == "un" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$un" | sed 's/^/un\t/' > "$work/out"
awk -F'\t' '$2 == "ofac" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$ofac/sdn.csv" "$ofac/add.csv" | sed 's/^/ofac\t/' >> "$work/out"
awk -F'\t' '$1 == "look" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$un" "$ofac/sdn.csv" "$ofac/alt.csv" "$ofac/add.csv" |
    sed 's/^/\t/' >> "$work/out"

awk -F'\t' -v check=legal -v ceil="$CEIL_LEGAL_LOOK" -v misses="${1:-}" \
    -v kinds="swap:$FLOOR_LEGAL_SWAP drop:$FLOOR_LEGAL_DROP add:$FLOOR_LEGAL_ADD" -v lookany=1 \
    -f "$top/tests/names/kinds.awk" "$work/out" "$work/cases.tsv"
