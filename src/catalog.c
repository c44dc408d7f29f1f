/* Lookups in the generated catalog (catalog-data.c). */
#include "mysizer/catalog.h"

#include <stdlib.h>
#include <string.h>

static const char *const sizing_names[] = {
#define MZ_SIZING_NAME(id, name, mem) [MZ_SV_##id] = name,
	MZ_SIZING_VARS(MZ_SIZING_NAME)
#undef MZ_SIZING_NAME
};

static const enum mz_memclass sizing_memclass[] = {
#define MZ_SIZING_MEM(id, name, mem) [MZ_SV_##id] = mem,
	MZ_SIZING_VARS(MZ_SIZING_MEM)
#undef MZ_SIZING_MEM
};

const struct mz_catalog *mz_catalog_for(const struct mz_target *target)
{
	for (size_t i = 0; i < mz_catalog_count; i++)
		if (strcmp(mz_catalogs[i].target, target->name) == 0)
			return &mz_catalogs[i];
	return NULL;
}

static int compare_var(const void *key, const void *row)
{
	return strcmp(key, ((const struct mz_var *)row)->name);
}

static int compare_removed(const void *key, const void *row)
{
	return strcmp(key, ((const struct mz_removed *)row)->name);
}

const struct mz_var *mz_catalog_find(const struct mz_catalog *catalog, const char *name)
{
	return bsearch(name, catalog->vars, catalog->n_vars, sizeof *catalog->vars, compare_var);
}

const struct mz_removed *mz_catalog_removed(const struct mz_catalog *catalog, const char *name)
{
	if (!catalog->n_removed)
		return NULL;
	return bsearch(name, catalog->removed, catalog->n_removed, sizeof *catalog->removed,
		       compare_removed);
}

const struct mz_var *mz_catalog_sizing(const struct mz_catalog *catalog, enum mz_sizing_var var)
{
	return mz_catalog_find(catalog, sizing_names[var]);
}

const char *mz_sizing_name(enum mz_sizing_var var)
{
	return sizing_names[var];
}

enum mz_memclass mz_sizing_memclass(enum mz_sizing_var var)
{
	return sizing_memclass[var];
}
