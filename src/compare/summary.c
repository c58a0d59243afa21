/* What each copy of a variant has that the other lacks: headings,
 * paragraphs, links and notes, each at its line, so that an editor can see
 * which copy to keep and what to carry over. */
#include "compare/compare_internal.h"

#include <string.h>

/* One copy's parts, to look the other's up in. */
typedef struct {
    cmp_text text;
    GArray *shingles;     /* sorted */
    GHashTable *blocks;   /* hash of a block's words → itself (every kind) */
    GHashTable *headings; /* the same, headings only */
    GHashTable *urls;     /* link targets */
} copy;

static guint64 run_hash(const cmp_text *t, guint from, guint to)
{
    guint64 h = CMP_HASH_START;
    for (guint i = from; i < to; i++)
        h = cmp_hash_bytes(h, &g_array_index(t->words, cmp_word, i).hash, sizeof(guint64));
    return h;
}

/* Calls `fn` for each run of words of one block: [from, to). */
typedef void (*block_fn)(copy *c, const cmp_word *w, guint from, guint to, void *data);

static void each_block(copy *c, block_fn fn, void *data)
{
    guint n = c->text.words->len;
    for (guint s = 0; s < n;) {
        const cmp_word *w = &g_array_index(c->text.words, cmp_word, s);
        guint e = s + 1;
        while (e < n && g_array_index(c->text.words, cmp_word, e).block == w->block)
            e++;
        fn(c, w, s, e, data);
        s = e;
    }
}

static void index_block(copy *c, const cmp_word *w, guint from, guint to, void *data)
{
    (void)data;
    guint64 *h = g_new(guint64, 1);
    *h = run_hash(&c->text, from, to);
    if (w->block->kind == IMPRINT_NODE_HEADING)
        g_hash_table_add(c->headings, g_memdup2(h, sizeof *h));
    g_hash_table_add(c->blocks, h);
}

static void copy_init(copy *c, const imprint_node *article)
{
    cmp_text_init(&c->text, article);
    c->shingles = cmp_shingles(&c->text);
    c->blocks = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    c->headings = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    c->urls = g_hash_table_new(g_str_hash, g_str_equal);
    each_block(c, index_block, NULL);
    imprint_iter it;
    imprint_iter_init(&it, article);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_LINK &&
            it.node->as.link.url)
            g_hash_table_add(c->urls, (gpointer)it.node->as.link.url);
}

static void copy_clear(copy *c)
{
    cmp_text_clear(&c->text);
    g_array_unref(c->shingles);
    g_hash_table_destroy(c->blocks);
    g_hash_table_destroy(c->headings);
    g_hash_table_destroy(c->urls);
}

/* Whether the words [from, to) of `t` stand in a row in `other`: for blocks
 * too short to have a shingle. Only reported variants get here. */
static bool run_in(const cmp_text *t, guint from, guint to, const cmp_text *other)
{
    guint k = to - from, n = other->words->len;
    for (guint s = 0; s + k <= n; s++) {
        guint i = 0;
        while (i < k && g_array_index(other->words, cmp_word, s + i).hash ==
                            g_array_index(t->words, cmp_word, from + i).hash)
            i++;
        if (i == k)
            return true;
    }
    return false;
}

static bool block_present(const copy *c, guint from, guint to, const copy *other)
{
    if (to - from < IMPRINT_DUP_SHINGLE_WORDS)
        return run_in(&c->text, from, to, &other->text);
    guint have = 0, all = 0;
    for (guint i = from; i + IMPRINT_DUP_SHINGLE_WORDS <= to; i++, all++)
        if (cmp_has_shingle(other->shingles,
                            cmp_shingle_hash(&g_array_index(c->text.words, cmp_word, i))))
            have++;
    return (guint64)have * 100 >= (guint64)all * DUP_BLOCK_PRESENT;
}

typedef struct {
    const copy *other;
    const imprint_node *other_article;
    cmp_side *side;
} lookup;

static void add_item(cmp_side *side, cmp_kind kind, imprint_pos pos, char *message)
{
    cmp_item item = {pos, message};
    g_array_append_val(side->items, item);
    side->count[kind]++;
}

static imprint_pos word_pos(const cmp_word *w)
{
    const imprint_node *n = w->block->pos.line ? w->block : w->text;
    return n->pos;
}

static void compare_block(copy *c, const cmp_word *w, guint from, guint to, void *data)
{
    lookup *l = data;
    guint64 h = run_hash(&c->text, from, to);
    bool heading = w->block->kind == IMPRINT_NODE_HEADING;
    if (heading && g_hash_table_contains(l->other->headings, &h))
        return;
    bool present =
        g_hash_table_contains(l->other->blocks, &h) || block_present(c, from, to, l->other);
    if (!heading && present)
        return;
    char *quote = cmp_quote(&c->text, from, to);
    char *msg =
        g_strdup_printf("%s “%s” %s (%s:%u)", heading ? "heading" : "paragraph", quote,
                        present ? "is not a heading in the other copy" : "is not in the other copy",
                        cmp_article_file(l->other_article), cmp_article_line(l->other_article));
    add_item(l->side, heading ? CMP_HEADING : CMP_PARAGRAPH, word_pos(w), msg);
    g_free(quote);
}

static void compare_links(const imprint_node *article, lookup *l)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    imprint_iter it;
    imprint_iter_init(&it, article);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (it.event != IMPRINT_EVENT_ENTER || n->kind != IMPRINT_NODE_LINK || !n->as.link.url ||
            g_hash_table_contains(l->other->urls, n->as.link.url) ||
            !g_hash_table_add(seen, (gpointer)n->as.link.url))
            continue;
        add_item(l->side, CMP_LINK, n->pos,
                 g_strdup_printf("link %s is not in the other copy (%s:%u)", n->as.link.url,
                                 cmp_article_file(l->other_article),
                                 cmp_article_line(l->other_article)));
    }
    g_hash_table_destroy(seen);
}

static void compare_notes(const imprint_node *a, const imprint_node *b, cmp_side *side)
{
    int mine = a->as.article.note_count, theirs = b->as.article.note_count;
    if (mine <= theirs)
        return;
    const imprint_node *first = a->as.article.first_note;
    imprint_pos pos = first && first->pos.line ? first->pos : cmp_article_pos(a);
    add_item(side, CMP_NOTES, pos,
             g_strdup_printf("%d note%s here, %d in the other copy (%s:%u)", mine,
                             mine == 1 ? "" : "s", theirs, cmp_article_file(b),
                             cmp_article_line(b)));
    side->count[CMP_NOTES] = mine - theirs;
}

static void side_init(cmp_side *side, const imprint_node *article)
{
    memset(side, 0, sizeof *side);
    side->article = article;
    side->items = g_array_new(FALSE, FALSE, sizeof(cmp_item));
}

void cmp_differences(const imprint_node *a, const imprint_node *b, cmp_side sides[2])
{
    copy ca, cb;
    copy_init(&ca, a);
    copy_init(&cb, b);
    side_init(&sides[0], a);
    side_init(&sides[1], b);
    lookup la = {&cb, b, &sides[0]}, lb = {&ca, a, &sides[1]};
    each_block(&ca, compare_block, &la);
    each_block(&cb, compare_block, &lb);
    compare_links(a, &la);
    compare_links(b, &lb);
    compare_notes(a, b, &sides[0]);
    compare_notes(b, a, &sides[1]);
    copy_clear(&ca);
    copy_clear(&cb);
}

void cmp_side_clear(cmp_side *side)
{
    if (!side->items)
        return;
    for (guint i = 0; i < side->items->len; i++)
        g_free(g_array_index(side->items, cmp_item, i).message);
    g_array_unref(side->items);
    side->items = NULL;
}

char *cmp_side_summary(const cmp_side *side)
{
    static const char *const names[CMP_KINDS][2] = {
        {"heading", "headings"},
        {"paragraph", "paragraphs"},
        {"link", "links"},
        {"more note", "more notes"},
    };
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    for (int k = 0; k < CMP_KINDS; k++)
        if (side->count[k])
            g_ptr_array_add(
                parts, g_strdup_printf("%d %s", side->count[k], names[k][side->count[k] != 1]));
    char *out = NULL;
    if (parts->len == 1) {
        out = g_strdup(parts->pdata[0]);
    } else if (parts->len > 1) {
        char *last = g_ptr_array_steal_index(parts, parts->len - 1);
        g_ptr_array_add(parts, NULL);
        char *head = g_strjoinv(", ", (char **)parts->pdata);
        out = g_strconcat(head, " and ", last, NULL);
        g_free(head);
        g_free(last);
    }
    g_ptr_array_free(parts, TRUE);
    return out;
}

void cmp_side_report(const cmp_side *side, imprint_diags *diags)
{
    guint n = side->items->len;
    for (guint i = 0; i < n && i < DUP_MAX_DETAILS; i++) {
        const cmp_item *it = &g_array_index(side->items, cmp_item, i);
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, it->pos, "%s", it->message);
    }
    if (n > DUP_MAX_DETAILS)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, cmp_article_pos(side->article),
                             "and %u more difference%s in this copy", n - DUP_MAX_DETAILS,
                             n - DUP_MAX_DETAILS == 1 ? "" : "s");
}
