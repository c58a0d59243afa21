/* The paragraph engine: Pango layouts for paragraphs, justified by hand,
 * checked for missing glyphs and overflow, and cut into lines for the flow.
 * Knows nothing of the model; flow.c and front.c feed it. */
#include "write/pdf/pdf_internal.h"

#include <math.h>
#include <string.h>

#include "write/fonts.h"

static void para_free(gpointer p)
{
    pdf_para *para = p;
    if (para->layout)
        g_object_unref(para->layout);
    if (para->spans) {
        for (guint i = 0; i < para->spans->len; i++)
            g_free(g_array_index(para->spans, pdf_span, i).target);
        g_array_unref(para->spans);
    }
    if (para->anchors) {
        for (guint i = 0; i < para->anchors->len; i++)
            g_free(g_array_index(para->anchors, pdf_anchor, i).name);
        g_array_unref(para->anchors);
    }
    if (para->noterefs)
        g_array_unref(para->noterefs);
    if (para->segments)
        g_array_unref(para->segments);
    g_free(para);
}

static void item_free(gpointer p)
{
    pdf_item *it = p;
    if (it->notes)
        g_ptr_array_unref(it->notes);
    if (it->cells)
        g_ptr_array_unref(it->cells);
    if (it->cell_x)
        g_array_unref(it->cell_x);
    g_free(it->label_target);
    g_free(it->dest);
    g_free(it->target);
    g_free(it);
}

static void hyphenator_free(gpointer p)
{
    imprint_hyphenator_free(p);
}

bool pdf_ctx_init(pdf_ctx *ctx, const char *data_dir, imprint_diags *diags)
{
    ctx->diags = diags;
    ctx->fontmap = imprint_fonts_map_new(data_dir, ctx->style, diags);
    if (!ctx->fontmap)
        return false;
    ctx->pango = pango_font_map_create_context(ctx->fontmap);
    /* Unhinted metrics at 72 dpi: one Pango point is one PDF point, and the
     * layout does not depend on a screen's hinting. */
    cairo_font_options_t *opts = cairo_font_options_create();
    cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx->pango, opts);
    cairo_font_options_destroy(opts);
    pango_cairo_context_set_resolution(ctx->pango, 72.0);
    /* Whole-point glyph positions would make justified spacing uneven. */
    pango_context_set_round_glyph_positions(ctx->pango, FALSE);
    pango_context_set_base_dir(ctx->pango, PANGO_DIRECTION_LTR);
    const char *lang = ctx->opts->meta.language;
    if (lang)
        pango_context_set_language(ctx->pango, pango_language_from_string(lang));
    ctx->hyphenators = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, hyphenator_free);
    ctx->hyph_caches = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify)g_hash_table_unref);
    ctx->ascents = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ctx->paras = g_ptr_array_new_with_free_func(para_free);
    ctx->items = g_ptr_array_new_with_free_func(item_free);
    ctx->missing = g_hash_table_new(g_direct_hash, g_direct_equal);
    ctx->note_flows = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify)g_ptr_array_unref);
    ctx->note_ids = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    return true;
}

void pdf_ctx_clear(pdf_ctx *ctx)
{
    if (ctx->note_flows)
        g_hash_table_unref(ctx->note_flows);
    if (ctx->note_ids)
        g_hash_table_unref(ctx->note_ids);
    if (ctx->items)
        g_ptr_array_unref(ctx->items);
    if (ctx->paras)
        g_ptr_array_unref(ctx->paras);
    if (ctx->missing)
        g_hash_table_unref(ctx->missing);
    if (ctx->hyph_caches)
        g_hash_table_unref(ctx->hyph_caches);
    if (ctx->ascents)
        g_hash_table_unref(ctx->ascents);
    if (ctx->hyphenators)
        g_hash_table_unref(ctx->hyphenators);
    if (ctx->helpers)
        g_ptr_array_unref(ctx->helpers);
    if (ctx->pango)
        g_object_unref(ctx->pango);
    if (ctx->fontmap)
        g_object_unref(ctx->fontmap);
}

pdf_item *pdf_item_new(pdf_ctx *ctx, pdf_item_kind kind)
{
    pdf_item *it = g_new0(pdf_item, 1);
    it->kind = kind;
    g_ptr_array_add(ctx->items, it);
    return it;
}

PangoFontDescription *pdf_font(const pdf_ctx *ctx, double size, bool bold, bool italic)
{
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, ctx->style->font_family);
    pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
    pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return d;
}

/* Top of a line box to its baseline for font `d` and `advance`: Libertine's
 * ascender is about 0.9 of the size and its descender 0.22, centred on the
 * line's advance. Font metrics are costly in Pango and few fonts are used,
 * so each is asked once. */
static double line_ascent(pdf_ctx *ctx, const PangoFontDescription *d, double advance)
{
    char *key = pango_font_description_to_string(d);
    double *known = g_hash_table_lookup(ctx->ascents, key);
    if (!known) {
        PangoFontMetrics *m = imprint_fonts_context_metrics(ctx->pango, d, NULL);
        known = g_new(double, 2);
        known[0] = pango_font_metrics_get_ascent(m) / (double)PANGO_SCALE;
        known[1] = pango_font_metrics_get_descent(m) / (double)PANGO_SCALE;
        pango_font_metrics_unref(m);
        g_hash_table_insert(ctx->ascents, key, known);
    } else {
        g_free(key);
    }
    return (advance - (known[0] + known[1])) / 2 + known[0];
}

/* A paragraph with its layout set up, no text yet. */
pdf_para *pdf_para_new(pdf_ctx *ctx, double size, bool bold, bool italic, double width,
                       PangoAlignment align, bool justify)
{
    pdf_para *para = g_new0(pdf_para, 1);
    g_ptr_array_add(ctx->paras, para);
    para->layout = pango_layout_new(ctx->pango);
    PangoFontDescription *d = pdf_font(ctx, size, bold, italic);
    pango_layout_set_font_description(para->layout, d);
    if (width > 0)
        pango_layout_set_width(para->layout, (int)lround(width * PANGO_SCALE));
    /* Words longer than the measure (URLs) break between characters rather
     * than overflow. */
    pango_layout_set_wrap(para->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(para->layout, align);
    para->justify = justify;
    para->size = size;
    para->advance = size * ctx->style->line_height;
    para->ascent = line_ascent(ctx, d, para->advance);
    pango_font_description_free(d);
    para->spans = g_array_new(FALSE, FALSE, sizeof(pdf_span));
    para->anchors = g_array_new(FALSE, FALSE, sizeof(pdf_anchor));
    para->noterefs = g_array_new(FALSE, FALSE, sizeof(pdf_noteref));
    return para;
}

pdf_para *pdf_para_plain(pdf_ctx *ctx, const char *text, double size, bool bold, bool italic,
                         double width, PangoAlignment align)
{
    pdf_para *para = pdf_para_new(ctx, size, bold, italic, width, align, false);
    imprint_fonts_set_layout(para->layout, text, -1, NULL);
    return para;
}

static bool is_space(const char *c)
{
    return *c == ' ' || (c[0] == '\xC2' && c[1] == '\xA0');
}

/* Width of a line up to its last visible glyph (trailing spaces hang). */
static int line_width(PangoLayoutLine *line, const char *text)
{
    int content = 0, total = 0;
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        for (int g = 0; g < run->glyphs->num_glyphs; g++) {
            total += run->glyphs->glyphs[g].geometry.width;
            if (!is_space(text + run->item->offset + run->glyphs->log_clusters[g]))
                content = total;
        }
    }
    return content;
}

/* Left edge of the current line in layout units. Pango starts a new
 * paragraph after a forced line break (U+2028) and indents it again; only
 * the first line of a paragraph is indented here. */
static int line_left(PangoLayoutIter *iter)
{
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, NULL, &logical);
    PangoLayout *layout = pango_layout_iter_get_layout(iter);
    int indent = pango_layout_get_indent(layout);
    if (indent > 0 && pango_layout_iter_get_index(iter) > 0 &&
        pango_layout_get_alignment(layout) == PANGO_ALIGN_LEFT && logical.x >= indent)
        return logical.x - indent;
    return logical.x;
}

/* Justifies the lines of a paragraph by widening its spaces. Pango 1.50's
 * own justification stretches a line broken at a soft hyphen to the full
 * measure before adding the hyphen (the line then sticks out by the
 * hyphen's width) and also stretches lines ended by a forced break; this
 * does neither. The last line and lines ending in a forced break stay as
 * they are. */
static void justify_lines(pdf_para *para)
{
    PangoLayout *layout = para->layout;
    int width = pango_layout_get_width(layout);
    if (width <= 0 || !para->justify)
        return;
    const char *text = pango_layout_get_text(layout);
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    while (!pango_layout_iter_at_last_line(iter)) {
        PangoLayoutLine *line = pango_layout_iter_get_line(iter);
        int left = line_left(iter);
        pango_layout_iter_next_line(iter);
        const char *end = text + line->start_index + line->length;
        const char *prev = g_utf8_find_prev_char(text, end);
        if ((prev && g_utf8_get_char(prev) == 0x2028) || g_utf8_get_char(end) == 0x2028)
            continue;
        /* Width up to the last visible glyph: trailing spaces do not count. */
        int content = 0, total = 0, spaces = 0, pending = 0;
        for (GSList *r = line->runs; r; r = r->next) {
            PangoGlyphItem *run = r->data;
            for (int g = 0; g < run->glyphs->num_glyphs; g++) {
                const char *c = text + run->item->offset + run->glyphs->log_clusters[g];
                total += run->glyphs->glyphs[g].geometry.width;
                if (is_space(c)) {
                    pending++;
                } else {
                    content = total;
                    spaces += pending;
                    pending = 0;
                }
            }
        }
        int extra = width - left - content;
        if (spaces == 0 || extra <= 0)
            continue;
        int k = 0;
        for (GSList *r = line->runs; r; r = r->next) {
            PangoGlyphItem *run = r->data;
            for (int g = 0; g < run->glyphs->num_glyphs && k < spaces; g++) {
                const char *c = text + run->item->offset + run->glyphs->log_clusters[g];
                if (!is_space(c))
                    continue;
                /* Shares that add up exactly to `extra`. */
                int share =
                    (int)((long long)extra * (k + 1) / spaces - (long long)extra * k / spaces);
                run->glyphs->glyphs[g].geometry.width += share;
                k++;
            }
        }
    }
    pango_layout_iter_free(iter);
}

/* Records characters the fonts lack (Pango marks them with the unknown-glyph
 * flag) and reports lines wider than `width`. */
void pdf_check_layout(pdf_ctx *ctx, PangoLayout *layout, double width, imprint_pos pos)
{
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (!run)
            continue;
        for (int g = 0; g < run->glyphs->num_glyphs; g++) {
            PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
            if (glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                gunichar c = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
                g_hash_table_add(ctx->missing, GUINT_TO_POINTER(c));
            }
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    if (width <= 0)
        return;
    const char *text = pango_layout_get_text(layout);
    iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
        /* The left edge includes the indent and alignment offsets; the width
         * is summed afresh because justification widened the spaces. */
        int left = line_left(iter);
        double over = (left + line_width(line, text)) / (double)PANGO_SCALE - width;
        double under = -left / (double)PANGO_SCALE;
        over = MAX(over, under);
        if (over > PDF_OVERFLOW_TOLERANCE) {
            char *snippet = g_strndup(text + line->start_index, (gsize)line->length);
            imprint_diags_report(ctx->diags, IMPRINT_SEV_WARNING, pos,
                                 "line overflows the measure by %.1f pt: \"%s\"", over, snippet);
            g_free(snippet);
            ctx->overflows++;
        }
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

void pdf_para_lines(pdf_ctx *ctx, pdf_para *para, GPtrArray *flow, double x, imprint_pos pos)
{
    justify_lines(para);
    pdf_check_layout(ctx, para->layout, pango_layout_get_width(para->layout) / (double)PANGO_SCALE,
                     pos);
    PangoLayoutIter *iter = pango_layout_get_iter(para->layout);
    int i = 0;
    guint nref = 0;
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
        pdf_item *it = pdf_item_new(ctx, PDF_ITEM_LINE);
        it->para = para;
        it->line = i++;
        it->x = x + line_left(iter) / (double)PANGO_SCALE;
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, NULL, &logical);
        it->line_x = logical.x / (double)PANGO_SCALE;
        it->height = para->advance;
        it->ascent = para->ascent;
        /* Notes go with the line that holds their first reference. */
        int end = line->start_index + line->length;
        while (nref < para->noterefs->len &&
               (g_array_index(para->noterefs, pdf_noteref, nref).index < end ||
                pango_layout_iter_at_last_line(iter))) {
            if (!it->notes)
                it->notes = g_ptr_array_new();
            g_ptr_array_add(it->notes,
                            (gpointer)g_array_index(para->noterefs, pdf_noteref, nref).note);
            nref++;
        }
        g_ptr_array_add(flow, it);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

const imprint_hyphenator *pdf_hyphenator(pdf_ctx *ctx, const char *lang, imprint_pos pos)
{
    if (!lang || !*lang)
        return NULL;
    gpointer value;
    if (g_hash_table_lookup_extended(ctx->hyphenators, lang, NULL, &value))
        return value;
    imprint_hyphenator *h = imprint_hyphenator_new(lang, NULL);
    if (!h)
        imprint_diags_report(ctx->diags, IMPRINT_SEV_WARNING, pos,
                             "no hyphenation patterns for language '%s' in %s (install the "
                             "Debian hyphen-* package for it); text in it is not hyphenated",
                             lang, IMPRINT_HYPHEN_DICT_DIR);
    g_hash_table_insert(ctx->hyphenators, g_strdup(lang), h);
    return h;
}

GHashTable *pdf_hyphen_cache(pdf_ctx *ctx, const imprint_hyphenator *h)
{
    if (!h)
        return NULL;
    GHashTable *cache = g_hash_table_lookup(ctx->hyph_caches, h);
    if (!cache) {
        cache = imprint_hyphenate_cache_new();
        g_hash_table_insert(ctx->hyph_caches, (gpointer)h, cache);
    }
    return cache;
}

static int cmp_unichar(gconstpointer a, gconstpointer b)
{
    gunichar x = *(const gunichar *)a, y = *(const gunichar *)b;
    return x < y ? -1 : x > y;
}

void pdf_report_missing(pdf_ctx *ctx)
{
    guint n = g_hash_table_size(ctx->missing);
    if (n == 0)
        return;
    GArray *chars = g_array_new(FALSE, FALSE, sizeof(gunichar));
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, ctx->missing);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        gunichar c = GPOINTER_TO_UINT(key);
        g_array_append_val(chars, c);
    }
    g_array_sort(chars, cmp_unichar);
    imprint_fonts_warn_missing(ctx->diags, (imprint_pos){ctx->opts->edition_path, 0, 0},
                               ctx->style->font_family, "shown as boxes in the PDF", chars);
    g_array_unref(chars);
}
