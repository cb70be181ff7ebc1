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

awk -F'\t' -v fs="$FLOOR_LEGAL_SWAP" -v fd="$FLOOR_LEGAL_DROP" \
    -v fa="$FLOOR_LEGAL_ADD" -v ceil="$CEIL_LEGAL_LOOK" -v misses="${1:-}" '
    FILENAME == ARGV[1] { hits[$1 "\t" $2] = $3; next }
    {
        n[$1]++; h = hits[$2 "\t" $5]; split(h, r, ",")
        found = 0
        for (i in r) if (r[i] == $3) found = 1
        if ($1 == "look") found = h != "-"
        ok[$1] += found
        if (misses == "--misses" && found == ($1 == "look"))
            printf "%s\t%s\t%s\t%s\t%s\n", $1, $3, $4, $5, h
    }
    END {
        s = ok["swap"] / n["swap"]; d = ok["drop"] / n["drop"]
        a = ok["add"] / n["add"]; l = ok["look"] / n["look"]
        printf "legal swap recall      %4d / %4d = %.3f (floor %.2f)\n", ok["swap"], n["swap"], s, fs
        printf "legal drop recall      %4d / %4d = %.3f (floor %.2f)\n", ok["drop"], n["drop"], d, fd
        printf "legal add recall       %4d / %4d = %.3f (floor %.2f)\n", ok["add"], n["add"], a, fa
        printf "legal look-alike hit   %4d / %4d = %.3f (ceiling %.2f)\n", ok["look"], n["look"], l, ceil
        exit (s < fs || d < fd || a < fa || l > ceil)
    }' "$work/out" "$work/cases.tsv"
