#ifndef IMPRINT_TYPOGRAPHY_H
#define IMPRINT_TYPOGRAPHY_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * Typography shared by the plain-text and Markdown readers and the tests
 * that check it: only the changes an editor would make without asking
 * (curly quotes, the acute accent typed for an apostrophe, NFC). Nothing
 * else in the author's words is touched.
 */

/** Returns `len` bytes of valid UTF-8 `s` with straight quotes made curly by
 * context (' " → ‘ ’ “ ”), U+00B4 ´ used as an apostrophe or single quote made
 * ’ or ‘, and the result in NFC. Code points map one to one, so columns stay
 * valid. The caller g_free()s the result. */
char *imprint_typography_apply(const char *s, size_t len);

/** imprint_typography_apply() for text that sits between `before` and
 * `after` (the characters around it in its block, 0 at the block's start or
 * end): a Markdown text run between emphasis, code or a link reads its
 * quotes by what comes before and after the run. The caller g_free()s the
 * result. */
char *imprint_typography_apply_between(const char *s, size_t len, gunichar before, gunichar after);

/** Squeezes the spaces of `len` bytes of UTF-8 `s` in place: a run of
 * spaces and tabs is one space, and a no-break space beside a space (". \u00A0"
 * or ".\u00A0 ", the double space of typewriters and old HTML) joins it, so
 * the run is one plain space. A no-break space alone stays. Returns the new
 * length (the text is NUL-terminated there if it was at `len`), and stores
 * in `*runs` (when not NULL) how many runs were squeezed. */
size_t imprint_typography_squeeze_spaces(char *s, size_t len, size_t *runs);

/** Length in bytes of a bare URL (http://, https://, www.) starting at `s`
 * (at most `len` bytes), without trailing punctuation that belongs to the
 * sentence ("." "," ")" when unbalanced…); 0 if `s` does not start a URL. */
size_t imprint_typography_url_len(const char *s, size_t len);

/** Value of the Unicode superscript digit (⁰ ¹ ² … ⁹) at `s`, storing its
 * byte length in `*bytes`; -1 if `s` is not one. */
int imprint_typography_superscript_digit(const char *s, size_t len, size_t *bytes);

/** The number written by all of `s` in ASCII digits ("12"), when it is at
 * most `max`: stored in `*out` and true. Anything else ("12a", "-1", "",
 * NULL, a number past `max`) gives false and leaves `*out` alone. The one
 * number parser of the readers (g_ascii_string_to_unsigned, never atoi). */
bool imprint_text_number(const char *s, unsigned max, int *out);

#endif
