/* A transcript's marginal line numbers (a hearing or a court's record:
 * "    11                Our committee was established by public", the
 * lines of each page numbered 1 to 25 at the left, one blank line between
 * each two): the record's furniture, not its words. Found by the numbers
 * running up a page and starting again at 1 on the next, left out with a
 * note (`boilerplate: keep` keeps them), and the blank lines of the double
 * spacing between numbered lines with them; a paragraph is then what the
 * indents set (move_to_margin). Runs on the physical lines, before the
 * pages' furniture is looked for. */
#include <string.h>

#include "read/text/text.h"

/* The number line `l` opens with at the left margin (LINE_NUMBER_MAX_INDENT
 * columns at most), two digits at most, alone or before two spaces and its
 * words; its end in `*after`. 0 for none. */
static int margin_number(const rt_line *l, size_t *after)
{
    if (l->blank || l->indent > LINE_NUMBER_MAX_INDENT || !g_ascii_isdigit(l->t[0]))
        return 0;
    size_t k = 0;
    int n = 0;
    while (k < l->tlen && k < 3 && g_ascii_isdigit(l->t[k]))
        n = n * 10 + (l->t[k++] - '0');
    if (k > 2 || (k < l->tlen && !(k + 1 < l->tlen && l->t[k] == ' ' && l->t[k + 1] == ' ')))
        return 0;
    *after = k;
    return n;
}

/* Whether the file's lines are numbered so: each numbered line one more
 * than the numbered line before it, or 1 again after a page's
 * LINE_NUMBERS_MIN_PAGE lines (LINE_NUMBERS_MIN_PAGES such pages), those
 * in sequence LINE_NUMBERS_SHARE of the lines with words. A list numbered
 * "1  Apples" / "2  Pears" never starts again. */
static bool numbered_record(const rt_state *st)
{
    size_t seq = 0, words = 0, pages = 0, after;
    int prev = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        words += !l->blank;
        int n = margin_number(l, &after);
        if (!n)
            continue;
        bool again = n == 1 && prev >= LINE_NUMBERS_MIN_PAGE;
        seq += n == prev + 1 || again;
        pages += again;
        prev = n;
    }
    return pages >= LINE_NUMBERS_MIN_PAGES && seq >= LINE_NUMBERS_SHARE * (double)words;
}

/* For each line, how many bytes its margin number takes (0: none). */
static size_t *number_widths(const rt_state *st)
{
    size_t *w = g_new0(size_t, st->nlines + 1);
    for (size_t i = 0; i < st->nlines; i++)
        if (!margin_number(&st->lines[i], &w[i]))
            w[i] = 0;
    return w;
}

/* Whether blank line `i` stands between two numbered lines (`w`): the
 * record's double spacing. */
static bool between_numbered(const rt_state *st, const size_t *w, size_t i)
{
    size_t p = i, n = i;
    while (p > 0 && st->lines[p].blank)
        p--;
    while (n + 1 < st->nlines && st->lines[n].blank)
        n++;
    return w[p] && w[n];
}

/* The column each numbered line's words start at once its number is gone
 * (`w`: the numbers' widths), UINT_MAX for the other lines. */
static unsigned *word_columns(const rt_state *st, const size_t *w)
{
    unsigned *col = g_new(unsigned, st->nlines + 1);
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        size_t k = w[i];
        while (w[i] && k < l->tlen && l->t[k] == ' ')
            k++;
        col[i] = w[i] && k < l->tlen ? l->indent + (unsigned)k : UINT_MAX;
    }
    return col;
}

/* The column most numbered lines' words start at (`col`): the record's
 * margin for its prose. */
static unsigned body_indent(const rt_state *st, const unsigned *col)
{
    unsigned counts[LINE_NUMBER_MAX_INDENT + 64] = {0}, best = 0;
    for (size_t i = 0; i < st->nlines; i++)
        if (col[i] < G_N_ELEMENTS(counts) && ++counts[col[i]] > counts[best])
            best = col[i];
    return best;
}

/* The margin around line `i`: the least word column of the numbered lines
 * LINE_NUMBER_PAGE_LINES either way (a page's), where a document read into
 * the record sets its own, deeper than the record's. */
static unsigned margin_near(const rt_state *st, const unsigned *col, size_t i)
{
    unsigned m = col[i];
    size_t from = i > LINE_NUMBER_PAGE_LINES ? i - LINE_NUMBER_PAGE_LINES : 0;
    for (size_t k = from; k < st->nlines && k <= i + LINE_NUMBER_PAGE_LINES; k++)
        m = MIN(m, col[k]);
    return m;
}

/* Numbered line `l` without its number (`width` bytes), its words (at
 * column `col`) moved left by the record's margin `body`: the prose at the margin, as in any
 * text, a document read into the record set in still. A line set in
 * LINE_NUMBER_PARA_INDENT columns past the margin near it (`near`) opens a
 * paragraph (a turn, "DR. LARSON:  Several…", under "Elaine?"), so it
 * goes to that margin too, a blank line put before it in `out`; returns
 * whether it does. The words' columns move. */
static bool move_to_margin(GArray *out, rt_line *l, size_t width, unsigned col, unsigned near,
                           unsigned body)
{
    const char *words = l->t + width;
    while (*words == ' ')
        words++;
    bool opens = col > near + LINE_NUMBER_PARA_INDENT;
    unsigned to = opens ? near : col;
    unsigned keep = to > body ? to - body : 0;
    char *moved = g_strdup_printf("%*s%s", (int)keep, "", words);
    g_free(l->text);
    l->text = moved;
    rt_line_measure(l);
    const rt_line *p = out->len ? &g_array_index(out, rt_line, out->len - 1) : NULL;
    if (opens && p && !p->blank) {
        rt_line gap = {.text = g_strdup(""), .lineno = l->lineno};
        rt_line_measure(&gap);
        g_array_append_val(out, gap);
    }
    return opens;
}

void rt_line_numbers(rt_state *st, bool keep)
{
    if (!numbered_record(st))
        return;
    if (keep) {
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, 1, 1),
                             "a record whose lines are numbered at the margin, page by page: "
                             "the numbers kept as text (`boilerplate: keep`)");
        return;
    }
    size_t *w = number_widths(st);
    unsigned *col = word_columns(st, w), body = body_indent(st, col);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(rt_line));
    size_t numbers = 0, spacing = 0, opened = 0;
    unsigned first = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        rt_line *l = &st->lines[i];
        if (l->blank && between_numbered(st, w, i)) {
            g_free(l->text);
            spacing++;
            continue;
        }
        if (w[i]) {
            first = first ? first : l->lineno;
            numbers++;
            if (col[i] != UINT_MAX)
                opened += move_to_margin(out, l, w[i], col[i], margin_near(st, col, i), body);
            else
                rt_line_set_blank(l); /* a number alone: a line the record left empty */
        }
        g_array_append_val(out, *l);
    }
    g_free(w);
    g_free(col);
    rt_lines_replace(st, out);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, first, 1),
                         "a record whose lines are numbered at the margin, page by page: %zu "
                         "line numbers and %zu blank lines of its double spacing left out, its "
                         "%zu paragraphs those its indents open (`boilerplate: keep` keeps them)",
                         numbers, spacing, opened);
}
