/* What finish.c writes into a PDF laid out as Cairo 1.16 lays it out: the
 * catalog's language and DisplayDocTitle, an article's /Lang and a figure's
 * /Alt matched with the records tags.c made, trim and bleed boxes, page
 * contents outside the structure marked as artifacts (uncompressed and
 * deflated streams), the cross-reference table moved to match; a file not
 * so laid out is refused and left as it was. */
#include <glib.h>
#include <libdeflate.h>
#include <string.h>

#include "write/pdf/patch.h"
#include "write/pdf/pdf_internal.h"

#define HEAD    "BT\n/f-0-0 1 Tf\n(7)Tj\nET\n"
#define BODY    "/P << /MCID 0 >> BDC\nBT\n/f-0-0 1 Tf\n(Text)Tj\nET\nEMC\n"
#define CONTENT "1 0 0 -1 0 200 cm\nq\n" HEAD BODY "Q\n"
#define NOBJ    11

static GString *deflated(const char *s)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
    size_t cap = libdeflate_zlib_compress_bound(c, strlen(s));
    GString *z = g_string_sized_new(cap);
    g_string_set_size(z, cap);
    g_string_set_size(z, libdeflate_zlib_compress(c, s, strlen(s), z->str, cap));
    libdeflate_free_compressor(c);
    return z;
}

/* Two pages (the second's contents deflated), a structure tree Document >
 * Art > Figure, a classic xref, startxref. */
static GString *cairo_like_pdf(void)
{
    GString *z = deflated(CONTENT);
    char *objs[NOBJ] = {
        g_strdup("<< /Type /Catalog\n   /Pages 2 0 R\n   /StructTreeRoot 5 0 R\n>>"),
        g_strdup("<< /Type /Pages /Kids [ 3 0 R 4 0 R ] /Count 2 >>"),
        g_strdup("<< /Type /Page % 1\n   /Parent 2 0 R\n   /MediaBox [ 0 0 100.000000 "
                 "200.000000 ]\n   /Contents 9 0 R\n>>"),
        g_strdup("<< /Type /Page % 2\n   /Parent 2 0 R\n   /MediaBox [ 0 0 100.000000 "
                 "200.000000 ]\n   /Contents 10 0 R\n>>"),
        g_strdup("<< /Type /StructTreeRoot\n   /K [ 6 0 R ]\n>>"),
        g_strdup("<< /Type /StructElem\n   /S /Document\n   /K [ 7 0 R ]\n>>"),
        g_strdup("<< /Type /StructElem\n   /S /Art\n   /P 6 0 R\n   /K [ 8 0 R ]\n>>"),
        g_strdup("<< /Type /StructElem\n   /S /Figure\n   /P 7 0 R\n   /K [ << /Type /MCR /Pg 3 "
                 "0 R /MCID 0 >> 0 ]\n>>"),
        g_strdup_printf("<< /Length 11 0 R >>\nstream\n%s\nendstream", CONTENT),
        g_strdup_printf("<< /Length %zu\n   /Filter /FlateDecode\n>>\nstream\n", z->len),
        g_strdup_printf("   %zu", strlen(CONTENT)),
    };
    GString *s = g_string_new("%PDF-1.5\n%\xB5\xED\xAE\xFB\n");
    size_t offsets[NOBJ];
    for (int i = 0; i < NOBJ; i++) {
        offsets[i] = s->len;
        g_string_append_printf(s, "%d 0 obj\n%s", i + 1, objs[i]);
        if (i == 9) {
            g_string_append_len(s, z->str, (gssize)z->len);
            g_string_append(s, "\nendstream");
        }
        g_string_append(s, "\nendobj\n");
        g_free(objs[i]);
    }
    size_t xref = s->len;
    g_string_append_printf(s, "xref\n0 %d\n0000000000 65535 f \n", NOBJ + 1);
    for (int i = 0; i < NOBJ; i++)
        g_string_append_printf(s, "%010zu 00000 n \n", offsets[i]);
    g_string_append_printf(s, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                           NOBJ + 1, xref);
    g_string_free(z, TRUE);
    return s;
}

/* strstr over the whole file: its deflated stream holds NUL bytes. */
static char *in(const GString *pdf, const char *from, const char *needle)
{
    return (char *)pdf_find(from ? from : pdf->str, pdf->str + pdf->len, needle);
}

static void expect_xref_points_at_objects(const GString *s)
{
    const char *sx = in(s, NULL, "startxref\n");
    g_assert_nonnull(sx);
    size_t xref = (size_t)g_ascii_strtoull(sx + 10, NULL, 10);
    g_assert_cmpint(strncmp(s->str + xref, "xref\n0 12\n", 10), ==, 0);
    const char *entry = s->str + xref + 10 + 20; /* past the free entry */
    for (int i = 1; i <= NOBJ; i++, entry += 20) {
        size_t off = (size_t)g_ascii_strtoull(entry, NULL, 10);
        char *want = g_strdup_printf("%d 0 obj\n", i);
        g_assert_cmpint(strncmp(s->str + off, want, strlen(want)), ==, 0);
        g_free(want);
    }
}

typedef struct {
    imprint_output_opts opts;
    pdf_ctx ctx;
    GArray *log;
    GString *why;
} fixture;

static void setup(fixture *f, double bleed, const char *lang)
{
    memset(&f->opts, 0, sizeof f->opts);
    f->opts.print.bleed = bleed;
    f->opts.meta.language = lang;
    memset(&f->ctx, 0, sizeof f->ctx);
    f->ctx.opts = &f->opts;
    f->ctx.geo.page_w = 100 - 2 * pdf_trim_offset(&f->ctx);
    f->ctx.geo.page_h = 200 - 2 * pdf_trim_offset(&f->ctx);
    f->log = g_array_new(FALSE, FALSE, sizeof(pdf_tag_record));
    g_array_set_clear_func(f->log, pdf_tag_record_clear);
    pdf_tag_record recs[] = {
        {"Document", NULL, NULL, NULL}, {"Art", NULL, NULL, NULL}, {"Figure", NULL, NULL, NULL}};
    g_array_append_vals(f->log, recs, 3);
    f->why = g_string_new(NULL);
}

static void teardown(fixture *f)
{
    g_array_unref(f->log);
    g_string_free(f->why, TRUE);
}

static void test_boxes(void)
{
    fixture f;
    setup(&f, 9.0, NULL);
    double o = pdf_trim_offset(&f.ctx);
    g_assert_cmpfloat_with_epsilon(o, 9.0 + PDF_MARK_ROOM_MM * MM_TO_PT, 1e-9);
    GString *pdf = cairo_like_pdf();
    g_assert_true(pdf_finish(&f.ctx, pdf, f.log, f.why) ||
                  (g_printerr("why: %s\n", f.why->str), 0));
    expect_xref_points_at_objects(pdf);
    char *trim = g_strdup_printf("/MediaBox [ 0 0 100.000000 200.000000 ]\n   /TrimBox [ %f %f "
                                 "%f %f ]\n   /BleedBox [ %f %f %f %f ]\n",
                                 o, o, 100 - o, 200 - o, o - 9, o - 9, 100 - o + 9, 200 - o + 9);
    const char *first = in(pdf, NULL, trim);
    g_assert_nonnull(first);
    g_assert_nonnull(in(pdf, first + 1, trim)); /* both pages */
    g_free(trim);
    g_string_free(pdf, TRUE);
    teardown(&f);
}

/* No bleed: no boxes; the document's language and the title as the window
 * title; an article in another language and a figure's text. */
static void test_catalog_and_structure(void)
{
    fixture f;
    setup(&f, 0, "de");
    g_array_index(f.log, pdf_tag_record, 1).lang = "fr";
    g_array_index(f.log, pdf_tag_record, 2).alt = g_strdup("Karte (Paris) \\ 1871");
    g_array_index(f.log, pdf_tag_record, 2).attrs = "/A << /O /Layout >>";
    GString *pdf = cairo_like_pdf();
    g_assert_true(pdf_finish(&f.ctx, pdf, f.log, f.why) ||
                  (g_printerr("why: %s\n", f.why->str), 0));
    expect_xref_points_at_objects(pdf);
    g_assert_null(in(pdf, NULL, "/TrimBox"));
    g_assert_nonnull(in(pdf, NULL,
                        "<< /Type /Catalog\n   /Lang (de)\n   /ViewerPreferences << "
                        "/DisplayDocTitle true >>\n   /Pages 2 0 R"));
    g_assert_nonnull(in(pdf, NULL, "/S /Art\n   /Lang (fr)\n   /P 6 0 R"));
    g_assert_nonnull(in(
        pdf, NULL, "/S /Figure\n   /Alt (Karte \\(Paris\\) \\\\ 1871)\n   /A << /O /Layout >>\n"));
    g_assert_null(in(pdf, NULL, "/S /Document\n   /Lang"));
    g_string_free(pdf, TRUE);
    teardown(&f);
}

static void test_alt_not_ascii(void)
{
    GString *s = g_string_new(NULL);
    pdf_append_text_string(s, "Été");
    g_assert_cmpstr(s->str, ==, "<FEFF00C9007400E9>");
    g_string_free(s, TRUE);
}

static GString *inflated(const char *z, size_t n)
{
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    GString *s = g_string_sized_new(4096);
    size_t got = 0;
    g_string_set_size(s, 4096);
    g_assert_cmpint(libdeflate_zlib_decompress(d, z, n, s->str, 4096, &got), ==,
                    LIBDEFLATE_SUCCESS);
    g_string_set_size(s, got);
    libdeflate_free_decompressor(d);
    return s;
}

/* The running head of both pages (HEAD, drawn outside the structure) is an
 * artifact; the paragraph (BODY) is not; the lengths follow. */
static void test_artifacts(void)
{
    fixture f;
    setup(&f, 0, "en");
    GString *pdf = cairo_like_pdf();
    g_assert_true(pdf_finish(&f.ctx, pdf, f.log, f.why) ||
                  (g_printerr("why: %s\n", f.why->str), 0));
    const char *want = "1 0 0 -1 0 200 cm\nq\n/Artifact BMC\n" HEAD "EMC\n" BODY "Q\n";
    const char *plain = in(pdf, NULL, "stream\n");
    g_assert_nonnull(plain);
    g_assert_cmpint(strncmp(plain + 7, want, strlen(want)), ==, 0);
    const char *len_obj = in(pdf, NULL, "11 0 obj\n");
    g_assert_nonnull(len_obj);
    g_assert_cmpint(g_ascii_strtoull(len_obj + 9, NULL, 10), ==, strlen(want));

    const char *second = in(pdf, NULL, "10 0 obj\n<< /Length ");
    g_assert_nonnull(second);
    size_t zlen = (size_t)g_ascii_strtoull(second + 20, NULL, 10);
    const char *data = in(pdf, second, "stream\n") + 7;
    g_assert_cmpint(strncmp(data + zlen, "\nendstream", 10), ==, 0);
    GString *content = inflated(data, zlen);
    g_assert_cmpstr(content->str, ==, want);
    g_string_free(content, TRUE);
    expect_xref_points_at_objects(pdf);
    g_string_free(pdf, TRUE);
    teardown(&f);
}

/* A file not laid out as expected is refused and left as it was, with the
 * part that was not as expected named. */
static void test_refused(void)
{
    fixture f;
    setup(&f, 9.0, "en");
    GString *pdf = cairo_like_pdf();
    char *startxref = in(pdf, NULL, "startxref\n");
    startxref[10] = 'x'; /* not a number */
    GString *before = g_string_new_len(pdf->str, (gssize)pdf->len);
    g_assert_false(pdf_finish(&f.ctx, pdf, f.log, f.why));
    g_assert_true(g_string_equal(pdf, before));
    g_assert_cmpstr(f.why->str, ==, "its cross-reference table");
    g_string_free(pdf, TRUE);
    g_string_free(before, TRUE);
    teardown(&f);
}

/* Records that are not the elements Cairo made (a Figure where an Art is,
 * one element too many) are refused: the /Alt would go to another element. */
static void test_structure_mismatch(void)
{
    for (int k = 0; k < 2; k++) {
        fixture f;
        setup(&f, 0, "en");
        if (k == 0)
            g_array_index(f.log, pdf_tag_record, 1).name = "Figure";
        else
            g_array_append_val(f.log, ((pdf_tag_record){"P", NULL, NULL, NULL}));
        GString *pdf = cairo_like_pdf();
        GString *before = g_string_new_len(pdf->str, (gssize)pdf->len);
        g_assert_false(pdf_finish(&f.ctx, pdf, f.log, f.why));
        g_assert_true(g_string_equal(pdf, before));
        g_assert_nonnull(strstr(f.why->str, "structure tree"));
        g_string_free(pdf, TRUE);
        g_string_free(before, TRUE);
        teardown(&f);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pdf-finish/boxes", test_boxes);
    g_test_add_func("/pdf-finish/catalog-and-structure", test_catalog_and_structure);
    g_test_add_func("/pdf-finish/alt-not-ascii", test_alt_not_ascii);
    g_test_add_func("/pdf-finish/artifacts", test_artifacts);
    g_test_add_func("/pdf-finish/refused", test_refused);
    g_test_add_func("/pdf-finish/structure-mismatch", test_structure_mismatch);
    return g_test_run();
}
