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

/** Sets the text (`len` bytes, or to its NUL when -1; NULL keeps the
 * layout's) and the attributes
 * (borrowed; NULL for none) of `layout`, and asks the metrics of every
 * font its lines will use, one thread of the process at a time (see
 * fonts.c: Pango's metrics are not safe to compute on two threads at
 * once). Every layout that a writer breaks into lines while another thread
 * may lay out text is set through this. */
void imprint_fonts_set_layout(PangoLayout *layout, const char *text, int len, PangoAttrList *attrs);

/** The metrics of the fonts of `desc` for `lang` (NULL: the context's) in
 * `context`, computed one thread at a time as above. The caller owns them
 * (pango_font_metrics_unref). */
PangoFontMetrics *imprint_fonts_context_metrics(PangoContext *context,
                                                const PangoFontDescription *desc,
                                                PangoLanguage *lang);

/** Reports, as one warning at `pos`, the characters of `chars` (a sorted
 * GArray of gunichar, borrowed; nothing is reported when it is empty) that
 * no bundled font of `family` has, so the editor sees the whole list at once.
 * `outcome` says what becomes of them in the output ("shown as boxes in the
 * PDF"). */
void imprint_fonts_warn_missing(imprint_diags *diags, imprint_pos pos, const char *family,
                                const char *outcome, const GArray *chars);

#endif
