/*
 * The dump reader against what the real mariadb client printed (testdata/dumps/): every format
 * of a dump reads as the same rows as its batch output without header, whose lines are split
 * here at their one tab; processlists give their connections; broken files name their line.
 *
 * usage: test-dump DUMPS_DIR
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena-fixture.h"
#include "mysizer/observed.h"

static const char *dumps;

static const char *path(const char *name)
{
	return mz_printf(arena, "%s/%s", dumps, name);
}

static struct mz_observed_set read_set(const char *name)
{
	struct mz_observed_set set;
	struct mz_dump_error e = { 0 };
	if (!mz_dump_read_set(arena, path(name), &set, &e))
		fail_msg("%s:%u: %s", e.at.file, e.at.line, e.message);
	return set;
}

/* The rows of -B -N output, with the client's escapes undone as the reader undoes them. */
static void expect_same_rows(const char *reference, const char *other, bool values)
{
	FILE *f = fopen(path(reference), "r");
	assert_non_null(f);
	struct mz_observed_set set = read_set(other);
	char line[65536];
	size_t n = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab = '\0';
		assert_true(n < set.n);
		assert_string_equal(set.values[n].name, line);
		if (values && !strchr(tab + 1, '\\'))
			assert_string_equal(set.values[n].value, tab + 1);
		n++;
	}
	fclose(f);
	assert_int_equal(set.n, n);
}

static void variables_in_every_format(void **state)
{
	(void)state;
	static const char *const formats[] = { "vars.batch", "vars.batch-nh", "vars.table",
					       "vars.vertical" };
	static const enum mz_dump_format kinds[] = { MZ_DUMP_BATCH, MZ_DUMP_BATCH_NO_HEADER,
						     MZ_DUMP_TABLE, MZ_DUMP_VERTICAL };
	for (size_t i = 0; i < 4; i++) {
		const char *name = mz_printf(arena, "mariadb-10.11/%s", formats[i]);
		expect_same_rows("mariadb-10.11/vars.batch-nh", name, true);
		assert_int_equal(read_set(name).format, kinds[i]);
	}
	struct mz_observed_set set = read_set("mariadb-10.11/vars.table");
	const struct mz_observed_value *v = mz_observed_find(&set, "MAX_CONNECTIONS");
	assert_non_null(v);
	assert_string_equal(v->value, "120");
	assert_int_equal(v->at.line, 3 + (unsigned)(v - set.values) + 1);
	uint64_t n;
	assert_true(mz_observed_number(&set, "thread_cache_size", &n));
	assert_int_equal(n, 4);
	assert_false(mz_observed_number(&set, "version", &n));
	assert_false(mz_observed_number(&set, "no_such_variable", &n));
	/* An empty value is a value. */
	v = mz_observed_find(&set, "init_connect");
	assert_non_null(v);
	assert_string_equal(v->value, "");
}

static void status_in_every_format(void **state)
{
	(void)state;
	static const char *const formats[] = { "status.batch", "status.table", "status.vertical" };
	for (size_t i = 0; i < 3; i++)
		expect_same_rows("mariadb-10.11/status.batch-nh",
				 mz_printf(arena, "mariadb-10.11/%s", formats[i]), false);
	struct mz_observed_set set = read_set("pasted/status.session");
	assert_int_equal(set.format, MZ_DUMP_TABLE);
	assert_int_equal(set.n, 8);
	const struct mz_observed_value *v = mz_observed_find(&set, "max_used_connections");
	assert_non_null(v);
	assert_string_equal(v->value, "5");
	assert_int_equal(v->at.line, 19);
}

static void processlists(void **state)
{
	(void)state;
	static const char *const formats[] = { "processlist.batch", "processlist.batch-nh",
					       "processlist.table", "processlist.vertical",
					       "processlist-information-schema.batch" };
	for (size_t i = 0; i < 5; i++) {
		struct mz_processlist list;
		struct mz_dump_error e = { 0 };
		const char *name = mz_printf(arena, "mariadb-10.11/%s", formats[i]);
		if (!mz_dump_read_processlist(arena, path(name), &list, &e))
			fail_msg("%s:%u: %s", e.at.file, e.at.line, e.message);
		unsigned sleeping = 0, app = 0;
		for (size_t c = 0; c < list.n; c++) {
			sleeping += strcmp(list.list[c].command, "Sleep") == 0;
			app += strcmp(list.list[c].user, "app") == 0;
			/* The port goes: it changes with every connection. */
			assert_null(strchr(list.list[c].host, ':'));
		}
		assert_int_equal(sleeping, 4);
		assert_int_equal(app, 3);
		assert_int_equal(list.list[0].id, 5);
		assert_string_equal(list.list[0].host, "localhost");
		assert_int_equal(list.list[0].time, 3);
	}
}

struct broken {
	const char *file;
	unsigned line;
	const char *message; /* the start of it */
	bool processlist;
};

static void broken_files(void **state)
{
	(void)state;
	static const struct broken cases[] = {
		{ "not-a-dump.txt", 1, "not the client's output of SHOW ...", false },
		{ "batch-without-tab.txt", 3, "no tab in this line", false },
		{ "table-cut.txt", 5, "the table has no closing '+---+' border", false },
		{ "table-wrapped.txt", 5, "a row of the table that does not start with '|'", false },
		{ "listed-twice.txt", 4, "'max_connections' is listed again (first at line 2)", false },
		{ "no-variable-name.txt", 0, "no Variable_name and Value columns", false },
		{ "mixed-formats.txt", 4, "a '+---+' table after vertical output", false },
		{ "processlist-time.txt", 2, "Time 'soon' is not a number of seconds", true },
		{ "no-such-file.txt", 0, "cannot open '", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct broken *c = &cases[i];
		struct mz_dump_error e = { 0 };
		struct mz_observed_set set;
		struct mz_processlist list;
		const char *p = path(mz_printf(arena, "malformed/%s", c->file));
		bool ok = c->processlist ? mz_dump_read_processlist(arena, p, &list, &e)
					 : mz_dump_read_set(arena, p, &set, &e);
		assert_false(ok);
		assert_string_equal(e.at.file, p);
		assert_int_equal(e.at.line, c->line);
		if (strncmp(e.message, c->message, strlen(c->message)) != 0)
			fail_msg("%s: '%s' does not start with '%s'", c->file, e.message, c->message);
	}
}

static void targets_of_versions(void **state)
{
	(void)state;
	const char *why = NULL;
	assert_string_equal(mz_target_of_version("10.11.19-MariaDB-0+deb12u1", "Debian 12", &why)->name,
			    "mariadb-10.11");
	assert_string_equal(mz_target_of_version("8.0.36", "MySQL Community Server - GPL", &why)->name,
			    "mysql-8.0");
	assert_string_equal(mz_target_of_version("8.0.36-28", "Percona Server (GPL)", &why)->name,
			    "mysql-8.0");
	assert_string_equal(mz_target_of_version("5.7.44-log", NULL, &why)->name, "mysql-5.7");
	assert_string_equal(mz_target_of_version("11.4.5-MariaDB", NULL, &why)->name, "mariadb-11.4");
	assert_string_equal(mz_target_of_version("10.6.18-MariaDB-log", NULL, &why)->name,
			    "mariadb-10.6");
	assert_null(mz_target_of_version("10.5.26-MariaDB", NULL, &why));
	assert_non_null(why);
	assert_null(mz_target_of_version("9.1.0", NULL, &why));
	assert_null(mz_target_of_version("MariaDB", NULL, &why));
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test-dump DUMPS_DIR\n");
		return 2;
	}
	dumps = argv[1];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(variables_in_every_format),
		cmocka_unit_test(status_in_every_format),
		cmocka_unit_test(processlists),
		cmocka_unit_test(broken_files),
		cmocka_unit_test(targets_of_versions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
