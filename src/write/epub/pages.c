/* The PDF's pages in the EPUB (EPUB Accessibility 1.1, "Page navigation"):
 * a page-break marker where each page of the PDF begins, and the page list
 * that leads to them. Where a page begins the build found out from the PDF
 * layout (opts->pages); this part only puts the markers there. A marker is
 * an empty <span>, phrasing content, so it is valid wherever text is, and
 * where a block may stand; inside text it goes at the start of a word. */
#include "write/epub/epub.h"

#include <string.h>

void imprint_epub_pages_init(imprint_epub *e)
{
    const imprint_page_map *map = e->opts->pages;
    if (!map || map->n == 0)
        return;
    e->page_at =
        g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_array_unref);
    e->page_href = g_new0(char *, map->n);
    for (size_t i = 0; i < map->n; i++) {
        const imprint_node *node = map->pages[i].node;
        GArray *list = g_hash_table_lookup(e->page_at, node);
        if (!list) {
            list = g_array_new(FALSE, FALSE, sizeof(size_t));
            g_hash_table_insert(e->page_at, (gpointer)node, list);
        }
        g_array_append_val(list, i);
    }
}

void imprint_epub_pages_clear(imprint_epub *e)
{
    if (e->page_href)
        for (size_t i = 0; i < e->opts->pages->n; i++)
            g_free(e->page_href[i]);
    g_clear_pointer(&e->page_href, g_free);
    g_clear_pointer(&e->page_at, g_hash_table_unref);
}

bool imprint_epub_has_pages(const imprint_epub *e)
{
    return e->page_at != NULL;
}

/* The marker of page `i`. Markers come in page order; one out of order
 * would make the page list jump back, so it is said (it means the layout's
 * map and this writer disagree about the reading order). */
static void marker(imprint_epub *e, GString *out, size_t i)
{
    const imprint_page_start *p = &e->opts->pages->pages[i];
    if (e->page_href[i])
        return;
    if (i < e->pages_done)
        imprint_diags_report(e->diags, IMPRINT_SEV_WARNING,
                             (imprint_pos){e->opts->edition_path, 0, 0},
                             "page %s of the PDF comes after page %s in the EPUB's reading order",
                             p->label, e->opts->pages->pages[e->pages_done - 1].label);
    e->pages_done = MAX(e->pages_done, i + 1);
    g_string_append(out, "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-");
    imprint_epub_text(NULL, out, p->label);
    g_string_append(out, "\" aria-label=\"");
    imprint_epub_text(NULL, out, p->label);
    g_string_append(out, "\"/>");
    e->page_href[i] = g_strdup_printf("%s#page-%s", e->file ? e->file : "", p->label);
}

/* The pages that begin at `node`, in page order, or NULL. */
static GArray *pages_at(imprint_epub *e, const imprint_node *node)
{
    return e->page_at ? g_hash_table_lookup(e->page_at, node) : NULL;
}

void imprint_epub_page_markers(imprint_epub *e, GString *out, imprint_page_at at,
                               const imprint_node *node)
{
    GArray *list = pages_at(e, node);
    for (guint k = 0; list && k < list->len; k++) {
        size_t i = g_array_index(list, size_t, k);
        if (e->opts->pages->pages[i].at == at)
            marker(e, out, i);
    }
}

size_t imprint_epub_word_start(const char *text, size_t len, size_t offset)
{
    if (offset > len)
        offset = len;
    /* Onto a character's first byte, then back to the word's. */
    while (offset > 0 && ((unsigned char)text[offset] & 0xC0) == 0x80)
        offset--;
    while (offset > 0) {
        const char *prev = g_utf8_find_prev_char(text, text + offset);
        if (!prev || g_unichar_isspace(g_utf8_get_char(prev)))
            break;
        offset = (size_t)(prev - text);
    }
    return offset;
}

/* Appends `len` bytes of `s` as text. */
static void text_part(imprint_epub *e, GString *out, const char *s, size_t len)
{
    char *part = g_strndup(s, len);
    imprint_epub_text(e, out, part);
    g_free(part);
}

void imprint_epub_text_node(imprint_epub *e, GString *out, const imprint_node *text)
{
    const char *s = text->as.text.text;
    size_t len = text->as.text.len, done = 0;
    GArray *list = pages_at(e, text);
    for (guint k = 0; list && k < list->len; k++) {
        size_t i = g_array_index(list, size_t, k);
        const imprint_page_start *p = &e->opts->pages->pages[i];
        if (p->at != IMPRINT_PAGE_TEXT)
            continue;
        size_t at = imprint_epub_word_start(s, len, p->offset);
        if (at < done)
            at = done; /* the same word as the page before: right after its marker */
        text_part(e, out, s + done, at - done);
        marker(e, out, i);
        done = at;
    }
    if (done == 0)
        imprint_epub_text(e, out, s);
    else
        text_part(e, out, s + done, len - done);
}

void imprint_epub_page_list(imprint_epub *e, GString *out)
{
    const imprint_page_map *map = e->opts->pages;
    if (!e->page_href)
        return;
    g_string_append(out, "<nav epub:type=\"page-list\" role=\"doc-pagelist\" id=\"page-list\" "
                         "hidden=\"hidden\">\n<h2>Pages</h2>\n<ol>\n");
    for (size_t i = 0; i < map->n; i++) {
        if (!e->page_href[i]) {
            imprint_diags_report(e->diags, IMPRINT_SEV_WARNING,
                                 (imprint_pos){e->opts->edition_path, 0, 0},
                                 "page %s of the PDF has no place in the EPUB; it is left out of "
                                 "the page list",
                                 map->pages[i].label);
            continue;
        }
        g_string_append(out, "<li><a href=\"");
        imprint_epub_text(NULL, out, e->page_href[i]);
        g_string_append(out, "\">");
        imprint_epub_text(e, out, map->pages[i].label);
        g_string_append(out, "</a></li>\n");
    }
    g_string_append(out, "</ol>\n</nav>\n");
}
