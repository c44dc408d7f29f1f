#!/usr/bin/env bash
# Benchmark `mysizer check --deploy` on the bundled example and on deployments of 10 to 10,000
# applications, next to `mariadbd --help --verbose` reading the same option files (the server
# working out its own values, the reference for the part both do). See bench/README.md.
set -euo pipefail

usage() { echo "usage: bench/check.sh [--mysizer PATH] [--runs N]" >&2; exit 2; }
die() { echo "check.sh: $*" >&2; exit 1; }
skip() { echo "skipped: $*" >&2; exit 77; }
have() { command -v "$1" >/dev/null 2>&1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mysizer="$root/build/mysizer"
runs=20
while (($#)); do
  case $1 in
    --mysizer) (($# >= 2)) || usage; mysizer=$2; shift 2 ;;
    --runs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; runs=$2; shift 2 ;;
    *) usage ;;
  esac
done
have hyperfine || skip "hyperfine not found (./build.sh bench installs it)"
have python3 || skip "python3 not found"
have mariadbd || skip "mariadbd not found (package mariadb-server)"
[[ -x $mysizer ]] || die "mysizer not found at $mysizer (build it first or pass --mysizer PATH)"
mysizer=$(cd "$(dirname "$mysizer")" && pwd)/$(basename "$mysizer")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$root/docs/examples/debian/." "$tmp/"

# N applications of the five libraries in turn; deterministic.
python3 - "$tmp" <<'PY'
import json, sys
libraries = [("hikari", {"maximumPoolSize": 10, "maxLifetime": 540000}),
             ("sqlalchemy", {"pool_size": 5, "max_overflow": 5, "pool_recycle": 500}),
             ("mysql2", {"connectionLimit": 10, "maxIdle": 5, "idleTimeout": 300000}),
             ("django", {"CONN_MAX_AGE": 300}),
             ("fixed", {"connections": 2})]
with open(f"{sys.argv[1]}/deploy.json") as f:
    base = json.load(f)
for n in (10, 100, 1000, 10000):
    apps = []
    for i in range(n):
        library, pool = libraries[i % len(libraries)]
        app = {"name": f"app-{i}", "library": library, "replicas": 1 + i % 7,
               "processes": 1 + i % 3, "user": f"user-{i % 13}", "pool": pool}
        if library == "django":
            app["threads"] = 4
        apps.append(app)
    with open(f"{sys.argv[1]}/deploy-{n}.json", "w") as f:
        json.dump(dict(base, apps=apps), f, indent=2)
PY

rss() { # COMMAND... -> peak RSS in MiB
  /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
  awk 'END { printf "%.1f", $1 / 1024 }' "$tmp/rss"
}

printf '%-28s %12s %12s\n' "input" "mean ms" "peak MiB"
cd "$tmp"
bench() { # LABEL COMMAND
  hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-json h.json "$2" >/dev/null 2>h.err ||
    { cat h.err >&2; die "hyperfine failed on $1"; }
  local mean
  mean=$(python3 -c 'import json; print("%.2f" % (json.load(open("h.json"))["results"][0]["mean"] * 1000))')
  # shellcheck disable=SC2086 # the command is words
  printf '%-28s %12s %12s\n' "$1" "$mean" "$(rss $2)"
}
bench "mariadbd --help --verbose" "mariadbd --defaults-file=my.cnf --help --verbose --user=root"
bench "mysizer check (example)" "$mysizer check --deploy deploy.json"
for n in 10 100 1000 10000; do
  bench "mysizer check ($n apps)" "$mysizer check --deploy deploy-$n.json"
done
