/*
 * MZ6004 aborted-clients: many connections ended without the client closing them
 * (Aborted_clients): the server closed them after wait_timeout, or the client died.
 */
#include <inttypes.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

/* phpMyAdmin's advisor's line; below a hundred connections a share says little. */
enum { PERCENT = 2, CONNECTIONS_MIN = 100 };

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_connection_share share;
	if (!mz_connection_share(model, "Aborted_clients", CONNECTIONS_MIN, &share) ||
	    share.count * 100 <= share.connections * PERCENT)
		return;
	const struct mz_value *wait = mz_server_sizing(model->server, MZ_SV_WAIT_TIMEOUT);
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6004, mz_row_location(share.row, NULL),
		"%" PRIu64 " of %" PRIu64 " connections (%.1f%%) ended without the client closing them: "
		"idle past wait_timeout %s s, or the client was killed or lost its network",
		share.count, share.connections, share.percent, wait->text);
	f->recommended = "keep pool lifetimes below wait_timeout (MZ5001, MZ5002), and close "
			 "connections before a process exits";
	mz_share_arithmetic(out, f, &share, ">", PERCENT);
	mz_related_value(model, out, f, wait, "wait_timeout");
}

const struct mz_rule mz_rule_MZ6004 = {
	.id = "MZ6004",
	.slug = "aborted-clients",
	.level = MZ_LEVEL_WARNING,
	.title = "many connections to the running server ended without the client closing them",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_STATUS,
	.check = check,
};
