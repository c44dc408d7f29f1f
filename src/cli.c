#include "mysizer/cli.h"

#include <stdarg.h>
#include <string.h>

#include "cmd.h"
#include "mysizer/client.h"
#include "mysizer/target.h"

static const struct mz_cmd *const commands[] = {
	&mz_cmd_check,
	&mz_cmd_effective,
	&mz_cmd_explain,
	&mz_cmd_live,
	&mz_cmd_options,
	&mz_cmd_review,
	&mz_cmd_rules,
};

enum { COMMAND_COUNT = sizeof commands / sizeof commands[0] };

static void print_targets(FILE *out)
{
	fputs("Targets:", out);
	for (size_t i = 0; i < mz_target_count; i++)
		fprintf(out, " %s", mz_targets[i].name);
	fprintf(out, "\n(default: %s)\n", mz_target_default()->name);
}

static int main_help(FILE *out)
{
	fputs("usage: mysizer COMMAND [ARGS]\n"
	      "       mysizer --help | --version\n"
	      "\n"
	      "mysizer tells whether a MySQL or MariaDB server's option files and the\n"
	      "applications' connection pools fit together.\n"
	      "\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\n", out);
	print_targets(out);
	fputs("\n"
	      "Exit status: 0 nothing to report at or above the threshold, 1 findings at or\n"
	      "above it, 2 an input could not be read or parsed, 3 a usage error.\n"
	      "\n"
	      "Run 'mysizer COMMAND --help' for a command's options.\n",
	      out);
	return MZ_EXIT_OK;
}

static int version(FILE *out)
{
	fprintf(out, "mysizer %s\n", MYSIZER_VERSION);
	struct mz_arena *arena = mz_arena_new();
	struct mz_client_info client = mz_client_info(arena);
	if (client.version)
		fprintf(out, "MySQL client library %s\n", client.version);
	else
		fprintf(out, "live mode unavailable: %s\n", client.problem);
	mz_arena_free(arena);
	return MZ_EXIT_OK;
}

int mz_cli_main(int argc, char **argv, FILE *out, FILE *err)
{
	if (argc < 2) {
		fputs("usage: mysizer COMMAND [ARGS]; 'mysizer --help' lists the commands\n", err);
		return MZ_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0)
		return main_help(out);
	if (strcmp(name, "--version") == 0)
		return version(out);
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i]->exec(commands[i], argc - 2, argv + 2, out, err);
	fprintf(err, "mysizer: '%s' is not a command; 'mysizer --help' lists them\n", name);
	return MZ_EXIT_USAGE;
}

enum mz_arg_kind mz_argv_next(struct mz_argv *a, const char **text)
{
	while (a->next < a->argc) {
		const char *arg = a->argv[a->next++];
		if (!a->operands_only && strcmp(arg, "--") == 0) {
			a->operands_only = true;
			continue;
		}
		*text = arg;
		if (!a->operands_only && arg[0] == '-' && arg[1] != '\0')
			return MZ_ARG_OPTION;
		return MZ_ARG_OPERAND;
	}
	return MZ_ARG_END;
}

bool mz_arg_is(const char *text, const char *name)
{
	size_t n = strlen(name);
	return strncmp(text, name, n) == 0 && (text[n] == '\0' || text[n] == '=');
}

const char *mz_argv_value(struct mz_argv *a, const char *text)
{
	const char *eq = strchr(text, '=');
	if (eq)
		return eq + 1;
	if (a->next < a->argc)
		return a->argv[a->next++];
	return NULL;
}

int mz_usage_error(const struct mz_cmd *cmd, FILE *err, const char *fmt, ...)
{
	fprintf(err, "mysizer %s: ", cmd->name);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fprintf(err, "\nusage: mysizer %s%s%s\n", cmd->name, *cmd->usage ? " " : "", cmd->usage);
	return MZ_EXIT_USAGE;
}

int mz_cmd_help(const struct mz_cmd *cmd, FILE *out)
{
	fprintf(out, "usage: mysizer %s%s%s\n\n%s\n\n%s", cmd->name, *cmd->usage ? " " : "",
		cmd->usage, cmd->summary, cmd->help);
	if (cmd->takes_target) {
		fputs("\n", out);
		print_targets(out);
	}
	return MZ_EXIT_OK;
}

bool mz_arg_target(const struct mz_cmd *cmd, struct mz_argv *a, const char *text, FILE *err,
		   const struct mz_target **target)
{
	const char *value = mz_argv_value(a, text);
	if (!value) {
		mz_usage_error(cmd, err, "'--target' needs a value");
		return false;
	}
	*target = mz_target_find(value);
	if (!*target) {
		fprintf(err, "mysizer %s: unknown target '%s'\n", cmd->name, value);
		print_targets(err);
		return false;
	}
	return true;
}
