/*
 * Lines of a JSON text by JSON Pointer (RFC 6901). cJSON keeps no positions, so findings
 * about a value of a deployment file look its line up here.
 */
#ifndef MYSIZER_JSON_LOCATE_H
#define MYSIZER_JSON_LOCATE_H

#include <stddef.h>

#include "mysizer/arena.h"

struct mz_json_lines {
	struct mz_vec items; /* struct { const char *pointer; unsigned line; } */
};

/* Records the line of every value of text, which must be valid JSON (cJSON said so). */
void mz_json_locate(struct mz_arena *arena, const char *text, size_t len,
		    struct mz_json_lines *out);

/* The line of the value at pointer, or of its nearest enclosing value; 1 when none. */
unsigned mz_json_line(const struct mz_json_lines *lines, const char *pointer);

/* A member name as a pointer token: "~" becomes "~0" and "/" "~1". */
const char *mz_json_token(struct mz_arena *arena, const char *name);

#endif
