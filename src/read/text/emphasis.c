/* Emphasis a transcriber carried over lines that stay lines: a verse's
 * "_this has writ," / "God quickened in the Sea_", a list's "Written by
 * _J.E." / "Carpenter_.". Each line is built alone, so its mark found no
 * partner; here the marks are paired across the lines of one block and
 * the words between set in emphasis, line by line. */
#include "read/text/text.h"

#include <string.h>

/* Whether the "_" at `p` in `s` opens (after a space or the start, before
 * a non-space) or closes (after a non-space, before no letter). */
static bool opens_at(const char *s, const char *p)
{
    gunichar before = p > s ? g_utf8_get_char(g_utf8_find_prev_char(s, p)) : ' ';
    return rt_mark_opens_after(before) && p[1] && !g_unichar_isspace(g_utf8_get_char(p + 1)) &&
           p[1] != '_';
}

static bool closes_at(const char *s, const char *p)
{
    gunichar after = p[1] ? g_utf8_get_char(p + 1) : ' ';
    return p > s && !g_unichar_isspace(g_utf8_get_char(g_utf8_find_prev_char(s, p))) &&
           !g_unichar_isalnum(after) && after != '_';
}

/* The one mark of line `n`'s text children, when its text has exactly
 * one "_": its node and offset. */
static bool lone_mark(const imprint_node *n, imprint_node **t, size_t *at)
{
    size_t marks = 0;
    for (imprint_node *c = n->first_child; c; c = c->next) {
        if (c->kind != IMPRINT_NODE_TEXT)
            continue;
        for (const char *p = c->as.text.text; (p = strchr(p, '_')); p++, marks++) {
            *t = c;
            *at = (size_t)(p - c->as.text.text);
        }
    }
    return marks == 1;
}

/* Text node `t` cut at byte `at`, the mark there dropped: the part after
 * it a new node right after `t` (returned; NULL when empty). */
static imprint_node *cut_mark(imprint_doc *doc, imprint_node *t, size_t at)
{
    const char *s = t->as.text.text;
    size_t len = strlen(s);
    imprint_pos pos = t->pos;
    pos.col += (unsigned)g_utf8_strlen(s, (gssize)at) + 1;
    imprint_node *rest =
        at + 1 < len ? imprint_node_new_text(doc, pos, s + at + 1, len - at - 1) : NULL;
    t->as.text.text = imprint_arena_strndup(doc->arena, s, at);
    t->as.text.len = at;
    if (rest && t->next)
        imprint_node_insert_before(t->next, rest);
    else if (rest)
        imprint_node_append(t->parent, rest);
    if (!at)
        imprint_node_unlink(t); /* (the mark opened its text) */
    return rest;
}

/* Whether a text under `n` holds a "_". */
static bool has_mark(const imprint_node *n)
{
    imprint_iter it;
    imprint_iter_init(&it, n);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_TEXT &&
            strchr(it.node->as.text.text, '_'))
            return true;
    return false;
}

/* Moves `from` and the siblings after it (to `to`, inclusive; NULL: to
 * the last) into a new EMPH node put in their place. */
static void wrap_run(imprint_doc *doc, imprint_node *from, imprint_node *to)
{
    if (!from)
        return;
    imprint_node *emph = imprint_node_new(doc, IMPRINT_NODE_EMPH, from->pos);
    imprint_node_insert_before(from, emph);
    for (imprint_node *c = from, *next; c; c = next) {
        next = c == to ? NULL : c->next;
        imprint_node_unlink(c);
        imprint_node_append(emph, c);
    }
}

/* Pairs the lone marks of the lines `lines` (LINE nodes, or the
 * paragraphs of a list's items), in order. */
static size_t pair_lines(rt_state *st, GPtrArray *lines)
{
    size_t pairs = 0;
    for (guint i = 0; i < lines->len; i++) {
        imprint_node *a = g_ptr_array_index(lines, i), *ta = NULL;
        size_t at = 0;
        if (!lone_mark(a, &ta, &at) || !opens_at(ta->as.text.text, ta->as.text.text + at))
            continue;
        for (guint j = i + 1; j < lines->len && j <= i + CARRIED_EMPHASIS_MAX_LINES; j++) {
            imprint_node *b = g_ptr_array_index(lines, j), *tb = NULL;
            size_t bt = 0;
            bool marked = lone_mark(b, &tb, &bt);
            if (!marked && has_mark(b))
                break; /* (two marks or more: its own) */
            if (!marked)
                continue;
            if (!closes_at(tb->as.text.text, tb->as.text.text + bt))
                break;
            wrap_run(st->doc, cut_mark(st->doc, ta, at), NULL);
            for (guint k = i + 1; k < j; k++) {
                imprint_node *m = g_ptr_array_index(lines, k);
                wrap_run(st->doc, m->first_child, NULL);
            }
            /* (a closing mark follows a letter of its text: `tb` keeps
             * the words before it) */
            imprint_node *first = b->first_child;
            cut_mark(st->doc, tb, bt);
            wrap_run(st->doc, first, tb);
            pairs++;
            i = j;
            break;
        }
    }
    return pairs;
}

/* The line-like child `n` stands for: a LINE, a PARAGRAPH, or an ITEM's
 * one paragraph; NULL for any other. */
static imprint_node *line_like(imprint_node *n)
{
    if (n->kind == IMPRINT_NODE_LINE || n->kind == IMPRINT_NODE_PARAGRAPH)
        return n;
    if (n->kind == IMPRINT_NODE_ITEM && n->first_child && !n->first_child->next &&
        n->first_child->kind == IMPRINT_NODE_PARAGRAPH)
        return n->first_child;
    return NULL;
}

/* Pairs the marks in each run of `parent`'s children that stand on lines
 * one right under the other (no blank line between), then looks deeper. */
static size_t carried_in(rt_state *st, imprint_node *parent)
{
    size_t pairs = 0;
    GPtrArray *run = g_ptr_array_new();
    for (imprint_node *c = parent->first_child; c; c = c->next) {
        imprint_node *l = line_like(c);
        const imprint_node *prev = run->len ? g_ptr_array_index(run, run->len - 1) : NULL;
        if (!l || (prev && l->pos.line != prev->pos.line + 1)) {
            if (run->len > 1)
                pairs += pair_lines(st, run);
            g_ptr_array_set_size(run, 0);
        }
        if (l)
            g_ptr_array_add(run, l);
        else if (imprint_node_kind_is_block(c->kind))
            pairs += carried_in(st, c);
    }
    if (run->len > 1)
        pairs += pair_lines(st, run);
    g_ptr_array_free(run, TRUE);
    return pairs;
}

void rt_carried_emphasis(rt_state *st, imprint_node *article)
{
    size_t pairs = carried_in(st, article);
    if (pairs && !st->carried_emphasis)
        st->first_carried = article->pos;
    st->carried_emphasis += pairs;
}
