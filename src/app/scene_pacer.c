/* scene_pacer: a breathing exercise. Everything drawn comes from the breath_state that
 * app_update computed in closed form from the elapsed time; drawing changes nothing.
 * Styles: orb (grows and shrinks), box (a dot travels one side per phase), wave (a
 * marker rides the breath's curve), tube (fills and empties) and calm (reduced motion:
 * nothing scales, a bar fills once per second, the words carry the rhythm). Every style
 * shows the phase word, a seconds count and a thin progress ring; the footer shows
 * "breath n of N" and the time left. Positions are quantized so frames that would give
 * the same pixels compare equal (draw_diff) and the calm style changes once a second.
 * Widget ids: back, pause, shorter, longer, style, mute, done, again.
 * Keys: Space/P pause, Up/Right longer, Down/Left shorter, S style, M mute, Escape leaves.
 *
 * Longer/shorter change every phase by 0.5 s (breath_adjust) at once. The timeline is
 * re-anchored (tb_seek) so the same breath, the same phase and the same fraction of it
 * continue: the lungs' fill does not jump, only the pace changes from that moment. The
 * session keeps its number of breaths; its time left follows the new pace. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "platform/plat_audio.h"

#define ADJUST_MS 500

static const char *const STYLE_NAMES[PACER_STYLE_COUNT] = { "orb", "box", "wave", "tube", "calm" };

const char *pacer_style_name(int style)
{
    return style >= 0 && style < PACER_STYLE_COUNT ? STYLE_NAMES[style] : "orb";
}

int pacer_style_of(const app *a)
{
    if (a->pacer_style > 0 && a->pacer_style <= PACER_STYLE_COUNT)
        return a->pacer_style - 1;
    if (a->set.reduced_motion) /* issue 10: reduced motion selects the calm style */
        return PACER_CALM;
    for (int i = 0; a->ex && a->ex->style && i < PACER_STYLE_COUNT; i++)
        if (!strcmp(a->ex->style, STYLE_NAMES[i]))
            return i;
    return PACER_ORB;
}

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

static gw_color t_text(const app *a) { return a->th->text; }

static float quant(float v, float step) { return roundf(v / step) * step; }

static double ease(double p) { return (1 - cos(M_PI * p)) / 2; }

/* A thin ring showing how far the phase has gone. */
static void progress_ring(const app *a, draw_list *l, float cx, float cy, float r, double progress, gw_color col)
{
    float u = app_unit(a);
    draw_ring(l, cx, cy, r, 4 * u, 0, 1, a->th->ring_track);
    float p = quant((float)progress, 1.f / 720);
    if (p > 0)
        draw_ring(l, cx, cy, r, 4 * u, 0, p, col);
}

/* The phase word and the seconds count, centred on (cx, cy). */
static void words(const app *a, draw_list *l, float cx, float cy, const char *word, const char *count,
                  gw_color col, float scale)
{
    float u = app_unit(a) * scale;
    if (!app_captions_shown(a))  /* present mode: the therapist may hide words and counts */
        return;
    draw_text(l, gw_rc(cx - 220 * u, cy - 52 * u, 440 * u, 60 * u), word, (int)lroundf(38 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), col);
    draw_text(l, gw_rc(cx - 100 * u, cy + 8 * u, 200 * u, 56 * u), count, (int)lroundf(40 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, col);
}

/* The word above, the count inside a small progress ring below: for the styles whose
 * figure does not itself carry a ring. */
static void words_ring(const app *a, draw_list *l, float cx, float cy, const char *word, const char *count,
                       gw_color wcol, double progress, gw_color col)
{
    float u = app_unit(a);
    if (!app_captions_shown(a)) {
        progress_ring(a, l, cx, cy + 20 * u, 50 * u, progress, col);
        return;
    }
    draw_text(l, gw_rc(cx - 220 * u, cy - 100 * u, 440 * u, 60 * u), word, (int)lroundf(38 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), wcol);
    draw_text(l, gw_rc(cx - 60 * u, cy - 8 * u, 120 * u, 56 * u), count, (int)lroundf(40 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t_text(a));
    progress_ring(a, l, cx, cy + 20 * u, 50 * u, progress, col);
}

static void draw_orb(const app *a, draw_list *l, float cx, float cy, float rmax, const breath_state *s,
                     gw_color col)
{
    float u = app_unit(a);
    float rmin = rmax * 0.42f;
    float r = quant(rmin + (rmax - rmin) * (float)s->fill, 0.5f);
    /* soft halo, then the orb; the halo is the phase colour faintly over the background,
     * mixed here so it can be drawn opaque (a solid fill is far cheaper than blending) */
    const theme *t = a->th;
    gw_color halo = col;
    halo.r = (uint8_t)((col.r * 28 + t->bg.r * 227) / 255);
    halo.g = (uint8_t)((col.g * 28 + t->bg.g * 227) / 255);
    halo.b = (uint8_t)((col.b * 28 + t->bg.b * 227) / 255);
    draw_circle(l, cx, cy, quant(r * 1.12f, 0.5f), halo);
    draw_circle(l, cx, cy, r, col);
    progress_ring(a, l, cx, cy, rmax + 30 * u, s->progress, col);
}

static void draw_box(const app *a, draw_list *l, float cx, float cy, float half, const breath_state *s,
                     gw_color col)
{
    const theme *t = a->th;
    float u = app_unit(a);
    gw_rect sq = gw_rc(cx - half, cy - half, 2 * half, 2 * half);
    draw_frame(l, sq, 18 * u, 6 * u, t->ring_track);
    /* the side of the current phase is lit up to the dot: up the left side while
     * breathing in, along the top while holding, down the right, back along the bottom */
    /* corners on the half-pixel grid the dot is placed on, so a side's lit line is
     * exactly horizontal or vertical */
    float x[5] = { quant(sq.x, 0.5f), quant(sq.x, 0.5f), quant(sq.x + sq.w, 0.5f), quant(sq.x + sq.w, 0.5f),
                   quant(sq.x, 0.5f) };
    float y[5] = { quant(sq.y + sq.h, 0.5f), quant(sq.y, 0.5f), quant(sq.y, 0.5f), quant(sq.y + sq.h, 0.5f),
                   quant(sq.y + sq.h, 0.5f) };
    int side = s->index % 4;
    float p = (float)ease(s->progress);
    float dx = quant(x[side] + (x[side + 1] - x[side]) * p, 0.5f);
    float dy = quant(y[side] + (y[side + 1] - y[side]) * p, 0.5f);
    /* the lit part starts where the frame's rounded corner ends (the dot covers the
     * corner), so it never pokes out past the curve */
    float rad = 18 * u, sx = x[side + 1] - x[side], sy = y[side + 1] - y[side];
    float len = fabsf(sx) + fabsf(sy);
    if (len > 0 && fabsf(dx - x[side]) + fabsf(dy - y[side]) > rad) {
        float lx = x[side] + sx / len * rad, ly = y[side] + sy / len * rad;
        draw_line(l, lx, ly, dx, dy, 6 * u, col);
    }
    draw_circle(l, dx, dy, 18 * u, col);
}

/* The wave: one breath's fill curve (rising, level, falling, level), and a marker at
 * the current position; the part already travelled is lit. */
static void draw_wave(const app *a, draw_list *l, float cx, float cy, float half_w, float half_h,
                      const breath_state *s, gw_color col)
{
    const theme *t = a->th;
    float u = app_unit(a);
    const breath_pattern *p = &a->pattern;
    gw_ns len = breath_cycle_len(p);
    if (len <= 0)
        return;
    double before = 0;
    for (int i = 0; i < s->index && i < p->nphase; i++)
        before += p->phase[i].ms;
    double cur = s->index < p->nphase ? p->phase[s->index].ms : 0;
    double mx = (before + s->progress * cur) / ((double)len / GW_NS_PER_MS);
    float x0 = cx - half_w, y0 = cy + half_h, wd = 2 * half_w, ht = 2 * half_h;
    enum { SEG = 96 };
    float px = x0, py = y0;
    for (int i = 0; i <= SEG; i++) {
        breath_state b;
        breath_at(p, p->lead_in_ns + len * i / SEG, &b);
        double f = i == SEG ? 0 : b.fill;
        float nx = x0 + wd * (float)i / SEG, ny = quant(y0 - ht * (float)f, 0.5f);
        if (i > 0) {
            bool lit = (double)i / SEG <= mx + 1e-9;
            draw_line(l, px, py, nx, ny, 5 * u, lit ? col : t->ring_track);
        }
        px = nx;
        py = ny;
    }
    float mxp = quant(x0 + wd * (float)mx, 0.5f), myp = quant(y0 - ht * (float)s->fill, 0.5f);
    gw_color halo = col;
    halo.a = 60;
    draw_circle(l, mxp, myp, 30 * u, halo);
    draw_circle(l, mxp, myp, 18 * u, col);
}

/* The tube: a vertical glass that fills while breathing in and empties breathing out. */
static void draw_tube(const app *a, draw_list *l, float cx, float top, float bottom, const breath_state *s,
                      gw_color col)
{
    const theme *t = a->th;
    float u = app_unit(a);
    float w = 120 * u, pad = 8 * u;
    gw_rect glass = gw_rc(cx - w / 2, top, w, bottom - top);
    draw_rect(l, glass, w / 2, t->surface);
    float inner = glass.h - 2 * pad;
    float h = quant(inner * (float)s->fill, 1.f);
    if (h >= 1)
        draw_rect(l, gw_rc(glass.x + pad, glass.y + glass.h - pad - h, w - 2 * pad, h),
                  fminf((w - 2 * pad) / 2, h / 2), col);
    draw_frame(l, glass, w / 2, 3 * u, t->ring_track);
}

/* Calm (reduced motion): nothing scales or travels smoothly. A bar fills one step per
 * second of the phase, in step with the seconds count. */
static void draw_calm(const app *a, draw_list *l, float cx, float cy, float half_w, const breath_state *s,
                      int count, gw_color col)
{
    const theme *t = a->th;
    float u = app_unit(a);
    int secs = (int)ceil(gw_seconds(s->phase_len) - 1e-6);
    if (secs < 1)
        secs = 1;
    float frac = s->stage == BREATH_STAGE_BREATHING ? (float)(secs - count + 1) / (float)secs : 0;
    frac = frac < 0 ? 0 : frac > 1 ? 1 : frac;
    gw_rect bar = gw_rc(cx - half_w, cy, 2 * half_w, 22 * u);
    draw_rect(l, bar, 11 * u, t->ring_track);
    if (frac > 0)
        draw_rect(l, gw_rc(bar.x, bar.y, quant(bar.w * frac, 1.f), bar.h), 11 * u, col);
}

static void footer(const app *a, draw_list *l, const breath_state *s, float foot)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float fy = H - foot + 22 * u, pad = 40 * u, bh = 60 * u, gap = 10 * u;
    char left[64], rem[32], remtxt[64];
    int shown_cycle = s->stage == BREATH_STAGE_LEAD_IN ? 1 : s->cycle + 1;
    snprintf(left, sizeof left, _("Breath %d of %d"), shown_cycle, s->total_cycles);
    ui_clock(rem, sizeof rem, gw_seconds(s->remaining));
    snprintf(remtxt, sizeof remtxt, _("%s left"), rem);
    draw_text(l, gw_rc(pad, fy, 250 * u, bh), left, (int)lroundf(24 * u), VALIGN_MIDDLE | TEXT_FIT, t->text);
    draw_text(l, gw_rc(W - pad - 200 * u, fy, 200 * u, bh), remtxt, (int)lroundf(24 * u),
              ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text);
    struct { const char *id, *label; float w; } b[] = {
        { "shorter", _("Shorter"), 120 }, { "pause", a->clock.paused ? _("Resume") : _("Pause"), 150 },
        { "longer", _("Longer"), 120 },   { "style", _("Style"), 120 },
        { "mute", a->muted ? _("Unmute") : _("Mute"), 120 },
        { "speak", a->speak ? _("Quiet") : _("Voice"), 120 },
    };
    int nb = (int)(sizeof b / sizeof *b);
    float total = -gap;
    for (int i = 0; i < nb; i++)
        total += b[i].w * u + gap;
    float x = W / 2 - total / 2;
    for (int i = 0; i < nb; i++) {
        ui_button(a, l, b[i].id, gw_rc(x, fy, b[i].w * u, bh), b[i].label, false, false);
        x += b[i].w * u + gap;
    }
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
    char count[16];
    const char *word;
    int n;
    if (s->stage == BREATH_STAGE_LEAD_IN) {
        word = _("Get ready");
        n = s->lead_in_count;
    } else {
        word = phase_word(s->kind);
        double left = gw_seconds(s->phase_start + s->phase_len) - gw_seconds(tb_elapsed(&a->clock, a->now));
        n = (int)ceil(left - 1e-6);
    }
    snprintf(count, sizeof count, "%d", n);

    switch (pacer_style_of(a)) {
    case PACER_BOX:
        draw_box(a, l, cx, cy, room * 0.8f, &shown, col);
        words_ring(a, l, cx, cy, word, count, t->text, shown.progress, col);
        break;
    case PACER_WAVE: {
        float hw = fminf(W * 0.36f, 520 * u), hh = room * 0.42f;
        draw_wave(a, l, cx, cy + 40 * u, hw, hh, &shown, col);
        words(a, l, cx, cy - hh - 10 * u, word, "", col, 1);
        draw_text(l, gw_rc(cx + hw + 20 * u, cy - 28 * u, 120 * u, 56 * u), count, (int)lroundf(40 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        progress_ring(a, l, cx + hw + 80 * u, cy, 40 * u, shown.progress, col);
        break;
    }
    case PACER_TUBE:
        draw_tube(a, l, cx - 160 * u, cy - room, cy + room, &shown, col);
        words_ring(a, l, cx + 140 * u, cy, word, count, col, shown.progress, col);
        break;
    case PACER_CALM:
        words(a, l, cx, cy - 50 * u, word, count, col, 1.3f);
        draw_calm(a, l, cx, cy + 70 * u, fminf(W * 0.3f, 360 * u), &shown, n, col);
        break;
    default:
        draw_orb(a, l, cx, cy, room - 34 * u, &shown, col);
        words(a, l, cx, cy, word, count, t->bg, 1);
        break;
    }
    footer(a, l, s, foot);
    if (a->clock.paused)
        draw_text(l, gw_rc(0, bar, W, 50 * u), _("Paused"), (int)lroundf(26 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->focus);
}

static void enter(app *a)
{
    a->cue_boundary = -1;
    plat_audio_set_muted(a->audio, a->muted);
}

static void leave(app *a)
{
    plat_audio_cancel_cues(a->audio);
    plat_audio_pause(a->audio, false);
    app_leave_exercise(a);
}

static void toggle_pause(app *a)
{
    if (!a->ex_active)
        return;
    app_set_paused(a, !a->clock.paused);
    plat_audio_pause(a->audio, a->clock.paused); /* drops cues not yet started */
}

/* Lengthens or shortens every phase, keeping the breath, phase and fraction of the
 * phase where they are (see the header comment). */
static void adjust(app *a, int32_t delta_ms)
{
    if (!a->ex_active || a->bs.stage == BREATH_STAGE_DONE)
        return;
    gw_ns t = tb_elapsed(&a->clock, a->now);
    breath_state old;
    breath_at(&a->pattern, t, &old);
    /* the session keeps its number of breaths ("breath n of N" does not jump); its
     * length follows the new pace */
    if (a->pattern.cycles == 0 && old.total_cycles > 0) {
        a->pattern.cycles = old.total_cycles;
        a->pattern.session_ns = 0;
    }
    breath_adjust(&a->pattern, delta_ms);
    trace_begin(a->tr, a->now, "adjust");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "delta_ms", delta_ms);
    trace_end(a->tr);
    if (old.stage == BREATH_STAGE_BREATHING) {
        /* the new timeline's state is monotonic in time: find where it reaches the same
         * breath, phase and progress */
        gw_ns lo = 0, hi = breath_total(&a->pattern);
        while (hi - lo > 1) {
            gw_ns mid = lo + (hi - lo) / 2;
            breath_state m;
            breath_at(&a->pattern, mid, &m);
            bool before = m.stage == BREATH_STAGE_LEAD_IN ||
                          (m.stage == BREATH_STAGE_BREATHING &&
                           (m.cycle < old.cycle || (m.cycle == old.cycle && (m.index < old.index ||
                            (m.index == old.index && m.progress < old.progress)))));
            if (before)
                lo = mid;
            else
                hi = mid;
        }
        tb_seek(&a->clock, a->now, hi);
        breath_at(&a->pattern, hi, &a->bs);
        /* the phase continues: no new phase event or cue for it */
        a->last_index = a->bs.index;
        a->last_cycle = a->bs.cycle;
    }
    plat_audio_cancel_cues(a->audio);
    a->cue_boundary = -1;
}

static void set_style(app *a)
{
    int next = (pacer_style_of(a) + 1) % PACER_STYLE_COUNT;
    a->pacer_style = next + 1;
    trace_begin(a->tr, a->now, "style");
    trace_str(a->tr, "style", pacer_style_name(next));
    trace_end(a->tr);
}

static void toggle_mute(app *a)
{
    a->muted = !a->muted;
    plat_audio_set_muted(a->audio, a->muted);
    trace_begin(a->tr, a->now, "mute");
    trace_bool(a->tr, "muted", a->muted);
    trace_end(a->tr);
}

static void toggle_speak(app *a)
{
    a->speak = !a->speak;
    a->spoken_sec = 0;
    trace_begin(a->tr, a->now, "speak");
    trace_bool(a->tr, "on", a->speak);
    trace_end(a->tr);
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "back") || !strcmp(w, "done"))
        leave(a);
    else if (!strcmp(w, "pause"))
        toggle_pause(a);
    else if (!strcmp(w, "again"))
        app_start_exercise(a, a->ex->id);
    else if (!strcmp(w, "longer"))
        adjust(a, ADJUST_MS);
    else if (!strcmp(w, "shorter"))
        adjust(a, -ADJUST_MS);
    else if (!strcmp(w, "style"))
        set_style(a);
    else if (!strcmp(w, "mute"))
        toggle_mute(a);
    else if (!strcmp(w, "speak"))
        toggle_speak(a);
}

static bool key_is(const gw_event *e, const char *k) { return !strcmp(e->key, k); }

static bool event(app *a, const gw_event *e)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    if (key_is(e, "Escape") || key_is(e, "b") || key_is(e, "AC Back")) {
        leave(a);
        return true;
    }
    if (a->bs.stage == BREATH_STAGE_DONE) {
        if (key_is(e, "Return") || key_is(e, "Space") || key_is(e, "a")) {
            leave(a);
            return true;
        }
        return false;
    }
    if (key_is(e, "Space") || key_is(e, "P") || key_is(e, "start"))
        toggle_pause(a);
    else if (key_is(e, "Up") || key_is(e, "Right") || key_is(e, "dpup") || key_is(e, "dpright"))
        adjust(a, ADJUST_MS);
    else if (key_is(e, "Down") || key_is(e, "Left") || key_is(e, "dpdown") || key_is(e, "dpleft"))
        adjust(a, -ADJUST_MS);
    else if (key_is(e, "S"))
        set_style(a);
    else if (key_is(e, "M"))
        toggle_mute(a);
    else if (key_is(e, "V"))
        toggle_speak(a);
    else
        return false;
    return true;
}

static gw_ns next_change(const app *a)
{
    if (!a->ex_active || a->clock.paused)
        return GW_NEVER;
    gw_ns t = tb_elapsed(&a->clock, a->now);
    gw_ns nb = breath_next_boundary(&a->pattern, t);
    gw_ns wake = GW_NEVER;
    if (nb != GW_NEVER) {
        /* wake in time to schedule the next cue, and at the boundary itself */
        gw_ns cue = nb - PACER_CUE_AHEAD;
        wake = a->now + (cue > t && nb != a->cue_boundary ? cue - t : nb - t);
    }
    if (pacer_style_of(a) == PACER_CALM || a->bs.stage == BREATH_STAGE_LEAD_IN) {
        /* only the count (and the calm bar with it) changes, once per second */
        gw_ns into = a->bs.stage == BREATH_STAGE_LEAD_IN ? t : t - a->bs.phase_start;
        gw_ns sec = GW_NS_PER_SEC - into % GW_NS_PER_SEC;
        gw_ns tick = a->now + sec;
        gw_ns rem = a->bs.remaining % GW_NS_PER_SEC; /* the time left ticks too */
        if (rem > 0 && a->now + rem < tick)
            tick = a->now + rem;
        return tick < wake ? tick : wake;
    }
    gw_ns frame = a->now + GW_NS_PER_SEC / 60;
    return frame < wake ? frame : wake;
}

const scene_vt scene_pacer = { "pacer", enter, event, activate, NULL, draw, next_change };
