#ifndef IMPRINT_EDITION_INTERNAL_H
#define IMPRINT_EDITION_INTERNAL_H

#include "imprint/edition.h"

/* Finds where the value of `key` of article `index` stands in the edition
 * file, by parsing the file again (only done to place an error message).
 * False when the file or key cannot be found any more. pos.file is e->path. */
bool edition_article_key_pos(const imprint_edition *e, size_t index, const char *key,
                             imprint_pos *out);

#endif
