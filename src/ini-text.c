#include "ini-text.h"

#include <stdbool.h>
#include <string.h>

#include <ini.h>

struct stream {
	const char *p, *end;
	unsigned line;     /* of the line handed to inih last */
	bool complete;     /* the last piece handed out ended its line */
	mz_ini_entry entry;
	void *user;
};

/* Hands inih the next line, as fgets() would. */
static char *next_line(char *str, int num, void *stream)
{
	struct stream *s = stream;
	if (s->p >= s->end || num < 2)
		return NULL;
	const char *nl = memchr(s->p, '\n', (size_t)(s->end - s->p));
	size_t len = nl ? (size_t)(nl - s->p) + 1 : (size_t)(s->end - s->p);
	if (len > (size_t)num - 1)
		len = (size_t)num - 1;
	if (s->complete)
		s->line++;
	memcpy(str, s->p, len);
	str[len] = '\0';
	s->p += len;
	s->complete = str[len - 1] == '\n' || s->p >= s->end;
	return str;
}

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
	struct stream *s = user;
	return s->entry(s->user, s->line, section, name, value);
}

int mz_ini_parse(const char *text, size_t len, mz_ini_entry entry, void *user)
{
	struct stream s = { text, text + len, 0, true, entry, user };
	return ini_parse_stream(next_line, &s, on_entry, &s);
}
