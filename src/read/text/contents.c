/* A table of contents copied with the text ("Contents", then a line an
 * entry; or, under another heading or none, entries that come back as the
 * headings below): a list of its entries without markers, so that the lines
 * are not taken for verse or for headings. The edition builds its own
 * contents; the copied one stays, as the author's. */

#include <limits.h>
#include <string.h>

#include "read/text/text.h"

/* "Contents", "Table of Contents", "CONTENTS.", "Inhalt", "Sommaire". */
bool rt_line_is_contents_heading(const rt_line *l)
{
    static const char *const words[] = {
        "contents",
        "table of contents",
        "list of contents",
        "contents and illustrations",
        "contents and list of illustrations",
        "inhalt",
        "inhaltsverzeichnis",
        "table des matières",
        "sommaire",
        "índice",
        "indice",
        "содержание",
        "оглавление",
    };
    return rt_line_is_title_word(l, words, G_N_ELEMENTS(words));
}

/* An entry's words without its number and page ("1.  The Cyclone .... 3"
 * → "the cyclone"), to see the text's own first heading repeat one. */
static char *entry_key(const rt_line *l)
{
    GString *s = g_string_new(NULL);
    for (const char *p = l->t; p < l->t + l->tlen; p = g_utf8_next_char(p)) {
        gunichar c = g_unichar_tolower(g_utf8_get_char(p));
        if (g_unichar_isalpha(c))
            g_string_append_unichar(s, c);
    }
    return g_string_free(s, FALSE);
}

/* "The Idle Apprentice          75": a contents entry with its page,
 * after a gap of columns. */
static bool paged(const rt_line *l)
{
    return rt_line_has_column_gap(l) && g_ascii_isdigit(l->t[l->tlen - 1]);
}

/* Whether every line of the run from line `i` is an entry with its page,
 * CONTENTS_MIN_ENTRIES of them at least. */
static bool all_paged(rt_builder *b, size_t i)
{
    size_t n = 0;
    for (; i <= b->last && !rt_line_at(b, i)->blank; i++, n++)
        if (!paged(rt_line_at(b, i)))
            return false;
    return n >= CONTENTS_MIN_ENTRIES;
}

/* Whether a part of the contents follows the blank line `j`: a part's
 * heading ("EPOCH THE SECOND, 1715." / "THAMES DARRELL.") and under it,
 * one blank line on, entries with their pages; or a run of entries with
 * their pages, every line paged ("“THE PARADISE OF FOOLS.”  83" over its
 * sections' entries). */
static bool paged_part_below(rt_builder *b, size_t j)
{
    size_t k = j + 1, runs = 0;
    while (k <= b->last && rt_line_at(b, k)->blank)
        k++;
    if (all_paged(b, k))
        return true;
    while (k <= b->last && runs < 2) {
        while (k <= b->last && rt_line_at(b, k)->blank)
            k++;
        for (; k <= b->last && !rt_line_at(b, k)->blank; k++)
            if (paged(rt_line_at(b, k)))
                return runs == 1;
        runs++;
        if (k + 1 <= b->last && rt_line_at(b, k + 1)->blank)
            return false;
    }
    return false;
}

/* The last line of the entries from line `i`: runs of short lines set
 * apart by one blank line at most (two before a part's heading, when the
 * entries carry their pages), until a line set apart repeats an entry
 * (the first chapter's heading; inside a run, "(a) Close order" under a
 * second part is an entry again) or a line is too long for an entry. */
static size_t entries_end(rt_builder *b, size_t i)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t last = SIZE_MAX, blanks = 0;
    for (size_t j = i; j <= b->last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->blank) {
            if (++blanks > 1 && !(blanks == 2 && last != SIZE_MAX && paged(rt_line_at(b, last)) &&
                                  paged_part_below(b, j)))
                break;
            continue;
        }
        char *key = entry_key(l);
        const rt_chunk *c = &b->st->chunks[l->chunk];
        bool again = *key && g_hash_table_contains(seen, key) && c->first == c->last;
        if (l->nchar > CONTENTS_ENTRY_CHARS || l->notedef || again) {
            g_free(key);
            break;
        }
        g_hash_table_add(seen, key);
        last = j;
        blanks = 0;
    }
    g_hash_table_destroy(seen);
    return last;
}

/* Bytes of an entry's number and the spaces after it ("IV.  ", "3.2.1 ",
 * "1.5)  "), 0 if it has none. */
static size_t number_len(const rt_line *l)
{
    size_t n = 0, first = 0;
    while (first < l->tlen && (g_ascii_isdigit(l->t[first]) || strchr("IVXLCDM", l->t[first])))
        first++;
    if (first == 0 || !(g_ascii_isdigit(l->t[0]) || rt_is_roman_numeral(l->t, first)))
        return 0;
    n = first;
    while (n < l->tlen && (g_ascii_isdigit(l->t[n]) || l->t[n] == '.'))
        n++;
    n += n < l->tlen && l->t[n] == ')'; /* "1.1)  What does FAQ stand for?" */
    if (n >= l->tlen || l->t[n] != ' ')
        return 0;
    while (n < l->tlen && l->t[n] == ' ')
        n++;
    return n;
}

/* An entry's key without its number ("IV.  Of the Meaning of Progress" →
 * "ofthemeaningofprogress"): the heading it lists may carry its number on
 * a line of its own. */
static char *numberless_key(const rt_line *l)
{
    rt_line rest = *l;
    size_t n = number_len(l);
    rest.t += n;
    rest.tlen -= n;
    return entry_key(&rest);
}

/* The lines of the article alone between blank lines that look like
 * headings, short enough for an entry, by numberless_key → their indexes
 * in order (a GArray of size_t). Made once per article. */
static GHashTable *apart_lines(rt_builder *b)
{
    if (b->apart)
        return b->apart;
    b->apart =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    for (size_t j = b->first; j <= b->last; j++) {
        const rt_line *l = rt_line_at(b, j);
        const rt_chunk *c = l->blank ? NULL : &b->st->chunks[l->chunk];
        if (!c || c->first != c->last || l->nchar > CONTENTS_ENTRY_CHARS ||
            !rt_line_is_heading_like(l))
            continue;
        char *key = numberless_key(l);
        if (!*key) {
            g_free(key);
            continue;
        }
        GArray *at = g_hash_table_lookup(b->apart, key);
        if (!at) {
            at = g_array_new(FALSE, FALSE, sizeof(size_t));
            g_hash_table_insert(b->apart, key, at);
        } else {
            g_free(key);
        }
        g_array_append_val(at, j);
    }
    return b->apart;
}

/* The first of `at` (ascending) after line `after`, or SIZE_MAX. */
static size_t first_after(const GArray *at, size_t after)
{
    for (guint k = 0; at && k < at->len; k++)
        if (g_array_index(at, size_t, k) > after)
            return g_array_index(at, size_t, k);
    return SIZE_MAX;
}

/* Whether the entries from `i` to `last` (`n` of them) come back below,
 * the first and CONTENTS_RECUR_SHARE of them at least, in their order,
 * each as a line set apart: the headings they list. */
static bool entries_recur(rt_builder *b, size_t i, size_t last, size_t n)
{
    GHashTable *apart = apart_lines(b);
    size_t at = last, found = 0;
    for (size_t j = i; j <= last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->blank)
            continue;
        if (rt_line_words(l) >= READ_TEXT_BIB_PROSE_WORDS)
            return false;
        char *key = numberless_key(l);
        size_t k = first_after(g_hash_table_lookup(apart, key), at);
        g_free(key);
        if (k != SIZE_MAX) {
            at = k;
            found++;
        } else if (j == i) {
            return false; /* a heading over the entries ("Written Here") */
        }
    }
    return found >= CONTENTS_MIN_ENTRIES && found >= CONTENTS_RECUR_SHARE * n;
}

/* The first line of prose of the article: a line of READ_TEXT_BIB_PROSE_WORDS
 * (SIZE_MAX if none). */
static size_t first_prose(rt_builder *b)
{
    for (size_t j = b->first; b->first_prose == 0; j++)
        if (j > b->last)
            b->first_prose = SIZE_MAX;
        else if (rt_line_words(rt_line_at(b, j)) >= READ_TEXT_BIB_PROSE_WORDS)
            b->first_prose = j + 1;
    return b->first_prose == SIZE_MAX ? SIZE_MAX : b->first_prose - 1;
}

/* "THE PERSONS OF THE PLAY", "Dramatis Personae", "The Scenes of the
 * Play": a heading over lines that name persons or places, one a line. */
static bool names_heading(const rt_line *l)
{
    static const char *const words[] = {
        "the persons of the play",
        "persons of the play",
        "persons represented",
        "dramatis personae",
        "characters",
        "the characters",
        "characters of the play",
        "cast of characters",
        "the cast",
        "the scenes of the play",
        "scenes of the play",
        "personnages",
        "personen",
    };
    return rt_line_is_title_word(l, words, G_N_ELEMENTS(words));
}

/* Whether line `l` repeats an entry of the contents built (the first
 * chapter's heading under it, not a part's label inside it). */
static bool listed_line(const rt_builder *b, const rt_line *l)
{
    char *key = numberless_key(l);
    bool listed = b->listed && *key && g_hash_table_contains(b->listed, key);
    g_free(key);
    return listed;
}

/* Whether line `i`, short as an entry is, comes back below as a line set
 * apart (a heading): past the first prose, a contents may stand only so
 * (a FAQ's "The following topics are addressed:" over "1)  WHAT ARE
 * FAQs?"), which entries_recur() then asks of most of its entries, and
 * all_numbered() of all. */
static bool comes_back(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    if (l->nchar > CONTENTS_ENTRY_CHARS || rt_line_words(l) >= READ_TEXT_BIB_PROSE_WORDS)
        return false;
    char *key = numberless_key(l);
    bool back = *key && first_after(g_hash_table_lookup(apart_lines(b), key), i) != SIZE_MAX;
    g_free(key);
    return back;
}

/* Whether line `i` may open a table of contents: under a Contents heading,
 * or at the start of its chunk, before the first prose or coming back
 * below as a heading; or a list of names under their heading (`*names`). */
static bool contents_at(rt_builder *b, size_t i, bool *headed, bool *names, bool *part)
{
    rt_state *st = b->st;
    imprint_node *h = b->last_block;
    const rt_line *hl =
        h && h->kind == IMPRINT_NODE_HEADING ? rt_line_by_number(st, h->pos.line) : NULL;
    *names = hl && names_heading(hl);
    /* (a part's label inside the contents, "Aesopus Emendatus", heads more
     * of its entries) */
    *part = hl && h->prev && h->prev->kind == IMPRINT_NODE_LIST && h->prev->as.list.contents &&
            !listed_line(b, hl) && !rt_line_is_contents_heading(hl);
    *headed = *names || *part || (hl && rt_line_is_contents_heading(hl));
    if (*headed)
        return true;
    const rt_line *l = rt_line_at(b, i);
    return !l->blank && st->chunks[l->chunk].first == i && !rt_line_is_contents_heading(l) &&
           (i < first_prose(b) || (number_len(l) && comes_back(b, i)));
}

/* Whether every entry from `i` to `last` opens with its number ("1)",
 * "1.1)", "IV."): what a contents past the first prose must show, a run
 * of a play's names or of a book's repeated lines shows none. */
static bool all_numbered(rt_builder *b, size_t i, size_t last)
{
    for (size_t j = i; j <= last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (!l->blank && !number_len(l))
            return false;
    }
    return true;
}

/* The column an entry's words start at, past its number. */
static unsigned words_col(const rt_line *l)
{
    return l->indent + rt_utf8_cols(l->t, number_len(l));
}

/* The depth of an entry's decimal number ("1)" 1, "1.5.1)" 3, "2.1 " 2),
 * 0 when it opens with none. */
static int decimal_depth(const rt_line *l)
{
    int depth = 0;
    size_t k = 0;
    while (k < l->tlen && g_ascii_isdigit(l->t[k])) {
        while (k < l->tlen && g_ascii_isdigit(l->t[k]))
            k++;
        depth++;
        if (k + 1 < l->tlen && l->t[k] == '.' && g_ascii_isdigit(l->t[k + 1]))
            k++;
    }
    bool ends = k < l->tlen && (l->t[k] == ')' || l->t[k] == '.' || l->t[k] == ' ');
    return ends ? depth : 0;
}

/* Whether the entries from `i` to `last` all open with decimal numbers of
 * more than one depth ("1)" over "1.1)" over "1.5.1)"): the numbers give
 * the levels, however the entries are set in; `*least` the least depth. */
static bool decimal_levels(rt_builder *b, size_t i, size_t last, int *least)
{
    int lo = INT_MAX, hi = 0;
    for (size_t j = i; j <= last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->blank)
            continue;
        int d = decimal_depth(l);
        if (!d)
            return false;
        lo = MIN(lo, d);
        hi = MAX(hi, d);
    }
    *least = lo;
    return hi > lo;
}

/* The entries from line `i` to `last` by numberless_key in b->listed,
 * each with its level: 2 when it is set in deeper than the least, or
 * the depth of its decimal number when the numbers have depths (3 at
 * most: CONTENTS_MAX_LEVELS). */
static void keep_entries(rt_builder *b, size_t i, size_t last)
{
    /* (where its words start: "   III. THE LEDGER" is no deeper than
     * "     I. THE FLOOD YEAR", nor "   1.  The Quay" than "       Preface") */
    unsigned least = UINT_MAX;
    for (size_t j = i; j <= last; j++)
        if (!rt_line_at(b, j)->blank)
            least = MIN(least, words_col(rt_line_at(b, j)));
    /* (two levels when two top entries at least have entries under them:
     * a "CHAP.   PAGE" over the chapters is none) */
    size_t groups = 0, prev = SIZE_MAX;
    for (size_t j = i; j <= last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (l->blank)
            continue;
        groups +=
            prev != SIZE_MAX && words_col(rt_line_at(b, prev)) == least && words_col(l) > least;
        prev = j;
    }
    bool two = groups >= CONTENTS_MIN_PIECES;
    int depth0;
    bool decimal = decimal_levels(b, i, last, &depth0);
    if (!b->listed)
        b->listed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t j = i; j <= last; j++) {
        const rt_line *l = rt_line_at(b, j);
        char *key = l->blank ? NULL : numberless_key(l);
        int level = decimal ? MIN(decimal_depth(l) - depth0 + 1, CONTENTS_MAX_LEVELS)
                    : two && words_col(l) > least ? 2
                                                  : 1;
        if (key && *key && !g_hash_table_contains(b->listed, key))
            g_hash_table_insert(b->listed, key, GINT_TO_POINTER(level));
        else
            g_free(key);
    }
}

/* Whether every line from `i` to `last` has columns and none a page: a
 * table ("Vendémiaire      Sept.   Oct.", a calendar's months), not
 * entries. */
static bool unpaged_columns(rt_builder *b, size_t i, size_t last)
{
    for (size_t j = i; j <= last; j++) {
        const rt_line *l = rt_line_at(b, j);
        if (!l->blank && (!rt_line_has_column_gap(l) || paged(l)))
            return false;
    }
    return true;
}

size_t rt_build_contents(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    bool headed, names, part;
    if (!contents_at(b, i, &headed, &names, &part))
        return 0;
    size_t last = entries_end(b, i), n = 0;
    for (size_t j = i; last != SIZE_MAX && j <= last; j++)
        n += !rt_line_at(b, j)->blank;
    if (n < CONTENTS_MIN_ENTRIES || (!headed && !entries_recur(b, i, last, n)) ||
        (!headed && i >= first_prose(b) && !all_numbered(b, i, last)))
        return 0;
    /* (a heading after the contents over a table, "REVOLUTIONARY
     * CALENDAR.", heads no part of them) */
    if (part && unpaged_columns(b, i, last))
        return 0;
    const rt_line *l = rt_line_at(b, i);
    imprint_node *list =
        imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
    list->as.list.style = names ? IMPRINT_LIST_PLAIN : IMPRINT_LIST_BULLET;
    list->as.list.contents = !names;
    for (size_t j = i; j <= last; j++) {
        const rt_line *e = rt_line_at(b, j);
        if (e->blank)
            continue;
        imprint_node *item =
            imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, e->lineno, e->tcol));
        /* an entry's bullet ("*  Preface") is the list's, not the entry's */
        imprint_list_style style;
        int number;
        size_t skip = 0;
        if (!rt_line_list_marker(e, &style, &number, &skip) || style != IMPRINT_LIST_BULLET)
            skip = 0;
        imprint_node_append(item, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, e, skip));
        imprint_node_append(list, item);
    }
    rt_append(b, list, last);
    if (!names)
        keep_entries(b, i, last);
    if (names) {
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                             "%zu lines under a heading of persons or scenes taken as a list "
                             "of them, one an entry (to line %u)",
                             n, rt_line_at(b, last)->lineno);
        return last + 1;
    }
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                         "a table of contents of %zu entries (to line %u)%s: kept as a list; the "
                         "edition's own contents is made from the articles and headings",
                         n, rt_line_at(b, last)->lineno,
                         headed ? "" : ", its entries the headings below");
    return last + 1;
}

void rt_contents_clear(rt_builder *b)
{
    if (b->apart)
        g_hash_table_destroy(b->apart);
    if (b->listed)
        g_hash_table_destroy(b->listed);
    b->apart = b->listed = NULL;
}

/* The level the contents gives the entry with `key`, 0 if none. */
static int listed_level(const rt_builder *b, const char *key)
{
    return b->listed && *key ? GPOINTER_TO_INT(g_hash_table_lookup(b->listed, key)) : 0;
}

bool rt_listed_heading(rt_builder *b, size_t i, int *level)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    if (!b->listed || c->first != c->last || l->nchar > CONTENTS_ENTRY_CHARS ||
        rt_line_has_column_gap(l))
        return false;
    char *key = numberless_key(l);
    int found = listed_level(b, key);
    g_free(key);
    if (level)
        *level = found;
    return found > 0;
}

/* The level the contents gives heading `h`, 0 if it lists none such. */
static int heading_level(const rt_builder *b, const imprint_node *h)
{
    rt_line l = rt_line_of_text(imprint_node_plain_text(b->st->doc, h));
    char *key = numberless_key(&l);
    int level = listed_level(b, key);
    g_free(key);
    return level;
}

void rt_contents_levels(rt_builder *b)
{
    if (!b->listed)
        return;
    /* the level the contents gives each heading, and the next listed
     * heading's after it, found once */
    GPtrArray *heads = g_ptr_array_new();
    GArray *levels = g_array_new(FALSE, FALSE, sizeof(int));
    for (imprint_node *h = b->st->article->first_child; h; h = h->next)
        if (h->kind == IMPRINT_NODE_HEADING) {
            int level = heading_level(b, h);
            g_ptr_array_add(heads, h);
            g_array_append_val(levels, level);
        }
    int *next = g_new0(int, heads->len + 1);
    for (guint k = heads->len; k-- > 1;) {
        int level = g_array_index(levels, int, k);
        next[k - 1] = level ? level : next[k];
    }
    /* (a heading the contents words otherwise, "THE VIOLIN, THE POET
     * LAUREATE OF MUSIC." for "The Poet Laureate of Music", between two
     * it sets in is set in too) */
    int prev = 0;
    for (guint k = 0; k < heads->len; k++) {
        imprint_node *h = heads->pdata[k];
        int level = g_array_index(levels, int, k);
        bool between = !level && prev >= 2 && next[k] >= 2;
        int to = between ? MIN(prev, next[k]) : level;
        if (level)
            prev = level;
        if (h->as.heading.level != 1 || to < 2)
            continue;
        h->as.heading.level = to;
        imprint_diags_report(b->st->diags, IMPRINT_SEV_NOTE, h->pos,
                             between ? "heading taken as a subsection (level %d): it comes between "
                                       "two the contents sets in under another"
                                     : "heading taken as a subsection (level %d): the contents "
                                       "sets its entry in under another",
                             to);
    }
    g_free(next);
    g_ptr_array_free(heads, TRUE);
    g_array_free(levels, TRUE);
}

/* The chunk of the text after `from` whose one line has `key`
 * (entry_key), short as an entry is (a title in quotation marks,
 * '"THE FIDDLE AND THE BOW."', reads as no heading), or SIZE_MAX. */
static size_t title_chunk(const rt_state *st, size_t from, const char *key)
{
    for (size_t k = from; k < st->nchunks; k++) {
        const rt_chunk *c = &st->chunks[k];
        const rt_line *l = &st->lines[c->first];
        if (c->first != c->last || l->nchar > CONTENTS_ENTRY_CHARS)
            continue;
        char *other = entry_key(l);
        bool same = strcmp(other, key) == 0;
        g_free(other);
        if (same)
            return k;
    }
    return SIZE_MAX;
}

/* The top entries of the contents whose heading is chunk `k`: the entry
 * lines set in least, when others are set in deeper under them (a book's
 * pieces over their sections); NULL if the contents has one level. */
static GPtrArray *top_entries(const rt_state *st, size_t k, size_t *end)
{
    unsigned least = UINT_MAX, most = 0;
    size_t i = st->chunks[k].last + 1, blanks = 0, last = i;
    for (; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank) {
            if (++blanks > CONTENTS_PIECES_MAX_BLANKS)
                break;
            continue;
        }
        if (l->nchar > CONTENTS_ENTRY_CHARS || !rt_line_has_column_gap(l))
            break;
        least = MIN(least, l->indent);
        most = MAX(most, l->indent);
        blanks = 0;
        last = i;
    }
    if (least == UINT_MAX || most == least)
        return NULL;
    *end = st->lines[last].chunk + 1;
    GPtrArray *top = g_ptr_array_new_with_free_func(g_free);
    for (size_t j = st->chunks[k].last + 1; j <= last; j++) {
        const rt_line *l = &st->lines[j];
        if (l->blank || l->indent != least)
            continue;
        /* "BOOK I.", "PART THE SECOND": the parts of one work, no pieces */
        if (rt_line_opens_with_number(l) || rt_number_heading_kind(l->t, l->tlen)) {
            g_ptr_array_free(top, TRUE);
            return NULL;
        }
        g_ptr_array_add(top, entry_key(l));
    }
    return top;
}

GArray *rt_contents_pieces(const rt_state *st)
{
    size_t k = 0, end;
    while (k < st->nchunks && !(st->chunks[k].first == st->chunks[k].last &&
                                rt_line_is_contents_heading(&st->lines[st->chunks[k].first])))
        k++;
    GPtrArray *top = k < st->nchunks ? top_entries(st, k, &end) : NULL;
    if (!top)
        return NULL;
    /* each found in order; an excerpt may stop before the last */
    GArray *titles = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (guint e = 0, from = (guint)end; e < top->len; e++) {
        size_t t = title_chunk(st, from, top->pdata[e]);
        if (t == SIZE_MAX)
            break;
        g_array_append_val(titles, t);
        from = (guint)t + 1;
    }
    g_ptr_array_free(top, TRUE);
    if (titles->len < CONTENTS_MIN_PIECES) {
        g_array_free(titles, TRUE);
        return NULL;
    }
    return titles;
}
