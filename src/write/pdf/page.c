#include "write/pdf/pdf_internal.h"

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
