/*
 * Dumps of SHOW GLOBAL VARIABLES, SHOW GLOBAL STATUS and SHOW PROCESSLIST as customers send
 * them: the mysql or mariadb client's batch output (-B, with its header line or -N without),
 * its boxed tables (-t, or an interactive session pasted with its prompts), or its vertical
 * \G output. The format is told from the first line that is not noise; each row keeps its line.
 */
#include "mysizer/observed.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "optfile-input.h"

/* The rows of a dump, as columns by name. */
struct table {
	enum mz_dump_format format;
	const char **names;      /* the header's column names */
	size_t n_names;
	struct mz_vec rows;      /* struct row */
};

struct row {
	const char **cells;      /* n_names of them; NULL where the row has none */
	unsigned line;
};

struct reader {
	struct mz_arena *arena;
	const char *path;
	struct mz_dump_error *error;
	const char *const *default_names; /* the columns of -B -N output, which has no header */
};

__attribute__((format(printf, 3, 4))) static bool fail(struct reader *r, unsigned line,
						       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	r->error->message = mz_vprintf(r->arena, fmt, ap);
	va_end(ap);
	r->error->at = (struct mz_origin){ r->path, line };
	return false;
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Lines a pasted session adds around the output: prompts, continuation prompts, "N rows in
 * set", warnings counts, and blank lines. */
static bool noise(const char *line)
{
	while (*line == ' ')
		line++;
	if (!*line || starts(line, "mysql>") || starts(line, "MariaDB [") || starts(line, "->") ||
	    starts(line, "Empty set"))
		return true;
	const char *p = line;
	while (*p >= '0' && *p <= '9')
		p++;
	return p > line && (starts(p, " rows in set") || starts(p, " row in set"));
}

static bool table_border(const char *line)
{
	if (*line != '+')
		return false;
	for (; *line; line++)
		if (*line != '+' && *line != '-')
			return false;
	return true;
}

/* "*************************** 12. row ***************************" */
static bool vertical_marker(const char *line)
{
	while (*line == '*')
		line++;
	if (*line++ != ' ' || *line < '0' || *line > '9')
		return false;
	while (*line >= '0' && *line <= '9')
		line++;
	return starts(line, ". row *");
}

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

/* mysql -B writes a value's line breaks, tabs and backslashes as \n, \t and \\. */
static char *unescape(char *s)
{
	char *o = s;
	for (const char *p = s; *p; p++) {
		if (*p == '\\' && (p[1] == 'n' || p[1] == 't' || p[1] == '\\')) {
			p++;
			*o++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : '\\';
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return s;
}

static struct row *new_row(struct reader *r, struct table *t, unsigned line)
{
	struct row *row = mz_vec_push(r->arena, &t->rows, sizeof *row);
	row->cells = mz_alloc_array(r->arena, t->n_names, sizeof *row->cells);
	row->line = line;
	return row;
}

/* Splits a batch line at its tabs into at most max fields (the last takes the rest). */
static size_t split_tabs(char *line, const char **fields, size_t max)
{
	size_t n = 0;
	for (char *p = line; n < max; n++) {
		fields[n] = p;
		char *tab = n + 1 < max ? strchr(p, '\t') : NULL;
		if (!tab)
			return n + 1;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static bool read_batch(struct reader *r, struct table *t, char **lines, const unsigned *numbers,
		       size_t n)
{
	/* A header line names the columns; without one (-N), the caller's default names do. */
	const char *first[64];
	char *copy = mz_strdup(r->arena, lines[0]);
	size_t n_first = split_tabs(copy, first, 64);
	bool header = false;
	for (size_t i = 0; i < n_first && !header; i++)
		for (const char *const *d = r->default_names; *d && !header; d++)
			header = strcasecmp(first[i], *d) == 0;
	t->format = header ? MZ_DUMP_BATCH : MZ_DUMP_BATCH_NO_HEADER;
	if (header) {
		t->names = mz_alloc_array(r->arena, n_first, sizeof *t->names);
		memcpy(t->names, first, n_first * sizeof *first);
		t->n_names = n_first;
	} else {
		for (t->n_names = 0; r->default_names[t->n_names]; t->n_names++)
			continue;
		t->names = (const char **)r->default_names;
	}
	for (size_t i = header; i < n; i++) {
		const char *fields[64];
		size_t got = split_tabs(lines[i], fields, t->n_names);
		if (got < 2 && t->n_names >= 2)
			return fail(r, numbers[i], "no tab in this line: batch output (mysql -B) has "
				    "the columns %s and %s separated by tabs", t->names[0], t->names[1]);
		struct row *row = new_row(r, t, numbers[i]);
		for (size_t c = 0; c < got; c++)
			row->cells[c] = unescape((char *)fields[c]);
	}
	return true;
}

/* "| a   | b c |" into its cells: a cell ends at " |" before the next "| " or the end. Names
 * hold no '|', so only the last cell can; it runs to the row's last " |". */
static size_t split_cells(char *line, const char **cells, size_t max)
{
	size_t n = 0;
	char *p = line + 1;
	char *end = line + strlen(line);
	while (end > p && end[-1] == ' ')
		end--;
	if (end > p && end[-1] == '|')
		*--end = '\0';
	while (n < max && p < end) {
		char *bar = n + 1 < max ? strstr(p, " |") : NULL;
		if (bar)
			*bar = '\0';
		cells[n++] = trim(p);
		if (!bar)
			break;
		p = bar + 2;
	}
	return n;
}

static bool read_table(struct reader *r, struct table *t, char **lines, const unsigned *numbers,
		       size_t n)
{
	t->format = MZ_DUMP_TABLE;
	/* +---+, | header |, +---+, rows, +---+; a session pasted may hold several tables. */
	size_t i = 0;
	while (i < n) {
		if (!table_border(lines[i]))
			return fail(r, numbers[i], "a line outside the table's '+---+' borders");
		if (i + 2 >= n || lines[i + 1][0] != '|' || !table_border(lines[i + 2]))
			return fail(r, numbers[i], "a table without its header row");
		const char *names[64];
		size_t n_names = split_cells(lines[i + 1], names, 64);
		if (!t->names) {
			t->names = mz_alloc_array(r->arena, n_names, sizeof *t->names);
			memcpy(t->names, names, n_names * sizeof *names);
			t->n_names = n_names;
		}
		for (i += 3; i < n && !table_border(lines[i]); i++) {
			if (lines[i][0] != '|')
				return fail(r, numbers[i], "a row of the table that does not start with "
					    "'|': was the table cut or its lines wrapped?");
			const char *cells[64];
			size_t got = split_cells(lines[i], cells, t->n_names);
			struct row *row = new_row(r, t, numbers[i]);
			memcpy(row->cells, cells, got * sizeof *cells);
		}
		if (i == n)
			return fail(r, numbers[n - 1], "the table has no closing '+---+' border");
		i++;
	}
	return true;
}

enum { VERTICAL_COLUMNS_MAX = 64 };

static bool read_vertical(struct reader *r, struct table *t, char **lines, const unsigned *numbers,
			  size_t n)
{
	t->format = MZ_DUMP_VERTICAL;
	t->names = mz_alloc_array(r->arena, VERTICAL_COLUMNS_MAX, sizeof *t->names);
	t->n_names = VERTICAL_COLUMNS_MAX; /* room in every row; cut to the names found below */
	size_t n_names = 0, records = 0, last = 0;
	struct row *row = NULL;
	for (size_t i = 0; i < n; i++) {
		if (table_border(lines[i]))
			return fail(r, numbers[i], "a '+---+' table after vertical output (\\G): give "
				    "one format per file");
		if (vertical_marker(lines[i])) {
			records++;
			row = new_row(r, t, numbers[i]);
			continue;
		}
		/* "    Variable_name: max_connections"; the first record names the columns, and a
		 * line that names none of them goes on with the value above it. */
		char *colon = strstr(lines[i], ": ");
		char *name = colon ? trim(mz_strndup(r->arena, lines[i], (size_t)(colon - lines[i])))
				   : NULL;
		size_t c = 0;
		while (name && c < n_names && strcmp(t->names[c], name) != 0)
			c++;
		if (name && c == n_names && records == 1 && *name && !strchr(name, ' ') &&
		    n_names < VERTICAL_COLUMNS_MAX)
			t->names[n_names++] = name;
		if (name && c < n_names) {
			row->cells[c] = trim(colon + 2);
			last = c;
		} else if (row && row->cells[last]) {
			row->cells[last] = mz_printf(r->arena, "%s\n%s", row->cells[last], lines[i]);
		} else {
			return fail(r, numbers[i], "neither a 'Name: value' line nor a '*** N. row ***' "
				    "line of vertical output (\\G)");
		}
	}
	t->n_names = n_names;
	return true;
}

/* The dump's lines without noise, then the format its first line shows. */
static bool read_table_file(struct reader *r, struct table *t)
{
	char *text;
	size_t len;
	int err = 0;
	enum mz_input_status status = mz_input_read_all(r->arena, r->path, &text, &len, &err);
	if (status != MZ_INPUT_OK)
		return fail(r, 0, "%s", mz_input_problem(r->arena, status, r->path, err, "dumps"));
	if (memchr(text, '\0', len))
		return fail(r, 0, "NUL bytes: not the client's text output");
	struct mz_vec lines = { 0 }, numbers = { 0 };
	unsigned number = 0;
	for (char *p = text; p < text + len;) {
		char *nl = memchr(p, '\n', (size_t)(text + len - p));
		char *end = nl ? nl : text + len;
		*end = '\0';
		if (end > p && end[-1] == '\r')
			end[-1] = '\0';
		number++;
		if (!noise(p)) {
			*(char **)mz_vec_push(r->arena, &lines, sizeof p) = p;
			*(unsigned *)mz_vec_push(r->arena, &numbers, sizeof number) = number;
		}
		p = end + 1;
	}
	if (!lines.len)
		return fail(r, 0, "no rows");
	char **l = lines.items;
	const unsigned *num = numbers.items;
	if (table_border(l[0]))
		return read_table(r, t, l, num, lines.len);
	if (vertical_marker(l[0]))
		return read_vertical(r, t, l, num, lines.len);
	if (strchr(l[0], '\t'))
		return read_batch(r, t, l, num, lines.len);
	return fail(r, num[0], "not the client's output of SHOW ...: neither tab-separated "
		    "(mysql -B), a '+---+' table (mysql -t) nor a '*** 1. row ***' record (\\G)");
}

/* The column of a name among the dump's, without regard to case; -1 when none. */
static int column(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->n_names; i++)
		if (t->names[i] && strcasecmp(t->names[i], name) == 0)
			return (int)i;
	return -1;
}

static int by_name(const void *a, const void *b)
{
	const struct mz_observed_value *x = *(const struct mz_observed_value *const *)a;
	const struct mz_observed_value *y = *(const struct mz_observed_value *const *)b;
	int c = strcasecmp(x->name, y->name);
	return c ? c : (x > y) - (x < y);
}

const char *mz_host_without_port(struct mz_arena *arena, const char *host)
{
	const char *colon = strrchr(host, ':');
	/* A port is digits after the last ':'; in "::1" or "[::1]" no such ':' ends a host. */
	if (!colon || colon == host || !colon[1] || colon[1 + strspn(colon + 1, "0123456789")] ||
	    (colon[-1] == ':' && !strchr(host, ']')))
		return host;
	return mz_strndup(arena, host, (size_t)(colon - host));
}

void mz_observed_index(struct mz_arena *arena, struct mz_observed_set *set)
{
	const struct mz_observed_value **index = mz_alloc_array(arena, set->n, sizeof *index);
	for (size_t i = 0; i < set->n; i++)
		index[i] = &set->values[i];
	if (set->n > 1)
		qsort(index, set->n, sizeof *index, by_name);
	set->by_name = index;
}

const struct mz_observed_value *mz_observed_find(const struct mz_observed_set *set,
						 const char *name)
{
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcasecmp(set->by_name[mid]->name, name);
		if (c == 0)
			return set->by_name[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool mz_observed_number(const struct mz_observed_set *set, const char *name, uint64_t *out)
{
	const struct mz_observed_value *v = mz_observed_find(set, name);
	if (!v || *v->value < '0' || *v->value > '9')
		return false;
	char *end;
	*out = strtoull(v->value, &end, 10);
	return *end == '\0';
}

bool mz_dump_read_set(struct mz_arena *arena, const char *path, struct mz_observed_set *out,
		      struct mz_dump_error *error)
{
	static const char *const names[] = { "Variable_name", "Value", NULL };
	struct reader r = { arena, path, error, names };
	struct table t = { 0 };
	if (!read_table_file(&r, &t))
		return false;
	/* information_schema.GLOBAL_VARIABLES names the value's column VARIABLE_VALUE. */
	int name = column(&t, "Variable_name"), value = column(&t, "Value");
	if (value < 0)
		value = column(&t, "VARIABLE_VALUE");
	if (name < 0 || value < 0)
		return fail(&r, 0, "no Variable_name and Value columns: not the output of SHOW GLOBAL "
			    "VARIABLES or SHOW GLOBAL STATUS");
	struct mz_observed_value *values = mz_alloc_array(arena, t.rows.len, sizeof *values);
	const struct row *rows = t.rows.items;
	for (size_t i = 0; i < t.rows.len; i++) {
		if (!rows[i].cells[name] || !*rows[i].cells[name])
			return fail(&r, rows[i].line, "a row without a variable name");
		values[i] = (struct mz_observed_value){
			rows[i].cells[name], rows[i].cells[value] ? rows[i].cells[value] : "",
			{ path, rows[i].line } };
	}
	*out = (struct mz_observed_set){ path, t.format, values, t.rows.len, NULL };
	mz_observed_index(arena, out);
	for (size_t i = 1; i < out->n; i++)
		if (strcasecmp(out->by_name[i - 1]->name, out->by_name[i]->name) == 0)
			return fail(&r, out->by_name[i]->at.line, "'%s' is listed again (first at line "
				    "%u): are two dumps in one file?", out->by_name[i]->name,
				    out->by_name[i - 1]->at.line);
	return true;
}

bool mz_dump_read_processlist(struct mz_arena *arena, const char *path,
			      struct mz_processlist *out, struct mz_dump_error *error)
{
	static const char *const names[] = { "Id", "User", "Host", "db", "Command", "Time",
					     "State", "Info", "Progress", NULL };
	struct reader r = { arena, path, error, names };
	struct table t = { 0 };
	if (!read_table_file(&r, &t))
		return false;
	int id = column(&t, "Id"), user = column(&t, "User"), host = column(&t, "Host"),
	    command = column(&t, "Command"), time = column(&t, "Time");
	if (id < 0 || user < 0 || host < 0 || command < 0 || time < 0)
		return fail(&r, 0, "one of the columns Id, User, Host, Command and Time is missing: not "
			    "the output of SHOW PROCESSLIST");
	struct mz_connection *list = mz_alloc_array(arena, t.rows.len, sizeof *list);
	const struct row *rows = t.rows.items;
	for (size_t i = 0; i < t.rows.len; i++) {
		const char *const *cell = rows[i].cells;
		char *end;
		if (!cell[id] || !cell[time] || !cell[user] || !cell[host] || !cell[command])
			return fail(&r, rows[i].line, "a row without its Id, User, Host, Command or Time");
		list[i].id = strtoull(cell[id], &end, 10);
		if (*end || !*cell[id])
			return fail(&r, rows[i].line, "Id '%s' is not a number", cell[id]);
		list[i].time = strtoull(cell[time], &end, 10);
		if (*end || !*cell[time])
			return fail(&r, rows[i].line, "Time '%s' is not a number of seconds", cell[time]);
		list[i].host = mz_host_without_port(arena, cell[host]);
		list[i].user = cell[user];
		list[i].command = cell[command];
		list[i].at = (struct mz_origin){ path, rows[i].line };
	}
	*out = (struct mz_processlist){ path, t.format, list, t.rows.len };
	return true;
}

const struct mz_target *mz_target_of_version(const char *version, const char *comment,
					     const char **why)
{
	unsigned major = 0, minor = 0;
	bool mariadb = strstr(version, "MariaDB") || (comment && strstr(comment, "MariaDB"));
	if (sscanf(version, "%u.%u", &major, &minor) != 2) {
		*why = "it does not start with a version number";
		return NULL;
	}
	static const struct {
		bool mariadb;
		unsigned major, minor;
		const char *target;
	} known[] = {
		{ false, 5, 7, "mysql-5.7" },	    { false, 8, 0, "mysql-8.0" },
		{ false, 8, 4, "mysql-8.4" },	    { true, 10, 6, "mariadb-10.6" },
		{ true, 10, 11, "mariadb-10.11" }, { true, 11, 4, "mariadb-11.4" },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i].mariadb == mariadb && known[i].major == major && known[i].minor == minor)
			return mz_target_find(known[i].target);
	*why = "mysizer knows MySQL 5.7, 8.0 and 8.4 and MariaDB 10.6, 10.11 and 11.4";
	return NULL;
}
