/*
 * What a running server says of itself: SHOW GLOBAL VARIABLES, SHOW GLOBAL STATUS and
 * SHOW PROCESSLIST, read from the dumps customers send (dump-read.c: the mysql client's batch
 * output with or without its header line, its boxed tables, its vertical \G output, pasted
 * sessions included) or from a live server (live mode). Every value keeps where it was read,
 * so that findings point at the dump's line.
 */
#ifndef MYSIZER_OBSERVED_H
#define MYSIZER_OBSERVED_H

#include <stdbool.h>
#include <stdint.h>

#include "mysizer/arena.h"
#include "mysizer/optfile.h"
#include "mysizer/server.h"
#include "mysizer/target.h"

enum mz_dump_format {
	MZ_DUMP_BATCH,           /* mysql -B: a header line, then name<TAB>value */
	MZ_DUMP_BATCH_NO_HEADER, /* mysql -B -N */
	MZ_DUMP_TABLE,           /* mysql -t, or an interactive session: +---+ boxes */
	MZ_DUMP_VERTICAL,        /* \G: "*** 1. row ***", then "Name: value" lines */
	MZ_DUMP_LIVE,            /* read from a server by live mode */
};

/* One Variable_name / Value row. */
struct mz_observed_value {
	const char *name;
	const char *value;
	struct mz_origin at;     /* the dump's file and line; for live mode the server, line 0 */
};

/* SHOW GLOBAL VARIABLES or SHOW GLOBAL STATUS. */
struct mz_observed_set {
	const char *file;        /* NULL: not given */
	enum mz_dump_format format;
	const struct mz_observed_value *values; /* in the order read */
	size_t n;
	const struct mz_observed_value *const *by_name; /* sorted by name, without case */
};

/* One row of SHOW PROCESSLIST. */
struct mz_connection {
	uint64_t id;
	const char *user;
	const char *host;        /* without its ":port" */
	const char *command;     /* "Sleep", "Query", ... */
	uint64_t time;           /* seconds in this state */
	struct mz_origin at;
};

struct mz_processlist {
	const char *file;        /* NULL: not given */
	enum mz_dump_format format;
	const struct mz_connection *list;
	size_t n;
};

struct mz_observed {
	struct mz_observed_set variables;
	struct mz_observed_set status;
	struct mz_processlist processlist;
	const char *const *unread; /* live mode: what could not be read, and why; NULL-terminated
				      or NULL */
};

/* Reading failed: where, and why. The command prints it and exits 2. */
struct mz_dump_error {
	struct mz_origin at;
	const char *message;
};

/* Reads a SHOW GLOBAL VARIABLES or SHOW GLOBAL STATUS dump in any of the client's formats. */
bool mz_dump_read_set(struct mz_arena *arena, const char *path, struct mz_observed_set *out,
		      struct mz_dump_error *error);

/* Reads a SHOW [FULL] PROCESSLIST dump (or information_schema.PROCESSLIST). */
bool mz_dump_read_processlist(struct mz_arena *arena, const char *path,
			      struct mz_processlist *out, struct mz_dump_error *error);

/* A processlist's Host without its ":port", which changes with every connection:
 * "10.0.0.7:51234" is "10.0.0.7"; "localhost", "[::1]" and "::1" stay as they are. */
const char *mz_host_without_port(struct mz_arena *arena, const char *host);

/* Sorts a set's rows by name for mz_observed_find; the readers and live mode call it. */
void mz_observed_index(struct mz_arena *arena, struct mz_observed_set *set);

/* The row of a name, without regard to case; NULL when the set has none. */
const struct mz_observed_value *mz_observed_find(const struct mz_observed_set *set,
						 const char *name);

/* A row's value as a whole number; false when it has none or is not one. */
bool mz_observed_number(const struct mz_observed_set *set, const char *name, uint64_t *out);

/*
 * The running server's values over the server the files describe: each variable the dump has
 * takes its value, with a step MZ_STEP_OBSERVED whose line is the dump's row, after the steps
 * the files explain. The startup arithmetic stays the files'; server->observed is set.
 */
void mz_server_observe(struct mz_arena *arena, const struct mz_observed_set *variables,
		       struct mz_server *server);

/* The target that a server's version (and version_comment) names: "10.11.19-MariaDB-0+deb12u1"
 * is mariadb-10.11. NULL, with *why, when mysizer has no such target. */
const struct mz_target *mz_target_of_version(const char *version, const char *comment,
					     const char **why);

#endif
