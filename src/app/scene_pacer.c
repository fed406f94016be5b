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

/* The widest (tall false) or tallest (wrapped at w) of the words the exercise shows,
 * its phases' and "Get ready", each fitted as word_px does: the room a figure keeps
 * for its word, the same in every phase, so that it keeps its place and a long word
 * ("Slowly out through the mouth") is never sliced through its lines. Kept (the last
 * few sizes and widths) while the exercise, language and text size stay. */
static float word_extent(const app *a, bool tall, float px, float w)
{
    struct pacer_st *st = ST(a);
    float scale = a->view.text_scale;
    for (int k = 0; k < 8; k++) {
        const struct pacer_words_kept *m = &st->words_kept[k];
        if (m->used && m->ex == a->ex && m->tall == tall && m->px == px && m->w == w && m->scale == scale &&
            !strcmp(m->lang, a->lang))
            return m->v;
    }
    ui_ctx ui = app_ui(a);
    const breath_pattern *p = &st->run.pattern;
    const char *ready = _("Get ready");
    int rpx = word_px(a, ready, px, w);
    float most = tall ? ui_text_h(&ui, ready, rpx, true, w) : ui_text_w(&ui, ready, rpx, true);
    breath_state s = { .opening = true, .index = -1, .kind = BREATH_EXHALE };
    for (int i = p->opening_ms > 0 ? -1 : 0; i < p->nphase && i < BREATH_MAX_PHASES; i++) {
        if (i >= 0)
            s = (breath_state){ .index = i, .kind = p->phase[i].kind };
        const char *word = phase_label(a, &s);
        int wpx = word_px(a, word, px, w);
        most = fmaxf(most, tall ? ui_text_h(&ui, word, wpx, true, w) : ui_text_w(&ui, word, wpx, true));
    }
    struct pacer_words_kept *m = &st->words_kept[st->words_next];
    st->words_next = (st->words_next + 1) % 8;
    *m = (struct pacer_words_kept){ .ex = a->ex, .scale = scale, .px = px, .w = w, .v = most, .tall = tall, .used = true };
    snprintf(m->lang, sizeof m->lang, "%s", a->lang);
    return most;
}

static float widest_word(const app *a, float px, float w) { return word_extent(a, false, px, w); }

static float tallest_word(const app *a, float px, float w, float min_h)
{
    return fmaxf(min_h, word_extent(a, true, px, w));
}

/* The phase word and the seconds count, centred on (cx, cy), the word wrapped at w
 * (as designed, 440) in a box of height wh (0: its own). */
static void words(const app *a, draw_list *l, float cx, float cy, const char *word, const char *count,
                  gw_color col, float scale, float w, float wh)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a) * scale;
    if (!app_captions_shown(a))  /* present mode: the therapist may hide words and counts */
        return;
    int wpx = word_px(a, word, 38 * u, w), cpx = (int)lroundf(40 * u);
    if (wh <= 0)
        wh = fmaxf(60 * u, ui_text_h(&ui, word, wpx, true, w));
    float ch = *count ? fmaxf(56 * u, ui_text_h(&ui, count, cpx, false, 0)) : 56 * u;
    /* as designed: the word from cy - 52, the count below it; taller text keeps the
     * pair centred on the same line */
    float top = cy + 6 * u - (wh + ch) / 2;
    draw_text(l, gw_rc(cx - w / 2, top, w, wh), word, wpx, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), col);
    draw_text(l, gw_rc(cx - 100 * u, top + wh, 200 * u, ch), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, col);
}

/* The seconds count in a small progress ring at (cx, ry), the word above it: for the
 * styles whose figure does not itself carry a ring. */
static void words_ring(const app *a, draw_list *l, float cx, float cy, const char *word, const char *count,
                       gw_color wcol, double progress, gw_color col, gw_rect room)
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
    if (*word) {
        /* the word as wide as designed (440) but within the room either side of cx, in a
         * box as tall as the tallest of the exercise's words; word and ring moved down
         * as far as the room allows when the word would rise out of it */
        float ww = fminf(440 * u, 2 * fminf(cx - room.x, room.x + room.w - cx) - 8 * u);
        float px = 38 * u, wh = tallest_word(a, px, ww, 60 * u);
        /* too tall for the room even from its top: the words a little smaller */
        for (int k = 0; k < 4 && wh + 10 * u + 2 * rr > room.h; k++)
            wh = tallest_word(a, px *= 0.9f, ww, 60 * u);
        int wpx = word_px(a, word, px, ww);
        ry += fmaxf(0.f, (wh - 60 * u) / 2); /* a taller word: the pair kept about the same middle */
        if (ry - rr - 10 * u - wh < room.y)
            ry = room.y + wh + 10 * u + rr;
        draw_text(l, gw_rc(cx - ww / 2, ry - rr - 10 * u - wh, ww, wh), word, wpx,
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), wcol);
    }
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

/* What the figure shows in this frame: the breath as drawn (the lead-in as an empty
 * first breath), its colour, the phase word and the seconds count. */
struct pacer_shows {
    breath_state shown;
    gw_color col;
    const char *word;
    char count[16];
    int n;
};

static void pacer_shows_of(const app *a, struct pacer_shows *w)
{
    const breath_state *s = &ST(a)->run.st;
    w->col = pacer_fig_color(a->th, &ST(a)->run.pattern, s, tb_elapsed(&a->clock, a->now),
                             pacer_style_of(a) == PACER_CALM);
    w->shown = *s;
    if (s->stage == BREATH_STAGE_LEAD_IN) {
        w->shown.fill = 0;
        w->shown.progress = 0;
        w->shown.index = 0;
        w->word = _("Get ready");
        w->n = s->lead_in_count;
    } else {
        w->word = phase_label(a, s);
        double rest = gw_seconds(s->phase_start + s->phase_len) - gw_seconds(tb_elapsed(&a->clock, a->now));
        w->n = (int)ceil(rest - 1e-6);
    }
    snprintf(w->count, sizeof w->count, "%d", w->n);
}

/* The figure of the pacer's style with its word and count, in the room fig. */
static void pacer_figure(const app *a, draw_list *l, gw_rect fig, const struct pacer_shows *sh)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a);
    pacer_fig F = fig_of(a, l);
    float FW = fig.w;
    float cx = fig.x + FW / 2, cy = fig.y + fig.h / 2;
    float room = fminf(FW, fig.h) / 2 - 40 * u;
    const breath_state shown = sh->shown;
    gw_color col = sh->col;
    const char *word = sh->word, *count = sh->count;
    int n = sh->n;

    switch (pacer_style_of(a)) {
    case PACER_BOX: {
        /* the word and the count's ring inside the box when every word the exercise
         * shows fits there on one line; else (large text, long words) the word goes
         * above the box, wrapped across the figure's room in a box as tall as the
         * tallest word, so the box keeps its place from phase to phase */
        float half = room * 0.8f;
        float ww = widest_word(a, 38 * u, 440 * u);
        float wh1 = tallest_word(a, 38 * u, 1e6f, 60 * u); /* each on one line */
        float need = wh1 + 10 * u + 2 * fmaxf(50 * u, ui_text_h(&ui, count, (int)lroundf(40 * u), false, 0) / 2);
        /* inside: clear of the frame, and of the dot and its glow travelling on it */
        float inside = 2 * half - 2 * 40 * u;
        if (!app_captions_shown(a) || (ww <= inside && need <= inside)) {
            pacer_fig_box(&F, cx, cy, half, &shown, col);
            words_ring(a, l, cx, cy, word, count, t->text, shown.progress, col, fig);
        } else {
            /* above the box, clear of the dot and its glow on the top side */
            float aw = FW - 16 * u, px = 38 * u, wh = tallest_word(a, px, aw, 0);
            /* the box no smaller than holds the count's ring: else the words smaller */
            float hmin = fmaxf(50 * u, ui_text_h(&ui, count, (int)lroundf(40 * u), false, 0) / 2) + 40 * u;
            for (int k = 0; k < 4 && (fig.h - wh - 44 * u) / 2 - 24 * u < hmin; k++)
                wh = tallest_word(a, px *= 0.9f, aw, 0);
            float band = wh + 44 * u, by = cy + band / 2;
            half = fminf(half, (fig.h - band) / 2 - 24 * u);
            pacer_fig_box(&F, cx, by, half, &shown, col);
            draw_text(l, gw_rc(cx - aw / 2, by - half - 40 * u - wh, aw, wh), word, word_px(a, word, px, aw),
                      ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
            words_ring(a, l, cx, by - 20 * u, "", count, t->text, shown.progress, col, fig);
        }
        break;
    }
    case PACER_WAVE: {
        float hw = fminf(fminf(FW * 0.36f, 520 * u), FW / 2 - 150 * u), hh = room * 0.42f;
        if (!app_captions_shown(a)) {
            pacer_fig_wave(&F, cx, cy + 40 * u, hw, hh, &shown, col);
            break;
        }
        /* the word and the count side by side above the curve (the count after the
         * word: at its left in a right-to-left language, as draw_adapt mirrors it); a
         * word too long for the row is wrapped, in a row as tall as the tallest word,
         * and the curve is made lower rather than the row rising out of the room */
        int cpx = (int)lroundf(40 * u);
        float cw = ui_text_w(&ui, "00", cpx, false), gap = 24 * u;
        float wmax = FW - 32 * u - gap - cw;
        int wpx = word_px(a, word, 38 * u, wmax);
        float ww = fminf(ui_text_w(&ui, word, wpx, true), wmax);
        float rowh = fmaxf(tallest_word(a, 38 * u, wmax, 60 * u), ui_text_h(&ui, count, cpx, false, 0));
        float wcy = cy + 40 * u, ry = cy - hh - rowh; /* the row clear of the marker and its glow at the crest */
        if (ry < fig.y + 4 * u) { /* the row at the room's top, the curve as tall as is left under it */
            ry = fig.y + 4 * u;
            hh = fmaxf(16 * u, (fig.y + fig.h - 24 * u - (ry + rowh + 40 * u)) / 2);
            wcy = ry + rowh + 40 * u + hh;
        }
        pacer_fig_wave(&F, cx, wcy, hw, hh, &shown, col);
        float x0 = cx - (ww + gap + cw) / 2;
        draw_text(l, gw_rc(x0, ry, ww + 1, rowh), word, wpx, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        draw_text(l, gw_rc(x0 + ww + gap, ry, cw + 1, rowh), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        break;
    }
    case PACER_TUBE:
        pacer_fig_tube(&F, cx - 160 * u, cy - room, cy + room, &shown, col);
        words_ring(a, l, cx + 140 * u, cy, word, count, t->text, shown.progress, col, fig);
        break;
    case PACER_CALM: {
        /* as designed: the words centred 50 above the middle, the bar 70 below; where a
         * long word (wrapped, in a box as tall as the tallest) would reach the bar or
         * rise out of the room, words and bar are stacked in the middle of the room, at
         * the pacer's usual word size when the larger one leaves no room, and with the
         * count beside the bar when even that is too tall */
        float sc = 1.3f, su = sc * u, w = fminf(440 * su, FW - 32 * u), half = fminf(FW * 0.3f, 360 * u);
        float wh = tallest_word(a, 38 * su, w, 60 * su);
        float ch = fmaxf(56 * su, ui_text_h(&ui, count, (int)lroundf(40 * su), false, 0));
        float wy = cy - 50 * u, by = cy + 70 * u * fmaxf(1.f, a->view.text_scale);
        float top = wy + 6 * su - (wh + ch) / 2;
        bool beside = false;
        float wpx0 = 38 * u; /* the word's size when the count is beside the bar */
        if (app_captions_shown(a) && (top < fig.y || top + wh + ch + 10 * u > by || by + 22 * u > fig.y + fig.h)) {
            if (wh + ch + 42 * u > fig.h) {
                sc = 1.f;
                su = u;
                w = fminf(440 * su, FW - 32 * u);
                wh = tallest_word(a, 38 * su, w, 60 * su);
                ch = fmaxf(56 * su, ui_text_h(&ui, count, (int)lroundf(40 * su), false, 0));
                beside = wh + ch + 42 * u > fig.h;
            }
            if (beside) { /* the word across the room, a little smaller if need be */
                w = FW - 32 * u;
                wh = tallest_word(a, wpx0, w, 60 * u);
                for (int k = 0; k < 4 && wh + 16 * u + ch > fig.h; k++)
                    wh = tallest_word(a, wpx0 *= 0.9f, w, 60 * u);
            }
            float g = beside ? wh + 16 * u + ch : wh + ch + 42 * u;
            top = fig.y + fmaxf(0.f, (fig.h - g) / 2);
            wy = top + (wh + ch) / 2 - 6 * su;
            by = top + wh + ch + 20 * u;
        }
        if (!beside) {
            words(a, l, cx, wy, word, count, col, sc, w, wh);
            pacer_fig_calm(&F, cx, by, half, &shown, n, col);
            break;
        }
        /* the word, then a row: the bar, the count after it (mirrored in Arabic) */
        int cpx = (int)lroundf(40 * u);
        float cw = ui_text_w(&ui, "00", cpx, false), gap = 20 * u, ry = top + wh + 16 * u;
        half = fminf(half, (FW - 32 * u - gap - cw) / 2);
        float x0 = cx - (2 * half + gap + cw) / 2;
        draw_text(l, gw_rc(cx - w / 2, top, w, wh), word, word_px(a, word, wpx0, w),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), col);
        pacer_fig_calm(&F, x0 + half, ry + (ch - 22 * u) / 2, half, &shown, n, col);
        draw_text(l, gw_rc(x0 + 2 * half + gap, ry, cw + 1, ch), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, col);
        break;
    }
    default: {
        /* the word and count in the orb, in the background colour, only when every
         * phase's word fits inside the orb at its smallest (else a word would run past
         * the orb's edge into the dark, cut, at the start of each inhale and the end of
         * each exhale); otherwise the words go above the orb, in the text colour,
         * wrapped across the room in a box as tall as the tallest word, the count
         * stays in the orb */
        float rmax = room - 34 * u;
        float ww = widest_word(a, 38 * u, 440 * u); /* the same place for every phase */
        if (ww <= 2 * rmax * 0.42f * 0.86f || !app_captions_shown(a)) {
            pacer_fig_orb(&F, cx, cy, rmax, &shown, col);
            words(a, l, cx, cy, word, count, t->bg, 1, 440 * u, 0);
        } else {
            float aw = FW - 16 * u, wh = tallest_word(a, 38 * u, aw, 0);
            float oy = cy + (wh + 10 * u) / 2, orm = rmax - (wh + 10 * u) / 2;
            pacer_fig_orb(&F, cx, oy, orm, &shown, col);
            draw_text(l, gw_rc(cx - aw / 2, oy - orm - 30 * u - 10 * u - wh, aw, wh), word, word_px(a, word, 38 * u, aw),
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
}

/* The figure's room in the layout's figure area: below a band of height top (the word
 * "Paused"), and clear of the heart-rate row under it, which is taller with large text. */
static gw_rect pacer_figure_room(const app *a, gw_rect fig, float top, float hr_h)
{
    float u = app_unit(a);
    fig.y += top;
    fig.h -= top;
    if (hr_h > 32 * u)
        fig.h -= hr_h - 32 * u + 12 * u;
    return fig;
}

/* The top of what the figure draws in the room fig (its glows left out: a word may lie
 * over a glow), found by drawing it aside. */
static float pacer_figure_top(const app *a, gw_rect fig, const struct pacer_shows *w)
{
    draw_list probe = { 0 };
    draw_begin(&probe, a->w, a->h, a->th->bg);
    pacer_figure(a, &probe, fig, w);
    float top = (float)a->h;
    for (int i = 0; i < probe.ncmd; i++) {
        const draw_cmd *c = &probe.cmd[i];
        if (c->op == DRAW_GLOW || c->op == DRAW_GRADIENT)
            continue;
        float y = fminf(c->r.y, c->r.y + c->r.h);
        if (c->op == DRAW_LINE || c->op == DRAW_FRAME)
            y -= c->thick / 2;
        top = fminf(top, y);
    }
    draw_free(&probe);
    return top;
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
    struct pacer_shows w;
    pacer_shows_of(a, &w);
    float hr_h = fmaxf(32 * u, app_hr_row_h(a, L.fig.w));
    gw_rect fig = pacer_figure_room(a, L.fig, 0, hr_h);
    /* paused, the word "Paused" at the top of the figure's area: the figure goes under
     * it where it would reach into its band (a word above the box or the orb, German's
     * "Halten" under "Pausiert"), else it keeps its place */
    int ppx = (int)lroundf(26 * u);
    float paused_h = fmaxf(50 * u, ui_text_h(&ui, _("Paused"), ppx, true, 0));
    if (a->clock.paused && pacer_figure_top(a, fig, &w) < bar + paused_h)
        fig = pacer_figure_room(a, L.fig, paused_h, hr_h);
    pacer_figure(a, l, fig, &w);
    pacer_footer(a, l, &L, left, right);
    /* the heart rate as a calm line under the figure and the swing per breath beside
     * it, while a sensor or recording gives beats (app_hr.c draws them; nothing without) */
    app_hr_draw_live(a, l, gw_rc(fig.x, fig.y + fig.h - 40 * u, fig.w, hr_h));
    if (a->clock.paused)
        draw_text(l, gw_rc(fig.x, bar, fig.w, paused_h), _("Paused"), ppx, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
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
