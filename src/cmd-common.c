/* What the commands share: reporting what the server would say, with file:line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "mysizer/deploy.h"
#include "mysizer/text.h"

/* How a severity reads to someone who runs mysizer rather than the server. */
static const char *label(enum mz_severity severity)
{
	switch (severity) {
	case MZ_SEV_FATAL: return "error";
	case MZ_SEV_ERROR: return "warning"; /* the server complains, and starts */
	case MZ_SEV_WARNING: return "warning";
	case MZ_SEV_NOTE: return "note";
	}
	return "note";
}

void mz_print_message(FILE *err, const struct mz_target *target, struct mz_origin at,
		      enum mz_severity severity, const char *message, const char *slug,
		      const char *server_text)
{
	mz_put_visible(err, at.file, strlen(at.file));
	if (at.line)
		fprintf(err, ":%u", at.line);
	fputs(": ", err);
	fputs(label(severity), err);
	fputs(": ", err);
	mz_put_visible(err, message, strlen(message));
	fprintf(err, " [%s]\n", slug);
	/* The server's messages, a line each, indented under mysizer's. */
	for (const char *line = server_text; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		fprintf(err, "    %s says: ", target->server);
		mz_put_visible(err, line, len);
		fputc('\n', err);
		line += len + (nl != NULL);
	}
}

void mz_print_problem(FILE *err, const struct mz_target *target, const struct mz_problem *p)
{
	mz_print_message(err, target, p->at, p->severity, p->message, mz_problem_slug(p->kind),
			 p->server_text);
}

int mz_arg_server(const struct mz_cmd *cmd, struct mz_argv *a, enum mz_arg_kind kind,
		  const char *text, FILE *err, struct mz_server_args *sa)
{
	if (kind == MZ_ARG_OPERAND) {
		if (sa->file) {
			mz_usage_error(cmd, err, "one FILE only, got '%s' and '%s'", sa->file, text);
			return -1;
		}
		sa->file = text;
		return 1;
	}
	if (mz_arg_is(text, "--target")) {
		sa->target_given = true;
		return mz_arg_target(cmd, a, text, err, &sa->target) ? 1 : -1;
	}
	const char **slot = mz_arg_is(text, "--nofile") ? &sa->nofile
			    : mz_arg_is(text, "--cpus") ? &sa->cpus
							: NULL;
	if (!slot)
		return 0;
	*slot = mz_argv_value(a, text);
	if (!*slot) {
		mz_usage_error(cmd, err, "'%s' needs a value", text);
		return -1;
	}
	return 1;
}

static bool parse_count(const char *text, uint64_t *out)
{
	char *end;
	errno = 0;
	if (!text || !*text || *text == '-')
		return false;
	*out = strtoull(text, &end, 10);
	return !*end && !errno && *out > 0;
}

bool mz_server_args_finish(const struct mz_cmd *cmd, FILE *err, struct mz_server_args *sa)
{
	sa->host = mz_host_default(sa->target);
	if (sa->nofile) {
		if (!mz_parse_nofile(sa->nofile, &sa->host.nofile_soft, &sa->host.nofile_hard)) {
			mz_usage_error(cmd, err, "'--nofile' is SOFT or SOFT:HARD, positive numbers "
				       "with SOFT <= HARD, or infinity, not '%s'", sa->nofile);
			return false;
		}
		sa->host.nofile_assumed = NULL;
	}
	if (sa->cpus) {
		uint64_t n;
		if (!parse_count(sa->cpus, &n) || n > UINT32_MAX) {
			mz_usage_error(cmd, err, "'--cpus' is a positive number, not '%s'", sa->cpus);
			return false;
		}
		sa->host.cpus = (unsigned)n;
	} else {
		long online = sysconf(_SC_NPROCESSORS_ONLN);
		sa->host.cpus = online > 0 ? (unsigned)online : 1;
		sa->host.cpus_assumed = "the CPUs of the machine mysizer runs on";
	}
	return true;
}

bool mz_load(struct mz_arena *arena, const struct mz_server_args *sa,
	     struct mz_optfile *options, struct mz_server *server)
{
	struct mz_read_options opts = { .home = getenv("HOME"), .confine = sa->confine };
	if (sa->file)
		mz_optfile_read(arena, sa->target, sa->file, &opts, options);
	else
		*options = (struct mz_optfile){ .target = sa->target };
	if (options->fatal)
		return false;
	mz_server_resolve(arena, options, &sa->host, server);
	return true;
}

bool mz_unreadable(const struct mz_optfile *options)
{
	for (size_t i = 0; i < options->n_problems; i++)
		if (options->problems[i].kind == MZ_PROBLEM_FILE_MISSING ||
		    options->problems[i].kind == MZ_PROBLEM_FILE_REFUSED)
			return true;
	return false;
}
