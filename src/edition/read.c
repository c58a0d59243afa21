/* Reading an edition's sources into one document: each source read once,
 * `select` and the overrides applied, messages kept for the articles taken. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "edition/edition_internal.h"
#include "imprint/edition.h"
#include "model/language.h"
#include "model/nfc.h"
#include "model/parallel.h"

#include <libxml/parser.h>

/* One source read with one set of options, shared by the entries that name it. */
typedef struct {
    const imprint_edition_article *entry; /* first entry that named it: path and options */
    int status;                           /* articles read, or -1 */
    GPtrArray *articles;                  /* imprint_node *, detached after reading */
    imprint_diags *diags;                 /* the reader's messages */
    bool *passed;                         /* which of them went on to the caller */
    int stat_errno;                       /* why the source could not be looked at, or 0 */
} source_read;

static bool strv_equal(char **a, char **b)
{
    if (!a || !b)
        return a == b;
    return g_strv_equal((const gchar *const *)a, (const gchar *const *)b);
}

static bool same_reading(const imprint_edition_article *a, const imprint_edition_article *b)
{
    return strcmp(a->source_path, b->source_path) == 0 && a->dialect == b->dialect &&
           a->order_source == b->order_source && a->drop_navigation == b->drop_navigation &&
           strv_equal(a->split, b->split) && g_strcmp0(a->encoding, b->encoding) == 0 &&
           a->wrap == b->wrap && a->verse == b->verse && a->no_notes == b->no_notes &&
           a->no_letters == b->no_letters && a->keep_boilerplate == b->keep_boilerplate &&
           g_strcmp0(a->language, b->language) == 0;
}

static void source_read_free(gpointer p)
{
    source_read *r = p;
    if (r->articles)
        g_ptr_array_unref(r->articles);
    imprint_diags_free(r->diags);
    g_free(r->passed);
    g_free(r);
}

/* Reads the entry's source into `doc` and takes its new articles out of the
 * tree again, to be placed in edition order. */
static GPtrArray *read_detached(imprint_doc *doc, const imprint_edition_article *entry,
                                const char *language, imprint_diags *diags, int *status)
{
    imprint_read_opts opts = {
        .dialect = entry->dialect,
        .split = (const char *const *)entry->split,
        .order_source = entry->order_source,
        .drop_navigation = entry->drop_navigation,
        .encoding = entry->encoding,
        .wrap = entry->wrap,
        .verse = entry->verse,
        .no_notes = entry->no_notes,
        .no_letters = entry->no_letters,
        .keep_boilerplate = entry->keep_boilerplate,
        .language = language,
    };
    imprint_node *last = doc->root->last_child;
    *status = imprint_read_file(doc, entry->source_path, &opts, diags);
    /* As a compiler says "in file included from": the editor's fix may be in
     * the edition (a split title, a dialect) rather than in the source. */
    if (*status < 0)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, entry->pos,
                             "while reading '%s' for this article entry", entry->source);
    GPtrArray *list = g_ptr_array_new();
    imprint_node *n = last ? last->next : doc->root->first_child;
    while (n) {
        imprint_node *next = n->next;
        imprint_node_unlink(n);
        g_ptr_array_add(list, n);
        n = next;
    }
    return list;
}

static const char *entry_language(const imprint_edition *e, const imprint_edition_article *entry)
{
    return entry->language ? entry->language : e->language;
}

static source_read *find_reading(GPtrArray *cache, const imprint_edition_article *entry)
{
    for (guint i = 0; i < cache->len; i++) {
        source_read *r = g_ptr_array_index(cache, i);
        if (same_reading(r->entry, entry))
            return r;
    }
    return NULL;
}

/* The readings the entries need, each once, in the order first named; a
 * source that cannot be looked at keeps why, and is not read. */
static GPtrArray *plan_readings(const imprint_edition *e)
{
    GPtrArray *cache = g_ptr_array_new_with_free_func(source_read_free);
    for (size_t i = 0; i < e->narticles; i++) {
        const imprint_edition_article *entry = &e->articles[i];
        if (find_reading(cache, entry))
            continue;
        source_read *r = g_new0(source_read, 1);
        r->entry = entry;
        GStatBuf st;
        if (g_stat(entry->source_path, &st) != 0)
            r->stat_errno = errno;
        g_ptr_array_add(cache, r);
    }
    return cache;
}

typedef struct {
    const imprint_edition *e;
    GPtrArray *cache;   /* source_read * */
    imprint_doc **docs; /* a document a reading, its arena the reader's own */
} readings;

static void read_one(void *data, unsigned worker, unsigned i)
{
    (void)worker;
    readings *rs = data;
    source_read *r = g_ptr_array_index(rs->cache, i);
    rs->docs[i] = imprint_doc_new();
    if (r->stat_errno)
        return;
    r->diags = imprint_diags_new();
    r->articles =
        read_detached(rs->docs[i], r->entry, entry_language(rs->e, r->entry), r->diags, &r->status);
    r->passed = g_new0(bool, imprint_diags_len(r->diags) + 1);
}

/* What a reader found of the edition's metadata: the first source that
 * names a field gives it, as when the sources are read one after another
 * into one document (a reader only fills a field that is still empty). */
static void take_meta(imprint_meta *to, const imprint_meta *from)
{
    const char **t[] = {&to->title, &to->subtitle,  &to->editor, &to->language,   &to->identifier,
                        &to->date,  &to->publisher, &to->rights, &to->description};
    const char *const f[] = {from->title,     from->subtitle,   from->editor,
                             from->language,  from->identifier, from->date,
                             from->publisher, from->rights,     from->description};
    for (size_t k = 0; k < G_N_ELEMENTS(t); k++)
        if (!*t[k])
            *t[k] = f[k];
}

/* Reads every source once, `threads` at a time, each into a document of its
 * own; then, in edition order, their arenas and metadata join `doc`, so the
 * result is that of reading them one after another. */
static GPtrArray *read_sources(imprint_doc *doc, const imprint_edition *e, unsigned threads)
{
    readings rs = {e, plan_readings(e), NULL};
    rs.docs = g_new0(imprint_doc *, rs.cache->len + 1);
    if (threads > 1 && rs.cache->len > 1)
        xmlInitParser(); /* libxml2 must be set up once before threads use it */
    imprint_parallel_run(rs.cache->len, threads, read_one, &rs);
    for (guint i = 0; i < rs.cache->len; i++) {
        take_meta(&doc->meta, &rs.docs[i]->meta);
        imprint_arena_adopt(doc->arena, rs.docs[i]->arena);
        imprint_doc_free(rs.docs[i]);
    }
    g_free(rs.docs);
    return rs.cache;
}

static unsigned article_line(const imprint_node *a)
{
    return a->as.article.source_line ? a->as.article.source_line : a->pos.line;
}

/* Passes on the reader's messages about the part of the source that article
 * `k` spans (all of them when k < 0), each message once. Messages about the
 * file as a whole always go on. */
static void pass_diags(source_read *r, int k, imprint_diags *out)
{
    unsigned from = 0, to = G_MAXUINT;
    if (k >= 0) {
        /* The article's lines run to the next article's start in the file,
         * which need not be the next in reading order. */
        from = article_line(g_ptr_array_index(r->articles, (guint)k));
        for (guint i = 0; i < r->articles->len; i++) {
            unsigned line = article_line(g_ptr_array_index(r->articles, i));
            if (line > from && line < to)
                to = line;
        }
    }
    for (size_t i = 0; i < imprint_diags_len(r->diags); i++) {
        const imprint_diag *d = imprint_diags_get(r->diags, i);
        bool inside =
            d->line == 0 || (d->line >= from && d->line < to) || d->severity == IMPRINT_SEV_ERROR;
        if (r->passed[i] || !inside)
            continue;
        r->passed[i] = true;
        imprint_diags_report(out, d->severity, (imprint_pos){d->file, d->line, d->col}, "%s",
                             d->message);
    }
}

/* Title comparison for `select`: what a user types against what the reader
 * found, ignoring case, runs of (no-break) spaces and curly vs straight quotes. */
static char *title_key(const char *s)
{
    char *nfkc = imprint_normalize(s, -1, G_NORMALIZE_ALL_COMPOSE);
    if (!nfkc)
        return g_strdup(s);
    GString *out = g_string_new(NULL);
    bool space = false;
    for (const char *p = nfkc; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0x00A0 || c == 0x202F) {
            space = out->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(out, ' ');
        space = false;
        if (c == 0x2018 || c == 0x2019 || c == 0x00B4)
            c = '\'';
        else if (c == 0x201C || c == 0x201D)
            c = '"';
        g_string_append_unichar(out, c);
    }
    g_free(nfkc);
    char *folded = g_utf8_casefold(out->str, (gssize)out->len);
    g_string_free(out, TRUE);
    return folded;
}

static imprint_pos key_pos(const imprint_edition *e, size_t index, const char *key)
{
    imprint_pos pos;
    if (!edition_article_key_pos(e, index, key, &pos))
        pos = e->articles[index].pos;
    return pos;
}

/* The index of the article `select` names, or -1 (reported). */
static int find_selected(const imprint_edition *e, size_t index, source_read *r,
                         imprint_diags *diags)
{
    const imprint_edition_article *entry = &e->articles[index];
    char *want = title_key(entry->select);
    int found = -1, matches = 0;
    for (guint k = 0; k < r->articles->len; k++) {
        const imprint_node *a = g_ptr_array_index(r->articles, k);
        if (!a->as.article.title)
            continue;
        char *have = title_key(a->as.article.title);
        if (strcmp(have, want) == 0) {
            if (found < 0)
                found = (int)k;
            matches++;
        }
        g_free(have);
    }
    g_free(want);
    if (matches == 1)
        return found;
    /* The reader's messages first: they say how the titles were found. */
    pass_diags(r, -1, diags);
    imprint_pos pos = key_pos(e, index, "select");
    if (matches > 1) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                             "%d articles of %s are titled '%s'; use 'split' to tell them apart",
                             matches, entry->source, entry->select);
        return -1;
    }
    imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos,
                         "no article titled '%s' in %s; the titles found follow", entry->select,
                         entry->source);
    for (guint k = 0; k < r->articles->len; k++) {
        const imprint_node *a = g_ptr_array_index(r->articles, k);
        imprint_pos at = {entry->source_path, article_line(a), 1};
        if (a->as.article.title)
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, at, "article '%s'", a->as.article.title);
        else
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, at, "an untitled article");
    }
    return -1;
}

static void apply_overrides(imprint_doc *doc, const imprint_edition_article *entry,
                            imprint_node *article)
{
    if (entry->title)
        article->as.article.title = imprint_arena_strdup(doc->arena, entry->title);
    if (entry->author) {
        const char **authors = imprint_arena_alloc(doc->arena, 2 * sizeof *authors);
        authors[0] = imprint_arena_strdup(doc->arena, entry->author);
        article->as.article.authors = authors;
    }
    if (entry->url)
        article->as.article.source_url = imprint_arena_strdup(doc->arena, entry->url);
    if (entry->language)
        article->as.article.lang = imprint_arena_strdup(doc->arena, entry->language);
}

/* Takes the entry's articles (copies read afresh when an earlier entry
 * already placed them) and appends them to the document. */
static bool place_entry(imprint_doc *doc, const imprint_edition *e, size_t index, GPtrArray *cache,
                        imprint_diags *diags)
{
    const imprint_edition_article *entry = &e->articles[index];
    source_read *r = find_reading(cache, entry);
    if (r->stat_errno) {
        /* A symbolic link loop or a folder without permission is not "not found". */
        int err = r->stat_errno;
        if (err == ENOENT || err == ENOTDIR)
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, key_pos(e, index, "source"),
                                 "source '%s' not found (looked at %s)", entry->source,
                                 entry->source_path);
        else
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, key_pos(e, index, "source"),
                                 "cannot read source '%s' (%s): %s", entry->source,
                                 entry->source_path, g_strerror(err));
        return false;
    }
    if (r->status < 0) {
        pass_diags(r, -1, diags);
        return false;
    }
    if (r->articles->len == 0) {
        pass_diags(r, -1, diags);
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, key_pos(e, index, "source"),
                             "no article found in %s", entry->source);
        return false;
    }
    int first = 0, last = (int)r->articles->len - 1;
    if (entry->select) {
        first = last = find_selected(e, index, r, diags);
        if (first < 0) {
            pass_diags(r, -1, diags);
            return false;
        }
    } else if (entry->title && r->articles->len > 1) {
        pass_diags(r, -1, diags);
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, key_pos(e, index, "title"),
                             "'title' renames one article, but %s holds %u; add 'select'",
                             entry->source, r->articles->len);
        return false;
    }
    pass_diags(r, entry->select ? first : -1, diags);

    bool fresh = false;
    for (int k = first; k <= last; k++)
        if (((imprint_node *)g_ptr_array_index(r->articles, (guint)k))->parent)
            fresh = true;
    if (fresh) {
        /* Already placed by an earlier entry: a node lives in one place, so
         * read the source again; its messages were passed on the first time. */
        imprint_diags *again = imprint_diags_new();
        int status;
        GPtrArray *copy = read_detached(doc, entry, entry_language(e, entry), again, &status);
        imprint_diags_free(again);
        if (status < 0 || copy->len != r->articles->len) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, key_pos(e, index, "source"),
                                 "reading %s a second time gave a different result", entry->source);
            g_ptr_array_unref(copy);
            return false;
        }
        g_ptr_array_unref(r->articles);
        r->articles = copy;
    }
    for (int k = first; k <= last; k++) {
        imprint_node *a = g_ptr_array_index(r->articles, (guint)k);
        apply_overrides(doc, entry, a);
        imprint_node_append(doc->root, a);
    }
    return true;
}

/* The edition's metadata over what the readers found (a TEI source's
 * language, say): what the edition says wins, what it leaves out stays. */
static void set_meta(imprint_doc *doc, const char **field, const char *value)
{
    if (value)
        *field = imprint_arena_strdup(doc->arena, value);
}

static void fill_meta(imprint_doc *doc, const imprint_edition *e)
{
    imprint_meta *m = &doc->meta;
    set_meta(doc, &m->title, e->title);
    set_meta(doc, &m->subtitle, e->subtitle);
    set_meta(doc, &m->editor, e->editor);
    set_meta(doc, &m->language, e->language);
    set_meta(doc, &m->identifier, e->identifier);
    set_meta(doc, &m->date, e->date);
    set_meta(doc, &m->publisher, e->publisher);
    set_meta(doc, &m->rights, e->rights);
    set_meta(doc, &m->description, e->description);
}

imprint_doc *imprint_edition_read(const imprint_edition *e, imprint_diags *diags)
{
    return imprint_edition_read_threads(e, 1, diags);
}

imprint_doc *imprint_edition_read_threads(const imprint_edition *e, unsigned threads,
                                          imprint_diags *diags)
{
    imprint_doc *doc = imprint_doc_new();
    GPtrArray *cache = read_sources(doc, e, threads);
    bool ok = true;
    for (size_t i = 0; i < e->narticles; i++)
        if (!place_entry(doc, e, i, cache, diags))
            ok = false;
    g_ptr_array_unref(cache);
    size_t count = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next)
        count++;
    if (ok && count > IMPRINT_MAX_ARTICLES) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){e->path, 0, 0},
                             "the edition has %zu articles (the limit is %d)", count,
                             IMPRINT_MAX_ARTICLES);
        ok = false;
    }
    /* Copies of one text from several sources: reported, named as each
     * other's witnesses, or one left out, as the edition says. */
    if (ok && !imprint_compare_apply(doc, e->duplicates, e->path, diags))
        ok = false;
    if (!ok) {
        imprint_doc_free(doc);
        return NULL;
    }
    fill_meta(doc, e);
    /* Once every article has its language: the quotation marks and spacing
     * of each, the same for every writer. */
    imprint_language_localize_doc(doc, (imprint_pos){e->path, 0, 0}, diags);
    return doc;
}
