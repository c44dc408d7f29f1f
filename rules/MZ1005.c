/*
 * MZ1005 invalid-value: A value the server cannot read for its variable (1.5G, 0x10, -5 for an
 * unsigned variable, an empty or missing value, a choice that does not exist): it refuses to
 * start.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_BAD_SUFFIX,
		MZ_ISSUE_BAD_INTEGER,
		MZ_ISSUE_NEGATIVE_UNSIGNED,
		MZ_ISSUE_EMPTY_VALUE,
		MZ_ISSUE_BAD_CHOICE,
		MZ_ISSUE_BAD_DECIMAL,
		MZ_ISSUE_ARG_REQUIRED,
		MZ_ISSUE_ARG_NOT_ALLOWED,
		MZ_ISSUE_NO_MAXIMUM,
		MZ_ISSUE_ENGINE_REFUSES,
	};
	mz_report_issues(model, out, &mz_rule_MZ1005, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1005 = {
	.id = "MZ1005",
	.slug = "invalid-value",
	.level = MZ_LEVEL_ERROR,
	.title = "a value the server cannot read, so it refuses to start",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
