/*
 * LimitNOFILE= from systemd unit files and drop-ins, which set the descriptors the server
 * starts with.
 */
#include <string.h>

#include "ini-text.h"
#include "mysizer/deploy.h"
#include "optfile-input.h"

struct unit {
	struct mz_arena *arena;
	const char *value;          /* LimitNOFILE's last value in [Service], or NULL */
	unsigned value_line;
};

static int on_entry(void *user, unsigned line, const char *section, const char *name,
		    const char *value)
{
	struct unit *u = user;
	if (strcmp(section, "Service") == 0 && strcmp(name, "LimitNOFILE") == 0) {
		u->value = *value ? mz_strdup(u->arena, value) : NULL; /* empty: back to unset */
		u->value_line = line;
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
		struct unit u = { arena, NULL, 0 };
		/* Lines systemd would warn about and skip, inih skips too: its count is not fatal. */
		mz_ini_parse(text, len, on_entry, &u);
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
