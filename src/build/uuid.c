/* Name-based UUIDs (RFC 4122, section 4.3): GLib only makes random ones. */
#include "build/uuid.h"

#include <glib.h>
#include <string.h>

const unsigned char imprint_uuid_ns_url[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                               0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

const unsigned char imprint_uuid_ns_dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                               0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

void imprint_uuid_v5(const unsigned char ns[16], const char *name,
                     char out[IMPRINT_UUID_STRLEN + 1])
{
    guint8 digest[20];
    gsize digest_len = sizeof digest;
    GChecksum *sha1 = g_checksum_new(G_CHECKSUM_SHA1);
    g_checksum_update(sha1, ns, 16);
    g_checksum_update(sha1, (const guchar *)name, (gssize)strlen(name));
    g_checksum_get_digest(sha1, digest, &digest_len);
    g_checksum_free(sha1);

    digest[6] = (guint8)((digest[6] & 0x0F) | 0x50); /* version 5 */
    digest[8] = (guint8)((digest[8] & 0x3F) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    char *o = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *o++ = '-';
        *o++ = hex[digest[i] >> 4];
        *o++ = hex[digest[i] & 0x0F];
    }
    *o = '\0';
}
