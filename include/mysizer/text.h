/* Text from the user's files, made safe to show on a terminal. */
#ifndef MYSIZER_TEXT_H
#define MYSIZER_TEXT_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes s[0..len) with every byte that would not show as itself escaped: control characters as
 * \t \n \r or \xNN, C1 controls and bytes that are not UTF-8 as \xNN. Option files may hold
 * any byte; a message must not let one of them move the cursor or recolour the terminal.
 */
void mz_put_visible(FILE *f, const char *s, size_t len);

/* s if it is UTF-8 without C1 controls, else a copy in the arena with each other byte as the
 * text \xNN: what JSON and SARIF may carry. */
struct mz_arena;
const char *mz_utf8(struct mz_arena *arena, const char *s);

/* Levenshtein distance: how far a typo is from the name it meant. */
size_t mz_edit_distance(const char *a, const char *b);

#endif
