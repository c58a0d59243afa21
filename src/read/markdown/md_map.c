/* A text built from pieces of a source, and the map back to the source. */
#include "read/markdown/md_map.h"

#include <string.h>

void md_map_init(md_map *m)
{
    m->text = g_string_new(NULL);
    m->marks = g_array_new(FALSE, FALSE, sizeof(md_mark));
}

void md_map_clear(md_map *m)
{
    if (m->text)
        g_string_free(m->text, TRUE);
    if (m->marks)
        g_array_free(m->marks, TRUE);
    m->text = NULL;
    m->marks = NULL;
}

/* Adds a mark for bytes appended from now on, unless the last mark already
 * maps them (source bytes that follow the last ones without a gap). */
static void mark(md_map *m, size_t src, bool literal)
{
    size_t out = m->text->len;
    if (m->marks->len) {
        md_mark *last = &g_array_index(m->marks, md_mark, m->marks->len - 1);
        if (!literal && !last->literal && last->src + (out - last->out) == src)
            return;
        if (last->out == out) {
            /* nothing was appended under the last mark: replace it */
            last->src = src;
            last->literal = literal;
            return;
        }
    }
    md_mark mk = {out, src, literal};
    g_array_append_val(m->marks, mk);
}

void md_map_src(md_map *m, const char *src, size_t off, size_t len)
{
    if (!len)
        return;
    mark(m, off, false);
    g_string_append_len(m->text, src + off, (gssize)len);
}

void md_map_lit(md_map *m, const char *s, size_t len, size_t at)
{
    if (!len)
        return;
    mark(m, at, true);
    g_string_append_len(m->text, s, (gssize)len);
}

/* Index of the last mark at or before `off`; the marks are sorted by `out`. */
static guint mark_index(const md_map *m, size_t off)
{
    guint lo = 0, hi = m->marks->len;
    while (hi - lo > 1) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(m->marks, md_mark, mid).out <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t md_map_src_of(const md_map *m, size_t off)
{
    if (!m->marks->len)
        return 0;
    const md_mark *mk = &g_array_index(m->marks, md_mark, mark_index(m, off));
    if (off < mk->out)
        return mk->src;
    return mk->literal ? mk->src : mk->src + (off - mk->out);
}

void md_map_copy(md_map *m, const md_map *from, size_t off, size_t len)
{
    size_t end = off + len;
    if (!from->marks->len || off >= end)
        return;
    guint i = mark_index(from, off);
    while (off < end) {
        const md_mark *mk = &g_array_index(from->marks, md_mark, i);
        size_t stop = i + 1 < from->marks->len ? g_array_index(from->marks, md_mark, i + 1).out
                                               : from->text->len;
        if (stop > end)
            stop = end;
        if (stop <= off) {
            i++;
            continue;
        }
        size_t src = mk->literal ? mk->src : mk->src + (off - mk->out);
        mark(m, src, mk->literal);
        g_string_append_len(m->text, from->text->str + off, (gssize)(stop - off));
        off = stop;
        i++;
    }
}
