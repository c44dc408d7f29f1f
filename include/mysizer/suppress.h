/*
 * Suppressions, as the inputs write them (docs/suppressing.md): "# mysizer: ignore=ID" and
 * "# mysizer: ignore-file=ID" comments in option files, "mysizer-ignore" lists on the
 * deployment's server and applications. Read before the rules run; applied to their findings.
 */
#ifndef MYSIZER_SUPPRESS_H
#define MYSIZER_SUPPRESS_H

#include "mysizer/deploy.h"
#include "mysizer/finding.h"
#include "mysizer/optfile.h"

/* A directive that cannot be read, or names what is not a rule: MZ0002 reports it. */
struct mz_malformed {
	struct mz_location at;
	const char *message;
};

struct mz_suppressions {
	struct mz_vec list;      /* struct mz_suppression, in the order they are written */
	struct mz_vec malformed; /* struct mz_malformed */
};

/* Reads the directives of the option files (options may be NULL) and of the deployment. */
void mz_suppressions_read(struct mz_arena *arena, const struct mz_optfile *options,
			  const struct mz_deploy *deploy, struct mz_suppressions *out);

/* Hides each finding that a suppression covers, the narrowest first, unless one already
 * does; findings from first on. */
void mz_suppressions_apply(const struct mz_suppressions *suppressions,
			   struct mz_findings *findings, size_t first);

#endif
