/* Blocks of the TEI reader: paragraphs (and blocks lifted out of them),
 * quotations, lists and bibliographies, verse, speeches, tables, figures,
 * section breaks, headings of the divs below an article, and inline content
 * standing where blocks belong. */
#include "model/typography.h"
#include "read/tei/tei_reader.h"

#include <stdlib.h>
#include <string.h>

#include "model/tei_names.h"

/* An element whose content is inlines, as a node of `kind` in `container`. */
static imprint_node *inline_block(tei_reader *r, xmlNode *el, imprint_node *container, int depth,
                                  imprint_node_kind kind)
{
    imprint_node *n = tei_add(r, container, depth, kind, el);
    if (n)
        tei_read_inlines(r, el->children, NULL, n, depth + 1);
    return n;
}

static bool has_content(xmlNode *first, xmlNode *stop)
{
    for (xmlNode *c = first; c && c != stop; c = c->next)
        if (!tei_is_ignorable(c))
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
    while (at != stop && tei_is_ignorable(at))
        at = at->next;
    imprint_node *para = tei_add(r, container, depth, IMPRINT_NODE_PARAGRAPH, at);
    if (!para)
        return;
    tei_read_inlines(r, first, stop, para, depth + 1);
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
    if (!tei_is_tei(c))
        return false;
    for (const char *const *k = names; *k; k++)
        if (strcmp((const char *)c->name, *k) == 0)
            return true;
    /* A <bibl> alone in a <p> is a bibliography entry; among text it is
     * inline. */
    if (tei_named(c, "bibl")) {
        for (const xmlNode *o = p->children; o; o = o->next)
            if (o != c && !tei_is_ignorable(o))
                return false;
        return true;
    }
    return false;
}

static void read_paragraph(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    bool closer = tei_attr_is(el, "rend", TEI_CLOSER_REND);
    if (closer || tei_attr_is(el, "rend", TEI_OPENER_REND)) {
        static const char *const known[] = {"rend", NULL};
        tei_check_attrs(r, el, known);
        inline_block(r, el, container, depth, closer ? IMPRINT_NODE_CLOSER : IMPRINT_NODE_OPENER);
        return;
    }
    tei_check_attrs(r, el, tei_no_attrs);
    bool split = false;
    for (xmlNode *c = el->children; c && !split; c = c->next)
        split = is_block_in_p(c, el);
    if (!split) {
        inline_block(r, el, container, depth, IMPRINT_NODE_PARAGRAPH);
        return;
    }
    /* Blocks inside a <p> (as the writer puts them in a speech) stand on
     * their own; text around them makes paragraphs. */
    tei_read_blocks(r, el->children, NULL, container, depth, 0, 0);
}

/* <opener>: each <salute> or <dateline> in it an opener of its own; one
 * with text of its own, one opener. */
static void read_opener(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    bool parts = false;
    for (xmlNode *c = el->children; c && !parts; c = c->next)
        parts = tei_named(c, "salute") || tei_named(c, "dateline");
    if (!parts) {
        inline_block(r, el, container, depth, IMPRINT_NODE_OPENER);
        return;
    }
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (tei_named(c, "salute") || tei_named(c, "dateline")) {
            tei_check_attrs(r, c, tei_no_attrs);
            inline_block(r, c, container, depth, IMPRINT_NODE_OPENER);
        } else if (!tei_is_ignorable(c)) {
            tei_read_blocks(r, c, c->next, container, depth, 0, 0);
        }
    }
}

static void read_cit(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    static const char *const known[] = {"type", NULL};
    tei_check_attrs(r, el, known);
    if (tei_attr_is(el, "type", TEI_WRAP_TYPE)) {
        for (xmlNode *c = el->children; c && !r->failed; c = c->next)
            if (tei_named(c, "q"))
                tei_read_blocks(r, c->children, NULL, container, depth, 0, 0);
            else if (!tei_is_ignorable(c))
                tei_read_blocks(r, c, c->next, container, depth, 0, 0);
        return;
    }
    imprint_node *quote = tei_add(r, container, depth, IMPRINT_NODE_QUOTE, el);
    if (!quote)
        return;
    xmlNode *citation = NULL;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (tei_named(c, "q")) {
            tei_check_attrs(r, c, tei_no_attrs);
            tei_read_blocks(r, c->children, NULL, quote, depth + 1, 0, 0);
        } else if (tei_named(c, "bibl") && !citation) {
            citation = c;
        } else if (!tei_is_ignorable(c)) {
            tei_read_blocks(r, c, c->next, quote, depth + 1, 0, 0);
        }
    }
    if (citation && !r->failed) {
        tei_check_attrs(r, citation, tei_no_attrs);
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
    int v = 1;
    imprint_text_number(n, G_MAXINT, &v);
    return v;
}

static void read_list(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    static const char *const known[] = {"type", "rend", NULL};
    tei_check_attrs(r, el, known);
    imprint_node *list = tei_add(r, container, depth, IMPRINT_NODE_LIST, el);
    if (!list)
        return;
    char *rend = tei_get_attr(r, el, "rend");
    char *type = tei_get_attr(r, el, "type");
    list->as.list.style = IMPRINT_LIST_BULLET;
    if (rend && (strcmp(rend, TEI_LIST_DECIMAL) == 0 || strcmp(rend, "ordered") == 0))
        list->as.list.style = IMPRINT_LIST_DECIMAL;
    else if (rend && strcmp(rend, TEI_LIST_ALPHA) == 0)
        list->as.list.style = IMPRINT_LIST_ALPHA;
    else if (rend && strcmp(rend, TEI_LIST_PLAIN) == 0)
        list->as.list.style = IMPRINT_LIST_PLAIN;
    else if (rend && strcmp(rend, TEI_LIST_BULLET) != 0)
        tei_report(r, IMPRINT_SEV_WARNING, el, "list style \"%s\" is not known (read as bulleted)",
                   rend);
    if (type && strcmp(type, TEI_LIST_BIBLIOGRAPHY) == 0)
        list->as.list.bibliography = true;
    else if (type && strcmp(type, TEI_LIST_CONTENTS) == 0)
        list->as.list.contents = true;
    else if (type)
        tei_report(r, IMPRINT_SEV_WARNING, el, "list type \"%s\" is not kept", type);
    list->as.list.start = 1;

    bool first = true;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (tei_is_ignorable(c))
            continue;
        imprint_node *item = tei_add(r, list, depth + 1, IMPRINT_NODE_ITEM, c);
        if (!item)
            return;
        if (tei_named(c, "item")) {
            static const char *const item_known[] = {"n", NULL};
            tei_check_attrs(r, c, item_known);
            if (first)
                list->as.list.start =
                    parse_item_number(tei_get_attr(r, c, "n"), list->as.list.style);
            tei_read_blocks(r, c->children, NULL, item, depth + 2, 0, 0);
        } else {
            tei_report(r, IMPRINT_SEV_WARNING, c,
                       "<%s> in a list is not an item (kept as an item of its own)",
                       c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            tei_read_blocks(r, c, c->next, item, depth + 2, 0, 0);
        }
        first = false;
    }
}

static void read_listbibl(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    tei_check_attrs(r, el, tei_no_attrs);
    imprint_node *list = tei_add(r, container, depth, IMPRINT_NODE_LIST, el);
    if (!list)
        return;
    list->as.list.style = IMPRINT_LIST_BULLET;
    list->as.list.bibliography = true;
    list->as.list.start = 1;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (tei_is_ignorable(c))
            continue;
        imprint_node *item = tei_add(r, list, depth + 1, IMPRINT_NODE_ITEM, c);
        if (!item)
            return;
        tei_read_blocks(r, c, c->next, item, depth + 2, 0, 0);
    }
}

static void read_lg(tei_reader *r, xmlNode *el, imprint_node *verse, int depth)
{
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (tei_is_ignorable(c))
            continue;
        if (tei_named(c, "l")) {
            static const char *const known[] = {"rend", "n", NULL};
            tei_check_attrs(r, c, known);
            inline_block(r, c, verse, depth, IMPRINT_NODE_LINE);
            char *n = tei_get_attr(r, c, "n");
            int number = 0;
            if (n && imprint_text_number(n, IMPRINT_MAX_LINE_NUMBER, &number) && verse->last_child)
                verse->last_child->as.line.number = number;
            else if (n)
                tei_report(r, IMPRINT_SEV_WARNING, c, "<l n=\"%s\"> is not a line number; ignored",
                           n);
            char *rend = tei_get_attr(r, c, "rend");
            int indent = 0;
            if (rend && g_str_has_prefix(rend, TEI_REND_INDENT) &&
                imprint_text_number(rend + strlen(TEI_REND_INDENT), 1000, &indent) &&
                verse->last_child)
                verse->last_child->as.line.indent = indent;
            else if (rend)
                tei_report(r, IMPRINT_SEV_WARNING, c, "<l rend=\"%s\"> is not understood; ignored",
                           rend);
        } else if (tei_named(c, "lg")) {
            tei_report(r, IMPRINT_SEV_WARNING, c, "nested <lg> is read into the verse around it");
            read_lg(r, c, verse, depth);
        } else {
            tei_report(r, IMPRINT_SEV_WARNING, c, "<%s> in verse is kept as a line",
                       c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            imprint_node *line = tei_add(r, verse, depth, IMPRINT_NODE_LINE, c);
            if (line)
                tei_read_inlines(r, c, c->next, line, depth + 1);
        }
    }
}

static void read_table(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    tei_check_attrs(r, el, tei_no_attrs);
    imprint_node *table = tei_add(r, container, depth, IMPRINT_NODE_TABLE, el);
    if (!table)
        return;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (tei_is_ignorable(c))
            continue;
        imprint_node *row = tei_add(r, table, depth + 1, IMPRINT_NODE_ROW, c);
        if (!row)
            return;
        if (!tei_named(c, "row")) {
            tei_report(r, IMPRINT_SEV_WARNING, c, "<%s> in a table is kept as a row",
                       c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            imprint_node *cell = tei_add(r, row, depth + 2, IMPRINT_NODE_CELL, c);
            if (cell)
                tei_read_inlines(r, c, c->next, cell, depth + 3);
            continue;
        }
        static const char *const row_attrs[] = {"role", NULL};
        tei_check_attrs(r, c, row_attrs);
        char *role = tei_get_attr(r, c, "role");
        if (role && strcmp(role, TEI_ROW_LABEL) == 0)
            row->as.row.header = true;
        else if (role && strcmp(role, TEI_ROW_DATA) != 0)
            tei_report(r, IMPRINT_SEV_WARNING, c, "row role \"%s\" is not kept (read as data)",
                       role);
        for (xmlNode *d = c->children; d && !r->failed; d = d->next) {
            if (tei_is_ignorable(d))
                continue;
            imprint_node *cell = tei_add(r, row, depth + 2, IMPRINT_NODE_CELL, d);
            if (!cell)
                return;
            if (tei_named(d, "cell")) {
                tei_check_attrs(r, d, tei_no_attrs);
                tei_read_inlines(r, d->children, NULL, cell, depth + 3);
            } else {
                tei_report(r, IMPRINT_SEV_WARNING, d, "<%s> in a row is kept as a cell",
                           d->type == XML_ELEMENT_NODE ? (const char *)d->name : "text");
                tei_read_inlines(r, d, d->next, cell, depth + 3);
            }
        }
    }
}

static void read_figure(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    tei_check_attrs(r, el, tei_no_attrs);
    imprint_node *fig = tei_add(r, container, depth, IMPRINT_NODE_FIGURE, el);
    if (!fig)
        return;
    for (xmlNode *c = el->children; c && !r->failed; c = c->next) {
        if (tei_is_ignorable(c))
            continue;
        if (tei_named(c, "graphic") && !fig->as.figure.src) {
            static const char *const known[] = {"url", NULL};
            tei_check_attrs(r, c, known);
            fig->as.figure.src = tei_get_attr(r, c, "url");
        } else if (tei_named(c, "figDesc") && !fig->as.figure.placeholder) {
            tei_check_attrs(r, c, tei_no_attrs);
            fig->as.figure.placeholder = tei_plain_text(r, c, true);
        } else if (tei_named(c, "head")) {
            tei_check_attrs(r, c, tei_no_attrs);
            tei_read_inlines(r, c->children, NULL, fig, depth + 1);
        } else {
            tei_report(r, IMPRINT_SEV_WARNING, c, "<%s> in a figure is added to its caption",
                       c->type == XML_ELEMENT_NODE ? (const char *)c->name : "text");
            tei_read_inlines(r, c, c->next, fig, depth + 1);
        }
    }
}

/* <eg>: literal lines; a newline right after the start tag is layout. */
static void read_code(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    static const char *const known[] = {"xml:space", NULL};
    tei_check_attrs(r, el, known);
    imprint_node *code = tei_add(r, container, depth, IMPRINT_NODE_CODE, el);
    if (!code)
        return;
    for (const xmlNode *c = el->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            tei_report(r, IMPRINT_SEV_WARNING, c, "markup inside <eg> is not kept (its text is)");
            break;
        }
    xmlChar *content = xmlNodeGetContent(el);
    const char *text = content ? (const char *)content : "";
    if (*text == '\n')
        text++;
    imprint_node_append_literal(r->doc, code, tei_pos_of(r, el), text, strlen(text));
    xmlFree(content);
}

static void read_speech(tei_reader *r, xmlNode *el, imprint_node *container, int depth)
{
    tei_check_attrs(r, el, tei_no_attrs);
    imprint_node *sp = tei_add(r, container, depth, IMPRINT_NODE_SPEECH, el);
    if (!sp)
        return;
    xmlNode *rest = el->children;
    for (xmlNode *c = el->children; c; c = c->next) {
        if (tei_named(c, "speaker")) {
            tei_check_attrs(r, c, tei_no_attrs);
            sp->as.speech.speaker = tei_plain_text(r, c, true);
            rest = c->next;
            break;
        }
        if (!tei_is_ignorable(c))
            break;
    }
    if (!sp->as.speech.speaker) {
        tei_report(r, IMPRINT_SEV_WARNING, el, "<sp> without <speaker>");
        sp->as.speech.speaker = "";
    }
    /* A lone empty <p/> is what the writer puts in a speech without blocks. */
    xmlNode *only = NULL;
    int count = 0;
    for (xmlNode *c = rest; c; c = c->next)
        if (!tei_is_ignorable(c)) {
            only = c;
            count++;
        }
    if (count == 1 && tei_named(only, "p") && !only->children && !only->properties)
        return;
    tei_read_blocks(r, rest, NULL, sp, depth + 1, 0, 0);
}

/* A <div> below an article: its heads are headings of its level (given by
 * subtype="levelL", else its nesting depth), and its blocks join the
 * article's. */
static void read_div(tei_reader *r, xmlNode *el, imprint_node *container, int depth, int div_depth)
{
    static const char *const known[] = {"type", "subtype", NULL};
    tei_check_attrs(r, el, known);
    int level = level_of(tei_get_attr(r, el, "subtype"), div_depth);
    tei_read_blocks(r, el->children, NULL, container, depth, div_depth, level);
}

static void read_block(tei_reader *r, xmlNode *c, imprint_node *container, int depth, int div_depth,
                       int level)
{
    if (!tei_is_tei(c)) {
        tei_warn_unknown(r, c);
        tei_read_blocks(r, c->children, NULL, container, depth, div_depth, level);
    } else if (tei_named(c, "p")) {
        read_paragraph(r, c, container, depth);
    } else if (tei_named(c, "head")) {
        tei_check_attrs(r, c, tei_no_attrs);
        imprint_node *h = inline_block(r, c, container, depth, IMPRINT_NODE_HEADING);
        if (h)
            h->as.heading.level = level < 1 ? 1 : level;
    } else if (tei_named(c, "label") && tei_attr_is(c, "type", TEI_HEADING_TYPE)) {
        static const char *const known[] = {"type", "subtype", NULL};
        tei_check_attrs(r, c, known);
        imprint_node *h = inline_block(r, c, container, depth, IMPRINT_NODE_HEADING);
        if (h)
            h->as.heading.level = level_of(tei_get_attr(r, c, "subtype"), 1);
    } else if (tei_named(c, "label")) {
        tei_check_attrs(r, c, tei_no_attrs);
        inline_block(r, c, container, depth, IMPRINT_NODE_PARAGRAPH);
    } else if (tei_named(c, "div")) {
        read_div(r, c, container, depth, div_depth + 1);
    } else if (tei_named(c, "cit")) {
        read_cit(r, c, container, depth);
    } else if (tei_named(c, "q")) {
        tei_check_attrs(r, c, tei_no_attrs);
        imprint_node *quote = tei_add(r, container, depth, IMPRINT_NODE_QUOTE, c);
        if (quote)
            tei_read_blocks(r, c->children, NULL, quote, depth + 1, 0, 0);
    } else if (tei_named(c, "list")) {
        read_list(r, c, container, depth);
    } else if (tei_named(c, "listBibl")) {
        read_listbibl(r, c, container, depth);
    } else if (tei_named(c, "lg") || tei_named(c, "l")) {
        tei_check_attrs(r, c, tei_no_attrs);
        imprint_node *verse = tei_add(r, container, depth, IMPRINT_NODE_VERSE, c);
        if (verse && tei_named(c, "lg"))
            read_lg(r, c, verse, depth + 1);
        else if (verse)
            inline_block(r, c, verse, depth + 1, IMPRINT_NODE_LINE);
    } else if (tei_named(c, "eg")) {
        read_code(r, c, container, depth);
    } else if (tei_named(c, "sp")) {
        read_speech(r, c, container, depth);
    } else if (tei_named(c, "table")) {
        read_table(r, c, container, depth);
    } else if (tei_named(c, "figure")) {
        read_figure(r, c, container, depth);
    } else if (tei_named(c, "milestone")) {
        static const char *const known[] = {"unit", NULL};
        tei_check_attrs(r, c, known);
        tei_add(r, container, depth, IMPRINT_NODE_BREAK, c);
    } else if (tei_named(c, "bibl")) {
        tei_check_attrs(r, c, tei_no_attrs);
        inline_block(r, c, container, depth, IMPRINT_NODE_BIBL);
    } else if (tei_named(c, "opener")) {
        tei_check_attrs(r, c, tei_no_attrs);
        read_opener(r, c, container, depth);
    } else if (tei_named(c, "closer")) {
        tei_check_attrs(r, c, tei_no_attrs);
        inline_block(r, c, container, depth, IMPRINT_NODE_CLOSER);
    } else if (tei_named(c, "note") && tei_attr_is(c, "place", TEI_SIDENOTE_PLACE)) {
        static const char *const known[] = {"place", NULL};
        tei_check_attrs(r, c, known);
        inline_block(r, c, container, depth, IMPRINT_NODE_SIDENOTE);
    } else if (tei_named(c, "note")) {
        /* A note standing between blocks: one no reference points to. */
        if (!tei_read_note(r, c))
            tei_read_blocks(r, c->children, NULL, container, depth, div_depth, level);
    } else {
        tei_warn_unknown(r, c);
        tei_read_blocks(r, c->children, NULL, container, depth, div_depth, level);
    }
}

static bool is_inline_markup(const xmlNode *c)
{
    static const char *const inl[] = {"hi", "emph", "ref", "ptr", "lb", NULL};
    if (!tei_is_tei(c))
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
        return !tei_is_blank_text(c);
    if (c->type != XML_ELEMENT_NODE || !tei_is_tei(c))
        return false;
    if (is_inline_markup(c))
        return true;
    if (tei_named(c, "note")) {
        const xmlNode *s[] = {c->prev, c->next};
        for (int i = 0; i < 2; i++)
            if (s[i] && !tei_is_ignorable(s[i]) &&
                (s[i]->type != XML_ELEMENT_NODE || is_inline_markup(s[i])))
                return true;
    }
    return false;
}

void tei_read_blocks(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *container,
                     int depth, int div_depth, int level)
{
    xmlNode *run = NULL;
    for (xmlNode *c = first; c && c != stop && !r->failed; c = c->next) {
        if (is_inline_node(c) || (run && tei_is_ignorable(c))) {
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
