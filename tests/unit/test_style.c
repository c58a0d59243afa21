/* Styles: the bundled one loads with its values; unknown keys, wrong types,
 * bad YAML and missing fonts are errors with line and column. */
#define _XOPEN_SOURCE 700 /* symlink, mkfifo */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imprint/style.h"

#define STYLE_FIXTURES FIXTURES_DIR "/style"

static void test_classic(void)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_style *st = imprint_style_load(SOURCE_DIR, "classic", diags);
    imprint_diags_print(diags, stderr, false);
    g_assert_nonnull(st);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    g_assert_cmpstr(st->name, ==, "classic");
    g_assert_cmpstr(st->font_family, ==, "Linux Libertine O");
    g_assert_cmpstr(st->font_regular, ==, "LinLibertine_R.otf");
    g_assert_cmpstr(st->font_italic, ==, "LinLibertine_RI.otf");
    g_assert_cmpstr(st->font_bold, ==, "LinLibertine_RB.otf");
    g_assert_cmpstr(st->font_bold_italic, ==, "LinLibertine_RBI.otf");
    g_assert_cmpstr(st->font_license, ==, "LICENSE-LinLibertine.txt");
    g_assert_cmpstr(st->font_mono, ==, "LinLibertine_M.otf");
    g_assert_cmpstr(st->font_mono_family, ==, "Linux Libertine Mono O");
    g_assert_cmpfloat(st->body_size, ==, 10.5);
    g_assert_cmpfloat(st->line_height, ==, 1.35);
    g_assert_cmpfloat(st->heading_size[0], ==, 14);
    g_assert_cmpfloat(st->heading_size[5], ==, 10.5);
    g_assert_cmpfloat(st->margin_inner_mm, ==, 18);
    g_assert_true(st->two_sided);
    g_assert_cmpstr(st->cover_background, ==, "#1f2a44");
    g_assert_true(g_str_has_suffix(st->yaml_path, "styles/classic.yaml"));
    g_assert_nonnull(st->css_path);
    g_assert_true(g_str_has_suffix(st->css_path, "styles/classic.css"));
    char *font = imprint_style_font_path(SOURCE_DIR, st->font_regular);
    g_assert_true(g_file_test(font, G_FILE_TEST_IS_REGULAR));
    g_free(font);
    imprint_style_free(st);
    imprint_style_free(NULL);
    imprint_diags_free(diags);
}

/* Loading `name` from the fixtures fails with an error containing `message`
 * at `line`:`col` (0 = anywhere). */
static void expect_error(const char *name, const char *message, unsigned line, unsigned col)
{
    imprint_diags *diags = imprint_diags_new();
    imprint_style *st = imprint_style_load(STYLE_FIXTURES, name, diags);
    g_assert_null(st);
    bool found = false;
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        const imprint_diag *d = imprint_diags_get(diags, i);
        if (d->severity == IMPRINT_SEV_ERROR && strstr(d->message, message) &&
            (line == 0 || (d->line == line && d->col == col)))
            found = true;
    }
    if (!found) {
        imprint_diags_print(diags, stderr, false);
        g_error("%s: no error \"%s\" at %u:%u", name, message, line, col);
    }
    imprint_diags_free(diags);
}

static void test_unknown_key(void)
{
    expect_error("unknown_key", "unknown style key 'regualr'", 3, 3);
    expect_error("unknown_section", "unknown style section 'colours'", 3, 1);
}

static void test_wrong_type(void)
{
    expect_error("wrong_type", "'size' must be a positive number, not 'large'", 2, 9);
    expect_error("wrong_type", "'line-height' must be a number", 3, 16);
    expect_error("wrong_type", "'two-sided' must be true or false", 5, 14);
    expect_error("bad_colour", "'background' must be a colour written #rrggbb", 2, 15);
    expect_error("sizes_count", "must be a list of 6 sizes", 2, 10);
}

static void test_bad_yaml(void)
{
    expect_error("bad_yaml", "invalid YAML", 3, 0 + 2);
}

/* STYLE_MAX_BYTES: a style file over 64 KiB is refused before it is parsed. */
static void test_size_limit(void)
{
    char *dir = g_dir_make_tmp("imprint-style-XXXXXX", NULL);
    char *styles = g_build_filename(dir, "styles", NULL);
    g_mkdir(styles, 0755);
    char *path = g_build_filename(styles, "huge.yaml", NULL);
    GString *text = g_string_new("text:\n  size: 10\n");
    while (text->len <= 64 * 1024)
        g_string_append(text, "# a comment line that makes the file long\n");
    g_assert_true(g_file_set_contents(path, text->str, (gssize)text->len, NULL));
    imprint_diags *diags = imprint_diags_new();
    g_assert_null(imprint_style_load(dir, "huge", diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "style file too large"),
                     ==, 1);
    imprint_diags_free(diags);
    g_unlink(path);
    g_rmdir(styles);
    g_rmdir(dir);
    g_string_free(text, TRUE);
    g_free(path);
    g_free(styles);
    g_free(dir);
}

/* STYLE_MAX_LENGTH: 1000 is accepted, 1001 is not. */
static void test_length_limit(void)
{
    expect_error("too_long", "'margin-top' must be a positive number, not '1001'", 2, 15);
    /* `longest` is sound but for its fonts, absent from the fixtures. */
    imprint_diags *diags = imprint_diags_new();
    g_assert_null(imprint_style_load(STYLE_FIXTURES, "longest", diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "margin-top"), ==, 0);
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "font file not found"),
                     ==, 5);
    imprint_diags_free(diags);
}

static void test_fonts(void)
{
    expect_error("missing_font", "font file not found", 3, 12);
    expect_error("missing_font", "LinLibertine_RBI.otf", 6, 16);
    expect_error("missing_font", "LinLibertine_R.otf", 0, 0);
    expect_error("no_fonts", "names no font family", 0, 0);
    /* the mono face is optional, but named it needs its family and its file */
    expect_error("mono_no_family", "names a 'mono' font but not its family", 8, 9);
    expect_error("mono_missing", "font file not found", 8, 9);
    expect_error("no_fonts", "names no 'regular' font file", 0, 0);
    expect_error("path_font", "must be a plain file name inside fonts/", 3, 12);
    expect_error("no_such_style", "cannot open style 'no_such_style'", 0, 0);
    expect_error("../styles/classic", "invalid style name", 0, 0);
}

static void test_data_dir(void)
{
    char *old = g_strdup(g_getenv("IMPRINT_DATA_DIR"));
    g_setenv("IMPRINT_DATA_DIR", "/some/where", TRUE);
    g_assert_cmpstr(imprint_data_dir(), ==, "/some/where");
    g_unsetenv("IMPRINT_DATA_DIR");
    g_assert_cmpstr(imprint_data_dir(), ==, IMPRINT_DEFAULT_DATA_DIR);
    if (old)
        g_setenv("IMPRINT_DATA_DIR", old, TRUE);
    g_free(old);
}

/* STYLE_MAX_CSS_BYTES, a named pipe for a style, and the buffer entry point:
 * a data folder of the classic style's text and the project's fonts. */
static void test_special_files(void)
{
    char *dir = g_dir_make_tmp("imprint-style-XXXXXX", NULL);
    char *styles = g_build_filename(dir, "styles", NULL);
    char *fonts = g_build_filename(dir, "fonts", NULL);
    g_mkdir(styles, 0755);
    g_assert_cmpint(symlink(SOURCE_DIR "/fonts", fonts), ==, 0);
    char *classic = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(SOURCE_DIR "/styles/classic.yaml", &classic, &len, NULL));
    char *yaml = g_build_filename(styles, "big.yaml", NULL);
    char *css = g_build_filename(styles, "big.css", NULL);
    char *pipe = g_build_filename(styles, "pipe.yaml", NULL);
    g_assert_true(g_file_set_contents(yaml, classic, (gssize)len, NULL));
    GString *rules = g_string_new(NULL);
    while (rules->len <= 256 * 1024)
        g_string_append(rules, "p { margin: 0; }\n");
    g_assert_true(g_file_set_contents(css, rules->str, (gssize)rules->len, NULL));
    g_assert_cmpint(mkfifo(pipe, 0644), ==, 0);

    imprint_diags *diags = imprint_diags_new();
    g_assert_null(imprint_style_load(dir, "big", diags));
    g_assert_cmpuint(
        imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "the style's CSS is too large"), ==,
        1);
    g_assert_null(imprint_style_load(dir, "pipe", diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR,
                                                  "is a named pipe (FIFO), not a file"),
                     ==, 1);
    /* the same text from memory is the same style as from its file */
    g_unlink(css);
    imprint_style *a = imprint_style_load(dir, "big", diags);
    imprint_style *b = imprint_style_parse(dir, "big", yaml, classic, len, diags);
    g_assert_nonnull(a);
    g_assert_nonnull(b);
    g_assert_cmpstr(a->font_regular, ==, b->font_regular);
    g_assert_cmpfloat(a->body_size, ==, b->body_size);
    imprint_style_free(a);
    imprint_style_free(b);
    imprint_diags_free(diags);

    g_unlink(pipe);
    g_unlink(yaml);
    g_unlink(fonts);
    g_rmdir(styles);
    g_rmdir(dir);
    g_string_free(rules, TRUE);
    g_free(classic);
    g_free(pipe);
    g_free(css);
    g_free(yaml);
    g_free(fonts);
    g_free(styles);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/style/classic", test_classic);
    g_test_add_func("/style/unknown-key", test_unknown_key);
    g_test_add_func("/style/wrong-type", test_wrong_type);
    g_test_add_func("/style/bad-yaml", test_bad_yaml);
    g_test_add_func("/style/size-limit", test_size_limit);
    g_test_add_func("/style/length-limit", test_length_limit);
    g_test_add_func("/style/fonts", test_fonts);
    g_test_add_func("/style/data-dir", test_data_dir);
    g_test_add_func("/style/special-files", test_special_files);
    return g_test_run();
}
