/* hb-subset: a subset keeps exactly the glyphs of the code points asked for,
 * stays a font that shapes, and bad files are errors. */
#include <glib.h>
#include <hb.h>

#include "write/epub/epub.h"

static bool has_glyph(GBytes *font, gunichar c)
{
    gsize len;
    const char *data = g_bytes_get_data(font, &len);
    hb_blob_t *blob = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, 0);
    hb_font_t *f = hb_font_create(face);
    hb_codepoint_t g;
    bool found = hb_font_get_nominal_glyph(f, c, &g);
    hb_font_destroy(f);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return found;
}

static void test_subset(void)
{
    char *path = g_build_filename(SOURCE_DIR, "fonts", "LinLibertine_R.otf", NULL);
    hb_set_t *set = hb_set_create();
    for (const char *p = "Moscow Trials \u201c\u03a9\u201d \u0416"; *p; p = g_utf8_next_char(p))
        hb_set_add(set, g_utf8_get_char(p));
    imprint_diags *diags = imprint_diags_new();
    GBytes *sub = imprint_font_subset(path, set, diags);
    g_assert_nonnull(sub);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    gchar *orig = NULL;
    gsize orig_len = 0;
    g_assert_true(g_file_get_contents(path, &orig, &orig_len, NULL));
    g_assert_cmpuint(g_bytes_get_size(sub), <, orig_len / 10);
    /* An OpenType CFF font still: "OTTO". */
    g_assert_cmpmem(g_bytes_get_data(sub, NULL), 4, "OTTO", 4);
    for (const char *p = "MoscwTrials\u201c\u03a9\u201d\u0416"; *p; p = g_utf8_next_char(p))
        g_assert_true(has_glyph(sub, g_utf8_get_char(p)));
    GBytes *full = g_bytes_new_static(orig, orig_len);
    g_assert_true(has_glyph(full, 'Q'));
    g_bytes_unref(full);
    g_assert_false(has_glyph(sub, 'Q'));
    g_assert_false(has_glyph(sub, 'z'));
    g_assert_false(has_glyph(sub, 0x0417));

    /* The same input gives the same bytes (reproducible EPUBs). */
    GBytes *again = imprint_font_subset(path, set, diags);
    g_assert_true(g_bytes_equal(sub, again));
    g_bytes_unref(again);
    g_bytes_unref(sub);
    g_free(orig);
    hb_set_destroy(set);
    imprint_diags_free(diags);
    g_free(path);
}

static void test_bad_files(void)
{
    hb_set_t *set = hb_set_create();
    hb_set_add(set, 'a');
    imprint_diags *diags = imprint_diags_new();
    g_assert_null(imprint_font_subset(FIXTURES_DIR "/epub/no_such_font.otf", set, diags));
    g_assert_cmpuint(
        imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "cannot read font file"), ==, 1);
    g_assert_null(imprint_font_subset(FIXTURES_DIR "/epub/not_an_image.png", set, diags));
    g_assert_cmpuint(
        imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "is not an OpenType font"), ==, 1);
    imprint_diags_free(diags);
    hb_set_destroy(set);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/font-subset/subset", test_subset);
    g_test_add_func("/font-subset/bad-files", test_bad_files);
    return g_test_run();
}
