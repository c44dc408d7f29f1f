#!/usr/bin/env bash
# Golden test of one rule case, testdata/rules/<ID>-fires-<what>/ or <ID>-quiet-<what>/:
# mysizer check $(cat args) [my.cnf] must print expected.out and exit as expected.rc says;
# besides, a "fires" case must report its rule and a "quiet" case must not.
#
# usage: rule-case.sh MYSIZER CASE_DIR [--update]
set -euo pipefail
mysizer=$(realpath "$1") case_dir=$(realpath "$2") update=${3:-}
. "$(dirname "$0")/case-lib.sh"

name=$(basename "$case_dir")
id=${name%%-*}
kind=${name#*-}
kind=${kind%%-*}

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
prepare_case "$case_dir" "$scratch"
dir=$scratch/case
check_args "$case_dir"

rc=0
(cd "$dir" && HOME=$dir "$mysizer" check "${args[@]}" "${operand[@]}" >"$scratch/out" 2>"$scratch/err") || rc=$?
sed -i "s|$dir|\$CASE|g" "$scratch/out"

if [ "$update" = --update ]; then
	cp "$scratch/out" "$case_dir/expected.out"
	echo "$rc" >"$case_dir/expected.rc"
	exit 0
fi

status=0
case $kind in
fires) grep -q "\[$id\]\$" "$scratch/out" || { echo "$id does not fire"; status=1; } ;;
quiet) ! grep -q "\[$id\]\$" "$scratch/out" || { echo "$id fires"; status=1; } ;;
*) echo "case name '$name' is neither <ID>-fires-... nor <ID>-quiet-..."; exit 1 ;;
esac
same_as_golden "$scratch/out" "$case_dir/expected.out" stdout || status=1
want_rc=$(cat "$case_dir/expected.rc")
[ "$rc" = "$want_rc" ] || { echo "exit status $rc, expected $want_rc"; cat "$scratch/err"; status=1; }
exit $status
