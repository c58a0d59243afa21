#include "write/pdf/pdf_internal.h"

#include <math.h>
#include <string.h>

#include "write/fonts.h"

/* Relative sizes and shifts of note reference figures. */
#define SUP_SCALE 0.62
#define SUP_RISE  0.38
#define SUB_RISE  -0.15

/* Introduces a citation that does not bring a dash of its own. */
#define CITATION_DASH "\xE2\x80\x94\xC2\xA0"

/* The asterism that marks a section break. */
#define BREAK_MARK "\xE2\x81\x82"

/* U+2060, set before a note reference so that no line ends before it. */
#define WORD_JOINER "\xE2\x81\xA0"

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
    g_free(it->leader);
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
    if (ctx->hyphenators)
        g_hash_table_unref(ctx->hyphenators);
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

/* A paragraph with its layout set up, no text yet. */
static pdf_para *para_new(pdf_ctx *ctx, double size, bool bold, bool italic, double width,
                          PangoAlignment align, bool justify)
{
    pdf_para *para = g_new0(pdf_para, 1);
    g_ptr_array_add(ctx->paras, para);
    para->layout = pango_layout_new(ctx->pango);
    PangoFontDescription *d = pdf_font(ctx, size, bold, italic);
    pango_layout_set_font_description(para->layout, d);
    pango_font_description_free(d);
    if (width > 0)
        pango_layout_set_width(para->layout, (int)lround(width * PANGO_SCALE));
    /* Words longer than the measure (URLs) break between characters rather
     * than overflow. */
    pango_layout_set_wrap(para->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(para->layout, align);
    para->justify = justify;
    para->size = size;
    para->advance = size * ctx->style->line_height;
    /* Libertine's ascender is about 0.9 of the size and its descender 0.22:
     * centre that on the line's advance. */
    PangoFontMetrics *m = pango_context_get_metrics(
        ctx->pango, pango_layout_get_font_description(para->layout), NULL);
    double asc = pango_font_metrics_get_ascent(m) / (double)PANGO_SCALE;
    double desc = pango_font_metrics_get_descent(m) / (double)PANGO_SCALE;
    pango_font_metrics_unref(m);
    para->ascent = (para->advance - (asc + desc)) / 2 + asc;
    para->spans = g_array_new(FALSE, FALSE, sizeof(pdf_span));
    para->anchors = g_array_new(FALSE, FALSE, sizeof(pdf_anchor));
    para->noterefs = g_array_new(FALSE, FALSE, sizeof(pdf_noteref));
    return para;
}

pdf_para *pdf_para_plain(pdf_ctx *ctx, const char *text, double size, bool bold, bool italic,
                         double width, PangoAlignment align)
{
    pdf_para *para = para_new(ctx, size, bold, italic, width, align, false);
    pango_layout_set_text(para->layout, text, -1);
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

/* ---- from the model to paragraphs ---- */

typedef struct {
    pdf_ctx *ctx;
    GPtrArray *flow;
    GPtrArray *marks;
    const imprint_node *article;
    int index; /* the article's */
    int headings;
    const imprint_hyphenator *hy;
    double pending;          /* space owed before the next item */
    char *pending_dest;      /* destination for the next item (untitled articles) */
    pdf_para *pending_label; /* list marker or note number for the next line */
    double pending_label_x;
    char *pending_label_target;
    const char *speaker; /* of the speech whose first paragraph comes next */
    int keep_next;       /* lines still to keep with what precedes (after headings) */
    bool in_note;
} builder;

/* Where a block goes and in what type. */
typedef struct {
    double x, width, size;
    bool italic;
    bool no_indent; /* lists, notes, speeches: no first-line indents */
} env;

typedef struct {
    builder *b;
    pdf_para *para;
    GString *text;
    PangoAttrList *attrs;
    double size;
    bool in_link;
} inl;

static const imprint_hyphenator *hyphenator_for(pdf_ctx *ctx, const char *lang, imprint_pos pos)
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

static void attr_add(inl *in, PangoAttribute *a, size_t start)
{
    a->start_index = (guint)start;
    a->end_index = (guint)in->text->len;
    pango_attr_list_insert(in->attrs, a);
}

static void add_span(pdf_para *para, int start, int end, char *target)
{
    pdf_span s = {start, end, target};
    g_array_append_val(para->spans, s);
}

static void add_anchor(pdf_para *para, int index, char *name)
{
    pdf_anchor a = {index, name};
    g_array_append_val(para->anchors, a);
}

/* Whether `s` is a plain number ("12"), as opposed to a part-qualified id. */
static bool all_digits(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!g_ascii_isdigit(*s))
            return false;
    return true;
}

const char *pdf_note_label(const pdf_ctx *ctx, const imprint_node *note)
{
    const char *label = g_hash_table_lookup(ctx->note_ids, note);
    if (!label) {
        /* The number as written, so that a reader can match the source;
         * part-qualified ids ("1-19") read badly in print: those notes
         * take their number within the article. */
        label = all_digits(note->as.note.label) ? g_strdup(note->as.note.label)
                                                : g_strdup_printf("%d", note->as.note.number);
        g_hash_table_insert(ctx->note_ids, (gpointer)note, (gpointer)label);
    }
    return label;
}

/* Room for the widest note number of an article before its notes' text. */
static double note_hang(pdf_ctx *ctx, const imprint_node *article, double min)
{
    double hang = min;
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note) {
        pdf_para *p = pdf_para_plain(ctx, pdf_note_label(ctx, n), ctx->style->note_size, false,
                                     false, -1, PANGO_ALIGN_LEFT);
        PangoRectangle r;
        pango_layout_get_extents(p->layout, NULL, &r);
        hang = MAX(hang, r.width / (double)PANGO_SCALE + 0.6 * ctx->style->note_size);
    }
    return hang;
}

/* The plain text of `node`, g_free()d by the caller (not in the arena: a
 * writer leaves the document as it found it). */
static char *plain_text(const imprint_node *node)
{
    GString *out = g_string_new(NULL);
    imprint_node_append_plain(node, out);
    return g_string_free(out, FALSE);
}

static void inlines(inl *in, const imprint_node *first);

static void inline_node(inl *in, const imprint_node *n)
{
    size_t start = in->text->len;
    pdf_ctx *ctx = in->b->ctx;
    switch (n->kind) {
    case IMPRINT_NODE_TEXT:
        if (in->in_link || !in->b->hy)
            g_string_append_len(in->text, n->as.text.text, (gssize)n->as.text.len);
        else
            imprint_hyphenate_append(in->b->hy, in->text, n->as.text.text, n->as.text.len);
        break;
    case IMPRINT_NODE_EMPH:
        inlines(in, n->first_child);
        attr_add(in, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
        break;
    case IMPRINT_NODE_STRONG:
        inlines(in, n->first_child);
        attr_add(in, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
        break;
    case IMPRINT_NODE_SUP:
    case IMPRINT_NODE_SUB:
        inlines(in, n->first_child);
        attr_add(in, pango_attr_size_new_absolute((int)lround(in->size * SUP_SCALE * PANGO_SCALE)),
                 start);
        attr_add(in,
                 pango_attr_rise_new((int)lround(
                     in->size * (n->kind == IMPRINT_NODE_SUP ? SUP_RISE : SUB_RISE) * PANGO_SCALE)),
                 start);
        break;
    case IMPRINT_NODE_SMALLCAPS:
        inlines(in, n->first_child);
        attr_add(in, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS), start);
        break;
    case IMPRINT_NODE_LINK: {
        bool was = in->in_link;
        in->in_link = true;
        inlines(in, n->first_child);
        in->in_link = was;
        if (n->as.link.url && in->text->len > start)
            add_span(in->para, (int)start, (int)in->text->len, pdf_target_uri(n->as.link.url));
        break;
    }
    case IMPRINT_NODE_NOTEREF: {
        const imprint_node *note = n->as.noteref.note;
        /* A WORD JOINER keeps the number on the line of the text before it. */
        if (in->text->len > 0) {
            g_string_append(in->text, WORD_JOINER);
            start = in->text->len;
        }
        if (note)
            g_string_append(in->text, pdf_note_label(ctx, note));
        else
            g_string_append_printf(in->text, "%d", n->as.noteref.number);
        attr_add(in, pango_attr_size_new_absolute((int)lround(in->size * SUP_SCALE * PANGO_SCALE)),
                 start);
        attr_add(in, pango_attr_rise_new((int)lround(in->size * SUP_RISE * PANGO_SCALE)), start);
        if (!note)
            break; /* the reader reported it; the number stays, unlinked */
        int nr = note->as.note.number;
        add_span(in->para, (int)start, (int)in->text->len,
                 g_strdup_printf("dest='a%d-n%d'", in->b->index, nr));
        if (note->as.note.first_ref == n) {
            add_anchor(in->para, (int)start, g_strdup_printf("a%d-r%d", in->b->index, nr));
            if (!in->b->in_note && ctx->notes_mode == IMPRINT_NOTES_PAGE) {
                pdf_noteref r = {(int)start, note};
                g_array_append_val(in->para->noterefs, r);
            }
        }
        break;
    }
    case IMPRINT_NODE_LINEBREAK:
        g_string_append(in->text, "\xE2\x80\xA8"); /* LINE SEPARATOR: a break, same paragraph */
        break;
    default:
        break;
    }
}

static void inlines(inl *in, const imprint_node *first)
{
    for (const imprint_node *n = first; n; n = n->next)
        inline_node(in, n);
}

/* A paragraph from the inline children of `node`, with an optional prefix
 * set in small capitals (the speaker of a speech) and plain `lead` text. */
static pdf_para *inline_para(builder *b, const imprint_node *node, const env *e, bool bold,
                             PangoAlignment align, bool justify, double indent, const char *prefix,
                             const char *lead)
{
    pdf_para *para = para_new(b->ctx, e->size, bold, e->italic, e->width, align, justify);
    inl in = {b, para, g_string_new(NULL), pango_attr_list_new(), e->size, false};
    if (prefix) {
        g_string_append(in.text, prefix);
        attr_add(&in, pango_attr_variant_new(PANGO_VARIANT_ALL_SMALL_CAPS), 0);
        g_string_append(in.text, ": ");
    }
    if (lead)
        g_string_append(in.text, lead);
    inlines(&in, node->first_child);
    /* Newlines would start new Pango paragraphs (and lose justification). */
    for (gsize i = 0; i < in.text->len; i++)
        if (in.text->str[i] == '\n' || in.text->str[i] == '\r' || in.text->str[i] == '\t')
            in.text->str[i] = ' ';
    pango_layout_set_text(para->layout, in.text->str, (int)in.text->len);
    pango_layout_set_attributes(para->layout, in.attrs);
    if (indent != 0)
        pango_layout_set_indent(para->layout, (int)lround(indent * PANGO_SCALE));
    pango_attr_list_unref(in.attrs);
    g_string_free(in.text, TRUE);
    return para;
}

/* No widows, no orphans: inside a run of `n` lines from flow[from], a break is
 * allowed only with PDF_MIN_LINES on each side. */
static void keep_lines(GPtrArray *flow, guint from)
{
    guint n = flow->len - from;
    for (guint k = 0; k + 1 < n; k++) {
        pdf_item *it = g_ptr_array_index(flow, from + k);
        if (k + 1 < PDF_MIN_LINES || n - (k + 1) < PDF_MIN_LINES)
            it->keep_with_next = true;
    }
}

/* Appends the lines of `para` at `x`, with `space` before them. */
static void emit_para(builder *b, pdf_para *para, double x, double space, imprint_pos pos,
                      bool keep)
{
    guint from = b->flow->len;
    pdf_para_lines(b->ctx, para, b->flow, x, pos);
    pdf_item *first = g_ptr_array_index(b->flow, from);
    first->space_before = MAX(b->pending, space);
    b->pending = 0;
    if (b->pending_dest) {
        first->dest = b->pending_dest;
        b->pending_dest = NULL;
    }
    if (b->pending_label) {
        first->label = b->pending_label;
        first->label_x = b->pending_label_x;
        first->label_target = b->pending_label_target;
        b->pending_label = NULL;
        b->pending_label_target = NULL;
    }
    if (keep)
        keep_lines(b->flow, from);
    /* What follows a heading keeps its first lines with it. */
    for (guint i = from; i < b->flow->len && b->keep_next > 0; i++, b->keep_next--)
        ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
}

static pdf_item *last_item(builder *b)
{
    return b->flow->len ? g_ptr_array_index(b->flow, b->flow->len - 1) : NULL;
}

static void emit_blocks(builder *b, const imprint_node *first, const env *e);

static char *list_label(const imprint_node *list, int i)
{
    switch (list->as.list.style) {
    case IMPRINT_LIST_DECIMAL:
        return g_strdup_printf("%d.", list->as.list.start + i);
    case IMPRINT_LIST_ALPHA: {
        int k = (list->as.list.start > 0 ? list->as.list.start - 1 : 0) + i;
        GString *s = g_string_new(NULL);
        /* a..z, then aa, ab...: lists that long are rare but must not wrap into punctuation. */
        do {
            g_string_prepend_c(s, (char)('a' + k % 26));
            k = k / 26 - 1;
        } while (k >= 0);
        g_string_append_c(s, '.');
        return g_string_free(s, FALSE);
    }
    case IMPRINT_LIST_BULLET:
    default:
        return g_strdup("\xE2\x80\xA2");
    }
}

/* Narrows `e` by `left` and `right` unless that would leave a measure under
 * PDF_MIN_MEASURE_EM: deeply nested quotes and lists stop moving in rather
 * than squeeze their text into a sliver (or off the page). */
static void indent_env(env *e, double left, double right)
{
    if (e->width - left - right < PDF_MIN_MEASURE_EM * e->size)
        return;
    e->x += left;
    e->width -= left + right;
}

static void emit_list(builder *b, const imprint_node *list, const env *e)
{
    double adv = e->size * b->ctx->style->line_height;
    double hang = 1.8 * e->size;
    env inner = *e;
    indent_env(&inner, hang, 0);
    inner.no_indent = true;
    b->pending = MAX(b->pending, 0.4 * adv);
    int i = 0;
    for (const imprint_node *item = list->first_child; item; item = item->next, i++) {
        char *text = list_label(list, i);
        pdf_para *label =
            pdf_para_plain(b->ctx, text, e->size, false, e->italic, -1, PANGO_ALIGN_LEFT);
        g_free(text);
        PangoRectangle r;
        pango_layout_get_extents(label->layout, NULL, &r);
        b->pending_label = label;
        b->pending_label_x = inner.x - 0.4 * e->size - r.width / (double)PANGO_SCALE;
        if (i > 0)
            b->pending = MAX(b->pending, 0.15 * adv);
        emit_blocks(b, item->first_child, &inner);
        b->pending_label = NULL; /* an empty item has no line to carry it */
    }
    b->pending = MAX(b->pending, 0.4 * adv);
}

static void emit_table(builder *b, const imprint_node *table, const env *e)
{
    pdf_ctx *ctx = b->ctx;
    double size = ctx->style->quote_size;
    double gap = size;
    double pad = 0.3 * size;
    guint ncols = 0;
    for (const imprint_node *row = table->first_child; row; row = row->next) {
        guint n = 0;
        for (const imprint_node *c = row->first_child; c; c = c->next)
            n++;
        ncols = MAX(ncols, n);
    }
    if (ncols == 0)
        return;
    /* Natural widths first; if they do not fit, share the measure in their
     * proportions and let the cells wrap. */
    double *nat = g_new0(double, ncols);
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    env ce = {0, -1, size, false, true};
    for (const imprint_node *row = table->first_child; row; row = row->next) {
        GPtrArray *cells = g_ptr_array_new();
        guint c = 0;
        for (const imprint_node *cell = row->first_child; cell; cell = cell->next, c++) {
            pdf_para *p = inline_para(b, cell, &ce, false, PANGO_ALIGN_LEFT, false, 0, NULL, NULL);
            PangoRectangle r;
            pango_layout_get_extents(p->layout, NULL, &r);
            nat[c] = MAX(nat[c], r.width / (double)PANGO_SCALE);
            g_ptr_array_add(cells, p);
        }
        g_ptr_array_add(rows, cells);
    }
    double total = 0;
    for (guint c = 0; c < ncols; c++)
        total += nat[c];
    double avail = e->width - gap * (ncols - 1);
    double scale = total > avail && total > 0 ? avail / total : 1.0;
    double adv = e->size * ctx->style->line_height;
    b->pending = MAX(b->pending, 0.5 * adv);
    for (guint r = 0; r < rows->len; r++) {
        GPtrArray *cells = g_ptr_array_index(rows, r);
        pdf_item *it = pdf_item_new(ctx, PDF_ITEM_ROW);
        it->x = e->x;
        it->width = scale < 1 ? e->width : total + gap * (ncols - 1);
        it->pad = pad;
        it->cells = g_ptr_array_new();
        it->cell_x = g_array_new(FALSE, FALSE, sizeof(double));
        double x = 0, h = 0;
        for (guint c = 0; c < cells->len; c++) {
            pdf_para *p = g_ptr_array_index(cells, c);
            double w = nat[c] * scale;
            pango_layout_set_width(p->layout, (int)lround(w * PANGO_SCALE));
            pdf_check_layout(ctx, p->layout, w, table->pos);
            PangoRectangle lr;
            pango_layout_get_extents(p->layout, NULL, &lr);
            h = MAX(h, lr.height / (double)PANGO_SCALE);
            g_ptr_array_add(it->cells, p);
            /* Notes referred to in a cell go with its row. */
            for (guint k = 0; k < p->noterefs->len; k++) {
                if (!it->notes)
                    it->notes = g_ptr_array_new();
                g_ptr_array_add(it->notes,
                                (gpointer)g_array_index(p->noterefs, pdf_noteref, k).note);
            }
            g_array_append_val(it->cell_x, x);
            x += w + gap;
        }
        if (cells->len == 0)
            h = size * ctx->style->line_height;
        it->height = h + 2 * pad;
        it->space_before = r == 0 ? b->pending : 0;
        it->rule_above = r == 0 ? 0.8 : 0;
        it->rule_below = r + 1 == rows->len ? 0.8 : 0.3;
        /* The first row stays with the second, as a header does. */
        it->keep_with_next = r == 0 && rows->len > 1;
        g_ptr_array_add(b->flow, it);
    }
    b->pending = 0.5 * adv;
    g_ptr_array_unref(rows);
    g_free(nat);
}

static void emit_figure(builder *b, const imprint_node *fig, const env *e)
{
    pdf_ctx *ctx = b->ctx;
    double adv = e->size * ctx->style->line_height;
    const char *what = fig->as.figure.placeholder ? fig->as.figure.placeholder
                       : fig->as.figure.src       ? fig->as.figure.src
                                                  : "";
    double w = e->width * 0.8;
    double pad = e->size;
    pdf_para *inner = pdf_para_plain(ctx, what, ctx->style->quote_size, false, true, w - 2 * pad,
                                     PANGO_ALIGN_CENTER);
    pdf_check_layout(ctx, inner->layout, w - 2 * pad, fig->pos);
    PangoRectangle r;
    pango_layout_get_extents(inner->layout, NULL, &r);
    pdf_item *it = pdf_item_new(ctx, PDF_ITEM_FRAME);
    it->para = inner;
    it->x = e->x + (e->width - w) / 2;
    it->width = w;
    it->pad = pad;
    it->height = MAX(3 * adv, r.height / (double)PANGO_SCALE + 2 * pad);
    it->space_before = MAX(b->pending, 0.6 * adv);
    b->pending = 0;
    if (b->pending_dest) {
        it->dest = b->pending_dest;
        b->pending_dest = NULL;
    }
    g_ptr_array_add(b->flow, it);
    if (fig->first_child) {
        it->keep_with_next = true;
        env ce = *e;
        ce.size = ctx->style->quote_size;
        pdf_para *cap = inline_para(b, fig, &ce, false, PANGO_ALIGN_CENTER, false, 0, NULL, NULL);
        emit_para(b, cap, e->x, 0.3 * adv, fig->pos, true);
    }
    b->pending = MAX(b->pending, 0.6 * adv);
}

static bool starts_with_dash(const char *s)
{
    gunichar c = g_utf8_get_char(s);
    return c == '-' || c == '~' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

static void emit_block(builder *b, const imprint_node *n, const env *e)
{
    pdf_ctx *ctx = b->ctx;
    const imprint_style *st = ctx->style;
    double adv = e->size * st->line_height;
    switch (n->kind) {
    case IMPRINT_NODE_PARAGRAPH: {
        bool indent = !e->no_indent && n->prev && n->prev->kind == IMPRINT_NODE_PARAGRAPH;
        const char *speaker = b->speaker;
        b->speaker = NULL;
        pdf_para *p = inline_para(b, n, e, false, PANGO_ALIGN_LEFT, true,
                                  indent ? st->indent_em * e->size : 0, speaker, NULL);
        emit_para(b, p, e->x, 0, n->pos, true);
        break;
    }
    case IMPRINT_NODE_HEADING: {
        int level = n->as.heading.level < 1 ? 1 : n->as.heading.level > 6 ? 6 : n->as.heading.level;
        env he = *e;
        he.size = b->in_note ? e->size : st->heading_size[level - 1];
        he.italic = level >= 3;
        /* Headings are set ragged and read better unbroken. */
        const imprint_hyphenator *hy = b->hy;
        b->hy = NULL;
        pdf_para *p = inline_para(b, n, &he, level <= 2, PANGO_ALIGN_LEFT, false, 0, NULL, NULL);
        b->hy = hy;
        double hadv = he.size * st->line_height;
        guint from = b->flow->len;
        if (!b->in_note) {
            char *dest = g_strdup_printf("a%d-h%d", b->index, ++b->headings);
            b->pending_dest = dest;
            if (b->marks) {
                pdf_mark *m = g_new0(pdf_mark, 1);
                m->level = level + 1;
                m->title = plain_text(n);
                m->dest = g_strdup(dest);
                g_ptr_array_add(b->marks, m);
            }
        }
        b->keep_next = 0;
        emit_para(b, p, e->x, 1.2 * hadv, n->pos, false);
        for (guint i = from; i < b->flow->len; i++)
            ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
        b->pending = 0.4 * hadv;
        b->keep_next = PDF_MIN_LINES - 1;
        break;
    }
    case IMPRINT_NODE_QUOTE: {
        env q = *e;
        double qi = st->quote_indent_em * st->quote_size;
        q.size = MIN(st->quote_size, e->size);
        indent_env(&q, qi, qi);
        q.no_indent = false;
        b->pending = MAX(b->pending, 0.5 * adv);
        emit_blocks(b, n->first_child, &q);
        b->pending = MAX(b->pending, 0.5 * adv);
        break;
    }
    case IMPRINT_NODE_CITATION: {
        /* Set apart under its quote, to the right, introduced by a dash
         * unless it brings one. */
        pdf_item *prev = last_item(b);
        if (prev)
            prev->keep_with_next = true;
        char *text = plain_text(n);
        bool dash = !starts_with_dash(text);
        g_free(text);
        pdf_para *p = inline_para(b, n, e, false, PANGO_ALIGN_RIGHT, false, 0, NULL,
                                  dash ? CITATION_DASH : NULL);
        emit_para(b, p, e->x, 0.2 * adv, n->pos, true);
        break;
    }
    case IMPRINT_NODE_LIST:
        emit_list(b, n, e);
        break;
    case IMPRINT_NODE_VERSE: {
        env v = *e;
        indent_env(&v, 2 * e->size, 0);
        b->pending = MAX(b->pending, 0.5 * adv);
        guint from = b->flow->len;
        for (const imprint_node *line = n->first_child; line; line = line->next) {
            /* Hanging indent: a line too long for the measure continues indented. */
            pdf_para *p = inline_para(b, line, &v, false, PANGO_ALIGN_LEFT, false, -1.0 * e->size,
                                      NULL, NULL);
            emit_para(b, p, v.x, 0, line->pos, false);
        }
        if (b->flow->len > from)
            keep_lines(b->flow, from);
        b->pending = MAX(b->pending, 0.5 * adv);
        break;
    }
    case IMPRINT_NODE_SPEECH: {
        env s = *e;
        s.no_indent = true;
        b->pending = MAX(b->pending, 0.3 * adv);
        const char *speaker = n->as.speech.speaker;
        if (speaker && (!n->first_child || n->first_child->kind != IMPRINT_NODE_PARAGRAPH)) {
            pdf_para *p =
                para_new(ctx, e->size, false, e->italic, e->width, PANGO_ALIGN_LEFT, false);
            pango_layout_set_text(p->layout, speaker, -1);
            PangoAttrList *attrs = pango_attr_list_new();
            pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_ALL_SMALL_CAPS));
            pango_layout_set_attributes(p->layout, attrs);
            pango_attr_list_unref(attrs);
            emit_para(b, p, e->x, 0, n->pos, false);
            last_item(b)->keep_with_next = true;
            speaker = NULL;
        }
        b->speaker = speaker;
        emit_blocks(b, n->first_child, &s);
        b->speaker = NULL;
        b->pending = MAX(b->pending, 0.3 * adv);
        break;
    }
    case IMPRINT_NODE_TABLE:
        emit_table(b, n, e);
        break;
    case IMPRINT_NODE_FIGURE:
        emit_figure(b, n, e);
        break;
    case IMPRINT_NODE_BREAK: {
        pdf_para *p =
            pdf_para_plain(ctx, BREAK_MARK, e->size, false, false, e->width, PANGO_ALIGN_CENTER);
        emit_para(b, p, e->x, 0.6 * adv, n->pos, false);
        b->pending = 0.6 * adv;
        break;
    }
    case IMPRINT_NODE_BIBL: {
        /* Hanging indent: the entry's first line at the margin, the rest in. */
        pdf_para *p =
            inline_para(b, n, e, false, PANGO_ALIGN_LEFT, false, -1.5 * e->size, NULL, NULL);
        emit_para(b, p, e->x, 0.2 * adv, n->pos, true);
        break;
    }
    default:
        /* Containment rules keep other kinds out of block lists. */
        break;
    }
}

static void emit_blocks(builder *b, const imprint_node *first, const env *e)
{
    for (const imprint_node *n = first; n; n = n->next)
        emit_block(b, n, e);
}


/* The article's title, subtitle, authors and date, at the head of its first page. */
static void emit_opening(builder *b, const imprint_node *art)
{
    pdf_ctx *ctx = b->ctx;
    const imprint_style *st = ctx->style;
    double w = ctx->geo.text_w;
    double body_adv = st->body_size * st->line_height;
    guint from = b->flow->len;
    if (art->as.article.title && *art->as.article.title) {
        pdf_para *p = pdf_para_plain(ctx, art->as.article.title, st->title_size, false, false, w,
                                     PANGO_ALIGN_LEFT);
        emit_para(b, p, 0, 0, art->pos, false);
    }
    if (art->as.article.subtitle && *art->as.article.subtitle) {
        pdf_para *p = pdf_para_plain(ctx, art->as.article.subtitle, st->heading_size[1], false,
                                     true, w, PANGO_ALIGN_LEFT);
        emit_para(b, p, 0, 0.3 * body_adv, art->pos, false);
    }
    if (art->as.article.authors && art->as.article.authors[0]) {
        char *names = g_strjoinv(", ", (char **)art->as.article.authors);
        pdf_para *p = pdf_para_plain(ctx, names, st->body_size, false, false, w, PANGO_ALIGN_LEFT);
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS));
        pango_layout_set_attributes(p->layout, attrs);
        pango_attr_list_unref(attrs);
        g_free(names);
        emit_para(b, p, 0, 0.6 * body_adv, art->pos, false);
    }
    if (art->as.article.date && *art->as.article.date) {
        pdf_para *p = pdf_para_plain(ctx, art->as.article.date, st->note_size, false, true, w,
                                     PANGO_ALIGN_LEFT);
        emit_para(b, p, 0, 0.2 * body_adv, art->pos, false);
    }
    for (guint i = from; i < b->flow->len; i++)
        ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
    if (b->flow->len > from) {
        pdf_item *first = g_ptr_array_index(b->flow, from);
        first->dest = g_strdup_printf("a%d", b->index);
        b->pending = 2 * body_adv;
        b->keep_next = PDF_MIN_LINES;
    } else {
        b->pending_dest = g_strdup_printf("a%d", b->index);
    }
}

/* Notes set as endnotes: a heading, then each note with its number hanging. */
static void emit_endnotes(builder *b, const imprint_node *art)
{
    pdf_ctx *ctx = b->ctx;
    const imprint_style *st = ctx->style;
    if (!art->as.article.first_note)
        return;
    env e = {0, ctx->geo.text_w, st->heading_size[1], false, true};
    pdf_para *h =
        pdf_para_plain(ctx, "Notes", st->heading_size[1], true, false, e.width, PANGO_ALIGN_LEFT);
    guint from = b->flow->len;
    emit_para(b, h, 0, 1.5 * st->body_size * st->line_height, art->pos, false);
    for (guint i = from; i < b->flow->len; i++)
        ((pdf_item *)g_ptr_array_index(b->flow, i))->keep_with_next = true;
    b->pending = 0.5 * st->body_size * st->line_height;
    b->keep_next = PDF_MIN_LINES - 1;
    double hang = note_hang(ctx, art, 2.0 * st->note_size);
    env ne = {hang, ctx->geo.text_w - hang, st->note_size, false, true};
    for (const imprint_node *note = art->as.article.first_note; note;
         note = note->as.note.next_note) {
        pdf_para *label = pdf_para_plain(ctx, pdf_note_label(ctx, note), st->note_size, false,
                                         false, -1, PANGO_ALIGN_LEFT);
        b->pending_label = label;
        b->pending_label_x = 0;
        b->pending_label_target =
            note->as.note.first_ref
                ? g_strdup_printf("dest='a%d-r%d'", b->index, note->as.note.number)
                : NULL;
        b->pending_dest = g_strdup_printf("a%d-n%d", b->index, note->as.note.number);
        b->pending = MAX(b->pending, 0.2 * st->note_size * st->line_height);
        if (note->first_child)
            emit_blocks(b, note->first_child, &ne);
        else
            emit_para(
                b, pdf_para_plain(ctx, "", st->note_size, false, false, ne.width, PANGO_ALIGN_LEFT),
                hang, 0, note->pos, false);
        g_free(b->pending_dest);
        b->pending_dest = NULL;
        g_free(b->pending_label_target);
        b->pending_label_target = NULL;
        b->pending_label = NULL;
    }
}

GPtrArray *pdf_flow_article(pdf_ctx *ctx, const imprint_node *article, int index, GPtrArray *marks)
{
    builder b = {0};
    b.ctx = ctx;
    b.flow = g_ptr_array_new();
    b.marks = marks;
    b.article = article;
    b.index = index;
    const char *lang =
        article->as.article.lang ? article->as.article.lang : ctx->opts->meta.language;
    b.hy = hyphenator_for(ctx, lang, article->pos);
    if (marks) {
        pdf_mark *m = g_new0(pdf_mark, 1);
        m->level = 1;
        m->title = imprint_article_label(article);
        m->dest = g_strdup_printf("a%d", index);
        g_ptr_array_add(marks, m);
    }
    emit_opening(&b, article);
    env e = {0, ctx->geo.text_w, ctx->style->body_size, false, false};
    emit_blocks(&b, article->first_child, &e);
    if (ctx->notes_mode == IMPRINT_NOTES_ARTICLE)
        emit_endnotes(&b, article);
    else
        pdf_flow_notes(ctx, article, index);
    if (b.flow->len == 0) {
        /* An empty article still gets its page and its destination. */
        pdf_para *p = pdf_para_plain(ctx, "", ctx->style->body_size, false, false, ctx->geo.text_w,
                                     PANGO_ALIGN_LEFT);
        emit_para(&b, p, 0, 0, article->pos, false);
    }
    g_free(b.pending_dest);
    g_free(b.pending_label_target);
    pdf_item *first = g_ptr_array_index(b.flow, 0);
    /* Openings start lower on the page, and keep that space. */
    first->space_before = 0.12 * ctx->geo.text_h;
    first->keep_space = true;
    return b.flow;
}

/* Lines of each note at the foot of the page: the number hangs to the left
 * of the text and links back to the reference. */
void pdf_flow_notes(pdf_ctx *ctx, const imprint_node *article, int index)
{
    const imprint_style *st = ctx->style;
    double hang = note_hang(ctx, article, 1.6 * st->note_size);
    env ne = {hang, ctx->geo.text_w - hang, st->note_size, false, true};
    const char *lang =
        article->as.article.lang ? article->as.article.lang : ctx->opts->meta.language;
    for (const imprint_node *note = article->as.article.first_note; note;
         note = note->as.note.next_note) {
        builder b = {0};
        b.ctx = ctx;
        b.flow = g_ptr_array_new();
        b.article = article;
        b.index = index;
        b.in_note = true;
        b.hy = hyphenator_for(ctx, lang, article->pos);
        b.pending_label = pdf_para_plain(ctx, pdf_note_label(ctx, note), st->note_size, false,
                                         false, -1, PANGO_ALIGN_LEFT);
        b.pending_label_x = 0;
        b.pending_label_target =
            note->as.note.first_ref ? g_strdup_printf("dest='a%d-r%d'", index, note->as.note.number)
                                    : NULL;
        b.pending_dest = g_strdup_printf("a%d-n%d", index, note->as.note.number);
        emit_blocks(&b, note->first_child, &ne);
        if (b.flow->len == 0)
            emit_para(
                &b,
                pdf_para_plain(ctx, "", st->note_size, false, false, ne.width, PANGO_ALIGN_LEFT),
                hang, 0, note->pos, false);
        g_free(b.pending_dest);
        g_free(b.pending_label_target);
        /* At the foot, lines follow each other without the block spacing. */
        for (guint i = 0; i < b.flow->len; i++) {
            pdf_item *it = g_ptr_array_index(b.flow, i);
            it->space_before = 0;
            it->keep_with_next = false;
        }
        g_hash_table_insert(ctx->note_flows, (gpointer)note, b.flow);
    }
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
