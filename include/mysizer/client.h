/*
 * The MySQL client library, behind one small interface: the build has either the real thing
 * (WITH_MYSQL; client-mysql.c) or a stand-in that says it is absent (client-none.c), so
 * callers never test which one they got.
 */
#ifndef MYSIZER_CLIENT_H
#define MYSIZER_CLIENT_H

#include <stdbool.h>

#include "mysizer/arena.h"
#include "mysizer/observed.h"

struct mz_client_info {
	const char *version; /* the library's own version, or NULL when it is not available */
	const char *problem; /* why it is not: built without it, or it cannot be loaded */
};

struct mz_client_info mz_client_info(struct mz_arena *arena);

/* Where and how to connect, as the mysql client's options say it. */
struct mz_connect_options {
	const char *host;            /* NULL or "localhost": through the Unix socket */
	unsigned port;               /* 0: 3306 */
	const char *socket;          /* NULL: the client library's default */
	const char *user;            /* NULL: the client library's default, the login name */
	const char *password;        /* NULL: none */
	bool ssl;                    /* refuse a connection without TLS */
	bool ssl_verify_server_cert; /* and check the server's certificate and host name */
	const char *ssl_ca;          /* files; NULL: none */
	const char *ssl_cert;
	const char *ssl_key;
	unsigned connect_timeout;    /* seconds; 0: the client library's default */
	unsigned read_timeout;
};

/*
 * Connects, reads the global variables, the global status and the processlist with read-only
 * queries, and disconnects. A query the server refuses (a privilege the account lacks) is no
 * failure: the set stays empty, with no file, and out->unread says what and why. False, with
 * *error, when there is no connection or it is lost: the message names the server and the
 * client library's reason, and never the password.
 */
bool mz_client_observe(struct mz_arena *arena, const struct mz_connect_options *options,
		       struct mz_observed *out, const char **error);

#endif
