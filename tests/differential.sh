#!/usr/bin/env bash
# Differential test of the option-file reader against the real MariaDB 10.11 tool:
# my_print_defaults --defaults-file=F --mysqld and mysizer options --target mariadb-10.11 F
# must print the same bytes and agree on success or failure, on every case folder and on
# every file of the shared corpus of real-world configs (when it is there).
#
# usage: differential.sh MYSIZER CASES_DIR [CORPUS_DIR]
set -uo pipefail
mysizer=$(realpath "$1") cases=$2 corpus=${3:-}
. "$(dirname "$0")/case-lib.sh"

if ! command -v my_print_defaults >/dev/null; then
	echo "skipped: my_print_defaults not found (Debian package mariadb-server)"
	exit 77
fi

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
compared=0 failed=0

# compare NAME DIR FILE: runs both tools in DIR on FILE with HOME=DIR.
compare() {
	local name=$1 dir=$2 file=$3 rc_oracle=0 rc_ours=0
	(cd "$dir" && HOME=$dir my_print_defaults --defaults-file="$file" --mysqld \
		>"$scratch/oracle.out" 2>/dev/null) || rc_oracle=$?
	(cd "$dir" && HOME=$dir "$mysizer" options --target mariadb-10.11 "$file" \
		>"$scratch/ours.out" 2>/dev/null) || rc_ours=$?
	compared=$((compared + 1))
	if ! cmp -s "$scratch/oracle.out" "$scratch/ours.out"; then
		echo "DIFFERS $name: stdout"
		diff -a "$scratch/oracle.out" "$scratch/ours.out" | head -10
		failed=$((failed + 1))
	elif [ $((rc_oracle == 0)) != $((rc_ours == 0)) ]; then
		echo "DIFFERS $name: my_print_defaults exit $rc_oracle, mysizer exit $rc_ours"
		failed=$((failed + 1))
	fi
}

n_cases=0
for case_dir in "$cases"/*/; do
	case_dir=${case_dir%/}
	rm -rf "$scratch/case"
	prepare_case "$case_dir" "$scratch" || { failed=$((failed + 1)); continue; }
	compare "$(basename "$case_dir")" "$scratch/case" my.cnf
	n_cases=$((n_cases + 1))
done

n_corpus=0
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
	for file in "$corpus"/*; do
		[ -f "$file" ] || continue
		compare "corpus/$(basename "$file")" "$corpus" "$(basename "$file")"
		n_corpus=$((n_corpus + 1))
	done
else
	echo "note: no corpus at '${corpus:-}'; compared the case folders only"
fi

echo "compared $compared cases ($n_cases case folders, $n_corpus corpus files): $failed differ"
[ "$failed" -eq 0 ]
