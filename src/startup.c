/*
 * What the server does at startup before it serves anyone: it asks for file descriptors,
 * cuts max_connections and table_open_cache to what it got, then computes the variables left
 * to it from the cut values. MySQL: sql/mysqld.cc adjust_related_options(); MariaDB:
 * init_common_variables(), modelled on 17 servers measured under ulimit -n.
 */
#include "resolve-value.h"
#include "resolve.h"

#include <inttypes.h>
#include <string.h>

static uint64_t max2(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

static uint64_t min2(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/*
 * my_set_max_open_files(): when the soft limit is enough, MySQL keeps it and MariaDB takes
 * just the request (measured on 10.11); else the request if the hard limit allows raising
 * the soft one to it, else the old soft limit (never the hard one).
 */
static uint64_t files_granted(const struct resolver *r, uint64_t request)
{
	const struct mz_host *host = &r->host;
	if (request > UINT32_MAX)
		request = UINT32_MAX;
	if (host->nofile_soft >= request)
		return r->target->flavour == MZ_MARIADB ? request : host->nofile_soft;
	if (request <= host->nofile_hard)
		return request;
	return host->nofile_soft;
}

/* The request and what the server got for it, in the model. */
static uint64_t ask_for_files(struct resolver *r, uint64_t request)
{
	uint64_t files = files_granted(r, request);
	r->startup.request = request;
	r->startup.files = files;
	r->startup.short_of_files = files < request;
	return files;
}

static uint64_t number(struct resolver *r, enum mz_sizing_var var)
{
	struct slot *s = mz_resolver_slot(r, var);
	return s ? s->number : 0;
}

static bool is_set(struct resolver *r, enum mz_sizing_var var)
{
	struct slot *s = mz_resolver_slot(r, var);
	return s && s->set;
}

/* The server changes a value at startup; it becomes known exactly. */
static void change(struct resolver *r, enum mz_sizing_var var, enum mz_step_kind kind,
		   uint64_t value, const char *why, const char *server_text)
{
	struct slot *s = mz_resolver_slot(r, var);
	if (!s)
		return;
	value = mz_value_limit(s->var, value);
	if (s->number == value && s->exact && kind != MZ_STEP_AUTOSIZED)
		return;
	s->number = value;
	s->exact = true;
	mz_resolver_step(r, s, kind, s->last, mz_value_integer_text(r->arena, s->var, value), why,
			 server_text);
}

/* A variable the server computes when the file leaves it to it. */
static void autosize(struct resolver *r, enum mz_sizing_var var, uint64_t value,
		     const char *formula)
{
	if (!is_set(r, var))
		change(r, var, MZ_STEP_AUTOSIZED, value, formula, NULL);
}

static const char *then(struct resolver *r, const char *first, const char *second)
{
	if (!first || !second)
		return first ? first : second;
	return mz_printf(r->arena, "%s\n%s", first, second);
}

static void mysql_startup(struct resolver *r)
{
	uint64_t mc = number(r, MZ_SV_MAX_CONNECTIONS), toc = number(r, MZ_SV_TABLE_OPEN_CACHE);
	uint64_t ofl = is_set(r, MZ_SV_OPEN_FILES_LIMIT) ? number(r, MZ_SV_OPEN_FILES_LIMIT) : 0;
	enum { TABLE_OPEN_CACHE_MIN = 400 };

	uint64_t request = max2(max2(10 + mc + 2 * toc, 5 * mc), ofl ? ofl : 5000);
	uint64_t files = ask_for_files(r, request);
	struct mz_startup *st = &r->startup;
	st->formula = mz_printf(r->arena,
				"request = max(10 + max_connections %" PRIu64 " + 2 x table_open_cache "
				"%" PRIu64 ", 5 x max_connections, %s) = %" PRIu64 "; limit %" PRIu64
				":%" PRIu64 " gives %" PRIu64,
				mc, toc, ofl ? mz_printf(r->arena, "open_files_limit %" PRIu64, ofl)
					     : "5000",
				request, r->host.nofile_soft, r->host.nofile_hard, files);
	if (st->short_of_files)
		st->server_text = ofl ? mz_printf(r->arena, "Could not increase number of "
					"max_open_files to more than %" PRIu64 " (request: %" PRIu64 ")",
					files, request)
				      : mz_printf(r->arena, "Changed limits: max_open_files: %" PRIu64
					" (requested %" PRIu64 ")", files, request);
	change(r, MZ_SV_OPEN_FILES_LIMIT, MZ_STEP_STARTUP, files,
	       "the descriptors the server got at startup", st->server_text);

	/* The arithmetic is unsigned: below 810 descriptors the first limit wraps round. */
	uint64_t usable = min2(files, request);
	uint64_t mc_limit = usable - 10 - 2 * TABLE_OPEN_CACHE_MIN;
	if (mc_limit < mc) {
		const char *text = mz_printf(r->arena, "Changed limits: max_connections: %" PRIu64
					     " (requested %" PRIu64 ")", mc_limit, mc);
		st->server_text = then(r, st->server_text, text);
		change(r, MZ_SV_MAX_CONNECTIONS, MZ_STEP_STARTUP, mc_limit,
		       "cut to the descriptors left after 810 for files and tables", text);
		mc = mc_limit;
		st->reduced = true;
	}
	uint64_t toc_limit = max2((usable - 10 - mc) / 2, TABLE_OPEN_CACHE_MIN);
	if (toc_limit < toc) {
		const char *text = mz_printf(r->arena, "Changed limits: table_open_cache: %" PRIu64
					     " (requested %" PRIu64 ")", toc_limit, toc);
		st->server_text = then(r, st->server_text, text);
		change(r, MZ_SV_TABLE_OPEN_CACHE, MZ_STEP_STARTUP, toc_limit,
		       "cut to half the descriptors left after the connections", text);
		toc = toc_limit;
		st->reduced = true;
	}
	st->cliff = st->short_of_files && (usable < 10 + 2 * TABLE_OPEN_CACHE_MIN || usable < 10 + mc);

	autosize(r, MZ_SV_TABLE_DEFINITION_CACHE, min2(400 + toc / 2, 2000),
		 "min(400 + table_open_cache / 2, 2000)");
	autosize(r, MZ_SV_THREAD_CACHE_SIZE, min2(8 + mc / 100, 100),
		 "min(8 + max_connections / 100, 100)");
	uint64_t hosts = 128 + mc;
	autosize(r, MZ_SV_HOST_CACHE_SIZE, hosts <= 628 ? hosts : min2(628 + (mc - 500) / 20, 2000),
		 "128 + max_connections, or past 628: 628 + (max_connections - 500) / 20, at "
		 "most 2000");
	if (r->target->reader == MZ_READER_MYSQL_5_7)
		autosize(r, MZ_SV_BACK_LOG, min2(50 + mc / 5, 900), "min(50 + max_connections / 5, 900)");
	else
		autosize(r, MZ_SV_BACK_LOG, min2(mc, 65535), "min(max_connections, 65535)");
}

static void mariadb_startup(struct resolver *r)
{
	enum { RESERVED = 30, MIN_CONNECTIONS = 10, TABLE_OPEN_CACHE_MIN = 200 };
	autosize(r, MZ_SV_THREAD_POOL_SIZE, r->host.cpus, "the number of CPUs");
	uint64_t mc = number(r, MZ_SV_MAX_CONNECTIONS), toc = number(r, MZ_SV_TABLE_OPEN_CACHE);
	uint64_t tci = number(r, MZ_SV_TABLE_OPEN_CACHE_INSTANCES);
	uint64_t emc = number(r, MZ_SV_EXTRA_MAX_CONNECTIONS);
	uint64_t tps = number(r, MZ_SV_THREAD_POOL_SIZE);
	/* open_files_limit in the file is a lower bound on the request; unset, it adds nothing. */
	uint64_t ofl = is_set(r, MZ_SV_OPEN_FILES_LIMIT) ? number(r, MZ_SV_OPEN_FILES_LIMIT) : 0;
	struct slot *handling = mz_resolver_slot(r, MZ_SV_THREAD_HANDLING);
	/* Measured: the pool's descriptors are counted when the pool is not in use. */
	bool pool = handling && handling->text && strcmp(handling->text, "pool-of-threads") == 0;

	uint64_t wanted = RESERVED + mc + emc + toc * 2 * tci + (pool ? 0 : tps);
	uint64_t request = max2(max2(wanted, (mc + emc) * 5), ofl);
	uint64_t files = ask_for_files(r, request);
	struct mz_startup *st = &r->startup;
	st->formula = mz_printf(r->arena,
				"request = max(30 + max_connections %" PRIu64 " + extra_max_connections "
				"%" PRIu64 " + table_open_cache %" PRIu64 " x 2 x instances %" PRIu64
				"%s, (max_connections + extra_max_connections) x 5, open_files_limit "
				"%" PRIu64 ") = %" PRIu64 "; limit %" PRIu64 ":%" PRIu64 " gives %" PRIu64,
				mc, emc, toc, tci,
				pool ? "" : mz_printf(r->arena, " + thread_pool_size %" PRIu64, tps),
				ofl, request, r->host.nofile_soft, r->host.nofile_hard, files);
	if (st->short_of_files)
		st->server_text = mz_printf(r->arena, "Could not increase number of max_open_files "
					    "to more than %" PRIu64 " (request: %" PRIu64 ")",
					    files, request);

	/* 64-bit unsigned, except the connections' limit, which is 32-bit: both can wrap. */
	uint64_t tci2 = min2(max2((files - RESERVED - mc) / 2 / toc, 1), tci);
	uint64_t min_tc = min2(toc, TABLE_OPEN_CACHE_MIN);
	uint64_t mc2 = max2(min2((uint32_t)(files - RESERVED - min_tc * 2 * tci2), mc),
			    MIN_CONNECTIONS);
	uint64_t toc2 = min2(max2((files - RESERVED - mc2) / 2 / tci2, min_tc), toc);
	/* The connections' limit wrapped: nothing caps them to the descriptors. (files below
	 * 30 + max_connections alone only keeps the instances, which can still fit.) */
	st->cliff = st->short_of_files && files < RESERVED + min_tc * 2 * tci2;
	const char *changed = NULL;
	if (mc2 < mc || toc2 < toc) {
		st->reduced = true;
		changed = mz_printf(r->arena, "Changed limits: max_open_files: %" PRIu64
				    "  max_connections: %" PRIu64 " (was %" PRIu64 ")  table_cache: "
				    "%" PRIu64 " (was %" PRIu64 ")", files, mc2, mc, toc2, toc);
		st->server_text = then(r, st->server_text, changed);
	}
	change(r, MZ_SV_OPEN_FILES_LIMIT, MZ_STEP_STARTUP, files,
	       "the descriptors the server got at startup", st->server_text);
	change(r, MZ_SV_TABLE_OPEN_CACHE_INSTANCES, MZ_STEP_STARTUP, tci2,
	       "cut so that each instance's share of the descriptors holds the table cache", NULL);
	change(r, MZ_SV_MAX_CONNECTIONS, MZ_STEP_STARTUP, mc2,
	       "cut to the descriptors left after the table cache's minimum", changed);
	change(r, MZ_SV_TABLE_OPEN_CACHE, MZ_STEP_STARTUP, toc2,
	       "cut to what the descriptors left after the connections can hold", changed);

	/* thread_cache_size is at most max_connections, whether set or not. */
	struct slot *tcs = mz_resolver_slot(r, MZ_SV_THREAD_CACHE_SIZE);
	if (tcs && tcs->number > mc2)
		change(r, MZ_SV_THREAD_CACHE_SIZE, tcs->set ? MZ_STEP_STARTUP : MZ_STEP_AUTOSIZED, mc2,
		       "at most max_connections", NULL);
	else if (tcs && !tcs->set)
		autosize(r, MZ_SV_THREAD_CACHE_SIZE, tcs->number, "its default, at most max_connections");
	autosize(r, MZ_SV_HOST_CACHE_SIZE,
		 128 + min2(mc2, 500) + (mc2 > 500 ? mc2 - 500 : 0) / 20,
		 "128 + min(max_connections, 500) + (max_connections - 500) / 20");
	autosize(r, MZ_SV_BACK_LOG, min2(900, 50 + mc2 / 5), "min(900, 50 + max_connections / 5)");

	/* InnoDB refuses a buffer pool of fewer than 384 pages (6 MiB with 16 KiB pages, measured
	 * on 10.11), and the server then stops: the engine it needs did not start. */
	struct slot *buffer_pool = mz_resolver_slot(r, MZ_SV_INNODB_BUFFER_POOL_SIZE);
	const struct mz_var *page_var = mz_catalog_find(r->catalog, "innodb_page_size");
	bool default_pages = !page_var || !r->slots[page_var - r->catalog->vars].set;
	enum { PAGE = 16384, MIN_PAGES = 384 };
	if (buffer_pool && buffer_pool->set && default_pages &&
	    buffer_pool->number < (uint64_t)PAGE * MIN_PAGES)
		mz_resolver_refuse(
			r, 1, MZ_ISSUE_ENGINE_REFUSES, buffer_pool->last, buffer_pool->var,
			mz_printf(r->arena, "InnoDB: innodb_page_size=%d requires "
				  "innodb_buffer_pool_size >= %d MiB current %" PRIu64 " MiB\n"
				  "Unknown/unsupported storage engine: InnoDB\nAborting", PAGE,
				  PAGE * MIN_PAGES >> 20, buffer_pool->number >> 20),
			mz_printf(r->arena, "innodb_buffer_pool_size is %s, below the %d MiB InnoDB "
				  "needs with 16 KiB pages; InnoDB does not start, and nor does the server",
				  buffer_pool->text, PAGE * MIN_PAGES >> 20));

	/* A query cache sized in the file turns the cache on, unless its type is set too. */
	struct slot *qct = mz_resolver_slot(r, MZ_SV_QUERY_CACHE_TYPE);
	if (qct && !qct->set && is_set(r, MZ_SV_QUERY_CACHE_SIZE) &&
	    number(r, MZ_SV_QUERY_CACHE_SIZE) > 0) {
		qct->exact = true;
		qct->number = 1;
		mz_resolver_step(r, qct, MZ_STEP_AUTOSIZED, NULL, "ON",
				 "query_cache_size is set and not 0, so the cache is on", NULL);
	}
}

void mz_startup_run(struct resolver *r)
{
	if (r->target->flavour == MZ_MARIADB)
		mariadb_startup(r);
	else
		mysql_startup(r);
}
