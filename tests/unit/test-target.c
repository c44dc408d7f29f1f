/* The targets and the option groups each one's server reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "mysizer/target.h"

static void every_target_is_found_by_name(void **state)
{
	(void)state;
	for (size_t i = 0; i < mz_target_count; i++)
		assert_ptr_equal(mz_target_find(mz_targets[i].name), &mz_targets[i]);
	assert_null(mz_target_find("mysql-9.0"));
	assert_null(mz_target_find("MariaDB-10.11"));
	assert_non_null(mz_target_default());
}

static void mariadb_reads_its_nine_groups(void **state)
{
	(void)state;
	const struct mz_target *t = mz_target_find("mariadb-10.11");
	const char *read[] = { "mysqld", "server", "mysqld-10.11", "mariadb", "mariadb-10.11",
			       "mariadbd", "mariadbd-10.11", "client-server", "galera" };
	for (size_t i = 0; i < sizeof read / sizeof read[0]; i++)
		assert_true(mz_target_reads_group(t, read[i]));
	const char *unread[] = { "client", "mysql", "mysqld_safe", "mysqld-10.6", "mariadb-11.4",
				 "mysqld-8.0", "", " mysqld", "mysqld ", "mysql", "mysqld-10" };
	for (size_t i = 0; i < sizeof unread / sizeof unread[0]; i++)
		assert_false(mz_target_reads_group(t, unread[i]));
}

static void mysql_reads_three_groups(void **state)
{
	(void)state;
	const struct mz_target *t = mz_target_find("mysql-8.0");
	assert_true(mz_target_reads_group(t, "mysqld"));
	assert_true(mz_target_reads_group(t, "server"));
	assert_true(mz_target_reads_group(t, "mysqld-8.0"));
	assert_false(mz_target_reads_group(t, "mysqld-5.7"));
	assert_false(mz_target_reads_group(t, "mariadb"));
	assert_false(mz_target_reads_group(t, "client-server"));
	assert_false(mz_target_reads_group(t, "galera"));
}

static void group_names_match_without_case(void **state)
{
	(void)state;
	const struct mz_target *t = mz_target_find("mariadb-10.6");
	assert_true(mz_target_reads_group(t, "MYSQLD"));
	assert_true(mz_target_reads_group(t, "MariaDB-10.6"));
	assert_true(mz_target_reads_group(t, "Client-Server"));
	/* exact, not a prefix */
	assert_false(mz_target_reads_group(t, "mysql"));
	assert_false(mz_target_reads_group(t, "mysqldx"));
	/* latin1 upper-casing does not fold non-ASCII bytes onto ASCII letters */
	assert_false(mz_target_reads_group(t, "mysql\xC4"));
}

static void reader_generations(void **state)
{
	(void)state;
	assert_int_equal(mz_target_find("mysql-5.7")->reader, MZ_READER_MYSQL_5_7);
	assert_int_equal(mz_target_find("mysql-8.0")->reader, MZ_READER_MYSQL_8);
	assert_int_equal(mz_target_find("mysql-8.4")->reader, MZ_READER_MYSQL_8);
	assert_int_equal(mz_target_find("mariadb-11.4")->reader, MZ_READER_MARIADB);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_target_is_found_by_name),
		cmocka_unit_test(mariadb_reads_its_nine_groups),
		cmocka_unit_test(mysql_reads_three_groups),
		cmocka_unit_test(group_names_match_without_case),
		cmocka_unit_test(reader_generations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
