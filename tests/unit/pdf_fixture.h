/* A hand-built document with every block and inline kind, for the PDF
 * writer's tests, and helpers to run the Debian PDF tools on the result. */
#ifndef PDF_FIXTURE_H
#define PDF_FIXTURE_H

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "imprint/build.h"
#include "imprint/edition.h"
#include "imprint/model.h"
#include "imprint/pdf.h"
#include "imprint/style.h"

static inline imprint_pos fx_pos(unsigned line)
{
    return (imprint_pos){"fixture.txt", line, 1};
}

static unsigned fx_line = 1;

static inline imprint_node *fx_node(imprint_doc *doc, imprint_node *parent, imprint_node_kind kind)
{
    imprint_node *n = imprint_node_new(doc, kind, fx_pos(fx_line++));
    if (parent)
        g_assert_true(imprint_node_append(parent, n));
    return n;
}

static inline imprint_node *fx_text(imprint_doc *doc, imprint_node *parent, const char *s)
{
    imprint_node *n = imprint_node_new_text(doc, fx_pos(fx_line), s, strlen(s));
    g_assert_true(imprint_node_append(parent, n));
    return n;
}

static inline imprint_node *fx_para(imprint_doc *doc, imprint_node *parent, const char *s)
{
    imprint_node *p = fx_node(doc, parent, IMPRINT_NODE_PARAGRAPH);
    fx_text(doc, p, s);
    return p;
}

static inline imprint_node *fx_wrap(imprint_doc *doc, imprint_node *parent, imprint_node_kind kind,
                                    const char *s)
{
    imprint_node *n = fx_node(doc, parent, kind);
    fx_text(doc, n, s);
    return n;
}

static inline imprint_node *fx_article(imprint_doc *doc, const char *title)
{
    imprint_node *a = fx_node(doc, doc->root, IMPRINT_NODE_ARTICLE);
    a->as.article.title = title ? imprint_arena_strdup(doc->arena, title) : NULL;
    return a;
}

/* A note on `article` holding one paragraph `text`, referenced from `para`. */
static inline imprint_node *fx_note(imprint_doc *doc, imprint_node *article, imprint_node *para,
                                    const char *text)
{
    imprint_node *note = imprint_node_new(doc, IMPRINT_NODE_NOTE, fx_pos(fx_line++));
    imprint_article_append_note(article, note);
    fx_para(doc, note, text);
    imprint_node *ref = fx_node(doc, para, IMPRINT_NODE_NOTEREF);
    ref->as.noteref.number = note->as.note.number;
    imprint_note_add_ref(note, ref);
    return note;
}

static const char *fx_filler =
    "The workers of the capital met in the great hall, and the debate that followed lasted "
    "well into the night; delegates from the provinces, who had travelled for days, spoke of "
    "hunger, of the closed factories and of the strikes that were spreading along the railway. ";

static inline char *fx_words(int repeats)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < repeats; i++)
        g_string_append(s, fx_filler);
    g_strchomp(s->str);
    return g_string_free(s, FALSE);
}

/* Every block and inline kind, three articles, notes. */
static inline imprint_doc *fx_doc_full(void)
{
    imprint_doc *doc = imprint_doc_new();
    doc->meta.title = "Fixture Edition";
    doc->meta.subtitle = "Every kind of block";
    doc->meta.editor = "Archive Editors";
    doc->meta.language = "en";
    doc->meta.date = "2026-11-21";
    doc->meta.publisher = "Imprint Test Press";

    imprint_node *a = fx_article(doc, "The Fixture Article");
    static const char *authors[] = {"Ada Writer", NULL};
    a->as.article.authors = authors;
    a->as.article.date = "1937-02-01";
    imprint_node *p = fx_para(doc, a, "Opening paragraph with ");
    fx_wrap(doc, p, IMPRINT_NODE_EMPH, "emphasis");
    fx_text(doc, p, ", ");
    fx_wrap(doc, p, IMPRINT_NODE_STRONG, "strong words");
    fx_text(doc, p, ", x");
    fx_wrap(doc, p, IMPRINT_NODE_SUP, "2");
    fx_text(doc, p, " and H");
    fx_wrap(doc, p, IMPRINT_NODE_SUB, "2");
    fx_text(doc, p, "O, ");
    fx_wrap(doc, p, IMPRINT_NODE_SMALLCAPS, "small capitals");
    fx_text(doc, p, ", a link to ");
    imprint_node *link = fx_wrap(doc, p, IMPRINT_NODE_LINK, "the archive");
    link->as.link.url = "https://example.org/archive";
    fx_text(doc, p, " and REFALPHA");
    fx_note(doc, a, p, "NOTEALPHA explains the first point in a few words.");
    fx_text(doc, p, " then a forced");
    fx_node(doc, p, IMPRINT_NODE_LINEBREAK);
    fx_text(doc, p, "line break.");
    char *w = fx_words(3);
    imprint_node *p2 = fx_para(doc, a, w);
    fx_text(doc, p2, " REFBETA");
    fx_note(doc, a, p2, "NOTEBETA is the second note, with a little more to say about it.");
    g_free(w);

    fx_wrap(doc, a, IMPRINT_NODE_HEADING, "A Section Heading")->as.heading.level = 1;
    w = fx_words(2);
    fx_para(doc, a, w);
    g_free(w);
    imprint_node *q = fx_node(doc, a, IMPRINT_NODE_QUOTE);
    fx_para(doc, q,
            "\u201cThe emancipation of the workers must be the act of the working "
            "class itself,\u201d as the rules of the International put it.");
    fx_wrap(doc, q, IMPRINT_NODE_CITATION, "(Marx, General Rules)");
    fx_para(doc, a, "After the quote, a paragraph that is not indented.");

    imprint_node *list = fx_node(doc, a, IMPRINT_NODE_LIST);
    list->as.list.style = IMPRINT_LIST_DECIMAL;
    list->as.list.start = 1;
    for (int i = 0; i < 3; i++) {
        imprint_node *item = fx_node(doc, list, IMPRINT_NODE_ITEM);
        fx_para(doc, item,
                i == 1 ? "A second item long enough to wrap onto a second line of the "
                         "measure, so that the hanging indent shows."
                       : "A list item.");
        if (i == 2) {
            imprint_node *sub = fx_node(doc, item, IMPRINT_NODE_LIST);
            sub->as.list.style = IMPRINT_LIST_ALPHA;
            sub->as.list.start = 1;
            for (int k = 0; k < 2; k++)
                fx_para(doc, fx_node(doc, sub, IMPRINT_NODE_ITEM), "A lettered sub-point.");
        }
    }
    imprint_node *bul = fx_node(doc, a, IMPRINT_NODE_LIST);
    bul->as.list.style = IMPRINT_LIST_BULLET;
    fx_para(doc, fx_node(doc, bul, IMPRINT_NODE_ITEM), "A bullet.");

    fx_wrap(doc, a, IMPRINT_NODE_HEADING, "Verse and Speech")->as.heading.level = 2;
    imprint_node *verse = fx_node(doc, a, IMPRINT_NODE_VERSE);
    fx_wrap(doc, verse, IMPRINT_NODE_LINE, "Arise, ye workers from your slumbers,");
    fx_wrap(doc, verse, IMPRINT_NODE_LINE, "Arise, ye prisoners of want.");
    imprint_node *sp = fx_node(doc, a, IMPRINT_NODE_SPEECH);
    sp->as.speech.speaker = "Vyshinsky";
    fx_para(doc, sp, "Were you a member of the centre?");
    imprint_node *sp2 = fx_node(doc, a, IMPRINT_NODE_SPEECH);
    sp2->as.speech.speaker = "Radek";
    fx_para(doc, sp2, "I was.");

    imprint_node *table = fx_node(doc, a, IMPRINT_NODE_TABLE);
    const char *cells[3][3] = {{"Year", "Members", "Place"},
                               {"1917", "240,000", "Petrograd"},
                               {"1921", "730,000", "Moscow"}};
    for (int r = 0; r < 3; r++) {
        imprint_node *row = fx_node(doc, table, IMPRINT_NODE_ROW);
        for (int c = 0; c < 3; c++)
            fx_wrap(doc, row, IMPRINT_NODE_CELL, cells[r][c]);
    }
    imprint_node *fig = fx_wrap(doc, a, IMPRINT_NODE_FIGURE, "A caption under the figure");
    fig->as.figure.placeholder = "trotfash.jpg";
    fx_node(doc, a, IMPRINT_NODE_BREAK);
    fx_wrap(doc, a, IMPRINT_NODE_SIDENOTE, "A marginal summary");
    fx_para(doc, a, "After the break.");
    imprint_node *bib = fx_node(doc, a, IMPRINT_NODE_BIBL);
    fx_text(doc, bib, "Broué, Pierre. Trotsky. Paris: Fayard, 1988. ");
    imprint_node *bl = fx_wrap(doc, bib, IMPRINT_NODE_LINK, "https://example.org/broue");
    bl->as.link.url = "https://example.org/broue";
    fx_wrap(doc, a, IMPRINT_NODE_OPENER, "Dear comrades,");
    fx_para(doc, a, "The letter under its salutation.");
    imprint_node *closer = fx_wrap(doc, a, IMPRINT_NODE_CLOSER, "Yours in the struggle,");
    fx_node(doc, closer, IMPRINT_NODE_LINEBREAK);
    fx_text(doc, closer, "L. T.");

    imprint_node *b = fx_article(doc, NULL);
    fx_para(doc, b, "An untitled article begins with these words and goes on for a while.");

    imprint_node *c = fx_article(doc, "Революция и Ἀλήθεια");
    fx_para(doc, c, "Кириллица: пролетарии всех стран, соединяйтесь! Ἑλληνικά: ἀλήθεια.");
    g_assert_true(imprint_doc_check(doc, NULL));
    return doc;
}

static inline imprint_edition *fx_edition(const char *name)
{
    imprint_edition *e = g_new0(imprint_edition, 1);
    e->path = g_strdup_printf("%s.yaml", name);
    e->dir = g_strdup(".");
    e->name = g_strdup(name);
    e->title = g_strdup("Fixture Edition");
    e->language = g_strdup("en");
    e->date = g_strdup("2026-11-21");
    e->style = g_strdup("classic");
    e->paper = g_strdup("a5");
    e->notes = IMPRINT_NOTES_PAGE;
    return e;
}

/* The writer's options as a build resolves them (imprint_build_resolve),
 * filled by hand so that a test can give a style it changed: the
 * document's metadata, the edition's paper, notes and date. */
static inline imprint_output_opts fx_opts(const imprint_doc *doc, const imprint_edition *e,
                                          const imprint_style *st)
{
    imprint_output_opts o = {0};
    o.edition_path = e->path;
    o.meta = doc->meta;
    if (!o.meta.title)
        o.meta.title = e->title;
    if (!o.meta.language)
        o.meta.language = e->language ? e->language : "en";
    o.style = st;
    o.data_dir = SOURCE_DIR;
    g_assert_true(imprint_edition_paper_parse(e->paper, &o.paper_w, &o.paper_h));
    o.notes = e->notes;
    imprint_diags *d = imprint_diags_new();
    g_assert_true(imprint_build_epoch(e, &o.epoch, d));
    imprint_diags_free(d);
    return o;
}

static inline imprint_style *fx_style(void)
{
    imprint_diags *d = imprint_diags_new();
    imprint_style *st = imprint_style_load(SOURCE_DIR, "classic", d);
    g_assert_nonnull(st);
    imprint_diags_free(d);
    return st;
}

/* Runs `argv`; returns the exit status and the standard output (g_free). */
static inline int fx_run(const char *const *argv, char **out)
{
    char *o = NULL, *e = NULL;
    int status = -1;
    GError *err = NULL;
    gboolean ok = g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &o, &e,
                               &status, &err);
    g_assert_no_error(err);
    g_assert_true(ok);
    g_free(e);
    if (out)
        *out = o;
    else
        g_free(o);
    return g_spawn_check_wait_status(status, NULL) ? 0 : 1;
}

/* pdftotext of the whole file, pages split at form feeds (g_strfreev). */
static inline char **fx_pages(const char *pdf)
{
    char *text = NULL;
    const char *argv[] = {"pdftotext", "-layout", pdf, "-", NULL};
    g_assert_cmpint(fx_run(argv, &text), ==, 0);
    char **pages = g_strsplit(text, "\f", -1);
    g_free(text);
    return pages;
}

/* The first page (0-based) whose text contains `needle`, or -1. Soft
 * hyphens at line ends come out as '-' and a newline: they are joined. */
static inline int fx_page_from(char **pages, const char *needle, int from)
{
    for (int i = from; pages[i]; i++) {
        if (strstr(pages[i], needle))
            return i;
    }
    return -1;
}

static inline int fx_page_of(char **pages, const char *needle)
{
    for (int i = 0; pages[i]; i++) {
        if (strstr(pages[i], needle))
            return i;
    }
    return -1;
}

static inline char *fx_tmpdir(void)
{
    GError *err = NULL;
    char *dir = g_dir_make_tmp("imprint-pdf-XXXXXX", &err);
    g_assert_no_error(err);
    return dir;
}

static inline void fx_rmdir(char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(dir, name, NULL);
        g_unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
    g_free(dir);
}

static inline void fx_edition_free(imprint_edition *e)
{
    imprint_edition_free(e);
}

#endif
