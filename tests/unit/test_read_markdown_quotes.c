/* The markdown reader's quotes: straight quotes in the text made curly as
 * the plain-text reader makes them, read across emphasis, links and note
 * references; and what keeps them straight: code, addresses, raw HTML, a
 * ditto mark alone. */
#include "read_markdown_test_util.h"

/* The plain text of the article's block `i` (0-based), g_free()d by the
 * caller. */
static char *block_text(const read_result *r, int i)
{
    const imprint_node *b = r->doc->root->first_child->first_child;
    while (i-- > 0 && b)
        b = b->next;
    g_assert_nonnull(b);
    return md_plain(b);
}

static void assert_block(const read_result *r, int i, const char *want)
{
    char *got = block_text(r, i);
    g_assert_cmpstr(got, ==, want);
    g_free(got);
}

static void test_curly(void)
{
    read_result r = read_fixture("curly_quotes.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    const imprint_node *a = r.doc->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==, "The Keeper’s “Last” Log");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Ann O’Hara");
    /* a quote before emphasis opens, after it closes */
    assert_block(&r, 0, "“We’re late,” said the keeper, “and the fog’s in.”");
    /* around strong text and a link */
    assert_block(&r, 1, "She wrote “storm” in the log and “the chart” beside it.");
    /* inside emphasis; single quotes around a word */
    assert_block(&r, 2, "“Hold fast,” he called; her ‘aye’ came back.");
    /* an elision before digits; a quote after a note reference closes */
    char *last = block_text(&r, 3);
    g_assert_true(g_str_has_prefix(last, "The ’90s rock’n’roll played on."));
    g_assert_true(g_str_has_suffix(last, "”"));
    g_free(last);
    const imprint_node *ref = r.doc->root->first_child->first_child->next->next->next->first_child;
    while (ref && ref->kind != IMPRINT_NODE_NOTEREF)
        ref = ref->next;
    g_assert_nonnull(ref);
    g_assert_nonnull(ref->as.noteref.note);
    char *note = md_plain(ref->as.noteref.note);
    g_assert_cmpstr(note, ==, "The keeper’s “own” words.");
    g_free(note);
    result_free(&r);
}

/* Code spans, code blocks, link addresses and raw HTML keep their quotes;
 * a straight quote alone between spaces is a ditto mark, kept. */
static void test_straight_kept(void)
{
    read_result r = read_fixture("curly_quotes_lookalike.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    assert_block(&r, 0, "Set name = \"lamp\" and it's in the file, as the manual says.");
    const imprint_node *link = NULL;
    for (const imprint_node *n = r.doc->root->first_child->first_child->first_child; n; n = n->next)
        if (n->kind == IMPRINT_NODE_LINK)
            link = n;
    g_assert_nonnull(link);
    g_assert_cmpstr(link->as.link.url, ==, "http://example.org/a?b=\"c\"");
    assert_block(&r, 1, "echo \"don't stop\"");
    assert_block(&r, 2,
                 "A ditto \" stands alone, and <span title=\"x\">raw</span> HTML keeps its own.");
    result_free(&r);
}

/* A run's context is the block's, not the run's: a quote that ends one
 * text run before code opens nothing wrongly, and each block starts anew. */
static void test_context(void)
{
    read_result r = read_string("He typed \"`ls`\" and 'x'.\n\n\"Next block.\"\n");
    assert_sound(r.doc);
    assert_block(&r, 0, "He typed “ls” and ‘x’.");
    assert_block(&r, 1, "“Next block.”");
    result_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/markdown/quotes/curly", test_curly);
    g_test_add_func("/markdown/quotes/straight-kept", test_straight_kept);
    g_test_add_func("/markdown/quotes/context", test_context);
    return g_test_run();
}
