/*
 * MZ4001 fd-limit-shrinks: the server gets fewer file descriptors than it asks for and cuts
 * max_connections, table_open_cache or (MariaDB) table_open_cache_instances to fit, with a
 * line in its log that few read.
 */
#include <inttypes.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	const struct mz_startup *st = &model->server->startup;
	if (!st->short_of_files || st->cliff)
		return; /* MZ4002 reports the cliff */
	const struct mz_value *mc = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	const struct mz_value *toc = mz_server_sizing(model->server, MZ_SV_TABLE_OPEN_CACHE);
	const char *mc_before = mz_value_before_startup(mc);
	const char *toc_before = mz_value_before_startup(toc);
	/* "a", "a and b", "a, b and c" */
	const char *cut[3];
	size_t n = 0;
	if (mc_before)
		cut[n++] = mz_printf(arena, "max_connections from %s to %s", mc_before, mc->text);
	if (toc_before)
		cut[n++] = mz_printf(arena, "table_open_cache from %s to %s", toc_before, toc->text);
	/* MariaDB first cuts the cache's instances, and says nothing of it. */
	const struct mz_value *tci = mz_server_sizing(model->server, MZ_SV_TABLE_OPEN_CACHE_INSTANCES);
	const char *tci_before = mz_value_before_startup(tci);
	if (tci_before)
		cut[n++] = mz_printf(arena, "table_open_cache_instances from %s to %s", tci_before,
				     tci->text);
	const char *cuts = n ? cut[0] : NULL;
	for (size_t i = 1; i < n; i++)
		cuts = mz_printf(arena, "%s%s%s", cuts, i + 1 < n ? ", " : " and ", cut[i]);
	if (!cuts)
		return;
	/* Where the cut is decided: the connections, else the table cache's line. */
	const struct mz_value *at = mc_before ? mc : toc_before || mz_value_line(toc) ? toc : tci;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ4001, mz_value_location(model, at, NULL),
		"with %" PRIu64 " of the %" PRIu64 " file descriptors it asks for, the server cuts %s",
		st->files, st->request, cuts);
	/* Fewer tables open is slower; fewer connections refuses clients. */
	if (!mc_before)
		f->level = MZ_LEVEL_WARNING;
	f->server_says = st->server_text;
	mz_nofile_advice(model, out, f);
	f->arithmetic = st->formula;
	if (mc_before && toc_before)
		mz_related_value(model, out, f, toc, "table_open_cache");
}

const struct mz_rule mz_rule_MZ4001 = {
	.id = "MZ4001",
	.slug = "fd-limit-shrinks",
	.level = MZ_LEVEL_ERROR,
	.title = "the file-descriptor limit makes the server cut connections or table caches",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_PREDICTION,
	.check = check,
};
