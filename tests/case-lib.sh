# Shared by the option-file case scripts: a case folder is copied to a scratch directory
# and set up there, so a run never writes into the source tree.
#
# A case folder holds my.cnf (the FILE), whatever it includes, an optional setup.sh for what
# git cannot store (modes, symlinks, generated content), expected.out and expected.rc (from
# my_print_defaults, the oracle) and expected.err (mysizer's own messages).

# prepare_case CASE_DIR SCRATCH: copies the case into SCRATCH/case and runs its setup.sh there.
prepare_case() {
	local src=$1 scratch=$2
	mkdir -p "$scratch/case"
	cp -R "$src/." "$scratch/case/"
	# Checkouts under a permissive umask would make every file world-writable.
	chmod -R go-w "$scratch/case"
	if [ -f "$scratch/case/setup.sh" ]; then
		(cd "$scratch/case" && sh ./setup.sh) || {
			echo "setup.sh of $src failed" >&2
			return 1
		}
	fi
}

# drop_fd_privilege: sets cap_drop to the command prefix that keeps a server under the fd limit
# it is started with, or exits 77. A privileged mariadbd raises its own hard limit (soft = hard
# = request), which would take it out of that limit: the prefix drops the privilege.
drop_fd_privilege() {
	cap_drop=
	(ulimit -n 1024 && ulimit -Hn 1025) 2>/dev/null || return 0
	if command -v setpriv >/dev/null &&
		! setpriv --bounding-set=-sys_resource bash -c 'ulimit -n 1024 && ulimit -Hn 1025' 2>/dev/null; then
		cap_drop="setpriv --bounding-set=-sys_resource"
	else
		echo "skipped: mariadbd could raise its own fd limit here (CAP_SYS_RESOURCE) and setpriv cannot stop it"
		exit 77
	fi
}

# check_args CASE_DIR: sets args and operand to what `mysizer check` is given for a rule or
# format case: the case's args (else --target mariadb-10.11), and my.cnf when it has one.
# Not the CPUs of the machine the tests run on: MariaDB's fd request counts them.
check_args() {
	args=(--target mariadb-10.11)
	[ -f "$1/args" ] && read -r -a args <"$1/args"
	args=(--cpus 2 "${args[@]}")
	operand=()
	[ -f "$1/my.cnf" ] && operand=(my.cnf)
	return 0
}

# same_as_golden GOT WANT WHAT: true when GOT is byte for byte WANT; else says how it differs.
same_as_golden() {
	cmp -s "$1" "$2" && return 0
	echo "$3 differs from $(basename "$2"):"
	diff -a "$2" "$1" | head -20 || true
	return 1
}
