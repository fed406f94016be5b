/* settings_hr: the settings screen's "Heart-rate sensor" row and page (see
 * settings_hr.h). The back-end (plat_hr through app_hr.c) starts when the page opens or
 * when a sensor was chosen before; drawing only reads where it stands. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app_hr.h"
#include "app/settings_hr.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "platform/plat_hr.h"

bool hr_row_shown(const app *a) { return app_personal(a) && !app_mode_is(a, MODE_KIOSK); }

float hr_row(sform *L, float x, float y, float w)
{
    const app *a = L->a;
    if (!hr_row_shown(a))
        return 0;
    ui_ctx ui = app_ui(a);
    float u = L->u, y0 = y;
    const char *title = _("Heart-rate sensor");
    const char *label = a->set.hr_sensor[0] ? _("Change or forget the sensor") : _("Choose a sensor");
    float bw = fminf(w, ui_button_w(&ui, label, 200 * u));
    float bh = fmaxf(56 * u, ui_button_h(&ui, label, bw, 56 * u)), lw = w - bw - 16 * u;
    if (L->beside && ui_text_w(&ui, title, (int)lroundf(18 * u), true) <= lw) {
        /* large text: the title beside the button, the button at the row's end */
        float h = fmaxf(bh, sform_label_h(L, lw, title));
        if (L->l)
            draw_text(L->l, gw_rc(x, y, lw, h), title, (int)lroundf(18 * u), VALIGN_MIDDLE | (FONT_BOLD << 8),
                      a->th->text_dim);
        sform_button(L, "hr-sensor", gw_rc(x + w - bw, y + (h - bh) / 2, bw, bh), label, false);
        sform_describe(L, ROLE_BUTTON, title, label);
        return h;
    }
    y = sform_label(L, x, y, w, title);
    sform_button(L, "hr-sensor", gw_rc(x, y, bw, bh), label, false);
    sform_describe(L, ROLE_BUTTON, title, label);
    return y + bh - y0;
}

/* Where the sensor stands, in one line for a person (translated). */
static void state_line(const app *a, char *out, size_t n)
{
    int why = HR_WHY_NONE;
    int st = app_hr_status(a, &why);
    const char *t;
    switch (st) {
    case HR_UNAVAILABLE:
        t = why == APP_HR_NOT_THIS_RUN ? _("A heart-rate sensor is not used in this run.")
          : why == HR_WHY_NO_ADAPTER ? _("This computer has no Bluetooth adapter.")
          : why == HR_WHY_OFF        ? _("Bluetooth is switched off. Switch it on in the system's settings.")
          : why == HR_WHY_REFUSED    ? _("Bluetooth refused this program: it has no permission to use it.")
                                     : _("No Bluetooth service is running on this computer.");
        break;
    case HR_IDLE:
        t = a->set.hr_sensor[0] ? _("Connecting to your sensor…") : _("No sensor chosen.");
        break;
    case HR_SEARCHING: t = _("Your sensor is out of reach. Put it on and bring it closer."); break;
    case HR_CONNECTING: t = _("Connecting to your sensor…"); break;
    case HR_RECEIVING: {
        int bpm = app_hr_heart_rate(a);
        if (bpm > 0) {
            /* The sensor's state with the heart rate it sends now ("Connected: 72 beats a minute."). */
            snprintf(out, n, P_("Connected: %d beat a minute.", "Connected: %d beats a minute.", bpm), bpm);
            return;
        }
        t = _("Connected.");
        break;
    }
    default: t = _("Looking at Bluetooth…");
    }
    snprintf(out, n, "%s", t);
}

static bool usable(const app *a)
{
    int st = app_hr_status(a, NULL);
    return st != HR_UNAVAILABLE && st != HR_STARTING;
}

void hr_page_draw(const app *a, draw_list *l, sform *L, const hr_page *p)
{
    ui_ctx ui = app_ui(a);
    float u = L->u, W = (float)a->w, H = (float)a->h, gap = 12 * u;
    float top = ui_top_bar_focus(&ui, l, _("Heart-rate sensor"), L->focus);
    L->idx = 2; /* Back and Help */
    float w = fminf(W - 120 * u, 960 * u), x = (W - w) / 2, y = top + 10 * u;
    const char *body = _("For the resonance assessment and the heart-rate line while you breathe: any Bluetooth "
                         "heart-rate strap or arm band. Only its address is kept, on this computer.");
    char state[200];
    state_line(a, state, sizeof state);
    bool scanning = app_hr_scanning(a), can = usable(a);
    const char *scan = scanning ? _("Stop looking") : _("Look for sensors");
    const char *forget = _("Forget sensor");
    bool chosen = a->set.hr_sensor[0] != 0;
    int bpx = (int)lroundf(17 * u), spx = (int)lroundf(21 * u), hpx = (int)lroundf(17 * u);
    /* the buttons side by side, one above the other when they do not fit */
    float sw = fminf(w, ui_button_w(&ui, scan, 220 * u)), fw = fminf(w, ui_button_w(&ui, forget, 200 * u));
    float bh = fmaxf(56 * u, fmaxf(ui_button_h(&ui, scan, sw, 56 * u), ui_button_h(&ui, forget, fw, 56 * u)));
    bool both = can && chosen, stack = both && sw + gap + fw > w;
    float buttons = !can && !chosen ? 0 : stack ? 2 * bh + gap : bh;
    float sh = ui_text_h(&ui, state, spx, true, w);
    /* the sensors found: as many as there is room for below */
    plat_hr_device d[PLAT_HR_DEVICES];
    int nd = can ? app_hr_devices(a, d, PLAT_HR_DEVICES) : 0;
    const char *hint = scanning && !nd ? _("Looking… Put your sensor on (a chest strap's pads moist) so that it wakes.")
                     : p->looked && !nd && can ? _("No sensor was found. Put it on and look again.")
                                               : NULL;
    float hh = hint ? ui_text_h(&ui, hint, hpx, false, w) + gap : 0;
    float dh = 56 * u;
    for (int i = 0; i < nd; i++)
        dh = fmaxf(dh, ui_button_h(&ui, d[i].name, w, 56 * u));
    float list_h = nd ? sform_label_h(L, w, _("Sensors found")) + 4 * u + fminf((float)nd, 2.f) * (dh + 8 * u) : 0;
    float room = H - 16 * u - y - (sh + gap) - (buttons ? buttons + 2 * gap : 0) - hh - list_h - 14 * u;
    if (ui_text_h(&ui, body, bpx, false, w) > room)
        bpx = ui_fit_px(&ui, body, bpx, ui_min_px(&ui, bpx), false, w, room);
    float th = ui_text_h(&ui, body, bpx, false, w);
    draw_text(l, gw_rc(x, y, w, th), body, bpx, VALIGN_TOP, a->th->text_dim);
    y += th + 14 * u;
    draw_text(l, gw_rc(x, y, w, sh), state, spx, VALIGN_TOP | (FONT_BOLD << 8), a->th->text);
    y += sh + gap;
    if (buttons) {
        y += gap;
        if (can) {
            sform_button(L, "hr-scan", gw_rc(x, y, sw, bh), scan, scanning);
            sform_describe(L, ROLE_SWITCH, _("Look for sensors"), scanning ? _("On") : _("Off"));
        }
        if (chosen) {
            gw_rect r = !can ? gw_rc(x, y, fw, bh) : stack ? gw_rc(x, y + bh + gap, fw, bh) : gw_rc(x + sw + gap, y, fw, bh);
            sform_button(L, "hr-forget", r, forget, false);
            sform_describe(L, ROLE_BUTTON, forget, NULL);
        }
        y += buttons + gap;
    }
    if (hint) {
        draw_text(l, gw_rc(x, y, w, hh - gap), hint, hpx, VALIGN_TOP, a->th->text_dim);
        y += hh;
    }
    if (!nd)
        return;
    y = sform_label(L, x, y, w, _("Sensors found"));
    for (int i = 0; i < nd && y + dh <= H - 16 * u; i++) {
        char id[DRAW_WIDGET_ID_MAX], name[200];
        bool on = !strcasecmp(d[i].address, a->set.hr_sensor);
        snprintf(id, sizeof id, "hr-device:%.17s", d[i].address);
        sform_button(L, id, gw_rc(x, y, w, dh), d[i].name, on);
        /* A sensor in the list of those found, as read aloud says it ("Sensors found: Polar H10"). */
        snprintf(name, sizeof name, _("%s: %s"), _("Sensors found"), d[i].name);
        sform_describe(L, ROLE_OPTION, name, on ? _("Selected") : NULL);
        y += dh + 8 * u;
    }
}

static void trace_setting(app *a, const char *w)
{
    trace_begin(a->tr, a->now, "setting");
    trace_str(a->tr, "widget", w);
    trace_end(a->tr);
}

static void keep(app *a, const char *address)
{
    settings *s = app_settings_edit(a);
    snprintf(s->hr_sensor, sizeof s->hr_sensor, "%s", address);
    app_settings_changed(a);
}

static void stop_looking(app *a, hr_page *p)
{
    if (app_hr_scanning(a)) {
        app_hr_scan(a, false);
        p->looked = true;
    }
}

void hr_page_enter(app *a, hr_page *p)
{
    stop_looking(a, p);
    p->open = false;
    p->looked = false;
}

bool hr_page_activate(app *a, hr_page *p, const char *w, int *focus)
{
    if (!strcmp(w, "hr-sensor") && hr_row_shown(a)) {
        app_hr_wake(a); /* the page says where Bluetooth stands */
        p->open = true;
        p->looked = false;
        *focus = 2;
        return true;
    }
    if (!p->open)
        return false;
    if (!strcmp(w, "back")) {
        stop_looking(a, p);
        p->open = false;
        *focus = 0;
        return true;
    }
    if (!strcmp(w, "hr-scan")) {
        bool on = !app_hr_scanning(a);
        if (on) {
            app_hr_scan(a, true);
            p->scan_end = a->now + GW_SEC(HR_SCAN_SECONDS);
        } else
            stop_looking(a, p);
        trace_setting(a, w);
        return true;
    }
    if (!strncmp(w, "hr-device:", 10) && strlen(w + 10) == PLAT_HR_ADDR_MAX - 1) {
        stop_looking(a, p);
        app_hr_use(a, w + 10);
        keep(a, w + 10);
        trace_setting(a, w);
        return true;
    }
    if (!strcmp(w, "hr-forget")) {
        app_hr_use(a, "");
        keep(a, "");
        trace_setting(a, w);
        *focus = usable(a) ? 2 : 0; /* Look for sensors, else Back */
        return true;
    }
    return false;
}

void hr_page_update(app *a, hr_page *p)
{
    if (p->open)
        app_hr_watch(a);
    if (p->open && app_hr_scanning(a) && a->now >= p->scan_end) {
        stop_looking(a, p);
        a->ui_stale = true;
    }
}

gw_ns hr_page_next_change(const app *a, const hr_page *p)
{
    if (!p->open)
        return GW_NEVER;
    int st = app_hr_status(a, NULL);
    bool settled = st == HR_IDLE || st == HR_UNAVAILABLE; /* changes only with Bluetooth itself */
    gw_ns next = a->now + GW_MSEC(app_hr_scanning(a) || !settled ? 250 : 1000);
    return app_hr_scanning(a) && p->scan_end < next ? p->scan_end : next;
}
