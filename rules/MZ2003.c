/*
 * MZ2003 per-connection-buffers: a per-operation buffer is raised above its default while the
 * connections' share of the worst case already outweighs the global buffers.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	struct mz_memory_limit limit;
	mz_memory_limit(model, &limit);
	struct mz_memory m;
	mz_memory_model(model->server, limit.bytes, &m);
	uint64_t mc = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS)->number;
	uint64_t connections_share = mz_memory_at(&m, mc) - m.global;
	if (connections_share <= m.global)
		return;
	for (size_t i = 0; i < m.n_terms; i++) {
		const struct mz_value *v = m.terms[i].value;
		if (!m.terms[i].per_connection || !v || !v->set || !v->var->def ||
		    m.terms[i].bytes != v->number)
			continue;
		uint64_t def = strtoull(v->var->def, NULL, 10);
		if (v->number <= def)
			continue;
		struct mz_finding *f = mz_report(
			out, &mz_rule_MZ2003, mz_value_location(model, v, NULL),
			"%s %s is %.1f× its default, for every connection: at max_connections "
			"%" PRIu64 " the connections' buffers (%s) outweigh the global ones (%s)",
			v->var->name, mz_bytes_text(arena, v->number), (double)v->number / (double)def,
			mc, mz_bytes_text(arena, connections_share), mz_bytes_text(arena, m.global));
		f->current = mz_printf(arena, "%s = %s", v->var->name, mz_cnf_size(arena, v->number));
		f->recommended = mz_printf(arena, "%s = %s (the default), and SET SESSION %s for "
					   "the queries that need more", v->var->name,
					   mz_cnf_size(arena, def), v->var->name);
		f->arithmetic = mz_printf(
			arena, "max_connections %" PRIu64 " × %s %s = %s of the connections' %s "
			"(%s each); the global buffers take %s", mc, v->var->name,
			mz_bytes_text(arena, v->number), mz_bytes_text(arena, mc * v->number),
			mz_bytes_text(arena, connections_share), mz_bytes_text(arena, m.per_connection),
			mz_bytes_text(arena, m.global));
	}
}

const struct mz_rule mz_rule_MZ2003 = {
	.id = "MZ2003",
	.slug = "per-connection-buffers",
	.level = MZ_LEVEL_WARNING,
	.title = "a per-connection buffer raised while connections dominate the memory",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
