/*
 * The option-file reader: a my.cnf tree read exactly as the target's server reads it, into
 * an ordered stream of options, each with its origin, and a list of problems, each with its
 * file:line. The reader judges nothing and prints nothing; rules report the problems.
 */
#ifndef MYSIZER_OPTFILE_H
#define MYSIZER_OPTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "mysizer/arena.h"
#include "mysizer/target.h"

struct mz_origin {
	const char *file;   /* the top file as given; an included one as the server opens it */
	unsigned line;      /* physical line, 1-based; 0 for the file as a whole */
};

struct mz_option {
	const char *group;  /* as its header spells it */
	const char *name;   /* the key, byte for byte */
	const char *value;  /* quotes removed and escapes processed; NULL for a bare key */
	struct mz_origin at;
	bool server_reads;  /* its group is one the target's server reads */
};

/* Everything the reader notices, in one list; docs/option-files.md describes each. */
#define MZ_PROBLEM_LIST(X)                                                        \
	X(FILE_MISSING, "file-missing")                                           \
	X(FILE_REFUSED, "file-refused")                                           \
	X(PATH_TOO_LONG, "path-too-long")                                         \
	X(WORLD_WRITABLE, "world-writable")                                       \
	X(DIRECTORY_AS_FILE, "directory-as-file")                                 \
	X(BOM, "bom")                                                             \
	X(OPTION_WITHOUT_GROUP, "option-without-group")                           \
	X(HEADER_UNTERMINATED, "header-unterminated")                             \
	X(HEADER_LEADING_BLANK, "header-leading-blank")                           \
	X(DIRECTIVE_EMPTY, "directive-empty")                                     \
	X(DIRECTIVE_UNKNOWN, "directive-unknown")                                 \
	X(DIRECTIVE_LAST_BYTE_LOST, "directive-last-byte-lost")                   \
	X(DIRECTIVE_COMMENT, "directive-comment")                                 \
	X(INCLUDE_RELATIVE, "include-relative")                                   \
	X(INCLUDE_MISSING, "include-missing")                                     \
	X(INCLUDE_OUTSIDE, "include-outside")                                     \
	X(INCLUDE_DEPTH, "include-depth")                                         \
	X(INCLUDEDIR_UNREADABLE, "includedir-unreadable")                         \
	X(INCLUDEDIR_SKIPPED, "includedir-skipped")                               \
	X(LINE_SPLIT, "line-split")                                               \
	X(NUL_BYTE, "nul-byte")                                                   \
	X(COMMENT_GLUED, "comment-glued")                                         \
	X(QUOTE_UNMATCHED, "quote-unmatched")                                     \
	X(ESCAPE_APPLIED, "escape-applied")                                       \
	X(TRAILING_BACKSLASH, "trailing-backslash")

enum mz_problem_kind {
#define MZ_PROBLEM_ENUM(id, slug) MZ_PROBLEM_##id,
	MZ_PROBLEM_LIST(MZ_PROBLEM_ENUM)
#undef MZ_PROBLEM_ENUM
	MZ_PROBLEM_KIND_COUNT
};

/* What the server does about a problem. */
enum mz_severity {
	MZ_SEV_NOTE,     /* nothing: it silently reads something other than the author meant */
	MZ_SEV_WARNING,  /* prints a warning and goes on */
	MZ_SEV_ERROR,    /* prints an error and goes on without the rest of an included file */
	MZ_SEV_FATAL,    /* refuses to start; for FILE_REFUSED, mysizer refuses to read */
};

struct mz_problem {
	enum mz_problem_kind kind;
	enum mz_severity severity;
	struct mz_origin at;
	const char *message;      /* mysizer's account, in git's style */
	const char *server_text;  /* what the server prints, or NULL when it prints nothing */
};

/* A "# mysizer: ..." comment: a directive to mysizer, which the server ignores. */
struct mz_pragma {
	struct mz_origin at;
	unsigned applies_to; /* the line it is about: its own, or on a line of its own the next
				that is neither blank nor a comment; 0 when no such line follows */
	const char *text;    /* after "mysizer:", blanks trimmed */
};

struct mz_optfile {
	const struct mz_target *target;
	const struct mz_option *options;   /* every option line, in the server's reading order */
	size_t n_options;
	const struct mz_problem *problems; /* in the order they were met */
	size_t n_problems;
	const struct mz_pragma *pragmas;   /* in reading order */
	size_t n_pragmas;
	const char *const *files;          /* every file read, in order */
	size_t n_files;
	bool fatal;  /* reading stopped at a fatal problem; the options are incomplete */
};

struct mz_read_options {
	const char *home;   /* for '~/' in include paths, as the server takes $HOME; may be NULL */
	const char *confine; /* an absolute folder, symlinks resolved: no file outside it is read
				(untrusted input); NULL for no limit */
};

/* Reads path and everything it includes. Relative paths resolve against the current directory,
 * as they do for the server. */
void mz_optfile_read(struct mz_arena *arena, const struct mz_target *target, const char *path,
		     const struct mz_read_options *opts, struct mz_optfile *out);

/* The problem's name in messages and docs: "comment-glued". */
const char *mz_problem_slug(enum mz_problem_kind kind);

#endif
