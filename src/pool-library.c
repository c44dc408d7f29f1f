/*
 * The pool settings of each library mysizer knows, with their documented defaults: the one
 * table the reader, the rules and docs/deployment.md follow. Sources: HikariCP's README and
 * HikariConfig (6.0.0), SQLAlchemy 2.0's create_engine(), mysql2's PoolConfig and BasePool,
 * Django's DATABASES settings.
 */
#include <string.h>

#include "mysizer/deploy.h"

/* Each library's settings together, every library at least one. */
#define P(lib, name, k, d) .library = MZ_LIB_##lib, .key = name, .kind = MZ_PARAM_##k, .def = d

const struct mz_param mz_params[] = {
	{ P(HIKARI, "maximumPoolSize", COUNT, 10), .min = 1,
	  .meaning = "connections the pool holds at most, idle and in use" },
	{ P(HIKARI, "minimumIdle", COUNT, 0), .def_from = "maximumPoolSize",
	  .meaning = "idle connections kept; by default as many as maximumPoolSize: a fixed-size pool" },
	{ P(HIKARI, "idleTimeout", MILLIS, 600000),
	  .meaning = "ms an idle connection above minimumIdle is kept" },
	{ P(HIKARI, "maxLifetime", MILLIS, 1800000),
	  .meaning = "ms a connection lives at most; 0 for no limit" },
	/* 0 up to 6.0.0, 120000 in later sources: the lower is the safe assumption. */
	{ P(HIKARI, "keepaliveTime", MILLIS, 0),
	  .meaning = "ms between pings of an idle connection; 0 for none" },
	{ P(HIKARI, "connectionTimeout", MILLIS, 30000), .meaning = "ms a caller waits for a connection" },
	{ P(HIKARI, "validationTimeout", MILLIS, 5000), .meaning = "ms a liveness check may take" },
	{ P(HIKARI, "leakDetectionThreshold", MILLIS, 0),
	  .meaning = "ms out of the pool before a leak is logged; 0 for never" },

	{ P(SQLALCHEMY, "pool_size", COUNT, 5), .meaning = "connections kept open; 0 for no limit" },
	{ P(SQLALCHEMY, "max_overflow", COUNT, 10), .min = -1,
	  .meaning = "connections opened beyond pool_size; -1 for no limit" },
	{ P(SQLALCHEMY, "pool_recycle", SECONDS, -1), .min = -1,
	  .meaning = "seconds after which a connection is replaced at checkout; -1 for never" },
	{ P(SQLALCHEMY, "pool_pre_ping", BOOL, 0), .meaning = "tests each connection at checkout" },
	{ P(SQLALCHEMY, "pool_timeout", SECONDS, 30), .meaning = "seconds a caller waits for a connection" },
	{ P(SQLALCHEMY, "pool_use_lifo", BOOL, 0),
	  .meaning = "hands out the connection returned last" },
	{ P(SQLALCHEMY, "poolclass", CHOICE, 0), .choices = "QueuePool, NullPool",
	  .meaning = "QueuePool pools; NullPool opens a connection for each checkout" },

	{ P(MYSQL2, "connectionLimit", COUNT, 10),
	  .meaning = "connections the pool holds at most; 0 for no limit" },
	{ P(MYSQL2, "maxIdle", COUNT, 0), .def_from = "connectionLimit",
	  .meaning = "idle connections kept; idleTimeout works only when this is below connectionLimit" },
	{ P(MYSQL2, "idleTimeout", MILLIS, 60000), .meaning = "ms an idle connection is kept" },
	{ P(MYSQL2, "queueLimit", COUNT, 0), .meaning = "callers that may wait; 0 for no limit" },
	{ P(MYSQL2, "waitForConnections", BOOL, 1), .meaning = "callers wait instead of failing" },
	{ P(MYSQL2, "enableKeepAlive", BOOL, 1),
	  .meaning = "TCP keepalive on the socket, which sends no MySQL packet" },
	{ P(MYSQL2, "keepAliveInitialDelay", MILLIS, 0),
	  .meaning = "ms before the first TCP keepalive probe" },

	{ P(DJANGO, "CONN_MAX_AGE", SECONDS, 0), .nullable = true,
	  .meaning = "seconds a connection is reused; 0 closes it after each request, null never" },
	{ P(DJANGO, "CONN_HEALTH_CHECKS", BOOL, 0),
	  .meaning = "checks a reused connection before each request's first query (Django 4.1+)" },

	{ P(FIXED, "connections", COUNT, 0), .required = true,
	  .meaning = "connections each process holds" },
};

const size_t mz_param_count = sizeof mz_params / sizeof mz_params[0];

const char *mz_library_name(enum mz_library library)
{
	switch (library) {
	case MZ_LIB_HIKARI: return "hikari";
	case MZ_LIB_SQLALCHEMY: return "sqlalchemy";
	case MZ_LIB_MYSQL2: return "mysql2";
	case MZ_LIB_DJANGO: return "django";
	case MZ_LIB_FIXED: return "fixed";
	}
	return "?";
}

const struct mz_setting *mz_app_setting(const struct mz_app *app, const char *key)
{
	for (size_t i = 0; i < app->n_settings; i++)
		if (strcmp(app->settings[i].param->key, key) == 0)
			return &app->settings[i];
	return NULL;
}

const char *mz_setting_text(struct mz_arena *arena, const struct mz_setting *setting)
{
	if (setting->null)
		return "null";
	switch (setting->param->kind) {
	case MZ_PARAM_BOOL: return setting->value ? "true" : "false";
	case MZ_PARAM_CHOICE: return setting->text;
	default: return mz_printf(arena, "%.15g", setting->value);
	}
}
