#ifndef IMPRINT_MD_INLINE_H
#define IMPRINT_MD_INLINE_H

/*
 * Internal to the two Markdown readers (src/read/markdown and src/read/pdfmd):
 * turning cmark-gfm inline nodes, raw inline HTML included, into
 * model inlines. Not part of the library's public interface.
 */

#include <stdbool.h>

#include <cmark-gfm.h>
#include <glib.h>

#include "imprint/diag.h"
#include "imprint/model.h"

/** Maps a cmark position (1-based line, 1-based byte column of the parsed
 * text) to a source position. */
typedef imprint_pos (*imprint_md_pos_fn)(void *ctx, int line, int col);

/** Called for each NOTEREF made; `label` is the cmark footnote ordinal for a
 * `[^label]` reference, or the digits of a `<sup>N</sup>` marker. */
typedef void (*imprint_md_ref_fn)(void *ctx, imprint_node *ref, const char *label);

/** State of one conversion; every pointer is borrowed. */
typedef struct {
    imprint_doc *doc;
    imprint_diags *diags;
    imprint_md_pos_fn map_pos;
    void *pos_ctx;
    /** pdf-markdown: `<sup>123</sup>` is a note reference, not a superscript. */
    bool sup_digits_are_refs;
    imprint_md_ref_fn on_ref;
    void *ref_ctx;
    /** A soft line break becomes a LINEBREAK, not a space: the markdown
     * reader cuts a paragraph written a line each at them. */
    bool soft_breaks;
    /** Straight quotes in text (not in code) become curly, read across
     * emphasis, links and code by the characters around each run, as the
     * plain-text reader makes them. */
    bool curly_quotes;
    /** The block whose inlines are converted, and the last character put
     * into it so far (0 at its start): the context of the next run's
     * quotes. Set by imprint_md_inlines(). */
    cmark_node *block;
    gunichar last;
    /** Depth of the block holding the inlines; the limit is IMPRINT_MAX_DEPTH. */
    int depth;
    /** Set when nesting went past IMPRINT_MAX_DEPTH (reported as an error). */
    bool too_deep;
} imprint_md_inline;

/** Converts the inline children of `parent` (a cmark paragraph, heading, cell
 * or inline) and appends them to `out`, a model node that takes inlines.
 * Text is NFC; adjacent texts are merged; quotes are curly if
 * `mi->curly_quotes`. <sup> <sub> <b> <i> <em> <strong>
 * <br> become model inlines; other raw HTML stays as text with a warning.
 * Returns false if nesting passed IMPRINT_MAX_DEPTH. */
bool imprint_md_inlines(imprint_md_inline *mi, cmark_node *parent, imprint_node *out);

/** Converts one cmark block `n` whose content is inline text into inlines
 * appended to `out`. A raw HTML block or a code block has no inline children:
 * its literal text is kept, lines joined by LINEBREAKs, with a warning
 * ("raw HTML block kept as text") or a note ("code block kept as a plain
 * paragraph"). Any other block goes to imprint_md_inlines(). Returns false
 * if nesting passed IMPRINT_MAX_DEPTH. */
bool imprint_md_block_inlines(imprint_md_inline *mi, cmark_node *n, imprint_node *out);

/** A cmark parser with the options and extensions both readers use (tables,
 * autolinks; footnotes if `footnotes`). Free with cmark_parser_free(). */
cmark_parser *imprint_md_parser_new(bool footnotes);

#endif
