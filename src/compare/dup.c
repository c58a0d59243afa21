/* Finding the articles that share their text: a shingle index, so that the
 * work grows with the text and not with the square of the articles. */
#include "compare/compare_internal.h"

#include <string.h>

/* An article in the index: its words' hashes (the words themselves are
 * not kept: 8 bytes a word). */
typedef struct {
    const imprint_node *article;
    guint64 *hashes; /* each word's, in order */
    guint nwords;
    guint64 whole;    /* hash of every word in order */
    guint32 distinct; /* its distinct shingles */
    guint32 shingles; /* its shingles, repeats counted */
    bool later_copy;  /* the same text as an earlier article (find_same) */
} entry;

typedef struct {
    guint32 first, second; /* article indices */
    imprint_dup_pair pair;
} found;

static bool same_words(const entry *a, const entry *b)
{
    return a->whole == b->whole && a->nwords == b->nwords &&
           memcmp(a->hashes, b->hashes, a->nwords * sizeof(guint64)) == 0;
}

/* The shingle that starts at word k (as cmp_shingle_hash()). */
static guint64 shingle_at(const entry *e, guint k)
{
    return cmp_shingle_hash_of(e->hashes + k);
}

static entry *entries_new(const imprint_doc *doc, guint *n)
{
    *n = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next)
        (*n)++;
    entry *e = g_new0(entry, *n ? *n : 1);
    guint i = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next, i++) {
        e[i].article = a;
        e[i].hashes = cmp_word_hashes(a, &e[i].nwords);
        e[i].whole = CMP_HASH_START;
        for (guint k = 0; k < e[i].nwords; k++)
            e[i].whole = cmp_hash_mix(e[i].whole, e[i].hashes[k]);
        if (e[i].nwords >= IMPRINT_DUP_SHINGLE_WORDS)
            e[i].shingles = e[i].nwords - IMPRINT_DUP_SHINGLE_WORDS + 1;
    }
    return e;
}

static void entries_free(entry *e, guint n)
{
    for (guint i = 0; i < n; i++)
        g_free(e[i].hashes);
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
 * grouped by the hash of all their words. Each later copy is paired with
 * the group's first only: n copies make n - 1 pairs, not n² / 2 (a
 * hostile source of 10,000 equal stubs must not make 50 million). */
static void find_same(entry *e, guint n, GArray *out)
{
    GArray *order = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint32 i = 0; i < n; i++)
        if (e[i].shingles)
            g_array_append_val(order, i);
    g_array_sort_with_data(order, by_whole, e);
    for (guint s = 0; s < order->len;) {
        guint32 a = g_array_index(order, guint32, s);
        guint end = s + 1;
        for (; end < order->len && e[g_array_index(order, guint32, end)].whole == e[a].whole;
             end++) {
            guint32 b = g_array_index(order, guint32, end);
            if (!same_words(&e[a], &e[b]))
                continue; /* a collision of the hashes: not the same text */
            found f = {a, b, {e[a].article, e[b].article, true, 100}};
            g_array_append_val(out, f);
            e[b].later_copy = true;
        }
        s = end;
    }
    g_array_unref(order);
}

static void judge(entry *e, guint32 j, guint32 i, guint32 shared, GArray *out)
{
    if (shared < DUP_MIN_SHARED || same_words(&e[i], &e[j]))
        return;
    guint larger = MAX(e[i].distinct, e[j].distinct);
    int overlap = (int)((guint64)shared * 100 / larger);
    if (overlap < DUP_VARIANT_OVERLAP)
        return;
    found f = {j, i, {e[j].article, e[i].article, false, overlap}};
    g_array_append_val(out, f);
}

/* Two articles that share shingles, and how many. */
typedef struct {
    guint64 key; /* earlier << 32 | later */
    guint32 shared;
} pair_count;

/* The articles of one run of equal shingles, each once (in document
 * order: the sort is stable), counted in their distinct shingles; each
 * pair of them, when there are at most DUP_MAX_SHARERS, shares one more. */
static void count_run(const cmp_posting *run, size_t len, entry *e, GHashTable *pairs,
                      imprint_dups *d)
{
    guint32 arts[DUP_MAX_SHARERS];
    guint n = 0;
    for (size_t k = 0; k < len; k++)
        if (k == 0 || run[k].article != run[k - 1].article) {
            if (n < DUP_MAX_SHARERS)
                arts[n] = run[k].article;
            n++;
            e[run[k].article].distinct++;
        }
    if (n < 2 || n > DUP_MAX_SHARERS)
        return;
    for (guint x = 0; x < n; x++)
        for (guint y = x + 1; y < n; y++) {
            guint64 key = (guint64)arts[x] << 32 | arts[y];
            d->visits++;
            pair_count *p = g_hash_table_lookup(pairs, &key);
            if (!p) {
                p = g_new0(pair_count, 1);
                p->key = key;
                g_hash_table_add(pairs, p);
            }
            p->shared++;
        }
}

/* Every pair of articles that shares a shingle, with how many: the
 * postings of the whole document sorted by shingle, then read run by run.
 * A later copy of a text stays out: its variants are its first copy's, and
 * n copies of a variant pair would make n² pairs (the corpus repeated 16
 * times spent two thirds of its build here). */
static void find_variants(entry *e, guint n, imprint_dups *d, GArray *out)
{
    size_t total = 0;
    for (guint i = 0; i < n; i++)
        total += e[i].later_copy ? 0 : e[i].shingles;
    cmp_posting *all = g_new(cmp_posting, total ? total : 1);
    size_t m = 0;
    for (guint32 i = 0; i < n; i++)
        for (guint k = 0; k < e[i].shingles && !e[i].later_copy; k++)
            all[m++] = (cmp_posting){shingle_at(&e[i], k), i};
    cmp_index_sort(all, total);
    /* pair_count starts with its key: the table hashes and compares that. */
    GHashTable *pairs = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (size_t s = 0; s < total;) {
        size_t end = s + 1;
        while (end < total && all[end].key == all[s].key)
            end++;
        count_run(all + s, end - s, e, pairs, d);
        s = end;
    }
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, pairs);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        const pair_count *p = key;
        d->candidates++;
        judge(e, (guint32)(p->key >> 32), (guint32)p->key, p->shared, out);
    }
    g_hash_table_destroy(pairs);
    g_free(all);
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

    find_variants(e, n, d, out);
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
