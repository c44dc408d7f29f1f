/*
 * LimitNOFILE= from systemd unit files and drop-ins, which set the descriptors the server
 * starts with. Read with inih; its reader callback counts lines, since inih reports none.
 */
#include <string.h>

#include <ini.h>

#include "mysizer/deploy.h"
#include "optfile-input.h"

struct unit {
	struct mz_arena *arena;
	const char *text, *end, *p;
	unsigned line;              /* of the line handed to inih last */
	bool complete;              /* the last piece handed out ended its line */
	const char *value;          /* LimitNOFILE's last value in [Service], or NULL */
	unsigned value_line;
};

/* Hands inih the next line, as fgets() would. */
static char *next_line(char *str, int num, void *stream)
{
	struct unit *u = stream;
	if (u->p >= u->end || num < 2)
		return NULL;
	const char *nl = memchr(u->p, '\n', (size_t)(u->end - u->p));
	size_t len = nl ? (size_t)(nl - u->p) + 1 : (size_t)(u->end - u->p);
	if (len > (size_t)num - 1)
		len = (size_t)num - 1;
	if (u->complete)
		u->line++;
	memcpy(str, u->p, len);
	str[len] = '\0';
	u->p += len;
	u->complete = str[len - 1] == '\n' || u->p >= u->end;
	return str;
}

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
	struct unit *u = user;
	if (strcmp(section, "Service") == 0 && strcmp(name, "LimitNOFILE") == 0) {
		u->value = *value ? mz_strdup(u->arena, value) : NULL; /* empty: back to unset */
		u->value_line = u->line;
	}
	return 1;
}

bool mz_systemd_nofile(struct mz_arena *arena, const char *const *files, size_t n_files,
		       struct mz_deploy *deploy, struct mz_deploy_error *error)
{
	bool set = false;
	for (size_t i = 0; i < n_files; i++) {
		char *text;
		size_t len;
		int err = 0;
		enum mz_input_status status = mz_input_read_all(arena, files[i], &text, &len, &err);
		if (status != MZ_INPUT_OK) {
			error->at = (struct mz_where){ files[i], 0, NULL };
			error->message =
				status == MZ_INPUT_NO_OPEN
					? mz_printf(arena, "cannot open '%s': %s", files[i], strerror(err))
				: status == MZ_INPUT_TOO_BIG
					? mz_printf(arena, "'%s' is larger than %zu MiB; mysizer does not "
						    "read unit files that big", files[i],
						    MZ_INPUT_SIZE_MAX >> 20)
					: mz_printf(arena, "'%s' is not a regular file", files[i]);
			return false;
		}
		struct unit u = { arena, text, text + len, text, 0, true, NULL, 0 };
		/* Lines systemd would warn about and skip, inih skips too: its count is not fatal. */
		ini_parse_stream(next_line, &u, on_entry, &u);
		if (!u.value_line)
			continue;
		struct mz_where at = { files[i], u.value_line, NULL };
		set = u.value != NULL;
		if (!set)
			continue;
		const char *value = u.value;
		if (!mz_parse_nofile(value, &deploy->nofile_soft, &deploy->nofile_hard)) {
			error->at = at;
			error->message = mz_printf(arena, "LimitNOFILE must be a number, SOFT:HARD with "
						   "SOFT <= HARD, or infinity, not '%s' (systemd "
						   "would ignore this line)", value);
			return false;
		}
		deploy->nofile_at = at;
	}
	deploy->nofile_given = true;
	deploy->nofile_note = NULL;
	if (!set) {
		/* What systemd gives a service whose units leave LimitNOFILE unset (systemd 240+). */
		deploy->nofile_soft = 1024;
		deploy->nofile_hard = 524288;
		deploy->nofile_at = (struct mz_where){ files[n_files - 1], 0, NULL };
		deploy->nofile_note = "systemd's DefaultLimitNOFILE=1024:524288, since no unit file "
				      "sets LimitNOFILE";
	}
	return true;
}
