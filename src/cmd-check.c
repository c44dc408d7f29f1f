/* mysizer check: every rule over the option files and the deployment, findings with file:line. */
#define _XOPEN_SOURCE 700 /* realpath() is XSI */

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/deploy.h"
#include "mysizer/emit.h"
#include "mysizer/observed.h"
#include "mysizer/redact.h"
#include "mysizer/rule.h"
#include "mysizer/settings.h"
#include "mysizer/sizing.h"
#include "mysizer/suppress.h"
#include "mysizer/text.h"
#include "optfile-path.h"
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
	const char *variables, *status, *processlist; /* dumps of the running server */
	const char *confine;  /* as given; sa->confine is it resolved */
	const char *output;
	const char *config;
	bool no_config;
	bool show_suppressed;
	struct mz_vec settings; /* struct setting_arg */
};

/* "file:line: error: message" of an input; false, for callers that return it. */
static bool input_error(FILE *err, const char *file, unsigned line, const char *message)
{
	mz_put_visible(err, file, strlen(file));
	if (line)
		fprintf(err, ":%u", line);
	fputs(": error: ", err);
	mz_put_visible(err, message, strlen(message));
	fputc('\n', err);
	return false;
}

static void print_deploy_error(FILE *err, const struct mz_deploy_error *e)
{
	input_error(err, e->at.file, e->at.line, e->message);
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
			    : mz_arg_is(text, "--variables") ? &ca->variables
			    : mz_arg_is(text, "--status") ? &ca->status
			    : mz_arg_is(text, "--processlist") ? &ca->processlist
			    : mz_arg_is(text, "--confine") ? &ca->confine
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

/* With --confine: whether paths[0..n) (NULLs aside) lie in the folder; false after printing
 * the first that does not. The option files' reader confines itself. */
static bool confined(const struct check_args *ca, const char *const *paths, size_t n, FILE *err)
{
	const char *root = ca->server.confine;
	for (size_t i = 0; root && i < n; i++) {
		if (!paths[i] || mz_path_inside(root, paths[i]))
			continue;
		fputs("mysizer: error: '", err);
		mz_put_visible(err, paths[i], strlen(paths[i]));
		fprintf(err, "' leads outside '%s', the folder mysizer may read; not read\n", root);
		return false;
	}
	return true;
}

/* The deployment, with what the command line says over what the files say. */
static bool read_deployment(struct mz_arena *arena, struct check_args *ca, FILE *err,
			    struct mz_deploy *deploy)
{
	struct mz_deploy_error e = { 0 };
	const char *dumps[] = { ca->deploy, ca->variables, ca->status, ca->processlist };
	if (!confined(ca, dumps, 4, err) || !confined(ca, ca->apps.items, ca->apps.len, err))
		return false;
	if (!mz_deploy_read(arena, ca->deploy, ca->apps.items, ca->apps.len, deploy, &e)) {
		print_deploy_error(err, &e);
		return false;
	}
	const char *const *units = ca->units.items;
	size_t n_units = ca->units.len;
	if (!n_units && deploy->units)
		for (units = deploy->units; units[n_units]; n_units++)
			continue;
	if (!confined(ca, units, n_units, err))
		return false;
	if (n_units && !ca->server.nofile && !mz_systemd_nofile(arena, units, n_units, deploy, &e)) {
		print_deploy_error(err, &e);
		return false;
	}
	return true;
}

static bool dump_failed(FILE *err, const struct mz_dump_error *e)
{
	return input_error(err, e->at.file, e->at.line, e->message);
}

/*
 * Whether a dump is of the kind its option says: SHOW GLOBAL STATUS has Uptime, which SHOW
 * GLOBAL VARIABLES lacks, and the variables have max_connections, which the status lacks.
 * False after printing the row that tells.
 */
static bool right_kind(const struct mz_observed_set *set, const char *tell, const char *kind,
		       const char *given_as, FILE *err)
{
	const struct mz_observed_value *row = set->file ? mz_observed_find(set, tell) : NULL;
	if (!row)
		return true;
	char message[160];
	snprintf(message, sizeof message, "'%s' is a row of SHOW GLOBAL %s, not of the %s given "
		 "with '%s': were the dumps swapped?", tell, kind,
		 strcmp(given_as, "--status") == 0 ? "status" : "variables", given_as);
	return input_error(err, row->at.file, row->at.line, message);
}

/* The dumps given; false after printing why not. */
static bool read_observed(struct mz_arena *arena, const struct check_args *ca, FILE *err,
			  struct mz_observed *out)
{
	struct mz_dump_error e;
	if (ca->variables && !mz_dump_read_set(arena, ca->variables, &out->variables, &e))
		return dump_failed(err, &e);
	if (ca->status && !mz_dump_read_set(arena, ca->status, &out->status, &e))
		return dump_failed(err, &e);
	if (ca->processlist && !mz_dump_read_processlist(arena, ca->processlist, &out->processlist,
							 &e))
		return dump_failed(err, &e);
	return right_kind(&out->variables, "Uptime", "STATUS", "--variables", err) &&
	       right_kind(&out->status, "max_connections", "VARIABLES", "--status", err);
}

/*
 * The target: the running server's version says it, and what the command line or the
 * deployment names must agree; else the command line's, the deployment's, the settings
 * file's. Returns the exit status for a problem, or -1.
 */
static int choose_target(const struct mz_cmd *cmd, struct mz_arena *arena,
			 const struct mz_observed *observed, const char *deploy_target,
			 const struct mz_settings *settings, FILE *err, struct mz_server_args *sa)
{
	const struct mz_observed_value *version = mz_observed_find(&observed->variables, "version");
	const struct mz_target *named = sa->target_given ? sa->target
				       : deploy_target	   ? mz_target_find(deploy_target)
				       : settings->target  ? mz_target_find(settings->target)
							   : NULL;
	if (!version) {
		if (named)
			sa->target = named;
		return -1;
	}
	const struct mz_observed_value *comment =
		mz_observed_find(&observed->variables, "version_comment");
	const char *why = NULL;
	const struct mz_target *running =
		mz_target_of_version(version->value, comment ? comment->value : NULL, &why);
	if (!running && !named) {
		input_error(err, version->at.file, version->at.line,
			    mz_printf(arena, "the running server's version '%s' is no target mysizer "
				      "knows: %s; give --target", version->value, why));
		return MZ_EXIT_INPUT;
	}
	if (running && named && running != named && (sa->target_given || deploy_target))
		return mz_usage_error(cmd, err, "the running server is %s (version '%s', %s:%u), "
				      "not %s", running->name, version->value, version->at.file,
				      version->at.line, named->name);
	sa->target = running ? running : named;
	return -1;
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
		.observed = model->observed,
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

/* The figures of a run for mysizer review. */
static void summarize(const struct mz_model *model, const struct mz_findings *findings,
		      struct mz_check_summary *out)
{
	*out = (struct mz_check_summary){ 0 };
	struct mz_counts n;
	mz_findings_count(findings, &n);
	out->errors = n.level[MZ_LEVEL_ERROR];
	out->warnings = n.level[MZ_LEVEL_WARNING];
	const struct mz_finding *list = findings->list.items, *worst = NULL;
	for (size_t i = 0; i < findings->list.len; i++)
		if (!list[i].suppression && (!worst || list[i].level > worst->level))
			worst = &list[i];
	if (worst)
		snprintf(out->worst, sizeof out->worst, "%s %s", worst->rule->id, worst->rule->slug);
	if (!model->server)
		return;
	struct mz_memory_limit limit;
	mz_memory_limit(model, &limit);
	struct mz_memory memory;
	mz_memory_model(model->server, limit.bytes, &memory);
	out->max_connections = mz_server_sizing(model->server, MZ_SV_MAX_CONNECTIONS)->number;
	out->worst_memory = mz_memory_at(&memory, out->max_connections);
	out->memory_limit = limit.bytes;
}

static int check(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err,
		 const struct mz_live_source *live, struct mz_check_summary *summary)
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
	if (ca.confine) {
		char *root = realpath(ca.confine, NULL);
		struct stat st;
		if (!root || stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
			free(root);
			mz_usage_error(cmd, err, "'--confine' names a folder, and '%s' is none",
				       ca.confine);
			goto done;
		}
		sa->confine = mz_strdup(arena, root);
		free(root);
	}
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
	if (!sa->file && !ca.deploy && !ca.apps.len && !ca.variables && !ca.status &&
	    !ca.processlist && !live) {
		mz_usage_error(cmd, err, "no FILE given, and no '--deploy', '--app' or dump");
		goto done;
	}

	struct mz_observed observed = { 0 };
	if (live && (status = live->observe(live->context, err, &observed)) != 0)
		goto done;
	struct mz_deploy deploy;
	if (!read_deployment(arena, &ca, err, &deploy) ||
	    !read_observed(arena, &ca, err, &observed)) {
		status = MZ_EXIT_INPUT;
		goto done;
	}
	int problem = choose_target(cmd, arena, &observed, deploy.target, &settings, err, sa);
	if (problem >= 0) {
		status = problem;
		goto done;
	}
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
	if (resolved && observed.variables.file)
		mz_server_observe(arena, &observed.variables, &server);
	struct mz_suppressions suppressions;
	mz_suppressions_read(arena, &options, &deploy, &suppressions);
	struct mz_model model = { sa->target, sa->file, &options, resolved ? &server : NULL,
				  &deploy, &settings.thresholds, &suppressions, &settings,
				  &observed };
	struct mz_findings findings = { .arena = arena };
	mz_rules_run(&model, &findings);
	mz_findings_sort(&findings);
	struct mz_vec secrets = { 0 };
	mz_secrets_collect(arena, &options, &observed, &secrets);
	mz_findings_redact(&findings, secrets.items, secrets.len);
	status = write_report(arena, &ca, &settings, &model, &findings, out, err);
	if (summary)
		summarize(&model, &findings, summary);
done:
	mz_arena_free(arena);
	return status;
}

int mz_check_main(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err,
		  const struct mz_live_source *live)
{
	return check(cmd, argc, argv, out, err, live, NULL);
}

int mz_check_summarized(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err,
			struct mz_check_summary *summary)
{
	return check(cmd, argc, argv, out, err, NULL, summary);
}

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	return check(cmd, argc, argv, out, err, NULL, NULL);
}

const struct mz_cmd mz_cmd_check = {
	.name = "check",
	.usage = "[--target T] [--deploy FILE] [--app FILE]... [--memory SIZE]\n"
		 "       [--nofile SOFT[:HARD] | --systemd-unit FILE...] [--cpus N]\n"
		 "       [--variables FILE] [--status FILE] [--processlist FILE] [--confine DIR]\n"
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
		"  --variables FILE    SHOW GLOBAL VARIABLES of the running server, as the mysql\n"
		"                      client prints it (-B, -B -N, -t or \\G; docs/dumps.md): its\n"
		"                      values take the place of what MYCNF predicts, its version\n"
		"                      names the target, and MYCNF is compared with it\n"
		"  --status FILE       SHOW GLOBAL STATUS of the running server: its counters\n"
		"  --processlist FILE  SHOW PROCESSLIST of the running server: its connections\n"
		"  --confine DIR       read nothing outside DIR: includes and symlinks leading out\n"
		"                      are reported, not followed (for untrusted files)\n"
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
