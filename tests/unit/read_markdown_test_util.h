/* Shared by the markdown reader's unit tests: reading a fixture or a
 * string, looking up a message, checking the tree. */
#ifndef IMPRINT_READ_MARKDOWN_TEST_UTIL_H
#define IMPRINT_READ_MARKDOWN_TEST_UTIL_H

#include <glib.h>
#include <string.h>

#include "imprint/reader.h"

typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    int articles;
} read_result;

static G_GNUC_UNUSED read_result read_fixture(const char *name)
{
    char *path = g_build_filename(FIXTURES_DIR, "markdown", name, NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    read_result r = {imprint_doc_new(), imprint_diags_new(), 0};
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    r.articles = imprint_read_markdown(r.doc, path, data, len, &opts, r.diags);
    g_free(data);
    g_free(path);
    return r;
}

static G_GNUC_UNUSED read_result read_string(const char *md)
{
    read_result r = {imprint_doc_new(), imprint_diags_new(), 0};
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    r.articles = imprint_read_markdown(r.doc, "s.md", md, strlen(md), &opts, r.diags);
    return r;
}

/* The plain text of `n`, g_free()d by the caller. */
static G_GNUC_UNUSED char *md_plain(const imprint_node *n)
{
    GString *s = g_string_new(NULL);
    imprint_node_append_plain(n, s);
    return g_string_free(s, FALSE);
}

static G_GNUC_UNUSED void result_free(read_result *r)
{
    imprint_doc_free(r->doc);
    imprint_diags_free(r->diags);
}

/* Whether a message of `sev` at `line` (0: any) holds `needle`. */
static G_GNUC_UNUSED gboolean has_diag(const read_result *r, imprint_severity sev, unsigned line,
                                       const char *needle)
{
    for (size_t i = 0; i < imprint_diags_len(r->diags); i++) {
        const imprint_diag *d = imprint_diags_get(r->diags, i);
        if (d->severity == sev && (line == 0 || d->line == line) && strstr(d->message, needle))
            return TRUE;
    }
    return FALSE;
}

static G_GNUC_UNUSED void assert_sound(const imprint_doc *doc)
{
    GString *problems = g_string_new(NULL);
    gboolean ok = imprint_doc_check(doc, problems);
    if (!ok)
        g_printerr("%s", problems->str);
    g_assert_true(ok);
    g_string_free(problems, TRUE);
}

/* Reads `md` as one article, checks the tree, and compares `render` of the
 * article (a string it g_malloc()s) with `want`. */
static G_GNUC_UNUSED void assert_article_as(const char *md, char *(*render)(const imprint_node *),
                                            const char *want)
{
    read_result r = read_string(md);
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    char *got = render(r.doc->root->first_child);
    g_assert_cmpstr(got, ==, want);
    g_free(got);
    result_free(&r);
}

#endif
