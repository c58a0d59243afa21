/* pandoc's grid, multiline and simple tables, recognised by their rules and
 * written as the GFM pipe tables cmark-gfm reads, one line a row. */
#include "read/markdown/pandoc_internal.h"

#include <string.h>

/* Most columns a table is read with; a wider "table" is a rule of dashes
 * someone drew, and one pipe row a column must stay a sane line. */
#define MAX_TABLE_COLS 64

/* A run of rule characters: columns [start, end). */
typedef struct {
    unsigned start, end;
} run;

/* --- reading lines ----------------------------------------------------- */

static const char *text_of(const pd_state *st, unsigned i, size_t *len)
{
    *len = pd_line_len(st, i);
    return st->src + pd_line_start(st, i);
}

static bool blank(const pd_state *st, unsigned i)
{
    return i >= st->nlines || pd_line_len(st, i) == 0;
}

/* The runs of `-` separated by spaces that make up line `i` alone, or 0
 * runs. A line of tabs or other characters is no rule. */
static unsigned dash_runs(const pd_state *st, unsigned i, run *runs)
{
    size_t n;
    const char *s = text_of(st, i, &n);
    unsigned count = 0;
    for (size_t p = 0; p < n;) {
        if (s[p] == ' ') {
            p++;
            continue;
        }
        if (s[p] != '-' || count == MAX_TABLE_COLS)
            return 0;
        size_t e = p;
        while (e < n && s[e] == '-')
            e++;
        runs[count++] = (run){(unsigned)p, (unsigned)e};
        p = e;
    }
    return count;
}

static bool all_spaces(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return false;
    return true;
}

/* Whether line `i` fits columns `runs`: nothing but spaces left of the
 * first, and a space just before each other one. */
static bool fits(const pd_state *st, unsigned i, const run *runs, unsigned n)
{
    size_t len;
    const char *s = text_of(st, i, &len);
    if (memchr(s, '\t', len))
        return false;
    if (!all_spaces(s, pd_col_byte(s, len, runs[0].start)))
        return false;
    for (unsigned k = 1; k < n; k++) {
        size_t b = pd_col_byte(s, len, runs[k].start - 1);
        if (b < len && s[b] != ' ')
            return false;
    }
    return true;
}

static GPtrArray *new_row(unsigned ncols)
{
    GPtrArray *row = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    for (unsigned k = 0; k < ncols; k++)
        g_ptr_array_add(row, g_array_new(FALSE, FALSE, sizeof(pd_piece)));
    return row;
}

static void add_piece(GPtrArray *row, unsigned k, size_t start, size_t len)
{
    pd_piece p = {start, len};
    g_array_append_val(g_ptr_array_index(row, k), p);
}

/* Adds the trimmed text of columns [from, to) of line `i` (to 0: the end). */
static void add_slice(const pd_state *st, GPtrArray *row, unsigned k, unsigned i, unsigned from,
                      unsigned to)
{
    size_t len;
    const char *s = text_of(st, i, &len);
    size_t a = pd_col_byte(s, len, from), b = to ? pd_col_byte(s, len, to) : len;
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    if (b > a)
        add_piece(row, k, pd_line_start(st, i) + a, b - a);
}

/* Adds line `i`, cut at the columns of `runs`, to `row`. */
static void add_line(const pd_state *st, GPtrArray *row, unsigned i, const run *runs, unsigned n)
{
    for (unsigned k = 0; k < n; k++)
        add_slice(st, row, k, i, k ? runs[k].start : 0, k + 1 < n ? runs[k + 1].start : 0);
}

static pd_table *new_table(const char *kind, unsigned first, unsigned ncols)
{
    pd_table *t = g_new0(pd_table, 1);
    t->kind = kind;
    t->first = first;
    t->ncols = ncols;
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    return t;
}

void pd_table_free(gpointer p)
{
    pd_table *t = p;
    if (!t)
        return;
    g_ptr_array_unref(t->rows);
    g_free(t);
}

/* --- simple and multiline tables --------------------------------------- */

/* Rows from line `i` on, cut at `runs`: one a line (simple) or one a group
 * of lines between blank lines (multiline), up to a closing rule of dashes
 * (required for multiline) or, for a simple table, a blank line. Returns the
 * table's last line, or 0 if the lines do not make rows. */
static unsigned body_rows(const pd_state *st, pd_table *t, unsigned i, const run *runs, unsigned n,
                          bool multiline)
{
    run r[MAX_TABLE_COLS];
    GPtrArray *row = NULL;
    for (; i < st->nlines; i++) {
        if (blank(st, i)) {
            if (!multiline)
                return t->rows->len ? i - 1 : 0;
            if (blank(st, i + 1))
                return 0; /* two blank lines: no closing rule */
            row = NULL;
            continue;
        }
        if (dash_runs(st, i, r)) {
            /* the closing rule */
            return t->rows->len && blank(st, i + 1) ? i : 0;
        }
        if (!fits(st, i, runs, n))
            return 0;
        if (!row) {
            row = new_row(n);
            g_ptr_array_add(t->rows, row);
        }
        add_line(st, row, i, runs, n);
        if (!multiline)
            row = NULL;
    }
    return !multiline && t->rows->len ? st->nlines - 1 : 0;
}

/* A simple table with a header: a line of column heads, dashes under each,
 * rows up to a blank line. */
static pd_table *simple_table(const pd_state *st, unsigned i)
{
    run runs[MAX_TABLE_COLS];
    unsigned n;
    if (i + 2 >= st->nlines || blank(st, i) || dash_runs(st, i, runs) ||
        (n = dash_runs(st, i + 1, runs)) < 2 || !fits(st, i, runs, n))
        return NULL;
    pd_table *t = new_table("simple", i, n);
    t->header_rows = 1;
    GPtrArray *head = new_row(n);
    g_ptr_array_add(t->rows, head);
    add_line(st, head, i, runs, n);
    unsigned last = body_rows(st, t, i + 2, runs, n, false);
    if (!last || t->rows->len < 2) {
        pd_table_free(t);
        return NULL;
    }
    t->last = last;
    return t;
}

/* A multiline table: a rule of dashes, header lines, dashes under each
 * column, rows between blank lines, a closing rule. Or, without a header,
 * dashes under nothing, rows, a closing rule (a simple table when no blank
 * line is among the rows). */
static pd_table *ruled_table(const pd_state *st, unsigned i)
{
    run runs[MAX_TABLE_COLS];
    unsigned n = dash_runs(st, i, runs), h = i + 1;
    if (n == 1) {
        /* a top rule: header lines, then the column dashes */
        while (h < st->nlines && !blank(st, h) && !dash_runs(st, h, runs))
            h++;
        if (h == i + 1 || h >= st->nlines || (n = dash_runs(st, h, runs)) < 2)
            return NULL;
    } else if (n < 2) {
        return NULL;
    } else {
        h = i;
    }
    /* a blank line among the rows makes it multiline; two end the search */
    run scratch[MAX_TABLE_COLS];
    bool blank_inside = false;
    for (unsigned k = h + 1; k < st->nlines && !dash_runs(st, k, scratch); k++) {
        if (blank(st, k) && blank(st, k + 1))
            break;
        blank_inside |= blank(st, k);
    }
    bool multiline = h > i || blank_inside;
    pd_table *t = new_table(multiline ? "multiline" : "simple", i, n);
    if (h > i) {
        t->header_rows = 1;
        GPtrArray *head = new_row(n);
        g_ptr_array_add(t->rows, head);
        for (unsigned k = i + 1; k < h; k++) {
            if (!fits(st, k, runs, n)) {
                pd_table_free(t);
                return NULL;
            }
            add_line(st, head, k, runs, n);
        }
    }
    unsigned rows_before = t->rows->len;
    t->last = body_rows(st, t, h + 1, runs, n, multiline);
    /* without a header, only the closing rule tells a table from a rule */
    if (!t->last || t->rows->len == rows_before || !dash_runs(st, t->last, scratch)) {
        pd_table_free(t);
        return NULL;
    }
    return t;
}

/* --- grid tables ------------------------------------------------------- */

/* The columns of the `+` of a grid rule at line `i` ("+----+:===+"), how
 * many, or 0 if it is none; `header` tells a `=` rule. */
static unsigned grid_rule(const pd_state *st, unsigned i, unsigned *cols, bool *header)
{
    size_t n;
    const char *s = text_of(st, i, &n);
    size_t p = 0;
    while (p < n && s[p] == ' ')
        p++;
    unsigned count = 0;
    char fill = 0;
    for (; p < n; p++) {
        char c = s[p];
        if (c == '+') {
            if (count > MAX_TABLE_COLS || (count && cols[count - 1] + 1 == p))
                return 0;
            cols[count++] = (unsigned)p;
        } else if ((c == '-' || c == '=') && count && (!fill || fill == c)) {
            fill = c;
        } else if (c != ':' || !count) {
            return 0;
        }
    }
    if (count < 2 || s[n - 1] != '+' || !fill)
        return 0;
    *header = fill == '=';
    return count;
}

/* Whether line `i` is a row line of a grid with `+` columns `cols`: a `|`
 * at each (columns, not bytes: cells hold any text). */
static bool grid_content(const pd_state *st, unsigned i, const unsigned *cols, unsigned nc)
{
    size_t n;
    const char *s = text_of(st, i, &n);
    if (memchr(s, '\t', n) || !all_spaces(s, cols[0]) || n <= cols[0] || s[cols[0]] != '|')
        return false;
    for (unsigned k = 1; k < nc; k++) {
        size_t b = pd_col_byte(s, n, cols[k]);
        if (b >= n || s[b] != '|')
            return false;
    }
    return true;
}

/* Adds the cells of grid row line `i`; an empty cell line between two with
 * text, and a list item line, start a new paragraph of the cell. */
static void grid_cells(const pd_state *st, GPtrArray *row, unsigned i, const unsigned *cols,
                       unsigned nc)
{
    size_t n;
    const char *s = text_of(st, i, &n);
    for (unsigned k = 0; k + 1 < nc; k++) {
        GArray *cell = g_ptr_array_index(row, k);
        size_t a = pd_col_byte(s, n, cols[k] + 1), b = pd_col_byte(s, n, cols[k + 1]);
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        bool item = b - a >= 2 && strchr("-*+", s[a]) && s[a + 1] == ' ';
        pd_piece *last = cell->len ? &g_array_index(cell, pd_piece, cell->len - 1) : NULL;
        if (last && ((b == a && last->len) || (item && last->len)))
            add_piece(row, k, pd_line_start(st, i) + a, 0);
        if (b > a)
            add_piece(row, k, pd_line_start(st, i) + a, b - a);
    }
}

/* A grid table: `+---+` rules (a `+===+` one under the header), `|` row
 * lines. The rows above the first `=` rule inside the table are its header;
 * without one (or with `=` as the closing rule, pandoc's table foot) it has
 * none. Cells spanning columns or rows are not read: the table stays as
 * written, with `*odd` set for a warning. */
static pd_table *grid_table(const pd_state *st, unsigned i, bool *odd)
{
    unsigned cols[MAX_TABLE_COLS + 1], c2[MAX_TABLE_COLS + 1];
    bool header;
    unsigned nc = grid_rule(st, i, cols, &header);
    if (!nc)
        return NULL;
    pd_table *t = new_table("grid", i, nc - 1);
    GPtrArray *row = NULL;
    for (unsigned k = i + 1; k < st->nlines; k++) {
        unsigned m = grid_rule(st, k, c2, &header);
        if (m) {
            if (m != nc || memcmp(c2, cols, nc * sizeof *cols) != 0 || !row)
                break;
            row = NULL;
            size_t nn = 0;
            const char *next = k + 1 < st->nlines ? text_of(st, k + 1, &nn) : NULL;
            while (next && nn && *next == ' ')
                next++, nn--;
            if (!next || !nn || (*next != '|' && *next != '+')) {
                t->last = k;
                return t;
            }
            if (header && !t->header_rows)
                t->header_rows = t->rows->len;
            continue;
        }
        if (!grid_content(st, k, cols, nc))
            break;
        if (!row) {
            row = new_row(nc - 1);
            g_ptr_array_add(t->rows, row);
        }
        grid_cells(st, row, k, cols, nc);
    }
    *odd = t->rows->len > 0 || (i + 1 < st->nlines && !blank(st, i + 1));
    pd_table_free(t);
    return NULL;
}

pd_table *pd_table_at(pd_state *st, unsigned i, bool *odd)
{
    *odd = false;
    pd_table *t = grid_table(st, i, odd);
    if (!t)
        t = ruled_table(st, i);
    if (!t)
        t = simple_table(st, i);
    return t;
}

/* --- writing ----------------------------------------------------------- */

static void lit(pd_state *st, const char *s, size_t at)
{
    if (st->out)
        md_map_lit(st->out, s, strlen(s), at);
}

/* One cell: its pieces joined by spaces, paragraphs by <br>, a list item's
 * bullet made a typographic one. */
static void cell(pd_state *st, GArray *pieces)
{
    md_map v;
    md_map_init(&v);
    bool sep = false, brk = false;
    for (guint i = 0; i < pieces->len; i++) {
        pd_piece *p = &g_array_index(pieces, pd_piece, i);
        if (!p->len) {
            brk = sep; /* a break only between two pieces of text */
            continue;
        }
        if (brk)
            md_map_lit(&v, "<br>", 4, p->start);
        else if (sep)
            md_map_lit(&v, " ", 1, p->start);
        brk = false;
        size_t skip = 0;
        if (p->len >= 2 && strchr("-*+", st->src[p->start]) && st->src[p->start + 1] == ' ') {
            md_map_lit(&v, "\u2022 ", strlen("\u2022 "), p->start);
            skip = 2;
        }
        md_map_src(&v, st->src, p->start + skip, p->len - skip);
        sep = true;
    }
    pd_inline(st, &v, 0, v.text->len, PD_IN_CELL);
    md_map_clear(&v);
}

void pd_table_emit(pd_state *st, const pd_table *t, const md_map *prefix)
{
    size_t at = pd_line_start(st, t->first);
    if (st->out)
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, pd_pos(st, at),
                             "pandoc %s table read as a table of %u rows and %u columns", t->kind,
                             t->rows->len, t->ncols);
    if (st->out && st->written) {
        imprint_pandoc_table w = {st->out->text->len, t->header_rows};
        g_array_append_val(st->written, w);
    }
    for (guint r = 0; r < t->rows->len; r++) {
        GPtrArray *row = g_ptr_array_index(t->rows, r);
        for (int pass = 0; pass < (r == 0 ? 2 : 1); pass++) {
            if (st->out)
                md_map_copy(st->out, prefix, 0, prefix->text->len);
            lit(st, "|", at);
            for (unsigned k = 0; k < t->ncols; k++) {
                lit(st, pass ? " --- " : " ", at);
                if (!pass)
                    cell(st, g_ptr_array_index(row, k));
                lit(st, pass ? "|" : " |", at);
            }
            lit(st, "\n", at);
        }
    }
}
