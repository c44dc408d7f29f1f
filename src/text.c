#include "mysizer/text.h"

#include <stdlib.h>
#include <string.h>

#include "mysizer/arena.h"

/* Length of the UTF-8 sequence at s (of at most left bytes) that shows as a character, or 0. */
static size_t printable_utf8(const unsigned char *s, size_t left)
{
	size_t len;
	unsigned min, cp;
	if (s[0] >= 0x20 && s[0] < 0x7F)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, min = 0xA0, cp = s[0] & 0x1Fu; /* below 0xA0: the C1 controls */
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, min = 0x800, cp = s[0] & 0x0Fu;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, min = 0x10000, cp = s[0] & 0x07u;
	else
		return 0;
	if (len > left)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3Fu);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0; /* overlong, out of range or a surrogate */
	return len;
}

void mz_put_visible(FILE *f, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		const unsigned char *run = p;
		for (size_t n; p < end; p += n) {
			if (*p >= 0x20 && *p < 0x7F)
				n = 1; /* the usual case, without the call */
			else if (!(n = printable_utf8(p, (size_t)(end - p))))
				break;
		}
		fwrite(run, 1, (size_t)(p - run), f);
		if (p == end)
			break;
		switch (*p) {
		case '\t': fputs("\\t", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		default: fprintf(f, "\\x%02X", *p); break;
		}
		p++;
	}
}

/* Length of the character at s that JSON may carry as it is (controls it escapes), or 0. */
static size_t carried_utf8(const unsigned char *s, size_t left)
{
	return *s < 0x80 ? 1 : printable_utf8(s, left);
}

const char *mz_utf8(struct mz_arena *arena, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, left = strlen(s);
	for (; *p && (n = carried_utf8(p, left)) > 0; p += n)
		left -= n;
	if (!*p)
		return s; /* the usual case: nothing to copy */
	struct mz_vec out = { 0 };
	mz_text_printf(arena, &out, "%.*s", (int)(p - (const unsigned char *)s), s);
	for (; *p; p += n, left -= n) {
		n = carried_utf8(p, left);
		if (n) {
			mz_text_printf(arena, &out, "%.*s", (int)n, (const char *)p);
		} else {
			mz_text_printf(arena, &out, "\\x%02X", *p);
			n = 1;
		}
	}
	return out.items;
}

size_t mz_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row = calloc(lb + 1, sizeof *row);
	if (!row)
		mz_out_of_memory();
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diagonal + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = up;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}
