#include "write/epub/epub.h"
#include "write/date.h"

#include <string.h>

/* Whether `date` is a W3C date epubcheck accepts (YYYY, YYYY-MM or YYYY-MM-DD). */
static bool w3c_date(const char *date)
{
    if (!date)
        return false;
    size_t len = strlen(date);
    if (len != 4 && len != 7 && len != 10)
        return false;
    for (size_t i = 0; i < len; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? date[i] != '-' : !g_ascii_isdigit(date[i]))
            return false;
    }
    return true;
}

static void dc(imprint_epub *e, GString *out, const char *el, const char *id, const char *value)
{
    if (!value || !*value)
        return;
    g_string_append_printf(out, "<dc:%s", el);
    if (id)
        g_string_append_printf(out, " id=\"%s\"", id);
    g_string_append_c(out, '>');
    imprint_epub_text(NULL, out, value);
    g_string_append_printf(out, "</dc:%s>\n", el);
    (void)e;
}

static void meta(GString *out, const char *refines, const char *property, const char *scheme,
                 const char *value)
{
    g_string_append(out, "<meta");
    if (refines)
        g_string_append_printf(out, " refines=\"#%s\"", refines);
    g_string_append_printf(out, " property=\"%s\"", property);
    if (scheme)
        g_string_append_printf(out, " scheme=\"%s\"", scheme);
    g_string_append_c(out, '>');
    imprint_epub_text(NULL, out, value);
    g_string_append(out, "</meta>\n");
}

/* The print pages the markers and the page list follow: the PDF edition,
 * named as EPUB 3.2 has it, a dc:source refined as the source of the
 * pagination. (EPUB Accessibility's newer a11y:pageBreakSource is an
 * undefined property to the epubcheck of Debian 12, 4.2.6.) */
static void pagination(GString *out, const char *source)
{
    meta(out, NULL, "schema:accessibilityFeature", NULL, "pageBreakMarkers");
    meta(out, NULL, "schema:accessibilityFeature", NULL, "pageNavigation");
    g_string_append(out, "<dc:source id=\"pagination\">");
    imprint_epub_text(NULL, out, source && *source ? source : "the PDF edition");
    g_string_append(out, "</dc:source>\n");
    meta(out, "pagination", "source-of", NULL, "pagination");
}

/* Article authors, each once, in order of first appearance. */
static GPtrArray *authors(const imprint_doc *doc)
{
    GPtrArray *list = g_ptr_array_new();
    for (const imprint_node *a = doc->root->first_child; a; a = a->next) {
        for (const char **au = a->as.article.authors; au && *au; au++) {
            bool seen = false;
            for (guint i = 0; i < list->len; i++)
                seen = seen || strcmp(list->pdata[i], *au) == 0;
            if (!seen && **au)
                g_ptr_array_add(list, (gpointer)*au);
        }
    }
    return list;
}

/* A dc:language for each language of an article besides the book's, in the
 * order they first appear: the book holds them all (EPUB 3, 5.5.3.2.3). */
static void other_languages(imprint_epub *e, GString *out)
{
    GPtrArray *seen = g_ptr_array_new();
    if (e->opts->meta.language)
        g_ptr_array_add(seen, (gpointer)e->opts->meta.language);
    for (const imprint_node *a = e->doc->root->first_child; a; a = a->next) {
        const char *lang = a->as.article.lang;
        bool known = !lang || !*lang;
        for (guint i = 0; i < seen->len && !known; i++)
            known = g_ascii_strcasecmp(lang, g_ptr_array_index(seen, i)) == 0;
        if (known)
            continue;
        g_ptr_array_add(seen, (gpointer)lang);
        dc(e, out, "language", NULL, lang);
    }
    g_ptr_array_unref(seen);
}

static void metadata(imprint_epub *e, GString *out)
{
    const imprint_meta *m = &e->opts->meta;
    g_string_append(out, "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    dc(e, out, "identifier", "uid", e->opts->meta.identifier);
    dc(e, out, "title", "title", m->title && *m->title ? m->title : "Untitled");
    meta(out, "title", "title-type", NULL, "main");
    meta(out, "title", "display-seq", NULL, "1");
    if (m->subtitle && *m->subtitle) {
        dc(e, out, "title", "subtitle", m->subtitle);
        meta(out, "subtitle", "title-type", NULL, "subtitle");
        meta(out, "subtitle", "display-seq", NULL, "2");
    }
    if (m->editor && *m->editor) {
        dc(e, out, "creator", "editor", m->editor);
        meta(out, "editor", "role", "marc:relators", "edt");
    }
    GPtrArray *list = authors(e->doc);
    for (guint i = 0; i < list->len; i++) {
        char id[32];
        g_snprintf(id, sizeof id, "author%u", i + 1);
        dc(e, out, "contributor", id, list->pdata[i]);
        meta(out, id, "role", "marc:relators", "aut");
    }
    g_ptr_array_free(list, TRUE);
    dc(e, out, "language", NULL, e->opts->meta.language);
    other_languages(e, out);
    if (w3c_date(m->date))
        dc(e, out, "date", NULL, m->date);
    dc(e, out, "publisher", NULL, m->publisher);
    dc(e, out, "rights", NULL, m->rights);
    dc(e, out, "description", NULL, m->description);

    char modified[WRITE_DATE_SIZE];
    write_date(e->opts->epoch, true, modified);
    meta(out, NULL, "dcterms:modified", NULL, modified);

    /* Accessibility: what is true of every book imprint makes. Images (the
     * cover, figures) always get a text alternative, so alternativeText is
     * claimed exactly when there are images. */
    bool images = false;
    for (guint i = 0; i < e->files->len; i++)
        images = images ||
                 g_str_has_prefix(((imprint_epub_file *)e->files->pdata[i])->media_type, "image/");
    meta(out, NULL, "schema:accessMode", NULL, "textual");
    if (images)
        meta(out, NULL, "schema:accessMode", NULL, "visual");
    meta(out, NULL, "schema:accessModeSufficient", NULL, "textual");
    meta(out, NULL, "schema:accessibilityFeature", NULL, "tableOfContents");
    meta(out, NULL, "schema:accessibilityFeature", NULL, "readingOrder");
    meta(out, NULL, "schema:accessibilityFeature", NULL, "structuralNavigation");
    if (images)
        meta(out, NULL, "schema:accessibilityFeature", NULL, "alternativeText");
    if (imprint_epub_has_pages(e))
        pagination(out, e->opts->page_source);
    meta(out, NULL, "schema:accessibilityHazard", NULL, "none");
    meta(out, NULL, "schema:accessibilitySummary", NULL,
         images ? "Text with a table of contents, headings in reading order and linked notes "
                  "with links back to the text; every image has a text alternative."
                : "Text with a table of contents, headings in reading order and linked notes "
                  "with links back to the text.");
    /* For EPUB 2 readers that look for the cover this way. */
    for (guint i = 0; i < e->files->len; i++)
        if (strcmp(((imprint_epub_file *)e->files->pdata[i])->id, "cover-image") == 0)
            g_string_append(out, "<meta name=\"cover\" content=\"cover-image\"/>\n");
    g_string_append(out, "</metadata>\n");
}

GString *imprint_epub_package(imprint_epub *e)
{
    GString *out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
                                "unique-identifier=\"uid\" xml:lang=\"");
    imprint_epub_text(NULL, out, e->opts->meta.language);
    g_string_append(out, "\">\n");
    metadata(e, out);
    g_string_append(out, "<manifest>\n");
    for (guint i = 0; i < e->files->len; i++) {
        const imprint_epub_file *f = e->files->pdata[i];
        g_string_append_printf(out, "<item id=\"%s\" href=\"", f->id);
        imprint_epub_text(NULL, out, f->href);
        g_string_append_printf(out, "\" media-type=\"%s\"", f->media_type);
        if (f->properties)
            g_string_append_printf(out, " properties=\"%s\"", f->properties);
        g_string_append(out, "/>\n");
    }
    g_string_append(out, "</manifest>\n<spine toc=\"ncx\">\n");
    for (guint i = 0; i < e->files->len; i++) {
        const imprint_epub_file *f = e->files->pdata[i];
        if (f->spine)
            g_string_append_printf(out, "<itemref idref=\"%s\"/>\n", f->id);
    }
    g_string_append(out, "</spine>\n</package>\n");
    return out;
}
