/* The deployment model: sizes and fd limits, JSON lines by pointer, unit files, the reader's
 * defaults, and the arithmetic the sizing rules share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "json-locate.h"
#include "mysizer/deploy.h"
#include "mysizer/sizing.h"

static void sizes_read_binary_and_decimal_units(void **state)
{
	(void)state;
	uint64_t n;
	assert_true(mz_parse_size("16GiB", &n));
	assert_int_equal(n, UINT64_C(16) << 30);
	assert_true(mz_parse_size("512M", &n));
	assert_int_equal(n, UINT64_C(512) << 20);
	assert_true(mz_parse_size("4gb", &n));
	assert_int_equal(n, UINT64_C(4000000000));
	assert_true(mz_parse_size("1.5G", &n));
	assert_int_equal(n, UINT64_C(3) << 29);
	assert_true(mz_parse_size("100", &n));
	assert_int_equal(n, 100);
	assert_true(mz_parse_size("8 Ki", &n));
	assert_int_equal(n, 8192);
	const char *bad[] = { "", "G", "-1G", "1e9", "0x10", "16 gigs", "16GiBs", " 1G", "9E", NULL };
	for (const char **b = bad; *b; b++)
		assert_false(mz_parse_size(*b, &n));
	assert_false(mz_parse_size("9000000000T", &n)); /* past 2^63 */
}

static void nofile_reads_like_limitnofile(void **state)
{
	(void)state;
	uint64_t soft, hard;
	assert_true(mz_parse_nofile("1024", &soft, &hard));
	assert_int_equal(soft, 1024);
	assert_int_equal(hard, 1024);
	assert_true(mz_parse_nofile("1024:524288", &soft, &hard));
	assert_int_equal(soft, 1024);
	assert_int_equal(hard, 524288);
	assert_true(mz_parse_nofile("infinity", &soft, &hard));
	assert_int_equal(soft, MZ_NOFILE_INFINITY);
	assert_true(mz_parse_nofile("4096:infinity", &soft, &hard));
	assert_int_equal(hard, MZ_NOFILE_INFINITY);
	const char *bad[] = { "", "0", "2048:1024", "1k", "-1", "1024:", ":1024", "1 024", NULL };
	for (const char **b = bad; *b; b++)
		assert_false(mz_parse_nofile(*b, &soft, &hard));
}

static void json_lines_follow_pointers(void **state)
{
	(void)state;
	struct mz_arena *arena = mz_arena_new();
	const char *text = "{\n \"a\": {\n  \"b/c\": [\n   1,\n   {\"d~\": \"x\\\"}\"}\n  ]\n },\n"
			   " \"e\": 2\n}\n";
	struct mz_json_lines lines = { 0 };
	mz_json_locate(arena, text, strlen(text), &lines);
	assert_int_equal(mz_json_line(&lines, ""), 1);
	assert_int_equal(mz_json_line(&lines, "/a"), 2);
	assert_int_equal(mz_json_line(&lines, "/a/b~1c"), 3);
	assert_int_equal(mz_json_line(&lines, "/a/b~1c/0"), 4);
	assert_int_equal(mz_json_line(&lines, "/a/b~1c/1/d~0"), 5);
	assert_int_equal(mz_json_line(&lines, "/e"), 8);
	/* A pointer to nothing gets the line of what encloses it. */
	assert_int_equal(mz_json_line(&lines, "/a/b~1c/1/missing"), 5);
	assert_int_equal(mz_json_line(&lines, "/ee"), 1);
	assert_string_equal(mz_json_token(arena, "x/y~z"), "x~1y~0z");
	mz_arena_free(arena);
}

/* Writes text to a fresh temporary file and returns its path. */
static char *temp_file(const char *text)
{
	char *path = strdup("/tmp/mysizer-unit-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void units_last_limitnofile_wins(void **state)
{
	(void)state;
	struct mz_arena *arena = mz_arena_new();
	char *unit = temp_file("[Unit]\nLimitNOFILE=5\n[Service]\nType=notify\nLimitNOFILE=32768\n");
	char *dropin = temp_file("# a drop-in\n\n[Service]\nLimitNOFILE=1024:4096\n");
	char *reset = temp_file("[Service]\nLimitNOFILE=\n");
	struct mz_deploy d = { 0 };
	struct mz_deploy_error e = { 0 };
	const char *both[] = { unit, dropin };
	assert_true(mz_systemd_nofile(arena, both, 2, &d, &e));
	assert_int_equal(d.nofile_soft, 1024);
	assert_int_equal(d.nofile_hard, 4096);
	assert_string_equal(d.nofile_at.file, dropin);
	assert_int_equal(d.nofile_at.line, 4);
	assert_null(d.nofile_note);

	const char *one[] = { unit };
	assert_true(mz_systemd_nofile(arena, one, 1, &d, &e));
	assert_int_equal(d.nofile_soft, 32768); /* not the [Unit] line */
	assert_int_equal(d.nofile_at.line, 5);

	/* An empty assignment takes back what came before: systemd's default applies. */
	const char *reset_after[] = { unit, reset };
	assert_true(mz_systemd_nofile(arena, reset_after, 2, &d, &e));
	assert_int_equal(d.nofile_soft, 1024);
	assert_int_equal(d.nofile_hard, 524288);
	assert_non_null(d.nofile_note);
	for (char **p = (char *[]){ unit, dropin, reset, NULL }; *p; p++) {
		unlink(*p);
		free(*p);
	}
	mz_arena_free(arena);
}

/* Reads one app file of text; the app, or NULL with the error in *e. */
static const struct mz_app *read_app(struct mz_arena *arena, const char *text,
				     struct mz_deploy_error *e)
{
	char *path = temp_file(text);
	const char *files[] = { path };
	struct mz_deploy d;
	bool ok = mz_deploy_read(arena, NULL, files, 1, &d, e);
	unlink(path);
	free(path);
	return ok ? d.apps : NULL;
}

static void omitted_settings_take_the_library_defaults(void **state)
{
	(void)state;
	struct mz_arena *arena = mz_arena_new();
	struct mz_deploy_error e;
	const struct mz_app *app = read_app(
		arena, "{\"name\": \"a\", \"library\": \"hikari\", \"pool\": {\"maximum-pool-size\": 7}}",
		&e);
	assert_non_null(app);
	assert_int_equal(mz_app_setting(app, "maximumPoolSize")->value, 7);
	assert_string_equal(mz_app_setting(app, "maximumPoolSize")->written, "maximum-pool-size");
	assert_int_equal(mz_app_setting(app, "minimumIdle")->value, 7); /* = maximumPoolSize */
	assert_false(mz_app_setting(app, "minimumIdle")->given);
	assert_int_equal(mz_app_setting(app, "maxLifetime")->value, 1800000);
	assert_int_equal(app->replicas, 1);

	app = read_app(arena, "{\"name\": \"b\", \"library\": \"mysql2\", \"replicas\": 10, "
			      "\"max_surge\": \"25%\", \"pool\": {\"connectionLimit\": 4}}", &e);
	assert_non_null(app);
	assert_int_equal(mz_app_setting(app, "maxIdle")->value, 4); /* = connectionLimit */
	assert_int_equal(app->surge, 3);                            /* 2.5, rounded up */
	assert_null(mz_app_setting(app, "pool_size"));

	assert_null(read_app(arena, "{\"name\": \"c\", \"library\": \"django\", \"threads\": 0}", &e));
	assert_non_null(strstr(e.message, "'threads'"));
	assert_string_equal(e.at.pointer, "/threads");
	mz_arena_free(arena);
}

static void demand_multiplies_per_library(void **state)
{
	(void)state;
	struct mz_arena *arena = mz_arena_new();
	struct mz_deploy_error e;
	struct mz_demand d;
	mz_app_demand(arena,
		      read_app(arena, "{\"name\": \"s\", \"library\": \"sqlalchemy\", \"replicas\": 3, "
				      "\"processes\": 4, \"max_surge\": 1, "
				      "\"pool\": {\"pool_size\": 10, \"max_overflow\": 5}}", &e),
		      &d);
	assert_int_equal(d.per_process, 15);
	assert_int_equal(d.steady, 180);
	assert_int_equal(d.peak, 240);
	mz_app_demand(arena,
		      read_app(arena, "{\"name\": \"dj\", \"library\": \"django\", \"replicas\": 2, "
				      "\"processes\": 3, \"threads\": 4}", &e),
		      &d);
	assert_int_equal(d.steady, 24);
	assert_false(d.pooled); /* CONN_MAX_AGE 0 by default */
	mz_app_demand(arena,
		      read_app(arena, "{\"name\": \"n\", \"library\": \"sqlalchemy\", "
				      "\"pool\": {\"max_overflow\": -1}}", &e),
		      &d);
	assert_true(d.unbounded);
	assert_int_equal(d.steady, 0);
	mz_arena_free(arena);
}

static void pools_scale_down_to_fit(void **state)
{
	(void)state;
	struct mz_arena *arena = mz_arena_new();
	struct mz_deploy_error e;
	struct mz_demand apps[2];
	mz_app_demand(arena, read_app(arena, "{\"name\": \"h\", \"library\": \"hikari\", "
					     "\"replicas\": 10, \"pool\": {\"maximumPoolSize\": 20}}", &e),
		      &apps[0]);
	mz_app_demand(arena, read_app(arena, "{\"name\": \"f\", \"library\": \"fixed\", "
					     "\"replicas\": 5, \"pool\": {\"connections\": 2}}", &e),
		      &apps[1]);
	struct mz_total_demand total = { apps, 2, 10, 220, 220, false };
	/* 110 connections for 210 of demand: each pool keeps 110/210 of its size, rounded down. */
	const char *text = mz_fit_pools(arena, &total, false, 120);
	assert_non_null(text);
	assert_string_equal(text, "h: maximumPoolSize 20 → 10 (100 connections)\n"
				  "f: connections 2 → 1 (5 connections)");
	/* Not even one connection per process fits. */
	assert_null(mz_fit_pools(arena, &total, false, 12));
	assert_null(mz_fit_pools(arena, &total, false, 300)); /* nothing to cut */
	mz_arena_free(arena);
}

static void each_library_has_its_settings_together(void **state)
{
	(void)state;
	for (int lib = MZ_LIB_HIKARI; lib <= MZ_LIB_FIXED; lib++) {
		size_t first = mz_param_count, last = 0, count = 0;
		for (size_t i = 0; i < mz_param_count; i++) {
			if ((int)mz_params[i].library != lib)
				continue;
			first = i < first ? i : first;
			last = i;
			count++;
		}
		assert_true(count > 0);
		assert_int_equal(last - first + 1, count);
	}
}

static void bytes_read_as_people_write_them(void **state)
{
	(void)state;
	struct mz_arena *arena = mz_arena_new();
	assert_string_equal(mz_bytes_text(arena, 300), "300 bytes");
	assert_string_equal(mz_bytes_text(arena, 512 << 10), "512 KiB");
	assert_string_equal(mz_bytes_text(arena, UINT64_C(2) << 30), "2 GiB");
	assert_string_equal(mz_bytes_text(arena, 25890816), "24.7 MiB");
	assert_string_equal(mz_cnf_size(arena, UINT64_C(2) << 30), "2G");
	assert_string_equal(mz_cnf_size(arena, 262144), "256K");
	assert_string_equal(mz_cnf_size(arena, UINT64_C(1717567488)), "1638M");
	assert_string_equal(mz_cnf_size(arena, 1000), "1000");
	mz_arena_free(arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sizes_read_binary_and_decimal_units),
		cmocka_unit_test(nofile_reads_like_limitnofile),
		cmocka_unit_test(json_lines_follow_pointers),
		cmocka_unit_test(units_last_limitnofile_wins),
		cmocka_unit_test(omitted_settings_take_the_library_defaults),
		cmocka_unit_test(demand_multiplies_per_library),
		cmocka_unit_test(pools_scale_down_to_fit),
		cmocka_unit_test(each_library_has_its_settings_together),
		cmocka_unit_test(bytes_read_as_people_write_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
