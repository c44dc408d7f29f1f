/*
 * Reads the deployment file and the application files (docs/deployment.md) into the
 * deployment model. Strict: an unknown key, a wrong type, a value out of range or a key given
 * twice is an error at its file and line, and nothing of a malformed input is kept.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "json-locate.h"
#include "mysizer/deploy.h"
#include "mysizer/target.h"
#include "mysizer/text.h"
#include "optfile-input.h"

/* JSON numbers are doubles: above this, whole numbers are no longer exact. */
#define EXACT_MAX 9007199254740992.0

struct reader {
	struct mz_arena *arena;
	const char *file;
	const char *dir;             /* relative paths in the file resolve against it */
	struct mz_json_lines lines;
	struct mz_deploy_error *error;
	struct mz_vec apps;          /* struct mz_app */
};

static struct mz_where where(struct reader *r, const char *pointer)
{
	return (struct mz_where){ r->file, mz_json_line(&r->lines, pointer), pointer };
}

/* Records the problem; always false, so that callers can return fail(...). */
__attribute__((format(printf, 3, 4))) static bool fail(struct reader *r, const char *pointer,
							const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	r->error->message = mz_vprintf(r->arena, fmt, ap);
	va_end(ap);
	r->error->at = where(r, pointer);
	return false;
}

static const char *child_pointer(struct reader *r, const char *pointer, const char *name)
{
	return mz_printf(r->arena, "%s/%s", pointer, mz_json_token(r->arena, name));
}

/* A value as a message shows it: numbers as written, anything else by its type. */
static const char *shown(struct reader *r, const cJSON *item)
{
	if (cJSON_IsNumber(item))
		return mz_printf(r->arena, "%.15g", item->valuedouble);
	if (cJSON_IsString(item))
		return mz_printf(r->arena, "\"%s\"", item->valuestring);
	if (cJSON_IsBool(item))
		return cJSON_IsTrue(item) ? "true" : "false";
	if (cJSON_IsNull(item))
		return "null";
	return cJSON_IsArray(item) ? "an array" : "an object";
}

static const char *type_name(const cJSON *item)
{
	if (cJSON_IsString(item))
		return "a string";
	if (cJSON_IsNumber(item))
		return "a number";
	if (cJSON_IsBool(item))
		return "a boolean";
	if (cJSON_IsNull(item))
		return "null";
	if (cJSON_IsArray(item))
		return "an array";
	return "an object";
}

/* The nearest of names (NULL-terminated) to a misspelt key, or NULL. */
static const char *nearest(const char *key, const char *const *names)
{
	const char *best = NULL;
	size_t best_distance = (strlen(key) + 1) / 2; /* keys are short: allow more edits */
	for (; *names; names++) {
		size_t d = mz_edit_distance(key, *names);
		if (d < best_distance) {
			best = *names;
			best_distance = d;
		}
	}
	return best;
}

static const char *did_you_mean(struct reader *r, const char *key, const char *const *names)
{
	const char *near = nearest(key, names);
	return near ? mz_printf(r->arena, " (did you mean '%s'?)", near) : "";
}

/* Every member of an object is one of keys, and none comes twice. */
static bool check_keys(struct reader *r, const cJSON *object, const char *pointer,
		       const char *what, const char *const *keys)
{
	for (const cJSON *m = object->child; m; m = m->next) {
		const char *at = child_pointer(r, pointer, m->string);
		bool known = false;
		for (const char *const *k = keys; *k && !known; k++)
			known = strcmp(*k, m->string) == 0;
		if (!known)
			return fail(r, at, "unknown key '%s' in %s%s", m->string, what,
				    did_you_mean(r, m->string, keys));
		for (const cJSON *n = m->next; n; n = n->next)
			if (strcmp(n->string, m->string) == 0)
				return fail(r, child_pointer(r, pointer, n->string),
					    "key '%s' given twice in %s; JSON readers disagree on "
					    "which one counts", m->string, what);
	}
	return true;
}

static bool want_object(struct reader *r, const cJSON *item, const char *pointer,
			const char *what)
{
	if (cJSON_IsObject(item))
		return true;
	return fail(r, pointer, "%s must be an object, not %s", what, type_name(item));
}

static bool get_string(struct reader *r, const cJSON *object, const char *pointer,
		       const char *key, const char **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
	if (!item)
		return true;
	const char *at = child_pointer(r, pointer, key);
	if (!cJSON_IsString(item))
		return fail(r, at, "'%s' must be a string, not %s", key, type_name(item));
	if (!*item->valuestring)
		return fail(r, at, "'%s' is empty", key);
	*out = mz_strdup(r->arena, item->valuestring); /* cJSON's copy goes with the tree */
	return true;
}

static bool whole_number(const cJSON *item, double min)
{
	double v = item->valuedouble;
	return cJSON_IsNumber(item) && v >= min && v <= EXACT_MAX && v == (double)(int64_t)v;
}

/* A count given as a JSON number; *out keeps its value when absent. */
static bool get_count(struct reader *r, const cJSON *object, const char *pointer,
		      const char *key, uint64_t min, uint64_t *out, struct mz_where *at)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
	if (!item)
		return true;
	const char *p = child_pointer(r, pointer, key);
	if (!whole_number(item, (double)min))
		return fail(r, p, "'%s' must be a whole number of at least %llu, not %s", key,
			    (unsigned long long)min,
			    shown(r, item));
	*out = (uint64_t)item->valuedouble;
	if (at)
		*at = where(r, p);
	return true;
}

static const char *resolve_path(struct reader *r, const char *path)
{
	if (path[0] == '/' || strcmp(r->dir, ".") == 0)
		return mz_strdup(r->arena, path);
	return mz_printf(r->arena, "%s/%s", r->dir, path);
}

static bool get_size(struct reader *r, const cJSON *object, const char *pointer,
		     const char *key, uint64_t *out, struct mz_where *at)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
	if (!item)
		return true;
	const char *p = child_pointer(r, pointer, key);
	bool ok = cJSON_IsString(item) ? mz_parse_size(item->valuestring, out)
		  : whole_number(item, 1)  ? (*out = (uint64_t)item->valuedouble, true)
					   : false;
	if (!ok || *out == 0)
		return fail(r, p, "'%s' must be a size such as \"16GiB\", \"512M\" or a number of "
			    "bytes, not %s", key, shown(r, item));
	*at = where(r, p);
	return true;
}

static bool read_reserved(struct reader *r, const cJSON *item, const char *pointer,
			  struct mz_deploy *d)
{
	if (!want_object(r, item, pointer, "'reserved_connections'"))
		return false;
	struct mz_vec list = { 0 };
	for (const cJSON *m = item->child; m; m = m->next) {
		const char *p = child_pointer(r, pointer, m->string);
		for (const cJSON *n = m->next; n; n = n->next)
			if (strcmp(n->string, m->string) == 0)
				return fail(r, child_pointer(r, pointer, n->string),
					    "'%s' given twice in 'reserved_connections'", m->string);
		if (!whole_number(m, 0))
			return fail(r, p, "reserved connections for '%s' must be a whole number of "
				    "at least 0, not %s", m->string, shown(r, m));
		struct mz_reserved *res = mz_vec_push(r->arena, &list, sizeof *res);
		*res = (struct mz_reserved){ mz_strdup(r->arena, m->string),
					     (uint64_t)m->valuedouble, where(r, p) };
	}
	d->reserved = list.items;
	d->n_reserved = list.len;
	return true;
}

static bool read_units(struct reader *r, const cJSON *item, const char *pointer,
		       struct mz_deploy *d)
{
	struct mz_vec list = { 0 };
	if (cJSON_IsString(item)) {
		*(const char **)mz_vec_push(r->arena, &list, sizeof(char *)) =
			resolve_path(r, item->valuestring);
	} else if (cJSON_IsArray(item)) {
		unsigned i = 0;
		for (const cJSON *e = item->child; e; e = e->next, i++) {
			if (!cJSON_IsString(e) || !*e->valuestring)
				return fail(r, mz_printf(r->arena, "%s/%u", pointer, i),
					    "'systemd_unit' lists paths of unit files, not %s",
					    type_name(e));
			*(const char **)mz_vec_push(r->arena, &list, sizeof(char *)) =
				resolve_path(r, e->valuestring);
		}
	} else {
		return fail(r, pointer, "'systemd_unit' must be a path or a list of paths (the unit, "
			    "then its drop-ins), not %s", type_name(item));
	}
	if (!list.len)
		return fail(r, pointer, "'systemd_unit' lists no file");
	mz_vec_push(r->arena, &list, sizeof(char *)); /* the terminating NULL */
	d->units = list.items;
	return true;
}

/* "mysizer-ignore": a list of strings, each a rule and maybe a reason. What they say is
 * for the suppressions to judge; here only their shape. */
static bool read_ignore(struct reader *r, const cJSON *object, const char *pointer,
			const struct mz_ignore **out, size_t *n_out)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(object, "mysizer-ignore");
	if (!list)
		return true;
	const char *p = child_pointer(r, pointer, "mysizer-ignore");
	if (!cJSON_IsArray(list))
		return fail(r, p, "'mysizer-ignore' must be a list of rule IDs, not %s",
			    type_name(list));
	struct mz_vec ignore = { 0 };
	unsigned i = 0;
	for (const cJSON *e = list->child; e; e = e->next, i++) {
		const char *at = mz_printf(r->arena, "%s/%u", p, i);
		if (!cJSON_IsString(e))
			return fail(r, at, "'mysizer-ignore' lists rule IDs such as \"MZ3001\", "
				    "not %s", type_name(e));
		struct mz_ignore *entry = mz_vec_push(r->arena, &ignore, sizeof *entry);
		*entry = (struct mz_ignore){ mz_strdup(r->arena, e->valuestring), where(r, at) };
	}
	*out = ignore.items;
	*n_out = ignore.len;
	return true;
}

static bool read_server(struct reader *r, const cJSON *server, struct mz_deploy *d)
{
	static const char *const keys[] = { "target", "config", "memory", "container_memory",
					    "cpus", "nofile", "systemd_unit",
					    "reserved_connections", "mysizer-ignore", NULL };
	const char *p = "/server";
	if (!want_object(r, server, p, "'server'") || !check_keys(r, server, p, "'server'", keys))
		return false;
	if (!get_string(r, server, p, "target", &d->target) ||
	    !read_ignore(r, server, p, &d->ignore, &d->n_ignore))
		return false;
	if (d->target && !mz_target_find(d->target)) {
		const char *names[16] = { 0 };
		for (size_t i = 0; i < mz_target_count && i < 15; i++)
			names[i] = mz_targets[i].name;
		return fail(r, "/server/target", "unknown target '%s'%s; see 'mysizer --help'",
			    d->target, did_you_mean(r, d->target, names));
	}
	if (!get_string(r, server, p, "config", &d->config))
		return false;
	if (d->config)
		d->config = resolve_path(r, d->config);
	uint64_t cpus = 0;
	if (!get_size(r, server, p, "memory", &d->memory, &d->memory_at) ||
	    !get_size(r, server, p, "container_memory", &d->container_memory,
		      &d->container_memory_at) ||
	    !get_count(r, server, p, "cpus", 1, &cpus, NULL))
		return false;
	if (cpus > 65536)
		return fail(r, "/server/cpus", "'cpus' must be at most 65536, not %llu",
			    (unsigned long long)cpus);
	d->cpus = (unsigned)cpus;

	const cJSON *nofile = cJSON_GetObjectItemCaseSensitive(server, "nofile");
	const cJSON *units = cJSON_GetObjectItemCaseSensitive(server, "systemd_unit");
	if (nofile && units)
		return fail(r, "/server/systemd_unit", "give 'nofile' or 'systemd_unit', not both");
	if (nofile) {
		const char *np = "/server/nofile";
		bool ok = cJSON_IsString(nofile)
				  ? mz_parse_nofile(nofile->valuestring, &d->nofile_soft, &d->nofile_hard)
			  : whole_number(nofile, 1)
				  ? (d->nofile_soft = d->nofile_hard = (uint64_t)nofile->valuedouble, true)
				  : false;
		if (!ok)
			return fail(r, np, "'nofile' must be a number, \"SOFT:HARD\" with SOFT <= HARD "
				    "or \"infinity\", not %s", shown(r, nofile));
		d->nofile_given = true;
		d->nofile_at = where(r, np);
	}
	if (units && !read_units(r, units, "/server/systemd_unit", d))
		return false;
	const cJSON *reserved = cJSON_GetObjectItemCaseSensitive(server, "reserved_connections");
	return !reserved || read_reserved(r, reserved, "/server/reserved_connections", d);
}

/* HikariCP's names as Spring Boot writes them: "spring.datasource.hikari.maximum-pool-size"
 * or "maximum-pool-size" for "maximumPoolSize". */
static bool spring_name_of(const char *key, const char *camel)
{
	static const char prefix[] = "spring.datasource.hikari.";
	if (strncmp(key, prefix, sizeof prefix - 1) == 0)
		key += sizeof prefix - 1;
	for (; *camel; camel++) {
		if (*camel >= 'A' && *camel <= 'Z') {
			if (*key++ != '-' || *key++ != *camel - 'A' + 'a')
				return false;
		} else if (*key++ != *camel) {
			return false;
		}
	}
	return *key == '\0';
}

static const struct mz_param *find_param(enum mz_library library, const char *key)
{
	for (size_t i = 0; i < mz_param_count; i++) {
		const struct mz_param *p = &mz_params[i];
		if (p->library == library &&
		    (strcmp(p->key, key) == 0 ||
		     (library == MZ_LIB_HIKARI && spring_name_of(key, p->key))))
			return p;
	}
	return NULL;
}

static bool in_choices(const char *choices, const char *name)
{
	size_t n = strlen(name);
	for (const char *c = choices; *c;) {
		const char *comma = strchr(c, ',');
		size_t len = comma ? (size_t)(comma - c) : strlen(c);
		if (len == n && strncmp(c, name, n) == 0)
			return true;
		c += len + (comma != NULL);
		while (*c == ' ')
			c++;
	}
	return false;
}

static bool read_setting(struct reader *r, const struct mz_param *param, const cJSON *item,
			 const char *p, struct mz_setting *s)
{
	*s = (struct mz_setting){ .param = param, .given = true, .at = where(r, p),
				  .written = mz_strdup(r->arena, item->string) };
	const char *key = item->string;
	if (cJSON_IsNull(item) && param->nullable) {
		s->null = true;
		return true;
	}
	switch (param->kind) {
	case MZ_PARAM_BOOL:
		if (!cJSON_IsBool(item))
			return fail(r, p, "'%s' must be true or false, not %s", key, shown(r, item));
		s->value = cJSON_IsTrue(item);
		return true;
	case MZ_PARAM_CHOICE:
		if (!cJSON_IsString(item) || !in_choices(param->choices, item->valuestring))
			return fail(r, p, "'%s' must be one of: %s; not %s", key, param->choices,
				    shown(r, item));
		s->text = mz_strdup(r->arena, item->valuestring);
		return true;
	case MZ_PARAM_SECONDS:
		if (!cJSON_IsNumber(item) || item->valuedouble < param->min ||
		    item->valuedouble > EXACT_MAX)
			return fail(r, p, "'%s' must be a number of seconds of at least %g%s, not %s",
				    key, param->min, param->nullable ? " or null" : "",
				    shown(r, item));
		s->value = item->valuedouble;
		return true;
	case MZ_PARAM_COUNT:
	case MZ_PARAM_MILLIS:
		if (!whole_number(item, param->min))
			return fail(r, p, "'%s' must be a whole number%s of at least %g, not %s", key,
				    param->kind == MZ_PARAM_MILLIS ? " of milliseconds" : "",
				    param->min,
				    shown(r, item));
		s->value = item->valuedouble;
		return true;
	}
	return true;
}

static bool read_pool(struct reader *r, const cJSON *pool, const char *pointer,
		      const char *app_pointer, struct mz_app *app)
{
	/* A library's settings are together in the table. */
	size_t first = 0, n = 0;
	while (mz_params[first].library != app->library)
		first++;
	while (first + n < mz_param_count && mz_params[first + n].library == app->library)
		n++;
	struct mz_setting *settings = mz_alloc_array(r->arena, n, sizeof *settings);
	if (pool) {
		if (!want_object(r, pool, pointer, "'pool'"))
			return false;
		for (const cJSON *m = pool->child; m; m = m->next) {
			const char *p = child_pointer(r, pointer, m->string);
			const struct mz_param *param = find_param(app->library, m->string);
			if (!param) {
				const char *names[32] = { 0 };
				for (size_t i = 0; i < n && i < 31; i++)
					names[i] = mz_params[first + i].key;
				return fail(r, p, "unknown key '%s' in the pool of a %s app%s", m->string,
					    mz_library_name(app->library),
					    did_you_mean(r, m->string, names));
			}
			struct mz_setting *s = &settings[param - &mz_params[first]];
			if (s->given)
				return fail(r, p, "'%s' given twice in the pool (also on line %u)",
					    param->key, s->at.line);
			if (!read_setting(r, param, m, p, s))
				return false;
		}
	}
	struct mz_where defaults_at = where(r, pool ? pointer : app_pointer);
	for (size_t i = 0; i < n; i++) {
		const struct mz_param *param = &mz_params[first + i];
		struct mz_setting *s = &settings[i];
		if (s->given)
			continue;
		if (param->required)
			return fail(r, pool ? pointer : app_pointer,
				    "a %s app needs '%s' in its pool: %s", mz_library_name(app->library),
				    param->key, param->meaning);
		*s = (struct mz_setting){ .param = param, .value = param->def, .at = defaults_at,
					  .written = param->key };
		if (param->kind == MZ_PARAM_CHOICE)
			s->text = mz_strndup(r->arena, param->choices,
					     strcspn(param->choices, ","));
	}
	/* Defaults that are another setting's value, given or not. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n && settings[i].param->def_from && !settings[i].given; j++)
			if (strcmp(settings[j].param->key, settings[i].param->def_from) == 0)
				settings[i].value = settings[j].value;
	app->settings = settings;
	app->n_settings = n;
	return true;
}

static bool read_surge(struct reader *r, const cJSON *item, const char *p, struct mz_app *app)
{
	app->surge_at = where(r, p);
	if (whole_number(item, 0)) {
		app->surge = (uint64_t)item->valuedouble;
		return true;
	}
	const char *text = cJSON_IsString(item) ? item->valuestring : "";
	char *end;
	errno = 0;
	unsigned long long percent = strtoull(text, &end, 10);
	if (end == text || strcmp(end, "%") != 0 || errno || percent > 1000 || *text == '-' ||
	    *text == '+' || *text == ' ')
		return fail(r, p, "'max_surge' must be a count or a percentage such as \"25%%\", "
			    "not %s", shown(r, item));
	/* Kubernetes rounds a percentage of surge up. */
	app->surge = (app->replicas * percent + 99) / 100;
	return true;
}

static const char *const library_names[] = { "hikari", "sqlalchemy", "mysql2", "django",
					     "fixed", NULL };

static bool read_app(struct reader *r, const cJSON *item, const char *pointer, bool own_file)
{
	static const char *const keys[] = { "name", "library", "library_version", "replicas",
					    "processes", "threads", "max_surge", "user", "pool",
					    "mysizer-ignore", NULL };
	static const char *const file_keys[] = { "$schema", "version", "name", "library",
						 "library_version", "replicas", "processes",
						 "threads", "max_surge", "user", "pool",
						 "mysizer-ignore", NULL };
	const char *what = own_file ? "an app file" : "an app";
	if (!want_object(r, item, pointer, what) ||
	    !check_keys(r, item, pointer, what, own_file ? file_keys : keys))
		return false;
	struct mz_app app = { .replicas = 1, .processes = 1, .threads = 1 };
	app.at = app.object = where(r, pointer);
	if (!get_string(r, item, pointer, "name", &app.name))
		return false;
	if (!app.name)
		return fail(r, pointer, "%s needs a 'name'", what);
	app.at = where(r, child_pointer(r, pointer, "name"));
	const char *library = NULL;
	if (!get_string(r, item, pointer, "library", &library))
		return false;
	if (!library)
		return fail(r, pointer, "app '%s' needs a 'library': one of hikari, sqlalchemy, "
			    "mysql2, django or fixed", app.name);
	size_t lib = 0;
	while (library_names[lib] && strcmp(library_names[lib], library) != 0)
		lib++;
	if (!library_names[lib])
		return fail(r, child_pointer(r, pointer, "library"),
			    "unknown library '%s'%s; mysizer knows hikari, sqlalchemy, mysql2, "
			    "django and fixed", library, did_you_mean(r, library, library_names));
	app.library = (enum mz_library)lib;
	if (!get_string(r, item, pointer, "library_version", &app.library_version) ||
	    !get_string(r, item, pointer, "user", &app.user) ||
	    !get_count(r, item, pointer, "replicas", 1, &app.replicas, NULL) ||
	    !get_count(r, item, pointer, "processes", 1, &app.processes, NULL) ||
	    !get_count(r, item, pointer, "threads", 1, &app.threads, NULL) ||
	    !read_ignore(r, item, pointer, &app.ignore, &app.n_ignore))
		return false;
	if (app.user)
		app.user_at = where(r, child_pointer(r, pointer, "user"));
	if (app.library != MZ_LIB_DJANGO && cJSON_GetObjectItemCaseSensitive(item, "threads"))
		return fail(r, child_pointer(r, pointer, "threads"),
			    "'threads' counts Django's connections, one per thread; a %s pool is "
			    "shared by the threads of its process", library);
	const cJSON *surge = cJSON_GetObjectItemCaseSensitive(item, "max_surge");
	if (surge && !read_surge(r, surge, child_pointer(r, pointer, "max_surge"), &app))
		return false;
	const cJSON *pool = cJSON_GetObjectItemCaseSensitive(item, "pool");
	if (!read_pool(r, pool, pool ? child_pointer(r, pointer, "pool") : NULL, pointer, &app))
		return false;

	*(struct mz_app *)mz_vec_push(r->arena, &r->apps, sizeof app) = app;
	return true;
}

static bool check_version(struct reader *r, const cJSON *root)
{
	const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (version && !(cJSON_IsNumber(version) && version->valuedouble == 1))
		return fail(r, "/version", "unsupported version %s; this mysizer reads version 1",
			    shown(r, version));
	return true;
}

/* Parses one file; NULL after recording why not. */
static cJSON *parse(struct reader *r, const char *path)
{
	char *text;
	size_t len;
	int err = 0;
	r->file = path;
	r->lines = (struct mz_json_lines){ 0 };
	const char *slash = strrchr(path, '/');
	r->dir = slash ? mz_strndup(r->arena, path, slash == path ? 1 : (size_t)(slash - path))
		       : ".";
	switch (mz_input_read_all(r->arena, path, &text, &len, &err)) {
	case MZ_INPUT_OK: break;
	case MZ_INPUT_NO_OPEN:
		fail(r, "", "cannot open '%s': %s", path, strerror(err));
		r->error->at.line = 0;
		return NULL;
	case MZ_INPUT_DIRECTORY:
	case MZ_INPUT_NOT_REGULAR:
		fail(r, "", "'%s' is not a regular file", path);
		r->error->at.line = 0;
		return NULL;
	case MZ_INPUT_TOO_BIG:
		fail(r, "", "'%s' is larger than %zu MiB; mysizer does not read JSON files that big",
		     path, MZ_INPUT_SIZE_MAX >> 20);
		r->error->at.line = 0;
		return NULL;
	}
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		unsigned line = 1;
		for (const char *c = text; c < nul; c++)
			line += *c == '\n';
		fail(r, "", "a NUL byte in '%s': not a JSON text", path);
		r->error->at.line = line;
		return NULL;
	}
	/* cJSON counts the terminating NUL in the length. */
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &end, true);
	if (!root) {
		size_t at = end && end >= text && end <= text + len ? (size_t)(end - text) : len;
		unsigned line = 1;
		for (size_t i = 0; i < at; i++)
			line += text[i] == '\n';
		size_t show = strcspn(text + at, "\n");
		if (show)
			fail(r, "", "malformed JSON at '%.*s'", (int)(show > 24 ? 24 : show), text + at);
		else
			fail(r, "", "malformed JSON at the end of %s", at < len ? "the line" : "the file");
		r->error->at.line = line;
		return NULL;
	}
	mz_json_locate(r->arena, text, len, &r->lines);
	return root;
}

static bool read_deploy_file(struct reader *r, const char *path, struct mz_deploy *d)
{
	static const char *const keys[] = { "$schema", "version", "server", "apps", NULL };
	cJSON *root = parse(r, path);
	if (!root)
		return false;
	bool ok = want_object(r, root, "", "a deployment file") &&
		  check_keys(r, root, "", "a deployment file", keys) && check_version(r, root);
	const cJSON *server = cJSON_GetObjectItemCaseSensitive(root, "server");
	if (ok && server)
		ok = read_server(r, server, d);
	const cJSON *apps = cJSON_GetObjectItemCaseSensitive(root, "apps");
	if (ok && apps && !cJSON_IsArray(apps))
		ok = fail(r, "/apps", "'apps' must be an array of apps, not %s", type_name(apps));
	unsigned i = 0;
	for (const cJSON *app = apps ? apps->child : NULL; ok && app; app = app->next, i++)
		ok = read_app(r, app, mz_printf(r->arena, "/apps/%u", i), false);
	cJSON_Delete(root);
	return ok;
}

static bool read_app_file(struct reader *r, const char *path)
{
	cJSON *root = parse(r, path);
	if (!root)
		return false;
	bool ok = want_object(r, root, "", "an app file") && check_version(r, root) &&
		  read_app(r, root, "", true);
	cJSON_Delete(root);
	return ok;
}

static int by_name_then_order(const void *a, const void *b)
{
	const struct mz_app *x = *(const struct mz_app *const *)a;
	const struct mz_app *y = *(const struct mz_app *const *)b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x > y) - (x < y);
}

/* Every app's name is its own: sorted, so that thousands of apps cost no more than a sort. */
static bool check_names(struct reader *r)
{
	size_t n = r->apps.len;
	const struct mz_app *apps = r->apps.items;
	const struct mz_app **sorted = mz_alloc_array(r->arena, n, sizeof *sorted);
	for (size_t i = 0; i < n; i++)
		sorted[i] = &apps[i];
	if (n > 1)
		qsort(sorted, n, sizeof *sorted, by_name_then_order);
	/* In a run of one name, the second is the first to take it again. */
	const struct mz_app *again = NULL, *original = NULL;
	for (size_t i = 1; i < n; i++) {
		bool second = strcmp(sorted[i - 1]->name, sorted[i]->name) == 0 &&
			      (i < 2 || strcmp(sorted[i - 2]->name, sorted[i]->name) != 0);
		if (second && (!again || sorted[i] < again)) {
			again = sorted[i];
			original = sorted[i - 1];
		}
	}
	if (!again)
		return true;
	r->error->at = again->at;
	r->error->message = mz_printf(r->arena, "app '%s' is already defined at %s:%u",
				      again->name, original->at.file, original->at.line);
	return false;
}

bool mz_deploy_read(struct mz_arena *arena, const char *deploy_file, const char *const *app_files,
		    size_t n_app_files, struct mz_deploy *out, struct mz_deploy_error *error)
{
	struct reader r = { .arena = arena, .error = error };
	struct mz_deploy d = { .file = deploy_file };
	bool ok = !deploy_file || read_deploy_file(&r, deploy_file, &d);
	for (size_t i = 0; ok && i < n_app_files; i++)
		ok = read_app_file(&r, app_files[i]);
	ok = ok && check_names(&r);
	if (!ok) {
		*out = (struct mz_deploy){ 0 };
		return false;
	}
	d.apps = r.apps.items;
	d.n_apps = r.apps.len;
	*out = d;
	return true;
}
