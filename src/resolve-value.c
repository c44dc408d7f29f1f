/*
 * Values as my_getopt reads them (mysys/my_getopt.c[c]): eval_num_suffix(),
 * getopt_ull_limit_value(), getopt_ll_limit_value(), getopt_double_limit_value(),
 * get_bool_argument(), find_type(), find_typeset().
 */
#include "resolve-value.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The texts that differ between the servers; the arguments come in the same order. */
struct texts {
	const char *unsigned_adjusted; /* (name, old, new) */
	const char *signed_adjusted;   /* (name, old, new) */
	const char *negative_adjusted; /* (name, old, new): MySQL clamps a negative unsigned */
	const char *double_adjusted;   /* (name, old, new) */
	const char *unknown_suffix;    /* (suffix, name, value) */
	const char *bad_unsigned;      /* (value, name); MySQL's take the value only */
	const char *bad_signed;        /* (value, name) */
	const char *negative;          /* (value, name): MariaDB refuses a negative unsigned */
	const char *empty;             /* (server, name): MySQL refuses an empty number */
	const char *bad_decimal;       /* (name) */
	const char *bad_boolean;       /* (name, value) */
	const char *setting_failed;    /* (server, value, name) */
};

static const struct texts mariadb_texts = {
	.unsigned_adjusted = "option '%s': unsigned value %s adjusted to %s",
	.signed_adjusted = "option '%s': signed value %s adjusted to %s",
	.double_adjusted = "option '%s': value %g adjusted to %g",
	.unknown_suffix = "Unknown suffix '%c' used for variable '%s' (value '%s'). "
			  "Legal suffix characters are: K, M, G, T, P, E",
	.bad_unsigned = "Integer value out of range for uint64: '%s' for %s",
	.bad_signed = "Integer value out of range for int64: '%s' for %s",
	.negative = "Incorrect unsigned value: '%s' for %s",
	.bad_decimal = "Invalid decimal value for option '%s'",
	.bad_boolean = "option '%s': boolean value '%s' wasn't recognized. Set to OFF.",
	.setting_failed = "%s: Error while setting value '%s' to '%s'",
};

/* MySQL 8 mysys/errors.cc; 5.7 prints the same words. */
static const struct texts mysql_texts = {
	.unsigned_adjusted = "option '%s': unsigned value %s adjusted to %s.",
	.signed_adjusted = "option '%s': signed value %s adjusted to %s.",
	.negative_adjusted = "option '%s': value %s adjusted to %s.",
	.double_adjusted = "option '%s': value %g adjusted to %g.",
	.unknown_suffix = "Unknown suffix '%c' used for variable '%s' (value '%s').",
	.bad_unsigned = "Incorrect unsigned integer value: '%s'.",
	.bad_signed = "Incorrect integer value: '%s'.",
	.empty = "%s: Empty value for '%s' specified.",
	.bad_decimal = "Invalid decimal value for option '%s'.",
	.bad_boolean = "option '%s': boolean value '%s' was not recognized. Set to OFF.",
	.setting_failed = "%s: Error while setting value '%s' to '%s'.",
};

/* my_getopt's exit statuses */
enum { EXIT_AMBIGUOUS_OPTION = 3, EXIT_UNKNOWN_SUFFIX = 9, EXIT_ARGUMENT_INVALID = 13 };

static const struct texts *texts_of(const struct mz_target *target)
{
	return target->flavour == MZ_MARIADB ? &mariadb_texts : &mysql_texts;
}

bool mz_type_is_integer(enum mz_vartype type)
{
	return type == MZ_TYPE_INT || type == MZ_TYPE_UINT || type == MZ_TYPE_LONG ||
	       type == MZ_TYPE_ULONG || type == MZ_TYPE_NUMERIC;
}

bool mz_type_is_signed(enum mz_vartype type)
{
	return type == MZ_TYPE_INT || type == MZ_TYPE_LONG;
}

/* The largest value the variable's storage holds. */
static uint64_t type_max(enum mz_vartype type)
{
	switch (type) {
	case MZ_TYPE_INT: return INT32_MAX;
	case MZ_TYPE_UINT: return UINT32_MAX;
	case MZ_TYPE_LONG: return INT64_MAX;
	default: return UINT64_MAX;
	}
}

const char *mz_value_integer_text(struct mz_arena *arena, const struct mz_var *var,
				  uint64_t number)
{
	if (mz_type_is_signed(var->type))
		return mz_printf(arena, "%" PRId64, (int64_t)number);
	return mz_printf(arena, "%" PRIu64, number);
}

static __attribute__((format(printf, 3, 4))) void fatal(struct mz_parsed *out,
							 struct mz_arena *arena,
							 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	out->server_text = mz_vprintf(arena, fmt, ap);
	va_end(ap);
}

/* The multiplier a suffix character stands for, or 0 when it is none. */
static uint64_t suffix_factor(const struct mz_target *target, char c)
{
	bool long_suffixes = target->reader != MZ_READER_MYSQL_5_7;
	switch (c) {
	case '\0': return 1;
	case 'k': case 'K': return (uint64_t)1 << 10;
	case 'm': case 'M': return (uint64_t)1 << 20;
	case 'g': case 'G': return (uint64_t)1 << 30;
	case 't': case 'T': return long_suffixes ? (uint64_t)1 << 40 : 0;
	case 'p': case 'P': return long_suffixes ? (uint64_t)1 << 50 : 0;
	case 'e': case 'E': return long_suffixes ? (uint64_t)1 << 60 : 0;
	default: return 0;
	}
}

/* What a number with a suffix reads as, when that is not what it looks like. */
static const char *suffix_trap(struct mz_arena *arena, const char *raw, const char *suffix,
			       uint64_t digits, uint64_t factor)
{
	if ((*suffix == 'e' || *suffix == 'E') && suffix[1] >= '0' && suffix[1] <= '9')
		return mz_printf(arena, "'%s' is not scientific notation: 'E' is the exbibyte "
				 "suffix, so it reads as %" PRIu64 " x 2^60", raw, digits);
	if (digits && factor && (digits * factor) / factor != digits)
		return mz_printf(arena, "'%s' overflows 64 bits and wraps to %" PRIu64, raw,
				 digits * factor);
	if (*suffix && suffix[1])
		return mz_printf(arena, "only the first character after the digits counts: "
				 "'%s' reads as '%.*s%c'", raw, (int)(suffix - raw), raw, *suffix);
	return NULL;
}

/* Digits and suffix; false after a fatal error. */
static bool read_integer(struct mz_arena *arena, const struct mz_target *target,
			 const struct mz_var *var, const char *raw, struct mz_parsed *out)
{
	const struct texts *t = texts_of(target);
	bool is_signed = mz_type_is_signed(var->type);
	if (!*raw && t->empty) {
		out->status = MZ_PARSE_EMPTY;
		out->exit_status = EXIT_ARGUMENT_INVALID;
		fatal(out, arena, t->empty, target->server, var->name);
		return false;
	}
	bool negative = raw[0] == '-';
	if (negative && !is_signed && t->negative) {
		out->status = MZ_PARSE_NEGATIVE;
		out->exit_status = EXIT_ARGUMENT_INVALID;
		fatal(out, arena, t->negative, raw, var->name);
		return false;
	}
	char *end;
	errno = 0;
	uint64_t digits = is_signed ? (uint64_t)strtoll(raw, &end, 10) : strtoull(raw, &end, 10);
	if (errno == ERANGE) {
		out->status = MZ_PARSE_BAD_INTEGER;
		out->exit_status = EXIT_ARGUMENT_INVALID;
		fatal(out, arena, is_signed ? t->bad_signed : t->bad_unsigned, raw, var->name);
		return false;
	}
	uint64_t factor = suffix_factor(target, *end);
	if (!factor) {
		out->status = MZ_PARSE_BAD_SUFFIX;
		out->exit_status = EXIT_UNKNOWN_SUFFIX;
		out->server_text = mz_printf(arena, "%s\n%s",
					     mz_printf(arena, t->unknown_suffix, *end, var->name, raw),
					     mz_printf(arena, t->setting_failed, target->server, raw,
						       var->name));
		return false;
	}
	out->trap = suffix_trap(arena, raw, end, digits, factor);
	/* The multiplication wraps silently, as in the servers. */
	out->requested = digits * factor;
	if (negative && !is_signed) {
		/* MySQL: a negative value for an unsigned variable becomes its minimum. */
		out->number = var->min;
		out->clamped = true;
		out->server_text = mz_printf(arena, t->negative_adjusted, var->name, raw,
					     mz_value_integer_text(arena, var, var->min));
		return true;
	}
	return true;
}

/* getopt_ull_limit_value() and getopt_ll_limit_value(): range, storage, block, minimum. */
static uint64_t limit(const struct mz_target *target, const struct mz_var *var, uint64_t num,
		      bool *adjusted)
{
	uint64_t block = var->block ? var->block : 1;
	bool is_signed = mz_type_is_signed(var->type);
	/* MariaDB warns about the minimum only if the value asked for was below it. */
	bool min_warns_after_rounding = target->flavour == MZ_MYSQL;
	*adjusted = false;
	if (is_signed) {
		int64_t n = (int64_t)num, old = n;
		if (n > 0 && (uint64_t)n > var->max && var->max) {
			n = (int64_t)var->max;
			*adjusted = true;
		}
		if ((uint64_t)n > type_max(var->type) && n > 0) {
			n = (int64_t)type_max(var->type);
			*adjusted = true;
		}
		n = (int64_t)(((uint64_t)n / block) * block);
		if (n < (int64_t)var->min) {
			n = (int64_t)var->min;
			if (old < (int64_t)var->min || min_warns_after_rounding)
				*adjusted = true;
		}
		return (uint64_t)n;
	}
	uint64_t old = num;
	if (num > var->max && var->max) {
		num = var->max;
		*adjusted = true;
	}
	if (num > type_max(var->type)) {
		num = type_max(var->type);
		*adjusted = true;
	}
	num = num / block * block;
	if (num < var->min) {
		num = var->min;
		if (old < var->min || min_warns_after_rounding)
			*adjusted = true;
	}
	return num;
}

uint64_t mz_value_limit(const struct mz_var *var, uint64_t number)
{
	static const struct mz_target silent = { .flavour = MZ_MARIADB };
	bool adjusted;
	return limit(&silent, var, number, &adjusted);
}

static void parse_integer(struct mz_arena *arena, const struct mz_target *target,
			  const struct mz_var *var, const char *raw, struct mz_parsed *out)
{
	if (!read_integer(arena, target, var, raw, out))
		return;
	if (!out->clamped) {
		bool adjusted;
		out->number = limit(target, var, out->requested, &adjusted);
		out->clamped = adjusted;
		out->rounded = !adjusted && out->number != out->requested;
		if (adjusted) {
			const struct texts *t = texts_of(target);
			out->server_text = mz_printf(
				arena, mz_type_is_signed(var->type) ? t->signed_adjusted
								    : t->unsigned_adjusted,
				var->name, mz_value_integer_text(arena, var, out->requested),
				mz_value_integer_text(arena, var, out->number));
		}
	}
	out->text = mz_value_integer_text(arena, var, out->number);
}

static void parse_double(struct mz_arena *arena, const struct mz_target *target,
			 const struct mz_var *var, const char *raw, struct mz_parsed *out)
{
	const struct texts *t = texts_of(target);
	char *end;
	errno = 0;
	double num = strtod(raw, &end);
	if (*end || errno == ERANGE) {
		out->status = MZ_PARSE_BAD_DECIMAL;
		out->exit_status = EXIT_ARGUMENT_INVALID;
		fatal(out, arena, t->bad_decimal, var->name);
		return;
	}
	double old = num, min = var->real_min, max = var->real_max;
	if (max != 0 && num > max)
		num = max;
	if (num < min)
		num = min;
	if (num != old) {
		out->clamped = true;
		out->server_text = mz_printf(arena, t->double_adjusted, var->name, old, num);
	}
	out->text = mz_printf(arena, "%.6f", num); /* as SHOW GLOBAL VARIABLES prints it */
}

int mz_value_boolean(const char *raw)
{
	static const char *const yes[] = { "1", "on", "true" }, *const no[] = { "0", "off", "false" };
	for (size_t i = 0; i < 3; i++) {
		if (strcasecmp(raw, yes[i]) == 0)
			return 1;
		if (strcasecmp(raw, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* Choice i (0-based) of a comma-separated list, as a new string. */
static const char *choice(struct mz_arena *arena, const char *values, size_t index)
{
	const char *p = values;
	for (size_t i = 0; i < index; i++)
		p = strchr(p, ',') + 1;
	const char *end = strchr(p, ',');
	return mz_strndup(arena, p, end ? (size_t)(end - p) : strlen(p));
}

static size_t count_choices(const char *values)
{
	size_t n = 1;
	for (const char *p = values; *p; p++)
		n += *p == ',';
	return n;
}

static int upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static bool separator(char c)
{
	return c == ',' || c == '=';
}

/*
 * find_type(): 1-based index of x among the choices, 0 if none, -1 if ambiguous. An exact
 * name wins; otherwise a unique prefix, which within a list (comma_term) counts only when it
 * ends the text.
 */
static int find_choice(const char *x, const char *values, bool comma_term)
{
	int found = 0, found_at = 0, pos = 0;
	for (const char *name = values; name; pos++) {
		const char *i = x, *j = name;
		while (*i && !(comma_term && separator(*i)) && *j && *j != ',' &&
		       upper((unsigned char)*i) == upper((unsigned char)*j))
			i++, j++;
		bool name_ends = !*j || *j == ',';
		if (name_ends) {
			while (*i == ' ')
				i++;
			if (!*i || (comma_term && separator(*i)))
				return pos + 1;
		}
		if (!*i) {
			found++;
			found_at = pos;
		}
		const char *comma = strchr(name, ',');
		name = comma ? comma + 1 : NULL;
	}
	if (found == 0 || !x[0])
		return 0;
	return found == 1 ? found_at + 1 : -1;
}

static void bad_choice(struct mz_arena *arena, const struct mz_target *target,
		       const struct mz_var *var, const char *raw, struct mz_parsed *out,
		       int exit_status)
{
	out->status = MZ_PARSE_BAD_CHOICE;
	out->exit_status = exit_status;
	fatal(out, arena, texts_of(target)->setting_failed, target->server, raw, var->name);
}

static void parse_enum(struct mz_arena *arena, const struct mz_target *target,
		       const struct mz_var *var, const char *raw, struct mz_parsed *out)
{
	int pos = find_choice(raw, var->values, false);
	if (pos < 0) {
		bad_choice(arena, target, var, raw, out, EXIT_AMBIGUOUS_OPTION);
		return;
	}
	if (pos == 0) {
		/* A number picks a choice by its index. */
		char *end;
		unsigned long index = strtoul(raw, &end, 10);
		if (*end || index >= count_choices(var->values)) {
			bad_choice(arena, target, var, raw, out, EXIT_ARGUMENT_INVALID);
			return;
		}
		pos = (int)index + 1;
	}
	out->text = choice(arena, var->values, (size_t)pos - 1);
}

/* The sql_mode members that stand for a group of others, which the server adds. */
static bool combines_others(const char *name)
{
	static const char *const combined[] = { "ANSI", "DB2", "MAXDB", "MSSQL", "MYSQL323",
						"MYSQL40", "ORACLE", "POSTGRESQL", "TRADITIONAL" };
	for (size_t i = 0; i < sizeof combined / sizeof combined[0]; i++)
		if (strcmp(name, combined[i]) == 0)
			return true;
	return false;
}

static void parse_set(struct mz_arena *arena, const struct mz_target *target,
		      const struct mz_var *var, const char *raw, struct mz_parsed *out)
{
	size_t n = count_choices(var->values);
	uint64_t bits = 0;
	bool ok = true;
	for (const char *x = raw; *x && ok;) {
		const char *item = x;
		while (*x && !separator(*x))
			x++;
		if (x[0] && x[1])
			x++;
		int pos = find_choice(item, var->values, true);
		ok = pos > 0;
		if (ok)
			bits |= (uint64_t)1 << (pos - 1);
	}
	if (!ok) {
		/* A number is the set's bit mask. */
		char *end;
		long mask = strtol(raw, &end, 10);
		if (*end || ((uint64_t)mask >> 1) >= ((uint64_t)1 << (n - 1))) {
			bad_choice(arena, target, var, raw, out, EXIT_ARGUMENT_INVALID);
			return;
		}
		bits = (uint64_t)mask;
	}
	char *text = mz_alloc(arena, strlen(var->values) + 1);
	for (size_t i = 0; i < n; i++) {
		if (!(bits & ((uint64_t)1 << i)))
			continue;
		const char *name = choice(arena, var->values, i);
		if (*text)
			strcat(text, ",");
		strcat(text, name);
		if (combines_others(name))
			out->exact = false;
	}
	out->text = text;
}

void mz_value_parse(struct mz_arena *arena, const struct mz_target *target,
		    const struct mz_var *var, const char *raw, struct mz_parsed *out)
{
	*out = (struct mz_parsed){ .status = MZ_PARSE_OK, .exact = true };
	enum mz_vartype type = var->type;
	if ((type == MZ_TYPE_ENUM || type == MZ_TYPE_SET) && !var->values)
		type = MZ_TYPE_STRING; /* a name the server checks later, not a choice */
	switch (type) {
	case MZ_TYPE_BOOL: {
		int b = mz_value_boolean(raw);
		if (b < 0) {
			out->bad_boolean = true;
			out->server_text = mz_printf(arena, texts_of(target)->bad_boolean, var->name,
						     raw);
		}
		out->number = b == 1;
		out->text = b == 1 ? "ON" : "OFF";
		break;
	}
	case MZ_TYPE_DOUBLE:
		parse_double(arena, target, var, raw, out);
		break;
	case MZ_TYPE_ENUM:
		if (!*raw && target->flavour == MZ_MYSQL) {
			out->status = MZ_PARSE_EMPTY;
			out->exit_status = EXIT_ARGUMENT_INVALID;
			fatal(out, arena, texts_of(target)->empty, target->server, var->name);
		} else {
			parse_enum(arena, target, var, raw, out);
		}
		break;
	case MZ_TYPE_SET:
		parse_set(arena, target, var, raw, out);
		break;
	case MZ_TYPE_FLAGSET:
		/* Merged into the default flag by flag; mysizer keeps the text as written. */
		out->text = raw;
		out->exact = false;
		break;
	case MZ_TYPE_STRING:
		out->text = raw;
		break;
	case MZ_TYPE_INT:
	case MZ_TYPE_UINT:
	case MZ_TYPE_LONG:
	case MZ_TYPE_ULONG:
	case MZ_TYPE_NUMERIC:
		parse_integer(arena, target, var, raw, out);
		break;
	}
}
