#include "model/nfc.h"

#include <stdbool.h>
#include <string.h>

/* COMBINING GRAPHEME JOINER: a starter that is invisible and joins nothing. */
#define CGJ 0x034F

/* Counts of `c`'s canonical decomposition: the non-starters before its
 * first starter (all of them when it has none) and after its last. */
static void nonstarters(gunichar c, size_t *leading, size_t *trailing, bool *all)
{
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d));
    size_t lead = 0, trail = 0;
    while (lead < n && g_unichar_combining_class(d[lead]) != 0)
        lead++;
    while (trail < n && g_unichar_combining_class(d[n - 1 - trail]) != 0)
        trail++;
    *leading = lead;
    *trailing = trail;
    *all = lead == n;
}

/* `s` with a joiner before every non-starter that would make a run longer
 * than the limit, or NULL when no run is (the common case copies nothing). */
static GString *stream_safe(const char *s, size_t len)
{
    GString *out = NULL;
    size_t run = 0;
    for (const char *p = s, *end = s + len; p < end; p = g_utf8_next_char(p)) {
        if ((unsigned char)*p < 0x80) {
            run = 0; /* ASCII: a starter that decomposes to itself */
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        size_t lead, trail;
        bool all;
        nonstarters(c, &lead, &trail, &all);
        if (run + lead > IMPRINT_NFC_MAX_NONSTARTERS) {
            if (!out)
                out = g_string_new_len(s, p - s);
            g_string_append_unichar(out, CGJ);
            run = 0;
        }
        run = all ? run + lead : trail;
        if (out)
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    return out;
}

char *imprint_normalize(const char *s, gssize len, GNormalizeMode mode)
{
    size_t n = len < 0 ? strlen(s) : (size_t)len;
    if (!g_utf8_validate_len(s, n, NULL))
        return NULL;
    GString *safe = stream_safe(s, n);
    char *out = safe ? g_utf8_normalize(safe->str, (gssize)safe->len, mode)
                     : g_utf8_normalize(s, (gssize)n, mode);
    if (safe)
        g_string_free(safe, TRUE);
    return out;
}

char *imprint_nfc(const char *s, gssize len)
{
    return imprint_normalize(s, len, G_NORMALIZE_NFC);
}

size_t imprint_nfc_stable_prefix(const char *s, size_t len)
{
    const char *p = s + len;
    while (p > s) {
        p = g_utf8_find_prev_char(s, p);
        if (!p)
            return 0;
        gunichar c = g_utf8_get_char(p);
        size_t lead, trail;
        bool all;
        nonstarters(c, &lead, &trail, &all);
        if (lead == 0)
            return (size_t)(p - s);
    }
    return 0;
}
