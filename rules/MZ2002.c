/*
 * MZ2002 memory-at-demand: even the connections the applications can open at their peak,
 * fewer than max_connections, would take more memory than the server may use.
 */
#include <inttypes.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	struct mz_total_demand demand;
	mz_total_demand(arena, model->deploy, &demand);
	if (demand.unbounded)
		return; /* MZ3005 says so; the worst case is MZ2001's */
	struct mz_memory_limit limit;
	mz_memory_limit(model, &limit);
	struct mz_memory m;
	mz_memory_model(model->server, limit.bytes, &m);
	uint64_t mc = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS)->number;
	uint64_t connections = demand.peak < mc ? demand.peak : mc;
	uint64_t percent = model->thresholds->memory_percent;
	uint64_t budget = limit.bytes / 100 * percent;
	uint64_t used = mz_memory_at(&m, connections);
	if (used <= budget)
		return;

	struct mz_location at = limit.at.file ? mz_where_location(limit.at, NULL)
					      : mz_where_location(model->deploy->apps[0].at, NULL);
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ2002, at,
		"the applications' %" PRIu64 " connections at their peak may use %s, more than "
		"%" PRIu64 "%% of the %s %s", connections, mz_bytes_text(arena, used), percent,
		limit.name, mz_bytes_text(arena, limit.bytes));
	f->current = mz_printf(arena, "%" PRIu64 " connections × %s per connection", connections,
			       mz_bytes_text(arena, m.per_connection));
	if (budget > m.global) {
		uint64_t fit = (budget - m.global) / (m.per_connection ? m.per_connection : 1);
		uint64_t per = (budget - m.global) / (connections ? connections : 1);
		f->recommended = mz_printf(
			arena, "at most %" PRIu64 " connections at the peak: smaller pools or fewer replicas\n"
			"or per-connection buffers of at most %s in all, for %" PRIu64 " connections",
			fit, mz_bytes_text(arena, per), connections);
	} else {
		f->recommended = mz_printf(arena, "the global buffers alone take %s: shrink "
					   "innodb_buffer_pool_size first (see MZ2001)",
					   mz_bytes_text(arena, m.global));
	}
	f->arithmetic = mz_printf(
		arena, "global %s + %" PRIu64 " connections × %s = %s > %" PRIu64 "%% × %s = %s\n"
		"connections = min(peak demand %" PRIu64 ", max_connections %" PRIu64 ")",
		mz_bytes_text(arena, m.global), connections, mz_bytes_text(arena, m.per_connection),
		mz_bytes_text(arena, used), percent, mz_bytes_text(arena, limit.bytes),
		mz_bytes_text(arena, budget), demand.peak, mc);
	mz_demand_terms(model, out, f, &demand, true);
	mz_related_value(model, out, f, mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS),
			 "max_connections");
}

const struct mz_rule mz_rule_MZ2002 = {
	.id = "MZ2002",
	.slug = "memory-at-demand",
	.level = MZ_LEVEL_ERROR,
	.title = "the applications' peak connections alone would exceed the memory",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_MEMORY | MZ_NEEDS_APPS,
	.check = check,
};
