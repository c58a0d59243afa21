/* Helpers of the TEI reader over libxml2's tree: line of a node, messages,
 * which elements are TEI and which nodes carry nothing, attributes, plain
 * text, and the depth-checked appending of model nodes. */
#include "read/tei/tei_reader.h"

#include <stdarg.h>
#include <string.h>

#include "model/nfc.h"
#include "model/tei_names.h"

unsigned tei_node_line(const xmlNode *n)
{
    for (; n; n = n->parent) {
        long line = xmlGetLineNo(n);
        if (line > 0)
            return (unsigned)line;
    }
    return 1;
}

imprint_pos tei_pos_of(const tei_reader *r, const xmlNode *n)
{
    return (imprint_pos){r->path, tei_node_line(n), 0};
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

void tei_report(tei_reader *r, imprint_severity sev, const xmlNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    imprint_diags_report(r->diags, sev, tei_pos_of(r, n), "%s", msg);
    g_free(msg);
    if (sev == IMPRINT_SEV_ERROR)
        r->failed = true;
}

void tei_warn_unknown(tei_reader *r, const xmlNode *n)
{
    char buf[128];
    tei_report(r, IMPRINT_SEV_WARNING, n, "unknown element <%s> (its text is kept)",
               qname(n, buf, sizeof buf));
}

bool tei_is_tei(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE &&
           (!n->ns || strcmp((const char *)n->ns->href, TEI_NS) == 0);
}

bool tei_named(const xmlNode *n, const char *name)
{
    return tei_is_tei(n) && strcmp((const char *)n->name, name) == 0;
}

bool tei_is_blank_text(const xmlNode *n)
{
    /* A text or CDATA node of XML white space only. */
    return xmlIsBlankNode((xmlNode *)n) != 0;
}

/* Nodes that carry nothing: layout whitespace, comments, processing
 * instructions. */
bool tei_is_ignorable(const xmlNode *n)
{
    return tei_is_blank_text(n) || n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE;
}

char *tei_arena_nfc(tei_reader *r, const char *s)
{
    if (!s)
        return NULL;
    char *nfc = imprint_nfc(s, -1);
    char *out = imprint_arena_strdup(r->doc->arena, nfc ? nfc : s);
    g_free(nfc);
    return out;
}

/* An attribute's value in the arena (NFC), or NULL. `name` may be "xml:id"
 * or "xml:lang". */
char *tei_get_attr(tei_reader *r, const xmlNode *n, const char *name)
{
    xmlChar *v;
    if (strncmp(name, "xml:", 4) == 0)
        v = xmlGetNsProp(n, BAD_CAST(name + 4), XML_XML_NAMESPACE);
    else
        v = xmlGetNoNsProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    char *out = tei_arena_nfc(r, (const char *)v);
    xmlFree(v);
    return out;
}

bool tei_attr_is(const xmlNode *n, const char *name, const char *value)
{
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
    bool eq = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return eq;
}

/* Warns about each attribute of `n` the reader does not take (a
 * NULL-terminated list of the ones it does). */
void tei_check_attrs(tei_reader *r, const xmlNode *n, const char *const *known)
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
            tei_report(r, IMPRINT_SEV_WARNING, n, "attribute %s of <%s> is not read (ignored)",
                       name, (const char *)n->name);
    }
}

const char *const tei_no_attrs[] = {NULL};

/* Plain text of an element, NFC, in the arena; warns if it held markup. */
char *tei_plain_text(tei_reader *r, const xmlNode *n, bool warn_markup)
{
    if (warn_markup) {
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                tei_report(r, IMPRINT_SEV_WARNING, c,
                           "markup inside <%s> is not kept (its text is)", (const char *)n->name);
                break;
            }
    }
    xmlChar *v = xmlNodeGetContent(n);
    char *out = tei_arena_nfc(r, v ? (const char *)v : "");
    xmlFree(v);
    return out;
}

/* Appends a new node of `kind` to `parent`, which sits at `depth` (the
 * document is 0). Past IMPRINT_MAX_DEPTH it is an error. */
imprint_node *tei_add(tei_reader *r, imprint_node *parent, int depth, imprint_node_kind kind,
                      const xmlNode *src)
{
    if (depth + 1 > IMPRINT_MAX_DEPTH) {
        if (!r->failed)
            tei_report(r, IMPRINT_SEV_ERROR, src, "nested deeper than %d levels",
                       IMPRINT_MAX_DEPTH);
        return NULL;
    }
    imprint_node *n = imprint_node_new(r->doc, kind, tei_pos_of(r, src));
    if (!imprint_node_append(parent, n)) {
        /* The callers only build what the model allows; guard anyway. */
        tei_report(r, IMPRINT_SEV_ERROR, src, "a %s cannot stand inside a %s",
                   imprint_node_kind_name(kind), imprint_node_kind_name(parent->kind));
        return NULL;
    }
    return n;
}
