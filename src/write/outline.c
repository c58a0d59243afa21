#include "imprint/writer.h"

#include <string.h>

/*
 * The outline (`imprint inspect --as outline`): the shape of what a reader
 * found, one line per article and heading, for eyeballing and golden tests.
 *
 *   # SOURCE_FILE                       before the first article of each file
 *   LINE: article [N notes] TITLE
 *   LINE:   heading LEVEL: TEXT
 */

static void append_text(const imprint_node *n, GString *out)
{
    if (n->kind == IMPRINT_NODE_TEXT) {
        g_string_append_len(out, n->as.text.text, (gssize)n->as.text.len);
        return;
    }
    for (const imprint_node *c = n->first_child; c; c = c->next)
        append_text(c, out);
}

/* Headings anywhere in the article's blocks (notes hang off the article in a
 * chain of their own and are not visited). */
static void outline_headings(const imprint_node *n, GString *out)
{
    for (const imprint_node *c = n->first_child; c; c = c->next) {
        if (c->kind == IMPRINT_NODE_HEADING) {
            g_string_append_printf(out, "%u:   heading %d: ", c->pos.line, c->as.heading.level);
            append_text(c, out);
            g_string_append_c(out, '\n');
        } else if (imprint_node_kind_is_block(c->kind) || c->kind == IMPRINT_NODE_ITEM) {
            outline_headings(c, out);
        }
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
        outline_headings(art, out);
    }
    g_hash_table_destroy(seen);
}
