/*
 * The MySQL client library, opened when needed rather than linked: loading it and the TLS
 * libraries it pulls in costs more than reading a whole option tree, and most runs never
 * talk to a server.
 */
#include "mysizer/client.h"

#include <dlfcn.h>

#include <mysql.h>

struct mz_client_info mz_client_info(struct mz_arena *arena)
{
	void *lib = dlopen(MYSIZER_CLIENT_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return (struct mz_client_info){
			.problem = mz_printf(arena, "cannot load the MySQL client library: %s",
					     dlerror()),
		};
	__typeof__(mysql_get_client_info) *get_client_info;
	*(void **)&get_client_info = dlsym(lib, "mysql_get_client_info");
	struct mz_client_info info = {
		.version = get_client_info ? mz_strdup(arena, get_client_info()) : NULL,
		.problem = get_client_info ? NULL : "the MySQL client library lacks mysql_get_client_info",
	};
	dlclose(lib);
	return info;
}
