/* pandoc's inline syntax: attribute blocks, bracketed spans, link-anchored
 * note markers and backlinks, escaped spaces, dashes, ^super^ and ~sub~
 * scripts. Collects links on the first walk, rewrites on the second. */
#include "read/markdown/pandoc_internal.h"

#include <string.h>

/* Deepest nesting of brackets followed into (`[[[x]]]`); deeper brackets are
 * left as text. Real link texts nest one or two levels. */
#define MAX_BRACKET_NESTING 16

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* --- attribute blocks -------------------------------------------------- */

static bool word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && g_ascii_strncasecmp(w, *list, n) == 0)
            return true;
    return false;
}

static const char *const noteref_words[] = {"noteref", "footnote-ref", "footnoteref", "fnref",
                                            NULL};
static const char *const backlink_words[] = {"backlink", "footnote-back", "footnote-backref",
                                             "fnback", NULL};
/* one note; "endnotes", "footnotes" name the section that holds them */
static const char *const note_words[] = {"footnote", "endnote", "rearnote", "note", NULL};

/* A class name or one word of an epub:type value. */
static void classify_word(pd_attr *a, const char *w, size_t n)
{
    a->noteref |= word_in(w, n, noteref_words);
    a->backlink |= word_in(w, n, backlink_words);
    a->note |= word_in(w, n, note_words);
}

/* A quoted or bare value starting at t[p]; returns the index after it, or 0. */
static size_t attr_value(const char *t, size_t p, size_t to)
{
    if (p < to && (t[p] == '"' || t[p] == '\'')) {
        char q = t[p++];
        while (p < to && t[p] != q)
            p += t[p] == '\\' && p + 1 < to ? 2 : 1;
        return p < to ? p + 1 : 0;
    }
    size_t s = p;
    while (p < to && !is_space(t[p]) && !strchr("{}\"'", t[p]))
        p++;
    return p > s ? p : 0;
}

/* One `key=value` item at t[p]; returns the index after it, or 0. */
static size_t attr_pair(pd_attr *a, const char *t, size_t p, size_t to)
{
    size_t k = p;
    if (!g_ascii_isalpha(t[p]) && t[p] != '_')
        return 0;
    while (p < to && (g_ascii_isalnum(t[p]) || strchr("_.:-", t[p])))
        p++;
    if (p >= to || t[p] != '=')
        return 0;
    size_t klen = p - k, v = p + 1, end = attr_value(t, v, to);
    if (!end)
        return 0;
    if (klen == 9 && strncmp(t + k, "epub:type", 9) == 0) {
        size_t vs = v + (t[v] == '"' || t[v] == '\''), ve = end - (t[v] == '"' || t[v] == '\'');
        for (size_t w = vs; w < ve;) {
            size_t e = w;
            while (e < ve && !is_space(t[e]))
                e++;
            classify_word(a, t + w, e - w);
            w = e + 1;
        }
    }
    return end;
}

bool pd_attr_parse(const char *t, size_t at, size_t to, pd_attr *a)
{
    memset(a, 0, sizeof *a);
    if (at >= to || t[at] != '{')
        return false;
    if (to - at > PD_MAX_SPAN)
        to = at + PD_MAX_SPAN;
    size_t p = at + 1;
    unsigned items = 0;
    while (p < to) {
        while (p < to && is_space(t[p]))
            p++;
        if (p >= to)
            break;
        if (t[p] == '}') {
            if (!items)
                break;
            a->end = p + 1;
            return true;
        }
        size_t s = p, end = 0;
        if (t[p] == '#' || t[p] == '.') {
            p++;
            /* a `{` ends a name too, so that a failed block ends at the next one */
            while (p < to && !is_space(t[p]) && t[p] != '}' && t[p] != '{')
                p++;
            if (p > s + 1) {
                end = p;
                if (t[s] == '#') {
                    g_free(a->id);
                    a->id = g_strndup(t + s + 1, p - s - 1);
                } else {
                    classify_word(a, t + s + 1, p - s - 1);
                }
            }
        } else if (t[p] == '-' && p + 1 < to && (is_space(t[p + 1]) || t[p + 1] == '}')) {
            end = p + 1; /* an unnumbered heading */
        } else {
            end = attr_pair(a, t, p, to);
        }
        if (!end)
            break;
        p = end;
        items++;
    }
    pd_attr_clear(a);
    return false;
}

void pd_attr_clear(pd_attr *a)
{
    g_clear_pointer(&a->id, g_free);
}

bool pd_note_number(const char *text, char **digits)
{
    *digits = NULL;
    while (*text == ' ')
        text++;
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    static const char *const symbols[] = {"*", "\\*", "\u2020", "\u2021", NULL};
    if (word_in(text, n, symbols))
        return true;
    /* "12", "[12]", "\[12\]", "(12)", "\(12\)" */
    static const char *const opens[] = {"\\[", "[", "\\(", "(", ""};
    static const char *const closes[] = {"\\]", "]", "\\)", ")", ""};
    for (size_t i = 0; i < G_N_ELEMENTS(opens); i++) {
        size_t ol = strlen(opens[i]), cl = strlen(closes[i]);
        if (n <= ol + cl || strncmp(text, opens[i], ol) != 0 ||
            strncmp(text + n - cl, closes[i], cl) != 0)
            continue;
        size_t d = ol, e = n - cl;
        if (e - d > 6)
            continue;
        bool ok = true;
        for (size_t j = d; j < e; j++)
            ok &= g_ascii_isdigit(text[j]) != 0;
        if (ok) {
            *digits = g_strndup(text + d, e - d);
            return true;
        }
    }
    return false;
}

/* --- the scanner ------------------------------------------------------- */

typedef struct {
    pd_state *st;
    const md_map *v;
    const char *t;
    size_t from;
    unsigned flags;
    size_t pend;       /* the first byte kept and not yet written */
    GHashTable *pairs; /* offset of a `[` + 1 → offset of its `]` + 1 */
    unsigned in_link;  /* links whose text is being scanned */
} scan;

static bool emitting(const scan *s)
{
    return s->st->out != NULL;
}

/* Writes the kept bytes up to `upto`. */
static void flush(scan *s, size_t upto)
{
    if (upto <= s->pend)
        return;
    if (emitting(s))
        md_map_copy(s->st->out, s->v, s->pend, upto - s->pend);
    s->pend = upto;
}

/* Leaves out bytes `from` to `upto`. */
static void drop(scan *s, size_t from, size_t upto)
{
    flush(s, from);
    if (upto > s->pend)
        s->pend = upto;
}

/* Writes `lit` in place of bytes `at` to `upto`. */
static void replace(scan *s, size_t at, size_t upto, const char *lit)
{
    flush(s, at);
    if (emitting(s))
        md_map_lit(s->st->out, lit, strlen(lit), md_map_src_of(s->v, at));
    if (upto > s->pend)
        s->pend = upto;
}

static void count(scan *s, unsigned *n, size_t *first, size_t at)
{
    if (!emitting(s)) {
        s->st->seen++;
        return;
    }
    if ((*n)++ == 0 && first)
        *first = md_map_src_of(s->v, at);
}

/* After the backtick run at t[p], the end of its code span, or of the run. */
static size_t code_span_end(const char *t, size_t p, size_t end)
{
    size_t n = 0;
    while (p + n < end && t[p + n] == '`')
        n++;
    size_t limit = MIN(end, p + PD_MAX_SPAN);
    for (size_t q = p + n; q < limit;) {
        if (t[q] != '`') {
            q++;
            continue;
        }
        size_t m = 0;
        while (q + m < end && t[q + m] == '`')
            m++;
        if (m == n)
            return q + m;
        q += m;
    }
    return p + n;
}

/* After a raw HTML tag, comment or autolink at t[p] on one line, or 0. */
static size_t tag_end(const char *t, size_t p, size_t end)
{
    if (p + 1 >= end || !(g_ascii_isalpha(t[p + 1]) || strchr("/!?", t[p + 1])))
        return 0;
    for (size_t q = p + 1; q < end && q < p + PD_MAX_SPAN && t[q] != '\n'; q++)
        if (t[q] == '>')
            return q + 1;
    return 0;
}

/* The `]` matching the `[` at t[p] before `end`, or 0. */
static size_t match_bracket(const scan *s, size_t p, size_t end)
{
    size_t q = GPOINTER_TO_SIZE(g_hash_table_lookup(s->pairs, GSIZE_TO_POINTER(p + 1)));
    return q && q - 1 < end ? q - 1 : 0;
}

/* Pairs every `[` of t[from..to) with its `]` in one pass, as the scanner
 * will meet them (escapes, code spans and tags skipped): linear however many
 * brackets stay open. */
static GHashTable *bracket_pairs(const char *t, size_t from, size_t to)
{
    GHashTable *pairs = g_hash_table_new(NULL, NULL);
    GArray *open = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (size_t q = from; q < to; q++) {
        size_t e;
        if (t[q] == '\\') {
            q++;
        } else if (t[q] == '`') {
            q = code_span_end(t, q, to) - 1;
        } else if (t[q] == '<' && (e = tag_end(t, q, to))) {
            q = e - 1;
        } else if (t[q] == '[') {
            g_array_append_val(open, q);
        } else if (t[q] == ']' && open->len) {
            size_t o = g_array_index(open, size_t, --open->len);
            g_hash_table_insert(pairs, GSIZE_TO_POINTER(o + 1), GSIZE_TO_POINTER(q + 1));
        }
    }
    g_array_free(open, TRUE);
    return pairs;
}

/* After the `(destination "title")` at t[p], or 0. */
static size_t match_paren(const char *t, size_t p, size_t end)
{
    size_t limit = MIN(end, p + PD_MAX_SPAN);
    size_t q = p + 1;
    while (q < limit && is_space(t[q]))
        q++;
    if (q < limit && t[q] == '<') {
        while (q < limit && t[q] != '>' && t[q] != '\n')
            q++;
        if (q >= limit || t[q] != '>')
            return 0;
        q++;
    } else {
        /* a `[` ends it too: no fragment or URL pandoc writes holds one, and
         * `[a](` over and over must not be read to the end each time */
        int depth = 0;
        for (; q < limit && !is_space(t[q]) && t[q] != '['; q++) {
            if (t[q] == '\\')
                q++;
            else if (t[q] == '(')
                depth++;
            else if (t[q] == ')' && depth-- == 0)
                return q + 1;
        }
    }
    while (q < limit && is_space(t[q]))
        q++;
    if (q < limit && (t[q] == '"' || t[q] == '\'' || t[q] == '(')) {
        char close = t[q] == '(' ? ')' : t[q];
        for (q++; q < limit && t[q] != close; q++)
            if (t[q] == '\\')
                q++;
        q++;
        while (q < limit && is_space(t[q]))
            q++;
    }
    return q < limit && t[q] == ')' ? q + 1 : 0;
}

/* The fragment a destination `(#id "title")` points at, or NULL. */
static char *fragment_of(const char *t, size_t paren, size_t after)
{
    size_t q = paren + 1;
    while (q < after && is_space(t[q]))
        q++;
    q += q < after && t[q] == '<';
    if (q >= after || t[q] != '#')
        return NULL;
    size_t s = ++q;
    while (q < after && !is_space(t[q]) && t[q] != ')' && t[q] != '>')
        q++;
    return q > s ? g_strndup(t + s, q - s) : NULL;
}

static void scan_range(scan *s, size_t p, size_t end, int depth);

static pd_link *link_here(scan *s, size_t p)
{
    if (!emitting(s))
        return NULL;
    size_t src = md_map_src_of(s->v, p);
    guint i = GPOINTER_TO_UINT(g_hash_table_lookup(s->st->link_at, GSIZE_TO_POINTER(src + 1)));
    return i ? &g_array_index(s->st->links, pd_link, i - 1) : NULL;
}

static void collect_link(scan *s, size_t p, size_t close, size_t paren, size_t k, pd_attr *a)
{
    bool para = false;
    if (s->flags & PD_IN_PARA) {
        size_t lead = p - s->from;
        para = lead <= 3 && strspn(s->t + s->from, " ") >= lead;
    }
    size_t src = md_map_src_of(s->v, p);
    pd_link l = {
        .start = src,
        .line = pd_line_of(s->st, src),
        .text = g_strndup(s->t + p + 1, close - p - 1),
        .target = fragment_of(s->t, paren, k),
        .id = a ? g_steal_pointer(&a->id) : NULL,
        .noteref = a && a->noteref,
        .backlink = a && a->backlink,
        .para_start = para,
        .def = -1,
    };
    if (l.id)
        g_hash_table_add(s->st->ids, g_strdup(l.id));
    g_array_append_val(s->st->links, l);
    g_hash_table_insert(s->st->link_at, GSIZE_TO_POINTER(src + 1),
                        GUINT_TO_POINTER(s->st->links->len));
}

/* `[text](dest){attrs}` from t[p] to `after`. */
static void on_link(scan *s, size_t p, size_t close, size_t paren, size_t k, pd_attr *a,
                    size_t after, int depth)
{
    bool image = p > s->from && s->t[p - 1] == '!';
    if (!emitting(s) && !image)
        collect_link(s, p, close, paren, k, a);
    pd_link *l = image ? NULL : link_here(s, p);
    if (l && (l->role == PD_LINK_MARKER || l->role == PD_LINK_DEF)) {
        const char *label = g_array_index(s->st->defs, pd_def, l->def).label;
        char *ref = g_strdup_printf(l->role == PD_LINK_DEF ? "[^%s]:" : "[^%s]", label);
        replace(s, l->role == PD_LINK_DEF ? s->from : p, after, ref);
        g_free(ref);
        return;
    }
    if (l && l->role == PD_LINK_BACK) {
        /* with the space that set it off */
        size_t q = p;
        while (q > s->pend && (s->t[q - 1] == ' ' || s->t[q - 1] == '\t'))
            q--;
        drop(s, q, after);
        return;
    }
    /* A link in a link's text is no link in Markdown, and its brackets
     * and target would stay as text: it is read as its text. */
    bool nested = !image && s->in_link > 0;
    if (nested) {
        drop(s, p, p + 1);
        /* (no pandoc sign: plain Markdown nests links too) */
        if (emitting(s) && s->st->nested++ == 0)
            s->st->first_nested = md_map_src_of(s->v, p);
    }
    s->in_link += !image;
    scan_range(s, p + 1, close, depth + 1);
    s->in_link -= !image;
    if (nested)
        drop(s, close, k);
    if (after > k) {
        drop(s, k, after);
        count(s, &s->st->attrs, &s->st->first_attr, k);
    }
}

/* A `[` at t[p]: a link, a bracketed span, or text. Returns where to go on. */
static size_t bracket(scan *s, size_t p, size_t end, int depth)
{
    size_t close = match_bracket(s, p, end);
    if (!close || depth >= MAX_BRACKET_NESTING)
        return p + 1;
    size_t j = close + 1;
    pd_attr a;
    if (j < end && s->t[j] == '(') {
        size_t k = match_paren(s->t, j, end);
        if (!k)
            return p + 1;
        bool has = k < end && s->t[k] == '{' && pd_attr_parse(s->t, k, end, &a);
        size_t after = has ? a.end : k;
        on_link(s, p, close, j, k, has ? &a : NULL, after, depth);
        if (has)
            pd_attr_clear(&a);
        return after;
    }
    if (j < end && s->t[j] == '{' && pd_attr_parse(s->t, j, end, &a)) {
        if (a.id && !emitting(s))
            g_hash_table_add(s->st->ids, g_strdup(a.id));
        /* a bracketed span: its text stays, the brackets and attributes go */
        drop(s, p, p + 1);
        scan_range(s, p + 1, close, depth + 1);
        drop(s, close, a.end);
        count(s, &s->st->spans, &s->st->first_span, p);
        size_t after = a.end;
        pd_attr_clear(&a);
        return after;
    }
    return p + 1;
}

/* `^x^` or `~x~` at t[p] in a pandoc file: returns the index after it, or 0. */
static size_t script(scan *s, size_t p, size_t end, int depth)
{
    const char *t = s->t;
    char c = t[p];
    if (p + 1 >= end || is_space(t[p + 1]) || t[p + 1] == c || (p > s->from && t[p - 1] == c) ||
        (c == '^' && p > s->from && t[p - 1] == '['))
        return 0;
    size_t q;
    if (t[p + 1] == '[') {
        /* a marker in a superscript: ^[1](#fn1)^ */
        size_t close = match_bracket(s, p + 1, end);
        size_t k =
            close && close + 1 < end && t[close + 1] == '(' ? match_paren(t, close + 1, end) : 0;
        pd_attr a;
        if (k && k < end && t[k] == '{' && pd_attr_parse(t, k, end, &a)) {
            k = a.end;
            pd_attr_clear(&a);
        }
        if (!k || k >= end || t[k] != c)
            return 0;
        q = k;
        pd_link *l = link_here(s, p + 1);
        if (l && l->role == PD_LINK_MARKER) {
            drop(s, p, p + 1);
            scan_range(s, p + 1, q, depth);
            drop(s, q, q + 1);
            return q + 1;
        }
    } else {
        for (q = p + 1; q < end && q < p + PD_MAX_SPAN && t[q] != c; q++) {
            if (is_space(t[q]))
                return 0;
            if (t[q] == '\\')
                q++;
        }
        if (q >= end || t[q] != c)
            return 0;
    }
    replace(s, p, p + 1, c == '^' ? "<sup>" : "<sub>");
    scan_range(s, p + 1, q, depth);
    replace(s, q, q + 1, c == '^' ? "</sup>" : "</sub>");
    count(s, &s->st->scripts, &s->st->first_script, p);
    return q + 1;
}

/* `^[a note's words]` at t[p], pandoc's inline note: a marker in its
 * place, its words a definition after the text (pd_inline_notes_write).
 * Its words hold a space and open with none, and no link, attribute or
 * second bracket follows: "^[a-z]" in a sentence on patterns, or
 * "^[1](#fn1)^", is none. Returns the index after it, or 0. */
static size_t inline_note(scan *s, size_t p, size_t end)
{
    const char *t = s->t;
    size_t close = p + 1 < end && t[p + 1] == '[' ? match_bracket(s, p + 1, end) : 0;
    if (!close || close == p + 2 || is_space(t[p + 2]) || !memchr(t + p + 2, ' ', close - p - 2) ||
        (close + 1 < end && strchr("({[^", t[close + 1])))
        return 0;
    if (!emitting(s)) {
        s->st->seen++;
        return close + 1;
    }
    pd_inline_note note = {pd_inline_label(s->st), g_strndup(t + p + 2, close - p - 2),
                           md_map_src_of(s->v, p)};
    for (char *c = note.text; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' '; /* (the definition is one line) */
    char *marker = g_strdup_printf("[^%s]", note.label);
    replace(s, p, close + 1, marker);
    g_free(marker);
    count(s, &s->st->inlines, &s->st->first_inline, p);
    g_array_append_val(s->st->inline_notes, note);
    return close + 1;
}

/* `--` or `---` at t[p] in a pandoc file, not opening a line: the en or em
 * dash of pandoc's smart punctuation. Returns the index after it, or 0. */
static size_t dash(scan *s, size_t p, size_t end)
{
    const char *t = s->t;
    size_t n = 0;
    while (p + n < end && t[p + n] == '-')
        n++;
    if ((n != 2 && n != 3) || (p > s->from && t[p - 1] == '-'))
        return 0;
    size_t b = p;
    while (b > s->from && (t[b - 1] == ' ' || t[b - 1] == '>' || t[b - 1] == '\t'))
        b--;
    if (b == s->from || t[b - 1] == '\n')
        return 0;
    replace(s, p, p + n, n == 3 ? "\u2014" : "\u2013");
    count(s, &s->st->dashes, &s->st->first_dash, p);
    return p + n;
}

static void scan_range(scan *s, size_t p, size_t end, int depth)
{
    const char *t = s->t;
    bool pandoc = s->st->pandoc;
    while (p < end) {
        char c = t[p];
        size_t next = 0;
        if (c == '\\' && p + 1 < end) {
            /* pandoc's escaped space is a no-break space */
            if (t[p + 1] == ' ' && pandoc)
                replace(s, p, p + 2, "\u00A0");
            next = p + 2;
        } else if (c == '`') {
            next = code_span_end(t, p, end);
            pd_attr a;
            if (next < end && t[next] == '{' && t[next - 1] == '`' &&
                pd_attr_parse(t, next, end, &a)) {
                drop(s, next, a.end);
                count(s, &s->st->attrs, &s->st->first_attr, next);
                next = a.end;
                pd_attr_clear(&a);
            }
        } else if (c == '<') {
            next = tag_end(t, p, end);
        } else if (c == '[') {
            next = bracket(s, p, end, depth);
        } else if (c == '^' && (next = inline_note(s, p, end))) {
            /* (a pandoc sign wherever it stands) */
        } else if ((c == '^' || c == '~') && pandoc) {
            next = script(s, p, end, depth);
        } else if (c == '-' && pandoc) {
            next = dash(s, p, end);
        } else if (c == '|' && (s->flags & PD_IN_CELL)) {
            replace(s, p, p + 1, "\\|");
        }
        p = next ? next : p + 1;
    }
}

/* A heading's trailing `{#id .class}`: where it starts, or `to`. */
static size_t trailing_attrs(pd_state *st, const char *t, size_t from, size_t to, size_t *end)
{
    size_t e = to;
    while (e > from && is_space(t[e - 1]))
        e--;
    if (e == from || t[e - 1] != '}')
        return to;
    size_t lo = e > PD_MAX_SPAN ? e - PD_MAX_SPAN : 0;
    for (size_t b = e - 1; b > from && b >= lo; b--) {
        if (t[b] != '{' || !is_space(t[b - 1]))
            continue;
        pd_attr a;
        if (!pd_attr_parse(t, b, e, &a))
            continue;
        bool whole = a.end == e;
        if (whole && a.id && !st->out)
            g_hash_table_add(st->ids, g_strdup(a.id));
        pd_attr_clear(&a);
        if (!whole)
            continue;
        *end = e;
        while (b > from && is_space(t[b - 1]))
            b--;
        return b;
    }
    return to;
}

void pd_inline(pd_state *st, const md_map *v, size_t from, size_t to, unsigned flags)
{
    scan s = {st, v, v->text->str, from, flags, from, NULL, 0};
    size_t stop = to, attr_end = to;
    if (flags & PD_IN_HEADING)
        stop = trailing_attrs(st, s.t, from, to, &attr_end);
    s.pairs = bracket_pairs(s.t, from, stop);
    scan_range(&s, from, stop, 0);
    if (stop < to) {
        drop(&s, stop, attr_end);
        count(&s, &st->attrs, &st->first_attr, stop);
    }
    flush(&s, to);
    g_hash_table_destroy(s.pairs);
}
