/* Every bundled edition (editions/NAME.yaml) as an EPUB: epubcheck reports
 * nothing, two builds are byte-identical, every note and contents link
 * resolves, and Calibre finds every article title and every note's text. */
#define _POSIX_C_SOURCE 200809L
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <string.h>

#include "imprint/edition.h"
#include "write/epub/epub.h"
#include "writer_fixture.h"
#include "epub_check.h"

static char *tmp;

/* Text of an inline container, note references as the numbers shown. */
static void shown_text(const imprint_node *n, GString *out)
{
    switch (n->kind) {
    case IMPRINT_NODE_TEXT:
        g_string_append(out, n->as.text.text);
        return;
    case IMPRINT_NODE_LINEBREAK:
        g_string_append_c(out, ' ');
        return;
    case IMPRINT_NODE_NOTEREF:
        g_string_append_printf(out, "%d",
                               n->as.noteref.note ? n->as.noteref.note->as.note.number
                                                  : n->as.noteref.number);
        return;
    default:
        for (const imprint_node *c = n->first_child; c; c = c->next)
            shown_text(c, out);
    }
}

static void expect_text(const char *haystack, const char *text, const char *what,
                        const char *edition)
{
    char *needle = squash(text);
    if (*needle && !strstr(haystack, needle))
        g_error("%s: Calibre's text lacks %s \"%s\"", edition, what, needle);
    g_free(needle);
}

/* Every inline container of a note (paragraphs, list items' paragraphs...). */
static void expect_note_text(const char *haystack, const imprint_node *n, const char *edition)
{
    bool inline_container = n->first_child && imprint_node_kind_is_inline(n->first_child->kind);
    if (inline_container) {
        GString *s = g_string_new(NULL);
        shown_text(n, s);
        expect_text(haystack, s->str, "note text", edition);
        g_string_free(s, TRUE);
        return;
    }
    for (const imprint_node *c = n->first_child; c; c = c->next)
        expect_note_text(haystack, c, edition);
}

static void check_edition(gconstpointer data)
{
    const char *path = data;
    imprint_diags *diags = imprint_diags_new();
    imprint_edition *ed = imprint_edition_load(path, diags);
    imprint_doc *doc = ed ? imprint_edition_read(ed, diags) : NULL;
    if (!doc) {
        /* Reported, and the other editions still checked. */
        imprint_diags_print(diags, stderr, true);
        g_test_fail_printf("%s does not load", path);
        imprint_edition_free(ed);
        imprint_diags_free(diags);
        return;
    }
    g_assert_true(imprint_doc_check(doc, NULL));

    char *dir = g_build_filename(tmp, ed->name, NULL);
    g_mkdir_with_parents(dir, 0755);
    char *one = g_build_filename(dir, "one.epub", NULL);
    char *two = g_build_filename(dir, "two.epub", NULL);
    g_assert_true(fx_write(imprint_write_epub, doc, ed, one, diags));
    g_assert_true(fx_write(imprint_write_epub, doc, ed, two, diags));
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 0);

    gchar *a = NULL, *b = NULL;
    gsize alen = 0, blen = 0;
    g_assert_true(g_file_get_contents(one, &a, &alen, NULL));
    g_assert_true(g_file_get_contents(two, &b, &blen, NULL));
    g_assert_cmpmem(a, alen, b, blen);
    g_free(a);
    g_free(b);

    book *bk = book_read(one);
    check_book_links(bk);
    /* Every note is written, one linked reference per resolved marker. */
    imprint_doc_stats stats;
    imprint_doc_count(doc, &stats);
    size_t asides = 0, unreferenced = 0, refs = 0, resolved = 0, never = 0;
    size_t i = 0;
    for (const imprint_node *art = doc->root->first_child; art; art = art->next, i++) {
        char *href = imprint_epub_article_href(i);
        char *name = g_strconcat("OEBPS/", href, NULL);
        xmlDoc *x = entry_xml(bk, name);
        asides += (size_t)count(x, "//h:aside[@epub:type='footnote']");
        unreferenced += (size_t)count(x, "//h:div[@class='note-unreferenced']");
        refs += (size_t)count(x, "//h:a[@epub:type='noteref']");
        xmlFreeDoc(x);
        g_free(name);
        g_free(href);
        for (const imprint_node *n = art->as.article.first_note; n; n = n->as.note.next_note) {
            resolved += imprint_note_ref_count(n);
            never += n->as.note.first_ref == NULL;
        }
    }
    /* One aside per referenced note; the others stay visible blocks. */
    g_assert_cmpuint(asides, ==, stats.notes - never);
    g_assert_cmpuint(unreferenced, ==, never);
    g_assert_cmpuint(refs, ==, resolved);
    book_free(bk);

    epubcheck_queue_book(one);

    char *text = calibre_text(one, dir);
    for (const imprint_node *art = doc->root->first_child; art; art = art->next) {
        if (art->as.article.title)
            expect_text(text, art->as.article.title, "article title", ed->name);
        for (const imprint_node *n = art->as.article.first_note; n; n = n->as.note.next_note)
            expect_note_text(text, n, ed->name);
    }
    g_free(text);

    g_unlink(one);
    g_unlink(two);
    g_rmdir(dir);
    g_free(one);
    g_free(two);
    g_free(dir);
    imprint_doc_free(doc);
    imprint_edition_free(ed);
    imprint_diags_free(diags);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* The edition's date stamps the books, as in a release build. */
    g_unsetenv("SOURCE_DATE_EPOCH");
    tmp = g_dir_make_tmp("imprint-epub-editions-XXXXXX", NULL);
    char *editions = g_build_filename(SOURCE_DIR, "editions", NULL);
    GDir *d = g_dir_open(editions, 0, NULL);
    g_assert_nonnull(d);
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".yaml"))
            g_ptr_array_add(paths, g_build_filename(editions, name, NULL));
    g_dir_close(d);
    /* In name order, whatever order the folder lists them in. */
    for (guint i = 0; i + 1 < paths->len; i++)
        for (guint j = i + 1; j < paths->len; j++)
            if (strcmp(paths->pdata[i], paths->pdata[j]) > 0) {
                gpointer t = paths->pdata[i];
                paths->pdata[i] = paths->pdata[j];
                paths->pdata[j] = t;
            }
    if (paths->len == 0)
        g_error("no editions in %s", editions);
    for (guint i = 0; i < paths->len; i++) {
        char *base = g_path_get_basename(paths->pdata[i]);
        char *test = g_strdup_printf("/epub/editions/%s", base);
        g_test_add_data_func(test, paths->pdata[i], check_edition);
        g_free(test);
        g_free(base);
    }
    g_test_add_func("/epub/editions/epubcheck", epubcheck_queued); /* (last) */
    int rc = g_test_run();
    g_rmdir(tmp);
    g_free(tmp);
    g_ptr_array_free(paths, TRUE);
    g_free(editions);
    /* Cairo and fontconfig keep caches for the life of the process; empty
     * them so that leak checkers see only real leaks. */
    cairo_debug_reset_static_data();
    FcFini();
    return rc;
}
