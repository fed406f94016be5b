/* scene_pacer: a breathing exercise. Everything drawn comes from the breath_state that
 * app_update computed in closed form from the elapsed time; drawing changes nothing.
 * Styles: orb (grows and shrinks) and box (a dot travels one side per phase).
 * Widget ids: back, pause, done, again. Keys: Space pauses, Escape leaves. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

static const char *phase_word(breath_kind k)
{
    switch (k) {
    case BREATH_INHALE: return _("Breathe in");
    case BREATH_TOPUP: return _("A little more");
    case BREATH_HOLD_IN:
    case BREATH_HOLD_OUT: return _("Hold");
    case BREATH_EXHALE: return _("Breathe out");
    default: return "";
    }
}

static gw_color phase_color(const theme *t, breath_kind k)
{
    if (k == BREATH_INHALE || k == BREATH_TOPUP) return t->inhale;
    if (k == BREATH_EXHALE) return t->exhale;
    return t->hold;
}

static float quant(float v, float step) { return roundf(v / step) * step; }

static double ease(double p) { return (1 - cos(M_PI * p)) / 2; }

static void draw_orb(const app *a, draw_list *l, float cx, float cy, float rmax, const breath_state *s,
                     gw_color col)
{
    const theme *t = a->th;
    float u = app_unit(a);
    float rmin = rmax * 0.42f;
    float r = quant(rmin + (rmax - rmin) * (float)s->fill, 0.5f);
    /* soft halo, then the orb */
    /* the halo is the phase colour faintly over the background, mixed here so it can be
     * drawn opaque (a solid fill is far cheaper than blending every pixel) */
    gw_color halo = col;
    halo.r = (uint8_t)((col.r * 28 + t->bg.r * 227) / 255);
    halo.g = (uint8_t)((col.g * 28 + t->bg.g * 227) / 255);
    halo.b = (uint8_t)((col.b * 28 + t->bg.b * 227) / 255);
    draw_circle(l, cx, cy, quant(r * 1.12f, 0.5f), halo);
    draw_circle(l, cx, cy, r, col);
    /* thin progress ring of the phase, outside the largest orb */
    float rr = rmax + 30 * u;
    draw_ring(l, cx, cy, rr, 4 * u, 0, 1, t->ring_track);
    float p = quant((float)s->progress, 1.f / 720);
    if (p > 0)
        draw_ring(l, cx, cy, rr, 4 * u, 0, p, col);
}

static void draw_box(const app *a, draw_list *l, float cx, float cy, float half, const breath_state *s,
                     gw_color col)
{
    const theme *t = a->th;
    float u = app_unit(a);
    gw_rect sq = gw_rc(cx - half, cy - half, 2 * half, 2 * half);
    draw_frame(l, sq, 18 * u, 6 * u, t->ring_track);
    /* the side of the current phase is lit */
    float x[5] = { sq.x, sq.x + sq.w, sq.x + sq.w, sq.x, sq.x };
    float y[5] = { sq.y, sq.y, sq.y + sq.h, sq.y + sq.h, sq.y };
    int side = s->index % 4;
    float p = (float)ease(s->progress);
    float dx = x[side] + (x[side + 1] - x[side]) * p, dy = y[side] + (y[side + 1] - y[side]) * p;
    draw_line(l, x[side], y[side], quant(dx, 0.5f), quant(dy, 0.5f), 6 * u, col);
    draw_circle(l, quant(dx, 0.5f), quant(dy, 0.5f), 16 * u, col);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    const breath_state *s = &a->bs;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float bar = ui_top_bar(a, l, app_text(a, &a->ex->title));
    float foot = 110 * u;
    float cx = W / 2, cy = bar + (H - bar - foot) / 2;
    float room = fminf(W, H - bar - foot) / 2 - 40 * u;
    bool box = a->ex->style && !strcmp(a->ex->style, "box");

    if (s->stage == BREATH_STAGE_DONE) {
        draw_text(l, gw_rc(0, cy - 90 * u, W, 70 * u), _("Well done."), (int)lroundf(48 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        char msg[128];
        snprintf(msg, sizeof msg, P_("You completed %d breath.", "You completed %d breaths.", s->total_cycles),
                 s->total_cycles);
        draw_text(l, gw_rc(0, cy - 10 * u, W, 40 * u), msg, (int)lroundf(24 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
        float bw = 260 * u, bh = 64 * u, gap = 24 * u;
        ui_button(a, l, "again", gw_rc(cx - bw - gap / 2, cy + 60 * u, bw, bh), _("Again"), false, false);
        ui_button(a, l, "done", gw_rc(cx + gap / 2, cy + 60 * u, bw, bh), _("Finish"), true, true);
        return;
    }

    gw_color col = s->stage == BREATH_STAGE_LEAD_IN ? t->hold : phase_color(t, s->kind);
    breath_state shown = *s;
    if (s->stage == BREATH_STAGE_LEAD_IN) {
        shown.fill = 0;
        shown.progress = 0;
        shown.index = 0;
    }
    if (box)
        draw_box(a, l, cx, cy, room * 0.8f, &shown, col);
    else
        draw_orb(a, l, cx, cy, room - 34 * u, &shown, col);

    char count[16];
    const char *word;
    if (s->stage == BREATH_STAGE_LEAD_IN) {
        word = _("Get ready");
        snprintf(count, sizeof count, "%d", s->lead_in_count);
    } else {
        word = phase_word(s->kind);
        double left = gw_seconds(s->phase_start + s->phase_len) - gw_seconds(tb_elapsed(&a->clock, a->now));
        snprintf(count, sizeof count, "%d", (int)ceil(left - 1e-6));
    }
    gw_color word_col = box ? t->text : t->bg;
    draw_text(l, gw_rc(cx - 200 * u, cy - 52 * u, 400 * u, 60 * u), word, (int)lroundf(38 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), word_col);
    draw_text(l, gw_rc(cx - 100 * u, cy + 8 * u, 200 * u, 56 * u), count, (int)lroundf(40 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, word_col);

    /* footer: breath n of N, pause, time remaining */
    float fy = H - foot + 22 * u, pad = 40 * u;
    char left[64], rem[32], remtxt[64];
    int shown_cycle = s->stage == BREATH_STAGE_LEAD_IN ? 1 : s->cycle + 1;
    snprintf(left, sizeof left, _("Breath %d of %d"), shown_cycle, s->total_cycles);
    ui_clock(rem, sizeof rem, gw_seconds(s->remaining));
    snprintf(remtxt, sizeof remtxt, _("%s left"), rem);
    draw_text(l, gw_rc(pad, fy, W / 3, 60 * u), left, (int)lroundf(24 * u), VALIGN_MIDDLE, t->text);
    draw_text(l, gw_rc(W - pad - W / 3, fy, W / 3, 60 * u), remtxt, (int)lroundf(24 * u),
              ALIGN_RIGHT | VALIGN_MIDDLE, t->text);
    ui_button(a, l, "pause", gw_rc(cx - 100 * u, fy, 200 * u, 60 * u),
              a->clock.paused ? _("Resume") : _("Pause"), false, false);
    if (a->clock.paused)
        draw_text(l, gw_rc(0, bar, W, 50 * u), _("Paused"), (int)lroundf(26 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->focus);
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
    else if (!strcmp(w, "again"))
        app_start_exercise(a, a->ex->id);
}

static bool event(app *a, const gw_event *e)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    if (!strcmp(e->key, "Escape") || !strcmp(e->key, "b") || !strcmp(e->key, "AC Back")) {
        app_leave_exercise(a);
        return true;
    }
    if (a->bs.stage == BREATH_STAGE_DONE &&
        (!strcmp(e->key, "Return") || !strcmp(e->key, "Space") || !strcmp(e->key, "a"))) {
        app_leave_exercise(a);
        return true;
    }
    if (!strcmp(e->key, "Space") || !strcmp(e->key, "P") || !strcmp(e->key, "start")) {
        toggle_pause(a);
        return true;
    }
    return false;
}

static gw_ns next_change(const app *a)
{
    if (!a->ex_active || a->clock.paused)
        return GW_NEVER;
    return a->now + GW_NS_PER_SEC / 60;
}

const scene_vt scene_pacer = { "pacer", NULL, event, activate, NULL, draw, next_change };
