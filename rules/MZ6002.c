/*
 * MZ6002 connections-refused: the running server has refused connections for want of a free
 * slot (Connection_errors_max_connections).
 */
#include <inttypes.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	uint64_t refused, uptime = 0;
	const struct mz_observed_value *row =
		mz_status_counter(model, "Connection_errors_max_connections", &refused);
	if (!row || !refused)
		return;
	const struct mz_observed_value *up = mz_status_counter(model, "Uptime", &uptime);
	const struct mz_value *mc = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6002, mz_row_location(row, NULL),
		"the server has refused %" PRIu64 " connection%s with \"Too many connections\"%s%s",
		refused, refused == 1 ? "" : "s", up ? " in " : "",
		up ? mz_uptime_text(arena, uptime) : "");
	f->current = mz_printf(arena, "Connection_errors_max_connections %" PRIu64
			       ", max_connections %s", refused, mc->text);
	f->recommended = "find the clients that hold the connections (MZ6007, MZ6010) and size "
			 "their pools (MZ3001), or raise max_connections after checking its memory "
			 "(MZ2001)";
	mz_finding_term(out, f, "Connection_errors_max_connections",
			mz_printf(arena, "%" PRIu64, refused), mz_row_origin(arena, row));
	if (up)
		mz_finding_term(out, f, "Uptime", mz_printf(arena, "%" PRIu64, uptime),
				mz_row_origin(arena, up));
	mz_related_value(model, out, f, mc, "max_connections");
}

const struct mz_rule mz_rule_MZ6002 = {
	.id = "MZ6002",
	.slug = "connections-refused",
	.level = MZ_LEVEL_ERROR,
	.title = "the running server has refused connections: too many",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_STATUS,
	.check = check,
};
