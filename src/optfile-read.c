/*
 * Reading a my.cnf tree as search_default_file_with_ext() does: files in order, lines taken
 * apart by optfile-line.c, !include and !includedir spliced in place.
 */
#include "mysizer/optfile.h"
#include "optfile-input.h"
#include "optfile-line.h"
#include "optfile-path.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
	FN_REFLEN = 512,        /* the servers skip a file whose name is FN_REFLEN - 3 or longer */
	MAX_INCLUDE_LEVEL = 10, /* the top file is level 0 */
	GROUP_NAME_MAX = 4095,  /* header names are cut silently to this many bytes */
	FGETS_LINE_MAX = 4094,  /* fgets(buff, 4095, ...) returns at most this many bytes */
};

/* What the servers print; a dialect has NULL where its server prints nothing. */
enum says {
	SAYS_REQUIRED_FILE,  /* (path) */
	SAYS_WORLD_WRITABLE, /* (path) */
	SAYS_NO_GROUP,       /* (path, line) */
	SAYS_BAD_GROUP,      /* (path, line) */
	SAYS_BAD_DIRECTIVE,  /* (keyword, path, line) */
	SAYS_DEPTH,          /* (directive line, path, line) */
	SAYS_CANT_READ_DIR,  /* (dir, errno, strerror) */
	SAYS_CANT_STAT,      /* (path, errno, strerror) */
	SAYS_CANT_OPEN,      /* (path, errno, strerror) */
	SAYS_STOPPED,        /* (keyword, path, line) */
	SAYS_COUNT
};

/* The three generations of the reader; see enum mz_optfile_reader. */
struct dialect {
	size_t line_max;             /* 0: lines of any length */
	bool ext_from_first_dot;     /* "a.b.cnf" has the extension ".b.cnf" */
	bool reads_world_writable_on_read_only; /* MDEV-27038: such a file cannot be tampered */
	const char *says[SAYS_COUNT];
};

/*
 * Texts: MySQL 8 mysys/errors.cc; MySQL 5.7 mysys_ssl/my_default.cc and errors.c; MariaDB
 * mysys/my_default.c, checked against MariaDB 10.11's my_print_defaults.
 */
static const struct dialect dialects[] = {
	[MZ_READER_MYSQL_5_7] = {
		.line_max = FGETS_LINE_MAX,
		.ext_from_first_dot = true,
		.says = {
			[SAYS_REQUIRED_FILE] = "Could not open required defaults file: %s",
			[SAYS_WORLD_WRITABLE] = "World-writable config file '%s' is ignored.",
			[SAYS_NO_GROUP] = "Found option without preceding group in config file %s at line %u!",
			[SAYS_BAD_GROUP] = "Wrong group definition in config file %s at line %u!",
			[SAYS_BAD_DIRECTIVE] = "Wrong '!%s' directive in config file %s at line %u!",
			[SAYS_DEPTH] = "skipping '%s' directive as maximum includerecursion level was "
				       "reached in file %s at line %u!",
			[SAYS_CANT_READ_DIR] = "Can't read dir of '%s' (Errcode: %d - %s)",
		},
	},
	[MZ_READER_MYSQL_8] = {
		.says = {
			[SAYS_REQUIRED_FILE] = "Failed to open required defaults file: %s",
			[SAYS_WORLD_WRITABLE] = "World-writable config file '%s' is ignored.",
			[SAYS_NO_GROUP] = "Found option without preceding group in config file %s at line %u.",
			[SAYS_BAD_GROUP] = "Wrong group definition in config file %s at line %u.",
			[SAYS_BAD_DIRECTIVE] = "Wrong '!%s' directive in config file %s at line %u.",
			[SAYS_DEPTH] = "Skipping '%s' directive as maximum include recursion level was "
				       "reached in file %s at line %u.",
			[SAYS_CANT_READ_DIR] = "Can't read dir of '%s' (OS errno %d - %s)",
			[SAYS_CANT_STAT] = "Can't get stat of '%s' (OS errno %d - %s)",
			[SAYS_CANT_OPEN] = "File '%s' not found (OS errno %d - %s)",
			[SAYS_STOPPED] = "Stopped processing the '%s' directive in file %s at line %u.",
		},
	},
	[MZ_READER_MARIADB] = {
		.line_max = FGETS_LINE_MAX,
		.reads_world_writable_on_read_only = true,
		.says = {
			[SAYS_REQUIRED_FILE] = "Could not open required defaults file: %s",
			[SAYS_WORLD_WRITABLE] = "Warning: World-writable config file '%s' is ignored",
			[SAYS_NO_GROUP] = "error: Found option without preceding group in config file: "
					  "%s at line: %u",
			[SAYS_BAD_GROUP] = "error: Wrong group definition in config file: %s at line %u",
			[SAYS_BAD_DIRECTIVE] = "error: Wrong '!%s' directive in config file: %s at line %u",
			[SAYS_DEPTH] = "Warning: skipping '%s' directive as maximum includerecursion level "
				       "was reached in file %s at line %u",
			[SAYS_CANT_READ_DIR] = "Can't read dir of '%s' (Errcode: %d \"%s\")",
		},
	},
};

static const char *const slugs[MZ_PROBLEM_KIND_COUNT] = {
#define MZ_PROBLEM_SLUG(id, slug) [MZ_PROBLEM_##id] = slug,
	MZ_PROBLEM_LIST(MZ_PROBLEM_SLUG)
#undef MZ_PROBLEM_SLUG
};

const char *mz_problem_slug(enum mz_problem_kind kind)
{
	return slugs[kind];
}

struct reader {
	struct mz_arena *arena;
	const struct mz_target *target;
	const struct dialect *dialect;
	const char *home;
	const char *confine;    /* see struct mz_read_options */
	struct mz_vec options;  /* struct mz_option */
	struct mz_vec problems; /* struct mz_problem */
	struct mz_vec pragmas;  /* struct mz_pragma */
	struct mz_vec files;    /* const char * */
	struct mz_vec seen;     /* struct file_id of every file read */
	bool stop;              /* a fatal problem: read no further */
	bool revisiting;        /* in a file already read once (a cycle): its notes are known */
};

struct file_id {
	dev_t dev;
	ino_t ino;
};

/* The file being read. */
struct source {
	const char *path;        /* for mysizer's messages */
	const char *server_name; /* as the server names it in its own */
	int level;
};

/* A line of the file being read. */
struct place {
	const struct source *src;
	unsigned line;        /* physical */
	unsigned server_line; /* as the server counts: one per read, so a split line counts twice */
};

enum read_result {
	READ_OK,
	READ_NO_STAT,   /* cannot stat: the servers take the file to be missing */
	READ_NO_OPEN,   /* it exists but cannot be opened */
	READ_FAILED,    /* an error in the file stopped its reading */
	READ_OUTSIDE,   /* it lies outside the folder mysizer is confined to: not read */
};

static const char *server_says(struct reader *r, enum says what, ...)
{
	const char *fmt = r->dialect->says[what];
	if (!fmt)
		return NULL;
	va_list ap;
	va_start(ap, what);
	const char *text = mz_vprintf(r->arena, fmt, ap);
	va_end(ap);
	return text;
}

/* Two messages the server prints one after the other. */
static const char *then(struct reader *r, const char *first, const char *second)
{
	if (!first || !second)
		return first ? first : second;
	return mz_printf(r->arena, "%s\n%s", first, second);
}

__attribute__((format(printf, 7, 8)))
static void report(struct reader *r, enum mz_problem_kind kind, enum mz_severity severity,
		   const char *file, unsigned line, const char *server_text, const char *fmt, ...)
{
	if (severity == MZ_SEV_NOTE && r->revisiting)
		return;
	struct mz_problem *p = mz_vec_push(r->arena, &r->problems, sizeof *p);
	p->kind = kind;
	p->severity = severity;
	p->at = (struct mz_origin){ file, line };
	p->server_text = server_text;
	va_list ap;
	va_start(ap, fmt);
	p->message = mz_vprintf(r->arena, fmt, ap);
	va_end(ap);
	if (severity == MZ_SEV_FATAL)
		r->stop = true;
}

/*
 * A broken structure: the server stops when it is in its top file; in an included file it
 * reads no more of that file and goes on with the including one.
 */
static enum read_result broken(struct reader *r, const struct place *at,
			       enum mz_problem_kind kind, const char *server_text,
			       const char *what)
{
	const struct source *src = at->src;
	bool top = src->level == 0;
	report(r, kind, top ? MZ_SEV_FATAL : MZ_SEV_ERROR, src->path, at->line, server_text,
	       "%s%s", what, top ? "" : "; the server reads no more of this file");
	return READ_FAILED;
}

static const char *span_dup(struct reader *r, struct mz_span s)
{
	return mz_strndup(r->arena, s.ptr, s.len);
}

static const char *absolute(struct reader *r, const char *path)
{
	if (path[0] == '/')
		return path;
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		return path;
	return mz_printf(r->arena, "%s/%s", cwd, path);
}

static const char *extension(const struct reader *r, const char *name)
{
	const char *dot = r->dialect->ext_from_first_dot ? strchr(name, '.') : strrchr(name, '.');
	return dot ? dot : name + strlen(name);
}

static enum read_result read_file(struct reader *r, const char *path, const char *server_name,
				  int level, int *err);

static bool confined(const struct reader *r, const char *path)
{
	return !r->confine || mz_path_inside(r->confine, path);
}

__attribute__((format(printf, 3, 4)))
static enum read_result refuse(struct reader *r, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *why = mz_vprintf(r->arena, fmt, ap);
	va_end(ap);
	report(r, MZ_PROBLEM_FILE_REFUSED, MZ_SEV_FATAL, path, 0, NULL, "%s", why);
	return READ_FAILED;
}

/*
 * After an included file: the 8.0 reader logs every include that failed, and an included
 * file that could not be read at all is a problem of the line that names it.
 */
static void after_include(struct reader *r, const struct place *at, const char *keyword,
			  const char *path, enum read_result res, int err)
{
	const struct source *src = at->src;
	const char *stopped = server_says(r, SAYS_STOPPED, keyword, src->server_name,
					  at->server_line);
	if (res == READ_OUTSIDE) {
		report(r, MZ_PROBLEM_INCLUDE_OUTSIDE, MZ_SEV_WARNING, src->path, at->line, NULL,
		       "'%s' leads outside '%s', the folder mysizer may read; not followed", path,
		       r->confine);
		return;
	}
	if (res == READ_FAILED && stopped && !r->stop) {
		struct mz_problem *last = &((struct mz_problem *)r->problems.items)[r->problems.len - 1];
		last->server_text = then(r, last->server_text, stopped);
	}
	if (res != READ_NO_STAT && res != READ_NO_OPEN)
		return;
	const char *why = res == READ_NO_STAT ? server_says(r, SAYS_CANT_STAT, path, err, strerror(err))
					      : server_says(r, SAYS_CANT_OPEN, path, err, strerror(err));
	report(r, MZ_PROBLEM_INCLUDE_MISSING, stopped ? MZ_SEV_ERROR : MZ_SEV_NOTE, src->path,
	       at->line, then(r, why, stopped), "cannot read '%s': %s; the server %s", path,
	       strerror(err),
	       stopped ? "logs an error and goes on without it" : "silently goes on without it");
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool looks_like_option_file(const char *name)
{
	const char *dot = strrchr(name, '.');
	return strstr(name, ".cnf") || strstr(name, ".CNF") ||
	       (dot && (strcmp(dot, ".conf") == 0 || strcmp(dot, ".ini") == 0));
}

static enum read_result include_dir(struct reader *r, const struct place *at, const char *dir)
{
	const struct source *src = at->src;
	/* The listing uses the path as written: no '~' expansion, unlike the entries' paths. */
	if (!confined(r, dir)) {
		report(r, MZ_PROBLEM_INCLUDE_OUTSIDE, MZ_SEV_WARNING, src->path, at->line, NULL,
		       "'%s' leads outside '%s', the folder mysizer may read; not followed", dir,
		       r->confine);
		return READ_OK;
	}
	DIR *d = opendir(dir);
	if (!d) {
		int err = errno;
		return broken(r, at, MZ_PROBLEM_INCLUDEDIR_UNREADABLE,
			      then(r, server_says(r, SAYS_CANT_READ_DIR, dir, err, strerror(err)),
				   server_says(r, SAYS_STOPPED, "includedir", src->server_name,
					       at->server_line)),
			      mz_printf(r->arena, "cannot read directory '%s': %s", dir,
					strerror(err)));
	}
	struct mz_vec names = { 0 };
	for (struct dirent *e; (e = readdir(d));)
		*(const char **)mz_vec_push(r->arena, &names, sizeof(char *)) =
			mz_strdup(r->arena, e->d_name);
	closedir(d);
	qsort(names.items, names.len, sizeof(char *), compare_names);

	for (size_t i = 0; i < names.len && !r->stop; i++) {
		const char *name = ((const char **)names.items)[i];
		const char *path = mz_path_resolve(r->arena, mz_path_join(r->arena, dir, name), r->home);
		if (strcmp(extension(r, name), ".cnf") != 0) {
			if (looks_like_option_file(name))
				report(r, MZ_PROBLEM_INCLUDEDIR_SKIPPED, MZ_SEV_NOTE, src->path,
				       at->line, NULL, "'%s' is not read: !includedir reads only %s",
				       path, r->dialect->ext_from_first_dot
						     ? "names whose only '.' is that of a final '.cnf'"
						     : "names ending in '.cnf'");
			continue;
		}
		int err;
		enum read_result res = read_file(r, path, NULL, src->level + 1, &err);
		after_include(r, at, "includedir", path, res, err);
	}
	return READ_OK;
}

static enum read_result directive(struct reader *r, const struct place *at,
				  const struct mz_line *ln, const char *line)
{
	const struct source *src = at->src;
	if (src->level >= MAX_INCLUDE_LEVEL) {
		const char *quoted = span_dup(r, ln->quoted);
		report(r, MZ_PROBLEM_INCLUDE_DEPTH, MZ_SEV_WARNING, src->path, at->line,
		       server_says(r, SAYS_DEPTH, quoted, src->server_name, at->server_line),
		       "'%s' is not followed: includes nest deeper than %d levels (an include cycle?)",
		       quoted, MAX_INCLUDE_LEVEL);
		return READ_OK;
	}
	if (ln->directive == MZ_DIRECTIVE_UNKNOWN) {
		size_t n = ln->text_len;
		while (n > 0 && mz_is_blank(line[n - 1]))
			n--;
		report(r, MZ_PROBLEM_DIRECTIVE_UNKNOWN, MZ_SEV_NOTE, src->path, at->line, NULL,
		       "'%.*s' is not a directive; the server ignores the line "
		       "(it knows '!include PATH' and '!includedir PATH', in lower case)",
		       (int)n, line);
		return READ_OK;
	}
	const char *keyword = ln->directive == MZ_DIRECTIVE_INCLUDE ? "include" : "includedir";
	if (ln->arg.len == 0)
		return broken(r, at, MZ_PROBLEM_DIRECTIVE_EMPTY,
			      server_says(r, SAYS_BAD_DIRECTIVE, keyword, src->server_name,
					  at->server_line),
			      mz_printf(r->arena, "'!%s' has no path", keyword));
	const char *arg = span_dup(r, ln->arg);
	char lost = ln->text_len > 0 ? line[ln->text_len - 1] : ' ';
	bool harmless = lost == '/' && ln->directive == MZ_DIRECTIVE_INCLUDEDIR;
	if (!mz_is_blank(lost) && !harmless)
		report(r, MZ_PROBLEM_DIRECTIVE_LAST_BYTE_LOST, MZ_SEV_NOTE, src->path, at->line,
		       NULL,
		       "the line does not end in a newline, so the server drops its last byte "
		       "and reads the path '%s'", arg);
	if (strchr(arg, '#'))
		report(r, MZ_PROBLEM_DIRECTIVE_COMMENT, MZ_SEV_NOTE, src->path, at->line, NULL,
		       "'#' does not start a comment on a directive line; the path is '%s'", arg);
	if (arg[0] != '/' && arg[0] != '~')
		report(r, MZ_PROBLEM_INCLUDE_RELATIVE, MZ_SEV_NOTE, src->path, at->line, NULL,
		       "relative path '%s' depends on the server's current directory, not on "
		       "where this file is", arg);

	if (ln->directive == MZ_DIRECTIVE_INCLUDEDIR)
		return include_dir(r, at, arg);
	int err;
	enum read_result res = read_file(r, arg, NULL, src->level + 1, &err);
	after_include(r, at, keyword, mz_path_resolve(r->arena, arg, r->home), res, err);
	return READ_OK;
}

static bool starts_with_bom(const char *line, size_t len)
{
	return len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0;
}

static void option(struct reader *r, const struct place *at, const struct mz_line *ln,
		   const char *group, bool server_reads, const char *line)
{
	struct mz_option *o = mz_vec_push(r->arena, &r->options, sizeof *o);
	o->group = group;
	o->name = span_dup(r, ln->name);
	o->at = (struct mz_origin){ at->src->path, at->line };
	o->server_reads = server_reads;
	if (!ln->has_value)
		return;

	/* Escapes only shorten a value, so its raw length is room enough. */
	char *value = mz_alloc(r->arena, ln->value.len + 1);
	bool changed;
	mz_line_unescape(ln->value, value, &changed);
	o->value = value;

	if (!server_reads)
		return; /* traps matter only where the server looks */
	const char *file = at->src->path;
	if (ln->comment_glued)
		report(r, MZ_PROBLEM_COMMENT_GLUED, MZ_SEV_NOTE, file, at->line, NULL,
		       "'#' starts a comment even inside a word; '%s' is cut to '%s' "
		       "(quote the value to keep the '#')", o->name, o->value);
	if (ln->quote_unmatched)
		report(r, MZ_PROBLEM_QUOTE_UNMATCHED, MZ_SEV_NOTE, file, at->line, NULL,
		       "the quote that opens the value of '%s' is not closed at its end, "
		       "so it stays part of the value '%s'", o->name, o->value);
	if (changed)
		report(r, MZ_PROBLEM_ESCAPE_APPLIED, MZ_SEV_NOTE, file, at->line, NULL,
		       "a backslash escape changed the value of '%s' (\\n \\t \\r \\b \\s are "
		       "processed even in unquoted values; write '\\\\' or '/' in paths)", o->name);
	size_t text = ln->text_len;
	while (text > 0 && mz_is_blank(line[text - 1]))
		text--;
	if (text > 0 && line[text - 1] == '\\')
		report(r, MZ_PROBLEM_TRAILING_BACKSLASH, MZ_SEV_NOTE, file, at->line, NULL,
		       "a backslash at the end of a line does not continue it; the next line "
		       "stands alone");
}

/* Keeps a "# mysizer: ..." comment; other comments are nobody's business. */
static void pragma(struct reader *r, const struct source *src, unsigned line,
		   const struct mz_line *ln)
{
	static const char mark[] = "mysizer:";
	struct mz_span c = ln->comment;
	while (c.len && mz_is_blank(*c.ptr))
		c.ptr++, c.len--;
	if (c.len < sizeof mark - 1 || memcmp(c.ptr, mark, sizeof mark - 1) != 0)
		return;
	c.ptr += sizeof mark - 1;
	c.len -= sizeof mark - 1;
	while (c.len && mz_is_blank(*c.ptr))
		c.ptr++, c.len--;
	while (c.len && mz_is_blank(c.ptr[c.len - 1]))
		c.len--;
	struct mz_pragma *p = mz_vec_push(r->arena, &r->pragmas, sizeof *p);
	*p = (struct mz_pragma){ { src->path, line }, ln->kind == MZ_LINE_OPTION ? line : 0,
				 span_dup(r, c) };
}

static enum read_result read_lines(struct reader *r, const struct source *src,
				   struct mz_input *in)
{
	size_t unplaced = r->pragmas.len; /* from here on, pragmas wait for the line they are about */
	struct place at = { src, 1, 0 };
	const char *group = NULL;
	bool server_reads = false;
	unsigned reported_line = 0; /* one note per physical line about its bytes */
	const char *p;
	size_t len;
	bool split;

	while (!r->stop && mz_input_next(in, &p, &len, &split)) {
		at.server_line++;
		struct mz_line ln;
		mz_line_parse(p, len, &ln);
		if (reported_line != at.line && (split || ln.text_len < len)) {
			reported_line = at.line;
			if (split)
				report(r, MZ_PROBLEM_LINE_SPLIT, MZ_SEV_NOTE, src->path, at.line, NULL,
				       "the line is longer than %zu bytes; %s reads the rest of it "
				       "as further lines", r->dialect->line_max, r->target->server);
			else
				report(r, MZ_PROBLEM_NUL_BYTE, MZ_SEV_NOTE, src->path, at.line, NULL,
				       "the line holds a NUL byte; the server ignores the rest of it");
		}
		bool line_ends = p[len - 1] == '\n';

		if (ln.kind != MZ_LINE_BLANK) {
			struct mz_pragma *waiting = r->pragmas.items;
			for (; unplaced < r->pragmas.len; unplaced++)
				waiting[unplaced].applies_to = at.line;
		}
		if (ln.comment.ptr && !r->revisiting)
			pragma(r, src, at.line, &ln);
		if (ln.kind != MZ_LINE_BLANK)
			unplaced = r->pragmas.len;

		switch (ln.kind) {
		case MZ_LINE_BLANK:
			break;
		case MZ_LINE_DIRECTIVE:
			if (directive(r, &at, &ln, p) == READ_FAILED)
				return READ_FAILED;
			break;
		case MZ_LINE_HEADER: {
			struct mz_span name = ln.group;
			if (name.len > GROUP_NAME_MAX)
				name.len = GROUP_NAME_MAX;
			group = span_dup(r, name);
			server_reads = mz_target_reads_group(r->target, group);
			const char *trimmed = group;
			while (mz_is_blank(*trimmed))
				trimmed++;
			if (!server_reads && trimmed != group &&
			    mz_target_reads_group(r->target, trimmed))
				report(r, MZ_PROBLEM_HEADER_LEADING_BLANK, MZ_SEV_NOTE, src->path,
				       at.line, NULL,
				       "'[%s]' is not '[%s]': blanks after '[' are part of the name, "
				       "so the server ignores this group", group, trimmed);
			break;
		}
		case MZ_LINE_BAD_HEADER:
			return broken(r, &at, MZ_PROBLEM_HEADER_UNTERMINATED,
				      server_says(r, SAYS_BAD_GROUP, src->server_name, at.server_line),
				      "group header has no closing ']'");
		case MZ_LINE_OPTION:
			if (!group) {
				bool bom = at.server_line == 1 && starts_with_bom(p, len);
				return broken(r, &at,
					      bom ? MZ_PROBLEM_BOM : MZ_PROBLEM_OPTION_WITHOUT_GROUP,
					      server_says(r, SAYS_NO_GROUP, src->server_name,
							  at.server_line),
					      bom ? "the file starts with a UTF-8 byte order mark, "
						    "which the server reads as an option before any group"
						  : "option before the first [group] header");
			}
			option(r, &at, &ln, group, server_reads, p);
			break;
		}
		if (line_ends)
			at.line++;
	}
	if (in->too_big)
		return refuse(r, src->path, "'%s' is larger than %zu MiB; mysizer does not read "
			      "option files that big", src->path, MZ_INPUT_SIZE_MAX >> 20);
	return READ_OK;
}

/* A world-writable file is ignored, unless (MariaDB) nobody can write it after all. */
static bool ignores_world_writable(const struct reader *r, const char *path,
				   const struct stat *st)
{
	if (!S_ISREG(st->st_mode) || !(st->st_mode & S_IWOTH))
		return false;
	if (r->dialect->reads_world_writable_on_read_only && access(path, W_OK) != 0 &&
	    (errno == EROFS || errno == EPERM))
		return false;
	return true;
}

/*
 * Reads the file named, as written, by name: the top file (level 0) under its own name, an
 * included one by the path it resolves to. Sets *err when the file cannot be read at all.
 */
static enum read_result read_file(struct reader *r, const char *name, const char *server_name,
				  int level, int *err)
{
	size_t name_len = strlen(server_name ? server_name : name);
	if (name_len >= FN_REFLEN - 3) {
		report(r, MZ_PROBLEM_PATH_TOO_LONG, MZ_SEV_NOTE, name, 0, NULL,
		       "the path is %zu bytes long; the server silently skips files whose path "
		       "is %d bytes or longer", name_len, FN_REFLEN - 3);
		return READ_OK;
	}
	const char *path = level == 0 ? name : mz_path_resolve(r->arena, name, r->home);
	*err = 0;
	struct source src = { path, server_name ? server_name : path, level };
	if (!confined(r, path)) {
		if (level == 0)
			return refuse(r, path, "'%s' leads outside '%s', the folder mysizer may read",
				      path, r->confine);
		return READ_OUTSIDE;
	}

	struct stat st;
	if (stat(path, &st) != 0) {
		*err = errno;
		return READ_NO_STAT;
	}
	if (ignores_world_writable(r, path, &st)) {
		report(r, MZ_PROBLEM_WORLD_WRITABLE, MZ_SEV_WARNING, path, 0,
		       server_says(r, SAYS_WORLD_WRITABLE, src.server_name),
		       "'%s' is world-writable; the server ignores the whole file", path);
		return READ_OK;
	}
	struct mz_input in;
	switch (mz_input_open(&in, path, r->dialect->line_max, err)) {
	case MZ_INPUT_OK:
		break;
	case MZ_INPUT_DIRECTORY:
		report(r, MZ_PROBLEM_DIRECTORY_AS_FILE, MZ_SEV_NOTE, path, 0, NULL,
		       "'%s' is a directory; the server reads it as an empty file", path);
		return READ_OK;
	case MZ_INPUT_NO_OPEN:
		return READ_NO_OPEN;
	case MZ_INPUT_NOT_REGULAR:
		return refuse(r, path, "'%s' is not a regular file; mysizer does not read devices, "
			      "pipes or sockets", path);
	case MZ_INPUT_TOO_BIG:
		return refuse(r, path, "'%s' is larger than %zu MiB; mysizer does not read option "
			      "files that big", path, MZ_INPUT_SIZE_MAX >> 20);
	}
	bool outer_revisiting = r->revisiting;
	const struct file_id *seen = r->seen.items;
	for (size_t i = 0; i < r->seen.len && !r->revisiting; i++)
		r->revisiting = seen[i].dev == st.st_dev && seen[i].ino == st.st_ino;
	*(struct file_id *)mz_vec_push(r->arena, &r->seen, sizeof(struct file_id)) =
		(struct file_id){ st.st_dev, st.st_ino };
	*(const char **)mz_vec_push(r->arena, &r->files, sizeof(char *)) = path;
	enum read_result res = read_lines(r, &src, &in);
	r->revisiting = outer_revisiting;
	mz_input_close(&in);
	return res;
}

void mz_optfile_read(struct mz_arena *arena, const struct mz_target *target, const char *path,
		     const struct mz_read_options *opts, struct mz_optfile *out)
{
	struct reader r = {
		.arena = arena,
		.target = target,
		.dialect = &dialects[target->reader],
		.home = opts ? opts->home : NULL,
		.confine = opts ? opts->confine : NULL,
	};
	const char *server_name = absolute(&r, path);
	int err;
	enum read_result res = read_file(&r, path, server_name, 0, &err);
	if (res == READ_NO_STAT || res == READ_NO_OPEN)
		report(&r, MZ_PROBLEM_FILE_MISSING, MZ_SEV_FATAL, path, 0,
		       server_says(&r, SAYS_REQUIRED_FILE, server_name),
		       "cannot open '%s': %s", path, strerror(err));
	*out = (struct mz_optfile){
		.target = target,
		.options = r.options.items,
		.n_options = r.options.len,
		.problems = r.problems.items,
		.n_problems = r.problems.len,
		.pragmas = r.pragmas.items,
		.n_pragmas = r.pragmas.len,
		.files = r.files.items,
		.n_files = r.files.len,
		.fatal = r.stop,
	};
}
