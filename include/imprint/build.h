#ifndef IMPRINT_BUILD_H
#define IMPRINT_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "imprint/diag.h"
#include "imprint/edition.h"
#include "imprint/format.h"
#include "imprint/output.h"

/** Most editions built at once by `-j`: more threads than this only wait. */
#define IMPRINT_BUILD_MAX_JOBS 64

/** What `imprint build` does. Everything is borrowed from the caller. */
typedef struct {
    const char *outdir;                   /* output folder, made when missing; NULL = "out" */
    const imprint_format *const *formats; /* NULL-terminated; NULL = every format */
    unsigned jobs;                        /* editions built in parallel; 0 or 1 = one at a time */
    const char *depfile;                  /* Make-style dependency file to write, or NULL */
    const char *manifest;                 /* manifest of the outputs to write, or NULL */
    FILE *progress; /* a terminal to show progress on when there are several editions, or NULL */
} imprint_build_opts;

/** Builds each edition in `paths` (n of them) into every format of `opts`:
 * loads it, reads its sources, checks the document, resolves the edition
 * (imprint_build_resolve()) and writes OUTDIR/NAME.EXT for each format.
 * When the EPUB is to carry the PDF's pages (`epub: page-list:`), the PDF is
 * laid out once, before the EPUB is written, and drawn from that layout.
 * Messages go to `diags`, those of each edition together and in the order of
 * `paths`, whatever order the threads ran in. With `opts->manifest`, writes
 * (when every output was written; else removes an old one) one line per
 * output, sorted by name: its SHA-256 in hex, its size in bytes and its name
 * in the output folder, two spaces apart. With `opts->progress` and several
 * editions, keeps one line on it up to date: editions done of all, the one
 * being built, the time left; the line is cleared at the end. Returns true
 * if every output was written. */
bool imprint_build_run(const char *const *paths, size_t n, const imprint_build_opts *opts,
                       imprint_diags *diags);

/** Parses a comma-separated list of format names ("epub,tei") into a
 * NULL-terminated array the caller g_free()s (the entries are borrowed from
 * imprint_formats), in the order of imprint_formats; repeated names count
 * once. On an unknown or empty name returns NULL and sets `*bad` to a copy
 * of it, which the caller g_free()s. */
const imprint_format **imprint_build_parse_formats(const char *list, char **bad);

/** The time to stamp the outputs of `edition` with, in seconds since 1970:
 * $SOURCE_DATE_EPOCH when set, else the edition's `date` at 00:00 UTC, else
 * 0. Same inputs, same stamp: builds are reproducible. A $SOURCE_DATE_EPOCH
 * that is not a number of seconds up to IMPRINT_MAX_EPOCH is an error
 * (reported, false returned). */
bool imprint_build_epoch(const imprint_edition *edition, int64_t *epoch, imprint_diags *diags);

/** Largest image read for a figure or a cover (bytes): bigger files are left
 * as placeholders (figures) or refused (covers); no e-reader shows a 20 MB
 * photograph. */
#define IMPRINT_BUILD_MAX_IMAGE_BYTES (20u * 1024u * 1024u)

/** Resolves every FIGURE of `doc` that names an image file: the file, next to
 * the article's source, is read into the document's arena and checked to be
 * a PNG or JPEG (as->figure.image). A file that is too large or no image
 * keeps its placeholder, with a warning; a missing one was reported by the
 * reader. So does a file outside both the edition's folder and the source's
 * (a source is text from elsewhere: `![x](../../../x.png)` must not put any
 * image of the machine into a book), unless `edition` allows it
 * (`allow-outside-files: true`). Writers never read images themselves. */
void imprint_build_figures(imprint_doc *doc, const imprint_edition *edition, imprint_diags *diags);

/** An edition resolved for its writers: the options they take, and what the
 * options borrow (the loaded style, the cover's bytes). Made by
 * imprint_build_resolve(); free with imprint_build_resolved_free(). */
typedef struct imprint_build_resolved imprint_build_resolved;

/** Resolves `edition`, read into `doc`, once for every writer (DESIGN.md,
 * "Pipeline"): metadata with every default applied, the style loaded from
 * `data_dir` (NULL: imprint_data_dir()), the time stamp validated, paper and
 * notes, the cover read and checked, the figures resolved. The document and
 * the edition must outlive the result. NULL (reported) on error: then no
 * writer should run. */
imprint_build_resolved *imprint_build_resolve(const imprint_edition *edition, imprint_doc *doc,
                                              const char *data_dir, imprint_diags *diags);

/** The writers' options of a resolved edition (borrowed from it). */
const imprint_output_opts *imprint_build_resolved_opts(const imprint_build_resolved *r);

/** Frees a resolved edition. Accepts NULL. */
void imprint_build_resolved_free(imprint_build_resolved *r);

#endif
