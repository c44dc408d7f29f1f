#!/usr/bin/env bash
# Captures what the installed MariaDB server says about its variables, for the catalog:
#
#   OUT_DIR/mariadb-VERSION.help.tsv  name, value from `mariadbd --no-defaults --help --verbose`,
#                                     in the form SHOW GLOBAL VARIABLES prints
#   OUT_DIR/mariadb-VERSION.live.tsv  name, value from SHOW GLOBAL VARIABLES of a throwaway
#                                     server started with --no-defaults
#   SYSVARS (with --sysvars)          information_schema.SYSTEM_VARIABLES of that server, in the
#                                     columns and spelling of catalog/sources/mariadb-*.tsv:
#                                     name kind type scope default min max block_size
#                                     enum_values read_only cmdline arg
#
# Run-specific text is replaced so that two runs give the same bytes: the server's host name
# by {host}, the temporary directory by {run}, the port by {port}, and server_uid (a hash of
# the host's hardware address and the port) by {uid}.
#
# The server listens on 127.0.0.1 only, on a free port, with a datadir of its own, and is
# stopped (by pid, never by name) and removed on exit, also on error.
#
# usage: mariadb-live.sh [--sysvars FILE] OUT_DIR
#        mariadb-live.sh --version       prints the installed server's version (10.11.19)
set -euo pipefail

usage() {
	echo "usage: $0 [--sysvars FILE] OUT_DIR | --version" >&2
	exit 2
}

die() {
	echo "mariadb-live.sh: $*" >&2
	exit 1
}

# The release number alone, from "mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for ...".
server_version() {
	mariadbd --version | sed -n 's/.* Ver \([0-9][0-9.]*\).*/\1/p'
}

sysvars_out=
case ${1:-} in
--version)
	[ $# -eq 1 ] || usage
	server_version
	exit 0
	;;
--sysvars)
	[ $# -eq 3 ] || usage
	sysvars_out=$2
	shift 2
	;;
esac
[ $# -eq 1 ] || usage
out_dir=$1
[ -d "$out_dir" ] || die "no such directory: $out_dir"

for tool in mariadbd mariadb-install-db mariadb mariadb-admin python3; do
	command -v "$tool" >/dev/null || die "$tool not found"
done
version=$(server_version)
[ -n "$version" ] || die "cannot read the version from 'mariadbd --version'"
host=$(uname -n)  # what the server gets from gethostname()
# Root must name the user the server runs as; anyone else runs it as themselves.
user_opt=()
if [ "$(id -u)" -eq 0 ]; then
	user_opt=(--user=root)
fi

# mariadbd raises its descriptor limit only when the hard limit allows all it asks for;
# start from the hard limit, as a service manager would, so that the soft limit of the
# calling shell does not shrink table_open_cache.
ulimit -Sn "$(ulimit -Hn)" 2>/dev/null || true

scratch=$(mktemp -d)
datadir=$scratch/data
socket=$scratch/sock
pidfile=$scratch/server.pid
server_pid=

# Stops the server this run started: SIGTERM, then SIGKILL after 60 s. The pid is only
# signalled while its command line still names this run's datadir.
stop_server() {
	local pid=$server_pid waited=0
	server_pid=
	[ -n "$pid" ] || return 0
	if ! tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "--datadir=$datadir"; then
		return 0
	fi
	kill -TERM "$pid" 2>/dev/null || return 0
	while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 600 ]; do
		sleep 0.1
		waited=$((waited + 1))
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "mariadb-live.sh: server $pid ignored SIGTERM for 60 s; killing it" >&2
		kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}

cleanup() {
	local rc=$?
	stop_server
	rm -rf "$scratch"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port nobody listens on: the kernel picks one for a socket bound to port 0.
free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# normalize [COLUMN]: tab-separated lines on stdin, the name in column 1; run-specific text in
# COLUMN (default 2) is replaced (see the top). The host name is replaced only as a whole path
# component or before '.' or '-', as the server uses it for file names (vm.pid, vm-slow.log),
# so that words merely containing it stay as they are.
normalize() {
	awk -F '\t' -v OFS='\t' -v col="${1:-2}" -v host="$host" -v run="$scratch" \
		-v port="${port:-}" '
	function hostsub(v,    out, i, n, before, after) {
		out = ""
		n = length(host)
		while ((i = index(v, host)) > 0) {
			before = i == 1 ? "" : substr(v, i - 1, 1)
			after = substr(v, i + n, 1)
			if ((before == "" || before == "/") && (after == "" || after == "." || after == "-"))
				out = out substr(v, 1, i - 1) "{host}"
			else
				out = out substr(v, 1, i + n - 1)
			v = substr(v, i + n)
		}
		return out v
	}
	{
		v = $col
		while ((i = index(v, run)) > 0)
			v = substr(v, 1, i - 1) "{run}" substr(v, i + length(run))
		if (port != "" && ($1 == "port" || $1 == "report_port") && v == port)
			v = "{port}"
		if ($1 == "server_uid" && v != "")
			v = "{uid}"
		if (host != "")
			v = hostsub(v)
		$col = v
		print
	}'
}

# with_header HEADER: the header line, then stdin sorted (bytewise, so that runs compare).
with_header() {
	printf '%s\n' "$1"
	LC_ALL=C sort
}

# 1. --help --verbose: the value table starts after the rule line of dashes and ends at the
# first blank line. Names fill columns 1-60, values start at column 62; a longer name is
# followed by its value after blanks.
help_table() {
	awk '
	/^-+ -+$/ && !started { started = 1; next }
	!started { next }
	/^$/ { exit }
	{
		if (length($0) < 61 || substr($0, 61, 1) == " ") {
			name = substr($0, 1, 60); value = substr($0, 62)
			sub(/ +$/, "", name)
		} else {
			name = $1; value = $0
			sub(/^[^ ]+ +/, "", value)
		}
		# Option names are case-insensitive; SHOW GLOBAL VARIABLES spells them in lower case.
		name = tolower(name)
		gsub(/-/, "_", name)
		# As SHOW GLOBAL VARIABLES shows it: booleans ON/OFF, unset strings empty,
		# log_bin as ON/OFF rather than the base name, and mysql -B escapes.
		if (value == "TRUE") value = "ON"
		else if (value == "FALSE") value = "OFF"
		else if (value == "(No default value)") value = ""
		if (name == "log_bin") value = (value == "" || value == "0") ? "OFF" : "ON"
		gsub(/\\/, "\\\\", value)
		gsub(/\t/, "\\t", value)
		print name "\t" value
	}'
}

help_raw=$scratch/help.out
if ! mariadbd --no-defaults --help --verbose >"$help_raw" 2>"$scratch/help.err"; then
	cat "$scratch/help.err" >&2
	die "mariadbd --help --verbose failed"
fi
help_table <"$help_raw" | normalize | with_header "$(printf 'name\tvalue')" >"$scratch/help.tsv"
[ "$(wc -l <"$scratch/help.tsv")" -gt 1 ] ||
	die "no value table in the output of mariadbd --help --verbose"

# 2. A throwaway server.
if ! mariadb-install-db --no-defaults --datadir="$datadir" "${user_opt[@]}" \
	--auth-root-authentication-method=normal --skip-test-db >"$scratch/install.log" 2>&1; then
	tail -n 20 "$scratch/install.log" >&2
	die "mariadb-install-db failed"
fi
port=$(free_port)
mariadbd --no-defaults --datadir="$datadir" --socket="$socket" --port="$port" \
	--bind-address=127.0.0.1 --pid-file="$pidfile" "${user_opt[@]}" \
	</dev/null >"$scratch/server.log" 2>&1 &
server_pid=$!

waited=0
until mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1; do
	if ! kill -0 "$server_pid" 2>/dev/null; then
		rc=0
		wait "$server_pid" || rc=$?
		server_pid=
		tail -n 20 "$scratch/server.log" >&2
		die "mariadbd exited with status $rc before it was ready"
	fi
	if [ "$waited" -ge 300 ]; then
		tail -n 20 "$scratch/server.log" >&2
		die "mariadbd not ready after 30 s"
	fi
	sleep 0.1
	waited=$((waited + 1))
done

query() {
	mariadb --no-defaults --socket="$socket" -uroot -B -N -e "$1"
}

query 'SHOW GLOBAL VARIABLES' | normalize |
	with_header "$(printf 'name\tvalue')" >"$scratch/live.tsv"

if [ -n "$sysvars_out" ]; then
	# The spelling of the catalog tables: lower-case names, their type and scope words,
	# NULL as the empty string, Y/N flags.
	query "SELECT LOWER(VARIABLE_NAME),
		IF(COMMAND_LINE_ARGUMENT IS NULL, 'sysvar', 'both'),
		CASE VARIABLE_TYPE
			WHEN 'INT UNSIGNED' THEN 'uint' WHEN 'INT' THEN 'int'
			WHEN 'BIGINT UNSIGNED' THEN 'ulonglong' WHEN 'BIGINT' THEN 'longlong'
			WHEN 'BOOLEAN' THEN 'bool' WHEN 'VARCHAR' THEN 'string'
			ELSE LOWER(VARIABLE_TYPE) END,
		CASE VARIABLE_SCOPE
			WHEN 'GLOBAL' THEN 'global' WHEN 'SESSION' THEN 'both'
			WHEN 'SESSION ONLY' THEN 'session' ELSE LOWER(VARIABLE_SCOPE) END,
		IFNULL(DEFAULT_VALUE, ''), IFNULL(NUMERIC_MIN_VALUE, ''),
		IFNULL(NUMERIC_MAX_VALUE, ''), IFNULL(NUMERIC_BLOCK_SIZE, ''),
		IFNULL(ENUM_VALUE_LIST, ''), IF(READ_ONLY = 'YES', 'Y', 'N'),
		IF(COMMAND_LINE_ARGUMENT IS NULL, 'N', 'Y'), IFNULL(COMMAND_LINE_ARGUMENT, '')
	FROM information_schema.SYSTEM_VARIABLES" | normalize 5 |
		with_header "$(printf '%s\t' name kind type scope default min max block_size \
			enum_values read_only cmdline)arg" >"$scratch/sysvars.tsv"
fi

stop_server

cp "$scratch/help.tsv" "$out_dir/mariadb-$version.help.tsv"
cp "$scratch/live.tsv" "$out_dir/mariadb-$version.live.tsv"
if [ -n "$sysvars_out" ]; then
	cp "$scratch/sysvars.tsv" "$sysvars_out"
fi
