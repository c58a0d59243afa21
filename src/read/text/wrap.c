/* Hard-wrapped text: a book or article broken into lines of a fixed width,
 * its paragraphs several lines long. The file's own line lengths tell
 * whether it is wrapped and at what width: a line broken by a wrapper could
 * not have taken the next line's first word. The lines of each paragraph
 * are joined into one line, so that the rest of the reader sees the shape
 * it knows (a paragraph a line); a word hyphenated at a line end is joined
 * when the document's vocabulary or the dictionary says it is one word. */

#include <string.h>

#include "read/text/text.h"
#include "read/words.h"

static unsigned end_col(const rt_line *l)
{
    return l->indent + l->nchar;
}

/* Code points of the line's first word. */
static unsigned first_word(const rt_line *l)
{
    unsigned n = 0;
    size_t b;
    for (const char *p = l->t; p < l->t + l->tlen && !read_space_at(p, l->t + l->tlen, &b);
         p = g_utf8_next_char(p))
        n++;
    return n;
}

/* "revolu-" at the end of `a` and a lower-case letter to start `b`. */
static bool hyphen_break(const rt_line *a, const rt_line *b)
{
    if (a->tlen < 3 || a->t[a->tlen - 1] != '-')
        return false;
    const char *before = g_utf8_find_prev_char(a->t, a->t + a->tlen - 1);
    return before && g_unichar_isalpha(g_utf8_get_char(before)) &&
           g_unichar_islower(g_utf8_get_char(b->t));
}

/* Whether a wrapper broke the line `a` before `b`: the next word (the rest
 * of a hyphenated word) would not have fit within `width` (0: any width,
 * when the edition says the text is wrapped). */
static bool wrapper_break(const rt_line *a, const rt_line *b, unsigned width)
{
    if (width == 0)
        return true;
    if (hyphen_break(a, b))
        return end_col(a) + first_word(b) > width;
    return end_col(a) + 1 + first_word(b) > width;
}

/* "ALGERNON." or "LADY BRACKNELL:" in capitals at the top of a run of
 * lines, over its speech: the break under it is the play's, not the
 * wrapper's, however short the name. */
static bool name_over_words(const rt_state *st, size_t i)
{
    return (i == 0 || st->lines[i - 1].blank) && rt_line_caps_name(&st->lines[i]);
}

/* Whether lines `i` and `i + 1` are a break inside a run of text that
 * tells how the file is wrapped: neither blank, neither code (code.c,
 * whose lines are as short or as long as the program made them), and
 * not the break under a speaker's name. */
static bool text_break(const rt_state *st, size_t i)
{
    return i + 1 < st->nlines && !st->lines[i].blank && !st->lines[i + 1].blank &&
           !st->lines[i].code && !st->lines[i + 1].code && !name_over_words(st, i);
}

static int cmp_unsigned(const void *x, const void *y)
{
    unsigned a = *(const unsigned *)x, b = *(const unsigned *)y;
    return a < b ? -1 : a > b;
}

/* The share of the file's paragraphs of several lines that are wrapped
 * prose: their breaks mostly a wrapper's, and not verse's. A wrapped text
 * whose lists, quoted verse and tables hold many of its breaks still has
 * such paragraphs in the main. Stanzas (three breaks or more, most of them
 * verse's and none a wrapper's) say nothing of how the prose is set (a
 * book of readings has as many of them as paragraphs) when there is prose
 * enough to judge without them. */
static double prose_paragraph_share(const rt_state *st, unsigned width)
{
    size_t paragraphs = 0, stanzas = 0, prose = 0, breaks = 0, wraps = 0, verse = 0;
    for (size_t i = 0; i < st->nlines; i++) {
        if (text_break(st, i)) {
            breaks++;
            wraps += wrapper_break(&st->lines[i], &st->lines[i + 1], width);
            verse += rt_verse_break(&st->lines[i], &st->lines[i + 1]);
        } else if (breaks) {
            bool stanza = verse >= VERSE_CAPITAL_SHARE * breaks && !wraps;
            paragraphs += !stanza;
            stanzas += stanza;
            prose += wraps >= WRAP_PROSE_SHARE * breaks &&
                     (breaks < 3 || verse < VERSE_CAPITAL_SHARE * breaks);
            breaks = wraps = verse = 0;
        }
    }
    if (paragraphs >= WRAP_MIN_PROSE_PARAGRAPHS)
        return (double)prose / (double)paragraphs;
    return paragraphs + stanzas ? (double)prose / (double)(paragraphs + stanzas) : 0;
}

/* Of the breaks inside paragraphs from line `i` to line `j`: how many a
 * wrapper made at `width`, and how many go on in a small letter
 * (mid-sentence). */
static void count_breaks(const rt_state *st, size_t i, size_t j, unsigned width, size_t *wraps,
                         size_t *lower)
{
    *wraps = *lower = 0;
    for (size_t k = i; k < j; k++)
        if (text_break(st, k)) {
            *wraps += wrapper_break(&st->lines[k], &st->lines[k + 1], width);
            *lower += g_unichar_islower(g_utf8_get_char(st->lines[k + 1].t));
        }
}

/* Whether a text wrapped by hand, ragged, is wrapped at `width`: its
 * breaks a wrapper's and going on mid-sentence. */
static bool ragged(const rt_state *st, unsigned width, size_t breaks)
{
    size_t wraps, lower;
    count_breaks(st, 0, st->nlines ? st->nlines - 1 : 0, width, &wraps, &lower);
    if (wraps >= WRAP_RAGGED_SURE_SHARE * breaks)
        return lower >= WRAP_LOWER_SHARE_SURE * breaks;
    if (lower >= WRAP_LOWER_SHARE_CLEAR * breaks)
        return wraps >= WRAP_RAGGED_LOOSE_SHARE * breaks;
    return wraps >= WRAP_MIN_SHARE * breaks && lower >= WRAP_LOWER_SHARE * breaks;
}

/* Whether WRAP_OVERLONG_SHARE of the `breaks` are followed by a line
 * WRAP_OVERLONG_RATIO times as long as `width`: no wrapper made them. */
static bool overlong_after_breaks(const rt_state *st, unsigned width, size_t breaks)
{
    size_t overlong = 0;
    for (size_t i = 0; i + 1 < st->nlines; i++)
        overlong += text_break(st, i) && end_col(&st->lines[i + 1]) > WRAP_OVERLONG_RATIO * width;
    return overlong >= WRAP_OVERLONG_SHARE * breaks;
}

/* The wrap width of the file; false when it is not hard-wrapped. */
static bool wrap_width(const rt_state *st, unsigned *out)
{
    GArray *ends = g_array_new(FALSE, FALSE, sizeof(unsigned));
    for (size_t i = 0; i + 1 < st->nlines; i++)
        if (text_break(st, i)) {
            unsigned e = end_col(&st->lines[i]);
            g_array_append_val(ends, e);
        }
    unsigned width = 0;
    bool wrapped = false;
    if (ends->len >= WRAP_MIN_BREAKS) {
        g_array_sort(ends, cmp_unsigned);
        width = g_array_index(ends, unsigned, (guint)(WRAP_WIDTH_QUANTILE * (ends->len - 1)));
        size_t wraps = 0, verse = 0;
        for (size_t i = 0; i + 1 < st->nlines; i++)
            if (text_break(st, i)) {
                wraps += wrapper_break(&st->lines[i], &st->lines[i + 1], width);
                verse += rt_verse_break(&st->lines[i], &st->lines[i + 1]);
            }
        /* Verse of even lines looks wrapped; its lines run on in capitals. */
        wrapped =
            width <= WRAP_MAX_WIDTH &&
            ((wraps >= WRAP_MIN_SHARE * ends->len && verse < VERSE_CAPITAL_SHARE * ends->len) ||
             prose_paragraph_share(st, width) >= WRAP_PROSE_PARAGRAPHS);
        unsigned low =
            g_array_index(ends, unsigned, (guint)(WRAP_RAGGED_QUANTILE * (ends->len - 1)));
        if (!wrapped && low <= WRAP_MAX_WIDTH && ragged(st, low, ends->len)) {
            wrapped = true;
            width = low;
        }
        if (wrapped && overlong_after_breaks(st, width, ends->len))
            wrapped = false;
    }
    g_array_free(ends, TRUE);
    *out = width;
    return wrapped;
}

/* Whether every line from `i` to `j` is indented off the margin: a block
 * set off (a quotation), not a paragraph with its first line indented. */
static bool indented_run(const rt_state *st, size_t i, size_t j)
{
    for (size_t k = i; k <= j; k++)
        if (st->lines[k].indent < VERSE_BLOCK_INDENT)
            return false;
    return j > i;
}

/* Whether every line of the run after its first opens with a capital (past
 * an opening quote mark): verse's lines do, a wrapped paragraph's mostly
 * do not. */
static bool capitals_start(const rt_state *st, size_t i, size_t j)
{
    for (size_t k = i + 1; k <= j; k++) {
        const char *p = st->lines[k].t, *end = p + st->lines[k].tlen;
        while (p < end && g_unichar_ispunct(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        if (p >= end || !g_unichar_isupper(g_utf8_get_char(p)))
            return false;
    }
    return j > i;
}

/* A block set off and wrapped narrower than the text (a quotation of
 * prose): its breaks a wrapper's at its own width and going on in a small
 * letter (WRAP_LOWER_SHARE), as verse's do not. */
static bool quoted_prose(const rt_state *st, size_t i, size_t j)
{
    unsigned own = 0;
    for (size_t k = i; k <= j; k++)
        own = MAX(own, end_col(&st->lines[k]));
    size_t wraps, lower;
    count_breaks(st, i, j, own, &wraps, &lower);
    return wraps >= WRAP_PROSE_SHARE * (j - i) && lower >= WRAP_LOWER_SHARE * (j - i);
}

/* Whether the run from line `i` to `j` is bracketed whole and opens in
 * emphasis, its lines but the last of prose's length ("(_Halla and Kari
 * stand silent until Gudfinna has disappeared." / "Then Kari draws her to
 * him and kisses her._)"): a play's direction or an aside set off, prose
 * though its break falls after a full stop. */
static bool bracketed_prose(const rt_state *st, size_t i, size_t j, unsigned width)
{
    const rt_line *a = &st->lines[i], *z = &st->lines[j];
    char open = a->t[0];
    /* (in emphasis, as a direction is set: a bracketed verse translation,
     * "(“The wave draws near …", or notation, "[4 8 4 | …", keeps its lines) */
    if (j == i || !width || (open != '(' && open != '[') || a->tlen < 2 || a->t[1] != '_')
        return false;
    size_t n = z->tlen;
    while (n > 0 && (z->t[n - 1] == '.' || z->t[n - 1] == ' '))
        n--;
    if (n == 0 || z->t[n - 1] != (open == '(' ? ')' : ']'))
        return false;
    for (size_t k = i; k < j; k++)
        if (end_col(&st->lines[k]) < WRAP_SHORT_LINE * width)
            return false;
    return true;
}

/* Which runs of non-blank lines are prose, judged by their breaks: one
 * flag a line (g_free it). */
static bool *prose_runs(const rt_state *st, unsigned width)
{
    bool *prose = g_new0(bool, st->nlines + 1);
    for (size_t i = 0; i < st->nlines;) {
        if (st->lines[i].blank) {
            i++;
            continue;
        }
        size_t j = rt_run_last(st, i);
        unsigned w = width;
        size_t breaks = j - i, wraps = 0;
        for (size_t k = i; k < j; k++)
            wraps += wrapper_break(&st->lines[k], &st->lines[k + 1], w);
        /* A short paragraph of a ragged text may have no wrapper's break at
         * all; it is prose still when none of its lines stops short (not so
         * a block set off, whose lines a poet may have made even, nor lines
         * that all open with a capital, as a couplet's do). */
        bool none_short = w && !indented_run(st, i, j) && !capitals_start(st, i, j);
        for (size_t k = i; k < j; k++)
            none_short = none_short && end_col(&st->lines[k]) >= WRAP_SHORT_LINE * w;
        bool run_prose = wraps >= WRAP_PROSE_SHARE * breaks || none_short ||
                         (indented_run(st, i, j) && quoted_prose(st, i, j)) ||
                         bracketed_prose(st, i, j, w);
        for (size_t k = i; k <= j; k++)
            prose[k] = run_prose;
        i = j + 1;
    }
    return prose;
}

/* One entry of a run set with hanging indents: its head line and its last. */
typedef struct {
    size_t head, last;
    unsigned depth; /* the turned-over lines' indent; 0: an entry of one line */
} hang_entry;

/* Whether line `k` may be part of a hanging entry: text, no code, no
 * columns (a contents entry's page number), no note. */
static bool entry_line(const rt_state *st, size_t k)
{
    const rt_line *l = &st->lines[k];
    return k < st->nlines && !l->blank && !l->code && !l->notedef && !rt_line_has_column_gap(l);
}

/* The entry whose head is line `h`, turned over at `depth` when that is
 * not 0 (the first turned-over entry of a run sets it): false when `h`
 * heads none. */
static bool hang_entry_at(const rt_state *st, size_t h, unsigned width, unsigned depth,
                          hang_entry *e)
{
    if (!entry_line(st, h))
        return false;
    const rt_line *head = &st->lines[h];
    *e = (hang_entry){h, h, 0};
    size_t j = h + 1;
    if (j >= st->nlines || st->lines[j].blank)
        return true;
    const rt_line *turn = &st->lines[j];
    imprint_list_style style;
    int number;
    size_t skip;
    /* one line, the next entry's head under it (its break no wrapper's) */
    if (turn->indent == head->indent)
        return !wrapper_break(head, turn, width);
    unsigned near = width > HANGING_WIDTH_SLACK ? width - HANGING_WIDTH_SLACK : width;
    if (!entry_line(st, j) || turn->indent < head->indent + 2 ||
        turn->indent > head->indent + HANGING_MAX_DEPTH || (depth && turn->indent != depth) ||
        rt_line_list_marker(turn, &style, &number, &skip))
        return false;
    for (; j < st->nlines && !st->lines[j].blank && st->lines[j].indent == turn->indent; j++)
        if (!entry_line(st, j) || !wrapper_break(&st->lines[j - 1], &st->lines[j], near))
            return false;
    if (j < st->nlines && !st->lines[j].blank && st->lines[j].indent != head->indent)
        return false;
    *e = (hang_entry){h, j - 1, turn->indent};
    return true;
}

/* Marks the runs of entries set with hanging indents (HANGING_RUN_MIN):
 * `turn` flags a turned-over line, `entry` an entry's head. Reports each
 * run; returns how many. */
static size_t hanging_runs(const rt_state *st, unsigned width, bool *turn, bool *entry)
{
    size_t runs = 0;
    GArray *run = g_array_new(FALSE, FALSE, sizeof(hang_entry));
    for (size_t i = 0; width && i < st->nlines;) {
        hang_entry e;
        unsigned depth = 0;
        size_t turned = 0, h = i;
        g_array_set_size(run, 0);
        /* (a run opens a chunk: a paragraph's last line heads no entry) */
        while ((i == 0 || st->lines[i - 1].blank) && h < st->nlines &&
               st->lines[h].indent == st->lines[i].indent &&
               hang_entry_at(st, h, width, depth, &e)) {
            g_array_append_val(run, e);
            depth = e.depth ? e.depth : depth;
            turned += e.depth != 0;
            h = e.last + 1 + (e.last + 1 < st->nlines && st->lines[e.last + 1].blank);
        }
        if (run->len >= HANGING_RUN_MIN && turned >= HANGING_MIN_TURNED) {
            for (guint k = 0; k < run->len; k++) {
                hang_entry *r = &g_array_index(run, hang_entry, k);
                entry[r->head] = true;
                for (size_t m = r->head + 1; m <= r->last; m++)
                    turn[m] = true;
            }
            const rt_line *first = &st->lines[i];
            size_t last = g_array_index(run, hang_entry, run->len - 1).last;
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE,
                                 rt_pos(st, first->lineno, first->tcol),
                                 "%u entries set with hanging indents: each entry's turned-over "
                                 "lines joined to it (to line %u)",
                                 run->len, st->lines[last].lineno);
            runs++;
            i = last + 1;
        } else {
            /* (a run that starts inside this one has no more entries nor
             * turns: the next may start past it, in linear time) */
            i = run->len ? MAX(i + 1, g_array_index(run, hang_entry, run->len - 1).last + 1)
                         : i + 1;
        }
    }
    g_array_free(run, TRUE);
    return runs;
}

/* Whether `a` leaves an emphasis written _so_ open and `b` closes it, or,
 * in a run of prose, goes on in it in small letters ("_Dates … in
 * italics" / "in order that …", the mark closing lines below). */
static bool emphasis_closed_below(const rt_line *a, const rt_line *b, bool prose)
{
    size_t opened = 0, closed = 0;
    for (size_t k = 0; k < a->tlen; k++)
        opened += a->t[k] == '_';
    for (size_t k = 0; k < b->tlen; k++)
        closed += b->t[k] == '_';
    return opened % 2 == 1 &&
           (closed % 2 == 1 || (prose && closed == 0 && g_unichar_islower(g_utf8_get_char(b->t))));
}

/* The column where the text of a line opened by a note's or an item's
 * number or a bullet starts ("[1]  In his speech", "(2) Moore", "3. The",
 * "- Since"), past the label and its spaces; 0 if the line opens so not. */
static unsigned label_hang(const rt_line *a)
{
    const char *p = a->t, *end = a->t + a->tlen;
    /* "-  Since the domain", "o  Gateways will": a bullet's text */
    if ((*p == '-' || *p == '*' || *p == 'o') && p + 1 < end && p[1] == ' ') {
        const char *text = p + 1;
        while (text < end && *text == ' ')
            text++;
        return text < end ? a->indent + (unsigned)(text - a->t) : 0;
    }
    char open = *p == '[' || *p == '(' ? *p++ : 0;
    const char *digits = p;
    while (p < end && g_ascii_isdigit(*p))
        p++;
    if (p == digits || p >= end || *p != (open == '[' ? ']' : open == '(' ? ')' : '.'))
        return 0;
    const char *text = ++p;
    while (p < end && *p == ' ')
        p++;
    return p > text && p < end ? a->indent + (unsigned)(p - a->t) : 0;
}

/* Whether `b` goes on the paragraph whose last line so far is `a` and
 * first line `first`, in a run that is prose or not: a wrap, and nothing
 * that starts a block of its own (an item, a deeper or shallower indent).
 * A first line indented more than the rest is a paragraph's indent. */
static bool continues(const rt_line *first, const rt_line *a, const rt_line *b, unsigned width,
                      bool prose)
{
    imprint_list_style style;
    int number;
    size_t skip;
    bool wrap =
        wrapper_break(a, b, width) || (prose && width && end_col(a) >= WRAP_SHORT_LINE * width);
    /* A line set in under a first line of prose's length whose emphasis it
     * closes is that line's hanging turn ("_Wrote on … (a Printer and
     * Bookseller in Cambridge)" / "  Window in the Shop._"). */
    bool hanging = a == first && b->indent > a->indent + 1 && width &&
                   end_col(a) >= WRAP_SHORT_LINE * width && emphasis_closed_below(a, b, prose);
    /* Under a numbered note or item, lines set in to its text turn it over
     * ("[1]  In his speech …" / "     (1853) he makes …"). */
    bool under_label =
        a == first && wrap && b->indent > a->indent + 1 && b->indent == label_hang(a);
    hanging = hanging || under_label;
    /* ("ACADEMY, n.  [from ACADEME]   A modern school where football is" /
     * "taught.": spaces after a bracket, a sentence going on in small
     * letters, no table's row nor a numbered head beside its text) */
    bool gap_a = rt_line_has_column_gap(a) &&
                 !(a == first && !rt_line_opens_with_number(a) && !g_ascii_isdigit(a->t[0]) &&
                   rt_line_ends_mid_sentence(a) && g_unichar_islower(g_utf8_get_char(b->t)));
    /* (a header's next field, "Newsgroups:" under "From: russ@…") */
    if (rt_line_header_field(b))
        return false;
    if (!(wrap || hanging) || b->notedef || (rt_line_opens_paren_note(b) && !under_label) ||
        rt_line_list_marker(b, &style, &number, &skip) || gap_a || rt_line_has_column_gap(b))
        return false;
    /* One space more is a transcriber's slip after a closing quote, not a
     * block of its own. */
    if (b->indent > a->indent + 1)
        return hanging;
    return b->indent <= a->indent + 1 || a == first;
}

/* Whether line `j`, joined so far to a paragraph from line `first`, opens
 * the next of a charter's clauses: "(2) " under a line of the paragraph
 * that opens "(1) ", or "(1) " over one that opens "(2) " before a blank,
 * PAREN_ITEM_MAX_LINES away at most (an item's lines). */
static bool paren_break(const rt_state *st, size_t first, size_t j)
{
    int n = rt_line_paren_number(&st->lines[j]);
    for (size_t k = 1; n && k <= PAREN_ITEM_MAX_LINES; k++) {
        if (n == 1 && (j + k >= st->nlines || st->lines[j + k].blank))
            return false;
        if (n > 1 && (k > j - first))
            return false;
        const rt_line *m = &st->lines[n == 1 ? j + k : j - k];
        if (rt_line_paren_number(m) == (n == 1 ? 2 : n - 1))
            return true;
    }
    return false;
}

/* The letters of the word `s` ends with (before its hyphen) or starts with. */
static char *word_at(const char *s, size_t len, bool at_end)
{
    const char *p = at_end ? s + len : s, *q = p;
    if (at_end) {
        while (p > s) {
            const char *r = g_utf8_find_prev_char(s, p);
            if (!g_unichar_isalpha(g_utf8_get_char(r)))
                break;
            p = r;
        }
        return g_strndup(p, (gsize)(q - p));
    }
    while (q < s + len && g_unichar_isalpha(g_utf8_get_char(q)))
        q = g_utf8_next_char(q);
    return g_strndup(p, (gsize)(q - p));
}

typedef struct {
    rt_state *st;
    read_words *words;
    unsigned width;
    bool *prose;       /* a line's run is prose (prose_runs) */
    bool *drawn;       /* a line's run is a drawn table (drawn_runs) */
    size_t joined;     /* paragraphs of more than one line */
    GHashTable *tails; /* the word after each hyphen at a line end → how often */
    bool *turn;        /* a line turns a hanging entry over (hanging_runs) */
    bool *entry;       /* a line heads a hanging entry (hanging_runs) */
} unwrapper;

/* Joins "revolu-" + "tionary": the hyphen goes when the text knows the
 * word, or the hyphenation patterns allow the break, the second half is no
 * word of its own and the first half no word but before a suffix ("well-" +
 * "known", "error-" + "prone", "traditions-" + "for" where a
 * dash lost a stroke stay: a hyphen kept loses nothing, a wrong join loses
 * the dash); it stays, with a warning, without evidence. */
static bool drop_hyphen(unwrapper *u, const rt_line *a, const rt_line *b)
{
    char *head = word_at(a->t, a->tlen - 1, true);
    char *tail = word_at(b->t, b->tlen, false);
    read_join j = read_words_join(u->words, head, tail);
    /* The vocabulary counts the broken halves once: words elsewhere too;
     * "ing" after "seek-" and "relat-" is no word for all that. */
    char *folded = g_utf8_strdown(tail, -1);
    unsigned broken = GPOINTER_TO_UINT(g_hash_table_lookup(u->tails, folded));
    g_free(folded);
    bool tail_word = read_words_count(u->words, tail) > MAX(broken, 1u);
    bool head_word = read_words_count(u->words, head) > 1;
    bool halves = head_word && tail_word;
    /* After a first half that is a word of the text, only a suffix joins:
     * "error-" + "prone" is a compound the patterns would break too. */
    bool patterns = j == READ_JOIN_DICTIONARY && !tail_word;
    bool suffix =
        !patterns || !head_word || read_words_endings(u->words, tail) >= WRAP_SUFFIX_MIN_WORDS;
    bool drop = j == READ_JOIN_VOCABULARY || (patterns && suffix);
    imprint_pos at = rt_pos(u->st, a->lineno, a->tcol + a->nchar - 1);
    if (drop)
        imprint_diags_report(u->st->diags, IMPRINT_SEV_NOTE, at,
                             "word broken at the line end joined: %s-%s \u2192 %s%s (%s)", head,
                             tail, head, tail,
                             j == READ_JOIN_VOCABULARY ? "the word occurs elsewhere in the text"
                                                       : "the hyphenation patterns allow it");
    else if (j == READ_KEEP_COMPOUND || tail_word || !suffix)
        imprint_diags_report(u->st->diags, IMPRINT_SEV_NOTE, at,
                             "hyphen at the line end kept: %s-%s (%s)", head, tail,
                             j == READ_KEEP_COMPOUND ? "the compound occurs elsewhere"
                             : halves                ? "both halves are words"
                             : tail_word             ? "its second half is a word of the text"
                                         : "its first half is a word of the text, its second "
                                           "ends no other word");
    else
        imprint_diags_report(u->st->diags, IMPRINT_SEV_WARNING, at,
                             "hyphen at the line end kept: %s-%s (nothing in the text or the "
                             "dictionary says whether it is one word)",
                             head, tail);
    g_free(head);
    g_free(tail);
    return drop;
}

/* The words after hyphens at line ends, counted case-folded as the
 * vocabulary counts them. */
static GHashTable *broken_tails(const rt_state *st)
{
    GHashTable *tails = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i + 1 < st->nlines; i++) {
        const rt_line *a = &st->lines[i], *b = &st->lines[i + 1];
        if (!hyphen_break(a, b))
            continue;
        char *tail = word_at(b->t, b->tlen, false);
        char *key = g_utf8_strdown(tail, -1);
        g_free(tail);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(tails, key));
        g_hash_table_replace(tails, key, GUINT_TO_POINTER(n + 1));
    }
    return tails;
}

/* Appends line `b` to the joined text `s`; records where it starts. */
static void append_line(unwrapper *u, GString *s, GArray *segs, const rt_line *a, const rt_line *b)
{
    if (hyphen_break(a, b)) {
        if (drop_hyphen(u, a, b))
            g_string_truncate(s, s->len - 1);
    } else {
        g_string_append_c(s, ' ');
    }
    rt_seg seg = {.cp = s->len, .lineno = b->lineno, .col = b->tcol}; /* bytes for now */
    g_array_append_val(segs, seg);
    g_string_append_len(s, b->t, (gssize)b->tlen);
}

/* Which runs of non-blank lines hold a rule with crossings: tables drawn
 * with rules and bars, whose lines are their rows (ruled.c). One flag a
 * line (g_free it), found before any line is joined. */
static bool *drawn_runs(const rt_state *st)
{
    bool *drawn = g_new0(bool, st->nlines + 1);
    for (size_t i = 0; i < st->nlines;) {
        size_t j = i;
        bool rule = false;
        for (; j < st->nlines && !st->lines[j].blank; j++)
            rule = rule || rt_line_is_crossed_rule(&st->lines[j]);
        for (size_t k = i; k < j; k++)
            drawn[k] = rule;
        i = j + (j == i);
    }
    return drawn;
}

/* Joins the lines from `*i` that make one paragraph into `out`; moves `*i`
 * past them. */
static void join_paragraph(unwrapper *u, size_t *i, rt_line *out)
{
    rt_state *st = u->st;
    rt_line *first = &st->lines[*i], *last = first;
    if (first->mail) { /* (a header's value, as mail.c left it: no line of a paragraph) */
        *out = *first;
        (*i)++;
        return;
    }
    GString *s = g_string_new_len(first->text, (gssize)(first->t + first->tlen - first->text));
    GArray *segs = g_array_new(FALSE, FALSE, sizeof(rt_seg));
    size_t j = *i + 1;
    bool prose = u->prose[*i];
    /* (a hanging entry's turned-over lines join its head, and end where
     * the next entry's head is) */
    for (; j < st->nlines && !st->lines[j].blank && !u->drawn[*i] && !first->code &&
           !st->lines[j].code && !st->lines[j].mail &&
           (u->turn[j] ||
            (!u->turn[j - 1] && continues(first, last, &st->lines[j], u->width, prose) &&
             !paren_break(st, *i, j)));
         j++) {
        append_line(u, s, segs, last, &st->lines[j]);
        last = &st->lines[j];
    }
    *out = (rt_line){.lineno = first->lineno,
                     .code = first->code,
                     .entry = u->entry[*i],
                     .zine_head = first->zine_head,
                     .margin_number = first->margin_number};
    out->short_end = j < st->nlines && !st->lines[j].blank;
    for (size_t k = *i; k < j; k++)
        g_free(st->lines[k].text);
    out->text = g_string_free(s, FALSE);
    rt_line_measure(out);
    size_t lead = (size_t)(out->t - out->text);
    for (guint k = 0; k < segs->len; k++) {
        rt_seg *g = &g_array_index(segs, rt_seg, k);
        g->cp = (size_t)g_utf8_strlen(out->t, (gssize)(g->cp - lead));
    }
    out->nsegs = segs->len;
    out->segs = (rt_seg *)(void *)g_array_free(segs, segs->len == 0);
    u->joined += out->nsegs > 0;
    *i = j;
}

bool rt_unwrap(rt_state *st, const char *data, size_t len, const imprint_read_opts *opts)
{
    imprint_wrap_mode mode = opts ? opts->wrap : IMPRINT_WRAP_AUTO;
    unsigned width = 0;
    /* (verse in half-lines, its gaps made spaces, is as short as a
     * wrapper's lines go on in small letters: it is verse, line by line) */
    bool wrapped = !st->half_lines && wrap_width(st, &width);
    if (mode == IMPRINT_WRAP_NO || (mode == IMPRINT_WRAP_AUTO && !wrapped))
        return false;
    if (!wrapped)
        width = 0; /* the edition says so: every break inside a paragraph is a wrap */
    st->wrapped = true;
    st->wrap_width = width;
    char *text = g_strndup(data, len);
    unwrapper u = {st,
                   read_words_new(text, opts && opts->language ? opts->language : "en"),
                   width,
                   prose_runs(st, width),
                   drawn_runs(st),
                   0,
                   broken_tails(st),
                   g_new0(bool, st->nlines + 1),
                   g_new0(bool, st->nlines + 1)};
    g_free(text);
    hanging_runs(st, width, u.turn, u.entry);
    GArray *lines = g_array_new(FALSE, TRUE, sizeof(rt_line));
    for (size_t i = 0; i < st->nlines;) {
        rt_line l;
        if (st->lines[i].blank)
            l = st->lines[i++];
        else
            join_paragraph(&u, &i, &l);
        g_array_append_val(lines, l);
    }
    if (wrapped)
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, 1, 1),
                             "hard-wrapped text (lines broken at %u columns): the lines of %zu "
                             "paragraphs joined (edition key 'wrapped: false' keeps them)",
                             width, u.joined);
    else
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, 1, 1),
                             "the lines of %zu paragraphs joined, as 'wrapped: true' says",
                             u.joined);
    read_words_free(u.words);
    g_hash_table_destroy(u.tails);
    g_free(u.prose);
    g_free(u.drawn);
    g_free(u.turn);
    g_free(u.entry);
    rt_lines_replace(st, lines);
    return true;
}
