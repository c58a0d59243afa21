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

/* Font maps built and laid out by each thread of test_metrics_threads. */
#define METRICS_ROUNDS 30
/* Sizes of the spans of each round's layout: each is a font of its own,
 * whose metrics Pango computes the first time they are asked. */
#define METRICS_SIZES 8

/* Lays out `text` in `ctx` through imprint_fonts_set_layout, with `attrs`,
 * and returns how many of its runs have a font whose approximate character
 * width (which the line breaker used) is 0. */
static guint zero_widths(PangoContext *ctx, const char *text, PangoAttrList *attrs)
{
    PangoLayout *layout = pango_layout_new(ctx);
    PangoFontDescription *desc = pango_font_description_from_string("Linux Libertine O 10");
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout, 100 * PANGO_SCALE);
    imprint_fonts_set_layout(layout, text, -1, attrs);
    guint zero = 0;
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (!run)
            continue;
        PangoFontMetrics *m =
            pango_font_get_metrics(run->item->analysis.font, run->item->analysis.language);
        zero += pango_font_metrics_get_approximate_char_width(m) == 0;
        pango_font_metrics_unref(m);
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    return zero;
}

/* One thread's rounds, each with a fresh font map: a layout of
 * METRICS_SIZES spans (a font each), then three in one of those fonts whose
 * Greek, Cyrillic or Hebrew word Pango gives metrics of its own language
 * (the characters are new to the context, its description is not). Returns the number of
 * runs whose font had a width of 0. */
static gpointer metrics_rounds(gpointer style)
{
    guint zero = 0;
    for (int r = 0; r < METRICS_ROUNDS; r++) {
        imprint_diags *diags = imprint_diags_new();
        PangoFontMap *map = imprint_fonts_map_new(SOURCE_DIR, style, diags);
        g_assert_nonnull(map);
        PangoContext *ctx = pango_font_map_create_context(map);
        pango_context_set_language(ctx, pango_language_from_string("en"));
        GString *text = g_string_new(NULL);
        PangoAttrList *attrs = pango_attr_list_new();
        for (int i = 0; i < METRICS_SIZES; i++) {
            PangoAttribute *a = pango_attr_size_new((6 + i) * PANGO_SCALE);
            a->start_index = (guint)text->len;
            g_string_append(text, "The quick brown fox jumps over the lazy dog. ");
            a->end_index = (guint)text->len;
            pango_attr_list_insert(attrs, a);
        }
        zero += zero_widths(ctx, text->str, attrs);
        /* Greek, Cyrillic and Hebrew words: metrics of their own languages. */
        zero += zero_widths(ctx, "The word \xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x82.", NULL);
        zero += zero_widths(ctx, "The word \xD1\x81\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE.", NULL);
        zero += zero_widths(ctx, "The word \xD7\x9E\xD7\x99\xD7\x9C\xD7\x94.", NULL);
        pango_attr_list_unref(attrs);
        g_string_free(text, TRUE);
        g_object_unref(ctx);
        g_object_unref(map);
        imprint_diags_free(diags);
    }
    return GUINT_TO_POINTER(zero);
}

/* Pango's recursion guard around a font's first metrics is one static int
 * for the process: without imprint_fonts_set_layout's lock, a font whose
 * metrics were first asked while another thread computed some kept an
 * approximate width of 0, and its lines broke otherwise (two editions laid
 * out at once gave different PDFs). Two threads lay out fresh fonts at
 * once; none may be left with a width of 0. It failed in 9 of 10 runs
 * without the lock, and in 10 of 10 when a layout whose description was
 * known skipped the lock without looking at its characters. */
static void test_metrics_threads(void)
{
    imprint_style *s = libertine_style();
    GThread *a = g_thread_new("metrics-a", metrics_rounds, s);
    GThread *b = g_thread_new("metrics-b", metrics_rounds, s);
    guint zero = GPOINTER_TO_UINT(g_thread_join(a)) + GPOINTER_TO_UINT(g_thread_join(b));
    g_assert_cmpuint(zero, ==, 0);
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
    g_test_add_func("/fonts/metrics-threads", test_metrics_threads);
    return g_test_run();
}
