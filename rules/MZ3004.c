/*
 * MZ3004 user-connection-limit: the applications that connect as one account can open more
 * connections than max_user_connections lets one account hold.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static int by_user_then_order(const void *a, const void *b)
{
	const struct mz_demand *x = *(const struct mz_demand *const *)a;
	const struct mz_demand *y = *(const struct mz_demand *const *)b;
	int c = strcmp(x->app->user, y->app->user);
	return c ? c : (x > y) - (x < y);
}

/* One account's applications, the first of them in reading order first. */
static void check_account(const struct mz_model *model, struct mz_findings *out,
			  const struct mz_value *limit, const struct mz_demand *const *apps,
			  size_t n)
{
	struct mz_arena *arena = out->arena;
	uint64_t peak = 0;
	bool unbounded = false;
	for (size_t i = 0; i < n; i++) {
		peak += apps[i]->peak;
		unbounded |= apps[i]->unbounded;
	}
	if (peak <= limit->number)
		return;
	const struct mz_app *first = apps[0]->app;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ3004, mz_where_location(first->user_at, NULL),
		"the applications connecting as '%s' can open %s%" PRIu64 " connections, more than "
		"max_user_connections %" PRIu64 " allows one account", first->user,
		unbounded ? "at least " : "", peak, limit->number);
	f->current = mz_printf(arena, "max_user_connections = %" PRIu64, limit->number);
	f->recommended = mz_printf(arena, "max_user_connections = %" PRIu64 " or more; or ALTER "
				   "USER '%s' WITH MAX_USER_CONNECTIONS %" PRIu64 ", the account's own "
				   "limit; or smaller pools for its applications", peak, first->user,
				   peak);
	f->arithmetic = mz_printf(arena, "Σ (replicas + surge) × processes × per-process maximum "
				  "of the apps of '%s' = %" PRIu64 " > %" PRIu64, first->user, peak,
				  limit->number);
	for (size_t i = 0; i < n; i++)
		mz_finding_term(out, f, apps[i]->app->name,
				apps[i]->unbounded ? "no limit"
						   : mz_printf(arena, "%s = %" PRIu64, apps[i]->peak_text,
							       apps[i]->peak),
				mz_where_text(arena, apps[i]->app->user_at));
	mz_related_value(model, out, f, limit, "max_user_connections");
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	const struct mz_value *limit = mz_server_sizing(model->server, MZ_SV_MAX_USER_CONNECTIONS);
	/* 0 is no limit; MariaDB's -1 (two's complement here) forbids what no grant allows. */
	if (!limit || limit->number == 0 || (int64_t)limit->number < 0)
		return;
	struct mz_total_demand demand;
	mz_total_demand(out->arena, model->deploy, &demand);
	const struct mz_demand **users = mz_alloc_array(out->arena, demand.n_apps, sizeof *users);
	size_t n = 0;
	for (size_t i = 0; i < demand.n_apps; i++)
		if (demand.apps[i].app->user)
			users[n++] = &demand.apps[i];
	if (n > 1)
		qsort(users, n, sizeof *users, by_user_then_order);
	for (size_t start = 0, end; start < n; start = end) {
		for (end = start + 1; end < n && strcmp(users[end]->app->user,
							users[start]->app->user) == 0;)
			end++;
		check_account(model, out, limit, users + start, end - start);
	}
}

const struct mz_rule mz_rule_MZ3004 = {
	.id = "MZ3004",
	.slug = "user-connection-limit",
	.level = MZ_LEVEL_ERROR,
	.title = "one account's applications exceed max_user_connections",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
