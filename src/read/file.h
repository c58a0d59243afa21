#ifndef IMPRINT_READ_FILE_H
#define IMPRINT_READ_FILE_H

/*
 * The one way imprint reads an input file (a source, an edition, a style, an
 * image): only a regular file, and never more than a limit. A named pipe
 * would block the build forever, a device (/dev/zero) would grow it without
 * bound, and a size found with stat() can change before the read.
 */

#include <stdbool.h>
#include <stddef.h>

/** Why a file was not read. */
typedef enum {
    IMPRINT_FILE_OK,
    IMPRINT_FILE_MISSING,   /* no such file (or a path through a non-folder) */
    IMPRINT_FILE_NOT_FILE,  /* a folder, named pipe, device or socket */
    IMPRINT_FILE_TOO_LARGE, /* more than the limit */
    IMPRINT_FILE_ERROR,     /* any other failure (permission, symlink loop, I/O) */
} imprint_file_status;

/** Reads the regular file at `path` if it holds at most `max` bytes: opens
 * it without blocking, checks the open file is a regular one, and reads at
 * most `max` + 1 bytes. On IMPRINT_FILE_OK `*data` (NUL-terminated, g_free
 * it) and `*len` are set; otherwise `*data` is NULL, and `*len` is the
 * file's size (at least `max` + 1) for IMPRINT_FILE_TOO_LARGE, or `*why`
 * (g_free it) says why, as a phrase for "cannot read: ...", for the rest. */
imprint_file_status imprint_file_read(const char *path, size_t max, char **data, size_t *len,
                                      char **why);

/** Whether the file at `path` lies inside the folder `root` (at any depth),
 * once both are resolved to their real paths (symbolic links and "..";
 * a link that leads out of `root` is outside). False when either does not
 * exist. */
bool imprint_file_inside(const char *path, const char *root);

#endif
