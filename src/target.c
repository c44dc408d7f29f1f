#include "mysizer/target.h"

#include <string.h>

/*
 * Groups as the servers list them: MySQL sql/mysqld.cc load_default_groups, MariaDB
 * include/mysqld_default_groups.h. Debian's MariaDB packages are WSREP builds and so also
 * read [galera]; MariaDB 10.11 was checked against my_print_defaults --mysqld.
 */
#define MYSQL_GROUPS(v) { "mysqld", "server", "mysqld-" v, NULL }
#define MARIADB_GROUPS(v)                                                              \
	{ "mysqld", "server", "mysqld-" v, "mariadb", "mariadb-" v, "mariadbd",           \
	  "mariadbd-" v, "client-server", "galera", NULL }

static const char *const mysql57_groups[] = MYSQL_GROUPS("5.7");
static const char *const mysql80_groups[] = MYSQL_GROUPS("8.0");
static const char *const mysql84_groups[] = MYSQL_GROUPS("8.4");
static const char *const mariadb106_groups[] = MARIADB_GROUPS("10.6");
static const char *const mariadb1011_groups[] = MARIADB_GROUPS("10.11");
static const char *const mariadb114_groups[] = MARIADB_GROUPS("11.4");

const struct mz_target mz_targets[] = {
	{ "mysql-5.7", MZ_MYSQL, "mysqld", mysql57_groups, MZ_READER_MYSQL_5_7 },
	{ "mysql-8.0", MZ_MYSQL, "mysqld", mysql80_groups, MZ_READER_MYSQL_8 },
	{ "mysql-8.4", MZ_MYSQL, "mysqld", mysql84_groups, MZ_READER_MYSQL_8 },
	{ "mariadb-10.6", MZ_MARIADB, "mariadbd", mariadb106_groups, MZ_READER_MARIADB },
	{ "mariadb-10.11", MZ_MARIADB, "mariadbd", mariadb1011_groups, MZ_READER_MARIADB },
	{ "mariadb-11.4", MZ_MARIADB, "mariadbd", mariadb114_groups, MZ_READER_MARIADB },
};

const size_t mz_target_count = sizeof mz_targets / sizeof mz_targets[0];

const struct mz_target *mz_target_default(void)
{
	return mz_target_find("mysql-8.0");
}

const struct mz_target *mz_target_find(const char *name)
{
	for (size_t i = 0; i < mz_target_count; i++)
		if (strcmp(mz_targets[i].name, name) == 0)
			return &mz_targets[i];
	return NULL;
}

/* The servers upper-case with the latin1 table, which only folds ASCII onto ASCII. */
static int ascii_upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (ascii_upper((unsigned char)*a) != ascii_upper((unsigned char)*b))
			return false;
	return *a == *b;
}

bool mz_target_reads_group(const struct mz_target *target, const char *group)
{
	for (const char *const *g = target->groups; *g; g++)
		if (same_name(*g, group))
			return true;
	return false;
}
