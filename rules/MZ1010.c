/*
 * MZ1010 option-overridden: The same option set more than once with different values: the last
 * line in reading order wins, whatever group or file it is in.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_OVERRIDDEN,
	};
	mz_report_issues(model, out, &mz_rule_MZ1010, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1010 = {
	.id = "MZ1010",
	.slug = "option-overridden",
	.level = MZ_LEVEL_WARNING,
	.title = "an option set again later with another value",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
