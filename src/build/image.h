#ifndef IMPRINT_BUILD_IMAGE_H
#define IMPRINT_BUILD_IMAGE_H

/* Images the build reads for the writers: figures and the cover. */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/** Kind of an image by its first bytes: "image/png", "image/jpeg" or NULL. */
const char *build_image_type(const guint8 *data, size_t len);

/** Why an image could not be taken. */
typedef enum {
    BUILD_IMAGE_OK,
    BUILD_IMAGE_MISSING,   /* no such regular file */
    BUILD_IMAGE_UNREADABLE, /* `*error` says why */
    BUILD_IMAGE_TOO_LARGE, /* over IMPRINT_BUILD_MAX_IMAGE_BYTES */
    BUILD_IMAGE_NOT_IMAGE, /* neither PNG nor JPEG */
} build_image_status;

/** Reads the image at `path` into `*data` (g_free it) and `*len`, with its
 * media type in `*type`. On failure nothing is allocated but `*error` (a
 * message, g_free it) for BUILD_IMAGE_UNREADABLE. */
build_image_status build_image_read(const char *path, guint8 **data, size_t *len,
                                    const char **type, char **error);

#endif
