/*
 * The MySQL client library, opened when needed rather than linked: loading it and the TLS
 * libraries it pulls in costs more than reading a whole option tree, and most runs never
 * talk to a server.
 */
#include "mysizer/client.h"

#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <errmsg.h>
#include <mysql.h>

/* The library's functions mysizer calls, each looked up by name in the opened library. */
struct api {
	void *lib;
	__typeof__(mysql_get_client_info) *get_client_info;
	__typeof__(mysql_init) *init;
	__typeof__(mysql_options) *options;
	__typeof__(mysql_real_connect) *real_connect;
	__typeof__(mysql_get_ssl_cipher) *get_ssl_cipher;
	__typeof__(mysql_query) *query;
	__typeof__(mysql_store_result) *store_result;
	__typeof__(mysql_num_fields) *num_fields;
	__typeof__(mysql_fetch_row) *fetch_row;
	__typeof__(mysql_fetch_lengths) *fetch_lengths;
	__typeof__(mysql_free_result) *free_result;
	__typeof__(mysql_errno) *error_number;
	__typeof__(mysql_error) *error;
	__typeof__(mysql_close) *close;
	__typeof__(mysql_server_end) *end;
};

static const struct {
	const char *name;
	size_t offset;
} symbols[] = {
	{ "mysql_get_client_info", offsetof(struct api, get_client_info) },
	{ "mysql_init", offsetof(struct api, init) },
	{ "mysql_options", offsetof(struct api, options) },
	{ "mysql_real_connect", offsetof(struct api, real_connect) },
	{ "mysql_get_ssl_cipher", offsetof(struct api, get_ssl_cipher) },
	{ "mysql_query", offsetof(struct api, query) },
	{ "mysql_store_result", offsetof(struct api, store_result) },
	{ "mysql_num_fields", offsetof(struct api, num_fields) },
	{ "mysql_fetch_row", offsetof(struct api, fetch_row) },
	{ "mysql_fetch_lengths", offsetof(struct api, fetch_lengths) },
	{ "mysql_free_result", offsetof(struct api, free_result) },
	{ "mysql_errno", offsetof(struct api, error_number) },
	{ "mysql_error", offsetof(struct api, error) },
	{ "mysql_close", offsetof(struct api, close) },
	{ "mysql_server_end", offsetof(struct api, end) },
};

static bool api_open(struct mz_arena *arena, struct api *api, const char **error)
{
	api->lib = dlopen(MYSIZER_CLIENT_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!api->lib) {
		*error = mz_printf(arena, "cannot load the MySQL client library: %s", dlerror());
		return false;
	}
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		void *f = dlsym(api->lib, symbols[i].name);
		if (!f) {
			*error = mz_printf(arena, "the MySQL client library '%s' lacks %s",
					   MYSIZER_CLIENT_SONAME, symbols[i].name);
			dlclose(api->lib);
			return false;
		}
		/* POSIX lets a data pointer from dlsym stand for a function pointer. */
		memcpy((char *)api + symbols[i].offset, &f, sizeof f);
	}
	return true;
}

struct mz_client_info mz_client_info(struct mz_arena *arena)
{
	struct api api;
	const char *problem;
	if (!api_open(arena, &api, &problem))
		return (struct mz_client_info){ .problem = problem };
	struct mz_client_info info = { .version = mz_strdup(arena, api.get_client_info()) };
	dlclose(api.lib);
	return info;
}

/* Where a connection goes, settled here rather than left to the library, so that messages
 * and findings name the very server it talks to. */
struct endpoint {
	const char *host;
	unsigned port;
	const char *socket;  /* NULL over TCP */
	const char *address; /* "127.0.0.1:3306", "[::1]:3306" or the socket's path */
};

static struct endpoint endpoint_of(struct mz_arena *arena, const struct mz_connect_options *o)
{
	/* As for the mysql client, "localhost" means the Unix socket, whatever the port. */
	struct endpoint e = {
		.host = o->host && *o->host ? o->host : "localhost",
		.port = o->port ? o->port : MYSQL_PORT,
	};
	if (strcmp(e.host, "localhost") == 0) {
		e.socket = o->socket ? o->socket : MYSQL_UNIX_ADDR;
		e.address = e.socket;
	} else {
		e.address = mz_printf(arena, strchr(e.host, ':') ? "[%s]:%u" : "%s:%u", e.host, e.port);
	}
	return e;
}

/* Sets the connection's options; NULL, or the name of one the library refused. */
static const char *set_options(const struct api *api, MYSQL *mysql,
			       const struct mz_connect_options *o)
{
	struct setting {
		enum mysql_option option;
		const void *value;
		const char *name;
	} settings[12];
	size_t n = 0;
#define SET(opt, val)                                                 \
	do {                                                          \
		settings[n++] = (struct setting){ opt, (val), #opt }; \
	} while (0)
	SET(MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (o->connect_timeout)
		SET(MYSQL_OPT_CONNECT_TIMEOUT, &o->connect_timeout);
	if (o->read_timeout) {
		SET(MYSQL_OPT_READ_TIMEOUT, &o->read_timeout);
		SET(MYSQL_OPT_WRITE_TIMEOUT, &o->read_timeout);
	}
	if (o->ssl_ca)
		SET(MYSQL_OPT_SSL_CA, o->ssl_ca);
	if (o->ssl_cert)
		SET(MYSQL_OPT_SSL_CERT, o->ssl_cert);
	if (o->ssl_key)
		SET(MYSQL_OPT_SSL_KEY, o->ssl_key);
	/* MariaDB's library takes TLS as switches, MySQL's as one mode. */
#ifdef MARIADB_PACKAGE_VERSION_ID
	static const my_bool on = 1;
	if (o->ssl || o->ssl_verify_server_cert)
		SET(MYSQL_OPT_SSL_ENFORCE, &on);
	if (o->ssl_verify_server_cert)
		SET(MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on);
#else
	static const unsigned required = SSL_MODE_REQUIRED, verify = SSL_MODE_VERIFY_IDENTITY;
	if (o->ssl || o->ssl_verify_server_cert)
		SET(MYSQL_OPT_SSL_MODE, o->ssl_verify_server_cert ? &verify : &required);
#endif
#undef SET
	for (size_t i = 0; i < n; i++)
		if (api->options(mysql, settings[i].option, settings[i].value) != 0)
			return settings[i].name;
	return NULL;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* When a wait that failed lasted its whole timeout, says so: the library's words ("system
 * error: 110") do not say it plainly. */
static const char *timed_out(struct mz_arena *arena, double since, unsigned timeout)
{
	return timeout && now() - since >= timeout ? mz_printf(arena, ", no answer within %u s",
							       timeout)
						    : "";
}

/* A connection and what it has read so far. */
struct session {
	struct mz_arena *arena;
	const struct api *api;
	MYSQL *mysql;
	const char *address;
	unsigned read_timeout;
	struct mz_vec unread; /* const char *: "what: why" */
	const char *lost;     /* why the connection broke; NULL while it holds */
};

/* Errors of the client side (the connection), as opposed to the server's refusals: MySQL's
 * library numbers them from 2000, MariaDB's also from 5000. */
static bool client_side(unsigned code)
{
	return (code >= CR_MIN_ERROR && code <= CR_MAX_ERROR) || (code >= 5000 && code <= 5999);
}

/* The rows of a query that gives at least `columns` columns; NULL when the server refused it
 * (noted in s->unread) or the connection broke (s->lost). */
static MYSQL_RES *query(struct session *s, const char *what, const char *sql, unsigned columns)
{
	const struct api *api = s->api;
	double start = now();
	MYSQL_RES *res = api->query(s->mysql, sql) == 0 ? api->store_result(s->mysql) : NULL;
	if (!res) {
		unsigned code = api->error_number(s->mysql);
		const char *why = code ? api->error(s->mysql) : "the server returned no rows";
		if (client_side(code))
			s->lost = mz_printf(s->arena, "lost the connection to '%s' during %s%s: %s",
					    s->address, what,
					    timed_out(s->arena, start, s->read_timeout), why);
		else
			*(const char **)mz_vec_push(s->arena, &s->unread, sizeof why) =
				mz_printf(s->arena, "%s: %s", what, why);
		return NULL;
	}
	unsigned got = api->num_fields(res);
	if (got < columns) {
		*(const char **)mz_vec_push(s->arena, &s->unread, sizeof what) = mz_printf(
			s->arena, "%s: the server returned %u columns, not %u", what, got, columns);
		api->free_result(res);
		return NULL;
	}
	return res;
}

/* A field as the mysql client prints it: SQL NULL as the word. */
static const char *field(struct session *s, MYSQL_ROW row, const unsigned long *lengths,
			 unsigned i)
{
	return row[i] ? mz_strndup(s->arena, row[i], lengths[i]) : "NULL";
}

static uint64_t number(const char *text)
{
	char *end;
	unsigned long long n = strtoull(text, &end, 10);
	/* TIME can go negative when the clock is set back: no time at all. */
	return *text >= '0' && *text <= '9' && !*end ? n : 0;
}

/* SHOW GLOBAL VARIABLES or SHOW GLOBAL STATUS into set; false when the connection broke. */
static bool read_set(struct session *s, const char *sql, struct mz_observed_set *set)
{
	MYSQL_RES *res = query(s, sql, sql, 2);
	if (!res)
		return !s->lost;
	struct mz_vec rows = { 0 };
	for (MYSQL_ROW row; (row = s->api->fetch_row(res));) {
		const unsigned long *lengths = s->api->fetch_lengths(res);
		struct mz_observed_value *v = mz_vec_push(s->arena, &rows, sizeof *v);
		*v = (struct mz_observed_value){ field(s, row, lengths, 0), field(s, row, lengths, 1),
						 { s->address, 0 } };
	}
	s->api->free_result(res);
	*set = (struct mz_observed_set){
		.file = s->address, .format = MZ_DUMP_LIVE, .values = rows.items, .n = rows.len
	};
	mz_observed_index(s->arena, set);
	return true;
}

/* The connections, but mysizer's own; false when the connection broke. */
static bool read_processlist(struct session *s, struct mz_processlist *list)
{
	static const char what[] = "information_schema.PROCESSLIST";
	MYSQL_RES *res = query(s, what,
			       "SELECT ID, USER, HOST, COMMAND, TIME FROM "
			       "information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() ORDER BY ID",
			       5);
	if (!res)
		return !s->lost;
	struct mz_vec rows = { 0 };
	for (MYSQL_ROW row; (row = s->api->fetch_row(res));) {
		const unsigned long *lengths = s->api->fetch_lengths(res);
		struct mz_connection *c = mz_vec_push(s->arena, &rows, sizeof *c);
		*c = (struct mz_connection){
			.id = number(field(s, row, lengths, 0)),
			.user = field(s, row, lengths, 1),
			.host = mz_host_without_port(s->arena, field(s, row, lengths, 2)),
			.command = field(s, row, lengths, 3),
			.time = number(field(s, row, lengths, 4)),
			.at = { s->address, 0 },
		};
	}
	s->api->free_result(res);
	*list = (struct mz_processlist){
		.file = s->address, .format = MZ_DUMP_LIVE, .list = rows.items, .n = rows.len
	};

	/* Without PROCESS the server shows an account only its own connections, and says
	 * nothing about it: ask whether the account holds the privilege itself. */
	res = query(s, "information_schema.USER_PRIVILEGES",
		    "SELECT account.name, EXISTS(SELECT 1 FROM information_schema.USER_PRIVILEGES "
		    "WHERE PRIVILEGE_TYPE = 'PROCESS' AND GRANTEE = account.name) "
		    "FROM (SELECT CONCAT('''', LEFT(CURRENT_USER(), CHAR_LENGTH(CURRENT_USER()) - "
		    "CHAR_LENGTH(SUBSTRING_INDEX(CURRENT_USER(), '@', -1)) - 1), '''@''', "
		    "SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''') AS name) AS account",
		    2);
	if (!res)
		return !s->lost;
	MYSQL_ROW row = s->api->fetch_row(res);
	if (row && row[0] && row[1] && strcmp(row[1], "0") == 0)
		*(const char **)mz_vec_push(s->arena, &s->unread, sizeof row) = mz_printf(
			s->arena, "%s: other accounts' connections: the account %s lacks the "
			"PROCESS privilege", what, row[0]);
	s->api->free_result(res);
	return true;
}

bool mz_client_observe(struct mz_arena *arena, const struct mz_connect_options *options,
		       struct mz_observed *out, const char **error)
{
	*out = (struct mz_observed){ 0 };
	struct api api;
	if (!api_open(arena, &api, error))
		return false;
	struct endpoint at = endpoint_of(arena, options);
	struct session s = { .arena = arena, .api = &api, .address = at.address,
			     .read_timeout = options->read_timeout };
	s.mysql = api.init(NULL);
	if (!s.mysql)
		mz_out_of_memory();
	const char *refused = set_options(&api, s.mysql, options);
	double start = now();
	if (refused)
		*error = mz_printf(arena, "the MySQL client library refuses %s", refused);
	else if (!api.real_connect(s.mysql, at.host, options->user, options->password, NULL,
				   at.port, at.socket, 0))
		*error = mz_printf(arena, "cannot connect to '%s'%s: %s", at.address,
				   timed_out(arena, start, options->connect_timeout),
				   api.error(s.mysql));
	/* MariaDB's library goes on without TLS when the server offers none, unless it is to
	 * verify the certificate. */
	else if ((options->ssl || options->ssl_verify_server_cert) && !api.get_ssl_cipher(s.mysql))
		*error = mz_printf(arena, "cannot connect to '%s' over TLS: the server does not "
				   "offer it", at.address);
	else if (read_set(&s, "SHOW GLOBAL VARIABLES", &out->variables) &&
		 read_set(&s, "SHOW GLOBAL STATUS", &out->status) &&
		 read_processlist(&s, &out->processlist))
		*error = NULL;
	else
		*error = s.lost;
	api.close(s.mysql);
	api.end();
	dlclose(api.lib);
	if (*error) {
		*out = (struct mz_observed){ 0 };
		return false;
	}
	if (s.unread.len) {
		mz_vec_push(arena, &s.unread, sizeof(const char *)); /* the terminating NULL */
		out->unread = s.unread.items;
	}
	return true;
}
