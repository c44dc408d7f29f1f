/*
 * MZ3003 connection-headroom: the steady demand fits max_connections but leaves less than the
 * headroom free for the peaks, the administrators and whatever was not declared.
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
	uint64_t mc = mcv->number, headroom = model->thresholds->headroom_percent;
	if (demand.steady > mc || demand.peak > mc || demand.steady * 100 <= mc * headroom)
		return; /* MZ3001 and MZ3002 report the first two */
	const struct mz_demand *big = mz_largest_demand(&demand, false);
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ3003, mz_where_location(big->size ? big->size->at : big->app->at, NULL),
		"%s: %.1f%% of max_connections %" PRIu64 ", which leaves less than %" PRIu64
		"%% free", mz_demand_words(arena, &demand, false),
		100.0 * (double)demand.steady / (double)mc, mc, 100 - headroom);
	f->current = mz_printf(arena, "demand %" PRIu64 " of max_connections %" PRIu64,
			       demand.steady, mc);
	f->recommended = mz_connection_advice(model, arena, &demand, false);
	f->arithmetic = mz_printf(arena, "demand %" PRIu64 " > %" PRIu64 "%% × max_connections "
				  "%" PRIu64 " = %.1f", demand.steady, headroom, mc,
				  (double)(mc * headroom) / 100);
	mz_budget_terms(model, out, f, &demand, false);
}

const struct mz_rule mz_rule_MZ3003 = {
	.id = "MZ3003",
	.slug = "connection-headroom",
	.level = MZ_LEVEL_WARNING,
	.title = "the steady demand leaves too little of max_connections free",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
