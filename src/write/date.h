#ifndef IMPRINT_WRITE_DATE_H
#define IMPRINT_WRITE_DATE_H

/* The outputs' time stamp written out: one format for every writer, any
 * year from 1 to 9999 with its four digits (xsd:dateTime, PDF dates). */

#include <stdbool.h>
#include <stdint.h>

/** Room for the longest form, "9999-12-31T23:59:59Z" and its NUL. */
#define WRITE_DATE_SIZE 24

/** Writes `epoch` (seconds since 1970, may be negative) into `out` as
 * "YYYY-MM-DDTHH:MM:SSZ", or only "YYYY-MM-DD" when `with_time` is false.
 * False (and "?") for a time GLib cannot represent. */
bool write_date(int64_t epoch, bool with_time, char out[WRITE_DATE_SIZE]);

#endif
