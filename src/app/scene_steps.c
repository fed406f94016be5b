/* scene_steps: guided exercises (a timeline of captioned steps that runs by itself)
 * and prompt exercises (steps the person moves through). The guided step shown is a
 * function of elapsed time; prompts advance on Next, Enter, Space or a tap.
 * Widget ids: back, pause (guided), next, previous, tally (prompts), done. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

#define DEFAULT_STEP_NS (5 * GW_NS_PER_SEC)

static gw_ns step_len(const guided_step *s)
{
    if (s->duration > 0)
        return s->duration;
    return s->pause > 0 ? s->pause + DEFAULT_STEP_NS : DEFAULT_STEP_NS;
}

/* The guided step at elapsed t, with its start; nstep when finished. */
static int guided_at(const exercise *e, gw_ns t, gw_ns *start)
{
    gw_ns acc = 0;
    for (int i = 0; i < e->nstep; i++) {
        gw_ns d = step_len(&e->step[i]);
        if (t < acc + d) {
            *start = acc;
            return i;
        }
        acc += d;
    }
    *start = acc;
    return e->nstep;
}

static void trace_step(app *a, int i)
{
    trace_begin(a->tr, a->now, "step");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "index", i);
    if (a->ex->kind == EX_GUIDED) {
        static const char *const K[] = { "instruction", "tense", "release", "rest" };
        const guided_step *s = &a->ex->step[i];
        trace_str(a->tr, "kind", K[s->kind]);
        if (s->region >= 0 && s->region < a->ex->nregion)
            trace_str(a->tr, "region", a->ex->region[s->region].id);
    }
    trace_end(a->tr);
}

static void enter(app *a)
{
    a->step = 0;
    a->tally = 0;
    if ((a->ex->kind == EX_GUIDED && a->ex->nstep > 0) || (a->ex->kind == EX_PROMPTS && a->ex->nprompt > 0))
        trace_step(a, 0);
}

static void update(app *a)
{
    if (!a->ex_active || a->ex->kind != EX_GUIDED)
        return;
    gw_ns start;
    int i = guided_at(a->ex, tb_elapsed(&a->clock, a->now), &start);
    if (i >= a->ex->nstep) {
        app_end_exercise(a, true);
        return;
    }
    if (i != a->step) {
        a->step = i;
        trace_step(a, i);
    }
}

static void draw_done(const app *a, draw_list *l, float cy)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w;
    draw_text(l, gw_rc(0, cy - 90 * u, W, 70 * u), _("Well done."), (int)lroundf(48 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(W * 0.15f, cy - 10 * u, W * 0.7f, 80 * u),
              _("Take a moment before you get up. Move slowly."), (int)lroundf(24 * u),
              ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    ui_button(a, l, "done", gw_rc(W / 2 - 130 * u, cy + 80 * u, 260 * u, 64 * u), _("Finish"), true, true);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    const exercise *e = a->ex;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float bar = ui_top_bar(a, l, app_text(a, &e->title));
    float cy = bar + (H - bar) / 2 - 40 * u;
    bool guided = e->kind == EX_GUIDED;
    int n = guided ? e->nstep : e->nprompt;
    if (!a->ex_active || a->step >= n) {
        draw_done(a, l, cy);
        return;
    }
    char pos[64];
    snprintf(pos, sizeof pos, _("Step %d of %d"), a->step + 1, n);
    draw_text(l, gw_rc(40 * u, bar, W - 80 * u, 40 * u), pos, (int)lroundf(20 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    float tw = fminf(W - 160 * u, 980 * u);
    if (guided) {
        const guided_step *s = &e->step[a->step];
        static const char *const K[] = { N_("Listen"), N_("Tense"), N_("Release"), N_("Rest") };
        gw_color kc = s->kind == STEP_TENSE ? t->focus : s->kind == STEP_RELEASE ? t->exhale : t->accent;
        draw_text(l, gw_rc(0, bar + 60 * u, W, 50 * u), _(K[s->kind]), (int)lroundf(30 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), kc);
        if (s->region >= 0 && s->region < e->nregion)
            draw_text(l, gw_rc(0, bar + 110 * u, W, 36 * u), app_text(a, &e->region[s->region].name),
                      (int)lroundf(22 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
        draw_text(l, gw_rc((W - tw) / 2, cy - 20 * u, tw, 130 * u), app_text(a, &s->caption),
                  (int)lroundf(34 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        gw_ns start;
        gw_ns el = tb_elapsed(&a->clock, a->now);
        int i = guided_at(e, el, &start);
        (void)i;
        char left[32];
        ui_clock(left, sizeof left, gw_seconds(start + step_len(s) - el));
        draw_text(l, gw_rc(0, cy + 130 * u, W, 50 * u), left, (int)lroundf(30 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        ui_button(a, l, "pause", gw_rc(W / 2 - 100 * u, H - 100 * u, 200 * u, 60 * u),
                  a->clock.paused ? _("Resume") : _("Pause"), false, false);
    } else {
        const prompt_step *p = &e->prompt[a->step];
        draw_text(l, gw_rc(0, bar + 60 * u, W, 60 * u), app_text(a, &p->title), (int)lroundf(36 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->accent);
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
}

static void leave(app *a)
{
    app_end_exercise(a, false);
    a->mode->leave_exercise(a);
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
    trace_step(a, to);
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "back") || !strcmp(w, "done"))
        leave(a);
    else if (!strcmp(w, "pause") && a->ex_active) {
        if (a->clock.paused)
            tb_resume(&a->clock, a->now);
        else
            tb_pause(&a->clock, a->now);
    } else if (!strcmp(w, "next"))
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
        leave(a);
        return true;
    }
    if (!a->ex_active) {
        if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "a"))
            leave(a);
        return true;
    }
    if (a->ex->kind == EX_PROMPTS) {
        if (!strcmp(k, "Return") || !strcmp(k, "Right") || !strcmp(k, "a") || !strcmp(k, "dpright"))
            move(a, +1);
        else if (!strcmp(k, "Left") || !strcmp(k, "Backspace") || !strcmp(k, "dpleft"))
            move(a, -1);
        else if (!strcmp(k, "Space"))
            activate(a, "tally");
        else
            return false;
        return true;
    }
    if (!strcmp(k, "Space")) {
        activate(a, "pause");
        return true;
    }
    return false;
}

static gw_ns next_change(const app *a)
{
    if (!a->ex_active || a->ex->kind != EX_GUIDED || a->clock.paused)
        return GW_NEVER;
    /* the step timer shows whole seconds */
    gw_ns el = tb_elapsed(&a->clock, a->now);
    return a->now + (GW_NS_PER_SEC - el % GW_NS_PER_SEC);
}

const scene_vt scene_steps = { "steps", enter, event, activate, update, draw, next_change };
