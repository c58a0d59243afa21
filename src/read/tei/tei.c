/*
 * The `tei` dialect's entry point and its walk over the document: the XML
 * parse, <TEI>, <text>, <body>, and the title, authors and date that open
 * each article div; the rest lives beside it (tei_reader.h).
 *
 * The reader reads back what the TEI writer (src/write/tei) writes (the mapping is in
 * tei_names.h), and hand-corrected versions of it. Markup the model has no
 * place for gets a warning and its text is kept in the nearest place that
 * can hold it. Positions are the TEI file's lines.
 *
 * Whitespace: the writer puts whitespace only between block elements, never
 * inside inline content; so whitespace-only text between blocks is layout,
 * and all text inside p, head, l, cell, hi... is content.
 */
#include "imprint/reader.h"

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>

#include "model/tei_names.h"
#include "read/tei/tei_reader.h"

static bool is_div_top(const xmlNode *c)
{
    return tei_named(c, "head") || tei_named(c, "byline") || tei_named(c, "docAuthor") ||
           tei_named(c, "docDate");
}

static void read_byline(tei_reader *r, xmlNode *byline, GPtrArray *authors)
{
    tei_check_attrs(r, byline, tei_no_attrs);
    for (xmlNode *a = byline->children; a; a = a->next) {
        if (tei_named(a, "docAuthor")) {
            tei_check_attrs(r, a, tei_no_attrs);
            g_ptr_array_add(authors, tei_plain_text(r, a, true));
        } else if (!tei_is_ignorable(a)) {
            tei_report(r, IMPRINT_SEV_WARNING, a,
                       "byline content outside <docAuthor> is kept as an author");
            xmlChar *v = xmlNodeGetContent(a);
            char *s = g_strstrip(g_strdup(v ? (const char *)v : ""));
            if (*s)
                g_ptr_array_add(authors, tei_arena_nfc(r, s));
            g_free(s);
            xmlFree(v);
        }
    }
}

/* The title, subtitle, authors and date that open an article's div go to
 * the article, not to its blocks; returns where its blocks begin. */
static xmlNode *read_article_top(tei_reader *r, imprint_node *art, xmlNode *el)
{
    GPtrArray *authors = g_ptr_array_new();
    xmlNode *c = el->children;
    for (; c; c = c->next) {
        if (tei_is_ignorable(c))
            continue;
        if (!is_div_top(c))
            break;
        if (tei_named(c, "head")) {
            static const char *const head_known[] = {"type", NULL};
            tei_check_attrs(r, c, head_known);
            if (tei_attr_is(c, "type", TEI_SUBTITLE_TYPE) && !art->as.article.subtitle)
                art->as.article.subtitle = tei_plain_text(r, c, true);
            else if (!xmlHasProp(c, BAD_CAST "type") && !art->as.article.title)
                art->as.article.title = tei_plain_text(r, c, true);
            else
                break; /* a second title: read as a heading */
        } else if (tei_named(c, "byline")) {
            read_byline(r, c, authors);
        } else if (tei_named(c, "docAuthor")) {
            tei_check_attrs(r, c, tei_no_attrs);
            g_ptr_array_add(authors, tei_plain_text(r, c, true));
        } else if (tei_named(c, "docDate")) {
            tei_check_attrs(r, c, tei_no_attrs);
            if (!art->as.article.date)
                art->as.article.date = tei_plain_text(r, c, true);
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
    return c;
}

static void read_article(tei_reader *r, xmlNode *el)
{
    static const char *const known[] = {"type", "xml:id", "source", "xml:lang", NULL};
    tei_check_attrs(r, el, known);
    imprint_node *art = imprint_node_new(r->doc, IMPRINT_NODE_ARTICLE, tei_pos_of(r, el));
    imprint_node_append(r->doc->root, art);
    r->article = art;
    r->articles++;
    art->as.article.lang = tei_get_attr(r, el, "xml:lang");
    tei_set_source(r, art, el);

    xmlNode *c = read_article_top(r, art, el);
    tei_read_blocks(r, c, NULL, art, 1, 0, 0);
    if (!r->failed)
        tei_finish_notes(r);
    r->article = NULL;
}

/* Content outside any article div (hand edits) is kept in an untitled
 * article of its own. A lone empty <p/> is what the writer puts in the body
 * of a document without articles. */
static void read_stray(tei_reader *r, xmlNode *first, xmlNode *stop)
{
    bool content = false;
    for (xmlNode *c = first; c != stop && !content; c = c->next)
        content = !tei_is_ignorable(c) && !(tei_named(c, "p") && !c->children && !c->properties);
    if (!content)
        return;
    xmlNode *at = first;
    while (at != stop && tei_is_ignorable(at))
        at = at->next;
    tei_report(r, IMPRINT_SEV_WARNING, at,
               "content outside any <div type=\"article\"> is kept in an untitled article");
    imprint_node *art = imprint_node_new(r->doc, IMPRINT_NODE_ARTICLE, tei_pos_of(r, at));
    imprint_node_append(r->doc->root, art);
    r->article = art;
    r->articles++;
    tei_read_blocks(r, first, stop, art, 1, 0, 0);
    if (!r->failed)
        tei_finish_notes(r);
    r->article = NULL;
}

static void read_body(tei_reader *r, xmlNode *body)
{
    tei_check_attrs(r, body, tei_no_attrs);
    xmlNode *run = NULL;
    for (xmlNode *c = body->children; c && !r->failed; c = c->next) {
        if (tei_named(c, "div")) {
            if (run)
                read_stray(r, run, c);
            run = NULL;
            if (!tei_attr_is(c, "type", TEI_ARTICLE_TYPE))
                tei_report(r, IMPRINT_SEV_WARNING, c,
                           "<div> in <body> without type=\"article\" is read as an article");
            read_article(r, c);
        } else if (!run) {
            run = c;
        }
    }
    if (run && !r->failed)
        read_stray(r, run, NULL);
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
    char *msg = g_strchomp(g_strdup(err->message ? err->message : "not well-formed"));
    if (err->code == XML_ERR_ENTITY_LOOP) {
        /* libxml2 refuses entities that refer to themselves or grow
         * exponentially (billion laughs) while checking them */
        r->err_message =
            g_strdup_printf("entities that expand without bound are refused (%s)", msg);
        g_free(msg);
    } else {
        r->err_message = msg;
    }
}

/* libxml2's messages come to on_xml_error only while this parse runs, so
 * that whoever else uses libxml2 keeps its own handler. */
static xmlDocPtr parse_xml(tei_reader *r, xmlParserCtxtPtr ctxt, const char *data, size_t len)
{
    /* No network, no DTD loading, no entity substitution (entities stay
     * references, reported and kept as text); CDATA read as text. */
    xmlStructuredErrorFunc saved_fn = xmlStructuredError;
    void *saved_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(r, on_xml_error);
    xmlDocPtr xd = xmlCtxtReadMemory(ctxt, data, (int)len, r->path, "UTF-8",
                                     XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    xmlSetStructuredErrorFunc(saved_ctx, saved_fn);
    return xd;
}

static void read_text(tei_reader *r, xmlNode *text)
{
    static const char *const text_known[] = {"xml:lang", NULL};
    tei_check_attrs(r, text, text_known);
    for (xmlNode *b = text->children; b && !r->failed; b = b->next) {
        if (tei_is_ignorable(b))
            continue;
        if (!tei_named(b, "body"))
            tei_report(r, IMPRINT_SEV_WARNING, b, "<%s> in <text> is read as part of the body",
                       b->type == XML_ELEMENT_NODE ? (const char *)b->name : "text");
        if (b->type == XML_ELEMENT_NODE)
            read_body(r, b);
    }
}

static void read_root(tei_reader *r, xmlNode *root)
{
    if (!root->ns)
        tei_report(r, IMPRINT_SEV_WARNING, root, "<TEI> without the TEI namespace " TEI_NS);
    static const char *const root_known[] = {"xml:lang", NULL};
    tei_check_attrs(r, root, root_known);
    if (!r->doc->meta.language)
        r->doc->meta.language = tei_get_attr(r, root, "xml:lang");

    bool have_text = false;
    for (xmlNode *c = root->children; c && !r->failed; c = c->next) {
        if (tei_is_ignorable(c))
            continue;
        if (tei_named(c, "teiHeader")) {
            tei_read_header(r, c);
        } else if (tei_named(c, "text") && !have_text) {
            /* A second <text> is not the text: it is read as body below. */
            have_text = true;
            read_text(r, c);
        } else {
            tei_report(r, IMPRINT_SEV_WARNING, c, "<%s> in <TEI> is read as part of the body",
                       c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            if (c->type == XML_ELEMENT_NODE)
                read_body(r, c);
        }
    }
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
        .notes = tei_pending_notes_new(),
        .refs = tei_pending_refs_new(),
        .read_blocks = tei_read_blocks,
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
    xd = parse_xml(&r, ctxt, data, len);
    if (!xd || !ctxt->wellFormed || r.have_error) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR,
                             (imprint_pos){path, r.have_error ? (unsigned)r.err_line : 1,
                                           r.have_error ? (unsigned)r.err_col : 1},
                             "malformed XML: %s", r.err_message ? r.err_message : "unreadable");
        goto cleanup;
    }

    xmlNode *root = xmlDocGetRootElement(xd);
    if (!root || !tei_named(root, "TEI")) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR,
                             (imprint_pos){path, root ? tei_node_line(root) : 1, 0},
                             "not a TEI document: the root element is <%s>, not <TEI>",
                             root ? (const char *)root->name : "");
        goto cleanup;
    }
    read_root(&r, root);
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
