#!/usr/bin/env bash
# forms.sh: Cordon's check of name forms that one rule of another language
# or romanisation writes (tests/names/forms_cases.py, a fixed seed): an
# "Abd Allah" word in another of its spellings (Abdelleh, Abdulla,
# Abdullahi), an East Slavic given name with one Ukrainian or Belarusian
# sound rule applied (Serhey, Piatr), a family name with the Belarusian
# ending for the Russian one or back (Ipatau / Ipatov).  SDN cases are
# searched in the SDN primary names alone (sdn.csv, no alt.csv), UN cases in
# the UN list alone; each must find its subject.  Look-alikes (Abd al- and
# another divine name; another listed given name before the rewritten
# family name) must not.  Prints recall per kind and the look-alikes that
# found their subject, and exits 1 below a floor or above the ceiling.
#
# Usage: tests/names/forms.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_ALLAH, FLOOR_SOUND, FLOOR_BELARUS (recall
#   floors), CEIL_FORMS_LOOK (look-alike share ceiling), SEED.
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_ALLAH=${FLOOR_ALLAH:-0.95}
FLOOR_SOUND=${FLOOR_SOUND:-0.93}
FLOOR_BELARUS=${FLOOR_BELARUS:-0.95}
CEIL_FORMS_LOOK=${CEIL_FORMS_LOOK:-0.02}

python3 "$top/tests/names/forms_cases.py" ${SEED:+--seed "$SEED"} \
    "$un" "$ofac/sdn.csv" > "$work/cases.tsv"
awk -F'\t' '$2 == "sdn" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$ofac/sdn.csv" "$ofac/add.csv" | sed 's/^/sdn\t/' > "$work/out"
awk -F'\t' '$2 == "un" { print $5 }' "$work/cases.tsv" | sort -u |
    "$probe" "$un" | sed 's/^/un\t/' >> "$work/out"

awk -F'\t' -v check=forms -v ceil="$CEIL_FORMS_LOOK" -v misses="${1:-}" \
    -v kinds="allah:$FLOOR_ALLAH sound:$FLOOR_SOUND belarus:$FLOOR_BELARUS" \
    -f "$top/tests/names/kinds.awk" "$work/out" "$work/cases.tsv"
