/* The markdown reader: every construct of tests/fixtures/markdown/all.md and
 * the edge cases of its sibling fixtures. */
#include "read_markdown_test_util.h"

static read_result read_fixture_with(const char *name, const imprint_read_opts *opts)
{
    char *path = g_build_filename(FIXTURES_DIR, "markdown", name, NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    read_result r = {imprint_doc_new(), imprint_diags_new(), 0};
    r.articles = imprint_read_markdown(r.doc, path, data, len, opts, r.diags);
    g_free(data);
    g_free(path);
    return r;
}

static void dump(const imprint_node *n, GString *out);

/* The article's blocks, one dump a line. */
static char *dump_blocks(const imprint_node *a)
{
    GString *s = g_string_new(NULL);
    for (const imprint_node *b = a->first_child; b; b = b->next) {
        dump(b, s);
        g_string_append_c(s, '\n');
    }
    return g_string_free(s, FALSE);
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

/* Every table under `n`, in order, as one letter a row: `h` a header row,
 * `.` a body row; tables a space apart ("h.. .."). */
static char *table_heads(const imprint_node *n)
{
    GString *s = g_string_new(NULL);
    imprint_iter it;
    imprint_iter_init(&it, n);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        if (it.event != IMPRINT_EVENT_ENTER || it.node->kind != IMPRINT_NODE_TABLE)
            continue;
        if (s->len)
            g_string_append_c(s, ' ');
        for (const imprint_node *row = it.node->first_child; row; row = row->next)
            g_string_append_c(s, row->as.row.header ? 'h' : '.');
    }
    return g_string_free(s, FALSE);
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

/* Several `#` headings and no front matter title: one article each, each
 * note with the chapter that refers to it (one without a reference with the
 * chapter it stands in), numbered within it. A title in front matter keeps
 * the file one article; so does a single `#`. */
static void test_chapters(void)
{
    const char *md = "# One\n\nFirst.[^a] Second.[^2]\n\n## Inside\n\nText.\n\n"
                     "# Two\n\nThird.[^3]\n\n[^a]: Note a.\n[^2]: Note two.\n[^3]: Note three.\n"
                     "[^9]: Nobody's.\n";
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    g_assert_cmpint(imprint_read_markdown(doc, "ch.md", md, strlen(md), &opts, diags), ==, 2);
    imprint_node *one = doc->root->first_child, *two = one->next;
    g_assert_cmpstr(one->as.article.title, ==, "One");
    g_assert_cmpstr(two->as.article.title, ==, "Two");
    g_assert_cmpuint(two->as.article.source_line, ==, 9);
    g_assert_cmpint(one->as.article.note_count, ==, 2);
    g_assert_cmpint(two->as.article.note_count, ==, 2); /* note 3, and 9 defined in it */
    g_assert_cmpint(two->as.article.first_note->as.note.number, ==, 1);
    g_assert_cmpstr(two->as.article.first_note->as.note.label, ==, "3");
    g_assert_cmpint(one->first_child->kind, ==, IMPRINT_NODE_PARAGRAPH);
    g_assert_cmpint(one->first_child->next->kind, ==, IMPRINT_NODE_HEADING);
    g_assert_cmpint(one->first_child->next->as.heading.level, ==, 1);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_NOTE,
                                                  "2 level-1 headings: one article each"),
                     ==, 1);
    imprint_diags_free(diags);
    imprint_doc_free(doc);

    const char *titled = "---\ntitle: A Book\n---\n# One\n\nFirst.\n\n# Two\n\nSecond.\n";
    doc = imprint_doc_new();
    diags = imprint_diags_new();
    g_assert_cmpint(imprint_read_markdown(doc, "t.md", titled, strlen(titled), &opts, diags), ==,
                    1);
    g_assert_cmpstr(doc->root->first_child->as.article.title, ==, "A Book");
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* A note referred to from two chapters goes with the first; the other
 * chapter's reference stays its marker, unlinked, with a warning (a
 * reference into another article would break the model). A note referred
 * to only from inside another note goes with that note's chapter; a note's
 * reference to itself places it nowhere. */
static void test_chapters_shared_note(void)
{
    const char *md = "# One\n\nText[^a].\n\n# Two\n\nMore[^a]. Again[^c].\n\n"
                     "[^a]: Note [^b].\n\n[^b]: Other.\n\n[^c]: See [^c].\n";
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    g_assert_cmpint(imprint_read_markdown(doc, "sh.md", md, strlen(md), &opts, diags), ==, 2);
    imprint_node *one = doc->root->first_child, *two = one->next;
    g_assert_cmpint(one->as.article.note_count, ==, 2); /* a, and b inside it */
    g_assert_cmpint(two->as.article.note_count, ==, 1); /* c */
    g_assert_cmpuint(imprint_note_ref_count(one->as.article.first_note), ==, 1);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING,
                                                  "note [^a] goes with the chapter that refers "
                                                  "to it first (line 3)"),
                     ==, 1);
    GString *problems = g_string_new(NULL);
    g_assert_true(imprint_doc_check(doc, problems));
    g_assert_cmpstr(problems->str, ==, "");
    g_string_free(problems, TRUE);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
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
    g_assert_cmpint(imprint_read_markdown(doc, "opts.md", md, strlen(md), &opts, diags), ==, 2);
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

/* --- pandoc's Markdown ------------------------------------------------- */

/* Fenced divs and `<div>` lines go, their text stays; attributes go after
 * headings, links, spans and code; a lone line in a `<div>` at a section's
 * start is its title. Lookalikes stay: a `<div>` paragraph that reads as
 * prose, a `1\.` paragraph, braces in prose or after a space, a `:::` that
 * closes nothing, a heading's `{...}` that is no attribute block. */
static void test_pandoc_divs(void)
{
    read_result r = read_fixture("pandoc_divs.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==, "Harbour Accounts");
    g_assert_cmpstr(a->as.article.date, ==, "1921");
    char *d = dump_blocks(a);
    g_assert_cmpstr(d, ==,
                    "heading1(\"I\")\n"
                    "paragraph(\"The ledger for spring was kept by the harbour master in a \" "
                    "link<https://example.org/book>(\"bound book\") \".\")\n"
                    "heading2(\"1. Tolls and Dues\")\n"
                    "paragraph(\"The tolls rose by a third, and dues with them.\")\n"
                    "paragraph(\"This paragraph sits in a div but ends like a sentence.\")\n"
                    "paragraph(\"1. A numbered paragraph that is no list item.\")\n"
                    "paragraph(\"The set {a, b} and a brace {#lone} after a space stay as "
                    "written.\")\n"
                    "paragraph(\":::\")\n"
                    "heading1(\"A heading with a closing brace {at the end}\")\n");
    g_free(d);
    g_assert_cmpuint(nth_child(a, 2)->pos.line, ==, 16);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 16, "read as the section's title"));
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "line dropped"), ==,
                     4);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 22, "'<div>' line dropped"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_WARNING, 34, "':::' closes no fenced div"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 7,
                           "fenced divs (::: … :::) unwrapped, their "
                           "text kept: 2"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 8,
                           "attribute blocks ({#id .class key=value}) "
                           "removed from the text: 3"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 10,
                           "bracketed spans ([text]{.class}) read as "
                           "their text: 2"));
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 1);
    result_free(&r);
}

/* Grid (a list and an escaped `|` in cells), multiline, simple and
 * headerless simple tables are tables; rules of dashes (full, spaced, under
 * prose) stay rules; a grid with a joined cell stays as written. */
static void test_pandoc_tables(void)
{
    read_result r = read_fixture("pandoc_tables.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    char *d = dump_blocks(r.doc->root->first_child);
    g_assert_cmpstr(
        d, ==,
        "table(row(cell(\"Port\") cell(\"Goods\")) row(cell(\"Leith\") cell(\"• coal\" linebreak "
        "\"• salt\")) row(cell(\"Hull\") cell(\"timber, the a|b mark\")))\n"
        "table(row(cell(\"Year landed\") cell(\"Tonnage\") cell(\"Remark\")) row(cell(\"1911\") "
        "cell(\"12,000\") cell(\"a quiet season\")) row(cell(\"1912\") cell(\"15,500\") "
        "cell(\"busier\")))\n"
        "table(row(cell(\"Ship\") cell(\"Crew\") cell(\"Cargo\")) row(cell(\"Mary\") cell(\"12\") "
        "cell(\"wool\")) row(cell(\"Ann\") cell(\"9\") cell) row(cell(\"Grace Dale\") "
        "cell(\"14\") cell(\"fish\")))\n"
        "table(row(cell(\"alpha\") cell(\"one\")) row(cell(\"beta\") cell(\"two\")))\n"
        "paragraph(\"A paragraph before a rule.\")\n"
        "break\n"
        "paragraph(\"A paragraph after it, and a spaced rule:\")\n"
        "break\n"
        "paragraph(\"The last line of prose\")\n"
        "break\n"
        "paragraph(\"runs on after a break.\")\n"
        "paragraph(\"+------+------+ | join | +------+------+\")\n");
    g_free(d);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 3, "grid table read as a table of 3 rows and 2"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 13, "multiline table read as a table of 3 rows"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 23, "simple table read as a table of 4 rows"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 29, "simple table read as a table of 2 rows"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_WARNING, 46, "do not line up"));
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 1);
    /* the grid's `+===+`, the multiline and simple header lines make header
     * rows; the headerless simple table has none */
    char *h = table_heads(r.doc->root->first_child);
    g_assert_cmpstr(h, ==, "h.. h.. h... ..");
    g_free(h);
    /* a row's position is its line in the file, not in the rewritten text */
    imprint_node *t = r.doc->root->first_child->first_child;
    g_assert_cmpuint(t->pos.line, ==, 3);
    imprint_node *cell = t->first_child->next->first_child->next;
    g_assert_cmpuint(cell->first_child->pos.line, ==, 6);
    g_assert_cmpuint(cell->first_child->pos.col, ==, 15);
    result_free(&r);
}

/* Header rows only where the syntax marks them: a GFM pipe table's
 * delimiter row (its `---` and `--` no dashes, though the file is pandoc's),
 * a grid table's `+===+` (every row above it), in a list item too. The
 * lookalikes have none: grid tables without a `=` rule or with one as their
 * closing rule (pandoc's table foot), a headerless multiline table. */
static void test_table_headers(void)
{
    read_result r = read_fixture("table_headers.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    char *h = table_heads(r.doc->root->first_child);
    g_assert_cmpstr(h, ==, "h.. .. hh. .. .. h. h. ..");
    g_free(h);
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);
    imprint_node *pipe = nth_child(r.doc->root->first_child, 5);
    char *d = dump_str(pipe);
    g_assert_cmpstr(d, ==,
                    "table(row(cell(\"Ship\") cell(\"Crew\")) row(cell(\"Ann \u2013 a brig\") "
                    "cell(\"9\")))");
    g_free(d);
    result_free(&r);
    /* a pipe table's header row holds what the delimiter row is under */
    r = read_string("| a | b |\n|---|---|\n| c | d |\n");
    d = dump_blocks(r.doc->root->first_child);
    g_assert_cmpstr(d, ==, "table(row(cell(\"a\") cell(\"b\")) row(cell(\"c\") cell(\"d\")))\n");
    g_free(d);
    h = table_heads(r.doc->root->first_child);
    g_assert_cmpstr(h, ==, "h.");
    g_free(h);
    result_free(&r);
}

/* The article's notes, in order, dumped as `want` says, `n` of them,
 * each referred to once. */
static void assert_note_dumps(const imprint_node *a, const char *const *want, int n)
{
    int i = 0;
    for (const imprint_node *note = a->as.article.first_note; note;
         note = note->as.note.next_note, i++) {
        g_assert_cmpint(i, <, n);
        char *nd = dump_str(note);
        g_assert_cmpstr(nd, ==, want[i]);
        g_free(nd);
        g_assert_cmpuint(imprint_note_ref_count(note), ==, 1);
    }
    g_assert_cmpint(i, ==, n);
}

/* Link-anchored notes: an endnotes list of fenced divs (backlinks go, the
 * "Endnotes" heading goes), a marker in a table cell, a marker whose
 * attributes wrap, a Word-style `[\[4\]]` pair. Lookalikes stay: a marker
 * with no definition, a definition with no marker, a numbered link that is
 * a cross reference, a bare [1]. */
static void test_pandoc_notes(void)
{
    read_result r = read_fixture("pandoc_notes.md");
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    char *d = dump_blocks(a);
    g_assert_cmpstr(d, ==,
                    "paragraph(\"The first claim.\" noteref->1 \" The second claim, wrapped.\" "
                    "noteref->2 \" A cross reference to \" link<#tables>(\"2\") \" is a "
                    "link.\")\n"
                    "table(row(cell(\"Item\") cell(\"Value\")) row(cell(\"salt\") cell(\"3\" "
                    "noteref->3)) row(cell(\"coal\") cell(\"4\")))\n"
                    "paragraph(\"A reference that points nowhere\" link<#f9>(\"[9]\") \" and a "
                    "bare [1] stay.\")\n"
                    "paragraph(\"A word-style note.\" noteref->4)\n"
                    "heading1(\"Tables\")\n"
                    "paragraph(\"Text.\")\n"
                    "paragraph(link<#a5>(\"[5]\") \" A definition nobody refers to.\")\n");
    g_free(d);
    static const char *const want[] = {
        "note(paragraph(\"The first note.\"))",
        "note(paragraph(\"The second note, in two paragraphs.\") paragraph(\"Its second "
        "paragraph.\"))",
        "note(paragraph(\"The note from a table cell.\"))",
        "note(paragraph(\"The word-style definition, after its marker.\"))",
    };
    static const unsigned def_lines[] = {28, 32, 39, 22}, ref_lines[] = {5, 6, 11, 16};
    assert_note_dumps(a, want, 4);
    int i = 0;
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note, i++) {
        g_assert_cmpuint(n->pos.line, ==, def_lines[i]);
        g_assert_cmpuint(n->as.note.first_ref->pos.line, ==, ref_lines[i]);
        g_assert_cmpint(n->as.note.first_ref->as.noteref.number, ==, i + 1);
        char *label = g_strdup_printf("%d", i + 1);
        g_assert_cmpstr(n->as.note.label, ==, label);
        g_free(label);
    }
    g_assert_cmpint(i, ==, 4);
    /* the second note's second paragraph stands where it is written */
    imprint_node *p2 = a->as.article.first_note->as.note.next_note->last_child;
    g_assert_cmpuint(p2->pos.line, ==, 35);
    g_assert_cmpuint(p2->pos.col, ==, 5);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "paired with"), ==, 4);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 6,
                           "[2](#note-2) paired with its definition at "
                           "line 32; its link back removed"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_WARNING, 14,
                           "'[\\[9\\]](#f9)' looks like a note "
                           "reference, but no note is defined"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_WARNING, 24, "no note reference points at '#f5'"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 26, "heading 'Endnotes' dropped"));
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 2);
    result_free(&r);
}

/* A table of contents as pandoc converts it from Word: each entry a link
 * whose text holds a link of its page number, to the heading's own
 * identifier, pandoc's ("What's New: Offline Use" → "whats-new-offline-use",
 * a second "Notes" → "notes-1"). The inner links are read as their text, no
 * bracket left, and no link to a heading is taken for a note's marker. The
 * lookalike: a numbered link to no heading of the file is still reported. */
static void test_pandoc_toc(void)
{
    read_result r = read_fixture("pandoc_toc.md");
    assert_sound(r.doc);
    char *d = dump_blocks(r.doc->root->first_child);
    g_assert_null(strchr(d, '['));
    g_assert_nonnull(strstr(d, "link<#whats-new-offline-use>(\"2.1 What’s New: Offline Use 2\")"));
    g_assert_nonnull(strstr(d, "link<#notes-1>(\"4.0 More Notes 3\")"));
    g_free(d);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 7, "links inside a link's text"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_WARNING, 22, "'[9](#reports)' looks like a note"));
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 1);
    result_free(&r);
}

/* In a pandoc file: dashes, scripts, escapes, hard breaks and `\ ` as
 * pandoc reads them, a line opening with dashes as written. In plain
 * Markdown, dashes and carets stay as written. */
static void test_pandoc_inline(void)
{
    read_result r = read_fixture("pandoc_inline.md");
    assert_sound(r.doc);
    char *d = dump_blocks(r.doc->root->first_child);
    g_assert_cmpstr(d, ==,
                    "paragraph(\"A line with an em dash—so—and an en dash 1914–1918.\" linebreak "
                    "\"A second line with water, H\" sub(\"2\") \"O, and the 2\" sup(\"nd\") \" of "
                    "May.\" linebreak \"Escapes: $5, 1. and *not emphasis* and [brackets], a "
                    "no\u00a0break space.\")\n"
                    "paragraph(\"-- a line that opens with two dashes stays as written\")\n");
    g_free(d);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 2,
                           "dashes (--- and --) read as em and en dashes, "
                           "as pandoc reads them: 3"));
    result_free(&r);

    r = read_fixture("plain_dashes.md");
    d = dump_blocks(r.doc->root->first_child);
    g_assert_cmpstr(d, ==,
                    "paragraph(\"Command options --help and --- stay, as do x^2^ and H~2~O "
                    "here.\")\n");
    g_free(d);
    g_assert_cmpuint(imprint_diags_len(r.diags), ==, 0);
    result_free(&r);
}

/* Breadcrumbs and "top of the page" lines: reported and kept by default,
 * dropped with `navigation: drop`; a `>` in prose and a paragraph that
 * starts with "Top" stay either way. */
static void test_navigation(void)
{
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_MARKDOWN};
    read_result r = read_fixture_with("navigation.md", &opts);
    assert_sound(r.doc);
    g_assert_cmpuint(
        imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "looks like site navigation"), ==,
        4);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 3, "(a breadcrumb trail); kept"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 13, "(a link to the top of the page); kept"));
    int blocks = 0;
    for (imprint_node *b = r.doc->root->first_child->first_child; b; b = b->next)
        blocks++;
    g_assert_cmpint(blocks, ==, 7);
    result_free(&r);

    opts.drop_navigation = true;
    r = read_fixture_with("navigation.md", &opts);
    assert_sound(r.doc);
    char *d = dump_blocks(r.doc->root->first_child);
    g_assert_cmpstr(d, ==,
                    "paragraph(\"The post’s first paragraph.\")\n"
                    "paragraph(\"If x > 3 and y > 2 then z > 1 holds.\")\n"
                    "paragraph(\"Top marks go to the harbour crew.\")\n");
    g_free(d);
    g_assert_cmpuint(
        imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "dropped, as 'navigation: drop'"),
        ==, 4);
    result_free(&r);

    /* MAX_NAV_BYTES (200): a longer trail is a sentence of some kind */
    GString *trail = g_string_new("Home");
    while (trail->len < 200 - 8)
        g_string_append(trail, " > Step");
    g_string_append_c(trail, '\n');
    r = read_string(trail->str);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "breadcrumb"), ==, 1);
    result_free(&r);
    g_string_insert(trail, 0, "Home > Steps > ");
    r = read_string(trail->str);
    g_assert_cmpuint(imprint_diags_len(r.diags), ==, 0);
    result_free(&r);
    g_string_free(trail, TRUE);

    /* MAX_CRUMB_WORDS: a step of seven words is a clause, not a crumb */
    r = read_string("Home > Blog > one two three four five six seven\n");
    g_assert_cmpuint(imprint_diags_len(r.diags), ==, 0);
    result_free(&r);
    r = read_string("Home > Blog > one two three four five six\n");
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "breadcrumb"), ==, 1);
    result_free(&r);
}

/* A file with pandoc's fenced divs and attributes is Markdown whatever its
 * name; fences alone, or braces alone, are not enough. */
static void test_pandoc_detect(void)
{
    const char *both = "Text.\n\n::: {#box .aside}\nA [link](#x){#y}.\n:::\n";
    const char *fences = "Text.\n\n::: aside\nPlain words.\n:::\n";
    const char *braces = "The set {#a} and [b]{.c} in prose.\n";
    g_assert_cmpint(imprint_dialect_detect("post.txt", both, strlen(both)), ==,
                    IMPRINT_DIALECT_MARKDOWN);
    g_assert_cmpint(imprint_dialect_detect("post.txt", fences, strlen(fences)), ==,
                    IMPRINT_DIALECT_TEXT);
    g_assert_cmpint(imprint_dialect_detect("post.txt", braces, strlen(braces)), ==,
                    IMPRINT_DIALECT_TEXT);
}

/* The named limits of the pandoc pass, each at and past its bound. */
static void test_pandoc_limits(void)
{
    /* PD_MAX_SPAN: an attribute block longer than it is not one */
    GString *s = g_string_new("::: x\n:::\n\nA [link](https://e.org){#id title=\"");
    GString *t = g_string_new(NULL);
    g_string_append(t, s->str);
    for (int i = 0; i < 4000; i++)
        g_string_append_c(s, 'a');
    for (int i = 0; i < 4100; i++)
        g_string_append_c(t, 'a');
    g_string_append(s, "\"}.\n");
    g_string_append(t, "\"}.\n");
    read_result r = read_string(s->str);
    char *d = dump_str(r.doc->root->first_child->first_child);
    g_assert_cmpstr(d, ==, "paragraph(\"A \" link<https://e.org>(\"link\") \".\")");
    g_free(d);
    result_free(&r);
    r = read_string(t->str);
    g_assert_nonnull(strstr(imprint_node_plain_text(r.doc, r.doc->root->first_child->first_child),
                            "{#id title="));
    result_free(&r);

    /* MAX_TABLE_COLS: 64 columns make a table, 65 do not */
    for (int cols = 64; cols <= 65; cols++) {
        g_string_assign(s, "");
        for (int k = 0; k < cols; k++)
            g_string_append(s, k ? " h" : "h");
        g_string_append_c(s, '\n');
        for (int k = 0; k < cols; k++)
            g_string_append(s, k ? " -" : "-");
        g_string_append(s, "\n");
        for (int k = 0; k < cols; k++)
            g_string_append(s, k ? " 1" : "1");
        g_string_append(s, "\n");
        r = read_string(s->str);
        g_assert_cmpint(r.doc->root->first_child->first_child->kind, ==,
                        cols == 64 ? IMPRINT_NODE_TABLE : IMPRINT_NODE_PARAGRAPH);
        result_free(&r);
    }

    /* MAX_BRACKET_NESTING (16): spans nested deeper keep their brackets */
    g_string_assign(s, "::: x\n:::\n\n");
    for (int i = 0; i < 17; i++)
        g_string_append_c(s, '[');
    g_string_append(s, "w");
    for (int i = 0; i < 17; i++)
        g_string_append(s, "]{.a}");
    g_string_append_c(s, '\n');
    r = read_string(s->str);
    assert_sound(r.doc);
    d = dump_str(r.doc->root->first_child->first_child);
    g_assert_cmpstr(d, ==, "paragraph(\"[w]{.a}\")");
    g_free(d);
    result_free(&r);

    /* MAX_TITLE_CHARS (120): a longer line in a section's <div> is a paragraph */
    for (int n = 120; n <= 121; n++) {
        g_string_assign(s, "::: {.section}\n<div>\n\n");
        for (int i = 0; i < n; i++)
            g_string_append_c(s, 'T');
        g_string_append(s, "\n\n</div>\n:::\n");
        r = read_string(s->str);
        g_assert_cmpint(r.doc->root->first_child->first_child->kind, ==,
                        n == 120 ? IMPRINT_NODE_HEADING : IMPRINT_NODE_PARAGRAPH);
        result_free(&r);
    }
    g_string_free(s, TRUE);
    g_string_free(t, TRUE);
}

/* Brackets, links, braces and backticks by the hundred thousand, none
 * closed: the pass stays linear (ctest's TIMEOUT for this program, in
 * tests/CMakeLists.txt, fails it if it is not). */
static void test_pandoc_pathological(void)
{
    static const char *const units[] = {"[", "[a](", "{#", "`", "[a](#x){#", "[s]{.a ", "^", "--"};
    for (size_t u = 0; u < G_N_ELEMENTS(units); u++) {
        GString *s = g_string_new("::: x\n:::\n\n");
        for (int i = 0; i < 100000; i++)
            g_string_append(s, units[u]);
        g_string_append_c(s, '\n');
        read_result r = read_string(s->str);
        g_assert_cmpint(r.articles, ==, 1);
        result_free(&r);
        g_string_free(s, TRUE);
    }
}

/* --- the shapes corpus ------------------------------------------------- */

/* The shared corpus stands beside the source tree (../shared), or beside
 * the folder of worktrees; IMPRINT_SHARED_DIR names it elsewhere. NULL if
 * absent: the tests that need it are skipped, saying so. */
static char *shapes_file(const char *name)
{
    const char *env = g_getenv("IMPRINT_SHARED_DIR");
    char *dirs[] = {
        env ? g_strdup(env) : NULL,
        g_build_filename(SOURCE_DIR, "..", "shared", NULL),
        g_build_filename(SOURCE_DIR, "..", "..", "shared", NULL),
    };
    char *found = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(dirs); i++) {
        char *f = dirs[i] ? g_build_filename(dirs[i], "corpus", "shapes", name, NULL) : NULL;
        if (!found && f && g_file_test(f, G_FILE_TEST_IS_REGULAR))
            found = g_steal_pointer(&f);
        g_free(f);
        g_free(dirs[i]);
    }
    if (!found)
        g_test_skip("the shared corpus (../shared/corpus/shapes) is not there; set "
                    "IMPRINT_SHARED_DIR to run this test");
    return found;
}

typedef struct {
    int paragraphs, quotes, lists, tables, linebreaks, headings;
    GString *text; /* every text of the article and its notes */
} md_counts;

static void count_tree(const imprint_node *root, md_counts *c, bool top)
{
    imprint_iter it;
    imprint_iter_init(&it, root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (it.event != IMPRINT_EVENT_ENTER)
            continue;
        if (n->kind == IMPRINT_NODE_TEXT)
            g_string_append_printf(c->text, "%s\n", n->as.text.text);
        if (!top)
            continue;
        c->paragraphs += n->kind == IMPRINT_NODE_PARAGRAPH && n->parent == root;
        c->headings += n->kind == IMPRINT_NODE_HEADING;
        c->quotes += n->kind == IMPRINT_NODE_QUOTE;
        c->lists += n->kind == IMPRINT_NODE_LIST;
        c->tables += n->kind == IMPRINT_NODE_TABLE;
        c->linebreaks += n->kind == IMPRINT_NODE_LINEBREAK;
    }
}

static int row_count(const imprint_node *t, int *cols)
{
    int rows = 0;
    for (const imprint_node *r = t->first_child; r; r = r->next, rows++) {
        int k = 0;
        for (const imprint_node *c = r->first_child; c; c = c->next)
            k++;
        g_assert_true(rows == 0 || k == *cols);
        *cols = k;
    }
    return rows;
}

/* The annotated pandoc export (corpus/shapes/pandoc-markdown.md) against
 * its annotation. The numbers are those of annotations.json, entry
 * "pandoc-markdown.md", copied here by hand (the project reads no JSON). */
static void test_corpus_pandoc(void)
{
    char *path = shapes_file("pandoc-markdown.md");
    if (!path)
        return;
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    /* a pandoc export is Markdown even without its .md name */
    g_assert_cmpint(imprint_dialect_detect("export.txt", data, len), ==, IMPRINT_DIALECT_MARKDOWN);
    read_result r = {imprint_doc_new(), imprint_diags_new(), 0};
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_AUTO};
    r.articles = imprint_read_buffer(r.doc, path, data, len, &opts, r.diags);
    g_assert_cmpint(r.articles, ==, 1);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==,
                    "The Economic Consequences of the Peace: VII. Remedies");
    g_assert_cmpstr(a->as.article.authors[0], ==, "John Maynard Keynes");
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);

    /* headings: 9 (VII) and the four section titles of the <div>s; the
     * "Endnotes" heading of 1030 gives way to the notes themselves */
    static const unsigned heading_lines[] = {9, 108, 390, 680, 811};
    static const char *const heading_texts[] = {
        "VII", "1. The Revision of the Treaty", "2. The Settlement of Inter-Ally Indebtedness",
        "3. An International Loan", "4. The Relations of Central Europe to Russia"};
    size_t h = 0;
    for (imprint_node *b = a->first_child; b; b = b->next) {
        if (b->kind != IMPRINT_NODE_HEADING)
            continue;
        g_assert_cmpuint(h, <, G_N_ELEMENTS(heading_lines));
        g_assert_cmpuint(b->pos.line, ==, heading_lines[h]);
        g_assert_cmpstr(imprint_node_plain_text(r.doc, b), ==, heading_texts[h]);
        g_assert_cmpint(b->as.heading.level, ==, h == 0 ? 1 : 2);
        h++;
    }
    g_assert_cmpuint(h, ==, G_N_ELEMENTS(heading_lines));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 1030, "heading 'Endnotes' dropped"));

    md_counts c = {.text = g_string_new(NULL)};
    count_tree(a, &c, true);
    if (g_test_verbose())
        g_printerr("paragraphs %d, quotes %d, line breaks %d, lists %d\n", c.paragraphs, c.quotes,
                   c.linebreaks, c.lists);
    /* 74 prose paragraphs, "Remedies" (line 11) among them; within 5 % */
    g_assert_cmpint(c.paragraphs, >=, 71);
    g_assert_cmpint(c.paragraphs, <=, 77);
    g_assert_cmpint(c.quotes, ==, 3);      /* 143, 751, 1005 */
    g_assert_cmpint(c.linebreaks, ==, 14); /* 751 and 1005-1017 */
    g_assert_cmpint(c.lists, ==, 1);       /* 97-103; the endnotes list became notes */

    /* 12 notes, 157-168, each with its one reference where the annotation
     * has it, three of them in table cells */
    static const unsigned ref_lines[] = {44, 131, 193, 301, 430, 439, 440, 443, 483, 499, 525, 673};
    static const unsigned def_lines[] = {1032, 1052, 1064, 1074, 1089, 1104,
                                         1109, 1115, 1121, 1135, 1148, 1155};
    g_assert_cmpint(a->as.article.note_count, ==, 12);
    int i = 0, in_cells = 0;
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note, i++) {
        g_assert_cmpuint(imprint_note_ref_count(n), ==, 1);
        imprint_node *ref = n->as.note.first_ref;
        g_assert_cmpint(ref->as.noteref.number, ==, 157 + i);
        g_assert_cmpuint(ref->pos.line, ==, ref_lines[i]);
        g_assert_cmpuint(n->pos.line, ==, def_lines[i]);
        in_cells += ref->parent->kind == IMPRINT_NODE_CELL;
        count_tree(n, &c, false);
    }
    g_assert_cmpint(in_cells, ==, 3);
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "paired with"), ==,
                     12);

    /* the tables: 433, 5 columns by 10 rows; 1035, in note 157, 4 by 7 */
    int cols = 0;
    imprint_node *t1 = NULL;
    for (imprint_node *b = a->first_child; b; b = b->next)
        if (b->kind == IMPRINT_NODE_TABLE)
            t1 = b;
    g_assert_nonnull(t1);
    g_assert_cmpint(c.tables, ==, 1);
    g_assert_cmpuint(t1->pos.line, ==, 433);
    g_assert_cmpint(row_count(t1, &cols), ==, 10);
    g_assert_cmpint(cols, ==, 5);
    imprint_node *t2 = a->as.article.first_note->first_child->next;
    g_assert_cmpint(t2->kind, ==, IMPRINT_NODE_TABLE);
    g_assert_cmpuint(t2->pos.line, ==, 1035);
    g_assert_cmpint(row_count(t2, &cols), ==, 7);
    g_assert_cmpint(cols, ==, 4);

    /* no markup anywhere; pandoc's 22 `---` and 3 `--` are dashes now */
    static const char *const markup[] = {"{#",  ":::", "+---", "[\\[", "](#",
                                         "\\$", "---", "<div", "{.",   "\u21a9"};
    for (size_t k = 0; k < G_N_ELEMENTS(markup); k++)
        if (strstr(c.text->str, markup[k]))
            g_error("'%s' left in the text", markup[k]);
    int em = 0, en = 0;
    for (const char *q = c.text->str; (q = strstr(q, "\u2014")); q++)
        em++;
    for (const char *q = c.text->str; (q = strstr(q, "\u2013")); q++)
        en++;
    g_assert_cmpint(em, ==, 22);
    g_assert_cmpint(en, ==, 3);
    g_string_free(c.text, TRUE);
    result_free(&r);
    g_free(data);
    g_free(path);
}

/* The GFM sibling (markdown-endnotes.md): its 11 [^N] notes still link. */
static void test_corpus_gfm_endnotes(void)
{
    char *path = shapes_file("markdown-endnotes.md");
    if (!path)
        return;
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    read_result r = {imprint_doc_new(), imprint_diags_new(), 0};
    r.articles = imprint_read_buffer(r.doc, path, data, len, NULL, r.diags);
    /* two chapters, "# Irish Immigration" and "# Labour Movements" (line 11),
     * as the annotation has them; each note with the chapter of its mark */
    g_assert_cmpint(r.articles, ==, 2);
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==, "Irish Immigration");
    g_assert_cmpstr(a->next->as.article.title, ==, "Labour Movements");
    g_assert_cmpuint(a->next->as.article.source_line, ==, 11);
    g_assert_cmpint(a->as.article.note_count + a->next->as.article.note_count, ==, 11);
    static const unsigned ref_lines[] = {3, 3, 27, 43, 43, 45, 45, 45, 47, 78, 88};
    /* "102-124, every second line", says the annotation; but note 5 is a
     * quote of three lines (110-112), so the notes after it start at 114 */
    static const unsigned def_lines[] = {102, 104, 106, 108, 110, 114, 116, 118, 120, 122, 124};
    int i = 0;
    for (imprint_node *c = a; c; c = c->next)
        for (imprint_node *n = c->as.article.first_note; n; n = n->as.note.next_note, i++) {
            g_assert_cmpuint(imprint_note_ref_count(n), ==, 1);
            g_assert_cmpuint(n->as.note.first_ref->pos.line, ==, ref_lines[i]);
            g_assert_cmpuint(n->pos.line, ==, def_lines[i]);
            g_assert_true(imprint_node_article(n->as.note.first_ref) == c);
        }
    g_assert_cmpint(i, ==, 11);
    /* nothing of pandoc's was seen in it */
    g_assert_cmpuint(imprint_diags_count_matching(r.diags, IMPRINT_SEV_NOTE, "pandoc"), ==, 0);
    g_assert_cmpuint(imprint_diags_count(r.diags, IMPRINT_SEV_WARNING), ==, 0);
    result_free(&r);
    g_free(data);
    g_free(path);
}

static bool has_formatted(const imprint_diags *diags, const char *text)
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
    g_assert_true(has_formatted(r.diags, "exact.md:3:1: warning: note [^x] is defined but never "
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

/* Jekyll's kramdown: "* TOC" over "{:toc}" (the place of its contents)
 * and block attributes alone on a line ("{: .lead}", "{: #gates .note}")
 * are dropped, each with a note, their blocks' text kept. Its lookalike:
 * the same braces in a code block, a list that opens with "TOC" under no
 * "{:toc}", and "{:a}" opening a sentence stay. */
static void test_kramdown_attrs(void)
{
    read_result r = read_fixture("kramdown_attrs.md");
    assert_sound(r.doc);
    char *all = md_plain(r.doc->root);
    g_assert_null(strstr(all, "{:"));
    g_assert_null(strstr(all, "TOC"));
    g_assert_nonnull(strstr(all, "The gates are oiled in spring."));
    g_free(all);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 5, "kramdown's '* TOC' line dropped"));
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 11, "kramdown's '{: .lead}' line dropped"));
    result_free(&r);
    r = read_fixture("kramdown_attrs_lookalike.md");
    assert_sound(r.doc);
    all = md_plain(r.doc->root);
    g_assert_nonnull(strstr(all, "{:toc}"));
    g_assert_nonnull(strstr(all, "TOC"));
    g_assert_nonnull(strstr(all, "{:a} is the shortest map"));
    g_free(all);
    g_assert_false(has_diag(&r, IMPRINT_SEV_NOTE, 0, "kramdown"));
    result_free(&r);
}

/* pandoc's inline notes, "^[words]": each a note where its marker stands,
 * its emphasis and code kept, its label the next number the file's own
 * notes have not taken ("[^1]" keeps 1). The lookalike: "^[A-Z]" in a
 * sentence on patterns, "^[…]" in code (a span, an indented block) and a
 * superscript "^[1](#later)^" are no notes; a list item's is. */
static void test_pandoc_inline_notes(void)
{
    read_result r = read_fixture("pandoc_inline_notes.md");
    assert_sound(r.doc);
    imprint_node *a = r.doc->root->first_child;
    static const char *const want[] = {
        "note(paragraph(\"Except on Christmas Day, when it does not run at all.\"))",
        "note(paragraph(\"The older pilots say so, and the younger ones do not argue with "
        "them.\"))",
        "note(paragraph(\"Write ferry --winter to print the \" emph(\"winter\") \" "
        "timetable.\"))",
        "note(paragraph(\"A note written the usual way.\"))",
    };
    static const char *const labels[] = {"2", "3", "4", "1"};
    static const unsigned lines[] = {3, 4, 7, 10};
    assert_note_dumps(a, want, 4);
    int i = 0;
    for (imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note, i++) {
        g_assert_cmpstr(n->as.note.label, ==, labels[i]);
        g_assert_cmpuint(n->pos.line, ==, lines[i]);
    }
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 3,
                           "pandoc inline notes (^[words of the note]) read as notes, each where "
                           "its marker stands: 3"));
    result_free(&r);

    r = read_fixture("pandoc_inline_notes_lookalike.md");
    a = r.doc->root->first_child;
    char *d = dump_blocks(a);
    g_assert_nonnull(strstr(d, "matches the pattern ^[A-Z] in the"));
    g_assert_nonnull(strstr(d, "^[This is no note.]"));
    /* (an indented code block keeps its "^[…]" and its "--" as typed; a list
     * item's paragraph set in as deep is no code, and its note one) */
    g_assert_nonnull(strstr(d, "code(\"Here is a note.^[Written inline, it stays as typed "
                               "here.] --winter\")"));
    g_free(d);
    g_assert_nonnull(a->as.article.first_note);
    g_assert_null(a->as.article.first_note->as.note.next_note);
    g_assert_true(has_diag(&r, IMPRINT_SEV_NOTE, 20, "inline notes"));
    result_free(&r);
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
    g_test_add_func("/markdown/chapters", test_chapters);
    g_test_add_func("/markdown/chapters-shared-note", test_chapters_shared_note);
    g_test_add_func("/markdown/figures-and-refs", test_figures_and_refs);
    g_test_add_func("/markdown/depth-limit", test_depth_limit);
    g_test_add_func("/markdown/long-tag-name", test_long_tag_name);
    g_test_add_func("/markdown/pandoc/divs", test_pandoc_divs);
    g_test_add_func("/markdown/pandoc/tables", test_pandoc_tables);
    g_test_add_func("/markdown/table-headers", test_table_headers);
    g_test_add_func("/markdown/pandoc/notes", test_pandoc_notes);
    g_test_add_func("/markdown/pandoc/inline_notes", test_pandoc_inline_notes);
    g_test_add_func("/markdown/pandoc/toc", test_pandoc_toc);
    g_test_add_func("/markdown/pandoc/inline", test_pandoc_inline);
    g_test_add_func("/markdown/pandoc/detect", test_pandoc_detect);
    g_test_add_func("/markdown/pandoc/limits", test_pandoc_limits);
    g_test_add_func("/markdown/pandoc/pathological", test_pandoc_pathological);
    g_test_add_func("/markdown/navigation", test_navigation);
    g_test_add_func("/markdown/corpus/pandoc-markdown", test_corpus_pandoc);
    g_test_add_func("/markdown/corpus/markdown-endnotes", test_corpus_gfm_endnotes);
    g_test_add_func("/markdown/cr-line-ends", test_cr_line_ends);
    g_test_add_func("/markdown/many-lines-linear", test_many_lines_linear);
    g_test_add_func("/markdown/kramdown-attrs", test_kramdown_attrs);
    return g_test_run();
}
