/* The pdf-markdown reader, one fixture per rule (tests/fixtures/pdfmd/). */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "read/pdfmd/pdfmd.h"
#include "imprint/reader.h"

typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    int articles;
    imprint_node *article;
} read_result;

static read_result read_data(const char *path, const char *data, size_t len, bool order_source)
{
    read_result r = {imprint_doc_new(), imprint_diags_new(), 0, NULL};
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_PDF_MARKDOWN,
                              .order_source = order_source};
    r.articles = imprint_read_pdfmd(r.doc, path, data, len, &opts, r.diags);
    r.article = r.doc->root->first_child;
    return r;
}

static read_result read_fixture(const char *name, bool order_source)
{
    char *path = g_build_filename(FIXTURES_DIR, "pdfmd", name, NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    read_result r = read_data(path, data, len, order_source);
    g_free(data);
    g_free(path);
    return r;
}

static void result_free(read_result *r)
{
    imprint_doc_free(r->doc);
    imprint_diags_free(r->diags);
}

/* A compact picture of a tree: kind names, texts in quotes, children in (). */
static void dump(const imprint_node *n, GString *out)
{
    if (n->kind == IMPRINT_NODE_TEXT) {
        g_string_append_printf(out, "\"%s\"", n->as.text.text);
        return;
    }
    g_string_append(out, imprint_node_kind_name(n->kind));
    if (n->kind == IMPRINT_NODE_HEADING)
        g_string_append_printf(out, "%d", n->as.heading.level);
    if (n->kind == IMPRINT_NODE_NOTEREF)
        g_string_append_printf(out, "->%s",
                               n->as.noteref.note ? n->as.noteref.note->as.note.label : "?");
    if (n->kind == IMPRINT_NODE_LINK)
        g_string_append_printf(out, "<%s>", n->as.link.url);
    if (n->kind == IMPRINT_NODE_LIST)
        g_string_append_printf(out, "%s%d", n->as.list.style == IMPRINT_LIST_BULLET ? "-" : "#",
                               n->as.list.start);
    if (!n->first_child)
        return;
    g_string_append_c(out, '(');
    for (const imprint_node *c = n->first_child; c; c = c->next) {
        dump(c, out);
        if (c->next)
            g_string_append_c(out, ' ');
    }
    g_string_append_c(out, ')');
}

/* The article's blocks, one a line, then its notes as "[number label refs] note(…)". */
static char *dump_article(const imprint_node *a)
{
    GString *s = g_string_new(NULL);
    for (const imprint_node *c = a->first_child; c; c = c->next) {
        dump(c, s);
        g_string_append_c(s, '\n');
    }
    for (const imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note) {
        g_string_append_printf(s, "[%d %s %zu] ", n->as.note.number, n->as.note.label,
                               imprint_note_ref_count(n));
        dump(n, s);
        g_string_append_c(s, '\n');
    }
    return g_string_free(s, FALSE);
}

static void assert_sound(const imprint_doc *doc)
{
    GString *problems = g_string_new(NULL);
    gboolean ok = imprint_doc_check(doc, problems);
    if (!ok)
        g_printerr("%s", problems->str);
    g_assert_true(ok);
    g_string_free(problems, TRUE);
}

static void assert_article(read_result *r, const char *expected)
{
    g_assert_cmpint(r->articles, ==, 1);
    assert_sound(r->doc);
    char *got = dump_article(r->article);
    g_assert_cmpstr(got, ==, expected);
    g_free(got);
}

static size_t count(read_result *r, imprint_severity sev, const char *needle)
{
    return imprint_diags_count_matching(r->diags, sev, needle);
}

static void test_front_matter_and_contents(void)
{
    read_result r = read_fixture("frontmatter.md", false);
    imprint_node *a = r.article;
    g_assert_cmpstr(a->as.article.title, ==, "A Booklet Title");
    g_assert_cmpstr(a->as.article.subtitle, ==, "A Subtitle That Explains the Booklet");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Ann Author");
    g_assert_null(a->as.article.authors[1]);
    g_assert_cmpstr(a->as.article.date, ==, "March 2020");
    g_assert_cmpstr(a->as.article.source_url, ==, "http://example.org/booklet");
    g_assert_cmpuint(a->as.article.source_line, ==, 8);
    /* the contents table is gone, named in a note; its ranks give the levels; the
     * front matter lines that are no field stay, after a break at the end */
    assert_article(&r, "heading1(\"First Section\")\n"
                       "paragraph(\"Body text of the first section.\")\n"
                       "heading2(\"A Sub-Section\")\n"
                       "paragraph(\"More body text.\")\n"
                       "heading1(\"Unlisted\")\n"
                       "paragraph(\"Last words.\")\n"
                       "break\n"
                       "paragraph(\"The Example Library\" linebreak \"Anti-Copyright\")\n"
                       "paragraph(\"Retrieved on 2\" sup(\"nd\") \" May 2021 from \" "
                       "link<http://example.org/booklet>(\"example.org\"))\n"
                       "paragraph(link<http://mirror.example.net>(\"mirror.example.net\"))\n");
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "contents table (lines 28-34, 3 entries)"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_WARNING, "'Missing Section' (page 5)"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "heading 'Unlisted' is not in the contents"), ==,
                     1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "author 'Ann Author' (line 13)"), ==, 1);
    result_free(&r);
}

/* The export writes every table as a pipe table, whose syntax demands a
 * header row: it fills it with empty cells, or puts the PDF's first row
 * there. Neither says the PDF had column heads, so no row is a header row
 * (pipe tables in the markdown dialect, written by hand, have one). */
static void test_table_no_header(void)
{
    static const char md[] = "# A Test\n\nSome text that is a paragraph.\n\n"
                             "|   |   |\n|---|---|\n| Year | Output |\n| 1911 | 40 |\n\n"
                             "More text.\n\n"
                             "| Year | Output |\n|---|---|\n| 1912 | 52 |\n\nLast text.\n";
    read_result r = read_data("t.md", md, strlen(md), false);
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    int tables = 0;
    for (const imprint_node *b = r.article->first_child; b; b = b->next) {
        if (b->kind != IMPRINT_NODE_TABLE)
            continue;
        tables++;
        g_assert_nonnull(b->first_child);
        for (const imprint_node *row = b->first_child; row; row = row->next)
            g_assert_false(row->as.row.header);
    }
    g_assert_cmpint(tables, ==, 2);
    result_free(&r);
}

static void test_notes(void)
{
    read_result r = read_fixture("notes.md", false);
    assert_article(&r, "heading1(\"Notes Across Pages\")\n"
                       "paragraph(\"A first page with a note.\" noteref->1 \" And a second one.\" "
                       "noteref->2)\n"
                       "paragraph(\"A second page with its own note.\" noteref->3 \" And a mark "
                       "with no definition.\" noteref->?)\n"
                       "paragraph(\"A third page whose note has no rule above it.\" noteref->4)\n"
                       "[1 1 1] note(paragraph(\"The first note.\"))\n"
                       "[2 2 1] note(paragraph(\"The second note runs on to the next page, where "
                       "it ends.\"))\n"
                       "[3 3 1] note(paragraph(\"Third note.\"))\n"
                       "[4 4 1] note(paragraph(\"Fourth note, under no rule.\"))\n"
                       "[5 5 0] note(paragraph(\"A definition nobody refers to.\"))\n");
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "note 2 runs on to the next page"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_WARNING, "note mark 6 has no definition"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_WARNING, "note 5 is defined but never referenced"), ==,
                     1);
    /* the unlinked mark keeps its place in the source */
    const imprint_diag *d = NULL;
    for (size_t i = 0; (d = imprint_diags_get(r.diags, i)); i++)
        if (strstr(d->message, "note mark 6"))
            break;
    g_assert_nonnull(d);
    g_assert_cmpuint(d->line, ==, 11);
    g_assert_true(g_str_has_suffix(d->file, "notes.md"));
    result_free(&r);
}

static void test_parts(void)
{
    read_result r = read_fixture("parts.md", false);
    /* one article; parts are level-1 headings; notes renumbered, labels keep part-number */
    assert_article(&r, "heading1(\"Part One\")\n"
                       "paragraph(\"Opening of part one.\" noteref->1-1)\n"
                       "heading2(\"A Section\")\n"
                       "paragraph(\"More of part one.\" noteref->1-2)\n"
                       "heading1(\"Part Two\")\n"
                       "paragraph(\"Opening of part two.\" noteref->2-1)\n"
                       "[1 1-1 1] note(paragraph(\"Part one, note one.\"))\n"
                       "[2 1-2 1] note(paragraph(\"Part one, note two.\"))\n"
                       "[3 2-1 1] note(paragraph(\"Part two, note one.\"))\n");
    g_assert_cmpstr(r.article->as.article.authors[0], ==, "Pat Writer");
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "2 parts"), ==, 1);
    g_assert_cmpuint(
        count(&r, IMPRINT_SEV_NOTE, "heading levels taken from the contents table (a part's first"),
        ==, 1);
    result_free(&r);
}

static const char order_expected[] =
    "heading1(\"Beginning\")\n"
    "paragraph(\"The text starts here and the first sentence runs across the\" noteref->1 \" page "
    "break, where it ends. This revolutionary page breaks the word revolutionary across the "
    "break.\" noteref->2)\n"
    "heading1(\"Ending\")\n"
    "paragraph(\"The last section closes the text.\" noteref->3)\n"
    "[1 1 1] note(paragraph(\"Note one.\"))\n"
    "[2 2 1] note(paragraph(\"Note two.\"))\n"
    "[3 3 1] note(paragraph(\"Note three.\"))\n";

static void test_order(void)
{
    read_result r = read_fixture("order.md", false);
    assert_article(&r, order_expected);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "fragment 'Beginning' placed first"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "fragment 'Ending' (line 10) moved after line 28"),
                     ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "4 page fragments, 2 moved"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE,
                           "'revolu-' + 'tionary' = 'revolutionary' (the "
                           "text uses the word elsewhere)"),
                     ==, 1);
    result_free(&r);
}

static void test_order_source(void)
{
    read_result r = read_fixture("order.md", true);
    assert_article(&r, "heading1(\"Ending\")\n"
                       "paragraph(\"The last section closes the text.\" noteref->3)\n"
                       "heading1(\"Beginning\")\n"
                       "paragraph(\"The text starts here and the first sentence runs across the\" "
                       "noteref->1 \" page break, where it ends. This revolutionary page breaks "
                       "the word revolutionary across the break.\" noteref->2)\n"
                       "[1 3 1] note(paragraph(\"Note three.\"))\n"
                       "[2 1 1] note(paragraph(\"Note one.\"))\n"
                       "[3 2 1] note(paragraph(\"Note two.\"))\n");
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "order: source"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "moved"), ==, 0);
    result_free(&r);
}

static void test_hyphenation(void)
{
    read_result r = read_fixture("hyphen.md", false);
    assert_article(&r, "heading1(\"Hyphens\")\n"
                       "paragraph(\"The anti-Semitic campaign is named here. The patterns break "
                       "revolutionary at that point.\" noteref->1 \" Next, a compound broken at "
                       "the page: anti-Semitic again, and a made-up word aff-ity stays broken.\" "
                       "noteref->2 \" The text says culturally here, and a word broken at a "
                       "known place: culturally ends it.\")\n"
                       "[1 1 1] note(paragraph(\"One.\"))\n"
                       "[2 2 1] note(paragraph(\"Two.\"))\n");
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE,
                           "'revolu-' + 'tionary' = 'revolutionary' (the "
                           "hyphenation patterns break it there)"),
                     ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "kept the hyphen of 'anti-Semitic'"), ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_WARNING, "kept as 'aff-ity': 'affity' is not a known"),
                     ==, 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "= 'culturally' (the text uses"), ==, 1);
    result_free(&r);
}

static void test_epigraphs(void)
{
    read_result r = read_fixture("epigraph.md", false);
    assert_article(&r,
                   "heading1(\"Epigraphs\")\n"
                   "quote(paragraph(emph(\"\"The first quote wraps its author.\"\")) "
                   "citation(\"First Author\" noteref->1))\n"
                   "quote(paragraph(emph(\"“The second closes before the dash.”\")) "
                   "citation(\"Second Author\" noteref->2))\n"
                   "quote(paragraph(\"\"The third has its author on the next line.\"\") "
                   "citation(\"Third Author\" noteref->3))\n"
                   "quote(paragraph(emph(\"“A displayed quotation in italics.”\") "
                   "noteref->4))\n"
                   "paragraph(\"Plain text that quotes “something” inline stays a paragraph.\")\n"
                   "[1 1 1] note(paragraph(\"N1.\"))\n"
                   "[2 2 1] note(paragraph(\"N2.\"))\n"
                   "[3 3 1] note(paragraph(\"N3.\"))\n"
                   "[4 4 1] note(paragraph(\"N4.\"))\n");
    result_free(&r);
}

static void test_inlines(void)
{
    read_result r = read_fixture("inline.md", false);
    assert_article(&r,
                   "heading1(\"Bold Heading\")\n"
                   "paragraph(\"Text with \" strong(\"strong\") \", \" emph(\"emphasis\") \", \" "
                   "emph(strong(\"both\")) \", \" strong(\"b\") \", \" emph(\"i\") \", a\" "
                   "linebreak \"break, 3\" sup(\"rd\") \" edition, H\" sub(\"2\") \"O, "
                   "Cyrillic «в Украине», and an escaped f*ck.\" noteref->1)\n"
                   "list-0(item(paragraph(\"a listed point;\")) item(paragraph(\"another "
                   "point.\")))\n"
                   "list#1(item(paragraph(\"first\")) item(paragraph(\"second\")))\n"
                   "[1 1 1] note(paragraph(\"A note with \" emph(\"emphasis\") \".\"))\n");
    result_free(&r);
}

/* A raw HTML block (a <div>, a comment, a table) is the user's text: it stays
 * as text with a warning, while the export's own inline tags still map. */
static void test_html_block(void)
{
    read_result r = read_fixture("html_block.md", false);
    assert_article(&r,
                   "paragraph(\"Opening paragraph with a note.\" noteref->1)\n"
                   "paragraph(\"<div>kept words blockhtml</div>\")\n"
                   "paragraph(\"<!-- commentword -->\")\n"
                   "paragraph(\"<table><tr><td>cellword</td></tr></table>\")\n"
                   "paragraph(\"Closing paragraph with \" strong(\"bold\") \" and a\" linebreak "
                   "\"break.\")\n"
                   "[1 1 1] note(paragraph(\"The note.\"))\n");
    g_assert_cmpuint(count(&r, IMPRINT_SEV_WARNING, "raw HTML block kept as text"), ==, 3);
    result_free(&r);
}

/* The edition's `split:` cannot apply: the file is one article. */
static void test_split_refused(void)
{
    char *path = g_build_filename(FIXTURES_DIR, "pdfmd", "inline.md", NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    const char *const split[] = {"Bold Heading", NULL};
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_PDF_MARKDOWN, .split = split};
    g_assert_cmpint(imprint_read_pdfmd(doc, path, data, len, &opts, diags), ==, -1);
    g_assert_null(doc->root->first_child);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 1);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR,
                                                  "split applies to the text dialect only"),
                     ==, 1);
    g_assert_cmpstr(imprint_diags_get(diags, 0)->file, ==, path);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    g_free(data);
    g_free(path);
}

/* IMPRINT_PDFMD_MAX_ORDER_STEPS: fragments that fit together in too many ways
 * and never end a sentence make the search give up and keep the file's order. */
static void test_order_step_limit(void)
{
    GString *s = g_string_new("## Start\n\nA beginning that runs\n\n");
    for (int i = 0; i < 30; i++)
        g_string_append_printf(s, "and on, piece %d, and\n\n", i);
    read_result r = read_data("steps.md", s->str, s->len, false);
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_WARNING, "steps tried); the file's order is kept"), ==,
                     1);
    const imprint_diag *d = imprint_diags_get(r.diags, 0);
    for (size_t i = 0; d && !strstr(d->message, "steps tried"); i++)
        d = imprint_diags_get(r.diags, i);
    long steps = atol(strrchr(d->message, '(') + 1);
    g_assert_cmpint(steps, >=, IMPRINT_PDFMD_MAX_ORDER_STEPS);
    g_assert_cmpint(steps, <, IMPRINT_PDFMD_MAX_ORDER_STEPS + 100);
    /* nothing is lost: every piece is in the text, in the file's order */
    char *text = imprint_node_plain_text(r.doc, r.article);
    g_assert_nonnull(strstr(text, "piece 0, and and on, piece 1"));
    g_assert_nonnull(strstr(text, "piece 29, and"));
    result_free(&r);
    g_string_free(s, TRUE);
}

/* IMPRINT_PDFMD_MAX_FRAGMENTS: more fragments than that keep the file's order. */
static void test_fragment_limit(void)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i <= IMPRINT_PDFMD_MAX_FRAGMENTS; i++)
        g_string_append_printf(
            s, "Page %d ends here.<sup>1</sup>\n\n---\n\n<sup>1</sup> Note of page %d.\n\n", i, i);
    read_result r = read_data("many.md", s->str, s->len, false);
    g_assert_cmpint(r.articles, ==, 1);
    char *msg = g_strdup_printf("no reading order of the %d page fragments",
                                IMPRINT_PDFMD_MAX_FRAGMENTS + 1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_WARNING, msg), ==, 1);
    g_free(msg);
    g_assert_cmpint(r.article->as.article.note_count, ==, IMPRINT_PDFMD_MAX_FRAGMENTS + 1);
    /* each mark is linked to the note of its own page */
    imprint_node *p = r.article->first_child;
    for (int i = 0; p; p = p->next, i++)
        g_assert_cmpint(p->last_child->as.noteref.note->as.note.number, ==, i + 1);
    result_free(&r);
    g_string_free(s, TRUE);
}

/* IMPRINT_MAX_DEPTH: inline HTML nested past it is an error, not a crash. */
static void test_depth_limit(void)
{
    GString *s = g_string_new("Deep ");
    for (int i = 0; i < IMPRINT_MAX_DEPTH + 5; i++)
        g_string_append(s, "<b>");
    g_string_append(s, "text.\n");
    read_result r = read_data("deep.md", s->str, s->len, false);
    g_assert_cmpint(r.articles, ==, -1);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_ERROR, "nested deeper than"), ==, 1);
    g_assert_null(r.article);
    result_free(&r);
    g_string_free(s, TRUE);
}

/* FRONT_MAX_BYTES (read/pdfmd/front.c): without a contents table, the front matter
 * is the title and the short lines under it; a long paragraph is the body. */
static void test_front_matter_length(void)
{
    GString *s = g_string_new("# Short Title\n\nSam Author\n\nThe body begins here");
    while (s->len < 400)
        g_string_append(s, " and it goes on");
    g_string_append(s, ".\n");
    read_result r = read_data("front.md", s->str, s->len, false);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_cmpstr(r.article->as.article.title, ==, "Short Title");
    g_assert_cmpstr(r.article->as.article.authors[0], ==, "Sam Author");
    char *first = imprint_node_plain_text(r.doc, r.article->first_child);
    g_assert_true(g_str_has_prefix(first, "The body begins here and it goes on"));
    g_assert_null(r.article->first_child->next);
    result_free(&r);
    g_string_free(s, TRUE);
}

/* CONTENTS_SCAN_BLOCKS (read/pdfmd/front.c): a "Contents" table deep in the body is
 * the author's table, kept, not the booklet's contents. */
static void test_contents_scan_limit(void)
{
    GString *s = g_string_new("# Title\n\n");
    for (int i = 0; i < 90; i++)
        g_string_append_printf(s, "Paragraph %d of the text is complete.\n\n", i);
    g_string_append(s, "## Contents\n\n| Item | Page |\n|---|---|\n| One | 1 |\n");
    read_result r = read_data("late.md", s->str, s->len, false);
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    g_assert_cmpuint(count(&r, IMPRINT_SEV_NOTE, "contents table"), ==, 0);
    g_assert_cmpint(r.article->last_child->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_cmpint(r.article->last_child->prev->kind, ==, IMPRINT_NODE_HEADING);
    result_free(&r);
    g_string_free(s, TRUE);
}

static void test_vocabulary(void)
{
    read_words *w = read_words_new(
        "The proles of the <b>Round</b> Table; the anti-Semitic campaign. Proles of old.", "en");
    g_assert_cmpuint(read_words_pair_count(w, "proles", "of"), ==, 2);
    g_assert_cmpuint(read_words_pair_count(w, "table", "the"), ==, 0); /* ';' between */
    g_assert_cmpuint(read_words_pair_count(w, "the", "round"), ==, 1); /* tags are not words */
    g_assert_cmpint(read_words_join(w, "anti", "Semitic"), ==, READ_KEEP_COMPOUND);
    g_assert_cmpint(read_words_join(w, "cam", "paign"), ==, READ_JOIN_VOCABULARY);
    g_assert_cmpint(read_words_join(w, "revolu", "tionary"), ==, READ_JOIN_DICTIONARY);
    g_assert_cmpint(read_words_join(w, "aff", "ity"), ==, READ_KEEP_UNKNOWN);
    read_words_free(w);
    read_words_free(NULL);

    /* endings of other, longer words, up to READ_WORDS_ENDING_MAX_CHARS */
    g_assert_cmpint(READ_WORDS_ENDING_MAX_CHARS, ==, 8);
    w = read_words_new("Understanding, outstanding; standing. Déjà vu, Ing.", "en");
    g_assert_cmpuint(read_words_endings(w, "ing"), ==, 3);
    g_assert_cmpuint(read_words_endings(w, "Standing"), ==, 2);  /* 8 characters */
    g_assert_cmpuint(read_words_endings(w, "rstanding"), ==, 0); /* 9 */
    g_assert_cmpuint(read_words_endings(w, "éjà"), ==, 1);
    g_assert_cmpuint(read_words_endings(w, "déjà"), ==, 0); /* the word itself */
    read_words_free(w);
}

/* A note continued over 350,000 pages (7 MB) is one note, built in time linear in
 * its length: each join used to copy the note so far and measure it whole
 * (over four minutes in a Debug build); now it takes about a second. */
static void test_long_note(void)
{
    GString *s = g_string_new("Title<sup>1</sup>\n\n<sup>1</sup> The note");
    for (int i = 0; i < 350000; i++)
        g_string_append(s, "\n\n---\n\nand the note goes on");
    g_string_append_c(s, '\n');
    gint64 start = g_get_monotonic_time();
    read_result r = read_data("long.md", s->str, s->len, false);
    gint64 took = g_get_monotonic_time() - start;
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_cmpint(r.article->as.article.note_count, ==, 1);
    imprint_node *p = r.article->as.article.first_note->first_child;
    g_assert_cmpint(p->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpuint(p->first_child->as.text.len, ==, 8 + 350000 * 21);
    /* generous for sanitizer builds on a loaded machine */
    g_assert_cmpint(took, <, 30 * G_USEC_PER_SEC);
    result_free(&r);
    g_string_free(s, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pdfmd/front-matter-and-contents", test_front_matter_and_contents);
    g_test_add_func("/pdfmd/notes", test_notes);
    g_test_add_func("/pdfmd/table-no-header", test_table_no_header);
    g_test_add_func("/pdfmd/parts", test_parts);
    g_test_add_func("/pdfmd/order", test_order);
    g_test_add_func("/pdfmd/order-source", test_order_source);
    g_test_add_func("/pdfmd/hyphenation", test_hyphenation);
    g_test_add_func("/pdfmd/epigraphs", test_epigraphs);
    g_test_add_func("/pdfmd/inlines", test_inlines);
    g_test_add_func("/pdfmd/html-block", test_html_block);
    g_test_add_func("/pdfmd/split-refused", test_split_refused);
    g_test_add_func("/pdfmd/vocabulary", test_vocabulary);
    g_test_add_func("/pdfmd/front-matter-length", test_front_matter_length);
    g_test_add_func("/pdfmd/contents-scan-limit", test_contents_scan_limit);
    g_test_add_func("/pdfmd/order-step-limit", test_order_step_limit);
    g_test_add_func("/pdfmd/fragment-limit", test_fragment_limit);
    g_test_add_func("/pdfmd/long-note", test_long_note);
    g_test_add_func("/pdfmd/depth-limit", test_depth_limit);
    return g_test_run();
}
