#include "write/pdf/pdf_internal.h"

#include <string.h>

#include "write/date.h"

/* Cairo's attribute strings quote with single quotes and escape with a backslash. */
static char *quote_attr(const char *s)
{
    GString *out = g_string_new(NULL);
    for (const char *p = s; *p; p++) {
        if (*p == '\'' || *p == '\\')
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p);
    }
    return g_string_free(out, FALSE);
}

char *pdf_target_uri(const char *url)
{
    char *q = quote_attr(url);
    char *t = g_strdup_printf("uri='%s'", q);
    g_free(q);
    return t;
}

char *pdf_target_dest(const char *name)
{
    char *q = quote_attr(name);
    char *t = g_strdup_printf("dest='%s'", q);
    g_free(q);
    return t;
}

/* Numbers in attribute strings must not depend on the locale's decimal mark. */
static void append_num(GString *s, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(s, g_ascii_formatd(buf, sizeof buf, "%.2f", v));
}

static const cairo_user_data_key_t untagged_key;

void pdf_untag(cairo_t *cr)
{
    cairo_set_user_data(cr, &untagged_key, (void *)&untagged_key, NULL);
}

bool pdf_tagged(cairo_t *cr)
{
    return cairo_get_user_data(cr, &untagged_key) == NULL;
}

void pdf_tag_dest(cairo_t *cr, const char *name, double x, double y)
{
    if (!pdf_tagged(cr))
        return;
    /* Cairo 1.16 takes these positions as they are, not through the
     * transformation (a page moved inside its bleed, marks.c). */
    cairo_user_to_device(cr, &x, &y);
    char *q = quote_attr(name);
    GString *a = g_string_new(NULL);
    g_string_append_printf(a, "name='%s' x=", q);
    append_num(a, x);
    g_string_append(a, " y=");
    append_num(a, y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, a->str);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    g_string_free(a, TRUE);
    g_free(q);
}

char *pdf_link_attrs(cairo_t *cr, const char *target, const double *boxes, int n)
{
    GString *a = g_string_new(target);
    g_string_append(a, " rect=[");
    for (int i = 0; i < n; i++) {
        /* as for a destination: device space (a page moved in its bleed) */
        double x = boxes[4 * i], y = boxes[4 * i + 1];
        double x1 = x + boxes[4 * i + 2], y1 = y + boxes[4 * i + 3];
        cairo_user_to_device(cr, &x, &y);
        cairo_user_to_device(cr, &x1, &y1);
        double box[4] = {x, y, x1 - x, y1 - y};
        for (int k = 0; k < 4; k++) {
            if (i > 0 || k > 0)
                g_string_append_c(a, ' ');
            append_num(a, box[k]);
        }
    }
    g_string_append_c(a, ']');
    return g_string_free(a, FALSE);
}

/* The authors of all articles, in order, each once. */
static char *all_authors(const imprint_doc *doc)
{
    GPtrArray *names = g_ptr_array_new();
    for (const imprint_node *a = doc->root->first_child; a; a = a->next)
        for (const char **p = a->as.article.authors; p && *p; p++)
            if (!g_ptr_array_find_with_equal_func(names, *p, g_str_equal, NULL))
                g_ptr_array_add(names, (gpointer)*p);
    char *s = NULL;
    if (names->len) {
        g_ptr_array_add(names, NULL);
        s = g_strjoinv(", ", (char **)names->pdata);
    }
    g_ptr_array_unref(names);
    return s;
}

void pdf_set_metadata(pdf_ctx *ctx, cairo_surface_t *surface)
{
    const imprint_meta *m = &ctx->opts->meta;
    const char *title = m->title;
    if (title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
    char *authors = NULL;
    const char *author = m->editor;
    if (!author)
        author = authors = all_authors(ctx->doc);
    if (author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author);
    g_free(authors);
    const char *subject = m->subtitle ? m->subtitle : m->description;
    if (subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "imprint " IMPRINT_VERSION);
    /* Without an explicit date Cairo stamps the current time: set both
     * dates so that two builds are byte-identical. */
    char iso[WRITE_DATE_SIZE];
    if (write_date(ctx->opts->epoch, true, iso)) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }
}

void pdf_add_outline(cairo_surface_t *surface, GPtrArray *marks)
{
    /* parents[l] is the last entry of level l; a heading hangs under the
     * nearest shallower entry. */
    int parents[8];
    for (int l = 0; l < 8; l++)
        parents[l] = CAIRO_PDF_OUTLINE_ROOT;
    for (guint i = 0; i < marks->len; i++) {
        const pdf_mark *m = g_ptr_array_index(marks, i);
        int level = m->level < 1 ? 1 : m->level > 7 ? 7 : m->level;
        int parent = CAIRO_PDF_OUTLINE_ROOT;
        for (int l = level - 1; l >= 1; l--)
            if (parents[l] != CAIRO_PDF_OUTLINE_ROOT) {
                parent = parents[l];
                break;
            }
        char *link = pdf_target_dest(m->dest);
        int id = cairo_pdf_surface_add_outline(surface, parent, m->title ? m->title : "", link, 0);
        g_free(link);
        parents[level] = id;
        for (int l = level + 1; l < 8; l++)
            parents[l] = CAIRO_PDF_OUTLINE_ROOT;
    }
}
