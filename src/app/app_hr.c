/* app_hr: heart beats during a breathing exercise and the resonance assessment's
 * measures (see app_hr.h). */
#include "app/app_hr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "platform/plat_clock.h"
#include "platform/plat_hr.h"

static struct hr_st *ST(const app *a) { return app_state(a, SCENE_RESONANCE); }

void app_hr_configure(app *a, const app_config *cfg)
{
    struct hr_st *s = ST(a);
    s->rec = cfg->hr_rr;
    s->nrec = cfg->hr_rr ? cfg->hr_n : 0;
    /* not in render, nor the kiosk; a recording stands in for the sensor */
    s->may_sense = !cfg->no_personal && !s->rec && !app_mode_is(a, MODE_KIOSK);
    s->traced_state = -1;
}

static bool async_sensor; /* the live program: nothing waits on the back-end */

void app_hr_async(bool on) { async_sensor = on; }

/* The back-end, started on first need (a thread of its own on the system bus). Without
 * a window (`play`) its first look is waited for (at most 3 s), so that a run on the
 * virtual clock sees where Bluetooth stands as a person would a moment after. */
static plat_hr *dev(app *a)
{
    struct hr_st *s = ST(a);
    if (!s->dev && s->may_sense && (s->dev = plat_hr_new()) && !async_sensor)
        plat_hr_settle(s->dev, 3000);
    return s->dev;
}

void app_hr_settings_read(app *a)
{
    if (a->set.hr_sensor[0] && dev(a))
        plat_hr_use(ST(a)->dev, a->set.hr_sensor);
}

bool app_hr_wake(app *a) { return dev(a) != NULL; }

int app_hr_status(const app *a, int *why)
{
    const struct hr_st *s = ST(a);
    if (why)
        *why = !s->may_sense ? APP_HR_NOT_THIS_RUN : s->dev ? (int)plat_hr_reason(s->dev) : (int)HR_WHY_NONE;
    if (!s->may_sense)
        return HR_UNAVAILABLE;
    return s->dev ? (int)plat_hr_state(s->dev, NULL, 0) : (int)HR_STARTING;
}

void app_hr_scan(app *a, bool on)
{
    struct hr_st *s = ST(a);
    if (on && !dev(a))
        return;
    if (s->dev)
        plat_hr_scan(s->dev, on);
    s->scan = on;
}

bool app_hr_scanning(const app *a) { return ST(a)->scan; }

int app_hr_devices(const app *a, plat_hr_device *out, int max)
{
    return ST(a)->dev ? plat_hr_devices(ST(a)->dev, out, max) : 0;
}

int app_hr_heart_rate(const app *a) { return ST(a)->dev ? plat_hr_heart_rate(ST(a)->dev) : 0; }

void app_hr_watch(app *a)
{
    static const char *const STATE[] = { [HR_STARTING] = "starting", [HR_UNAVAILABLE] = "unavailable",
                                         [HR_IDLE] = "idle", [HR_SEARCHING] = "out_of_reach",
                                         [HR_CONNECTING] = "connecting", [HR_RECEIVING] = "receiving" };
    static const char *const WHY[] = { [HR_WHY_NONE] = "", [HR_WHY_NO_DBUS] = "no_dbus", [HR_WHY_NO_BUS] = "no_bus",
                                       [HR_WHY_NO_BLUEZ] = "no_bluez", [HR_WHY_NO_ADAPTER] = "no_adapter",
                                       [HR_WHY_OFF] = "off", [HR_WHY_REFUSED] = "refused" };
    struct hr_st *s = ST(a);
    if (!s->dev)
        return;
    int why = HR_WHY_NONE, st = app_hr_status(a, &why);
    if (st == s->traced_state && why == s->traced_why)
        return;
    s->traced_state = st;
    s->traced_why = why;
    trace_begin(a->tr, a->now, "hr_sensor");
    trace_str(a->tr, "state", STATE[st]);
    if (st == HR_UNAVAILABLE && why > HR_WHY_NONE && why <= HR_WHY_REFUSED)
        trace_str(a->tr, "why", WHY[why]);
    trace_end(a->tr);
    a->ui_stale = true;
}

void app_hr_use(app *a, const char *address)
{
    bool some = address && *address;
    if (ST(a)->dev || (some && dev(a))) /* letting go needs no back-end started */
        plat_hr_use(ST(a)->dev, some ? address : "");
}

void app_hr_release(app *a)
{
    struct hr_st *s = ST(a);
    plat_hr_free(s->dev);
    s->dev = NULL;
    free(s->raw);
    s->raw = NULL;
    s->nraw = s->capraw = 0;
}

bool app_hr_source(const app *a)
{
    const struct hr_st *s = ST(a);
    return s->nrec > 0 || (s->dev && plat_hr_state(s->dev, NULL, 0) == HR_RECEIVING);
}

void app_hr_start(app *a, gw_ns first)
{
    struct hr_st *s = ST(a);
    if (s->scan) /* a breath is no time for a discovery left running */
        app_hr_scan(a, false);
    s->on = true;
    s->first = first;
    s->traced = 0;
    s->rejected0 = 0;
    s->nblock = 0;
    s->outcome = HR_NONE;
    s->chosen = -1;
    s->page = 0;
    s->nraw = 0;
    hrswing_reset(&s->swing);
    s->fig_ok = false;
    memset(&s->fig, 0, sizeof s->fig);
    if (s->rec)
        hrlive_replay_start(&s->live, s->rec, s->nrec, first);
    else
        hrlive_reset(&s->live);
}

/* A sensor's intervals as they came, for the practice log (a session is minutes: the
 * array grows by doubling; if it cannot, the beats are kept only as far as they fit). */
static void keep_raw(struct hr_st *s, const double *rr, int n)
{
    if (s->nraw + n > s->capraw) {
        int cap = s->capraw ? s->capraw : 1024;
        while (cap < s->nraw + n)
            cap *= 2;
        double *m = realloc(s->raw, sizeof *m * (size_t)cap);
        if (!m)
            return;
        s->raw = m;
        s->capraw = cap;
    }
    for (int i = 0; i < n; i++)
        s->raw[s->nraw++] = rr[i];
}

/* The sensor's notifications since the last update, on the exercise's timeline: each
 * arrived as long before now as the monotonic clock says. */
static int take_notes(app *a, gw_ns t)
{
    struct hr_st *s = ST(a);
    plat_hr_note notes[32];
    int n = plat_hr_poll(s->dev, notes, 32);
    gw_ns mono = plat_now();
    int added = 0;
    for (int i = 0; i < n; i++) {
        keep_raw(s, notes[i].r.rr_ms, notes[i].r.nrr);
        gw_ns ago = mono - notes[i].t_ns;
        added += hrlive_note(&s->live, t - (ago > 0 ? ago : 0), notes[i].r.rr_ms, notes[i].r.nrr);
    }
    return added;
}

void app_hr_advance(app *a, gw_ns t)
{
    struct hr_st *s = ST(a);
    if (!s->on)
        return;
    app_hr_watch(a);
    int added = s->rec ? hrlive_replay(&s->live, t) : 0;
    if (s->dev)
        added += take_notes(a, t);
    int n = hrlive_count(&s->live);
    if (added > n)
        added = n;
    for (int i = n - added; i < n; i++) {
        const rr_beat *b = hrlive_at(&s->live, i);
        trace_begin(a->tr, a->now, "hr");
        trace_num(a->tr, "bpm", 60000.0 / b->rr_ms);
        trace_num(a->tr, "rr", b->rr_ms);
        if (b->corrected)
            trace_bool(a->tr, "corrected", true);
        trace_end(a->tr);
    }
    s->traced += added;
    /* the swing figure: recomputed as each breath settles, traced when it changes */
    hrswing_fig f;
    bool ok = hrswing_figure(&s->swing, &s->live, t, &f);
    if (f.settled == s->fig.settled)
        return;
    bool changed = ok != s->fig_ok || (ok && (lround(f.bpm * 10) != lround(s->fig.bpm * 10) ||
                                             f.growing != s->fig.growing || f.breaths != s->fig.breaths));
    s->fig = f;
    s->fig_ok = ok;
    if (!ok || !changed)
        return;
    trace_begin(a->tr, a->now, "hr_swing");
    trace_num(a->tr, "swing", round(f.bpm * 10) / 10);
    trace_int(a->tr, "breaths", f.breaths);
    trace_bool(a->tr, "growing", f.growing);
    trace_end(a->tr);
}

void app_hr_breath(app *a, gw_ns t)
{
    struct hr_st *s = ST(a);
    if (s->on)
        hrswing_breath(&s->swing, t);
}

void app_hr_block(app *a, int k, gw_ns start, gw_ns end, double paced)
{
    struct hr_st *s = ST(a);
    if (k < 0 || k >= RES_BLOCKS)
        return;
    app_hr_advance(a, end);
    /* the block's beats, oldest first, from the ring (a block is far fewer beats) */
    int n = hrlive_count(&s->live), m = 0;
    rr_beat *b = malloc(sizeof *b * (size_t)(n ? n : 1));
    if (b)
        for (int i = 0; i < n; i++)
            if (hrlive_at(&s->live, i)->t >= start && hrlive_at(&s->live, i)->t < end)
                b[m++] = *hrlive_at(&s->live, i);
    int rejected = s->live.clean.rejected - s->rejected0;
    s->rejected0 = s->live.clean.rejected;
    res_block *r = &s->block[k];
    resonance_block(b ? b : (rr_beat[1]){ { 0 } }, m, start, end, paced, rejected, r);
    r->rate_bpm = RES_RATES[k]; /* shown and traced as the protocol names it */
    free(b);
    if (s->nblock < k + 1)
        s->nblock = k + 1;
    int total = r->used + r->rejected;
    trace_begin(a->tr, a->now, "resonance_block");
    trace_num(a->tr, "rate", r->rate_bpm);
    trace_num(a->tr, "swing", r->swing_bpm);
    trace_num(a->tr, "lf", r->lf_ms2);
    trace_num(a->tr, "clean", total ? (double)r->used / total : 0);
    trace_int(a->tr, "used", r->used);
    trace_int(a->tr, "rejected", r->rejected);
    trace_int(a->tr, "breaths", r->breaths);
    trace_bool(a->tr, "valid", r->valid);
    trace_end(a->tr);
}

void app_hr_finish(app *a)
{
    struct hr_st *s = ST(a);
    int valid = 0;
    for (int i = 0; i < s->nblock; i++)
        valid += s->block[i].valid;
    s->chosen = resonance_choose(s->block, s->nblock);
    s->outcome = s->chosen >= 0 ? HR_CHOSEN : valid < 3 ? HR_NOT_ENOUGH : HR_NO_WINNER;
    trace_begin(a->tr, a->now, "resonance");
    if (s->outcome == HR_CHOSEN)
        trace_num(a->tr, "rate_bpm", s->block[s->chosen].rate_bpm);
    else
        trace_null(a->tr, "rate_bpm");
    if (s->outcome != HR_CHOSEN)
        trace_str(a->tr, "reason", s->outcome == HR_NOT_ENOUGH ? "not_enough_clean_data" : "no_clear_winner");
    trace_int(a->tr, "valid_blocks", valid);
    trace_end(a->tr);
    s->on = false;
}

hr_outcome app_hr_outcome(const app *a, const res_block **blocks, int *nblock)
{
    const struct hr_st *s = ST(a);
    if (blocks)
        *blocks = s->block;
    if (nblock)
        *nblock = s->nblock;
    return s->outcome;
}

double app_hr_chosen_rate(const app *a)
{
    const struct hr_st *s = ST(a);
    return s->outcome == HR_CHOSEN ? s->block[s->chosen].rate_bpm : 0;
}

int app_hr_chosen(const app *a) { return ST(a)->outcome == HR_CHOSEN ? ST(a)->chosen : -1; }

void app_hr_result_json(const app *a, char *out, size_t n)
{
    const struct hr_st *s = ST(a);
    out[0] = 0;
    if (s->outcome == HR_NONE)
        return;
    size_t k = 0;
    int w;
#define ADD(...) \
    do { \
        w = snprintf(out + k, n - k, __VA_ARGS__); \
        if (w < 0 || (size_t)w >= n - k) { out[0] = 0; return; } \
        k += (size_t)w; \
    } while (0)
    if (s->outcome == HR_CHOSEN)
        ADD("\"resonance\": {\"rate_bpm\": %g", s->block[s->chosen].rate_bpm);
    else
        ADD("\"resonance\": {\"rate_bpm\": null, \"reason\": \"%s\"",
            s->outcome == HR_NOT_ENOUGH ? "not_enough_clean_data" : "no_clear_winner");
    ADD(", \"blocks\": [");
    for (int i = 0; i < s->nblock; i++) {
        const res_block *b = &s->block[i];
        int total = b->used + b->rejected;
        ADD("%s{\"rate\": %g, \"swing\": %.1f, \"lf\": %.0f, \"clean\": %.2f}", i ? ", " : "", b->rate_bpm,
            b->valid ? b->swing_bpm : 0, b->valid ? b->lf_ms2 : 0, total ? (double)b->used / total : 0);
    }
    ADD("]}");
#undef ADD
}

void app_hr_rate_text(char *buf, size_t n, double rate, bool trim)
{
    snprintf(buf, n, trim && fabs(rate - round(rate)) < 0.05 ? "%.0f" : "%.1f", rate);
    char *dot = strchr(buf, '.');
    const char *sep = i18n_ctx(NC_("decimal separator", "."));
    if (dot && strcmp(sep, ".")) {
        char tail[16];
        snprintf(tail, sizeof tail, "%s", dot + 1);
        snprintf(dot, n - (size_t)(dot - buf), "%s%s", sep, tail);
    }
}

char *app_hr_beats_text(const app *a)
{
    const struct hr_st *s = ST(a);
    const double *rr = s->rec ? s->rec : s->raw;
    int n = s->rec ? s->live.next : s->nraw;
    if (n <= 0 || !rr)
        return NULL;
    size_t cap = (size_t)n * 24 + 1, k = 0;
    char *out = malloc(cap);
    for (int i = 0; out && i < n; i++) {
        /* as many digits as give the same number back, no more ("812.5", "791.015625") */
        int w = snprintf(out + k, cap - k, "%.15g\n", rr[i]);
        if (w < 0 || (size_t)w >= cap - k) {
            free(out);
            return NULL;
        }
        k += (size_t)w;
    }
    return out;
}

bool app_hr_swing(const app *a, double *bpm, bool *growing)
{
    const struct hr_st *s = ST(a);
    *bpm = s->fig.bpm;
    *growing = s->fig.growing;
    return s->on && s->fig_ok;
}

const hrlive *app_hr_live(const app *a) { return &ST(a)->live; }

void app_hr_draw_trace(const app *a, draw_list *l, gw_rect r)
{
    const struct hr_st *s = ST(a);
    int n = hrlive_count(&s->live);
    if (!s->on || n < 2 || r.w < 8 || r.h < 8)
        return;
    /* the last 60 s of beats, the heart rate scaled to the band they span (at least
     * 10 beats a minute, so a still heart stays a calm line) */
    const rr_beat *last = hrlive_at(&s->live, n - 1);
    gw_ns from = last->t - GW_SEC(60);
    double lo = INFINITY, hi = -INFINITY;
    int first = n;
    for (int i = n - 1; i >= 0 && hrlive_at(&s->live, i)->t >= from; i--) {
        double hr = 60000.0 / hrlive_at(&s->live, i)->rr_ms;
        lo = fmin(lo, hr);
        hi = fmax(hi, hr);
        first = i;
    }
    if (n - first < 2)
        return;
    double mid = (lo + hi) / 2, span = fmax(hi - lo, 10.0);
    gw_color c = a->th->text;
    c.a = 150;
    float px = -1, py = 0;
    for (int i = first; i < n; i++) {
        const rr_beat *b = hrlive_at(&s->live, i);
        float x = r.x + r.w * (float)((double)(b->t - from) / (double)GW_SEC(60));
        float y = r.y + r.h * (float)(0.5 - (60000.0 / b->rr_ms - mid) / span);
        x = roundf(x);
        y = roundf(y);
        if (px >= 0)
            draw_line(l, px, py, x, y, 2, c);
        px = x;
        py = y;
    }
}

/* The swing figure's two lines: the value and what it is. */
static void swing_lines(const struct hr_st *s, char *value, size_t n, const char **what)
{
    snprintf(value, n, _("%d bpm"), (int)lround(s->fig.bpm));
    *what = s->fig.growing ? _("swing growing") : _("swing per breath");
}

/* The figure in a row w wide. As designed, the line centred under the breathing figure
 * and the swing beside it, in the margin: its value over its words, as wide as its
 * widest (so neither the line nor the figure moves when it appears or changes). When
 * the margin is too narrow for them (large text), the value and its words on one line
 * over the heart-rate line, centred (stack), its words wrapped only if even that line
 * is too long. */
typedef struct live_lay {
    bool stack;
    float fw, cw, vw, vh, ch, h;   /* figure's width, its words' width, the value's box */
    int vpx, cpx;
} live_lay;

static live_lay live_layout(const app *a, float w)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), gap = 16 * u;
    live_lay k = { .vpx = (int)lroundf(22 * u), .cpx = (int)lroundf(16 * u) };
    char widest[32];
    snprintf(widest, sizeof widest, _("%d bpm"), 88);
    const char *g = _("swing growing"), *p = _("swing per breath");
    k.vw = ui_text_w(&ui, widest, k.vpx, true) + 1;
    k.cw = fmaxf(ui_text_w(&ui, g, k.cpx, false), ui_text_w(&ui, p, k.cpx, false)) + 1;
    k.vh = ui_text_h(&ui, widest, k.vpx, true, 0);
    k.fw = fmaxf(k.vw, k.cw) + 16 * u;
    k.stack = 2 * (w * 0.48f - gap - k.fw) < w * 0.4f;
    if (k.stack) {
        k.cw = fminf(k.cw, w * 0.92f - k.vw - gap);
        k.fw = k.vw + gap + k.cw + 16 * u;
    }
    k.ch = fmaxf(ui_text_h(&ui, g, k.cpx, false, k.cw), ui_text_h(&ui, p, k.cpx, false, k.cw));
    /* beside the line it rises into the margin, where the figure is not: the row keeps
     * its height; stacked, it needs its own */
    k.h = k.stack ? fmaxf(k.vh, k.ch) + 8 * u + 32 * u : 32 * u;
    return k;
}

float app_hr_row_h(const app *a, float w)
{
    return app_hr_source(a) ? live_layout(a, w).h : 0;
}

void app_hr_draw_live(const app *a, draw_list *l, gw_rect row)
{
    const struct hr_st *s = ST(a);
    if (!s->on)
        return;
    float u0 = app_unit(a);
    int st = s->dev && !s->nrec ? (int)plat_hr_state(s->dev, NULL, 0) : HR_RECEIVING;
    if (hrlive_count(&s->live) > 0 && (st == HR_SEARCHING || st == HR_CONNECTING)) {
        /* the sensor was lost during the exercise: said quietly where its line was,
         * the breathing going on as before */
        ui_ctx ui = app_ui(a);
        const char *m = _("Heart-rate sensor out of reach");
        int px = (int)lroundf(16 * u0);
        float h = fminf(32 * u0, row.h);
        draw_text(l, gw_rc(row.x, row.y + row.h - h, row.w, h), m, px,
                  ALIGN_CENTER | VALIGN_MIDDLE | (ui_line_fits(&ui, m, px, false, row.w) ? 0 : TEXT_FIT), a->th->text_dim);
        return;
    }
    if (hrlive_count(&s->live) < 2)
        return;
    float u = app_unit(a), gap = 16 * u, lh = 32 * u;
    live_lay k = live_layout(a, row.w);
    float cx = row.x + row.w / 2;
    float tw = k.stack ? row.w * 0.6f : fminf(row.w * 0.6f, 2 * (row.w * 0.48f - gap - k.fw));
    /* the line in the row's lowest 32 units, as without the figure */
    app_hr_draw_trace(a, l, gw_rc(cx - tw / 2, row.y + row.h - fminf(lh, row.h), tw, fminf(lh, row.h)));
    if (!s->fig_ok)
        return;
    char value[32];
    const char *what;
    swing_lines(s, value, sizeof value, &what);
    float bw, bh, x, y;
    if (k.stack) { /* one line over the heart-rate line */
        bw = k.fw;
        bh = fmaxf(k.vh, k.ch);
        x = cx - bw / 2;
        y = row.y + row.h - lh - 8 * u - bh;
    } else { /* beside it: centred on it, never below the row */
        bw = k.fw;
        bh = k.vh + k.ch;
        x = cx + tw / 2 + gap;
        y = fminf(row.y + row.h - lh / 2 - bh / 2, row.y + row.h - bh);
    }
    const theme *t = a->th;
    if (s->fig.growing) /* a soft light behind it, never an alarm */
        draw_rect(l, gw_rc(x, y - 4 * u, bw, bh + 8 * u), 10 * u, t->surface);
    gw_rect vr = k.stack ? gw_rc(x + 8 * u, y, k.vw, bh) : gw_rc(x + 8 * u, y, k.fw - 16 * u, k.vh);
    gw_rect cr = k.stack ? gw_rc(x + 8 * u + k.vw + gap, y + (bh - k.ch) / 2, k.cw, k.ch)
                         : gw_rc(x + 8 * u, y + k.vh, k.fw - 16 * u, k.ch);
    draw_text(l, vr, value, k.vpx, (k.stack ? ALIGN_RIGHT : ALIGN_LEFT) | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8),
              t->text);
    draw_text(l, cr, what, k.cpx, ALIGN_LEFT | (k.stack ? VALIGN_MIDDLE : VALIGN_TOP),
              s->fig.growing ? t->text : t->text_dim);
}
