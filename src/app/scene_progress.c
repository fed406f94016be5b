/* scene_progress: the person's practice at a glance (home mode), from the practice log:
 * self-check ratings before and after each session, this week or the last four
 * ("view:week", "view:month"), each session its own mark (sessions of one day side by
 * side) that shows its time, exercise, ratings and note when tapped ("session:ID",
 * closed by "detail-close"); minutes practised per week (a week without practice
 * gets a quiet mark, not a "0"), and the days practised. Drawn with the draw_list
 * primitives only. The notes the person typed on prompt steps, newest first,
 * on a page of their own ("page:notes", back with "page:charts"), offered when there
 * are any. Widget id: "back" (Escape or B).
 * The sessions are read once on entering (the scene's state owns them, freed on
 * leaving). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/progress_days.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/plog.h"

#define NDAYS (PLOG_WEEKS * 7)

struct progress_st {
    struct plog_session *prog; /* the sessions shown, oldest first (owned) */
    int nprog;
    int page;                  /* with large text, the charts on two pages; NOTES_PAGE */
    int view;                  /* the ratings over 0 the last four weeks, 1 this week */
    long long sel;             /* the session whose details show (its log id; 0 none) */
    int focus;                 /* the focused widget, in drawing order */
};

static struct progress_st *ST(const app *a) { return app_state(a, SCENE_PROGRESS); }

static void progress_release(app *a)
{
    struct progress_st *s = ST(a);
    plog_sessions_free(s->prog, s->nprog);
    s->prog = NULL;
    s->nprog = 0;
}

static void progress_enter(app *a)
{
    struct progress_st *s = ST(a);
    progress_release(a);
    s->focus = 0;
    char err[PATH_MAX + 300];
    struct plog *p = app_log(a);
    int n = p ? plog_list(p, &s->prog, err, sizeof err) : 0;
    if (n < 0) {
        app_error(a, err);
        n = 0;
    }
    s->nprog = n;
    s->page = 0;
    s->sel = 0;
}

void progress_show(app *a, struct plog_session *sessions, int n, int view, long long sel, int page)
{
    struct progress_st *s = ST(a);
    progress_release(a);
    s->prog = sessions;
    s->nprog = n;
    s->view = view;
    s->sel = sel;
    s->page = page;
}

static int32_t today(const app *a)
{
    char now[32];
    app_wall_iso(a, now, sizeof now);
    return plog_day_of(now, NULL);
}

static gw_color fade(gw_color c, uint8_t alpha)
{
    c.a = alpha;
    return c;
}

/* Large text: the charts' labels are measured and the charts make room
 * for them; the ratings chart gets a page of its own, the other two the next page. */
static bool big(const app *a) { return a->view.text_scale > 1.f; }

/* The panel and its title; returns where the title ends. */
static float panel(const app *a, draw_list *l, gw_rect r, const char *title, float u)
{
    ui_ctx ui = app_ui(a);
    int px = (int)lroundf(20 * u);
    float th = big(a) ? fmaxf(32 * u, ui_text_h(&ui, title, px, true, 0)) : 32 * u;
    draw_rect(l, r, 20 * u, a->th->surface);
    draw_text(l, gw_rc(r.x + 24 * u, r.y + 14 * u, r.w - 48 * u, th), title, px,
              VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), a->th->text);
    return r.y + 14 * u + th;
}

/* The ratings chart's span: the last four weeks (month) or this week. */
#define MONTH_WEEKS 4
static bool week_view(const app *a) { return ST(a)->view == 1; }

/* Where the chart put the session whose details show (draw() lays the panel beside it). */
typedef struct mark_at {
    bool shown;
    float x, y0, y1;
    gw_rect graph; /* the chart's grid */
} mark_at;

/* A small switch button (week, month): its label at the legend's size. */
static float chip_w(const app *a, const char *label, float u)
{
    ui_ctx ui = app_ui(a);
    return ui_text_w(&ui, label, (int)lroundf(17 * u), true) + 28 * u;
}

static void chip(const app *a, draw_list *l, const char *id, gw_rect r, const char *label, bool on, float u)
{
    const theme *t = a->th;
    bool focused = ST(a)->focus == l->nwid;
    draw_rect(l, r, r.h * 0.3f, on ? t->accent : t->surface_hi);
    draw_text(l, r, label, (int)lroundf(17 * u), ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8),
              on ? t->bg : t->text);
    if (focused && a->focus.visible)
        draw_frame(l, gw_rc(r.x - 4 * u, r.y - 4 * u, r.w + 8 * u, r.h + 8 * u), r.h * 0.3f + 4 * u, 3 * u, t->focus);
    draw_widget_add(l, id, r, focused);
    draw_widget_describe(l, ROLE_OPTION, label, on ? _("Selected") : NULL);
}

/* One session's mark: the before rating (ring) joined by a line to the after rating
 * (dot), at x. */
static void session_mark(draw_list *l, const theme *t, float x, float yb, float ya, int before, int after, float rad,
                         float u, bool sel)
{
    if (before != PLOG_NONE && after != PLOG_NONE)
        draw_line(l, x, yb, x, ya, (sel ? 3.f : 2.f) * u, sel ? t->text : t->text_dim);
    if (before != PLOG_NONE)
        draw_ring(l, x, yb, rad, fmaxf(1.5f * u, rad * 0.4f), 0, 1, t->hold);
    if (after != PLOG_NONE)
        draw_circle(l, x, ya, rad * 1.05f, t->accent);
}

/* A weekly average, before (the rings' colour) or after (the dots'): a level line, in
 * the chart across its week and in the legend as its sample, so that the two look alike. */
static void avg_line(draw_list *l, const theme *t, float x0, float x1, float y, bool after, float u)
{
    draw_line(l, x0, y, x1, y, 3 * u, fade(after ? t->accent : t->hold, 150));
}

/* The legend, a row under the chart (wrapping when it must): a sample session (ring,
 * line, dot) with "before" and "after", and the weekly average's line in the month
 * view. Returns its height; with l NULL only measures. */
static float legend(const app *a, draw_list *l, float x, float y, float w, float u)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    int px = (int)lroundf(16 * u);
    const char *lb[3] = { _("before"), _("after"), _("weekly average") };
    int n = week_view(a) ? 2 : 3;
    float lh = fmaxf(28 * u, ui_text_h(&ui, lb[0], px, false, 0)), cx = x, cy = y, gap = 28 * u;
    for (int i = 0; i < n; i++) {
        float sym = i == 2 ? 40 * u : 22 * u, tw = ui_text_w(&ui, lb[i], px, false) + 4 * u;
        if (cx > x && cx + sym + tw > x + w) {
            cx = x;
            cy += lh + 4 * u;
        }
        if (l) {
            float my = cy + lh / 2;
            if (i == 0)
                draw_ring(l, cx + 8 * u, my, 6.5f * u, 2.5f * u, 0, 1, t->hold);
            else if (i == 1)
                draw_circle(l, cx + 8 * u, my, 7 * u, t->accent);
            else {
                avg_line(l, t, cx, cx + 30 * u, my - 4 * u, false, u);
                avg_line(l, t, cx, cx + 30 * u, my + 4 * u, true, u);
            }
            draw_text(l, gw_rc(cx + sym, cy, tw, lh), lb[i], px, VALIGN_MIDDLE, t->text);
        }
        cx += sym + tw + gap;
    }
    return cy + lh - y;
}

/* Ratings before (ring) and after (dot) of each session, joined by a line: sessions on
 * the same day side by side in the order they were done, each a widget
 * ("session:ID", its log id) that shows its details. Weekly averages behind them in the
 * month view. Fills *sel with where the selected session is. */
static void ratings_chart(const app *a, draw_list *l, gw_rect r, const plog_summary *s, float u, mark_at *sel)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    bool week = week_view(a);
    int ndays = week ? 7 : MONTH_WEEKS * 7, w0 = PLOG_WEEKS - (week ? 1 : MONTH_WEEKS);
    const char *title = _("How you felt, before and after");
    const char *lw = _("Week"), *lm = _("Month");
    float cw = fmaxf(chip_w(a, lw, u), chip_w(a, lm, u));
    float chh = fmaxf(40 * u, ui_text_h(&ui, lm, (int)lroundf(17 * u), true, 0) + 12 * u);
    int tpx = (int)lroundf(20 * u);
    /* the title, and the switch at its right (under it when there is no room) */
    float th = fmaxf(32 * u, ui_text_h(&ui, title, tpx, true, 0)), tx = r.x + 24 * u;
    float sx = r.x + r.w - 24 * u - 2 * cw - 8 * u, sy = r.y + 14 * u, gy;
    bool beside = ui_text_w(&ui, title, tpx, true) + 24 * u <= sx - tx;
    draw_rect(l, r, 20 * u, t->surface);
    if (beside) {
        draw_text(l, gw_rc(tx, r.y + 14 * u, sx - tx - 16 * u, fmaxf(th, chh)), title, tpx,
                  VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
        gy = r.y + 14 * u + fmaxf(th, chh) + 24 * u;
        sy = r.y + 14 * u + (fmaxf(th, chh) - chh) / 2;
    } else {
        float h = ui_text_h(&ui, title, tpx, true, r.w - 48 * u);
        draw_text(l, gw_rc(tx, r.y + 14 * u, r.w - 48 * u, h), title, tpx, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        sy = r.y + 14 * u + h + 6 * u;
        sx = tx;
        gy = sy + chh + 24 * u;
    }
    chip(a, l, "view:week", gw_rc(sx, sy, cw, chh), lw, week, u);
    chip(a, l, "view:month", gw_rc(sx + cw + 8 * u, sy, cw, chh), lm, !week, u);

    /* axes: the numbers' column and the day or week labels' row as wide and tall as
     * they are; the legend under them */
    int npx = (int)lroundf(15 * u), wpx = (int)lroundf(14 * u);
    float nw = fmaxf(32 * u, ui_text_w(&ui, "10", npx, false)), nh = fmaxf(24 * u, ui_text_h(&ui, "10", npx, false, 0));
    float gx = r.x + 32 * u + nw, gwid = r.x + r.w - 32 * u - gx;
    int32_t first = s->week[w0].first_day;
    int form = week ? progress_day_form(&ui, first, wpx, gwid / 7 - 4 * u, u) : 0;
    float wh = fmaxf(24 * u, ui_text_h(&ui, "30 Dec", wpx, false, 0)) * (form == 1 ? 2 : 1);
    float lgh = legend(a, NULL, gx, 0, gwid, u);
    gw_rect g = gw_rc(gx, gy, gwid, r.y + r.h - 18 * u - lgh - 10 * u - wh - 8 * u - gy);
    legend(a, l, gx, r.y + r.h - 18 * u - lgh, gwid, u);
    int step = 2; /* numbers every 2, or every 5 or 10 when they would crowd */
    while (step < 10 && g.h * (float)step / 10.f < nh)
        step = step == 2 ? 5 : 10;
    for (int v = 0; v <= 10; v += 2) {
        float y = g.y + g.h - (float)v / 10.f * g.h;
        draw_line(l, g.x, y, g.x + g.w, y, 1 * u, t->ring_track);
    }
    for (int v = 0; v <= 10; v += step) {
        float y = g.y + g.h - (float)v / 10.f * g.h;
        char num[12];
        snprintf(num, sizeof num, "%d", v);
        draw_text(l, gw_rc(g.x - 12 * u - nw, y - nh / 2, nw, nh), num, npx, ALIGN_RIGHT | VALIGN_MIDDLE, t->text_dim);
    }
    float dayw = g.w / (float)ndays;
    if (week) { /* each day's name and date */
        for (int d = 0; d < 7; d++) {
            float x = g.x + (float)d * dayw;
            if (d > 0)
                draw_line(l, x, g.y, x, g.y + g.h, 1 * u, fade(t->ring_track, 140));
            char lab[24], full[48];
            progress_day_label(lab, sizeof lab, first + d);
            snprintf(full, sizeof full, "%s %s", progress_day_name(d), lab);
            gw_rect lr = gw_rc(x + 2 * u, g.y + g.h + 8 * u, dayw - 4 * u, form == 1 ? wh / 2 : wh);
            draw_text(l, lr, form == 0 ? full : progress_day_name(d), wpx, ALIGN_CENTER | VALIGN_TOP | TEXT_FIT, t->text_dim);
            if (form == 1)
                draw_text(l, gw_rc(lr.x, lr.y + lr.h, lr.w, lr.h), lab, wpx, ALIGN_CENTER | VALIGN_TOP | TEXT_FIT, t->text_dim);
        }
    } else {
        /* every week's label, or every other one when they are wider than a week */
        int every = 1;
        for (int w = w0; w < PLOG_WEEKS; w++) {
            char lab[24];
            progress_day_label(lab, sizeof lab, s->week[w].first_day);
            if (!ui_line_fits(&ui, lab, wpx, false, 7 * dayw - 4 * u))
                every = 2;
        }
        for (int w = w0; w < PLOG_WEEKS; w++) {
            float x = g.x + (float)((w - w0) * 7) * dayw;
            if (w > w0)
                draw_line(l, x, g.y, x, g.y + g.h, 1 * u, fade(t->ring_track, 140));
            if ((PLOG_WEEKS - 1 - w) % every)
                continue;
            char lab[24];
            progress_day_label(lab, sizeof lab, s->week[w].first_day);
            float lw2 = every > 1 ? 14 * dayw : 7 * dayw;
            draw_text(l, gw_rc(x + 3.5f * dayw - lw2 / 2, g.y + g.h + 8 * u, lw2, wh), lab, wpx,
                      ALIGN_CENTER | VALIGN_TOP | TEXT_FIT, t->text_dim);
        }
        /* weekly averages behind the sessions, each a level line across its week as the
         * legend shows it (a week without practice has none) */
        for (int pass = 0; pass < 2; pass++)
            for (int w = w0; w < PLOG_WEEKS; w++) {
                double v = pass ? s->week[w].after_avg : s->week[w].before_avg;
                if (v < 0)
                    continue;
                float x = g.x + (float)((w - w0) * 7) * dayw, y = g.y + g.h - (float)v / 10.f * g.h;
                avg_line(l, t, x + dayw / 2, x + 6.5f * dayw, y, pass, u);
            }
    }
    /* the sessions of each day side by side: how many there are and which is which */
    int count[7 * MONTH_WEEKS] = { 0 };
    for (int i = 0; i < ST(a)->nprog; i++) {
        int32_t day = plog_day_of(ST(a)->prog[i].start, NULL);
        if (day != INT32_MIN && day >= first && day < first + ndays)
            count[day - first]++;
    }
    int seen[7 * MONTH_WEEKS] = { 0 };
    sel->shown = false;
    sel->graph = g;
    for (int i = 0; i < ST(a)->nprog; i++) { /* oldest first: the order they were done */
        const plog_session *e = &ST(a)->prog[i];
        int32_t day = plog_day_of(e->start, NULL);
        if (day == INT32_MIN || day < first || day >= first + ndays)
            continue;
        int k = day - first, n = count[k], j = seen[k]++;
        float slot = dayw / (float)(n < 2 ? 2 : n); /* one alone sits in its day's middle */
        float x = g.x + (float)k * dayw + (n < 2 ? dayw / 2 : ((float)j + 0.5f) * slot);
        float rad = fminf(6.5f * u, fmaxf(2.5f * u, slot * 0.3f));
        float yb = g.y + g.h - (float)e->before / 10.f * g.h, ya = g.y + g.h - (float)e->after / 10.f * g.h;
        if (e->before == PLOG_NONE)
            yb = ya;
        if (e->after == PLOG_NONE)
            ya = yb;
        if (e->before == PLOG_NONE && e->after == PLOG_NONE)
            continue; /* nothing to show on a chart of ratings */
        bool on = ST(a)->sel == e->id, focused = ST(a)->focus == l->nwid;
        if (on || (focused && a->focus.visible)) /* a quiet halo behind the chosen one */
            draw_rect(l, gw_rc(x - rad - 5 * u, fminf(yb, ya) - rad - 5 * u, 2 * rad + 10 * u,
                               fabsf(yb - ya) + 2 * rad + 10 * u),
                      rad + 5 * u, on ? t->surface_hi : fade(t->focus, 90));
        session_mark(l, t, x, yb, ya, e->before, e->after, rad, u, on);
        float hw = fmaxf(slot / 2, 6 * u), top = fminf(yb, ya) - fmaxf(rad, 8 * u), bot = fmaxf(yb, ya) + fmaxf(rad, 8 * u);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "session:%lld", (long long)e->id);
        draw_widget_add(l, id, gw_rc(x - hw, top, 2 * hw, bot - top), focused);
        {
            char b[8] = "–", f[8] = "–", rat[96];
            if (e->before != PLOG_NONE)
                snprintf(b, sizeof b, "%d", e->before);
            if (e->after != PLOG_NONE)
                snprintf(f, sizeof f, "%d", e->after);
            snprintf(rat, sizeof rat, _("Before %s, after %s"), b, f);
            const exercise *ex = a->packs ? pack_set_find(a->packs, e->exercise) : NULL;
            draw_widget_describe(l, ROLE_BUTTON, ex ? app_text(a, &ex->title) : e->exercise, rat);
        }
        if (on) {
            sel->shown = true;
            sel->x = x;
            sel->y0 = fminf(yb, ya);
            sel->y1 = fmaxf(yb, ya);
        }
    }
}

static void minutes_chart(const app *a, draw_list *l, gw_rect r, const plog_summary *s, float u)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float tb = panel(a, l, r, _("Minutes practised each week"), u);
    const char *foot = _("oldest week on the left, this week on the right");
    int vpx = (int)lroundf(14 * u), fpx = (int)lroundf(13 * u);
    gw_rect g = gw_rc(r.x + 24 * u, r.y + 80 * u, r.w - 48 * u, r.h - 120 * u);
    float vh = 22 * u, fh = 22 * u;
    if (big(a)) {
        vh = fmaxf(vh, ui_text_h(&ui, "100", vpx, false, 0));
        fh = fmaxf(fh, ui_text_h(&ui, foot, fpx, false, g.w));
        g.y = tb + vh + 12 * u;
        g.h = r.y + r.h - 12 * u - fh - 6 * u - g.y;
    }
    double most = 10;
    for (int w = 0; w < PLOG_WEEKS; w++)
        most = s->week[w].minutes > most ? s->week[w].minutes : most;
    float bw = g.w / PLOG_WEEKS;
    draw_line(l, g.x, g.y + g.h, g.x + g.w, g.y + g.h, 1 * u, t->ring_track);
    for (int w = 0; w < PLOG_WEEKS; w++) {
        float h = (float)(s->week[w].minutes / most) * g.h;
        float x = g.x + (float)w * bw + bw * 0.18f;
        bool now = w == PLOG_WEEKS - 1;
        if (h > 0.5f)
            draw_rect(l, gw_rc(x, g.y + g.h - h, bw * 0.64f, h), fminf(6 * u, h / 2), now ? t->accent : t->exhale);
        if (s->week[w].sessions == 0) { /* a week without practice: a quiet mark, no "0" */
            draw_line(l, x + bw * 0.2f, g.y + g.h - 4 * u, x + bw * 0.44f, g.y + g.h - 4 * u, 2 * u,
                      fade(t->text_dim, 90));
            continue;
        }
        char v[16];
        if (s->week[w].minutes > 0 && lround(s->week[w].minutes) == 0)
            snprintf(v, sizeof v, "\u2066<1\u2069"); /* under a minute; the isolate keeps "<1" in RTL */
        else
            snprintf(v, sizeof v, "%d", (int)lround(s->week[w].minutes));
        draw_text(l, gw_rc(x - 10 * u, g.y + g.h - h - vh - 2 * u, bw * 0.64f + 20 * u, vh), v, vpx,
                  ALIGN_CENTER | VALIGN_BOTTOM | (big(a) ? TEXT_FIT : 0), t->text_dim);
    }
    draw_text(l, gw_rc(g.x, g.y + g.h + 6 * u, g.w, fh), foot, fpx, ALIGN_CENTER | VALIGN_TOP, t->text_dim);
}

static void days_grid(const app *a, draw_list *l, gw_rect r, const plog_summary *s, int32_t now, float u)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    int days = 0;
    for (int w = 0; w < PLOG_WEEKS; w++)
        days += s->week[w].days;
    char title[96];
    snprintf(title, sizeof title, P_("Days practised: %d in 8 weeks", "Days practised: %d in 8 weeks", days), days);
    float tb = panel(a, l, r, title, u);
    static const char *const WD[] = { NC_("Monday", "M"), NC_("Tuesday", "T"), NC_("Wednesday", "W"),
                                      NC_("Thursday", "T"), NC_("Friday", "F"), NC_("Saturday", "S"),
                                      NC_("Sunday", "S") };
    bool seen[NDAYS] = { 0 };
    int32_t first = s->week[0].first_day;
    for (int i = 0; i < ST(a)->nprog; i++) {
        int32_t d = plog_day_of(ST(a)->prog[i].start, NULL);
        if (d != INT32_MIN && d >= first && d < first + NDAYS)
            seen[d - first] = true;
    }
    int ipx = (int)lroundf(13 * u);
    float iw = 24 * u;
    float cell = fminf((r.w - 80 * u) / PLOG_WEEKS, (r.h - 90 * u) / 7.4f);
    float gx = r.x + (r.w - (float)PLOG_WEEKS * cell) / 2 + 12 * u, gy = r.y + 64 * u;
    if (big(a)) {
        for (int d = 0; d < 7; d++)
            iw = fmaxf(iw, ui_text_w(&ui, i18n_ctx(WD[d]), ipx, false));
        gy = tb + 18 * u;
        cell = fminf((r.w - 48 * u - iw - 10 * u) / PLOG_WEEKS, (r.y + r.h - 16 * u - gy) / 7.f);
        gx = r.x + (r.w - (float)PLOG_WEEKS * cell + iw + 10 * u) / 2;
    }
    for (int d = 0; d < 7; d++)
        draw_text(l, gw_rc(gx - 10 * u - iw, gy + (float)d * cell, iw, cell), i18n_ctx(WD[d]), ipx,
                  ALIGN_CENTER | VALIGN_MIDDLE | (big(a) ? TEXT_FIT : 0), t->text_dim);
    for (int w = 0; w < PLOG_WEEKS; w++)
        for (int d = 0; d < 7; d++) {
            int k = w * 7 + d;
            float cx = gx + ((float)w + 0.5f) * cell, cy = gy + ((float)d + 0.5f) * cell;
            if (first + k > now)
                continue; /* the future */
            if (seen[k])
                draw_circle(l, cx, cy, cell * 0.34f, t->accent);
            else
                draw_circle(l, cx, cy, cell * 0.3f, t->surface_hi);
            if (first + k == now)
                draw_ring(l, cx, cy, cell * 0.44f, 2 * u, 0, 1, t->text_dim);
        }
}

/* The summary's sentence around its three parts, each translated on its own. */
static void progress_summary_of(char *buf, size_t n, int sessions, int days, const char *min)
{
    char ses[64], day[64];
    snprintf(ses, sizeof ses, P_("%d session", "%d sessions", sessions), sessions);
    /* the days with the word before them: in some languages its case changes the noun */
    snprintf(day, sizeof day, P_("on %d day", "on %d days", days), days);
    /* The first %s is the sessions ("3 sessions"), the second the days ("on 2 days"),
       the third the minutes ("40 minutes"), each translated on its own; to put them in
       another order write %1$s, %2$s, %3$s. */
    snprintf(buf, n, _("All together: %s %s, %s. Lower ratings are calmer."), ses, day, min);
}

/* Each number with its own plural form (Arabic has six: one and two have words of
 * their own), then the sentence around them. */
void progress_summary(char *buf, size_t n, int sessions, int days, int minutes)
{
    char min[64];
    snprintf(min, sizeof min, P_("%d minute", "%d minutes", minutes), minutes);
    progress_summary_of(buf, n, sessions, days, min);
}

/* As progress_summary, from the minutes as measured: practice that rounds to no
 * minute at all (a few short exercises) is "under a minute", not "0 minutes". */
void progress_summary_practised(char *buf, size_t n, int sessions, int days, double minutes)
{
    if (minutes > 0 && lround(minutes) == 0)
        progress_summary_of(buf, n, sessions, days, _("under a minute"));
    else
        progress_summary(buf, n, sessions, days, (int)lround(minutes));
}

/* ---- the person's notes (prompt exercises), newest first ---- */

#define NOTES_PAGE 2 /* progress_page: the notes instead of the charts */

static bool has_notes(const app *a)
{
    for (int i = 0; i < ST(a)->nprog; i++)
        if (ST(a)->prog[i].notes && ST(a)->prog[i].notes[0])
            return true;
    return false;
}

/* Each session with notes: its day and exercise, then its notes, as many as fit. */
static void notes_page(const app *a, draw_list *l, float top)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h, pad = 48 * u;
    const char *charts = _("Charts");
    float bw = ui_button_w(&ui, charts, 200 * u), bh = ui_button_h(&ui, charts, bw, 56 * u);
    float by = H - 20 * u - bh, y = top + 10 * u, tw = W - 2 * pad;
    int hpx = (int)lroundf(17 * u), npx = (int)lroundf(20 * u);
    for (int i = ST(a)->nprog - 1; i >= 0; i--) {
        const plog_session *e = &ST(a)->prog[i];
        if (!e->notes || !e->notes[0])
            continue;
        char day[48] = "", head[160];
        int yy, m, d;
        if (sscanf(e->start, "%d-%d-%d", &yy, &m, &d) == 3)
            i18n_day_month(day, sizeof day, d, m);
        const exercise *x = a->packs ? pack_set_find(a->packs, e->exercise) : NULL;
        snprintf(head, sizeof head, "%s · %s", day, x ? app_text(a, &x->title) : e->exercise);
        float hh = ui_text_h(&ui, head, hpx, true, tw), nh = ui_text_h(&ui, e->notes, npx, false, tw);
        if (y + hh + nh > by - 14 * u)
            break; /* the oldest that do not fit are in `log export` */
        draw_text(l, gw_rc(pad, y, tw, hh), head, hpx, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text_dim);
        draw_text(l, gw_rc(pad, y + hh, tw, nh), e->notes, npx, VALIGN_TOP, t->text);
        y += hh + nh + 16 * u;
    }
    ui_button(&ui, l, "page:charts", gw_rc((W - bw) / 2, by, bw, bh), charts, ST(a)->focus == 2, true);
}

/* The details of the session chosen on the chart (widget "session-detail";
 * "detail-close" closes it): when, which exercise, the ratings and the person's note.
 * At 100% a small panel in `aside`, the other charts' column, level with the mark. With
 * large text the chart has no room to spare, so they go in a strip above it in the
 * summary's place (`aside`: where, its height the room the note may use), Close at its
 * side: they never hide the session they describe nor the chart's words. Returns the
 * height; with l NULL only measures. */
static float detail_panel(const app *a, draw_list *l, const mark_at *m, gw_rect aside, bool strip, float u)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    const plog_session *e = NULL;
    for (int i = 0; i < ST(a)->nprog; i++)
        if (ST(a)->prog[i].id == ST(a)->sel)
            e = &ST(a)->prog[i];
    if (!e || (l && !m->shown))
        return 0;
    char day[48] = "", when[80], rat[80], both[170], b[8] = "\xe2\x80\x93", f[8] = "\xe2\x80\x93";
    int yy, mo, d, hh = 0, mm = 0;
    if (sscanf(e->start, "%d-%d-%dT%d:%d", &yy, &mo, &d, &hh, &mm) >= 3)
        i18n_day_month(day, sizeof day, d, mo);
    snprintf(when, sizeof when, "%s \xc2\xb7 %02d:%02d", day, hh, mm);
    if (e->before != PLOG_NONE)
        snprintf(b, sizeof b, "%d", e->before);
    if (e->after != PLOG_NONE)
        snprintf(f, sizeof f, "%d", e->after);
    /* the first %s is the rating before the exercise, the second after it (or a dash) */
    snprintf(rat, sizeof rat, _("Before %s, after %s"), b, f);
    snprintf(both, sizeof both, "%s \xc2\xb7 %s", when, rat);
    const exercise *x = a->packs ? pack_set_find(a->packs, e->exercise) : NULL;
    const char *name = x ? app_text(a, &x->title) : e->exercise, *close = _("Close");
    float bw = ui_button_w(&ui, close, 120 * u), bh = ui_button_h(&ui, close, bw, 44 * u);
    float w = strip ? aside.w : fminf(420 * u, aside.w), pad = 16 * u, tw = w - 2 * pad - (strip ? bw + pad : 0);
    int spx = (int)lroundf(17 * u), npx = (int)lroundf(20 * u);
    /* the strip: the exercise, then the day and the ratings, beside it if they fit */
    float h1 = strip ? 0 : ui_text_h(&ui, when, spx, false, tw), h2 = ui_text_h(&ui, name, npx, true, tw);
    float h3 = ui_text_h(&ui, strip ? both : rat, spx, false, tw), nw = ui_text_w(&ui, name, npx, true) + pad;
    bool one = strip && nw + ui_text_w(&ui, both, spx, false) <= tw;
    if (one) {
        h2 = fmaxf(h2, h3);
        h3 = 0;
    }
    float room = strip ? aside.h - (h2 + h3 + 8 * u) : aside.h - (2 * pad + h1 + h2 + h3 + bh + 20 * u);
    /* the note, its first words ending in "…" when all of it does not fit (all is on
     * the notes page) */
    char note[600];
    snprintf(note, sizeof note, "%s", e->notes ? e->notes : "");
    float hn = note[0] ? ui_text_h(&ui, note, spx, false, tw) : 0;
    for (size_t k = strlen(note); hn > room && k > 0;) {
        while (k > 0 && note[k - 1] != ' ' && note[k - 1] != '\n')
            k--; /* back to the word before */
        while (k > 0 && (note[k - 1] == ' ' || note[k - 1] == '\n'))
            k--;
        if (k == 0 || k + 4 > sizeof note) {
            note[0] = '\0';
            hn = 0;
            break;
        }
        memcpy(note + k, "\xe2\x80\xa6", 4); /* … and the end */
        hn = ui_text_h(&ui, note, spx, false, tw);
    }
    float lines = h1 + h2 + h3 + (hn > 0 ? hn + 8 * u : 0);
    float h = 2 * pad + (strip ? fmaxf(lines, bh) : lines + bh + 12 * u);
    if (!l)
        return h;
    float y0 = strip ? aside.y : fmaxf(aside.y, fminf((m->y0 + m->y1) / 2 - h / 2, aside.y + aside.h - h));
    gw_rect r = gw_rc(aside.x + (aside.w - w) / 2, y0, w, h);
    draw_rect(l, gw_rc(r.x + 3 * u, r.y + 4 * u, r.w, r.h), 16 * u, fade(t->bg, 160)); /* a soft shadow */
    draw_rect(l, r, 16 * u, t->bg); /* darker than the charts, so its Close button shows */
    draw_frame(l, r, 16 * u, 2 * u, t->ring_track);
    draw_widget_add(l, "session-detail", r, false);
    draw_widget_describe(l, ROLE_PANEL, NULL, NULL);
    float y = r.y + pad;
    if (h1 > 0)
        draw_text(l, gw_rc(r.x + pad, y, tw, h1), when, spx, VALIGN_MIDDLE, t->text_dim);
    y += h1;
    draw_text(l, gw_rc(r.x + pad, y, one ? nw : tw, h2), name, npx, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    if (one)
        draw_text(l, gw_rc(r.x + pad + nw, y, tw - nw, h2), both, spx, VALIGN_MIDDLE, t->text_dim);
    y += h2;
    if (h3 > 0)
        draw_text(l, gw_rc(r.x + pad, y, tw, h3), strip ? both : rat, spx, VALIGN_MIDDLE, strip ? t->text_dim : t->text);
    y += h3;
    if (hn > 0) {
        draw_text(l, gw_rc(r.x + pad, y + 8 * u, tw, hn), note, spx, VALIGN_TOP, t->text);
        y += hn + 8 * u;
    }
    ui_button(&ui, l, "detail-close", gw_rc(r.x + r.w - pad - bw, strip ? r.y + (h - bh) / 2 : y + 12 * u, bw, bh),
              close, ST(a)->focus == l->nwid, false);
    return h;
}

/* Whether the chosen session has a mark on the ratings chart as it is viewed. */
static bool chosen_on_chart(const app *a, const plog_summary *s)
{
    int ndays = week_view(a) ? 7 : MONTH_WEEKS * 7;
    int32_t first = s->week[PLOG_WEEKS - ndays / 7].first_day;
    for (int i = 0; i < ST(a)->nprog; i++) {
        const plog_session *e = &ST(a)->prog[i];
        int32_t day = plog_day_of(e->start, NULL);
        if (e->id == ST(a)->sel && day != INT32_MIN && day >= first && day < first + ndays &&
            (e->before != PLOG_NONE || e->after != PLOG_NONE))
            return true;
    }
    return false;
}

/* The person's resonance rate, from the last resonance assessment that found one,
 * after the summary ("· Your resonance rate: 5.5 breaths a minute"). */
static void progress_resonance(const app *a, char *line, size_t n)
{
    for (int i = ST(a)->nprog - 1; i >= 0; i--) {
        double r = resonance_rate_in(ST(a)->prog[i].adjustments);
        if (r <= 0)
            continue;
        char num[16], rate[160];
        app_hr_rate_text(num, sizeof num, r, false);
        snprintf(rate, sizeof rate, _("Your resonance rate: %s breaths a minute"), num);
        size_t k = strlen(line);
        snprintf(line + k, n - k, " · %s", rate);
        return;
    }
}

static void progress_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float top = ui_top_bar_focus(&ui, l, _("Your progress"), ST(a)->focus);
    if (ST(a)->page == NOTES_PAGE) {
        notes_page(a, l, top);
        return;
    }
    int32_t now = today(a);
    plog_summary s;
    plog_summarise(ST(a)->prog, ST(a)->nprog, now, &s);
    float pad = 32 * u;
    if (ST(a)->nprog == 0) {
        const char *none = _("No sessions yet. After your first exercise, your practice shows up here.");
        int px = (int)lroundf(22 * u);
        draw_text(l, gw_rc(pad, H * 0.4f, W - 2 * pad, fmaxf(80 * u, ui_text_h(&ui, none, px, false, W - 2 * pad))), none,
                  px, ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
        return;
    }
    char line[PROGRESS_SUMMARY_MAX + 160];
    progress_summary_practised(line, sizeof line, s.total_sessions, s.total_days, s.total_minutes);
    progress_resonance(a, line, sizeof line);
    int spx = (int)lroundf(17 * u);
    const char *notes = _("Your notes");
    if (!big(a)) {
        if (has_notes(a)) { /* in the top bar, before Help (as wide as Back and Help) */
            float hw = fminf(fmaxf(ui_button_w(&ui, _("Back"), 150 * u), ui_button_w(&ui, _("Help"), 150 * u)), W / 4);
            float nw = ui_button_w(&ui, notes, 150 * u), nh = ui_button_h(&ui, notes, nw, 52 * u);
            float bottom = ui_top_bar_buttons_bottom(&ui);
            ui_button(&ui, l, "page:notes", gw_rc(W - 24 * u - hw - 16 * u - nw, bottom - nh, nw, nh), notes,
                      ST(a)->focus == 2, false);
        }
        draw_text(l, gw_rc(pad, top - 6 * u, W - 2 * pad, 30 * u), line, spx, ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT,
                  t->text_dim);
        float y = top + 32 * u, h = H - y - pad;
        float rw = 380 * u, lw = W - 2 * pad - rw - 20 * u;
        mark_at m;
        ratings_chart(a, l, gw_rc(pad, y, lw, h), &s, u, &m);
        float mh = h * 0.5f - 10 * u;
        minutes_chart(a, l, gw_rc(pad + lw + 20 * u, y, rw, mh), &s, u);
        days_grid(a, l, gw_rc(pad + lw + 20 * u, y + mh + 20 * u, rw, h - mh - 20 * u), &s, now, u);
        detail_panel(a, l, &m, gw_rc(pad + lw + 20 * u, y, rw, h), false, u);
        return;
    }
    /* large text: the summary wraps; the ratings on the first page, minutes and days
     * on the second */
    float sh = ui_text_h(&ui, line, spx, false, W - 2 * pad);
    int page = ST(a)->page > 0 ? 1 : 0;
    gw_rect strip = gw_rc(pad, top, W - 2 * pad, sh); /* a chosen session's details, instead of the summary */
    bool details = page == 0 && chosen_on_chart(a, &s);
    if (details)
        sh = detail_panel(a, NULL, NULL, strip, true, u);
    else
        draw_text(l, gw_rc(pad, top, W - 2 * pad, sh), line, spx, ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    const char *prev = _("Previous page"), *next = _("Next page");
    float pw = ui_button_w(&ui, prev, 200 * u), xw = ui_button_w(&ui, next, 200 * u);
    float bh = fmaxf(ui_button_h(&ui, prev, pw, 56 * u), ui_button_h(&ui, next, xw, 56 * u));
    float by = H - 20 * u - bh;
    float y = top + sh + 10 * u, h = by - 14 * u - y;
    mark_at m = { 0 };
    if (page == 0)
        ratings_chart(a, l, gw_rc(pad, y, W - 2 * pad, h), &s, u, &m);
    else {
        float half = (W - 2 * pad - 20 * u) / 2;
        minutes_chart(a, l, gw_rc(pad, y, half, h), &s, u);
        days_grid(a, l, gw_rc(pad + half + 20 * u, y, half, h), &s, now, u);
    }
    char where[64];
    snprintf(where, sizeof where, _("Page %d of %d"), page + 1, 2);
    float mid = fmaxf(ui_text_w(&ui, where, (int)lroundf(20 * u), false), 140 * u), g = 20 * u;
    /* the page's turn and its number centred in the room the notes button leaves */
    float nw = has_notes(a) ? ui_button_w(&ui, notes, 160 * u) : 0, right = nw > 0 ? W - pad - nw - g : W;
    float x = fmaxf(nw > 0 ? pad : 0, (right - (page > 0 ? pw : xw) - mid - g) / 2);
    if (page > 0) {
        ui_button(&ui, l, "page:previous", gw_rc(x, by, pw, bh), prev, ST(a)->focus == l->nwid, false);
        x += pw + g;
    }
    draw_text(l, gw_rc(x, by, mid, bh), where, (int)lroundf(20 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    if (page == 0)
        ui_button(&ui, l, "page:next", gw_rc(x + mid + g, by, xw, bh), next, ST(a)->focus == l->nwid, true);
    if (nw > 0)
        ui_button(&ui, l, "page:notes", gw_rc(W - pad - nw, by, nw, bh), notes, ST(a)->focus == l->nwid, false);
    if (details)
        detail_panel(a, l, &m, strip, true, u);
}

static void progress_activate(app *a, const char *w)
{
    if (!strncmp(w, "session:", 8)) {
        long long id = atoll(w + 8);
        ST(a)->sel = ST(a)->sel == id ? 0 : id;
        for (int i = 0; i < ST(a)->nprog && ST(a)->sel; i++)
            if (ST(a)->prog[i].id == id) {
                trace_begin(a->tr, a->now, "progress_session");
                trace_int(a->tr, "id", id);
                trace_str(a->tr, "exercise", ST(a)->prog[i].exercise);
                trace_str(a->tr, "start", ST(a)->prog[i].start);
                trace_int(a->tr, "before", ST(a)->prog[i].before);
                trace_int(a->tr, "after", ST(a)->prog[i].after);
                trace_end(a->tr);
            }
        return;
    }
    if (!strcmp(w, "detail-close") || !strcmp(w, "session-detail")) {
        if (w[0] == 'd')
            ST(a)->sel = 0;
        return;
    }
    if (!strcmp(w, "view:week") || !strcmp(w, "view:month")) {
        ST(a)->view = w[5] == 'w';
        ST(a)->sel = 0;
        return;
    }
    if (!strcmp(w, "page:notes") || !strcmp(w, "page:charts")) {
        ST(a)->page = w[5] == 'n' ? NOTES_PAGE : 0;
        ST(a)->focus = 0;
        ST(a)->sel = 0;
        return;
    }
    if (!strcmp(w, "page:next") || !strcmp(w, "page:previous")) {
        ST(a)->page = w[5] == 'n';
        return;
    }
    if (!strcmp(w, "back")) {
        progress_release(a);
        app_go(a, SCENE_LIBRARY);
    }
}

static bool progress_event(app *a, const gw_event *e)
{
    return app_home_nav(a, &ST(a)->focus, e, ST(a)->sel ? "detail-close" : "back");
}

const scene_vt scene_progress = {
    .id = SCENE_PROGRESS,
    .name = "progress",
    .enter = progress_enter,
    .event = progress_event,
    .activate = progress_activate,
    .draw = progress_draw,
    .state_size = sizeof(struct progress_st),
    .release = progress_release,
};
