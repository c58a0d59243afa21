/* Tables drawn with rules and bars, as manuals typed them:
 *
 *     --------+------------------+-----------------
 *      Letter |If signaled from  |If signaled to
 *     --------+------------------+-----------------
 *     CCC     |Charge.           |Am about to charge
 *             |                  | if no orders.
 *
 * The columns are where the rules cross ('+', and a bar that meets a rule
 * at its end: "|-----+-----|"), and every line between has
 * a bar there (a grid's outer bars, "| a | b |", are its borders); a line
 * whose first cell is empty, or whose first cell alone has text, goes on
 * in the row above (cells wrapped over lines); the lines above the rule
 * under the heads are the column heads (heads_rule). */
#include "read/text/text.h"

#include <string.h>

/* The display columns (from 0, the line's indent counted) of the '+' of a
 * rule line ("----+----", '=' for '-' too): how many, 0 when `l` is no
 * rule. */
static size_t rule_crossings(const rt_line *l, unsigned *cols)
{
    size_t n = 0, dashes = 0, pluses = 0;
    for (size_t k = 0; k < l->tlen; k++) {
        char c = l->t[k];
        /* a bar counts only where it meets the rule at its ends, "|-" and
         * "-|" (an ASCII drawing's "|    +----" is no rule) */
        bool bar = c == '|' && ((k == 0 && k + 1 < l->tlen && l->t[k + 1] == '-') ||
                                (k + 1 == l->tlen && k > 0 && l->t[k - 1] == '-'));
        pluses += c == '+';
        if (c == '+' || bar) {
            if (n == RULED_MAX_CROSSINGS)
                return 0;
            cols[n++] = l->indent + (unsigned)k;
        } else if (c == '-' || c == '=') {
            dashes++;
        } else if (c != ' ') {
            return 0;
        }
    }
    return dashes >= RULED_MIN_DASHES && pluses ? n : 0;
}

/* Whether `m` is a rule of the table crossed at the `n` columns `cols`:
 * crossed at them all, or at some of them from the first to the last (a
 * grid's outer rule, "+------------+", drawn over cells it parts below). */
static bool table_rule(const rt_line *m, const unsigned *cols, size_t n)
{
    unsigned rc[RULED_MAX_CROSSINGS];
    size_t got = rule_crossings(m, rc), k = 0;
    if (!got || rc[0] != cols[0] || rc[got - 1] != cols[n - 1])
        return false;
    for (size_t j = 0; j < got; j++) {
        while (k < n && cols[k] < rc[j])
            k++;
        if (k == n || cols[k] != rc[j])
            return false;
    }
    return true;
}

bool rt_line_is_crossed_rule(const rt_line *l)
{
    unsigned cols[RULED_MAX_CROSSINGS];
    return rule_crossings(l, cols) > 0;
}

/* The byte offset in `l->t` of the character at display column `col`, or
 * `l->tlen` when the line ends before it. */
static size_t offset_at(const rt_line *l, unsigned col)
{
    if (col < l->indent)
        return 0;
    unsigned at = l->indent;
    size_t k = 0;
    while (k < l->tlen && at < col) {
        k = (size_t)(g_utf8_next_char(l->t + k) - l->t);
        at++;
    }
    return k;
}

/* A drawn table's columns: where its rule crosses, and the cells between
 * the crossings that hold text. A rule that opens or closes on a crossing
 * ("+------+------+", a grid) has bars for borders there: no cell outside
 * them. */
typedef struct {
    unsigned cols[RULED_MAX_CROSSINGS];
    size_t n;      /* crossings */
    size_t lo, hi; /* the cells of text, `lo` to `hi` (cell k ends at crossing k) */
} ruling;

/* Whether line `l` has a bar at each crossing of `r` (or ends before the
 * last ones: its last cells are empty). */
static bool barred(const rt_line *l, const ruling *r)
{
    bool any = false;
    for (size_t k = 0; k < r->n; k++) {
        if (r->cols[k] < l->indent)
            return false;
        size_t off = offset_at(l, r->cols[k]);
        if (off >= l->tlen)
            return any;
        if (l->t[off] != '|')
            return false;
        any = true;
    }
    return any;
}

/* The bytes of cell `k` of a barred line (0 .. n), spaces trimmed. */
static void cell_span(const rt_line *l, const ruling *r, size_t k, size_t *off, size_t *len)
{
    size_t from = k == 0 ? 0 : offset_at(l, r->cols[k - 1]) + 1;
    size_t to = k == r->n ? l->tlen : offset_at(l, r->cols[k]);
    from = MIN(from, l->tlen);
    to = MAX(MIN(to, l->tlen), from);
    while (from < to && l->t[from] == ' ')
        from++;
    while (to > from && l->t[to - 1] == ' ')
        to--;
    *off = from;
    *len = to - from;
}

/* Appends cell `k` of line `l` to `cell`, after a space when it has text. */
static void add_piece(rt_state *st, imprint_node *cell, const rt_line *l, const ruling *r, size_t k)
{
    size_t off, len;
    cell_span(l, r, k, &off, &len);
    if (!len)
        return;
    if (cell->first_child)
        imprint_node_append(cell,
                            imprint_node_new_text(st->doc, rt_pos(st, l->lineno, l->tcol), " ", 1));
    rt_append_inlines(st, cell, l, off, len);
}

/* A row of the cells of text of line `l`. */
static imprint_node *new_row(rt_state *st, const rt_line *l, const ruling *r, bool header)
{
    imprint_node *row = imprint_node_new(st->doc, IMPRINT_NODE_ROW, rt_pos(st, l->lineno, 1));
    row->as.row.header = header;
    for (size_t k = r->lo; k <= r->hi; k++) {
        unsigned col = k == 0 ? l->indent : r->cols[k - 1] + 1;
        imprint_node *cell =
            imprint_node_new(st->doc, IMPRINT_NODE_CELL, rt_pos(st, l->lineno, col + 1));
        add_piece(st, cell, l, r, k);
        imprint_node_append(row, cell);
    }
    return row;
}

/* Adds line `l`'s cells to the last row's, cell by cell. */
static void go_on(rt_state *st, imprint_node *row, const rt_line *l, const ruling *r)
{
    imprint_node *cell = row->first_child;
    for (size_t k = r->lo; k <= r->hi && cell; k++, cell = cell->next)
        add_piece(st, cell, l, r, k);
}

/* Whether a barred line goes on in the row above: its first cell is empty
 * (the others wrapped), or only its first cell has text (a label wrapped,
 * "(Ardois" over "and"). */
static bool goes_on(const rt_line *l, const ruling *r)
{
    size_t off, len, filled = 0;
    for (size_t k = r->lo; k <= r->hi; k++) {
        cell_span(l, r, k, &off, &len);
        if (k == r->lo && len == 0)
            return true;
        filled += len > 0;
    }
    return filled == 1;
}

/* The columns of lines `i` to `j`: those of their rule crossed most (a
 * grid's outer rule may cross only at its corners), or false when they
 * have no rule. */
static bool ruling_of(const rt_line *lines, size_t i, size_t j, ruling *r)
{
    const rt_line *best = NULL;
    unsigned cols[RULED_MAX_CROSSINGS];
    r->n = 0;
    for (size_t k = i; k <= j; k++) {
        size_t n = rule_crossings(&lines[k], cols);
        if (n > r->n) {
            r->n = n;
            memcpy(r->cols, cols, n * sizeof *cols);
            best = &lines[k];
        }
    }
    if (!best)
        return false;
    r->lo = r->cols[0] == best->indent;
    r->hi = r->n - (r->cols[r->n - 1] + 1 == best->indent + rt_utf8_cols(best->t, best->tlen));
    return r->lo <= r->hi;
}

/* How far the table from line `i` runs in lines `i` to `last`: the line
 * after its last rule or barred line; `*rules` and `*rows` counted. */
static size_t table_end(const rt_line *lines, size_t i, size_t last, const ruling *r, size_t *rules,
                        size_t *rows)
{
    size_t j = i;
    *rules = *rows = 0;
    for (; j <= last; j++) {
        if (table_rule(&lines[j], r->cols, r->n))
            (*rules)++;
        else if (barred(&lines[j], r))
            (*rows)++;
        else
            break;
    }
    return j;
}

/* Whether a table drawn with rules of two columns or more runs from line
 * `k` within lines `k` to `j`. */
static bool table_from(const rt_line *lines, size_t k, size_t j)
{
    ruling r;
    size_t rules, rows;
    /* (one column between rules is a box, a drawing's: RFC 1035's message
     * of "| Header |" over "| Question |") */
    if (!ruling_of(lines, k, j, &r) || r.hi <= r.lo)
        return false;
    table_end(lines, k, j, &r, &rules, &rows);
    return rules && rows >= 2;
}

bool rt_lines_ruled_table(const rt_line *lines, size_t i, size_t j)
{
    if (table_from(lines, i, j))
        return true;
    /* (or from the first rule, under caption lines: once, so that a run of
     * rules alone costs one pass, not one a rule) */
    for (size_t k = i + 1; k <= j; k++)
        if (rt_line_is_crossed_rule(&lines[k]))
            return table_from(lines, k, j);
    return false;
}

/* The line of the rule under the column heads of the table from line `i`
 * to `j` (exclusive), or SIZE_MAX: a rule of '=' when there is one (a
 * grid's, whose '-' rules may part every row); else, when the rules only
 * open the table, part its heads and close it, the one under the lines
 * above it (the second when the table opens with a rule). Rows are both
 * above and below it. */
static size_t heads_rule(rt_builder *b, size_t i, size_t j, const ruling *r)
{
    size_t rules[3], nr = 0, eq = SIZE_MAX, first_row = SIZE_MAX, last_row = 0;
    for (size_t k = i; k < j; k++) {
        const rt_line *m = rt_line_at(b, k);
        if (!table_rule(m, r->cols, r->n)) {
            first_row = MIN(first_row, k);
            last_row = k;
            continue;
        }
        if (eq == SIZE_MAX && memchr(m->t, '=', m->tlen))
            eq = k;
        if (nr < G_N_ELEMENTS(rules))
            rules[nr] = k;
        nr++;
    }
    size_t under = eq;
    bool lead = rules[0] == i;
    if (under == SIZE_MAX && nr <= G_N_ELEMENTS(rules) && nr > (size_t)lead)
        under = rules[lead];
    return under != SIZE_MAX && first_row < under && last_row > under ? under : SIZE_MAX;
}

size_t rt_build_ruled_table(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    ruling r;
    /* (a table may open under a caption line: "Table 2.1: Device Names") */
    if (st->chunks[l->chunk].first != i && !rt_line_is_crossed_rule(l))
        return 0;
    size_t last = MIN(b->last, st->chunks[l->chunk].last), rows, rules;
    if (!ruling_of(st->lines, i, last, &r))
        return 0;
    size_t j = table_end(st->lines, i, last, &r, &rules, &rows);
    if (!rules || rows < 2)
        return 0;
    size_t heads = heads_rule(b, i, j, &r);
    imprint_node *table =
        imprint_node_new(st->doc, IMPRINT_NODE_TABLE, rt_pos(st, l->lineno, l->tcol));
    imprint_node *row = NULL;
    bool after_rule = true;
    for (size_t k = i; k < j; k++) {
        const rt_line *m = rt_line_at(b, k);
        if (table_rule(m, r.cols, r.n)) {
            after_rule = true;
            continue;
        }
        bool header = heads != SIZE_MAX && k < heads;
        if (row && header && row->as.row.header) {
            go_on(st, row, m, &r); /* the heads set over lines */
        } else if (row && !after_rule && goes_on(m, &r)) {
            go_on(st, row, m, &r);
        } else {
            row = new_row(st, m, &r, header);
            imprint_node_append(table, row);
        }
        after_rule = false;
    }
    rt_append(b, table, j - 1);
    imprint_diags_report(
        st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
        "%zu lines drawn with rules and bars taken as a table of %zu columns "
        "(a line with an empty first cell, or text in its first cell alone, goes on in the "
        "row above%s)",
        j - i, r.hi - r.lo + 1,
        heads != SIZE_MAX ? "; the lines above the rule under the heads are the column heads" : "");
    return j;
}
