/* The word-level differences of two texts: Myers' O(ND) diff over the
 * normalised words, the trace of the edit graph kept to walk back the
 * shortest edit script, bounded by IMPRINT_DIFF_MAX_EDITS. */
#include "compare/compare_internal.h"

#include <string.h>

typedef struct {
    guint a0, a1, b0, b1; /* words [a0, a1) of a replaced by [b0, b1) of b */
} hunk;

static bool eq(const cmp_text *a, guint i, const cmp_text *b, guint j)
{
    return g_array_index(a->words, cmp_word, i).hash == g_array_index(b->words, cmp_word, j).hash;
}

/* One step of the walk back: an edit at (x, y) of the trimmed texts. */
typedef struct {
    guint x, y;
    bool insert; /* b's word y inserted; else a's word x deleted */
} edit;

/* The forward pass: V after each step d in `trace` (d = 0..D, each 2d+1
 * values for diagonals -d..d). Returns D, or -1 past `limit`. */
static long forward(const cmp_text *a, guint ao, guint n, const cmp_text *b, guint bo, guint m,
                    long limit, GArray *trace)
{
    long max = MIN((long)n + (long)m, limit);
    long off = max + 1;
    long *v = g_new0(long, 2 * (size_t)max + 3);
    v[off + 1] = 0;
    for (long d = 0; d <= max; d++) {
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                              : v[off + k - 1] + 1;
            long y = x - k;
            while (x < (long)n && y < (long)m && eq(a, ao + (guint)x, b, bo + (guint)y))
                x++, y++;
            v[off + k] = x;
        }
        for (long k = -d; k <= d; k++) {
            gint32 val = (gint32)v[off + k];
            g_array_append_val(trace, val);
        }
        long x = v[off + (long)n - (long)m];
        if (((long)n - (long)m) >= -d && ((long)n - (long)m) <= d &&
            (((long)n - (long)m - d) % 2 == 0) && x >= (long)n) {
            g_free(v);
            return d;
        }
    }
    g_free(v);
    return -1;
}

/* Value of diagonal k after step d in the trace. */
static long at(const GArray *trace, long d, long k)
{
    size_t base = (size_t)(d * d); /* steps 0..d-1 took 1 + 3 + ... + (2d-1) = d² values */
    return g_array_index(trace, gint32, base + (size_t)(k + d));
}

static GArray *walk_back(const GArray *trace, long depth, guint n, guint m)
{
    GArray *edits = g_array_new(FALSE, FALSE, sizeof(edit));
    long x = n, y = m;
    for (long d = depth; d > 0; d--) {
        long k = x - y;
        bool down = k == -d || (k != d && at(trace, d - 1, k - 1) < at(trace, d - 1, k + 1));
        long pk = down ? k + 1 : k - 1;
        long px = at(trace, d - 1, pk), py = px - pk;
        edit e = down ? (edit){(guint)px, (guint)py, true} : (edit){(guint)px, (guint)py, false};
        g_array_append_val(edits, e);
        x = px;
        y = py;
    }
    /* Walked from the end: put them in reading order. */
    for (guint i = 0; i < edits->len / 2; i++) {
        edit t = g_array_index(edits, edit, i);
        g_array_index(edits, edit, i) = g_array_index(edits, edit, edits->len - 1 - i);
        g_array_index(edits, edit, edits->len - 1 - i) = t;
    }
    return edits;
}

/* Edits that follow one another without a common word between them are
 * one difference. */
static GArray *hunks_of(const GArray *edits, guint ao, guint bo)
{
    GArray *hunks = g_array_new(FALSE, FALSE, sizeof(hunk));
    for (guint i = 0; i < edits->len; i++) {
        const edit *e = &g_array_index(edits, edit, i);
        hunk *last = hunks->len ? &g_array_index(hunks, hunk, hunks->len - 1) : NULL;
        if (!last || last->a1 != ao + e->x || last->b1 != bo + e->y) {
            hunk h = {ao + e->x, ao + e->x, bo + e->y, bo + e->y};
            g_array_append_val(hunks, h);
            last = &g_array_index(hunks, hunk, hunks->len - 1);
        }
        if (e->insert)
            last->b1++;
        else
            last->a1++;
    }
    return hunks;
}

static bool starts_block(const cmp_text *t, guint i)
{
    return i == 0 || i >= t->words->len ||
           g_array_index(t->words, cmp_word, i).block !=
               g_array_index(t->words, cmp_word, i - 1).block;
}

/* A run of words only in one text can often stand a few words earlier or
 * later with the same meaning ("leaders The" for "The leaders"): like git's
 * diff heuristics, slide it within the common words around it so that it
 * starts a block (a heading, a paragraph) when it can. `lo` and `hi` bound
 * the slide (the neighbouring differences). */
static void slide(const cmp_text *t, guint lo, guint hi, hunk *h, bool in_a)
{
    guint *x0 = in_a ? &h->a0 : &h->b0, *x1 = in_a ? &h->a1 : &h->b1;
    guint len = *x1 - *x0, orig = *x0, up = *x0;
    while (up > lo && g_array_index(t->words, cmp_word, up - 1).hash ==
                          g_array_index(t->words, cmp_word, up - 1 + len).hash)
        up--;
    guint best = orig;
    for (guint at = up; at + len <= hi; at++) {
        if (at > up && g_array_index(t->words, cmp_word, at - 1).hash !=
                           g_array_index(t->words, cmp_word, at - 1 + len).hash)
            break;
        if (starts_block(t, at)) {
            best = at;
            break;
        }
    }
    long shift = (long)best - (long)orig;
    h->a0 = (guint)((long)h->a0 + shift);
    h->a1 = (guint)((long)h->a1 + shift);
    h->b0 = (guint)((long)h->b0 + shift);
    h->b1 = (guint)((long)h->b1 + shift);
}

static void slide_all(const cmp_text *a, const cmp_text *b, GArray *hunks)
{
    for (guint i = 0; i < hunks->len; i++) {
        hunk *h = &g_array_index(hunks, hunk, i);
        if ((h->a0 == h->a1) == (h->b0 == h->b1))
            continue; /* a change, or nothing */
        bool in_a = h->a1 > h->a0;
        const hunk *prev = i ? &g_array_index(hunks, hunk, i - 1) : NULL;
        const hunk *next = i + 1 < hunks->len ? &g_array_index(hunks, hunk, i + 1) : NULL;
        guint lo = in_a ? (prev ? prev->a1 : 0) : (prev ? prev->b1 : 0);
        guint hi = in_a ? (next ? next->a0 : a->words->len) : (next ? next->b0 : b->words->len);
        slide(in_a ? a : b, lo, hi, h, in_a);
    }
}

/* Where word `i` of `t` stands (or, past the end, the last word). The
 * column counts the characters before it in its run of text, exact when
 * the run stands on one line of the source. */
static imprint_pos word_at(const cmp_text *t, guint i)
{
    if (t->words->len == 0)
        return (imprint_pos){0};
    const cmp_word *w = &g_array_index(t->words, cmp_word, MIN(i, t->words->len - 1));
    imprint_pos p = w->text->pos;
    if (p.line && p.col)
        p.col += (unsigned)g_utf8_strlen(w->text->as.text.text, w->orig - w->text->as.text.text);
    return p;
}

static void report_hunk(const cmp_text *a, const cmp_text *b, const hunk *h, imprint_diags *diags)
{
    imprint_pos pa = word_at(a, h->a0), pb = word_at(b, h->b0);
    char *qa = h->a1 > h->a0 ? cmp_quote(a, h->a0, h->a1) : NULL;
    char *qb = h->b1 > h->b0 ? cmp_quote(b, h->b0, h->b1) : NULL;
    if (qa && qb)
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, pa, "“%s” here, “%s” in %s:%u:%u", qa, qb,
                             pb.file, pb.line, pb.col);
    else if (qa)
        imprint_diags_report(
            diags, IMPRINT_SEV_WARNING, pa, "only in this copy: “%s” (%u word%s; not at %s:%u:%u)",
            qa, h->a1 - h->a0, h->a1 - h->a0 == 1 ? "" : "s", pb.file, pb.line, pb.col);
    else
        imprint_diags_report(
            diags, IMPRINT_SEV_WARNING, pb, "only in this copy: “%s” (%u word%s; not at %s:%u:%u)",
            qb, h->b1 - h->b0, h->b1 - h->b0 == 1 ? "" : "s", pa.file, pa.line, pa.col);
    g_free(qa);
    g_free(qb);
}

long imprint_compare_diff(const imprint_node *a, const imprint_node *b, imprint_diags *diags)
{
    cmp_text ta, tb;
    cmp_text_init(&ta, a);
    cmp_text_init(&tb, b);
    guint na = ta.words->len, nb = tb.words->len, pre = 0, suf = 0;
    while (pre < na && pre < nb && eq(&ta, pre, &tb, pre))
        pre++;
    while (suf < na - pre && suf < nb - pre && eq(&ta, na - 1 - suf, &tb, nb - 1 - suf))
        suf++;
    guint n = na - pre - suf, m = nb - pre - suf;
    GArray *trace = g_array_new(FALSE, FALSE, sizeof(gint32));
    long depth = forward(&ta, pre, n, &tb, pre, m, IMPRINT_DIFF_MAX_EDITS, trace);
    long result = -1;
    if (depth < 0) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, word_at(&ta, pre),
                             "more than %d words differ from here on: these are different "
                             "texts, not variants of one",
                             IMPRINT_DIFF_MAX_EDITS);
    } else {
        GArray *edits = walk_back(trace, depth, n, m);
        GArray *hunks = hunks_of(edits, pre, pre);
        slide_all(&ta, &tb, hunks);
        for (guint i = 0; i < hunks->len; i++)
            report_hunk(&ta, &tb, &g_array_index(hunks, hunk, i), diags);
        result = hunks->len;
        g_array_unref(hunks);
        g_array_unref(edits);
    }
    g_array_unref(trace);
    cmp_text_clear(&ta);
    cmp_text_clear(&tb);
    return result;
}
