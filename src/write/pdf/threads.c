/* Articles laid out side by side. Each thread has a context of its own (font
 * map, Pango context, paragraphs, notes, messages), because Pango font maps
 * are not made to be shared between threads; what the threads made is handed
 * to the build's context afterwards, article by article in order, so the
 * pages, the messages and the bytes are those of a one-thread build. */
#include "write/pdf/pdf_internal.h"

#include "model/parallel.h"

typedef struct {
    pdf_laid *arts;
    pdf_ctx **ctxs; /* one a worker */
} run;

static void lay_out_one(void *data, unsigned worker, unsigned i)
{
    run *r = data;
    pdf_ctx *ctx = r->ctxs[worker];
    ctx->diags = r->arts[i].diags;
    pdf_lay_out(ctx, &r->arts[i]);
}

/* A thread's context: the build's settings, a font map of its own, and the
 * build's hyphenators (resolved beforehand, only read). */
static pdf_ctx *helper_new(pdf_ctx *ctx)
{
    pdf_ctx *h = g_new0(pdf_ctx, 1);
    h->doc = ctx->doc;
    h->opts = ctx->opts;
    h->style = ctx->style;
    h->geo = ctx->geo;
    h->notes_mode = ctx->notes_mode;
    if (!pdf_ctx_init(h, ctx->opts->data_dir, ctx->diags)) {
        pdf_ctx_clear(h);
        g_free(h);
        return NULL;
    }
    g_hash_table_unref(h->hyphenators);
    h->hyphenators = g_hash_table_ref(ctx->hyphenators);
    return h;
}

static void helper_free(gpointer p)
{
    pdf_ctx_clear(p);
    g_free(p);
}

/* Moves every entry of `from` into `to`. */
static void steal_all(GHashTable *from, GHashTable *to)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, from);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        g_hash_table_iter_steal(&it);
        g_hash_table_insert(to, key, value);
    }
}

/* Hands what a thread made to the build's context; the thread's context
 * stays alive (in ctx->helpers) as long as its layouts are. */
static void hand_over(pdf_ctx *ctx, pdf_ctx *h)
{
    g_ptr_array_extend_and_steal(ctx->paras, h->paras);
    h->paras = NULL;
    g_ptr_array_extend_and_steal(ctx->items, h->items);
    h->items = NULL;
    steal_all(h->note_flows, ctx->note_flows);
    steal_all(h->note_ids, ctx->note_ids);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, h->missing);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_hash_table_add(ctx->missing, key);
    ctx->overflows += h->overflows;
    h->diags = NULL;
}

bool pdf_lay_out_parallel(pdf_ctx *ctx, pdf_laid *arts, int n, unsigned threads)
{
    /* The hyphenators first, in article order, each message with the
     * article that asks first, where a one-thread layout reports it. */
    imprint_diags *own = ctx->diags;
    for (int i = 0; i < n; i++) {
        const imprint_node *a = arts[i].article;
        ctx->diags = arts[i].diags;
        pdf_hyphenator(ctx, a->as.article.lang ? a->as.article.lang : ctx->opts->meta.language,
                       a->pos);
    }
    ctx->diags = own;
    unsigned count = MIN(threads, (unsigned)n);
    pdf_ctx **ctxs = g_new0(pdf_ctx *, count);
    bool ok = true;
    if (!ctx->helpers)
        ctx->helpers = g_ptr_array_new_with_free_func(helper_free);
    for (unsigned t = 0; t < count && ok; t++) {
        ctxs[t] = helper_new(ctx);
        ok = ctxs[t] != NULL;
        if (ok)
            g_ptr_array_add(ctx->helpers, ctxs[t]);
    }
    if (ok) {
        run r = {arts, ctxs};
        imprint_parallel_run((unsigned)n, count, lay_out_one, &r);
        for (unsigned t = 0; t < count; t++)
            hand_over(ctx, ctxs[t]);
    }
    g_free(ctxs);
    return ok;
}
