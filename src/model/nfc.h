#ifndef IMPRINT_MODEL_NFC_H
#define IMPRINT_MODEL_NFC_H

/*
 * The one Unicode normalisation of the project. Text in the model is NFC
 * (DESIGN.md); every reader, the edition and the tree check normalise
 * through here rather than calling g_utf8_normalize() themselves, so that
 * no input can make normalising slow, and most text costs a copy: text made
 * only of characters that NFC leaves alone whatever surrounds them (ASCII,
 * most precomposed letters, punctuation) is copied; only the stretches
 * around the others (combining marks, singletons, Hangul jamo...) go through
 * g_utf8_normalize(). The result is g_utf8_normalize(s, len,
 * G_NORMALIZE_NFC) of the text made stream-safe (below).
 */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/** Most non-starters (combining marks, counted in canonical decomposition)
 * kept in a row: before the next one a COMBINING GRAPHEME JOINER (U+034F)
 * is put, as Unicode's Stream-Safe Text Format (UAX #15, section 13) does.
 * No writing system needs more than a handful; GLib sorts each run of marks
 * by insertion, in time that grows with the square of its length (100,000
 * marks take seconds), and the joiner, which is invisible and itself a
 * starter, ends the run without losing a mark. */
#define IMPRINT_NFC_MAX_NONSTARTERS 30

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

/** The quick check: whether every character of the `len` bytes of valid
 * UTF-8 `s` is stable under NFC (imprint_nfc_stable), so that NFC leaves
 * the text as it is. False does not mean the text is not NFC. */
bool imprint_nfc_quick(const char *s, size_t len);

/** Whether the `len` bytes at `s` are valid UTF-8 without a NUL: exactly
 * g_utf8_validate_len(), with `*bad` (when not NULL) set the same way on
 * failure, but runs of ASCII are checked eight bytes at a time and only the
 * runs of other bytes go to GLib. Every source is checked once as a whole
 * and again line by line; GLib's validator takes about 18 instructions a
 * byte even on ASCII. */
bool imprint_utf8_validate(const char *s, size_t len, const char **bad);

/** `len` bytes of UTF-8 `s` (-1: up to its NUL) in NFC; idempotent. A new
 * string the caller g_free()s; NULL when `s` is not valid UTF-8. */
char *imprint_nfc(const char *s, gssize len);

/** As imprint_nfc() in any of GLib's modes (G_NORMALIZE_ALL_COMPOSE, NFKC,
 * compares titles); the runs of marks are bounded the same way. */
char *imprint_normalize(const char *s, gssize len, GNormalizeMode mode);

/** The number of bytes at the start of the NFC text `s` (`len` bytes) that
 * no text appended after it can change when the whole is normalised again:
 * everything before its last starter. A tail of at most
 * IMPRINT_NFC_MAX_NONSTARTERS + 1 code points is left. */
size_t imprint_nfc_stable_prefix(const char *s, size_t len);

#endif
