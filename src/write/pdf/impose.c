/* Imposition: the book's pages two to a side of a sheet, in NAME-booklet.pdf
 * (`pdf.imposition`). Cairo cannot read the PDF it wrote, so the pages are
 * drawn again, scaled and moved onto the sheets of a second PDF surface;
 * drawing them untagged keeps links and the structure tree out of it. */
#include <math.h>
#include <string.h>

#include "write/pdf/pdf_internal.h"

static int round_up(int n, int to)
{
    return (n + to - 1) / to * to;
}

/* Pages of each signature when the edition names none. */
static int default_signature(int padded)
{
    if (padded <= PDF_BOOKLET_MAX_SIGNATURE)
        return padded;
    int count = (padded + PDF_BOOKLET_MAX_SIGNATURE - 1) / PDF_BOOKLET_MAX_SIGNATURE;
    return round_up((padded + count - 1) / count, 4);
}

/* Saddle stitch: a signature of m pages from `start` is m/4 sheets nested
 * in each other; sheet i holds, front, the last but 2i and the first but 2i
 * pages, and, back, the two beside them. */
static void plan_signature(GArray *sides, int start, int m)
{
    for (int i = 0; i < m / 4; i++) {
        pdf_side front = {start + m - 1 - 2 * i, start + 2 * i, i};
        pdf_side back = {start + 2 * i + 1, start + m - 2 - 2 * i, i};
        g_array_append_val(sides, front);
        g_array_append_val(sides, back);
    }
}

int pdf_impose_plan(imprint_imposition kind, int pages, int signature, GArray *sides)
{
    if (pages < 1)
        pages = 1;
    if (kind == IMPRINT_IMPOSE_2UP) {
        int padded = round_up(pages, 2);
        for (int p = 0; p < padded; p += 2) {
            pdf_side s = {p, p + 1, 0};
            g_array_append_val(sides, s);
        }
        return padded;
    }
    int padded = round_up(pages, 4);
    int size = signature > 0 ? signature : default_signature(padded);
    for (int start = 0; start < padded; start += size)
        plan_signature(sides, start, MIN(size, padded - start));
    return padded;
}

/* The sheet and where the two pages go on it. */
typedef struct {
    double w, h;   /* the sheet */
    double scale;  /* of a page on it */
    double x0, y0; /* top left of the left page's trim */
    double pw, ph; /* a page on the sheet */
    bool marks;    /* crop marks are drawn */
} sheet_frame;

/* The frame for `geo`'s pages on the edition's sheet: the paper's double
 * (with room for marks) unless a sheet is named, which is turned to hold
 * the spread best; pages are shrunk to fit, never enlarged. */
static void frame_make(const pdf_ctx *ctx, sheet_frame *f)
{
    const imprint_print_opts *p = &ctx->opts->print;
    double pw = ctx->geo.page_w, ph = ctx->geo.page_h;
    double room = p->crop_marks ? PDF_MARK_ROOM_MM * MM_TO_PT : 0;
    if (p->sheet_w > 0) {
        double a = MAX(p->sheet_w, p->sheet_h), b = MIN(p->sheet_w, p->sheet_h);
        double wide = MIN(a / (2 * pw), b / ph), tall = MIN(b / (2 * pw), a / ph);
        f->w = wide >= tall ? a : b;
        f->h = wide >= tall ? b : a;
    } else {
        f->w = 2 * pw + 2 * room;
        f->h = ph + 2 * room;
    }
    f->scale = MIN(1.0, MIN(f->w / (2 * pw), f->h / ph));
    f->pw = pw * f->scale;
    f->ph = ph * f->scale;
    f->x0 = (f->w - 2 * f->pw) / 2;
    f->y0 = (f->h - f->ph) / 2;
    f->marks = p->crop_marks && MIN(f->x0, f->y0) >= room - 0.01;
}

/* Draws page `index` of `pages` (NULL or past the end: blank) at `x`,
 * clipped to its place on the sheet. */
static void draw_slot(pdf_ctx *ctx, cairo_t *cr, const sheet_frame *f, GPtrArray *pages, int index,
                      double slot_x, double shift)
{
    const pdf_page *page = index < (int)pages->len ? g_ptr_array_index(pages, index) : NULL;
    if (!page)
        return;
    cairo_save(cr);
    cairo_rectangle(cr, slot_x, f->y0, f->pw, f->ph);
    cairo_clip(cr);
    cairo_translate(cr, slot_x + shift, f->y0);
    cairo_scale(cr, f->scale, f->scale);
    pdf_draw_page(ctx, cr, page);
    cairo_restore(cr);
}

/* One mark: a hairline from (x1, y1) to (x2, y2). */
static void mark(cairo_t *cr, double x1, double y1, double x2, double y2)
{
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
}

/* Crop marks at the corners of the spread's trim and at the fold (or cut)
 * between its pages, all outside the trim. */
static void draw_marks(cairo_t *cr, const sheet_frame *f)
{
    double off = PDF_MARK_OFFSET_MM * MM_TO_PT, len = PDF_MARK_LENGTH_MM * MM_TO_PT;
    double x[3] = {f->x0, f->x0 + f->pw, f->x0 + 2 * f->pw};
    double top = f->y0, bottom = f->y0 + f->ph;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, PDF_MARK_LINE_WIDTH);
    for (int i = 0; i < 3; i++) {
        mark(cr, x[i], top - off, x[i], top - off - len);
        mark(cr, x[i], bottom + off, x[i], bottom + off + len);
    }
    mark(cr, x[0] - off, top, x[0] - off - len, top);
    mark(cr, x[0] - off, bottom, x[0] - off - len, bottom);
    mark(cr, x[2] + off, top, x[2] + off + len, top);
    mark(cr, x[2] + off, bottom, x[2] + off + len, bottom);
    cairo_stroke(cr);
    cairo_restore(cr);
}

static void draw_sides(pdf_ctx *ctx, cairo_t *cr, const sheet_frame *f, GPtrArray *pages,
                       GArray *sides)
{
    /* Creep moves the pages of inner sheets towards the fold, so that after
     * folding and trimming their margins match the outer sheets'. */
    double creep =
        ctx->opts->print.imposition == IMPRINT_IMPOSE_BOOKLET ? ctx->opts->print.creep : 0;
    for (guint i = 0; i < sides->len; i++) {
        const pdf_side *s = &g_array_index(sides, pdf_side, i);
        double shift = creep * s->depth;
        draw_slot(ctx, cr, f, pages, s->left, f->x0, shift);
        draw_slot(ctx, cr, f, pages, s->right, f->x0 + f->pw, -shift);
        if (f->marks)
            draw_marks(cr, f);
        cairo_show_page(cr);
    }
}

char *imprint_pdf_booklet_path(const char *pdf_path)
{
    size_t n = strlen(pdf_path);
    if (n >= 4 && g_ascii_strcasecmp(pdf_path + n - 4, ".pdf") == 0)
        n -= 4;
    return g_strdup_printf("%.*s-booklet.pdf", (int)n, pdf_path);
}

bool pdf_write_booklet(pdf_ctx *ctx, GPtrArray *pages, const char *path, int *sides_out)
{
    imprint_pos at = {path, 0, 0};
    sheet_frame f;
    frame_make(ctx, &f);
    if (ctx->opts->print.crop_marks && !f.marks)
        imprint_diags_report(ctx->diags, IMPRINT_SEV_WARNING,
                             (imprint_pos){ctx->opts->edition_path, 0, 0},
                             "no room for crop marks on the sheet of %.0f x %.0f mm (%.0f mm "
                             "beyond the pages are needed): the booklet has none",
                             f.w / MM_TO_PT, f.h / MM_TO_PT, PDF_MARK_ROOM_MM);
    GArray *sides = g_array_new(FALSE, FALSE, sizeof(pdf_side));
    pdf_impose_plan(ctx->opts->print.imposition, (int)pages->len, ctx->opts->print.signature,
                    sides);
    imprint_output *out = imprint_output_open(path, ctx->diags);
    if (!out) {
        g_array_unref(sides);
        return false;
    }
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(pdf_write_stream, out, f.w, f.h);
    pdf_set_metadata(ctx, surface);
    cairo_t *cr = cairo_create(surface);
    pdf_untag(cr);
    draw_sides(ctx, cr, &f, pages, sides);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status == CAIRO_STATUS_SUCCESS) {
        cairo_surface_finish(surface);
        status = cairo_surface_status(surface);
    }
    if (status != CAIRO_STATUS_SUCCESS)
        imprint_diags_report(ctx->diags, IMPRINT_SEV_ERROR, at, "cannot write %s: %s", path,
                             cairo_status_to_string(status));
    cairo_surface_destroy(surface);
    *sides_out = (int)sides->len;
    g_array_unref(sides);
    return imprint_output_commit(out, status == CAIRO_STATUS_SUCCESS, ctx->diags);
}
