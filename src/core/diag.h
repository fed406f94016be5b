/* diag: located diagnostics, the one list every reader of outside files reports into
 * (packs, locales.json, kiosk.json, `groundwork validate`): severity, file, line,
 * column, JSON path and a message in words the file's author understands. The types
 * keep the pack_ names they were born with.
 *
 * Ownership: a pack_diags owns its entries and their strings (copied when added);
 * pack_diags_free releases them. */
#ifndef GW_DIAG_H
#define GW_DIAG_H
#include <stddef.h>

typedef enum pack_severity { PACK_WARNING, PACK_ERROR } pack_severity;

typedef struct pack_diag {
    pack_severity severity;
    char *file;   /* path as given (pack dir joined with the file name) */
    int   line;   /* 1-based; 0 if not known */
    int   col;    /* 1-based; 0 if not known */
    char *path;   /* JSON path, e.g. $.exercises[2].breathing.phases[0].seconds */
    char *msg;    /* in words a content author understands */
} pack_diag;

typedef struct pack_diags {
    pack_diag *v;
    int n, cap;
} pack_diags;

void pack_diags_free(pack_diags *d);
int  pack_diags_errors(const pack_diags *d);   /* how many are errors */
/* "FILE:LINE:COL: JSON-PATH: message" (warnings add "warning: " before message).
 * When the line is not known (a file that cannot be read) "LINE:COL: " is left out;
 * when there is no JSON path (a syntax error, a file) "JSON-PATH: " is left out. */
void pack_diag_format(const pack_diag *g, char *buf, size_t n);
/* Appends a diagnostic to d (the strings are copied; file and path may be NULL); when
 * memory runs out it is left out. */
void pack_diags_add(pack_diags *d, pack_severity sev, const char *file, int line, int col, const char *path,
                    const char *msg);
/* The same with a printf-style message (at most 767 bytes). */
void pack_diags_addf(pack_diags *d, pack_severity sev, const char *file, int line, int col, const char *path,
                     const char *fmt, ...) __attribute__((format(printf, 7, 8)));

#endif
