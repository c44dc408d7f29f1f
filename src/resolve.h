/* Shared by the resolver's two halves: the option layer (resolve.c) and startup (startup.c). */
#ifndef MYSIZER_RESOLVE_H
#define MYSIZER_RESOLVE_H

#include "mysizer/server.h"

/* A catalog row's value while it is being worked out. */
struct slot {
	const struct mz_var *var;
	const char *text;
	uint64_t number;
	bool set;
	bool exact;
	unsigned changed;             /* when it was last assigned (resolver clock); 0 never */
	const struct mz_option *last; /* the line that set it last */
	struct mz_vec steps;          /* struct mz_step */
};

struct resolver {
	struct mz_arena *arena;
	const struct mz_target *target;
	const struct mz_catalog *catalog;
	struct mz_host host;
	struct slot *slots;           /* parallel to catalog->vars */
	struct mz_vec issues;         /* struct mz_issue */
	int refusal;
	struct mz_startup startup;
	unsigned clock;               /* counts assignments, to tell which of two came last */
	bool prefix_matching;         /* MariaDB takes a unique prefix of an option's name */
};

struct slot *mz_resolver_slot(struct resolver *r, enum mz_sizing_var var);

/* Records a step of a value's story and makes its value the value after it. */
void mz_resolver_step(struct resolver *r, struct slot *s, enum mz_step_kind kind,
		      const struct mz_option *option, const char *value, const char *why,
		      const char *server_text);

/* The server refuses to start because of a value (set by option, when the file set it). */
void mz_resolver_refuse(struct resolver *r, int status, enum mz_issue_kind kind,
			const struct mz_option *option, const struct mz_var *var,
			const char *server_text, const char *message);

/* The server's startup: the file-descriptor adjustment, then autosizing. */
void mz_startup_run(struct resolver *r);

#endif
