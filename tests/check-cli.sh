#!/usr/bin/env bash
# mysizer check's report and settings on the command line: every exit status, --format,
# --output written whole or not at all, colour only on a terminal and without NO_COLOR, the
# settings file found, named, refused with its line, and overridden by the command line.
#
# usage: check-cli.sh MYSIZER
set -uo pipefail
mysizer=$(realpath "$1")
. "$(dirname "$0")/cli-lib.sh"
scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch"; rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1

base=(check --target mariadb-10.11 --nofile 65535 --cpus 2)
printf '[mysqld]\nmax_connections = 200\n' >clean.cnf
printf '[mysqld]\nmax_connections = 200\nmax_connectoins = 300\nmax_connections = 250\n' >broken.cnf

# Every exit status.
check 0 "0 errors, 0 warnings, 0 info" "${base[@]}" clean.cnf
check 1 "unknown option 'max_connectoins'" "${base[@]}" broken.cnf
check 2 "cannot open 'none.cnf'" "${base[@]}" none.cnf
check 3 "unknown option '--frob'" "${base[@]}" --frob clean.cnf

# Report options.
check 3 "'--format' is text, json, sarif or github, not 'xml'" "${base[@]}" --format xml clean.cnf
check 3 "'--show-suppressed' takes no value" "${base[@]}" --show-suppressed=yes clean.cnf
check 3 "'--output' needs a value" "${base[@]}" clean.cnf --output
check 0 '"schema_version":' "${base[@]}" --format json clean.cnf
check 0 '"version":	"2.1.0"' "${base[@]}" --format sarif clean.cnf
check 1 "::error file=broken.cnf,line=3,title=MZ1002 unknown-option::" "${base[@]}" --format github broken.cnf

# --output: the same report as on standard output, in place of the old file, and nothing
# written, not even a temporary file, when the folder cannot take it.
"$mysizer" "${base[@]}" --format json broken.cnf >stdout.json
echo old >report.json
check 1 "" "${base[@]}" --format json --output report.json broken.cnf
[ -z "$out" ] || fail "--output still writes to standard output: $out"
cmp -s stdout.json report.json || fail "--output report.json differs from standard output"
check 2 "cannot create 'nodir/report.json." "${base[@]}" --output nodir/report.json clean.cnf
# A device is written to, not replaced.
check 0 "" "${base[@]}" --output /dev/null clean.cnf
[ -c /dev/null ] || fail "--output /dev/null replaced the device"
mkdir locked && echo old >locked/report.json && chmod a-w locked
if [ ! -w locked ]; then
	check 2 "cannot create 'locked/report.json." "${base[@]}" --output locked/report.json clean.cnf
	[ "$(cat locked/report.json)" = old ] || fail "a failed --output changed the old report"
	[ "$(ls locked)" = report.json ] || fail "a failed --output left files: $(ls locked)"
fi
if [ -w /dev/full ]; then
	out=$("$mysizer" "${base[@]}" clean.cnf 2>&1 >/dev/full); rc=$?
	[ $rc = 2 ] && [[ $out == *"cannot write to standard output"* ]] ||
		fail "a full standard output: exit status $rc, '$out'"
fi 2>/dev/null

# Colour: on a terminal (script gives one) unless NO_COLOR is set and not empty.
if command -v script >/dev/null; then
	on_tty() { script -qec "$*" /dev/null </dev/null; }
	esc=$'\033['
	[[ $(on_tty "'$mysizer' ${base[*]} broken.cnf") == *"$esc"* ]] ||
		fail "no colour on a terminal"
	[[ $(NO_COLOR=1 on_tty "'$mysizer' ${base[*]} broken.cnf") != *"$esc"* ]] ||
		fail "colour with NO_COLOR=1"
	[[ $(NO_COLOR= on_tty "'$mysizer' ${base[*]} broken.cnf") == *"$esc"* ]] ||
		fail "no colour with NO_COLOR empty"
	[[ $(on_tty "'$mysizer' ${base[*]} --format json broken.cnf") != *"$esc"* ]] ||
		fail "colour in json"
fi
[[ $("$mysizer" "${base[@]}" broken.cnf) != *$'\033['* ]] || fail "colour into a pipe"

# Settings on the command line.
check 3 "'MZ9999' is not a rule" "${base[@]}" --rule MZ9999=off clean.cnf
check 3 "'--rule' is ID=LEVEL, such as MZ4004=off, not 'MZ1002'" "${base[@]}" --rule MZ1002 clean.cnf
check 3 "'MZ1002' is info, warning, error or off, not 'loud'" "${base[@]}" --rule MZ1002=loud clean.cnf
check 3 "'--memory-percent' is a whole number of percent from 1 to 100, not '0'" "${base[@]}" --memory-percent 0 clean.cnf
check 3 "'--lifetime-margin' is a whole number of seconds from 0 to 3600, not '1m'" "${base[@]}" --lifetime-margin 1m clean.cnf
check 0 "mysizer: skipped MZ1002: off (--rule)" "${base[@]}" --rule MZ1002=off broken.cnf
check 0 "broken.cnf:3: warning: unknown option" "${base[@]}" --rule unknown-option=warning broken.cnf
check 0 "" "${base[@]}" --fail-on never broken.cnf
check 3 "give '--config' or '--no-config', not both" "${base[@]}" --config a.ini --no-config clean.cnf

# The settings file: found in the current directory, or named; refused with its line.
check 3 "mysizer: settings file: cannot open 'none.ini'" "${base[@]}" --config none.ini clean.cnf
printf '[check]\nfail-on = never\n[rules]\nMZ1010 = info\n' >.mysizer.ini
check 0 "broken.cnf:2: info: 'max_connections' is set again" "${base[@]}" broken.cnf
check 1 "" "${base[@]}" --fail-on error broken.cnf
check 1 "broken.cnf:2: warning: 'max_connections'" "${base[@]}" --no-config broken.cnf
printf '[check]\nfail-on = info\n' >strict.ini
check 1 "broken.cnf:2: warning" "${base[@]}" --config strict.ini broken.cnf
printf '; team settings\n[check]\nmemory-precent = 80\n' >typo.ini
check 3 "typo.ini:3: error: 'memory-precent' is not a setting (did you mean 'memory-percent'?)" "${base[@]}" --config typo.ini clean.cnf
printf '[check]\nheadroom-percent = 80 ; of max_connections\ntarget = mysql-9\n' >target.ini
check 3 "target.ini:3: error: 'target' is a target such as mariadb-10.11" "${base[@]}" --config target.ini clean.cnf
printf '[output]\nformat = json\n' >section.ini
check 3 "section.ini:2: error: 'format' is in section [output]; the sections are [check] and [rules]" "${base[@]}" --config section.ini clean.cnf
printf 'fail-on = never\n' >nosection.ini
check 3 "nosection.ini:1: error: 'fail-on' comes before any [section]" "${base[@]}" --config nosection.ini clean.cnf
printf '[check]\n[rules\n' >syntax.ini
check 3 "syntax.ini:2: error: not a '[section]', 'name = value' or a comment" "${base[@]}" --config syntax.ini clean.cnf
mkdir dir.ini
check 3 "settings file: 'dir.ini' is not a regular file" "${base[@]}" --config dir.ini clean.cnf
# The target: the command line's, else the settings file's.
printf '[check]\ntarget = mysql-8.0\n' >.mysizer.ini
check 0 "for mysql-8.0" check --nofile 65535 clean.cnf
check 0 "for mariadb-10.11" check --nofile 65535 --target mariadb-10.11 clean.cnf

[ "$failures" -eq 0 ] && echo "ok: check's command line"
[ "$failures" -eq 0 ]
