#ifndef IMPRINT_WRITE_CHARS_H
#define IMPRINT_WRITE_CHARS_H

/*
 * The one policy of every writer for characters the model holds but an
 * output cannot: XML 1.0 forbids the C0 controls other than tab and line
 * ends, and U+FFFE and U+FFFF; a PDF would show them as boxes. The readers
 * keep such characters (and warn once a file); the writers show them.
 */

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/** Whether no output can hold `c` as it is. */
bool write_char_is_unsafe(gunichar c);

/** What stands for `c`: a C0 control becomes its Control Picture (U+2400 +
 * c, visible and searchable), U+FFFE and U+FFFF become U+FFFD; any other
 * character is itself. */
gunichar write_char_safe(gunichar c);

/** `len` bytes of UTF-8 `s` with write_char_safe() applied to every
 * character, as a new string (g_free it); NULL when none needs it, so that
 * the common case copies nothing. */
char *write_text_safe(const char *s, size_t len);

/** Appends to `out` the XML entity for `c` when it is one of & < > " (the
 * escapes every XML writer here uses); false, and nothing appended, for any
 * other character. */
bool write_xml_entity(GString *out, gunichar c);

#endif
