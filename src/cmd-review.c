/*
 * mysizer review: many bundles in one run, each a folder of what a customer sent (option
 * files, dumps, a deployment file), each checked confined to its folder, one table row each.
 * A bundle that cannot be read is a row of its own; the others go on. Rows are printed as
 * they come, and each bundle's memory is freed before the next, so a run of thousands holds
 * no more than one.
 */
#define _XOPEN_SOURCE 700 /* realpath() is XSI */

#include <dirent.h>
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/settings.h"
#include "mysizer/sizing.h"
#include "mysizer/text.h"
#include "optfile-path.h"

/* The check options a review hands on to every bundle's check, and whether they take a value. */
static const struct passed {
	const char *name;
	bool value;
} passed[] = {
	{ "--target", true },	       { "--memory", true },	      { "--nofile", true },
	{ "--cpus", true },	       { "--fail-on", true },	      { "--rule", true },
	{ "--config", true },	       { "--no-config", false },      { "--memory-percent", true },
	{ "--headroom-percent", true }, { "--lifetime-margin", true }, { "--long-wait-timeout", true },
	{ "--show-suppressed", false },
};

/* What a bundle holds, found by name, then by content. */
enum role { ROLE_CONFIG, ROLE_DEPLOY, ROLE_VARIABLES, ROLE_STATUS, ROLE_PROCESSLIST, ROLE_COUNT };

static const char *const role_option[ROLE_COUNT] = {
	[ROLE_DEPLOY] = "--deploy", [ROLE_VARIABLES] = "--variables", [ROLE_STATUS] = "--status",
	[ROLE_PROCESSLIST] = "--processlist",
};

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && strcasecmp(s + n - m, end) == 0;
}

static bool has(const char *name, const char *word)
{
	char lower[256];
	size_t n = 0;
	for (; name[n] && n < sizeof lower - 1; n++)
		lower[n] = (char)(name[n] >= 'A' && name[n] <= 'Z' ? name[n] - 'A' + 'a' : name[n]);
	lower[n] = '\0';
	return strstr(lower, word) != NULL;
}

/* A dump's kind from its first bytes: the client's headers name their columns. */
static int role_by_content(const char *path)
{
	char head[4096];
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	if (memchr(head, '\0', n))
		return -1;
	if (strstr(head, "Variable_name"))
		return strstr(head, "Uptime") || strstr(head, "Aborted_") || strstr(head, "Com_")
			       ? ROLE_STATUS
			       : ROLE_VARIABLES;
	if (strstr(head, "Command") && strstr(head, "Host") && strstr(head, "Id"))
		return ROLE_PROCESSLIST;
	return -1;
}

static int role_by_name(const char *name)
{
	if (strcmp(name, "my.cnf") == 0 || ends_with(name, ".cnf"))
		return ROLE_CONFIG;
	if (ends_with(name, ".json"))
		return has(name, "deploy") ? ROLE_DEPLOY : -1;
	if (has(name, "processlist"))
		return ROLE_PROCESSLIST;
	if (has(name, "status"))
		return ROLE_STATUS;
	if (has(name, "variables") || has(name, "vars"))
		return ROLE_VARIABLES;
	return -1;
}

/* Which of two files takes a role: my.cnf first, then the first name. */
static bool better(int role, const char *name, const char *current)
{
	if (!current)
		return true;
	if (role == ROLE_CONFIG && strcmp(name, "my.cnf") == 0)
		return true;
	if (role == ROLE_CONFIG && strcmp(current, "my.cnf") == 0)
		return false;
	return strcmp(name, current) < 0;
}

/* Finds the bundle's files; false, with *why, when it holds nothing to check. Files that lead
 * outside the bundle are left out, and said on err. */
static bool find_files(struct mz_arena *arena, const char *dir, const char *root, FILE *err,
		       const char *files[ROLE_COUNT], const char **why)
{
	DIR *d = opendir(dir);
	if (!d) {
		*why = mz_printf(arena, "cannot read the folder: %s", strerror(errno));
		return false;
	}
	const char *names[ROLE_COUNT] = { 0 };
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		const char *path = mz_printf(arena, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (!mz_path_inside(root, path)) {
			fprintf(err, "mysizer review: '%s' leads outside its bundle; not read\n", path);
			continue;
		}
		int role = role_by_name(e->d_name);
		if (role < 0 && (ends_with(e->d_name, ".txt") || ends_with(e->d_name, ".tsv") ||
				 ends_with(e->d_name, ".log") || ends_with(e->d_name, ".out")))
			role = role_by_content(path);
		if (role >= 0 && better(role, e->d_name, names[role])) {
			names[role] = mz_strdup(arena, e->d_name);
			files[role] = path;
		}
	}
	closedir(d);
	bool any = false;
	for (int r = 0; r < ROLE_COUNT; r++)
		any = any || files[r];
	if (!any)
		*why = "no option file (*.cnf), deployment file (*deploy*.json) or dump found";
	return any;
}

struct review {
	struct mz_vec handed_on;   /* char *: the check options for every bundle */
	const char *output_dir;
	const char *format;        /* of the reports in output_dir */
	bool progress;
	time_t started;
	size_t broken, failing;
};

static const char *report_path(struct mz_arena *arena, const struct review *rv, const char *dir)
{
	const char *base = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
	const char *ext = strcmp(rv->format, "text") == 0 ? "txt" : rv->format;
	const char *path = mz_printf(arena, "%s/%s.%s", rv->output_dir, base, ext);
	/* Two bundles of one name: the second's report must not take the first's place. */
	struct stat st;
	for (unsigned n = 2; stat(path, &st) == 0 && st.st_mtime >= rv->started; n++)
		path = mz_printf(arena, "%s/%s-%u.%s", rv->output_dir, base, n, ext);
	return path;
}

static void print_row(FILE *out, const struct review *rv, const char *dir, int status,
		      const struct mz_check_summary *s, const char *problem)
{
	if (rv->progress)
		fputs("\r\033[K", stderr);
	if (problem) {
		fprintf(out, "%6s %8s %15s  %-21s  %-38s  ", "-", "-", "-", "-", "unreadable");
		mz_put_visible(out, dir, strlen(dir));
		fputs(": ", out);
		mz_put_visible(out, problem, strlen(problem));
		fputc('\n', out);
		return;
	}
	char memory[64] = "-";
	struct mz_arena *a = mz_arena_new();
	if (s->max_connections)
		snprintf(memory, sizeof memory, "%s / %s", mz_bytes_text(a, s->worst_memory),
			 s->memory_limit ? mz_bytes_text(a, s->memory_limit) : "?");
	mz_arena_free(a);
	fprintf(out, "%6zu %8zu %15llu  %-21s  %-38s  ", s->errors, s->warnings,
		(unsigned long long)s->max_connections, memory, *s->worst ? s->worst : "-");
	mz_put_visible(out, dir, strlen(dir));
	fprintf(out, "%s\n", status == MZ_EXIT_FINDINGS ? "  (fails)" : "");
}

/* The first line of what a check said on its standard error. */
static const char *first_line(struct mz_arena *arena, const char *text, size_t len)
{
	size_t n = 0;
	while (n < len && text[n] != '\n')
		n++;
	return n ? mz_strndup(arena, text, n) : "the check failed without saying why";
}

static void review_bundle(struct review *rv, const char *dir, FILE *out, FILE *err)
{
	struct mz_arena *arena = mz_arena_new();
	const char *files[ROLE_COUNT] = { 0 };
	const char *why = NULL;
	char *root = realpath(dir, NULL);
	if (!root) {
		print_row(out, rv, dir, MZ_EXIT_INPUT, NULL, strerror(errno));
		rv->broken++;
		mz_arena_free(arena);
		return;
	}
	if (!find_files(arena, dir, root, err, files, &why)) {
		print_row(out, rv, dir, MZ_EXIT_INPUT, NULL, why);
		rv->broken++;
		free(root);
		mz_arena_free(arena);
		return;
	}
	/* --confine ROOT [handed-on options] [--deploy F ...] --format F --output R [MYCNF] */
	struct mz_vec args = { 0 };
#define ARG(s) (*(const char **)mz_vec_push(arena, &args, sizeof(char *)) = (s))
	ARG("--confine");
	ARG(mz_strdup(arena, root));
	free(root);
	const char *const *handed = rv->handed_on.items;
	for (size_t i = 0; i < rv->handed_on.len; i++)
		ARG(handed[i]);
	for (int r = 0; r < ROLE_COUNT; r++)
		if (files[r] && role_option[r]) {
			ARG(role_option[r]);
			ARG(files[r]);
		}
	ARG("--format");
	ARG(rv->output_dir ? rv->format : "text");
	ARG("--output");
	ARG(rv->output_dir ? report_path(arena, rv, dir) : "/dev/null");
	if (files[ROLE_CONFIG]) {
		ARG("--");
		ARG(files[ROLE_CONFIG]);
	}
#undef ARG
	char *said = NULL;
	size_t said_len = 0;
	FILE *check_err = open_memstream(&said, &said_len);
	if (!check_err)
		mz_out_of_memory();
	struct mz_check_summary summary;
	int status = mz_check_summarized(&mz_cmd_check, (int)args.len, args.items, out, check_err,
					 &summary);
	fclose(check_err);
	if (status == MZ_EXIT_OK || status == MZ_EXIT_FINDINGS) {
		print_row(out, rv, dir, status, &summary, NULL);
		rv->failing += status == MZ_EXIT_FINDINGS;
	} else {
		print_row(out, rv, dir, status, NULL, first_line(arena, said, said_len));
		rv->broken++;
	}
	free(said);
	mz_arena_free(arena);
}

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct mz_arena *arena = mz_arena_new();
	struct review rv = { .format = "json", .started = time(NULL) };
	struct mz_vec dirs = { 0 };
	struct mz_argv args = { argc, argv, 0, false };
	int status = MZ_EXIT_USAGE;
	bool progress = isatty(STDERR_FILENO);
	const char *text;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		if (kind == MZ_ARG_OPERAND) {
			*(const char **)mz_vec_push(arena, &dirs, sizeof text) = text;
			continue;
		}
		if (mz_arg_is(text, "--help")) {
			status = mz_cmd_help(cmd, out);
			goto done;
		}
		if (mz_arg_is(text, "--no-progress")) {
			progress = false;
			continue;
		}
		const char **slot = mz_arg_is(text, "--output-dir") ? &rv.output_dir
				    : mz_arg_is(text, "--format")   ? &rv.format
								    : NULL;
		const struct passed *p = NULL;
		for (size_t i = 0; i < sizeof passed / sizeof passed[0] && !p && !slot; i++)
			if (mz_arg_is(text, passed[i].name))
				p = &passed[i];
		if (!slot && !p) {
			status = mz_usage_error(cmd, err, "unknown option '%s'", text);
			goto done;
		}
		const char *value = (slot || p->value) ? mz_argv_value(&args, text) : NULL;
		if ((slot || p->value) && !value) {
			status = mz_usage_error(cmd, err, "'%s' needs a value", text);
			goto done;
		}
		if (slot) {
			*slot = value;
			continue;
		}
		*(const char **)mz_vec_push(arena, &rv.handed_on, sizeof text) = p->name;
		if (value)
			*(const char **)mz_vec_push(arena, &rv.handed_on, sizeof value) = value;
	}
	if (!dirs.len) {
		status = mz_usage_error(cmd, err, "no bundle given: one folder per bundle");
		goto done;
	}
	/* The formats are check's, named in one table: the settings'. */
	struct mz_settings formats;
	mz_settings_default(&formats);
	const char *why = mz_settings_set(arena, &formats, "check", "format", rv.format, "--format");
	if (why) {
		status = mz_usage_error(cmd, err, "'--format' %s", why);
		goto done;
	}
	struct stat st;
	if (rv.output_dir && (stat(rv.output_dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
		status = mz_usage_error(cmd, err, "'--output-dir' names a folder, and '%s' is none",
					rv.output_dir);
		goto done;
	}
	rv.progress = progress;
#ifdef M_TRIM_THRESHOLD
	/* Each bundle frees what the last one held: keep it for the next, rather than hand it
	 * back to the kernel and fault it in again (half of the time of a review, measured). */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	fprintf(out, "%6s %8s %15s  %-21s  %-38s  %s\n", "errors", "warnings", "max_connections",
		"memory (worst/limit)", "worst finding", "bundle");
	const char *const *list = dirs.items;
	for (size_t i = 0; i < dirs.len; i++) {
		if (rv.progress) {
			fprintf(stderr, "\r\033[K[%zu/%zu] ", i + 1, dirs.len);
			mz_put_visible(stderr, list[i], strlen(list[i]));
			fflush(stderr);
		}
		review_bundle(&rv, list[i], out, err);
		fflush(out);
	}
	if (rv.progress)
		fputs("\r\033[K", stderr);
	fprintf(out, "mysizer review: %zu bundle%s, %zu failing, %zu unreadable\n", dirs.len,
		dirs.len == 1 ? "" : "s", rv.failing, rv.broken);
	status = rv.broken ? MZ_EXIT_INPUT : rv.failing ? MZ_EXIT_FINDINGS : MZ_EXIT_OK;
done:
	mz_arena_free(arena);
	return status;
}

const struct mz_cmd mz_cmd_review = {
	.name = "review",
	.usage = "[--output-dir DIR [--format text|json|sarif|github]] [--no-progress]\n"
		 "       [check options] BUNDLE...",
	.summary = "check many bundles of customers' files, a row each",
	.help =
		"Each BUNDLE is a folder of what one server's owner sent: option files (my.cnf,\n"
		"else the first *.cnf), a deployment file (*deploy*.json), dumps of SHOW GLOBAL\n"
		"VARIABLES, STATUS and PROCESSLIST (named *variables*, *status*, *processlist*,\n"
		"or recognised by their column headers in *.txt, *.tsv, *.log, *.out); see\n"
		"docs/review.md. Each is checked as 'mysizer check --confine BUNDLE' would:\n"
		"nothing outside the folder is read (includes and symlinks leading out are\n"
		"reported, not followed), and secrets in it never reach a report.\n"
		"\n"
		"Prints a row per bundle as it is done: errors, warnings, the effective\n"
		"max_connections, the worst-case memory against the memory, the worst finding. A\n"
		"bundle that cannot be read is a row that says why; the others go on.\n"
		"\n"
		"Options:\n"
		"  --output-dir DIR    write each bundle's report to DIR/BUNDLE.EXT\n"
		"  --format F          the reports' format: json (the default), text, sarif, github\n"
		"  --no-progress       no progress line on a terminal\n"
		"  --target, --memory, --nofile, --cpus, --fail-on, --rule, --config,\n"
		"  --no-config, --memory-percent, --headroom-percent, --lifetime-margin,\n"
		"  --long-wait-timeout, --show-suppressed\n"
		"                      handed on to every bundle's check\n"
		"  --help              this text\n"
		"\n"
		"Exit status: 0 no bundle with findings at or above --fail-on; 1 some; 2 a bundle\n"
		"could not be read; 3 a usage error.\n",
	.takes_target = false,
	.exec = exec,
};
