#ifndef IMPRINT_FONTS_H
#define IMPRINT_FONTS_H

#include <pango/pango.h>

#include "imprint/diag.h"
#include "imprint/style.h"

/** A Pango font map that sees only the font files of `style` in
 * `data_dir`/fonts, through a private fontconfig configuration made at run
 * time, so that output never depends on the fonts the machine has installed.
 * A missing or unreadable font file is an error (reported, NULL returned).
 * The caller owns the map (g_object_unref). */
PangoFontMap *imprint_fonts_map_new(const char *data_dir, const imprint_style *style,
                                    imprint_diags *diags);

#endif
