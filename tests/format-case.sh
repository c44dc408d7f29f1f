#!/usr/bin/env bash
# Golden test of one report case, testdata/formats/<name>/, in every format: mysizer check
# $(cat args) --format F [my.cnf] must print expected.F for F in text, json, sarif and github,
# and exit as expected.rc says. In expected.sarif each rule's help is its page's name
# (sarif-golden.py checks that it is the page).
#
# usage: format-case.sh MYSIZER CASE_DIR [--update]
set -euo pipefail
mysizer=$(realpath "$1") case_dir=$(realpath "$2") update=${3:-}
source=$(realpath "$case_dir/../../..")
. "$(dirname "$0")/case-lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
prepare_case "$case_dir" "$scratch"
dir=$scratch/case
check_args "$case_dir"

status=0
for format in text json sarif github; do
	rc=0
	(cd "$dir" && HOME=$dir "$mysizer" check "${args[@]}" --format "$format" "${operand[@]}" \
		>"$scratch/out.$format" 2>"$scratch/err") || rc=$?
	if [ "$format" = sarif ]; then
		python3 "$(dirname "$0")/sarif-golden.py" "$source" <"$scratch/out.sarif" >"$scratch/golden" ||
			exit 1
		mv "$scratch/golden" "$scratch/out.sarif"
	fi
	if [ "$update" = --update ]; then
		cp "$scratch/out.$format" "$case_dir/expected.$format"
		echo "$rc" >"$case_dir/expected.rc"
		continue
	fi
	same_as_golden "$scratch/out.$format" "$case_dir/expected.$format" "--format $format" ||
		status=1
	want_rc=$(cat "$case_dir/expected.rc")
	[ "$rc" = "$want_rc" ] || {
		echo "--format $format: exit status $rc, expected $want_rc"
		cat "$scratch/err"
		status=1
	}
done
exit $status
