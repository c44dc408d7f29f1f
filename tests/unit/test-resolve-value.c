/* Values as my_getopt reads them, checked against what mariadbd --help --verbose shows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena-fixture.h"
#include "resolve-value.h"

static const struct mz_var *var(const char *target, const char *name)
{
	const struct mz_var *v = mz_catalog_find(mz_catalog_for(mz_target_find(target)), name);
	assert_non_null(v);
	return v;
}

static struct mz_parsed parse(const char *target, const char *name, const char *raw)
{
	struct mz_parsed p;
	mz_value_parse(arena, mz_target_find(target), var(target, name), raw, &p);
	return p;
}

static void assert_value(const char *target, const char *name, const char *raw, const char *want)
{
	struct mz_parsed p = parse(target, name, raw);
	assert_int_equal(p.status, MZ_PARSE_OK);
	assert_string_equal(p.text, want);
}

static void suffixes(void **state)
{
	(void)state;
	assert_value("mariadb-10.11", "sort_buffer_size", "1M", "1048576");
	assert_value("mariadb-10.11", "table_open_cache", "2k", "2048");
	assert_value("mariadb-10.11", "tmp_table_size", "1T", "1099511627776");
	/* only the first character after the digits counts */
	struct mz_parsed p = parse("mariadb-10.11", "sort_buffer_size", "16MB");
	assert_string_equal(p.text, "16777216");
	assert_non_null(p.trap);
	/* E is the exbibyte suffix: 1e6 is 2^60, not a million */
	p = parse("mariadb-10.11", "sort_buffer_size", "1e6");
	assert_string_equal(p.text, "1152921504606846976");
	assert_non_null(strstr(p.trap, "exbibyte"));
	/* MySQL 5.7 knows K, M and G only */
	assert_int_equal(parse("mysql-5.7", "sort_buffer_size", "1T").status, MZ_PARSE_BAD_SUFFIX);
}

static void fatal_numbers(void **state)
{
	(void)state;
	struct mz_parsed p = parse("mariadb-10.11", "key_buffer_size", "1.5G");
	assert_int_equal(p.status, MZ_PARSE_BAD_SUFFIX);
	assert_int_equal(p.exit_status, 9);
	assert_string_equal(p.server_text,
			    "Unknown suffix '.' used for variable 'key_buffer_size' (value '1.5G'). "
			    "Legal suffix characters are: K, M, G, T, P, E\n"
			    "mariadbd: Error while setting value '1.5G' to 'key_buffer_size'");
	assert_int_equal(parse("mariadb-10.11", "sort_buffer_size", "0x100000").status,
			 MZ_PARSE_BAD_SUFFIX);
	p = parse("mariadb-10.11", "max_connections", "-5");
	assert_int_equal(p.status, MZ_PARSE_NEGATIVE);
	assert_int_equal(p.exit_status, 13);
	assert_string_equal(p.server_text, "Incorrect unsigned value: '-5' for max_connections");
	/* MySQL moves a negative unsigned value to the minimum instead */
	p = parse("mysql-8.0", "wait_timeout", "-1");
	assert_int_equal(p.status, MZ_PARSE_OK);
	assert_string_equal(p.text, "1");
	assert_true(p.clamped);
	/* an empty number is 0 on MariaDB, an error on MySQL */
	assert_value("mariadb-10.11", "sort_buffer_size", "", "1024");
	assert_int_equal(parse("mysql-8.0", "sort_buffer_size", "").status, MZ_PARSE_EMPTY);
}

static void range_and_block(void **state)
{
	(void)state;
	struct mz_parsed p = parse("mariadb-10.11", "max_connections", "999999");
	assert_string_equal(p.text, "100000");
	assert_true(p.clamped);
	assert_string_equal(p.server_text,
			    "option 'max_connections': unsigned value 999999 adjusted to 100000");
	p = parse("mariadb-10.11", "wait_timeout", "0");
	assert_string_equal(p.text, "1");
	assert_true(p.clamped);
	/* rounding down to the block size says nothing */
	p = parse("mariadb-10.11", "join_buffer_size", "1000");
	assert_string_equal(p.text, "896");
	assert_true(p.rounded);
	assert_false(p.clamped);
	assert_null(p.server_text);
	assert_value("mariadb-10.11", "key_buffer_size", "1000", "0");
	assert_value("mariadb-10.11", "query_cache_size", "1000", "0");
	assert_value("mariadb-10.11", "thread_stack", "64K", "131072");
	assert_value("mariadb-10.11", "innodb_buffer_pool_size", "129M", "135266304");
}

static void booleans(void **state)
{
	(void)state;
	assert_int_equal(mz_value_boolean("TRUE"), 1);
	assert_int_equal(mz_value_boolean("On"), 1);
	assert_int_equal(mz_value_boolean("0"), 0);
	assert_int_equal(mz_value_boolean("yes"), -1);
	struct mz_parsed p = parse("mariadb-10.11", "skip_name_resolve", "maybe");
	assert_string_equal(p.text, "OFF");
	assert_true(p.bad_boolean);
	assert_string_equal(p.server_text, "option 'skip_name_resolve': boolean value 'maybe' "
					   "wasn't recognized. Set to OFF.");
}

static void choices(void **state)
{
	(void)state;
	assert_value("mariadb-10.11", "thread_handling", "one", "one-thread-per-connection");
	assert_value("mariadb-10.11", "thread_handling", "1", "no-threads");
	assert_value("mariadb-10.11", "thread_handling", "", "one-thread-per-connection");
	assert_int_equal(parse("mariadb-10.11", "thread_handling", "bogus").status,
			 MZ_PARSE_BAD_CHOICE);
	/* sets: members in their defined order; a prefix only as the last member */
	assert_value("mariadb-10.11", "sql_mode", "3", "REAL_AS_FLOAT,PIPES_AS_CONCAT");
	assert_value("mariadb-10.11", "sql_mode", "", "");
	assert_int_equal(parse("mariadb-10.11", "sql_mode", "strict_trans,no_eng").status,
			 MZ_PARSE_BAD_CHOICE);
	assert_int_equal(parse("mariadb-10.11", "sql_mode", "FOO").status, MZ_PARSE_BAD_CHOICE);
}

static void decimals(void **state)
{
	(void)state;
	/* as SHOW GLOBAL VARIABLES prints them; --help prints 1.5, 1.23457e+06, 1000 */
	assert_value("mariadb-10.11", "long_query_time", "1.5", "1.500000");
	assert_value("mariadb-10.11", "long_query_time", "1234567.5", "1234567.500000");
	assert_value("mariadb-10.11", "long_query_time", "1e3", "1000.000000");
	assert_int_equal(parse("mariadb-10.11", "long_query_time", "abc").status,
			 MZ_PARSE_BAD_DECIMAL);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(suffixes), T(fatal_numbers), T(range_and_block), T(booleans), T(choices),
		T(decimals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
