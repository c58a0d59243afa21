/* Checks of a written EPUB shared by the EPUB tests: reading the container,
 * XPath over its XHTML, note and navigation integrity, running epubcheck. */
#ifndef EPUB_CHECK_H
#define EPUB_CHECK_H

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdbool.h>
#include <string.h>
#include <zip.h>

typedef struct {
    GHashTable *entries; /* name → GBytes */
    GPtrArray *order;    /* names in container order */
} book;

static inline void book_free(book *b)
{
    g_hash_table_destroy(b->entries);
    g_ptr_array_free(b->order, TRUE);
    g_free(b);
}

static inline book *book_read(const char *path)
{
    int err = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &err);
    g_assert_nonnull(za);
    book *b = g_new0(book, 1);
    b->entries =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    b->order = g_ptr_array_new_with_free_func(g_free);
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        g_assert_cmpint(zip_stat_index(za, (zip_uint64_t)i, 0, &st), ==, 0);
        zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)i, 0);
        g_assert_nonnull(zf);
        guint8 *data = g_malloc(st.size + 1);
        g_assert_cmpint(zip_fread(zf, data, st.size), ==, (zip_int64_t)st.size);
        zip_fclose(zf);
        data[st.size] = 0;
        g_hash_table_insert(b->entries, g_strdup(st.name), g_bytes_new_take(data, st.size));
        g_ptr_array_add(b->order, g_strdup(st.name));
    }
    zip_close(za);
    return b;
}

static inline const char *entry(book *b, const char *name, gsize *len)
{
    GBytes *bytes = g_hash_table_lookup(b->entries, name);
    if (!bytes)
        g_error("no %s in the book", name);
    return g_bytes_get_data(bytes, len);
}

static inline xmlDoc *entry_xml(book *b, const char *name)
{
    gsize len = 0;
    const char *data = entry(b, name, &len);
    xmlDoc *x = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    if (!x)
        g_error("%s is not well-formed XML", name);
    return x;
}

static inline xmlXPathObject *xpath(xmlDoc *x, const char *expr)
{
    xmlXPathContext *ctx = xmlXPathNewContext(x);
    xmlXPathRegisterNs(ctx, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
    xmlXPathRegisterNs(ctx, BAD_CAST "epub", BAD_CAST "http://www.idpf.org/2007/ops");
    xmlXPathRegisterNs(ctx, BAD_CAST "opf", BAD_CAST "http://www.idpf.org/2007/opf");
    xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
    xmlXPathRegisterNs(ctx, BAD_CAST "ncx", BAD_CAST "http://www.daisy.org/z3986/2005/ncx/");
    xmlXPathObject *r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    g_assert_nonnull(r);
    return r;
}

static inline int count(xmlDoc *x, const char *expr)
{
    xmlXPathObject *r = xpath(x, expr);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

/* String value of an XPath expression (g_free). */
static inline char *str(xmlDoc *x, const char *expr)
{
    char *wrapped = g_strdup_printf("string(%s)", expr);
    xmlXPathObject *r = xpath(x, wrapped);
    char *s = g_strdup((const char *)r->stringval);
    xmlXPathFreeObject(r);
    g_free(wrapped);
    return s;
}

static inline char *tmpdir(void)
{
    char *dir = g_dir_make_tmp("imprint-epub-XXXXXX", NULL);
    g_assert_nonnull(dir);
    return dir;
}

static inline void rm_rf(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(dir, name, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_DIR))
            rm_rf(p);
        else
            g_unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
}

/* Every noteref resolves to a footnote aside in the same file, and every note
 * has a back-link to each of its references. */
static inline void check_notes(xmlDoc *x)
{
    g_assert_cmpint(count(x, "//h:a//h:a"), ==, 0);
    g_assert_cmpint(count(x, "//h:a[@epub:type='noteref'][not(parent::h:sup)]"), ==, 0);
    g_assert_cmpint(count(x, "//h:a[@epub:type='noteref'][*]"), ==, 0);
    xmlXPathObject *refs = xpath(x, "//h:a[@epub:type='noteref']");
    for (int i = 0; refs->nodesetval && i < refs->nodesetval->nodeNr; i++) {
        xmlNode *a = refs->nodesetval->nodeTab[i];
        xmlChar *href = xmlGetProp(a, BAD_CAST "href");
        xmlChar *id = xmlGetProp(a, BAD_CAST "id");
        xmlChar *role = xmlGetProp(a, BAD_CAST "role");
        g_assert_cmpstr((char *)role, ==, "doc-noteref");
        g_assert_true(href && href[0] == '#');
        char *q = g_strdup_printf("//h:aside[@id='%s'][@epub:type='footnote'][@role='doc-footnote']"
                                  "//h:a[@role='doc-backlink'][@href='#%s']",
                                  href + 1, id);
        g_assert_cmpint(count(x, q), ==, 1);
        g_free(q);
        xmlFree(href);
        xmlFree(id);
        xmlFree(role);
    }
    xmlXPathFreeObject(refs);
    /* ... and every back-link leads to a reference of its note. */
    xmlXPathObject *back = xpath(x, "//h:a[@role='doc-backlink']");
    for (int i = 0; back->nodesetval && i < back->nodesetval->nodeNr; i++) {
        xmlChar *href = xmlGetProp(back->nodesetval->nodeTab[i], BAD_CAST "href");
        char *q = g_strdup_printf("//h:a[@epub:type='noteref'][@id='%s']", href + 1);
        g_assert_cmpint(count(x, q), ==, 1);
        g_free(q);
        xmlFree(href);
    }
    xmlXPathFreeObject(back);
}

/* Every navigation entry points to a file of the book and an id in it. */
static inline void check_target(book *b, const char *href)
{
    char **parts = g_strsplit(href, "#", 2);
    char *name = g_strconcat("OEBPS/", parts[0], NULL);
    g_assert_true(g_hash_table_contains(b->entries, name));
    if (parts[1]) {
        xmlDoc *t = entry_xml(b, name);
        char *q = g_strdup_printf("//*[@id='%s']", parts[1]);
        g_assert_cmpint(count(t, q), ==, 1);
        g_free(q);
        xmlFreeDoc(t);
    }
    g_free(name);
    g_strfreev(parts);
}

static inline int run(const char *const *argv, char **out)
{
    GError *err = NULL;
    int status = 0;
    char *stdout_text = NULL, *stderr_text = NULL;
    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &stdout_text,
                      &stderr_text, &status, &err))
        g_error("cannot run %s: %s (see scripts/packages.d/epub.txt)", argv[0], err->message);
    *out = g_strconcat(stdout_text, stderr_text, NULL);
    g_free(stdout_text);
    g_free(stderr_text);
    return g_spawn_check_wait_status(status, NULL) ? 0 : 1;
}

/* Every navigation entry of nav.xhtml and toc.ncx points to an existing file
 * and id; every XHTML file's notes are sound. */
static inline void check_book_links(book *b)
{
    xmlDoc *x = entry_xml(b, "OEBPS/nav.xhtml");
    xmlXPathObject *links = xpath(x, "//h:nav//h:a/@href");
    g_assert_cmpint(links->nodesetval ? links->nodesetval->nodeNr : 0, >, 3);
    for (int i = 0; i < links->nodesetval->nodeNr; i++) {
        xmlChar *href = xmlNodeGetContent(links->nodesetval->nodeTab[i]);
        check_target(b, (const char *)href);
        xmlFree(href);
    }
    xmlXPathFreeObject(links);
    xmlFreeDoc(x);
    x = entry_xml(b, "OEBPS/toc.ncx");
    xmlXPathObject *src = xpath(x, "//ncx:content/@src");
    for (int i = 0; i < src->nodesetval->nodeNr; i++) {
        xmlChar *href = xmlNodeGetContent(src->nodesetval->nodeTab[i]);
        check_target(b, (const char *)href);
        xmlFree(href);
    }
    xmlXPathFreeObject(src);
    xmlFreeDoc(x);
    for (guint i = 0; i < b->order->len; i++) {
        const char *name = b->order->pdata[i];
        if (!g_str_has_suffix(name, ".xhtml"))
            continue;
        xmlDoc *d = entry_xml(b, name);
        check_notes(d);
        xmlFreeDoc(d);
    }
}

/* The books queued for epubcheck_queued(), copies in a folder of their own. */
static inline GPtrArray *epubcheck_queue(void)
{
    static GPtrArray *queue;
    if (!queue)
        queue = g_ptr_array_new_with_free_func(g_free);
    return queue;
}

/* Queues a copy of the book at `path` for epubcheck, which the test
 * epubcheck_queued() runs on every queued book in one JVM (tests/cli/lib/
 * EpubCheckAll.java: each start costs seconds); the caller may remove
 * `path` at once. */
static inline void epubcheck_queue_book(const char *path)
{
    GPtrArray *queue = epubcheck_queue();
    static char *dir;
    if (!dir)
        dir = g_dir_make_tmp("imprint-epubcheck-XXXXXX", NULL);
    g_assert_nonnull(dir);
    char *data = NULL, *base = g_path_get_basename(path);
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    char *name = g_strdup_printf("%u-%s", queue->len, base);
    char *copy = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(copy, data, (gssize)len, NULL));
    g_ptr_array_add(queue, copy);
    g_free(name);
    g_free(base);
    g_free(data);
}

/* A test, added last: epubcheck reports nothing at all in any queued book
 * (each says "No errors or warnings detected"); the copies are removed. */
static inline void epubcheck_queued(void)
{
    GPtrArray *queue = epubcheck_queue();
    g_assert_cmpuint(queue->len, >, 0);
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, "java");
    g_ptr_array_add(argv, "-cp");
    g_ptr_array_add(argv, "/usr/share/java/epubcheck.jar");
    g_ptr_array_add(argv, SOURCE_DIR "/tests/cli/lib/EpubCheckAll.java");
    for (guint i = 0; i < queue->len; i++)
        g_ptr_array_add(argv, queue->pdata[i]);
    g_ptr_array_add(argv, NULL);
    char *out = NULL;
    int rc = run((const char *const *)argv->pdata, &out);
    guint clean = 0;
    for (const char *p = out; (p = strstr(p, "No errors or warnings detected")); p++)
        clean++;
    if (rc != 0 || clean != queue->len || strstr(out, "WARNING") || strstr(out, "ERROR") ||
        strstr(out, "INFO") || strstr(out, "FATAL"))
        g_error("epubcheck (%u of %u books clean):\n%s", clean, queue->len, out);
    g_free(out);
    g_ptr_array_free(argv, TRUE);
    char *dir = g_path_get_dirname(queue->pdata[0]);
    for (guint i = 0; i < queue->len; i++)
        g_unlink(queue->pdata[i]);
    g_rmdir(dir);
    g_free(dir);
    g_ptr_array_set_size(queue, 0);
}

/* Whitespace runs (and no-break spaces) as one space: how text is compared
 * with what another program extracted. */
static inline char *squash(const char *s)
{
    GString *out = g_string_new(NULL);
    bool space = false;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0xA0 || c == 0x202F) {
            space = out->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(out, ' ');
        space = false;
        g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

/* Calibre's text of the book (g_free). */
static inline char *calibre_text(const char *epub, const char *dir)
{
    char *txt = g_build_filename(dir, "calibre.txt", NULL);
    char *out = NULL;
    int rc = run((const char *const[]){"ebook-convert", epub, txt, NULL}, &out);
    if (rc != 0)
        g_error("ebook-convert %s:\n%s", epub, out);
    g_free(out);
    gchar *text = NULL;
    g_assert_true(g_file_get_contents(txt, &text, NULL, NULL));
    g_unlink(txt);
    g_free(txt);
    char *squashed = squash(text);
    g_free(text);
    return squashed;
}

#endif
