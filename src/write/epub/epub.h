#ifndef IMPRINT_WRITE_EPUB_H
#define IMPRINT_WRITE_EPUB_H

#include <glib.h>
#include <hb.h>
#include <stdbool.h>

#include "imprint/diag.h"
#include "imprint/model.h"
#include "imprint/output.h"
#include "imprint/style.h"

/*
 * The EPUB 3 writer, internal to src/write/epub. epub.c drives the parts;
 * each part makes one kind of file of the book and hands it to book.c, the
 * book being assembled, which the parts share and which calls none of them:
 *
 *   epub.c ──▶ front.c, xhtml.c, nav.c, css.c, package.c, container.c
 *   xhtml.c ──▶ notes.c ──▶ book.c ◀── every part
 *   front.c, xhtml.c, nav.c ──▶ pages.c (page-break markers, page list)
 *   xhtml.c, notes.c ──▶ parts.c (the files of a long article)
 *   front.c ──▶ cover.c;  css.c ──▶ subset.c
 */

/** Cover size in pixels (a 5:8 portrait, the size stores ask for). */
#define IMPRINT_COVER_WIDTH  1600
#define IMPRINT_COVER_HEIGHT 2560

/** Deepest heading nesting shown in the contents (article = 1, its headings
 * below): HTML has six heading levels. */
#define IMPRINT_EPUB_MAX_NAV_DEPTH 6

/** The text, in bytes, above which an article is written in one file per
 * chapter (parts.c): Adobe's RMSDK readers open no content document over
 * 300 KB, and markup adds up to a third to the text. */
#define IMPRINT_EPUB_PART_TEXT_BYTES (200 * 1024)

/** The files an article is written in (parts.c): one, or one per chapter.
 * Owned by whoever planned it; the nodes are the document's. */
typedef struct {
    size_t count;               /* files, at least 1 */
    const imprint_node **first; /* count + 1: the first top-level block of each, then NULL */
    char **href;                /* count: "a001.xhtml", "a001-2.xhtml"... */
    GHashTable *part_of;        /* NOTEREF or NOTE → its part's index + 1 */
} imprint_epub_parts;

/** One entry of the navigation (nav.xhtml and toc.ncx). Strings owned by the
 * imprint_epub. */
typedef struct {
    int depth;   /* 1 for pages and articles, 2.. for headings inside articles */
    char *label; /* plain text */
    char *href;  /* FILE.xhtml or FILE.xhtml#ID */
} imprint_epub_nav;

/** One file of the book, in the order it is written to the container.
 * Strings and data owned by the imprint_epub. */
typedef struct {
    char *id;         /* manifest id */
    char *href;       /* path relative to OEBPS/ */
    char *media_type; /* MIME type */
    char *properties; /* manifest properties, or NULL */
    bool spine;       /* in the reading order */
    GBytes *data;
} imprint_epub_file;

/** The book being assembled in one EPUB build (book.c). The document and
 * options are borrowed; the rest is owned and freed by
 * imprint_epub_clear(). */
typedef struct {
    const imprint_doc *doc;
    const imprint_output_opts *opts; /* metadata, style, fonts, time stamp, cover */
    imprint_diags *diags;

    hb_set_t *unicodes;              /* every code point the book's text uses: read it through
                                        imprint_epub_unicodes() */
    guint64 seen[0x10000 / 64];      /* the BMP code points already in `unicodes` (book.c) */
    bool ascii_seen[256];            /* ASCII used, not yet in `unicodes` (book.c) */
    bool has_code;                   /* a CODE block was written: the mono face goes in */
    GPtrArray *nav;                  /* of imprint_epub_nav*, in reading order */
    GPtrArray *files;                /* of imprint_epub_file*, in container order */
    int images;                      /* figure images embedded so far */
    int headings;                    /* headings of the current article so far (their ids) */
    const char *current_href;        /* file of the article being written */
    const imprint_epub_parts *parts; /* the files of the article being written, or NULL */
    size_t part;                     /* the one being written */
    bool failed;                     /* an error was reported: write nothing */

    /* The PDF's pages (opts->pages), for page-break markers (pages.c). */
    GHashTable *page_at; /* const imprint_node * → GArray of size_t: its pages, in order */
    char **page_href;    /* per page: FILE#ID of its marker once written, else NULL */
    const char *file;    /* the file being written, where markers go */
    size_t pages_done;   /* markers written so far, in page order */
    bool markers_held;   /* writing a split article's notes: their pages' markers wait */
} imprint_epub;

/* --- book.c: the book being assembled; calls no other part --- */

/** Starts an empty book of `doc` with `opts`. */
void imprint_epub_init(imprint_epub *e, const imprint_doc *doc, const imprint_output_opts *opts,
                       imprint_diags *diags);

/** Frees what the book holds (not the document or options). */
void imprint_epub_clear(imprint_epub *e);

/** Appends `s` to `out` with XML escaping and the writers' character policy
 * (write/chars.h); every code point is noted for imprint_epub_unicodes()
 * (so the fonts keep its glyph). `e` NULL: attribute text, not set in the
 * book's fonts. */
void imprint_epub_text(imprint_epub *e, GString *out, const char *s);

/** Every code point the book's text has used so far (borrowed): e->unicodes
 * with the ASCII noted apart added. */
hb_set_t *imprint_epub_unicodes(imprint_epub *e);

/** Opens an XHTML file: XML declaration, html with lang, head with `title` and
 * the style sheet, and the opening body tag with `body_attrs` (may be NULL). */
void imprint_epub_xhtml_open(imprint_epub *e, GString *out, const char *title, const char *lang,
                             const char *body_attrs);

/** Closes what imprint_epub_xhtml_open opened. */
void imprint_epub_xhtml_close(GString *out);

/** Adds a file to the book; takes ownership of `data` (a GString freed into
 * bytes). */
void imprint_epub_add(imprint_epub *e, const char *id, const char *href, const char *media_type,
                      const char *properties, bool spine, GString *data);

/** Same for binary data (takes the GBytes reference). */
void imprint_epub_add_bytes(imprint_epub *e, const char *id, const char *href,
                            const char *media_type, const char *properties, bool spine,
                            GBytes *data);

/** Adds a navigation entry. */
void imprint_epub_nav_add(imprint_epub *e, int depth, const char *label, const char *href);

/** File name of article number `index` (0-based): "a001.xhtml"... g_free() it. */
char *imprint_epub_article_href(size_t index);

/** id of the `k`-th (0-based) reference to note `number`: "r3", "r3-2"... */
char *imprint_epub_ref_id(int number, size_t k);

/* --- pages.c: the PDF's pages in the EPUB --- */

/** Indexes opts->pages (when set) for the markers: call after
 * imprint_epub_init(), before any file is written. */
void imprint_epub_pages_init(imprint_epub *e);

/** Frees what imprint_epub_pages_init() made. */
void imprint_epub_pages_clear(imprint_epub *e);

/** Whether the book carries the PDF's pages. */
bool imprint_epub_has_pages(const imprint_epub *e);

/** Writes the page-break marker of every page that begins `at` `node`
 * (not IMPRINT_PAGE_TEXT), in page order, into e->file. */
void imprint_epub_page_markers(imprint_epub *e, GString *out, imprint_page_at at,
                               const imprint_node *node);

/** Writes the markers not yet written of the pages that begin in the notes
 * of `article`, in page order: where the PDF's endnotes begin, when the
 * notes themselves are spread over the files of a split article. */
void imprint_epub_note_page_markers(imprint_epub *e, GString *out, const imprint_node *article);

/** Writes TEXT node `text` (escaped, as imprint_epub_text()) with the marker
 * of every page that begins inside it, each at the start of its word. */
void imprint_epub_text_node(imprint_epub *e, GString *out, const imprint_node *text);

/** The start of the word that holds byte `offset` of `text` (`len` bytes):
 * after the last white space before it, else 0. Where a marker goes: never
 * inside a word. */
size_t imprint_epub_word_start(const char *text, size_t len, size_t offset);

/** The page list of the navigation document, `<nav epub:type="page-list">`,
 * appended to `out`; a warning for a page whose marker was never written. */
void imprint_epub_page_list(imprint_epub *e, GString *out);

/** The NCX's play order when the book carries pages: a number for each
 * navigation entry (e->nav), then for each page, in reading order, one
 * number a target (a page with no place gets 0). g_free() it. */
guint *imprint_epub_play_order(const imprint_epub *e);

/** The NCX's <pageList> of the pages placed, numbered by `order` (the pages'
 * part of imprint_epub_play_order()); returns how many it lists. */
size_t imprint_epub_ncx_pages(imprint_epub *e, GString *out, const guint *order);

/* --- parts.c: the files of a long article --- */

/** Plans the files of article number `index`: split at its chapters when
 * its text is over IMPRINT_EPUB_PART_TEXT_BYTES, each note in the part of
 * its first reference. Free with imprint_epub_parts_clear(). */
void imprint_epub_parts_plan(imprint_epub_parts *p, const imprint_node *article, size_t index);

/** The part that holds note reference or note `n` (0 when unplanned). */
size_t imprint_epub_part_of(const imprint_epub_parts *p, const imprint_node *n);

/** What a link to `n` (a reference or a note) needs before its "#id": ""
 * in the part being written, else that part's file (borrowed). */
const char *imprint_epub_part_link(const imprint_epub *e, const imprint_node *n);

/** Frees what the plan holds; accepts NULL. */
void imprint_epub_parts_clear(imprint_epub_parts *p);

/* --- notes.c: note references and the asides that hold notes --- */

/** Renders a note reference: a linked superscript number, or a plain one when
 * the reference has no note. `in_link` is the URL of a link being rendered
 * around it (closed and reopened, as links must not nest), or NULL. */
void imprint_epub_noteref(imprint_epub *e, GString *out, const imprint_node *ref,
                          const char *in_link);

/** Opens the notes section of an article. */
void imprint_epub_notes_open(GString *out);

/** Opens a note: its aside (a visible block when nothing refers to it) and
 * the paragraph that starts with its back-links, which the caller fills with
 * the note's first paragraph's inlines. */
void imprint_epub_note_open(imprint_epub *e, GString *out, const imprint_node *note);

/** Closes the first paragraph that imprint_epub_note_open() opened. */
void imprint_epub_note_first_close(GString *out);

/** Closes the note's aside. */
void imprint_epub_note_close(GString *out, const imprint_node *note);

/** Closes the notes section. */
void imprint_epub_notes_close(GString *out);

/* --- xhtml.c: articles --- */

/** Renders the article as XHTML, one file or one per chapter (parts.c),
 * each with the notes first referred to in it at its end, and adds its
 * contents entries. */
void imprint_epub_article(imprint_epub *e, const imprint_node *article, size_t index);

/* --- front.c: front and back matter --- */

/** The front matter: cover page, title page, contents page. */
void imprint_epub_front(imprint_epub *e);

/** The colophon (metadata, sources, "Made with imprint VERSION"). */
void imprint_epub_colophon(imprint_epub *e);

/* --- css.c, nav.c, package.c, container.c --- */

/** The style sheet (from the style, plus its EPUB-only CSS) and the fonts,
 * subset to e->unicodes, with their licence. Call after every text file. */
void imprint_epub_css_fonts(imprint_epub *e);

/** The CSS the style implies (fonts, sizes, indents); appended to `out`. */
void imprint_epub_css(const imprint_style *style, GString *out);

/** nav.xhtml and toc.ncx from e->nav. */
void imprint_epub_nav_files(imprint_epub *e);

/** content.opf: metadata, manifest (every file in e->files) and spine. */
GString *imprint_epub_package(imprint_epub *e);

/** The zip container in memory: mimetype first and stored, then the
 * container file, `opf` and every file of the book in order, each stamped
 * with opts->epoch. NULL (reported at `path`) on error. */
GBytes *imprint_epub_container(imprint_epub *e, GBytes *opf, const char *path);

/* --- subset.c, cover.c --- */

/** A subset of the font file at `path` holding the glyphs of `unicodes`
 * (plus what shaping needs), as an OpenType file. NULL (reported) when the
 * file is missing or not a font. */
GBytes *imprint_font_subset(const char *path, const hb_set_t *unicodes, imprint_diags *diags);

/** The graphic characters of `wanted` that the font file at `path` has no
 * glyph for, sorted, as a new GArray of gunichar the caller unrefs; NULL when
 * the file is no font (imprint_font_subset() reports that). */
GArray *imprint_font_missing(const char *path, const hb_set_t *wanted);

/** A typographic cover, IMPRINT_COVER_WIDTH × IMPRINT_COVER_HEIGHT PNG, with
 * title, subtitle and editor in the style's fonts (and no other). NULL
 * (reported) on error. */
GBytes *imprint_cover_render(const imprint_meta *meta, const imprint_style *style,
                             const char *data_dir, imprint_diags *diags);

#endif
