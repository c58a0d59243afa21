/* A Project Gutenberg file's own lines: the header above "*** START OF THE
 * PROJECT GUTENBERG EBOOK … ***" (the notice, "Title:", "Author:",
 * "Release Date:") and the licence from "*** END OF … ***" (with the "End
 * of the Project Gutenberg EBook of …" line before it) are not the book;
 * so are an old etext's header, to the end of its small print, and its last
 * "End of The Project Gutenberg Etext of …" line.
 * Unless the edition keeps them (`boilerplate: keep`), their lines are
 * read as blank, each part reported with its lines, and the header's title
 * and author name the book when the rest is one untitled article. The
 * markers are the evidence, and both must be whole lines: a text that only
 * mentions them is left alone. */
#include "read/text/text.h"

#include <string.h>

/* Whether the line is a marker: stars, then START or END, then OF THE (or
 * THIS) PROJECT GUTENBERG, in any case, as the editions of 1990-2023 write
 * it ("*** START OF THE PROJECT GUTENBERG EBOOK X ***", "***START OF THIS
 * PROJECT GUTENBERG EBOOK X***"). */
static bool marker(const rt_line *l, const char *word)
{
    const char *p = l->t, *end = l->t + l->tlen;
    size_t stars = 0;
    while (p < end && *p == '*')
        p++, stars++;
    while (p < end && *p == ' ')
        p++;
    size_t n = strlen(word);
    if (stars < 3 || (size_t)(end - p) < n || g_ascii_strncasecmp(p, word, n) != 0)
        return false;
    p += n;
    while (p < end && *p == ' ')
        p++;
    static const char *const rest[] = {"OF THE PROJECT GUTENBERG", "OF THIS PROJECT GUTENBERG"};
    for (size_t i = 0; i < G_N_ELEMENTS(rest); i++)
        if ((size_t)(end - p) >= strlen(rest[i]) &&
            g_ascii_strncasecmp(p, rest[i], strlen(rest[i])) == 0)
            return true;
    return false;
}

/* The last line of the marker on line `i`: a long title wraps it,
 * "***START OF THE PROJECT GUTENBERG EBOOK INFANTRY DRILL REGULATIONS,
 * UNITED" over "STATES ARMY, 1911***". */
static size_t marker_last(const rt_state *st, size_t i)
{
    const rt_line *l = &st->lines[i], *n = i + 1 < st->nlines ? &st->lines[i + 1] : NULL;
    if (l->t[l->tlen - 1] == '*' || !n || n->blank || n->tlen < 3)
        return i;
    return strncmp(n->t + n->tlen - 3, "***", 3) == 0 ? i + 1 : i;
}

static bool starts_with(const rt_line *l, const char *prefix)
{
    size_t n = strlen(prefix);
    return l->tlen >= n && g_ascii_strncasecmp(l->t, prefix, n) == 0;
}

/* The value of a header field ("Title: X"), or NULL; its indented
 * continuation lines ("       A Trivial Comedy") joined into `*more`
 * (NULL when there are none). */
static char *field(const rt_state *st, size_t from, size_t to, const char *name, char **more)
{
    size_t n = strlen(name);
    *more = NULL;
    for (size_t i = from; i < to; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank || !starts_with(l, name) || l->tlen <= n || l->t[n] != ':')
            continue;
        GString *value = g_string_new_len(l->t + n + 1, (gssize)(l->tlen - n - 1));
        GString *v = g_string_new(NULL);
        for (size_t k = i + 1; k < to && !st->lines[k].blank && st->lines[k].indent > 0; k++) {
            const rt_line *c = &st->lines[k];
            /* "…, with the Ledgers of" / "the Miller's Daughter": the title
             * wrapped, not a subtitle under it (which may open in a small
             * letter: "Guernsey Folk Lore" / "a collection of …") */
            bool goes_on = v->len == 0 && rt_line_ends_with_joiner(&st->lines[k - 1]);
            GString *to_v = goes_on ? value : v;
            if (to_v->len)
                g_string_append_c(to_v, ' ');
            g_string_append_len(to_v, c->t, (gssize)c->tlen);
        }
        *more = g_string_free(v, v->len == 0);
        return g_strstrip(g_string_free(value, FALSE));
    }
    return NULL;
}

static void set_aside(rt_state *st, size_t from, size_t to, const char *what)
{
    for (size_t i = from; i < to; i++)
        rt_line_set_blank(&st->lines[i]);
    unsigned first = st->lines[from].lineno, last = st->lines[to - 1].lineno;
    char *where = first == last ? g_strdup_printf("line %u", first)
                                : g_strdup_printf("lines %u-%u", first, last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, first, 1),
                         "%s: %s, left out of the text (`boilerplate: keep` keeps it)", where,
                         what);
    g_free(where);
}

/* Whether lines `from` to `to` name Project Gutenberg or its
 * proofreaders ("Distributed Proofreaders", "pgdp.net"), across line
 * breaks. */
static bool names_gutenberg(const rt_state *st, size_t from, size_t to)
{
    GString *all = g_string_new(NULL);
    for (size_t i = from; i < to; i++) {
        g_string_append_len(all, st->lines[i].t, (gssize)st->lines[i].tlen);
        g_string_append_c(all, ' ');
    }
    char *folded = g_ascii_strdown(all->str, (gssize)all->len);
    /* pglaf.org: the Project Gutenberg Literary Archive Foundation's domain,
     * in the address many transcribers sign with. */
    bool named = strstr(folded, "gutenberg") || strstr(folded, "proofread") ||
                 strstr(folded, "pgdp") || strstr(folded, "pglaf");
    g_free(folded);
    g_string_free(all, TRUE);
    return named;
}

/* "Note: Project Gutenberg also has an HTML version of this file …", the
 * paragraph some credits have under them (from line `from` on, within
 * GUTENBERG_CREDIT_REACH): Gutenberg's words, no part of the book. */
static void html_note(rt_state *st, size_t from)
{
    for (size_t i = from; i < st->nlines && i - from < GUTENBERG_CREDIT_REACH; i++) {
        if (st->lines[i].blank)
            continue;
        if (!starts_with(&st->lines[i], "Note: Project Gutenberg also has"))
            return;
        size_t end = i;
        while (end < st->nlines && !st->lines[end].blank)
            end++;
        set_aside(st, i, end, "Project Gutenberg's note on its other versions of the file");
        return;
    }
}

/* Whether the line opens a transcribers' credit in the words Gutenberg's
 * volunteers use ("Transcribed from the 1908 Longmans edition by …"). */
static bool credit_opening(const rt_line *l)
{
    static const char *const openings[] = {
        "Produced by",
        "E-text prepared by",
        "Etext prepared by",
        "This etext was produced by",
        "This eBook was produced by",
        "Transcribed from the",
        "Transcribed by",
    };
    for (size_t k = 0; k < G_N_ELEMENTS(openings); k++)
        if (starts_with(l, openings[k]))
            return true;
    return false;
}

/* The transcribers' credit from line `from`, to its blank line. Under a
 * START marker its first words are the evidence; at the top of a file
 * whose header was cut off ("Produced by the Ministry" may open a
 * pamphlet), only a credit that names Gutenberg or its proofreaders. */
static void set_aside_credit(rt_state *st, size_t from, bool headerless)
{
    for (size_t i = from; i < st->nlines && i - from < GUTENBERG_CREDIT_REACH; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank)
            continue;
        if (!credit_opening(l))
            return;
        size_t end = i;
        while (end < st->nlines && !st->lines[end].blank)
            end++;
        if (headerless && !names_gutenberg(st, i, end))
            return;
        set_aside(st, i, end,
                  headerless ? "the transcribers' credit of a Project Gutenberg file without its "
                               "header"
                             : "the transcribers' credit");
        html_note(st, end);
        return;
    }
}

/* Whether the line is the "End of the Project Gutenberg EBook of …" line. */
static bool end_line(const rt_line *l)
{
    return starts_with(l, "End of the Project Gutenberg") ||
           starts_with(l, "End of Project Gutenberg");
}

/* The "End of the Project Gutenberg EBook of …" line at the end of a file
 * cut at its END marker, wrapped over GUTENBERG_END_LINE_MAX lines at most,
 * set aside on its own evidence. */
static void last_line(rt_state *st)
{
    size_t last = st->nlines;
    while (last > 0 && st->lines[last - 1].blank && st->nlines - last < GUTENBERG_END_LINE_REACH)
        last--;
    size_t first = last;
    while (first > 0 && !st->lines[first - 1].blank && last - first < GUTENBERG_END_LINE_MAX)
        first--;
    if (first < last && (first == 0 || st->lines[first - 1].blank) && end_line(&st->lines[first]))
        set_aside(st, first, last, "the last line of a Project Gutenberg file");
}

/* The end of the small print that closes an etext's header of the 1990s
 * ("*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.12.12.00*END*"),
 * which has no START marker. */
static bool small_print_end(const rt_line *l)
{
    return starts_with(l, "*END*THE SMALL PRINT") || starts_with(l, "*END THE SMALL PRINT");
}

/* "The Project Gutenberg Etext of A Vindication of the Rights of Woman",
 * the first line of such a header, names the book: its title, or NULL. */
static char *etext_title(const rt_state *st)
{
    static const char *const heads[] = {"The Project Gutenberg Etext of ",
                                        "Project Gutenberg's Etext of "};
    const rt_line *l = st->nlines ? &st->lines[0] : NULL;
    for (size_t k = 0; l && k < G_N_ELEMENTS(heads); k++)
        if (starts_with(l, heads[k]))
            return g_strndup(l->t + strlen(heads[k]), l->tlen - strlen(heads[k]));
    return NULL;
}

/* The first line of the header above the START marker at `start`: the
 * line naming the eBook ("The Project Gutenberg eBook of …"), or the
 * file's first. Text above that line that names no Gutenberg is not
 * Gutenberg's (a file that quotes the book after words of its own) and
 * stays. */
static size_t header_first(const rt_state *st, size_t start)
{
    static const char *const heads[] = {"The Project Gutenberg eBook",
                                        "The Project Gutenberg Etext", "Project Gutenberg's",
                                        "Project Gutenberg\u2019s"};
    for (size_t i = 0; i < start; i++) {
        for (size_t k = 0; k < G_N_ELEMENTS(heads); k++)
            if (starts_with(&st->lines[i], heads[k]))
                return i;
        /* (a header that opens otherwise, "***The Project Gutenberg's
         * Etext…***", starts at the top) */
        if (g_strstr_len(st->lines[i].t, (gssize)st->lines[i].tlen, "Gutenberg"))
            return 0;
    }
    return 0;
}

void rt_gutenberg(rt_state *st, bool keep)
{
    size_t start = SIZE_MAX, end = SIZE_MAX;
    bool old = false;
    for (size_t i = 0; i < st->nlines && i < GUTENBERG_HEAD_MAX_LINES && start == SIZE_MAX; i++)
        if (marker(&st->lines[i], "START") || (old = small_print_end(&st->lines[i])))
            start = i;
    /* (a file cut at its markers keeps the credit above the book and the
     * "End of …" line below it) */
    if (start != SIZE_MAX && !old)
        start = marker_last(st, start);
    if (start == SIZE_MAX) {
        if (!keep) {
            set_aside_credit(st, 0, true);
            last_line(st);
        }
        return;
    }
    for (size_t i = st->nlines; i-- > start + 1 && end == SIZE_MAX;)
        if (marker(&st->lines[i], "END"))
            end = i;
    /* (an old etext ends with its "End of The Project Gutenberg Etext" line) */
    for (size_t i = st->nlines;
         old && end == SIZE_MAX && i-- > start + 1 && st->nlines - i <= GUTENBERG_END_LINE_REACH;)
        if (end_line(&st->lines[i]))
            end = i;
    if (keep) {
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, st->lines[start].lineno, 1),
                             "a Project Gutenberg file: its header and licence kept as text "
                             "(`boilerplate: keep`)");
        return;
    }
    char *more;
    size_t head = header_first(st, start);
    st->book_title = field(st, head, start, "Title", &st->book_subtitle);
    if (!st->book_title && old)
        st->book_title = etext_title(st);
    st->book_title_folded = st->book_title ? rt_fold(st->book_title, -1) : NULL;
    st->book_author = field(st, head, start, "Author", &more);
    g_free(more);
    set_aside(st, head, start + 1, "the Project Gutenberg header");
    set_aside_credit(st, start + 1, false);
    if (end == SIZE_MAX) {
        last_line(st);
        return;
    }
    size_t from = end;
    for (size_t i = end; i-- > start + 1 && end - i <= GUTENBERG_END_LINE_REACH;)
        if (end_line(&st->lines[i]))
            from = i;
    set_aside(st, from, st->nlines, "the Project Gutenberg licence");
}

bool rt_gutenberg_is_title(const rt_state *st, const rt_line *l)
{
    if (!st->book_title_folded || l->blank)
        return false;
    char *folded = rt_fold(l->t, (gssize)l->tlen);
    bool same = strcmp(folded, st->book_title_folded) == 0;
    g_free(folded);
    return same;
}

void rt_gutenberg_name(rt_state *st, int articles)
{
    if (!st->book_title && !st->book_author)
        return;
    imprint_node *art = st->doc->root->last_child;
    if (articles != 1 || !art || art->kind != IMPRINT_NODE_ARTICLE)
        return;
    if (!art->as.article.title && st->book_title) {
        art->as.article.title = rt_plain(st, st->book_title, strlen(st->book_title));
        if (st->book_subtitle && !art->as.article.subtitle)
            art->as.article.subtitle = rt_plain(st, st->book_subtitle, strlen(st->book_subtitle));
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, art->pos,
                             "the title of the Project Gutenberg header taken as the title: %s",
                             st->book_title);
    }
    if (!art->as.article.authors && st->book_author && *st->book_author) {
        const char **authors = imprint_arena_alloc(st->doc->arena, 2 * sizeof *authors);
        authors[0] = rt_plain(st, st->book_author, strlen(st->book_author));
        authors[1] = NULL;
        art->as.article.authors = authors;
    }
}
