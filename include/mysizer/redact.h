/*
 * Secrets: the values of options and server variables whose names say they hold one
 * (password, secret, auth), from option files of any group and from dumps. Findings quote
 * option lines and server messages; before any emitter sees them, every secret in their text
 * becomes "********", so that no report of an untrusted bundle passes one on.
 */
#ifndef MYSIZER_REDACT_H
#define MYSIZER_REDACT_H

#include "mysizer/finding.h"
#include "mysizer/observed.h"
#include "mysizer/optfile.h"

/* Adds the secrets of the option files and the dumps to out (const char *). */
void mz_secrets_collect(struct mz_arena *arena, const struct mz_optfile *options,
			const struct mz_observed *observed, struct mz_vec *out);

/* Writes "********" over every secret of secrets[0..n) in the findings' texts. */
void mz_findings_redact(struct mz_findings *findings, const char *const *secrets, size_t n);

#endif
