#!/usr/bin/env bash
# xalias.sh: Cordon's own-list spelling check, a second check of real
# transliterations beside xlist.sh.  The OFAC SDN list spells many
# individuals more than one way: each a.k.a. that shares a word with the
# primary name and is not the same name (tests/names/xalias_pairs.py) is
# searched in the primary names alone (sdn.csv, no alt.csv) and must find
# its subject.  Prints recall, each fixed half's (the parity of a hash of
# the ent_num), and the queries that also hit another subject; fails
# (exit 1) below the floor.
#
# Usage: tests/names/xalias.sh [--misses]
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe), FLOOR_XALIAS (recall floor), HALF (0 or 1:
#   --misses lists that half's only).
set -euo pipefail

. "$(dirname "$0")/common.sh"
FLOOR_XALIAS=${FLOOR_XALIAS:-0.59}

python3 "$top/tests/names/xalias_pairs.py" "$ofac/sdn.csv" "$ofac/alt.csv" \
    > "$work/pairs.tsv"
cut -f3 "$work/pairs.tsv" | sort -u |
    "$probe" "$ofac/sdn.csv" "$ofac/add.csv" > "$work/out"

awk -F'\t' -v floor="$FLOOR_XALIAS" -v misses="${1:-}" -v half="${HALF:-}" '
    FILENAME == ARGV[1] { hits[$1] = $2; next }
    {
        n++; hn[$4]++
        h = hits[$3]; split(h, r, ",")
        found = 0; other = 0
        for (i in r) { if (r[i] == $1) found = 1; else if (r[i] != "-") other = 1 }
        ok += found; wrong += other; hok[$4] += found
        if (misses == "--misses" && (!found || other) &&
            (half == "" || half == $4))
            printf "%s\t%s\t%s\t%s\t%s\n", (found ? "other" : "miss"), $1, $2, $3, h
    }
    END {
        printf "xalias   recall      %5d / %5d = %.3f (floor %.2f)\n", ok, n, ok / n, floor
        for (k = 0; k < 2; k++)
            printf "xalias    half %d     %5d / %5d = %.3f\n", k, hok[k], hn[k], hok[k] / hn[k]
        printf "xalias   other subject %4d / %5d = %.3f\n", wrong, n, wrong / n
        exit (ok / n < floor)
    }' "$work/out" "$work/pairs.tsv"
