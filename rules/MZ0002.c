/*
 * MZ0002 suppression-malformed: a "# mysizer:" comment or a "mysizer-ignore" entry that
 * mysizer cannot read, or that names no rule it knows: it suppresses less than it seems to.
 */
#include "mysizer/rule.h"
#include "mysizer/suppress.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	const struct mz_malformed *list = model->suppressions->malformed.items;
	for (size_t i = 0; i < model->suppressions->malformed.len; i++)
		mz_report(out, &mz_rule_MZ0002, list[i].at, "%s", list[i].message);
}

const struct mz_rule mz_rule_MZ0002 = {
	.id = "MZ0002",
	.slug = "suppression-malformed",
	.level = MZ_LEVEL_WARNING,
	.title = "a suppression cannot be read, or names no rule",
	.check = check,
};
