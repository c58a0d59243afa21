#include "write/links.h"

#include <glib.h>
#include <string.h>

/* Schemes an output may link to, and the one scheme-less form. */
static const char *const allowed_prefixes[] = {"http://", "https://", "ftp://", "mailto:", "www."};

static bool has_prefix_nocase(const char *s, const char *prefix)
{
    return g_ascii_strncasecmp(s, prefix, strlen(prefix)) == 0;
}

bool write_link_allowed(const char *url)
{
    if (!url)
        return false;
    for (size_t i = 0; i < G_N_ELEMENTS(allowed_prefixes); i++)
        if (has_prefix_nocase(url, allowed_prefixes[i]) && url[strlen(allowed_prefixes[i])])
            return true;
    return false;
}

char *write_link_target(const char *url)
{
    if (!write_link_allowed(url))
        return NULL;
    char *full = has_prefix_nocase(url, "www.") ? g_strconcat("http://", url, NULL) : g_strdup(url);
    /* Spaces and non-ASCII are percent-encoded; reserved characters stay. */
    char *escaped = g_uri_escape_string(full, "!#$%&'()*+,/:;=?@[]~", FALSE);
    g_free(full);
    if (!g_uri_is_valid(escaped, G_URI_FLAGS_PARSE_RELAXED, NULL)) {
        g_free(escaped);
        return NULL;
    }
    return escaped;
}
