/* A table of contents copied with the text ("Contents", then a line an
 * entry): a list of its entries without markers, so that the lines are not
 * taken for verse or for headings. The edition builds its own contents; the
 * copied one stays, as the author's. */

#include <string.h>

#include "read/text/text.h"

/* "Contents", "Table of Contents", "CONTENTS.", "Inhalt", "Sommaire". */
bool rt_line_is_contents_heading(const rt_line *l)
{
    static const char *const words[] = {
        "contents",
        "table of contents",
        "list of contents",
        "inhalt",
        "inhaltsverzeichnis",
        "table des matières",
        "sommaire",
        "índice",
        "indice",
        "содержание",
        "оглавление",
    };
    return rt_line_is_title_word(l, words, G_N_ELEMENTS(words));
}

/* An entry's words without its number and page ("1.  The Cyclone .... 3"
 * → "the cyclone"), to see the text's own first heading repeat one. */
static char *entry_key(const rt_line *l)
{
    GString *s = g_string_new(NULL);
    for (const char *p = l->t; p < l->t + l->tlen; p = g_utf8_next_char(p)) {
        gunichar c = g_unichar_tolower(g_utf8_get_char(p));
        if (g_unichar_isalpha(c))
            g_string_append_unichar(s, c);
    }
    return g_string_free(s, FALSE);
}

/* The last line of the entries from line `i`: runs of short lines set
 * apart by one blank line at most, until a line repeats an entry (the
 * first chapter's heading) or a line is too long for an entry. */
static size_t entries_end(rt_builder *b, size_t i)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t last = SIZE_MAX, blanks = 0;
    for (size_t j = i; j <= b->last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->blank) {
            if (++blanks > 1)
                break;
            continue;
        }
        char *key = entry_key(l);
        bool again = *key && g_hash_table_contains(seen, key);
        if (l->nchar > CONTENTS_ENTRY_CHARS || l->notedef || again) {
            g_free(key);
            break;
        }
        g_hash_table_add(seen, key);
        last = j;
        blanks = 0;
    }
    g_hash_table_destroy(seen);
    return last;
}

size_t rt_build_contents(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    imprint_node *h = b->last_block;
    if (!h || h->kind != IMPRINT_NODE_HEADING ||
        !rt_line_is_contents_heading(rt_line_by_number(st, h->pos.line)))
        return 0;
    size_t last = entries_end(b, i), n = 0;
    for (size_t j = i; last != SIZE_MAX && j <= last; j++)
        n += !rt_line_at(b, j)->blank;
    if (n < CONTENTS_MIN_ENTRIES)
        return 0;
    const rt_line *l = rt_line_at(b, i);
    imprint_node *list =
        imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
    list->as.list.style = IMPRINT_LIST_BULLET;
    list->as.list.contents = true;
    for (size_t j = i; j <= last; j++) {
        const rt_line *e = rt_line_at(b, j);
        if (e->blank)
            continue;
        imprint_node *item =
            imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, e->lineno, e->tcol));
        imprint_node_append(item, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, e, 0));
        imprint_node_append(list, item);
    }
    rt_append(b, list, last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                         "a table of contents of %zu entries (to line %u): kept as a list; the "
                         "edition's own contents is made from the articles and headings",
                         n, rt_line_at(b, last)->lineno);
    return last + 1;
}
