# tests/names/kinds.awk: the scoring the kind checks share (forms.sh,
# roman.sh, legal.sh).  Reads first the probe's answers ("list-tag \t
# query \t refs ...", the tag the list the query was searched in), then
# the cases ("kind \t list-tag \t ref \t listed \t query"), and counts per
# kind the queries whose hits hold their subject.  A kind whose name
# starts with "look" is a look-alike, which must find nothing: it counts
# when it hits its listed twin, or anything at all with lookany=1.
# Prints, per kind of <kinds> ("kind:floor ..."), "<check> <kind> recall"
# with its floor, then "<check> look-alike hit" with <ceil>; exits 1 when
# a kind is under its floor or the look-alikes over the ceiling.  With
# misses=--misses, first lists every case that went the wrong way.
# Variables: check, kinds, ceil, misses, lookany.
FILENAME == ARGV[1] { hits[$1 "\t" $2] = $3; next }
{
    look = $1 ~ /^look/
    k = look ? "look" : $1
    n[k]++; h = hits[$2 "\t" $5]; split(h, r, ",")
    found = 0
    for (i in r) if (r[i] == $3) found = 1
    if (look && lookany) found = h != "-"
    ok[k] += found
    if (misses == "--misses" && found == look)
        printf "%s\t%s\t%s\t%s\t%s\n", $1, $3, $4, $5, h
}
function rate(k) { return n[k] ? ok[k] / n[k] : 0 }
END {
    bad = 0
    nk = split(kinds, kf, " ")
    for (j = 1; j <= nk; j++) {
        split(kf[j], p, ":")
        printf "%-23s%4d / %4d = %.3f (floor %.2f)\n", check " " p[1] " recall",
            ok[p[1]], n[p[1]], rate(p[1]), p[2]
        if (rate(p[1]) < p[2]) bad = 1
    }
    printf "%-23s%4d / %4d = %.3f (ceiling %.2f)\n", check " look-alike hit",
        ok["look"], n["look"], rate("look"), ceil
    exit (bad || rate("look") > ceil)
}
