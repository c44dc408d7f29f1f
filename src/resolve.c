/*
 * The option layer: each option the server reads, matched to a catalog row as my_getopt's
 * handle_options() and findopt() match it, its value read for the row's type, and the last
 * occurrence kept. Then startup (startup.c) and the table of effective values.
 */
#include "mysizer/server.h"
#include "mysizer/text.h"
#include "resolve-value.h"
#include "resolve.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* my_getopt's exit statuses */
enum {
	EXIT_UNKNOWN_OPTION = 2,
	EXIT_AMBIGUOUS_OPTION = 3,
	EXIT_NO_ARGUMENT_ALLOWED = 4,
	EXIT_ARGUMENT_REQUIRED = 5,
	EXIT_UNKNOWN_VARIABLE = 7,
	EXIT_NO_PTR_TO_VARIABLE = 10,
	EXIT_ARGUMENT_INVALID = 13,
};

static const char *const issue_slugs[MZ_ISSUE_KIND_COUNT] = {
#define MZ_ISSUE_SLUG(id, slug) [MZ_ISSUE_##id] = slug,
	MZ_ISSUE_LIST(MZ_ISSUE_SLUG)
#undef MZ_ISSUE_SLUG
};

const char *mz_issue_slug(enum mz_issue_kind kind)
{
	return issue_slugs[kind];
}

/* What a special prefix asks of the option after it. */
enum mode { MODE_SET, MODE_DISABLE, MODE_ENABLE, MODE_MAXIMUM, MODE_AUTOSET };

struct match {
	const struct mz_var *var;
	const struct mz_var *also; /* a second row the prefix matches: ambiguous */
	bool by_prefix;
	bool loose;
	enum mode mode;
	const char *name;          /* the name after the special prefixes, as written */
};

static __attribute__((format(printf, 7, 8))) struct mz_issue *
issue(struct resolver *r, enum mz_issue_kind kind, enum mz_severity severity,
      const struct mz_option *option, const struct mz_var *var, const char *server_text,
      const char *fmt, ...)
{
	struct mz_issue *i = mz_vec_push(r->arena, &r->issues, sizeof *i);
	i->kind = kind;
	i->severity = severity;
	i->option = option;
	i->var = var;
	i->server_text = server_text;
	va_list ap;
	va_start(ap, fmt);
	i->message = mz_vprintf(r->arena, fmt, ap);
	va_end(ap);
	return i;
}

/* The server refuses to start; the first reason decides its exit status. */
static void refuse(struct resolver *r, int status)
{
	if (!r->refusal)
		r->refusal = status;
}

void mz_resolver_refuse(struct resolver *r, int status, enum mz_issue_kind kind,
			const struct mz_option *option, const struct mz_var *var,
			const char *server_text, const char *message)
{
	refuse(r, status);
	issue(r, kind, MZ_SEV_FATAL, option, var, server_text, "%s", message);
}

/* Dashes and underscores are one; MariaDB also ignores case. */
static char *catalog_key(struct resolver *r, const char *name)
{
	char *key = mz_strdup(r->arena, name);
	for (char *p = key; *p; p++) {
		if (*p == '-')
			*p = '_';
		else if (r->target->flavour == MZ_MARIADB)
			*p = (char)tolower((unsigned char)*p);
	}
	return key;
}

/* Whether the line may name this row: a startup option, or log_bin (its option is log-bin). */
static bool settable(const struct mz_var *var)
{
	return (var->flags & MZ_VAR_OPTION) || strcmp(var->name, "log_bin") == 0;
}

/*
 * MariaDB reads options in two passes: the early one knows only its early options, the main
 * one only the others. MySQL has one pass that knows every option.
 */
enum pass { PASS_ALL, PASS_EARLY, PASS_MAIN };

static bool in_pass(const struct mz_var *var, enum pass pass)
{
	bool early = var->flags & MZ_VAR_EARLY;
	return pass == PASS_ALL || (pass == PASS_EARLY) == early;
}

/* findopt(): the exact name, or on MariaDB a unique prefix among the pass's options. */
static void find_option(struct resolver *r, const char *key, enum pass pass, struct match *m)
{
	const struct mz_catalog *c = r->catalog;
	const struct mz_var *exact = mz_catalog_find(c, key);
	if (exact && settable(exact) && in_pass(exact, pass)) {
		m->var = exact;
		return;
	}
	if (!r->prefix_matching)
		return;
	size_t lo = 0, hi = c->n_vars, len = strlen(key);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(c->vars[mid].name, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < c->n_vars && strncmp(c->vars[i].name, key, len) == 0; i++) {
		const struct mz_var *v = &c->vars[i];
		/* Plugins not loaded and the ignored placeholders take no part in prefixes. */
		if (!settable(v) || (v->flags & (MZ_VAR_PLUGIN | MZ_VAR_IGNORED)) ||
		    !in_pass(v, pass))
			continue;
		if (!m->var) {
			m->var = v;
			m->by_prefix = true;
		} else if (!m->also) {
			m->also = v;
		}
	}
}

/* A special prefix and the '-' or '_' after it; its length, or 0. */
static size_t special_prefix(struct resolver *r, const char *name, enum mode *mode, bool *loose)
{
	static const struct {
		const char *word;
		enum mode mode;
		bool loose;
		bool mariadb_only;
	} prefixes[] = {
		{ "skip", MODE_DISABLE, false, false }, { "disable", MODE_DISABLE, false, false },
		{ "enable", MODE_ENABLE, false, false }, { "maximum", MODE_MAXIMUM, false, false },
		{ "loose", MODE_SET, true, false },      { "autoset", MODE_AUTOSET, false, true },
	};
	bool mariadb = r->target->flavour == MZ_MARIADB;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t n = strlen(prefixes[i].word);
		if (prefixes[i].mariadb_only && !mariadb)
			continue;
		bool same = mariadb ? strncasecmp(name, prefixes[i].word, n) == 0
				    : strncmp(name, prefixes[i].word, n) == 0;
		if (same && (name[n] == '-' || name[n] == '_')) {
			if (prefixes[i].loose)
				*loose = true;
			else
				*mode = prefixes[i].mode;
			return n + 1;
		}
	}
	return 0;
}

/* handle_options(): special prefixes are stripped, one after another, until a name matches. */
static void match_option(struct resolver *r, const char *name, enum pass pass, struct match *m)
{
	*m = (struct match){ .mode = MODE_SET, .name = name };
	for (;;) {
		find_option(r, catalog_key(r, m->name), pass, m);
		if (m->var)
			return;
		size_t skip = special_prefix(r, m->name, &m->mode, &m->loose);
		if (!skip)
			return;
		m->name += skip;
	}
}

/* The real option nearest to a name that is none, if one is near enough to be a typo. */
static const char *nearest_option(struct resolver *r, const char *key)
{
	const char *best = NULL;
	size_t best_distance = strlen(key) / 3 + 1;
	for (size_t i = 0; i < r->catalog->n_vars; i++) {
		const struct mz_var *v = &r->catalog->vars[i];
		if (!settable(v))
			continue;
		size_t d = mz_edit_distance(key, v->name);
		if (d < best_distance || (d == best_distance && !best && d <= 2)) {
			best = v->name;
			best_distance = d;
		}
	}
	return best;
}

static const char *as_written(struct resolver *r, const struct mz_option *o)
{
	return o->value ? mz_printf(r->arena, "%s=%s", o->name, o->value) : o->name;
}

/* The nearer of the names the line may have meant: as written, or without its prefixes. */
static const char *suggestion(struct resolver *r, const char *written, const char *stripped)
{
	const char *a = nearest_option(r, catalog_key(r, written));
	const char *b = nearest_option(r, catalog_key(r, stripped));
	if (!a || !b)
		return a ? a : b;
	return mz_edit_distance(catalog_key(r, written), a) <= mz_edit_distance(catalog_key(r, stripped), b)
		       ? a
		       : b;
}

static void unknown(struct resolver *r, const struct mz_option *o, const struct match *m)
{
	const char *key = catalog_key(r, m->name);
	const char *text = as_written(r, o);
	const char *what = o->value ? "variable" : "option";
	const struct mz_removed *gone = mz_catalog_removed(r->catalog, key);
	if (m->loose) {
		const char *near = gone ? NULL : nearest_option(r, key);
		struct mz_issue *i = issue(
			r, MZ_ISSUE_UNKNOWN_LOOSE, MZ_SEV_WARNING, o, NULL,
			mz_printf(r->arena, "%s: unknown %s '%s'", r->target->server, what, text),
			"'%s' is not an option of %s%s%s; 'loose-' makes the server skip it with a "
			"warning", m->name, r->target->name,
			gone ? mz_printf(r->arena, " (removed: %s)", gone->removed_in) : "",
			near ? mz_printf(r->arena, " (did you mean '%s'?)", near) : "");
		i->suggestion = near;
		return;
	}
	refuse(r, o->value ? EXIT_UNKNOWN_VARIABLE : EXIT_UNKNOWN_OPTION);
	const char *server_text = mz_printf(r->arena, "%s: unknown %s '%s%s'%s", r->target->server,
					    what, o->value ? "" : "--", text,
					    r->target->flavour == MZ_MYSQL ? "." : "");
	if (gone) {
		bool none = strncmp(gone->replacement, "none", 4) == 0;
		issue(r, MZ_ISSUE_REMOVED_OPTION, MZ_SEV_FATAL, o, NULL, server_text,
		      "'%s' no longer exists on %s, so the server refuses to start; removed: %s; "
		      "%s%s%s", m->name, r->target->name, gone->removed_in,
		      none ? "there is no replacement" : "use '", none ? "" : gone->replacement,
		      none ? "" : "' instead");
		return;
	}
	const char *nearest = suggestion(r, o->name, m->name);
	struct mz_issue *i = issue(r, MZ_ISSUE_UNKNOWN_OPTION, MZ_SEV_FATAL, o, NULL, server_text,
				   "unknown option '%s'%s; %s refuses to start", o->name,
				   nearest ? mz_printf(r->arena, " (did you mean '%s'?)", nearest) : "",
				   r->target->server);
	i->suggestion = nearest;
}

/* The slot of a catalog row. */
static struct slot *slot_of(struct resolver *r, const struct mz_var *var)
{
	return &r->slots[var - r->catalog->vars];
}

struct slot *mz_resolver_slot(struct resolver *r, enum mz_sizing_var var)
{
	const struct mz_var *v = mz_catalog_sizing(r->catalog, var);
	return v ? slot_of(r, v) : NULL;
}

void mz_resolver_step(struct resolver *r, struct slot *s, enum mz_step_kind kind,
		      const struct mz_option *option, const char *value, const char *why,
		      const char *server_text)
{
	struct mz_step *step = mz_vec_push(r->arena, &s->steps, sizeof *step);
	*step = (struct mz_step){ kind, option, value, why, server_text };
	s->text = value;
	s->changed = ++r->clock;
}

/* The value a bare key stands for; NULL when the key needs a value. */
static const char *bare_value(const struct mz_var *var)
{
	if (var->type == MZ_TYPE_ENUM && var->values && strncmp(var->values, "OFF,ON,", 7) == 0)
		return "ON"; /* a plugin's load option: --innodb loads it */
	if (var->arg == MZ_ARG_REQUIRED)
		return NULL;
	if (var->type == MZ_TYPE_BOOL)
		return "1";
	return "";
}

/* A set value's story: the line, then what the range and block size made of it. */
static void record(struct resolver *r, const struct mz_option *o, const struct mz_var *var,
		   const char *raw, const struct mz_parsed *p)
{
	struct slot *s = slot_of(r, var);
	if (var->flags & MZ_VAR_LIST) {
		/* The occurrences add up; the server shows the list in its own form. */
		mz_resolver_step(r, s, MZ_STEP_SET, o, p->text,
				 mz_printf(r->arena, "adds '%s' to the list", raw), NULL);
		s->set = true;
		s->exact = false;
		s->last = o;
		return;
	}
	if (s->set && s->last && s->last != o && strcmp(s->text, p->text) != 0) {
		struct mz_issue *i = issue(r, MZ_ISSUE_OVERRIDDEN, MZ_SEV_NOTE, s->last, var, NULL,
					   "'%s' is set again later, to '%s'; this value '%s' is "
					   "not used", var->name, p->text, s->text);
		i->other = o;
	}
	const char *requested = p->clamped || p->rounded
					? mz_value_integer_text(r->arena, var, p->requested)
					: p->text;
	mz_resolver_step(r, s, MZ_STEP_SET, o, requested,
			 mz_printf(r->arena, "set to '%s'", raw), NULL);
	if (p->clamped)
		mz_resolver_step(r, s, MZ_STEP_CLAMPED, o, p->text,
				 mz_printf(r->arena, "outside its range, adjusted to %s", p->text),
				 p->server_text);
	else if (p->rounded)
		mz_resolver_step(r, s, MZ_STEP_ROUNDED, o, p->text,
				 mz_printf(r->arena, "rounded down to a multiple of %llu",
					   (unsigned long long)var->block),
				 NULL);
	s->number = p->number;
	s->set = true;
	/* A plugin's variable matters only once the plugin loads, and prints its own way; some
	 * values the server respells. */
	s->exact = p->exact && !(var->flags & (MZ_VAR_PLUGIN | MZ_VAR_REWRITTEN));
	s->last = o;
}

static void report_value(struct resolver *r, const struct mz_option *o, const struct mz_var *var,
			 const char *raw, const struct mz_parsed *p)
{
	if (p->trap)
		issue(r, MZ_ISSUE_SUFFIX_TRAP, MZ_SEV_NOTE, o, var, NULL, "%s", p->trap);
	if (p->bad_boolean)
		issue(r, MZ_ISSUE_BAD_BOOLEAN, MZ_SEV_WARNING, o, var, p->server_text,
		      "'%s' is not a boolean (1, 0, on, off, true, false); '%s' is read as OFF", raw,
		      var->name);
	if (p->clamped)
		issue(r, MZ_ISSUE_CLAMPED, MZ_SEV_WARNING, o, var, p->server_text,
		      "'%s' is outside the range of '%s'; the server uses %s", raw, var->name,
		      p->text);
	if (p->rounded)
		issue(r, MZ_ISSUE_ROUNDED, MZ_SEV_NOTE, o, var, NULL,
		      "'%s' is not a multiple of %llu; the server silently uses %s", raw,
		      (unsigned long long)var->block, p->text);
}

static void parse_failed(struct resolver *r, const struct mz_option *o, const struct mz_var *var,
			 const char *raw, const struct mz_parsed *p)
{
	static const enum mz_issue_kind kinds[] = {
		[MZ_PARSE_BAD_SUFFIX] = MZ_ISSUE_BAD_SUFFIX,
		[MZ_PARSE_BAD_INTEGER] = MZ_ISSUE_BAD_INTEGER,
		[MZ_PARSE_NEGATIVE] = MZ_ISSUE_NEGATIVE_UNSIGNED,
		[MZ_PARSE_EMPTY] = MZ_ISSUE_EMPTY_VALUE,
		[MZ_PARSE_BAD_CHOICE] = MZ_ISSUE_BAD_CHOICE,
		[MZ_PARSE_BAD_DECIMAL] = MZ_ISSUE_BAD_DECIMAL,
	};
	static const char *const why[] = {
		[MZ_PARSE_BAD_SUFFIX] = NULL, /* says which suffixes the target knows */
		[MZ_PARSE_BAD_INTEGER] = "the number is too large for the variable",
		[MZ_PARSE_NEGATIVE] = "the variable is unsigned",
		[MZ_PARSE_EMPTY] = "the variable needs a value",
		[MZ_PARSE_BAD_CHOICE] = "it is none of the allowed values",
		[MZ_PARSE_BAD_DECIMAL] = "it is not a decimal number",
	};
	refuse(r, p->exit_status);
	const char *reason = why[p->status];
	if (p->status == MZ_PARSE_BAD_SUFFIX)
		reason = r->target->reader == MZ_READER_MYSQL_5_7
				 ? "only K, M or G may follow the digits"
				 : "only K, M, G, T, P or E may follow the digits";
	/* A long list of choices (sql_mode has 33) helps nobody in one line. */
	bool short_list = var->values && strlen(var->values) <= 80;
	const char *allowed = short_list ? mz_printf(r->arena, " (allowed: %s)", var->values) : "";
	issue(r, kinds[p->status], MZ_SEV_FATAL, o, var, p->server_text,
	      "invalid value '%s' for '%s': %s%s; %s refuses to start", raw, var->name,
	      reason, p->status == MZ_PARSE_BAD_CHOICE ? allowed : "", r->target->server);
}

/* log-bin is a string option; the variable log_bin says whether binary logging is on. */
static void set_log_bin(struct resolver *r, const struct mz_option *o, const struct mz_var *var,
			const char *raw)
{
	struct mz_parsed p = { .exact = true };
	p.text = raw && (strcmp(raw, "0") == 0) ? "OFF" : "ON";
	record(r, o, var, raw ? raw : "", &p);
}

static void apply_match(struct resolver *r, const struct mz_option *o, const struct match *m,
			enum pass pass);

/* One option in one pass; false when the pass does not know it (it is left to the next). */
static bool apply(struct resolver *r, const struct mz_option *o, enum pass pass)
{
	struct match m;
	match_option(r, o->name, pass, &m);
	if (!m.var && pass == PASS_EARLY)
		return false;
	apply_match(r, o, &m, pass);
	return true;
}

static void apply_match(struct resolver *r, const struct mz_option *o, const struct match *mp,
			enum pass pass)
{
	struct match m = *mp;
	if (m.also) {
		refuse(r, EXIT_AMBIGUOUS_OPTION);
		issue(r, MZ_ISSUE_AMBIGUOUS_OPTION, MZ_SEV_FATAL, o, NULL,
		      mz_printf(r->arena, "%s: ambiguous option '--%s' (%s, %s)", r->target->server,
				m.name, m.var->name, m.also->name),
		      "'%s' is the start of more than one option ('%s', '%s', ...); %s refuses "
		      "to start", m.name, m.var->name, m.also->name, r->target->server);
		return;
	}
	if (!m.var) {
		unknown(r, o, &m);
		return;
	}
	const struct mz_var *var = m.var;
	/* The early pass keeps its notes to itself. */
	if (m.by_prefix && pass != PASS_EARLY)
		issue(r, MZ_ISSUE_PREFIX_USED, MZ_SEV_NOTE, o, var,
		      mz_printf(r->arena, "Using unique option prefix '%s' is error-prone and can "
					  "break in the future. Please use the full name '%s' "
					  "instead.", m.name, var->name),
		      "'%s' is only the start of '%s'; MariaDB accepts unique prefixes, but a new "
		      "option can make it ambiguous and stop the server", m.name, var->name);
	if (var->flags & MZ_VAR_IGNORED) {
		const char *says = var->note ? strstr(var->note, "the server warns: ") : NULL;
		issue(r, MZ_ISSUE_IGNORED_OPTION, MZ_SEV_WARNING, o, var,
		      says ? says + strlen("the server warns: ") : NULL,
		      "'%s' no longer does anything on %s: the server accepts it only so that old "
		      "files still start, and ignores its value", m.name, r->target->name);
		return;
	}
	if (var->flags & MZ_VAR_DEPRECATED) {
		/* The catalog's note names the replacement as "use X", where there is one. */
		const char *use = var->note ? strstr(var->note, "use ") : NULL;
		size_t n = use ? strcspn(use, ");") : 0;
		issue(r, MZ_ISSUE_DEPRECATED_OPTION, MZ_SEV_NOTE, o, var, NULL,
		      "'%s' is deprecated on %s and a later version may refuse it%s%.*s", var->name,
		      r->target->name, use ? "; " : "", (int)n, use ? use : "");
	}

	const char *raw = o->value;
	if (m.mode == MODE_DISABLE || m.mode == MODE_ENABLE) {
		/* A value of exactly "0" negates the prefix: skip-X=0 turns X on. */
		bool zero = raw && strcmp(raw, "0") == 0;
		bool on = m.mode == MODE_ENABLE ? !zero : zero;
		raw = on ? "1" : "0";
	} else if (m.mode == MODE_AUTOSET) {
		/* MariaDB 10.11 offers automatic setup to no option a file can name. */
		bool with_value = raw != NULL;
		refuse(r, with_value ? EXIT_NO_ARGUMENT_ALLOWED : EXIT_ARGUMENT_INVALID);
		issue(r, MZ_ISSUE_ARG_NOT_ALLOWED, MZ_SEV_FATAL, o, var,
		      with_value ? mz_printf(r->arena, "%s: automatically set option '--%s' cannot "
					 "take an argument", r->target->server, m.name)
				 : mz_printf(r->arena, "%s: automatic setup request is unsupported by "
					 "option '--%s'", r->target->server, m.name),
		      "'autoset-%s' asks the server to size '%s' itself, which it does not offer; "
		      "%s refuses to start", m.name, var->name, r->target->server);
		return;
	}

	if (strcmp(var->name, "log_bin") == 0) {
		set_log_bin(r, o, var, raw);
		return;
	}
	if (!raw) {
		raw = bare_value(var);
		if (!raw) {
			refuse(r, EXIT_ARGUMENT_REQUIRED);
			issue(r, MZ_ISSUE_ARG_REQUIRED, MZ_SEV_FATAL, o, var,
			      mz_printf(r->arena, "%s: option '--%s' requires an argument",
					r->target->server, o->name),
			      "'%s' needs a value ('%s=...'); %s refuses to start", o->name,
			      o->name, r->target->server);
			return;
		}
	} else if (var->arg == MZ_ARG_NONE && var->type != MZ_TYPE_BOOL &&
		   m.mode == MODE_SET) {
		refuse(r, EXIT_NO_ARGUMENT_ALLOWED);
		issue(r, MZ_ISSUE_ARG_NOT_ALLOWED, MZ_SEV_FATAL, o, var,
		      mz_printf(r->arena, "%s: option '--%s' cannot take an argument",
				r->target->server, m.name),
		      "'%s' takes no value; %s refuses to start", m.name, r->target->server);
		return;
	}

	struct mz_parsed p;
	mz_value_parse(r->arena, r->target, var, raw, &p);
	if (p.status != MZ_PARSE_OK) {
		parse_failed(r, o, var, raw, &p);
		return;
	}
	if (m.mode == MODE_MAXIMUM) {
		if (!(var->flags & MZ_VAR_SESSION)) {
			refuse(r, EXIT_NO_PTR_TO_VARIABLE);
			issue(r, MZ_ISSUE_NO_MAXIMUM, MZ_SEV_FATAL, o, var,
			      mz_printf(r->arena, "%s: Maximum value of '%s' cannot be set",
					r->target->server, var->name),
			      "'maximum-' caps what a session may set; '%s' has no session value, "
			      "so %s refuses to start", var->name, r->target->server);
		}
		return; /* a cap for SET SESSION, not the value */
	}
	report_value(r, o, var, raw, &p);
	record(r, o, var, raw, &p);
	if (strcmp(var->name, "datadir") == 0)
		slot_of(r, var)->exact = false; /* made absolute, with a '/', relative to the server */
}

/* A variable skip_X that is no option shows the opposite of the option X. */
static void derive_negations(struct resolver *r)
{
	for (size_t i = 0; i < r->catalog->n_vars; i++) {
		const struct mz_var *v = &r->catalog->vars[i];
		if ((v->flags & MZ_VAR_OPTION) || strncmp(v->name, "skip_", 5) != 0)
			continue;
		const struct mz_var *positive = mz_catalog_find(r->catalog, v->name + 5);
		if (!positive || positive->type != MZ_TYPE_BOOL || !slot_of(r, positive)->set)
			continue;
		struct slot *s = slot_of(r, v);
		s->set = true;
		s->exact = true;
		s->number = !slot_of(r, positive)->number;
		mz_resolver_step(r, s, MZ_STEP_SET, slot_of(r, positive)->last,
				 s->number ? "ON" : "OFF",
				 mz_printf(r->arena, "the opposite of '%s'", positive->name), NULL);
	}
}

/* Tied variables follow the one assigned last; a derived one is no longer known. */
static void follow_related(struct resolver *r)
{
	for (size_t i = 0; i < r->catalog->n_related; i++) {
		const struct mz_related *rel = &r->catalog->related[i];
		struct slot *from = slot_of(r, mz_catalog_find(r->catalog, rel->name));
		struct slot *to = slot_of(r, mz_catalog_find(r->catalog, rel->other));
		if (!from->changed || to->changed > from->changed)
			continue;
		if (!rel->alias) {
			to->exact = false;
			continue;
		}
		const char *text = from->text;
		to->number = from->number;
		to->exact = from->exact;
		to->set = from->set;
		to->last = from->last;
		mz_resolver_step(r, to, MZ_STEP_SET, from->last, text,
				 mz_printf(r->arena, "the same variable as '%s'", from->var->name),
				 NULL);
		/* Not later than what it follows: a pair's reverse entry must not copy back. */
		to->changed = from->changed;
	}
}

struct mz_host mz_host_default(const struct mz_target *target)
{
	/* The packaged systemd units: MariaDB's mariadb.service has LimitNOFILE=32768,
	 * MySQL's mysqld.service LimitNOFILE = 5000. */
	bool mariadb = target->flavour == MZ_MARIADB;
	return (struct mz_host){
		.nofile_soft = mariadb ? 32768 : 5000,
		.nofile_hard = mariadb ? 32768 : 5000,
		.nofile_assumed = mariadb ? "LimitNOFILE=32768 of the packaged mariadb.service"
					  : "LimitNOFILE=5000 of the packaged mysqld.service",
	};
}

void mz_server_resolve(struct mz_arena *arena, const struct mz_optfile *options,
		       const struct mz_host *host, struct mz_server *out)
{
	const struct mz_target *target = options->target;
	struct resolver r = {
		.arena = arena,
		.target = target,
		.catalog = mz_catalog_for(target),
		.host = *host,
		.prefix_matching = target->flavour == MZ_MARIADB,
	};
	r.slots = mz_alloc_array(arena, r.catalog->n_vars, sizeof *r.slots);
	for (size_t i = 0; i < r.catalog->n_vars; i++) {
		const struct mz_var *v = &r.catalog->vars[i];
		r.slots[i] = (struct slot){
			.var = v,
			.text = v->def,
			.exact = v->def && !(v->flags & (MZ_VAR_HOST | MZ_VAR_AUTOSIZED | MZ_VAR_PLUGIN |
								  MZ_VAR_LIST)),
		};
		if (v->def && mz_type_is_integer(v->type))
			r.slots[i].number = mz_type_is_signed(v->type)
						    ? (uint64_t)strtoll(v->def, NULL, 10)
						    : strtoull(v->def, NULL, 10);
		else if (v->def && v->type == MZ_TYPE_BOOL)
			r.slots[i].number = strcmp(v->def, "ON") == 0;
	}
	/* MariaDB's early pass takes its options out of the list; the main pass gets the rest. */
	const struct mz_option *opts = options->options;
	bool *taken = mz_alloc_array(arena, options->n_options + 1, sizeof *taken);
	if (target->flavour == MZ_MARIADB) {
		for (size_t i = 0; i < options->n_options; i++)
			if (opts[i].server_reads)
				taken[i] = apply(&r, &opts[i], PASS_EARLY);
		/* skip-getopt-prefix-matching, an early option, holds for the main pass */
		const struct mz_var *pm = mz_catalog_find(r.catalog, "getopt_prefix_matching");
		r.prefix_matching = !pm || slot_of(&r, pm)->number;
	}
	enum pass rest = target->flavour == MZ_MARIADB ? PASS_MAIN : PASS_ALL;
	for (size_t i = 0; i < options->n_options; i++)
		if (opts[i].server_reads && !taken[i])
			apply(&r, &opts[i], rest);
	derive_negations(&r);
	follow_related(&r); /* table_cache=4000 is table_open_cache=4000 for startup */
	mz_startup_run(&r);
	follow_related(&r); /* and table_cache follows what startup made of it */

	struct mz_value *values = mz_alloc_array(arena, r.catalog->n_vars, sizeof *values);
	size_t n = 0;
	for (size_t i = 0; i < r.catalog->n_vars; i++) {
		const struct slot *s = &r.slots[i];
		if (!(s->var->flags & MZ_VAR_SYSVAR))
			continue;
		values[n++] = (struct mz_value){
			.var = s->var,
			.text = s->text,
			.set = s->set,
			.exact = s->exact && s->text,
			.number = s->number,
			.steps = s->steps.items,
			.n_steps = s->steps.len,
		};
	}
	*out = (struct mz_server){
		.target = target,
		.catalog = r.catalog,
		.host = r.host,
		.values = values,
		.n_values = n,
		.issues = r.issues.items,
		.n_issues = r.issues.len,
		.startup = r.startup,
		.refusal = r.refusal,
	};
}

static int compare_value(const void *key, const void *value)
{
	return strcmp(key, ((const struct mz_value *)value)->var->name);
}

const struct mz_value *mz_server_value(const struct mz_server *server, const char *name)
{
	return bsearch(name, server->values, server->n_values, sizeof *server->values,
		       compare_value);
}

const struct mz_value *mz_server_sizing(const struct mz_server *server, enum mz_sizing_var var)
{
	return mz_server_value(server, mz_sizing_name(var));
}
