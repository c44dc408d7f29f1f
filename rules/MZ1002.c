/*
 * MZ1002 unknown-option: An option the target's server does not know (a typo, another
 * flavour's or version's option), or an abbreviation that fits several: the server refuses to
 * start. The nearest real name is the recommendation.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_UNKNOWN_OPTION,
		MZ_ISSUE_AMBIGUOUS_OPTION,
	};
	mz_report_issues(model, out, &mz_rule_MZ1002, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1002 = {
	.id = "MZ1002",
	.slug = "unknown-option",
	.level = MZ_LEVEL_ERROR,
	.title = "an option the server does not know, so it refuses to start",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
