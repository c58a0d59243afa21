/* `imprint build`: editions to output files, editions shared among worker threads. */
#include "imprint/build.h"
#include "imprint/pdf.h"
#include "imprint/writer.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_OUTDIR "out"

/* One edition's build; run on a worker thread. Messages stay in its own list
 * so they can be printed edition by edition whatever order threads finish. */
typedef struct {
    const char *path;
    const char *outdir;
    const imprint_format *const *formats;
    imprint_diags *diags;
    GPtrArray *outputs; /* char *, the files written */
    GPtrArray *inputs;  /* char *, the edition file and its sources */
    GPtrArray *sums;    /* char *, a manifest line for each output (when one is wanted) */
    const char *name;   /* shown in the progress line */
    unsigned threads;   /* the writers may use this many (threads no other edition has) */
    bool ok;
} job;

const imprint_format **imprint_build_parse_formats(const char *list, char **bad)
{
    *bad = NULL;
    size_t count = 0;
    for (const imprint_format *f = imprint_formats; f->name; f++)
        count++;
    bool *want = g_new0(bool, count);
    char **names = g_strsplit(list, ",", -1);
    for (char **n = names; *n; n++) {
        char *name = g_strstrip(*n);
        const imprint_format *f = imprint_format_find(name);
        if (!f) {
            *bad = g_strdup(name);
            break;
        }
        want[f - imprint_formats] = true;
    }
    g_strfreev(names);
    if (*bad) {
        g_free(want);
        return NULL;
    }
    const imprint_format **out = g_new0(const imprint_format *, count + 1);
    size_t k = 0;
    for (size_t i = 0; i < count; i++)
        if (want[i])
            out[k++] = &imprint_formats[i];
    g_free(want);
    if (k == 0) {
        g_free(out);
        *bad = g_strdup("");
        return NULL;
    }
    return out;
}

/* The output base name of an edition file: its name without .yaml/.yml. */
static char *base_name(const char *path)
{
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base &&
        (g_ascii_strcasecmp(dot, ".yaml") == 0 || g_ascii_strcasecmp(dot, ".yml") == 0))
        *dot = '\0';
    return base;
}

/* The second file the PDF writer makes beside `out` (NAME-booklet.pdf), or
 * NULL for other formats. */
static char *booklet_of(const imprint_format *f, const char *out)
{
    return strcmp(f->name, "pdf") == 0 ? imprint_pdf_booklet_path(out) : NULL;
}

static void remove_one(job *j, const char *out)
{
    bool written = g_ptr_array_find_with_equal_func(j->outputs, out, g_str_equal, NULL);
    if (g_file_test(out, G_FILE_TEST_IS_REGULAR) && g_unlink(out) == 0)
        imprint_diags_report(j->diags, IMPRINT_SEV_NOTE, (imprint_pos){out, 0, 0},
                             written ? "removed: written by this build, but the edition failed"
                                     : "removed the output of an earlier build");
}

/* A failed edition leaves no output: one from an earlier build would pass
 * for this one's, and one written now belongs to a half-built edition (a
 * PDF without the EPUB that failed beside it). */
static void remove_outputs(job *j)
{
    char *base = base_name(j->path);
    for (const imprint_format *const *f = j->formats; *f; f++) {
        char *file = g_strconcat(base, ".", (*f)->extension, NULL);
        char *out = g_build_filename(j->outdir, file, NULL);
        g_free(file);
        char *booklet = booklet_of(*f, out);
        remove_one(j, out);
        if (booklet)
            remove_one(j, booklet);
        g_free(booklet);
        g_free(out);
    }
    g_ptr_array_set_size(j->outputs, 0);
    g_free(base);
}

/* Temporaries that killed builds of this edition left in the output folder
 * (of every format, asked for this time or not) go first. */
static void clean_temporaries(job *j)
{
    char *base = base_name(j->path);
    for (const imprint_format *f = imprint_formats; f->name; f++) {
        char *file = g_strconcat(base, ".", f->extension, NULL);
        char *out = g_build_filename(j->outdir, file, NULL);
        char *booklet = booklet_of(f, out);
        imprint_output_clean(out, j->diags);
        if (booklet)
            imprint_output_clean(booklet, j->diags);
        g_free(booklet);
        g_free(out);
        g_free(file);
    }
    g_free(base);
}

/* The manifest line of an output just written: its SHA-256, size and name,
 * read back from the file, so that it states what was published. */
static bool add_sum(job *j, const char *out)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    if (!g_file_get_contents(out, &data, &len, &error)) {
        imprint_diags_report(j->diags, IMPRINT_SEV_ERROR, (imprint_pos){out, 0, 0},
                             "cannot read the output back for the manifest: %s", error->message);
        g_error_free(error);
        return false;
    }
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
    char *name = g_path_get_basename(out);
    g_ptr_array_add(j->sums, g_strdup_printf("%s  %" G_GSIZE_FORMAT "  %s\n", sum, len, name));
    g_free(name);
    g_free(sum);
    g_free(data);
    return true;
}

static bool wants(const job *j, imprint_format_writer write)
{
    for (const imprint_format *const *f = j->formats; *f; f++)
        if ((*f)->write == write)
            return true;
    return false;
}

/* The PDF laid out for the EPUB's page list, when the edition wants one
 * (DESIGN.md, issue 10): always with `page-list: true`, and by default when
 * the PDF is built too, which then draws this same layout. Only for the
 * pages of an EPUB, the layout's warnings (about a PDF nobody writes) are
 * not shown; its errors are. NULL (reported) when it cannot be made. */
static imprint_pdf_layout *page_layout(job *j, const imprint_doc *doc,
                                       const imprint_output_opts *opts, bool pdf_too)
{
    if (pdf_too)
        return imprint_pdf_lay_out(doc, opts, j->diags);
    imprint_diags *own = imprint_diags_new();
    imprint_pdf_layout *l = imprint_pdf_lay_out(doc, opts, own);
    for (size_t k = 0; k < imprint_diags_len(own); k++) {
        const imprint_diag *d = imprint_diags_get(own, k);
        if (d->severity == IMPRINT_SEV_ERROR)
            imprint_diags_report(j->diags, d->severity, (imprint_pos){d->file, d->line, d->col},
                                 "%s", d->message);
    }
    imprint_diags_free(own);
    return l;
}

/* Writes format `f` of the edition to `out`; the EPUB with the layout's
 * pages, the PDF from the layout when there is one (`*failed`: the layout
 * could not be made). */
static bool write_format(job *j, const imprint_format *f, const imprint_edition *e,
                         const imprint_doc *doc, const imprint_output_opts *opts,
                         imprint_pdf_layout **layout, bool *failed, const char *out)
{
    bool pdf_too = wants(j, imprint_write_pdf);
    bool pages = e->page_list == IMPRINT_PAGE_LIST_ALWAYS ||
                 (e->page_list == IMPRINT_PAGE_LIST_AUTO && pdf_too);
    if (f->write == imprint_write_epub && pages) {
        if (!*layout)
            *layout = page_layout(j, doc, opts, pdf_too);
        if (!*layout) {
            /* Reported; the PDF would only fail the same way again. */
            *failed = true;
            return false;
        }
        imprint_output_opts eopts = *opts;
        char *source = g_strdup_printf("%s.pdf (the PDF edition, %s paper)", e->name, e->paper);
        eopts.pages = imprint_pdf_layout_pages(*layout);
        eopts.page_source = source;
        bool ok = imprint_write_epub(doc, &eopts, out, j->diags);
        g_free(source);
        return ok;
    }
    if (f->write == imprint_write_pdf && *failed)
        return false;
    if (f->write == imprint_write_pdf && *layout)
        return imprint_pdf_layout_write(*layout, out, j->diags, NULL);
    return f->write(doc, opts, out, j->diags);
}

/* NAME-booklet.pdf, when the PDF writer made one, is an output too; one an
 * earlier build left beside a PDF that now has none is removed (it would
 * pass for this build's). False when its manifest line cannot be made. */
static bool add_booklet(job *j, const imprint_format *f, const imprint_output_opts *opts,
                        const char *out)
{
    char *booklet = booklet_of(f, out);
    if (!booklet)
        return true;
    if (opts->print.imposition == IMPRINT_IMPOSE_NONE) {
        remove_one(j, booklet);
        g_free(booklet);
        return true;
    }
    g_ptr_array_add(j->outputs, booklet);
    return !j->sums || add_sum(j, booklet);
}

static void build_one(job *j)
{
    imprint_edition *e = NULL;
    imprint_doc *doc = NULL;
    imprint_build_resolved *resolved = NULL;
    imprint_pdf_layout *layout = NULL;
    bool layout_failed = false;
    GString *problems = NULL;

    g_ptr_array_add(j->inputs, g_strdup(j->path));
    clean_temporaries(j);
    e = imprint_edition_load(j->path, j->diags);
    if (!e)
        goto cleanup;
    for (size_t i = 0; i < e->narticles; i++)
        if (!g_ptr_array_find_with_equal_func(j->inputs, e->articles[i].source_path, g_str_equal,
                                              NULL))
            g_ptr_array_add(j->inputs, g_strdup(e->articles[i].source_path));
    doc = imprint_edition_read_threads(e, j->threads, j->diags);
    if (!doc)
        goto cleanup;
    /* A tree a reader got wrong must not reach a writer. */
    problems = g_string_new(NULL);
    if (!imprint_doc_check(doc, problems)) {
        imprint_diags_report(j->diags, IMPRINT_SEV_ERROR, (imprint_pos){j->path, 0, 0},
                             "internal error: the document read is malformed, nothing written: %s",
                             problems->str);
        goto cleanup;
    }
    resolved = imprint_build_resolve(e, doc, NULL, j->diags);
    if (!resolved)
        goto cleanup;
    imprint_output_opts topts = *imprint_build_resolved_opts(resolved);
    topts.threads = j->threads;
    const imprint_output_opts *opts = &topts;
    j->ok = true;
    for (const imprint_format *const *f = j->formats; *f; f++) {
        char *file = g_strconcat(e->name, ".", (*f)->extension, NULL);
        char *out = g_build_filename(j->outdir, file, NULL);
        g_free(file);
        size_t errors = imprint_diags_count(j->diags, IMPRINT_SEV_ERROR);
        if (write_format(j, *f, e, doc, opts, &layout, &layout_failed, out) &&
            (!j->sums || add_sum(j, out))) {
            g_ptr_array_add(j->outputs, out);
            if (add_booklet(j, *f, opts, out))
                continue;
            out = NULL;
        }
        if (imprint_diags_count(j->diags, IMPRINT_SEV_ERROR) == errors)
            imprint_diags_report(j->diags, IMPRINT_SEV_ERROR, (imprint_pos){out, 0, 0},
                                 "the %s writer failed", (*f)->name);
        g_free(out);
        j->ok = false;
    }
cleanup:
    if (!j->ok)
        remove_outputs(j);
    if (problems)
        g_string_free(problems, TRUE);
    imprint_pdf_layout_free(layout);
    imprint_build_resolved_free(resolved);
    imprint_doc_free(doc);
    imprint_edition_free(e);
}

/* The editions left to build, taken by worker threads one at a time, and
 * how far the build is, for the progress line. */
typedef struct {
    job *jobs;
    size_t n;
    gint next;
    GMutex lock;
    GCond changed;
    size_t done;         /* under `lock` */
    const char *current; /* the edition taken last, under `lock` */
} queue;

static gpointer worker(gpointer data)
{
    queue *q = data;
    for (;;) {
        size_t i = (size_t)g_atomic_int_add(&q->next, 1);
        if (i >= q->n)
            return NULL;
        g_mutex_lock(&q->lock);
        q->current = q->jobs[i].name;
        g_cond_signal(&q->changed);
        g_mutex_unlock(&q->lock);
        build_one(&q->jobs[i]);
        g_mutex_lock(&q->lock);
        q->done++;
        g_cond_signal(&q->changed);
        g_mutex_unlock(&q->lock);
    }
}

/* How often the progress line is redrawn while nothing finishes (µs). */
#define PROGRESS_REFRESH_US (G_USEC_PER_SEC / 2)

/* One progress line, drawn over the last: "imprint: 3/100 editions built,
 * building NAME, about 1:05 left" (the time left once one is done). */
static void progress_draw(FILE *tty, size_t done, size_t n, const char *current, gint64 start)
{
    fprintf(tty, "\r\033[Kimprint: %zu/%zu editions built", done, n);
    if (current && done < n)
        fprintf(tty, ", building %s", current);
    if (done > 0 && done < n) {
        gint64 left = (g_get_monotonic_time() - start) / (gint64)done * (gint64)(n - done);
        gint64 s = (left + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
        fprintf(tty, ", about %" G_GINT64_FORMAT ":%02d left", s / 60, (int)(s % 60));
    }
    fflush(tty);
}

static void progress_clear(FILE *tty)
{
    fputs("\r\033[K", tty);
    fflush(tty);
}

/* Runs the queue on `count` threads; the calling thread draws the progress. */
static void run_threads(queue *q, unsigned count, FILE *tty)
{
    GThread **workers = g_new(GThread *, count);
    for (unsigned t = 0; t < count; t++)
        workers[t] = g_thread_new("imprint-build", worker, q);
    if (tty) {
        gint64 start = g_get_monotonic_time();
        g_mutex_lock(&q->lock);
        while (q->done < q->n) {
            progress_draw(tty, q->done, q->n, q->current, start);
            g_cond_wait_until(&q->changed, &q->lock, g_get_monotonic_time() + PROGRESS_REFRESH_US);
        }
        g_mutex_unlock(&q->lock);
        progress_clear(tty);
    }
    for (unsigned t = 0; t < count; t++)
        g_thread_join(workers[t]);
    g_free(workers);
}

/* Manifest lines by the output's name: after the hash and the size. */
static const char *line_name(const char *line)
{
    const char *p = strstr(line, "  ");
    p = p ? strstr(p + 2, "  ") : NULL;
    return p ? p + 2 : line;
}

static int cmp_lines(gconstpointer a, gconstpointer b)
{
    return strcmp(line_name(*(const char *const *)a), line_name(*(const char *const *)b));
}

/* Writes the manifest: every output's line, sorted by name. */
static bool write_manifest(const char *path, job *jobs, size_t n, imprint_diags *diags)
{
    GPtrArray *lines = g_ptr_array_new();
    for (size_t i = 0; i < n; i++)
        for (guint k = 0; k < jobs[i].sums->len; k++)
            g_ptr_array_add(lines, g_ptr_array_index(jobs[i].sums, k));
    g_ptr_array_sort(lines, cmp_lines);
    GString *s = g_string_new(NULL);
    for (guint k = 0; k < lines->len; k++)
        g_string_append(s, g_ptr_array_index(lines, k));
    g_ptr_array_unref(lines);
    GError *error = NULL;
    bool ok = g_file_set_contents(path, s->str, (gssize)s->len, &error);
    if (!ok) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "cannot write the manifest: %s", error->message);
        g_error_free(error);
    }
    g_string_free(s, TRUE);
    return ok;
}

/* Make's quoting of a file name in a rule: a space, '#', ':' (which would
 * end the list of targets) and a backslash get a backslash, '$' another. */
static void depfile_escape(GString *s, const char *path)
{
    for (const char *p = path; *p; p++) {
        if (*p == ' ' || *p == '#' || *p == ':' || *p == '\\')
            g_string_append_c(s, '\\');
        if (*p == '$')
            g_string_append_c(s, '$');
        g_string_append_c(s, *p);
    }
}

static bool write_depfile(const char *path, job *jobs, size_t n, imprint_diags *diags)
{
    GString *s = g_string_new(NULL);
    GHashTable *phony = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *phony_order = g_ptr_array_new();
    for (size_t i = 0; i < n; i++) {
        for (guint k = 0; k < jobs[i].outputs->len; k++) {
            if (k)
                g_string_append_c(s, ' ');
            depfile_escape(s, g_ptr_array_index(jobs[i].outputs, k));
        }
        g_string_append_c(s, ':');
        for (guint k = 0; k < jobs[i].inputs->len; k++) {
            const char *in = g_ptr_array_index(jobs[i].inputs, k);
            g_string_append_c(s, ' ');
            depfile_escape(s, in);
            if (!g_hash_table_contains(phony, in)) {
                g_hash_table_add(phony, (gpointer)in);
                g_ptr_array_add(phony_order, (gpointer)in);
            }
        }
        g_string_append_c(s, '\n');
    }
    /* An empty rule per input, as `gcc -MP` writes: a deleted source
     * then makes the output stale instead of breaking make. */
    for (guint k = 0; k < phony_order->len; k++) {
        depfile_escape(s, g_ptr_array_index(phony_order, k));
        g_string_append(s, ":\n");
    }
    g_ptr_array_unref(phony_order);
    g_hash_table_destroy(phony);
    GError *error = NULL;
    bool ok = g_file_set_contents(path, s->str, (gssize)s->len, &error);
    if (!ok) {
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, 0, 0},
                             "cannot write the depfile: %s", error->message);
        g_error_free(error);
    }
    g_string_free(s, TRUE);
    return ok;
}

/* Whether the folder of `file` (a depfile or manifest, named `what`) exists:
 * found out now, not after every output is written. */
static bool folder_exists(const char *file, const char *what, imprint_diags *diags)
{
    if (!file)
        return true;
    char *dir = g_path_get_dirname(file);
    bool ok = g_file_test(dir, G_FILE_TEST_IS_DIR);
    if (!ok)
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){file, 0, 0},
                             "cannot write the %s: folder '%s' does not exist", what, dir);
    g_free(dir);
    return ok;
}

/* Checks that can fail the whole build before any edition is read. */
static bool preflight(const char *const *paths, size_t n, const char *outdir,
                      const imprint_build_opts *opts, imprint_diags *diags)
{
    /* A bad SOURCE_DATE_EPOCH would fail every edition: say it once. */
    int64_t epoch;
    bool ok = imprint_build_epoch(NULL, &epoch, diags);
    ok = folder_exists(opts->depfile, "depfile", diags) && ok;
    ok = folder_exists(opts->manifest, "manifest", diags) && ok;
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i < n; i++) {
        char *base = base_name(paths[i]);
        const char *other = g_hash_table_lookup(names, base);
        if (other) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){paths[i], 0, 0},
                                 "this edition and %s would write the same files (%s.*)", other,
                                 base);
            ok = false;
            g_free(base);
        } else {
            g_hash_table_insert(names, base, (gpointer)paths[i]);
        }
    }
    g_hash_table_destroy(names);
    if (!ok)
        return false;
    if (g_mkdir_with_parents(outdir, 0755) != 0) {
        int err = errno;
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){outdir, 0, 0},
                             "cannot make the output folder: %s", g_strerror(err));
        return false;
    }
    if (access(outdir, W_OK | X_OK) != 0) {
        int err = errno;
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){outdir, 0, 0},
                             "cannot write in the output folder: %s", g_strerror(err));
        return false;
    }
    return true;
}

bool imprint_build_run(const char *const *paths, size_t n, const imprint_build_opts *opts,
                       imprint_diags *diags)
{
    const char *outdir = opts->outdir ? opts->outdir : DEFAULT_OUTDIR;
    const imprint_format **all = NULL;
    const imprint_format *const *formats = opts->formats;
    if (!formats) {
        size_t count = 0;
        while (imprint_formats[count].name)
            count++;
        all = g_new0(const imprint_format *, count + 1);
        for (size_t i = 0; i < count; i++)
            all[i] = &imprint_formats[i];
        formats = all;
    }
    if (!preflight(paths, n, outdir, opts, diags)) {
        if (opts->depfile)
            g_unlink(opts->depfile); /* a stale depfile would name outputs that are gone */
        if (opts->manifest)
            g_unlink(opts->manifest);
        g_free(all);
        return false;
    }

    unsigned threads = MIN(MAX(opts->jobs, 1u), IMPRINT_BUILD_MAX_JOBS);
    /* Threads no edition runs on go to the writers: one edition alone gets them all. */
    unsigned per_edition = MAX(1u, threads / (unsigned)MAX((size_t)1, MIN((size_t)threads, n)));
    job *jobs = g_new0(job, n);
    char **names = g_new0(char *, n + 1);
    for (size_t i = 0; i < n; i++) {
        jobs[i] = (job){
            .path = paths[i],
            .outdir = outdir,
            .formats = formats,
            .diags = imprint_diags_new(),
            .outputs = g_ptr_array_new_with_free_func(g_free),
            .inputs = g_ptr_array_new_with_free_func(g_free),
            .threads = per_edition,
            .sums = opts->manifest ? g_ptr_array_new_with_free_func(g_free) : NULL,
        };
        jobs[i].name = names[i] = base_name(paths[i]);
    }
    FILE *tty = n > 1 ? opts->progress : NULL;
    if (threads > 1 && n > 1) {
        xmlInitParser(); /* libxml2 must be set up once before threads use it */
        /* Joined worker threads rather than a GThreadPool, whose idle
         * threads outlive the build and show up as leaks under valgrind. */
        queue q = {.jobs = jobs, .n = n, .next = 0};
        g_mutex_init(&q.lock);
        g_cond_init(&q.changed);
        run_threads(&q, (unsigned)MIN((size_t)threads, n), tty);
        g_cond_clear(&q.changed);
        g_mutex_clear(&q.lock);
    } else {
        gint64 start = g_get_monotonic_time();
        for (size_t i = 0; i < n; i++) {
            if (tty)
                progress_draw(tty, i, n, jobs[i].name, start);
            build_one(&jobs[i]);
        }
        if (tty)
            progress_clear(tty);
    }

    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < imprint_diags_len(jobs[i].diags); k++) {
            const imprint_diag *d = imprint_diags_get(jobs[i].diags, k);
            imprint_diags_report(diags, d->severity, (imprint_pos){d->file, d->line, d->col}, "%s",
                                 d->message);
        }
        if (!jobs[i].ok)
            ok = false;
    }
    if (ok && opts->depfile)
        ok = write_depfile(opts->depfile, jobs, n, diags);
    else if (opts->depfile)
        g_unlink(opts->depfile); /* a stale depfile would name outputs that are gone */
    if (ok && opts->manifest)
        ok = write_manifest(opts->manifest, jobs, n, diags);
    else if (opts->manifest)
        g_unlink(opts->manifest); /* a stale manifest would vouch for outputs that are gone */
    for (size_t i = 0; i < n; i++) {
        imprint_diags_free(jobs[i].diags);
        g_ptr_array_unref(jobs[i].outputs);
        g_ptr_array_unref(jobs[i].inputs);
        if (jobs[i].sums)
            g_ptr_array_unref(jobs[i].sums);
    }
    g_strfreev(names);
    g_free(jobs);
    g_free(all);
    return ok;
}
