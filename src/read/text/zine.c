/* An online magazine's article heads as Amiga Report and STReport set
 * them: "> From the Editor's Desk        "Saying it like it is!"" at the
 * margin, its title underlined right under it ("   """"""""""…" or
 * "   =====…", as long as the title), a rule of the same marks over it.
 * ZINE_HEADS_MIN such heads make the file an issue: each head opens an
 * article, its title the words after "> ", the words set off after them
 * its subtitle; the underlines and the rules over the heads go, with a
 * note. Runs on the physical lines, before they are joined. */
#include <string.h>

#include "read/text/text.h"

/* Whether `len` bytes of `s` are one mark ('"', '=', '-', '~', '*', '_',
 * '#') repeated, `n` of them. */
static bool marks_only(const char *s, size_t len, size_t n)
{
    if (len != n || !n || !strchr("\"=-~*_#", s[0]))
        return false;
    for (size_t i = 1; i < len; i++)
        if (s[i] != s[0])
            return false;
    return true;
}

/* Whether line `i` is a head: "> " at the margin (a space in at most),
 * its title's words up to a gap of WRAP_COLUMN_GAP spaces or the end, and
 * line `i + 1` the title's underline, starting under its first letter and
 * as long (a mark either way). `*title` the title's bytes from l->t + 2. */
static bool head_at(const rt_state *st, size_t i, size_t *title)
{
    const rt_line *l = &st->lines[i];
    if (l->blank || l->indent > 1 || l->tlen < 4 || l->t[0] != '>' || l->t[1] != ' ' ||
        l->t[2] == ' ' || i + 1 >= st->nlines)
        return false;
    const char *words = l->t + 2, *gap = strstr(words, "   ");
    size_t n = gap && gap < l->t + l->tlen ? (size_t)(gap - words) : l->tlen - 2;
    const rt_line *u = &st->lines[i + 1];
    size_t chars = rt_utf8_cols(words, n);
    if (u->blank || u->indent != l->indent + 2 || u->tlen + 1 < chars || u->tlen > chars + 1 ||
        !marks_only(u->t, u->tlen, u->tlen))
        return false;
    *title = n;
    return true;
}

/* The rule over the head at line `i` (a blank line between at most), or
 * SIZE_MAX: a line of one mark, ZINE_RULE_MIN_MARKS of them at least. */
static size_t rule_over(const rt_state *st, size_t i)
{
    for (size_t k = i; k-- > 0 && i - k <= 2;) {
        const rt_line *l = &st->lines[k];
        if (!l->blank)
            return l->tlen >= ZINE_RULE_MIN_MARKS && marks_only(l->t, l->tlen, l->tlen) ? k
                                                                                        : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Line `l` made `len` bytes of `s`, at the margin. */
static void set_text(rt_line *l, const char *s, size_t len)
{
    char *t = g_strndup(s, len);
    g_free(l->text);
    l->text = t;
    rt_line_measure(l);
}

bool rt_zine_heads(rt_state *st)
{
    size_t heads = 0, title;
    for (size_t i = 0; i < st->nlines; i++)
        heads += head_at(st, i, &title);
    if (heads < ZINE_HEADS_MIN)
        return false;
    unsigned first = 0;
    size_t rules = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        if (!head_at(st, i, &title))
            continue;
        rt_line *l = &st->lines[i], *u = &st->lines[i + 1];
        first = first ? first : l->lineno;
        size_t r = rule_over(st, i);
        if (r != SIZE_MAX) {
            rt_line_set_blank(&st->lines[r]);
            rules++;
        }
        /* the words set off after the title go under it, as its subtitle */
        const char *sub = l->t + 2 + title;
        size_t sublen = l->tlen - 2 - title;
        while (sublen && *sub == ' ')
            sub++, sublen--;
        char *words = g_strndup(l->t + 2, title);
        if (sublen)
            set_text(u, sub, sublen);
        else
            rt_line_set_blank(u);
        set_text(l, words, title);
        g_free(words);
        l->zine_head = true;
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, first, 1),
                         "an issue of an online magazine: %zu heads (\"> Title\" over its "
                         "underline) each open an article, the words set off after a title its "
                         "subtitle; the underlines and %zu rules over the heads left out",
                         heads, rules);
    return true;
}
