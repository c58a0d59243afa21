/* Footnotes of the text reader: definition lines ("¹ text") become the
 * article's notes, superscript markers in the body are linked to them, and
 * whatever does not pair is reported and kept. */

#include "model/typography.h"
#include "read/text/text.h"

void rt_notes_begin(rt_state *st)
{
    if (st->refs)
        g_ptr_array_set_size(st->refs, 0);
    else
        st->refs = g_ptr_array_new();
}

/* A paragraph of a definition in one of markers.c's styles: its label was
 * read there. A continuation adds a paragraph to the note above. */
static bool add_marked(rt_state *st, const rt_line *l)
{
    imprint_node *article = st->article;
    if (l->note_heading) {
        char *text = g_strndup(l->t, l->tlen);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                             "heading \u201c%s\u201d over the notes dropped: the notes follow the "
                             "article",
                             text);
        g_free(text);
        return true;
    }
    /* ("[85]" alone: the note's text is the paragraphs under it) */
    bool label_only = !l->notecont && l->note_skip >= l->tlen;
    imprint_node *para = label_only
                             ? NULL
                             : rt_block_with_span(st, IMPRINT_NODE_PARAGRAPH, l,
                                                  l->notecont ? 0 : l->note_skip, l->note_cut);
    if (l->notecont && article->as.article.last_note) {
        imprint_node_append(article->as.article.last_note, para);
        return true;
    }
    imprint_node *note =
        imprint_node_new(st->doc, IMPRINT_NODE_NOTE, rt_pos(st, l->lineno, l->tcol));
    note->as.note.label = imprint_arena_strdup(st->doc->arena, l->note_label ? l->note_label : "?");
    if (para)
        imprint_node_append(note, para);
    imprint_article_append_note(article, note);
    return true;
}

bool rt_notes_add_definition(rt_state *st, const rt_line *l)
{
    imprint_node *article = st->article;
    if (article->as.article.note_count >= IMPRINT_MAX_NOTES) {
        imprint_diags_report(st->diags, IMPRINT_SEV_ERROR, rt_pos(st, l->lineno, l->tcol),
                             "more than %d notes in one article; split the source into "
                             "articles (edition key `split`)",
                             IMPRINT_MAX_NOTES);
        return false;
    }
    if (l->note_label || l->notecont || l->note_heading)
        return add_marked(st, l);
    const char *p = l->t, *end = l->t + l->tlen;
    size_t n;
    int d, digits = 0;
    long value = 0;
    while ((d = imprint_typography_superscript_digit(p, (size_t)(end - p), &n)) >= 0) {
        if (digits < READ_TEXT_MAX_MARKER_DIGITS)
            value = value * 10 + d;
        digits++;
        p += n;
    }
    size_t label_len = (size_t)(p - l->t);
    imprint_node *note =
        imprint_node_new(st->doc, IMPRINT_NODE_NOTE, rt_pos(st, l->lineno, l->tcol));
    /* The label as written, in ordinary digits. */
    note->as.note.label = imprint_arena_printf(st->doc->arena, "%ld", value);
    imprint_node *para = rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, l, label_len);
    imprint_node_append(note, para);
    imprint_article_append_note(article, note);
    return true;
}

/* The definitions of each label, in the order of the text. */
static GHashTable *notes_by_label(imprint_node *article)
{
    GHashTable *by_label =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
    for (imprint_node *n = article->as.article.first_note; n; n = n->as.note.next_note) {
        GPtrArray *defs = g_hash_table_lookup(by_label, n->as.note.label);
        if (!defs) {
            defs = g_ptr_array_new();
            g_hash_table_insert(by_label, (gpointer)n->as.note.label, defs);
        }
        g_ptr_array_add(defs, n);
    }
    return by_label;
}

/* The definition a marker at `line` means when its number is defined more
 * than once, as in a book whose chapters number their notes from 1: the
 * first one below the marker, else the last one above it. Returns its index. */
static guint nearest_definition(const GPtrArray *defs, unsigned line)
{
    guint lo = 0, hi = defs->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (((imprint_node *)defs->pdata[mid])->pos.line > line)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo < defs->len ? lo : defs->len - 1;
}

static void report_link(rt_state *st, imprint_node *ref, imprint_node *note, guint index,
                        const char *label, imprint_node **highest)
{
    if (!note->as.note.first_ref) {
        /* Notes are numbered in reading order; a first reference below
         * one already seen is the sign of swapped markers, unless the
         * numbers start again (a later definition of the same number). */
        if (index == 0 && *highest && ref->as.noteref.number < (*highest)->as.noteref.number)
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, ref->pos,
                                 "note marker %s comes after marker %d (line %u): check "
                                 "that the two markers, or their definitions, are not "
                                 "swapped",
                                 label, (*highest)->as.noteref.number, (*highest)->pos.line);
        else
            *highest = ref;
    } else if (note->as.note.first_ref == note->as.note.last_ref) {
        imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, ref->pos,
                             "note %s is referenced again (first at line %u); the "
                             "markers link to the same note",
                             label, note->as.note.first_ref->pos.line);
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, ref->pos,
                         "note marker %s linked to its definition at line %u", label,
                         note->pos.line);
}

/* Definitions never referenced, and numbers defined again: a later
 * definition that markers above it link to is a new series (a note);
 * one no marker links to is kept, with a warning. */
static void report_unlinked(rt_state *st, GHashTable *by_label)
{
    for (imprint_node *n = st->article->as.article.first_note; n; n = n->as.note.next_note) {
        GPtrArray *defs = g_hash_table_lookup(by_label, n->as.note.label);
        imprint_node *first = defs->pdata[0];
        if (n != first && n->as.note.first_ref)
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, n->pos,
                                 "note %s is defined again (first at line %u): the numbers "
                                 "start again, and the markers between link to this one",
                                 n->as.note.label, first->pos.line);
        else if (n != first)
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, n->pos,
                                 "note %s is defined again (first at line %u) and no marker "
                                 "links to it; kept as a separate note",
                                 n->as.note.label, first->pos.line);
        else if (!n->as.note.first_ref)
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, n->pos,
                                 "note %s is never referenced; kept at the end of the article",
                                 n->as.note.label);
    }
}

bool rt_notes_finish(rt_state *st)
{
    GHashTable *by_label = notes_by_label(st->article);
    imprint_node *highest = NULL;
    for (guint i = 0; i < st->refs->len; i++) {
        imprint_node *ref = st->refs->pdata[i];
        char label[32];
        const char *symbol = st->ref_labels ? g_hash_table_lookup(st->ref_labels, ref) : NULL;
        if (symbol)
            g_strlcpy(label, symbol, sizeof label);
        else
            g_snprintf(label, sizeof label, "%d", ref->as.noteref.number);
        GPtrArray *defs = g_hash_table_lookup(by_label, label);
        if (!defs) {
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, ref->pos,
                                 "note marker %s has no definition in this article; kept as an "
                                 "unlinked note number",
                                 label);
            continue;
        }
        guint index = defs->len > 1 ? nearest_definition(defs, ref->pos.line) : 0;
        imprint_node *note = defs->pdata[index];
        report_link(st, ref, note, index, label, &highest);
        imprint_note_add_ref(note, ref);
    }
    report_unlinked(st, by_label);
    g_hash_table_destroy(by_label);
    g_ptr_array_set_size(st->refs, 0);
    return true;
}
