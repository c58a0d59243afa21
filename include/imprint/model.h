#ifndef IMPRINT_MODEL_H
#define IMPRINT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "imprint/arena.h"
#include "imprint/diag.h"

/*
 * The document model: one tree per edition. Every node and every string of a
 * document lives in the document's arena and is freed with the document.
 * Readers build the tree; writers only walk it.
 *
 * Shape (enforced by imprint_node_can_contain and checked by imprint_doc_check):
 *   DOCUMENT > ARTICLE*
 *   ARTICLE  > block*            (notes hang off the article in a chain of their own)
 *   NOTE     > block*
 *   block    = HEADING | PARAGRAPH | QUOTE | CITATION | LIST | VERSE | SPEECH
 *            | TABLE | FIGURE | BREAK | BIBL | SIDENOTE | OPENER | CLOSER | CODE
 *   QUOTE    > block* (CITATION last, at most one, belongs to the quote)
 *   LIST     > ITEM*;  ITEM > block*
 *   VERSE    > LINE*;  LINE > inline*
 *   SPEECH   > block*  (speaker in as.speech.speaker)
 *   TABLE    > ROW*;   ROW > CELL*;  CELL > inline*  (header rows: as.row.header)
 *   FIGURE   > inline* (the caption; image or placeholder in as.figure)
 *   HEADING, PARAGRAPH, CITATION, BIBL, SIDENOTE, OPENER, CLOSER > inline*
 *   CODE     > (TEXT | LINEBREAK)*  (literal: every space kept, one LINEBREAK a line)
 *   inline   = TEXT | EMPH | STRONG | SUP | SUB | SMALLCAPS | LINK | NOTEREF | LINEBREAK
 *   EMPH, STRONG, SUP, SUB, SMALLCAPS, LINK > inline*
 *   TEXT, NOTEREF, LINEBREAK, BREAK are leaves.
 */

typedef enum {
    IMPRINT_NODE_DOCUMENT,
    IMPRINT_NODE_ARTICLE,
    IMPRINT_NODE_NOTE,

    /* blocks */
    IMPRINT_NODE_HEADING,
    IMPRINT_NODE_PARAGRAPH,
    IMPRINT_NODE_QUOTE,
    IMPRINT_NODE_CITATION,
    IMPRINT_NODE_LIST,
    IMPRINT_NODE_ITEM,
    IMPRINT_NODE_VERSE,
    IMPRINT_NODE_LINE,
    IMPRINT_NODE_SPEECH,
    IMPRINT_NODE_TABLE,
    IMPRINT_NODE_ROW,
    IMPRINT_NODE_CELL,
    IMPRINT_NODE_FIGURE,
    IMPRINT_NODE_BREAK,
    IMPRINT_NODE_BIBL,
    IMPRINT_NODE_SIDENOTE, /* a note in the margin (a book's "[Sidenote: ...]"): a summary
                              beside the paragraph it stands before, not a footnote */
    IMPRINT_NODE_OPENER,   /* the salutation that opens a letter ("My dear Sister,") */
    IMPRINT_NODE_CLOSER,   /* the lines that close a letter, a poem or a preface: a sign-off,
                              a signature, a place and date; lines apart by LINEBREAK */
    IMPRINT_NODE_CODE,     /* literal lines set as they are (program text, a grammar, a
                              command): monospaced, never joined, filled or hyphenated */

    /* inlines */
    IMPRINT_NODE_TEXT,
    IMPRINT_NODE_EMPH,
    IMPRINT_NODE_STRONG,
    IMPRINT_NODE_SUP,
    IMPRINT_NODE_SUB,
    IMPRINT_NODE_SMALLCAPS,
    IMPRINT_NODE_LINK,
    IMPRINT_NODE_NOTEREF,
    IMPRINT_NODE_LINEBREAK,

    IMPRINT_NODE_KIND_COUNT
} imprint_node_kind;

typedef enum {
    IMPRINT_LIST_BULLET,  /* • - * */
    IMPRINT_LIST_DECIMAL, /* 1. 1) */
    IMPRINT_LIST_ALPHA,   /* a. a) */
    IMPRINT_LIST_PLAIN,   /* no markers: the entries are lines of their own (a play's persons) */
} imprint_list_style;

/** An image ready to embed, its bytes checked to be a PNG or a JPEG.
 * Borrowed from whoever made it (the document's arena for figures). */
typedef struct {
    const unsigned char *data; /* NULL: no image */
    size_t size;
    const char *media_type; /* "image/png" or "image/jpeg" */
} imprint_image;

typedef struct imprint_node imprint_node;

/** Another copy of an article's text, found by comparing the articles of a
 * document (src/compare): a witness of the text, named in colophons and the
 * TEI header. Strings are owned by the document's arena. */
typedef struct {
    const char *file;  /* the other copy's source file */
    unsigned line;     /* its first line there */
    const char *url;   /* its source URL, or NULL */
    const char *title; /* its title, or NULL */
    int overlap;       /* percent of the text the two copies share; 100 for the same text */
    bool same;         /* the same text (not a variant) */
    bool dropped;      /* left out of the edition (`duplicates: keep-fuller`) */
} imprint_witness;

struct imprint_node {
    imprint_node_kind kind;
    imprint_pos pos;
    imprint_node *parent;
    imprint_node *first_child;
    imprint_node *last_child;
    imprint_node *prev;
    imprint_node *next;
    union {
        struct {
            const char *text; /* NUL-terminated UTF-8, NFC */
            size_t len;
            /* Private to imprint_node_append_text(): the arena buffer the
             * text grows in, while `text` still points at it. */
            char *run;
            size_t run_cap;
        } text;
        struct {
            int level; /* 1..6, relative to the article (its title is level 0) */
        } heading;
        struct {
            imprint_list_style style;
            int start;         /* first number of an ordered list */
            bool bibliography; /* a SOURCES / FURTHER READING list */
            bool contents;     /* a table of contents copied with the text: no markers */
        } list;
        struct {
            int indent; /* spaces before it beyond the stanza's least (verse indentation) */
            int number; /* its number in the source's margin ("5", "10"), 0 if none */
        } line;
        struct {
            /* A row of column heads: set by a reader only where the source
             * marks one (a GFM delimiter row, pandoc's header line or `+===+`
             * rule, TEI's <row role="label">, a plain-text rule under the
             * first row), never guessed from the cells' text. */
            bool header;
        } row;
        struct {
            const char *speaker;
        } speech;
        struct {
            const char *src;         /* image file name, or NULL */
            const char *placeholder; /* the leftover text that stood for it */
            imprint_image image;     /* src's bytes, set by the build (imprint_build_figures) */
        } figure;
        struct {
            const char *url;
        } link;
        struct {
            imprint_node *note;     /* NULL while unresolved (a marker with no definition) */
            imprint_node *next_ref; /* next reference to the same note */
            int number;             /* the number as written */
        } noteref;
        struct {
            int number;        /* 1-based within its article */
            const char *label; /* the label as written (a part-qualified id for some readers) */
            imprint_node *first_ref; /* chain through as.noteref.next_ref */
            imprint_node *last_ref;  /* end of that chain: appending is O(1) */
            imprint_node *next_note; /* the article's next note */
        } note;
        struct {
            const char *title; /* NULL for an untitled article */
            const char *subtitle;
            const char **authors; /* NULL-terminated, may be NULL */
            const char *date;
            const char *source_file;
            unsigned source_line;
            const char *source_url;
            const char *lang;
            imprint_node *first_note;
            imprint_node *last_note;
            int note_count;
            const imprint_witness *witnesses; /* other copies of the text, in the arena */
            size_t nwitnesses;
        } article;
    } as;
};

/** Edition-wide metadata; strings owned by the document's arena. */
typedef struct {
    const char *title;
    const char *subtitle;
    const char *editor;
    const char *language;
    const char *identifier;
    const char *date;
    const char *publisher;
    const char *rights;
    const char *description;
} imprint_meta;

/** A document: its arena, metadata and the DOCUMENT root whose children are
 * the articles. */
typedef struct {
    imprint_arena *arena;
    imprint_meta meta;
    imprint_node *root;
} imprint_doc;

/** Creates an empty document (a DOCUMENT root, no articles). The caller owns it
 * and frees it with imprint_doc_free(). */
imprint_doc *imprint_doc_new(void);

/** Frees the document, its arena and every node. Accepts NULL. */
void imprint_doc_free(imprint_doc *doc);

/** A new detached node of `kind` at `pos` (pos.file is copied into the arena).
 * Owned by the document. */
imprint_node *imprint_node_new(imprint_doc *doc, imprint_node_kind kind, imprint_pos pos);

/** A new TEXT node holding a copy of `len` bytes of `text` (must be valid UTF-8). */
imprint_node *imprint_node_new_text(imprint_doc *doc, imprint_pos pos, const char *text,
                                    size_t len);

/** Appends `len` bytes of UTF-8 `text` to `parent`, normalised: onto its
 * last child when that is a TEXT node (one node per run of text), else as a
 * new TEXT node at `pos`. The run stays NFC as a whole, and grows in place
 * in the arena, doubling, so that building a run of n appends costs O(n)
 * in all. Returns the TEXT node (owned by the document), or NULL when
 * `text` is not valid UTF-8 or `parent` may not hold text. */
imprint_node *imprint_node_append_text(imprint_doc *doc, imprint_node *parent, imprint_pos pos,
                                       const char *text, size_t len);

/** Appends `len` bytes of literal UTF-8 `text` to `code` (a CODE node), one
 * line a newline ("\r\n" read as one): each line's TEXT as it is, spaces and
 * all, and a LINEBREAK between lines; a newline at the very end makes no
 * empty line. Appends to lines already there (a LINEBREAK first). Returns
 * false, having appended nothing, when `text` is not valid UTF-8. */
bool imprint_node_append_literal(imprint_doc *doc, imprint_node *code, imprint_pos pos,
                                 const char *text, size_t len);

/** Whether a node of kind `parent` may hold a child of kind `child`: the one
 * place the containment rules live. */
bool imprint_node_can_contain(imprint_node_kind parent, imprint_node_kind child);

/** Appends `child` (detached) as the last child of `parent`. Returns false, and
 * changes nothing, if the containment rules forbid it. */
bool imprint_node_append(imprint_node *parent, imprint_node *child);

/** Makes `child` (detached) the first child of `parent`. Returns false, and
 * changes nothing, if the containment rules forbid it. */
bool imprint_node_prepend(imprint_node *parent, imprint_node *child);

/** Inserts `node` (detached) right before `sibling`, under the same parent.
 * Returns false, and changes nothing, if `sibling` has no parent or the
 * containment rules forbid it. */
bool imprint_node_insert_before(imprint_node *sibling, imprint_node *node);

/** Detaches `node` from its parent and siblings. */
void imprint_node_unlink(imprint_node *node);

/** Whether `kind` is a block or an inline. */
bool imprint_node_kind_is_block(imprint_node_kind kind);
bool imprint_node_kind_is_inline(imprint_node_kind kind);

/** Whether `kind` is a node that holds a run of inlines itself (a heading, a
 * paragraph, a verse line, a cell, a closer...), not an inline or a container
 * of blocks: the unit a word of text belongs to. */
bool imprint_node_kind_holds_text(imprint_node_kind kind);

/** Stable lower-case name of a kind ("paragraph", "noteref"...). */
const char *imprint_node_kind_name(imprint_node_kind kind);

/** Appends `note` (a detached NOTE) to the article's notes, numbering it
 * after the last one. */
void imprint_article_append_note(imprint_node *article, imprint_node *note);

/** Adds a copy of `w` (its strings copied into the document's arena) to the
 * witnesses of `article`. */
void imprint_article_add_witness(imprint_doc *doc, imprint_node *article, const imprint_witness *w);

/** Links reference `ref` (a NOTEREF) to `note`, appending it to the note's
 * list of references in constant time. Always use this to chain references. */
void imprint_note_add_ref(imprint_node *note, imprint_node *ref);

/** Number of references to `note`. */
size_t imprint_note_ref_count(const imprint_node *note);

/** The article that holds `node`, or NULL. */
imprint_node *imprint_node_article(const imprint_node *node);

/** Appends the plain text of `node` to `out` (a GString *): its TEXT
 * descendants in order, a LINEBREAK as a space; notes are not descendants
 * and so are left out. The one plain-text walk; writers use it on a const
 * document. */
void imprint_node_append_plain(const imprint_node *node, void *out);

/** Appends to `out` (a GString *) the text that stands for FIGURE `fig`
 * where its image is not seen (EPUB alt, PDF /Alt): its caption, else the
 * text it replaced in the source, else its file name; nothing when it has
 * none of these. */
void imprint_node_append_alt(const imprint_node *fig, void *out);

/** The plain text of `node` (as imprint_node_append_plain()), allocated in
 * the document's arena. */
char *imprint_node_plain_text(imprint_doc *doc, const imprint_node *node);

/** Most words of an untitled article's text that name it in contents,
 * running heads and the outline; an ellipsis marks the cut. */
#define IMPRINT_ARTICLE_LABEL_WORDS 8

/** How contents, running heads and outlines name `article`: its title, else
 * the first IMPRINT_ARTICLE_LABEL_WORDS words of its first block with text
 * but a sidenote or code (an ellipsis when there are more), else
 * "Untitled". The caller g_free()s it. */
char *imprint_article_label(const imprint_node *article);

/** Checks the whole tree: containment, parent/sibling links, note chains and
 * their references, UTF-8 and NFC of every text, positions. Returns true if
 * sound; otherwise false with one problem a line appended to `problems` (a
 * GString *, may be NULL). */
bool imprint_doc_check(const imprint_doc *doc, void *problems);

/** Counts of the tree's parts (for outlines, tests and benchmarks). */
typedef struct {
    size_t articles;
    size_t headings;
    size_t paragraphs;
    size_t notes;
    size_t noterefs;
    size_t nodes;
} imprint_doc_stats;

/** Fills `stats` for the whole document. */
void imprint_doc_count(const imprint_doc *doc, imprint_doc_stats *stats);

/** What an iterator step reports: entering a node (before its children),
 * leaving it (after them), or the end of the walk. A leaf (TEXT, NOTEREF,
 * LINEBREAK, BREAK) is entered only. */
typedef enum {
    IMPRINT_EVENT_NONE,
    IMPRINT_EVENT_ENTER,
    IMPRINT_EVENT_EXIT,
    IMPRINT_EVENT_DONE,
} imprint_event;

/** A depth-first walk of a subtree without recursion, as cmark's iterator:
 * each call of imprint_iter_next() gives the next ENTER or EXIT. The tree must
 * not change during the walk. Lives on the caller's stack. */
typedef struct {
    const imprint_node *root;
    const imprint_node *node; /* the node of the last event */
    imprint_event event;      /* the last event */
} imprint_iter;

/** Starts a walk of `root` and what it holds (notes hang off articles and
 * are not part of the walk; walk each note's subtree on its own). */
void imprint_iter_init(imprint_iter *it, const imprint_node *root);

/** Moves to the next event and returns it; the node is in it->node. After
 * DONE every call returns DONE. */
imprint_event imprint_iter_next(imprint_iter *it);

/** Whether `kind` has no children by the rules: TEXT, NOTEREF, LINEBREAK, BREAK. */
bool imprint_node_kind_is_leaf(imprint_node_kind kind);

/* Named limits. Each guards a reader against pathological input. */

/** Deepest nesting of blocks (quotes in quotes, lists in lists). Deeper input
 * is an error: no real text nests this deep, and recursion in writers must stay bounded. */
#define IMPRINT_MAX_DEPTH 64

/** Most notes in one article: more is an error (the corpus has under 200). */
#define IMPRINT_MAX_NOTES 100000

/** The highest number a verse line may carry in its margin (the longest
 * poems run to some tens of thousands of lines). */
#define IMPRINT_MAX_LINE_NUMBER 1000000

/** Most articles in one source and in one edition: more is an error. The
 * bundled editions have under 100 and a blog's whole archive a few
 * thousand; every article is a file of the EPUB, an entry of its contents
 * and a new page of the PDF. */
#define IMPRINT_MAX_ARTICLES 10000

#endif
