#include "write/pdf/pdf_internal.h"

#include <string.h>

/* The structure tree of the PDF, following the model: Document, an Art per
 * article, its headings, paragraphs, quotes, lists, tables, figures and
 * notes. Cairo 1.16 makes the tree from the nesting of cairo_tag_begin()
 * and cairo_tag_end() as the pages are drawn, one element per begin, and
 * marks content only in elements without children. So:
 *
 * - an element stays open from its first line to its last, over page
 *   breaks, and is made once;
 * - a paragraph with links or note references, or whose lines run over a
 *   page break, holds its text in Span, Link and Reference children (what
 *   is drawn at a page's head and foot would otherwise fall into it);
 * - the notes at a page's foot are drawn inside what the body leaves open
 *   over the page break, and the lines that continue a note from the page
 *   before are drawn first, inside that note (a note whose rest waits
 *   pages of body text cannot stay open: its rest is a second Note, with
 *   no Lbl);
 * - running heads, folios, rules and leader dots are drawn while only
 *   elements with children are open: they are in no element. */

/* An element, open or wanted: `key` (with `role`) says which one. */
typedef struct {
    const void *key;
    int role; /* 1: the LBody of an item, whose LI has the same key */
    const char *name;
} tag_el;

struct pdf_tags {
    cairo_t *cr;
    const imprint_doc *doc;
    const char *lang;          /* the document's language, or NULL */
    GArray *log;               /* pdf_tag_record, the caller's */
    GArray *open;              /* tag_el, outermost first */
    GHashTable *page;          /* pdf_para * → its first line's page (+1), or -1 over a break */
    GHashTable *next;          /* pdf_item * → the body item drawn after it */
    int scanned;               /* pages scanned so far */
    const pdf_item *last_body; /* the last body item scanned */
    pdf_zone zone;
    const imprint_node *article;
    bool foot;        /* items drawn now are notes at the foot */
    guint base;       /* in the foot: the depth notes are nested at */
    guint note_depth; /* depth of the open note (0: none) */
    bool link_open;   /* a whole-line or label link is open */
};

/* Keys of the elements that have no model node. */
static const char title_key, contents_key, toc_key, witnesses_key;

static void push(GArray *c, const void *key, int role, const char *name)
{
    tag_el e = {key, role, name};
    g_array_append_val(c, e);
}

/* What finish.c writes into the element that Cairo cannot: an article's
 * other language, a figure's alternative text. */
static void record(pdf_tags *t, const tag_el *e)
{
    pdf_tag_record r = {e->name, NULL, NULL, NULL};
    /* a header cell heads its column (Cairo takes no attributes but a link's) */
    if (strcmp(e->name, "TH") == 0)
        r.attrs = "/A << /O /Table /Scope /Column >>";
    if (strcmp(e->name, "Art") == 0) {
        const imprint_node *a = e->key;
        const char *lang = a->as.article.lang;
        if (lang && *lang && (!t->lang || g_ascii_strcasecmp(lang, t->lang) != 0))
            r.lang = lang;
    } else if (strcmp(e->name, "Figure") == 0) {
        const pdf_para *p = e->key;
        GString *alt = g_string_new(NULL);
        imprint_node_append_alt(p->node, alt);
        r.alt = g_string_free(alt, alt->len == 0);
    }
    g_array_append_val(t->log, r);
}

static void open_el(pdf_tags *t, const tag_el *e, const char *attrs)
{
    record(t, e);
    cairo_tag_begin(t->cr, e->name, attrs);
    g_array_append_val(t->open, *e);
}

static void close_to(pdf_tags *t, guint depth)
{
    while (t->open->len > depth) {
        cairo_tag_end(t->cr, g_array_index(t->open, tag_el, t->open->len - 1).name);
        g_array_set_size(t->open, t->open->len - 1);
    }
    if (t->note_depth > depth)
        t->note_depth = 0;
}

/* Opens and closes elements until the open ones are `c`. */
static void sync(pdf_tags *t, GArray *c)
{
    guint p = 0;
    while (p < t->open->len && p < c->len) {
        const tag_el *a = &g_array_index(t->open, tag_el, p);
        const tag_el *b = &g_array_index(c, tag_el, p);
        if (a->key != b->key || a->role != b->role || strcmp(a->name, b->name) != 0)
            break;
        p++;
    }
    close_to(t, p);
    for (guint i = p; i < c->len; i++)
        open_el(t, &g_array_index(c, tag_el, i), NULL);
}

void pdf_tag_record_clear(void *record)
{
    pdf_tag_record *r = record;
    g_free(r->alt);
    r->alt = NULL;
}

pdf_tags *pdf_tags_new(cairo_t *cr, const imprint_doc *doc, const char *lang, GArray *log)
{
    pdf_tags *t = g_new0(pdf_tags, 1);
    t->cr = cr;
    t->doc = doc;
    t->lang = lang;
    t->log = log;
    t->open = g_array_new(FALSE, FALSE, sizeof(tag_el));
    t->page = g_hash_table_new(g_direct_hash, g_direct_equal);
    t->next = g_hash_table_new(g_direct_hash, g_direct_equal);
    tag_el d = {doc->root, 0, "Document"};
    open_el(t, &d, NULL);
    return t;
}

void pdf_tags_free(pdf_tags *t)
{
    if (!t)
        return;
    close_to(t, 0);
    g_array_unref(t->open);
    g_hash_table_unref(t->page);
    g_hash_table_unref(t->next);
    g_free(t);
}

static void scan_item(pdf_tags *t, const pdf_item *it, int page)
{
    if (it->kind != PDF_ITEM_LINE)
        return;
    gpointer seen = g_hash_table_lookup(t->page, it->para);
    if (!seen)
        g_hash_table_insert(t->page, it->para, GINT_TO_POINTER(page + 1));
    else if (GPOINTER_TO_INT(seen) != page + 1)
        g_hash_table_insert(t->page, it->para, GINT_TO_POINTER(-1));
}

void pdf_tags_scan(pdf_tags *t, const pdf_page *page)
{
    if (!t)
        return;
    int n = t->scanned++;
    for (guint i = 0; i < page->body->len; i++) {
        const pdf_item *it = g_ptr_array_index(page->body, i);
        scan_item(t, it, n);
        if (t->last_body)
            g_hash_table_insert(t->next, (gpointer)t->last_body, (gpointer)it);
        t->last_body = it;
    }
    for (guint i = 0; i < page->foot->len; i++)
        scan_item(t, g_ptr_array_index(page->foot, i), n);
}

void pdf_tags_page(pdf_tags *t, pdf_zone zone, const imprint_node *article)
{
    if (!t)
        return;
    t->zone = zone;
    t->article = article;
    t->foot = false;
}

/* The structure type of a paragraph: its own, or its node's; NULL: none. */
static const char *para_tag(const pdf_para *p)
{
    static const char *h[] = {"H2", "H3", "H4", "H5", "H6", "H6"};
    if (p->tag || !p->node)
        return p->tag;
    switch (p->node->kind) {
    case IMPRINT_NODE_HEADING: {
        int level = p->node->as.heading.level;
        return h[level < 1 ? 0 : level > 6 ? 5 : level - 1];
    }
    case IMPRINT_NODE_CELL:
        return p->node->parent && p->node->parent->kind == IMPRINT_NODE_ROW &&
                       p->node->parent->as.row.header
                   ? "TH"
                   : "TD";
    case IMPRINT_NODE_FIGURE:
        return "Caption";
    case IMPRINT_NODE_CODE:
        return "Code";
    case IMPRINT_NODE_BREAK:
        return NULL;
    default:
        return "P";
    }
}

/* The elements a model node opens around what it holds. */
static void container(GArray *c, const imprint_node *n)
{
    switch (n->kind) {
    case IMPRINT_NODE_ARTICLE:
        push(c, n, 0, "Art");
        break;
    case IMPRINT_NODE_QUOTE:
        push(c, n, 0, "BlockQuote");
        break;
    case IMPRINT_NODE_LIST:
        push(c, n, 0, "L");
        break;
    case IMPRINT_NODE_ITEM:
        push(c, n, 0, "LI");
        push(c, n, 1, "LBody");
        break;
    case IMPRINT_NODE_VERSE:
    case IMPRINT_NODE_SPEECH:
        push(c, n, 0, "Div");
        break;
    case IMPRINT_NODE_TABLE:
        push(c, n, 0, "Table");
        break;
    case IMPRINT_NODE_ROW:
        push(c, n, 0, "TR");
        break;
    case IMPRINT_NODE_NOTE:
        push(c, n, 0, "Note");
        break;
    default:
        break;
    }
}

/* Appends the containers from `top` (outermost, included) down to `n`. */
static void containers(GArray *c, const imprint_node *n, const imprint_node *top)
{
    if (!n || n->kind == IMPRINT_NODE_DOCUMENT)
        return;
    if (n != top)
        containers(c, n->parent, top);
    container(c, n);
}

static const imprint_node *note_of(const imprint_node *n)
{
    while (n && n->kind != IMPRINT_NODE_NOTE)
        n = n->parent;
    return n;
}

/* The elements `para` sits in, and its own unless `leaf` is false. */
static GArray *chain(pdf_tags *t, const pdf_para *para, bool leaf)
{
    GArray *c = g_array_new(FALSE, FALSE, sizeof(tag_el));
    const imprint_node *n = para ? para->node : NULL;
    const imprint_node *from = NULL;
    if (n)
        from = n->kind == IMPRINT_NODE_ARTICLE || n->kind == IMPRINT_NODE_NOTE ? n : n->parent;
    if (t->foot) {
        g_array_append_vals(c, t->open->data, t->base);
        containers(c, from, note_of(n));
    } else {
        push(c, t->doc->root, 0, "Document");
        if (t->zone == PDF_ZONE_TITLE) {
            push(c, &title_key, 0, "Sect");
        } else if (t->zone == PDF_ZONE_WITNESSES) {
            push(c, &witnesses_key, 0, "Sect");
        } else if (t->zone == PDF_ZONE_CONTENTS) {
            push(c, &contents_key, 0, "Sect");
            if (para && para->tag && strcmp(para->tag, "TOCI") == 0)
                push(c, &toc_key, 0, "TOC");
        } else if (n) {
            containers(c, from, NULL);
        } else if (t->article) {
            push(c, t->article, 0, "Art");
        }
    }
    const char *name = para ? para_tag(para) : NULL;
    if (leaf && name)
        push(c, para, 0, name);
    return c;
}

/* Whether `para` holds its text itself (no children). */
static bool direct(pdf_tags *t, const pdf_para *para)
{
    if (para->spans->len > 0)
        return false;
    if (para->tag && strcmp(para->tag, "TOCI") == 0)
        return false;
    return GPOINTER_TO_INT(g_hash_table_lookup(t->page, para)) != -1;
}

/* The paragraph that places an item in the tree: a row's first cell. */
static const pdf_para *item_para(const pdf_item *it)
{
    if (it->kind == PDF_ITEM_ROW)
        return it->cells && it->cells->len ? g_ptr_array_index(it->cells, 0) : NULL;
    return it->para;
}

guint pdf_tags_carried(pdf_tags *t, const pdf_page *page)
{
    if (!t)
        return 0;
    if (!t->note_depth)
        return 0;
    const void *note = g_array_index(t->open, tag_el, t->note_depth - 1).key;
    guint n = 0;
    while (n < page->foot->len) {
        const pdf_item *it = g_ptr_array_index(page->foot, n);
        if (!it->para || note_of(it->para->node) != note)
            break;
        n++;
    }
    return n;
}

void pdf_tags_body(pdf_tags *t)
{
    if (!t)
        return;
    t->foot = false;
}

/* The depth of the current article's Art among the open elements, + 1. */
static guint art_floor(pdf_tags *t)
{
    for (guint i = 0; i < t->open->len; i++)
        if (g_array_index(t->open, tag_el, i).key == t->article)
            return i + 1;
    return t->open->len;
}

void pdf_tags_foot(pdf_tags *t, const pdf_page *page, bool carried)
{
    if (!t)
        return;
    if (carried) {
        t->foot = true; /* the base the note was begun at stays */
        return;
    }
    if (t->note_depth) /* a note continued at the head of the foot */
        close_to(t, t->note_depth - 1);
    /* Close what the body has finished, so that notes go into what
     * continues over the page break, never outside their article. */
    guint keep = t->open->len;
    if (page->body->len) {
        const pdf_item *last = g_ptr_array_index(page->body, page->body->len - 1);
        const pdf_item *next = g_hash_table_lookup(t->next, last);
        GArray *c = next ? chain(t, item_para(next), next->kind != PDF_ITEM_ROW) : NULL;
        guint p = 0;
        while (c && p < t->open->len && p < c->len &&
               g_array_index(t->open, tag_el, p).key == g_array_index(c, tag_el, p).key &&
               g_array_index(t->open, tag_el, p).role == g_array_index(c, tag_el, p).role)
            p++;
        if (c)
            g_array_unref(c);
        keep = MAX(p, art_floor(t));
    }
    close_to(t, MIN(keep, t->open->len));
    t->base = t->open->len;
    t->foot = true;
}

/* In the foot: remembers where the note being drawn is open, so that its
 * continuation on the next page goes into it. */
static void find_note(pdf_tags *t)
{
    if (!t->foot || t->note_depth)
        return;
    for (guint i = t->base; i < t->open->len; i++)
        if (strcmp(g_array_index(t->open, tag_el, i).name, "Note") == 0)
            t->note_depth = i + 1;
}

static void sync_para(pdf_tags *t, const pdf_para *para, bool leaf)
{
    GArray *c = chain(t, para, leaf);
    sync(t, c);
    g_array_unref(c);
    find_note(t);
}

static void open_link(pdf_tags *t, const char *target, const double *boxes, int n)
{
    char *a = pdf_link_attrs(t->cr, target, boxes, n);
    tag_el e = {NULL, 0, CAIRO_TAG_LINK};
    open_el(t, &e, a);
    g_free(a);
}

bool pdf_tags_line(pdf_tags *t, const pdf_item *it, double lx, double ly, double lw, double lh)
{
    if (!t)
        return true;
    const pdf_para *p = it->para;
    bool own = it->kind != PDF_ITEM_LINE || direct(t, p);
    sync_para(t, p, true);
    if (it->target) {
        double box[4] = {lx, ly, lw, lh};
        open_link(t, it->target, box, 1);
        t->link_open = true;
        return true;
    }
    return own || !para_tag(p);
}

void pdf_tags_line_end(pdf_tags *t, const pdf_item *it)
{
    if (!t)
        return;
    if (t->link_open) {
        close_to(t, t->open->len - 1);
        t->link_open = false;
    }
    bool last =
        it->kind != PDF_ITEM_LINE || it->line + 1 >= pango_layout_get_line_count(it->para->layout);
    guint n = t->open->len;
    if (last && n && g_array_index(t->open, tag_el, n - 1).key == it->para)
        close_to(t, n - 1);
}

/* The boxes of bytes [a, b) of `line` drawn at `x`, `y`, four numbers
 * each (g_free); sets `n`. */
static double *piece_boxes(const pdf_item *it, PangoLayoutLine *line, double x, double y, int a,
                           int b, int *n)
{
    int *ranges = NULL, nr = 0;
    /* The ranges are in layout coordinates: they include the line's
     * alignment and indent offset, which `x` already holds. */
    pango_layout_line_get_x_ranges(line, a, b, &ranges, &nr);
    double *boxes = g_new(double, 4 * (nr > 0 ? nr : 1));
    *n = 0;
    for (int r = 0; r < nr; r++) {
        double x0 = ranges[2 * r] / (double)PANGO_SCALE - it->line_x;
        double x1 = ranges[2 * r + 1] / (double)PANGO_SCALE - it->line_x;
        if (x1 <= x0)
            continue;
        double *box = boxes + 4 * (*n)++;
        box[0] = x + x0;
        box[1] = y;
        box[2] = x1 - x0;
        box[3] = it->height;
    }
    g_free(ranges);
    return boxes;
}

/* One piece of a line, bytes [a, b): in the link `s` (in a Reference when
 * it is a note's), or in a Span. */
static void show_piece(pdf_tags *t, const pdf_item *it, PangoLayoutLine *line, double x, double y,
                       int a, int b, const pdf_span *s)
{
    guint depth = t->open->len;
    tag_el e = {NULL, 0, s ? "Reference" : "Span"};
    if (!s || s->note)
        open_el(t, &e, NULL);
    if (s) {
        int n;
        double *boxes = piece_boxes(it, line, x, y, a, b, &n);
        if (n > 0) {
            open_link(t, s->target, boxes, n);
        } else {
            tag_el link = {NULL, 0, CAIRO_TAG_LINK};
            open_el(t, &link, s->target); /* no box: the extents of what is drawn */
        }
        g_free(boxes);
    }
    pdf_show_line_range(t->cr, line, x, y + it->ascent, a, b);
    close_to(t, depth);
}

/* The span that holds byte `i`, or NULL. */
static const pdf_span *span_at(const pdf_para *p, int i)
{
    for (guint k = 0; k < p->spans->len; k++) {
        const pdf_span *s = &g_array_index(p->spans, pdf_span, k);
        if (s->start <= i && i < s->end)
            return s;
    }
    return NULL;
}

void pdf_tags_show_segments(pdf_tags *t, const pdf_item *it, PangoLayoutLine *line, double x,
                            double y)
{
    const pdf_para *p = it->para;
    int ls = line->start_index, le = line->start_index + line->length;
    int a = ls;
    while (a < le) {
        const pdf_span *s = span_at(p, a);
        int b = le;
        if (s) {
            b = MIN(s->end, le);
        } else {
            for (guint k = 0; k < p->spans->len; k++) {
                const pdf_span *o = &g_array_index(p->spans, pdf_span, k);
                if (o->start > a && o->start < b)
                    b = o->start;
            }
        }
        show_piece(t, it, line, x, y, a, b, s);
        a = b;
    }
}

void pdf_tags_label(pdf_tags *t, const pdf_item *it, double x, double y, double w, double h)
{
    if (!t)
        return;
    GArray *c = chain(t, it->para, false);
    /* The marker belongs to the item (or note) whose first line this is. */
    guint keep = c->len;
    for (guint i = c->len; i > 0; i--) {
        const char *name = g_array_index(c, tag_el, i - 1).name;
        if (strcmp(name, "LI") == 0 || strcmp(name, "Note") == 0) {
            keep = i;
            break;
        }
    }
    g_array_set_size(c, keep);
    push(c, it->label, 0, "Lbl");
    sync(t, c);
    g_array_unref(c);
    find_note(t);
    if (it->label_target) {
        double box[4] = {x, y, w, h};
        open_link(t, it->label_target, box, 1);
    }
}

void pdf_tags_label_end(pdf_tags *t)
{
    if (!t)
        return;
    guint n = t->open->len;
    while (n > 0 && strcmp(g_array_index(t->open, tag_el, n - 1).name, "Lbl") != 0)
        n--;
    if (n > 0)
        close_to(t, n - 1);
}

void pdf_tags_cell(pdf_tags *t, const pdf_para *cell)
{
    if (!t)
        return;
    sync_para(t, cell, true);
}

void pdf_tags_show_cell(pdf_tags *t, const pdf_para *cell, double x, double y)
{
    PangoLayoutIter *iter = pango_layout_get_iter(cell->layout);
    int k = 0;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, NULL, &logical);
        double lx = logical.x / (double)PANGO_SCALE, ly = logical.y / (double)PANGO_SCALE;
        pdf_item line = {0};
        line.kind = PDF_ITEM_LINE;
        line.para = (pdf_para *)cell;
        line.line = k++;
        line.line_x = lx;
        line.ascent = pango_layout_iter_get_baseline(iter) / (double)PANGO_SCALE - ly;
        line.height = logical.height / (double)PANGO_SCALE;
        PangoLayoutLine *l = pango_layout_iter_get_line_readonly(iter);
        pdf_tags_show_segments(t, &line, l, x + lx, y + ly);
        /* The way back from a note referred to here. */
        for (guint i = 0; i < cell->anchors->len; i++) {
            const pdf_anchor *a = &g_array_index(cell->anchors, pdf_anchor, i);
            if (a->index < l->start_index || a->index >= l->start_index + l->length)
                continue;
            int xpos = 0;
            pango_layout_line_index_to_x(l, a->index, FALSE, &xpos);
            pdf_tag_dest(t->cr, a->name, x + xpos / (double)PANGO_SCALE, y + ly);
        }
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

void pdf_tags_row_end(pdf_tags *t)
{
    if (!t)
        return;
    guint n = t->open->len;
    if (n && strcmp(g_array_index(t->open, tag_el, n - 1).name, "TD") == 0)
        close_to(t, n - 1);
}

void pdf_tags_placed(pdf_tags *t, const pdf_para *para)
{
    if (!t)
        return;
    sync_para(t, para, true);
}

void pdf_tags_placed_end(pdf_tags *t)
{
    if (!t)
        return;
    guint n = t->open->len;
    if (n > 2) /* Document, Sect */
        close_to(t, n - 1);
}
