/* scene_prompts: prompt exercises (grounding): steps the person moves through at
 * their own pace, with dots to fill for things named. Widget ids: back, next,
 * previous, tally, done. Keys: Enter/Right next, Left/Backspace previous, Space fills a
 * dot, Escape leaves. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

static void enter(app *a)
{
    a->step = 0;
    a->tally = 0;
    if (a->ex->nprompt > 0)
        app_trace_step(a, 0);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    const exercise *e = a->ex;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float bar = ui_top_bar(a, l, app_text(a, &e->title));
    float cy = bar + (H - bar) / 2 - 40 * u;
    int n = e->nprompt;
    if (!a->ex_active || a->step >= n) {
        ui_closing(a, l, cy);
        return;
    }
    char pos[64];
    snprintf(pos, sizeof pos, _("Step %d of %d"), a->step + 1, n);
    draw_text(l, gw_rc(40 * u, bar, W - 80 * u, 40 * u), pos, (int)lroundf(20 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    float tw = fminf(W - 160 * u, 980 * u);
    const prompt_step *p = &e->prompt[a->step];
    draw_text(l, gw_rc(0, bar + 60 * u, W, 60 * u), app_text(a, &p->title), (int)lroundf(36 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->accent);
    draw_text(l, gw_rc((W - tw) / 2, bar + 140 * u, tw, 150 * u), app_text(a, &p->text),
              (int)lroundf(30 * u), ALIGN_CENTER | VALIGN_TOP, t->text);
    if (p->count > 0) {
        float d = 56 * u, g = 28 * u;
        float x0 = W / 2 - ((float)p->count * d + (float)(p->count - 1) * g) / 2;
        float y = bar + 330 * u;
        for (int k = 0; k < p->count; k++) {
            float x = x0 + (float)k * (d + g) + d / 2;
            if (k < a->tally)
                draw_circle(l, x, y, d / 2, t->accent);
            else
                draw_ring(l, x, y, d / 2 - 2 * u, 4 * u, 0, 1, t->text_dim);
        }
        draw_widget_add(l, "tally", gw_rc(x0 - g, y - d, (float)p->count * (d + g) + g, 2 * d), false);
    }
    float bw = 220 * u, bh = 64 * u, by = H - 110 * u;
    if (a->step > 0)
        ui_button(a, l, "previous", gw_rc(W / 2 - bw - 16 * u, by, bw, bh), _("Previous"), false, false);
    ui_button(a, l, "next", gw_rc(W / 2 + (a->step > 0 ? 16 * u : -bw / 2), by, bw, bh),
              a->step + 1 < n ? _("Next") : _("Finish"), true, true);
}

static void move(app *a, int d)
{
    int n = a->ex->nprompt;
    int to = a->step + d;
    if (to < 0)
        return;
    a->tally = 0;
    if (to >= n) {
        a->step = n;
        app_end_exercise(a, true);
        return;
    }
    a->step = to;
    app_trace_step(a, to);
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "back") || !strcmp(w, "done"))
        app_leave_exercise(a);
    else if (!strcmp(w, "next"))
        move(a, +1);
    else if (!strcmp(w, "previous"))
        move(a, -1);
    else if (!strcmp(w, "tally") && a->step < a->ex->nprompt) {
        if (a->tally < a->ex->prompt[a->step].count)
            a->tally++;
    }
}

static bool event(app *a, const gw_event *e)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Escape") || !strcmp(k, "b")) {
        app_leave_exercise(a);
        return true;
    }
    if (!a->ex_active) {
        if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "a"))
            app_leave_exercise(a);
        return true;
    }
    if (!strcmp(k, "Return") || !strcmp(k, "Right") || !strcmp(k, "a") || !strcmp(k, "dpright") ||
        !strcmp(k, "Keypad Enter"))
        move(a, +1);
    else if (!strcmp(k, "Left") || !strcmp(k, "Backspace") || !strcmp(k, "dpleft"))
        move(a, -1);
    else if (!strcmp(k, "Space"))
        activate(a, "tally");
    else
        return false;
    return true;
}

const scene_vt scene_prompts = { "prompts", enter, event, activate, NULL, draw, NULL };
