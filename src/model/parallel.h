#ifndef IMPRINT_PARALLEL_H
#define IMPRINT_PARALLEL_H

/** One piece of work: item `i` of a run, done by worker `worker` (0 to the
 * run's thread count - 1, so a worker may keep a context of its own in
 * `data`). Pieces are taken in order, one at a time, by whichever worker is
 * free; a piece must not touch another piece's results. */
typedef void (*imprint_parallel_fn)(void *data, unsigned worker, unsigned i);

/** Does items 0 to n - 1 on MIN(threads, n) worker threads and returns when
 * all are done. With one thread (or one item) every item is done on the
 * calling thread, in order, and no thread is started. `data` stays the
 * caller's. */
void imprint_parallel_run(unsigned n, unsigned threads, imprint_parallel_fn fn, void *data);

#endif
