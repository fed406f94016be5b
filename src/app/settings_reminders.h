/* settings_reminders: the reminders' controls on the settings screen (settings_form). */
#ifndef GW_SETTINGS_REMINDERS_H
#define GW_SETTINGS_REMINDERS_H
#include "app/settings_form.h"

/* Reminders: on or off and the time on one row, then how they are sent (a systemd
 * user timer, or at login where there is none) or what a plan proposes. Returns its
 * height. */
float reminders_row(sform *L, float x, float y, float w);
/* The reminder days: a button each, lit when chosen, onto more rows when needed. */
float reminders_days(sform *L, float x, float y, float w);
/* A reminder widget was pressed ("reminders", "remind-day:*", "remind-hour:*",
 * "remind-minute:*"): turned on or off, or its days or time changed (then installed
 * again), traced and saved. False if w is none of them. */
bool reminders_pressed(app *a, const char *w);

#endif
