/*
 * MZ3006 no-pooling: an application opens a connection for every request and closes it after,
 * paying the connection setup each time and churning the server's threads.
 */
#include <inttypes.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	struct mz_total_demand demand;
	mz_total_demand(arena, model->deploy, &demand);
	for (size_t i = 0; i < demand.n_apps; i++) {
		const struct mz_demand *d = &demand.apps[i];
		if (d->pooled)
			continue;
		struct mz_finding *f = mz_report(
			out, &mz_rule_MZ3006, mz_where_location(d->size->at, NULL),
			"app '%s' keeps no connection between requests: %s", d->app->name, d->why);
		if (d->app->library == MZ_LIB_DJANGO) {
			uint64_t age = (uint64_t)mz_lifetime_limit(model);
			bool checks = !mz_version_before(d->app->library_version, 4, 1);
			f->recommended = mz_printf(arena, "CONN_MAX_AGE = %" PRIu64 " (below wait_timeout "
						   "less the margin)%s", age < 600 ? age : 600,
						   checks ? " with CONN_HEALTH_CHECKS = true" : "");
		} else {
			f->recommended = "poolclass QueuePool, with pool_recycle below wait_timeout";
		}
	}
}

const struct mz_rule mz_rule_MZ3006 = {
	.id = "MZ3006",
	.slug = "no-pooling",
	.level = MZ_LEVEL_INFO,
	.title = "an application opens a new connection for every request",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
