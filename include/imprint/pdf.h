#ifndef IMPRINT_PDF_H
#define IMPRINT_PDF_H

#include <stdbool.h>

#include "imprint/diag.h"
#include "imprint/edition.h"
#include "imprint/model.h"
#include "imprint/style.h"

/** The writer behind `imprint build -f pdf`: loads the edition's style from
 * imprint_data_dir() and calls imprint_pdf_write(). */
bool imprint_format_write_pdf(const imprint_doc *doc, const imprint_edition *edition,
                              const char *path, imprint_diags *diags);

/** Most layout passes run to settle the page numbers of the contents: two
 * normally suffice (the contents' own length moves the articles once). */
#define IMPRINT_PDF_MAX_PASSES 8

/** Largest paper side accepted, in millimetres (a sign of a typo beyond it). */
#define IMPRINT_PDF_MAX_PAPER_MM 2000.0

/** What a PDF build did, for tests and benchmarks. */
typedef struct {
    int pages;       /* pages in the file */
    int passes;      /* layout passes until the contents' numbers were stable */
    int split_notes; /* notes continued on a following page */
    int overflows;   /* lines reported as overflowing the measure */
} imprint_pdf_stats;

/** Parses a paper size: "a4", "a5", "letter", "6x9in", or "WIDTHxHEIGHTmm"
 * (case-insensitive; decimals allowed). Sets the size in points and returns
 * true; false for anything else. */
bool imprint_pdf_paper_parse(const char *spec, double *width_pt, double *height_pt);

/** Typesets `doc` as a PDF at `path` with `style` (fonts from `data_dir`/fonts),
 * the paper and notes placement of `edition`. Written through a temporary file
 * in the same folder and renamed: on failure (reported, false returned) no
 * file is left at `path`. `stats` may be NULL. */
bool imprint_pdf_write(const imprint_doc *doc, const imprint_edition *edition,
                       const imprint_style *style, const char *data_dir, const char *path,
                       imprint_diags *diags, imprint_pdf_stats *stats);

#endif
