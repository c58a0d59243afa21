/* Blocks of one article of the text reader: headings, paragraphs, quotes and
 * their citations, lists, speech, tables, figures, verse, bibliographies. */

#include <string.h>

#include "read/text/text.h"

/* The pasted bullet ("•", "◦", "▪", "‣") line `l` opens with, or 0: word
 * processors nest "◦" under "•" and "▪" under "◦" at one indent. */
static gunichar pasted_bullet(const rt_line *l)
{
    gunichar c = g_utf8_get_char(l->t);
    return rt_is_pasted_bullet(c) ? c : 0;
}

/* Whether a list level's items and line `l`'s open with different pasted
 * bullets. */
static bool other_bullet(const rt_list_level *lv, const rt_line *l)
{
    gunichar g = pasted_bullet(l);
    return g && lv->glyph && g != lv->glyph;
}

static bool add_item(rt_builder *b, size_t i, imprint_list_style style, int number, size_t skip)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    if (style == IMPRINT_LIST_DECIMAL)
        b->decimal_next = number + 1;
    if (b->depth > 0 && b->last_block != b->stack[0].list)
        b->depth = 0;
    int level = -1;
    for (int d = b->depth - 1; d >= 0 && level < 0; d--) {
        rt_list_level *lv = &b->stack[d];
        if (lv->style == style && lv->indent == l->indent &&
            (style == IMPRINT_LIST_BULLET || number == lv->next) && !other_bullet(lv, l))
            level = d;
    }
    imprint_node *item =
        imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, l->lineno, l->tcol));
    imprint_node_append(item, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, l, skip));
    if (level >= 0) {
        b->depth = level + 1;
        rt_list_level *lv = &b->stack[level];
        imprint_node_append(lv->list, item);
        lv->next = number + 1;
        b->last_line = i;
        return true;
    }
    imprint_node *list =
        imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
    list->as.list.style = style;
    list->as.list.start = style == IMPRINT_LIST_BULLET ? 1 : number;
    imprint_node_append(list, item);
    rt_list_level *top = b->depth ? &b->stack[b->depth - 1] : NULL;
    bool nest = top && (l->indent > top->indent ||
                        (style == IMPRINT_LIST_ALPHA && top->style != IMPRINT_LIST_ALPHA) ||
                        (l->indent == top->indent && other_bullet(top, l)));
    if (nest) {
        /* ARTICLE > (LIST > ITEM) per level: two tree levels a list */
        if (2 * (b->depth + 1) + 1 > IMPRINT_MAX_DEPTH) {
            imprint_diags_report(st->diags, IMPRINT_SEV_ERROR, rt_pos(st, l->lineno, l->tcol),
                                 "lists nested more than %d levels deep; the model's limit is %d "
                                 "levels of blocks",
                                 b->depth, IMPRINT_MAX_DEPTH);
            return false;
        }
        imprint_node_append(top->list->last_child, list);
        if (l->indent == top->indent && other_bullet(top, l))
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                                 "a line opening with a bullet new to its list under items "
                                 "opening with another (\"◦\" under \"•\"): a list inside the "
                                 "item above");
        b->stack[b->depth++] =
            (rt_list_level){list, style, number + 1, l->indent, pasted_bullet(l)};
        b->last_line = i;
        return true;
    }
    rt_append(b, list, i);
    b->depth = 1;
    b->stack[0] = (rt_list_level){list, style, number + 1, l->indent, pasted_bullet(l)};
    return true;
}

static void bib_item(rt_builder *b, const rt_chunk *c)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, c->first);
    if (!b->bib_list || b->last_block != b->bib_list) {
        imprint_node *list =
            imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
        list->as.list.style = IMPRINT_LIST_BULLET;
        list->as.list.start = 1;
        list->as.list.bibliography = true;
        rt_append(b, list, c->last);
        b->bib_list = list;
        b->bib_implicit = c->bib == RT_BIB_IMPLICIT;
        if (b->bib_implicit) {
            size_t k = l->chunk;
            while (k + 1 < st->nchunks && st->chunks[k + 1].bib == RT_BIB_IMPLICIT)
                k++;
            imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, rt_pos(st, l->lineno, l->tcol),
                                 "%zu short lines (to line %u) without a heading taken as a "
                                 "list of references (bibliography)",
                                 k - l->chunk + 1, st->lines[st->chunks[k].last].lineno);
        }
    }
    imprint_node *item =
        imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, l->lineno, l->tcol));
    imprint_node *bibl =
        imprint_node_new(st->doc, IMPRINT_NODE_BIBL, rt_pos(st, l->lineno, l->tcol));
    for (size_t i = c->first; i <= c->last; i++) {
        const rt_line *m = rt_line_at(b, i);
        if (m->notedef)
            continue;
        if (bibl->first_child)
            imprint_node_append(bibl, imprint_node_new(st->doc, IMPRINT_NODE_LINEBREAK,
                                                       rt_pos(st, m->lineno, m->tcol)));
        rt_append_inlines(st, bibl, m, 0, m->tlen);
    }
    imprint_node_append(item, bibl);
    imprint_node_append(b->bib_list, item);
    b->last_line = c->last;
}

/* Shortest cell of a rule under a table's first row: a lone "-" is a
 * cell's "none", "---" the least anyone types to draw a line. */
#define TABLE_RULE_MIN 3

/* Whether every cell of line `m` (its `cells` as rt_line_table_cells gives
 * them) is a run of `-` or of `=`: "------    ----    =====". */
static bool rule_cells(const rt_line *m, const GPtrArray *cells)
{
    for (guint k = 0; k < cells->len; k += 2) {
        const char *c = m->t + GPOINTER_TO_SIZE(cells->pdata[k]);
        size_t len = GPOINTER_TO_SIZE(cells->pdata[k + 1]);
        if (len < TABLE_RULE_MIN || (c[0] != '-' && c[0] != '='))
            return false;
        for (size_t q = 1; q < len; q++)
            if (c[q] != c[0])
                return false;
    }
    return cells->len > 0;
}

/* The columns a cell of `m` (its `cells`) starts and ends at. */
static void cell_cols(const rt_line *m, const GPtrArray *cells, guint k, unsigned *from,
                      unsigned *to)
{
    size_t off = GPOINTER_TO_SIZE(cells->pdata[k]), len = GPOINTER_TO_SIZE(cells->pdata[k + 1]);
    *from = m->indent + rt_utf8_cols(m->t, off);
    *to = *from + rt_utf8_cols(m->t + off, len);
}

/* Whether the cells of row `m` line up with those of row `a` (each but
 * the first starts, ends or is centred where its fellow is, within
 * ALIGN_TOLERANCE),
 * when spaces set them apart: a table's columns; two lines of prose with
 * wide spaces by chance ("clever man."   And the dogs") are none. */
static bool columns_align(const rt_line *a, const GPtrArray *ac, const rt_line *m,
                          const GPtrArray *mc)
{
    /* (cells told by their numbers, "Year 1937 1938", align in no column) */
    if (!g_strstr_len(a->t, (gssize)a->tlen, "  ") || !g_strstr_len(m->t, (gssize)m->tlen, "  "))
        return true;
    for (guint k = 2; k < ac->len && k < mc->len; k += 2) {
        unsigned af, at, mf, mt;
        cell_cols(a, ac, k, &af, &at);
        cell_cols(m, mc, k, &mf, &mt);
        unsigned ac2 = af + at, mc2 = mf + mt; /* twice the middles */
        if ((af > mf ? af - mf : mf - af) > ALIGN_TOLERANCE &&
            (at > mt ? at - mt : mt - at) > ALIGN_TOLERANCE &&
            (ac2 > mc2 ? ac2 - mc2 : mc2 - ac2) > 2 * ALIGN_TOLERANCE)
            return false;
    }
    return true;
}

/* Whether line `g` ends before the second column of row `m` (its `cells`)
 * starts: a group's name in the first column ("_Christmas Stories_--" over
 * its stories), not a line of verse or prose running across the columns. */
static bool in_first_column(const rt_line *g, const rt_line *m, const GPtrArray *cells)
{
    unsigned from, to;
    cell_cols(m, cells, 2, &from, &to);
    return g->indent + g->nchar < from;
}

/* What a line of an aligned table is. */
typedef enum {
    TABLE_ROW,    /* a row of the table's cells */
    TABLE_GROUP,  /* a group's name alone in the first column */
    TABLE_PLACED, /* a row whose cells fall in the columns by where they start */
    TABLE_TURN,   /* a cell of the row above turned over, under its column */
    TABLE_GAP,    /* a blank line between rows set apart */
} table_role;

typedef struct {
    size_t line;
    table_role role;
    guint column; /* a TABLE_TURN's */
} table_line;

/* The column of row `a` (its cells `ac`) that text column `x` falls in:
 * the last that starts at most ALIGN_TOLERANCE after `x`; whether it
 * starts there (`*anchored`). */
static guint column_at(const rt_line *a, const GPtrArray *ac, unsigned x, bool *anchored)
{
    guint col = 0;
    *anchored = false;
    for (guint k = 0; k < ac->len; k += 2) {
        unsigned from, to;
        cell_cols(a, ac, k, &from, &to);
        if (from > x + ALIGN_TOLERANCE)
            break;
        col = k / 2;
        *anchored = (from > x ? from - x : x - from) <= ALIGN_TOLERANCE;
    }
    return col;
}

/* Each cell's column of row `m` (its cells `mc`) under row `a` (`ac`), by
 * where it starts, into `cols` (one a cell): a row whose cells split or
 * merge otherwise than the first's ("Op.  7       (E flat)" under "Op.  2
 * No. 1 (F minor)", ditto marks '"    "' for words). It is one when its
 * cells run left to right and TABLE_PLACED_MIN_ANCHORS of them start where
 * their columns do: a line of prose with a wide space by chance starts its
 * first there, and another seldom. */
static bool placed_row(const rt_line *a, const GPtrArray *ac, const rt_line *m, const GPtrArray *mc,
                       guint *cols)
{
    guint anchors = 0, last = 0;
    if (mc->len < 4)
        return false;
    for (guint k = 0; k < mc->len; k += 2) {
        unsigned from, to;
        bool anchored;
        cell_cols(m, mc, k, &from, &to);
        guint col = column_at(a, ac, from, &anchored);
        if (k > 0 && col < last)
            return false;
        if (anchored && (k == 0 || col != last))
            anchors++;
        cols[k / 2] = last = col;
    }
    return anchors >= TABLE_PLACED_MIN_ANCHORS;
}

/* The column, 1 or more, that line `m` alone under row `a` (its `ac`)
 * starts in (column_at): a cell of the row turned over ("(Middle movement
 * begins in" under "Allegro, Grave, Allegro.", "die Abwesenheit," under
 * "(E flat; "Das Lebewohl,"). 0 when it starts in the first, or holds
 * more than one cell (a line with no wide space is one). */
static guint turned_column(const rt_line *a, const GPtrArray *ac, const rt_line *m, GPtrArray *mc)
{
    if (rt_line_table_cells(m, mc) > 1 || m->indent == 0)
        return 0;
    bool anchored;
    return column_at(a, ac, m->indent, &anchored);
}

/* The lines of the table whose first row is line `i` (its `n` cells
 * `first`): rows that line up with it, groups' names, rows read by where
 * their cells start, cells turned over under their column, and, when rows
 * that turn their cells over stand one a chunk, the rows of the chunks
 * after it. */
static GArray *table_lines(rt_builder *b, size_t i, int n, const GPtrArray *first)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(table_line));
    GPtrArray *cells = g_ptr_array_new();
    const rt_line *a = rt_line_at(b, i);
    table_line t = {i, TABLE_ROW, 0};
    g_array_append_val(out, t);
    size_t rows_in_chunk = 1;
    bool turned = false; /* a row's cell turned over, so far */
    guint cols[TABLE_MAX_CELLS];
    for (size_t j = i + 1; j <= b->last; j++) {
        const rt_line *m = rt_line_at(b, j);
        int here;
        guint col;
        bool after_gap = g_array_index(out, table_line, out->len - 1).role == TABLE_GAP;
        if (!after_gap && !rt_same_chunk(b, j - 1, j)) {
            /* a row alone, a blank line, a row aligned with the first, in
             * a table whose rows turn their cells over (so the blank lines
             * set rows apart): the table goes on */
            if (rows_in_chunk != 1 || !m->blank || j + 1 > b->last || rt_line_at(b, j + 1)->blank ||
                rt_line_table_cells(rt_line_at(b, j + 1), cells) != n ||
                !columns_align(a, first, rt_line_at(b, j + 1), cells) ||
                !(turned || (j + 2 <= b->last && rt_same_chunk(b, j + 1, j + 2) &&
                             turned_column(a, first, rt_line_at(b, j + 2), cells))))
                break;
            t = (table_line){j, TABLE_GAP, 0};
            g_array_append_val(out, t);
            rows_in_chunk = 0;
            continue;
        }
        here = rt_line_table_cells(m, cells);
        if (here == n && columns_align(a, first, m, cells)) {
            t = (table_line){j, TABLE_ROW, 0};
            rows_in_chunk++;
        } else if (here <= 1 && j + 1 <= b->last && rt_same_chunk(b, j, j + 1) &&
                   rt_line_table_cells(rt_line_at(b, j + 1), cells) == n &&
                   columns_align(a, first, rt_line_at(b, j + 1), cells) &&
                   in_first_column(m, rt_line_at(b, j + 1), cells)) {
            /* "_Christmas Stories_--" over its stories, its first cell
             * alone: a group's row, when a row of the table follows it */
            t = (table_line){j, TABLE_GROUP, 0};
            rows_in_chunk++;
        } else if (here > n / 2 && (guint)here <= G_N_ELEMENTS(cols) &&
                   placed_row(a, first, m, cells, cols)) {
            t = (table_line){j, TABLE_PLACED, 0};
            rows_in_chunk++;
        } else if ((col = turned_column(a, first, m, cells)) > 0) {
            t = (table_line){j, TABLE_TURN, col};
            turned = true;
        } else {
            break;
        }
        g_array_append_val(out, t);
    }
    /* (a gap the table did not go on past is not its) */
    while (out->len && g_array_index(out, table_line, out->len - 1).role == TABLE_GAP)
        g_array_set_size(out, out->len - 1);
    g_ptr_array_free(cells, TRUE);
    return out;
}

/* Appends the inlines of `m`'s cells (`cells`) to `row`, and empty cells
 * up to `n`. */
static void fill_row(rt_state *st, imprint_node *row, const rt_line *m, GPtrArray *cells, int n)
{
    for (guint k = 0; k < cells->len; k += 2) {
        size_t off = GPOINTER_TO_SIZE(cells->pdata[k]);
        size_t len = GPOINTER_TO_SIZE(cells->pdata[k + 1]);
        unsigned col = m->tcol + rt_utf8_cols(m->t, off);
        imprint_node *cell =
            imprint_node_new(st->doc, IMPRINT_NODE_CELL, rt_pos(st, m->lineno, col));
        rt_append_inlines(st, cell, m, off, len);
        imprint_node_append(row, cell);
    }
    for (int k = (int)cells->len / 2; k < n; k++)
        imprint_node_append(
            row, imprint_node_new(st->doc, IMPRINT_NODE_CELL, rt_pos(st, m->lineno, m->tcol)));
}

/* Appends the cells of placed row `m` (its `cells`) to `row`, each in
 * its column under row `a` (`ac`), the cells of one column joined by a
 * space, and empty cells where none falls. */
static void fill_placed(rt_state *st, imprint_node *row, const rt_line *a, const GPtrArray *ac,
                        const rt_line *m, GPtrArray *cells, int n)
{
    guint cols[TABLE_MAX_CELLS];
    placed_row(a, ac, m, cells, cols);
    imprint_node *cell = NULL;
    int made = 0;
    for (guint k = 0; k < cells->len; k += 2) {
        size_t off = GPOINTER_TO_SIZE(cells->pdata[k]);
        size_t len = GPOINTER_TO_SIZE(cells->pdata[k + 1]);
        unsigned col = m->tcol + rt_utf8_cols(m->t, off);
        if (cell && (int)cols[k / 2] == made - 1) {
            imprint_node_append(cell,
                                imprint_node_new_text(st->doc, rt_pos(st, m->lineno, col), " ", 1));
        } else {
            while (made < (int)cols[k / 2]) {
                imprint_node_append(row, imprint_node_new(st->doc, IMPRINT_NODE_CELL,
                                                          rt_pos(st, m->lineno, m->tcol)));
                made++;
            }
            cell = imprint_node_new(st->doc, IMPRINT_NODE_CELL, rt_pos(st, m->lineno, col));
            imprint_node_append(row, cell);
            made++;
        }
        rt_append_inlines(st, cell, m, off, len);
    }
    for (; made < n; made++)
        imprint_node_append(
            row, imprint_node_new(st->doc, IMPRINT_NODE_CELL, rt_pos(st, m->lineno, m->tcol)));
}

/* Appends turned-over line `m` to cell `column` of `row`, after a line
 * break. */
static void turn_cell(rt_state *st, imprint_node *row, const rt_line *m, guint column)
{
    imprint_node *cell = row->first_child;
    for (guint k = 0; k < column && cell; k++)
        cell = cell->next;
    if (!cell)
        return;
    imprint_node_append(
        cell, imprint_node_new(st->doc, IMPRINT_NODE_LINEBREAK, rt_pos(st, m->lineno, m->tcol)));
    rt_append_inlines(st, cell, m, 0, m->tlen);
}

static size_t build_table(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    imprint_list_style style;
    int number;
    size_t skip;
    /* "*  Chapter I   Of Society": a list whose items are spaced out, not
     * a table whose first column is a bullet. */
    if (rt_line_list_marker(rt_line_at(b, i), &style, &number, &skip) &&
        style == IMPRINT_LIST_BULLET)
        return 0;
    GPtrArray *cells = g_ptr_array_new(), *first = g_ptr_array_new();
    int n = rt_line_table_cells(rt_line_at(b, i), first);
    GArray *lines = n >= 2 ? table_lines(b, i, n, first) : NULL;
    size_t nrows = 0;
    for (guint k = 0; lines && k < lines->len; k++)
        nrows += g_array_index(lines, table_line, k).role <= TABLE_PLACED;
    if (nrows < 2) {
        if (lines)
            g_array_free(lines, TRUE);
        g_ptr_array_free(cells, TRUE);
        g_ptr_array_free(first, TRUE);
        return 0;
    }
    const rt_line *l = rt_line_at(b, i);
    size_t j = g_array_index(lines, table_line, lines->len - 1).line + 1;
    /* A rule under the first row, with rows below it, marks that row as the
     * column heads; the rule itself is no row. */
    const rt_line *rule = rt_line_at(b, i + 1);
    rt_line_table_cells(rule, cells);
    bool head = nrows >= 3 && g_array_index(lines, table_line, 1).role == TABLE_ROW &&
                rule_cells(rule, cells);
    imprint_node *table =
        imprint_node_new(st->doc, IMPRINT_NODE_TABLE, rt_pos(st, l->lineno, l->tcol));
    imprint_node *row = NULL;
    for (guint k = 0; k < lines->len; k++) {
        const table_line *t = &g_array_index(lines, table_line, k);
        const rt_line *m = rt_line_at(b, t->line);
        if ((head && k == 1) || t->role == TABLE_GAP)
            continue;
        if (t->role == TABLE_TURN) {
            turn_cell(st, row, m, t->column);
            continue;
        }
        if (rt_line_table_cells(m, cells) < 1) { /* (a group's row: its line one cell) */
            g_ptr_array_add(cells, GSIZE_TO_POINTER(0));
            g_ptr_array_add(cells, GSIZE_TO_POINTER(m->tlen));
        }
        row = imprint_node_new(st->doc, IMPRINT_NODE_ROW, rt_pos(st, m->lineno, m->tcol));
        row->as.row.header = head && k == 0;
        if (t->role == TABLE_PLACED)
            fill_placed(st, row, l, first, m, cells, n);
        else
            fill_row(st, row, m, cells, n);
        imprint_node_append(table, row);
    }
    g_array_free(lines, TRUE);
    g_ptr_array_free(cells, TRUE);
    g_ptr_array_free(first, TRUE);
    rt_append(b, table, j - 1);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "%zu lines with aligned columns taken as a table of %d columns", j - i, n);
    if (head)
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, rule->lineno, rule->tcol),
                             "the rule under the table's first row taken as the mark of its "
                             "header (column heads)");
    return j;
}

/* Whether chunk `k` is one short line that a run of them may hold. */
static bool verse_run_line(rt_builder *b, size_t k)
{
    const rt_chunk *ck = &b->st->chunks[k];
    const rt_line *m = rt_line_at(b, ck->first);
    return ck->first == ck->last && !ck->title && !ck->bib && m->nchar <= 60 && !m->notedef &&
           !rt_line_starts_quote(m) && m->t[m->tlen - 1] != ':';
}

/* "addressed to the" / "INHABITANTS" / "of": the run of short lines from
 * chunk `k` holds a title page's display lines, going on in their next line
 * (two at least); a poem's lines seldom end so. Counted over the whole run,
 * the lines above `k` too. */
static bool display_run(rt_builder *b, size_t k, size_t n)
{
    size_t from = k, joined = 0, first = rt_line_at(b, b->first)->chunk;
    while (from > first && verse_run_line(b, from - 1))
        from--;
    for (size_t j = from; j < k + n; j++) {
        const rt_line *m = rt_line_at(b, b->st->chunks[j].first);
        joined += rt_line_ends_with_joiner(m) || rt_is_joiner_word(m->t, m->tlen);
    }
    return joined >= 2;
}

/* Short lines, one a chunk, several ending in commas: a poem. */
static size_t build_verse(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    /* (a run found no poem from its first line is none from a later one:
     * fewer commas, fewer lines, the same lines around it) */
    if (c->first != i || c->last != i || l->chunk < b->no_verse_to)
        return 0;
    size_t k = l->chunk, n = 0, commas = 0;
    size_t last_chunk = rt_line_at(b, b->last)->chunk;
    for (; k + n <= last_chunk && verse_run_line(b, k + n); n++) {
        const rt_line *m = rt_line_at(b, st->chunks[k + n].first);
        char last = m->t[m->tlen - 1];
        commas += last == ',' || last == ';';
    }
    if (n && display_run(b, k, n)) {
        b->no_verse_to = k + n;
        return 0;
    }
    /* A poem ends at its last line with a full stop, "!" or "?"; what
     * follows is prose again. */
    size_t full = n;
    while (full > 4) {
        const rt_line *m = rt_line_at(b, st->chunks[k + full - 1].first);
        const char *e = m->t + m->tlen;
        const char *q = g_utf8_find_prev_char(m->t, e);
        gunichar lc = g_utf8_get_char(q);
        if (lc == '.' || lc == '!' || lc == '?' || lc == 0x2026)
            break;
        full--;
    }
    if (full > 4)
        n = full;
    if (n < 4 || commas < 2) {
        b->no_verse_to = k + n;
        return 0;
    }
    imprint_node *verse =
        imprint_node_new(st->doc, IMPRINT_NODE_VERSE, rt_pos(st, l->lineno, l->tcol));
    for (size_t j = 0; j < n; j++) {
        const rt_line *m = rt_line_at(b, st->chunks[k + j].first);
        imprint_node_append(verse, rt_verse_line(st, m, rt_pos(st, m->lineno, m->tcol), 0,
                                                 m->margin_number, 0, m->tlen));
    }
    size_t end = st->chunks[k + n - 1].last;
    rt_append(b, verse, end);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "%zu short lines ending in commas taken as verse", n);
    return end + 1;
}

/* "-Kuzmin Report" lines: a hyphen and no space, two or more in a row. */
/* Each try_ step below takes line `i` if it has its shape: it appends what
 * it built, sets `*next` to the first line after it and returns MATCHED;
 * NO_MATCH leaves everything as it was; FAILED is an error (reported). */
enum { NO_MATCH, MATCHED, FAILED };

/* Chunks whose role the article pass decided: titles, bibliographies. */
static int try_table(rt_builder *b, size_t i, size_t *next)
{
    size_t end = rt_build_ruled_table(b, i);
    if (!end)
        end = build_table(b, i);
    if (!end)
        return NO_MATCH;
    *next = end;
    return MATCHED;
}

/* A letter's opener, or the closing of a letter, a preface or a poem. */
static int try_opener_closer(rt_builder *b, size_t i, size_t *next)
{
    if (b->st->no_letters)
        return NO_MATCH; /* `letters: false` */
    size_t end = rt_build_opener(b, i);
    if (!end)
        end = rt_build_closer(b, i);
    if (!end)
        end = rt_build_mail_signature(b, i);
    if (!end)
        return NO_MATCH;
    *next = end;
    return MATCHED;
}

static int try_chunk_role(rt_builder *b, size_t i, size_t *next)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    if (!c->title && !c->bib)
        return NO_MATCH;
    if (c->bib == RT_BIB_HEADING) {
        rt_append(b, rt_block_with_text(b->st, IMPRINT_NODE_HEADING, l, 0), i);
        b->last_block->as.heading.level = 1;
    } else if (c->bib) {
        bib_item(b, c);
    }
    *next = c->last + 1;
    return MATCHED;
}

/* A placeholder (rt_line_placeholder) is a figure with a caption: what
 * follows "Illustration", the whole tag for the others ("Figure 12"); a
 * caption that goes on below its first line keeps its lines, a line break
 * between each two. Returns the line after it, or 0. */
static size_t illustration(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    size_t n = rt_line_placeholder(l), last = i;
    if (!n && (!(n = rt_line_placeholder_open(l)) ||
               (last = rt_placeholder_close(st, i, b->last)) == SIZE_MAX))
        return 0;
    imprint_node *fig =
        imprint_node_new(st->doc, IMPRINT_NODE_FIGURE, rt_pos(st, l->lineno, l->tcol));
    GString *raw = g_string_new(NULL);
    for (size_t j = i; j <= last; j++)
        if (!rt_line_at(b, j)->blank)
            g_string_append_printf(raw, "%s%.*s", raw->len ? " " : "", (int)rt_line_at(b, j)->tlen,
                                   rt_line_at(b, j)->t);
    fig->as.figure.placeholder = rt_plain(st, raw->str, raw->len); /* with its quotation marks */
    g_string_free(raw, TRUE);
    bool named = n == sizeof "[Illustration" - 1;
    for (size_t j = i; j <= last; j++) {
        const rt_line *m = rt_line_at(b, j);
        if (m->blank)
            continue;
        size_t from = j > i ? 0 : named ? n + (l->t[n] == ']' ? 0 : 1) : 1;
        size_t len = m->tlen - (j == last) - MIN(from, m->tlen - (j == last));
        while (len && m->t[from] == ' ')
            from++, len--;
        if (j > i && fig->first_child)
            imprint_node_append(fig, imprint_node_new(st->doc, IMPRINT_NODE_LINEBREAK,
                                                      rt_pos(st, m->lineno, m->tcol)));
        if (len)
            rt_append_inlines(st, fig, m, from, len);
    }
    rt_append(b, fig, last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, fig->pos,
                         "\u201c%.*s\u2026]\u201d taken as a figure with its caption (the text "
                         "has no image)%s",
                         (int)n, l->t, last > i ? ", the caption over several lines" : "");
    return last + 1;
}

/* A sidenote (rt_line_sidenote) is a block of its own, never a paragraph:
 * the paragraph it stands before reads on unbroken. */
static int try_sidenote(rt_builder *b, size_t i, size_t *next)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    size_t diamond = rt_line_diamond_sidenote(l);
    if (diamond) {
        rt_append(b, rt_sidenote_from(st, l, RT_DIAMOND_LEN, diamond), i);
        *next = i + 1;
        return MATCHED;
    }
    size_t from = rt_line_sidenote(l);
    if (!from)
        return NO_MATCH;
    imprint_node *side =
        imprint_node_new(st->doc, IMPRINT_NODE_SIDENOTE, rt_pos(st, l->lineno, l->tcol));
    rt_append_inlines(st, side, l, from, l->tlen - 1 - from);
    rt_append(b, side, i);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, side->pos,
                         "\u201c[Sidenote: \u2026]\u201d taken as a sidenote (a note in the "
                         "margin), set before its paragraph");
    *next = i + 1;
    return MATCHED;
}

static int try_figure(rt_builder *b, size_t i, size_t *next)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    bool file;
    size_t end = illustration(b, i);
    if (end) {
        *next = end;
        return MATCHED;
    }
    if (!rt_line_is_figure(l, &file))
        return NO_MATCH;
    imprint_node *fig =
        imprint_node_new(st->doc, IMPRINT_NODE_FIGURE, rt_pos(st, l->lineno, l->tcol));
    fig->as.figure.placeholder = imprint_arena_strndup(st->doc->arena, l->t, l->tlen);
    if (file)
        fig->as.figure.src = fig->as.figure.placeholder;
    rt_append(b, fig, i);
    imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, rt_pos(st, l->lineno, l->tcol),
                         "figure placeholder: \u201c%s\u201d stands where an image was; "
                         "kept as an empty figure",
                         fig->as.figure.placeholder);
    *next = i + 1;
    return MATCHED;
}

/* Quotes, their citations, and paragraphs that turn out to be quotes. */
static int try_quote(rt_builder *b, size_t i, size_t *next)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    bool single = c->first == c->last;
    size_t end;
    size_t after = rt_next_text_line(b, i);
    bool cited = after != SIZE_MAX && rt_line_is_strong_citation(rt_line_at(b, after));
    /* quoted verse is verse in a quote (rt_build_stanza) */
    if (c->first == i && rt_quoted_verse(b->st, l->chunk))
        return NO_MATCH;
    /* (a quotation that goes on in narration, "“…,” he told the boy", is
     * someone speaking in the text, not a passage quoted from elsewhere) */
    if (rt_line_starts_quote(l) && (cited || (!b->st->fiction && !rt_line_narrated(l))) &&
        !rt_dash_dialogue(b, i) &&
        !(single && (rt_line_nbsp_title(l) || rt_listed_heading(b, i, NULL) ||
                     (rt_line_is_heading_like(l) && rt_line_is_all_caps(l))))) {
        *next = rt_build_quote(b, i);
        return MATCHED;
    }
    if (b->last_block && b->last_block->kind == IMPRINT_NODE_QUOTE &&
        b->last_block->last_child->kind != IMPRINT_NODE_CITATION &&
        (end = rt_take_citation(b, b->last_block, b->last_line, i)) != SIZE_MAX) {
        b->last_line = end;
        *next = end + 1;
        return MATCHED;
    }
    if (rt_wrap_as_quote(b, i)) {
        *next = b->last_line + 1;
        return MATCHED;
    }
    return NO_MATCH;
}

/* Speech turns, dash items, numbered or lettered items and numbered headings. */
/* "(1) Everyone has the right…" over "(2) Everyone has…": the clauses of a
 * charter's article, a list whose markers stay in its items' words. Taken
 * only in sequence: a "(1)" the next line of text follows with "(2)", or
 * the number after the last item's in the article; a lone "(2) the
 * second…" stays prose, as do note definitions. */
static bool paren_item(rt_builder *b, size_t i, int *number)
{
    int n = rt_line_paren_number(rt_line_at(b, i));
    if (!n)
        return false;
    size_t j = rt_next_text_line(b, i);
    bool opens = n == 1 && j != SIZE_MAX && rt_line_paren_number(rt_line_at(b, j)) == 2;
    /* (a corollary set in between, "(2a) …", parts the list, not the run) */
    bool goes_on = n > 1 && n == b->paren_next;
    *number = n;
    return opens || goes_on;
}

static int try_item(rt_builder *b, size_t i, size_t *next)
{
    const rt_line *l = rt_line_at(b, i);
    imprint_list_style style;
    int number;
    size_t name, skip;
    bool speech = rt_is_speech(b, i, &name, &skip), dash = !speech && rt_dash_item(b, i);
    /* ("  2)  WRITING A FAQ" alone, as the contents above lists it: a heading) */
    if (!speech && rt_listed_heading(b, i, NULL))
        return NO_MATCH;
    if (!speech && !dash && !rt_line_list_marker(l, &style, &number, &skip)) {
        if (!paren_item(b, i, &number))
            return NO_MATCH;
        *next = i + 1;
        b->paren_next = number + 1;
        if (number == 1)
            imprint_diags_report(b->st->diags, IMPRINT_SEV_NOTE, rt_pos(b->st, l->lineno, l->tcol),
                                 "lines opening \"(1)\", \"(2)\"… in sequence taken as a list "
                                 "(the numbers kept in the items' words)");
        return add_item(b, i, IMPRINT_LIST_PLAIN, number, 0) ? MATCHED : FAILED;
    }
    *next = i + 1;
    if (speech && (*next = rt_build_sung_turn(b, i)))
        return MATCHED;
    *next = i + 1;
    if (speech) {
        rt_append(b, rt_speech_node(b, i), i);
        return MATCHED;
    }
    if (dash)
        return add_item(b, i, IMPRINT_LIST_BULLET, 1, 1) ? MATCHED : FAILED;
    if (rt_numbered_heading(b, i, style, number, skip)) {
        rt_append(b, rt_block_with_text(b->st, IMPRINT_NODE_HEADING, l, 0), i);
        b->last_block->as.heading.level = 1;
        return MATCHED;
    }
    return add_item(b, i, style, number, skip) ? MATCHED : FAILED;
}

/* Whether the block before is a heading that only numbers its section
 * ("I", "CHAPTER IV"): the line under it is the section's title. */
static bool under_number(const rt_builder *b)
{
    const imprint_node *h = b->last_block;
    if (!h || h->kind != IMPRINT_NODE_HEADING)
        return false;
    const rt_line *l = rt_line_by_number(b->st, h->pos.line);
    return l && rt_number_heading_kind(l->t, l->tlen);
}

/* "Others read" / "Here are the lines:" over an indented quotation in a
 * hard-wrapped text: a sentence leading in to it, not a heading, unless it
 * is in capitals, set apart more than a paragraph is, or numbers a
 * section. */
static bool lead_in(rt_builder *b, size_t i, size_t after)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    if (!st->wrapped || after == SIZE_MAX || rt_line_is_all_caps(l) || rt_line_is_section_word(l) ||
        rt_number_heading_kind(l->t, l->tlen) || rt_blank_before(st, l->chunk) > 1 ||
        under_number(b))
        return false;
    size_t k = rt_line_at(b, after)->chunk;
    return rt_chunk_indented(st, k) && rt_chunk_aligned(st, k) == RT_ALIGN_NONE;
}

/* "…made up a song about them, which he called" over "‘DUCKS’ DITTY.’":
 * the line ends the sentence of the paragraph above, no heading (a line
 * that numbers a section, or in brackets, still heads one). */
static bool ends_sentence_above(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    size_t prev = rt_prev_text_line(b, i);
    if (prev == SIZE_MAX || !b->last_block || b->last_block->kind != IMPRINT_NODE_PARAGRAPH ||
        b->last_line != prev || rt_line_is_section_word(l) ||
        rt_number_heading_kind(l->t, l->tlen) || rt_line_opens_section_number(l) ||
        rt_listed_heading(b, i, NULL))
        return false;
    return rt_line_ends_mid_sentence(rt_line_at(b, prev));
}

/* "CHAPTER I" over "The Flood", "Letter II" over "To Thomas Pennant,
 * Esquire", two lines set apart together: the number heading and its
 * title, joined afterwards (rt_join_number_headings). */
static bool numbered_title(rt_builder *b, size_t i, size_t *next)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (c->first != i || c->last != i + 1 || !rt_number_heading_kind(l->t, l->tlen) ||
        !rt_line_is_heading_like(rt_line_at(b, i + 1)) || !rt_body_follows(b, i + 1))
        return false;
    for (size_t k = i; k <= i + 1; k++) {
        rt_append(b, rt_block_with_text(st, IMPRINT_NODE_HEADING, rt_line_at(b, k), 0), k);
        b->last_block->as.heading.level = 1;
    }
    *next = i + 2;
    return true;
}

/* "The Widow and her Child." alone under the heading "CHAPTER I.", its
 * long words capitalised and text under it: the chapter's title, though a
 * stop ends it (joined afterwards); "It was night." opens the chapter. */
static bool title_under_number(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    if (c->first != c->last || !b->last_block || b->last_block->kind != IMPRINT_NODE_HEADING ||
        b->last_line != rt_prev_text_line(b, i) || l->nchar > READ_TEXT_MAX_HEADING_CHARS ||
        !rt_line_long_words_capitalised(l) || rt_line_starts_quote(l))
        return false;
    const rt_line *h = rt_line_at(b, b->last_line);
    return rt_number_heading_kind(h->t, h->tlen) && rt_body_follows(b, i);
}

/* "BY" set apart over "JOHN ASHDOWN." on a collection of verse's title
 * page, the article's author not yet known: its byline (a prose book's
 * title page is read whole, rt_title_page). Returns the line after the name, 0 if
 * the lines are not so. */
static size_t lone_byline(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    size_t next, skip;
    if (!st->verse || c->first != c->last || !rt_line_is_lone_by(l) ||
        st->article->as.article.authors)
        return 0;
    const rt_line *name =
        rt_byline_at(st, l->chunk, rt_line_at(b, b->last)->chunk + 1, &next, &skip);
    if (!name)
        return 0;
    const char **authors = imprint_arena_alloc(st->doc->arena, 2 * sizeof *authors);
    const char *t = name->t + skip;
    size_t len = name->tlen - skip;
    /* (the stop after the name, not an initial's: "JOHN ASHDOWN.", "W. J.") */
    len -= t[len - 1] == '.' && len > 2 && t[len - 3] != ' ' && t[len - 3] != '.';
    authors[0] = rt_plain(st, t, len);
    authors[1] = NULL;
    st->article->as.article.authors = authors;
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "\u201cBY\u201d set apart over a name taken as the byline: %s",
                         authors[0]);
    b->last_line = st->chunks[next - 1].last;
    return b->last_line + 1;
}

/* A line on its own that looks like a heading: one if text follows it. */
/* Line `i` as a heading of `level`, with `why` (a printf format and its
 * one int) in lint; moves *next past it. */
static int heading_because(rt_builder *b, size_t i, size_t *next, int level, const char *why, int n)
{
    rt_append(b, rt_block_with_text(b->st, IMPRINT_NODE_HEADING, rt_line_at(b, i), 0), i);
    b->last_block->as.heading.level = level;
    imprint_diags_report(b->st->diags, IMPRINT_SEV_NOTE, b->last_block->pos, why, n);
    *next = i + 1;
    return MATCHED;
}

/* Whether the article's numbered sections head at the margin, over prose
 * set in (an RFC's "4.1.2 Nick message" over "   NICK message is used…"):
 * HEADS_AT_MARGIN_MIN such heads at least, none at the prose's indent.
 * Found once. */
static bool heads_at_margin(rt_builder *b)
{
    rt_state *st = b->st;
    if (b->heads_at_margin < 0) {
        size_t margin = 0, set_in = 0;
        for (size_t i = b->first; i <= b->last && st->base_indent > 0; i++) {
            const rt_line *l = rt_line_at(b, i);
            /* (the contents' entries, "1.1 Servers ....... 4", set in) */
            if (l->blank || !rt_line_opens_section_number(l) ||
                g_strstr_len(l->t, (gssize)l->tlen, "..") ||
                g_strstr_len(l->t, (gssize)l->tlen, ". ."))
                continue;
            margin += l->indent == 0;
            set_in += l->indent >= st->base_indent;
        }
        b->heads_at_margin = margin >= HEADS_AT_MARGIN_MIN && set_in == 0;
    }
    return b->heads_at_margin;
}

/* Whether line `i` stands at the prose's indent where the sections' heads
 * stand at the margin (heads_at_margin), ending in a colon or, unless the
 * contents lists it, in small letters: a label, "Numeric Replies:" (though
 * the contents lists "2.4 Numeric replies"), or an example's lead-in, "An
 * example is"; no heading. "Specific Option Definitions" heads a part of
 * its section. */
static bool margin_label(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    if (l->blank || l->indent != b->st->base_indent || l->indent == 0 ||
        rt_line_opens_section_number(l) || !heads_at_margin(b))
        return false;
    return l->t[l->tlen - 1] == ':' ||
           (!rt_line_long_words_capitalised(l) && !rt_listed_heading(b, i, NULL));
}

/* "Preamble" right over "Whereas recognition of the inherent dignity…"
 * (one line, hundreds of characters): in a file that keeps each paragraph
 * on one line, a short line like a heading (no stop, a capital) over a
 * line GLUED_HEADING_MIN_BODY_CHARS long at least is the heading of the
 * paragraph under it, though no blank line sets it apart. A salutation
 * ("Dear Editor") is none, nor a line that goes on from the one above. */
static bool glued_heading(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    /* (the first of its block, or under a line that ends a sentence) */
    const rt_line *above = i > c->first ? rt_line_at(b, i - 1) : NULL;
    gunichar end =
        above ? g_utf8_get_char(g_utf8_find_prev_char(above->t, above->t + above->tlen)) : 0;
    if (above && !strchr(".!?", (int)end) && end != 0x201D)
        return false;
    if (st->wrapped || c->last == i || i + 1 > b->last || l->nchar > GLUED_HEADING_MAX_CHARS ||
        !rt_line_is_heading_like(l) || rt_line_opens_salutation(l) ||
        rt_line_at(b, i + 1)->nchar < GLUED_HEADING_MIN_BODY_CHARS)
        return false;
    gunichar last = g_utf8_get_char(g_utf8_find_prev_char(l->t, l->t + l->tlen));
    return g_unichar_isupper(g_utf8_get_char(l->t)) && !strchr(".,;:!?", (int)last) &&
           last != 0x2026;
}

static int try_heading(rt_builder *b, size_t i, size_t *next)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (numbered_title(b, i, next))
        return MATCHED;
    if (rt_caption_heading(b, i))
        return heading_because(b, i, next, 1,
                               "a caption emphasised whole over verse, one of %d, taken as its "
                               "piece's heading",
                               b->captions);
    if (rt_bracket_heading(b, i))
        return heading_because(b, i, next, 1,
                               "a dated line in brackets, one of %d, taken as an entry's heading",
                               b->bracket_dated);
    if (rt_numbered_series_heading(b, i))
        return heading_because(b, i, next, 1,
                               "a line alone opening with a word and a number, one of a series "
                               "of %d or more so numbered, taken as a heading",
                               NUMBERED_HEAD_MIN_RUN);
    size_t past = lone_byline(b, i);
    if (past) {
        *next = past;
        return MATCHED;
    }
    if (margin_label(b, i))
        return NO_MATCH;
    int level;
    if (rt_listed_heading(b, i, &level) && !rt_line_is_heading_like(l))
        return heading_because(b, i, next, level,
                               "a line alone that repeats an entry of the contents above taken "
                               "as a heading (level %d)",
                               level);
    if (title_under_number(b, i)) {
        rt_append(b, rt_block_with_text(st, IMPRINT_NODE_HEADING, l, 0), i);
        b->last_block->as.heading.level = 1;
        *next = i + 1;
        return MATCHED;
    }
    if (glued_heading(b, i))
        return heading_because(b, i, next, 1,
                               "a short line right over a paragraph's line of %d characters or "
                               "more (the file keeps each paragraph on one line) taken as its "
                               "heading",
                               GLUED_HEADING_MIN_BODY_CHARS);
    if (c->first != c->last ||
        !(rt_line_is_heading_like(l) || rt_colon_heading(b, i) || rt_spacer_heading(b, i)))
        return NO_MATCH;

    /* A letter's closing and the signature under it are not headings. */
    if (rt_line_is_closing(l) || (rt_after_closing(b, i) && l->nchar <= 40) ||
        rt_chunk_aligned(st, l->chunk) == RT_ALIGN_RIGHT)
        return NO_MATCH;
    /* "L. Frank Baum" over "Chicago, April, 1900.": a signature */
    size_t after = rt_next_text_line(b, i);
    if (rt_is_person_name(l->t, l->tlen) && after != SIZE_MAX &&
        rt_line_is_dateline(rt_line_at(b, after)))
        return NO_MATCH;
    if (lead_in(b, i, after))
        return NO_MATCH;
    if (ends_sentence_above(b, i)) {
        rt_append(b, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, l, 0), i);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, b->last_block->pos,
                             "a line set apart that ends the sentence above it (that one stops "
                             "on a word in a small letter) kept as a paragraph, no heading");
        *next = i + 1;
        return MATCHED;
    }
    /* In a transcript, a short line after a turn ("Dr. Fauci?") is still
     * the speaker's; only a line in capitals heads a new part. */
    if (((b->dialogue && b->last_block && b->last_block->kind == IMPRINT_NODE_SPEECH) ||
         b->play_turn) &&
        !rt_line_is_all_caps(l))
        return NO_MATCH;
    if (rt_body_follows(b, i)) {
        rt_append(b, rt_block_with_text(st, IMPRINT_NODE_HEADING, l, 0), i);
        b->last_block->as.heading.level = 1;
    } else {
        rt_append(b, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, l, 0), i);
        /* "THE END", "FINIS.", a play's "CURTAIN": the work's last line */
        if (rt_line_is_end_word(l)) {
            *next = i + 1;
            return MATCHED;
        }
        char *text = g_strndup(l->t, l->tlen);
        imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, rt_pos(st, l->lineno, l->tcol),
                             "unplaced text: \u201c%s\u201d looks like a heading but nothing "
                             "follows it in the article; kept as a paragraph",
                             text);
        g_free(text);
    }
    *next = i + 1;
    return MATCHED;
}

/* In a transcript, a paragraph after a turn is the same speaker's, unless
 * it is set apart: "[Laughter]", "(Break)", an editor's "Note: …". */
static bool continues_turn(const rt_builder *b, const rt_line *l)
{
    size_t name, skip;
    if (!b->transcript || !b->last_block || b->last_block->kind != IMPRINT_NODE_SPEECH)
        return false;
    gunichar c = g_utf8_get_char(l->t);
    if (b->quoted_turns && !rt_line_starts_quote(l) && c != 0x2018 && c != '\'')
        return false;
    return c != '[' && c != '(' && !rt_line_label(l, &name, &skip);
}

/* A plain line: a paragraph of its own, or the continuation of the speech or
 * list item right above it. */
/* Whether line `i` goes on the paragraph right above it that holds only a
 * time stamp ("0:21" over "Everybody was growing Red Delicious": a
 * recording's export that names no one): the stamp heads the words. */
static bool under_stamp(rt_builder *b, size_t i)
{
    if (!b->last_block || b->last_block->kind != IMPRINT_NODE_PARAGRAPH || b->last_line + 1 != i ||
        !rt_same_chunk(b, b->last_line, i))
        return false;
    const rt_line *pl = rt_line_at(b, b->last_line);
    return read_timestamp(pl->t, pl->t + pl->tlen) == pl->t + pl->tlen &&
           !read_timestamp(rt_line_at(b, i)->t, rt_line_at(b, i)->t + rt_line_at(b, i)->tlen);
}

static void plain_line(rt_builder *b, size_t i)
{
    const rt_line *l = rt_line_at(b, i);
    if (under_stamp(b, i)) {
        rt_state *st = b->st;
        if (!st->stamps_joined++)
            st->first_stamp_joined = rt_line_pos(st, rt_line_at(b, b->last_line), 0);
        imprint_node_append(b->last_block,
                            imprint_node_new_text(st->doc, rt_line_pos(st, l, 0), " ", 1));
        rt_append_inlines(st, b->last_block, l, 0, l->tlen);
        b->last_line = i;
        return;
    }
    imprint_node *p = rt_block_with_text(b->st, IMPRINT_NODE_PARAGRAPH, l, 0);
    if (continues_turn(b, l)) {
        imprint_node_append(b->last_block, p);
        b->last_line = i;
        return;
    }
    if (b->last_block && b->last_line + 1 == i && rt_same_chunk(b, b->last_line, i)) {
        imprint_node *into = NULL;
        const rt_line *pl = rt_line_at(b, b->last_line);
        gunichar end = g_utf8_get_char(g_utf8_find_prev_char(pl->t, pl->t + pl->tlen));
        bool open = !(end == '.' || end == '!' || end == '?' || end == 0x2026 || end == 0x201D ||
                      end == '"');
        bool broken = open || g_unichar_islower(g_utf8_get_char(l->t));
        imprint_node *said = b->last_block->kind == IMPRINT_NODE_SPEECH ? b->last_block : NULL;
        if (said && open && said->last_child && said->last_child->kind == IMPRINT_NODE_PARAGRAPH) {
            /* "_Lincoln_. 'And" / "you stood very near to them?'": one line
             * of the turn, broken in two */
            imprint_node *last = said->last_child;
            imprint_node_append(
                last, imprint_node_new_text(b->st->doc, rt_line_pos(b->st, l, 0), " ", 1));
            rt_append_inlines(b->st, last, l, 0, l->tlen);
            b->last_line = i;
            return;
        }
        if (said && broken)
            into = said;
        else if (b->last_block->kind == IMPRINT_NODE_LIST && b->depth > 0 &&
                 !b->last_block->as.list.bibliography)
            into = b->stack[b->depth - 1].list->last_child;
        if (into) {
            imprint_node_append(into, p);
            b->last_line = i;
            return;
        }
    }
    rt_append(b, p, i);
}

static int try_stanza(rt_builder *b, size_t i, size_t *next)
{
    size_t end = rt_build_stanza(b, i);
    if (!end)
        return NO_MATCH;
    *next = end;
    return MATCHED;
}

/* In a book of verse, or a digest of messages, a run of prose kept in its
 * lines (the file is not wrapped as a whole: its verse, or its messages'
 * short lines, say otherwise): one paragraph, its lines joined with
 * spaces; a word broken at a line end keeps its hyphen ("pseudo-" /
 * "header"), as no dictionary is asked. */
static int try_prose_run(rt_builder *b, size_t i, size_t *next)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (c->first != i || st->wrapped || !rt_chunk_prose_run(st, l->chunk))
        return NO_MATCH;
    imprint_node *p =
        imprint_node_new(st->doc, IMPRINT_NODE_PARAGRAPH, rt_pos(st, l->lineno, l->tcol));
    for (size_t j = c->first; j <= c->last; j++) {
        const rt_line *m = rt_line_at(b, j);
        const rt_line *prev = j > c->first ? rt_line_at(b, j - 1) : NULL;
        if (prev && prev->t[prev->tlen - 1] != '-')
            imprint_node_append(p, imprint_node_new_text(st->doc, rt_line_pos(st, m, 0), " ", 1));
        rt_append_inlines(st, p, m, 0, m->tlen);
    }
    rt_append(b, p, c->last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, p->pos,
                         "%zu long lines broken mid-sentence in a %s read as one paragraph of "
                         "prose (to line %u)",
                         c->last - c->first + 1,
                         st->verse ? "book of verse" : "digest not wrapped as a whole",
                         st->lines[c->last].lineno);
    *next = c->last + 1;
    return MATCHED;
}

/* "* * *" on its own: a section break. */
static int try_break(rt_builder *b, size_t i, size_t *next)
{
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &b->st->chunks[l->chunk];
    if (c->first != c->last || !rt_line_is_break(l))
        return NO_MATCH;
    rt_append(
        b, imprint_node_new(b->st->doc, IMPRINT_NODE_BREAK, rt_pos(b->st, l->lineno, l->tcol)), i);
    *next = i + 1;
    return MATCHED;
}

/* The line under a poem's title: its subtitle; or, when the "title" is
 * the poet with the years of their life ("Thomas Chatterton. 1752-1770"),
 * the poem's title, the poet its author. */
static void poem_head_line(rt_builder *b, const rt_line *l)
{
    rt_state *st = b->st;
    imprint_node *article = st->article;
    const char *title = article->as.article.title;
    size_t name = rt_life_span_name(title, strlen(title));
    if (!name) {
        article->as.article.subtitle = rt_plain(st, l->t, l->tlen);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                             "line under the poem's title taken as its subtitle");
        return;
    }
    const char **authors = imprint_arena_alloc(st->doc->arena, 2 * sizeof *authors);
    authors[0] = imprint_arena_strndup(st->doc->arena, title, name);
    authors[1] = NULL;
    article->as.article.authors = authors;
    article->as.article.title = rt_plain(st, l->t, l->tlen);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "the line over it names the poet and their years (%s): this line "
                         "taken as the poem's title, the poet as its author",
                         title);
}

/* In a collection of verse, the lines of a poem that are not stanzas: part
 * numbers ("II") are headings, a line right under the title its subtitle;
 * the rest stays as paragraphs (a headnote, a place and date). */
static int try_poem_line(rt_builder *b, size_t i, size_t *next)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (!st->verse || c->first != c->last)
        return NO_MATCH;
    imprint_list_style style;
    int number;
    size_t skip;
    bool numeral = l->nchar <= 8 && rt_line_list_marker(l, &style, &number, &skip) == 0 &&
                   strspn(l->t, "IVXLC.") == l->tlen;
    imprint_node *article = st->article;
    gunichar last = g_utf8_get_char(g_utf8_find_prev_char(l->t, l->t + l->tlen));
    if (numeral) {
        rt_append(b, rt_block_with_text(st, IMPRINT_NODE_HEADING, l, 0), i);
        b->last_block->as.heading.level = 1;
    } else if (!b->last_block && article->as.article.title && !article->as.article.subtitle &&
               l->nchar <= 60 && last != '.' && last != '!' && last != '?' && l->t[0] != '(' &&
               rt_verse_chunk(st, l->chunk + 1)) {
        poem_head_line(b, l);
    } else {
        return NO_MATCH;
    }
    *next = i + 1;
    return MATCHED;
}

/* "_Leux._ Mischief-maker.", "_Pogumpt:_ Black Cat", "4. A collection",
 * "1-3. The story", "6, 7. An old tale", "No. 2. Allegro": a line opened
 * by a label, a term in emphasis with its stop or colon inside, or an
 * entry's numbers. */
static bool labelled_line(const rt_line *l)
{
    imprint_list_style style;
    int number;
    size_t skip, k = 0, n = l->tlen;
    const char *t = l->t;
    if (rt_line_list_marker(l, &style, &number, &skip))
        return true;
    if (n > 2 && (t[0] == '_' || t[0] == '*')) {
        const char *close = memchr(t + 1, t[0], MIN(n - 1, (size_t)LABEL_TERM_MAX_BYTES - 1));
        return close && close > t + 2 && strchr(".:", close[-1]) && close + 1 < t + n &&
               close[1] == ' ';
    }
    /* "No. 1. Allegro …", "Nos. 2, 3. Two …": a number so written */
    size_t word = n > 4 && strncmp(t, "No. ", 4) == 0    ? 4
                  : n > 5 && strncmp(t, "Nos. ", 5) == 0 ? 5
                                                         : 0;
    t += word;
    n -= word;
    while (k < n && (g_ascii_isdigit(t[k]) || (k > 0 && t[k] && strchr("-, ", t[k]))))
        k++;
    return k > 0 && g_ascii_isdigit(t[0]) && k < n && t[k] == '.' && k + 1 < n && t[k + 1] == ' ';
}

/* (or a hanging entry, its turned-over lines joined: wrap.c) */
static bool set_in_labelled(const rt_state *st, size_t k)
{
    const rt_line *l = &st->lines[st->chunks[k].first];
    return rt_chunk_indented(st, k) && (l->entry || labelled_line(l));
}

/* Whether chunk `k` is one of LABELLED_RUN_MIN chunks at least in a row,
 * one blank line apart, set in and each opened by a label: a list or a
 * glossary set in, its entries no quotations. */
static bool labelled_run(const rt_state *st, size_t k)
{
    if (!set_in_labelled(st, k))
        return false;
    size_t n = 1;
    for (size_t j = k;
         j > 0 && n < LABELLED_RUN_MIN && rt_blank_before(st, j) == 1 && set_in_labelled(st, j - 1);
         j--)
        n++;
    for (size_t j = k + 1; j < st->nchunks && n < LABELLED_RUN_MIN && rt_blank_before(st, j) == 1 &&
                           set_in_labelled(st, j);
         j++)
        n++;
    return n >= LABELLED_RUN_MIN;
}

/* A run of chunks set in, each opened by a label (labelled_run), from
 * line `i`: one plain list, an entry an item with its label in its text,
 * no quotations and no list numbered by some of its labels only. Returns
 * the line after it, or 0. */
static size_t build_entries(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    size_t k = l->chunk, last = rt_line_at(b, b->last)->chunk;
    if (!st->wrapped || st->chunks[k].first != i || !labelled_run(st, k) ||
        (k > 0 && rt_blank_before(st, k) == 1 && set_in_labelled(st, k - 1)))
        return 0;
    size_t end = k;
    while (end < last && rt_blank_before(st, end + 1) == 1 && set_in_labelled(st, end + 1))
        end++;
    /* (a run whose labels are all list markers, "_a._" … "_d._", "1." …
     * "3.", is a list of its own, numbered or lettered: try_item's) */
    bool markers = true;
    for (size_t j = k; j <= end && markers; j++) {
        imprint_list_style style;
        int number;
        size_t skip;
        markers = rt_line_list_marker(&st->lines[st->chunks[j].first], &style, &number, &skip);
    }
    if (markers)
        return 0;
    imprint_node *list =
        imprint_node_new(st->doc, IMPRINT_NODE_LIST, rt_pos(st, l->lineno, l->tcol));
    list->as.list.style = IMPRINT_LIST_PLAIN;
    list->as.list.start = 1;
    bool hanging = false;
    for (size_t j = k; j <= end; j++) {
        const rt_chunk *c = &st->chunks[j];
        imprint_node *item = NULL;
        /* (hanging entries one under another are an item each) */
        for (size_t m = c->first; m <= c->last; m++) {
            const rt_line *e = &st->lines[m];
            hanging = hanging || e->entry;
            if (!item || (e->entry && m > c->first)) {
                item = imprint_node_new(st->doc, IMPRINT_NODE_ITEM, rt_pos(st, e->lineno, e->tcol));
                imprint_node_append(list, item);
            }
            imprint_node_append(item, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, e, 0));
        }
    }
    rt_append(b, list, st->chunks[end].last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, list->pos,
                         "%zu paragraphs set in, each %s, taken as a list's entries, not "
                         "quotations (to line %u)",
                         end - k + 1,
                         hanging ? "an entry with a hanging indent or opened by a label"
                                 : "opened by a label (a term, a number)",
                         st->lines[st->chunks[end].last].lineno);
    return st->chunks[end].last + 1;
}

static int try_entries(rt_builder *b, size_t i, size_t *next)
{
    size_t end = build_entries(b, i);
    if (!end)
        return NO_MATCH;
    *next = end;
    return MATCHED;
}

/* A hard-wrapped text's paragraph indented off the prose: a quotation. */
/* "Enter _Filch_.", "Exeunt severally.", "Re-enter Polly": a line that
 * opens with a word of the stage. */
static bool stage_direction(const rt_line *l)
{
    static const char *const words[] = {"enter", "exit", "exeunt", "re-enter", "manet", "manent"};
    size_t w = 0;
    while (w < l->tlen && l->t[w] != ' ' && l->t[w] != '.' && l->t[w] != ',')
        w++;
    return read_word_in(l->t, w, words, G_N_ELEMENTS(words));
}

static size_t build_indented_quote(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (!st->wrapped || c->first != i || !rt_chunk_indented(st, l->chunk) ||
        rt_chunk_aligned(st, l->chunk) || rt_chunk_name_lines(st, l->chunk) ||
        !rt_prose_beside(st, l->chunk))
        return 0;
    /* "(Tosses the ball very high.)" set in between a play's turns, or a
     * line "Enter _Filch_.": its stage direction, no quotation */
    if ((b->play || b->transcript) &&
        (l->t[0] == '(' || l->t[0] == '[' || (c->first == c->last && stage_direction(l))))
        return 0;
    /* "TABLE OF CONTENTS", "XIV The Rights of Man" set in alone: headings */
    if (c->first == c->last && rt_line_is_heading_like(l) &&
        (rt_line_is_all_caps(l) || rt_number_heading_kind(l->t, l->tlen) ||
         rt_line_is_contents_heading(l)))
        return 0;
    imprint_node *q = imprint_node_new(st->doc, IMPRINT_NODE_QUOTE, rt_pos(st, l->lineno, l->tcol));
    for (size_t j = c->first; j <= c->last; j++)
        imprint_node_append(q, rt_block_with_text(st, IMPRINT_NODE_PARAGRAPH, &st->lines[j], 0));
    rt_append(b, q, c->last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "paragraph indented off the prose taken as a block quote");
    return c->last + 1;
}

/* A block of `kind` holding the lines of chunk `c`, line by line. */
imprint_node *rt_lines_block(rt_state *st, imprint_node_kind kind, const rt_chunk *c)
{
    const rt_line *l = &st->lines[c->first];
    imprint_node *p = imprint_node_new(st->doc, kind, rt_pos(st, l->lineno, l->tcol));
    for (size_t j = c->first; j <= c->last; j++) {
        const rt_line *m = &st->lines[j];
        if (j > c->first)
            imprint_node_append(p, imprint_node_new(st->doc, IMPRINT_NODE_LINEBREAK,
                                                    rt_pos(st, m->lineno, m->tcol)));
        rt_append_inlines(st, p, m, 0, m->tlen);
    }
    return p;
}

/* "OF THE PRESENT ABILITY OF AMERICA," / "WITH SOME MISCELLANEOUS
 * REFLEXIONS.": at most CAPS_HEADING_MAX_LINES lines all in capitals with
 * prose right under them, a heading set over two lines (not a title page's
 * lines, which other display lines follow). */
static bool caps_heading(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_chunk *c = &st->chunks[rt_line_at(b, i)->chunk];
    if (c->last - c->first + 1 > CAPS_HEADING_MAX_LINES)
        return false;
    for (size_t j = c->first; j <= c->last; j++)
        if (!rt_line_is_all_caps(&st->lines[j]))
            return false;
    size_t next = rt_next_text_line(b, c->last);
    return next != SIZE_MAX && rt_line_words(rt_line_at(b, next)) >= READ_TEXT_BIB_PROSE_WORDS;
}

/* A hard-wrapped text's lines set centred or right together ("PART THE
 * FIRST" / "BEING AN ANSWER …", an address), a run of names, or display
 * lines: one paragraph, line by line (display lines in capitals over prose:
 * a heading). */
static size_t build_aligned(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    rt_align align = rt_chunk_aligned(st, l->chunk);
    bool display = align == RT_ALIGN_NONE && rt_chunk_display(st, l->chunk);
    if (c->first != i || c->last == c->first ||
        (align == RT_ALIGN_NONE && !display && !rt_chunk_name_lines(st, l->chunk)))
        return 0;
    if (display && caps_heading(b, i)) {
        imprint_node *h = rt_lines_block(st, IMPRINT_NODE_HEADING, c);
        h->as.heading.level = 1;
        rt_append(b, h, c->last);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, h->pos,
                             "%zu lines in capitals over prose taken as one heading",
                             c->last - c->first + 1);
        return c->last + 1;
    }
    imprint_node *p = rt_lines_block(st, IMPRINT_NODE_PARAGRAPH, c);
    rt_append(b, p, c->last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, p->pos,
                         "%zu lines %s kept as one paragraph, line by line (to line %u)",
                         c->last - c->first + 1,
                         align == RT_ALIGN_CENTRE  ? "set centred"
                         : align == RT_ALIGN_RIGHT ? "set right"
                         : display                 ? "of display (a title page, a dedication)"
                                                   : "of names (a cast, a list of parts)",
                         st->lines[c->last].lineno);
    return c->last + 1;
}

/* Whether chunk `k` is set in and in capitals, every line (a word as short
 * as "TO" too). */
static bool caps_set_in(const rt_state *st, size_t k)
{
    const rt_chunk *c = &st->chunks[k];
    if (c->title || c->bib || !rt_chunk_indented(st, k))
        return false;
    bool upper = false;
    for (size_t j = c->first; j <= c->last; j++) {
        const rt_line *l = &st->lines[j];
        for (const char *p = l->t; p < l->t + l->tlen; p = g_utf8_next_char(p)) {
            gunichar u = g_utf8_get_char(p);
            if (g_unichar_islower(u))
                return false;
            upper = upper || g_unichar_isupper(u);
        }
    }
    return upper;
}

/* "TO" / "THE VERY DEAR AND WELL-BELOVED" / "FRIEND" / …: a hard-wrapped
 * text's run of chunks set in and in capitals, one blank line apart,
 * DEDICATION_MIN_CHUNKS at least: a dedication's display lines, each chunk
 * a paragraph line by line (no quotation, no headings). */
static size_t build_dedication(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    size_t k = l->chunk, n = 0, last = rt_line_at(b, b->last)->chunk;
    if (!st->wrapped || st->verse || st->chunks[k].first != i)
        return 0;
    while (k + n <= last && caps_set_in(st, k + n) && (n == 0 || rt_blank_before(st, k + n) == 1))
        n++;
    if (n < DEDICATION_MIN_CHUNKS)
        return 0;
    for (size_t j = k; j < k + n; j++)
        rt_append(b, rt_lines_block(st, IMPRINT_NODE_PARAGRAPH, &st->chunks[j]),
                  st->chunks[j].last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                         "%zu paragraphs set in and in capitals (a dedication) kept as display, "
                         "line by line (to line %u)",
                         n, st->lines[st->chunks[k + n - 1].last].lineno);
    return st->chunks[k + n - 1].last + 1;
}

/* "GET /hello.txt HTTP/1.1", "HTTP/1.1 200 OK": the first line of an HTTP
 * request or response, over its header's fields. */
static bool http_start_line(const rt_line *l)
{
    const char *s = l->t, *end = l->t + l->tlen;
    if (l->tlen > 6 && strncmp(s, "HTTP/", 5) == 0 && g_ascii_isdigit(s[5]))
        return true;
    const char *p = s;
    while (p < end && g_ascii_isupper(*p))
        p++;
    if (p == s || p >= end || *p != ' ')
        return false;
    const char *target = ++p;
    while (p < end && *p != ' ')
        p++;
    return p > target && end - p > 6 && strncmp(p, " HTTP/", 6) == 0;
}

/* A header shown in the text, a chunk of HEADER_FIELDS_MIN field lines at
 * least ("Archive-name: faqs/about-faqs" / "Posting-Frequency: monthly"),
 * opened by one, a value folded under its field or begun on the next line
 * and fields of other names among them, an HTTP message's first line over
 * them: one paragraph, line by line (no verse, no speakers, no joined
 * prose). */
static size_t build_fields(rt_builder *b, size_t i)
{
    rt_state *st = b->st;
    const rt_line *l = rt_line_at(b, i);
    const rt_chunk *c = &st->chunks[l->chunk];
    if (c->first != i)
        return 0;
    /* (an HTTP message's fields under its request or status line: any
     * name, "Host:" too) */
    bool start = http_start_line(l) && c->last > c->first;
    const rt_line *f0 = &st->lines[c->first + start];
    size_t name = start ? rt_line_field_name(f0) : rt_line_header_field(f0);
    if (!name)
        return 0;
    bool empty = name + 1 >= f0->tlen; /* (its value on the next line) */
    size_t fields = 1 + start;         /* (the request's line a line of its header) */
    unsigned indent = f0->indent;
    for (size_t j = c->first + start + 1; j <= c->last; j++) {
        const rt_line *f = &st->lines[j];
        bool was_empty = empty;
        /* (a field of a name no list knows among known ones: a FAQ's
         * "Description:") */
        if ((name = rt_line_field_name(f))) {
            empty = name + 1 >= f->tlen;
            fields += start || read_is_header_field(f->t, name);
            indent = f->indent;
        } else if (!was_empty && f->indent <= indent) {
            return 0;
        }
    }
    if (fields < HEADER_FIELDS_MIN)
        return 0;
    imprint_node *p = rt_lines_block(st, IMPRINT_NODE_PARAGRAPH, c);
    rt_append(b, p, c->last);
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, p->pos,
                         "%zu lines of a header's fields (%zu fields) kept as one paragraph, line "
                         "by line (to line %u)",
                         c->last - c->first + 1, fields, st->lines[c->last].lineno);
    return c->last + 1;
}

/* Builds the block that starts at line *pi, in the order of precedence of
 * the shapes; moves *pi past it. */
static bool build_line(rt_builder *b, size_t *pi)
{
    size_t i = *pi, end;
    int r;
    if ((end = rt_build_code(b, i)) || (end = rt_build_contents(b, i)) ||
        (end = rt_build_index(b, i)) || (end = rt_build_definitions(b, i)) ||
        (end = build_fields(b, i))) {
        *pi = end;
        return true;
    }
    if (rt_play_name_line(b, i, pi))
        return true;
    if ((r = try_chunk_role(b, i, pi)) || (r = try_table(b, i, pi)) ||
        (r = try_sidenote(b, i, pi)) || (r = try_figure(b, i, pi)) || (r = try_break(b, i, pi)) ||
        (r = try_opener_closer(b, i, pi)) ||
        (b->st->verse && ((r = try_poem_line(b, i, pi)) || (r = try_stanza(b, i, pi)) ||
                          (r = try_prose_run(b, i, pi)))) ||
        (b->st->mail && (r = try_prose_run(b, i, pi))) || (r = try_entries(b, i, pi)) ||
        (r = try_quote(b, i, pi)) || (r = try_item(b, i, pi)))
        return r != FAILED;
    if (rt_colon_quote(b, i)) {
        *pi = b->last_line + 1;
        return true;
    }
    if ((end = build_dedication(b, i))) {
        *pi = end;
        return true;
    }
    const rt_line *l = rt_line_at(b, i);
    bool opens_chunk = b->st->chunks[l->chunk].first == i;
    if ((opens_chunk && rt_chunk_display(b->st, l->chunk) && (end = build_aligned(b, i))) ||
        (end = build_verse(b, i)) || (!b->st->verse && (end = rt_build_stanza(b, i))) ||
        (end = build_indented_quote(b, i)) || (end = build_aligned(b, i))) {
        *pi = end;
        return true;
    }
    if ((r = try_heading(b, i, pi)))
        return r != FAILED;
    plain_line(b, i);
    *pi = i + 1;
    return true;
}

bool rt_build_blocks(rt_state *st, size_t from, size_t to)
{
    if (from >= to)
        return true;
    rt_builder b = {.st = st,
                    .first = st->chunks[from].first,
                    .last = st->chunks[to - 1].last,
                    .bracket_dated = -1,
                    .captions = -1,
                    .verse_file = -1,
                    .heads_at_margin = -1};
    b.last_line = SIZE_MAX - 1;
    b.prose = -1;
    rt_find_dialogue(&b);
    bool ok = true;
    size_t i = b.first;
    while (ok && i <= b.last) {
        const rt_line *l = rt_line_at(&b, i);
        if (l->blank || l->notedef) {
            i++;
            continue;
        }
        ok = build_line(&b, &i);
    }
    g_free(b.speech_ok);
    rt_headings_clear(&b);
    if (ok)
        rt_contents_levels(&b);
    rt_contents_clear(&b);
    if (ok) {
        rt_join_number_headings(st);
        rt_numbered_paragraphs(st);
        rt_glossaries(st);
        rt_title_page(st);
        rt_half_title(st);
        rt_set_levels(st);
        rt_set_parallel_levels(st);
    }
    return ok;
}
