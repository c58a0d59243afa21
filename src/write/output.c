#define _POSIX_C_SOURCE 200809L /* fsync, O_CLOEXEC */

#include "imprint/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/*
 * Atomic output: write a hidden temporary file in the target's folder (so the
 * rename stays on one file system), then rename it over the target. Written
 * by hand rather than with g_file_set_contents() so that the message names
 * the reason (errno) without the random temporary name.
 */

static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

bool imprint_output_write(const char *path, const char *data, size_t len, imprint_diags *diags)
{
    bool ok = false;
    int saved = 0;
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *tmpname = g_strdup_printf(".%s.XXXXXX", base);
    char *tmp = g_build_filename(dir, tmpname, NULL);

    /* 0666 before the umask, like any file the user creates. */
    int fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
        saved = errno;
        goto cleanup;
    }
    if (!write_all(fd, data, len) || fsync(fd) != 0) {
        saved = errno;
        close(fd);
        g_unlink(tmp);
        goto cleanup;
    }
    if (close(fd) != 0 || g_rename(tmp, path) != 0) {
        saved = errno;
        g_unlink(tmp);
        goto cleanup;
    }
    ok = true;

cleanup:
    if (!ok)
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "cannot write: %s", g_strerror(saved));
    g_free(tmp);
    g_free(tmpname);
    g_free(base);
    g_free(dir);
    return ok;
}
