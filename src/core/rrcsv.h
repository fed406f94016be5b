/* rrcsv: a recording of RR intervals as a CSV file, as `--hr-replay` reads it and home
 * mode exports a session's: a header line `rr_ms`, then one interval in milliseconds a
 * line (a decimal number, 1 to 10000), beats back to back. Blank lines and a final line
 * without a newline are fine; CRLF line ends too. Anything else is refused with the
 * line and what is wrong, and nothing of the file is used.
 * Ownership: rrcsv_parse fills the caller's rrcsv; rrcsv_free frees its array. */
#ifndef GW_RRCSV_H
#define GW_RRCSV_H
#include <stdbool.h>
#include <stddef.h>

#define RRCSV_MAX_BEATS 200000   /* more than two days of heartbeats */
#define RRCSV_MAX_BYTES (8u << 20)

typedef struct rrcsv {
    double *rr_ms;
    int     n;
} rrcsv;

/* Parses text of len bytes. False with "line N: what" written into why (out empty). */
bool rrcsv_parse(rrcsv *out, const char *text, size_t len, char *why, size_t n);
/* Reads and parses a file (through rfile: a regular file of at most RRCSV_MAX_BYTES);
 * a problem is written "FILE:line N: what". */
bool rrcsv_load(rrcsv *out, const char *path, char *why, size_t n);
void rrcsv_free(rrcsv *c);

#endif
