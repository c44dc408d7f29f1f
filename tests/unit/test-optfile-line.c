/* The line tokenizer and value unescaping, case by case as the servers take lines apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "optfile-line.h"

static struct mz_line parse_len(const char *text, size_t len)
{
	struct mz_line ln;
	mz_line_parse(text, len, &ln);
	return ln;
}

static struct mz_line parse(const char *text)
{
	return parse_len(text, strlen(text));
}

static void assert_span(struct mz_span span, const char *want)
{
	assert_int_equal(span.len, strlen(want));
	assert_memory_equal(span.ptr, want, span.len);
}

static void blank_and_comment_lines(void **state)
{
	(void)state;
	assert_int_equal(parse("").kind, MZ_LINE_BLANK);
	assert_int_equal(parse("   \t\r\n").kind, MZ_LINE_BLANK);
	assert_int_equal(parse("# comment\n").kind, MZ_LINE_BLANK);
	assert_int_equal(parse("  ; comment\n").kind, MZ_LINE_BLANK);
	assert_int_equal(parse("\xA0\v\f# latin1 blanks first\n").kind, MZ_LINE_BLANK);
}

/* The comment's text is handed on for mysizer's own directives. */
static void comments_handed_on(void **state)
{
	(void)state;
	assert_null(parse("max_connections = 5\n").comment.ptr);
	assert_null(parse("\n").comment.ptr);
	assert_span(parse("# mysizer: ignore=MZ1010").comment, " mysizer: ignore=MZ1010");
	assert_span(parse("  ;x").comment, "x");
	struct mz_line ln = parse("max_connections = 5 # mysizer: ignore=MZ2001 why");
	assert_span(ln.value, "5");
	assert_span(ln.comment, " mysizer: ignore=MZ2001 why");
	/* Inside quotes '#' is part of the value. */
	ln = parse("init_connect = \"SET @a='#x'\" #y");
	assert_span(ln.value, "SET @a='#x'");
	assert_span(ln.comment, "y");
	/* A ';' after a value is part of it. */
	assert_null(parse("a = b ; c").comment.ptr);
}

static void option_with_value(void **state)
{
	(void)state;
	struct mz_line ln = parse("  max_connections   =   500   \r\n");
	assert_int_equal(ln.kind, MZ_LINE_OPTION);
	assert_true(ln.has_value);
	assert_span(ln.name, "max_connections");
	assert_span(ln.value, "500");
}

static void bare_key_and_empty_value(void **state)
{
	(void)state;
	struct mz_line ln = parse("skip-name-resolve  \n");
	assert_false(ln.has_value);
	assert_span(ln.name, "skip-name-resolve");

	ln = parse("empty=\n");
	assert_true(ln.has_value);
	assert_span(ln.name, "empty");
	assert_span(ln.value, "");

	ln = parse("key with spaces = 1\n");
	assert_span(ln.name, "key with spaces");
}

static void inline_comments(void **state)
{
	(void)state;
	struct mz_line ln = parse("b=x#y\n");
	assert_span(ln.value, "x");
	assert_true(ln.comment_glued);

	ln = parse("b = x # note\n");
	assert_span(ln.value, "x");
	assert_false(ln.comment_glued);

	/* ';' is a comment only at the start of a line */
	ln = parse("a = 1 ; semi\n");
	assert_span(ln.value, "1 ; semi");

	/* '#' inside quotes is kept, and the quotes go */
	ln = parse("a=\"x # y\" # c\n");
	assert_span(ln.value, "x # y");

	/* quote tracking starts at the key and honours backslashes inside quotes */
	ln = parse("a=\"x\\\"#y\"#z\n");
	assert_span(ln.value, "x\\\"#y");

	/* outside quotes a backslash does not protect '#' */
	ln = parse("a=x\\#y\n");
	assert_span(ln.value, "x\\");

	/* a comment that cuts the key leaves a bare key */
	ln = parse("flag#=1\n");
	assert_false(ln.has_value);
	assert_span(ln.name, "flag");
}

static void quotes(void **state)
{
	(void)state;
	struct mz_line ln = parse("a='  x  '\n");
	assert_span(ln.value, "  x  ");
	assert_false(ln.quote_unmatched);

	ln = parse("e = \"a\" \"b\"\n");
	assert_span(ln.value, "a\" \"b");

	ln = parse("c=\"unterminated\n");
	assert_span(ln.value, "\"unterminated");
	assert_true(ln.quote_unmatched);

	ln = parse("m='mixed\"\n");
	assert_span(ln.value, "'mixed\"");
	assert_true(ln.quote_unmatched);

	/* a lone quote is too short to be a pair */
	ln = parse("q=\"\n");
	assert_span(ln.value, "\"");

	ln = parse("q=\"\"\n");
	assert_span(ln.value, "");
}

static void empty_keys(void **state)
{
	(void)state;
	struct mz_line ln = parse("=novalue\n");
	assert_true(ln.has_value);
	assert_span(ln.name, "");
	assert_span(ln.value, "novalue");

	/* blanks before an empty key: the servers copy the rest of the line as the key */
	ln = parse("  =x\n");
	assert_span(ln.name, "=x\n");
	assert_span(ln.value, "x");
}

static void headers(void **state)
{
	(void)state;
	struct mz_line ln = parse("[mysqld]\n");
	assert_int_equal(ln.kind, MZ_LINE_HEADER);
	assert_span(ln.group, "mysqld");

	ln = parse("  [ mysqld ]  \n");
	assert_span(ln.group, " mysqld");

	ln = parse("[mysqld] # comment ] more\n");
	assert_span(ln.group, "mysqld");

	ln = parse("[]\n");
	assert_int_equal(ln.kind, MZ_LINE_HEADER);
	assert_span(ln.group, "");

	assert_int_equal(parse("[mysqld\n").kind, MZ_LINE_BAD_HEADER);
	/* a ']' after a NUL byte is not seen */
	assert_int_equal(parse_len("[mysqld\0]\n", 10).kind, MZ_LINE_BAD_HEADER);
}

static void directives(void **state)
{
	(void)state;
	struct mz_line ln = parse("!include /etc/mysql/x.cnf  \n");
	assert_int_equal(ln.kind, MZ_LINE_DIRECTIVE);
	assert_int_equal(ln.directive, MZ_DIRECTIVE_INCLUDE);
	assert_span(ln.arg, "/etc/mysql/x.cnf");

	ln = parse("  !  includedir\tconf.d\n");
	assert_int_equal(ln.directive, MZ_DIRECTIVE_INCLUDEDIR);
	assert_span(ln.arg, "conf.d");

	/* no comments on directive lines */
	ln = parse("!include x.cnf # note\n");
	assert_span(ln.arg, "x.cnf # note");

	/* the keyword is case-sensitive and must be followed by a blank */
	assert_int_equal(parse("!INCLUDE x.cnf\n").directive, MZ_DIRECTIVE_UNKNOWN);
	assert_int_equal(parse("!includex x.cnf\n").directive, MZ_DIRECTIVE_UNKNOWN);
	assert_int_equal(parse("!include_dir x\n").directive, MZ_DIRECTIVE_UNKNOWN);
	assert_int_equal(parse("!include").directive, MZ_DIRECTIVE_UNKNOWN);

	/* an empty argument is an error for the reader to report */
	ln = parse("!include   \n");
	assert_int_equal(ln.directive, MZ_DIRECTIVE_INCLUDE);
	assert_int_equal(ln.arg.len, 0);
}

static void directive_without_newline_loses_last_byte(void **state)
{
	(void)state;
	assert_span(parse("!include f2.cnf").arg, "f2.cn");
	assert_span(parse("!include f2.cnf\n").arg, "f2.cnf");
	/* one byte left: the trim runs back over the blank before it, so there is no path */
	assert_int_equal(parse("!include x").arg.len, 0);
	assert_span(parse("!include x").quoted, "!include");
}

static void nul_bytes_end_the_text(void **state)
{
	(void)state;
	struct mz_line ln = parse_len("ab\0cd\n", 6);
	assert_int_equal(ln.text_len, 2);
	assert_span(ln.name, "ab");

	ln = parse_len("!include f2.cnf\0junk\n", 21);
	assert_span(ln.arg, "f2.cn");
}

static void latin1_blanks(void **state)
{
	(void)state;
	/* 0xA0 is blank in latin1, so UTF-8 text that ends in it loses a byte */
	struct mz_line ln = parse("k = caf\xC3\xA0\n");
	assert_span(ln.value, "caf\xC3");
	assert_true(mz_is_blank('\v'));
	assert_false(mz_is_blank('\x85'));
}

static void assert_unescaped(const char *raw, const char *want, bool want_changed)
{
	char out[64];
	bool changed;
	size_t n = mz_line_unescape((struct mz_span){ raw, strlen(raw) }, out, &changed);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
	assert_int_equal(changed, want_changed);
}

static void escapes(void **state)
{
	(void)state;
	assert_unescaped("plain", "plain", false);
	assert_unescaped("a\\nb\\tc\\rd\\be\\sf", "a\nb\tc\rd\be f", true);
	assert_unescaped("\\\\ \\\" \\'", "\\ \" '", false);
	assert_unescaped("C:\\temp", "C:\temp", true);
	assert_unescaped("keep\\x\\q", "keep\\x\\q", false);
	assert_unescaped("trailing\\", "trailing\\", false);
	assert_unescaped("\\\\n", "\\n", false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blank_and_comment_lines),
		cmocka_unit_test(option_with_value),
		cmocka_unit_test(bare_key_and_empty_value),
		cmocka_unit_test(inline_comments),
		cmocka_unit_test(quotes),
		cmocka_unit_test(empty_keys),
		cmocka_unit_test(headers),
		cmocka_unit_test(directives),
		cmocka_unit_test(directive_without_newline_loses_last_byte),
		cmocka_unit_test(nul_bytes_end_the_text),
		cmocka_unit_test(latin1_blanks),
		cmocka_unit_test(escapes),
		cmocka_unit_test(comments_handed_on),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
