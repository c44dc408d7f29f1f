/*
 * MZ3001 connection-budget: the connections the applications can open, with those reserved
 * for other clients, exceed the max_connections the server runs with.
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
	if (demand.steady <= mc)
		return;
	const struct mz_demand *big = mz_largest_demand(&demand, false);
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ3001, mz_where_location(big->size ? big->size->at : big->app->at, NULL),
		"%s, more than max_connections %" PRIu64 " allows",
		mz_demand_words(arena, &demand, false), mc);
	f->current = mz_printf(arena, "demand %" PRIu64 ", max_connections %" PRIu64,
			       demand.steady, mc);
	f->recommended = mz_connection_advice(model, arena, &demand, false);
	f->arithmetic = mz_printf(
		arena, "Σ replicas × processes × per-process maximum + reserved = %" PRIu64 " > "
		"max_connections %" PRIu64 "\nthe one connection past max_connections is kept for an "
		"account with SUPER or CONNECTION ADMIN, which an application should not use",
		demand.steady, mc);
	mz_budget_terms(model, out, f, &demand, false);
}

const struct mz_rule mz_rule_MZ3001 = {
	.id = "MZ3001",
	.slug = "connection-budget",
	.level = MZ_LEVEL_ERROR,
	.title = "the applications' connections exceed max_connections",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
