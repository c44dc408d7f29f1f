/*
 * MZ5004 pool-setting-ignored: a pool setting the library silently ignores, disables or puts
 * back to its default, so what runs is not what the file says.
 */
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static double value(const struct mz_app *app, const char *key)
{
	return mz_app_setting(app, key)->value;
}

static void report(struct mz_findings *out, const struct mz_app *app, const char *key,
		   const char *what, const char *instead)
{
	const struct mz_setting *s = mz_app_setting(app, key);
	struct mz_finding *f = mz_report(out, &mz_rule_MZ5004, mz_where_location(s->at, NULL),
					 "app '%s': %s", app->name, what);
	f->current = mz_printf(out->arena, "%s = %s", s->written, mz_setting_text(out->arena, s));
	f->recommended = instead;
}

static bool given(const struct mz_app *app, const char *key)
{
	return mz_app_setting(app, key)->given;
}

static void hikari(struct mz_findings *out, const struct mz_app *app)
{
	struct mz_arena *arena = out->arena;
	double max = value(app, "maximumPoolSize"), min_idle = value(app, "minimumIdle");
	double life = value(app, "maxLifetime"), idle = value(app, "idleTimeout");
	double keepalive = value(app, "keepaliveTime");
	if (life != 0 && life < 30000) {
		report(out, app, "maxLifetime", "HikariCP puts a maxLifetime below 30000 ms back to "
		       "its default, 1800000 ms (30 min)", "maxLifetime = 30000 or more, or 0 for no limit");
		life = 1800000;
	}
	if (keepalive != 0 && keepalive < 30000)
		report(out, app, "keepaliveTime", "HikariCP disables a keepaliveTime below 30000 ms",
		       "keepaliveTime = 30000 or more");
	else if (keepalive != 0 && life != 0 && keepalive >= life)
		report(out, app, "keepaliveTime",
		       mz_printf(arena, "HikariCP disables a keepaliveTime that is not below "
				 "maxLifetime (%.15g ms)", life),
		       mz_printf(arena, "keepaliveTime below %.15g", life));
	if (min_idle > max && given(app, "minimumIdle"))
		report(out, app, "minimumIdle",
		       mz_printf(arena, "HikariCP puts a minimumIdle above maximumPoolSize (%.15g) back "
				 "to maximumPoolSize", max),
		       "leave minimumIdle unset: a fixed-size pool");
	if (!given(app, "idleTimeout"))
		return;
	if (min_idle >= max)
		report(out, app, "idleTimeout",
		       "idleTimeout has no effect on a fixed-size pool (minimumIdle is "
		       "maximumPoolSize): HikariCP closes no idle connection",
		       "remove idleTimeout, or set minimumIdle below maximumPoolSize");
	else if (idle != 0 && idle < 10000)
		report(out, app, "idleTimeout", "HikariCP puts an idleTimeout below 10000 ms back to "
		       "its default, 600000 ms", "idleTimeout = 10000 or more");
	else if (life != 0 && idle + 1000 > life)
		report(out, app, "idleTimeout",
		       mz_printf(arena, "HikariCP disables an idleTimeout that is not at least "
				 "1000 ms below maxLifetime (%.15g ms)", life),
		       mz_printf(arena, "idleTimeout = %.15g or less", life - 1000));
}

static void mysql2(struct mz_findings *out, const struct mz_app *app)
{
	double limit = value(app, "connectionLimit"), max_idle = value(app, "maxIdle");
	if (given(app, "idleTimeout") && max_idle >= limit)
		report(out, app, "idleTimeout",
		       mz_printf(out->arena, "idleTimeout has no effect: mysql2 closes idle "
				 "connections only when maxIdle (%.15g) is below connectionLimit (%.15g), "
				 "so they live until the server's wait_timeout closes them",
				 max_idle, limit),
		       limit > 0 ? mz_printf(out->arena, "maxIdle below %.15g, for example %.15g", limit,
					     (double)((uint64_t)limit / 2))
				 : "a connectionLimit (0 is none, see MZ3005), then maxIdle below it");
}

static void django(struct mz_findings *out, const struct mz_app *app)
{
	if (given(app, "CONN_HEALTH_CHECKS") && value(app, "CONN_HEALTH_CHECKS") &&
	    mz_version_before(app->library_version, 4, 1))
		report(out, app, "CONN_HEALTH_CHECKS",
		       mz_printf(out->arena, "Django %s has no CONN_HEALTH_CHECKS (it came in 4.1) and "
				 "ignores it", app->library_version),
		       "Django 4.1 or later, or a CONN_MAX_AGE below wait_timeout");
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	for (size_t i = 0; i < model->deploy->n_apps; i++) {
		const struct mz_app *app = &model->deploy->apps[i];
		switch (app->library) {
		case MZ_LIB_HIKARI: hikari(out, app); break;
		case MZ_LIB_MYSQL2: mysql2(out, app); break;
		case MZ_LIB_DJANGO: django(out, app); break;
		default: break;
		}
	}
}

const struct mz_rule mz_rule_MZ5004 = {
	.id = "MZ5004",
	.slug = "pool-setting-ignored",
	.level = MZ_LEVEL_WARNING,
	.title = "a pool setting the library ignores or changes",
	.needs = MZ_NEEDS_APPS,
	.check = check,
};
