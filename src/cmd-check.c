/* mysizer check: every rule over the option files and the deployment, findings with file:line. */
#include <string.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/deploy.h"
#include "mysizer/emit.h"
#include "mysizer/rule.h"
#include "mysizer/text.h"

struct check_args {
	struct mz_server_args server;
	const char *deploy;
	struct mz_vec apps;   /* const char *: --app files */
	struct mz_vec units;  /* const char *: --systemd-unit files */
	const char *memory;
	const char *fail_on;
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

/* 1 taken, 0 not a check option, -1 a usage error (printed). */
static int take_option(const struct mz_cmd *cmd, struct mz_arena *arena, struct mz_argv *args,
		       const char *text, FILE *err, struct check_args *ca)
{
	struct mz_vec *list = mz_arg_is(text, "--app")		? &ca->apps
			      : mz_arg_is(text, "--systemd-unit") ? &ca->units
								  : NULL;
	const char **slot = mz_arg_is(text, "--deploy")	 ? &ca->deploy
			    : mz_arg_is(text, "--memory")	 ? &ca->memory
			    : mz_arg_is(text, "--fail-on") ? &ca->fail_on
							 : NULL;
	if (!list && !slot)
		return 0;
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
	/* The least severity that fails the run; past the last level, nothing does. */
	int fail_level = MZ_LEVEL_ERROR;
	if (ca.fail_on) {
		static const char *const names[] = { "info", "warning", "error", "never" };
		for (fail_level = 0; fail_level < 4 && strcmp(names[fail_level], ca.fail_on); fail_level++)
			continue;
		if (fail_level == 4) {
			mz_usage_error(cmd, err, "'--fail-on' is error, warning, info or never, not '%s'",
				       ca.fail_on);
			goto done;
		}
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
	if (!sa->file && !ca.deploy && !ca.apps.len) {
		mz_usage_error(cmd, err, "no FILE given, and no '--deploy' or '--app'");
		goto done;
	}

	struct mz_deploy deploy;
	if (!read_deployment(arena, &ca, err, &deploy)) {
		status = MZ_EXIT_INPUT;
		goto done;
	}
	if (!sa->target_given && deploy.target)
		sa->target = mz_target_find(deploy.target);
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
	struct mz_model model = { sa->target, sa->file, &options, resolved ? &server : NULL,
				  &deploy, &mz_thresholds_default };
	struct mz_findings findings = { .arena = arena };
	mz_rules_run(&model, &findings);
	mz_findings_sort(&findings);
	if (!sa->file)
		fprintf(out, "mysizer: no option file: the server runs with %s's defaults\n",
			sa->target->name);
	mz_emit_text(out, &findings, sa->target);
	status = MZ_EXIT_OK;
	const struct mz_finding *list = findings.list.items;
	for (size_t i = 0; i < findings.list.len; i++)
		if ((int)list[i].level >= fail_level)
			status = MZ_EXIT_FINDINGS;
done:
	mz_arena_free(arena);
	return status;
}

const struct mz_cmd mz_cmd_check = {
	.name = "check",
	.usage = "[--target T] [--deploy FILE] [--app FILE]... [--memory SIZE]\n"
		 "       [--nofile SOFT[:HARD] | --systemd-unit FILE...] [--cpus N]\n"
		 "       [--fail-on error|warning|info|never] [MYCNF]",
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
		"Options:\n"
		"  --target T          the server to follow (else the deployment's, else the\n"
		"                      default)\n"
		"  --deploy FILE       the deployment file (docs/deployment.md); its\n"
		"                      server.config stands for MYCNF when MYCNF is not given\n"
		"  --app FILE          one application's file; may be repeated\n"
		"  --memory SIZE       the memory the server may use: 16G, 512MiB, 4GB\n"
		"  --nofile S[:H]      the RLIMIT_NOFILE it starts under (see 'mysizer effective')\n"
		"  --systemd-unit FILE the unit, then its drop-ins, to read LimitNOFILE from; may\n"
		"                      be repeated\n"
		"  --cpus N            the host's CPUs\n"
		"  --fail-on LEVEL     exit with 1 on findings of this severity or above: error\n"
		"                      (the default), warning, info, or never\n"
		"  --help              this text\n"
		"\n"
		"Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 an\n"
		"input cannot be read or is malformed; 3 a usage error.\n",
	.takes_target = true,
	.exec = exec,
};
