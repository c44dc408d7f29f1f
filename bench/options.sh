#!/usr/bin/env bash
# Benchmark `mysizer options --target mariadb-10.11 FILE` against
# `my_print_defaults --defaults-file=FILE --mysqld`. See bench/README.md.
set -euo pipefail

usage() { echo "usage: bench/options.sh [--mysizer PATH] [--corpus DIR] [--runs N]" >&2; exit 2; }
die() { echo "options.sh: $*" >&2; exit 1; }
skip() { echo "skipped: $*" >&2; exit 77; }
have() { command -v "$1" >/dev/null 2>&1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mysizer="$root/build/mysizer"
corpus="$root/../shared/corpus/mycnf"
runs=30

parse_args() {
  while (($#)); do
    case $1 in
      --mysizer) (($# >= 2)) || usage; mysizer=$2; shift 2 ;;
      --corpus) (($# >= 2)) || usage; corpus=$2; shift 2 ;;
      --runs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; runs=$2; shift 2 ;;
      -h | --help) usage ;;
      *) echo "unknown argument: $1" >&2; usage ;;
    esac
  done
}

check_tools() {
  have hyperfine || skip "hyperfine not found (the quick start installs it)"
  have my_print_defaults || skip "my_print_defaults not found (package mariadb-server)"
  have python3 || have jq || skip "neither python3 nor jq found (needed to read hyperfine's JSON)"
  [[ -x $mysizer && -f $mysizer ]] || die "mysizer not found at $mysizer (build it first or pass --mysizer PATH)"
  mysizer=$(cd "$(dirname "$mysizer")" && pwd)/$(basename "$mysizer")
}

# One file, one tool; stdout only. Used for the correctness check.
run_one() { # TOOL FILE
  if [[ $1 == mpd ]]; then my_print_defaults --defaults-file="$2" --mysqld
  else "$mysizer" options --target mariadb-10.11 "$2"; fi
}

# Driver for hyperfine: runs one tool once over every file listed in LIST.
write_driver() {
  cat >"$tmp/loop.sh" <<'EOF'
#!/usr/bin/env bash
# usage: loop.sh mpd|mysizer LIST [MYSIZER]
while IFS= read -r f; do
  if [[ $1 == mpd ]]; then my_print_defaults --defaults-file="$f" --mysqld
  else "$3" options --target mariadb-10.11 "$f"; fi
done <"$2" >/dev/null 2>&1
exit 0
EOF
}

# 50,000 deterministic lines: content is arithmetic on the line number.
generate() { # OUT
  awk 'BEGIN {
    print "[mysqld]"
    for (n = 2; n <= 50000; n++) {
      if (n % 5000 == 0) { print "[client]"; continue }
      if (n % 5000 == 20) { print "[mysqld-8.0]"; continue }
      if (n % 5000 == 40) { print "[mysqld]"; continue }
      k = n % 10
      if (k == 0)      printf "key_%d = %d\n", n, n * 7 % 1000
      else if (k == 1) printf "innodb_buffer_pool_size_%d=%dM\n", n, n % 512 + 1
      else if (k == 2) printf "skip-feature-%d\n", n
      else if (k == 3) printf "# comment for line %d\n", n
      else if (k == 4) printf "path_%d = \"/var/lib/my sql/d\\t%d\\\\x \\\"q\\\"\"\n", n, n
      else if (k == 5) printf "max_connections_%d = %d   # inline comment %d\n", n, n % 900 + 100, n
      else if (k == 6) print ""
      else if (n % 20 == 7) printf "name_%d = '\''single quoted %d'\''\n", n, n
      else if (k == 7) printf "  init_connect_%d = \"SET NAMES utf8mb4 # kept\"  # dropped\n", n
      else if (k == 8) printf "; semicolon comment %d\n", n
      else             printf "loose-option_%d = value-%d\n", n, n % 97
    }
  }' >"$1"
}

# Compare stdout of both tools on every file listed in LIST; stop on any difference.
verify() { # LIST
  local f bad=0 first=""
  while IFS= read -r f; do
    (cd "$(dirname "$f")" && run_one mpd "$f") >"$tmp/a" 2>/dev/null || true
    (cd "$(dirname "$f")" && run_one mysizer "$f") >"$tmp/b" 2>/dev/null || true
    if ! cmp -s "$tmp/a" "$tmp/b"; then
      bad=$((bad + 1)); echo "output differs: $f" >&2
      [[ -n $first ]] || first=$(diff -u "$tmp/a" "$tmp/b" | sed -n '3,12p' || true)
    fi
  done <"$1"
  ((bad == 0)) && return 0
  printf '%s\n' "first difference (- my_print_defaults, + mysizer):" "$first" >&2
  die "mysizer and my_print_defaults disagree on $bad file(s); not timing a wrong answer"
}

# Print "mean stddev" in seconds, one line per command, from hyperfine's JSON.
extract() { # JSON
  if have python3; then
    python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["results"]: print(r["mean"], r.get("stddev") or 0)' "$1"
  else jq -r '.results[] | "\(.mean) \(.stddev // 0)"' "$1"; fi
}

time_pair() { # LABEL DIR CMD_MPD CMD_MYSIZER RSS_MPD RSS_MYSIZER [INSTR_MPD INSTR_MYSIZER]
  (cd "$2" && hyperfine -N --warmup 3 --runs "$runs" --style none \
    --export-json "$tmp/h.json" -n my_print_defaults "$3" -n mysizer "$4" >/dev/null 2>"$tmp/h.err") \
    || { cat "$tmp/h.err" >&2; die "hyperfine failed on $1"; }
  extract "$tmp/h.json" | tr '\n' ' ' | awk -v l="$1" -v r1="$5" -v r2="$6" -v i1="${7:-—}" -v i2="${8:-—}" '{
    printf "%-22s %10.2f ± %-7.2f %10.2f ± %-7.2f %6.2f  %11s %11s %9s %9s\n",
      l, $1 * 1000, $2 * 1000, $3 * 1000, $4 * 1000, $3 / $1, r1, r2, i1, i2 }'
}

# Instructions counted by callgrind: unlike times, the same on every run of the same binary.
instructions() { # TOOL FILE -> "N.NM" or "—"
  have valgrind || { echo "—"; return; }
  local cmd=("$mysizer" options --target mariadb-10.11 "$2")
  [[ $1 == mysizer ]] || cmd=(my_print_defaults --defaults-file="$2" --mysqld)
  rm -f "$tmp/cg.out"
  (cd "$(dirname "$2")" && valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "${cmd[@]}" >/dev/null 2>&1) || true
  awk '/^(summary|totals):/ { printf "%.1fM", $2 / 1e6; exit }' "$tmp/cg.out" 2>/dev/null || echo "—"
}

peak_rss() { # TOOL FILE -> "N.N MiB" or "—"
  have /usr/bin/time || { echo "—"; return; }
  local cmd=("$mysizer" options --target mariadb-10.11 "$2")
  [[ $1 == mysizer ]] || cmd=(my_print_defaults --defaults-file="$2" --mysqld)
  rm -f "$tmp/rss"
  (cd "$(dirname "$2")" && /usr/bin/time -f %M -o "$tmp/rss" "${cmd[@]}" >/dev/null 2>&1) || true
  [[ -s $tmp/rss ]] || { echo "—"; return; }
  awk 'END { printf "%.1f MiB", $1 / 1024 }' "$tmp/rss" # last line: %M follows any exit note
}

main() {
  parse_args "$@"
  check_tools
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  write_driver
  generate "$tmp/generated.cnf"
  # The same lines without their '\t' escapes: nothing for mysizer to explain on stderr.
  sed 's/\\t/_/g' "$tmp/generated.cnf" >"$tmp/plain.cnf"
  printf '%s\n' "$tmp/generated.cnf" "$tmp/plain.cnf" >"$tmp/gen.list"
  (cd "$tmp" && my_print_defaults --defaults-file="$tmp/generated.cnf" --mysqld >/dev/null) \
    || die "my_print_defaults rejects the generated file"

  local ncorpus=0
  if [[ -d $corpus ]]; then
    corpus=$(cd "$corpus" && pwd)
    find "$corpus" -maxdepth 1 -type f | LC_ALL=C sort >"$tmp/corpus.list"
    ncorpus=$(wc -l <"$tmp/corpus.list")
  fi
  ((ncorpus > 0)) || echo "note: no corpus files at $corpus; timing the generated file only" >&2
  ((ncorpus == 0)) || verify "$tmp/corpus.list"
  verify "$tmp/gen.list"
  have /usr/bin/time || echo "note: /usr/bin/time not found (package time); no peak RSS" >&2

  local q_driver q_corpus q_mysizer
  q_driver=$(printf %q "$tmp/loop.sh"); q_corpus=$(printf %q "$tmp/corpus.list")
  q_mysizer=$(printf %q "$mysizer")
  echo "runs per command: $runs (hyperfine -N --warmup 3); times in ms, ratio = mysizer / my_print_defaults"
  printf "%-22s %20s %20s %6s  %11s %11s %9s %9s\n" input "my_print_defaults" mysizer ratio \
    "RSS mpd" "RSS mysizer" "instr mpd" "instr mz"
  ((ncorpus == 0)) || time_pair "corpus ($ncorpus files)" "$corpus" \
    "bash $q_driver mpd $q_corpus" "bash $q_driver mysizer $q_corpus $q_mysizer" "—" "—"
  local name file
  for name in generated plain; do
    file=$tmp/$name.cnf
    time_pair "$name (50k lines)" "$tmp" \
      "my_print_defaults --defaults-file=$(printf %q "$file") --mysqld" \
      "$q_mysizer options --target mariadb-10.11 $(printf %q "$file")" \
      "$(peak_rss mpd "$file")" "$(peak_rss mysizer "$file")" \
      "$(instructions mpd "$file")" "$(instructions mysizer "$file")"
  done
}

main "$@"
