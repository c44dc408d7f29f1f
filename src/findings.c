#include "mysizer/finding.h"

#include "mysizer/rule.h"

struct mz_finding *mz_report(struct mz_findings *out, const struct mz_rule *rule,
			     struct mz_location at, const char *fmt, ...)
{
	struct mz_finding *f = mz_vec_push(out->arena, &out->list, sizeof *f);
	f->rule = rule;
	f->level = rule->level;
	f->at = at;
	va_list ap;
	va_start(ap, fmt);
	f->message = mz_vprintf(out->arena, fmt, ap);
	va_end(ap);
	return f;
}

void mz_finding_related(struct mz_findings *out, struct mz_finding *f, struct mz_location at)
{
	*(struct mz_location *)mz_vec_push(out->arena, &f->related, sizeof at) = at;
}

void mz_finding_term(struct mz_findings *out, struct mz_finding *f, const char *name,
		     const char *value, const char *from)
{
	*(struct mz_term *)mz_vec_push(out->arena, &f->terms, sizeof(struct mz_term)) =
		(struct mz_term){ name, value, from };
}

const char *mz_level_name(enum mz_level level)
{
	static const char *const names[] = { "info", "warning", "error" };
	return names[level];
}
