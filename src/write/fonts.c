#include "write/fonts.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

/* Adds one font file of the style to `config`; false (reported) when the file
 * is missing or fontconfig cannot read a face from it. */
static bool add_font(FcConfig *config, const char *data_dir, const char *file,
                     const imprint_style *style, imprint_diags *diags)
{
    imprint_pos pos = {style->yaml_path, 0, 0};
    if (!file || !*file) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "style '%s' names no font file",
                             style->name ? style->name : "?");
        return false;
    }
    /* Built here rather than through the style module so that fonts only need
     * the style's fields, not its loader. */
    char *path = g_build_filename(data_dir, "fonts", file, NULL);
    bool ok = true;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "font file not found: %s", path);
        ok = false;
    } else if (!FcConfigAppFontAddFile(config, (const FcChar8 *)path)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, pos, "cannot read font file: %s", path);
        ok = false;
    }
    g_free(path);
    return ok;
}

/* Whether the private configuration holds a face of `family`: a style whose
 * files declare another family would otherwise fall back silently. */
static bool has_family(FcConfig *config, const char *family)
{
    FcPattern *pat =
        FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family, (char *)NULL);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    FcFontSet *set = FcFontList(config, pat, os);
    bool found = set && set->nfont > 0;
    if (set)
        FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    return found;
}

/* Pango 1.50 takes a reference to the configuration in
 * pango_fc_font_map_set_config() and never drops it, so every map would
 * leak its configuration and the fonts in it. The reference is dropped
 * here, from the map's data, which GObject clears after the map's own
 * finalizer has run. */
#if !PANGO_VERSION_CHECK(1, 51, 0)
#define DROP_PANGO_CONFIG_REF 1
static void drop_config_ref(gpointer config)
{
    FcConfigDestroy(config);
}
#endif

/* Pango starts fontconfig's default configuration in a thread when its
 * first font map is made (FcInit: every fonts.conf parsed and the system's
 * fonts listed, 24 M instructions), although imprint's font maps have
 * configurations of their own (below) and never ask the default. An
 * empty default, set first, makes that start cost nothing. Once a process. */
static void empty_default_config(void)
{
    static gsize done;
    if (g_once_init_enter(&done)) {
        FcConfig *empty = FcConfigCreate();
        if (empty) {
            FcConfigSetCurrent(empty);
            FcConfigDestroy(empty); /* the default holds its own reference */
        }
        g_once_init_leave(&done, 1);
    }
}

PangoFontMap *imprint_fonts_map_new(const char *data_dir, const imprint_style *style,
                                    imprint_diags *diags)
{
    PangoFontMap *map = NULL;
    empty_default_config();
    /* An empty configuration: no system fonts, no fonts.conf, no cache dirs. */
    FcConfig *config = FcConfigCreate();
    if (!config) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){0},
                             "cannot create a fontconfig configuration");
        return NULL;
    }
    const char *files[] = {style->font_regular, style->font_italic, style->font_bold,
                           style->font_bold_italic};
    bool ok = true;
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++)
        ok = add_font(config, data_dir, files[i], style, diags) && ok;
    if (!ok)
        goto cleanup;
    if (style->font_family && !has_family(config, style->font_family)) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){style->yaml_path, 0, 0},
                             "the font files of style '%s' do not declare family '%s'",
                             style->name ? style->name : "?", style->font_family);
        goto cleanup;
    }
    map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!map) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){0},
                             "cairo has no FreeType font backend");
        goto cleanup;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
#ifdef DROP_PANGO_CONFIG_REF
    g_object_set_data_full(G_OBJECT(map), "imprint-fc-config", config, drop_config_ref);
#endif

cleanup:
    FcConfigDestroy(config); /* the font map holds its own reference */
    return map;
}

void imprint_fonts_warn_missing(imprint_diags *diags, imprint_pos pos, const char *family,
                                const char *outcome, const GArray *chars)
{
    if (!chars || chars->len == 0)
        return;
    GString *list = g_string_new(NULL);
    for (guint i = 0; i < chars->len; i++) {
        gunichar c = g_array_index(chars, gunichar, i);
        if (i)
            g_string_append(list, ", ");
        g_string_append_printf(list, "U+%04X", c);
        if (g_unichar_isgraph(c)) {
            g_string_append(list, " '");
            g_string_append_unichar(list, c);
            g_string_append(list, "'");
        }
    }
    imprint_diags_report(diags, IMPRINT_SEV_WARNING, pos,
                         "%u character%s not in the bundled fonts (%s), %s: %s", chars->len,
                         chars->len == 1 ? " is" : "s are", family, outcome, list->str);
    g_string_free(list, TRUE);
}
