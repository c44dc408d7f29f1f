/* The arena a unit test program's tests allocate from: made before the group, freed after. */
#ifndef MYSIZER_TEST_ARENA_FIXTURE_H
#define MYSIZER_TEST_ARENA_FIXTURE_H

#include "mysizer/arena.h"

static struct mz_arena *arena;

static int setup(void **state)
{
	(void)state;
	arena = mz_arena_new();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mz_arena_free(arena);
	return 0;
}

#endif
