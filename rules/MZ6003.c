/*
 * MZ6003 aborted-connects: many attempts to connect failed (Aborted_connects): wrong
 * passwords, hosts without a grant, handshakes that ran out of connect_timeout.
 */
#include <inttypes.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"

/* MySQLTuner's line; below a hundred connections a share says little. */
enum { PERCENT = 3, CONNECTIONS_MIN = 100 };

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_connection_share share;
	if (!mz_connection_share(model, "Aborted_connects", CONNECTIONS_MIN, &share) ||
	    share.count * 100 <= share.connections * PERCENT)
		return;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6003, mz_row_location(share.row, NULL),
		"%" PRIu64 " of %" PRIu64 " attempts to connect (%.1f%%) failed: wrong passwords, "
		"hosts or users without a grant, or handshakes slower than connect_timeout",
		share.count, share.connections, share.percent);
	f->recommended = "read the server's error log for the failed logins (log_warnings 2 or "
			 "more on MariaDB, log_error_verbosity 3 on MySQL), and correct the "
			 "clients' credentials or grants";
	mz_share_arithmetic(out, f, &share, ">", PERCENT);
}

const struct mz_rule mz_rule_MZ6003 = {
	.id = "MZ6003",
	.slug = "aborted-connects",
	.level = MZ_LEVEL_WARNING,
	.title = "many attempts to connect to the running server failed",
	.needs = MZ_NEEDS_STATUS,
	.check = check,
};
