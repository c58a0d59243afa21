/* Features of single source lines that the text reader's heuristics use. */

#include <string.h>

#include "model/typography.h"
#include "read/text/text.h"

void rt_trim(const char **s, size_t *len)
{
    const char *p = *s, *end = *s + *len;
    size_t n;
    while (read_space_at(p, end, &n))
        p += n;
    while (end > p) {
        const char *q = g_utf8_find_prev_char(p, end);
        if (!q || !read_is_space_char(g_utf8_get_char(q)))
            break;
        end = q;
    }
    *s = p;
    *len = (size_t)(end - p);
}

unsigned rt_utf8_cols(const char *s, size_t bytes)
{
    /* Characters are the bytes that start one; GLib's count (a call a
     * character) only where a NUL, a stray continuation byte first or a
     * character cut at the end makes the two differ. */
    if (bytes && ((unsigned char)s[0] & 0xC0) == 0x80)
        return (unsigned)g_utf8_strlen(s, (gssize)bytes);
    size_t n = 0, last = 0, i = 0;
    /* eight ASCII bytes, none NUL, at a time: most of most lines */
    for (guint64 w; i + 8 <= bytes; i += 8, n += 8, last = i - 1) {
        memcpy(&w, s + i, 8);
        if ((w & 0x8080808080808080u) || ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u))
            break;
    }
    for (; i < bytes; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!c)
            return (unsigned)g_utf8_strlen(s, (gssize)bytes);
        if ((c & 0xC0) != 0x80) {
            n++;
            last = i;
        }
    }
    if (bytes && last + (size_t)g_utf8_skip[(unsigned char)s[last]] > bytes)
        return (unsigned)g_utf8_strlen(s, (gssize)bytes);
    return (unsigned)n;
}

void rt_line_measure(rt_line *l)
{
    l->len = strlen(l->text);
    l->t = l->text;
    l->tlen = l->len;
    rt_trim(&l->t, &l->tlen);
    l->tcol = rt_utf8_cols(l->text, (size_t)(l->t - l->text)) + 1;
    l->indent = l->tcol - 1;
    l->nchar = rt_utf8_cols(l->t, l->tlen);
    l->blank = l->tlen == 0;
    l->spacer = l->blank && strstr(l->text, "\u00a0") != NULL;
    l->notedef = false;
    size_t n;
    if (!l->blank && imprint_typography_superscript_digit(l->t, l->tlen, &n) >= 0) {
        /* "¹ text" or "¹text": a definition needs text after its number */
        const char *q = l->t;
        while (imprint_typography_superscript_digit(q, (size_t)(l->t + l->tlen - q), &n) >= 0)
            q += n;
        l->notedef = q < l->t + l->tlen;
    }
}

void rt_lines_replace(rt_state *st, GArray *lines)
{
    g_free(st->lines);
    st->nlines = lines->len;
    st->lines = (rt_line *)(void *)g_array_free(lines, FALSE);
}

void rt_line_set_blank(rt_line *l)
{
    g_free(l->text);
    l->text = g_strdup("");
    rt_line_measure(l);
}

rt_line rt_line_of_text(char *text)
{
    rt_line l = {0};
    l.text = text;
    l.len = strlen(text);
    rt_line_measure(&l);
    return l;
}

void rt_index_add(GHashTable *index, char *key, size_t i)
{
    GArray *at = g_hash_table_lookup(index, key);
    if (!at) {
        at = g_array_new(FALSE, FALSE, sizeof(size_t));
        g_hash_table_insert(index, key, at);
    } else {
        g_free(key);
    }
    g_array_append_val(at, i);
}

size_t rt_run_last(const rt_state *st, size_t i)
{
    while (i + 1 < st->nlines && !st->lines[i + 1].blank)
        i++;
    return i;
}

const rt_line *rt_line_by_number(const rt_state *st, unsigned lineno)
{
    /* Lines are in file order; a joined line stands for its physical lines. */
    size_t lo = 0, hi = st->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->lines[mid].lineno <= lineno)
            lo = mid;
        else
            hi = mid;
    }
    return &st->lines[lo];
}

unsigned rt_line_last_lineno(const rt_line *l)
{
    return l->nsegs ? l->segs[l->nsegs - 1].lineno : l->lineno;
}

static gunichar first_char(const rt_line *l)
{
    return l->tlen ? g_utf8_get_char(l->t) : 0;
}

gunichar rt_line_first_letter(const rt_line *l)
{
    const char *p = l->t, *end = l->t + l->tlen;
    while (p < end) {
        gunichar c = g_utf8_get_char(p);
        if (!(c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '_' || c == '*' ||
              c == '('))
            return c;
        p = g_utf8_next_char(p);
    }
    return 0;
}

/* The length of a note marker glued to the end of `s` ("road.[2]",
 * "years.[A]", "etc.(1)"), 0 if none. */
static size_t trailing_marker(const char *s, size_t len)
{
    char close = len ? s[len - 1] : 0, open = close == ']' ? '[' : close == ')' ? '(' : 0;
    size_t k = len >= 2 ? len - 2 : 0, inner = 0;
    if (!open)
        return 0;
    while (k > 0 && g_ascii_isalnum(s[k]) && inner < MARKER_MAX_DIGITS) {
        k--;
        inner++;
    }
    bool label = inner > 0 && (inner == 1 || g_ascii_isdigit(s[k + 1]));
    if (!label || s[k] != open || k == 0 || g_ascii_isspace(s[k - 1]))
        return 0;
    return len - k;
}

/* The last character, ignoring trailing note markers (superscripts, and
 * one glued to the end: "road.[2]"). */
static gunichar last_char(const rt_line *l, const char **at)
{
    const char *end = l->t + l->tlen - trailing_marker(l->t, l->tlen);
    while (end > l->t) {
        const char *q = g_utf8_find_prev_char(l->t, end);
        size_t n;
        if (imprint_typography_superscript_digit(q, (size_t)(end - q), &n) >= 0) {
            end = q;
            continue;
        }
        if (at)
            *at = q;
        return g_utf8_get_char(q);
    }
    return 0;
}

unsigned rt_count_words(const char *s, size_t len)
{
    unsigned words = 0;
    bool in = false;
    const char *p = s, *end = s + len;
    while (p < end) {
        size_t n;
        if (read_space_at(p, end, &n)) {
            in = false;
            p += n;
            continue;
        }
        if (!in)
            words++;
        in = true;
        p = g_utf8_next_char(p);
    }
    return words;
}

/* Whether every letter is upper case (and there are some). */
static bool all_caps(const char *s, size_t len)
{
    unsigned letters = 0;
    for (const char *p = s; p < s + len; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_islower(c))
            return false;
        if (g_unichar_isupper(c))
            letters++;
    }
    return letters >= 3;
}

bool rt_has_letter(const char *s, size_t len)
{
    for (const char *p = s; p < s + len; p = g_utf8_next_char(p))
        if (g_unichar_isalpha(g_utf8_get_char(p)))
            return true;
    return false;
}

char *rt_fold(const char *s, gssize len)
{
    size_t n = 0;
    while ((len < 0 || n < (size_t)len) && s[n])
        n++;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return g_utf8_casefold(s, (gssize)n);
    char *f = g_malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        f[i] = g_ascii_tolower(s[i]);
    f[n] = '\0';
    return f;
}

/* The line without trailing ":" "." and spaces, case-folded. */
static char *folded_label(const rt_line *l)
{
    const char *s = l->t;
    size_t n = l->tlen;
    while (n && strchr(":. ", s[n - 1]))
        n--;
    return rt_fold(s, (gssize)n);
}

bool rt_line_is_section_word(const rt_line *l)
{
    static const char *const words[] = {
        "introduction",
        "conclusion",
        "conclusions",
        "background",
        "notes",
        "sources",
        "bibliography",
        "further reading",
        "references",
        "appendix",
        "epilogue",
        "preface",
        "summary",
        "afterword",
        "foreword",
        "sources & bibliography",
        "sources and bibliography",
    };
    char *f = folded_label(l);
    bool found = false;
    for (size_t i = 0; i < G_N_ELEMENTS(words) && !found; i++)
        found = strcmp(f, words[i]) == 0;
    g_free(f);
    return found;
}

bool rt_line_is_bib_heading(const rt_line *l)
{
    if (l->blank || l->nchar > 60)
        return false;
    char *f = folded_label(l);
    bool bib = g_str_has_prefix(f, "sources") || g_str_has_prefix(f, "bibliography") ||
               g_str_has_prefix(f, "further reading") || strcmp(f, "references") == 0 ||
               strcmp(f, "works cited") == 0 || strcmp(f, "source") == 0;
    /* "Sources: Walter Ulbricht, …" is a source line, not a section. */
    if (bib && strchr(l->t, ':')) {
        const char *colon = strchr(l->t, ':');
        const char *rest = colon + 1;
        size_t rlen = l->tlen - (size_t)(rest - l->t);
        rt_trim(&rest, &rlen);
        bib = rlen == 0;
    }
    g_free(f);
    return bib;
}

/* A sentence break inside the line: ". X", "? X", "! X". */
static bool has_inner_sentence_break(const rt_line *l)
{
    const char *end = l->t + l->tlen;
    for (const char *p = l->t; p < end; p = g_utf8_next_char(p)) {
        if (*p != '.' && *p != '?' && *p != '!')
            continue;
        const char *q = p + 1;
        size_t n;
        if (!read_space_at(q, end, &n))
            continue;
        while (read_space_at(q, end, &n))
            q += n;
        if (q < end && g_unichar_isupper(g_utf8_get_char(q))) {
            /* "J. Stalin", "Mr. Smith": an initial or abbreviation before the dot */
            const char *w = p;
            int letters = 0;
            while (w > l->t && g_ascii_isalpha(w[-1])) {
                w--;
                letters++;
            }
            if (*p == '.' && letters <= 3)
                continue;
            return true;
        }
    }
    return false;
}

bool rt_line_has_url(const rt_line *l)
{
    const char *end = l->t + l->tlen;
    for (const char *p = l->t; p < end; p++)
        if ((*p == 'h' || *p == 'w' || *p == 'H' || *p == 'W') &&
            imprint_typography_url_len(p, (size_t)(end - p)))
            return true;
    return false;
}

static bool is_url_only(const rt_line *l)
{
    return imprint_typography_url_len(l->t, l->tlen) == l->tlen;
}

bool rt_line_nbsp_title(const rt_line *l)
{
    if (l->blank || l->notedef || l->nchar > 2 * READ_TEXT_MAX_HEADING_CHARS || rt_line_has_url(l))
        return false;
    gunichar f = first_char(l);
    if (f == '(' || f == '[' || f == '-' || f == 0x2013 || f == 0x2014 || f == '~')
        return false;
    /* The last whitespace run must be one no-break space before the last word. */
    const char *end = l->t + l->tlen;
    const char *p = end;
    while (p > l->t) {
        const char *q = g_utf8_find_prev_char(l->t, p);
        gunichar c = g_utf8_get_char(q);
        if (read_is_space_char(c)) {
            if (c != 0x00A0)
                return false;
            /* Between words: French typography's spaces around "?", ":",
             * "»" or a dialogue dash are no title's mark. */
            /* A word after it: French typography's space before "?" or ":"
             * is no title's mark (and a file that spaces so has the cue
             * turned off: text.c). */
            const char *before = g_utf8_find_prev_char(l->t, q);
            return before && !read_is_space_char(g_utf8_get_char(before)) && p < end &&
                   g_unichar_isalnum(g_utf8_get_char(p)) && rt_has_letter(l->t, l->tlen);
        }
        p = q;
    }
    return false;
}

/* Every word of three letters or more starts with a capital. */
static bool title_case(const rt_line *l)
{
    char **words = g_strsplit_set(l->text, " \u00a0", -1);
    bool ok = true, any = false;
    for (char **w = words; *w && ok; w++) {
        if (g_utf8_strlen(*w, -1) < 3)
            continue;
        gunichar c = g_utf8_get_char(*w);
        if (!g_unichar_isalpha(c))
            continue;
        any = true;
        ok = g_unichar_isupper(c);
    }
    g_strfreev(words);
    return ok && any;
}

bool rt_is_joiner_word(const char *s, size_t len)
{
    static const char *const joiners[] = {
        "that", "and",   "or",   "but",  "the",     "a",  "an",   "of",
        "to",   "which", "with", "for",  "in",      "on", "by",   "as",
        "than", "whose", "who",  "whom", "because", "if", "when", "at",
    };
    return read_word_in(s, len, joiners, G_N_ELEMENTS(joiners));
}

/* A line that stops on a word that joins it to what follows ("… that",
 * "… and the"): a sentence broken off, not a heading. */
/* The letters the line ends with (NULL if it ends in none), the line's
 * last word when they are not all of it. */
static const char *last_word(const rt_line *l)
{
    const char *end = l->t + l->tlen, *p = end;
    while (p > l->t && g_unichar_isalpha(g_utf8_get_char(g_utf8_find_prev_char(l->t, p))))
        p = g_utf8_find_prev_char(l->t, p);
    return p == end || p == l->t ? NULL : p;
}

bool rt_line_ends_with_joiner(const rt_line *l)
{
    const char *w = last_word(l);
    return w && rt_is_joiner_word(w, (size_t)(l->t + l->tlen - w));
}

bool rt_line_ends_mid_sentence(const rt_line *l)
{
    const char *w = last_word(l);
    return w && g_unichar_islower(g_utf8_get_char(w));
}

/* A line that ends a quotation it did not open: the close of a quote that
 * began on an earlier line. */
static bool closes_quote(const rt_line *l)
{
    gunichar last = last_char(l, NULL);
    const char *end = l->t + l->tlen;
    if (last == '.' || last == ',') {
        const char *q = g_utf8_find_prev_char(l->t, end);
        last = q > l->t ? g_utf8_get_char(g_utf8_find_prev_char(l->t, q)) : 0;
    }
    if (last != 0x201D && last != '"')
        return false;
    int opens = 0, closes = 0;
    for (const char *p = l->t; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        opens += c == 0x201C;
        closes += c == 0x201D;
    }
    return last == 0x201D ? closes > opens : false;
}

/* Whether `l` was joined from lines of which one goes on in a small
 * letter after words not in capitals: a sentence the wrapper broke (not
 * "SINCE LAWS WERE MADE … (_L.D._" / "ii. 12)"). */
static bool goes_on_in_small_letter(const rt_line *l)
{
    for (unsigned k = 0; k < l->nsegs; k++) {
        const char *p = g_utf8_offset_to_pointer(l->t, (glong)l->segs[k].cp);
        if (p < l->t + l->tlen && g_unichar_islower(g_utf8_get_char(p)))
            return !all_caps(l->t, (size_t)(p - l->t));
    }
    return false;
}

bool rt_line_is_heading_like(const rt_line *l)
{
    if (l->blank || l->notedef || l->nchar > READ_TEXT_MAX_HEADING_CHARS)
        return false;
    /* "_All rights reserved._": a line set in emphasis whole is judged by
     * what it says inside the marks. */
    char m = l->t[0];
    if (l->tlen > 2 && (m == '_' || m == '*') && l->t[l->tlen - 1] == m && l->t[1] != m &&
        l->t[1] != ' ') {
        rt_line inner = *l;
        inner.t++;
        inner.tlen -= 2;
        inner.nchar -= 2;
        return rt_line_is_heading_like(&inner);
    }
    if (rt_number_heading_kind(l->t, l->tlen))
        return true; /* "IV.", "216." */
    if (!rt_has_letter(l->t, l->tlen) || rt_count_words(l->t, l->tlen) > 18 || is_url_only(l))
        return false;
    /* ("Subject: Registration of MIME media type text/csv", "To: ietf-…",
     * "Last-modified: …": a mail field or a hyphenated one with its value,
     * no heading; "Summary:" alone may be, and RFC 791's "Version: 4 bits") */
    size_t field = l->mail ? 0 : rt_line_header_field(l);
    if (field && field + 1 < l->tlen &&
        (read_is_mail_field(l->t, field) || memchr(l->t, '-', field)))
        return false;
    bool caps = all_caps(l->t, l->tlen);
    gunichar f = first_char(l);
    if (f == '(' || f == '[' || f == '-' || f == 0x2013 || f == 0x2014 || f == '~' || f == 0x2022 ||
        f == '*' || f == '>' || f == '|')
        return false;
    if ((f == 0x201C || f == '"' || f == 0x201D || f == 0x201E || f == 0x00AB || f == 0x00BB) &&
        !caps)
        return false;
    /* '“LET DOROTHY GO TO THE CITY OF EMERALDS”': a line quoted whole is a
     * quotation, in capitals too */
    if ((f == 0x201C || f == '"') && l->tlen > 2) {
        gunichar z = g_utf8_get_char(g_utf8_find_prev_char(l->t, l->t + l->tlen));
        if (z == 0x201D || z == '"')
            return false;
    }
    if (g_unichar_islower(f))
        return false;
    const char *at = NULL;
    gunichar last = last_char(l, &at);
    /* '…he said, “You must be a great sorceress.”': a sentence ends there */
    if ((last == 0x201D || last == '"' || last == 0x2019) && at > l->t) {
        gunichar before = g_utf8_get_char(g_utf8_find_prev_char(l->t, at));
        if ((before == '.' || before == ',' || before == '?' || before == '!') && !caps)
            return false;
    }
    if (last == '!')
        return (caps || title_case(l)) && !rt_line_is_end_marker(l); /* "Thank You!", not
                                                                      * "Happy birthday, Go!" */
    if (last == ',' || last == ';' || last == 0x2013 || last == '-')
        return false;
    if (last == '.' || last == ':')
        return caps || rt_line_is_section_word(l) || rt_number_heading_kind(l->t, l->tlen);
    if (has_inner_sentence_break(l) && !caps)
        return false;
    if (rt_line_is_end_marker(l))
        return false;
    /* "The Haitian genocide: European colonialists killed …": a sentence */
    if (!caps && strstr(l->t, ": ") && rt_count_words(l->t, l->tlen) > 10)
        return false;
    /* "I wondered: where would Go be…": a sentence goes on past its colon */
    const char *colon = strstr(l->t, ": ");
    if (!caps && colon && colon < l->t + l->tlen - 2 &&
        g_unichar_islower(g_utf8_get_char(colon + 2)))
        return false;
    if (!caps && (rt_line_ends_with_joiner(l) || closes_quote(l)))
        return false;
    /* "The demands were: (Source: …)": an introduction with its source */
    if (strstr(l->t, "(Source") || strstr(l->t, "(source"))
        return false;
    bool is_file = false;
    if (rt_line_is_figure(l, &is_file))
        return false;
    /* "Why is it so difficult … very worthy people in" / "their way?" */
    return caps || !goes_on_in_small_letter(l);
}

unsigned rt_line_words(const rt_line *l)
{
    return rt_count_words(l->t, l->tlen);
}

bool rt_line_is_title_word(const rt_line *l, const char *const *words, size_t n)
{
    if (l->blank || l->nchar > 40)
        return false;
    size_t len = l->tlen;
    while (len && strchr(":. ", l->t[len - 1]))
        len--;
    char *f = rt_fold(l->t, (gssize)len);
    bool found = false;
    for (size_t i = 0; i < n && !found; i++)
        found = strcmp(f, words[i]) == 0;
    g_free(f);
    return found;
}

bool rt_line_is_end_word(const rt_line *l)
{
    static const char *const words[] = {"the end", "finis", "end",  "curtain",
                                        "tableau", "fin",   "ende", "explicit"};
    return rt_line_is_title_word(l, words, G_N_ELEMENTS(words));
}

bool rt_line_is_book_part(const rt_line *l)
{
    static const char *const words[] = {"errata",   "corrigenda", "addenda",  "contents",
                                        "index",    "notes",      "preface",  "introduction",
                                        "glossary", "appendix",   "footnotes"};
    return rt_line_is_title_word(l, words, G_N_ELEMENTS(words));
}

bool rt_line_last_word_is(const rt_line *l, const char *const *words, size_t n)
{
    const char *space = g_strrstr_len(l->t, (gssize)l->tlen, " ");
    if (!space)
        return false;
    rt_line last = *l;
    last.t = space + 1;
    last.tlen = (size_t)(l->t + l->tlen - last.t);
    last.nchar = rt_utf8_cols(last.t, last.tlen);
    return rt_line_is_title_word(&last, words, n);
}

bool rt_line_is_all_caps(const rt_line *l)
{
    return all_caps(l->t, l->tlen);
}

/* "Main counter arguments:", "Some concluding remarks:": a short noun phrase
 * ending in a colon. Lines that introduce a quotation ("Lenin wrote:") end in
 * a verb; the caller also checks that no quotation follows. */
bool rt_line_is_colon_heading(const rt_line *l)
{
    if (l->blank || l->nchar > 60 || l->t[l->tlen - 1] != ':' || rt_line_words(l) > 4 ||
        !g_unichar_isupper(g_utf8_get_char(l->t)))
        return false;
    const char *end = l->t + l->tlen - 1;
    const char *w = end;
    while (w > l->t && w[-1] != ' ')
        w--;
    size_t n = (size_t)(end - w);
    static const char *const verbs[] = {"said",     "says",     "wrote",     "writes", "stated",
                                        "states",   "continue", "continues", "adds",   "added",
                                        "explains", "argues",   "follows",   "this",   "here",
                                        "at",       "that"};
    for (size_t i = 0; i < G_N_ELEMENTS(verbs); i++)
        if (n == strlen(verbs[i]) && strncmp(w, verbs[i], n) == 0)
            return false;
    if (n > 2 && strncmp(end - 2, "ed", 2) == 0)
        return false;
    for (const char *p = l->t; p < end; p++)
        if (strchr(",;.?!(\"", *p) || (unsigned char)*p == 0xE2)
            return false;
    return true;
}

/* "(_To be continued._)", "THE END.", "Finis": the end of a piece or of
 * its instalment, in brackets and emphasis or not. */
static bool ends_piece(const rt_line *l)
{
    static const char *const words[] = {"to be continued", "to be concluded",
                                        "the end",         "finis",
                                        "concluded",       "continued in our next"};
    const char *s = l->t;
    size_t n = l->tlen;
    while (n && strchr("()[]_*. ", s[n - 1]))
        n--;
    while (n && strchr("()[]_*. ", *s))
        s++, n--;
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
        if (n == strlen(words[i]) && g_ascii_strncasecmp(s, words[i], n) == 0)
            return true;
    return false;
}

bool rt_line_is_end_marker(const rt_line *l)
{
    if (l->blank)
        return false;
    if (l->notedef || ends_piece(l))
        return true;
    if (l->nchar <= 80 &&
        (g_str_has_prefix(l->t, "Thanks to ") || g_str_has_prefix(l->t, "Thank you") ||
         g_str_has_prefix(l->t, "Thanks!")))
        return true;
    return g_str_has_prefix(l->t, "Source: ") || g_str_has_prefix(l->t, "Sources: ");
}

bool rt_line_is_ref_like(const rt_line *l)
{
    if (l->blank)
        return true;
    gunichar f = first_char(l);
    if (f == 0x201C && !rt_line_has_url(l) && l->nchar > 160)
        return false;
    return l->nchar <= 300 || rt_line_has_url(l) || f == '[';
}

bool rt_line_is_paren_subtitle(const rt_line *l)
{
    return !l->blank && l->nchar <= 200 && first_char(l) == '(' && last_char(l, NULL) == ')';
}

bool rt_is_pasted_bullet(gunichar c)
{
    return c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x2023;
}

bool rt_line_opens_section_number(const rt_line *l)
{
    const char *p = l->t, *end = l->t + l->tlen;
    int parts = 0;
    while (p < end && g_ascii_isdigit(*p)) {
        while (p < end && g_ascii_isdigit(*p))
            p++;
        parts++;
        if (p + 1 < end && *p == '.' && g_ascii_isdigit(p[1]))
            p++;
    }
    p += p < end && *p == '.';
    size_t n;
    return parts >= 2 && read_space_at(p, end, &n) && p + n < end;
}

int rt_line_paren_number(const rt_line *l)
{
    int n = 0, digits = 0;
    const char *p = l->t + 1, *end = l->t + l->tlen;
    if (l->blank || l->notedef || *l->t != '(')
        return 0;
    for (; p < end && g_ascii_isdigit(*p) && digits <= PAREN_ITEM_MAX_DIGITS; p++, digits++)
        n = n * 10 + (*p - '0');
    size_t sp;
    return digits && digits <= PAREN_ITEM_MAX_DIGITS && p + 1 < end && *p == ')' &&
                   read_space_at(p + 1, end, &sp)
               ? n
               : 0;
}

int rt_line_list_marker(const rt_line *l, imprint_list_style *style, int *number, size_t *skip)
{
    const char *s = l->t, *end = l->t + l->tlen;
    size_t n;
    gunichar f = first_char(l);
    if (rt_is_pasted_bullet(f)) {
        const char *p = g_utf8_next_char(s);
        while (read_space_at(p, end, &n))
            p += n;
        if (p >= end)
            return 0;
        *style = IMPRINT_LIST_BULLET;
        *number = 1;
        *skip = (size_t)(p - s);
        return 1;
    }
    if ((f == '*' || f == '-') && read_space_at(s + 1, end, &n)) {
        *style = IMPRINT_LIST_BULLET;
        *number = 1;
        *skip = 1 + n;
        return 1;
    }
    const char *p = s;
    int value = 0, digits = 0;
    while (p < end && g_ascii_isdigit(*p) && digits < 4) {
        value = value * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (digits > 0 && digits <= 3 && p < end && (*p == '.' || *p == ')') &&
        read_space_at(p + 1, end, &n)) {
        *style = IMPRINT_LIST_DECIMAL;
        *number = value;
        *skip = (size_t)(p + 1 + n - s);
        return 1;
    }
    if (digits == 0 && s + 2 < end && *s >= 'a' && *s <= 'z' && (s[1] == ')' || s[1] == '.') &&
        read_space_at(s + 2, end, &n)) {
        *style = IMPRINT_LIST_ALPHA;
        *number = *s - 'a' + 1;
        *skip = 2 + n;
        return 1;
    }
    /* "_a._ Eleven bars": the letter and its stop in emphasis, as books
     * set an item's letter in italics */
    if ((*s == '_' || *s == '*') && s + 4 < end && s[1] >= 'a' && s[1] <= 'z' &&
        (s[2] == ')' || s[2] == '.') && s[3] == *s && read_space_at(s + 4, end, &n)) {
        *style = IMPRINT_LIST_ALPHA;
        *number = s[1] - 'a' + 1;
        *skip = 4 + n;
        return 1;
    }
    return 0;
}

static bool is_open_quote(gunichar c)
{
    return c == 0x201C || c == '"' || c == 0x201E || c == 0x00AB || c == 0x201D;
}

bool rt_line_starts_quote(const rt_line *l)
{
    return !l->blank && is_open_quote(first_char(l));
}

bool rt_line_narrated(const rt_line *l)
{
    const char *end = l->t + l->tlen;
    int depth = 0;
    gunichar before = 0;
    for (const char *p = l->t; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        bool open = c == 0x201C || (c == '"' && depth == 0);
        bool close = c == 0x201D || (c == '"' && depth > 0);
        if (open)
            depth++;
        if (!close) {
            before = c;
            continue;
        }
        /* the quote the paragraph opens with, closed: a speech broken off
         * by the narrator ("…promise,” he told"), not a term in quotes
         * ("the “old men” is") nor a quote inside the quotation */
        if (--depth > 0)
            continue;
        const char *q = g_utf8_next_char(p);
        size_t n;
        while (read_space_at(q, end, &n))
            q += n;
        return q > g_utf8_next_char(p) && q < end && g_unichar_islower(g_utf8_get_char(q)) &&
               (before == ',' || before == '!' || before == '?' || before == 0x2014);
    }
    return false;
}

bool rt_line_ends_quote(const rt_line *l)
{
    const char *at = NULL;
    gunichar last = last_char(l, &at);
    /* "… ” (Author, p. 3)": a closing mark before a trailing citation. */
    if (last == ')' && at) {
        int depth = 0;
        const char *p = at;
        for (;;) {
            gunichar c = g_utf8_get_char(p);
            depth += c == ')' ? 1 : c == '(' ? -1 : 0;
            if (depth == 0 || p == l->t)
                break;
            p = g_utf8_find_prev_char(l->t, p);
        }
        if (depth == 0 && p > l->t) {
            const char *q = g_utf8_find_prev_char(l->t, p);
            while (q && q > l->t && read_is_space_char(g_utf8_get_char(q)))
                q = g_utf8_find_prev_char(l->t, q);
            if (q)
                last = g_utf8_get_char(q);
        }
    }
    if (last == '.' || last == ',') {
        const char *p = at ? g_utf8_find_prev_char(l->t, at) : NULL;
        if (p)
            last = g_utf8_get_char(p);
    }
    return last == 0x201D || last == '"' || last == 0x00BB || last == 0x201C;
}

bool rt_line_is_strong_citation(const rt_line *l)
{
    if (l->blank || l->nchar > 300)
        return false;
    gunichar f = first_char(l);
    if (f == 0x2013 || f == 0x2014 || f == '~' || (f == '-' && l->tlen > 1 && l->t[1] != '-'))
        return true;
    if (f == '(' && last_char(l, NULL) == ')')
        return true;
    return false;
}

/* "Q    So how much…", "A. Well…": the interviewer's and the answer's
 * letters, set off by spaces or a stop instead of a colon. */
static bool qa_label(const char *s, const char *end, const char **name_end, const char **text)
{
    if ((*s != 'Q' && *s != 'A') || s + 1 >= end)
        return false;
    const char *p = s + 1;
    if (*p == '.')
        p++;
    size_t n, spaces = 0;
    while (read_space_at(p, end, &n)) {
        p += n;
        spaces++;
    }
    if (spaces < (s[1] == '.' ? 1 : 2) || p >= end)
        return false;
    *name_end = s + 1;
    *text = p;
    return true;
}

/* "[Speaker 1] [00:21] text", "[Jane]: text": a machine transcript's
 * voice in brackets, with a colon or a time stamp after it (a sound,
 * "[Laughter] So", is no one's); the time stamp stays in the text. */
static bool bracket_label(const char *s, const char *end, const char **name_end, const char **text)
{
    const char *close = *s == '[' ? memchr(s, ']', (size_t)(end - s)) : NULL;
    size_t len = close ? (size_t)(close - s - 1) : 0;
    if (!close || !read_is_name_words(s + 1, len) || read_is_sound_cue(s + 1, len) ||
        read_is_label_word(s + 1, len, true))
        return false;
    const char *p = close + 1;
    bool colon = p < end && *p == ':';
    p += colon;
    size_t n, spaces = 0;
    for (; read_space_at(p, end, &n); spaces++)
        p += n;
    if (!spaces || p >= end || (!colon && !read_timestamp(p, end)))
        return false;
    *name_end = close + 1;
    *text = p;
    return true;
}

const char *rt_stamp_colon(const char *p, const char *end, const char **stamp)
{
    size_t n, spaces = 0;
    for (; read_space_at(p, end, &n); spaces++)
        p += n;
    const char *ts = spaces ? read_timestamp(p, end) : NULL;
    if (stamp)
        *stamp = p;
    return ts && ts < end && *ts == ':' ? ts : NULL;
}

bool rt_line_stamped_name(const rt_line *l, size_t *key, size_t *len)
{
    size_t end = l->tlen, stamp;
    end -= end && l->t[end - 1] == ':';
    size_t name = read_before_stamp(l->t, end, &stamp);
    if (!name || !read_is_name_words(l->t, name))
        return false;
    *key = name;
    *len = end;
    return true;
}

size_t rt_line_lead_stamp(const rt_line *l)
{
    const char *end = l->t + l->tlen, *p = read_timestamp(l->t, end);
    if (!p || p == end)
        return 0;
    size_t n, spaces = 0;
    for (; read_space_at(p, end, &n); spaces++)
        p += n;
    return spaces && p < end ? (size_t)(p - l->t) : 0;
}

/* rt_line_label() of the line's text from `s`: the label's length from `s`
 * and where the text starts, from `s` too. */
static bool label_at(const char *s, const char *end, size_t *name_len, size_t *skip)
{
    const char *p = s, *name_end = NULL, *text = NULL;
    if (qa_label(s, end, &name_end, &text) || bracket_label(s, end, &name_end, &text)) {
        *name_len = (size_t)(name_end - s);
        *skip = (size_t)(text - s);
        return true;
    }
    const char *word = s, *word_end = s, *stamped = NULL;
    for (int words = 0; words < READ_SPEAKER_MAX_WORDS; words++) {
        const char *w = read_name_word(p, end);
        /* ("Speaker 2:", the number last; not "Page 217:") */
        const char *num = !w && words > 0 ? read_name_number(p, end) : NULL;
        if (!w && !(num && num < end && (*num == ':' || rt_stamp_colon(num, end, NULL)) &&
                    !read_is_numbering_word(word, (size_t)(word_end - word))))
            return false;
        word = p;
        word_end = p = w ? w : num;
        if (p < end && *p == ':')
            break;
        if ((stamped = rt_stamp_colon(p, end, NULL))) {
            p = stamped;
            break;
        }
        size_t n;
        if (!read_space_at(p, end, &n))
            return false;
        p += n;
    }
    name_end = stamped ? word_end : p;
    size_t cols = rt_utf8_cols(s, (size_t)(name_end - s));
    if (p >= end || *p != ':' || cols > READ_SPEAKER_MAX_CHARS || cols < 1)
        return false;
    /* "CHAPTER I: DISCUSSION AND BED": a section's number, no speaker */
    if (rt_number_heading_kind(s, (size_t)(name_end - s)))
        return false;
    p++;
    size_t n;
    if (!read_space_at(p, end, &n))
        return false;
    while (read_space_at(p, end, &n))
        p += n;
    if (p >= end)
        return false;
    *name_len = (size_t)(name_end - s);
    *skip = (size_t)(p - s);
    return true;
}

bool rt_line_label(const rt_line *l, size_t *name_len, size_t *skip)
{
    /* ("[00:12] Speaker 1: text": the time stamp before the name) */
    size_t lead = rt_line_lead_stamp(l);
    if (!label_at(l->t + lead, l->t + l->tlen, name_len, skip))
        return false;
    *name_len += lead;
    *skip += lead;
    return true;
}

/* Whether the words of `s` up to `end` are all in capitals. */
static bool caps_run(const char *s, const char *end)
{
    bool letter = false;
    for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_islower(c))
            return false;
        letter |= g_unichar_isalpha(c);
    }
    return letter;
}

/* "M. Cic. a", "Iuris con": a name cut short, its first word a name's and
 * the others a name's or a short word in small letters ("a" for the son,
 * "con" for consultus), READ_SPEAKER_MAX_WORDS at most. */
static bool abbreviated_name(const char *s, size_t len)
{
    char *copy = g_strndup(s, len);
    char **words = g_strsplit(copy, " ", -1);
    guint n = g_strv_length(words);
    bool ok = n >= 2 && n <= READ_SPEAKER_MAX_WORDS;
    for (guint i = 0; i < n && ok; i++) {
        const char *w = words[i];
        size_t wl = strlen(w), letters = strspn(w, "abcdefghijklmnopqrstuvwxyz");
        bool upper = wl && g_unichar_isupper(g_utf8_get_char(w));
        ok = (i == 0 || upper) ? upper : letters == wl && wl <= 4 && wl > 0;
    }
    g_strfreev(words);
    g_free(copy);
    return ok;
}

/* "_Lincoln_. 'And you…'", "_Mag._ Nunc…", "_Doctor_ (no answer).": a
 * name set in emphasis (a book's italics) with a stop after it or inside
 * the marks, or a direction in brackets after it, and words (not a date) after that. The name's
 * length counts the marks. */
static bool emphasis_label(const rt_line *l, size_t *name_len, size_t *skip)
{
    const char *s = l->t, *end = l->t + l->tlen;
    char m = s[0];
    if ((m != '_' && m != '*') || l->tlen < 4)
        return false;
    const char *close = memchr(s + 1, m, l->tlen - 1);
    /* ("_Mag._ Nunc …", "_M. Cic._ Quoad …": the stop inside the marks) */
    bool inner_stop = close && close - s > 2 && close[-1] == '.';
    size_t name = close ? (size_t)(close - s - 1) - inner_stop : 0;
    if (!close || close - s < 2 ||
        !(read_is_name_words(s + 1, name) || (inner_stop && abbreviated_name(s + 1, name))) ||
        read_is_label_word(s + 1, name, false))
        return false;
    const char *p = close + 1;
    size_t n;
    if (inner_stop && read_space_at(p, end, &n))
        p += n;
    else if (p + 1 < end && *p == '.' && read_space_at(p + 1, end, &n))
        p += 1 + n;
    else if (!(p + 1 < end && *p == ' ' && p[1] == '('))
        return false;
    while (read_space_at(p, end, &n))
        p += n;
    /* "_The Times_. 12 May 1890.": a paper's name and its date, a reference */
    if (p >= end || g_ascii_isdigit(*p))
        return false;
    *name_len = (size_t)(close + 1 - s);
    *skip = (size_t)(p - s);
    return true;
}

bool rt_line_stop_label(const rt_line *l, size_t *name_len, size_t *skip)
{
    const char *s = l->t, *end = l->t + l->tlen, *p = s;
    if (emphasis_label(l, name_len, skip))
        return true;
    for (int words = 0; words < READ_SPEAKER_MAX_WORDS; words++) {
        const char *w = read_name_word(p, end);
        if (!w)
            return false;
        size_t n, spaces = 0;
        const char *q = w;
        while (read_space_at(q, end, &n)) {
            q += n;
            spaces++;
        }
        if (!spaces || q >= end)
            return false;
        /* "Lady Bracknell.  Good", or in capitals "ALGERNON. Good" (not
         * "MR. WORTHING.", where the name goes on in capitals) */
        const char *next = read_name_word(q, end);
        bool stop = w[-1] == '.' && w - 1 > s;
        if (stop && (spaces >= 2 || (caps_run(s, w) && !(next && caps_run(q, next))))) {
            if (rt_utf8_cols(s, (size_t)(w - 1 - s)) > READ_SPEAKER_MAX_CHARS)
                return false;
            *name_len = (size_t)(w - 1 - s);
            *skip = (size_t)(q - s);
            return true;
        }
        /* "MRS. CHEVELEY [_Superciliously_.]  Indeed?": the stop left out
         * before a bracketed direction, the name in capitals */
        if (!stop && *q == '[' && caps_run(s, w)) {
            if (rt_utf8_cols(s, (size_t)(w - s)) > READ_SPEAKER_MAX_CHARS)
                return false;
            *name_len = (size_t)(w - s);
            *skip = (size_t)(q - s);
            return true;
        }
        p = q;
    }
    return false;
}

size_t rt_line_caps_name(const rt_line *l)
{
    char stop = l->tlen ? l->t[l->tlen - 1] : '\0';
    return l->tlen >= 2 && (stop == '.' || stop == ':') && rt_line_is_all_caps(l) &&
                   read_is_name_words(l->t, l->tlen - 1)
               ? l->tlen - 1
               : 0;
}

bool rt_line_speaker(const rt_line *l, size_t *name_len, size_t *skip)
{
    if (!rt_line_label(l, name_len, skip))
        return false;
    size_t lead = rt_line_lead_stamp(l);
    /* ("Archive-name: faqs/about-faqs", "From: russ@silicom.co.il": a
     * header's fields, recurring in a FAQ that shows one, name no one) */
    return !read_is_label_word(l->t + lead, *name_len - lead, false) &&
           !read_is_header_field(l->t + lead, *name_len - lead);
}

/* The length of the placeholder's tag line `l` opens with ("[Illustration",
 * "[Music", …), followed by "]", ":", "." or a space; 0 for none. `open`:
 * the line closes no bracket, so its end stands for the "]" to come. */
static size_t placeholder_tag(const rt_line *l, bool open)
{
    static const char *const tags[] = {"[Illustration", "[Figure", "[Music",
                                       "[Picture",      "[Image",  "[Plate"};
    for (size_t i = 0; i < G_N_ELEMENTS(tags); i++) {
        size_t n = strlen(tags[i]);
        if (l->tlen + open > n && strncmp(l->t, tags[i], n) == 0 &&
            (n == l->tlen || strchr("]:. ", l->t[n])))
            return n;
    }
    return 0;
}

size_t rt_line_placeholder(const rt_line *l)
{
    if (l->blank || l->t[l->tlen - 1] != ']' || memchr(l->t + 1, '[', l->tlen - 1))
        return 0;
    return placeholder_tag(l, false);
}

size_t rt_line_placeholder_open(const rt_line *l)
{
    if (l->blank || memchr(l->t, ']', l->tlen) || memchr(l->t + 1, '[', l->tlen - 1))
        return 0;
    return placeholder_tag(l, true);
}

size_t rt_placeholder_close(const rt_state *st, size_t i, size_t last)
{
    if (!rt_line_placeholder_open(&st->lines[i]))
        return SIZE_MAX;
    size_t lines = 1;
    for (size_t j = i + 1; j <= last && j < st->nlines && lines < FIGURE_CAPTION_MAX_LINES; j++) {
        const rt_line *m = &st->lines[j];
        if (m->blank)
            continue;
        lines++;
        const char *close = memchr(m->t, ']', m->tlen);
        if (memchr(m->t, '[', m->tlen) || (close && close != m->t + m->tlen - 1))
            return SIZE_MAX;
        if (close)
            return j;
    }
    return SIZE_MAX;
}

size_t rt_line_sidenote(const rt_line *l)
{
    static const char tag[] = "[Sidenote:";
    size_t n = sizeof tag - 1;
    if (l->blank || l->tlen <= n + 1 || g_ascii_strncasecmp(l->t, tag, n) != 0 ||
        l->t[l->tlen - 1] != ']')
        return 0;
    int depth = 0;
    for (size_t i = 0; i < l->tlen; i++) {
        depth += l->t[i] == '[' ? 1 : l->t[i] == ']' ? -1 : 0;
        if (depth == 0 && i + 1 < l->tlen)
            return 0;
    }
    while (n < l->tlen - 1 && l->t[n] == ' ')
        n++;
    return n < l->tlen - 1 ? n : 0;
}

bool rt_line_is_figure(const rt_line *l, bool *is_file)
{
    *is_file = false;
    if (l->blank || l->nchar > 80)
        return false;
    static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp",
                                       ".svg", ".bmp",  ".tif", ".tiff"};
    bool spaces = false, upper = false, underscore = false;
    for (const char *p = l->t; p < l->t + l->tlen; p++) {
        spaces |= *p == ' ' || (unsigned char)*p == 0xC2;
        upper |= g_ascii_isupper(*p);
        /* between letters or digits ("lenin_1920"), not emphasis ("end._") */
        underscore |= *p == '_' && p > l->t && g_ascii_isalnum(p[-1]) && p + 1 < l->t + l->tlen &&
                      g_ascii_isalnum(p[1]);
    }
    char *lower = g_ascii_strdown(l->t, (gssize)l->tlen);
    bool figure = false;
    for (size_t i = 0; i < G_N_ELEMENTS(exts) && !figure; i++)
        if (!spaces && g_str_has_suffix(lower, exts[i]) && l->tlen > strlen(exts[i]))
            figure = *is_file = true;
    if (!figure && rt_count_words(l->t, l->tlen) <= 4 && !upper) {
        /* "trotsky pic", "image of lenin" */
        char **words = g_strsplit(lower, " ", -1);
        for (char **w = words; *w && !figure; w++)
            figure = !strcmp(*w, "pic") || !strcmp(*w, "picture") || !strcmp(*w, "image") ||
                     !strcmp(*w, "img") || !strcmp(*w, "photo") || !strcmp(*w, "pics");
        g_strfreev(words);
    }
    /* "trotsky_poster_destroy_verm": an image's name without its extension */
    if (!figure && !spaces && !upper && underscore && rt_has_letter(l->t, l->tlen))
        figure = true;
    g_free(lower);
    return figure;
}

static bool is_numeric_token(const char *s, size_t len)
{
    bool digit = false;
    for (size_t i = 0; i < len; i++) {
        if (g_ascii_isdigit(s[i]))
            digit = true;
        else if (!strchr(".,%+-", s[i]))
            return false;
    }
    return digit;
}

/* Splits a table row into cells: on runs of two or more spaces (or tabs)
 * when there are any, else a text label followed by numeric cells. Returns
 * the number of cells (pointers into the line, as start/length pairs of
 * GINT_TO_POINTER offsets), or 0 if the line is no row. */
bool rt_line_has_column_gap(const rt_line *l)
{
    size_t run = 0;
    for (size_t i = 0; i < l->tlen; i++) {
        if (l->t[i] == '\t')
            return true;
        run = l->t[i] == ' ' ? run + 1 : 0;
        if (run >= WRAP_COLUMN_GAP)
            return true;
    }
    return false;
}

int rt_line_table_cells(const rt_line *l, GPtrArray *cells)
{
    g_ptr_array_set_size(cells, 0);
    const char *s = l->t, *end = l->t + l->tlen;
    if (l->blank)
        return 0;
    bool wide = strstr(s, "  ") != NULL || memchr(s, '\t', l->tlen) != NULL;
    if (wide) {
        const char *p = s;
        while (p < end) {
            const char *start = p;
            while (p < end && !(*p == '\t' || (p[0] == ' ' && p + 1 < end && p[1] == ' ')))
                p++;
            g_ptr_array_add(cells, GSIZE_TO_POINTER((gsize)(start - s)));
            g_ptr_array_add(cells, GSIZE_TO_POINTER((gsize)(p - start)));
            while (p < end && (*p == ' ' || *p == '\t'))
                p++;
        }
        return (int)cells->len / 2;
    }
    /* numeric cells from the right ("January 8, 1790" is a date, no row) */
    if (rt_line_is_dateline(l))
        return 0;
    const char *p = end, *label_end = end;
    int numeric = 0;
    GPtrArray *rev = g_ptr_array_new();
    while (p > s) {
        const char *e = p;
        while (p > s && p[-1] != ' ')
            p--;
        if (!is_numeric_token(p, (size_t)(e - p)))
            break;
        g_ptr_array_add(rev, GSIZE_TO_POINTER((gsize)(e - p)));
        g_ptr_array_add(rev, GSIZE_TO_POINTER((gsize)(p - s)));
        numeric++;
        while (p > s && p[-1] == ' ')
            p--;
        label_end = p;
    }
    if (numeric < 2 || label_end == s) {
        g_ptr_array_free(rev, TRUE);
        return 0;
    }
    /* the label may itself end in a number ("Year"), but must hold a letter */
    if (!rt_has_letter(s, (size_t)(label_end - s))) {
        g_ptr_array_free(rev, TRUE);
        return 0;
    }
    g_ptr_array_add(cells, GSIZE_TO_POINTER((gsize)0));
    g_ptr_array_add(cells, GSIZE_TO_POINTER((gsize)(label_end - s)));
    for (guint i = rev->len; i >= 2; i -= 2) {
        g_ptr_array_add(cells, rev->pdata[i - 1]);
        g_ptr_array_add(cells, rev->pdata[i - 2]);
    }
    g_ptr_array_free(rev, TRUE);
    return numeric + 1;
}
