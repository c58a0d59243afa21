/* Trim and bleed boxes written into a PDF as Cairo 1.16 lays it out
 * (src/write/pdf/marks.c), the cross-reference table moved to match. */
#include <glib.h>
#include <string.h>

#include "write/pdf/pdf_internal.h"

/* A small PDF in Cairo's layout: two pages, a classic xref, startxref. */
static GString *cairo_like_pdf(void)
{
    static const char *const objs[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [ 3 0 R 4 0 R ] /Count 2 >>",
        "<< /Type /Page\n   /Parent 2 0 R\n   /MediaBox [ 0 0 100.000000 200.000000 ]\n>>",
        "<< /Type /Page\n   /Parent 2 0 R\n   /MediaBox [ 0 0 100.000000 200.000000 ]\n>>",
    };
    GString *s = g_string_new("%PDF-1.5\n%\xB5\xED\xAE\xFB\n");
    size_t offsets[4];
    for (int i = 0; i < 4; i++) {
        offsets[i] = s->len;
        g_string_append_printf(s, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    size_t xref = s->len;
    g_string_append(s, "xref\n0 5\n0000000000 65535 f \n");
    for (int i = 0; i < 4; i++)
        g_string_append_printf(s, "%010zu 00000 n \n", offsets[i]);
    g_string_append_printf(s, "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                           xref);
    return s;
}

static void expect_xref_points_at_objects(const GString *s)
{
    const char *sx = g_strrstr(s->str, "startxref\n");
    g_assert_nonnull(sx);
    size_t xref = (size_t)g_ascii_strtoull(sx + 10, NULL, 10);
    g_assert_cmpint(strncmp(s->str + xref, "xref\n0 5\n", 9), ==, 0);
    const char *entry = s->str + xref + 9 + 20; /* past the free entry */
    for (int i = 1; i <= 4; i++, entry += 20) {
        size_t off = (size_t)g_ascii_strtoull(entry, NULL, 10);
        char *want = g_strdup_printf("%d 0 obj\n", i);
        g_assert_cmpint(strncmp(s->str + off, want, strlen(want)), ==, 0);
        g_free(want);
    }
}

static pdf_ctx ctx_with_bleed(imprint_output_opts *opts, double bleed)
{
    memset(opts, 0, sizeof *opts);
    opts->print.bleed = bleed;
    pdf_ctx ctx = {0};
    ctx.opts = opts;
    ctx.geo.page_w = 100 - 2 * pdf_trim_offset(&ctx);
    ctx.geo.page_h = 200 - 2 * pdf_trim_offset(&ctx);
    return ctx;
}

static void test_boxes(void)
{
    imprint_output_opts opts;
    pdf_ctx ctx = ctx_with_bleed(&opts, 9.0);
    double o = pdf_trim_offset(&ctx);
    g_assert_cmpfloat_with_epsilon(o, 9.0 + PDF_MARK_ROOM_MM * MM_TO_PT, 1e-9);
    GString *pdf = cairo_like_pdf();
    g_assert_true(pdf_add_boxes(&ctx, pdf));
    expect_xref_points_at_objects(pdf);
    char *trim = g_strdup_printf("/MediaBox [ 0 0 100.000000 200.000000 ]\n   /TrimBox [ %f %f "
                                 "%f %f ]\n   /BleedBox [ %f %f %f %f ]\n>>",
                                 o, o, 100 - o, 200 - o, o - 9, o - 9, 100 - o + 9, 200 - o + 9);
    const char *first = strstr(pdf->str, trim);
    g_assert_nonnull(first);
    g_assert_nonnull(strstr(first + 1, trim)); /* both pages */
    g_free(trim);
    g_string_free(pdf, TRUE);
}

/* A file not laid out as expected is refused and left as it was. */
static void test_refused(void)
{
    imprint_output_opts opts;
    pdf_ctx ctx = ctx_with_bleed(&opts, 9.0);
    GString *pdf = cairo_like_pdf();
    char *startxref = strstr(pdf->str, "startxref\n");
    startxref[10] = 'x'; /* not a number */
    GString *before = g_string_new_len(pdf->str, (gssize)pdf->len);
    g_assert_false(pdf_add_boxes(&ctx, pdf));
    g_assert_true(g_string_equal(pdf, before));
    g_string_free(pdf, TRUE);
    g_string_free(before, TRUE);

    pdf = g_string_new("%PDF-1.5\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n%%EOF\n");
    g_assert_false(pdf_add_boxes(&ctx, pdf)); /* no page */
    g_string_free(pdf, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pdf-marks/boxes", test_boxes);
    g_test_add_func("/pdf-marks/refused", test_refused);
    return g_test_run();
}
