#ifndef IMPRINT_READ_WORDS_H
#define IMPRINT_READ_WORDS_H

/*
 * A document's vocabulary, for the readers that must tell a word broken at
 * a line or page end ("revolu-" + "tionary") from a real compound ("anti-" +
 * "Semitic"): the text reader (hard-wrapped lines) and the pdf-markdown
 * reader (page breaks).
 */

#include <glib.h>
#include <stdbool.h>

typedef struct read_words read_words;

/** How to join "head-" and "tail" broken across a line or page end. */
typedef enum {
    READ_JOIN_VOCABULARY, /* the joined word occurs elsewhere in the text */
    READ_JOIN_DICTIONARY, /* the hyphenation patterns allow a break there */
    READ_KEEP_COMPOUND,   /* "head-tail" occurs elsewhere: a real hyphen */
    READ_KEEP_UNKNOWN,    /* no evidence: keep the hyphen and warn */
} read_join;

/** The vocabulary (words, hyphenated compounds and word pairs, lower-cased)
 * of `text` (copied: each table is counted on the first question that needs
 * it), and the hyphenation patterns of `lang` if installed. Free with
 * read_words_free(). */
read_words *read_words_new(const char *text, const char *lang);

/** Frees the vocabulary. Accepts NULL. */
void read_words_free(read_words *w);

/** Decides how to join `head` (the letters before the hyphen) and `tail`. */
read_join read_words_join(read_words *w, const char *head, const char *tail);

/** How often the word pair "a b" occurs in the text (lower-cased words). */
unsigned read_words_pair_count(read_words *w, const char *a, const char *b);

/** How often `word` occurs in the text (compared lower-cased). */
unsigned read_words_count(read_words *w, const char *word);

/** Longest ending, in characters, read_words_endings() counts: suffixes
 * ("ing", "ness", "ation", "ically") are shorter; "specific" is no ending
 * of other words. */
#define READ_WORDS_ENDING_MAX_CHARS 8

/** How many distinct words of the text, longer than `tail`, end with it
 * (compared lower-cased; 0 when `tail` is longer than
 * READ_WORDS_ENDING_MAX_CHARS): many for a suffix ("ing"), few for a word
 * that ends a compound ("prone"). The index is built on the first call. */
unsigned read_words_endings(read_words *w, const char *tail);

#endif
