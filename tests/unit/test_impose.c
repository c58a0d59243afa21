/* The imposition plan (src/write/pdf/impose.c): which pages go on which
 * side of which sheet. */
#include <glib.h>

#include "imprint/pdf.h"
#include "write/pdf/pdf_internal.h"

static GArray *plan(imprint_imposition kind, int pages, int signature, int *padded)
{
    GArray *sides = g_array_new(FALSE, FALSE, sizeof(pdf_side));
    *padded = pdf_impose_plan(kind, pages, signature, sides);
    return sides;
}

static void expect_side(GArray *sides, guint i, int left, int right, int depth)
{
    g_assert_cmpuint(i, <, sides->len);
    const pdf_side *s = &g_array_index(sides, pdf_side, i);
    g_assert_cmpint(s->left, ==, left);
    g_assert_cmpint(s->right, ==, right);
    g_assert_cmpint(s->depth, ==, depth);
}

/* Every page once, on one side of one sheet. */
static void expect_each_page_once(GArray *sides, int padded)
{
    int *seen = g_new0(int, padded);
    for (guint i = 0; i < sides->len; i++) {
        const pdf_side *s = &g_array_index(sides, pdf_side, i);
        seen[s->left]++;
        seen[s->right]++;
    }
    for (int p = 0; p < padded; p++)
        g_assert_cmpint(seen[p], ==, 1);
    g_free(seen);
}

/* 50 pages: padded to 52, one signature of 13 sheets (26 sides); the first
 * side holds page 52 (blank) and page 1, its back pages 2 and 51. */
static void test_booklet_50(void)
{
    int padded;
    GArray *sides = plan(IMPRINT_IMPOSE_BOOKLET, 50, 0, &padded);
    g_assert_cmpint(padded, ==, 52);
    g_assert_cmpuint(sides->len, ==, 26);
    expect_side(sides, 0, 51, 0, 0);
    expect_side(sides, 1, 1, 50, 0);
    expect_side(sides, 2, 49, 2, 1);
    expect_side(sides, 24, 27, 24, 12); /* the innermost sheet: the middle pages */
    expect_side(sides, 25, 25, 26, 12);
    expect_each_page_once(sides, padded);
    g_array_unref(sides);
}

/* Up to PDF_BOOKLET_MAX_SIGNATURE pages are one signature; one page more
 * makes two of equal size, rounded to 4 pages. */
static void test_default_signatures(void)
{
    int padded;
    GArray *sides = plan(IMPRINT_IMPOSE_BOOKLET, PDF_BOOKLET_MAX_SIGNATURE, 0, &padded);
    g_assert_cmpint(padded, ==, PDF_BOOKLET_MAX_SIGNATURE);
    expect_side(sides, 0, PDF_BOOKLET_MAX_SIGNATURE - 1, 0, 0);
    g_array_unref(sides);
    sides = plan(IMPRINT_IMPOSE_BOOKLET, PDF_BOOKLET_MAX_SIGNATURE + 1, 0, &padded);
    g_assert_cmpint(padded, ==, 68);
    expect_side(sides, 0, 35, 0, 0);   /* first signature: pages 1-36 */
    expect_side(sides, 18, 67, 36, 0); /* second: pages 37-68, depth again 0 */
    expect_each_page_once(sides, padded);
    g_array_unref(sides);
}

/* A named signature size: 50 pages in signatures of 16 are 16+16+16+4. */
static void test_named_signature(void)
{
    int padded;
    GArray *sides = plan(IMPRINT_IMPOSE_BOOKLET, 50, 16, &padded);
    g_assert_cmpint(padded, ==, 52);
    g_assert_cmpuint(sides->len, ==, 26);
    expect_side(sides, 0, 15, 0, 0);
    expect_side(sides, 8, 31, 16, 0);
    expect_side(sides, 24, 51, 48, 0);
    expect_side(sides, 25, 49, 50, 0);
    expect_each_page_once(sides, padded);
    g_array_unref(sides);
}

/* 2up: pages in reading order, two a side, padded to an even count. */
static void test_two_up(void)
{
    int padded;
    GArray *sides = plan(IMPRINT_IMPOSE_2UP, 5, 0, &padded);
    g_assert_cmpint(padded, ==, 6);
    g_assert_cmpuint(sides->len, ==, 3);
    expect_side(sides, 0, 0, 1, 0);
    expect_side(sides, 2, 4, 5, 0);
    g_array_unref(sides);
}

static void test_booklet_path(void)
{
    char *p = imprint_pdf_booklet_path("out/book.pdf");
    g_assert_cmpstr(p, ==, "out/book-booklet.pdf");
    g_free(p);
    p = imprint_pdf_booklet_path("book");
    g_assert_cmpstr(p, ==, "book-booklet.pdf");
    g_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/impose/booklet-50", test_booklet_50);
    g_test_add_func("/impose/default-signatures", test_default_signatures);
    g_test_add_func("/impose/named-signature", test_named_signature);
    g_test_add_func("/impose/two-up", test_two_up);
    g_test_add_func("/impose/booklet-path", test_booklet_path);
    return g_test_run();
}
