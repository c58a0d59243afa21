#include "write/epub/epub.h"

/*
 * An article too long for one content document is written in several, one
 * per chapter (its top-level headings of the highest level): readers built
 * on Adobe's RMSDK open no content document over 300 KB, and the others
 * page through a long one slowly. A note goes in the part that first refers
 * to it (pop-ups want the note after its reference, in the same file), so
 * each reference and back-link links to the file of its other end.
 */

/* The bytes of text under `n`. */
static size_t text_bytes(const imprint_node *n)
{
    if (n->kind == IMPRINT_NODE_TEXT)
        return n->as.text.len;
    size_t sum = 0;
    for (const imprint_node *c = n->first_child; c; c = c->next)
        sum += text_bytes(c);
    return sum;
}

static size_t article_bytes(const imprint_node *article)
{
    size_t sum = text_bytes(article);
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note)
        sum += text_bytes(n);
    return sum;
}

/* The highest level of the article's own headings, 0 if it has none. */
static int chapter_level(const imprint_node *article)
{
    int level = 0;
    for (const imprint_node *c = article->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_HEADING && (level == 0 || c->as.heading.level < level))
            level = c->as.heading.level;
    return level;
}

/* Notes every reference under `n` as in part `k`. */
static void place_refs(GHashTable *part_of, const imprint_node *n, size_t k)
{
    if (n->kind == IMPRINT_NODE_NOTEREF)
        g_hash_table_insert(part_of, (gpointer)n, GSIZE_TO_POINTER(k + 1));
    for (const imprint_node *c = n->first_child; c; c = c->next)
        place_refs(part_of, c, k);
}

/* Each note in the part of its first reference (the last part when nothing
 * refers to it), then the references inside notes in their note's part. */
static void place_notes(imprint_epub_parts *p, const imprint_node *article)
{
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note) {
        gpointer at =
            n->as.note.first_ref ? g_hash_table_lookup(p->part_of, n->as.note.first_ref) : NULL;
        g_hash_table_insert(p->part_of, (gpointer)n, at ? at : GSIZE_TO_POINTER(p->count));
    }
    for (const imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note)
        for (const imprint_node *c = n->first_child; c; c = c->next)
            place_refs(p->part_of, c, imprint_epub_part_of(p, n));
}

void imprint_epub_parts_plan(imprint_epub_parts *p, const imprint_node *article, size_t index)
{
    *p = (imprint_epub_parts){0};
    GPtrArray *first = g_ptr_array_new();
    g_ptr_array_add(first, article->first_child);
    int level = article_bytes(article) > IMPRINT_EPUB_PART_TEXT_BYTES ? chapter_level(article) : 0;
    for (const imprint_node *c = article->first_child; c && level; c = c->next)
        /* a chapter that opens the article shares the file of its opening */
        if (c != article->first_child && c->kind == IMPRINT_NODE_HEADING &&
            c->as.heading.level == level)
            g_ptr_array_add(first, (gpointer)c);
    p->count = first->len;
    g_ptr_array_add(first, NULL);
    p->first = (const imprint_node **)g_ptr_array_free(first, FALSE);
    p->href = g_new0(char *, p->count);
    p->part_of = g_hash_table_new(NULL, NULL);
    for (size_t k = 0; k < p->count; k++) {
        p->href[k] = k == 0 ? imprint_epub_article_href(index)
                            : g_strdup_printf("a%03zu-%zu.xhtml", index + 1, k + 1);
        for (const imprint_node *c = p->first[k]; c && c != p->first[k + 1]; c = c->next)
            place_refs(p->part_of, c, k);
    }
    place_notes(p, article);
}

size_t imprint_epub_part_of(const imprint_epub_parts *p, const imprint_node *n)
{
    gpointer at = p && p->part_of ? g_hash_table_lookup(p->part_of, n) : NULL;
    return at ? GPOINTER_TO_SIZE(at) - 1 : 0;
}

const char *imprint_epub_part_link(const imprint_epub *e, const imprint_node *n)
{
    if (!e->parts || e->parts->count < 2)
        return "";
    size_t k = imprint_epub_part_of(e->parts, n);
    return k == e->part ? "" : e->parts->href[k];
}

void imprint_epub_parts_clear(imprint_epub_parts *p)
{
    if (!p)
        return;
    for (size_t k = 0; p->href && k < p->count; k++)
        g_free(p->href[k]);
    g_free(p->href);
    g_free(p->first);
    if (p->part_of)
        g_hash_table_destroy(p->part_of);
    *p = (imprint_epub_parts){0};
}
