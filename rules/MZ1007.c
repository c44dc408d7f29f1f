/*
 * MZ1007 value-rounded: A value that is not a multiple of the variable's block size: the
 * server rounds it down without a word (key_buffer_size=1000 becomes 0).
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_ROUNDED,
	};
	mz_report_issues(model, out, &mz_rule_MZ1007, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1007 = {
	.id = "MZ1007",
	.slug = "value-rounded",
	.level = MZ_LEVEL_WARNING,
	.title = "a value the server silently rounds down to its block size",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
