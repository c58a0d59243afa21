/* The shingle index: every (shingle, article) of a document in one array,
 * sorted by shingle with a radix sort, so that the articles holding a
 * shingle stand together. Measured on 2,000 articles of 1.5 million words
 * (bench/duplicates.c), a hash table from shingle to articles spent most
 * of the comparison waiting for memory (a GHashTable 620 ms of CPU, an
 * open-addressing table 500 ms: one cache miss a shingle, twice); the sort
 * reads and writes the array in order. */
#include "compare/compare_internal.h"

#include <string.h>

/* Bits of the key sorted in one pass: 4 passes of 65,536 buckets. */
#define RADIX_BITS 16
G_STATIC_ASSERT((64 / RADIX_BITS) % 2 == 0); /* the result ends in the caller's array */

void cmp_index_sort(cmp_posting *a, size_t n)
{
    cmp_posting *tmp = g_new(cmp_posting, n ? n : 1);
    size_t *count = g_new(size_t, (size_t)1 << RADIX_BITS);
    cmp_posting *from = a, *to = tmp;
    for (unsigned shift = 0; shift < 64; shift += RADIX_BITS) {
        memset(count, 0, sizeof(size_t) << RADIX_BITS);
        for (size_t i = 0; i < n; i++)
            count[(from[i].key >> shift) & ((1u << RADIX_BITS) - 1)]++;
        size_t sum = 0;
        for (size_t b = 0; b < ((size_t)1 << RADIX_BITS); b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        /* Stable: the articles of one shingle stay in document order. */
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].key >> shift) & ((1u << RADIX_BITS) - 1)]++] = from[i];
        cmp_posting *t = from;
        from = to;
        to = t;
    }
    /* An even number of passes leaves the result in `a`. */
    g_free(count);
    g_free(tmp);
}
