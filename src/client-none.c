#include "mysizer/client.h"

struct mz_client_info mz_client_info(struct mz_arena *arena)
{
	(void)arena;
	return (struct mz_client_info){
		.problem = "mysizer was built without the MySQL client library "
			   "(install default-libmysqlclient-dev and build with -DWITH_MYSQL=ON)",
	};
}
