#!/usr/bin/env bash
# Renders every case given in every format: OUT_DIR/<case>.text (with the suppressed findings
# shown), .json, .sarif and .github, each from `mysizer check` run in the case's folder as
# rule-case.sh and format-case.sh run it. Exit statuses 0 and 1 are reports; any other fails.
#
# usage: render-reports.sh MYSIZER OUT_DIR CASE_DIR...
set -euo pipefail
mysizer=$(realpath "$1") out=$(realpath "$2")
mkdir -p "$out"
shift 2
. "$(dirname "$0")/case-lib.sh"

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
for case_dir in "$@"; do
	name=$(basename "$case_dir")
	rm -rf "$scratch/case"
	prepare_case "$case_dir" "$scratch"
	check_args "$case_dir"
	for format in text json sarif github; do
		extra=()
		[ "$format" = text ] && extra=(--show-suppressed)
		rc=0
		(cd "$scratch/case" && HOME=$scratch/case "$mysizer" check "${args[@]}" "${extra[@]}" \
			--format "$format" "${operand[@]}" >"$out/$name.$format" 2>"$scratch/err") || rc=$?
		if [ "$rc" -gt 1 ]; then
			echo "$name: --format $format exited with $rc:"
			cat "$scratch/err"
			exit 1
		fi
	done
done
