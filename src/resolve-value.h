/*
 * One value from an option file, read as the target's my_getopt reads it for a variable's
 * type: number and suffix, range and block size, booleans, choices, decimals.
 */
#ifndef MYSIZER_RESOLVE_VALUE_H
#define MYSIZER_RESOLVE_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "mysizer/arena.h"
#include "mysizer/catalog.h"
#include "mysizer/target.h"

enum mz_parse_status {
	MZ_PARSE_OK,
	MZ_PARSE_BAD_SUFFIX,   /* fatal: a character after the digits that is no suffix */
	MZ_PARSE_BAD_INTEGER,  /* fatal: the digits overflow */
	MZ_PARSE_NEGATIVE,     /* fatal on MariaDB: a '-' for an unsigned variable */
	MZ_PARSE_EMPTY,        /* fatal on MySQL: no value for a number or a choice */
	MZ_PARSE_BAD_CHOICE,   /* fatal: no such enum or set member, or an ambiguous one */
	MZ_PARSE_BAD_DECIMAL,  /* fatal: not a decimal number */
};

struct mz_parsed {
	enum mz_parse_status status;
	const char *text;        /* the value as SHOW GLOBAL VARIABLES shows it */
	uint64_t number;         /* integers: the value after range and block */
	uint64_t requested;      /* integers: the value the text asked for */
	bool clamped;            /* moved into its range, with a warning */
	bool rounded;            /* rounded down to the block size, silently */
	bool bad_boolean;        /* not a boolean spelling: read as OFF, with a warning */
	bool exact;              /* the text is what the server shows (not a merged flag set) */
	const char *trap;        /* read differently from how it looks, or NULL: "16MB", "1e6" */
	const char *server_text; /* the warning or error the server prints, or NULL */
	int exit_status;         /* the server's exit status for a fatal status */
};

/* Reads raw (a value from a file) for var as target's server does. */
void mz_value_parse(struct mz_arena *arena, const struct mz_target *target,
		    const struct mz_var *var, const char *raw, struct mz_parsed *out);

/* Reads a boolean spelling: 1 true, 0 false, -1 not a boolean. */
int mz_value_boolean(const char *raw);

/* Formats an integer of var's type for display. */
const char *mz_value_integer_text(struct mz_arena *arena, const struct mz_var *var,
				  uint64_t number);

/* Applies var's range and block size to a number computed at startup, silently. */
uint64_t mz_value_limit(const struct mz_var *var, uint64_t number);

bool mz_type_is_integer(enum mz_vartype type);
bool mz_type_is_signed(enum mz_vartype type);

#endif
