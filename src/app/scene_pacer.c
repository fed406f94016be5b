/* scene_pacer: a breathing exercise. Everything drawn comes from the breath_state that
 * the exercise's update (pacer.c) computed in closed form from the elapsed time;
 * drawing changes nothing.
 * Styles: orb (grows and shrinks), box (a dot travels one side per phase), wave (a
 * marker rides the breath's curve), tube (fills and empties) and calm (reduced motion:
 * nothing scales, a bar fills once per second, the words carry the rhythm). Every style
 * shows the phase word, a seconds count and a thin progress ring; the footer shows
 * "breath n of N" and the time left. Positions are quantized so frames that would give
 * the same pixels compare equal (draw_diff) and the calm style changes once a second.
 * Widget ids: back, pause, shorter, longer (not in the resonance assessment), style,
 * mute, speak, done, again.
 * Keys: Space/P pause, Up/Right longer, Down/Left shorter, S style, M mute, Escape leaves.
 *
 * Longer/shorter change every phase by 0.5 s (pacer_run_adjust) at once. The timeline is
 * re-anchored (tb_seek) so the same breath, the same phase and the same fraction of it
 * continue: the lungs' fill does not jump, only the pace changes from that moment. The
 * session keeps its number of breaths; its time left follows the new pace. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/pacer.h"
#include "app/pacer_figure.h"
#include "app/pacer_layout.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/sound.h"

#define ADJUST_MS 500

static struct pacer_st *ST(const app *a) { return app_state(a, SCENE_PACER); }

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

/* The exercise's own words for the phase (4-7-8: "Out through the mouth"), else the
 * program's. */
static const char *phase_label(const app *a, const breath_state *s)
{
    const pack_text *t = s->opening ? &a->ex->opening_label
                         : s->index >= 0 && s->index < BREATH_MAX_PHASES ? &a->ex->phase_label[s->index]
                                                                         : NULL;
    const char *w = t && t->n > 0 ? app_text(a, t) : "";
    return w[0] ? w : phase_word(s->kind);
}

static gw_color t_text(const app *a) { return a->th->text; }

static pacer_fig fig_of(const app *a, draw_list *l)
{
    pacer_fig f = { l, a->th, app_unit(a), &ST(a)->run.pattern };
    return f;
}

/* The phase word's size: as designed if it fits w, else a little smaller. */
static int word_px(const app *a, const char *word, float px, float w)
{
    ui_ctx ui = app_ui(a);
    int p = (int)lroundf(px);
    return ui_fit_px(&ui, word, p, ui_min_px(&ui, p), true, w, 1e6f);
}

/* The widest of the words the exercise's phases show (each fitted as word_px does), so
 * that a figure keeps its place from phase to phase. */
static float widest_word(const app *a, float px, float w)
{
    ui_ctx ui = app_ui(a);
    const breath_pattern *p = &ST(a)->run.pattern;
    breath_state s = { .opening = true, .index = -1, .kind = BREATH_EXHALE };
    float most = 0;
    for (int i = p->opening_ms > 0 ? -1 : 0; i < p->nphase && i < BREATH_MAX_PHASES; i++) {
        if (i >= 0)
            s = (breath_state){ .index = i, .kind = p->phase[i].kind };
        const char *word = phase_label(a, &s);
        most = fmaxf(most, ui_text_w(&ui, word, word_px(a, word, px, w), true));
    }
    return most;
}

/* The phase word and the seconds count, centred on (cx, cy). */
static void words(const app *a, draw_list *l, float cx, float cy, const char *word, const char *count,
                  gw_color col, float scale)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a) * scale;
    if (!app_captions_shown(a))  /* present mode: the therapist may hide words and counts */
        return;
    int wpx = word_px(a, word, 38 * u, 440 * u), cpx = (int)lroundf(40 * u);
    float wh = fmaxf(60 * u, ui_text_h(&ui, word, wpx, true, 0)), ch = *count ? fmaxf(56 * u, ui_text_h(&ui, count, cpx, false, 0)) : 56 * u;
    /* as designed: the word from cy - 52, the count below it; taller text keeps the
     * pair centred on the same line */
    float top = cy + 6 * u - (wh + ch) / 2;
    draw_text(l, gw_rc(cx - 220 * u, top, 440 * u, wh), word, wpx, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), col);
    draw_text(l, gw_rc(cx - 100 * u, top + wh, 200 * u, ch), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, col);
}

/* The seconds count in a small progress ring at (cx, ry), the word above it: for the
 * styles whose figure does not itself carry a ring. */
static void words_ring(const app *a, draw_list *l, float cx, float cy, const char *word, const char *count,
                       gw_color wcol, double progress, gw_color col)
{
    pacer_fig F = fig_of(a, l);
    ui_ctx ui = app_ui(a);
    float u = app_unit(a);
    int cpx = (int)lroundf(40 * u);
    float ch = fmaxf(56 * u, ui_text_h(&ui, count, cpx, false, 0));
    float rr = fmaxf(50 * u, ch * 0.5f), ry = cy + 20 * u;
    if (!app_captions_shown(a)) {
        pacer_fig_ring(&F, cx, ry, rr, progress, col);
        return;
    }
    int wpx = word_px(a, word, 38 * u, 440 * u);
    float wh = fmaxf(60 * u, ui_text_h(&ui, word, wpx, true, 440 * u)); /* as wrapped in its box */
    draw_text(l, gw_rc(cx - 220 * u, ry - rr - 10 * u - wh, 440 * u, wh), word, wpx,
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), wcol);
    draw_text(l, gw_rc(cx - 60 * u, ry - 28 * u - (ch - 56 * u) / 2, 120 * u, ch), count, cpx,
              ALIGN_CENTER | VALIGN_MIDDLE, t_text(a));
    pacer_fig_ring(&F, cx, ry, rr, progress, col);
}

static void status_text(const app *a, const breath_state *s, char *left, size_t nl, char *right, size_t nr)
{
    char rem[32];
    int shown_cycle = s->stage == BREATH_STAGE_LEAD_IN ? 1 : s->cycle + 1;
    snprintf(left, nl, _("Breath %d of %d"), shown_cycle, s->total_cycles);
    ui_clock(rem, sizeof rem, gw_seconds(s->remaining));
    snprintf(right, nr, _("%s left"), rem);
}

/* The closing screen: well done, how many breaths, Again and Finish. */
static void closing(const app *a, draw_list *l, float bar)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    const breath_state *s = &ST(a)->run.st;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    char msg[128];
    snprintf(msg, sizeof msg, P_("You completed %d breath.", "You completed %d breaths.", s->total_cycles),
             s->total_cycles);
    const char *again = _("Again"), *fin = _("Finish");
    float bw = fmaxf(ui_button_w(&ui, again, 260 * u), ui_button_w(&ui, fin, 260 * u));
    bw = fminf(bw, (W - 80 * u) / 2);
    float bh = fmaxf(ui_button_h(&ui, again, bw, 64 * u), ui_button_h(&ui, fin, bw, 64 * u));
    int tpx = (int)lroundf(48 * u), mpx = (int)lroundf(24 * u);
    ui_block k[3] = {
        { .text = _("Well done."), .px = tpx, .min_px = ui_min_px(&ui, tpx), .bold = true, .w = W - 80 * u, .min_h = 70 * u },
        { .text = msg, .px = mpx, .min_px = ui_min_px(&ui, mpx), .w = W - 80 * u, .min_h = 40 * u, .gap = 10 * u,
          .min_gap = 6 * u },
        { .w = bw, .min_h = bh, .gap = 30 * u, .min_gap = 16 * u },
    };
    float cy = bar + (H - bar - 110 * u) / 2;
    float top = cy - 90 * u, natural = 70 * u + 10 * u + 40 * u + 30 * u + 64 * u;
    float h0 = fmaxf(70 * u, ui_text_h(&ui, k[0].text, tpx, true, k[0].w)) + 10 * u +
               fmaxf(40 * u, ui_text_h(&ui, msg, mpx, false, k[1].w)) + 30 * u + bh;
    if (h0 > natural) /* taller text: centred in the room below the bar */
        top = bar + fmaxf(0, (H - 24 * u - bar - h0) / 2);
    ui_stack(&ui, k, 3, top, H - 24 * u);
    draw_text(l, gw_rc(40 * u, k[0].y, W - 80 * u, k[0].h), k[0].text, k[0].px_out,
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(40 * u, k[1].y, W - 80 * u, k[1].h), msg, k[1].px_out, ALIGN_CENTER | VALIGN_MIDDLE,
              t->text_dim);
    float gap = 24 * u, cx = W / 2;
    ui_button(&ui, l, "again", gw_rc(cx - bw - gap / 2, k[2].y, bw, bh), again, false, false);
    ui_button(&ui, l, "done", gw_rc(cx + gap / 2, k[2].y, bw, bh), fin, true, true);
}

static void pacer_scene_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    const breath_state *s = &ST(a)->run.st;
    float u = app_unit(a);
    /* the ambient background, first so the renderer fills with it instead of bg */
    pacer_fig F = fig_of(a, l);
    pacer_fig_background(&F, a->w, a->h);
    float bar = ui_top_bar(&ui, l, app_text(a, &a->ex->title));

    if (s->stage == BREATH_STAGE_DONE) {
        closing(a, l, bar);
        return;
    }
    char left[64], right[64];
    status_text(a, s, left, sizeof left, right, sizeof right);
    pacer_layout L = pacer_lay_out(a, bar, left, right);
    int ppx = (int)lroundf(26 * u);
    float paused_h = fmaxf(50 * u, ui_text_h(&ui, _("Paused"), ppx, true, 0));
    if (a->clock.paused && a->view.text_scale > 1.f) { /* room for the word "Paused" above the figure */
        L.fig.y += paused_h;
        L.fig.h -= paused_h;
    }
    /* the heart-rate row under the figure: taller with large text, the figure smaller */
    float hr_h = fmaxf(32 * u, app_hr_row_h(a, L.fig.w));
    if (hr_h > 32 * u)
        L.fig.h -= hr_h - 32 * u + 12 * u;
    float FW = L.fig.w;
    float cx = L.fig.x + FW / 2, cy = L.fig.y + L.fig.h / 2;
    float room = fminf(FW, L.fig.h) / 2 - 40 * u;

    gw_color col = pacer_fig_color(t, &ST(a)->run.pattern, s, tb_elapsed(&a->clock, a->now),
                                   pacer_style_of(a) == PACER_CALM);
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
        word = phase_label(a, s);
        double rest = gw_seconds(s->phase_start + s->phase_len) - gw_seconds(tb_elapsed(&a->clock, a->now));
        n = (int)ceil(rest - 1e-6);
    }
    snprintf(count, sizeof count, "%d", n);

    switch (pacer_style_of(a)) {
    case PACER_BOX: {
        /* the word and the count's ring inside the box; with large text, a word that
         * does not fit goes above the box */
        float half = room * 0.8f;
        int wpx = word_px(a, word, 38 * u, 440 * u);
        ui_text_size wm = ui_measure(&ui, word, wpx, true, 0);
        float need = fmaxf(60 * u, wm.h) + 10 * u + 2 * fmaxf(50 * u, ui_text_h(&ui, count, (int)lroundf(40 * u), false, 0) / 2);
        /* inside: clear of the frame, and of the dot and its glow travelling on it */
        float inside = 2 * half - 2 * 40 * u;
        if (!app_captions_shown(a) || (wm.w <= inside && need <= inside)) {
            pacer_fig_box(&F, cx, cy, half, &shown, col);
            words_ring(a, l, cx, cy, word, count, t->text, shown.progress, col);
        } else {
            /* above the box, clear of the dot and its glow on the top side */
            float band = wm.h + 44 * u, by = cy + band / 2;
            half = fminf(half, (L.fig.h - band) / 2 - 24 * u);
            pacer_fig_box(&F, cx, by, half, &shown, col);
            draw_text(l, gw_rc(L.fig.x, by - half - 40 * u - wm.h, FW, wm.h), word, wpx,
                      ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
            words_ring(a, l, cx, by - 20 * u, "", count, t->text, shown.progress, col);
        }
        break;
    }
    case PACER_WAVE: {
        float hw = fminf(fminf(FW * 0.36f, 520 * u), FW / 2 - 150 * u), hh = room * 0.42f;
        pacer_fig_wave(&F, cx, cy + 40 * u, hw, hh, &shown, col);
        if (!app_captions_shown(a))
            break;
        /* the word and the count side by side above the curve (the count after the
         * word: at its left in a right-to-left language, as draw_adapt mirrors it) */
        int wpx = word_px(a, word, 38 * u, 440 * u), cpx = (int)lroundf(40 * u);
        float ww = ui_text_w(&ui, word, wpx, true), cw = ui_text_w(&ui, "00", cpx, false);
        float rowh = fmaxf(fmaxf(60 * u, ui_text_h(&ui, word, wpx, true, 0)), ui_text_h(&ui, count, cpx, false, 0));
        float gap = 24 * u, x0 = cx - (ww + gap + cw) / 2;
        float ry = cy - hh - rowh; /* clear of the marker and its glow at the crest */
        draw_text(l, gw_rc(x0, ry, ww + 1, rowh), word, wpx, ALIGN_LEFT | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        draw_text(l, gw_rc(x0 + ww + gap, ry, cw + 1, rowh), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        break;
    }
    case PACER_TUBE:
        pacer_fig_tube(&F, cx - 160 * u, cy - room, cy + room, &shown, col);
        words_ring(a, l, cx + 140 * u, cy, word, count, t->text, shown.progress, col);
        break;
    case PACER_CALM:
        words(a, l, cx, cy - 50 * u, word, count, col, 1.3f);
        pacer_fig_calm(&F, cx, cy + 70 * u * fmaxf(1.f, a->view.text_scale), fminf(FW * 0.3f, 360 * u), &shown, n, col);
        break;
    default: {
        /* the word and count in the orb, in the background colour, only when every
         * phase's word fits inside the orb at its smallest (else a word would run past
         * the orb's edge into the dark, cut, at the start of each inhale and the end of
         * each exhale); otherwise the words go above the orb, in the text colour, the
         * count stays in the orb */
        float rmax = room - 34 * u;
        int wpx = word_px(a, word, 38 * u, 440 * u);
        float ww = fmaxf(widest_word(a, 38 * u, 440 * u), /* the same place for every phase */
                         ui_text_w(&ui, _("Get ready"), word_px(a, _("Get ready"), 38 * u, 440 * u), true));
        if (ww <= 2 * rmax * 0.42f * 0.86f || !app_captions_shown(a)) {
            pacer_fig_orb(&F, cx, cy, rmax, &shown, col);
            words(a, l, cx, cy, word, count, t->bg, 1);
        } else {
            float wh = ui_text_h(&ui, word, wpx, true, 0);
            float oy = cy + (wh + 10 * u) / 2, orm = rmax - (wh + 10 * u) / 2;
            pacer_fig_orb(&F, cx, oy, orm, &shown, col);
            draw_text(l, gw_rc(L.fig.x, oy - orm - 30 * u - 10 * u - wh, FW, wh), word, wpx,
                      ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
            /* the count as large as designed, but never larger than the orb at its
             * smallest holds (large text, a tall word above leaving a smaller orb) */
            float ts = a->view.text_scale > 0 ? a->view.text_scale : 1.f;
            int cpx = (int)fminf(lroundf(40 * u), floorf(2 * orm * 0.42f * 0.6f / ts));
            float ch = ui_text_h(&ui, count, cpx, false, 0);
            draw_text(l, gw_rc(cx - orm, oy - ch / 2, 2 * orm, ch), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, t->bg);
        }
        break;
    }
    }
    pacer_footer(a, l, &L, left, right);
    /* the heart rate as a calm line under the figure and the swing per breath beside
     * it, while a sensor or recording gives beats (app_hr.c draws them; nothing without) */
    app_hr_draw_live(a, l, gw_rc(L.fig.x, L.fig.y + L.fig.h - 40 * u, FW, hr_h));
    if (a->clock.paused)
        draw_text(l, gw_rc(L.fig.x, bar, FW, paused_h), _("Paused"), ppx, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
                  t->focus);
}

static void pacer_scene_leave(app *a)
{
    sound_cancel_cues(a->sound);
    sound_pause(a->sound, false);
    app_leave_exercise(a);
}

static void toggle_pause(app *a)
{
    if (!a->ex_active)
        return;
    app_set_paused(a, !a->clock.paused);
    sound_pause(a->sound, a->clock.paused); /* drops cues not yet started */
}

/* Lengthens or shortens every phase, keeping the breath, phase and fraction of the
 * phase where they are (see the header comment). */
static void adjust(app *a, int32_t delta_ms)
{
    pacer_run *r = &ST(a)->run;
    if (!a->ex_active || r->st.stage == BREATH_STAGE_DONE)
        return;
    gw_ns at = pacer_run_adjust(r, tb_elapsed(&a->clock, a->now), delta_ms);
    trace_begin(a->tr, a->now, "adjust");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "delta_ms", delta_ms);
    trace_end(a->tr);
    if (at >= 0)
        tb_seek(&a->clock, a->now, at);
    sound_cancel_cues(a->sound);
}

static void set_style(app *a)
{
    int next = (pacer_style_of(a) + 1) % PACER_STYLE_COUNT;
    pacer_set_style(a, next);
    trace_begin(a->tr, a->now, "style");
    trace_str(a->tr, "style", pacer_style_name(next));
    trace_end(a->tr);
}

static void toggle_mute(app *a)
{
    struct pacer_st *s = ST(a);
    s->muted = !s->muted;
    sound_mute(a->sound, s->muted);
    trace_begin(a->tr, a->now, "mute");
    trace_bool(a->tr, "muted", s->muted);
    trace_end(a->tr);
}

static void toggle_speak(app *a)
{
    struct pacer_st *s = ST(a);
    s->speak = !s->speak;
    pacer_run_recount(&s->run);
    trace_begin(a->tr, a->now, "speak");
    trace_bool(a->tr, "on", s->speak);
    trace_end(a->tr);
}

static void pacer_scene_activate(app *a, const char *w)
{
    if (!strcmp(w, "back") || !strcmp(w, "done"))
        pacer_scene_leave(a);
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

static bool pacer_scene_event(app *a, const gw_event *e)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    if (key_is(e, "Escape") || key_is(e, "b") || key_is(e, "AC Back")) {
        pacer_scene_leave(a);
        return true;
    }
    if (ST(a)->run.st.stage == BREATH_STAGE_DONE) {
        if (key_is(e, "Return") || key_is(e, "Space") || key_is(e, "a")) {
            pacer_scene_leave(a);
            return true;
        }
        if (key_is(e, "R")) /* Again, as R restarts elsewhere: its button takes no focus */
            return app_press(a, "again");
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

static gw_ns pacer_scene_next_change(const app *a)
{
    if (!a->ex_active || a->clock.paused)
        return GW_NEVER;
    const pacer_run *r = &ST(a)->run;
    const breath_state *s = &r->st;
    gw_ns t = tb_elapsed(&a->clock, a->now);
    gw_ns in = pacer_run_wake(r, t);
    gw_ns wake = in == GW_NEVER ? GW_NEVER : a->now + in;
    if (pacer_style_of(a) == PACER_CALM || s->stage == BREATH_STAGE_LEAD_IN) {
        /* only the count (and the calm bar with it) changes, once per second */
        gw_ns into = s->stage == BREATH_STAGE_LEAD_IN ? t : t - s->phase_start;
        gw_ns sec = GW_NS_PER_SEC - into % GW_NS_PER_SEC;
        gw_ns tick = a->now + sec;
        gw_ns rem = s->remaining % GW_NS_PER_SEC; /* the time left ticks too */
        if (rem > 0 && a->now + rem < tick)
            tick = a->now + rem;
        return tick < wake ? tick : wake;
    }
    gw_ns frame = a->now + GW_NS_PER_SEC / 60;
    return frame < wake ? frame : wake;
}

const scene_vt scene_pacer = {
    .id = SCENE_PACER,
    .name = "pacer",
    .focus_keys = FOCUS_TAB,
    .enter = pacer_enter,
    .event = pacer_scene_event,
    .activate = pacer_scene_activate,
    .draw = pacer_scene_draw,
    .next_change = pacer_scene_next_change,
    .state_size = sizeof(struct pacer_st),
    .start = pacer_start,
    .trace_start = pacer_trace_start,
    .advance = pacer_advance,
    .paused = pacer_paused,
};
