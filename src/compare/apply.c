/* What an edition does with the copies of a text: reports them, names each
 * a witness of the other, and keeps the fuller one or fails when asked. */
#include "compare/compare_internal.h"

#include <string.h>

/* How much an article holds, to pick the fuller of two copies. */
typedef struct {
    size_t words, notes, links, headings;
} fullness;

static fullness measure(const imprint_node *article)
{
    fullness f = {0};
    guint n = 0;
    g_free(cmp_word_hashes(article, &n));
    f.words = n;
    f.notes = (size_t)article->as.article.note_count;
    imprint_iter it;
    imprint_iter_init(&it, article);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        if (it.event != IMPRINT_EVENT_ENTER)
            continue;
        f.links += it.node->kind == IMPRINT_NODE_LINK;
        f.headings += it.node->kind == IMPRINT_NODE_HEADING;
    }
    return f;
}

/* Whether `a` is fuller than `b` (ties: neither). */
static bool fuller(const fullness *a, const fullness *b)
{
    if (a->words != b->words)
        return a->words > b->words;
    if (a->notes != b->notes)
        return a->notes > b->notes;
    if (a->links != b->links)
        return a->links > b->links;
    return a->headings > b->headings;
}

static imprint_witness witness_of(const imprint_node *a, const imprint_dup_pair *p, bool dropped)
{
    return (imprint_witness){
        .file = cmp_article_file(a),
        .line = cmp_article_line(a),
        .url = a->as.article.source_url,
        .title = a->as.article.title,
        .overlap = p->overlap,
        .same = p->same,
        .dropped = dropped,
    };
}

/* Union-find over the document's articles: copies of copies are one group. */
static guint find_root(guint *parent, guint x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

typedef struct {
    GHashTable *index; /* article → its position in the document */
    guint *parent;
    guint n;
    const imprint_node **articles;
} groups;

static void groups_init(groups *g, imprint_doc *doc, const imprint_dups *d)
{
    g->index = g_hash_table_new(g_direct_hash, g_direct_equal);
    g->n = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next)
        g_hash_table_insert(g->index, (gpointer)a, GUINT_TO_POINTER(g->n++));
    g->parent = g_new(guint, g->n ? g->n : 1);
    g->articles = g_new(const imprint_node *, g->n ? g->n : 1);
    guint i = 0;
    for (const imprint_node *a = doc->root->first_child; a; a = a->next, i++) {
        g->parent[i] = i;
        g->articles[i] = a;
    }
    for (size_t k = 0; k < d->npairs; k++) {
        const imprint_dup_pair *p = &d->pairs[k];
        guint x = find_root(g->parent, GPOINTER_TO_UINT(g_hash_table_lookup(g->index, p->first)));
        guint y = find_root(g->parent, GPOINTER_TO_UINT(g_hash_table_lookup(g->index, p->second)));
        if (x != y)
            g->parent[MAX(x, y)] = MIN(x, y);
    }
}

static void groups_clear(groups *g)
{
    g_hash_table_destroy(g->index);
    g_free(g->parent);
    g_free(g->articles);
}

/* The fullest article of each group, by group root (the earliest on a tie:
 * the root is the group's first article). `f` gets each grouped article's
 * fullness. */
static guint *keepers(groups *g, const imprint_dups *d, fullness *f)
{
    guint *keep = g_new(guint, g->n ? g->n : 1);
    bool *grouped = g_new0(bool, g->n ? g->n : 1);
    for (guint i = 0; i < g->n; i++)
        keep[i] = i;
    for (size_t k = 0; k < d->npairs; k++) {
        grouped[GPOINTER_TO_UINT(g_hash_table_lookup(g->index, d->pairs[k].first))] = true;
        grouped[GPOINTER_TO_UINT(g_hash_table_lookup(g->index, d->pairs[k].second))] = true;
    }
    for (guint i = 0; i < g->n; i++)
        if (grouped[i])
            f[i] = measure(g->articles[i]);
    for (guint i = 0; i < g->n; i++) {
        guint r = find_root(g->parent, i);
        if (grouped[i] && i != r && fuller(&f[i], &f[keep[r]]))
            keep[r] = i;
    }
    g_free(grouped);
    return keep;
}

/* The pairs by their two articles' indices (earlier << 32 | later), and
 * each article's first pair: to name a dropped copy's pair with the one
 * kept in constant time. */
typedef struct {
    GHashTable *by_pair; /* guint64 * key → const imprint_dup_pair * */
    guint64 *keys;
    const imprint_dup_pair **any; /* by article index */
} pair_lookup;

static void lookup_init(pair_lookup *l, const groups *g, const imprint_dups *d)
{
    l->by_pair = g_hash_table_new(g_int64_hash, g_int64_equal);
    l->keys = g_new(guint64, d->npairs ? d->npairs : 1);
    l->any = g_new0(const imprint_dup_pair *, g->n ? g->n : 1);
    for (size_t k = 0; k < d->npairs; k++) {
        const imprint_dup_pair *p = &d->pairs[k];
        guint a = GPOINTER_TO_UINT(g_hash_table_lookup(g->index, p->first));
        guint b = GPOINTER_TO_UINT(g_hash_table_lookup(g->index, p->second));
        l->keys[k] = (guint64)MIN(a, b) << 32 | MAX(a, b);
        g_hash_table_insert(l->by_pair, &l->keys[k], (gpointer)p);
        if (!l->any[a])
            l->any[a] = p;
        if (!l->any[b])
            l->any[b] = p;
    }
}

static void lookup_clear(pair_lookup *l)
{
    g_hash_table_destroy(l->by_pair);
    g_free(l->keys);
    g_free(l->any);
}

/* The pair that joins articles a and b, else any pair of a's. */
static const imprint_dup_pair *pair_of(const pair_lookup *l, guint a, guint b)
{
    guint64 key = (guint64)MIN(a, b) << 32 | MAX(a, b);
    const imprint_dup_pair *p = g_hash_table_lookup(l->by_pair, &key);
    return p ? p : l->any[a];
}

static void keep_fuller(imprint_doc *doc, const imprint_dups *d, imprint_diags *diags)
{
    groups g;
    groups_init(&g, doc, d);
    fullness *f = g_new0(fullness, g.n ? g.n : 1);
    guint *keep = keepers(&g, d, f);
    pair_lookup pairs;
    lookup_init(&pairs, &g, d);
    for (guint i = 0; i < g.n; i++) {
        guint k = keep[find_root(g.parent, i)];
        if (k == i)
            continue;
        const imprint_node *drop = g.articles[i], *kept = g.articles[k];
        const imprint_dup_pair *p = pair_of(&pairs, i, k);
        imprint_witness w = witness_of(drop, p, true);
        imprint_article_add_witness(doc, (imprint_node *)kept, &w);
        char *label = cmp_article_label(kept);
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, cmp_article_pos(drop),
                             "dropped from the edition (duplicates: keep-fuller); kept: %s:%u "
                             "\"%s\", %zu words against this copy's %zu",
                             cmp_article_file(kept), cmp_article_line(kept), label, f[k].words,
                             f[i].words);
        g_free(label);
        imprint_node_unlink((imprint_node *)drop);
    }
    lookup_clear(&pairs);
    g_free(keep);
    g_free(f);
    groups_clear(&g);
}

bool imprint_compare_apply(imprint_doc *doc, imprint_duplicates_mode mode, const char *edition,
                           imprint_diags *diags)
{
    imprint_dups *d = imprint_compare_find(doc);
    size_t copies = d->npairs;
    imprint_compare_report(
        d, mode == IMPRINT_DUPLICATES_ERROR ? IMPRINT_SEV_ERROR : IMPRINT_SEV_WARNING, diags);
    bool ok = true;
    if (mode == IMPRINT_DUPLICATES_ERROR && copies) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){edition, 0, 0},
                             "copies of one text found (%zu pair%s) and the edition says "
                             "'duplicates: error' (leave a copy out, or write 'duplicates: "
                             "keep-fuller' or 'duplicates: warn')",
                             copies, copies == 1 ? "" : "s");
        ok = false;
    } else if (mode == IMPRINT_DUPLICATES_KEEP_FULLER) {
        keep_fuller(doc, d, diags);
    } else if (mode == IMPRINT_DUPLICATES_WARN) {
        for (size_t k = 0; k < d->npairs; k++) {
            const imprint_dup_pair *p = &d->pairs[k];
            imprint_witness a = witness_of(p->second, p, false);
            imprint_witness b = witness_of(p->first, p, false);
            imprint_article_add_witness(doc, (imprint_node *)p->first, &a);
            imprint_article_add_witness(doc, (imprint_node *)p->second, &b);
        }
    }
    imprint_dups_free(d);
    return ok;
}
