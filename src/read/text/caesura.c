/* Alliterative verse set in half-lines ("Hwät! we Gâr-Dena      in
 * geâr-dagum", Old English as its editions print it): one gap of the same
 * width inside most lines, the second halves starting wherever the first
 * ones end. Such lines are no table's rows, whose gaps vary and whose
 * columns are aligned; each gap is read as one space, with a note. Runs on
 * the physical lines, before they are joined. */
#include <string.h>

#include "read/text/text.h"

/* The one gap of WRAP_COLUMN_GAP spaces or more inside line `l`: where it
 * starts and how wide it is. False when the line has none, or several. */
static bool one_gap(const rt_line *l, size_t *at, size_t *width)
{
    size_t gaps = 0, run = 0;
    /* (most lines have no gap: strstr() tells at once; one found past the
     * words, in trailing spaces, only costs the loop) */
    if (!strstr(l->t, "   ") && !memchr(l->t, '\t', l->tlen))
        return false;
    for (size_t i = 0; i < l->tlen; i++) {
        if (l->t[i] == '\t')
            return false;
        if (l->t[i] == ' ') {
            run++;
            continue;
        }
        if (run >= WRAP_COLUMN_GAP) {
            gaps++;
            *at = i - run;
            *width = run;
        }
        run = 0;
    }
    return gaps == 1;
}

/* The most common value of `counts` (`n` of them) and how often. */
static size_t mode_of(const unsigned *counts, size_t n, unsigned *often)
{
    size_t best = 0;
    for (size_t k = 1; k < n; k++)
        if (counts[k] > counts[best])
            best = k;
    *often = counts[best];
    return best;
}

/* Whether the file's verse is set in half-lines: CAESURA_MIN_LINES lines at
 * least with one gap, CAESURA_LINE_SHARE of its lines with words, their
 * gaps of one width (CAESURA_WIDTH_SHARE of them, a column either way) and
 * their second halves starting at no one column (less than
 * CAESURA_ALIGNED_SHARE at the commonest); the width in `*width`. */
static bool half_lines(const rt_state *st, size_t *width)
{
    unsigned widths[CAESURA_MAX_WIDTH + 2] = {0}, starts[256] = {0};
    size_t words = 0, gapped = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        size_t at = 0, w = 0;
        words += !l->blank;
        if (l->blank || !one_gap(l, &at, &w) || w > CAESURA_MAX_WIDTH)
            continue;
        gapped++;
        widths[w]++;
        starts[MIN(l->indent + at + w, G_N_ELEMENTS(starts) - 1)]++;
    }
    unsigned often, aligned;
    if (gapped < CAESURA_MIN_LINES)
        return false;
    *width = mode_of(widths, G_N_ELEMENTS(widths), &often);
    often += widths[*width - 1] + widths[*width + 1];
    mode_of(starts, G_N_ELEMENTS(starts), &aligned);
    return gapped >= CAESURA_MIN_LINES && gapped >= CAESURA_LINE_SHARE * words &&
           often >= CAESURA_WIDTH_SHARE * gapped && aligned < CAESURA_ALIGNED_SHARE * gapped;
}

bool rt_caesuras(rt_state *st)
{
    size_t width, lines = 0;
    if (!half_lines(st, &width))
        return false;
    unsigned first = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        rt_line *l = &st->lines[i];
        size_t at = 0, w = 0;
        if (l->blank || !one_gap(l, &at, &w) || w + 1 < width || w > width + 1)
            continue;
        size_t off = (size_t)(l->t - l->text) + at;
        memmove(l->text + off + 1, l->text + off + w, strlen(l->text + off + w) + 1);
        rt_line_measure(l);
        first = first ? first : l->lineno;
        lines++;
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, first, 1),
                         "%zu lines of verse set in half-lines, a gap of %zu spaces between "
                         "them: each gap read as one space, the lines no table's rows",
                         lines, width);
    return true;
}
