#!/usr/bin/env bash
# Differential test of the value layer against the real MariaDB 10.11 server.
#
# `mariadbd --defaults-file=F --help --verbose` runs the server's whole option parse, range
# clamping, block rounding and startup fd adjustment without starting anything. Its variable
# table, converted to the SHOW GLOBAL VARIABLES form a running server prints (checked against
# running servers on every accepted case and corpus file), is the oracle: every variable that
# `mysizer effective --format vars` prints must be there with the same value, for every file
# and every fd limit. Not compared here: files mariadbd refuses (exit status not 0); files it
# accepts while printing an [ERROR] (a storage engine's options failed, so it disables the
# engine, and the real server then aborts); and case folders holding server-refuses.txt,
# whose real server aborts although --help accepts them (the file says why).
#
# usage: effective-differential.sh MYSIZER CASES... [--corpus DIR]
#   CASES  case folders (my.cnf, maybe setup.sh), or folders holding case folders
#   DIR    a folder of option files; each file is compared as it is, from that folder
set -uo pipefail

# How many differences to list before only counting them.
readonly max_listed=40
# --help really allocates the key cache and the Aria page cache; keep a huge setting from
# taking the machine's memory. The printed values are the same under this cap.
readonly memory_cap_kib=4194304

usage() {
	echo "usage: $0 MYSIZER CASES... [--corpus DIR]" >&2
	exit 2
}

# collect_cases ARG: prints the case folders ARG stands for, one per line.
collect_cases() {
	local arg=${1%/} sub
	if [ -f "$arg/my.cnf" ]; then
		printf '%s\n' "$arg"
	elif [ -d "$arg" ]; then
		for sub in "$arg"/*/; do
			[ -f "$sub/my.cnf" ] && printf '%s\n' "${sub%/}"
		done
	else
		echo "no such case folder: $arg" >&2
		return 1
	fi
}

# fd_limits: the limits to run under, one per line: 1024, 4096 and this machine's hard
# limit, left out (with a note on stderr) when the hard limit is below them or unlimited.
fd_limits() {
	local hard n
	hard=$(ulimit -Hn)
	for n in 1024 4096 "$hard"; do
		if [ "$n" = unlimited ]; then
			echo "note: the hard fd limit is unlimited; not used as a limit" >&2
		elif [ "$hard" != unlimited ] && [ "$n" -gt "$hard" ]; then
			echo "note: fd limit $n is above this machine's hard limit $hard; left out" >&2
		else
			echo "$n"
		fi
	done | sort -n -u
}

# What --help --verbose does not show the way SHOW GLOBAL VARIABLES does, measured by
# comparing the two on the same files (MariaDB 10.11.19):
#
# Options that are not server variables (the server has no such variable to show).
readonly options_only="binlog_row_event_max_size character_set_client_handshake chroot console
debug debug_abort_slave_event_count debug_disconnect_slave_event_count debug_gdb
debug_max_binlog_dump_events debug_no_sync debug_sporadic_binlog_dump_fail default_time_zone
des_key_file feedback feedback_http_proxy feedback_send_retry_wait feedback_send_timeout
feedback_url feedback_user_info flashback gdb getopt_prefix_matching help init_rpl_role innodb
innodb_buffer_page innodb_buffer_page_lru innodb_buffer_pool_stats innodb_cmp
innodb_cmp_per_index innodb_cmp_per_index_reset innodb_cmp_reset innodb_cmpmem
innodb_cmpmem_reset innodb_ft_being_deleted innodb_ft_config innodb_ft_default_stopword
innodb_ft_deleted innodb_ft_index_cache innodb_ft_index_table innodb_lock_waits innodb_locks
innodb_metrics innodb_status_file innodb_sys_columns innodb_sys_fields innodb_sys_foreign
innodb_sys_foreign_cols innodb_sys_indexes innodb_sys_tables innodb_sys_tablespaces
innodb_sys_tablestats innodb_sys_virtual innodb_tablespaces_encryption innodb_trx log_basename
log_ddl_recovery log_isam log_short_format log_tc master_info_file master_retry_count memlock
old_style_user_limits partition performance_schema_consumer_events_stages_current
performance_schema_consumer_events_stages_history
performance_schema_consumer_events_stages_history_long
performance_schema_consumer_events_statements_current
performance_schema_consumer_events_statements_history
performance_schema_consumer_events_statements_history_long
performance_schema_consumer_events_transactions_current
performance_schema_consumer_events_transactions_history
performance_schema_consumer_events_transactions_history_long
performance_schema_consumer_events_waits_current performance_schema_consumer_events_waits_history
performance_schema_consumer_events_waits_history_long
performance_schema_consumer_global_instrumentation performance_schema_consumer_statements_digest
performance_schema_consumer_thread_instrumentation performance_schema_instrument
port_open_timeout replicate_same_server_id safe_user_create sequence show_slave_auth_info
silent_startup skip_slave_start ssl stack_trace symbolic_links sysdate_is_now table_cache
tc_heuristic_recover temp_pool thread_pool_groups thread_pool_queues thread_pool_stats
thread_pool_waits unix_socket user_variables verbose wsrep_new_cluster"
# Variables the server settles only after --help has printed them (storage engine start,
# autosizing, the port, canonical character set and engine names such as utf8 -> utf8mb3 or
# innodb -> InnoDB): --help cannot state them, so they are not compared here; live-startup.sh
# compares the ones mysizer prints with a running server.
readonly settled_later="aria_checkpoint_interval aria_recover_options character_set_filesystem
character_set_server collation_server default_storage_engine default_tmp_storage_engine
enforce_storage_engine ft_stopword_file innodb_buffer_pool_size_auto_min innodb_io_capacity_max
innodb_log_file_buffering innodb_log_file_mmap innodb_log_group_home_dir
innodb_log_write_ahead_size innodb_open_files innodb_undo_directory log_bin_index
optimizer_switch optimizer_trace report_port slave_parallel_mode"
# Doubles: --help prints %g, the server %.6f.
readonly doubles="analyze_sample_percentage expire_logs_days innodb_adaptive_flushing_lwm
innodb_defragment_fill_factor innodb_max_dirty_pages_pct innodb_max_dirty_pages_pct_lwm
log_slow_query_time long_query_time max_statement_time slave_max_statement_time"

# to_vars: reads mariadbd --help --verbose on stdin, prints its variable table in the
# SHOW GLOBAL VARIABLES batch form: a header, then NAME<TAB>VALUE in table order, with a
# third field "later" or "rounded" on the rows whose server value --help cannot state.
# Exits 1 when there is no table to read.
to_vars() {
	LC_ALL=C awk -v options_only="$options_only" -v settled_later="$settled_later" \
		-v doubles="$doubles" '
	function set_of(words, set,   n, i, w) {
		n = split(words, w, /[ \n]+/)
		for (i = 1; i <= n; i++) if (w[i] != "") set[w[i]] = 1
	}
	# The mysql -B escapes. NUL cannot occur: option values are C strings.
	function esc(s,   out, i, c) {
		out = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\\") out = out "\\\\"
			else if (c == "\t") out = out "\\t"
			else if (c == "\n") out = out "\\n"
			else out = out c
		}
		return out
	}
	# Significant digits of a number printed with %g.
	function significant(s,   m) {
		m = s
		sub(/[eE].*/, "", m); gsub(/[^0-9]/, "", m); sub(/^0+/, "", m)
		return length(m)
	}
	BEGIN {
		set_of(options_only, skip_name); set_of(settled_later, later); set_of(doubles, dbl)
		# Options whose variable has another name; external_locking is shown negated.
		rename["transaction_isolation"] = "tx_isolation"
		rename["transaction_read_only"] = "tx_read_only"
		rename["external_locking"] = "skip_external_locking"
	}
	state == 0 && /^Variables \(--variable-name=value\)$/ { state = 1; next }
	# The rule line: dashes over the names, a blank, dashes over the values.
	state == 1 && /^-+ -+$/ { valcol = index($0, " ") + 1; state = 2; next }
	state == 2 { line[++n] = $0 }
	END {
		if (state != 2) exit 1
		# The table ends at the blank line before the closing "To see what ..." text. A value
		# with a newline spans several lines and may hold blank lines of its own, so a blank
		# line ends the table only there (or, lacking that text, the first blank line does).
		last = 0
		for (i = 1; i <= n; i++)
			if (line[i] == "" && (i == n || line[i + 1] ~ /^To see what /)) { last = i - 1; break }
		if (!last)
			for (i = 1; i <= n; i++) if (line[i] == "") { last = i - 1; break }
		if (!last) last = n
		rows = 0; prev = ""
		for (i = 1; i <= last; i++) {
			s = line[i]
			name = substr(s, 1, index(s, " ") - 1)
			row = 0
			# A row is a name padded with blanks to the value column (a longer name is followed
			# by a run of blanks), and the table is sorted: anything else continues the value
			# of the row before it.
			if (name ~ /^[A-Za-z0-9][A-Za-z0-9_-]*$/ && name > prev) {
				if (length(name) < valcol - 1) {
					if (substr(s, length(name) + 1, valcol - 1 - length(name)) ~ /^ +$/) {
						row = 1; value = substr(s, valcol)
					}
				} else {
					row = 1; value = substr(s, length(name) + 1); sub(/^ +/, "", value)
				}
			}
			if (row) {
				prev = name; rows++
				key = tolower(name); gsub(/-/, "_", key)
				names[rows] = key; val[rows] = value
			} else if (rows) {
				val[rows] = val[rows] "\n" s
			} else {
				exit 1
			}
		}
		if (!rows) exit 1
		print "Variable_name\tValue"
		for (i = 1; i <= rows; i++) {
			k = names[i]; v = val[i]; note = ""
			if (k in skip_name) continue
			if (k == "external_locking") v = (v == "TRUE") ? "FALSE" : "TRUE"
			if (k in rename) k = rename[k]
			if (k == "log_bin") {
				# --help shows the binlog base name; the server shows whether it is on. 0 comes
				# from skip-log-bin.
				v = (v == "(No default value)" || v == "0") ? "OFF" : "ON"
			} else if (v == "TRUE") {
				v = "ON"
			} else if (v == "FALSE") {
				v = "OFF"
			} else if (v == "(No default value)") {
				v = ""
			} else if (k in dbl) {
				# Six significant digits may be a rounded value: the server has the exact one.
				if (significant(v) >= 6) note = "rounded"
				v = sprintf("%.6f", v)
			}
			if (k in later) note = "later"
			print k "\t" esc(v) (note != "" ? "\t" note : "")
		}
	}'
}

# run_one ID DIR FILE NOFILE: runs the oracle and, if it accepts FILE, mysizer, in DIR;
# leaves ID.* files in $jobs_dir.
run_one() {
	local id=$1 dir=$2 file=$3 nofile=$4 rc=0
	local out=$jobs_dir/$id
	# shellcheck disable=SC2086 # $cap_drop is a command prefix or nothing
	(
		cd "$dir" || exit 98
		ulimit -v "$memory_cap_kib" || exit 98
		ulimit -n "$nofile" || exit 98
		HOME=$dir exec $cap_drop mariadbd --defaults-file="$file" --help --verbose
	) >"$out.oracle" 2>"$out.oracle.err" </dev/null || rc=$?
	# An [ERROR] with exit 0: an engine's options failed and the engine is disabled; the
	# real server aborts later, so there is nothing to compare.
	if [ "$rc" -eq 0 ] && grep -q '\[ERROR\]' "$out.oracle.err"; then
		rc=error
	fi
	echo "$rc" >"$out.oracle.rc"
	[ "$rc" = 0 ] || return 0
	if ! to_vars <"$out.oracle" >"$out.oracle.vars"; then
		echo "unparsable" >"$out.oracle.rc"
		return 0
	fi
	rc=0
	(cd "$dir" && HOME=$dir "$mysizer" effective --target mariadb-10.11 --nofile "$nofile" \
		--cpus "$cpus" --format vars "$file") >"$out.ours" 2>"$out.ours.err" </dev/null || rc=$?
	echo "$rc" >"$out.ours.rc"
}

# run_file FIRST_ID DIR FILE: run_one for each fd limit in $fd_limit_list, with the IDs
# FIRST_ID, FIRST_ID + 1, ... A refusal does not depend on the fd limit, so once mariadbd
# refuses FILE the other limits take its answer without running it again.
run_file() {
	local id=$1 dir=$2 file=$3 nofile refused=
	for nofile in $fd_limit_list; do
		if [ -n "$refused" ]; then
			echo "$refused" >"$jobs_dir/$id.oracle.rc"
		else
			run_one "$id" "$dir" "$file" "$nofile"
			refused=$(cat "$jobs_dir/$id.oracle.rc")
			[ "$refused" = 0 ] && refused=
		fi
		id=$((id + 1))
	done
}

# compare LABEL NOFILE ORACLE_VARS OURS: prints one line per difference and, last,
# "counts VALUES DIFFERENCES NOT_COMPARED NAMES..." where NAMES are the variables compared.
compare() {
	LC_ALL=C awk -F '\t' -v label="$1 (nofile $2)" '
	function q(s) { return "\047" s "\047" }
	function differ(msg) { print label ": " msg; bad++ }
	NR == FNR { if (FNR > 1) { oracle[$1] = $2; if (NF > 2) unsure[$1] = 1 }; next }
	FNR == 1 {
		if ($0 != "Variable_name\tValue") {
			differ("mysizer printed no Variable_name<TAB>Value header (first line " q($0) ")")
		}
		next
	}
	NF != 2 { differ("mysizer line " FNR " is not NAME<TAB>VALUE: " q($0)); next }
	$1 in seen { differ($1 ": mysizer prints it twice"); next }
	{ seen[$1] = 1 }
	$1 in unsure { skipped++; next }
	{
		values++; names = names " " $1
		if (!($1 in oracle)) differ($1 ": mariadbd has no such variable, mysizer " q($2))
		# As strings: awk would take "10" and "10.000000" as equal numbers.
		else if (oracle[$1] "" != $2 "") differ($1 ": mariadbd " q(oracle[$1]) ", mysizer " q($2))
	}
	END { print "counts " values + 0 " " bad + 0 " " skipped + 0 names }' "$3" "$4"
}

main() {
	[ $# -ge 2 ] || usage
	mysizer=$(realpath "$1") || usage
	shift
	local -a cases=() case_args=()
	local corpus=
	while [ $# -gt 0 ]; do
		case $1 in
		--corpus) [ $# -ge 2 ] || usage; corpus=$2; shift 2 ;;
		*) case_args+=("$1"); shift ;;
		esac
	done

	if ! command -v mariadbd >/dev/null; then
		echo "skipped: mariadbd not found (Debian package mariadb-server)"
		exit 77
	fi

	local c
	for c in "${case_args[@]}"; do
		mapfile -t -O "${#cases[@]}" cases < <(collect_cases "$c") || exit 2
	done
	[ "${#cases[@]}" -gt 0 ] || [ -n "$corpus" ] || { echo "no case folders given" >&2; exit 2; }

	drop_fd_privilege

	cpus=$(nproc)
	scratch=$(mktemp -d)
	# shellcheck disable=SC2064 # expand now: $scratch is fixed
	trap "chmod -R u+rwx '$scratch' 2>/dev/null; rm -rf '$scratch'" EXIT
	trap 'exit 1' INT TERM
	jobs_dir=$scratch/jobs
	mkdir -p "$jobs_dir"

	local -a limits=()
	mapfile -t limits < <(fd_limits)

	# One record per file: FIRST_ID DIR FILE; each fd limit has an ID and a label of its own.
	local -a labels=() nofiles=()
	local list=$scratch/list i=0 n_files=0 dir file label nofile
	: >"$list"
	add_file() {
		n_files=$((n_files + 1))
		printf '%s\0%s\0%s\0' "$i" "$1" "$2" >>"$list"
		for nofile in "${limits[@]}"; do
			labels[i]=$3 nofiles[i]=$nofile
			i=$((i + 1))
		done
	}
	local k=0 server_refuses=0
	for c in "${cases[@]}"; do
		if [ -f "$c/server-refuses.txt" ]; then
			server_refuses=$((server_refuses + 1))
			continue
		fi
		k=$((k + 1))
		prepare_case "$c" "$scratch/c$k" || { echo "$c: setup failed" >&2; exit 1; }
		add_file "$scratch/c$k/case" my.cnf "$(basename "$c")/my.cnf"
	done
	local n_corpus=0
	if [ -n "$corpus" ]; then
		if [ -d "$corpus" ]; then
			dir=$(realpath "$corpus")
			for file in "$dir"/*; do
				[ -f "$file" ] || continue
				add_file "$dir" "$(basename "$file")" "corpus/$(basename "$file")"
				n_corpus=$((n_corpus + 1))
			done
		else
			echo "note: no corpus at '$corpus'; compared the case folders only"
		fi
	fi

	fd_limit_list="${limits[*]}"
	export jobs_dir mysizer cpus cap_drop memory_cap_kib options_only settled_later doubles \
		fd_limit_list
	export -f run_file run_one to_vars
	xargs -0 -n 3 -P "$cpus" bash -c 'run_file "$@"' _ <"$list"

	# Collect, in input order.
	local configs=0 values=0 differ=0 listed=0 refused=0 engine_errors=0 not_compared=0
	local id rc_oracle rc_ours line
	local -A names_seen=()
	emit() {
		if [ "$listed" -lt "$max_listed" ]; then printf '%s\n' "$1"; fi
		listed=$((listed + 1))
	}
	for ((id = 0; id < i; id++)); do
		label=${labels[id]}
		nofile=${nofiles[id]}
		rc_oracle=$(cat "$jobs_dir/$id.oracle.rc" 2>/dev/null) || rc_oracle=lost
		if [ "$rc_oracle" = lost ]; then
			emit "$label (nofile $nofile): the run of mariadbd left no result"
			differ=$((differ + 1))
			continue
		elif [ "$rc_oracle" = unparsable ]; then
			emit "$label (nofile $nofile): cannot read the variable table of mariadbd's output"
			differ=$((differ + 1))
			continue
		elif [ "$rc_oracle" = error ]; then
			engine_errors=$((engine_errors + 1))
			continue
		elif [ "$rc_oracle" != 0 ]; then
			refused=$((refused + 1))
			continue
		fi
		configs=$((configs + 1))
		rc_ours=$(cat "$jobs_dir/$id.ours.rc" 2>/dev/null) || rc_ours="(no result)"
		if [ "$rc_ours" != 0 ]; then
			emit "$label (nofile $nofile): mysizer exit $rc_ours where mariadbd accepts the file: $(head -c 300 "$jobs_dir/$id.ours.err" | head -n 1)"
			differ=$((differ + 1))
			continue
		fi
		while IFS= read -r line; do
			case $line in
			"counts "*)
				# shellcheck disable=SC2086 # split the counts line into words
				set -- $line
				values=$((values + $2))
				differ=$((differ + $3))
				not_compared=$((not_compared + $4))
				shift 4
				for c in "$@"; do names_seen[$c]=1; done
				;;
			*) emit "$line" ;;
			esac
		done < <(compare "$label" "$nofile" "$jobs_dir/$id.oracle.vars" "$jobs_dir/$id.ours")
	done
	if [ "$listed" -gt "$max_listed" ]; then
		echo "... and $((listed - max_listed)) more not listed"
	fi

	echo "$((${#cases[@]} - server_refuses)) case files, $n_corpus corpus files; not compared: $server_refuses cases whose server refuses them (server-refuses.txt), $refused runs refused by mariadbd, $engine_errors runs with an [ERROR] from an engine's options"
	echo "${#names_seen[@]} distinct variables compared"
	if [ "$not_compared" -gt 0 ]; then
		echo "$not_compared values not compared: the server settles them after --help prints them, or --help rounds them"
	fi
	echo "compared $values values in $configs configurations ($n_files files x ${#limits[@]} fd limits): $differ differ"
	if [ "$configs" -gt 0 ] && [ "$values" -eq 0 ] && [ "$differ" -eq 0 ]; then
		echo "mysizer stated no value at all"
		exit 1
	fi
	[ "$differ" -eq 0 ]
}

# shellcheck source=SCRIPTDIR/case-lib.sh
. "$(dirname "$0")/case-lib.sh"
main "$@"
