/*
 * One line of an option file, taken apart the way the servers' option-file reader does it
 * (search_default_file_with_ext() in mysys/my_default.c[c]).
 *
 * The servers work in place on a fgets() buffer and in two corner cases look at the bytes
 * before the start of the text; here a line is never modified and every position before its
 * first byte counts as a non-blank, which is what the servers' stack happens to hold there.
 */
#ifndef MYSIZER_OPTFILE_LINE_H
#define MYSIZER_OPTFILE_LINE_H

#include <stdbool.h>
#include <stddef.h>

struct mz_span {
	const char *ptr;
	size_t len;
};

enum mz_line_kind {
	MZ_LINE_BLANK,      /* empty, or a comment ('#' or ';' first) */
	MZ_LINE_DIRECTIVE,  /* first non-blank is '!' */
	MZ_LINE_HEADER,     /* [group] */
	MZ_LINE_BAD_HEADER, /* '[' without a ']' */
	MZ_LINE_OPTION,     /* key or key=value */
};

enum mz_directive {
	MZ_DIRECTIVE_UNKNOWN, /* '!' followed by anything else: ignored */
	MZ_DIRECTIVE_INCLUDE,
	MZ_DIRECTIVE_INCLUDEDIR,
};

struct mz_line {
	enum mz_line_kind kind;
	size_t text_len;        /* bytes up to the first NUL: the servers see no further */

	/* MZ_LINE_DIRECTIVE */
	enum mz_directive directive;
	struct mz_span quoted;  /* the line as the include-depth warning quotes it */
	struct mz_span arg;     /* the path; empty when the directive has none (an error) */

	/* MZ_LINE_HEADER */
	struct mz_span group;   /* after trimming, not yet cut to the servers' 4095 bytes */

	/* MZ_LINE_OPTION */
	struct mz_span name;
	bool has_value;
	struct mz_span value;   /* quotes removed, escapes not yet processed */
	bool comment_glued;     /* an inline '#' directly after non-blank text cut the line */
	bool quote_unmatched;   /* the value starts with a quote that stays part of it */

	/* MZ_LINE_BLANK and MZ_LINE_OPTION: the comment's text after its '#' (or, on a line of its
	 * own, ';'); ptr NULL when the line has none. mysizer reads its directives from it. */
	struct mz_span comment;
};

/* Blank as latin1 isspace(): space, \t \n \v \f \r and 0xA0. */
bool mz_is_blank(char c);

/* Takes apart line[0..len), which may hold NUL bytes and a trailing '\n'. */
void mz_line_parse(const char *line, size_t len, struct mz_line *out);

/*
 * Writes the value with the servers' escapes processed to out (room for value.len + 1 bytes)
 * and returns its length. *changed tells whether an escape other than \\ \" \' changed it.
 */
size_t mz_line_unescape(struct mz_span value, char *out, bool *changed);

#endif
