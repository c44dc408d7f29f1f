#!/usr/bin/env bash
# Integration test against real servers: starts mariadbd on 127.0.0.1 under fd limits, with
# configurations whose limits the server changes at startup, and compares SHOW GLOBAL
# VARIABLES with what `mysizer effective --format vars` says for the same file and limits:
# max_connections, table_open_cache and open_files_limit, which mysizer must state, and
# every other variable it states, but those the per-run command line decides. Where a
# systemd drop-in with the same limit is given, the fd warnings the server prints must also
# be, word for word, what `mysizer check --systemd-unit` quotes.
#
# usage: live-startup.sh MYSIZER
set -uo pipefail

readonly -a required_vars=(max_connections open_files_limit table_open_cache)
# Set by this test's command line (paths, port) or derived from it.
readonly per_run_vars=" aria_log_dir_path bind_address datadir log_error pid_file port
 report_port server_uid socket wsrep_data_home_dir "
readonly ready_timeout=30 stop_timeout=60

scratch=
declare -a started_pids=() started_datadirs=()

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

cleanup() {
	local i
	for i in "${!started_pids[@]}"; do
		stop_server "${started_pids[i]}" "${started_datadirs[i]}"
	done
	[ -n "$scratch" ] && rm -rf "$scratch"
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

# compare_warnings NAME DIR: the server's fd warnings against the findings of mysizer check
# with the drop-in DIR/limits.conf. Returns 0 when mysizer quotes every one.
compare_warnings() {
	local name=$1 dir=$2 line missing=0 quoted
	(cd "$dir" && "$mysizer" check --target mariadb-10.11 --systemd-unit limits.conf \
		--cpus "$(nproc)" my.cnf) >"$dir/check.out" 2>&1 </dev/null
	# The server prints them before its error log is open: "... [Warning] TEXT" on stderr.
	grep -hE 'Could not increase number of max_open_files|Changed limits' "$dir/stderr.log" |
		sed 's/^.*\[Warning\] //' >"$dir/server.warnings"
	if [ ! -s "$dir/server.warnings" ]; then
		echo "$name: the server printed no fd warning; the configuration tests nothing"
		return 1
	fi
	quoted=$(sed -n 's/^ *\(mariadbd says: \)\{0,1\}//p' "$dir/check.out")
	while IFS= read -r line; do
		if ! grep -qxF -- "$line" <<<"$quoted"; then
			echo "$name: mariadbd says '$line'; mysizer check does not quote it:"
			cat "$dir/check.out"
			missing=1
		fi
	done <"$dir/server.warnings"
	[ "$missing" -eq 0 ] && echo "$name: mysizer check quotes the server's $(wc -l <"$dir/server.warnings") fd warnings"
	[ "$missing" -eq 0 ]
}

# run_config NAME NOFILE CNF_TEXT [UNIT_TEXT]: starts a server for this config, compares,
# stops it. Returns 0 when all values agree.
run_config() {
	local name=$1 nofile=$2 cnf=$3 unit=${4:-}
	local dir=$scratch/$name port pid rc i attempt
	mkdir -p "$dir"
	printf '%s\n' "$cnf" >"$dir/my.cnf"
	[ -n "$unit" ] && printf '%s\n' "$unit" >"$dir/limits.conf"
	cp -a "$scratch/initial" "$dir/data"

	# A port that was free a moment ago can be taken before the server binds it: retry.
	for attempt in 1 2 3; do
		port=$(free_port) || { echo "$name: no free port found"; return 1; }
		# shellcheck disable=SC2086 # $cap_drop is a command prefix or nothing
		(
			set_nofile "$nofile" || exit 98
			exec $cap_drop mariadbd --defaults-file="$dir/my.cnf" --datadir="$dir/data" \
				--socket="$dir/sock" --port="$port" --bind-address=127.0.0.1 \
				--pid-file="$dir/server.pid" --log-error="$dir/err.log" --user=root
		) </dev/null >"$dir/stderr.log" 2>&1 &
		pid=$!
		started_pids+=("$pid") started_datadirs+=("$dir/data")

		for ((i = 0; i < ready_timeout * 10; i++)); do
			if ! kill -0 "$pid" 2>/dev/null; then
				break
			fi
			if mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1; then
				break
			fi
			sleep 0.1
		done
		kill -0 "$pid" 2>/dev/null && break
		rc=0
		wait "$pid" 2>/dev/null || rc=$?
		if [ "$attempt" -lt 3 ] && grep -qs 'Bind on TCP/IP port' "$dir/err.log" "$dir/stderr.log"; then
			rm -f "$dir/err.log"
			continue
		fi
		echo "$name (nofile $nofile): the server exited with status $rc before it was ready"
		show_logs "$dir"
		return 1
	done
	if ! mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1; then
		echo "$name (nofile $nofile): the server did not answer within ${ready_timeout}s"
		show_logs "$dir"
		stop_server "$pid" "$dir/data"
		return 1
	fi

	mariadb --no-defaults --socket="$dir/sock" -uroot -B -N -e "SHOW GLOBAL VARIABLES" \
		>"$dir/server.vars" 2>"$dir/client.err"
	rc=$?
	stop_server "$pid" "$dir/data"
	if [ "$rc" -ne 0 ]; then
		echo "$name (nofile $nofile): SHOW GLOBAL VARIABLES failed: $(head -n 1 "$dir/client.err")"
		return 1
	fi

	rc=0
	(cd "$dir" && "$mysizer" effective --target mariadb-10.11 --nofile "$nofile" --cpus "$(nproc)" \
		--format vars my.cnf) >"$dir/mysizer.vars" 2>"$dir/mysizer.err" </dev/null || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "$name (nofile $nofile): mysizer exit $rc, but the server started: $(head -n 1 "$dir/mysizer.err")"
		return 1
	fi

	# Both sides are in the mysql -B form, so values compare as strings.
	local result counts n bad
	result=$(LC_ALL=C awk -F '\t' -v label="$name (nofile $nofile)" -v required="${required_vars[*]}" \
		-v per_run="$per_run_vars" '
		function q(s) { return "\047" s "\047" }
		BEGIN { gsub(/[ \n]+/, " ", per_run) }
		NR == FNR { server[$1] = $2; next }
		FNR == 1 { next }
		{
			ours[$1] = $2
			if (index(per_run, " " $1 " ")) next
			n++
			if (!($1 in server)) { print label ": " $1 ": the server has no such variable, mysizer " q($2); bad++ }
			else if (server[$1] "" != $2 "") { print label ": " $1 ": mariadbd " q(server[$1]) ", mysizer " q($2); bad++ }
		}
		END {
			split(required, r, " ")
			for (i in r) if (!(r[i] in ours)) {
				print label ": " r[i] ": mariadbd " q(server[r[i]]) ", mysizer does not state it"; bad++
			}
			printf "%s: %s=%s %s=%s %s=%s\n", label, r[1], server[r[1]], r[2], server[r[2]], r[3], server[r[3]]
			print "counts " n + 0 " " bad + 0
		}' "$dir/server.vars" "$dir/mysizer.vars")
	counts=${result##*$'\n'}
	printf '%s\n' "${result%$'\n'*}"
	read -r _ n bad <<<"$counts"
	compared=$((compared + n)) differ=$((differ + bad))
	[ -z "$unit" ] || compare_warnings "$name (nofile $nofile)" "$dir" || bad=$((bad + 1))
	[ "$bad" -eq 0 ]
}

main() {
	[ $# -eq 1 ] || { echo "usage: $0 MYSIZER" >&2; exit 2; }
	mysizer=$(realpath "$1") || exit 2

	local tool
	for tool in mariadbd mariadb-install-db mariadb mariadb-admin; do
		if ! command -v "$tool" >/dev/null; then
			echo "skipped: $tool not found (Debian packages mariadb-server, mariadb-client)"
			exit 77
		fi
	done

	drop_fd_privilege

	scratch=$(mktemp -d)
	trap cleanup EXIT
	trap 'exit 1' INT TERM

	# One bootstrap for all configurations; each gets a copy. --no-defaults keeps the
	# machine's option files out of it.
	if ! mariadb-install-db --no-defaults --datadir="$scratch/initial" --user=root \
		--auth-root-authentication-method=normal --skip-test-db >"$scratch/install.log" 2>&1; then
		echo "mariadb-install-db failed:"
		tail -n 20 "$scratch/install.log"
		exit 1
	fi

	compared=0 differ=0
	local failed=0 ran=0 hard
	hard=$(ulimit -Hn)
	local dropin=$'[Service]\nLimitNOFILE=1024'
	# The server cuts table_open_cache to 421 (measured).
	run_config changed 1024 $'[mysqld]\nmax_connections=151\ntable_open_cache=2000' "$dropin" ||
		failed=$((failed + 1))
	ran=$((ran + 1))
	# 500 connections and 4000 tables under a drop-in's LimitNOFILE=1024: the tables are cut.
	run_config dropin 1024 $'[mysqld]\nmax_connections=500\ntable_open_cache=4000' "$dropin" ||
		failed=$((failed + 1))
	ran=$((ran + 1))
	# The cliff: 1024 descriptors, yet nothing is reduced (measured).
	run_config cliff 1024 $'[mysqld]\nmax_connections=995\ntable_open_cache=2000' "$dropin" ||
		failed=$((failed + 1))
	ran=$((ran + 1))
	# The soft limit is too low, the hard one is not: the server raises its own to 6584.
	if [ "$hard" = unlimited ] || [ "$hard" -ge 20000 ]; then
		run_config split 1024:20000 $'[mysqld]\nmax_connections=151\ntable_open_cache=400' ||
			failed=$((failed + 1))
		ran=$((ran + 1))
	else
		echo "note: hard fd limit $hard is below 20000; the soft:hard configuration is left out"
	fi
	# The soft limit already covers the request: open_files_limit shows the request.
	if [ "$hard" = unlimited ] || [ "$hard" -ge 4096 ]; then
		run_config request-met 4096 $'[mysqld]\nmax_connections=100\ntable_open_cache=50' ||
			failed=$((failed + 1))
		ran=$((ran + 1))
	else
		echo "note: hard fd limit $hard is below 4096; the request-met configuration is left out"
	fi

	# Names the server settles only at startup, which --help cannot show: the collation that
	# follows the character set, canonical engine and character set names.
	run_config names 1024 \
		$'[mysqld]\ncharacter_set_server=utf8mb4\ndefault_storage_engine=innodb\nmax_connections=50' ||
		failed=$((failed + 1))
	ran=$((ran + 1))

	echo "compared $compared values on $ran servers: $differ differ; $failed of $ran configurations failed"
	[ "$failed" -eq 0 ]
}

# shellcheck source=SCRIPTDIR/case-lib.sh
. "$(dirname "$0")/case-lib.sh"
main "$@"
