/* imprint build: formats, output folder, stale outputs, depfile, parallel
 * builds in a fixed message order, and the reproducible time stamp. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "imprint/build.h"

#define TWO_TXT FIXTURES_DIR "/edition/sources/two.txt"

static char *tmp;

static char *tmp_path(const char *name)
{
    return g_build_filename(tmp, name, NULL);
}

static char *write_edition(const char *name, const char *source)
{
    char *path = tmp_path(name);
    char *text = g_strdup_printf("title: Test %s\ndate: 2026-11-22\narticles:\n"
                                 "  - source: %s\n    dialect: text\n"
                                 "    split: [First Piece, Second Piece]\n",
                                 name, source);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    g_free(text);
    return path;
}

static void remove_tree(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        GDir *d = g_dir_open(path, 0, NULL);
        const char *name;
        while (d && (name = g_dir_read_name(d))) {
            char *child = g_build_filename(path, name, NULL);
            remove_tree(child);
            g_free(child);
        }
        if (d)
            g_dir_close(d);
        g_rmdir(path);
    } else {
        g_unlink(path);
    }
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a folder, sorted, joined with spaces. */
static char *listing(const char *dir)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)))
        g_ptr_array_add(names, g_strdup(name));
    if (d)
        g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(s, "%s%s", i ? " " : "", (char *)g_ptr_array_index(names, i));
    g_ptr_array_unref(names);
    return g_string_free(s, FALSE);
}

static const imprint_format *tei_only[] = {NULL, NULL};

static int64_t epoch_of(const imprint_edition *e, bool *ok)
{
    int64_t t = -1;
    imprint_diags *diags = imprint_diags_new();
    *ok = imprint_build_epoch(e, &t, diags);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, *ok ? 0 : 1);
    imprint_diags_free(diags);
    return t;
}

static void test_epoch(void)
{
    bool ok;
    imprint_edition e = {.date = "2026-11-22"};
    g_unsetenv("SOURCE_DATE_EPOCH");
    g_assert_cmpint(epoch_of(&e, &ok), ==, 1795305600); /* 2026-11-22T00:00:00Z */
    imprint_edition undated = {0};
    g_assert_cmpint(epoch_of(&undated, &ok), ==, 0);
    g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
    g_assert_cmpint(epoch_of(&e, &ok), ==, 1700000000);
    g_assert_cmpint(epoch_of(&undated, &ok), ==, 1700000000);
    /* The last second any output can state, and one past it. */
    g_setenv("SOURCE_DATE_EPOCH", "253402300799", TRUE);
    g_assert_cmpint(epoch_of(&e, &ok), ==, IMPRINT_MAX_EPOCH);
    g_assert_true(ok);
    g_setenv("SOURCE_DATE_EPOCH", "253402300800", TRUE);
    epoch_of(&e, &ok);
    g_assert_false(ok);
    g_setenv("SOURCE_DATE_EPOCH", "yesterday", TRUE);
    epoch_of(&e, &ok);
    g_assert_false(ok);
    g_unsetenv("SOURCE_DATE_EPOCH");
}

static void test_bad_epoch_refused(void)
{
    char *ed = write_edition("epoch.yaml", TWO_TXT);
    char *out = tmp_path("out-epoch");
    const char *paths[] = {ed};
    imprint_build_opts opts = {.outdir = out, .formats = tei_only};
    imprint_diags *diags = imprint_diags_new();
    g_setenv("SOURCE_DATE_EPOCH", "-5", TRUE);
    g_assert_false(imprint_build_run(paths, 1, &opts, diags));
    g_unsetenv("SOURCE_DATE_EPOCH");
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR,
                                                  "SOURCE_DATE_EPOCH='-5' is not a number"),
                     ==, 1);
    g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
    imprint_diags_free(diags);
    g_free(out);
    g_free(ed);
}

static void test_parse_formats(void)
{
    char *bad = NULL;
    const imprint_format **f = imprint_build_parse_formats("tei", &bad);
    g_assert_nonnull(f);
    g_assert_null(bad);
    g_assert_cmpstr(f[0]->name, ==, "tei");
    g_assert_null(f[1]);
    g_free(f);

    /* Table order, each once, spaces ignored. */
    f = imprint_build_parse_formats("pdf, tei,epub,tei", &bad);
    g_assert_nonnull(f);
    size_t n = 0;
    for (const imprint_format *t = imprint_formats; t->name; t++, n++)
        g_assert_true(f[n] == t);
    g_assert_null(f[n]);
    g_free(f);

    g_assert_null(imprint_build_parse_formats("tei,docx", &bad));
    g_assert_cmpstr(bad, ==, "docx");
    g_free(bad);
    g_assert_null(imprint_build_parse_formats("", &bad));
    g_assert_cmpstr(bad, ==, "");
    g_free(bad);
}

static void test_build_tei(void)
{
    char *ed = write_edition("alpha.yaml", TWO_TXT);
    char *out = tmp_path("deep/er/out"); /* made with its parents */
    const char *paths[] = {ed};
    imprint_build_opts opts = {.outdir = out, .formats = tei_only};
    imprint_diags *diags = imprint_diags_new();
    bool ok = imprint_build_run(paths, 1, &opts, diags);
    imprint_diags_print(diags, stderr, false);
    g_assert_true(ok);
    char *files = listing(out);
    g_assert_cmpstr(files, ==, "alpha.xml");
    g_free(files);
    char *xml_path = g_build_filename(out, "alpha.xml", NULL);
    char *xml;
    g_assert_true(g_file_get_contents(xml_path, &xml, NULL, NULL));
    g_assert_nonnull(strstr(xml, "Second Piece"));
    g_free(xml);
    g_free(xml_path);
    imprint_diags_free(diags);
    g_free(out);
    g_free(ed);
}

static void test_outdir_under_file(void)
{
    char *ed = write_edition("gamma.yaml", TWO_TXT);
    char *file = tmp_path("plain-file");
    g_assert_true(g_file_set_contents(file, "x", -1, NULL));
    char *out = g_build_filename(file, "sub", NULL);
    const char *paths[] = {ed};
    imprint_build_opts opts = {.outdir = out, .formats = tei_only};
    imprint_diags *diags = imprint_diags_new();
    g_assert_false(imprint_build_run(paths, 1, &opts, diags));
    char *want = g_strdup_printf("%s: error: cannot make the output folder: Not a directory", out);
    char *got = imprint_diag_format(imprint_diags_get(diags, 0));
    g_assert_cmpstr(got, ==, want);
    g_free(got);
    g_free(want);
    imprint_diags_free(diags);
    g_free(out);
    g_free(file);
    g_free(ed);
}

static void test_failed_build_removes_stale(void)
{
    char *ed = write_edition("delta.yaml", "/no/such/source.txt");
    char *out = tmp_path("out-stale");
    g_assert_cmpint(g_mkdir_with_parents(out, 0755), ==, 0);
    char *stale = g_build_filename(out, "delta.xml", NULL);
    g_assert_true(g_file_set_contents(stale, "<old/>", -1, NULL));
    const char *paths[] = {ed};
    imprint_build_opts opts = {.outdir = out, .formats = tei_only};
    imprint_diags *diags = imprint_diags_new();
    g_assert_false(imprint_build_run(paths, 1, &opts, diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR, "not found"), ==, 1);
    g_assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
    char *files = listing(out);
    g_assert_cmpstr(files, ==, "");
    g_free(files);
    imprint_diags_free(diags);
    g_free(stale);
    g_free(out);
    g_free(ed);
}

static void test_depfile(void)
{
    char *ed = write_edition("eps.yaml", TWO_TXT);
    char *out = tmp_path("out dep");
    char *dep = tmp_path("eps.d");
    const char *paths[] = {ed};
    imprint_build_opts opts = {.outdir = out, .formats = tei_only, .depfile = dep};
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(imprint_build_run(paths, 1, &opts, diags));
    char *text;
    g_assert_true(g_file_get_contents(dep, &text, NULL, NULL));
    /* The space in "out dep" is escaped for make. */
    char *want =
        g_strdup_printf("%s/out\\ dep/eps.xml: %s %s\n%s:\n%s:\n", tmp, ed, TWO_TXT, ed, TWO_TXT);
    g_assert_cmpstr(text, ==, want);
    g_free(want);
    g_free(text);
    imprint_diags_free(diags);
    g_free(dep);
    g_free(out);
    g_free(ed);
}

static char *run_formatted(const char *const *paths, size_t n, unsigned jobs, bool *ok)
{
    char *out = tmp_path("out-par");
    imprint_build_opts opts = {.outdir = out, .formats = tei_only, .jobs = jobs};
    imprint_diags *diags = imprint_diags_new();
    *ok = imprint_build_run(paths, n, &opts, diags);
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < imprint_diags_len(diags); i++) {
        char *line = imprint_diag_format(imprint_diags_get(diags, i));
        g_string_append_printf(s, "%s\n", line);
        g_free(line);
    }
    imprint_diags_free(diags);
    g_free(out);
    return g_string_free(s, FALSE);
}

static void test_parallel_order(void)
{
    char *paths[6];
    for (int i = 0; i < 6; i++) {
        char *name = g_strdup_printf("par%d.yaml", i);
        /* Every third edition fails, so errors and notes interleave. */
        paths[i] = write_edition(name, i % 3 == 1 ? "/no/such/source.txt" : TWO_TXT);
        g_free(name);
    }
    bool ok1, ok4;
    char *serial = run_formatted((const char *const *)paths, 6, 1, &ok1);
    char *parallel = run_formatted((const char *const *)paths, 6, 4, &ok4);
    g_assert_false(ok1);
    g_assert_false(ok4);
    g_assert_cmpstr(parallel, ==, serial);
    /* Edition order: the error of par1 comes before that of par4. */
    const char *e1 = strstr(serial, "par1.yaml:4:13: error");
    const char *e4 = strstr(serial, "par4.yaml:4:13: error");
    g_assert_nonnull(e1);
    g_assert_nonnull(e4);
    g_assert_true(e1 < e4);
    char *out = tmp_path("out-par");
    char *files = listing(out);
    g_assert_cmpstr(files, ==, "par0.xml par2.xml par3.xml par5.xml");
    g_free(files);
    g_free(out);
    g_free(serial);
    g_free(parallel);
    for (int i = 0; i < 6; i++)
        g_free(paths[i]);
}

static void test_same_name_refused(void)
{
    char *a = write_edition("same.yaml", TWO_TXT);
    char *sub = tmp_path("sub");
    g_mkdir_with_parents(sub, 0755);
    char *b = g_build_filename(sub, "same.yml", NULL);
    g_assert_true(g_file_set_contents(b, "title: x\narticles:\n  - source: y\n", -1, NULL));
    char *out = tmp_path("out-same");
    const char *paths[] = {a, b};
    imprint_build_opts opts = {.outdir = out, .formats = tei_only};
    imprint_diags *diags = imprint_diags_new();
    g_assert_false(imprint_build_run(paths, 2, &opts, diags));
    g_assert_cmpuint(imprint_diags_count_matching(diags, IMPRINT_SEV_ERROR,
                                                  "would write the same files (same.*)"),
                     ==, 1);
    g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
    imprint_diags_free(diags);
    g_free(out);
    g_free(b);
    g_free(sub);
    g_free(a);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    GError *error = NULL;
    tmp = g_dir_make_tmp("imprint-build-XXXXXX", &error);
    g_assert_no_error(error);
    tei_only[0] = imprint_format_find("tei");
    g_assert_nonnull(tei_only[0]);
    g_test_add_func("/build/epoch", test_epoch);
    g_test_add_func("/build/bad-epoch", test_bad_epoch_refused);
    g_test_add_func("/build/parse-formats", test_parse_formats);
    g_test_add_func("/build/tei", test_build_tei);
    g_test_add_func("/build/outdir-under-file", test_outdir_under_file);
    g_test_add_func("/build/stale-removed", test_failed_build_removes_stale);
    g_test_add_func("/build/depfile", test_depfile);
    g_test_add_func("/build/parallel-order", test_parallel_order);
    g_test_add_func("/build/same-name", test_same_name_refused);
    int status = g_test_run();
    remove_tree(tmp);
    g_free(tmp);
    return status;
}
