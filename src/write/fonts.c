#include "write/fonts.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

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
    if (style->font_mono && !add_font(config, data_dir, style->font_mono, style, diags))
        goto cleanup;
    const char *families[] = {style->font_family,
                              style->font_mono ? style->font_mono_family : NULL};
    for (size_t i = 0; i < G_N_ELEMENTS(families); i++)
        if (families[i] && !has_family(config, families[i])) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){style->yaml_path, 0, 0},
                                 "the font files of style '%s' do not declare family '%s'",
                                 style->name ? style->name : "?", families[i]);
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

/* Pango computes a font's approximate character width once, the first time
 * its metrics are asked, with a recursion guard that is one static int for
 * the whole process (pangocairo-font.c and pangofc-font.c, in_get_metrics,
 * in 1.50 and in Pango's main branch still): a font whose metrics are first
 * asked while another thread is inside that computation keeps a width of 0
 * for good. The line breaker measures the break points that come within
 * three such widths of the measure, so that font's lines then break
 * otherwise: two editions laid out at once gave different PDFs in about one
 * build in five. Each font a layout will use has its metrics asked under
 * this lock before the layout is broken into lines; once asked, Pango only
 * reads them. */
static GMutex metrics_lock;

/* Code points below this that a font was asked for are bits of a table
 * per font description and language (context_warmed). Pango gives an emoji
 * font only to characters at or above it (U+203C and U+2049 aside), so
 * below it the description and the character alone pick the font. */
#define WARM_CHARS_BELOW 0x20D0

/* A character whose font follows from its description alone (see above). */
static bool plain_char(gunichar c)
{
    return c < WARM_CHARS_BELOW && c != 0x203C && c != 0x2049;
}

/* Notes (in `*found`) an attribute that makes Pango pick fonts by more than
 * the description: synthesised small capitals and font scales load fonts
 * of other sizes. Keeps every attribute in its list. */
static gboolean picks_by_more(PangoAttribute *a, gpointer found)
{
    PangoAttrType t = a->klass->type;
    if (t == PANGO_ATTR_VARIANT || t == PANGO_ATTR_FONT_SCALE || t == PANGO_ATTR_TEXT_TRANSFORM)
        *(bool *)found = true;
    return FALSE;
}

/* The fonts asked for in a context: for each font description and language
 * (as a string), a bit per plain character whose font was asked. Kept on
 * the context, which one thread uses. */
static GHashTable *context_warmed(PangoContext *context)
{
    GHashTable *warmed = g_object_get_data(G_OBJECT(context), "imprint-warmed");
    if (!warmed) {
        warmed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        g_object_set_data_full(G_OBJECT(context), "imprint-warmed", warmed,
                               (GDestroyNotify)g_hash_table_unref);
    }
    return warmed;
}

/* Calls `fn` for each stretch of `text` with one set of font attributes:
 * its description (attributes over `base`), its language and its bytes.
 * Stops when `fn` returns false; returns whether it went through. */
typedef bool (*stretch_fn)(const char *key, PangoFontDescription *desc, PangoLanguage *lang,
                           const char *start, const char *end, void *data);

static bool each_stretch(PangoContext *context, const char *text, PangoAttrList *attrs,
                         const PangoFontDescription *base, stretch_fn fn, void *data)
{
    size_t len = strlen(text);
    PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
    bool all = true;
    do {
        int from, to;
        pango_attr_iterator_range(it, &from, &to);
        if ((size_t)from >= len && len > 0)
            break;
        PangoFontDescription *desc = pango_font_description_copy(base);
        PangoLanguage *lang = NULL;
        pango_attr_iterator_get_font(it, desc, &lang, NULL);
        if (!lang)
            lang = pango_context_get_language(context);
        char *d = pango_font_description_to_string(desc);
        char *key = g_strconcat(d, "|", lang ? pango_language_to_string(lang) : "", NULL);
        g_free(d);
        all = fn(key, desc, lang, text + from, text + MIN((size_t)to, len), data);
        g_free(key);
        pango_font_description_free(desc);
    } while (all && pango_attr_iterator_next(it));
    pango_attr_iterator_destroy(it);
    return all;
}

/* Whether every character of a stretch had its font asked before. */
static bool stretch_known(const char *key, PangoFontDescription *desc, PangoLanguage *lang,
                          const char *start, const char *end, void *data)
{
    (void)desc;
    (void)lang;
    const guint8 *bits = g_hash_table_lookup(data, key);
    if (!bits)
        return false;
    for (const char *p = start; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!plain_char(c) || !(bits[c / 8] & (1u << (c % 8))))
            return false;
    }
    return true;
}

/* Asks the font of a stretch's description alone and records the
 * stretch's plain characters as asked (warm_items asked their fonts).
 * Under metrics_lock. */
static bool stretch_record(const char *key, PangoFontDescription *desc, PangoLanguage *lang,
                           const char *start, const char *end, void *data)
{
    PangoContext *context = ((void **)data)[0];
    GHashTable *warmed = ((void **)data)[1];
    guint8 *bits = g_hash_table_lookup(warmed, key);
    if (!bits) {
        /* Lines without text use it, in the context's language. */
        PangoFont *font = pango_context_load_font(context, desc);
        if (font) {
            pango_font_metrics_unref(pango_font_get_metrics(font, lang));
            pango_font_metrics_unref(
                pango_font_get_metrics(font, pango_context_get_language(context)));
            g_object_unref(font);
        }
        bits = g_malloc0(WARM_CHARS_BELOW / 8 + 1);
        g_hash_table_insert(warmed, g_strdup(key), bits);
    }
    for (const char *p = start; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (plain_char(c))
            bits[c / 8] |= (guint8)(1u << (c % 8));
    }
    return true;
}

/* Asks the metrics of the fonts Pango's line breaker will find for `text`:
 * its items (attributes over `base`). Under metrics_lock. */
static void warm_items(PangoContext *context, const char *text, PangoAttrList *attrs)
{
    GList *items = pango_itemize(context, text, 0, (int)strlen(text), attrs, NULL);
    for (GList *l = items; l; l = l->next) {
        PangoItem *item = l->data;
        if (item->analysis.font)
            pango_font_metrics_unref(
                pango_font_get_metrics(item->analysis.font, item->analysis.language));
    }
    g_list_free_full(items, (GDestroyNotify)pango_item_free);
}

/* The fonts of `layout`'s text as Pango's line breaker will find them: the
 * attributes over the layout's font over the context's (as Pango merges
 * them), each stretch's font and the fonts of its characters. A layout
 * whose stretches and characters all had their fonts asked before in this
 * context is not itemized again. */
static void warm_fonts(PangoLayout *layout)
{
    PangoContext *context = pango_layout_get_context(layout);
    const char *text = pango_layout_get_text(layout);
    PangoAttrList *given = pango_layout_get_attributes(layout);
    PangoAttrList *attrs = given ? pango_attr_list_copy(given) : pango_attr_list_new();
    PangoFontDescription *base =
        pango_font_description_copy(pango_context_get_font_description(context));
    const PangoFontDescription *desc = pango_layout_get_font_description(layout);
    if (desc) {
        pango_font_description_merge(base, desc, TRUE);
        pango_attr_list_insert_before(attrs, pango_attr_font_desc_new(desc));
    }
    GHashTable *warmed = context_warmed(context);
    bool odd = false;
    pango_attr_list_filter(attrs, picks_by_more, &odd); /* removes nothing: NULL */
    bool known = !odd && each_stretch(context, text, attrs, base, stretch_known, warmed);
    if (!known) {
        void *record[] = {context, warmed};
        g_mutex_lock(&metrics_lock);
        warm_items(context, text, attrs);
        each_stretch(context, text, attrs, base, stretch_record, record);
        g_mutex_unlock(&metrics_lock);
    }
    pango_font_description_free(base);
    pango_attr_list_unref(attrs);
}

void imprint_fonts_set_layout(PangoLayout *layout, const char *text, int len, PangoAttrList *attrs)
{
    if (text)
        pango_layout_set_text(layout, text, len);
    pango_layout_set_attributes(layout, attrs);
    warm_fonts(layout);
}

PangoFontMetrics *imprint_fonts_context_metrics(PangoContext *context,
                                                const PangoFontDescription *desc,
                                                PangoLanguage *lang)
{
    g_mutex_lock(&metrics_lock);
    PangoFontMetrics *m = pango_context_get_metrics(context, desc, lang);
    g_mutex_unlock(&metrics_lock);
    return m;
}
