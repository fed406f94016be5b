/* report: "A summary for my therapist", a one-page PDF (cairo) of the practice log
 * over the last `days` days: the period, a chart of the before and after ratings, each
 * session (date, the exercise's title in the interface language, completed, before ->
 * after) and the notes. Made only when the person asks, on their machine; written to
 * the FILE given (the caller makes it private and whole, core/xfile.h). */
#ifndef GW_REPORT_H
#define GW_REPORT_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/pack.h"
#include "core/plog.h"

typedef struct report_input {
    const plog_session *s;   /* the whole log, oldest first (borrowed) */
    int n;
    int32_t today;           /* days since the epoch (UTC) */
    int days;                /* the period: today and the days - 1 before it */
    const pack_set *packs;   /* for titles (may be NULL: the exercise's id) */
    const char *lang;        /* interface language; gettext must already follow it */
    const char *created;     /* ISO 8601 UTC, for the PDF's metadata (may be NULL) */
} report_input;

/* Sessions of s inside the period (counted, for "nothing to summarise"). */
int report_count(const report_input *in);
/* Writes the PDF to f; false if cairo or the file failed. */
bool report_write_pdf(FILE *f, const report_input *in);
/* The same, as an xfile_writer (ctx a const report_input *). */
bool report_writer(FILE *f, void *ctx);

#endif
