/* The pandoc pass (pandoc.h): the source's lines and what each is (a fence
 * of a fenced div, a `<div>` line, a heading, a table), then one walk that
 * collects links and attributes, the pairing of notes, and the same walk
 * again writing the CommonMark cmark-gfm reads. */
#include "read/markdown/pandoc.h"

#include <string.h>

#include "read/markdown/pandoc_internal.h"

/* Longest line, in characters, read as the title of a section when it
 * stands alone in a `<div>` at the section's start: titles are a few words;
 * a longer line is a paragraph someone wrapped in a div. */
#define MAX_TITLE_CHARS 120

/* --- lines ------------------------------------------------------------- */

/* Length of line `i` without its line end. */
static size_t raw_len(const pd_state *st, unsigned i)
{
    return g_array_index(st->line_start, size_t, i + 1) - 1 - pd_line_start(st, i);
}

static const char *text_of(const pd_state *st, unsigned i, size_t *len)
{
    *len = pd_line_len(st, i);
    return st->src + pd_line_start(st, i);
}

static size_t lead_spaces(const char *s, size_t n)
{
    size_t p = 0;
    while (p < n && s[p] == ' ')
        p++;
    return p;
}

/* --- what a line is ---------------------------------------------------- */

/* A code fence (``` or ~~~): its character and length, or 0. */
static size_t code_fence(const char *s, size_t n, char *ch)
{
    size_t p = lead_spaces(s, n), f = p;
    if (p >= n || (s[p] != '`' && s[p] != '~'))
        return 0;
    while (f < n && s[f] == s[p])
        f++;
    if (f - p < 3 || (s[p] == '`' && memchr(s + f, '`', n - f)))
        return 0;
    *ch = s[p];
    return f - p;
}

static size_t colons(const char *s, size_t n, size_t p)
{
    size_t e = p;
    while (e < n && s[e] == ':')
        e++;
    return e - p;
}

static bool fence_close(const char *s, size_t n)
{
    size_t p = lead_spaces(s, n), c = colons(s, n, p);
    return c >= 3 && p + c == n;
}

/* Width of a list marker ("12. ", "- ") at s[p], or 0. */
static size_t list_marker(const char *s, size_t n, size_t p)
{
    size_t d = p;
    while (d < n && d - p < 9 && g_ascii_isdigit(s[d]))
        d++;
    if (d > p && d < n && (s[d] == '.' || s[d] == ')'))
        d++;
    else if (d == p && p < n && strchr("-*+", s[p]))
        d++;
    else
        return 0;
    size_t e = d;
    while (e < n && s[e] == ' ')
        e++;
    return e > d ? e - p : 0;
}

/* `::: {#id .class}` or `::: word`, perhaps after a list marker. */
static bool div_open(pd_state *st, unsigned i, pd_div *d)
{
    size_t n;
    const char *s = text_of(st, i, &n);
    size_t p = lead_spaces(s, n), m = list_marker(s, n, p);
    size_t c = colons(s, n, p + m);
    if (c < 3)
        return false;
    memset(d, 0, sizeof *d);
    size_t q = p + m + c;
    q += lead_spaces(s + q, n - q);
    pd_attr a;
    if (q < n && s[q] == '{' && pd_attr_parse(s, q, n, &a)) {
        d->id = g_steal_pointer(&a.id);
        d->note = a.note;
        q = a.end;
        pd_attr_clear(&a);
    } else {
        size_t w = q;
        while (q < n && (g_ascii_isalnum(s[q]) || s[q] == '-' || s[q] == '_'))
            q++;
        if (q == w)
            return false;
    }
    q += lead_spaces(s + q, n - q);
    q += colons(s, n, q);
    if (q != n) {
        g_free(d->id);
        return false;
    }
    if (m) {
        d->item_width = (unsigned)(p + m);
        d->item_at = pd_line_start(st, i);
        d->item_len = p + m;
    }
    d->close = G_MAXUINT;
    d->def = -1;
    return true;
}

/* `<div>`, `</div>` and the other containers pandoc keeps as raw HTML lines. */
static bool html_container(const char *s, size_t n)
{
    static const char *const tags[] = {"div",    "section", "article", "header",
                                       "footer", "aside",   "main",    NULL};
    size_t p = lead_spaces(s, n);
    if (p >= n || s[p] != '<' || s[n - 1] != '>')
        return false;
    p += 1 + (p + 1 < n && s[p + 1] == '/');
    for (const char *const *t = tags; *t; t++) {
        size_t l = strlen(*t);
        if (p + l < n && g_ascii_strncasecmp(s + p, *t, l) == 0 &&
            (s[p + l] == '>' || s[p + l] == ' '))
            return memchr(s + p, '>', n - p) == s + n - 1;
    }
    return false;
}

static bool is_blank(const pd_state *st, unsigned i)
{
    return i >= st->nlines || pd_line_len(st, i) == 0;
}

/* kramdown's block attributes alone on a line ("{: .note}", "{:toc}",
 * Jekyll's Markdown), under three spaces of indent: the class or id of the
 * block beside it, nothing to read. */
static bool kramdown_attrs(const char *s, size_t n)
{
    size_t lead = lead_spaces(s, n);
    return lead < 4 && n - lead > 3 && s[lead] == '{' && s[lead + 1] == ':' && s[n - 1] == '}' &&
           !memchr(s + lead + 2, '}', n - lead - 3);
}

/* kramdown's contents placeholder, "* TOC" right over "{:toc}": the place
 * where its own contents would be made, no list of the text's. */
static bool kramdown_toc(pd_state *st, unsigned i)
{
    size_t n, nn = 0;
    const char *s = text_of(st, i, &n);
    if (i + 1 >= st->nlines)
        return false;
    const char *next = text_of(st, i + 1, &nn);
    size_t lead = lead_spaces(next, nn);
    return (n == 5 && (s[0] == '*' || s[0] == '-') && memcmp(s + 1, " TOC", 4) == 0) &&
           nn - lead == 6 && memcmp(next + lead, "{:toc}", 6) == 0;
}

/* A container tag alone between blank lines or fences: pandoc's structure. */
static bool html_div_line(pd_state *st, unsigned i)
{
    size_t n, nn = 0;
    const char *s = text_of(st, i, &n);
    if (!html_container(s, n))
        return false;
    if (i > 0 && st->kind[i - 1] != PD_BLANK && st->kind[i - 1] != PD_FENCE_OPEN &&
        st->kind[i - 1] != PD_FENCE_CLOSE && st->kind[i - 1] != PD_HTML_DIV)
        return false;
    if (is_blank(st, i + 1))
        return true;
    const char *next = text_of(st, i + 1, &nn);
    return html_container(next, nn) || colons(next, nn, lead_spaces(next, nn)) >= 3;
}

static int atx_level(const char *s, size_t n)
{
    size_t p = 0;
    while (p < n && (s[p] == ' ' || s[p] == '>'))
        p++;
    size_t h = p;
    while (h < n && s[h] == '#')
        h++;
    return h > p && h - p <= 6 && (h == n || s[h] == ' ' || s[h] == '\t') ? (int)(h - p) : 0;
}

static int setext_level(const char *s, size_t n)
{
    size_t p = lead_spaces(s, n);
    if (p > 3 || p >= n || (s[p] != '=' && s[p] != '-'))
        return 0;
    for (size_t q = p; q < n; q++)
        if (s[q] != s[p])
            return 0;
    return s[p] == '=' ? 1 : 2;
}

/* `---`, `* * *`, `___`: a thematic break, which no dash in it may change. */
static bool thematic_break(const char *s, size_t n)
{
    size_t p = lead_spaces(s, n), count = 0;
    if (p > 3 || p >= n || !strchr("-*_", s[p]))
        return false;
    for (size_t q = p; q < n; q++) {
        if (s[q] == s[p])
            count++;
        else if (s[q] != ' ')
            return false;
    }
    return count >= 3;
}

/* A GFM pipe table's delimiter row (`|---|:--:|`, in a quote too): its
 * `---` and `--` are the table's syntax, not pandoc's em and en dashes. */
static bool delimiter_row(const char *s, size_t n)
{
    size_t p = 0;
    while (p < n && (s[p] == ' ' || s[p] == '>'))
        p++;
    bool pipe = false, dash = false;
    for (; p < n; p++) {
        if (!strchr("|-: \t", s[p]))
            return false;
        pipe |= s[p] == '|';
        dash |= s[p] == '-';
    }
    return pipe && dash;
}

static int top_div(GArray *open)
{
    return open->len ? g_array_index(open, int, open->len - 1) : -1;
}

static pd_div *div_at(pd_state *st, int d)
{
    return &g_array_index(st->divs, pd_div, d);
}

/* The first heading of the innermost div gives the level of its sections. */
static void heading_seen(pd_state *st, GArray *open, int level)
{
    int d = top_div(open);
    if (d >= 0 && !div_at(st, d)->heading_level)
        div_at(st, d)->heading_level = level;
}

/* A `<div>` at a section's start holding one short line between blank
 * lines: the section's title, written as a paragraph because the HTML had
 * no heading there. Marks its five lines and returns true. */
static bool section_title(pd_state *st, unsigned i, GArray *open)
{
    size_t n, tn, cn;
    const char *s = text_of(st, i, &n);
    if (i + 4 >= st->nlines || s[lead_spaces(s, n) + 1] == '/' || !is_blank(st, i + 1) ||
        is_blank(st, i + 2) || !is_blank(st, i + 3))
        return false;
    const char *close = text_of(st, i + 4, &cn), *t = text_of(st, i + 2, &tn);
    if (!html_container(close, cn) || close[lead_spaces(close, cn) + 1] != '/')
        return false;
    unsigned p = i;
    while (p > 0 && st->kind[p - 1] == PD_BLANK)
        p--;
    if (p == 0 || st->kind[p - 1] != PD_FENCE_OPEN)
        return false;
    size_t lead = lead_spaces(t, tn);
    if (g_utf8_strlen(t, (gssize)tn) > MAX_TITLE_CHARS || strchr(".,;:", t[tn - 1]) ||
        strchr("#>*+-|<:[", t[lead]) || list_marker(t, tn, lead))
        return false;
    int level = 0;
    for (guint k = open->len; k-- > 0 && !level;)
        level = div_at(st, g_array_index(open, int, k))->heading_level;
    level = MIN(level ? level + 1 : 2, 6);
    heading_seen(st, open, level);
    static const guint8 kinds[] = {PD_HTML_DIV, PD_BLANK, PD_TITLE, PD_BLANK, PD_HTML_DIV};
    for (unsigned k = 0; k < 5; k++) {
        st->kind[i + k] = kinds[k];
        st->owner[i + k] = k == 2 ? level : -1;
    }
    return true;
}

static bool block_start(const pd_state *st, unsigned i)
{
    return i == 0 || st->kind[i - 1] == PD_BLANK || st->kind[i - 1] == PD_FENCE_OPEN ||
           st->kind[i - 1] == PD_FENCE_CLOSE || st->kind[i - 1] == PD_HTML_DIV;
}

/* A `[^label]:` definition already in the file: pandoc's notes must not
 * take its label. */
static void gfm_label(pd_state *st, const char *s, size_t n)
{
    size_t p = lead_spaces(s, n);
    if (p > 3 || p + 3 >= n || s[p] != '[' || s[p + 1] != '^')
        return;
    const char *close = memchr(s + p, ']', n - p);
    if (close && close + 1 < s + n && close[1] == ':')
        g_hash_table_add(st->labels, g_strndup(s + p + 2, (size_t)(close - s - p - 2)));
}

/* pandoc's identifier for a heading that has none of its own (its text
 * `s`, without the marks of an ATX heading): its letters, digits, '_', '-'
 * and '.', spaces as hyphens, in small letters, from its first letter on,
 * "-1", "-2" … after one already taken ("What's New: Work Offline" →
 * "whats-new-work-offline"). A table of contents that pandoc converted from
 * Word links its entries to the headings so. */
static void auto_identifier(pd_state *st, const char *s, size_t n)
{
    if (g_strstr_len(s, (gssize)n, "{#"))
        return;
    const char *attr = n && s[n - 1] == '}' ? g_strrstr_len(s, (gssize)n, "{") : NULL;
    if (attr)
        n = (size_t)(attr - s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '#'))
        n--;
    GString *id = g_string_new(NULL);
    for (const char *p = s, *end = s + n; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!id->len && !g_unichar_isalpha(c))
            continue;
        if (g_unichar_isalnum(c) || c == '_' || c == '-' || c == '.')
            g_string_append_unichar(id, g_unichar_tolower(c));
        else if (c == ' ')
            g_string_append_c(id, '-');
    }
    if (!id->len)
        g_string_assign(id, "section");
    size_t stem = id->len;
    for (unsigned k = 1; g_hash_table_contains(st->ids, id->str); k++) {
        g_string_truncate(id, stem);
        g_string_append_printf(id, "-%u", k);
    }
    g_hash_table_add(st->ids, g_string_free(id, FALSE));
}

/* Tables, headings and text, once fences and `<div>` lines are told. */
static void classify_block(pd_state *st, unsigned *ip, GArray *open)
{
    unsigned i = *ip;
    size_t n;
    const char *s = text_of(st, i, &n);
    bool odd = false;
    pd_table *t = block_start(st, i) ? pd_table_at(st, i, &odd) : NULL;
    if (t) {
        for (unsigned k = t->first; k <= t->last; k++) {
            st->kind[k] = PD_TABLE;
            st->owner[k] = (int)st->tables->len;
        }
        g_ptr_array_add(st->tables, t);
        *ip = t->last;
        return;
    }
    if (odd)
        imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, pd_pos(st, pd_line_start(st, i)),
                             "this looks like a pandoc grid table, but its rows do not line up "
                             "with its columns (joined cells?); kept as written");
    int level = atx_level(s, n);
    size_t nn = 0;
    const char *next = i + 1 < st->nlines ? text_of(st, i + 1, &nn) : NULL;
    /* under a setext heading's text the same line is its underline */
    if (thematic_break(s, n) && !(i > 0 && st->kind[i - 1] == PD_SETEXT)) {
        st->kind[i] = PD_RULE;
        return;
    }
    if (delimiter_row(s, n)) {
        st->kind[i] = PD_DELIMITER;
        return;
    }
    if (level) {
        st->kind[i] = PD_ATX;
        st->owner[i] = top_div(open);
    } else if (next && (level = setext_level(next, nn))) {
        st->kind[i] = PD_SETEXT;
    } else {
        st->kind[i] = PD_TEXT;
        gfm_label(st, s, n);
    }
    if (level) {
        heading_seen(st, open, level);
        size_t h = lead_spaces(s, n);
        while (st->kind[i] == PD_ATX && h < n && (s[h] == '#' || s[h] == ' ' || s[h] == '>'))
            h++;
        auto_identifier(st, s + h, n - h);
    }
}

static void classify_fences(pd_state *st, unsigned i, GArray *open)
{
    size_t n;
    const char *s = text_of(st, i, &n);
    pd_div d;
    if (open->len && fence_close(s, n)) {
        int k = top_div(open);
        g_array_set_size(open, open->len - 1);
        div_at(st, k)->close = i;
        st->kind[i] = PD_FENCE_CLOSE;
        st->owner[i] = k;
    } else if (div_open(st, i, &d)) {
        d.open = i;
        d.parent = top_div(open);
        if (d.id)
            g_hash_table_add(st->ids, g_strdup(d.id));
        int k = (int)st->divs->len;
        g_array_append_val(st->divs, d);
        g_array_append_val(open, k);
        st->kind[i] = PD_FENCE_OPEN;
        st->owner[i] = k;
    } else if (fence_close(s, n)) {
        st->kind[i] = PD_TEXT;
        imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, pd_pos(st, pd_line_start(st, i)),
                             "':::' closes no fenced div; kept as text");
    }
}

/* Whether line `i` is a line of an indented code block: set in four
 * spaces at least, under a blank line over text at the margin that opens
 * no list item (or under the block's own lines, blank lines between), as
 * CommonMark reads it. Its `^[…]` and `--` stay as typed. A list item's
 * or a pandoc definition's blocks set in under it are no code. */
static bool indented_code(const pd_state *st, unsigned i, const char *s, size_t n)
{
    if (i == 0 || lead_spaces(s, n) < 4)
        return false;
    if (st->kind[i - 1] == PD_CODE)
        return true;
    if (st->kind[i - 1] != PD_BLANK)
        return false;
    unsigned k = i - 1;
    while (k > 0 && st->kind[k] == PD_BLANK)
        k--;
    if (st->kind[k] == PD_BLANK || st->kind[k] == PD_CODE)
        return true;
    size_t kn;
    const char *ks = text_of(st, k, &kn);
    /* (":   Specify input format.": a definition's, whose blocks are set in) */
    bool definition = kn > 1 && (ks[0] == ':' || ks[0] == '~') && (ks[1] == ' ' || ks[1] == '\t');
    return lead_spaces(ks, kn) == 0 && !list_marker(ks, kn, 0) && !definition &&
           st->kind[k] != PD_FENCE_OPEN;
}

static void classify(pd_state *st)
{
    GArray *open = g_array_new(FALSE, FALSE, sizeof(int));
    char fence = 0, ch = 0;
    size_t fence_len = 0;
    for (unsigned i = 0; i < st->nlines; i++) {
        size_t n, f;
        const char *s = text_of(st, i, &n);
        st->owner[i] = -1;
        st->kind[i] = PD_CODE;
        if (fence) {
            f = code_fence(s, n, &ch);
            if (ch == fence && f >= fence_len && lead_spaces(s, n) + f == n)
                fence = 0;
            continue;
        }
        if ((fence_len = code_fence(s, n, &fence)))
            continue;
        fence = 0;
        if (indented_code(st, i, s, n))
            continue; /* (PD_CODE) */
        st->kind[i] = n ? PD_TEXT : PD_BLANK;
        if (!n)
            continue;
        classify_fences(st, i, open);
        if (st->kind[i] != PD_TEXT)
            continue;
        if (kramdown_attrs(s, n) || kramdown_toc(st, i)) {
            st->kind[i] = PD_KRAMDOWN;
            continue;
        }
        if (html_div_line(st, i)) {
            if (section_title(st, i, open))
                i += 4;
            else
                st->kind[i] = PD_HTML_DIV;
            continue;
        }
        if (!fence_close(s, n))
            classify_block(st, &i, open);
    }
    for (guint k = 0; k < open->len; k++) {
        pd_div *d = div_at(st, g_array_index(open, int, k));
        imprint_diags_report(st->diags, IMPRINT_SEV_WARNING, pd_pos(st, pd_line_start(st, d->open)),
                             "this fenced div is never closed; its fence is removed and its "
                             "text kept to the end of the file");
    }
    g_array_free(open, TRUE);
}

/* --- the walk ---------------------------------------------------------- */

/* The line end of line `i`, if it has one. */
static void eol(pd_state *st, unsigned i)
{
    if (st->out && i + 1 < st->nlines)
        md_map_src(st->out, st->src, pd_line_start(st, i + 1) - 1, 1);
}

/* How line `i` is indented in the text written: a line inside a note taken
 * from a fenced div loses the list marker's indent and takes the four spaces
 * of a `[^label]:` definition's text. Returns the literal to write first
 * (or NULL) and sets how many bytes of the line to skip. */
static const char *indent_of(const pd_state *st, unsigned i, size_t *skip)
{
    *skip = 0;
    if (!st->out || st->def_of[i] < 0)
        return NULL;
    const pd_def *def = &g_array_index(st->defs, pd_def, st->def_of[i]);
    if (def->div < 0 || i == def->first || i == def->last || !pd_line_len(st, i))
        return NULL;
    const pd_div *d = &g_array_index(st->divs, pd_div, def->div);
    size_t n;
    const char *s = text_of(st, i, &n);
    *skip = MIN(lead_spaces(s, n), d->item_width);
    return "    ";
}

/* Lines `a` to `b` as the text of one unit, line ends between them. */
static void unit_text(const pd_state *st, unsigned a, unsigned b, md_map *v)
{
    for (unsigned l = a; l <= b; l++) {
        size_t skip, start = pd_line_start(st, l);
        const char *pre = indent_of(st, l, &skip);
        if (pre)
            md_map_lit(v, pre, strlen(pre), start);
        md_map_src(v, st->src, start + skip, raw_len(st, l) - skip);
        if (l < b)
            md_map_src(v, st->src, pd_line_start(st, l + 1) - 1, 1);
    }
}

static void unit(pd_state *st, unsigned a, unsigned b, unsigned flags)
{
    md_map v;
    md_map_init(&v);
    unit_text(st, a, b, &v);
    pd_inline(st, &v, 0, v.text->len, flags);
    md_map_clear(&v);
    eol(st, b);
}

static void raw_line(pd_state *st, unsigned i)
{
    if (!st->out)
        return;
    md_map v;
    md_map_init(&v);
    unit_text(st, i, i, &v);
    md_map_copy(st->out, &v, 0, v.text->len);
    md_map_clear(&v);
    eol(st, i);
}

/* A fence line goes; a note's first line becomes `[^label]:`, and a list
 * item's marker before a fence stays. */
static void fence_line(pd_state *st, unsigned i)
{
    const pd_div *d = div_at(st, st->owner[i]);
    if (st->out && st->kind[i] == PD_FENCE_OPEN) {
        if (d->def >= 0) {
            char *head = g_strdup_printf("[^%s]:", g_array_index(st->defs, pd_def, d->def).label);
            md_map_lit(st->out, head, strlen(head), pd_line_start(st, i));
            g_free(head);
        } else if (d->item_len) {
            md_map_src(st->out, st->src, d->item_at, d->item_len);
        }
    }
    eol(st, i);
}

static unsigned table_lines(pd_state *st, unsigned i)
{
    const pd_table *t = g_ptr_array_index(st->tables, st->owner[i]);
    md_map prefix;
    md_map_init(&prefix);
    size_t skip, n, start = pd_line_start(st, t->first);
    const char *pre = indent_of(st, t->first, &skip);
    const char *s = text_of(st, t->first, &n);
    if (pre)
        md_map_lit(&prefix, pre, strlen(pre), start);
    size_t lead = lead_spaces(s, n);
    if (lead > skip)
        md_map_src(&prefix, st->src, start + skip, lead - skip);
    pd_table_emit(st, t, &prefix);
    md_map_clear(&prefix);
    /* a pipe table runs on into any line that follows it */
    if (st->out && !is_blank(st, t->last + 1) && t->last + 1 < st->nlines)
        md_map_lit(st->out, "\n", 1, pd_line_start(st, t->last + 1));
    return t->last + 1;
}

static void title_line(pd_state *st, unsigned i)
{
    size_t n, start = pd_line_start(st, i);
    const char *s = text_of(st, i, &n);
    int level = st->owner[i];
    if (st->out) {
        char hashes[8] = "######";
        hashes[level] = ' ';
        hashes[level + 1] = '\0';
        md_map_lit(st->out, hashes, strlen(hashes), start);
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, pd_pos(st, start),
                             "the one line of a <div> at the start of a section read as the "
                             "section's title (a heading one level below the enclosing "
                             "section's, '%.*s')",
                             level, "######");
    }
    md_map v;
    md_map_init(&v);
    size_t lead = lead_spaces(s, n);
    md_map_src(&v, st->src, start + lead, raw_len(st, i) - lead);
    pd_inline(st, &v, 0, v.text->len, PD_IN_HEADING);
    md_map_clear(&v);
    eol(st, i);
}

/* A heading followed by nothing but the notes taken from under it (pandoc's
 * "Endnotes"): the outputs make their own notes sections. */
static bool heading_of_notes(const pd_state *st, unsigned i)
{
    if (!st->out)
        return false;
    unsigned j = i + 1;
    while (j < st->nlines && st->kind[j] == PD_BLANK)
        j++;
    if (j >= st->nlines || st->def_of[j] < 0 ||
        g_array_index(st->defs, pd_def, st->def_of[j]).first != j)
        return false;
    int d = st->owner[i];
    unsigned end = st->nlines;
    if (d >= 0 && g_array_index(st->divs, pd_div, d).close != G_MAXUINT)
        end = g_array_index(st->divs, pd_div, d).close;
    for (unsigned k = j; k < end; k++)
        if (st->kind[k] != PD_BLANK && st->kind[k] != PD_FENCE_CLOSE && st->def_of[k] < 0)
            return false;
    return true;
}

static void heading_line(pd_state *st, unsigned i)
{
    if (!heading_of_notes(st, i)) {
        unit(st, i, i, PD_IN_HEADING);
        return;
    }
    size_t n;
    const char *s = text_of(st, i, &n);
    size_t p = 0;
    while (p < n && (s[p] == '#' || s[p] == ' ' || s[p] == '>'))
        p++;
    const char *brace = s[n - 1] == '}' ? g_strrstr_len(s + p, (gssize)(n - p), " {") : NULL;
    size_t len = brace ? (size_t)(brace - s - p) : n - p;
    imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, pd_pos(st, pd_line_start(st, i)),
                         "heading '%.*s' dropped: the notes under it are the article's notes "
                         "now, and every output places them itself",
                         (int)len, s + p);
    eol(st, i);
}

static unsigned text_run(pd_state *st, unsigned i)
{
    unsigned j = i;
    while (st->kind[j] == PD_TEXT && j + 1 < st->nlines &&
           (st->kind[j + 1] == PD_TEXT || st->kind[j + 1] == PD_SETEXT))
        j++;
    unit(st, i, j, PD_IN_PARA | (st->kind[j] == PD_SETEXT ? PD_IN_HEADING : 0));
    return j + 1;
}

static void walk(pd_state *st)
{
    for (unsigned i = 0; i < st->nlines;) {
        switch ((pd_kind)st->kind[i]) {
        case PD_FENCE_OPEN:
        case PD_FENCE_CLOSE:
            fence_line(st, i++);
            break;
        case PD_HTML_DIV:
            if (st->out) {
                size_t n;
                const char *s = text_of(st, i, &n);
                size_t lead = lead_spaces(s, n);
                imprint_diags_report(st->diags, IMPRINT_SEV_NOTE,
                                     pd_pos(st, pd_line_start(st, i) + lead),
                                     "pandoc's '%.*s' line dropped; the text it wraps is kept",
                                     (int)(n - lead), s + lead);
            }
            eol(st, i++);
            break;
        case PD_KRAMDOWN:
            if (st->out) {
                size_t n;
                const char *s = text_of(st, i, &n);
                size_t lead = lead_spaces(s, n);
                imprint_diags_report(
                    st->diags, IMPRINT_SEV_NOTE, pd_pos(st, pd_line_start(st, i) + lead),
                    "kramdown's '%.*s' line dropped (%s)", (int)(n - lead), s + lead,
                    s[lead] == '{' ? "a block's attributes"
                                   : "the place of its contents: the "
                                     "edition makes its own");
            }
            eol(st, i++);
            break;
        case PD_TABLE:
            i = table_lines(st, i);
            break;
        case PD_TITLE:
            title_line(st, i++);
            break;
        case PD_ATX:
            heading_line(st, i++);
            break;
        case PD_TEXT:
        case PD_SETEXT:
            i = text_run(st, i);
            break;
        default:
            raw_line(st, i++);
            break;
        }
    }
}

/* --- the pass ---------------------------------------------------------- */

static void summary(pd_state *st, unsigned n, size_t at, const char *what)
{
    if (n)
        imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, pd_pos(st, at), "%s: %u", what, n);
}

static void report_summaries(pd_state *st)
{
    if (st->divs->len)
        summary(st, st->divs->len, pd_line_start(st, div_at(st, 0)->open),
                "pandoc fenced divs (::: … :::) unwrapped, their text kept");
    summary(st, st->attrs, st->first_attr,
            "pandoc attribute blocks ({#id .class key=value}) removed from the text");
    summary(st, st->spans, st->first_span,
            "pandoc bracketed spans ([text]{.class}) read as their text");
    summary(st, st->dashes, st->first_dash,
            "pandoc dashes (--- and --) read as em and en dashes, as pandoc reads them");
    summary(st, st->scripts, st->first_script,
            "pandoc ^superscripts^ and ~subscripts~ read as such");
    summary(
        st, st->inlines, st->first_inline,
        "pandoc inline notes (^[words of the note]) read as notes, each where its marker stands");
    summary(st, st->nested, st->first_nested,
            "links inside a link's text (a converted table of contents' page numbers, "
            "\"[Overview [3](#overview)](#overview)\") read as their text");
}

static void link_clear(gpointer p)
{
    pd_link *l = p;
    g_free(l->text);
    g_free(l->target);
    g_free(l->id);
}

static void div_clear(gpointer p)
{
    g_free(((pd_div *)p)->id);
}

static void def_clear(gpointer p)
{
    g_free(((pd_def *)p)->label);
}

static void inline_note_clear(gpointer p)
{
    g_free(((pd_inline_note *)p)->label);
    g_free(((pd_inline_note *)p)->text);
}

static void state_init(pd_state *st, const char *path, const char *src, size_t len,
                       imprint_diags *diags)
{
    memset(st, 0, sizeof *st);
    st->path = path;
    st->src = src;
    st->len = len;
    st->diags = diags;
    st->line_start = g_array_new(FALSE, FALSE, sizeof(size_t));
    size_t start = 0;
    g_array_append_val(st->line_start, start);
    for (const char *p = src; (p = memchr(p, '\n', len - (size_t)(p - src))); p++) {
        start = (size_t)(p - src) + 1;
        g_array_append_val(st->line_start, start);
    }
    /* the last line ends as if a line end followed it */
    size_t end = len + 1;
    g_array_append_val(st->line_start, end);
    st->nlines = st->line_start->len - 1;
    st->kind = g_new0(guint8, st->nlines);
    st->owner = g_new(int, st->nlines);
    st->def_of = g_new(int, st->nlines);
    for (unsigned i = 0; i < st->nlines; i++)
        st->def_of[i] = -1;
    st->divs = g_array_new(FALSE, FALSE, sizeof(pd_div));
    g_array_set_clear_func(st->divs, div_clear);
    st->tables = g_ptr_array_new_with_free_func(pd_table_free);
    st->links = g_array_new(FALSE, FALSE, sizeof(pd_link));
    g_array_set_clear_func(st->links, link_clear);
    st->link_at = g_hash_table_new(NULL, NULL);
    st->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    st->labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    st->used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    st->inline_notes = g_array_new(FALSE, FALSE, sizeof(pd_inline_note));
    g_array_set_clear_func(st->inline_notes, inline_note_clear);
    st->defs = g_array_new(FALSE, FALSE, sizeof(pd_def));
    g_array_set_clear_func(st->defs, def_clear);
}

static void state_clear(pd_state *st)
{
    g_array_free(st->line_start, TRUE);
    g_free(st->kind);
    g_free(st->owner);
    g_free(st->def_of);
    g_array_free(st->divs, TRUE);
    g_ptr_array_free(st->tables, TRUE);
    g_array_free(st->links, TRUE);
    g_hash_table_destroy(st->link_at);
    g_hash_table_destroy(st->ids);
    g_hash_table_destroy(st->labels);
    g_hash_table_destroy(st->used);
    g_array_free(st->inline_notes, TRUE);
    g_array_free(st->defs, TRUE);
}

void imprint_pandoc_rewrite(const char *path, const char *src, size_t len, imprint_diags *diags,
                            md_map *out, GArray *tables)
{
    pd_state st;
    state_init(&st, path, src, len, diags);
    classify(&st);
    walk(&st);
    pd_notes_pair(&st);
    /* only a file that is pandoc's has its dashes and scripts read as pandoc
     * reads them: elsewhere `--` may be an option or an attribution's mark */
    st.pandoc = st.divs->len || st.tables->len || st.seen || st.defs->len;
    st.out = out;
    st.written = tables;
    walk(&st);
    pd_inline_notes_write(&st);
    report_summaries(&st);
    state_clear(&st);
}
