#include "optfile-input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mysizer/arena.h"

enum { BUFFER_SIZE = 64 * 1024 };

enum mz_input_status mz_input_open(struct mz_input *in, const char *path, size_t line_max,
				   int *err)
{
	*in = (struct mz_input){ .fd = -1, .line_max = line_max };
	/* O_NONBLOCK: opening a pipe must not wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		*err = errno;
		if (fd >= 0)
			close(fd);
		return MZ_INPUT_NO_OPEN;
	}
	enum mz_input_status status = MZ_INPUT_OK;
	if (S_ISDIR(st.st_mode))
		status = MZ_INPUT_DIRECTORY;
	else if (!S_ISREG(st.st_mode))
		status = MZ_INPUT_NOT_REGULAR;
	else if ((uintmax_t)st.st_size > MZ_INPUT_SIZE_MAX)
		status = MZ_INPUT_TOO_BIG;
	if (status != MZ_INPUT_OK) {
		close(fd);
		return status;
	}
	in->fd = fd;
	in->cap = BUFFER_SIZE;
	in->buf = malloc(in->cap);
	if (!in->buf)
		mz_out_of_memory();
	return MZ_INPUT_OK;
}

/* Room for more bytes at the end: what was handed out is dropped, the buffer grows if full. */
static bool make_room(struct mz_input *in)
{
	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	if (in->end < in->cap)
		return true;
	if (in->cap >= MZ_INPUT_SIZE_MAX) {
		in->too_big = true;
		return false;
	}
	char *bigger = realloc(in->buf, in->cap * 2);
	if (!bigger)
		mz_out_of_memory();
	in->buf = bigger;
	in->cap *= 2;
	return true;
}

/* Reads more of the file after what is buffered; false at its end. */
static bool fill(struct mz_input *in)
{
	while (!in->eof && make_room(in)) {
		ssize_t got = read(in->fd, in->buf + in->end, in->cap - in->end);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			/* A read error where opening worked: fgets() sees the end of the file. */
			in->eof = true;
			break;
		}
		in->end += (size_t)got;
		in->total += (size_t)got;
		if (in->total > MZ_INPUT_SIZE_MAX) {
			in->too_big = true;
			return false;
		}
		return true;
	}
	return false;
}

/* Whether the line goes on with more than blanks after the first n bytes from start. */
static bool line_goes_on(struct mz_input *in, size_t n)
{
	size_t at = in->start + n;
	for (;;) {
		for (; at < in->end; at++) {
			char c = in->buf[at];
			if (c == '\n')
				return false;
			if (c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f' &&
			    (unsigned char)c != 0xA0)
				return true;
		}
		size_t offset = at - in->start; /* fill() may move the buffered bytes */
		if (!fill(in))
			return false;
		at = in->start + offset;
	}
}

bool mz_input_next(struct mz_input *in, const char **line, size_t *len, bool *split)
{
	for (;;) {
		const char *p = in->buf + in->start;
		size_t avail = in->end - in->start;
		bool full = in->line_max && avail >= in->line_max;
		const char *nl = memchr(p, '\n', full ? in->line_max : avail);
		size_t n = nl ? (size_t)(nl - p) + 1 : full ? in->line_max : in->eof ? avail : 0;
		if (n > 0) {
			*split = !nl && full && line_goes_on(in, n);
			*line = in->buf + in->start;
			*len = n;
			in->start += n;
			return true;
		}
		if (in->eof || (!fill(in) && !in->eof))
			return false;
	}
}

void mz_input_close(struct mz_input *in)
{
	if (in->fd >= 0)
		close(in->fd);
	free(in->buf);
	*in = (struct mz_input){ .fd = -1 };
}

enum mz_input_status mz_input_read_all(struct mz_arena *arena, const char *path, char **text,
				       size_t *len, int *err)
{
	struct mz_input in;
	enum mz_input_status status = mz_input_open(&in, path, 0, err);
	if (status != MZ_INPUT_OK)
		return status;
	while (fill(&in))
		continue;
	if (in.too_big) {
		mz_input_close(&in);
		return MZ_INPUT_TOO_BIG;
	}
	*len = in.end;
	*text = mz_strndup(arena, in.buf, in.end);
	mz_input_close(&in);
	return MZ_INPUT_OK;
}

const char *mz_input_problem(struct mz_arena *arena, enum mz_input_status status,
			     const char *path, int err, const char *what)
{
	switch (status) {
	case MZ_INPUT_NO_OPEN:
		return mz_printf(arena, "cannot open '%s': %s", path, strerror(err));
	case MZ_INPUT_TOO_BIG:
		return mz_printf(arena, "'%s' is larger than %zu MiB; mysizer does not read %s that "
				 "big", path, (size_t)MZ_INPUT_SIZE_MAX >> 20, what);
	case MZ_INPUT_DIRECTORY:
	case MZ_INPUT_NOT_REGULAR:
		return mz_printf(arena, "'%s' is not a regular file", path);
	case MZ_INPUT_OK:
		break;
	}
	return NULL;
}
