/* scene_quit: "Quit Groundwork?", asked over the library when Escape (gamepad B) is
 * pressed there in home or present mode, so that a person in full screen is never
 * stuck and a stray Escape never ends the program. The library's Quit button and
 * Ctrl+Q quit at once; the kiosk never gets here (its filter blocks them).
 * Widget ids: quit-yes, quit-no. Keys: Enter or A presses the focused one (Quit
 * first), Left/Right/Tab move, Escape or B stays. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

struct quit_st {
    const scene_vt *under; /* the screen it is asked over */
    int focus;             /* 0 Stay, 1 Quit */
};
static struct quit_st *ST(const app *a) { return app_state(a, SCENE_QUIT); }

static void quit_open(app *a)
{
    if (app_showing(a, SCENE_QUIT) || app_mode_is(a, MODE_KIOSK))
        return;
    ST(a)->under = a->scene;
    app_go(a, SCENE_QUIT);
}

static void quit_enter(app *a) { ST(a)->focus = 1; }

static void quit_stay(app *a)
{
    const scene_vt *s = ST(a)->under ? ST(a)->under : app_scene(a, SCENE_LIBRARY);
    ST(a)->under = NULL;
    app_resume_scene(a, s);
}

static void quit_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    app_overlay_backdrop(a, l, ST(a)->under);
    const char *title = _("Quit Groundwork?");
    const char *body = app_keeps_data(a) ? _("Your practice log is saved. You can come back at any time.")
                                   : _("Nothing of this session is kept.");
    const char *no = _("Stay"), *yes = _("Quit");
    float pw = fminf(W - 80 * u, 720 * u), pad = 40 * u, iw = pw - 2 * pad;
    float bw = fminf(fmaxf(ui_button_w(&ui, no, 200 * u), ui_button_w(&ui, yes, 200 * u)), (iw - 20 * u) / 2);
    float bh = fmaxf(ui_button_h(&ui, no, bw, 62 * u), ui_button_h(&ui, yes, bw, 62 * u));
    int tpx = (int)lroundf(32 * u), bpx = (int)lroundf(21 * u);
    float th = fmaxf(48 * u, ui_text_h(&ui, title, tpx, true, iw));
    float bdh = ui_text_h(&ui, body, bpx, false, iw);
    float ph = fminf(H - 40 * u, pad + th + 14 * u + bdh + 32 * u + bh + pad);
    float px = (W - pw) / 2, py = (H - ph) / 2;
    draw_rect(l, gw_rc(px, py, pw, ph), 28 * u, t->surface);
    draw_widget_add(l, "quit-panel", gw_rc(px, py, pw, ph), false);
    draw_widget_describe(l, ROLE_PANEL, title, NULL);
    float y = py + pad;
    draw_text(l, gw_rc(px + pad, y, iw, th), title, tpx, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    y += th + 14 * u;
    draw_text(l, gw_rc(px + pad, y, iw, bdh), body, bpx, ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    float by = py + ph - pad - bh, gap = 20 * u, x0 = W / 2 - bw - gap / 2;
    ui_button(&ui, l, "quit-no", gw_rc(x0, by, bw, bh), no, ST(a)->focus == 0, false);
    ui_button(&ui, l, "quit-yes", gw_rc(x0 + bw + gap, by, bw, bh), yes, ST(a)->focus == 1, true);
}

static void quit_activate(app *a, const char *w)
{
    if (!strcmp(w, "quit-yes"))
        app_quit_now(a, "asked");
    else if (!strcmp(w, "quit-no"))
        quit_stay(a);
}

static bool quit_event(app *a, const gw_event *e)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return true; /* nothing reaches the screen underneath */
    const char *k = e->key;
    if (!strcmp(k, "Escape") || !strcmp(k, "b"))
        quit_stay(a);
    else if (!strcmp(k, "Return") || !strcmp(k, "Keypad Enter") || !strcmp(k, "Space") || !strcmp(k, "a"))
        quit_activate(a, ST(a)->focus == 0 ? "quit-no" : "quit-yes");
    else if (!strcmp(k, "Left") || !strcmp(k, "Right") || !strcmp(k, "Tab") || !strcmp(k, "dpleft") ||
             !strcmp(k, "dpright") || !strcmp(k, "Up") || !strcmp(k, "Down"))
        ST(a)->focus = 1 - (ST(a)->focus == 1);
    a->focus.visible = true;
    a->ui_stale = true;
    return true;
}

const scene_vt scene_quit = {
    .id = SCENE_QUIT,
    .name = "quit",
    .enter = quit_enter,
    .event = quit_event,
    .activate = quit_activate,
    .draw = quit_draw,
    .open = quit_open,
    .state_size = sizeof(struct quit_st),
};
