/* Building JSON output with cJSON, for the json and sarif emitters. */
#ifndef MYSIZER_JSON_BUILD_H
#define MYSIZER_JSON_BUILD_H

#include <stdio.h>

#include <cJSON.h>

#include "mysizer/arena.h"

/* cJSON allocates with malloc: running out ends the run, as it does for the arena. */
cJSON *mz_json_checked(cJSON *item);

/* Adds item to object under name, or to an array when name is NULL. */
void mz_json_add(cJSON *parent, const char *name, cJSON *item);

/* A string as UTF-8, the inputs' other bytes as \xNN; null for NULL. */
cJSON *mz_json_string(struct mz_arena *arena, const char *s);

cJSON *mz_json_object(void);
cJSON *mz_json_array(void);

/* Prints the tree, indented, with a final newline, and frees it. */
void mz_json_print(FILE *out, cJSON *root);

#endif
