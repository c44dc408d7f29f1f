#!/usr/bin/env bash
# The json and sarif reports of every case, checked by real validators: ajv against the JSON
# Schema docs/schema/report-1.json; for SARIF, Microsoft's validator (sarif-multitool) and ajv
# against the SARIF 2.1.0 schema that comes with it (the validator alone lets some schema
# errors pass). Any error fails the test. Each check is first shown a broken report, which it
# must refuse: a validator that accepts anything would prove nothing.
#
# usage: validate-reports.sh MYSIZER SOURCE_DIR TOOLS_DIR CASE_DIR...
# TOOLS_DIR is the node_modules folder build.sh installs the validators into; without them
# the test is skipped.
set -euo pipefail
mysizer=$1 source=$(realpath "$2") tools=$(realpath -m "$3")
shift 3
ajv=$tools/.bin/ajv sarif=$tools/.bin/sarif-multitool
sarif_schema=$tools/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
if [ ! -x "$ajv" ] || [ ! -x "$sarif" ] || [ ! -f "$sarif_schema" ]; then
	echo "skipped: no validators in '$tools' (./build.sh test installs them)"
	exit 77
fi
# The validator is a .NET program: without this it needs the ICU libraries.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
report_schema=$source/docs/schema/report-1.json

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$(dirname "$0")/render-reports.sh" "$mysizer" "$scratch/reports" "$@"

# schema_check SCHEMA DIR: ajv's verdict on DIR/*.json; its output in $scratch/ajv.out.
schema_check() {
	(cd "$tools/.." && "$ajv" validate --spec=draft2020 -c ajv-formats --errors=text \
		-s "$1" -d "$2/*.json") >"$scratch/ajv.out" 2>&1
}
# sarif_check DIR: Microsoft's validator and the SARIF schema on DIR/*.sarif; fails on any
# error, with the validator's output in $scratch/sarif.out.
sarif_check() {
	rm -rf "$scratch/log.sarif" "$scratch/as-json"
	mkdir "$scratch/as-json"
	for f in "$1"/*.sarif; do cp "$f" "$scratch/as-json/$(basename "$f").json"; done
	"$sarif" validate "$1"/*.sarif -o "$scratch/log.sarif" >"$scratch/sarif.out" 2>&1 &&
		! grep -q ': error ' "$scratch/sarif.out" &&
		schema_check "$sarif_schema" "$scratch/as-json"
}

mkdir "$scratch/broken"
first=$(basename "$1")
python3 - "$scratch/reports/$first" "$scratch/broken/report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1] + ".json"))
report["summary"]["info"] = -1
json.dump(report, open(sys.argv[2] + ".json", "w"))
for name, breaks in (("no-driver-name", lambda run: run["tool"]["driver"].pop("name")),
                     ("bad-level", lambda run: run["results"].append(
                         {"ruleId": "MZ0001", "level": "fatal", "message": {"text": "x"}}))):
    sarif = json.load(open(sys.argv[1] + ".sarif"))
    breaks(sarif["runs"][0])
    json.dump(sarif, open(sys.argv[2] + "-" + name + ".sarif", "w"))
PY
status=0
if schema_check "$report_schema" "$scratch/broken"; then
	echo "ajv accepts a report with a negative count:"; cat "$scratch/ajv.out"; status=1
fi
for broken in "$scratch"/broken/*.sarif; do
	mkdir "$scratch/one"
	mv "$broken" "$scratch/one/"
	if sarif_check "$scratch/one"; then
		echo "the SARIF checks accept $(basename "$broken"):"; cat "$scratch/sarif.out"; status=1
	fi
	rm -rf "$scratch/one"
done

if ! schema_check "$report_schema" "$scratch/reports"; then
	echo "json reports that do not follow docs/schema/report-1.json:"
	grep -v ' valid$' "$scratch/ajv.out"
	status=1
fi
if ! sarif_check "$scratch/reports"; then
	echo "SARIF reports with errors:"
	grep -v 'SARIF2017' "$scratch/sarif.out"
	grep -v ' valid$' "$scratch/ajv.out"
	status=1
fi
[ $status -eq 0 ] &&
	echo "$(ls "$scratch/reports"/*.sarif | wc -l) cases: json valid against its schema, sarif without errors"
# Warnings are advice: the one expected is SARIF2017, a finding about a whole file (no line).
grep ': warning ' "$scratch/sarif.out" | grep -v SARIF2017 || true
exit $status
