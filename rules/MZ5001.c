/*
 * MZ5001 lifetime-exceeds-wait-timeout: a pool keeps idle connections longer than the server
 * waits before it closes them, so the application is handed connections that are gone.
 */
#include <inttypes.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

/* The setting that bounds the lifetime, set to the limit, in the library's unit. */
static const char *lifetime_instead(struct mz_arena *arena, const struct mz_lifetime *life,
				    double limit)
{
	const struct mz_setting *s = life->setting;
	if (s->param->kind == MZ_PARAM_MILLIS)
		return mz_printf(arena, "%s = %.0f", s->written, limit * 1000);
	return mz_printf(arena, "%s = %.0f", s->written, limit);
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
		if (!life.reuses || !life.bounded || life.seconds <= limit)
			continue;
		if (life.ping_seconds && life.ping_seconds <= limit)
			continue; /* idle connections are pinged before the server gives up on them */
		struct mz_finding *f = mz_report(
			out, &mz_rule_MZ5001, mz_where_location(life.setting->at, NULL),
			"app '%s' keeps idle connections up to %.15g s (%s), but the server closes them "
			"after wait_timeout %s s: the application gets \"MySQL server has gone away\"",
			app->name, life.seconds, life.text, wait->text);
		/* Repaired at checkout, or dropped when closed: a reconnect's cost, mostly. */
		if (life.check || life.drops_closed)
			f->level = MZ_LEVEL_WARNING;
		f->current = life.text;
		f->recommended = mz_printf(arena, "%s, below wait_timeout %s s less the margin; or "
					   "wait_timeout = %.0f, above the lifetime", lifetime_instead(
						   arena, &life, limit), wait->text,
					   life.seconds + model->thresholds->lifetime_margin);
		bool millis = life.setting->param->kind == MZ_PARAM_MILLIS;
		f->arithmetic = mz_printf(arena, "%s%s > wait_timeout %s s − margin %.15g s = %.15g s%s",
					  life.text,
					  millis ? mz_printf(arena, " = %.15g s", life.seconds) : "",
					  wait->text,
					  (double)wait->number - limit, limit,
					  life.check ? mz_printf(arena, "; %s replaces dead connections "
								 "at checkout", life.check)
						     : "");
		mz_related_value(model, out, f, wait, "wait_timeout");
	}
}

const struct mz_rule mz_rule_MZ5001 = {
	.id = "MZ5001",
	.slug = "lifetime-exceeds-wait-timeout",
	.level = MZ_LEVEL_ERROR,
	.title = "a pool keeps idle connections longer than wait_timeout",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
