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

/** The file the imposed sheets of `pdf_path` go to: NAME-booklet.pdf beside
 * NAME.pdf. The caller g_free()s it. */
char *imprint_pdf_booklet_path(const char *pdf_path);

/** imprint_write_pdf(), also filling `stats` (may be NULL). */
bool imprint_pdf_write(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags, imprint_pdf_stats *stats);

#endif
