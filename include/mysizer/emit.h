/* Emitters: one per output format (emit-<format>.c), each only formats the report it is given. */
#ifndef MYSIZER_EMIT_H
#define MYSIZER_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "mysizer/finding.h"
#include "mysizer/observed.h"
#include "mysizer/settings.h"
#include "mysizer/target.h"

/* A run's findings and what every format says about the run. */
struct mz_report {
	const struct mz_findings *findings; /* sorted by mz_findings_sort */
	const struct mz_target *target;
	const char *config;        /* the option file read, or NULL: the target's defaults */
	const struct mz_observed *observed; /* the running server's dumps, or live mode's */
	const char *cwd;           /* sarif: file URIs are relative to it */
	bool show_suppressed;      /* text: print the suppressed findings too */
	bool colour;               /* text: ANSI colours */
};

/* Sorts findings by file, then line, then rule: the order every format shows them in. */
void mz_findings_sort(struct mz_findings *findings);

/* Counts findings by level, suppressed ones apart. */
struct mz_counts {
	size_t level[MZ_LEVEL_ERROR + 1];
	size_t suppressed;
};
void mz_findings_count(const struct mz_findings *findings, struct mz_counts *out);

/* The message, then the current and recommended values, the arithmetic and its terms, a
 * line each: for formats that show a finding as one text. */
const char *mz_finding_text(struct mz_arena *arena, const struct mz_finding *f);

/* "mysizer: 1 error, 0 warnings, 2 info for mariadb-10.11; 1 suppressed", without a newline. */
void mz_put_summary(FILE *out, const struct mz_findings *findings, const struct mz_target *target);

/* GNU style, "file:line: level: message [ID]", details indented, then a summary line. */
void mz_emit_text(FILE *out, const struct mz_report *report);
/* docs/report.md, JSON Schema docs/schema/report-1.json. */
void mz_emit_json(FILE *out, const struct mz_report *report);
/* SARIF 2.1.0, as code scanning reads it. */
void mz_emit_sarif(FILE *out, const struct mz_report *report);
/* GitHub Actions workflow commands: an annotation per finding. */
void mz_emit_github(FILE *out, const struct mz_report *report);

/* The emitter of each format, indexed by enum mz_format. */
extern void (*const mz_emitters[])(FILE *out, const struct mz_report *report);

#endif
