/* The head of a post: its title, then on the lines right under it a byline
 * and a date ("Go Turns 10 / Russ Cox, for the Go team / 8 November 2019"),
 * then the text after a blank line. Where a file has such heads, each opens
 * an article, whatever else the file looks like. */

#include <string.h>

#include "read/text/text.h"

static const char *const months[] = {
    "january",  "february",  "march",      "april",    "may",       "june",      "july",
    "august",   "september", "october",    "november", "december",  "jan",       "feb",
    "mar",      "apr",       "jun",        "jul",      "aug",       "sep",       "sept",
    "oct",      "nov",       "dec",        "janvier",  "février",   "mars",      "avril",
    "mai",      "juin",      "juillet",    "août",     "septembre", "octobre",   "novembre",
    "décembre", "januar",    "februar",    "märz",     "juni",      "juli",      "oktober",
    "dezember", "enero",     "febrero",    "marzo",    "abril",     "mayo",      "junio",
    "julio",    "agosto",    "septiembre", "octubre",  "noviembre", "diciembre",
};

/* A day's name alone on a line is the day of the date under it
 * ("TUESDAY" over "AUGUST 15, 1995" on a hearing's cover), no title. */
static const char *const weekdays[] = {
    "monday", "tuesday",  "wednesday", "thursday",   "friday",   "saturday", "sunday",
    "lundi",  "mardi",    "mercredi",  "jeudi",      "vendredi", "samedi",   "dimanche",
    "montag", "dienstag", "mittwoch",  "donnerstag", "freitag",  "samstag",  "sonntag",
    "lunes",  "martes",   "miércoles", "jueves",     "viernes",  "sábado",   "domingo",
};

/* Whether the line holds a year (1000–2999) as a word. */
static bool has_year(const rt_line *l, unsigned *digits_out)
{
    unsigned digits = 0;
    bool year = false;
    for (size_t k = 0; k < l->tlen; k++) {
        if (!g_ascii_isdigit(l->t[k]))
            continue;
        size_t e = k;
        while (e < l->tlen && g_ascii_isdigit(l->t[e]))
            e++;
        digits += (unsigned)(e - k);
        year = year || (e - k == 4 && (l->t[k] == '1' || l->t[k] == '2') &&
                        (k == 0 || !g_ascii_isalnum(l->t[k - 1])));
        k = e;
    }
    *digits_out = digits;
    return year;
}

bool rt_is_month_word(const char *s, size_t len)
{
    char *folded = rt_fold(s, (gssize)len);
    bool month = false;
    for (size_t i = 0; i < G_N_ELEMENTS(months) && !month; i++)
        month = strcmp(folded, months[i]) == 0;
    g_free(folded);
    return month;
}

/* Whether one of the line's words names a month. */
static bool names_month(const rt_line *l)
{
    char **words = g_strsplit_set(l->t, " ,.;:[]()?!", -1);
    bool month = false;
    for (char **w = words; *w && !month; w++)
        month = rt_is_month_word(*w, strlen(*w));
    g_strfreev(words);
    return month;
}

bool rt_line_is_day_date(const rt_line *l)
{
    if (l->blank || l->nchar > TITLE_DATE_CHARS || rt_line_words(l) > POEM_DATE_MAX_WORDS)
        return false;
    bool day = false;
    for (size_t k = 0; k < l->tlen && !day; k++)
        day = g_ascii_isdigit(l->t[k]) && (k == 0 || !g_ascii_isdigit(l->t[k - 1])) &&
              (k + 1 >= l->tlen || !g_ascii_isdigit(l->t[k + 1]) || k + 2 >= l->tlen ||
               !g_ascii_isdigit(l->t[k + 2]));
    return day && names_month(l);
}

bool rt_line_is_dateline(const rt_line *l)
{
    unsigned digits;
    if (l->blank || l->nchar > TITLE_DATE_CHARS || !has_year(l, &digits) || rt_line_has_url(l))
        return false;
    /* 2019-11-08, 08/11/2019: three groups of digits and separators only
     * ("1779 - 1792" is a span of years) */
    if (digits >= 6 && strspn(l->t, "0123456789-./ ") == l->tlen) {
        int groups = 0;
        for (size_t k = 0; k < l->tlen; k++)
            groups += g_ascii_isdigit(l->t[k]) && (k == 0 || !g_ascii_isdigit(l->t[k - 1]));
        return groups == 3;
    }
    return names_month(l) && rt_line_words(l) <= 6;
}

size_t rt_byline_skip(const char *s, size_t len)
{
    static const char *const prefixes[] = {"posted by ", "written by ", "by ", "par ", "von "};
    for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        size_t n = strlen(prefixes[i]);
        if (len > n && g_ascii_strncasecmp(s, prefixes[i], n) == 0)
            return n;
    }
    return 0;
}

/* "L. Frank Baum", "JOHN KEATS.", "Mary van der Berg": two to four words,
 * each an initial or a capitalised name, or a particle between them. */
/* "II", "IV.": the number of a part, a letter or a poem. */
bool rt_is_roman_numeral(const char *s, size_t len)
{
    return len && len <= 8 && strspn(s, "IVXLC.") >= len;
}

bool rt_is_person_name(const char *s, size_t len)
{
    static const char *const particles[] = {"de", "van", "von", "der", "den", "la",
                                            "le", "du",  "da",  "di",  "del", "y"};
    while (len && (s[len - 1] == '.' || s[len - 1] == ' '))
        len--;
    const char *space = g_strrstr_len(s, (gssize)len, " ");
    if (space && rt_is_roman_numeral(space + 1, len - (size_t)(space + 1 - s)))
        return false; /* "LETTER I", "Book IV" */
    char *copy = g_strndup(s, len);
    char **words = g_strsplit(copy, " ", -1);
    guint n = 0, names = 0;
    bool ok = true;
    for (char **w = words; *w && ok; w++) {
        if (!**w)
            continue;
        n++;
        gunichar c = g_utf8_get_char(*w);
        bool particle = false;
        for (size_t i = 0; i < G_N_ELEMENTS(particles) && !particle; i++)
            particle = strcmp(*w, particles[i]) == 0;
        if (particle && n > 1)
            continue;
        static const char *const not_names[] = {"to", "the", "of",  "and",  "a",    "an", "in",
                                                "on", "at",  "for", "from", "with", "by"};
        char *lower = g_utf8_strdown(*w, -1);
        for (size_t i = 0; i < G_N_ELEMENTS(not_names) && ok; i++)
            ok = strcmp(lower, not_names[i]) != 0;
        g_free(lower);
        bool letters = ok && !strstr(*w, "--"),
             initial = g_utf8_strlen(*w, -1) <= 3 && strchr(*w, '.');
        for (const char *p = *w; *p && letters; p = g_utf8_next_char(p)) {
            gunichar d = g_utf8_get_char(p);
            letters = g_unichar_isalpha(d) || d == '.' || d == '\'' || d == 0x2019 || d == '-';
        }
        ok = letters && g_unichar_isupper(c);
        names += ok && !initial;
    }
    g_strfreev(words);
    g_free(copy);
    return ok && n >= 2 && n <= 4 && names >= 1 && !memchr(s, ',', len);
}

bool rt_is_byline_name(const char *s, size_t len)
{
    static const char *const titles[] = {"the hon. ", "the rev. ", "the late ", "rev. ",
                                         "mrs. ",     "mr. ",      "miss ",     "dr. ",
                                         "sir ",      "lady ",     "professor "};
    for (size_t i = 0; i < G_N_ELEMENTS(titles); i++) {
        size_t n = strlen(titles[i]);
        if (len > n && g_ascii_strncasecmp(s, titles[i], n) == 0) {
            s += n;
            len -= n;
            break;
        }
    }
    /* "ROSA NOUCHETTE CAREY, Author of “Aunt Diana,” etc.": her other books */
    const char *comma = memchr(s, ',', len);
    if (comma && (size_t)(s + len - comma) > 11 &&
        g_ascii_strncasecmp(comma, ", author of ", 12) == 0)
        len = (size_t)(comma - s);
    return rt_is_person_name(s, len);
}

bool rt_line_is_byline(const rt_line *l)
{
    if (l->blank || l->nchar > TITLE_HEAD_LINE_CHARS)
        return false;
    char *folded = rt_fold(l->t, (gssize)l->tlen);
    bool by = g_str_has_prefix(folded, "by ") || g_str_has_prefix(folded, "posted by ") ||
              g_str_has_prefix(folded, "par ") || g_str_has_prefix(folded, "von ") ||
              strstr(folded, ", for the ") != NULL;
    g_free(folded);
    return by;
}

bool rt_line_is_lone_by(const rt_line *l)
{
    return l->tlen == 2 && g_ascii_strncasecmp(l->t, "by", 2) == 0;
}

size_t rt_title_head(const rt_state *st, size_t k, size_t *byline, size_t *date)
{
    const rt_chunk *c = &st->chunks[k];
    *byline = *date = SIZE_MAX;
    size_t n = c->last - c->first;
    /* a title alone, its date alone after it ("II.--TO HAYDON." / "[London,]
     * November 20, 1816."): a letter, a diary entry, whose text follows
     * (not an ornament, as under a play's first-night date) */
    const rt_line *first = &st->lines[c->first];
    if (n == 0 && k + 2 < st->nchunks && rt_line_is_heading_like(first) &&
        !rt_line_is_dateline(first) && !rt_is_person_name(first->t, first->tlen) &&
        !rt_line_is_title_word(first, weekdays, G_N_ELEMENTS(weekdays)) &&
        st->chunks[k + 1].first == st->chunks[k + 1].last &&
        rt_line_is_dateline(&st->lines[st->chunks[k + 1].first]) && !st->chunks[k + 2].title &&
        !rt_line_is_break(&st->lines[st->chunks[k + 2].first])) {
        *date = st->chunks[k + 1].first;
        return 1;
    }
    if (n < 1 || n > TITLE_HEAD_MAX_LINES || !rt_line_is_heading_like(first) ||
        rt_line_is_dateline(first) || k + 1 >= st->nchunks)
        return 0; /* (a date is no title: "March 3, 1881" over "March 5, 1882") */
    /* (a name without "By" is the author only over the date: "State of
     * the Union Address" / "George Washington" / "January 8, 1790") */
    bool bare_name = false;
    for (size_t i = c->first + 1; i <= c->last; i++) {
        const rt_line *l = &st->lines[i];
        if (l->nchar > TITLE_HEAD_LINE_CHARS)
            return 0;
        if (*date == SIZE_MAX && rt_line_is_dateline(l)) {
            *date = i;
        } else if (*byline == SIZE_MAX && rt_line_is_byline(l)) {
            *byline = i;
        } else if (*byline == SIZE_MAX && i < c->last && rt_is_person_name(l->t, l->tlen) &&
                   !rt_is_person_name(first->t, first->tlen)) {
            *byline = i;
            bare_name = true;
        } else {
            return 0;
        }
    }
    return bare_name && *date == SIZE_MAX ? 0 : n;
}

/* "Christmas Day, 1811.", "June 1811.": a dateline, or a few words with
 * a year. */
bool rt_line_is_place_date(const rt_line *l)
{
    if (l->nchar > TITLE_DATE_CHARS)
        return false; /* (both readings below are short) */
    bool year = false;
    for (size_t k = 0; k + 4 <= l->tlen && !year; k++)
        year = strspn(l->t + k, "0123456789") == 4 && (k == 0 || !g_ascii_isdigit(l->t[k - 1])) &&
               (k + 4 == l->tlen || !g_ascii_isdigit(l->t[k + 4]));
    return rt_line_is_dateline(l) || (year && rt_line_words(l) <= POEM_DATE_MAX_WORDS);
}

bool rt_line_is_closing(const rt_line *l)
{
    static const char *const words[] = {
        "yours",      "your ",        "ever yours",     "ever your",   "sincerely",
        "faithfully", "truly",        "affectionately", "believe me",  "with love",
        "with best",  "love,",        "regards",        "best wishes", "kind regards",
        "cordially",  "respectfully", "votre",          "bien à vous", "mit freundlichen",
        "herzlich",   "in haste",     "as ever",        "farewell",    "adieu",
        "i remain",   "i am, ",
    };
    if (l->blank || l->nchar > 60)
        return false;
    char *f = rt_fold(l->t, (gssize)l->tlen);
    bool found = false;
    /* a whole word: "As ever," not "As every child" */
    for (size_t i = 0; i < G_N_ELEMENTS(words) && !found; i++) {
        size_t n = strlen(words[i]);
        found = g_str_has_prefix(f, words[i]) &&
                (words[i][n - 1] == ' ' || words[i][n - 1] == ',' || !g_ascii_isalpha(f[n]));
    }
    found = found || strcmp(f, "your") == 0; /* "Your" over "BEETHOVEN." */
    g_free(f);
    return found;
}

size_t rt_life_span_name(const char *s, size_t len)
{
    /* "1746-1794", "1746–1794": two years at the end */
    size_t n = len;
    while (n && s[n - 1] == ')')
        n--;
    size_t digits = 0;
    while (n && g_ascii_isdigit(s[n - 1]) && digits < 5) {
        n--;
        digits++;
    }
    if (digits != 4 || !n)
        return 0;
    if (s[n - 1] == '-')
        n--;
    else if (n >= 3 && strncmp(s + n - 3, "\u2013", 3) == 0)
        n -= 3;
    else
        return 0;
    for (digits = 0; n && g_ascii_isdigit(s[n - 1]) && digits < 5; digits++)
        n--;
    if (digits < 3 || digits > 4)
        return 0;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == '('))
        n--;
    return n && rt_is_person_name(s, n) ? n : 0;
}
