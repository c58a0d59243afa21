/* Where each page begins, in the model's terms (imprint_page_map): what the
 * EPUB's page-break markers need. A page begins with the first item of its
 * body, or of its foot when only notes continue on it. A paragraph's first
 * line begins at its block; any other line at the start of the word it
 * begins in, so that a word broken across two pages keeps its marker before
 * it, whole. Only reads what the layout made. */
#include "write/pdf/pdf_internal.h"

/* The byte of `text` where the word holding byte `i` starts: after the
 * last space (or forced line break) before it, else at 0. */
static int word_start(const char *text, int i)
{
    while (i > 0) {
        const char *prev = g_utf8_find_prev_char(text, text + i);
        if (!prev || g_unichar_isspace(g_utf8_get_char(prev)))
            break;
        i = (int)(prev - text);
    }
    return i;
}

/* The byte of segment `s`'s TEXT node that byte `i` of the paragraph's text
 * stands for. The paragraph holds the node's text with soft hyphens added
 * by hyphenation and unsafe characters replaced one for one (write/chars.h),
 * so the two are walked character by character, skipping the added hyphens. */
static size_t model_offset(const char *ptext, const pdf_segment *s, int i)
{
    const char *p = ptext + s->start, *end = ptext + i;
    const char *m0 = s->text->as.text.text, *m = m0, *mend = m0 + s->text->as.text.len;
    while (p < end && m < mend) {
        bool added = g_utf8_get_char(p) == 0xAD && g_utf8_get_char(m) != 0xAD;
        p = g_utf8_next_char(p);
        if (!added)
            m = g_utf8_next_char(m);
    }
    return (size_t)(m - m0);
}

/* Where line `line` of `p` begins; false when the paragraph shows nothing
 * of the model (an empty note). */
static bool line_start(const pdf_para *p, int line, imprint_page_start *out)
{
    if (!p->node)
        return false;
    out->node = p->node;
    out->at = p->notes_heading ? IMPRINT_PAGE_NOTES : IMPRINT_PAGE_BLOCK;
    if (line == 0 || !p->segments || p->notes_heading)
        return true;
    const char *text = pango_layout_get_text(p->layout);
    int i = word_start(text, pango_layout_get_line_readonly(p->layout, line)->start_index);
    for (guint k = 0; k < p->segments->len; k++) {
        const pdf_segment *s = &g_array_index(p->segments, pdf_segment, k);
        if (s->end <= i)
            continue;
        /* A word that starts before this node's text (after a note number
         * or a speaker's name) starts where its text does. */
        out->at = IMPRINT_PAGE_TEXT;
        out->node = s->text;
        out->offset = s->start >= i ? 0 : model_offset(text, s, i);
        return true;
    }
    return true;
}

static bool item_start(const pdf_item *it, imprint_page_start *out)
{
    if (it->kind == PDF_ITEM_LINE)
        return line_start(it->para, it->line, out);
    if (!it->node)
        return false;
    out->at = IMPRINT_PAGE_BLOCK;
    out->node = it->node;
    return true;
}

/* The first item of the page that shows something of the model; the
 * article's start when none does. */
static void page_start(const pdf_page *page, const imprint_node *article, imprint_page_start *out)
{
    for (guint i = 0; i < page->body->len; i++)
        if (item_start(g_ptr_array_index(page->body, i), out))
            return;
    for (guint i = 0; i < page->foot->len; i++)
        if (item_start(g_ptr_array_index(page->foot, i), out))
            return;
    out->at = IMPRINT_PAGE_BLOCK;
    out->node = article;
}

static imprint_page_start *add(imprint_page_map *map, int number, imprint_page_at at,
                               const imprint_node *node)
{
    imprint_page_start *s = &map->pages[map->n++];
    s->label = g_strdup_printf("%d", number);
    s->at = at;
    s->node = node;
    return s;
}

void pdf_page_map_make(const pdf_ctx *ctx, int front, GPtrArray *contents, GPtrArray *article_pages,
                       GPtrArray *witnesses, imprint_page_map *map)
{
    const imprint_node *root = ctx->doc->root;
    size_t total = (size_t)front + contents->len;
    for (guint i = 0; i < article_pages->len; i++)
        total += ((GPtrArray *)g_ptr_array_index(article_pages, i))->len;
    total += witnesses ? witnesses->len : 0;
    map->pages = g_new0(imprint_page_start, total);
    map->n = 0;
    add(map, 1, IMPRINT_PAGE_TITLE, root);
    if (front == 2)
        add(map, 2, IMPRINT_PAGE_TITLE_END, root);
    for (guint i = 0; i < contents->len; i++) {
        const pdf_page *page = g_ptr_array_index(contents, i);
        const pdf_item *first = page->body->len ? g_ptr_array_index(page->body, 0) : NULL;
        const imprint_node *entry =
            first && first->para && first->para->node ? first->para->node : root;
        add(map, page->number, IMPRINT_PAGE_CONTENTS, entry);
    }
    const imprint_node *a = root->first_child;
    for (guint i = 0; i < article_pages->len && a; i++, a = a->next) {
        GPtrArray *pages = g_ptr_array_index(article_pages, i);
        for (guint k = 0; k < pages->len; k++) {
            const pdf_page *page = g_ptr_array_index(pages, k);
            imprint_page_start *s = add(map, page->number, IMPRINT_PAGE_BLOCK, a);
            /* An article's first page begins with it, opening or none. */
            if (k > 0)
                page_start(page, a, s);
        }
    }
    for (guint i = 0; witnesses && i < witnesses->len; i++)
        add(map, ((const pdf_page *)g_ptr_array_index(witnesses, i))->number,
            IMPRINT_PAGE_WITNESSES, root);
}

void pdf_page_map_clear(imprint_page_map *map)
{
    for (size_t i = 0; i < map->n; i++)
        g_free(map->pages[i].label);
    g_free(map->pages);
    map->pages = NULL;
    map->n = 0;
}
