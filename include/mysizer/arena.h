/* One allocation arena per run: everything a run builds lives until the run ends. */
#ifndef MYSIZER_ARENA_H
#define MYSIZER_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct mz_arena;

struct mz_arena *mz_arena_new(void);
void mz_arena_free(struct mz_arena *arena);

/* Zeroed memory; never returns NULL (running out of memory ends the process). */
void *mz_alloc(struct mz_arena *arena, size_t size);
void *mz_alloc_array(struct mz_arena *arena, size_t count, size_t size);
char *mz_strndup(struct mz_arena *arena, const char *s, size_t len);
char *mz_strdup(struct mz_arena *arena, const char *s);
char *mz_printf(struct mz_arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *mz_vprintf(struct mz_arena *arena, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* A growable array in the arena; a large one grows in place. */
struct mz_vec {
	void *items;
	size_t len;
	size_t cap;
};

/* Returns a zeroed slot at the end of the array. */
void *mz_vec_push(struct mz_arena *arena, struct mz_vec *vec, size_t item_size);

/* Appends to a text kept as a vector of char, NUL-terminated: text->items is the string.
 * Building a long text this way takes linear space, where repeated mz_printf takes square. */
void mz_text_printf(struct mz_arena *arena, struct mz_vec *text, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Ends the process with "out of memory"; for the rare allocation made outside the arena. */
_Noreturn void mz_out_of_memory(void);

#endif
