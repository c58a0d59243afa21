#ifndef IMPRINT_PDF_INTERNAL_H
#define IMPRINT_PDF_INTERNAL_H

/* Shared between the parts of the PDF writer. Data flows one way:
 *
 *   pdf.c (driver) ──▶ flow.c + flow_inline.c   model → lines (the flow)
 *                  ──▶ front.c                  title page, contents
 *                  ──▶ page.c + notes.c         flow → pages, notes at the foot,
 *                                               running heads and folios
 *                  ──▶ draw.c + text.c + links.c  pages → Cairo
 *   every layout part ──▶ paragraph.c           the Pango paragraph engine
 *
 * Everything is laid out before the first page is drawn: drawing only shows
 * layouts that exist and never calls back into layout. */

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "model/hyphenate.h"
#include "imprint/model.h"
#include "imprint/pdf.h"
#include "imprint/style.h"
#include "imprint/writer.h"

#define MM_TO_PT (72.0 / 25.4)

/* Lines of a note kept together at the foot of the page where it starts, and
 * at the head of the continuation (fewer when the note is shorter). */
#define PDF_NOTE_MIN_LINES 2

/* Lines of a paragraph kept at the foot and at the head of a page (no widows
 * or orphans). */
#define PDF_MIN_LINES 2

/* How much of a page continued notes may take before the rest waits for the
 * next page: body text must keep a place on every page. */
#define PDF_CARRY_MAX_FRACTION 0.5

/* Narrowest measure, in ems of its type, that nested quotes, lists and verse
 * may leave: deeper nesting is set at that measure. */
#define PDF_MIN_MEASURE_EM 12.0

/* Tolerance before a line counts as overflowing the measure, in points. */
#define PDF_OVERFLOW_TOLERANCE 0.5

typedef struct {
    double page_w, page_h; /* points */
    double top, bottom;    /* margins */
    double inner, outer;   /* margins; left = inner on recto pages */
    double text_w, text_h; /* the text block */
    bool two_sided;
} pdf_geometry;

/* A range of a paragraph's text that links somewhere: `target` holds Cairo
 * link attributes ("uri='…'" or "dest='…'"). */
typedef struct {
    int start, end;
    char *target;
    bool note; /* a note reference: a Reference in the structure tree */
} pdf_span;

/* A named destination at a byte index of a paragraph (a note reference). */
typedef struct {
    int index;
    char *name;
} pdf_anchor;

/* The first reference to a note, at a byte index of a paragraph. */
typedef struct {
    int index;
    const imprint_node *note;
} pdf_noteref;

/* A range of a paragraph's text that a TEXT node of the model gave (with
 * soft hyphens added): where the page map finds a line's place in the model. */
typedef struct {
    int start, end;
    const imprint_node *text;
} pdf_segment;

/* One laid-out paragraph (or cell, label, caption): a Pango layout and what
 * the drawing needs to know about it. */
typedef struct {
    PangoLayout *layout;
    GArray *spans;    /* pdf_span */
    GArray *anchors;  /* pdf_anchor */
    GArray *noterefs; /* pdf_noteref: notes first referenced in this paragraph */
    double size;      /* font size */
    double advance;   /* baseline to baseline */
    double ascent;    /* top of a line box to its baseline */
    bool justify;     /* lines but the last stretched to the measure */
    /* What it shows of the model: the node whose inlines it holds, or the
     * block it stands for (an article's opening: the article; the contents:
     * an entry's article or the document root); NULL for none. The page map
     * (pagemap.c) finds where pages begin by it; the structure tree (tags.c)
     * nests the paragraph by it unless `tag` is set. */
    const imprint_node *node;
    /* pdf_segment, in order; NULL when no TEXT node gave it text. */
    GArray *segments;
    /* The heading of an article's endnotes (node: the article). */
    bool notes_heading;
    /* Its structure type ("P", "H2", "TD"…; NULL: by the node's kind, or
     * not tagged at all). */
    const char *tag;
} pdf_para;

typedef enum {
    PDF_ITEM_LINE,  /* one line of a paragraph */
    PDF_ITEM_ROW,   /* a table row: cells side by side */
    PDF_ITEM_FRAME, /* a framed figure placeholder */
} pdf_item_kind;

/* One unit of the vertical list that pages are cut from. */
typedef struct {
    pdf_item_kind kind;
    pdf_para *para;      /* LINE: its paragraph; FRAME: the text inside */
    int line;            /* LINE: index in para->layout */
    double x;            /* left edge, from the text block's left */
    double line_x;       /* LINE: Pango's own offset of the line in its layout, which
                          * Pango's x ranges include and drawing at x does not */
    double width;        /* FRAME: box width; ROW: table width */
    double height;       /* vertical advance */
    double ascent;       /* top of the item to the baseline (LINE) */
    double space_before; /* vertical space, dropped at the head of a page */
    bool keep_space;     /* ...unless this is set (article openings) */
    bool keep_with_next; /* no page break after this item */
    pdf_para *label;     /* drawn to the left of a LINE (list marker, note number) */
    double label_x;
    char *label_target;            /* link attributes of the label (note → reference) */
    GPtrArray *notes;              /* const imprint_node *: notes first referenced here */
    char *dest;                    /* named destination at the top of the item */
    pdf_para *leader;              /* contents: the page number set after dot leaders */
    pdf_para *leader_dot;          /* ...and the dot they are made of */
    char *target;                  /* contents: link attributes of the whole line */
    GPtrArray *cells;              /* ROW: pdf_para * */
    GArray *cell_x;                /* ROW: double, left of each cell */
    double pad;                    /* ROW/FRAME: inner padding */
    double rule_above, rule_below; /* ROW: rule widths, 0 for none */
    const imprint_node *node;      /* ROW, FRAME: the block it begins (table, cell, figure) */
} pdf_item;

/* An outline entry: a heading or article title and where it is. */
typedef struct {
    int level; /* 1 = article */
    char *title;
    char *dest;
} pdf_mark;

/* Everything one build shares. */
typedef struct {
    const imprint_doc *doc;
    const imprint_output_opts *opts;
    const imprint_style *style;
    imprint_diags *diags;
    pdf_geometry geo;
    imprint_notes_mode notes_mode;
    PangoFontMap *fontmap;
    PangoContext *pango;
    GHashTable *hyphenators; /* language → imprint_hyphenator * (NULL value: none) */
    GHashTable *hyph_caches; /* imprint_hyphenator * → its words hyphenated (this thread's) */
    GHashTable *ascents;     /* font (size, weight, style) → a line's ascent, as a double * */
    GPtrArray *helpers;      /* pdf_ctx *: the layout threads' contexts, kept while their
                              * layouts are (pdf_layout.c) */
    GPtrArray *paras;        /* pdf_para *, owned */
    GPtrArray *items;        /* pdf_item *, owned */
    GHashTable *missing;     /* gunichar → itself: characters no font has */
    GHashTable *note_flows;  /* const imprint_node *note → GPtrArray of pdf_item * */
    GHashTable *note_ids;    /* const imprint_node *note → char * label shown */
    struct pdf_tags *tags;   /* the structure tree, while the book is drawn (tags.c) */
    int overflows;
} pdf_ctx;

/* geometry.c */
bool pdf_geometry_make(const imprint_output_opts *opts, pdf_geometry *geo, imprint_diags *diags);
double pdf_page_left(const pdf_geometry *geo, int page_number);

/* paragraph.c: the paragraph engine */
bool pdf_ctx_init(pdf_ctx *ctx, const char *data_dir, imprint_diags *diags);
void pdf_ctx_clear(pdf_ctx *ctx);
pdf_item *pdf_item_new(pdf_ctx *ctx, pdf_item_kind kind);
PangoFontDescription *pdf_font(const pdf_ctx *ctx, double size, bool bold, bool italic);
pdf_para *pdf_para_new(pdf_ctx *ctx, double size, bool bold, bool italic, double width,
                       PangoAlignment align, bool justify);
pdf_para *pdf_para_plain(pdf_ctx *ctx, const char *text, double size, bool bold, bool italic,
                         double width, PangoAlignment align);
void pdf_para_lines(pdf_ctx *ctx, pdf_para *para, GPtrArray *flow, double x, imprint_pos pos);
void pdf_check_layout(pdf_ctx *ctx, PangoLayout *layout, double width, imprint_pos pos);
const imprint_hyphenator *pdf_hyphenator(pdf_ctx *ctx, const char *lang, imprint_pos pos);
GHashTable *pdf_hyphen_cache(pdf_ctx *ctx, const imprint_hyphenator *h);
void pdf_report_missing(pdf_ctx *ctx);

/* One article laid out into its flow, with the outline entries and the
 * messages the layout made, kept apart until the articles are put back in
 * order (pdf.c, threads.c). */
typedef struct {
    const imprint_node *article;
    int index;
    GPtrArray *flow;      /* pdf_item * */
    GPtrArray *marks;     /* pdf_mark *, owned */
    imprint_diags *diags; /* owned */
} pdf_laid;

/* pdf.c: lays out `a` with `ctx` (flow, loose notes). */
void pdf_lay_out(pdf_ctx *ctx, pdf_laid *a);

/* threads.c: lays out `n` articles on `threads` threads, each with a
 * context of its own (Pango font maps are not shared between threads), then
 * hands what they made to `ctx`. Returns false (reported) when a thread's
 * context cannot be made; then nothing was laid out. */
bool pdf_lay_out_parallel(pdf_ctx *ctx, pdf_laid *arts, int n, unsigned threads);

/* flow.c: articles into the flow */
GPtrArray *pdf_flow_article(pdf_ctx *ctx, const imprint_node *article, int index, GPtrArray *marks);
void pdf_flow_notes(pdf_ctx *ctx, const imprint_node *article, int index);

/* A paragraph shown at a fixed place of a page (the title page). */
typedef struct {
    pdf_para *para;
    double x, y; /* its top left, x from the text block's left edge */
} pdf_placed;

/* page.c */
typedef struct {
    int number;   /* folio, from 1 */
    int article;  /* index of the article on it, or -1 */
    bool opening; /* title page, blank page, first page of an article or contents */
    bool blank;
    const char *recto_head; /* running head on odd pages */
    GPtrArray *body;        /* pdf_item * */
    GPtrArray *foot;        /* pdf_item *: note lines */
    GPtrArray *placed;      /* pdf_placed *, owned: paragraphs at fixed places */
    /* Running head and folio, laid out by pdf_page_furnish() once the page
     * has its number (NULL on openings): x from the text block's left. */
    pdf_para *head;
    double head_x;
    pdf_para *folio;
    double folio_x;
} pdf_page;

void pdf_page_free(pdf_page *page);
pdf_page *pdf_page_new(void);
void pdf_paginate(pdf_ctx *ctx, GPtrArray *flow, int article, const char *head, GPtrArray *pages,
                  int *split_notes);
void pdf_page_furnish(pdf_ctx *ctx, pdf_page *page);
double pdf_head_baseline(const pdf_ctx *ctx);

/* notes.c */
typedef struct {
    GPtrArray *foot;  /* pdf_item * placed at the foot */
    GPtrArray *carry; /* pdf_item * continued on the next page */
    double height;    /* of the foot, with its rule */
    bool split;       /* a note begun here continues */
} pdf_foot;

double pdf_note_separator(const pdf_ctx *ctx);
bool pdf_foot_fill(const pdf_ctx *ctx, GPtrArray *carried, GPtrArray *notes, double avail,
                   double carry_max, pdf_foot *out);
void pdf_foot_clear(pdf_foot *foot);
const char *pdf_note_label(const pdf_ctx *ctx, const imprint_node *note);

/* front.c */
pdf_page *pdf_title_page(pdf_ctx *ctx);
GPtrArray *pdf_flow_contents(pdf_ctx *ctx, const int *article_pages);
GPtrArray *pdf_flow_witnesses(pdf_ctx *ctx);
/* The named destination of the witness page, for the outline. */
#define PDF_WITNESSES_DEST "witnesses"

/* links.c */
void pdf_tag_dest(cairo_t *cr, const char *name, double x, double y);
/* Cairo's attributes of a link to `target` over `n` boxes (x, y, w, h each,
 * in `cr`'s user space, written in device space). */
char *pdf_link_attrs(cairo_t *cr, const char *target, const double *boxes, int n);
char *pdf_target_uri(const char *url);
char *pdf_target_dest(const char *name);
void pdf_set_metadata(pdf_ctx *ctx, cairo_surface_t *surface);
void pdf_add_outline(cairo_surface_t *surface, GPtrArray *marks);

/* text.c: drawing text with a clean text layer */
void pdf_show_line(cairo_t *cr, PangoLayoutLine *line, double x, double baseline);
/* Only the clusters of `line` that start in [from, to) (layout bytes). */
void pdf_show_line_range(cairo_t *cr, PangoLayoutLine *line, double x, double baseline, int from,
                         int to);
void pdf_show_layout(cairo_t *cr, PangoLayout *layout, double x, double y);

/* pagemap.c: where each page begins (title page, its blank back when
 * `front` is 2, the contents' pages, each article's, then the witness
 * pages when `witnesses` is not NULL). */
void pdf_page_map_make(const pdf_ctx *ctx, int front, GPtrArray *contents, GPtrArray *article_pages,
                       GPtrArray *witnesses, imprint_page_map *map);
void pdf_page_map_clear(imprint_page_map *map);

/* tags.c: the structure tree, built as the pages are drawn. Cairo 1.16
 * makes one structure element per cairo_tag_begin() and nests them as the
 * calls nest, so the drawing order is the reading order; it marks content
 * only inside elements without children (content drawn in any other is in
 * no element: running heads, folios, rules and leader dots are drawn so). */
typedef enum {
    PDF_ZONE_TITLE,
    PDF_ZONE_CONTENTS,
    PDF_ZONE_ARTICLE,
    PDF_ZONE_WITNESSES,
} pdf_zone;

typedef struct pdf_tags pdf_tags;

/* Opens the Document element; `cr` must outlive the result, and `log`
 * (pdf_tag_record, the caller's) receives a record per element made. The
 * calls below take a NULL tree too, and then tag nothing: the pages drawn
 * a second time onto a booklet's sheets (impose.c) are in no structure. */
pdf_tags *pdf_tags_new(cairo_t *cr, const imprint_doc *doc, const char *lang, GArray *log);
/* Closes every element still open; accepts NULL. */
void pdf_tags_free(pdf_tags *t);
/* Before drawing: every page, in drawing order (which paragraphs run over
 * a page break, which body item follows which). */
void pdf_tags_scan(pdf_tags *t, const pdf_page *page);
/* The page about to be drawn and what it belongs to (`article` NULL in
 * front matter). */
void pdf_tags_page(pdf_tags *t, pdf_zone zone, const imprint_node *article);
/* Lines at the head of the page's foot that continue a note begun on an
 * earlier page: drawn first, inside that note. */
guint pdf_tags_carried(pdf_tags *t, const pdf_page *page);
/* Where the items drawn next belong: the body, or the foot (notes nested
 * in what the body leaves open across the page break; `page` the page). */
void pdf_tags_body(pdf_tags *t);
void pdf_tags_foot(pdf_tags *t, const pdf_page *page, bool carried);
/* A line (or frame) about to be drawn: opens its elements; `lx..lh` is the
 * box a whole-line link covers. Returns false when the caller must not draw
 * the line's text itself but call pdf_tags_show_segments(). */
bool pdf_tags_line(pdf_tags *t, const pdf_item *it, double lx, double ly, double lw, double lh);
/* Draws a line of a paragraph with links or over a page break: each link
 * (and note reference) an element of its own with its annotation, the
 * rest in Spans. `x`, `y`: the line's left and top. */
void pdf_tags_show_segments(pdf_tags *t, const pdf_item *it, PangoLayoutLine *line, double x,
                            double y);
/* After the line: closes its link, and its paragraph after the last line. */
void pdf_tags_line_end(pdf_tags *t, const pdf_item *it);
/* A list marker or note number (`it->label`) in a Lbl, with its link. */
void pdf_tags_label(pdf_tags *t, const pdf_item *it, double x, double y, double w, double h);
void pdf_tags_label_end(pdf_tags *t);
/* A table cell of a row item, and the end of the row's cells. */
void pdf_tags_cell(pdf_tags *t, const pdf_para *cell);
/* Draws a cell with links or note references, each with its annotation,
 * its top left at `x`, `y`. */
void pdf_tags_show_cell(pdf_tags *t, const pdf_para *cell, double x, double y);
void pdf_tags_row_end(pdf_tags *t);
/* A paragraph at a fixed place (title page), and its end. */
void pdf_tags_placed(pdf_tags *t, const pdf_para *para);
void pdf_tags_placed_end(pdf_tags *t);

/* draw.c */
void pdf_draw_page(pdf_ctx *ctx, cairo_t *cr, const pdf_page *page);

/* pdf.c: Cairo's output into an imprint_output (`closure`), its dates fixed
 * (pdf_fix_date: `data` itself, or `fixed` holding the date Cairo wrote in
 * the form a PDF date has). */
#define PDF_DATE_LEN 17
const unsigned char *pdf_fix_date(const unsigned char *data, unsigned int len,
                                  unsigned char fixed[PDF_DATE_LEN]);
cairo_status_t pdf_write_stream(void *closure, const unsigned char *data, unsigned int len);

/* marks.c: bleed and crop marks (pdf.bleed) */

/* Where the trim starts from the media box's corner: the bleed and the
 * marks' room beyond it (0 without a bleed). */
double pdf_trim_offset(const pdf_ctx *ctx);
/* Draws `page` (NULL: a blank page) inside its trim, with crop marks when
 * there is a bleed. */
void pdf_draw_trimmed(pdf_ctx *ctx, cairo_t *cr, const pdf_page *page);

/* finish.c: what Cairo 1.16 cannot say, written into the file it made */

/* An element of the structure tree as tags.c made it, with what Cairo
 * cannot write into it: one per cairo_tag_begin() that makes an element,
 * in that order. */
typedef struct {
    const char *name;  /* the structure type, static */
    const char *lang;  /* an article's language other than the document's, or NULL (the
                        * document's arena) */
    char *alt;         /* a figure's alternative text, or NULL; owned (pdf_tag_record_clear) */
    const char *attrs; /* attribute objects as PDF ("/A << … >>"), static, or NULL */
} pdf_tag_record;

void pdf_tag_record_clear(void *record);
/* Cairo's output appended to a GString (`closure`), its dates fixed. */
cairo_status_t pdf_hold_stream(void *closure, const unsigned char *data, unsigned int len);
/* Writes into `pdf`, as Cairo 1.16 wrote it: the document's language and
 * DisplayDocTitle (catalog), each record's /Lang, /Alt and /A (structure
 * elements, matched in order with `log`), the TrimBox and BleedBox with a
 * bleed, and what is drawn outside the structure marked as artifacts.
 * False, `pdf` unchanged and `why` naming the part that was not as
 * expected, otherwise. */
bool pdf_finish(const pdf_ctx *ctx, GString *pdf, const GArray *log, GString *why);

/* artifact.c: appends page content `content` to `out` with every stretch
 * drawn outside a marked-content sequence with an MCID between
 * "/Artifact BMC" and "EMC"; false when the content is not as Cairo
 * writes it (unbalanced sequences, inline images). */
bool pdf_mark_artifacts(const char *content, size_t n, GString *out);

/* links.c: drawing on `cr` leaves out links, destinations and structure
 * (a booklet's sheets: pages drawn a second time). pdf_tagged() says
 * whether tags are wanted on `cr`; every cairo_tag_begin goes through it. */
void pdf_untag(cairo_t *cr);
bool pdf_tagged(cairo_t *cr);

/* impose.c: the booklet (pdf.imposition) */

/* Largest signature made when the edition names no size: a book of up to
 * this many pages is one signature, a longer one several of equal size. */
#define PDF_BOOKLET_MAX_SIGNATURE 64

/* Crop marks: a hairline this long, this far from the trim; the sheet
 * needs PDF_MARK_ROOM_MM beyond the pages for them. */
#define PDF_MARK_LENGTH_MM  5.0
#define PDF_MARK_OFFSET_MM  2.0
#define PDF_MARK_ROOM_MM    (PDF_MARK_OFFSET_MM + PDF_MARK_LENGTH_MM + 1.0)
#define PDF_MARK_LINE_WIDTH 0.25

/* One side of a sheet: the 0-based pages left and right of the fold (an
 * index past the book's last page is a blank), and the sheet's place in
 * its signature (0 outermost), for creep. */
typedef struct {
    int left, right;
    int depth;
} pdf_side;

/* Appends the sides of `kind` for `pages` pages (signatures of `signature`
 * pages, 0: chosen) to `sides`; returns the pages with the blank padding. */
int pdf_impose_plan(imprint_imposition kind, int pages, int signature, GArray *sides);

/* Writes `pages` (pdf_page *, NULL for a blank) imposed to `path` through a
 * temporary file; false (reported) on error, with nothing at `path`.
 * `sides` is set to the number of sheet sides. */
bool pdf_write_booklet(pdf_ctx *ctx, GPtrArray *pages, const char *path, int *sides);

#endif
