/* Inline content of the text reader: typography, bare URLs as links, and
 * superscript footnote markers as note references. */

#include <string.h>

#include "model/typography.h"
#include "read/text/text.h"

imprint_pos rt_pos(const rt_state *st, unsigned line, unsigned col)
{
    return (imprint_pos){.file = st->path, .line = line, .col = col ? col : 1};
}

typedef struct {
    size_t open, close; /* byte offsets of the two marks */
} span;

/* Declared here, defined with the inline content below. */
static GArray *emphasis_spans(const char *text, size_t len, const char *marks);

/* The marks of emphasis the file uses: "_" and "*", and "=" for bold
 * where a transcriber set it so (rt_find_bold_equals). */
static const char *marks_of(const rt_state *st)
{
    return st->bold_equals ? "_*=" : "_*";
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

char *rt_plain(rt_state *st, const char *s, size_t len)
{
    /* "_The Quiet Year_", "THE ANGLER; OR, _THE RECREATION_.": a title or
     * a name in emphasis is plain text here, without the marks. */
    char *t = imprint_typography_apply(s, len);
    size_t tlen = strlen(t);
    GArray *spans = emphasis_spans(t, tlen, marks_of(st));
    /* (the marks left out; spans may nest) */
    GArray *marks = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (guint k = 0; k < spans->len; k++) {
        const span *m = &g_array_index(spans, span, k);
        g_array_append_val(marks, m->open);
        g_array_append_val(marks, m->close);
    }
    g_array_sort(marks, cmp_size);
    GString *out = g_string_sized_new(tlen);
    size_t from = 0;
    for (guint k = 0; k < marks->len; k++) {
        size_t at = g_array_index(marks, size_t, k);
        g_string_append_len(out, t + from, (gssize)(at - from));
        from = at + 1;
    }
    g_string_append_len(out, t + from, (gssize)(tlen - from));
    g_array_free(marks, TRUE);
    g_array_free(spans, TRUE);
    g_free(t);
    imprint_typography_squeeze_spaces(out->str, out->len, NULL);
    char *r = imprint_arena_strdup(st->doc->arena, out->str);
    g_string_free(out, TRUE);
    return r;
}

imprint_pos rt_line_pos(const rt_state *st, const rt_line *l, size_t offset)
{
    size_t cp = (size_t)g_utf8_strlen(l->t, (gssize)offset);
    unsigned line = l->lineno, col = l->tcol + (unsigned)cp;
    for (unsigned k = 0; k < l->nsegs && l->segs[k].cp <= cp; k++) {
        line = l->segs[k].lineno;
        col = l->segs[k].col + (unsigned)(cp - l->segs[k].cp);
    }
    return rt_pos(st, line, col);
}

/* The place of code point `cp` of a line's text, `seg` the index of the
 * first physical line not yet reached (updated as the walk goes on). */
static imprint_pos cp_pos(const rt_state *st, const rt_line *l, size_t cp, unsigned *seg)
{
    while (*seg < l->nsegs && l->segs[*seg].cp <= cp)
        (*seg)++;
    if (*seg == 0)
        return rt_pos(st, l->lineno, l->tcol + (unsigned)cp);
    const rt_seg *s = &l->segs[*seg - 1];
    return rt_pos(st, s->lineno, s->col + (unsigned)(cp - s->cp));
}

static void flush_text(rt_state *st, imprint_node *parent, const char *start, const char *end,
                       imprint_pos pos)
{
    if (end <= start)
        return;
    char *text = g_strndup(start, (size_t)(end - start));
    size_t runs;
    size_t len = imprint_typography_squeeze_spaces(text, (size_t)(end - start), &runs);
    if (runs && !st->squeezed)
        st->first_squeezed = pos;
    st->squeezed += runs;
    imprint_node_append(parent, imprint_node_new_text(st->doc, pos, text, len));
    g_free(text);
}

/* A URL starts a word: at the start, or after a space or opening bracket. */
static bool url_may_start(const char *text, const char *p)
{
    if (p == text)
        return true;
    gunichar prev = g_utf8_get_char(g_utf8_find_prev_char(text, p));
    return g_unichar_isspace(prev) || prev == 0x00A0 || prev == '(' || prev == '[' ||
           prev == 0x201C || prev == 0x2018 || prev == ':' || prev == '<';
}

bool rt_mark_opens_after(gunichar before)
{
    return g_unichar_isspace(before) || before == 0x00A0 || before == '(' || before == '[' ||
           before == 0x201C || before == 0x2018 || before == '"' || before == '\'' ||
           before == 0x2014 || before == 0x2013;
}

/* Whether "_" at `close` ends emphasis on the first part of a word
 * ("_horse_man", "_Re_sonare"): letters alone between the marks, and
 * small letters after the close to the word's end. */
static bool word_part(const char *open, const char *close, const char *end)
{
    if (*close != '_')
        return false;
    for (const char *q = open + 1; q < close; q = g_utf8_next_char(q))
        if (!g_unichar_isalpha(g_utf8_get_char(q)))
            return false;
    const char *q = close + 1;
    if (q >= end || !g_unichar_islower(g_utf8_get_char(q)))
        return false;
    while (q < end && g_unichar_isalpha(g_utf8_get_char(q))) {
        if (!g_unichar_islower(g_utf8_get_char(q)))
            return false;
        q = g_utf8_next_char(q);
    }
    return q >= end || (!g_unichar_isalnum(g_utf8_get_char(q)) && *q != '_');
}

static int span_cmp(const void *a, const void *b)
{
    size_t x = ((const span *)a)->open, y = ((const span *)b)->open;
    return x < y ? -1 : x > y;
}

/* Emphasis written "_so_" (Gutenberg's italics) or "*so*", and "=so=" when
 * `marks` holds "=" (a transcriber's bold): a mark before a word, the same
 * mark after one and not before a letter or digit (but for the first part
 * of a word, word_part). A lone mark, "snake_case", "2 * 3" and "a = b"
 * stay as they are. */
static GArray *emphasis_spans(const char *text, size_t len, const char *marks)
{
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(span));
    /* (an emphasis inside another, "_SCENE, _Peachum's_ House._", the
     * words a transcriber set back in roman: EMPHASIS_MAX_NESTING deep) */
    const char *open[EMPHASIS_MAX_NESTING];
    int depth = 0;
    const char *end = text + len;
    bool is_mark[256] = {false};
    for (const char *m = marks; *m; m++)
        is_mark[(unsigned char)*m] = true;
    /* The marks are ASCII, never a byte inside a character: bytes that are
     * no mark are stepped over one by one, without a lookup a character. */
    for (const char *p = text; p < end; p++) {
        if (!is_mark[(unsigned char)*p])
            continue;
        gunichar before = p > text ? g_utf8_get_char(g_utf8_find_prev_char(text, p)) : ' ';
        gunichar after = p + 1 < end ? g_utf8_get_char(p + 1) : ' ';
        const char *top = depth ? open[depth - 1] : NULL;
        if (top && *top == *p && top + 1 < p && !g_unichar_isspace(before) &&
            (!g_unichar_isalnum(after) || word_part(top, p, end)) && after != (gunichar)*p) {
            span s = {(size_t)(top - text), (size_t)(p - text)};
            g_array_append_val(spans, s);
            depth--;
        } else if ((rt_mark_opens_after(before) ||
                    (p - text >= 2 && p[-1] == '-' && p[-2] == '-')) &&
                   !g_unichar_isspace(after) && !(after < 0x80 && strchr(marks, (int)after))) {
            /* (a mark left open under another stands for a stray one) */
            if (depth == EMPHASIS_MAX_NESTING || (top && *top != *p))
                depth--;
            open[depth++] = p;
        }
    }
    g_array_sort(spans, span_cmp);
    return spans;
}

size_t rt_bold_equals_spans(const char *s, size_t len)
{
    GArray *spans = emphasis_spans(s, len, "=");
    size_t n = spans->len;
    g_array_free(spans, TRUE);
    return n;
}

/* An ASCII byte that starts no URL and no marker: the loop below only
 * steps over it, and over a run of them at once. */
G_ALWAYS_INLINE static inline bool quiet_byte(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return c < 0x80 && c != 'h' && c != 'H' && c != 'w' && c != 'W' && !rt_marker_may_start(p);
}

static void append_span(rt_state *st, imprint_node *parent, const rt_line *l, size_t offset,
                        size_t len)
{
    char *text = imprint_typography_apply(l->t + offset, len);
    size_t tlen = strlen(text);
    const char *p = text, *end = text + tlen, *run = text;
    /* Code points map one to one under typography: count them to place nodes. */
    size_t cp = (size_t)g_utf8_strlen(l->t, (gssize)offset), run_cp = cp;
    unsigned seg = 0;
    GArray *spans = emphasis_spans(text, tlen, marks_of(st));
    guint next_span = 0;
    /* the parents outside the emphases being built, and where each closes */
    imprint_node *outer[EMPHASIS_MAX_NESTING];
    size_t close_stack[EMPHASIS_MAX_NESTING];
    int depth = 0;
    size_t close_at = SIZE_MAX;
    while (p < end) {
        size_t n, at = (size_t)(p - text);
        while (next_span < spans->len && g_array_index(spans, span, next_span).open < at)
            next_span++; /* its mark went inside a URL */
        bool opening = depth < EMPHASIS_MAX_NESTING && next_span < spans->len &&
                       g_array_index(spans, span, next_span).open == at &&
                       g_array_index(spans, span, next_span).close < close_at;
        if (opening || (depth && at == close_at)) {
            flush_text(st, parent, run, p, cp_pos(st, l, run_cp, &seg));
            if (opening) {
                bool bold = *p == '=';
                imprint_node *emph =
                    imprint_node_new(st->doc, bold ? IMPRINT_NODE_STRONG : IMPRINT_NODE_EMPH,
                                     cp_pos(st, l, cp, &seg));
                imprint_node_append(parent, emph);
                if (bold && st->bold_spans++ == 0)
                    st->first_bold = emph->pos;
                if (!bold && st->emphasis++ == 0)
                    st->first_emphasis = emph->pos;
                outer[depth] = parent;
                close_stack[depth++] = close_at;
                parent = emph;
                close_at = g_array_index(spans, span, next_span++).close;
            } else {
                parent = outer[--depth];
                close_at = close_stack[depth];
            }
            p++;
            cp++;
            run = p;
            run_cp = cp;
            continue;
        }
        if (quiet_byte(p)) {
            size_t next_open =
                next_span < spans->len ? g_array_index(spans, span, next_span).open : tlen;
            size_t stop = MIN(close_at, next_open);
            const char *stop_at = text + MIN(stop, tlen);
            do {
                p++;
                cp++;
            } while (p < stop_at && quiet_byte(p));
            continue;
        }
        if ((*p == 'h' || *p == 'H' || *p == 'w' || *p == 'W') && url_may_start(text, p)) {
            size_t ulen = imprint_typography_url_len(p, (size_t)(end - p));
            if (ulen) {
                flush_text(st, parent, run, p, cp_pos(st, l, run_cp, &seg));
                imprint_pos at = cp_pos(st, l, cp, &seg);
                imprint_node *link = imprint_node_new(st->doc, IMPRINT_NODE_LINK, at);
                bool www = g_ascii_strncasecmp(p, "www.", 4) == 0;
                link->as.link.url =
                    www ? imprint_arena_printf(st->doc->arena, "http://%.*s", (int)ulen, p)
                        : imprint_arena_strndup(st->doc->arena, p, ulen);
                imprint_node_append(link, imprint_node_new_text(st->doc, at, p, ulen));
                imprint_node_append(parent, link);
                cp += rt_utf8_cols(p, ulen);
                p += ulen;
                run = p;
                run_cp = cp;
                continue;
            }
        }
        rt_marker_style style;
        char label[16];
        size_t mlen =
            rt_marker_may_start(p) ? rt_marker_shape(text, p, end, &style, label, sizeof label) : 0;
        if (mlen && rt_marker_taken(st, style, label)) {
            flush_text(st, parent, run, p, cp_pos(st, l, run_cp, &seg));
            imprint_node *ref =
                imprint_node_new(st->doc, IMPRINT_NODE_NOTEREF, cp_pos(st, l, cp, &seg));
            if (!g_ascii_isdigit(label[0])) {
                /* "**" is the second note, "[B]" too */
                ref->as.noteref.number = g_ascii_isalpha(label[0])
                                             ? g_ascii_toupper(label[0]) - 'A' + 1
                                             : (int)g_utf8_strlen(label, -1);
                g_hash_table_insert(st->ref_labels, ref,
                                    imprint_arena_strdup(st->doc->arena, label));
            } else {
                imprint_text_number(label, G_MAXINT, &ref->as.noteref.number);
            }
            imprint_node_append(parent, ref);
            if (st->refs)
                g_ptr_array_add(st->refs, ref);
            cp += rt_utf8_cols(p, mlen);
            p += mlen;
            run = p;
            run_cp = cp;
            continue;
        }
        /* Superscript digits are never ASCII. */
        if (!st->no_notes && (unsigned char)*p >= 0x80 &&
            imprint_typography_superscript_digit(p, (size_t)(end - p), &n) >= 0) {
            const char *q = p;
            int digits = 0;
            long value = 0;
            int d;
            while ((d = imprint_typography_superscript_digit(q, (size_t)(end - q), &n)) >= 0) {
                if (digits < READ_TEXT_MAX_MARKER_DIGITS)
                    value = value * 10 + d;
                digits++;
                q += n;
            }
            if (digits <= READ_TEXT_MAX_MARKER_DIGITS) {
                flush_text(st, parent, run, p, cp_pos(st, l, run_cp, &seg));
                imprint_node *ref =
                    imprint_node_new(st->doc, IMPRINT_NODE_NOTEREF, cp_pos(st, l, cp, &seg));
                ref->as.noteref.number = (int)value;
                imprint_node_append(parent, ref);
                if (st->refs)
                    g_ptr_array_add(st->refs, ref);
                cp += (size_t)digits;
                p = q;
                run = p;
                run_cp = cp;
                continue;
            }
            /* Too long for a note number: it stays as written. */
            cp += (size_t)digits;
            p = q;
            continue;
        }
        p = g_utf8_next_char(p);
        cp++;
    }
    flush_text(st, parent, run, end, cp_pos(st, l, run_cp, &seg));
    g_array_free(spans, TRUE);
    g_free(text);
}

void rt_append_inlines(rt_state *st, imprint_node *parent, const rt_line *l, size_t offset,
                       size_t len)
{
    size_t open, inner, after;
    /* (a transcriber's "♦Feudal rights.♦" in a paragraph: a sidenote set
     * before it, the paragraph reading on without it) */
    while (parent->kind == IMPRINT_NODE_PARAGRAPH &&
           rt_diamond_sidenote(l->t + offset, len, &open, &inner, &after)) {
        size_t before = open;
        if (after == len)
            while (before > 0 && l->t[offset + before - 1] == ' ')
                before--;
        append_span(st, parent, l, offset, before);
        if (!st->pending_sidenotes)
            st->pending_sidenotes = g_ptr_array_new();
        g_ptr_array_add(st->pending_sidenotes,
                        rt_sidenote_from(st, l, offset + open + RT_DIAMOND_LEN, inner));
        offset += after;
        len -= after;
    }
    append_span(st, parent, l, offset, len);
}

imprint_node *rt_block_with_text(rt_state *st, imprint_node_kind kind, const rt_line *l,
                                 size_t skip)
{
    return rt_block_with_span(st, kind, l, skip, 0);
}

imprint_node *rt_block_with_span(rt_state *st, imprint_node_kind kind, const rt_line *l,
                                 size_t skip, size_t cut)
{
    const char *s = l->t + skip;
    size_t len = l->tlen - skip - MIN(cut, l->tlen - skip);
    /* skip spaces after a marker */
    size_t n;
    while (read_space_at(s, s + len, &n)) {
        s += n;
        len -= n;
    }
    imprint_node *b = imprint_node_new(st->doc, kind, rt_line_pos(st, l, (size_t)(s - l->t)));
    rt_append_inlines(st, b, l, (size_t)(s - l->t), len);
    return b;
}
