#include <glib.h>
#include <string.h>

#include "imprint/arena.h"
#include "imprint/diag.h"
#include "imprint/model.h"
#include "model/nfc.h"

static imprint_pos P(unsigned line)
{
    return (imprint_pos){"fixture.txt", line, 1};
}

static void test_containment(void)
{
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_DOCUMENT, IMPRINT_NODE_ARTICLE));
    g_assert_false(imprint_node_can_contain(IMPRINT_NODE_DOCUMENT, IMPRINT_NODE_PARAGRAPH));
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_ARTICLE, IMPRINT_NODE_PARAGRAPH));
    g_assert_false(imprint_node_can_contain(IMPRINT_NODE_ARTICLE, IMPRINT_NODE_TEXT));
    g_assert_false(imprint_node_can_contain(IMPRINT_NODE_ARTICLE, IMPRINT_NODE_CITATION));
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_QUOTE, IMPRINT_NODE_CITATION));
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_PARAGRAPH, IMPRINT_NODE_NOTEREF));
    g_assert_false(imprint_node_can_contain(IMPRINT_NODE_PARAGRAPH, IMPRINT_NODE_PARAGRAPH));
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_LIST, IMPRINT_NODE_ITEM));
    g_assert_false(imprint_node_can_contain(IMPRINT_NODE_LIST, IMPRINT_NODE_PARAGRAPH));
    g_assert_false(imprint_node_can_contain(IMPRINT_NODE_TEXT, IMPRINT_NODE_TEXT));
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_TABLE, IMPRINT_NODE_ROW));
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_ROW, IMPRINT_NODE_CELL));
    g_assert_true(imprint_node_can_contain(IMPRINT_NODE_VERSE, IMPRINT_NODE_LINE));
}

/* imprint_node_insert_before: before the first child and between two, the
 * links both ways kept; refused for a parent the containment rules forbid,
 * for an attached node and for a sibling with no parent. */
static void test_insert_before(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *art = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, P(1));
    imprint_node_append(doc->root, art);
    imprint_node *b = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(3));
    imprint_node *d = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(5));
    imprint_node_append(art, b);
    imprint_node_append(art, d);
    imprint_node *a = imprint_node_new(doc, IMPRINT_NODE_HEADING, P(2));
    a->as.heading.level = 1;
    imprint_node *c = imprint_node_new(doc, IMPRINT_NODE_CLOSER, P(4));
    g_assert_true(imprint_node_insert_before(b, a));
    g_assert_true(imprint_node_insert_before(d, c));
    g_assert_true(art->first_child == a && a->next == b && b->next == c && c->next == d);
    g_assert_true(d->prev == c && c->prev == b && b->prev == a && a->prev == NULL);
    g_assert_true(art->last_child == d && c->parent == art);
    g_assert_false(imprint_node_insert_before(b, a)); /* attached already */
    imprint_node *t = imprint_node_new_text(doc, P(3), "x", 1);
    g_assert_false(imprint_node_insert_before(b, t)); /* no text in an article */
    g_assert_false(
        imprint_node_insert_before(doc->root, imprint_node_new(doc, IMPRINT_NODE_ARTICLE, P(9))));
    g_assert_true(imprint_doc_check(doc, NULL));
    imprint_doc_free(doc);
}

/* imprint_node_prepend: into an empty parent and before a first child;
 * refused for an attached node and where the containment rules forbid. */
static void test_prepend(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *p = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(1));
    imprint_node *b = imprint_node_new_text(doc, P(1), "b", 1);
    imprint_node *a = imprint_node_new(doc, IMPRINT_NODE_EMPH, P(1));
    g_assert_true(imprint_node_prepend(p, b));
    g_assert_true(p->first_child == b && p->last_child == b && b->parent == p);
    g_assert_true(imprint_node_prepend(p, a));
    g_assert_true(p->first_child == a && a->next == b && b->prev == a && p->last_child == b);
    g_assert_false(imprint_node_prepend(p, a)); /* attached already */
    g_assert_false(imprint_node_prepend(p, imprint_node_new(doc, IMPRINT_NODE_ARTICLE, P(2))));
    g_assert_true(p->first_child == a);
    imprint_doc_free(doc);
}

static void test_build_and_check(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *art = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, P(1));
    art->as.article.title = "Title";
    g_assert_true(imprint_node_append(doc->root, art));
    imprint_node *para = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(3));
    g_assert_true(imprint_node_append(art, para));
    g_assert_true(imprint_node_append(para, imprint_node_new_text(doc, P(3), "Caf\xc3\xa9", 5)));
    imprint_node *ref = imprint_node_new(doc, IMPRINT_NODE_NOTEREF, P(3));
    g_assert_true(imprint_node_append(para, ref));
    g_assert_false(imprint_node_append(para, imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(4))));

    imprint_node *note = imprint_node_new(doc, IMPRINT_NODE_NOTE, P(9));
    imprint_article_append_note(art, note);
    imprint_node *np = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(9));
    imprint_node_append(note, np);
    imprint_node_append(np, imprint_node_new_text(doc, P(9), "A note.", 7));
    imprint_note_add_ref(note, ref);
    g_assert_cmpint(note->as.note.number, ==, 1);
    g_assert_cmpuint(imprint_note_ref_count(note), ==, 1);
    g_assert_true(imprint_node_article(ref) == art);

    GString *problems = g_string_new(NULL);
    g_assert_true(imprint_doc_check(doc, problems));
    g_assert_cmpstr(problems->str, ==, "");

    imprint_doc_stats st;
    imprint_doc_count(doc, &st);
    g_assert_cmpuint(st.articles, ==, 1);
    g_assert_cmpuint(st.paragraphs, ==, 2);
    g_assert_cmpuint(st.notes, ==, 1);
    g_assert_cmpuint(st.noterefs, ==, 1);
    g_assert_cmpstr(imprint_node_plain_text(doc, para), ==, "Caf\xc3\xa9");

    imprint_node_unlink(para);
    g_assert_null(art->first_child);
    g_string_free(problems, TRUE);
    imprint_doc_free(doc);
}

static void test_check_finds_problems(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *art = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, P(1));
    imprint_node_append(doc->root, art);
    imprint_node *para = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(2));
    imprint_node_append(art, para);
    /* "e" + combining acute: valid UTF-8 but not NFC. */
    imprint_node_append(para, imprint_node_new_text(doc, P(2), "e\xcc\x81", 3));
    /* Forced past imprint_node_append: a paragraph inside a paragraph. */
    imprint_node *bad = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(2));
    bad->parent = para;
    bad->prev = para->last_child;
    para->last_child->next = bad;
    para->last_child = bad;
    GString *problems = g_string_new(NULL);
    g_assert_false(imprint_doc_check(doc, problems));
    g_assert_nonnull(strstr(problems->str, "not in NFC"));
    g_assert_nonnull(strstr(problems->str, "may not stand inside paragraph"));
    g_string_free(problems, TRUE);
    imprint_doc_free(doc);
}

/* A note referenced many times: chaining is constant-time and the check stays
 * linear; a broken last-reference link is found. */
static void test_many_refs(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *art = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, P(1));
    imprint_node_append(doc->root, art);
    imprint_node *para = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(2));
    imprint_node_append(art, para);
    imprint_node *note = imprint_node_new(doc, IMPRINT_NODE_NOTE, P(3));
    imprint_article_append_note(art, note);
    for (int i = 0; i < 20000; i++) {
        imprint_node *ref = imprint_node_new(doc, IMPRINT_NODE_NOTEREF, P(2));
        imprint_node_append(para, ref);
        imprint_note_add_ref(note, ref);
    }
    g_assert_cmpuint(imprint_note_ref_count(note), ==, 20000);
    g_assert_true(note->as.note.last_ref == para->last_child);
    g_assert_true(imprint_doc_check(doc, NULL));
    note->as.note.last_ref = para->first_child;
    GString *problems = g_string_new(NULL);
    g_assert_false(imprint_doc_check(doc, problems));
    g_assert_nonnull(strstr(problems->str, "wrong last-reference link"));
    g_string_free(problems, TRUE);
    imprint_doc_free(doc);
}

static void test_arena(void)
{
    imprint_arena *a = imprint_arena_new();
    char *s = imprint_arena_strdup(a, "hello");
    g_assert_cmpstr(s, ==, "hello");
    /* A block bigger than a chunk, then small ones: all stay valid. */
    char *big = imprint_arena_alloc(a, 1 << 20);
    big[(1 << 20) - 1] = 'x';
    char *t = imprint_arena_printf(a, "%d-%s", 7, "x");
    g_assert_cmpstr(t, ==, "7-x");
    g_assert_cmpstr(s, ==, "hello");
    g_assert_null(imprint_arena_strdup(a, NULL));
    g_assert_cmpuint(imprint_arena_used(a), >=, (1 << 20));
    imprint_arena_free(a);
    imprint_arena_free(NULL);
    imprint_doc_free(NULL);
}

/* What one arena handed out stays valid, and is freed, with the arena that
 * adopts it; the adopting arena's current chunk keeps serving. */
static void test_arena_adopt(void)
{
    imprint_arena *to = imprint_arena_new();
    imprint_arena *from = imprint_arena_new();
    imprint_arena *empty = imprint_arena_new();
    char *a = imprint_arena_strdup(to, "kept");
    char *b = imprint_arena_strdup(from, "adopted");
    char *big = imprint_arena_alloc(from, 1 << 20);
    big[0] = 'x';
    size_t used = imprint_arena_used(to) + imprint_arena_used(from);
    imprint_arena_adopt(to, from);
    imprint_arena_adopt(to, empty);
    g_assert_cmpuint(imprint_arena_used(to), ==, used);
    g_assert_cmpuint(imprint_arena_used(from), ==, 0);
    char *c = imprint_arena_strdup(to, "after");
    g_assert_cmpstr(a, ==, "kept");
    g_assert_cmpstr(b, ==, "adopted");
    g_assert_cmpstr(c, ==, "after");
    /* Right after "kept" in the current chunk: not in an adopted one. */
    g_assert_true(c == a + sizeof(max_align_t));
    /* Into an empty arena too; `from` is usable again after. */
    char *d = imprint_arena_strdup(from, "again");
    imprint_arena_adopt(empty, from);
    g_assert_cmpstr(d, ==, "again");
    imprint_arena_free(from);
    imprint_arena_free(to);
    imprint_arena_free(empty);
}

static void test_diags(void)
{
    imprint_diags *d = imprint_diags_new();
    imprint_diags_report(d, IMPRINT_SEV_WARNING, (imprint_pos){"a.txt", 3, 7}, "odd %s", "thing");
    imprint_diags_report(d, IMPRINT_SEV_ERROR, (imprint_pos){"b.yaml", 0, 0}, "bad");
    g_assert_cmpuint(imprint_diags_len(d), ==, 2);
    g_assert_cmpuint(imprint_diags_count(d, IMPRINT_SEV_ERROR), ==, 1);
    g_assert_cmpuint(imprint_diags_count_matching(d, IMPRINT_SEV_WARNING, "odd"), ==, 1);
    char *line = imprint_diag_format(imprint_diags_get(d, 0));
    g_assert_cmpstr(line, ==, "a.txt:3:7: warning: odd thing");
    g_free(line);
    line = imprint_diag_format(imprint_diags_get(d, 1));
    g_assert_cmpstr(line, ==, "b.yaml: error: bad");
    g_free(line);
    g_assert_null(imprint_diags_get(d, 2));
    imprint_diags_free(d);
    imprint_diags_free(NULL);
}

static imprint_node *add(imprint_doc *doc, imprint_node *parent, imprint_node_kind kind)
{
    imprint_node *n = imprint_node_new(doc, kind, P(1));
    g_assert_true(imprint_node_append(parent, n));
    return n;
}

static void add_text(imprint_doc *doc, imprint_node *parent, const char *s)
{
    g_assert_true(imprint_node_append(parent, imprint_node_new_text(doc, P(1), s, strlen(s))));
}

/* IMPRINT_ARTICLE_LABEL_WORDS: an untitled article is named by its first 8
 * words, whatever the block that holds them but a sidenote or code; a
 * title wins. */
static void test_article_label(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = add(doc, doc->root, IMPRINT_NODE_ARTICLE);
    add_text(doc, add(doc, a, IMPRINT_NODE_PARAGRAPH),
             "one two three four five six seven eight nine ten");
    char *label = imprint_article_label(a);
    g_assert_cmpstr(label, ==, "one two three four five six seven eight\u2026");
    g_free(label);
    imprint_node *b = add(doc, doc->root, IMPRINT_NODE_ARTICLE);
    add(doc, b, IMPRINT_NODE_BREAK);
    add_text(doc, add(doc, b, IMPRINT_NODE_SIDENOTE), "a summary in the margin");
    add_text(doc, add(doc, b, IMPRINT_NODE_CODE), "+--+--+--+");
    imprint_node *q = add(doc, b, IMPRINT_NODE_QUOTE);
    imprint_node *p = add(doc, q, IMPRINT_NODE_PARAGRAPH);
    add_text(doc, p, "just\u00a0three");
    add(doc, p, IMPRINT_NODE_LINEBREAK);
    add_text(doc, p, "words");
    label = imprint_article_label(b);
    g_assert_cmpstr(label, ==, "just three words"); /* exactly 8 would have no ellipsis either */
    g_free(label);
    imprint_node *c = add(doc, doc->root, IMPRINT_NODE_ARTICLE);
    label = imprint_article_label(c);
    g_assert_cmpstr(label, ==, "Untitled");
    g_free(label);
    c->as.article.title = "A Title";
    label = imprint_article_label(c);
    g_assert_cmpstr(label, ==, "A Title");
    g_free(label);
    imprint_doc_free(doc);
}

/* imprint_diags_sort: the files in the order of their first message, each
 * by line and column, two messages at one place in the order reported. */
static void test_diags_sort(void)
{
    imprint_diags *d = imprint_diags_new();
    imprint_diags_report(d, IMPRINT_SEV_NOTE, (imprint_pos){"b.txt", 9, 1}, "b9");
    imprint_diags_report(d, IMPRINT_SEV_NOTE, (imprint_pos){"a.txt", 3, 5}, "a3.5");
    imprint_diags_report(d, IMPRINT_SEV_WARNING, (imprint_pos){"b.txt", 2, 1}, "b2 first");
    imprint_diags_report(d, IMPRINT_SEV_NOTE, (imprint_pos){"a.txt", 3, 2}, "a3.2");
    imprint_diags_report(d, IMPRINT_SEV_NOTE, (imprint_pos){"b.txt", 2, 1}, "b2 second");
    imprint_diags_report(d, IMPRINT_SEV_NOTE, (imprint_pos){"b.txt", 0, 0}, "b whole");
    imprint_diags_sort(d);
    const char *want[] = {"b whole", "b2 first", "b2 second", "b9", "a3.2", "a3.5"};
    g_assert_cmpuint(imprint_diags_len(d), ==, G_N_ELEMENTS(want));
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        g_assert_cmpstr(imprint_diags_get(d, i)->message, ==, want[i]);
    imprint_diags_free(d);
    imprint_diags *empty = imprint_diags_new();
    imprint_diags_sort(empty);
    imprint_diags_free(empty);
}

/* The iterator: enter before the children, exit after; leaves are entered
 * only; the walk stays inside its root and ends with DONE for good. */
static void test_iterator(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = add(doc, doc->root, IMPRINT_NODE_ARTICLE);
    imprint_node *p = add(doc, a, IMPRINT_NODE_PARAGRAPH);
    add_text(doc, p, "x");
    imprint_node *em = add(doc, p, IMPRINT_NODE_EMPH);
    add_text(doc, em, "y");
    add(doc, p, IMPRINT_NODE_LINEBREAK);
    add(doc, a, IMPRINT_NODE_BREAK);
    add(doc, a, IMPRINT_NODE_LIST);            /* empty container: enter and exit */
    add(doc, doc->root, IMPRINT_NODE_ARTICLE); /* outside the walked subtree */
    GString *trace = g_string_new(NULL);
    imprint_iter it;
    imprint_iter_init(&it, a);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        g_string_append_printf(trace, "%c%s ", it.event == IMPRINT_EVENT_ENTER ? '+' : '-',
                               imprint_node_kind_name(it.node->kind));
    g_assert_cmpstr(trace->str, ==,
                    "+article +paragraph +text +emph +text -emph +linebreak -paragraph +break "
                    "+list -list -article ");
    g_assert_cmpint(imprint_iter_next(&it), ==, IMPRINT_EVENT_DONE);
    imprint_iter_init(&it, NULL);
    g_assert_cmpint(imprint_iter_next(&it), ==, IMPRINT_EVENT_DONE);
    g_string_free(trace, TRUE);

    GString *plain = g_string_new(NULL);
    imprint_node_append_plain(p, plain);
    g_assert_cmpstr(plain->str, ==, "xy ");
    g_string_free(plain, TRUE);
    imprint_doc_free(doc);
}

/* A run of text grows in place: appends merge into the last TEXT child,
 * the whole stays NFC across the seams (an accent appended to its letter
 * composes with it), and n appends use arena space linear in the run. */
static void test_append_text(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *art = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, P(1));
    imprint_node *para = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(1));
    g_assert_true(imprint_node_append(doc->root, art));
    g_assert_true(imprint_node_append(art, para));
    imprint_node *t = imprint_node_append_text(doc, para, P(1), "Cafe", 4);
    g_assert_nonnull(t);
    g_assert_true(imprint_node_append_text(doc, para, P(2), "\xcc\x81 noir", 7) == t);
    g_assert_cmpstr(t->as.text.text, ==, "Caf\xc3\xa9 noir");
    g_assert_cmpuint(t->as.text.len, ==, strlen(t->as.text.text));
    g_assert_true(para->first_child == t && para->last_child == t);
    /* not UTF-8, or a parent that takes no text: nothing appended */
    g_assert_null(imprint_node_append_text(doc, para, P(3), "\xff", 1));
    g_assert_null(imprint_node_append_text(doc, art, P(3), "x", 1));
    g_assert_cmpstr(t->as.text.text, ==, "Caf\xc3\xa9 noir");
    /* after an element a new run starts */
    g_assert_true(imprint_node_append(para, imprint_node_new(doc, IMPRINT_NODE_LINEBREAK, P(4))));
    imprint_node *u = imprint_node_append_text(doc, para, P(4), "x", 1);
    g_assert_true(u != t && para->last_child == u);

    size_t before = imprint_arena_used(doc->arena);
    imprint_node *p2 = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, P(5));
    g_assert_true(imprint_node_append(art, p2));
    enum { PIECES = 20000 };
    for (int i = 0; i < PIECES; i++)
        imprint_node_append_text(doc, p2, P(5), "ab ", 3);
    g_assert_cmpuint(p2->first_child->as.text.len, ==, 3 * PIECES);
    /* Doubling: at most ~4 times the run; copying the run on every append
     * would take PIECES * run / 2, some 900 MB. */
    g_assert_cmpuint(imprint_arena_used(doc->arena) - before, <, 8u * 3 * PIECES);
    GString *problems = g_string_new(NULL);
    g_assert_true(imprint_doc_check(doc, problems));
    g_string_free(problems, TRUE);
    imprint_doc_free(doc);
}

/* Normalising bounds runs of combining marks (Unicode's stream-safe
 * format): a joiner after every IMPRINT_NFC_MAX_NONSTARTERS marks, so that
 * a run of 100,000 marks costs linear time; normalising again changes
 * nothing, and text within the limit is plain NFC. */
static void test_nfc_stream_safe(void)
{
    char *s = imprint_nfc("e\xcc\x81", -1);
    g_assert_cmpstr(s, ==, "\xc3\xa9");
    g_free(s);
    g_assert_null(imprint_nfc("\xc3", -1));

    GString *marks = g_string_new("a");
    for (int i = 0; i < 100000; i++)
        g_string_append_unichar(marks, i % 2 ? 0x0301 : 0x0316);
    char *safe = imprint_nfc(marks->str, (gssize)marks->len);
    size_t run = 0, joiners = 0;
    for (const char *p = safe; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == 0x034F)
            joiners++;
        run = g_unichar_combining_class(c) ? run + 1 : 0;
        g_assert_cmpuint(run, <=, IMPRINT_NFC_MAX_NONSTARTERS);
    }
    g_assert_cmpuint(joiners, ==, (100000 - 1) / IMPRINT_NFC_MAX_NONSTARTERS);
    char *again = imprint_nfc(safe, -1);
    g_assert_cmpstr(again, ==, safe);
    g_free(again);
    g_free(safe);
    g_string_free(marks, TRUE);

    /* the stable prefix ends before the last starter */
    g_assert_cmpuint(imprint_nfc_stable_prefix("ab\xcc\x81", 4), ==, 1);
    g_assert_cmpuint(imprint_nfc_stable_prefix("abc", 3), ==, 2);
    g_assert_cmpuint(imprint_nfc_stable_prefix("", 0), ==, 0);
    g_assert_cmpuint(imprint_nfc_stable_prefix("\xcc\x81", 2), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/model/containment", test_containment);
    g_test_add_func("/model/build-and-check", test_build_and_check);
    g_test_add_func("/model/insert-before", test_insert_before);
    g_test_add_func("/model/prepend", test_prepend);
    g_test_add_func("/model/check-finds-problems", test_check_finds_problems);
    g_test_add_func("/model/many-refs", test_many_refs);
    g_test_add_func("/model/arena", test_arena);
    g_test_add_func("/model/arena-adopt", test_arena_adopt);
    g_test_add_func("/model/article-label", test_article_label);
    g_test_add_func("/model/diags-sort", test_diags_sort);
    g_test_add_func("/model/iterator", test_iterator);
    g_test_add_func("/model/append-text", test_append_text);
    g_test_add_func("/model/nfc-stream-safe", test_nfc_stream_safe);
    g_test_add_func("/diag/format", test_diags);
    return g_test_run();
}
