/* Numbered paragraphs: a regulation's, a treatise's or a pamphlet's "1."
 * to "30.", prose with unnumbered paragraphs between them, read first as
 * lists of an item or two (blocks.c) and made paragraphs again here, each
 * with its number, when the numbers run on from one list to the next. */
#include "read/text/limits.h"
#include "read/text/text.h"

static bool numbered_list(const imprint_node *n)
{
    return n->kind == IMPRINT_NODE_LIST && n->as.list.style == IMPRINT_LIST_DECIMAL &&
           !n->as.list.contents && !n->as.list.bibliography;
}

static size_t items_of(const imprint_node *list)
{
    size_t n = 0;
    for (const imprint_node *c = list->first_child; c; c = c->next)
        n++;
    return n;
}

static size_t words_of(rt_state *st, const imprint_node *n)
{
    const char *text = imprint_node_plain_text(st->doc, n);
    size_t words = 0;
    for (const char *p = text; *p; p++)
        words += !g_ascii_isspace(*p) && (p == text || g_ascii_isspace(p[-1]));
    return words;
}

/* The lists of the chain that starts at `first` (numbers running on,
 * prose between them): how many, the last of them in `*last`. */
static size_t chain(rt_state *st, imprint_node *first, imprint_node **last, size_t *items,
                    size_t *words)
{
    size_t lists = 1;
    bool prose_between = false, between = false;
    int next = first->as.list.start + (int)items_of(first);
    *last = first;
    *items = items_of(first);
    *words = words_of(st, first);
    for (imprint_node *c = first->next; c; c = c->next) {
        if (!numbered_list(c)) {
            prose_between |= c->kind == IMPRINT_NODE_PARAGRAPH;
            between = true;
            continue;
        }
        if (c->as.list.start != next || !between)
            break;
        lists++;
        *last = c;
        *items += items_of(c);
        *words += words_of(st, c);
        next = c->as.list.start + (int)items_of(c);
        between = false;
    }
    return prose_between ? lists : 0;
}

/* The list's items as paragraphs before it, numbers kept; the list goes. */
static void unlist(rt_state *st, imprint_node *list)
{
    for (imprint_node *item = list->first_child; item; item = item->next) {
        imprint_node *c = item->first_child;
        const rt_line *l = rt_line_by_number(st, item->pos.line);
        if (c && c->kind == IMPRINT_NODE_PARAGRAPH && l) {
            imprint_node_insert_before(list, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, l, 0));
            c = c->next;
        }
        while (c) {
            imprint_node *next = c->next;
            imprint_node_unlink(c);
            imprint_node_insert_before(list, c);
            c = next;
        }
    }
    imprint_node_unlink(list);
}

void rt_numbered_paragraphs(rt_state *st)
{
    for (imprint_node *c = st->article->first_child; c;) {
        if (!numbered_list(c)) {
            c = c->next;
            continue;
        }
        imprint_node *last;
        size_t items, words, lists = chain(st, c, &last, &items, &words);
        imprint_node *stop = last->next;
        if (lists < NUMBERED_PARA_MIN_LISTS || words < NUMBERED_PARA_MIN_WORDS * items) {
            c = stop;
            continue;
        }
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, c->pos,
                             "%zu numbered paragraphs (from %d, their numbers running on across "
                             "the text between them, to line %u) kept as paragraphs, numbers and "
                             "all, not as lists",
                             items, c->as.list.start, last->last_child->pos.line);
        for (imprint_node *d = c, *next; d != stop; d = next) {
            next = d->next;
            if (numbered_list(d))
                unlist(st, d);
        }
        c = stop;
    }
}
