/* Finding the articles that share their text: a shingle index, so that the
 * work grows with the text and not with the square of the articles. */
#include "compare/compare_internal.h"

#include <string.h>

/* An article in the index: its words' hashes (the words themselves are
 * not kept: 8 bytes a word) and its distinct shingles. */
typedef struct {
    const imprint_node *article;
    GArray *hashes;   /* guint64: each word's, in order */
    GArray *shingles; /* guint64, sorted, distinct */
    guint64 whole;    /* hash of every word in order */
} entry;

/* One article holding a shingle, chained to the earlier ones that hold it. */
typedef struct {
    guint64 hash;
    guint32 article;
    guint32 next; /* index + 1 of the posting of the previous article; 0: none */
} posting;

/* The articles holding one shingle: the latest posting and how many. */
typedef struct {
    guint32 head;
    guint32 count;
} chain;

typedef struct {
    guint32 first, second; /* article indices */
    imprint_dup_pair pair;
} found;

static bool same_words(const entry *a, const entry *b)
{
    return a->whole == b->whole && a->hashes->len == b->hashes->len &&
           memcmp(a->hashes->data, b->hashes->data, a->hashes->len * sizeof(guint64)) == 0;
}

static entry *entries_new(const imprint_doc *doc, guint *n)
{
    *n = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next)
        (*n)++;
    entry *e = g_new0(entry, *n ? *n : 1);
    guint i = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next, i++) {
        cmp_text t;
        cmp_text_init(&t, a);
        e[i].article = a;
        e[i].shingles = cmp_shingles(&t);
        e[i].hashes = g_array_sized_new(FALSE, FALSE, sizeof(guint64), t.words->len);
        for (guint k = 0; k < t.words->len; k++)
            g_array_append_val(e[i].hashes, g_array_index(t.words, cmp_word, k).hash);
        e[i].whole =
            cmp_hash_bytes(CMP_HASH_START, e[i].hashes->data, e[i].hashes->len * sizeof(guint64));
        cmp_text_clear(&t);
    }
    return e;
}

static void entries_free(entry *e, guint n)
{
    for (guint i = 0; i < n; i++) {
        g_array_unref(e[i].hashes);
        g_array_unref(e[i].shingles);
    }
    g_free(e);
}

static gint by_whole(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const entry *e = data;
    guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;
    if (e[a].whole != e[b].whole)
        return e[a].whole < e[b].whole ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* The same text: articles of at least a shingle's words with equal words,
 * grouped by the hash of all their words. */
static void find_same(entry *e, guint n, GArray *out)
{
    GArray *order = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint32 i = 0; i < n; i++)
        if (e[i].hashes->len >= IMPRINT_DUP_SHINGLE_WORDS)
            g_array_append_val(order, i);
    g_array_sort_with_data(order, by_whole, e);
    for (guint s = 0; s < order->len;) {
        guint end = s + 1;
        while (end < order->len && e[g_array_index(order, guint32, end)].whole ==
                                       e[g_array_index(order, guint32, s)].whole)
            end++;
        for (guint x = s; x < end; x++)
            for (guint y = x + 1; y < end; y++) {
                guint32 a = g_array_index(order, guint32, x), b = g_array_index(order, guint32, y);
                if (!same_words(&e[a], &e[b]))
                    continue;
                found f = {a, b, {e[a].article, e[b].article, true, 100}};
                g_array_append_val(out, f);
            }
        s = end;
    }
    g_array_unref(order);
}

static void judge(entry *e, guint32 j, guint32 i, guint32 shared, GArray *out)
{
    if (shared < DUP_MIN_SHARED || same_words(&e[i], &e[j]))
        return;
    guint larger = MAX(e[i].shingles->len, e[j].shingles->len);
    int overlap = (int)((guint64)shared * 100 / larger);
    if (overlap < DUP_VARIANT_OVERLAP)
        return;
    found f = {j, i, {e[j].article, e[i].article, false, overlap}};
    g_array_append_val(out, f);
}

typedef struct {
    GHashTable *index; /* &posting.hash → chain * */
    posting *postings;
    chain *chains;
    guint np, nc;
} shingle_index;

/* First pass: how many articles hold each shingle. */
static void count_sharers(shingle_index *ix, entry *e, guint n)
{
    for (guint32 i = 0; i < n; i++)
        for (guint k = 0; k < e[i].shingles->len; k++) {
            guint64 *h = &g_array_index(e[i].shingles, guint64, k);
            chain *c = g_hash_table_lookup(ix->index, h);
            if (!c) {
                c = &ix->chains[ix->nc++];
                g_hash_table_insert(ix->index, h, c);
            }
            c->count++;
        }
}

/* Second pass: each article against the earlier ones that share a shingle
 * with it, counted through the chains. */
static void find_variants(shingle_index *ix, entry *e, guint n, imprint_dups *d, GArray *out)
{
    guint32 *shared = g_new0(guint32, n ? n : 1);
    GArray *touched = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint32 i = 0; i < n; i++) {
        for (guint k = 0; k < e[i].shingles->len; k++) {
            guint64 *h = &g_array_index(e[i].shingles, guint64, k);
            chain *c = g_hash_table_lookup(ix->index, h);
            if (c->count > DUP_MAX_SHARERS)
                continue;
            for (guint32 p = c->head; p; p = ix->postings[p - 1].next) {
                guint32 j = ix->postings[p - 1].article;
                d->visits++;
                if (shared[j]++ == 0)
                    g_array_append_val(touched, j);
            }
            ix->postings[ix->np] = (posting){*h, i, c->head};
            c->head = ++ix->np;
        }
        for (guint t = 0; t < touched->len; t++) {
            guint32 j = g_array_index(touched, guint32, t);
            d->candidates++;
            judge(e, j, i, shared[j], out);
            shared[j] = 0;
        }
        g_array_set_size(touched, 0);
    }
    g_array_unref(touched);
    g_free(shared);
}

static gint by_place(gconstpointer pa, gconstpointer pb)
{
    const found *a = pa, *b = pb;
    if (a->second != b->second)
        return a->second < b->second ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

imprint_dups *imprint_compare_find(const imprint_doc *doc)
{
    imprint_dups *d = g_new0(imprint_dups, 1);
    guint n;
    entry *e = entries_new(doc, &n);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(found));
    find_same(e, n, out);

    size_t total = 0;
    for (guint i = 0; i < n; i++)
        total += e[i].shingles->len;
    shingle_index ix = {
        .index = g_hash_table_new(g_int64_hash, g_int64_equal),
        .postings = g_new(posting, total ? total : 1),
        .chains = g_new0(chain, total ? total : 1),
    };
    count_sharers(&ix, e, n);
    find_variants(&ix, e, n, d, out);
    g_hash_table_destroy(ix.index);
    g_free(ix.postings);
    g_free(ix.chains);

    g_array_sort(out, by_place);
    d->npairs = out->len;
    d->pairs = g_new(imprint_dup_pair, out->len ? out->len : 1);
    for (guint k = 0; k < out->len; k++)
        d->pairs[k] = g_array_index(out, found, k).pair;
    g_array_unref(out);
    entries_free(e, n);
    return d;
}

void imprint_dups_free(imprint_dups *d)
{
    if (!d)
        return;
    g_free(d->pairs);
    g_free(d);
}

static void report_pair(const imprint_dup_pair *p, imprint_severity sev, imprint_diags *diags)
{
    imprint_pos at = cmp_article_pos(p->second);
    char *label = cmp_article_label(p->first);
    const char *file = cmp_article_file(p->first);
    unsigned line = cmp_article_line(p->first);
    if (p->same) {
        imprint_diags_report(diags, sev, at, "same text as %s:%u \"%s\"", file, line, label);
    } else {
        cmp_side sides[2];
        cmp_differences(p->second, p->first, sides);
        char *mine = cmp_side_summary(&sides[0]), *theirs = cmp_side_summary(&sides[1]);
        imprint_diags_report(diags, sev, at,
                             "variant of %s:%u \"%s\" (%d%% of the text shared): this copy has "
                             "%s the other lacks; the other has %s this one lacks",
                             file, line, label, p->overlap, mine ? mine : "nothing",
                             theirs ? theirs : "nothing");
        cmp_side_report(&sides[0], diags);
        cmp_side_report(&sides[1], diags);
        g_free(mine);
        g_free(theirs);
        cmp_side_clear(&sides[0]);
        cmp_side_clear(&sides[1]);
    }
    g_free(label);
}

void imprint_compare_report(const imprint_dups *dups, imprint_severity sev, imprint_diags *diags)
{
    for (size_t k = 0; k < dups->npairs; k++)
        report_pair(&dups->pairs[k], sev, diags);
}
