#include "imprint/pdf.h"
#include "imprint/writer.h"

#include <string.h>

#include "write/pdf/pdf_internal.h"

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
    return imprint_output_append(closure, data, len) ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
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

static void draw_pages(pdf_ctx *ctx, cairo_t *cr, GPtrArray *pages)
{
    for (guint i = 0; i < pages->len; i++) {
        pdf_draw_page(ctx, cr, g_ptr_array_index(pages, i));
        cairo_show_page(cr);
    }
}

bool imprint_pdf_write(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags, imprint_pdf_stats *stats)
{
    bool ok = false;
    pdf_ctx ctx = {0};
    ctx.doc = doc;
    ctx.opts = opts;
    ctx.style = opts->style;
    ctx.diags = diags;
    ctx.notes_mode = opts->notes;
    GPtrArray *marks = g_ptr_array_new_with_free_func(mark_free);
    GPtrArray *flows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *labels = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *article_pages = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *contents = NULL;
    int *starts = NULL;
    imprint_output *out = NULL;
    pdf_page *title = NULL;
    cairo_surface_t *surface = NULL;
    cairo_t *cr = NULL;
    imprint_pos at = {path, 0, 0};
    int split_notes = 0;

    if (!pdf_geometry_make(opts, &ctx.geo, diags))
        goto cleanup;
    if (!pdf_ctx_init(&ctx, opts->data_dir, diags))
        goto cleanup;

    int narticles = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next, narticles++) {
        GPtrArray *flow = pdf_flow_article(&ctx, a, narticles, marks);
        if (ctx.notes_mode == IMPRINT_NOTES_PAGE)
            attach_loose_notes(&ctx, a, flow);
        g_ptr_array_add(flows, flow);
        char *label = imprint_article_label(a);
        g_ptr_array_add(labels, label);
        GPtrArray *pages = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_page_free);
        pdf_paginate(&ctx, flow, narticles, label, pages, &split_notes);
        g_ptr_array_add(article_pages, pages);
    }

    /* Front matter: title page, its blank back when two-sided, contents.
     * The contents' length moves the articles, so lay it out until the page
     * numbers it shows are the ones the articles get. */
    int front = ctx.geo.two_sided ? 2 : 1;
    int ncontents = 1, passes = 0;
    bool stable = false;
    starts = g_new0(int, narticles > 0 ? narticles : 1);
    while (!stable && passes < IMPRINT_PDF_MAX_PASSES) {
        passes++;
        int p = front + ncontents + 1;
        for (int i = 0; i < narticles; i++) {
            starts[i] = p;
            p += (int)((GPtrArray *)g_ptr_array_index(article_pages, i))->len;
        }
        if (contents)
            g_ptr_array_unref(contents);
        contents = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_page_free);
        GPtrArray *flow = pdf_flow_contents(&ctx, starts);
        pdf_paginate(&ctx, flow, -1, "Contents", contents, &split_notes);
        g_ptr_array_unref(flow);
        stable = (int)contents->len == ncontents;
        ncontents = (int)contents->len;
    }
    if (!stable) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, at,
                             "the contents' page numbers did not settle after %d layout passes",
                             IMPRINT_PDF_MAX_PASSES);
        goto cleanup;
    }

    int next = 1 + front;
    number_pages(&ctx, contents, &next);
    for (int i = 0; i < narticles; i++)
        number_pages(&ctx, g_ptr_array_index(article_pages, i), &next);
    title = pdf_title_page(&ctx);

    out = imprint_output_open(path, diags);
    if (!out)
        goto cleanup;
    surface =
        cairo_pdf_surface_create_for_stream(write_stream, out, ctx.geo.page_w, ctx.geo.page_h);
    pdf_set_metadata(&ctx, surface);
    cr = cairo_create(surface);
    /* Cairo 1.16 leaves link annotations pointing into a structure tree it
     * never writes unless the content sits in a structure element: the file
     * would be damaged. A Document element makes the tree complete. */
    cairo_tag_begin(cr, "Document", NULL);
    pdf_draw_page(&ctx, cr, title);
    cairo_show_page(cr);
    if (front == 2)
        cairo_show_page(cr);
    draw_pages(&ctx, cr, contents);
    int total = front + (int)contents->len;
    for (int i = 0; i < narticles; i++) {
        GPtrArray *pages = g_ptr_array_index(article_pages, i);
        draw_pages(&ctx, cr, pages);
        total += (int)pages->len;
    }
    cairo_tag_end(cr, "Document");
    pdf_add_outline(surface, marks);
    /* A drawing error puts the context, not the surface, in error. */
    cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cr = NULL;
    if (drawn != CAIRO_STATUS_SUCCESS) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, at, "cannot draw %s: %s", path,
                             cairo_status_to_string(drawn));
        goto cleanup;
    }
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, at, "cannot write %s: %s", path,
                             cairo_status_to_string(status));
        goto cleanup;
    }
    cairo_surface_destroy(surface);
    surface = NULL;
    ok = imprint_output_commit(out, true, diags);
    out = NULL;
    if (!ok)
        goto cleanup;
    pdf_report_missing(&ctx);
    if (stats) {
        stats->pages = total;
        stats->passes = passes;
        stats->split_notes = split_notes;
        stats->overflows = ctx.overflows;
    }

cleanup:
    if (cr)
        cairo_destroy(cr);
    if (surface)
        cairo_surface_destroy(surface); /* may still write into `out` */
    imprint_output_commit(out, false, diags); /* removes the temporary, if any */
    g_free(starts);
    pdf_page_free(title);
    if (contents)
        g_ptr_array_unref(contents);
    g_ptr_array_unref(article_pages);
    g_ptr_array_unref(labels);
    g_ptr_array_unref(flows);
    g_ptr_array_unref(marks);
    pdf_ctx_clear(&ctx);
    return ok;
}

bool imprint_write_pdf(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags)
{
    return imprint_pdf_write(doc, opts, path, diags, NULL);
}
