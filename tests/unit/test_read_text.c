/* The text reader, one rule a test, each on a small fixture in
 * tests/fixtures/text/. */

#include "read/text/text.h"
#include "read_text_test_util.h"

static void assert_words(rt_result *r)
{
    char *problem = rt_check_words(r->doc, r->data, r->len);
    if (problem)
        g_printerr("%s: %s\n", r->path, problem);
    g_assert_null(problem);
}

static void test_split_nbsp(void)
{
    rt_result r = rt_read_fixture("split_nbsp.txt");
    g_assert_cmpint(r.articles, ==, 2);
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpstr(a->as.article.title, ==, "First Essay on\u00a0Method");
    g_assert_cmpuint(a->as.article.source_line, ==, 1);
    g_assert_cmpuint(a->pos.line, ==, 1);
    /* the section heading stays inside the first article */
    imprint_node *h = rt_child(a, 1);
    g_assert_cmpint(h->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpint(h->as.heading.level, ==, 1);
    g_assert_cmpstr(rt_text(&r, h), ==, "A Section Inside");
    imprint_node *b = rt_article(&r, 1);
    g_assert_cmpstr(b->as.article.title, ==, "Second Essay on\u00a0Practice");
    g_assert_cmpuint(b->as.article.source_line, ==, 9);
    g_assert_cmpint(rt_count_children(b), ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 9, "article split: \u201cSecond Essay"));
    assert_words(&r);
    rt_result_free(&r);
}

static void test_split_after_thanks(void)
{
    rt_result r = rt_read_fixture("split_after_thanks.txt");
    g_assert_cmpint(r.articles, ==, 2);
    g_assert_cmpstr(rt_article(&r, 0)->as.article.title, ==, "Notes From the Field");
    /* the closing line stays in the first article */
    g_assert_cmpstr(rt_text(&r, rt_article(&r, 0)->last_child), ==, "Thanks to The Archive!");
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "A Title Without Trace");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 7, "article split"));
    rt_result_free(&r);
}

static void test_untitled(void)
{
    rt_result r = rt_read_fixture("untitled.txt");
    g_assert_cmpint(r.articles, ==, 1);
    imprint_node *a = rt_article(&r, 0);
    g_assert_null(a->as.article.title);
    g_assert_cmpint(rt_count_children(a), ==, 2);
    g_assert_cmpint(rt_child(a, 0)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    rt_result_free(&r);
}

static void test_split_option(void)
{
    char *path = g_build_filename(FIXTURES_DIR, "text", "split_nbsp.txt", NULL);
    /* the edition names the titles: "A Section Inside" becomes an article */
    const char *split[] = {"First Essay on\u00a0Method", "A Section Inside", NULL};
    rt_result r = rt_read_file(path, split);
    g_assert_cmpint(r.articles, ==, 2);
    g_assert_cmpstr(rt_article(&r, 1)->as.article.title, ==, "A Section Inside");
    /* the automatic split at "Second Essay" is not made */
    g_assert_cmpint(rt_count_children(rt_article(&r, 1)), ==, 3);
    rt_result_free(&r);

    const char *missing[] = {"No Such Title", NULL};
    rt_result m = rt_read_file(path, missing);
    g_assert_cmpint(m.articles, ==, -1);
    g_assert_true(rt_has_diag(&m, IMPRINT_SEV_ERROR, 0, "\"No Such Title\""));
    rt_result_free(&m);
    g_free(path);

    /* a named title need not have blank lines around it; text before the
     * first title is an untitled article */
    path = g_build_filename(FIXTURES_DIR, "text", "split_tight.txt", NULL);
    const char *tight[] = {"Tight Title", NULL};
    rt_result t = rt_read_file(path, tight);
    g_assert_cmpint(t.articles, ==, 2);
    g_assert_null(rt_article(&t, 0)->as.article.title);
    g_assert_cmpstr(rt_article(&t, 1)->as.article.title, ==, "Tight Title");
    g_assert_cmpuint(rt_article(&t, 1)->as.article.source_line, ==, 2);
    g_assert_cmpint(rt_count_children(rt_article(&t, 1)), ==, 1);
    assert_words(&t);
    rt_result_free(&t);
    g_free(path);
}

static void test_blank_nbsp(void)
{
    rt_result r = rt_read_fixture("blank_nbsp.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(rt_count_children(a), ==, 2);
    g_assert_cmpuint(rt_child(a, 1)->pos.line, ==, 6);
    rt_result_free(&r);
}

static void test_quotes(void)
{
    rt_result r = rt_read_fixture("quotes.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *q = rt_child(a, 1);
    g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
    g_assert_cmpint(q->first_child->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpint(q->last_child->kind, ==, IMPRINT_NODE_CITATION);
    g_assert_cmpstr(rt_text(&r, q->last_child), ==, "(Marx, Ibid.)");
    g_assert_cmpuint(q->last_child->pos.line, ==, 6);

    q = rt_child(a, 3);
    g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
    g_assert_cmpstr(rt_text(&r, q->last_child), ==, "\u2013Trotsky, The Revolution Betrayed");

    /* an attribution turns the paragraph above it into a quote */
    q = rt_child(a, 4);
    g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
    g_assert_cmpstr(rt_text(&r, q->last_child), ==, "~Bukharin, court proceedings");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 13, "block quote"));

    /* a citation split over two lines */
    q = rt_child(a, 5);
    g_assert_cmpstr(rt_text(&r, q->last_child), ==, "(Getty & Naumov, p. 129)");
    g_assert_cmpint(q->last_child->first_child->next->kind, ==, IMPRINT_NODE_LINEBREAK);

    /* a quote of two paragraphs, the first left open */
    q = rt_child(a, 6);
    g_assert_cmpint(rt_count_children(q), ==, 3);
    g_assert_cmpstr(rt_text(&r, q->last_child), ==, "(Thurston, p. 107)");
    g_assert_cmpint(rt_count_children(a), ==, 7);
    assert_words(&r);
    rt_result_free(&r);
}

static void test_colon_quote(void)
{
    rt_result r = rt_read_fixture("colon_quote.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *q = rt_child(a, 1);
    g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
    g_assert_cmpstr(rt_text(&r, q->last_child), ==, "Quoted in The Moscow Trials");
    g_assert_cmpint(q->last_child->kind, ==, IMPRINT_NODE_CITATION);
    g_assert_cmpint(rt_child(a, 2)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 5, "block quote"));
    rt_result_free(&r);

    /* signals in emphasis after the colon, one a line: no quotation with
     * the next signal, "_Stand off._", as its source */
    r = rt_read_fixture("colon_quote_lookalike.txt");
    for (imprint_node *c = rt_article(&r, 0)->first_child; c; c = c->next)
        g_assert_cmpint(c->kind, !=, IMPRINT_NODE_QUOTE);
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 5, "block quote"));
    rt_result_free(&r);
}

static void test_lists(void)
{
    rt_result r = rt_read_fixture("lists.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *list = rt_child(a, 1);
    g_assert_cmpint(list->kind, ==, IMPRINT_NODE_LIST);
    g_assert_cmpint(list->as.list.style, ==, IMPRINT_LIST_DECIMAL);
    g_assert_cmpint(list->as.list.start, ==, 1);
    g_assert_cmpint(rt_count_children(list), ==, 3);
    g_assert_true(g_str_has_prefix(rt_text(&r, rt_child(list, 0)), "The first point"));
    /* lettered sub-points nest in the second item */
    imprint_node *item2 = rt_child(list, 1);
    imprint_node *sub = item2->last_child;
    g_assert_cmpint(sub->kind, ==, IMPRINT_NODE_LIST);
    g_assert_cmpint(sub->as.list.style, ==, IMPRINT_LIST_ALPHA);
    g_assert_cmpint(rt_count_children(sub), ==, 2);
    g_assert_cmpstr(rt_text(&r, rt_child(sub, 1)), ==, "another lettered sub-point");

    imprint_node *paren = rt_child(a, 3);
    g_assert_cmpint(paren->kind, ==, IMPRINT_NODE_LIST);
    g_assert_cmpint(rt_count_children(paren), ==, 2);
    imprint_node *bullets = rt_child(a, 5);
    g_assert_cmpint(bullets->as.list.style, ==, IMPRINT_LIST_BULLET);
    g_assert_cmpstr(rt_text(&r, rt_child(bullets, 1)), ==, "the second bullet");
    /* a short numbered line followed by prose is a section heading */
    imprint_node *h = rt_child(a, 6);
    g_assert_cmpint(h->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpstr(rt_text(&r, h), ==, "1. A Numbered Section Heading");
    assert_words(&r);
    rt_result_free(&r);
}

static void test_notes(void)
{
    rt_result r = rt_read_fixture("notes.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 5);
    imprint_node *p = rt_child(a, 0);
    /* "source¹" */
    imprint_node *ref1 = p->first_child->next;
    g_assert_cmpint(ref1->kind, ==, IMPRINT_NODE_NOTEREF);
    g_assert_cmpint(ref1->as.noteref.number, ==, 1);
    imprint_node *n1 = a->as.article.first_note;
    g_assert_true(ref1->as.noteref.note == n1);
    g_assert_cmpstr(n1->as.note.label, ==, "1");
    g_assert_cmpstr(rt_text(&r, n1), ==, "The first note, with a space after its number.");
    g_assert_cmpuint(n1->pos.line, ==, 7);
    imprint_node *n2 = n1->as.note.next_note;
    g_assert_cmpstr(rt_text(&r, n2), ==, "The second note, without a space.");
    g_assert_cmpuint(imprint_note_ref_count(n2), ==, 1);
    imprint_node *n10 = n2->as.note.next_note;
    g_assert_cmpstr(n10->as.note.label, ==, "10");
    g_assert_cmpuint(imprint_note_ref_count(n10), ==, 1);
    g_assert_cmpint(n10->as.note.first_ref->as.noteref.number, ==, 10);
    /* the marker without a definition stays, unresolved, and is reported */
    imprint_node *ref3 = NULL;
    for (imprint_node *c = p->first_child; c; c = c->next)
        if (c->kind == IMPRINT_NODE_NOTEREF && c->as.noteref.number == 3)
            ref3 = c;
    g_assert_nonnull(ref3);
    g_assert_null(ref3->as.noteref.note);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 3, "note marker 3 has no definition"));
    /* the definition without a marker stays as a note */
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 10, "note 4 is never referenced"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 11, "note 2 is defined again"));
    /* definitions left the body: paragraph and "Source:" line only */
    g_assert_cmpint(rt_count_children(a), ==, 2);
    assert_words(&r);
    rt_result_free(&r);
}

static void test_notes_order(void)
{
    rt_result r = rt_read_fixture("notes_order.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    /* all linked by number, and the order is reported */
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note)
        g_assert_cmpuint(imprint_note_ref_count(n), ==, 1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 3, "note marker 2 comes after marker 3"));
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 1);
    rt_result_free(&r);
}

static void test_speech(void)
{
    rt_result r = rt_read_fixture("speech.txt");
    imprint_node *a = rt_article(&r, 0);
    g_assert_cmpint(rt_count_children(a), ==, 5);
    imprint_node *s = rt_child(a, 1);
    g_assert_cmpint(s->kind, ==, IMPRINT_NODE_SPEECH);
    g_assert_cmpstr(s->as.speech.speaker, ==, "ULBRICHT");
    g_assert_cmpstr(rt_text(&r, s), ==, "So, can you remember what was a year ago?");
    imprint_node *k = rt_child(a, 2);
    g_assert_cmpstr(k->as.speech.speaker, ==, "Kayser");
    /* the line broken after a comma goes on in the speech's paragraph */
    g_assert_cmpint(rt_count_children(k), ==, 1);
    g_assert_true(g_str_has_suffix(rt_text(&r, k), "my capture, in the dugout near the river."));
    g_assert_cmpint(rt_child(a, 4)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    assert_words(&r);
    rt_result_free(&r);
}

static imprint_node *find_kind(imprint_node *n, imprint_node_kind kind)
{
    if (n->kind == kind)
        return n;
    for (imprint_node *c = n->first_child; c; c = c->next) {
        imprint_node *f = find_kind(c, kind);
        if (f)
            return f;
    }
    return NULL;
}

static void test_bibliography(void)
{
    rt_result r = rt_read_fixture("bibliography.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *p = rt_child(a, 0);
    imprint_node *link = find_kind(p, IMPRINT_NODE_LINK);
    g_assert_nonnull(link);
    g_assert_cmpstr(link->as.link.url, ==, "http://www.example.org/page");
    g_assert_cmpstr(rt_text(&r, link), ==, "www.example.org/page");
    imprint_node *second = NULL;
    for (imprint_node *c = link->next; c && !second; c = c->next)
        if (c->kind == IMPRINT_NODE_LINK)
            second = c;
    g_assert_nonnull(second);
    g_assert_cmpstr(second->as.link.url, ==, "https://example.com/a_(b)");

    g_assert_cmpint(rt_child(a, 1)->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpstr(rt_text(&r, rt_child(a, 1)), ==, "SOURCES:");
    imprint_node *list = rt_child(a, 2);
    g_assert_cmpint(list->kind, ==, IMPRINT_NODE_LIST);
    g_assert_true(list->as.list.bibliography);
    g_assert_cmpint(rt_count_children(list), ==, 2);
    imprint_node *bibl = rt_child(list, 0)->first_child;
    g_assert_cmpint(bibl->kind, ==, IMPRINT_NODE_BIBL);
    link = find_kind(bibl, IMPRINT_NODE_LINK);
    g_assert_cmpstr(link->as.link.url, ==, "https://archive.org/details/kronstadt");
    g_assert_cmpstr(rt_text(&r, rt_child(a, 3)), ==, "FURTHER READING:");
    imprint_node *further = rt_child(a, 4);
    g_assert_true(further->as.list.bibliography);
    link = find_kind(further, IMPRINT_NODE_LINK);
    g_assert_cmpstr(link->as.link.url, ==, "http://example.net/more");
    assert_words(&r);
    rt_result_free(&r);
}

static void test_figures(void)
{
    rt_result r = rt_read_fixture("figures.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *f = rt_child(a, 1);
    g_assert_cmpint(f->kind, ==, IMPRINT_NODE_FIGURE);
    g_assert_cmpstr(f->as.figure.src, ==, "trotfash.jpg");
    g_assert_cmpstr(f->as.figure.placeholder, ==, "trotfash.jpg");
    f = rt_child(a, 3);
    g_assert_cmpint(f->kind, ==, IMPRINT_NODE_FIGURE);
    g_assert_null(f->as.figure.src);
    g_assert_cmpstr(f->as.figure.placeholder, ==, "trotsky pic");
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 5, "figure placeholder"));
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 9, "figure placeholder"));
    assert_words(&r);
    rt_result_free(&r);
}

static void test_table(void)
{
    rt_result r = rt_read_fixture("table.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *t = rt_child(a, 1);
    g_assert_cmpint(t->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_cmpint(rt_count_children(t), ==, 3);
    imprint_node *row = rt_child(t, 2);
    g_assert_cmpint(rt_count_children(row), ==, 4);
    g_assert_cmpstr(rt_text(&r, rt_child(row, 0)), ==, "Leaders removed (%)");
    g_assert_cmpstr(rt_text(&r, rt_child(row, 3)), ==, "0.08%");
    g_assert_cmpstr(rt_text(&r, rt_child(rt_child(t, 0), 0)), ==, "Year");
    imprint_node *wide = rt_child(a, 2);
    g_assert_cmpint(wide->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_cmpint(rt_count_children(rt_child(wide, 1)), ==, 3);
    g_assert_cmpstr(rt_text(&r, rt_child(rt_child(wide, 1), 1)), ==, "Helsinki");
    assert_words(&r);
    rt_result_free(&r);
}

/* A rule of dashes or `=` under a table's first row makes that row its
 * header, and is no row itself; a rule further down (above the totals) is
 * no header's mark and stays a row, and a table with no rule (table.txt)
 * has no header. */
static void test_table_header(void)
{
    rt_result r = rt_read_fixture("table_header.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *t = rt_child(a, 1);
    g_assert_cmpint(t->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_cmpint(rt_count_children(t), ==, 3);
    g_assert_true(rt_child(t, 0)->as.row.header);
    g_assert_cmpstr(rt_text(&r, rt_child(rt_child(t, 0), 0)), ==, "Port");
    g_assert_false(rt_child(t, 1)->as.row.header);
    g_assert_cmpstr(rt_text(&r, rt_child(rt_child(t, 1), 0)), ==, "Leith");
    g_assert_false(rt_child(t, 2)->as.row.header);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 6, "rule under the table's first row"));
    imprint_node *dbl = rt_child(a, 3);
    g_assert_cmpint(dbl->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_cmpint(rt_count_children(dbl), ==, 2);
    g_assert_true(rt_child(dbl, 0)->as.row.header);
    g_assert_false(rt_child(dbl, 1)->as.row.header);
    imprint_node *totals = rt_child(a, 5);
    g_assert_cmpint(totals->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_cmpint(rt_count_children(totals), ==, 4);
    for (int i = 0; i < 4; i++)
        g_assert_false(rt_child(totals, i)->as.row.header);
    g_assert_cmpstr(rt_text(&r, rt_child(rt_child(totals, 2), 0)), ==, "------");
    g_assert_false(rt_has_diag(&r, IMPRINT_SEV_NOTE, 20, "rule under"));
    assert_words(&r);
    rt_result_free(&r);

    r = rt_read_fixture("table.txt");
    for (const imprint_node *b = rt_article(&r, 0)->first_child; b; b = b->next)
        if (b->kind == IMPRINT_NODE_TABLE)
            for (const imprint_node *row = b->first_child; row; row = row->next)
                g_assert_false(row->as.row.header);
    rt_result_free(&r);
}

static void test_typography(void)
{
    rt_result r = rt_read_fixture("typography.txt");
    const char *t = rt_text(&r, rt_child(rt_article(&r, 0), 0));
    g_assert_cmpstr(t, ==,
                    "When the people\u2019s front met, they said \u201cwe will win\u201d and "
                    "\u2018Weimar\u2019 was the word; it\u2019s \u2018quoted\u2019 too.");
    /* composed text is NFC: e + combining acute becomes é */
    const char decomposed[] = "T\n\nCafe\xcc\x81 text of a paragraph that is long enough.\n";
    rt_result d = rt_read_buffer("nfc.txt", decomposed, sizeof decomposed - 1, NULL);
    g_assert_true(g_str_has_prefix(rt_text(&d, rt_child(rt_article(&d, 0), 0)), "Caf\u00e9 "));
    rt_result_free(&d);
    rt_result_free(&r);
}

static void test_verse_and_unplaced(void)
{
    rt_result r = rt_read_fixture("verse.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *v = rt_child(a, 1);
    g_assert_cmpint(v->kind, ==, IMPRINT_NODE_VERSE);
    g_assert_cmpint(rt_count_children(v), ==, 6);
    g_assert_cmpstr(rt_text(&r, v->last_child), ==, "And add your carcass to the rest!");
    /* a short line with nothing after it: kept, with a warning */
    g_assert_cmpint(rt_child(a, 2)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_WARNING, 17, "unplaced text"));
    assert_words(&r);
    rt_result_free(&r);
}

static void test_empty_and_positions(void)
{
    rt_result e = rt_read_buffer("empty.txt", " \n\u00a0\n", 4, NULL);
    g_assert_cmpint(e.articles, ==, 0);
    g_assert_true(rt_has_diag(&e, IMPRINT_SEV_WARNING, 1, "no text"));
    rt_result_free(&e);
    /* columns count code points: the paragraph starts after two no-break spaces */
    const char text[] = "Title\n\n\u00a0\u00a0Indented paragraph with a link http://x.org here.\n";
    rt_result r = rt_read_buffer("pos.txt", text, sizeof text - 1, NULL);
    imprint_node *p = rt_child(rt_article(&r, 0), 0);
    g_assert_cmpuint(p->pos.line, ==, 3);
    g_assert_cmpuint(p->pos.col, ==, 3);
    imprint_node *link = find_kind(p, IMPRINT_NODE_LINK);
    g_assert_cmpuint(link->pos.col, ==, 34);
    rt_result_free(&r);
}

static void test_headings(void)
{
    rt_result r = rt_read_fixture("headings.txt");
    imprint_node *a = rt_article(&r, 0);
    /* a short noun phrase ending in a colon heads a section ... */
    imprint_node *h = rt_child(a, 1);
    g_assert_cmpint(h->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpstr(rt_text(&r, h), ==, "Main counter arguments:");
    /* ... but a line introducing a quotation does not */
    g_assert_cmpint(rt_child(a, 3)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpint(rt_child(a, 4)->kind, ==, IMPRINT_NODE_QUOTE);
    /* parallel headings after another heading are its subsections, even the
     * one ending in a colon */
    h = rt_child(a, 5);
    g_assert_cmpstr(rt_text(&r, h), ==, "Analysis of the Propaganda");
    g_assert_cmpint(h->as.heading.level, ==, 1);
    g_assert_cmpint(rt_child(a, 7)->as.heading.level, ==, 2);
    g_assert_cmpint(rt_child(a, 9)->as.heading.level, ==, 2);
    h = rt_child(a, 11);
    g_assert_cmpint(h->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpint(h->as.heading.level, ==, 2);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 17, "parallel headings"));
    /* a colon line before a gap of blank lines introduced something lost */
    g_assert_cmpint(rt_child(a, 13)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    h = rt_child(a, 14);
    g_assert_cmpint(h->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpint(h->as.heading.level, ==, 1);
    /* capitals headings are sections, mixed case under them subsections */
    h = rt_child(a, 16);
    g_assert_cmpstr(rt_text(&r, h), ==, "THE FIRST PART IN CAPITALS");
    g_assert_cmpint(h->as.heading.level, ==, 1);
    h = rt_child(a, 18);
    g_assert_cmpstr(rt_text(&r, h), ==, "A Subsection In Mixed Case");
    g_assert_cmpint(h->as.heading.level, ==, 2);
    /* a capitals heading that starts with a quotation is still a heading */
    h = rt_child(a, 20);
    g_assert_cmpint(h->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpint(h->as.heading.level, ==, 1);
    assert_words(&r);
    rt_result_free(&r);
}

static void test_spacer_and_dashes(void)
{
    rt_result r = rt_read_fixture("spacer.txt");
    imprint_node *a = rt_article(&r, 0);
    imprint_node *h = rt_child(a, 1);
    g_assert_cmpint(h->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpstr(rt_text(&r, h), ==, "Lack of oversight. This allowed it.");
    /* "-Item" lines, two or more, are a list, not attributions */
    g_assert_cmpint(rt_child(a, 3)->kind, ==, IMPRINT_NODE_PARAGRAPH);
    imprint_node *list = rt_child(a, 4);
    g_assert_cmpint(list->kind, ==, IMPRINT_NODE_LIST);
    g_assert_cmpint(rt_count_children(list), ==, 2);
    g_assert_cmpstr(rt_text(&r, rt_child(list, 0)), ==, "C. R. org. = short for an organisation");
    assert_words(&r);
    rt_result_free(&r);
}

static void test_lost_quote_marks(void)
{
    rt_result r = rt_read_fixture("lost_marks.txt");
    imprint_node *a = rt_article(&r, 0);
    /* a paragraph that closes a quote, with its source under it */
    imprint_node *q = rt_child(a, 1);
    g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
    g_assert_cmpstr(rt_text(&r, q->last_child), ==, "letter from Trotsky to Sedov");
    /* an exchange with an attribution under it is a quoted transcript */
    q = rt_child(a, 3);
    g_assert_cmpint(q->kind, ==, IMPRINT_NODE_QUOTE);
    g_assert_cmpint(rt_child(q, 0)->kind, ==, IMPRINT_NODE_SPEECH);
    g_assert_cmpstr(rt_child(q, 1)->as.speech.speaker, ==, "MOLOTOV");
    g_assert_cmpint(q->last_child->kind, ==, IMPRINT_NODE_CITATION);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_NOTE, 10, "dialogue taken as a block quote"));
    assert_words(&r);
    rt_result_free(&r);
}

static void test_bad_bytes(void)
{
    /* a direct caller that skipped the UTF-8 check gets an error, not a
     * silently shortened line */
    const char nul[] = "Title\n\nText with a NUL\0 inside it.\n";
    rt_result r = rt_read_buffer("nul.txt", nul, sizeof nul - 1, NULL);
    g_assert_cmpint(r.articles, ==, -1);
    g_assert_true(rt_has_diag(&r, IMPRINT_SEV_ERROR, 3, "NUL byte"));
    rt_result_free(&r);
    const char bad[] = "Title\n\nBad \xff byte.\n";
    rt_result b = rt_read_buffer("bad.txt", bad, sizeof bad - 1, NULL);
    g_assert_cmpint(b.articles, ==, -1);
    g_assert_true(rt_has_diag(&b, IMPRINT_SEV_ERROR, 3, "not valid UTF-8"));
    rt_result_free(&b);
}

/* The fast paths of the reader's character count and case folding give
 * GLib's answers: ASCII runs of eight and their tails, letters outside
 * ASCII, a NUL inside the count, a character cut at its end and a count
 * that starts inside a character. */
static void test_cols_and_fold(void)
{
    static const char *const texts[] = {
        "",
        "a",
        "Chapter One",
        "exactly8",
        "exactly8 and sixteen bytes",
        "NOTES \xE2\x80\x94 Fran\xC3\xA7ois \xC3\x89MILE, Stra\xC3\x9F"
        "e",
        "\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\x99\xCE\x91 and more ASCII after it",
        "\xEF\xAC\x81nal \xE2\x99\xA6",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
        const char *s = texts[i];
        size_t len = strlen(s);
        for (size_t n = 0; n <= len; n++) {
            g_assert_cmpuint(rt_utf8_cols(s, n), ==, (unsigned)g_utf8_strlen(s, (gssize)n));
            char *want = g_utf8_casefold(s, (gssize)n), *got = rt_fold(s, (gssize)n);
            g_assert_cmpstr(got, ==, want);
            g_free(want);
            g_free(got);
        }
        char *want = g_utf8_casefold(s, -1), *got = rt_fold(s, -1);
        g_assert_cmpstr(got, ==, want);
        g_free(want);
        g_free(got);
    }
    static const char nul[] = "abc\0defghijklmnop";
    g_assert_cmpuint(rt_utf8_cols(nul, sizeof nul - 1), ==,
                     (unsigned)g_utf8_strlen(nul, (gssize)sizeof nul - 1));
    char *f = rt_fold(nul, (gssize)sizeof nul - 1);
    g_assert_cmpstr(f, ==, "abc");
    g_free(f);
    const char *mid = "\xC3\xA7"
                      "a va"; /* from the second byte of "ç" */
    g_assert_cmpuint(rt_utf8_cols(mid + 1, 5), ==, (unsigned)g_utf8_strlen(mid + 1, 5));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/read_text/split/nbsp", test_split_nbsp);
    g_test_add_func("/read_text/split/after_thanks", test_split_after_thanks);
    g_test_add_func("/read_text/split/untitled", test_untitled);
    g_test_add_func("/read_text/split/option", test_split_option);
    g_test_add_func("/read_text/blank_nbsp", test_blank_nbsp);
    g_test_add_func("/read_text/quotes", test_quotes);
    g_test_add_func("/read_text/colon_quote", test_colon_quote);
    g_test_add_func("/read_text/lists", test_lists);
    g_test_add_func("/read_text/notes", test_notes);
    g_test_add_func("/read_text/notes_order", test_notes_order);
    g_test_add_func("/read_text/speech", test_speech);
    g_test_add_func("/read_text/bibliography", test_bibliography);
    g_test_add_func("/read_text/figures", test_figures);
    g_test_add_func("/read_text/table", test_table);
    g_test_add_func("/read_text/table-header", test_table_header);
    g_test_add_func("/read_text/typography", test_typography);
    g_test_add_func("/read_text/verse_and_unplaced", test_verse_and_unplaced);
    g_test_add_func("/read_text/empty_and_positions", test_empty_and_positions);
    g_test_add_func("/read_text/headings", test_headings);
    g_test_add_func("/read_text/spacer_and_dashes", test_spacer_and_dashes);
    g_test_add_func("/read_text/lost_quote_marks", test_lost_quote_marks);
    g_test_add_func("/read_text/bad_bytes", test_bad_bytes);
    g_test_add_func("/read_text/cols_and_fold", test_cols_and_fold);
    return g_test_run();
}
