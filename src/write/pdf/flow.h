#ifndef IMPRINT_WRITE_PDF_FLOW_H
#define IMPRINT_WRITE_PDF_FLOW_H

/* Shared by the two halves of the model-to-flow builder: flow.c (blocks,
 * openings, notes) and flow_inline.c (inlines into a paragraph's text and
 * attributes). */

#include "write/pdf/pdf_internal.h"

typedef struct {
    pdf_ctx *ctx;
    GPtrArray *flow;
    GPtrArray *marks;
    const imprint_node *article;
    int index; /* the article's */
    int headings;
    const imprint_hyphenator *hy;
    GHashTable *hy_cache;    /* the words `hy` has hyphenated */
    double pending;          /* space owed before the next item */
    char *pending_dest;      /* destination for the next item (untitled articles) */
    pdf_para *pending_label; /* list marker or note number for the next line */
    double pending_label_x;
    char *pending_label_target;
    const char *speaker; /* of the speech whose first paragraph comes next */
    int keep_next;       /* lines still to keep with what precedes (after headings) */
    bool in_note;
} builder;

/* Where a block goes and in what type. */
typedef struct {
    double x, width, size;
    bool italic;
    bool no_indent; /* lists, notes, speeches: no first-line indents */
} env;

/** A paragraph from the inline children of `node`, with an optional prefix
 * set in small capitals (the speaker of a speech) and plain `lead` text. */
pdf_para *pdf_inline_para(builder *b, const imprint_node *node, const env *e, bool bold,
                          PangoAlignment align, bool justify, double indent, const char *prefix,
                          const char *lead);

#endif
