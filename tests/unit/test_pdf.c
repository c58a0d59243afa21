#include "pdf_fixture.h"

/* Writes `doc` with `e` into a fresh folder; returns the folder (fx_rmdir). */
static char *build(const imprint_doc *doc, const imprint_edition *e, const imprint_style *st,
                   imprint_diags *diags, imprint_pdf_stats *stats, char **pdf)
{
    char *dir = fx_tmpdir();
    *pdf = g_build_filename(dir, "out.pdf", NULL);
    imprint_output_opts opts = fx_opts(doc, e, st);
    g_assert_true(imprint_pdf_write(doc, &opts, *pdf, diags, stats));
    return dir;
}

/* The fixture as a user checks it: valid file, bundled fonts only, every
 * title findable, notes on the page of their reference. */
/* Leading spaces of the pdftotext -layout line that holds `needle`, -1 if none. */
static int line_indent(char **pages, const char *needle)
{
    for (int p = 0; pages[p]; p++) {
        const char *at = strstr(pages[p], needle);
        if (!at)
            continue;
        const char *start = at;
        while (start > pages[p] && start[-1] != '\n')
            start--;
        int n = 0;
        while (start[n] == ' ')
            n++;
        return n;
    }
    return -1;
}

static void test_full_fixture(void)
{
    imprint_doc *doc = fx_doc_full();
    imprint_edition *e = fx_edition("fixture");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    imprint_pdf_stats stats = {0};
    char *pdf = NULL;
    char *dir = build(doc, e, st, diags, &stats, &pdf);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 0);
    g_assert_cmpint(stats.overflows, ==, 0);
    g_assert_cmpint(stats.passes, >=, 1);
    g_assert_cmpint(stats.passes, <=, IMPRINT_PDF_MAX_PASSES);

    const char *check[] = {"qpdf", "--check", pdf, NULL};
    g_assert_cmpint(fx_run(check, NULL), ==, 0);

    char *fonts = NULL;
    const char *pf[] = {"pdffonts", pdf, NULL};
    g_assert_cmpint(fx_run(pf, &fonts), ==, 0);
    char **lines = g_strsplit(fonts, "\n", -1);
    int nfonts = 0;
    for (int i = 2; lines[i]; i++) {
        if (!*lines[i])
            continue;
        nfonts++;
        if (!strstr(lines[i], "+LinLibertineO"))
            g_error("not a bundled font: %s", lines[i]);
        /* The "emb" column: every font embedded. */
        char **cols = g_strsplit_set(lines[i], " ", -1);
        int yes = 0;
        for (int k = 0; cols[k]; k++)
            if (strcmp(cols[k], "yes") == 0)
                yes++;
        g_assert_cmpint(yes, >=, 1);
        g_strfreev(cols);
    }
    g_assert_cmpint(nfonts, >=, 2); /* regular, italic, bold at least */
    g_strfreev(lines);
    g_free(fonts);

    char **pages = fx_pages(pdf);
    g_assert_cmpint(fx_page_of(pages, "Fixture Edition"), ==, 0); /* title page */
    int contents = fx_page_of(pages, "Contents");
    g_assert_cmpint(contents, >=, 1);
    /* Each title is in the contents, then opens its article further on. */
    g_assert_cmpint(fx_page_of(pages, "The Fixture Article"), ==, contents);
    g_assert_cmpint(fx_page_of(pages, "An untitled article begins"), ==, contents);
    g_assert_cmpint(fx_page_of(pages, "Революция и Ἀλήθεια"), ==, contents);
    int art1 = fx_page_from(pages, "The Fixture Article", contents + 1);
    g_assert_cmpint(art1, >, contents);
    g_assert_cmpint(fx_page_from(pages, "An untitled article begins", contents + 1), >, art1);
    g_assert_cmpint(fx_page_from(pages, "Революция и Ἀλήθεια", contents + 1), >, art1);
    /* Notes on the page of their reference. */
    g_assert_cmpint(fx_page_of(pages, "NOTEALPHA"), ==, fx_page_of(pages, "REFALPHA"));
    g_assert_cmpint(fx_page_of(pages, "NOTEBETA"), ==, fx_page_of(pages, "REFBETA"));
    /* Every kind left its text. */
    const char *texts[] = {"emphasis",
                           "strong words",
                           "A Section Heading",
                           "Marx, General Rules",
                           "A list item.",
                           "a.",
                           "Arise, ye prisoners",
                           "Were you a member",
                           "Petrograd",
                           "trotfash.jpg",
                           "A caption under the figure",
                           "After the break.",
                           "A marginal summary",
                           "Fayard",
                           NULL};
    for (int i = 0; texts[i]; i++) {
        if (fx_page_of(pages, texts[i]) < 0)
            g_error("'%s' not found in the PDF text", texts[i]);
    }
    g_assert_cmpint(fx_page_of(pages, "A marginal summary"), ==,
                    fx_page_of(pages, "After the break."));
    /* the opener: flush, on the page of the letter's first line */
    g_assert_cmpint(fx_page_of(pages, "Dear comrades,"), ==,
                    fx_page_of(pages, "The letter under its salutation."));
    g_assert_cmpint(line_indent(pages, "Dear comrades,"), ==,
                    line_indent(pages, "The letter under its salutation."));
    /* the closer: its own lines, set to the right, with the line above it */
    g_assert_cmpint(fx_page_of(pages, "L. T."), ==, fx_page_of(pages, "Fayard"));
    g_assert_cmpint(line_indent(pages, "L. T."), >, line_indent(pages, "After the break.") + 20);
    g_assert_cmpint(line_indent(pages, "Yours in the struggle,"), >,
                    line_indent(pages, "After the break.") + 20);
    g_strfreev(pages);

    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* The contents shows, after dot leaders, the page each article starts on. */
static void test_contents_numbers(void)
{
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "Numbers";
    /* Enough articles to need two contents pages, so that the contents'
     * own length moves every article. */
    for (int i = 0; i < 40; i++) {
        char *title = g_strdup_printf("Article number %d", i + 1);
        imprint_node *a = fx_article(doc, title);
        g_free(title);
        char *w = fx_words(i % 3 + 1);
        fx_para(doc, a, w);
        g_free(w);
    }
    imprint_edition *e = fx_edition("numbers");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    imprint_pdf_stats stats = {0};
    char *pdf = NULL;
    char *dir = build(doc, e, st, diags, &stats, &pdf);
    g_assert_cmpint(stats.passes, >=, 2);
    char **pages = fx_pages(pdf);
    for (int i = 0; i < 40; i++) {
        char *title = g_strdup_printf("Article number %d ", i + 1);
        /* The contents line: the title, dots, the number. */
        int cpage = fx_page_of(pages, title);
        g_assert_cmpint(cpage, >=, 1);
        char *line = strstr(pages[cpage], title);
        char *eol = strchr(line, '\n');
        char *entryline = g_strndup(line, eol ? (gsize)(eol - line) : strlen(line));
        g_assert_true(strstr(entryline, ". . .") || strstr(entryline, "...."));
        char *num = strrchr(entryline, ' ');
        g_assert_nonnull(num);
        int n = atoi(num + 1);
        g_assert_cmpint(n, >, 0);
        /* pages[] counts from 0, folios from 1. The opening page shows the
         * title on a line of its own (no running head on openings). */
        char *want = g_strdup_printf("Article number %d\n", i + 1);
        if (!strstr(pages[n - 1], want))
            g_error("contents says '%s' is on page %d:\n%s", title, n, pages[n - 1]);
        g_free(want);
        g_free(entryline);
        g_free(title);
    }
    g_strfreev(pages);
    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* Dates come from the edition (SOURCE_DATE_EPOCH, which wins over it, is
 * checked by tests/cli/pdf_build.sh: setting it here, after Pango has
 * started threads, would not be safe). */
static void test_metadata_and_reproducible(void)
{
    imprint_doc *doc = fx_doc_full();
    imprint_edition *e = fx_edition("meta");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    char *pdf1 = NULL, *pdf2 = NULL;
    char *dir1 = build(doc, e, st, diags, NULL, &pdf1);
    char *dir2 = build(doc, e, st, diags, NULL, &pdf2);
    char *b1 = NULL, *b2 = NULL;
    gsize l1 = 0, l2 = 0;
    g_assert_true(g_file_get_contents(pdf1, &b1, &l1, NULL));
    g_assert_true(g_file_get_contents(pdf2, &b2, &l2, NULL));
    g_assert_cmpuint(l1, ==, l2);
    g_assert_true(memcmp(b1, b2, l1) == 0);
    g_free(b1);
    g_free(b2);

    char *info = NULL;
    const char *argv[] = {"pdfinfo", "-isodates", pdf1, NULL};
    g_assert_cmpint(fx_run(argv, &info), ==, 0);
    g_assert_nonnull(strstr(info, "Title:           Fixture Edition\n"));
    g_assert_nonnull(strstr(info, "Author:          Archive Editors\n"));
    g_assert_nonnull(strstr(info, "Subject:         Every kind of block\n"));
    g_assert_nonnull(strstr(info, "Creator:         imprint " IMPRINT_VERSION "\n"));
    g_assert_nonnull(strstr(info, "CreationDate:    2026-11-21T00:00:00"));
    g_assert_nonnull(strstr(info, "ModDate:         2026-11-21T00:00:00"));
    g_assert_nonnull(strstr(info, "Page size:       419.528 x 595.276 pts"));
    g_free(info);

    g_free(pdf1);
    g_free(pdf2);
    fx_rmdir(dir1);
    fx_rmdir(dir2);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* Links: URLs, note references and back, contents entries; destinations
 * for articles, headings and notes; the outline has the articles. */
static void test_links_and_outline(void)
{
    imprint_doc *doc = fx_doc_full();
    imprint_edition *e = fx_edition("links");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    char *pdf = NULL;
    char *dir = build(doc, e, st, diags, NULL, &pdf);
    char *dests = NULL;
    const char *argv[] = {"pdfinfo", "-dests", pdf, NULL};
    g_assert_cmpint(fx_run(argv, &dests), ==, 0);
    const char *names[] = {"\"a0\"",    "\"a1\"",    "\"a2\"",    "\"a0-h1\"", "\"a0-h2\"",
                           "\"a0-n1\"", "\"a0-n2\"", "\"a0-r1\"", "\"a0-r2\"", NULL};
    for (int i = 0; names[i]; i++)
        if (!strstr(dests, names[i]))
            g_error("destination %s missing:\n%s", names[i], dests);
    g_free(dests);

    char *qdf = NULL;
    const char *q[] = {"qpdf", "--qdf", "--object-streams=disable", pdf, "-", NULL};
    g_assert_cmpint(fx_run(q, &qdf), ==, 0);
    g_assert_nonnull(strstr(qdf, "/URI (https://example.org/archive)"));
    g_assert_nonnull(strstr(qdf, "/URI (https://example.org/broue)"));
    /* Links to named destinations: two note refs, two back-links, three contents entries. */
    int dest_links = 0;
    for (const char *p = qdf; (p = strstr(p, "/Subtype /Link")); p++)
        dest_links++;
    g_assert_cmpint(dest_links, >=, 2 + 2 + 3 + 2);
    g_free(qdf);

    char *json = NULL;
    const char *j[] = {"qpdf", "--json", "--json-key=outlines", pdf, NULL};
    g_assert_cmpint(fx_run(j, &json), ==, 0);
    g_assert_nonnull(strstr(json, "\"title\": \"The Fixture Article\""));
    g_assert_nonnull(strstr(json, "\"title\": \"A Section Heading\""));
    g_assert_nonnull(strstr(json, "\"title\": \"An untitled article begins with these words"));
    g_assert_nonnull(strstr(json, "\"title\": \"Революция и Ἀλήθεια\""));
    g_free(json);

    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* A character no bundled font has: one warning listing it, the text kept. */
static void test_missing_glyphs(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Glyphs");
    fx_para(doc, a, "Han characters \xE6\xBC\xA2\xE5\xAD\x97 and more \xE6\xBC\xA2.");
    fx_para(doc, a, "A second paragraph with \xE5\xAD\x97 again.");
    imprint_edition *e = fx_edition("glyphs");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    char *pdf = NULL;
    char *dir = build(doc, e, st, diags, NULL, &pdf);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING, "not in the bundled"),
                     ==, 1);
    g_assert_cmpuint(
        imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING, "U+5B57 '\xE5\xAD\x97', U+6F22"),
        ==, 1);
    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* Bad input: a clear error and no file. */
static void expect_failure(imprint_edition *e, imprint_style *st, const char *needle)
{
    imprint_doc *doc = fx_doc_full();
    imprint_diags *diags = imprint_diags_new();
    char *dir = fx_tmpdir();
    char *pdf = g_build_filename(dir, "out.pdf", NULL);
    imprint_output_opts opts = fx_opts(doc, e, st);
    g_assert_false(imprint_pdf_write(doc, &opts, pdf, diags, NULL));
    g_assert_false(g_file_test(pdf, G_FILE_TEST_EXISTS));
    if (imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, needle) != 1) {
        GString *all = g_string_new(NULL);
        for (size_t i = 0; i < imprint_diags_len(diags); i++)
            g_string_append_printf(all, "%s\n", imprint_diags_get(diags, i)->message);
        g_error("expected one error with '%s', got:\n%s", needle, all->str);
    }
    /* No temporary left behind either. */
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_null(g_dir_read_name(d));
    g_dir_close(d);
    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

static void test_bad_input(void)
{
    imprint_style *st = fx_style();
    imprint_edition *e = fx_edition("bad");
    g_free(e->paper);
    e->paper = g_strdup("40x60mm");
    expect_failure(e, st, "page too small");
    g_free(e->paper);
    e->paper = g_strdup("a5");
    g_free(st->font_italic);
    st->font_italic = g_strdup("Missing-Italic.otf");
    expect_failure(e, st, "Missing-Italic.otf");
    fx_edition_free(e);
    imprint_style_free(st);

    /* An unwritable folder. */
    imprint_doc *doc = fx_doc_full();
    e = fx_edition("bad");
    st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    imprint_output_opts opts = fx_opts(doc, e, st);
    g_assert_false(imprint_pdf_write(doc, &opts, "/nonexistent-dir/out.pdf", diags, NULL));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "cannot write"), ==, 1);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* Other paper sizes give other page sizes; one-sided pages do not mirror. */
static void test_geometry(void)
{
    imprint_doc *doc = fx_doc_full();
    imprint_style *st = fx_style();
    const char *papers[] = {"a4", "letter", "6x9in", "150x220mm", NULL};
    const char *want[] = {"595.276 x 841.89", "612 x 792", "432 x 648", "425.197 x 623.622"};
    for (int i = 0; papers[i]; i++) {
        imprint_edition *e = fx_edition("geo");
        g_free(e->paper);
        e->paper = g_strdup(papers[i]);
        imprint_diags *diags = imprint_diags_new();
        char *pdf = NULL;
        char *dir = build(doc, e, st, diags, NULL, &pdf);
        char *info = NULL;
        const char *argv[] = {"pdfinfo", pdf, NULL};
        g_assert_cmpint(fx_run(argv, &info), ==, 0);
        if (!strstr(info, want[i]))
            g_error("%s: expected %s in\n%s", papers[i], want[i], info);
        g_free(info);
        g_free(pdf);
        fx_rmdir(dir);
        imprint_diags_free(diags);
        fx_edition_free(e);
    }
    imprint_style_free(st);
    imprint_doc_free(doc);
}

/* Odd but valid shapes: empty blocks, deep nesting, a very long word, an
 * empty document part. The writer must produce a valid file, keep the
 * text, and not overflow. */
static void test_odd_shapes(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, "Odd Shapes");
    fx_node(doc, a, IMPRINT_NODE_PARAGRAPH);                             /* empty */
    fx_node(doc, fx_node(doc, a, IMPRINT_NODE_LIST), IMPRINT_NODE_ITEM); /* empty item */
    fx_node(doc, a, IMPRINT_NODE_TABLE);                                 /* no rows */
    fx_node(doc, a, IMPRINT_NODE_FIGURE);                                /* nothing at all */
    fx_node(doc, a, IMPRINT_NODE_VERSE);
    imprint_node *q = a;
    for (int i = 0; i < 12; i++)
        q = fx_node(doc, q, IMPRINT_NODE_QUOTE);
    fx_para(doc, q, "DEEPLY nested quotation text.");
    GString *word = g_string_new("LONGWORD");
    while (word->len < 3000)
        g_string_append(word, "abcdefghij");
    fx_para(doc, a, word->str);
    g_string_free(word, TRUE);
    fx_article(doc, "Empty Article");
    imprint_edition *e = fx_edition("odd");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    imprint_pdf_stats stats = {0};
    char *pdf = NULL;
    char *dir = build(doc, e, st, diags, &stats, &pdf);
    g_assert_cmpint(stats.overflows, ==, 0);
    const char *check[] = {"qpdf", "--check", pdf, NULL};
    g_assert_cmpint(fx_run(check, NULL), ==, 0);
    char **pages = fx_pages(pdf);
    g_assert_cmpint(fx_page_of(pages, "DEEPLY nested"), >, 0);
    g_assert_cmpint(fx_page_of(pages, "LONGWORDabcdefghij"), >, 0);
    g_assert_cmpint(fx_page_from(pages, "Empty Article", fx_page_of(pages, "Contents") + 1), >, 0);
    g_strfreev(pages);
    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* LeakSanitizer: fontconfig's default configuration (loaded by Pango in a
 * thread) loses memory once per process; see tests/sanitizers/lsan.supp. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

/* Reads a whole file (asserting it can). */
static GBytes *slurp(const char *path)
{
    gchar *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    return g_bytes_new_take(data, len);
}

/* All messages of a list, one a line. */
static char *messages(const imprint_diags *d)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < imprint_diags_len(d); i++) {
        const imprint_diag *m = imprint_diags_get(d, i);
        g_string_append_printf(s, "%s:%u:%u: %d: %s\n", m->file ? m->file : "", m->line, m->col,
                               m->severity, m->message);
    }
    return g_string_free(s, FALSE);
}

/* Articles laid out on several threads give the bytes and the messages, in
 * their order, of one thread: with footnotes and with endnotes. */
static void test_threads_same_output(void)
{
    imprint_doc *doc = fx_doc_full();
    /* Articles in languages without patterns: a warning each, in their order. */
    const char *langs[] = {"zz", "yy", "zz-QQ"};
    for (size_t i = 0; i < G_N_ELEMENTS(langs); i++) {
        imprint_node *a = fx_article(doc, langs[i]);
        a->as.article.lang = imprint_arena_strdup(doc->arena, langs[i]);
        imprint_node *p = fx_para(doc, a, "Words in a language imprint has no patterns for.");
        fx_note(doc, a, p, "And a note.");
    }
    imprint_edition *e = fx_edition("threads");
    imprint_style *st = fx_style();
    for (int mode = 0; mode < 2; mode++) {
        GBytes *first = NULL;
        char *first_msgs = NULL;
        for (unsigned threads = 1; threads <= 3; threads++) {
            char *dir = fx_tmpdir();
            char *pdf = g_build_filename(dir, "out.pdf", NULL);
            imprint_output_opts opts = fx_opts(doc, e, st);
            opts.notes = mode ? IMPRINT_NOTES_ARTICLE : IMPRINT_NOTES_PAGE;
            opts.threads = threads;
            imprint_diags *diags = imprint_diags_new();
            imprint_pdf_stats stats = {0};
            g_assert_true(imprint_pdf_write(doc, &opts, pdf, diags, &stats));
            g_assert_cmpint(stats.pages, >, 3);
            GBytes *bytes = slurp(pdf);
            char *msgs = messages(diags);
            g_assert_cmpuint(imprint_diags_len(diags), >=, G_N_ELEMENTS(langs));
            if (!first) {
                first = g_bytes_ref(bytes);
                first_msgs = g_strdup(msgs);
            } else {
                g_assert_true(g_bytes_equal(first, bytes));
                g_assert_cmpstr(first_msgs, ==, msgs);
            }
            g_free(msgs);
            g_bytes_unref(bytes);
            imprint_diags_free(diags);
            g_free(pdf);
            fx_rmdir(dir);
        }
        g_bytes_unref(first);
        g_free(first_msgs);
    }
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* An untitled article that opens with a heading: the article's destination
 * (which the contents link to) is where the heading is, and is not lost
 * (nor leaked) to the heading's. Found by fuzz_pipeline. */
static void test_untitled_opens_with_heading(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = fx_article(doc, NULL);
    imprint_node *h = fx_node(doc, a, IMPRINT_NODE_HEADING);
    h->as.heading.level = 1;
    fx_text(doc, h, "A Heading First");
    fx_para(doc, a, "Some text under it.");
    fx_para(doc, fx_article(doc, "Second"), "More text.");
    imprint_edition *e = fx_edition("untitled");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    char *pdf = NULL;
    char *dir = build(doc, e, st, diags, NULL, &pdf);
    char *dests = NULL;
    const char *argv[] = {"pdfinfo", "-dests", pdf, NULL};
    g_assert_cmpint(fx_run(argv, &dests), ==, 0);
    g_assert_nonnull(strstr(dests, "\"a0\""));
    g_assert_nonnull(strstr(dests, "\"a1\""));
    g_free(dests);
    char *json = NULL;
    const char *j[] = {"qpdf", "--json", "--json-key=outlines", pdf, NULL};
    g_assert_cmpint(fx_run(j, &json), ==, 0);
    g_assert_nonnull(strstr(json, "\"title\": \"A Heading First\""));
    g_free(json);
    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    imprint_doc_free(doc);
}

/* Fonts pdffonts lists for the page of the PDF built from `doc` that
 * holds "Plain words", one a line. */
static char *fonts_of(imprint_doc *doc)
{
    imprint_edition *e = fx_edition("nested");
    imprint_style *st = fx_style();
    imprint_diags *diags = imprint_diags_new();
    char *pdf = NULL;
    char *dir = build(doc, e, st, diags, NULL, &pdf);
    /* (the fonts of the page that holds the paragraph) */
    char **pages = fx_pages(pdf);
    int page = fx_page_of(pages, "Plain words");
    g_assert_cmpint(page, >=, 0);
    char *num = g_strdup_printf("%d", page + 1);
    char *fonts = NULL;
    const char *pf[] = {"pdffonts", "-f", num, "-l", num, pdf, NULL};
    g_assert_cmpint(fx_run(pf, &fonts), ==, 0);
    g_free(num);
    g_strfreev(pages);
    g_free(pdf);
    fx_rmdir(dir);
    imprint_diags_free(diags);
    imprint_style_free(st);
    fx_edition_free(e);
    return fonts;
}

/* An emphasis inside another is set back in roman: a page whose only
 * emphasis is so needs no italic face; one level in, it does. */
static void test_nested_emphasis_roman(void)
{
    for (int levels = 1; levels <= 2; levels++) {
        imprint_doc *doc = imprint_doc_new();
        imprint_node *p = fx_para(doc, fx_article(doc, "Roman"), "Plain words, then ");
        imprint_node *in = p;
        for (int k = 0; k < levels; k++)
            in = fx_node(doc, in, IMPRINT_NODE_EMPH);
        fx_text(doc, in, "words set apart");
        char *fonts = fonts_of(doc);
        g_assert_cmpint(strstr(fonts, "LinLibertineOI ") != NULL, ==, levels == 1);
        g_free(fonts);
        imprint_doc_free(doc);
    }
}

int main(int argc, char **argv)
{
    /* The edition's date stamps the files unless this is set; clear it
     * before any thread exists. */
    g_unsetenv("SOURCE_DATE_EPOCH");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pdf/full-fixture", test_full_fixture);
    g_test_add_func("/pdf/threads-same-output", test_threads_same_output);
    g_test_add_func("/pdf/contents-numbers", test_contents_numbers);
    g_test_add_func("/pdf/metadata-reproducible", test_metadata_and_reproducible);
    g_test_add_func("/pdf/links-outline", test_links_and_outline);
    g_test_add_func("/pdf/untitled-opens-with-heading", test_untitled_opens_with_heading);
    g_test_add_func("/pdf/nested-emphasis-roman", test_nested_emphasis_roman);
    g_test_add_func("/pdf/missing-glyphs", test_missing_glyphs);
    g_test_add_func("/pdf/bad-input", test_bad_input);
    g_test_add_func("/pdf/geometry", test_geometry);
    g_test_add_func("/pdf/odd-shapes", test_odd_shapes);
    return g_test_run();
}
