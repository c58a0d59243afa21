#ifndef IMPRINT_PANDOC_INTERNAL_H
#define IMPRINT_PANDOC_INTERNAL_H

/*
 * Shared by the files of the pandoc pass: pandoc.c (the driver: what each
 * line is, fenced divs, headings, the walk) calls pandoc_tables.c,
 * pandoc_notes.c and pandoc_inline.c; all of them call pandoc_lines.c, which
 * calls none. The pass walks the source twice with the same units: once
 * to collect (links, attributes, definitions), once to write.
 */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "imprint/diag.h"
#include "read/markdown/md_map.h"
#include "read/markdown/pandoc.h"

/** Longest attribute block, bracketed text or link destination looked for
 * (bytes). pandoc writes attributes of a few dozen bytes; the bound keeps a
 * text full of unmatched `[` or `{` linear. */
#define PD_MAX_SPAN 4096

typedef enum {
    PD_BLANK,
    PD_TEXT,
    PD_CODE,        /* a fenced code block, its fences included, or an indented one */
    PD_FENCE_OPEN,  /* `::: {attrs}` */
    PD_FENCE_CLOSE, /* `:::` closing an open div */
    PD_HTML_DIV,    /* a `<div>` or `</div>` line standing alone */
    PD_TITLE,       /* the one paragraph of a `<div>` that is a section's title */
    PD_ATX,         /* `## Heading` */
    PD_SETEXT,      /* the text line of a setext heading */
    PD_TABLE,       /* a line of a grid, multiline or simple table */
    PD_RULE,        /* a thematic break (`---`, `* * *`): written as it is */
    PD_DELIMITER,   /* a pipe table's `|---|:--|` row: written as it is, no dashes in it */
    PD_KRAMDOWN,    /* kramdown's attribute line `{: .note}`, or its `* TOC` over `{:toc}` */
} pd_kind;

/** An attribute block `{#id .class key="value"}`, parsed. */
typedef struct {
    size_t end;    /* just past `}` */
    char *id;      /* NULL if none */
    bool noteref;  /* .noteref, .footnote-ref, epub:type="noteref" */
    bool backlink; /* .backlink, .footnote-back, epub:type="backlink" */
    bool note;     /* a class or epub:type naming a footnote, endnote or note */
} pd_attr;

/** A link `[text](#target){attrs}` seen while collecting. */
typedef enum {
    PD_LINK_PLAIN,
    PD_LINK_MARKER, /* a note reference: becomes `[^label]` */
    PD_LINK_BACK,   /* a definition's backlink: removed */
    PD_LINK_DEF,    /* the leading link of a paragraph definition */
} pd_link_role;

typedef struct {
    size_t start; /* source offset of `[` */
    unsigned line;
    char *text;   /* between the brackets, as written */
    char *target; /* the destination after `#`, or NULL if not a fragment */
    char *id;     /* its attribute id, or NULL */
    bool noteref, backlink;
    bool para_start; /* the first thing of a paragraph at the left margin */
    pd_link_role role;
    int def; /* the definition it refers to or belongs to, or -1 */
} pd_link;

/** A fenced div. */
typedef struct {
    unsigned open, close; /* lines; close is G_MAXUINT while open or if never closed */
    char *id;
    bool note;                /* pd_attr.note */
    unsigned item_width;      /* width of a list marker before the fence ("157. " is 5), or 0 */
    size_t item_at, item_len; /* that marker's bytes */
    int parent;
    int heading_level; /* of the first heading inside, 0 if none */
    int def;           /* the note definition it is, or -1 */
} pd_div;

/** A note definition: a fenced div, or a paragraph led by a link. */
typedef struct {
    int div;              /* or -1 */
    int link;             /* the leading link of a paragraph definition, or -1 */
    unsigned first, last; /* lines */
    const char *id;       /* borrowed from the div or the link */
    char *label;          /* the `[^label]` written, when taken */
    int refs;
    unsigned backlinks; /* the links back removed from it */
} pd_def;

/** A table: rows of cells, each cell pieces of source (one per line). */
typedef struct {
    size_t start, len;
} pd_piece;

typedef struct {
    unsigned first, last; /* lines */
    const char *kind;     /* "grid", "multiline", "simple" */
    unsigned ncols;
    unsigned header_rows; /* rows of column heads: 0 when the table has no header */
    GPtrArray
        *rows; /* GPtrArray (cells) of GArray (pd_piece); a NULL piece list separates paragraphs */
} pd_table;

typedef struct {
    const char *path;
    const char *src;
    size_t len;
    imprint_diags *diags;
    GArray *line_start; /* size_t, one per line, and one past the end */
    unsigned nlines;
    guint8 *kind;         /* pd_kind per line */
    int *owner;           /* per line: the div (fences), the table, or -1 */
    int *def_of;          /* per line: the taken definition it belongs to, or -1 */
    GArray *divs;         /* pd_div */
    GPtrArray *tables;    /* pd_table * */
    GArray *links;        /* pd_link */
    GHashTable *link_at;  /* source offset + 1 → index + 1 into links */
    GHashTable *ids;      /* every attribute id seen (owned strings) */
    GHashTable *labels;   /* `[^label]:` labels already in the file (owned) */
    GHashTable *used;     /* labels written: the file's and those given (owned) */
    GArray *defs;         /* pd_def */
    GArray *inline_notes; /* pd_inline_note, in order: written after the text */
    md_map *out;          /* NULL while collecting */
    GArray *written;      /* imprint_pandoc_table, one a table written to `out`; may be NULL */
    bool pandoc;          /* the file shows pandoc's signs: dashes, ^sup^, ~sub~ */
    unsigned seen;        /* attribute blocks and spans met while collecting */
    /* what was rewritten, for the summary notes */
    unsigned attrs, spans, dashes, scripts, nested, inlines;
    size_t first_attr, first_span, first_dash, first_script, first_nested, first_inline;
} pd_state;

/* A pandoc inline note, `^[its words]`: the label of the marker written in
 * its place, its words, and where it stands in the source. */
typedef struct {
    char *label;
    char *text;
    size_t src;
} pd_inline_note;

/* pandoc_lines.c */
/** Line (0-based) holding source offset `off`. */
unsigned pd_line_of(const pd_state *st, size_t off);
/** Position of source offset `off` for messages. */
imprint_pos pd_pos(const pd_state *st, size_t off);
/** Start and length (without the line end, a trailing CR or spaces) of line `i`. */
size_t pd_line_start(const pd_state *st, unsigned i);
size_t pd_line_len(const pd_state *st, unsigned i);
/** Byte offset within `s` (`len` bytes) where column `col` starts (len if
 * past): columns count characters, a wide one two, as pandoc lays tables out. */
size_t pd_col_byte(const char *s, size_t len, unsigned col);

/* pandoc_inline.c */
/** Parses an attribute block at `t[at]` (`{`), ending before `to`; true and
 * `a` filled (free with pd_attr_clear) if it is one. */
bool pd_attr_parse(const char *t, size_t at, size_t to, pd_attr *a);
void pd_attr_clear(pd_attr *a);
/** Flags of pd_inline(). */
enum {
    PD_IN_CELL = 1,    /* a table cell: `|` is escaped */
    PD_IN_HEADING = 2, /* a heading's text: a trailing attribute block goes */
    PD_IN_PARA = 4,    /* a paragraph: a link opening it may be a note's definition */
};
/** Scans `v`'s text from `from` to `to`: collects links into st->links, or
 * writes the text to st->out with pandoc's inline syntax rewritten. */
void pd_inline(pd_state *st, const md_map *v, size_t from, size_t to, unsigned flags);
/** Whether a link's text is how notes are numbered: "12", "[12]", "(12)", "*". */
bool pd_note_number(const char *text, char **digits);

/* pandoc_tables.c */
/** The table starting at line `i`, or NULL; `odd` is set for a grid table
 * that could not be read (joined cells), for a warning. */
pd_table *pd_table_at(pd_state *st, unsigned i, bool *odd);
void pd_table_free(gpointer t);
/** Writes (or collects) table `t` as a pipe table; `prefix` is written before each row. */
void pd_table_emit(pd_state *st, const pd_table *t, const md_map *prefix);

/* pandoc_notes.c */
/** Pairs the collected links with definitions; fills st->defs, def_of and the links' roles. */
void pd_notes_pair(pd_state *st);
/** A free label for the next inline note, its ordinal among them or the
 * next number no note of the file has ("[^1]" taken: "2"), taken in
 * st->used; the caller g_free()s it. */
char *pd_inline_label(pd_state *st);
/** Writes the inline notes' definitions (`[^label]: words`) after the
 * text in st->out, each mapped to its note's place in the source. */
void pd_inline_notes_write(pd_state *st);

#endif
