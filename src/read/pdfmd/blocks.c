/* Blocks of a PDF export and the shape of their text: where a sentence or
 * a word is cut, where notes are marked. */
#include "model/typography.h"
#include "read/pdfmd/pdfmd.h"

#include <stdlib.h>
#include <string.h>

/* --- blocks ------------------------------------------------------------ */

static pdfmd_block *block_new(GPtrArray *blocks, pdfmd_block_kind kind, unsigned line, unsigned col)
{
    pdfmd_block *b = g_new0(pdfmd_block, 1);
    b->kind = kind;
    b->text = g_string_new(NULL);
    b->segs = g_array_new(FALSE, FALSE, sizeof(pdfmd_seg));
    b->line = line;
    b->col = col;
    b->contents_index = -1;
    g_ptr_array_add(blocks, b);
    return b;
}

void imprint_pdfmd_block_free(gpointer p)
{
    pdfmd_block *b = p;
    g_string_free(b->text, TRUE);
    g_array_free(b->segs, TRUE);
    g_free(b);
}

static void block_add(pdfmd_block *b, const char *s, size_t n, unsigned line, unsigned col)
{
    if (b->text->len)
        g_string_append_c(b->text, '\n');
    pdfmd_seg seg = {b->text->len, line, col};
    g_array_append_val(b->segs, seg);
    g_string_append_len(b->text, s, (gssize)n);
}

size_t imprint_pdfmd_count_prefix(const char *s, size_t n, char c)
{
    size_t i = 0;
    while (i < n && s[i] == c)
        i++;
    return i;
}

static bool is_rule(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] != s[0] || (s[0] != '-' && s[0] != '*' && s[0] != '_'))
            return false;
    return true;
}

/* `<sup>N</sup>` at the start of `s`: the number and the marker's length. */
static int note_marker(const char *s, size_t n, size_t *len)
{
    if (n < 12 || strncmp(s, "<sup>", 5) != 0)
        return 0;
    size_t i = 5;
    while (i < n && i < 12 && g_ascii_isdigit(s[i]))
        i++;
    if (i == 5 || i + 6 > n || strncmp(s + i, "</sup>", 6) != 0)
        return 0;
    *len = i + 6;
    char digits[8] = {0};
    memcpy(digits, s + 5, i - 5); /* at most 7 digits: the loop above stops at 12 */
    int v = 0;
    imprint_text_number(digits, G_MAXINT, &v);
    return v;
}

/* Number of ASCII digits at the start of the `n` bytes at `s` (a line, which
 * need not end in a NUL: the last line of the buffer does not). */
static size_t digits_prefix(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && g_ascii_isdigit(s[k]))
        k++;
    return k;
}

/* The number of a list item's marker: its `len` (at most 3) digits. */
static int item_number(const char *t, size_t len)
{
    char digits[4] = {0};
    memcpy(digits, t, len);
    int v = 0;
    imprint_text_number(digits, G_MAXINT, &v);
    return v;
}

void imprint_pdfmd_parse_blocks(GPtrArray *blocks, const char *data, size_t len)
{
    pdfmd_block *cur = NULL;
    unsigned lineno = 0;
    for (const char *p = data; p < data + len;) {
        const char *eol = memchr(p, '\n', (size_t)(data + len - p));
        size_t n = eol ? (size_t)(eol - p) : (size_t)(data + len - p);
        const char *s = p;
        p = eol ? eol + 1 : data + len;
        lineno++;
        if (n && s[n - 1] == '\r')
            n--;
        size_t indent = imprint_pdfmd_count_prefix(s, n, ' ');
        const char *t = s + indent;
        size_t tn = n - indent;
        unsigned col = (unsigned)indent + 1;
        if (tn == 0) {
            cur = NULL;
            continue;
        }
        size_t k = imprint_pdfmd_count_prefix(t, tn, '#');
        size_t ml = 0;
        int num;
        if (is_rule(t, tn)) {
            block_new(blocks, PDFMD_RULE, lineno, col);
            cur = NULL;
        } else if (k >= 1 && k <= 6 && k < tn && t[k] == ' ') {
            pdfmd_block *b = block_new(blocks, PDFMD_HEADING, lineno, col);
            b->level = (int)k;
            size_t sp = k + imprint_pdfmd_count_prefix(t + k, tn - k, ' ');
            size_t end = tn;
            while (end > sp && (t[end - 1] == ' ' || t[end - 1] == '#'))
                end--;
            block_add(b, t + sp, end - sp, lineno, col + (unsigned)sp);
            cur = NULL;
        } else if (t[0] == '|') {
            if (!cur || cur->kind != PDFMD_TABLE)
                cur = block_new(blocks, PDFMD_TABLE, lineno, col);
            block_add(cur, t, tn, lineno, col);
        } else if (tn > 2 && (t[0] == '-' || t[0] == '+' || t[0] == '*') && t[1] == ' ') {
            cur = block_new(blocks, PDFMD_ITEM, lineno, col);
            block_add(cur, t + 2, tn - 2, lineno, col + 2);
        } else if ((ml = digits_prefix(t, tn)) >= 1 && ml <= 3 && ml + 2 < tn &&
                   (t[ml] == '.' || t[ml] == ')') && t[ml + 1] == ' ' &&
                   (num = item_number(t, ml)) > 0) {
            cur = block_new(blocks, PDFMD_ITEM, lineno, col);
            cur->number = num;
            block_add(cur, t + ml + 2, tn - ml - 2, lineno, col + (unsigned)ml + 2);
        } else if ((num = note_marker(t, tn, &ml)) > 0) {
            cur = block_new(blocks, PDFMD_NOTE_DEF, lineno, col);
            cur->number = num;
            ml += imprint_pdfmd_count_prefix(t + ml, tn - ml, ' ');
            block_add(cur, t + ml, tn - ml, lineno, col + (unsigned)ml);
        } else if (cur && cur->kind != PDFMD_TABLE) {
            block_add(cur, t, tn, lineno, col);
        } else {
            cur = block_new(blocks, PDFMD_PARA, lineno, col);
            block_add(cur, t, tn, lineno, col);
        }
    }
    /* text under a page's rule before any definition runs on a note */
    bool under_rule = false, defs = false;
    for (guint i = 0; i < blocks->len; i++) {
        pdfmd_block *b = g_ptr_array_index(blocks, i);
        if (b->kind == PDFMD_RULE) {
            under_rule = true;
            defs = false;
        } else if (b->kind == PDFMD_NOTE_DEF) {
            defs = true;
        } else if (b->kind == PDFMD_PARA && under_rule && !defs) {
            b->kind = PDFMD_NOTE_CONT;
        } else {
            under_rule = defs = false;
        }
    }
}

/* --- text shape ---------------------------------------------------------- */

static bool is_open_mark(gunichar c)
{
    return c == '*' || c == '_' || c == '"' || c == '\'' || c == 0x201C || c == 0x2018 ||
           c == 0xAB || c == '(' || c == '[' || c == ' ' || c == 0x201E;
}

static bool is_close_mark(gunichar c)
{
    return c == '*' || c == '_' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 ||
           c == 0xBB || c == ')' || c == ']' || c == ' ';
}

/* The first letter or digit of `s` after opening marks, or 0. */
static gunichar first_letter(const char *s)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!is_open_mark(c))
            return c;
    }
    return 0;
}

size_t imprint_pdfmd_cut_note_mark(const char *s, size_t n)
{
    if (n >= 6 && strncmp(s + n - 6, "</sup>", 6) == 0) {
        const char *open = g_strrstr_len(s, (gssize)n, "<sup>");
        if (open)
            return (size_t)(open - s);
    }
    return n;
}

/* Length of `s` without trailing closing marks and note markers. */
static size_t core_len(const char *s, size_t n)
{
    for (;;) {
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
            n--;
        size_t cut = imprint_pdfmd_cut_note_mark(s, n);
        if (cut != n) {
            n = cut;
            continue;
        }
        if (!n)
            return 0;
        const char *prev = g_utf8_find_prev_char(s, s + n);
        if (prev && is_close_mark(g_utf8_get_char(prev))) {
            n = (size_t)(prev - s);
            continue;
        }
        return n;
    }
}

pdfmd_end imprint_pdfmd_end_of(const pdfmd_block *b)
{
    if (b->kind == PDFMD_HEADING)
        return PDFMD_END_HEADING;
    if (b->kind == PDFMD_TABLE)
        return PDFMD_END_COMPLETE;
    const char *s = b->text->str;
    size_t n = b->text->len;
    while (n && (s[n - 1] == '*' || s[n - 1] == '_' || s[n - 1] == ' '))
        n--;
    if (n >= 2 && s[n - 1] == '-' &&
        g_unichar_isalpha(g_utf8_get_char(g_utf8_find_prev_char(s, s + n - 1))))
        return PDFMD_END_HYPHEN;
    n = core_len(s, b->text->len);
    if (!n)
        return PDFMD_END_MID;
    gunichar c = g_utf8_get_char(g_utf8_find_prev_char(s, s + n));
    if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        return PDFMD_END_COMPLETE;
    if (c == ':' || c == ';')
        return PDFMD_END_EITHER;
    return PDFMD_END_MID;
}

/* Whether `s` opens with an editor's bracketed change of case, "[t]he": the
 * quotation starts there, it does not continue a sentence. */
static bool bracketed_case(const char *s)
{
    const char *p = s;
    while (*p == '*' || *p == '_' || *p == '"' || *p == ' ')
        p++;
    if (g_str_has_prefix(p, "\u201C") || g_str_has_prefix(p, "\u2018"))
        p += 3;
    return p[0] == '[' && g_ascii_isalpha(p[1]) && p[2] == ']';
}

pdfmd_start imprint_pdfmd_start_of(const pdfmd_block *b)
{
    if (b->kind == PDFMD_HEADING)
        return PDFMD_START_HEADING;
    if (b->kind == PDFMD_ITEM || b->kind == PDFMD_TABLE)
        return PDFMD_START_LIST;
    if (bracketed_case(b->text->str))
        return PDFMD_START_CAPITAL;
    return g_unichar_islower(first_letter(b->text->str)) ? PDFMD_START_LOWER : PDFMD_START_CAPITAL;
}

/* The first (or last) word of `s`, letters only, lower-cased (g_free()). */
char *imprint_pdfmd_edge_word(const char *s, size_t len, bool last, bool lower)
{
    const char *start = NULL, *end = NULL, *stop = s + len;
    if (!last) {
        const char *p = s;
        bool gt_left = true; /* no '>' found once: none is searched for again */
        while (p < stop && !g_unichar_isalpha(g_utf8_get_char(p))) {
            if (*p == '<' && gt_left) { /* skip a tag */
                const char *gt = memchr(p, '>', (size_t)(stop - p));
                gt_left = gt != NULL;
                p = gt ? gt + 1 : p + 1;
                continue;
            }
            p = g_utf8_next_char(p);
        }
        start = p;
        while (p < stop && g_unichar_isalpha(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        end = p;
    } else {
        const char *q = stop;
        bool lt_left = true;
        while (q > s) { /* back over closing marks, note marks and punctuation */
            if (q[-1] == '>' && lt_left) {
                const char *lt = g_strrstr_len(s, q - s, "<");
                lt_left = lt != NULL;
                if (lt) {
                    q = lt;
                    continue;
                }
            }
            const char *pc = g_utf8_find_prev_char(s, q);
            if (g_unichar_isalpha(g_utf8_get_char(pc)))
                break;
            q = pc;
        }
        end = q;
        const char *p = end;
        while (p > s) {
            const char *q = g_utf8_find_prev_char(s, p);
            if (!q || !g_unichar_isalpha(g_utf8_get_char(q)))
                break;
            p = q;
        }
        start = p;
    }
    if (start == end)
        return NULL;
    return lower ? g_utf8_strdown(start, end - start) : g_strndup(start, (gsize)(end - start));
}

/* Note numbers of the `<sup>N</sup>` marks in `s`. */
void imprint_pdfmd_refs_in(const char *s, GArray *out)
{
    const char *end = s + strlen(s);
    for (const char *p = strstr(s, "<sup>"); p; p = strstr(p + 5, "<sup>")) {
        size_t ml;
        int n = note_marker(p, (size_t)(end - p), &ml);
        if (n > 0)
            g_array_append_val(out, n);
    }
}

size_t imprint_pdfmd_trailing(const GString *s, char c)
{
    size_t n = 0;
    while (n < s->len && s->str[s->len - 1 - n] == c)
        n++;
    return n;
}
