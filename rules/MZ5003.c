/*
 * MZ5003 long-wait-timeout: wait_timeout holds idle connections for hours although every pool
 * retires its connections much sooner: a connection an application leaks stays open that long.
 */
#include <inttypes.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	const struct mz_value *wait = mz_server_sizing(model->server, MZ_SV_WAIT_TIMEOUT);
	if (wait->number < model->thresholds->long_wait_timeout)
		return;
	double longest = 0;
	const char *longest_text = NULL;
	for (size_t i = 0; i < model->deploy->n_apps; i++) {
		struct mz_lifetime life;
		mz_app_lifetime(arena, &model->deploy->apps[i], &life);
		if (!life.reuses)
			continue;
		if (!life.bounded && !life.ping_seconds)
			return; /* a pool that keeps connections for ever needs the long timeout */
		/* A pinged connection is idle at most one ping interval. */
		double kept = life.ping_seconds && (!life.bounded || life.ping_seconds < life.seconds)
				      ? life.ping_seconds
				      : life.seconds;
		if (!longest_text || kept > longest) {
			longest = kept;
			longest_text = mz_printf(arena, "app '%s': %s", model->deploy->apps[i].name,
						 kept == life.ping_seconds && life.ping
							 ? mz_printf(arena, "%s %.15g ms pings it",
								     life.ping->written,
								     life.ping->value)
							 : life.text);
		}
	}
	if (!longest_text)
		return;
	/* The longest idle time plus the margin, rounded up to whole minutes. */
	uint64_t idle = (uint64_t)longest;
	idle += (double)idle < longest;
	uint64_t enough = (idle + model->thresholds->lifetime_margin + 59) / 60 * 60;
	if (enough >= wait->number)
		return;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ5003, mz_value_location(model, wait, NULL),
		"wait_timeout %s s keeps an idle connection for %.1f hours, but no pool leaves one "
		"idle past %.0f s: connections an application leaks hold their slot that long",
		wait->text, (double)wait->number / 3600, longest);
	f->current = mz_printf(arena, "wait_timeout = %s", wait->text);
	f->recommended = mz_printf(arena, "wait_timeout = %" PRIu64, enough);
	f->arithmetic = mz_printf(arena, "the longest idle time (%s) + margin %u s, rounded up to "
				  "whole minutes, = %" PRIu64 " s", longest_text,
				  model->thresholds->lifetime_margin, enough);
}

const struct mz_rule mz_rule_MZ5003 = {
	.id = "MZ5003",
	.slug = "long-wait-timeout",
	.level = MZ_LEVEL_INFO,
	.title = "wait_timeout holds leaked connections for hours",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
