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

bool read_is_name_words(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    for (int words = 0; words < READ_SPEAKER_MAX_WORDS; words++) {
        const char *w = read_name_word(p, end);
        if (!w)
            return false;
        if (w == end)
            return g_utf8_strlen(s, (gssize)len) <= READ_SPEAKER_MAX_CHARS;
        size_t n;
        if (!read_space_at(w, end, &n))
            return false;
        p = w + n;
    }
    return false;
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

bool read_word_in(const char *s, size_t len, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (len == strlen(words[i]) && g_ascii_strncasecmp(s, words[i], len) == 0)
            return true;
    return false;
}
