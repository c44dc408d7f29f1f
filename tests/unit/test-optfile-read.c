/* Reading whole trees: include resolution, group context, origins, problems. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mysizer/optfile.h"

struct fixture {
	char dir[64];
	char cwd[4096];
	struct mz_arena *arena;
	struct mz_optfile result;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f || !getcwd(f->cwd, sizeof f->cwd))
		return -1;
	strcpy(f->dir, "/tmp/mysizer-test-XXXXXX");
	if (!mkdtemp(f->dir) || chdir(f->dir) != 0)
		return -1;
	f->arena = mz_arena_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	int rc = chdir(f->cwd) == 0 && system(cmd) == 0 ? 0 : -1;
	mz_arena_free(f->arena);
	free(f);
	return rc;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	chmod(path, 0644);
}

static const struct mz_optfile *read_tree(struct fixture *f, const char *target, const char *path)
{
	struct mz_read_options opts = { .home = f->dir };
	mz_optfile_read(f->arena, mz_target_find(target), path, &opts, &f->result);
	return &f->result;
}

/* Asserts the options the server reads, each as "file:line name=value". */
static void assert_read(const struct mz_optfile *r, const char *const *want, size_t n)
{
	size_t seen = 0;
	for (size_t i = 0; i < r->n_options; i++) {
		const struct mz_option *o = &r->options[i];
		if (!o->server_reads)
			continue;
		char got[256];
		snprintf(got, sizeof got, "%s:%u %s=%s", o->at.file, o->at.line, o->name,
			 o->value ? o->value : "(bare)");
		assert_true(seen < n);
		assert_string_equal(got, want[seen]);
		seen++;
	}
	assert_int_equal(seen, n);
}

static const struct mz_problem *find_problem(const struct mz_optfile *r, enum mz_problem_kind kind)
{
	for (size_t i = 0; i < r->n_problems; i++)
		if (r->problems[i].kind == kind)
			return &r->problems[i];
	return NULL;
}

static size_t count_problems(const struct mz_optfile *r, enum mz_problem_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_problems; i++)
		n += r->problems[i].kind == kind;
	return n;
}

#define ASSERT_READ(r, ...)                                                         \
	do {                                                                        \
		static const char *const want_[] = { __VA_ARGS__ };                  \
		assert_read((r), want_, sizeof want_ / sizeof want_[0]);            \
	} while (0)

static void include_is_spliced_and_the_group_comes_back(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "[mysqld]\na=1\n!include inc.cnf\nb=2\n");
	write_file("inc.cnf", "[mysqld]\nx=1\n[client]\ny=2\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_false(r->fatal);
	ASSERT_READ(r, "my.cnf:2 a=1", "inc.cnf:2 x=1", "my.cnf:4 b=2");
	assert_int_equal(r->n_options, 4); /* y=2 is kept, in a group the server does not read */
	assert_int_equal(r->n_files, 2);
	assert_string_equal(r->files[1], "inc.cnf");
}

static void included_file_starts_without_a_group(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "[mysqld]\na=1\n!include inc.cnf\nb=2\n");
	write_file("inc.cnf", "x=1\n[mysqld]\ny=2\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_false(r->fatal);
	ASSERT_READ(r, "my.cnf:2 a=1", "my.cnf:4 b=2");
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_OPTION_WITHOUT_GROUP);
	assert_non_null(p);
	assert_int_equal(p->severity, MZ_SEV_ERROR);
	assert_string_equal(p->at.file, "inc.cnf");
	assert_int_equal(p->at.line, 1);
	assert_string_equal(p->server_text,
			    "error: Found option without preceding group in config file: inc.cnf "
			    "at line: 1");
}

static void option_before_any_group_is_fatal_in_the_top_file(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "a=1\n[mysqld]\nb=2\n");
	const struct mz_optfile *r = read_tree(f, "mysql-8.0", "my.cnf");
	assert_true(r->fatal);
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_OPTION_WITHOUT_GROUP);
	assert_non_null(p);
	assert_int_equal(p->severity, MZ_SEV_FATAL);
	char want[4200];
	snprintf(want, sizeof want,
		 "Found option without preceding group in config file %s/my.cnf at line 1.", f->dir);
	assert_string_equal(p->server_text, want);
}

static void byte_order_mark_is_named(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "\xEF\xBB\xBF[mysqld]\na=1\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_true(r->fatal);
	assert_non_null(find_problem(r, MZ_PROBLEM_BOM));
}

static void includedir_reads_cnf_files_in_byte_order(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(mkdir("conf.d", 0755), 0);
	assert_int_equal(mkdir("conf.d/sub.cnf", 0755), 0);
	write_file("conf.d/sub.cnf/inner.cnf", "[mysqld]\ninner=1\n");
	const char *const names[] = { "9-a.cnf", "10-b.cnf", "B.cnf", "a.cnf", ".hidden.cnf",
				      "x.conf", "y.cnf.bak", "Z.CNF", "notes.txt" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[64], text[64];
		snprintf(path, sizeof path, "conf.d/%s", names[i]);
		snprintf(text, sizeof text, "[mysqld]\nfrom=%s\n", names[i]);
		write_file(path, text);
	}
	write_file("my.cnf", "[mysqld]\n!includedir conf.d\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_false(r->fatal);
	ASSERT_READ(r, "conf.d/.hidden.cnf:2 from=.hidden.cnf", "conf.d/10-b.cnf:2 from=10-b.cnf",
		    "conf.d/9-a.cnf:2 from=9-a.cnf", "conf.d/B.cnf:2 from=B.cnf",
		    "conf.d/a.cnf:2 from=a.cnf");
	assert_int_equal(count_problems(r, MZ_PROBLEM_INCLUDEDIR_SKIPPED), 3);
	assert_int_equal(count_problems(r, MZ_PROBLEM_DIRECTORY_AS_FILE), 1);
	assert_int_equal(count_problems(r, MZ_PROBLEM_INCLUDE_RELATIVE), 1);
}

static void mysql_5_7_takes_the_extension_from_the_first_dot(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(mkdir("d", 0755), 0);
	write_file("d/.hidden.cnf", "[mysqld]\nhidden=1\n");
	write_file("d/a.b.cnf", "[mysqld]\ndotted=1\n");
	write_file("d/plain.cnf", "[mysqld]\nplain=1\n");
	write_file("my.cnf", "[mysqld]\n!includedir d\n");
	ASSERT_READ(read_tree(f, "mysql-5.7", "my.cnf"), "d/plain.cnf:2 plain=1");
	ASSERT_READ(read_tree(f, "mysql-8.0", "my.cnf"), "d/.hidden.cnf:2 hidden=1",
		    "d/a.b.cnf:2 dotted=1", "d/plain.cnf:2 plain=1");
}

static void mysql_8_logs_an_include_that_stopped(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "[mysqld]\n!include bad.cnf\na=1\n");
	write_file("bad.cnf", "x=1\n");
	const struct mz_optfile *r = read_tree(f, "mysql-8.0", "my.cnf");
	assert_false(r->fatal);
	ASSERT_READ(r, "my.cnf:3 a=1");
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_OPTION_WITHOUT_GROUP);
	char want[4400];
	snprintf(want, sizeof want,
		 "Found option without preceding group in config file bad.cnf at line 1.\n"
		 "Stopped processing the 'include' directive in file %s/my.cnf at line 2.", f->dir);
	assert_string_equal(p->server_text, want);

	/* MariaDB says nothing more than the error in the included file */
	r = read_tree(f, "mariadb-10.11", "my.cnf");
	p = find_problem(r, MZ_PROBLEM_OPTION_WITHOUT_GROUP);
	assert_string_equal(p->server_text, "error: Found option without preceding group in "
					    "config file: bad.cnf at line: 1");
}

static void missing_includedir_is_fatal(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "[mysqld]\na=1\n!includedir nope\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_true(r->fatal);
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_INCLUDEDIR_UNREADABLE);
	assert_non_null(p);
	assert_int_equal(p->at.line, 3);
	assert_string_equal(p->server_text,
			    "Can't read dir of 'nope' (Errcode: 2 \"No such file or directory\")");
}

static void missing_include_is_silent_on_mariadb_and_logged_on_mysql_8(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "[mysqld]\n!include /nonexistent/x.cnf\na=1\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_false(r->fatal);
	ASSERT_READ(r, "my.cnf:3 a=1");
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_INCLUDE_MISSING);
	assert_non_null(p);
	assert_int_equal(p->severity, MZ_SEV_NOTE);
	assert_null(p->server_text);

	r = read_tree(f, "mysql-8.0", "my.cnf");
	assert_false(r->fatal);
	p = find_problem(r, MZ_PROBLEM_INCLUDE_MISSING);
	assert_non_null(p);
	assert_int_equal(p->severity, MZ_SEV_ERROR);
	assert_non_null(strstr(p->server_text, "Stopped processing the 'include' directive"));
}

static void self_include_stops_at_depth_ten(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "[mysqld]\na=1\n!include my.cnf\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_false(r->fatal);
	assert_int_equal(r->n_options, 11);
	assert_int_equal(r->n_files, 11);
	assert_int_equal(count_problems(r, MZ_PROBLEM_INCLUDE_DEPTH), 1);
	/* a note is given once, not once per pass through the cycle */
	assert_int_equal(count_problems(r, MZ_PROBLEM_INCLUDE_RELATIVE), 1);
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_INCLUDE_DEPTH);
	assert_string_equal(p->server_text,
			    "Warning: skipping '!include my.cnf' directive as maximum "
			    "includerecursion level was reached in file my.cnf at line 3");
}

static void home_is_expanded(void **state)
{
	struct fixture *f = *state;
	write_file("home.cnf", "[mysqld]\nfrom_home=1\n");
	write_file("my.cnf", "[mysqld]\n!include ~/home.cnf\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_int_equal(r->n_options, 1);
	char want[4200];
	snprintf(want, sizeof want, "%s/home.cnf", f->dir);
	assert_string_equal(r->options[0].at.file, want);
}

static void long_lines_split_where_the_target_splits(void **state)
{
	struct fixture *f = *state;
	char text[6000];
	int n = snprintf(text, sizeof text, "[mysqld]\nk=");
	memset(text + n, 'v', 5000);
	snprintf(text + n + 5000, sizeof text - (size_t)n - 5000, "\n[bad\n");
	write_file("my.cnf", text);

	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_true(r->fatal);
	assert_int_equal(r->n_options, 2); /* 4094 bytes, then the rest as a second option */
	assert_int_equal(r->options[1].at.line, 2);
	assert_int_equal(strlen(r->options[1].name), 5002 - 4094);
	assert_non_null(find_problem(r, MZ_PROBLEM_LINE_SPLIT));
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_HEADER_UNTERMINATED);
	assert_int_equal(p->at.line, 3);                    /* where an editor shows it */
	assert_non_null(strstr(p->server_text, "at line 4")); /* where the server counts it */

	r = read_tree(f, "mysql-8.0", "my.cnf");
	assert_int_equal(r->n_options, 1);
	assert_int_equal(strlen(r->options[0].value), 5000);
	assert_null(find_problem(r, MZ_PROBLEM_LINE_SPLIT));
}

static void world_writable_file_is_ignored(void **state)
{
	struct fixture *f = *state;
	write_file("my.cnf", "[mysqld]\n!include ww.cnf\na=1\n");
	write_file("ww.cnf", "[mysqld]\nx=1\n");
	chmod("ww.cnf", 0666);
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	ASSERT_READ(r, "my.cnf:3 a=1");
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_WORLD_WRITABLE);
	assert_int_equal(p->severity, MZ_SEV_WARNING);
	assert_string_equal(p->server_text, "Warning: World-writable config file 'ww.cnf' is ignored");
}

static void missing_file_is_fatal(void **state)
{
	struct fixture *f = *state;
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "none.cnf");
	assert_true(r->fatal);
	const struct mz_problem *p = find_problem(r, MZ_PROBLEM_FILE_MISSING);
	assert_non_null(p);
	assert_string_equal(p->message, "cannot open 'none.cnf': No such file or directory");
}

static void fifo_is_refused(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(mkfifo("pipe.cnf", 0644), 0);
	write_file("my.cnf", "[mysqld]\n!include pipe.cnf\n");
	const struct mz_optfile *r = read_tree(f, "mariadb-10.11", "my.cnf");
	assert_true(r->fatal);
	assert_non_null(find_problem(r, MZ_PROBLEM_FILE_REFUSED));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(include_is_spliced_and_the_group_comes_back),
		T(included_file_starts_without_a_group),
		T(option_before_any_group_is_fatal_in_the_top_file),
		T(byte_order_mark_is_named),
		T(includedir_reads_cnf_files_in_byte_order),
		T(mysql_5_7_takes_the_extension_from_the_first_dot),
		T(mysql_8_logs_an_include_that_stopped),
		T(missing_includedir_is_fatal),
		T(missing_include_is_silent_on_mariadb_and_logged_on_mysql_8),
		T(self_include_stops_at_depth_ten),
		T(home_is_expanded),
		T(long_lines_split_where_the_target_splits),
		T(world_writable_file_is_ignored),
		T(missing_file_is_fatal),
		T(fifo_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
