#ifndef IMPRINT_READ_MARKDOWN_CHAPTERS_H
#define IMPRINT_READ_MARKDOWN_CHAPTERS_H

/* A Markdown file of several `#` chapters read as one article a chapter:
 * its notes, read once for the whole file, go to the chapter that refers to
 * them. */

#include <glib.h>

#include "imprint/diag.h"
#include "imprint/model.h"

/** Moves every note of the ARTICLE nodes in `chapters` (in file order, not
 * yet in a document) to the chapter of its first reference (one inside the
 * note itself not counted), or, without one, to the chapter its definition
 * stands in; renumbers them within each chapter, and references whose label
 * is not a number with them. A reference from another chapter is left
 * unresolved, with a warning to `diags`. */
void imprint_md_place_notes(GPtrArray *chapters, imprint_diags *diags);

#endif
