/*
 * Rules: one file each in rules/, each a const struct mz_rule, listed once in rules/rules.def.
 * A rule is a pure function of the model: it reads, and reports through mz_report().
 */
#ifndef MYSIZER_RULE_H
#define MYSIZER_RULE_H

#include "mysizer/deploy.h"
#include "mysizer/finding.h"
#include "mysizer/optfile.h"
#include "mysizer/server.h"

/* Where the sizing rules draw their lines. */
struct mz_thresholds {
	unsigned memory_percent;   /* of the memory limit the worst case may take */
	unsigned headroom_percent; /* of max_connections the steady demand may take */
	unsigned lifetime_margin;  /* seconds a pool's lifetime stays below wait_timeout */
	unsigned long_wait_timeout; /* seconds from which a wait_timeout holds leaks too long */
};

extern const struct mz_thresholds mz_thresholds_default;

struct mz_observed;
struct mz_observed_value;
struct mz_settings;
struct mz_suppressions;

/* What a run knows; a rule that needs what is missing is skipped, and says so. */
struct mz_model {
	const struct mz_target *target;
	const char *config;               /* the option file given, or NULL: the defaults */
	const struct mz_optfile *options; /* the option files as read */
	const struct mz_server *server;   /* the values after startup */
	const struct mz_deploy *deploy;   /* the host and the applications; empty when none */
	const struct mz_thresholds *thresholds;
	const struct mz_suppressions *suppressions;
	const struct mz_settings *settings; /* the rules turned off, or set to another level */
	const struct mz_observed *observed; /* dumps or live mode; empty sets when none */
};

enum {
	MZ_NEEDS_OPTIONS = 1 << 0,
	MZ_NEEDS_SERVER = 1 << 1,
	MZ_NEEDS_APPS = 1 << 2,    /* at least one application */
	MZ_NEEDS_MEMORY = 1 << 3,  /* the host's or the container's memory */
	MZ_NEEDS_FINDINGS = 1 << 4, /* the other rules' findings, suppressed: it runs after them */
	MZ_NEEDS_VARIABLES = 1 << 5, /* the running server's variables */
	MZ_NEEDS_STATUS = 1 << 6,    /* the running server's status counters */
	MZ_NEEDS_PROCESSLIST = 1 << 7, /* the running server's connections */
	MZ_NEEDS_PREDICTION = 1 << 8,  /* predicts startup: pointless once the running server's
					  variables are known */
};
#define MZ_NEEDS_RUNNING (MZ_NEEDS_VARIABLES | MZ_NEEDS_STATUS | MZ_NEEDS_PROCESSLIST)

struct mz_rule {
	const char *id;      /* "MZ1001" */
	const char *slug;    /* "fatal-structure" */
	enum mz_level level; /* by default */
	const char *title;   /* one line */
	unsigned needs;      /* MZ_NEEDS_* */
	void (*check)(const struct mz_model *model, struct mz_findings *out);
};

#define MZ_RULE(id) extern const struct mz_rule mz_rule_##id;
#include "rules.def"
#undef MZ_RULE

/* Every rule, in ID order. */
extern const struct mz_rule *const mz_rules[];
extern const size_t mz_rule_count;

const struct mz_rule *mz_rule_find(const char *id_or_slug);

/* The rule's page, docs/rules/<ID>.md, compiled in; NULL when it has none. */
const char *mz_rule_page(const struct mz_rule *rule);

/* Runs every rule whose inputs the model has, at the levels the settings give, and the
 * suppressions over their findings; the others go to out->skipped. */
void mz_rules_run(const struct mz_model *model, struct mz_findings *out);

/* Why a rule that needs these inputs cannot run on the model, or NULL when it can. */
const char *mz_rule_missing(const struct mz_model *model, unsigned needs);

/* The file a finding about the whole configuration names: the option file given, else the
 * deployment file. */
const char *mz_model_file(const struct mz_model *model);

/* Locations for findings: of a JSON value, and of a server variable (its option line; the
 * first option file when it was not set). */
struct mz_location mz_where_location(struct mz_where where, const char *label);
struct mz_location mz_value_location(const struct mz_model *model, const struct mz_value *value,
				     const char *label);

/* Adds the option line that set a server value as a related location; nothing for a default. */
void mz_related_value(const struct mz_model *model, struct mz_findings *out, struct mz_finding *f,
		      const struct mz_value *value, const char *label);

/* The memory the server may use: the smaller of the container's limit and the host's. */
struct mz_memory_limit {
	uint64_t bytes;     /* 0 when unknown */
	const char *name;   /* "container_memory", "memory" */
	struct mz_where at; /* file NULL: given on the command line */
};

void mz_memory_limit(const struct mz_model *model, struct mz_memory_limit *out);

/* "deploy.json:4", or "the command line" for a value given there: for the terms of findings. */
const char *mz_where_text(struct mz_arena *arena, struct mz_where where);

/* Where a server value comes from, for terms: "my.cnf:3", "the default", and what startup did. */
const char *mz_value_origin(const struct mz_model *model, struct mz_arena *arena,
			    const struct mz_value *value);

struct mz_total_demand;

/*
 * What the connection rules recommend when the demand (steady, or at the rolling-deploy peak)
 * is too much: pool sizes that fit the headroom of max_connections, or a max_connections
 * that holds the demand, with what that does to the worst-case memory.
 */
const char *mz_connection_advice(const struct mz_model *model, struct mz_arena *arena,
				 const struct mz_total_demand *demand, bool at_peak);

/* The demand as terms of a finding: one per app and one per reserved count. */
void mz_demand_terms(const struct mz_model *model, struct mz_findings *out,
		     struct mz_finding *f, const struct mz_total_demand *demand, bool at_peak);

/* Where the file-descriptor limit comes from: "unit.conf:7", "the command line", or what
 * mysizer assumed; and the limit as LimitNOFILE= writes it. */
const char *mz_nofile_from(const struct mz_model *model, struct mz_arena *arena);
const char *mz_nofile_text(const struct mz_model *model, struct mz_arena *arena);

/* The value of a variable before the server changed it at startup, as shown; NULL when
 * startup left it alone. */
const char *mz_value_before_startup(const struct mz_value *value);

/* The demand's terms, then max_connections as a term and, when a line sets it, a related
 * location: the connection rules' arithmetic. */
void mz_budget_terms(const struct mz_model *model, struct mz_findings *out, struct mz_finding *f,
		     const struct mz_total_demand *demand, bool at_peak);

/* The fd rules' current and recommended values (the LimitNOFILE the server asks for), and the
 * line that sets the limit as a related location. */
void mz_nofile_advice(const struct mz_model *model, struct mz_findings *out, struct mz_finding *f);

/* wait_timeout less the margin a pool lifetime keeps below it, in seconds: the margin is
 * the thresholds' margin, at most a twentieth of wait_timeout. */
double mz_lifetime_limit(const struct mz_model *model);

/* A counter of the running server's status: its row, with its value in *value; NULL when the
 * status has no such counter or it is not a whole number. */
const struct mz_observed_value *mz_status_counter(const struct mz_model *model, const char *name,
						  uint64_t *value);

/* A status counter as a share of Connections, for the rate rules. */
struct mz_connection_share {
	const struct mz_observed_value *row, *connections_row;
	uint64_t count, connections;
	double percent;
};

/* The counter's share; false when the status lacks it or Connections, or when fewer than
 * connections_min connections make any share say little. */
bool mz_connection_share(const struct mz_model *model, const char *counter,
			 uint64_t connections_min, struct mz_connection_share *out);

/* "Counter N / Connections M = P% <relation> T%" as the arithmetic, and both as terms. */
void mz_share_arithmetic(struct mz_findings *out, struct mz_finding *f,
			 const struct mz_connection_share *share, const char *relation,
			 unsigned threshold);

/* A row of a dump as a finding's location; its "file:line" for a term's origin. */
struct mz_location mz_row_location(const struct mz_observed_value *row, const char *label);
const char *mz_row_origin(struct mz_arena *arena, const struct mz_observed_value *row);

/* "3.5 hours", "2 days": how long the server has run, for messages. */
const char *mz_uptime_text(struct mz_arena *arena, uint64_t seconds);

/* For rules that report what the reader or the resolver noticed, one finding each. */
void mz_report_problems(const struct mz_model *model, struct mz_findings *out,
			const struct mz_rule *rule, const enum mz_problem_kind *kinds, size_t n);
void mz_report_issues(const struct mz_model *model, struct mz_findings *out,
		      const struct mz_rule *rule, const enum mz_issue_kind *kinds, size_t n);

#endif
