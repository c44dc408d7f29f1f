/*
 * MZ1001 fatal-structure: An option before any group, a header without ']', a byte order mark,
 * an empty directive or an unreadable !includedir: fatal in the top file, the end of an
 * included one.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_problem_kind kinds[] = {
		MZ_PROBLEM_BOM,
		MZ_PROBLEM_OPTION_WITHOUT_GROUP,
		MZ_PROBLEM_HEADER_UNTERMINATED,
		MZ_PROBLEM_DIRECTIVE_EMPTY,
		MZ_PROBLEM_INCLUDEDIR_UNREADABLE,
	};
	mz_report_problems(model, out, &mz_rule_MZ1001, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1001 = {
	.id = "MZ1001",
	.slug = "fatal-structure",
	.level = MZ_LEVEL_ERROR,
	.title = "a line that stops the server, or ends the reading of an included file",
	.needs = MZ_NEEDS_OPTIONS,
	.check = check,
};
