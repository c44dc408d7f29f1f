/*
 * MZ1015 abbreviated-option: An option written as the start of its name (max_conn): MariaDB
 * accepts a unique prefix, but a new option can make it ambiguous and stop the server; MySQL
 * refuses it.
 */
#include "mysizer/rule.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	static const enum mz_issue_kind kinds[] = {
		MZ_ISSUE_PREFIX_USED,
	};
	mz_report_issues(model, out, &mz_rule_MZ1015, kinds, sizeof kinds / sizeof kinds[0]);
}

const struct mz_rule mz_rule_MZ1015 = {
	.id = "MZ1015",
	.slug = "abbreviated-option",
	.level = MZ_LEVEL_WARNING,
	.title = "an option written as an abbreviation of its name",
	.needs = MZ_NEEDS_SERVER,
	.check = check,
};
