/*
 * MZ6006 thread-cache-misses: most connections needed a new thread (Threads_created against
 * Connections): thread_cache_size keeps too few threads for the way clients connect.
 */
#include <inttypes.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

/* MySQLTuner warns at a hit rate of 50 % or less; below a hundred connections a rate says
 * little. */
enum { MISS_PERCENT = 50, CONNECTIONS_MIN = 100, CACHE_MAX = 16384 };

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	struct mz_connection_share share;
	uint64_t used = 0;
	if (!mz_connection_share(model, "Threads_created", CONNECTIONS_MIN, &share) ||
	    share.count * 100 < share.connections * MISS_PERCENT)
		return;
	const struct mz_value *cache = mz_server_sizing(model->server, MZ_SV_THREAD_CACHE_SIZE);
	mz_status_counter(model, "Max_used_connections", &used);
	uint64_t wanted = used > CACHE_MAX ? CACHE_MAX : used;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6006, mz_row_location(share.row, NULL),
		"%" PRIu64 " of %" PRIu64 " connections (%.0f%%) needed a new thread: thread_cache_size "
		"%s keeps too few for clients that connect and disconnect", share.count,
		share.connections, share.percent, cache->text);
	f->current = mz_printf(arena, "thread_cache_size = %s", cache->text);
	if (wanted > cache->number)
		f->recommended = mz_printf(arena, "thread_cache_size = %" PRIu64 " (the most "
					   "connections at once, Max_used_connections)", wanted);
	mz_share_arithmetic(out, f, &share, "≥", MISS_PERCENT);
	mz_related_value(model, out, f, cache, "thread_cache_size");
}

const struct mz_rule mz_rule_MZ6006 = {
	.id = "MZ6006",
	.slug = "thread-cache-misses",
	.level = MZ_LEVEL_INFO,
	.title = "most connections to the running server needed a new thread",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_STATUS,
	.check = check,
};
