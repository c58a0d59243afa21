#include "imprint/reader.h"

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model/tei_names.h"

/*
 * The `tei` dialect: reads back what write_tei.c writes (the mapping is in
 * tei_names.h), and hand-corrected versions of it. Markup the model has no
 * place for gets a warning and its text is kept in the nearest place that
 * can hold it. Positions are the TEI file's lines.
 *
 * Whitespace: the writer puts whitespace only between block elements, never
 * inside inline content; so whitespace-only text between blocks is layout,
 * and all text inside p, head, l, cell, hi... is content.
 */

/* A note found while reading an article; numbered when the article ends. */
typedef struct {
    imprint_node *note;
    char *id; /* xml:id, or NULL */
    long key; /* the K of an id "aN-nK", or -1 */
} pending_note;

/* A reference found while reading an article; linked when the article ends. */
typedef struct {
    imprint_node *ref;
    imprint_node *note; /* the note written at this place, or NULL */
    char *target;       /* the id a <ptr> points to, or NULL */
    bool numbered;      /* the number came from an n attribute */
} pending_ref;

typedef struct {
    imprint_doc *doc;
    const char *path;
    imprint_diags *diags;
    bool failed;
    GHashTable *sources; /* xml:id -> xmlNode * (sourceDesc bibl), ids owned */
    imprint_node *article;
    GPtrArray *notes; /* pending_note * */
    GPtrArray *refs;  /* pending_ref * */
    int articles;
    /* The first fatal parser error, for the message. */
    bool have_error;
    int err_line, err_col;
    char *err_message;
} tei_reader;

static void pending_note_free(gpointer p)
{
    pending_note *pn = p;
    g_free(pn->id);
    g_free(pn);
}

static void pending_ref_free(gpointer p)
{
    pending_ref *pr = p;
    g_free(pr->target);
    g_free(pr);
}

static unsigned node_line(const xmlNode *n)
{
    for (; n; n = n->parent) {
        long line = xmlGetLineNo(n);
        if (line > 0)
            return (unsigned)line;
    }
    return 1;
}

static imprint_pos pos_of(const tei_reader *r, const xmlNode *n)
{
    return (imprint_pos){r->path, node_line(n), 0};
}

/* The element's name as written, with its prefix, for messages. */
static const char *qname(const xmlNode *n, char *buf, size_t size)
{
    if (n->ns && n->ns->prefix)
        g_snprintf(buf, size, "%s:%s", (const char *)n->ns->prefix, (const char *)n->name);
    else
        g_snprintf(buf, size, "%s", (const char *)n->name);
    return buf;
}

static void report(tei_reader *r, imprint_severity sev, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(tei_reader *r, imprint_severity sev, const xmlNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    imprint_diags_report(r->diags, sev, pos_of(r, n), "%s", msg);
    g_free(msg);
    if (sev == IMPRINT_SEV_ERROR)
        r->failed = true;
}

static void warn_unknown(tei_reader *r, const xmlNode *n)
{
    char buf[128];
    report(r, IMPRINT_SEV_WARNING, n, "unknown element <%s> (its text is kept)",
           qname(n, buf, sizeof buf));
}

static bool is_tei(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE &&
           (!n->ns || strcmp((const char *)n->ns->href, TEI_NS) == 0);
}

static bool named(const xmlNode *n, const char *name)
{
    return is_tei(n) && strcmp((const char *)n->name, name) == 0;
}

static bool is_blank_text(const xmlNode *n)
{
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
        return false;
    for (const xmlChar *p = n->content; p && *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return false;
    return true;
}

/* Nodes that carry nothing: layout whitespace, comments, processing
 * instructions. */
static bool is_ignorable(const xmlNode *n)
{
    return is_blank_text(n) || n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE;
}

static char *arena_nfc(tei_reader *r, const char *s)
{
    if (!s)
        return NULL;
    char *nfc = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
    char *out = imprint_arena_strdup(r->doc->arena, nfc ? nfc : s);
    g_free(nfc);
    return out;
}

/* An attribute's value in the arena (NFC), or NULL. `name` may be "xml:id"
 * or "xml:lang". */
static char *get_attr(tei_reader *r, const xmlNode *n, const char *name)
{
    xmlChar *v;
    if (strncmp(name, "xml:", 4) == 0)
        v = xmlGetNsProp(n, BAD_CAST(name + 4), XML_XML_NAMESPACE);
    else
        v = xmlGetNoNsProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    char *out = arena_nfc(r, (const char *)v);
    xmlFree(v);
    return out;
}

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
    bool eq = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return eq;
}

/* Warns about each attribute of `n` the reader does not take (a
 * NULL-terminated list of the ones it does). */
static void check_attrs(tei_reader *r, const xmlNode *n, const char *const *known)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        char name[128];
        if (a->ns && a->ns->href && strcmp((const char *)a->ns->href, TEI_XML_NS) == 0)
            g_snprintf(name, sizeof name, "xml:%s", (const char *)a->name);
        else if (a->ns && a->ns->prefix)
            g_snprintf(name, sizeof name, "%s:%s", (const char *)a->ns->prefix,
                       (const char *)a->name);
        else
            g_snprintf(name, sizeof name, "%s", (const char *)a->name);
        bool ok = false;
        for (const char *const *k = known; k && *k && !ok; k++)
            ok = strcmp(*k, name) == 0;
        if (!ok)
            report(r, IMPRINT_SEV_WARNING, n, "attribute %s of <%s> is not read (ignored)", name,
                   (const char *)n->name);
    }
}

static const char *const no_attrs[] = {NULL};

/* Plain text of an element, NFC, in the arena; warns if it held markup. */
static char *plain_text(tei_reader *r, const xmlNode *n, bool warn_markup)
{
    if (warn_markup) {
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                report(r, IMPRINT_SEV_WARNING, c, "markup inside <%s> is not kept (its text is)",
                       (const char *)n->name);
                break;
            }
    }
    xmlChar *v = xmlNodeGetContent(n);
    char *out = arena_nfc(r, v ? (const char *)v : "");
    xmlFree(v);
    return out;
}

/* Appends a new node of `kind` to `parent`, which sits at `depth` (the
 * document is 0). Past IMPRINT_MAX_DEPTH it is an error. */
static imprint_node *add(tei_reader *r, imprint_node *parent, int depth, imprint_node_kind kind,
                         const xmlNode *src)
{
    if (depth + 1 > IMPRINT_MAX_DEPTH) {
        if (!r->failed)
            report(r, IMPRINT_SEV_ERROR, src, "nested deeper than %d levels", IMPRINT_MAX_DEPTH);
        return NULL;
    }
    imprint_node *n = imprint_node_new(r->doc, kind, pos_of(r, src));
    if (!imprint_node_append(parent, n)) {
        /* The callers only build what the model allows; guard anyway. */
        report(r, IMPRINT_SEV_ERROR, src, "a %s cannot stand inside a %s",
               imprint_node_kind_name(kind), imprint_node_kind_name(parent->kind));
        return NULL;
    }
    return n;
}

static void add_text(tei_reader *r, imprint_node *parent, int depth, const xmlNode *src,
                     const char *s)
{
    if (!s || !*s)
        return;
    if (depth + 1 > IMPRINT_MAX_DEPTH) {
        add(r, parent, depth, IMPRINT_NODE_TEXT, src);
        return;
    }
    char *nfc = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
    const char *t = nfc ? nfc : s;
    imprint_node *last = parent->last_child;
    if (last && last->kind == IMPRINT_NODE_TEXT) {
        /* Keep one TEXT node per run of text, as the writer's model had. */
        char *joined = g_strconcat(last->as.text.text, t, NULL);
        last->as.text.len = strlen(joined);
        last->as.text.text = imprint_arena_strndup(r->doc->arena, joined, last->as.text.len);
        g_free(joined);
    } else {
        imprint_node_append(parent, imprint_node_new_text(r->doc, pos_of(r, src), t, strlen(t)));
    }
    g_free(nfc);
}

static void read_blocks(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *container,
                        int depth, int div_depth, int level);
static void read_inlines(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *parent,
                         int depth);

/* ---- notes ---- */

static long note_key(const char *id)
{
    const char *n = id ? strrchr(id, '-') : NULL;
    if (!n || n[1] != 'n' || !g_ascii_isdigit(n[2]))
        return -1;
    char *end;
    long k = strtol(n + 2, &end, 10);
    return *end ? -1 : k;
}

static imprint_node *read_note(tei_reader *r, xmlNode *el)
{
    static const char *const known[] = {"place", "n", "xml:id", "type", NULL};
    check_attrs(r, el, known);
    if (!r->article) {
        report(r, IMPRINT_SEV_WARNING, el, "note outside any article (its text is kept)");
        return NULL;
    }
    if (r->notes->len >= IMPRINT_MAX_NOTES) {
        report(r, IMPRINT_SEV_ERROR, el, "more than %d notes in one article", IMPRINT_MAX_NOTES);
        return NULL;
    }
    imprint_node *note = imprint_node_new(r->doc, IMPRINT_NODE_NOTE, pos_of(r, el));
    note->as.note.label = get_attr(r, el, "n");
    pending_note *pn = g_new0(pending_note, 1);
    pn->note = note;
    char *id = get_attr(r, el, "xml:id");
    pn->id = g_strdup(id);
    pn->key = note_key(id);
    g_ptr_array_add(r->notes, pn);
    /* A note's blocks sit at depth 3: document, article, note. */
    read_blocks(r, el->children, NULL, note, 2, 0, 0);
    return note;
}

static void add_pending_ref(tei_reader *r, imprint_node *ref, imprint_node *note,
                            const char *target, bool numbered)
{
    pending_ref *pr = g_new0(pending_ref, 1);
    pr->ref = ref;
    pr->note = note;
    pr->target = g_strdup(target);
    pr->numbered = numbered;
    g_ptr_array_add(r->refs, pr);
}

static gint compare_keys(gconstpointer a, gconstpointer b)
{
    const pending_note *x = *(pending_note *const *)a, *y = *(pending_note *const *)b;
    return (x->key > y->key) - (x->key < y->key);
}

static int label_number(const imprint_node *note)
{
    const char *l = note->as.note.label;
    if (l && *l) {
        char *end;
        long v = strtol(l, &end, 10);
        if (!*end && v > 0 && v < G_MAXINT)
            return (int)v;
    }
    return note->as.note.number;
}

/* Numbers the article's notes (by the K of their ids "aN-nK" when every note
 * has a distinct one, else in document order) and links the references. */
static void finish_notes(tei_reader *r)
{
    GPtrArray *notes = r->notes;
    bool by_key = notes->len > 0;
    GHashTable *keys = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < notes->len && by_key; i++) {
        pending_note *pn = notes->pdata[i];
        if (pn->key < 1 || g_hash_table_contains(keys, GINT_TO_POINTER(pn->key)))
            by_key = false;
        else
            g_hash_table_add(keys, GINT_TO_POINTER(pn->key));
    }
    g_hash_table_destroy(keys);
    if (by_key)
        g_ptr_array_sort(notes, compare_keys);

    GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < notes->len; i++) {
        pending_note *pn = notes->pdata[i];
        imprint_article_append_note(r->article, pn->note);
        if (pn->id && !g_hash_table_contains(by_id, pn->id))
            g_hash_table_insert(by_id, pn->id, pn->note);
    }
    for (guint i = 0; i < r->refs->len; i++) {
        pending_ref *pr = r->refs->pdata[i];
        imprint_node *note = pr->note;
        if (!note && pr->target) {
            note = g_hash_table_lookup(by_id, pr->target);
            if (!note)
                imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, pr->ref->pos,
                                     "reference to note '#%s', which this article does not "
                                     "have (kept as a marker without a note)",
                                     pr->target);
        }
        if (!note)
            continue;
        imprint_note_add_ref(note, pr->ref);
        if (!pr->numbered)
            pr->ref->as.noteref.number = label_number(note);
    }
    g_hash_table_destroy(by_id);
    g_ptr_array_set_size(r->notes, 0);
    g_ptr_array_set_size(r->refs, 0);
}

/* ---- inlines ---- */

static imprint_node_kind hi_kind(const char *rend)
{
    static const struct {
        const char *rend;
        imprint_node_kind kind;
    } map[] = {
        {TEI_REND_EMPH, IMPRINT_NODE_EMPH},
        {"i", IMPRINT_NODE_EMPH},
        {"it", IMPRINT_NODE_EMPH},
        {"em", IMPRINT_NODE_EMPH},
        {TEI_REND_STRONG, IMPRINT_NODE_STRONG},
        {"b", IMPRINT_NODE_STRONG},
        {"strong", IMPRINT_NODE_STRONG},
        {TEI_REND_SUP, IMPRINT_NODE_SUP},
        {"superscript", IMPRINT_NODE_SUP},
        {TEI_REND_SUB, IMPRINT_NODE_SUB},
        {"subscript", IMPRINT_NODE_SUB},
        {TEI_REND_SMALLCAPS, IMPRINT_NODE_SMALLCAPS},
        {"small-caps", IMPRINT_NODE_SMALLCAPS},
        {"sc", IMPRINT_NODE_SMALLCAPS},
    };
    for (size_t i = 0; rend && i < G_N_ELEMENTS(map); i++)
        if (strcmp(rend, map[i].rend) == 0)
            return map[i].kind;
    return IMPRINT_NODE_KIND_COUNT;
}

/* Elements that stand for blocks; inside inline content they are read as
 * their text. */
static bool is_block_name(const xmlNode *n)
{
    static const char *const names[] = {"p",         "div",   "head", "cit", "q",     "list",
                                        "listBibl",  "lg",    "l",    "sp",  "table", "figure",
                                        "milestone", "label", "item", "row", "cell",  NULL};
    if (!is_tei(n))
        return false;
    for (const char *const *k = names; *k; k++)
        if (strcmp((const char *)n->name, *k) == 0)
            return true;
    return false;
}

static void read_inline(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    switch (c->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        add_text(r, parent, depth, c, (const char *)c->content);
        return;
    case XML_ENTITY_REF_NODE: {
        /* Never expanded (no external entities); kept as written. */
        report(r, IMPRINT_SEV_WARNING, c, "entity reference &%s; is not expanded (kept as text)",
               (const char *)c->name);
        char *t = g_strdup_printf("&%s;", (const char *)c->name);
        add_text(r, parent, depth, c, t);
        g_free(t);
        return;
    }
    case XML_ELEMENT_NODE:
        break;
    default:
        return;
    }
    const char *name = (const char *)c->name;
    if (named(c, "hi") || named(c, "emph")) {
        static const char *const known[] = {"rend", NULL};
        check_attrs(r, c, known);
        char *rend = get_attr(r, c, "rend");
        imprint_node_kind kind = named(c, "emph") ? IMPRINT_NODE_EMPH : hi_kind(rend);
        if (kind == IMPRINT_NODE_KIND_COUNT) {
            report(r, IMPRINT_SEV_WARNING, c, "<hi rend=\"%s\"> is not a known style (text kept)",
                   rend ? rend : "");
            read_inlines(r, c->children, NULL, parent, depth);
            return;
        }
        imprint_node *n = add(r, parent, depth, kind, c);
        if (n)
            read_inlines(r, c->children, NULL, n, depth + 1);
        return;
    }
    if (named(c, "lb")) {
        check_attrs(r, c, no_attrs);
        add(r, parent, depth, IMPRINT_NODE_LINEBREAK, c);
        return;
    }
    if (named(c, "ref") && attr_is(c, "type", TEI_NOTEREF_TYPE)) {
        static const char *const known[] = {"type", "n", NULL};
        check_attrs(r, c, known);
        imprint_node *n = add(r, parent, depth, IMPRINT_NODE_NOTEREF, c);
        char *num = get_attr(r, c, "n");
        if (n && num)
            n->as.noteref.number = atoi(num);
        if (c->children)
            read_inlines(r, c->children, NULL, parent, depth);
        return;
    }
    if (named(c, "ptr") && (attr_is(c, "type", TEI_NOTEREF_TYPE))) {
        static const char *const known[] = {"type", "target", "n", NULL};
        check_attrs(r, c, known);
        char *target = get_attr(r, c, "target");
        char *num = get_attr(r, c, "n");
        imprint_node *n = add(r, parent, depth, IMPRINT_NODE_NOTEREF, c);
        if (!n)
            return;
        /* n may be a named label ("first"); then the number is the note's. */
        bool numeric = num && *num && strspn(num, "0123456789") == strlen(num);
        if (numeric)
            n->as.noteref.number = atoi(num);
        add_pending_ref(r, n, NULL, target && target[0] == '#' ? target + 1 : target, numeric);
        return;
    }
    if (named(c, "ref") || named(c, "ptr")) {
        static const char *const known[] = {"target", NULL};
        check_attrs(r, c, known);
        char *target = get_attr(r, c, "target");
        if (!target) {
            report(r, IMPRINT_SEV_WARNING, c, "<%s> without target (text kept)", name);
            read_inlines(r, c->children, NULL, parent, depth);
            return;
        }
        imprint_node *n = add(r, parent, depth, IMPRINT_NODE_LINK, c);
        if (!n)
            return;
        n->as.link.url = target;
        if (named(c, "ptr"))
            add_text(r, n, depth + 1, c, target);
        else
            read_inlines(r, c->children, NULL, n, depth + 1);
        return;
    }
    if (named(c, "note")) {
        imprint_node *ref = add(r, parent, depth, IMPRINT_NODE_NOTEREF, c);
        if (!ref)
            return;
        imprint_node *note = read_note(r, c);
        if (note) {
            add_pending_ref(r, ref, note, NULL, false);
        } else {
            imprint_node_unlink(ref);
            read_inlines(r, c->children, NULL, parent, depth);
        }
        return;
    }
    if (is_block_name(c))
        report(r, IMPRINT_SEV_WARNING, c, "<%s> inside inline content is read as its text", name);
    else
        warn_unknown(r, c);
    read_inlines(r, c->children, NULL, parent, depth);
}

static void read_inlines(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *parent,
                         int depth)
{
    for (xmlNode *c = first; c && c != stop && !r->failed; c = c->next)
        read_inline(r, c, parent, depth);
}

/* An element whose content is inlines, as a node of `kind` in `container`. */
static imprint_node *inline_block(tei_reader *r, xmlNode *el, imprint_node *container, int depth,
                                  imprint_node_kind kind)
{
    imprint_node *n = add(r, container, depth, kind, el);
    if (n)
        read_inlines(r, el->children, NULL, n, depth + 1);
    return n;
}

/* ---- blocks ---- */

static bool has_content(xmlNode *first, xmlNode *stop)
{
    for (xmlNode *c = first; c && c != stop; c = c->next)
        if (!is_ignorable(c))
            return true;
    return false;
}

static void trim_paragraph(tei_reader *r, imprint_node *para)
{
    imprint_node *first = para->first_child, *last = para->last_child;
    if (first && first->kind == IMPRINT_NODE_TEXT) {
        const char *t = first->as.text.text;
        while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
            t++;
        first->as.text.len -= (size_t)(t - first->as.text.text);
        first->as.text.text = t;
    }
    if (last && last->kind == IMPRINT_NODE_TEXT) {
        size_t n = last->as.text.len;
        const char *t = last->as.text.text;
        while (n > 0 &&
               (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' || t[n - 1] == '\r'))
            n--;
        if (n != last->as.text.len) {
            last->as.text.text = imprint_arena_strndup(r->doc->arena, t, n);
            last->as.text.len = n;
        }
    }
    for (imprint_node *c = para->first_child, *next; c; c = next) {
        next = c->next;
        if (c->kind == IMPRINT_NODE_TEXT && c->as.text.len == 0)
            imprint_node_unlink(c);
    }
}

/* Inline content standing where blocks belong (text in an <item>, a
 * hand-written <note>...) becomes a paragraph. The writer never puts it
 * there, so its outer whitespace is layout. */
static void flush_run(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *container,
                      int depth)
{
    if (!first || !has_content(first, stop))
        return;
    xmlNode *at = first;
    while (at != stop && is_ignorable(at))
        at = at->next;
    imprint_node *para = add(r, container, depth, IMPRINT_NODE_PARAGRAPH, at);
    if (!para)
        return;
    read_inlines(r, first, stop, para, depth + 1);
    trim_paragraph(r, para);
}

static int level_of(const char *subtype, int fallback)
{
    size_t n = strlen(TEI_LEVEL_PREFIX);
    if (subtype && strncmp(subtype, TEI_LEVEL_PREFIX, n) == 0 && subtype[n] >= '1' &&
        subtype[n] <= '6' && subtype[n + 1] == '\0')
        return subtype[n] - '0';
    return fallback < 1 ? 1 : fallback > 6 ? 6 : fallback;
}

/* Block elements <p> may hold; read_paragraph lifts them out. */
static bool is_block_in_p(const xmlNode *c, const xmlNode *p)
{
    static const char *const names[] = {"list",   "listBibl",  "table", "cit", "lg", "sp",
                                        "figure", "milestone", "label", "div", "p",  NULL};
    if (!is_tei(c))
        return false;
    for (const char *const *k = names; *k; k++)
        if (strcmp((const char *)c->name, *k) == 0)
            return true;
    /* A <bibl> alone in a <p> is a bibliography entry; among text it is
     * inline. */
    if (named(c, "bibl")) {
        for (const xmlNode *o = p->children; o; o = o->next)
            if (o != c && !is_ignorable(o))
                return false;
        return true;
    }
    return false;
}

static void read_paragraph(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    check_attrs(r, el, no_attrs);
    bool split = false;
    for (xmlNode *c = el->children; c && !split; c = c->next)
        split = is_block_in_p(c, el);
    if (!split) {
        inline_block(r, el, container, depth, IMPRINT_NODE_PARAGRAPH);
        return;
    }
    /* Blocks inside a <p> (as the writer puts them in a speech) stand on
     * their own; text around them makes paragraphs. */
    read_blocks(r, el->children, NULL, container, depth, 0, 0);
}

static void read_cit(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    static const char *const known[] = {"type", NULL};
    check_attrs(r, el, known);
    if (attr_is(el, "type", TEI_WRAP_TYPE)) {
        for (xmlNode *c = el->children; c && !r->failed; c = c->next)
            if (named(c, "q"))
                read_blocks(r, c->children, NULL, container, depth, 0, 0);
            else if (!is_ignorable(c))
                read_blocks(r, c, c->next, container, depth, 0, 0);
        return;
    }
    imprint_node *quote = add(r, container, depth, IMPRINT_NODE_QUOTE, el);
    if (!quote)
        return;
    xmlNode *citation = NULL;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (named(c, "q")) {
            check_attrs(r, c, no_attrs);
            read_blocks(r, c->children, NULL, quote, depth + 1, 0, 0);
        } else if (named(c, "bibl") && !citation) {
            citation = c;
        } else if (!is_ignorable(c)) {
            read_blocks(r, c, c->next, quote, depth + 1, 0, 0);
        }
    }
    if (citation && !r->failed) {
        check_attrs(r, citation, no_attrs);
        inline_block(r, citation, quote, depth + 1, IMPRINT_NODE_CITATION);
    }
}

static int parse_item_number(const char *n, imprint_list_style style)
{
    if (!n || !*n)
        return 1;
    if (style == IMPRINT_LIST_ALPHA && g_ascii_isalpha(n[0])) {
        long v = 0;
        for (const char *p = n; *p && g_ascii_isalpha(*p) && v < 1000000; p++)
            v = v * 26 + (g_ascii_tolower(*p) - 'a' + 1);
        return (int)v;
    }
    return atoi(n);
}

static void read_list(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    static const char *const known[] = {"type", "rend", NULL};
    check_attrs(r, el, known);
    imprint_node *list = add(r, container, depth, IMPRINT_NODE_LIST, el);
    if (!list)
        return;
    char *rend = get_attr(r, el, "rend");
    char *type = get_attr(r, el, "type");
    list->as.list.style = IMPRINT_LIST_BULLET;
    if (rend && (strcmp(rend, TEI_LIST_DECIMAL) == 0 || strcmp(rend, "ordered") == 0))
        list->as.list.style = IMPRINT_LIST_DECIMAL;
    else if (rend && strcmp(rend, TEI_LIST_ALPHA) == 0)
        list->as.list.style = IMPRINT_LIST_ALPHA;
    else if (rend && strcmp(rend, TEI_LIST_BULLET) != 0)
        report(r, IMPRINT_SEV_WARNING, el, "list style \"%s\" is not known (read as bulleted)",
               rend);
    if (type && strcmp(type, TEI_LIST_BIBLIOGRAPHY) == 0)
        list->as.list.bibliography = true;
    else if (type)
        report(r, IMPRINT_SEV_WARNING, el, "list type \"%s\" is not kept", type);
    list->as.list.start = 1;

    bool first = true;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (is_ignorable(c))
            continue;
        imprint_node *item = add(r, list, depth + 1, IMPRINT_NODE_ITEM, c);
        if (!item)
            return;
        if (named(c, "item")) {
            static const char *const item_known[] = {"n", NULL};
            check_attrs(r, c, item_known);
            if (first)
                list->as.list.start = parse_item_number(get_attr(r, c, "n"), list->as.list.style);
            read_blocks(r, c->children, NULL, item, depth + 2, 0, 0);
        } else {
            report(r, IMPRINT_SEV_WARNING, c,
                   "<%s> in a list is not an item (kept as an item of its own)",
                   c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            read_blocks(r, c, c->next, item, depth + 2, 0, 0);
        }
        first = false;
    }
}

static void read_listbibl(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    check_attrs(r, el, no_attrs);
    imprint_node *list = add(r, container, depth, IMPRINT_NODE_LIST, el);
    if (!list)
        return;
    list->as.list.style = IMPRINT_LIST_BULLET;
    list->as.list.bibliography = true;
    list->as.list.start = 1;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (is_ignorable(c))
            continue;
        imprint_node *item = add(r, list, depth + 1, IMPRINT_NODE_ITEM, c);
        if (!item)
            return;
        read_blocks(r, c, c->next, item, depth + 2, 0, 0);
    }
}

static void read_lg(tei_reader *r, xmlNode *el, imprint_node *verse, int depth)
{
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (is_ignorable(c))
            continue;
        if (named(c, "l")) {
            check_attrs(r, c, no_attrs);
            inline_block(r, c, verse, depth, IMPRINT_NODE_LINE);
        } else if (named(c, "lg")) {
            report(r, IMPRINT_SEV_WARNING, c, "nested <lg> is read into the verse around it");
            read_lg(r, c, verse, depth);
        } else {
            report(r, IMPRINT_SEV_WARNING, c, "<%s> in verse is kept as a line",
                   c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            imprint_node *line = add(r, verse, depth, IMPRINT_NODE_LINE, c);
            if (line)
                read_inlines(r, c, c->next, line, depth + 1);
        }
    }
}

static void read_table(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    check_attrs(r, el, no_attrs);
    imprint_node *table = add(r, container, depth, IMPRINT_NODE_TABLE, el);
    if (!table)
        return;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (is_ignorable(c))
            continue;
        imprint_node *row = add(r, table, depth + 1, IMPRINT_NODE_ROW, c);
        if (!row)
            return;
        if (!named(c, "row")) {
            report(r, IMPRINT_SEV_WARNING, c, "<%s> in a table is kept as a row",
                   c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            imprint_node *cell = add(r, row, depth + 2, IMPRINT_NODE_CELL, c);
            if (cell)
                read_inlines(r, c, c->next, cell, depth + 3);
            continue;
        }
        check_attrs(r, c, no_attrs);
        for (xmlNode *d = c->children; d && !r->failed; d = d->next) {
            if (is_ignorable(d))
                continue;
            imprint_node *cell = add(r, row, depth + 2, IMPRINT_NODE_CELL, d);
            if (!cell)
                return;
            if (named(d, "cell")) {
                check_attrs(r, d, no_attrs);
                read_inlines(r, d->children, NULL, cell, depth + 3);
            } else {
                report(r, IMPRINT_SEV_WARNING, d, "<%s> in a row is kept as a cell",
                       d->type == XML_ELEMENT_NODE ? (const char *)d->name : "text");
                read_inlines(r, d, d->next, cell, depth + 3);
            }
        }
    }
}

static void read_figure(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    check_attrs(r, el, no_attrs);
    imprint_node *fig = add(r, container, depth, IMPRINT_NODE_FIGURE, el);
    if (!fig)
        return;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (is_ignorable(c))
            continue;
        if (named(c, "graphic") && !fig->as.figure.src) {
            static const char *const known[] = {"url", NULL};
            check_attrs(r, c, known);
            fig->as.figure.src = get_attr(r, c, "url");
        } else if (named(c, "figDesc") && !fig->as.figure.placeholder) {
            check_attrs(r, c, no_attrs);
            fig->as.figure.placeholder = plain_text(r, c, true);
        } else if (named(c, "head")) {
            check_attrs(r, c, no_attrs);
            read_inlines(r, c->children, NULL, fig, depth + 1);
        } else {
            report(r, IMPRINT_SEV_WARNING, c, "<%s> in a figure is added to its caption",
                   c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            read_inlines(r, c, c->next, fig, depth + 1);
        }
    }
}

static void read_speech(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    check_attrs(r, el, no_attrs);
    imprint_node *sp = add(r, container, depth, IMPRINT_NODE_SPEECH, el);
    if (!sp)
        return;
    xmlNode *rest = el->children;
    for (xmlNode *c = el->children; c; c = c->next) {
        if (named(c, "speaker")) {
            check_attrs(r, c, no_attrs);
            sp->as.speech.speaker = plain_text(r, c, true);
            rest = c->next;
            break;
        }
        if (!is_ignorable(c))
            break;
    }
    if (!sp->as.speech.speaker) {
        report(r, IMPRINT_SEV_WARNING, el, "<sp> without <speaker>");
        sp->as.speech.speaker = "";
    }
    /* A lone empty <p/> is what the writer puts in a speech without blocks. */
    xmlNode *only = NULL;
    int count = 0;
    for (xmlNode *c = rest; c; c = c->next)
        if (!is_ignorable(c)) {
            only = c;
            count++;
        }
    if (count == 1 && named(only, "p") && !only->children && !only->properties)
        return;
    read_blocks(r, rest, NULL, sp, depth + 1, 0, 0);
}

/* A <div> below an article: its heads are headings of its level (given by
 * subtype="levelL", else its nesting depth), and its blocks join the
 * article's. */
static void read_div(tei_reader *r, xmlNode *el, imprint_node *container, int depth, int div_depth)
{
    static const char *const known[] = {"type", "subtype", NULL};
    check_attrs(r, el, known);
    int level = level_of(get_attr(r, el, "subtype"), div_depth);
    read_blocks(r, el->children, NULL, container, depth, div_depth, level);
}

static void read_block(tei_reader *r, xmlNode *c, imprint_node *container, int depth, int div_depth,
                       int level)
{
    if (!is_tei(c)) {
        warn_unknown(r, c);
        read_blocks(r, c->children, NULL, container, depth, div_depth, level);
    } else if (named(c, "p")) {
        read_paragraph(r, c, container, depth);
    } else if (named(c, "head")) {
        check_attrs(r, c, no_attrs);
        imprint_node *h = inline_block(r, c, container, depth, IMPRINT_NODE_HEADING);
        if (h)
            h->as.heading.level = level < 1 ? 1 : level;
    } else if (named(c, "label") && attr_is(c, "type", TEI_HEADING_TYPE)) {
        static const char *const known[] = {"type", "subtype", NULL};
        check_attrs(r, c, known);
        imprint_node *h = inline_block(r, c, container, depth, IMPRINT_NODE_HEADING);
        if (h)
            h->as.heading.level = level_of(get_attr(r, c, "subtype"), 1);
    } else if (named(c, "label")) {
        check_attrs(r, c, no_attrs);
        inline_block(r, c, container, depth, IMPRINT_NODE_PARAGRAPH);
    } else if (named(c, "div")) {
        read_div(r, c, container, depth, div_depth + 1);
    } else if (named(c, "cit")) {
        read_cit(r, c, container, depth);
    } else if (named(c, "q")) {
        check_attrs(r, c, no_attrs);
        imprint_node *quote = add(r, container, depth, IMPRINT_NODE_QUOTE, c);
        if (quote)
            read_blocks(r, c->children, NULL, quote, depth + 1, 0, 0);
    } else if (named(c, "list")) {
        read_list(r, c, container, depth);
    } else if (named(c, "listBibl")) {
        read_listbibl(r, c, container, depth);
    } else if (named(c, "lg") || named(c, "l")) {
        check_attrs(r, c, no_attrs);
        imprint_node *verse = add(r, container, depth, IMPRINT_NODE_VERSE, c);
        if (verse && named(c, "lg"))
            read_lg(r, c, verse, depth + 1);
        else if (verse)
            inline_block(r, c, verse, depth + 1, IMPRINT_NODE_LINE);
    } else if (named(c, "sp")) {
        read_speech(r, c, container, depth);
    } else if (named(c, "table")) {
        read_table(r, c, container, depth);
    } else if (named(c, "figure")) {
        read_figure(r, c, container, depth);
    } else if (named(c, "milestone")) {
        static const char *const known[] = {"unit", NULL};
        check_attrs(r, c, known);
        add(r, container, depth, IMPRINT_NODE_BREAK, c);
    } else if (named(c, "bibl")) {
        check_attrs(r, c, no_attrs);
        inline_block(r, c, container, depth, IMPRINT_NODE_BIBL);
    } else if (named(c, "note")) {
        /* A note standing between blocks: one no reference points to. */
        if (!read_note(r, c))
            read_blocks(r, c->children, NULL, container, depth, div_depth, level);
    } else {
        warn_unknown(r, c);
        read_blocks(r, c->children, NULL, container, depth, div_depth, level);
    }
}

static bool is_inline_markup(const xmlNode *c)
{
    static const char *const inl[] = {"hi", "emph", "ref", "ptr", "lb", NULL};
    if (!is_tei(c))
        return false;
    for (const char *const *k = inl; *k; k++)
        if (strcmp((const char *)c->name, *k) == 0)
            return true;
    return false;
}

/* Whether `c`, in a place for blocks, belongs to inline content: text,
 * inline markup, or a note touching either. */
static bool is_inline_node(const xmlNode *c)
{
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
        c->type == XML_ENTITY_REF_NODE)
        return !is_blank_text(c);
    if (c->type != XML_ELEMENT_NODE || !is_tei(c))
        return false;
    if (is_inline_markup(c))
        return true;
    if (named(c, "note")) {
        const xmlNode *s[] = {c->prev, c->next};
        for (int i = 0; i < 2; i++)
            if (s[i] && !is_ignorable(s[i]) &&
                (s[i]->type != XML_ELEMENT_NODE || is_inline_markup(s[i])))
                return true;
    }
    return false;
}

static void read_blocks(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *container,
                        int depth, int div_depth, int level)
{
    xmlNode *run = NULL;
    for (xmlNode *c = first; c && c != stop && !r->failed; c = c->next) {
        if (is_inline_node(c) || (run && is_ignorable(c))) {
            if (!run)
                run = c;
            continue;
        }
        flush_run(r, run, c, container, depth);
        run = NULL;
        if (c->type == XML_ELEMENT_NODE)
            read_block(r, c, container, depth, div_depth, level);
    }
    if (!r->failed)
        flush_run(r, run, stop, container, depth);
}

/* ---- articles, header, document ---- */

static bool is_div_top(const xmlNode *c)
{
    return named(c, "head") || named(c, "byline") || named(c, "docAuthor") || named(c, "docDate");
}

static void set_source(tei_reader *r, imprint_node *art, xmlNode *el)
{
    char *source = get_attr(r, el, "source");
    if (!source)
        return;
    xmlNode *bibl = g_hash_table_lookup(r->sources, source[0] == '#' ? source + 1 : source);
    if (!bibl) {
        report(r, IMPRINT_SEV_WARNING, el, "source \"%s\" is not in the header's sourceDesc",
               source);
        return;
    }
    /* Present but empty: no file, rather than this TEI file. */
    art->as.article.source_file = "";
    for (xmlNode *c = bibl->children; c; c = c->next) {
        if (named(c, "idno") && attr_is(c, "type", TEI_FILE_IDNO_TYPE))
            art->as.article.source_file = plain_text(r, c, false);
        else if (named(c, "biblScope") && attr_is(c, "unit", "line"))
            art->as.article.source_line = (unsigned)strtoul(plain_text(r, c, false), NULL, 10);
        else if (named(c, "ref") || named(c, "ptr")) {
            /* the URL as written; the target may have escapes added */
            char *text = plain_text(r, c, false);
            art->as.article.source_url = *text ? text : get_attr(r, c, "target");
        }
    }
}

static void read_article(tei_reader *r, xmlNode *el)
{
    static const char *const known[] = {"type", "xml:id", "source", "xml:lang", NULL};
    check_attrs(r, el, known);
    imprint_node *art = imprint_node_new(r->doc, IMPRINT_NODE_ARTICLE, pos_of(r, el));
    imprint_node_append(r->doc->root, art);
    r->article = art;
    r->articles++;
    art->as.article.lang = get_attr(r, el, "xml:lang");
    set_source(r, art, el);

    GPtrArray *authors = g_ptr_array_new();
    xmlNode *c = el->children;
    for (; c; c = c->next) {
        if (is_ignorable(c))
            continue;
        if (!is_div_top(c))
            break;
        if (named(c, "head")) {
            static const char *const head_known[] = {"type", NULL};
            check_attrs(r, c, head_known);
            if (attr_is(c, "type", TEI_SUBTITLE_TYPE) && !art->as.article.subtitle)
                art->as.article.subtitle = plain_text(r, c, true);
            else if (!xmlHasProp(c, BAD_CAST "type") && !art->as.article.title)
                art->as.article.title = plain_text(r, c, true);
            else
                break; /* a second title: read as a heading */
        } else if (named(c, "byline")) {
            check_attrs(r, c, no_attrs);
            for (xmlNode *a = c->children; a; a = a->next) {
                if (named(a, "docAuthor")) {
                    check_attrs(r, a, no_attrs);
                    g_ptr_array_add(authors, plain_text(r, a, true));
                } else if (!is_ignorable(a)) {
                    report(r, IMPRINT_SEV_WARNING, a,
                           "byline content outside <docAuthor> is kept as an author");
                    xmlChar *v = xmlNodeGetContent(a);
                    char *s = g_strstrip(g_strdup(v ? (const char *)v : ""));
                    if (*s)
                        g_ptr_array_add(authors, arena_nfc(r, s));
                    g_free(s);
                    xmlFree(v);
                }
            }
        } else if (named(c, "docAuthor")) {
            check_attrs(r, c, no_attrs);
            g_ptr_array_add(authors, plain_text(r, c, true));
        } else if (named(c, "docDate")) {
            check_attrs(r, c, no_attrs);
            if (!art->as.article.date)
                art->as.article.date = plain_text(r, c, true);
            else
                break;
        }
    }
    if (authors->len > 0) {
        const char **list = imprint_arena_alloc(r->doc->arena, (authors->len + 1) * sizeof *list);
        for (guint i = 0; i < authors->len; i++)
            list[i] = authors->pdata[i];
        art->as.article.authors = list;
    }
    g_ptr_array_free(authors, TRUE);

    read_blocks(r, c, NULL, art, 1, 0, 0);
    if (!r->failed)
        finish_notes(r);
    r->article = NULL;
}

/* Content outside any article div (hand edits) is kept in an untitled
 * article of its own. A lone empty <p/> is what the writer puts in the body
 * of a document without articles. */
static void read_stray(tei_reader *r, xmlNode *first, xmlNode *stop)
{
    bool content = false;
    for (xmlNode *c = first; c != stop && !content; c = c->next)
        content = !is_ignorable(c) && !(named(c, "p") && !c->children && !c->properties);
    if (!content)
        return;
    xmlNode *at = first;
    while (at != stop && is_ignorable(at))
        at = at->next;
    report(r, IMPRINT_SEV_WARNING, at,
           "content outside any <div type=\"article\"> is kept in an untitled article");
    imprint_node *art = imprint_node_new(r->doc, IMPRINT_NODE_ARTICLE, pos_of(r, at));
    imprint_node_append(r->doc->root, art);
    r->article = art;
    r->articles++;
    read_blocks(r, first, stop, art, 1, 0, 0);
    if (!r->failed)
        finish_notes(r);
    r->article = NULL;
}

static void read_body(tei_reader *r, xmlNode *body)
{
    check_attrs(r, body, no_attrs);
    xmlNode *run = NULL;
    for (xmlNode *c = body->children; c && !r->failed; c = c->next) {
        if (named(c, "div")) {
            if (run)
                read_stray(r, run, c);
            run = NULL;
            if (!attr_is(c, "type", TEI_ARTICLE_TYPE))
                report(r, IMPRINT_SEV_WARNING, c,
                       "<div> in <body> without type=\"article\" is read as an article");
            read_article(r, c);
        } else if (!run) {
            run = c;
        }
    }
    if (run && !r->failed)
        read_stray(r, run, NULL);
}

static void set_meta(tei_reader *r, const char **field, xmlNode *el)
{
    char *v = plain_text(r, el, true);
    if (!*field && v && *v)
        *field = v;
}

static void warn_unread(tei_reader *r, xmlNode *c)
{
    if (c->type == XML_ELEMENT_NODE)
        report(r, IMPRINT_SEV_WARNING, c, "<%s> in the header is not read", (const char *)c->name);
}

static void read_header(tei_reader *r, xmlNode *header)
{
    imprint_meta *m = &r->doc->meta;
    for (xmlNode *fd = header->children; fd; fd = fd->next) {
        if (is_ignorable(fd))
            continue;
        if (!named(fd, "fileDesc")) {
            warn_unread(r, fd);
            continue;
        }
        for (xmlNode *s = fd->children; s; s = s->next) {
            if (is_ignorable(s))
                continue;
            for (xmlNode *c = s->children; c; c = c->next) {
                if (is_ignorable(c))
                    continue;
                if (named(s, "titleStmt") && named(c, "title")) {
                    if (attr_is(c, "type", TEI_SUBTITLE_TYPE))
                        set_meta(r, &m->subtitle, c);
                    else
                        set_meta(r, &m->title, c);
                } else if (named(s, "titleStmt") && named(c, "editor")) {
                    set_meta(r, &m->editor, c);
                } else if (named(s, "publicationStmt") && named(c, "publisher")) {
                    set_meta(r, &m->publisher, c);
                } else if (named(s, "publicationStmt") && named(c, "date")) {
                    set_meta(r, &m->date, c);
                } else if (named(s, "publicationStmt") && named(c, "idno")) {
                    set_meta(r, &m->identifier, c);
                } else if (named(s, "publicationStmt") && named(c, "availability")) {
                    for (xmlNode *l = c->children; l; l = l->next)
                        if (named(l, "licence") || named(l, "p"))
                            set_meta(r, &m->rights, l);
                } else if (named(s, "notesStmt") && named(c, "note") &&
                           attr_is(c, "type", TEI_DESCRIPTION_TYPE)) {
                    set_meta(r, &m->description, c);
                } else if (named(s, "sourceDesc") && named(c, "bibl")) {
                    xmlChar *id = xmlGetNsProp(c, BAD_CAST "id", XML_XML_NAMESPACE);
                    if (id)
                        g_hash_table_insert(r->sources, g_strdup((const char *)id), c);
                    xmlFree(id);
                } else if (named(s, "sourceDesc") && named(c, "p") && !c->children) {
                    /* the writer's sourceDesc of a document without articles */
                } else {
                    warn_unread(r, c);
                }
            }
        }
    }
}

static void on_xml_error(void *data, xmlErrorPtr err)
{
    tei_reader *r = data;
    if (err->level != XML_ERR_FATAL) {
        /* Validity remarks (duplicate ids...) do not stop reading. */
        char *msg = g_strchomp(g_strdup(err->message ? err->message : "XML problem"));
        imprint_diags_report(r->diags, IMPRINT_SEV_WARNING,
                             (imprint_pos){r->path, (unsigned)err->line, (unsigned)err->int2}, "%s",
                             msg);
        g_free(msg);
        return;
    }
    if (r->have_error)
        return;
    r->have_error = true;
    r->err_line = err->line;
    r->err_col = err->int2;
    r->err_message = g_strchomp(g_strdup(err->message ? err->message : "not well-formed"));
}

int imprint_read_tei(imprint_doc *doc, const char *path, const char *data, size_t len,
                     const imprint_read_opts *opts, imprint_diags *diags)
{
    (void)opts;
    tei_reader r = {
        .doc = doc,
        .path = path,
        .diags = diags,
        .sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .notes = g_ptr_array_new_with_free_func(pending_note_free),
        .refs = g_ptr_array_new_with_free_func(pending_ref_free),
    };
    int result = -1;
    xmlDocPtr xd = NULL;
    xmlParserCtxtPtr ctxt = NULL;

    if (len > INT_MAX) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "file too large for the XML parser");
        goto cleanup;
    }
    ctxt = xmlNewParserCtxt();
    if (!ctxt)
        goto cleanup;
    /* No network, no DTD loading, no entity substitution (entities stay
     * references, reported and kept as text); CDATA read as text. */
    xmlStructuredErrorFunc saved_fn = xmlStructuredError;
    void *saved_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&r, on_xml_error);
    xd = xmlCtxtReadMemory(ctxt, data, (int)len, path, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    xmlSetStructuredErrorFunc(saved_ctx, saved_fn);
    if (!xd || !ctxt->wellFormed || r.have_error) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR,
                             (imprint_pos){path, r.have_error ? (unsigned)r.err_line : 1,
                                           r.have_error ? (unsigned)r.err_col : 1},
                             "malformed XML: %s", r.err_message ? r.err_message : "unreadable");
        goto cleanup;
    }

    xmlNode *root = xmlDocGetRootElement(xd);
    if (!root || !named(root, "TEI")) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR,
                             (imprint_pos){path, root ? node_line(root) : 1, 0},
                             "not a TEI document: the root element is <%s>, not <TEI>",
                             root ? (const char *)root->name : "");
        goto cleanup;
    }
    if (!root->ns)
        report(&r, IMPRINT_SEV_WARNING, root, "<TEI> without the TEI namespace " TEI_NS);
    static const char *const root_known[] = {"xml:lang", NULL};
    check_attrs(&r, root, root_known);
    if (!doc->meta.language)
        doc->meta.language = get_attr(&r, root, "xml:lang");

    bool have_text = false;
    for (xmlNode *c = root->children; c && !r.failed; c = c->next) {
        if (is_ignorable(c))
            continue;
        if (named(c, "teiHeader")) {
            read_header(&r, c);
        } else if (named(c, "text") && !have_text) {
            have_text = true;
            static const char *const text_known[] = {"xml:lang", NULL};
            check_attrs(&r, c, text_known);
            for (xmlNode *b = c->children; b && !r.failed; b = b->next) {
                if (is_ignorable(b))
                    continue;
                if (!named(b, "body"))
                    report(&r, IMPRINT_SEV_WARNING, b, "<%s> in <text> is read as part of the body",
                           b->type == XML_ELEMENT_NODE ? (const char *)b->name : "text");
                if (b->type == XML_ELEMENT_NODE)
                    read_body(&r, b);
            }
        } else {
            report(&r, IMPRINT_SEV_WARNING, c, "<%s> in <TEI> is read as part of the body",
                   c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            if (c->type == XML_ELEMENT_NODE)
                read_body(&r, c);
        }
    }
    if (!r.failed)
        result = r.articles;

cleanup:
    xmlFreeDoc(xd);
    xmlFreeParserCtxt(ctxt);
    g_free(r.err_message);
    g_hash_table_destroy(r.sources);
    g_ptr_array_free(r.notes, TRUE);
    g_ptr_array_free(r.refs, TRUE);
    return result;
}
