/*
 * The MySQL client library, behind one small interface: the build has either the real thing
 * (WITH_MYSQL; client-mysql.c) or a stand-in that says it is absent (client-none.c), so
 * callers never test which one they got.
 */
#ifndef MYSIZER_CLIENT_H
#define MYSIZER_CLIENT_H

#include "mysizer/arena.h"

struct mz_client_info {
	const char *version; /* the library's own version, or NULL when it is not available */
	const char *problem; /* why it is not: built without it, or it cannot be loaded */
};

struct mz_client_info mz_client_info(struct mz_arena *arena);

#endif
