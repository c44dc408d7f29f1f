/* One command per file (cmd-*.c), each a const struct mz_cmd listed in cli.c. */
#ifndef MYSIZER_CMD_H
#define MYSIZER_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "mysizer/optfile.h"
#include "mysizer/server.h"
#include "mysizer/target.h"

struct mz_cmd {
	const char *name;
	const char *usage;   /* what follows "mysizer NAME" */
	const char *summary; /* one line for "mysizer --help" */
	const char *help;    /* the rest of "mysizer NAME --help" */
	bool takes_target;   /* --help then lists the targets and the default */
	int (*exec)(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err);
};

extern const struct mz_cmd mz_cmd_check;
extern const struct mz_cmd mz_cmd_effective;
extern const struct mz_cmd mz_cmd_explain;
extern const struct mz_cmd mz_cmd_live;
extern const struct mz_cmd mz_cmd_options;
extern const struct mz_cmd mz_cmd_review;
extern const struct mz_cmd mz_cmd_rules;

struct mz_observed;

/*
 * Live mode's part in a check: called once the check's own arguments have proved good, so
 * that a mistyped option costs no connection. It reads the running server into *out and
 * returns 0, or returns the exit status after saying why it could not.
 */
struct mz_live_source {
	int (*observe)(void *context, FILE *err, struct mz_observed *out);
	void *context;
};

/*
 * mysizer check over its arguments. live, when not NULL, reads a running server: what it
 * reads stands for --variables, --status and --processlist, and no MYCNF is needed.
 */
int mz_check_main(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err,
		  const struct mz_live_source *live);

/* What mysizer review shows of a check besides its report. */
struct mz_check_summary {
	size_t errors, warnings;     /* not suppressed */
	char worst[96];              /* "MZ3001 connection-budget": the first of the highest level */
	uint64_t max_connections;    /* 0 when the server does not start */
	uint64_t worst_memory;       /* at max_connections */
	uint64_t memory_limit;       /* 0 when unknown */
};

/* mz_check_main without live data, with the summary filled in when the check ran. */
int mz_check_summarized(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err,
			struct mz_check_summary *summary);

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

/* What a command that models a server is given. */
struct mz_server_args {
	const struct mz_target *target;
	bool target_given;
	const char *file;    /* NULL: no option file, the server's defaults */
	const char *nofile;
	const char *cpus;
	const char *confine; /* a resolved folder no file outside of is read, or NULL */
	struct mz_host host; /* set by mz_server_args_finish() */
};

/* Takes FILE, --target, --nofile and --cpus: 1 taken, 0 not one of these, -1 a usage error
 * (printed). */
int mz_arg_server(const struct mz_cmd *cmd, struct mz_argv *a, enum mz_arg_kind kind,
		  const char *text, FILE *err, struct mz_server_args *sa);

/* Checks --nofile and --cpus and works out the host; false after printing a usage error. */
bool mz_server_args_finish(const struct mz_cmd *cmd, FILE *err, struct mz_server_args *sa);

/* Reads the files (none without sa->file) and resolves the server; false, with no server,
 * when the server would stop reading the files (options->fatal). */
bool mz_load(struct mz_arena *arena, const struct mz_server_args *sa,
	     struct mz_optfile *options, struct mz_server *server);

/* Whether mysizer could not read an input at all (missing, or refused). */
bool mz_unreadable(const struct mz_optfile *options);

/* Prints "file:line: severity: message [slug]" and, indented, what the server says. */
void mz_print_message(FILE *err, const struct mz_target *target, struct mz_origin at,
		      enum mz_severity severity, const char *message, const char *slug,
		      const char *server_text);
void mz_print_problem(FILE *err, const struct mz_target *target, const struct mz_problem *p);

#endif
