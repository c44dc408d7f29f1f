#!/usr/bin/env bash
# The man page: mandoc finds nothing to say about it, it names every option every command's
# --help lists, and `cmake --install` puts it, with the program, where man finds it.
#
# usage: man-page.sh MYSIZER SOURCE_DIR BUILD_DIR
set -euo pipefail
mysizer=$1 page=$2/docs/mysizer.1 build=$3
status=0

if command -v mandoc >/dev/null; then
	lint=$(mandoc -Tlint -W warning "$page" 2>&1 || true)
	[ -z "$lint" ] || { echo "mandoc -Tlint:"; echo "$lint"; status=1; }
else
	echo "mandoc is not installed: the page is not linted"
	status=77
fi

for command in check live options effective review rules explain; do
	for option in $("$mysizer" "$command" --help | grep -oE -- '^ +--[a-z][a-z-]*' | tr -d ' ' | sort -u); do
		# In man(7), a dash is written \-.
		grep -qF -- "${option//-/\\-}" "$page" ||
			{ echo "the man page does not name '$option' of '$command'"; status=1; }
	done
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch" >/dev/null
for file in bin/mysizer share/man/man1/mysizer.1; do
	[ -f "$scratch/$file" ] || { echo "cmake --install does not install $file"; status=1; }
done
cmp -s "$page" "$scratch/share/man/man1/mysizer.1" || { echo "the installed page differs"; status=1; }
exit $status
