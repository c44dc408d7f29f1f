#include "json-locate.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	const char *pointer;
	unsigned line;
};

struct walk {
	struct mz_arena *arena;
	const char *p, *end;
	unsigned line;
	struct mz_json_lines *out;
};

static void skip_blanks(struct walk *w)
{
	for (; w->p < w->end; w->p++) {
		if (*w->p == '\n')
			w->line++;
		else if (*w->p != ' ' && *w->p != '\t' && *w->p != '\r')
			break;
	}
}

const char *mz_json_token(struct mz_arena *arena, const char *name)
{
	size_t extra = 0;
	for (const char *s = name; *s; s++)
		extra += *s == '~' || *s == '/';
	char *token = mz_alloc(arena, strlen(name) + extra + 1), *t = token;
	for (const char *s = name; *s; s++) {
		if (*s == '~' || *s == '/') {
			*t++ = '~';
			*t++ = *s == '~' ? '0' : '1';
		} else {
			*t++ = *s;
		}
	}
	return token;
}

/* A string's text between its quotes, with the simple escapes undone: enough for names. */
static const char *string(struct walk *w)
{
	const char *start = ++w->p, *close = start;
	while (close < w->end && *close != '"')
		close += *close == '\\' && close + 1 < w->end ? 2 : 1;
	char *text = mz_alloc(w->arena, (size_t)(close - start) + 1), *t = text;
	for (; w->p < w->end && *w->p != '"'; w->p++) {
		if (*w->p != '\\' || w->p + 1 >= w->end) {
			*t++ = *w->p;
			continue;
		}
		char c = *++w->p;
		switch (c) {
		case 'n': *t++ = '\n'; break;
		case 't': *t++ = '\t'; break;
		case 'r': *t++ = '\r'; break;
		case 'b': *t++ = '\b'; break;
		case 'f': *t++ = '\f'; break;
		case 'u': /* kept as written: a name with \u escapes is no key mysizer knows */
			*t++ = '\\';
			*t++ = 'u';
			break;
		default: *t++ = c; break;
		}
	}
	w->p++; /* the closing quote */
	return text;
}

static void value(struct walk *w, const char *pointer)
{
	skip_blanks(w);
	struct entry *e = mz_vec_push(w->arena, &w->out->items, sizeof *e);
	*e = (struct entry){ pointer, w->line };
	if (w->p >= w->end)
		return;
	if (*w->p == '"') {
		string(w);
	} else if (*w->p == '{') {
		w->p++;
		for (;;) {
			skip_blanks(w);
			if (w->p >= w->end || *w->p == '}')
				break;
			const char *name = string(w);
			skip_blanks(w);
			w->p++; /* ':' */
			value(w, mz_printf(w->arena, "%s/%s", pointer, mz_json_token(w->arena, name)));
			skip_blanks(w);
			if (w->p < w->end && *w->p == ',')
				w->p++;
		}
		w->p++;
	} else if (*w->p == '[') {
		w->p++;
		for (unsigned i = 0;; i++) {
			skip_blanks(w);
			if (w->p >= w->end || *w->p == ']')
				break;
			value(w, mz_printf(w->arena, "%s/%u", pointer, i));
			skip_blanks(w);
			if (w->p < w->end && *w->p == ',')
				w->p++;
		}
		w->p++;
	} else {
		while (w->p < w->end && !strchr(",}] \t\r\n", *w->p))
			w->p++;
	}
}

static int by_pointer_then_line(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->pointer, y->pointer);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

void mz_json_locate(struct mz_arena *arena, const char *text, size_t len,
		    struct mz_json_lines *out)
{
	struct walk w = { arena, text, text + len, 1, out };
	value(&w, "");
	/* Sorted, so that a lookup is a binary search, however large the file. */
	if (out->items.len > 1)
		qsort(out->items.items, out->items.len, sizeof(struct entry), by_pointer_then_line);
}

/* An entry's pointer against the first n bytes of key, as strcmp would order them. */
static int compare_prefix(const char *pointer, const char *key, size_t n)
{
	int c = strncmp(pointer, key, n);
	return c ? c : pointer[n] != '\0';
}

/* The last entry (the latest line) whose pointer is the first n bytes of key, or NULL. */
static const struct entry *find(const struct mz_json_lines *lines, const char *key, size_t n)
{
	const struct entry *e = lines->items.items;
	size_t lo = 0, hi = lines->items.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (compare_prefix(e[mid].pointer, key, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	const struct entry *found = NULL;
	for (; lo < lines->items.len && compare_prefix(e[lo].pointer, key, n) == 0; lo++)
		found = &e[lo];
	return found;
}

unsigned mz_json_line(const struct mz_json_lines *lines, const char *pointer)
{
	/* The value itself, or the nearest value that encloses it. */
	size_t n = strlen(pointer);
	for (;;) {
		const struct entry *e = find(lines, pointer, n);
		if (e)
			return e->line;
		if (n == 0)
			return 1;
		do
			n--;
		while (n > 0 && pointer[n] != '/');
	}
}
