#!/usr/bin/env bash
# Test of one deployment-input case, testdata/deploy/<name>/: mysizer check $(cat args) run in
# the case folder must print expected.out (when the case has one) and expected.err, and exit
# as expected.rc says. Malformed inputs must be refused with file:line and exit status 2.
#
# usage: deploy-case.sh MYSIZER CASE_DIR [--update]
set -euo pipefail
mysizer=$(realpath "$1") case_dir=$(realpath "$2") update=${3:-}
. "$(dirname "$0")/case-lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
prepare_case "$case_dir" "$scratch"
dir=$scratch/case
read -r -a args <"$case_dir/args"

rc=0
(cd "$dir" && "$mysizer" check --cpus 2 "${args[@]}" >"$scratch/out" 2>"$scratch/err") || rc=$?

if [ "$update" = --update ]; then
	cp "$scratch/err" "$case_dir/expected.err"
	if [ -s "$scratch/out" ]; then cp "$scratch/out" "$case_dir/expected.out"; else rm -f "$case_dir/expected.out"; fi
	echo "$rc" >"$case_dir/expected.rc"
	exit 0
fi

status=0
for stream in out err; do
	want=$case_dir/expected.$stream
	[ -f "$want" ] || want=/dev/null
	if ! cmp -s "$scratch/$stream" "$want"; then
		echo "std$stream differs from $(basename "$want"):"
		diff -a "$want" "$scratch/$stream" | head -20 || true
		status=1
	fi
done
want_rc=$(cat "$case_dir/expected.rc")
[ "$rc" = "$want_rc" ] || { echo "exit status $rc, expected $want_rc"; status=1; }
exit $status
