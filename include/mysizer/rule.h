/*
 * Rules: one file each in rules/, each a const struct mz_rule, listed once in rules/rules.def.
 * A rule is a pure function of the model: it reads, and reports through mz_report().
 */
#ifndef MYSIZER_RULE_H
#define MYSIZER_RULE_H

#include "mysizer/finding.h"
#include "mysizer/optfile.h"
#include "mysizer/server.h"

/* What a run knows; a rule that needs what is missing is skipped, and says so. */
struct mz_model {
	const struct mz_target *target;
	const struct mz_optfile *options; /* the option files as read */
	const struct mz_server *server;   /* the values after startup */
};

enum {
	MZ_NEEDS_OPTIONS = 1 << 0,
	MZ_NEEDS_SERVER = 1 << 1,
};

struct mz_rule {
	const char *id;      /* "MZ1001" */
	const char *slug;    /* "fatal-structure" */
	enum mz_level level; /* by default */
	const char *title;   /* one line */
	unsigned needs;      /* MZ_NEEDS_* */
	void (*check)(const struct mz_model *model, struct mz_findings *out);
};

#define MZ_RULE(id) extern const struct mz_rule mz_rule_##id;
#include "rules.def"
#undef MZ_RULE

/* Every rule, in ID order. */
extern const struct mz_rule *const mz_rules[];
extern const size_t mz_rule_count;

const struct mz_rule *mz_rule_find(const char *id_or_slug);

/* Runs every rule whose inputs the model has. */
void mz_rules_run(const struct mz_model *model, struct mz_findings *out);

/* For rules that report what the reader or the resolver noticed, one finding each. */
void mz_report_problems(const struct mz_model *model, struct mz_findings *out,
			const struct mz_rule *rule, const enum mz_problem_kind *kinds, size_t n);
void mz_report_issues(const struct mz_model *model, struct mz_findings *out,
		      const struct mz_rule *rule, const enum mz_issue_kind *kinds, size_t n);

#endif
