#include "write/chars.h"

bool write_char_is_unsafe(gunichar c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

gunichar write_char_safe(gunichar c)
{
    if (!write_char_is_unsafe(c))
        return c;
    return c < 0x20 ? 0x2400 + c : 0xFFFD;
}

char *write_text_safe(const char *s, size_t len)
{
    GString *clean = NULL;
    const char *p = s, *end = s + len;
    while (p < end) {
        gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        bool bad = write_char_is_unsafe(c);
        if (bad && !clean)
            clean = g_string_new_len(s, p - s);
        if (clean) {
            if (bad)
                g_string_append_unichar(clean, write_char_safe(c));
            else
                g_string_append_len(clean, p, next - p);
        }
        p = next;
    }
    return clean ? g_string_free(clean, FALSE) : NULL;
}

bool write_xml_entity(GString *out, gunichar c)
{
    switch (c) {
    case '&':
        g_string_append(out, "&amp;");
        return true;
    case '<':
        g_string_append(out, "&lt;");
        return true;
    case '>':
        g_string_append(out, "&gt;");
        return true;
    case '"':
        g_string_append(out, "&quot;");
        return true;
    default:
        return false;
    }
}
