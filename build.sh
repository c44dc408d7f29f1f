#!/usr/bin/env bash
# Builds mysizer and runs it, its test suite or its benchmark, installing whatever Debian
# packages are missing first.
#
#   ./build.sh example                    build, then check the bundled example deployment
#   ./build.sh test [--sanitize] [--werror] [--without-mysql]
#                                         build, then run the whole test suite
#   ./build.sh bench                      build, then time mysizer against my_print_defaults,
#                                         mariadbd and pt-variable-advisor
set -euo pipefail
cd "$(dirname "$0")"

build_packages=(cmake gcc libc6-dev make binutils pkg-config libinih-dev libcjson-dev
	default-libmysqlclient-dev)
# mariadb-server and mariadb-client are the oracles (my_print_defaults, mariadbd, a live
# server); python3 regenerates the catalog, python3-jsonschema checks the deployment schema;
# setpriv (util-linux) runs tests as another user; mandoc lints the man page.
test_packages=(libcmocka-dev mariadb-server mariadb-client python3 python3-jsonschema util-linux
	mandoc)
bench_packages=(hyperfine time python3 valgrind percona-toolkit)
# The validators of the json and sarif reports come from the npm registry, pinned by
# tests/tools/package-lock.json, into build-tools/.
tools_dir=build-tools

usage() {
	sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
	exit 3
}

install_missing() {
	local missing=()
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=()
	[ "$(id -u)" -eq 0 ] || sudo=(sudo)
	echo "installing: ${missing[*]}"
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null
}

install_test_tools() {
	command -v npm >/dev/null || install_missing nodejs npm
	if ! cmp -s tests/tools/package-lock.json "$tools_dir/installed.lock"; then
		rm -rf "$tools_dir"
		mkdir -p "$tools_dir"
		cp tests/tools/package.json tests/tools/package-lock.json "$tools_dir/"
		(cd "$tools_dir" && npm ci --no-audit --no-fund --loglevel=error)
		# npm leaves the validator's install step undone: it would only make it executable.
		chmod u+x "$tools_dir"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
		cp tests/tools/package-lock.json "$tools_dir/installed.lock"
	fi
}

# configure_and_build DIR CMAKE_ARGS...
configure_and_build() {
	local dir=$1
	shift
	cmake -S . -B "$dir" "$@" >/dev/null
	cmake --build "$dir" -j "$(nproc)"
}

command=${1:-}
[ $# -gt 0 ] && shift
case $command in
example)
	install_missing "${build_packages[@]}"
	configure_and_build build -DBUILD_TESTING=OFF
	cd docs/examples/debian
	echo "\$ mysizer check --deploy deploy.json"
	# Exit status 1 means errors were found: that is the answer, not a failure of the build.
	../../../build/mysizer check --deploy deploy.json || [ $? -eq 1 ]
	;;
test)
	dir=build type=RelWithDebInfo werror=OFF mysql=AUTO
	for arg in "$@"; do
		case $arg in
		--sanitize) dir=build-sanitize type=Sanitize ;;
		--werror) werror=ON ;;
		--without-mysql) dir=build-without-mysql mysql=OFF ;;
		*) usage ;;
		esac
	done
	install_missing "${build_packages[@]}" "${test_packages[@]}"
	install_test_tools
	configure_and_build "$dir" -DBUILD_TESTING=ON -DCMAKE_BUILD_TYPE="$type" \
		-DMYSIZER_WERROR="$werror" -DWITH_MYSQL="$mysql" \
		-DMYSIZER_TEST_TOOLS="$PWD/$tools_dir/node_modules"
	ctest --test-dir "$dir" --output-on-failure --timeout 300 -j "$(nproc)"
	;;
bench)
	install_missing "${build_packages[@]}" "${test_packages[@]}" "${bench_packages[@]}"
	configure_and_build build -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release
	bench/options.sh --mysizer build/mysizer
	bench/check.sh --mysizer build/mysizer
	bench/review.sh --mysizer build/mysizer
	;;
*)
	usage
	;;
esac
