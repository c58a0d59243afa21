/* The PDF layout's page map (pagemap.c): where each page begins, in the
 * model's terms, for the EPUB's page-break markers. Front matter first, an
 * article's pages from its opening, a page that begins at a heading at the
 * heading, a line that begins inside a word at that word's start in the
 * model's text (soft hyphens of the layout skipped); drawing the layout
 * gives the bytes imprint_pdf_write() gives. */
#include "pdf_fixture.h"

#include "write/pdf/pdf_internal.h"

typedef struct {
    imprint_doc *doc;
    imprint_edition *edition;
    imprint_style *style;
    imprint_output_opts opts;
    imprint_diags *diags;
} setup;

static void setup_init(setup *s, imprint_doc *doc)
{
    s->doc = doc;
    s->edition = fx_edition("pages");
    s->style = fx_style();
    s->opts = fx_opts(doc, s->edition, s->style);
    s->diags = imprint_diags_new();
}

static void setup_clear(setup *s)
{
    imprint_diags_free(s->diags);
    imprint_style_free(s->style);
    imprint_edition_free(s->edition);
    imprint_doc_free(s->doc);
}

/* Whether `s`'s byte `offset` starts a word of `text`. */
static bool at_word_start(const char *text, size_t offset)
{
    return offset == 0 || g_ascii_isspace(text[offset - 1]) ||
           g_unichar_isspace(g_utf8_get_char(g_utf8_find_prev_char(text, text + offset)));
}

static void check_sound(const imprint_page_map *map)
{
    for (size_t i = 0; i < map->n; i++) {
        const imprint_page_start *p = &map->pages[i];
        char *label = g_strdup_printf("%zu", i + 1);
        g_assert_cmpstr(p->label, ==, label);
        g_free(label);
        g_assert_nonnull(p->node);
        if (p->at == IMPRINT_PAGE_TEXT) {
            g_assert_cmpint(p->node->kind, ==, IMPRINT_NODE_TEXT);
            g_assert_cmpuint(p->offset, <=, p->node->as.text.len);
            g_assert_true(at_word_start(p->node->as.text.text, p->offset));
        }
    }
}

static void test_full_document(void)
{
    setup s;
    setup_init(&s, fx_doc_full());
    imprint_pdf_layout *l = imprint_pdf_lay_out(s.doc, &s.opts, s.diags);
    g_assert_nonnull(l);
    const imprint_page_map *map = imprint_pdf_layout_pages(l);
    char *dir = fx_tmpdir();
    char *one = g_build_filename(dir, "one.pdf", NULL);
    char *two = g_build_filename(dir, "two.pdf", NULL);
    imprint_pdf_stats stats = {0};
    g_assert_true(imprint_pdf_layout_write(l, one, s.diags, &stats));
    g_assert_cmpuint(map->n, ==, (size_t)stats.pages);
    check_sound(map);
    /* Title page, its blank back (the classic style is two-sided), contents. */
    g_assert_cmpint(map->pages[0].at, ==, IMPRINT_PAGE_TITLE);
    g_assert_true(map->pages[0].node == s.doc->root);
    g_assert_cmpint(map->pages[1].at, ==, IMPRINT_PAGE_TITLE_END);
    g_assert_cmpint(map->pages[2].at, ==, IMPRINT_PAGE_CONTENTS);
    g_assert_true(map->pages[2].node == s.doc->root);
    /* Each article's first page begins with its opening; the others
     * inside the article, in the model's order. */
    size_t i = 3;
    for (const imprint_node *a = s.doc->root->first_child; a; a = a->next) {
        while (i < map->n && map->pages[i].node != a)
            i++;
        g_assert_cmpuint(i, <, map->n);
        g_assert_cmpint(map->pages[i].at, ==, IMPRINT_PAGE_BLOCK);
        for (i++; i < map->n && imprint_node_article(map->pages[i].node) == a; i++)
            g_assert_true(map->pages[i].node != a);
    }
    g_assert_cmpuint(i, ==, map->n);
    imprint_pdf_layout_free(l);
    /* A layout drawn is the PDF the writer writes. */
    g_assert_true(imprint_pdf_write(s.doc, &s.opts, two, s.diags, NULL));
    gchar *a = NULL, *b = NULL;
    gsize alen = 0, blen = 0;
    g_assert_true(g_file_get_contents(one, &a, &alen, NULL));
    g_assert_true(g_file_get_contents(two, &b, &blen, NULL));
    g_assert_cmpmem(a, alen, b, blen);
    g_free(a);
    g_free(b);
    g_unlink(one);
    g_unlink(two);
    g_free(one);
    g_free(two);
    fx_rmdir(dir);
    setup_clear(&s);
}

/* One-line paragraphs before a heading, one more each time: somewhere the
 * heading with the two lines it keeps no longer fits, moves to the next
 * page and begins it; that page begins before the heading. */
static void test_heading_begins_page(void)
{
    bool found = false;
    for (int k = 20; k < 40 && !found; k++) {
        imprint_doc *doc = imprint_doc_new();
        doc->meta.title = "Pages";
        imprint_node *a = fx_article(doc, "Lines");
        for (int i = 0; i < k; i++)
            fx_para(doc, a, "A line of the record.");
        imprint_node *h = fx_wrap(doc, a, IMPRINT_NODE_HEADING, "The Heading");
        h->as.heading.level = 1;
        char *w = fx_words(3);
        fx_para(doc, a, w);
        g_free(w);
        setup s;
        setup_init(&s, doc);
        imprint_pdf_layout *l = imprint_pdf_lay_out(s.doc, &s.opts, s.diags);
        g_assert_nonnull(l);
        const imprint_page_map *map = imprint_pdf_layout_pages(l);
        check_sound(map);
        for (size_t i = 0; i < map->n; i++)
            found = found || (map->pages[i].at == IMPRINT_PAGE_BLOCK && map->pages[i].node == h);
        imprint_pdf_layout_free(l);
        setup_clear(&s);
    }
    g_assert_true(found);
}

/* Notes as endnotes, after more and more one-line paragraphs: somewhere
 * the endnotes' heading begins a page; that page begins at the heading of
 * the article's notes, which the EPUB has too. */
static void test_endnotes_begin_page(void)
{
    bool found = false;
    for (int k = 20; k < 40 && !found; k++) {
        imprint_doc *doc = imprint_doc_new();
        doc->meta.title = "Pages";
        imprint_node *a = fx_article(doc, "Lines");
        imprint_node *p = fx_para(doc, a, "A paragraph with a note.");
        fx_note(doc, a, p, "The note, set at the end of the article.");
        for (int i = 0; i < k; i++)
            fx_para(doc, a, "A line of the record.");
        setup s;
        setup_init(&s, doc);
        s.opts.notes = IMPRINT_NOTES_ARTICLE;
        imprint_pdf_layout *l = imprint_pdf_lay_out(s.doc, &s.opts, s.diags);
        g_assert_nonnull(l);
        const imprint_page_map *map = imprint_pdf_layout_pages(l);
        check_sound(map);
        for (size_t i = 0; i < map->n; i++)
            if (map->pages[i].at == IMPRINT_PAGE_NOTES) {
                g_assert_true(map->pages[i].node == a);
                found = true;
            }
        imprint_pdf_layout_free(l);
        setup_clear(&s);
    }
    g_assert_true(found);
}

/* The byte of the model's text that byte `i` of `ptext` (the same text with
 * soft hyphens added) stands for. */
static size_t strip_index(const char *ptext, int i)
{
    size_t n = 0;
    for (const char *p = ptext; p < ptext + i; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) != 0xAD)
            n += (size_t)(g_utf8_next_char(p) - p);
    return n;
}

/* Every line but the first of a long hyphenated paragraph, each as the
 * first line of a page made by hand: the page begins in the paragraph's
 * text at the start of the word the line begins in, whether the line
 * begins at a space, after a soft hyphen or inside a URL. */
static void test_lines_inside_words(void)
{
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "Pages";
    imprint_node *a = fx_article(doc, "Words");
    GString *t = g_string_new(NULL);
    for (int i = 0; i < 12; i++)
        g_string_append(t, "Incomprehensibilities notwithstanding, internationalisation "
                           "characteristically overwhelms administrators. ");
    g_string_append(t, "See https://example.org/a/very/long/address/that/cannot/fit/on/one/"
                       "line/of/the/measure/at/all/and/goes/on/and/on/index.html for more.");
    imprint_node *p = fx_para(doc, a, t->str);
    g_string_free(t, TRUE);
    const imprint_node *text = p->first_child;
    setup s;
    setup_init(&s, doc);
    pdf_ctx ctx = {0};
    ctx.doc = doc;
    ctx.opts = &s.opts;
    ctx.style = s.style;
    ctx.notes_mode = IMPRINT_NOTES_PAGE;
    g_assert_true(pdf_geometry_make(&s.opts, &ctx.geo, s.diags));
    g_assert_true(pdf_ctx_init(&ctx, SOURCE_DIR, s.diags));
    GPtrArray *flow = pdf_flow_article(&ctx, a, 0, NULL);
    int mid_word = 0, lines = 0, shy = 0;
    for (guint i = 0; i < flow->len; i++) {
        pdf_item *it = g_ptr_array_index(flow, i);
        if (it->kind != PDF_ITEM_LINE || it->para->node != p || it->line == 0)
            continue;
        lines++;
        const char *ptext = pango_layout_get_text(it->para->layout);
        int start = pango_layout_get_line_readonly(it->para->layout, it->line)->start_index;
        size_t at = strip_index(ptext, start);
        const char *m = text->as.text.text;
        bool inside = at > 0 && !g_ascii_isspace(m[at - 1]);
        mid_word += inside;
        shy += inside && g_str_has_prefix(ptext + start - 2, "\xC2\xAD");
        while (at > 0 && !g_ascii_isspace(m[at - 1]))
            at--;
        /* The article's first page, then one that begins with this line. */
        GPtrArray *pages = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_page_free);
        g_ptr_array_add(pages, pdf_page_new());
        ((pdf_page *)pages->pdata[0])->number = 2;
        pdf_page *page = pdf_page_new();
        g_ptr_array_add(page->body, it);
        page->number = 3;
        g_ptr_array_add(pages, page);
        GPtrArray *articles = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
        g_ptr_array_add(articles, pages);
        GPtrArray *contents = g_ptr_array_new();
        imprint_page_map map = {0};
        pdf_page_map_make(&ctx, 1, contents, articles, NULL, &map);
        g_assert_cmpuint(map.n, ==, 3);
        g_assert_cmpint(map.pages[1].at, ==, IMPRINT_PAGE_BLOCK);
        g_assert_true(map.pages[1].node == a);
        g_assert_cmpint(map.pages[2].at, ==, IMPRINT_PAGE_TEXT);
        g_assert_true(map.pages[2].node == text);
        g_assert_cmpuint(map.pages[2].offset, ==, at);
        pdf_page_map_clear(&map);
        g_ptr_array_unref(contents);
        g_ptr_array_unref(articles);
    }
    /* The paragraph is long enough to break at spaces, at soft hyphens and
     * inside the address. */
    g_assert_cmpint(lines, >, 8);
    g_assert_cmpint(shy, >, 0);
    g_assert_cmpint(mid_word, >, shy);
    g_ptr_array_unref(flow);
    pdf_ctx_clear(&ctx);
    setup_clear(&s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_setenv("SOURCE_DATE_EPOCH", "1000000000", TRUE);
    g_test_add_func("/pdf-pages/full-document", test_full_document);
    g_test_add_func("/pdf-pages/heading-begins-page", test_heading_begins_page);
    g_test_add_func("/pdf-pages/endnotes-begin-page", test_endnotes_begin_page);
    g_test_add_func("/pdf-pages/lines-inside-words", test_lines_inside_words);
    return g_test_run();
}
