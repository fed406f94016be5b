/* pacer_layout: where the breathing exercise's controls, its status ("Breath n of N",
 * the time left) and its figure go, and the controls and status drawn there. The pacer
 * scene (scene_pacer.c) draws the figure and the words in pacer_layout.fig; the
 * controls' states are its own (struct pacer_st, read here). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/pacer.h"
#include "app/pacer_layout.h"
#include "app/ui.h"
#include "core/i18n.h"

static struct pacer_st *ST(const app *a) { return app_state(a, SCENE_PACER); }

/* As designed (and at 100% text): one footer row, "breath n of N" at the left, the
 * controls in the middle, the time left at the right (the status a little smaller, or
 * the controls only as wide as their labels, rather than the status on two lines, or
 * their labels on two lines rather than the controls beside the figure).
 * When that does not fit, the status goes on a row of its own above the controls; and
 * when the controls do not fit one row either (large text), they stand in a column at
 * the right, the status under the figure. Where that column would need two columns
 * (leaving the figure a strip) or a label on more than two lines, the controls flow
 * in rows instead, in a block beside the figure or under it, whichever leaves the
 * figure the most room. */

#define NCTL PACER_NCTL
typedef struct ctl { const char *id, *label; float w; } ctl;

/* The controls, how many (into b); Style names the style shown ("Style: Orb"), as wide
 * as its widest name needs so the row does not shift as the styles go round. style_buf
 * holds its label. Shorter and Longer only where the pace is the person's to change
 * (not the resonance assessment, whose rates are fixed). */
static int controls(const app *a, ctl *b, char *style_buf, size_t n)
{
    ui_ctx ui = app_ui(a);
    /* the toggles name what they change and its state, as wide as their wider state */
    const char *sound[2] = { _("Sound: on"), _("Sound: off") }, *voice[2] = { _("Voice guidance: off"),
                                                                               _("Voice guidance: on") };
    struct pacer_ctl_kept *kw = &ST(a)->ctl_kept;
    if (!kw->used || kw->scale != a->view.text_scale || kw->unit != app_unit(a) || strcmp(kw->lang, a->lang)) {
        float style_w = 120;
        for (int i = 0; i < PACER_STYLE_COUNT; i++) {
            snprintf(style_buf, n, _("Style: %s"), ui_pacer_style_label(i));
            style_w = fmaxf(style_w, ui_button_w(&ui, style_buf, 0) / app_unit(a));
        }
        float sound_w = 120, voice_w = 120;
        for (int i = 0; i < 2; i++) {
            sound_w = fmaxf(sound_w, ui_button_w(&ui, sound[i], 0) / app_unit(a));
            voice_w = fmaxf(voice_w, ui_button_w(&ui, voice[i], 0) / app_unit(a));
        }
        *kw = (struct pacer_ctl_kept){ .scale = a->view.text_scale, .unit = app_unit(a), .style_w = style_w,
                                      .sound_w = sound_w, .voice_w = voice_w, .used = true };
        snprintf(kw->lang, sizeof kw->lang, "%s", a->lang);
    }
    float style_w = kw->style_w, sound_w = kw->sound_w, voice_w = kw->voice_w;
    snprintf(style_buf, n, _("Style: %s"), ui_pacer_style_label(pacer_style_of(a)));
    ctl c[NCTL] = {
        { "shorter", _("Shorter"), 120 }, { "pause", a->clock.paused ? _("Resume") : _("Pause"), 150 },
        { "longer", _("Longer"), 120 },   { "style", style_buf, style_w },
        { "mute", sound[ST(a)->muted], sound_w },
        { "speak", voice[ST(a)->speak], voice_w },
    };
    bool pace = exercise_paced(a->ex);
    int k = 0;
    for (int i = 0; i < NCTL; i++)
        if (pace || (strcmp(c[i].id, "shorter") && strcmp(c[i].id, "longer")))
            b[k++] = c[i];
    return k;
}

/* A control's width for its label on one line, whatever state it shows (Pause as wide
 * as Resume), with no designed minimum. */
static float pacer_natural_w(const app *a, const ctl *c)
{
    ui_ctx ui = app_ui(a);
    float w = ui_button_w(&ui, c->label, 0);
    if (!strcmp(c->id, "pause"))
        w = fmaxf(ui_button_w(&ui, _("Pause"), 0), ui_button_w(&ui, _("Resume"), 0));
    else if (strcmp(c->id, "shorter") && strcmp(c->id, "longer"))
        w = fmaxf(w, c->w * app_unit(a)); /* the style and the toggles: their widest label */
    return w;
}

/* How many lines a button's label takes in a button w wide. */
static int pacer_lines(const app *a, const char *label, float w)
{
    ui_ctx ui = app_ui(a);
    return ui_measure(&ui, label, ui_button_px(&ui), true, w - 24 * app_unit(a)).lines;
}

/* The controls in rows no wider than bw_block, from (x, y): each row takes the
 * controls that fit it side by side at their natural widths, stretched to fill it,
 * as tall as its tallest label. The height used, or -1 when a label would need more
 * than two lines. */
static float pacer_flow(const app *a, const ctl *b, int nc, float bw_block, float x, float y, gw_rect *out)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), gap = 10 * u, h = 0;
    for (int i = 0; i < nc;) {
        float need[NCTL], w[NCTL], used = pacer_natural_w(a, &b[i]), rh = 60 * u;
        need[0] = fminf(used, bw_block);
        int j = i + 1;
        while (j < nc && used + gap + pacer_natural_w(a, &b[j]) <= bw_block) {
            used += gap + pacer_natural_w(a, &b[j]);
            need[j - i] = pacer_natural_w(a, &b[j]);
            j++;
        }
        ui_fill_widths(need, w, j - i, bw_block - gap * (float)(j - i - 1));
        float xx = x;
        for (int k = i; k < j; k++) {
            if (pacer_lines(a, b[k].label, w[k - i]) > 2)
                return -1;
            rh = fmaxf(rh, ui_button_h(&ui, b[k].label, w[k - i], 60 * u));
        }
        for (int k = i; k < j; k++) {
            out[k] = gw_rc(xx, y + h, w[k - i], rh);
            xx += w[k - i] + gap;
        }
        h += rh + gap;
        i = j;
    }
    return h - gap;
}

/* The narrowest width at which a button's label takes at most two lines: its words
 * split where the wider line is narrowest (a line that fits one line of that width,
 * and what follows fits the rest). */
static float pacer_two_line_w(const app *a, const char *label)
{
    ui_ctx ui = app_ui(a);
    float best = ui_button_w(&ui, label, 0);
    char buf[128];
    size_t n = strlen(label);
    if (n >= sizeof buf)
        return best;
    for (size_t i = 0; i < n; i++)
        if (label[i] == ' ') {
            memcpy(buf, label, n + 1);
            buf[i] = 0;
            best = fminf(best, fmaxf(ui_button_w(&ui, buf, 0), ui_button_w(&ui, buf + i + 1, 0)));
        }
    return best;
}

/* A control's width with its label on at most two lines, whatever state it shows (the
 * style as its widest name needs, a toggle as its wider state), and the height that
 * takes: each label it may show is measured, so that the row does not shift as they
 * change. */
static float pacer_wrapped_w(const app *a, const ctl *c, float *h)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a);
    const char *lab[PACER_STYLE_COUNT + 2];
    char style[PACER_STYLE_COUNT][96];
    int n = 0;
    if (!strcmp(c->id, "pause")) {
        lab[n++] = _("Pause");
        lab[n++] = _("Resume");
    } else if (!strcmp(c->id, "style")) {
        for (int i = 0; i < PACER_STYLE_COUNT; i++) {
            snprintf(style[i], sizeof style[i], _("Style: %s"), ui_pacer_style_label(i));
            lab[n++] = style[i];
        }
    } else if (!strcmp(c->id, "mute")) {
        lab[n++] = _("Sound: on");
        lab[n++] = _("Sound: off");
    } else if (!strcmp(c->id, "speak")) {
        lab[n++] = _("Voice guidance: on");
        lab[n++] = _("Voice guidance: off");
    } else
        lab[n++] = c->label;
    float w = 0;
    for (int i = 0; i < n; i++)
        w = fmaxf(w, pacer_two_line_w(a, lab[i]));
    *h = 60 * u;
    for (int i = 0; i < n; i++)
        *h = fmaxf(*h, ui_button_h(&ui, lab[i], w, 60 * u));
    return w;
}

/* The status texts side by side at size px within room (ui_largest_px's test). */
typedef struct status_fit {
    const ui_ctx *ui;
    const char *left, *right;
    float room;
} status_fit;

static bool status_fits(const void *ctx, int px)
{
    const status_fit *c = ctx;
    return ui_text_w(c->ui, c->left, px, false) + ui_text_w(c->ui, c->right, px, false) <= c->room;
}

/* The size at which the status texts measured at px about fill room (widths scale with
 * the size): where ui_largest_px starts. */
static int status_guess(const status_fit *c, int px)
{
    float w = ui_text_w(c->ui, c->left, px, false) + ui_text_w(c->ui, c->right, px, false);
    return w > 0 ? (int)floorf((float)px * c->room / w) : 0;
}

/* The controls flowing in rows (pacer_flow) in a block beside the figure, as wide as
 * one, two or three controls side by side, or under the figure across the window:
 * whichever leaves the figure the largest square, the status on one line under it
 * where it fits (a little smaller if need be), else the time left under the breath.
 * False when no block fits. */
static bool pacer_flow_best(const app *a, pacer_layout *L, const ctl *b, int nc, const char *left, const char *right,
                            float sh)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), W = (float)a->w, H = (float)a->h, pad = 40 * u, gap = 10 * u;
    float top = L->bar + 8 * u, bottom = H - 24 * u, best = 0;
    int spx = (int)lroundf(24 * u);
    gw_rect r[NCTL];
    /* under the figure: the status on its own row above the controls */
    float h = pacer_flow(a, b, nc, W - 2 * pad, pad, 0, r);
    if (h > 0 && H - 28 * u - h - 8 * u - sh - 8 * u - L->bar > 0) {
        float fy = H - 28 * u - h;
        best = fminf(W, fy - 8 * u - sh - 8 * u - L->bar);
        for (int i = 0; i < nc; i++)
            L->ctl[i] = gw_rc(r[i].x, fy + r[i].y, r[i].w, r[i].h);
        L->px_status = spx;
        L->status = gw_rc(pad, fy - 8 * u - sh, W - 2 * pad, sh);
        L->status_w = (W - 2 * pad) / 2;
        L->fig = gw_rc(0, L->bar, W, L->status.y - 8 * u - L->bar);
    }
    /* beside it, a block as wide as a run of one to three controls */
    for (int i = 0; i < nc; i++)
        for (int k = 1; k <= 3 && i + k <= nc; k++) {
            float bwb = -gap;
            for (int j = i; j < i + k; j++)
                bwb += pacer_natural_w(a, &b[j]) + gap;
            bwb = fmaxf(bwb, 200 * u);
            if (bwb > W * 0.5f || (h = pacer_flow(a, b, nc, bwb, 0, 0, r)) < 0 || h > bottom - top)
                continue;
            float x0 = W - pad - bwb, aw = x0 - 2 * pad;
            status_fit sf = { &ui, left, right, aw - 40 * u };
            int p = ui_largest_px(ui_min_px(&ui, spx), spx, status_guess(&sf, spx), status_fits, &sf);
            bool stack = ui_text_w(&ui, left, p, false) + ui_text_w(&ui, right, p, false) + 40 * u > aw;
            if (stack)
                p = spx;
            float st_h = stack ? 2 * sh : sh, score = fminf(aw, bottom - st_h - 8 * u - L->bar);
            if (score <= best)
                continue;
            best = score;
            float y0 = top + (bottom - top - h) / 2;
            for (int c = 0; c < nc; c++)
                L->ctl[c] = gw_rc(x0 + r[c].x, y0 + r[c].y, r[c].w, r[c].h);
            L->px_status = p;
            L->status = gw_rc(pad, bottom - st_h, aw, st_h);
            L->status_w = stack ? aw
                                : fmaxf(aw / 2, fmaxf(ui_text_w(&ui, left, p, false), ui_text_w(&ui, right, p, false)) + 1);
            L->fig = gw_rc(pad, L->bar, aw, L->status.y - 8 * u - L->bar);
        }
    return best > 0;
}

static pacer_layout pacer_lay_out_now(const app *a, float bar, const char *left, const char *right)
{
    ui_ctx ui = app_ui(a);
    pacer_layout L;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float pad = 40 * u, gap = 10 * u;
    ctl b[NCTL];
    char style_buf[96];
    int nc = L.nctl = controls(a, b, style_buf, sizeof style_buf);
    L.bar = bar;
    L.px_status = (int)lroundf(24 * u);
    int spx = (int)L.px_status;
    float lw = ui_text_w(&ui, left, spx, false), rw = ui_text_w(&ui, right, spx, false);
    float sh = fmaxf(60 * u, ui_text_h(&ui, left, spx, false, 0));
    float bw[NCTL], total = -gap, bh = 60 * u;
    for (int i = 0; i < nc; i++) {
        bw[i] = ui_button_w(&ui, b[i].label, b[i].w * u);
        total += bw[i] + gap;
        bh = fmaxf(bh, ui_button_h(&ui, b[i].label, bw[i], 60 * u));
    }
    float foot = 110 * u;
    /* one row: the controls centred, the status beside them; or the controls centred
     * between the status texts; or the status beside them on two lines */
    float side = W / 2 - total / 2 - pad - 2 * gap;
    float cx0 = W / 2 - total / 2;
    bool low = bh <= 60 * u && sh <= bh + 8 * u;
    bool one_row = low && lw <= side && rw <= side;
    if (!one_row && low && lw + rw + total + 4 * gap <= W - 2 * pad) {
        one_row = true;
        side = fmaxf(lw, rw) + 1;
        cx0 = pad + lw + 2 * gap + (W - 2 * pad - lw - rw - 4 * gap - total) / 2;
    }
    /* or so with the status a little smaller, rather than on two lines */
    if (!one_row && low) {
        status_fit sf = { &ui, left, right, W - 2 * pad - total - 4 * gap };
        int lo = ui_min_px(&ui, spx) - 1, p = ui_largest_px(lo, spx - 1, status_guess(&sf, spx), status_fits, &sf);
        if (p > lo) {
            float l2 = ui_text_w(&ui, left, p, false), r2 = ui_text_w(&ui, right, p, false);
            one_row = true;
            L.px_status = p;
            side = fmaxf(l2, r2) + 1;
            cx0 = pad + l2 + 2 * gap + (W - 2 * pad - l2 - r2 - 4 * gap - total) / 2;
        }
    }
    /* or so with the controls only as wide as their labels need (Pause as Resume,
     * a toggle as its wider state), rather than the status on two lines beside them */
    if (!one_row && low) {
        float nw[NCTL], ntotal = -gap;
        for (int i = 0; i < nc; i++) {
            nw[i] = pacer_natural_w(a, &b[i]);
            ntotal += nw[i] + gap;
        }
        status_fit sf = { &ui, left, right, W - 2 * pad - ntotal - 4 * gap };
        int lo = ui_min_px(&ui, spx) - 1, p = ui_largest_px(lo, spx, status_guess(&sf, spx), status_fits, &sf);
        if (p > lo) {
            float l2 = ui_text_w(&ui, left, p, false), r2 = ui_text_w(&ui, right, p, false);
            one_row = true;
            L.px_status = p;
            side = fmaxf(l2, r2) + 1;
            cx0 = pad + l2 + 2 * gap + (W - 2 * pad - l2 - r2 - 4 * gap - ntotal) / 2;
            memcpy(bw, nw, sizeof bw);
        }
    }
    if (!one_row)
        one_row = low && side > 0 && ui_text_h(&ui, left, spx, false, side) <= bh + 8 * u &&
                  ui_text_h(&ui, right, spx, false, side) <= bh + 8 * u &&
                  ui_measure(&ui, left, spx, false, side).w <= side && ui_measure(&ui, right, spx, false, side).w <= side;
    if (one_row) {
        float fy = H - foot + 22 * u, x = cx0;
        for (int i = 0; i < nc; i++) {
            L.ctl[i] = gw_rc(x, fy, bw[i], bh);
            x += bw[i] + gap;
        }
        L.status = gw_rc(pad, fy, W - 2 * pad, bh);
        L.status_w = side;
        L.fig = gw_rc(0, bar, W, H - foot - bar);
        return L;
    }
    /* or still one row under the figure with the controls' labels on two lines (the
     * status a little smaller if need be), rather than a column beside the figure
     * (Spanish at 100%: "Sonido: / desactivado") */
    if (low) {
        float ww[NCTL], wh = 60 * u, wtotal = -gap;
        for (int i = 0; i < nc; i++) {
            float h;
            ww[i] = pacer_wrapped_w(a, &b[i], &h);
            wh = fmaxf(wh, h);
            wtotal += ww[i] + gap;
        }
        status_fit sf = { &ui, left, right, W - 2 * pad - wtotal - 4 * gap };
        int lo = ui_min_px(&ui, spx) - 1, p = ui_largest_px(lo, spx, status_guess(&sf, spx), status_fits, &sf);
        if (p > lo && sh <= wh + 8 * u) {
            float l2 = ui_text_w(&ui, left, p, false), r2 = ui_text_w(&ui, right, p, false);
            /* the room left goes to labels back on one line, the cheapest first */
            float spare = W - 2 * pad - l2 - r2 - 4 * gap - wtotal;
            for (bool more = true; more;) {
                int k = -1;
                float cost = spare + 1;
                for (int i = 0; i < nc; i++) {
                    float c = pacer_natural_w(a, &b[i]) - ww[i];
                    if (c > 0.5f && c < cost) {
                        cost = c;
                        k = i;
                    }
                }
                if ((more = k >= 0)) {
                    ww[k] += cost;
                    wtotal += cost;
                    spare -= cost;
                }
            }
            if (wh > 60 * u) /* two lines: a little room above and below them */
                wh += 8 * u;
            float fy = fminf(H - foot + 22 * u, H - 28 * u - wh);
            float x = pad + l2 + 2 * gap + (W - 2 * pad - l2 - r2 - 4 * gap - wtotal) / 2;
            for (int i = 0; i < nc; i++) {
                L.ctl[i] = gw_rc(x, fy, ww[i], wh);
                x += ww[i] + gap;
            }
            L.px_status = p;
            L.status = gw_rc(pad, fy, W - 2 * pad, wh);
            L.status_w = fmaxf(l2, r2) + 1;
            L.fig = gw_rc(0, bar, W, fy - 22 * u - bar);
            return L;
        }
    }
    /* otherwise the status on a row of its own above the controls, or the controls in
     * a column at the right: whichever leaves the figure more room */
    float two_fh = H - bar - (sh + bh + 44 * u);
    float room_two = total <= W - 2 * pad ? fminf(W, two_fh) : 0;
    /* the controls in a column at the right (two columns if one is too tall), as wide
     * as all but the two toggles need and a little more: a toggle's long label with
     * its state wraps rather than take the figure's room */
    float cw = 200 * u;
    for (int i = 0; i < nc - 2; i++)
        cw = fmaxf(cw, bw[i]);
    cw = fmaxf(cw, fminf(fmaxf(bw[nc - 2], bw[nc - 1]), cw * 1.15f));
    cw = fminf(cw, W * 0.34f);
    float ch[NCTL], one = (nc - 1) * gap;
    for (int i = 0; i < nc; i++) {
        ch[i] = ui_button_h(&ui, b[i].label, cw, 60 * u);
        one += ch[i];
    }
    float top = bar + 8 * u, bottom = H - 24 * u;
    /* one column, each button as tall as its label needs; or two, in rows of two, each
     * row as tall as its taller label (a toggle's long label with its state, wrapped,
     * makes its own row tall, not every button) */
    int ncol = one <= bottom - top ? 1 : 2;
    float rowh[NCTL] = { 0 }, colh = one;
    if (ncol == 2) {
        colh = -gap;
        for (int i = 0; i < nc; i++)
            rowh[i / 2] = fmaxf(rowh[i / 2], ch[i]);
        for (int r = 0; r < (nc + 1) / 2; r++)
            colh += rowh[r] + gap;
    }
    float x0 = W - pad - (float)ncol * cw - (float)(ncol - 1) * gap;
    float aw = x0 - 2 * pad;
    /* the status under the figure: one line (a little smaller if need be), or the time
     * left below the breath */
    int cpx = spx;
    while (cpx > ui_min_px(&ui, spx) &&
           ui_text_w(&ui, left, cpx, false) + ui_text_w(&ui, right, cpx, false) + 40 * u > aw)
        cpx--;
    bool stack = ui_text_w(&ui, left, cpx, false) + ui_text_w(&ui, right, cpx, false) + 40 * u > aw;
    if (stack)
        cpx = spx;
    float st_h = stack ? 2 * sh : sh;
    float col_fh = bottom - st_h - 8 * u - bar;
    if (room_two >= fminf(aw, col_fh)) {
        float fy = H - 28 * u - bh, x = W / 2 - total / 2;
        for (int i = 0; i < nc; i++) {
            L.ctl[i] = gw_rc(x, fy, bw[i], bh);
            x += bw[i] + gap;
        }
        L.status = gw_rc(pad, fy - 8 * u - sh, W - 2 * pad, sh);
        L.status_w = (W - 2 * pad) / 2;
        L.fig = gw_rc(0, bar, W, L.status.y - 8 * u - bar);
        return L;
    }
    /* a label on more than two lines, or two columns leaving the figure a strip: the
     * controls flow in rows instead, beside the figure or under it */
    bool poor = ncol == 2;
    for (int i = 0; i < nc; i++)
        poor |= pacer_lines(a, b[i].label, cw) > 2;
    if (poor && pacer_flow_best(a, &L, b, nc, left, right, sh))
        return L;
    float y0 = top + fmaxf(0, (bottom - top - colh) / 2), y = y0;
    for (int i = 0; i < nc; i++) {
        if (ncol == 1) {
            L.ctl[i] = gw_rc(x0, y, cw, ch[i]);
            y += ch[i] + gap;
        } else {
            L.ctl[i] = gw_rc(x0 + (float)(i % 2) * (cw + gap), y, cw, rowh[i / 2]);
            if (i % 2 == 1 || i == nc - 1)
                y += rowh[i / 2] + gap;
        }
    }
    L.px_status = cpx;
    L.status = gw_rc(pad, bottom - st_h, aw, st_h);
    /* on one line: each as wide as it is (the footer draws it there on one line) */
    L.status_w = stack ? aw
                       : fmaxf(aw / 2, fmaxf(ui_text_w(&ui, left, cpx, false), ui_text_w(&ui, right, cpx, false)) + 1);
    L.fig = gw_rc(pad, bar, aw, L.status.y - 8 * u - bar);
    return L;
}

/* The layout measures some forty labels; the kiosk's pacer draws 60 frames a second
 * and its inputs change about once a second (the time left), so the last one is kept
 * with everything it was made from (this app, its window, text size and language, the
 * controls' states, the status texts). */
typedef struct lay_key {
    const app *a;
    const exercise *ex;
    int w, h, style;
    float bar, scale;
    bool rtl, paused, muted, speak;
    char lang[16], left[64], right[64];
} lay_key;

pacer_layout pacer_lay_out(const app *a, float bar, const char *left, const char *right)
{
    static lay_key kept;
    static pacer_layout kept_L;
    static bool have;
    lay_key k;
    memset(&k, 0, sizeof k); /* padding too: keys are compared whole */
    k.a = a;
    k.ex = a->ex;
    k.w = a->w;
    k.h = a->h;
    k.style = pacer_style_of(a);
    k.bar = bar;
    k.scale = a->view.text_scale;
    k.rtl = a->view.rtl;
    k.paused = a->clock.paused;
    k.muted = ST(a)->muted;
    k.speak = ST(a)->speak;
    snprintf(k.lang, sizeof k.lang, "%s", a->lang);
    snprintf(k.left, sizeof k.left, "%s", left);
    snprintf(k.right, sizeof k.right, "%s", right);
    if (!have || memcmp(&k, &kept, sizeof k) || strlen(left) >= sizeof k.left || strlen(right) >= sizeof k.right) {
        kept_L = pacer_lay_out_now(a, bar, left, right);
        kept = k;
        have = true;
    }
    return kept_L;
}

void pacer_footer(const app *a, draw_list *l, const pacer_layout *L, const char *left, const char *right)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a);
    gw_rect st = L->status;
    int spx = (int)L->px_status;
    float lw = ui_text_w(&ui, left, spx, false), rw = ui_text_w(&ui, right, spx, false);
    if (L->status_w >= st.w) { /* one under the other */
        float h = st.h / 2;
        draw_text(l, gw_rc(st.x, st.y, st.w, h), left, spx, VALIGN_MIDDLE, t->text);
        draw_text(l, gw_rc(st.x, st.y + h, st.w, h), right, spx, VALIGN_MIDDLE, t->text);
    } else if (lw > L->status_w || rw > L->status_w) { /* beside the controls, on two lines */
        draw_text(l, gw_rc(st.x, st.y, L->status_w, st.h), left, spx, VALIGN_MIDDLE, t->text);
        draw_text(l, gw_rc(st.x + st.w - L->status_w, st.y, L->status_w, st.h), right, spx,
                  ALIGN_RIGHT | VALIGN_MIDDLE, t->text);
    } else {
        draw_text(l, gw_rc(st.x, st.y, fmaxf(250 * u, lw + 1), st.h), left, spx, VALIGN_MIDDLE | TEXT_FIT, t->text);
        float w = fmaxf(200 * u, rw + 1);
        draw_text(l, gw_rc(st.x + st.w - w, st.y, w, st.h), right, spx, ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text);
    }
    ctl b[NCTL];
    char style_buf[96];
    int nc = controls(a, b, style_buf, sizeof style_buf);
    for (int i = 0; i < nc && i < L->nctl; i++) {
        ui_button(&ui, l, b[i].id, L->ctl[i], b[i].label, false, false);
        if (!strcmp(b[i].id, "mute")) /* heard as a switch: "Sound, switch, On" */
            draw_widget_describe(l, ROLE_SWITCH, _("Sound"), ST(a)->muted ? _("Off") : _("On"));
        else if (!strcmp(b[i].id, "speak"))
            draw_widget_describe(l, ROLE_SWITCH, _("Voice guidance"), ST(a)->speak ? _("On") : _("Off"));
    }
}

