/* Typography helpers of the text reader (include/imprint/typography.h). */

#include <glib.h>
#include <string.h>

#include "model/typography.h"

static void check_apply(const char *in, const char *want)
{
    char *got = imprint_typography_apply(in, strlen(in));
    g_assert_cmpstr(got, ==, want);
    /* one code point for one: columns stay valid */
    g_assert_cmpint(g_utf8_strlen(got, -1), ==, g_utf8_strlen(in, -1));
    g_free(got);
}

static void test_apply(void)
{
    check_apply("people\u00b4s", "people\u2019s");
    check_apply("holy, \u00b4Weimar\u00b4, is", "holy, \u2018Weimar\u2019, is");
    check_apply("\"quoted\" text", "\u201cquoted\u201d text");
    check_apply("he said \"no.\"", "he said \u201cno.\u201d");
    check_apply("(\"inner\")", "(\u201cinner\u201d)");
    check_apply("'single' and it's", "\u2018single\u2019 and it\u2019s");
    /* before digits an apostrophe marks an elision */
    check_apply("the '90s", "the \u201990s");
    /* curly quotes and other text are left alone */
    check_apply("\u201cAlready\u201d \u2013 fine\u2026", "\u201cAlready\u201d \u2013 fine\u2026");
    /* other characters led by the acute's first byte (0xC2) are kept */
    check_apply("\u00a9 1939, \u00a0\u00b0 and \u00abit\u00b4s\u00bb",
                "\u00a9 1939, \u00a0\u00b0 and \u00abit\u2019s\u00bb");
    check_apply("ends with \u00c2", "ends with \u00c2");
    /* after an emphasis mark that opens, a quote opens; after one that
     * closes, it closes */
    check_apply("_\"The Angler_, being", "_\u201cThe Angler_, being");
    check_apply("in _'Ware_ town", "in _\u2018Ware_ town");
    check_apply("he said _so_\" and left", "he said _so_\u201d and left");
    check_apply("snake_\"case", "snake_\u201dcase");
    /* a mark alone between spaces, a table's ditto mark, opens and closes
     * nothing: kept straight; beside a word it is curly */
    check_apply("\"    \" F", "\"    \" F");
    check_apply("Third  April 29  \"   \"", "Third  April 29  \"   \"");
    check_apply("a \"word\" b", "a \u201cword\u201d b");
}

static void check_between(const char *in, gunichar before, gunichar after, const char *want)
{
    char *got = imprint_typography_apply_between(in, strlen(in), before, after);
    g_assert_cmpstr(got, ==, want);
    g_free(got);
}

/* A run of text read by what stands around it in its block (a Markdown
 * run between emphasis or a link): with nothing around, as apply(). */
static void test_between(void)
{
    /* a run ending in a quote before a word opens it; after a word the
     * same run's quote closes */
    check_between(" and \"", 'd', 'w', " and \u201c");
    check_between("\" beside", 'd', ' ', "\u201d beside");
    check_between("\"beside", ' ', 0, "\u201cbeside");
    /* an apostrophe after a word of the run before, before one after */
    check_between("'s end", 'n', 0, "\u2019s end");
    check_between("'", ' ', 'a', "\u2018");
    /* alone between spaces around the run: a ditto mark, kept */
    check_between("\"", ' ', ' ', "\"");
    /* after an emphasis mark at the run's start, as after what precedes */
    check_between("_\"x", ' ', 0, "_\u201cx");
    check_between("_\"x", 'a', 0, "_\u201dx");
    char *plain = imprint_typography_apply_between("\"a\"", 3, 0, 0);
    g_assert_cmpstr(plain, ==, "\u201ca\u201d");
    g_free(plain);
}

static void test_nfc(void)
{
    char *got = imprint_typography_apply("Cafe\xcc\x81", 6);
    g_assert_cmpstr(got, ==, "Caf\u00e9");
    g_free(got);
}

static size_t url(const char *s)
{
    return imprint_typography_url_len(s, strlen(s));
}

static void test_url(void)
{
    g_assert_cmpuint(url("http://example.org/a."), ==, strlen("http://example.org/a"));
    g_assert_cmpuint(url("https://example.org/x,"), ==, strlen("https://example.org/x"));
    g_assert_cmpuint(url("www.example.org)."), ==, strlen("www.example.org"));
    g_assert_cmpuint(url("https://en.wikipedia.org/wiki/A_(b))"), ==,
                     strlen("https://en.wikipedia.org/wiki/A_(b)"));
    g_assert_cmpuint(url("http://x.org/p?q=1&r=2#f rest"), ==, strlen("http://x.org/p?q=1&r=2#f"));
    g_assert_cmpuint(url("http://x.org/\u201d"), ==, strlen("http://x.org/"));
    g_assert_cmpuint(url("www."), ==, 0);
    g_assert_cmpuint(url("http://"), ==, 0);
    g_assert_cmpuint(url("wwwx.org"), ==, 0);
    g_assert_cmpuint(url("ftp://x.org"), ==, 0);
}

static void test_superscript(void)
{
    size_t n = 0;
    g_assert_cmpint(imprint_typography_superscript_digit("\u00b9", 2, &n), ==, 1);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpint(imprint_typography_superscript_digit("\u00b2", 2, &n), ==, 2);
    g_assert_cmpint(imprint_typography_superscript_digit("\u00b3", 2, &n), ==, 3);
    g_assert_cmpint(imprint_typography_superscript_digit("\u2070", 3, &n), ==, 0);
    g_assert_cmpuint(n, ==, 3);
    g_assert_cmpint(imprint_typography_superscript_digit("\u2079", 3, &n), ==, 9);
    g_assert_cmpint(imprint_typography_superscript_digit("9", 1, &n), ==, -1);
    g_assert_cmpint(imprint_typography_superscript_digit("", 0, &n), ==, -1);
    /* a truncated sequence is no digit */
    g_assert_cmpint(imprint_typography_superscript_digit("\u2079", 2, &n), ==, -1);
}

/* The readers' one number parser: all digits, within the bound, or nothing. */
static void check_squeeze(const char *in, const char *want, size_t want_runs)
{
    char *t = g_strdup(in);
    size_t runs = 99;
    size_t len = imprint_typography_squeeze_spaces(t, strlen(t), &runs);
    g_assert_cmpstr(t, ==, want);
    g_assert_cmpuint(len, ==, strlen(want));
    g_assert_cmpuint(runs, ==, want_runs);
    g_free(t);
}

/* The double space of typewriters and of old HTML (". &nbsp;") is one
 * space; a no-break space alone (a name, a unit, French spacing) stays. */
static void test_squeeze(void)
{
    check_squeeze("One.  Two.", "One. Two.", 1);
    check_squeeze("One. \u00a0Two.\u00a0 Three.", "One. Two. Three.", 2);
    check_squeeze("Mr.\u00a0Smith, 10\u00a0km, mot\u00a0;",
                  "Mr.\u00a0Smith, 10\u00a0km, mot\u00a0;", 0);
    check_squeeze("spacer\u00a0\u00a0kept", "spacer\u00a0\u00a0kept", 0);
    check_squeeze("a\tb   c", "a b c", 2);
    check_squeeze(" lead and trail  ", " lead and trail ", 1);
    check_squeeze("", "", 0);
    /* other characters led by the no-break space's first byte (0xC2) */
    check_squeeze("\u00a9  1939 \u00b0\u00a0 x\u00ab", "\u00a9 1939 \u00b0 x\u00ab", 2);
    check_squeeze("a long run of words with single spaces only, copied in runs",
                  "a long run of words with single spaces only, copied in runs", 0);
    check_squeeze("tab\t", "tab ", 1);
}

static void test_text_number(void)
{
    int v = -7;
    g_assert_true(imprint_text_number("12", 100, &v));
    g_assert_cmpint(v, ==, 12);
    g_assert_true(imprint_text_number("0", 100, &v));
    g_assert_cmpint(v, ==, 0);
    v = -7;
    const char *bad[] = {"", "12a", "-1", " 1", "101", "99999999999999999999", "+3"};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++)
        g_assert_false(imprint_text_number(bad[i], 100, &v));
    g_assert_false(imprint_text_number(NULL, 100, &v));
    g_assert_cmpint(v, ==, -7);
    g_assert_true(imprint_text_number("2147483647", G_MAXINT, &v));
    g_assert_false(imprint_text_number("2147483648", G_MAXINT, &v));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/typography/text-number", test_text_number);
    g_test_add_func("/typography/squeeze-spaces", test_squeeze);
    g_test_add_func("/read_text/typography/apply", test_apply);
    g_test_add_func("/read_text/typography/between", test_between);
    g_test_add_func("/read_text/typography/nfc", test_nfc);
    g_test_add_func("/read_text/typography/url", test_url);
    g_test_add_func("/read_text/typography/superscript", test_superscript);
    return g_test_run();
}
