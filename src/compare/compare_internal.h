#ifndef IMPRINT_COMPARE_INTERNAL_H
#define IMPRINT_COMPARE_INTERNAL_H

/* Shared by the parts of the comparison:
 *
 *   words.c    an article's words, normalised, each with its place
 *   index.c    the shingle index (postings sorted by shingle)
 *   dup.c      which articles share their text, through the index
 *   summary.c  what each of two copies has that the other lacks
 *   apply.c    what an edition does with the copies (warn, keep-fuller, error)
 *   diff.c     the word-level differences of two texts
 */

#include <glib.h>
#include <stdint.h>

#include "imprint/compare.h"

/* Overlap (percent of the larger copy's shingles found in the other) from
 * which two articles are variants of one text: one copy may lack a
 * bibliography, headings or a closing section, but most of each is the
 * other. The bundled corpus's variants share 94-98%, its unrelated articles
 * under 2%. */
#define DUP_VARIANT_OVERLAP 50

/* Fewest shingles two articles must share to be reported as variants at
 * all: two short texts with one phrase in common (a dozen words) are not
 * copies of one another, whatever share of them it is. Below
 * DUP_VARIANT_OVERLAP nothing is reported either: articles that share a
 * quotation, a bibliography or a reprinted passage are different texts. */
#define DUP_MIN_SHARED 16

/* A shingle found in more articles than this is boilerplate (a blog's
 * footer, a licence, a "share this" line) and not counted: it says nothing
 * about which articles are copies, and following it would make the cost
 * grow with the square of the number of articles. */
#define DUP_MAX_SHARERS 32

/* Most differences listed for each copy of a variant; the rest are
 * counted in one line. */
#define DUP_MAX_DETAILS 12

/* A paragraph of one copy counts as missing from the other when fewer than
 * this percent of its shingles are found there (a paragraph rewritten in
 * part is in both). */
#define DUP_BLOCK_PRESENT 50

/* One word of a text: folded for comparison, with where it stands. */
typedef struct {
    const char *word;          /* folded (NFKC, case folded), in the text's string chunk */
    guint64 hash;              /* of `word` */
    const char *orig;          /* the word as written, in its TEXT node (not NUL-ended) */
    size_t orig_len;           /* bytes of it */
    const imprint_node *text;  /* the TEXT node it is in */
    const imprint_node *block; /* the block that holds the text (paragraph, heading...) */
} cmp_word;

/* The words of an article (or of every article of a document), in reading
 * order: the body, then the notes. */
typedef struct {
    GArray *words; /* cmp_word */
    GStringChunk *chunk;
} cmp_text;

/* Fills `t` with the words of `node` (an ARTICLE, or a DOCUMENT: all its
 * articles); free with cmp_text_clear(). */
void cmp_text_init(cmp_text *t, const imprint_node *node);
void cmp_text_clear(cmp_text *t);

/* The hashes of the words of `node` (an ARTICLE or a DOCUMENT), the same
 * and in the same order as cmp_text_init() gives them, without the words
 * themselves (what detection needs): `*n` of them. The caller g_free()s
 * the array. */
guint64 *cmp_word_hashes(const imprint_node *node, guint *n);

/* The distinct shingle hashes of `t`, sorted (for cmp_has_shingle). */
GArray *cmp_shingles(const cmp_text *t);

/* Whether sorted `set` holds `h`. */
bool cmp_has_shingle(const GArray *set, guint64 h);

/* FNV-1a of `len` bytes, continuing `h` (start with CMP_HASH_START). */
#define CMP_HASH_START UINT64_C(14695981039346656037)
#define CMP_HASH_PRIME UINT64_C(1099511628211)
guint64 cmp_hash_bytes(guint64 h, const void *data, size_t len);

/* One word's hash mixed into a shingle's: a multiply and a shift a word
 * (the words' hashes are good already, and byte-wise FNV over 64 bytes a
 * shingle was most of the index's time). Inline: it runs once a word of
 * every shingle. */
static inline guint64 cmp_hash_mix(guint64 h, guint64 v)
{
    h = (h ^ v) * UINT64_C(0x9E3779B97F4A7C15);
    return h ^ (h >> 29);
}

/* The hash of the IMPRINT_DUP_SHINGLE_WORDS word hashes from `w`. */
static inline guint64 cmp_shingle_hash_of(const guint64 *w)
{
    guint64 h = CMP_HASH_START;
    for (int i = 0; i < IMPRINT_DUP_SHINGLE_WORDS; i++)
        h = cmp_hash_mix(h, w[i]);
    return h;
}

/* The hash of the IMPRINT_DUP_SHINGLE_WORDS words from `w`. */
static inline guint64 cmp_shingle_hash(const cmp_word *w)
{
    guint64 h = CMP_HASH_START;
    for (int i = 0; i < IMPRINT_DUP_SHINGLE_WORDS; i++)
        h = cmp_hash_mix(h, w[i].hash);
    return h;
}

/* index.c: one shingle of one article. */
typedef struct {
    guint64 key;     /* the shingle's hash */
    guint32 article; /* the article's index in the document */
} cmp_posting;

/* Sorts `n` postings by key, keeping the order of equal keys. */
void cmp_index_sort(cmp_posting *postings, size_t n);

/* Sorts `n` numbers ascending (a radix sort: a copy's shingles, thousands,
 * sorted without a comparison function call each). */
void cmp_sort_u64(guint64 *a, size_t n);

/* Where an article came from, for messages: its source file and line. */
const char *cmp_article_file(const imprint_node *article);
unsigned cmp_article_line(const imprint_node *article);

/* The article's position for a message about it (file, line, column). */
imprint_pos cmp_article_pos(const imprint_node *article);

/* "Title" as messages quote an article: its label. The caller g_free()s it. */
char *cmp_article_label(const imprint_node *article);

/* summary.c: what one copy of a variant has that the other lacks. */
typedef enum {
    CMP_HEADING,
    CMP_PARAGRAPH,
    CMP_LINK,
    CMP_NOTES,
    CMP_KINDS,
} cmp_kind;

typedef struct {
    imprint_pos pos;
    char *message; /* "heading “…” is not in the other copy (FILE:LINE)" */
} cmp_item;

typedef struct {
    const imprint_node *article;
    GArray *items;        /* cmp_item, in reading order within each kind */
    int count[CMP_KINDS]; /* items of each kind (CMP_NOTES: notes more than the other) */
} cmp_side;

/* Fills sides[0] with what `a` has that `b` lacks and sides[1] with the
 * reverse; free with cmp_side_clear(). */
void cmp_differences(const imprint_node *a, const imprint_node *b, cmp_side sides[2]);
void cmp_side_clear(cmp_side *side);

/* "2 headings, 5 paragraphs, 1 link and 16 notes", or NULL when the side
 * has nothing the other lacks. The caller g_free()s it. */
char *cmp_side_summary(const cmp_side *side);

/* Reports the side's items as notes, at most DUP_MAX_DETAILS, then a count
 * of the rest. */
void cmp_side_report(const cmp_side *side, imprint_diags *diags);

/* "the first words of `text`…" for quoting in messages: at most
 * CMP_QUOTE_WORDS words of the run from word `from` to `to` (exclusive) of
 * `t`, as written. The caller g_free()s it. */
char *cmp_quote(const cmp_text *t, guint from, guint to);

/* Most words quoted from a text in one message: enough to find the place,
 * short enough to read on one line. */
#define CMP_QUOTE_WORDS 12

#endif
