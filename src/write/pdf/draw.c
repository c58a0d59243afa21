#include "write/pdf/pdf_internal.h"

#include <math.h>
#include <string.h>

/* Dots of the contents' leaders sit on a grid, so that they line up from
 * entry to entry. */
#define LEADER_STEP_EM 0.6

/* The contents' last leader dot stays this many body sizes from the right
 * edge: the page numbers' column. */
#define LEADER_NUMBERS_EM 3.0

/* The rule above the notes: its weight (points) and its length (of the measure). */
#define NOTE_RULE_WIDTH  0.4
#define NOTE_RULE_LENGTH 0.3

/* The frame of a figure placeholder, in points. */
#define FRAME_RULE_WIDTH 0.5

/* Named destinations in the line (note references, for the way back). */
static void draw_anchors(cairo_t *cr, const pdf_item *it, PangoLayoutLine *line, double x, double y)
{
    const pdf_para *p = it->para;
    int ls = line->start_index, le = line->start_index + line->length;
    for (guint i = 0; i < p->anchors->len; i++) {
        const pdf_anchor *a = &g_array_index(p->anchors, pdf_anchor, i);
        if (a->index < ls || a->index >= le)
            continue;
        int xpos = 0;
        pango_layout_line_index_to_x(line, a->index, FALSE, &xpos);
        pdf_tag_dest(cr, a->name, x + xpos / (double)PANGO_SCALE, y);
    }
}

/* The page number of a contents entry, at the right. */
static double leader_number(pdf_ctx *ctx, const pdf_item *it, double left)
{
    PangoRectangle nr;
    pango_layout_get_extents(it->leader->layout, NULL, &nr);
    return left + ctx->geo.text_w - nr.width / (double)PANGO_SCALE;
}

/* The dots from a contents entry to its page number: drawn in no element. */
static void draw_leader(pdf_ctx *ctx, cairo_t *cr, const pdf_item *it, PangoLayoutLine *line,
                        double left, double x, double y)
{
    const imprint_style *st = ctx->style;
    PangoRectangle lr;
    pango_layout_line_get_extents(line, NULL, &lr);
    double right = left + ctx->geo.text_w;
    double num_x = leader_number(ctx, it, left);
    double baseline = y + it->ascent;
    double step = LEADER_STEP_EM * st->body_size;
    double from = x + lr.width / (double)PANGO_SCALE + 0.5 * step;
    double to = num_x - 0.5 * step;
    PangoLayoutLine *dl = pango_layout_get_line_readonly(it->leader_dot->layout, 0);
    PangoRectangle dr;
    pango_layout_line_get_extents(dl, NULL, &dr);
    double dw = dr.width / (double)PANGO_SCALE;
    /* Grid positions counted from the right edge, so the last dot of every
     * entry is the same distance from the numbers' column. */
    double gx = right - LEADER_NUMBERS_EM * st->body_size;
    while (gx - step >= from)
        gx -= step;
    for (double dx = gx; dx + dw <= to; dx += step) {
        if (dx < from)
            continue;
        pdf_show_line(cr, dl, dx, baseline);
    }
}

/* A line of a paragraph, with its label (list marker, note number) and, in
 * the contents, its leader and page number. */
static void draw_line(pdf_ctx *ctx, cairo_t *cr, const pdf_item *it, double left, double x,
                      double y)
{
    PangoLayoutLine *line = pango_layout_get_line_readonly(it->para->layout, it->line);
    if (it->label) {
        PangoLayoutLine *l = pango_layout_get_line_readonly(it->label->layout, 0);
        PangoRectangle r;
        pango_layout_line_get_extents(l, NULL, &r);
        pdf_tags_label(ctx->tags, it, left + it->label_x, y, r.width / (double)PANGO_SCALE,
                       it->height);
        pdf_show_line(cr, l, left + it->label_x, y + it->ascent);
        pdf_tags_label_end(ctx->tags);
    }
    if (it->leader)
        draw_leader(ctx, cr, it, line, left, x, y);
    if (pdf_tags_line(ctx->tags, it, left, y, ctx->geo.text_w, it->height))
        pdf_show_line(cr, line, x, y + it->ascent);
    else
        pdf_tags_show_segments(ctx->tags, it, line, x, y);
    draw_anchors(cr, it, line, x, y);
    if (it->leader)
        pdf_show_line(cr, pango_layout_get_line_readonly(it->leader->layout, 0),
                      leader_number(ctx, it, left), y + it->ascent);
    pdf_tags_line_end(ctx->tags, it);
}

static void draw_item(pdf_ctx *ctx, cairo_t *cr, const pdf_item *it, double left, double y)
{
    double x = left + it->x;
    if (it->dest)
        pdf_tag_dest(cr, it->dest, x, y);
    switch (it->kind) {
    case PDF_ITEM_LINE:
        draw_line(ctx, cr, it, left, x, y);
        break;
    case PDF_ITEM_ROW: {
        for (guint c = 0; c < it->cells->len; c++) {
            pdf_para *p = g_ptr_array_index(it->cells, c);
            double cx = x + g_array_index(it->cell_x, double, c);
            pdf_tags_cell(ctx->tags, p);
            if (p->spans->len && ctx->tags)
                pdf_tags_show_cell(ctx->tags, p, cx, y + it->pad);
            else
                pdf_show_layout(cr, p->layout, cx, y + it->pad);
        }
        pdf_tags_row_end(ctx->tags);
        if (it->rule_above > 0) {
            cairo_set_line_width(cr, it->rule_above);
            cairo_move_to(cr, x, y);
            cairo_line_to(cr, x + it->width, y);
            cairo_stroke(cr);
        }
        if (it->rule_below > 0) {
            cairo_set_line_width(cr, it->rule_below);
            cairo_move_to(cr, x, y + it->height);
            cairo_line_to(cr, x + it->width, y + it->height);
            cairo_stroke(cr);
        }
        break;
    }
    case PDF_ITEM_FRAME: {
        pdf_tags_line(ctx->tags, it, x, y, it->width, it->height);
        cairo_set_line_width(cr, FRAME_RULE_WIDTH);
        cairo_rectangle(cr, x, y + 0.5 * it->pad, it->width, it->height - it->pad);
        cairo_stroke(cr);
        PangoRectangle r;
        pango_layout_get_extents(it->para->layout, NULL, &r);
        double th = r.height / (double)PANGO_SCALE;
        pdf_show_layout(cr, it->para->layout, x + it->pad, y + (it->height - th) / 2);
        pdf_tags_line_end(ctx->tags, it);
        break;
    }
    }
}

/* The running head and folio that pdf_page_furnish() laid out. The head
 * is shown as Pango sets it (an ellipsized line has no text of its own). */
static void draw_head(pdf_ctx *ctx, cairo_t *cr, const pdf_page *page, double left)
{
    double baseline = pdf_head_baseline(ctx);
    if (page->head) {
        cairo_move_to(cr, left + page->head_x, baseline);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(page->head->layout, 0));
    }
    if (page->folio)
        pdf_show_line(cr, pango_layout_get_line_readonly(page->folio->layout, 0),
                      left + page->folio_x, baseline);
}

/* Paragraphs at fixed places (the title page). */
static void draw_placed(pdf_ctx *ctx, cairo_t *cr, const pdf_page *page, double left)
{
    for (guint i = 0; page->placed && i < page->placed->len; i++) {
        const pdf_placed *p = g_ptr_array_index(page->placed, i);
        pdf_tags_placed(ctx->tags, p->para);
        pdf_show_layout(cr, p->para->layout, left + p->x, p->y);
        pdf_tags_placed_end(ctx->tags);
    }
}

/* The notes at the foot, from item `from` to `to`; `fy` the foot's top. */
static void draw_foot(pdf_ctx *ctx, cairo_t *cr, const pdf_page *page, double left, double fy,
                      guint from, guint to)
{
    for (guint i = 0; i < to; i++) {
        const pdf_item *it = g_ptr_array_index(page->foot, i);
        if (i >= from)
            draw_item(ctx, cr, it, left, fy);
        fy += it->height;
    }
}

/* Drawn in the structure's order: the running head, folio and rule (in no
 * element), the lines continuing a note from the page before, the body,
 * then the notes begun on this page (tags.c). */
void pdf_draw_page(pdf_ctx *ctx, cairo_t *cr, const pdf_page *page)
{
    double left = pdf_page_left(&ctx->geo, page->number);
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (page->blank)
        return;
    if (!page->opening)
        draw_head(ctx, cr, page, left);
    double fy = 0;
    if (page->foot->len) {
        double h = 0;
        for (guint i = 0; i < page->foot->len; i++)
            h += ((const pdf_item *)g_ptr_array_index(page->foot, i))->height;
        fy = ctx->geo.top + ctx->geo.text_h - h;
        double sep = pdf_note_separator(ctx);
        cairo_set_line_width(cr, NOTE_RULE_WIDTH);
        cairo_move_to(cr, left, fy - sep / 2);
        cairo_line_to(cr, left + NOTE_RULE_LENGTH * ctx->geo.text_w, fy - sep / 2);
        cairo_stroke(cr);
    }
    guint carried = pdf_tags_carried(ctx->tags, page);
    if (carried) {
        pdf_tags_foot(ctx->tags, page, true);
        draw_foot(ctx, cr, page, left, fy, 0, carried);
    }
    pdf_tags_body(ctx->tags);
    draw_placed(ctx, cr, page, left);
    double y = ctx->geo.top;
    for (guint i = 0; i < page->body->len; i++) {
        const pdf_item *it = g_ptr_array_index(page->body, i);
        y += i == 0 && !it->keep_space ? 0 : it->space_before;
        draw_item(ctx, cr, it, left, y);
        y += it->height;
    }
    if (page->foot->len > carried) {
        pdf_tags_foot(ctx->tags, page, false);
        draw_foot(ctx, cr, page, left, fy, carried, page->foot->len);
    }
}
