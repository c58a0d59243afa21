#ifndef IMPRINT_COMPARE_H
#define IMPRINT_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "imprint/diag.h"
#include "imprint/model.h"

/*
 * Comparing articles (src/compare): the copies of one text that archives
 * collect from several scrapes and exports. Words are compared after
 * normalising: case folded, NFC, quotes, dashes, no-break spaces and every
 * other mark of punctuation or white space only separating words.
 */

/** What `duplicates:` in an edition does with two copies of a text. */
typedef enum {
    IMPRINT_DUPLICATES_WARN,        /* report them and keep both (the default) */
    IMPRINT_DUPLICATES_KEEP_FULLER, /* keep the copy with more content, drop the other */
    IMPRINT_DUPLICATES_ERROR,       /* the edition fails */
} imprint_duplicates_mode;

/** Two articles of a document that share their text. */
typedef struct {
    const imprint_node *first;  /* the one earlier in the document */
    const imprint_node *second; /* the later one (the message points at it) */
    bool same;                  /* the same words in the same order; else a variant */
    int overlap;                /* percent of the larger copy's shingles found in the other */
} imprint_dup_pair;

/** The pairs found in a document, in document order of `second`, then of
 * `first`. Made by imprint_compare_find(); free with imprint_dups_free(). */
typedef struct {
    imprint_dup_pair *pairs;
    size_t npairs;
    /** Work done: pairs of articles that share a shingle (each judged
     * once), and pairs counted shingle by shingle (for tests and benchmarks
     * that the cost grows with the text). */
    size_t candidates;
    size_t visits;
} imprint_dups;

/** Finds every pair of articles of `doc` that share their text, through an
 * index of shingles (runs of IMPRINT_DUP_SHINGLE_WORDS words: every
 * article's, sorted by shingle), so that the cost grows with the length of
 * the text rather than with the square of the number of articles. The
 * document must outlive the result. */
imprint_dups *imprint_compare_find(const imprint_doc *doc);

/** Frees the pairs. Accepts NULL. */
void imprint_dups_free(imprint_dups *dups);

/** Reports every pair at the later article, as `warning: same text as
 * FILE:LINE "TITLE"` or `warning: variant of FILE:LINE "TITLE" (N% of the
 * text shared)` followed by notes, each at its line, on what each copy has
 * that the other lacks (headings, paragraphs, links, notes). With `sev` IMPRINT_SEV_ERROR the
 * warnings are errors. */
void imprint_compare_report(const imprint_dups *dups, imprint_severity sev, imprint_diags *diags);

/** Finds the pairs of `doc` (imprint_compare_find()) and applies `mode`:
 * reports them (as errors with IMPRINT_DUPLICATES_ERROR), names each copy a
 * witness of the other (imprint_article_add_witness), and with
 * IMPRINT_DUPLICATES_KEEP_FULLER unlinks from the document the lesser copy of
 * each group of copies (fewer words, then fewer notes, links, headings; the
 * earlier on a tie), saying which with a note. `edition` (may be NULL) is
 * where messages about the edition as a whole point. Returns false when
 * `mode` is IMPRINT_DUPLICATES_ERROR and there was a pair. */
bool imprint_compare_apply(imprint_doc *doc, imprint_duplicates_mode mode, const char *edition,
                           imprint_diags *diags);

/** Largest number of word changes (words only in one text, counted on both
 * sides) that imprint_compare_diff() works out. Past it the two texts are
 * not variants of one another but different texts, and the edit graph's
 * trace, (MAX + 1)² cells of 4 bytes (16 MB at 2,000), is not kept. */
#define IMPRINT_DIFF_MAX_EDITS 2000

/** Compares the words of `a` and `b` (each an ARTICLE, or a DOCUMENT: all
 * its articles in order) and reports each difference as a warning at its
 * place, in the compiler convention: words of `a` replaced by others of `b`
 * (at `a`'s words, quoting both and naming `b`'s place), words only in `a`
 * (at them), words only in `b` (at them). Returns the number of
 * differences (0: the same words), or -1 when more than
 * IMPRINT_DIFF_MAX_EDITS words differ (reported as an error). */
long imprint_compare_diff(const imprint_node *a, const imprint_node *b, imprint_diags *diags);

/** Words in a shingle, the unit shared text is found by: eight words in a
 * row are rarely common to two texts by chance (a set phrase is shorter),
 * and a shared sentence is longer. */
#define IMPRINT_DUP_SHINGLE_WORDS 8

#endif
