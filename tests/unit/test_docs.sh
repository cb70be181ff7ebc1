#!/bin/sh
# Every setting cordond reads (daemon/conf.c: the settings table, and the
# keys conf_load handles by name, such as webhooks) is documented where an
# administrator looks: in cordond.yaml(5) with its type, default, range and
# reload or restart, and in the commented example contrib/cordond.yaml.
# Neither may name a setting conf.c does not read.  Each failure names the
# setting.
set -u
src=${TOP_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
conf=${CONF_C:-$src/daemon/conf.c}
man=${MAN_PAGE:-$src/daemon/cordond.yaml.5}
example=${EXAMPLE_CONF:-$src/contrib/cordond.yaml}
pass=0
nbad=0
ok() { pass=$((pass + 1)); }
bad() { printf 'not ok - %s\n' "$*"; nbad=$((nbad + 1)); }

for f in "$conf" "$man" "$example"; do
	[ -r "$f" ] || { echo "not ok - cannot read $f"; echo "test_docs: 0 passed, 1 failed"; exit 1; }
done

# The table rows, S(name, TYPE, "default" or NULL, min, max, reloadable),
# as "name TYPE default min max reloadable" (the default without quotes).
table=$(sed -n 's/^[[:space:]]*S(\(.*\)),[[:space:]]*$/\1/p' "$conf" |
	awk -F, '{
		for (i = 1; i <= NF; i++) { gsub(/^[ \t]+|[ \t]+$/, "", $i) }
		gsub(/[ \t]+/, "", $4); gsub(/[ \t]+/, "", $5)
		gsub(/"/, "", $3)
		print $1, $2, $3, $4, $5, $6
	}')
rows=$(grep -c '^[[:space:]]*S(' "$conf")
nread=$(printf '%s\n' "$table" | grep -c .)
if [ "$nread" -lt 10 ] || [ "$nread" != "$rows" ]; then
	bad "read $nread settings from the $rows S(...) rows of $conf: the table's form changed, fix this test"
fi
# Keys conf_load handles before the table: strcmp(k->scalar, "NAME").
special=$(sed -n 's/.*strcmp(k->scalar, "\([a-z0-9_]*\)").*/\1/p' "$conf" | sort -u)

# The text of the man page entry ".It Ic NAME", up to the next .It or .El.
entry() {
	awk -v k=".It Ic $1" '$0 == k { on = 1; next } on && /^\.(It|El)( |$)/ { exit } on { print }' "$man"
}
# Its first line: "type; default D; range; reload|restart."
header() {
	entry "$1" | awk '/^\.br$/ { exit } { print }'
}

check_example() {
	if grep -Eq "^#? ?$1:" "$example"; then ok; else bad "$1: not in contrib/cordond.yaml"; fi
}

while read -r name type def min max rel; do
	[ -n "$name" ] || continue
	head=$(header "$name")
	if [ -z "$head" ]; then
		bad "$name: not in cordond.yaml.5"
	else
		ok
		case $def in
		NULL) want="default unset" ;;
		*) want="default \\fB$def\\fR" ;;
		esac
		if printf '%s\n' "$head" | grep -qF "$want"; then ok; else bad "$name: cordond.yaml.5 does not say $want"; fi
		if [ "$rel" = true ]; then word='\fIreload\fR'; else word='\fIrestart\fR'; fi
		if printf '%s\n' "$head" | grep -qF "$word"; then ok; else bad "$name: cordond.yaml.5 does not say $word"; fi
		case $type in
		CT_INT | CT_REAL)
			[ "$type" = CT_INT ] && tw=integer || tw=real
			lo=$(($(printf '%s' "$min" | sed 's/L//g')))
			hi=$(($(printf '%s' "$max" | sed 's/L//g')))
			if printf '%s\n' "$head" | grep -q "^$tw[ ;]" &&
			    printf '%s\n' "$head" | grep -qF "; $lo .. $hi;"; then
				ok
			else
				bad "$name: cordond.yaml.5 does not say \"$tw\" and the range $lo .. $hi"
			fi
			;;
		*)
			if printf '%s\n' "$head" | grep -Eq '^(integer|real)'; then
				bad "$name: a string setting documented as a number"
			else
				ok
			fi
			;;
		esac
	fi
	check_example "$name"
done <<EOT
$table
EOT

for name in $special; do
	if [ -n "$(header "$name")" ]; then ok; else bad "$name: not in cordond.yaml.5"; fi
	check_example "$name"
done

# Nothing documented that cordond does not read.
known=$(printf '%s\n' "$table" | awk '{ print $1 }'; printf '%s\n' "$special")
for k in $(sed -n 's/^\.It Ic \([a-z0-9_]*\)$/\1/p' "$man"); do
	# Endpoint keys of webhooks are listed inside its entry, not as .It.
	if printf '%s\n' "$known" | grep -qx "$k"; then ok; else bad "cordond.yaml.5 documents $k, which conf.c does not read"; fi
done
# Keys set, and keys commented out ("# db_file: ..."; only names with an
# underscore, so that prose such as "# delivery: ..." is not taken).
for k in $( (sed -n 's/^\([a-z][a-z0-9_]*\):.*/\1/p' "$example"
    sed -n 's/^# \{0,1\}\([a-z][a-z0-9]*_[a-z0-9_]*\):.*/\1/p' "$example") | sort -u); do
	if printf '%s\n' "$known" | grep -qx "$k"; then ok; else bad "contrib/cordond.yaml has $k, which conf.c does not read"; fi
done

[ "$nbad" = 0 ] && echo "ok - $nread settings and $(printf '%s\n' "$special" | grep -c .) lists documented in cordond.yaml.5 and contrib/cordond.yaml"
echo "test_docs: $pass passed, $nbad failed"
[ "$nbad" = 0 ]
