/*
 * MZ5005 tcp-keepalive-not-activity: mysql2's enableKeepAlive sends TCP probes, which keep
 * firewalls and load balancers from dropping the socket but are no MySQL command: the server
 * still closes the connection after wait_timeout.
 */
#include "mysizer/rule.h"
#include "mysizer/sizing.h"

static void check(const struct mz_model *model, struct mz_findings *out)
{
	double limit = mz_lifetime_limit(model);
	for (size_t i = 0; i < model->deploy->n_apps; i++) {
		const struct mz_app *app = &model->deploy->apps[i];
		if (app->library != MZ_LIB_MYSQL2)
			continue;
		const struct mz_setting *keepalive = mz_app_setting(app, "enableKeepAlive");
		struct mz_lifetime life;
		mz_app_lifetime(out->arena, app, &life);
		/* Said where someone turned it on, expecting it to keep connections alive. */
		if (!keepalive->given || !keepalive->value || (life.bounded && life.seconds <= limit))
			continue;
		struct mz_finding *f = mz_report(
			out, &mz_rule_MZ5005, mz_where_location(keepalive->at, NULL),
			"app '%s': enableKeepAlive sends TCP keepalive probes, which the server does not "
			"count as activity; idle connections are still closed after wait_timeout",
			app->name);
		const struct mz_value *wait = mz_server_sizing(model->server, MZ_SV_WAIT_TIMEOUT);
		double connections = mz_app_setting(app, "connectionLimit")->value;
		f->current = life.text;
		f->recommended =
			connections > 1
				? mz_printf(out->arena, "maxIdle = %.0f (below connectionLimit %.0f), with "
					    "idleTimeout = %.0f", (double)((uint64_t)connections / 2),
					    connections, limit * 1000)
				: mz_printf(out->arena, "maxIdle below connectionLimit, with idleTimeout = "
					    "%.0f", limit * 1000);
		f->arithmetic = mz_printf(out->arena, "an idle connection must see a MySQL command "
					  "within wait_timeout %s s; TCP keepalive probes carry none",
					  wait->text);
		mz_related_value(model, out, f, wait, "wait_timeout");
	}
}

const struct mz_rule mz_rule_MZ5005 = {
	.id = "MZ5005",
	.slug = "tcp-keepalive-not-activity",
	.level = MZ_LEVEL_WARNING,
	.title = "TCP keepalive mistaken for activity that resets wait_timeout",
	.needs = MZ_NEEDS_SERVER | MZ_NEEDS_APPS,
	.check = check,
};
