/*
 * MZ1012 include-relative: A relative !include or !includedir path: the server resolves it
 * against its own current directory, not against the file that names it.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_problem_kind kinds[] = {
		MZ_PROBLEM_INCLUDE_RELATIVE,
	};
	mz_report_problems(model, out, &mz_rule_MZ1012, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1012 = {
	.id = "MZ1012",
	.slug = "include-relative",
	.level = MZ_LEVEL_INFO,
	.title = "a relative include path, which depends on the server's current directory",
	.needs = MZ_NEEDS_OPTIONS,
	.check = check,
};
