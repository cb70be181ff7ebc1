#!/bin/sh
# `cordonctl COMMAND [SUBCOMMAND] --help` (and -h) for every command and
# subcommand of cordonctl's table of commands: exit 0, on standard output
# and nothing on standard error, a usage line naming the command, an
# exit-status paragraph, lines that fit 80 columns.  The commands are read
# from `cordonctl --help`, which prints one synopsis per row of that table
# (daemon/cordonctl.c, commands[]), so a command added there is checked
# here without editing this file; and cordonctl(8) must describe each one
# and no other.
set -u
top=${TOP_BUILDDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
src=${TOP_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
ctl=${CORDONCTL:-$top/daemon/cordonctl}
man=${MAN_PAGE:-$src/daemon/cordonctl.8}
pass=0
nbad=0
ok() { pass=$((pass + 1)); }
bad() { printf 'not ok - %s\n' "$*"; nbad=$((nbad + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -x "$ctl" ] || { echo "not ok - $ctl not built"; echo "test_cordonctl_help: 0 passed, 1 failed"; exit 1; }

# check WORDS...: the help of `cordonctl WORDS` with --help and with -h.
check() {
	for flag in --help -h; do
		"$ctl" "$@" "$flag" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		first=$(head -1 "$tmp/out")
		if [ "$rc" != 0 ]; then
			bad "cordonctl $* $flag exits $rc: $(head -1 "$tmp/err")"
		elif [ -s "$tmp/err" ]; then
			bad "cordonctl $* $flag writes to standard error: $(head -1 "$tmp/err")"
		elif ! printf '%s\n' "$first" | grep -q "^usage: cordonctl \(\[[^]]*\] \)*$* *"; then
			bad "cordonctl $* $flag: no usage line naming it: $first"
		elif ! grep -q '^Exit status: [0-9]' "$tmp/out" && [ $# -gt 0 ]; then
			bad "cordonctl $* $flag: no exit status"
		elif awk 'length > 79 { exit 1 }' "$tmp/out"; then
			ok
		else
			bad "cordonctl $* $flag: a line longer than 79 columns"
		fi
	done
}

check
"$ctl" --help >"$tmp/usage" 2>/dev/null
# "usage: cordonctl [GLOBAL]... CMD [SUB] ARGS" and "       cordonctl ...":
# the command words, lowercase, before the first argument or option.
printf '%s\n' "cmd sub" >"$tmp/cmds"
sed -n 's/^\(usage:\|      \) cordonctl //p' "$tmp/usage" |
	sed 's/^\(\[[^]]*\] \)*//' |
	awk '$1 ~ /^[a-z][a-z-]*$/ {
		if ($2 ~ /^[a-z][a-z-]*$/) print $1, $2; else print $1
	}' | sort -u >"$tmp/cmds"
n=$(grep -c . "$tmp/cmds")
if [ "$n" -ge 20 ]; then ok; else bad "only $n commands read from cordonctl --help"; fi

# Each command alone, and each subcommand.
for c in $(awk '{ print $1 }' "$tmp/cmds" | sort -u); do
	check "$c"
done
while read -r c s; do
	[ -n "$s" ] && check "$c" "$s"
done <"$tmp/cmds"

# Help for what does not exist is a usage error, on standard error.
for words in "no-such-command" "alerts no-such-subcommand"; do
	# shellcheck disable=SC2086
	"$ctl" $words --help >"$tmp/out" 2>/dev/null
	rc=$?
	if [ "$rc" = 2 ] && [ ! -s "$tmp/out" ]; then ok; else bad "cordonctl $words --help exits $rc, not 2"; fi
done

# cordonctl(8) describes every command of the table (".It Cm CMD [SUB]"),
# and none that the table does not have.
sed -n 's/^\.It Cm \([a-z][a-z-]*\)\( \([a-z][a-z-]*\)\)\{0,1\}\( .*\)\{0,1\}$/\1 \3/p' "$man" |
	sed 's/ $//' | sort -u >"$tmp/man"
while read -r c s; do
	if grep -qx "$c${s:+ $s}" "$tmp/man"; then ok; else bad "cordonctl.8 has no \".It Cm $c${s:+ $s}\""; fi
done <"$tmp/cmds"
while read -r c s; do
	if grep -qx "$c${s:+ $s}" "$tmp/cmds"; then ok; else bad "cordonctl.8 describes \"$c${s:+ $s}\", which cordonctl does not have"; fi
done <"$tmp/man"

[ "$nbad" = 0 ] && echo "ok - $n commands with their --help: $(tr '\n' ',' <"$tmp/cmds" | sed 's/,$//')"
echo "test_cordonctl_help: $pass passed, $nbad failed"
[ "$nbad" = 0 ]
