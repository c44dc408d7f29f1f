#!/usr/bin/env bash
# The MariaDB 10.11.19 facts of the catalog against the installed server: starts a throwaway
# server with catalog/mariadb-live.sh and checks that
#   - information_schema.SYSTEM_VARIABLES gives, for every variable, the columns
#     catalog/sources/mariadb-10.11.19.tsv has from it (name, kind, type, scope, default, min,
#     max, block_size, enum_values, read_only, cmdline and the arg: note), and no more rows;
#   - --help --verbose and SHOW GLOBAL VARIABLES give the values of the committed captures,
#     catalog/sources/mariadb-10.11.19.{help,live}.tsv, except for the variables the catalog
#     marks as depending on the host.
#
# usage: catalog-live.sh SOURCE_DIR
set -euo pipefail
src=$(realpath "$1")
want=10.11.19
sources=$src/catalog/sources

for tool in mariadbd mariadb-install-db mariadb mariadb-admin python3; do
	if ! command -v "$tool" >/dev/null; then
		echo "skipped: $tool not installed (Debian packages mariadb-server, mariadb-client)"
		exit 77
	fi
done
version=$("$src/catalog/mariadb-live.sh" --version)
if [ "$version" != "$want" ]; then
	echo "skipped: the installed server is MariaDB ${version:-of unknown version};" \
		"the catalog's captures are from $want"
	exit 77
fi

# The captures are of mariadbd run as root, whose --help differs from anyone else's (Aria).
if [ "$(id -u)" -ne 0 ]; then
	echo "skipped: needs root, as the captures in catalog/sources were taken as root"
	exit 77
fi
# Below 4181 descriptors a default server shrinks table_open_cache (2000) to fit;
# mariadb-live.sh starts it with the hard limit.
if ! (ulimit -Sn 4181) 2>/dev/null; then
	echo "skipped: the file-descriptor limit ($(ulimit -Hn)) is too low for a server" \
		"with default settings; the captures were taken with 20000"
	exit 77
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$src/catalog/mariadb-live.sh" --sysvars "$scratch/sysvars.tsv" "$scratch"
failed=0

# 1. information_schema against the catalog table, in the table's spelling. Plugin rows come
# from a run with every plugin loaded, so they are not compared here; defaults that name this
# run's directory or host are blank in the table ("computed: ..." in its notes).
awk -F '\t' -v OFS='\t' 'NR > 1 && $12 ~ /information_schema\.SYSTEM_VARIABLES/ &&
	$13 !~ /not loaded by default/ {
	arg = ""
	if (match($13, /arg:[A-Z_]+/))
		arg = substr($13, RSTART + 4, RLENGTH - 4)
	print $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, arg
}' "$sources/mariadb-$want.tsv" | LC_ALL=C sort >"$scratch/expected.tsv"
awk -F '\t' -v OFS='\t' 'NR > 1 {
	if ($5 ~ /[{](run|host)[}]/)
		$5 = ""
	print
}' "$scratch/sysvars.tsv" | LC_ALL=C sort >"$scratch/actual.tsv"
if ! diff "$scratch/expected.tsv" "$scratch/actual.tsv" >"$scratch/sysvars.diff"; then
	echo "FAIL: information_schema.SYSTEM_VARIABLES differs from mariadb-$want.tsv" \
		"(< table, > server):"
	head -n 20 "$scratch/sysvars.diff" | cut -c 1-240
	failed=1
fi
n_sysvars=$(wc -l <"$scratch/expected.tsv")

# 2. The captures. compare_capture FILE: same names, same values but for the host's.
python3 "$src/catalog/generate.py" --list host "mariadb-${want%.*}" >"$scratch/host-names"
compare_capture() {
	local file=$1
	awk -F '\t' -v file="$file" '
	FILENAME == ARGV[1] { host[$1] = 1; next }
	FNR == 1 { next }  # header
	FILENAME == ARGV[2] { committed[$1] = $2; next }
	{
		seen[$1] = 1
		if (!($1 in committed))
			printf "FAIL: %s: %s=%s is new\n", file, $1, $2
		else if ($1 in host)
			skipped++
		else if (committed[$1] != $2)
			printf "FAIL: %s: %s is %s, the committed capture has %s\n", file, $1,
				$2, committed[$1]
		else
			same++
	}
	END {
		for (name in committed)
			if (!(name in seen))
				printf "FAIL: %s: %s is gone\n", file, name
		printf "%s: %d values compared, %d depending on the host not compared\n",
			file, same, skipped
	}' "$scratch/host-names" "$sources/$file" "$scratch/$file" >"$scratch/compare.out"
	grep -v '^FAIL' "$scratch/compare.out"
	if grep '^FAIL' "$scratch/compare.out" | head -n 20 | cut -c 1-240 | grep .; then
		failed=1
	fi
}
compare_capture "mariadb-$want.help.tsv"
compare_capture "mariadb-$want.live.tsv"

echo "information_schema: $n_sysvars rows compared with mariadb-$want.tsv"
if [ "$failed" -ne 0 ]; then
	echo "(regenerate with catalog/mariadb-live.sh catalog/sources, then review the diff" \
		"and run catalog/generate.py)"
	exit 1
fi
