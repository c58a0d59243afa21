/* A hand-built document that uses every block and inline kind of the model,
 * shared by the EPUB tests. */
#ifndef EPUB_FIXTURE_H
#define EPUB_FIXTURE_H

#include <string.h>

#include "imprint/edition.h"
#include "imprint/model.h"

static inline imprint_pos fx_pos(unsigned line)
{
    return (imprint_pos){FIXTURES_DIR "/epub/every_kind.txt", line, 1};
}

static inline imprint_node *fx_node(imprint_doc *doc, imprint_node_kind kind, imprint_node *parent)
{
    imprint_node *n = imprint_node_new(doc, kind, fx_pos(1));
    if (parent)
        g_assert_true(imprint_node_append(parent, n));
    return n;
}

static inline imprint_node *fx_text(imprint_doc *doc, imprint_node *parent, const char *s)
{
    imprint_node *n = imprint_node_new_text(doc, fx_pos(1), s, strlen(s));
    g_assert_true(imprint_node_append(parent, n));
    return n;
}

static inline imprint_node *fx_para(imprint_doc *doc, imprint_node *parent, const char *s)
{
    imprint_node *p = fx_node(doc, IMPRINT_NODE_PARAGRAPH, parent);
    fx_text(doc, p, s);
    return p;
}

static inline imprint_node *fx_ref(imprint_doc *doc, imprint_node *parent, imprint_node *note,
                                   int n)
{
    imprint_node *r = fx_node(doc, IMPRINT_NODE_NOTEREF, parent);
    r->as.noteref.number = n;
    if (note)
        imprint_note_add_ref(note, r);
    return r;
}

static inline imprint_node *fx_note(imprint_doc *doc, imprint_node *article, const char *text)
{
    imprint_node *note = imprint_node_new(doc, IMPRINT_NODE_NOTE, fx_pos(90));
    imprint_article_append_note(article, note);
    fx_para(doc, note, text);
    return note;
}

static inline imprint_node *fx_article(imprint_doc *doc, const char *title)
{
    imprint_node *a = fx_node(doc, IMPRINT_NODE_ARTICLE, doc->root);
    a->as.article.title = imprint_arena_strdup(doc->arena, title);
    a->as.article.source_file =
        imprint_arena_strdup(doc->arena, FIXTURES_DIR "/epub/every_kind.txt");
    a->as.article.source_line = 1;
    return a;
}

/* Every kind: headings (two levels), paragraphs with every inline, a quote
 * with its citation, all list styles (nested, a
 * bibliography), verse, speech, a table, figures (placeholder and a real
 * image), a break, a bibl; notes: one referenced twice, a multi-paragraph one,
 * one inside a link, a marker with no note; a second article without title. */
static inline imprint_doc *fx_every_kind(void)
{
    imprint_doc *doc = imprint_doc_new();
    imprint_meta *m = &doc->meta;
    m->title = "Every Kind";
    m->subtitle = "A fixture for the EPUB writer";
    m->editor = "Fixture Editors";
    m->language = "en";
    m->date = "2026-11-21";
    m->publisher = "Imprint Tests";
    m->rights = "Public domain";
    m->description = "One of each block and inline kind.";

    imprint_node *a = fx_article(doc, "First Article: Blocks & <Inlines>");
    a->as.article.subtitle = "With a subtitle";
    const char **authors = imprint_arena_alloc(doc->arena, 3 * sizeof *authors);
    authors[0] = "Ada Author";
    authors[1] = "Bo Writer";
    a->as.article.authors = authors;
    a->as.article.date = "1937";
    a->as.article.source_url = "https://example.org/every-kind";

    imprint_node *twice = fx_note(doc, a, "Note one, referred to twice.");
    imprint_node *multi = fx_note(doc, a, "Note two, first paragraph.");
    fx_para(doc, multi, "Note two, second paragraph (Zyxt).");
    imprint_node *linked = fx_note(doc, a, "Note three, referenced inside a link.");
    imprint_node *unref = fx_note(doc, a, "Note four, which nothing refers to.");
    (void)unref;

    imprint_node *h = fx_node(doc, IMPRINT_NODE_HEADING, a);
    h->as.heading.level = 1;
    fx_text(doc, h, "A Section Heading");

    imprint_node *p = fx_node(doc, IMPRINT_NODE_PARAGRAPH, a);
    fx_text(doc, p, "Plain text, ");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_EMPH, p), "emphasis");
    fx_text(doc, p, ", ");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_STRONG, p), "strong");
    fx_text(doc, p, ", x");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_SUP, p), "2");
    fx_text(doc, p, ", H");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_SUB, p), "2");
    fx_text(doc, p, "O, ");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_SMALLCAPS, p), "Small Caps");
    fx_text(doc, p, " and a note");
    fx_ref(doc, p, twice, 1);
    fx_node(doc, IMPRINT_NODE_LINEBREAK, p);
    fx_text(doc, p, "after a line break, a link to ");
    imprint_node *link = fx_node(doc, IMPRINT_NODE_LINK, p);
    link->as.link.url = "https://example.org/a b?q=1&r=2";
    fx_text(doc, link, "example.org");
    fx_ref(doc, link, linked, 3);
    fx_text(doc, link, " (linked)");
    fx_text(doc, p, ", a second note");
    fx_ref(doc, p, multi, 2);
    fx_text(doc, p, " and a marker with no note");
    fx_ref(doc, p, NULL, 7);
    fx_text(doc, p, ".");

    imprint_node *q = fx_node(doc, IMPRINT_NODE_QUOTE, a);
    imprint_node *qp = fx_para(doc, q, "\u201cA quoted paragraph, referring again to note one");
    fx_ref(doc, qp, twice, 1);
    fx_text(doc, qp, ".\u201d");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_CITATION, q), "(Marx, Ibid.)");

    imprint_node *h2 = fx_node(doc, IMPRINT_NODE_HEADING, a);
    h2->as.heading.level = 2;
    fx_text(doc, h2, "Lists and Tables");

    imprint_node *ol = fx_node(doc, IMPRINT_NODE_LIST, a);
    ol->as.list.style = IMPRINT_LIST_DECIMAL;
    ol->as.list.start = 3;
    imprint_node *item = fx_node(doc, IMPRINT_NODE_ITEM, ol);
    fx_para(doc, item, "Third item");
    imprint_node *inner = fx_node(doc, IMPRINT_NODE_LIST, item);
    inner->as.list.style = IMPRINT_LIST_ALPHA;
    inner->as.list.start = 1;
    fx_para(doc, fx_node(doc, IMPRINT_NODE_ITEM, inner), "Lettered sub-point");
    fx_para(doc, fx_node(doc, IMPRINT_NODE_ITEM, ol), "Fourth item");
    imprint_node *cast = fx_node(doc, IMPRINT_NODE_LIST, a);
    cast->as.list.style = IMPRINT_LIST_PLAIN;
    cast->as.list.start = 1;
    fx_para(doc, fx_node(doc, IMPRINT_NODE_ITEM, cast), "RADEK, a defendant");

    imprint_node *ul = fx_node(doc, IMPRINT_NODE_LIST, a);
    ul->as.list.style = IMPRINT_LIST_BULLET;
    fx_para(doc, fx_node(doc, IMPRINT_NODE_ITEM, ul), "A bullet");

    imprint_node *verse = fx_node(doc, IMPRINT_NODE_VERSE, a);
    fx_text(doc, fx_node(doc, IMPRINT_NODE_LINE, verse), "First line of verse,");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_LINE, verse), "second line of verse.");

    imprint_node *sp = fx_node(doc, IMPRINT_NODE_SPEECH, a);
    sp->as.speech.speaker = "INTERVIEWER";
    fx_para(doc, sp, "What did you see?");
    fx_para(doc, sp, "A second paragraph of speech.");

    imprint_node *table = fx_node(doc, IMPRINT_NODE_TABLE, a);
    for (int r = 0; r < 2; r++) {
        imprint_node *row = fx_node(doc, IMPRINT_NODE_ROW, table);
        fx_text(doc, fx_node(doc, IMPRINT_NODE_CELL, row), r ? "1936" : "Year");
        fx_text(doc, fx_node(doc, IMPRINT_NODE_CELL, row), r ? "16" : "Defendants");
    }

    imprint_node *fig = fx_node(doc, IMPRINT_NODE_FIGURE, a);
    fig->as.figure.src = "trotfash.jpg";
    fig->as.figure.placeholder = "trotfash.jpg";
    fx_text(doc, fig, "A lost photograph");

    imprint_node *fig2 = fx_node(doc, IMPRINT_NODE_FIGURE, a);
    fig2->as.figure.src = "figure.png";
    fig2->as.figure.placeholder = "figure.png";
    fx_text(doc, fig2, "A small embedded image");

    fx_node(doc, IMPRINT_NODE_BREAK, a);
    imprint_node *bl = fx_node(doc, IMPRINT_NODE_LIST, a);
    bl->as.list.bibliography = true;
    imprint_node *bi = fx_node(doc, IMPRINT_NODE_ITEM, bl);
    imprint_node *blink = fx_node(doc, IMPRINT_NODE_PARAGRAPH, bi);
    imprint_node *bu = fx_node(doc, IMPRINT_NODE_LINK, blink);
    bu->as.link.url = "https://example.org/source";
    fx_text(doc, bu, "https://example.org/source");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_BIBL, a), "Getty & Naumov, The Road to Terror, 1999.");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_SIDENOTE, a), "A marginal summary");
    fx_text(doc, fx_node(doc, IMPRINT_NODE_OPENER, a), "Dear comrades,");
    imprint_node *closer = fx_node(doc, IMPRINT_NODE_CLOSER, a);
    fx_text(doc, closer, "Yours in the struggle,");
    fx_node(doc, IMPRINT_NODE_LINEBREAK, closer);
    fx_text(doc, closer, "L. T.");

    /* An untitled article in Greek text, its own language. */
    imprint_node *b = fx_node(doc, IMPRINT_NODE_ARTICLE, doc->root);
    b->as.article.lang = "el";
    b->as.article.source_file = FIXTURES_DIR "/epub/second.txt";
    b->as.article.source_line = 1;
    imprint_node *bn = fx_note(doc, b, "\u0391 note in the second article.");
    imprint_node *bp = fx_para(doc, b,
                               "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 untitled article "
                               "text goes on for a while here");
    fx_ref(doc, bp, bn, 1);
    return doc;
}

/* An edition record for the fixture (no edition file behind it). */
static inline imprint_edition fx_edition(void)
{
    imprint_edition ed = {0};
    ed.path = FIXTURES_DIR "/epub/every_kind.yaml";
    ed.dir = FIXTURES_DIR "/epub";
    ed.name = "every-kind";
    ed.title = "Every Kind";
    ed.language = "en";
    ed.date = "2026-11-21";
    ed.style = "classic";
    ed.cover = "auto";
    return ed;
}

/* An article of three chapters with `text` bytes of text in all: notes 1
 * (referred to in chapters two and three) and 2 (in two), and 3, which
 * nothing refers to. */
static inline imprint_doc *fx_long_article(size_t text)
{
    static const char *const fixed[] = {
        "Before the chapters.", "One",       "Two",       "Sees note one.", "Three",
        "Sees note one again.", "Note one.", "Note two.", "Note three.",    "A part of three"};
    size_t used = 0;
    for (size_t k = 0; k < G_N_ELEMENTS(fixed); k++)
        used += strlen(fixed[k]);
    g_assert_cmpuint(text, >, used);
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "Long";
    imprint_node *a = fx_article(doc, "A Long Article");
    imprint_node *n[3];
    fx_para(doc, a, fixed[0]);
    const char *titles[] = {fixed[1], fixed[2], fixed[4]};
    for (int c = 0; c < 3; c++) {
        imprint_node *h = fx_node(doc, IMPRINT_NODE_HEADING, a);
        h->as.heading.level = 1;
        fx_text(doc, h, titles[c]);
        if (c == 0) {
            char *filler = g_strnfill(text - used, 'x');
            fx_para(doc, a, filler);
            g_free(filler);
            for (int k = 0; k < 3; k++)
                n[k] = fx_note(doc, a, fixed[6 + k]);
        }
        if (c == 1) {
            imprint_node *p = fx_para(doc, a, fixed[3]);
            fx_ref(doc, p, n[0], 1);
            fx_ref(doc, p, n[1], 2);
        }
        if (c == 2) {
            imprint_node *p = fx_para(doc, a, fixed[5]);
            fx_ref(doc, p, n[0], 1);
            imprint_node *sub = fx_node(doc, IMPRINT_NODE_HEADING, a);
            sub->as.heading.level = 2;
            fx_text(doc, sub, fixed[9]);
        }
    }
    GString *problems = g_string_new(NULL);
    if (!imprint_doc_check(doc, problems))
        g_error("not a sound tree: %s", problems->str);
    g_string_free(problems, TRUE);
    return doc;
}

#endif
