/*
 * MZ4002 fd-limit-cliff: the server is short of file descriptors, yet an unsigned subtraction
 * wraps and it cuts nothing: it runs with more connections and tables than it has descriptors.
 */
#include <inttypes.h>

#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	const struct mz_startup *st = &model->server->startup;
	if (!st->cliff)
		return;
	const struct mz_value *mc = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	const struct mz_value *toc = mz_server_sizing(model->server, MZ_SV_TABLE_OPEN_CACHE);
	/* What escapes the cut: the connections always, the table cache when it wraps too. */
	const char *kept = mz_value_before_startup(toc)
				   ? mz_printf(arena, "max_connections %s", mc->text)
				   : mz_printf(arena, "max_connections %s and table_open_cache %s",
					       mc->text, toc->text);
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ4002, mz_value_location(model, mc, NULL),
		"the server gets %" PRIu64 " of the %" PRIu64 " file descriptors it asks for, yet keeps "
		"%s: it will run out of descriptors under load", st->files, st->request, kept);
	f->server_says = st->server_text;
	mz_nofile_advice(model, out, f);
	f->arithmetic = mz_printf(arena, "%s\nthe limit the server computes for max_connections "
				  "from %" PRIu64 " descriptors is below zero, wraps round to a huge "
				  "unsigned number, and cuts nothing", st->formula, st->files);
	mz_related_value(model, out, f, toc, "table_open_cache");
}

const struct mz_rule mz_rule_MZ4002 = {
	.id = "MZ4002",
	.slug = "fd-limit-cliff",
	.level = MZ_LEVEL_ERROR,
	.title = "short of file descriptors, the server keeps max_connections and runs past its limit",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_PREDICTION,
	.check = check,
};
