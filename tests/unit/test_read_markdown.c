/* The markdown reader: every construct of tests/fixtures/markdown/all.md and
 * the edge cases of its sibling fixtures. */
#include <glib.h>
#include <string.h>

#include "imprint/reader.h"

typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    int articles;
} read_result;

static read_result read_fixture(const char *name)
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
        g_string_append_printf(out, "->%d",
                               n->as.noteref.note ? n->as.noteref.note->as.note.number : 0);
    if (n->kind == IMPRINT_NODE_LINK)
        g_string_append_printf(out, "<%s>", n->as.link.url);
    if (n->kind == IMPRINT_NODE_LIST)
        g_string_append_printf(out, "%s%d", n->as.list.style == IMPRINT_LIST_BULLET ? "-" : "#",
                               n->as.list.style == IMPRINT_LIST_BULLET ? 0 : n->as.list.start);
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

static char *dump_str(const imprint_node *n)
{
    GString *s = g_string_new(NULL);
    dump(n, s);
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

static imprint_node *nth_child(imprint_node *n, int i)
{
    imprint_node *c = n->first_child;
    while (c && i-- > 0)
        c = c->next;
    g_assert_nonnull(c);
    return c;
}

static void test_front_matter(void)
{
    read_result r = read_fixture("all.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==, "Every Construct");
    g_assert_cmpstr(a->as.article.subtitle, ==, "A fixture for the markdown reader");
    g_assert_cmpstr(a->as.article.authors[0], ==, "Ada Writer");
    g_assert_cmpstr(a->as.article.authors[1], ==, "Bo Editor");
    g_assert_null(a->as.article.authors[2]);
    g_assert_cmpstr(a->as.article.date, ==, "2024-05-01");
    g_assert_cmpstr(a->as.article.source_url, ==, "https://example.org/every");
    /* the front matter is not text; the first block is the opening paragraph on line 11 */
    g_assert_cmpint(a->first_child->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpuint(a->first_child->pos.line, ==, 11);
    result_free(&r);
}

static void test_inlines_and_notes(void)
{
    read_result r = read_fixture("all.md");
    imprint_node *a = r.doc->root->first_child;
    char *p1 = dump_str(nth_child(a, 0));
    g_assert_cmpstr(p1, ==,
                    "paragraph(\"Opening paragraph with \" emph(\"emphasis\") \", \" "
                    "strong(\"strong\") \", code, a \" link<https://example.org/a>(\"link\") "
                    "\", a bare \" link<http://www.example.com>(\"www.example.com\") \" address, "
                    "and a note.\" noteref->1)");
    g_free(p1);
    char *h = dump_str(nth_child(a, 1));
    g_assert_cmpstr(h, ==, "heading1(\"Section with a note\" noteref->2)");
    g_free(h);
    char *html = dump_str(nth_child(a, 2));
    g_assert_cmpstr(html, ==,
                    "paragraph(\"Raw HTML: H\" sub(\"2\") \"O, E = mc\" sup(\"2\") \", \" "
                    "strong(\"bold\") \", \" emph(\"italic\") \", \" emph(\"em\") \", \" "
                    "strong(\"strong\") \", line\" linebreak \"break, and <span>other</span> "
                    "tags.\")");
    g_free(html);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "'<span>'"), ==, 1);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "'</span>'"), ==,
                     1);

    /* notes: numbered in order of first reference, labels kept, the unused one kept */
    g_assert_cmpint(a->as.article.note_count, ==, 3);
    imprint_node *n1 = a->as.article.first_note;
    g_assert_cmpstr(n1->as.note.label, ==, "first");
    g_assert_cmpuint(imprint_note_ref_count(n1), ==, 2);
    char *d1 = dump_str(n1);
    g_assert_cmpstr(d1, ==,
                    "note(paragraph(\"The first note, \" emph(\"referenced twice\") \".\"))");
    g_free(d1);
    imprint_node *n2 = n1->as.note.next_note;
    g_assert_cmpstr(n2->as.note.label, ==, "head");
    g_assert_cmpuint(imprint_note_ref_count(n2), ==, 1);
    char *d2 = dump_str(n2);
    g_assert_cmpstr(d2, ==,
                    "note(paragraph(\"A note referenced from a heading, defined before its "
                    "reference.\"))");
    g_free(d2);
    imprint_node *n3 = n2->as.note.next_note;
    g_assert_cmpstr(n3->as.note.label, ==, "unused");
    g_assert_cmpuint(imprint_note_ref_count(n3), ==, 0);
    char *d3 = dump_str(n3);
    g_assert_cmpstr(d3, ==, "note(paragraph(\"A note nobody refers to.\"))");
    g_free(d3);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "[^unused]"), ==,
                     1);
    result_free(&r);
}

static void test_blocks(void)
{
    read_result r = read_fixture("all.md");
    imprint_node *a = r.doc->root->first_child;
    char *q = dump_str(nth_child(a, 3));
    g_assert_cmpstr(q, ==,
                    "quote(paragraph(\"A quoted thought, in two lines.\") "
                    "citation(\"Quoted Person\"))");
    g_free(q);
    char *h = dump_str(nth_child(a, 4));
    g_assert_cmpstr(h, ==, "heading2(\"Sub-section\")");
    g_free(h);
    char *l1 = dump_str(nth_child(a, 5));
    g_assert_cmpstr(l1, ==,
                    "list-0(item(paragraph(\"bullet one\")) item(paragraph(\"bullet two with a "
                    "second reference\" noteref->1)))");
    g_free(l1);
    char *l2 = dump_str(nth_child(a, 6));
    g_assert_cmpstr(l2, ==, "list#3(item(paragraph(\"third\")) item(paragraph(\"fourth\")))");
    g_free(l2);
    char *t = dump_str(nth_child(a, 7));
    g_assert_cmpstr(t, ==,
                    "table(row(cell(\"Name\") cell(\"Count\")) row(cell(\"Café\") cell(\"1\")) "
                    "row(cell(\"Ж\") cell(\"2\")))");
    g_free(t);
    g_assert_cmpint(nth_child(a, 8)->kind, ==, IMPRINT_NODE_BREAK);
    char *last = dump_str(nth_child(a, 9));
    g_assert_cmpstr(last, ==, "paragraph(\"Text after a break, with Cyrillic: «в Украине».\")");
    g_free(last);
    g_assert_null(nth_child(a, 9)->next);
    result_free(&r);
}

static void test_title_from_heading(void)
{
    read_result r = read_fixture("title_heading.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==, "The Title From a Heading");
    g_assert_cmpuint(a->as.article.source_line, ==, 1);
    char *d = dump_str(a);
    g_assert_cmpstr(d, ==,
                    "article(paragraph(\"Intro paragraph.\") heading1(\"First Section\") "
                    "paragraph(\"Body.\" noteref->1) heading2(\"Deeper\") paragraph(\"More.\"))");
    g_free(d);
    g_assert_cmpstr(a->as.article.first_note->as.note.label, ==, "1");
    result_free(&r);
}

static void test_bad_yaml(void)
{
    read_result r = read_fixture("bad_yaml.md");
    g_assert_cmpint(r.articles, ==, -1);
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_ERROR), ==, 1);
    const imprint_diag *d = imprint_diags_get(r.diags, 0);
    g_assert_nonnull(strstr(d->message, "front matter"));
    g_assert_cmpuint(d->line, >=, 2);
    g_assert_null(r.doc->root->first_child);
    result_free(&r);
}

static void test_dangling_and_raw_html(void)
{
    read_result r = read_fixture("dangling.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    char *d = dump_str(a);
    g_assert_cmpstr(d, ==,
                    "article(paragraph(\"A reference to [^missing] and a raw <div>block</div> "
                    "span.\") paragraph(\"<div>\" linebreak \"an HTML block\" linebreak "
                    "\"</div>\"))");
    g_free(d);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "[^missing]"), ==,
                     1);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "HTML block"), ==,
                     1);
    result_free(&r);
}

/* Definitions nobody refers to, one right after the other (the next one ends
 * the previous), are all kept as notes with a warning each. An HTML block
 * that interrupts one is the article's, as cmark reads it; an HTML block that
 * is a definition's text is the note's. Under the Asan build this also checks
 * that reading them leaks nothing. */
static void test_unused_notes(void)
{
    read_result r = read_fixture("unused_notes.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    GString *got = g_string_new(NULL);
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note) {
        char *d = dump_str(n);
        g_string_append_printf(got, "[%s %zu] %s\n", n->as.note.label, imprint_note_ref_count(n),
                               d);
        g_free(d);
    }
    g_assert_cmpstr(got->str, ==,
                    "[a 0] note(paragraph(\"first unused\"))\n"
                    "[b 0] note(paragraph(\"second unused\"))\n"
                    "[c 0] note(paragraph(\"third unused, before a block\"))\n"
                    "[d 0] note(paragraph(\"<div>defword</div>\"))\n");
    char *body = dump_str(a);
    g_assert_cmpstr(body, ==, "article(paragraph(\"Text.\") paragraph(\"<div>blockword</div>\"))");
    g_free(body);
    g_string_free(got, TRUE);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING,
                                                  "is defined but never referenced"),
                     ==, 4);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_WARNING, "HTML block"), ==,
                     2);
    result_free(&r);
}

/* The edition's `split:` cannot apply to a one-article dialect: an error, no
 * article. `order: source` is pdf-markdown's: a warning, the file is read. */
static void test_edition_options(void)
{
    const char *md = "# One\n\nBody.\n\n# Two\n\nMore.\n";
    const char *const split[] = {"Two", NULL};
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN, .split = split};
    g_assert_cmpint(imprint_read_markdown(doc, "opts.md", md, strlen(md), &opts, diags), ==, -1);
    g_assert_null(doc->root->first_child);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 1);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR,
                                                  "split applies to the text dialect only"),
                     ==, 1);
    const imprint_diag *d = imprint_diags_get(diags, 0);
    g_assert_cmpstr(d->file, ==, "opts.md");
    imprint_diags_free(diags);

    diags = imprint_diags_new();
    opts = (imprint_read_opts){.dialect = IMPRINT_DIALECT_MARKDOWN, .order_source = true};
    g_assert_cmpint(imprint_read_markdown(doc, "opts.md", md, strlen(md), &opts, diags), ==, 1);
    g_assert_nonnull(doc->root->first_child);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 0);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING, "'order: source'"),
                     ==, 1);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* An image's title is the figure's caption and its alt text the description;
 * an inline image keeps both as text. A reference to a numeric label carries
 * that number, every time; a named label's references carry the note's number. */
static void test_figures_and_refs(void)
{
    read_result r = read_fixture("figures_and_refs.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    imprint_node *f1 = nth_child(a, 0), *f2 = nth_child(a, 1);
    g_assert_cmpint(f1->kind, ==, IMPRINT_NODE_FIGURE);
    g_assert_cmpstr(f1->as.figure.src, ==, "red.png");
    g_assert_cmpstr(f1->as.figure.placeholder, ==, "A red square");
    char *d = dump_str(f1);
    g_assert_cmpstr(d, ==, "figure(\"Figure 1. The square\")");
    g_free(d);
    g_assert_cmpint(f2->kind, ==, IMPRINT_NODE_FIGURE);
    g_assert_null(f2->as.figure.placeholder);
    d = dump_str(f2);
    g_assert_cmpstr(d, ==, "figure(\"Only alt\")");
    g_free(d);
    d = dump_str(nth_child(a, 2));
    g_assert_cmpstr(d, ==, "paragraph(\"Text with an inline icon (Icon title) image.\")");
    g_free(d);

    imprint_node *first = a->as.article.first_note, *seven = first->as.note.next_note;
    g_assert_cmpstr(first->as.note.label, ==, "first");
    g_assert_cmpstr(seven->as.note.label, ==, "7");
    g_assert_cmpuint(imprint_note_ref_count(first), ==, 2);
    g_assert_cmpuint(imprint_note_ref_count(seven), ==, 2);
    for (imprint_node *ref = first->as.note.first_ref; ref; ref = ref->as.noteref.next_ref)
        g_assert_cmpint(ref->as.noteref.number, ==, first->as.note.number);
    for (imprint_node *ref = seven->as.note.first_ref; ref; ref = ref->as.noteref.next_ref)
        g_assert_cmpint(ref->as.noteref.number, ==, 7);
    /* MAX_NOTE_DIGITS: a label longer than that keeps the note's number */
    imprint_node *longer = seven->as.note.next_note;
    g_assert_cmpstr(longer->as.note.label, ==, "1234567890");
    g_assert_cmpuint(imprint_note_ref_count(longer), ==, 1);
    g_assert_cmpint(longer->as.note.first_ref->as.noteref.number, ==, 3);
    g_assert_cmpint(longer->as.note.number, ==, 3);
    result_free(&r);
}

/* IMPRINT_MAX_DEPTH: nesting past it is an error, not a crash. */
static void test_depth_limit(void)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < IMPRINT_MAX_DEPTH + 10; i++)
        g_string_append(s, "> ");
    g_string_append(s, "deep\n");
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    int n = imprint_read_markdown(doc, "deep.md", s->str, s->len, &opts, diags);
    g_assert_cmpint(n, ==, -1);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "nested deeper"), ==,
                     1);
    g_assert_null(doc->root->first_child);
    /* just under the limit is fine */
    g_string_truncate(s, 0);
    for (int i = 0; i < IMPRINT_MAX_DEPTH - 4; i++)
        g_string_append(s, "> ");
    g_string_append(s, "deep\n");
    imprint_diags *d2 = imprint_diags_new();
    g_assert_cmpint(imprint_read_markdown(doc, "deep.md", s->str, s->len, &opts, d2), ==, 1);
    assert_sound(doc);
    imprint_diags_free(d2);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    g_string_free(s, TRUE);
}

/* TAG_NAME_MAX (md_inline.c): a tag name longer than any mapped tag is kept
 * as text with a warning. */
static void test_long_tag_name(void)
{
    const char *md = "A <abcdefghijklmnopq>long</abcdefghijklmnopq> tag and <sub>x</sub>.\n";
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    g_assert_cmpint(imprint_read_markdown(doc, "tag.md", md, strlen(md), &opts, diags), ==, 1);
    char *d = dump_str(doc->root->first_child->first_child);
    g_assert_cmpstr(d, ==,
                    "paragraph(\"A <abcdefghijklmnopq>long</abcdefghijklmnopq> tag and \" "
                    "sub(\"x\") \".\")");
    g_free(d);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING, "kept as text"), ==,
                     2);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

static bool has_diag(const imprint_diags *diags, const char *text)
{
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        char *line = imprint_diag_format(imprint_diags_get(diags, i));
        bool match = strstr(line, text) != NULL;
        g_free(line);
        if (match)
            return true;
    }
    return false;
}

/* Reads `len` bytes copied into a buffer of exactly that size (no NUL after
 * it: ASan catches a read past the end). */
static read_result read_exact(const char *data, size_t len)
{
    char *copy = g_malloc(len);
    memcpy(copy, data, len);
    read_result r = {imprint_doc_new(), imprint_diags_new(), 0};
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    r.articles = imprint_read_buffer(r.doc, "exact.md", copy, len, &opts, r.diags);
    g_free(copy);
    return r;
}

/* Old-Mac line ends (CR only) count as line ends, as cmark counts them: the
 * 17 bytes that crashed the reader give one note, and its text; CR LF and
 * CR-only front matter are read too. */
static void test_cr_line_ends(void)
{
    static const char crash[] = "a[^1]\r\r\r\r[^1]: b\r";
    read_result r = read_exact(crash, sizeof crash - 1);
    g_assert_cmpint(r.articles, ==, 1);
    const imprint_node *a = r.doc->root->first_child;
    g_assert_cmpint(a->as.article.note_count, ==, 1);
    GString *got = g_string_new(NULL);
    dump(a->as.article.first_note, got);
    g_assert_cmpstr(got->str, ==, "note(paragraph(\"b\"))");
    g_string_free(got, TRUE);
    assert_sound(r.doc);
    result_free(&r);

    /* an unreferenced definition, found by line, with CR and CR LF */
    static const char unused[] = "Text.\r\r[^x]: never used\rsecond line\r\n\r\nAfter.";
    r = read_exact(unused, sizeof unused - 1);
    g_assert_cmpint(r.articles, ==, 1);
    a = r.doc->root->first_child;
    g_assert_cmpint(a->as.article.note_count, ==, 1);
    g_assert_true(has_diag(r.diags, "exact.md:3:1: warning: note [^x] is defined but never "
                                    "referenced"));
    result_free(&r);

    static const char front[] = "---\rtitle: From CR\r---\rBody.\r";
    r = read_exact(front, sizeof front - 1);
    g_assert_cmpint(r.articles, ==, 1);
    g_assert_cmpstr(r.doc->root->first_child->as.article.title, ==, "From CR");
    result_free(&r);
}

/* 20,000 short lines make one paragraph in time and memory linear in the
 * file (each soft break used to copy the paragraph's text so far). */
static void test_many_lines_linear(void)
{
    GString *md = g_string_new("# Title\n\n");
    for (int i = 0; i < 20000; i++)
        g_string_append(md, "ab\n");
    read_result r = read_exact(md->str, md->len);
    g_assert_cmpint(r.articles, ==, 1);
    const imprint_node *p = r.doc->root->first_child->first_child;
    g_assert_cmpint(p->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_true(p->first_child == p->last_child);
    g_assert_cmpuint(p->first_child->as.text.len, ==, 3 * 20000 - 1);
    /* quadratic copying took some 600 MB of arena here */
    g_assert_cmpuint(imprint_arena_used(r.doc->arena), <, 20 * md->len);
    result_free(&r);
    g_string_free(md, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/markdown/front-matter", test_front_matter);
    g_test_add_func("/markdown/inlines-and-notes", test_inlines_and_notes);
    g_test_add_func("/markdown/blocks", test_blocks);
    g_test_add_func("/markdown/title-from-heading", test_title_from_heading);
    g_test_add_func("/markdown/bad-yaml", test_bad_yaml);
    g_test_add_func("/markdown/dangling-and-raw-html", test_dangling_and_raw_html);
    g_test_add_func("/markdown/unused-notes", test_unused_notes);
    g_test_add_func("/markdown/edition-options", test_edition_options);
    g_test_add_func("/markdown/figures-and-refs", test_figures_and_refs);
    g_test_add_func("/markdown/depth-limit", test_depth_limit);
    g_test_add_func("/markdown/long-tag-name", test_long_tag_name);
    g_test_add_func("/markdown/cr-line-ends", test_cr_line_ends);
    g_test_add_func("/markdown/many-lines-linear", test_many_lines_linear);
    return g_test_run();
}
