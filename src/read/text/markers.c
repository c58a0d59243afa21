/* Footnotes of every common style, beyond the Unicode superscripts the
 * other parts handle: markers "[12]" (also "*[12]"), "(12)" glued to a word,
 * "*" and "†" glued to a word, Gutenberg's "{12}", digits glued to a
 * sentence's punctuation ("lamp.1", a superscript lost in a scrape, only for
 * notes under a Notes heading); definitions "[12] text",
 * "(12) text", "{12} text",
 * "12. text" under a Notes heading, "* text", "(* text)" right under its
 * paragraph, and Gutenberg's "[Footnote 12: text]" (labels may be letters:
 * "[A]"). A marker is taken only when a definition of its label follows it,
 * and a definition only when a marker precedes it (or most of its run of
 * definitions have one), so that "(1854)", "[pdf]" and "item (2) of the
 * list" stay text. This file finds them and marks the definition lines;
 * notes.c makes the notes, inline.c the references. */

#include <stdlib.h>
#include <string.h>

#include "read/text/text.h"

typedef enum {
    DEF_NONE,
    DEF_BRACKET,
    DEF_PAREN,
    DEF_NUMBERED,
    DEF_SYMBOL,
    DEF_FOOTNOTE,
    DEF_BRACE,
    DEF_PAREN_SYMBOL,
} def_kind;

typedef struct {
    size_t line;
    def_kind kind;
    char label[MARKER_MAX_DIGITS + 4];
    size_t skip; /* bytes of the label and the spaces after it */
    size_t end;  /* the line its bracket closes on ("[Footnote 1: …]", "(* …)"), else `line` */
    bool paired;
    bool bare;  /* "N. text" with no Notes heading over it */
    bool alone; /* "[85]" alone over its text (alone_label) */
    int style;  /* the rt_marker_style of its marker, when paired */
} def_cand;

static const char *const def_names[] = {
    "",       "[N] text",           "(N) text", "N. text under a Notes heading",
    "* text", "[Footnote N: text]", "{N} text", "(* text) under the paragraph",
};

/* Digits at `p` (at most MARKER_MAX_DIGITS) into `label`; their length. */
static size_t digits_at(const char *p, const char *end, char *label)
{
    size_t n = 0;
    while (p + n < end && g_ascii_isdigit(p[n]) && n <= MARKER_MAX_DIGITS)
        n++;
    /* "[09]": a transcriber's two digits for the ninth note; other leading
     * zeros ("(0171)") are no note number */
    if (n == 0 || n > MARKER_MAX_DIGITS || (n > 2 && p[0] == '0') ||
        (n == 2 && p[0] == '0' && p[1] == '0'))
        return 0;
    size_t from = n == 2 && p[0] == '0';
    memcpy(label, p + from, n - from);
    label[n - from] = '\0';
    return n;
}

/* A note label at `p`: digits (digits_at) or one letter, as Gutenberg
 * letters its notes ("[A]", "[Footnote b: text]"). Its length. */
static size_t label_at(const char *p, const char *end, char *label)
{
    size_t n = digits_at(p, end, label);
    if (n || p + 1 >= end || !g_ascii_isalpha(p[0]) || g_ascii_isalnum(p[1]))
        return n;
    label[0] = p[0];
    label[1] = '\0';
    return 1;
}

static bool is_symbol(gunichar c)
{
    return c == '*' || c == 0x2020 || c == 0x2021; /* * † ‡ */
}

/* A run of one note symbol ("*", "**", "†") at `p`: its length in bytes. */
static size_t symbol_run(const char *p, const char *end, char *label, size_t size)
{
    gunichar c = g_utf8_get_char(p);
    if (!is_symbol(c))
        return 0;
    const char *q = p;
    int n = 0;
    while (q < end && g_utf8_get_char(q) == c && n < 3) {
        q = g_utf8_next_char(q);
        n++;
    }
    if (q < end && is_symbol(g_utf8_get_char(q)))
        return 0;
    if ((size_t)(q - p) >= size)
        return 0;
    memcpy(label, p, (size_t)(q - p));
    label[q - p] = '\0';
    return (size_t)(q - p);
}

/* The bytes of spaces from `p`. */
static size_t spaces_at(const char *p, const char *end)
{
    size_t n = 0, b;
    while (read_space_at(p + n, end, &b))
        n += b;
    return n;
}

/* "* denotes a churchwarden", "† = died in office": the key to a symbol
 * used in a list, not a note. */
static bool symbol_key(const char *text, const char *end)
{
    static const char *const words[] = {"denotes ", "denote ", "marks ",    "indicates ",
                                        "means ",   "= ",      "signifies "};
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(end - text) > n && strncmp(text, words[i], n) == 0)
            return true;
    }
    return false;
}

/* The definition a line starts with, if it has one of the shapes. */
static def_kind def_shape(const rt_line *l, char *label, size_t *skip)
{
    const char *p = l->t, *end = l->t + l->tlen;
    size_t n, sp;
    if (l->tlen > 12 && g_ascii_strncasecmp(p, "[Footnote ", 10) == 0 &&
        (n = label_at(p + 10, end, label)) && p[10 + n] == ':') {
        *skip = 11 + n + spaces_at(p + 11 + n, end);
        return DEF_FOOTNOTE;
    }
    if (*p == '[' && (n = label_at(p + 1, end, label)) && p + 1 + n < end && p[1 + n] == ']' &&
        p + 2 + n < end) {
        *skip = 2 + n + spaces_at(p + 2 + n, end);
        return DEF_BRACKET;
    }
    if (*p == '(' && (n = digits_at(p + 1, end, label)) && p + 2 + n < end && p[1 + n] == ')' &&
        (sp = spaces_at(p + 2 + n, end)) > 0) {
        *skip = 2 + n + sp;
        return DEF_PAREN;
    }
    if (*p == '{' && (n = digits_at(p + 1, end, label)) && p + 2 + n < end && p[1 + n] == '}') {
        *skip = 2 + n + spaces_at(p + 2 + n, end);
        return DEF_BRACE;
    }
    if ((n = digits_at(p, end, label)) && p + n + 1 < end && (p[n] == '.' || p[n] == ')') &&
        (sp = spaces_at(p + n + 1, end)) > 0) {
        *skip = n + 1 + sp;
        return DEF_NUMBERED;
    }
    if ((n = symbol_run(p, end, label, MARKER_MAX_DIGITS + 4)) &&
        (sp = spaces_at(p + n, end)) > 0 && p + n + sp < end && !symbol_key(p + n + sp, end)) {
        *skip = n + sp;
        return DEF_SYMBOL;
    }
    if ((n = rt_line_opens_paren_note(l)) && (n += spaces_at(p + n, end)) < l->tlen &&
        !symbol_key(p + n, end)) {
        symbol_run(p + 1, end, label, MARKER_MAX_DIGITS + 4);
        *skip = n;
        return DEF_PAREN_SYMBOL;
    }
    return DEF_NONE;
}

size_t rt_line_opens_paren_note(const rt_line *l)
{
    char label[MARKER_MAX_DIGITS + 4];
    size_t n = l->tlen > 3 && l->t[0] == '('
                   ? symbol_run(l->t + 1, l->t + l->tlen, label, sizeof label)
                   : 0;
    const char *text = n ? l->t + 1 + n + spaces_at(l->t + 1 + n, l->t + l->tlen) : NULL;
    return text && text < l->t + l->tlen && *text != ')' ? 1 + n : 0;
}

/* "No.2", "p.12", "vol.3": the word before `punct` numbers what follows. */
static bool numbering_word(const char *text, const char *punct)
{
    static const char *const words[] = {"no", "nos",  "p",   "pp",   "vol", "vols", "art", "sect",
                                        "ch", "chap", "fig", "figs", "cf",  "op",   "n",   "nr"};
    const char *w = punct;
    while (w > text && g_unichar_isalpha(g_utf8_get_char(g_utf8_find_prev_char(text, w))))
        w = g_utf8_find_prev_char(text, w);
    char *lower = g_utf8_strdown(w, punct - w);
    bool found = false;
    for (size_t i = 0; i < G_N_ELEMENTS(words) && !found; i++)
        found = strcmp(lower, words[i]) == 0;
    g_free(lower);
    return found;
}

/* "lamp.1 It": digits after the punctuation that ends a word, then a space
 * or the line's end. Not "3.1", "p.12" is a page only when no note 12 is
 * under a Notes heading (the caller pairs). */
static bool lost_superscript(const char *text, const char *p, const char *end, char *digits,
                             size_t *len)
{
    const char *punct = g_utf8_find_prev_char(text, p);
    gunichar c = g_utf8_get_char(punct);
    if (!strchr(".,;:", (int)c) && c != 0x201D && c != '"')
        return false;
    const char *word = g_utf8_find_prev_char(text, punct);
    if (!word || !g_unichar_isalpha(g_utf8_get_char(word)) || numbering_word(text, punct))
        return false;
    size_t n = digits_at(p, end, digits);
    if (!n || (p + n < end && !g_ascii_isspace(p[n])))
        return false;
    *len = n;
    return true;
}

/* The "*" that closes "*urgent*": emphasis, no note. */
static bool closes_emphasis(const char *text, const char *p)
{
    if (*p != '*' || p == text)
        return false;
    for (const char *q = p - 1; q >= text; q--) {
        if (*q != '*')
            continue;
        bool opens = (q == text || q[-1] == ' ') && q + 1 < p && g_ascii_isalnum(q[1]);
        return opens;
    }
    return false;
}

/* The length of the joining word at `p` ("through", "to", "and", "or",
 * a dash) with the spaces around it, 0 if none. */
static size_t range_word(const char *p, const char *end)
{
    static const char *const words[] = {" through ", " to ",   " and ", " or ",
                                        "-",         "\u2013", " - ",   " \u2013 "};
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(end - p) > n && strncmp(p, words[i], n) == 0)
            return n;
    }
    return 0;
}

/* "[01] through [15]", "notes [3] and [4]": markers named in the text,
 * not marking it. `open` is the bracket, `close` past its "]". */
static bool range_mention(const char *text, const char *open, const char *close, const char *end)
{
    size_t n = range_word(close, end);
    if (n && close + n + 1 < end && close[n] == '[' && g_ascii_isdigit(close[n + 1]))
        return true;
    for (const char *q = open; q-- > text && open - q <= 10;)
        if (*q == ']' && q > text && g_ascii_isdigit(q[-1]) &&
            range_word(q + 1, end) == (size_t)(open - q - 1))
            return true;
    return false;
}

/* Whether the marker at `p` is glued to what it marks ("etc.(1)",
 * "word*", "years.[A]"): a lettered label after a space is a name ("the
 * gate marked [A]"). */
static bool glued(const char *text, const char *p)
{
    gunichar prev = g_utf8_get_char(g_utf8_find_prev_char(text, p));
    return !g_unichar_isspace(prev) && prev != 0x00A0 && prev != '(' && prev != '[';
}

size_t rt_marker_shape(const char *text, const char *p, const char *end, rt_marker_style *style,
                       char *label, size_t size)
{
    char digits[MARKER_MAX_DIGITS + 2];
    size_t n;
    const char *q = p;
    /* a paragraph that opens with "[1]" defines it or is a legend line
     * ("[1]  = Whole-note"): a marker follows what it marks */
    if (!rt_marker_may_start(p) || p == text)
        return 0;
    if (*q == '*' && q + 1 < end && q[1] == '[')
        q++; /* Gutenberg's "*[12]" */
    if (*q == '[' && (n = label_at(q + 1, end, digits)) && q + 1 + n < end && q[1 + n] == ']' &&
        !range_mention(text, q, q + n + 2, end) && (g_ascii_isdigit(*digits) || glued(text, q))) {
        *style = RT_MARK_BRACKET;
        g_strlcpy(label, digits, size);
        return (size_t)(q - p) + n + 2;
    }
    /* Gutenberg's other ways: "{12}", "<12>" */
    if (*p == '{' && (n = digits_at(p + 1, end, digits)) && p + 1 + n < end && p[1 + n] == '}') {
        *style = RT_MARK_BRACE;
        g_strlcpy(label, digits, size);
        return n + 2;
    }
    if (*p == '<' && (n = digits_at(p + 1, end, digits)) && p + 1 + n < end && p[1 + n] == '>') {
        *style = RT_MARK_ANGLE;
        g_strlcpy(label, digits, size);
        return n + 2;
    }
    /* The rest are glued to what they mark. */
    if (!glued(text, p))
        return 0;
    if (*p == '(' && (n = digits_at(p + 1, end, digits)) && p + 1 + n < end && p[1 + n] == ')') {
        *style = RT_MARK_PAREN;
        g_strlcpy(label, digits, size);
        return n + 2;
    }
    if (g_ascii_isdigit(*p) && lost_superscript(text, p, end, digits, &n)) {
        *style = RT_MARK_DIGITS;
        g_strlcpy(label, digits, size);
        return n;
    }
    if (is_symbol(g_utf8_get_char(g_utf8_find_prev_char(text, p))))
        return 0; /* the tail of "**" or "(**" */
    if ((n = symbol_run(p, end, label, size)) && !closes_emphasis(text, p) &&
        (p + n == end || !g_unichar_isalnum(g_utf8_get_char(p + n)))) {
        *style = RT_MARK_SYMBOL;
        return n;
    }
    return 0;
}

/* The ref styles a kind of definition may be referred to by. */
static bool compatible(def_kind d, rt_marker_style r)
{
    switch (d) {
    case DEF_FOOTNOTE:
    case DEF_BRACKET:
        return r == RT_MARK_BRACKET;
    case DEF_PAREN:
        return r == RT_MARK_PAREN;
    case DEF_NUMBERED:
        return r == RT_MARK_PAREN || r == RT_MARK_BRACKET || r == RT_MARK_DIGITS ||
               r == RT_MARK_ANGLE;
    case DEF_SYMBOL:
    case DEF_PAREN_SYMBOL:
        return r == RT_MARK_SYMBOL;
    case DEF_BRACE:
        return r == RT_MARK_BRACE;
    default:
        return false;
    }
}

static char *marker_key(rt_marker_style style, const char *label)
{
    return g_strdup_printf("%d:%s", (int)style, label);
}

/* Every marker of the file outside definition candidates: "style:label" →
 * the lines it occurs on, in order (a GArray of size_t). */
static GHashTable *find_markers(const rt_state *st, const bool *is_def)
{
    GHashTable *lines =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank || is_def[i] || l->code) /* ("[ accept-params ]" in a rule) */
            continue;
        const char *end = l->t + l->tlen;
        for (const char *p = l->t; p < end;) {
            rt_marker_style style;
            char label[MARKER_MAX_DIGITS + 4];
            size_t n = rt_marker_may_start(p)
                           ? rt_marker_shape(l->t, p, end, &style, label, sizeof label)
                           : 0;
            if (!n) {
                p = g_utf8_next_char(p);
                continue;
            }
            rt_index_add(lines, marker_key(style, label), i);
            p += n;
        }
    }
    return lines;
}

/* Whether one of the sorted `lines` lies in [from, to). */
static bool occurs_between(const GArray *lines, size_t from, size_t to)
{
    for (guint k = 0; lines && k < lines->len; k++) {
        size_t at = g_array_index(lines, size_t, k);
        if (at >= to)
            return false;
        if (at >= from)
            return true;
    }
    return false;
}

/* Whether the `len` bytes at `s` end in a possessive: "EDITOR'S". */
static bool possessive(const char *s, size_t len)
{
    return (len > 2 && (s[len - 1] == 's' || s[len - 1] == 'S') && s[len - 2] == '\'') ||
           (len > 4 && (s[len - 1] == 's' || s[len - 1] == 'S') &&
            memcmp(s + len - 4, "\xE2\x80\x99", 3) == 0);
}

/* A heading over notes: "Notes", "NOTES:", "Footnotes", "Endnotes", and
 * "Notes to Life of Geoffrey Chaucer", "NOTES TO CHAPTER III", someone's
 * notes ("EDITOR'S NOTES.", "Translator's Notes"; "Field Notes" may title
 * a piece). A short line set apart; its definitions still need their
 * markers. */
bool rt_line_is_notes_heading(const rt_line *l)
{
    static const char *const words[] = {"notes", "footnotes", "endnotes", "notes and references"};
    if (rt_line_is_title_word(l, words, G_N_ELEMENTS(words)))
        return true;
    /* (the shape first, the costly heading test last) */
    const char *space = memchr(l->t, ' ', l->tlen);
    bool shape = g_ascii_strncasecmp(l->t, "notes to ", 9) == 0 ||
                 (space && possessive(l->t, (size_t)(space - l->t)) && rt_line_words(l) == 2 &&
                  rt_line_last_word_is(l, words, 1));
    return shape && rt_line_is_heading_like(l);
}

/* The nearest non-blank line before `i`, or SIZE_MAX. */
static size_t prev_text(const rt_state *st, size_t i)
{
    while (i-- > 0)
        if (!st->lines[i].blank)
            return i;
    return SIZE_MAX;
}

/* "* text" next to another line that starts with the same symbol: an item
 * of a bulleted list, not a note. */
static bool bulleted(const rt_state *st, size_t i)
{
    const rt_line *l = &st->lines[i];
    size_t p = prev_text(st, i), n = i + 1;
    while (n < st->nlines && st->lines[n].blank)
        n++;
    const rt_line *near[2] = {p != SIZE_MAX ? &st->lines[p] : NULL,
                              n < st->nlines ? &st->lines[n] : NULL};
    for (int k = 0; k < 2; k++)
        if (near[k] && near[k]->tlen > 1 && g_utf8_get_char(near[k]->t) == g_utf8_get_char(l->t))
            return true;
    return false;
}

/* Definition candidates of the file, in order. A numbered line counts
 * under a Notes heading (with only numbered lines between); the others go
 * to `bare`, judged after the rest (bare_run_taken). */
/* "15 Translation of the epitaph…" after "14. Railings.": the next
 * number of a run of "N. text" definitions with its stop lost, before a
 * capital. DEF_NUMBERED, or DEF_NONE. */
static def_kind stop_lost(const rt_line *l, int last, char *label, size_t *skip)
{
    const char *p = l->t, *end = l->t + l->tlen;
    size_t n = digits_at(p, end, label), sp;
    if (!n || atoi(label) != last + 1 || (sp = spaces_at(p + n, end)) == 0 || p + n + sp >= end ||
        !g_unichar_isupper(g_utf8_get_char(p + n + sp)))
        return DEF_NONE;
    *skip = n + sp;
    return DEF_NUMBERED;
}

/* "[85]" alone on its line, set apart, right after the definition "[84] …"
 * of a run: the label of a note whose text (a letter quoted whole) is the
 * paragraphs under it. Only the next number of a run: a page number "[85]"
 * alone is no note. */
static bool alone_label(const rt_state *st, size_t i, const def_cand *above, char *label)
{
    const rt_line *l = &st->lines[i];
    size_t n;
    if (!above || above->kind != DEF_BRACKET || above->bare || !g_ascii_isdigit(above->label[0]) ||
        l->tlen < 3 || l->t[0] != '[' || !(n = digits_at(l->t + 1, l->t + l->tlen, label)) ||
        n + 2 != l->tlen || l->t[n + 1] != ']' || atoi(label) != atoi(above->label) + 1)
        return false;
    return i > 0 && st->lines[i - 1].blank && i + 1 < st->nlines && st->lines[i + 1].blank;
}

/* An alone label is a note only when the next definition of its run, its
 * number's next, closes its text (and no Notes heading comes between). */
static void drop_open_alone(const rt_state *st, GArray *defs, bool *is_def)
{
    for (guint k = defs->len; k-- > 0;) {
        const def_cand *d = &g_array_index(defs, def_cand, k);
        if (!d->alone)
            continue;
        const def_cand *next = k + 1 < defs->len ? d + 1 : NULL;
        bool closed = next && next->kind == DEF_BRACKET && atoi(next->label) == atoi(d->label) + 1;
        for (size_t i = d->line + 1; closed && i < next->line; i++)
            closed = !rt_line_is_notes_heading(&st->lines[i]);
        if (!closed) {
            is_def[d->line] = false;
            g_array_remove_index(defs, k);
        }
    }
}

static GArray *find_defs(const rt_state *st, bool *is_def, GArray *bare)
{
    GArray *defs = g_array_new(FALSE, TRUE, sizeof(def_cand));
    bool under_notes = false, numbered_seen = false;
    int last_number = 0;
    size_t run = 0; /* the first line of the run of lines `i` is in */
    for (size_t i = 0; i < st->nlines; i++) {
        const rt_line *l = &st->lines[i];
        if (l->blank)
            run = i + 1;
        if (l->blank || l->notedef || l->code)
            continue;
        /* A Notes heading opens the notes; the next line set apart like a
         * heading (a new article's title, a section) closes them. */
        bool alone =
            (i == 0 || st->lines[i - 1].blank) && (i + 1 >= st->nlines || st->lines[i + 1].blank);
        if (rt_line_is_notes_heading(l)) {
            under_notes = true;
            numbered_seen = false;
            continue;
        }
        if (alone && rt_line_is_heading_like(l))
            under_notes = false;
        def_cand d = {.line = i};
        d.kind = def_shape(l, d.label, &d.skip);
        if (d.kind == DEF_NONE && numbered_seen)
            d.kind = stop_lost(l, last_number, d.label, &d.skip);
        if (d.kind == DEF_NUMBERED)
            last_number = atoi(d.label);
        /* the notes start right under their heading: a glossary or prose
         * after "Notes:" ends its reach */
        if (under_notes && !numbered_seen && d.kind != DEF_NUMBERED)
            under_notes = false;
        d.bare = d.kind == DEF_NUMBERED && !under_notes;
        numbered_seen |= d.kind == DEF_NUMBERED;
        /* (nor is "*     *     *", a section break, a note) */
        if (d.kind == DEF_SYMBOL && (bulleted(st, i) || rt_line_is_break(l)))
            d.kind = DEF_NONE;
        /* "     (1853) he makes …" set in under "[1]  In his speech …" turns
         * that note over; it opens none */
        const def_cand *above = defs->len ? &g_array_index(defs, def_cand, defs->len - 1) : NULL;
        if (above && d.kind != above->kind && above->line >= run &&
            l->indent > st->lines[above->line].indent)
            d.kind = DEF_NONE;
        if (d.kind == DEF_NONE && alone_label(st, i, above, d.label)) {
            d.kind = DEF_BRACKET;
            d.alone = true;
            d.skip = l->tlen;
        }
        if (d.kind == DEF_NONE)
            continue;
        if (d.bare) {
            g_array_append_val(bare, d);
            continue;
        }
        is_def[i] = true;
        g_array_append_val(defs, d);
    }
    drop_open_alone(st, defs, is_def);
    return defs;
}

/* Lines between two definitions that hold other text (blank lines not
 * counted), when no heading-like line is among them. SIZE_MAX otherwise. */
static size_t gap_lines(const rt_state *st, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from + 1; i < to; i++) {
        if (st->lines[i].blank)
            continue;
        if (rt_line_is_notes_heading(&st->lines[i]))
            return SIZE_MAX;
        n++;
    }
    return n;
}

/* A run of "N. text" lines with no Notes heading is notes only when it
 * numbers 1, 2, 3 … with no gap, has MARKER_BARE_MIN_RUN lines at least,
 * and each has its marker glued to the text above ("word,(1)"): an
 * ordered list has no such markers. */
static bool bare_run_taken(const GArray *defs, guint a, guint b, guint paired)
{
    if (b - a < MARKER_BARE_MIN_RUN || paired < b - a)
        return false;
    for (guint k = a; k < b; k++)
        if (g_ascii_strtoll(g_array_index(defs, def_cand, k).label, NULL, 10) != k - a + 1)
            return false;
    return true;
}

/* Takes the runs of definitions most of whose members have a marker. */
static void accept_runs(const rt_state *st, GArray *defs, bool *accepted)
{
    for (guint a = 0; a < defs->len;) {
        guint b = a + 1;
        const def_cand *da = &g_array_index(defs, def_cand, a);
        while (b < defs->len) {
            const def_cand *db = &g_array_index(defs, def_cand, b);
            const def_cand *prev = &g_array_index(defs, def_cand, b - 1);
            if (db->kind != da->kind || db->bare != da->bare ||
                gap_lines(st, prev->end, db->line) > MARKER_MAX_GAP)
                break;
            b++;
        }
        guint paired = 0;
        for (guint k = a; k < b; k++)
            paired += g_array_index(defs, def_cand, k).paired;
        bool take = da->bare ? bare_run_taken(defs, a, b, paired)
                             : paired > 0 && paired >= MARKER_RUN_SHARE * (b - a);
        for (guint k = a; k < b; k++)
            accepted[k] = take;
        a = b;
    }
}

/* The bracket balance of a line for a note of kind `kind`: "[" adds one,
 * "]" takes one (for "(* text)", the parentheses). */
static int bracket_balance(const rt_line *l, def_kind kind)
{
    char open = kind == DEF_PAREN_SYMBOL ? '(' : '[', close = open == '(' ? ')' : ']';
    int d = 0;
    for (size_t k = 0; k < l->tlen; k++)
        d += l->t[k] == open ? 1 : l->t[k] == close ? -1 : 0;
    return d;
}

/* A note closed by its bracket: Gutenberg's "[Footnote 1: text]", "(* text)". */
static bool bracketed(def_kind kind)
{
    return kind == DEF_FOOTNOTE || kind == DEF_PAREN_SYMBOL;
}

/* Marks line `i` as a definition of `d` (or, when `d` is NULL, as the
 * continuation of the one before). */
static void mark(rt_state *st, size_t i, const def_cand *d)
{
    rt_line *l = &st->lines[i];
    l->notedef = true;
    l->notecont = d == NULL;
    if (d) {
        l->note_label = g_strdup(d->label);
        l->note_skip = d->skip;
    }
}

/* Gutenberg's closing "]" is not part of the note's text: at the end of a
 * paragraph of the note that it leaves unbalanced (the definition's own
 * paragraph opens with "[", so there it balances). */
static void cut_bracket(rt_state *st, size_t i, bool first, def_kind kind)
{
    rt_line *l = &st->lines[i];
    if (l->tlen > l->note_skip && l->t[l->tlen - 1] == (kind == DEF_PAREN_SYMBOL ? ')' : ']') &&
        bracket_balance(l, kind) == (first ? 0 : -1))
        l->note_cut = 1;
}

/* A heading-like line alone between blank lines: the title of what
 * follows the notes (the next post), not a paragraph of a note. */
static bool set_apart_heading(const rt_state *st, size_t j)
{
    return j > 0 && st->lines[j - 1].blank && (j + 1 >= st->nlines || st->lines[j + 1].blank) &&
           rt_line_is_heading_like(&st->lines[j]);
}

/* Where the note of accepted definition `k` ends: the lines after it that
 * continue it (same run of lines; then, for a note with more paragraphs,
 * those before the next definition of its run; a Gutenberg note runs on to
 * its closing bracket). Marks them; returns the last line. */
static size_t mark_note(rt_state *st, GArray *defs, const bool *accepted, guint k)
{
    const def_cand *d = &g_array_index(defs, def_cand, k);
    size_t i = d->line;
    size_t next = k + 1 < defs->len && accepted[k + 1] ? g_array_index(defs, def_cand, k + 1).line
                                                       : st->nlines;
    mark(st, i, d);
    if (d->alone) {
        for (size_t m = i + 1; m <= d->end; m++)
            if (!st->lines[m].blank)
                mark(st, m, NULL);
        return d->end;
    }
    int depth = bracketed(d->kind) ? bracket_balance(&st->lines[i], d->kind) : 0;
    /* (a note closed by its bracket ends there, though text follows it) */
    while (i + 1 < next && !st->lines[i + 1].blank && !st->lines[i + 1].notedef &&
           !(d->kind == DEF_PAREN_SYMBOL && depth <= 0)) {
        mark(st, ++i, NULL);
        depth += bracket_balance(&st->lines[i], d->kind);
    }
    bool sandwiched = next < st->nlines && gap_lines(st, i, next) <= MARKER_MAX_GAP &&
                      g_array_index(defs, def_cand, k + 1).kind == d->kind;
    size_t last = i;
    for (size_t j = i + 1; j < next; j++) {
        if (st->lines[j].blank || st->lines[j].notedef)
            continue;
        /* "(* text)" ends where its parenthesis closes: the prose after it
         * is the text's, though a parenthesis of its own is left open */
        if (rt_line_is_notes_heading(&st->lines[j]) || gap_lines(st, i, j) > MARKER_MAX_GAP ||
            (!bracketed(d->kind) && set_apart_heading(st, j)) ||
            (d->kind == DEF_PAREN_SYMBOL && depth <= 0))
            break;
        /* A Gutenberg note runs on while its bracket is open, and to a
         * bracket left over after a paragraph that seemed to close it;
         * other notes run on between two definitions of their run. */
        int before = depth, balance = bracket_balance(&st->lines[j], d->kind);
        depth += balance;
        bool take = bracketed(d->kind) ? before > 0 || balance < 0 : sandwiched;
        if (!take)
            continue;
        for (size_t m = last + 1; m <= j; m++)
            if (!st->lines[m].blank)
                mark(st, m, NULL);
        last = j;
        if (depth < 0)
            depth = 0;
    }
    if (bracketed(d->kind))
        for (size_t m = d->line; m <= last; m++)
            if (st->lines[m].notedef)
                cut_bracket(st, m, m == d->line, d->kind);
    return last;
}

/* Pairs each definition with a marker of its label in a style it may be
 * referred to by, between the run of definitions before its own (whose
 * markers those are) and itself. With `bounds`, only a run it accepted
 * bounds the later ones: lines of a table that look like "(1779) 1 …" are
 * no notes, and the markers above them are the book's endnotes'. */
static void pair_markers(rt_state *st, GArray *defs, GHashTable *markers, const bool *bounds)
{
    size_t from = 0; /* the line after the last definition of an earlier run */
    for (guint k = 0; k < defs->len; k++) {
        def_cand *d = &g_array_index(defs, def_cand, k);
        d->paired = false;
        if (k > 0 && (!bounds || bounds[k - 1])) {
            const def_cand *prev = &g_array_index(defs, def_cand, k - 1);
            if (prev->kind != d->kind || gap_lines(st, prev->end, d->line) > MARKER_MAX_GAP)
                from = prev->line + 1;
        }
        for (int s = RT_MARK_BRACKET; s < RT_MARK_COUNT && !d->paired; s++) {
            if (!compatible(d->kind, (rt_marker_style)s) || (d->bare && s == RT_MARK_DIGITS))
                continue;
            char *key = marker_key((rt_marker_style)s, d->label);
            d->paired = occurs_between(g_hash_table_lookup(markers, key), from, d->line);
            d->style = s;
            g_free(key);
        }
    }
}

/* A Notes heading right over a run of notes goes with them. */
static void mark_heading(rt_state *st, size_t first_def)
{
    size_t h = prev_text(st, first_def);
    if (h == SIZE_MAX || !rt_line_is_notes_heading(&st->lines[h]) || st->lines[h].notedef)
        return;
    st->lines[h].notedef = true;
    st->lines[h].note_heading = true;
}

/* Where each definition's bracket closes, before the next definition: the
 * paragraphs of a note are no text between two notes of one run. */
static void close_brackets(const rt_state *st, GArray *defs)
{
    for (guint k = 0; k < defs->len; k++) {
        def_cand *d = &g_array_index(defs, def_cand, k);
        size_t stop = k + 1 < defs->len ? g_array_index(defs, def_cand, k + 1).line : st->nlines;
        int depth = 0;
        d->end = d->line;
        /* an alone label's text runs to the next definition */
        for (size_t i = d->line + 1; d->alone && i < stop; i++)
            if (!st->lines[i].blank)
                d->end = i;
        for (size_t i = d->line; bracketed(d->kind) && i < stop; i++) {
            depth += bracket_balance(&st->lines[i], d->kind);
            if (depth <= 0) {
                d->end = i;
                break;
            }
        }
    }
}

/* Pairs, takes and marks the runs of `defs`, reporting each style. */
static void take_runs(rt_state *st, GArray *defs, GHashTable *markers, bool widen)
{
    close_brackets(st, defs);
    pair_markers(st, defs, markers, NULL);
    bool *accepted = g_new0(bool, defs->len + 1);
    accept_runs(st, defs, accepted);
    /* again, bounded by the runs taken: pairs are only ever added so, and
     * a run taken stays taken; not for bare "N. text" runs, which a marker
     * anywhere above would make numbered rules into notes */
    if (widen) {
        pair_markers(st, defs, markers, accepted);
        accept_runs(st, defs, accepted);
    }
    guint taken = 0;
    for (guint k = 0; k < defs->len; k++) {
        const def_cand *d = &g_array_index(defs, def_cand, k);
        /* (a bare run leaves alone what the runs before it took) */
        if (!accepted[k] || (d->bare && st->lines[d->line].notedef))
            continue;
        /* only a taken definition's marker is a marker */
        if (d->paired) {
            st->marker_styles[d->style] = true;
            g_hash_table_add(st->marker_labels, marker_key((rt_marker_style)d->style, d->label));
        }
        if (taken++ == 0 || !accepted[k - 1])
            mark_heading(st, d->line);
        mark_note(st, defs, accepted, k);
    }
    for (guint k = 0; k < defs->len; k++) {
        const def_cand *d = &g_array_index(defs, def_cand, k);
        if (accepted[k] &&
            (k == 0 || !accepted[k - 1] || g_array_index(defs, def_cand, k - 1).kind != d->kind)) {
            const rt_line *l = &st->lines[d->line];
            imprint_diags_report(st->diags, IMPRINT_SEV_NOTE, rt_pos(st, l->lineno, l->tcol),
                                 "footnotes written as %s: the lines from here are note "
                                 "definitions",
                                 d->bare ? "N. text, each with its marker (N) or [N]"
                                         : def_names[d->kind]);
        }
    }
    g_free(accepted);
}

void rt_markers_scan(rt_state *st)
{
    bool *is_def = g_new0(bool, st->nlines + 1);
    GArray *bare = g_array_new(FALSE, TRUE, sizeof(def_cand));
    GArray *defs = find_defs(st, is_def, bare);
    GHashTable *markers = find_markers(st, is_def);
    take_runs(st, defs, markers, true);
    take_runs(st, bare, markers, false);
    g_hash_table_destroy(markers);
    g_array_free(defs, TRUE);
    g_array_free(bare, TRUE);
    g_free(is_def);
}

bool rt_marker_taken(const rt_state *st, rt_marker_style style, const char *label)
{
    if (!st->marker_styles[style])
        return false;
    char *key = marker_key(style, label);
    bool taken = g_hash_table_contains(st->marker_labels, key);
    g_free(key);
    return taken;
}

bool rt_line_has_marker(const rt_state *st, const rt_line *l)
{
    const char *end = l->t + l->tlen;
    for (const char *p = l->t; p < end; p = g_utf8_next_char(p)) {
        rt_marker_style style;
        char label[MARKER_MAX_DIGITS + 4];
        if (rt_marker_may_start(p) && rt_marker_shape(l->t, p, end, &style, label, sizeof label) &&
            rt_marker_taken(st, style, label))
            return true;
    }
    return false;
}
