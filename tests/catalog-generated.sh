#!/usr/bin/env bash
# The committed src/catalog-data.c is exactly what catalog/generate.py makes of
# catalog/sources: nobody edited the generated file, and nobody forgot to regenerate it.
#
# usage: catalog-generated.sh SOURCE_DIR
set -euo pipefail
src=$1

if ! command -v python3 >/dev/null; then
	echo "skipped: python3 not found (it runs catalog/generate.py)"
	exit 77
fi

fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
python3 "$src/catalog/generate.py" -o "$fresh"

if ! cmp -s "$src/src/catalog-data.c" "$fresh"; then
	echo "FAIL: src/catalog-data.c is not what catalog/generate.py makes of catalog/sources"
	# Rows are long: show the start of the first differing lines.
	diff -u "$src/src/catalog-data.c" "$fresh" | grep '^[-+][^-+]' | head -n 20 |
		cut -c 1-300 || true
	echo "regenerate it with: python3 catalog/generate.py"
	exit 1
fi
echo "src/catalog-data.c is up to date: $(grep -c '^	{ "' "$fresh") rows"
