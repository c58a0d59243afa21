#ifndef IMPRINT_PDFMD_H
#define IMPRINT_PDFMD_H

/*
 * Internal to the pdf-markdown reader (src/read/pdfmd/): the blocks, page
 * fragments and contents table of a Markdown export of a PDF. Not part of
 * the library's public interface.
 *
 * Files call downwards only, so each stage can be read and tested without
 * the ones above it:
 *
 *   pdfmd.c      imprint_read_pdfmd: runs the stages in order
 *   build.c      the document model, from the fragments in reading order
 *   fragments.c  page fragments: cut, described, ordered, joined again
 *   order.c      the reading-order search
 *   ../words.c   the vocabulary (shared with the text reader)
 *   front.c      front matter and contents table
 *   blocks.c     blocks and the shape of their text
 *
 * pdfmd.c calls build.c, fragments.c, front.c and blocks.c; build.c calls
 * fragments.c and blocks.c; fragments.c calls order.c, ../words.c, front.c
 * and blocks.c; order.c calls ../words.c; front.c calls blocks.c. The search
 * asks about broken words only through the pdfmd_join_fn it is given.
 */

#include <stdbool.h>

#include <glib.h>

#include "imprint/diag.h"
#include "read/words.h"
#include "imprint/model.h"

/** Most page fragments put back in order by search; a longer file keeps its
 * order (with a warning): the search keeps a candidate list per fragment. */
#define IMPRINT_PDFMD_MAX_FRAGMENTS 4000

/** Most work of the reading-order search, in fragments looked at (each
 * placement looks at every fragment once), before it gives up and keeps the
 * file's order (with a warning): the search backtracks, and a pathological
 * file must not make it run for ever. Corpus 004 (70 fragments) needs under
 * 10,000. */
#define IMPRINT_PDFMD_MAX_ORDER_STEPS 4000000L

typedef enum {
    PDFMD_PARA,
    PDFMD_HEADING,
    PDFMD_ITEM,      /* "- text" or "N. text" (number > 0 = ordered) */
    PDFMD_TABLE,     /* GFM pipe table */
    PDFMD_RULE,      /* a "---" line: body above, page-foot notes below */
    PDFMD_NOTE_DEF,  /* "<sup>N</sup> text" */
    PDFMD_NOTE_CONT, /* text after a "---" before any definition: a note's run-on */
} pdfmd_block_kind;

/** One source position inside a block's text (for messages and nodes). */
typedef struct {
    size_t offset; /* byte offset in the block's text */
    unsigned line;
    unsigned col;
} pdfmd_seg;

/** A block of the export: its Markdown text (markers removed) and where each
 * piece of it came from. */
typedef struct {
    pdfmd_block_kind kind;
    GString *text;
    GArray *segs; /* pdfmd_seg, by offset */
    unsigned line, col;
    int level;          /* heading: number of '#' */
    int number;         /* note number, or ordered item number (0 = bullet) */
    int contents_index; /* heading: entry of the contents table, or -1 */
    int part;           /* part of the booklet it was placed in (0 = unknown) */
} pdfmd_block;

/** How a fragment starts and ends, for sentence continuity. */
typedef enum {
    PDFMD_START_LOWER,   /* a lower-case word: it continues a sentence */
    PDFMD_START_CAPITAL, /* a capital, digit or quotation: could be either */
    PDFMD_START_HEADING,
    PDFMD_START_LIST,
} pdfmd_start;

typedef enum {
    PDFMD_END_COMPLETE, /* . ! ? …, maybe followed by quotes, emphasis, a note mark */
    PDFMD_END_MID,      /* a word or comma: the sentence goes on */
    PDFMD_END_HYPHEN,   /* a word broken with a hyphen */
    PDFMD_END_EITHER,   /* : or ; */
    PDFMD_END_HEADING,
} pdfmd_end;

/** A run of body blocks that the export kept together: a page, or a page's
 * part before or from a heading. */
typedef struct {
    GPtrArray *blocks; /* pdfmd_block*, borrowed from the reader's list */
    int page;          /* index of the page it belongs to */
    unsigned line;     /* first line */
    pdfmd_start start;
    pdfmd_end end;
    int first_note, last_note;    /* note numbers that order it (0 = none) */
    GArray *headings;             /* int: contents entries of its headings, in order */
    char *first_word, *last_word; /* lower-cased, for word-pair evidence */
    GHashTable *head_words;       /* content words of its first block -> weight (1000 x idf) */
    GHashTable *tail_words;       /* content words of its last block -> weight */
    int last_item;                /* number of its last block if an ordered item, else 0 */
    int next_item;                /* number of its first ordered item before a heading, else 0 */
    bool emphasis_open;           /* its text ends with an emphasis mark ("…revere*") */
    bool emphasis_opens;          /* its text starts with one ("*Stalin. …") */
    /* set by the ordering */
    int part;
} pdfmd_frag;

/** Splits `len` bytes of `data` into blocks appended to `blocks` (which
 * owns them: give it imprint_pdfmd_block_free as its free function). Text
 * under a "---" before any definition becomes PDFMD_NOTE_CONT. */
void imprint_pdfmd_parse_blocks(GPtrArray *blocks, const char *data, size_t len);

/** Frees a block. */
void imprint_pdfmd_block_free(gpointer block);

/** How a block's text opens: a lower-case word continues a sentence. */
pdfmd_start imprint_pdfmd_start_of(const pdfmd_block *b);

/** How a block's text ends: a whole sentence, a cut one, a broken word. */
pdfmd_end imprint_pdfmd_end_of(const pdfmd_block *b);

/** The first (or, with `last`, the last) word of the `len` bytes at `s`,
 * letters only, after opening (before closing) marks and note marks;
 * lower-cased with `lower`. NULL if none; the caller g_free()s it. Looks at
 * the end it is asked for only, so that a long text costs nothing more. */
char *imprint_pdfmd_edge_word(const char *s, size_t len, bool last, bool lower);

/** Appends the note numbers of the `<sup>N</sup>` marks in `s` to `out` (int). */
void imprint_pdfmd_refs_in(const char *s, GArray *out);

/** Number of `c` at the start of the `n` bytes of `s`. */
size_t imprint_pdfmd_count_prefix(const char *s, size_t n, char c);

/** Number of `c` at the end of `s`. */
size_t imprint_pdfmd_trailing(const GString *s, char c);

/** Length of the first `n` bytes of `s` without a trailing note mark
 * `<sup>N</sup>`; `n` itself when they do not end in one. */
size_t imprint_pdfmd_cut_note_mark(const char *s, size_t n);

/** Why the ordering placed a fragment where it did. */
typedef enum {
    PDFMD_WHY_FIRST,
    PDFMD_WHY_HYPHEN,
    PDFMD_WHY_FILE,
    PDFMD_WHY_NOTES,
    PDFMD_WHY_HEADING,
    PDFMD_WHY_TEXT,
} pdfmd_why;

/** The verdict on the word that fragment `a` breaks with a hyphen and `b`
 * completes. */
typedef read_join (*pdfmd_join_fn)(void *ctx, const pdfmd_frag *a, const pdfmd_frag *b);

/** Finds a reading order of `n` fragments (file order in `frags`) that
 * keeps note numbers consecutive within each part (restarting at 1 at a part's
 * heading), headings in the contents table's order (`entries` matched
 * entries, ranked 0..entries-1 in the fragments' `headings`), and sentences
 * continuous across fragments (word pairs from `words` break ties). Fills
 * `order` (n indices) and `why`, sets each fragment's `part`, and returns
 * true; false if no order was found within the limits (`*steps` says how
 * many were tried). */
bool imprint_pdfmd_order(pdfmd_frag **frags, int n, int entries, read_words *words,
                         pdfmd_join_fn joins, void *join_ctx, int *order, pdfmd_why *why,
                         long *steps);

/** One entry of the booklet's contents table. */
typedef struct {
    char *text;  /* as printed, markup and dot leaders removed */
    char *key;   /* lower-case letters and digits only, for matching headings */
    bool italic; /* printed in italics: a sub-section */
    int page;    /* printed page number, 0 if none */
    unsigned line;
    bool matched; /* a heading of the text has it */
} pdfmd_entry;

/** Whether `b` is the heading of a contents table ("Contents", "Table of
 * Contents", "Содержание"...). */
bool imprint_pdfmd_is_contents_heading(const pdfmd_block *b);

/** The entries of a contents table block (GArray of pdfmd_entry); free with
 * imprint_pdfmd_entries_free(). */
GArray *imprint_pdfmd_contents(const pdfmd_block *table);

/** Frees contents entries. Accepts NULL. */
void imprint_pdfmd_entries_free(GArray *entries);

/** The matching key of a heading or entry text (g_free()). */
char *imprint_pdfmd_title_key(const char *text);

/** Plain text of inline Markdown/HTML `md`: tags, emphasis marks, escapes and
 * link targets removed, hard breaks made spaces, NFC (g_free()). */
char *imprint_pdfmd_plain(const char *md);

/** Metadata read from a booklet's front matter. Strings are g_malloc()ed. */
typedef struct {
    char *title, *subtitle, *author, *date, *source_url;
    unsigned title_line;
    GPtrArray *kept;  /* pdfmd_block* lines with no field, kept as text (borrowed) */
    GPtrArray *taken; /* char*: what went where, for the note that reports it */
} pdfmd_front;

/** Reads the front matter `blocks` (everything before the contents table or
 * the body). Free the result's strings with imprint_pdfmd_front_clear(). */
void imprint_pdfmd_front_read(GPtrArray *blocks, pdfmd_front *out);

/** Frees what imprint_pdfmd_front_read() allocated. */
void imprint_pdfmd_front_clear(pdfmd_front *f);

/** Splits `blocks` into the front matter (appended to `front`), the contents
 * table that follows it, and the body (appended to `body`). Returns the
 * contents table's entries (free with imprint_pdfmd_entries_free()), NULL if
 * there is none; the table is reported in `diags`. */
GArray *imprint_pdfmd_front_split(GPtrArray *blocks, GPtrArray *front, GPtrArray *body,
                                  const char *path, imprint_diags *diags);

/** The body cut into page fragments, and their reading order. Filled by
 * imprint_pdfmd_pages_read() and imprint_pdfmd_pages_order(), freed by
 * imprint_pdfmd_pages_clear(). */
typedef struct {
    const char *path; /* for messages */
    imprint_diags *diags;
    GArray *entries;       /* pdfmd_entry of the contents table, or NULL (borrowed) */
    GPtrArray *frags;      /* pdfmd_frag*, owned, in file order */
    GPtrArray *page_notes; /* per page: GPtrArray of its note blocks */
    GArray *page_line;     /* unsigned: first line of each page */
    read_words *words;
    /* set by the ordering */
    int *order;     /* indices of the fragments in reading order */
    pdfmd_why *why; /* why each was placed where it is */
    int *page_part; /* part of each page */
    int nparts;
} pdfmd_pages;

/** Matches the headings of `body` (blocks, borrowed) with the contents
 * `entries` (or NULL), cuts it into page fragments and describes them for
 * the reading-order search. */
void imprint_pdfmd_pages_read(pdfmd_pages *pg, GPtrArray *body, GArray *entries, const char *path,
                              imprint_diags *diags);

/** Puts the fragments in reading order, or keeps the file's order when no
 * order is found or `keep_source` asks for it; reports the moves. */
void imprint_pdfmd_pages_order(pdfmd_pages *pg, bool keep_source);

/** Frees what imprint_pdfmd_pages_read() and imprint_pdfmd_pages_order()
 * allocated (not the blocks or the entries). */
void imprint_pdfmd_pages_clear(pdfmd_pages *pg);

/** The index of the page holding source line `line`. */
int imprint_pdfmd_page_of_line(const pdfmd_pages *pg, unsigned line);

/** Appends `src`'s text to `dst`'s: the page break cut one paragraph (or
 * note) in two. */
void imprint_pdfmd_merge_into(const pdfmd_pages *pg, pdfmd_block *dst, pdfmd_block *src);

/** The blocks of the fragments in reading order (GPtrArray of pdfmd_block*,
 * borrowed), with paragraphs cut by a page break made whole again; sets each
 * block's `part`. */
GPtrArray *imprint_pdfmd_pages_assemble(const pdfmd_pages *pg);

/** Builds the article of the ordered `pages` and its metadata from `front`
 * and appends it to doc->root. Returns 1, or -1 on error (reported). */
int imprint_pdfmd_build(imprint_doc *doc, const pdfmd_pages *pg, const pdfmd_front *front);

#endif
