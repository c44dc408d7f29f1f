/*
 * MZ1009 group-not-read: Server options in a group the target's server never reads: a header
 * with a blank after '[' ([ mysqld ]), another flavour's or version's group ([mariadb] on
 * MySQL, [mysqld-8.0] on 5.7), [mysqld_safe], or sizing variables under a client group
 * ([client], [mysql]). One finding per group block, at its first option.
 */
#include <ctype.h>
#include <string.h>

#include "mysizer/rule.h"

enum group_class { NOT_SERVER, SPACED, OTHER_SERVER, SAFE_WRAPPER, CLIENT };

/* The group's name without blanks, in lower case, in buf. */
static const char *normalize(const char *group, char *buf, size_t size)
{
	while (isspace((unsigned char)*group))
		group++;
	size_t n = 0;
	for (; group[n] && n + 1 < size; n++)
		buf[n] = (char)tolower((unsigned char)group[n]);
	while (n > 0 && isspace((unsigned char)buf[n - 1]))
		n--;
	buf[n] = '\0';
	return buf;
}

static bool versioned(const char *name, const char *base)
{
	size_t n = strlen(base);
	if (strncmp(name, base, n) != 0 || name[n] != '-' || !isdigit((unsigned char)name[n + 1]))
		return false;
	for (const char *p = name + n + 1; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != '.')
			return false;
	return true;
}

static enum group_class classify(const struct mz_target *target, const char *group)
{
	char buf[128];
	const char *name = normalize(group, buf, sizeof buf);
	if (mz_target_reads_group(target, name))
		return SPACED; /* read only without the blanks around the name */
	static const char *const servers[] = { "mysqld", "server", "mariadb", "mariadbd",
					       "client-server", "galera", "mysql_cluster" };
	for (size_t i = 0; i < sizeof servers / sizeof servers[0]; i++)
		if (strcmp(name, servers[i]) == 0)
			return OTHER_SERVER;
	if (versioned(name, "mysqld") || versioned(name, "mariadb") || versioned(name, "mariadbd"))
		return OTHER_SERVER;
	/* The groups the mysqld_safe scripts read (MariaDB's: mariadb_safe, mariadbd-safe). */
	if (strcmp(name, "mysqld_safe") == 0 || strcmp(name, "safe_mysqld") == 0 ||
	    strcmp(name, "mariadb_safe") == 0 || strcmp(name, "mariadbd-safe") == 0)
		return SAFE_WRAPPER;
	static const char *const clients[] = { "client", "mysql", "mariadb-client",
					       "client-mariadb", "mysqldump", "mysqladmin",
					       "mysqlcheck", "mysqlimport", "mysqlshow" };
	for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++)
		if (strcmp(name, clients[i]) == 0)
			return CLIENT;
	return NOT_SERVER;
}

/* A sizing variable that only the server has: clients share packet and buffer options. */
static bool server_only(const char *option)
{
	char key[128];
	size_t n = 0;
	for (; option[n] && n + 1 < sizeof key; n++)
		key[n] = option[n] == '-' ? '_' : (char)tolower((unsigned char)option[n]);
	key[n] = '\0';
	if (strcmp(key, "max_allowed_packet") == 0 || strcmp(key, "net_buffer_length") == 0)
		return false;
	for (int i = 0; i < MZ_SIZING_COUNT; i++)
		if (strcmp(key, mz_sizing_name((enum mz_sizing_var)i)) == 0)
			return true;
	return strncmp(key, "innodb_", 7) == 0;
}

static void check(const struct mz_model *model, struct mz_findings *out)
{
	const struct mz_optfile *opts = model->options;
	const char *server = model->target->server;
	for (size_t i = 0; i < opts->n_options;) {
		const struct mz_option *first = &opts->options[i];
		/* A block: the options of one group header, in one file. */
		size_t end = i + 1;
		while (end < opts->n_options && opts->options[end].group == first->group &&
		       opts->options[end].at.file == first->at.file)
			end++;
		enum group_class class = first->server_reads ? NOT_SERVER
							     : classify(model->target, first->group);
		size_t count = 0;
		const struct mz_option *shown = NULL; /* the first option the finding is about */
		for (size_t j = i; j < end; j++) {
			if (class == CLIENT && !server_only(opts->options[j].name))
				continue;
			count++;
			if (!shown)
				shown = &opts->options[j];
		}
		if (class != NOT_SERVER && count > 0) {
			struct mz_location at = { shown->at.file, shown->at.line, NULL, NULL };
			struct mz_finding *f;
			switch (class) {
			case SPACED:
				f = mz_report(out, &mz_rule_MZ1009, at,
					      "'[%s]' has blanks inside the brackets, so it is not a "
					      "group %s reads: its %zu option%s ignored", first->group,
					      server, count, count == 1 ? " is" : "s are");
				break;
			case OTHER_SERVER:
				f = mz_report(out, &mz_rule_MZ1009, at,
					      "%s does not read '[%s]': its %zu option%s for another "
					      "server or version", server, first->group, count,
					      count == 1 ? " is" : "s are");
				f->level = MZ_LEVEL_INFO;
				break;
			case SAFE_WRAPPER:
				f = mz_report(out, &mz_rule_MZ1009, at,
					      "'[%s]' is read by the mysqld_safe script, not by %s: its "
					      "%zu option%s only when mysqld_safe starts the server "
					      "(systemd does not)", first->group, server, count,
					      count == 1 ? " applies" : "s apply");
				f->level = MZ_LEVEL_INFO;
				break;
			default:
				f = mz_report(out, &mz_rule_MZ1009, at,
					      "'%s'%s is a server setting in '[%s]', a group only "
					      "client programs read: %s never sees it", shown->name,
					      count > 1 ? mz_printf(out->arena, " (and %zu more)", count - 1)
							: "",
					      first->group, server);
				break;
			}
			f->recommended = "[mysqld]";
		}
		i = end;
	}
}

const struct mz_rule mz_rule_MZ1009 = {
	.id = "MZ1009",
	.slug = "group-not-read",
	.level = MZ_LEVEL_WARNING,
	.title = "server options in a group the server never reads",
	.needs = MZ_NEEDS_OPTIONS,
	.check = check,
};
