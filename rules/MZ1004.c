/*
 * MZ1004 removed-option: An option the target version removed or renamed (query_cache_size on
 * MySQL 8.0): the server refuses to start.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_REMOVED_OPTION,
		MZ_ISSUE_IGNORED_OPTION,
	};
	mz_report_issues(model, out, &mz_rule_MZ1004, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1004 = {
	.id = "MZ1004",
	.slug = "removed-option",
	.level = MZ_LEVEL_ERROR,
	.title = "an option removed or renamed in the target version",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
