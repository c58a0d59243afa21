/* `imprint build`: editions to output files, editions shared among worker threads. */
#include "imprint/build.h"
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
        bool written = g_ptr_array_find_with_equal_func(j->outputs, out, g_str_equal, NULL);
        if (g_file_test(out, G_FILE_TEST_IS_REGULAR) && g_unlink(out) == 0)
            imprint_diags_report(j->diags, IMPRINT_SEV_NOTE, (imprint_pos){out, 0, 0},
                                 written ? "removed: written by this build, but the edition failed"
                                         : "removed the output of an earlier build");
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
        imprint_output_clean(out, j->diags);
        g_free(out);
        g_free(file);
    }
    g_free(base);
}

static void build_one(job *j)
{
    imprint_edition *e = NULL;
    imprint_doc *doc = NULL;
    imprint_build_resolved *resolved = NULL;
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
    doc = imprint_edition_read(e, j->diags);
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
    const imprint_output_opts *opts = imprint_build_resolved_opts(resolved);
    j->ok = true;
    for (const imprint_format *const *f = j->formats; *f; f++) {
        char *file = g_strconcat(e->name, ".", (*f)->extension, NULL);
        char *out = g_build_filename(j->outdir, file, NULL);
        g_free(file);
        size_t errors = imprint_diags_count(j->diags, IMPRINT_SEV_ERROR);
        if ((*f)->write(doc, opts, out, j->diags)) {
            g_ptr_array_add(j->outputs, out);
            continue;
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
    imprint_build_resolved_free(resolved);
    imprint_doc_free(doc);
    imprint_edition_free(e);
}

/* The editions left to build, taken by worker threads one at a time. */
typedef struct {
    job *jobs;
    size_t n;
    gint next;
} queue;

static gpointer worker(gpointer data)
{
    queue *q = data;
    for (;;) {
        size_t i = (size_t)g_atomic_int_add(&q->next, 1);
        if (i >= q->n)
            return NULL;
        build_one(&q->jobs[i]);
    }
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

/* Checks that can fail the whole build before any edition is read. */
static bool preflight(const char *const *paths, size_t n, const char *outdir, const char *depfile,
                      imprint_diags *diags)
{
    /* A bad SOURCE_DATE_EPOCH would fail every edition: say it once. */
    int64_t epoch;
    bool ok = imprint_build_epoch(NULL, &epoch, diags);
    if (depfile) {
        /* Found out now, not after every output is written. */
        char *dir = g_path_get_dirname(depfile);
        if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
            imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){depfile, 0, 0},
                                 "cannot write the depfile: folder '%s' does not exist", dir);
            ok = false;
        }
        g_free(dir);
    }
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
    if (!preflight(paths, n, outdir, opts->depfile, diags)) {
        if (opts->depfile)
            g_unlink(opts->depfile); /* a stale depfile would name outputs that are gone */
        g_free(all);
        return false;
    }

    job *jobs = g_new0(job, n);
    for (size_t i = 0; i < n; i++) {
        jobs[i] = (job){
            .path = paths[i],
            .outdir = outdir,
            .formats = formats,
            .diags = imprint_diags_new(),
            .outputs = g_ptr_array_new_with_free_func(g_free),
            .inputs = g_ptr_array_new_with_free_func(g_free),
        };
    }
    unsigned threads = MIN(MAX(opts->jobs, 1u), IMPRINT_BUILD_MAX_JOBS);
    if (threads > 1 && n > 1) {
        xmlInitParser(); /* libxml2 must be set up once before threads use it */
        /* Joined worker threads rather than a GThreadPool, whose idle
         * threads outlive the build and show up as leaks under valgrind. */
        queue q = {.jobs = jobs, .n = n, .next = 0};
        unsigned count = (unsigned)MIN((size_t)threads, n);
        GThread **workers = g_new(GThread *, count);
        for (unsigned t = 0; t < count; t++)
            workers[t] = g_thread_new("imprint-build", worker, &q);
        for (unsigned t = 0; t < count; t++)
            g_thread_join(workers[t]);
        g_free(workers);
    } else {
        for (size_t i = 0; i < n; i++)
            build_one(&jobs[i]);
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
    for (size_t i = 0; i < n; i++) {
        imprint_diags_free(jobs[i].diags);
        g_ptr_array_unref(jobs[i].outputs);
        g_ptr_array_unref(jobs[i].inputs);
    }
    g_free(jobs);
    g_free(all);
    return ok;
}
