#ifndef IMPRINT_READ_TEI_READER_H
#define IMPRINT_READ_TEI_READER_H

/*
 * Private to the `tei` reader (the .c files beside this header): the state
 * of one read and the functions its files share.
 *
 * Each file calls only files listed below it, so the calls between files
 * have no cycle:
 *
 *   tei.c     -> header.c, blocks.c, notes.c, xml.c
 *   header.c  -> xml.c
 *   blocks.c  -> inlines.c, notes.c, xml.c
 *   inlines.c -> notes.c, xml.c
 *   notes.c   -> xml.c
 *   xml.c     -> (none)
 *
 * A note holds blocks, which hold inlines, which may hold a note: notes.c
 * reads a note's body through tei_reader.read_blocks (tei_read_blocks, set
 * by imprint_read_tei) rather than by calling up into blocks.c.
 */

#include <glib.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "imprint/diag.h"
#include "imprint/model.h"

typedef struct tei_reader tei_reader;

/** Reads the siblings from `first` up to `stop` (NULL: to the end) as blocks
 * of `container`, which sits at `depth`; `div_depth` and `level` are the
 * nesting of the <div> around them and the level its heads take. */
typedef void (*tei_blocks_fn)(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *container,
                              int depth, int div_depth, int level);

struct tei_reader {
    imprint_doc *doc;
    const char *path;
    imprint_diags *diags;
    bool failed;
    GHashTable *sources; /* xml:id -> xmlNode * (sourceDesc bibl), ids owned */
    imprint_node *article;
    GPtrArray *notes; /* notes.c's pending notes (tei_pending_notes_new) */
    GPtrArray *refs;  /* notes.c's pending references (tei_pending_refs_new) */
    int articles;
    /* The first fatal parser error, for the message. */
    bool have_error;
    int err_line, err_col;
    char *err_message;
    /* How notes.c reads a note's blocks without depending on blocks.c. */
    tei_blocks_fn read_blocks;
};

/* xml.c: positions, messages, element and attribute checks, text */
unsigned tei_node_line(const xmlNode *n);
imprint_pos tei_pos_of(const tei_reader *r, const xmlNode *n);
void tei_report(tei_reader *r, imprint_severity sev, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void tei_warn_unknown(tei_reader *r, const xmlNode *n);
bool tei_is_tei(const xmlNode *n);
bool tei_named(const xmlNode *n, const char *name);
bool tei_is_blank_text(const xmlNode *n);
bool tei_is_ignorable(const xmlNode *n);
char *tei_arena_nfc(tei_reader *r, const char *s);
char *tei_get_attr(tei_reader *r, const xmlNode *n, const char *name);
bool tei_attr_is(const xmlNode *n, const char *name, const char *value);
void tei_check_attrs(tei_reader *r, const xmlNode *n, const char *const *known);
/** The list for tei_check_attrs of an element that takes no attribute. */
extern const char *const tei_no_attrs[];
char *tei_plain_text(tei_reader *r, const xmlNode *n, bool warn_markup);
imprint_node *tei_add(tei_reader *r, imprint_node *parent, int depth, imprint_node_kind kind,
                      const xmlNode *src);

/* notes.c: notes and the references to them, linked when an article ends */
GPtrArray *tei_pending_notes_new(void);
GPtrArray *tei_pending_refs_new(void);
imprint_node *tei_read_note(tei_reader *r, xmlNode *el);
void tei_add_pending_ref(tei_reader *r, imprint_node *ref, imprint_node *note, const char *target,
                         bool numbered);
void tei_finish_notes(tei_reader *r);

/* inlines.c: text runs, <hi>, <ref>, <ptr>, <lb>, notes among text */
void tei_read_inlines(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *parent,
                      int depth);

/* blocks.c: paragraphs, quotes, lists, verse, speeches, tables, figures,
 * headings of the divs below an article */
void tei_read_blocks(tei_reader *r, xmlNode *first, xmlNode *stop, imprint_node *container,
                     int depth, int div_depth, int level);

/* header.c: the teiHeader into doc->meta, sourceDesc bibls into articles */
void tei_read_header(tei_reader *r, xmlNode *header);
void tei_set_source(tei_reader *r, imprint_node *art, xmlNode *el);

#endif
