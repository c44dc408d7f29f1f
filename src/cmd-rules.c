/* mysizer rules: every rule, a line each, from the one rule table. */
#include <string.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/rule.h"

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct mz_argv args = { argc, argv, 0, false };
	const char *text;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		if (kind == MZ_ARG_OPTION && mz_arg_is(text, "--help"))
			return mz_cmd_help(cmd, out);
		return kind == MZ_ARG_OPTION ? mz_usage_error(cmd, err, "unknown option '%s'", text)
					     : mz_usage_error(cmd, err, "no operand expected, got '%s'",
							      text);
	}
	size_t slug_width = 0;
	for (size_t i = 0; i < mz_rule_count; i++)
		if (strlen(mz_rules[i]->slug) > slug_width)
			slug_width = strlen(mz_rules[i]->slug);
	for (size_t i = 0; i < mz_rule_count; i++) {
		const struct mz_rule *r = mz_rules[i];
		fprintf(out, "%s  %-*s  %-7s  %s\n", r->id, (int)slug_width, r->slug,
			mz_level_name(r->level), r->title);
	}
	return MZ_EXIT_OK;
}

const struct mz_cmd mz_cmd_rules = {
	.name = "rules",
	.usage = "",
	.summary = "list every rule: its ID, name, default severity and what it finds",
	.help =
		"Prints a line per rule: its ID, its name (either can be given where a rule is\n"
		"named), the severity it reports at unless a finding says otherwise, and its\n"
		"title. docs/rules/ID.md explains each one.\n",
	.exec = exec,
};
