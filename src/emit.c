/* What all emitters share: the order of findings, their counts, the table of formats. */
#include "mysizer/emit.h"

#include <stdlib.h>
#include <string.h>

#include "mysizer/rule.h"

void (*const mz_emitters[])(FILE *out, const struct mz_report *report) = {
	[MZ_FORMAT_TEXT] = mz_emit_text,
	[MZ_FORMAT_JSON] = mz_emit_json,
	[MZ_FORMAT_SARIF] = mz_emit_sarif,
	[MZ_FORMAT_GITHUB] = mz_emit_github,
};

/* On pointers into the list as reported: the same place and rule keep that order. */
static int compare_findings(const void *a, const void *b)
{
	const struct mz_finding *x = *(const struct mz_finding *const *)a;
	const struct mz_finding *y = *(const struct mz_finding *const *)b;
	int c = strcmp(x->at.file, y->at.file);
	if (c)
		return c;
	if (x->at.line != y->at.line)
		return x->at.line < y->at.line ? -1 : 1;
	c = strcmp(x->rule->id, y->rule->id);
	return c ? c : (x > y) - (x < y);
}

void mz_findings_sort(struct mz_findings *findings)
{
	size_t n = findings->list.len;
	struct mz_finding *list = findings->list.items;
	const struct mz_finding **order = mz_alloc_array(findings->arena, n, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = &list[i];
	if (n > 1)
		qsort(order, n, sizeof *order, compare_findings);
	struct mz_finding *sorted = mz_alloc_array(findings->arena, n, sizeof *sorted);
	for (size_t i = 0; i < n; i++)
		sorted[i] = *order[i];
	if (n)
		memcpy(list, sorted, n * sizeof *list);
}

void mz_findings_count(const struct mz_findings *findings, struct mz_counts *out)
{
	*out = (struct mz_counts){ 0 };
	const struct mz_finding *list = findings->list.items;
	for (size_t i = 0; i < findings->list.len; i++) {
		if (list[i].suppression)
			out->suppressed++;
		else
			out->level[list[i].level]++;
	}
}

const char *mz_finding_text(struct mz_arena *arena, const struct mz_finding *f)
{
	struct mz_vec text = { 0 };
	mz_text_printf(arena, &text, "%s", f->message);
	if (f->current)
		mz_text_printf(arena, &text, "\ncurrent: %s", f->current);
	if (f->recommended)
		mz_text_printf(arena, &text, "\nrecommended: %s", f->recommended);
	if (f->arithmetic)
		mz_text_printf(arena, &text, "\narithmetic: %s", f->arithmetic);
	const struct mz_term *t = f->terms.items;
	for (size_t i = 0; i < f->terms.len; i++)
		mz_text_printf(arena, &text, "\n  %s = %s%s%s", t[i].name, t[i].value,
			       t[i].from ? "  from " : "", t[i].from ? t[i].from : "");
	return text.items;
}

void mz_put_summary(FILE *out, const struct mz_findings *findings, const struct mz_target *target)
{
	struct mz_counts n;
	mz_findings_count(findings, &n);
	fprintf(out, "mysizer: %zu error%s, %zu warning%s, %zu info for %s", n.level[MZ_LEVEL_ERROR],
		n.level[MZ_LEVEL_ERROR] == 1 ? "" : "s", n.level[MZ_LEVEL_WARNING],
		n.level[MZ_LEVEL_WARNING] == 1 ? "" : "s", n.level[MZ_LEVEL_INFO], target->name);
	if (n.suppressed)
		fprintf(out, "; %zu suppressed", n.suppressed);
}
