/* Inlines into a paragraph: the model's inline nodes become the text of a
 * Pango layout with attributes, link spans and note anchors. A walk with
 * the model iterator: an inline's attribute covers what its children added,
 * so it is set when the walk leaves it. */
#include "write/pdf/flow.h"

#include <math.h>
#include <string.h>

#include "write/chars.h"
#include "write/fonts.h"
#include "write/links.h"

/* Relative size and shifts of superscripts, subscripts and note numbers. */
#define SUP_SCALE 0.62
#define SUP_RISE  0.38
#define SUB_RISE  -0.15

/* U+2060, set before a note reference so that no line ends before it. */
#define WORD_JOINER "\xE2\x81\xA0"

/* U+2028 LINE SEPARATOR: a forced break inside one Pango paragraph. */
#define LINE_SEPARATOR "\xE2\x80\xA8"

typedef struct {
    builder *b;
    pdf_para *para;
    GString *text;
    PangoAttrList *attrs;
    double size;
    int in_link; /* links open around the walk's position */
} inl;

static void attr_add(inl *in, PangoAttribute *a, size_t start)
{
    a->start_index = (guint)start;
    a->end_index = (guint)in->text->len;
    /* (a container is left after those inside it: put before theirs, its
     * attribute yields to theirs where both start together) */
    pango_attr_list_insert_before(in->attrs, a);
}

static void add_span(pdf_para *para, int start, int end, char *target, bool note)
{
    pdf_span s = {start, end, target, note};
    g_array_append_val(para->spans, s);
}

static void add_anchor(pdf_para *para, int index, char *name)
{
    pdf_anchor a = {index, name};
    g_array_append_val(para->anchors, a);
}

static void raise_by(inl *in, double rise, size_t start)
{
    attr_add(in, pango_attr_size_new_absolute((int)lround(in->size * SUP_SCALE * PANGO_SCALE)),
             start);
    attr_add(in, pango_attr_rise_new((int)lround(in->size * rise * PANGO_SCALE)), start);
}

static void noteref(inl *in, const imprint_node *n)
{
    pdf_ctx *ctx = in->b->ctx;
    const imprint_node *note = n->as.noteref.note;
    /* A WORD JOINER keeps the number on the line of the text before it. */
    if (in->text->len > 0)
        g_string_append(in->text, WORD_JOINER);
    size_t start = in->text->len;
    if (note)
        g_string_append(in->text, pdf_note_label(ctx, note));
    else
        g_string_append_printf(in->text, "%d", n->as.noteref.number);
    raise_by(in, SUP_RISE, start);
    if (!note)
        return; /* the reader reported it; the number stays, unlinked */
    int nr = note->as.note.number;
    add_span(in->para, (int)start, (int)in->text->len,
             g_strdup_printf("dest='a%d-n%d'", in->b->index, nr), true);
    if (note->as.note.first_ref == n) {
        add_anchor(in->para, (int)start, g_strdup_printf("a%d-r%d", in->b->index, nr));
        if (!in->b->in_note && ctx->notes_mode == IMPRINT_NOTES_PAGE) {
            pdf_noteref r = {(int)start, note};
            g_array_append_val(in->para->noterefs, r);
        }
    }
}

static void leaf(inl *in, const imprint_node *n)
{
    switch (n->kind) {
    case IMPRINT_NODE_TEXT: {
        char *safe = write_text_safe(n->as.text.text, n->as.text.len);
        const char *t = safe ? safe : n->as.text.text;
        size_t len = safe ? strlen(safe) : n->as.text.len;
        pdf_segment seg = {(int)in->text->len, 0, n};
        if (in->in_link || !in->b->hy)
            g_string_append_len(in->text, t, (gssize)len);
        else
            imprint_hyphenate_append_cached(in->b->hy, in->b->hy_cache, in->text, t, len);
        g_free(safe);
        seg.end = (int)in->text->len;
        if (seg.end > seg.start) {
            if (!in->para->segments)
                in->para->segments = g_array_new(FALSE, FALSE, sizeof(pdf_segment));
            g_array_append_val(in->para->segments, seg);
        }
        break;
    }
    case IMPRINT_NODE_NOTEREF:
        noteref(in, n);
        break;
    case IMPRINT_NODE_LINEBREAK:
        g_string_append(in->text, LINE_SEPARATOR);
        break;
    default:
        break;
    }
}

/* Whether emphasis `n` stands inside an odd number of others. */
static bool nested_emphasis(const imprint_node *n)
{
    bool inside = false;
    for (const imprint_node *p = n->parent; p && !imprint_node_kind_is_block(p->kind);
         p = p->parent)
        inside ^= p->kind == IMPRINT_NODE_EMPH;
    return inside;
}

/* Leaving an inline container that began at byte `start`. */
static void leave(inl *in, const imprint_node *n, size_t start)
{
    switch (n->kind) {
    case IMPRINT_NODE_EMPH:
        /* (an emphasis inside another is set back in roman, as print sets
         * a name inside an italic stage direction) */
        attr_add(in,
                 pango_attr_style_new(nested_emphasis(n) ? PANGO_STYLE_NORMAL : PANGO_STYLE_ITALIC),
                 start);
        break;
    case IMPRINT_NODE_STRONG:
        attr_add(in, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
        break;
    case IMPRINT_NODE_SUP:
    case IMPRINT_NODE_SUB:
        raise_by(in, n->kind == IMPRINT_NODE_SUP ? SUP_RISE : SUB_RISE, start);
        break;
    case IMPRINT_NODE_SMALLCAPS:
        attr_add(in, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS), start);
        break;
    case IMPRINT_NODE_LINK:
        in->in_link--;
        /* a link the policy refuses (javascript:, data:...) keeps its text;
         * the PDF keeps the URL as written */
        if (write_link_allowed(n->as.link.url) && in->text->len > start)
            add_span(in->para, (int)start, (int)in->text->len, pdf_target_uri(n->as.link.url),
                     false);
        break;
    default:
        break;
    }
}

static void inlines(inl *in, const imprint_node *parent)
{
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(size_t));
    imprint_iter it;
    imprint_iter_init(&it, parent);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *n = it.node;
        if (n == parent)
            continue;
        if (it.event == IMPRINT_EVENT_ENTER && imprint_node_kind_is_leaf(n->kind)) {
            leaf(in, n);
        } else if (it.event == IMPRINT_EVENT_ENTER) {
            g_array_append_val(starts, in->text->len);
            if (n->kind == IMPRINT_NODE_LINK)
                in->in_link++;
        } else {
            g_array_set_size(starts, starts->len - 1);
            leave(in, n, g_array_index(starts, size_t, starts->len));
        }
    }
    g_array_unref(starts);
}

pdf_para *pdf_inline_para(builder *b, const imprint_node *node, const env *e, bool bold,
                          PangoAlignment align, bool justify, double indent, const char *prefix,
                          const char *lead)
{
    pdf_para *para = pdf_para_new(b->ctx, e->size, bold, e->italic, e->width, align, justify);
    para->node = node;
    inl in = {b, para, g_string_new(NULL), pango_attr_list_new(), e->size, 0};
    if (prefix) {
        g_string_append(in.text, prefix);
        attr_add(&in, pango_attr_variant_new(PANGO_VARIANT_ALL_SMALL_CAPS), 0);
        g_string_append(in.text, ": ");
    }
    if (lead)
        g_string_append(in.text, lead);
    inlines(&in, node);
    /* Newlines would start new Pango paragraphs (and lose justification). */
    for (gsize i = 0; i < in.text->len; i++)
        if (in.text->str[i] == '\n' || in.text->str[i] == '\r' || in.text->str[i] == '\t')
            in.text->str[i] = ' ';
    imprint_fonts_set_layout(para->layout, in.text->str, (int)in.text->len, in.attrs);
    if (indent != 0)
        pango_layout_set_indent(para->layout, (int)lround(indent * PANGO_SCALE));
    pango_attr_list_unref(in.attrs);
    g_string_free(in.text, TRUE);
    return para;
}
