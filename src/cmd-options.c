/* mysizer options: the options the target's server reads from a my.cnf tree. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "mysizer/arena.h"
#include "mysizer/cli.h"
#include "mysizer/optfile.h"

/* One write per option: "--name=value\n" is assembled first; a long one goes in pieces. */
static void print_option(FILE *out, const struct mz_option *o)
{
	char line[1024];
	size_t name_len = strlen(o->name), value_len = o->value ? strlen(o->value) : 0;
	size_t len = 2 + name_len + (o->value ? 1 + value_len : 0) + 1;
	if (len > sizeof line) {
		fprintf(out, "--%s%s%s\n", o->name, o->value ? "=" : "", o->value ? o->value : "");
		return;
	}
	char *p = line;
	*p++ = '-';
	*p++ = '-';
	memcpy(p, o->name, name_len);
	p += name_len;
	if (o->value) {
		*p++ = '=';
		memcpy(p, o->value, value_len);
		p += value_len;
	}
	*p = '\n';
	fwrite(line, 1, len, out);
}

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	const struct mz_target *target = mz_target_default();
	const char *file = NULL;
	struct mz_argv args = { argc, argv, 0, false };
	const char *text;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		if (kind == MZ_ARG_OPERAND) {
			if (file)
				return mz_usage_error(cmd, err, "one FILE only, got '%s' and '%s'",
						      file, text);
			file = text;
		} else if (mz_arg_is(text, "--help")) {
			return mz_cmd_help(cmd, out);
		} else if (mz_arg_is(text, "--target")) {
			if (!mz_arg_target(cmd, &args, text, err, &target))
				return MZ_EXIT_USAGE;
		} else {
			return mz_usage_error(cmd, err, "unknown option '%s'", text);
		}
	}
	if (!file)
		return mz_usage_error(cmd, err, "no FILE given");

	struct mz_arena *arena = mz_arena_new();
	struct mz_read_options opts = { .home = getenv("HOME") };
	struct mz_optfile result;
	mz_optfile_read(arena, target, file, &opts, &result);

	for (size_t i = 0; i < result.n_problems; i++)
		mz_print_problem(err, target, &result.problems[i]);
	int status = MZ_EXIT_OK;
	if (result.fatal) {
		fprintf(err, "mysizer: %s would not start: it stops at the error above\n",
			target->server);
		status = MZ_EXIT_INPUT;
	} else {
		for (size_t i = 0; i < result.n_options; i++)
			if (result.options[i].server_reads)
				print_option(out, &result.options[i]);
	}
	mz_arena_free(arena);
	return status;
}

const struct mz_cmd mz_cmd_options = {
	.name = "options",
	.usage = "[--target T] FILE",
	.summary = "print the options the target's server reads from FILE and what it includes",
	.help =
		"Reads FILE as the server reads a --defaults-file: comments, quotes and escapes,\n"
		"the groups the target reads, !include and !includedir spliced in place (relative\n"
		"paths against the current directory). Prints one --name=value line per option,\n"
		"in reading order, as my_print_defaults --defaults-file=FILE --mysqld does.\n"
		"\n"
		"Whatever the server would say about the files, and what it would silently read\n"
		"differently from how it looks, goes to standard error as file:line messages.\n"
		"\n"
		"Options:\n"
		"  --target T   the server whose reading to follow\n"
		"  --help       this text\n"
		"\n"
		"Exit status: 0 the server would read the files; 2 it would refuse to start\n"
		"(no FILE, a header without ']', an option before any group, ...) or mysizer\n"
		"cannot read them; 3 a usage error.\n",
	.takes_target = true,
	.exec = exec,
};
