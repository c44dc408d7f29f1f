#!/usr/bin/env bash
# Hostile input for mysizer options: each kind must end, never crash, and give either what the
# server does (checked against my_print_defaults when it is installed) or a clear error with
# exit status 2. Run under the sanitizer build, a sanitizer report fails the test (exit 86).
#
# usage: hostile.sh MYSIZER KIND
set -uo pipefail
mysizer=$(realpath "$1") kind=$2
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86} UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=86}

work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
as_user=() # the command prefix that runs both tools as an unprivileged user

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# run_mysizer FILE [TARGET]: sets rc, out, err; a run over 30 s counts as a hang.
run_mysizer() {
	rc=0
	"${as_user[@]}" timeout 30 "$mysizer" options --target "${2:-mariadb-10.11}" "$1" \
		>"$work/out" 2>"$work/err" || rc=$?
	case $rc in
	124) fail "$1: mysizer did not finish within 30 s" ;;
	86) fail "$1: sanitizer report"; cat "$work/err" ;;
	esac
}

# expect FILE RC [MESSAGE]: mysizer exits RC and, when given, says MESSAGE on stderr.
expect() {
	run_mysizer "$1"
	[ "$rc" = "$2" ] || fail "$1: exit status $rc, expected $2"
	if [ -n "${3:-}" ] && ! grep -qF -- "$3" "$work/err"; then
		fail "$1: stderr does not say '$3'"
		head -5 "$work/err"
	fi
}

# like_server FILE: mysizer prints what my_print_defaults prints and agrees on failure.
like_server() {
	command -v my_print_defaults >/dev/null || return 0
	local oracle_rc=0
	"${as_user[@]}" timeout 30 my_print_defaults --defaults-file="$1" --mysqld \
		>"$work/oracle" 2>/dev/null || oracle_rc=$?
	run_mysizer "$1"
	cmp -s "$work/oracle" "$work/out" || fail "$1: stdout differs from my_print_defaults"
	[ $((oracle_rc == 0)) = $((rc == 0)) ] ||
		fail "$1: my_print_defaults exit $oracle_rc, mysizer exit $rc"
}

case $kind in
binary)
	cp "$(command -v ls)" ls.bin
	expect ls.bin 2 "option before the first [group] header"
	like_server ls.bin
	{ printf '[mysqld]\n'; cat ls.bin; } >tail.bin
	like_server tail.bin
	;;
nul-bytes)
	printf '[mysqld]\na=1\0junk\n\0\0\nb\0=2\n[mysql\0d]\n' >nul.cnf
	expect nul.cnf 2 "holds a NUL byte"
	like_server nul.cnf
	head -c 100000 /dev/zero >zeros.cnf
	expect zeros.cnf 0
	like_server zeros.cnf
	;;
long-line)
	{ printf '[mysqld]\nk='; head -c 10485760 /dev/zero | tr '\0' x; printf '\nz=1\n'; } >long.cnf
	expect long.cnf 0 "longer than 4094 bytes"
	[ "$(wc -l <"$work/out")" = 2563 ] || fail "long.cnf: expected 2563 options on MariaDB"
	like_server long.cnf
	run_mysizer long.cnf mysql-8.0
	[ "$rc" = 0 ] && [ "$(wc -c <"$work/out")" = $((10485760 + 11)) ] ||
		fail "long.cnf: MySQL 8.0 reads the line whole"
	;;
many-files)
	mkdir conf.d
	for i in $(seq 1 1000); do printf '[mysqld]\nfile_%d=%d\n' "$i" "$i" >"conf.d/$i.cnf"; done
	printf '[mysqld]\n!includedir conf.d\n' >my.cnf
	expect my.cnf 0
	[ "$(wc -l <"$work/out")" = 1000 ] || fail "my.cnf: expected 1000 options"
	[ "$(head -2 "$work/out" | tr '\n' ' ')" = "--file_1=1 --file_10=10 " ] ||
		fail "my.cnf: entries not in byte order"
	like_server my.cnf
	;;
include-cycle)
	printf '[mysqld]\na=1\n!include b.cnf\n' >a.cnf
	printf '[mysqld]\nb=1\n!include a.cnf\n' >b.cnf
	expect a.cnf 0 "nest deeper than 10 levels"
	[ "$(wc -l <"$work/out")" = 11 ] || fail "a.cnf: expected 11 options"
	like_server a.cnf
	;;
deep-chain)
	for i in $(seq 1 15); do printf '[mysqld]\nlevel=%d\n!include %d.cnf\n' "$i" $((i + 1)) >"$i.cnf"; done
	expect 1.cnf 0 "nest deeper than 10 levels"
	like_server 1.cnf
	;;
dangling-symlink)
	ln -s missing.cnf dangling.cnf
	expect dangling.cnf 2 "cannot open 'dangling.cnf'"
	like_server dangling.cnf
	mkdir conf.d && ln -s ../missing.cnf conf.d/a.cnf
	printf '[mysqld]\n!include dangling.cnf\n!includedir conf.d\nz=1\n' >my.cnf
	expect my.cnf 0 "cannot read 'conf.d/a.cnf'"
	like_server my.cnf
	;;
unreadable)
	# Root reads anything; the check runs the tools as an unprivileged user when it can.
	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null || { echo "skipped: running as root without setpriv"; exit 77; }
		as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
		chmod 755 "$work"
	fi
	printf '[mysqld]\nsecret=1\n' >closed.cnf && chmod 000 closed.cnf
	mkdir closed.d && printf '[mysqld]\nx=1\n' >closed.d/a.cnf && chmod 000 closed.d
	printf '[mysqld]\n!include closed.cnf\na=1\n' >inc.cnf
	printf '[mysqld]\n!includedir closed.d\na=1\n' >incdir.cnf
	chmod 644 inc.cnf incdir.cnf
	expect closed.cnf 2 "Permission denied"
	like_server closed.cnf
	expect inc.cnf 0 "cannot read 'closed.cnf': Permission denied"
	like_server inc.cnf
	expect incdir.cnf 2 "cannot read directory 'closed.d': Permission denied"
	like_server incdir.cnf
	;;
directory)
	mkdir d.cnf
	expect d.cnf 0 "is a directory"
	[ -s "$work/out" ] && fail "d.cnf: printed options"
	like_server d.cnf
	;;
fifo)
	# The server would wait on a pipe for ever; mysizer refuses it.
	mkfifo pipe.cnf
	expect pipe.cnf 2 "not a regular file"
	printf '[mysqld]\n!include pipe.cnf\n' >my.cnf
	expect my.cnf 2 "not a regular file"
	;;
huge-file)
	truncate -s 65M big.cnf
	expect big.cnf 2 "larger than 64 MiB"
	;;
*)
	echo "unknown kind '$kind'"
	exit 2
	;;
esac

[ "$failures" -eq 0 ] && echo "ok: $kind"
[ "$failures" -eq 0 ]
