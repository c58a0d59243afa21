#include "write/epub/epub.h"

#include <string.h>

/* The first entry whose file is `href` (landmarks point at whole files). */
static bool has_file(imprint_epub *e, const char *href)
{
    for (guint i = 0; i < e->files->len; i++)
        if (strcmp(((imprint_epub_file *)e->files->pdata[i])->href, href) == 0)
            return true;
    return false;
}

static void nav_xhtml(imprint_epub *e)
{
    GString *out = g_string_new(NULL);
    imprint_epub_xhtml_open(e, out, "Contents", e->opts->meta.language, NULL);
    g_string_append(out, "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\">\n<h1>");
    imprint_epub_text(e, out, "Contents");
    g_string_append(out, "</h1>\n");
    int depth = 0;
    for (guint i = 0; i < e->nav->len; i++) {
        const imprint_epub_nav *n = e->nav->pdata[i];
        if (n->depth > depth) {
            g_string_append(out, "\n<ol>\n");
            depth = n->depth;
        } else {
            g_string_append(out, "</li>\n");
            for (; depth > n->depth; depth--)
                g_string_append(out, "</ol>\n</li>\n");
        }
        g_string_append(out, "<li><a href=\"");
        imprint_epub_text(NULL, out, n->href);
        g_string_append(out, "\">");
        imprint_epub_text(e, out, n->label);
        g_string_append(out, "</a>");
    }
    if (depth > 0) {
        g_string_append(out, "</li>\n");
        for (; depth > 1; depth--)
            g_string_append(out, "</ol>\n</li>\n");
        g_string_append(out, "</ol>\n");
    }
    g_string_append(out, "</nav>\n");
    imprint_epub_page_list(e, out);

    /* Landmarks: where a reader's "go to" menu leads. */
    g_string_append(out, "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n"
                         "<h2>Landmarks</h2>\n<ol>\n");
    if (has_file(e, "cover.xhtml"))
        g_string_append(out, "<li><a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a></li>\n");
    g_string_append(out, "<li><a epub:type=\"titlepage\" href=\"title.xhtml\">Title Page</a></li>\n"
                         "<li><a epub:type=\"toc\" href=\"contents.xhtml\">Contents</a></li>\n");
    if (e->doc->root->first_child) {
        char *first = imprint_epub_article_href(0);
        g_string_append_printf(out,
                               "<li><a epub:type=\"bodymatter\" href=\"%s\">Start of "
                               "Content</a></li>\n",
                               first);
        g_free(first);
    }
    g_string_append(out, "<li><a epub:type=\"colophon\" href=\"colophon.xhtml\">Colophon</a>"
                         "</li>\n</ol>\n</nav>\n");
    imprint_epub_xhtml_close(out);
    imprint_epub_add(e, "nav", "nav.xhtml", "application/xhtml+xml", "nav", false, out);
}

/* The NCX's head: its identifier, depth and page counts. */
static void ncx_head(imprint_epub *e, GString *out, size_t pages, size_t max_page)
{
    int max_depth = 1;
    for (guint i = 0; i < e->nav->len; i++) {
        const imprint_epub_nav *n = e->nav->pdata[i];
        if (n->depth > max_depth)
            max_depth = n->depth;
    }
    const char *title = e->opts->meta.title ? e->opts->meta.title : "Untitled";
    g_string_append(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" "
                         "xml:lang=\"");
    imprint_epub_text(NULL, out, e->opts->meta.language);
    g_string_append(out, "\">\n<head>\n<meta name=\"dtb:uid\" content=\"");
    imprint_epub_text(NULL, out, e->opts->meta.identifier);
    g_string_append_printf(out,
                           "\"/>\n<meta name=\"dtb:depth\" content=\"%d\"/>\n"
                           "<meta name=\"dtb:totalPageCount\" content=\"%zu\"/>\n"
                           "<meta name=\"dtb:maxPageNumber\" content=\"%zu\"/>\n</head>\n"
                           "<docTitle><text>",
                           max_depth, pages, max_page);
    imprint_epub_text(NULL, out, title);
    g_string_append(out, "</text></docTitle>\n");
}

/* The NCX for older readers: the contents as nested navPoints and, when the
 * book carries the PDF's pages, their pageList, all in one play order. */
static void ncx(imprint_epub *e)
{
    GString *out = g_string_new(NULL);
    guint *order = imprint_epub_has_pages(e) ? imprint_epub_play_order(e) : NULL;
    size_t pages = 0, max_page = 0;
    for (size_t i = 0; order && i < e->opts->pages->n; i++)
        if (e->page_href[i]) {
            pages++;
            max_page =
                MAX(max_page, (size_t)g_ascii_strtoull(e->opts->pages->pages[i].label, NULL, 10));
        }
    ncx_head(e, out, pages, max_page);
    g_string_append(out, "<navMap>\n");
    int depth = 0;
    for (guint i = 0; i < e->nav->len; i++) {
        const imprint_epub_nav *n = e->nav->pdata[i];
        for (; depth >= n->depth; depth--)
            g_string_append(out, "</navPoint>\n");
        depth = n->depth;
        g_string_append_printf(out, "<navPoint id=\"np%u\" playOrder=\"%u\">\n<navLabel><text>",
                               i + 1, order ? order[i] : i + 1);
        imprint_epub_text(NULL, out, n->label);
        g_string_append(out, "</text></navLabel>\n<content src=\"");
        imprint_epub_text(NULL, out, n->href);
        g_string_append(out, "\"/>\n");
    }
    for (; depth > 0; depth--)
        g_string_append(out, "</navPoint>\n");
    g_string_append(out, "</navMap>\n");
    if (order && pages > 0)
        imprint_epub_ncx_pages(e, out, order + e->nav->len);
    g_string_append(out, "</ncx>\n");
    g_free(order);
    imprint_epub_add(e, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL, false, out);
}

void imprint_epub_nav_files(imprint_epub *e)
{
    nav_xhtml(e);
    ncx(e);
}
