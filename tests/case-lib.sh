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
