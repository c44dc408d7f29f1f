/*
 * MZ6010 idle-connections: many connections of one account and host have sat idle longer than
 * their pool would keep them: an application that does not give its connections back.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

/* Fewer idle connections than this are people and scripts, not a leak. */
enum { LEAKED_MIN = 5 };

static int by_account(const void *a, const void *b)
{
	const struct mz_connection *x = *(const struct mz_connection *const *)a;
	const struct mz_connection *y = *(const struct mz_connection *const *)b;
	int c = strcmp(x->user, y->user);
	return c ? c : strcmp(x->host, y->host);
}

/* The application that connects as user, and how long its pool keeps an idle connection: the
 * lifetime of a pool that retires idle connections on its own (HikariCP's housekeeper, mysql2's
 * idle timer); SQLAlchemy and Django apply theirs only when a connection is next used, so an
 * idle process keeps its connections longer without leaking them: the long wait_timeout
 * threshold then, as for no application. */
static const struct mz_app *pool_of(const struct mz_model *model, struct mz_arena *arena,
				    const char *user, double *idle_limit)
{
	*idle_limit = model->thresholds->long_wait_timeout;
	for (size_t i = 0; i < model->deploy->n_apps; i++) {
		const struct mz_app *app = &model->deploy->apps[i];
		if (!app->user || strcmp(app->user, user) != 0)
			continue;
		struct mz_lifetime life;
		mz_app_lifetime(arena, app, &life);
		bool retires_idle = app->library == MZ_LIB_HIKARI || app->library == MZ_LIB_MYSQL2;
		if (life.reuses && life.bounded && retires_idle)
			*idle_limit = life.seconds + model->thresholds->lifetime_margin;
		return app;
	}
	return NULL;
}

static void report(const struct mz_model *model, struct mz_findings *out,
		   const struct mz_connection *const *group, size_t n)
{
	struct mz_arena *arena = out->arena;
	double limit;
	const struct mz_app *app = pool_of(model, arena, group[0]->user, &limit);
	size_t idle = 0;
	const struct mz_connection *longest = NULL;
	for (size_t i = 0; i < n; i++) {
		if ((double)group[i]->time <= limit)
			continue;
		idle++;
		if (!longest || group[i]->time > longest->time)
			longest = group[i];
	}
	if (idle < LEAKED_MIN)
		return;
	const char *why = app ? mz_printf(arena, "app '%s' would have closed them, so the "
					  "application holds them outside its pool", app->name)
			      : "an application that does not give its connections back holds "
				"their slots";
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6010,
		(struct mz_location){ longest->at.file, longest->at.line, NULL, NULL },
		"%zu connections of '%s'@'%s' have sat idle longer than %.0f s (the longest %s): %s",
		idle, longest->user, longest->host, limit, mz_uptime_text(arena, longest->time), why);
	f->current = mz_printf(arena, "%zu of %zu idle connections of '%s'@'%s' past %.0f s", idle, n,
			       longest->user, longest->host, limit);
	f->recommended = "find where the application takes a connection and does not close it "
			 "(HikariCP's leakDetectionThreshold, SQLAlchemy's pool logging show it); "
			 "meanwhile a wait_timeout near the pool's lifetime frees them (MZ5003)";
	mz_finding_term(out, f, "idle connections", mz_printf(arena, "%zu", idle),
			mz_printf(arena, "%s (Command Sleep)", longest->at.file));
	if (app)
		mz_finding_related(out, f, mz_where_location(app->at, "the application"));
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	const struct mz_processlist *list = &model->observed->processlist;
	const struct mz_connection **sleeping = mz_alloc_array(out->arena, list->n, sizeof *sleeping);
	size_t n = 0;
	for (size_t i = 0; i < list->n; i++)
		if (strcmp(list->list[i].command, "Sleep") == 0)
			sleeping[n++] = &list->list[i];
	if (n > 1)
		qsort(sleeping, n, sizeof *sleeping, by_account);
	for (size_t start = 0, end; start < n; start = end) {
		for (end = start + 1; end < n && by_account(&sleeping[start], &sleeping[end]) == 0;)
			end++;
		report(model, out, sleeping + start, end - start);
	}
}

const struct mz_rule mz_rule_MZ6010 = {
	.id = "MZ6010",
	.slug = "idle-connections",
	.level = MZ_LEVEL_WARNING,
	.title = "many connections of one account sit idle longer than a pool keeps them",
	.needs = MZ_NEEDS_PROCESSLIST,
	.check = check,
};
