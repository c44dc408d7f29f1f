/*
 * MZ1014 line-syntax-trap: A line the server takes apart differently from how it looks: '#'
 * inside a value, an unmatched quote, a backslash escape, a backslash meant to continue the
 * line, a NUL byte, a line too long for the server's buffer.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_problem_kind kinds[] = {
		MZ_PROBLEM_COMMENT_GLUED,
		MZ_PROBLEM_QUOTE_UNMATCHED,
		MZ_PROBLEM_ESCAPE_APPLIED,
		MZ_PROBLEM_TRAILING_BACKSLASH,
		MZ_PROBLEM_NUL_BYTE,
		MZ_PROBLEM_LINE_SPLIT,
	};
	mz_report_problems(model, out, &mz_rule_MZ1014, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1014 = {
	.id = "MZ1014",
	.slug = "line-syntax-trap",
	.level = MZ_LEVEL_WARNING,
	.title = "a line the server reads differently from how it looks",
	.needs = MZ_NEEDS_OPTIONS,
	.check = check,
};
