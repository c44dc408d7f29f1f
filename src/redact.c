#include "mysizer/redact.h"

#include <ctype.h>
#include <string.h>

#include "mysizer/rule.h"

/* Shorter values are left: they would stand for every digit and word of the reports. */
enum { SECRET_MIN = 4 };

static const char mask[] = "********";

/* Whether a name says that its value is a secret: password, passwd, pwd, secret, auth. */
static bool secret_name(const char *name)
{
	static const char *const words[] = { "pass", "pwd", "secret", "auth" };
	char lower[256];
	size_t n = 0;
	for (; name[n] && n < sizeof lower - 1; n++)
		lower[n] = (char)tolower((unsigned char)name[n]);
	lower[n] = '\0';
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(lower, words[i]))
			return true;
	return false;
}

static void add(struct mz_arena *arena, struct mz_vec *out, const char *name, const char *value)
{
	/* The server shows some secrets masked already: "********" hides nothing more. */
	if (value && strlen(value) >= SECRET_MIN && secret_name(name) && strcmp(value, mask) != 0)
		*(const char **)mz_vec_push(arena, out, sizeof value) = value;
}

void mz_secrets_collect(struct mz_arena *arena, const struct mz_optfile *options,
			const struct mz_observed *observed, struct mz_vec *out)
{
	for (size_t i = 0; options && i < options->n_options; i++)
		add(arena, out, options->options[i].name, options->options[i].value);
	const struct mz_observed_set *sets[] = { &observed->variables, &observed->status };
	for (size_t s = 0; s < 2; s++)
		for (size_t i = 0; i < sets[s]->n; i++)
			add(arena, out, sets[s]->values[i].name, sets[s]->values[i].value);
}

/* text with every secret masked; text itself when it holds none. */
static const char *redacted(struct mz_arena *arena, const char *text, const char *const *secrets,
			    size_t n)
{
	for (size_t i = 0; text && i < n; i++) {
		if (!strstr(text, secrets[i]))
			continue;
		struct mz_vec out = { 0 };
		size_t len = strlen(secrets[i]);
		const char *p = text;
		for (const char *hit; (hit = strstr(p, secrets[i])); p = hit + len)
			mz_text_printf(arena, &out, "%.*s%s", (int)(hit - p), p, mask);
		mz_text_printf(arena, &out, "%s", p);
		text = out.items;
	}
	return text;
}

void mz_findings_redact(struct mz_findings *findings, const char *const *secrets, size_t n)
{
	if (!n)
		return;
	struct mz_arena *a = findings->arena;
	struct mz_finding *list = findings->list.items;
	for (size_t i = 0; i < findings->list.len; i++) {
		struct mz_finding *f = &list[i];
		const char **texts[] = { &f->message, &f->server_says, &f->current, &f->recommended,
					 &f->arithmetic };
		for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
			*texts[t] = redacted(a, *texts[t], secrets, n);
		struct mz_term *terms = f->terms.items;
		for (size_t t = 0; t < f->terms.len; t++) {
			terms[t].name = redacted(a, terms[t].name, secrets, n);
			terms[t].value = redacted(a, terms[t].value, secrets, n);
		}
	}
}
