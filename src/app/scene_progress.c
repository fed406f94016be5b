/* scene_progress: the person's practice at a glance (home mode), from the practice log:
 * self-check ratings before and after each session over the last weeks with weekly
 * averages, minutes practised per week, and the days practised. Drawn with the
 * draw_list primitives only. Widget id: "back" (Escape or B).
 * The sessions are read once on entering (app owns them, freed on leaving). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/plog.h"

#define NDAYS (PLOG_WEEKS * 7)

static void release(app *a)
{
    plog_sessions_free(a->prog, a->nprog);
    a->prog = NULL;
    a->nprog = 0;
}

static void enter(app *a)
{
    release(a);
    a->home_focus = 0;
    char err[PATH_MAX + 300];
    struct plog *p = app_log(a);
    int n = p ? plog_list(p, &a->prog, err, sizeof err) : 0;
    if (n < 0) {
        app_error(a, err);
        n = 0;
    }
    a->nprog = n;
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

static void week_label(char *buf, size_t n, int32_t day)
{
    char iso[32];
    int y, m, d;
    plog_format_utc(iso, sizeof iso, (int64_t)day * 86400);
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
        i18n_day_month(buf, n, d, m);
    else
        snprintf(buf, n, "?");
}

static void panel(const app *a, draw_list *l, gw_rect r, const char *title, float u)
{
    draw_rect(l, r, 20 * u, a->th->surface);
    draw_text(l, gw_rc(r.x + 24 * u, r.y + 14 * u, r.w - 48 * u, 32 * u), title, (int)lroundf(20 * u),
              VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), a->th->text);
}

/* Ratings before (ring) and after (dot) per session, joined by a faint line; weekly
 * averages as two lines. */
static void ratings_chart(const app *a, draw_list *l, gw_rect r, const plog_summary *s, float u)
{
    const theme *t = a->th;
    gw_color cb = t->hold, ca = t->accent;
    panel(a, l, r, _("How you felt, before and after"), u);
    /* legend */
    float lx = r.x + r.w - 330 * u, ly = r.y + 30 * u;
    draw_ring(l, lx, ly, 7 * u, 3 * u, 0, 1, cb);
    draw_text(l, gw_rc(lx + 14 * u, ly - 14 * u, 140 * u, 28 * u), _("before"), (int)lroundf(16 * u), VALIGN_MIDDLE,
              t->text_dim);
    draw_circle(l, lx + 110 * u, ly, 8 * u, ca);
    draw_text(l, gw_rc(lx + 124 * u, ly - 14 * u, 140 * u, 28 * u), _("after"), (int)lroundf(16 * u), VALIGN_MIDDLE,
              t->text_dim);
    draw_line(l, lx + 196 * u, ly, lx + 226 * u, ly, 3 * u, t->text_dim);
    draw_text(l, gw_rc(lx + 234 * u, ly - 14 * u, 100 * u, 28 * u), _("weekly"), (int)lroundf(16 * u),
              VALIGN_MIDDLE, t->text_dim);

    gw_rect g = gw_rc(r.x + 64 * u, r.y + 70 * u, r.w - 96 * u, r.h - 130 * u);
    for (int v = 0; v <= 10; v += 2) {
        float y = g.y + g.h - (float)v / 10.f * g.h;
        draw_line(l, g.x, y, g.x + g.w, y, 1 * u, t->ring_track);
        char num[4];
        snprintf(num, sizeof num, "%d", v);
        draw_text(l, gw_rc(g.x - 44 * u, y - 12 * u, 32 * u, 24 * u), num, (int)lroundf(15 * u),
                  ALIGN_RIGHT | VALIGN_MIDDLE, t->text_dim);
    }
    int32_t first = s->week[0].first_day;
    float dayw = g.w / (float)NDAYS;
    for (int w = 0; w < PLOG_WEEKS; w++) {
        float x = g.x + (float)(w * 7) * dayw;
        if (w > 0)
            draw_line(l, x, g.y, x, g.y + g.h, 1 * u, fade(t->ring_track, 140));
        char lab[24];
        week_label(lab, sizeof lab, s->week[w].first_day);
        draw_text(l, gw_rc(x, g.y + g.h + 8 * u, 7 * dayw, 24 * u), lab, (int)lroundf(14 * u),
                  ALIGN_CENTER | VALIGN_TOP | TEXT_FIT, t->text_dim);
    }
    /* weekly averages behind the sessions */
    for (int pass = 0; pass < 2; pass++) {
        float px = 0, py = 0;
        bool have = false;
        for (int w = 0; w < PLOG_WEEKS; w++) {
            double v = pass ? s->week[w].after_avg : s->week[w].before_avg;
            if (v < 0)
                continue;
            float x = g.x + ((float)w * 7 + 3.5f) * dayw, y = g.y + g.h - (float)v / 10.f * g.h;
            if (have)
                draw_line(l, px, py, x, y, 3 * u, fade(pass ? ca : cb, 150));
            draw_circle(l, x, y, 3 * u, fade(pass ? ca : cb, 150));
            px = x;
            py = y;
            have = true;
        }
    }
    for (int i = 0; i < a->nprog; i++) {
        const plog_session *e = &a->prog[i];
        int64_t secs;
        int32_t day = plog_day_of(e->start, &secs);
        if (day == INT32_MIN || day < first || day >= first + NDAYS)
            continue;
        float x = g.x + ((float)(day - first) + (float)(secs % 86400) / 86400.f) * dayw;
        float yb = g.y + g.h - (float)e->before / 10.f * g.h, ya = g.y + g.h - (float)e->after / 10.f * g.h;
        if (e->before != PLOG_NONE && e->after != PLOG_NONE)
            draw_line(l, x, yb, x, ya, 2 * u, fade(t->text_dim, 110));
        if (e->before != PLOG_NONE)
            draw_ring(l, x, yb, 6 * u, 2.5f * u, 0, 1, cb);
        if (e->after != PLOG_NONE)
            draw_circle(l, x, ya, 6.5f * u, ca);
    }
}

static void minutes_chart(const app *a, draw_list *l, gw_rect r, const plog_summary *s, float u)
{
    const theme *t = a->th;
    panel(a, l, r, _("Minutes practised each week"), u);
    gw_rect g = gw_rc(r.x + 24 * u, r.y + 80 * u, r.w - 48 * u, r.h - 120 * u);
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
        char v[16];
        snprintf(v, sizeof v, "%d", (int)lround(s->week[w].minutes));
        draw_text(l, gw_rc(x - 10 * u, g.y + g.h - h - 24 * u, bw * 0.64f + 20 * u, 22 * u), v,
                  (int)lroundf(14 * u), ALIGN_CENTER | VALIGN_BOTTOM, t->text_dim);
    }
    draw_text(l, gw_rc(g.x, g.y + g.h + 6 * u, g.w, 22 * u), _("oldest week on the left, this week on the right"),
              (int)lroundf(13 * u), ALIGN_CENTER | VALIGN_TOP, t->text_dim);
}

static void days_grid(const app *a, draw_list *l, gw_rect r, const plog_summary *s, int32_t now, float u)
{
    const theme *t = a->th;
    int days = 0;
    for (int w = 0; w < PLOG_WEEKS; w++)
        days += s->week[w].days;
    char title[96];
    snprintf(title, sizeof title, P_("Days practised: %d in 8 weeks", "Days practised: %d in 8 weeks", days), days);
    panel(a, l, r, title, u);
    static const char *const WD[] = { NC_("Monday", "M"), NC_("Tuesday", "T"), NC_("Wednesday", "W"),
                                      NC_("Thursday", "T"), NC_("Friday", "F"), NC_("Saturday", "S"),
                                      NC_("Sunday", "S") };
    bool seen[NDAYS] = { 0 };
    int32_t first = s->week[0].first_day;
    for (int i = 0; i < a->nprog; i++) {
        int32_t d = plog_day_of(a->prog[i].start, NULL);
        if (d != INT32_MIN && d >= first && d < first + NDAYS)
            seen[d - first] = true;
    }
    float cell = fminf((r.w - 80 * u) / PLOG_WEEKS, (r.h - 90 * u) / 7.4f);
    float gx = r.x + (r.w - (float)PLOG_WEEKS * cell) / 2 + 12 * u, gy = r.y + 64 * u;
    for (int d = 0; d < 7; d++)
        draw_text(l, gw_rc(gx - 34 * u, gy + (float)d * cell, 24 * u, cell), i18n_ctx(WD[d]), (int)lroundf(13 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
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

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float top = ui_top_bar(a, l, _("Your progress"));
    if (a->home_focus == 0 && a->focus_visible)
        draw_frame(l, gw_rc(20 * u, 12 * u, 158 * u, 60 * u), 20 * u, 3 * u, t->focus);
    int32_t now = today(a);
    plog_summary s;
    plog_summarise(a->prog, a->nprog, now, &s);
    float pad = 32 * u;
    if (a->nprog == 0) {
        draw_text(l, gw_rc(pad, H * 0.4f, W - 2 * pad, 80 * u),
                  _("No sessions yet. After your first exercise, your practice shows up here."),
                  (int)lroundf(22 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
        return;
    }
    char line[160];
    int mins = (int)lround(s.total_minutes);
    snprintf(line, sizeof line, _("All together: %d sessions on %d days, %d minutes. Lower ratings are calmer."),
             s.total_sessions, s.total_days, mins);
    draw_text(l, gw_rc(pad, top - 6 * u, W - 2 * pad, 30 * u), line, (int)lroundf(17 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
    float y = top + 32 * u, h = H - y - pad;
    float rw = 380 * u, lw = W - 2 * pad - rw - 20 * u;
    ratings_chart(a, l, gw_rc(pad, y, lw, h), &s, u);
    float mh = h * 0.5f - 10 * u;
    minutes_chart(a, l, gw_rc(pad + lw + 20 * u, y, rw, mh), &s, u);
    days_grid(a, l, gw_rc(pad + lw + 20 * u, y + mh + 20 * u, rw, h - mh - 20 * u), &s, now, u);
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "back")) {
        release(a);
        app_set_scene(a, &scene_library);
    }
}

static bool event(app *a, const gw_event *e) { return app_home_nav(a, e, "back"); }

const scene_vt scene_progress = { "progress", enter, event, activate, NULL, draw, NULL };
