/* The lines of the source the pandoc pass reads: where each starts, how
 * long it is, positions for messages, and the columns tables are laid out in. */
#include "read/markdown/pandoc_internal.h"

size_t pd_line_start(const pd_state *st, unsigned i)
{
    return g_array_index(st->line_start, size_t, i);
}

size_t pd_line_len(const pd_state *st, unsigned i)
{
    const char *s = st->src + pd_line_start(st, i);
    size_t n = g_array_index(st->line_start, size_t, i + 1) - 1 - pd_line_start(st, i);
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

unsigned pd_line_of(const pd_state *st, size_t off)
{
    unsigned lo = 0, hi = st->nlines;
    while (hi - lo > 1) {
        unsigned mid = lo + (hi - lo) / 2;
        if (pd_line_start(st, mid) <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

imprint_pos pd_pos(const pd_state *st, size_t off)
{
    unsigned line = pd_line_of(st, off);
    size_t start = pd_line_start(st, line);
    return (imprint_pos){st->path, line + 1,
                         (unsigned)g_utf8_strlen(st->src + start, (gssize)(off - start)) + 1};
}

/* pandoc lays tables out in characters, a wide one counting two. */
static unsigned char_width(gunichar c)
{
    return g_unichar_iswide(c) ? 2 : 1;
}

size_t pd_col_byte(const char *s, size_t len, unsigned col)
{
    unsigned w = 0;
    const char *p = s;
    while (p < s + len && w < col) {
        w += char_width(g_utf8_get_char(p));
        p = g_utf8_next_char(p);
    }
    return (size_t)(p - s);
}
