#ifndef IMPRINT_MD_MAP_H
#define IMPRINT_MD_MAP_H

/*
 * Internal to the markdown reader: a text made of pieces of a source and of
 * literal strings, with the way back from each of its bytes to the source.
 * The pandoc pass (pandoc.c) writes the CommonMark cmark reads into one, so
 * that every position cmark reports can be told in the user's file.
 */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/** From `out` on, the text's bytes came from the source at `src` on (or, for
 * a literal, all stand at `src`). */
typedef struct {
    size_t out;
    size_t src;
    bool literal;
} md_mark;

/** A text and its map; marks are in the order of `out`. */
typedef struct {
    GString *text;
    GArray *marks; /* md_mark */
} md_map;

/** Starts an empty text. Free it with md_map_clear(). */
void md_map_init(md_map *m);

/** Frees what `m` holds; `m` may then be initialised again. */
void md_map_clear(md_map *m);

/** Appends `len` bytes of `src` from offset `off`, mapped to where they stand. */
void md_map_src(md_map *m, const char *src, size_t off, size_t len);

/** Appends the literal `s` (`len` bytes), standing at source offset `at`. */
void md_map_lit(md_map *m, const char *s, size_t len, size_t at);

/** Appends `len` bytes of `from`'s text at `off`, each mapped to the source
 * byte `from` maps it to. */
void md_map_copy(md_map *m, const md_map *from, size_t off, size_t len);

/** The source offset the text's byte `off` stands for (`off` may be the
 * text's length: the end). An empty text maps everything to 0. */
size_t md_map_src_of(const md_map *m, size_t off);

#endif
