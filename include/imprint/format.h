#ifndef IMPRINT_FORMAT_H
#define IMPRINT_FORMAT_H

#include <stdbool.h>

#include "imprint/diag.h"
#include "imprint/model.h"
#include "imprint/output.h"

/** A writer of the format table: imprint_write_tei(), imprint_write_epub()
 * or imprint_write_pdf(). */
typedef bool (*imprint_format_writer)(const imprint_doc *doc, const imprint_output_opts *opts,
                                      const char *path, imprint_diags *diags);

/** An output format of `imprint build -f NAME`. */
typedef struct {
    const char *name;      /* "tei", "epub", "pdf" */
    const char *extension; /* of NAME.EXT in the output folder */
    imprint_format_writer write;
} imprint_format;

/** The formats, in the order `build` writes them; ends with a zeroed entry. */
extern const imprint_format imprint_formats[];

/** The format called `name`, or NULL. */
const imprint_format *imprint_format_find(const char *name);

#endif
