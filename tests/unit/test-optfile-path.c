/* Include paths: '~' expansion and the servers' textual clean-up of the directory part. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "arena-fixture.h"
#include "optfile-path.h"

static void assert_resolves(const char *path, const char *home, const char *want)
{
	assert_string_equal(mz_path_resolve(arena, path, home), want);
}

static void plain_paths_are_kept(void **state)
{
	(void)state;
	assert_resolves("x.cnf", "/home/u", "x.cnf");
	assert_resolves("/etc/mysql/conf.d/x.cnf", "/home/u", "/etc/mysql/conf.d/x.cnf");
	assert_resolves("conf.d/x.cnf", NULL, "conf.d/x.cnf");
	/* a leading "./" stays, as it does in the servers' messages */
	assert_resolves("./x.cnf", NULL, "./x.cnf");
}

static void directory_part_is_cleaned_by_text(void **state)
{
	(void)state;
	assert_resolves("missing/../x.cnf", NULL, "x.cnf");
	assert_resolves("a/b/../x.cnf", NULL, "a/x.cnf");
	assert_resolves("a//b/./x.cnf", NULL, "a/b/x.cnf");
	assert_resolves("../../x.cnf", NULL, "../../x.cnf");
	assert_resolves("./../p/x.cnf", NULL, "../p/x.cnf");
	assert_resolves("/../etc/x.cnf", NULL, "/etc/x.cnf");
	assert_resolves("/etc//mysql/../my.cnf", NULL, "/etc/my.cnf");
	/* only the directory part: the name is the name */
	assert_resolves("a/..", NULL, "a/..");
}

static void home_is_expanded_first(void **state)
{
	(void)state;
	assert_resolves("~/x.cnf", "/home/u", "/home/u/x.cnf");
	assert_resolves("~/x.cnf", "/home/u/", "/home/u/x.cnf");
	assert_resolves("~/../v/x.cnf", "/home/u", "/home/v/x.cnf");
	/* no HOME: the path stays, relative to the current directory */
	assert_resolves("~/x.cnf", NULL, "~/x.cnf");
	/* a bare "~" has no directory part to expand */
	assert_resolves("~", "/home/u", "~");
	/* '~' only counts at the start */
	assert_resolves("a/~/x.cnf", "/home/u", "a/~/x.cnf");
	assert_resolves("~root/x.cnf", NULL, "/root/x.cnf");
	assert_resolves("~no-such-user-here/x.cnf", "/home/u", "~no-such-user-here/x.cnf");
}

static void includedir_entries_are_joined(void **state)
{
	(void)state;
	assert_string_equal(mz_path_join(arena, "conf.d", "a.cnf"), "conf.d/a.cnf");
	assert_string_equal(mz_path_join(arena, "conf.d/", "a.cnf"), "conf.d/a.cnf");
	assert_string_equal(mz_path_join(arena, "/", "a.cnf"), "/a.cnf");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_paths_are_kept),
		cmocka_unit_test(directory_part_is_cleaned_by_text),
		cmocka_unit_test(home_is_expanded_first),
		cmocka_unit_test(includedir_entries_are_joined),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
