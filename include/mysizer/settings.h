/*
 * mysizer's own settings: the settings file (.mysizer.ini, docs/settings.md) and the
 * command-line options that mirror it. One table in settings.c holds every setting, so each
 * has both forms and both check their values the same way.
 */
#ifndef MYSIZER_SETTINGS_H
#define MYSIZER_SETTINGS_H

#include <stdbool.h>

#include "mysizer/arena.h"
#include "mysizer/rule.h"

enum mz_format { MZ_FORMAT_TEXT, MZ_FORMAT_JSON, MZ_FORMAT_SARIF, MZ_FORMAT_GITHUB };

/* Past the last level: "--fail-on never", and a rule that is off. */
#define MZ_LEVEL_OFF (MZ_LEVEL_ERROR + 1)

/* A rule's severity changed, or the rule turned off. */
struct mz_rule_setting {
	const struct mz_rule *rule;
	int level;            /* enum mz_level, or MZ_LEVEL_OFF: the rule does not run */
	const char *from;     /* ".mysizer.ini:7", or "--rule" */
};

struct mz_settings {
	const char *target;   /* a target's name; NULL: the deployment's or the default */
	int fail_on;          /* the least level that fails the run; MZ_LEVEL_OFF: none does */
	enum mz_format format;
	struct mz_thresholds thresholds;
	struct mz_vec rules;  /* struct mz_rule_setting; of two for one rule, the later wins */
};

void mz_settings_default(struct mz_settings *out);

/* The file mysizer reads its settings from when none is named. */
#define MZ_SETTINGS_FILE ".mysizer.ini"

/*
 * Sets name = value of section ("check", or "rules" where name is a rule's ID or name);
 * from says where, for messages. Returns NULL, or why not in words that follow the name:
 * "is a whole number from 1 to 100, not '120'".
 */
const char *mz_settings_set(struct mz_arena *arena, struct mz_settings *settings,
			    const char *section, const char *name, const char *value,
			    const char *from);

/* Whether "--name" on the command line is a setting of [check]. */
bool mz_settings_has(const char *name);

/* Reads a settings file over *settings. False, with *error the line to print
 * ("file:line: error: message"), on the first problem. */
bool mz_settings_read(struct mz_arena *arena, const char *path, struct mz_settings *settings,
		      const char **error);

/* The level a rule reports at (MZ_LEVEL_OFF: it does not run); *from says where that was
 * set, NULL for the rule's own. */
int mz_settings_rule_level(const struct mz_settings *settings, const struct mz_rule *rule,
			   const char **from);

#endif
