/* From the model to the flow: each article's blocks, opening and notes as
 * lines and rows for pagination (page.c). Inlines: flow_inline.c. */
#include "write/pdf/flow.h"

#include <math.h>
#include <string.h>

#include "write/fonts.h"

/*
 * Vertical space around blocks, in leadings (line advances) of the block's
 * type, and horizontal measures in sizes of its type (ems). One table, so
 * that the page's rhythm can be read and changed in one place.
 */
#define SPACE_LIST           0.4  /* before and after a list */
#define SPACE_ITEM           0.15 /* between list items */
#define SPACE_TABLE          0.5  /* before and after a table */
#define SPACE_FIGURE         0.6  /* before and after a figure */
#define SPACE_CAPTION        0.3  /* figure to its caption */
#define SPACE_HEADING_BEFORE 1.2  /* before a heading, in the heading's leading */
#define SPACE_HEADING_AFTER  0.4  /* after a heading, in the heading's leading */
#define SPACE_QUOTE          0.5  /* before and after a block quote */
#define SPACE_CITATION       0.2  /* quote to its citation; between bibliography entries */
#define SPACE_VERSE          0.5  /* before and after verse */
#define SPACE_SPEECH         0.3  /* before and after a speech */
#define SPACE_BREAK          0.6  /* around a section break's asterism */
#define SPACE_SIDENOTE       0.5  /* before a sidenote set over its paragraph */
#define SPACE_CLOSER         0.5  /* before a letter's or a poem's closing lines */
#define SPACE_OPENER         0.3  /* after a letter's salutation */
#define SPACE_SUBTITLE       0.3  /* article title to subtitle, in body leadings */
#define SPACE_BYLINE         0.6  /* to the authors, in body leadings */
#define SPACE_DATELINE       0.2  /* to the date, in body leadings */
#define SPACE_AFTER_OPENING  2.0  /* opening to the first block, in body leadings */
#define SPACE_ENDNOTES       1.5  /* before the endnotes' heading, in body leadings */
#define SPACE_ENDNOTES_AFTER 0.5  /* after it, in body leadings */
#define SPACE_ENDNOTE        0.2  /* between endnotes, in note leadings */
#define OPENING_DROP         0.12 /* of the text block: how far down an article starts */

#define LIST_HANG        1.8 /* the text of list items from the list's left edge */
#define LIST_LABEL_GAP   0.4 /* list marker to the item's text */
#define TABLE_CELL_PAD   0.3 /* inside table cells, in the table's size */
#define TABLE_RULE_OUT   0.8 /* rules above and below a table, in points */
#define TABLE_RULE_IN    0.3 /* rules between rows, in points */
#define FIGURE_MEASURE   0.8 /* of the measure: a figure placeholder's width */
#define FIGURE_MIN_LINES 3   /* a placeholder is at least this many leadings tall */
#define VERSE_INDENT     2.0 /* verse from the measure's left edge */
#define VERSE_HANG       1.0 /* turned-over verse lines, further in */
#define VERSE_SPACE_EM   0.5 /* a leading space of a verse line, in ems */
#define BIBL_HANG        1.5 /* bibliography entries' second lines */
#define NOTE_NUMBER_GAP  0.6 /* a note's number to its text, in note sizes */
#define FOOTNOTE_HANG    1.6 /* least room for footnote numbers, in note sizes */
#define ENDNOTE_HANG     2.0 /* least room for endnote numbers, in note sizes */

/* Introduces a citation that does not bring a dash of its own. */
#define CITATION_DASH "\xE2\x80\x94\xC2\xA0"

/* The asterism that marks a section break. */
#define BREAK_MARK "\xE2\x81\x82"

/* Room for the widest note number of an article before its notes' text. */
static double note_hang(pdf_ctx *ctx, const imprint_node *article, double min)
{
    double hang = min;
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note) {
        pdf_para *p = pdf_para_plain(ctx, pdf_note_label(ctx, n), ctx->style->note_size, false,
                                     false, -1, PANGO_ALIGN_LEFT);
        PangoRectangle r;
        pango_layout_get_extents(p->layout, NULL, &r);
        hang = MAX(hang, r.width / (double)PANGO_SCALE + NOTE_NUMBER_GAP * ctx->style->note_size);
    }
    return hang;
}

/* The plain text of `node`, g_free()d by the caller (not in the arena: a
 * writer leaves the document as it found it). */
static char *plain_text(const imprint_node *node)
{
    GString *out = g_string_new(NULL);
    imprint_node_append_plain(node, out);
    return g_string_free(out, FALSE);
}

/* An empty line standing for `node` (an empty note or article). */
static pdf_para *empty_para(pdf_ctx *ctx, double size, double width, const imprint_node *node)
{
    pdf_para *p = pdf_para_plain(ctx, "", size, false, false, width, PANGO_ALIGN_LEFT);
    p->node = node;
    return p;
}

/* No widows, no orphans: inside a run of `n` lines from flow[from], a break is
 * allowed only with PDF_MIN_LINES on each side. */
static void keep_lines(GPtrArray *flow, guint from)
{
    guint n = flow->len - from;
    for (guint k = 0; k + 1 < n; k++) {
        pdf_item *it = g_ptr_array_index(flow, from + k);
        if (k + 1 < PDF_MIN_LINES || n - (k + 1) < PDF_MIN_LINES)
            it->keep_with_next = true;
    }
}

/* Appends the lines of `para` at `x`, with `space` before them. */
static void emit_para(builder *b, pdf_para *para, double x, double space, imprint_pos pos,
                      bool keep)
{
    guint from = b->flow->len;
    pdf_para_lines(b->ctx, para, b->flow, x, pos);
    pdf_item *first = g_ptr_array_index(b->flow, from);
    first->space_before = MAX(b->pending, space);
    b->pending = 0;
    if (b->pending_dest) {
        first->dest = b->pending_dest;
        b->pending_dest = NULL;
    }
    if (b->pending_label) {
        first->label = b->pending_label;
        first->label_x = b->pending_label_x;
        first->label_target = b->pending_label_target;
        b->pending_label = NULL;
        b->pending_label_target = NULL;
    }
    if (keep)
        keep_lines(b->flow, from);
    /* What follows a heading keeps its first lines with it. */
    for (guint i = from; i < b->flow->len && b->keep_next > 0; i++, b->keep_next--)
        ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
}

static pdf_item *last_item(builder *b)
{
    return b->flow->len ? g_ptr_array_index(b->flow, b->flow->len - 1) : NULL;
}

static void emit_blocks(builder *b, const imprint_node *first, const env *e);

static char *list_label(const imprint_node *list, int i)
{
    if (list->as.list.contents || list->as.list.style == IMPRINT_LIST_PLAIN)
        return g_strdup(""); /* the entries carry their own numbers, or none */
    switch (list->as.list.style) {
    case IMPRINT_LIST_DECIMAL:
        return g_strdup_printf("%d.", list->as.list.start + i);
    case IMPRINT_LIST_ALPHA: {
        int k = (list->as.list.start > 0 ? list->as.list.start - 1 : 0) + i;
        GString *s = g_string_new(NULL);
        /* a..z, then aa, ab...: lists that long are rare but must not wrap into punctuation. */
        do {
            g_string_prepend_c(s, (char)('a' + k % 26));
            k = k / 26 - 1;
        } while (k >= 0);
        g_string_append_c(s, '.');
        return g_string_free(s, FALSE);
    }
    case IMPRINT_LIST_BULLET:
    default:
        return g_strdup("\xE2\x80\xA2");
    }
}

/* Narrows `e` by `left` and `right` unless that would leave a measure under
 * PDF_MIN_MEASURE_EM: deeply nested quotes and lists stop moving in rather
 * than squeeze their text into a sliver (or off the page). */
static void indent_env(env *e, double left, double right)
{
    if (e->width - left - right < PDF_MIN_MEASURE_EM * e->size)
        return;
    e->x += left;
    e->width -= left + right;
}

static void emit_list(builder *b, const imprint_node *list, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    double hang = LIST_HANG * e->size;
    env inner = *e;
    indent_env(&inner, hang, 0);
    inner.no_indent = true;
    b->pending = MAX(b->pending, SPACE_LIST * adv);
    int i = 0;
    for (const imprint_node *item = list->first_child; item; item = item->next, i++) {
        char *text = list_label(list, i);
        pdf_para *label =
            pdf_para_plain(b->ctx, text, e->size, false, e->italic, -1, PANGO_ALIGN_LEFT);
        g_free(text);
        PangoRectangle r;
        pango_layout_get_extents(label->layout, NULL, &r);
        b->pending_label = label;
        b->pending_label_x = inner.x - LIST_LABEL_GAP * e->size - r.width / (double)PANGO_SCALE;
        if (i > 0)
            b->pending = MAX(b->pending, SPACE_ITEM * adv);
        emit_blocks(b, item->first_child, &inner);
        b->pending_label = NULL; /* an empty item has no line to carry it */
    }
    b->pending = MAX(b->pending, SPACE_LIST * adv);
}

static void emit_table(builder *b, const imprint_node *table, const env *e)
{
    pdf_ctx *ctx = b->ctx;
    double size = ctx->style->quote_size;
    double gap = size;
    double pad = TABLE_CELL_PAD * size;
    guint ncols = 0;
    for (const imprint_node *row = table->first_child; row; row = row->next) {
        guint n = 0;
        for (const imprint_node *c = row->first_child; c; c = c->next)
            n++;
        ncols = MAX(ncols, n);
    }
    if (ncols == 0)
        return;
    /* Natural widths first; if they do not fit, share the measure in their
     * proportions and let the cells wrap. */
    double *nat = g_new0(double, ncols);
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    env ce = {0, -1, size, false, true};
    for (const imprint_node *row = table->first_child; row; row = row->next) {
        GPtrArray *cells = g_ptr_array_new();
        guint c = 0;
        /* Column heads in bold, as the EPUB's <th> are. */
        for (const imprint_node *cell = row->first_child; cell; cell = cell->next, c++) {
            pdf_para *p = pdf_inline_para(b, cell, &ce, row->as.row.header, PANGO_ALIGN_LEFT, false,
                                          0, NULL, NULL);
            PangoRectangle r;
            pango_layout_get_extents(p->layout, NULL, &r);
            nat[c] = MAX(nat[c], r.width / (double)PANGO_SCALE);
            g_ptr_array_add(cells, p);
        }
        g_ptr_array_add(rows, cells);
    }
    double total = 0;
    for (guint c = 0; c < ncols; c++)
        total += nat[c];
    double avail = e->width - gap * (ncols - 1);
    double scale = total > avail && total > 0 ? avail / total : 1.0;
    double adv = e->size * ctx->style->line_height;
    b->pending = MAX(b->pending, SPACE_TABLE * adv);
    const imprint_node *row_node = table->first_child;
    for (guint r = 0; r < rows->len; r++, row_node = row_node->next) {
        GPtrArray *cells = g_ptr_array_index(rows, r);
        pdf_item *it = pdf_item_new(ctx, PDF_ITEM_ROW);
        /* A page that begins at a later row begins in its first cell. */
        it->node = r == 0 || !row_node->first_child ? table : row_node->first_child;
        it->x = e->x;
        it->width = scale < 1 ? e->width : total + gap * (ncols - 1);
        it->pad = pad;
        it->cells = g_ptr_array_new();
        it->cell_x = g_array_new(FALSE, FALSE, sizeof(double));
        double x = 0, h = 0;
        for (guint c = 0; c < cells->len; c++) {
            pdf_para *p = g_ptr_array_index(cells, c);
            double w = nat[c] * scale;
            pango_layout_set_width(p->layout, (int)lround(w * PANGO_SCALE));
            pdf_check_layout(ctx, p->layout, w, table->pos);
            PangoRectangle lr;
            pango_layout_get_extents(p->layout, NULL, &lr);
            h = MAX(h, lr.height / (double)PANGO_SCALE);
            g_ptr_array_add(it->cells, p);
            /* Notes referred to in a cell go with its row. */
            for (guint k = 0; k < p->noterefs->len; k++) {
                if (!it->notes)
                    it->notes = g_ptr_array_new();
                g_ptr_array_add(it->notes,
                                (gpointer)g_array_index(p->noterefs, pdf_noteref, k).note);
            }
            g_array_append_val(it->cell_x, x);
            x += w + gap;
        }
        if (cells->len == 0)
            h = size * ctx->style->line_height;
        it->height = h + 2 * pad;
        it->space_before = r == 0 ? b->pending : 0;
        it->rule_above = r == 0 ? TABLE_RULE_OUT : 0;
        it->rule_below = r + 1 == rows->len ? TABLE_RULE_OUT : TABLE_RULE_IN;
        /* The first row stays with the second, as a header does. */
        it->keep_with_next = r == 0 && rows->len > 1;
        g_ptr_array_add(b->flow, it);
    }
    b->pending = SPACE_TABLE * adv;
    g_ptr_array_unref(rows);
    g_free(nat);
}

static void emit_figure(builder *b, const imprint_node *fig, const env *e)
{
    pdf_ctx *ctx = b->ctx;
    double adv = e->size * ctx->style->line_height;
    const char *what = fig->as.figure.placeholder ? fig->as.figure.placeholder
                       : fig->as.figure.src       ? fig->as.figure.src
                                                  : "";
    double w = e->width * FIGURE_MEASURE;
    double pad = e->size;
    pdf_para *inner = pdf_para_plain(ctx, what, ctx->style->quote_size, false, true, w - 2 * pad,
                                     PANGO_ALIGN_CENTER);
    pdf_check_layout(ctx, inner->layout, w - 2 * pad, fig->pos);
    inner->node = fig;
    inner->tag = "Figure";
    PangoRectangle r;
    pango_layout_get_extents(inner->layout, NULL, &r);
    pdf_item *it = pdf_item_new(ctx, PDF_ITEM_FRAME);
    it->node = fig;
    it->para = inner;
    it->x = e->x + (e->width - w) / 2;
    it->width = w;
    it->pad = pad;
    it->height = MAX(FIGURE_MIN_LINES * adv, r.height / (double)PANGO_SCALE + 2 * pad);
    it->space_before = MAX(b->pending, SPACE_FIGURE * adv);
    b->pending = 0;
    if (b->pending_dest) {
        it->dest = b->pending_dest;
        b->pending_dest = NULL;
    }
    g_ptr_array_add(b->flow, it);
    if (fig->first_child) {
        it->keep_with_next = true;
        env ce = *e;
        ce.size = ctx->style->quote_size;
        pdf_para *cap =
            pdf_inline_para(b, fig, &ce, false, PANGO_ALIGN_CENTER, false, 0, NULL, NULL);
        emit_para(b, cap, e->x, SPACE_CAPTION * adv, fig->pos, true);
    }
    b->pending = MAX(b->pending, SPACE_FIGURE * adv);
}

static bool starts_with_dash(const char *s)
{
    gunichar c = g_utf8_get_char(s);
    return c == '-' || c == '~' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

/* A paragraph of `n`'s inlines set ragged and with no word broken (headings,
 * sidenotes, a letter's opener and closer): the hyphenator is off for it. */
static pdf_para *unbroken_para(builder *b, const imprint_node *n, const env *e, bool bold,
                               PangoAlignment align)
{
    const imprint_hyphenator *hy = b->hy;
    b->hy = NULL;
    pdf_para *p = pdf_inline_para(b, n, e, bold, align, false, 0, NULL, NULL);
    b->hy = hy;
    return p;
}

static void emit_paragraph(builder *b, const imprint_node *n, const env *e)
{
    const imprint_style *st = b->ctx->style;
    /* a sidenote stands over its paragraph: the one before it decides */
    const imprint_node *prev = n->prev;
    while (prev && prev->kind == IMPRINT_NODE_SIDENOTE)
        prev = prev->prev;
    bool indent = !e->no_indent && prev && prev->kind == IMPRINT_NODE_PARAGRAPH;
    const char *speaker = b->speaker;
    b->speaker = NULL;
    pdf_para *p = pdf_inline_para(b, n, e, false, PANGO_ALIGN_LEFT, true,
                                  indent ? st->indent_em * e->size : 0, speaker, NULL);
    emit_para(b, p, e->x, 0, n->pos, true);
}

static void emit_heading(builder *b, const imprint_node *n, const env *e)
{
    const imprint_style *st = b->ctx->style;
    int level = n->as.heading.level < 1 ? 1 : n->as.heading.level > 6 ? 6 : n->as.heading.level;
    env he = *e;
    he.size = b->in_note ? e->size : st->heading_size[level - 1];
    he.italic = level >= 3;
    /* Headings are set ragged and read better unbroken. */
    pdf_para *p = unbroken_para(b, n, &he, level <= 2, PANGO_ALIGN_LEFT);
    double hadv = he.size * st->line_height;
    guint from = b->flow->len;
    if (!b->in_note) {
        /* An untitled article that opens with this heading has its own
         * destination waiting here: one place keeps that one name, which
         * the contents link to, and the outline points at it too. */
        b->headings++;
        if (!b->pending_dest)
            b->pending_dest = g_strdup_printf("a%d-h%d", b->index, b->headings);
        const char *dest = b->pending_dest;
        if (b->marks) {
            pdf_mark *m = g_new0(pdf_mark, 1);
            m->level = level + 1;
            m->title = plain_text(n);
            m->dest = g_strdup(dest);
            g_ptr_array_add(b->marks, m);
        }
    }
    b->keep_next = 0;
    emit_para(b, p, e->x, SPACE_HEADING_BEFORE * hadv, n->pos, false);
    for (guint i = from; i < b->flow->len; i++)
        ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
    b->pending = SPACE_HEADING_AFTER * hadv;
    b->keep_next = PDF_MIN_LINES - 1;
}

static void emit_quote(builder *b, const imprint_node *n, const env *e)
{
    const imprint_style *st = b->ctx->style;
    double adv = e->size * st->line_height;
    env q = *e;
    double qi = st->quote_indent_em * st->quote_size;
    q.size = MIN(st->quote_size, e->size);
    indent_env(&q, qi, qi);
    q.no_indent = false;
    b->pending = MAX(b->pending, SPACE_QUOTE * adv);
    emit_blocks(b, n->first_child, &q);
    b->pending = MAX(b->pending, SPACE_QUOTE * adv);
}

/* Set apart under its quote, to the right, introduced by a dash unless it
 * brings one. */
static void emit_citation(builder *b, const imprint_node *n, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    pdf_item *prev = last_item(b);
    if (prev)
        prev->keep_with_next = true;
    char *text = plain_text(n);
    bool dash = !starts_with_dash(text);
    g_free(text);
    pdf_para *p = pdf_inline_para(b, n, e, false, PANGO_ALIGN_RIGHT, false, 0, NULL,
                                  dash ? CITATION_DASH : NULL);
    emit_para(b, p, e->x, SPACE_CITATION * adv, n->pos, true);
}

static void emit_verse(builder *b, const imprint_node *n, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    env v = *e;
    indent_env(&v, VERSE_INDENT * e->size, 0);
    b->pending = MAX(b->pending, SPACE_VERSE * adv);
    guint from = b->flow->len;
    /* Verse is never hyphenated: a line's end is the poet's. */
    const imprint_hyphenator *hy = b->hy;
    b->hy = NULL;
    for (const imprint_node *line = n->first_child; line; line = line->next) {
        /* The poet's indent (two spaces an em), kept inside the measure;
         * a line too long for the measure continues indented (the hang). */
        env lv = v;
        indent_env(&lv, VERSE_SPACE_EM * line->as.line.indent * e->size, 0);
        pdf_para *p = pdf_inline_para(b, line, &lv, false, PANGO_ALIGN_LEFT, false,
                                      -VERSE_HANG * e->size, NULL, NULL);
        emit_para(b, p, lv.x, 0, line->pos, false);
    }
    b->hy = hy;
    if (b->flow->len > from)
        keep_lines(b->flow, from);
    b->pending = MAX(b->pending, SPACE_VERSE * adv);
}

/* Tab stops of code, in characters. */
#define CODE_TAB_STOP 8

/* One line of code set as it is: in the style's mono face (or its regular
 * one), spaces kept, tabs to their stops, never filled or hyphenated; a line
 * longer than the measure goes on, further in (the verse hang). */
static void emit_code_line(builder *b, const imprint_node *n, const env *e, const GString *line)
{
    const imprint_style *st = b->ctx->style;
    pdf_para *p = pdf_para_new(b->ctx, e->size, false, false, e->width, PANGO_ALIGN_LEFT, false);
    p->node = n;
    if (st->font_mono) {
        PangoFontDescription *d = pdf_font(b->ctx, e->size, false, false);
        pango_font_description_set_family(d, st->font_mono_family);
        pango_layout_set_font_description(p->layout, d);
        pango_font_description_free(d);
    }
    GString *text = g_string_new(NULL);
    glong col = 0;
    for (const char *c = line->str; *c; c = g_utf8_next_char(c)) {
        if (*c == '\t') {
            do
                g_string_append_c(text, ' ');
            while (++col % CODE_TAB_STOP);
            continue;
        }
        g_string_append_unichar(text, g_utf8_get_char(c));
        col++;
    }
    imprint_fonts_set_layout(p->layout, text->str, (int)text->len, NULL);
    pango_layout_set_indent(p->layout, (int)lround(-VERSE_HANG * e->size * PANGO_SCALE));
    g_string_free(text, TRUE);
    emit_para(b, p, e->x, 0, n->pos, false);
}

static void emit_code(builder *b, const imprint_node *n, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    env c = *e;
    c.size = MIN(b->ctx->style->quote_size, e->size);
    indent_env(&c, VERSE_HANG * e->size, 0);
    b->pending = MAX(b->pending, SPACE_VERSE * adv);
    guint from = b->flow->len;
    GString *line = g_string_new(NULL);
    for (const imprint_node *k = n->first_child;; k = k->next) {
        if (!k || k->kind == IMPRINT_NODE_LINEBREAK) {
            emit_code_line(b, n, &c, line);
            g_string_truncate(line, 0);
            if (!k)
                break;
        } else if (k->kind == IMPRINT_NODE_TEXT) {
            g_string_append_len(line, k->as.text.text, (gssize)k->as.text.len);
        }
    }
    g_string_free(line, TRUE);
    keep_lines(b->flow, from);
    b->pending = MAX(b->pending, SPACE_VERSE * adv);
}

/* The speaker in small capitals: run into the first paragraph, or on a line
 * of its own before a speech that does not start with one. */
static void emit_speech(builder *b, const imprint_node *n, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    b->pending = MAX(b->pending, SPACE_SPEECH * adv);
    const char *speaker = n->as.speech.speaker;
    if (speaker && (!n->first_child || n->first_child->kind != IMPRINT_NODE_PARAGRAPH)) {
        pdf_para *p =
            pdf_para_new(b->ctx, e->size, false, e->italic, e->width, PANGO_ALIGN_LEFT, false);
        p->node = n;
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_ALL_SMALL_CAPS));
        imprint_fonts_set_layout(p->layout, speaker, -1, attrs);
        pango_attr_list_unref(attrs);
        emit_para(b, p, e->x, 0, n->pos, false);
        last_item(b)->keep_with_next = true;
        speaker = NULL;
    }
    b->speaker = speaker;
    /* the first paragraph starts flush with the speaker; the turn's further
     * paragraphs are indented as in prose, so that they show as paragraphs */
    emit_blocks(b, n->first_child, e);
    b->speaker = NULL;
    b->pending = MAX(b->pending, SPACE_SPEECH * adv);
}

/* A sidenote set as a shoulder note: small, ragged, over the paragraph it
 * stands before and never parted from that paragraph's first line (the
 * measure of an A5 page leaves no margin wide enough to set it beside). */
static void emit_sidenote(builder *b, const imprint_node *n, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    env s = *e;
    s.size = b->ctx->style->note_size;
    b->pending = MAX(b->pending, SPACE_SIDENOTE * adv);
    guint from = b->flow->len;
    /* ragged: no word need break */
    pdf_para *p = unbroken_para(b, n, &s, false, PANGO_ALIGN_LEFT);
    emit_para(b, p, e->x, 0, n->pos, false);
    for (guint i = from; i < b->flow->len; i++)
        ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
}

/* A salutation set flush and unbroken, kept with the first lines of the
 * letter under it, which start flush too (the opener is not a paragraph). */
static void emit_opener(builder *b, const imprint_node *n, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    pdf_para *p = unbroken_para(b, n, e, false, PANGO_ALIGN_LEFT);
    emit_para(b, p, e->x, 0, n->pos, true);
    b->keep_next = PDF_MIN_LINES;
    last_item(b)->keep_with_next = true;
    b->pending = MAX(b->pending, SPACE_OPENER * adv);
}

/* A closing set to the right, line by line, unbroken, and never alone at
 * the head of a page: the last line above comes with it. */
static void emit_closer(builder *b, const imprint_node *n, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    b->pending = MAX(b->pending, SPACE_CLOSER * adv);
    pdf_item *above = last_item(b);
    if (above)
        above->keep_with_next = true;
    pdf_para *p = unbroken_para(b, n, e, false, PANGO_ALIGN_RIGHT);
    emit_para(b, p, e->x, 0, n->pos, true);
}

static void emit_block(builder *b, const imprint_node *n, const env *e)
{
    pdf_ctx *ctx = b->ctx;
    double adv = e->size * ctx->style->line_height;
    switch (n->kind) {
    case IMPRINT_NODE_PARAGRAPH:
        emit_paragraph(b, n, e);
        break;
    case IMPRINT_NODE_HEADING:
        emit_heading(b, n, e);
        break;
    case IMPRINT_NODE_QUOTE:
        emit_quote(b, n, e);
        break;
    case IMPRINT_NODE_CITATION:
        emit_citation(b, n, e);
        break;
    case IMPRINT_NODE_LIST:
        emit_list(b, n, e);
        break;
    case IMPRINT_NODE_VERSE:
        emit_verse(b, n, e);
        break;
    case IMPRINT_NODE_CODE:
        emit_code(b, n, e);
        break;
    case IMPRINT_NODE_SPEECH:
        emit_speech(b, n, e);
        break;
    case IMPRINT_NODE_TABLE:
        emit_table(b, n, e);
        break;
    case IMPRINT_NODE_FIGURE:
        emit_figure(b, n, e);
        break;
    case IMPRINT_NODE_BREAK: {
        pdf_para *p =
            pdf_para_plain(ctx, BREAK_MARK, e->size, false, false, e->width, PANGO_ALIGN_CENTER);
        p->node = n; /* an ornament: not tagged */
        emit_para(b, p, e->x, SPACE_BREAK * adv, n->pos, false);
        b->pending = SPACE_BREAK * adv;
        break;
    }
    case IMPRINT_NODE_BIBL: {
        /* Hanging indent: the entry's first line at the margin, the rest in. */
        pdf_para *p = pdf_inline_para(b, n, e, false, PANGO_ALIGN_LEFT, false, -BIBL_HANG * e->size,
                                      NULL, NULL);
        emit_para(b, p, e->x, SPACE_CITATION * adv, n->pos, true);
        break;
    }
    case IMPRINT_NODE_SIDENOTE:
        emit_sidenote(b, n, e);
        break;
    case IMPRINT_NODE_OPENER:
        emit_opener(b, n, e);
        break;
    case IMPRINT_NODE_CLOSER:
        emit_closer(b, n, e);
        break;
    default:
        /* Containment rules keep other kinds out of block lists. */
        break;
    }
}

static void emit_blocks(builder *b, const imprint_node *first, const env *e)
{
    for (const imprint_node *n = first; n; n = n->next)
        emit_block(b, n, e);
}

/* The article's title, subtitle, authors and date, at the head of its first page. */
static void emit_opening(builder *b, const imprint_node *art)
{
    pdf_ctx *ctx = b->ctx;
    const imprint_style *st = ctx->style;
    double w = ctx->geo.text_w;
    double body_adv = st->body_size * st->line_height;
    guint from = b->flow->len;
    guint paras = ctx->paras->len;
    if (art->as.article.title && *art->as.article.title) {
        pdf_para *p = pdf_para_plain(ctx, art->as.article.title, st->title_size, false, false, w,
                                     PANGO_ALIGN_LEFT);
        p->tag = "H1";
        emit_para(b, p, 0, 0, art->pos, false);
    }
    if (art->as.article.subtitle && *art->as.article.subtitle) {
        pdf_para *p = pdf_para_plain(ctx, art->as.article.subtitle, st->heading_size[1], false,
                                     true, w, PANGO_ALIGN_LEFT);
        emit_para(b, p, 0, SPACE_SUBTITLE * body_adv, art->pos, false);
    }
    if (art->as.article.authors && art->as.article.authors[0]) {
        char *names = g_strjoinv(", ", (char **)art->as.article.authors);
        pdf_para *p = pdf_para_plain(ctx, names, st->body_size, false, false, w, PANGO_ALIGN_LEFT);
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS));
        imprint_fonts_set_layout(p->layout, NULL, -1, attrs);
        pango_attr_list_unref(attrs);
        g_free(names);
        emit_para(b, p, 0, SPACE_BYLINE * body_adv, art->pos, false);
    }
    if (art->as.article.date && *art->as.article.date) {
        pdf_para *p = pdf_para_plain(ctx, art->as.article.date, st->note_size, false, true, w,
                                     PANGO_ALIGN_LEFT);
        emit_para(b, p, 0, SPACE_DATELINE * body_adv, art->pos, false);
    }
    for (guint i = paras; i < ctx->paras->len; i++)
        ((pdf_para *)g_ptr_array_index(ctx->paras, i))->node = art;
    for (guint i = from; i < b->flow->len; i++) {
        pdf_item *it = g_ptr_array_index(b->flow, i);
        it->keep_with_next = true;
        it->para->node = art; /* a page that begins here begins with the article */
    }
    if (b->flow->len > from) {
        pdf_item *first = g_ptr_array_index(b->flow, from);
        first->dest = g_strdup_printf("a%d", b->index);
        b->pending = SPACE_AFTER_OPENING * body_adv;
        b->keep_next = PDF_MIN_LINES;
    } else {
        b->pending_dest = g_strdup_printf("a%d", b->index);
    }
}

/* The line a note without text still gets, for its number. */
static pdf_para *empty_note(pdf_ctx *ctx, const imprint_node *note, double width)
{
    pdf_para *p = empty_para(ctx, ctx->style->note_size, width, note);
    p->tag = "P";
    return p;
}

/* Notes set as endnotes: a heading, then each note with its number hanging. */
static void emit_endnotes(builder *b, const imprint_node *art)
{
    pdf_ctx *ctx = b->ctx;
    const imprint_style *st = ctx->style;
    if (!art->as.article.first_note)
        return;
    env e = {0, ctx->geo.text_w, st->heading_size[1], false, true};
    pdf_para *h =
        pdf_para_plain(ctx, "Notes", st->heading_size[1], true, false, e.width, PANGO_ALIGN_LEFT);
    h->node = art;
    h->notes_heading = true;
    h->tag = "H2";
    guint from = b->flow->len;
    emit_para(b, h, 0, SPACE_ENDNOTES * st->body_size * st->line_height, art->pos, false);
    for (guint i = from; i < b->flow->len; i++)
        ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
    b->pending = SPACE_ENDNOTES_AFTER * st->body_size * st->line_height;
    b->keep_next = PDF_MIN_LINES - 1;
    double hang = note_hang(ctx, art, ENDNOTE_HANG * st->note_size);
    env ne = {hang, ctx->geo.text_w - hang, st->note_size, false, true};
    for (const imprint_node *note = art->as.article.first_note; note;
         note = note->as.note.next_note) {
        pdf_para *label = pdf_para_plain(ctx, pdf_note_label(ctx, note), st->note_size, false,
                                         false, -1, PANGO_ALIGN_LEFT);
        b->pending_label = label;
        b->pending_label_x = 0;
        b->pending_label_target =
            note->as.note.first_ref
                ? g_strdup_printf("dest='a%d-r%d'", b->index, note->as.note.number)
                : NULL;
        b->pending_dest = g_strdup_printf("a%d-n%d", b->index, note->as.note.number);
        b->pending = MAX(b->pending, SPACE_ENDNOTE * st->note_size * st->line_height);
        if (note->first_child)
            emit_blocks(b, note->first_child, &ne);
        else
            emit_para(b, empty_note(ctx, note, ne.width), hang, 0, note->pos, false);
        g_free(b->pending_dest);
        b->pending_dest = NULL;
        g_free(b->pending_label_target);
        b->pending_label_target = NULL;
        b->pending_label = NULL;
    }
}

GPtrArray *pdf_flow_article(pdf_ctx *ctx, const imprint_node *article, int index, GPtrArray *marks)
{
    builder b = {0};
    b.ctx = ctx;
    b.flow = g_ptr_array_new();
    b.marks = marks;
    b.article = article;
    b.index = index;
    const char *lang =
        article->as.article.lang ? article->as.article.lang : ctx->opts->meta.language;
    b.hy = pdf_hyphenator(ctx, lang, article->pos);
    b.hy_cache = pdf_hyphen_cache(ctx, b.hy);
    if (marks) {
        pdf_mark *m = g_new0(pdf_mark, 1);
        m->level = 1;
        m->title = imprint_article_label(article);
        m->dest = g_strdup_printf("a%d", index);
        g_ptr_array_add(marks, m);
    }
    emit_opening(&b, article);
    env e = {0, ctx->geo.text_w, ctx->style->body_size, false, false};
    emit_blocks(&b, article->first_child, &e);
    if (ctx->notes_mode == IMPRINT_NOTES_ARTICLE)
        emit_endnotes(&b, article);
    else
        pdf_flow_notes(ctx, article, index);
    if (b.flow->len == 0) {
        /* An empty article still gets its page and its destination. */
        pdf_para *p = empty_para(ctx, ctx->style->body_size, ctx->geo.text_w, article);
        emit_para(&b, p, 0, 0, article->pos, false);
    }
    g_free(b.pending_dest);
    g_free(b.pending_label_target);
    pdf_item *first = g_ptr_array_index(b.flow, 0);
    /* Openings start lower on the page, and keep that space. */
    first->space_before = OPENING_DROP * ctx->geo.text_h;
    first->keep_space = true;
    return b.flow;
}

/* Lines of each note at the foot of the page: the number hangs to the left
 * of the text and links back to the reference. */
void pdf_flow_notes(pdf_ctx *ctx, const imprint_node *article, int index)
{
    const imprint_style *st = ctx->style;
    double hang = note_hang(ctx, article, FOOTNOTE_HANG * st->note_size);
    env ne = {hang, ctx->geo.text_w - hang, st->note_size, false, true};
    const char *lang =
        article->as.article.lang ? article->as.article.lang : ctx->opts->meta.language;
    for (const imprint_node *note = article->as.article.first_note; note;
         note = note->as.note.next_note) {
        builder b = {0};
        b.ctx = ctx;
        b.flow = g_ptr_array_new();
        b.article = article;
        b.index = index;
        b.in_note = true;
        b.hy = pdf_hyphenator(ctx, lang, article->pos);
        b.hy_cache = pdf_hyphen_cache(ctx, b.hy);
        b.pending_label = pdf_para_plain(ctx, pdf_note_label(ctx, note), st->note_size, false,
                                         false, -1, PANGO_ALIGN_LEFT);
        b.pending_label_x = 0;
        b.pending_label_target =
            note->as.note.first_ref ? g_strdup_printf("dest='a%d-r%d'", index, note->as.note.number)
                                    : NULL;
        b.pending_dest = g_strdup_printf("a%d-n%d", index, note->as.note.number);
        emit_blocks(&b, note->first_child, &ne);
        if (b.flow->len == 0)
            emit_para(&b, empty_note(ctx, note, ne.width), hang, 0, note->pos, false);
        g_free(b.pending_dest);
        g_free(b.pending_label_target);
        /* At the foot, lines follow each other without the block spacing. */
        for (guint i = 0; i < b.flow->len; i++) {
            pdf_item *it = g_ptr_array_index(b.flow, i);
            it->space_before = 0;
            it->keep_with_next = false;
        }
        g_hash_table_insert(ctx->note_flows, (gpointer)note, b.flow);
    }
}
