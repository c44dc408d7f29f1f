/*
 * MZ4004 fd-limit-unknown: nothing says which file-descriptor limit the server starts under,
 * so the startup adjustment rests on an assumption.
 */
#include <inttypes.h>

#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	const struct mz_host *host = &model->server->host;
	if (!host->nofile_assumed)
		return;
	const struct mz_startup *st = &model->server->startup;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ4004, (struct mz_location){ mz_model_file(model), 0, NULL, NULL },
		"no file-descriptor limit given: mysizer assumed %s; the server asks for %" PRIu64,
		host->nofile_assumed, st->request);
	f->recommended = mz_printf(arena, "give the unit (--systemd-unit, or systemd_unit in the "
				   "deployment file) or the limit (--nofile, or nofile); the server "
				   "needs LimitNOFILE=%" PRIu64, st->request);
	f->arithmetic = st->formula;
}

const struct mz_rule mz_rule_MZ4004 = {
	.id = "MZ4004",
	.slug = "fd-limit-unknown",
	.level = MZ_LEVEL_INFO,
	.title = "the file-descriptor limit is assumed, not given",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_PREDICTION,
	.check = check,
};
