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

/* Words reserved at first: an article's worth, so that the array is not
 * copied a dozen times as it grows word by word. */
#define CMP_WORDS_RESERVE 4096

/* Where the tokeniser puts each word: the words of a cmp_text, or only
 * their hashes (detection needs nothing else, and a cmp_word is six times
 * the size of its hash). */
typedef struct {
    cmp_text *t;     /* NULL: hashes only */
    guint64 *hashes; /* when `t` is NULL */
    size_t len, cap; /* words added, and room: in `hashes`, or in t->words */
    GString *buf;    /* a folded word */
} sink;

/* Folds the word [s, s+len), not all ASCII, through NFKC (ligatures,
 * full-width letters) and case folding, into `buf`. */
static void fold(const char *s, size_t len, GString *buf)
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
}

/* ASCII lower case, inline (GLib's g_ascii_tolower is a function call). */
static inline unsigned char lower_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* A word kept whole, for a cmp_text (see add_hashed). */
static void add_full(sink *k, const imprint_node *text, const imprint_node *block, const char *s,
                     size_t len, const char *folded, size_t folded_len, guint64 h)
{
    char *word;
    if (folded) {
        word = g_string_chunk_insert_len(k->t->chunk, folded, (gssize)folded_len);
    } else {
        word = g_string_chunk_insert_len(k->t->chunk, s, (gssize)len);
        for (size_t i = 0; i < len; i++)
            word[i] = (char)lower_ascii((unsigned char)word[i]);
    }
    GArray *words = k->t->words;
    /* Grown by halves as GArray would, but filled in place: no call a word. */
    if (k->len == k->cap) {
        k->cap = k->cap ? k->cap + k->cap / 2 : CMP_WORDS_RESERVE;
        g_array_set_size(words, (guint)k->cap);
    }
    g_array_index(words, cmp_word, k->len++) = (cmp_word){
        .word = word, .hash = h, .orig = s, .orig_len = len, .text = text, .block = block};
}

/* Adds a word, `h` its hash (of the folded word at `folded`, `len`
 * bytes; NULL: an ASCII word, folded here by lower-casing). Inline: for
 * detection, once a word, it only stores the hash. */
static inline void add_hashed(sink *k, const imprint_node *text, const imprint_node *block,
                              const char *s, size_t len, const char *folded, size_t folded_len,
                              guint64 h)
{
    if (k->t) {
        add_full(k, text, block, s, len, folded, folded_len, h);
        return;
    }
    if (k->len == k->cap) {
        k->cap = k->cap ? 2 * k->cap : CMP_WORDS_RESERVE;
        k->hashes = g_renew(guint64, k->hashes, k->cap);
    }
    k->hashes[k->len++] = h;
}

/* FNV-1a of an ASCII byte lower-cased: the hash of a folded ASCII word,
 * as cmp_hash_bytes() of it. */
static inline guint64 hash_lower(guint64 h, unsigned char c)
{
    return (h ^ lower_ascii(c)) * CMP_HASH_PRIME;
}

/* fold() of a word of ASCII and typographic apostrophes (U+2018, U+2019,
 * U+02BC: "Trotsky’s", most words outside ASCII in English text), which
 * NFKC and case folding leave as they are but for the letters' case: into
 * `buf` without GLib's tables. False, `buf` undefined, for any other word
 * (U+00B4 among them: NFKC decomposes it). */
static bool fold_apostrophes(const char *s, size_t len, GString *buf)
{
    g_string_truncate(buf, 0);
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            g_string_append_c(buf, (char)lower_ascii(b));
            i++;
        } else if (b == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
            g_string_append_c(buf, '\'');
            i += 3;
        } else if (b == 0xCA && i + 1 < len && (unsigned char)s[i + 1] == 0xBC) {
            g_string_append_c(buf, '\'');
            i += 2;
        } else {
            return false;
        }
    }
    return true;
}

static void add_word(sink *k, const imprint_node *text, const imprint_node *block, const char *s,
                     size_t len, bool ascii)
{
    if (ascii) {
        guint64 h = CMP_HASH_START;
        for (size_t i = 0; i < len; i++)
            h = hash_lower(h, (unsigned char)s[i]);
        add_hashed(k, text, block, s, len, NULL, 0, h);
        return;
    }
    if (!fold_apostrophes(s, len, k->buf))
        fold(s, len, k->buf);
    add_hashed(k, text, block, s, len, k->buf->str, k->buf->len,
               cmp_hash_bytes(CMP_HASH_START, k->buf->str, k->buf->len));
}

/* What a byte is to the tokeniser: W_ALNUM an ASCII letter or digit,
 * W_OTHER an apostrophe or a byte of a character outside ASCII (looked at
 * as a character), W_SEPARATOR any other ASCII (spaces, punctuation). */
enum { W_SEPARATOR = 0, W_ALNUM = 1, W_OTHER = 2 };
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* Splits a TEXT node into words: runs of letters, digits and marks, with
 * apostrophes between letters; everything else (white space, no-break
 * spaces, quotes, dashes, punctuation) only separates words. */
static void add_text(sink *k, const imprint_node *text, const imprint_node *block)
{
    const char *s = text->as.text.text, *end = s + text->as.text.len;
    const char *start = NULL;
    bool ascii = true;
    for (const char *p = s; p < end;) {
        int cls = start ? W_OTHER : byte_class[(unsigned char)*p];
        if (cls == W_SEPARATOR) { /* between words: spaces and punctuation */
            p++;
            continue;
        }
        if (cls == W_ALNUM) {
            /* A run of ASCII letters and digits, hashed as it is read:
             * when an ASCII separator ends it, it is a whole word (most
             * words); else the general path below goes on. */
            const char *q = p;
            guint64 h = CMP_HASH_START;
            while (q < end && byte_class[(unsigned char)*q] == W_ALNUM)
                h = hash_lower(h, (unsigned char)*q++);
            if (q == end || byte_class[(unsigned char)*q] == W_SEPARATOR) {
                add_hashed(k, text, block, p, (size_t)(q - p), NULL, 0, h);
                p = q;
                continue;
            }
            start = p;
            ascii = true;
            p = q;
            continue;
        }
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
            add_word(k, text, block, start, (size_t)(p - start), ascii);
            start = NULL;
        }
        p = next;
    }
    if (start)
        add_word(k, text, block, start, (size_t)(end - start), ascii);
}

static void add_subtree(sink *k, const imprint_node *root)
{
    imprint_iter it;
    imprint_iter_init(&it, root);
    const imprint_node *block = root;
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (it.event == IMPRINT_EVENT_ENTER && imprint_node_kind_holds_text(n->kind))
            block = n; /* a word belongs to the nearest block that holds text */
        else if (it.event == IMPRINT_EVENT_ENTER && n->kind == IMPRINT_NODE_TEXT)
            add_text(k, n, block);
    }
}

static void add_article(sink *k, const imprint_node *article)
{
    add_subtree(k, article);
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note)
        add_subtree(k, n);
}

static void add_node(sink *k, const imprint_node *node)
{
    if (node->kind == IMPRINT_NODE_DOCUMENT) {
        for (const imprint_node *a = node->first_child; a; a = a->next)
            add_article(k, a);
    } else {
        add_article(k, node);
    }
}

void cmp_text_init(cmp_text *t, const imprint_node *node)
{
    t->words = g_array_sized_new(FALSE, FALSE, sizeof(cmp_word), CMP_WORDS_RESERVE);
    t->chunk = g_string_chunk_new(4096);
    sink k = {.t = t, .buf = g_string_new(NULL)};
    add_node(&k, node);
    g_array_set_size(t->words, (guint)k.len); /* what add_full filled */
    g_string_free(k.buf, TRUE);
}

guint64 *cmp_word_hashes(const imprint_node *node, guint *n)
{
    sink k = {.buf = g_string_new(NULL)};
    add_node(&k, node);
    g_string_free(k.buf, TRUE);
    *n = (guint)k.len;
    return k.hashes ? k.hashes : g_new(guint64, 1);
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

GArray *cmp_shingles(const cmp_text *t)
{
    guint n = t->words->len;
    guint count = n >= IMPRINT_DUP_SHINGLE_WORDS ? n - IMPRINT_DUP_SHINGLE_WORDS + 1 : 0;
    GArray *set = g_array_sized_new(FALSE, FALSE, sizeof(guint64), count);
    g_array_set_size(set, count);
    guint64 *h = (guint64 *)(void *)set->data;
    const cmp_word *w = (const cmp_word *)(const void *)t->words->data;
    for (guint i = 0; i < count; i++)
        h[i] = cmp_shingle_hash(w + i);
    cmp_sort_u64(h, count);
    guint out = 0;
    for (guint i = 0; i < count; i++)
        if (out == 0 || h[out - 1] != h[i])
            h[out++] = h[i];
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
