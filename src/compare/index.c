/* The shingle index: every (shingle, article) of a document in one array,
 * sorted by shingle with a radix sort, so that the articles holding a
 * shingle stand together. Measured on 2,000 articles of 1.5 million words
 * (bench/duplicates.c), a hash table from shingle to articles spent most
 * of the comparison waiting for memory (a GHashTable 620 ms of CPU, an
 * open-addressing table 500 ms: one cache miss a shingle, twice); the sort
 * reads and writes the array in order. */
#include "compare/compare_internal.h"

#include <string.h>

/* Bits of the key sorted in one pass: 6 passes of 2,048 buckets (the
 * last two of 10 bits), whose counts (16 KB a pass) stay in the first
 * level cache; 4 passes of 65,536 took twice the instructions on the
 * bundled corpus, mostly clearing and summing counts. */
#define RADIX_BITS   11
#define RADIX_PASSES 6
G_STATIC_ASSERT(RADIX_PASSES % 2 == 0); /* the result ends in the caller's array */
G_STATIC_ASSERT(RADIX_BITS *RADIX_PASSES >= 64);

/* Up to this many postings the index is sorted by one pass on the keys'
 * top BUCKET_BITS bits (at most 2 postings a bucket on average, as the
 * keys are hashes), each bucket then by insertion: a third of the
 * instructions of the six passes on the bundled corpus (82,000 postings).
 * Beyond it the buckets grow and the radix passes win. */
#define BUCKET_SORT_MAX (1u << 17)
#define BUCKET_BITS     16

/* By the top bits, then within each bucket by the whole key, stably. */
static void bucket_sort(cmp_posting *a, size_t n)
{
    enum { BUCKETS = 1 << BUCKET_BITS };
    size_t *start = g_new0(size_t, BUCKETS + 1);
    for (size_t i = 0; i < n; i++)
        start[(a[i].key >> (64 - BUCKET_BITS)) + 1]++;
    for (size_t b = 0; b < BUCKETS; b++)
        start[b + 1] += start[b];
    cmp_posting *tmp = g_new(cmp_posting, n);
    size_t *next = g_memdup2(start, sizeof(size_t) * BUCKETS);
    for (size_t i = 0; i < n; i++)
        tmp[next[a[i].key >> (64 - BUCKET_BITS)]++] = a[i];
    g_free(next);
    for (size_t b = 0; b < BUCKETS; b++)
        for (size_t i = start[b] + 1; i < start[b + 1]; i++) {
            cmp_posting x = tmp[i];
            size_t j = i;
            for (; j > start[b] && tmp[j - 1].key > x.key; j--) /* equal keys keep their order */
                tmp[j] = tmp[j - 1];
            tmp[j] = x;
        }
    memcpy(a, tmp, n * sizeof *a);
    g_free(tmp);
    g_free(start);
}

void cmp_index_sort(cmp_posting *a, size_t n)
{
    enum { BUCKETS = 1 << RADIX_BITS };
    if (n < 2)
        return;
    if (n <= BUCKET_SORT_MAX) {
        bucket_sort(a, n);
        return;
    }
    size_t *count = g_new0(size_t, (size_t)RADIX_PASSES * BUCKETS);
    /* Every pass's counts in one read of the keys. */
    for (size_t i = 0; i < n; i++)
        for (unsigned p = 0; p < RADIX_PASSES; p++)
            count[p * BUCKETS + ((a[i].key >> (p * RADIX_BITS)) & (BUCKETS - 1))]++;
    cmp_posting *tmp = g_new(cmp_posting, n);
    cmp_posting *from = a, *to = tmp;
    for (unsigned p = 0; p < RADIX_PASSES; p++) {
        size_t *c = count + (size_t)p * BUCKETS, sum = 0;
        for (size_t b = 0; b < BUCKETS; b++) {
            size_t v = c[b];
            c[b] = sum;
            sum += v;
        }
        unsigned shift = p * RADIX_BITS;
        /* Stable: the articles of one shingle stay in document order. */
        for (size_t i = 0; i < n; i++)
            to[c[(from[i].key >> shift) & (BUCKETS - 1)]++] = from[i];
        cmp_posting *t = from;
        from = to;
        to = t;
    }
    /* An even number of passes leaves the result in `a`. */
    g_free(count);
    g_free(tmp);
}

/* Bits of a number sorted in one pass of cmp_sort_u64(): 8 passes of 256
 * buckets, small enough for a few thousand numbers. */
#define U64_RADIX_BITS 8
G_STATIC_ASSERT((64 / U64_RADIX_BITS) % 2 == 0);

void cmp_sort_u64(guint64 *a, size_t n)
{
    enum { PASSES = 64 / U64_RADIX_BITS, BUCKETS = 1 << U64_RADIX_BITS };
    if (n < 2)
        return;
    size_t count[PASSES][BUCKETS]; /* 16 KB */
    memset(count, 0, sizeof count);
    /* Every pass's counts in one read of the numbers. */
    for (size_t i = 0; i < n; i++)
        for (unsigned p = 0; p < PASSES; p++)
            count[p][(a[i] >> (p * U64_RADIX_BITS)) & (BUCKETS - 1)]++;
    guint64 *tmp = g_new(guint64, n);
    guint64 *from = a, *to = tmp;
    for (unsigned p = 0; p < PASSES; p++) {
        size_t sum = 0;
        for (size_t b = 0; b < BUCKETS; b++) {
            size_t c = count[p][b];
            count[p][b] = sum;
            sum += c;
        }
        unsigned shift = p * U64_RADIX_BITS;
        for (size_t i = 0; i < n; i++)
            to[count[p][(from[i] >> shift) & (BUCKETS - 1)]++] = from[i];
        guint64 *t = from;
        from = to;
        to = t;
    }
    /* An even number of passes leaves the result in `a`. */
    g_free(tmp);
}
