/* The outline of `imprint inspect --as outline`. */
#include <glib.h>
#include <string.h>

#include "imprint/model.h"
#include "imprint/writer.h"

static imprint_node *add(imprint_doc *doc, imprint_node *parent, imprint_node_kind kind,
                         const char *file, unsigned line)
{
    imprint_node *n = imprint_node_new(doc, kind, (imprint_pos){file, line, 1});
    g_assert_true(imprint_node_append(parent, n));
    return n;
}

static void add_text(imprint_doc *doc, imprint_node *parent, const char *s)
{
    g_assert_true(
        imprint_node_append(parent, imprint_node_new_text(doc, parent->pos, s, strlen(s))));
}

static imprint_node *heading(imprint_doc *doc, imprint_node *parent, int level, unsigned line,
                             const char *s)
{
    imprint_node *h = add(doc, parent, IMPRINT_NODE_HEADING, parent->pos.file, line);
    h->as.heading.level = level;
    add_text(doc, h, s);
    return h;
}

static void test_outline_format(void)
{
    imprint_doc *doc = imprint_doc_new();
    /* a.txt: a titled article with notes and headings (one inside a quote,
     * one in a note, which the outline leaves out) */
    imprint_node *a = add(doc, doc->root, IMPRINT_NODE_ARTICLE, "a.txt", 1);
    a->as.article.title = "First article";
    a->as.article.source_file = "a.txt";
    imprint_node *h = heading(doc, a, 1, 5, "Intro ");
    imprint_node *em = add(doc, h, IMPRINT_NODE_EMPH, "a.txt", 5);
    add_text(doc, em, "proper");
    imprint_node *ref = add(doc, h, IMPRINT_NODE_NOTEREF, "a.txt", 5);
    imprint_node *q = add(doc, a, IMPRINT_NODE_QUOTE, "a.txt", 9);
    heading(doc, q, 2, 9, "Inside a quote");
    for (int i = 0; i < 3; i++) {
        imprint_node *note =
            imprint_node_new(doc, IMPRINT_NODE_NOTE, (imprint_pos){"a.txt", 40, 1});
        imprint_article_append_note(a, note);
        if (i == 0) {
            imprint_note_add_ref(note, ref);
            heading(doc, note, 1, 40, "Heading in a note");
        }
    }
    /* an untitled article from the same file */
    imprint_node *b = add(doc, doc->root, IMPRINT_NODE_ARTICLE, "a.txt", 50);
    b->as.article.source_file = "a.txt";
    heading(doc, b, 2, 52, "Only a heading");
    /* another file, then back to the first: its name is not repeated */
    imprint_node *c = add(doc, doc->root, IMPRINT_NODE_ARTICLE, "b.txt", 3);
    c->as.article.title = "From b";
    c->as.article.source_file = "b.txt";
    imprint_node *d = add(doc, doc->root, IMPRINT_NODE_ARTICLE, "a.txt", 70);
    d->as.article.title = "Back in a";
    d->as.article.source_file = "a.txt";
    g_assert_true(imprint_doc_check(doc, NULL));

    GString *out = g_string_new(NULL);
    imprint_write_outline(doc, out);
    g_assert_cmpstr(out->str, ==,
                    "# a.txt\n"
                    "1: article [3 notes] First article\n"
                    "5:   heading 1: Intro proper\n"
                    "9:   heading 2: Inside a quote\n"
                    "50: article [0 notes] (untitled)\n"
                    "52:   heading 2: Only a heading\n"
                    "# b.txt\n"
                    "3: article [0 notes] From b\n"
                    "70: article [0 notes] Back in a\n");
    g_string_free(out, TRUE);
    imprint_doc_free(doc);
}

/* Without a source file the article's own position names it. */
static void test_outline_source_fallback(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = add(doc, doc->root, IMPRINT_NODE_ARTICLE, "read.xml", 7);
    a->as.article.title = "T";
    GString *out = g_string_new(NULL);
    imprint_write_outline(doc, out);
    g_assert_cmpstr(out->str, ==, "# read.xml\n7: article [0 notes] T\n");
    g_string_free(out, TRUE);
    imprint_doc_free(doc);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/outline/format", test_outline_format);
    g_test_add_func("/outline/source-fallback", test_outline_source_fallback);
    return g_test_run();
}
