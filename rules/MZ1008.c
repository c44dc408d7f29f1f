/*
 * MZ1008 suffix-trap: A number read differently from how it looks: only the first character
 * after the digits counts (16MB is 16M, 1GiB is 1G), and 1e6 is 1 exbibyte, not a million.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_SUFFIX_TRAP,
	};
	mz_report_issues(model, out, &mz_rule_MZ1008, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1008 = {
	.id = "MZ1008",
	.slug = "suffix-trap",
	.level = MZ_LEVEL_WARNING,
	.title = "a number whose suffix does not mean what it looks like",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
