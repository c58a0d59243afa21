/* Items of a run shared among joined worker threads: not a GThreadPool,
 * whose idle threads outlive the run and show up as leaks under valgrind. */
#include "model/parallel.h"

#include <glib.h>

typedef struct {
    imprint_parallel_fn fn;
    void *data;
    unsigned n;
    gint next; /* the next item to take */
} run;

typedef struct {
    run *r;
    unsigned index;
} worker;

static gpointer work(gpointer p)
{
    worker *w = p;
    for (;;) {
        unsigned i = (unsigned)g_atomic_int_add(&w->r->next, 1);
        if (i >= w->r->n)
            return NULL;
        w->r->fn(w->r->data, w->index, i);
    }
}

void imprint_parallel_run(unsigned n, unsigned threads, imprint_parallel_fn fn, void *data)
{
    unsigned count = MIN(threads, n);
    if (count <= 1) {
        for (unsigned i = 0; i < n; i++)
            fn(data, 0, i);
        return;
    }
    run r = {fn, data, n, 0};
    worker *workers = g_new(worker, count);
    GThread **running = g_new(GThread *, count);
    for (unsigned t = 0; t < count; t++) {
        workers[t] = (worker){&r, t};
        running[t] = g_thread_new("imprint-worker", work, &workers[t]);
    }
    for (unsigned t = 0; t < count; t++)
        g_thread_join(running[t]);
    g_free(running);
    g_free(workers);
}
