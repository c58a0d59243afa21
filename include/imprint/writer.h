#ifndef IMPRINT_WRITER_H
#define IMPRINT_WRITER_H

#include <glib.h>
#include <stdbool.h>

#include "imprint/diag.h"
#include "imprint/model.h"
#include "imprint/output.h"

/*
 * The writers. Each takes the document (read-only) and the options the build
 * resolved, and writes `path` through a temporary file renamed at the end, so
 * that on failure (reported in `diags` with the reason, false returned) no
 * file is left at `path`. The same document and options give the same bytes.
 */

/** Writes the document as TEI P5 (valid against TEI Lite). */
bool imprint_write_tei(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags);

/** Appends the document as TEI P5 to `out`, its header made from `meta`
 * (borrowed). Returns false, appending nothing, when libxml2 fails (out of
 * memory). */
bool imprint_write_tei_string(const imprint_doc *doc, const imprint_meta *meta, GString *out);

/** Writes the document as an EPUB 3: the style's fonts (from
 * opts->data_dir) subset to the text, opts->cover or a drawn cover. */
bool imprint_write_epub(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                        imprint_diags *diags);

/** Typesets the document as a PDF with opts->style on paper of
 * opts->paper_w × opts->paper_h points. */
bool imprint_write_pdf(const imprint_doc *doc, const imprint_output_opts *opts, const char *path,
                       imprint_diags *diags);

/** Appends an outline: one line per article and heading with its source line
 * and note count. */
void imprint_write_outline(const imprint_doc *doc, GString *out);

/** Writes `len` bytes to `path` through a temporary file in the same folder
 * (flushed to disk, then renamed over `path`), so a failure leaves neither a
 * partial nor a stale file. Reports failure, with its reason, at `path`.
 * Returns false on error. Every output of every writer goes through here or
 * through imprint_output_open()/imprint_output_commit(). */
bool imprint_output_write(const char *path, const char *data, size_t len, imprint_diags *diags);

/** An output being written to its temporary file. */
typedef struct imprint_output imprint_output;

/** Opens a temporary file beside `path` for a writer that streams its bytes
 * (the PDF). NULL (reported) on error. */
imprint_output *imprint_output_open(const char *path, imprint_diags *diags);

/** Removes the temporary files that writes of `path` left in its folder
 * when their build was killed (".NAME.EXT.XXXXXX"): each is locked while it
 * is written, so one that a running build holds is never touched. Reports
 * each removal as a note; returns how many were removed. */
size_t imprint_output_clean(const char *path, imprint_diags *diags);

/** Appends bytes to the temporary file; false (reported once, at commit) on
 * error. */
bool imprint_output_append(imprint_output *out, const void *data, size_t len);

/** Flushes the temporary file to disk and renames it to its path when `keep`
 * and every append succeeded; otherwise removes it. Frees `out` in every
 * case (NULL is accepted and gives false). Returns true when the file is in
 * place. */
bool imprint_output_commit(imprint_output *out, bool keep, imprint_diags *diags);

#endif
