/*
 * The arithmetic the sizing rules share: what each application can ask of the server, what
 * the server's memory comes to for a number of connections, and how to show bytes. Pure
 * functions of the models; the rules decide what is too much.
 */
#ifndef MYSIZER_SIZING_H
#define MYSIZER_SIZING_H

#include <stdbool.h>
#include <stdint.h>

#include "mysizer/arena.h"
#include "mysizer/deploy.h"
#include "mysizer/server.h"

/* The connections one application can hold at once. */
struct mz_demand {
	const struct mz_app *app;
	bool unbounded;              /* the pool has no maximum */
	bool pooled;                 /* false: a connection is opened for each request */
	uint64_t per_process;        /* the most one process holds; 0 when unbounded */
	const char *per_process_text; /* "maximumPoolSize 20", "pool_size 10 + max_overflow 5" */
	const char *why;             /* unbounded or unpooled: which setting says so */
	const struct mz_setting *size; /* the setting that bounds it; NULL for Django's threads */
	uint64_t steady;             /* replicas × processes × per_process */
	uint64_t peak;               /* (replicas + surge) × processes × per_process */
	const char *steady_text;     /* "10 replicas × 20 (maximumPoolSize)" */
	const char *peak_text;
};

void mz_app_demand(struct mz_arena *arena, const struct mz_app *app, struct mz_demand *out);

/* The deployment's demand: every app's, and the connections reserved for other clients. */
struct mz_total_demand {
	struct mz_demand *apps;      /* one per app, in order */
	size_t n_apps;
	uint64_t reserved;
	uint64_t steady, peak;       /* Σ apps + reserved */
	bool unbounded;              /* an app has no maximum: the sums are lower bounds */
};

void mz_total_demand(struct mz_arena *arena, const struct mz_deploy *deploy,
		     struct mz_total_demand *out);

/* The demand in words: "the applications can open 90 connections" and, with reserved ones,
 * "... and 15 are reserved for other clients, 105 in all". */
const char *mz_demand_words(struct mz_arena *arena, const struct mz_total_demand *demand,
			    bool at_peak);

/* The app that asks most: where a finding about the whole demand is best shown. */
const struct mz_demand *mz_largest_demand(const struct mz_total_demand *demand, bool at_peak);

/* Whether a version such as "4.0.3" comes before major.minor; false when none is given. */
bool mz_version_before(const char *version, unsigned major, unsigned minor);

/* One term of the memory model. */
struct mz_memory_term {
	const char *name;            /* "sort_buffer_size", "2 × net_buffer_length" */
	uint64_t bytes;
	bool per_connection;
	const struct mz_value *value; /* where it comes from; NULL for a derived term */
};

enum { MZ_MEMORY_TERMS_MAX = 16 };

/*
 * mysizer's worst case: the global buffers once, and for every connection its thread stack,
 * its two network buffers, its binary-log caches when logging, and one buffer of each
 * per-operation kind (sort, join, read, read_rnd, an in-memory temporary table).
 */
struct mz_memory {
	uint64_t global;
	uint64_t per_connection;
	struct mz_memory_term terms[MZ_MEMORY_TERMS_MAX];
	size_t n_terms;
	const char *not_counted;     /* what the model leaves out, in a sentence */
};

/* host_memory (0 when unknown) sizes what the server sizes from it: MySQL 8.4's
 * temptable_max_ram. */
void mz_memory_model(const struct mz_server *server, uint64_t host_memory, struct mz_memory *out);

/* global + connections × per_connection, saturating rather than wrapping. */
uint64_t mz_memory_at(const struct mz_memory *m, uint64_t connections);

/*
 * Pool sizes scaled down, each in proportion to today's, so that the applications' demand
 * fits in budget connections: a line per app, "orders-api: maximumPoolSize 20 → 12 (120)".
 * NULL when even one connection per process does not fit.
 */
const char *mz_fit_pools(struct mz_arena *arena, const struct mz_total_demand *demand,
			 bool at_peak, uint64_t budget);

/* How long an application keeps a connection it does not use, and what keeps it alive. */
struct mz_lifetime {
	bool reuses;                 /* false: nothing is kept between requests (or unknown) */
	bool bounded;
	double seconds;              /* when bounded */
	const struct mz_setting *setting; /* the setting that bounds it, or should */
	const char *text;            /* "maxLifetime 1800000 ms", "pool_recycle -1 (never)" */
	double ping_seconds;         /* a protocol ping of idle connections this often; 0 none */
	const struct mz_setting *ping;
	const char *check;           /* a liveness check that repairs stale connections, or NULL */
	bool drops_closed;           /* the pool drops a connection once its socket is closed */
};

void mz_app_lifetime(struct mz_arena *arena, const struct mz_app *app, struct mz_lifetime *out);

/* "2 GiB", "24.7 MiB", "512 KiB", "300 bytes". */
const char *mz_bytes_text(struct mz_arena *arena, uint64_t bytes);

/* A size as my.cnf takes it, rounded down to what reads well: "2G", "512M", "256K". */
const char *mz_cnf_size(struct mz_arena *arena, uint64_t bytes);

/* The value's location, for findings: the option line that sets it, where it is changed (and
 * suppressed); else the running server's row when a dump or live mode gave it; NULL for
 * neither. */
const struct mz_option *mz_value_line(const struct mz_value *value);

#endif
