/*
 * MZ1011 include-reads-nothing: An !include or !includedir that reads nothing or not what it
 * names: a missing file, a misspelt directive, a comment or a lost last byte in the path, a
 * name !includedir skips, includes nested past the server's depth limit, and (reading an
 * untrusted bundle) an include that leads outside the folder mysizer may read.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_problem_kind kinds[] = {
		MZ_PROBLEM_INCLUDE_MISSING,
		MZ_PROBLEM_INCLUDE_OUTSIDE,
		MZ_PROBLEM_DIRECTORY_AS_FILE,
		MZ_PROBLEM_DIRECTIVE_UNKNOWN,
		MZ_PROBLEM_DIRECTIVE_LAST_BYTE_LOST,
		MZ_PROBLEM_DIRECTIVE_COMMENT,
		MZ_PROBLEM_INCLUDE_DEPTH,
		MZ_PROBLEM_INCLUDEDIR_SKIPPED,
		MZ_PROBLEM_PATH_TOO_LONG,
	};
	mz_report_problems(model, out, &mz_rule_MZ1011, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1011 = {
	.id = "MZ1011",
	.slug = "include-reads-nothing",
	.level = MZ_LEVEL_WARNING,
	.title = "an include that does not read what it names",
	.needs = MZ_NEEDS_OPTIONS,
	.check = check,
};
