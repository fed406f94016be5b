/* scene_checkin: the optional self-check before and after an exercise (home mode):
 * "How are you feeling?" on a 0-10 scale with anchors, one tap, skippable. Worded as a
 * check for the person, not a measurement.
 * Widget ids: "rating:0" .. "rating:10", "skip". Keys: digits 0-9 rate; arrows, Tab or
 * the d-pad move; Enter or A chooses; Escape or B skips. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

#define SKIP_INDEX 11

static void enter(app *a)
{
    a->home_focus = SKIP_INDEX; /* Enter at once skips: the check-in is optional */
}

static gw_color mix(gw_color x, gw_color y, float t)
{
    gw_color c = { (uint8_t)lroundf(x.r + (y.r - x.r) * t), (uint8_t)lroundf(x.g + (y.g - x.g) * t),
                   (uint8_t)lroundf(x.b + (y.b - x.b) * t), 255 };
    return c;
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float cy = H * 0.5f;
    const char *title = a->checkin_after ? _("And now, how are you feeling?") : _("Before you start: how are you feeling?");
    draw_text(l, gw_rc(60 * u, cy - 250 * u, W - 120 * u, 60 * u), title, (int)lroundf(36 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(W * 0.12f, cy - 185 * u, W * 0.76f, 60 * u),
              _("A quick self-check, just for you. Pick the number that fits how upset or tense you feel. "
                "There are no right answers, and you can skip it."),
              (int)lroundf(19 * u), ALIGN_CENTER | VALIGN_TOP, t->text_dim);

    float gap = 10 * u;
    float bw = fminf(96 * u, (W - 120 * u - 10 * gap) / 11.f);
    float row = 11 * bw + 10 * gap;
    float x0 = (W - row) / 2, by = cy - 70 * u;
    for (int v = 0; v <= 10; v++) {
        gw_rect r = gw_rc(x0 + (float)v * (bw + gap), by, bw, bw);
        bool f = a->home_focus == v;
        /* a soft band from the calm accent to the hold colour: no alarming red */
        gw_color band = mix(t->surface_hi, mix(t->exhale, t->hold, (float)v / 10.f), 0.35f);
        draw_rect(l, r, 16 * u, band);
        char num[4];
        snprintf(num, sizeof num, "%d", v);
        draw_text(l, r, num, (int)lroundf(34 * u), ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        if (f && a->focus_visible)
            draw_frame(l, gw_rc(r.x - 5 * u, r.y - 5 * u, r.w + 10 * u, r.h + 10 * u), 20 * u, 3 * u, t->focus);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "rating:%d", v);
        draw_widget_add(l, id, r, f);
    }
    float ay = by + bw + 14 * u, aw = 3 * bw + 2 * gap;
    draw_text(l, gw_rc(x0, ay, aw, 50 * u), _("0 — completely calm"), (int)lroundf(18 * u), ALIGN_LEFT | VALIGN_TOP,
              t->text_dim);
    draw_text(l, gw_rc(x0 + row - aw, ay, aw, 50 * u), _("10 — the worst you can imagine"), (int)lroundf(18 * u),
              ALIGN_RIGHT | VALIGN_TOP, t->text_dim);
    ui_button(a, l, "skip", gw_rc(W / 2 - 120 * u, cy + 120 * u, 240 * u, 62 * u), _("Skip"),
              a->home_focus == SKIP_INDEX, false);
    draw_text(l, gw_rc(60 * u, H - 70 * u, W - 120 * u, 40 * u),
              _("You can turn these check-ins off in Settings."), (int)lroundf(16 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    if (a->notice[0])
        draw_text(l, gw_rc(60 * u, 16 * u, W - 120 * u, 40 * u), a->notice, (int)lroundf(16 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->focus);
}

static void activate(app *a, const char *widget)
{
    if (!strcmp(widget, "skip"))
        app_checkin(a, -1);
    else if (!strncmp(widget, "rating:", 7)) {
        int v = -1;
        if (sscanf(widget + 7, "%d", &v) == 1 && v >= 0 && v <= 10)
            app_checkin(a, v);
    }
}

static bool event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY && e->key[0] >= '0' && e->key[0] <= '9' && e->key[1] == 0) {
        char id[16];
        snprintf(id, sizeof id, "rating:%c", e->key[0]);
        app_press(a, id);
        return true;
    }
    return app_home_nav(a, e, "skip");
}

const scene_vt scene_checkin = { "checkin", enter, event, activate, NULL, draw, NULL };
