#!/usr/bin/env bash
# roman.sh: Cordon's check of listed names in another romanisation system
# (tests/names/roman_cases.py, a fixed seed): North Korean names of the UN
# and OFAC lists as Revised Romanization and the South write them (Pak /
# Park, Ri / Lee, Chol / Cheol, Song / Sung, Chol Su / Cheolsu),
# Indonesian and Malaysian names in the spelling before 1972 (Soeharto,
# Achmad, Djoko), family names of the OFAC Russian, Ukrainian and
# Belarusian programs with the Belarusian -ou for -ov (Ivanou).  SDN cases
# are searched in the SDN primary names alone (sdn.csv, no alt.csv), UN
# cases in the UN list alone; each must find its subject.  Look-alikes (a
# syllable's initial consonant replaced; the rewritten family name after
# another listed person's given name) must not.  Prints recall per kind and
# the look-alikes that found their subject, and exits 1 below a floor or
# above the ceiling.
#
# Usage: tests/names/roman.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_KOREAN, FLOOR_MALAY, FLOOR_BELARUS_OU (recall
#   floors), CEIL_ROMAN_LOOK (look-alike share ceiling), SEED.
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_KOREAN=${FLOOR_KOREAN:-0.93}
FLOOR_MALAY=${FLOOR_MALAY:-0.90}
FLOOR_BELARUS_OU=${FLOOR_BELARUS_OU:-0.95}
CEIL_ROMAN_LOOK=${CEIL_ROMAN_LOOK:-0.03}

python3 "$top/tests/names/roman_cases.py" ${SEED:+--seed "$SEED"} \
    --sdn "$ofac/sdn.csv" "$un" > "$work/cases.tsv"
awk -F'\t' '$2 == "sdn" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$ofac/sdn.csv" "$ofac/add.csv" | sed 's/^/sdn\t/' > "$work/out"
awk -F'\t' '$2 == "un" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$un" | sed 's/^/un\t/' >> "$work/out"

awk -F'\t' -v check=roman -v ceil="$CEIL_ROMAN_LOOK" -v misses="${1:-}" \
    -v kinds="korean:$FLOOR_KOREAN malay:$FLOOR_MALAY belarus:$FLOOR_BELARUS_OU" \
    -f "$top/tests/names/kinds.awk" "$work/out" "$work/cases.tsv"
