/*
 * MZ4003 open-files-limit-ineffective: open_files_limit in my.cnf asks for descriptors the
 * process limit does not give, or asks for fewer than the server wants anyway: either way the
 * value in the file is not what the server runs with.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	const struct mz_value *ofl = mz_server_sizing(model->server, MZ_SV_OPEN_FILES_LIMIT);
	const struct mz_option *line = mz_value_line(ofl);
	if (!ofl || !ofl->set || !line)
		return;
	const struct mz_startup *st = &model->server->startup;
	uint64_t asked = 0;
	for (size_t i = 0; i < ofl->n_steps; i++)
		if (ofl->steps[i].kind != MZ_STEP_STARTUP)
			asked = strtoull(ofl->steps[i].value, NULL, 10);
	struct mz_finding *f;
	if (st->files < asked) {
		f = mz_report(out, &mz_rule_MZ4003, mz_value_location(model, ofl, NULL),
			      "open_files_limit %" PRIu64 " cannot take effect: under LimitNOFILE=%s "
			      "the server gets %" PRIu64, asked, mz_nofile_text(model, arena),
			      st->files);
		mz_nofile_advice(model, out, f);
	} else if (asked < st->request) {
		f = mz_report(out, &mz_rule_MZ4003, mz_value_location(model, ofl, NULL),
			      "open_files_limit %" PRIu64 " caps nothing: the server asks for %" PRIu64
			      " descriptors whatever it says", asked, st->request);
		f->level = MZ_LEVEL_INFO;
		mz_nofile_advice(model, out, f);
		f->recommended = "remove the line; cap descriptors with LimitNOFILE, and connections "
				 "and tables with max_connections and table_open_cache";
	} else {
		return;
	}
	f->current = mz_printf(arena, "open_files_limit = %" PRIu64 " → %s; LimitNOFILE=%s (%s)",
			       asked, ofl->text, mz_nofile_text(model, arena),
			       mz_nofile_from(model, arena));
	f->arithmetic = st->formula;
}

const struct mz_rule mz_rule_MZ4003 = {
	.id = "MZ4003",
	.slug = "open-files-limit-ineffective",
	.level = MZ_LEVEL_WARNING,
	.title = "open_files_limit in the file is not what the server gets",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_PREDICTION,
	.check = check,
};
