/* settings_reminders: the settings screen's reminders (on or off, the time, the days)
 * and what pressing them does: the person's choice is installed (remind_setup: a
 * systemd user timer, or autostart) and kept in the settings. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/remind_setup.h"
#include "app/settings_reminders.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/remind.h"

/* The practice frequency of a loaded take-home plan (times a day), 0: none. */
static int plan_times(const app *a)
{
    for (int i = 0; a->packs && i < a->packs->n; i++)
        if (a->packs->p[i]->has_plan && a->packs->p[i]->plan_times_per_day > 0)
            return a->packs->p[i]->plan_times_per_day;
    return 0;
}

/* The reminder days and time shown: the person's, else what a plan proposes, else the
 * defaults. */
static void days_and_time_shown(const app *a, unsigned *days, int *min)
{
    *days = a->set.remind_days;
    *min = a->set.remind_min;
    if (!a->set.remind_set && plan_times(a) > 0)
        remind_propose(plan_times(a), days, min);
}

float reminders_row(sform *L, float x, float y, float w)
{
    ui_ctx ui = app_ui(L->a);
    const app *a = L->a;
    const settings *s = &a->set;
    float u = L->u, y0 = y, gap = 10 * u;
    unsigned days;
    int min;
    days_and_time_shown(a, &days, &min);
    y = sform_label(L, x, y, w, _("Reminders"));
    /* the switch, then hours and minutes each with - and + */
    const char *onoff = s->remind_on ? _("On") : _("Off");
    char hh[16], mm[16];
    snprintf(hh, sizeof hh, "%02d", (min / 60) % 24);
    snprintf(mm, sizeof mm, "%02d", (min % 60 + 60) % 60);
    int px = (int)lroundf(24 * u);
    float vw = fmaxf(52 * u, ui_text_w(&ui, "00", px, true) + 16 * u), cw = 18 * u;
    float sb = fmaxf(48 * u, ui_button_w(&ui, "+", 48 * u));
    float tw = 4 * sb + 2 * vw + cw;
    float ow = w - tw - 2 * gap;
    /* no room beside the time for the switch's word, on or off (a word is never broken
     * inside, and turning it on moves nothing): the switch above it */
    bool stack = ow < fmaxf(90 * u, fmaxf(ui_button_w(&ui, _("On"), 0), ui_button_w(&ui, _("Off"), 0)));
    if (stack)
        ow = w;
    float bh = fmaxf(56 * u, fmaxf(ui_button_h(&ui, onoff, ow, 56 * u), ui_text_h(&ui, hh, px, true, 0) + 8 * u));
    sform_button(L, "reminders", gw_rc(x, y, stack ? w : ow, bh), onoff, s->remind_on);
    sform_describe(L, ROLE_SWITCH, _("Reminders"), onoff);
    float ty = stack ? y + bh + gap : y, tx = stack ? x : x + w - tw;
    const char *ids[4] = { "remind-hour:down", "remind-hour:up", "remind-minute:down", "remind-minute:up" };
    const char *val[2] = { hh, mm };
    for (int k = 0; k < 2; k++) {
        /* hours stay left of minutes when the screen is mirrored (right to left) */
        float bx = tx + (float)(a->view.rtl ? 1 - k : k) * (2 * sb + vw + cw);
        sform_button(L, ids[2 * k], gw_rc(bx, ty, sb, bh), "–", false);
        if (L->l)
            draw_text(L->l, gw_rc(bx + sb, ty, vw, bh), val[k], px, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
                      a->th->text);
        sform_button(L, ids[2 * k + 1], gw_rc(bx + sb + vw, ty, sb, bh), "+", false);
        char at[40];
        snprintf(at, sizeof at, "%s:%s", hh, mm);
        sform_steps(L, k ? _("Minute") : _("Hour"), at);
    }
    if (L->l)
        draw_text(L->l, gw_rc(tx + 2 * sb + vw, ty, cw, bh), ":", px, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
                  a->th->text);
    y = ty + bh;
    /* how they are sent, or what the plan proposes */
    char line[256], times[64];
    if (s->remind_on)
        snprintf(line, sizeof line, "%s",
                 !strcmp(s->remind_via, "autostart")
                     ? _("No systemd user session here: the reminder starts with your desktop (autostart).")
                     : _("Sent by a systemd user timer, also when Groundwork is closed."));
    else if (!s->remind_set && plan_times(a) > 0) {
        snprintf(times, sizeof times, P_("%d time a day", "%d times a day", plan_times(a)), plan_times(a));
        snprintf(line, sizeof line, _("Proposed by your plan: %s."), times);
    } else
        snprintf(line, sizeof line, "%s", _("A notification on this computer only; nothing is sent anywhere."));
    int lpx = (int)lroundf(16 * u);
    float lh = ui_text_h(&ui, line, lpx, false, w);
    if (L->l)
        draw_text(L->l, gw_rc(x, y + 6 * u, w, lh), line, lpx, VALIGN_TOP, a->th->text_dim);
    return y + 6 * u + lh - y0;
}

float reminders_days(sform *L, float x, float y, float w)
{
    ui_ctx ui = app_ui(L->a);
    static const char *const DAYK[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    static const char *const DAYN[7] = { NC_("short weekday", "Mon"), NC_("short weekday", "Tue"),
                                         NC_("short weekday", "Wed"), NC_("short weekday", "Thu"),
                                         NC_("short weekday", "Fri"), NC_("short weekday", "Sat"),
                                         NC_("short weekday", "Sun") };
    const app *a = L->a;
    float u = L->u, y0 = y;
    unsigned days;
    int min;
    days_and_time_shown(a, &days, &min);
    y = sform_label(L, x, y, w, _("Reminder days"));
    char dids[7][DRAW_WIDGET_ID_MAX];
    ui_item it[7];
    for (int i = 0; i < 7; i++) {
        snprintf(dids[i], sizeof dids[i], "remind-day:%s", DAYK[i]);
        it[i] = (ui_item){ dids[i], i18n_ctx(DAYN[i]), (w - 6 * 6 * u) / 7, L->l && L->focus == L->idx + i,
                           remind_on_day(days, i) };
    }
    y += ui_button_flow(&ui, L->l, x, y, w, 48 * u, 6 * u, it, 7, true);
    if (L->l) {
        L->idx += 7;
        for (int i = 0; i < 7; i++)
            draw_widget_describe_at(L->l, L->l->nwid - 7 + i, ROLE_SWITCH, it[i].label,
                                    it[i].primary ? _("On") : _("Off"));
    }
    return y - y0;
}

bool reminders_pressed(app *a, const char *w)
{
    settings *s = app_settings_edit(a);
    unsigned days;
    int min;
    char key[16], err[PATH_MAX * 2 + 300] = "";
    days_and_time_shown(a, &days, &min);
    bool on = s->remind_on;
    if (!strcmp(w, "reminders"))
        on = !on;
    else if (!strcmp(w, "remind-hour:down") || !strcmp(w, "remind-hour:up"))
        min = (min + (strstr(w, ":up") ? 60 : 23 * 60)) % (24 * 60);
    else if (!strcmp(w, "remind-minute:down") || !strcmp(w, "remind-minute:up"))
        min = min / 60 * 60 + ((min % 60) / 15 * 15 + (strstr(w, ":up") ? 15 : 45)) % 60;
    else if (sscanf(w, "remind-day:%15s", key) == 1) {
        static const char *const DAYK[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
        for (int i = 0; i < 7; i++)
            if (!strcmp(key, DAYK[i]) && (days & ~(1u << i))) /* one day always stays */
                days ^= 1u << i;
    } else
        return false;
    s->remind_days = days;
    s->remind_min = min;
    s->remind_set = true; /* what was shown (a plan's proposal) is now the person's */
    bool ok = true;
    if (on)
        ok = remind_setup_on(days, min, s->remind_via, sizeof s->remind_via, err, sizeof err);
    else if (s->remind_on || s->remind_via[0]) {
        ok = remind_setup_off(err, sizeof err);
        if (ok)
            s->remind_via[0] = 0;
    }
    s->remind_on = on && ok;
    app_settings_changed(a);
    trace_begin(a->tr, a->now, "setting");
    trace_str(a->tr, "widget", w);
    trace_end(a->tr);
    char cal[64];
    remind_on_calendar(cal, sizeof cal, days, min);
    trace_begin(a->tr, a->now, "reminders");
    trace_bool(a->tr, "on", s->remind_on);
    trace_str(a->tr, "via", s->remind_via);
    trace_str(a->tr, "calendar", cal);
    trace_end(a->tr);
    if (!ok)
        app_error(a, err);
    return true;
}
