/*
 * The server model: the value every variable has once the target's server has started with
 * the options it read, each with its story, and what the server would say or refuse on the way.
 * Built from the option stream (optfile.h) and the catalog (catalog.h) by mz_server_resolve().
 */
#ifndef MYSIZER_SERVER_H
#define MYSIZER_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mysizer/arena.h"
#include "mysizer/catalog.h"
#include "mysizer/optfile.h"

/* What the server starts under; what mysizer assumed is said so. */
struct mz_host {
	uint64_t nofile_soft, nofile_hard; /* RLIMIT_NOFILE */
	const char *nofile_assumed;        /* why, when not given; NULL when given */
	unsigned cpus;
	const char *cpus_assumed;          /* why, when not given; NULL when given */
};

/* One step in a value's story. */
enum mz_step_kind {
	MZ_STEP_SET,        /* an option line set it */
	MZ_STEP_CLAMPED,    /* outside its range: moved to the nearest end, with a warning */
	MZ_STEP_ROUNDED,    /* rounded down to its block size, silently */
	MZ_STEP_STARTUP,    /* changed by the server at startup (file descriptors, caps) */
	MZ_STEP_AUTOSIZED,  /* not set, so the server computed it */
	MZ_STEP_OBSERVED,   /* the running server has it: a dump's row, or live mode */
};

struct mz_step {
	enum mz_step_kind kind;
	const struct mz_option *option; /* the line, for MZ_STEP_SET and what followed it */
	const char *value;              /* the value after this step, as the server shows it */
	const char *why;                /* mysizer's account */
	const char *server_text;        /* the server's words, or NULL when it says nothing */
};

struct mz_value {
	const struct mz_var *var;
	const char *text;          /* as SHOW GLOBAL VARIABLES prints it; NULL when unknown */
	bool set;                  /* an option line set it */
	bool exact;                /* mysizer knows this value exactly (not host-dependent, ...) */
	uint64_t number;           /* for integer types, the value (two's complement if signed) */
	const struct mz_step *steps;
	size_t n_steps;
};

/* What the option layer notices: each is reported by an MZ1xxx rule. */
#define MZ_ISSUE_LIST(X)                                                         \
	X(UNKNOWN_OPTION, "unknown-option")                                      \
	X(UNKNOWN_LOOSE, "unknown-loose-option")                                 \
	X(AMBIGUOUS_OPTION, "ambiguous-option")                                  \
	X(PREFIX_USED, "abbreviated-option")                                     \
	X(REMOVED_OPTION, "removed-option")                                      \
	X(IGNORED_OPTION, "ignored-option")                                      \
	X(DEPRECATED_OPTION, "deprecated-option")                                \
	X(ARG_REQUIRED, "argument-required")                                     \
	X(ARG_NOT_ALLOWED, "argument-not-allowed")                               \
	X(BAD_SUFFIX, "bad-suffix")                                              \
	X(BAD_INTEGER, "bad-integer")                                            \
	X(NEGATIVE_UNSIGNED, "negative-unsigned")                                \
	X(EMPTY_VALUE, "empty-value")                                            \
	X(BAD_CHOICE, "bad-choice")                                              \
	X(BAD_DECIMAL, "bad-decimal")                                            \
	X(BAD_BOOLEAN, "bad-boolean")                                            \
	X(NO_MAXIMUM, "no-maximum")                                              \
	X(ENGINE_REFUSES, "engine-refuses")                                      \
	X(CLAMPED, "clamped")                                                    \
	X(ROUNDED, "rounded")                                                    \
	X(SUFFIX_TRAP, "suffix-trap")                                            \
	X(OVERRIDDEN, "overridden")

enum mz_issue_kind {
#define MZ_ISSUE_ENUM(id, slug) MZ_ISSUE_##id,
	MZ_ISSUE_LIST(MZ_ISSUE_ENUM)
#undef MZ_ISSUE_ENUM
	MZ_ISSUE_KIND_COUNT
};

struct mz_issue {
	enum mz_issue_kind kind;
	enum mz_severity severity;      /* what the server does, as for reader problems */
	const struct mz_option *option; /* the line; for OVERRIDDEN the overridden one */
	const struct mz_option *other;  /* OVERRIDDEN: the line that wins; else NULL */
	const struct mz_var *var;       /* the variable, when the name was understood */
	const char *message;
	const char *server_text;
	const char *suggestion;         /* UNKNOWN_OPTION: the nearest real name, or NULL */
};

/* The fd adjustment as the server makes it at startup. */
struct mz_startup {
	uint64_t request;      /* descriptors the server asks for */
	uint64_t files;        /* what it gets: open_files_limit */
	bool short_of_files;   /* files < request */
	bool reduced;          /* max_connections or table_open_cache was reduced */
	bool cliff;            /* short of files, yet nothing reduced: an unsigned subtraction wrapped */
	const char *formula;   /* the arithmetic, term by term */
	const char *server_text; /* the warnings the server prints, or NULL */
};

struct mz_server {
	const struct mz_target *target;
	const struct mz_catalog *catalog;
	struct mz_host host;
	const struct mz_value *values;  /* one per catalog row that is a variable, by name */
	size_t n_values;
	const struct mz_issue *issues;
	size_t n_issues;
	struct mz_startup startup;
	int refusal;  /* the server's exit status when it would not start (7, 9, 13, ...); 0 if it starts */
	bool observed; /* the values are the running server's (mz_server_observe) */
};

void mz_server_resolve(struct mz_arena *arena, const struct mz_optfile *options,
		       const struct mz_host *host, struct mz_server *out);

const struct mz_value *mz_server_value(const struct mz_server *server, const char *name);
const struct mz_value *mz_server_sizing(const struct mz_server *server, enum mz_sizing_var var);
const char *mz_issue_slug(enum mz_issue_kind kind);

/* The fd limit mysizer assumes for a target when nothing is said: its packaged unit's. */
struct mz_host mz_host_default(const struct mz_target *target);

#endif
