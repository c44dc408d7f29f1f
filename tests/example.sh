#!/usr/bin/env bash
# The bundled example, run as the README and `./build.sh example` run it: its output must be
# testdata/examples/debian.out, and it must find errors (exit status 1).
#
# usage: example.sh MYSIZER SOURCE_DIR [--update]
set -euo pipefail
mysizer=$(realpath "$1") source=$(realpath "$2") update=${3:-}
want=$source/testdata/examples/debian.out

rc=0
out=$(cd "$source/docs/examples/debian" && "$mysizer" check --deploy deploy.json) || rc=$?
if [ "$update" = --update ]; then
	printf '%s\n' "$out" >"$want"
	exit 0
fi
[ "$rc" -eq 1 ] || { echo "exit status $rc, expected 1"; exit 1; }
if [ "$out" != "$(cat "$want")" ]; then
	echo "the example's output differs from testdata/examples/debian.out:"
	diff -a "$want" <(printf '%s\n' "$out") | head -20
	exit 1
fi
