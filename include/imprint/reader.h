#ifndef IMPRINT_READER_H
#define IMPRINT_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "imprint/diag.h"
#include "imprint/model.h"

/** Source dialects (DESIGN.md, "Dialects"). */
typedef enum {
    IMPRINT_DIALECT_AUTO,
    IMPRINT_DIALECT_TEXT,
    IMPRINT_DIALECT_PDF_MARKDOWN,
    IMPRINT_DIALECT_MARKDOWN,
    IMPRINT_DIALECT_TEI,
} imprint_dialect;

/** Whether a text source is hard-wrapped (lines broken at a fixed width,
 * paragraphs of several lines): found from the file's line lengths, or said
 * by the edition (`wrapped: true|false`). */
typedef enum {
    IMPRINT_WRAP_AUTO,
    IMPRINT_WRAP_YES,
    IMPRINT_WRAP_NO,
} imprint_wrap_mode;

/** Whether a `text` source is verse: found from how its lines run, or said
 * by the edition (`verse: true|false`; false also keeps stanzas out of a
 * prose text). */
typedef enum {
    IMPRINT_VERSE_AUTO,
    IMPRINT_VERSE_YES,
    IMPRINT_VERSE_NO,
} imprint_verse_mode;

/** Options a reader takes from the edition file. Borrowed by the reader. */
typedef struct {
    imprint_dialect dialect;
    /** Title lines at which to split the source into articles, in order;
     * NULL-terminated. NULL means automatic detection. */
    const char *const *split;
    /** pdf-markdown: keep the file's order of fragments (`order: source`). */
    bool order_source;
    /** markdown: drop the lines of a scraped page's navigation (breadcrumb
     * trails, "top of the page" links) instead of keeping them
     * (`navigation: drop`); either way each is reported. */
    bool drop_navigation;
    /** The source's character encoding as iconv names it ("latin1",
     * "windows-1252"...), converted to UTF-8 before reading; NULL for UTF-8. */
    const char *encoding;
    /** The text's language (BCP 47, "en"; NULL: English): the hyphenation
     * patterns that help join words broken at line ends. */
    const char *language;
    /** `text`: hard-wrapped lines joined into paragraphs, or not. */
    imprint_wrap_mode wrap;
    /** `text`: a collection of verse, or prose with no verse at all. */
    imprint_verse_mode verse;
    /** `text`: take no footnotes at all (`footnotes: false`): markers and
     * definitions of every style stay text where they are. */
    bool no_notes;
    /** `text`: take no openers or closers (`letters: false`): salutations,
     * sign-offs, signatures and the dates under a text stay paragraphs. */
    bool no_letters;
    /** `text`: keep a Project Gutenberg file's header and licence as text
     * (`boilerplate: keep`); by default they are left out, each reported. */
    bool keep_boilerplate;
} imprint_read_opts;

/** Largest source file read (bytes), also once converted to UTF-8. Larger
 * files are an error: the largest real books are a few MB (War and Peace
 * is 3.2 MB of text, the Bible 4.3 MB; every archive text seen is under
 * 1 MB), and the PDF writer lays the whole book out before it draws: an
 * 8 MB source takes some 20 s and 520 MB to typeset, a 60 MB one took
 * 113 s and 3.8 GB. */
#define IMPRINT_MAX_SOURCE_BYTES (8u * 1024u * 1024u)

/** "text", "pdf-markdown", "markdown", "tei", "auto". */
const char *imprint_dialect_name(imprint_dialect dialect);

/** Parses a dialect name; false if unknown. */
bool imprint_dialect_parse(const char *name, imprint_dialect *out);

/** Guesses the dialect of `data` from its content and the extension of `path`. */
imprint_dialect imprint_dialect_detect(const char *path, const char *data, size_t len);

/** Reads the file at `path` into `doc`: checks size and UTF-8 (an error names
 * the byte offset), picks the dialect (saying which with a note when `auto`),
 * and appends the articles it finds to doc->root. Returns the number of
 * articles appended, or -1 on error (reported in `diags`). */
int imprint_read_file(imprint_doc *doc, const char *path, const imprint_read_opts *opts,
                      imprint_diags *diags);

/** As imprint_read_file(), for `len` bytes already in memory (`path` names
 * them in messages). */
int imprint_read_buffer(imprint_doc *doc, const char *path, const char *data, size_t len,
                        const imprint_read_opts *opts, imprint_diags *diags);

/* Dialect readers. Each takes valid UTF-8 and appends articles to doc->root;
 * returns the number appended or -1 on error. */

/** The `text` dialect: scraped plain text, several articles a file. */
int imprint_read_text(imprint_doc *doc, const char *path, const char *data, size_t len,
                      const imprint_read_opts *opts, imprint_diags *diags);

/** The `tei` dialect: the TEI that imprint_write_tei() writes. */
int imprint_read_tei(imprint_doc *doc, const char *path, const char *data, size_t len,
                     const imprint_read_opts *opts, imprint_diags *diags);

/** The `markdown` dialect (cmark-gfm). */
int imprint_read_markdown(imprint_doc *doc, const char *path, const char *data, size_t len,
                          const imprint_read_opts *opts, imprint_diags *diags);

/** The `pdf-markdown` dialect: Markdown exported from a PDF. */
int imprint_read_pdfmd(imprint_doc *doc, const char *path, const char *data, size_t len,
                       const imprint_read_opts *opts, imprint_diags *diags);

#endif
