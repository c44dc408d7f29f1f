/* The running server's values over the server model the option files give. */
#include "mysizer/observed.h"

#include <stdlib.h>
#include <string.h>

#include "resolve-value.h"

/* The number SHOW GLOBAL VARIABLES shows, as the model keeps it for the type. */
static uint64_t number_of(const struct mz_var *var, const char *text)
{
	if (var->type == MZ_TYPE_BOOL)
		return strcmp(text, "ON") == 0;
	if (!mz_type_is_integer(var->type))
		return 0;
	return mz_type_is_signed(var->type) ? (uint64_t)strtoll(text, NULL, 10)
					    : strtoull(text, NULL, 10);
}

void mz_server_observe(struct mz_arena *arena, const struct mz_observed_set *variables,
		       struct mz_server *server)
{
	struct mz_value *values = mz_alloc_array(arena, server->n_values, sizeof *values);
	memcpy(values, server->values, server->n_values * sizeof *values);
	for (size_t i = 0; i < server->n_values; i++) {
		struct mz_value *v = &values[i];
		const struct mz_observed_value *row = mz_observed_find(variables, v->var->name);
		if (!row)
			continue;
		/* The row stands as the line that gives the value, as an option line would. */
		struct mz_option *line = mz_alloc(arena, sizeof *line);
		*line = (struct mz_option){ "SHOW GLOBAL VARIABLES", row->name, row->value, row->at,
					    true };
		struct mz_step *steps = mz_alloc_array(arena, v->n_steps + 1, sizeof *steps);
		if (v->n_steps)
			memcpy(steps, v->steps, v->n_steps * sizeof *steps);
		steps[v->n_steps] = (struct mz_step){
			MZ_STEP_OBSERVED, line, row->value,
			mz_printf(arena, "the running server has %s", *row->value ? row->value : "''"),
			NULL };
		v->steps = steps;
		v->n_steps++;
		v->text = row->value;
		v->number = number_of(v->var, row->value);
		v->exact = true;
	}
	server->values = values;
	server->observed = true;
}
