#include "write/pdf/pdf_internal.h"

static double layout_height(PangoLayout *l)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    return r.height / (double)PANGO_SCALE;
}

/* Draws `text` centred on the text block with its top at `y`; returns its height. */
static double centred(pdf_ctx *ctx, cairo_t *cr, const char *text, double size, bool italic,
                      bool smallcaps, double y)
{
    pdf_para *p =
        pdf_para_plain(ctx, text, size, false, italic, ctx->geo.text_w, PANGO_ALIGN_CENTER);
    if (smallcaps) {
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS));
        pango_layout_set_attributes(p->layout, attrs);
        pango_attr_list_unref(attrs);
    }
    pdf_check_layout(ctx, p->layout, ctx->geo.text_w, (imprint_pos){ctx->opts->edition_path, 0, 0});
    pdf_show_layout(cr, p->layout, pdf_page_left(&ctx->geo, 1), y);
    return layout_height(p->layout);
}

void pdf_draw_title_page(pdf_ctx *ctx, cairo_t *cr)
{
    const imprint_style *st = ctx->style;
    const imprint_meta *m = &ctx->opts->meta;
    double top = ctx->geo.top;
    double y = top + 0.22 * ctx->geo.text_h;
    y += centred(ctx, cr, m->title, st->title_size * 1.5, false, false, y);
    const char *subtitle = m->subtitle;
    if (subtitle) {
        y += 0.6 * st->body_size;
        y += centred(ctx, cr, subtitle, st->heading_size[0], true, false, y);
    }
    const char *editor = m->editor;
    if (editor) {
        y += 3 * st->body_size;
        centred(ctx, cr, editor, st->heading_size[1], false, true, y);
    }
    /* Publisher and date at the foot of the page. */
    const char *publisher = m->publisher;
    const char *date = m->date;
    double foot = top + ctx->geo.text_h;
    double lh = st->note_size * st->line_height * 1.3;
    if (date) {
        foot -= lh;
        centred(ctx, cr, date, st->note_size + 1, false, false, foot);
    }
    if (publisher) {
        foot -= lh;
        centred(ctx, cr, publisher, st->note_size + 1, false, true, foot);
    }
}

GPtrArray *pdf_flow_contents(pdf_ctx *ctx, const int *article_pages)
{
    const imprint_style *st = ctx->style;
    GPtrArray *flow = g_ptr_array_new();
    double w = ctx->geo.text_w;
    double adv = st->body_size * st->line_height;
    pdf_para *h =
        pdf_para_plain(ctx, "Contents", st->title_size, false, false, w, PANGO_ALIGN_LEFT);
    imprint_pos pos = {ctx->opts->edition_path, 0, 0};
    pdf_para_lines(ctx, h, flow, 0, pos);
    pdf_item *first = g_ptr_array_index(flow, 0);
    first->space_before = 0.12 * ctx->geo.text_h;
    first->keep_space = true;
    first->keep_with_next = true;
    /* Room at the right for the page numbers and a gap before them. */
    double numw = 3.0 * st->body_size;
    int i = 0;
    for (const imprint_node *a = ctx->doc->root->first_child; a; a = a->next, i++) {
        char *label = imprint_article_label(a);
        pdf_para *p =
            pdf_para_plain(ctx, label, st->body_size, false, false, w - numw, PANGO_ALIGN_LEFT);
        g_free(label);
        /* Continuation lines of a long title hang under its first word. */
        pango_layout_set_indent(p->layout, (int)(-1.0 * st->body_size * PANGO_SCALE));
        guint from = flow->len;
        pdf_para_lines(ctx, p, flow, 0, a->pos);
        for (guint k = from; k < flow->len; k++) {
            pdf_item *it = g_ptr_array_index(flow, k);
            it->target = g_strdup_printf("dest='a%d'", i);
            it->keep_with_next = k + 1 < flow->len;
        }
        pdf_item *f = g_ptr_array_index(flow, from);
        f->space_before = i == 0 ? 1.5 * adv : 0.35 * adv;
        pdf_item *last = g_ptr_array_index(flow, flow->len - 1);
        last->leader = g_strdup_printf("%d", article_pages[i]);
    }
    return flow;
}
