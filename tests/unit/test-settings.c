/* The settings table: each setting's values and limits, rules by ID and by name, the
 * settings file read with its lines, and the precedence of a later setting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arena-fixture.h"
#include "mysizer/settings.h"

static const char *set(struct mz_settings *s, const char *section, const char *name,
		       const char *value)
{
	return mz_settings_set(arena, s, section, name, value, "test");
}

static void defaults(void **state)
{
	(void)state;
	struct mz_settings s;
	mz_settings_default(&s);
	assert_int_equal(s.fail_on, MZ_LEVEL_ERROR);
	assert_int_equal(s.format, MZ_FORMAT_TEXT);
	assert_null(s.target);
	assert_int_equal(s.thresholds.memory_percent, 90);
	assert_int_equal(s.thresholds.headroom_percent, 80);
	assert_int_equal(s.thresholds.lifetime_margin, 30);
	assert_int_equal(s.thresholds.long_wait_timeout, 3600);
	const char *from;
	assert_int_equal(mz_settings_rule_level(&s, &mz_rule_MZ3001, &from), MZ_LEVEL_ERROR);
	assert_null(from);
}

static void numbers_and_their_limits(void **state)
{
	(void)state;
	struct mz_settings s;
	mz_settings_default(&s);
	assert_null(set(&s, "check", "memory-percent", "100"));
	assert_int_equal(s.thresholds.memory_percent, 100);
	assert_null(set(&s, "check", "headroom-percent", "1"));
	assert_int_equal(s.thresholds.headroom_percent, 1);
	assert_null(set(&s, "check", "lifetime-margin", "0"));
	assert_int_equal(s.thresholds.lifetime_margin, 0);
	assert_string_equal(set(&s, "check", "memory-percent", "101"),
			    "is a whole number of percent from 1 to 100, not '101'");
	assert_non_null(set(&s, "check", "memory-percent", "0"));
	assert_non_null(set(&s, "check", "memory-percent", ""));
	assert_non_null(set(&s, "check", "memory-percent", "-5"));
	assert_non_null(set(&s, "check", "memory-percent", "+5"));
	assert_non_null(set(&s, "check", "memory-percent", "90%"));
	assert_non_null(set(&s, "check", "long-wait-timeout", "99999999999999999999"));
	/* A refused value leaves the setting as it was. */
	assert_int_equal(s.thresholds.memory_percent, 100);
}

static void names_and_targets(void **state)
{
	(void)state;
	struct mz_settings s;
	mz_settings_default(&s);
	assert_null(set(&s, "check", "fail-on", "never"));
	assert_int_equal(s.fail_on, MZ_LEVEL_OFF);
	assert_null(set(&s, "check", "format", "sarif"));
	assert_int_equal(s.format, MZ_FORMAT_SARIF);
	assert_string_equal(set(&s, "check", "format", "SARIF"),
			    "is text, json, sarif or github, not 'SARIF'");
	assert_null(set(&s, "check", "target", "mariadb-11.4"));
	assert_string_equal(s.target, "mariadb-11.4");
	assert_non_null(set(&s, "check", "target", "postgres"));
	assert_string_equal(set(&s, "check", "fail-onn", "error"),
			    "is not a setting (did you mean 'fail-on'?)");
	assert_string_equal(set(&s, "check", "colour", "never"), "is not a setting");
	assert_non_null(set(&s, "output", "format", "json"));
	assert_true(mz_settings_has("headroom-percent"));
	assert_false(mz_settings_has("rule"));
	assert_false(mz_settings_has("rules"));
}

static void rules_by_id_and_name(void **state)
{
	(void)state;
	struct mz_settings s;
	mz_settings_default(&s);
	const char *from;
	assert_null(mz_settings_set(arena, &s, "rules", "mz4004", "off", "a.ini:3"));
	assert_int_equal(mz_settings_rule_level(&s, &mz_rule_MZ4004, &from), MZ_LEVEL_OFF);
	assert_string_equal(from, "a.ini:3");
	assert_null(mz_settings_set(arena, &s, "rules", "fd-limit-unknown", "warning", "--rule"));
	assert_int_equal(mz_settings_rule_level(&s, &mz_rule_MZ4004, &from), MZ_LEVEL_WARNING);
	assert_string_equal(from, "--rule");
	assert_string_equal(set(&s, "rules", "MZ4004", "fatal"),
			    "is info, warning, error or off, not 'fatal'");
	assert_string_equal(set(&s, "rules", "MZ4009", "off"),
			    "is not a rule; 'mysizer rules' lists them");
	assert_int_equal(mz_settings_rule_level(&s, &mz_rule_MZ4001, &from), MZ_LEVEL_ERROR);
}

/* Writes text to a temporary file and reads it as a settings file. */
static bool read_text(const char *text, struct mz_settings *s, const char **error)
{
	char path[] = "/tmp/mysizer-settings-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	bool ok = mz_settings_read(arena, path, s, error);
	if (!ok) /* the messages name the file: keep what follows it */
		*error = strstr(*error, path) ? *error + strlen(path) : *error;
	unlink(path);
	return ok;
}

static void settings_file(void **state)
{
	(void)state;
	struct mz_settings s;
	mz_settings_default(&s);
	const char *error = NULL, *from;
	assert_true(read_text("; team settings\n"
			      "[check]\n"
			      "fail-on = warning   ; inline comment\n"
			      "# a comment\n"
			      "\n"
			      "memory-percent=75\n"
			      "[rules]\n"
			      "MZ5003 = off\n"
			      "MZ5003 = info\n",
			      &s, &error));
	assert_int_equal(s.fail_on, MZ_LEVEL_WARNING);
	assert_int_equal(s.thresholds.memory_percent, 75);
	/* The later line wins, and says where it is. */
	assert_int_equal(mz_settings_rule_level(&s, &mz_rule_MZ5003, &from), MZ_LEVEL_INFO);
	assert_non_null(strstr(from, ":9"));

	assert_false(read_text("[check]\n\nformat = yaml\n", &s, &error));
	assert_string_equal(error, ":3: error: 'format' is text, json, sarif or github, not 'yaml'");
	assert_false(read_text("[check]\nnot a setting line\n", &s, &error));
	assert_string_equal(error, ":2: error: not a '[section]', 'name = value' or a comment");
	assert_false(read_text("target = mysql-8.0\n", &s, &error));
	assert_string_equal(error, ":1: error: 'target' comes before any [section]");
	/* The first problem is the one reported. */
	assert_false(read_text("[check]\nformat = x\nfail-on = y\n", &s, &error));
	assert_non_null(strstr(error, ":2: error: 'format'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(numbers_and_their_limits),
		cmocka_unit_test(names_and_targets),
		cmocka_unit_test(rules_by_id_and_name),
		cmocka_unit_test(settings_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
