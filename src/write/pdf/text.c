#include "write/pdf/pdf_internal.h"

#include <string.h>

/* How the text of a line differs from its characters, so that a word
 * broken at a soft hyphen copies and searches whole: the clusters that
 * start in [merge_from, merge_to) (the word's first part and the hyphen)
 * become one cluster whose text is the whole `word`; those in [mute_from,
 * mute_to) (its rest, on the next line) have no text. Cairo writes such
 * clusters as ActualText spans. Only clusters starting in [from, to) are
 * drawn. */
typedef struct {
    int from, to;
    int merge_from, merge_to;
    char *word;
    int mute_from, mute_to;
} line_text;

static bool word_char(gunichar c)
{
    return g_unichar_isalnum(c) || g_unichar_ismark(c) || c == 0xAD || c == '\'' || c == 0x2019;
}

/* The run of `line` that holds bytes [a, b), or NULL. */
static PangoGlyphItem *run_holding(PangoLayoutLine *line, int a, int b)
{
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        int o = run->item->offset;
        if (o <= a && b <= o + run->item->length)
            return run;
    }
    return NULL;
}

/* How many bytes of hyphen end the line's text [ls, le): a soft hyphen
 * (left out of the whole word) or a hyphen of the text (a compound, which
 * keeps it); 0 for none. */
static int line_hyphen(const char *text, int ls, int le)
{
    const unsigned char *u = (const unsigned char *)text;
    if (le - ls >= 2 && u[le - 2] == 0xC2 && u[le - 1] == 0xAD)
        return 2;
    if (le - ls >= 1 && u[le - 1] == '-')
        return 1;
    if (le - ls >= 3 && u[le - 3] == 0xE2 && u[le - 2] == 0x80 && u[le - 1] == 0x90)
        return 3;
    return 0;
}

/* The word broken at a hyphen at the end of `line`, continued on `next`:
 * fills the merge range and the word (NULL when there is none, or when a
 * part of it is set in two runs) and the mute range for `next`. */
static void broken_word(const char *text, PangoLayoutLine *line, PangoLayoutLine *next,
                        line_text *lt, int *mute_from, int *mute_to)
{
    *mute_from = *mute_to = 0;
    if (!line || !next)
        return;
    int ls = line->start_index, le = ls + line->length;
    int hy = line_hyphen(text, ls, le);
    if (hy == 0)
        return;
    int w0 = le - hy;
    while (w0 > ls) {
        const char *p = g_utf8_prev_char(text + w0);
        if (!word_char(g_utf8_get_char(p)))
            break;
        w0 = (int)(p - text);
    }
    int c0 = next->start_index, c1 = c0, ne = c0 + next->length;
    while (c1 < ne && word_char(g_utf8_get_char(text + c1)))
        c1 = (int)(g_utf8_next_char(text + c1) - text);
    if (w0 == le - hy || c1 == c0 || !run_holding(line, w0, le) || !run_holding(next, c0, c1))
        return;
    GString *w = g_string_new(NULL);
    for (const char *p = text + w0; p < text + c1; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (p == text + le)
            p = text + c0, c = g_utf8_get_char(p);
        if (c != 0xAD)
            g_string_append_unichar(w, c);
    }
    if (lt) {
        lt->merge_from = w0;
        lt->merge_to = le;
        lt->word = g_string_free(w, FALSE);
    } else {
        g_string_free(w, TRUE);
    }
    *mute_from = c0;
    *mute_to = c1;
}

/* Appends the text of one cluster, bytes [a, b), as the text layer shows it. */
static void cluster_text(GString *utf8, const char *a, const char *b, int drawn)
{
    gsize before = utf8->len;
    for (const char *p = a; p < b; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == 0xAD || c == 0x2028 || c == 0x2060)
            continue;
        g_string_append_unichar(utf8, c);
    }
    if (utf8->len == before && drawn > 0)
        g_string_append_c(utf8, '-'); /* the hyphen shown at a soft hyphen */
}

/* The glyphs and text of a run being set, cluster by cluster. */
typedef struct {
    cairo_glyph_t *glyphs;
    cairo_text_cluster_t *clusters;
    GString *utf8;
    int nglyphs, nclusters;
    int merged, muted; /* the clusters a broken word's parts went into, or -1 */
} run_text;

/* The text of the cluster at layout byte `at`, bytes [a, b), of `drawn`
 * glyphs (those already in `o`). */
static void put_cluster(run_text *o, const line_text *lt, int at, const char *a, const char *b,
                        int drawn)
{
    bool merge = lt->word && at >= lt->merge_from && at < lt->merge_to;
    bool mute = at >= lt->mute_from && at < lt->mute_to;
    int *into = merge ? &o->merged : mute ? &o->muted : NULL;
    if (into && *into >= 0) {
        o->clusters[*into].num_glyphs += drawn;
        return;
    }
    gsize before = o->utf8->len;
    if (merge)
        g_string_append(o->utf8, lt->word);
    else if (!mute)
        cluster_text(o->utf8, a, b, drawn);
    int bytes = (int)(o->utf8->len - before);
    if (bytes == 0 && drawn == 0)
        return;
    if (into)
        *into = o->nclusters;
    o->clusters[o->nclusters].num_bytes = bytes;
    o->clusters[o->nclusters].num_glyphs = drawn;
    o->nclusters++;
}

/* Draws one glyph run with the text it stands for, leaving soft hyphens out
 * of that text: Pango's own renderer would attach every U+00AD to the
 * glyph before it, so that a PDF reader copies and searches "Af\u00ADter".
 * A hyphen Pango shows at a break is given the text "-" (or the broken
 * word's, `lt`); the line separator and the word joiner before note numbers
 * are left out too. Returns false when the run holds glyphs the fonts lack
 * (Pango draws those as boxes itself). */
static bool show_run(cairo_t *cr, const char *text, PangoGlyphItem *run, double x, double baseline,
                     const line_text *lt)
{
    PangoGlyphString *gs = run->glyphs;
    for (int i = 0; i < gs->num_glyphs; i++)
        if (gs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            return false;
    cairo_scaled_font_t *sf =
        pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
    if (!sf)
        return false;
    int off = run->item->offset, len = run->item->length;
    const char *base = text + off;
    int room = gs->num_glyphs > 0 ? gs->num_glyphs : 1;
    run_text o = {cairo_glyph_allocate(room),
                  cairo_text_cluster_allocate(room),
                  g_string_sized_new((gsize)len),
                  0,
                  0,
                  -1,
                  -1};
    double pos = x + run->start_x_offset / (double)PANGO_SCALE;
    double y = baseline - run->y_offset / (double)PANGO_SCALE;
    int i = 0;
    while (i < gs->num_glyphs) {
        /* One cluster: the glyphs sharing a log_cluster, and its bytes. */
        int start = gs->log_clusters[i];
        int j = i;
        while (j < gs->num_glyphs && gs->log_clusters[j] == start)
            j++;
        int end = j < gs->num_glyphs ? gs->log_clusters[j] : len;
        if (end < start) /* right-to-left run: not set by this writer, but be safe */
            end = len;
        bool shown = off + start >= lt->from && off + start < lt->to;
        int drawn = 0;
        for (int k = i; k < j; k++) {
            PangoGlyphInfo *g = &gs->glyphs[k];
            if (shown && g->glyph != PANGO_GLYPH_EMPTY) {
                o.glyphs[o.nglyphs].index = g->glyph;
                o.glyphs[o.nglyphs].x = pos + g->geometry.x_offset / (double)PANGO_SCALE;
                o.glyphs[o.nglyphs].y = y + g->geometry.y_offset / (double)PANGO_SCALE;
                o.nglyphs++;
                drawn++;
            }
            pos += g->geometry.width / (double)PANGO_SCALE;
        }
        if (shown)
            put_cluster(&o, lt, off + start, base + start, base + end, drawn);
        i = j;
    }
    if (o.nglyphs > 0 || o.utf8->len > 0) {
        cairo_set_scaled_font(cr, sf);
        cairo_show_text_glyphs(cr, o.utf8->str, (int)o.utf8->len, o.glyphs, o.nglyphs, o.clusters,
                               o.nclusters, 0);
    }
    g_string_free(o.utf8, TRUE);
    cairo_text_cluster_free(o.clusters);
    cairo_glyph_free(o.glyphs);
    return true;
}

void pdf_show_line_range(cairo_t *cr, PangoLayoutLine *line, double x, double baseline, int from,
                         int to)
{
    const char *text = pango_layout_get_text(line->layout);
    line_text lt = {from, to, 0, 0, NULL, 0, 0};
    /* The lines before and after, for words broken across them. */
    PangoLayoutLine *prev = NULL, *next = NULL;
    for (GSList *l = pango_layout_get_lines_readonly(line->layout); l; l = l->next) {
        if (l->data == line) {
            next = l->next ? l->next->data : NULL;
            break;
        }
        prev = l->data;
    }
    int unused_from, unused_to;
    broken_word(text, prev, line, NULL, &lt.mute_from, &lt.mute_to);
    broken_word(text, line, next, &lt, &unused_from, &unused_to);
    double pos = x;
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        if (!show_run(cr, text, run, pos, baseline, &lt)) {
            int o = run->item->offset;
            if (o >= from && o < to) {
                cairo_move_to(cr, pos, baseline);
                pango_cairo_show_glyph_item(cr, text, run);
            }
        }
        pos += pango_glyph_string_get_width(run->glyphs) / (double)PANGO_SCALE;
    }
    g_free(lt.word);
}

void pdf_show_line(cairo_t *cr, PangoLayoutLine *line, double x, double baseline)
{
    pdf_show_line_range(cr, line, x, baseline, 0, G_MAXINT);
}

void pdf_show_layout(cairo_t *cr, PangoLayout *layout, double x, double y)
{
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, NULL, &logical);
        int baseline = pango_layout_iter_get_baseline(iter);
        pdf_show_line(cr, pango_layout_iter_get_line_readonly(iter),
                      x + logical.x / (double)PANGO_SCALE, y + baseline / (double)PANGO_SCALE);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}
