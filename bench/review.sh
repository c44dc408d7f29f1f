#!/usr/bin/env bash
# Benchmark `mysizer review` on 100 and 1,000 generated bundles (tests/make-bundles.py: an
# option file, a deployment file and real-sized variables and status dumps each): the time
# per bundle and the peak memory of the whole run, next to pt-variable-advisor reading the
# same variables dumps, one process per dump as it must run. See bench/README.md.
set -euo pipefail

usage() { echo "usage: bench/review.sh [--mysizer PATH] [--runs N] [--advisor-dumps N]" >&2; exit 2; }
die() { echo "review.sh: $*" >&2; exit 1; }
skip() { echo "skipped: $*" >&2; exit 77; }
have() { command -v "$1" >/dev/null 2>&1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mysizer="$root/build/mysizer"
runs=5 advisor_dumps=100
while (($#)); do
  case $1 in
    --mysizer) (($# >= 2)) || usage; mysizer=$2; shift 2 ;;
    --runs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; runs=$2; shift 2 ;;
    --advisor-dumps) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; advisor_dumps=$2; shift 2 ;;
    *) usage ;;
  esac
done
have hyperfine || skip "hyperfine not found (./build.sh bench installs it)"
have python3 || skip "python3 not found"
have pt-variable-advisor || skip "pt-variable-advisor not found (package percona-toolkit)"
[[ -x $mysizer ]] || die "mysizer not found at $mysizer (build it first or pass --mysizer PATH)"
mysizer=$(cd "$(dirname "$mysizer")" && pwd)/$(basename "$mysizer")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
for n in 100 1000; do
  python3 "$root/tests/make-bundles.py" "$root" "bundles-$n" "$n"
done

mean_ms() { python3 -c 'import json; print("%.1f" % (json.load(open("h.json"))["results"][0]["mean"] * 1000))'; }
peak_mib() { # COMMAND... -> peak RSS in MiB
  /usr/bin/time -f %M -o rss "$@" >/dev/null 2>&1 || true
  awk 'END { printf "%.1f", $1 / 1024 }' rss
}

printf '%-40s %10s %14s %10s\n' "run" "mean ms" "ms per bundle" "peak MiB"
for n in 100 1000; do
  hyperfine -N -i --warmup 1 --runs "$runs" --style none --export-json h.json \
    "$mysizer review --no-progress $(echo bundles-$n/*)" >/dev/null 2>h.err ||
    { cat h.err >&2; die "hyperfine failed on review of $n bundles"; }
  mean=$(mean_ms)
  # shellcheck disable=SC2046 # one argument per bundle
  printf '%-40s %10s %14s %10s\n' "mysizer review, $n bundles" "$mean" \
    "$(python3 -c "print('%.3f' % ($mean / $n))")" \
    "$(peak_mib "$mysizer" review --no-progress $(echo bundles-$n/*))"
done

# pt-variable-advisor reads one dump per process: the time per dump is the time of the loop
# over $advisor_dumps of them, divided by their number.
printf '#!/bin/sh\nfor f in bundles-1000/customer-0*/variables.txt; do\n  n=$((n + 1)); [ "$n" -gt %d ] && break\n  pt-variable-advisor --source-of-variables "$f" >/dev/null\ndone\n' \
  "$advisor_dumps" >advisor.sh
hyperfine -N -i --warmup 1 --runs "$runs" --style none --export-json h.json "sh advisor.sh" \
  >/dev/null 2>h.err || { cat h.err >&2; die "hyperfine failed on pt-variable-advisor"; }
mean=$(mean_ms)
printf '%-40s %10s %14s %10s\n' "pt-variable-advisor, $advisor_dumps dumps" "$mean" \
  "$(python3 -c "print('%.3f' % ($mean / $advisor_dumps))")" \
  "$(peak_mib pt-variable-advisor --source-of-variables bundles-1000/customer-0001/variables.txt)"
