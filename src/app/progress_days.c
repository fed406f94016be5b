/* progress_days: see progress_days.h. */
#include "app/progress_days.h"

#include <stdio.h>

#include "core/i18n.h"
#include "core/plog.h"

void progress_day_label(char *buf, size_t n, int32_t day)
{
    char iso[32];
    int y, m, d;
    plog_format_utc(iso, sizeof iso, (int64_t)day * 86400);
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
        i18n_day_month(buf, n, d, m);
    else
        snprintf(buf, n, "?");
}

const char *progress_day_name(int d)
{
    static const char *const N[] = { NC_("short weekday", "Mon"), NC_("short weekday", "Tue"),
                                     NC_("short weekday", "Wed"), NC_("short weekday", "Thu"),
                                     NC_("short weekday", "Fri"), NC_("short weekday", "Sat"),
                                     NC_("short weekday", "Sun") };
    return d >= 0 && d < 7 ? i18n_ctx(N[d]) : "?";
}

int progress_day_form(const ui_ctx *ui, int32_t first, int px, float w, float u)
{
    int form = 0;
    for (int d = 0; d < 7; d++) {
        char lab[24], full[48];
        progress_day_label(lab, sizeof lab, first + d);
        snprintf(full, sizeof full, "%s %s", progress_day_name(d), lab);
        /* one line only with room between neighbours: "2 يناير الجمعة 3 يناير" ran together */
        if (form == 0 && !ui_line_fits(ui, full, px, false, w - 12 * u))
            form = 1;
        if (!ui_line_fits(ui, progress_day_name(d), px, false, w) || !ui_line_fits(ui, lab, px, false, w))
            form = 2;
    }
    return form;
}
