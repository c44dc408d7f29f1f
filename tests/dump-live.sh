#!/usr/bin/env bash
# The dumps a real mariadb client prints of a test server, in every format it has (-B, -B -N,
# -t, \G), read by mysizer check as the same running server: the json reports of the four
# formats agree finding for finding, but for the dump's line numbers, and what the variables
# say of max_connections is what the server says. The server is started on 127.0.0.1 with a
# temporary datadir and stopped by its pid.
#
# usage: dump-live.sh MYSIZER
set -uo pipefail
mysizer=$(realpath "$1")
here=$(dirname "$0")
. "$here/case-lib.sh"
. "$here/server-lib.sh"
. "$here/cli-lib.sh"
require_server_tools

scratch=$(mktemp -d)
trap 'stop_servers; rm -rf "$scratch"' EXIT
trap 'exit 1' INT TERM
drop_fd_privilege
mkdir -p "$scratch/server"
bootstrap_datadir "$scratch/server/data" || exit 1
start_server dumps "$scratch/server" "" --no-defaults --skip-name-resolve --max-connections=77 \
	--thread-cache-size=3 || exit 1
client=(mariadb --no-defaults --socket="$scratch/server/sock" -uroot)

cd "$scratch" || exit 1
printf '[mysqld]\nmax_connections = 90\nthread_cache_size = 3\n' >my.cnf
for kind in VARIABLES STATUS; do
	"${client[@]}" -B -e "SHOW GLOBAL $kind" >"$kind.batch"
	"${client[@]}" -B -N -e "SHOW GLOBAL $kind" >"$kind.batch-nh"
	"${client[@]}" -t -e "SHOW GLOBAL $kind" >"$kind.table"
	"${client[@]}" -e "SHOW GLOBAL $kind\\G" >"$kind.vertical"
done
"${client[@]}" -B -N -e "SELECT @@max_connections" >expected.max_connections
stop_servers

for format in batch batch-nh table vertical; do
	rc=0
	"$mysizer" check --nofile 65535 --variables "VARIABLES.$format" --status "STATUS.$format" \
		--format json --fail-on never my.cnf >"report.$format" 2>"err.$format" || rc=$?
	[ $rc = 0 ] || fail "--format $format dumps: exit status $rc: $(cat "err.$format")"
done
python3 - "$(cat expected.max_connections)" <<'PY' || fail "the four formats do not read as one server"
import json, sys
want_mc = sys.argv[1]
def story(fmt):
    r = json.load(open("report." + fmt))
    # The same findings, but for where in each dump they point.
    return r["target"], [(f["rule"], f["location"]["file"] if f["location"]["file"] == "my.cnf"
                          else "dump", f["message"]) for f in r["findings"]]
stories = {fmt: story(fmt) for fmt in ("batch", "batch-nh", "table", "vertical")}
first = stories["batch"]
for fmt, s in stories.items():
    if s[0] != first[0] or [x[:2] for x in s[1]] != [x[:2] for x in first[1]]:
        print("%s reads otherwise than batch: %s / %s" % (fmt, s, first))
        sys.exit(1)
drift = [m for _, _, m in first[1] if "max_connections" in m and "running server has" in m]
if not drift or ("running server has %s" % want_mc) not in drift[0]:
    print("MZ6009 does not say max_connections is %s on the running server: %s" % (want_mc, first))
    sys.exit(1)
print("4 formats, %d findings alike, on %s" % (len(first[1]), first[0]))
PY

[ "$failures" -eq 0 ] && echo "ok: dumps of a live server"
[ "$failures" -eq 0 ]
