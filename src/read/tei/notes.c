/* Notes of the TEI reader: each <note> becomes a note of the article and
 * each reference (a note written in place, <ptr>/<ref type="noteref">) waits
 * in a list; when the article ends the notes are numbered and the references
 * linked to them. */
#include "model/typography.h"
#include "read/tei/tei_reader.h"

#include <stdlib.h>
#include <string.h>

/* A note found while reading an article; numbered when the article ends. */
typedef struct {
    imprint_node *note;
    char *id; /* xml:id, or NULL */
    long key; /* the K of an id "aN-nK", or -1 */
} pending_note;

/* A reference found while reading an article; linked when the article ends. */
typedef struct {
    imprint_node *ref;
    imprint_node *note; /* the note written at this place, or NULL */
    char *target;       /* the id a <ptr> points to, or NULL */
    bool numbered;      /* the number came from an n attribute */
} pending_ref;

static void pending_note_free(gpointer p)
{
    pending_note *pn = p;
    g_free(pn->id);
    g_free(pn);
}

static void pending_ref_free(gpointer p)
{
    pending_ref *pr = p;
    g_free(pr->target);
    g_free(pr);
}

GPtrArray *tei_pending_notes_new(void)
{
    return g_ptr_array_new_with_free_func(pending_note_free);
}

GPtrArray *tei_pending_refs_new(void)
{
    return g_ptr_array_new_with_free_func(pending_ref_free);
}

static long note_key(const char *id)
{
    const char *n = id ? strrchr(id, '-') : NULL;
    if (!n || n[1] != 'n' || !g_ascii_isdigit(n[2]))
        return -1;
    int k;
    return imprint_text_number(n + 2, G_MAXINT, &k) ? k : -1;
}

imprint_node *tei_read_note(tei_reader *r, xmlNode *el)
{
    static const char *const known[] = {"place", "n", "xml:id", "type", NULL};
    tei_check_attrs(r, el, known);
    if (!r->article) {
        tei_report(r, IMPRINT_SEV_WARNING, el, "note outside any article (its text is kept)");
        return NULL;
    }
    if (r->notes->len >= IMPRINT_MAX_NOTES) {
        tei_report(r, IMPRINT_SEV_ERROR, el, "more than %d notes in one article",
                   IMPRINT_MAX_NOTES);
        return NULL;
    }
    imprint_node *note = imprint_node_new(r->doc, IMPRINT_NODE_NOTE, tei_pos_of(r, el));
    note->as.note.label = tei_get_attr(r, el, "n");
    pending_note *pn = g_new0(pending_note, 1);
    pn->note = note;
    char *id = tei_get_attr(r, el, "xml:id");
    pn->id = g_strdup(id);
    pn->key = note_key(id);
    g_ptr_array_add(r->notes, pn);
    /* A note's blocks sit at depth 3: document, article, note. */
    r->read_blocks(r, el->children, NULL, note, 2, 0, 0);
    return note;
}

void tei_add_pending_ref(tei_reader *r, imprint_node *ref, imprint_node *note, const char *target,
                         bool numbered)
{
    pending_ref *pr = g_new0(pending_ref, 1);
    pr->ref = ref;
    pr->note = note;
    pr->target = g_strdup(target);
    pr->numbered = numbered;
    g_ptr_array_add(r->refs, pr);
}

static gint compare_keys(gconstpointer a, gconstpointer b)
{
    const pending_note *x = *(pending_note *const *)a, *y = *(pending_note *const *)b;
    return (x->key > y->key) - (x->key < y->key);
}

static int label_number(const imprint_node *note)
{
    const char *l = note->as.note.label;
    int v;
    if (imprint_text_number(l, G_MAXINT - 1, &v) && v > 0)
        return v;
    return note->as.note.number;
}

/* Numbers the article's notes (by the K of their ids "aN-nK" when every note
 * has a distinct one, else in document order) and links the references. */
void tei_finish_notes(tei_reader *r)
{
    GPtrArray *notes = r->notes;
    bool by_key = notes->len > 0;
    GHashTable *keys = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < notes->len && by_key; i++) {
        pending_note *pn = notes->pdata[i];
        if (pn->key < 1 || g_hash_table_contains(keys, GINT_TO_POINTER(pn->key)))
            by_key = false;
        else
            g_hash_table_add(keys, GINT_TO_POINTER(pn->key));
    }
    g_hash_table_destroy(keys);
    if (by_key)
        g_ptr_array_sort(notes, compare_keys);

    GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < notes->len; i++) {
        pending_note *pn = notes->pdata[i];
        imprint_article_append_note(r->article, pn->note);
        if (pn->id && !g_hash_table_contains(by_id, pn->id))
            g_hash_table_insert(by_id, pn->id, pn->note);
    }
    for (guint i = 0; i < r->refs->len; i++) {
        pending_ref *pr = r->refs->pdata[i];
        imprint_node *note = pr->note;
        if (!note && pr->target) {
            note = g_hash_table_lookup(by_id, pr->target);
            if (!note)
                imprint_diags_report(r->diags, IMPRINT_SEV_WARNING, pr->ref->pos,
                                     "reference to note '#%s', which this article does not "
                                     "have (kept as a marker without a note)",
                                     pr->target);
        }
        if (!note)
            continue;
        imprint_note_add_ref(note, pr->ref);
        if (!pr->numbered)
            pr->ref->as.noteref.number = label_number(note);
    }
    g_hash_table_destroy(by_id);
    g_ptr_array_set_size(r->notes, 0);
    g_ptr_array_set_size(r->refs, 0);
}
