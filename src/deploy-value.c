/* The values the deployment file and the command line share: sizes and fd limits. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mysizer/deploy.h"

bool mz_parse_size(const char *text, uint64_t *bytes)
{
	static const struct {
		const char *suffix;
		double factor;
	} units[] = {
		{ "", 1 }, { "B", 1 },
		/* K, M, G and T are binary, as in my.cnf; KB, MB, GB and TB decimal, as in SI. */
		{ "K", 0x1p10 }, { "KiB", 0x1p10 }, { "Ki", 0x1p10 }, { "KB", 1e3 },
		{ "M", 0x1p20 }, { "MiB", 0x1p20 }, { "Mi", 0x1p20 }, { "MB", 1e6 },
		{ "G", 0x1p30 }, { "GiB", 0x1p30 }, { "Gi", 0x1p30 }, { "GB", 1e9 },
		{ "T", 0x1p40 }, { "TiB", 0x1p40 }, { "Ti", 0x1p40 }, { "TB", 1e12 },
	};
	if (!text || !(*text >= '0' && *text <= '9'))
		return false;
	char *end;
	errno = 0;
	double number = strtod(text, &end);
	if (errno || end == text || strchr(text, 'e') || strchr(text, 'E') ||
	    strchr(text, 'x') || strchr(text, 'X'))
		return false;
	while (*end == ' ')
		end++;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (strcasecmp(end, units[i].suffix) != 0)
			continue;
		double value = number * units[i].factor;
		if (value >= 0x1p63)
			return false;
		*bytes = (uint64_t)value; /* a fraction of a byte is dropped */
		return true;
	}
	return false;
}

static bool parse_limit(const char *text, size_t len, uint64_t *out)
{
	if (len == 8 && strncmp(text, "infinity", 8) == 0) {
		*out = MZ_NOFILE_INFINITY;
		return true;
	}
	if (len == 0 || len > 19)
		return false;
	uint64_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9')
			return false;
		n = n * 10 + (uint64_t)(text[i] - '0');
	}
	*out = n;
	return n > 0;
}

bool mz_parse_nofile(const char *text, uint64_t *soft, uint64_t *hard)
{
	const char *colon = strchr(text, ':');
	if (!colon) {
		if (!parse_limit(text, strlen(text), soft))
			return false;
		*hard = *soft;
		return true;
	}
	return parse_limit(text, (size_t)(colon - text), soft) &&
	       parse_limit(colon + 1, strlen(colon + 1), hard) && *soft <= *hard;
}
