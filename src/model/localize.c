/* Quotation marks and spacing by the language's rules (language.h), applied
 * to the model once it is read. */
#include <string.h>

#include "model/language.h"

#define NNBSP 0x202F /* narrow no-break space */

/* Kinds of opening mark, for matching the closing one. */
#define OPEN_CURLY   'c' /* “ or a straight " */
#define OPEN_SINGLE  's' /* ‘ */
#define OPEN_LOW     'l' /* „ (closed by “ or ”) */
#define OPEN_LOW_S   'k' /* ‚ (closed by ‘ or ’) */
#define OPEN_GUILLEM 'g' /* « (French only) */

static bool plain_space(gunichar c)
{
    return c == ' ' || c == 0x00A0;
}

static void put(imprint_quote_state *st, GString *out, gunichar c)
{
    g_string_append_unichar(out, c);
    st->before = st->prev;
    st->prev = c;
}

static void put_str(imprint_quote_state *st, GString *out, const char *s)
{
    g_string_append(out, s);
    st->before = st->prev;
    st->prev = g_utf8_get_char(g_utf8_prev_char(s + strlen(s)));
}

/* Drops a plain space that `out` ends with (the one before a French mark);
 * the character before it, perhaps in an earlier text node, is then the
 * last one written. */
static bool drop_space(imprint_quote_state *st, GString *out)
{
    if (out->len > 0 && (out->str[out->len - 1] == ' ')) {
        g_string_truncate(out, out->len - 1);
    } else if (out->len > 1 && (guchar)out->str[out->len - 2] == 0xC2 &&
               (guchar)out->str[out->len - 1] == 0xA0) {
        g_string_truncate(out, out->len - 2);
    } else {
        return false;
    }
    st->prev = st->before;
    st->before = 0;
    return true;
}

/* Characters after which a quotation mark opens. */
static bool opens_after(gunichar prev)
{
    return prev == 0 || g_unichar_isspace(prev) || plain_space(prev) || prev == NNBSP ||
           prev == '(' || prev == '[' || prev == 0x2014 || prev == 0x2013 || prev == '-';
}

/* Opens a quotation of `kind`; false when they are nested too deep (the
 * mark is then written as it stands). */
static bool open_quote(const imprint_language_rules *r, imprint_quote_state *st, GString *out,
                       char kind)
{
    if (st->depth >= IMPRINT_LANGUAGE_MAX_QUOTE_DEPTH)
        return false;
    bool outer = st->depth % 2 == 0;
    st->open[st->depth++] = kind;
    put_str(st, out, outer ? r->open1 : r->open2);
    if (r->french_spacing && outer) {
        put(st, out, NNBSP);
        st->swallow = true;
    }
    return true;
}

static void close_quote(const imprint_language_rules *r, imprint_quote_state *st, GString *out)
{
    bool outer = --st->depth % 2 == 0;
    if (r->french_spacing && outer) {
        /* A space an earlier text node ended with cannot be taken back:
         * it stays, without a second one. */
        drop_space(st, out);
        if (st->prev != NNBSP && !plain_space(st->prev) && st->prev != 0)
            put(st, out, NNBSP);
    }
    put_str(st, out, outer ? r->close1 : r->close2);
}

static bool top_is(const imprint_quote_state *st, char a, char b)
{
    return st->depth > 0 && (st->open[st->depth - 1] == a || st->open[st->depth - 1] == b);
}

/* A French ; : ! ? gets a narrow no-break space before it: the space typed
 * there becomes one, and one is put after a word or a closing mark, unless
 * a letter, digit or / follows (10:30, http://, a?b stay as they are). */
static void french_punct(imprint_quote_state *st, GString *out, gunichar c, gunichar next)
{
    bool joined = next != 0 && (g_unichar_isalnum(next) || next == '/' || next == '=');
    if (!joined && plain_space(st->prev)) {
        if (drop_space(st, out) && st->prev != 0)
            put(st, out, NNBSP);
    } else if (!joined &&
               (g_unichar_isalnum(st->prev) || st->prev == 0x00BB || st->prev == 0x201D ||
                st->prev == 0x2019 || st->prev == ')' || st->prev == ']')) {
        put(st, out, NNBSP);
    }
    put(st, out, c);
}

/* One mark that may open or close a quotation; false when `c` is none. */
static bool quote_mark(const imprint_language_rules *r, imprint_quote_state *st, GString *out,
                       gunichar c, gunichar next)
{
    if ((c == 0x201D && top_is(st, OPEN_CURLY, OPEN_LOW)) ||
        (c == 0x201C && top_is(st, OPEN_LOW, OPEN_LOW)) ||
        (c == '"' && top_is(st, OPEN_CURLY, OPEN_CURLY) && !opens_after(st->prev)) ||
        (c == 0x00BB && r->french_spacing && top_is(st, OPEN_GUILLEM, OPEN_GUILLEM)) ||
        ((c == 0x2019 || c == 0x2018) && top_is(st, OPEN_LOW_S, OPEN_LOW_S)) ||
        (c == 0x2019 && top_is(st, OPEN_SINGLE, OPEN_SINGLE) && !g_unichar_isalpha(next))) {
        close_quote(r, st, out);
        return true;
    }
    if (c == 0x201C || (c == '"' && opens_after(st->prev)))
        return open_quote(r, st, out, OPEN_CURLY);
    if (c == 0x2018)
        return open_quote(r, st, out, OPEN_SINGLE);
    if (c == 0x201E)
        return open_quote(r, st, out, OPEN_LOW);
    if (c == 0x201A)
        return open_quote(r, st, out, OPEN_LOW_S);
    if (c == 0x00AB && r->french_spacing)
        return open_quote(r, st, out, OPEN_GUILLEM);
    return false;
}

void imprint_language_localize(const imprint_language_rules *r, imprint_quote_state *st,
                               GString *out, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        gunichar c = g_utf8_get_char(p);
        const char *q = g_utf8_next_char(p);
        gunichar next = q < end ? g_utf8_get_char(q) : 0;
        if (st->swallow && (plain_space(c) || c == NNBSP)) {
            p = q;
            continue;
        }
        st->swallow = false;
        if (quote_mark(r, st, out, c, next)) {
            p = q;
            continue;
        }
        if (r->french_spacing && (c == ';' || c == ':' || c == '!' || c == '?'))
            french_punct(st, out, c, next);
        else
            put(st, out, c);
        p = q;
    }
}

static const char *localize_string(imprint_doc *doc, const imprint_language_rules *r,
                                   imprint_quote_state *st, const char *s, size_t len)
{
    GString *out = g_string_sized_new(len + 8);
    imprint_language_localize(r, st, out, s, len);
    const char *copy = imprint_arena_strndup(doc->arena, out->str, out->len);
    g_string_free(out, TRUE);
    return copy;
}

/* Every text of `root`'s subtree but a link's (an address shown as its own
 * text must stay as written) and code's (a French space before ':' would
 * change a program). */
static void localize_tree(imprint_doc *doc, const imprint_language_rules *r, imprint_node *root)
{
    imprint_iter it;
    imprint_quote_state st = {0};
    int in_link = 0;
    imprint_event ev;
    imprint_iter_init(&it, root);
    while ((ev = imprint_iter_next(&it)) != IMPRINT_EVENT_DONE) {
        imprint_node *n = (imprint_node *)it.node;
        if (n->kind == IMPRINT_NODE_LINK || n->kind == IMPRINT_NODE_CODE) {
            in_link += ev == IMPRINT_EVENT_ENTER ? 1 : -1;
        } else if (ev == IMPRINT_EVENT_ENTER && imprint_node_kind_holds_text(n->kind)) {
            st = (imprint_quote_state){0}; /* a quotation does not run on past its block */
        } else if (n->kind == IMPRINT_NODE_TEXT && in_link == 0 && n->as.text.len > 0) {
            const char *s = localize_string(doc, r, &st, n->as.text.text, n->as.text.len);
            /* A new string: the run buffer appends grew in is no longer the text. */
            n->as.text.text = s;
            n->as.text.len = strlen(s);
            n->as.text.run = NULL;
            n->as.text.run_cap = 0;
        }
    }
}

static void localize_field(imprint_doc *doc, const imprint_language_rules *r, const char **field)
{
    if (!*field)
        return;
    imprint_quote_state st = {0};
    *field = localize_string(doc, r, &st, *field, strlen(*field));
}

static void localize_article(imprint_doc *doc, const imprint_language_rules *r, imprint_node *a)
{
    localize_field(doc, r, &a->as.article.title);
    localize_field(doc, r, &a->as.article.subtitle);
    localize_tree(doc, r, a);
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note)
        localize_tree(doc, r, n);
}

/* The rules for `lang`, or NULL (warned once a language: `warned` holds
 * the tags already reported). */
static const imprint_language_rules *rules_for(const char *lang, imprint_pos at, GHashTable *warned,
                                               imprint_diags *diags)
{
    const imprint_language_rules *r = imprint_language_find(lang);
    if (!r && !g_hash_table_contains(warned, lang)) {
        g_hash_table_add(warned, (gpointer)lang);
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, at,
                             "no typography rules for language '%s': quotation marks and "
                             "spacing are left as written",
                             lang);
    }
    return r;
}

void imprint_language_localize_doc(imprint_doc *doc, imprint_pos edition_pos, imprint_diags *diags)
{
    GHashTable *warned = g_hash_table_new(g_str_hash, g_str_equal);
    const char *doc_lang = doc->meta.language;
    if (!imprint_language_is_english(doc_lang)) {
        const imprint_language_rules *r = rules_for(doc_lang, edition_pos, warned, diags);
        if (r) {
            localize_field(doc, r, &doc->meta.title);
            localize_field(doc, r, &doc->meta.subtitle);
        }
    }
    for (imprint_node *a = doc->root->first_child; a; a = a->next) {
        const char *lang = a->as.article.lang ? a->as.article.lang : doc_lang;
        if (imprint_language_is_english(lang))
            continue;
        const imprint_language_rules *r =
            rules_for(lang, a->as.article.lang ? a->pos : edition_pos, warned, diags);
        if (r)
            localize_article(doc, r, a);
    }
    g_hash_table_unref(warned);
}
