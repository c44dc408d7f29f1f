#include "mysizer/emit.h"

#include <string.h>

#include "mysizer/rule.h"
#include "mysizer/text.h"

/* ANSI SGR sequences, used only when the report asks for colour. */
static const char *const level_colour[] = { "\033[1;36m", "\033[1;35m", "\033[1;31m" };
#define BOLD "\033[1m"
#define RESET "\033[0m"

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

static void put_suppression(FILE *out, const struct mz_suppression *s)
{
	fputs("    suppressed: by ", out);
	put_location(out, s->at);
	if (s->at.pointer) {
		fputs(" (", out);
		put(out, s->at.pointer);
		fputc(')', out);
	}
	if (s->reason) {
		fputs(": ", out);
		put(out, s->reason);
	}
	fputc('\n', out);
}

static void put_finding(FILE *out, const struct mz_report *report, const struct mz_finding *f)
{
	struct mz_arena *arena = report->findings->arena;
	bool c = report->colour;
	fputs(c ? BOLD : "", out);
	put_location(out, f->at);
	fprintf(out, ":%s %s%s:%s ", c ? RESET : "", c ? level_colour[f->level] : "",
		mz_level_name(f->level), c ? RESET : "");
	put(out, f->message);
	fprintf(out, " [%s]\n", f->rule->id);
	if (f->suppression)
		put_suppression(out, f->suppression);
	detail(out, "at", f->at.pointer);
	detail(out, mz_printf(arena, "%s says", report->target->server), f->server_says);
	detail(out, "current", f->current);
	detail(out, "recommended", f->recommended);
	detail(out, "arithmetic", f->arithmetic);
	const struct mz_term *terms = f->terms.items;
	for (size_t t = 0; t < f->terms.len; t++) {
		fputs("      ", out);
		put(out, terms[t].name);
		fputs(" = ", out);
		put(out, terms[t].value);
		if (terms[t].from) {
			fputs("  from ", out);
			put(out, terms[t].from);
		}
		fputc('\n', out);
	}
	const struct mz_location *related = f->related.items;
	for (size_t r = 0; r < f->related.len; r++) {
		fputs("    see ", out);
		put_location(out, related[r]);
		if (related[r].pointer) {
			fputs(" (", out);
			put(out, related[r].pointer);
			fputc(')', out);
		}
		if (related[r].label) {
			fputs(": ", out);
			put(out, related[r].label);
		}
		fputc('\n', out);
	}
}

void mz_emit_text(FILE *out, const struct mz_report *report)
{
	const struct mz_findings *findings = report->findings;
	const char *variables = report->observed->variables.file;
	if (!report->config && variables) {
		fputs("mysizer: no option file: the values are the running server's, from ", out);
		put(out, variables);
		fputc('\n', out);
	} else if (!report->config) {
		fprintf(out, "mysizer: no option file: the server runs with %s's defaults\n",
			report->target->name);
	}
	const struct mz_finding *list = findings->list.items;
	for (size_t i = 0; i < findings->list.len; i++)
		if (!list[i].suppression || report->show_suppressed)
			put_finding(out, report, &list[i]);
	put_skipped(out, findings);
	for (const char *const *u = report->observed->unread; u && *u; u++) {
		fputs("mysizer: not read from the server: ", out);
		put(out, *u);
		fputc('\n', out);
	}
	mz_put_summary(out, findings, report->target);
	struct mz_counts n;
	mz_findings_count(findings, &n);
	if (n.suppressed && !report->show_suppressed)
		fputs(" (--show-suppressed shows them)", out);
	fputc('\n', out);
}
