#include "read/markdown/md_chapters.h"

static gint by_line(gconstpointer a, gconstpointer b)
{
    const imprint_node *x = *(imprint_node *const *)a, *y = *(imprint_node *const *)b;
    return x->pos.line < y->pos.line ? -1 : x->pos.line > y->pos.line;
}

/* The chapter whose text holds source line `line`. */
static imprint_node *chapter_at(GPtrArray *chapters, unsigned line)
{
    imprint_node *at = g_ptr_array_index(chapters, 0);
    for (guint i = 1; i < chapters->len; i++) {
        imprint_node *c = g_ptr_array_index(chapters, i);
        if (c->as.article.source_line <= line)
            at = c;
    }
    return at;
}

static bool numeric(const char *label)
{
    if (!label || !*label)
        return false;
    for (const char *p = label; *p; p++)
        if (!g_ascii_isdigit(*p))
            return false;
    return true;
}

/* The note `n` is inside ("[^a]: see [^b]"), or NULL. */
static const imprint_node *enclosing_note(const imprint_node *n)
{
    for (; n; n = n->parent)
        if (n->kind == IMPRINT_NODE_NOTE)
            return n;
    return NULL;
}

/* The chapter whose text refers to `note` first, and the reference's line:
 * a reference inside a note, this one's or another's, says nothing of
 * where it belongs. NULL when none does. */
static imprint_node *referring_chapter(const imprint_node *note, unsigned *line)
{
    for (const imprint_node *r = note->as.note.first_ref; r; r = r->as.noteref.next_ref)
        if (!enclosing_note(r)) {
            *line = r->pos.line;
            return imprint_node_article(r);
        }
    return NULL;
}

/* Unlinks the references to `note` (already in its chapter) from other
 * chapters: a note lives in one chapter, and a reference across chapters
 * would point into another article. Each stays its marker, unresolved,
 * with a warning; `line` is the reference that placed the note. */
static void unlink_elsewhere(imprint_node *note, unsigned line, imprint_diags *diags)
{
    const imprint_node *home = imprint_node_article(note);
    imprint_node *kept = NULL, *last = NULL;
    for (imprint_node *r = note->as.note.first_ref, *next; r; r = next) {
        next = r->as.noteref.next_ref;
        r->as.noteref.next_ref = NULL;
        if (imprint_node_article(r) != home) {
            r->as.noteref.note = NULL;
            imprint_diags_report(diags, IMPRINT_SEV_WARNING, r->pos,
                                 "note [^%s] goes with the chapter that refers to it first (line "
                                 "%u); this reference from another chapter is left unlinked",
                                 note->as.note.label, line);
            continue;
        }
        if (last)
            last->as.noteref.next_ref = r;
        else
            kept = r;
        last = r;
    }
    note->as.note.first_ref = kept;
    note->as.note.last_ref = last;
}

void imprint_md_place_notes(GPtrArray *chapters, imprint_diags *diags)
{
    if (chapters->len < 2)
        return;
    GPtrArray *notes = g_ptr_array_new();
    for (guint i = 0; i < chapters->len; i++) {
        imprint_node *c = g_ptr_array_index(chapters, i);
        for (imprint_node *n = c->as.article.first_note; n; n = n->as.note.next_note)
            g_ptr_array_add(notes, n);
        c->as.article.first_note = c->as.article.last_note = NULL;
        c->as.article.note_count = 0;
    }
    g_ptr_array_sort(notes, by_line);
    /* where each note goes, before any moves: the chapter of its first
     * reference in the text, else of the note that refers to it, else of
     * its definition; then every note placed, in order, and what refers to
     * it across chapters unlinked (a reference inside a note is in that
     * note's chapter only once the note is) */
    unsigned *lines = g_new0(unsigned, notes->len + 1);
    imprint_node **to = g_new0(imprint_node *, notes->len + 1);
    GHashTable *target = g_hash_table_new(NULL, NULL); /* note -> its chapter */
    for (guint i = 0; i < notes->len; i++) {
        imprint_node *note = g_ptr_array_index(notes, i);
        if ((to[i] = referring_chapter(note, &lines[i])))
            g_hash_table_insert(target, note, to[i]);
    }
    for (guint i = 0; i < notes->len; i++) {
        imprint_node *note = g_ptr_array_index(notes, i);
        const imprint_node *r = note->as.note.first_ref;
        const imprint_node *by = r ? enclosing_note(r) : NULL;
        if (!to[i] && by && by != note && (to[i] = g_hash_table_lookup(target, by)))
            lines[i] = r->pos.line;
        if (!to[i])
            to[i] = chapter_at(chapters, note->pos.line);
        note->as.note.next_note = NULL;
        imprint_article_append_note(to[i], note);
    }
    g_hash_table_destroy(target);
    g_free(to);
    for (guint i = 0; i < notes->len; i++) {
        imprint_node *note = g_ptr_array_index(notes, i);
        unlink_elsewhere(note, lines[i], diags);
        if (!numeric(note->as.note.label))
            for (imprint_node *ref = note->as.note.first_ref; ref; ref = ref->as.noteref.next_ref)
                ref->as.noteref.number = note->as.note.number;
    }
    g_free(lines);
    g_ptr_array_free(notes, TRUE);
}
