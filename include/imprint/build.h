#ifndef IMPRINT_BUILD_H
#define IMPRINT_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "imprint/diag.h"
#include "imprint/edition.h"
#include "imprint/format.h"

/** Most editions built at once by `-j`: more threads than this only wait. */
#define IMPRINT_BUILD_MAX_JOBS 64

/** What `imprint build` does. Everything is borrowed from the caller. */
typedef struct {
    const char *outdir;                   /* output folder, made when missing; NULL = "out" */
    const imprint_format *const *formats; /* NULL-terminated; NULL = every format */
    unsigned jobs;                        /* editions built in parallel; 0 or 1 = one at a time */
    const char *depfile;                  /* Make-style dependency file to write, or NULL */
} imprint_build_opts;

/** Builds each edition in `paths` (n of them) into every format of `opts`:
 * loads it, reads its sources, checks the document and writes
 * OUTDIR/NAME.EXT for each format. A chosen format whose writer is not built
 * yet fails the whole build before anything is written. Messages go to
 * `diags`, those of each edition together and in the order of `paths`,
 * whatever order the threads ran in. Returns true if every output was written. */
bool imprint_build_run(const char *const *paths, size_t n, const imprint_build_opts *opts,
                       imprint_diags *diags);

/** Parses a comma-separated list of format names ("epub,tei") into a
 * NULL-terminated array the caller g_free()s (the entries are borrowed from
 * imprint_formats), in the order of imprint_formats; repeated names count
 * once. On an unknown or empty name returns NULL and sets `*bad` to a copy
 * of it, which the caller g_free()s. */
const imprint_format **imprint_build_parse_formats(const char *list, char **bad);

/** The time to stamp the outputs of `edition` with, in seconds since 1970:
 * $SOURCE_DATE_EPOCH when set to a number, else the edition's `date` at
 * 00:00 UTC, else 0. Same inputs, same stamp: builds are reproducible. */
int64_t imprint_build_epoch(const imprint_edition *edition);

#endif
