/* NFC at memory speed: most text is already NFC, and most of it is ASCII. */
#include "model/nfc.h"

#include <stdint.h>
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

static bool stable_uncached(gunichar c)
{
    if (g_unichar_combining_class(c) != 0 || composing_starter(c))
        return false;
    gunichar a, b, r;
    if (!g_unichar_decompose(c, &a, &b))
        return true;
    /* Decomposable: stable only as a primary composite, which NFC rebuilds. */
    return b != 0 && g_unichar_compose(a, b, &r) && r == c;
}

/* Answers for recent characters (a text uses few outside ASCII, each many
 * times: curly quotes, dashes, accented letters), 380 instructions a
 * lookup in GLib's tables otherwise. Each slot is one atomic int, the code
 * point shifted left with the answer in bit 0 (0: empty, as no code point
 * below NFC_STABLE_BELOW is asked), so threads share it safely. */
#define STABLE_CACHE_BITS 8
static gint stable_cache[1 << STABLE_CACHE_BITS];

bool imprint_nfc_stable(gunichar c)
{
    if (c < NFC_STABLE_BELOW)
        return true;
    guint slot = (guint)((c * UINT32_C(2654435761)) >> (32 - STABLE_CACHE_BITS));
    gint seen = g_atomic_int_get(&stable_cache[slot]);
    if (seen != 0 && (gunichar)seen >> 1 == c)
        return seen & 1;
    bool stable = stable_uncached(c);
    g_atomic_int_set(&stable_cache[slot], (gint)(c << 1 | (stable ? 1u : 0u)));
    return stable;
}

/* Bytes of ASCII tested at once by next_unstable(): one 64-bit word. */
#define ASCII_STRIDE 8

/* Start of the first character at or after `p` that is not stable, or `end`. */
static const char *next_unstable(const char *p, const char *end, const char **last_stable)
{
    while (p < end) {
        /* ASCII, most of any text: a word at a time, every byte stable. */
        while (end - p >= ASCII_STRIDE) {
            guint64 w;
            memcpy(&w, p, sizeof w);
            if (w & UINT64_C(0x8080808080808080))
                break;
            p += ASCII_STRIDE;
            *last_stable = p - 1;
        }
        if (p >= end)
            break;
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
        GString *safe = stream_safe(seg, (size_t)(q - seg));
        char *nfc = safe ? g_utf8_normalize(safe->str, (gssize)safe->len, G_NORMALIZE_NFC)
                         : g_utf8_normalize(seg, q - seg, G_NORMALIZE_NFC);
        if (safe)
            g_string_free(safe, TRUE);
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

/* Whether the eight bytes at `p` are ASCII and none is NUL (the zero-byte
 * test is exact when no byte has its high bit set). */
static bool ascii_word(const char *p)
{
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return !(w & high) && !((w - ones) & ~w & high);
}

/* No valid sequence holds an ASCII byte, so validating each run of other
 * bytes on its own is validating the whole. */
bool imprint_utf8_validate(const char *s, size_t len, const char **bad)
{
    const char *p = s, *end = s + len;
    while (p < end) {
        while (end - p >= 8 && ascii_word(p))
            p += 8;
        if (p == end)
            break;
        if ((unsigned char)*p < 0x80) {
            if (*p == '\0') {
                if (bad)
                    *bad = p;
                return false;
            }
            p++;
            continue;
        }
        const char *q = p;
        while (q < end && (unsigned char)*q >= 0x80)
            q++;
        if (!g_utf8_validate_len(p, (gsize)(q - p), bad))
            return false;
        p = q;
    }
    if (bad)
        *bad = end;
    return true;
}

bool imprint_nfc_quick(const char *s, size_t len)
{
    const char *last_stable = NULL;
    return next_unstable(s, s + len, &last_stable) == s + len;
}

bool imprint_nfc_is(const char *s, size_t len)
{
    if (imprint_nfc_quick(s, len))
        return true;
    size_t n = 0;
    char *nfc = imprint_nfc_dup(s, len, &n);
    bool same = n == len && memcmp(nfc, s, len) == 0;
    g_free(nfc);
    return same;
}

char *imprint_normalize(const char *s, gssize len, GNormalizeMode mode)
{
    size_t n = len < 0 ? strlen(s) : (size_t)len;
    if (!imprint_utf8_validate(s, n, NULL))
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
    size_t n = len < 0 ? strlen(s) : (size_t)len;
    if (!imprint_utf8_validate(s, n, NULL))
        return NULL;
    return imprint_nfc_dup(s, n, NULL);
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
