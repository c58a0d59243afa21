/* The markdown reader's lines that CommonMark would join: a paragraph
 * written a line each with no blank line between (a transcript's export),
 * cut into the paragraphs of its lines, and lines opening with "•", a
 * list's items; their lookalikes, and each limit from both sides. */
#include "read_markdown_test_util.h"

/* The kinds of the article's blocks, one letter each: P paragraph, L list,
 * H heading. */
static char *kinds(const imprint_node *article)
{
    GString *s = g_string_new(NULL);
    for (const imprint_node *b = article->first_child; b; b = b->next)
        g_string_append_c(s, b->kind == IMPRINT_NODE_PARAGRAPH ? 'P'
                             : b->kind == IMPRINT_NODE_LIST    ? 'L'
                             : b->kind == IMPRINT_NODE_HEADING ? 'H'
                                                               : '?');
    return g_string_free(s, FALSE);
}

static void assert_kinds(const char *md, const char *want)
{
    assert_article_as(md, kinds, want);
}

/* A podcast's export: four lines, one of them long, each ending a
 * sentence and most holding two, no blank line between: four paragraphs,
 * each at its line, and the paragraph after the blank line a fifth. */
static void test_line_paragraphs(void)
{
    read_result r = read_fixture("line_paragraphs.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    char *got = kinds(a);
    g_assert_cmpstr(got, ==, "PPPPP");
    g_free(got);
    imprint_node *third = a->first_child->next->next;
    g_assert_cmpuint(third->pos.line, ==, 7);
    char *text = md_plain(third);
    g_assert_true(g_str_has_prefix(text, "The answer is the fog."));
    g_free(text);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 5, "1 block of lines written a paragraph a line"));
    result_free(&r);
}

/* Its lookalike: a text written a sentence a line ("semantic line
 * breaks"), its paragraphs set apart by blank lines, keeps them, though
 * one of its lines is long. */
static void test_line_sentences(void)
{
    read_result r = read_fixture("line_sentences.md");
    imprint_node *a = r.doc->root->first_child;
    char *got = kinds(a);
    g_assert_cmpstr(got, ==, "PP");
    g_free(got);
    g_assert_false(has_diag(&r, IMPRINT_SEV_NOTE, 0, "a paragraph a line"));
    result_free(&r);
}

/* A long line of `chars` characters holding two sentences, over a
 * second line. */
static char *two_lines(int chars, const char *second)
{
    GString *s = g_string_new("One. A");
    while ((int)s->len < chars - 1)
        g_string_append_c(s, 'a');
    g_string_append_printf(s, ".\n%s\n", second);
    return g_string_free(s, FALSE);
}

/* MD_UNWRAPPED_MIN_CHARS (200): a line of 200 characters was never
 * wrapped, one of 199 may have been. */
static void test_unwrapped_min_chars(void)
{
    char *md = two_lines(200, "Two. Three.");
    assert_kinds(md, "PP");
    g_free(md);
    md = two_lines(199, "Two. Three.");
    assert_kinds(md, "P");
    g_free(md);
}

/* MD_LINE_PARAGRAPH_MULTI_SHARE (0.5): the paragraph is cut when half
 * its lines hold more than one sentence, not when fewer do; and a line
 * ending mid-sentence keeps the paragraph whole. */
static void test_multi_share(void)
{
    char *md = two_lines(220, "Two.");
    assert_kinds(md, "PP"); /* 1 of 2 */
    g_free(md);
    GString *s = g_string_new(NULL);
    char *head = two_lines(220, "Two.");
    g_string_append_printf(s, "%sThree.\n", head);
    assert_kinds(s->str, "P"); /* 1 of 3 */
    g_string_free(s, TRUE);
    g_free(head);
    md = two_lines(220, "and so on. Two.");
    char *nl = strchr(md, '\n');
    memmove(nl - 1, nl, strlen(nl) + 1); /* the first line ends without its stop */
    assert_kinds(md, "P");
    g_free(md);
}

/* Lines opening with "•" or "◦" are a list's items, the bullet taken off;
 * a blank line between two such runs keeps them one list. */
static void test_bullets(void)
{
    read_result r = read_fixture("bullets.md");
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    char *got = kinds(a);
    g_assert_cmpstr(got, ==, "PLP");
    g_free(got);
    imprint_node *list = a->first_child->next;
    g_assert_cmpint(list->as.list.style, ==, IMPRINT_LIST_BULLET);
    int items = 0;
    for (imprint_node *i = list->first_child; i; i = i->next)
        items++;
    g_assert_cmpint(items, ==, 3);
    /* "◦" under "•": a list inside the item above */
    imprint_node *sub = list->first_child->next->last_child;
    g_assert_cmpint(sub->kind, ==, IMPRINT_NODE_LIST);
    g_assert_null(sub->first_child->next);
    char *text = md_plain(sub->first_child);
    g_assert_cmpstr(text, ==, "The pilot decides, not the board.");
    g_free(text);
    text = md_plain(list->last_child); /* the bullet a text of its own, bold after it */
    g_assert_cmpstr(text, ==, "A second boat is not to be bought this year.");
    g_free(text);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 5, "4 lines opening with a bullet"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 5, "opening a list inside the item above"));
    result_free(&r);
}

static int children(const imprint_node *n)
{
    int k = 0;
    for (const imprint_node *c = n->first_child; c; c = c->next)
        k++;
    return k;
}

/* MD_BULLET_MAX_LEVELS (4): "•", "◦", "▪", "‣" nest one in the other; a
 * fifth bullet stays at the fourth level. */
static void test_bullet_levels(void)
{
    read_result r = read_string("Points:\n\n• One.\n◦ Two.\n▪ Three.\n‣ Four.\n⁃ Five.\n◦ Six.\n");
    assert_sound(r.doc);
    imprint_node *list = r.doc->root->first_child->first_child->next;
    imprint_node *level = list;
    for (int d = 1; d < 4; d++) {
        level = level->first_child->last_child;
        g_assert_cmpint(level->kind, ==, IMPRINT_NODE_LIST);
    }
    /* the fifth bullet an item of the fourth level, beside "Four." */
    g_assert_cmpint(children(level), ==, 2);
    char *text = md_plain(level->last_child);
    g_assert_cmpstr(text, ==, "Five.");
    g_free(text);
    /* "◦" again: back to the second level */
    imprint_node *second = list->first_child->last_child;
    g_assert_cmpint(children(second), ==, 2);
    text = md_plain(second->last_child);
    g_assert_cmpstr(text, ==, "Six.");
    g_free(text);
    result_free(&r);
}

/* Its lookalikes: "•" between a menu's words, and a "•" that opens only
 * the second line of a paragraph, stay text. */
static void test_bullets_lookalike(void)
{
    read_result r = read_fixture("bullets_lookalike.md");
    char *got = kinds(r.doc->root->first_child);
    g_assert_cmpstr(got, ==, "PPP");
    g_free(got);
    g_assert_false(has_diag(&r, IMPRINT_SEV_NOTE, 0, "bullet"));
    result_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/markdown/lines/line-paragraphs", test_line_paragraphs);
    g_test_add_func("/markdown/lines/line-sentences", test_line_sentences);
    g_test_add_func("/markdown/lines/unwrapped-min-chars", test_unwrapped_min_chars);
    g_test_add_func("/markdown/lines/multi-share", test_multi_share);
    g_test_add_func("/markdown/lines/bullets", test_bullets);
    g_test_add_func("/markdown/lines/bullet-levels", test_bullet_levels);
    g_test_add_func("/markdown/lines/bullets-lookalike", test_bullets_lookalike);
    return g_test_run();
}
