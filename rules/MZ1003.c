/*
 * MZ1003 unknown-loose-option: 'loose-' tells the server to skip an option it does not know,
 * with only a warning in the log: a typo behind it goes unnoticed.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_UNKNOWN_LOOSE,
	};
	mz_report_issues(model, out, &mz_rule_MZ1003, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1003 = {
	.id = "MZ1003",
	.slug = "unknown-loose-option",
	.level = MZ_LEVEL_WARNING,
	.title = "'loose-' hides an option the server does not know",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
