/* progress_days: the names the progress screen's charts give days and weeks ("Mon",
 * "29 Dec") and how the ratings chart's week names its seven days in the room it has.
 * Pure text and measuring (ui.h); no state. */
#ifndef GW_PROGRESS_DAYS_H
#define GW_PROGRESS_DAYS_H
#include <stddef.h>
#include <stdint.h>

#include "app/ui.h"

/* Day `day` (days since 1970-01-01, UTC) as a short date in the interface language
 * ("29 Dec") into buf. */
void progress_day_label(char *buf, size_t n, int32_t day);
/* The short name of weekday d (0 Monday .. 6 Sunday), translated. */
const char *progress_day_name(int d);
/* How the seven days from `first` (a Monday) are named under the chart, the same for
 * all, each in w pixels at px: 0 "Mon 29 Dec" on one line when every day's has room
 * beside the next, 1 the date under the name, 2 the names alone. */
int progress_day_form(const ui_ctx *ui, int32_t first, int px, float w, float u);

#endif
