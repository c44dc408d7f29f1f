#!/usr/bin/env bash
# mysizer live against a real server: mariadbd on 127.0.0.1 with a temporary datadir, an
# account with a password, and a known number of idle connections of another account, which
# live mode must read (the probe prints what it read) and report as a leak, with the password
# from MYSQL_PWD, an option file or a prompt, and over TLS. The password must show nowhere; a
# wrong password, a refused port, a server that never answers and one without TLS when TLS is
# asked for must each give exit status 2 and a clear message. Nothing here talks to anything
# but 127.0.0.1.
#
# usage: live-mode.sh MYSIZER OBSERVE_PROBE SOURCE_DIR
set -uo pipefail

readonly idle_count=5
# Distinct enough that finding one in an output cannot be chance.
readonly password=Pw-live-4f1c9e2a idle_password=Pw-idle-77b3d0 wrong_password=Pw-wrong-e5a8c1

scratch=
declare -a helper_pids=()

cleanup() {
	local pid
	for pid in "${helper_pids[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	stop_servers
	[ -n "$scratch" ] && rm -rf "$scratch"
}

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# as_root SQL: runs SQL as root through the server's socket.
as_root() {
	mariadb --no-defaults --socket="$scratch/server/sock" -uroot -B -N -e "$1"
}

# live OUT ARGS...: runs mysizer live ARGS... with stdin from /dev/null; stdout in OUT.json,
# stderr in OUT.err, the exit status in rc.
live() {
	local name=$1
	shift
	rc=0
	"$mysizer" live "$@" >"$scratch/$name.json" 2>"$scratch/$name.err" </dev/null || rc=$?
}

# no_password FILE...: the password shows in none of them.
no_password() {
	local f
	for f in "$@"; do
		! grep -qF -e "$password" -e "$idle_password" -e "$wrong_password" "$f" ||
			fail "$(basename "$f") shows a password"
	done
}

# connection_fails NAME WANT_TEXT ARGS...: mysizer live ARGS... exits with 2 and says WANT_TEXT.
connection_fails() {
	local name=$1 want=$2
	shift 2
	live "$name" "$@"
	[ "$rc" = 2 ] || fail "$name: exit status $rc, expected 2"
	grep -qF -- "$want" "$scratch/$name.err" ||
		fail "$name: stderr lacks '$want': $(head -c 300 "$scratch/$name.err")"
	[ ! -s "$scratch/$name.json" ] || fail "$name: a report on standard output"
	no_password "$scratch/$name.json" "$scratch/$name.err"
}

# open_idle_connections: $idle_count mariadb clients as 'leaky', each waiting on a FIFO that
# this shell holds open, so they stay connected and idle (Sleep).
open_idle_connections() {
	local i fd
	for ((i = 1; i <= idle_count; i++)); do
		mkfifo "$scratch/idle$i"
		MYSQL_PWD=$idle_password mariadb --no-defaults -h127.0.0.1 -P"$port" -uleaky \
			<"$scratch/idle$i" >"$scratch/idle$i.out" 2>&1 &
		helper_pids+=($!)
		# shellcheck disable=SC2034 # fd is held, never written: the client waits on it
		exec {fd}>"$scratch/idle$i"
	done
}

# wait_for SQL WANT: until root's SQL prints WANT, for 30 s at most.
wait_for() {
	local i
	for ((i = 0; i < 300; i++)); do
		[ "$(as_root "$1")" = "$2" ] && return 0
		sleep 0.1
	done
	echo "gave up waiting for '$1' to give '$2': $(as_root "$1")"
	return 1
}

# wait_for_file FILE: until FILE holds a line, for 10 s at most.
wait_for_file() {
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$1" ] && return 0
		sleep 0.1
	done
	return 1
}

# make_certs DIR: a CA, a server certificate for 127.0.0.1 and a client certificate signed by
# it, and another CA that signed neither.
make_certs() {
	mkdir -p "$1"
	(
		cd "$1" || exit 1
		openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=test-ca -keyout ca-key.pem \
			-out ca.pem &&
			openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=other-ca \
				-keyout other-key.pem -out other-ca.pem &&
			openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 \
				-addext subjectAltName=IP:127.0.0.1 -keyout server-key.pem -out server.csr &&
			openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
				-copy_extensions copy -out server.pem &&
			openssl req -newkey rsa:2048 -nodes -subj /CN=checker -keyout client-key.pem \
				-out client.csr &&
			openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
				-out client.pem
	) >"$1/openssl.log" 2>&1 || { echo "openssl failed:"; tail -n 5 "$1/openssl.log"; return 1; }
}

# tls_tests: TLS as asked, the server's certificate checked against the CA given, a client
# certificate sent, and no connection without TLS when --ssl asks for it.
tls_tests() {
	local tls=$scratch/tls
	MYSQL_PWD=$password live tls-verified --host 127.0.0.1 --port "$port" --user checker --ssl \
		--ssl-verify-server-cert --ssl-ca "$tls/ca.pem" "${check[@]}"
	[ "$rc" = 0 ] || fail "TLS with the server's CA: exit status $rc: $(head -c 300 "$scratch/tls-verified.err")"
	MYSQL_PWD=$password connection_fails tls-other-ca \
		"mysizer live: cannot connect to '127.0.0.1:$port': TLS/SSL error" \
		--host 127.0.0.1 --port "$port" --user checker --ssl-verify-server-cert \
		--ssl-ca "$tls/other-ca.pem" "${check[@]}"
	MYSQL_PWD=$password live tls-client-cert --host 127.0.0.1 --port "$port" --user certified \
		--ssl --ssl-ca "$tls/ca.pem" --ssl-cert "$tls/client.pem" --ssl-key "$tls/client-key.pem" \
		"${check[@]}"
	[ "$rc" = 0 ] || fail "a client certificate: exit status $rc: $(head -c 300 "$scratch/tls-client-cert.err")"
	MYSQL_PWD=$password connection_fails tls-no-client-cert \
		"Access denied for user 'certified'@'127.0.0.1'" \
		--host 127.0.0.1 --port "$port" --user certified --ssl --ssl-ca "$tls/ca.pem" "${check[@]}"

	# A server that offers no TLS: root connects, and --ssl refuses the connection.
	start_server plain "$scratch/plain" "" --no-defaults --skip-name-resolve || { fail "no plain server"; return; }
	connection_fails tls-not-offered \
		"mysizer live: cannot connect to '127.0.0.1:$server_port' over TLS: the server does not offer it" \
		--host 127.0.0.1 --port "$server_port" --user root --ssl "${check[@]}"
	stop_server "$server_pid" "$scratch/plain/data"
}

# check_report FILE: the json report of the live run, against the one of the same check
# without a server (OFFLINE.json), the schema and what the server holds.
check_report() {
	python3 - "$1" "$scratch/offline.json" "$src/docs/schema/report-1.json" \
		"127.0.0.1:$port" "$target" "$idle_count" <<'EOF'
import json, sys

path, offline_path, schema_path, address, target, idle = sys.argv[1:]
problems = []
report = json.load(open(path))
offline = json.load(open(offline_path))
try:
    import jsonschema
    jsonschema.validate(report, json.load(open(schema_path)))
except ImportError:
    print("note: python3-jsonschema is not installed: the report is not held to its schema")
except jsonschema.ValidationError as e:
    problems.append("not valid against report-1.json: %s" % e.message)
if report.get("schema_version") != 1:
    problems.append("schema_version %r" % report.get("schema_version"))
if report.get("target") != target:
    problems.append("target %r, not the running server's %s" % (report.get("target"), target))
# The server stands in for the dumps: the rules the same check without it skips for want of
# the running server's data, live mode runs.
wanting = {s["rule"] for s in offline["skipped"] if "running server" in s["reason"]}
still = [s for s in report["skipped"] if s["rule"] in wanting]
if not wanting:
    problems.append("without the server, no rule is skipped for want of it: %r" % offline["skipped"])
if still:
    problems.append("live mode skips %r" % still)
# The idle connections: a leak, located at the server.
leaks = [f for f in report["findings"] if f["rule"] == "MZ6010"]
want = "%s connections of 'leaky'@'127.0.0.1'" % idle
if not any(want in f["message"] for f in leaks):
    problems.append("no MZ6010 finding says %r: %r" % (want, [f["message"] for f in leaks]))
elif not all(f["location"]["file"] == address for f in leaks):
    problems.append("MZ6010 located at %r, not %s" % ([f["location"] for f in leaks], address))
for p in problems:
    print("FAIL: %s: %s" % (path.rsplit("/", 1)[-1], p))
sys.exit(1 if problems else 0)
EOF
}

# check_probe USER WANT_IDLE WANT_UNREAD: what live mode reads as USER, seen through the probe.
check_probe() {
	local user=$1 want_idle=$2 want_unread=$3 out=$scratch/probe-$1.out got
	MYSQL_PWD=$password "$probe" 127.0.0.1 "$port" "$user" >"$out" 2>&1 ||
		{ fail "probe as $user: $(cat "$out")"; return; }
	for set in variables status processlist; do
		grep -qxE "$set	127\.0\.0\.1:$port	[0-9]+" "$out" ||
			fail "probe as $user: $set not read from 127.0.0.1:$port: $(grep "^$set" "$out")"
	done
	# By name, without regard to case, as the server has it.
	got=$(as_root "SELECT @@GLOBAL.max_connections")
	grep -qxF "MAX_CONNECTIONS	$got	127.0.0.1:$port:0" "$out" ||
		fail "probe as $user: max_connections not $got: $(grep '^MAX_CONNECTIONS' "$out")"
	# Each idle client, its host without the port, idle since it connected.
	got=$(grep -cE "^connection	leaky	127\.0\.0\.1	Sleep	[0-9]+	127\.0\.0\.1:$port:0$" "$out")
	[ "$got" = "$want_idle" ] ||
		fail "probe as $user: $got idle connections of leaky, expected $want_idle: $(grep '^connection' "$out")"
	grep -q "^connection	$user	" "$out" && fail "probe as $user: lists its own connection"
	got=$(grep '^unread' "$out")
	if [ -z "$want_unread" ]; then
		[ -z "$got" ] || fail "probe as $user: unread: $got"
	else
		[[ $got == *"$want_unread"* ]] || fail "probe as $user: unread lacks '$want_unread': '$got'"
	fi
}

# prompt_test: without MYSQL_PWD or an option file's password, on a terminal, mysizer asks
# for the password and does not echo it.
prompt_test() {
	python3 - "$mysizer" "$scratch" "$password" live --host 127.0.0.1 --port "$port" \
		--user checker --deploy "$scratch/deploy.json" --format json --fail-on never <<'EOF'
import os, select, subprocess, sys, time

mysizer, scratch, password, *args = sys.argv[1:]
master, slave = os.openpty()
with open(scratch + "/prompt.json", "wb") as out, open(scratch + "/prompt.err", "wb") as err:
    p = subprocess.Popen([mysizer] + args, stdin=slave, stdout=out, stderr=err)
os.close(slave)
deadline = time.time() + 30
while b"Enter password: " not in open(scratch + "/prompt.err", "rb").read():
    if p.poll() is not None or time.time() > deadline:
        print("FAIL: prompt: no 'Enter password: ' prompt")
        sys.exit(1)
    time.sleep(0.05)
os.write(master, password.encode() + b"\n")
rc = p.wait(timeout=60)
shown = b""
while select.select([master], [], [], 0.2)[0]:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
if rc != 0:
    print("FAIL: prompt: exit status %d: %s" % (rc, open(scratch + "/prompt.err").read()[:300]))
if password.encode() in shown:
    print("FAIL: prompt: the terminal echoes the password")
sys.exit(1 if rc != 0 or password.encode() in shown else 0)
EOF
}

main() {
	[ $# -eq 3 ] || { echo "usage: $0 MYSIZER OBSERVE_PROBE SOURCE_DIR" >&2; exit 2; }
	mysizer=$(realpath "$1") probe=$(realpath "$2") src=$(realpath "$3") || exit 2

	require_server_tools
	command -v python3 >/dev/null || { echo "skipped: python3 not found"; exit 77; }
	case $("$mysizer" --version) in
	*"MySQL client library "[0-9]*) ;;
	*) echo "skipped: mysizer is built without the MySQL client library"; exit 77 ;;
	esac

	scratch=$(mktemp -d)
	trap cleanup EXIT
	trap 'exit 1' INT TERM
	# No option file of this machine's: ~/.my.cnf is the test's own.
	export HOME=$scratch/home
	mkdir -p "$HOME" "$scratch/server" "$scratch/plain"
	unset MYSQL_PWD MYSQL_HOST MYSQL_TCP_PORT MYSQL_UNIX_PORT

	bootstrap_datadir "$scratch/initial" || exit 1
	cp -a "$scratch/initial" "$scratch/server/data" && cp -a "$scratch/initial" "$scratch/plain/data" ||
		exit 1
	local tls=()
	if ! command -v openssl >/dev/null; then
		echo "note: openssl not found (Debian package openssl): TLS is not tested"
	elif make_certs "$scratch/tls"; then
		tls=(--ssl-ca="$scratch/tls/ca.pem" --ssl-cert="$scratch/tls/server.pem"
			--ssl-key="$scratch/tls/server-key.pem")
	else
		fail "no certificates for TLS"
	fi
	# Hosts stay addresses, so that the accounts match 127.0.0.1 and nothing is looked up.
	start_server live "$scratch/server" "" --no-defaults --skip-name-resolve "${tls[@]}" || exit 1
	port=$server_port
	# The target the running server's version names.
	target=$(as_root "SELECT CONCAT('mariadb-', SUBSTRING_INDEX(VERSION(), '.', 2))")

	# checker may see every connection; plain only its own; leaky holds connections idle.
	as_root "CREATE USER checker@'127.0.0.1' IDENTIFIED BY '$password';
		GRANT PROCESS ON *.* TO checker@'127.0.0.1';
		CREATE USER plain@'127.0.0.1' IDENTIFIED BY '$password';
		CREATE USER leaky@'127.0.0.1' IDENTIFIED BY '$idle_password';
		CREATE USER certified@'127.0.0.1' IDENTIFIED BY '$password' REQUIRE X509;" || exit 1
	open_idle_connections
	wait_for "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'leaky' AND COMMAND = 'Sleep'" \
		"$idle_count" || exit 1
	# An application that connects as leaky, whose mysql2 pool closes connections idle for
	# 1 s: with no margin, a connection idle for 2 s is held outside the pool.
	printf '%s\n' '{ "apps": [ { "name": "reports", "library": "mysql2", "user": "leaky",' \
		'"pool": { "connectionLimit": 10, "maxIdle": 2, "idleTimeout": 1000 } } ] }' \
		>"$scratch/deploy.json"
	wait_for "SELECT MIN(TIME) >= 2 FROM information_schema.PROCESSLIST WHERE USER = 'leaky'" 1 ||
		exit 1
	local check=(--deploy "$scratch/deploy.json" --lifetime-margin 0 --format json --fail-on never)

	# What live mode reads, and what it says it could not.
	check_probe checker "$idle_count" ""
	check_probe plain 0 "information_schema.PROCESSLIST: other accounts' connections: the account 'plain'@'127.0.0.1' lacks the PROCESS privilege"

	# The report, against the same check without the server.
	"$mysizer" check --target "$target" "${check[@]}" >"$scratch/offline.json" 2>"$scratch/offline.err" ||
		fail "mysizer check without the server: $(cat "$scratch/offline.err")"
	MYSQL_PWD=$password live report --host 127.0.0.1 --port "$port" --user checker "${check[@]}"
	[ "$rc" = 0 ] || fail "mysizer live: exit status $rc: $(head -c 300 "$scratch/report.err")"
	check_report "$scratch/report.json" || failures=$((failures + 1))
	no_password "$scratch/report.json" "$scratch/report.err"

	# The option file: ~/.my.cnf's [client], and MYSQL_PWD over its password.
	printf '[client]\nhost = 127.0.0.1\nport = %s\nuser = checker\npassword = %s\n' \
		"$port" "$password" >"$HOME/.my.cnf"
	live mycnf "${check[@]}"
	[ "$rc" = 0 ] || fail ".my.cnf in HOME: exit status $rc: $(head -c 300 "$scratch/mycnf.err")"
	check_report "$scratch/mycnf.json" || failures=$((failures + 1))
	printf '[mysql]\nuser = checker\npassword = %s\n' "$wrong_password" >"$scratch/defaults.cnf"
	MYSQL_PWD=$password live env-over-file --defaults-file "$scratch/defaults.cnf" \
		--host 127.0.0.1 --port "$port" "${check[@]}"
	[ "$rc" = 0 ] || fail "MYSQL_PWD over --defaults-file: exit status $rc: $(head -c 300 "$scratch/env-over-file.err")"
	no_password "$scratch/mycnf.json" "$scratch/mycnf.err" "$scratch/env-over-file.json" \
		"$scratch/env-over-file.err"
	rm "$HOME/.my.cnf"

	[ ${#tls[@]} -eq 0 ] || tls_tests

	prompt_test || failures=$((failures + 1))
	no_password "$scratch/prompt.json" "$scratch/prompt.err"

	# Failures to connect: exit status 2, the server and the client library's reason.
	MYSQL_PWD=$wrong_password connection_fails wrong-password \
		"mysizer live: cannot connect to '127.0.0.1:$port': Access denied for user 'checker'@'127.0.0.1' (using password: YES)" \
		--host 127.0.0.1 --port "$port" --user checker "${check[@]}"
	connection_fails wrong-password-in-file \
		"Access denied for user 'checker'@'127.0.0.1' (using password: YES)" \
		--defaults-file "$scratch/defaults.cnf" --host 127.0.0.1 --port "$port" "${check[@]}"
	local refused
	refused=$(free_port) || { fail "no free port found"; refused=1; }
	MYSQL_PWD=$password connection_fails refused-port \
		"mysizer live: cannot connect to '127.0.0.1:$refused': Can't connect to server on '127.0.0.1'" \
		--host 127.0.0.1 --port "$refused" --user checker "${check[@]}"

	# A listener that accepts and never speaks: the connect timeout ends the wait.
	python3 -c '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
held = []
while True:
    held.append(s.accept())
' >"$scratch/silent.port" &
	helper_pids+=($!)
	wait_for_file "$scratch/silent.port" || fail "the silent listener did not start"
	local silent start elapsed
	silent=$(head -n 1 "$scratch/silent.port")
	start=$SECONDS
	MYSQL_PWD=$password connection_fails timeout \
		"mysizer live: cannot connect to '127.0.0.1:$silent', no answer within 2 s: " \
		--host 127.0.0.1 --port "$silent" --user checker --connect-timeout 2 --read-timeout 2 \
		"${check[@]}"
	elapsed=$((SECONDS - start))
	[ "$elapsed" -le 10 ] || fail "timeout: mysizer live waited ${elapsed}s, with --connect-timeout 2"

	[ "$failures" -eq 0 ] && echo "ok: live mode"
	[ "$failures" -eq 0 ]
}

# shellcheck source=SCRIPTDIR/server-lib.sh
. "$(dirname "$0")/server-lib.sh"
main "$@"
