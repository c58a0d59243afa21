#include "imprint/arena.h"

#include <glib.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

/* Chunk size for ordinary allocations; larger requests get a chunk of their own. */
#define CHUNK_SIZE (64u * 1024u)
#define ALIGNMENT  (sizeof(max_align_t))

typedef struct chunk {
    struct chunk *prev;
    size_t size;
    size_t used;
    max_align_t data[];
} chunk;

struct imprint_arena {
    chunk *head;
    size_t used;
};

imprint_arena *imprint_arena_new(void)
{
    return g_new0(imprint_arena, 1);
}

void imprint_arena_free(imprint_arena *arena)
{
    if (!arena)
        return;
    chunk *c = arena->head;
    while (c) {
        chunk *prev = c->prev;
        g_free(c);
        c = prev;
    }
    g_free(arena);
}

static chunk *chunk_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(chunk))
        g_error("imprint: allocation of %zu bytes overflows", size);
    chunk *c = g_malloc(sizeof(chunk) + size);
    c->prev = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

void *imprint_arena_alloc(imprint_arena *arena, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ALIGNMENT)
        g_error("imprint: allocation of %zu bytes overflows", size);
    size_t rounded = (size + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    chunk *c = arena->head;
    if (!c || c->size - c->used < rounded) {
        if (rounded > CHUNK_SIZE / 4) {
            /* Big blocks go in a chunk of their own behind the current one, so
             * the current chunk's free space is not wasted. */
            chunk *big = chunk_new(rounded);
            big->used = rounded;
            if (c) {
                big->prev = c->prev;
                c->prev = big;
            } else {
                arena->head = big;
            }
            arena->used += rounded;
            memset(big->data, 0, rounded);
            return big->data;
        }
        c = chunk_new(CHUNK_SIZE);
        c->prev = arena->head;
        arena->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += rounded;
    arena->used += rounded;
    memset(p, 0, rounded);
    return p;
}

char *imprint_arena_strndup(imprint_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        g_error("imprint: string too long");
    char *p = imprint_arena_alloc(arena, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *imprint_arena_strdup(imprint_arena *arena, const char *s)
{
    if (!s)
        return NULL;
    return imprint_arena_strndup(arena, s, strlen(s));
}

char *imprint_arena_printf(imprint_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *tmp = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *p = imprint_arena_strdup(arena, tmp);
    g_free(tmp);
    return p;
}

void imprint_arena_adopt(imprint_arena *to, imprint_arena *from)
{
    if (!from->head)
        return;
    /* Behind `to`'s current chunk, whose free space stays in use. */
    chunk *oldest = from->head;
    while (oldest->prev)
        oldest = oldest->prev;
    if (to->head) {
        oldest->prev = to->head->prev;
        to->head->prev = from->head;
    } else {
        to->head = from->head;
    }
    to->used += from->used;
    from->head = NULL;
    from->used = 0;
}

size_t imprint_arena_used(const imprint_arena *arena)
{
    return arena->used;
}
