/*
 * MZ1016 boolean-not-recognized: A boolean written as something other than 1, 0, on, off, true
 * or false (yes, enabled): the server reads it as OFF.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_BAD_BOOLEAN,
	};
	mz_report_issues(model, out, &mz_rule_MZ1016, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1016 = {
	.id = "MZ1016",
	.slug = "boolean-not-recognized",
	.level = MZ_LEVEL_WARNING,
	.title = "a boolean spelling the server does not know, read as OFF",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
