/* mysizer live: what a running server says of itself, through the rules of mysizer check. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "mysizer/cli.h"
#include "mysizer/client.h"
#include "mysizer/observed.h"
#include "mysizer/optfile.h"
#include "mysizer/text.h"

/* The connection's settings, by the names the mysql client gives them. */
enum key {
	KEY_HOST,
	KEY_PORT,
	KEY_SOCKET,
	KEY_USER,
	KEY_PASSWORD, /* from an option file only */
	KEY_SSL,
	KEY_SSL_CA,
	KEY_SSL_CERT,
	KEY_SSL_KEY,
	KEY_SSL_VERIFY,
	KEY_CONNECT_TIMEOUT,
	KEY_READ_TIMEOUT,
	KEY_COUNT
};

enum kind { KIND_TEXT, KIND_PORT, KIND_SECONDS, KIND_SWITCH };

static const struct {
	const char *name;
	enum kind kind;
} keys[KEY_COUNT] = {
	[KEY_HOST] = { "host", KIND_TEXT },
	[KEY_PORT] = { "port", KIND_PORT },
	[KEY_SOCKET] = { "socket", KIND_TEXT },
	[KEY_USER] = { "user", KIND_TEXT },
	[KEY_PASSWORD] = { "password", KIND_TEXT },
	[KEY_SSL] = { "ssl", KIND_SWITCH },
	[KEY_SSL_CA] = { "ssl-ca", KIND_TEXT },
	[KEY_SSL_CERT] = { "ssl-cert", KIND_TEXT },
	[KEY_SSL_KEY] = { "ssl-key", KIND_TEXT },
	[KEY_SSL_VERIFY] = { "ssl-verify-server-cert", KIND_SWITCH },
	[KEY_CONNECT_TIMEOUT] = { "connect-timeout", KIND_SECONDS },
	[KEY_READ_TIMEOUT] = { "read-timeout", KIND_SECONDS },
};

/* A setting as given: its text (NULL for a bare switch) and, from an option file, its line. */
struct given {
	bool set;
	const char *text;
	struct mz_origin at;
};

struct live_args {
	struct given command_line[KEY_COUNT];
	struct given file[KEY_COUNT];
	const char *defaults_file;
	struct mz_vec check_argv; /* char *: what is mysizer check's, in order */
};

/* A setting's text as a number from 1 to max. */
static bool parse_number(const char *text, unsigned long max, unsigned *out)
{
	if (!text || *text < '0' || *text > '9')
		return false;
	char *end;
	errno = 0;
	unsigned long long n = strtoull(text, &end, 10);
	if (*end || errno || n < 1 || n > max)
		return false;
	*out = (unsigned)n;
	return true;
}

/* A switch: bare, or a value the client takes for one. */
static bool parse_switch(const char *text, bool *out)
{
	static const char *const on[] = { "1", "on", "true" }, *const off[] = { "0", "off", "false" };
	for (size_t i = 0; i < 3; i++) {
		if (!text || strcasecmp(text, on[i]) == 0)
			return *out = true, true;
		if (strcasecmp(text, off[i]) == 0)
			return *out = false, true;
	}
	return false;
}

/* Sets the connection option k from its text; NULL, or what the text should have been. */
static const char *convert(int k, const char *text, struct mz_connect_options *co)
{
	const char **texts[KEY_COUNT] = {
		[KEY_HOST] = &co->host,	    [KEY_SOCKET] = &co->socket,
		[KEY_USER] = &co->user,	    [KEY_PASSWORD] = &co->password,
		[KEY_SSL_CA] = &co->ssl_ca, [KEY_SSL_CERT] = &co->ssl_cert,
		[KEY_SSL_KEY] = &co->ssl_key,
	};
	unsigned *numbers[KEY_COUNT] = { [KEY_PORT] = &co->port,
					 [KEY_CONNECT_TIMEOUT] = &co->connect_timeout,
					 [KEY_READ_TIMEOUT] = &co->read_timeout };
	bool *switches[KEY_COUNT] = { [KEY_SSL] = &co->ssl,
				      [KEY_SSL_VERIFY] = &co->ssl_verify_server_cert };
	switch (keys[k].kind) {
	case KIND_TEXT:
		*texts[k] = text ? text : "";
		return NULL;
	case KIND_PORT:
		return parse_number(text, 65535, numbers[k]) ? NULL : "a port number from 1 to 65535";
	case KIND_SECONDS:
		return parse_number(text, 86400, numbers[k])
			       ? NULL
			       : "a whole number of seconds from 1 to 86400";
	case KIND_SWITCH:
		return parse_switch(text, switches[k]) ? NULL : "ON or OFF, 1 or 0, TRUE or FALSE";
	}
	return NULL;
}

/* The option groups of the mysql client that hold how to connect. */
static bool client_group(const char *group)
{
	return strcasecmp(group, "client") == 0 || strcasecmp(group, "mysql") == 0;
}

/* The key an option file's name stands for: the client takes '_' for '-' and ignores
 * "loose-". */
static int file_key(struct mz_arena *arena, const char *name)
{
	if (strncmp(name, "loose-", 6) == 0 || strncmp(name, "loose_", 6) == 0)
		name += 6;
	char *canonical = mz_strdup(arena, name);
	for (char *p = canonical; *p; p++)
		if (*p == '_')
			*p = '-';
	for (int k = 0; k < KEY_COUNT; k++)
		if (strcmp(keys[k].name, canonical) == 0)
			return k;
	return -1;
}

static void print_file_error(FILE *err, struct mz_origin at, const char *message)
{
	mz_put_visible(err, at.file, strlen(at.file));
	if (at.line)
		fprintf(err, ":%u", at.line);
	fputs(": error: ", err);
	mz_put_visible(err, message, strlen(message));
	fputc('\n', err);
}

/* The settings of the option file: --defaults-file, else ~/.my.cnf when there is one; the
 * last line of a setting wins. False after printing why the file cannot be read. */
static bool read_option_file(struct mz_arena *arena, struct live_args *la, FILE *err)
{
	const char *home = getenv("HOME");
	const char *path = la->defaults_file;
	if (!path && home && *home) {
		path = mz_printf(arena, "%s/.my.cnf", home);
		if (access(path, F_OK) != 0)
			return true;
	}
	if (!path)
		return true;
	struct mz_read_options opts = { .home = home };
	struct mz_optfile file;
	mz_optfile_read(arena, mz_target_default(), path, &opts, &file);
	if (file.fatal || mz_unreadable(&file)) {
		for (size_t i = 0; i < file.n_problems; i++)
			if (file.problems[i].severity == MZ_SEV_FATAL)
				print_file_error(err, file.problems[i].at, file.problems[i].message);
		return false;
	}
	for (size_t i = 0; i < file.n_options; i++) {
		const struct mz_option *o = &file.options[i];
		int k = client_group(o->group) ? file_key(arena, o->name) : -1;
		/* A bare "password" asks for one, as no password line does. */
		if (k >= 0 && (k != KEY_PASSWORD || o->value))
			la->file[k] = (struct given){ true, o->value, o->at };
	}
	return true;
}

/* The connection options: the option file's, then MYSQL_PWD, then the command line's (checked
 * as they were taken). 0, or MZ_EXIT_INPUT after printing what is wrong in the file. */
static int connect_options(struct mz_arena *arena, const struct live_args *la, FILE *err,
			   struct mz_connect_options *co)
{
	*co = (struct mz_connect_options){ .connect_timeout = 10, .read_timeout = 30 };
	for (int k = 0; k < KEY_COUNT; k++) {
		const struct given *g = &la->file[k];
		const char *expected = g->set ? convert(k, g->text, co) : NULL;
		if (expected) {
			print_file_error(err, g->at,
					 mz_printf(arena, "'%s' is %s, not '%s'", keys[k].name,
						   expected, g->text ? g->text : ""));
			return MZ_EXIT_INPUT;
		}
	}
	if (getenv("MYSQL_PWD"))
		co->password = getenv("MYSQL_PWD");
	for (int k = 0; k < KEY_COUNT; k++)
		if (la->command_line[k].set)
			convert(k, la->command_line[k].text, co);
	return 0;
}

/* The password typed at the terminal, without echo; NULL when none is typed. */
static const char *prompt_password(struct mz_arena *arena, FILE *err)
{
	struct termios saved;
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return NULL;
	struct termios quiet = saved;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	/* Echo off before the prompt shows, so that nothing typed after it is echoed. */
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	fputs("Enter password: ", err);
	fflush(err);
	char *line = NULL;
	size_t cap = 0;
	ssize_t len = getline(&line, &cap, stdin);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
	fputc('\n', err);
	const char *password = NULL;
	if (len > 0)
		password = mz_strndup(arena, line, strcspn(line, "\n"));
	free(line);
	return password && *password ? password : NULL;
}

/* Whether an argument would carry a password: --password, its prefixes from --pass, or the
 * mysql client's -pSECRET. */
static bool password_argument(const char *text)
{
	return strncmp(text, "--pass", 6) == 0 || strncmp(text, "-p", 2) == 0;
}

/* Takes one of live's own options: 1 taken, 0 mysizer check's, -1 a usage error (printed). */
static int take_option(const struct mz_cmd *cmd, struct mz_argv *args, const char *text,
		       FILE *err, struct live_args *la)
{
	if (mz_arg_is(text, "--defaults-file")) {
		la->defaults_file = mz_argv_value(args, text);
		if (!la->defaults_file)
			return mz_usage_error(cmd, err, "'--defaults-file' needs a value"), -1;
		return 1;
	}
	for (int k = 0; k < KEY_COUNT; k++) {
		if (k == KEY_PASSWORD || strncmp(text, "--", 2) != 0 ||
		    !mz_arg_is(text + 2, keys[k].name))
			continue;
		struct given *g = &la->command_line[k];
		if (g->set)
			return mz_usage_error(cmd, err, "'--%s' given twice", keys[k].name), -1;
		*g = (struct given){ .set = true };
		if (keys[k].kind == KIND_SWITCH) {
			if (strchr(text, '='))
				return mz_usage_error(cmd, err, "'--%s' takes no value",
						      keys[k].name),
				       -1;
			return 1;
		}
		g->text = mz_argv_value(args, text);
		if (!g->text)
			return mz_usage_error(cmd, err, "'--%s' needs a value", keys[k].name), -1;
		struct mz_connect_options scratch;
		const char *expected = convert(k, g->text, &scratch);
		if (expected)
			return mz_usage_error(cmd, err, "'--%s' is %s, not '%s'", keys[k].name,
					      expected, g->text),
			       -1;
		return 1;
	}
	return 0;
}

/* What observe() needs: the connection's settings as given. */
struct session {
	const struct mz_cmd *cmd;
	struct mz_arena *arena;
	struct live_args *la;
};

/* The connection, once check has found its own arguments good: the option file, the
 * password, then the server. */
static int observe(void *context, FILE *err, struct mz_observed *out)
{
	struct session *s = context;
	if (!read_option_file(s->arena, s->la, err))
		return MZ_EXIT_INPUT;
	struct mz_connect_options co;
	int status = connect_options(s->arena, s->la, err, &co);
	if (status)
		return status;
	if (!co.password && isatty(STDIN_FILENO))
		co.password = prompt_password(s->arena, err);
	const char *error;
	if (!mz_client_observe(s->arena, &co, out, &error)) {
		fprintf(err, "mysizer %s: ", s->cmd->name);
		mz_put_visible(err, error, strlen(error));
		fputc('\n', err);
		return MZ_EXIT_INPUT;
	}
	return 0;
}

static int exec(const struct mz_cmd *cmd, int argc, char **argv, FILE *out, FILE *err)
{
	struct mz_arena *arena = mz_arena_new();
	struct live_args la = { 0 };
	struct mz_argv args = { argc, argv, 0, false };
	int status = MZ_EXIT_USAGE;
	bool ended = false; /* "--" handed on to check */
	const char *text;
	for (enum mz_arg_kind kind; (kind = mz_argv_next(&args, &text)) != MZ_ARG_END;) {
		/* What follows "--" stays operands for check too. */
		if (args.operands_only && !ended) {
			*(const char **)mz_vec_push(arena, &la.check_argv, sizeof text) = "--";
			ended = true;
		}
		if (kind == MZ_ARG_OPTION) {
			if (password_argument(text)) {
				mz_usage_error(cmd, err, "no password on the command line, where "
					       "ps shows it: set MYSQL_PWD, write it in the option "
					       "file, or type it at the prompt");
				goto done;
			}
			if (mz_arg_is(text, "--help")) {
				status = mz_cmd_help(cmd, out);
				goto done;
			}
			int taken = take_option(cmd, &args, text, err, &la);
			if (taken < 0)
				goto done;
			if (taken)
				continue;
		}
		*(const char **)mz_vec_push(arena, &la.check_argv, sizeof text) = text;
	}
	mz_vec_push(arena, &la.check_argv, sizeof(char *)); /* argv's terminating NULL */
	struct session session = { cmd, arena, &la };
	struct mz_live_source live = { observe, &session };
	status = mz_check_main(cmd, (int)la.check_argv.len - 1, la.check_argv.items, out, err,
			       &live);
done:
	mz_arena_free(arena);
	return status;
}

const struct mz_cmd mz_cmd_live = {
	.name = "live",
	.usage = "[--host H] [--port N] [--socket PATH] [--user U]\n"
		 "       [--defaults-file FILE] [--ssl] [--ssl-ca FILE] [--ssl-cert FILE]\n"
		 "       [--ssl-key FILE] [--ssl-verify-server-cert] [--connect-timeout S]\n"
		 "       [--read-timeout S] [mysizer check's options] [MYCNF]",
	.summary = "read a running server's variables, status and connections, and check them",
	.help =
		"Connects to a running server and reads, with read-only queries, its global\n"
		"variables (SHOW GLOBAL VARIABLES), its global status (SHOW GLOBAL STATUS) and\n"
		"its connections (information_schema.PROCESSLIST: user, host, command and the\n"
		"seconds in it). Then runs every rule of 'mysizer check' over them, as if they\n"
		"were dumps of these queries, with the rules of the processlist: idle\n"
		"connections piling up by user and host are leaks. The account needs no\n"
		"privilege; without PROCESS the server shows it only its own connections. What\n"
		"the server refuses to show is no failure: the report says what could not be\n"
		"read and the server's reason.\n"
		"\n"
		"Connection, as the mysql client takes it:\n"
		"  --host H            the server's host; localhost (the default) connects\n"
		"                      through the Unix socket\n"
		"  --port N            its TCP port (3306)\n"
		"  --socket PATH       its Unix socket (the client library's default)\n"
		"  --user U            the account (the login name)\n"
		"  --defaults-file FILE\n"
		"                      read the groups [client] and [mysql] of FILE, not of\n"
		"                      ~/.my.cnf; the command line wins over them\n"
		"  --ssl               refuse to connect without TLS\n"
		"  --ssl-ca FILE       the certificate authorities to check the server against\n"
		"  --ssl-cert FILE     the client's certificate\n"
		"  --ssl-key FILE      the client's private key\n"
		"  --ssl-verify-server-cert\n"
		"                      check the server's certificate and host name, with TLS\n"
		"  --connect-timeout S seconds to wait for the server to answer (10)\n"
		"  --read-timeout S    seconds to wait for a query's result (30)\n"
		"  --help              this text\n"
		"\n"
		"There is no --password: ps would show it to every user of the machine. The\n"
		"password is MYSQL_PWD when it is set, else the option file's, else typed at a\n"
		"prompt, without echo, when standard input is a terminal; else there is none.\n"
		"\n"
		"Every other option, and MYCNF, is mysizer check's: --deploy, --app, --format,\n"
		"--output, --fail-on, --rule and the rest ('mysizer check --help').\n"
		"\n"
		"Exit status: 0 and 1 as for mysizer check; 2 no connection (with the client\n"
		"library's reason), a connection lost, mysizer built without the client\n"
		"library, or an input that cannot be read; 3 a usage error.\n",
	.exec = exec,
};
