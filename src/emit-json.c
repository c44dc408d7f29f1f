/* The report as JSON: docs/report.md, held to docs/schema/report-1.json by the tests. */
#include "mysizer/emit.h"

#include "json-build.h"
#include "mysizer/rule.h"

/* The version of the report's shape: raised when a field changes meaning or goes away. */
#define REPORT_SCHEMA_VERSION 1

static cJSON *location(struct mz_arena *a, struct mz_location at)
{
	cJSON *o = mz_json_object();
	mz_json_add(o, "file", mz_json_string(a, at.file));
	mz_json_add(o, "line", at.line ? cJSON_CreateNumber(at.line) : cJSON_CreateNull());
	mz_json_add(o, "pointer", mz_json_string(a, at.pointer));
	mz_json_add(o, "label", mz_json_string(a, at.label));
	return o;
}

static cJSON *suppression(struct mz_arena *a, const struct mz_suppression *s)
{
	static const char *const scopes[] = { "line", "object", "file", "run" };
	if (!s)
		return cJSON_CreateNull();
	cJSON *o = mz_json_object();
	mz_json_add(o, "scope", mz_json_string(a, scopes[s->scope]));
	mz_json_add(o, "location", location(a, s->at));
	mz_json_add(o, "reason", mz_json_string(a, s->reason));
	return o;
}

static cJSON *finding(struct mz_arena *a, const struct mz_finding *f)
{
	cJSON *o = mz_json_object();
	mz_json_add(o, "rule", mz_json_string(a, f->rule->id));
	mz_json_add(o, "name", mz_json_string(a, f->rule->slug));
	mz_json_add(o, "level", mz_json_string(a, mz_level_name(f->level)));
	mz_json_add(o, "message", mz_json_string(a, f->message));
	mz_json_add(o, "location", location(a, f->at));
	cJSON *related = mz_json_array();
	const struct mz_location *r = f->related.items;
	for (size_t i = 0; i < f->related.len; i++)
		mz_json_add(related, NULL, location(a, r[i]));
	mz_json_add(o, "related", related);
	mz_json_add(o, "server_says", mz_json_string(a, f->server_says));
	mz_json_add(o, "current", mz_json_string(a, f->current));
	mz_json_add(o, "recommended", mz_json_string(a, f->recommended));
	mz_json_add(o, "arithmetic", mz_json_string(a, f->arithmetic));
	cJSON *terms = mz_json_array();
	const struct mz_term *t = f->terms.items;
	for (size_t i = 0; i < f->terms.len; i++) {
		cJSON *term = mz_json_object();
		mz_json_add(term, "name", mz_json_string(a, t[i].name));
		mz_json_add(term, "value", mz_json_string(a, t[i].value));
		mz_json_add(term, "from", mz_json_string(a, t[i].from));
		mz_json_add(terms, NULL, term);
	}
	mz_json_add(o, "terms", terms);
	mz_json_add(o, "suppression", suppression(a, f->suppression));
	return o;
}

void mz_emit_json(FILE *out, const struct mz_report *report)
{
	const struct mz_findings *findings = report->findings;
	struct mz_arena *a = findings->arena;
	cJSON *root = mz_json_object();
	mz_json_add(root, "schema_version", cJSON_CreateNumber(REPORT_SCHEMA_VERSION));
	cJSON *tool = mz_json_object();
	mz_json_add(tool, "name", mz_json_string(a, "mysizer"));
	mz_json_add(tool, "version", mz_json_string(a, MYSIZER_VERSION));
	mz_json_add(root, "tool", tool);
	mz_json_add(root, "target", mz_json_string(a, report->target->name));
	mz_json_add(root, "config", mz_json_string(a, report->config));
	/* Where the running server's data came from: a dump, live mode's server, or null. */
	cJSON *observed = mz_json_object();
	mz_json_add(observed, "variables", mz_json_string(a, report->observed->variables.file));
	mz_json_add(observed, "status", mz_json_string(a, report->observed->status.file));
	mz_json_add(observed, "processlist", mz_json_string(a, report->observed->processlist.file));
	cJSON *unread = mz_json_array();
	for (const char *const *u = report->observed->unread; u && *u; u++)
		mz_json_add(unread, NULL, mz_json_string(a, *u));
	mz_json_add(observed, "unread", unread);
	mz_json_add(root, "observed", observed);

	cJSON *list = mz_json_array();
	const struct mz_finding *f = findings->list.items;
	for (size_t i = 0; i < findings->list.len; i++)
		mz_json_add(list, NULL, finding(a, &f[i]));
	mz_json_add(root, "findings", list);

	cJSON *skipped = mz_json_array();
	const struct mz_skip *s = findings->skipped.items;
	for (size_t i = 0; i < findings->skipped.len; i++) {
		cJSON *skip = mz_json_object();
		mz_json_add(skip, "rule", mz_json_string(a, s[i].rule->id));
		mz_json_add(skip, "reason", mz_json_string(a, s[i].why));
		mz_json_add(skipped, NULL, skip);
	}
	mz_json_add(root, "skipped", skipped);

	struct mz_counts n;
	mz_findings_count(findings, &n);
	cJSON *summary = mz_json_object();
	mz_json_add(summary, "error", cJSON_CreateNumber((double)n.level[MZ_LEVEL_ERROR]));
	mz_json_add(summary, "warning", cJSON_CreateNumber((double)n.level[MZ_LEVEL_WARNING]));
	mz_json_add(summary, "info", cJSON_CreateNumber((double)n.level[MZ_LEVEL_INFO]));
	mz_json_add(summary, "suppressed", cJSON_CreateNumber((double)n.suppressed));
	mz_json_add(summary, "skipped", cJSON_CreateNumber((double)findings->skipped.len));
	mz_json_add(root, "summary", summary);
	mz_json_print(out, root);
}
