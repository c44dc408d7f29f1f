/*
 * The bytes of one option file, handed out a line at a time exactly as the servers' fgets()
 * calls get them: through the '\n', or at most line_max bytes when the line is longer.
 */
#ifndef MYSIZER_OPTFILE_INPUT_H
#define MYSIZER_OPTFILE_INPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Not a server limit: mysizer reads untrusted trees and will not read more of one file. */
#define MZ_INPUT_SIZE_MAX ((size_t)64 << 20)

enum mz_input_status {
	MZ_INPUT_OK,
	MZ_INPUT_DIRECTORY,   /* the servers open it and read nothing */
	MZ_INPUT_NO_OPEN,     /* open() failed; errno in *err */
	MZ_INPUT_NOT_REGULAR, /* a pipe, device or socket: the server could wait for ever */
	MZ_INPUT_TOO_BIG,     /* larger than MZ_INPUT_SIZE_MAX */
};

struct mz_input {
	int fd;
	size_t line_max; /* 0: lines of any length */
	char *buf;
	size_t cap, start, end;
	size_t total;    /* bytes read so far */
	bool eof;
	bool too_big;    /* the file grew past MZ_INPUT_SIZE_MAX while being read */
};

enum mz_input_status mz_input_open(struct mz_input *in, const char *path, size_t line_max,
				   int *err);

/*
 * The next line; it stays valid until the next call. *split tells that the line is cut at
 * line_max and more than blanks follow. False at the end of the file or when too_big.
 */
bool mz_input_next(struct mz_input *in, const char **line, size_t *len, bool *split);

void mz_input_close(struct mz_input *in);

struct mz_arena;

/* The whole of a file at once, NUL-terminated, in the arena: for JSON and unit files. */
enum mz_input_status mz_input_read_all(struct mz_arena *arena, const char *path, char **text,
				       size_t *len, int *err);

/* Why a file could not be read, for messages: "cannot open 'x': reason", "'x' is not a
 * regular file", "'x' is larger than 64 MiB; mysizer does not read <what> that big". */
const char *mz_input_problem(struct mz_arena *arena, enum mz_input_status status,
			     const char *path, int err, const char *what);

#endif
