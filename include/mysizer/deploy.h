/*
 * The deployment model: the server's host (memory, CPUs, file-descriptor limit, connections
 * kept for others) and the applications that connect to it, each with its pool settings in
 * its library's own words. Read from the deployment file (JSON, docs/deployment.md) and from
 * one file per application; every value keeps the file, line and JSON Pointer it came from.
 */
#ifndef MYSIZER_DEPLOY_H
#define MYSIZER_DEPLOY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mysizer/arena.h"

/* Where a value of an input file is. */
struct mz_where {
	const char *file;
	unsigned line;
	const char *pointer; /* RFC 6901, "/apps/0/pool/maximumPoolSize"; NULL outside JSON */
};

enum mz_library {
	MZ_LIB_HIKARI,     /* HikariCP (Java), Spring's spring.datasource.hikari.* too */
	MZ_LIB_SQLALCHEMY, /* SQLAlchemy's QueuePool or NullPool (Python) */
	MZ_LIB_MYSQL2,     /* Node mysql2 createPool */
	MZ_LIB_DJANGO,     /* Django's persistent connections, one per thread */
	MZ_LIB_FIXED,      /* a fixed number of connections per process */
};

enum mz_param_kind {
	MZ_PARAM_COUNT,    /* a whole number of connections or requests */
	MZ_PARAM_MILLIS,   /* a duration in milliseconds, whole */
	MZ_PARAM_SECONDS,  /* a duration in seconds */
	MZ_PARAM_BOOL,
	MZ_PARAM_CHOICE,   /* one of a few names */
};

/* A pool setting a library knows, with its documented default (pool-library.c). */
struct mz_param {
	enum mz_library library;
	const char *key;          /* the library's spelling: "maximumPoolSize", "pool_recycle" */
	enum mz_param_kind kind;
	double def;               /* the default, unless def_from says otherwise */
	const char *def_from;     /* the default is this other setting's value: minimumIdle */
	bool required;            /* no default: the file must give it */
	bool nullable;            /* null is a value: Django's CONN_MAX_AGE None, no limit */
	double min;               /* the least value the library accepts */
	const char *choices;      /* MZ_PARAM_CHOICE: the names, separated by ", " */
	const char *meaning;      /* one line, for messages and docs */
};

/* A pool setting of an application: given, or the library's default. */
struct mz_setting {
	const struct mz_param *param;
	const char *written;      /* the key as the file spells it ("maximum-pool-size") */
	bool given;               /* in the file; else the library's default */
	bool null;                /* JSON null */
	double value;             /* numbers; booleans as 1 and 0 */
	const char *text;         /* MZ_PARAM_CHOICE: the name */
	struct mz_where at;       /* where it was given; for a default, the app's "pool" or the app */
};

/* An entry of a "mysizer-ignore" list: "MZ5001" or "MZ5001 reason"; suppress.c reads it. */
struct mz_ignore {
	const char *text;
	struct mz_where at;
};

struct mz_app {
	const char *name;
	struct mz_where at;
	struct mz_where object;       /* the app's whole object: pointer "/apps/2", or "" in its file */
	enum mz_library library;
	const char *library_version;  /* NULL when not given */
	uint64_t replicas;
	uint64_t processes;           /* per replica */
	uint64_t threads;             /* per process; Django holds one connection per thread */
	uint64_t surge;               /* extra replicas during a rolling deploy */
	struct mz_where surge_at;
	const char *user;             /* the database account, or NULL */
	struct mz_where user_at;
	const struct mz_setting *settings; /* every parameter of the library, in table order */
	size_t n_settings;
	const struct mz_ignore *ignore;    /* its "mysizer-ignore" list */
	size_t n_ignore;
};

/* Connections kept for clients that are no application: monitoring, replication, admin. */
struct mz_reserved {
	const char *name;
	uint64_t count;
	struct mz_where at;
};

struct mz_deploy {
	const char *file;             /* the deployment file, or NULL with --app files only */
	const char *target;           /* server.target, or NULL */
	const char *config;           /* server.config, resolved against the file's folder */
	uint64_t memory;              /* bytes, 0 when unknown */
	struct mz_where memory_at;
	uint64_t container_memory;    /* the container's limit in bytes, 0 when none */
	struct mz_where container_memory_at;
	unsigned cpus;                /* 0 when unknown */
	bool nofile_given;
	uint64_t nofile_soft, nofile_hard;
	struct mz_where nofile_at;    /* server.nofile, or the unit file's LimitNOFILE line */
	const char *nofile_note;      /* how the limit was worked out when no line gives it */
	const char *const *units;     /* server.systemd_unit, resolved; NULL-terminated or NULL */
	const struct mz_reserved *reserved;
	size_t n_reserved;
	const struct mz_ignore *ignore; /* the server's "mysizer-ignore" list */
	size_t n_ignore;
	const struct mz_app *apps;
	size_t n_apps;
};

/* Reading failed: the first problem, with its place; the command prints it and exits 2. */
struct mz_deploy_error {
	struct mz_where at;
	const char *message;
};

/*
 * Reads a deployment file (NULL for none) and application files into *out; false, with
 * *error set, when an input is malformed. Nothing is half-read: on failure *out is empty.
 */
bool mz_deploy_read(struct mz_arena *arena, const char *deploy_file, const char *const *app_files,
		    size_t n_app_files, struct mz_deploy *out, struct mz_deploy_error *error);

/*
 * LimitNOFILE= of a systemd unit and its drop-ins, given in the order systemd reads them, the
 * last setting winning; systemd's default when none sets it. False, with *error set, on an
 * unreadable file or an invalid value.
 */
bool mz_systemd_nofile(struct mz_arena *arena, const char *const *files, size_t n_files,
		       struct mz_deploy *deploy, struct mz_deploy_error *error);

/* A size such as "16GiB", "512M", "4G" or "1500MB" in bytes; false when it is none. */
bool mz_parse_size(const char *text, uint64_t *bytes);

/* "N", "S:H" or "infinity", as LimitNOFILE= and server.nofile take it; false when none. */
bool mz_parse_nofile(const char *text, uint64_t *soft, uint64_t *hard);

/* What LimitNOFILE=infinity gives: the kernel's fs.nr_open, 1048576 unless raised. */
#define MZ_NOFILE_INFINITY UINT64_C(1048576)

extern const struct mz_param mz_params[];
extern const size_t mz_param_count;

const char *mz_library_name(enum mz_library library);

/* A setting's value as the file writes it: "1800000", "true", "null", "NullPool". */
const char *mz_setting_text(struct mz_arena *arena, const struct mz_setting *setting);

/* The setting of an application by its key; NULL when its library has no such key. */
const struct mz_setting *mz_app_setting(const struct mz_app *app, const char *key);

#endif
