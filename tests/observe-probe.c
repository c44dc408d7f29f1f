/*
 * What live mode reads from a server, printed for live-mode.sh to hold against what the
 * server itself says: where each set comes from and its size, a variable found by name in
 * another case, every connection, and what could not be read.
 *
 * usage: observe-probe HOST PORT USER, with the password in MYSQL_PWD
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "mysizer/client.h"

static void print_set(const char *name, const struct mz_observed_set *set)
{
	printf("%s\t%s\t%zu\n", name, set->file ? set->file : "(none)", set->n);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: observe-probe HOST PORT USER\n", stderr);
		return 3;
	}
	struct mz_connect_options options = {
		.host = argv[1],
		.port = (unsigned)strtoul(argv[2], NULL, 10),
		.user = argv[3],
		.password = getenv("MYSQL_PWD"),
		.connect_timeout = 10,
		.read_timeout = 30,
	};
	struct mz_arena *arena = mz_arena_new();
	struct mz_observed o;
	const char *error;
	if (!mz_client_observe(arena, &options, &o, &error)) {
		fprintf(stderr, "%s\n", error);
		mz_arena_free(arena);
		return 2;
	}
	print_set("variables", &o.variables);
	print_set("status", &o.status);
	const struct mz_observed_value *v = mz_observed_find(&o.variables, "MAX_CONNECTIONS");
	printf("MAX_CONNECTIONS\t%s\t%s:%u\n", v ? v->value : "(none)", v ? v->at.file : "",
	       v ? v->at.line : 0);
	printf("processlist\t%s\t%zu\n", o.processlist.file ? o.processlist.file : "(none)",
	       o.processlist.n);
	for (size_t i = 0; i < o.processlist.n; i++) {
		const struct mz_connection *c = &o.processlist.list[i];
		printf("connection\t%s\t%s\t%s\t%" PRIu64 "\t%s:%u\n", c->user, c->host, c->command,
		       c->time, c->at.file, c->at.line);
	}
	for (const char *const *u = o.unread; u && *u; u++)
		printf("unread\t%s\n", *u);
	mz_arena_free(arena);
	return 0;
}
