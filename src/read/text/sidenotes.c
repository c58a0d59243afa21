/* Sidenotes a transcriber set in diamonds ("♦Feudal rights.♦ These feudal
 * rights varied…", Distributed Proofreaders' mark for a note in the
 * margin): taken out of the paragraph they stand in and set before it, as
 * "[Sidenote: …]" lines are. */
#include "read/text/text.h"

#include <string.h>

#define DIAMOND "\xE2\x99\xA6" /* U+2666 BLACK DIAMOND SUIT, RT_DIAMOND_LEN bytes */

/* Whether the text before byte `at` of `s` ends a sentence (or is
 * nothing): a sidenote opens where the paragraph's next sentence does. */
static bool sentence_ends_before(const char *s, size_t at)
{
    while (at > 0 && s[at - 1] == ' ')
        at--;
    if (at == 0)
        return true;
    const char *p = g_utf8_find_prev_char(s, s + at);
    gunichar c = g_utf8_get_char(p);
    if (c == '"' || c == 0x201D || c == 0x2019 || c == ')')
        c = p > s ? g_utf8_get_char(g_utf8_find_prev_char(s, p)) : '.';
    return c == '.' || c == '!' || c == '?';
}

/* Whether a sentence starts at `p` (or the text ends): a capital, a digit,
 * an opening quote or bracket. */
static bool sentence_starts(const char *p, const char *end)
{
    while (p < end && *p == ' ')
        p++;
    if (p >= end)
        return true;
    gunichar c = g_utf8_get_char(p);
    return g_unichar_isupper(c) || g_unichar_isdigit(c) || c == 0x201C || c == 0x2018 || c == '"' ||
           c == '\'' || c == '(' || c == '[' || c == '_';
}

/* The first "♦" in [p, end), or NULL: its lead byte by memchr(), which
 * most lines (none of it) pass at once. */
static const char *find_diamond(const char *p, const char *end)
{
    while (p < end && (p = memchr(p, DIAMOND[0], (size_t)(end - p)))) {
        if (end - p >= RT_DIAMOND_LEN && memcmp(p, DIAMOND, RT_DIAMOND_LEN) == 0)
            return p;
        p++;
    }
    return NULL;
}

bool rt_diamond_sidenote(const char *s, size_t len, size_t *open, size_t *inner_len, size_t *after)
{
    const char *end = s + len;
    for (const char *p = s; (p = find_diamond(p, end)); p += RT_DIAMOND_LEN) {
        const char *in = p + RT_DIAMOND_LEN;
        const char *close = find_diamond(in, end);
        if (!close)
            return false;
        if (close == in || *in == ' ' || close[-1] == ' ' ||
            !sentence_ends_before(s, (size_t)(p - s)) ||
            !sentence_starts(close + RT_DIAMOND_LEN, end))
            continue;
        const char *rest = close + RT_DIAMOND_LEN;
        while (rest < end && *rest == ' ')
            rest++;
        *open = (size_t)(p - s);
        *inner_len = (size_t)(close - in);
        *after = (size_t)(rest - s);
        return true;
    }
    return false;
}

size_t rt_line_diamond_sidenote(const rt_line *l)
{
    size_t open, inner, after;
    return l->tlen > 2 * RT_DIAMOND_LEN && g_str_has_prefix(l->t, DIAMOND) &&
                   rt_diamond_sidenote(l->t, l->tlen, &open, &inner, &after) && open == 0 &&
                   after == l->tlen
               ? inner
               : 0;
}

imprint_node *rt_sidenote_from(rt_state *st, const rt_line *l, size_t offset, size_t len)
{
    imprint_node *side =
        imprint_node_new(st->doc, IMPRINT_NODE_SIDENOTE, rt_line_pos(st, l, offset));
    rt_append_inlines(st, side, l, offset, len);
    if (!st->diamond_sidenotes++)
        st->first_diamond_sidenote = side->pos;
    return side;
}

void rt_sidenotes_flush(rt_state *st, imprint_node *into)
{
    if (!st->pending_sidenotes)
        return;
    for (guint i = 0; i < st->pending_sidenotes->len; i++)
        imprint_node_append(into, g_ptr_array_index(st->pending_sidenotes, i));
    g_ptr_array_set_size(st->pending_sidenotes, 0);
}
