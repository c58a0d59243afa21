#ifndef IMPRINT_WRITE_LINKS_H
#define IMPRINT_WRITE_LINKS_H

/*
 * The one link policy of every writer (EPUB, PDF, TEI). A link in a source
 * is text from elsewhere: only web and mail addresses become links in an
 * output. `javascript:` and `data:` (and every other scheme, relative paths
 * and fragments, which would point into the book or at the reader's disk)
 * keep their text, unlinked.
 */

#include <stdbool.h>

/** Whether an output may link to `url`: it starts (case aside) with
 * http://, https://, ftp:// or mailto:, or is a bare www. address. */
bool write_link_allowed(const char *url);

/** The absolute URL an output links to for `url`, or NULL when it may not
 * (write_link_allowed()) or the result is not a valid URI: a www. address
 * gets http://, spaces and non-ASCII are percent-encoded, escapes already
 * there are kept (so applying it twice changes nothing). g_free() it. */
char *write_link_target(const char *url);

#endif
