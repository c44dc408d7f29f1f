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
scratch=

cleanup() {
	stop_servers
	[ -n "$scratch" ] && rm -rf "$scratch"
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
	local dir=$scratch/$name pid rc
	mkdir -p "$dir"
	printf '%s\n' "$cnf" >"$dir/my.cnf"
	[ -n "$unit" ] && printf '%s\n' "$unit" >"$dir/limits.conf"
	cp -a "$scratch/initial" "$dir/data"

	start_server "$name (nofile $nofile)" "$dir" "$nofile" --defaults-file="$dir/my.cnf" || return 1
	pid=$server_pid

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

	require_server_tools
	drop_fd_privilege

	scratch=$(mktemp -d)
	trap cleanup EXIT
	trap 'exit 1' INT TERM

	# One bootstrap for all configurations; each gets a copy.
	bootstrap_datadir "$scratch/initial" || exit 1

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
# shellcheck source=SCRIPTDIR/server-lib.sh
. "$(dirname "$0")/server-lib.sh"
main "$@"
