#ifndef IMPRINT_ARENA_H
#define IMPRINT_ARENA_H

#include <stddef.h>

/**
 * A bump allocator: one per document, it owns every node and string of that
 * document. Memory is released all at once by imprint_arena_free(); single
 * allocations are never freed. Allocation failure aborts (as g_malloc does).
 */
typedef struct imprint_arena imprint_arena;

/** Creates an empty arena. The caller owns it and frees it with imprint_arena_free(). */
imprint_arena *imprint_arena_new(void);

/** Frees the arena and everything allocated from it. Accepts NULL. */
void imprint_arena_free(imprint_arena *arena);

/** Returns `size` zeroed bytes aligned for any type, owned by the arena. */
void *imprint_arena_alloc(imprint_arena *arena, size_t size);

/** Copies `len` bytes of `s` and a terminating NUL into the arena. */
char *imprint_arena_strndup(imprint_arena *arena, const char *s, size_t len);

/** Copies the NUL-terminated `s` into the arena; NULL gives NULL. */
char *imprint_arena_strdup(imprint_arena *arena, const char *s);

/** printf into the arena. */
char *imprint_arena_printf(imprint_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Moves everything allocated from `from` into `to`: what `from` handed out
 * stays where it is and is now owned by `to`, freed with it; `from` is left
 * empty (still to be freed by its owner). Lets a document read on another
 * thread, in an arena of its own, join the edition's document. */
void imprint_arena_adopt(imprint_arena *to, imprint_arena *from);

/** Total bytes handed out so far (for benchmarks and limit tests). */
size_t imprint_arena_used(const imprint_arena *arena);

#endif
