#!/usr/bin/env bash
# ocr.sh: Cordon's check of names as scanning and typing misread them:
# each listed name (UN consolidated list, OFAC SDN primary names) with an
# O, l or I in a word written as 0 or 1 (tests/names/ocr_cases.py, a fixed
# seed), searched in its own list; it must find its subject.  Prints
# recall per list and the queries whose best hit is another subject, and
# exits 1 below the floor.
#
# Usage: tests/names/ocr.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_OCR (recall floor), SEED.
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_OCR=${FLOOR_OCR:-0.98}

python3 "$top/tests/names/ocr_cases.py" ${SEED:+--seed "$SEED"} \
    --sdn "$ofac/sdn.csv" "$un" > "$work/cases.tsv"
awk -F'\t' '$1 == "un" { print $4 }' "$work/cases.tsv" |
    "$probe" "$un" > "$work/un.out"
awk -F'\t' '$1 == "ofac" { print $4 }' "$work/cases.tsv" |
    "$probe" "$ofac/sdn.csv" "$ofac/add.csv" > "$work/ofac.out"
cat "$work/un.out" "$work/ofac.out" > "$work/all.out"

awk -F'\t' -v floor="$FLOOR_OCR" -v misses="${1:-}" '
    FILENAME == ARGV[1] { hits[$1] = $2; next }
    {
        n[$1]++; h = hits[$4]; split(h, r, ",")
        found = 0
        for (i in r) if (r[i] == $2) found = 1
        ok[$1] += found
        if (h != "-" && r[1] != $2) other[$1]++
        if (misses == "--misses" && (!found || r[1] != $2))
            printf "%s\t%s\t%s\t%s\t%s\n", (found ? "other" : "miss"), $2, $3, $4, h
    }
    END {
        for (l in n) {
            printf "ocr %-5s recall       %5d / %5d = %.3f\n", l, ok[l], n[l], ok[l] / n[l]
            printf "ocr %-5s other first  %5d / %5d = %.3f\n", l, other[l], n[l], other[l] / n[l]
            tok += ok[l]; tn += n[l]
        }
        printf "ocr all   recall       %5d / %5d = %.3f (floor %.2f)\n", tok, tn, tok / tn, floor
        exit (tok / tn < floor)
    }' "$work/all.out" "$work/cases.tsv"
