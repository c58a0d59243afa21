/* A scraped page's navigation: `Home > Blog > Post`, `[Top of the page](#top)`,
 * `Back to top`. Only a whole paragraph of one line is taken, and only in
 * these shapes: a line of prose with a `>` in it stays prose. */
#include "read/markdown/md_nav.h"

#include <glib.h>
#include <stdbool.h>
#include <string.h>

/* Longest paragraph looked at, in bytes: navigation is one short line. */
#define MAX_NAV_BYTES 200
/* Most words in one step of a breadcrumb trail ("Home", "Economics and
 * Society"); more make a clause of a sentence. */
#define MAX_CRUMB_WORDS 6

typedef struct {
    GString *text;
    unsigned links;
    unsigned breaks;
    bool other; /* an image or a block: not navigation */
} nav_text;

static void gather(cmark_node *para, nav_text *t)
{
    cmark_iter *it = cmark_iter_new(para);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && t->text->len <= MAX_NAV_BYTES) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || n == para)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            g_string_append(t->text, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            t->breaks++;
            g_string_append_c(t->text, ' ');
            break;
        case CMARK_NODE_LINK:
            t->links++;
            break;
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
            break;
        default:
            t->other = true;
            break;
        }
    }
    cmark_iter_free(it);
}

static bool in_list(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && g_ascii_strncasecmp(s, *list, n) == 0)
            return true;
    return false;
}

/* "Back to top", "↑ Top of the page", "[Top]". */
static bool top_line(const char *s)
{
    static const char *const phrases[] = {
        "top",        "to top",        "back to top",         "back to the top",
        "go to top",  "return to top", "top of page",         "top of the page",
        "to the top", "scroll to top", "back to top of page", NULL};
    /* arrows, brackets and punctuation around the words */
    static const char *const trim = " \t\u2191\u21e7\u25b2\u2b06^[]()<>.!\u00ab\u00bb|-";
    const char *a = s, *b = s + strlen(s);
    while (a < b) {
        const char *next = g_utf8_next_char(a);
        char c[8] = {0};
        memcpy(c, a, (size_t)(next - a));
        if (!strstr(trim, c))
            break;
        a = next;
    }
    while (b > a) {
        const char *prev = g_utf8_prev_char(b);
        char c[8] = {0};
        memcpy(c, prev, (size_t)(b - prev));
        if (!strstr(trim, c))
            break;
        b = prev;
    }
    return b > a && in_list(a, (size_t)(b - a), phrases);
}

/* A step of a breadcrumb: a few words, no sentence punctuation. */
static bool crumb(const char *s)
{
    char *t = g_strstrip(g_strdup(s));
    bool ok = *t && !strpbrk(t, ".,;:!?");
    unsigned words = 0;
    char **w = g_strsplit_set(t, " ", -1);
    for (char **p = w; *p; p++)
        words += **p != '\0';
    g_strfreev(w);
    g_free(t);
    return ok && words <= MAX_CRUMB_WORDS;
}

static bool breadcrumb(const char *s, unsigned links)
{
    static const char *const seps[] = {" > ", " \u203a ", " \u00bb ", NULL};
    static const char *const homes[] = {"home",      "homepage", "home page", "start",
                                        "main page", "index",    NULL};
    for (const char *const *sep = seps; *sep; sep++) {
        char **parts = g_strsplit(s, *sep, -1);
        guint n = g_strv_length(parts);
        bool ok = n >= 3;
        for (guint i = 0; ok && i < n; i++)
            ok = crumb(parts[i]);
        if (ok) {
            char *first = g_strstrip(g_strdup(parts[0]));
            ok = in_list(first, strlen(first), homes) || links + 1 >= n;
            g_free(first);
        }
        g_strfreev(parts);
        if (ok)
            return true;
    }
    return false;
}

const char *imprint_md_navigation(cmark_node *block)
{
    if (cmark_node_get_type(block) != CMARK_NODE_PARAGRAPH)
        return NULL;
    nav_text t = {g_string_new(NULL), 0, 0, false};
    gather(block, &t);
    const char *what = NULL;
    if (!t.other && !t.breaks && t.text->len <= MAX_NAV_BYTES) {
        if (top_line(t.text->str))
            what = t.links ? "a link to the top of the page" : "a line pointing to the top";
        else if (breadcrumb(t.text->str, t.links))
            what = "a breadcrumb trail";
    }
    g_string_free(t.text, TRUE);
    return what;
}
