#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool mz_output_open(struct mz_arena *arena, const char *path, FILE *out, struct mz_output *o,
		    const char **error)
{
	*o = (struct mz_output){ out, path, NULL };
	if (!path)
		return true;
	/* A device, a pipe or a terminal is written to as it is: renaming a file over it would
	 * replace it (/dev/null, /dev/stdout). */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->stream = fopen(path, "w");
		if (!o->stream) {
			*error = mz_printf(arena, "cannot write '%s': %s", path, strerror(errno));
			return false;
		}
		return true;
	}
	/* In the same folder, so that the rename is atomic. */
	o->temp = mz_printf(arena, "%s.XXXXXX", path);
	int fd = mkstemp(o->temp);
	if (fd < 0) {
		*error = mz_printf(arena, "cannot create '%s': %s", o->temp, strerror(errno));
		return false;
	}
	/* mkstemp makes the file private; a report is as readable as any file the user makes. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || !(o->stream = fdopen(fd, "w"))) {
		*error = mz_printf(arena, "cannot write '%s': %s", o->temp, strerror(errno));
		close(fd);
		unlink(o->temp);
		return false;
	}
	return true;
}

bool mz_output_close(struct mz_arena *arena, struct mz_output *o, const char **error)
{
	const char *name = o->path ? o->path : "standard output";
	bool ok = fflush(o->stream) == 0 && !ferror(o->stream);
	int err = errno;
	if (!o->path) {
		if (!ok)
			*error = mz_printf(arena, "cannot write to %s: %s", name, strerror(err));
		return ok;
	}
	if (!o->temp) {
		if (fclose(o->stream) != 0 && ok) {
			ok = false;
			err = errno;
		}
		if (!ok)
			*error = mz_printf(arena, "cannot write '%s': %s", name, strerror(err));
		return ok;
	}
	if (fclose(o->stream) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (ok && rename(o->temp, o->path) != 0) {
		ok = false;
		err = errno;
	}
	if (!ok) {
		*error = mz_printf(arena, "cannot write '%s': %s", name, strerror(err));
		unlink(o->temp);
	}
	return ok;
}
