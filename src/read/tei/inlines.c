/* Inline content of the TEI reader: runs of text, <hi>/<emph> styles,
 * <lb>, links, note references and notes written among the text; block
 * elements met here are read as their text. */
#include "model/typography.h"
#include "read/tei/tei_reader.h"

#include <stdlib.h>
#include <string.h>

#include "model/tei_names.h"

static void add_text(tei_reader *r, imprint_node *parent, int depth, const xmlNode *src,
                     const char *s)
{
    if (!s || !*s)
        return;
    if (depth + 1 > IMPRINT_MAX_DEPTH) {
        tei_add(r, parent, depth, IMPRINT_NODE_TEXT, src);
        return;
    }
    /* One TEXT node per run of text, as the writer's model had; the run
     * grows in place however many pieces (comments, entities) it has. */
    imprint_node_append_text(r->doc, parent, tei_pos_of(r, src), s, strlen(s));
}

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
    if (!tei_is_tei(n))
        return false;
    for (const char *const *k = names; *k; k++)
        if (strcmp((const char *)n->name, *k) == 0)
            return true;
    return false;
}

static void read_entity_ref(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    /* Never expanded (no external entities); kept as written. */
    tei_report(r, IMPRINT_SEV_WARNING, c, "entity reference &%s; is not expanded (kept as text)",
               (const char *)c->name);
    char *t = g_strdup_printf("&%s;", (const char *)c->name);
    add_text(r, parent, depth, c, t);
    g_free(t);
}

static void read_hi(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    static const char *const known[] = {"rend", NULL};
    tei_check_attrs(r, c, known);
    char *rend = tei_get_attr(r, c, "rend");
    imprint_node_kind kind = tei_named(c, "emph") ? IMPRINT_NODE_EMPH : hi_kind(rend);
    if (kind == IMPRINT_NODE_KIND_COUNT) {
        tei_report(r, IMPRINT_SEV_WARNING, c, "<hi rend=\"%s\"> is not a known style (text kept)",
                   rend ? rend : "");
        tei_read_inlines(r, c->children, NULL, parent, depth);
        return;
    }
    imprint_node *n = tei_add(r, parent, depth, kind, c);
    if (n)
        tei_read_inlines(r, c->children, NULL, n, depth + 1);
}

/* <ref type="noteref">: a marker whose note is not linked; its content, if
 * any, stays as text beside it. */
static void read_ref_noteref(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    static const char *const known[] = {"type", "n", NULL};
    tei_check_attrs(r, c, known);
    imprint_node *n = tei_add(r, parent, depth, IMPRINT_NODE_NOTEREF, c);
    char *num = tei_get_attr(r, c, "n");
    if (n && num)
        imprint_text_number(num, G_MAXINT, &n->as.noteref.number);
    if (c->children)
        tei_read_inlines(r, c->children, NULL, parent, depth);
}

/* <ptr type="noteref" target="#id">: linked to its note when the article
 * ends, as the note may come later. */
static void read_ptr_noteref(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    static const char *const known[] = {"type", "target", "n", NULL};
    tei_check_attrs(r, c, known);
    char *target = tei_get_attr(r, c, "target");
    char *num = tei_get_attr(r, c, "n");
    imprint_node *n = tei_add(r, parent, depth, IMPRINT_NODE_NOTEREF, c);
    if (!n)
        return;
    /* n may be a named label ("first"); then the number is the note's. */
    bool numeric = imprint_text_number(num, G_MAXINT, &n->as.noteref.number);
    tei_add_pending_ref(r, n, NULL, target && target[0] == '#' ? target + 1 : target, numeric);
}

static void read_link(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    static const char *const known[] = {"target", NULL};
    tei_check_attrs(r, c, known);
    char *target = tei_get_attr(r, c, "target");
    if (!target) {
        tei_report(r, IMPRINT_SEV_WARNING, c, "<%s> without target (text kept)",
                   (const char *)c->name);
        tei_read_inlines(r, c->children, NULL, parent, depth);
        return;
    }
    imprint_node *n = tei_add(r, parent, depth, IMPRINT_NODE_LINK, c);
    if (!n)
        return;
    n->as.link.url = target;
    /* A <ptr> has no content: the URL is its text. */
    if (tei_named(c, "ptr"))
        add_text(r, n, depth + 1, c, target);
    else
        tei_read_inlines(r, c->children, NULL, n, depth + 1);
}

/* A note written where it is referred to: the reference goes here, the note
 * to the article. A note that cannot be one leaves its text in place. */
static void read_note_in_text(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    imprint_node *ref = tei_add(r, parent, depth, IMPRINT_NODE_NOTEREF, c);
    if (!ref)
        return;
    imprint_node *note = tei_read_note(r, c);
    if (note) {
        tei_add_pending_ref(r, ref, note, NULL, false);
    } else {
        imprint_node_unlink(ref);
        tei_read_inlines(r, c->children, NULL, parent, depth);
    }
}

static void read_inline_element(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    if (tei_named(c, "hi") || tei_named(c, "emph")) {
        read_hi(r, c, parent, depth);
    } else if (tei_named(c, "lb")) {
        tei_check_attrs(r, c, tei_no_attrs);
        tei_add(r, parent, depth, IMPRINT_NODE_LINEBREAK, c);
    } else if (tei_named(c, "ref") && tei_attr_is(c, "type", TEI_NOTEREF_TYPE)) {
        read_ref_noteref(r, c, parent, depth);
    } else if (tei_named(c, "ptr") && tei_attr_is(c, "type", TEI_NOTEREF_TYPE)) {
        read_ptr_noteref(r, c, parent, depth);
    } else if (tei_named(c, "ref") || tei_named(c, "ptr")) {
        read_link(r, c, parent, depth);
    } else if (tei_named(c, "note")) {
        read_note_in_text(r, c, parent, depth);
    } else {
        if (is_block_name(c))
            tei_report(r, IMPRINT_SEV_WARNING, c, "<%s> inside inline content is read as its text",
                       (const char *)c->name);
        else
            tei_warn_unknown(r, c);
        tei_read_inlines(r, c->children, NULL, parent, depth);
    }
}

static void read_inline(tei_reader *r, xmlNode *c, imprint_node *parent, int depth)
{
    switch (c->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        add_text(r, parent, depth, c, (const char *)c->content);
        return;
    case XML_ENTITY_REF_NODE:
        read_entity_ref(r, c, parent, depth);
        return;
    case XML_ELEMENT_NODE:
        read_inline_element(r, c, parent, depth);
        return;
    default:
        return;
    }
}

void tei_read_inlines(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *parent, int depth)
{
    for (xmlNode *c = first; c && c != stop && !r->failed; c = c->next)
        read_inline(r, c, parent, depth);
}
