#include "mysizer/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Small allocations are carved from shared blocks; a large one gets a block of its own, kept
 * in a second list so that a growing array can be reallocated instead of copied and left
 * behind.
 */
enum { BLOCK_SIZE = 64 * 1024, LARGE = BLOCK_SIZE / 4, ALIGN = _Alignof(max_align_t) };

struct block {
	struct block *next, *prev; /* prev only in the list of large blocks */
	size_t used;
	size_t size;
	_Alignas(max_align_t) unsigned char data[];
};

struct mz_arena {
	struct block *shared;
	struct block *large;
};

_Noreturn void mz_out_of_memory(void)
{
	fputs("mysizer: out of memory\n", stderr);
	exit(2);
}

struct mz_arena *mz_arena_new(void)
{
	struct mz_arena *arena = calloc(1, sizeof *arena);
	if (!arena)
		mz_out_of_memory();
	return arena;
}

static void free_list(struct block *b)
{
	for (struct block *next; b; b = next) {
		next = b->next;
		free(b);
	}
}

void mz_arena_free(struct mz_arena *arena)
{
	if (!arena)
		return;
	free_list(arena->shared);
	free_list(arena->large);
	free(arena);
}

static struct block *new_block(size_t size)
{
	if (size > SIZE_MAX - sizeof(struct block))
		mz_out_of_memory();
	struct block *b = malloc(sizeof *b + size);
	if (!b)
		mz_out_of_memory();
	b->next = b->prev = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

static void *alloc_large(struct mz_arena *arena, size_t size)
{
	struct block *b = new_block(size);
	b->used = size;
	b->next = arena->large;
	if (b->next)
		b->next->prev = b;
	arena->large = b;
	return b->data;
}

/* Resizes what alloc_large() returned, keeping its contents. */
static void *grow_large(struct mz_arena *arena, void *data, size_t size)
{
	struct block *old = (struct block *)((unsigned char *)data - offsetof(struct block, data));
	if (size > SIZE_MAX - sizeof(struct block))
		mz_out_of_memory();
	struct block *b = realloc(old, sizeof *b + size);
	if (!b)
		mz_out_of_memory();
	b->used = b->size = size;
	if (b->prev)
		b->prev->next = b;
	else
		arena->large = b;
	if (b->next)
		b->next->prev = b;
	return b->data;
}

/* Uninitialised memory, for callers that write all of it at once. */
static void *alloc_raw(struct mz_arena *arena, size_t size)
{
	if (size > LARGE)
		return alloc_large(arena, size);
	size_t rounded = (size + ALIGN - 1) / ALIGN * ALIGN;
	struct block *b = arena->shared;
	if (!b || b->size - b->used < rounded) {
		b = new_block(BLOCK_SIZE);
		b->next = arena->shared;
		arena->shared = b;
	}
	void *p = b->data + b->used;
	b->used += rounded;
	return p;
}

void *mz_alloc(struct mz_arena *arena, size_t size)
{
	return memset(alloc_raw(arena, size), 0, size);
}

void *mz_alloc_array(struct mz_arena *arena, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		mz_out_of_memory();
	return mz_alloc(arena, count * size);
}

char *mz_strndup(struct mz_arena *arena, const char *s, size_t len)
{
	char *copy = alloc_raw(arena, len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *mz_strdup(struct mz_arena *arena, const char *s)
{
	return mz_strndup(arena, s, strlen(s));
}

char *mz_vprintf(struct mz_arena *arena, const char *fmt, va_list ap)
{
	/* Most texts are short: one formatting pass into the stack, a second only when not. */
	char small[256];
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (len < 0)
		mz_out_of_memory();
	if ((size_t)len < sizeof small)
		return mz_strndup(arena, small, (size_t)len);
	char *s = alloc_raw(arena, (size_t)len + 1);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

char *mz_printf(struct mz_arena *arena, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = mz_vprintf(arena, fmt, ap);
	va_end(ap);
	return s;
}

/* Room for n more items, the capacity doubling as it grows. */
static void reserve(struct mz_arena *arena, struct mz_vec *vec, size_t item_size, size_t n)
{
	if (vec->cap - vec->len < n) {
		size_t cap = vec->cap ? vec->cap * 2 : 16;
		while (cap - vec->len < n)
			cap *= 2;
		if (cap > SIZE_MAX / item_size)
			mz_out_of_memory();
		size_t old_size = vec->cap * item_size, size = cap * item_size;
		if (old_size > LARGE) {
			vec->items = grow_large(arena, vec->items, size);
		} else {
			void *items = alloc_raw(arena, size);
			if (vec->len)
				memcpy(items, vec->items, old_size);
			vec->items = items;
		}
		vec->cap = cap;
	}
}

void *mz_vec_push(struct mz_arena *arena, struct mz_vec *vec, size_t item_size)
{
	reserve(arena, vec, item_size, 1);
	return memset((unsigned char *)vec->items + vec->len++ * item_size, 0, item_size);
}

void mz_text_printf(struct mz_arena *arena, struct mz_vec *text, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *piece = mz_vprintf(arena, fmt, ap);
	va_end(ap);
	size_t n = strlen(piece);
	reserve(arena, text, 1, n + 1);
	memcpy((char *)text->items + text->len, piece, n + 1);
	text->len += n; /* the NUL stays past the end */
}
