/* settings_hr: the settings screen's "Heart-rate sensor" row (home only) and the page it
 * opens: where the sensor stands in one line, "Look for sensors" (BlueZ's discovery
 * through app_hr and plat_hr, for at most HR_SCAN_SECONDS, stopped when the page is
 * left), a button for each sensor found as it is found (choosing one connects to it and
 * keeps its address as the setting `hr_sensor`), and "Forget sensor". Nothing here
 * waits on Bluetooth: the back-end's thread does, and the page reads where it stands.
 * Its state (hr_page) is kept in the settings screen's own state. */
#ifndef GW_SETTINGS_HR_H
#define GW_SETTINGS_HR_H
#include "app/settings_form.h"

#define HR_SCAN_SECONDS 30

typedef struct hr_page {
    bool  open;        /* the page is shown */
    gw_ns scan_end;    /* when looking stops by itself */
    bool  looked;      /* a look ended since the page opened: "none found" can be said */
} hr_page;

/* Whether the settings show the row (home mode; never the kiosk). */
bool hr_row_shown(const app *a);
/* The row at x, y, w wide (a title and a button, "hr-sensor", that opens the page);
 * returns its height (0 when not shown). */
float hr_row(sform *L, float x, float y, float w);
/* The settings screen was entered: the page closed. */
void hr_page_enter(app *a, hr_page *p);
void hr_page_draw(const app *a, draw_list *l, sform *L, const hr_page *p);
/* "hr-sensor" (opens the page), and on it "back", "hr-scan" (look, or stop looking),
 * "hr-device:AA:BB:CC:DD:EE:FF" (use that sensor), "hr-forget"; each traced `setting`
 * but "back"; *focus is the screen's focus, moved as the page opens or closes. False:
 * not the page's widget. */
bool hr_page_activate(app *a, hr_page *p, const char *w, int *focus);
/* Looking stops by itself HR_SCAN_SECONDS after it began. */
void hr_page_update(app *a, hr_page *p);
/* While the page is open it is drawn again as the sensor's state changes. */
gw_ns hr_page_next_change(const app *a, const hr_page *p);

#endif
