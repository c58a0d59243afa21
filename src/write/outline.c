#include "imprint/writer.h"

#include <string.h>

/*
 * The outline (`imprint inspect --as outline`): the shape of what a reader
 * found, one line per article and heading, for eyeballing and golden tests.
 *
 *   # SOURCE_FILE                       before the first article of each file
 *   LINE: article [N notes] TITLE
 *   LINE:   witness: same text|variant N% shared [dropped] FILE:LINE "TITLE"
 *   LINE:   heading LEVEL: TEXT
 */

/* Headings anywhere in the article's blocks (notes hang off the article in a
 * chain of their own and are not visited). */
static void outline_headings(const imprint_node *article, GString *out)
{
    imprint_iter it;
    imprint_iter_init(&it, article);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE) {
        const imprint_node *c = it.node;
        if (it.event != IMPRINT_EVENT_ENTER || c->kind != IMPRINT_NODE_HEADING)
            continue;
        g_string_append_printf(out, "%u:   heading %d: ", c->pos.line, c->as.heading.level);
        imprint_node_append_plain(c, out);
        g_string_append_c(out, '\n');
    }
}

/* The other copies of the article's text (src/compare), with their figures. */
static void outline_witnesses(const imprint_node *art, GString *out)
{
    for (size_t i = 0; i < art->as.article.nwitnesses; i++) {
        const imprint_witness *w = &art->as.article.witnesses[i];
        g_string_append_printf(out, "%u:   witness: ", art->pos.line);
        if (w->same)
            g_string_append(out, "same text");
        else
            g_string_append_printf(out, "variant %d%% shared", w->overlap);
        g_string_append_printf(out, "%s %s:%u \"%s\"\n", w->dropped ? " dropped" : "",
                               w->file ? w->file : "", w->line, w->title ? w->title : "(untitled)");
    }
}

void imprint_write_outline(const imprint_doc *doc, GString *out)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (const imprint_node *art = doc->root->first_child; art; art = art->next) {
        const char *file =
            art->as.article.source_file ? art->as.article.source_file : art->pos.file;
        if (!file)
            file = "";
        if (!g_hash_table_contains(seen, file)) {
            g_hash_table_add(seen, (gpointer)file);
            g_string_append_printf(out, "# %s\n", file);
        }
        g_string_append_printf(out, "%u: article [%d notes] %s\n", art->pos.line,
                               art->as.article.note_count,
                               art->as.article.title ? art->as.article.title : "(untitled)");
        outline_witnesses(art, out);
        outline_headings(art, out);
    }
    g_hash_table_destroy(seen);
}
