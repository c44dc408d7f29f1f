/*
 * Findings: what the rules report, and the one way they report it. Emitters format them; a
 * finding carries everything any format shows.
 */
#ifndef MYSIZER_FINDING_H
#define MYSIZER_FINDING_H

#include <stdarg.h>
#include <stddef.h>

#include "mysizer/arena.h"

enum mz_level { MZ_LEVEL_INFO, MZ_LEVEL_WARNING, MZ_LEVEL_ERROR };

struct mz_location {
	const char *file;
	unsigned line;           /* 0: the file as a whole */
	const char *label;       /* for a related location: what it is ("the winning line") */
	const char *pointer;     /* in a JSON file, the value's JSON Pointer; else NULL */
};

/* One term of the arithmetic behind a finding. */
struct mz_term {
	const char *name;
	const char *value;
	const char *from;        /* where the value comes from, or NULL */
};

struct mz_rule;

/* What hides findings: a "# mysizer: ignore=" comment, a "mysizer-ignore" list (suppress.h). */
enum mz_scope {
	MZ_SCOPE_LINE,   /* findings at one line of a file */
	MZ_SCOPE_OBJECT, /* findings inside a JSON object: an application */
	MZ_SCOPE_FILE,   /* findings anywhere in a file */
	MZ_SCOPE_RUN,    /* every finding of its rules */
};

struct mz_suppression {
	enum mz_scope scope;
	struct mz_location at;    /* where it is written */
	const char *file;         /* LINE, OBJECT and FILE: the file it covers */
	unsigned line;            /* LINE: the line it covers */
	const char *pointer;      /* OBJECT: the object's JSON Pointer; "" for the whole file */
	const struct mz_rule *const *rules;
	size_t n_rules;
	const char *reason;       /* NULL when none is given */
};

struct mz_finding {
	const struct mz_rule *rule;
	enum mz_level level;
	struct mz_location at;
	const char *message;
	const char *server_says; /* what the server would print, line by line, or NULL */
	const char *current;     /* the value as it is, or NULL */
	const char *recommended; /* the value to use instead, or NULL */
	const char *arithmetic;  /* the formula with the numbers in it, or NULL */
	struct mz_vec related;   /* struct mz_location */
	struct mz_vec terms;     /* struct mz_term */
	const struct mz_suppression *suppression; /* what hides it, or NULL */
};

/* A rule that did not run, and why. */
struct mz_skip {
	const struct mz_rule *rule;
	const char *why;         /* the missing input, and how to give it */
};

struct mz_findings {
	struct mz_arena *arena;
	struct mz_vec list;      /* struct mz_finding */
	struct mz_vec skipped;   /* struct mz_skip */
};

/* The way rules report: a finding at a place, at the rule's level. */
struct mz_finding *mz_report(struct mz_findings *out, const struct mz_rule *rule,
			     struct mz_location at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

void mz_finding_related(struct mz_findings *out, struct mz_finding *f, struct mz_location at);
void mz_finding_term(struct mz_findings *out, struct mz_finding *f, const char *name,
		     const char *value, const char *from);

const char *mz_level_name(enum mz_level level);

#endif
