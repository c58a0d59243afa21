#ifndef IMPRINT_EDITION_H
#define IMPRINT_EDITION_H

#include <stdbool.h>
#include <stddef.h>

#include "imprint/compare.h"
#include "imprint/diag.h"
#include "imprint/model.h"
#include "imprint/output.h"
#include "imprint/reader.h"

/** When the EPUB carries the PDF's pages (`epub: page-list:`): page-break
 * markers where each page of the PDF begins, and a page list. */
typedef enum {
    IMPRINT_PAGE_LIST_AUTO,   /* `auto` (the default): when the build writes the PDF too */
    IMPRINT_PAGE_LIST_ALWAYS, /* `true`: also in an EPUB-only build (the PDF is laid out,
                               * not written) */
    IMPRINT_PAGE_LIST_NEVER,  /* `false` */
} imprint_page_list_mode;

/** One entry of an edition's `articles:` list. Strings owned by the edition. */
typedef struct {
    imprint_pos pos;   /* of the entry in the edition file */
    char *source;      /* path as written */
    char *source_path; /* resolved against the edition file's folder */
    char *select;      /* title of the one article to take, or NULL */
    char **split;      /* NULL-terminated title lines, or NULL */
    imprint_dialect dialect;
    char *author;      /* overrides the article's authors, or NULL */
    char *title;       /* overrides the article's title, or NULL */
    char *url;         /* source URL shown in colophons, or NULL */
    bool order_source; /* `order: source` */
    /* `navigation: drop` */
    bool drop_navigation;
    char *encoding;           /* `encoding:` of the source, or NULL for UTF-8 */
    char *language;           /* `language:` of its articles, or NULL for the edition's */
    imprint_wrap_mode wrap;   /* `wrapped: true|false`, else found */
    imprint_verse_mode verse; /* `verse: true|false`, else found */
    bool no_notes;            /* `footnotes: false` */
    bool no_letters;          /* `letters: false` (text: no openers or closers) */
    bool keep_boilerplate;    /* `boilerplate: keep` (text: a Project Gutenberg header, licence) */
} imprint_edition_article;

/** An edition file, parsed. Owned by the caller; free with imprint_edition_free(). */
typedef struct {
    char *path; /* the edition file as given */
    char *dir;  /* its folder */
    char *name; /* file name without .yaml: the output's base name */
    char *title, *subtitle, *editor, *language, *date, *identifier;
    char *publisher, *rights, *description;
    char *style;             /* style name, default "classic" */
    char *cover;             /* "auto" or a path resolved against dir */
    char *paper;             /* as written; default "a5" */
    double paper_w, paper_h; /* its size in points */
    imprint_notes_mode notes;
    imprint_page_list_mode page_list; /* `epub: page-list:` */
    imprint_print_opts print; /* pdf.imposition, sheet, signature, crop-marks, creep, bleed */
    /* `allow-outside-files: true`: figures and the cover may be files from
     * outside the edition's folder (and, for figures, their source's). */
    bool allow_outside_files;
    /* `duplicates:`: what to do with articles that share their text. */
    imprint_duplicates_mode duplicates;
    imprint_edition_article *articles;
    size_t narticles;
} imprint_edition;

/** Largest paper side accepted, in millimetres (a sign of a typo beyond it). */
#define IMPRINT_EDITION_MAX_PAPER_MM 2000.0

/** Parses a paper size: "a4", "a5", "letter", "6x9in", or "WIDTHxHEIGHTmm"
 * (case-insensitive; decimals allowed; at most IMPRINT_EDITION_MAX_PAPER_MM a
 * side). Sets the size in points and returns true; false for anything else. */
bool imprint_edition_paper_parse(const char *spec, double *width_pt, double *height_pt);

/** Largest `pdf.signature`: pages folded into one signature (64 sheets is
 * more than a saddle stitch holds; a bigger number is a typo). */
#define IMPRINT_EDITION_MAX_SIGNATURE 256

/** Largest `pdf.bleed`, in millimetres: print shops ask for 3 to 5. */
#define IMPRINT_EDITION_MAX_BLEED_MM 25.0

/** Largest `pdf.creep` per sheet, in millimetres: paper is at most about
 * half a millimetre thick. */
#define IMPRINT_EDITION_MAX_CREEP_MM 2.0

/** Parses a length: a non-negative decimal with a unit, "3mm", "0.1mm",
 * "8pt", "0.125in". Sets it in points and returns true; false for anything
 * else (no unit, a negative number, junk after it). */
bool imprint_edition_length_parse(const char *spec, double *pt);

/** Parses the edition file at `path`. Unknown keys, wrong value types and
 * missing required keys are errors with line and column. Returns NULL on error. */
imprint_edition *imprint_edition_load(const char *path, imprint_diags *diags);

/** Frees an edition. Accepts NULL. */
void imprint_edition_free(imprint_edition *edition);

/** Reads every source of the edition into a new document, applies `select`,
 * `split`, `dialect` and the overrides, compares the articles and applies
 * `duplicates:` (imprint_compare_apply), and fills the metadata. Returns NULL
 * (and reports why) on error. The caller frees the document. */
imprint_doc *imprint_edition_read(const imprint_edition *edition, imprint_diags *diags);

/** imprint_edition_read() with its sources read `threads` at a time (each
 * source is read once, on one thread). The document, its messages and their
 * order are those of reading the sources one after another, whatever
 * `threads` is. The caller frees the document. */
imprint_doc *imprint_edition_read_threads(const imprint_edition *edition, unsigned threads,
                                          imprint_diags *diags);

#endif
