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

void imprint_md_place_notes(GPtrArray *chapters)
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
    for (guint i = 0; i < notes->len; i++) {
        imprint_node *note = g_ptr_array_index(notes, i);
        imprint_node *ref = note->as.note.first_ref;
        imprint_node *to = ref ? imprint_node_article(ref) : NULL;
        if (!to)
            to = chapter_at(chapters, note->pos.line);
        note->as.note.next_note = NULL;
        imprint_article_append_note(to, note);
        if (!numeric(note->as.note.label))
            for (; ref; ref = ref->as.noteref.next_ref)
                ref->as.noteref.number = note->as.note.number;
    }
    g_ptr_array_free(notes, TRUE);
}
