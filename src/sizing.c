#include "mysizer/sizing.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static uint64_t saturating_mul(uint64_t a, uint64_t b)
{
	return b && a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

static uint64_t saturating_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static double setting(const struct mz_app *app, const char *key)
{
	return mz_app_setting(app, key)->value;
}

/* "2 replicas × 3 processes × " with the ones left out. */
static const char *multipliers(struct mz_arena *arena, const struct mz_app *app,
			       uint64_t replicas)
{
	const char *text = mz_printf(arena, "%" PRIu64 " replica%s × ", replicas,
				     replicas == 1 ? "" : "s");
	if (app->processes > 1)
		text = mz_printf(arena, "%s%" PRIu64 " processes × ", text, app->processes);
	return text;
}

void mz_app_demand(struct mz_arena *arena, const struct mz_app *app, struct mz_demand *out)
{
	*out = (struct mz_demand){ .app = app, .pooled = true };
	switch (app->library) {
	case MZ_LIB_HIKARI:
		out->size = mz_app_setting(app, "maximumPoolSize");
		out->per_process = (uint64_t)out->size->value;
		out->per_process_text = mz_printf(arena, "maximumPoolSize %" PRIu64, out->per_process);
		break;
	case MZ_LIB_SQLALCHEMY: {
		const struct mz_setting *cls = mz_app_setting(app, "poolclass");
		uint64_t size = (uint64_t)setting(app, "pool_size");
		double overflow = setting(app, "max_overflow");
		out->size = mz_app_setting(app, "pool_size");
		if (strcmp(cls->text, "NullPool") == 0) {
			out->unbounded = true;
			out->pooled = false;
			out->size = cls;
			out->why = "poolclass NullPool opens a connection for every checkout, with no limit";
		} else if (size == 0) {
			out->unbounded = true;
			out->why = "pool_size 0 puts no limit on the pool";
		} else if (overflow < 0) {
			out->unbounded = true;
			out->size = mz_app_setting(app, "max_overflow");
			out->why = "max_overflow -1 puts no limit on the connections beyond pool_size";
		} else {
			out->per_process = size + (uint64_t)overflow;
			out->per_process_text = mz_printf(arena, "(pool_size %" PRIu64 " + max_overflow "
							  "%" PRIu64 ")", size, (uint64_t)overflow);
		}
		break;
	}
	case MZ_LIB_MYSQL2:
		out->size = mz_app_setting(app, "connectionLimit");
		out->per_process = (uint64_t)out->size->value;
		if (!out->per_process) {
			out->unbounded = true;
			out->why = "connectionLimit 0 puts no limit on the pool";
		}
		out->per_process_text = mz_printf(arena, "connectionLimit %" PRIu64, out->per_process);
		break;
	case MZ_LIB_DJANGO: {
		const struct mz_setting *age = mz_app_setting(app, "CONN_MAX_AGE");
		out->per_process = app->threads;
		out->per_process_text = mz_printf(arena, "%" PRIu64 " thread%s, a connection each",
						  app->threads, app->threads == 1 ? "" : "s");
		if (!age->null && age->value == 0) {
			out->pooled = false;
			out->size = age;
			out->why = "CONN_MAX_AGE 0 closes the connection at the end of every request";
		}
		break;
	}
	case MZ_LIB_FIXED:
		out->size = mz_app_setting(app, "connections");
		out->per_process = (uint64_t)out->size->value;
		out->per_process_text = mz_printf(arena, "%" PRIu64 " connections", out->per_process);
		break;
	}
	if (out->unbounded)
		return;
	uint64_t per_replica = saturating_mul(app->processes, out->per_process);
	out->steady = saturating_mul(app->replicas, per_replica);
	out->peak = saturating_mul(saturating_add(app->replicas, app->surge), per_replica);
	out->steady_text = mz_printf(arena, "%s%s", multipliers(arena, app, app->replicas),
				     out->per_process_text);
	out->peak_text = mz_printf(arena, "%s%s", multipliers(arena, app, app->replicas + app->surge),
				   out->per_process_text);
}

void mz_total_demand(struct mz_arena *arena, const struct mz_deploy *deploy,
		     struct mz_total_demand *out)
{
	*out = (struct mz_total_demand){ 0 };
	out->apps = mz_alloc_array(arena, deploy->n_apps, sizeof *out->apps);
	out->n_apps = deploy->n_apps;
	for (size_t i = 0; i < deploy->n_reserved; i++)
		out->reserved = saturating_add(out->reserved, deploy->reserved[i].count);
	out->steady = out->peak = out->reserved;
	for (size_t i = 0; i < deploy->n_apps; i++) {
		struct mz_demand *d = &out->apps[i];
		mz_app_demand(arena, &deploy->apps[i], d);
		out->unbounded |= d->unbounded;
		out->steady = saturating_add(out->steady, d->steady);
		out->peak = saturating_add(out->peak, d->peak);
	}
}

/* A pool of one app, scaled by factor; its new per-process maximum and the words for it. */
static uint64_t scale_pool(struct mz_arena *arena, const struct mz_demand *d, double factor,
			   const char **text)
{
	uint64_t n = (uint64_t)((double)d->per_process * factor);
	if (n == 0)
		n = 1;
	const struct mz_app *app = d->app;
	switch (app->library) {
	case MZ_LIB_SQLALCHEMY: {
		uint64_t size = (uint64_t)setting(app, "pool_size");
		uint64_t overflow = (uint64_t)setting(app, "max_overflow");
		uint64_t size2 = (uint64_t)((double)size * factor);
		size2 = size2 == 0 ? 1 : size2 > n ? n : size2;
		*text = mz_printf(arena, "pool_size %" PRIu64 " → %" PRIu64 ", max_overflow %" PRIu64
				  " → %" PRIu64, size, size2, overflow, n - size2);
		return n;
	}
	case MZ_LIB_DJANGO:
		*text = mz_printf(arena, "threads %" PRIu64 " → %" PRIu64, app->threads, n);
		return n;
	default:
		*text = mz_printf(arena, "%s %" PRIu64 " → %" PRIu64, d->size->written,
				  d->per_process, n);
		return n;
	}
}

const char *mz_fit_pools(struct mz_arena *arena, const struct mz_total_demand *demand,
			 bool at_peak, uint64_t budget)
{
	uint64_t apps = (at_peak ? demand->peak : demand->steady) - demand->reserved;
	if (budget <= demand->reserved || apps == 0)
		return NULL;
	double factor = (double)(budget - demand->reserved) / (double)apps;
	if (factor >= 1)
		return NULL;
	struct mz_vec text = { 0 };
	uint64_t total = demand->reserved;
	for (size_t i = 0; i < demand->n_apps; i++) {
		const struct mz_demand *d = &demand->apps[i];
		if (d->unbounded || !d->per_process)
			continue;
		const char *change;
		uint64_t n = scale_pool(arena, d, factor, &change);
		uint64_t replicas = d->app->replicas + (at_peak ? d->app->surge : 0);
		uint64_t connections = saturating_mul(saturating_mul(replicas, d->app->processes), n);
		total = saturating_add(total, connections);
		mz_text_printf(arena, &text, "%s%s: %s (%" PRIu64 " connections)",
			       text.len ? "\n" : "", d->app->name, change, connections);
	}
	return total <= budget ? text.items : NULL;
}

bool mz_version_before(const char *version, unsigned major, unsigned minor)
{
	unsigned a = 0, b = 0;
	if (!version || sscanf(version, "%u.%u", &a, &b) < 1)
		return false;
	return a < major || (a == major && b < minor);
}

void mz_app_lifetime(struct mz_arena *arena, const struct mz_app *app, struct mz_lifetime *out)
{
	*out = (struct mz_lifetime){ .reuses = true };
	switch (app->library) {
	case MZ_LIB_HIKARI: {
		const struct mz_setting *life = mz_app_setting(app, "maxLifetime");
		const struct mz_setting *keepalive = mz_app_setting(app, "keepaliveTime");
		double ms = life->value;
		/* HikariCP puts a maxLifetime under 30 s back to its default. */
		if (ms != 0 && ms < 30000)
			ms = 1800000;
		out->setting = life;
		out->bounded = ms > 0;
		out->seconds = ms / 1000;
		out->text = ms > 0 ? mz_printf(arena, "maxLifetime %.0f ms", ms)
				   : "maxLifetime 0 (no limit)";
		/* A keepalive under 30 s, or not under maxLifetime, is switched off. */
		double ka = keepalive->value;
		if (ka >= 30000 && (ms == 0 || ka < ms)) {
			out->ping_seconds = ka / 1000;
			out->ping = keepalive;
		}
		break;
	}
	case MZ_LIB_SQLALCHEMY: {
		const struct mz_setting *recycle = mz_app_setting(app, "pool_recycle");
		if (strcmp(mz_app_setting(app, "poolclass")->text, "NullPool") == 0) {
			out->reuses = false;
			break;
		}
		out->setting = recycle;
		out->bounded = recycle->value >= 0;
		out->seconds = recycle->value;
		out->text = out->bounded ? mz_printf(arena, "pool_recycle %g s", recycle->value)
					 : "pool_recycle -1 (never)";
		if (setting(app, "pool_pre_ping"))
			out->check = "pool_pre_ping";
		break;
	}
	case MZ_LIB_MYSQL2: {
		const struct mz_setting *idle = mz_app_setting(app, "idleTimeout");
		double max_idle = setting(app, "maxIdle"), limit = setting(app, "connectionLimit");
		out->setting = idle;
		out->drops_closed = true; /* a pool connection leaves the pool on 'end' or 'error' */
		/* mysql2 starts the timer that closes idle connections only below the limit. */
		out->bounded = max_idle < limit;
		out->seconds = idle->value / 1000;
		out->text = out->bounded
				    ? mz_printf(arena, "idleTimeout %.0f ms", idle->value)
				    : mz_printf(arena, "idleTimeout without effect: maxIdle %.0f is "
						"not below connectionLimit %.0f", max_idle, limit);
		break;
	}
	case MZ_LIB_DJANGO: {
		const struct mz_setting *age = mz_app_setting(app, "CONN_MAX_AGE");
		if (!age->null && age->value == 0) {
			out->reuses = false;
			break;
		}
		out->setting = age;
		out->bounded = !age->null;
		out->seconds = age->value;
		out->text = age->null ? "CONN_MAX_AGE null (for ever)"
				      : mz_printf(arena, "CONN_MAX_AGE %g s", age->value);
		if (setting(app, "CONN_HEALTH_CHECKS") && !mz_version_before(app->library_version, 4, 1))
			out->check = "CONN_HEALTH_CHECKS";
		break;
	}
	case MZ_LIB_FIXED:
		out->reuses = false;
		break;
	}
}

const char *mz_demand_words(struct mz_arena *arena, const struct mz_total_demand *demand,
			    bool at_peak)
{
	uint64_t total = at_peak ? demand->peak : demand->steady;
	const char *apps = mz_printf(arena, "the applications can open %s%" PRIu64 " connections",
				     demand->unbounded ? "at least " : "", total - demand->reserved);
	if (!demand->reserved)
		return apps;
	return mz_printf(arena, "%s and %" PRIu64 " are reserved for other clients, %" PRIu64
			 " in all", apps, demand->reserved, total);
}

const struct mz_demand *mz_largest_demand(const struct mz_total_demand *demand, bool at_peak)
{
	const struct mz_demand *best = &demand->apps[0];
	for (size_t i = 1; i < demand->n_apps; i++)
		if ((at_peak ? demand->apps[i].peak : demand->apps[i].steady) >
		    (at_peak ? best->peak : best->steady))
			best = &demand->apps[i];
	return best;
}

static void term(struct mz_memory *m, const char *name, uint64_t bytes, bool per_connection,
		 const struct mz_value *value)
{
	if (m->n_terms == MZ_MEMORY_TERMS_MAX)
		return;
	m->terms[m->n_terms++] = (struct mz_memory_term){ name, bytes, per_connection, value };
	if (per_connection)
		m->per_connection = saturating_add(m->per_connection, bytes);
	else
		m->global = saturating_add(m->global, bytes);
}

/* A variable's term, when the target has the variable. */
static void var_term(struct mz_memory *m, const struct mz_server *server,
		     enum mz_sizing_var var, bool per_connection)
{
	const struct mz_value *v = mz_server_sizing(server, var);
	if (v && v->text)
		term(m, v->var->name, v->number, per_connection, v);
}

static bool is_on(const struct mz_server *server, enum mz_sizing_var var)
{
	const struct mz_value *v = mz_server_sizing(server, var);
	return v && v->text && strcmp(v->text, "ON") == 0;
}

/* MySQL 8.4 sizes TempTable's pool from the host: 3 % of its memory, within 1 to 4 GiB. */
static uint64_t temptable_default(uint64_t host_memory)
{
	uint64_t share = host_memory / 100 * 3;
	return share < (UINT64_C(1) << 30) ? UINT64_C(1) << 30
	       : share > (UINT64_C(4) << 30) ? UINT64_C(4) << 30
					    : share;
}

void mz_memory_model(const struct mz_server *server, uint64_t host_memory, struct mz_memory *out)
{
	*out = (struct mz_memory){ 0 };
	var_term(out, server, MZ_SV_INNODB_BUFFER_POOL_SIZE, false);
	var_term(out, server, MZ_SV_INNODB_LOG_BUFFER_SIZE, false);
	var_term(out, server, MZ_SV_KEY_BUFFER_SIZE, false);
	var_term(out, server, MZ_SV_QUERY_CACHE_SIZE, false);
	var_term(out, server, MZ_SV_ARIA_PAGECACHE_BUFFER_SIZE, false);
	/* MySQL 8's TempTable engine keeps in-memory temporary tables in one global pool; the
	 * MEMORY engine, or MariaDB's, one table per connection. */
	const struct mz_value *engine = mz_server_sizing(server, MZ_SV_INTERNAL_TMP_MEM_STORAGE_ENGINE);
	const struct mz_value *temptable = mz_server_sizing(server, MZ_SV_TEMPTABLE_MAX_RAM);
	bool pooled_tmp = engine && engine->text && strcmp(engine->text, "TempTable") == 0 &&
			  temptable;
	if (pooled_tmp && temptable->text)
		var_term(out, server, MZ_SV_TEMPTABLE_MAX_RAM, false);
	else if (pooled_tmp)
		term(out, host_memory ? "temptable_max_ram (3% of memory, 1 to 4 GiB)"
				      : "temptable_max_ram (at least; 3% of memory, 1 to 4 GiB)",
		     temptable_default(host_memory), false, temptable);

	var_term(out, server, MZ_SV_THREAD_STACK, true);
	const struct mz_value *net = mz_server_sizing(server, MZ_SV_NET_BUFFER_LENGTH);
	if (net && net->text)
		term(out, "2 × net_buffer_length", saturating_mul(2, net->number), true, net);
	var_term(out, server, MZ_SV_SORT_BUFFER_SIZE, true);
	var_term(out, server, MZ_SV_JOIN_BUFFER_SIZE, true);
	var_term(out, server, MZ_SV_READ_BUFFER_SIZE, true);
	var_term(out, server, MZ_SV_READ_RND_BUFFER_SIZE, true);
	if (!pooled_tmp) {
		const struct mz_value *tmp = mz_server_sizing(server, MZ_SV_TMP_TABLE_SIZE);
		const struct mz_value *heap = mz_server_sizing(server, MZ_SV_MAX_HEAP_TABLE_SIZE);
		if (tmp && heap && tmp->text && heap->text) {
			bool tmp_smaller = tmp->number < heap->number;
			term(out, "min(tmp_table_size, max_heap_table_size)",
			     tmp_smaller ? tmp->number : heap->number, true, tmp_smaller ? tmp : heap);
		}
	}
	if (is_on(server, MZ_SV_LOG_BIN)) {
		var_term(out, server, MZ_SV_BINLOG_CACHE_SIZE, true);
		var_term(out, server, MZ_SV_BINLOG_STMT_CACHE_SIZE, true);
	}
	out->not_counted = "not counted: Performance Schema, the table caches, several join "
			   "buffers in one query, packets grown towards max_allowed_packet";
}

uint64_t mz_memory_at(const struct mz_memory *m, uint64_t connections)
{
	return saturating_add(m->global, saturating_mul(connections, m->per_connection));
}

const char *mz_bytes_text(struct mz_arena *arena, uint64_t bytes)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB" };
	if (bytes < 1024)
		return mz_printf(arena, "%" PRIu64 " bytes", bytes);
	size_t u = 0;
	uint64_t scale = 1024;
	while (u + 1 < sizeof units / sizeof units[0] && bytes / scale >= 1024) {
		scale *= 1024;
		u++;
	}
	if (bytes % scale == 0)
		return mz_printf(arena, "%" PRIu64 " %s", bytes / scale, units[u]);
	return mz_printf(arena, "%.1f %s", (double)bytes / (double)scale, units[u]);
}

const char *mz_cnf_size(struct mz_arena *arena, uint64_t bytes)
{
	static const struct {
		uint64_t scale;
		char suffix;
	} units[] = { { UINT64_C(1) << 30, 'G' }, { UINT64_C(1) << 20, 'M' }, { 1024, 'K' } };
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		uint64_t n = bytes / units[i].scale;
		/* Whole units, or enough of them that rounding down loses little. */
		if (n && (bytes % units[i].scale == 0 || n >= 16))
			return mz_printf(arena, "%" PRIu64 "%c", n, units[i].suffix);
	}
	return mz_printf(arena, "%" PRIu64, bytes);
}

const struct mz_option *mz_value_line(const struct mz_value *value)
{
	const struct mz_option *line = NULL;
	const struct mz_option *row = NULL;
	for (size_t i = 0; value && i < value->n_steps; i++) {
		if (value->steps[i].kind == MZ_STEP_SET)
			line = value->steps[i].option;
		if (value->steps[i].kind == MZ_STEP_OBSERVED)
			row = value->steps[i].option;
	}
	return line ? line : row;
}
