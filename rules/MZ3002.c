/*
 * MZ3002 rolling-deploy-surge: the demand fits max_connections, but not while a rolling deploy
 * runs old and new replicas side by side.
 */
#include <inttypes.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	struct mz_total_demand demand;
	mz_total_demand(arena, model->deploy, &demand);
	const struct mz_value *mcv = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	uint64_t mc = mcv->number;
	if (demand.steady > mc || demand.peak <= mc)
		return; /* MZ3001 reports the first; the second is fine */
	const struct mz_demand *big = NULL;
	for (size_t i = 0; i < demand.n_apps; i++) {
		const struct mz_demand *d = &demand.apps[i];
		if (d->app->surge && (!big || d->peak - d->steady > big->peak - big->steady))
			big = d;
	}
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ3002, mz_where_location(big->app->surge_at, NULL),
		"during a rolling deploy %s, more than max_connections %" PRIu64 "; %" PRIu64
		" when no deploy runs", mz_demand_words(arena, &demand, true), mc, demand.steady);
	f->current = mz_printf(arena, "peak demand %" PRIu64 ", max_connections %" PRIu64,
			       demand.peak, mc);
	f->recommended = mz_connection_advice(model, arena, &demand, true);
	f->arithmetic = mz_printf(
		arena, "Σ (replicas + surge) × processes × per-process maximum + reserved = %" PRIu64
		" > max_connections %" PRIu64 "\nnew replicas open their pools while the old ones "
		"still hold theirs; a fixed-size pool opens every connection at start", demand.peak,
		mc);
	mz_budget_terms(model, out, f, &demand, true);
}

const struct mz_rule mz_rule_MZ3002 = {
	.id = "MZ3002",
	.slug = "rolling-deploy-surge",
	.level = MZ_LEVEL_ERROR,
	.title = "the connections during a rolling deploy exceed max_connections",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
