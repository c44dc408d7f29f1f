/*
 * MZ6008 uptime-short: the running server started less than a day ago, so its counters have
 * not seen a whole day's load: the peaks and rates of the other MZ6 rules may be low.
 */
#include <inttypes.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"

/* MySQLTuner asks for a day before it trusts its figures. */
enum { DAY = 86400 };

static void check(const struct mz_model *model, struct mz_findings *out)
{
	uint64_t uptime;
	const struct mz_observed_value *row = mz_status_counter(model, "Uptime", &uptime);
	if (!row || uptime >= DAY)
		return;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6008, mz_row_location(row, NULL),
		"the server started %s before the status was taken: its counters (the most "
		"connections at once, aborted connections, threads created) have not seen a whole "
		"day", mz_uptime_text(out->arena, uptime));
	f->recommended = "take SHOW GLOBAL STATUS again after a day of usual load, and after the "
			 "busiest hour";
	mz_finding_term(out, f, "Uptime", mz_printf(out->arena, "%" PRIu64, uptime),
			mz_row_origin(out->arena, row));
}

const struct mz_rule mz_rule_MZ6008 = {
	.id = "MZ6008",
	.slug = "uptime-short",
	.level = MZ_LEVEL_INFO,
	.title = "the running server started less than a day ago",
	.needs = MZ_NEEDS_STATUS,
	.check = check,
};
