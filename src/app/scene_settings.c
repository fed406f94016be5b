/* scene_settings: the person's preferences (home mode), large controls, saved at once
 * (atomically) to settings.json; the theme applies immediately. Also "Delete all my
 * data" with a confirmation step.
 * Widget ids: "back"; "theme:calm|light|contrast"; "text-size:down|up";
 * "reduced-motion"; "checkins"; "handedness" (the writing hand, Right or Left: the
 * "dominant" side in muscle relaxation); "language:auto|en|es|de|ar";
 * "pacer:orb|box|wave|tube|calm"; "volume:cues|voice|ambience:down|up";
 * "reminders" (on or off), "remind-day:mon|tue|wed|thu|fri|sat|sun" (each day on or
 * off; one stays on), "remind-hour:down|up", "remind-minute:down|up" (15 minutes);
 * "region:previous|next" (the crisis line's country: Automatic, each country with a
 * line of its own in locales.json, Another country); "export" opens "Export my practice
 * log": "export:csv|json" (the whole log), "summary:7|30" (A summary for my therapist,
 * a PDF of the last 7 or 30 days; app_export.h says where they go), "back" closes it;
 * "delete-data",
 * then "delete-confirm" or "delete-cancel"; "page:next", "page:previous" when large
 * text puts the settings on more than one page. Keys: arrows, Tab or the d-pad move;
 * Enter or A press; Page Down and Page Up turn pages; Escape or B goes back (or
 * cancels the confirmation). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/app_export.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/plog.h"
#include "core/remind.h"
#include "app/remind_setup.h"

typedef struct layout {
    const app *a;
    draw_list *l;   /* NULL: measuring only */
    float u;
    int idx;        /* widgets drawn so far: the focus order */
} layout;

static float label_h(layout *L, float w, const char *text)
{
    ui_ctx ui = app_ui(L->a);
    return fmaxf(30 * L->u, ui_text_h(&ui, text, (int)lroundf(18 * L->u), true, w));
}

/* The section's title; returns where its controls start. */
static float label(layout *L, float x, float y, float w, const char *text)
{
    float h = label_h(L, w, text);
    if (L->l)
        draw_text(L->l, gw_rc(x, y, w, h), text, (int)lroundf(18 * L->u), VALIGN_MIDDLE | (FONT_BOLD << 8),
                  L->a->th->text_dim);
    return y + h + 4 * L->u;
}

static void button(layout *L, const char *id, gw_rect r, const char *label, bool on)
{
    ui_ctx ui = app_ui(L->a);
    if (L->l)
        ui_button(&ui, L->l, id, r, label, L->a->home_focus == L->idx++, on);
}

/* One labelled group of choices, `sel` the chosen one: a row of equal buttons, onto
 * more rows when the labels need it. Returns its height. */
#define MAX_CHOICES 8
static float choices(layout *L, float x, float y, float w, const char *title, const char *prefix,
                     const char *const *keys, const char *const *names, int n, const char *sel)
{
    ui_ctx ui = app_ui(L->a);
    float u = L->u, gap = 10 * u, y0 = y;
    char ids[MAX_CHOICES][DRAW_WIDGET_ID_MAX];
    ui_item it[MAX_CHOICES];
    y = label(L, x, y, w, title);
    for (int i = 0; i < n && i < MAX_CHOICES; i++) {
        snprintf(ids[i], sizeof ids[i], "%s:%s", prefix, keys[i]);
        it[i] = (ui_item){ ids[i], _(names[i]), (w - (float)(n - 1) * gap) / (float)n,
                           L->l && L->a->home_focus == L->idx + i, !strcmp(sel, keys[i]) };
    }
    y += ui_button_flow(&ui, L->l, x, y, w, 56 * u, gap, it, n, true);
    if (L->l)
        L->idx += n;
    return y - y0;
}

/* A value with - and + buttons. */
static float stepper(layout *L, float x, float y, float w, const char *title, const char *id, int pct)
{
    ui_ctx ui = app_ui(L->a);
    float u = L->u, y0 = y;
    char down[DRAW_WIDGET_ID_MAX], up[DRAW_WIDGET_ID_MAX], val[16];
    snprintf(down, sizeof down, "%s:down", id);
    snprintf(up, sizeof up, "%s:up", id);
    /* The text size as a percentage ("150%"); German and Spanish write a no-break space
     * before the sign. */
    snprintf(val, sizeof val, _("%d%%"), pct);
    y = label(L, x, y, w, title);
    float bw = fmaxf(90 * u, ui_button_w(&ui, "+", 90 * u));
    float bh = fmaxf(56 * u, ui_text_h(&ui, val, (int)lroundf(24 * u), true, 0) + 8 * u);
    button(L, down, gw_rc(x, y, bw, bh), "–", false);
    if (L->l)
        draw_text(L->l, gw_rc(x + bw, y, w - 2 * bw, bh), val, (int)lroundf(24 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), L->a->th->text);
    button(L, up, gw_rc(x + w - bw, y, bw, bh), "+", false);
    return y + bh - y0;
}

/* The crisis line's countries in the order the settings step through them: "" (from
 * the locale), each country with a line of its own in the locales files, "*" (another
 * country: the general line). Returns how many (at most max). */
#define MAX_REGIONS 48
static int region_choices(const app *a, char (*out)[4], int max)
{
    snprintf(out[0], sizeof out[0], "%s", "");
    int n = 1 + locales_regions(&a->loc, out + 1, max - 2);
    n = n > max - 1 ? max - 1 : n;
    snprintf(out[n], sizeof out[n], "%s", "*");
    return n + 1;
}

/* A region's name in the interface's language ("*": another country). */
static const char *region_label(const app *a, const char *r)
{
    const char *name = r[0] && strcmp(r, "*") ? locales_region_name(&a->loc, r, a->lang) : NULL;
    return name ? name : r[0] && strcmp(r, "*") ? r : _("Another country");
}

/* The crisis line's country: the one in effect between Previous and Next. */
static float country(layout *L, float x, float y, float w)
{
    ui_ctx ui = app_ui(L->a);
    const app *a = L->a;
    float u = L->u, y0 = y;
    char val[160], r[8];
    if (a->set.region[0])
        snprintf(val, sizeof val, "%s", region_label(a, a->set.region));
    else {
        app_region_auto(a, r, sizeof r);
        snprintf(val, sizeof val, _("Automatic: %s"), region_label(a, r));
    }
    y = label(L, x, y, w, _("Country for the crisis line"));
    int px = (int)lroundf(22 * u);
    float bw = fmaxf(90 * u, ui_button_w(&ui, "›", 90 * u));
    float bh = fmaxf(56 * u, ui_text_h(&ui, val, px, true, w - 2 * bw - 16 * u) + 8 * u);
    bool rtl = i18n_is_rtl(a->lang); /* the layout is mirrored: each arrow points outwards */
    button(L, "region:previous", gw_rc(x, y, bw, bh), rtl ? "›" : "‹", false);
    if (L->l)
        draw_text(L->l, gw_rc(x + bw + 8 * u, y, w - 2 * bw - 16 * u, bh), val, px,
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), a->th->text);
    button(L, "region:next", gw_rc(x + w - bw, y, bw, bh), rtl ? "‹" : "›", false);
    return y + bh - y0;
}

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

/* Reminders: on or off and the time on one row, then how they are sent (a systemd
 * user timer, or at login where there is none) or what a plan proposes. */
static float reminders(layout *L, float x, float y, float w)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    const settings *s = &a->set;
    float u = L->u, y0 = y, gap = 10 * u;
    unsigned days;
    int min;
    days_and_time_shown(a, &days, &min);
    y = label(L, x, y, w, _("Reminders"));
    /* the switch, then hours and minutes each with - and + */
    const char *onoff = s->remind_on ? _("On") : _("Off");
    char hh[16], mm[16];
    snprintf(hh, sizeof hh, "%02d", (min / 60) % 24);
    snprintf(mm, sizeof mm, "%02d", (min % 60 + 60) % 60);
    int px = (int)lroundf(24 * u);
    float vw = fmaxf(52 * u, ui_text_w(&ui, "00", px, true) + 16 * u), cw = 18 * u;
    float sb = fmaxf(48 * u, ui_button_w(&ui, "+", 48 * u));
    float tw = 4 * sb + 2 * vw + cw;
    float ow = fmaxf(w - tw - 2 * gap, fminf(ui_button_w(&ui, onoff, 100 * u), w - tw - 2 * gap));
    bool stack = ow < 90 * u; /* no room beside the time: the switch above it */
    if (stack)
        ow = w;
    float bh = fmaxf(56 * u, fmaxf(ui_button_h(&ui, onoff, ow, 56 * u), ui_text_h(&ui, hh, px, true, 0) + 8 * u));
    button(L, "reminders", gw_rc(x, y, stack ? w : ow, bh), onoff, s->remind_on);
    float ty = stack ? y + bh + gap : y, tx = stack ? x : x + w - tw;
    const char *ids[4] = { "remind-hour:down", "remind-hour:up", "remind-minute:down", "remind-minute:up" };
    const char *val[2] = { hh, mm };
    for (int k = 0; k < 2; k++) {
        /* hours stay left of minutes when the screen is mirrored (right to left) */
        float bx = tx + (float)(a->rtl ? 1 - k : k) * (2 * sb + vw + cw);
        button(L, ids[2 * k], gw_rc(bx, ty, sb, bh), "–", false);
        if (L->l)
            draw_text(L->l, gw_rc(bx + sb, ty, vw, bh), val[k], px, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
                      a->th->text);
        button(L, ids[2 * k + 1], gw_rc(bx + sb + vw, ty, sb, bh), "+", false);
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

/* The reminder days: a button each, lit when chosen, onto more rows when needed. */
static float reminder_days(layout *L, float x, float y, float w)
{
    static const char *const DAYK[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    static const char *const DAYN[7] = { NC_("short weekday", "Mon"), NC_("short weekday", "Tue"),
                                         NC_("short weekday", "Wed"), NC_("short weekday", "Thu"),
                                         NC_("short weekday", "Fri"), NC_("short weekday", "Sat"),
                                         NC_("short weekday", "Sun") };
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    float u = L->u, y0 = y;
    unsigned days;
    int min;
    days_and_time_shown(a, &days, &min);
    y = label(L, x, y, w, _("Reminder days"));
    char dids[7][DRAW_WIDGET_ID_MAX];
    ui_item it[7];
    for (int i = 0; i < 7; i++) {
        snprintf(dids[i], sizeof dids[i], "remind-day:%s", DAYK[i]);
        it[i] = (ui_item){ dids[i], i18n_ctx(DAYN[i]), (w - 6 * 6 * u) / 7, L->l && a->home_focus == L->idx + i,
                           remind_on_day(days, i) };
    }
    y += ui_button_flow(&ui, L->l, x, y, w, 48 * u, 6 * u, it, 7, true);
    if (L->l)
        L->idx += 7;
    return y - y0;
}

/* Turns reminders on or off, or changes their days or time (then installed again). */
static bool reminder_pressed(app *a, const char *w)
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

/* Reduced motion and check-ins: two switches side by side, titles level. */
static float toggles(layout *L, float x, float y, float w)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    enum { N = 3 };
    float u = L->u, tw = (w - 20 * u * (N - 1)) / N, y0 = y;
    const char *title[N] = { _("Reduced motion"), _("Check-ins"), _("Writing hand") };
    const char *id[N] = { "reduced-motion", "checkins", "handedness" };
    bool on[N] = { a->set.reduced_motion, a->set.checkins, false };
    bool left = !strcmp(a->set.handedness, "left"); /* not asked yet: the right is shown */
    const char *val[N] = { on[0] ? _("On") : _("Off"), on[1] ? _("On") : _("Off"), left ? _("Left") : _("Right") };
    float lh = 0, bh = 56 * u;
    for (int i = 0; i < N; i++) {
        lh = fmaxf(lh, label_h(L, tw, title[i]));
        bh = fmaxf(bh, ui_button_h(&ui, val[i], tw, 56 * u));
    }
    for (int i = 0; i < N; i++) {
        float tx = x + (float)i * (tw + 20 * u);
        if (L->l)
            draw_text(L->l, gw_rc(tx, y, tw, lh), title[i], (int)lroundf(18 * u), VALIGN_BOTTOM | (FONT_BOLD << 8),
                      a->th->text_dim); /* each just above its button, when one takes two lines */
        button(L, id[i], gw_rc(tx, y + lh + 4 * u, tw, bh), val[i], on[i]);
    }
    return lh + 4 * u + bh + (y - y0);
}

/* The export view: open, and what the last export did (where the file is, or why
 * there is none). Cleared on entering the screen. */
static struct share_state {
    bool open;
    char msg[PATH_MAX + 1024];
    bool failed;
    portal_ask *ask;    /* live: the desktop's Save window is open (asked on a thread) */
    export_req req;     /* what it was asked for */
} share;

/* Where the practice log is kept, "Export my practice log" and "Delete all my data". */
static float data_panel(layout *L, float x, float y, float w)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    float u = L->u, ip = 24 * u;
    char where[PATH_MAX + 100];
    const char *dir = paths_user_data_dir();
    snprintf(where, sizeof where, _("Your practice log is kept only on this computer, in %s."), dir ? dir : "?");
    const char *del = _("Delete all my data"), *exp = _("Export my practice log");
    int px = (int)lroundf(17 * u);
    float ew = ui_button_w(&ui, exp, 240 * u), dw = ui_button_w(&ui, del, 240 * u), bgap = 16 * u;
    float bw = ew + bgap + dw;        /* the two buttons side by side */
    float tw = w - ip - bw - 56 * u;  /* the text beside them, as at 100% */
    /* the text under the button when beside it would be too narrow (or a word in
     * it, such as a long folder name, wider than the room) */
    bool stacked = tw < w * 0.35f || ui_measure(&ui, where, px, false, tw).w > tw;
    /* stacked, the buttons share a row, or one above the other when they do not fit */
    bool column = stacked && bw > w - 2 * ip;
    if (stacked) {
        tw = w - 2 * ip;
        if (column)
            ew = dw = fminf(fmaxf(ew, dw), w - 2 * ip);
    }
    float bh = fmaxf(ui_button_h(&ui, del, dw, 56 * u), ui_button_h(&ui, exp, ew, 56 * u));
    float th = ui_text_h(&ui, where, px, false, tw);
    float bhs = column ? 2 * bh + bgap : bh;
    float h = stacked ? th + bhs + 3 * ip : fmaxf(92 * u, fmaxf(th, bh) + 36 * u);
    if (L->l) {
        draw_rect(L->l, gw_rc(x, y, w, h), 18 * u, a->th->surface);
        if (stacked) {
            float by = y + 2 * ip + th, right = x + w - ip;
            draw_text(L->l, gw_rc(x + ip, y + ip, tw, th), where, px, VALIGN_MIDDLE, a->th->text_dim);
            if (column) {
                button(L, "export", gw_rc(right - ew, by, ew, bh), exp, false);
                button(L, "delete-data", gw_rc(right - dw, by + bh + bgap, dw, bh), del, false);
            } else {
                button(L, "export", gw_rc(right - dw - bgap - ew, by, ew, bh), exp, false);
                button(L, "delete-data", gw_rc(right - dw, by, dw, bh), del, false);
            }
        } else {
            float right = x + w - 20 * u, by = y + (h - bh) / 2;
            draw_text(L->l, gw_rc(x + ip, y, tw, h), where, px, VALIGN_MIDDLE, a->th->text_dim);
            button(L, "export", gw_rc(right - dw - bgap - ew, by, ew, bh), exp, false);
            button(L, "delete-data", gw_rc(right - dw, by, dw, bh), del, false);
        }
    }
    return h;
}

/* "Export my practice log": the whole log (CSV or JSON) or the therapist's summary
 * (PDF, 7 or 30 days), and what the last one did. A page of its own, below the top
 * bar; the explanation gets smaller before anything is cut when the text is large. */
static void share_view(const app *a, draw_list *l, layout *L)
{
    ui_ctx ui = app_ui(a);
    static const char *const EK[] = { "csv", "json" };
    static const char *const EN[] = { N_("CSV (spreadsheet)"), N_("JSON") };
    static const char *const SK[] = { "7", "30" };
    static const char *const SN[] = { N_("Last 7 days"), N_("Last 30 days") };
    float u = L->u, W = (float)a->w, H = (float)a->h;
    float top = ui_top_bar_focus(&ui, l, _("Export my practice log"), a->home_focus);
    L->idx = 2; /* Back and Help */
    float w = fminf(W - 120 * u, 960 * u), x = (W - w) / 2, y = top + 10 * u;
    const char *body = _("A copy of your practice log, for yourself or your therapist. You choose where it is "
                         "saved; without a save window it goes to your documents folder. Nothing is sent anywhere.");
    int bpx = (int)lroundf(17 * u), mpx = (int)lroundf(16 * u);
    layout M = { a, NULL, u, 0 };
    float groups = choices(&M, x, 0, w, _("The whole log"), "export", EK, EN, 2, "") + 10 * u +
                   choices(&M, x, 0, w, _("A summary for my therapist (PDF)"), "summary", SK, SN, 2, "");
    float mh = share.msg[0] ? ui_text_h(&ui, share.msg, mpx, false, w) + 12 * u : 0;
    float room = H - 16 * u - y - groups - mh - 14 * u;
    if (ui_text_h(&ui, body, bpx, false, w) > room)
        bpx = ui_fit_px(&ui, body, bpx, ui_min_px(&ui, bpx), false, w, room);
    float bh = ui_text_h(&ui, body, bpx, false, w);
    draw_text(l, gw_rc(x, y, w, bh), body, bpx, VALIGN_TOP, a->th->text_dim);
    y += bh + 14 * u;
    y += choices(L, x, y, w, _("The whole log"), "export", EK, EN, 2, "") + 10 * u;
    y += choices(L, x, y, w, _("A summary for my therapist (PDF)"), "summary", SK, SN, 2, "");
    if (share.msg[0])
        draw_text(l, gw_rc(x, y + 12 * u, w, mh - 12 * u), share.msg, mpx, VALIGN_TOP,
                  share.failed ? a->th->focus : a->th->text);
}

static void confirm(const app *a, draw_list *l, layout *L)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = L->u, W = (float)a->w, H = (float)a->h;
    const char *title = _("Delete all your data?");
    const char *body = _("Your practice log (every session and check-in) and your favourites will be deleted from "
                         "this computer. This cannot be undone.");
    const char *keep = _("Keep my data"), *del = _("Delete");
    float w = fminf(W - 40 * u, fmaxf(640 * u, 2 * fmaxf(ui_button_w(&ui, keep, 0), ui_button_w(&ui, del, 0)) + 100 * u));
    float x = (W - w) / 2, iw = w - 80 * u;
    int tpx = (int)lroundf(30 * u), bpx = (int)lroundf(19 * u);
    float th = fmaxf(50 * u, ui_text_h(&ui, title, tpx, true, iw));
    float bh_txt = fmaxf(90 * u, ui_text_h(&ui, body, bpx, false, iw));
    float bw = (w - 100 * u) / 2;
    float bh = fmaxf(60 * u, fmaxf(ui_button_h(&ui, keep, bw, 60 * u), ui_button_h(&ui, del, bw, 60 * u)));
    float h = fmaxf(300 * u, 24 * u + th + 10 * u + bh_txt + 30 * u + bh + 30 * u);
    if (h > H - 20 * u) { /* no room: the explanation a little smaller */
        float room = H - 20 * u - (24 * u + th + 10 * u + 30 * u + bh + 30 * u);
        bpx = ui_fit_px(&ui, body, bpx, ui_min_px(&ui, bpx), false, iw, room);
        bh_txt = fminf(room, ui_text_h(&ui, body, bpx, false, iw));
        h = H - 20 * u;
    }
    float y = (H - h) / 2;
    draw_rect(l, gw_rc(x, y, w, h), 22 * u, t->surface);
    draw_text(l, gw_rc(x + 30 * u, y + 24 * u, w - 60 * u, th), title, tpx,
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(x + 40 * u, y + 24 * u + th + 10 * u, iw, bh_txt), body, bpx, ALIGN_CENTER | VALIGN_TOP,
              t->text_dim);
    button(L, "delete-cancel", gw_rc(x + 40 * u, y + h - 30 * u - bh, bw, bh), keep, false);
    button(L, "delete-confirm", gw_rc(x + w / 2 + 10 * u, y + h - 30 * u - bh, bw, bh), del, true);
}

/* The screen's sections: two columns (one when narrow), the data panel across the
 * bottom. With large text they may not all fit: then they run down one column and
 * the next, onto more pages, whole sections at a time, with Previous page and Next
 * page at the bottom. */
enum { NSEC = 11, PANEL = NSEC, LEFT = 5 /* sections in the left column */ };

static float section(layout *L, int k, float x, float y, float w)
{
    const app *a = L->a;
    static const char *const TK[] = { "calm", "light", "contrast" };
    static const char *const TN[] = { N_("Calm"), N_("Light"), N_("High contrast") };
    static const char *const LK[] = { "auto", "en", "es", "de", "ar" };
    static const char *const LN[] = { N_("Automatic"), N_("English"), N_("Español"), N_("Deutsch"), N_("العربية") };
    static const char *const PN[PACER_STYLE_COUNT] = { N_("Orb"), N_("Box"), N_("Wave"), N_("Tube"), N_("Calm") };
    switch (k) {
    case 0: return choices(L, x, y, w, _("Theme"), "theme", TK, TN, 3, a->th->name); /* in effect (--theme too) */
    case 1: return stepper(L, x, y, w, _("Text size"), "text-size", app_text_pct(a));
    case 2: return toggles(L, x, y, w);
    case 3: { /* the language in effect: --lang for this run, else the setting */
        char cur[3] = "";
        if (a->lang_arg)
            snprintf(cur, sizeof cur, "%.2s", a->lang);
        return choices(L, x, y, w, _("Language"), "language", LK, LN, 5,
                       cur[0] ? cur : a->set.lang[0] ? a->set.lang : "auto");
    }
    case 4: {
        const char *pk[PACER_STYLE_COUNT];
        for (int i = 0; i < PACER_STYLE_COUNT; i++)
            pk[i] = pacer_style_name(i);
        return choices(L, x, y, w, _("Breathing pacer"), "pacer", pk, PN, PACER_STYLE_COUNT, a->set.pacer);
    }
    case 5: return stepper(L, x, y, w, _("Cue sounds"), "volume:cues", a->set.vol_cues);
    case 6: return stepper(L, x, y, w, _("Voice"), "volume:voice", a->set.vol_voice);
    case 7: return stepper(L, x, y, w, _("Background sound"), "volume:ambience", a->set.vol_ambience);
    case 8: return country(L, x, y, w);
    case 9: return reminders(L, x, y, w);
    case 10: return reminder_days(L, x, y, w);
    default: return data_panel(L, x, y, w);
    }
}

typedef struct pages {
    int n;                    /* pages */
    int page[NSEC + 1];       /* the page and column of each section and of the panel */
    int col[NSEC + 1];
    bool flow;                /* false: the one-page arrangement, the panel across the bottom */
    float top, bottom, x0, x1, cw, pw, sgap, pgap;
    bool two;
    float nav_h;              /* height of the page controls (0: one page) */
} pages;

static float nav_height(const app *a, float u)
{
    ui_ctx ui = app_ui(a);
    const char *lab[2] = { _("Previous page"), _("Next page") };
    float h = 60 * u;
    for (int i = 0; i < 2; i++)
        h = fmaxf(h, ui_button_h(&ui, lab[i], ui_button_w(&ui, lab[i], 200 * u), 60 * u));
    return h;
}

/* One page: the first LEFT sections on the left, the others on the right (all in one
 * column when narrow), the panel below across both. */
static bool place_one(const app *a, pages *P)
{
    layout M = { a, NULL, app_unit(a), 0 };
    float y[2] = { P->top, P->top };
    for (int k = 0; k < NSEC; k++) {
        int c = P->two && k >= LEFT;
        P->page[k] = 0;
        P->col[k] = c;
        y[c] += section(&M, k, 0, 0, P->cw) + P->sgap;
    }
    P->page[PANEL] = P->col[PANEL] = 0;
    P->n = 1;
    P->flow = false;
    /* the gap above the panel closes up to half before the panel goes to a page of its own */
    float need = fmaxf(y[0], y[1]) - P->sgap + section(&M, PANEL, 0, 0, P->pw);
    if (need + P->pgap > P->bottom && need + P->pgap / 2 <= P->bottom)
        P->pgap = P->bottom - need;
    return need + P->pgap <= P->bottom;
}

/* Pages: the sections in order down the first column, then the second, then the next
 * page; the panel across both columns below them on the last page, or on a page of
 * its own. */
static void place_flow(const app *a, pages *P)
{
    layout M = { a, NULL, app_unit(a), 0 };
    int page = 0, col = 0, ncol = P->two ? 2 : 1;
    float y = P->top, low = P->top;
    for (int k = 0; k < NSEC; k++) {
        float h = section(&M, k, 0, 0, P->cw);
        if (y > P->top && y + h > P->bottom) {
            if (++col == ncol) {
                col = 0;
                page++;
                low = P->top;
            }
            y = P->top;
        }
        P->page[k] = page;
        P->col[k] = col;
        y += h + P->sgap;
        low = fmaxf(low, y - P->sgap);
    }
    if (low + P->pgap + section(&M, PANEL, 0, 0, P->pw) > P->bottom)
        page++;
    P->page[PANEL] = page;
    P->col[PANEL] = 0;
    P->n = page + 1;
    P->flow = true;
}

static pages paginate(const app *a, float top)
{
    pages P;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float pad = 60 * u, gap = 60 * u;
    P.two = (W - 2 * pad - gap) / 2 >= 380 * u;
    P.cw = P.two ? (W - 2 * pad - gap) / 2 : W - 2 * pad;
    P.pw = W - 2 * pad;
    P.x0 = pad;
    P.x1 = P.two ? pad + P.cw + gap : pad;
    P.top = top + 6 * u;
    /* more room between sections as the text grows */
    P.sgap = 10 * u * fmaxf(1.f, a->text_scale);
    P.pgap = 34 * u;
    P.nav_h = 0;
    P.bottom = H - 24 * u;
    if (!place_one(a, &P)) {
        P.nav_h = nav_height(a, u);
        P.bottom -= P.nav_h + 16 * u;
        place_flow(a, &P);
    }
    return P;
}

static void nav(const app *a, draw_list *l, layout *L, const pages *P, int page)
{
    ui_ctx ui = app_ui(a);
    float u = L->u, W = (float)a->w, H = (float)a->h;
    float bh = P->nav_h, y = H - 24 * u - bh, gap = 20 * u;
    char where[64];
    snprintf(where, sizeof where, _("Page %d of %d"), page + 1, P->n);
    const char *prev = _("Previous page"), *next = _("Next page");
    float pw = ui_button_w(&ui, prev, 200 * u), nw = ui_button_w(&ui, next, 200 * u);
    float mid = fmaxf(ui_text_w(&ui, where, (int)lroundf(20 * u), false), 140 * u);
    float total = pw + nw + mid + 2 * gap;
    float x = (W - total) / 2;
    if (page > 0)
        button(L, "page:previous", gw_rc(x, y, pw, bh), prev, false);
    draw_text(l, gw_rc(x + pw + gap, y, mid, bh), where, (int)lroundf(20 * u), ALIGN_CENTER | VALIGN_MIDDLE,
              a->th->text_dim);
    if (page + 1 < P->n)
        button(L, "page:next", gw_rc(x + pw + mid + 2 * gap, y, nw, bh), next, true);
}

static void draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w;
    layout L = { a, l, u, 0 };
    if (a->confirm_delete) {
        confirm(a, l, &L);
        return;
    }
    if (share.open) {
        share_view(a, l, &L);
        return;
    }
    float top = ui_top_bar_focus(&ui, l, _("Settings"), a->home_focus);
    L.idx = 2; /* Back and Help are widgets 0 and 1 */
    pages P = paginate(a, top);
    int page = a->settings_page < 0 ? 0 : a->settings_page >= P.n ? P.n - 1 : a->settings_page;
    float y[2] = { P.top, P.top };
    for (int k = 0; k < NSEC; k++)
        if (P.page[k] == page) {
            int c = P.col[k];
            y[c] += section(&L, k, c ? P.x1 : P.x0, y[c], P.cw) + P.sgap;
        }
    if (P.page[PANEL] == page) {
        float below = fmaxf(y[0], y[1]) - P.sgap;
        section(&L, PANEL, P.x0, below > P.top ? below + P.pgap : P.top, P.pw);
    }
    if (P.n > 1)
        nav(a, l, &L, &P, page);
    if (a->notice[0])
        draw_text(l, gw_rc(60 * u, top - 22 * u, W - 120 * u, 24 * u), a->notice, (int)lroundf(15 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->focus);
}

static void enter(app *a)
{
    a->home_focus = 0;
    a->confirm_delete = false;
    a->settings_page = 0;
    share.open = share.ask != NULL; /* a Save window still open: its page stays */
    if (!share.ask)
        share.msg[0] = 0;
}

static int page_count(app *a)
{
    ui_ctx ui = app_ui(a);
    draw_list tmp = { 0 };
    draw_begin(&tmp, a->w, a->h, a->th->bg);
    int n = paginate(a, ui_top_bar(&ui, &tmp, _("Settings"))).n;
    draw_free(&tmp);
    return n;
}

/* To the next (+1) or previous (-1) page; the focus on its first control. */
static void turn_page(app *a, int by)
{
    int n = page_count(a), p = a->settings_page + by;
    p = p < 0 ? 0 : p >= n ? n - 1 : p;
    if (p != a->settings_page) {
        a->settings_page = p;
        a->home_focus = 2;
    }
}

static int step(int v, int by, int lo, int hi) { return v + by < lo ? lo : v + by > hi ? hi : v + by; }

static void delete_all(app *a)
{
    a->confirm_delete = false;
    a->home_focus = 0;
    app_home_delete_all(a);
}

/* To the next (+1) or previous (-1) country for the crisis line, round the list. */
static void step_region(app *a, int by)
{
    char rs[MAX_REGIONS][4];
    int n = region_choices(a, rs, MAX_REGIONS), at = 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(rs[i], a->set.region))
            at = i;
    settings *s = app_settings_edit(a);
    snprintf(s->region, sizeof s->region, "%s", rs[(at + by + n) % n]);
}

/* The Save window was answered: the export is written (or not) and the page says so. */
static void share_done(app *a)
{
    char path[PATH_MAX] = "", why[512] = "";
    portal_result pr = portal_ask_end(share.ask, path, sizeof path, why, sizeof why);
    share.ask = NULL;
    share.failed = !app_export_finish(a, &share.req, pr, path, why, share.msg, sizeof share.msg);
    a->ui_stale = true;
}

static void update(app *a)
{
    if (share.ask && portal_ask_wait(share.ask, 0) == PORTAL_DONE)
        share_done(a);
}

/* While a Save window is open, its answer is looked for four times a second. */
static gw_ns next_change(const app *a) { return share.ask ? a->now + GW_MSEC(250) : GW_NEVER; }

static void activate(app *a, const char *w)
{
    settings *s = app_settings_edit(a);
    char key[16] = "";
    if (share.open && share.ask && (!strcmp(w, "back") || !strncmp(w, "export:", 7) || !strncmp(w, "summary:", 8))) {
        /* one Save window at a time, and its page stays until it is answered */
        snprintf(share.msg, sizeof share.msg, "%s",
                 _("The save window is still open: choose where to save it there, or close it."));
        share.failed = false;
        a->ui_stale = true;
        return;
    }
    if (share.open && !strcmp(w, "back")) { /* from the export page to the settings */
        share.open = false;
        share.msg[0] = 0;
        a->home_focus = 0;
        return;
    }
    if (!strcmp(w, "back")) {
        app_go(a, SCENE_LIBRARY);
        return;
    }
    if (!strcmp(w, "export")) {
        share.open = true;
        share.msg[0] = 0;
        a->home_focus = 2; /* the first export */
        return;
    }
    if (share.open && (!strcmp(w, "export:csv") || !strcmp(w, "export:json") || !strcmp(w, "summary:7") ||
                       !strcmp(w, "summary:30"))) {
        export_kind k = w[0] == 's' ? EXPORT_SUMMARY : w[7] == 'j' ? EXPORT_JSON : EXPORT_CSV;
        int days = w[0] == 's' ? atoi(w + 8) : 0;
        a->ui_stale = true;
        app_export_prepare(a, k, days, &share.req);
        share.ask = app_export_is_async() ? portal_ask_start(share.req.title, share.req.name, APP_EXPORT_ANSWER_MS,
                                                             APP_EXPORT_CHOOSE_MS)
                                          : NULL;
        if (!share.ask) { /* play and tests, or no thread: waits for the portal */
            share.failed = !app_export(a, k, days, share.msg, sizeof share.msg);
            return;
        }
        /* no bus, no portal, or one that does not answer: settled here, within its 3 s */
        if (portal_ask_wait(share.ask, APP_EXPORT_ANSWER_MS + 500) == PORTAL_DONE)
            share_done(a);
        else {
            snprintf(share.msg, sizeof share.msg, "%s", _("Choose where to save it in the window that opened."));
            share.failed = false;
        }
        return;
    }
    if (!strcmp(w, "page:next") || !strcmp(w, "page:previous")) {
        turn_page(a, w[5] == 'n' ? 1 : -1);
        return;
    }
    if (!strcmp(w, "delete-data")) {
        a->confirm_delete = true;
        a->home_focus = 0; /* "Keep my data" first */
        return;
    }
    if (!strcmp(w, "delete-cancel")) {
        a->confirm_delete = false;
        return;
    }
    if (!strcmp(w, "delete-confirm")) {
        delete_all(a);
        return;
    }
    if (reminder_pressed(a, w))
        return;
    if (sscanf(w, "theme:%15s", key) == 1)
        snprintf(s->theme, sizeof s->theme, "%s", key);
    else if (!strcmp(w, "text-size:down") || !strcmp(w, "text-size:up")) {
        /* from the size shown, which is the one in effect */
        s->text_pct = step(app_text_pct(a), w[10] == 'u' ? 25 : -25, 100, 200);
        a->text_pct_arg = 0; /* the person chose: --text-size no longer applies */
    } else if (!strcmp(w, "reduced-motion"))
        s->reduced_motion = !s->reduced_motion;
    else if (!strcmp(w, "checkins"))
        s->checkins = !s->checkins;
    else if (!strcmp(w, "handedness"))
        snprintf(s->handedness, sizeof s->handedness, "%s", strcmp(s->handedness, "left") ? "left" : "right");
    else if (!strcmp(w, "region:previous") || !strcmp(w, "region:next"))
        step_region(a, w[7] == 'n' ? 1 : -1);
    else if (sscanf(w, "language:%15s", key) == 1) {
        snprintf(s->lang, sizeof s->lang, "%s", strcmp(key, "auto") ? key : "");
        a->lang_arg = false; /* the person chose: --lang no longer applies */
        if (s->lang[0])
            snprintf(a->lang, sizeof a->lang, "%s", s->lang);
        else
            i18n_lang_from_env(a->lang, sizeof a->lang);
        app_lang_changed(a);
    } else if (sscanf(w, "pacer:%15s", key) == 1)
        snprintf(s->pacer, sizeof s->pacer, "%s", key);
    else if (!strncmp(w, "volume:", 7)) {
        int *v = !strncmp(w + 7, "cues", 4) ? &s->vol_cues : !strncmp(w + 7, "voice", 5) ? &s->vol_voice
                                                                                         : &s->vol_ambience;
        *v = step(*v, strstr(w, ":up") ? 10 : -10, 0, 100);
    } else
        return;
    app_settings_changed(a);
    trace_begin(a->tr, a->now, "setting");
    trace_str(a->tr, "widget", w);
    trace_end(a->tr);
}

static bool event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY && !a->confirm_delete && !share.open &&
        (!strcmp(e->key, "PageDown") || !strcmp(e->key, "PageUp"))) {
        turn_page(a, e->key[4] == 'D' ? 1 : -1);
        a->ui_stale = true;
        return true;
    }
    return app_home_nav(a, &a->home_focus, e, a->confirm_delete ? "delete-cancel" : "back");
}

const scene_vt scene_settings = {
    .id = SCENE_SETTINGS,
    .name = "settings",
    .enter = enter,
    .event = event,
    .activate = activate,
    .update = update,
    .draw = draw,
    .next_change = next_change,
};
