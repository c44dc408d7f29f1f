/* INI text in memory, read with inih, with the line of every entry, which inih does not give. */
#ifndef MYSIZER_INI_TEXT_H
#define MYSIZER_INI_TEXT_H

#include <stddef.h>

/* Called for each name = value; returns nonzero to go on, 0 to mark the line an error. */
typedef int (*mz_ini_entry)(void *user, unsigned line, const char *section, const char *name,
			    const char *value);

/* Reads text[0..len) as inih does; returns 0, or the line of the first error (a line inih
 * cannot read, or one the callback refused). */
int mz_ini_parse(const char *text, size_t len, mz_ini_entry entry, void *user);

#endif
