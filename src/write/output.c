#define _DEFAULT_SOURCE /* fsync, O_CLOEXEC, flock */

#include "imprint/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Atomic output: write a hidden temporary file in the target's folder (so the
 * rename stays on one file system), flush it to disk, then rename it over the
 * target. Written by hand rather than with g_file_set_contents() so that the
 * message names the reason (errno) without the random temporary name, and so
 * that a writer can stream into it (the PDF surface).
 *
 * The temporary file is locked (flock) while it is written. A build killed
 * before its rename leaves the file but not the lock, which the kernel drops
 * with the process: imprint_output_clean() removes such files and never one
 * that a running build still holds.
 */

/* Tries to make a temporary file this many times when a cleaner removed
 * the one just made before it could be locked. */
#define OPEN_TRIES 3

/* Length of the random part of a temporary file's name (".NAME.EXT.XXXXXX"). */
#define TMP_SUFFIX_LEN 6

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

/* Makes and locks the temporary file out->tmp (a template); -1 with errno
 * set on failure. */
static int open_locked(imprint_output *out, const char *template)
{
    for (int attempt = 0; attempt < OPEN_TRIES; attempt++) {
        g_free(out->tmp);
        out->tmp = g_strdup(template);
        /* 0666 before the umask, like any file the user creates. */
        int fd = g_mkstemp_full(out->tmp, O_WRONLY | O_CLOEXEC, 0666);
        if (fd < 0)
            return -1;
        struct stat st;
        if (flock(fd, LOCK_EX) == 0 && fstat(fd, &st) == 0 && st.st_nlink > 0)
            return fd;
        /* removed by a cleaner between its making and its locking: again */
        int err = errno;
        close(fd);
        errno = err;
    }
    return -1;
}

imprint_output *imprint_output_open(const char *path, imprint_diags *diags)
{
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *tmpname = g_strdup_printf(".%s.XXXXXX", base);
    char *template = g_build_filename(dir, tmpname, NULL);
    imprint_output *out = g_new0(imprint_output, 1);
    out->path = g_strdup(path);
    out->fd = open_locked(out, template);
    g_free(template);
    g_free(tmpname);
    g_free(base);
    g_free(dir);
    if (out->fd < 0) {
        report(path, errno ? errno : EEXIST, diags);
        g_free(out->tmp);
        g_free(out->path);
        g_free(out);
        return NULL;
    }
    return out;
}

/* Whether `name` is a temporary file of the output named `base`. */
static bool is_temporary_of(const char *name, const char *base)
{
    size_t n = strlen(base);
    return name[0] == '.' && strncmp(name + 1, base, n) == 0 && name[1 + n] == '.' &&
           strlen(name + 2 + n) == TMP_SUFFIX_LEN;
}

/* Removes `tmp` if no process holds its lock. */
static bool remove_if_unlocked(const char *tmp)
{
    int fd = open(tmp, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool stale = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0;
    /* unlinked while the lock is held, so no writer can take the file now */
    bool removed = stale && g_unlink(tmp) == 0;
    close(fd);
    return removed;
}

size_t imprint_output_clean(const char *path, imprint_diags *diags)
{
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    size_t removed = 0;
    GDir *d = g_dir_open(dir, 0, NULL);
    for (const char *name; d && (name = g_dir_read_name(d));) {
        if (!is_temporary_of(name, base))
            continue;
        char *tmp = g_build_filename(dir, name, NULL);
        if (remove_if_unlocked(tmp)) {
            removed++;
            imprint_diags_report(diags, IMPRINT_SEV_NOTE, (imprint_pos){tmp, 0, 0},
                                 "removed the temporary file of an interrupted build");
        }
        g_free(tmp);
    }
    if (d)
        g_dir_close(d);
    g_free(base);
    g_free(dir);
    return removed;
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
