/* mysizer explain ID: a rule's page, as docs/rules/ID.md has it. */
#include <string.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/rule.h"

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct mz_argv args = { argc, argv, 0, false };
	const char *text, *name = NULL;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		if (kind == MZ_ARG_OPTION && mz_arg_is(text, "--help"))
			return mz_cmd_help(cmd, out);
		if (kind == MZ_ARG_OPTION)
			return mz_usage_error(cmd, err, "unknown option '%s'", text);
		if (name)
			return mz_usage_error(cmd, err, "one rule only, got '%s' and '%s'", name, text);
		name = text;
	}
	if (!name)
		return mz_usage_error(cmd, err, "no rule given");
	const struct mz_rule *rule = mz_rule_find(name);
	if (!rule)
		return mz_usage_error(cmd, err, "no rule '%s'; 'mysizer rules' lists them", name);
	const char *page = mz_rule_page(rule);
	if (!page) {
		fprintf(err, "mysizer explain: %s has no page in this build\n", rule->id);
		return MZ_EXIT_INPUT;
	}
	fputs(page, out);
	return MZ_EXIT_OK;
}

const struct mz_cmd mz_cmd_explain = {
	.name = "explain",
	.usage = "ID",
	.summary = "print a rule's page: what it checks, why, the arithmetic, examples, the fix",
	.help =
		"ID is a rule's ID (MZ3001) or name (connection-budget); 'mysizer rules' lists\n"
		"them. The page is docs/rules/ID.md, compiled into mysizer, in Markdown.\n",
	.exec = exec,
};
