#!/usr/bin/env bash
# vowels.sh: Cordon's check of names romanised with other short vowels
# (Saleh / Salih, Mohammed / Muhammad): each listed individual of Arabic-
# script origin (UN consolidated list, OFAC SDN primary names) with every
# word of four letters or more spelled with another short vowel
# (tests/names/vowel_cases.py, a fixed seed), searched in its own list; it
# must find its subject.  Look-alikes (the same variant with a consonant
# of each word replaced: another name) must not, and names of other
# sources varied the same way are counted as false alerts (UN + OFAC
# loaded).  Prints recall, the look-alikes that found their subject, the
# false alerts, and exits 1 below the recall floor or above the look-alike
# ceiling.
#
# Usage: tests/names/vowels.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_VOWELS (recall floor), CEIL_VOWELS_LOOK
#   (look-alike share ceiling), SEED.
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_VOWELS=${FLOOR_VOWELS:-0.94}
CEIL_VOWELS_LOOK=${CEIL_VOWELS_LOOK:-0.02}

neg=()
for f in "$DATA/hmrc-cds-wco-declarations/declarations" "$DATA/bis-dpl/dpl.txt"; do
    [ -e "$f" ] && neg+=("$f")
done
python3 "$top/tests/names/vowel_cases.py" ${SEED:+--seed "$SEED"} \
    --sdn "$ofac/sdn.csv" "$un" "${neg[@]}" > "$work/cases.tsv"
awk -F'\t' '$2 == "un" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$un" > "$work/un.out"
awk -F'\t' '$2 == "ofac" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$ofac/sdn.csv" "$ofac/add.csv" > "$work/ofac.out"
awk -F'\t' '$1 == "neg" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$un" "$ofac/sdn.csv" "$ofac/add.csv" > "$work/neg.out"

awk -F'\t' -v floor="$FLOOR_VOWELS" -v ceil="$CEIL_VOWELS_LOOK" \
    -v misses="${1:-}" '
    FILENAME ~ /un.out$/ { hits["un", $1] = $2; next }
    FILENAME ~ /ofac.out$/ { hits["ofac", $1] = $2; next }
    FILENAME ~ /neg.out$/ { hits["", $1] = $2; next }
    {
        n[$1]++; h = hits[$2, $5]; split(h, r, ",")
        found = 0
        for (i in r) if (r[i] == $3) found = 1
        if ($1 == "neg") found = h != "-"
        ok[$1] += found
        if (misses == "--misses" && found != ($1 == "pos"))
            printf "%s\t%s\t%s\t%s\t%s\n", $1, $3, $4, $5, h
    }
    END {
        rec = ok["pos"] / n["pos"]; look = ok["look"] / n["look"]
        printf "vowels recall         %5d / %5d = %.3f (floor %.2f)\n", ok["pos"], n["pos"], rec, floor
        printf "vowels look-alike hit %5d / %5d = %.3f (ceiling %.2f)\n", ok["look"], n["look"], look, ceil
        printf "vowels other-source   %5d / %5d = %.3f\n", ok["neg"], n["neg"], n["neg"] ? ok["neg"] / n["neg"] : 0
        exit (rec < floor || look > ceil)
    }' "$work/un.out" "$work/ofac.out" "$work/neg.out" "$work/cases.tsv"
