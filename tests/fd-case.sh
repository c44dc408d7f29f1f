#!/usr/bin/env bash
# Golden test of the startup fd adjustment for one case folder: my.cnf, args (the target,
# --nofile and --cpus, on one line) and expected (NAME<TAB>VALUE lines, the measured or
# derived outcome). Every expected line must appear exactly in
# `mysizer effective ARGS --format vars my.cnf`, run in the case folder.
#
# usage: fd-case.sh MYSIZER CASE_DIR
set -uo pipefail

main() {
	[ $# -eq 2 ] || { echo "usage: $0 MYSIZER CASE_DIR" >&2; exit 2; }
	local mysizer case_dir=$2 rc=0 status=0 name want got
	mysizer=$(realpath "$1") || exit 2
	local -a args
	read -r -a args <"$case_dir/args" || { echo "cannot read $case_dir/args" >&2; exit 2; }

	local out err
	out=$(mktemp) err=$(mktemp)
	# shellcheck disable=SC2064 # expand now: the names are fixed
	trap "rm -f '$out' '$err'" EXIT
	(cd "$case_dir" && "$mysizer" effective "${args[@]}" --format vars my.cnf) \
		>"$out" 2>"$err" </dev/null || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "mysizer effective ${args[*]} exited $rc; the server starts with this file:"
		head -n 5 "$err"
		status=1
	fi

	while IFS=$'\t' read -r name want; do
		[ -n "$name" ] || continue
		got=$(awk -F '\t' -v n="$name" '$1 == n { print "\047" $2 "\047"; found++ }
			END { if (!found) print "nothing" }' "$out")
		# Present exactly once: a second line for the same name would make the value unclear.
		if [ "$got" = "'$want'" ]; then
			continue
		fi
		echo "$name: expected '$want', mysizer printed ${got//$'\n'/ and }"
		status=1
	done <"$case_dir/expected"
	exit "$status"
}

main "$@"
