#!/usr/bin/env bash
# The command line: help, version, exit statuses of usage errors, the bundled example.
#
# usage: cli.sh MYSIZER SOURCE_DIR
set -uo pipefail
mysizer=$(realpath "$1") src=$(realpath "$2")
. "$(dirname "$0")/cli-lib.sh"

check 0 "(default: mysql-8.0)" --help
check 0 "(default: mysql-8.0)" options --help
check 0 "mariadb-10.11" options --help
check 0 "mysizer 0." --version
case $("$mysizer" --version) in
*"MySQL client library "[0-9]* | *"built without the MySQL client library"*) ;;
*) fail "mysizer --version says neither the client library's version nor its absence" ;;
esac
check 3 "usage: mysizer COMMAND"
check 3 "'frobnicate' is not a command" frobnicate
check 3 "no FILE given" options
check 3 "unknown option '--frob'" options --frob my.cnf
check 3 "one FILE only" options a.cnf b.cnf
check 3 "unknown target 'mysql-9.9'" options --target mysql-9.9 my.cnf
check 3 "'--target' needs a value" options my.cnf --target
check 2 "cannot open 'no-such.cnf'" options no-such.cnf
check 0 "MZ3001  connection-budget" rules
check 0 "MZ1001  " rules
check 3 "no operand expected" rules my.cnf
check 0 "# MZ3001 connection-budget" explain MZ3001
check 0 "# MZ3001 connection-budget" explain connection-budget
check 0 "# MZ1001 fatal-structure" explain mz1001
check 3 "no rule 'MZ9999'" explain MZ9999
check 3 "no rule given" explain
cmp -s <("$mysizer" explain MZ5004) "$src/docs/rules/MZ5004.md" ||
	fail "mysizer explain MZ5004 is not docs/rules/MZ5004.md"
[ "$("$mysizer" rules | wc -l)" = "$(grep -c '^MZ_RULE(' "$src/rules/rules.def")" ] ||
	fail "mysizer rules does not list every rule of rules/rules.def"
check 3 "no FILE given, and no '--deploy', '--app' or dump" check
check 3 "give '--nofile' or '--systemd-unit', not both" check --nofile 1024 --systemd-unit a.service my.cnf
check 3 "'--memory' is a size" check --memory lots my.cnf
check 3 "'--fail-on' is info, warning, error or never" check --fail-on sometimes my.cnf
check 3 "'--deploy' given twice" check --deploy a.json --deploy b.json
check 2 "cannot open 'no-such.json'" check --deploy no-such.json

# live: usage errors come before any connection, with the client library or without it; a
# password on the command line is refused, and not repeated.
check 3 "no password on the command line, where ps shows it" live --password=Pw-cli-91e0
[[ $out != *Pw-cli-91e0* ]] || fail "mysizer live --password=...: the password is repeated"
check 3 "no password on the command line" live -pPw-cli-91e0
[[ $out != *Pw-cli-91e0* ]] || fail "mysizer live -p...: the password is repeated"
check 3 "'--port' is a port number from 1 to 65535, not '0'" live --port 0
check 3 "'--connect-timeout' is a whole number of seconds from 1 to 86400, not '1m'" live --connect-timeout 1m
check 3 "'--ssl' takes no value" live --ssl=1
check 3 "'--user' given twice" live --user a --user b
# check's own options are checked before the connection: nothing listens on port 1.
check 3 "mysizer live: unknown option '--frob'" live --host 127.0.0.1 --port 1 --frob
check 3 "'--format' is text, json, sarif or github, not 'xml'" live --host 127.0.0.1 --port 1 --format xml
check 0 "There is no --password" live --help
check 2 "cannot open 'no-such.cnf'" live --defaults-file no-such.cnf
if [[ $("$mysizer" --version) == *"built without the MySQL client library"* ]]; then
	HOME=/nonexistent check 2 "apt-get install default-libmysqlclient-dev), then build with cmake -DWITH_MYSQL=ON" \
		live --host 127.0.0.1 --port 3306
fi

cd "$src/docs/examples/debian" || exit 1
check 0 "--max_connections=400" options --target mariadb-10.11 my.cnf
check 0 "'#' starts a comment even inside a word" options --target=mariadb-10.11 my.cnf
check 0 "--max_connections=400" options my.cnf -- 
# --fail-on: the example has errors; its my.cnf alone, warnings and info only.
check 1 "[MZ3001]" check --deploy deploy.json
check 0 "[MZ3001]" check --deploy deploy.json --fail-on never
check 0 "[MZ1014]" check --target mariadb-10.11 --nofile 65536 my.cnf
check 1 "[MZ1014]" check --target mariadb-10.11 --nofile 65536 --fail-on warning my.cnf
check 1 "[MZ1012]" check --target mariadb-10.11 --nofile 65536 --fail-on info my.cnf
out=$("$mysizer" options --target mariadb-10.11 -- my.cnf 2>/dev/null)
[ "$(printf '%s\n' "$out" | wc -l)" = 21 ] || fail "the example gives 21 options"

[ "$failures" -eq 0 ] && echo "ok: cli"
[ "$failures" -eq 0 ]
