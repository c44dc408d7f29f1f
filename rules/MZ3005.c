/*
 * MZ3005 unbounded-pool: a pool with no maximum, so that nothing but max_connections stops
 * the application, and its demand cannot be counted.
 */
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static const char *bounded_instead(const struct mz_demand *d)
{
	switch (d->app->library) {
	case MZ_LIB_SQLALCHEMY:
		return d->pooled ? "pool_size = 5, max_overflow = 10 (SQLAlchemy's defaults), or the "
				   "sizes the application needs"
				 : "poolclass QueuePool with pool_size and max_overflow, so that each "
				   "process holds a bounded number of connections";
	case MZ_LIB_MYSQL2:
		return "connectionLimit = 10 (mysql2's default), or the size the application needs";
	default:
		return NULL;
	}
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_total_demand demand;
	mz_total_demand(out->arena, model->deploy, &demand);
	for (size_t i = 0; i < demand.n_apps; i++) {
		const struct mz_demand *d = &demand.apps[i];
		if (!d->unbounded)
			continue;
		struct mz_finding *f = mz_report(
			out, &mz_rule_MZ3005, mz_where_location(d->size->at, NULL),
			"app '%s' has no limit on its connections: %s; nothing but max_connections "
			"stops it, and the connection budget cannot count it", d->app->name, d->why);
		f->recommended = bounded_instead(d);
	}
}

const struct mz_rule mz_rule_MZ3005 = {
	.id = "MZ3005",
	.slug = "unbounded-pool",
	.level = MZ_LEVEL_WARNING,
	.title = "a pool without a maximum",
	.needs = MZ_NEEDS_APPS,
	.check = check,
};
