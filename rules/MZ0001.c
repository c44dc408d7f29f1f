/*
 * MZ0001 suppression-unused: a suppression that hides no finding, for a rule that ran. It
 * may be left from a problem since fixed, or sit on the wrong line.
 */
#include <string.h>

#include "mysizer/rule.h"
#include "mysizer/suppress.h"

static bool ran(const struct mz_findings *out, const struct mz_rule *rule)
{
	const struct mz_skip *skipped = out->skipped.items;
	for (size_t i = 0; i < out->skipped.len; i++)
		if (skipped[i].rule == rule)
			return false;
	return true;
}

static bool hides(const struct mz_findings *out, const struct mz_suppression *s,
		  const struct mz_rule *rule)
{
	const struct mz_finding *f = out->list.items;
	for (size_t i = 0; i < out->list.len; i++)
		if (f[i].suppression == s && f[i].rule == rule)
			return true;
	return false;
}

static const char *scope_text(struct mz_arena *arena, const struct mz_suppression *s)
{
	switch (s->scope) {
	case MZ_SCOPE_LINE:
		return mz_printf(arena, "at %s:%u", s->file, s->line);
	case MZ_SCOPE_OBJECT:
		return *s->pointer ? mz_printf(arena, "inside %s of %s", s->pointer, s->file)
				   : mz_printf(arena, "in %s", s->file);
	case MZ_SCOPE_FILE:
		return mz_printf(arena, "in %s", s->file);
	case MZ_SCOPE_RUN:
		break;
	}
	return "in this run";
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	const struct mz_suppression *list = model->suppressions->list.items;
	size_t n = model->suppressions->list.len;
	for (size_t i = 0; i < n; i++) {
		const struct mz_suppression *s = &list[i];
		for (size_t r = 0; r < s->n_rules; r++) {
			const struct mz_rule *rule = s->rules[r];
			if (!ran(out, rule) || hides(out, s, rule))
				continue;
			struct mz_finding *f = mz_report(
				out, &mz_rule_MZ0001, s->at,
				"the suppression of %s hides nothing: %s reports nothing %s", rule->id,
				rule->id, scope_text(out->arena, s));
			f->recommended = s->n_rules > 1
						 ? mz_printf(out->arena, "take %s out of the list",
							     rule->id)
						 : "remove the suppression";
		}
	}
}

const struct mz_rule mz_rule_MZ0001 = {
	.id = "MZ0001",
	.slug = "suppression-unused",
	.level = MZ_LEVEL_INFO,
	.title = "a suppression hides no finding",
	.needs = MZ_NEEDS_FINDINGS,
	.check = check,
};
