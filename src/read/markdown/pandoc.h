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

#include <stddef.h>

#include "imprint/diag.h"
#include "read/markdown/md_map.h"

/** Rewrites `len` bytes of `src` (valid UTF-8; `path` names it in messages)
 * into `out`, an initialised and empty md_map; a text with nothing of
 * pandoc's is copied unchanged. */
void imprint_pandoc_rewrite(const char *path, const char *src, size_t len, imprint_diags *diags,
                            md_map *out);

#endif
