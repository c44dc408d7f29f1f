/* Include paths as the servers turn them into the names they open (mysys fn_format()). */
#ifndef MYSIZER_OPTFILE_PATH_H
#define MYSIZER_OPTFILE_PATH_H

#include <stdbool.h>

#include "mysizer/arena.h"

/*
 * The file an include names: '~/' from home ($HOME; left alone when NULL), '~user/' from the
 * password database, then the directory part cleaned by text alone ("//", "/./" and "dir/.."
 * go), so "missing/../x.cnf" names x.cnf although "missing" does not exist.
 */
const char *mz_path_resolve(struct mz_arena *arena, const char *path, const char *home);

/* An !includedir entry: the directory as written, a '/' unless it has one, the entry's name. */
const char *mz_path_join(struct mz_arena *arena, const char *dir, const char *name);

/*
 * Whether path, symlinks followed, lies in the folder root (absolute, its symlinks resolved):
 * what mysizer may read of an untrusted bundle. A path that does not resolve is let through:
 * opening it fails, and says so.
 */
bool mz_path_inside(const char *root, const char *path);

#endif
