/* The builder's cursor over an article's lines, and the one way blocks are
 * appended: shared by blocks.c, headings.c and quotes.c, calling none of them. */
#include "read/text/text.h"

#include <stdint.h>
#include <string.h>

rt_line *rt_line_at(rt_builder *b, size_t i)
{
    return &b->st->lines[i];
}

/* Whether `node` goes into the play's open speech: its blocks, but not a
 * stage direction between speeches ("[Exit.]", "(Later.)"). */
static bool in_turn(const rt_builder *b, const imprint_node *node, size_t last_line)
{
    if (!b->play_turn || !imprint_node_can_contain(IMPRINT_NODE_SPEECH, node->kind) ||
        node->kind == IMPRINT_NODE_HEADING || node->kind == IMPRINT_NODE_SPEECH ||
        node->kind == IMPRINT_NODE_BREAK)
        return false;
    /* (where each turn is one block, a block of its own is nobody's) */
    if (b->turn_blocks && b->st->lines[last_line].chunk != b->play_turn_chunk)
        return false;
    const imprint_node *t = node->first_child;
    bool apart = t && t->kind == IMPRINT_NODE_TEXT &&
                 (t->as.text.text[0] == '[' || t->as.text.text[0] == '(');
    return !(apart && b->play_turn->first_child);
}

void rt_append(rt_builder *b, imprint_node *node, size_t last_line)
{
    /* (the sidenotes cut out of the block go before it) */
    GPtrArray *side = b->st->pending_sidenotes;
    if (side && side->len && node->kind != IMPRINT_NODE_SIDENOTE) {
        b->st->pending_sidenotes = NULL;
        for (guint i = 0; i < side->len; i++)
            rt_append(b, g_ptr_array_index(side, i), last_line);
        g_ptr_array_set_size(side, 0);
        b->st->pending_sidenotes = side;
    }
    if (in_turn(b, node, last_line)) {
        imprint_node_append(b->play_turn, node);
        b->last_block = node;
        b->last_line = last_line;
        return;
    }
    b->play_turn = NULL;
    imprint_node_append(b->st->article, node);
    b->last_block = node;
    if (node->kind == IMPRINT_NODE_HEADING)
        b->last_heading = node;
    b->last_line = last_line;
    if (node->kind != IMPRINT_NODE_LIST)
        b->depth = 0;
    if (node->kind != IMPRINT_NODE_LIST || !node->as.list.bibliography)
        b->bib_list = NULL;
}

bool rt_same_chunk(rt_builder *b, size_t i, size_t j)
{
    return rt_line_at(b, i)->chunk == rt_line_at(b, j)->chunk;
}

/* The next line of the article that holds text (not a note definition). */
size_t rt_next_text_line(rt_builder *b, size_t i)
{
    for (size_t j = i + 1; j <= b->last; j++)
        if (!rt_line_at(b, j)->blank && !rt_line_at(b, j)->notedef)
            return j;
    return SIZE_MAX;
}

/* The line of the article before `i` that holds text (not a note
 * definition). */
size_t rt_prev_text_line(rt_builder *b, size_t i)
{
    for (size_t j = i; j-- > b->first;)
        if (!rt_line_at(b, j)->blank && !rt_line_at(b, j)->notedef)
            return j;
    return SIZE_MAX;
}

bool rt_after_closing(rt_builder *b, size_t i)
{
    size_t p = rt_prev_text_line(b, i);
    if (p == SIZE_MAX)
        return false;
    const rt_line *prev = rt_line_at(b, p);
    if (rt_line_is_closing(prev) || prev->t[prev->tlen - 1] == ',')
        return true;
    /* "…with the most vehement regard, your" / "GENERALISSIMUS." */
    static const char *const ends[] = {" your", " yours", " thine", " thy"};
    for (size_t k = 0; k < G_N_ELEMENTS(ends); k++) {
        size_t n = strlen(ends[k]);
        if (prev->tlen >= n && g_ascii_strncasecmp(prev->t + prev->tlen - n, ends[k], n) == 0)
            return true;
    }
    return false;
}

bool rt_dash_item(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    if (l->tlen < 2 || l->t[0] != '-' || l->t[1] == '-' || l->t[1] == ' ')
        return false;
    for (int d = -1; d <= 1; d += 2) {
        size_t j = i + (size_t)d;
        if ((d < 0 && i == b->first) || j > b->last || !rt_same_chunk(b, i, j))
            continue;
        const rt_line *m = rt_line_at(b, j);
        if (m->tlen >= 2 && m->t[0] == '-' && m->t[1] != '-' && m->t[1] != ' ')
            return true;
    }
    return false;
}
