#include "mysizer/emit.h"

#include <stdlib.h>
#include <string.h>

#include "mysizer/rule.h"
#include "mysizer/text.h"

static int compare_findings(const void *a, const void *b)
{
	const struct mz_finding *x = a, *y = b;
	int c = strcmp(x->at.file, y->at.file);
	if (c)
		return c;
	if (x->at.line != y->at.line)
		return x->at.line < y->at.line ? -1 : 1;
	return strcmp(x->rule->id, y->rule->id);
}

void mz_findings_sort(struct mz_findings *findings)
{
	/* qsort is not stable: ties are broken by rule, then left as reported. */
	if (findings->list.len > 1)
		qsort(findings->list.items, findings->list.len, sizeof(struct mz_finding),
		      compare_findings);
}

static void put(FILE *out, const char *s)
{
	mz_put_visible(out, s, strlen(s));
}

static void put_location(FILE *out, struct mz_location at)
{
	put(out, at.file);
	if (at.line)
		fprintf(out, ":%u", at.line);
}

/* The rules skipped, a line for each reason. */
static void put_skipped(FILE *out, const struct mz_findings *findings)
{
	const struct mz_skip *skipped = findings->skipped.items;
	size_t n = findings->skipped.len;
	for (size_t i = 0; i < n; i++) {
		bool first = true;
		for (size_t j = 0; j < i && first; j++)
			first = strcmp(skipped[j].why, skipped[i].why) != 0;
		if (!first)
			continue;
		fputs("mysizer: skipped", out);
		for (size_t j = i; j < n; j++)
			if (strcmp(skipped[j].why, skipped[i].why) == 0)
				fprintf(out, " %s", skipped[j].rule->id);
		fprintf(out, ": %s\n", skipped[i].why);
	}
}

/* A detail under the finding: "    label: value", the value's further lines aligned under its
 * first. */
static void detail(FILE *out, const char *label, const char *value)
{
	int indent = 0;
	for (const char *line = value; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (indent)
			fprintf(out, "%*s", indent, "");
		else
			indent = fprintf(out, "    %s: ", label);
		mz_put_visible(out, line, len);
		fputc('\n', out);
		line += len + (nl != NULL);
	}
}

void mz_emit_text(FILE *out, const struct mz_findings *findings, const struct mz_target *target)
{
	size_t count[3] = { 0 };
	const struct mz_finding *list = findings->list.items;
	for (size_t i = 0; i < findings->list.len; i++) {
		const struct mz_finding *f = &list[i];
		count[f->level]++;
		put_location(out, f->at);
		fprintf(out, ": %s: ", mz_level_name(f->level));
		put(out, f->message);
		fprintf(out, " [%s]\n", f->rule->id);
		detail(out, "at", f->at.pointer);
		detail(out, mz_printf(findings->arena, "%s says", target->server), f->server_says);
		detail(out, "current", f->current);
		detail(out, "recommended", f->recommended);
		detail(out, "arithmetic", f->arithmetic);
		const struct mz_term *terms = f->terms.items;
		for (size_t t = 0; t < f->terms.len; t++)
			fprintf(out, "      %s = %s%s%s\n", terms[t].name, terms[t].value,
				terms[t].from ? "  from " : "", terms[t].from ? terms[t].from : "");
		const struct mz_location *related = f->related.items;
		for (size_t r = 0; r < f->related.len; r++) {
			fputs("    see ", out);
			put_location(out, related[r]);
			if (related[r].pointer) {
				fputs(" (", out);
				put(out, related[r].pointer);
				fputc(')', out);
			}
			if (related[r].label)
				fprintf(out, ": %s", related[r].label);
			fputc('\n', out);
		}
	}
	put_skipped(out, findings);
	fprintf(out, "mysizer: %zu error%s, %zu warning%s, %zu info for %s\n", count[MZ_LEVEL_ERROR],
		count[MZ_LEVEL_ERROR] == 1 ? "" : "s", count[MZ_LEVEL_WARNING],
		count[MZ_LEVEL_WARNING] == 1 ? "" : "s", count[MZ_LEVEL_INFO], target->name);
}
