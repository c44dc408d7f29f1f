#include "mysizer/client.h"

static const char absent[] = "this mysizer is built without the MySQL client library: install "
			     "it (Debian: apt-get install default-libmysqlclient-dev), then build "
			     "with cmake -DWITH_MYSQL=ON";

struct mz_client_info mz_client_info(struct mz_arena *arena)
{
	(void)arena;
	return (struct mz_client_info){ .problem = absent };
}

bool mz_client_observe(struct mz_arena *arena, const struct mz_connect_options *options,
		       struct mz_observed *out, const char **error)
{
	(void)arena;
	(void)options;
	*out = (struct mz_observed){ 0 };
	*error = absent;
	return false;
}
