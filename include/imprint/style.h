#ifndef IMPRINT_STYLE_H
#define IMPRINT_STYLE_H

#include <stdbool.h>

#include "imprint/diag.h"

/** A style: the typography the EPUB and PDF writers share, from
 * styles/NAME.yaml (plus styles/NAME.css for EPUB-only rules). Lengths in
 * points unless named otherwise. Owned by the caller; free with imprint_style_free(). */
typedef struct {
    char *name;
    char *yaml_path; /* styles/NAME.yaml */
    char *css_path;  /* styles/NAME.css, or NULL when there is none */
    char *css;       /* its text (EPUB only), read with the style; NULL without one */

    /* Fonts: file names inside the fonts/ folder, and the family they declare. */
    char *font_family;
    char *font_regular;
    char *font_italic;
    char *font_bold;
    char *font_bold_italic;
    char *font_license;     /* licence file inside fonts/ */
    char *font_mono;        /* code is set in it; NULL: in the regular face */
    char *font_mono_family; /* the family font_mono declares (needed with it) */

    double body_size;   /* body text size */
    double line_height; /* leading as a multiple of the size */
    double note_size;   /* footnotes */
    double quote_size;  /* block quotes */
    double heading_size[6];
    double title_size; /* article titles */
    double indent_em;  /* first-line indent of paragraphs after the first */
    double quote_indent_em;

    /* Page (PDF): margins in millimetres; inner/outer mirror on two-sided pages. */
    double margin_top_mm;
    double margin_bottom_mm;
    double margin_inner_mm;
    double margin_outer_mm;
    bool two_sided;

    /* Cover colours as #rrggbb. */
    char *cover_background;
    char *cover_foreground;
} imprint_style;

/** The folder holding styles/ and fonts/: $IMPRINT_DATA_DIR if set, else the
 * one compiled in. Borrowed. */
const char *imprint_data_dir(void);

/** Loads style `name` from `data_dir`/styles. Unknown keys and wrong types are
 * errors with line and column; a missing font file is an error. NULL on error. */
imprint_style *imprint_style_load(const char *data_dir, const char *name, imprint_diags *diags);

/** As imprint_style_load(), for the `len` bytes of a style file already in
 * memory (`path` names them in messages); the fonts it names and
 * styles/`name`.css are looked up in `data_dir`. NULL on error. */
imprint_style *imprint_style_parse(const char *data_dir, const char *name, const char *path,
                                   const char *data, size_t len, imprint_diags *diags);

/** Full path of a font file of the style (g_free it). */
char *imprint_style_font_path(const char *data_dir, const char *file);

/** Frees a style. Accepts NULL. */
void imprint_style_free(imprint_style *style);

#endif
