#include "model/typography.h"

#include "model/nfc.h"

#include <glib.h>
#include <string.h>

static bool is_word_char(gunichar c)
{
    return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

/* Characters after which a quote mark opens rather than closes. */
static bool opens_after(gunichar prev)
{
    return prev == 0 || g_unichar_isspace(prev) || prev == 0x00A0 || prev == '(' || prev == '[' ||
           prev == '{' || prev == 0x2014 || prev == 0x2013 || prev == '-' || prev == '/' ||
           prev == 0x201C || prev == 0x2018;
}

/* The character before `p` in `s`, or `before` (what precedes the text)
 * at its start. */
static gunichar char_before(const char *s, const char *p, gunichar before)
{
    return p > s ? g_utf8_get_char(g_utf8_prev_char(p)) : before;
}

/* The curly quote for the straight quote or acute accent `c` at `p`, from the
 * characters around it; `before` and `after` are those around the text. */
static const char *curly(gunichar c, const char *s, const char *p, const char *next,
                         const char *end, gunichar before, gunichar after_text)
{
    gunichar prev = char_before(s, p, before);
    /* After an emphasis mark that opens (`_"The Title_`), as after what
     * the mark follows. */
    if (p > s && (prev == '_' || prev == '*') && opens_after(char_before(s, p - 1, before)))
        prev = ' ';
    gunichar after = next < end ? g_utf8_get_char(next) : after_text;
    /* A mark alone between spaces opens and closes nothing: a ditto mark
     * in a table's column (`"    " F`), kept as written. */
    if (c == '"' && (prev == 0 || g_unichar_isspace(prev)) &&
        (after == 0 || g_unichar_isspace(after)))
        return "\"";
    if (c == '"')
        return opens_after(prev) ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
    /* An apostrophe inside or after a word closes; before a word it opens,
     * except before digits, where it marks an elision ('90s). */
    if (is_word_char(prev) || (!opens_after(prev) && prev != 0))
        return "\xE2\x80\x99";
    if (is_word_char(after) && !g_unichar_isdigit(after))
        return "\xE2\x80\x98";
    return "\xE2\x80\x99";
}

/* The bytes that may start a mark typography_apply() replaces: the
 * straight quotes and 0xC2, the lead byte of the acute accent U+00B4 (and
 * of other characters). */
static const bool may_mark[256] = {['"'] = true, ['\''] = true, [0xC2] = true};

/* One pass: the text between quote marks is copied a run at a time, each
 * mark replaced by its curly form, then NFC by the quick check (no second
 * copy when the text is stable, as most is). */
char *imprint_typography_apply_between(const char *s, size_t len, gunichar before, gunichar after)
{
    GString *out = g_string_sized_new(len + 16);
    const char *p = s, *end = s + len, *run = s;
    while (p < end) {
        unsigned char b = (unsigned char)*p;
        if (!may_mark[b]) {
            p++;
            continue;
        }
        if (b == 0xC2 && !(p + 1 < end && (unsigned char)p[1] == 0xB4)) {
            p++;
            continue;
        }
        const char *next = p + (b == 0xC2 ? 2 : 1);
        g_string_append_len(out, run, p - run);
        g_string_append(out, curly(b == 0xC2 ? 0x00B4 : b, s, p, next, end, before, after));
        run = p = next;
    }
    g_string_append_len(out, run, end - run);
    if (imprint_nfc_quick(out->str, out->len))
        return g_string_free(out, FALSE);
    char *nfc = imprint_nfc_dup(out->str, out->len, NULL);
    g_string_free(out, TRUE);
    return nfc;
}

char *imprint_typography_apply(const char *s, size_t len)
{
    return imprint_typography_apply_between(s, len, 0, 0);
}

static size_t space_at(const char *p, const char *end, bool *nbsp)
{
    *nbsp = false;
    if (p < end && (*p == ' ' || *p == '\t'))
        return 1;
    *nbsp = end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
    return *nbsp ? 2 : 0;
}

/* The bytes that may start a space for squeezing: space, tab, and 0xC2,
 * the lead byte of U+00A0 (and of other characters). */
static const bool may_space[256] = {[' '] = true, ['\t'] = true, [0xC2] = true};

size_t imprint_typography_squeeze_spaces(char *s, size_t len, size_t *runs)
{
    const char *p = s, *end = s + len;
    char *out = s;
    size_t squeezed = 0;
    while (p < end) {
        /* Up to the next byte that may start a space: a run copied at once. */
        const char *q = p;
        while (q < end && !may_space[(unsigned char)*q])
            q++;
        if (q > p) {
            if (out != p)
                memmove(out, p, (size_t)(q - p));
            out += q - p;
            p = q;
            if (p == end)
                break;
        }
        bool nbsp;
        size_t n = space_at(p, end, &nbsp);
        if (!n) {
            *out++ = *p++;
            continue;
        }
        const char *start = p;
        size_t count = 0;
        bool plain = false;
        while ((n = space_at(p, end, &nbsp)) > 0) {
            plain |= !nbsp;
            p += n;
            count++;
        }
        if (p - start == 1 && *start == ' ') {
            *out++ = ' '; /* one space, most of them */
        } else if (!plain || (count == 1 && *start == ' ')) {
            memmove(out, start, (size_t)(p - start)); /* no-break spaces alone, or one space */
            out += p - start;
        } else {
            *out++ = ' ';
            squeezed++;
        }
    }
    if (out < end)
        *out = '\0';
    if (runs)
        *runs = squeezed;
    return (size_t)(out - s);
}

static bool url_stop(gunichar c)
{
    return c == 0 || g_unichar_isspace(c) || c == 0x00A0 || c == '<' || c == '>' || c == '"' ||
           c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x00AB || c == 0x00BB || c == 0x2026;
}

size_t imprint_typography_url_len(const char *s, size_t len)
{
    static const char *const prefixes[] = {"https://", "http://", "www."};
    size_t plen = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        size_t n = strlen(prefixes[i]);
        if (len > n && g_ascii_strncasecmp(s, prefixes[i], n) == 0) {
            plen = n;
            break;
        }
    }
    if (!plen)
        return 0;
    const char *p = s, *end = s + len;
    while (p < end && !url_stop(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    size_t n = (size_t)(p - s);
    /* Sentence punctuation after a URL is not part of it; a closing bracket
     * is only when the URL opened one. */
    int parens = 0, brackets = 0;
    for (size_t i = 0; i < n; i++) {
        parens += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
        brackets += s[i] == '[' ? 1 : s[i] == ']' ? -1 : 0;
    }
    while (n > plen) {
        char c = s[n - 1];
        if (strchr(".,;:!?'", c)) {
            n--;
        } else if (c == ')' && parens < 0) {
            n--;
            parens++;
        } else if (c == ']' && brackets < 0) {
            n--;
            brackets++;
        } else {
            break;
        }
    }
    /* "www." alone is no address. */
    return n > plen ? n : 0;
}

int imprint_typography_superscript_digit(const char *s, size_t len, size_t *bytes)
{
    if (len == 0)
        return -1;
    gunichar c = g_utf8_get_char_validated(s, (gssize)len);
    if (c == (gunichar)-1 || c == (gunichar)-2)
        return -1;
    int v = -1;
    if (c == 0x00B9)
        v = 1;
    else if (c == 0x00B2)
        v = 2;
    else if (c == 0x00B3)
        v = 3;
    else if (c == 0x2070)
        v = 0;
    else if (c >= 0x2074 && c <= 0x2079)
        v = (int)(c - 0x2070);
    if (v >= 0 && bytes)
        *bytes = (size_t)(g_utf8_next_char(s) - s);
    return v;
}

bool imprint_text_number(const char *s, unsigned max, int *out)
{
    guint64 v = 0;
    if (!s || !g_ascii_isdigit(*s) || max > G_MAXINT ||
        !g_ascii_string_to_unsigned(s, 10, 0, max, &v, NULL))
        return false;
    *out = (int)v;
    return true;
}
