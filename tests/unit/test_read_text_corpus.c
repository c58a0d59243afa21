/* The text reader on the bundled corpus texts: a sound tree, every word
 * kept, the articles an editor would see, and notes linked. */

#include "read_text_test_util.h"

static rt_result read_corpus(const char *name)
{
    char *path = g_build_filename(SOURCE_DIR, "editions", "sources", name, NULL);
    rt_result r = rt_read_file(path, NULL);
    g_free(path);
    if (g_test_verbose())
        rt_dump_outline(&r);
    return r;
}

static void assert_words_kept(rt_result *r)
{
    char *problem = rt_check_words(r->doc, r->data, r->len);
    if (problem)
        g_printerr("%s: %s\n", r->path, problem);
    g_assert_null(problem);
}

/* Titles (source line, title prefix) an editor would list for a file. */
typedef struct {
    unsigned line;
    const char *title; /* prefix; NULL for an untitled article */
} expected_article;

static void assert_articles(rt_result *r, const expected_article *want, int n)
{
    g_assert_cmpint(r->articles, ==, n);
    int i = 0;
    for (imprint_node *a = r->doc->root->first_child; a; a = a->next, i++) {
        g_assert_cmpuint(a->as.article.source_line, ==, want[i].line);
        if (want[i].title) {
            g_assert_nonnull(a->as.article.title);
            g_assert_true(g_str_has_prefix(a->as.article.title, want[i].title));
        } else {
            g_assert_null(a->as.article.title);
        }
        g_assert_cmpstr(a->as.article.source_file, ==, r->path);
    }
}

static int linked_notes(imprint_node *a)
{
    int n = 0;
    for (imprint_node *note = a->as.article.first_note; note; note = note->as.note.next_note)
        n += note->as.note.first_ref != NULL;
    return n;
}

static void test_corpus_000(void)
{
    rt_result r = read_corpus("000_c8437d6b3ad2a941.txt");
    static const expected_article want[] = {
        {1, "\u201cQuestions of the United Front in Germany"},
        {165, "First Coincidence near Stalingrad"},
        {204, "\u201cHow is the unity for the fall of Hitler?"},
        {241, "Responding to Xexizy"},
        {384, "Vegetarianism & Communism"},
        {515, "How Does Socialism Solve Racism"},
        {614, "Thoughts on Hoxha"},
        {709, "Moscow Trials (Part 3"},
        {1047, "Why do we need Marxism-Leninism?"},
        {1091, "The Moscow Trials (Part 2"},
    };
    assert_articles(&r, want, G_N_ELEMENTS(want));
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 16);
    g_assert_cmpint(linked_notes(a), ==, 16);
    a = rt_article(&r, 2);
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    g_assert_cmpint(linked_notes(a), ==, 3);
    /* the only sign of the swapped markers ⁶ and ⁷: ⁷ is read first */
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "note "), ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 92, "note marker 6 comes after marker 7"));
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "article split"), ==,
                     10);
    assert_words_kept(&r);
    rt_result_free(&r);
}

static void test_corpus_001(void)
{
    rt_result r = read_corpus("001_d1cafe7658540bb9.txt");
    static const expected_article want[] = {
        {1, "Analyzing the Moscow"},
        {227, "Why was Lenin"},
        {245, "Truth About the Kronstadt"},
        {614, "The Wallenberg Mystery solved?"},
        {628, "Short critique of"},
        {644, "\u201cQuestions of the United Front in Germany"},
        {858, "Moscow Trials (Part 3"},
        {1239, "The Moscow Trials (Part 2"},
        {1473, "The Moscow Trials (Part 1"},
        {2235, "TROTSKY\u2019S LIES (Part 2"},
    };
    assert_articles(&r, want, G_N_ELEMENTS(want));
    imprint_node *a = rt_article(&r, 5);
    g_assert_cmpint(a->as.article.note_count, ==, 16);
    g_assert_cmpint(linked_notes(a), ==, 16);
    /* three figure leftovers in the last article */
    g_assert_cmpuint(
        imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "figure placeholder"), ==, 3);
    assert_words_kept(&r);
    rt_result_free(&r);
}

static void test_corpus_003(void)
{
    rt_result r = read_corpus("003_0bac6d7f76fcfd08.txt");
    static const expected_article want[] = {{1, NULL}};
    assert_articles(&r, want, 1);
    imprint_node *a = rt_article(&r, 0);
    int quotes = 0, cited = 0;
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_QUOTE) {
            quotes++;
            cited += c->last_child->kind == IMPRINT_NODE_CITATION;
        }
    g_assert_cmpint(quotes, ==, 5);
    g_assert_cmpint(cited, ==, 5);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 2)->last_child), ==,
                    "Quoted in\u00a0The Moscow Trials");
    assert_words_kept(&r);
    rt_result_free(&r);
}

/* Every section heading of a multi-article file stays inside its article. */
static void test_corpus_headings_not_articles(void)
{
    rt_result r = read_corpus("001_d1cafe7658540bb9.txt");
    imprint_node *kronstadt = rt_article(&r, 2);
    int headings = 0;
    for (imprint_node *c = kronstadt->first_child; c; c = c->next)
        headings += c->kind == IMPRINT_NODE_HEADING;
    g_assert_cmpint(headings, >=, 12);
    g_assert_cmpstr(rt_text(&r, rt_child(kronstadt, 0)), ==, "THE KRONSTADT MUTINY");
    rt_result_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/read_text/corpus/000", test_corpus_000);
    g_test_add_func("/read_text/corpus/001", test_corpus_001);
    g_test_add_func("/read_text/corpus/003", test_corpus_003);
    g_test_add_func("/read_text/corpus/headings_not_articles", test_corpus_headings_not_articles);
    return g_test_run();
}
