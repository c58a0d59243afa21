/* A speaker's name at the head of a turn, shared by the text and markdown
 * readers. */
#include "read/names.h"

#include <string.h>

bool read_is_space_char(gunichar c)
{
    return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0xFEFF ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == '\f' || c == '\v';
}

bool read_space_at(const char *s, const char *end, size_t *bytes)
{
    if (s >= end)
        return false;
    gunichar c = g_utf8_get_char(s);
    if (!read_is_space_char(c))
        return false;
    if (bytes)
        *bytes = (size_t)(g_utf8_next_char(s) - s);
    return true;
}

const char *read_name_word(const char *p, const char *end)
{
    if (p >= end || !g_unichar_isupper(g_utf8_get_char(p)))
        return NULL;
    while (p < end) {
        gunichar c = g_utf8_get_char(p);
        if (!(g_unichar_isalpha(c) || c == '.' || c == '\'' || c == 0x2019 || c == '-'))
            break;
        p = g_utf8_next_char(p);
    }
    return p;
}

const char *read_name_number(const char *p, const char *end)
{
    const char *q = p;
    while (q < end && g_ascii_isdigit(*q) && q - p < READ_SPEAKER_MAX_DIGITS + 1)
        q++;
    if (q == p || q - p > READ_SPEAKER_MAX_DIGITS ||
        (q < end && g_unichar_isalnum(g_utf8_get_char(q))))
        return NULL;
    return q;
}

bool read_is_numbering_word(const char *s, size_t len)
{
    static const char *const words[] = {
        "Page",     "P",        "Pp",      "Line",    "Figure",   "Fig",  "Plate",
        "Table",    "Map",      "Chart",   "Note",    "Footnote", "Item", "Step",
        "Chapter",  "Part",     "Section", "Book",    "Volume",   "Vol",  "No",
        "Verse",    "Article",  "Rule",    "Clause",  "Appendix", "Day",  "Week",
        "Question", "Exercise", "Example", "Problem", "Track",    "Col",  "Column"};
    return read_word_in(s, len, words, G_N_ELEMENTS(words));
}

bool read_is_name_words(const char *s, size_t len)
{
    /* "TO G. DEL RIO", "From the Editor": a letter's address, no one's name */
    static const char *const address[] = {"to", "from"};
    const char *first = read_name_word(s, s + len);
    if (first && read_word_in(s, (size_t)(first - s), address, G_N_ELEMENTS(address)))
        return false;
    const char *p = s, *end = s + len, *last = s, *last_end = s;
    for (int words = 0; words < READ_SPEAKER_MAX_WORDS; words++) {
        const char *w = read_name_word(p, end);
        /* (a number ends the name: "Speaker 2", not "2 Speaker" nor "Page 2") */
        if (!w && words > 0 && (w = read_name_number(p, end)) &&
            (w != end || read_is_numbering_word(last, (size_t)(last_end - last))))
            return false;
        if (!w)
            return false;
        last = p;
        last_end = w;
        if (w == end)
            return g_utf8_strlen(s, (gssize)len) <= READ_SPEAKER_MAX_CHARS;
        size_t n;
        if (!read_space_at(w, end, &n))
            return false;
        p = w + n;
    }
    return false;
}

bool read_is_apart_name(const char *s, size_t len)
{
    bool small = false;
    for (size_t k = 0; k < len; k++)
        small = small || g_ascii_islower(s[k]);
    return memchr(s, ' ', len) != NULL || !small;
}

bool read_is_mail_field(const char *s, size_t len)
{
    static const char *const fields[] = {"date",         "from",         "subject",
                                         "to",           "cc",           "bcc",
                                         "reply-to",     "sender",       "message-id",
                                         "in-reply-to",  "references",   "newsgroups",
                                         "path",         "organization", "organisation",
                                         "lines",        "xref",         "approved",
                                         "followup-to",  "return-path",  "received",
                                         "mime-version", "content-type", "keywords",
                                         "summary",      "distribution", "nntp-posting-host",
                                         "precedence",   "errors-to",    "expires",
                                         "supersedes",   "comments",     "status",
                                         "article-i.d.", "posted"};
    return (len > 2 && g_ascii_strncasecmp(s, "x-", 2) == 0) ||
           read_word_in(s, len, fields, G_N_ELEMENTS(fields));
}

bool read_is_header_field(const char *s, size_t len)
{
    /* a news.answers FAQ's own header (its guidelines, and what FAQs
     * add), and a FidoNet message's and an HTTP message's */
    static const char *const faq[] = {
        "archive-name", "posting-frequency", "last-modified", "last-changed", "last-updated",
        "version", "url", "maintainer", "copyright",
        /* a FidoNet message's ("Area: AMIGA_VIDEO", "Subj: …") */
        "area", "subj",
        /* an HTTP message's, in an RFC's examples ("Host" is left out:
         * a podcast's "Host:" speaks) */
        "accept", "accept-encoding", "accept-language", "accept-ranges", "cache-control",
        "connection", "content-length", "etag", "location", "server", "transfer-encoding",
        "user-agent", "vary"};
    return read_is_mail_field(s, len) || read_word_in(s, len, faq, G_N_ELEMENTS(faq));
}

bool read_is_label_word(const char *s, size_t len, bool any_case)
{
    static const char *const not_names[] = {
        "Source",     "Sources",   "Note",      "Notes",      "Update",  "Edit", "Translation",
        "Translated", "Available", "Reference", "References", "See",     "Also", "Link",
        "Quote",      "Photo",     "Image",     "Tags",       "Category"};
    for (size_t i = 0; i < G_N_ELEMENTS(not_names); i++)
        if (len == strlen(not_names[i]) && (any_case ? g_ascii_strncasecmp(s, not_names[i], len)
                                                     : strncmp(s, not_names[i], len)) == 0)
            return true;
    return false;
}

/* Digits from `p`, `min` to `max` of them; their end, or NULL. */
static const char *digits(const char *p, const char *end, int min, int max)
{
    const char *q = p;
    while (q < end && g_ascii_isdigit(*q) && q - p <= max)
        q++;
    return q - p >= min && q - p <= max ? q : NULL;
}

const char *read_timestamp(const char *p, const char *end)
{
    char close = p < end && *p == '[' ? ']' : p < end && *p == '(' ? ')' : 0;
    const char *q = digits(p + (close != 0), end, 1, 3);
    for (int fields = 0; q && fields < 2 && q < end && *q == ':'; fields++) {
        const char *f = digits(q + 1, end, 2, 2);
        if (!f)
            break;
        q = f;
        if (q < end && (*q == '.' || *q == ',') && (f = digits(q + 1, end, 1, 3)))
            return close ? (f < end && *f == close ? f + 1 : NULL) : f;
    }
    if (!q || q == p + (close != 0) || !memchr(p, ':', (size_t)(q - p)))
        return NULL;
    if (close)
        return q < end && *q == close ? q + 1 : NULL;
    return q < end && g_ascii_isalnum(*q) ? NULL : q;
}

size_t read_before_stamp(const char *s, size_t len, size_t *stamp)
{
    const char *space = g_strrstr_len(s, (gssize)len, " ");
    if (!space || read_timestamp(space + 1, s + len) != s + len)
        return 0;
    *stamp = (size_t)(space + 1 - s);
    size_t before = (size_t)(space - s);
    while (before && s[before - 1] == ' ')
        before--;
    return before;
}

bool read_is_sound_cue(const char *s, size_t len)
{
    static const char *const cues[] = {"Music",         "Laughter",  "Laughs",    "Laughing",
                                       "Applause",      "Crosstalk", "Inaudible", "Unintelligible",
                                       "Indiscernible", "Silence",   "Pause",     "Noise",
                                       "Intro",         "Outro",     "Break",     "Sound",
                                       "Audio",         "Video",     "End",       "Cut",
                                       "Static",        "Coughs"};
    return read_word_in(s, len, cues, G_N_ELEMENTS(cues));
}

/* Whether `len` bytes of `s` spell `word`, in any case of ASCII letters,
 * its apostrophe matching a curly one too ("Editor's" in "Editor’s"). */
static bool spells(const char *s, size_t len, const char *word)
{
    size_t i = 0;
    for (; *word; word++) {
        if (*word == '\'' && len - i >= 3 && memcmp(s + i, "\xE2\x80\x99", 3) == 0) {
            i += 3;
            continue;
        }
        if (i == len || g_ascii_tolower(s[i]) != g_ascii_tolower(*word))
            return false;
        i++;
    }
    return i == len;
}

bool read_word_in(const char *s, size_t len, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (spells(s, len, words[i]))
            return true;
    return false;
}
