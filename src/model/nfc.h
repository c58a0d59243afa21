#ifndef IMPRINT_NFC_H
#define IMPRINT_NFC_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

/*
 * NFC with a quick check: text made only of characters that NFC leaves alone
 * whatever surrounds them (ASCII, most precomposed letters, punctuation) is
 * copied; only the stretches around the others (combining marks, singletons,
 * Hangul jamo...) go through g_utf8_normalize(). The result is the same as
 * g_utf8_normalize(s, len, G_NORMALIZE_NFC) on the whole text.
 */

/** Whether code point `c` is NFC-stable: combining class 0, unchanged by NFC
 * (not a singleton or composition exclusion) and never the second character
 * of a canonical composition, so NFC never changes it or looks past it. */
bool imprint_nfc_stable(gunichar c);

/** Appends `len` bytes of valid UTF-8 `s` to `out` in NFC. */
void imprint_nfc_append(GString *out, const char *s, size_t len);

/** `len` bytes of valid UTF-8 `s` in NFC, NUL-terminated, its length in
 * `*out_len` when that is not NULL. The caller g_free()s it. */
char *imprint_nfc_dup(const char *s, size_t len, size_t *out_len);

/** Whether `len` bytes of valid UTF-8 `s` are already in NFC. */
bool imprint_nfc_is(const char *s, size_t len);

#endif
