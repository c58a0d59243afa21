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
 * One list, an item a term and its definition's paragraphs (not block
 * quotes, not headings). */
#include "read/text/text.h"

/* One entry: the term's line, its definition's first and last lines. */
typedef struct {
    size_t term, first, last;
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
        entry e = {t, rt_next_text_line(b, t), end};
        g_array_append_val(out, e);
        /* (the next term one or two blank lines down: right under the
         * definition it would be a stanza's next line) */
        size_t next = rt_next_text_line(b, end);
        t = next != SIZE_MAX && next - end >= 2 && next - end <= 3 ? next : SIZE_MAX;
    }
    return out->len;
}

size_t rt_build_definitions(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    if (st->verse || l->blank || st->chunks[l->chunk].first != i || !term_line(st, l))
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
