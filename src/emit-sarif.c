/* The report as SARIF 2.1.0, as GitHub code scanning reads it. */
#include "mysizer/emit.h"

#include <inttypes.h>
#include <string.h>

#include "json-build.h"
#include "mysizer/rule.h"

static const char *const sarif_levels[] = { "note", "warning", "error" };

/* The first paragraph of the page's "What it checks", on one line, without its Markdown:
 * "[text](link)" as text, no backquotes or asterisks. */
static const char *full_description(struct mz_arena *a, const struct mz_rule *rule)
{
	static const char heading[] = "## What it checks\n\n";
	const char *page = mz_rule_page(rule);
	const char *start = page ? strstr(page, heading) : NULL;
	if (!start)
		return rule->title;
	start += sizeof heading - 1;
	const char *end = strstr(start, "\n\n");
	if (!end)
		end = start + strlen(start);
	struct mz_vec text = { 0 };
	for (const char *p = start; p < end; p++) {
		const char *link = *p == '[' ? strstr(p, "](") : NULL;
		const char *link_end = link && link < end ? memchr(link, ')', (size_t)(end - link))
							  : NULL;
		if (link_end) {
			mz_text_printf(a, &text, "%.*s", (int)(link - p - 1), p + 1);
			p = link_end;
		} else if (*p == '\n') {
			mz_text_printf(a, &text, " ");
		} else if (*p != '`' && *p != '*') {
			mz_text_printf(a, &text, "%c", *p);
		}
	}
	return text.items ? text.items : rule->title;
}

static cJSON *text_object(struct mz_arena *a, const char *key, const char *text)
{
	cJSON *o = mz_json_object();
	mz_json_add(o, key, mz_json_string(a, text));
	return o;
}

static cJSON *rule_descriptor(struct mz_arena *a, const struct mz_rule *rule)
{
	cJSON *o = mz_json_object();
	mz_json_add(o, "id", mz_json_string(a, rule->id));
	mz_json_add(o, "name", mz_json_string(a, rule->slug));
	mz_json_add(o, "shortDescription", text_object(a, "text", rule->title));
	mz_json_add(o, "fullDescription", text_object(a, "text", full_description(a, rule)));
	const char *page = mz_rule_page(rule);
	cJSON *help = text_object(a, "text", page ? page : rule->title);
	if (page)
		mz_json_add(help, "markdown", mz_json_string(a, page));
	mz_json_add(o, "help", help);
	mz_json_add(o, "helpUri", mz_json_string(a, mz_printf(a, "%s/blob/main/docs/rules/%s.md",
							       MYSIZER_HOMEPAGE, rule->id)));
	mz_json_add(o, "defaultConfiguration", text_object(a, "level", sarif_levels[rule->level]));
	return o;
}

/* A path as a URI reference: relative to the working directory when it is under it. */
static const char *uri(struct mz_arena *a, const char *cwd, const char *path)
{
	size_t len = cwd ? strlen(cwd) : 0;
	if (len && strncmp(path, cwd, len) == 0 && path[len] == '/')
		path += len + 1;
	struct mz_vec out = { 0 };
	if (*path == '/')
		mz_text_printf(a, &out, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			mz_text_printf(a, &out, "%c", *p);
		else
			mz_text_printf(a, &out, "%%%02X", *p);
	}
	return out.items ? out.items : "";
}

static cJSON *location(struct mz_arena *a, const char *cwd, struct mz_location at)
{
	cJSON *physical = mz_json_object();
	mz_json_add(physical, "artifactLocation", text_object(a, "uri", uri(a, cwd, at.file)));
	if (at.line) {
		cJSON *region = mz_json_object();
		mz_json_add(region, "startLine", cJSON_CreateNumber(at.line));
		mz_json_add(physical, "region", region);
	}
	cJSON *o = mz_json_object();
	mz_json_add(o, "physicalLocation", physical);
	if (at.label || at.pointer) {
		const char *text = at.label && at.pointer ? mz_printf(a, "%s (%s)", at.label, at.pointer)
				   : at.label		  ? at.label
							  : at.pointer;
		mz_json_add(o, "message", text_object(a, "text", text));
	}
	return o;
}

/*
 * What identifies a finding across runs whatever edits move it: its rule, its file, its JSON
 * Pointer and its message with the numbers taken out (they change with the values), FNV-1a.
 */
static uint64_t identity(const struct mz_finding *f)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	const char *parts[] = { f->rule->id, f->at.file, f->at.pointer ? f->at.pointer : "",
				f->message };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		bool in_number = false;
		for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++) {
			bool digit = *p >= '0' && *p <= '9';
			if (digit && in_number)
				continue;
			in_number = digit;
			h = (h ^ (digit ? '#' : *p)) * UINT64_C(0x100000001b3);
		}
		h *= UINT64_C(0x100000001b3); /* where one part ends and the next begins */
	}
	return h;
}

static cJSON *result(struct mz_arena *a, const struct mz_report *report, size_t index,
		     const size_t *rule_index)
{
	const struct mz_finding *list = report->findings->list.items;
	const struct mz_finding *f = &list[index];
	size_t rule = 0;
	while (mz_rules[rule] != f->rule)
		rule++;
	cJSON *o = mz_json_object();
	mz_json_add(o, "ruleId", mz_json_string(a, f->rule->id));
	mz_json_add(o, "ruleIndex", cJSON_CreateNumber((double)rule_index[rule]));
	mz_json_add(o, "level", mz_json_string(a, sarif_levels[f->level]));
	mz_json_add(o, "message", text_object(a, "text", mz_finding_text(a, f)));
	cJSON *locations = mz_json_array();
	mz_json_add(locations, NULL, location(a, report->cwd, f->at));
	mz_json_add(o, "locations", locations);
	if (f->related.len) {
		cJSON *related = mz_json_array();
		const struct mz_location *r = f->related.items;
		for (size_t i = 0; i < f->related.len; i++) {
			cJSON *l = location(a, report->cwd, r[i]);
			mz_json_add(l, "id", cJSON_CreateNumber((double)i));
			mz_json_add(related, NULL, l);
		}
		mz_json_add(o, "relatedLocations", related);
	}
	/* Two findings alike are told apart by their order. */
	uint64_t id = identity(f);
	size_t again = 0;
	for (size_t i = 0; i < index; i++)
		again += identity(&list[i]) == id;
	mz_json_add(o, "partialFingerprints",
		    text_object(a, "mysizerFinding/v1",
				mz_printf(a, "%016" PRIx64 ":%zu", id, again + 1)));
	if (f->suppression) {
		cJSON *s = mz_json_object();
		mz_json_add(s, "kind", mz_json_string(a, "inSource"));
		if (f->suppression->reason)
			mz_json_add(s, "justification", mz_json_string(a, f->suppression->reason));
		mz_json_add(s, "location", location(a, report->cwd, f->suppression->at));
		cJSON *suppressions = mz_json_array();
		mz_json_add(suppressions, NULL, s);
		mz_json_add(o, "suppressions", suppressions);
	}
	return o;
}

void mz_emit_sarif(FILE *out, const struct mz_report *report)
{
	struct mz_arena *a = report->findings->arena;
	cJSON *driver = mz_json_object();
	mz_json_add(driver, "name", mz_json_string(a, "mysizer"));
	mz_json_add(driver, "version", mz_json_string(a, MYSIZER_VERSION));
	mz_json_add(driver, "semanticVersion", mz_json_string(a, MYSIZER_VERSION));
	mz_json_add(driver, "informationUri", mz_json_string(a, MYSIZER_HOMEPAGE));
	/* The rules the results name, each with its page: all of them would weigh half a
	 * megabyte. rule_index maps the rule table to this array. */
	const struct mz_finding *list = report->findings->list.items;
	size_t n = report->findings->list.len;
	size_t *rule_index = mz_alloc_array(a, mz_rule_count, sizeof *rule_index);
	cJSON *rules = mz_json_array();
	size_t described = 0;
	for (size_t r = 0; r < mz_rule_count; r++) {
		bool named = false;
		for (size_t i = 0; i < n && !named; i++)
			named = list[i].rule == mz_rules[r];
		if (!named)
			continue;
		rule_index[r] = described++;
		mz_json_add(rules, NULL, rule_descriptor(a, mz_rules[r]));
	}
	mz_json_add(driver, "rules", rules);
	cJSON *tool = mz_json_object();
	mz_json_add(tool, "driver", driver);

	cJSON *results = mz_json_array();
	for (size_t i = 0; i < n; i++)
		mz_json_add(results, NULL, result(a, report, i, rule_index));
	cJSON *run = mz_json_object();
	mz_json_add(run, "tool", tool);
	mz_json_add(run, "results", results);
	cJSON *runs = mz_json_array();
	mz_json_add(runs, NULL, run);

	cJSON *root = mz_json_object();
	mz_json_add(root, "$schema", mz_json_string(a, "https://json.schemastore.org/sarif-2.1.0.json"));
	mz_json_add(root, "version", mz_json_string(a, "2.1.0"));
	mz_json_add(root, "runs", runs);
	mz_json_print(out, root);
}
