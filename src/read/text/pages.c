/* A paginated text's running heads and feet (an RFC's "Postel & Reynolds
 * [Page 42]", a form feed, "RFC 959   October 1985" over the next page):
 * the pages' furniture, not the text. Found by what comes back at every
 * page break (a foot's page number going up, a head repeated under each
 * break), left out with a note (`boilerplate: keep` keeps them), and a
 * paragraph or a drawing the break cut goes on across it. Runs on the
 * physical lines, before anything else reads them. */
#include <stdlib.h>
#include <string.h>

#include "read/text/text.h"

/* The line's text, runs of spaces as one, digit runs as one '#' when
 * `numbers` (g_free it). */
static char *line_key(const rt_line *l, bool numbers)
{
    GString *s = g_string_sized_new(l->tlen);
    for (size_t k = 0; k < l->tlen; k++) {
        char c = l->t[k];
        if (c == ' ' && s->len && s->str[s->len - 1] == ' ')
            continue;
        if (numbers && g_ascii_isdigit(c)) {
            if (!s->len || s->str[s->len - 1] != '#')
                g_string_append_c(s, '#');
            continue;
        }
        g_string_append_c(s, c);
    }
    return g_string_free(s, FALSE);
}

/* The page number at the end of the line ("[Page 42]", "- 12 -", "Page
 * 7": no letter or digit after it), -1 if none. */
static long last_number(const rt_line *l)
{
    size_t k = l->tlen;
    while (k > 0 && !g_ascii_isdigit(l->t[k - 1])) {
        if (g_ascii_isalpha(l->t[k - 1]))
            return -1;
        k--;
    }
    size_t e = k;
    while (k > 0 && g_ascii_isdigit(l->t[k - 1]))
        k--;
    return k < e && e - k <= PAGE_MAX_NUMBER_DIGITS ? strtol(l->t + k, NULL, 10) : -1;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* Whether the lines `at` (indices, in file order) are a run of page feet:
 * PAGE_MIN_BREAKS of them at least, their page numbers going up (by one at
 * most steps), as many lines to a page each time (PAGE_LENGTH_SLACK_PCT
 * either way of the median, PAGE_MIN_LINES at least): the dates over a
 * blog's posts ("8 November 2019", "10 November 2020") come as the posts
 * are long. */
static bool page_run(const rt_state *st, const GArray *at)
{
    if (at->len < PAGE_MIN_BREAKS)
        return false;
    double *per = g_new(double, at->len - 1);
    bool ok = true;
    size_t next = 0; /* steps to the very next page */
    for (guint k = 1; k < at->len && ok; k++) {
        const rt_line *a = &st->lines[g_array_index(at, size_t, k - 1)];
        const rt_line *b = &st->lines[g_array_index(at, size_t, k)];
        long pages = last_number(b) - last_number(a);
        ok = pages > 0;
        next += pages == 1;
        per[k - 1] = ok ? (double)(b->lineno - a->lineno) / (double)pages : 0;
    }
    size_t n = at->len - 1;
    /* (most steps go to the very next page: numbers of notes or figures
     * skip) */
    ok = ok && next * 2 >= n;
    if (ok) {
        double *sorted = g_memdup2(per, n * sizeof *per);
        qsort(sorted, n, sizeof *sorted, cmp_double);
        double median = sorted[n / 2];
        g_free(sorted);
        ok = median >= PAGE_MIN_LINES;
        for (size_t k = 0; k < n && ok; k++)
            ok = per[k] * 100 >= median * (100 - PAGE_LENGTH_SLACK_PCT) &&
                 per[k] * 100 <= median * (100 + PAGE_LENGTH_SLACK_PCT);
    }
    g_free(per);
    return ok;
}

/* Marks in `drop` the lines numbered like page feet or heads ("… [Page
 * 42]", "Page 7"): lines of one shape, digits aside, that come back as
 * page_run says. Each is a page break in `breaks`. */
static void numbered_furniture(const rt_state *st, bool *drop, bool *breaks)
{
    GHashTable *shapes =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank || l->nchar > PAGE_MAX_LINE_CHARS || last_number(l) < 0)
            continue;
        rt_index_add(shapes, line_key(l, true), i);
    }
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, shapes);
    while (g_hash_table_iter_next(&it, &key, &value))
        if (rt_has_letter(key, strlen(key)) && page_run(st, value))
            for (guint k = 0; k < ((GArray *)value)->len; k++) {
                size_t i = g_array_index((GArray *)value, size_t, k);
                drop[i] = breaks[i] = true;
            }
    g_hash_table_destroy(shapes);
}

/* For each line, the first line from it on that holds text and is not
 * left out (st->nlines if none): found in one pass from the end, so that
 * many breaks in a row cost no more than one (g_free it). */
static size_t *next_text(const rt_state *st, const bool *drop)
{
    size_t *next = g_new(size_t, st->nlines + 1);
    next[st->nlines] = st->nlines;
    for (size_t i = st->nlines; i-- > 0;)
        next[i] = st->lines[i].blank || drop[i] ? next[i + 1] : i;
    return next;
}

/* Marks in `drop` the running heads: the PAGE_HEAD_LINES lines at most
 * right under a page break (a foot, or a form feed; the break's own line
 * when it holds text past the feed, "\fRFC 1035 …") whose text comes back
 * under half the breaks or more (two at least). */
/* The first page's number at the top of the file, over no break: "1" set
 * where the number stands under each break (`seen`, the heads' shapes and
 * how many breaks each is under; `first`, the file's first line of text).
 * Only a number with no letter: a first line that repeats a running head
 * of words is the title. */
static void first_page_number(const rt_state *st, bool *drop, GHashTable *seen, size_t nbreaks,
                              size_t first)
{
    if (first >= st->nlines)
        return;
    char *key = line_key(&st->lines[first], true);
    guint count = GPOINTER_TO_UINT(g_hash_table_lookup(seen, key));
    if (!rt_has_letter(key, strlen(key)) && count >= 2 && count * 2 >= nbreaks &&
        last_number(&st->lines[first]) >= 0)
        drop[first] = true;
    g_free(key);
}

static void running_heads(const rt_state *st, bool *drop, const bool *breaks, size_t nbreaks)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t *next = next_text(st, drop);
    for (int pass = 0; pass < 2; pass++)
        for (size_t b = 0, last = SIZE_MAX; b < st->nlines; b++) {
            size_t under = !drop[b] && !st->lines[b].blank ? b : next[b + 1];
            /* (a foot and the form feed under it are one break) */
            if (!breaks[b] || under == last)
                continue;
            last = under;
            for (size_t i = under, n = 0;
                 i < st->nlines && n < PAGE_HEAD_LINES && !st->lines[i].blank; i++, n++) {
                if (st->lines[i].mail)
                    continue; /* (a message's head under each break: its own) */
                char *key = line_key(&st->lines[i], true);
                guint count = GPOINTER_TO_UINT(g_hash_table_lookup(seen, key));
                if (pass == 0)
                    g_hash_table_replace(seen, key, GUINT_TO_POINTER(count + 1));
                else if (count >= 2 && count * 2 >= nbreaks)
                    drop[i] = true;
                if (pass == 1)
                    g_free(key);
            }
        }
    first_page_number(st, drop, seen, nbreaks, next[0]);
    g_free(next);
    g_hash_table_destroy(seen);
}

/* Whether the text goes on across a page break from line `p` to line `n`
 * (the lines around it): in a small letter, or at the same indent after a
 * line that ends no sentence (a paragraph's, a drawing's). */
static bool goes_on(const rt_line *p, const rt_line *n)
{
    char last = p->t[p->tlen - 1];
    bool ends = last == '.' || last == '!' || last == '?' || last == ':';
    return g_unichar_islower(g_utf8_get_char(n->t)) || (!ends && p->indent == n->indent);
}

typedef struct {
    size_t dropped, joined;
} page_counts;

/* The lines without those in `drop`: the blank lines around a page break
 * become one, or none where the text goes on across it. */
static GArray *without(rt_state *st, const bool *drop, page_counts *c)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(rt_line));
    size_t last_text = SIZE_MAX; /* index in `out` */
    bool cut = false;            /* a dropped line since the last text */
    for (size_t i = 0; i < st->nlines; i++) {
        rt_line *l = &st->lines[i];
        if (drop[i]) {
            c->dropped++;
            cut = true;
            g_free(l->text);
            continue;
        }
        if (!l->blank && cut && last_text != SIZE_MAX) {
            const rt_line *p = &g_array_index(out, rt_line, last_text);
            bool on = goes_on(p, l);
            size_t keep = last_text + 1 + !on; /* a blank line between, or none */
            for (size_t k = keep; k < out->len; k++)
                g_free(g_array_index(out, rt_line, k).text);
            if (out->len > keep) {
                g_array_set_size(out, keep);
            } else if (out->len < keep) {
                rt_line gap = {.text = g_strdup(""), .lineno = l->lineno};
                rt_line_measure(&gap);
                g_array_append_val(out, gap);
            }
            c->joined += on;
        }
        if (cut && l->blank && last_text != SIZE_MAX && out->len > last_text + 1) {
            g_free(l->text); /* one blank line is enough until the text goes on */
            continue;
        }
        g_array_append_val(out, *l);
        if (!l->blank) {
            last_text = out->len - 1;
            cut = false;
        }
    }
    return out;
}

/* The shapes of the first furniture line or two, for the note. */
static char *furniture_names(const rt_state *st, const bool *drop)
{
    GString *s = g_string_new(NULL);
    GHashTable *named = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i < st->nlines && g_hash_table_size(named) < 2; i++) {
        if (!drop[i] || st->lines[i].blank)
            continue;
        char *key = line_key(&st->lines[i], false);
        if (g_hash_table_add(named, key))
            g_string_append_printf(s, "%s\u201c%s\u201d", s->len ? ", " : "", key);
    }
    g_hash_table_destroy(named);
    return g_string_free(s, FALSE);
}

/* The longest part of a running head, between column gaps, that has words
 * and no digit ("Domain Implementation and Specification" between "RFC
 * 1035" and "November 1987"; "File Transfer Protocol" under "RFC 959
 * October 1985"): the text's title as its pages give it (g_free it), or
 * NULL. */
static char *head_title(const rt_state *st, const bool *drop, const bool *breaks)
{
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0, heads = 0; i < st->nlines && heads < PAGE_HEAD_LINES; i++) {
        const rt_line *l = &st->lines[i];
        if (!drop[i] || breaks[i] || l->blank)
            continue;
        heads++;
        for (const char *p = l->t, *end = l->t + l->tlen; p < end;) {
            const char *e = p;
            while (e < end && !(e[0] == ' ' && e + 1 < end && e[1] == ' '))
                e++;
            bool digit = false, words = false;
            for (const char *q = p; q < e; q++) {
                digit = digit || g_ascii_isdigit(*q);
                words = words || *q == ' ';
            }
            if (!digit && words && (size_t)(e - p) > best_len) {
                best = p;
                best_len = (size_t)(e - p);
            }
            for (p = e; p < end && *p == ' '; p++)
                ;
        }
    }
    return best ? g_strndup(best, best_len) : NULL;
}

void rt_page_title_name(rt_state *st, int articles)
{
    imprint_node *art = st->doc->root->last_child;
    if (!st->page_title || articles != 1 || !art || art->kind != IMPRINT_NODE_ARTICLE ||
        art->as.article.title)
        return;
    art->as.article.title = rt_plain(st, st->page_title, strlen(st->page_title));
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, art->pos,
                         "the words of the running heads taken as the title: %s", st->page_title);
}

void rt_page_furniture(rt_state *st, bool keep)
{
    bool *drop = g_new0(bool, st->nlines + 1);
    bool *breaks = g_new0(bool, st->nlines + 1);
    numbered_furniture(st, drop, breaks);
    size_t feet = 0, feeds = 0, first = SIZE_MAX;
    for (size_t i = 0; i < st->nlines; i++) {
        feet += breaks[i];
        /* a form feed breaks the page too; a line of it alone goes */
        if (memchr(st->lines[i].text, '\f', st->lines[i].len)) {
            breaks[i] = true;
            drop[i] = drop[i] || st->lines[i].blank;
            feeds++;
        }
    }
    size_t nbreaks = MAX(feet, feeds); /* (a foot over a form feed: one break) */
    if (nbreaks >= PAGE_MIN_BREAKS)
        running_heads(st, drop, breaks, nbreaks);
    for (size_t i = 0; i < st->nlines && first == SIZE_MAX; i++)
        if (drop[i] && !st->lines[i].blank)
            first = i;
    if (first == SIZE_MAX || nbreaks < PAGE_MIN_BREAKS)
        goto cleanup;
    char *names = furniture_names(st, drop);
    unsigned at = st->lines[first].lineno;
    if (keep) {
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, at, 1),
                             "running page heads and feet (%s) kept as text (`boilerplate: keep`)",
                             names);
        g_free(names);
        goto cleanup;
    }
    st->page_title = head_title(st, drop, breaks);
    page_counts c = {0};
    GArray *lines = without(st, drop, &c);
    rt_lines_replace(st, lines);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, at, 1),
                         "a paginated text: %zu lines of running page heads and feet (%s) and "
                         "page breaks left out, the text going on across %zu of %zu breaks "
                         "(`boilerplate: keep` keeps them)",
                         c.dropped, names, c.joined, nbreaks);
    g_free(names);
cleanup:
    g_free(drop);
    g_free(breaks);
}
