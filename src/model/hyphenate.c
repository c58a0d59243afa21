#include "model/hyphenate.h"

#include <glib/gstdio.h>

#include "model/hyphen_builtin.h"
#include <hyphen.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

/* The patterns are read on the first word long enough to break, so that a
 * build that hyphenates nothing (TEI, EPUB, a vocabulary never consulted)
 * does not pay for loading them. Loading is once for all threads. */
struct imprint_hyphenator {
    HyphenDict *dict;
    gsize loaded; /* g_once_init_*: 1 once `dict` is set (NULL when it failed) */
    bool builtin; /* `dict` made from compiled tables (builtin_free, not hnj_hyphen_free) */
    char *path;
};

/* The dictionary chain of compiled tables: only the state arrays are made
 * (pointers into the tables); libhyphen reads the machine, never writes it. */
static HyphenDict *builtin_dict(const imprint_hyph_builtin *b)
{
    HyphenDict *first = NULL, **link = &first;
    for (size_t l = 0; l < b->nlevels; l++) {
        const imprint_hyph_level *lv = &b->levels[l];
        HyphenDict *d = g_new0(HyphenDict, 1);
        d->lhmin = lv->lhmin;
        d->rhmin = lv->rhmin;
        d->clhmin = lv->clhmin;
        d->crhmin = lv->crhmin;
        d->nohyphen = lv->nohyphen == IMPRINT_HYPH_NONE ? NULL : (char *)b->strings + lv->nohyphen;
        d->nohyphenl = lv->nohyphenl;
        d->num_states = lv->num_states;
        memcpy(d->cset, lv->cset, sizeof d->cset);
        d->utf8 = lv->utf8;
        d->states = g_new(HyphenState, lv->num_states);
        for (int32_t i = 0; i < lv->num_states; i++) {
            const imprint_hyph_state *st = &lv->states[i];
            d->states[i] = (HyphenState){
                .match = st->match == IMPRINT_HYPH_NONE ? NULL : (char *)b->strings + st->match,
                .repl = st->repl == IMPRINT_HYPH_NONE ? NULL : (char *)b->strings + st->repl,
                .replindex = st->replindex,
                .replcut = st->replcut,
                .fallback_state = st->fallback_state,
                .num_trans = st->num_trans,
                .trans = st->num_trans ? (HyphenTrans *)lv->trans + st->trans : NULL,
            };
        }
        *link = d;
        link = &d->nextlevel;
    }
    return first;
}

static void builtin_free(HyphenDict *d)
{
    while (d) {
        HyphenDict *next = d->nextlevel;
        g_free(d->states);
        g_free(d);
        d = next;
    }
}

/* The compiled tables of the file at `path` when it is, byte for byte (by
 * size and hash), one they were made from; else NULL. */
static const imprint_hyph_builtin *builtin_for(const char *path)
{
    if (imprint_hyph_builtin_count == 0)
        return NULL;
    gchar *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, NULL))
        return NULL;
    guint64 hash = imprint_hyph_file_hash(data, len);
    g_free(data);
    for (size_t i = 0; i < imprint_hyph_builtin_count; i++)
        if (imprint_hyph_builtins[i].size == len && imprint_hyph_builtins[i].hash == hash)
            return &imprint_hyph_builtins[i];
    return NULL;
}

static HyphenDict *dict_of(const imprint_hyphenator *h)
{
    imprint_hyphenator *m = (imprint_hyphenator *)h; /* the cache is not the value */
    if (g_once_init_enter(&m->loaded)) {
        const imprint_hyph_builtin *b = builtin_for(m->path);
        if (b) {
            m->dict = builtin_dict(b);
            m->builtin = true;
        } else {
            m->dict = hnj_hyphen_load(m->path);
        }
        g_once_init_leave(&m->loaded, 1);
    }
    return m->dict;
}

#define SOFT_HYPHEN "\xC2\xAD"

/* Minimum letters kept before and after a break; the dictionary may ask for more. */
#define LEFT_MIN  2
#define RIGHT_MIN 3

static char *first_match(const char *dir, const char *prefix)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return NULL;
    /* Sorted, so that the choice does not depend on directory order. */
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (g_str_has_prefix(name, prefix) && g_str_has_suffix(name, ".dic"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    char *found = NULL;
    if (names->len > 0) {
        g_ptr_array_sort(names, (GCompareFunc)g_ascii_strcasecmp);
        found = g_build_filename(dir, g_ptr_array_index(names, 0), NULL);
    }
    g_ptr_array_unref(names);
    return found;
}

/* dir/hyph_LL_CC.dic (`cc` NULL: dir/hyph_LL.dic) when it is a file, else NULL. */
static char *dict_file(const char *dir, const char *ll, const char *cc)
{
    char *up = cc ? g_ascii_strup(cc, -1) : NULL;
    char *name =
        up ? g_strdup_printf("hyph_%s_%s.dic", ll, up) : g_strdup_printf("hyph_%s.dic", ll);
    char *path = g_build_filename(dir, name, NULL);
    g_free(name);
    g_free(up);
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
        g_clear_pointer(&path, g_free);
    return path;
}

/* Candidate file names for `lang`, most specific first. */
static char *find_dict(const char *lang, const char *dir)
{
    char **parts = g_strsplit_set(lang, "-_", -1);
    char *found = NULL;
    char *ll = g_ascii_strdown(parts[0] ? parts[0] : "", -1);
    if (!*ll || strchr(ll, '/') || strchr(ll, '.'))
        goto cleanup;
    if (parts[0] && parts[1])
        found = dict_file(dir, ll, parts[g_strv_length(parts) - 1]);
    if (!found)
        found = dict_file(dir, ll, NULL);
    if (!found) /* the language's home country (es_ES, ru_RU) before any other */
        found = dict_file(dir, ll, ll);
    if (!found) {
        char *prefix = g_strdup_printf("hyph_%s_", ll);
        found = first_match(dir, prefix);
        g_free(prefix);
    }
cleanup:
    g_free(ll);
    g_strfreev(parts);
    return found;
}

imprint_hyphenator *imprint_hyphenator_new(const char *lang, const char *dict_dir)
{
    if (!lang || !*lang)
        return NULL;
    char *path = find_dict(lang, dict_dir ? dict_dir : IMPRINT_HYPHEN_DICT_DIR);
    if (!path)
        return NULL;
    if (g_access(path, R_OK) != 0) {
        g_free(path);
        return NULL;
    }
    imprint_hyphenator *h = g_new0(imprint_hyphenator, 1);
    h->path = path;
    return h;
}

const char *imprint_hyphenator_path(const imprint_hyphenator *h)
{
    return h->path;
}

bool imprint_hyphenator_loaded(const imprint_hyphenator *h)
{
    imprint_hyphenator *m = (imprint_hyphenator *)h; /* GLib's atomics take no const */
    return g_atomic_pointer_get(&m->loaded) != 0;
}

bool imprint_hyphenator_builtin(const imprint_hyphenator *h)
{
    return dict_of(h) && h->builtin;
}

void imprint_hyphenator_free(imprint_hyphenator *h)
{
    if (!h)
        return;
    if (h->builtin)
        builtin_free(h->dict);
    else if (h->dict)
        hnj_hyphen_free(h->dict);
    g_free(h->path);
    g_free(h);
}

static void free_nonstandard(char **rep, int *pos, int *cut, size_t n)
{
    if (rep) {
        for (size_t i = 0; i < n; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
}

/* `lower` (UTF-8) in the dictionary's character set: itself for a UTF-8
 * dictionary, a converted copy for a single-byte one, NULL when the word
 * has a letter the set lacks (it is then not hyphenated). */
static char *in_dict_charset(const HyphenDict *dict, char *lower, size_t len)
{
    if (dict->utf8)
        return lower;
    gsize written = 0;
    char *conv = g_convert(lower, (gssize)len, dict->cset, "UTF-8", NULL, &written, NULL);
    if (conv && written != (gsize)g_utf8_strlen(lower, (gssize)len)) {
        g_free(conv); /* not one byte a character: positions would not line up */
        conv = NULL;
    }
    return conv;
}

/* Appends one word that the limits allow to break, hyphenated. */
static void hyphenate_word(HyphenDict *dict, GString *out, const char *w, size_t len)
{
    char *lower = g_utf8_strdown(w, (gssize)len);
    /* Patterns are lower case; a case change that alters byte lengths
     * (rare: dotted İ) would misalign the break positions, so skip it. */
    if (strlen(lower) != len) {
        g_free(lower);
        g_string_append_len(out, w, (gssize)len);
        return;
    }
    char *word = in_dict_charset(dict, lower, len);
    if (!word) {
        g_free(lower);
        g_string_append_len(out, w, (gssize)len);
        return;
    }
    char hyphens[IMPRINT_HYPHEN_MAX_WORD + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    memset(hyphens, 0, sizeof hyphens);
    int rc = hnj_hyphen_hyphenate3(dict, word, (int)strlen(word), hyphens, NULL, &rep, &pos, &cut,
                                   LEFT_MIN, RIGHT_MIN, LEFT_MIN, RIGHT_MIN);
    /* With a UTF-8 dictionary libhyphen reports break points per character,
     * not per byte, and a single-byte one (ISO8859-1 German, KOI8-R
     * Russian) has one byte a character: either way, odd = a break is
     * allowed after that character. Non-standard breaks (with replacement
     * text) are not used: Pango cannot respell a word. */
    size_t k = 0;
    for (const char *p = w; p < w + len; p = g_utf8_next_char(p), k++) {
        const char *next = g_utf8_next_char(p);
        g_string_append_len(out, p, next - p);
        if (rc == 0 && next < w + len && (hyphens[k] & 1) && !(rep && rep[k]))
            g_string_append(out, SOFT_HYPHEN);
    }
    free_nonstandard(rep, pos, cut, strlen(word));
    if (word != lower)
        g_free(word);
    g_free(lower);
}

/* Appends one word (letters only), hyphenated when the limits allow; with a
 * `cache`, each word's patterns are run once. */
static void append_word(const imprint_hyphenator *h, GHashTable *cache, GString *out, const char *w,
                        size_t len, size_t nchars)
{
    HyphenDict *dict = NULL;
    if (!h || nchars < IMPRINT_HYPHEN_MIN_WORD || len > IMPRINT_HYPHEN_MAX_WORD ||
        !(dict = dict_of(h))) {
        g_string_append_len(out, w, (gssize)len);
        return;
    }
    if (!cache) {
        hyphenate_word(dict, out, w, len);
        return;
    }
    char key[IMPRINT_HYPHEN_MAX_WORD + 1];
    memcpy(key, w, len);
    key[len] = '\0';
    const char *known = g_hash_table_lookup(cache, key);
    if (!known) {
        GString *one = g_string_sized_new(len + 8);
        hyphenate_word(dict, one, w, len);
        known = one->str;
        g_hash_table_insert(cache, g_strdup(key), g_string_free(one, FALSE));
    }
    g_string_append(out, known);
}

GHashTable *imprint_hyphenate_cache_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

void imprint_hyphenate_append(const imprint_hyphenator *h, GString *out, const char *text,
                              size_t len)
{
    imprint_hyphenate_append_cached(h, NULL, out, text, len);
}

void imprint_hyphenate_append_cached(const imprint_hyphenator *h, GHashTable *cache, GString *out,
                                     const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        /* Copy everything up to the next word. */
        const char *q = p;
        while (q < end) {
            gunichar c = g_utf8_get_char(q);
            if (g_unichar_isalpha(c))
                break;
            q = g_utf8_next_char(q);
        }
        g_string_append_len(out, p, q - p);
        if (q >= end)
            break;
        /* A word: letters and combining marks. A word glued to digits or
         * already carrying soft hyphens is left as it is. */
        const char *w = q;
        size_t nchars = 0;
        bool plain = true;
        while (q < end) {
            gunichar c = g_utf8_get_char(q);
            if (g_unichar_isdigit(c) || c == 0xAD)
                plain = false;
            else if (!g_unichar_isalpha(c) && !g_unichar_ismark(c))
                break;
            nchars++;
            q = g_utf8_next_char(q);
        }
        if (plain)
            append_word(h, cache, out, w, (size_t)(q - w), nchars);
        else
            g_string_append_len(out, w, q - w);
        p = q;
    }
}
