/* Shared by the fuzz targets (tests/fuzz/fuzz_*.c): the libFuzzer entry
 * point, the invariants every target checks (abort() when one fails, which
 * libFuzzer reports as a crash and ctest's replay as a failure), and a
 * scratch folder for the targets that need files. */
#ifndef IMPRINT_FUZZ_H
#define IMPRINT_FUZZ_H

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "imprint/diag.h"
#include "imprint/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reports a broken invariant and aborts. */
static inline void fuzz_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: invariant broken: %s\n%s\n", what, detail ? detail : "");
    abort();
}

/* Once a process: GLib criticals (a g_return_if_fail() that failed) are
 * programming errors, so they abort as a broken invariant does. */
static inline void fuzz_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

/* The document must pass the model's own check. */
static inline void fuzz_check_doc(const imprint_doc *doc)
{
    GString *problems = g_string_new(NULL);
    if (!imprint_doc_check(doc, problems))
        fuzz_fail("imprint_doc_check", problems->str);
    g_string_free(problems, TRUE);
}

/* A failure always says why, and success comes without errors; every
 * message can be formatted. */
static inline void fuzz_check_result(bool ok, const imprint_diags *diags)
{
    size_t errors = imprint_diags_count(diags, IMPRINT_SEV_ERROR);
    if (!ok && errors == 0)
        fuzz_fail("failed without an error message", NULL);
    if (ok && errors > 0)
        fuzz_fail("succeeded with an error message", NULL);
    for (size_t i = 0; i < imprint_diags_len(diags); i++)
        g_free(imprint_diag_format(imprint_diags_get(diags, i)));
}

static char *fuzz_dir;

static inline void fuzz_remove_dir(void)
{
    GDir *d = g_dir_open(fuzz_dir, 0, NULL);
    for (const char *name; d && (name = g_dir_read_name(d));) {
        char *p = g_build_filename(fuzz_dir, name, NULL);
        g_unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(fuzz_dir);
    g_free(fuzz_dir);
}

/* A scratch folder for this process, removed when it exits. */
static inline const char *fuzz_scratch(void)
{
    if (!fuzz_dir) {
        fuzz_dir = g_dir_make_tmp("imprint-fuzz-XXXXXX", NULL);
        if (!fuzz_dir)
            fuzz_fail("cannot make a scratch folder", NULL);
        atexit(fuzz_remove_dir);
    }
    return fuzz_dir;
}

/* Writes `len` bytes to `name` in the scratch folder; returns its path
 * (g_free it). */
static inline char *fuzz_write_file(const char *name, const void *data, size_t len)
{
    char *path = g_build_filename(fuzz_scratch(), name, NULL);
    if (!g_file_set_contents(path, data, (gssize)len, NULL))
        fuzz_fail("cannot write a scratch file", path);
    return path;
}

#endif
