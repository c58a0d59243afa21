#ifndef IMPRINT_PDF_H
#define IMPRINT_PDF_H

#include <stdbool.h>

#include "imprint/diag.h"
#include "imprint/model.h"
#include "imprint/output.h"

/** Most layout passes run to settle the page numbers of the contents: two
 * normally suffice (the contents' own length moves the articles once). */
#define IMPRINT_PDF_MAX_PASSES 8

/** What a PDF build did, for tests and benchmarks. */
typedef struct {
    int pages;       /* pages in the file */
    int passes;      /* layout passes until the contents' numbers were stable */
    int split_notes; /* notes continued on a following page */
    int overflows;   /* lines reported as overflowing the measure */
    int sheet_sides; /* sides of sheets in NAME-booklet.pdf (0: no imposition) */
} imprint_pdf_stats;

/** A PDF laid out, every page of it, and not yet drawn: what the PDF writer
 * makes before it writes a byte, so that the build can ask where each page
 * begins (the EPUB's page list) and then write the file without laying it
 * out again. Borrows the document and the options it was made with. */
typedef struct imprint_pdf_layout imprint_pdf_layout;

/** Lays `doc` out as imprint_pdf_write() would, without writing anything.
 * NULL (reported) on error. Free with imprint_pdf_layout_free(). */
imprint_pdf_layout *imprint_pdf_lay_out(const imprint_doc *doc, const imprint_output_opts *opts,
                                        imprint_diags *diags);

/** Where each page of the layout begins, in page order (borrowed from the
 * layout; its nodes from the document). */
const imprint_page_map *imprint_pdf_layout_pages(const imprint_pdf_layout *layout);

/** Draws the layout into `path` (through a temporary file, as every writer
 * does), filling `stats` (may be NULL). The bytes are those of
 * imprint_pdf_write() with the same document and options. A layout is
 * written at most once. */
bool imprint_pdf_layout_write(imprint_pdf_layout *layout, const char *path, imprint_diags *diags,
                              imprint_pdf_stats *stats);

/** Frees a layout. Accepts NULL. */
void imprint_pdf_layout_free(imprint_pdf_layout *layout);

/** The file the imposed sheets of `pdf_path` go to: NAME-booklet.pdf beside
 * NAME.pdf. The caller g_free()s it. */
char *imprint_pdf_booklet_path(const char *pdf_path);

/** imprint_write_pdf(), also filling `stats` (may be NULL). */
bool imprint_pdf_write(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags, imprint_pdf_stats *stats);

#endif
