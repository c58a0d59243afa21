/* Benchmark of the duplicate detection (src/compare): synthetic documents
 * of N articles (300 to 1,200 words drawn from a 20,000-word vocabulary;
 * every tenth article a variant of an earlier one, its last 30 words
 * changed), each compared RUNS times with imprint_compare_find(). Prints,
 * per size, the median wall and CPU time of the comparison (CPU time is
 * the one to read on a machine shared with other work), the pairs found
 * and the index's work (candidate pairs, pairs counted shingle by
 * shingle), so that the linear growth shows.
 *
 *   build-release/bench_duplicates [RUNS]     (default 5; sizes 500..8000)
 *
 * Not a test: times are only measured here (DESIGN.md, "Benchmarks"). */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "imprint/compare.h"
#include "imprint/model.h"

static void add_article(imprint_doc *doc, unsigned i, const char *text)
{
    imprint_pos pos = {"synthetic.md", 1 + i * 10, 1};
    imprint_node *art = imprint_node_new(doc, IMPRINT_NODE_ARTICLE, pos);
    imprint_node_append(doc->root, art);
    imprint_node *p = imprint_node_new(doc, IMPRINT_NODE_PARAGRAPH, pos);
    imprint_node_append(art, p);
    imprint_node_append_text(doc, p, pos, text, strlen(text));
}

static imprint_doc *synthetic(unsigned n, GRand *rand, size_t *nwords)
{
    imprint_doc *doc = imprint_doc_new();
    GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
    *nwords = 0;
    for (unsigned i = 0; i < n; i++) {
        GString *s = g_string_new(NULL);
        if (i % 10 == 9) {
            /* A variant of a random earlier original, its end rewritten. */
            const char *orig =
                g_ptr_array_index(texts, (guint)g_rand_int_range(rand, 0, (gint32)i));
            const char *cut = orig + strlen(orig);
            for (int spaces = 0; cut > orig && spaces < 30; cut--)
                spaces += cut[-1] == ' ';
            g_string_append_len(s, orig, cut - orig);
            for (unsigned k = 0; k < 30; k++)
                g_string_append_printf(s, " changed%u_%u", i, k);
        } else {
            int len = g_rand_int_range(rand, 300, 1201);
            for (int k = 0; k < len; k++)
                g_string_append_printf(s, "%sw%d", k ? " " : "", g_rand_int_range(rand, 0, 20000));
        }
        for (const char *c = s->str; *c; c++)
            *nwords += *c == ' ';
        (*nwords)++;
        add_article(doc, i, s->str);
        g_ptr_array_add(texts, g_string_free(s, FALSE));
    }
    g_ptr_array_unref(texts);
    return doc;
}

static gint64 cpu_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (gint64)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static int by_value(const void *a, const void *b)
{
    gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1)
        runs = 1;
    static const unsigned sizes[] = {500, 1000, 2000, 4000, 8000};
    printf("| articles | words | median wall | median CPU | CPU per article | pairs | candidate "
           "pairs | pairs counted |\n");
    printf("|---|---|---|---|---|---|---|---|\n");
    for (size_t s = 0; s < G_N_ELEMENTS(sizes); s++) {
        GRand *rand = g_rand_new_with_seed(2026);
        size_t nwords;
        imprint_doc *doc = synthetic(sizes[s], rand, &nwords);
        gint64 *times = g_new(gint64, runs), *cpu = g_new(gint64, runs);
        size_t pairs = 0, candidates = 0, visits = 0;
        for (int r = 0; r < runs; r++) {
            gint64 t0 = g_get_monotonic_time(), c0 = cpu_us();
            imprint_dups *d = imprint_compare_find(doc);
            times[r] = g_get_monotonic_time() - t0;
            cpu[r] = cpu_us() - c0;
            pairs = d->npairs;
            candidates = d->candidates;
            visits = d->visits;
            imprint_dups_free(d);
        }
        qsort(times, (size_t)runs, sizeof *times, by_value);
        qsort(cpu, (size_t)runs, sizeof *cpu, by_value);
        double ms = times[runs / 2] / 1000.0, cms = cpu[runs / 2] / 1000.0;
        printf("| %u | %zu | %.0f ms | %.0f ms | %.0f µs | %zu | %zu | %zu |\n", sizes[s], nwords,
               ms, cms, cms * 1000.0 / sizes[s], pairs, candidates, visits);
        g_free(times);
        g_free(cpu);
        imprint_doc_free(doc);
        g_rand_free(rand);
    }
    return 0;
}
