/* Bleed and crop marks for print shops (`pdf.bleed`): each page of NAME.pdf
 * is drawn inside a media box larger by the bleed and the marks' room, with
 * crop marks outside the bleed, and the page dictionaries get a TrimBox and
 * a BleedBox. Cairo 1.16 has no call for those boxes, so the file is held in
 * memory, the boxes are written after each /MediaBox and the
 * cross-reference table is moved by what was inserted. */
#include <stdlib.h>
#include <string.h>

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

cairo_status_t pdf_hold_stream(void *closure, const unsigned char *data, unsigned int len)
{
    unsigned char fixed[PDF_DATE_LEN];
    data = pdf_fix_date(data, len, fixed);
    g_string_append_len(closure, (const char *)data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* Numbers in the boxes, as Cairo writes the media box: six decimals, never
 * the locale's mark. */
static void append_box(GString *s, const char *name, double x0, double y0, double x1, double y1)
{
    char b[4][G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf(
        s, "\n   /%s [ %s %s %s %s ]", name, g_ascii_formatd(b[0], sizeof b[0], "%f", x0),
        g_ascii_formatd(b[1], sizeof b[1], "%f", y0), g_ascii_formatd(b[2], sizeof b[2], "%f", x1),
        g_ascii_formatd(b[3], sizeof b[3], "%f", y1));
}

/* The first `n` bytes of `needle` in [p, end), or NULL: the file holds
 * binary streams, so no C string search will do. */
static const char *find(const char *p, const char *end, const char *needle, size_t n)
{
    while (p + n <= end) {
        const char *c = memchr(p, needle[0], (size_t)(end - p) - n + 1);
        if (!c)
            return NULL;
        if (memcmp(c, needle, n) == 0)
            return c;
        p = c + 1;
    }
    return NULL;
}

/* Bytes inserted before offset `at` of the original file. */
static size_t shift_at(GArray *inserts, size_t each, size_t at)
{
    size_t n = 0;
    while (n < inserts->len && g_array_index(inserts, size_t, n) < at)
        n++;
    return n * each;
}

/* Moves the classic cross-reference table Cairo writes (and the startxref
 * that points at it) by the insertions; false when the file is not laid
 * out so. */
static bool move_xref(GString *pdf, GArray *inserts, size_t each)
{
    const char *sx = NULL, *end_all = pdf->str + pdf->len;
    for (const char *f = pdf->str; (f = find(f, end_all, "\nstartxref\n", 11)) != NULL; f++)
        sx = f;
    if (!sx)
        return false;
    char *end;
    guint64 old = g_ascii_strtoull(sx + 11, &end, 10);
    size_t xref = (size_t)old + shift_at(inserts, each, (size_t)old);
    if (end == sx + 11 || xref + 5 > pdf->len || strncmp(pdf->str + xref, "xref\n", 5) != 0)
        return false;
    unsigned long first, count;
    int used;
    if (sscanf(pdf->str + xref + 5, "%lu %lu\n%n", &first, &count, &used) != 2)
        return false;
    char *entry = pdf->str + xref + 5 + used;
    for (unsigned long i = 0; i < count; i++, entry += 20) {
        if (entry + 20 > pdf->str + pdf->len || entry[10] != ' ' || entry[16] != ' ')
            return false;
        if (entry[17] != 'n')
            continue;
        size_t off = (size_t)g_ascii_strtoull(entry, NULL, 10);
        char digits[11];
        g_snprintf(digits, sizeof digits, "%010zu", off + shift_at(inserts, each, off));
        memcpy(entry, digits, 10);
    }
    /* The new startxref is written over the old, from where it starts. */
    size_t at = (size_t)(sx - pdf->str) + 11;
    g_string_truncate(pdf, at);
    g_string_append_printf(pdf, "%zu\n%%%%EOF\n", xref);
    return true;
}

bool pdf_add_boxes(const pdf_ctx *ctx, GString *pdf)
{
    static const char media[] = "\n   /MediaBox [ ";
    double o = pdf_trim_offset(ctx), b = ctx->opts->print.bleed;
    double w = ctx->geo.page_w, h = ctx->geo.page_h;
    GString *boxes = g_string_new(NULL);
    append_box(boxes, "TrimBox", o, o, o + w, o + h);
    append_box(boxes, "BleedBox", o - b, o - b, o + w + b, o + h + b);
    GString *out = g_string_sized_new(pdf->len + 4096);
    GArray *inserts = g_array_new(FALSE, FALSE, sizeof(size_t));
    const char *p = pdf->str, *stop = pdf->str + pdf->len;
    const char *m;
    while ((m = find(p, stop, media, sizeof media - 1)) != NULL) {
        const char *close = memchr(m + sizeof media - 1, ']', (size_t)(stop - m));
        if (!close)
            break;
        g_string_append_len(out, p, close + 1 - p);
        g_string_append_len(out, boxes->str, boxes->len);
        size_t at = (size_t)(close + 1 - pdf->str);
        g_array_append_val(inserts, at);
        p = close + 1;
    }
    g_string_append_len(out, p, stop - p);
    bool ok = inserts->len > 0 && move_xref(out, inserts, boxes->len);
    if (ok) {
        g_string_truncate(pdf, 0);
        g_string_append_len(pdf, out->str, out->len);
    }
    g_array_unref(inserts);
    g_string_free(out, TRUE);
    g_string_free(boxes, TRUE);
    return ok;
}
