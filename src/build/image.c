#include "build/image.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "imprint/build.h"

const char *build_image_type(const guint8 *data, size_t len)
{
    static const guint8 png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (len >= sizeof png && memcmp(data, png, sizeof png) == 0)
        return "image/png";
    if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
        return "image/jpeg";
    return NULL;
}

build_image_status build_image_read(const char *path, guint8 **data, size_t *len,
                                    const char **type, char **error)
{
    *data = NULL;
    *len = 0;
    *type = NULL;
    *error = NULL;
    GStatBuf st;
    if (g_stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return BUILD_IMAGE_MISSING;
    if ((guint64)st.st_size > IMPRINT_BUILD_MAX_IMAGE_BYTES)
        return BUILD_IMAGE_TOO_LARGE;
    gchar *bytes = NULL;
    gsize n = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &bytes, &n, &err)) {
        *error = g_strdup(err->message);
        g_error_free(err);
        return BUILD_IMAGE_UNREADABLE;
    }
    if (n > IMPRINT_BUILD_MAX_IMAGE_BYTES) {
        g_free(bytes);
        return BUILD_IMAGE_TOO_LARGE; /* grew since the stat */
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
