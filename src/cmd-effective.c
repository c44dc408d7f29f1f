/* mysizer effective: the value each variable has once the target's server has started. */
#include <cJSON.h>
#include <inttypes.h>
#include <string.h>

#include "cmd.h"
#include "json-build.h"
#include "mysizer/arena.h"
#include "mysizer/cli.h"
#include "mysizer/server.h"
#include "mysizer/text.h"

enum format { FORMAT_VARS, FORMAT_TEXT, FORMAT_JSON };

/* As mysql -B writes a value: backslash, tab, newline and NUL escaped. */
static void put_batch(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': fputs("\\\\", out); break;
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		default: fputc(*s, out); break;
		}
	}
}

/*
 * The variables an option file can set, with their exact values: what the server's own
 * --help --verbose shows, so the two can be compared. Variables that are no option (have_*,
 * version, ...) are facts of the build, not of the file.
 */
static void print_vars(FILE *out, const struct mz_server *server)
{
	fputs("Variable_name\tValue\n", out);
	for (size_t i = 0; i < server->n_values; i++) {
		const struct mz_value *v = &server->values[i];
		bool settable = (v->var->flags & MZ_VAR_OPTION) || strcmp(v->var->name, "log_bin") == 0;
		if (!v->exact || !settable)
			continue;
		fputs(v->var->name, out);
		fputc('\t', out);
		put_batch(out, v->text);
		fputc('\n', out);
	}
}

static void put_visible(FILE *out, const char *s)
{
	mz_put_visible(out, s, strlen(s));
}

static void print_origin(FILE *out, const struct mz_option *o)
{
	if (!o)
		return;
	fputs(" (", out);
	put_visible(out, o->at.file);
	fprintf(out, ":%u)", o->at.line);
}

static bool worth_showing(const struct mz_value *v, bool all)
{
	if (all || v->set || v->n_steps)
		return true;
	for (int i = 0; i < MZ_SIZING_COUNT; i++)
		if (strcmp(v->var->name, mz_sizing_name((enum mz_sizing_var)i)) == 0)
			return true;
	return false;
}

static void print_text(FILE *out, const struct mz_server *server, bool all)
{
	const struct mz_host *h = &server->host;
	fprintf(out, "target %s (facts of %s %s)\n", server->target->name,
		server->target->flavour == MZ_MARIADB ? "MariaDB" : "MySQL",
		server->catalog->server_version);
	fprintf(out, "fd limit %" PRIu64 ":%" PRIu64 "%s%s%s\n", h->nofile_soft, h->nofile_hard,
		h->nofile_assumed ? " (assumed: " : "", h->nofile_assumed ? h->nofile_assumed : "",
		h->nofile_assumed ? "; give --nofile)" : "");
	fprintf(out, "CPUs %u%s%s%s\n", h->cpus, h->cpus_assumed ? " (assumed: " : "",
		h->cpus_assumed ? h->cpus_assumed : "", h->cpus_assumed ? "; give --cpus)" : "");
	fprintf(out, "startup: %s\n", server->startup.formula);
	for (const char *line = server->startup.server_text; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		fprintf(out, "  %s says: %.*s\n", server->target->server, (int)len, line);
		line += len + (nl != NULL);
	}
	fputc('\n', out);

	size_t hidden = 0;
	for (size_t i = 0; i < server->n_values; i++) {
		const struct mz_value *v = &server->values[i];
		if (!worth_showing(v, all)) {
			hidden++;
			continue;
		}
		fprintf(out, "%s = ", v->var->name);
		put_visible(out, v->text ? v->text : "(none)");
		if (!v->set && !v->n_steps)
			fputs("  default", out);
		if (!v->exact)
			fputs(v->var->flags & MZ_VAR_HOST ? "  [depends on the host]"
							  : "  [computed by the server; not modelled]",
			      out);
		fputc('\n', out);
		for (size_t s = 0; s < v->n_steps; s++) {
			const struct mz_step *step = &v->steps[s];
			fputs("    ", out);
			put_visible(out, step->why);
			print_origin(out, step->kind == MZ_STEP_SET || step->kind == MZ_STEP_OBSERVED
						  ? step->option
						  : NULL);
			fputc('\n', out);
		}
		if (v->var->flags & MZ_VAR_UNVERIFIED) {
			fputs("    unconfirmed: ", out);
			put_visible(out, v->var->note ? v->var->note : "not checked against this release");
			fputc('\n', out);
		}
	}
	if (hidden)
		fprintf(out, "\n%zu more variables at their defaults; --all shows them, "
			"--format vars lists every exact value\n", hidden);
}

static cJSON *json_origin(const struct mz_option *o)
{
	cJSON *at = cJSON_CreateObject();
	cJSON_AddStringToObject(at, "file", o->at.file);
	cJSON_AddNumberToObject(at, "line", o->at.line);
	return at;
}

static void print_json(FILE *out, const struct mz_server *server)
{
	static const char *const step_kinds[] = { "set", "clamped", "rounded", "startup",
						  "autosized", "observed" };
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "schema", "mysizer-effective/1");
	cJSON_AddStringToObject(root, "target", server->target->name);
	cJSON_AddStringToObject(root, "server_version", server->catalog->server_version);
	cJSON *host = cJSON_AddObjectToObject(root, "host");
	cJSON_AddNumberToObject(host, "nofile_soft", (double)server->host.nofile_soft);
	cJSON_AddNumberToObject(host, "nofile_hard", (double)server->host.nofile_hard);
	if (server->host.nofile_assumed)
		cJSON_AddStringToObject(host, "nofile_assumed", server->host.nofile_assumed);
	cJSON_AddNumberToObject(host, "cpus", server->host.cpus);
	if (server->host.cpus_assumed)
		cJSON_AddStringToObject(host, "cpus_assumed", server->host.cpus_assumed);
	cJSON *startup = cJSON_AddObjectToObject(root, "startup");
	cJSON_AddNumberToObject(startup, "request", (double)server->startup.request);
	cJSON_AddNumberToObject(startup, "files", (double)server->startup.files);
	cJSON_AddBoolToObject(startup, "reduced", server->startup.reduced);
	cJSON_AddBoolToObject(startup, "cliff", server->startup.cliff);
	cJSON_AddStringToObject(startup, "formula", server->startup.formula);
	if (server->startup.server_text)
		cJSON_AddStringToObject(startup, "server_says", server->startup.server_text);
	cJSON_AddBoolToObject(root, "starts", server->refusal == 0);
	cJSON *vars = cJSON_AddArrayToObject(root, "variables");
	for (size_t i = 0; i < server->n_values; i++) {
		const struct mz_value *v = &server->values[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "name", v->var->name);
		if (v->text)
			cJSON_AddStringToObject(o, "value", v->text);
		else
			cJSON_AddNullToObject(o, "value");
		cJSON_AddBoolToObject(o, "exact", v->exact);
		cJSON_AddBoolToObject(o, "set", v->set);
		if (v->var->flags & MZ_VAR_UNVERIFIED)
			cJSON_AddStringToObject(o, "unconfirmed", v->var->note ? v->var->note : "");
		cJSON_AddStringToObject(o, "source", v->var->source);
		cJSON *steps = cJSON_AddArrayToObject(o, "steps");
		for (size_t s = 0; s < v->n_steps; s++) {
			const struct mz_step *step = &v->steps[s];
			cJSON *j = cJSON_CreateObject();
			cJSON_AddStringToObject(j, "kind", step_kinds[step->kind]);
			cJSON_AddStringToObject(j, "value", step->value);
			cJSON_AddStringToObject(j, "why", step->why);
			if (step->option)
				cJSON_AddItemToObject(j, "at", json_origin(step->option));
			if (step->server_text)
				cJSON_AddStringToObject(j, "server_says", step->server_text);
			cJSON_AddItemToArray(steps, j);
		}
		cJSON_AddItemToArray(vars, o);
	}
	mz_json_print(out, root);
}

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct mz_server_args sa = { .target = mz_target_default() };
	enum format format = FORMAT_TEXT;
	bool all = false;
	struct mz_argv args = { argc, argv, 0, false };
	const char *text;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		int taken = mz_arg_server(cmd, &args, kind, text, err, &sa);
		if (taken < 0)
			return MZ_EXIT_USAGE;
		if (taken)
			continue;
		if (mz_arg_is(text, "--help")) {
			return mz_cmd_help(cmd, out);
		} else if (mz_arg_is(text, "--format")) {
			const char *f = mz_argv_value(&args, text);
			if (f && strcmp(f, "vars") == 0)
				format = FORMAT_VARS;
			else if (f && strcmp(f, "text") == 0)
				format = FORMAT_TEXT;
			else if (f && strcmp(f, "json") == 0)
				format = FORMAT_JSON;
			else
				return mz_usage_error(cmd, err, "'--format' is vars, text or json");
		} else if (mz_arg_is(text, "--all")) {
			all = true;
		} else {
			return mz_usage_error(cmd, err, "unknown option '%s'", text);
		}
	}
	if (!sa.file)
		return mz_usage_error(cmd, err, "no FILE given");
	if (!mz_server_args_finish(cmd, err, &sa))
		return MZ_EXIT_USAGE;

	struct mz_arena *arena = mz_arena_new();
	struct mz_optfile options;
	struct mz_server server;
	int status = MZ_EXIT_OK;
	bool resolved = mz_load(arena, &sa, &options, &server);
	for (size_t i = 0; i < options.n_problems; i++)
		mz_print_problem(err, sa.target, &options.problems[i]);
	if (!resolved) {
		fprintf(err, "mysizer: %s would not start: it stops at the error above\n",
			sa.target->server);
		status = MZ_EXIT_INPUT;
	} else {
		for (size_t i = 0; i < server.n_issues; i++) {
			const struct mz_issue *is = &server.issues[i];
			mz_print_message(err, sa.target, is->option->at, is->severity, is->message,
					 mz_issue_slug(is->kind), is->server_text);
		}
		if (sa.host.nofile_assumed && format == FORMAT_VARS)
			fprintf(err, "mysizer: assumed fd limit %" PRIu64 " (%s); give --nofile\n",
				sa.host.nofile_soft, sa.host.nofile_assumed);
		switch (format) {
		case FORMAT_VARS: print_vars(out, &server); break;
		case FORMAT_TEXT: print_text(out, &server, all); break;
		case FORMAT_JSON: print_json(out, &server); break;
		}
		if (server.refusal) {
			fprintf(err, "mysizer: %s would not start (exit status %d): see the error "
				"above\n", sa.target->server, server.refusal);
			status = MZ_EXIT_INPUT;
		}
	}
	mz_arena_free(arena);
	return status;
}

const struct mz_cmd mz_cmd_effective = {
	.name = "effective",
	.usage = "[--target T] [--nofile SOFT[:HARD]] [--cpus N] [--format vars|text|json] "
		 "[--all] FILE",
	.summary = "print the value each variable has once the target's server has started",
	.help =
		"Reads FILE as the server does (see 'mysizer options'), then every option as its\n"
		"option parser does: names and their prefixes, size suffixes, ranges and block\n"
		"sizes, booleans and choices. Then what the server does at startup: it asks for\n"
		"file descriptors and cuts max_connections and table_open_cache to what it gets\n"
		"under the fd limit, and computes the variables left to it.\n"
		"\n"
		"Options:\n"
		"  --target T        the server to follow\n"
		"  --nofile S[:H]    the soft and hard RLIMIT_NOFILE it starts under (LimitNOFILE);\n"
		"                    without it, the limit of the target's packaged systemd unit\n"
		"  --cpus N          the host's CPUs (MariaDB's thread pool); default: this machine's\n"
		"  --format F        vars: Variable_name<TAB>Value as SHOW GLOBAL VARIABLES prints it,\n"
		"                    the values mysizer knows exactly; text (default): each value\n"
		"                    with its story; json: everything, for programs\n"
		"  --all             text: also the variables left at their defaults\n"
		"  --help            this text\n"
		"\n"
		"What the server would say goes to standard error. Exit status: 0 the server\n"
		"would start; 2 it would not (an unknown option, a bad value) or FILE cannot be\n"
		"read; 3 a usage error.\n",
	.takes_target = true,
	.exec = exec,
};
