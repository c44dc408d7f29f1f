/*
 * MZ6005 open-files-near-limit: the files the running server holds open (Open_files) come
 * close to open_files_limit: past it, opening a table or a temporary file fails.
 */
#include <inttypes.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

/* MySQLTuner's line. */
enum { PERCENT = 85 };

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	uint64_t open;
	const struct mz_observed_value *row = mz_status_counter(model, "Open_files", &open);
	const struct mz_value *limit = mz_server_sizing(model->server, MZ_SV_OPEN_FILES_LIMIT);
	if (!row || !limit->number || open * 100 <= limit->number * PERCENT)
		return;
	struct mz_finding *f = mz_report(
		out, &mz_rule_MZ6005, mz_row_location(row, NULL),
		"the server holds %" PRIu64 " files open, %.0f%% of open_files_limit %" PRIu64
		": past it, opening a table or a temporary file fails", open,
		100.0 * (double)open / (double)limit->number, limit->number);
	f->recommended = mz_printf(arena, "a LimitNOFILE of at least %" PRIu64 " (twice the files "
				   "open now), or a smaller table_open_cache", open * 2);
	f->arithmetic = mz_printf(arena, "Open_files %" PRIu64 " > %d%% × open_files_limit %" PRIu64,
				  open, PERCENT, limit->number);
	mz_finding_term(out, f, "Open_files", mz_printf(arena, "%" PRIu64, open),
			mz_row_origin(arena, row));
	mz_finding_term(out, f, "open_files_limit", limit->text,
			mz_value_origin(model, arena, limit));
}

const struct mz_rule mz_rule_MZ6005 = {
	.id = "MZ6005",
	.slug = "open-files-near-limit",
	.level = MZ_LEVEL_WARNING,
	.title = "the running server's open files came close to open_files_limit",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_STATUS,
	.check = check,
};
