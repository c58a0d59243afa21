#ifndef IMPRINT_OUTPUT_H
#define IMPRINT_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "imprint/model.h"
#include "imprint/style.h"

/*
 * What the writers are given besides the document (DESIGN.md, "Pipeline"):
 * the build resolves an edition into these options once, before any writer
 * runs, so that no writer reads the edition file, the environment or a
 * source's folder, and every writer sees the same values.
 */

/** Where the PDF sets notes. */
typedef enum {
    IMPRINT_NOTES_PAGE,    /* at the foot of the page (PDF) */
    IMPRINT_NOTES_ARTICLE, /* endnotes after each article */
} imprint_notes_mode;

/** How the PDF's pages are also laid out on sheets (`pdf.imposition`). */
typedef enum {
    IMPRINT_IMPOSE_NONE,    /* NAME.pdf only */
    IMPRINT_IMPOSE_BOOKLET, /* NAME-booklet.pdf: saddle-stitch order, folded signatures */
    IMPRINT_IMPOSE_2UP,     /* NAME-booklet.pdf: two pages a side in reading order */
} imprint_imposition;

/** Print-shop options of the PDF (`pdf.imposition`, `pdf.sheet`,
 * `pdf.signature`, `pdf.crop-marks`, `pdf.creep`, `pdf.bleed`). Lengths in
 * points. */
typedef struct {
    imprint_imposition imposition;
    double sheet_w, sheet_h; /* the sheet; 0: two pages side by side, the paper's double */
    int signature;           /* pages a signature (a multiple of 4); 0: chosen */
    bool crop_marks;         /* marks at the trim of each page on the sheet */
    double creep;            /* shift towards the fold per sheet inside a signature */
    double bleed;            /* NAME.pdf: media box this much larger on every side */
} imprint_print_opts;

/** Latest time stamp an output can state: 9999-12-31T23:59:59Z, the last
 * second dcterms:modified and the PDF date format can write. */
#define IMPRINT_MAX_EPOCH INT64_C(253402300799)

/** Where a page of the PDF begins, in the model's terms (imprint_page_map). */
typedef enum {
    IMPRINT_PAGE_TITLE,     /* the title page; node: the document root */
    IMPRINT_PAGE_TITLE_END, /* after the title page's text (its blank back); node: the root */
    IMPRINT_PAGE_CONTENTS,  /* the contents, at the entry of article `node`, or at their
                             * heading when node is the root */
    IMPRINT_PAGE_BLOCK,     /* before block `node`: an article (its opening), a heading, a
                             * paragraph...; a CELL: before its text */
    IMPRINT_PAGE_TEXT,      /* inside TEXT `node`, at byte `offset`: the start of a word */
    IMPRINT_PAGE_NOTES,     /* at the heading of the endnotes of article `node` */
    IMPRINT_PAGE_WITNESSES, /* the witness page after the articles (the colophon's list of
                             * the other copies of the texts); node: the root */
} imprint_page_at;

/** One page of the PDF: its folio and where it begins. The node is borrowed
 * from the document; the label is owned by the map. */
typedef struct {
    char *label; /* the folio printed on the page ("1", "2"...) */
    imprint_page_at at;
    const imprint_node *node;
    size_t offset; /* IMPRINT_PAGE_TEXT only */
} imprint_page_start;

/** The PDF's pages in order, for the EPUB's page-break markers and page
 * list. Made by the PDF layout (imprint_pdf_layout_pages()), owned by it. */
typedef struct {
    imprint_page_start *pages;
    size_t n;
} imprint_page_map;

/** The options of one edition's writers. Every pointer is borrowed from
 * whoever filled the struct (imprint_build_resolve() for builds) and must
 * outlive the writer call. */
typedef struct {
    /** Messages about the edition as a whole (fonts, paper, cover) point here. */
    const char *edition_path;
    /** The edition's metadata with every default applied: title (the
     * edition's name when empty), language (default "en"), identifier
     * (default the UUID v5 of the name); empty strings are NULL. */
    imprint_meta meta;
    /** The loaded style; its fonts are in `data_dir`/fonts. */
    const imprint_style *style;
    const char *data_dir;
    /** Seconds since 1970 stamped into outputs, validated (at most
     * IMPRINT_MAX_EPOCH): $SOURCE_DATE_EPOCH, else the edition's date. */
    int64_t epoch;
    /** PDF page size in points. */
    double paper_w, paper_h;
    imprint_notes_mode notes;
    /** Imposition, bleed and marks. */
    imprint_print_opts print;
    /** The cover image, checked to be a PNG or JPEG; data NULL when the
     * EPUB writer is to draw one from the metadata (`cover: auto`). */
    imprint_image cover;
    /** Threads a writer may use for this edition (0 or 1: only the calling
     * one): the PDF writer lays out articles side by side. The output bytes
     * never depend on it. */
    unsigned threads;
    /** The PDF's pages, for the EPUB's page-break markers and page list;
     * NULL: none. */
    const imprint_page_map *pages;
    /** The edition the pages come from, as the EPUB names it in its
     * pageBreakSource metadata (set whenever `pages` is). */
    const char *page_source;
} imprint_output_opts;

#endif
