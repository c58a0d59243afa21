#include "write/pdf/pdf_internal.h"

#include "write/fonts.h"

static double layout_height(PangoLayout *l)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    return r.height / (double)PANGO_SCALE;
}

/* The title page's lines, from the top of the text block, in body sizes and
 * fractions of the text block's height. */
#define TITLE_TOP          0.22 /* of the text block: the title's top */
#define TITLE_SCALE        1.5  /* the title, in article title sizes */
#define TITLE_SUB_GAP      0.6  /* title to subtitle */
#define TITLE_EDITOR_GAP   3.0  /* subtitle to editor */
#define TITLE_FOOT_LEADING 1.3  /* publisher and date lines, in note leadings */

/* The contents page, in body sizes and leadings. */
#define CONTENTS_DROP    0.12 /* of the text block: where the heading stands */
#define CONTENTS_NUMBERS 3.0  /* room for the page numbers at the right */
#define CONTENTS_HANG    1.0  /* continuation lines of a long title, further in */
#define CONTENTS_FIRST   1.5  /* heading to the first entry, in leadings */
#define CONTENTS_ENTRY   0.35 /* between entries, in leadings */

/* Lays out `text` centred on the text block with its top at `y`, onto the
 * title page; returns its height. */
static double centred(pdf_ctx *ctx, pdf_page *page, const char *text, double size, bool italic,
                      bool smallcaps, double y)
{
    pdf_para *p =
        pdf_para_plain(ctx, text, size, false, italic, ctx->geo.text_w, PANGO_ALIGN_CENTER);
    p->tag = "P";
    if (smallcaps) {
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS));
        imprint_fonts_set_layout(p->layout, NULL, -1, attrs);
        pango_attr_list_unref(attrs);
    }
    pdf_check_layout(ctx, p->layout, ctx->geo.text_w, (imprint_pos){ctx->opts->edition_path, 0, 0});
    pdf_placed *placed = g_new0(pdf_placed, 1);
    placed->para = p;
    placed->y = y;
    g_ptr_array_add(page->placed, placed);
    return layout_height(p->layout);
}

pdf_page *pdf_title_page(pdf_ctx *ctx)
{
    const imprint_style *st = ctx->style;
    const imprint_meta *m = &ctx->opts->meta;
    pdf_page *page = pdf_page_new();
    page->number = 1;
    page->opening = true;
    page->placed = g_ptr_array_new_with_free_func(g_free);
    double top = ctx->geo.top;
    double y = top + TITLE_TOP * ctx->geo.text_h;
    y += centred(ctx, page, m->title, st->title_size * TITLE_SCALE, false, false, y);
    if (m->subtitle) {
        y += TITLE_SUB_GAP * st->body_size;
        y += centred(ctx, page, m->subtitle, st->heading_size[0], true, false, y);
    }
    if (m->editor) {
        y += TITLE_EDITOR_GAP * st->body_size;
        centred(ctx, page, m->editor, st->heading_size[1], false, true, y);
    }
    /* Publisher and date at the foot of the page. */
    double foot = top + ctx->geo.text_h;
    double lh = st->note_size * st->line_height * TITLE_FOOT_LEADING;
    if (m->date) {
        foot -= lh;
        centred(ctx, page, m->date, st->note_size + 1, false, false, foot);
    }
    if (m->publisher) {
        foot -= lh;
        centred(ctx, page, m->publisher, st->note_size + 1, false, true, foot);
    }
    return page;
}

GPtrArray *pdf_flow_contents(pdf_ctx *ctx, const int *article_pages)
{
    const imprint_style *st = ctx->style;
    GPtrArray *flow = g_ptr_array_new();
    double w = ctx->geo.text_w;
    double adv = st->body_size * st->line_height;
    pdf_para *h =
        pdf_para_plain(ctx, "Contents", st->title_size, false, false, w, PANGO_ALIGN_LEFT);
    h->node = ctx->doc->root;
    h->tag = "H1";
    imprint_pos pos = {ctx->opts->edition_path, 0, 0};
    pdf_para_lines(ctx, h, flow, 0, pos);
    pdf_item *first = g_ptr_array_index(flow, 0);
    first->space_before = CONTENTS_DROP * ctx->geo.text_h;
    first->keep_space = true;
    first->keep_with_next = true;
    pdf_para *dot = pdf_para_plain(ctx, ".", st->body_size, false, false, -1, PANGO_ALIGN_LEFT);
    /* Room at the right for the page numbers and a gap before them. */
    double numw = CONTENTS_NUMBERS * st->body_size;
    int i = 0;
    for (const imprint_node *a = ctx->doc->root->first_child; a; a = a->next, i++) {
        char *label = imprint_article_label(a);
        pdf_para *p =
            pdf_para_plain(ctx, label, st->body_size, false, false, w - numw, PANGO_ALIGN_LEFT);
        g_free(label);
        p->node = a;
        p->tag = "TOCI";
        /* Continuation lines of a long title hang under its first word. */
        pango_layout_set_indent(p->layout, (int)(-CONTENTS_HANG * st->body_size * PANGO_SCALE));
        guint from = flow->len;
        pdf_para_lines(ctx, p, flow, 0, a->pos);
        for (guint k = from; k < flow->len; k++) {
            pdf_item *it = g_ptr_array_index(flow, k);
            it->target = g_strdup_printf("dest='a%d'", i);
            it->keep_with_next = k + 1 < flow->len;
        }
        pdf_item *f = g_ptr_array_index(flow, from);
        f->space_before = i == 0 ? CONTENTS_FIRST * adv : CONTENTS_ENTRY * adv;
        pdf_item *last = g_ptr_array_index(flow, flow->len - 1);
        char *number = g_strdup_printf("%d", article_pages[i]);
        last->leader =
            pdf_para_plain(ctx, number, st->body_size, false, false, -1, PANGO_ALIGN_LEFT);
        g_free(number);
        last->leader_dot = dot;
    }
    return flow;
}

/* The witness page at the end of the book (the colophon's list of the other
 * copies of each article's text, as the EPUB's colophon has it), or NULL
 * when no article has a witness. */
GPtrArray *pdf_flow_witnesses(pdf_ctx *ctx)
{
    const imprint_style *st = ctx->style;
    bool any = false;
    for (const imprint_node *a = ctx->doc->root->first_child; a; a = a->next)
        any = any || a->as.article.nwitnesses > 0;
    if (!any)
        return NULL;
    GPtrArray *flow = g_ptr_array_new();
    double w = ctx->geo.text_w;
    double adv = st->body_size * st->line_height;
    imprint_pos pos = {ctx->opts->edition_path, 0, 0};
    pdf_para *h =
        pdf_para_plain(ctx, "Witnesses", st->title_size, false, false, w, PANGO_ALIGN_LEFT);
    h->tag = "H1";
    pdf_para_lines(ctx, h, flow, 0, pos);
    pdf_item *first = g_ptr_array_index(flow, 0);
    first->space_before = CONTENTS_DROP * ctx->geo.text_h;
    first->keep_space = true;
    first->keep_with_next = true;
    first->dest = g_strdup(PDF_WITNESSES_DEST);
    bool lead = true;
    for (const imprint_node *a = ctx->doc->root->first_child; a; a = a->next) {
        for (size_t i = 0; i < a->as.article.nwitnesses; i++) {
            const imprint_witness *wt = &a->as.article.witnesses[i];
            char *label = imprint_article_label(a);
            char *base = g_path_get_basename(wt->file ? wt->file : "");
            char *what = wt->same
                             ? g_strdup("the same text")
                             : g_strdup_printf("a variant (%d%% of the text shared)", wt->overlap);
            char *text = g_strdup_printf("%s: %s in %s, line %u%s%s%s", label, what, base, wt->line,
                                         wt->dropped ? ", left out of this edition" : "",
                                         wt->url ? ". " : "", wt->url ? wt->url : "");
            pdf_para *p =
                pdf_para_plain(ctx, text, st->note_size, false, false, w, PANGO_ALIGN_LEFT);
            p->tag = "P";
            guint from = flow->len;
            pdf_para_lines(ctx, p, flow, 0, a->pos);
            pdf_item *f = g_ptr_array_index(flow, from);
            f->space_before = lead ? CONTENTS_FIRST * adv : CONTENTS_ENTRY * adv;
            lead = false;
            g_free(text);
            g_free(what);
            g_free(base);
            g_free(label);
        }
    }
    return flow;
}
