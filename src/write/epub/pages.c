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
    if (e->page_href[i] || e->markers_held)
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

/* Whether `node` is inside a note of `article`. */
static bool in_notes_of(const imprint_node *node, const imprint_node *article)
{
    for (const imprint_node *n = node; n; n = n->parent)
        if (n->kind == IMPRINT_NODE_NOTE)
            return n->parent == article;
    return false;
}

void imprint_epub_note_page_markers(imprint_epub *e, GString *out, const imprint_node *article)
{
    for (size_t i = 0; e->page_href && i < e->opts->pages->n; i++) {
        const imprint_page_start *p = &e->opts->pages->pages[i];
        if (!e->page_href[i] && (p->at == IMPRINT_PAGE_BLOCK || p->at == IMPRINT_PAGE_TEXT) &&
            in_notes_of(p->node, article))
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

/* Where `href` stands in the reading order: its file's place in the spine
 * (high half) and the byte where its fragment's id is in the file (0: the
 * whole file). Read from the files written, so it is exact. */
static guint64 reading_place(const imprint_epub *e, const char *href)
{
    const char *hash = strchr(href, '#');
    size_t flen = hash ? (size_t)(hash - href) : strlen(href);
    guint64 spine = 0;
    for (guint i = 0; i < e->files->len; i++) {
        const imprint_epub_file *f = e->files->pdata[i];
        if (!f->spine)
            continue;
        spine++;
        if (strlen(f->href) != flen || strncmp(f->href, href, flen) != 0)
            continue;
        guint64 at = 0;
        if (hash) {
            char *needle = g_strdup_printf(" id=\"%s\"", hash + 1);
            gsize len = 0;
            const char *data = g_bytes_get_data(f->data, &len);
            const char *p = g_strstr_len(data, (gssize)len, needle);
            at = p ? (guint64)(p - data) + 1 : 0;
            g_free(needle);
        }
        return spine << 32 | at;
    }
    return G_MAXUINT64;
}

typedef struct {
    guint64 place;
    guint index; /* into the navigation, then past it into the pages */
} placed;

static gint by_place(gconstpointer a, gconstpointer b)
{
    const placed *x = a, *y = b;
    if (x->place != y->place)
        return x->place < y->place ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

guint *imprint_epub_play_order(const imprint_epub *e)
{
    size_t npages = e->page_href ? e->opts->pages->n : 0;
    guint total = e->nav->len + (guint)npages;
    guint *order = g_new0(guint, total > 0 ? total : 1);
    GArray *all = g_array_sized_new(FALSE, FALSE, sizeof(placed), total);
    for (guint i = 0; i < total; i++) {
        const char *href = i < e->nav->len ? ((const imprint_epub_nav *)e->nav->pdata[i])->href
                                           : e->page_href[i - e->nav->len];
        if (!href)
            continue; /* a page with no place: not in the lists either */
        placed p = {reading_place(e, href), i};
        g_array_append_val(all, p);
    }
    g_array_sort(all, by_place);
    /* One number a place: the NCX gives entries for one target one number. */
    guint next = 0;
    for (guint k = 0; k < all->len; k++) {
        const placed *p = &g_array_index(all, placed, k);
        if (k == 0 || p->place != g_array_index(all, placed, k - 1).place)
            next++;
        order[p->index] = next;
    }
    g_array_unref(all);
    return order;
}

size_t imprint_epub_ncx_pages(imprint_epub *e, GString *out, const guint *order)
{
    const imprint_page_map *map = e->opts->pages;
    size_t written = 0;
    if (!e->page_href)
        return 0;
    g_string_append(out, "<pageList>\n<navLabel><text>Pages</text></navLabel>\n");
    bool front = true;
    for (size_t i = 0; i < map->n; i++) {
        front = front && map->pages[i].at != IMPRINT_PAGE_BLOCK &&
                map->pages[i].at != IMPRINT_PAGE_TEXT;
        if (!e->page_href[i])
            continue;
        g_string_append(out, "<pageTarget id=\"pt-");
        imprint_epub_text(NULL, out, map->pages[i].label);
        g_string_append_printf(out, "\" type=\"%s\" value=\"", front ? "front" : "normal");
        imprint_epub_text(NULL, out, map->pages[i].label);
        g_string_append_printf(out, "\" playOrder=\"%u\">\n<navLabel><text>", order[i]);
        imprint_epub_text(NULL, out, map->pages[i].label);
        g_string_append(out, "</text></navLabel>\n<content src=\"");
        imprint_epub_text(NULL, out, e->page_href[i]);
        g_string_append(out, "\"/>\n</pageTarget>\n");
        written++;
    }
    g_string_append(out, "</pageList>\n");
    return written;
}
