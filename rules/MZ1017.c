/*
 * MZ1017 deprecated-option: An option the target deprecates: it still works, and a later
 * version may refuse it.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_DEPRECATED_OPTION,
	};
	mz_report_issues(model, out, &mz_rule_MZ1017, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1017 = {
	.id = "MZ1017",
	.slug = "deprecated-option",
	.level = MZ_LEVEL_INFO,
	.title = "a deprecated option",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
