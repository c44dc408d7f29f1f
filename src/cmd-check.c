/* mysizer check: every rule over the option files, findings with file:line. */
#include <string.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/emit.h"
#include "mysizer/rule.h"

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct mz_server_args sa = { .target = mz_target_default() };
	struct mz_argv args = { argc, argv, 0, false };
	const char *text;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		int taken = mz_arg_server(cmd, &args, kind, text, err, &sa);
		if (taken < 0)
			return MZ_EXIT_USAGE;
		if (taken)
			continue;
		if (mz_arg_is(text, "--help"))
			return mz_cmd_help(cmd, out);
		return mz_usage_error(cmd, err, "unknown option '%s'", text);
	}
	if (!mz_server_args_finish(cmd, err, &sa))
		return MZ_EXIT_USAGE;

	struct mz_arena *arena = mz_arena_new();
	struct mz_optfile options;
	struct mz_server server;
	bool resolved = mz_load(arena, &sa, &options, &server);
	int status;
	if (mz_unreadable(&options)) {
		for (size_t i = 0; i < options.n_problems; i++)
			mz_print_problem(err, sa.target, &options.problems[i]);
		status = MZ_EXIT_INPUT;
	} else {
		struct mz_model model = { sa.target, &options, resolved ? &server : NULL };
		struct mz_findings findings = { .arena = arena };
		mz_rules_run(&model, &findings);
		mz_findings_sort(&findings);
		mz_emit_text(out, &findings, sa.target);
		status = MZ_EXIT_OK;
		const struct mz_finding *list = findings.list.items;
		for (size_t i = 0; i < findings.list.len; i++)
			if (list[i].level == MZ_LEVEL_ERROR)
				status = MZ_EXIT_FINDINGS;
	}
	mz_arena_free(arena);
	return status;
}

const struct mz_cmd mz_cmd_check = {
	.name = "check",
	.usage = "[--target T] [--nofile SOFT[:HARD]] [--cpus N] FILE",
	.summary = "report what in FILE would stop the server or does not mean what it looks like",
	.help =
		"Reads FILE as the target's server does and runs every rule over what it read:\n"
		"lines that stop the server, options it does not know, values it refuses, clamps\n"
		"or rounds, settings in groups it never reads, includes that read nothing, and\n"
		"lines it reads differently from how they look. Each finding names its file and\n"
		"line, its rule and, where there is one, the value to use instead.\n"
		"\n"
		"Options:\n"
		"  --target T        the server to follow\n"
		"  --nofile S[:H]    the RLIMIT_NOFILE it starts under (see 'mysizer effective')\n"
		"  --cpus N          the host's CPUs\n"
		"  --help            this text\n"
		"\n"
		"Exit status: 0 no error found; 1 errors found; 2 FILE cannot be read; 3 a usage\n"
		"error.\n",
	.takes_target = true,
	.exec = exec,
};
