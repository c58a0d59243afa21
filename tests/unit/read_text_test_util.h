/* Helpers shared by the text reader's tests (header-only: each test program
 * is one translation unit). */
#ifndef READ_TEXT_TEST_UTIL_H
#define READ_TEXT_TEST_UTIL_H

#include <glib.h>
#include <string.h>

#include "imprint/model.h"
#include "imprint/reader.h"
#include "model/typography.h"

typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    int articles;
    char *path;
    char *data;
    size_t len;
} rt_result;

static G_GNUC_UNUSED void rt_result_free(rt_result *r)
{
    imprint_doc_free(r->doc);
    imprint_diags_free(r->diags);
    g_free(r->path);
    g_free(r->data);
}

/* Reads `len` bytes as the text dialect, checking the tree when it read. */
static G_GNUC_UNUSED rt_result rt_read_buffer(const char *path, const char *data, size_t len,
                                              const char *const *split)
{
    rt_result r = {0};
    r.doc = imprint_doc_new();
    r.diags = imprint_diags_new();
    r.path = g_strdup(path);
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEXT, .split = split};
    r.articles = imprint_read_text(r.doc, r.path, data, len, &opts, r.diags);
    if (r.articles >= 0) {
        GString *problems = g_string_new(NULL);
        gboolean ok = imprint_doc_check(r.doc, problems);
        if (!ok)
            g_printerr("%s", problems->str);
        g_assert_true(ok);
        g_string_free(problems, TRUE);
    }
    return r;
}

static G_GNUC_UNUSED rt_result rt_read_file(const char *path, const char *const *split)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, &len, &err))
        g_error("%s", err->message);
    rt_result r = rt_read_buffer(path, data, len, split);
    r.data = data;
    r.len = len;
    return r;
}

static G_GNUC_UNUSED rt_result rt_read_fixture(const char *name)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", name, NULL);
    rt_result r = rt_read_file(path, NULL);
    g_free(path);
    return r;
}

static G_GNUC_UNUSED imprint_node *rt_article(rt_result *r, int n)
{
    imprint_node *a = r->doc->root->first_child;
    while (a && n-- > 0)
        a = a->next;
    g_assert_nonnull(a);
    return a;
}

/* The n-th child of `parent` (0-based). */
static G_GNUC_UNUSED imprint_node *rt_child(imprint_node *parent, int n)
{
    imprint_node *c = parent->first_child;
    while (c && n-- > 0)
        c = c->next;
    g_assert_nonnull(c);
    return c;
}

static G_GNUC_UNUSED int rt_count_children(const imprint_node *parent)
{
    int n = 0;
    for (const imprint_node *c = parent->first_child; c; c = c->next)
        n++;
    return n;
}

static G_GNUC_UNUSED const char *rt_text(rt_result *r, const imprint_node *n)
{
    return imprint_node_plain_text(r->doc, n);
}

/* Whether a diagnostic of `sev` containing `needle` was reported at `line`. */
static G_GNUC_UNUSED gboolean rt_has_diag(rt_result *r, imprint_severity sev, unsigned line,
                                          const char *needle)
{
    for (size_t i = 0; i < imprint_diags_len(r->diags); i++) {
        const imprint_diag *d = imprint_diags_get(r->diags, i);
        if (d->severity == sev && (line == 0 || d->line == line) && strstr(d->message, needle))
            return TRUE;
    }
    return FALSE;
}

static G_GNUC_UNUSED void rt_dump_outline(rt_result *r)
{
    for (imprint_node *a = r->doc->root->first_child; a; a = a->next) {
        g_printerr("%u: article [%d notes] %s\n", a->as.article.source_line,
                   a->as.article.note_count, a->as.article.title ? a->as.article.title : "");
        for (imprint_node *c = a->first_child; c; c = c->next)
            if (c->kind == IMPRINT_NODE_HEADING)
                g_printerr("%u:   heading %d: %s\n", c->pos.line, c->as.heading.level,
                           rt_text(r, c));
    }
}

/* ---- word conservation ---------------------------------------------- */

typedef struct {
    unsigned line, col, width;
    size_t seq;
    const char *text;
} rt_piece;

static G_GNUC_UNUSED void rt_add_piece(GArray *pieces, unsigned line, unsigned col, unsigned width,
                                       const char *text)
{
    rt_piece p = {line, col, width, pieces->len, text};
    g_array_append_val(pieces, p);
}

static G_GNUC_UNUSED void rt_collect(GArray *pieces, GPtrArray *owned, const imprint_node *n)
{
    switch (n->kind) {
    case IMPRINT_NODE_TEXT:
        rt_add_piece(pieces, n->pos.line, n->pos.col, (unsigned)g_utf8_strlen(n->as.text.text, -1),
                     n->as.text.text);
        return;
    case IMPRINT_NODE_NOTEREF: {
        char *digits = g_strdup_printf("%d", n->as.noteref.number);
        rt_add_piece(pieces, n->pos.line, n->pos.col, (unsigned)strlen(digits), "");
        g_free(digits);
        return;
    }
    case IMPRINT_NODE_SPEECH: {
        char *s = g_strdup_printf("%s:", n->as.speech.speaker);
        g_ptr_array_add(owned, s);
        rt_add_piece(pieces, n->pos.line, n->pos.col, (unsigned)g_utf8_strlen(s, -1), s);
        break;
    }
    case IMPRINT_NODE_FIGURE:
        /* the text it stood for holds its caption ("[Illustration: …]") */
        if (n->as.figure.placeholder) {
            rt_add_piece(pieces, n->pos.line, n->pos.col,
                         (unsigned)g_utf8_strlen(n->as.figure.placeholder, -1),
                         n->as.figure.placeholder);
            return;
        }
        break;
    case IMPRINT_NODE_ARTICLE:
        if (n->as.article.title)
            rt_add_piece(pieces, n->as.article.source_line, n->pos.col,
                         (unsigned)g_utf8_strlen(n->as.article.title, -1), n->as.article.title);
        for (const imprint_node *note = n->as.article.first_note; note;
             note = note->as.note.next_note)
            rt_collect(pieces, owned, note);
        break;
    default:
        break;
    }
    for (const imprint_node *c = n->first_child; c; c = c->next)
        rt_collect(pieces, owned, c);
}

static G_GNUC_UNUSED gint rt_piece_cmp(gconstpointer a, gconstpointer b)
{
    const rt_piece *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static G_GNUC_UNUSED gboolean rt_is_space(gunichar c)
{
    return g_unichar_isspace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0xFEFF ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
}

/* Splits on white space, dropping superscript digits (note markers), after
 * the reader's typography. */
static G_GNUC_UNUSED void rt_words(const char *s, GPtrArray *out, GArray *lines, unsigned line)
{
    char *t = imprint_typography_apply(s, strlen(s));
    GString *w = g_string_new(NULL);
    for (const char *p = t;; p = g_utf8_next_char(p)) {
        gunichar c = *p ? g_utf8_get_char(p) : 0;
        if (c == 0 || rt_is_space(c)) {
            if (w->len) {
                g_ptr_array_add(out, g_strdup(w->str));
                if (lines)
                    g_array_append_val(lines, line);
                g_string_truncate(w, 0);
            }
            if (!c)
                break;
            continue;
        }
        if (imprint_typography_superscript_digit(p, strlen(p), NULL) >= 0)
            continue;
        g_string_append_unichar(w, c);
    }
    g_string_free(w, TRUE);
    g_free(t);
}

static G_GNUC_UNUSED gboolean rt_is_marker_word(const char *w)
{
    return g_regex_match_simple(
        "^([0-9]{1,3}[.)]|[a-z][.)]|[•*◦▪-]|\\[[0-9]{1,3}\\]|<[0-9]{1,3}>)$", w, 0, 0);
}

/* "-----+-----", "+----+====+", "|----+----|": a drawn table's rule (a
 * '+', three dashes at least, bars where it meets them, nothing else), no
 * word. */
static G_GNUC_UNUSED gboolean rt_is_crossed_rule_word(const char *w)
{
    size_t dashes = 0;
    for (const char *p = w; *p; p++) {
        if (*p != '-' && *p != '=' && *p != '+' && *p != '|')
            return FALSE;
        dashes += *p == '-' || *p == '=';
    }
    return strchr(w, '+') && dashes >= 3;
}

/* Every word of `data` appears in the model's text, in source order (list
 * markers, which become list structure, and rules of `-` or `=` may be
 * absent). Returns NULL or a
 * description of the first word missing. */
static G_GNUC_UNUSED char *rt_check_words(imprint_doc *doc, const char *data, size_t len)
{
    GPtrArray *src = g_ptr_array_new_with_free_func(g_free);
    GArray *src_lines = g_array_new(FALSE, FALSE, sizeof(unsigned));
    char *raw = g_strndup(data, len);
    /* a sidenote's tag becomes the sidenote: its words are what is left */
    GRegex *side = g_regex_new("^\\[Sidenote:[ ]*((?:[^\\]\\n]|\\n(?!\\r?\\n))*)\\]\\r?$",
                               G_REGEX_MULTILINE | G_REGEX_CASELESS, 0, NULL);
    char *sided = g_regex_replace(side, raw, -1, 0, "\\1", 0, NULL);
    g_regex_unref(side);
    /* a transcriber's diamonds round a sidenote ("♦Harbour dues.♦") are
     * marks, not words: left out on both sides */
    GRegex *diamonds = g_regex_new("\u2666", 0, 0, NULL);
    char *copy = g_regex_replace_literal(diamonds, sided, -1, 0, "", 0, NULL);
    g_free(sided);
    g_free(raw);
    char **lines = g_strsplit(copy, "\n", -1);
    for (unsigned i = 0; lines[i]; i++) {
        char *nfc = g_utf8_normalize(lines[i], -1, G_NORMALIZE_NFC);
        rt_words(nfc ? nfc : "", src, src_lines, i + 1);
        g_free(nfc);
    }
    g_strfreev(lines);
    g_free(copy);

    GArray *pieces = g_array_new(FALSE, FALSE, sizeof(rt_piece));
    GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
    rt_collect(pieces, owned, doc->root);
    g_array_sort(pieces, rt_piece_cmp);
    GString *flat = g_string_new(NULL);
    unsigned prev_line = 0, prev_end = 0;
    for (guint i = 0; i < pieces->len; i++) {
        const rt_piece *p = &g_array_index(pieces, rt_piece, i);
        if (p->line != prev_line || p->col > prev_end)
            g_string_append_c(flat, ' ');
        g_string_append(flat, p->text);
        prev_line = p->line;
        prev_end = p->col + p->width;
    }
    GPtrArray *model = g_ptr_array_new_with_free_func(g_free);
    char *bare = g_regex_replace_literal(diamonds, flat->str, -1, 0, "", 0, NULL);
    g_regex_unref(diamonds);
    rt_words(bare, model, NULL, 0);
    g_free(bare);

    char *problem = NULL;
    guint j = 0;
    for (guint i = 0; i < src->len && !problem; i++) {
        const char *w = src->pdata[i];
        if (j < model->len && strcmp(w, model->pdata[j]) == 0) {
            j++;
            continue;
        }
        /* a rule under a table's heads marks its header row and is no word,
         * nor is a rule with crossings ("-----+-----") of a drawn table */
        if (rt_is_marker_word(w) || g_regex_match_simple("^(-{3,}|={3,})$", w, 0, 0) ||
            rt_is_crossed_rule_word(w))
            continue;
        /* "|Shown", "forward.|Ammunition": a drawn table's bars part cells */
        if (strchr(w, '|')) {
            char **parts = g_strsplit(w, "|", -1);
            gboolean all = TRUE;
            for (char **q = parts; *q && all; q++)
                if (**q && (all = j < model->len && strcmp(*q, model->pdata[j]) == 0))
                    j++;
            g_strfreev(parts);
            if (all)
                continue;
        }
        /* "Wagner" "(00:01:18):": a turn's time stamp, which the model keeps at
         * the head of the words, right after the colon it gives the name
         * ("Wagner:(00:01:18)", the two pieces touching) */
        if (i + 1 < src->len && j < model->len) {
            const char *next = src->pdata[i + 1];
            size_t nl = strlen(next);
            char *joined = nl > 1 && next[nl - 1] == ':'
                               ? g_strdup_printf("%s:%.*s", w, (int)(nl - 1), next)
                               : NULL;
            bool same = joined && strcmp(joined, model->pdata[j]) == 0;
            g_free(joined);
            if (same) {
                i++;
                j++;
                continue;
            }
        }
        /* "[Speaker", "1]" or "1]:": the brackets the reader took off a voice's
         * name, the model's name ending in the colon it gives every speaker */
        if (w[0] == '[' && j < model->len && strcmp(w + 1, model->pdata[j]) == 0) {
            j++;
            continue;
        }
        size_t bl = strlen(w);
        bl -= bl > 1 && w[bl - 1] == ':';
        if (bl > 1 && w[bl - 1] == ']' && j < model->len && strlen(model->pdata[j]) == bl &&
            strncmp(w, model->pdata[j], bl - 1) == 0 &&
            ((const char *)model->pdata[j])[bl - 1] == ':') {
            j++;
            continue;
        }
        /* "“_Old", "blame._”": emphasis marks beside quote marks, the model's
         * words split at the emphasis' edge ("“" "Old", "blame." "”") */
        if (strpbrk(w, "_*=") && j < model->len) {
            GString *bare = g_string_new(NULL);
            for (const char *q = w; *q; q++)
                if (*q != '_' && *q != '*' && *q != '=')
                    g_string_append_c(bare, *q);
            const char *m0 = model->pdata[j];
            size_t l0 = strlen(m0);
            bool one = strcmp(bare->str, m0) == 0;
            bool two = !one && j + 1 < model->len && strncmp(bare->str, m0, l0) == 0 &&
                       strcmp(bare->str + l0, model->pdata[j + 1]) == 0;
            g_string_free(bare, TRUE);
            if (one || two) {
                j += two ? 2 : 1;
                continue;
            }
        }
        /* "_The", "Year_": emphasis marks the reader took off ("=Bold=" too) */
        size_t wl = strlen(w), a = 0;
        while (a < wl && (w[a] == '_' || w[a] == '*' || w[a] == '='))
            a++;
        while (wl > a && (w[wl - 1] == '_' || w[wl - 1] == '*' || w[wl - 1] == '='))
            wl--;
        if (a + (strlen(w) - wl) > 0 && j < model->len &&
            strncmp(w + a, model->pdata[j], wl - a) == 0 && strlen(model->pdata[j]) == wl - a) {
            j++;
            continue;
        }
        /* "_Fi_." or "_the Farmer_.": emphasis, then the stop the reader
         * kept outside it */
        size_t pl = strlen(w);
        while (pl > a && g_ascii_ispunct(w[pl - 1]) && w[pl - 1] != '_' && w[pl - 1] != '*' &&
               w[pl - 1] != '=')
            pl--;
        size_t el = pl;
        while (el > a && (w[el - 1] == '_' || w[el - 1] == '*' || w[el - 1] == '='))
            el--;
        if (el < pl && pl < strlen(w) && j + 1 < model->len && strlen(model->pdata[j]) == el - a &&
            strncmp(w + a, model->pdata[j], el - a) == 0 &&
            strcmp(w + pl, model->pdata[j + 1]) == 0) {
            j += 2;
            continue;
        }
        /* "them.[1]", "years.[A]", "frost,<1>": a note marker glued to its word */
        const char *open = strrchr(w, w[wl - 1] == '>' ? '<' : '[');
        size_t inner = open ? wl - 2 - (size_t)(open - w) : 0;
        if (open && open > w && (w[wl - 1] == ']' || w[wl - 1] == '>') &&
            (strspn(open + 1, "0123456789") == inner || (inner == 1 && g_ascii_isalpha(open[1]))) &&
            j < model->len && strncmp(w, model->pdata[j], (size_t)(open - w)) == 0 &&
            strlen(model->pdata[j]) == (size_t)(open - w)) {
            j++;
            continue;
        }
        /* "_Counsel_." or "Jack.": a turn's name, the model's "Counsel:" */
        size_t ml = j < model->len ? strlen(model->pdata[j]) : 0;
        size_t stop = wl > a && w[wl - 1] == '.' ? wl - 1 : wl;
        while (stop > a && (w[stop - 1] == '_' || w[stop - 1] == '*' || w[stop - 1] == '='))
            stop--;
        if (ml > 1 && ((char *)model->pdata[j])[ml - 1] == ':' && stop - a == ml - 1 &&
            strncmp(w + a, model->pdata[j], ml - 1) == 0) {
            j++;
            continue;
        }
        /* "[00:00:02]" "Speaker" "1:": a time stamp before a turn's name,
         * which the model keeps after it, at the head of the words (glued to
         * the colon it gives the name: "1:[00:00:02]") */
        if (g_regex_match_simple("^[\\[(]?[0-9]{1,3}(:[0-9]{2}){1,2}([.,][0-9]{1,3})?[\\])]?$", w,
                                 0, 0)) {
            guint k = 0;
            while (k < 3 && i + 1 + k < src->len && j + k < model->len &&
                   strcmp(src->pdata[i + 1 + k], model->pdata[j + k]) == 0)
                k++;
            char *glued = i + 1 + k < src->len ? g_strconcat(src->pdata[i + 1 + k], w, NULL) : NULL;
            bool apart = k && j + k < model->len && strcmp(model->pdata[j + k], w) == 0;
            bool touching = glued && j + k < model->len && strcmp(model->pdata[j + k], glued) == 0;
            g_free(glued);
            if (apart || touching) {
                i += k + touching;
                j += k + 1;
                continue;
            }
        }
        /* "-Kuzmin": a dash item's marker glued to its first word */
        if ((w[0] == '-' || g_str_has_prefix(w, "•")) && j < model->len &&
            strcmp(g_utf8_next_char(w), model->pdata[j]) == 0) {
            j++;
            continue;
        }
        problem = g_strdup_printf("line %u: source word \"%s\" missing; model has \"%s\"",
                                  g_array_index(src_lines, unsigned, i), w,
                                  j < model->len ? (char *)model->pdata[j] : "(end)");
    }
    if (!problem && j < model->len)
        problem = g_strdup_printf("model has extra words from \"%s\"", (char *)model->pdata[j]);
    g_ptr_array_free(model, TRUE);
    g_string_free(flat, TRUE);
    g_ptr_array_free(owned, TRUE);
    g_array_free(pieces, TRUE);
    g_ptr_array_free(src, TRUE);
    g_array_free(src_lines, TRUE);
    return problem;
}

#endif
