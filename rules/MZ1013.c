/*
 * MZ1013 world-writable: A world-writable option file: the server ignores every line of it,
 * with one warning.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_problem_kind kinds[] = {
		MZ_PROBLEM_WORLD_WRITABLE,
	};
	mz_report_problems(model, out, &mz_rule_MZ1013, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1013 = {
	.id = "MZ1013",
	.slug = "world-writable",
	.level = MZ_LEVEL_WARNING,
	.title = "a world-writable option file, which the server ignores",
	.needs = MZ_NEEDS_OPTIONS,
	.check = check,
};
