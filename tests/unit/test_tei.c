/* TEI writer and reader: validity against TEI Lite, the mapping of every
 * block and inline, the round trip, and what the reader does with bad or
 * hand-edited files. */
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "imprint/format.h"
#include "imprint/model.h"
#include "imprint/reader.h"
#include "imprint/writer.h"

#define SCHEMA       SOURCE_DIR "/schemas/tei_lite.rng"
#define TEI_FIXTURES FIXTURES_DIR "/tei"

/* ---- building models by hand ---- */

static imprint_pos P(unsigned line)
{
    return (imprint_pos){"hand.txt", line, 1};
}

static imprint_node *node(imprint_doc *doc, imprint_node *parent, imprint_node_kind kind,
                          unsigned line)
{
    imprint_node *n = imprint_node_new(doc, kind, P(line));
    if (parent)
        g_assert_true(imprint_node_append(parent, n));
    return n;
}

static imprint_node *text(imprint_doc *doc, imprint_node *parent, const char *s)
{
    imprint_node *n = imprint_node_new_text(doc, parent->pos, s, strlen(s));
    g_assert_true(imprint_node_append(parent, n));
    return n;
}

static imprint_node *para(imprint_doc *doc, imprint_node *parent, const char *s, unsigned line)
{
    imprint_node *p = node(doc, parent, IMPRINT_NODE_PARAGRAPH, line);
    text(doc, p, s);
    return p;
}

static imprint_node *noteref(imprint_doc *doc, imprint_node *parent, imprint_node *note, int number)
{
    imprint_node *r = node(doc, parent, IMPRINT_NODE_NOTEREF, parent->pos.line);
    r->as.noteref.number = number;
    if (note)
        imprint_note_add_ref(note, r);
    return r;
}

static imprint_node *new_note(imprint_doc *doc, imprint_node *art, unsigned line)
{
    imprint_node *n = imprint_node_new(doc, IMPRINT_NODE_NOTE, P(line));
    imprint_article_append_note(art, n);
    return n;
}

/* An edition with every block and inline kind, every way a note can be
 * referenced, and an untitled article. */
static imprint_doc *build_everything(void)
{
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "The Moscow Trials";
    doc->meta.subtitle = "Contending accounts";
    doc->meta.editor = "Archive editors";
    doc->meta.language = "en";
    doc->meta.identifier = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    doc->meta.date = "2026-11-21";
    doc->meta.publisher = "Imprint Press";
    doc->meta.rights = "CC BY-SA 4.0";
    doc->meta.description = "Articles <and> \"quotes\" & more";

    /* Article 1: titled, with everything. */
    imprint_node *a = node(doc, doc->root, IMPRINT_NODE_ARTICLE, 1);
    a->as.article.title = "Analyzing the Moscow Trials";
    a->as.article.subtitle = "A second look";
    static const char *authors[] = {"Ann Author", "Bob Writer", NULL};
    a->as.article.authors = authors;
    a->as.article.date = "1937-01-30";
    a->as.article.source_file = "sources/001.txt";
    a->as.article.source_line = 12;
    a->as.article.source_url = "https://example.org/trials?a=1&b=2";
    a->as.article.lang = "en-GB";

    imprint_node *n1 = new_note(doc, a, 90); /* multi-paragraph, referenced twice */
    para(doc, n1, "First paragraph of note one.", 90);
    para(doc, n1, "Second paragraph of note one.", 91);
    imprint_node *n2 = new_note(doc, a, 92); /* referenced from inside note 3 */
    para(doc, n2, "Note two, referenced from a note.", 92);
    imprint_node *n3 = new_note(doc, a, 93);
    imprint_node *n3p = para(doc, n3, "Note three points to ", 93);
    noteref(doc, n3p, n2, 2);
    imprint_node *n4 = new_note(doc, a, 94); /* nobody refers to it */
    para(doc, n4, "Unreferenced note four.", 94);
    n4->as.note.label = "4a";

    imprint_node *p = node(doc, a, IMPRINT_NODE_PARAGRAPH, 3);
    text(doc, p, "Plain ");
    text(doc, node(doc, p, IMPRINT_NODE_EMPH, 3), "italic");
    text(doc, p, " and ");
    imprint_node *strong = node(doc, p, IMPRINT_NODE_STRONG, 3);
    text(doc, strong, "bold with ");
    text(doc, node(doc, strong, IMPRINT_NODE_SMALLCAPS, 3), "small caps");
    text(doc, p, ", H");
    text(doc, node(doc, p, IMPRINT_NODE_SUB, 3), "2");
    text(doc, p, "O, x");
    text(doc, node(doc, p, IMPRINT_NODE_SUP, 3), "2");
    text(doc, p, " <&> \"q\" ");
    imprint_node *link = node(doc, p, IMPRINT_NODE_LINK, 3);
    link->as.link.url = "https://marxists.org/a?b=1&c=2";
    text(doc, link, "a link");
    node(doc, p, IMPRINT_NODE_LINEBREAK, 3);
    text(doc, p, "after the break");
    noteref(doc, p, n1, 1);
    text(doc, p, " and a dangling marker");
    noteref(doc, p, NULL, 7);
    text(doc, p, ".");

    imprint_node *h1 = node(doc, a, IMPRINT_NODE_HEADING, 5);
    h1->as.heading.level = 1;
    text(doc, h1, "First section");
    imprint_node *p2 = para(doc, a, "Second mention of note one", 6);
    noteref(doc, p2, n1, 1);
    text(doc, p2, " and note three");
    noteref(doc, p2, n3, 3);

    imprint_node *q = node(doc, a, IMPRINT_NODE_QUOTE, 8);
    para(doc, q, "\u201cThe quoted words.\u201d", 8);
    imprint_node *cit = node(doc, q, IMPRINT_NODE_CITATION, 9);
    text(doc, cit, "(Marx, Ibid.)");

    imprint_node *h3 = node(doc, a, IMPRINT_NODE_HEADING, 11); /* skips level 2 */
    h3->as.heading.level = 3;
    text(doc, h3, "Deep section");

    imprint_node *list = node(doc, a, IMPRINT_NODE_LIST, 12);
    list->as.list.style = IMPRINT_LIST_DECIMAL;
    list->as.list.start = 3;
    imprint_node *item = node(doc, list, IMPRINT_NODE_ITEM, 12);
    para(doc, item, "Item three", 12);
    item = node(doc, list, IMPRINT_NODE_ITEM, 13);
    para(doc, item, "Item four holds a quote:", 13);
    imprint_node *iq = node(doc, item, IMPRINT_NODE_QUOTE, 14);
    para(doc, iq, "Nested quote in a list.", 14);
    imprint_node *sub = node(doc, item, IMPRINT_NODE_LIST, 15);
    sub->as.list.style = IMPRINT_LIST_ALPHA;
    sub->as.list.start = 1;
    para(doc, node(doc, sub, IMPRINT_NODE_ITEM, 15), "Lettered a", 15);
    para(doc, node(doc, sub, IMPRINT_NODE_ITEM, 16), "Lettered b", 16);

    imprint_node *cast = node(doc, a, IMPRINT_NODE_LIST, 17);
    cast->as.list.style = IMPRINT_LIST_PLAIN;
    cast->as.list.start = 1;
    para(doc, node(doc, cast, IMPRINT_NODE_ITEM, 17), "RADEK, a defendant", 17);
    imprint_node *h2 = node(doc, a, IMPRINT_NODE_HEADING, 18);
    h2->as.heading.level = 2;
    text(doc, h2, "Sources");
    text(doc, node(doc, a, IMPRINT_NODE_OPENER, 18), "Dear reader,");
    imprint_node *bib = node(doc, a, IMPRINT_NODE_LIST, 19);
    bib->as.list.style = IMPRINT_LIST_BULLET;
    bib->as.list.start = 1;
    bib->as.list.bibliography = true;
    imprint_node *bp = node(doc, node(doc, bib, IMPRINT_NODE_ITEM, 19), IMPRINT_NODE_PARAGRAPH, 19);
    imprint_node *bl = node(doc, bp, IMPRINT_NODE_LINK, 19);
    bl->as.link.url = "https://example.org/source";
    text(doc, bl, "https://example.org/source");

    imprint_node *verse = node(doc, a, IMPRINT_NODE_VERSE, 21);
    text(doc, node(doc, verse, IMPRINT_NODE_LINE, 21), "Arise, ye workers");
    text(doc, node(doc, verse, IMPRINT_NODE_LINE, 22), "from your slumbers");

    imprint_node *sp = node(doc, a, IMPRINT_NODE_SPEECH, 24);
    sp->as.speech.speaker = "VYSHINSKY";
    para(doc, sp, "Did you meet him?", 24);
    imprint_node *spt = node(doc, sp, IMPRINT_NODE_TABLE, 25); /* sp cannot hold table */
    text(doc, node(doc, node(doc, spt, IMPRINT_NODE_ROW, 25), IMPRINT_NODE_CELL, 25), "in sp");
    /* every other block in a speech, each wrapped as TEI Lite requires */
    imprint_node *sph = node(doc, sp, IMPRINT_NODE_HEADING, 25);
    sph->as.heading.level = 1;
    text(doc, sph, "Heading in a speech");
    text(doc, node(doc, sp, IMPRINT_NODE_BIBL, 25), "Bibl in a speech");
    node(doc, sp, IMPRINT_NODE_BREAK, 25);
    node(doc, sp, IMPRINT_NODE_FIGURE, 25)->as.figure.placeholder = "figure in a speech";
    para(doc, node(doc, sp, IMPRINT_NODE_QUOTE, 25), "Quote in a speech", 25);
    imprint_node *spl = node(doc, sp, IMPRINT_NODE_LIST, 25);
    spl->as.list.start = 1;
    para(doc, node(doc, spl, IMPRINT_NODE_ITEM, 25), "List in a speech", 25);
    text(doc, node(doc, node(doc, sp, IMPRINT_NODE_VERSE, 25), IMPRINT_NODE_LINE, 25),
         "Verse in a speech");
    imprint_node *inner = node(doc, sp, IMPRINT_NODE_SPEECH, 26);
    inner->as.speech.speaker = "RADEK";
    para(doc, inner, "Nested speech.", 26);

    imprint_node *table = node(doc, a, IMPRINT_NODE_TABLE, 28);
    imprint_node *row = node(doc, table, IMPRINT_NODE_ROW, 28);
    row->as.row.header = true;
    text(doc, node(doc, row, IMPRINT_NODE_CELL, 28), "Name");
    text(doc, node(doc, row, IMPRINT_NODE_CELL, 28), "Year");
    row = node(doc, table, IMPRINT_NODE_ROW, 29);
    text(doc, node(doc, row, IMPRINT_NODE_CELL, 29), "Radek");
    text(doc, node(doc, row, IMPRINT_NODE_CELL, 29), "1937");

    imprint_node *fig = node(doc, a, IMPRINT_NODE_FIGURE, 31);
    fig->as.figure.src = "trotfash.jpg";
    fig->as.figure.placeholder = "trotfash.jpg";
    text(doc, fig, "A caption");
    imprint_node *fig2 = node(doc, a, IMPRINT_NODE_FIGURE, 32);
    fig2->as.figure.placeholder = "trotsky pic";

    node(doc, a, IMPRINT_NODE_BREAK, 33);
    text(doc, node(doc, a, IMPRINT_NODE_BIBL, 34), "Getty & Naumov, The Road to Terror, p. 129");
    text(doc, node(doc, a, IMPRINT_NODE_SIDENOTE, 35), "The trials summed up");
    /* a closer that text follows, and one in a speech: no <closer> there */
    text(doc, node(doc, a, IMPRINT_NODE_CLOSER, 35), "Moscow, 1937.");
    text(doc, node(doc, sp, IMPRINT_NODE_CLOSER, 25), "Closer in a speech");
    text(doc, node(doc, sp, IMPRINT_NODE_OPENER, 25), "Opener in a speech");

    /* A heading where no div is allowed (inside a quote). */
    imprint_node *hq = node(doc, a, IMPRINT_NODE_QUOTE, 36);
    imprint_node *hqh = node(doc, hq, IMPRINT_NODE_HEADING, 36);
    hqh->as.heading.level = 2;
    text(doc, hqh, "Heading in a quote");
    para(doc, hq, "Quoted text after it.", 37);
    /* the article's closing, at the bottom of its div */
    imprint_node *closer = node(doc, a, IMPRINT_NODE_CLOSER, 38);
    text(doc, closer, "Yours,");
    node(doc, closer, IMPRINT_NODE_LINEBREAK, 39);
    text(doc, closer, "L. T.");

    /* Article 2: untitled, one unreferenced note, empty containers. */
    imprint_node *b = node(doc, doc->root, IMPRINT_NODE_ARTICLE, 50);
    b->as.article.source_file = "sources/003.txt";
    b->as.article.source_line = 50;
    para(doc, b, "An untitled article.", 51);
    imprint_node *empty_sp = node(doc, b, IMPRINT_NODE_SPEECH, 52);
    empty_sp->as.speech.speaker = "NOBODY";
    imprint_node *bn = new_note(doc, b, 60);
    para(doc, bn, "Only note of the untitled article.", 60);
    return doc;
}

/* ---- helpers ---- */

static xmlDocPtr parse(const char *tei)
{
    xmlDocPtr x = xmlReadMemory(tei, (int)strlen(tei), "test.xml", NULL, XML_PARSE_NONET);
    g_assert_nonnull(x);
    return x;
}

static void assert_valid(const char *tei)
{
    static xmlRelaxNGPtr schema;
    if (!schema) {
        xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(SCHEMA);
        schema = xmlRelaxNGParse(pc);
        xmlRelaxNGFreeParserCtxt(pc);
        g_assert_nonnull(schema);
    }
    xmlDocPtr x = parse(tei);
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    int rc = xmlRelaxNGValidateDoc(vc, x);
    if (rc != 0)
        g_printerr("%s\n", tei);
    g_assert_cmpint(rc, ==, 0);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlFreeDoc(x);
}

/* Number of nodes matching `expr` (prefix t: is TEI). */
static int xpath_count(const char *tei, const char *expr)
{
    xmlDocPtr x = parse(tei);
    xmlXPathContextPtr ctx = xmlXPathNewContext(x);
    xmlXPathRegisterNs(ctx, BAD_CAST "t", BAD_CAST "http://www.tei-c.org/ns/1.0");
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    g_assert_nonnull(res);
    int n = res->nodesetval ? res->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(x);
    return n;
}

/* String value of `expr`. Caller frees. */
static char *xpath_string(const char *tei, const char *expr)
{
    xmlDocPtr x = parse(tei);
    xmlXPathContextPtr ctx = xmlXPathNewContext(x);
    xmlXPathRegisterNs(ctx, BAD_CAST "t", BAD_CAST "http://www.tei-c.org/ns/1.0");
    char *wrapped = g_strdup_printf("string(%s)", expr);
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST wrapped, ctx);
    g_assert_nonnull(res);
    char *out = g_strdup((const char *)res->stringval);
    g_free(wrapped);
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(x);
    return out;
}

#define ASSERT_XPATH(tei, expr, n) g_assert_cmpint(xpath_count((tei), (expr)), ==, (n))

static void assert_xpath_str(const char *tei, const char *expr, const char *want)
{
    char *got = xpath_string(tei, expr);
    g_assert_cmpstr(got, ==, want);
    g_free(got);
}

static char *write_tei(const imprint_doc *doc)
{
    GString *out = g_string_new(NULL);
    g_assert_true(imprint_write_tei_string(doc, &doc->meta, out));
    return g_string_free(out, FALSE);
}

static imprint_doc *read_tei(const char *tei, imprint_diags *diags, int *count)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEI};
    *count = imprint_read_tei(doc, "round.xml", tei, strlen(tei), &opts, diags);
    return doc;
}

static char *read_file(const char *name, size_t *len)
{
    char *path = g_build_filename(TEI_FIXTURES, name, NULL);
    char *data = NULL;
    g_assert_true(g_file_get_contents(path, &data, len, NULL));
    g_free(path);
    return data;
}

/* Reads fixture `name`; returns the result of the reader. */
static int read_fixture(const char *name, imprint_doc **doc_out, imprint_diags *diags)
{
    size_t len;
    char *data = read_file(name, &len);
    imprint_doc *doc = imprint_doc_new();
    imprint_read_opts opts = {.dialect = IMPRINT_DIALECT_TEI};
    int n = imprint_read_tei(doc, name, data, len, &opts, diags);
    g_free(data);
    if (doc_out)
        *doc_out = doc;
    else
        imprint_doc_free(doc);
    return n;
}

static bool has_diag(imprint_diags *diags, imprint_severity sev, unsigned line, const char *needle)
{
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        const imprint_diag *d = imprint_diags_get(diags, i);
        if (d->severity == sev && (line == 0 || d->line == line) && strstr(d->message, needle))
            return true;
    }
    return false;
}

static void print_diags(imprint_diags *diags)
{
    imprint_diags_print(diags, stderr, false);
}

/* ---- tests ---- */

static void test_everything_valid(void)
{
    imprint_doc *doc = build_everything();
    GString *problems = g_string_new(NULL);
    g_assert_true(imprint_doc_check(doc, problems));
    g_string_free(problems, TRUE);
    char *tei = write_tei(doc);
    assert_valid(tei);
    g_free(tei);
    imprint_doc_free(doc);
}

static void test_everything_mapping(void)
{
    imprint_doc *doc = build_everything();
    char *tei = write_tei(doc);
    const char *A1 = "/t:TEI/t:text/t:body/t:div[1]";

    /* header */
    assert_xpath_str(tei, "/t:TEI/@xml:lang", "en");
    assert_xpath_str(tei, "//t:titleStmt/t:title[not(@type)]", "The Moscow Trials");
    assert_xpath_str(tei, "//t:titleStmt/t:title[@type='sub']", "Contending accounts");
    assert_xpath_str(tei, "//t:titleStmt/t:editor", "Archive editors");
    assert_xpath_str(tei, "//t:publicationStmt/t:publisher", "Imprint Press");
    assert_xpath_str(tei, "//t:publicationStmt/t:idno",
                     "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    assert_xpath_str(tei, "//t:availability/t:licence", "CC BY-SA 4.0");
    assert_xpath_str(tei, "//t:notesStmt/t:note[@type='description']",
                     "Articles <and> \"quotes\" & more");
    assert_xpath_str(tei, "//t:sourceDesc/t:bibl[@xml:id='a1-src']/t:idno[@type='file']",
                     "sources/001.txt");
    assert_xpath_str(tei, "//t:sourceDesc/t:bibl[@xml:id='a1-src']/t:biblScope[@unit='line']",
                     "12");
    assert_xpath_str(tei, "//t:sourceDesc/t:bibl[@xml:id='a1-src']/t:ref/@target",
                     "https://example.org/trials?a=1&b=2");

    /* article: its head is the first child; metadata after it */
    char *e = g_strdup_printf("%s[@type='article' and @xml:id='a1' and @source='#a1-src' and "
                              "@xml:lang='en-GB']",
                              A1);
    ASSERT_XPATH(tei, e, 1);
    g_free(e);
    e = g_strdup_printf("%s/*[1][self::t:head and not(@type)]", A1);
    assert_xpath_str(tei, e, "Analyzing the Moscow Trials");
    g_free(e);
    e = g_strdup_printf("%s/t:head[@type='sub']", A1);
    assert_xpath_str(tei, e, "A second look");
    g_free(e);
    e = g_strdup_printf("count(%s/t:byline/t:docAuthor)", A1);
    assert_xpath_str(tei, e, "2");
    g_free(e);
    e = g_strdup_printf("%s/t:docDate", A1);
    assert_xpath_str(tei, e, "1937-01-30");
    g_free(e);

    /* inlines */
    ASSERT_XPATH(tei, "//t:p/t:hi[@rend='italic' and .='italic']", 1);
    ASSERT_XPATH(tei, "//t:p/t:hi[@rend='bold']/t:hi[@rend='smallcaps' and .='small caps']", 1);
    ASSERT_XPATH(tei, "//t:hi[@rend='sub' and .='2']", 1);
    ASSERT_XPATH(tei, "//t:hi[@rend='sup' and .='2']", 1);
    ASSERT_XPATH(tei, "//t:ref[@target='https://marxists.org/a?b=1&c=2' and .='a link']", 1);
    ASSERT_XPATH(tei, "//t:p/t:lb", 1);

    /* notes: at the first reference, later references point back */
    ASSERT_XPATH(tei, "//t:p/t:note[@place='foot' and @n='1' and @xml:id='a1-n1']", 1);
    ASSERT_XPATH(tei, "//t:note[@xml:id='a1-n1']/t:p", 2);
    ASSERT_XPATH(tei, "//t:note[@xml:id='a1-n1']/preceding-sibling::t:lb", 1);
    ASSERT_XPATH(tei, "//t:ptr[@type='noteref' and @target='#a1-n1' and @n='1']", 1);
    /* note 3 first referenced in the first section; note 2 inside note 3 */
    ASSERT_XPATH(tei, "//t:div[@type='section']/t:p/t:note[@xml:id='a1-n3']", 1);
    ASSERT_XPATH(tei, "//t:note[@xml:id='a1-n3']/t:p/t:note[@xml:id='a1-n2']", 1);
    /* the unreferenced note at the article's end, with its own label */
    e = g_strdup_printf("%s/*[last()][self::t:note and @n='4a' and @xml:id='a1-n4']", A1);
    ASSERT_XPATH(tei, e, 1);
    g_free(e);
    ASSERT_XPATH(tei, "//t:ref[@type='noteref' and @n='7' and not(@target)]", 1);

    /* headings: nested sections; a skipped level is written out */
    e = g_strdup_printf("%s/t:div[@type='section' and not(@subtype)]/t:head", A1);
    assert_xpath_str(tei, e, "First section");
    g_free(e);
    e = g_strdup_printf("%s/t:div/t:div[@type='section' and @subtype='level3']/t:head", A1);
    assert_xpath_str(tei, e, "Deep section");
    g_free(e);
    e = g_strdup_printf("%s/t:div/t:div[not(@subtype)]/t:head", A1);
    assert_xpath_str(tei, e, "Sources");
    g_free(e);
    ASSERT_XPATH(tei, "//t:cit/t:q/t:label[@type='heading' and @subtype='level2']", 1);

    /* blocks */
    ASSERT_XPATH(tei, "//t:cit[t:q/t:p and t:bibl='(Marx, Ibid.)']", 1);
    ASSERT_XPATH(tei, "//t:list[@rend='numbered']/t:item[@n='3']", 1);
    ASSERT_XPATH(tei, "//t:list[@rend='numbered']/t:item[@n='4']/t:cit/t:q/t:p", 1);
    ASSERT_XPATH(tei, "//t:item/t:list[@rend='lettered']/t:item[@n='b']", 1);
    ASSERT_XPATH(tei, "//t:list[@rend='plain']/t:item[not(@n)]/t:p[.='RADEK, a defendant']", 1);
    ASSERT_XPATH(tei, "//t:list[@type='bibliography' and @rend='bulleted']/t:item/t:p/t:ref", 1);
    ASSERT_XPATH(tei, "//t:div/t:lg/t:l", 2);
    ASSERT_XPATH(tei, "//t:sp[t:speaker='VYSHINSKY']/t:p", 8);
    ASSERT_XPATH(tei, "//t:sp/t:p/t:table/t:row/t:cell[.='in sp']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:cit[@type='wrap']/t:q/t:sp[t:speaker='RADEK']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:p/t:label[@type='heading' and .='Heading in a speech']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:p/t:bibl[.='Bibl in a speech']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:p/t:milestone", 1);
    ASSERT_XPATH(tei, "//t:sp/t:p/t:figure[t:figDesc='figure in a speech']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:cit[not(@type)]/t:q/t:p[.='Quote in a speech']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:list/t:item/t:p[.='List in a speech']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:lg/t:l[.='Verse in a speech']", 1);
    ASSERT_XPATH(tei, "//t:table/t:row", 3);
    /* the header row, and only it, is a row of labels */
    ASSERT_XPATH(tei, "//t:table/t:row[@role]", 1);
    ASSERT_XPATH(tei, "//t:table/t:row[1][@role='label']/t:cell[1][.='Name']", 1);
    ASSERT_XPATH(tei,
                 "//t:figure[t:head='A caption' and t:graphic/@url='trotfash.jpg' and "
                 "t:figDesc='trotfash.jpg']",
                 1);
    ASSERT_XPATH(tei, "//t:figure[not(t:graphic) and t:figDesc='trotsky pic']", 1);
    ASSERT_XPATH(tei, "//t:div/t:milestone[@unit='section']", 1);
    ASSERT_XPATH(tei, "//t:div/t:bibl[.='Getty & Naumov, The Road to Terror, p. 129']", 1);
    ASSERT_XPATH(tei, "//t:div/t:note[@place='margin'][.='The trials summed up']", 1);
    ASSERT_XPATH(tei, "//t:div/t:note[@place='margin'][@xml:id or @n]", 0);
    ASSERT_XPATH(tei, "//t:div/t:closer[.='Yours,L. T.']/t:lb", 1);
    ASSERT_XPATH(tei, "//t:closer/following-sibling::*[not(self::t:note)]", 0);
    ASSERT_XPATH(tei, "//t:div/t:p[@rend='closer'][.='Moscow, 1937.']", 1);
    ASSERT_XPATH(tei, "//t:sp/t:p[@rend='closer'][.='Closer in a speech']", 1);
    ASSERT_XPATH(tei, "//t:div[t:head='Sources']/t:opener[.='Dear reader,']", 1);
    ASSERT_XPATH(tei, "//t:opener/preceding-sibling::*[not(self::t:head or self::t:opener)]", 0);
    ASSERT_XPATH(tei, "//t:sp/t:p[@rend='opener'][.='Opener in a speech']", 1);

    /* the untitled article: no head; its note at its end */
    ASSERT_XPATH(tei, "/t:TEI/t:text/t:body/t:div[2][@xml:id='a2']/t:head", 0);
    ASSERT_XPATH(tei, "/t:TEI/t:text/t:body/t:div[2]/*[1][self::t:p]", 1);
    ASSERT_XPATH(tei, "/t:TEI/t:text/t:body/t:div[2]/t:note[@xml:id='a2-n1']", 1);
    ASSERT_XPATH(tei, "/t:TEI/t:text/t:body/t:div[2]/t:sp[t:speaker='NOBODY']/t:p", 1);

    /* text stays text: escaping */
    g_assert_nonnull(strstr(tei, " &lt;&amp;&gt; &quot;q&quot; "));
    g_free(tei);
    imprint_doc_free(doc);
}

static void test_round_trip(void)
{
    imprint_doc *doc = build_everything();
    char *tei1 = write_tei(doc);

    imprint_diags *diags = imprint_diags_new();
    int count;
    imprint_doc *back = read_tei(tei1, diags, &count);
    if (imprint_diags_len(diags))
        print_diags(diags);
    g_assert_cmpint(count, ==, 2);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    GString *problems = g_string_new(NULL);
    g_assert_true(imprint_doc_check(back, problems));
    g_string_free(problems, TRUE);

    char *tei2 = write_tei(back);
    g_assert_cmpstr(tei2, ==, tei1);

    /* The model read back holds what the writer wrote. */
    g_assert_cmpstr(back->meta.title, ==, "The Moscow Trials");
    g_assert_cmpstr(back->meta.rights, ==, "CC BY-SA 4.0");
    g_assert_cmpstr(back->meta.language, ==, "en");
    imprint_node *a = back->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==, "Analyzing the Moscow Trials");
    g_assert_cmpstr(a->as.article.authors[1], ==, "Bob Writer");
    g_assert_null(a->as.article.authors[2]);
    g_assert_cmpstr(a->as.article.source_file, ==, "sources/001.txt");
    g_assert_cmpuint(a->as.article.source_line, ==, 12);
    g_assert_cmpstr(a->as.article.source_url, ==, "https://example.org/trials?a=1&b=2");
    g_assert_cmpstr(a->as.article.lang, ==, "en-GB");
    g_assert_cmpint(a->as.article.note_count, ==, 4);
    imprint_node *n1 = a->as.article.first_note;
    g_assert_cmpuint(imprint_note_ref_count(n1), ==, 2);
    g_assert_cmpuint(imprint_note_ref_count(n1->as.note.next_note), ==, 1);
    g_assert_cmpuint(imprint_note_ref_count(a->as.article.last_note), ==, 0);
    g_assert_cmpstr(a->as.article.last_note->as.note.label, ==, "4a");
    /* positions are the TEI file's */
    g_assert_cmpstr(a->pos.file, ==, "round.xml");
    g_assert_cmpuint(a->pos.line, >, 1);
    imprint_doc_stats st, st0;
    imprint_doc_count(back, &st);
    imprint_doc_count(doc, &st0);
    g_assert_cmpuint(st.headings, ==, st0.headings);
    g_assert_cmpuint(st.notes, ==, st0.notes);
    g_assert_cmpuint(st.noterefs, ==, st0.noterefs);
    g_assert_cmpuint(st.paragraphs, ==, st0.paragraphs);
    /* the table's header row read back as one, the row under it not */
    imprint_node *tb = a->first_child;
    while (tb && tb->kind != IMPRINT_NODE_TABLE)
        tb = tb->next;
    g_assert_nonnull(tb);
    g_assert_true(tb->first_child->as.row.header);
    g_assert_false(tb->first_child->next->as.row.header);
    /* the list without markers read back as one */
    bool plain = false;
    for (imprint_node *c = a->first_child; c; c = c->next)
        plain |= c->kind == IMPRINT_NODE_LIST && c->as.list.style == IMPRINT_LIST_PLAIN;
    g_assert_true(plain);
    /* closers read back as closers, wherever the writer had to put them */
    int closers = 0;
    imprint_iter it;
    imprint_iter_init(&it, a);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        closers += it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_CLOSER;
    g_assert_cmpint(closers, ==, 3);
    int openers = 0;
    imprint_iter_init(&it, a);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        openers += it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_OPENER;
    g_assert_cmpint(openers, ==, 2);
    g_assert_cmpint(a->last_child->kind, ==, IMPRINT_NODE_CLOSER);
    g_assert_cmpint(a->last_child->first_child->next->kind, ==, IMPRINT_NODE_LINEBREAK);
    /* the sidenote read back as one, not as a note */
    imprint_node *side = a->first_child;
    while (side && side->kind != IMPRINT_NODE_SIDENOTE)
        side = side->next;
    g_assert_nonnull(side);
    g_assert_cmpstr(side->first_child->as.text.text, ==, "The trials summed up");
    imprint_node *b = a->next;
    g_assert_null(b->as.article.title);
    g_assert_cmpint(b->as.article.note_count, ==, 1);

    g_free(tei2);
    g_free(tei1);
    imprint_diags_free(diags);
    imprint_doc_free(back);
    imprint_doc_free(doc);
}

static void test_deterministic(void)
{
    imprint_doc *doc = build_everything();
    char *t1 = write_tei(doc), *t2 = write_tei(doc);
    g_assert_cmpstr(t1, ==, t2);
    /* Indentation is stable: blocks two spaces a level. */
    g_assert_nonnull(strstr(t1, "\n  <teiHeader>\n    <fileDesc>\n"));
    g_assert_nonnull(strstr(t1, "\n      <div type=\"article\" xml:id=\"a1\""));
    g_free(t1);
    g_free(t2);
    imprint_doc_free(doc);
}

static void test_empty_document(void)
{
    imprint_doc *doc = imprint_doc_new();
    char *tei = write_tei(doc);
    assert_valid(tei);
    imprint_diags *diags = imprint_diags_new();
    int count;
    imprint_doc *back = read_tei(tei, diags, &count);
    g_assert_cmpint(count, ==, 0);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    char *tei2 = write_tei(back);
    g_assert_cmpstr(tei2, ==, tei);
    g_free(tei2);
    g_free(tei);
    imprint_diags_free(diags);
    imprint_doc_free(back);
    imprint_doc_free(doc);
}

/* Characters XML cannot hold still give a well-formed, valid file. */
static void test_control_characters(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = node(doc, doc->root, IMPRINT_NODE_ARTICLE, 1);
    a->as.article.title = "Form\x0c"
                          "feed";
    para(doc, a, "bell\x07 and tab\t", 2);
    char *tei = write_tei(doc);
    assert_valid(tei);
    g_assert_nonnull(strstr(tei, "bell\xe2\x90\x87 and tab\t")); /* U+2407 */
    g_free(tei);
    imprint_doc_free(doc);
}

/* Text is escaped as libxml2's xmlTextWriterWriteString escapes element
 * content (the writer escapes it itself, for speed): < > & " and CR as
 * references, nothing else; characters XML cannot hold shown first (U+FFFE
 * as U+FFFD), other characters led by the byte 0xEF kept. */
static void test_text_escaped(void)
{
    const char *s = "a <b> & \"c\" d\r\ne\x01 f\xef\xbf\xbe g\xef\xbd\x85 \xef\xbb\xbf'&amp;";
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = node(doc, doc->root, IMPRINT_NODE_ARTICLE, 1);
    a->as.article.title = "T";
    para(doc, a, s, 2);
    char *tei = write_tei(doc);
    assert_valid(tei);

    /* What libxml2 writes for the same text, made safe by hand. */
    const char *safe =
        "a <b> & \"c\" d\r\ne\xe2\x90\x81 f\xef\xbf\xbd g\xef\xbd\x85 \xef\xbb\xbf'&amp;";
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    g_assert_cmpint(xmlTextWriterStartElement(w, BAD_CAST "p"), >=, 0);
    g_assert_cmpint(xmlTextWriterWriteString(w, BAD_CAST safe), >=, 0);
    g_assert_cmpint(xmlTextWriterEndElement(w), >=, 0);
    xmlFreeTextWriter(w);
    const char *want = (const char *)xmlBufferContent(buf);
    g_assert_cmpstr(want, ==,
                    "<p>a &lt;b&gt; &amp; &quot;c&quot; d&#13;\ne\xe2\x90\x81 f\xef\xbf\xbd "
                    "g\xef\xbd\x85 \xef\xbb\xbf'&amp;amp;</p>");
    g_assert_nonnull(strstr(tei, want));
    xmlBufferFree(buf);
    g_free(tei);
    imprint_doc_free(doc);
}

static void test_malformed(void)
{
    static const struct {
        const char *file;
        unsigned line;
    } cases[] = {
        {"malformed_mismatch.xml", 8},
        {"malformed_truncated.xml", 0},
        {"malformed_ampersand.xml", 8},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        imprint_diags *diags = imprint_diags_new();
        int n = read_fixture(cases[i].file, NULL, diags);
        g_assert_cmpint(n, ==, -1);
        g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 1);
        const imprint_diag *d = imprint_diags_get(diags, imprint_diags_len(diags) - 1);
        g_assert_nonnull(strstr(d->message, "malformed XML"));
        g_assert_cmpstr(d->file, ==, cases[i].file);
        g_assert_cmpuint(d->line, >, 0);
        g_assert_cmpuint(d->col, >, 0);
        if (cases[i].line)
            g_assert_cmpuint(d->line, ==, cases[i].line);
        imprint_diags_free(diags);
    }
}

static void test_not_tei(void)
{
    imprint_diags *diags = imprint_diags_new();
    const char *x = "<?xml version=\"1.0\"?>\n<html><body/></html>\n";
    imprint_doc *doc = imprint_doc_new();
    g_assert_cmpint(imprint_read_tei(doc, "x.xml", x, strlen(x), NULL, diags), ==, -1);
    g_assert_true(has_diag(diags, IMPRINT_SEV_ERROR, 2, "not a TEI document"));
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* A hand-corrected file: unknown markup is warned about (with its line) and
 * its text kept; TEI the writer does not produce is still read sensibly. */
static void test_hand_corrected(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_doc *doc;
    int n = read_fixture("hand_corrected.xml", &doc, diags);
    if (n < 0)
        print_diags(diags);
    g_assert_cmpint(n, ==, 2);
    GString *problems = g_string_new(NULL);
    bool ok = imprint_doc_check(doc, problems);
    if (!ok)
        g_printerr("%s", problems->str);
    g_assert_true(ok);
    g_string_free(problems, TRUE);

    g_assert_true(has_diag(diags, IMPRINT_SEV_WARNING, 10, "unknown element <persName>"));
    g_assert_true(has_diag(diags, IMPRINT_SEV_WARNING, 12, "attribute rend of <p>"));
    g_assert_true(has_diag(diags, IMPRINT_SEV_WARNING, 13, "unknown element <foo:bar>"));
    g_assert_true(has_diag(diags, IMPRINT_SEV_WARNING, 0, "entity reference &ent;"));

    imprint_node *a = doc->root->first_child;
    g_assert_cmpstr(a->as.article.title, ==, "Hand made");
    char *all = write_tei(doc);
    assert_valid(all);
    /* unknown element's text kept in place */
    ASSERT_XPATH(all, "//t:p[.='Said by Leon Trotsky in 1937.']", 1);
    ASSERT_XPATH(all, "//t:p[contains(., 'foreign words')]", 1);
    ASSERT_XPATH(all, "//t:p[contains(., '&ent;')]", 1);
    /* text directly in an item becomes a paragraph, trimmed */
    ASSERT_XPATH(all, "//t:item/t:p[.='Bare item text']", 1);
    /* a hand-written note without an id is numbered and referenced */
    ASSERT_XPATH(all, "//t:p/t:note[@xml:id='a1-n1']/t:p[.='Hand note.']", 1);
    /* plain <q> is a quote; <emph> is emphasis */
    ASSERT_XPATH(all, "//t:cit/t:q/t:p[.='A bare q.']", 1);
    ASSERT_XPATH(all, "//t:hi[@rend='italic' and .='stressed']", 1);
    /* content outside any article is kept in an untitled one */
    ASSERT_XPATH(all, "/t:TEI/t:text/t:body/t:div[2][not(t:head)]/t:p[.='Stray paragraph.']", 1);
    g_assert_true(has_diag(diags, IMPRINT_SEV_WARNING, 0, "outside any"));
    /* positions are the TEI file's lines */
    g_assert_cmpuint(a->pos.line, ==, 8);
    g_assert_cmpstr(a->pos.file, ==, "hand_corrected.xml");
    g_free(all);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* <row role="label"> is a header row, wherever it stands; a row without a
 * role, or with role="data", is not; another role is not kept, and said. */
static void test_table_roles(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_doc *doc;
    int n = read_fixture("table_roles.xml", &doc, diags);
    if (n < 0)
        print_diags(diags);
    g_assert_cmpint(n, ==, 1);
    g_assert_true(imprint_doc_check(doc, NULL));
    imprint_node *t = doc->root->first_child->first_child;
    g_assert_cmpint(t->kind, ==, IMPRINT_NODE_TABLE);
    const bool want[] = {true, false, false, true, false};
    size_t i = 0;
    for (const imprint_node *row = t->first_child; row; row = row->next, i++) {
        g_assert_cmpuint(i, <, G_N_ELEMENTS(want));
        g_assert_cmpint(row->as.row.header, ==, want[i]);
    }
    g_assert_cmpuint(i, ==, G_N_ELEMENTS(want));
    g_assert_true(has_diag(diags, IMPRINT_SEV_WARNING, 12, "row role \"total\" is not kept"));
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_WARNING), ==, 1);
    /* the lookalike: the same first row without a role is a body row */
    for (const imprint_node *row = t->next->first_child; row; row = row->next)
        g_assert_false(row->as.row.header);
    /* written back: the same rows are labels, and it validates */
    char *all = write_tei(doc);
    assert_valid(all);
    ASSERT_XPATH(all, "//t:table[1]/t:row[@role='label']", 2);
    ASSERT_XPATH(all, "//t:table[1]/t:row[1][@role='label']/t:cell[1][.='Port']", 1);
    ASSERT_XPATH(all, "//t:table[1]/t:row[4][@role='label']/t:cell[1][.='Inland']", 1);
    ASSERT_XPATH(all, "//t:table[2]/t:row[@role]", 0);
    g_free(all);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

static void test_depth_limit(void)
{
    /* Quotes nested deeper than IMPRINT_MAX_DEPTH. */
    GString *x = g_string_new("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text>"
                              "<body><div type=\"article\">\n");
    for (int i = 0; i < IMPRINT_MAX_DEPTH; i++)
        g_string_append(x, "<cit><q>\n");
    g_string_append(x, "<p>deep</p>");
    for (int i = 0; i < IMPRINT_MAX_DEPTH; i++)
        g_string_append(x, "</q></cit>");
    g_string_append(x, "</div></body></text></TEI>\n");
    imprint_diags *diags = imprint_diags_new();
    imprint_doc *doc = imprint_doc_new();
    g_assert_cmpint(imprint_read_tei(doc, "deep.xml", x->str, x->len, NULL, diags), ==, -1);
    g_assert_true(has_diag(diags, IMPRINT_SEV_ERROR, 0, "nested deeper than 64"));
    /* the error is at the line of the element too deep */
    const imprint_diag *d = imprint_diags_get(diags, 0);
    g_assert_cmpuint(d->line, >, 60);
    imprint_diags_free(diags);
    imprint_doc_free(doc);

    /* Just inside the limit reads fine. */
    g_string_assign(x, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text>"
                       "<body><div type=\"article\">\n");
    int ok_depth = (IMPRINT_MAX_DEPTH - 3) / 1; /* article 1, quotes, paragraph, text */
    for (int i = 0; i < ok_depth - 1; i++)
        g_string_append(x, "<cit><q>\n");
    g_string_append(x, "<p>deep</p>");
    for (int i = 0; i < ok_depth - 1; i++)
        g_string_append(x, "</q></cit>");
    g_string_append(x, "</div></body></text></TEI>\n");
    diags = imprint_diags_new();
    doc = imprint_doc_new();
    g_assert_cmpint(imprint_read_tei(doc, "deep.xml", x->str, x->len, NULL, diags), ==, 1);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    g_string_free(x, TRUE);
}

/* External entities are never loaded (no file contents leak in). */
static void test_external_entity(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_doc *doc;
    int n = read_fixture("external_entity.xml", &doc, diags);
    g_assert_cmpint(n, ==, 1);
    char *tei = write_tei(doc);
    g_assert_null(strstr(tei, "root:"));
    g_assert_nonnull(strstr(tei, "&amp;xxe;"));
    g_free(tei);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* URLs as found in archived text need not be valid xsd:anyURI; the TEI
 * still validates, and reads back to the same bytes. */
static void test_awkward_urls(void)
{
    static const char *urls[] = {"http://a.com/x y", "http://a.com/100%zz", "http://a.com/[x]{y}",
                                 "", "http://a.com/ok%20already"};
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = node(doc, doc->root, IMPRINT_NODE_ARTICLE, 1);
    a->as.article.title = "Links";
    a->as.article.source_url = "http://example.org/a b";
    imprint_node *p = node(doc, a, IMPRINT_NODE_PARAGRAPH, 2);
    for (size_t i = 0; i < G_N_ELEMENTS(urls); i++) {
        imprint_node *l = node(doc, p, IMPRINT_NODE_LINK, 2);
        l->as.link.url = urls[i];
        text(doc, l, "link ");
    }
    imprint_node *fig = node(doc, a, IMPRINT_NODE_FIGURE, 3);
    fig->as.figure.src = "my picture.jpg";
    char *tei = write_tei(doc);
    assert_valid(tei);
    ASSERT_XPATH(tei, "//t:ref[@target='http://a.com/x%20y']", 1);
    ASSERT_XPATH(tei, "//t:ref[@target='http://a.com/100%25zz']", 1);
    ASSERT_XPATH(tei, "//t:ref[@target='http://a.com/%5Bx%5D%7By%7D']", 1);
    /* an empty URL is no link (write/links.c): its text stays */
    ASSERT_XPATH(tei, "//t:ref[@target='#']", 0);
    ASSERT_XPATH(tei, "//t:ref", 5);
    ASSERT_XPATH(tei, "//t:ref[@target='http://a.com/ok%20already']", 1);
    ASSERT_XPATH(tei, "//t:graphic[@url='my%20picture.jpg']", 1);
    ASSERT_XPATH(tei,
                 "//t:sourceDesc//t:ref[@target='http://example.org/a%20b' and "
                 ".='http://example.org/a b']",
                 1);
    imprint_diags *diags = imprint_diags_new();
    int count;
    imprint_doc *back = read_tei(tei, diags, &count);
    g_assert_cmpint(count, ==, 1);
    g_assert_cmpstr(back->root->first_child->as.article.source_url, ==, "http://example.org/a b");
    char *tei2 = write_tei(back);
    g_assert_cmpstr(tei2, ==, tei);
    g_free(tei2);
    g_free(tei);
    imprint_diags_free(diags);
    imprint_doc_free(back);
    imprint_doc_free(doc);
}

/* Hand edits that delete any one line: the reader either reports malformed
 * XML or builds a sound tree, and never crashes. */
static void test_each_line_removed(void)
{
    imprint_doc *doc = build_everything();
    char *tei = write_tei(doc);
    char **lines = g_strsplit(tei, "\n", -1);
    guint n = g_strv_length(lines);
    int malformed = 0, read = 0;
    for (guint skip = 0; skip < n; skip++) {
        GString *x = g_string_new(NULL);
        for (guint i = 0; i < n; i++)
            if (i != skip)
                g_string_append_printf(x, "%s\n", lines[i]);
        imprint_diags *diags = imprint_diags_new();
        imprint_doc *back = imprint_doc_new();
        int r = imprint_read_tei(back, "cut.xml", x->str, x->len, NULL, diags);
        if (r < 0) {
            g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), >, 0);
            malformed++;
        } else {
            GString *problems = g_string_new(NULL);
            bool ok = imprint_doc_check(back, problems);
            if (!ok)
                g_printerr("without line %u: %s", skip + 1, problems->str);
            g_assert_true(ok);
            g_string_free(problems, TRUE);
            /* and what it read writes valid TEI again */
            char *again = write_tei(back);
            assert_valid(again);
            g_free(again);
            read++;
        }
        imprint_doc_free(back);
        imprint_diags_free(diags);
        g_string_free(x, TRUE);
    }
    g_assert_cmpint(malformed, >, 0);
    g_assert_cmpint(read, >, 0);
    g_strfreev(lines);
    g_free(tei);
    imprint_doc_free(doc);
}

/* IMPRINT_MAX_NOTES bounds the notes of one article; 10,000 notes are fine
 * and round-trip. */
static void test_note_limits(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_node *a = node(doc, doc->root, IMPRINT_NODE_ARTICLE, 1);
    imprint_node *p = node(doc, a, IMPRINT_NODE_PARAGRAPH, 2);
    for (int i = 0; i < 10000; i++) {
        imprint_node *note = new_note(doc, a, 3);
        para(doc, note, "n", 3);
        text(doc, p, "w");
        noteref(doc, p, note, i + 1);
    }
    char *tei = write_tei(doc);
    assert_valid(tei);
    imprint_diags *diags = imprint_diags_new();
    int count;
    imprint_doc *back = read_tei(tei, diags, &count);
    g_assert_cmpint(count, ==, 1);
    g_assert_cmpint(back->root->first_child->as.article.note_count, ==, 10000);
    char *tei2 = write_tei(back);
    g_assert_true(strcmp(tei, tei2) == 0);
    g_free(tei2);
    g_free(tei);
    imprint_diags_free(diags);
    imprint_doc_free(back);
    imprint_doc_free(doc);

    GString *x = g_string_new("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text>"
                              "<body><div type=\"article\">\n");
    for (int i = 0; i <= IMPRINT_MAX_NOTES; i++)
        g_string_append(x, "<note/>");
    g_string_append(x, "\n</div></body></text></TEI>\n");
    diags = imprint_diags_new();
    back = imprint_doc_new();
    g_assert_cmpint(imprint_read_tei(back, "many.xml", x->str, x->len, NULL, diags), ==, -1);
    g_assert_true(has_diag(diags, IMPRINT_SEV_ERROR, 2, "more than 100000 notes"));
    imprint_diags_free(diags);
    imprint_doc_free(back);
    g_string_free(x, TRUE);
}

static void test_format_writer(void)
{
    imprint_doc *doc = build_everything();
    char *dir = g_dir_make_tmp("imprint-tei-XXXXXX", NULL);
    char *path = g_build_filename(dir, "out.xml", NULL);
    imprint_diags *diags = imprint_diags_new();
    imprint_output_opts opts = {.meta = doc->meta};
    g_assert_true(imprint_write_tei(doc, &opts, path, diags));
    char *data = NULL;
    g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
    char *tei = write_tei(doc);
    g_assert_cmpstr(data, ==, tei);
    g_unlink(path);
    g_rmdir(dir);
    g_free(tei);
    g_free(data);
    g_free(path);
    g_free(dir);
    imprint_diags_free(diags);
    imprint_doc_free(doc);
}

/* A run of text cut by 32,000 comments is one TEXT node, built in arena
 * space linear in the file (the run was copied at every piece: 1.6 GB for
 * a 260 KB file); an accent after a comment composes with its letter, as
 * the run is NFC as a whole. */
static void test_text_pieces(void)
{
    GString *tei = g_string_new("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>"
                                "<div type=\"article\"><p>e<!---->\xcc\x81");
    for (int i = 0; i < 32000; i++)
        g_string_append(tei, "w<!---->");
    g_string_append(tei, "</p></div></body></text></TEI>");
    imprint_diags *diags = imprint_diags_new();
    int n = 0;
    imprint_doc *doc = read_tei(tei->str, diags, &n);
    g_assert_cmpint(n, ==, 1);
    const imprint_node *p = doc->root->first_child->first_child;
    g_assert_true(p->first_child && p->first_child == p->last_child);
    g_assert_cmpuint(p->first_child->as.text.len, ==, 2 + 32000);
    g_assert_true(g_str_has_prefix(p->first_child->as.text.text, "\xc3\xa9w"));
    g_assert_cmpuint(imprint_arena_used(doc->arena), <, 20 * tei->len);
    g_assert_true(imprint_doc_check(doc, NULL));
    imprint_diags_free(diags);
    imprint_doc_free(doc);
    g_string_free(tei, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/tei/everything/valid", test_everything_valid);
    g_test_add_func("/tei/everything/mapping", test_everything_mapping);
    g_test_add_func("/tei/round-trip", test_round_trip);
    g_test_add_func("/tei/deterministic", test_deterministic);
    g_test_add_func("/tei/empty-document", test_empty_document);
    g_test_add_func("/tei/control-characters", test_control_characters);
    g_test_add_func("/tei/text-escaped", test_text_escaped);
    g_test_add_func("/tei/read/malformed", test_malformed);
    g_test_add_func("/tei/read/not-tei", test_not_tei);
    g_test_add_func("/tei/read/hand-corrected", test_hand_corrected);
    g_test_add_func("/tei/read/depth-limit", test_depth_limit);
    g_test_add_func("/tei/read/table-roles", test_table_roles);
    g_test_add_func("/tei/read/external-entity", test_external_entity);
    g_test_add_func("/tei/format-writer", test_format_writer);
    g_test_add_func("/tei/awkward-urls", test_awkward_urls);
    g_test_add_func("/tei/read/each-line-removed", test_each_line_removed);
    g_test_add_func("/tei/read/note-limits", test_note_limits);
    g_test_add_func("/tei/read/text-pieces", test_text_pieces);
    return g_test_run();
}
