/* The `text` reader: scraped plain text, several articles a file. This file
 * splits the source into lines and articles; blocks.c builds the blocks of
 * each article, notes.c its notes, inline.c their inline content, lines.c
 * judges single lines (text.h draws the whole).
 *
 * Every guess that changes structure is reported: article splits as notes,
 * what an editor should check as warnings. Nothing is dropped: a note marker
 * without a definition stays a NOTEREF whose note is NULL (writers print its
 * number), a definition without a marker stays a note with no references,
 * and a line that fits no rule stays a paragraph. */

#include <string.h>

#include "imprint/reader.h"
#include "model/nfc.h"
#include "model/typography.h"
#include "read/text/text.h"

static bool split_lines(rt_state *st, const char *data, size_t len)
{
    GArray *lines = g_array_new(FALSE, TRUE, sizeof(rt_line));
    const char *p = data, *end = data + len;
    unsigned lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        if (e > p && e[-1] == '\r')
            e--;
        lineno++;
        rt_line l = {0};
        l.lineno = lineno;
        /* a NUL would end the line's text early: refuse rather than lose it */
        l.text = memchr(p, '\0', (size_t)(e - p)) ? NULL : imprint_nfc(p, (gssize)(e - p));
        if (!l.text) {
            imprint_diags_report(st->diags, IMPRINT_SEV_ERROR, rt_pos(st, lineno, 1),
                                 "line is not valid UTF-8 text (a NUL byte or an invalid "
                                 "sequence); nothing read");
            g_array_append_val(lines, l);
            st->lines = (rt_line *)(void *)lines->data;
            st->nlines = lines->len;
            g_array_free(lines, FALSE);
            return false;
        }
        l.len = strlen(l.text);
        l.t = l.text;
        l.tlen = l.len;
        rt_trim(&l.t, &l.tlen);
        l.tcol = rt_utf8_cols(l.text, (size_t)(l.t - l.text)) + 1;
        l.indent = l.tcol - 1;
        l.nchar = rt_utf8_cols(l.t, l.tlen);
        l.blank = l.tlen == 0;
        l.spacer = l.blank && strstr(l.text, "\u00a0") != NULL;
        size_t n;
        if (!l.blank && imprint_typography_superscript_digit(l.t, l.tlen, &n) >= 0) {
            /* "¹ text" or "¹text": a definition needs text after its number */
            const char *q = l.t;
            while (imprint_typography_superscript_digit(q, (size_t)(l.t + l.tlen - q), &n) >= 0)
                q += n;
            l.notedef = q < l.t + l.tlen;
        }
        g_array_append_val(lines, l);
        p = next;
    }
    st->nlines = lines->len;
    st->lines = (rt_line *)(void *)g_array_free(lines, FALSE);
    return true;
}

static bool is_split_title(const rt_line *l, const char *const *split)
{
    for (; split && *split; split++) {
        const char *want = *split;
        size_t wlen = strlen(want);
        rt_trim(&want, &wlen);
        char *nwant = imprint_nfc(want, (gssize)wlen);
        bool same = nwant && l->tlen == strlen(nwant) && memcmp(l->t, nwant, l->tlen) == 0;
        g_free(nwant);
        if (same)
            return true;
    }
    return false;
}

/* Runs of non-blank lines; a line the edition names as a title is a run
 * of its own even without blank lines around it. */
static void make_chunks(rt_state *st, const char *const *split)
{
    GArray *chunks = g_array_new(FALSE, TRUE, sizeof(rt_chunk));
    for (size_t i = 0; i < st->nlines;) {
        if (st->lines[i].blank) {
            i++;
            continue;
        }
        rt_chunk c = {.first = i};
        bool alone = split && is_split_title(&st->lines[i], split);
        while (i < st->nlines && !st->lines[i].blank) {
            if (i > c.first && (alone || (split && is_split_title(&st->lines[i], split))))
                break;
            st->lines[i].chunk = chunks->len;
            i++;
        }
        c.last = i - 1;
        g_array_append_val(chunks, c);
    }
    st->nchunks = chunks->len;
    st->chunks = (rt_chunk *)(void *)g_array_free(chunks, FALSE);
}

static const rt_line *chunk_line(const rt_state *st, size_t k)
{
    return &st->lines[st->chunks[k].first];
}

static bool chunk_single(const rt_state *st, size_t k)
{
    return st->chunks[k].first == st->chunks[k].last;
}

static bool chunk_ref_like(const rt_state *st, size_t k)
{
    for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
        if (!rt_line_is_ref_like(&st->lines[i]))
            return false;
    return true;
}

static bool chunk_has_url(const rt_state *st, size_t k)
{
    for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
        if (rt_line_has_url(&st->lines[i]))
            return true;
    return false;
}

static bool chunk_all_notedefs(const rt_state *st, size_t k)
{
    for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
        if (!st->lines[i].notedef)
            return false;
    return true;
}

static bool chunk_end_marker(const rt_state *st, size_t k)
{
    return rt_line_is_end_marker(&st->lines[st->chunks[k].last]);
}

static bool chunk_heading_like(const rt_state *st, size_t k)
{
    return chunk_single(st, k) && rt_line_is_heading_like(chunk_line(st, k));
}

/* A short line that may be one entry of a list of references. */
static bool short_ref_line(const rt_line *l)
{
    imprint_list_style style;
    int number;
    size_t skip, name, sk;
    bool file;
    if (l->blank || l->notedef || l->nchar > 160 || rt_line_starts_quote(l) ||
        rt_line_list_marker(l, &style, &number, &skip) || rt_line_speaker(l, &name, &sk) ||
        rt_line_is_figure(l, &file))
        return false;
    const char *end = l->t + l->tlen;
    char last = end[-1];
    return last != '.' && last != '?' && last != '!';
}

size_t rt_implicit_bib_run(const rt_state *st, size_t k, size_t to, size_t *scanned)
{
    size_t n = 0, commas = 0;
    while (k + n < to && chunk_single(st, k + n) && !st->chunks[k + n].title &&
           short_ref_line(chunk_line(st, k + n))) {
        const rt_line *l = chunk_line(st, k + n);
        char last = l->t[l->tlen - 1];
        commas += last == ',' || last == ';';
        n++;
    }
    if (scanned)
        *scanned = n;
    /* Lines ending in commas are verse, not references. */
    return n >= READ_TEXT_MIN_BIB_RUN && commas < 2 ? n : 0;
}

typedef struct {
    size_t chunk; /* first chunk */
    bool titled;  /* the first chunk is its title */
} article_start;

static void start_article(GArray *starts, rt_state *st, size_t k, bool titled)
{
    article_start a = {.chunk = k, .titled = titled};
    if (titled)
        st->chunks[k].title = true;
    /* An untitled start right at the previous start adds nothing. */
    if (starts->len && g_array_index(starts, article_start, starts->len - 1).chunk == k)
        g_array_index(starts, article_start, starts->len - 1) = a;
    else
        g_array_append_val(starts, a);
}

/* Looking back from `end` over the chunks after `from`, the title that
 * opens the next article: a line followed by a parenthesised subtitle, else
 * the nearest single heading-like line. SIZE_MAX if none. */
static size_t title_before(const rt_state *st, size_t from, size_t end)
{
    for (size_t j = from + 1; j < end; j++)
        if (chunk_single(st, j) && rt_line_is_paren_subtitle(chunk_line(st, j)) &&
            chunk_heading_like(st, j - 1) && j - 1 >= from)
            return j - 1;
    for (size_t j = end; j-- > from;)
        if (chunk_heading_like(st, j))
            return j;
    return SIZE_MAX;
}

/* Automatic detection: see the comment on each rule. */
static void find_articles(rt_state *st, GArray *starts)
{
    bool body = false, after_end = false;
    int bib = RT_BIB_NONE;
    size_t bib_from = 0, last_url = 0, judged = 0;
    for (size_t k = 0; k < st->nchunks; k++) {
        rt_chunk *c = &st->chunks[k];
        const rt_line *l = chunk_line(st, k);
        bool single = chunk_single(st, k);
        bool more = k + 1 < st->nchunks;
        /* The scraped blog's trace: a no-break space before a title's last word. */
        if (single && rt_line_nbsp_title(l)) {
            start_article(starts, st, k, true);
            body = after_end = false;
            bib = RT_BIB_NONE;
            continue;
        }
        /* A short first line of the file is its title. */
        if (k == 0 && more && chunk_heading_like(st, k)) {
            start_article(starts, st, k, true);
            continue;
        }
        if (k == 0)
            start_article(starts, st, 0, false);
        /* After "Thanks to …!", a "Source: …" line or note definitions, a
         * heading-like line opens the next article. */
        if (after_end && body && more && chunk_heading_like(st, k) &&
            !chunk_end_marker(st, k + 1) && !chunk_all_notedefs(st, k + 1)) {
            start_article(starts, st, k, true);
            body = after_end = false;
            bib = RT_BIB_NONE;
            continue;
        }
        if (single && rt_line_is_bib_heading(l)) {
            bib = RT_BIB_ENTRY;
            c->bib = RT_BIB_HEADING;
            last_url = bib_from = k;
            body = true;
            after_end = false;
            continue;
        }
        /* (a run already judged is not judged again from each of its lines:
         * a long poem must not cost quadratic time) */
        if (bib == RT_BIB_NONE && body && !after_end && k >= judged) {
            size_t scanned = 0;
            size_t run = rt_implicit_bib_run(st, k, st->nchunks, &scanned);
            judged = k + (scanned ? scanned : 1);
            if (run) {
                bib = RT_BIB_IMPLICIT;
                last_url = bib_from = k - 1;
            }
        }
        if (bib != RT_BIB_NONE) {
            if (chunk_ref_like(st, k)) {
                c->bib = bib;
                if (chunk_has_url(st, k))
                    last_url = k;
                continue;
            }
            /* Body text again: the list ended, and the next article began
             * at the title just before this text. */
            size_t t = title_before(st, last_url + 1, k);
            bib = RT_BIB_NONE;
            if (t != SIZE_MAX && t > bib_from) {
                for (size_t j = t; j < k; j++)
                    st->chunks[j].bib = RT_BIB_NONE;
                start_article(starts, st, t, true);
                body = true;
                after_end = false;
                continue;
            }
        }
        body = true;
        after_end = chunk_end_marker(st, k);
    }
}

/* The edition's `split` list: articles start exactly at those lines, in
 * that order. */
static bool split_at(rt_state *st, GArray *starts, const char *const *split)
{
    size_t k = 0;
    bool ok = true;
    for (const char *const *title = split; *title; title++) {
        const char *one[] = {*title, NULL};
        size_t found = SIZE_MAX;
        for (size_t j = k; j < st->nchunks && found == SIZE_MAX; j++)
            if (is_split_title(chunk_line(st, j), one))
                found = j;
        if (found == SIZE_MAX) {
            imprint_diags_report(st->diags, IMPRINT_SEV_ERROR, rt_pos(st, 0, 0),
                                 "split title \"%s\" is not a line of this source (after the "
                                 "previous split title)",
                                 *title);
            ok = false;
            continue;
        }
        if (starts->len == 0 && found > 0)
            start_article(starts, st, 0, false);
        start_article(starts, st, found, true);
        k = found + 1;
    }
    if (starts->len == 0 && st->nchunks)
        start_article(starts, st, 0, false);
    return ok;
}

static bool build_article(rt_state *st, const article_start *a, size_t end)
{
    const rt_line *first = chunk_line(st, a->chunk);
    imprint_node *art =
        imprint_node_new(st->doc, IMPRINT_NODE_ARTICLE, rt_pos(st, first->lineno, first->tcol));
    art->as.article.source_file = imprint_arena_strdup(st->doc->arena, st->path);
    art->as.article.source_line = first->lineno;
    if (a->titled)
        art->as.article.title = rt_plain(st, first->t, first->tlen);
    imprint_node_append(st->doc->root, art);
    st->article = art;
    rt_notes_begin(st);
    for (size_t k = a->chunk; k < end; k++)
        for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
            if (st->lines[i].notedef && !rt_notes_add_definition(st, &st->lines[i]))
                return false;
    if (!rt_build_blocks(st, a->titled ? a->chunk + 1 : a->chunk, end))
        return false;
    return rt_notes_finish(st);
}

int imprint_read_text(imprint_doc *doc, const char *path, const char *data, size_t len,
                      const imprint_read_opts *opts, imprint_diags *diags)
{
    rt_state st = {.doc = doc, .diags = diags, .path = path ? path : "<text>"};
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(article_start));
    int count = -1;
    if (!split_lines(&st, data, len))
        goto cleanup;
    make_chunks(&st, opts ? opts->split : NULL);
    if (st.nchunks == 0) {
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, rt_pos(&st, 1, 1),
                             "no text in this source: no article read");
        count = 0;
        goto cleanup;
    }
    if (opts && opts->split) {
        if (!split_at(&st, starts, opts->split))
            goto cleanup;
    } else {
        find_articles(&st, starts);
    }
    for (guint i = 0; i < starts->len; i++) {
        const article_start *a = &g_array_index(starts, article_start, i);
        size_t end =
            i + 1 < starts->len ? g_array_index(starts, article_start, i + 1).chunk : st.nchunks;
        if (a->titled && !(opts && opts->split)) {
            const rt_line *l = chunk_line(&st, a->chunk);
            char *title = g_strndup(l->t, l->tlen);
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, rt_pos(&st, l->lineno, l->tcol),
                                 "article split: \u201c%s\u201d", title);
            g_free(title);
        }
        if (!build_article(&st, a, end))
            goto cleanup;
    }
    count = (int)starts->len;
cleanup:
    for (size_t i = 0; i < st.nlines; i++)
        g_free(st.lines[i].text);
    g_free(st.lines);
    g_free(st.chunks);
    if (st.refs)
        g_ptr_array_free(st.refs, TRUE);
    g_array_free(starts, TRUE);
    return count;
}
