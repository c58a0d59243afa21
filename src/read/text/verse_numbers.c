/* A poem's line numbers at its left margin, every fifth or tenth line
 * ("5    monegum mǽgðum" among lines set in five columns, as editions of
 * Beowulf or of Chaucer count them): the edition's count, not the poem's
 * words. Found by the numbers going up by one step, the lines between two
 * of them as many as the step, and each number's words starting at the
 * column the unnumbered lines start at; each number becomes its line's
 * (TEI `<l n>`, as numbers at the right margin are), its digits spaces,
 * with a note (`boilerplate: keep` keeps them as text). Runs on the
 * physical lines, before they are joined. */
#include <string.h>

#include "read/text/text.h"

/* The number line `l` opens with (LINE_NUMBER_MAX_INDENT columns in at
 * most, VERSE_NUMBER_MAX_DIGITS digits at most), a space and its words
 * after it; its bytes in `*len`, the column its words start at in
 * `*col`. 0 for none. */
static int lead_number(const rt_line *l, size_t *len, unsigned *col)
{
    if (l->blank || l->indent > LINE_NUMBER_MAX_INDENT || !g_ascii_isdigit(l->t[0]))
        return 0;
    size_t k = 0;
    int n = 0;
    while (k < l->tlen && g_ascii_isdigit(l->t[k]) && k <= VERSE_NUMBER_MAX_DIGITS)
        n = n * 10 + (l->t[k++] - '0');
    size_t w = k;
    while (w < l->tlen && l->t[w] == ' ')
        w++;
    if (k > VERSE_NUMBER_MAX_DIGITS || w == k || w >= l->tlen || n == 0)
        return 0;
    *len = k;
    *col = l->indent + (unsigned)w;
    return n;
}

/* The column most unnumbered lines with words start at (their indent):
 * where a numbered line's words stand too. */
static unsigned verse_indent(const rt_state *st)
{
    unsigned counts[LINE_NUMBER_MAX_INDENT + VERSE_NUMBER_MAX_DIGITS + 8] = {0}, best = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        size_t len;
        unsigned col;
        if (!l->blank && !lead_number(l, &len, &col) && l->indent < G_N_ELEMENTS(counts) &&
            ++counts[l->indent] > counts[best])
            best = l->indent;
    }
    return best;
}

/* Lines with words from line `a` (excluded) to `b` (included). */
static size_t lines_between(const rt_state *st, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a + 1; i <= b; i++)
        n += !st->lines[i].blank;
    return n;
}

/* The step of the numbers (`at`: the numbered lines, `nums` their
 * numbers) when they count the lines: most pairs of numbered lines one
 * step apart in number and as many lines with words apart (a few more for
 * a section's heading between), VERSE_NUMBERS_STEP_SHARE of them; 0 if
 * not. */
static int counting_step(const rt_state *st, const GArray *at, const GArray *nums)
{
    int steps[VERSE_NUMBER_MAX_STEP + 1] = {0}, best = 0;
    for (guint k = 1; k < nums->len; k++) {
        int d = g_array_index(nums, int, k) - g_array_index(nums, int, k - 1);
        if (d >= VERSE_NUMBER_MIN_STEP && d <= VERSE_NUMBER_MAX_STEP && ++steps[d] > steps[best])
            best = d;
    }
    if (!best)
        return 0;
    guint counted = 0;
    for (guint k = 1; k < nums->len; k++) {
        size_t between =
            lines_between(st, g_array_index(at, size_t, k - 1), g_array_index(at, size_t, k));
        counted += g_array_index(nums, int, k) - g_array_index(nums, int, k - 1) == best &&
                   between >= (size_t)best && between <= (size_t)best + VERSE_NUMBER_SLACK;
    }
    return counted >= VERSE_NUMBERS_STEP_SHARE * (nums->len - 1) ? best : 0;
}

void rt_verse_line_numbers(rt_state *st, bool keep)
{
    unsigned indent = verse_indent(st);
    GArray *at = g_array_new(FALSE, FALSE, sizeof(size_t)),
           *nums = g_array_new(FALSE, FALSE, sizeof(int));
    for (size_t i = 0; i < st->nlines; i++) {
        size_t len;
        unsigned col;
        int n = lead_number(&st->lines[i], &len, &col);
        if (n && col == indent && indent > 0) {
            g_array_append_val(at, i);
            g_array_append_val(nums, n);
        }
    }
    int step = at->len >= VERSE_NUMBERS_MIN ? counting_step(st, at, nums) : 0;
    if (step) {
        /* (numbers that never go back count one poem, its sections' titles
         * among its lines: a collection numbers each poem's lines anew) */
        st->counted_poem = true;
        for (guint k = 1; k < nums->len; k++)
            st->counted_poem =
                st->counted_poem && g_array_index(nums, int, k) > g_array_index(nums, int, k - 1);
        const rt_line *first = &st->lines[g_array_index(at, size_t, 0)];
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, first->lineno, 1),
                             "%u line numbers at the left margin, every %d lines (%d to %d): "
                             "the verse's count, %s",
                             at->len, step, g_array_index(nums, int, 0),
                             g_array_index(nums, int, nums->len - 1),
                             keep ? "kept as text (`boilerplate: keep`)"
                                  : "kept as the lines' numbers, out of their text "
                                    "(`boilerplate: keep` keeps them in it)");
        for (guint k = 0; k < at->len && !keep; k++) {
            rt_line *l = &st->lines[g_array_index(at, size_t, k)];
            char *digits = l->text + (l->t - l->text);
            l->margin_number = g_array_index(nums, int, k);
            memset(digits, ' ', strspn(digits, "0123456789"));
            rt_line_measure(l);
        }
    }
    g_array_free(at, TRUE);
    g_array_free(nums, TRUE);
}
