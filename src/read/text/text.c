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

#include <stdlib.h>
#include <string.h>

#include "imprint/reader.h"
#include "model/nfc.h"
#include "model/typography.h"
#include "read/text/text.h"

/* The end of the line that starts at `p`: its last byte's successor, with
 * `*next` at the next line. LF, CRLF and a lone CR (old Mac files) all end
 * a line, as they do for cmark. */
static const char *line_end(const char *p, const char *end, const char **next)
{
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    *next = q < end && *q == '\r' && q + 1 < end && q[1] == '\n' ? q + 2 : q < end ? q + 1 : end;
    return q;
}

static bool split_lines(rt_state *st, const char *data, size_t len)
{
    GArray *lines = g_array_new(FALSE, TRUE, sizeof(rt_line));
    const char *p = data, *end = data + len;
    unsigned lineno = 0;
    while (p < end) {
        const char *next;
        const char *e = line_end(p, end, &next);
        lineno++;
        rt_line l = {0};
        l.lineno = lineno;
        /* a NUL would end the line's text early: refuse rather than lose it */
        bool text = imprint_utf8_validate(p, (size_t)(e - p), NULL);
        l.text = text ? imprint_nfc_dup(p, (size_t)(e - p), NULL) : NULL;
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
        rt_line_measure(&l);
        g_array_append_val(lines, l);
        p = next;
    }
    rt_lines_replace(st, lines);
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

/* Whether a line of the chunk is prose: long enough to be more than a
 * title page's or a contents list's line. */
static bool chunk_prose(const rt_state *st, size_t k)
{
    for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
        if (rt_line_words(&st->lines[i]) >= READ_TEXT_BIB_PROSE_WORDS)
            return true;
    return false;
}

/* Text under a piece's title: prose, or a line of dialogue too short for
 * prose ("“You never were a tadpole.”"), which no title page or contents
 * list holds. */
static bool chunk_text(const rt_state *st, size_t k)
{
    const rt_line *first = chunk_line(st, k), *last = &st->lines[st->chunks[k].last];
    return chunk_prose(st, k) || (!chunk_heading_like(st, k) && rt_line_starts_quote(first) &&
                                  !rt_line_ends_mid_sentence(last));
}

/* A short line that may be one entry of a list of references. */
static bool short_ref_line(const rt_line *l)
{
    imprint_list_style style;
    int number;
    size_t skip, name, sk;
    bool file;
    if (l->blank || l->notedef || l->code || l->nchar > 160 || rt_line_starts_quote(l) ||
        rt_line_list_marker(l, &style, &number, &skip) || rt_line_speaker(l, &name, &sk) ||
        rt_line_header_field(l) || rt_line_is_figure(l, &file) || rt_line_placeholder(l) ||
        rt_line_sidenote(l) || rt_line_diamond_sidenote(l) || rt_number_heading_kind(l->t, l->tlen))
        return false;
    const char *end = l->t + l->tlen;
    /* a sentence ends there, inside its closing quote too ("… asked: “Who?”") */
    const char *q = g_utf8_find_prev_char(l->t, end);
    gunichar z = g_utf8_get_char(q);
    if ((z == '"' || z == 0x201D || z == '\'' || z == 0x2019) && q > l->t)
        end = q;
    char last = end[-1];
    return last != '.' && last != '?' && last != '!';
}

size_t rt_implicit_bib_run(const rt_state *st, size_t k, size_t to, size_t *scanned)
{
    size_t n = 0, commas = 0;
    bool title = false;
    /* (nor is a placeholder whose caption goes on below a reference) */
    while (k + n < to && chunk_single(st, k + n) && !st->chunks[k + n].title &&
           short_ref_line(chunk_line(st, k + n)) &&
           !rt_line_placeholder_open(chunk_line(st, k + n))) {
        const rt_line *l = chunk_line(st, k + n);
        char last = l->t[l->tlen - 1];
        commas += last == ',' || last == ';';
        title = title || rt_gutenberg_is_title(st, l);
        n++;
    }
    if (scanned)
        *scanned = n;
    /* Lines ending in commas are verse, not references; a run with the
     * book's own title is its title page. */
    return n >= READ_TEXT_MIN_BIB_RUN && commas < 2 && !title ? n : 0;
}

typedef struct {
    size_t chunk;       /* first chunk */
    bool titled;        /* the first chunk is its title */
    size_t byline;      /* line of its byline under the title, or SIZE_MAX */
    size_t date;        /* line of its date under the title, or SIZE_MAX */
    size_t subtitle;    /* line of its subtitle under the title, or SIZE_MAX */
    size_t title_lines; /* lines of the title, from the chunk's first */
    size_t lead;        /* first chunk of what stands above its title and is its own (a
                         * frontispiece, a transcriber's note), or SIZE_MAX */
    size_t page;        /* first chunk of the title page's lines over its title (a series,
                         * a volume), kept line by line, or SIZE_MAX */
} article_start;

static GString *title_text(const rt_state *st, const article_start *a);

static void start_article(GArray *starts, rt_state *st, size_t k, bool titled)
{
    article_start a = {.chunk = k,
                       .titled = titled,
                       .byline = SIZE_MAX,
                       .date = SIZE_MAX,
                       .subtitle = SIZE_MAX,
                       .title_lines = 1,
                       .lead = SIZE_MAX,
                       .page = SIZE_MAX};
    if (titled)
        st->chunks[k].title = true;
    /* An untitled start right at the previous start adds nothing. */
    if (starts->len && g_array_index(starts, article_start, starts->len - 1).chunk == k)
        g_array_index(starts, article_start, starts->len - 1) = a;
    else
        g_array_append_val(starts, a);
}

/* The chunk of the last line of an article's title, its lines counted
 * from its first chunk's first over blank lines (a title set over spaced
 * lines). */
static size_t title_end(const rt_state *st, const article_start *a)
{
    size_t i = st->chunks[a->chunk].first, n = 0;
    for (; n < a->title_lines; i++)
        n += !st->lines[i].blank;
    return st->lines[i - 1].chunk;
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

/* Whether the file spaces punctuation with no-break spaces, as French does. */
static bool french_spacing(const rt_state *st)
{
    size_t n = 0;
    for (size_t i = 0; i < st->nlines && n < FRENCH_SPACING_MIN; i++) {
        const rt_line *l = &st->lines[i];
        for (const char *p = l->t; p < l->t + l->tlen && n < FRENCH_SPACING_MIN;
             p = g_utf8_next_char(p)) {
            gunichar c = g_utf8_get_char(p);
            if (c != 0x00A0 && c != 0x202F)
                continue;
            const char *q = g_utf8_next_char(p);
            gunichar next = q < l->t + l->tlen ? g_utf8_get_char(q) : 0;
            gunichar prev = p > l->t ? g_utf8_get_char(g_utf8_find_prev_char(l->t, p)) : 0;
            n += next == '?' || next == '!' || next == ':' || next == ';' || next == 0x00BB ||
                 prev == 0x00AB;
        }
    }
    return n >= FRENCH_SPACING_MIN;
}

/* A contents among a collection's first chunks ("Contents:" under its
 * title page): the head runs on over it, to the first chunk set off by
 * more blank lines than the contents heading is, a poem's title. Returns
 * that chunk, or `first` if none; `*at` is the contents heading's chunk
 * (`first` if none). */
static size_t past_contents(const rt_state *st, size_t first, size_t *at)
{
    *at = first;
    for (size_t c = 1; c <= first + 1 && c < st->nchunks; c++) {
        if (!chunk_single(st, c) || !rt_line_is_contents_heading(chunk_line(st, c)))
            continue;
        size_t gap = rt_blank_before(st, c), k = c + 1;
        while (k < st->nchunks && rt_blank_before(st, k) <= gap)
            k++;
        if (k >= st->nchunks || !rt_poem_title(st, k))
            return first;
        *at = c;
        return k;
    }
    return first;
}

/* Whether chunk `k` of a collection's head is its byline ("By Rudyard
 * Kipling", "by" / "O. HENRY"). */
static bool head_byline(const rt_state *st, size_t k)
{
    const rt_line *l = chunk_line(st, k);
    if (g_ascii_strncasecmp(l->t, "by", 2) != 0 || (l->tlen != 2 && l->t[2] != ' '))
        return false;
    return st->chunks[k].last == st->chunks[k].first + (l->tlen == 2);
}

/* The lines before a collection's first poem, when they are short: the
 * collection's title (its first run of lines) and author (after a "By"
 * line, or under the title), a line under the title its subtitle; its
 * contents too; the first numbered poem's number, chunk `numbered` (0: the
 * poems are not numbered), ends it too. Returns the first poem's chunk, 0
 * if none. Where the head holds more (a dedication, a contents), `*front`:
 * it is an article of its own, nothing of it dropped. */
static size_t collection_head(rt_state *st, size_t numbered, bool *front)
{
    *front = false;
    size_t first = 1, lines = st->chunks[0].last - st->chunks[0].first + 1, contents;
    while (first < st->nchunks && !rt_poem_title(st, first) && first != numbered)
        lines += st->chunks[first].last - st->chunks[first].first + 1, first++;
    size_t at = first;
    if (first < st->nchunks)
        first = past_contents(st, first, &at);
    for (size_t k = at; k < first; k++)
        lines -= MIN(lines, st->chunks[k].last - st->chunks[k].first + 1);
    if (first >= st->nchunks || lines > COLLECTION_HEAD_MAX_LINES)
        return 0;
    for (size_t k = 0; k < at; k++)
        if (rt_verse_chunk(st, k) && st->chunks[k].last - st->chunks[k].first >= 3)
            return 0; /* a stanza: the first poem has begun */
    GString *title = g_string_new(NULL);
    const rt_line *author = NULL;
    for (size_t i = st->chunks[0].first; i <= st->chunks[0].last; i++) {
        const rt_line *l = &st->lines[i];
        if (i > st->chunks[0].first && !rt_line_is_all_caps(l))
            author = l; /* "Poetry / Voltairine de Cleyre" */
        else
            g_string_append_printf(title, "%s%.*s", title->len ? " " : "", (int)l->tlen, l->t);
    }
    size_t others = 0, sub = SIZE_MAX;
    for (size_t k = 1; k < first; k++) {
        const rt_line *l = chunk_line(st, k);
        if (!head_byline(st, k)) {
            others++;
            sub = k == 1 && chunk_single(st, k) ? k : sub;
            continue;
        }
        author = l->tlen == 2 ? &st->lines[st->chunks[k].first + 1] : l;
    }
    contents = others;
    if (!st->doc->meta.title)
        st->doc->meta.title = rt_plain(st, title->str, title->len);
    if (others == 1 && sub != SIZE_MAX && !st->doc->meta.subtitle) {
        const rt_line *l = chunk_line(st, sub);
        st->doc->meta.subtitle = rt_plain(st, l->t, l->tlen); /* "First Series (1892)" */
        contents = 0;
    }
    if (author) {
        size_t skip = g_ascii_strncasecmp(author->t, "by ", 3) == 0 ? 3 : 0;
        st->collection_author = rt_plain(st, author->t + skip, author->tlen - skip);
    }
    const rt_line *t = &st->lines[st->chunks[0].first];
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, t->lineno, t->tcol),
                         "a collection of verse: its first lines taken as the collection's title "
                         "\u201c%s\u201d%s%s, each poem an article%s",
                         title->str, author ? " and author" : "",
                         others && !contents ? " (the line under it its subtitle)" : "",
                         contents ? "; the rest of its title page (a dedication, a contents) an "
                                    "article of its own"
                                  : "");
    g_string_free(title, TRUE);
    *front = contents > 0;
    for (size_t k = 0; k < first; k++)
        st->chunks[k].title = !*front || k == 0;
    return first;
}

/* Whether `alen` bytes of `a` and `blen` of `b` (-1: to the NUL) are the
 * same text whatever their case. */
static bool same_folded(const char *a, gssize alen, const char *b, gssize blen)
{
    char *fa = rt_fold(a, alen), *fb = rt_fold(b, blen);
    bool same = strcmp(fa, fb) == 0;
    g_free(fa);
    g_free(fb);
    return same;
}

/* Whether the first lines of chunks `a` and `b` read the same, whatever
 * their case: "PARADISE LOST" again over "BOOK II." is the poem's title
 * repeated, no new poem. */
static bool same_first_line(const rt_state *st, size_t a, size_t b)
{
    const rt_line *x = &st->lines[st->chunks[a].first], *y = &st->lines[st->chunks[b].first];
    return same_folded(x->t, (gssize)x->tlen, y->t, (gssize)y->tlen);
}

/* Whether line `l` heads an act or a scene of a play: "ACT I.", "SCENE
 * II", "ERSTER AKT.", "ZWEITE SCENE.", "Acte premier": the word first or
 * last, three words at most, no colon ("SCENE: The Norwegian Coast" is a
 * setting). */
static bool act_or_scene(const rt_line *l)
{
    static const char *const words[] = {"act",   "acte",  "akt",    "atto",     "acto",  "scene",
                                        "scène", "scena", "escena", "auftritt", "aufzug"};
    if (l->nchar > 30 || memchr(l->t, ':', l->tlen))
        return false;
    size_t n = l->tlen;
    while (n && (l->t[n - 1] == '.' || l->t[n - 1] == ' '))
        n--;
    const char *first_end = memchr(l->t, ' ', n), *last = g_strrstr_len(l->t, (gssize)n, " ");
    if (!first_end || rt_count_words(l->t, n) > 3)
        return false;
    return read_word_in(l->t, (size_t)(first_end - l->t), words, G_N_ELEMENTS(words)) ||
           read_word_in(last + 1, n - (size_t)(last + 1 - l->t), words, G_N_ELEMENTS(words));
}

/* A verse drama (a libretto, a play in verse): DRAMA_MIN_PARTS lines set
 * apart at least that head its acts and scenes. */
static bool verse_drama(const rt_state *st)
{
    size_t parts = 0;
    for (size_t k = 0; k < st->nchunks && parts < DRAMA_MIN_PARTS; k++)
        parts += chunk_single(st, k) && act_or_scene(chunk_line(st, k));
    return parts >= DRAMA_MIN_PARTS;
}

/* Whether the lines from chunk `k` read as the title of `a`, all of it,
 * whatever their case ("THE" / "HARVEST SONGSTER." again before the first
 * song: a half-title). */
static bool repeats_title(const rt_state *st, const article_start *a, size_t k)
{
    article_start again = *a;
    again.chunk = k;
    GString *x = title_text(st, a), *y = title_text(st, &again);
    bool same = same_folded(x->str, (gssize)x->len, y->str, (gssize)y->len);
    g_string_free(x, TRUE);
    g_string_free(y, TRUE);
    return same;
}

/* Whether chunk `k` is one line that reads as the collection's title,
 * whatever its case: its half-title over the poems, after a preface. (The
 * title has its typography, "BOATMAN’S", and so the line is given it.) */
static bool names_collection(rt_state *st, size_t k)
{
    if (!chunk_single(st, k) || !st->doc->meta.title)
        return false;
    const rt_line *l = chunk_line(st, k);
    return same_folded(rt_plain(st, l->t, l->tlen), -1, st->doc->meta.title, -1);
}

/* A line ending in a stop with no figure in it (a date under a title is
 * the date logic's, POEM_DATE_MAX_WORDS). */
static bool sentence_line(const rt_line *l)
{
    for (size_t i = 0; i < l->tlen; i++)
        if (g_ascii_isdigit(l->t[i]))
            return false;
    return l->tlen && l->t[l->tlen - 1] == '.';
}

/* Whether the title of a numbered poem stands under its number, chunk
 * `k` ("III" over "THE RECRUIT"): a heading's line a stanza's gap below
 * it, a stanza under that. */
static bool title_under_number(const rt_state *st, size_t k)
{
    return k + 2 < st->nchunks && chunk_single(st, k + 1) && chunk_heading_like(st, k + 1) &&
           !rt_poem_number(st, k + 1) && rt_blank_before(st, k + 1) <= st->stanza_gap &&
           st->chunks[k + 2].last > st->chunks[k + 2].first;
}

/* A collection of numbered poems ("A Shropshire Lad": "I" … "LXIII"):
 * NUMBERED_POEMS_MIN numerals alone at least set apart as titles are,
 * NUMBERED_POEMS_TITLED of them with a title of their own under them. A
 * long poem's sections are numbered so too, but they have no titles.
 * Returns the first numeral's chunk, 0 if the poems are not numbered. */
static size_t numbered_poems(const rt_state *st)
{
    size_t numbers = 0, titled = 0, first = 0;
    for (size_t k = 1; k < st->nchunks; k++)
        if (rt_poem_number(st, k)) {
            first = first ? first : k;
            numbers++;
            titled += title_under_number(st, k);
        }
    return numbers >= NUMBERED_POEMS_MIN && titled >= NUMBERED_POEMS_TITLED ? first : 0;
}

/* A collection of poems: an article a poem from its title. A verse drama
 * is one work, its acts and scenes headings. */
static void find_poems(rt_state *st, GArray *starts)
{
    if (st->counted_poem) {
        /* (titled by its first line when that is one set apart as a title
         * is, not by its first stanza) */
        start_article(starts, st, 0, chunk_heading_like(st, 0));
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, chunk_line(st, 0)->lineno, 1),
                             "one poem, its line numbers running on through the file: one "
                             "article, its sections' titles headings");
        return;
    }
    if (verse_drama(st)) {
        start_article(starts, st, 0, false);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, chunk_line(st, 0)->lineno, 1),
                             "a drama in verse (%d lines or more head its acts and scenes): one "
                             "article, no poems",
                             DRAMA_MIN_PARTS);
        return;
    }
    /* a date set apart before the last title's first stanza ("Epistle" /
     * "TO THE BISHOP …" / "Christmas Day, 1811.") is its head's, no poem */
    bool stanza = true, front;
    size_t numbered = numbered_poems(st);
    size_t first = collection_head(st, numbered, &front);
    if (front)
        start_article(starts, st, 0, true);
    if (numbered)
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE,
                             rt_pos(st, chunk_line(st, numbered)->lineno, 1),
                             "a collection of numbered poems (numerals set apart as titles are, "
                             "%d of them at least with a title under them): each numeral opens "
                             "a poem",
                             NUMBERED_POEMS_TITLED);
    for (size_t k = first; k < st->nchunks; k++) {
        const rt_chunk *c = &st->chunks[k];
        bool number = numbered && rt_poem_number(st, k);
        bool title = (number || rt_poem_title(st, k)) &&
                     (stanza || c->last > c->first || !rt_line_is_place_date(&st->lines[c->first]));
        /* (a name in capitals under prose, over no stanza, "WILLIAM STANLEY
         * BRAITHWAITE" under the introduction: its signature, no poem's
         * title; "ANNABEL LEE" stands over its first stanza) */
        if (title && !number && c->first == c->last && k > 0 && k + 1 < st->nchunks &&
            rt_chunk_prose_run(st, k - 1) && rt_line_is_all_caps(&st->lines[c->first]) &&
            rt_is_person_name(st->lines[c->first].t, st->lines[c->first].tlen) &&
            chunk_single(st, k + 1))
            title = false;
        /* (the book's contents, set apart as a title is: no poem's) */
        if (title && starts->len && c->first == c->last &&
            rt_line_is_contents_heading(&st->lines[c->first]))
            title = false;
        /* (a sentence right under a title opens its piece: "PREFACE." over
         * "All creation is musical--all nature speaks …", its long words
         * small) */
        if (title && !stanza && starts->len && c->first == c->last &&
            sentence_line(&st->lines[c->first]) &&
            !rt_line_long_words_capitalised(&st->lines[c->first]))
            title = false;
        const article_start *last =
            starts->len ? &g_array_index(starts, article_start, starts->len - 1) : NULL;
        const article_start *book = starts->len ? &g_array_index(starts, article_start, 0) : NULL;
        if (title && last && last->titled &&
            (same_first_line(st, last->chunk, k) || (book->titled && repeats_title(st, book, k)) ||
             names_collection(st, k)) &&
            c->first == c->last && k + 1 < st->nchunks &&
            st->chunks[k + 1].first == st->chunks[k + 1].last &&
            rt_line_is_heading_like(&st->lines[st->chunks[k + 1].first])) {
            title = false; /* (a half-title: rt_half_title drops it) */
            stanza = true;
        }
        if (!title) {
            stanza = stanza || c->last > c->first;
            if (starts->len)
                continue;
        }
        start_article(starts, st, k, title);
        stanza = false;
        article_start *a = &g_array_index(starts, article_start, starts->len - 1);
        if (number && title_under_number(st, k)) {
            a->title_lines = 2;
            st->chunks[++k].title = true;
            continue;
        }
        size_t sub = c->first + 1;
        /* "Hymn written for the Rev. Mr. Walker, of" / "Chichester." */
        if (title && c->last > c->first && rt_line_ends_with_joiner(&st->lines[c->first])) {
            a->title_lines = 2;
            sub++;
        }
        /* "THE" set apart over "LIBERTY MINSTREL.": one title */
        if (title && c->first == c->last && k + 1 < st->nchunks && chunk_single(st, k + 1) &&
            rt_blank_before(st, k + 1) == 1 &&
            rt_is_joiner_word(chunk_line(st, k)->t, chunk_line(st, k)->tlen) &&
            chunk_heading_like(st, k + 1)) {
            a->title_lines = 2;
            st->chunks[++k].title = true;
            continue;
        }
        if (title && c->last >= sub)
            a->subtitle = sub;
        if (title && c->last >= sub + 1)
            a->date = sub + 1;
    }
}

/* Whether the file's quoted paragraphs are mostly a story's dialogue. */
static bool fiction_dialogue(const rt_state *st)
{
    size_t quoted = 0, told = 0, cited = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank || !rt_line_starts_quote(l))
            continue;
        quoted++;
        told += rt_line_narrated(l);
        size_t j = i + 1;
        while (j < st->nlines && st->lines[j].blank)
            j++;
        cited += j < st->nlines && rt_line_is_strong_citation(&st->lines[j]);
    }
    return quoted >= DIALOGUE_MIN_QUOTED && told >= DIALOGUE_NARRATED_SHARE * quoted &&
           cited <= DIALOGUE_CITED_SHARE * quoted;
}

/* The indent most non-blank physical lines have (the prose's, usually
 * none): a joined paragraph counts its lines, or a book's many quotations
 * kept line by line would outweigh its prose. */
/* The indent of `counts` (lines by indent, 8 for 8 or more) most lines
 * have, 7 at most; 0 on a tie with it. */
static unsigned commonest_indent(const size_t counts[9])
{
    unsigned best = 0;
    for (unsigned k = 1; k < 8; k++)
        if (counts[k] > counts[best])
            best = k;
    return best;
}

unsigned rt_common_indent(const rt_state *st)
{
    size_t counts[9] = {0};
    for (size_t i = 0; i < st->nlines; i++)
        if (!st->lines[i].blank)
            counts[MIN(st->lines[i].indent, 8u)] += 1 + st->lines[i].nsegs;
    return commonest_indent(counts);
}

unsigned rt_common_turn_indent(const rt_state *st)
{
    size_t counts[9] = {0};
    for (size_t i = 0; i < st->nlines; i++)
        for (unsigned k = 0; k < st->lines[i].nsegs; k++) {
            unsigned col = st->lines[i].segs[k].col;
            counts[MIN(col ? col - 1 : 0, 8u)]++;
        }
    return commonest_indent(counts);
}

/* A title at the top of the file with another article right under it (no
 * text of its own) is the title of the whole collection, not an article. */
static void file_title(rt_state *st, GArray *starts)
{
    if (starts->len < 3)
        return;
    const article_start *a = &g_array_index(starts, article_start, 0);
    const article_start *b = &g_array_index(starts, article_start, 1);
    if (!a->titled || a->chunk != 0 || b->chunk != 1 || !b->titled ||
        st->chunks[0].first != st->chunks[0].last)
        return;
    const rt_line *l = &st->lines[st->chunks[0].first];
    /* "VOL. VIII.--NO. 353." over "OCTOBER 2, 1886." and "Price One
     * Penny.": a masthead under the title, no article for want of prose */
    size_t next = g_array_index(starts, article_start, 2).chunk;
    bool prose = false;
    for (size_t k = b->chunk + 1; k < next && !prose; k++)
        prose = chunk_prose(st, k);
    if (!prose) {
        const rt_line *m = chunk_line(st, b->chunk);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, m->lineno, m->tcol),
                             "the lines under the first line, with no prose, taken as its "
                             "masthead, no article of their own");
        st->chunks[b->chunk].title = false;
        g_array_remove_index(starts, 1);
        return;
    }
    if (!st->doc->meta.title)
        st->doc->meta.title = rt_plain(st, l->t, l->tlen);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "the first line, with an article right under it, taken as the title of "
                         "the whole file");
    g_array_remove_index(starts, 0);
}

/* Whether the last word of a line joins it to what follows ("TRIAL OF"),
 * or (`last` false) its first word joins it to what is before ("ON THE",
 * "AND ON THE"; not an article: "A HISTORY OF ONE PARISH" is a subtitle). */
static bool edge_word_joins(const rt_line *l, bool last)
{
    static const char *const linking[] = {"on",  "at", "and", "of",   "in",
                                          "for", "to", "by",  "with", "or"};
    if (last) /* (a line of that one word too: "OF") */
        return rt_line_ends_with_joiner(l) || rt_is_joiner_word(l->t, l->tlen);
    const char *p = l->t, *end = l->t + l->tlen, *q = p;
    while (q < end && g_unichar_isalpha(g_utf8_get_char(q)))
        q = g_utf8_next_char(q);
    return q > p && read_word_in(p, (size_t)(q - p), linking, G_N_ELEMENTS(linking));
}

/* "OR," alone: the joint of a title and its alternative title. */
static bool alternative_joint(const rt_line *l)
{
    size_t n = l->tlen - (l->t[l->tlen - 1] == ',');
    return n == 2 && g_ascii_strncasecmp(l->t, "or", 2) == 0;
}

/* "BY W. Harrison Ainsworth": "by" and a person's name. */
static bool named_byline(const rt_line *l)
{
    size_t skip = rt_line_is_byline(l) ? rt_byline_skip(l->t, l->tlen) : 0;
    return skip && rt_is_byline_name(l->t + skip, l->tlen - skip);
}

/* Whether a title page's line `a` goes on in `b`, the next, one blank line
 * apart: `a` stops on "of", "the", a comma ("AN" / "ACCOUNT …", "TRIAL OF"
 * / "SUSAN B. ANTHONY,"), or on a semicolon over "OR," ("THE COMPLETE
 * ANGLER;" / "OR," / "THE CONTEMPLATIVE MAN'S RECREATION."; a poem's lines
 * end in semicolons too), or both are in capitals and `b` opens with "on",
 * "at", "and" ("… THE PROCEEDINGS" / "ON THE"). */
static bool title_goes_on(const rt_line *a, const rt_line *b)
{
    /* ("BY JAMES T. LIGHTWOOD" under it is its byline; "BY THE SEA." goes on) */
    if (a->nchar > READ_TEXT_MAX_HEADING_CHARS || b->nchar > READ_TEXT_MAX_HEADING_CHARS ||
        g_unichar_islower(g_utf8_get_char(b->t)) || named_byline(b))
        return false;
    if (edge_word_joins(a, true) || a->t[a->tlen - 1] == ',' ||
        (a->t[a->tlen - 1] == ';' && alternative_joint(b)))
        return true;
    return rt_line_is_all_caps(a) && rt_line_is_all_caps(b) && edge_word_joins(b, false);
}

/* A title set one phrase a line, the lines apart, at the top of the file
 * (the lines of title_goes_on; chunks of SPACED_TITLE_CHUNK_LINES lines at
 * most): the number of its lines, or 0 if it is not so set. */
static size_t spaced_title(const rt_state *st, size_t from)
{
    size_t k = from, lines = 1;
    for (; k + 1 < st->nchunks && rt_blank_before(st, k + 1) == 1; k++) {
        const rt_chunk *c = &st->chunks[k], *n = &st->chunks[k + 1];
        if (n->last - n->first + 1 > SPACED_TITLE_CHUNK_LINES ||
            !title_goes_on(&st->lines[c->last], &st->lines[n->first]))
            break;
        lines += n->last - n->first + 1;
    }
    return k > from && st->chunks[from].first == st->chunks[from].last ? lines : 0;
}

/* "Transcriber's Note:" (or "[Transcriber's Note: …]") opening the file,
 * over the title page: the first chunk after it (the note's paragraphs
 * are one blank line apart, the title set off by more), 0 if the file does
 * not open so. The title is found under it, and the note stays at the top
 * of the first article. */
static size_t transcribers_note(const rt_state *st)
{
    if (!st->nchunks)
        return 0;
    const rt_line *l = chunk_line(st, 0);
    const char *p = l->t + (l->t[0] == '[');
    size_t n = (size_t)(l->t + l->tlen - p);
    /* ("Transcribers of the Old Hand" may title a book) */
    char *head = g_ascii_strdown(p, (gssize)MIN(n, 24));
    bool note = n >= 17 && g_str_has_prefix(head, "transcriber") && strstr(head, " note");
    g_free(head);
    if (!note)
        return 0;
    /* it ends at a wider gap, or at a rule drawn under it (the gap under
     * its own heading, "TRANSCRIBER'S NOTES" alone, is no end) */
    size_t from = chunk_single(st, 0) && chunk_heading_like(st, 0) ? 2 : 1;
    for (size_t k = from; k < st->nchunks; k++) {
        if (rt_blank_before(st, k) > 1)
            return k;
        if (k + 1 < st->nchunks && chunk_single(st, k) && rt_line_is_break(chunk_line(st, k)))
            return k + 1;
    }
    return 0;
}

/* Lines centred together, CENTRED_TITLE_MAX_LINES at most, each short
 * enough for a heading: one title set over lines. */
static bool centred_title(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    if (c->last - c->first + 1 > CENTRED_TITLE_MAX_LINES ||
        rt_chunk_aligned(st, k) != RT_ALIGN_CENTRE)
        return false;
    for (size_t i = c->first; i <= c->last; i++)
        if (st->lines[i].nchar > READ_TEXT_MAX_HEADING_CHARS)
            return false;
    return true;
}

static bool front_matter_title(const rt_line *l);

/* Whether line `l` belongs to a memo's masthead: two columns apart by a
 * gap, a name set far right alone ("W3C/MIT", "June 1999"), or a short
 * "Category: Informational". */
static bool masthead_line(const rt_state *st, const rt_line *l)
{
    if (rt_line_has_column_gap(l))
        return true;
    if (st->wrap_width && l->indent > st->wrap_width / 2)
        return true;
    const char *colon = memchr(l->t, ':', l->tlen);
    return colon && colon > l->t && l->nchar <= READ_TEXT_MAX_HEADING_CHARS &&
           colon + 1 < l->t + l->tlen && colon[1] == ' ';
}

/* A memo's title: the file's first chunk a masthead (every line a
 * masthead_line, MASTHEAD_MIN_COLUMN_LINES of them in two columns), the
 * next the title centred under it ("Hyper Text Coffee Pot Control
 * Protocol"), no section's head ("CHAPTER I", "PREFACE"). The chunk of
 * the title, or SIZE_MAX. */
static size_t title_under_masthead(const rt_state *st, size_t first)
{
    if (first + 2 >= st->nchunks)
        return SIZE_MAX;
    const rt_chunk *c = &st->chunks[first];
    size_t columns = 0;
    for (size_t i = c->first; i <= c->last; i++) {
        if (!masthead_line(st, &st->lines[i]))
            return SIZE_MAX;
        columns += rt_line_has_column_gap(&st->lines[i]);
    }
    const rt_line *t = chunk_line(st, first + 1);
    if (columns < MASTHEAD_MIN_COLUMN_LINES || !centred_title(st, first + 1) ||
        front_matter_title(t) || rt_number_heading_kind(t->t, t->tlen))
        return SIZE_MAX;
    return first + 1;
}

/* Lines in capitals together at the top of the file (CAPS_TITLE_MAX_LINES
 * at most, each short enough for a heading) that go on in one another,
 * over a byline set apart ("BY" over the name, or "By William Morris"):
 * one title over them. */
static bool caps_title_block(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    size_t n = c->last - c->first + 1;
    /* (lines centred together are judged by centred_title and its limit) */
    if (n < 2 || n > CAPS_TITLE_MAX_LINES || k + 1 >= st->nchunks ||
        rt_chunk_aligned(st, k) == RT_ALIGN_CENTRE)
        return false;
    size_t caps = 0;
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        if (l->nchar > READ_TEXT_MAX_HEADING_CHARS)
            return false;
        for (const char *p = l->t; p < l->t + l->tlen; p = g_utf8_next_char(p))
            if (g_unichar_islower(g_utf8_get_char(p)))
                return false;
        /* ("OR" between the title's phrases is too short to count) */
        caps += rt_line_is_all_caps(l);
    }
    /* (lines that go on in one another, one phrase: "OR" between two, or
     * one stopping on "FROM"; a title over its subtitle has no joint) */
    bool joint = false;
    for (size_t i = c->first; i < c->last; i++)
        joint = joint || edge_word_joins(&st->lines[i], true) ||
                (i > c->first && alternative_joint(&st->lines[i]));
    if (caps < 2 || !joint)
        return false;
    const rt_chunk *b = &st->chunks[k + 1];
    const rt_line *by = &st->lines[b->first];
    if (!rt_line_is_lone_by(by))
        return rt_line_is_byline(by);
    if (b->last == b->first)
        return false;
    /* ("WILLIAM MORRIS," over "AUTHOR OF 'THE EARTHLY PARADISE.'") */
    const rt_line *name = &st->lines[b->first + 1];
    return rt_is_byline_name(name->t, name->tlen - (name->t[name->tlen - 1] == ','));
}

/* A title page of lines set apart one by one ("English Library" / "_VOL.
 * XII_" / "JACK SHEPPARD A Romance" / "BY W. Harrison Ainsworth"): the
 * chunk over the first byline, when the chunks from `first` to it (a
 * series, a volume, CAPS_TITLE_MAX_LINES at most) are single heading
 * lines, two at least over it; SIZE_MAX if not (one line between the
 * first and the byline is the title's subtitle). */
static size_t title_over_byline(const rt_state *st, size_t first)
{
    for (size_t j = first; j < st->nchunks && j <= first + CAPS_TITLE_MAX_LINES; j++) {
        if (!chunk_single(st, j))
            return SIZE_MAX;
        if (named_byline(chunk_line(st, j)))
            return j >= first + 3 ? j - 1 : SIZE_MAX;
        if (!chunk_heading_like(st, j))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* The gap most chunks have before them: the paragraphs'. */
static size_t usual_gap(const rt_state *st)
{
    size_t counts[8] = {0}, best = 1;
    for (size_t k = 1; k < st->nchunks; k++)
        counts[MIN(rt_blank_before(st, k), G_N_ELEMENTS(counts) - 1)]++;
    for (size_t g = 1; g < G_N_ELEMENTS(counts); g++)
        if (counts[g] > counts[best])
            best = g;
    return best;
}

/* "PREFACE", "AUTHOR'S NOTE", "DEDICATION": a heading of a book's front
 * matter, no piece of it. */
static bool front_matter_title(const rt_line *l)
{
    static const char *const words[] = {"note", "dedication", "prefatory note", "contents",
                                        "index"};
    return rt_line_is_section_word(l) || rt_line_is_title_word(l, words, G_N_ELEMENTS(words)) ||
           rt_line_last_word_is(l, words, 1); /* "AUTHOR'S NOTE" */
}

/* Whether line `l` names pieces by their kind ("FABLES", "Twice-Told
 * Tales", "State of the Union Addresses"); with `these`, only right after
 * "these" (PIECES_WORD_REACH words between at most: "These fleeting
 * sketches"), as a preface speaks of the pieces it comes before. */
static bool names_pieces(const rt_line *l, bool these)
{
    static const char *const kinds[] = {"fables",   "tales",    "stories",  "essays",    "letters",
                                        "sketches", "sermons",  "speeches", "addresses", "lectures",
                                        "poems",    "ballads",  "songs",    "parables",  "orations",
                                        "homilies", "epistles", "papers"};
    static const char *const these_words[] = {"these"};
    size_t since = SIZE_MAX; /* words since "these" */
    for (const char *p = l->t, *end = l->t + l->tlen; p < end;) {
        const char *q = p;
        while (q < end && g_ascii_isalpha(*q))
            q++;
        if (q > p) {
            if (read_word_in(p, (size_t)(q - p), kinds, G_N_ELEMENTS(kinds)) &&
                (!these || since <= PIECES_WORD_REACH))
                return true;
            since = read_word_in(p, (size_t)(q - p), these_words, 1) ? 0
                    : since == SIZE_MAX                              ? SIZE_MAX
                                                                     : since + 1;
        }
        p = q < end ? q + 1 : q;
    }
    return false;
}

/* Whether the book whose title is chunk `k` says it is a collection: its
 * title names its pieces, or its front, up to chunk `to`, speaks of "these
 * sketches". Then its numbered pieces are pieces, not chapters. */
static bool collection_book(const rt_state *st, size_t k, size_t to)
{
    for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
        if (names_pieces(&st->lines[i], false))
            return true;
    for (size_t i = st->chunks[k].last + 1; i < st->nlines && st->lines[i].chunk < to; i++)
        if (!st->lines[i].blank && names_pieces(&st->lines[i], true))
            return true;
    return false;
}

/* The first chunk set off by `gap` blank lines at least that opens with a
 * number (the first numbered piece's title, if any), or the end. */
static size_t first_numbered(const rt_state *st, size_t gap)
{
    size_t k = 1;
    while (k < st->nchunks &&
           (rt_blank_before(st, k) < gap || !rt_line_opens_with_number(chunk_line(st, k))))
        k++;
    return k;
}

/* "I.--THE SINKING SHIP", "12. Of Trade": a number opens the line, no
 * word that names a book's parts ("CHAPTER I", "BOOK II"). */
static bool bare_number(const rt_line *l)
{
    size_t n = strspn(l->t, "0123456789");
    if (!n)
        n = strspn(l->t, "IVXLCDM");
    return n && n < l->tlen && strchr(".- ", l->t[n]) &&
           (g_ascii_isdigit(l->t[0]) || rt_is_roman_numeral(l->t, n));
}

/* Whether chunk `k` is a placeholder alone on its line ("[Illustration:
 * The Author]", "[Music]"). */
static bool placeholder_chunk(const rt_state *st, size_t k)
{
    return chunk_single(st, k) && rt_line_placeholder(chunk_line(st, k));
}

/* Whether chunks `from` to `to` (not included) are placeholders alone, one
 * at least. */
static bool pictures_only(const rt_state *st, size_t from, size_t to)
{
    bool pictures = false;
    for (size_t k = from; k < to; k++) {
        const rt_chunk *c = &st->chunks[k];
        size_t shut = rt_placeholder_close(st, c->first, SIZE_MAX);
        /* (a caption over several chunks, "[Illustration:" / "G.W.R: The
         * Line to Legend Land." / … / "Vol. Two Front End]", is one
         * picture; a break under it, "*  *  *", goes with it) */
        if (shut != SIZE_MAX)
            k = st->lines[shut].chunk;
        else if (!placeholder_chunk(st, k) &&
                 !(pictures && c->first == c->last && rt_line_is_break(&st->lines[c->first])))
            return false;
        pictures = true;
    }
    return pictures;
}

/* "[Music]", "[Music: The Miller's Song]" alone: a piece of printed music,
 * the whole of a magazine's "ROMANCE. FOR VIOLIN AND PIANOFORTE." */
static bool printed_music(const rt_state *st, size_t k)
{
    return placeholder_chunk(st, k) && strncmp(chunk_line(st, k)->t, "[Music", 6) == 0;
}

/* Whether chunk `k`, `gap` blank lines or more before it, is a placeholder
 * alone ("[Illustration: …]") over a title closer to it than `gap`. */
static bool frontispiece(const rt_state *st, size_t k, size_t gap)
{
    return k + 1 < st->nchunks && rt_blank_before(st, k) >= gap && placeholder_chunk(st, k) &&
           rt_blank_before(st, k + 1) < gap && chunk_heading_like(st, k + 1);
}

/* "[Illustration]" over its caption ("TOM PINCH AT THE ORGAN." /
 * "_Frontispiece._") at chunk `first`, a wider gap under them than between
 * them: the book's frontispiece, over its title page. The chunk after it
 * (`first` when there is none). */
static size_t past_frontispiece(const rt_state *st, size_t first)
{
    if (first + 1 >= st->nchunks || !placeholder_chunk(st, first) || printed_music(st, first))
        return first;
    size_t k = first + 1;
    const rt_line *c = chunk_line(st, k);
    bool caption = !chunk_heading_like(st, k) || strstr(c->t, "rontispiece");
    /* (a picture right over the title is the title page's own) */
    return caption && k + 1 < st->nchunks && rt_blank_before(st, k + 1) > rt_blank_before(st, k)
               ? k + 1
               : first;
}

/* Whether the book says it is a collection (collection_book, its front
 * read to its first numbered title), asked only when a numbered title is
 * met: a book's whole front is long to read. */
typedef struct {
    const rt_state *st;
    const article_start *book;
    size_t least; /* the gap of the titles */
    int says;     /* -1 until asked */
} said_collection;

static bool says(said_collection *c)
{
    if (c->says < 0)
        c->says = c->book->titled &&
                  collection_book(c->st, c->book->chunk, first_numbered(c->st, c->least));
    return c->says;
}

/* Whether the chunks with `gap` blank lines or more before them, from the
 * first piece's title on, are all titles of pieces with text under them
 * (chunk_text), none numbered (a book's chapters are its sections) unless
 * `numbered` (the book says it is a collection: collection_book); their
 * chunks go to `pieces`. Before the first piece, such a heading of the front
 * matter or one with nothing under it (a half-title) is none. */
static bool gap_titles_hold(const rt_state *st, size_t gap, said_collection *numbered,
                            GArray *pieces)
{
    g_array_set_size(pieces, 0);
    bool body = true;
    for (size_t k = 1; k < st->nchunks; k++) {
        const rt_line *l = chunk_line(st, k);
        if (rt_blank_before(st, k) < gap) {
            body = body || chunk_text(st, k) || printed_music(st, k) || rt_verse_chunk(st, k);
            continue;
        }
        if (chunk_single(st, k) && rt_line_is_contents_heading(l))
            continue;
        /* "[Illustration: THE SHEPHERD'S FAIRY]" set off over the title:
         * the piece's frontispiece (frontispiece); "[Illustration]" set off
         * on both sides, a tailpiece between pieces, is neither title nor
         * text */
        if (frontispiece(st, k, gap))
            l = chunk_line(st, ++k);
        else if (placeholder_chunk(st, k) &&
                 (k + 1 == st->nchunks || rt_blank_before(st, k + 1) >= gap))
            continue;
        bool title = chunk_heading_like(st, k);
        if (title && rt_line_opens_with_number(l) && !(bare_number(l) && says(numbered)))
            return false;
        if (!title && pieces->len)
            return false;
        if (!title)
            continue;
        if (pieces->len > 1 && !body)
            return false;
        if (pieces->len == 1 && !body)
            g_array_set_size(pieces, 0); /* (a half-title over the first) */
        body = false;
        if (!pieces->len && front_matter_title(l))
            continue;
        g_array_append_val(pieces, k);
    }
    return body || !pieces->len;
}

/* Lines in capitals right under a piece's title, closer than the next
 * piece ("DELIVERED AT THE ANNIVERSARY FESTIVAL, 1872"), SUBTITLE_MAX_LINES
 * at most, with text under them: the piece's subtitle, its headnote. A
 * numbered line or a section word ("INTRODUCTION") heads a section. */
static void piece_subtitle(rt_state *st, article_start *a, size_t gap)
{
    size_t k = a->chunk + 1;
    if (k + 1 >= st->nchunks || rt_blank_before(st, k) >= gap || rt_blank_before(st, k + 1) >= gap)
        return;
    const rt_chunk *c = &st->chunks[k];
    size_t lines = 0;
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        lines += 1 + l->nsegs; /* (physical lines) */
        size_t by = rt_byline_skip(l->t, l->tlen);
        if (!rt_line_is_all_caps(l) || rt_line_opens_with_number(l) || rt_line_is_section_word(l) ||
            rt_line_is_contents_heading(l) || (by && rt_is_byline_name(l->t + by, l->tlen - by)))
            return;
    }
    if (lines > SUBTITLE_MAX_LINES)
        return;
    if (rt_line_is_all_caps(chunk_line(st, k + 1)))
        return;
    a->subtitle = c->first;
    const rt_line *l = chunk_line(st, k);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "the line%s in capitals under the title taken as its subtitle (a "
                         "headnote)",
                         c->last > c->first ? "s" : "");
}

/* How many of the `pieces` have exactly `gap` blank lines before them (or
 * before their frontispiece). */
static guint recurring_gap(const rt_state *st, const GArray *pieces, size_t gap)
{
    guint n = 0;
    for (guint i = 0; i < pieces->len; i++) {
        size_t k = g_array_index(pieces, size_t, i);
        n += rt_blank_before(st, k > 0 && frontispiece(st, k - 1, gap) ? k - 1 : k) == gap;
    }
    return n;
}

/* Whether the articles found so far agree with the `pieces`: each after
 * the first is in the front matter (a masthead's lines) or starts at a
 * piece (after "(_To be continued._)"). */
static bool starts_agree(const GArray *starts, const GArray *pieces)
{
    for (guint i = 1; i < starts->len; i++) {
        size_t k = g_array_index(starts, article_start, i).chunk;
        bool at_piece = k < g_array_index(pieces, size_t, 0);
        for (guint j = 0; j < pieces->len && !at_piece; j++)
            at_piece = g_array_index(pieces, size_t, j) == k;
        if (!at_piece)
            return false;
    }
    return true;
}

/* A collection of prose pieces in one file (stories, speeches, a
 * magazine's articles) with no other sign of its articles than the front
 * matter's and some pieces' ends: its titles are set off by the file's
 * widest gap (TITLE_GAP_MIN_LINES). */
static void gap_titles(rt_state *st, GArray *starts)
{
    if (!starts->len || st->nchunks < 3)
        return;
    size_t usual = usual_gap(st), widest = 0;
    size_t least = MAX(TITLE_GAP_MIN_LINES, 2 * usual + 1);
    for (size_t k = 1; k < st->nchunks; k++)
        widest = MAX(widest, rt_blank_before(st, k));
    const article_start *book = &g_array_index(starts, article_start, 0);
    said_collection numbered = {st, book, least, -1};
    GArray *pieces = g_array_new(FALSE, FALSE, sizeof(size_t));
    size_t gap = widest;
    bool hold = false;
    /* (a title or two at the widest gap may be set off from the front
     * matter by more, or have a frontispiece: the others recur at a
     * narrower one, where the ends of pieces found fall too) */
    for (; gap >= least; gap--) {
        hold = gap_titles_hold(st, gap, &numbered, pieces);
        if (!hold || (recurring_gap(st, pieces, gap) >= TITLE_GAP_MIN_TITLES &&
                      starts_agree(starts, pieces)))
            break;
    }
    if (hold && gap >= least) {
        guint front = 1;
        while (front < starts->len &&
               g_array_index(starts, article_start, front).chunk < g_array_index(pieces, size_t, 0))
            front++;
        /* (an untitled start of nothing but pictures, a map before the
         * title page: the pictures of the first piece) */
        size_t opening = SIZE_MAX;
        if (front == 1 && !g_array_index(starts, article_start, 0).titled &&
            pictures_only(st, g_array_index(starts, article_start, 0).chunk,
                          g_array_index(pieces, size_t, 0))) {
            opening = g_array_index(starts, article_start, 0).chunk;
            front = 0;
        }
        /* (a piece numbered_pieces found keeps the title under its number,
         * "31." over "TO MR. HALE.", that chunk its title's; a start not
         * found again gives its title's chunk back to the text) */
        GHashTable *title_lines = g_hash_table_new(NULL, NULL);
        for (guint i = front; i < starts->len; i++) {
            const article_start *a = &g_array_index(starts, article_start, i);
            g_hash_table_insert(title_lines, GSIZE_TO_POINTER(a->chunk + 1),
                                GSIZE_TO_POINTER(a->title_lines));
        }
        g_array_set_size(starts, front);
        for (guint i = 0; i < pieces->len; i++) {
            size_t k = g_array_index(pieces, size_t, i);
            start_article(starts, st, k, true);
            article_start *a = &g_array_index(starts, article_start, starts->len - 1);
            size_t lines =
                GPOINTER_TO_SIZE(g_hash_table_lookup(title_lines, GSIZE_TO_POINTER(k + 1)));
            g_hash_table_remove(title_lines, GSIZE_TO_POINTER(k + 1));
            if (lines > 1)
                a->title_lines = lines;
            if (i == 0 && opening != SIZE_MAX)
                a->lead = opening;
            else if (frontispiece(st, k - 1, gap))
                a->lead = k - 1;
            piece_subtitle(st, a, gap);
        }
        GHashTableIter it;
        gpointer key, lines;
        g_hash_table_iter_init(&it, title_lines);
        while (g_hash_table_iter_next(&it, &key, &lines))
            if (GPOINTER_TO_SIZE(lines) > 1)
                st->chunks[GPOINTER_TO_SIZE(key)].title = false;
        g_hash_table_destroy(title_lines);
        st->pieces = true;
        const rt_line *l = chunk_line(st, g_array_index(pieces, size_t, 0));
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                             "%u titles set off by %zu blank lines or more (the paragraphs by "
                             "%zu) taken as the titles of a collection's pieces, each an article",
                             pieces->len, gap, usual);
    }
    g_array_free(pieces, TRUE);
}

/* "216.", "XII.": a piece's number alone on its line. */
static bool number_alone(const rt_line *l)
{
    return l->tlen > 1 && l->t[l->tlen - 1] == '.' &&
           strspn(l->t, "0123456789IVXLCDM.") == l->tlen && rt_number_heading_kind(l->t, l->tlen);
}

/* The lines of chunk `k` when it is the title under a piece's number: a
 * heading's line, or lines in capitals, SUBTITLE_MAX_LINES at most ("TO
 * THE HIGH-BORN HERR HASLINGER, HONORARY MEMBER OF THE HOeFEN GRABENS AND"
 * / "PATER NOSTER GAeSSCHEN."); no date, salutation or note marker. 0 if
 * it is not. */
static size_t number_title_lines(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    size_t n = c->last - c->first + 1;
    const rt_line *t = chunk_line(st, k);
    /* (a line with a note's marker stays a heading, where the marker links) */
    if (rt_line_is_dateline(t) || rt_line_is_salutation(t))
        return 0;
    for (size_t i = c->first; i <= c->last; i++)
        if (rt_line_has_marker(st, &st->lines[i]))
            return 0;
    if (chunk_heading_like(st, k))
        return 1;
    size_t physical = 0;
    for (size_t i = c->first; i <= c->last; i++) {
        if (!rt_line_is_all_caps(&st->lines[i]))
            return 0;
        physical += 1 + st->lines[i].nsegs;
    }
    return physical <= SUBTITLE_MAX_LINES ? n : 0;
}

/* A collection whose title names its kind ("BEETHOVEN'S LETTERS."), its
 * pieces numbered on a line of their own, set apart by more than the
 * paragraphs ("216." over "TO STEINER & CO."): NUMBERED_PIECES_MIN numbers
 * of one series at least, each over text, open an article each, titled with
 * the heading line under the number when there is one. */
static void numbered_pieces(rt_state *st, GArray *starts)
{
    const article_start *book = &g_array_index(starts, article_start, 0);
    if (starts->len != 1 || !book->titled || !collection_book(st, book->chunk, book->chunk + 1))
        return;
    size_t usual = usual_gap(st);
    int kind = 0;
    GArray *pieces = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (size_t k = book->chunk + 1; k + 1 < st->nchunks; k++) {
        const rt_line *l = chunk_line(st, k);
        /* ("I" over "THE ORIGIN OF MUSIC": a numeral without its stop has
         * its title under it) */
        bool bare = chunk_single(st, k) && rt_is_roman_numeral(l->t, l->tlen) &&
                    l->t[l->tlen - 1] != '.' && number_title_lines(st, k + 1);
        if (!chunk_single(st, k) || rt_blank_before(st, k) <= usual || !(number_alone(l) || bare) ||
            number_alone(chunk_line(st, k + 1)))
            continue;
        int this = rt_number_heading_kind(l->t, l->tlen);
        if (!kind)
            kind = this;
        if (this == kind)
            g_array_append_val(pieces, k);
    }
    if (pieces->len >= NUMBERED_PIECES_MIN) {
        for (guint i = 0; i < pieces->len; i++) {
            size_t k = g_array_index(pieces, size_t, i);
            start_article(starts, st, k, true);
            size_t lines = number_title_lines(st, k + 1);
            if (lines) {
                g_array_index(starts, article_start, starts->len - 1).title_lines = 1 + lines;
                st->chunks[k + 1].title = true;
            }
        }
        const rt_line *l = chunk_line(st, g_array_index(pieces, size_t, 0));
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                             "%u numbers alone on their lines, in a book whose title names its "
                             "pieces, taken as the numbers of its pieces, each an article",
                             pieces->len);
    }
    g_array_free(pieces, TRUE);
}

/* The number of the label of note definition line `l`, 0 when it is no
 * number ("*", "A"). */
static long note_number(const rt_line *l)
{
    const char *p = l->note_label;
    if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 6)
        return 0;
    return strtol(p, NULL, 10);
}

/* Whether the notes go on numbered across the heading at chunk `k`: the
 * first defined after it is the next number after the last defined
 * before it (a book's sections, each with its notes under it, "[Footnote
 * 4: …]" / "THE SNAKE DANCE." / "[Footnote 5: …]"; each post of a blog
 * counts its notes from 1). */
static bool notes_run_on(const rt_state *st, size_t k)
{
    long before = 0, after = -1;
    for (size_t i = st->chunks[k].first; i-- > 0;)
        if (st->lines[i].note_label) {
            before = note_number(&st->lines[i]);
            break;
        }
    for (size_t i = st->chunks[k].last + 1; i < st->nlines; i++)
        if (st->lines[i].note_label) {
            after = note_number(&st->lines[i]);
            break;
        }
    return before > 0 && after == before + 1;
}

/* A book with no other sign of its articles whose contents sets its
 * pieces over their sections: the headings that repeat the pieces'
 * entries are their titles, each an article. */
static void contents_pieces(rt_state *st, GArray *starts)
{
    if (starts->len != 1)
        return;
    GArray *titles = rt_contents_pieces(st);
    if (!titles)
        return;
    for (guint i = 0; i < titles->len; i++)
        start_article(starts, st, g_array_index(titles, size_t, i), true);
    const rt_line *l = chunk_line(st, g_array_index(titles, size_t, 0));
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "%u headings repeat the entries the book's contents sets over their "
                         "sections: the titles of its pieces, each an article",
                         titles->len);
    g_array_free(titles, TRUE);
}

/* Automatic detection: see the comment on each rule. */
/* Whether line `i` is a voice's name and time stamp over words ("Ana
 * 0:00" / "Welcome back…") in a file where PLAY_NAME_MIN_TURNS times as
 * many lines are, a transcript's turns: no title and its subtitle. A
 * sermon's "John 3:16" over its text stands alone. */
static bool stamped_turns(const rt_state *st, size_t i)
{
    size_t key, len, turns = 0;
    if (!rt_line_stamped_name(&st->lines[i], &key, &len))
        return false;
    for (size_t j = 0; j + 1 < st->nlines && turns < 2 * PLAY_NAME_MIN_TURNS; j++)
        turns += !st->lines[j].blank && !st->lines[j + 1].blank &&
                 (j == 0 || st->lines[j - 1].blank) &&
                 rt_line_stamped_name(&st->lines[j], &key, &len);
    return turns >= 2 * PLAY_NAME_MIN_TURNS;
}

/* Whether "=so=" is bold in the file: BOLD_EQUALS_MIN_SPANS spans so
 * written outside code. */
static bool find_bold_equals(const rt_state *st)
{
    size_t spans = 0;
    for (size_t i = 0; i < st->nlines && spans < BOLD_EQUALS_MIN_SPANS; i++)
        if (!st->lines[i].blank && !st->lines[i].code &&
            memchr(st->lines[i].t, '=', st->lines[i].tlen))
            spans += rt_bold_equals_spans(st->lines[i].t, st->lines[i].tlen);
    return spans >= BOLD_EQUALS_MIN_SPANS;
}

/* A digest of messages: an article a message, titled by its Subject, its
 * From and Date its byline and date; what stands before the first (the
 * digest's masthead, its contents) an article of its own. */
static void find_messages(rt_state *st, GArray *starts)
{
    for (size_t k = 0; k < st->nchunks; k++) {
        const rt_chunk *c = &st->chunks[k];
        if (st->lines[c->first].mail != RT_MAIL_SUBJECT) {
            if (!starts->len)
                start_article(starts, st, k, false);
            continue;
        }
        start_article(starts, st, k, true);
        article_start *a = &g_array_index(starts, article_start, starts->len - 1);
        for (size_t i = c->first + 1; i <= c->last; i++) {
            if (st->lines[i].mail == RT_MAIL_FROM)
                a->byline = i;
            else if (st->lines[i].mail == RT_MAIL_DATE)
                a->date = i;
        }
    }
}

/* An online magazine's issue (zine.c): an article a head, the words set
 * off after its title (the line under it now) its subtitle; what stands
 * before the first head (the masthead, its contents) an article of its
 * own. */
static void find_zine_articles(rt_state *st, GArray *starts)
{
    for (size_t k = 0; k < st->nchunks; k++) {
        const rt_chunk *c = &st->chunks[k];
        if (!st->lines[c->first].zine_head) {
            if (!starts->len)
                start_article(starts, st, k, false);
            continue;
        }
        start_article(starts, st, k, true);
        if (c->last > c->first)
            g_array_index(starts, article_start, starts->len - 1).subtitle = c->first + 1;
    }
}

static void find_articles(rt_state *st, GArray *starts)
{
    if (st->mail) {
        find_messages(st, starts);
        return;
    }
    if (st->zine) {
        find_zine_articles(st, starts);
        return;
    }
    if (st->verse) {
        find_poems(st, starts);
        return;
    }
    /* (a header's "Author: Various" is a periodical's or an anthology's:
     * its pieces are found as in any file) */
    if (st->book_title &&
        !(st->book_author && g_ascii_strcasecmp(st->book_author, "Various") == 0)) {
        start_article(starts, st, 0, false);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, chunk_line(st, 0)->lineno, 1),
                             "a Project Gutenberg book: one article, its parts sections "
                             "(edition key `split` makes articles)");
        return;
    }
    bool nbsp_cue = !french_spacing(st);
    bool body = false, after_end = false;
    bool prose = false; /* a line of prose seen in the article */
    int bib = RT_BIB_NONE;
    size_t bib_from = 0, last_url = 0, judged = 0;
    bool contents = false; /* under a contents heading, before prose again */
    /* the numbered headings of the article being read (its chapters): the
     * next of them after a chapter's notes goes on the book */
    int series = 0;
    size_t series_of = 0;
    size_t note_end = transcribers_note(st), first = past_frontispiece(st, note_end);
    for (size_t k = first; k < st->nchunks; k++) {
        rt_chunk *c = &st->chunks[k];
        const rt_line *l = chunk_line(st, k);
        bool single = chunk_single(st, k);
        bool more = k + 1 < st->nchunks;
        /* A post's head: a title with its byline or date under it. */
        size_t byline, date;
        /* (under a number of the article's series, "216." over "TO ZMESKALL.",
         * a head is that number's title) */
        bool numbered =
            k > 0 && chunk_single(st, k - 1) && series &&
            rt_number_heading_kind(chunk_line(st, k - 1)->t, chunk_line(st, k - 1)->tlen) == series;
        if (!numbered && rt_title_head(st, k, &byline, &date)) {
            start_article(starts, st, k, true);
            article_start *a = &g_array_index(starts, article_start, starts->len - 1);
            a->byline = byline;
            a->date = date;
            body = after_end = prose = false;
            bib = RT_BIB_NONE;
            continue;
        }
        /* The scraped blog's trace: a no-break space before a title's last word. */
        /* (not a play's turn whose last words a transcriber tied: "_M.
         * Mar._ … Mihi plōstellum dā.") */
        size_t name, skip;
        if (nbsp_cue && single && rt_line_nbsp_title(l) && !rt_line_stop_label(l, &name, &skip)) {
            start_article(starts, st, k, true);
            body = after_end = prose = false;
            bib = RT_BIB_NONE;
            continue;
        }
        size_t spaced = k == first ? spaced_title(st, first) : 0;
        if (spaced) {
            start_article(starts, st, first, true);
            g_array_index(starts, article_start, starts->len - 1).title_lines = spaced;
            for (; k < title_end(st, &g_array_index(starts, article_start, starts->len - 1)); k++)
                st->chunks[k + 1].title = true;
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                                 "a title set one phrase a line over %zu lines taken as one "
                                 "title",
                                 spaced);
            continue;
        }
        size_t over = k == first && more ? title_over_byline(st, first) : SIZE_MAX;
        if (over != SIZE_MAX) {
            start_article(starts, st, over, true);
            article_start *a = &g_array_index(starts, article_start, starts->len - 1);
            a->lead = a->page = first;
            a->byline = st->chunks[over + 1].first;
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                                 "a title page of single lines: the one over the byline taken "
                                 "as the title, the lines above it kept over the article");
            k = over + 1;
            continue;
        }
        size_t memo = k == first ? title_under_masthead(st, first) : SIZE_MAX;
        if (memo != SIZE_MAX) {
            start_article(starts, st, memo, true);
            article_start *a = &g_array_index(starts, article_start, starts->len - 1);
            a->lead = first;
            a->title_lines = st->chunks[memo].last - st->chunks[memo].first + 1;
            imprint_diags_report(
                st->diags, IMPRINT_SEV_NOTE,
                rt_pos(st, chunk_line(st, memo)->lineno, chunk_line(st, memo)->tcol),
                "a title centred under a masthead in two columns (a memo's): "
                "the masthead kept in the article, under its title");
            k = memo;
            continue;
        }
        /* A short first line of the file is its title; so are its first
         * lines centred over the text ("The Diary of" / "a Nobody"), and
         * its first lines in capitals over a byline. */
        if (k == first && more &&
            (chunk_heading_like(st, k) || centred_title(st, k) || caps_title_block(st, k))) {
            start_article(starts, st, k, true);
            g_array_index(starts, article_start, starts->len - 1).title_lines =
                c->last - c->first + 1;
            continue;
        }
        /* Or the title with its subtitle under it ("The Importance of Being
         * Earnest" / "A Trivial Comedy for Serious People"), not a
         * transcript's first turn ("Unknown Speaker  0:02" / "Alrighty"). */
        if (k == first && more && c->last == c->first + 1 && !stamped_turns(st, c->first) &&
            rt_line_is_heading_like(&st->lines[c->first]) &&
            rt_line_is_heading_like(&st->lines[c->last]) &&
            !rt_line_is_byline(&st->lines[c->last]) && !rt_line_is_dateline(&st->lines[c->last])) {
            start_article(starts, st, k, true);
            g_array_index(starts, article_start, starts->len - 1).subtitle = c->last;
            continue;
        }
        if (k == first)
            start_article(starts, st, first, false);
        /* After "Thanks to …!", a "Source: …" line or note definitions, a
         * heading-like line opens the next article. */
        int kind = single ? rt_number_heading_kind(l->t, l->tlen) : 0;
        /* (not a caption emphasised whole, "_Another in the Shop_" over the
         * next piece of a miscellany whose pieces carry their notes) */
        if (after_end && body && more && chunk_heading_like(st, k) && !rt_chunk_emphasised(st, k) &&
            !(single && rt_line_is_notes_heading(l)) && !notes_run_on(st, k) &&
            !chunk_end_marker(st, k + 1) && !chunk_all_notedefs(st, k + 1) &&
            !(kind && kind == series && series_of == starts->len)) {
            start_article(starts, st, k, true);
            body = after_end = prose = false;
            bib = RT_BIB_NONE;
            continue;
        }
        if (kind && chunk_heading_like(st, k)) {
            series = kind;
            series_of = starts->len;
            after_end = false; /* the next chapter goes on */
        }
        if (single && rt_line_is_bib_heading(l)) {
            bib = RT_BIB_ENTRY;
            c->bib = RT_BIB_HEADING;
            last_url = bib_from = k;
            body = true;
            after_end = false;
            continue;
        }
        /* The short lines under "Contents:" are its entries, no references,
         * until the prose of the first piece. */
        if (single && rt_line_is_contents_heading(l))
            contents = true;
        else if (contents && chunk_prose(st, k))
            contents = false;
        /* (a placeholder whose caption goes on below, "[Illustration: THE
         * PIER" over "The sea over the wall]", is a figure's, no references:
         * judged past its last line) */
        size_t shut = rt_placeholder_close(st, c->first, SIZE_MAX);
        if (shut != SIZE_MAX)
            judged = MAX(judged, st->lines[shut].chunk + 1);
        /* (a run already judged is not judged again from each of its lines:
         * a long poem must not cost quadratic time) */
        if (bib == RT_BIB_NONE && body && prose && !after_end && !contents && k >= judged) {
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
        prose = prose || chunk_prose(st, k);
        after_end = chunk_end_marker(st, k);
    }
    if (first && starts->len &&
        (g_array_index(starts, article_start, 0).chunk == first ||
         g_array_index(starts, article_start, 0).lead == first)) {
        g_array_index(starts, article_start, 0).lead = 0;
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, chunk_line(st, 0)->lineno, 1),
                             "%s over the title page: the title found under it, %s kept at the "
                             "top of the first article",
                             note_end == first ? "a transcriber's note"
                             : note_end        ? "a transcriber's note and a frontispiece"
                                               : "a frontispiece (a picture and its caption)",
                             note_end == first ? "the note" : "they are");
    }
    numbered_pieces(st, starts);
    contents_pieces(st, starts);
    gap_titles(st, starts);
    file_title(st, starts);
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

const rt_line *rt_byline_at(const rt_state *st, size_t k, size_t end, size_t *next, size_t *skip)
{
    if (k >= end)
        return NULL;
    const rt_line *l = chunk_line(st, k), *name = NULL;
    /* "BY" / "ROBERT LOUIS STEVENSON", the lines in one run */
    if (st->chunks[k].last == st->chunks[k].first + 1 && rt_line_is_lone_by(l)) {
        name = l + 1;
        *skip = 0;
        *next = k + 1;
        return rt_is_byline_name(name->t, name->tlen) ? name : NULL;
    }
    if (!chunk_single(st, k))
        return NULL;
    *skip = rt_byline_skip(l->t, l->tlen);
    *next = k + 1;
    if (l->tlen == 2 && g_ascii_strncasecmp(l->t, "by", 2) == 0 && k + 1 < end &&
        chunk_single(st, k + 1)) {
        name = chunk_line(st, k + 1);
        *next = k + 2;
    } else if (*skip) {
        name = l;
    }
    if (!name || !rt_is_byline_name(name->t + *skip, name->tlen - *skip))
        return NULL;
    return name;
}

/* A byline under the title, or under the title and a subtitle line
 * between them ("A HISTORY OF ONE PARISH"). Returns the first chunk of
 * the body. */
static size_t separate_byline(rt_state *st, imprint_node *art, size_t body, size_t end)
{
    if (art->as.article.authors)
        return body;
    size_t next, skip, at = body;
    const rt_line *name = rt_byline_at(st, body, end, &next, &skip), *sub = NULL;
    if (!name && !art->as.article.subtitle && body < end && chunk_heading_like(st, body) &&
        (name = rt_byline_at(st, body + 1, end, &next, &skip))) {
        sub = chunk_line(st, body);
        at = body + 1;
    }
    /* "AUTUMN." / "[Illustration]" / "BY HELEN MARION BURNSIDE.": the
     * picture stays in the body, the byline goes to the head */
    bool picture = false;
    if (!name && body < end && placeholder_chunk(st, body) &&
        (name = rt_byline_at(st, body + 1, end, &next, &skip))) {
        picture = true;
        at = body + 1;
        for (size_t k = at; k < next; k++)
            st->chunks[k].title = true; /* (built no more) */
    }
    if (!name)
        return body;
    const rt_line *by = chunk_line(st, at);
    const char **authors = imprint_arena_alloc(st->doc->arena, 2 * sizeof *authors);
    authors[0] = rt_plain(st, name->t + skip, name->tlen - skip);
    art->as.article.authors = authors;
    if (sub) {
        art->as.article.subtitle = rt_plain(st, sub->t, sub->tlen);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, sub->lineno, sub->tcol),
                             "the line between the title and its byline taken as the subtitle");
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, by->lineno, by->tcol),
                         "the byline under the title taken as its author: %s", authors[0]);
    return picture ? body : next;
}

/* The byline and date of a post's head: the author without "By ". */
static void set_head(rt_state *st, const article_start *a, imprint_node *art)
{
    if (a->byline != SIZE_MAX) {
        const rt_line *l = &st->lines[a->byline];
        size_t skip = rt_byline_skip(l->t, l->tlen);
        const char **authors = imprint_arena_alloc(st->doc->arena, 2 * sizeof *authors);
        authors[0] = rt_plain(st, l->t + skip, l->tlen - skip);
        art->as.article.authors = authors;
    }
    if (a->date != SIZE_MAX) {
        const rt_line *l = &st->lines[a->date];
        art->as.article.date = rt_plain(st, l->t, l->tlen);
    }
    if (a->subtitle != SIZE_MAX) {
        /* (a subtitle set apart under the title is its chunk's lines) */
        const rt_line *l = &st->lines[a->subtitle];
        const rt_chunk *c = &st->chunks[l->chunk];
        size_t last = l->chunk == a->chunk ? a->subtitle : c->last;
        GString *t = g_string_new(NULL);
        for (size_t i = a->subtitle; i <= last; i++)
            g_string_append_printf(t, "%s%.*s", t->len ? " " : "", (int)st->lines[i].tlen,
                                   st->lines[i].t);
        art->as.article.subtitle = rt_plain(st, t->str, t->len);
        g_string_free(t, TRUE);
    }
    /* (not the collection's own title page: its byline is read there) */
    if (st->collection_author && !art->as.article.authors && a->chunk > 0) {
        const char **authors = imprint_arena_alloc(st->doc->arena, 2 * sizeof *authors);
        authors[0] = st->collection_author;
        art->as.article.authors = authors;
    }
    if (a->byline != SIZE_MAX || a->date != SIZE_MAX)
        imprint_diags_report(
            st->diags, IMPRINT_SEV_NOTE, rt_pos(st, art->pos.line, 1),
            "the lines under the title taken as its%s%s", a->byline != SIZE_MAX ? " byline" : "",
            a->date != SIZE_MAX ? (a->byline != SIZE_MAX ? " and date" : " date") : "");
}

/* The lines of an article's title, joined (a GString to free). */
static GString *title_text(const rt_state *st, const article_start *a)
{
    GString *t = g_string_new(NULL);
    for (size_t i = st->chunks[a->chunk].first, n = 0; n < a->title_lines; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank)
            continue;
        /* ("III" over "THE RECRUIT": "III. THE RECRUIT", as a heading is) */
        bool numeral = n == 1 && rt_is_roman_numeral(t->str, t->len) && t->str[t->len - 1] != '.';
        g_string_append_printf(t, "%s%.*s", numeral ? ". " : n ? " " : "", (int)l->tlen, l->t);
        n++;
    }
    return t;
}

static bool build_article(rt_state *st, const article_start *a, size_t end)
{
    const rt_line *first = chunk_line(st, a->chunk);
    imprint_node *art =
        imprint_node_new(st->doc, IMPRINT_NODE_ARTICLE, rt_pos(st, first->lineno, first->tcol));
    art->as.article.source_file = imprint_arena_strdup(st->doc->arena, st->path);
    art->as.article.source_line = first->lineno;
    if (a->titled) {
        GString *t = title_text(st, a);
        art->as.article.title = rt_plain(st, t->str, t->len);
        g_string_free(t, TRUE);
    }
    set_head(st, a, art);
    imprint_node_append(st->doc->root, art);
    st->article = art;
    size_t above = a->page != SIZE_MAX ? a->page : a->chunk;
    if (a->lead != SIZE_MAX && !rt_build_blocks(st, a->lead, above))
        return false;
    /* (its lines are no headings: nothing of the article is under them) */
    for (size_t k = above; k < a->chunk; k++)
        imprint_node_append(art,
                            rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, chunk_line(st, k), 0));
    rt_notes_begin(st);
    for (size_t k = a->chunk; k < end; k++)
        for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
            if (st->lines[i].notedef && !rt_notes_add_definition(st, &st->lines[i]))
                return false;
    size_t body = a->titled ? title_end(st, a) + 1 : a->chunk;
    /* a date in a run of its own under the title is part of the head */
    if (a->date != SIZE_MAX && body < end && st->chunks[body].first == a->date)
        body++;
    if (a->subtitle != SIZE_MAX && body < end && st->chunks[body].first == a->subtitle)
        body++;
    /* (so is a byline set apart under it, on a title page) */
    if (a->byline != SIZE_MAX && body < end && st->chunks[body].first == a->byline)
        body++;
    if (a->titled)
        body = separate_byline(st, art, body, end);
    /* (a message's other header lines, kept by `boilerplate: keep`: one
     * paragraph, line by line, under its head) */
    const rt_chunk *head = &st->chunks[a->chunk];
    if (st->mail && st->lines[head->first].mail == RT_MAIL_SUBJECT) {
        rt_chunk rest = *head;
        while (rest.first <= rest.last && st->lines[rest.first].mail)
            rest.first++;
        if (rest.first <= rest.last)
            imprint_node_append(art, rt_lines_block(st, IMPRINT_NODE_PARAGRAPH, &rest));
    }
    if (!rt_build_blocks(st, body, end))
        return false;
    rt_sidenotes_flush(st, art); /* (cut out of the article's last paragraph) */
    rt_carried_emphasis(st, art);
    return rt_notes_finish(st);
}

/* A collection's first article, its title page and front matter: its
 * title names the collection, its byline's author wrote each piece. */
static void pieces_front(rt_state *st)
{
    const imprint_node *art = st->article;
    if (!st->pieces || !art->as.article.title)
        return;
    if (!st->doc->meta.title)
        st->doc->meta.title = art->as.article.title;
    if (art->as.article.authors && !st->collection_author)
        st->collection_author = art->as.article.authors[0];
}

/* "## CROSS-EXAMINATION": a Markdown heading's marks on a line set apart
 * in a text that is otherwise plain (one such line does not make the file
 * Markdown) are markup, not words of the heading. */
static void heading_marks(rt_state *st)
{
    for (size_t k = 0; k < st->nchunks; k++) {
        if (!chunk_single(st, k))
            continue;
        rt_line *l = &st->lines[st->chunks[k].first];
        size_t n = 0;
        while (n < l->tlen && n < 7 && l->t[n] == '#')
            n++;
        if (n == 0 || n > 6 || n + 1 >= l->tlen || l->t[n] != ' ')
            continue;
        size_t skip = n;
        while (skip < l->tlen && l->t[skip] == ' ')
            skip++;
        l->t += skip;
        l->tlen -= skip;
        l->tcol += (unsigned)skip;
        l->nchar -= (unsigned)skip;
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, 1),
                             "a Markdown heading mark ('%.*s') before a line set apart dropped",
                             (int)n, "######");
    }
}

/* `footnotes: false`: "¹ text" lines are paragraphs like the others. */
static void keep_notes_as_text(rt_state *st)
{
    for (size_t i = 0; i < st->nlines; i++)
        st->lines[i].notedef = false;
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, 1, 1),
                         "footnotes: false: note markers and definitions are kept as text");
}

int imprint_read_text(imprint_doc *doc, const char *path, const char *data, size_t len,
                      const imprint_read_opts *opts, imprint_diags *diags)
{
    rt_state st = {.doc = doc, .diags = diags, .path = path ? path : "<text>"};
    st.marker_labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    st.ref_labels = g_hash_table_new(g_direct_hash, g_direct_equal);
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(article_start));
    int count = -1;
    if (!split_lines(&st, data, len))
        goto cleanup;
    rt_gutenberg(&st, opts && opts->keep_boilerplate);
    rt_mail_headers(&st, opts && opts->keep_boilerplate);
    st.zine = !st.mail && rt_zine_heads(&st);
    rt_line_numbers(&st, opts && opts->keep_boilerplate);
    rt_verse_line_numbers(&st, opts && opts->keep_boilerplate);
    st.half_lines = rt_caesuras(&st);
    rt_page_furniture(&st, opts && opts->keep_boilerplate);
    rt_find_code(&st);
    rt_unwrap(&st, data, len, opts);
    make_chunks(&st, opts ? opts->split : NULL);
    heading_marks(&st);
    st.no_notes = opts && opts->no_notes;
    st.no_letters = opts && opts->no_letters;
    if (st.no_notes)
        keep_notes_as_text(&st);
    else
        rt_markers_scan(&st);
    st.base_indent = rt_common_indent(&st);
    st.turn_indent = rt_common_turn_indent(&st);
    st.bold_equals = find_bold_equals(&st);
    imprint_verse_mode verse = opts ? opts->verse : IMPRINT_VERSE_AUTO;
    st.prose = verse == IMPRINT_VERSE_NO;
    st.verse = verse == IMPRINT_VERSE_YES || (verse == IMPRINT_VERSE_AUTO && !st.wrapped &&
                                              !st.mail && (st.half_lines || rt_verse_file(&st)));
    if (st.verse && verse == IMPRINT_VERSE_AUTO)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, rt_pos(&st, 1, 1),
                             "verse: most runs of lines here read as stanzas; a line set apart by "
                             "more blank lines than the stanzas are opens a poem");
    st.fiction = fiction_dialogue(&st);
    if (st.fiction)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, rt_pos(&st, 1, 1),
                             "paragraphs that open with a quotation mark are dialogue here (they "
                             "go on in narration), not block quotes");
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
        const article_start *next =
            i + 1 < starts->len ? &g_array_index(starts, article_start, i + 1) : NULL;
        /* (the next piece's frontispiece is its own) */
        size_t end = !next ? st.nchunks : next->lead != SIZE_MAX ? next->lead : next->chunk;
        if (a->titled && !(opts && opts->split)) {
            const rt_line *l = chunk_line(&st, a->chunk);
            GString *title = title_text(&st, a);
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, rt_pos(&st, l->lineno, l->tcol),
                                 "article split: \u201c%s\u201d", title->str);
            g_string_free(title, TRUE);
        }
        if (!build_article(&st, a, end))
            goto cleanup;
        if (i == 0)
            pieces_front(&st);
    }
    if (st.diamond_sidenotes)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, st.first_diamond_sidenote,
                             "%zu sidenote%s set in diamonds (\u2666\u2026\u2666, a transcriber's "
                             "mark for a note in the margin) taken as sidenotes, each set before "
                             "its paragraph",
                             st.diamond_sidenotes, st.diamond_sidenotes == 1 ? "" : "s");
    if (st.stamps_joined)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, st.first_stamp_joined,
                             "%zu line%s holding only a time stamp joined to the words right "
                             "under %s (\"0:21\" over the text: a recording's export)",
                             st.stamps_joined, st.stamps_joined == 1 ? "" : "s",
                             st.stamps_joined == 1 ? "it" : "them");
    if (st.squeezed)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, st.first_squeezed,
                             "double spaces (between sentences, or a space and a no-break space) "
                             "read as one space in %zu place%s",
                             st.squeezed, st.squeezed == 1 ? "" : "s");
    if (st.emphasis)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, st.first_emphasis,
                             "%zu spans written _so_ or *so* taken as emphasis", st.emphasis);
    if (st.carried_emphasis)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, st.first_carried,
                             "%zu emphas%s written over lines that stay lines (\"_\" on one, "
                             "\"_\" on one below it) taken as emphasis, line by line",
                             st.carried_emphasis, st.carried_emphasis == 1 ? "is" : "es");
    if (st.bold_spans)
        imprint_diags_report(diags, IMPRINT_SEV_NOTE, st.first_bold,
                             "%zu spans written =so= taken as bold (a transcriber's mark)",
                             st.bold_spans);
    count = (int)starts->len;
    rt_gutenberg_name(&st, count);
    rt_page_title_name(&st, count);
cleanup:
    g_free(st.page_title);
    g_free(st.book_title);
    g_free(st.book_title_folded);
    g_free(st.book_subtitle);
    g_free(st.book_author);
    for (size_t i = 0; i < st.nlines; i++) {
        g_free(st.lines[i].text);
        g_free(st.lines[i].segs);
        g_free(st.lines[i].note_label);
    }
    g_hash_table_destroy(st.marker_labels);
    if (st.signatures)
        g_hash_table_destroy(st.signatures);
    g_hash_table_destroy(st.ref_labels);
    g_free(st.lines);
    g_free(st.chunks);
    g_free(st.prose_near);
    if (st.refs)
        g_ptr_array_free(st.refs, TRUE);
    if (st.pending_sidenotes)
        g_ptr_array_free(st.pending_sidenotes, TRUE);
    g_array_free(starts, TRUE);
    return count;
}
