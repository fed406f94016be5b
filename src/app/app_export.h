/* app_export: Settings' "Export my practice log" and "A summary for my therapist".
 * The file goes where the person chooses in the desktop's own Save window (the XDG
 * portal, platform/plat_portal.h); with no portal, or one that does not answer within
 * a few seconds, into the documents folder under a dated name that never replaces a
 * file (groundwork-log-2026-12-06.csv, then -2, -3...); if that folder is missing or
 * cannot be written, into the home folder. Always private (0600) and whole. */
#ifndef GW_APP_EXPORT_H
#define GW_APP_EXPORT_H
#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"

#include "platform/plat_portal.h"

typedef enum { EXPORT_CSV, EXPORT_JSON, EXPORT_SUMMARY } export_kind;

/* The portal must take the request within this; the person choose a file within the
 * second (the program's window keeps drawing meanwhile when the portal is asked on a
 * thread of its own: live). */
#define APP_EXPORT_ANSWER_MS 3000
#define APP_EXPORT_CHOOSE_MS (10 * 60 * 1000)

/* One export asked for: what, and the name and window title proposed. */
typedef struct export_req {
    export_kind kind;
    int days;              /* the summary's period */
    char stem[64], ext[8]; /* "groundwork-log-2026-12-06", ".csv" */
    char name[80];         /* stem + ext */
    char title[160];       /* the Save window's title, in the interface language */
} export_req;

void app_export_prepare(app *a, export_kind kind, int days, export_req *r);
/* Writes the export once the portal has answered (pr, the path chosen, why it was not
 * available): the chosen file, else the documents folder, else the home folder. msg
 * gets what happened, for the screen, in the interface language: where the file is,
 * or why there is none. True if a file was written. Traced as `portal`, then `export`
 * (kind, via, path) or `export_failed`. */
bool app_export_finish(app *a, const export_req *r, portal_result pr, const char *path, const char *why,
                       char *msg, size_t msgn);
/* prepare, the portal asked (waiting for it), finish. */
bool app_export(app *a, export_kind kind, int days, char *msg, size_t msgn);
/* Whether Settings asks the portal on a thread (the live runner: its window keeps
 * drawing while the person chooses) or waits for it (play, tests: deterministic). */
void app_export_async(bool on);
bool app_export_is_async(void);

#endif
