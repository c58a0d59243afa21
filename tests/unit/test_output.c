/* Atomic output files (imprint_output_write). */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imprint/writer.h"

static char *tmpdir(void)
{
    char *dir = g_dir_make_tmp("imprint-output-XXXXXX", NULL);
    g_assert_nonnull(dir);
    return dir;
}

static guint count_entries(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    guint n = 0;
    while (g_dir_read_name(d))
        n++;
    g_dir_close(d);
    return n;
}

static void test_writes_and_replaces(void)
{
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "book.xml", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_true(imprint_output_write(path, "first", 5, diags));
    g_assert_true(imprint_output_write(path, "second\n", 7, diags));
    char *data;
    gsize len;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_assert_cmpstr(data, ==, "second\n");
    g_assert_cmpuint(len, ==, 7);
    /* nothing but the file: no temporary left behind */
    g_assert_cmpuint(count_entries(dir), ==, 1);
    g_assert_cmpuint(imprint_diags_len(diags), ==, 0);
    /* readable by others as any file the user makes (umask aside) */
    GStatBuf st;
    g_assert_cmpint(g_stat(path, &st), ==, 0);
    mode_t mask = umask(0);
    umask(mask);
    g_assert_cmpuint(st.st_mode & 0777, ==, 0666 & ~mask);
    g_unlink(path);
    g_rmdir(dir);
    g_free(data);
    g_free(path);
    g_free(dir);
    imprint_diags_free(diags);
}

static void test_missing_dir(void)
{
    char *dir = tmpdir();
    char *path = g_build_filename(dir, "no", "such", "book.xml", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_false(imprint_output_write(path, "x", 1, diags));
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 1);
    char *msg = imprint_diag_format(imprint_diags_get(diags, 0));
    char *want = g_strdup_printf("%s: error: cannot write: No such file or directory", path);
    g_assert_cmpstr(msg, ==, want);
    g_free(want);
    g_free(msg);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    imprint_diags_free(diags);
}

/* An unwritable folder: false, a message, no file; an existing file there
 * stays as it was. Root may write anywhere, so the writes run in a
 * subprocess that drops to an unprivileged user first. */
static void unwritable_child(void)
{
    const char *dir = g_getenv("IMPRINT_TEST_DIR");
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
        g_error("cannot drop privileges");
    char *old = g_build_filename(dir, "old.xml", NULL);
    char *fresh = g_build_filename(dir, "new.xml", NULL);
    imprint_diags *diags = imprint_diags_new();
    g_assert_false(imprint_output_write(fresh, "x", 1, diags));
    g_assert_false(imprint_output_write(old, "new contents", 12, diags));
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 2);
    g_assert_nonnull(strstr(imprint_diags_get(diags, 0)->message, "Permission denied"));
    imprint_diags_print(diags, stdout, false);
    g_free(old);
    g_free(fresh);
    imprint_diags_free(diags);
}

static void test_unwritable_dir(void)
{
    if (g_test_subprocess()) {
        unwritable_child();
        return;
    }
    char *dir = tmpdir();
    char *old = g_build_filename(dir, "old.xml", NULL);
    char *fresh = g_build_filename(dir, "new.xml", NULL);
    g_assert_true(g_file_set_contents(old, "old contents", -1, NULL));
    g_assert_cmpint(g_chmod(old, 0644), ==, 0);
    g_assert_cmpint(g_chmod(dir, 0555), ==, 0);
    g_setenv("IMPRINT_TEST_DIR", dir, TRUE);
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("*new.xml: error: cannot write: Permission denied*");
    g_assert_false(g_file_test(fresh, G_FILE_TEST_EXISTS));
    char *data;
    g_assert_true(g_file_get_contents(old, &data, NULL, NULL));
    g_assert_cmpstr(data, ==, "old contents");
    g_assert_cmpuint(count_entries(dir), ==, 1);
    g_chmod(dir, 0755);
    g_unlink(old);
    g_rmdir(dir);
    g_free(data);
    g_free(old);
    g_free(fresh);
    g_free(dir);
}

/* Writing over a folder fails at the rename: the folder stays and the
 * temporary file is removed. */
static void test_target_is_dir(void)
{
    char *dir = tmpdir();
    char *target = g_build_filename(dir, "book.xml", NULL);
    char *inside = g_build_filename(target, "keep", NULL);
    g_assert_cmpint(g_mkdir(target, 0755), ==, 0);
    g_assert_true(g_file_set_contents(inside, "k", -1, NULL));
    imprint_diags *diags = imprint_diags_new();
    g_assert_false(imprint_output_write(target, "x", 1, diags));
    g_assert_true(g_file_test(target, G_FILE_TEST_IS_DIR));
    g_assert_true(g_file_test(inside, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpuint(count_entries(dir), ==, 1);
    g_assert_cmpuint(imprint_diags_count(diags, IMPRINT_SEV_ERROR), ==, 1);
    g_unlink(inside);
    g_rmdir(target);
    g_rmdir(dir);
    g_free(inside);
    g_free(target);
    g_free(dir);
    imprint_diags_free(diags);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/output/writes-and-replaces", test_writes_and_replaces);
    g_test_add_func("/output/missing-dir", test_missing_dir);
    g_test_add_func("/output/unwritable-dir", test_unwritable_dir);
    g_test_add_func("/output/target-is-dir", test_target_is_dir);
    return g_test_run();
}
