#ifndef IMPRINT_HYPHENATE_H
#define IMPRINT_HYPHENATE_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

/** Hyphenation patterns for one language, loaded with libhyphen. Owned by the
 * caller; free with imprint_hyphenator_free(). */
typedef struct imprint_hyphenator imprint_hyphenator;

/** Folder of libhyphen dictionaries on Debian (hyphen-en-us and friends). */
#define IMPRINT_HYPHEN_DICT_DIR "/usr/share/hyphen"

/** Longest word (in bytes) that is hyphenated; longer "words" are URLs or
 * junk, and libhyphen works on fixed buffers of the word's size. */
#define IMPRINT_HYPHEN_MAX_WORD 64

/** Shortest word (in characters) that is hyphenated: shorter words gain
 * nothing and a split two-letter fragment reads badly. */
#define IMPRINT_HYPHEN_MIN_WORD 5

/** Finds the patterns for BCP 47 `lang` ("en", "en-US", "de-CH") in
 * `dict_dir` (NULL: IMPRINT_HYPHEN_DICT_DIR), trying hyph_<ll>_<CC>.dic,
 * hyph_<ll>.dic, then the first hyph_<ll>_*.dic. Returns NULL when none is
 * installed or readable (the caller decides whether to warn). The patterns
 * themselves are loaded on the first word that could be hyphenated, once,
 * safely from several threads. */
imprint_hyphenator *imprint_hyphenator_new(const char *lang, const char *dict_dir);

/** The dictionary file in use (borrowed). */
const char *imprint_hyphenator_path(const imprint_hyphenator *h);

/** Whether the patterns have been loaded yet (a word was long enough to
 * need them). */
bool imprint_hyphenator_loaded(const imprint_hyphenator *h);

/** Whether the patterns came from the tables compiled into the program
 * (model/hyphen_builtin.h: the dictionary file is the one they were made
 * from) rather than read by libhyphen. Loads them if they were not yet. */
bool imprint_hyphenator_builtin(const imprint_hyphenator *h);

/** Frees the patterns. Accepts NULL. */
void imprint_hyphenator_free(imprint_hyphenator *h);

/** Appends `len` bytes of UTF-8 `text` to `out` with a soft hyphen (U+00AD)
 * at each place the patterns allow a word to break. Words with digits,
 * existing soft hyphens, or outside the length limits are copied unchanged. */
void imprint_hyphenate_append(const imprint_hyphenator *h, GString *out, const char *text,
                              size_t len);

/** A cache of hyphenated words for imprint_hyphenate_append_cached(), for
 * one hyphenator and one thread at a time; free with g_hash_table_unref(). */
GHashTable *imprint_hyphenate_cache_new(void);

/** imprint_hyphenate_append(), with each word's break points remembered in
 * `cache` (NULL: none): running text repeats its words, so the patterns run
 * once a word. The output is the same. */
void imprint_hyphenate_append_cached(const imprint_hyphenator *h, GHashTable *cache, GString *out,
                                     const char *text, size_t len);

#endif
