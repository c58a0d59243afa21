#ifndef IMPRINT_PANDOC_H
#define IMPRINT_PANDOC_H

/*
 * Internal to the markdown reader: the pandoc pass. pandoc's Markdown, as
 * `pandoc -t markdown` writes it from HTML or EPUB, is rewritten into the
 * CommonMark + GFM that cmark-gfm reads:
 *
 *   - fenced divs (`::: {#id .class}` … `:::`) lose their fences, and the
 *     `<div>`/`</div>` lines pandoc keeps for attribute-less divs go;
 *   - attributes (`{#id .class key="v"}`) after headings, links, images and
 *     code go, bracketed spans (`[text]{.smallcaps}`) keep their text only;
 *   - grid, multiline and simple tables become pipe tables;
 *   - link-anchored notes (`[1](#fn1){#ref1}` pointing at a fenced div or a
 *     `[\[1\]](#ref1){#fn1}` paragraph) become `[^label]` notes, their
 *     backlinks go;
 *   - in a file that shows pandoc's signs, `---` and `--` are the em and en
 *     dashes and `^x^`, `~x~` the superscripts and subscripts they stand for.
 *
 * Every structural guess is reported with its line. The text given to cmark
 * maps back, byte by byte, to the source (md_map.h).
 */

#include <glib.h>
#include <stddef.h>

#include "imprint/diag.h"
#include "read/markdown/md_map.h"

/** A pandoc table the pass wrote as a pipe table. A pipe table always has a
 * header row, a pandoc table need not (a grid table without a `+===+` rule,
 * a simple or multiline one without a header line): this says which. */
typedef struct {
    size_t out;           /* where its first row's line starts in the text written */
    unsigned header_rows; /* how many rows, from the first, are column heads; may be 0 */
} imprint_pandoc_table;

/** Rewrites `len` bytes of `src` (valid UTF-8; `path` names it in messages)
 * into `out`, an initialised and empty md_map; a text with nothing of
 * pandoc's is copied unchanged. Each table written is appended to `tables`
 * (a GArray of imprint_pandoc_table owned by the caller, in the order of
 * `out`; may be NULL). */
void imprint_pandoc_rewrite(const char *path, const char *src, size_t len, imprint_diags *diags,
                            md_map *out, GArray *tables);

#endif
