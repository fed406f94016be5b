/* settings_export: the "Export my practice log" page of the settings screen. Its state
 * (share_page) is kept in the settings screen's own state, for the app's life: a Save
 * window still open keeps its page when the screen is left and entered again. */
#ifndef GW_SETTINGS_EXPORT_H
#define GW_SETTINGS_EXPORT_H
#include <limits.h>
#include "app/app_export.h"
#include "app/settings_form.h"

typedef struct share_page {
    bool open;                /* the page is shown */
    char msg[PATH_MAX + 1024];/* what the last export did (where the file is, or why none) */
    bool failed;
    portal_ask *ask;          /* live: the desktop's Save window is open (asked on a thread) */
    export_req req;           /* what it was asked for */
} share_page;

/* The settings screen was entered: the page closed and its message cleared, unless a
 * Save window is still open. */
void share_enter(share_page *share);
void share_draw(const app *a, draw_list *l, sform *L, const share_page *share);
/* "export" (opens the page), and on it "back", "export:csv|json", "summary:7|30";
 * *focus is the screen's focus, moved as the page opens or closes. False: not the
 * page's widget. */
bool share_activate(app *a, share_page *share, const char *w, int *focus);
/* The Save window's answer, looked for at each update while it is open. */
void share_update(app *a, share_page *share);
gw_ns share_next_change(const app *a, const share_page *share);

#endif
