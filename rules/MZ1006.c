/*
 * MZ1006 value-clamped: A value outside the variable's range: the server uses the nearest end
 * and says so only in its log.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_CLAMPED,
	};
	mz_report_issues(model, out, &mz_rule_MZ1006, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1006 = {
	.id = "MZ1006",
	.slug = "value-clamped",
	.level = MZ_LEVEL_WARNING,
	.title = "a value outside its range, which the server moves to the nearest end",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
