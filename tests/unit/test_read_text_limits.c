/* The text reader's named limits and pathological inputs. */

#include "read/text/text.h"
#include "read_text_test_util.h"

static void append_sup(GString *s, int n)
{
    static const char *const sup[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                      "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    char digits[16];
    g_snprintf(digits, sizeof digits, "%d", n);
    for (char *d = digits; *d; d++)
        g_string_append(s, sup[*d - '0']);
}

/* 10,000 footnotes in one article all link. */
static void test_ten_thousand_notes(void)
{
    GString *s = g_string_new("Many Notes\n\n");
    for (int i = 1; i <= 10000; i++) {
        g_string_append_printf(s, "Claim %d", i);
        append_sup(s, i);
        g_string_append(s, i % 50 ? " " : ".\n\n");
    }
    g_string_append(s, "\n\n");
    for (int i = 1; i <= 10000; i++) {
        append_sup(s, i);
        g_string_append_printf(s, " Source number %d.\n", i);
    }
    rt_result r = rt_read_buffer("notes10k.txt", s->str, s->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 10000);
    int linked = 0;
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note)
        linked += imprint_note_ref_count(n) == 1;
    g_assert_cmpint(linked, ==, 10000);
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);
    g_assert_cmpstr(a->as.article.last_note->as.note.label, ==, "10000");
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* More than IMPRINT_MAX_NOTES notes in one article is an error. */
static void test_too_many_notes(void)
{
    GString *s = g_string_new("Too Many Notes\n\nA paragraph of text.\n\n");
    for (int i = 1; i <= IMPRINT_MAX_NOTES + 1; i++) {
        append_sup(s, i);
        g_string_append(s, " n\n");
    }
    rt_result r = rt_read_buffer("toomany.txt", s->str, s->len, NULL);
    g_assert_cmpint(r.articles, ==, -1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_ERROR, (unsigned)IMPRINT_MAX_NOTES + 5,
                              "more than 100000 notes in one article"));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

static GString *nested_bullets(int levels)
{
    GString *s = g_string_new("Nested\n\nThe list below nests by indentation:\n\n");
    for (int i = 0; i < levels; i++) {
        for (int k = 0; k < i; k++)
            g_string_append_c(s, ' ');
        g_string_append_printf(s, "\u2022 level %d\n", i + 1);
    }
    return s;
}

/* Lists nest by indentation up to the model's IMPRINT_MAX_DEPTH. */
static void test_nesting_limit(void)
{
    GString *s = nested_bullets(20);
    rt_result r = rt_read_buffer("nest20.txt", s->str, s->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    int depth = 0;
    for (imprint_node *n = rt_child(rt_article(&r, 0), 1); n && n->kind == IMPRINT_NODE_LIST;
         n = n->first_child->last_child)
        depth++;
    g_assert_cmpint(depth, ==, 20);
    rt_result_free(&r);
    g_string_free(s, TRUE);

    s = nested_bullets(IMPRINT_MAX_DEPTH);
    rt_result deep = rt_read_buffer("nest64.txt", s->str, s->len, NULL);
    g_assert_cmpint(deep.articles, ==, -1);
    g_assert_true(rt_has_diag(&deep, IMPRINT_SEV_ERROR, 0, "nested more than"));
    rt_result_free(&deep);
    g_string_free(s, TRUE);
}

/* A 5 MB line, with links and note markers all through it, is one
 * paragraph. (Markers cycle through 100 notes: imprint_doc_check() compares
 * each reference with its note's list, so one note referenced 100,000 times
 * would test the checker, not the reader.) */
static void test_five_mb_line(void)
{
    GString *s = g_string_new("Long\n\n");
    size_t start = s->len;
    for (int i = 0; s->len - start < 5u * 1024 * 1024; i++) {
        g_string_append(s, "word (see http://example.org/a_(b)). more text ");
        if (i % 64 == 0) {
            g_string_append(s, "marked");
            append_sup(s, i / 64 % 100 + 1);
            g_string_append(s, " ");
        }
    }
    g_string_append(s, "\n\n");
    for (int n = 1; n <= 100; n++) {
        append_sup(s, n);
        g_string_append_printf(s, " Note %d.\n", n);
    }
    rt_result r = rt_read_buffer("long.txt", s->str, s->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(rt_count_children(a), ==, 1);
    imprint_node *p = rt_child(a, 0);
    g_assert_cmpint(p->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpuint(p->pos.line, ==, 3);
    imprint_node *first_link = NULL;
    for (imprint_node *c = p->first_child; c && !first_link; c = c->next)
        if (c->kind == IMPRINT_NODE_LINK)
            first_link = c;
    g_assert_nonnull(first_link);
    g_assert_cmpstr(first_link->as.link.url, ==, "http://example.org/a_(b)");
    g_assert_cmpint(a->as.article.note_count, ==, 100);
    g_assert_cmpuint(imprint_note_ref_count(a->as.article.last_note), >, 10);
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* READ_TEXT_MAX_MARKER_DIGITS: a longer run of superscripts stays text. */
static void test_marker_digits(void)
{
    GString *s = g_string_new("Digits\n\nA value");
    for (int i = 0; i < READ_TEXT_MAX_MARKER_DIGITS + 1; i++)
        g_string_append(s, "\u00b9");
    g_string_append(s, " and a note");
    append_sup(s, 123456);
    g_string_append(s, " here.\n");
    rt_result r = rt_read_buffer("digits.txt", s->str, s->len, NULL);
    imprint_node *p = rt_child(rt_article(&r, 0), 0);
    int refs = 0;
    for (imprint_node *c = p->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_NOTEREF) {
            refs++;
            g_assert_cmpint(c->as.noteref.number, ==, 123456);
        }
    g_assert_cmpint(refs, ==, 1);
    g_assert_nonnull(strstr(rt_text(&r, p), "\u00b9\u00b9\u00b9\u00b9\u00b9\u00b9\u00b9"));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* READ_TEXT_MAX_QUOTE_LINES: a quote mark never closed does not swallow the
 * lines after it. */
static void test_quote_lines(void)
{
    GString *s = g_string_new("Open Quote\n\n\u201cA quote that is never closed on its line\n\n");
    for (int i = 0; i < READ_TEXT_MAX_QUOTE_LINES + 2; i++)
        g_string_append_printf(s, "Paragraph %d of the author, in plain prose.\n\n", i);
    g_string_append(s, "The end of something.\u201d\n");
    rt_result r = rt_read_buffer("openquote.txt", s->str, s->len, NULL);
    imprint_node *a = rt_article(&r, 0);
    imprint_node *q = rt_child(a, 0);
    g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
    g_assert_cmpint(rt_count_children(q), ==, 1);
    g_assert_cmpint(rt_child(a, 1)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    rt_result_free(&r);
    g_string_free(s, TRUE);

    /* within the limit, the quote runs to its closing mark */
    const char ok[] =
        "Q\n\n\u201cOpen here\n\nstill quoted\n\nclosed now.\u201d\n(Someone, p. 1)\n";
    rt_result r2 = rt_read_buffer("quote3.txt", ok, sizeof ok - 1, NULL);
    q = rt_child(rt_article(&r2, 0), 0);
    g_assert_cmpint(rt_count_children(q), ==, 4);
    g_assert_cmpint(q->last_child->kind, ==, IMPRINT_NODE_CITATION);
    rt_result_free(&r2);
}

/* READ_TEXT_MAX_HEADING_CHARS: a longer line is no heading. */
static void test_heading_chars(void)
{
    GString *s = g_string_new("Headings\n\nSome prose first, long enough to be a paragraph.\n\n");
    GString *h = g_string_new("A");
    while (h->len < READ_TEXT_MAX_HEADING_CHARS + 1)
        g_string_append(h, " Word");
    g_string_truncate(h, READ_TEXT_MAX_HEADING_CHARS + 1);
    g_string_append_printf(s, "%s\n\nMore prose after it, long enough to be a paragraph.\n\n",
                           h->str);
    g_string_append(s, "A Short Heading\n\nThe last paragraph of prose, ending properly.\n");
    rt_result r = rt_read_buffer("headings.txt", s->str, s->len, NULL);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(rt_child(a, 1)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpint(rt_child(a, 3)->kind, ==, IMPRINT_NODE_HEADING);
    rt_result_free(&r);
    g_string_free(h, TRUE);
    g_string_free(s, TRUE);
}

/* READ_TEXT_MIN_BIB_RUN: that many short lines after the text are taken as
 * references; fewer stay as they are. */
static void test_bib_run(void)
{
    for (int n = READ_TEXT_MIN_BIB_RUN - 1; n <= READ_TEXT_MIN_BIB_RUN; n++) {
        GString *s =
            g_string_new("Refs\n\nA paragraph of prose that is long enough, ending in a stop.\n\n");
        for (int i = 0; i < n; i++)
            g_string_append_printf(s, "Author %c, A Book Title\n\n", 'A' + i);
        rt_result r = rt_read_buffer("refs.txt", s->str, s->len, NULL);
        imprint_node *second = rt_child(rt_article(&r, 0), 1);
        gboolean bib = second->kind == IMPRINT_NODE_LIST && second->as.list.bibliography;
        g_assert_cmpint(bib, ==, n >= READ_TEXT_MIN_BIB_RUN);
        if (bib) {
            g_assert_cmpint(rt_count_children(second), ==, n);
            g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 5, "list of references"));
        }
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* 20,000 short lines: one poem, one list of references, judged once each
 * (a reader that re-judged the run from every line would take hours). */
static void test_long_runs(void)
{
    GString *s = g_string_new("Runs\n\nA paragraph of prose that is long enough to be prose, and "
                              "that ends in a full stop.\n\n");
    for (int i = 0; i < 20000; i++)
        g_string_append_printf(s, "Line %d of the poem,\n\n", i);
    g_string_append(s, "And the end!\n\nMore prose after the poem, long enough to be prose, and "
                       "ending in a full stop.\n\n");
    for (int i = 0; i < 20000; i++)
        g_string_append_printf(s, "Author %d, A Book\n\n", i);
    rt_result r = rt_read_buffer("runs.txt", s->str, s->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    imprint_node *v = rt_child(a, 1);
    g_assert_cmpint(v->kind, ==, IMPRINT_NODE_VERSE);
    g_assert_cmpint(rt_count_children(v), ==, 20001);
    imprint_node *list = rt_child(a, 3);
    g_assert_true(list->kind == IMPRINT_NODE_LIST && list->as.list.bibliography);
    g_assert_cmpint(rt_count_children(list), ==, 20000);
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* 20,000 lines set in, a blank line apart, in a wrapped book: each looked
 * at once as a possible entry with a hanging indent (a reader that started
 * a run again at each line would be quadratic: 5.2 s for 20,000 lines,
 * against 0.2 s), and none taken so, none turned over. */
static void test_long_hanging_run(void)
{
    GString *s = g_string_new("THE HARBOUR\n\n");
    for (int k = 0; k < 5; k++)
        g_string_append(s,
                        "The harbour was rebuilt in the year of the great storm, of the stones\n"
                        "brought by sea from the quarries along the coast, and it has stood so\n"
                        "since with no more than the repairs any wall of its age will need.\n\n");
    for (int i = 0; i < 20000; i++)
        g_string_append_printf(s, "  Line %d of the list.\n\n", i);
    rt_result r = rt_read_buffer("hanging.txt", s->str, s->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "hanging indents"));
    g_assert_cmpint(rt_count_children(rt_article(&r, 0)), >=, 20000);
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* A poem of 4,000 stanzas set in within a wrapped book: each stanza is
 * quoted, prose being near it (rt_prose_beside), found once for the text
 * (a walk over the poem from each stanza would be quadratic: 6.9 s for
 * 8,000 stanzas, against 0.4 s). */
static void test_long_quoted_poem(void)
{
    GString *s = g_string_new("A River Book\n\n");
    for (int i = 0; i < 4000; i++)
        g_string_append(s, "The book opens with a long account of the river and the people who\n"
                           "lived along it, and the poem that follows is quoted whole because\n"
                           "nobody has printed it anywhere else in the last hundred years.\n\n");
    for (int i = 0; i < 4000; i++)
        g_string_append(s, "    The river runs by the mill,\n    And turns the wheel when all is "
                           "still.\n\n");
    g_string_append(s, "After the poem the book goes on with the river and the people who\n"
                       "lived along it, as it did before the poem was quoted in it.\n");
    rt_result r = rt_read_buffer("river.txt", s->str, s->len, NULL);
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    int stanzas = 0;
    for (imprint_node *c = a->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_QUOTE)
            stanzas += rt_count_children(c);
    g_assert_cmpint(stanzas, ==, 4000);
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* Whether `src` reads as one table and nothing else. */
static bool one_table(const char *src)
{
    rt_result r = rt_read_buffer("ruled.txt", src, strlen(src), NULL);
    imprint_node *a = rt_article(&r, 0);
    bool table = rt_count_children(a) == 1 && a->first_child->kind == IMPRINT_NODE_TABLE;
    rt_result_free(&r);
    return table;
}

/* A drawn table's rule needs RULED_MIN_DASHES dashes ("-+-" has one too
 * few) and has RULED_MAX_CROSSINGS crossings at most (one more, and the
 * lines are text). */
static void test_ruled_limits(void)
{
    for (int dashes = RULED_MIN_DASHES - 1; dashes <= RULED_MIN_DASHES; dashes++) {
        GString *rule = g_string_new("-+");
        for (int k = 2; k < dashes + 1; k++)
            g_string_append_c(rule, '-');
        char *src = g_strdup_printf("%s\na|b\nc|d\n", rule->str);
        g_assert_cmpint(one_table(src), ==, dashes >= RULED_MIN_DASHES);
        g_free(src);
        g_string_free(rule, TRUE);
    }
    for (int n = RULED_MAX_CROSSINGS; n <= RULED_MAX_CROSSINGS + 1; n++) {
        GString *src = g_string_new("---");
        for (int k = 0; k < n; k++)
            g_string_append(src, "+---");
        g_string_append_c(src, '\n');
        for (int row = 0; row < 2; row++) {
            g_string_append(src, "abc");
            for (int k = 0; k < n; k++)
                g_string_append(src, "|def");
            g_string_append_c(src, '\n');
        }
        g_assert_cmpint(one_table(src->str), ==, n <= RULED_MAX_CROSSINGS);
        g_string_free(src, TRUE);
    }
}

/* Whether `text` (a title, a paragraph, "INDEX" and what follows) reads
 * an index: the reader's note says so. */
static bool reads_index_under(const char *heading, const char *entries)
{
    char *text = g_strdup_printf("A Book\n\nA paragraph of the book's text, long enough to read "
                                 "as prose of its own.\n\n%s\n\n%s",
                                 heading, entries);
    rt_result r = rt_read_buffer("index.txt", text, strlen(text), NULL);
    bool yes = rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "an index of");
    rt_result_free(&r);
    g_free(text);
    return yes;
}

static bool reads_index(const char *entries)
{
    return reads_index_under("INDEX", entries);
}

/* INDEX_HEADING_MAX_CHARS: "INDEX OF CHARACTERS" and "GENERAL INDEX" head
 * an index, and a heading of 40 code points that opens "Index of"; one of
 * 41 is a sentence's line. */
static void test_index_heading(void)
{
    const char *entries = "Alpha, 1.\n\nBeta, 2.\n\nGamma, 3.\n\nDelta, 4.\n\nEpsilon, 5.\n";
    g_assert_true(reads_index_under("INDEX OF CHARACTERS", entries));
    g_assert_true(reads_index_under("GENERAL INDEX", entries));
    GString *h = g_string_new("INDEX OF ");
    while (h->len < INDEX_HEADING_MAX_CHARS)
        g_string_append_c(h, 'X');
    g_assert_true(reads_index_under(h->str, entries));
    g_string_append_c(h, 'X');
    g_assert_false(reads_index_under(h->str, entries));
    g_string_free(h, TRUE);
}

/* INDEX_MAX_LEVELS (3): an entry, its sub-entry and that one's are lists
 * within lists; a line set in a level deeper stays a line of the third
 * level's entry, after a line break. */
static void test_index_levels(void)
{
    const char *text = "A Book\n\nA paragraph of the book's text, long enough to read as "
                       "prose of its own.\n\nINDEX\n\nAlpha, 1.\n\nBeta, 2.\n\nGamma, 3.\n\n"
                       "Delta, 4.\n\nOrgan, 5;\n  pipes, 6;\n    reeds, 7;\n      tongues, 8.\n";
    rt_result r = rt_read_buffer("levels.txt", text, strlen(text), NULL);
    size_t lists = 0, breaks = 0;
    imprint_iter it;
    imprint_iter_init(&it, r.doc->root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        lists += it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_LIST;
        breaks += it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_LINEBREAK;
    }
    g_assert_cmpuint(lists, ==, INDEX_MAX_LEVELS);
    g_assert_cmpuint(breaks, ==, 1);
    rt_result_free(&r);
}

/* INDEX_MIN_ENTRIES: fewer entries naming pages under "INDEX" are text. */
static void test_index_min_entries(void)
{
    for (int n = INDEX_MIN_ENTRIES - 1; n <= INDEX_MIN_ENTRIES; n++) {
        GString *s = g_string_new(NULL);
        for (int i = 0; i < n; i++)
            g_string_append_printf(s, "%c entry, %d.\n\n", 'A' + i, 10 + i);
        g_assert_cmpint(reads_index(s->str), ==, n >= INDEX_MIN_ENTRIES);
        g_string_free(s, TRUE);
    }
}

/* INDEX_ENTRY_LINE_SHARE (0.5): an entry of two lines, one naming pages,
 * is an entry; of three, one naming pages, not (and the index ends). */
static void test_index_line_share(void)
{
    const char *head = "Alpha, 1.\n\nBeta, 2.\n\nGamma, 3.\n\nDelta, 4.\n\n";
    char *two = g_strconcat(head, "Epsilon, the letter\n  of the Greeks, 5.\n", NULL);
    char *three =
        g_strconcat(head, "Epsilon, the letter\n  of the Greeks\n  and of others, 5.\n", NULL);
    g_assert_true(reads_index(two));
    g_assert_false(reads_index(three));
    g_free(two);
    g_free(three);
}

/* INDEX_ENTRY_MAX_WORDS and INDEX_PAGES_SHARE: an entry's line of 20 words
 * with one page is an entry; of 21 words it needs a third of them pages
 * (7 pages among 21 words are; 1 is not). */
static void test_index_words(void)
{
    const char *head = "Alpha, 1.\n\nBeta, 2.\n\nGamma, 3.\n\nDelta, 4.\n\n";
    GString *words = g_string_new("Epsilon");
    for (int i = 1; i < INDEX_ENTRY_MAX_WORDS - 1; i++)
        g_string_append(words, " word");
    char *at = g_strdup_printf("%s%s 5.\n", head, words->str);
    char *over = g_strdup_printf("%s%s word 5.\n", head, words->str);
    g_assert_true(reads_index(at));
    g_assert_false(reads_index(over));
    GString *paged = g_string_new("Epsilon");
    for (int i = 1; i < INDEX_ENTRY_MAX_WORDS + 1; i++)
        g_string_append_printf(paged, i % 3 ? " word" : " %d,", i);
    g_string_append(paged, " 99.");
    char *pages = g_strdup_printf("%s%s\n", head, paged->str);
    g_assert_true(reads_index(pages));
    g_free(at);
    g_free(over);
    g_free(pages);
    g_string_free(words, TRUE);
    g_string_free(paged, TRUE);
}

/* INDEX_ROMAN_MAX: "xviii", a roman page of five letters, names a page;
 * "xxxviii" (seven) is no page. */
static void test_index_roman(void)
{
    const char *head = "Alpha, 1.\n\nBeta, 2.\n\nGamma, 3.\n\nDelta, 4.\n\n";
    char *five = g_strconcat(head, "Preface, xviii.\n", NULL);
    char *seven = g_strconcat(head, "Preface, xxxviii.\n", NULL);
    g_assert_true(reads_index(five));
    g_assert_false(reads_index(seven));
    g_free(five);
    g_free(seven);
}

/* FIGURE_CAPTION_MAX_LINES: a placeholder's caption over that many lines,
 * blank lines between, is a figure's; one line more, and the bracket is a
 * stray one, its lines text. */
static void test_figure_caption_lines(void)
{
    const char *prose = "The north pier was built in the year of the great storm, of stone\n"
                        "brought by sea from the quarries along the coast, and it has stood\n"
                        "since with no more than the repairs any wall of its age will need.\n";
    for (int n = FIGURE_CAPTION_MAX_LINES; n <= FIGURE_CAPTION_MAX_LINES + 1; n++) {
        GString *s = g_string_new("THE HARBOUR BOOK\n\n\nCHAPTER I\n\n");
        g_string_append_printf(s, "%s\n[Illustration: THE PIER IN A GALE", prose);
        for (int k = 2; k <= n; k++)
            g_string_append_printf(s, "\n\nThe sea over the wall, %d", k);
        g_string_append_printf(s, "]\n\n%s", prose);
        rt_result r = rt_read_buffer("figure.txt", s->str, s->len, NULL);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10, "caption over several lines"), ==,
                        n <= FIGURE_CAPTION_MAX_LINES);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* How many rows the table of `text` (a title, a paragraph, the table) has. */
static size_t table_rows(const char *table)
{
    char *text = g_strdup_printf("A Book\n\nA paragraph of the book's text, long enough to read "
                                 "as prose of its own.\n\n%s\n",
                                 table);
    rt_result r = rt_read_buffer("table.txt", text, strlen(text), NULL);
    size_t rows = 0;
    imprint_iter it;
    imprint_iter_init(&it, r.doc->root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        rows += it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_ROW;
    rt_result_free(&r);
    g_free(text);
    return rows;
}

/* TABLE_PLACED_MIN_ANCHORS (2): under a table of four columns, a row of
 * three cells two of which start where their columns do is a row; one
 * whose cells start only where the first column does is none. */
static void test_table_placed_anchors(void)
{
    const char *head = "Aaaa     Bbbb     Cccc     Dddd\nEeee     Ffff     Gggg     Hhhh\n";
    char *two = g_strconcat(head, "Iiii     Jjjj  Kkkk", NULL);
    char *one = g_strconcat(head, "Iiii  Jjjj  Kkkk", NULL);
    g_assert_cmpuint(table_rows(two), ==, 3);
    g_assert_cmpuint(table_rows(one), ==, 2);
    g_free(two);
    g_free(one);
}

/* TABLE_MAX_CELLS: under a row of 40 cells, a row of 32 cells, each where
 * its column starts, is read by where its cells start; one of 33 is not. */
static void test_table_max_cells(void)
{
    for (int m = TABLE_MAX_CELLS; m <= TABLE_MAX_CELLS + 1; m++) {
        GString *t = g_string_new(NULL);
        for (int k = 0; k < 40; k++)
            g_string_append(t, k ? "  ab" : "ab");
        g_string_append_c(t, '\n');
        for (int k = 0; k < m; k++)
            g_string_append(t, k ? "  cd" : "cd");
        g_assert_cmpuint(table_rows(t->str), ==, m <= TABLE_MAX_CELLS ? 2 : 0);
        g_string_free(t, TRUE);
    }
}

/* LABELLED_RUN_MIN (3): three paragraphs set in, each opened by a term in
 * emphasis, are a list's entries; two are quotations. LABEL_TERM_MAX_BYTES:
 * a term of 40 bytes with its marks labels an entry, one longer none. */
static void test_labelled_run(void)
{
    const char *prose = "The harbour was rebuilt in the year of the great storm, of stone\n"
                        "brought by sea from the quarries along the coast, and it has stood\n"
                        "since with no more than the repairs any wall of its age will need,\n"
                        "though the sea comes over it in every gale of the winter months.\n";
    for (int n = LABELLED_RUN_MIN - 1; n <= LABELLED_RUN_MIN; n++) {
        GString *s = g_string_new("THE HARBOUR\n\n\n");
        for (int k = 0; k < 3; k++)
            g_string_append_printf(s, "%s\n", prose);
        for (int k = 0; k < n; k++)
            g_string_append_printf(s, "     _Term%d._ What the word means on the coast.\n\n", k);
        g_string_append(s, prose);
        rt_result r = rt_read_buffer("labels.txt", s->str, s->len, NULL);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "each opened by a label"), ==,
                        n >= LABELLED_RUN_MIN);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
    for (int len = LABEL_TERM_MAX_BYTES; len <= LABEL_TERM_MAX_BYTES + 1; len++) {
        GString *s = g_string_new("THE HARBOUR\n\n\n");
        for (int k = 0; k < 3; k++)
            g_string_append_printf(s, "%s\n", prose);
        for (int k = 0; k < LABELLED_RUN_MIN; k++) {
            GString *term = g_string_new("_");
            while ((int)term->len < len - 2)
                g_string_append_c(term, 'a' + k);
            g_string_append(term, "._");
            g_string_append_printf(s, "     %s What the word means.\n\n", term->str);
            g_string_free(term, TRUE);
        }
        g_string_append(s, prose);
        rt_result r = rt_read_buffer("labels.txt", s->str, s->len, NULL);
        g_assert_cmpint(rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "each opened by a label"), ==,
                        len <= LABEL_TERM_MAX_BYTES);
        rt_result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* Whether "(N) first" over "(N+1) second" under a heading reads as a list
 * (PAREN_ITEM_MAX_DIGITS), starting at `n` with n = 1 or continuing. */
static bool paren_list(int first)
{
    char *src = g_strdup_printf("Clauses\n\nArticle 1.\n\n(1) The first clause of the "
                                "article.\n(2) The second clause.\n\nArticle 2.\n\n(%d) "
                                "Another clause here.\n(%d) And one more.\n",
                                first, first + 1);
    rt_result r = rt_read_buffer("paren.txt", src, strlen(src), NULL);
    imprint_node *a = rt_article(&r, 0);
    size_t lists = 0;
    for (imprint_node *c = a->first_child; c; c = c->next)
        lists += c->kind == IMPRINT_NODE_LIST;
    rt_result_free(&r);
    g_free(src);
    return lists == 2;
}

static void test_paren_item_digits(void)
{
    /* (3 goes on from the last item's 2; 99 after 2 does not) */
    g_assert_true(paren_list(3));
    g_assert_false(paren_list(99));
    /* the limit: "(1)" to "(99)" are one list, "(100)" of three digits
     * no item but text, which the wrapper joins to the line above */
    GString *s = g_string_new("Clauses\n\n");
    for (int k = 1; k <= 100; k++)
        g_string_append_printf(s, "(%d) Clause number %d of the charter.\n", k, k);
    rt_result r = rt_read_buffer("paren100.txt", s->str, s->len, NULL);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(rt_child(a, 0)->kind, ==, IMPRINT_NODE_LIST);
    g_assert_cmpint(rt_count_children(rt_child(a, 0)), ==, 99);
    g_assert_nonnull(strstr(rt_text(&r, rt_child(a, 0)->last_child), "(100) Clause number 100"));
    rt_result_free(&r);
    g_string_free(s, TRUE);
}

/* The list items read from a hard-wrapped text whose clause "(1)" runs
 * `lines` lines of 60 columns or so before "(2)". */
static size_t wrapped_clauses(int lines)
{
    GString *s = g_string_new("Wrapped Clauses\n\n");
    for (int p = 0; p < 3; p++) {
        for (int k = 0; k < 4; k++)
            g_string_append(s, "the keepers of the weir open the gates at the turn of the\n");
        g_string_append(s, "tide.\n\n");
    }
    g_string_append(s, "(1) the keepers of the weir open the gates at the turn of the\n");
    for (int k = 1; k < lines; k++)
        g_string_append(s, "the keepers of the weir open the gates at the turn of the\n");
    g_string_append(s, "(2) the keepers of the weir open the gates at the turn of the\n"
                       "tide.\n");
    rt_result r = rt_read_buffer("clauses.txt", s->str, s->len, NULL);
    imprint_node *a = rt_article(&r, 0);
    size_t items = 0;
    for (imprint_node *c = a->first_child; c; c = c->next)
        items += c->kind == IMPRINT_NODE_LIST ? rt_count_children(c) : 0;
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return items;
}

static void test_paren_item_lines(void)
{
    /* the clauses' list of two; past the reach, one paragraph holds both */
    g_assert_cmpuint(wrapped_clauses(PAREN_ITEM_MAX_LINES), ==, 2);
    g_assert_cmpuint(wrapped_clauses(PAREN_ITEM_MAX_LINES + 1), ==, 0);
}

/* Whether "   Example:" is read as a heading in a text of `heads`
 * numbered sections at the margin over prose set in three columns. */
static bool example_heading(int heads)
{
    GString *s = g_string_new("Sections\n\n");
    for (int k = 1; k <= heads; k++)
        g_string_append_printf(s,
                               "%d.1 Part %d\n\n   The keeper opens the gates at the turn "
                               "of the tide, and\n   closes them again at night.\n\n",
                               k, k);
    g_string_append(s, "   Example:\n\n   The keeper of the upper lock opens them first.\n");
    rt_result r = rt_read_buffer("sections.txt", s->str, s->len, NULL);
    bool heading = false;
    for (imprint_node *c = rt_article(&r, 0)->first_child; c; c = c->next)
        heading |= c->kind == IMPRINT_NODE_HEADING && strcmp(rt_text(&r, c), "Example:") == 0;
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return heading;
}

static void test_heads_at_margin(void)
{
    g_assert_true(example_heading(HEADS_AT_MARGIN_MIN - 1));
    g_assert_false(example_heading(HEADS_AT_MARGIN_MIN));
}

/* A hearing's record of `pages` pages of `lines` numbered lines each,
 * double-spaced, the numbers `indent` columns in, a paragraph opening
 * every fifth line `para` columns past the margin, the pages from
 * `shifted` on set in 8 columns further, `loose` unnumbered lines of
 * prose at the end; read, whether it was a record, and in `*blocks` how
 * many paragraphs its indents opened (the note says). */
static bool record_from(int pages, int lines, int indent, int para, int loose, int shifted,
                        size_t *blocks)
{
    GString *s = g_string_new("The Record\n\n");
    for (int p = 0; p < pages; p++) {
        for (int n = 1; n <= lines; n++) {
            bool opens = n % 5 == 1;
            int in = 4 + (opens ? para : 0) + (p >= shifted ? 8 : 0);
            g_string_append_printf(s, "%*s%2d%*s%s\n\n", indent, "", n, in, "",
                                   opens ? "The keeper spoke of the weir and"
                                         : "of the gates he keeps at the lock");
        }
        g_string_append(s, "\f\n");
    }
    for (int k = 0; k < loose; k++)
        g_string_append(s, "The keeper spoke of the weir.\n\n");
    rt_result r = rt_read_buffer("record.txt", s->str, s->len, NULL);
    bool found = rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "numbered at the margin, page by page");
    *blocks = 0;
    for (size_t k = 0; k < imprint_diags_len(r.diags); k++) {
        const char *m =
            strstr(imprint_diags_get(r.diags, k)->message, "double spacing left out, its ");
        if (m)
            *blocks = strtoul(m + strlen("double spacing left out, its "), NULL, 10);
    }
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return found;
}

static bool record(int pages, int lines, int indent, int para, int loose, size_t *blocks)
{
    return record_from(pages, lines, indent, para, loose, pages, blocks);
}

static void test_record_line_numbers(void)
{
    size_t blocks;
    /* pages starting again at 1, LINE_NUMBERS_MIN_PAGES times at least */
    g_assert_true(record(LINE_NUMBERS_MIN_PAGES + 1, 25, 4, 12, 0, &blocks));
    g_assert_false(record(LINE_NUMBERS_MIN_PAGES, 25, 4, 12, 0, &blocks));
    /* each page LINE_NUMBERS_MIN_PAGE lines at least before it does */
    g_assert_true(record(6, LINE_NUMBERS_MIN_PAGE, 4, 12, 0, &blocks));
    g_assert_false(record(6, LINE_NUMBERS_MIN_PAGE - 1, 4, 12, 0, &blocks));
    /* numbers LINE_NUMBER_MAX_INDENT columns in at most (set right, "%2d":
     * a number of one digit one column further in) */
    g_assert_true(record(3, 25, LINE_NUMBER_MAX_INDENT - 1, 12, 0, &blocks));
    g_assert_false(record(3, 25, LINE_NUMBER_MAX_INDENT, 12, 0, &blocks));
    /* LINE_NUMBERS_SHARE of the lines with words */
    g_assert_true(record(3, 25, 4, 12, 60, &blocks));
    g_assert_false(record(3, 25, 4, 12, 80, &blocks));
    /* a paragraph opens LINE_NUMBER_PARA_INDENT columns past the margin:
     * 15 (one every fifth line of three pages of 25); at the limit none */
    g_assert_true(record(3, 25, 4, LINE_NUMBER_PARA_INDENT + 1, 0, &blocks));
    g_assert_cmpuint(blocks, ==, 15);
    g_assert_true(record(3, 25, 4, LINE_NUMBER_PARA_INDENT, 0, &blocks));
    g_assert_cmpuint(blocks, ==, 0);
    /* a document read into the record, set in 8 columns further for three
     * pages, keeps its paragraphs: the margin is that of the lines
     * LINE_NUMBER_PAGE_LINES either way (against the whole record's, each
     * of its 75 lines would open one) */
    g_assert_true(record_from(6, 25, 4, 12, 0, 3, &blocks));
    g_assert_cmpuint(blocks, >=, 30);
    g_assert_cmpuint(blocks, <=, 30 + LINE_NUMBER_PAGE_LINES / 2);
}

/* Whether `head` right over a line of `body` characters, in a file of one
 * line a paragraph, is read as a heading. */
static bool glued(const char *head, size_t body)
{
    GString *s = g_string_new("The Title\n\n");
    g_string_append_printf(s, "%s\nA", head);
    while (s->len < strlen("The Title\n\n") + strlen(head) + 1 + body - 1)
        g_string_append(s, s->len % 7 ? "a" : " ");
    g_string_append(s, ".\n");
    rt_result r = rt_read_buffer("glued.txt", s->str, s->len, NULL);
    bool heading = rt_child(rt_article(&r, 0), 0)->kind == IMPRINT_NODE_HEADING;
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return heading;
}

static void test_glued_heading_chars(void)
{
    g_assert_true(glued("Preamble", GLUED_HEADING_MIN_BODY_CHARS));
    g_assert_false(glued("Preamble", GLUED_HEADING_MIN_BODY_CHARS - 1));
    char *head = g_strnfill(GLUED_HEADING_MAX_CHARS, 'H');
    g_assert_true(glued(head, 200));
    g_free(head);
    head = g_strnfill(GLUED_HEADING_MAX_CHARS + 1, 'H');
    g_assert_false(glued(head, 200));
    g_free(head);
}

/* Whether a chunk of `n` header fields ("Version: 1.0", "Maintainer:
 * Ann Tregear", …) under a FAQ's title is kept line by line. */
static bool fields_kept(int n)
{
    static const char *const fields[] = {"Version: 1.0", "Maintainer: Ann Tregear",
                                         "Last-modified: 12 Nov 1997"};
    GString *s = g_string_new("The Ferry FAQ\n\n");
    for (int k = 0; k < n; k++)
        g_string_append_printf(s, "%s\n", fields[k]);
    g_string_append(s, "\nThe ferry runs every hour on the hour, from seven in the morning.\n");
    rt_result r = rt_read_buffer("faq.txt", s->str, s->len, NULL);
    bool kept = rt_has_diag(&r, IMPRINT_SEV_NOTE, 3, "of a header's fields");
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return kept;
}

static void test_header_fields_min(void)
{
    g_assert_cmpint(HEADER_FIELDS_MIN, <=, 3);
    g_assert_false(fields_kept(HEADER_FIELDS_MIN - 1));
    g_assert_true(fields_kept(HEADER_FIELDS_MIN));
}

/* A poem of `n` lines set in five columns, every `step`th numbered at the
 * margin ("5    …", the numbers from `start` on), `extra` lines with words
 * more between its second and third numbers (a section's heading);
 * whether the numbers are taken for the verse's count. */
static bool margin_counted(int n, int step, int extra, long start)
{
    GString *s = g_string_new("The Ferry\n\n");
    for (int k = 1; k <= n; k++) {
        if (k == 2 * step + 1)
            for (int e = 0; e < extra; e++)
                g_string_append(s, "     Here the keeper climbs the stair,\n");
        if (k % step == 0)
            g_string_append_printf(s, "%-*ld", k + start >= 10000 ? 7 : 5, start + k);
        else
            g_string_append(s, start >= 10000 ? "       " : "     ");
        g_string_append_printf(s, "%s the ferry crosses in the fog line %c\n",
                               k % 2 ? "And" : "Then", 'a' + k % 26);
    }
    rt_result r = rt_read_buffer("poem.txt", s->str, s->len, NULL);
    bool counted = rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "line numbers at the left margin");
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return counted;
}

static void test_verse_numbers(void)
{
    /* VERSE_NUMBERS_MIN numbered lines, from both sides */
    g_assert_false(margin_counted(5 * (VERSE_NUMBERS_MIN - 1) + 4, 5, 0, 0));
    g_assert_true(margin_counted(5 * VERSE_NUMBERS_MIN + 4, 5, 0, 0));
    /* VERSE_NUMBER_MIN_STEP and VERSE_NUMBER_MAX_STEP */
    g_assert_false(
        margin_counted(8 * (VERSE_NUMBER_MIN_STEP - 1), VERSE_NUMBER_MIN_STEP - 1, 0, 0));
    g_assert_true(margin_counted(8 * VERSE_NUMBER_MIN_STEP, VERSE_NUMBER_MIN_STEP, 0, 0));
    g_assert_true(margin_counted(5 * VERSE_NUMBER_MAX_STEP, VERSE_NUMBER_MAX_STEP, 0, 0));
    g_assert_false(
        margin_counted(5 * (VERSE_NUMBER_MAX_STEP + 1), VERSE_NUMBER_MAX_STEP + 1, 0, 0));
    /* VERSE_NUMBER_SLACK lines between two numbers more than the step;
     * one pair of four off is under VERSE_NUMBERS_STEP_SHARE, of five not */
    g_assert_true(margin_counted(24, 5, VERSE_NUMBER_SLACK, 0));
    g_assert_false(margin_counted(24, 5, VERSE_NUMBER_SLACK + 1, 0));
    g_assert_cmpfloat(VERSE_NUMBERS_STEP_SHARE, >, 3.0 / 4);
    g_assert_false(margin_counted(29, 5, VERSE_NUMBER_SLACK + 1, 0));
    g_assert_true(margin_counted(34, 5, VERSE_NUMBER_SLACK + 1, 0));
    /* VERSE_NUMBER_MAX_DIGITS: "10005" is a line's number, "100005" none */
    g_assert_cmpint(VERSE_NUMBER_MAX_DIGITS, ==, 5);
    g_assert_true(margin_counted(24, 5, 0, 10000));
    g_assert_false(margin_counted(24, 5, 0, 100000));
}

/* A poem of `gapped` lines set in half-lines, a gap of `width` spaces
 * between them (`wider` of them two spaces wider), and `plain` lines
 * without; its first halves of one length when `aligned` (the second ones
 * then all start at one column). Whether it is read as set in half-lines. */
static bool half_lines(int gapped, int plain, int width, bool aligned, int wider)
{
    /* (first halves of eight lengths: no column holds many second halves) */
    static const char *const first[] = {"pilot",           "the fog",          "the light",
                                        "by the quay",     "over the bay",     "the old keeper",
                                        "by the old lamp", "through the night"};
    GString *s = g_string_new("The Lay\n\n");
    for (int k = 0; k < gapped; k++)
        g_string_append_printf(s, "   %s%*s%s\n", first[aligned ? 0 : k % 8],
                               width + (k < wider ? 2 : 0), "", "in the long winter");
    for (int k = 0; k < plain; k++)
        g_string_append(s, "   and the boat came home\n");
    rt_result r = rt_read_buffer("lay.txt", s->str, s->len, NULL);
    bool halves = rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "set in half-lines");
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return halves;
}

static void test_caesura(void)
{
    g_assert_false(half_lines(CAESURA_MIN_LINES - 1, 0, 5, false, 0));
    g_assert_true(half_lines(CAESURA_MIN_LINES, 0, 5, false, 0));
    /* CAESURA_LINE_SHARE of the lines with words (the title one of them) */
    g_assert_cmpfloat(CAESURA_LINE_SHARE, ==, 0.5);
    g_assert_true(half_lines(10, 9, 5, false, 0));
    g_assert_false(half_lines(10, 10, 5, false, 0));
    /* CAESURA_MAX_WIDTH */
    g_assert_true(half_lines(10, 0, CAESURA_MAX_WIDTH, false, 0));
    g_assert_false(half_lines(10, 0, CAESURA_MAX_WIDTH + 1, false, 0));
    /* CAESURA_WIDTH_SHARE of the gaps of one width */
    g_assert_cmpfloat(CAESURA_WIDTH_SHARE, ==, 0.8);
    g_assert_true(half_lines(10, 0, 5, false, 2));
    g_assert_false(half_lines(10, 0, 5, false, 3));
    /* CAESURA_ALIGNED_SHARE: second halves at one column are a table's */
    g_assert_cmpfloat(CAESURA_ALIGNED_SHARE, <, 1);
    g_assert_false(half_lines(10, 0, 5, true, 0));
}

/* An issue of `heads` articles, each "> Title" over its underline under a
 * rule of `rule` marks: whether it is read as an online magazine's, and
 * whether the rules are left out. */
static bool zine_read(int heads, int rule, bool *rules_out)
{
    GString *s = g_string_new("The Harbour Report\n\n");
    char *marks = g_strnfill((gsize)rule, '"');
    for (int k = 0; k < heads; k++)
        g_string_append_printf(s, " %s\n\n > Article %d\n   =========\n\n The ferry runs late.\n\n",
                               marks, k + 1);
    g_free(marks);
    rt_result r = rt_read_buffer("issue.txt", s->str, s->len, NULL);
    bool zine = rt_has_diag(&r, IMPRINT_SEV_NOTE, 0, "an issue of an online magazine");
    /* (a rule kept is text at the end of the article before its head, its
     * marks made curly quotes) */
    const char *text = zine ? rt_text(&r, rt_article(&r, 1)) : "";
    *rules_out = !strchr(text, '"') && !strstr(text, "\u201c") && !strstr(text, "\u201d");
    rt_result_free(&r);
    g_string_free(s, TRUE);
    return zine;
}

static void test_zine_limits(void)
{
    bool out;
    g_assert_false(zine_read(ZINE_HEADS_MIN - 1, ZINE_RULE_MIN_MARKS, &out));
    g_assert_true(zine_read(ZINE_HEADS_MIN, ZINE_RULE_MIN_MARKS, &out));
    g_assert_true(out);
    g_assert_true(zine_read(ZINE_HEADS_MIN, ZINE_RULE_MIN_MARKS - 1, &out));
    g_assert_false(out);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/read_text/limits/ten_thousand_notes", test_ten_thousand_notes);
    g_test_add_func("/read_text/limits/ruled", test_ruled_limits);
    g_test_add_func("/read_text/limits/too_many_notes", test_too_many_notes);
    g_test_add_func("/read_text/limits/nesting", test_nesting_limit);
    g_test_add_func("/read_text/limits/five_mb_line", test_five_mb_line);
    g_test_add_func("/read_text/limits/long_hanging_run", test_long_hanging_run);
    g_test_add_func("/read_text/limits/marker_digits", test_marker_digits);
    g_test_add_func("/read_text/limits/quote_lines", test_quote_lines);
    g_test_add_func("/read_text/limits/heading_chars", test_heading_chars);
    g_test_add_func("/read_text/limits/bib_run", test_bib_run);
    g_test_add_func("/read_text/limits/long_runs", test_long_runs);
    g_test_add_func("/read_text/limits/long_quoted_poem", test_long_quoted_poem);
    g_test_add_func("/read_text/limits/index_min_entries", test_index_min_entries);
    g_test_add_func("/read_text/limits/index_heading", test_index_heading);
    g_test_add_func("/read_text/limits/index_levels", test_index_levels);
    g_test_add_func("/read_text/limits/index_line_share", test_index_line_share);
    g_test_add_func("/read_text/limits/index_words", test_index_words);
    g_test_add_func("/read_text/limits/index_roman", test_index_roman);
    g_test_add_func("/read_text/limits/figure_caption_lines", test_figure_caption_lines);
    g_test_add_func("/read_text/limits/table_placed_anchors", test_table_placed_anchors);
    g_test_add_func("/read_text/limits/table_max_cells", test_table_max_cells);
    g_test_add_func("/read_text/limits/labelled_run", test_labelled_run);
    g_test_add_func("/read_text/limits/paren_item_digits", test_paren_item_digits);
    g_test_add_func("/read_text/limits/glued_heading_chars", test_glued_heading_chars);
    g_test_add_func("/read_text/limits/paren_item_lines", test_paren_item_lines);
    g_test_add_func("/read_text/limits/heads_at_margin", test_heads_at_margin);
    g_test_add_func("/read_text/limits/record_line_numbers", test_record_line_numbers);
    g_test_add_func("/read_text/limits/header_fields_min", test_header_fields_min);
    g_test_add_func("/read_text/limits/verse_numbers", test_verse_numbers);
    g_test_add_func("/read_text/limits/caesura", test_caesura);
    g_test_add_func("/read_text/limits/zine", test_zine_limits);
    return g_test_run();
}
