#define _POSIX_C_SOURCE 200809L
/* The EPUB writer on a hand-built document using every kind of node: the
 * container, the XHTML (notes, links, figures), navigation, package metadata,
 * fonts, cover, reproducibility and bad input. */
#include <glib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "write/epub/epub.h"
#include "writer_fixture.h"
#include "build/image.h"
#include "epub_check.h"
#include "epub_fixture.h"

static bool build(const char *path, imprint_diags *diags)
{
    imprint_doc *doc = fx_every_kind();
    GString *problems = g_string_new(NULL);
    if (!imprint_doc_check(doc, problems))
        g_error("fixture is not a sound tree: %s", problems->str);
    g_string_free(problems, TRUE);
    imprint_edition ed = fx_edition();
    bool ok = fx_write(imprint_write_epub, doc, &ed, path, diags);
    imprint_doc_free(doc);
    return ok;
}

/* One build shared by the read-only tests. */
static char *shared_dir;
static char *shared_path;
static book *shared;

static book *the_book(void)
{
    if (!shared) {
        shared_dir = tmpdir();
        shared_path = g_build_filename(shared_dir, "every-kind.epub", NULL);
        imprint_diags *diags = imprint_diags_new();
        bool ok = build(shared_path, diags);
        imprint_diags_print(diags, stderr, false);
        g_assert_true(ok);
        g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 0);
        imprint_diags_free(diags);
        shared = book_read(shared_path);
    }
    return shared;
}

static void test_container(void)
{
    book *b = the_book();
    gsize len = 0;
    gchar *raw = NULL;
    g_assert_true(g_file_get_contents(shared_path, &raw, &len, NULL));
    /* The first local header: "mimetype", stored, no extra field, content. */
    g_assert_cmpmem(raw, 4, "PK\3\4", 4);
    guint16 method = (guint16)((guint8)raw[8] | (guint8)raw[9] << 8);
    guint16 name_len = (guint16)((guint8)raw[26] | (guint8)raw[27] << 8);
    guint16 extra_len = (guint16)((guint8)raw[28] | (guint8)raw[29] << 8);
    g_assert_cmpuint(method, ==, 0);
    g_assert_cmpuint(extra_len, ==, 0);
    g_assert_cmpmem(raw + 30, name_len, "mimetype", 8);
    g_assert_cmpmem(raw + 38, 20, "application/epub+zip", 20);
    /* No extended-timestamp fields anywhere: "UT" would carry the machine's time. */
    g_assert_null(g_strstr_len(raw, (gssize)len, "UT\x09\x00"));
    g_free(raw);
    g_assert_cmpstr(b->order->pdata[0], ==, "mimetype");
    g_assert_cmpstr(b->order->pdata[1], ==, "META-INF/container.xml");
    gsize n;
    entry(b, "OEBPS/content.opf", &n);
    entry(b, "OEBPS/nav.xhtml", &n);
    entry(b, "OEBPS/toc.ncx", &n);
    entry(b, "OEBPS/fonts/LICENSE-LinLibertine.txt", &n);
}

static void test_reproducible(void)
{
    the_book();
    char *again = g_build_filename(shared_dir, "again.epub", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(build(again, diags));
    imprint_diags_free(diags);
    gchar *a = NULL, *b = NULL;
    gsize alen = 0, blen = 0;
    g_assert_true(g_file_get_contents(shared_path, &a, &alen, NULL));
    g_assert_true(g_file_get_contents(again, &b, &blen, NULL));
    g_assert_cmpmem(a, alen, b, blen);
    g_free(a);
    g_free(b);
    g_unlink(again);
    g_free(again);
}

static void test_notes(void)
{
    book *b = the_book();
    xmlDoc *x = entry_xml(b, "OEBPS/a001.xhtml");
    check_notes(x);
    g_assert_cmpint(count(x, "//h:aside[@epub:type='footnote']"), ==, 3);
    /* Note four, which nothing refers to, is a visible block, not a footnote
     * aside that pop-up readers would hide for good. */
    g_assert_cmpint(count(x, "//h:div[@class='note-unreferenced'][@id='n4']"
                             "[contains(., 'Note four, which nothing refers to.')]"),
                    ==, 1);
    g_assert_cmpint(count(x, "//h:aside[@id='n4']"), ==, 0);
    /* Note 1 is referred to twice: two back-links, the number first. */
    g_assert_cmpint(count(x, "//h:aside[@id='n1']//h:a[@role='doc-backlink']"), ==, 2);
    char *first = str(x, "//h:aside[@id='n1']/h:p[1]/node()[1]");
    g_assert_cmpstr(first, ==, "1");
    g_free(first);
    /* Multi-paragraph note. */
    g_assert_cmpint(count(x, "//h:aside[@id='n2']/h:p"), ==, 2);
    /* A reference inside a link: the link is split around it, nothing nests. */
    g_assert_cmpint(count(x, "//h:a[@href='#n3'][@epub:type='noteref']"), ==, 1);
    g_assert_cmpint(count(x, "//h:a[starts-with(@href,'https://example.org/a%20b')]"), ==, 2);
    /* A marker without a definition: a plain superscript, no link. */
    char *marker = str(x, "//h:sup[@class='noteref-unresolved']");
    g_assert_cmpstr(marker, ==, "7");
    g_free(marker);
    g_assert_cmpint(count(x, "//h:a[@href='#n7']"), ==, 0);
    /* Notes are visible (never display:none) and come after the text. */
    gsize len;
    const char *css = entry(b, "OEBPS/css/style.css", &len);
    g_assert_null(g_strstr_len(css, (gssize)len, "display: none"));
    g_assert_null(g_strstr_len(css, (gssize)len, "display:none"));
    xmlFreeDoc(x);

    x = entry_xml(b, "OEBPS/a002.xhtml");
    check_notes(x);
    g_assert_cmpint(count(x, "//h:aside[@epub:type='footnote']"), ==, 1);
    xmlFreeDoc(x);
}

static void test_blocks(void)
{
    book *b = the_book();
    xmlDoc *x = entry_xml(b, "OEBPS/a001.xhtml");
    g_assert_cmpint(count(x, "/h:html[@lang='en'][@xml:lang='en']"), ==, 1);
    g_assert_cmpint(count(x, "//h:section[@epub:type='chapter']/h:header/"
                             "h:h1[.='First Article: Blocks & <Inlines>']"),
                    ==, 1);
    g_assert_cmpint(count(x, "//h:h2[.='A Section Heading']"), ==, 1);
    g_assert_cmpint(count(x, "//h:h3[.='Lists and Tables']"), ==, 1);
    g_assert_cmpint(count(x, "//h:blockquote/h:footer/h:cite[.='(Marx, Ibid.)']"), ==, 1);
    g_assert_cmpint(count(x, "//h:em[.='emphasis']"), ==, 1);
    g_assert_cmpint(count(x, "//h:strong[.='strong']"), ==, 1);
    g_assert_cmpint(count(x, "//h:sub[.='2']"), ==, 1);
    g_assert_cmpint(count(x, "//h:span[@class='smallcaps'][.='Small Caps']"), ==, 1);
    g_assert_cmpint(count(x, "//h:br[not(parent::h:p[@class='closer'])]"), ==, 1);
    g_assert_cmpint(count(x, "//h:ol[@start='3']/h:li/h:ol[@type='a']/h:li"), ==, 1);
    g_assert_cmpint(count(x, "//h:ul/h:li[.='A bullet']"), ==, 1);
    g_assert_cmpint(count(x, "//h:ul[@class='plain']/h:li[.='RADEK, a defendant']"), ==, 1);
    g_assert_cmpint(
        count(x, "//h:ul[@class='bibliography']//h:a[@href='https://example.org/source']"), ==, 1);
    g_assert_cmpint(count(x, "//h:div[@class='verse']/h:p[@class='line']"), ==, 2);
    g_assert_cmpint(count(x, "//h:div[@class='speech']/h:p[1]/h:span[@class='speaker']"), ==, 1);
    g_assert_cmpint(count(x, "//h:table//h:tr/h:td"), ==, 4);
    g_assert_cmpint(count(x, "//h:hr[@class='section-break']"), ==, 1);
    g_assert_cmpint(count(x, "//h:p[@class='bibl']"), ==, 1);
    g_assert_cmpint(count(x, "//h:aside[@class='sidenote'][not(@epub:type)]/h:p[.='A marginal "
                             "summary']"),
                    ==, 1);
    g_assert_cmpint(count(x, "//h:p[@class='opener'][.='Dear comrades,']"), ==, 1);
    g_assert_cmpint(count(x, "//h:p[@class='closer'][.='Yours in the struggle,L. T.']/h:br"), ==,
                    1);
    g_assert_cmpint(count(x, "//h:p[@class='byline'][.='Ada Author and Bo Writer']"), ==, 1);
    /* The placeholder figure is a visible box with its text, no <img>; the
     * real image is embedded with its caption as alternative text. */
    g_assert_cmpint(count(x, "//h:figure/h:div[@class='figure-placeholder']"
                             "[contains(., 'trotfash.jpg')]"),
                    ==, 1);
    g_assert_cmpint(count(x, "//h:img"), ==, 1);
    g_assert_cmpint(count(x, "//h:img[@src='images/figure1.png'][@alt='A small embedded image']"),
                    ==, 1);
    g_assert_cmpint(count(x, "//h:figcaption"), ==, 2);
    xmlFreeDoc(x);
    gsize len;
    const char *png = entry(b, "OEBPS/images/figure1.png", &len);
    g_assert_cmpstr(build_image_type((const guint8 *)png, len), ==, "image/png");

    x = entry_xml(b, "OEBPS/a002.xhtml");
    g_assert_cmpint(count(x, "/h:html[@lang='el']"), ==, 1);
    /* Untitled: no h1, labelled by its first words. */
    g_assert_cmpint(count(x, "//h:h1"), ==, 0);
    char *label = str(x, "//h:section/@aria-label");
    g_assert_true(g_str_has_prefix(label, "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 "));
    g_assert_true(g_str_has_suffix(label, "\u2026"));
    g_free(label);
    xmlFreeDoc(x);
}

static void test_nav(void)
{
    book *b = the_book();
    xmlDoc *x = entry_xml(b, "OEBPS/nav.xhtml");
    /* Where each nav and ncx entry leads is checked by check_book_links below. */
    g_assert_cmpint(count(x, "//h:nav//h:a/@href"), >, 6);
    /* Nested: the article's headings under it, level 2 under level 1. */
    g_assert_cmpint(count(x, "//h:nav[@epub:type='toc']/h:ol/h:li[h:a='First Article: Blocks & "
                             "<Inlines>']/h:ol/h:li[h:a='A Section Heading']/h:ol/"
                             "h:li[h:a='Lists and Tables']"),
                    ==, 1);
    for (const char *const *t =
             (const char *const[]){"cover", "titlepage", "toc", "bodymatter", NULL};
         *t; t++) {
        char *q = g_strdup_printf("//h:nav[@epub:type='landmarks']//h:a[@epub:type='%s']", *t);
        g_assert_cmpint(count(x, q), ==, 1);
        g_free(q);
    }
    int toc_entries = count(x, "//h:nav[@epub:type='toc']//h:a");
    xmlFreeDoc(x);
    check_book_links(b);

    /* toc.ncx matches: the same targets in the same order. */
    x = entry_xml(b, "OEBPS/toc.ncx");
    g_assert_cmpint(count(x, "//ncx:navPoint"), ==, toc_entries);
    g_assert_cmpint(count(x, "//ncx:navPoint[ncx:navLabel/ncx:text='A Section Heading']/"
                             "ncx:navPoint[ncx:navLabel/ncx:text='Lists and Tables']"),
                    ==, 1);
    xmlFreeDoc(x);
}

static void test_package(void)
{
    book *b = the_book();
    xmlDoc *x = entry_xml(b, "OEBPS/content.opf");
    char *s = str(x, "//dc:identifier[@id='uid']");
    /* uuid.uuid5(uuid.NAMESPACE_URL, "every-kind") */
    g_assert_cmpstr(s, ==, "urn:uuid:77d4f92a-a24d-5051-9b8c-171318384d9a");
    g_free(s);
    s = str(x, "//opf:meta[@property='dcterms:modified']");
    if (!g_getenv("SOURCE_DATE_EPOCH"))
        g_assert_cmpstr(s, ==, "2026-11-21T00:00:00Z");
    g_free(s);
    g_assert_cmpint(count(x, "//dc:title[.='Every Kind']"), ==, 1);
    g_assert_cmpint(count(x, "//opf:meta[@refines='#subtitle'][@property='title-type']"
                             "[.='subtitle']"),
                    ==, 1);
    g_assert_cmpint(count(x, "//dc:creator[.='Fixture Editors']"), ==, 1);
    g_assert_cmpint(count(x, "//dc:contributor[.='Ada Author']"), ==, 1);
    g_assert_cmpint(count(x, "//dc:contributor[.='Bo Writer']"), ==, 1);
    /* The book's language first, then each other article's (the Greek one). */
    g_assert_cmpint(count(x, "//dc:language"), ==, 2);
    g_assert_cmpint(count(x, "//dc:language[1][.='en']"), ==, 1);
    g_assert_cmpint(count(x, "//dc:language[2][.='el']"), ==, 1);
    for (const char *const *p =
             (const char *const[]){"dc:date", "dc:publisher", "dc:rights", "dc:description", NULL};
         *p; p++) {
        char *q = g_strdup_printf("//%s", *p);
        g_assert_cmpint(count(x, q), ==, 1);
        g_free(q);
    }
    for (const char *const *f =
             (const char *const[]){"tableOfContents", "readingOrder", "structuralNavigation",
                                   "alternativeText", NULL};
         *f; f++) {
        char *q =
            g_strdup_printf("//opf:meta[@property='schema:accessibilityFeature'][.='%s']", *f);
        g_assert_cmpint(count(x, q), ==, 1);
        g_free(q);
    }
    g_assert_cmpint(count(x, "//opf:meta[@property='schema:accessibilityHazard']"), ==, 1);
    g_assert_cmpint(count(x, "//opf:meta[@property='schema:accessibilitySummary']"), ==, 1);
    g_assert_cmpint(count(x, "//opf:meta[@property='schema:accessModeSufficient']"), ==, 1);
    g_assert_cmpint(count(x, "//opf:item[@properties='cover-image'][@media-type='image/png']"), ==,
                    1);
    g_assert_cmpint(count(x, "//opf:item[@properties='nav']"), ==, 1);
    /* Every file of the container is in the manifest. */
    for (guint i = 0; i < b->order->len; i++) {
        const char *name = b->order->pdata[i];
        if (!g_str_has_prefix(name, "OEBPS/") || strcmp(name, "OEBPS/content.opf") == 0)
            continue;
        char *q = g_strdup_printf("//opf:item[@href='%s']", name + 6);
        g_assert_cmpint(count(x, q), ==, 1);
        g_free(q);
    }
    xmlFreeDoc(x);
}

static void test_colophon(void)
{
    book *b = the_book();
    xmlDoc *x = entry_xml(b, "OEBPS/colophon.xhtml");
    char *text = str(x, "//h:body");
    g_assert_nonnull(strstr(text, "Made with imprint " IMPRINT_VERSION));
    g_assert_nonnull(strstr(text, "every_kind.txt"));
    g_assert_nonnull(strstr(text, "second.txt"));
    g_assert_nonnull(strstr(text, "https://example.org/every-kind"));
    g_assert_nonnull(strstr(text, "Public domain"));
    g_free(text);
    xmlFreeDoc(x);
    x = entry_xml(b, "OEBPS/title.xhtml");
    text = str(x, "//h:body");
    g_assert_nonnull(strstr(text, "Every Kind"));
    g_assert_nonnull(strstr(text, "Fixture Editors"));
    g_free(text);
    xmlFreeDoc(x);
    x = entry_xml(b, "OEBPS/contents.xhtml");
    g_assert_cmpint(count(x, "//h:li/h:a[@href='a001.xhtml']"), ==, 1);
    g_assert_cmpint(count(x, "//h:li/h:a[@href='a002.xhtml']"), ==, 1);
    xmlFreeDoc(x);
}

typedef struct {
    const guint8 *data;
    gsize len, pos;
} png_reader;

static cairo_status_t png_read(void *closure, unsigned char *out, unsigned int len)
{
    png_reader *r = closure;
    if (r->pos + len > r->len)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(out, r->data + r->pos, len);
    r->pos += len;
    return CAIRO_STATUS_SUCCESS;
}

static void test_cover(void)
{
    book *b = the_book();
    gsize len;
    const guint8 *png = (const guint8 *)entry(b, "OEBPS/images/cover.png", &len);
    g_assert_cmpstr(build_image_type(png, len), ==, "image/png");
    guint32 w = (guint32)png[16] << 24 | (guint32)png[17] << 16 | (guint32)png[18] << 8 | png[19];
    guint32 h = (guint32)png[20] << 24 | (guint32)png[21] << 16 | (guint32)png[22] << 8 | png[23];
    g_assert_cmpuint(w, ==, IMPRINT_COVER_WIDTH);
    g_assert_cmpuint(h, ==, IMPRINT_COVER_HEIGHT);
    /* Decoded: the style's background in the corner, its foreground in the
     * frame, and the title drawn in between. */
    png_reader r = {png, len, 0};
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(png_read, &r);
    g_assert_cmpint(cairo_surface_status(img), ==, CAIRO_STATUS_SUCCESS);
    const guint8 *px = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    guint32 corner = *(const guint32 *)(px + 10 * stride + 10 * 4) & 0xffffff;
    guint32 frame = *(const guint32 *)(px + 81 * stride + 800 * 4) & 0xffffff;
    g_assert_cmphex(corner, ==, 0x1f2a44);
    g_assert_cmphex(frame, ==, 0xf3ede2);
    size_t lit = 0;
    for (int y = 640; y < 1000; y++)
        for (int x = 160; x < 1440; x++)
            lit += (*(const guint32 *)(px + y * stride + x * 4) & 0xffffff) == 0xf3ede2;
    g_assert_cmpuint(lit, >, 10000);
    cairo_surface_destroy(img);
    xmlDoc *x = entry_xml(b, "OEBPS/cover.xhtml");
    g_assert_cmpint(count(x, "//h:img[@src='images/cover.png'][starts-with(@alt,'Cover: Every "
                             "Kind')]"),
                    ==, 1);
    xmlFreeDoc(x);
}

static bool has_glyph(hb_font_t *font, gunichar c)
{
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(font, c, &g);
}

static void test_fonts(void)
{
    book *b = the_book();
    gsize len;
    const char *data = entry(b, "OEBPS/fonts/LinLibertine_R.otf", &len);
    char *orig = g_build_filename(SOURCE_DIR, "fonts", "LinLibertine_R.otf", NULL);
    GStatBuf st;
    g_assert_cmpint(g_stat(orig, &st), ==, 0);
    g_assert_cmpuint(len, <, (gsize)st.st_size / 4);
    g_free(orig);
    hb_blob_t *blob = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, 0);
    hb_font_t *font = hb_font_create(face);
    g_assert_true(has_glyph(font, 0x039A)); /* Κ: in the Greek article */
    g_assert_true(has_glyph(font, '&'));
    g_assert_true(has_glyph(font, 'Z'));
    g_assert_false(has_glyph(font, 0x0416)); /* Ж: used nowhere */
    g_assert_false(has_glyph(font, 'Q'));    /* no Q in the fixture */
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    const char *css = entry(b, "OEBPS/css/style.css", &len);
    g_assert_nonnull(g_strstr_len(css, (gssize)len, "url(\"../fonts/LinLibertine_RI.otf\")"));
    g_assert_nonnull(g_strstr_len(css, (gssize)len, "figure-placeholder"));
}

/* The fixture's text must not contain the letters test_fonts says are absent. */
static void test_fixture_has_no_q(void)
{
    book *b = the_book();
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, b->entries);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        if (!g_str_has_suffix(k, ".xhtml"))
            continue;
        xmlDoc *x = entry_xml(b, k);
        char *text = str(x, "//h:body");
        g_assert_null(strchr(text, 'Q'));
        g_free(text);
        xmlFreeDoc(x);
    }
}

/* The shared book to epubcheck (checked with the others queued, last). */
static void test_epubcheck(void)
{
    the_book();
    epubcheck_queue_book(shared_path);
}

/* A second reading program (Calibre) finds every title and every note. */
static void test_calibre(void)
{
    the_book();
    char *txt = g_build_filename(shared_dir, "every-kind.txt", NULL);
    char *out = NULL;
    int rc = run((const char *const[]){"ebook-convert", shared_path, txt, NULL}, &out);
    if (rc != 0)
        g_error("ebook-convert:\n%s", out);
    g_free(out);
    gchar *text = NULL;
    g_assert_true(g_file_get_contents(txt, &text, NULL, NULL));
    const char *expect[] = {"First Article: Blocks & <Inlines>",
                            "Note one, referred to twice.",
                            "Note two, first paragraph.",
                            "Note two, second paragraph (Zyxt).",
                            "Note three, referenced inside a link.",
                            "Note four, which nothing refers to.",
                            "\u0391 note in the second article.",
                            "(Marx, Ibid.)",
                            "Image not included: trotfash.jpg"};
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++)
        if (!strstr(text, expect[i]))
            g_error("Calibre's text lacks \"%s\"", expect[i]);
    g_free(text);
    g_unlink(txt);
    g_free(txt);
}

static void expect_failure(const char *path, imprint_doc *doc, imprint_edition *ed,
                           const char *message)
{
    imprint_diags *diags = imprint_diags_new();
    g_assert_false(fx_write(imprint_write_epub, doc, ed, path, diags));
    if (imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, message) == 0) {
        imprint_diags_print(diags, stderr, false);
        g_error("expected an error saying \"%s\"", message);
    }
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    imprint_diags_free(diags);
}

static void assert_dir_empty(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    const char *name = g_dir_read_name(d);
    if (name)
        g_error("left behind in %s: %s", dir, name);
    g_dir_close(d);
}

static void test_bad_cover(void)
{
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "book.epub", NULL);
    imprint_doc *doc = fx_every_kind();
    imprint_edition ed = fx_edition();
    ed.cover = FIXTURES_DIR "/epub/not_an_image.png";
    expect_failure(path, doc, &ed, "is not a PNG or JPEG image");
    ed.cover = FIXTURES_DIR "/epub/no_such_cover.png";
    expect_failure(path, doc, &ed, "cannot read cover image");
    assert_dir_empty(dir);
    /* A real image is used as it is. */
    ed.cover = FIXTURES_DIR "/epub/figure.png";
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(fx_write(imprint_write_epub, doc, &ed, path, diags));
    imprint_diags_free(diags);
    book *b = book_read(path);
    gsize len, flen;
    const char *png = entry(b, "OEBPS/images/cover.png", &len);
    gchar *fig = NULL;
    g_assert_true(g_file_get_contents(ed.cover, &fig, &flen, NULL));
    g_assert_cmpmem(png, len, fig, flen);
    g_free(fig);
    book_free(b);
    imprint_doc_free(doc);
    rm_rf(dir);
    g_free(path);
    g_free(dir);
}

/* Unwritable places: a path below a regular file (no one, root included,
 * can write there), a read-only folder when not root, and a missing folder.
 * Each is a clear error and leaves nothing behind. */
static void test_unwritable(void)
{
    char *dir = tmpdir();
    imprint_doc *doc = fx_every_kind();
    imprint_edition ed = fx_edition();
    char *file = g_build_filename(dir, "plain-file", NULL);
    g_assert_true(g_file_set_contents(file, "x", -1, NULL));
    char *below = g_build_filename(file, "book.epub", NULL);
    expect_failure(below, doc, &ed, "cannot write: Not a directory");
    char *sub = g_build_filename(dir, "ro", NULL);
    g_assert_cmpint(g_mkdir(sub, 0555), ==, 0);
    char *path = g_build_filename(sub, "book.epub", NULL);
    if (access(sub, W_OK) != 0) {
        /* Root writes through a 0555 folder; for other users it is refused. */
        expect_failure(path, doc, &ed, "cannot write");
        assert_dir_empty(sub);
    }
    char *missing = g_build_filename(dir, "no", "such", "dir", "book.epub", NULL);
    expect_failure(missing, doc, &ed, "cannot write");
    imprint_doc_free(doc);
    g_chmod(sub, 0755);
    rm_rf(dir);
    g_free(missing);
    g_free(path);
    g_free(sub);
    g_free(below);
    g_free(file);
    g_free(dir);
}

static void copy(const char *from, const char *to)
{
    gchar *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(from, &data, &len, NULL));
    g_assert_true(g_file_set_contents(to, data, (gssize)len, NULL));
    g_free(data);
}

static void test_missing_font(void)
{
    char *data = tmpdir();
    char *out = tmpdir();
    const char *subdirs[] = {"styles", "fonts"};
    for (size_t i = 0; i < 2; i++) {
        char *d = g_build_filename(data, subdirs[i], NULL);
        g_mkdir(d, 0755);
        g_free(d);
    }
    const char *files[] = {"styles/classic.yaml",           "styles/classic.css",
                           "fonts/LinLibertine_R.otf",      "fonts/LinLibertine_RI.otf",
                           "fonts/LinLibertine_RBI.otf",    "fonts/LinLibertine_M.otf",
                           "fonts/LICENSE-LinLibertine.txt"};
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        char *from = g_build_filename(SOURCE_DIR, files[i], NULL);
        char *to = g_build_filename(data, files[i], NULL);
        copy(from, to);
        g_free(from);
        g_free(to);
    }
    char *old = g_strdup(g_getenv("IMPRINT_DATA_DIR"));
    g_setenv("IMPRINT_DATA_DIR", data, TRUE);
    char *path = g_build_filename(out, "book.epub", NULL);
    imprint_doc *doc = fx_every_kind();
    imprint_edition ed = fx_edition();
    expect_failure(path, doc, &ed, "LinLibertine_RB.otf");
    assert_dir_empty(out);
    /* A font file that is not a font. */
    char *fake = g_build_filename(data, "fonts", "LinLibertine_RB.otf", NULL);
    g_assert_true(g_file_set_contents(fake, "not a font", -1, NULL));
    expect_failure(path, doc, &ed, "LinLibertine_RB.otf");
    assert_dir_empty(out);
    if (old)
        g_setenv("IMPRINT_DATA_DIR", old, TRUE);
    else
        g_unsetenv("IMPRINT_DATA_DIR");
    imprint_doc_free(doc);
    rm_rf(data);
    rm_rf(out);
    g_free(fake);
    g_free(path);
    g_free(old);
    g_free(data);
    g_free(out);
}

/* The identifier the book gets: the edition's, else the UUID v5 of its name
 * (resolved by the build, not invented by the writer). */
static void test_identifier(void)
{
    imprint_edition ed = fx_edition();
    imprint_doc *doc = imprint_doc_new();
    imprint_diags *diags = imprint_diags_new();
    imprint_build_resolved *r = imprint_build_resolve(&ed, doc, SOURCE_DIR, diags);
    g_assert_nonnull(r);
    g_assert_cmpstr(imprint_build_resolved_opts(r)->meta.identifier, ==,
                    "urn:uuid:77d4f92a-a24d-5051-9b8c-171318384d9a");
    g_assert_cmpstr(imprint_build_resolved_opts(r)->meta.language, ==, "en");
    imprint_build_resolved_free(r);
    ed.identifier = "isbn:9780000000000";
    r = imprint_build_resolve(&ed, doc, SOURCE_DIR, diags);
    g_assert_cmpstr(imprint_build_resolved_opts(r)->meta.identifier, ==, "isbn:9780000000000");
    imprint_build_resolved_free(r);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* SOURCE_DATE_EPOCH sets the time of every zip entry and dcterms:modified. */
static void test_source_date_epoch(void)
{
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "book.epub", NULL);
    char *old = g_strdup(g_getenv("SOURCE_DATE_EPOCH"));
    g_setenv("SOURCE_DATE_EPOCH", "1000000000", TRUE); /* 2001-09-09T01:46:40Z */
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(build(path, diags));
    imprint_diags_free(diags);
    int err = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &err);
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); i++) {
        zip_stat_t st;
        zip_stat_index(za, (zip_uint64_t)i, 0, &st);
        /* libzip reads DOS time as local time; compare in the same terms. */
        struct tm tm;
        localtime_r(&st.mtime, &tm);
        g_assert_cmpint(tm.tm_year + 1900, ==, 2001);
        g_assert_cmpint(tm.tm_mon + 1, ==, 9);
        g_assert_cmpint(tm.tm_mday, ==, 9);
        g_assert_cmpint(tm.tm_hour, ==, 1);
        g_assert_cmpint(tm.tm_min, ==, 46);
        g_assert_cmpint(tm.tm_sec, ==, 40);
    }
    zip_close(za);
    book *b = book_read(path);
    xmlDoc *x = entry_xml(b, "OEBPS/content.opf");
    char *s = str(x, "//opf:meta[@property='dcterms:modified']");
    g_assert_cmpstr(s, ==, "2001-09-09T01:46:40Z");
    g_free(s);
    xmlFreeDoc(x);
    book_free(b);
    if (old)
        g_setenv("SOURCE_DATE_EPOCH", old, TRUE);
    else
        g_unsetenv("SOURCE_DATE_EPOCH");
    g_free(old);
    rm_rf(dir);
    g_free(path);
    g_free(dir);
}

/* IMPRINT_EPUB_MAX_NAV_DEPTH: headings of every level nest no deeper. */
/* `doc` written as EPUB `name` in a new folder (`dir`, `path`: g_free()
 * them, rm_rf() the folder), read back. */
static book *written(imprint_doc *doc, const char *name, char **dir, char **path)
{
    *dir = tmpdir();
    *path = g_build_filename(*dir, name, NULL);
    imprint_edition ed = fx_edition();
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(fx_write(imprint_write_epub, doc, &ed, *path, diags));
    imprint_diags_free(diags);
    return book_read(*path);
}

static void test_nav_depth_limit(void)
{
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "Deep";
    imprint_node *a = fx_article(doc, "Deep Article");
    for (int level = 1; level <= 6; level++) {
        imprint_node *h = fx_node(doc, IMPRINT_NODE_HEADING, a);
        h->as.heading.level = level;
        char *t = g_strdup_printf("Level %d", level);
        fx_text(doc, h, t);
        g_free(t);
        fx_para(doc, a, "Text.");
    }
    char *dir, *path;
    book *b = written(doc, "deep.epub", &dir, &path);
    xmlDoc *x = entry_xml(b, "OEBPS/nav.xhtml");
    char *q = g_strdup_printf("//h:nav[@epub:type='toc']/h:ol%s",
                              "/h:li/h:ol/h:li/h:ol/h:li/h:ol/h:li/h:ol/h:li/h:ol/h:li/h:a");
    g_assert_cmpint(count(x, q), ==, 2); /* levels 5 and 6 both at depth 6 */
    g_assert_cmpint(count(x, "//h:nav[@epub:type='toc']/h:ol/h:li/h:ol/h:li/h:ol/h:li/h:ol/"
                             "h:li/h:ol/h:li/h:ol/h:li/h:ol"),
                    ==, 0);
    g_free(q);
    xmlFreeDoc(x);
    x = entry_xml(b, "OEBPS/a001.xhtml");
    g_assert_cmpint(count(x, "//h:h6"), ==, 2); /* levels 5 and 6: HTML stops at h6 */
    xmlFreeDoc(x);
    book_free(b);
    imprint_doc_free(doc);
    rm_rf(dir);
    g_free(path);
    g_free(dir);
}

/* Characters the bundled fonts lack are listed in one warning, as the PDF
 * build lists them; the book is still written. */
static void test_missing_glyphs(void)
{
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "Glyphs";
    imprint_node *a = fx_article(doc, "Glyphs");
    fx_para(doc, a, "Han characters \xE6\xBC\xA2\xE5\xAD\x97 and more \xE6\xBC\xA2.");
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "glyphs.epub", NULL);
    imprint_edition ed = fx_edition();
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(fx_write(imprint_write_epub, doc, &ed, path, diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING,
                                                  "2 characters are not in the bundled fonts"),
                     ==, 1);
    g_assert_cmpuint(
        imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING, "U+5B57 '\xE5\xAD\x97', U+6F22"),
        ==, 1);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    rm_rf(dir);
    g_free(path);
    g_free(dir);
}

/* A file of `size` bytes that starts like a PNG (sparse: no disk used). */
static void fake_png(const char *path, goffset size)
{
    FILE *f = fopen(path, "wb");
    g_assert_nonnull(f);
    fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
    g_assert_cmpint(fseek(f, (long)size - 1, SEEK_SET), ==, 0);
    fputc(0, f);
    fclose(f);
}

/* FIGURE_MAX_BYTES: a bigger image, or a file that is no image, leaves a
 * placeholder box and a warning; the book is still written. */
static void test_figure_limits(void)
{
    char *dir = tmpdir();
    char *big = g_build_filename(dir, "big.png", NULL);
    fake_png(big, 20 * 1024 * 1024 + 1);
    char *fake = g_build_filename(dir, "fake.png", NULL);
    g_assert_true(g_file_set_contents(fake, "not an image", -1, NULL));
    char *src = g_build_filename(dir, "source.txt", NULL);
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "Figures";
    imprint_node *a = fx_article(doc, "Figures");
    a->as.article.source_file = imprint_arena_strdup(doc->arena, src);
    const char *files[] = {"big.png", "fake.png"};
    for (size_t i = 0; i < 2; i++) {
        imprint_node *fig = fx_node(doc, IMPRINT_NODE_FIGURE, a);
        fig->as.figure.src = files[i];
        fig->as.figure.placeholder = files[i];
    }
    char *path = g_build_filename(dir, "figures.epub", NULL);
    imprint_edition ed = fx_edition();
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(fx_write(imprint_write_epub, doc, &ed, path, diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING, "larger than 20 MB"),
                     ==, 1);
    g_assert_cmpuint(
        imprint_diags_count_matching(diags, IMPRINT_SEV_WARNING, "fake.png is not a PNG or JPEG"),
        ==, 1);
    book *b = book_read(path);
    xmlDoc *x = entry_xml(b, "OEBPS/a001.xhtml");
    g_assert_cmpint(count(x, "//h:img"), ==, 0);
    g_assert_cmpint(count(x, "//h:div[@class='figure-placeholder'][contains(.,'big.png')]"), ==, 1);
    g_assert_cmpint(count(x, "//h:div[@class='figure-placeholder'][contains(.,'fake.png')]"), ==,
                    1);
    xmlFreeDoc(x);
    book_free(b);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    rm_rf(dir);
    g_free(path);
    g_free(src);
    g_free(fake);
    g_free(big);
    g_free(dir);
}

/* IMPRINT_BUILD_MAX_IMAGE_BYTES: a cover file over 20 MB is an error, nothing
 * written. */
static void test_cover_limit(void)
{
    char *dir = tmpdir();
    char *cover = g_build_filename(dir, "huge.png", NULL);
    fake_png(cover, IMPRINT_BUILD_MAX_IMAGE_BYTES + 1);
    char *out = g_build_filename(dir, "out", NULL);
    g_mkdir(out, 0755);
    char *path = g_build_filename(out, "book.epub", NULL);
    imprint_doc *doc = fx_every_kind();
    imprint_edition ed = fx_edition();
    ed.dir = dir; /* the cover is inside the edition's folder */
    ed.cover = cover;
    expect_failure(path, doc, &ed, "is larger than 20 MB");
    assert_dir_empty(out);
    imprint_doc_free(doc);
    rm_rf(dir);
    g_free(path);
    g_free(out);
    g_free(cover);
    g_free(dir);
}

/* COVER_TITLE_MAX_HEIGHT: a very long title is set smaller, not cut. */
static void test_cover_long_title(void)
{
    imprint_meta meta = {0};
    GString *title = g_string_new(NULL);
    for (int i = 0; i < 40; i++)
        g_string_append(title, "Moscow Trials ");
    meta.title = title->str;
    meta.editor = "Editors";
    imprint_diags *diags = imprint_diags_new();
    imprint_style *st = imprint_style_load(SOURCE_DIR, "classic", diags);
    GBytes *png = imprint_cover_render(&meta, st, SOURCE_DIR, diags);
    g_assert_nonnull(png);
    png_reader r = {g_bytes_get_data(png, NULL), g_bytes_get_size(png), 0};
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(png_read, &r);
    g_assert_cmpint(cairo_image_surface_get_width(img), ==, IMPRINT_COVER_WIDTH);
    g_assert_cmpint(cairo_image_surface_get_height(img), ==, IMPRINT_COVER_HEIGHT);
    /* The title stays above the editor's line at the foot. */
    const guint8 *px = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    size_t lit = 0;
    for (int y = 640; y < 640 + 1100; y++)
        for (int x = 160; x < 1440; x++)
            lit += (*(const guint32 *)(px + y * stride + x * 4) & 0xffffff) == 0xf3ede2;
    g_assert_cmpuint(lit, >, 10000);
    /* ... and clear of the subtitle's and editor's space below it. */
    size_t below = 0;
    for (int y = 640 + 1100 + 20; y < 2560 - 400; y++)
        for (int x = 160; x < 1440; x++)
            below += (*(const guint32 *)(px + y * stride + x * 4) & 0xffffff) != 0x1f2a44;
    g_assert_cmpuint(below, <, 1600 * 10); /* the rule under the title, nothing more */
    cairo_surface_destroy(img);
    g_bytes_unref(png);
    imprint_style_free(st);
    imprint_diags_free(diags);
    g_string_free(title, TRUE);
}

/* Drawing the cover leaves fontconfig's default configuration empty (no
 * fonts.conf read, no system font listed: Pango's start-up thread then
 * loads nothing), and a second cover is the same bytes as the first. */
static void test_cover_no_system_fonts(void)
{
    imprint_meta meta = {.title = "The Moscow Trials", .editor = "Archive editors"};
    imprint_diags *diags = imprint_diags_new();
    imprint_style *st = imprint_style_load(SOURCE_DIR, "classic", diags);
    GBytes *a = imprint_cover_render(&meta, st, SOURCE_DIR, diags);
    g_assert_nonnull(a);
    FcFontSet *sys = FcConfigGetFonts(NULL, FcSetSystem);
    g_assert_true(sys == NULL || sys->nfont == 0);
    GBytes *b = imprint_cover_render(&meta, st, SOURCE_DIR, diags);
    g_assert_true(g_bytes_equal(a, b));
    g_bytes_unref(a);
    g_bytes_unref(b);
    imprint_style_free(st);
    imprint_diags_free(diags);
}

/* Text is escaped (& < > " only) and every code point above the space is
 * kept for the fonts, plain ASCII included (noted apart, added when the set
 * is read); attribute text (no book) is escaped and kept for nothing. */
static void test_text_code_points(void)
{
    GString *all = g_string_new(NULL);
    for (int c = 0x20; c < 0x7f; c++)
        g_string_append_c(all, (char)c);
    g_string_append(all, "\xc3\xa9\xe2\x80\x99\x01");
    imprint_epub e = {0};
    e.unicodes = hb_set_create();
    GString *out = g_string_new(NULL);
    imprint_epub_text(&e, out, all->str);
    g_assert_cmpstr(out->str, ==,
                    " !&quot;#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\xc3\xa9\xe2\x80\x99\xe2\x90\x81");
    hb_set_t *set = imprint_epub_unicodes(&e);
    g_assert_cmpuint(hb_set_get_population(set), ==, 0x7e - 0x20 + 3);
    for (hb_codepoint_t c = 0x21; c < 0x7f; c++)
        g_assert_true(hb_set_has(set, c));
    g_assert_false(hb_set_has(set, ' '));
    g_assert_true(hb_set_has(set, 0xe9));
    g_assert_true(hb_set_has(set, 0x2019));
    g_assert_true(hb_set_has(set, 0x2401));

    hb_set_clear(e.unicodes);
    memset(e.seen, 0, sizeof e.seen);
    g_string_truncate(out, 0);
    imprint_epub_text(NULL, out, "Attr <x> & y");
    g_assert_cmpstr(out->str, ==, "Attr &lt;x&gt; &amp; y");
    g_assert_cmpuint(hb_set_get_population(imprint_epub_unicodes(&e)), ==, 0);
    hb_set_destroy(e.unicodes);
    g_string_free(out, TRUE);
    g_string_free(all, TRUE);
}

/* The CSS follows the style's numbers, sizes relative to the body's. */
static void test_css(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_style *st = imprint_style_load(SOURCE_DIR, "classic", diags);
    g_assert_nonnull(st);
    st->body_size = 10;
    st->heading_size[0] = 15;
    st->title_size = 20;
    st->line_height = 1.4;
    st->indent_em = 2;
    st->note_size = 8;
    GString *css = g_string_new(NULL);
    imprint_epub_css(st, css);
    const char *expect[] = {"font-family: \"Linux Libertine O\", serif;",
                            "line-height: 1.4;",
                            "p + p {\n  text-indent: 2em;",
                            "h1 {\n  font-size: 2em;",
                            "h2 {\n  font-size: 1.5em;",
                            ".footnotes {\n  font-size: 0.8em;",
                            "font-style: italic;\n  src: url(\"../fonts/LinLibertine_RI.otf\");",
                            ("font-weight: bold;\n  font-style: italic;\n  src: "
                             "url(\"../fonts/LinLibertine_RBI.otf\");")};
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++)
        if (!strstr(css->str, expect[i]))
            g_error("CSS lacks \"%s\":\n%s", expect[i], css->str);
    g_string_free(css, TRUE);
    imprint_style_free(st);
    imprint_diags_free(diags);
}

/* The element `href` (FILE#ID, or #ID in `from`) points to: 1 when it is
 * there and `has` (an XPath predicate) holds for it. */
static int target_is(book *b, const char *from, const char *href, const char *has)
{
    const char *hash = strchr(href, '#');
    char *file =
        hash == href ? g_strdup(from) : g_strdup_printf("OEBPS/%.*s", (int)(hash - href), href);
    xmlDoc *x = entry_xml(b, file);
    char *q = g_strdup_printf("//*[@id='%s']%s", hash + 1, has);
    int n = count(x, q);
    g_free(q);
    xmlFreeDoc(x);
    g_free(file);
    return n;
}

/* IMPRINT_EPUB_PART_TEXT_BYTES: an article with so much text is one file;
 * with one byte more, one file per chapter, each note after its first
 * reference in the same file, and links between files where a note's
 * references are in two. */
static void test_long_article_parts(void)
{
    for (size_t text = IMPRINT_EPUB_PART_TEXT_BYTES; text <= IMPRINT_EPUB_PART_TEXT_BYTES + 1;
         text++) {
        bool split = text > IMPRINT_EPUB_PART_TEXT_BYTES;
        imprint_doc *doc = fx_long_article(text);
        char *dir, *path;
        book *b = written(doc, "long.epub", &dir, &path);
        g_assert_cmpint(g_hash_table_contains(b->entries, "OEBPS/a001-2.xhtml"), ==, split);
        if (!split) {
            xmlDoc *x = entry_xml(b, "OEBPS/a001.xhtml");
            check_notes(x);
            g_assert_cmpint(count(x, "//h:aside[@epub:type='footnote']"), ==, 2);
            xmlFreeDoc(x);
        } else {
            /* the opening with what comes before the first chapter, then one
             * file per chapter; the level-2 heading opens none */
            g_assert_true(g_hash_table_contains(b->entries, "OEBPS/a001-4.xhtml"));
            g_assert_false(g_hash_table_contains(b->entries, "OEBPS/a001-5.xhtml"));
            xmlDoc *two = entry_xml(b, "OEBPS/a001-3.xhtml");
            g_assert_cmpint(count(two, "//h:aside[@id='n1'] | //h:aside[@id='n2']"), ==, 2);
            char *back = str(two, "//h:aside[@id='n1']//h:a[@class='backlink-more']/@href");
            g_assert_cmpstr(back, ==, "a001-4.xhtml#r1-2");
            g_assert_cmpint(target_is(b, "OEBPS/a001-3.xhtml", back, "[@epub:type='noteref']"), ==,
                            1);
            g_free(back);
            xmlFreeDoc(two);
            xmlDoc *three = entry_xml(b, "OEBPS/a001-4.xhtml");
            char *ref = str(three, "//h:a[@epub:type='noteref']/@href");
            g_assert_cmpstr(ref, ==, "a001-3.xhtml#n1");
            g_assert_cmpint(target_is(b, "OEBPS/a001-4.xhtml", ref, "[@epub:type='footnote']"), ==,
                            1);
            g_free(ref);
            /* the note nothing refers to is in the last file */
            g_assert_cmpint(count(three, "//h:div[@class='note-unreferenced'][@id='n3']"), ==, 1);
            xmlFreeDoc(three);
            xmlDoc *nav = entry_xml(b, "OEBPS/nav.xhtml");
            g_assert_cmpint(count(nav, "//h:a[@href='a001-2.xhtml#h1']"), ==, 1);
            g_assert_cmpint(count(nav, "//h:a[@href='a001-4.xhtml#h4']"), ==, 1);
            xmlFreeDoc(nav);
            epubcheck_queue_book(path);
        }
        book_free(b);
        imprint_doc_free(doc);
        rm_rf(dir);
        g_free(path);
        g_free(dir);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/epub/container", test_container);
    g_test_add_func("/epub/reproducible", test_reproducible);
    g_test_add_func("/epub/notes", test_notes);
    g_test_add_func("/epub/blocks", test_blocks);
    g_test_add_func("/epub/nav", test_nav);
    g_test_add_func("/epub/package", test_package);
    g_test_add_func("/epub/colophon", test_colophon);
    g_test_add_func("/epub/cover", test_cover);
    g_test_add_func("/epub/fonts", test_fonts);
    g_test_add_func("/epub/fixture-has-no-q", test_fixture_has_no_q);
    g_test_add_func("/epub/epubcheck", test_epubcheck);
    g_test_add_func("/epub/calibre", test_calibre);
    g_test_add_func("/epub/bad-cover", test_bad_cover);
    g_test_add_func("/epub/unwritable", test_unwritable);
    g_test_add_func("/epub/missing-font", test_missing_font);
    g_test_add_func("/epub/identifier", test_identifier);
    g_test_add_func("/epub/source-date-epoch", test_source_date_epoch);
    g_test_add_func("/epub/nav-depth-limit", test_nav_depth_limit);
    g_test_add_func("/epub/missing-glyphs", test_missing_glyphs);
    g_test_add_func("/epub/figure-limits", test_figure_limits);
    g_test_add_func("/epub/cover-limit", test_cover_limit);
    g_test_add_func("/epub/cover-long-title", test_cover_long_title);
    g_test_add_func("/epub/cover-no-system-fonts", test_cover_no_system_fonts);
    g_test_add_func("/epub/text-code-points", test_text_code_points);
    g_test_add_func("/epub/css", test_css);
    g_test_add_func("/epub/long-article-parts", test_long_article_parts);
    g_test_add_func("/epub/epubcheck-queued", epubcheck_queued); /* (last) */
    int rc = g_test_run();
    if (shared) {
        book_free(shared);
        rm_rf(shared_dir);
        g_free(shared_path);
        g_free(shared_dir);
    }
    /* Cairo and fontconfig keep caches for the life of the process; empty
     * them so that leak checkers see only real leaks. */
    cairo_debug_reset_static_data();
    FcFini();
    return rc;
}
