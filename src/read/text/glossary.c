/* Glossaries: paragraphs in a row, each opened by an emphasised term and a
 * colon ("_Alignment:_ A straight line upon which…", "**Base:** The
 * element…"), are the entries of a list of definitions, not paragraphs. */
#include <string.h>

#include "read/text/limits.h"
#include "read/text/text.h"

/* Whether paragraph `p` opens with an emphasised term ending in a colon
 * (inside the emphasis or right after it). */
static bool entry(rt_state *st, const imprint_node *p)
{
    const imprint_node *e = p->first_child;
    if (p->kind != IMPRINT_NODE_PARAGRAPH || !e ||
        (e->kind != IMPRINT_NODE_EMPH && e->kind != IMPRINT_NODE_STRONG) || !e->next)
        return false;
    const char *term = imprint_node_plain_text(st->doc, e);
    size_t len = strlen(term), words = 1;
    for (size_t k = 0; k < len; k++)
        words += term[k] == ' ';
    bool colon = len && term[len - 1] == ':';
    const imprint_node *after = e->next;
    colon = colon || (after->kind == IMPRINT_NODE_TEXT && after->as.text.len &&
                      after->as.text.text[0] == ':');
    return colon && len && words <= GLOSSARY_TERM_WORDS;
}

/* The paragraphs from `first` to `last` as the items of one list, in
 * their place. */
static void make_list(rt_state *st, imprint_node *first, imprint_node *last, size_t n)
{
    imprint_node *list = imprint_node_new(st->doc, IMPRINT_NODE_LIST, first->pos);
    list->as.list.style = IMPRINT_LIST_PLAIN;
    list->as.list.start = 1;
    imprint_node_insert_before(first, list);
    imprint_node *stop = last->next;
    for (imprint_node *p = first, *next; p != stop; p = next) {
        next = p->next;
        imprint_node *item = imprint_node_new(st->doc, IMPRINT_NODE_ITEM, p->pos);
        imprint_node_unlink(p);
        imprint_node_append(item, p);
        imprint_node_append(list, item);
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                         "%zu paragraphs opened by a term in emphasis and a colon taken as a "
                         "glossary, a list (to line %u)",
                         n, last->pos.line);
}

void rt_glossaries(rt_state *st)
{
    for (imprint_node *c = st->article->first_child; c;) {
        size_t n = 0;
        imprint_node *last = NULL;
        for (imprint_node *d = c; d && entry(st, d); d = d->next) {
            last = d;
            n++;
        }
        if (n < GLOSSARY_MIN_ENTRIES) {
            c = c->next;
            continue;
        }
        imprint_node *stop = last->next;
        make_list(st, c, last, n);
        c = stop;
    }
}
