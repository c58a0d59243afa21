#ifndef IMPRINT_DIAG_H
#define IMPRINT_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/** A place in a source file. `file` is borrowed; lines and columns count from 1
 * (columns in Unicode code points); 0 means "unknown". */
typedef struct {
    const char *file;
    unsigned line;
    unsigned col;
} imprint_pos;

typedef enum {
    IMPRINT_SEV_NOTE,
    IMPRINT_SEV_WARNING,
    IMPRINT_SEV_ERROR,
} imprint_severity;

/** One message. All strings are owned by the imprint_diags that holds it. */
typedef struct {
    imprint_severity severity;
    char *file;
    unsigned line;
    unsigned col;
    char *message;
} imprint_diag;

/** An ordered list of messages for one run (thread-safe: builds may report
 * from worker threads). */
typedef struct imprint_diags imprint_diags;

/** Creates an empty list; the caller frees it with imprint_diags_free(). */
imprint_diags *imprint_diags_new(void);

/** Frees the list and its messages. Accepts NULL. */
void imprint_diags_free(imprint_diags *diags);

/** Records a message at `pos`; the strings are copied. */
void imprint_diags_report(imprint_diags *diags, imprint_severity sev, imprint_pos pos,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/** Number of messages of severity `sev`. */
size_t imprint_diags_count(const imprint_diags *diags, imprint_severity sev);

/** Number of messages in all. */
size_t imprint_diags_len(const imprint_diags *diags);

/** The i-th message, borrowed from the list; NULL past the end. */
const imprint_diag *imprint_diags_get(const imprint_diags *diags, size_t i);

/** Number of messages whose text contains `needle` (for tests and lint summaries). */
size_t imprint_diags_count_matching(const imprint_diags *diags, imprint_severity sev,
                                    const char *needle);

/** Orders the messages as an editor reads them: each file's together, the
 * files in the order of their first message, and within a file by line and
 * column; messages at one place keep the order they were reported in. */
void imprint_diags_sort(imprint_diags *diags);

/** Prints one message a line as `path:line:col: severity: message`. With
 * `quiet`, notes and warnings are left out and only errors are printed. */
void imprint_diags_print(const imprint_diags *diags, FILE *out, bool quiet);

/** Formats one message in the compiler convention; the caller g_free()s it. */
char *imprint_diag_format(const imprint_diag *d);

#endif
