#include "write/epub/epub.h"
#include "write/date.h"

#include <string.h>

#include "write/links.h"

/* The colophon's file, named where its page markers are made too. */
#define COLOPHON_FILE "colophon.xhtml"

/* The cover image: the edition's, read and checked by the build, or one
 * drawn from the metadata (`cover: auto`, the default). */
static const char *cover_image(imprint_epub *e)
{
    const imprint_image *cover = &e->opts->cover;
    GBytes *bytes = NULL;
    const char *type = "image/png";
    if (cover->data) {
        bytes = g_bytes_new_static(cover->data, cover->size);
        type = cover->media_type;
    } else {
        bytes = imprint_cover_render(&e->opts->meta, e->opts->style, e->opts->data_dir, e->diags);
    }
    if (!bytes) {
        e->failed = true;
        return NULL;
    }
    const char *href = strcmp(type, "image/png") == 0 ? "images/cover.png" : "images/cover.jpg";
    imprint_epub_add_bytes(e, "cover-image", href, type, "cover-image", false, bytes);
    return href;
}

static void cover_page(imprint_epub *e, const char *href)
{
    const imprint_meta *m = &e->opts->meta;
    GString *out = g_string_new(NULL);
    imprint_epub_xhtml_open(e, out, "Cover", e->opts->meta.language, "class=\"cover\"");
    g_string_append(out, "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"");
    imprint_epub_text(NULL, out, href);
    g_string_append(out, "\" alt=\"Cover: ");
    imprint_epub_text(NULL, out, m->title ? m->title : "");
    if (m->subtitle) {
        g_string_append(out, ". ");
        imprint_epub_text(NULL, out, m->subtitle);
    }
    g_string_append(out, "\"/>\n</section>\n");
    imprint_epub_xhtml_close(out);
    imprint_epub_add(e, "cover", "cover.xhtml", "application/xhtml+xml", NULL, true, out);
    imprint_epub_nav_add(e, 1, "Cover", "cover.xhtml");
}

static void para(imprint_epub *e, GString *out, const char *cls, const char *text)
{
    if (!text || !*text)
        return;
    g_string_append_printf(out, "<p class=\"%s\">", cls);
    imprint_epub_text(e, out, text);
    g_string_append(out, "</p>\n");
}

static void title_page(imprint_epub *e)
{
    const imprint_meta *m = &e->opts->meta;
    const char *title = m->title ? m->title : "Untitled";
    GString *out = g_string_new(NULL);
    imprint_epub_xhtml_open(e, out, title, e->opts->meta.language, NULL);
    e->file = "title.xhtml";
    g_string_append(out, "<section epub:type=\"titlepage\" class=\"titlepage\">\n");
    imprint_epub_page_markers(e, out, IMPRINT_PAGE_TITLE, e->doc->root);
    g_string_append(out, "<h1 class=\"book-title\">");
    imprint_epub_text(e, out, title);
    g_string_append(out, "</h1>\n");
    para(e, out, "book-subtitle", m->subtitle);
    para(e, out, "book-editor", m->editor);
    para(e, out, "book-publisher", m->publisher);
    /* The title page's blank back begins after its text. */
    imprint_epub_page_markers(e, out, IMPRINT_PAGE_TITLE_END, e->doc->root);
    g_string_append(out, "</section>\n");
    imprint_epub_xhtml_close(out);
    e->file = NULL;
    imprint_epub_add(e, "titlepage", "title.xhtml", "application/xhtml+xml", NULL, true, out);
    imprint_epub_nav_add(e, 1, "Title Page", "title.xhtml");
}

static void contents_page(imprint_epub *e)
{
    GString *out = g_string_new(NULL);
    imprint_epub_xhtml_open(e, out, "Contents", e->opts->meta.language, NULL);
    g_string_append(out, "<nav epub:type=\"toc\" role=\"doc-toc\" class=\"contents\" "
                         "aria-labelledby=\"contents\">\n");
    e->file = "contents.xhtml";
    imprint_epub_page_markers(e, out, IMPRINT_PAGE_CONTENTS, e->doc->root);
    g_string_append(out, "<h1 id=\"contents\">");
    imprint_epub_text(e, out, "Contents");
    g_string_append(out, "</h1>\n<ol>\n");
    size_t i = 0;
    for (const imprint_node *a = e->doc->root->first_child; a; a = a->next, i++) {
        char *href = imprint_epub_article_href(i);
        char *label = imprint_article_label(a);
        g_string_append(out, "<li>");
        imprint_epub_page_markers(e, out, IMPRINT_PAGE_CONTENTS, a);
        g_string_append_printf(out, "<a href=\"%s\">", href);
        imprint_epub_text(e, out, label);
        g_string_append(out, "</a>");
        if (a->as.article.authors && a->as.article.authors[0]) {
            g_string_append(out, " <span class=\"contents-author\">");
            for (const char **au = a->as.article.authors; *au; au++) {
                if (au != a->as.article.authors)
                    imprint_epub_text(e, out, ", ");
                imprint_epub_text(e, out, *au);
            }
            g_string_append(out, "</span>");
        }
        g_string_append(out, "</li>\n");
        g_free(label);
        g_free(href);
    }
    g_string_append(out, "<li><a href=\"colophon.xhtml\">");
    imprint_epub_text(e, out, "Colophon");
    g_string_append(out, "</a></li>\n</ol>\n</nav>\n");
    imprint_epub_xhtml_close(out);
    e->file = NULL;
    imprint_epub_add(e, "contents", "contents.xhtml", "application/xhtml+xml", NULL, true, out);
    imprint_epub_nav_add(e, 1, "Contents", "contents.xhtml");
}

void imprint_epub_front(imprint_epub *e)
{
    const char *cover = cover_image(e);
    if (cover)
        cover_page(e, cover);
    title_page(e);
    contents_page(e);
}

static void meta_row(imprint_epub *e, GString *out, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    g_string_append(out, "<dt>");
    imprint_epub_text(e, out, name);
    g_string_append(out, "</dt><dd>");
    imprint_epub_text(e, out, value);
    g_string_append(out, "</dd>\n");
}

/* A URL, linked when it is one a reader can open. */
static void url_item(imprint_epub *e, GString *out, const char *url)
{
    char *escaped = write_link_target(url);
    if (escaped) {
        g_string_append(out, "<a href=\"");
        imprint_epub_text(NULL, out, escaped);
        g_string_append(out, "\">");
    }
    imprint_epub_text(e, out, url);
    if (escaped)
        g_string_append(out, "</a>");
    g_free(escaped);
}

/* Every source file, in the order first used, with every URL known for it:
 * the edition's `url:` and those the reader found in the text. */
static void sources(imprint_epub *e, GString *out)
{
    GPtrArray *files = g_ptr_array_new();
    for (const imprint_node *a = e->doc->root->first_child; a; a = a->next) {
        const char *f = a->as.article.source_file;
        bool seen = false;
        for (guint i = 0; f && i < files->len; i++)
            seen = seen || strcmp(files->pdata[i], f) == 0;
        if (f && !seen)
            g_ptr_array_add(files, (gpointer)f);
    }
    g_string_append(out, "<h2>Sources</h2>\n<ul class=\"sources\">\n");
    for (guint i = 0; i < files->len; i++) {
        const char *f = files->pdata[i];
        GPtrArray *urls = g_ptr_array_new();
        for (const imprint_node *a = e->doc->root->first_child; a; a = a->next)
            if (a->as.article.source_url && a->as.article.source_file &&
                strcmp(a->as.article.source_file, f) == 0)
                g_ptr_array_add(urls, (gpointer)a->as.article.source_url);
        char *base = g_path_get_basename(f);
        g_string_append(out, "<li><span class=\"source-file\">");
        imprint_epub_text(e, out, base);
        g_string_append(out, "</span>");
        for (guint u = 0; u < urls->len; u++) {
            bool dup = false;
            for (guint v = 0; v < u; v++)
                dup = dup || strcmp(urls->pdata[u], urls->pdata[v]) == 0;
            if (dup)
                continue;
            g_string_append(out, "<br/>");
            url_item(e, out, urls->pdata[u]);
        }
        g_string_append(out, "</li>\n");
        g_free(base);
        g_ptr_array_free(urls, TRUE);
    }
    g_string_append(out, "</ul>\n");
    g_ptr_array_free(files, TRUE);
}

/* The other copies of each article's text (src/compare): the witnesses,
 * with their file, line and URL. */
static void witnesses(imprint_epub *e, GString *out)
{
    bool any = false;
    for (const imprint_node *a = e->doc->root->first_child; a; a = a->next)
        any = any || a->as.article.nwitnesses > 0;
    if (!any)
        return;
    e->file = COLOPHON_FILE;
    imprint_epub_page_markers(e, out, IMPRINT_PAGE_WITNESSES, e->doc->root);
    e->file = NULL;
    g_string_append(out, "<h2>Witnesses</h2>\n<ul class=\"witnesses\">\n");
    for (const imprint_node *a = e->doc->root->first_child; a; a = a->next) {
        for (size_t i = 0; i < a->as.article.nwitnesses; i++) {
            const imprint_witness *w = &a->as.article.witnesses[i];
            char *label = imprint_article_label(a);
            char *base = g_path_get_basename(w->file ? w->file : "");
            char *what = w->same
                             ? g_strdup("the same text")
                             : g_strdup_printf("a variant (%d%% of the text shared)", w->overlap);
            char *text = g_strdup_printf("%s: %s in %s, line %u%s", label, what, base, w->line,
                                         w->dropped ? ", left out of this edition" : "");
            g_string_append(out, "<li>");
            imprint_epub_text(e, out, text);
            if (w->url) {
                g_string_append(out, "<br/>");
                url_item(e, out, w->url);
            }
            g_string_append(out, "</li>\n");
            g_free(text);
            g_free(what);
            g_free(base);
            g_free(label);
        }
    }
    g_string_append(out, "</ul>\n");
}

void imprint_epub_colophon(imprint_epub *e)
{
    const imprint_meta *m = &e->opts->meta;
    GString *out = g_string_new(NULL);
    imprint_epub_xhtml_open(e, out, "Colophon", e->opts->meta.language, NULL);
    g_string_append(out, "<section epub:type=\"colophon\" class=\"colophon\" "
                         "aria-labelledby=\"colophon\">\n<h1 id=\"colophon\">");
    imprint_epub_text(e, out, "Colophon");
    g_string_append(out, "</h1>\n<dl>\n");
    meta_row(e, out, "Title", m->title);
    meta_row(e, out, "Subtitle", m->subtitle);
    meta_row(e, out, "Editor", m->editor);
    meta_row(e, out, "Publisher", m->publisher);
    meta_row(e, out, "Date", m->date);
    meta_row(e, out, "Language", e->opts->meta.language);
    meta_row(e, out, "Identifier", e->opts->meta.identifier);
    meta_row(e, out, "Rights", m->rights);
    meta_row(e, out, "Description", m->description);
    g_string_append(out, "</dl>\n");
    sources(e, out);
    witnesses(e, out);

    char built[WRITE_DATE_SIZE];
    write_date(e->opts->epoch, false, built);
    char *made = g_strdup_printf("Made with imprint %s on %s.", IMPRINT_VERSION, built);
    para(e, out, "made-with", made);
    if (e->opts->style) {
        char *fonts = g_strdup_printf("Set in %s; its licence (%s) is included in this book "
                                      "as fonts/%s.",
                                      e->opts->style->font_family, e->opts->style->font_license,
                                      e->opts->style->font_license);
        para(e, out, "fonts", fonts);
        g_free(fonts);
    }
    g_free(made);
    g_string_append(out, "</section>\n");
    imprint_epub_xhtml_close(out);
    imprint_epub_add(e, "colophon", COLOPHON_FILE, "application/xhtml+xml", NULL, true, out);
    imprint_epub_nav_add(e, 1, "Colophon", COLOPHON_FILE);
}
