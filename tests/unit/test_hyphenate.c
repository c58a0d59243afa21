#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "model/hyphen_builtin.h"
#include "model/hyphenate.h"

static char *hyphenate(const imprint_hyphenator *h, const char *text)
{
    GString *out = g_string_new(NULL);
    imprint_hyphenate_append(h, out, text, strlen(text));
    return g_string_free(out, FALSE);
}

/* Shows soft hyphens as '-' so expectations read plainly. */
static char *visible(const char *s)
{
    GString *out = g_string_new(NULL);
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == 0xAD)
            g_string_append_c(out, '-');
        else
            g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

static void test_english(void)
{
    imprint_hyphenator *h = imprint_hyphenator_new("en", NULL);
    g_assert_nonnull(h);
    g_assert_true(g_str_has_prefix(imprint_hyphenator_path(h), IMPRINT_HYPHEN_DICT_DIR));
    char *out = hyphenate(h, "The revolutionary proletariat, internationally.");
    char *v = visible(out);
    /* Break points from the en_US patterns; short words are untouched. */
    g_assert_cmpstr(v, ==, "The rev-o-lu-tion-ary pro-le-tariat, in-ter-na-tion-ally.");
    g_free(v);
    g_free(out);

    /* Capitals are hyphenated like lower case, and kept. */
    out = hyphenate(h, "Revolutionary");
    v = visible(out);
    g_assert_cmpstr(v, ==, "Rev-o-lu-tion-ary");
    g_free(v);
    g_free(out);

    /* Letters outside ASCII: breaks fall between characters, never inside one. */
    out = hyphenate(h, "Cl\u00e9menceau");
    g_assert_true(g_utf8_validate(out, -1, NULL));
    v = visible(out);
    g_assert_cmpstr(v, ==, "Cl\u00e9-menceau");
    g_free(v);
    g_free(out);
    imprint_hyphenator_free(h);
}

static void test_region_and_fallback(void)
{
    imprint_hyphenator *h = imprint_hyphenator_new("en-US", NULL);
    g_assert_nonnull(h);
    g_assert_true(g_str_has_suffix(imprint_hyphenator_path(h), "hyph_en_US.dic"));
    imprint_hyphenator_free(h);
    /* en-GB has no file of its own here: the plain language is used. */
    h = imprint_hyphenator_new("en-GB", NULL);
    g_assert_nonnull(h);
    imprint_hyphenator_free(h);
    g_assert_null(imprint_hyphenator_new("xx", NULL));
    g_assert_null(imprint_hyphenator_new("", NULL));
    g_assert_null(imprint_hyphenator_new("../etc", NULL));
    imprint_hyphenator_free(NULL);
}

static void test_limits(void)
{
    imprint_hyphenator *h = imprint_hyphenator_new("en", NULL);
    /* Shorter than IMPRINT_HYPHEN_MIN_WORD: unchanged. */
    char *out = hyphenate(h, "over");
    g_assert_cmpstr(out, ==, "over");
    g_free(out);
    /* Longer than IMPRINT_HYPHEN_MAX_WORD bytes: unchanged. */
    GString *longword = g_string_new(NULL);
    while (longword->len <= IMPRINT_HYPHEN_MAX_WORD)
        g_string_append(longword, "revolution");
    out = hyphenate(h, longword->str);
    g_assert_cmpstr(out, ==, longword->str);
    g_free(out);
    g_string_free(longword, TRUE);
    /* Words with digits or soft hyphens already in them: unchanged. */
    out = hyphenate(h, "revolution1917 inter\xC2\xADnational");
    g_assert_cmpstr(out, ==, "revolution1917 inter\xC2\xADnational");
    g_free(out);
    /* Non-letters and other scripts pass through intact. */
    out = hyphenate(h, "— «Революция» 1917 ¹²");
    g_assert_cmpstr(out, ==, "— «Революция» 1917 ¹²");
    g_free(out);
    /* Without patterns, text is copied. */
    out = hyphenate(NULL, "revolutionary");
    g_assert_cmpstr(out, ==, "revolutionary");
    g_free(out);
    imprint_hyphenator_free(h);
}

/* The patterns are read only when a word is long enough to break: short
 * words, digits and nothing at all leave them unloaded; the first long word
 * loads them. */
static void test_loaded_on_first_use(void)
{
    imprint_hyphenator *h = imprint_hyphenator_new("en", NULL);
    g_assert_nonnull(h);
    g_assert_false(imprint_hyphenator_loaded(h));
    char *out = hyphenate(h, "a cat, 1234567, the dog");
    g_assert_cmpstr(out, ==, "a cat, 1234567, the dog");
    g_assert_false(imprint_hyphenator_loaded(h));
    g_free(out);
    out = hyphenate(h, "revolutionary");
    g_assert_true(imprint_hyphenator_loaded(h));
    g_assert_nonnull(strstr(out, "\xC2\xAD"));
    g_free(out);
    imprint_hyphenator_free(h);
}

/* `dir`/hyph_en.dic: the installed English patterns' bytes, with `tail`
 * appended and its last byte changed to `last` (0: kept). */
static void write_variant(const char *dir, const char *from, const char *tail, char last)
{
    gchar *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(from, &data, &len, NULL));
    GString *s = g_string_new_len(data, (gssize)len);
    if (last)
        s->str[s->len - 1] = last;
    g_string_append(s, tail);
    char *path = g_build_filename(dir, "hyph_en.dic", NULL);
    g_assert_true(g_file_set_contents(path, s->str, (gssize)s->len, NULL));
    g_free(path);
    g_string_free(s, TRUE);
    g_free(data);
}

/* The patterns compiled in at build time (model/hyphen_builtin.h) break
 * every word of the bundled corpus where libhyphen reading the same file
 * does; a file that differs from the one compiled (a comment line added,
 * or one byte changed at the same size) is read by libhyphen instead. */
static void test_builtin_same_as_libhyphen(void)
{
    if (imprint_hyph_builtin_count == 0) {
        g_test_skip("no dictionary was compiled in (hyphen-en-us missing at build time)");
        return;
    }
    imprint_hyphenator *built = imprint_hyphenator_new("en", NULL);
    g_assert_nonnull(built);
    g_assert_true(imprint_hyphenator_builtin(built));

    char *dir = g_dir_make_tmp("hyphen-XXXXXX", NULL);
    g_assert_nonnull(dir);
    write_variant(dir, imprint_hyphenator_path(built), "% the same patterns\n", 0);
    imprint_hyphenator *read = imprint_hyphenator_new("en", dir);
    g_assert_nonnull(read);
    g_assert_false(imprint_hyphenator_builtin(read));

    const char *names[] = {"000_c8437d6b3ad2a941.txt", "001_d1cafe7658540bb9.txt",
                           "003_0bac6d7f76fcfd08.txt", "004_558719087223f094.txt"};
    size_t breaks = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *path = g_build_filename(SOURCE_DIR, "editions", "sources", names[i], NULL);
        gchar *text = NULL;
        gsize len = 0;
        g_assert_true(g_file_get_contents(path, &text, &len, NULL));
        char *a = hyphenate(built, text), *b = hyphenate(read, text);
        size_t at = 0;
        while (a[at] && a[at] == b[at])
            at++;
        if (a[at] || b[at]) /* the place, not the whole text */
            g_error(
                "%s: compiled and read patterns differ at byte %zu: \"%.40s\" against \"%.40s\"",
                names[i], at, a + (at > 20 ? at - 20 : 0), b + (at > 20 ? at - 20 : 0));
        for (const char *p = a; (p = strstr(p, "\xC2\xAD")); p += 2)
            breaks++;
        g_free(a);
        g_free(b);
        g_free(text);
        g_free(path);
    }
    g_assert_cmpuint(breaks, >, 10000);
    imprint_hyphenator_free(read);

    /* Same size, one byte other: not the compiled file. */
    write_variant(dir, imprint_hyphenator_path(built), "", ' ');
    read = imprint_hyphenator_new("en", dir);
    g_assert_nonnull(read);
    g_assert_false(imprint_hyphenator_builtin(read));
    imprint_hyphenator_free(read);
    imprint_hyphenator_free(built);

    char *path = g_build_filename(dir, "hyph_en.dic", NULL);
    g_unlink(path);
    g_free(path);
    g_rmdir(dir);
    g_free(dir);
}

/* The hyphenation of `text` with `lang`'s patterns, soft hyphens shown as '-'. */
static char *hyphenated_in(const char *lang, const char *text)
{
    imprint_hyphenator *h = imprint_hyphenator_new(lang, NULL);
    g_assert_nonnull(h); /* hyphen-fr, hyphen-de: scripts/packages.d/pdf.txt */
    char *out = hyphenate(h, text);
    char *v = visible(out);
    g_free(out);
    imprint_hyphenator_free(h);
    return v;
}

/* Each language breaks by its own patterns: the same word splits at other
 * places in French and English ("ré-vo-lu-tion" against "rev-o-lu-tion"). */
static void test_french(void)
{
    char *v = hyphenated_in("fr", "r\u00e9volutionnaire internationale");
    g_assert_cmpstr(v, ==, "r\u00e9-vo-lu-tion-naire in-ter-na-tio-nale");
    g_free(v);
    v = hyphenated_in("en", "r\u00e9volutionnaire");
    g_assert_cmpstr(v, !=, "r\u00e9-vo-lu-tion-naire");
    g_free(v);
    /* dé-termination: the French point the PDF test finds at a line end. */
    v = hyphenated_in("fr", "d\u00e9termination");
    g_assert_cmpstr(v, ==, "d\u00e9-ter-mi-na-tion");
    g_free(v);
    v = hyphenated_in("en", "d\u00e9termination");
    g_assert_cmpstr(v, ==, "d\u00e9ter-mi-na-tion");
    g_free(v);
}

/* The German patterns are ISO 8859-1: words are converted to the
 * dictionary's set, break points still fall between characters, and a word
 * with a letter outside the set is left whole. */
static void test_german(void)
{
    /* One load: libhyphen takes seconds over the 77,902 German patterns. */
    imprint_hyphenator *h = imprint_hyphenator_new("de", NULL);
    g_assert_nonnull(h);
    char *out = hyphenate(h, "Arbeiterbewegung Gewerkschaften \u00dcberzeugung");
    char *v = visible(out);
    g_assert_cmpstr(v, ==, "Ar-bei-ter-be-we-gung Ge-werk-schaf-ten \u00dcber-zeu-gung");
    g_free(v);
    g_free(out);
    out = hyphenate(h, "Arbeiter\u0142bewegung");
    g_assert_cmpstr(out, ==, "Arbeiter\u0142bewegung");
    g_free(out);
    imprint_hyphenator_free(h);
    /* The English patterns break the same word elsewhere. */
    v = hyphenated_in("en", "Arbeiterbewegung");
    g_assert_cmpstr(v, ==, "Ar-beit-er-be-we-gung");
    g_free(v);
    /* A region without a file of its own falls back to the language's. */
    h = imprint_hyphenator_new("de-LU", NULL);
    g_assert_nonnull(h);
    g_assert_true(g_str_has_suffix(imprint_hyphenator_path(h), "hyph_de_LU.dic"));
    imprint_hyphenator_free(h);
    h = imprint_hyphenator_new("de-IT", NULL);
    g_assert_nonnull(h);
    g_assert_true(g_str_has_suffix(imprint_hyphenator_path(h), "hyph_de.dic"));
    imprint_hyphenator_free(h);
}

/* A language given without a region takes its home country's file when
 * there is no plain one (hyph_es_ES.dic, not the first of es_AR...). */
static void test_home_region(void)
{
    imprint_hyphenator *h = imprint_hyphenator_new("es", NULL);
    g_assert_nonnull(h);
    g_assert_true(g_str_has_suffix(imprint_hyphenator_path(h), "hyph_es_ES.dic"));
    imprint_hyphenator_free(h);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hyphenate/english", test_english);
    g_test_add_func("/hyphenate/loaded-on-first-use", test_loaded_on_first_use);
    g_test_add_func("/hyphenate/builtin-same-as-libhyphen", test_builtin_same_as_libhyphen);
    g_test_add_func("/hyphenate/region-and-fallback", test_region_and_fallback);
    g_test_add_func("/hyphenate/limits", test_limits);
    g_test_add_func("/hyphenate/french", test_french);
    g_test_add_func("/hyphenate/german", test_german);
    g_test_add_func("/hyphenate/home-region", test_home_region);
    return g_test_run();
}
