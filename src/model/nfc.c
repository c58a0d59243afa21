/* NFC at memory speed: most text is already NFC, and most of it is ASCII. */
#include "model/nfc.h"

#include <string.h>

/* Characters of combining class 0 that are the second half of a canonical
 * composition (Indic two-part vowel signs, Hangul vowels and final
 * consonants): NFC may join them with the character before, so they are not
 * stable. Ranges, sorted; tests/unit/test_nfc.c derives the set from GLib's
 * own tables and checks it against this one. */
static const gunichar composing_starters[][2] = {
    {0x09BE, 0x09BE},   {0x09D7, 0x09D7},   {0x0B3E, 0x0B3E},   {0x0B56, 0x0B57},
    {0x0BBE, 0x0BBE},   {0x0BD7, 0x0BD7},   {0x0CC2, 0x0CC2},   {0x0CD5, 0x0CD6},
    {0x0D3E, 0x0D3E},   {0x0D57, 0x0D57},   {0x0DCF, 0x0DCF},   {0x0DDF, 0x0DDF},
    {0x102E, 0x102E},   {0x1161, 0x1175},   {0x11A8, 0x11C2},   {0x1B35, 0x1B35},
    {0x11127, 0x11127}, {0x1133E, 0x1133E}, {0x11357, 0x11357}, {0x114B0, 0x114B0},
    {0x114BA, 0x114BA}, {0x114BD, 0x114BD}, {0x115AF, 0x115AF}, {0x11930, 0x11930},
};

/* Below the combining diacritics (U+0300) every character is stable. */
#define NFC_STABLE_BELOW 0x0300

static bool composing_starter(gunichar c)
{
    for (size_t i = 0; i < G_N_ELEMENTS(composing_starters); i++) {
        if (c < composing_starters[i][0])
            return false;
        if (c <= composing_starters[i][1])
            return true;
    }
    return false;
}

bool imprint_nfc_stable(gunichar c)
{
    if (c < NFC_STABLE_BELOW)
        return true;
    if (g_unichar_combining_class(c) != 0 || composing_starter(c))
        return false;
    gunichar a, b, r;
    if (!g_unichar_decompose(c, &a, &b))
        return true;
    /* Decomposable: stable only as a primary composite, which NFC rebuilds. */
    return b != 0 && g_unichar_compose(a, b, &r) && r == c;
}

/* Start of the first character at or after `p` that is not stable, or `end`. */
static const char *next_unstable(const char *p, const char *end, const char **last_stable)
{
    while (p < end) {
        if ((unsigned char)*p < 0x80) {
            *last_stable = p++;
            continue;
        }
        if (!imprint_nfc_stable(g_utf8_get_char(p)))
            return p;
        *last_stable = p;
        p = g_utf8_next_char(p);
    }
    return end;
}

void imprint_nfc_append(GString *out, const char *s, size_t len)
{
    const char *p = s, *end = s + len, *copied = s, *last_stable = NULL;
    while ((p = next_unstable(p, end, &last_stable)) < end) {
        /* The stretch NFC may change: from the stable character before (it
         * may compose with what follows) to the next stable one. */
        const char *seg = last_stable && last_stable >= copied ? last_stable : copied;
        const char *q = g_utf8_next_char(p);
        while (q < end && (unsigned char)*q >= 0x80 && !imprint_nfc_stable(g_utf8_get_char(q)))
            q = g_utf8_next_char(q);
        g_string_append_len(out, copied, seg - copied);
        char *nfc = g_utf8_normalize(seg, q - seg, G_NORMALIZE_NFC);
        if (nfc)
            g_string_append(out, nfc);
        else /* not valid UTF-8: the caller broke the contract; keep the bytes */
            g_string_append_len(out, seg, q - seg);
        g_free(nfc);
        copied = p = q;
        last_stable = NULL;
    }
    g_string_append_len(out, copied, end - copied);
}

char *imprint_nfc_dup(const char *s, size_t len, size_t *out_len)
{
    GString *out = g_string_sized_new(len);
    imprint_nfc_append(out, s, len);
    if (out_len)
        *out_len = out->len;
    return g_string_free(out, FALSE);
}

bool imprint_nfc_is(const char *s, size_t len)
{
    const char *last_stable = NULL;
    if (next_unstable(s, s + len, &last_stable) == s + len)
        return true;
    size_t n = 0;
    char *nfc = imprint_nfc_dup(s, len, &n);
    bool same = n == len && memcmp(nfc, s, len) == 0;
    g_free(nfc);
    return same;
}
