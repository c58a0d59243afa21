#include "imprint/pdf.h"
#include "imprint/writer.h"

#include <glib/gstdio.h>
#include <string.h>

#include "write/pdf/pdf_internal.h"

/* Cairo 1.16 writes the document's dates as "(18880130000000Z)", without
 * the "D:" a PDF date begins with, and readers then misread them (poppler
 * gives the year 2680). The same bytes become "(D:188801300000Z)": the
 * date to the minute, its length and so every offset of the file kept.
 * Cairo writes the date as a piece of its own, which is how it is found. */
static bool cairo_date(const unsigned char *d, size_t n)
{
    if (n != 17 || d[0] != '(' || d[15] != 'Z' || d[16] != ')')
        return false;
    for (int i = 1; i < 15; i++)
        if (!g_ascii_isdigit(d[i]))
            return false;
    return true;
}

const unsigned char *pdf_fix_date(const unsigned char *data, unsigned int len,
                                  unsigned char fixed[PDF_DATE_LEN])
{
    if (!cairo_date(data, len))
        return data;
    fixed[0] = '(';
    fixed[1] = 'D';
    fixed[2] = ':';
    memcpy(fixed + 3, data + 1, 12);
    fixed[15] = 'Z';
    fixed[16] = ')';
    return fixed;
}

cairo_status_t pdf_write_stream(void *closure, const unsigned char *data, unsigned int len)
{
    unsigned char fixed[PDF_DATE_LEN];
    data = pdf_fix_date(data, len, fixed);
    bool ok = imprint_output_append(closure, data, len);
    return ok ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

cairo_status_t pdf_hold_stream(void *closure, const unsigned char *data, unsigned int len)
{
    unsigned char fixed[PDF_DATE_LEN];
    data = pdf_fix_date(data, len, fixed);
    g_string_append_len(closure, (const char *)data, len);
    return CAIRO_STATUS_SUCCESS;
}

static void mark_free(gpointer p)
{
    pdf_mark *m = p;
    g_free(m->title);
    g_free(m->dest);
    g_free(m);
}

/* Notes that no line of the body refers to (a definition without a marker,
 * or referred to only from another note) go with the article's last line,
 * so that nothing is lost. */
static void attach_loose_notes(pdf_ctx *ctx, const imprint_node *article, GPtrArray *flow)
{
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        for (guint k = 0; it->notes && k < it->notes->len; k++)
            g_hash_table_add(seen, g_ptr_array_index(it->notes, k));
    }
    pdf_item *last = g_ptr_array_index(flow, flow->len - 1);
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note) {
        if (g_hash_table_contains(seen, n) || !g_hash_table_contains(ctx->note_flows, n))
            continue;
        if (!last->notes)
            last->notes = g_ptr_array_new();
        g_ptr_array_add(last->notes, (gpointer)n);
    }
    g_hash_table_unref(seen);
}

/* Numbers the pages and lays out their running heads and folios. */
static void number_pages(pdf_ctx *ctx, GPtrArray *pages, int *next)
{
    for (guint i = 0; i < pages->len; i++) {
        pdf_page *page = g_ptr_array_index(pages, i);
        page->number = (*next)++;
        pdf_page_furnish(ctx, page);
    }
}

static void draw_pages(pdf_ctx *ctx, cairo_t *cr, GPtrArray *pages, pdf_zone zone,
                       const imprint_node *article)
{
    for (guint i = 0; i < pages->len; i++) {
        pdf_tags_page(ctx->tags, zone, article);
        pdf_draw_trimmed(ctx, cr, g_ptr_array_index(pages, i));
        cairo_show_page(cr);
    }
}

static void scan_pages(pdf_tags *t, GPtrArray *pages)
{
    for (guint i = 0; i < pages->len; i++)
        pdf_tags_scan(t, g_ptr_array_index(pages, i));
}

/* The whole book laid out: every page of it, before anything is drawn. */
typedef struct {
    GPtrArray *marks;         /* pdf_mark *: the outline */
    GPtrArray *flows;         /* GPtrArray of pdf_item *, one an article */
    GPtrArray *labels;        /* char *: each article's running head */
    GPtrArray *article_pages; /* GPtrArray of pdf_page *, one an article */
    GPtrArray *contents;      /* pdf_page * */
    GPtrArray *witnesses;     /* pdf_page *: the witness page at the end, or NULL */
    pdf_page *title;
    int narticles;
    int front; /* title page and its back */
    int passes;
    int split_notes;
} book;

static void book_clear(book *bk)
{
    if (bk->witnesses)
        g_ptr_array_unref(bk->witnesses);
    if (bk->contents)
        g_ptr_array_unref(bk->contents);
    pdf_page_free(bk->title);
    g_ptr_array_unref(bk->article_pages);
    g_ptr_array_unref(bk->labels);
    g_ptr_array_unref(bk->flows);
    g_ptr_array_unref(bk->marks);
}

void pdf_lay_out(pdf_ctx *ctx, pdf_laid *a)
{
    a->flow = pdf_flow_article(ctx, a->article, a->index, a->marks);
    if (ctx->notes_mode == IMPRINT_NOTES_PAGE)
        attach_loose_notes(ctx, a->article, a->flow);
}

/* Every article into its flow, on the edition's threads when it has more
 * than one, then into pages, in order. Messages come out as a one-thread
 * layout gives them: each article's layout, then its pagination. */
static bool lay_out_articles(pdf_ctx *ctx, book *bk)
{
    int n = 0;
    for (const imprint_node *a = ctx->doc->root->first_child; a; a = a->next)
        n++;
    pdf_laid *arts = g_new0(pdf_laid, n > 0 ? n : 1);
    int i = 0;
    for (const imprint_node *a = ctx->doc->root->first_child; a; a = a->next, i++)
        arts[i] = (pdf_laid){a, i, NULL, g_ptr_array_new_with_free_func(mark_free), NULL};
    bool parallel = ctx->opts->threads > 1 && n > 1;
    bool ok = true;
    if (parallel) {
        for (i = 0; i < n; i++)
            arts[i].diags = imprint_diags_new();
        ok = pdf_lay_out_parallel(ctx, arts, n, ctx->opts->threads);
    }
    for (i = 0; i < n && ok; i++, bk->narticles++) {
        pdf_laid *a = &arts[i];
        if (parallel) {
            for (size_t k = 0; k < imprint_diags_len(a->diags); k++) {
                const imprint_diag *d = imprint_diags_get(a->diags, k);
                imprint_diags_report(ctx->diags, d->severity,
                                     (imprint_pos){d->file, d->line, d->col}, "%s", d->message);
            }
        } else {
            pdf_lay_out(ctx, a);
        }
        g_ptr_array_extend_and_steal(bk->marks, a->marks);
        a->marks = NULL;
        g_ptr_array_add(bk->flows, a->flow);
        char *label = imprint_article_label(a->article);
        g_ptr_array_add(bk->labels, label);
        GPtrArray *pages = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_page_free);
        pdf_paginate(ctx, a->flow, bk->narticles, label, pages, &bk->split_notes);
        g_ptr_array_add(bk->article_pages, pages);
    }
    for (i = 0; i < n; i++) {
        if (arts[i].marks)
            g_ptr_array_unref(arts[i].marks);
        imprint_diags_free(arts[i].diags);
    }
    g_free(arts);
    return ok;
}

/* The witness page after the articles, when any article has a witness. */
static void lay_out_witnesses(pdf_ctx *ctx, book *bk)
{
    GPtrArray *flow = pdf_flow_witnesses(ctx);
    if (!flow)
        return;
    bk->witnesses = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_page_free);
    pdf_paginate(ctx, flow, -1, "Witnesses", bk->witnesses, &bk->split_notes);
    g_ptr_array_unref(flow);
    pdf_mark *m = g_new0(pdf_mark, 1);
    m->level = 1;
    m->title = g_strdup("Witnesses");
    m->dest = g_strdup(PDF_WITNESSES_DEST);
    g_ptr_array_add(bk->marks, m);
}

/* Front matter: title page, its blank back when two-sided, contents. The
 * contents' length moves the articles, so lay it out until the page numbers
 * it shows are the ones the articles get. */
static bool lay_out_contents(pdf_ctx *ctx, book *bk, imprint_pos at)
{
    bk->front = ctx->geo.two_sided ? 2 : 1;
    int ncontents = 1;
    bool stable = false;
    int *starts = g_new0(int, bk->narticles > 0 ? bk->narticles : 1);
    while (!stable && bk->passes < IMPRINT_PDF_MAX_PASSES) {
        bk->passes++;
        int p = bk->front + ncontents + 1;
        for (int i = 0; i < bk->narticles; i++) {
            starts[i] = p;
            p += (int)((GPtrArray *)g_ptr_array_index(bk->article_pages, i))->len;
        }
        if (bk->contents)
            g_ptr_array_unref(bk->contents);
        bk->contents = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_page_free);
        GPtrArray *flow = pdf_flow_contents(ctx, starts);
        pdf_paginate(ctx, flow, -1, "Contents", bk->contents, &bk->split_notes);
        g_ptr_array_unref(flow);
        stable = (int)bk->contents->len == ncontents;
        ncontents = (int)bk->contents->len;
    }
    g_free(starts);
    if (!stable)
        imprint_diags_report(ctx->diags, IMPRINT_SEV_ERROR, at,
                             "the contents' page numbers did not settle after %d layout passes",
                             IMPRINT_PDF_MAX_PASSES);
    return stable;
}

static void number_book(pdf_ctx *ctx, book *bk)
{
    int next = 1 + bk->front;
    number_pages(ctx, bk->contents, &next);
    for (int i = 0; i < bk->narticles; i++)
        number_pages(ctx, g_ptr_array_index(bk->article_pages, i), &next);
    if (bk->witnesses)
        number_pages(ctx, bk->witnesses, &next);
    bk->title = pdf_title_page(ctx);
}

/* Draws every page; returns how many there are. */
static int draw_book(pdf_ctx *ctx, book *bk, cairo_t *cr, GArray *log)
{
    /* The structure tree (tags.c) needs to know every page before the first
     * is drawn: which paragraphs run over a page break. */
    ctx->tags = pdf_tags_new(cr, ctx->doc, ctx->opts->meta.language, log);
    pdf_tags_scan(ctx->tags, bk->title);
    scan_pages(ctx->tags, bk->contents);
    for (int i = 0; i < bk->narticles; i++)
        scan_pages(ctx->tags, g_ptr_array_index(bk->article_pages, i));
    if (bk->witnesses)
        scan_pages(ctx->tags, bk->witnesses);
    pdf_tags_page(ctx->tags, PDF_ZONE_TITLE, NULL);
    pdf_draw_trimmed(ctx, cr, bk->title);
    cairo_show_page(cr);
    if (bk->front == 2) {
        pdf_draw_trimmed(ctx, cr, NULL);
        cairo_show_page(cr);
    }
    draw_pages(ctx, cr, bk->contents, PDF_ZONE_CONTENTS, NULL);
    int total = bk->front + (int)bk->contents->len;
    const imprint_node *a = ctx->doc->root->first_child;
    for (int i = 0; i < bk->narticles; i++, a = a ? a->next : NULL) {
        GPtrArray *pages = g_ptr_array_index(bk->article_pages, i);
        draw_pages(ctx, cr, pages, PDF_ZONE_ARTICLE, a);
        total += (int)pages->len;
    }
    if (bk->witnesses) {
        draw_pages(ctx, cr, bk->witnesses, PDF_ZONE_WITNESSES, NULL);
        total += (int)bk->witnesses->len;
    }
    pdf_tags_free(ctx->tags);
    ctx->tags = NULL;
    return total;
}

/* Draws the book into `path` through a temporary file; false (reported) on
 * error, with nothing left at `path`. */
static bool write_book(pdf_ctx *ctx, book *bk, const char *path, int *total)
{
    imprint_pos at = {path, 0, 0};
    imprint_output *out = imprint_output_open(path, ctx->diags);
    if (!out)
        return false;
    /* The file is held until finish.c has written what Cairo cannot. */
    GString *held = g_string_new(NULL);
    GArray *log = g_array_new(FALSE, FALSE, sizeof(pdf_tag_record));
    g_array_set_clear_func(log, pdf_tag_record_clear);
    double o = pdf_trim_offset(ctx);
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
        pdf_hold_stream, held, ctx->geo.page_w + 2 * o, ctx->geo.page_h + 2 * o);
    pdf_set_metadata(ctx, surface);
    cairo_t *cr = cairo_create(surface);
    *total = draw_book(ctx, bk, cr, log);
    pdf_add_outline(surface, bk->marks);
    /* A drawing error puts the context, not the surface, in error. */
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status != CAIRO_STATUS_SUCCESS) {
        imprint_diags_report(ctx->diags, IMPRINT_SEV_ERROR, at, "cannot draw %s: %s", path,
                             cairo_status_to_string(status));
    } else {
        cairo_surface_finish(surface);
        status = cairo_surface_status(surface);
        if (status != CAIRO_STATUS_SUCCESS)
            imprint_diags_report(ctx->diags, IMPRINT_SEV_ERROR, at, "cannot write %s: %s", path,
                                 cairo_status_to_string(status));
    }
    cairo_surface_destroy(surface);
    GString *why = g_string_new(NULL);
    if (status == CAIRO_STATUS_SUCCESS && !pdf_finish(ctx, held, log, why)) {
        imprint_diags_report(ctx->diags, IMPRINT_SEV_ERROR, at,
                             "cannot write the languages, artifacts and boxes into %s: %s is "
                             "not as Cairo 1.16 writes it",
                             path, why->str);
        status = CAIRO_STATUS_WRITE_ERROR;
    }
    if (status == CAIRO_STATUS_SUCCESS && !imprint_output_append(out, held->str, held->len))
        status = CAIRO_STATUS_WRITE_ERROR;
    g_string_free(why, TRUE);
    g_array_unref(log);
    g_string_free(held, TRUE);
    return imprint_output_commit(out, status == CAIRO_STATUS_SUCCESS, ctx->diags);
}

/* The book's pages in order (NULL for the blank back of the title page),
 * borrowed from `bk`. */
static GPtrArray *book_pages(book *bk)
{
    GPtrArray *all = g_ptr_array_new();
    g_ptr_array_add(all, bk->title);
    if (bk->front == 2)
        g_ptr_array_add(all, NULL);
    g_ptr_array_extend(all, bk->contents, NULL, NULL);
    for (int i = 0; i < bk->narticles; i++)
        g_ptr_array_extend(all, g_ptr_array_index(bk->article_pages, i), NULL, NULL);
    if (bk->witnesses)
        g_ptr_array_extend(all, bk->witnesses, NULL, NULL);
    return all;
}

/* NAME-booklet.pdf when the edition asks for an imposition; without it, or
 * when it fails, NAME.pdf goes too, so that a failed build leaves neither. */
static bool write_imposed(pdf_ctx *ctx, book *bk, const char *path, int *sides)
{
    *sides = 0;
    if (ctx->opts->print.imposition == IMPRINT_IMPOSE_NONE)
        return true;
    char *booklet = imprint_pdf_booklet_path(path);
    GPtrArray *pages = book_pages(bk);
    bool ok = pdf_write_booklet(ctx, pages, booklet, sides);
    g_ptr_array_unref(pages);
    g_free(booklet);
    if (!ok)
        g_unlink(path);
    return ok;
}

struct imprint_pdf_layout {
    pdf_ctx ctx;
    book bk;
    imprint_page_map pages;
    bool written;
};

void imprint_pdf_layout_free(imprint_pdf_layout *l)
{
    if (!l)
        return;
    pdf_page_map_clear(&l->pages);
    book_clear(&l->bk);
    pdf_ctx_clear(&l->ctx);
    g_free(l);
}

imprint_pdf_layout *imprint_pdf_lay_out(const imprint_doc *doc, const imprint_output_opts *opts,
                                        imprint_diags *diags)
{
    imprint_pdf_layout *l = g_new0(imprint_pdf_layout, 1);
    pdf_ctx *ctx = &l->ctx;
    ctx->doc = doc;
    ctx->opts = opts;
    ctx->style = opts->style;
    ctx->diags = diags;
    ctx->notes_mode = opts->notes;
    l->bk = (book){
        .marks = g_ptr_array_new_with_free_func(mark_free),
        .flows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref),
        .labels = g_ptr_array_new_with_free_func(g_free),
        .article_pages = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref),
    };
    if (!pdf_geometry_make(opts, &ctx->geo, diags) || !pdf_ctx_init(ctx, opts->data_dir, diags))
        goto fail;
    if (!lay_out_articles(ctx, &l->bk) ||
        !lay_out_contents(ctx, &l->bk, (imprint_pos){opts->edition_path, 0, 0}))
        goto fail;
    lay_out_witnesses(ctx, &l->bk);
    number_book(ctx, &l->bk);
    pdf_page_map_make(ctx, l->bk.front, l->bk.contents, l->bk.article_pages, l->bk.witnesses,
                      &l->pages);
    return l;

fail:
    imprint_pdf_layout_free(l);
    return NULL;
}

const imprint_page_map *imprint_pdf_layout_pages(const imprint_pdf_layout *l)
{
    return &l->pages;
}

bool imprint_pdf_layout_write(imprint_pdf_layout *l, const char *path, imprint_diags *diags,
                              imprint_pdf_stats *stats)
{
    int total = 0;
    /* Drawing shows the layouts as they are; a second drawing would report
     * the missing characters twice. */
    g_return_val_if_fail(!l->written, false);
    l->written = true;
    l->ctx.diags = diags;
    int sides = 0;
    if (!write_book(&l->ctx, &l->bk, path, &total) || !write_imposed(&l->ctx, &l->bk, path, &sides))
        return false;
    pdf_report_missing(&l->ctx);
    if (stats) {
        stats->pages = total;
        stats->passes = l->bk.passes;
        stats->split_notes = l->bk.split_notes;
        stats->overflows = l->ctx.overflows;
        stats->sheet_sides = sides;
    }
    return true;
}

bool imprint_pdf_write(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags, imprint_pdf_stats *stats)
{
    imprint_pdf_layout *l = imprint_pdf_lay_out(doc, opts, diags);
    bool ok = l && imprint_pdf_layout_write(l, path, diags, stats);
    imprint_pdf_layout_free(l);
    return ok;
}

bool imprint_write_pdf(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags)
{
    return imprint_pdf_write(doc, opts, path, diags, NULL);
}
