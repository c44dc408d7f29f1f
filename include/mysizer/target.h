/* The servers mysizer models, and what differs between them when they read option files. */
#ifndef MYSIZER_TARGET_H
#define MYSIZER_TARGET_H

#include <stdbool.h>
#include <stddef.h>

enum mz_flavour { MZ_MYSQL, MZ_MARIADB };

/* The generations of the servers' option-file reader (mysys/my_default.c[c]). */
enum mz_optfile_reader {
	MZ_READER_MYSQL_5_7, /* lines split at 4094 bytes; extension from the first '.' */
	MZ_READER_MYSQL_8,   /* 8.0.2x on: lines of any length; failed includes logged */
	MZ_READER_MARIADB,   /* lines split at 4094 bytes; its own message texts */
};

struct mz_target {
	const char *name;           /* "mariadb-10.11" */
	enum mz_flavour flavour;
	const char *server;         /* the program that prints the messages: "mysqld", "mariadbd" */
	const char *const *groups;  /* option groups the server reads, NULL-terminated */
	enum mz_optfile_reader reader;
};

extern const struct mz_target mz_targets[];
extern const size_t mz_target_count;

/* The target used when none is given. */
const struct mz_target *mz_target_default(void);

/* NULL when the name is not one of mz_targets. */
const struct mz_target *mz_target_find(const char *name);

/* Whether the server reads options from the group named in a header (case-insensitive, exact). */
bool mz_target_reads_group(const struct mz_target *target, const char *group);

#endif
