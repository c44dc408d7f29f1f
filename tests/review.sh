#!/usr/bin/env bash
# mysizer review over a thousand generated bundles with one broken among them: every bundle
# has its row, the broken one says why and does not stop the others, and every report is
# written. Then bundles that try to read outside themselves (an !include, an !includedir, a
# symlinked dump, a symlinked option file, a deployment pointing out) are reported and not
# followed; and secrets in bundles ([client] passwords, wsrep_sst_auth, a dump's password
# variable, a password in a deployment file) appear in no output of any format.
#
# usage: review.sh MYSIZER SOURCE_DIR
set -uo pipefail
mysizer=$(realpath "$1") source=$(realpath "$2")
. "$(dirname "$0")/cli-lib.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1

# A thousand bundles, the first broken.
python3 "$source/tests/make-bundles.py" "$source" many 1000 --broken 1 || exit 1
mkdir reports
rc=0
"$mysizer" review --no-progress --output-dir reports --format json many/* >review.out 2>review.err ||
	rc=$?
[ $rc = 2 ] || fail "review of 1000 bundles with a broken one: exit status $rc, expected 2"
rows=$(grep -c ' many/customer-' review.out)
[ "$rows" = 1000 ] || fail "$rows rows for 1000 bundles"
grep -q 'unreadable  *many/customer-0000: many/customer-0000/deploy.json:2: error: malformed JSON' \
	review.out || fail "the broken bundle's row does not say why: $(grep customer-0000 review.out)"
grep -q '^mysizer review: 1000 bundles, [0-9]* failing, 1 unreadable$' review.out ||
	fail "the summary line: $(tail -n 1 review.out)"
reports=$(ls reports | wc -l)
[ "$reports" = 999 ] || fail "$reports reports for 999 readable bundles"
python3 - reports <<'PY' || fail "a per-bundle report does not match its row"
import json, os, sys
for name in os.listdir(sys.argv[1]):
    report = json.load(open(os.path.join(sys.argv[1], name)))
    assert report["observed"]["variables"].endswith("variables.txt"), name
PY
# The summary's numbers are the reports' numbers.
row=$(grep ' many/customer-0001' review.out)
read -r errors warnings _ <<<"$row"
want=$(python3 -c "import json; s=json.load(open('reports/customer-0001.json'))['summary']; print(s['error'], s['warning'])")
[ "$errors $warnings" = "$want" ] || fail "customer-0001: row says '$errors $warnings', its report '$want'"

# Escapes: nothing outside a bundle is read, and each attempt is said.
mkdir -p outside escape/conf.d
printf '[mysqld]\nmax_connections = 7\n# OUTSIDE-MARKER\n' >outside/secret.cnf
printf 'Variable_name\tValue\nmax_connections\t7\n' >outside/variables.txt
printf '[mysqld]\nmax_connections = 100\n!include %s/outside/secret.cnf\n!includedir %s/outside\n!includedir %s/escape/conf.d\n' \
	"$scratch" "$scratch" "$scratch" >escape/my.cnf
ln -s "$scratch/outside/secret.cnf" escape/conf.d/link.cnf
ln -s "$scratch/outside/variables.txt" escape/variables.txt
mkdir linked && ln -s "$scratch/outside/secret.cnf" linked/my.cnf
mkdir pointing && printf '{ "server": { "config": "../outside/secret.cnf" } }\n' >pointing/deploy.json
rm -rf reports && mkdir reports
"$mysizer" review --no-progress --output-dir reports --format json escape linked pointing \
	>escape.out 2>escape.err
n=$(python3 -c "
import json; r = json.load(open('reports/escape.json'))
print(sum(1 for f in r['findings'] if f['rule'] == 'MZ1011' and 'leads outside' in f['message']))")
[ "$n" = 3 ] || fail "escape: $n of 3 includes leading out reported (include, includedir, symlink)"
grep -q "'escape/variables.txt' leads outside its bundle; not read" escape.err ||
	fail "escape: the symlinked dump is not reported: $(cat escape.err)"
grep -q "'linked/my.cnf' leads outside its bundle; not read" escape.err &&
	grep -q "unreadable  *linked: no option file" escape.out ||
	fail "linked: the symlinked option file is not refused: $(grep linked escape.out escape.err)"
grep -q "unreadable  *pointing: pointing/../outside/secret.cnf: error: .* leads outside" escape.out ||
	fail "pointing: the deployment's config outside is not refused: $(grep pointing escape.out)"
! grep -rq "OUTSIDE-MARKER\|max_connections 7\b" escape.out escape.err reports ||
	fail "something of the files outside reached an output"

# Secrets: none reaches any output, in any format.
mkdir -p secrets/a
printf '[client]\npassword = s3cret-client-pw\n[mysqld]\nmax_connections = 100\nwsrep_sst_auth = sst:s3cret-sst-pw\npasswrd = s3cret-typo-pw\nmax_connections = 200\n' \
	>secrets/a/my.cnf
printf 'Variable_name\tValue\nversion\t10.11.19-MariaDB\nmax_connections\t100\nserver_audit_password\ts3cret-dump-pw\n' \
	>secrets/a/variables.txt
mkdir -p secrets/b
printf '{ "apps": [ { "name": "x", "library": "hikari", "password": "s3cret-json-pw" } ] }\n' \
	>secrets/b/deploy.json
for format in text json sarif github; do
	rm -rf reports && mkdir reports
	"$mysizer" review --no-progress --show-suppressed --output-dir reports --format $format \
		secrets/a secrets/b >secrets.out 2>secrets.err
	if grep -rq "s3cret" secrets.out secrets.err reports; then
		fail "--format $format: a secret reached an output:"
		grep -r "s3cret" secrets.out secrets.err reports | head -5
	fi
done
grep -q "unknown key 'password'" secrets.out || fail "secrets/b: the unknown key is not reported"

[ "$failures" -eq 0 ] && echo "ok: review"
[ "$failures" -eq 0 ]
