# Shared by the command-line tests: failures counted, and a command's exit status and output
# checked.

failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# check WANT_RC WANT_TEXT ARGS...: runs $mysizer ARGS; its exit status must be WANT_RC and its
# stdout+stderr (left in $out) must hold WANT_TEXT.
check() {
	local want_rc=$1 want_text=$2 rc=0
	shift 2
	out=$("$mysizer" "$@" 2>&1) || rc=$?
	[ "$rc" = "$want_rc" ] || fail "mysizer $*: exit status $rc, expected $want_rc"
	case $out in
	*"$want_text"*) ;;
	*) fail "mysizer $*: output lacks '$want_text'"; echo "$out" | head -5 ;;
	esac
}
