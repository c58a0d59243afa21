#ifndef IMPRINT_EPUB_H
#define IMPRINT_EPUB_H

#include <glib.h>
#include <hb.h>
#include <stdbool.h>
#include <time.h>

#include "imprint/diag.h"
#include "imprint/edition.h"
#include "imprint/model.h"
#include "imprint/style.h"

/*
 * The EPUB 3 writer. write_epub.c drives the parts below and packs them with
 * libzip; each epub_*.c file makes one kind of file of the book. The parts
 * share one imprint_epub, which the writer owns for the length of one build.
 */

/** Cover size in pixels (a 5:8 portrait, the size stores ask for). */
#define IMPRINT_COVER_WIDTH  1600
#define IMPRINT_COVER_HEIGHT 2560

/** Deepest heading nesting shown in the contents (article = 1, its headings
 * below): HTML has six heading levels. */
#define IMPRINT_EPUB_MAX_NAV_DEPTH 6

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

/** The state of one EPUB build. */
typedef struct {
    const imprint_doc *doc;
    const imprint_edition *edition;
    const imprint_style *style;
    const char *data_dir;
    imprint_diags *diags;

    const char *lang;         /* the edition's language (default "en") */
    char *identifier;         /* dc:identifier */
    time_t epoch;             /* build time: SOURCE_DATE_EPOCH or the edition's date */
    hb_set_t *unicodes;       /* every code point the book's text uses */
    GPtrArray *nav;           /* of imprint_epub_nav*, in reading order */
    GPtrArray *files;         /* of imprint_epub_file*, in container order */
    int images;               /* figure images embedded so far */
    int headings;             /* headings of the current article so far (their ids) */
    const char *current_href; /* file of the article being written */
    bool failed;              /* an error was reported: write nothing */
} imprint_epub;

/** Writes `doc` as an EPUB 3 to `path` (through a temporary file in the same
 * folder, renamed at the end; nothing is left at `path` on failure). The style
 * and fonts come from imprint_data_dir(). The format table's entry. */
bool imprint_format_write_epub(const imprint_doc *doc, const imprint_edition *edition,
                               const char *path, imprint_diags *diags);

/** Build time of an edition, as imprint_build_epoch() gives it
 * ($SOURCE_DATE_EPOCH, else the edition's `date` at 00:00 UTC, else 0), after
 * checking that a set $SOURCE_DATE_EPOCH is a number of seconds no later than
 * year 9999 (else an error is reported and -1 returned). */
time_t imprint_epub_epoch(const imprint_edition *edition, imprint_diags *diags);

/** The book's identifier: the edition's `identifier` if given, else
 * "urn:uuid:" and the UUID v5 (RFC 4122, URL namespace) of the edition's name.
 * The caller g_free()s it. */
char *imprint_epub_identifier(const imprint_edition *edition);

/* --- parts (each appends one file to e->files, or reports an error) --- */

/** Appends `s` to `out` with XML escaping; every code point is noted in
 * e->unicodes (so the fonts keep its glyph). */
void imprint_epub_text(imprint_epub *e, GString *out, const char *s);

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

/** Label of an article in contents: its title, or the start of its text when
 * it has none. g_free() it. */
char *imprint_epub_article_label(const imprint_node *article);

/** File name of article number `index` (0-based): "a001.xhtml"... g_free() it. */
char *imprint_epub_article_href(size_t index);

/** Renders the article as one XHTML file, its notes at the end, and adds its
 * contents entries. */
void imprint_epub_article(imprint_epub *e, const imprint_node *article, size_t index);

/** Renders a block (and what it holds) of an article or note. */
void imprint_epub_block(imprint_epub *e, GString *out, const imprint_node *block);

/** Renders the inline children of `parent`. */
void imprint_epub_inlines(imprint_epub *e, GString *out, const imprint_node *parent);

/** Renders a note reference: a linked superscript number, or a plain one when
 * the reference has no note. `in_link` is the URL of a link being rendered
 * around it (closed and reopened, as links must not nest), or NULL. */
void imprint_epub_noteref(imprint_epub *e, GString *out, const imprint_node *ref,
                          const char *in_link);

/** Renders the article's notes as footnote asides with back-links. */
void imprint_epub_notes(imprint_epub *e, GString *out, const imprint_node *article);

/** id of the `k`-th (0-based) reference to note `number`: "r3", "r3-2"... */
char *imprint_epub_ref_id(int number, size_t k);

/** The front matter: cover page, title page, contents page. */
void imprint_epub_front(imprint_epub *e);

/** The colophon (metadata, sources, "Made with imprint VERSION"). */
void imprint_epub_colophon(imprint_epub *e);

/** The style sheet (from the style, plus styles/NAME.css) and the fonts,
 * subset to e->unicodes, with their licence. Call after every text file. */
void imprint_epub_css_fonts(imprint_epub *e);

/** nav.xhtml and toc.ncx from e->nav. */
void imprint_epub_nav_files(imprint_epub *e);

/** content.opf: metadata, manifest (every file in e->files) and spine. */
GString *imprint_epub_package(imprint_epub *e);

/** The CSS the style implies (fonts, sizes, indents); appended to `out`. */
void imprint_epub_css(const imprint_style *style, GString *out);

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

/** Kind of an image by its first bytes: "image/png", "image/jpeg" or NULL. */
const char *imprint_image_media_type(const guint8 *data, size_t len);

#endif
