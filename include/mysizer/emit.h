/* Emitters: one per output format, each only formats the findings it is given. */
#ifndef MYSIZER_EMIT_H
#define MYSIZER_EMIT_H

#include <stdio.h>

#include "mysizer/finding.h"
#include "mysizer/target.h"

/* Sorts findings by file, then line: the order every format shows them in. */
void mz_findings_sort(struct mz_findings *findings);

/* GNU style, "file:line: level: message [ID]", details indented, then a summary line. */
void mz_emit_text(FILE *out, const struct mz_findings *findings, const struct mz_target *target);

#endif
