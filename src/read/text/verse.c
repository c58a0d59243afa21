/* Verse: stanzas of short lines, each a line of its own, told from prose
 * by how their lines run on: a line of verse that ends without a full stop
 * is followed by a capital (each line starts one), where a line of prose
 * would go on in lower case. A file most of whose runs of lines read so is
 * a collection of poems: one article a poem, its title the line set apart
 * by more blank lines than its stanzas are. */

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "read/text/text.h"

static bool sentence_end(gunichar c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x201D || c == '"' || c == ')';
}

static gunichar last_of(const rt_line *l)
{
    return g_utf8_get_char(g_utf8_find_prev_char(l->t, l->t + l->tlen));
}

bool rt_verse_break(const rt_line *a, const rt_line *b)
{
    return !sentence_end(last_of(a)) && g_unichar_isupper(g_utf8_get_char(b->t));
}

static int cmp_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

/* The median length, in code points, of lines `from` to `to`. */
static unsigned median_chars(const rt_state *st, size_t from, size_t to)
{
    size_t n = to - from + 1;
    unsigned *lens = g_new(unsigned, n);
    for (size_t i = from; i <= to; i++)
        lens[i - from] = st->lines[i].nchar;
    qsort(lens, n, sizeof *lens, cmp_unsigned);
    unsigned median = lens[n / 2];
    g_free(lens);
    return median;
}

/* How many of the breaks between lines `from` to `to` are a verse's
 * (rt_verse_break). */
static size_t verse_breaks(const rt_state *st, size_t from, size_t to)
{
    size_t caps = 0;
    for (size_t i = from; i < to; i++)
        caps += rt_verse_break(&st->lines[i], &st->lines[i + 1]);
    return caps;
}

/* Whether the chunk's lines read as verse; `min_lines` the fewest lines. */
static bool verse_like(const rt_state *st, size_t k, size_t min_lines, unsigned max_chars)
{
    const rt_chunk *c = &st->chunks[k];
    size_t n = c->last - c->first + 1;
    if (n < min_lines || n < 2)
        return false;
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        imprint_list_style style;
        int number;
        size_t skip, name;
        if (l->notedef || l->nchar > max_chars || rt_line_list_marker(l, &style, &number, &skip) ||
            rt_line_speaker(l, &name, &skip))
            return false;
    }
    size_t caps = verse_breaks(st, c->first, c->last);
    return median_chars(st, c->first, c->last) <= VERSE_MEDIAN_CHARS && caps >= 1 &&
           caps >= VERSE_CAPITAL_SHARE * (double)(n - 1);
}

bool rt_verse_file(const rt_state *st)
{
    size_t runs = 0, verse = 0, key, len;
    for (size_t k = 0; k < st->nchunks; k++) {
        /* (a transcript's "Speaker 1 (00:00:06):" over the words is a turn,
         * no stanza, however short its lines) */
        if (st->chunks[k].first == st->chunks[k].last ||
            rt_line_stamped_name(&st->lines[st->chunks[k].first], &key, &len))
            continue;
        runs++;
        verse += verse_like(st, k, 2, VERSE_MAX_CHARS);
    }
    return verse >= VERSE_FILE_MIN_STANZAS && verse >= VERSE_FILE_SHARE * (double)runs;
}

/* The least indent of the lines joined after the first into line `l`
 * (wrap.c), UINT_MAX when none was. */
static unsigned turned_indent(const rt_line *l)
{
    unsigned least = UINT_MAX;
    for (unsigned k = 0; k < l->nsegs; k++)
        least = MIN(least, l->segs[k].col ? l->segs[k].col - 1 : 0);
    return least;
}

bool rt_chunk_indented(const rt_state *st, size_t k)
{
    /* (a paragraph whose first line alone is set in, its turned lines at
     * the prose's margin, is prose: "  Electricity seems destined …" over
     * "arts and industries.") */
    const rt_chunk *c = &st->chunks[k];
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        unsigned turned = turned_indent(l);
        if (l->indent < st->base_indent + VERSE_BLOCK_INDENT ||
            (turned != UINT_MAX &&
             turned < MIN(st->turn_indent, st->base_indent) + VERSE_BLOCK_INDENT))
            return false;
    }
    return true;
}

rt_align rt_chunk_aligned(const rt_state *st, size_t k)
{
    unsigned w = st->wrap_width;
    if (!w || !rt_chunk_indented(st, k))
        return RT_ALIGN_NONE;
    bool centred = true, right = true;
    for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++) {
        const rt_line *l = &st->lines[i];
        int middle = (int)(2 * l->indent + l->nchar), end = (int)(l->indent + l->nchar);
        centred = centred && abs(middle - (int)w) <= 2 * ALIGN_TOLERANCE;
        right = right && abs(end - (int)w) <= ALIGN_TOLERANCE && l->indent > w / 3;
    }
    return centred ? RT_ALIGN_CENTRE : right ? RT_ALIGN_RIGHT : RT_ALIGN_NONE;
}

bool rt_line_long_words_capitalised(const rt_line *l)
{
    bool lower = false, ok = true;
    const char *p = l->t, *end = l->t + l->tlen;
    while (p < end && ok) {
        while (p < end && !g_unichar_isalpha(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        const char *w = p;
        size_t letters = 0;
        for (; p < end && g_unichar_isalpha(g_utf8_get_char(p)); p = g_utf8_next_char(p)) {
            letters++;
            lower = lower || g_unichar_islower(g_utf8_get_char(p));
        }
        ok = letters < 4 || g_unichar_isupper(g_utf8_get_char(w));
    }
    return ok && lower;
}

bool rt_chunk_name_lines(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    if (c->last - c->first + 1 < VERSE_MIN_LINES_IN_PROSE)
        return false;
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        gunichar z = last_of(l);
        if (l->nchar > VERSE_MAX_CHARS || z == '!' || z == '?' ||
            !rt_line_long_words_capitalised(l))
            return false;
    }
    return true;
}

/* "of", "by", "von", "par" alone on a line between two: a title page's
 * credit or link line ("Arranged" / "by" / "Johann Kuhnau."), which verse
 * hardly ever sets alone. */
static bool lone_joiner(const rt_line *l)
{
    static const char *const more[] = {"von", "und", "par", "et", "di", "de", "du", "des", "del"};
    return l->tlen && !memchr(l->t, ' ', l->tlen) &&
           (rt_is_joiner_word(l->t, l->tlen) ||
            read_word_in(l->t, l->tlen, more, G_N_ELEMENTS(more)));
}

bool rt_chunk_display(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    size_t n = c->last - c->first + 1, caps = 0, joiners = 0;
    if (n < 2)
        return false;
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        if (l->nchar > VERSE_MAX_CHARS)
            return false;
        caps += rt_line_is_all_caps(l);
        joiners += i > c->first && i < c->last && lone_joiner(l);
    }
    const rt_line *f = &st->lines[c->first];
    /* ("CHAPTER I" over its title is a heading) */
    return !rt_number_heading_kind(f->t, f->tlen) &&
           (rt_line_is_lone_by(f) || 2 * caps >= n || joiners > 0);
}

/* In a hard-wrapped text, a quotation's lines the unwrapper left apart
 * (none was a wrap), each opening with a capital and one at least after a
 * break that ends no sentence: "\u201cI say not this by wives that be wise,
 * / But if it be when they them misadvise.\u201d", a couplet quoted in the
 * prose. */
bool rt_quoted_verse(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    if (!st->wrapped || st->verse || c->first == c->last ||
        !rt_line_starts_quote(&st->lines[c->first]))
        return false;
    size_t breaks = 0;
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        /* (a verse line may open a speech, '"If less could have been done',
         * or be set in italics, "_Had lost her only cow;_") */
        if (l->nsegs > 0 || l->notedef || l->nchar > VERSE_MAX_CHARS ||
            (i > c->first && !g_unichar_isupper(rt_line_first_letter(l))))
            return false;
        breaks += i < c->last && !sentence_end(last_of(l)) &&
                  g_unichar_isupper(rt_line_first_letter(&st->lines[i + 1]));
    }
    return breaks > 0;
}

/* Whether every line of chunk `k` ends in a number ("Thirtieth Impression,
 * June, 1929", "The Little Colonel Stories      $2.00"): a list of
 * editions, prices or pages, no poem's lines. */
static bool ends_in_numbers(const rt_state *st, size_t k)
{
    for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
        if (!g_ascii_isdigit(st->lines[i].t[st->lines[i].tlen - 1]))
            return false;
    return true;
}

/* Whether the lines of chunk `k` break a sentence on a word that joins
 * it to the next line ("… the second series of" / "_The Line to Legend
 * Land_ leaflets, together with a" / "Supplement, …"), half of its breaks
 * at least (VERSE_JOINER_BREAKS_SHARE): prose set in at a narrow measure,
 * as a title page's or a printer's note is, not a stanza, whose lines end
 * on such a word seldom. */
static bool broken_sentences(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    size_t joins = 0;
    for (size_t i = c->first; i < c->last; i++)
        joins += rt_line_ends_with_joiner(&st->lines[i]);
    return joins >= VERSE_JOINER_BREAKS_SHARE * (double)(c->last - c->first);
}

bool rt_chunk_prose_run(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    size_t n = c->last - c->first + 1, mid = 0;
    if (n < 2)
        return false;
    unsigned *lens = g_new(unsigned, n);
    for (size_t i = c->first; i <= c->last; i++) {
        lens[i - c->first] = st->lines[i].nchar;
        if (i < c->last)
            mid += rt_line_ends_with_joiner(&st->lines[i]) ||
                   g_unichar_islower(g_utf8_get_char(st->lines[i + 1].t));
    }
    qsort(lens, n, sizeof *lens, cmp_unsigned);
    bool prose =
        lens[n / 2] > VERSE_MEDIAN_CHARS && mid >= VERSE_PROSE_BREAKS_SHARE * (double)(n - 1);
    g_free(lens);
    return prose;
}

bool rt_verse_chunk(const rt_state *st, size_t k)
{
    if (k >= st->nchunks || st->prose || rt_chunk_aligned(st, k) || rt_chunk_name_lines(st, k) ||
        rt_chunk_display(st, k) || ends_in_numbers(st, k))
        return false;
    /* In a hard-wrapped text, lines indented off the prose and not joined
     * (none reached the wrap width) are verse quoted in it; one line alone
     * is a heading set in ("TABLE OF CONTENTS") or a quote. */
    if (st->wrapped && rt_chunk_indented(st, k) && st->chunks[k].last > st->chunks[k].first) {
        bool joined = false;
        for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
            joined = joined || st->lines[i].nsegs > 0 || st->lines[i].nchar > VERSE_MAX_CHARS;
        if (!joined && !broken_sentences(st, k))
            return true;
    }
    if (rt_quoted_verse(st, k))
        return true;
    if (st->verse)
        return verse_like(st, k, 2, UINT_MAX) || (st->chunks[k].first < st->chunks[k].last &&
                                                  !rt_chunk_prose_run(st, k)); /* a stanza */
    return verse_like(st, k, VERSE_MIN_LINES_IN_PROSE, VERSE_MAX_CHARS) &&
           !(st->wrapped && broken_sentences(st, k));
}

size_t rt_blank_before(const rt_state *st, size_t k)
{
    if (k == 0)
        return st->chunks[0].first;
    return st->chunks[k].first - st->chunks[k - 1].last - 1;
}

/* The gap the file's stanzas most often have between them. */
static size_t stanza_gap(const rt_state *st)
{
    size_t counts[4] = {0};
    for (size_t k = 1; k < st->nchunks; k++)
        if (st->chunks[k].last > st->chunks[k].first)
            counts[MIN(rt_blank_before(st, k), 3)]++;
    size_t best = 1;
    for (size_t g = 1; g < 4; g++)
        if (counts[g] > counts[best])
            best = g;
    return best;
}

bool rt_poem_title(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    /* the title alone, or with a subtitle and a date under it ("In Memoriam
     * / To Gen. …", "EMBARCATION / (Southampton Docks: October, 1899)") */
    if (!st->verse || c->last > c->first + 2 || k + 1 >= st->nchunks)
        return false;
    for (size_t i = c->first + 1; i <= c->last; i++)
        if (st->lines[i].nchar > 80)
            return false;
    const rt_line *l = &st->lines[c->first];
    gunichar last = last_of(l);
    /* (nor a stanza's number, "II." or "1" ("1914." is a year, a title), nor
     * "[Picture: …]", a figure, nor "[Transcriber's Note: …]", an editor's) */
    size_t digits = strspn(l->t, "0123456789");
    bool number = digits && digits <= 2 && (digits == l->tlen || l->t[digits] == '.');
    if (l->nchar > READ_TEXT_MAX_HEADING_CHARS || last == ',' || last == ';' || last == ':' ||
        rt_is_roman_numeral(l->t, l->tlen) || (number && digits + 1 >= l->tlen) ||
        rt_line_is_break(l) || rt_line_placeholder(l) || l->t[0] == '[')
        return false;
    /* "By Rudyard Kipling" set apart under the collection's title is its
     * author, no poem ("By the River" is one), and so is "BY" alone over
     * the name */
    size_t by = rt_byline_skip(l->t, l->tlen);
    if ((by && rt_is_person_name(l->t + by, l->tlen - by)) ||
        (c->first == c->last && rt_line_is_lone_by(l)))
        return false;
    /* Set apart by more blank lines than the file's stanzas are. */
    if (!st->stanza_gap)
        ((rt_state *)st)->stanza_gap = stanza_gap(st);
    /* The file's first lines: one line is a title over the first stanza;
     * more are the first stanza unless set apart from what follows. */
    if (k == 0)
        return c->first == c->last || rt_blank_before(st, k + 1) > st->stanza_gap;
    return rt_blank_before(st, k) > st->stanza_gap;
}

bool rt_poem_number(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    const rt_line *l = &st->lines[c->first];
    size_t n = l->tlen - (l->tlen > 1 && l->t[l->tlen - 1] == '.');
    if (!st->verse || c->first != c->last || k == 0 || k + 1 >= st->nchunks ||
        !rt_is_roman_numeral(l->t, n))
        return false;
    if (!st->stanza_gap)
        ((rt_state *)st)->stanza_gap = stanza_gap(st);
    return rt_blank_before(st, k) > st->stanza_gap;
}

/* The spaces before a line's text, the verse's own indent. */
static unsigned line_indent(const rt_line *l)
{
    return l->indent;
}

imprint_node *rt_verse_line(rt_state *st, const rt_line *m, imprint_pos pos, int indent, int number,
                            size_t skip, size_t len)
{
    imprint_node *line = imprint_node_new(st->doc, IMPRINT_NODE_LINE, pos);
    line->as.line.indent = indent;
    line->as.line.number = number;
    rt_append_inlines(st, line, m, skip, len);
    return line;
}

/* "…stood waiting in the dark.              5": a number set off at the
 * line's end by WRAP_COLUMN_GAP spaces. Returns the length of the text
 * before the gap, 0 if none. */
static size_t margin_number(const rt_line *l, int *number)
{
    const char *end = l->t + l->tlen, *p = end, *q;
    while (p > l->t && g_ascii_isdigit(p[-1]))
        p--;
    if (p == end || end - p > 7)
        return 0;
    for (q = p; q > l->t && q[-1] == ' ';)
        q--;
    if (q == l->t || p - q < WRAP_COLUMN_GAP)
        return 0;
    *number = atoi(p);
    return (size_t)(q - l->t);
}

/* The margin numbers of the stanza's lines (0 where none), when they count
 * its lines: two at least, each the one before it plus the lines between
 * them ("5" … "10" five lines on); NULL otherwise. Then `texts` holds each
 * line's length without its number. */
static int *margin_numbers(const rt_state *st, const rt_chunk *c, size_t *texts)
{
    size_t n = c->last - c->first + 1, seen = 0, prev = 0;
    int *numbers = g_new0(int, n);
    bool counts = true;
    for (size_t j = 0; j < n; j++) {
        const rt_line *l = &st->lines[c->first + j];
        size_t len = margin_number(l, &numbers[j]);
        texts[j] = len ? len : l->tlen;
        if (!len)
            continue;
        if (seen++ && numbers[j] - numbers[prev] != (int)(j - prev))
            counts = false;
        prev = j;
    }
    if (seen >= 2 && counts)
        return numbers;
    g_free(numbers);
    return NULL;
}

/* The quoted poem the stanza of chunk `k` goes on: a quotation of verse
 * built from the chunk right before, no farther from it than that one's
 * stanzas are from each other (or, its first, from the prose above). */
static imprint_node *quoted_poem(rt_builder *b, size_t k)
{
    const rt_state *st = b->st;
    imprint_node *q = b->last_block;
    if (k == 0 || !q || q->kind != IMPRINT_NODE_QUOTE || !q->last_child ||
        q->last_child->kind != IMPRINT_NODE_VERSE || b->last_line != st->chunks[k - 1].last)
        return NULL;
    size_t first = k - 1; /* (the chunk of the poem's first stanza, one a chunk) */
    for (const imprint_node *v = q->first_child; v != q->last_child && first; v = v->next)
        first--;
    return rt_blank_before(st, k) <= rt_blank_before(st, first) ? q : NULL;
}

static bool has_prose(const rt_state *st, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        if (rt_verse_chunk(st, k))
            continue;
        for (size_t i = st->chunks[k].first; i <= st->chunks[k].last; i++)
            if (!st->lines[i].blank && rt_line_words(&st->lines[i]) >= READ_TEXT_BIB_PROSE_WORDS)
                return true;
    }
    return false;
}

/* A caption emphasised whole is a piece's heading, not prose, however
 * long. */
bool rt_chunk_emphasised(const rt_state *st, size_t k)
{
    const rt_line *a = &st->lines[st->chunks[k].first], *z = &st->lines[st->chunks[k].last];
    const char *end = z->t + z->tlen;
    while (end > z->t && g_unichar_ispunct(g_utf8_get_char(g_utf8_prev_char(end))) &&
           end[-1] != '_' && end[-1] != '*')
        end = g_utf8_prev_char(end);
    return (a->t[0] == '_' || a->t[0] == '*') && end > z->t && end[-1] == a->t[0];
}

/* A line alone that bounds a section: a heading in capitals
 * ("INTRODUCTION", "GENERAL EDITOR") or a break ("*  *  *"). What is set in
 * on a title page is quoted by no prose beyond it. */
static bool section_bound(const rt_state *st, size_t k)
{
    const rt_line *l = &st->lines[st->chunks[k].first];
    return st->chunks[k].first == st->chunks[k].last &&
           (rt_line_is_break(l) || (rt_line_is_all_caps(l) && rt_line_is_heading_like(l)));
}

/* Whether prose comes, from each chunk, before a bound (a caption
 * emphasised whole, a section_bound) or the text's end, looking back (bit
 * 1) or on (bit 2) past verse and short lines (a heading, a source, a
 * signature): found for all chunks in two passes, once (a long poem's
 * stanzas would each walk the poem). */
static const unsigned char *prose_near(rt_state *st)
{
    if (st->prose_near)
        return st->prose_near;
    unsigned char *near = g_new0(unsigned char, st->nchunks + 1), *own;
    own = g_new0(unsigned char, st->nchunks + 1); /* 1 prose, 2 a bound, 0 neither */
    for (size_t j = 0; j < st->nchunks; j++)
        own[j] = rt_chunk_emphasised(st, j) || section_bound(st, j)  ? 2
                 : !rt_verse_chunk(st, j) && has_prose(st, j, j + 1) ? 1
                                                                     : 0;
    bool back = false;
    for (size_t j = 0; j < st->nchunks; j++) {
        near[j] |= back ? 1 : 0;
        back = own[j] ? own[j] == 1 : back;
    }
    bool on = false;
    for (size_t j = st->nchunks; j-- > 0;) {
        near[j] |= on ? 2 : 0;
        on = own[j] ? own[j] == 1 : on;
    }
    g_free(own);
    st->prose_near = near;
    return near;
}

/* Whether chunk `k` leads in to what is under it: its last line stops
 * mid-sentence ("… an amusing parody of", "beginning") or on a colon. */
static bool leads_in(const rt_state *st, size_t k)
{
    const rt_line *l = &st->lines[st->chunks[k].last];
    return (rt_line_ends_mid_sentence(l) && !sentence_end(last_of(l))) || last_of(l) == ':';
}

bool rt_prose_beside(rt_state *st, size_t k)
{
    /* One line set in is quoted only in the prose's flow (the sentence
     * before leads in to it, or prose is right beside it); short lines
     * among short lines are a title page's. */
    const rt_chunk *c = &st->chunks[k];
    if (c->first == c->last && st->lines[c->first].nsegs == 0)
        return (k > 0 && !rt_chunk_emphasised(st, k - 1) &&
                (leads_in(st, k - 1) || has_prose(st, k - 1, k))) ||
               (k + 1 < st->nchunks && !rt_chunk_emphasised(st, k + 1) &&
                has_prose(st, k + 1, k + 2));
    return prose_near(st)[k] != 0;
}

/* Whether the builder's article holds prose outside its stanzas (a line
 * of READ_TEXT_BIB_PROSE_WORDS words at least), found once, when a stanza
 * first asks. */
static bool article_prose(rt_builder *b)
{
    if (b->prose < 0)
        b->prose =
            has_prose(b->st, rt_line_at(b, b->first)->chunk, rt_line_at(b, b->last)->chunk + 1);
    return b->prose;
}

/* Whether the block built last is a heading of a numbered series, or a
 * picture right under one ("AIR III. Cold and raw, &c." over "[Music]"):
 * verse under it is the play's song, not a passage the prose quotes. */
static bool under_series_heading(rt_builder *b)
{
    const imprint_node *n = b->last_block;
    if (n && n->kind == IMPRINT_NODE_FIGURE)
        n = n->prev;
    const rt_line *h =
        n && n->kind == IMPRINT_NODE_HEADING ? rt_line_by_number(b->st, n->pos.line) : NULL;
    return h && rt_numbered_series_heading(b, (size_t)(h - b->st->lines));
}

size_t rt_build_stanza(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (c->first != i || !rt_verse_chunk(st, l->chunk))
        return 0;
    unsigned base = UINT_MAX;
    for (size_t j = c->first; j <= c->last; j++)
        base = MIN(base, line_indent(&st->lines[j]));
    imprint_node *verse =
        imprint_node_new(st->doc, IMPRINT_NODE_VERSE, rt_pos(st, l->lineno, l->tcol));
    size_t *texts = g_new(size_t, c->last - c->first + 1);
    int *numbers = margin_numbers(st, c, texts);
    for (size_t j = c->first; j <= c->last; j++) {
        const rt_line *m = &st->lines[j];
        imprint_node_append(verse, rt_verse_line(st, m, rt_pos(st, m->lineno, m->tcol),
                                                 (int)(line_indent(m) - base),
                                                 numbers ? numbers[j - c->first] : m->margin_number,
                                                 0, numbers ? texts[j - c->first] : m->tlen));
    }
    if (numbers)
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                             "numbers in the margin of the stanza taken as its lines' numbers "
                             "(TEI <l n>, the EPUB's margin; not printed in the PDF)");
    g_free(numbers);
    g_free(texts);
    /* Verse set off in a prose text is a quotation of it; a piece that is
     * all verse (a magazine's poem) is the poem itself. */
    bool indented = rt_chunk_indented(st, l->chunk);
    bool quoted = st->wrapped && !st->verse && (indented || rt_quoted_verse(st, l->chunk)) &&
                  article_prose(b) && !under_series_heading(b) && rt_prose_beside(st, l->chunk);
    imprint_node *poem = quoted ? quoted_poem(b, l->chunk) : NULL;
    if (poem) {
        imprint_node_append(poem, verse);
        b->last_line = c->last;
    } else if (quoted) {
        imprint_node *q = imprint_node_new(st->doc, IMPRINT_NODE_QUOTE, verse->pos);
        imprint_node_append(q, verse);
        rt_append(b, q, c->last);
    } else {
        rt_append(b, verse, c->last);
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "%s of %zu lines taken as verse (to line %u)",
                         !quoted    ? "stanza"
                         : indented ? "indented lines"
                                    : "quoted lines",
                         c->last - c->first + 1, st->lines[c->last].lineno);
    return c->last + 1;
}

/* The last line of a turn sung from line `i` ("_Filch._ 'Tis Woman that
 * seduces all Mankind," over the song's lines): its lines set in off the
 * prose, none joined by the wrapper, each opening in no small letter and
 * going on as verse's do (VERSE_CAPITAL_SHARE of the breaks), up to the
 * next turn in the run; or SIZE_MAX. */
static size_t sung_end(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_chunk *c = &st->chunks[rt_line_at(b, i)->chunk];
    size_t end = i, caps = 0, name, skip;
    for (size_t j = i; j <= c->last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->nsegs || l->indent < st->base_indent + VERSE_BLOCK_INDENT ||
            l->nchar > VERSE_MAX_CHARS || (j > i && rt_is_speech(b, j, &name, &skip)))
            break;
        /* (a speech's lines turned over in a small letter are prose set
         * with a hanging indent: "TERRESTRIAN:  O no; …" / "years …") */
        if (j > i && g_unichar_islower(g_utf8_get_char(l->t)))
            return SIZE_MAX;
        if (j > i)
            caps += rt_verse_break(rt_line_at(b, j - 1), l);
        end = j;
    }
    return end > i && caps >= VERSE_CAPITAL_SHARE * (double)(end - i) ? end : SIZE_MAX;
}

size_t rt_build_sung_turn(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    size_t end = st->wrapped ? sung_end(b, i) : SIZE_MAX, name, skip;
    if (end == SIZE_MAX)
        return 0;
    imprint_node *sp = rt_speech_node(b, i);
    imprint_node *said = sp->first_child; /* the first line's words, a paragraph */
    imprint_node *verse = imprint_node_new(st->doc, IMPRINT_NODE_VERSE, said->pos);
    unsigned base = UINT_MAX;
    for (size_t j = i; j <= end; j++)
        base = MIN(base, line_indent(rt_line_at(b, j)));
    rt_is_speech(b, i, &name, &skip);
    for (size_t j = i; j <= end; j++) {
        const rt_line *m = rt_line_at(b, j);
        size_t from = j == i ? skip : 0;
        imprint_node_append(verse, rt_verse_line(st, m, rt_line_pos(st, m, from),
                                                 (int)(line_indent(m) - base), m->margin_number,
                                                 from, m->tlen - from));
    }
    imprint_node_unlink(said);
    imprint_node_append(sp, verse);
    rt_append(b, sp, end);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, sp->pos,
                         "a turn of %zu lines set in as verse taken as sung, its lines verse "
                         "(to line %u)",
                         end - i + 1, rt_line_at(b, end)->lineno);
    return end + 1;
}

/* Whether lines `from` to `to` read as verse: two at least, none over
 * VERSE_MAX_CHARS nor joined by the wrapper, their median VERSE_MEDIAN_CHARS
 * at most, VERSE_CAPITAL_SHARE of their breaks a verse's; or, in a file of
 * verse (`verse_file`), each after the first opening in a capital (Faust's
 * questions, "Was ist verwünscht …?" over "Was ist ersehnt …?", each end a
 * sentence's). */
static bool verse_lines(const rt_state *st, size_t from, size_t to, bool verse_file)
{
    size_t capitals = 0;
    if (to <= from)
        return false;
    for (size_t j = from; j <= to; j++) {
        const rt_line *l = &st->lines[j];
        if (l->nsegs || l->notedef || l->nchar > VERSE_MAX_CHARS)
            return false;
        capitals += j > from && g_unichar_isupper(g_utf8_get_char(l->t));
    }
    return median_chars(st, from, to) <= VERSE_MEDIAN_CHARS &&
           (verse_breaks(st, from, to) >= VERSE_CAPITAL_SHARE * (double)(to - from) ||
            (verse_file && capitals == to - from));
}

size_t rt_build_verse_under(rt_builder *b, size_t i, imprint_node *sp)
{
    rt_state *st = b->st;
    size_t last = MIN(st->chunks[rt_line_at(b, i)->chunk].last, b->last);
    if (b->verse_file < 0)
        b->verse_file = rt_verse_file(st);
    if (!verse_lines(st, i + 1, last, b->verse_file))
        return 0;
    const rt_line *first = rt_line_at(b, i + 1);
    imprint_node *verse = imprint_node_new(st->doc, IMPRINT_NODE_VERSE, rt_line_pos(st, first, 0));
    unsigned base = UINT_MAX;
    for (size_t j = i + 1; j <= last; j++)
        base = MIN(base, line_indent(rt_line_at(b, j)));
    for (size_t j = i + 1; j <= last; j++) {
        const rt_line *m = rt_line_at(b, j);
        imprint_node_append(verse, rt_verse_line(st, m, rt_line_pos(st, m, 0),
                                                 (int)(line_indent(m) - base), m->margin_number, 0,
                                                 m->tlen));
    }
    imprint_node_append(sp, verse);
    b->last_line = last;
    return last + 1;
}

bool rt_line_is_break(const rt_line *l)
{
    unsigned marks = 0;
    gunichar first = 0;
    for (const char *p = l->t; p < l->t + l->tlen; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        if (ch == ' ' || ch == 0x00A0 || ch == '\t')
            continue;
        /* (a rule of dashes: "—————", "–––", "───") */
        if (!strchr("*-~#=_.", (int)(ch < 128 ? ch : 1)) && ch != 0x2022 && ch != 0x00B7 &&
            ch != 0x2042 && ch != 0x2217 && ch != 0x2013 && ch != 0x2014 && ch != 0x2500)
            return false;
        if (!first)
            first = ch;
        else if (ch != first)
            return false;
        marks++;
    }
    return marks >= 3 || (marks == 1 && first == 0x2042); /* "* * *", "⁂" */
}
