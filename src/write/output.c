#define _POSIX_C_SOURCE 200809L /* fsync, O_CLOEXEC */

#include "imprint/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/*
 * Atomic output: write a hidden temporary file in the target's folder (so the
 * rename stays on one file system), flush it to disk, then rename it over the
 * target. Written by hand rather than with g_file_set_contents() so that the
 * message names the reason (errno) without the random temporary name, and so
 * that a writer can stream into it (the PDF surface).
 */

struct imprint_output {
    char *path;
    char *tmp;
    int fd;
    int error; /* errno of the first failed append, 0 while all is well */
};

static void report(const char *path, int err, imprint_diags *diags)
{
    imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0}, "cannot write: %s",
                         g_strerror(err));
}

imprint_output *imprint_output_open(const char *path, imprint_diags *diags)
{
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *tmpname = g_strdup_printf(".%s.XXXXXX", base);
    imprint_output *out = g_new0(imprint_output, 1);
    out->path = g_strdup(path);
    out->tmp = g_build_filename(dir, tmpname, NULL);
    g_free(tmpname);
    g_free(base);
    g_free(dir);
    /* 0666 before the umask, like any file the user creates. */
    out->fd = g_mkstemp_full(out->tmp, O_WRONLY | O_CLOEXEC, 0666);
    if (out->fd < 0) {
        report(path, errno, diags);
        g_free(out->tmp);
        g_free(out->path);
        g_free(out);
        return NULL;
    }
    return out;
}

bool imprint_output_append(imprint_output *out, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0 && !out->error) {
        ssize_t n = write(out->fd, p, len);
        if (n < 0) {
            if (errno != EINTR)
                out->error = errno;
            continue;
        }
        p += n;
        len -= (size_t)n;
    }
    return !out->error;
}

bool imprint_output_commit(imprint_output *out, bool keep, imprint_diags *diags)
{
    if (!out)
        return false;
    bool ok = false;
    int err = out->error;
    if (keep && !err && fsync(out->fd) != 0)
        err = errno;
    if (close(out->fd) != 0 && !err)
        err = errno;
    if (keep && !err && g_rename(out->tmp, out->path) != 0)
        err = errno;
    if (keep && !err)
        ok = true;
    else
        g_unlink(out->tmp);
    if (keep && err)
        report(out->path, err, diags);
    g_free(out->tmp);
    g_free(out->path);
    g_free(out);
    return ok;
}

bool imprint_output_write(const char *path, const char *data, size_t len, imprint_diags *diags)
{
    imprint_output *out = imprint_output_open(path, diags);
    if (!out)
        return false;
    imprint_output_append(out, data, len);
    return imprint_output_commit(out, true, diags);
}
