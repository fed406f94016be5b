/* scene_guided: guided exercises (progressive muscle relaxation, body scan): a
 * timeline of captioned steps that runs by itself. The step shown is a function of
 * elapsed time. Widget ids: back, pause, done. Keys: Space pauses, Escape leaves. */
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

static void enter(app *a)
{
    a->step = 0;
    if (a->ex->nstep > 0)
        app_trace_step(a, 0);
}

static void update(app *a)
{
    if (!a->ex_active)
        return;
    gw_ns start;
    int i = guided_at(a->ex, tb_elapsed(&a->clock, a->now), &start);
    if (i >= a->ex->nstep) {
        a->step = a->ex->nstep;
        app_end_exercise(a, true);
        return;
    }
    if (i != a->step) {
        a->step = i;
        app_trace_step(a, i);
    }
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    const exercise *e = a->ex;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float bar = ui_top_bar(a, l, app_text(a, &e->title));
    float cy = bar + (H - bar) / 2 - 40 * u;
    int n = e->nstep;
    if (!a->ex_active || a->step >= n) {
        ui_closing(a, l, cy);
        return;
    }
    char pos[64];
    snprintf(pos, sizeof pos, _("Step %d of %d"), a->step + 1, n);
    draw_text(l, gw_rc(40 * u, bar, W - 80 * u, 40 * u), pos, (int)lroundf(20 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    float tw = fminf(W - 160 * u, 980 * u);
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
    guided_at(e, el, &start);
    char left[32];
    ui_clock(left, sizeof left, gw_seconds(start + step_len(s) - el));
    draw_text(l, gw_rc(0, cy + 130 * u, W, 50 * u), left, (int)lroundf(30 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text);
    ui_button(a, l, "pause", gw_rc(W / 2 - 100 * u, H - 100 * u, 200 * u, 60 * u),
              a->clock.paused ? _("Resume") : _("Pause"), false, false);
}

static void toggle_pause(app *a)
{
    if (!a->ex_active)
        return;
    if (a->clock.paused)
        tb_resume(&a->clock, a->now);
    else
        tb_pause(&a->clock, a->now);
    trace_begin(a->tr, a->now, a->clock.paused ? "pause" : "resume");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_end(a->tr);
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "back") || !strcmp(w, "done"))
        app_leave_exercise(a);
    else if (!strcmp(w, "pause"))
        toggle_pause(a);
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
    if (!strcmp(k, "Space") || !strcmp(k, "P") || !strcmp(k, "start")) {
        toggle_pause(a);
        return true;
    }
    return false;
}

static gw_ns next_change(const app *a)
{
    if (!a->ex_active || a->clock.paused)
        return GW_NEVER;
    /* the step timer shows whole seconds */
    gw_ns el = tb_elapsed(&a->clock, a->now);
    return a->now + (GW_NS_PER_SEC - el % GW_NS_PER_SEC);
}

const scene_vt scene_guided = { "guided", enter, event, activate, update, draw, next_change };
