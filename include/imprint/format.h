#ifndef IMPRINT_FORMAT_H
#define IMPRINT_FORMAT_H

#include <stdbool.h>

#include "imprint/diag.h"
#include "imprint/edition.h"
#include "imprint/model.h"

/** Writes `doc` (read from `edition`) to `path`. The writer must write
 * through a temporary name and rename at the end, so that on failure
 * (reported in `diags`, returning false) no file is left at `path`. */
typedef bool (*imprint_format_writer)(const imprint_doc *doc, const imprint_edition *edition,
                                      const char *path, imprint_diags *diags);

/** An output format of `imprint build -f NAME`. */
typedef struct {
    const char *name;            /* "tei", "epub", "pdf" */
    const char *extension;       /* of NAME.EXT in the output folder */
    imprint_format_writer write; /* NULL while the format is not built yet */
} imprint_format;

/** The formats, in the order `build` writes them; ends with a zeroed entry. */
extern const imprint_format imprint_formats[];

/** The format called `name`, or NULL. */
const imprint_format *imprint_format_find(const char *name);

/* The writers behind the formats. */
bool imprint_format_write_tei(const imprint_doc *doc, const imprint_edition *edition,
                              const char *path, imprint_diags *diags);

#endif
