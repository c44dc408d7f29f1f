/*
 * MZ5002 unbounded-lifetime: a pool keeps idle connections for ever and nothing checks them,
 * so every connection idle past wait_timeout fails the next time it is used.
 */
#include <inttypes.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static const char *bound_instead(struct mz_arena *arena, const struct mz_app *app, double limit)
{
	switch (app->library) {
	case MZ_LIB_HIKARI:
		return mz_printf(arena, "%s = %.0f", mz_app_setting(app, "maxLifetime")->written,
				 limit * 1000);
	case MZ_LIB_SQLALCHEMY:
		return mz_printf(arena, "pool_recycle = %.0f, or pool_pre_ping = true", limit);
	case MZ_LIB_MYSQL2: {
		double connections = mz_app_setting(app, "connectionLimit")->value;
		return connections > 0
			       ? mz_printf(arena, "maxIdle below connectionLimit (%.0f), with idleTimeout "
					   "= %.0f", connections, limit * 1000)
			       : mz_printf(arena, "a connectionLimit (see MZ3005), then maxIdle below it, "
					   "with idleTimeout = %.0f", limit * 1000);
	}
	case MZ_LIB_DJANGO:
		return mz_version_before(app->library_version, 4, 1)
			       ? mz_printf(arena, "CONN_MAX_AGE = %.0f", limit)
			       : mz_printf(arena, "CONN_MAX_AGE = %.0f, or CONN_HEALTH_CHECKS = true",
					   limit);
	case MZ_LIB_FIXED:
		break;
	}
	return NULL;
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	const struct mz_value *wait = mz_server_sizing(model->server, MZ_SV_WAIT_TIMEOUT);
	double limit = mz_lifetime_limit(model);
	for (size_t i = 0; i < model->deploy->n_apps; i++) {
		const struct mz_app *app = &model->deploy->apps[i];
		struct mz_lifetime life;
		mz_app_lifetime(arena, app, &life);
		if (!life.reuses || life.bounded || life.check ||
		    (life.ping_seconds && life.ping_seconds <= limit))
			continue;
		struct mz_finding *f = mz_report(
			out, &mz_rule_MZ5002, mz_where_location(life.setting->at, NULL),
			"app '%s' keeps idle connections with no time limit (%s) and checks none: "
			"each one idle past wait_timeout %s s fails when next used", app->name,
			life.text, wait->text);
		/* The pool drops a connection the server closed once its socket reports it. */
		if (life.drops_closed)
			f->level = MZ_LEVEL_WARNING;
		f->current = life.text;
		f->recommended = bound_instead(arena, app, limit);
		f->arithmetic = mz_printf(arena, "a lifetime of at most wait_timeout %s s − margin "
					  "%.15g s = %.15g s", wait->text, (double)wait->number - limit,
					  limit);
		mz_related_value(model, out, f, wait, "wait_timeout");
	}
}

const struct mz_rule mz_rule_MZ5002 = {
	.id = "MZ5002",
	.slug = "unbounded-lifetime",
	.level = MZ_LEVEL_ERROR,
	.title = "a pool keeps connections for ever, with no liveness check",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
