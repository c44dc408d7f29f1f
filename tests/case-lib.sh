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
