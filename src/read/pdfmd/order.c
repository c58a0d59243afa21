/* Putting the page fragments of a PDF export back in reading order.
 *
 * A depth-first search builds the order fragment by fragment. A fragment may
 * follow the last one placed only if the sentence can go on (a fragment that
 * ends mid-sentence is followed by one that does not open with a heading; a
 * lower-case opening follows a sentence that has not ended), its note numbers
 * continue those of the current part (or restart at 1 at a part's heading),
 * and its headings are the next entries of the contents table. Among the
 * fragments that may follow, it tries first a word broken by a hyphen that
 * the other fragment completes into a word of the text, then the fragment
 * that follows in the file, then a completion the hyphenation patterns
 * allow, then fragments that notes or headings anchor, then the rest; ties go to a
 * word pair seen elsewhere in the text, then to shared vocabulary (the same
 * subject goes on), then to file order. A dead end backtracks.
 *
 * Parts number their notes 1..N each, so the fragments holding note k say
 * how many parts reach k, hence how many end at k: a part may end (and the
 * next begin with note 1) only at such a number. Without this, one part's
 * pages could go on numerically with another part's. */
#include "read/pdfmd/pdfmd.h"

#include <math.h>
#include <string.h>

typedef struct {
    int part;
    int note;
    int heading;
    bool notes_since_heading;
    pdfmd_end end;
    int closed; /* the last note of the part this step closed, or 0 */
} state;

typedef struct {
    pdfmd_frag **f;
    int n;
    int entries;
    pdfmd_join_fn joins;
    void *join_ctx;
    read_words *words;
    int max_note;
    int *ends;   /* ends[k]: how many parts end at note k */
    int *closed; /* closed[k]: how many parts the order so far ended at k */
} search;

typedef struct {
    int frag;
    int rank;
    bool pair;
    double similarity;
} candidate;

static int count_headings(const pdfmd_frag *b)
{
    int n = 0;
    for (guint i = 0; i < b->headings->len; i++)
        n += g_array_index(b->headings, int, i) >= 0;
    return n;
}

/* Whether the sentence can go on from fragment `prev`, which ends as `e`,
 * into `B`. */
static bool continues(const search *sr, pdfmd_end e, int prev, const pdfmd_frag *B)
{
    switch (e) {
    case PDFMD_END_COMPLETE:
    case PDFMD_END_HEADING:
        if (B->start == PDFMD_START_LOWER)
            return false;
        break;
    case PDFMD_END_MID:
        if (B->start == PDFMD_START_HEADING || B->start == PDFMD_START_LIST)
            return false;
        break;
    case PDFMD_END_HYPHEN:
        /* "anti-" + "Semitic": a capital goes on a compound the text has */
        if (B->start != PDFMD_START_LOWER &&
            (B->start != PDFMD_START_CAPITAL ||
             sr->joins(sr->join_ctx, sr->f[prev], B) != READ_KEEP_COMPOUND))
            return false;
        break;
    case PDFMD_END_EITHER:
        break;
    }
    return true;
}

/* Whether fragment `b` may follow the state `s` (after fragment `prev`, -1
 * at the start); fills the state after it and why it fits. */
static bool fits(const search *sr, const state *s, int prev, int b, state *out, pdfmd_why *why,
                 int *rank)
{
    const pdfmd_frag *B = sr->f[b];
    pdfmd_end e = prev < 0 ? PDFMD_END_COMPLETE : s->end;
    if (!continues(sr, e, prev, B))
        return false;
    *out = *s;
    out->closed = 0;
    int heads = count_headings(B);
    for (guint i = 0; i < B->headings->len; i++) {
        int entry = g_array_index(B->headings, int, i);
        if (entry < 0)
            continue;
        if (entry != out->heading)
            return false;
        out->heading++;
    }
    if (B->first_note) {
        bool part_start = B->start == PDFMD_START_HEADING || !s->notes_since_heading;
        if (B->first_note == s->note + 1) {
            /* same part */
        } else if (B->first_note == 1 && s->note > 0 && part_start &&
                   sr->closed[s->note] < sr->ends[s->note]) {
            /* a part may end only at a number where as many parts end as
             * the fragments' note numbers say */
            out->part++;
            out->closed = s->note;
        } else {
            return false;
        }
        out->note = B->last_note;
        out->notes_since_heading = true;
    } else if (heads) {
        out->notes_since_heading = false;
    }
    out->end = B->end;

    if (prev < 0) {
        *why = PDFMD_WHY_FIRST;
        *rank = B->first_note || heads ? 3 : 4;
        return true;
    }
    read_join join =
        e == PDFMD_END_HYPHEN ? sr->joins(sr->join_ctx, sr->f[prev], B) : READ_KEEP_UNKNOWN;
    if (join == READ_JOIN_VOCABULARY) {
        *why = PDFMD_WHY_HYPHEN;
        *rank = 0;
    } else if (b == prev + 1) {
        *why = PDFMD_WHY_FILE;
        *rank = 1;
    } else if (join == READ_JOIN_DICTIONARY) {
        /* patterns allow breaks in made-up words too: weaker than the file */
        *why = PDFMD_WHY_HYPHEN;
        *rank = 2;
    } else if (B->first_note) {
        *why = PDFMD_WHY_NOTES;
        *rank = 3;
    } else if (heads) {
        *why = PDFMD_WHY_HEADING;
        *rank = 3;
    } else {
        *why = PDFMD_WHY_TEXT;
        *rank = 4;
    }
    return true;
}

/* Cosine of the idf-weighted words of the end of `a` and the start of `b`:
 * a paragraph cut by a page break goes on about the same things. */
static double similarity(const pdfmd_frag *a, const pdfmd_frag *b)
{
    GHashTableIter it;
    gpointer key, val;
    double dot = 0, na = 0, nb = 0;
    g_hash_table_iter_init(&it, a->tail_words);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        double wa = GPOINTER_TO_UINT(val) / 1000.0;
        na += wa * wa;
        gpointer vb = g_hash_table_lookup(b->head_words, key);
        if (vb)
            dot += wa * (GPOINTER_TO_UINT(vb) / 1000.0);
    }
    g_hash_table_iter_init(&it, b->head_words);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        double wb = GPOINTER_TO_UINT(val) / 1000.0;
        nb += wb * wb;
    }
    return na > 0 && nb > 0 ? dot / sqrt(na * nb) : 0;
}

static int compare_candidates(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    if (a->pair != b->pair)
        return a->pair ? -1 : 1;
    if (a->similarity != b->similarity)
        return a->similarity > b->similarity ? -1 : 1;
    return a->frag - b->frag;
}

/* Pushes the fragments that may follow `prev` in state `s`, best first. */
static int push_candidates(const search *sr, const state *s, int prev, const bool *used,
                           GArray *cands, long *steps)
{
    *steps += sr->n; /* every fragment is looked at */
    guint first = cands->len;
    for (int b = 0; b < sr->n; b++) {
        state next;
        pdfmd_why why;
        int rank;
        if (used[b] || !fits(sr, s, prev, b, &next, &why, &rank))
            continue;
        candidate c = {.frag = b, .rank = rank};
        if (prev >= 0 && rank >= 3) {
            c.pair = read_words_pair_count(sr->words, sr->f[prev]->last_word,
                                           sr->f[b]->first_word) > 0 ||
                     (sr->f[prev]->emphasis_open && sr->f[b]->emphasis_opens) ||
                     (sr->f[prev]->last_item && sr->f[b]->next_item == sr->f[prev]->last_item + 1);
            c.similarity = similarity(sr->f[prev], sr->f[b]);
        }
        g_array_append_val(cands, c);
    }
    guint count = cands->len - first;
    if (count > 1)
        qsort(&g_array_index(cands, candidate, first), count, sizeof(candidate),
              compare_candidates);
    return (int)count;
}

/* One search; with `strict_end` the text must end with a whole sentence. */
static bool run(search *s, bool strict_end, int *order, pdfmd_why *why, long *steps);

bool imprint_pdfmd_order(pdfmd_frag **frags, int n, int entries, read_words *words,
                         pdfmd_join_fn joins, void *join_ctx, int *order, pdfmd_why *why,
                         long *steps)
{
    search sr = {frags, n, entries, joins, join_ctx, words, 0, NULL, NULL};
    *steps = 0;
    if (n == 0)
        return true;
    if (n > IMPRINT_PDFMD_MAX_FRAGMENTS)
        return false;
    /* each part numbers its notes 1..N: the fragments that hold note k tell
     * how many parts reach k, so how many end at k */
    for (int i = 0; i < n; i++)
        sr.max_note = MAX(sr.max_note, frags[i]->last_note);
    int *reach = g_new0(int, sr.max_note + 2);
    sr.ends = g_new0(int, sr.max_note + 2);
    sr.closed = g_new0(int, sr.max_note + 2);
    for (int i = 0; i < n; i++)
        for (int k = frags[i]->first_note; k && k <= frags[i]->last_note; k++)
            reach[k]++;
    for (int k = 1; k <= sr.max_note; k++)
        sr.ends[k] = MAX(0, reach[k] - reach[k + 1]);
    g_free(reach);
    /* a text may end in a list or a cut sentence: try that only if no order
     * ends with a whole sentence */
    bool found = run(&sr, true, order, why, steps) || run(&sr, false, order, why, steps);
    g_free(sr.ends);
    g_free(sr.closed);
    return found;
}

static bool run(search *s, bool strict_end, int *order, pdfmd_why *why, long *steps)
{
    search sr = *s;
    pdfmd_frag **frags = sr.f;
    int n = sr.n, entries = sr.entries;
    memset(sr.closed, 0, (size_t)(sr.max_note + 2) * sizeof(int));
    bool *used = g_new0(bool, n);
    int *off = g_new0(int, n + 1), *cnt = g_new0(int, n + 1), *idx = g_new0(int, n + 1);
    state *st = g_new0(state, n + 1);
    GArray *cands = g_array_new(FALSE, FALSE, sizeof(candidate));
    bool found = false;

    st[0] = (state){.part = 1, .end = PDFMD_END_COMPLETE};
    off[0] = 0;
    cnt[0] = push_candidates(&sr, &st[0], -1, used, cands, steps);
    int k = 0;
    while (*steps < IMPRINT_PDFMD_MAX_ORDER_STEPS) {
        (*steps)++;
        if (idx[k] >= cnt[k]) {
            if (k == 0)
                break;
            g_array_set_size(cands, (guint)off[k]);
            k--;
            used[order[k]] = false;
            if (st[k + 1].closed)
                sr.closed[st[k + 1].closed]--;
            idx[k]++;
            continue;
        }
        int b = g_array_index(cands, candidate, off[k] + idx[k]).frag;
        int prev = k ? order[k - 1] : -1;
        int rank;
        fits(&sr, &st[k], prev, b, &st[k + 1], &why[k], &rank);
        order[k] = b;
        frags[b]->part = st[k + 1].part;
        if (k + 1 == n) {
            pdfmd_end e = st[k + 1].end;
            int last = st[k + 1].note;
            bool whole = e == PDFMD_END_COMPLETE || e == PDFMD_END_EITHER || !strict_end;
            if (whole && e != PDFMD_END_HYPHEN && st[k + 1].heading == entries &&
                (!last || sr.closed[last] + (st[k + 1].closed == last) + 1 <= sr.ends[last])) {
                found = true;
                break;
            }
            idx[k]++;
            continue;
        }
        if (st[k + 1].closed)
            sr.closed[st[k + 1].closed]++;
        used[b] = true;
        k++;
        off[k] = (int)cands->len;
        idx[k] = 0;
        cnt[k] = push_candidates(&sr, &st[k], b, used, cands, steps);
    }
    g_free(used);
    g_free(off);
    g_free(cnt);
    g_free(idx);
    g_free(st);
    g_array_free(cands, TRUE);
    return found;
}
