# tests/names/common.sh: the preamble every tests/names/*.sh check shares,
# sourced by each (never run): the tree's top, the shared data, the probe,
# the UN list and the OFAC SDN files, and a work directory that is removed
# on exit; it stops the check at once when the probe is not built or the
# OFAC SDN list is not there.  It sets no floor: each check keeps its own.
# Environment: DATA (../shared/data next to the tree), PROBE (another
#   build's name_probe, to compare before and after).
# Sets: me (the check's file name), top, DATA, probe, un, ofac, work.
me=$(basename "$0")
top=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${DATA:-$top/../shared/data}
probe=${PROBE:-$top/tests/names/name_probe}
un=$top/rules/un-sc-consolidated.xml
ofac=$DATA/ofac-sdn
work=$(mktemp -d "${TMPDIR:-/tmp}/cordon-${me%.sh}.XXXXXX")
trap 'rm -rf "$work"' EXIT

[ -x "$probe" ] || { echo "$me: build first (make)" >&2; exit 1; }
[ -f "$ofac/sdn.csv" ] || { echo "$me: no $ofac/sdn.csv" >&2; exit 1; }
