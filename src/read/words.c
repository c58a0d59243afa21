/* The document vocabulary that tells a word broken at a line or page end
 * ("revolu-" + "tionary") from a real compound ("anti-" + "Semitic"). */
#include "read/words.h"

#include <string.h>

#include "model/hyphenate.h"

#define SOFT_HYPHEN "\xC2\xAD"

struct read_words {
    char *text;            /* the text, until both tables below are built */
    GHashTable *words;     /* lower-cased word -> count; NULL: not built yet */
    GHashTable *compounds; /* "a-b" lower-cased -> count (built with `words`) */
    GHashTable *pairs;     /* "a b" -> count; NULL: not built yet */
    GHashTable *endings;   /* a word's ending -> words with it, built on demand */
    imprint_hyphenator *hyph;
};

/* A key and its count in one allocation: a word seen again costs one
 * lookup, not a lookup, a steal and an insert. */
typedef struct {
    unsigned n;
    char key[];
} counted;

static GHashTable *counts_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
}

/* Adds one to the count of `key`, copied only the first time. */
static void bump(GHashTable *t, const char *key)
{
    counted *c = g_hash_table_lookup(t, key);
    if (c) {
        c->n++;
        return;
    }
    size_t len = strlen(key);
    c = g_malloc(sizeof *c + len + 1);
    c->n = 1;
    memcpy(c->key, key, len + 1);
    g_hash_table_insert(t, c->key, c);
}

static unsigned count_of(GHashTable *t, const char *key)
{
    const counted *c = g_hash_table_lookup(t, key);
    return c ? c->n : 0;
}

static bool is_word_char(gunichar c)
{
    return g_unichar_isalnum(c) || c == '\'' || c == 0x2019;
}

/* The end of the word that starts at `p`: ASCII letters and digits (most
 * of any text) without the Unicode tables. */
static const char *word_end(const char *p)
{
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            if (!g_ascii_isalnum(c) && c != '\'')
                return p;
            p++;
        } else if (is_word_char(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
        } else {
            return p;
        }
    }
}

/* `out` = [s, s+len) lower-cased: ASCII (most words) without the Unicode
 * tables. */
static void lower(GString *out, const char *s, size_t len)
{
    g_string_truncate(out, 0);
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            char *d = g_utf8_strdown(s, (gssize)len);
            g_string_assign(out, d);
            g_free(d);
            return;
        }
        char c = s[i];
        g_string_append_c(out, c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c);
    }
}

/* `key` = a, sep, b. */
static const char *joined(GString *key, const GString *a, char sep, const GString *b)
{
    g_string_truncate(key, 0);
    g_string_append_len(key, a->str, (gssize)a->len);
    g_string_append_c(key, sep);
    g_string_append_len(key, b->str, (gssize)b->len);
    return key->str;
}

/* Counts the words of the text with the compounds they make (`pairs`
 * false) or the word pairs (true): two passes, each made only when asked
 * for (a pdf export's search asks for pairs only, a wrapped text for
 * words only). */
static void count_text(read_words *w, bool pairs)
{
    GHashTable *table = counts_new(), *compounds = pairs ? NULL : counts_new();
    GString *word = g_string_new(NULL), *key = g_string_new(NULL);
    GString *prev = g_string_new(NULL);          /* previous word, if only spaces/quotes since */
    bool has_prev = false, has_compound = false; /* (a hyphen after `prev`) */
    const char *p = w->text;
    bool closed = true; /* whether a '>' may still follow */
    while (*p) {
        if (*p == '<' && closed) { /* inline HTML tags are not words */
            const char *gt = strchr(p, '>');
            if (gt) {
                p = gt + 1;
                continue;
            }
            closed = false; /* no '>' to the end: never search again */
        }
        unsigned char b = (unsigned char)*p;
        bool alnum = b < 0x80 ? g_ascii_isalnum(b) : g_unichar_isalnum(g_utf8_get_char(p));
        if (!alnum) {
            if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '(' ||
                b == ')' || b == '\n')
                has_prev = false;
            if (b != '-')
                has_compound = false;
            p = b < 0x80 ? p + 1 : g_utf8_next_char(p);
            continue;
        }
        const char *start = p;
        p = word_end(p);
        lower(word, start, (size_t)(p - start));
        if (!pairs)
            bump(table, word->str);
        else if (has_prev)
            bump(table, joined(key, prev, ' ', word));
        if (has_compound && !pairs)
            bump(compounds, joined(key, prev, '-', word));
        GString *t = prev; /* the word is the next one's previous */
        prev = word;
        word = t;
        has_prev = true;
        has_compound = *p == '-';
    }
    g_string_free(word, TRUE);
    g_string_free(key, TRUE);
    g_string_free(prev, TRUE);
    if (pairs) {
        w->pairs = table;
    } else {
        w->words = table;
        w->compounds = compounds;
    }
    if (w->words && w->pairs) {
        g_free(w->text);
        w->text = NULL;
    }
}

static GHashTable *words_of(read_words *w)
{
    if (!w->words)
        count_text(w, false);
    return w->words;
}

read_words *read_words_new(const char *text, const char *lang)
{
    read_words *w = g_new0(read_words, 1);
    w->text = g_strdup(text);
    w->hyph = imprint_hyphenator_new(lang ? lang : "en", NULL);
    return w;
}

void read_words_free(read_words *w)
{
    if (!w)
        return;
    g_free(w->text);
    if (w->words)
        g_hash_table_destroy(w->words);
    if (w->compounds)
        g_hash_table_destroy(w->compounds);
    if (w->pairs)
        g_hash_table_destroy(w->pairs);
    if (w->endings)
        g_hash_table_destroy(w->endings);
    imprint_hyphenator_free(w->hyph);
    g_free(w);
}

unsigned read_words_pair_count(read_words *w, const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    if (!w->pairs)
        count_text(w, true);
    char *key = g_strconcat(a, " ", b, NULL);
    unsigned n = count_of(w->pairs, key);
    g_free(key);
    return n;
}

/* Whether the patterns allow `word` to break after its first `at` bytes. */
static bool dictionary_allows(const imprint_hyphenator *h, const char *word, size_t at)
{
    GString *out = g_string_new(NULL);
    imprint_hyphenate_append(h, out, word, strlen(word));
    size_t plain = 0;
    bool ok = false;
    for (const char *p = out->str; *p;) {
        if (strncmp(p, SOFT_HYPHEN, 2) == 0) {
            if (plain == at)
                ok = true;
            p += 2;
            continue;
        }
        plain++;
        p++;
    }
    g_string_free(out, TRUE);
    return ok;
}

read_join read_words_join(read_words *w, const char *head, const char *tail)
{
    char *h = g_utf8_strdown(head, -1), *t = g_utf8_strdown(tail, -1);
    char *joined = g_strconcat(h, t, NULL);
    char *compound = g_strconcat(h, "-", t, NULL);
    read_join verdict = READ_KEEP_UNKNOWN;
    /* the broken word itself is two words in the text, never the joined one */
    if (g_hash_table_contains(words_of(w), joined))
        verdict = READ_JOIN_VOCABULARY;
    else if (g_hash_table_contains(w->compounds, compound))
        verdict = READ_KEEP_COMPOUND;
    else if (w->hyph && dictionary_allows(w->hyph, joined, strlen(h)))
        verdict = READ_JOIN_DICTIONARY;
    g_free(h);
    g_free(t);
    g_free(joined);
    g_free(compound);
    return verdict;
}

unsigned read_words_count(read_words *w, const char *word)
{
    char *key = g_utf8_strdown(word, -1);
    unsigned n = count_of(words_of(w), key);
    g_free(key);
    return n;
}

/* Every ending of up to READ_WORDS_ENDING_MAX_CHARS characters of every
 * word, its first character aside, counted once a word. */
static GHashTable *endings_new(GHashTable *words)
{
    GHashTable *endings = counts_new();
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, words);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        const char *word = key;
        const char *end = word + strlen(word), *p = end;
        for (unsigned n = 0; n < READ_WORDS_ENDING_MAX_CHARS; n++) {
            const char *q = g_utf8_find_prev_char(word, p);
            if (!q || q == word)
                break;
            p = q;
            bump(endings, p);
        }
    }
    return endings;
}

unsigned read_words_endings(read_words *w, const char *tail)
{
    if (!w->endings)
        w->endings = endings_new(words_of(w));
    char *key = g_utf8_strdown(tail, -1);
    unsigned n = count_of(w->endings, key);
    g_free(key);
    return n;
}
