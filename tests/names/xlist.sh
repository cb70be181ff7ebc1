#!/usr/bin/env bash
# xlist.sh: Cordon's cross-list name check.  The same subjects as the UN
# consolidated list and the OFAC SDN list each romanise them, linked by a
# passport or identity document number both records carry
# (tests/names/xlist_pairs.py): each UN name or alias is searched in the
# OFAC list alone and must find the linked OFAC record, each OFAC name or
# alias ("First LAST") in the UN list alone and must find the UN record.
# Only names the two lists spell differently are asked.  Real
# transliterations, not the distortions tests/names/check.sh makes itself.
# Prints recall per direction, the queries that also hit another listed
# subject (an alert on the wrong subject, or the same subject listed
# twice), and fails (exit 1) if a recall falls below its floor.  The
# subjects are split in two fixed halves (xlist_pairs.py: the parity of a
# hash of the linking document number), each half's recall printed too:
# develop on one half, check on the other.
#
# Usage: tests/names/xlist.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_UN2OFAC, FLOOR_OFAC2UN (recall floors),
#   HALF (0 or 1: --misses lists that half's only).
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_UN2OFAC=${FLOOR_UN2OFAC:-0.58}
FLOOR_OFAC2UN=${FLOOR_OFAC2UN:-0.77}

python3 "$top/tests/names/xlist_pairs.py" "$un" "$ofac/sdn.csv" \
    "$ofac/alt.csv" > "$work/pairs.tsv"
awk -F'\t' '$1 == "un2ofac" { print $4 }' "$work/pairs.tsv" | sort -u |
    "$probe" "$ofac/sdn.csv" "$ofac/alt.csv" "$ofac/add.csv" > "$work/un2ofac.out"
awk -F'\t' '$1 == "ofac2un" { print $4 }' "$work/pairs.tsv" | sort -u |
    "$probe" "$un" > "$work/ofac2un.out"

rc=0
for dir in un2ofac ofac2un; do
    floor=FLOOR_${dir^^}
    awk -F'\t' -v dir="$dir" -v floor="${!floor}" -v misses="${1:-}" \
        -v half="${HALF:-}" '
        FILENAME == ARGV[1] { hits[$1] = $2; next }
        $1 == dir {
            n++; hn[$5]++
            h = hits[$4]; split(h, r, ",")
            found = 0; other = 0
            for (i in r) { if (r[i] == $2) found = 1; else if (r[i] != "-") other = 1 }
            ok += found; wrong += other; hok[$5] += found
            if (misses == "--misses" && (!found || other) &&
                (half == "" || half == $5))
                printf "%s\t%s\t%s\t%s\t%s\n", (found ? "other" : "miss"), $2, $3, $4, h
        }
        END {
            printf "%-8s recall       %4d / %4d = %.3f (floor %.2f)\n", dir, ok, n, ok / n, floor
            for (k = 0; k < 2; k++)
                printf "%-8s  half %d      %4d / %4d = %.3f\n", dir, k, hok[k], hn[k], hok[k] / hn[k]
            printf "%-8s other subject %3d / %4d = %.3f\n", dir, wrong, n, wrong / n
            exit (ok / n < floor)
        }' "$work/$dir.out" "$work/pairs.tsv" || rc=1
done
exit $rc
