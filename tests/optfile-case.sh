#!/usr/bin/env bash
# Golden test of one option-file case: mysizer options --target mariadb-10.11 on the case's
# my.cnf must print expected.out, exit as expected.rc says, and say expected.err on stderr
# (with the scratch directory written as $CASE).
#
# usage: optfile-case.sh MYSIZER CASE_DIR [--update-err]
set -euo pipefail
mysizer=$(realpath "$1") case_dir=$2 update=${3:-}
. "$(dirname "$0")/case-lib.sh"

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
prepare_case "$case_dir" "$scratch"
dir=$scratch/case

rc=0
(cd "$dir" && HOME=$dir "$mysizer" options --target mariadb-10.11 my.cnf \
	>"$scratch/out" 2>"$scratch/err.raw") || rc=$?
sed "s|$dir|\$CASE|g" "$scratch/err.raw" >"$scratch/err"

if [ "$update" = --update-err ]; then
	cp "$scratch/err" "$case_dir/expected.err"
	exit 0
fi

status=0
if ! cmp -s "$scratch/out" "$case_dir/expected.out"; then
	echo "stdout differs from expected.out:"
	diff -a "$case_dir/expected.out" "$scratch/out" | head -20 || true
	status=1
fi
want_rc=$(cat "$case_dir/expected.rc")
if [ "$rc" != "$want_rc" ]; then
	echo "exit status $rc, expected $want_rc"
	status=1
fi
if ! cmp -s "$scratch/err" "$case_dir/expected.err"; then
	echo "stderr differs from expected.err:"
	diff -a "$case_dir/expected.err" "$scratch/err" | head -20 || true
	status=1
fi
exit $status
