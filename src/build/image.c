#include "build/image.h"

#include <string.h>

#include "imprint/build.h"
#include "read/file.h"

const char *build_image_type(const guint8 *data, size_t len)
{
    static const guint8 png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (len >= sizeof png && memcmp(data, png, sizeof png) == 0)
        return "image/png";
    if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
        return "image/jpeg";
    return NULL;
}

build_image_status build_image_read(const char *path, guint8 **data, size_t *len, const char **type,
                                    char **error)
{
    *data = NULL;
    *len = 0;
    *type = NULL;
    *error = NULL;
    char *bytes = NULL, *why = NULL;
    size_t n = 0;
    switch (imprint_file_read(path, IMPRINT_BUILD_MAX_IMAGE_BYTES, &bytes, &n, &why)) {
    case IMPRINT_FILE_OK:
        break;
    case IMPRINT_FILE_MISSING:
        g_free(why);
        return BUILD_IMAGE_MISSING;
    case IMPRINT_FILE_TOO_LARGE:
        return BUILD_IMAGE_TOO_LARGE;
    default:
        *error = why;
        return BUILD_IMAGE_UNREADABLE;
    }
    *type = build_image_type((const guint8 *)bytes, n);
    if (!*type) {
        g_free(bytes);
        return BUILD_IMAGE_NOT_IMAGE;
    }
    *data = (guint8 *)bytes;
    *len = n;
    return BUILD_IMAGE_OK;
}
