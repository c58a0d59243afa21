#include <glib.h>
#include <pango/pangocairo.h>

#include "write/fonts.h"

static imprint_style *libertine_style(void)
{
    imprint_style *s = g_new0(imprint_style, 1);
    s->name = g_strdup("test");
    s->font_family = g_strdup("Linux Libertine O");
    s->font_regular = g_strdup("LinLibertine_R.otf");
    s->font_italic = g_strdup("LinLibertine_RI.otf");
    s->font_bold = g_strdup("LinLibertine_RB.otf");
    s->font_bold_italic = g_strdup("LinLibertine_RBI.otf");
    return s;
}

static void style_free(imprint_style *s)
{
    g_free(s->name);
    g_free(s->font_family);
    g_free(s->font_regular);
    g_free(s->font_italic);
    g_free(s->font_bold);
    g_free(s->font_bold_italic);
    g_free(s);
}

/* The family Pango picks for `desc_str` under `map`. */
static char *resolved_family(PangoFontMap *map, const char *desc_str)
{
    PangoContext *ctx = pango_font_map_create_context(map);
    PangoFontDescription *desc = pango_font_description_from_string(desc_str);
    PangoFont *font = pango_font_map_load_font(map, ctx, desc);
    g_assert_nonnull(font);
    PangoFontDescription *got = pango_font_describe(font);
    char *family = g_strdup(pango_font_description_get_family(got));
    pango_font_description_free(got);
    g_object_unref(font);
    pango_font_description_free(desc);
    g_object_unref(ctx);
    return family;
}

static void test_only_bundled_fonts(void)
{
    imprint_style *s = libertine_style();
    imprint_diags *diags = imprint_diags_new();
    PangoFontMap *map = imprint_fonts_map_new(SOURCE_DIR, s, diags);
    g_assert_nonnull(map);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);

    /* Every family the map lists (Pango adds generic aliases such as "Sans")
     * resolves to the bundled one, and so does a font the machine may have. */
    PangoFontFamily **families = NULL;
    int n = 0;
    pango_font_map_list_families(map, &families, &n);
    g_assert_cmpint(n, >=, 1);
    for (int i = 0; i < n; i++) {
        char *want = g_strdup_printf("%s 10", pango_font_family_get_name(families[i]));
        char *fam = resolved_family(map, want);
        g_assert_cmpstr(fam, ==, "Linux Libertine O");
        g_free(fam);
        g_free(want);
    }
    g_free(families);
    char *fam = resolved_family(map, "DejaVu Sans 10");
    g_assert_cmpstr(fam, ==, "Linux Libertine O");
    g_free(fam);

    /* Italic and bold resolve to their own faces. */
    PangoContext *ctx = pango_font_map_create_context(map);
    PangoFontDescription *desc =
        pango_font_description_from_string("Linux Libertine O Bold Italic 10");
    PangoFont *font = pango_font_map_load_font(map, ctx, desc);
    PangoFontDescription *got = pango_font_describe(font);
    g_assert_cmpint(pango_font_description_get_weight(got), ==, PANGO_WEIGHT_BOLD);
    g_assert_cmpint(pango_font_description_get_style(got), ==, PANGO_STYLE_ITALIC);
    pango_font_description_free(got);
    g_object_unref(font);
    pango_font_description_free(desc);
    g_object_unref(ctx);

    g_object_unref(map);
    imprint_diags_free(diags);
    style_free(s);
}

static void test_missing_font_file(void)
{
    imprint_style *s = libertine_style();
    g_free(s->font_bold);
    s->font_bold = g_strdup("NoSuchFont.otf");
    imprint_diags *diags = imprint_diags_new();
    PangoFontMap *map = imprint_fonts_map_new(SOURCE_DIR, s, diags);
    g_assert_null(map);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "NoSuchFont.otf"), ==,
                     1);
    imprint_diags_free(diags);
    style_free(s);
}

static void test_wrong_family(void)
{
    imprint_style *s = libertine_style();
    g_free(s->font_family);
    s->font_family = g_strdup("EB Garamond");
    imprint_diags *diags = imprint_diags_new();
    PangoFontMap *map = imprint_fonts_map_new(SOURCE_DIR, s, diags);
    g_assert_null(map);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "EB Garamond"), ==, 1);
    imprint_diags_free(diags);
    style_free(s);
}

/* LeakSanitizer: fontconfig's default configuration (loaded by Pango in a
 * thread) loses memory once per process; see tests/sanitizers/lsan.supp. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/fonts/only-bundled", test_only_bundled_fonts);
    g_test_add_func("/fonts/missing-file", test_missing_font_file);
    g_test_add_func("/fonts/wrong-family", test_wrong_family);
    return g_test_run();
}
