/*
 * MZ6007 demand-above-declared: the running server has had more connections at once than
 * the deployment's applications and reserved clients can open at their peak: some client is
 * missing from the deployment file, or a pool is larger than it says.
 */
#include <inttypes.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	uint64_t used;
	const struct mz_observed_value *row = mz_status_counter(model, "Max_used_connections", &used);
	struct mz_total_demand demand;
	mz_total_demand(arena, model->deploy, &demand);
	if (!row || demand.unbounded || used <= demand.peak)
		return;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6007, mz_row_location(row, NULL),
		"the server has had %" PRIu64 " connections at once, more than the %" PRIu64 " the "
		"deployment declares at its peak: a client is missing from the deployment file, or a "
		"pool is larger than it says", used, demand.peak);
	f->current = mz_printf(arena, "Max_used_connections %" PRIu64 ", declared peak %" PRIu64,
			       used, demand.peak);
	f->recommended = "add the missing clients to the deployment file (reserved_connections "
			 "for monitoring, replication, people), and check each pool's settings "
			 "against the running applications (a processlist shows who holds the "
			 "connections: --processlist)";
	f->arithmetic = mz_printf(arena, "Max_used_connections %" PRIu64 " > Σ replicas × processes "
				  "× per-process maximum + reserved, with the surge, = %" PRIu64,
				  used, demand.peak);
	mz_finding_term(out, f, "Max_used_connections", mz_printf(arena, "%" PRIu64, used),
			mz_row_origin(arena, row));
	mz_demand_terms(model, out, f, &demand, true);
}

const struct mz_rule mz_rule_MZ6007 = {
	.id = "MZ6007",
	.slug = "demand-above-declared",
	.level = MZ_LEVEL_WARNING,
	.title = "the running server has had more connections than the deployment declares",
	.needs = MZ_NEEDS_APPS | MZ_NEEDS_STATUS,
	.check = check,
};
