/* The rule table, built from the one list in rules/rules.def, and what rules share. */
#include "mysizer/rule.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mysizer/observed.h"
#include "mysizer/settings.h"
#include "mysizer/sizing.h"
#include "mysizer/suppress.h"

const struct mz_thresholds mz_thresholds_default = {
	.memory_percent = 90,
	.headroom_percent = 80,
	.lifetime_margin = 30,
	.long_wait_timeout = 3600,
};

const struct mz_rule *const mz_rules[] = {
#define MZ_RULE(id) &mz_rule_##id,
#include "rules.def"
#undef MZ_RULE
};

const size_t mz_rule_count = sizeof mz_rules / sizeof mz_rules[0];

const struct mz_rule *mz_rule_find(const char *id_or_slug)
{
	for (size_t i = 0; i < mz_rule_count; i++)
		if (strcasecmp(mz_rules[i]->id, id_or_slug) == 0 ||
		    strcmp(mz_rules[i]->slug, id_or_slug) == 0)
			return mz_rules[i];
	return NULL;
}

const char *mz_rule_missing(const struct mz_model *model, unsigned needs)
{
	if ((needs & MZ_NEEDS_OPTIONS) && !model->options)
		return "no option file";
	if ((needs & MZ_NEEDS_SERVER) && !model->server)
		return "the option files stop the server before it starts";
	const struct mz_observed *o = model->observed;
	if ((needs & MZ_NEEDS_RUNNING) && !o->variables.file && !o->status.file &&
	    !o->processlist.file)
		return "no data of the running server (give --variables, --status or "
		       "--processlist, or use mysizer live)";
	if ((needs & MZ_NEEDS_VARIABLES) && !o->variables.file)
		return "no variables of the running server (give --variables, or use mysizer live)";
	if ((needs & MZ_NEEDS_STATUS) && !o->status.file)
		return "no status of the running server (give --status, or use mysizer live)";
	if ((needs & MZ_NEEDS_PROCESSLIST) && !o->processlist.file)
		return "no processlist of the running server (give --processlist, or use mysizer live)";
	if ((needs & MZ_NEEDS_PREDICTION) && o->variables.file)
		return "the running server's variables are given: its startup is observed, not "
		       "predicted";
	if ((needs & MZ_NEEDS_APPS) && !model->deploy->n_apps)
		return "no applications (give --deploy or --app)";
	if ((needs & MZ_NEEDS_MEMORY) && !model->deploy->memory && !model->deploy->container_memory)
		return "no memory size (give --memory, or memory in the deployment file)";
	return NULL;
}

/* Runs the rules that need the others' findings, or the others. */
static void run(const struct mz_model *model, struct mz_findings *out, bool after_others)
{
	for (size_t i = 0; i < mz_rule_count; i++) {
		const struct mz_rule *rule = mz_rules[i];
		if (!(rule->needs & MZ_NEEDS_FINDINGS) != !after_others)
			continue;
		const char *from;
		int level = mz_settings_rule_level(model->settings, rule, &from);
		const char *missing = level == MZ_LEVEL_OFF ? mz_printf(out->arena, "off (%s)", from)
							    : mz_rule_missing(model, rule->needs);
		if (missing) {
			struct mz_skip *skip = mz_vec_push(out->arena, &out->skipped, sizeof *skip);
			*skip = (struct mz_skip){ rule, missing };
			continue;
		}
		size_t first = out->list.len;
		rule->check(model, out);
		struct mz_finding *f = out->list.items;
		for (size_t j = first; from && j < out->list.len; j++)
			f[j].level = (enum mz_level)level;
	}
}

void mz_rules_run(const struct mz_model *model, struct mz_findings *out)
{
	run(model, out, false);
	mz_suppressions_apply(model->suppressions, out, 0);
	run(model, out, true);
}

const char *mz_model_file(const struct mz_model *model)
{
	return model->config ? model->config : model->deploy->file ? model->deploy->file : "(defaults)";
}

struct mz_location mz_where_location(struct mz_where where, const char *label)
{
	return (struct mz_location){ where.file, where.line, label, where.pointer };
}

struct mz_location mz_value_location(const struct mz_model *model, const struct mz_value *value,
				     const char *label)
{
	const struct mz_option *line = mz_value_line(value);
	if (line)
		return (struct mz_location){ line->at.file, line->at.line, label, NULL };
	return (struct mz_location){ mz_model_file(model), 0, label, NULL };
}

void mz_related_value(const struct mz_model *model, struct mz_findings *out, struct mz_finding *f,
		      const struct mz_value *value, const char *label)
{
	if (mz_value_line(value))
		mz_finding_related(out, f, mz_value_location(model, value, label));
}

void mz_memory_limit(const struct mz_model *model, struct mz_memory_limit *out)
{
	const struct mz_deploy *d = model->deploy;
	/* A container can be given more than its host has: the smaller limit is the one. */
	if (d->container_memory && (!d->memory || d->container_memory <= d->memory))
		*out = (struct mz_memory_limit){ d->container_memory, "container_memory",
						 d->container_memory_at };
	else
		*out = (struct mz_memory_limit){ d->memory, "memory", d->memory_at };
}

void mz_report_problems(const struct mz_model *model, struct mz_findings *out,
			const struct mz_rule *rule, const enum mz_problem_kind *kinds, size_t n)
{
	for (size_t i = 0; i < model->options->n_problems; i++) {
		const struct mz_problem *p = &model->options->problems[i];
		for (size_t k = 0; k < n; k++) {
			if (p->kind != kinds[k])
				continue;
			struct mz_finding *f = mz_report(
				out, rule, (struct mz_location){ p->at.file, p->at.line, NULL, NULL }, "%s",
				p->message);
			f->server_says = p->server_text;
			if (f->level == MZ_LEVEL_ERROR && p->severity != MZ_SEV_FATAL)
				f->level = MZ_LEVEL_WARNING;
		}
	}
}

void mz_report_issues(const struct mz_model *model, struct mz_findings *out,
		      const struct mz_rule *rule, const enum mz_issue_kind *kinds, size_t n)
{
	for (size_t i = 0; i < model->server->n_issues; i++) {
		const struct mz_issue *is = &model->server->issues[i];
		for (size_t k = 0; k < n; k++) {
			if (is->kind != kinds[k])
				continue;
			struct mz_finding *f = mz_report(
				out, rule,
				(struct mz_location){ is->option->at.file, is->option->at.line, NULL, NULL },
				"%s", is->message);
			f->server_says = is->server_text;
			/* What the server survives is no error, whatever the rule's level. */
			if (f->level == MZ_LEVEL_ERROR && is->severity != MZ_SEV_FATAL)
				f->level = MZ_LEVEL_WARNING;
			if (is->suggestion)
				f->recommended = is->suggestion;
			if (is->other)
				mz_finding_related(out, f,
						   (struct mz_location){ is->other->at.file,
									 is->other->at.line,
									 "the line that wins", NULL });
		}
	}
}

const char *mz_where_text(struct mz_arena *arena, struct mz_where where)
{
	if (!where.file)
		return "the command line";
	return where.line ? mz_printf(arena, "%s:%u", where.file, where.line) : where.file;
}

/* A value of the server as the terms of findings name its origin. */
static const char *value_from(const struct mz_model *model, struct mz_arena *arena,
			      const struct mz_value *value)
{
	struct mz_location at = mz_value_location(model, value, NULL);
	if (!mz_value_line(value))
		return "the default";
	return mz_printf(arena, "%s:%u", at.file, at.line);
}

const char *mz_value_origin(const struct mz_model *model, struct mz_arena *arena,
			    const struct mz_value *value)
{
	/* The running server's value needs no story of how the files would give it. */
	const struct mz_step *last = value->n_steps ? &value->steps[value->n_steps - 1] : NULL;
	if (last && last->kind == MZ_STEP_OBSERVED)
		return last->option->at.line ? mz_printf(arena, "%s:%u", last->option->at.file,
							 last->option->at.line)
					     : last->option->at.file;
	const char *from = value_from(model, arena, value);
	for (size_t i = 0; i < value->n_steps; i++)
		if (value->steps[i].kind == MZ_STEP_STARTUP)
			return mz_printf(arena, "%s, cut at startup: %s", from, value->steps[i].why);
	return from;
}

const char *mz_connection_advice(const struct mz_model *model, struct mz_arena *arena,
				 const struct mz_total_demand *demand, bool at_peak)
{
	const struct mz_value *mcv = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	uint64_t mc = mcv->number, headroom = model->thresholds->headroom_percent;
	uint64_t budget = mc * headroom / 100;
	uint64_t need = at_peak ? demand->peak : demand->steady;
	const char *text = NULL;
	const char *pools = mz_fit_pools(arena, demand, at_peak, budget);
	if (pools)
		text = mz_printf(arena, "pools that keep the demand within %" PRIu64 "%% of "
				 "max_connections %" PRIu64 " (%" PRIu64 " connections):\n%s",
				 headroom, mc, budget, pools);
	uint64_t wanted = (need * 100 + headroom - 1) / headroom;
	if (wanted > mcv->var->max) {
		const char *line = mz_printf(arena, "no max_connections holds %" PRIu64 " connections "
					     "with %" PRIu64 "%% headroom: the most is %" PRIu64,
					     need, headroom, mcv->var->max);
		return text ? mz_printf(arena, "%s\n%s", text, line) : line;
	}
	struct mz_memory_limit limit;
	mz_memory_limit(model, &limit);
	struct mz_memory memory;
	mz_memory_model(model->server, limit.bytes, &memory);
	uint64_t extra = wanted > mc ? wanted - mc : 0;
	const char *line = mz_printf(
		arena, "%smax_connections = %" PRIu64 " (the demand %" PRIu64 " at %" PRIu64 "%%): "
		"worst-case memory grows by %" PRIu64 " × %s = %s, to %s", text ? "or " : "", wanted,
		need, headroom, extra, mz_bytes_text(arena, memory.per_connection),
		mz_bytes_text(arena, extra * memory.per_connection),
		mz_bytes_text(arena, mz_memory_at(&memory, wanted)));
	if (limit.bytes) {
		uint64_t worst = mz_memory_at(&memory, wanted);
		line = mz_printf(arena, "%s, %.0f%% of %s %s", line,
				 100.0 * (double)worst / (double)limit.bytes, limit.name,
				 mz_bytes_text(arena, limit.bytes));
	}
	/* Cut at startup for want of descriptors, a higher max_connections would be cut too. */
	const char *asked = mz_value_before_startup(mcv);
	if (asked && wanted <= strtoull(asked, NULL, 10))
		line = mz_printf(arena, "%sLimitNOFILE=%" PRIu64 " (see MZ4001), so that the server "
				 "keeps the max_connections %s the file asks for instead of cutting it "
				 "to %" PRIu64, text ? "or " : "", model->server->startup.request, asked,
				 mc);
	else if (asked)
		line = mz_printf(arena, "%s; and a LimitNOFILE under which the server does not cut it, "
				 "as it cuts %s to %" PRIu64 " now (see MZ4001)", line, asked, mc);
	return text ? mz_printf(arena, "%s\n%s", text, line) : line;
}

void mz_demand_terms(const struct mz_model *model, struct mz_findings *out,
		     struct mz_finding *f, const struct mz_total_demand *demand, bool at_peak)
{
	struct mz_arena *arena = out->arena;
	for (size_t i = 0; i < demand->n_apps; i++) {
		const struct mz_demand *d = &demand->apps[i];
		const struct mz_app *app = d->app;
		const char *value = d->unbounded ? mz_printf(arena, "no limit: %s", d->why)
				    : mz_printf(arena, "%s = %" PRIu64, at_peak ? d->peak_text
									       : d->steady_text,
						at_peak ? d->peak : d->steady);
		mz_finding_term(out, f, app->name, value,
				mz_where_text(arena, d->size ? d->size->at : app->at));
	}
	for (size_t i = 0; i < model->deploy->n_reserved; i++) {
		const struct mz_reserved *r = &model->deploy->reserved[i];
		mz_finding_term(out, f, mz_printf(arena, "reserved for %s", r->name),
				mz_printf(arena, "%" PRIu64, r->count), mz_where_text(arena, r->at));
	}
}

double mz_lifetime_limit(const struct mz_model *model)
{
	double wait = (double)mz_server_sizing(model->server, MZ_SV_WAIT_TIMEOUT)->number;
	double margin = model->thresholds->lifetime_margin;
	if (margin > wait / 20)
		margin = wait / 20;
	return wait - margin;
}

const char *mz_nofile_from(const struct mz_model *model, struct mz_arena *arena)
{
	const struct mz_host *host = &model->server->host;
	const struct mz_deploy *d = model->deploy;
	if (host->nofile_assumed)
		return mz_printf(arena, "assumed: %s", host->nofile_assumed);
	if (!d->nofile_given)
		return "the command line";
	const char *at = mz_where_text(arena, d->nofile_at);
	return d->nofile_note ? mz_printf(arena, "%s: %s", at, d->nofile_note) : at;
}

const char *mz_nofile_text(const struct mz_model *model, struct mz_arena *arena)
{
	const struct mz_host *host = &model->server->host;
	if (host->nofile_soft == host->nofile_hard)
		return mz_printf(arena, "%" PRIu64, host->nofile_soft);
	return mz_printf(arena, "%" PRIu64 ":%" PRIu64, host->nofile_soft, host->nofile_hard);
}

const char *mz_value_before_startup(const struct mz_value *value)
{
	for (size_t i = 0; value && i < value->n_steps; i++) {
		if (value->steps[i].kind != MZ_STEP_STARTUP)
			continue;
		const char *before = i ? value->steps[i - 1].value : value->var->def;
		/* A step that computes the value it had is no change. */
		return before && value->steps[i].value && strcmp(before, value->steps[i].value) == 0
			       ? NULL
			       : before;
	}
	return NULL;
}

void mz_budget_terms(const struct mz_model *model, struct mz_findings *out, struct mz_finding *f,
		     const struct mz_total_demand *demand, bool at_peak)
{
	const struct mz_value *mc = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS);
	mz_demand_terms(model, out, f, demand, at_peak);
	mz_finding_term(out, f, "max_connections", mz_printf(out->arena, "%" PRIu64, mc->number),
			mz_value_origin(model, out->arena, mc));
	mz_related_value(model, out, f, mc, "max_connections");
}

void mz_nofile_advice(const struct mz_model *model, struct mz_findings *out, struct mz_finding *f)
{
	struct mz_arena *arena = out->arena;
	f->current = mz_printf(arena, "LimitNOFILE=%s (%s)", mz_nofile_text(model, arena),
			       mz_nofile_from(model, arena));
	f->recommended = mz_printf(arena, "LimitNOFILE=%" PRIu64 " in the [Service] section of "
				   "the unit or of a drop-in", model->server->startup.request);
	const struct mz_deploy *d = model->deploy;
	if (d->nofile_at.file)
		mz_finding_related(out, f, mz_where_location(d->nofile_at,
							     d->nofile_note ? "no LimitNOFILE here: "
									      "systemd's default"
									    : "LimitNOFILE"));
}

const struct mz_observed_value *mz_status_counter(const struct mz_model *model, const char *name,
						  uint64_t *value)
{
	const struct mz_observed_value *row = mz_observed_find(&model->observed->status, name);
	return row && mz_observed_number(&model->observed->status, name, value) ? row : NULL;
}

bool mz_connection_share(const struct mz_model *model, const char *counter,
			 uint64_t connections_min, struct mz_connection_share *out)
{
	out->row = mz_status_counter(model, counter, &out->count);
	out->connections_row = mz_status_counter(model, "Connections", &out->connections);
	if (!out->row || !out->connections_row || out->connections < connections_min ||
	    !out->connections)
		return false;
	out->percent = 100.0 * (double)out->count / (double)out->connections;
	return true;
}

void mz_share_arithmetic(struct mz_findings *out, struct mz_finding *f,
			 const struct mz_connection_share *share, const char *relation,
			 unsigned threshold)
{
	struct mz_arena *arena = out->arena;
	f->arithmetic = mz_printf(arena, "%s %" PRIu64 " / Connections %" PRIu64 " = %.1f%% %s %u%%",
				  share->row->name, share->count, share->connections, share->percent,
				  relation, threshold);
	mz_finding_term(out, f, share->row->name, mz_printf(arena, "%" PRIu64, share->count),
			mz_row_origin(arena, share->row));
	mz_finding_term(out, f, "Connections", mz_printf(arena, "%" PRIu64, share->connections),
			mz_row_origin(arena, share->connections_row));
}

struct mz_location mz_row_location(const struct mz_observed_value *row, const char *label)
{
	return (struct mz_location){ row->at.file, row->at.line, label, NULL };
}

const char *mz_row_origin(struct mz_arena *arena, const struct mz_observed_value *row)
{
	return row->at.line ? mz_printf(arena, "%s:%u", row->at.file, row->at.line) : row->at.file;
}

const char *mz_uptime_text(struct mz_arena *arena, uint64_t seconds)
{
	if (seconds < 120)
		return mz_printf(arena, "%" PRIu64 " seconds", seconds);
	if (seconds < 2 * 3600)
		return mz_printf(arena, "%" PRIu64 " minutes", seconds / 60);
	if (seconds < 2 * 86400)
		return mz_printf(arena, "%.1f hours", (double)seconds / 3600);
	return mz_printf(arena, "%.1f days", (double)seconds / 86400);
}
