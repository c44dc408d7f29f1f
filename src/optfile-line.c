#include "optfile-line.h"

#include <string.h>

bool mz_is_blank(char c)
{
	switch ((unsigned char)c) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': case 0xA0:
		return true;
	default:
		return false;
	}
}

/* The line's text is [start, stop); anything before start counts as non-blank. */
struct text {
	const char *start;
	const char *stop;
};

static bool blank_before(struct text t, const char *p)
{
	return p > t.start && mz_is_blank(p[-1]);
}

static const char *skip_blanks(struct text t, const char *p)
{
	while (p < t.stop && mz_is_blank(*p))
		p++;
	return p;
}

/*
 * The servers' right trim: it starts one byte before the end, taking the last byte to be the
 * '\n' that fgets() keeps. On a last line without one the real last byte is lost.
 */
static const char *trim_from_last(struct text t)
{
	const char *end = t.stop - 1;
	while (blank_before(t, end))
		end--;
	return end;
}

static void parse_directive(struct text t, const char *bang, struct mz_line *out)
{
	static const char include[] = "include", includedir[] = "includedir";

	/* The include-depth warning quotes the line from '!' after this trim; when the trim ends
	 * before '!', the servers' terminator lands outside the quoted text. */
	const char *end = trim_from_last(t);
	if (end >= bang)
		out->quoted = (struct mz_span){ bang, (size_t)(end - bang) };
	else
		out->quoted = (struct mz_span){ bang, (size_t)(t.stop - bang) };

	const char *word = skip_blanks(t, bang + 1);
	size_t left = (size_t)(t.stop - word);
	size_t kwlen;
	if (left > sizeof includedir - 1 && memcmp(word, includedir, sizeof includedir - 1) == 0 &&
	    mz_is_blank(word[sizeof includedir - 1])) {
		out->directive = MZ_DIRECTIVE_INCLUDEDIR;
		kwlen = sizeof includedir - 1;
	} else if (left > sizeof include - 1 && memcmp(word, include, sizeof include - 1) == 0 &&
		   mz_is_blank(word[sizeof include - 1])) {
		out->directive = MZ_DIRECTIVE_INCLUDE;
		kwlen = sizeof include - 1;
	} else {
		out->directive = MZ_DIRECTIVE_UNKNOWN;
		return;
	}

	const char *arg = skip_blanks(t, word + kwlen);
	end = trim_from_last(t);
	if (end > arg)
		out->arg = (struct mz_span){ arg, (size_t)(end - arg) };
}

static void parse_header(struct text t, const char *bracket, struct mz_line *out)
{
	const char *close = memchr(bracket + 1, ']', (size_t)(t.stop - bracket - 1));
	if (!close) {
		out->kind = MZ_LINE_BAD_HEADER;
		return;
	}
	out->kind = MZ_LINE_HEADER;
	while (mz_is_blank(close[-1]))
		close--;
	out->group = (struct mz_span){ bracket + 1, (size_t)(close - bracket - 1) };
}

/* The first '#' outside quotes; a backslash inside quotes protects the next byte. */
static const char *find_comment(const char *p, const char *stop)
{
	/* Most lines have no quote before their first '#' (or none at all): no walk needed. */
	const char *hash = memchr(p, '#', (size_t)(stop - p));
	const char *until = hash ? hash : stop;
	if (!memchr(p, '"', (size_t)(until - p)) && !memchr(p, '\'', (size_t)(until - p)))
		return until;

	char quote = 0;
	bool escape = false;
	for (; p < stop; p++) {
		if ((*p == '\'' || *p == '"') && !escape) {
			if (!quote)
				quote = *p;
			else if (quote == *p)
				quote = 0;
		}
		if (!quote && *p == '#')
			return p;
		escape = quote && *p == '\\' && !escape;
	}
	return stop;
}

static void parse_option(struct text t, const char *key, struct mz_line *out)
{
	out->kind = MZ_LINE_OPTION;
	const char *cut = find_comment(key, t.stop);
	out->comment_glued = cut < t.stop && !mz_is_blank(cut[-1]);
	if (cut < t.stop)
		out->comment = (struct mz_span){ cut + 1, (size_t)(t.stop - cut - 1) };
	struct text line = { t.start, cut };

	const char *eq = memchr(key, '=', (size_t)(cut - key));
	const char *end = eq ? eq : cut;
	while (blank_before(line, end))
		end--;

	if (!eq) {
		out->name = (struct mz_span){ key, (size_t)(end - key) };
		return;
	}

	const char *value = skip_blanks(line, eq + 1);
	const char *value_end = cut;
	while (blank_before(line, value_end))
		value_end--;
	if (value_end < value)
		value_end = value;
	if (value < value_end && (*value == '"' || *value == '\'')) {
		if (value + 1 < value_end && value_end[-1] == *value) {
			value++;
			value_end--;
		} else {
			out->quote_unmatched = true;
		}
	}

	/* With an empty key the trim above can run back past the key's start (over blanks
	 * that led the line); the servers then copy the whole rest of the line as the key. */
	out->name = (struct mz_span){ key, end >= key ? (size_t)(end - key) : (size_t)(cut - key) };
	out->has_value = true;
	out->value = (struct mz_span){ value, (size_t)(value_end - value) };
}

void mz_line_parse(const char *line, size_t len, struct mz_line *out)
{
	memset(out, 0, sizeof *out);
	const char *nul = memchr(line, '\0', len);
	out->text_len = nul ? (size_t)(nul - line) : len;
	struct text t = { line, line + out->text_len };

	const char *p = skip_blanks(t, line);
	if (p == t.stop || *p == '#' || *p == ';') {
		out->kind = MZ_LINE_BLANK;
		if (p < t.stop)
			out->comment = (struct mz_span){ p + 1, (size_t)(t.stop - p - 1) };
	} else if (*p == '!') {
		out->kind = MZ_LINE_DIRECTIVE;
		parse_directive(t, p, out);
	} else if (*p == '[') {
		parse_header(t, p, out);
	} else {
		parse_option(t, p, out);
	}
}

size_t mz_line_unescape(struct mz_span value, char *out, bool *changed)
{
	const char *p = value.ptr, *stop = value.ptr + value.len;
	char *o = out;
	*changed = false;
	for (; p < stop; p++) {
		if (*p != '\\' || p == stop - 1) {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'n': *o++ = '\n'; *changed = true; break;
		case 't': *o++ = '\t'; *changed = true; break;
		case 'r': *o++ = '\r'; *changed = true; break;
		case 'b': *o++ = '\b'; *changed = true; break;
		case 's': *o++ = ' '; *changed = true; break;
		case '"': case '\'': case '\\': *o++ = *p; break;
		default: *o++ = '\\'; *o++ = *p; break;
		}
	}
	*o = '\0';
	return (size_t)(o - out);
}
