#define _XOPEN_SOURCE 700 /* O_CLOEXEC, O_NOCTTY, realpath */

#include "read/file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes read at a time when the size is not known beforehand. */
#define READ_CHUNK (64u * 1024u)

static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a folder, not a file";
    if (S_ISFIFO(mode))
        return "is a named pipe (FIFO), not a file";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device, not a file";
    if (S_ISSOCK(mode))
        return "is a socket, not a file";
    return "is not a regular file";
}

static imprint_file_status fail_errno(int err, char **why)
{
    *why = g_strdup(g_strerror(err));
    return err == ENOENT || err == ENOTDIR ? IMPRINT_FILE_MISSING : IMPRINT_FILE_ERROR;
}

/* Reads at most `max` + 1 bytes of `fd` into `buf`; false (errno set) on a
 * read error. */
static bool read_bounded(int fd, size_t max, GByteArray *buf)
{
    for (;;) {
        size_t want = MIN((size_t)READ_CHUNK, max + 1 - buf->len);
        if (want == 0)
            return true;
        guint old = buf->len;
        g_byte_array_set_size(buf, old + (guint)want);
        ssize_t n = read(fd, buf->data + old, want);
        g_byte_array_set_size(buf, old + (guint)(n > 0 ? n : 0));
        if (n == 0)
            return true;
        if (n < 0 && errno != EINTR)
            return false;
    }
}

imprint_file_status imprint_file_read(const char *path, size_t max, char **data, size_t *len,
                                      char **why)
{
    *data = NULL;
    *len = 0;
    *why = NULL;
    if (max >= G_MAXUINT)
        max = G_MAXUINT - 1; /* a GByteArray's length is a guint */
    /* O_NONBLOCK: opening a pipe without a writer must not wait for one. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail_errno(errno, why);
    imprint_file_status status = IMPRINT_FILE_OK;
    GByteArray *buf = NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        status = fail_errno(errno, why);
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = g_strdup(kind_of(st.st_mode));
        status = IMPRINT_FILE_NOT_FILE;
        goto cleanup;
    }
    if ((guint64)st.st_size > max) {
        *len = (size_t)st.st_size;
        status = IMPRINT_FILE_TOO_LARGE;
        goto cleanup;
    }
    buf = g_byte_array_sized_new((guint)st.st_size + 1);
    if (!read_bounded(fd, max, buf)) {
        status = fail_errno(errno, why);
        goto cleanup;
    }
    if (buf->len > max) { /* grew since the fstat */
        *len = buf->len;
        status = IMPRINT_FILE_TOO_LARGE;
        goto cleanup;
    }
    *len = buf->len;
    g_byte_array_append(buf, (const guint8 *)"", 1);
    *data = (char *)g_byte_array_free(buf, FALSE);
    buf = NULL;

cleanup:
    if (buf)
        g_byte_array_free(buf, TRUE);
    close(fd);
    return status;
}

bool imprint_file_inside(const char *path, const char *root)
{
    char *real = realpath(path, NULL);
    char *real_root = realpath(root, NULL);
    bool inside = false;
    if (real && real_root) {
        size_t n = strlen(real_root);
        /* "/" is every path's root; any other root must be followed by a '/' */
        inside = strncmp(real, real_root, n) == 0 &&
                 (real[n] == '/' || (n > 0 && real_root[n - 1] == '/'));
    }
    free(real);
    free(real_root);
    return inside;
}
