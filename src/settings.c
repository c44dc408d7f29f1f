/* The settings table: every setting of .mysizer.ini's [check], also a --name option. */
#include "mysizer/settings.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ini-text.h"
#include "mysizer/target.h"
#include "mysizer/text.h"
#include "optfile-input.h"

enum kind { TARGET, NAME, NUMBER };

struct setting {
	const char *name;
	enum kind kind;
	size_t offset;            /* in struct mz_settings */
	const char *const *names; /* NAME: the values, in the order of their codes */
	unsigned min, max;        /* NUMBER */
	const char *what;         /* NUMBER: what the number is, after "a whole number of" */
};

static const char *const fail_on_names[] = { "info", "warning", "error", "never", NULL };
static const char *const format_names[] = { "text", "json", "sarif", "github", NULL };
static const char *const rule_level_names[] = { "info", "warning", "error", "off", NULL };

#define AT(field) offsetof(struct mz_settings, field)
static const struct setting settings_table[] = {
	{ "target", TARGET, AT(target), NULL, 0, 0, NULL },
	{ "fail-on", NAME, AT(fail_on), fail_on_names, 0, 0, NULL },
	{ "format", NAME, AT(format), format_names, 0, 0, NULL },
	{ "memory-percent", NUMBER, AT(thresholds.memory_percent), NULL, 1, 100, "percent" },
	{ "headroom-percent", NUMBER, AT(thresholds.headroom_percent), NULL, 1, 100, "percent" },
	{ "lifetime-margin", NUMBER, AT(thresholds.lifetime_margin), NULL, 0, 3600, "seconds" },
	{ "long-wait-timeout", NUMBER, AT(thresholds.long_wait_timeout), NULL, 1, 31536000,
	  "seconds" },
};
#undef AT
enum { SETTING_COUNT = sizeof settings_table / sizeof settings_table[0] };

void mz_settings_default(struct mz_settings *out)
{
	*out = (struct mz_settings){
		.fail_on = MZ_LEVEL_ERROR,
		.format = MZ_FORMAT_TEXT,
		.thresholds = mz_thresholds_default,
	};
}

static const struct setting *find(const char *name)
{
	for (size_t i = 0; i < SETTING_COUNT; i++)
		if (strcmp(settings_table[i].name, name) == 0)
			return &settings_table[i];
	return NULL;
}

bool mz_settings_has(const char *name)
{
	return find(name) != NULL;
}

static int name_index(const char *const *names, const char *value)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], value) == 0)
			return i;
	return -1;
}

static const char *names_text(struct mz_arena *arena, const char *const *names)
{
	struct mz_vec text = { 0 };
	for (size_t i = 0; names[i]; i++)
		mz_text_printf(arena, &text, "%s%s", i == 0 ? "" : names[i + 1] ? ", " : " or ",
			       names[i]);
	return text.items;
}

static const char *set_rule(struct mz_arena *arena, struct mz_settings *settings,
			    const char *name, const char *value, const char *from)
{
	const struct mz_rule *rule = mz_rule_find(name);
	if (!rule)
		return "is not a rule; 'mysizer rules' lists them";
	int level = name_index(rule_level_names, value);
	if (level < 0)
		return mz_printf(arena, "is %s, not '%s'", names_text(arena, rule_level_names),
				 value);
	struct mz_rule_setting *rs = mz_vec_push(arena, &settings->rules, sizeof *rs);
	*rs = (struct mz_rule_setting){ rule, level, from };
	return NULL;
}

static const char *nearest_setting(struct mz_arena *arena, const char *name)
{
	const char *best = NULL;
	size_t best_distance = 3;
	for (size_t i = 0; i < SETTING_COUNT; i++) {
		size_t d = mz_edit_distance(name, settings_table[i].name);
		if (d < best_distance) {
			best = settings_table[i].name;
			best_distance = d;
		}
	}
	return best ? mz_printf(arena, " (did you mean '%s'?)", best) : "";
}

const char *mz_settings_set(struct mz_arena *arena, struct mz_settings *settings,
			    const char *section, const char *name, const char *value,
			    const char *from)
{
	if (strcmp(section, "rules") == 0)
		return set_rule(arena, settings, name, value, from);
	if (strcmp(section, "check") != 0)
		return mz_printf(arena, "is in section [%s]; the sections are [check] and [rules]",
				 section);
	const struct setting *s = find(name);
	if (!s)
		return mz_printf(arena, "is not a setting%s", nearest_setting(arena, name));
	void *slot = (char *)settings + s->offset;
	switch (s->kind) {
	case TARGET:
		if (!mz_target_find(value))
			return mz_printf(arena, "is a target such as mariadb-10.11 ('mysizer --help' "
					 "lists them), not '%s'", value);
		*(const char **)slot = mz_target_find(value)->name;
		return NULL;
	case NAME: {
		int i = name_index(s->names, value);
		if (i < 0)
			return mz_printf(arena, "is %s, not '%s'", names_text(arena, s->names), value);
		*(int *)slot = i;
		return NULL;
	}
	case NUMBER: {
		char *end;
		errno = 0;
		unsigned long n = strtoul(value, &end, 10);
		if (*value < '0' || *value > '9' || *end || errno || n < s->min || n > s->max)
			return mz_printf(arena, "is a whole number of %s from %u to %u, not '%s'",
					 s->what, s->min, s->max, value);
		*(unsigned *)slot = (unsigned)n;
		return NULL;
	}
	}
	return NULL;
}

struct file_reader {
	struct mz_arena *arena;
	const char *path;
	struct mz_settings *settings;
	const char *error;   /* the first problem, with its line */
};

static int on_entry(void *user, unsigned line, const char *section, const char *name,
		    const char *value)
{
	struct file_reader *r = user;
	if (r->error)
		return 0;
	const char *from = mz_printf(r->arena, "%s:%u", r->path, line);
	const char *why = !*section ? "comes before any [section]"
				    : mz_settings_set(r->arena, r->settings, section, name, value,
						      from);
	if (why)
		r->error = mz_printf(r->arena, "%s: error: '%s' %s", from, name, why);
	return !why;
}

bool mz_settings_read(struct mz_arena *arena, const char *path, struct mz_settings *settings,
		      const char **error)
{
	char *text;
	size_t len;
	int err = 0;
	enum mz_input_status status = mz_input_read_all(arena, path, &text, &len, &err);
	if (status != MZ_INPUT_OK) {
		*error = mz_printf(arena, "mysizer: settings file: %s",
				   mz_input_problem(arena, status, path, err, "settings files"));
		return false;
	}
	struct file_reader r = { arena, path, settings, NULL };
	int bad_line = mz_ini_parse(text, len, on_entry, &r);
	if (r.error) {
		*error = r.error;
		return false;
	}
	if (bad_line) {
		*error = mz_printf(arena, "%s:%d: error: not a '[section]', 'name = value' or a "
				   "comment", path, bad_line);
		return false;
	}
	return true;
}

int mz_settings_rule_level(const struct mz_settings *settings, const struct mz_rule *rule,
			   const char **from)
{
	const struct mz_rule_setting *list = settings->rules.items;
	for (size_t i = settings->rules.len; i-- > 0;)
		if (list[i].rule == rule) {
			*from = list[i].from;
			return list[i].level;
		}
	*from = NULL;
	return (int)rule->level;
}
