/* Lists of definitions as RFCs and manuals set them: a term on a line of
 * its own, its definition set in deeper under it, with or without a blank
 * line between, term after term at one indent:
 *
 *    connection
 *       A transport layer virtual circuit established between two …
 *
 *    Source Port:  16 bits
 *
 *      The source port number.
 *
 * or a term of a word or two with its definition beside it, turned over
 * at its column:
 *
 *    ID              A 16 bit identifier assigned by the program that
 *                    generates any kind of query.
 *
 * One list, an item a term and its definition's paragraphs (not block
 * quotes, not headings, not a table's rows). */
#include "read/text/text.h"

/* One entry: the term's line and its definition's last line. */
typedef struct {
    size_t term, last;
} entry;

/* Whether line `l` may be a term: short, set at the prose's margin or
 * deeper, ending no sentence, no clause going on (":", ",", "--"), no
 * list's marker, no numbered heading, no code, no transcriber's tag. */
static bool term_line(const rt_state *st, const rt_line *l)
{
    imprint_list_style style;
    int number;
    size_t skip;
    /* (a column gap: "width          - holds the width", a term and its
     * definition on one line, turned over below) */
    if (l->blank || l->code || l->notedef || l->nsegs || l->indent < st->base_indent ||
        l->nchar > DEFINITION_TERM_MAX_CHARS || rt_line_list_marker(l, &style, &number, &skip) ||
        rt_number_heading_kind(l->t, l->tlen) || rt_line_has_column_gap(l))
        return false;
    char last = l->t[l->tlen - 1];
    return l->t[0] != '[' && last != '.' && last != ':' && last != ',' && last != ';' &&
           last != '!' && last != '?' && last != '-' && !rt_line_ends_with_joiner(l);
}

/* The last line of the definition under the term at line `t` (its lines
 * set in deeper than the term, deeper than the prose's margin, one blank
 * line at most between its paragraphs, each paragraph one line: verse's
 * lines and code stay out), or SIZE_MAX when there is none. */
static size_t definition_end(rt_builder *b, size_t t)
{
    rt_state *st = b->st;
    const rt_line *term = rt_line_at(b, t);
    size_t k = rt_next_text_line(b, t), last = SIZE_MAX;
    unsigned at = 0;
    while (k != SIZE_MAX && k - (last == SIZE_MAX ? t : last) <= 2) {
        const rt_line *l = rt_line_at(b, k);
        if (l->code || l->indent < term->indent + 2 || l->indent <= st->base_indent ||
            (at && l->indent != at))
            break;
        /* (a definition opens as a sentence does, in a capital: "in pixels
         * (up to 2^31)." under a line goes on with it, "[Figure 29]" is a
         * picture's place, a line in quotes a verse's) */
        gunichar c = g_utf8_get_char(l->t);
        if (!at && !g_unichar_isupper(c) && !g_unichar_isdigit(c))
            return SIZE_MAX;
        /* (a run of several lines under one another is no paragraph: a stanza) */
        if (k + 1 <= b->last && !rt_line_at(b, k + 1)->blank &&
            rt_line_at(b, k + 1)->indent >= term->indent + 2)
            return SIZE_MAX;
        at = l->indent;
        last = k;
        k = rt_next_text_line(b, k);
    }
    return last;
}

/* The entries from line `i`, in `out`; how many. */
static size_t find_entries(rt_builder *b, size_t i, GArray *out)
{
    rt_state *st = b->st;
    unsigned indent = rt_line_at(b, i)->indent;
    for (size_t t = i; t != SIZE_MAX;) {
        const rt_line *l = rt_line_at(b, t);
        if (l->indent != indent || !term_line(st, l))
            break;
        size_t end = definition_end(b, t);
        if (end == SIZE_MAX)
            break;
        entry e = {t, end};
        g_array_append_val(out, e);
        /* (the next term one or two blank lines down: right under the
         * definition it would be a stanza's next line) */
        size_t next = rt_next_text_line(b, end);
        t = next != SIZE_MAX && next - end >= 2 && next - end <= 3 ? next : SIZE_MAX;
    }
    return out->len;
}

/* A term and its definition on one line, parted by a gap of
 * WRAP_COLUMN_GAP spaces ("ID              A 16 bit identifier assigned
 * by the program that"): the term's length in bytes and the column
 * (from 0) the definition opens at, or false. */
static bool hanging_term(const rt_state *st, const rt_line *l, size_t *term, unsigned *col)
{
    if (l->blank || l->code || l->notedef || l->nsegs || l->indent < st->base_indent)
        return false;
    size_t k = 0, run = 0;
    while (k < l->tlen && run < WRAP_COLUMN_GAP) {
        run = l->t[k] == ' ' ? run + 1 : 0;
        k++;
    }
    size_t len = k - run;
    while (k < l->tlen && l->t[k] == ' ')
        k++;
    /* (a term of a word or two, "ID", "<BIT MAP>"; more, "Book A (in
     * folio)", heads a table's row; so does a line of more columns) */
    if (run < WRAP_COLUMN_GAP || k >= l->tlen ||
        rt_utf8_cols(l->t, len) > DEFINITION_TERM_MAX_CHARS ||
        rt_count_words(l->t, len) > DEFINITION_HANG_TERM_WORDS) {
        return false;
    }
    for (size_t q = k, gap = 0; q < l->tlen; q++) {
        gap = l->t[q] == ' ' ? gap + 1 : 0;
        if (gap >= WRAP_COLUMN_GAP || l->t[q] == '\t')
            return false;
    }
    *term = len;
    *col = l->indent + rt_utf8_cols(l->t, k);
    return true;
}

/* The entries from line `i` set so, a term and its definition on its
 * line, the definition turned over at its own column below ("ID  A 16 bit
 * identifier …" / "    generates any kind of query."), every entry's
 * definition at one column; in `out`, with `cols` the column. */
static size_t find_hanging(rt_builder *b, size_t i, GArray *out, unsigned *cols)
{
    rt_state *st = b->st;
    unsigned indent = rt_line_at(b, i)->indent, col = 0;
    for (size_t t = i; t != SIZE_MAX;) {
        const rt_line *l = rt_line_at(b, t);
        size_t len;
        unsigned c;
        if (l->indent != indent || !hanging_term(st, l, &len, &c) || (col && c != col))
            break;
        col = c;
        size_t end = t;
        while (end < b->last && !rt_line_at(b, end + 1)->blank &&
               rt_line_at(b, end + 1)->indent == col &&
               !rt_line_has_column_gap(rt_line_at(b, end + 1)))
            end++;
        entry e = {t, end};
        g_array_append_val(out, e);
        /* (one blank line between entries: rows right under one another
         * are a table's, "PNG_TRANSFORM_IDENTITY   No transformation") */
        size_t next = rt_next_text_line(b, end);
        t = next != SIZE_MAX && next - end == 2 ? next : SIZE_MAX;
    }
    *cols = col;
    return out->len;
}

/* Whether hanging entries read as definitions, not a table's rows: half
 * of them or more turned over, or of DEFINITION_HANG_WORDS words. */
static bool defined(rt_builder *b, const GArray *entries)
{
    size_t prose = 0;
    for (guint k = 0; k < entries->len; k++) {
        const entry *e = &g_array_index(entries, entry, k);
        const rt_line *l = rt_line_at(b, e->term);
        size_t len;
        unsigned col;
        hanging_term(b->st, l, &len, &col);
        prose +=
            e->last > e->term || rt_count_words(l->t + len, l->tlen - len) >= DEFINITION_HANG_WORDS;
    }
    return prose * 2 >= entries->len;
}

/* A hanging entry as an item: the term, then its definition's text, the
 * turned lines joined with spaces. */
static imprint_node *hanging_item(rt_builder *b, const entry *e, unsigned col)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, e->term);
    size_t len;
    unsigned c;
    hanging_term(st, l, &len, &c);
    imprint_node *item =
        imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, l->lineno, l->tcol));
    imprint_node *term =
        imprint_node_new(st->doc, IMPRINT_NODE_PARAGRAPH, rt_pos(st, l->lineno, l->tcol));
    rt_append_inlines(st, term, l, 0, len);
    imprint_node_append(item, term);
    imprint_node *def =
        imprint_node_new(st->doc, IMPRINT_NODE_PARAGRAPH, rt_pos(st, l->lineno, col + 1));
    size_t off = len;
    while (off < l->tlen && l->t[off] == ' ')
        off++;
    rt_append_inlines(st, def, l, off, l->tlen - off);
    for (size_t j = e->term + 1; j <= e->last; j++) {
        const rt_line *m = rt_line_at(b, j);
        imprint_node_append(def,
                            imprint_node_new_text(st->doc, rt_pos(st, m->lineno, m->tcol), " ", 1));
        rt_append_inlines(st, def, m, 0, m->tlen);
    }
    imprint_node_append(item, def);
    return item;
}

/* The list of terms on lines of their own from line `i`, or 0. */
static size_t set_in_definitions(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    /* (in a play, a name over its speech set in: "CLERK" / "      Then wait.") */
    if (st->verse || b->play || l->blank || st->chunks[l->chunk].first != i || !term_line(st, l))
        return 0;
    GArray *entries = g_array_new(FALSE, FALSE, sizeof(entry));
    size_t n = find_entries(b, i, entries), end = 0;
    if (n >= DEFINITION_MIN_ENTRIES) {
        imprint_node *list =
            imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
        list->as.list.style = IMPRINT_LIST_PLAIN;
        list->as.list.start = 1;
        for (guint k = 0; k < entries->len; k++) {
            const entry *e = &g_array_index(entries, entry, k);
            const rt_line *t = rt_line_at(b, e->term);
            imprint_node *item =
                imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, t->lineno, t->tcol));
            for (size_t j = e->term; j <= e->last; j++)
                if (!rt_line_at(b, j)->blank)
                    imprint_node_append(
                        item, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, rt_line_at(b, j), 0));
            imprint_node_append(list, item);
            end = e->last;
        }
        rt_append(b, list, end);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                             "%zu terms, each on a line over its definition set in deeper, "
                             "taken as a list of definitions (to line %u)",
                             n, rt_line_last_lineno(rt_line_at(b, end)));
        end++;
    }
    g_array_free(entries, TRUE);
    return end;
}

size_t rt_build_definitions(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    size_t len;
    unsigned col;
    if (!st->verse && !l->blank && st->chunks[l->chunk].first == i &&
        hanging_term(st, l, &len, &col)) {
        GArray *entries = g_array_new(FALSE, FALSE, sizeof(entry));
        size_t n = find_hanging(b, i, entries, &col), end = 0;
        if (n >= DEFINITION_MIN_ENTRIES && defined(b, entries)) {
            imprint_node *list =
                imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
            list->as.list.style = IMPRINT_LIST_PLAIN;
            list->as.list.start = 1;
            for (guint k = 0; k < entries->len; k++)
                imprint_node_append(list, hanging_item(b, &g_array_index(entries, entry, k), col));
            end = g_array_index(entries, entry, entries->len - 1).last;
            rt_append(b, list, end);
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                                 "%zu terms, each with its definition beside it (at column %u) "
                                 "turned over below, taken as a list of definitions (to line %u)",
                                 n, col + 1, rt_line_last_lineno(rt_line_at(b, end)));
            end++;
        }
        g_array_free(entries, TRUE);
        if (end)
            return end;
    }
    return set_in_definitions(b, i);
}
