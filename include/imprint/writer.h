#ifndef IMPRINT_WRITER_H
#define IMPRINT_WRITER_H

#include <glib.h>

#include "imprint/diag.h"
#include "imprint/edition.h"
#include "imprint/model.h"

/** Appends the document as TEI P5 (valid against TEI Lite) to `out`.
 * Deterministic: the same document gives the same bytes. */
void imprint_write_tei(const imprint_doc *doc, GString *out);

/** Appends an outline: one line per article and heading with its source line
 * and note count. */
void imprint_write_outline(const imprint_doc *doc, GString *out);

/** Writes `len` bytes to `path` through a temporary file renamed at the end,
 * so a failure leaves neither a partial nor a stale file. Reports failure at
 * `path`. Returns false on error. */
bool imprint_output_write(const char *path, const char *data, size_t len, imprint_diags *diags);

#endif
