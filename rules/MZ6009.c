/*
 * MZ6009 config-drift: the option files and the running server disagree: a value the files
 * set that the server does not have, or a variable the server does not have at all. It has
 * not been restarted since the files changed, SET GLOBAL or SET PERSIST changed it, or the
 * files are not the ones it reads.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mysizer/observed.h"
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

/* A dump this long is a whole SHOW GLOBAL VARIABLES, not a LIKE '...' of it. */
enum { WHOLE_DUMP_ROWS = 200 };

/* Values the server shows in words compare without case: ON and on, REPEATABLE-READ. */
static bool same(const struct mz_var *var, const char *a, const char *b)
{
	bool words = var->type == MZ_TYPE_BOOL || var->type == MZ_TYPE_ENUM ||
		     var->type == MZ_TYPE_SET || var->type == MZ_TYPE_FLAGSET;
	return words ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

static bool cut_at_startup(const struct mz_var *var)
{
	return strcmp(var->name, "max_connections") == 0 ||
	       strcmp(var->name, "table_open_cache") == 0 ||
	       strcmp(var->name, "open_files_limit") == 0 ||
	       strcmp(var->name, "table_open_cache_instances") == 0;
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	struct mz_arena *arena = out->arena;
	const struct mz_server *server = model->server;
	bool whole = model->observed->variables.n >= WHOLE_DUMP_ROWS;
	for (size_t i = 0; i < server->n_values; i++) {
		const struct mz_value *v = &server->values[i];
		const struct mz_step *observed = NULL;
		const struct mz_option *line = NULL;
		size_t before = 0;
		for (size_t s = 0; s < v->n_steps; s++) {
			if (v->steps[s].kind == MZ_STEP_SET)
				line = v->steps[s].option;
			if (v->steps[s].kind == MZ_STEP_OBSERVED) {
				observed = &v->steps[s];
				before = s;
			}
		}
		/* Paths and names differ from host to host; lists add up in ways not modelled. */
		if (!line || (v->var->flags & (MZ_VAR_HOST | MZ_VAR_LIST | MZ_VAR_IGNORED)))
			continue;
		struct mz_location at = { line->at.file, line->at.line, NULL, NULL };
		if (!observed) {
			if (!whole || !(v->var->flags & MZ_VAR_SYSVAR))
				continue;
			struct mz_finding *f = mz_report(
				out, &mz_rule_MZ6009, at,
				"the file sets %s, but the running server has no such variable: a "
				"plugin it has not loaded, or other files than the ones it reads",
				v->var->name);
			f->current = mz_printf(arena, "%s = %s", line->name,
					       line->value ? line->value : "");
			continue;
		}
		/* What the files give: the value before the server's own startup changes, which
		 * mysizer predicts and the running value replaces. */
		const char *configured = NULL;
		for (size_t s = 0; s < before; s++)
			if (v->steps[s].kind == MZ_STEP_SET || v->steps[s].kind == MZ_STEP_CLAMPED ||
			    v->steps[s].kind == MZ_STEP_ROUNDED)
				configured = v->steps[s].value;
		if (!configured || same(v->var, configured, observed->value))
			continue;
		bool lower = (v->var->type == MZ_TYPE_UINT || v->var->type == MZ_TYPE_ULONG) &&
			     strtoull(observed->value, NULL, 10) < strtoull(configured, NULL, 10);
		struct mz_finding *f = mz_report(
			out, &mz_rule_MZ6009, at,
			"the file gives %s %s, but the running server has %s: it has not been "
			"restarted since, %s changed it%s, or it reads other files", v->var->name,
			configured, *observed->value ? observed->value : "''",
			model->target->flavour == MZ_MYSQL ? "SET GLOBAL or SET PERSIST" : "SET GLOBAL",
			lower && cut_at_startup(v->var) ? ", it cut the value at startup for want of "
							  "file descriptors"
							: "");
		f->current = mz_printf(arena, "%s:%u gives %s; running: %s", line->at.file,
				       line->at.line, configured, observed->value);
		f->recommended = "restart the server at a quiet moment to find out what the files "
				 "give, or bring the files in line with the running value";
		mz_finding_related(out, f,
				   (struct mz_location){ observed->option->at.file,
							 observed->option->at.line,
							 "the running server's value", NULL });
	}
}

const struct mz_rule mz_rule_MZ6009 = {
	.id = "MZ6009",
	.slug = "config-drift",
	.level = MZ_LEVEL_WARNING,
	.title = "the option files and the running server disagree",
	.needs = MZ_NEEDS_OPTIONS | MZ_NEEDS_SERVER | MZ_NEEDS_VARIABLES,
	.check = check,
};
