#include "write/epub/epub.h"

/*
 * Notes, following what pop-up footnotes need on Apple Books, Kobo and Kindle
 * (pandoc issues 1995, 4491, 5583, 8676):
 * - the reference is <sup><a epub:type="noteref">N</a></sup>: an element
 *   inside the <a> breaks Apple's pop-ups, so the <sup> goes outside;
 * - each note is its own <aside epub:type="footnote">, not an <li> of an <ol>
 *   (Kindle runs the items of a list together in one pop-up);
 * - the back-link is the note's number at its start, not an arrow at its end
 *   (at the end it made Kindle show the following notes too);
 * - notes follow their references in the same file (Kobo only pops up notes
 *   that come later in the file; an article in several files has each note
 *   in the file of its first reference, parts.c) and are never hidden (a
 *   display:none aside pops up empty on Kobo and Apple Books);
 * - links never nest: a reference inside a link closes and reopens it.
 */

/* Position of `ref` in its note's chain of references. */
static size_t ref_index(const imprint_node *ref)
{
    size_t k = 0;
    for (const imprint_node *r = ref->as.noteref.note->as.note.first_ref; r && r != ref;
         r = r->as.noteref.next_ref)
        k++;
    return k;
}

void imprint_epub_noteref(imprint_epub *e, GString *out, const imprint_node *ref,
                          const char *in_link)
{
    const imprint_node *note = ref->as.noteref.note;
    char num[32];
    if (!note) {
        /* A marker without a definition: the number stays, with nothing to
         * link to. */
        g_snprintf(num, sizeof num, "%d", ref->as.noteref.number);
        g_string_append(out, "<sup class=\"noteref-unresolved\">");
        imprint_epub_text(e, out, num);
        g_string_append(out, "</sup>");
        return;
    }
    int n = note->as.note.number;
    g_snprintf(num, sizeof num, "%d", n);
    char *id = imprint_epub_ref_id(n, ref_index(ref));
    if (in_link)
        g_string_append(out, "</a>");
    g_string_append_printf(out,
                           "<sup><a epub:type=\"noteref\" role=\"doc-noteref\" href=\"%s#n%d\" "
                           "id=\"%s\">",
                           imprint_epub_part_link(e, note), n, id);
    imprint_epub_text(e, out, num);
    g_string_append(out, "</a></sup>");
    if (in_link) {
        g_string_append(out, "<a href=\"");
        imprint_epub_text(NULL, out, in_link);
        g_string_append(out, "\">");
    }
    g_free(id);
}

/* The back-links that open a note: its number, linked to the first
 * reference, then one arrow for each further reference. */
static void backlinks(imprint_epub *e, GString *out, const imprint_node *note)
{
    int n = note->as.note.number;
    char num[32];
    g_snprintf(num, sizeof num, "%d", n);
    const imprint_node *first = note->as.note.first_ref;
    if (!first) {
        /* A definition nothing refers to: numbered, nothing to go back to. */
        g_string_append(out, "<span class=\"note-number\">");
        imprint_epub_text(e, out, num);
        g_string_append(out, "</span> ");
        return;
    }
    size_t k = 0;
    for (const imprint_node *r = first; r; r = r->as.noteref.next_ref, k++) {
        char *id = imprint_epub_ref_id(n, k);
        if (k == 0) {
            g_string_append_printf(out,
                                   "<a class=\"note-number\" href=\"%s#%s\" role=\"doc-backlink\">",
                                   imprint_epub_part_link(e, r), id);
            imprint_epub_text(e, out, num);
        } else {
            char label[64];
            g_snprintf(label, sizeof label, "\u2191%zu", k + 1);
            g_string_append_printf(out,
                                   " <a class=\"backlink-more\" href=\"%s#%s\" "
                                   "role=\"doc-backlink\" "
                                   "aria-label=\"Back to reference %zu of note %d\">",
                                   imprint_epub_part_link(e, r), id, k + 1, n);
            imprint_epub_text(e, out, label);
        }
        g_string_append(out, "</a>");
        g_free(id);
    }
    g_string_append_c(out, ' ');
}

void imprint_epub_notes_open(GString *out)
{
    g_string_append(out, "<section class=\"footnotes\" epub:type=\"footnotes\">\n"
                         "<h2 class=\"notes-heading\">Notes</h2>\n");
}

/* Readers that pop notes up hide footnote asides from the page; a note
 * nothing refers to could never be opened there, so it stays an ordinary,
 * visible block. */
void imprint_epub_note_open(imprint_epub *e, GString *out, const imprint_node *note)
{
    if (note->as.note.first_ref)
        g_string_append_printf(out,
                               "<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"n%d\">\n",
                               note->as.note.number);
    else
        g_string_append_printf(out, "<div class=\"note-unreferenced\" id=\"n%d\">\n",
                               note->as.note.number);
    g_string_append(out, "<p>");
    backlinks(e, out, note);
}

void imprint_epub_note_first_close(GString *out)
{
    g_string_append(out, "</p>\n");
}

void imprint_epub_note_close(GString *out, const imprint_node *note)
{
    g_string_append(out, note->as.note.first_ref ? "</aside>\n" : "</div>\n");
}

void imprint_epub_notes_close(GString *out)
{
    g_string_append(out, "</section>\n");
}
