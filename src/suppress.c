#include "mysizer/suppress.h"

#include <string.h>

#include "mysizer/rule.h"

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

static void malformed(struct mz_arena *arena, struct mz_suppressions *out, struct mz_location at,
		      const char *fmt, const char *arg)
{
	struct mz_malformed *m = mz_vec_push(arena, &out->malformed, sizeof *m);
	*m = (struct mz_malformed){ at, mz_printf(arena, fmt, arg) };
}

/*
 * "ID[,ID...] [reason]" into s: its rules and its reason. Names that are no rule are
 * reported, and a directive (written) that names none; false when no rule is left.
 */
static bool read_rules(struct mz_arena *arena, struct mz_suppressions *out, const char *written,
		       const char *text, struct mz_suppression *s)
{
	size_t list_len = 0;
	while (text[list_len] && !blank(text[list_len]))
		list_len++;
	const char *reason = text + list_len;
	while (blank(*reason))
		reason++;
	s->reason = *reason ? reason : NULL;

	struct mz_vec rules = { 0 };
	for (const char *p = text; p < text + list_len;) {
		size_t len = strcspn(p, ",");
		if (len > list_len - (size_t)(p - text))
			len = list_len - (size_t)(p - text);
		const char *name = mz_strndup(arena, p, len);
		const struct mz_rule *rule = *name ? mz_rule_find(name) : NULL;
		if (rule)
			*(const struct mz_rule **)mz_vec_push(arena, &rules, sizeof rule) = rule;
		else if (*name)
			malformed(arena, out, s->at, "'%s' is not a rule; 'mysizer rules' lists them",
				  name);
		p += len + 1;
	}
	s->rules = rules.items;
	s->n_rules = rules.len;
	if (!list_len)
		malformed(arena, out, s->at, "'%s' names no rule", written);
	return rules.len > 0;
}

/* text is the list and the reason, as written or after "ignore=". */
static void add(struct mz_arena *arena, struct mz_suppressions *out, struct mz_suppression *s,
		const char *written, const char *text)
{
	if (read_rules(arena, out, written, text, s))
		*(struct mz_suppression *)mz_vec_push(arena, &out->list, sizeof *s) = *s;
}

/* "ignore=ID,ID reason" or "ignore-file=ID reason" after "# mysizer:". */
static void read_pragma(struct mz_arena *arena, const struct mz_pragma *p,
			struct mz_suppressions *out)
{
	struct mz_suppression s = { .at = { p->at.file, p->at.line, NULL, NULL },
				    .file = p->at.file };
	size_t keyword = strcspn(p->text, "= \t");
	const char *name = mz_strndup(arena, p->text, keyword);
	if (p->text[keyword] != '=') {
		malformed(arena, out, s.at, "'%s' needs '=' and the rules: "
			  "'ignore=ID[,ID...] [reason]' or 'ignore-file=ID[,ID...] [reason]'", name);
		return;
	}
	if (keyword == 6 && memcmp(p->text, "ignore", 6) == 0) {
		if (!p->applies_to) {
			malformed(arena, out, s.at, "'%s' is followed by no line it could apply to; "
				  "put it before an option or at the end of its line", p->text);
			return;
		}
		s.scope = MZ_SCOPE_LINE;
		s.line = p->applies_to;
	} else if (keyword == 11 && memcmp(p->text, "ignore-file", 11) == 0) {
		s.scope = MZ_SCOPE_FILE;
	} else {
		malformed(arena, out, s.at, "'%s' is not a mysizer directive; they are "
			  "'ignore=ID[,ID...] [reason]' and 'ignore-file=ID[,ID...] [reason]'", name);
		return;
	}
	add(arena, out, &s, p->text, p->text + keyword + 1);
}

static void read_list(struct mz_arena *arena, const struct mz_ignore *list, size_t n,
		      struct mz_suppression s, struct mz_suppressions *out)
{
	for (size_t i = 0; i < n; i++) {
		s.at = mz_where_location(list[i].at, NULL);
		add(arena, out, &s, list[i].text, list[i].text);
	}
}

void mz_suppressions_read(struct mz_arena *arena, const struct mz_optfile *options,
			  const struct mz_deploy *deploy, struct mz_suppressions *out)
{
	*out = (struct mz_suppressions){ 0 };
	for (size_t i = 0; options && i < options->n_pragmas; i++)
		read_pragma(arena, &options->pragmas[i], out);
	read_list(arena, deploy->ignore, deploy->n_ignore,
		  (struct mz_suppression){ .scope = MZ_SCOPE_RUN }, out);
	for (size_t i = 0; i < deploy->n_apps; i++) {
		const struct mz_app *app = &deploy->apps[i];
		read_list(arena, app->ignore, app->n_ignore,
			  (struct mz_suppression){ .scope = MZ_SCOPE_OBJECT,
						   .file = app->object.file,
						   .pointer = app->object.pointer },
			  out);
	}
}

/* Whether a JSON Pointer is the object's or inside it. */
static bool inside(const char *pointer, const char *object)
{
	size_t len = strlen(object);
	return pointer && strncmp(pointer, object, len) == 0 &&
	       (pointer[len] == '\0' || pointer[len] == '/');
}

static bool covers(const struct mz_suppression *s, const struct mz_finding *f)
{
	bool rule = false;
	for (size_t i = 0; i < s->n_rules && !rule; i++)
		rule = s->rules[i] == f->rule;
	if (!rule)
		return false;
	switch (s->scope) {
	case MZ_SCOPE_LINE:
		return f->at.line == s->line && strcmp(f->at.file, s->file) == 0;
	case MZ_SCOPE_OBJECT:
		return strcmp(f->at.file, s->file) == 0 && (!*s->pointer || inside(f->at.pointer,
										   s->pointer));
	case MZ_SCOPE_FILE:
		return strcmp(f->at.file, s->file) == 0;
	case MZ_SCOPE_RUN:
		return true;
	}
	return false;
}

void mz_suppressions_apply(const struct mz_suppressions *suppressions,
			   struct mz_findings *findings, size_t first)
{
	const struct mz_suppression *list = suppressions->list.items;
	struct mz_finding *f = findings->list.items;
	for (size_t i = first; i < findings->list.len; i++)
		for (int scope = MZ_SCOPE_LINE; scope <= MZ_SCOPE_RUN && !f[i].suppression; scope++)
			for (size_t j = 0; j < suppressions->list.len && !f[i].suppression; j++)
				if ((int)list[j].scope == scope && covers(&list[j], &f[i]))
					f[i].suppression = &list[j];
}
