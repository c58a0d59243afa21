#include "write/pdf/pdf_internal.h"

#include <string.h>

/* Draws one glyph run with the text it stands for, leaving soft hyphens out
 * of that text: Pango's own renderer would attach every U+00AD to the
 * glyph before it, so that a PDF reader copies and searches "Af\u00ADter".
 * A hyphen Pango shows at a break is given the text "-"; the line separator
 * and the word joiner before note numbers are left out too. Returns false when
 * the run holds glyphs the fonts lack (Pango draws those as boxes itself). */
static bool show_run(cairo_t *cr, const char *text, PangoGlyphItem *run, double x, double baseline)
{
    PangoGlyphString *gs = run->glyphs;
    for (int i = 0; i < gs->num_glyphs; i++)
        if (gs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            return false;
    cairo_scaled_font_t *sf =
        pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
    if (!sf)
        return false;
    const char *base = text + run->item->offset;
    int len = run->item->length;
    cairo_glyph_t *glyphs = cairo_glyph_allocate(gs->num_glyphs > 0 ? gs->num_glyphs : 1);
    cairo_text_cluster_t *clusters =
        cairo_text_cluster_allocate(gs->num_glyphs > 0 ? gs->num_glyphs : 1);
    GString *utf8 = g_string_sized_new((gsize)len);
    int nglyphs = 0, nclusters = 0;
    double pos = x + run->start_x_offset / (double)PANGO_SCALE;
    double y = baseline - run->y_offset / (double)PANGO_SCALE;
    int i = 0;
    while (i < gs->num_glyphs) {
        /* One cluster: the glyphs sharing a log_cluster, and its bytes. */
        int start = gs->log_clusters[i];
        int j = i;
        while (j < gs->num_glyphs && gs->log_clusters[j] == start)
            j++;
        int end = j < gs->num_glyphs ? gs->log_clusters[j] : len;
        if (end < start) /* right-to-left run: not set by this writer, but be safe */
            end = len;
        int drawn = 0;
        for (int k = i; k < j; k++) {
            PangoGlyphInfo *g = &gs->glyphs[k];
            if (g->glyph != PANGO_GLYPH_EMPTY) {
                glyphs[nglyphs].index = g->glyph;
                glyphs[nglyphs].x = pos + g->geometry.x_offset / (double)PANGO_SCALE;
                glyphs[nglyphs].y = y + g->geometry.y_offset / (double)PANGO_SCALE;
                nglyphs++;
                drawn++;
            }
            pos += g->geometry.width / (double)PANGO_SCALE;
        }
        gsize before = utf8->len;
        for (const char *p = base + start; p < base + end; p = g_utf8_next_char(p)) {
            gunichar c = g_utf8_get_char(p);
            if (c == 0xAD || c == 0x2028 || c == 0x2060)
                continue;
            g_string_append_unichar(utf8, c);
        }
        if (utf8->len == before && drawn > 0)
            g_string_append_c(utf8, '-'); /* the hyphen shown at a soft hyphen */
        int bytes = (int)(utf8->len - before);
        if (bytes > 0 || drawn > 0) {
            clusters[nclusters].num_bytes = bytes;
            clusters[nclusters].num_glyphs = drawn;
            nclusters++;
        }
        i = j;
    }
    cairo_set_scaled_font(cr, sf);
    cairo_show_text_glyphs(cr, utf8->str, (int)utf8->len, glyphs, nglyphs, clusters, nclusters, 0);
    g_string_free(utf8, TRUE);
    cairo_text_cluster_free(clusters);
    cairo_glyph_free(glyphs);
    return true;
}

void pdf_show_line(cairo_t *cr, PangoLayoutLine *line, double x, double baseline)
{
    const char *text = pango_layout_get_text(line->layout);
    double pos = x;
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        if (!show_run(cr, text, run, pos, baseline)) {
            cairo_move_to(cr, pos, baseline);
            pango_cairo_show_glyph_item(cr, text, run);
        }
        pos += pango_glyph_string_get_width(run->glyphs) / (double)PANGO_SCALE;
    }
}

void pdf_show_layout(cairo_t *cr, PangoLayout *layout, double x, double y)
{
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, NULL, &logical);
        int baseline = pango_layout_iter_get_baseline(iter);
        pdf_show_line(cr, pango_layout_iter_get_line_readonly(iter),
                      x + logical.x / (double)PANGO_SCALE, y + baseline / (double)PANGO_SCALE);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}
