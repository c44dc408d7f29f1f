#define _XOPEN_SOURCE 700 /* realpath() is XSI */

#include "optfile-path.h"

#include <pwd.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

static const char *expand_home(struct mz_arena *arena, const char *path, const char *home)
{
	if (path[0] != '~')
		return path;
	const char *slash = strchr(path, '/');
	if (!slash)
		return path; /* a bare "~" is a file name, not a directory to expand */
	if (slash != path + 1) {
		char *user = mz_strndup(arena, path + 1, (size_t)(slash - path - 1));
		struct passwd *pw = getpwnam(user);
		home = pw ? mz_strdup(arena, pw->pw_dir) : NULL;
	}
	if (!home)
		return path;
	size_t len = strlen(home);
	if (len > 0 && home[len - 1] == '/')
		len--;
	return mz_printf(arena, "%.*s%s", (int)len, home, slash);
}

static bool is_dot(const char *c, size_t len)
{
	return len == 1 && c[0] == '.';
}

static bool is_dotdot(const char *c, size_t len)
{
	return len == 2 && c[0] == '.' && c[1] == '.';
}

/* The directory part, up to the last '/', cleaned by text; the name after it is kept. */
static const char *clean_directory(struct mz_arena *arena, const char *path)
{
	const char *last = strrchr(path, '/');
	if (!last)
		return path;
	size_t n = (size_t)(last - path) + 1;
	const char **start = mz_alloc_array(arena, n, sizeof *start);
	size_t *len = mz_alloc_array(arena, n, sizeof *len);
	size_t depth = 0;
	bool absolute = path[0] == '/';

	for (const char *c = path; c < last;) {
		const char *end = memchr(c, '/', (size_t)(last - c));
		if (!end)
			end = last;
		size_t clen = (size_t)(end - c);
		bool top_is_dir = depth > 0 && !is_dot(start[depth - 1], len[depth - 1]) &&
				  !is_dotdot(start[depth - 1], len[depth - 1]);
		if (clen == 0 || (is_dot(c, clen) && (depth > 0 || absolute))) {
			/* "//" and "/./" collapse; a leading "./" stays */
		} else if (is_dotdot(c, clen) && top_is_dir) {
			depth--;
		} else if (is_dotdot(c, clen) && depth > 0 && is_dot(start[depth - 1], len[depth - 1])) {
			start[depth - 1] = c; /* "./.." is ".." */
			len[depth - 1] = clen;
		} else if (is_dotdot(c, clen) && absolute) {
			/* "/.." is "/" */
		} else {
			start[depth] = c;
			len[depth++] = clen;
		}
		c = end + 1;
	}

	size_t size = strlen(path) + 2;
	char *out = mz_alloc(arena, size), *o = out;
	if (absolute)
		*o++ = '/';
	for (size_t i = 0; i < depth; i++) {
		memcpy(o, start[i], len[i]);
		o += len[i];
		*o++ = '/';
	}
	strcpy(o, last + 1);
	return out;
}

const char *mz_path_resolve(struct mz_arena *arena, const char *path, const char *home)
{
	return clean_directory(arena, expand_home(arena, path, home));
}

const char *mz_path_join(struct mz_arena *arena, const char *dir, const char *name)
{
	size_t len = strlen(dir);
	return mz_printf(arena, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", name);
}

bool mz_path_inside(const char *root, const char *path)
{
	char *real = realpath(path, NULL);
	if (!real)
		return true;
	size_t len = strlen(root);
	bool inside = strncmp(real, root, len) == 0 && (real[len] == '/' || !real[len] ||
							  (len == 1 && root[0] == '/'));
	free(real);
	return inside;
}
