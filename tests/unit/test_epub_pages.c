#define _POSIX_C_SOURCE 200809L
/* The EPUB's page-break markers and page list (pages.c) from a page map made
 * by hand over the every-kind fixture: a marker before a block when the page
 * begins there (a heading, the article's opening, a citation, a list item, a
 * note), inside the text at the start of a word when it begins in a word,
 * never splitting one and never where a <span> may not stand; the page list
 * in page order; a page out of order or with no place is said. */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/epub/epub.h"
#include "build/image.h"
#include "epub_check.h"
#include "epub_fixture.h"
#include "imprint/build.h"
#include "imprint/writer.h"

static void test_word_start(void)
{
    const char *s = "Alpha beta";
    g_assert_cmpuint(imprint_epub_word_start(s, strlen(s), 8), ==, 6);
    g_assert_cmpuint(imprint_epub_word_start(s, strlen(s), 6), ==, 6);
    g_assert_cmpuint(imprint_epub_word_start(s, strlen(s), 5), ==, 0); /* on the space */
    g_assert_cmpuint(imprint_epub_word_start(s, strlen(s), 0), ==, 0);
    g_assert_cmpuint(imprint_epub_word_start(s, strlen(s), 99), ==, 6); /* past the end */
    /* Inside a character's bytes ("na\u00efve": the ï is bytes 2-3). */
    const char *u = "a na\xC3\xAFve";
    g_assert_cmpuint(imprint_epub_word_start(u, strlen(u), 5), ==, 2);
    /* A hyphen or a dash is inside a word; a no-break space and a line end are not. */
    const char *h = "well-known \xE2\x80\x94x";
    g_assert_cmpuint(imprint_epub_word_start(h, strlen(h), 5), ==, 0);
    const char *nb = "10\xC2\xA0km\nnext";
    g_assert_cmpuint(imprint_epub_word_start(nb, strlen(nb), 5), ==, 4);
    g_assert_cmpuint(imprint_epub_word_start(nb, strlen(nb), 9), ==, 7);
}

/* The fixture's nodes the map points at. */
typedef struct {
    imprint_doc *doc;
    const imprint_node *a, *b, *heading, *plain, *emph, *brk, *link, *citation, *item, *cell,
        *note2, *note2_second;
} fixture;

static const imprint_node *first_of(const imprint_node *parent, imprint_node_kind kind)
{
    imprint_iter it;
    imprint_iter_init(&it, parent);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == kind && it.node != parent)
            return it.node;
    g_error("no %s", imprint_node_kind_name(kind));
}

/* The TEXT node of `parent` whose text starts with `prefix`. */
static const imprint_node *text_of(const imprint_node *parent, const char *prefix)
{
    imprint_iter it;
    imprint_iter_init(&it, parent);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.node->kind == IMPRINT_NODE_TEXT && g_str_has_prefix(it.node->as.text.text, prefix))
            return it.node;
    g_error("no text \"%s\"", prefix);
}

static void fixture_init(fixture *f)
{
    f->doc = fx_every_kind();
    f->a = f->doc->root->first_child;
    f->b = f->a->next;
    f->heading = first_of(f->a, IMPRINT_NODE_HEADING);
    const imprint_node *p = first_of(f->a, IMPRINT_NODE_PARAGRAPH);
    f->plain = text_of(p, "Plain text");
    f->emph = first_of(first_of(p, IMPRINT_NODE_EMPH), IMPRINT_NODE_TEXT);
    f->brk = text_of(p, "after a line break");
    f->link = first_of(first_of(p, IMPRINT_NODE_LINK), IMPRINT_NODE_TEXT);
    f->citation = first_of(f->a, IMPRINT_NODE_CITATION);
    /* "Fourth item": a lone paragraph, written bare in its <li>. */
    f->item = first_of(text_of(f->a, "Fourth item")->parent->parent, IMPRINT_NODE_PARAGRAPH);
    const imprint_node *table = first_of(f->a, IMPRINT_NODE_TABLE);
    f->cell = table->first_child->next->first_child;
    f->note2 = f->a->as.article.first_note->as.note.next_note;
    f->note2_second = f->note2->first_child->next->first_child;
}

static size_t offset_of(const imprint_node *text, const char *word)
{
    const char *at = strstr(text->as.text.text, word);
    g_assert_nonnull(at);
    return (size_t)(at - text->as.text.text);
}

/* Writes `doc` with `map` as its pages into `path`. */
static bool write_doc(imprint_doc *doc, imprint_page_map *map, const char *path,
                      imprint_diags *diags)
{
    imprint_edition ed = fx_edition();
    imprint_build_resolved *r = imprint_build_resolve(&ed, doc, NULL, diags);
    g_assert_nonnull(r);
    imprint_output_opts opts = *imprint_build_resolved_opts(r);
    opts.pages = map;
    opts.page_source = "every-kind.pdf (the PDF edition, a5 paper)";
    bool ok = imprint_write_epub(doc, &opts, path, diags);
    imprint_build_resolved_free(r);
    return ok;
}

/* Writes the fixture with `map` as its pages into `path`. */
static bool write_with(fixture *f, imprint_page_map *map, const char *path, imprint_diags *diags)
{
    return write_doc(f->doc, map, path, diags);
}

static void add(imprint_page_map *m, imprint_page_at at, const imprint_node *node, size_t offset)
{
    imprint_page_start *s = &m->pages[m->n];
    s->label = g_strdup_printf("%zu", m->n + 1);
    s->at = at;
    s->node = node;
    s->offset = offset;
    m->n++;
}

static void map_clear(imprint_page_map *m)
{
    for (size_t i = 0; i < m->n; i++)
        g_free(m->pages[i].label);
    g_free(m->pages);
}

/* One page of every kind, in reading order. */
static void every_kind_map(fixture *f, imprint_page_map *m)
{
    m->pages = g_new0(imprint_page_start, 32);
    m->n = 0;
    const imprint_node *root = f->doc->root;
    add(m, IMPRINT_PAGE_TITLE, root, 0);                             /* 1 */
    add(m, IMPRINT_PAGE_TITLE_END, root, 0);                         /* 2 */
    add(m, IMPRINT_PAGE_CONTENTS, root, 0);                          /* 3 */
    add(m, IMPRINT_PAGE_CONTENTS, f->b, 0);                          /* 4 */
    add(m, IMPRINT_PAGE_BLOCK, f->a, 0);                             /* 5 */
    add(m, IMPRINT_PAGE_BLOCK, f->heading, 0);                       /* 6 */
    add(m, IMPRINT_PAGE_TEXT, f->plain, offset_of(f->plain, "ext")); /* 7: in "text" */
    add(m, IMPRINT_PAGE_TEXT, f->emph, 0);                           /* 8 */
    add(m, IMPRINT_PAGE_TEXT, f->brk, offset_of(f->brk, "reak"));    /* 9: in "break" */
    add(m, IMPRINT_PAGE_TEXT, f->brk, offset_of(f->brk, "eak"));     /* 10: the same word */
    add(m, IMPRINT_PAGE_TEXT, f->link, offset_of(f->link, "ple"));   /* 11: in "example.org" */
    add(m, IMPRINT_PAGE_BLOCK, f->citation, 0);                      /* 12 */
    add(m, IMPRINT_PAGE_BLOCK, f->item, 0);                          /* 13 */
    add(m, IMPRINT_PAGE_BLOCK, f->cell, 0);                          /* 14 */
    add(m, IMPRINT_PAGE_NOTES, f->a, 0);                             /* 15 */
    add(m, IMPRINT_PAGE_BLOCK, f->note2->first_child, 0);            /* 16 */
    add(m, IMPRINT_PAGE_TEXT, f->note2_second, offset_of(f->note2_second, "aph")); /* 17 */
    add(m, IMPRINT_PAGE_BLOCK, f->b, 0);                                           /* 18 */
}

static bool inline_element(const xmlNode *n)
{
    static const char *const names[] = {"a", "em", "strong", "sup", "sub", "span", "cite", NULL};
    for (const char *const *k = names; *k; k++)
        if (strcmp((const char *)n->name, *k) == 0)
            return true;
    return false;
}

/* The text of `n` in document order into `before` until marker `m`, then
 * into `after`; a block's start and end count as a line end (the book is
 * read without blank text nodes). */
static void texts(const xmlNode *n, const xmlNode *m, GString *before, GString *after, bool *seen)
{
    for (; n; n = n->next) {
        if (n == m)
            *seen = true;
        GString *out = *seen ? after : before;
        if (n->type == XML_TEXT_NODE) {
            g_string_append(out, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        bool block = !inline_element(n);
        if (block)
            g_string_append_c(out, '\n');
        texts(n->children, m, before, after, seen);
        if (block)
            g_string_append_c(*seen ? after : before, '\n');
    }
}

/* The text right before and after marker `id` in its file's text, and the
 * name of its parent element. */
static void around(xmlDoc *x, const char *id, char **before, char **after, char **parent)
{
    char *q = g_strdup_printf("//h:span[@id='%s']", id);
    xmlXPathObject *o = xpath(x, q);
    g_assert_cmpint(o->nodesetval ? o->nodesetval->nodeNr : 0, ==, 1);
    xmlNode *m = o->nodesetval->nodeTab[0];
    g_assert_null(m->children);
    *parent = g_strdup((const char *)m->parent->name);
    GString *b = g_string_new(NULL), *a = g_string_new(NULL);
    bool seen = false;
    texts(xmlDocGetRootElement(x), m, b, a, &seen);
    /* The marker is a <span>, inline: it added nothing. */
    *before = g_string_free(b, FALSE);
    char *rest = g_string_free(a, FALSE);
    *after = g_strdup(rest + strspn(rest, "\n"));
    g_free(rest);
    xmlXPathFreeObject(o);
    g_free(q);
}

static void expect_marker(book *bk, const char *file, const char *id, const char *before_tail,
                          const char *after_head, const char *parent)
{
    xmlDoc *x = entry_xml(bk, file);
    char *before, *after, *up;
    around(x, id, &before, &after, &up);
    /* Never inside a word: white space or a block's edge before it. */
    size_t n = strlen(before);
    g_assert_true(n == 0 || g_ascii_isspace(before[n - 1]));
    while (n > 0 && before[n - 1] == '\n')
        before[--n] = '\0';
    if (!g_str_has_suffix(before, before_tail) || !g_str_has_prefix(after, after_head) ||
        strcmp(up, parent) != 0)
        g_error("%s %s: in <%s> after \"...%s\" before \"%.40s...\"; expected <%s> after "
                "\"...%s\" before \"%s...\"",
                file, id, up, before + (strlen(before) > 40 ? strlen(before) - 40 : 0), after,
                parent, before_tail, after_head);
    g_free(before);
    g_free(after);
    g_free(up);
    xmlFreeDoc(x);
}

/* Removes what a test wrote and frees its diagnostics and map. */
static void done_with(char *path, char *dir, imprint_diags *diags, imprint_page_map *map)
{
    g_unlink(path);
    g_free(path);
    rm_rf(dir);
    g_free(dir);
    imprint_diags_free(diags);
    map_clear(map);
}

/* Where a marker is, the element after it. */
static void expect_before(book *bk, const char *file, const char *id, const char *element)
{
    xmlDoc *x = entry_xml(bk, file);
    char *q =
        g_strdup_printf("//h:span[@id='%s']/following-sibling::*[1][self::h:%s]", id, element);
    if (count(x, q) != 1)
        g_error("%s: %s is not right before a <%s>", file, id, element);
    g_free(q);
    xmlFreeDoc(x);
}

static void test_markers(void)
{
    fixture f;
    fixture_init(&f);
    imprint_page_map map;
    every_kind_map(&f, &map);
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "pages.epub", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(write_with(&f, &map, path, diags));
    imprint_diags_print(diags, stderr, false);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_WARNING), ==, 0);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 0);
    book *bk = book_read(path);

    expect_before(bk, "OEBPS/title.xhtml", "page-1", "h1");
    expect_marker(bk, "OEBPS/title.xhtml", "page-2", "Imprint Tests", "", "section");
    expect_before(bk, "OEBPS/contents.xhtml", "page-3", "h1");
    expect_marker(bk, "OEBPS/contents.xhtml", "page-4", "Bo Writer", "\u039a\u03b1\u03bb", "li");
    const char *a1 = "OEBPS/a001.xhtml";
    expect_before(bk, a1, "page-5", "header");
    /* A page that begins at a heading: the marker stands before it. */
    expect_before(bk, a1, "page-6", "h2");
    expect_marker(bk, a1, "page-7", "Plain ", "text, emphasis", "p");
    expect_marker(bk, a1, "page-8", "Plain text, ", "emphasis", "em");
    /* Two pages in one word: both markers before it, in order. */
    expect_marker(bk, a1, "page-9", "after a line ", "break", "p");
    expect_marker(bk, a1, "page-10", "after a line ", "break", "p");
    expect_before(bk, a1, "page-9", "span");
    expect_marker(bk, a1, "page-11", "link to ", "example.org", "a");
    expect_before(bk, a1, "page-12", "footer");
    expect_marker(bk, a1, "page-13", "", "Fourth item", "li");
    expect_marker(bk, a1, "page-14", "", "1936", "td");
    expect_before(bk, a1, "page-15", "section");
    expect_before(bk, a1, "page-16", "aside");
    expect_marker(bk, a1, "page-17", "second ", "paragraph (Zyxt)", "p");
    expect_before(bk, "OEBPS/a002.xhtml", "page-18", "header");

    /* No marker where a <span> may not stand. */
    for (guint i = 0; i < bk->order->len; i++) {
        const char *name = bk->order->pdata[i];
        if (!g_str_has_suffix(name, ".xhtml"))
            continue;
        xmlDoc *x = entry_xml(bk, name);
        g_assert_cmpint(count(x, "//h:span[@epub:type='pagebreak'][parent::h:ol or parent::h:ul "
                                 "or parent::h:table or parent::h:tbody or parent::h:tr]"),
                        ==, 0);
        g_assert_cmpint(count(x, "//h:span[@epub:type='pagebreak'][not(@role='doc-pagebreak') "
                                 "or not(@aria-label) or node()]"),
                        ==, 0);
        xmlFreeDoc(x);
    }
    /* The page list: every page once, in order, each to its marker. */
    xmlDoc *nav = entry_xml(bk, "OEBPS/nav.xhtml");
    g_assert_cmpint(count(nav, "//h:nav[@epub:type='page-list']//h:a"), ==, (int)map.n);
    for (size_t i = 0; i < map.n; i++) {
        char *q = g_strdup_printf("//h:nav[@epub:type='page-list']//h:li[%zu]/h:a", i + 1);
        char *label = str(nav, q);
        char *hq = g_strdup_printf("%s/@href", q);
        char *href = str(nav, hq);
        g_assert_cmpstr(label, ==, map.pages[i].label);
        char *id = g_strdup_printf("#page-%zu", i + 1);
        g_assert_true(g_str_has_suffix(href, id));
        g_free(id);
        check_target(bk, href);
        g_free(q);
        g_free(hq);
        g_free(label);
        g_free(href);
    }
    xmlFreeDoc(nav);
    /* The NCX lists them too, the front matter's as such, in play order. */
    xmlDoc *ncx = entry_xml(bk, "OEBPS/toc.ncx");
    g_assert_cmpint(count(ncx, "//ncx:pageList/ncx:pageTarget"), ==, (int)map.n);
    g_assert_cmpint(count(ncx, "//ncx:meta[@name='dtb:totalPageCount'][@content='18']"), ==, 1);
    g_assert_cmpint(count(ncx, "//ncx:pageTarget[@type='front']"), ==, 4);
    g_assert_cmpint(count(ncx, "//ncx:pageTarget[@value='5'][@type='normal']"
                               "[ncx:content/@src='a001.xhtml#page-5']"),
                    ==, 1);
    long last = 0;
    for (size_t i = 0; i < map.n; i++) {
        char *q = g_strdup_printf("//ncx:pageTarget[%zu]/@playOrder", i + 1);
        char *v = str(ncx, q);
        long order = strtol(v, NULL, 10);
        g_assert_cmpint(order, >, last);
        last = order;
        g_free(v);
        g_free(q);
    }
    /* The title page's navPoint comes before its first page's target. */
    char *title_order = str(ncx, "//ncx:navPoint[ncx:content/@src='title.xhtml']/@playOrder");
    char *page_order = str(ncx, "//ncx:pageTarget[1]/@playOrder");
    g_assert_cmpint(strtol(title_order, NULL, 10) + 1, ==, strtol(page_order, NULL, 10));
    g_free(title_order);
    g_free(page_order);
    xmlFreeDoc(ncx);
    xmlDoc *opf = entry_xml(bk, "OEBPS/content.opf");
    g_assert_cmpint(count(opf, "//dc:source[@id='pagination']"
                               "[.='every-kind.pdf (the PDF edition, a5 paper)']"),
                    ==, 1);
    g_assert_cmpint(count(opf, "//opf:meta[@refines='#pagination'][@property='source-of']"
                               "[.='pagination']"),
                    ==, 1);
    g_assert_cmpint(count(opf, "//opf:meta[@property='schema:accessibilityFeature']"
                               "[.='pageBreakMarkers' or .='pageNavigation']"),
                    ==, 2);
    xmlFreeDoc(opf);
    book_free(bk);
    epubcheck_queue_book(path);

    done_with(path, dir, diags, &map);
    imprint_doc_free(f.doc);
}

static bool has_message(const imprint_diags *diags, const char *text)
{
    for (size_t i = 0; i < imprint_diags_len(diags); i++)
        if (strstr(imprint_diags_get(diags, i)->message, text))
            return true;
    return false;
}

/* The lookalikes: a map out of reading order, and a page whose node the
 * document does not hold, are said; without a map there is no marker. */
static void test_mismatch(void)
{
    fixture f;
    fixture_init(&f);
    imprint_doc *other = fx_every_kind();
    imprint_page_map map = {g_new0(imprint_page_start, 4), 0};
    add(&map, IMPRINT_PAGE_BLOCK, f.heading, 0);
    add(&map, IMPRINT_PAGE_TITLE, f.doc->root, 0);
    add(&map, IMPRINT_PAGE_BLOCK, other->root->first_child, 0);
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "mismatch.epub", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(write_with(&f, &map, path, diags));
    g_assert_true(has_message(diags, "page 1 of the PDF comes after page 2 in the EPUB's"));
    g_assert_true(has_message(diags, "page 3 of the PDF has no place in the EPUB"));
    book *bk = book_read(path);
    xmlDoc *nav = entry_xml(bk, "OEBPS/nav.xhtml");
    g_assert_cmpint(count(nav, "//h:nav[@epub:type='page-list']//h:a"), ==, 2);
    xmlFreeDoc(nav);
    xmlDoc *ncx = entry_xml(bk, "OEBPS/toc.ncx");
    g_assert_cmpint(count(ncx, "//ncx:pageTarget"), ==, 2);
    xmlFreeDoc(ncx);
    book_free(bk);

    imprint_diags *plain = imprint_diags_new();
    g_assert_true(write_with(&f, NULL, path, plain));
    bk = book_read(path);
    for (guint i = 0; i < bk->order->len; i++) {
        gsize len = 0;
        const char *data = entry(bk, bk->order->pdata[i], &len);
        g_assert_null(g_strstr_len(data, (gssize)len, "pagebreak"));
        g_assert_null(g_strstr_len(data, (gssize)len, "page-list"));
        g_assert_null(g_strstr_len(data, (gssize)len, "dc:source"));
    }
    book_free(bk);
    imprint_diags_free(plain);
    done_with(path, dir, diags, &map);
    imprint_doc_free(other);
    imprint_doc_free(f.doc);
}

/* An article written in one file per chapter (parts.c) has its notes in
 * the files of their references; the pages that begin in the PDF's
 * endnotes have their markers in the last file, after the body's, so the
 * page list keeps the PDF's order. */
static void test_split_article(void)
{
    imprint_doc *doc = fx_long_article(IMPRINT_EPUB_PART_TEXT_BYTES + 1);
    const imprint_node *a = doc->root->first_child, *chapter[3] = {NULL};
    int k = 0;
    for (const imprint_node *c = a->first_child; c && k < 3; c = c->next)
        if (c->kind == IMPRINT_NODE_HEADING && c->as.heading.level == 1)
            chapter[k++] = c;
    const imprint_node *h2 = chapter[1], *h3 = chapter[2];
    const imprint_node *n1 = a->as.article.first_note,
                       *n3 = n1->as.note.next_note->as.note.next_note;
    imprint_page_map map = {g_new0(imprint_page_start, 8), 0};
    add(&map, IMPRINT_PAGE_BLOCK, a, 0);
    add(&map, IMPRINT_PAGE_BLOCK, h2, 0);
    add(&map, IMPRINT_PAGE_BLOCK, h3, 0);
    add(&map, IMPRINT_PAGE_NOTES, a, 0);
    add(&map, IMPRINT_PAGE_BLOCK, n1->first_child, 0);
    add(&map, IMPRINT_PAGE_BLOCK, n3->first_child, 0);
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "split.epub", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(write_doc(doc, &map, path, diags));
    g_assert_false(has_message(diags, "comes after"));
    g_assert_false(has_message(diags, "has no place"));
    book *bk = book_read(path);
    g_assert_true(g_hash_table_contains(bk->entries, "OEBPS/a001-4.xhtml"));
    xmlDoc *nav = entry_xml(bk, "OEBPS/nav.xhtml");
    const char *want[] = {"a001.xhtml#page-1",   "a001-3.xhtml#page-2", "a001-4.xhtml#page-3",
                          "a001-4.xhtml#page-4", "a001-4.xhtml#page-5", "a001-4.xhtml#page-6"};
    for (size_t w = 0; w < G_N_ELEMENTS(want); w++) {
        char *q = g_strdup_printf("//h:nav[@epub:type='page-list']//h:li[%zu]/h:a/@href", w + 1);
        char *href = str(nav, q);
        g_assert_cmpstr(href, ==, want[w]);
        g_free(href);
        g_free(q);
    }
    xmlFreeDoc(nav);
    book_free(bk);
    epubcheck_queue_book(path);
    done_with(path, dir, diags, &map);
    imprint_doc_free(doc);
}

/* A page that begins at a line inside a stanza: the marker opens that
 * line, and the page is in the list (no "has no place"). */
static void test_verse_line(void)
{
    fixture f;
    fixture_init(&f);
    const imprint_node *verse = first_of(f.a, IMPRINT_NODE_VERSE);
    imprint_page_map map = {g_new0(imprint_page_start, 2), 0};
    add(&map, IMPRINT_PAGE_BLOCK, f.a, 0);
    add(&map, IMPRINT_PAGE_BLOCK, verse->first_child->next, 0);
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "verse.epub", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(write_with(&f, &map, path, diags));
    g_assert_false(has_message(diags, "has no place"));
    book *bk = book_read(path);
    expect_marker(bk, "OEBPS/a001.xhtml", "page-2", "First line of verse,", "second line of verse.",
                  "p");
    book_free(bk);
    done_with(path, dir, diags, &map);
    imprint_doc_free(f.doc);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_setenv("SOURCE_DATE_EPOCH", "1000000000", TRUE);
    g_test_add_func("/epub-pages/word-start", test_word_start);
    g_test_add_func("/epub-pages/markers", test_markers);
    g_test_add_func("/epub-pages/mismatch", test_mismatch);
    g_test_add_func("/epub-pages/split-article", test_split_article);
    g_test_add_func("/epub-pages/verse-line", test_verse_line);
    g_test_add_func("/epub-pages/epubcheck-queued", epubcheck_queued); /* (last) */
    int rc = g_test_run();
    cairo_debug_reset_static_data();
    FcFini();
    return rc;
}
