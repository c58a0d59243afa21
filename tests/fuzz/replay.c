/* The ctest replay of a fuzz target (as libgit2 does): built with the
 * normal compiler and without libFuzzer, it runs LLVMFuzzerTestOneInput()
 * once for every file named, and every file in every folder named
 * (sorted, dot files left out), and fails when one input does. */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    char *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, &len, &err)) {
        fprintf(stderr, "replay: %s: %s\n", path, err->message);
        g_error_free(err);
        return 1;
    }
    /* an exact copy, so that a read past the input's end is an error under ASan */
    uint8_t *exact = g_memdup2(data, len);
    g_free(data);
    LLVMFuzzerTestOneInput(exact, len);
    g_free(exact);
    return 0;
}

static gint compare(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, unsigned *count)
{
    GError *err = NULL;
    GDir *d = g_dir_open(dir, 0, &err);
    if (!d) {
        fprintf(stderr, "replay: %s: %s\n", dir, err->message);
        g_error_free(err);
        return 1;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(d));)
        if (name[0] != '.')
            g_ptr_array_add(names, g_build_filename(dir, name, NULL));
    g_dir_close(d);
    g_ptr_array_sort(names, compare);
    int failed = 0;
    for (guint i = 0; i < names->len; i++, (*count)++)
        failed |= run_file(g_ptr_array_index(names, i));
    g_ptr_array_unref(names);
    return failed;
}

int main(int argc, char **argv)
{
    int failed = 0;
    unsigned count = 0;
    for (int i = 1; i < argc; i++) {
        if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            failed |= run_dir(argv[i], &count);
        } else {
            failed |= run_file(argv[i]);
            count++;
        }
    }
    printf("replay: %u inputs%s\n", count, failed ? ", some unreadable" : "");
    return failed;
}
