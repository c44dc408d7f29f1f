/* The report as GitHub Actions workflow commands: "::error file=F,line=L,title=T::message". */
#include "mysizer/emit.h"

#include <string.h>

#include "mysizer/rule.h"
#include "mysizer/text.h"

static const char *const commands[] = { "notice", "warning", "error" };

/*
 * Writes s escaped as the runner unescapes it: '%', CR and LF always, ':' and ',' in a
 * property too; other control bytes as the text \xNN, so that no input can end the command
 * or start another.
 */
static void put_escaped(FILE *out, struct mz_arena *arena, const char *s, bool property)
{
	for (const unsigned char *p = (const unsigned char *)mz_utf8(arena, s); *p; p++) {
		if (*p == '%' || *p == '\r' || *p == '\n' || (property && (*p == ':' || *p == ',')))
			fprintf(out, "%%%02X", *p);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(out, "\\x%02X", *p);
		else
			fputc(*p, out);
	}
}

static void put_finding(FILE *out, struct mz_arena *a, const struct mz_finding *f)
{
	fprintf(out, "::%s file=", commands[f->level]);
	put_escaped(out, a, f->at.file, true);
	if (f->at.line)
		fprintf(out, ",line=%u", f->at.line);
	fputs(",title=", out);
	put_escaped(out, a, mz_printf(a, "%s %s", f->rule->id, f->rule->slug), true);
	fputs("::", out);
	put_escaped(out, a, mz_finding_text(a, f), false);
	fputc('\n', out);
}

void mz_emit_github(FILE *out, const struct mz_report *report)
{
	const struct mz_findings *findings = report->findings;
	const struct mz_finding *list = findings->list.items;
	for (size_t i = 0; i < findings->list.len; i++)
		if (!list[i].suppression)
			put_finding(out, findings->arena, &list[i]);
	mz_put_summary(out, findings, report->target);
	fputc('\n', out);
}
