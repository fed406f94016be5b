/* mode_kiosk's services to the kiosk's scenes (scene_attract.c, scene_admin.c) and to
 * the cautions screen: its settings, its wall clock and operating hours, the PIN, and
 * the reset to the attract loop. The mode's state is its own (mode_kiosk.c); these
 * functions are the only ways to it, and they are called only in kiosk mode. */
#ifndef GW_MODE_KIOSK_H
#define GW_MODE_KIOSK_H
#include "app/app.h"
#include "core/kiosk.h"

/* The kiosk's settings, as loaded when the mode started. */
const kiosk_config *app_kiosk_config(const app *a);
/* Open, dimmed or blank, as the operating hours say now. */
kiosk_hours_state app_kiosk_hours(const app *a);
/* The local wall-clock time (seconds since the epoch, local time as UTC fields), real
 * when live, virtual in play: 2026-01-05 07:30:00 plus the monotonic time. */
long long app_kiosk_wall(const app *a);
/* Back to the attract loop with everything a visitor did forgotten (the kiosk scenes'
 * own state too). */
void app_kiosk_reset(app *a, const char *why);

/* A PIN typed on the admin keypad, checked against the settings' hash and the limit on
 * wrong entries (which is kept in the live kiosk's state folder, so that a restart does
 * not clear it). *wait_s: the seconds until another may be tried (LOCKED, WRONG_LOCKED). */
typedef enum app_kiosk_pin {
    APP_KIOSK_PIN_OK, APP_KIOSK_PIN_UNSET, APP_KIOSK_PIN_LOCKED, APP_KIOSK_PIN_WRONG,
    APP_KIOSK_PIN_WRONG_LOCKED
} app_kiosk_pin;
app_kiosk_pin app_kiosk_pin_submit(app *a, const char *pin, long *wait_s);
/* The wrong-entry count and lockout, as they stand. */
const kiosk_pinlimit *app_kiosk_pin_limit(const app *a);

#endif
