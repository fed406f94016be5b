/* scene_checkin: the optional self-check before and after an exercise (home mode):
 * "How are you feeling?" on a 0-10 scale with anchors, one tap, skippable. Worded as a
 * check for the person, not a measurement.
 * Widget ids: "rating:0" .. "rating:10", "skip"; before an exercise "back" (back to
 * the library, nothing starts: a card tapped by mistake); "safety" (Help). Keys:
 * digits 0-9 rate; arrows, Tab or the d-pad move; Enter or A chooses; Escape or B
 * skips. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

#define SKIP_INDEX 11

struct checkin_st {
    int focus; /* the focused widget: 0-10 the scale, then Skip, Back, Help */
};

static struct checkin_st *ST(const app *a) { return app_state(a, SCENE_CHECKIN); }

static void checkin_enter(app *a)
{
    ST(a)->focus = SKIP_INDEX; /* Enter at once skips: the check-in is optional */
}

static gw_color mix(gw_color x, gw_color y, float t)
{
    gw_color c = { (uint8_t)lroundf(x.r + (y.r - x.r) * t), (uint8_t)lroundf(x.g + (y.g - x.g) * t),
                   (uint8_t)lroundf(x.b + (y.b - x.b) * t), 255 };
    return c;
}

/* Top to bottom: the question, a word on what it is for, the 0-10 scale with its
 * anchors under both ends, Skip; a note at the foot. Heights come from the text, so
 * with large text the gaps close up first, then the explanation gets smaller. */
static void checkin_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    int focus = ST(a)->focus;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    const char *title = app_checkin_is_after(a) ? _("And now, how are you feeling?") : _("Before you start: how are you feeling?");
    const char *para = _("A quick self-check, just for you. Pick the number that fits how upset or tense you feel. "
                         "There are no right answers, and you can skip it.");
    const char *lo = _("0 — completely calm"), *hi = _("10 — the worst you can imagine");
    const char *note = _("You can turn these check-ins off in Settings.");
    const char *skip = _("Skip");

    float gap = 10 * u;
    float bw = fminf(96 * u, (W - 120 * u - 10 * gap) / 11.f);
    float row = 11 * bw + 10 * gap;
    float x0 = (W - row) / 2;
    float tw = W - 120 * u, pw = W * 0.76f, aw = fmaxf(3 * bw + 2 * gap, row / 2 - 20 * u);
    int tpx = (int)lroundf(36 * u), ppx = (int)lroundf(19 * u), apx = (int)lroundf(18 * u), npx = (int)lroundf(16 * u);

    ui_text_size tm = ui_measure(&ui, title, tpx, true, 0);
    bool title_fit = ui_line_fits(&ui, title, tpx, true, tw); /* one line, a little smaller if need be */
    float th = title_fit ? fmaxf(60 * u, tm.h) : ui_text_h(&ui, title, tpx, true, tw);
    float ph = fmaxf(60 * u, ui_text_h(&ui, para, ppx, false, pw));
    float ah = fmaxf(50 * u, fmaxf(ui_text_h(&ui, lo, apx, false, aw), ui_text_h(&ui, hi, apx, false, aw)));
    float sw = ui_button_w(&ui, skip, 240 * u), sh = ui_button_h(&ui, skip, sw, 62 * u);
    float nh = fmaxf(40 * u, ui_text_h(&ui, note, npx, false, W - 120 * u));

    float top = 110 * u, bottom = H - 30 * u - nh - 10 * u;
    float g[4] = { 5 * u, 55 * u, 14 * u, 30 * u }, gmin[4] = { 5 * u, 16 * u, 8 * u, 16 * u };
    float fixed = th + ph + bw + ah + sh, gaps = g[0] + g[1] + g[2] + g[3];
    if (top + fixed + gaps > bottom) {
        top = fmaxf(a->notice[0] ? 60 * u : 24 * u, ui_top_bar_buttons_bottom(&ui) + 8 * u); /* under Back, Help */
        float room = bottom - top - fixed, mins = gmin[0] + gmin[1] + gmin[2] + gmin[3];
        float k = room <= mins ? 0 : fminf(1.f, (room - mins) / (gaps - mins));
        for (int i = 0; i < 4; i++)
            g[i] = gmin[i] + (g[i] - gmin[i]) * k;
        if (room < mins) { /* the explanation smaller, then it may not reach its full height */
            float want = ph - (mins - room);
            ppx = ui_fit_px(&ui, para, ppx, ui_min_px(&ui, ppx), false, pw, want);
            ph = fminf(ph, fmaxf(want, ui_text_h(&ui, para, ppx, false, pw)));
        }
        /* what is left over goes above and below */
        float used = th + ph + bw + ah + sh + g[0] + g[1] + g[2] + g[3];
        if (used < bottom - top)
            top += (bottom - top - used) / 2;
    }

    float y = top;
    draw_text(l, gw_rc(60 * u, y, tw, th), title, tpx,
              ALIGN_CENTER | VALIGN_MIDDLE | (title_fit ? TEXT_FIT : 0) | (FONT_BOLD << 8), t->text);
    y += th + g[0];
    draw_text(l, gw_rc((W - pw) / 2, y, pw, ph), para, ppx, ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    y += ph + g[1];

    float by = y;
    for (int v = 0; v <= 10; v++) {
        gw_rect r = gw_rc(x0 + (float)v * (bw + gap), by, bw, bw);
        bool f = focus == v;
        /* a soft band from the calm accent to the hold colour: no alarming red */
        gw_color band = mix(t->surface_hi, mix(t->exhale, t->hold, (float)v / 10.f), 0.35f);
        draw_rect(l, r, 16 * u, band);
        char num[4];
        snprintf(num, sizeof num, "%d", v);
        draw_text(l, r, num, (int)lroundf(34 * u), ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        if (f && a->focus.visible)
            draw_frame(l, gw_rc(r.x - 5 * u, r.y - 5 * u, r.w + 10 * u, r.h + 10 * u), 20 * u, 3 * u, t->focus);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "rating:%d", v);
        draw_widget_add(l, id, r, f);
        draw_widget_describe(l, ROLE_BUTTON, v == 0 ? lo : v == 10 ? hi : num, NULL); /* the ends say what they mean */
    }
    y += bw + g[2];
    draw_text(l, gw_rc(x0, y, aw, ah), lo, apx, ALIGN_LEFT | VALIGN_TOP, t->text_dim);
    draw_text(l, gw_rc(x0 + row - aw, y, aw, ah), hi, apx, ALIGN_RIGHT | VALIGN_TOP, t->text_dim);
    y += ah + g[3];
    ui_button(&ui, l, "skip", gw_rc(W / 2 - sw / 2, y, sw, sh), skip, focus == SKIP_INDEX, false);
    /* drawn after the scale so the focus keeps its numbers: Back (before only), Help */
    if (!app_checkin_is_after(a))
        ui_top_bar_focus(&ui, l, "", focus - SKIP_INDEX - 1);
    else
        ui_safety_button(&ui, l, W - 24 * u - ui_button_w(&ui, _("Help"), 150 * u), 16 * u);
    draw_text(l, gw_rc(60 * u, H - 30 * u - nh, W - 120 * u, nh), note, npx, ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    if (a->notice[0])
        draw_text(l, gw_rc(60 * u, 16 * u, W - 120 * u, 40 * u), a->notice, (int)lroundf(16 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->focus);
}

static void checkin_activate(app *a, const char *widget)
{
    if (!strcmp(widget, "back") && !app_checkin_is_after(a))
        app_checkin_cancel(a); /* a card chosen by mistake */
    else if (!strcmp(widget, "skip"))
        app_checkin(a, -1);
    else if (!strncmp(widget, "rating:", 7)) {
        int v = -1;
        if (sscanf(widget + 7, "%d", &v) == 1 && v >= 0 && v <= 10)
            app_checkin(a, v);
    }
}

static bool checkin_event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY && e->key[0] >= '0' && e->key[0] <= '9' && e->key[1] == 0) {
        char id[16];
        snprintf(id, sizeof id, "rating:%c", e->key[0]);
        app_press(a, id);
        return true;
    }
    return app_home_nav(a, &ST(a)->focus, e, "skip");
}

const scene_vt scene_checkin = {
    .id = SCENE_CHECKIN,
    .name = "checkin",
    .enter = checkin_enter,
    .event = checkin_event,
    .activate = checkin_activate,
    .draw = checkin_draw,
    .state_size = sizeof(struct checkin_st),
};
