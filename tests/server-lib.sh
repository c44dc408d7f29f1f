# Shared by the tests that run a real mariadbd: a datadir bootstrapped once, servers started
# on 127.0.0.1 and a free port, each stopped by its pid, and only if it is still the server of
# its datadir.
#
# A script sets scratch and cap_drop (see drop_fd_privilege in case-lib.sh) before it starts a
# server, and calls stop_servers when it ends.

readonly ready_timeout=30 stop_timeout=60
declare -a started_pids=() started_datadirs=()

# require_server_tools: exits 77 unless the server and its client tools are installed.
require_server_tools() {
	local tool
	for tool in mariadbd mariadb-install-db mariadb mariadb-admin; do
		if ! command -v "$tool" >/dev/null; then
			echo "skipped: $tool not found (Debian packages mariadb-server, mariadb-client)"
			exit 77
		fi
	done
}

# bootstrap_datadir DIR: a new datadir in DIR, with a root@localhost that needs no password;
# --no-defaults keeps the machine's option files out of it.
bootstrap_datadir() {
	if ! mariadb-install-db --no-defaults --datadir="$1" --user=root \
		--auth-root-authentication-method=normal --skip-test-db >"$scratch/install.log" 2>&1; then
		echo "mariadb-install-db failed:"
		tail -n 20 "$scratch/install.log"
		return 1
	fi
}

# stop_server PID DATADIR: SIGTERM, then SIGKILL after $stop_timeout s; only if PID is the
# server of DATADIR.
stop_server() {
	local pid=$1 datadir=$2 i
	kill -0 "$pid" 2>/dev/null || return 0
	if ! tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "--datadir=$datadir"; then
		echo "note: process $pid is not the server of $datadir; left alone" >&2
		return 0
	fi
	kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < stop_timeout * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "note: server $pid ignored SIGTERM for ${stop_timeout}s; killing it" >&2
		kill -KILL "$pid" 2>/dev/null
	fi
	wait "$pid" 2>/dev/null
	return 0
}

# stop_servers: every server started here.
stop_servers() {
	local i
	for i in "${!started_pids[@]}"; do
		stop_server "${started_pids[i]}" "${started_datadirs[i]}"
	done
}

# free_port: prints a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
	local port i
	for ((i = 0; i < 50; i++)); do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	return 1
}

# set_nofile SOFT[:HARD]: applies the limit to the current (sub)shell.
set_nofile() {
	local soft=${1%%:*} hard=${1#*:}
	ulimit -Sn "$soft" && ulimit -Hn "$hard"
}

# show_logs DIR: the tails of a server's stderr and error log.
show_logs() {
	local f
	for f in "$1/stderr.log" "$1/err.log"; do
		[ -f "$f" ] || continue
		echo "--- last lines of $(basename "$f"):"
		tail -n 15 "$f"
	done
}

# start_server LABEL DIR NOFILE [OPTION...]: starts mariadbd OPTION... with the datadir
# DIR/data, on 127.0.0.1 and a free port, its socket DIR/sock and its logs in DIR, under the
# fd limit NOFILE (SOFT[:HARD]; empty: the current one), and waits until it answers. Sets
# server_pid and server_port; returns 1, after saying why, when it does not start.
start_server() {
	local label=$1 dir=$2 nofile=$3 attempt i rc
	shift 3
	# A port that was free a moment ago can be taken before the server binds it: retry.
	for attempt in 1 2 3; do
		server_port=$(free_port) || { echo "$label: no free port found"; return 1; }
		# shellcheck disable=SC2086 # $cap_drop is a command prefix or nothing
		(
			[ -z "$nofile" ] || set_nofile "$nofile" || exit 98
			exec ${cap_drop:-} mariadbd "$@" --datadir="$dir/data" --socket="$dir/sock" \
				--port="$server_port" --bind-address=127.0.0.1 --pid-file="$dir/server.pid" \
				--log-error="$dir/err.log" --user=root
		) </dev/null >"$dir/stderr.log" 2>&1 &
		server_pid=$!
		started_pids+=("$server_pid") started_datadirs+=("$dir/data")

		for ((i = 0; i < ready_timeout * 10; i++)); do
			kill -0 "$server_pid" 2>/dev/null || break
			mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1 && break
			sleep 0.1
		done
		kill -0 "$server_pid" 2>/dev/null && break
		rc=0
		wait "$server_pid" 2>/dev/null || rc=$?
		if [ "$attempt" -lt 3 ] && grep -qs 'Bind on TCP/IP port' "$dir/err.log" "$dir/stderr.log"; then
			rm -f "$dir/err.log"
			continue
		fi
		echo "$label: the server exited with status $rc before it was ready"
		show_logs "$dir"
		return 1
	done
	if ! mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1; then
		echo "$label: the server did not answer within ${ready_timeout}s"
		show_logs "$dir"
		stop_server "$server_pid" "$dir/data"
		return 1
	fi
}
