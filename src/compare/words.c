/* An article's words, normalised for comparison: the one tokeniser of the
 * comparison, so that detection, summaries and diffs see the same words. */
#include "compare/compare_internal.h"

#include <string.h>

#include "model/nfc.h"

guint64 cmp_hash_bytes(guint64 h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= CMP_HASH_PRIME;
    }
    return h;
}

/* Apostrophes inside a word ("don’t", "don't", "don´t") are one character. */
static bool is_apostrophe(gunichar c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x00B4 || c == 0x02BC;
}

static bool is_word_char(gunichar c)
{
    return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

/* Folds the word [s, s+len), not all ASCII, through NFKC (ligatures,
 * full-width letters) and case folding. */
static const char *fold(cmp_text *t, const char *s, size_t len, GString *buf)
{
    g_string_truncate(buf, 0);
    char *nfkc = imprint_normalize(s, (gssize)len, G_NORMALIZE_ALL_COMPOSE);
    char *folded = g_utf8_casefold(nfkc ? nfkc : s, nfkc ? -1 : (gssize)len);
    for (char *p = folded; *p; p = g_utf8_next_char(p))
        if (is_apostrophe(g_utf8_get_char(p)))
            g_string_append_c(buf, '\'');
        else
            g_string_append_len(buf, p, g_utf8_next_char(p) - p);
    g_free(folded);
    g_free(nfkc);
    return g_string_chunk_insert_len(t->chunk, buf->str, (gssize)buf->len);
}

static void add_word(cmp_text *t, const imprint_node *text, const imprint_node *block,
                     const char *s, size_t len, bool ascii, GString *buf)
{
    cmp_word w = {.orig = s, .orig_len = len, .text = text, .block = block};
    if (ascii) {
        /* Most words: folded and hashed (as cmp_hash_bytes) in one pass. */
        char *word = g_string_chunk_insert_len(t->chunk, s, (gssize)len);
        guint64 h = CMP_HASH_START;
        for (size_t i = 0; i < len; i++) {
            word[i] = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] + 'a' - 'A') : word[i];
            h = (h ^ (unsigned char)word[i]) * CMP_HASH_PRIME;
        }
        w.word = word;
        w.hash = h;
    } else {
        w.word = fold(t, s, len, buf);
        w.hash = cmp_hash_bytes(CMP_HASH_START, w.word, strlen(w.word));
    }
    g_array_append_val(t->words, w);
}

/* Splits a TEXT node into words: runs of letters, digits and marks, with
 * apostrophes between letters; everything else (white space, no-break
 * spaces, quotes, dashes, punctuation) only separates words. */
static void add_text(cmp_text *t, const imprint_node *text, const imprint_node *block, GString *buf)
{
    const char *s = text->as.text.text, *end = s + text->as.text.len;
    const char *start = NULL;
    bool ascii = true;
    for (const char *p = s; p < end;) {
        /* ASCII, most of every text, without a Unicode table lookup. */
        gunichar c = (unsigned char)*p < 0x80 ? (gunichar)*p : g_utf8_get_char(p);
        const char *next = c < 0x80 ? p + 1 : g_utf8_next_char(p);
        bool inside = c < 0x80 ? g_ascii_isalnum((char)c) : is_word_char(c);
        if (!inside && start && is_apostrophe(c) && next < end &&
            is_word_char(g_utf8_get_char(next)))
            inside = true;
        if (inside) {
            if (!start) {
                start = p;
                ascii = true;
            }
            ascii = ascii && c < 0x80;
        } else if (start) {
            add_word(t, text, block, start, (size_t)(p - start), ascii, buf);
            start = NULL;
        }
        p = next;
    }
    if (start)
        add_word(t, text, block, start, (size_t)(end - start), ascii, buf);
}

/* Blocks that hold text themselves: a word belongs to the nearest one. */
static bool holds_text(imprint_node_kind k)
{
    return k == IMPRINT_NODE_HEADING || k == IMPRINT_NODE_PARAGRAPH || k == IMPRINT_NODE_CITATION ||
           k == IMPRINT_NODE_LINE || k == IMPRINT_NODE_CELL || k == IMPRINT_NODE_FIGURE ||
           k == IMPRINT_NODE_BIBL;
}

static void add_subtree(cmp_text *t, const imprint_node *root, GString *buf)
{
    imprint_iter it;
    imprint_iter_init(&it, root);
    const imprint_node *block = root;
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (it.event == IMPRINT_EVENT_ENTER && holds_text(n->kind))
            block = n;
        else if (it.event == IMPRINT_EVENT_ENTER && n->kind == IMPRINT_NODE_TEXT)
            add_text(t, n, block, buf);
    }
}

static void add_article(cmp_text *t, const imprint_node *article, GString *buf)
{
    add_subtree(t, article, buf);
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note)
        add_subtree(t, n, buf);
}

/* Words reserved at first: an article's worth, so that the array is not
 * copied a dozen times as it grows word by word. */
#define CMP_WORDS_RESERVE 4096

void cmp_text_init(cmp_text *t, const imprint_node *node)
{
    t->words = g_array_sized_new(FALSE, FALSE, sizeof(cmp_word), CMP_WORDS_RESERVE);
    t->chunk = g_string_chunk_new(4096);
    GString *buf = g_string_new(NULL);
    if (node->kind == IMPRINT_NODE_DOCUMENT) {
        for (const imprint_node *a = node->first_child; a; a = a->next)
            add_article(t, a, buf);
    } else {
        add_article(t, node, buf);
    }
    g_string_free(buf, TRUE);
}

void cmp_text_clear(cmp_text *t)
{
    if (t->words)
        g_array_unref(t->words);
    if (t->chunk)
        g_string_chunk_free(t->chunk);
    t->words = NULL;
    t->chunk = NULL;
}

guint64 cmp_hash_mix(guint64 h, guint64 v)
{
    /* A multiply and a shift a word: the words' hashes are good already,
     * and byte-wise FNV over 64 bytes a shingle was most of the index's time. */
    h = (h ^ v) * UINT64_C(0x9E3779B97F4A7C15);
    return h ^ (h >> 29);
}

guint64 cmp_shingle_hash(const cmp_word *w)
{
    guint64 h = CMP_HASH_START;
    for (int i = 0; i < IMPRINT_DUP_SHINGLE_WORDS; i++)
        h = cmp_hash_mix(h, w[i].hash);
    return h;
}

static gint compare_u64(gconstpointer a, gconstpointer b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

GArray *cmp_shingles(const cmp_text *t)
{
    GArray *set = g_array_new(FALSE, FALSE, sizeof(guint64));
    guint n = t->words->len;
    for (guint i = 0; i + IMPRINT_DUP_SHINGLE_WORDS <= n; i++) {
        guint64 h = cmp_shingle_hash(&g_array_index(t->words, cmp_word, i));
        g_array_append_val(set, h);
    }
    g_array_sort(set, compare_u64);
    guint out = 0;
    for (guint i = 0; i < set->len; i++)
        if (out == 0 || g_array_index(set, guint64, out - 1) != g_array_index(set, guint64, i))
            g_array_index(set, guint64, out++) = g_array_index(set, guint64, i);
    g_array_set_size(set, out);
    return set;
}

bool cmp_has_shingle(const GArray *set, guint64 h)
{
    guint lo = 0, hi = set->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        guint64 v = g_array_index(set, guint64, mid);
        if (v == h)
            return true;
        if (v < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

const char *cmp_article_file(const imprint_node *a)
{
    const char *f = a->as.article.source_file ? a->as.article.source_file : a->pos.file;
    return f ? f : "";
}

unsigned cmp_article_line(const imprint_node *a)
{
    return a->as.article.source_line ? a->as.article.source_line : a->pos.line;
}

imprint_pos cmp_article_pos(const imprint_node *a)
{
    return (imprint_pos){cmp_article_file(a), cmp_article_line(a), a->pos.col ? a->pos.col : 1};
}

char *cmp_article_label(const imprint_node *a)
{
    return imprint_article_label(a);
}

char *cmp_quote(const cmp_text *t, guint from, guint to)
{
    GString *out = g_string_new(NULL);
    guint last = MIN(to, from + CMP_QUOTE_WORDS);
    /* Each run of words in one TEXT node as written, punctuation and all;
     * runs joined by a space. */
    for (guint i = from; i < last;) {
        const cmp_word *w = &g_array_index(t->words, cmp_word, i);
        guint j = i + 1;
        while (j < last && g_array_index(t->words, cmp_word, j).text == w->text)
            j++;
        const cmp_word *e = &g_array_index(t->words, cmp_word, j - 1);
        if (out->len)
            g_string_append_c(out, ' ');
        g_string_append_len(out, w->orig, e->orig + e->orig_len - w->orig);
        i = j;
    }
    for (char *p = out->str; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    if (to > last)
        g_string_append(out, "…");
    return g_string_free(out, FALSE);
}
