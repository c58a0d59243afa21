#include "imprint/diag.h"

#include <glib.h>
#include <string.h>

struct imprint_diags {
    GMutex lock;
    GPtrArray *items; /* imprint_diag *, owned */
};

static void diag_free(gpointer p)
{
    imprint_diag *d = p;
    g_free(d->file);
    g_free(d->message);
    g_free(d);
}

imprint_diags *imprint_diags_new(void)
{
    imprint_diags *diags = g_new0(imprint_diags, 1);
    g_mutex_init(&diags->lock);
    diags->items = g_ptr_array_new_with_free_func(diag_free);
    return diags;
}

void imprint_diags_free(imprint_diags *diags)
{
    if (!diags)
        return;
    g_ptr_array_unref(diags->items);
    g_mutex_clear(&diags->lock);
    g_free(diags);
}

void imprint_diags_report(imprint_diags *diags, imprint_severity sev, imprint_pos pos,
                          const char *fmt, ...)
{
    imprint_diag *d = g_new0(imprint_diag, 1);
    d->severity = sev;
    d->file = g_strdup(pos.file ? pos.file : "imprint");
    d->line = pos.line;
    d->col = pos.col;
    va_list ap;
    va_start(ap, fmt);
    d->message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_mutex_lock(&diags->lock);
    g_ptr_array_add(diags->items, d);
    g_mutex_unlock(&diags->lock);
}

typedef struct {
    const imprint_diag *d;
    guint file; /* the rank of its file's first message */
} ranked;

static gint cmp_ranked(gconstpointer a, gconstpointer b, gpointer unused)
{
    (void)unused;
    const ranked *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->d->line != y->d->line)
        return x->d->line < y->d->line ? -1 : 1;
    return x->d->col < y->d->col ? -1 : x->d->col > y->d->col;
}

void imprint_diags_sort(imprint_diags *diags)
{
    g_mutex_lock(&diags->lock);
    guint n = diags->items->len;
    GHashTable *rank = g_hash_table_new(g_str_hash, g_str_equal);
    ranked *r = g_new(ranked, n ? n : 1);
    for (guint i = 0; i < n; i++) {
        const imprint_diag *d = g_ptr_array_index(diags->items, i);
        gpointer file;
        if (!g_hash_table_lookup_extended(rank, d->file, NULL, &file)) {
            file = GUINT_TO_POINTER(g_hash_table_size(rank));
            g_hash_table_insert(rank, d->file, file);
        }
        r[i] = (ranked){d, GPOINTER_TO_UINT(file)};
    }
    /* g_qsort_with_data is a stable sort (GLib 2.32 and later) */
    g_qsort_with_data(r, (gint)n, sizeof *r, cmp_ranked, NULL);
    for (guint i = 0; i < n; i++)
        g_ptr_array_index(diags->items, i) = (gpointer)r[i].d;
    g_free(r);
    g_hash_table_destroy(rank);
    g_mutex_unlock(&diags->lock);
}

size_t imprint_diags_count(const imprint_diags *diags, imprint_severity sev)
{
    size_t n = 0;
    for (guint i = 0; i < diags->items->len; i++) {
        const imprint_diag *d = g_ptr_array_index(diags->items, i);
        if (d->severity == sev)
            n++;
    }
    return n;
}

size_t imprint_diags_len(const imprint_diags *diags)
{
    return diags->items->len;
}

const imprint_diag *imprint_diags_get(const imprint_diags *diags, size_t i)
{
    if (i >= diags->items->len)
        return NULL;
    return g_ptr_array_index(diags->items, i);
}

size_t imprint_diags_count_matching(const imprint_diags *diags, imprint_severity sev,
                                    const char *needle)
{
    size_t n = 0;
    for (guint i = 0; i < diags->items->len; i++) {
        const imprint_diag *d = g_ptr_array_index(diags->items, i);
        if (d->severity == sev && strstr(d->message, needle))
            n++;
    }
    return n;
}

static const char *severity_name(imprint_severity sev)
{
    switch (sev) {
    case IMPRINT_SEV_NOTE:
        return "note";
    case IMPRINT_SEV_WARNING:
        return "warning";
    case IMPRINT_SEV_ERROR:
        return "error";
    }
    return "error";
}

char *imprint_diag_format(const imprint_diag *d)
{
    if (d->line == 0)
        return g_strdup_printf("%s: %s: %s", d->file, severity_name(d->severity), d->message);
    return g_strdup_printf("%s:%u:%u: %s: %s", d->file, d->line, d->col ? d->col : 1,
                           severity_name(d->severity), d->message);
}

void imprint_diags_print(const imprint_diags *diags, FILE *out, bool quiet)
{
    for (guint i = 0; i < diags->items->len; i++) {
        const imprint_diag *d = g_ptr_array_index(diags->items, i);
        if (quiet && d->severity != IMPRINT_SEV_ERROR)
            continue;
        char *line = imprint_diag_format(d);
        fprintf(out, "%s\n", line);
        g_free(line);
    }
    fflush(out);
}
