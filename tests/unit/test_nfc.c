/* The NFC quick check: the same result as g_utf8_normalize, by copying what
 * is stable and normalising only the rest. */
#include "model/nfc.h"

#include <glib.h>
#include <string.h>

static void check_same(const char *s)
{
    size_t n = 0;
    char *got = imprint_nfc_dup(s, strlen(s), &n);
    char *want = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
    g_assert_cmpstr(got, ==, want);
    g_assert_cmpuint(n, ==, strlen(want));
    g_assert_true(imprint_nfc_is(want, strlen(want)));
    g_assert_cmpint(imprint_nfc_is(s, strlen(s)), ==, strcmp(s, want) == 0);
    g_free(got);
    g_free(want);
}

/* Already NFC: copied as it is (ASCII, precomposed letters, curly quotes). */
static void test_stable_copied(void)
{
    const char *s = "Plain ASCII, caf\xC3\xA9, \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 "
                    "\xCE\xB1\xCE\xB2 \xD0\x96";
    check_same(s);
    g_assert_true(imprint_nfc_is(s, strlen(s)));
    check_same("");
}

/* The cases NFC changes, at the start, the middle and the end of a text. */
static void test_changed(void)
{
    check_same("e\xCC\x81");            /* e + acute → é */
    check_same("Cafe\xCC\x81 au lait"); /* in the middle */
    check_same("\xCC\x81"
               "abc");                                  /* a mark with nothing before it */
    check_same("\xE2\x84\xAB ngstr\xC3\xB6m");          /* U+212B singleton → Å */
    check_same("a\xCC\xA3\xCC\x81 q\xCC\x81\xCC\xA3");  /* marks reordered and composed */
    check_same("\xC3\xA9\xCC\xA3");                     /* precomposed é + dot below → ẹ́ */
    check_same("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"); /* Hangul jamo L V T → 각 */
    check_same("\xE0\xAD\x87\xE0\xAC\xBE");             /* Oriya vowel sign parts → U+0B4B */
    check_same("x\xE0\xBD\xB3y");                       /* U+0F73: excluded, decomposes */
}

/* Its lookalike: characters beside the changed ones stay untouched. */
static void test_neighbours_kept(void)
{
    check_same("abc e\xCC\x81 def \xE2\x80\x99 e\xCC\x81\xCC\x81 g");
    check_same("\xE1\x84\x80 \xE1\x85\xA1"); /* L and V apart: not joined */
}

/* Every code point: the hand-kept table of composing starters agrees with
 * GLib's own composition data, and stable means what it says. */
static void test_stable_table(void)
{
    for (gunichar c = 1; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        gunichar a, b, r;
        if (g_unichar_decompose(c, &a, &b) && b && g_unichar_compose(a, b, &r) && r == c &&
            g_unichar_combining_class(b) == 0 && imprint_nfc_stable(b))
            g_error("U+%04X composes with what precedes it", b);
        if (!imprint_nfc_stable(c))
            continue;
        char buf[8];
        int n = g_unichar_to_utf8(c, buf);
        char *nfc = g_utf8_normalize(buf, n, G_NORMALIZE_NFC);
        g_assert_nonnull(nfc);
        if ((int)strlen(nfc) != n || memcmp(nfc, buf, n) != 0)
            g_error("U+%04X is not kept by NFC", c);
        g_free(nfc);
    }
}

/* ASCII is checked ASCII_STRIDE bytes at a time: a character that NFC
 * changes (a combining acute after "e", to compose with it) or keeps (é), at
 * every place in runs of ASCII of every length around the stride, and the
 * quick check on its own. */
static void test_ascii_stride(void)
{
    const char *marks[] = {"\xCC\x81", "\xC3\xA9", "\xE2\x80\x99"};
    for (size_t m = 0; m < G_N_ELEMENTS(marks); m++)
        for (int len = 0; len <= 34; len++)
            for (int at = 0; at <= len; at++) {
                GString *t = g_string_new(NULL);
                for (int i = 0; i < len; i++) {
                    if (i == at)
                        g_string_append(t, marks[m]);
                    g_string_append_c(t, (char)('a' + i % 26));
                }
                if (at == len)
                    g_string_append(t, marks[m]);
                check_same(t->str);
                g_assert_cmpint(imprint_nfc_quick(t->str, t->len), ==, m != 0);
                g_string_free(t, TRUE);
            }
    g_assert_true(imprint_nfc_quick("0123456789abcdefghij", 20));
}

/* Each thread asks every code point twice in a row (the second answer
 * from the cache of recent characters) and keeps the first answers. */
static gpointer ask_all(gpointer data)
{
    guint8 *answers = data;
    for (gunichar c = 1; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        bool first = imprint_nfc_stable(c);
        if (imprint_nfc_stable(c) != first)
            g_error("U+%04X: the cached answer differs", c);
        answers[c] = first;
    }
    return NULL;
}

/* imprint_nfc_stable() caches recent answers (STABLE_CACHE_BITS slots,
 * shared by threads): asked again, from two threads at once, every code
 * point gets the answer it got uncached. */
static void test_stable_cache(void)
{
    guint8 *one = g_malloc0(0x110000), *two = g_malloc0(0x110000), *three = g_malloc0(0x110000);
    ask_all(one);
    GThread *a = g_thread_new("nfc-a", ask_all, two), *b = g_thread_new("nfc-b", ask_all, three);
    g_thread_join(a);
    g_thread_join(b);
    g_assert_cmpmem(one, 0x110000, two, 0x110000);
    g_assert_cmpmem(one, 0x110000, three, 0x110000);
    g_assert_false(one[0x301]); /* a combining mark */
    g_assert_true(one[0x2019]);
    g_assert_true(one[0xE9]);
    g_free(one);
    g_free(two);
    g_free(three);
}

/* Random texts from a pool of stable and unstable characters, with a fixed
 * seed: the quick check never differs from normalising the whole. */
static void test_random_texts(void)
{
    static const gunichar pool[] = {'a',   'e',    ' ',    'A',    0xE9,   0x301,  0x323,
                                    0x308, 0x212B, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xB47,
                                    0xB3E, 0xF73,  0x2019, 0x344,  0x1E0A, 0x307,  0xA8};
    GRand *rng = g_rand_new_with_seed(13);
    for (int round = 0; round < 5000; round++) {
        GString *s = g_string_new(NULL);
        int n = g_rand_int_range(rng, 0, 12);
        for (int i = 0; i < n; i++)
            g_string_append_unichar(s, pool[g_rand_int_range(rng, 0, G_N_ELEMENTS(pool))]);
        check_same(s->str);
        g_string_free(s, TRUE);
    }
    g_rand_free(rng);
}

/* The validator gives GLib's answer and GLib's first bad byte on random
 * byte strings, fixed seed, drawn from ASCII, NUL, continuation bytes and
 * every kind of lead byte (overlong, surrogate and beyond-U+10FFFF leads
 * too), at every length around the eight-byte stride. */
static void test_utf8_validate(void)
{
    static const unsigned char pool[] = {'a',  ' ',  '\n', 0x00, 0x7F, 0x80, 0x8F, 0x9F,
                                         0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED,
                                         0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 'x',  'y',  'z'};
    GRand *rng = g_rand_new_with_seed(29);
    char buf[40];
    for (int round = 0; round < 200000; round++) {
        size_t n = (size_t)g_rand_int_range(rng, 0, (gint32)sizeof buf);
        /* mostly ASCII, as text is, so that the stride is taken */
        for (size_t i = 0; i < n; i++)
            buf[i] = g_rand_int_range(rng, 0, 4)
                         ? (char)('a' + g_rand_int_range(rng, 0, 26))
                         : (char)pool[g_rand_int_range(rng, 0, G_N_ELEMENTS(pool))];
        const char *want_end = NULL, *got_end = NULL;
        gboolean want = g_utf8_validate_len(buf, n, &want_end);
        g_assert_cmpint(imprint_utf8_validate(buf, n, &got_end), ==, want);
        g_assert_true(got_end == want_end);
        g_assert_cmpint(imprint_utf8_validate(buf, n, NULL), ==, want);
    }
    g_rand_free(rng);
    const char *valid = "Plain ASCII, caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 and more ASCII";
    g_assert_true(imprint_utf8_validate(valid, strlen(valid), NULL));
    g_assert_false(imprint_utf8_validate("12345678\0abc", 12, NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/nfc/stable-copied", test_stable_copied);
    g_test_add_func("/nfc/changed", test_changed);
    g_test_add_func("/nfc/neighbours-kept", test_neighbours_kept);
    g_test_add_func("/nfc/random-texts", test_random_texts);
    g_test_add_func("/nfc/stable-table", test_stable_table);
    g_test_add_func("/nfc/stable-cache", test_stable_cache);
    g_test_add_func("/nfc/ascii-stride", test_ascii_stride);
    g_test_add_func("/nfc/utf8-validate", test_utf8_validate);
    return g_test_run();
}
