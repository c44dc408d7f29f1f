/* Where a report goes: standard output, or a file that holds the whole report or is left as
 * it was. */
#ifndef MYSIZER_OUTPUT_H
#define MYSIZER_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "mysizer/arena.h"

struct mz_output {
	FILE *stream;
	const char *path;  /* NULL: standard output */
	char *temp;        /* the file written, renamed to path when complete; NULL when path
			      is no regular file (a device, a pipe) and is written to directly */
};

/* Opens path (NULL: use out) for a report; false, with *error set, when it cannot. */
bool mz_output_open(struct mz_arena *arena, const char *path, FILE *out, struct mz_output *o,
		    const char **error);

/* Completes the report: flushed, and renamed into place. False, with *error set and the
 * file at path untouched, when it could not be written. */
bool mz_output_close(struct mz_arena *arena, struct mz_output *o, const char **error);

#endif
