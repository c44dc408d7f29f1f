/* mysizer check: every rule over the option files and the deployment, findings with file:line. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/deploy.h"
#include "mysizer/emit.h"
#include "mysizer/rule.h"
#include "mysizer/settings.h"
#include "mysizer/suppress.h"
#include "mysizer/text.h"
#include "output.h"

/* A setting given on the command line, applied over the settings file's. */
struct setting_arg {
	const char *section, *name, *value;
	const char *option; /* as given, for messages */
};

struct check_args {
	struct mz_server_args server;
	const char *deploy;
	struct mz_vec apps;   /* const char *: --app files */
	struct mz_vec units;  /* const char *: --systemd-unit files */
	const char *memory;
	const char *output;
	const char *config;
	bool no_config;
	bool show_suppressed;
	struct mz_vec settings; /* struct setting_arg */
};

static void print_deploy_error(FILE *err, const struct mz_deploy_error *e)
{
	mz_put_visible(err, e->at.file, strlen(e->at.file));
	if (e->at.line)
		fprintf(err, ":%u", e->at.line);
	fputs(": error: ", err);
	mz_put_visible(err, e->message, strlen(e->message));
	fputc('\n', err);
	if (e->at.pointer && *e->at.pointer) {
		fputs("    at: ", err);
		mz_put_visible(err, e->at.pointer, strlen(e->at.pointer));
		fputc('\n', err);
	}
}

/* --rule ID=LEVEL, or --NAME VALUE for a setting of [check]: 1 taken, 0 not a setting. */
static int take_setting(const struct mz_cmd *cmd, struct mz_arena *arena, struct mz_argv *args,
			const char *text, FILE *err, struct check_args *ca)
{
	if (strncmp(text, "--", 2) != 0)
		return 0;
	const char *name = mz_strndup(arena, text + 2, strcspn(text + 2, "="));
	bool rule = strcmp(name, "rule") == 0;
	if (!rule && !mz_settings_has(name))
		return 0;
	const char *value = mz_argv_value(args, text);
	if (!value)
		return mz_usage_error(cmd, err, "'%s' needs a value", text), -1;
	struct setting_arg *sa = mz_vec_push(arena, &ca->settings, sizeof *sa);
	*sa = (struct setting_arg){ "check", name, value, mz_printf(arena, "--%s", name) };
	if (rule) {
		const char *eq = strchr(value, '=');
		if (!eq)
			return mz_usage_error(cmd, err, "'--rule' is ID=LEVEL, such as MZ4004=off, "
					      "not '%s'", value), -1;
		*sa = (struct setting_arg){ "rules", mz_strndup(arena, value, (size_t)(eq - value)),
					    eq + 1, "--rule" };
	}
	return 1;
}

/* 1 taken, 0 not a check option, -1 a usage error (printed). */
static int take_option(const struct mz_cmd *cmd, struct mz_arena *arena, struct mz_argv *args,
		       const char *text, FILE *err, struct check_args *ca)
{
	bool *flag = mz_arg_is(text, "--no-config")	 ? &ca->no_config
		     : mz_arg_is(text, "--show-suppressed") ? &ca->show_suppressed
							    : NULL;
	if (flag) {
		if (strchr(text, '='))
			return mz_usage_error(cmd, err, "'%.*s' takes no value",
					      (int)strcspn(text, "="), text), -1;
		*flag = true;
		return 1;
	}
	struct mz_vec *list = mz_arg_is(text, "--app")		? &ca->apps
			      : mz_arg_is(text, "--systemd-unit") ? &ca->units
								  : NULL;
	const char **slot = mz_arg_is(text, "--deploy")   ? &ca->deploy
			    : mz_arg_is(text, "--memory") ? &ca->memory
			    : mz_arg_is(text, "--output") ? &ca->output
			    : mz_arg_is(text, "--config") ? &ca->config
							  : NULL;
	if (!list && !slot)
		return take_setting(cmd, arena, args, text, err, ca);
	const char *value = mz_argv_value(args, text);
	if (!value) {
		mz_usage_error(cmd, err, "'%s' needs a value", text);
		return -1;
	}
	if (list)
		*(const char **)mz_vec_push(arena, list, sizeof value) = value;
	else if (*slot)
		return mz_usage_error(cmd, err, "'%s' given twice", text), -1;
	else
		*slot = value;
	return 1;
}

/* The deployment, with what the command line says over what the files say. */
static bool read_deployment(struct mz_arena *arena, struct check_args *ca, FILE *err,
			    struct mz_deploy *deploy)
{
	struct mz_deploy_error e = { 0 };
	if (!mz_deploy_read(arena, ca->deploy, ca->apps.items, ca->apps.len, deploy, &e)) {
		print_deploy_error(err, &e);
		return false;
	}
	const char *const *units = ca->units.items;
	size_t n_units = ca->units.len;
	if (!n_units && deploy->units)
		for (units = deploy->units; units[n_units]; n_units++)
			continue;
	if (n_units && !ca->server.nofile && !mz_systemd_nofile(arena, units, n_units, deploy, &e)) {
		print_deploy_error(err, &e);
		return false;
	}
	return true;
}

/* The settings file's (unless --no-config), then the command line's over them; false after
 * printing why not. */
static bool read_settings(const struct mz_cmd *cmd, struct mz_arena *arena,
			  const struct check_args *ca, FILE *err, struct mz_settings *settings)
{
	mz_settings_default(settings);
	if (ca->config && ca->no_config) {
		mz_usage_error(cmd, err, "give '--config' or '--no-config', not both");
		return false;
	}
	const char *path = ca->config;
	if (!path && !ca->no_config && access(MZ_SETTINGS_FILE, F_OK) == 0)
		path = MZ_SETTINGS_FILE;
	const char *error;
	if (path && !mz_settings_read(arena, path, settings, &error)) {
		mz_put_visible(err, error, strlen(error));
		fputc('\n', err);
		return false;
	}
	const struct setting_arg *list = ca->settings.items;
	for (size_t i = 0; i < ca->settings.len; i++) {
		const struct setting_arg *a = &list[i];
		const char *why = mz_settings_set(arena, settings, a->section, a->name, a->value,
						  a->option);
		if (why) {
			mz_usage_error(cmd, err, "'%s' %s",
				       strcmp(a->section, "rules") == 0 ? a->name : a->option, why);
			return false;
		}
	}
	return true;
}

/* The report in the format asked for, where asked; the exit status. */
static int write_report(struct mz_arena *arena, const struct check_args *ca,
			const struct mz_settings *settings, const struct mz_model *model,
			const struct mz_findings *findings, FILE *out, FILE *err)
{
	struct mz_output output;
	const char *error;
	if (!mz_output_open(arena, ca->output, out, &output, &error)) {
		fprintf(err, "mysizer: %s\n", error);
		return MZ_EXIT_INPUT;
	}
	char cwd[4096];
	struct mz_report report = {
		.findings = findings,
		.target = model->target,
		.config = model->config,
		.cwd = getcwd(cwd, sizeof cwd),
		.show_suppressed = ca->show_suppressed,
		/* Colour for a person at a terminal, unless they said NO_COLOR. */
		.colour = !ca->output && isatty(fileno(out)) &&
			  !(getenv("NO_COLOR") && *getenv("NO_COLOR")),
	};
	mz_emitters[settings->format](output.stream, &report);
	if (!mz_output_close(arena, &output, &error)) {
		fprintf(err, "mysizer: %s\n", error);
		return MZ_EXIT_INPUT;
	}
	const struct mz_finding *list = findings->list.items;
	for (size_t i = 0; i < findings->list.len; i++)
		if (!list[i].suppression && (int)list[i].level >= settings->fail_on)
			return MZ_EXIT_FINDINGS;
	return MZ_EXIT_OK;
}

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct mz_arena *arena = mz_arena_new();
	struct check_args ca = { .server = { .target = mz_target_default() } };
	struct mz_server_args *sa = &ca.server;
	struct mz_argv args = { argc, argv, 0, false };
	int status = MZ_EXIT_USAGE;
	const char *text;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		int taken = mz_arg_server(cmd, &args, kind, text, err, sa);
		if (!taken)
			taken = take_option(cmd, arena, &args, text, err, &ca);
		if (taken < 0)
			goto done;
		if (taken)
			continue;
		if (mz_arg_is(text, "--help")) {
			status = mz_cmd_help(cmd, out);
			goto done;
		}
		status = mz_usage_error(cmd, err, "unknown option '%s'", text);
		goto done;
	}
	struct mz_settings settings;
	if (!read_settings(cmd, arena, &ca, err, &settings))
		goto done;
	uint64_t memory = 0;
	if (ca.memory && (!mz_parse_size(ca.memory, &memory) || !memory)) {
		mz_usage_error(cmd, err, "'--memory' is a size such as 16G or 512MiB, not '%s'",
			       ca.memory);
		goto done;
	}
	if (sa->nofile && ca.units.len) {
		mz_usage_error(cmd, err, "give '--nofile' or '--systemd-unit', not both");
		goto done;
	}
	if (!sa->file && !ca.deploy && !ca.apps.len) {
		mz_usage_error(cmd, err, "no FILE given, and no '--deploy' or '--app'");
		goto done;
	}

	struct mz_deploy deploy;
	if (!read_deployment(arena, &ca, err, &deploy)) {
		status = MZ_EXIT_INPUT;
		goto done;
	}
	if (!sa->target_given && (deploy.target || settings.target))
		sa->target = mz_target_find(deploy.target ? deploy.target : settings.target);
	if (!sa->file)
		sa->file = deploy.config;
	if (!mz_server_args_finish(cmd, err, sa))
		goto done;
	if (memory) {
		deploy.memory = memory;
		deploy.memory_at = (struct mz_where){ 0 };
		deploy.container_memory = 0;
	}
	if (sa->nofile) {
		deploy.nofile_given = false;
		deploy.nofile_at = (struct mz_where){ 0 };
		deploy.nofile_note = NULL;
	} else if (deploy.nofile_given) {
		sa->host.nofile_soft = deploy.nofile_soft;
		sa->host.nofile_hard = deploy.nofile_hard;
		sa->host.nofile_assumed = NULL;
	}
	if (!sa->cpus && deploy.cpus) {
		sa->host.cpus = deploy.cpus;
		sa->host.cpus_assumed = NULL;
	}

	struct mz_optfile options;
	struct mz_server server;
	bool resolved = mz_load(arena, sa, &options, &server);
	if (mz_unreadable(&options)) {
		for (size_t i = 0; i < options.n_problems; i++)
			mz_print_problem(err, sa->target, &options.problems[i]);
		status = MZ_EXIT_INPUT;
		goto done;
	}
	struct mz_suppressions suppressions;
	mz_suppressions_read(arena, &options, &deploy, &suppressions);
	struct mz_model model = { sa->target, sa->file, &options, resolved ? &server : NULL,
				  &deploy, &settings.thresholds, &suppressions, &settings };
	struct mz_findings findings = { .arena = arena };
	mz_rules_run(&model, &findings);
	mz_findings_sort(&findings);
	status = write_report(arena, &ca, &settings, &model, &findings, out, err);
done:
	mz_arena_free(arena);
	return status;
}

const struct mz_cmd mz_cmd_check = {
	.name = "check",
	.usage = "[--target T] [--deploy FILE] [--app FILE]... [--memory SIZE]\n"
		 "       [--nofile SOFT[:HARD] | --systemd-unit FILE...] [--cpus N]\n"
		 "       [--format text|json|sarif|github] [--output FILE] [--show-suppressed]\n"
		 "       [--fail-on error|warning|info|never] [--rule ID=LEVEL]...\n"
		 "       [--config FILE | --no-config] [threshold options] [MYCNF]",
	.summary = "report what would stop the server, or break it under its applications",
	.help =
		"Reads MYCNF as the target's server does, and the deployment: the host and the\n"
		"applications that connect, with their pool settings. Runs every rule whose\n"
		"inputs are there, and says which it skipped and why: lines that stop the\n"
		"server or do not mean what they look like; memory at max_connections and at\n"
		"the applications' demand; connections the applications need against the\n"
		"max_connections the server ends up with; file descriptors; pool lifetimes\n"
		"against wait_timeout. Each finding names its file and line, its rule, the\n"
		"value to use instead, and the arithmetic.\n"
		"\n"
		"Inputs:\n"
		"  --target T          the server to follow (else the deployment's, else the\n"
		"                      settings file's, else the default)\n"
		"  --deploy FILE       the deployment file (docs/deployment.md); its\n"
		"                      server.config stands for MYCNF when MYCNF is not given\n"
		"  --app FILE          one application's file; may be repeated\n"
		"  --memory SIZE       the memory the server may use: 16G, 512MiB, 4GB\n"
		"  --nofile S[:H]      the RLIMIT_NOFILE it starts under (see 'mysizer effective')\n"
		"  --systemd-unit FILE the unit, then its drop-ins, to read LimitNOFILE from; may\n"
		"                      be repeated\n"
		"  --cpus N            the host's CPUs\n"
		"\n"
		"Report:\n"
		"  --format F          text (the default; colour on a terminal unless NO_COLOR\n"
		"                      is set), json (docs/report.md), sarif (SARIF 2.1.0, for\n"
		"                      code scanning) or github (workflow commands)\n"
		"  --output FILE       write the report to FILE, whole or not at all\n"
		"  --show-suppressed   text: print the suppressed findings too\n"
		"  --fail-on LEVEL     exit with 1 on findings of this severity or above: error\n"
		"                      (the default), warning, info, or never\n"
		"\n"
		"Settings (docs/settings.md; each also a line of .mysizer.ini):\n"
		"  --config FILE       read the settings from FILE, not ./.mysizer.ini\n"
		"  --no-config         read no settings file\n"
		"  --rule ID=LEVEL     report rule ID (or name) as error, warning or info, or\n"
		"                      not at all: off; may be repeated\n"
		"  --memory-percent N  of the memory, what the worst case may take (90)\n"
		"  --headroom-percent N\n"
		"                      of max_connections, what the steady demand may take (80)\n"
		"  --lifetime-margin S seconds a pool's lifetime stays below wait_timeout (30)\n"
		"  --long-wait-timeout S\n"
		"                      seconds from which wait_timeout holds leaks too long (3600)\n"
		"  --help              this text\n"
		"\n"
		"Findings can be suppressed in the inputs: '# mysizer: ignore=ID reason' in an\n"
		"option file, \"mysizer-ignore\" in a deployment file (docs/suppressing.md).\n"
		"\n"
		"Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 an\n"
		"input cannot be read or is malformed, or the report cannot be written; 3 a usage\n"
		"or settings-file error.\n",
	.takes_target = true,
	.exec = exec,
};
