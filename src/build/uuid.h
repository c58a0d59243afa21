#ifndef IMPRINT_UUID_H
#define IMPRINT_UUID_H

/** Length of a UUID in its textual form, without the NUL. */
#define IMPRINT_UUID_STRLEN 36

/** The RFC 4122 namespace for URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8). */
extern const unsigned char imprint_uuid_ns_url[16];

/** The RFC 4122 namespace for DNS names (6ba7b810-9dad-11d1-80b4-00c04fd430c8). */
extern const unsigned char imprint_uuid_ns_dns[16];

/** Writes the name-based (SHA-1, version 5) UUID of `name` in namespace `ns`
 * to `out` as 36 lower-case characters and a NUL. `out` is the caller's. */
void imprint_uuid_v5(const unsigned char ns[16], const char *name,
                     char out[IMPRINT_UUID_STRLEN + 1]);

#endif
