/*
 * MZ2001 memory-worst-case: the global buffers plus max_connections times the per-connection
 * buffers exceed the share of the host's or the container's memory the server may take.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "mysizer/rule.h"
#include "mysizer/sizing.h"

/* The per-connection share with every buffer raised above its default put back; *names
 * lists them ("sort_buffer_size 2M, ..."), *count how many. */
static uint64_t per_connection_at_defaults(const struct mz_memory *m, struct mz_arena *arena,
					   const char **names, size_t *count)
{
	uint64_t per = m->per_connection;
	*names = NULL;
	*count = 0;
	for (size_t i = 0; i < m->n_terms; i++) {
		const struct mz_value *v = m->terms[i].value;
		if (!m->terms[i].per_connection || !v || !v->set || !v->var->def)
			continue;
		uint64_t def = strtoull(v->var->def, NULL, 10);
		if (v->number <= def || m->terms[i].bytes != v->number)
			continue;
		per -= v->number - def;
		const char *name = mz_printf(arena, "%s %s", v->var->name, mz_cnf_size(arena, def));
		*names = *names ? mz_printf(arena, "%s, %s", *names, name) : name;
		++*count;
	}
	return per;
}

/* The worst case fits with fewer connections, or with the raised buffers put back. */
static const char *fewer_connections(struct mz_arena *arena, const struct mz_memory *m,
				     uint64_t mc, uint64_t budget)
{
	uint64_t fit = (budget - m->global) / (m->per_connection ? m->per_connection : 1);
	const char *advice = mz_printf(arena, "max_connections = %" PRIu64 " (worst case %s)", fit,
				       mz_bytes_text(arena, mz_memory_at(m, fit)));
	const char *raised;
	size_t n_raised;
	uint64_t per = per_connection_at_defaults(m, arena, &raised, &n_raised);
	uint64_t worst_at_defaults = m->global + mc * per;
	if (n_raised && worst_at_defaults <= budget)
		advice = mz_printf(arena, "%s\nor keep max_connections %" PRIu64 " and put %s back "
				   "to the default (worst case %s); set %s per session for the "
				   "queries that need more", advice, mc, raised,
				   mz_bytes_text(arena, worst_at_defaults), n_raised > 1 ? "them" : "it");
	return advice;
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	struct mz_memory_limit limit;
	mz_memory_limit(model, &limit);
	struct mz_memory m;
	mz_memory_model(model->server, limit.bytes, &m);
	const struct mz_value *mcv = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	const struct mz_value *pool = mz_server_sizing(model->server, MZ_SV_INNODB_BUFFER_POOL_SIZE);
	uint64_t mc = mcv->number, percent = model->thresholds->memory_percent;
	uint64_t budget = limit.bytes / 100 * percent;
	uint64_t worst = mz_memory_at(&m, mc);
	if (worst <= budget)
		return;

	/* When the global buffers alone leave no room, the buffer pool is what to change. */
	bool global_too_big = budget <= m.global;
	const struct mz_value *at = global_too_big && mz_value_line(pool) ? pool : mcv;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ2001, mz_value_location(model, at, NULL),
		"at max_connections %" PRIu64 " the server may use %s, more than %" PRIu64 "%% of "
		"the %s %s", mc, mz_bytes_text(arena, worst), percent, limit.name,
		mz_bytes_text(arena, limit.bytes));
	f->current = at == pool ? mz_printf(arena, "innodb_buffer_pool_size = %s",
					    mz_cnf_size(arena, pool->number))
				: mz_printf(arena, "max_connections = %" PRIu64, mc);
	const char *advice;
	if (!global_too_big) {
		advice = fewer_connections(arena, &m, mc, budget);
	} else {
		uint64_t others = m.global - pool->number + mc * m.per_connection;
		advice = budget > others + (64 << 20)
				 ? mz_printf(arena, "innodb_buffer_pool_size = %s: the global buffers "
					     "alone leave no room for the connections",
					     mz_cnf_size(arena, (budget - others) & ~(uint64_t)0xFFFFF))
				 : mz_printf(arena, "the global buffers alone take %s: shrink "
					     "innodb_buffer_pool_size and max_connections together, or "
					     "give the server more memory", mz_bytes_text(arena, m.global));
	}
	f->recommended = advice;
	f->arithmetic = mz_printf(
		arena, "global %s + max_connections %" PRIu64 " × %s per connection = %s > %" PRIu64
		"%% × %s = %s\nmodel: mysizer's worst case, one buffer of each kind per connection; "
		"MySQLTuner 1.9 adds max_allowed_packet per thread and counts the temporary table "
		"once, 2.x drops the packet and adds binlog_cache_size always; %s",
		mz_bytes_text(arena, m.global), mc, mz_bytes_text(arena, m.per_connection),
		mz_bytes_text(arena, worst), percent, mz_bytes_text(arena, limit.bytes),
		mz_bytes_text(arena, budget), m.not_counted);
	for (size_t i = 0; i < m.n_terms; i++)
		mz_finding_term(out, f,
				mz_printf(arena, "%s%s", m.terms[i].per_connection ? "per connection: "
										     : "global: ",
					  m.terms[i].name),
				mz_bytes_text(arena, m.terms[i].bytes),
				m.terms[i].value ? mz_value_origin(model, arena, m.terms[i].value) : NULL);
	mz_finding_term(out, f, "max_connections", mz_printf(arena, "%" PRIu64, mc),
			mz_value_origin(model, arena, mcv));
	mz_finding_term(out, f, limit.name, mz_bytes_text(arena, limit.bytes),
			mz_where_text(arena, limit.at));
	if (limit.at.file)
		mz_finding_related(out, f, mz_where_location(limit.at, limit.name));
}

const struct mz_rule mz_rule_MZ2001 = {
	.id = "MZ2001",
	.slug = "memory-worst-case",
	.level = MZ_LEVEL_ERROR,
	.title = "global buffers plus max_connections per-connection buffers exceed the memory",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_MEMORY,
	.check = check,
};
