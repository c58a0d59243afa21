#include "write/pdf/pdf_internal.h"

#include <string.h>

#include "write/fonts.h"

/* U+2026, ending a running head cut short. */
#define HEAD_ELLIPSIS "\xE2\x80\xA6"

/* The running head's baseline above the text block, in body sizes. */
#define HEAD_RAISE 1.4

/* Running heads and folios are set this much larger than notes (points). */
#define HEAD_SIZE_OVER_NOTE 0.5

/* Room kept on each side of the running head beside the folio, in body sizes. */
#define HEAD_FOLIO_GAP 2.0

pdf_page *pdf_page_new(void)
{
    pdf_page *p = g_new0(pdf_page, 1);
    p->article = -1;
    p->body = g_ptr_array_new();
    p->foot = g_ptr_array_new();
    return p;
}

void pdf_page_free(pdf_page *page)
{
    if (!page)
        return;
    g_ptr_array_unref(page->body);
    g_ptr_array_unref(page->foot);
    if (page->placed)
        g_ptr_array_unref(page->placed);
    g_free(page);
}

static double item_space(const pdf_item *it, bool first)
{
    return first && !it->keep_space ? 0 : it->space_before;
}

/* Notes first referenced by flow[from..to). */
static void add_notes(GPtrArray *notes, GPtrArray *flow, guint from, guint to)
{
    for (guint i = from; i < to; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        if (it->notes)
            for (guint k = 0; k < it->notes->len; k++)
                g_ptr_array_add(notes, g_ptr_array_index(it->notes, k));
    }
}

/* Cuts `flow` into pages appended to `pages`. Each page takes as many items
 * as fit with the notes they reference, ending where a break is allowed
 * (no widows, orphans or lone headings); when no break is allowed on the
 * whole page, it ends at the last item that fits. Notes that do not fit
 * continue at the foot of the following pages. */
void pdf_paginate(pdf_ctx *ctx, GPtrArray *flow, int article, const char *head, GPtrArray *pages,
                  int *split_notes)
{
    double H = ctx->geo.text_h;
    GPtrArray *carried = g_ptr_array_new();
    guint pos = 0, n = flow->len;
    bool first_page = true;
    while (pos < n || carried->len) {
        pdf_page *page = pdf_page_new();
        page->article = article;
        page->recto_head = head;
        page->opening = first_page;
        first_page = false;
        pdf_foot foot = {0};
        if (pos >= n) {
            /* Only notes left: they may fill the page. */
            pdf_foot_fill(ctx, carried, NULL, H, H, &foot);
            if (foot.foot->len == 0 && foot.carry->len) {
                /* A line taller than the page: place it anyway, not lose it. */
                g_ptr_array_add(foot.foot, g_ptr_array_index(foot.carry, 0));
                g_ptr_array_remove_index(foot.carry, 0);
            }
        } else {
            guint best = 0, last_fit = 0;
            double body = 0;
            GPtrArray *notes = g_ptr_array_new();
            for (guint e = pos + 1; e <= n; e++) {
                pdf_item *it = g_ptr_array_index(flow, e - 1);
                body += item_space(it, e - 1 == pos) + it->height;
                if (body > H + 0.01)
                    break;
                add_notes(notes, flow, e - 1, e);
                pdf_foot trial = {0};
                bool ok = pdf_foot_fill(ctx, carried, notes, H - body, PDF_CARRY_MAX_FRACTION * H,
                                        &trial);
                bool fits = ok && body + trial.height <= H + 0.01;
                pdf_foot_clear(&trial);
                if (!fits)
                    break;
                last_fit = e;
                if (e == n || !it->keep_with_next)
                    best = e;
            }
            g_ptr_array_unref(notes);
            guint end = best ? best : last_fit ? last_fit : pos + 1;
            if (!last_fit) {
                pdf_item *it = g_ptr_array_index(flow, pos);
                imprint_diags_report(ctx->diags, IMPRINT_SEV_WARNING,
                                     (imprint_pos){ctx->opts->edition_path, 0, 0},
                                     "an item %.0f pt tall (with its notes) does not fit the text "
                                     "block of %.0f pt; it runs past the bottom margin",
                                     it->height, H);
            }
            notes = g_ptr_array_new();
            add_notes(notes, flow, pos, end);
            body = 0;
            for (guint i = pos; i < end; i++) {
                pdf_item *it = g_ptr_array_index(flow, i);
                body += item_space(it, i == pos) + it->height;
                g_ptr_array_add(page->body, it);
            }
            if (!pdf_foot_fill(ctx, carried, notes, MAX(H - body, 0), PDF_CARRY_MAX_FRACTION * H,
                               &foot)) {
                /* Forced page (nothing fitted): every note that starts here
                 * still starts here, past the margin if need be. */
                pdf_foot_clear(&foot);
                pdf_foot_fill(ctx, carried, notes, G_MAXDOUBLE / 4, G_MAXDOUBLE / 4, &foot);
            }
            g_ptr_array_unref(notes);
            pos = end;
        }
        if (foot.split)
            (*split_notes)++;
        g_ptr_array_extend(page->foot, foot.foot, NULL, NULL);
        g_ptr_array_set_size(carried, 0);
        g_ptr_array_extend(carried, foot.carry, NULL, NULL);
        pdf_foot_clear(&foot);
        g_ptr_array_add(pages, page);
    }
    g_ptr_array_unref(carried);
}

/* Cuts a running head that does not fit on one line after its last whole
 * word that leaves room for an ellipsis; a head without such a word is cut
 * wherever Pango cuts it. */
static void shorten_head(PangoLayout *layout, const char *text)
{
    GString *s = g_string_new(NULL);
    for (const char *sp = strrchr(text, ' '); sp; sp = g_strrstr_len(text, sp - text, " ")) {
        g_string_assign(s, "");
        g_string_append_len(s, text, sp - text);
        /* Punctuation and spaces left hanging before the ellipsis go. */
        while (s->len > 0 && strchr(" ,;:.([{", s->str[s->len - 1]))
            g_string_truncate(s, s->len - 1);
        if (s->len == 0)
            break;
        g_string_append(s, HEAD_ELLIPSIS);
        imprint_fonts_set_layout(layout, s->str, (int)s->len, NULL);
        if (pango_layout_get_line_count(layout) == 1) {
            g_string_free(s, TRUE);
            return;
        }
    }
    g_string_free(s, TRUE);
    imprint_fonts_set_layout(layout, text, -1, NULL);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
}

double pdf_head_baseline(const pdf_ctx *ctx)
{
    return ctx->geo.top - HEAD_RAISE * ctx->style->body_size;
}

/* The folio at the outer edge, the running head centred in the room left:
 * the edition's title on versos, the article's on rectos. */
void pdf_page_furnish(pdf_ctx *ctx, pdf_page *page)
{
    if (page->blank || page->opening)
        return;
    const imprint_style *st = ctx->style;
    bool verso = ctx->geo.two_sided ? page->number % 2 == 0 : false;
    const char *text = verso ? ctx->opts->meta.title : page->recto_head;
    double size = st->note_size + HEAD_SIZE_OVER_NOTE;
    imprint_pos pos = {ctx->opts->edition_path, 0, 0};
    char *folio = g_strdup_printf("%d", page->number);
    page->folio = pdf_para_plain(ctx, folio, size, false, false, -1, PANGO_ALIGN_LEFT);
    g_free(folio);
    PangoRectangle fr;
    pango_layout_get_extents(page->folio->layout, NULL, &fr);
    double fw = fr.width / (double)PANGO_SCALE;
    page->folio_x = verso ? 0 : ctx->geo.text_w - fw;
    double room = ctx->geo.text_w - 2 * (fw + HEAD_FOLIO_GAP * st->body_size);
    if (!text || !*text || room <= 0)
        return;
    pdf_para *h = pdf_para_plain(ctx, text, size, false, true, room, PANGO_ALIGN_CENTER);
    /* A long title is shortened with an ellipsis, never wrapped. */
    if (pango_layout_get_line_count(h->layout) > 1)
        shorten_head(h->layout, text);
    else
        pango_layout_set_ellipsize(h->layout, PANGO_ELLIPSIZE_END); /* one long word */
    pdf_check_layout(ctx, h->layout, room, pos);
    PangoLayoutIter *iter = pango_layout_get_iter(h->layout);
    PangoRectangle lr;
    pango_layout_iter_get_line_extents(iter, NULL, &lr);
    pango_layout_iter_free(iter);
    page->head = h;
    page->head_x = (ctx->geo.text_w - room) / 2 + lr.x / (double)PANGO_SCALE;
}
