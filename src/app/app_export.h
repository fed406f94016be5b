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

typedef enum { EXPORT_CSV, EXPORT_JSON, EXPORT_SUMMARY } export_kind;

/* Makes the export (days: the summary's period). msg gets what happened, for the
 * screen, in the interface language: where the file is, or why there is none. True if
 * a file was written. Traced as `export` (kind, via, path) or `export_failed`. */
bool app_export(app *a, export_kind kind, int days, char *msg, size_t msgn);

#endif
