/* One command per file (cmd-*.c), each a const struct mz_cmd listed in cli.c. */
#ifndef MYSIZER_CMD_H
#define MYSIZER_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "mysizer/target.h"

struct mz_cmd {
	const char *name;
	const char *usage;   /* what follows "mysizer NAME" */
	const char *summary; /* one line for "mysizer --help" */
	const char *help;    /* the rest of "mysizer NAME --help" */
	bool takes_target;   /* --help then lists the targets and the default */
	int (*exec)(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err);
};

extern const struct mz_cmd mz_cmd_options;

/*
 * A command's arguments: options (--name, --name=value, --name value) anywhere before "--",
 * operands in order.
 */
struct mz_argv {
	int argc;
	char **argv;
	int next;
	bool operands_only;
};

enum mz_arg_kind { MZ_ARG_END, MZ_ARG_OPTION, MZ_ARG_OPERAND };

enum mz_arg_kind mz_argv_next(struct mz_argv *a, const char **text);

/* Whether the option text is the named option, with or without "=value". */
bool mz_arg_is(const char *text, const char *name);

/* The option's value: after '=' or the next argument. NULL when there is none. */
const char *mz_argv_value(struct mz_argv *a, const char *text);

/* Prints "mysizer NAME: message" and the usage line; returns MZ_EXIT_USAGE. */
int mz_usage_error(const struct mz_cmd *cmd, FILE *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prints the command's help to out; returns MZ_EXIT_OK. */
int mz_cmd_help(const struct mz_cmd *cmd, FILE *out);

/* Handles --target; false after printing a usage error. */
bool mz_arg_target(const struct mz_cmd *cmd, struct mz_argv *a, const char *text, FILE *err,
		   const struct mz_target **target);

#endif
