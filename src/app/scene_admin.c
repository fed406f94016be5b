/* scene_admin: the kiosk's way out. An on-screen PIN keypad (widgets "pin:0".."pin:9",
 * "pin-back", "pin-ok", "pin-cancel"), which a keyboard's digits (keys or typed
 * text), Backspace and Enter type on too; the digits show as dots. A right PIN ends
 * the program (exit reason "admin"); wrong ones are rate-limited (mode_kiosk checks
 * the PIN and keeps the limit: app_kiosk_pin_submit). The digits typed and the message
 * are the keypad's own state (kiosk_scenes.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/kiosk_scenes.h"
#include "app/mode_kiosk.h"
#include "app/ui.h"
#include "core/i18n.h"

static struct kiosk_admin_st *ST(const app *a) { return app_state(a, SCENE_ADMIN); }

static void admin_enter(app *a)
{
    struct kiosk_admin_st *k = ST(a);
    memset(k->pin, 0, sizeof k->pin);
    k->msg[0] = 0;
}

static void admin_trace_pin(app *a, bool ok, const char *why)
{
    trace_begin(a->tr, a->now, "pin");
    trace_bool(a->tr, "ok", ok);
    if (why)
        trace_str(a->tr, "why", why);
    trace_end(a->tr);
}

static void admin_submit(app *a)
{
    struct kiosk_admin_st *k = ST(a);
    long wait = 0;
    app_kiosk_pin r = app_kiosk_pin_submit(a, k->pin, &wait);
    if (r != APP_KIOSK_PIN_UNSET)
        memset(k->pin, 0, sizeof k->pin);
    switch (r) {
    case APP_KIOSK_PIN_UNSET:
        snprintf(k->msg, sizeof k->msg, "%s", _("No admin PIN is set. Run “groundwork kiosk set-pin”."));
        admin_trace_pin(a, false, "unset");
        break;
    case APP_KIOSK_PIN_LOCKED:
        snprintf(k->msg, sizeof k->msg, _("Too many wrong PINs. Try again in %ld s."), wait);
        admin_trace_pin(a, false, "locked");
        break;
    case APP_KIOSK_PIN_OK:
        admin_trace_pin(a, true, NULL);
        app_request_quit(a, "admin");
        break;
    case APP_KIOSK_PIN_WRONG_LOCKED:
        admin_trace_pin(a, false, "wrong");
        snprintf(k->msg, sizeof k->msg, _("Too many wrong PINs. Try again in %ld s."), wait);
        break;
    case APP_KIOSK_PIN_WRONG:
        admin_trace_pin(a, false, "wrong");
        snprintf(k->msg, sizeof k->msg, "%s", _("That PIN is not right."));
        break;
    }
}

static void admin_activate(app *a, const char *w)
{
    struct kiosk_admin_st *k = ST(a);
    size_t n = strlen(k->pin);
    if (!strncmp(w, "pin:", 4) && w[4] >= '0' && w[4] <= '9' && !w[5]) {
        if (n < KIOSK_PIN_MAX)
            k->pin[n] = w[4];
        k->msg[0] = 0;
    } else if (!strcmp(w, "pin-back")) {
        if (n > 0)
            k->pin[n - 1] = 0;
    } else if (!strcmp(w, "pin-ok")) {
        admin_submit(a);
    } else if (!strcmp(w, "pin-cancel")) {
        app_kiosk_reset(a, "cancel");
    }
}

/* A keyboard types the PIN as the keypad does: the digits of the top row and of the
 * numeric keypad, Backspace, Enter (app_focus_key has pressed a focused key first;
 * typing gives the focus up, so the Enter that follows checks the PIN). A digit comes
 * as a key press and, from the same press, as typed text: the key is taken and its
 * text left; typed text alone is a layout whose digit keys are not named so (French
 * AZERTY: Shift with "&" types 1). The keys are not traced as presses: a trace never
 * holds what was typed. */
static bool admin_event(app *a, const gw_event *e)
{
    struct kiosk_admin_st *k = ST(a);
    char id[16] = "";
    if (e->type == EV_TEXT) {
        bool same = k->typed_key;
        k->typed_key = false;
        if (same || e->text[0] < '0' || e->text[0] > '9' || e->text[1])
            return same;
        snprintf(id, sizeof id, "pin:%c", e->text[0]);
    } else if (e->type != EV_KEY || (e->mods & (GW_MOD_CTRL | GW_MOD_ALT | GW_MOD_GUI)))
        return false;
    else {
        const char *n = !strncmp(e->key, "Keypad ", 7) ? e->key + 7 : e->key;
        k->typed_key = n[0] >= '0' && n[0] <= '9' && !n[1];
        if (k->typed_key)
            snprintf(id, sizeof id, "pin:%c", n[0]);
        else if (!strcmp(e->key, "Backspace"))
            snprintf(id, sizeof id, "pin-back");
        else if (!strcmp(e->key, "Return") || !strcmp(e->key, "Keypad Enter"))
            snprintf(id, sizeof id, "pin-ok");
        else
            return false;
    }
    admin_activate(a, id);
    app_focus_clear(a);
    a->ui_stale = true;
    return true;
}

/* As designed: the title, the dots and the keypad with Cancel beside it. With large
 * text the title and the message take the lines they need and the keypad goes under
 * them (its keys made shorter if the screen needs it); keys are as wide as Delete and
 * OK need; Cancel goes under the keypad when there is no room beside it. */
static void admin_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    const struct kiosk_admin_st *k = ST(a);
    float W = (float)a->w, H = (float)a->h, u = app_unit(a);
    float side = fminf(W, H), pad = 24 * u;
    float b = fmaxf(side * 0.12f, 64 * u), gap = side * 0.02f;
    const char *del = _("Delete"), *ok = _("OK"), *cancel = _("Cancel"), *title = _("Administrator: enter the PIN");
    float kwd = fmaxf(b, fmaxf(ui_button_w(&ui, del, b), ui_button_w(&ui, ok, b)));
    float kw = 3 * kwd + 2 * gap;
    int tpx = (int)lroundf(30 * u), mpx = (int)lroundf(22 * u);
    float tw = W - 2 * pad;
    bool tone = ui_text_w(&ui, title, tpx, true) <= tw;
    float th = fmaxf(side * 0.08f, ui_text_h(&ui, title, tpx, true, tw));
    draw_text(l, gw_rc(pad, side * 0.03f, tw, th), title, tpx,
              ALIGN_CENTER | VALIGN_MIDDLE | (tone ? TEXT_FIT : 0) | (FONT_BOLD << 8), t->text);
    /* dots for the digits typed */
    size_t n = strlen(k->pin);
    float dr = 10 * u, dy = fmaxf(side * 0.15f, side * 0.03f + th + 24 * u + dr); /* clear of the title */
    int ndots = n < KIOSK_PIN_MIN ? KIOSK_PIN_MIN : (int)n;
    float dx0 = W / 2 - (float)(ndots - 1) * 14 * u;
    for (int i = 0; i < ndots; i++)
        draw_circle(l, dx0 + (float)i * 28 * u, dy, dr, (size_t)i < n ? t->accent : t->ring_track);
    float mh = k->msg[0] ? ui_text_h(&ui, k->msg, mpx, false, tw) : 0;
    /* Cancel beside the keypad's last row as a fourth key (its gap, at least a key's
     * width), or under the keypad */
    float cw = fmaxf(kwd, ui_button_w(&ui, cancel, b));
    float x0 = W / 2 - kw / 2;
    if (x0 + kw + gap + cw > W - pad)
        x0 = fmaxf(pad, (W - kw - gap - cw) / 2);
    bool below = x0 + kw + gap + cw > W - pad;
    if (below) {
        x0 = W / 2 - kw / 2;
        cw = fmaxf(cw, kw); /* as wide as the keypad above it */
    }
    float ch = ui_button_h(&ui, cancel, cw, b);
    float bottom = H - side * 0.03f - (below ? ch + gap : 0);
    /* a message too tall for the keypad's smallest keys under it (Arabic at large
     * text) is made smaller rather than push the last row off the screen */
    float room = bottom - 4 * fmaxf(ui_button_h(&ui, ok, kwd, 0), side * 0.09f) - 3 * gap - (dy + dr + 20 * u);
    if (k->msg[0] && mh > room) {
        mpx = ui_fit_px(&ui, k->msg, mpx, ui_min_px(&ui, mpx), false, tw, fmaxf(room, 0));
        mh = ui_text_h(&ui, k->msg, mpx, false, tw);
    }
    float kh = 4 * b + 3 * gap;
    float top = fmaxf(side * 0.3f, (H - kh) / 2 + side * 0.08f);
    top = fmaxf(top, dy + dr + 10 * u + mh + 10 * u);
    if (top + kh > bottom) {
        top = fmaxf(dy + dr + 10 * u + mh + 10 * u, bottom - kh);
        b = fmaxf(fmaxf((bottom - top - 3 * gap) / 4, ui_button_h(&ui, ok, kwd, 0)), side * 0.09f);
        kh = 4 * b + 3 * gap;
    }
    if (k->msg[0]) {
        bool mone = ui_text_w(&ui, k->msg, mpx, false) <= tw;
        draw_text(l, gw_rc(pad, dy + dr + 10 * u, tw, fmaxf(mh, top - dy - dr - 20 * u)), k->msg, mpx,
                  ALIGN_CENTER | VALIGN_MIDDLE | (mone ? TEXT_FIT : 0), t->focus);
    }
    static const char *const KEYS[12] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "OK" };
    /* 1 2 3 from left to right in every language, as on a phone: in a right-to-left
     * one the columns are laid out reversed here, so that the screen's mirroring puts
     * them back (Delete then at the right, OK at the left: the row reads in order) */
    bool rtl = a->view.rtl;
    for (int i = 0; i < 12; i++) {
        int col = i >= 9 ? i % 3 : rtl ? 2 - i % 3 : i % 3;
        gw_rect r = gw_rc(x0 + (float)col * (kwd + gap), top + (float)(i / 3) * (b + gap), kwd, b);
        char id[16];
        if (i == 9)
            snprintf(id, sizeof id, "pin-back");
        else if (i == 11)
            snprintf(id, sizeof id, "pin-ok");
        else
            snprintf(id, sizeof id, "pin:%s", KEYS[i]);
        ui_button(&ui, l, id, r, i == 9 ? del : i == 11 ? ok : KEYS[i], false, i == 11);
    }
    if (below)
        ui_button(&ui, l, "pin-cancel", gw_rc(W / 2 - cw / 2, top + kh + gap, cw, ch), cancel, false, false);
    else
        ui_button(&ui, l, "pin-cancel", gw_rc(x0 + kw + gap, top + kh - b, cw, b), cancel, false, false);
}

const scene_vt scene_admin = {
    .id = SCENE_ADMIN,
    .name = "admin",
    .focus_keys = FOCUS_ALL,
    .enter = admin_enter,
    .event = admin_event,
    .activate = admin_activate,
    .draw = admin_draw,
    .state_size = sizeof(struct kiosk_admin_st),
};
