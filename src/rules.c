/* The rule table, built from the one list in rules/rules.def, and what rules share. */
#include "mysizer/rule.h"

#include <string.h>
#include <strings.h>

const struct mz_rule *const mz_rules[] = {
#define MZ_RULE(id) &mz_rule_##id,
#include "rules.def"
#undef MZ_RULE
};

const size_t mz_rule_count = sizeof mz_rules / sizeof mz_rules[0];

const struct mz_rule *mz_rule_find(const char *id_or_slug)
{
	for (size_t i = 0; i < mz_rule_count; i++)
		if (strcasecmp(mz_rules[i]->id, id_or_slug) == 0 ||
		    strcmp(mz_rules[i]->slug, id_or_slug) == 0)
			return mz_rules[i];
	return NULL;
}

static bool has_inputs(const struct mz_model *model, unsigned needs)
{
	return (!(needs & MZ_NEEDS_OPTIONS) || model->options) &&
	       (!(needs & MZ_NEEDS_SERVER) || model->server);
}

void mz_rules_run(const struct mz_model *model, struct mz_findings *out)
{
	for (size_t i = 0; i < mz_rule_count; i++)
		if (has_inputs(model, mz_rules[i]->needs))
			mz_rules[i]->check(model, out);
}

void mz_report_problems(const struct mz_model *model, struct mz_findings *out,
			const struct mz_rule *rule, const enum mz_problem_kind *kinds, size_t n)
{
	for (size_t i = 0; i < model->options->n_problems; i++) {
		const struct mz_problem *p = &model->options->problems[i];
		for (size_t k = 0; k < n; k++) {
			if (p->kind != kinds[k])
				continue;
			struct mz_finding *f = mz_report(
				out, rule, (struct mz_location){ p->at.file, p->at.line, NULL }, "%s",
				p->message);
			f->server_says = p->server_text;
			if (f->level == MZ_LEVEL_ERROR && p->severity != MZ_SEV_FATAL)
				f->level = MZ_LEVEL_WARNING;
		}
	}
}

void mz_report_issues(const struct mz_model *model, struct mz_findings *out,
		      const struct mz_rule *rule, const enum mz_issue_kind *kinds, size_t n)
{
	for (size_t i = 0; i < model->server->n_issues; i++) {
		const struct mz_issue *is = &model->server->issues[i];
		for (size_t k = 0; k < n; k++) {
			if (is->kind != kinds[k])
				continue;
			struct mz_finding *f = mz_report(
				out, rule,
				(struct mz_location){ is->option->at.file, is->option->at.line, NULL },
				"%s", is->message);
			f->server_says = is->server_text;
			/* What the server survives is no error, whatever the rule's level. */
			if (f->level == MZ_LEVEL_ERROR && is->severity != MZ_SEV_FATAL)
				f->level = MZ_LEVEL_WARNING;
			if (is->suggestion)
				f->recommended = is->suggestion;
			if (is->other)
				mz_finding_related(out, f,
						   (struct mz_location){ is->other->at.file,
									 is->other->at.line,
									 "the line that wins" });
		}
	}
}
