#!/usr/bin/env bash
# slavic.sh: Cordon's check of East Slavic given names written in another
# language's form (Sergei / Serhiy / Siarhei): individuals of the OFAC SDN
# list's Russian, Ukrainian and Belarusian programs, searched in the
# primary names alone (sdn.csv, no alt.csv) as the list's own a.k.a. with
# another given name form writes them, and with the given name rewritten
# by the Ukrainian and Belarusian sound rules (tests/names/slavic_cases.py,
# a fixed seed); each must find its subject.  Look-alikes (another listed
# person's given name before the same family name) must not.  Prints
# recall per kind and the look-alikes that found their subject, and exits
# 1 below a floor or above the ceiling.
#
# Usage: tests/names/slavic.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_SLAVIC_ALIAS, FLOOR_SLAVIC_RULE (recall
#   floors), CEIL_SLAVIC_LOOK (look-alike share ceiling), SEED.
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_SLAVIC_ALIAS=${FLOOR_SLAVIC_ALIAS:-0.95}
FLOOR_SLAVIC_RULE=${FLOOR_SLAVIC_RULE:-0.89}
CEIL_SLAVIC_LOOK=${CEIL_SLAVIC_LOOK:-0.02}

python3 "$top/tests/names/slavic_cases.py" ${SEED:+--seed "$SEED"} \
    "$ofac/sdn.csv" "$ofac/alt.csv" > "$work/cases.tsv"
cut -f4 "$work/cases.tsv" | sort -u |
    "$probe" "$ofac/sdn.csv" "$ofac/add.csv" > "$work/out"

awk -F'\t' -v fa="$FLOOR_SLAVIC_ALIAS" -v fr="$FLOOR_SLAVIC_RULE" \
    -v ceil="$CEIL_SLAVIC_LOOK" -v misses="${1:-}" '
    FILENAME == ARGV[1] { hits[$1] = $2; next }
    {
        n[$1]++; h = hits[$4]; split(h, r, ",")
        found = 0
        for (i in r) if (r[i] == $2) found = 1
        ok[$1] += found
        if (misses == "--misses" && found != ($1 != "look"))
            printf "%s\t%s\t%s\t%s\t%s\n", $1, $2, $3, $4, h
    }
    END {
        a = ok["alias"] / n["alias"]; ru = ok["rule"] / n["rule"]
        l = ok["look"] / n["look"]
        printf "slavic alias recall    %4d / %4d = %.3f (floor %.2f)\n", ok["alias"], n["alias"], a, fa
        printf "slavic rule recall     %4d / %4d = %.3f (floor %.2f)\n", ok["rule"], n["rule"], ru, fr
        printf "slavic look-alike hit  %4d / %4d = %.3f (ceiling %.2f)\n", ok["look"], n["look"], l, ceil
        exit (a < fa || ru < fr || l > ceil)
    }' "$work/out" "$work/cases.tsv"
