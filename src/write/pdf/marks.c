/* Bleed and crop marks for print shops (`pdf.bleed`): each page of NAME.pdf
 * is drawn inside a media box larger by the bleed and the marks' room, with
 * crop marks outside the bleed. Cairo 1.16 has no call for the TrimBox and
 * BleedBox the page dictionaries need: finish.c writes them. */

#include "write/pdf/pdf_internal.h"

double pdf_trim_offset(const pdf_ctx *ctx)
{
    double bleed = ctx->opts->print.bleed;
    return bleed > 0 ? bleed + PDF_MARK_ROOM_MM * MM_TO_PT : 0;
}

static void line(cairo_t *cr, double x1, double y1, double x2, double y2)
{
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
}

/* Marks at the four corners of the trim, starting outside the bleed. */
static void draw_crop_marks(const pdf_ctx *ctx, cairo_t *cr)
{
    double o = pdf_trim_offset(ctx), w = ctx->geo.page_w, h = ctx->geo.page_h;
    double gap = ctx->opts->print.bleed + PDF_MARK_OFFSET_MM * MM_TO_PT;
    double len = PDF_MARK_LENGTH_MM * MM_TO_PT;
    double xs[2] = {o, o + w}, ys[2] = {o, o + h};
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, PDF_MARK_LINE_WIDTH);
    for (int i = 0; i < 2; i++) {
        double sx = i == 0 ? -1 : 1;
        for (int k = 0; k < 2; k++) {
            double sy = k == 0 ? -1 : 1;
            line(cr, xs[i] + sx * gap, ys[k], xs[i] + sx * (gap + len), ys[k]);
            line(cr, xs[i], ys[k] + sy * gap, xs[i], ys[k] + sy * (gap + len));
        }
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void pdf_draw_trimmed(pdf_ctx *ctx, cairo_t *cr, const pdf_page *page)
{
    double o = pdf_trim_offset(ctx);
    if (page) {
        cairo_save(cr);
        cairo_translate(cr, o, o);
        pdf_draw_page(ctx, cr, page);
        cairo_restore(cr);
    }
    if (o > 0)
        draw_crop_marks(ctx, cr);
}
