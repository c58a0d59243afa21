/* Tables drawn with rules and bars, as manuals typed them:
 *
 *     --------+------------------+-----------------
 *      Letter |If signaled from  |If signaled to
 *     --------+------------------+-----------------
 *     CCC     |Charge.           |Am about to charge
 *             |                  | if no orders.
 *
 * The columns are where the rules cross ('+'), and every line between has
 * a bar there; a line whose first cell is empty, or whose first cell alone
 * has text, goes on in the row above (cells wrapped over lines); the lines
 * above the rule under the first (or above the first, when the table does
 * not open with one) are the column heads. */
#include "read/text/text.h"

#include <string.h>

/* The display columns (from 0, the line's indent counted) of the '+' of a
 * rule line ("----+----", '=' for '-' too): how many, 0 when `l` is no
 * rule. */
static size_t rule_crossings(const rt_line *l, unsigned *cols)
{
    size_t n = 0, dashes = 0;
    for (size_t k = 0; k < l->tlen; k++) {
        char c = l->t[k];
        if (c == '+') {
            if (n == RULED_MAX_CROSSINGS)
                return 0;
            cols[n++] = l->indent + (unsigned)k;
        } else if (c == '-' || c == '=') {
            dashes++;
        } else if (c != ' ') {
            return 0;
        }
    }
    return dashes >= RULED_MIN_DASHES ? n : 0;
}

/* Whether `m` is a rule crossed at the `n` columns `cols`: the table's. */
static bool table_rule(const rt_line *m, const unsigned *cols, size_t n)
{
    unsigned rc[RULED_MAX_CROSSINGS];
    return rule_crossings(m, rc) == n && memcmp(rc, cols, n * sizeof *cols) == 0;
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

/* Whether line `l` has a bar at each of the `n` crossing columns (or ends
 * before the last ones: its last cells are empty). */
static bool barred(const rt_line *l, const unsigned *cols, size_t n)
{
    bool any = false;
    for (size_t k = 0; k < n; k++) {
        size_t off = offset_at(l, cols[k]);
        if (off >= l->tlen)
            return any;
        if (l->t[off] != '|' || cols[k] < l->indent)
            return false;
        any = true;
    }
    return any;
}

/* The bytes of cell `k` of a barred line (0 .. n), spaces trimmed. */
static void cell_span(const rt_line *l, const unsigned *cols, size_t n, size_t k, size_t *off,
                      size_t *len)
{
    size_t from = k == 0 ? 0 : offset_at(l, cols[k - 1]) + 1;
    size_t to = k == n ? l->tlen : offset_at(l, cols[k]);
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
static void add_piece(rt_state *st, imprint_node *cell, const rt_line *l, const unsigned *cols,
                      size_t n, size_t k)
{
    size_t off, len;
    cell_span(l, cols, n, k, &off, &len);
    if (!len)
        return;
    if (cell->first_child)
        imprint_node_append(cell,
                            imprint_node_new_text(st->doc, rt_pos(st, l->lineno, l->tcol), " ", 1));
    rt_append_inlines(st, cell, l, off, len);
}

/* A row of `n` + 1 cells made from line `l`. */
static imprint_node *new_row(rt_state *st, const rt_line *l, const unsigned *cols, size_t n,
                             bool header)
{
    imprint_node *row = imprint_node_new(st->doc, IMPRINT_NODE_ROW, rt_pos(st, l->lineno, 1));
    row->as.row.header = header;
    for (size_t k = 0; k <= n; k++) {
        unsigned col = k == 0 ? l->indent : cols[k - 1] + 1;
        imprint_node *cell =
            imprint_node_new(st->doc, IMPRINT_NODE_CELL, rt_pos(st, l->lineno, col + 1));
        add_piece(st, cell, l, cols, n, k);
        imprint_node_append(row, cell);
    }
    return row;
}

/* Adds line `l`'s cells to the last row's, cell by cell. */
static void go_on(rt_state *st, imprint_node *row, const rt_line *l, const unsigned *cols, size_t n)
{
    imprint_node *cell = row->first_child;
    for (size_t k = 0; k <= n && cell; k++, cell = cell->next)
        add_piece(st, cell, l, cols, n, k);
}

/* Whether a barred line goes on in the row above: its first cell is empty
 * (the others wrapped), or only its first cell has text (a label wrapped,
 * "(Ardois" over "and"). */
static bool goes_on(const rt_line *l, const unsigned *cols, size_t n)
{
    size_t off, len, filled = 0;
    for (size_t k = 0; k <= n; k++) {
        cell_span(l, cols, n, k, &off, &len);
        if (k == 0 && len == 0)
            return true;
        filled += len > 0;
    }
    return filled == 1;
}

size_t rt_build_ruled_table(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    if (st->chunks[l->chunk].first != i)
        return 0;
    unsigned cols[RULED_MAX_CROSSINGS];
    size_t n = 0, rows = 0, j = i;
    /* The crossings of the first rule in the chunk set the columns. */
    for (size_t k = i; k <= b->last && rt_same_chunk(b, i, k) && !n; k++)
        n = rule_crossings(rt_line_at(b, k), cols);
    if (!n)
        return 0;
    /* The column heads: the lines above the rule under them (the second
     * rule when the table opens with one), when rows follow that rule. */
    size_t heads_end = SIZE_MAX, rule_lines = 0, rows_after = 0;
    bool lead_rule = table_rule(l, cols, n);
    for (; j <= b->last && rt_same_chunk(b, i, j); j++) {
        const rt_line *m = rt_line_at(b, j);
        if (table_rule(m, cols, n)) {
            if (++rule_lines == (lead_rule ? 2u : 1u) && rows > 0) {
                heads_end = j;
                rows_after = 0;
            }
            continue;
        }
        if (!barred(m, cols, n))
            break;
        rows++;
        rows_after++;
    }
    if (!rule_lines || rows < 2)
        return 0;
    if (heads_end != SIZE_MAX && rows_after == 0)
        heads_end = SIZE_MAX; /* rules around the rows only */
    imprint_node *table =
        imprint_node_new(st->doc, IMPRINT_NODE_TABLE, rt_pos(st, l->lineno, l->tcol));
    imprint_node *row = NULL;
    bool after_rule = true;
    for (size_t k = i; k < j; k++) {
        const rt_line *m = rt_line_at(b, k);
        if (table_rule(m, cols, n)) {
            after_rule = true;
            continue;
        }
        bool header = heads_end != SIZE_MAX && k < heads_end;
        if (row && header && row->as.row.header) {
            go_on(st, row, m, cols, n); /* the heads set over lines */
        } else if (row && !after_rule && goes_on(m, cols, n)) {
            go_on(st, row, m, cols, n);
        } else {
            row = new_row(st, m, cols, n, header);
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
        j - i, n + 1,
        heads_end != SIZE_MAX ? "; the lines above the rule under the first "
                                "are the column heads"
                              : "");
    return j;
}
