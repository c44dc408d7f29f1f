/*
 * MZ6001 connections-near-limit: the most connections the running server has had at once
 * (Max_used_connections) came close to max_connections.
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
	const struct mz_value *mc = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	unsigned headroom = model->thresholds->headroom_percent;
	if (!row || !mc->number || used * 100 <= mc->number * headroom)
		return;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6001, mz_row_location(row, NULL),
		"the server has had %" PRIu64 " connections at once, %.0f%% of max_connections %" PRIu64
		": the next burst may meet \"Too many connections\"", used,
		100.0 * (double)used / (double)mc->number, mc->number);
	uint64_t wanted = (used * 100 + headroom - 1) / headroom;
	f->current = mz_printf(arena, "Max_used_connections %" PRIu64 ", max_connections %" PRIu64,
			       used, mc->number);
	f->recommended = mz_printf(arena, "max_connections = %" PRIu64 " (the peak at %u%%), after "
				   "checking its memory (MZ2001) and descriptors; or find the "
				   "clients that took them (MZ6007, MZ6010)", wanted, headroom);
	f->arithmetic = mz_printf(arena, "Max_used_connections %" PRIu64 " > %u%% × max_connections "
				  "%" PRIu64 " = %.0f", used, headroom, mc->number,
				  (double)mc->number * headroom / 100);
	mz_finding_term(out, f, "Max_used_connections", mz_printf(arena, "%" PRIu64, used),
			mz_row_origin(arena, row));
	mz_finding_term(out, f, "max_connections", mc->text, mz_value_origin(model, arena, mc));
	mz_related_value(model, out, f, mc, "max_connections");
}

const struct mz_rule mz_rule_MZ6001 = {
	.id = "MZ6001",
	.slug = "connections-near-limit",
	.level = MZ_LEVEL_WARNING,
	.title = "the running server's peak connections came close to max_connections",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_STATUS,
	.check = check,
};
