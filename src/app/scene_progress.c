/* scene_progress: the person's practice at a glance (home mode), from the practice log:
 * self-check ratings before and after each session over the last weeks with weekly
 * averages, minutes practised per week, and the days practised. Drawn with the
 * draw_list primitives only. The notes the person typed on prompt steps, newest first,
 * on a page of their own ("page:notes", back with "page:charts"), offered when there
 * are any. Widget id: "back" (Escape or B).
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
    a->progress_page = 0;
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

/* Large text (issue 10): the charts' labels are measured and the charts make room
 * for them; the ratings chart gets a page of its own, the other two the next page. */
static bool big(const app *a) { return a->text_scale > 1.f; }

/* The panel and its title; returns where the title ends. */
static float panel(const app *a, draw_list *l, gw_rect r, const char *title, float u)
{
    int px = (int)lroundf(20 * u);
    float th = big(a) ? fmaxf(32 * u, ui_text_h(a, title, px, true, 0)) : 32 * u;
    draw_rect(l, r, 20 * u, a->th->surface);
    draw_text(l, gw_rc(r.x + 24 * u, r.y + 14 * u, r.w - 48 * u, th), title, px,
              VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), a->th->text);
    return r.y + 14 * u + th;
}

/* Ratings before (ring) and after (dot) per session, joined by a faint line; weekly
 * averages as two lines. */
static void ratings_chart(const app *a, draw_list *l, gw_rect r, const plog_summary *s, float u)
{
    const theme *t = a->th;
    gw_color cb = t->hold, ca = t->accent;
    const char *title = _("How you felt, before and after");
    float tb = panel(a, l, r, title, u);
    /* legend: at the right of the title, or under it when there is no room */
    int lpx = (int)lroundf(16 * u);
    const char *lb[3] = { _("before"), _("after"), _("weekly") };
    float w0 = 140 * u, w1 = 140 * u, w2 = 100 * u, lh = 28 * u;
    float lx = r.x + r.w - 330 * u, ly = r.y + 30 * u, gy = r.y + 70 * u;
    float sx[3] = { 14 * u, 124 * u, 234 * u }; /* where each label starts, from lx */
    if (big(a)) {
        float tw[3];
        for (int i = 0; i < 3; i++) {
            tw[i] = ui_text_w(a, lb[i], lpx, false) + 4 * u;
            lh = fmaxf(lh, ui_text_h(a, lb[i], lpx, false, 0));
        }
        sx[0] = 14 * u;
        sx[1] = sx[0] + tw[0] + 40 * u;
        sx[2] = sx[1] + tw[1] + 62 * u;
        w0 = tw[0];
        w1 = tw[1];
        w2 = tw[2];
        float legend = sx[2] + tw[2] + 24 * u;
        if (ui_text_w(a, title, (int)lroundf(20 * u), true) + legend + 64 * u <= r.w) {
            lx = r.x + r.w - legend;
            ly = (r.y + 14 * u + tb) / 2;
            gy = tb + 24 * u;
        } else {
            lx = r.x + 32 * u;
            ly = tb + 6 * u + lh / 2;
            gy = tb + 12 * u + lh + 20 * u;
        }
    }
    draw_ring(l, lx, ly, 7 * u, 3 * u, 0, 1, cb);
    draw_text(l, gw_rc(lx + sx[0], ly - lh / 2, w0, lh), lb[0], lpx, VALIGN_MIDDLE, t->text_dim);
    draw_circle(l, lx + sx[1] - 14 * u, ly, 8 * u, ca);
    draw_text(l, gw_rc(lx + sx[1], ly - lh / 2, w1, lh), lb[1], lpx, VALIGN_MIDDLE, t->text_dim);
    draw_line(l, lx + sx[2] - 38 * u, ly, lx + sx[2] - 8 * u, ly, 3 * u, t->text_dim);
    draw_text(l, gw_rc(lx + sx[2], ly - lh / 2, w2, lh), lb[2], lpx, VALIGN_MIDDLE, t->text_dim);

    /* axes: the numbers' column and the week labels' row as wide and tall as they are */
    int npx = (int)lroundf(15 * u), wpx = (int)lroundf(14 * u);
    float nw = 32 * u, nh = 24 * u, wh = 24 * u;
    if (big(a)) {
        nw = fmaxf(nw, ui_text_w(a, "10", npx, false));
        nh = fmaxf(nh, ui_text_h(a, "10", npx, false, 0));
        wh = fmaxf(wh, ui_text_h(a, "30 Dec", wpx, false, 0));
    }
    float gx = r.x + 32 * u + nw;
    gw_rect g = gw_rc(gx, gy, r.x + r.w - 32 * u - gx, r.y + r.h - 28 * u - wh - 8 * u - gy);
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
    int32_t first = s->week[0].first_day;
    float dayw = g.w / (float)NDAYS;
    /* every week's label, or every other one when they are wider than a week */
    int every = 1;
    if (big(a))
        for (int w = 0; w < PLOG_WEEKS; w++) {
            char lab[24];
            week_label(lab, sizeof lab, s->week[w].first_day);
            if (!ui_line_fits(a, lab, wpx, false, 7 * dayw - 4 * u))
                every = 2;
        }
    for (int w = 0; w < PLOG_WEEKS; w++) {
        float x = g.x + (float)(w * 7) * dayw;
        if (w > 0)
            draw_line(l, x, g.y, x, g.y + g.h, 1 * u, fade(t->ring_track, 140));
        if ((PLOG_WEEKS - 1 - w) % every)
            continue;
        char lab[24];
        week_label(lab, sizeof lab, s->week[w].first_day);
        float lw = every > 1 ? 14 * dayw : 7 * dayw;
        draw_text(l, gw_rc(x + 3.5f * dayw - lw / 2, g.y + g.h + 8 * u, lw, wh), lab, wpx,
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
    float tb = panel(a, l, r, _("Minutes practised each week"), u);
    const char *foot = _("oldest week on the left, this week on the right");
    int vpx = (int)lroundf(14 * u), fpx = (int)lroundf(13 * u);
    gw_rect g = gw_rc(r.x + 24 * u, r.y + 80 * u, r.w - 48 * u, r.h - 120 * u);
    float vh = 22 * u, fh = 22 * u;
    if (big(a)) {
        vh = fmaxf(vh, ui_text_h(a, "100", vpx, false, 0));
        fh = fmaxf(fh, ui_text_h(a, foot, fpx, false, g.w));
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
        char v[16];
        snprintf(v, sizeof v, "%d", (int)lround(s->week[w].minutes));
        draw_text(l, gw_rc(x - 10 * u, g.y + g.h - h - vh - 2 * u, bw * 0.64f + 20 * u, vh), v, vpx,
                  ALIGN_CENTER | VALIGN_BOTTOM | (big(a) ? TEXT_FIT : 0), t->text_dim);
    }
    draw_text(l, gw_rc(g.x, g.y + g.h + 6 * u, g.w, fh), foot, fpx, ALIGN_CENTER | VALIGN_TOP, t->text_dim);
}

static void days_grid(const app *a, draw_list *l, gw_rect r, const plog_summary *s, int32_t now, float u)
{
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
    for (int i = 0; i < a->nprog; i++) {
        int32_t d = plog_day_of(a->prog[i].start, NULL);
        if (d != INT32_MIN && d >= first && d < first + NDAYS)
            seen[d - first] = true;
    }
    int ipx = (int)lroundf(13 * u);
    float iw = 24 * u;
    float cell = fminf((r.w - 80 * u) / PLOG_WEEKS, (r.h - 90 * u) / 7.4f);
    float gx = r.x + (r.w - (float)PLOG_WEEKS * cell) / 2 + 12 * u, gy = r.y + 64 * u;
    if (big(a)) {
        for (int d = 0; d < 7; d++)
            iw = fmaxf(iw, ui_text_w(a, i18n_ctx(WD[d]), ipx, false));
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

/* Each number with its own plural form (Arabic has six: one and two have words of
 * their own), then the sentence around them. */
void progress_summary(char *buf, size_t n, int sessions, int days, int minutes)
{
    char ses[64], day[64], min[64];
    snprintf(ses, sizeof ses, P_("%d session", "%d sessions", sessions), sessions);
    /* the days with the word before them: in some languages its case changes the noun */
    snprintf(day, sizeof day, P_("on %d day", "on %d days", days), days);
    snprintf(min, sizeof min, P_("%d minute", "%d minutes", minutes), minutes);
    /* The first %s is the sessions ("3 sessions"), the second the days ("on 2 days"),
       the third the minutes ("40 minutes"), each translated on its own; to put them in
       another order write %1$s, %2$s, %3$s. */
    snprintf(buf, n, _("All together: %s %s, %s. Lower ratings are calmer."), ses, day, min);
}

/* ---- the person's notes (prompt exercises), newest first ---- */

#define NOTES_PAGE 2 /* progress_page: the notes instead of the charts */

static bool has_notes(const app *a)
{
    for (int i = 0; i < a->nprog; i++)
        if (a->prog[i].notes && a->prog[i].notes[0])
            return true;
    return false;
}

/* Each session with notes: its day and exercise, then its notes, as many as fit. */
static void notes_page(const app *a, draw_list *l, float top)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h, pad = 48 * u;
    const char *charts = _("Charts");
    float bw = ui_button_w(a, charts, 200 * u), bh = ui_button_h(a, charts, bw, 56 * u);
    float by = H - 20 * u - bh, y = top + 10 * u, tw = W - 2 * pad;
    int hpx = (int)lroundf(17 * u), npx = (int)lroundf(20 * u);
    for (int i = a->nprog - 1; i >= 0; i--) {
        const plog_session *e = &a->prog[i];
        if (!e->notes || !e->notes[0])
            continue;
        char day[48] = "", head[160];
        int yy, m, d;
        if (sscanf(e->start, "%d-%d-%d", &yy, &m, &d) == 3)
            i18n_day_month(day, sizeof day, d, m);
        const exercise *x = a->packs ? pack_set_find(a->packs, e->exercise) : NULL;
        snprintf(head, sizeof head, "%s · %s", day, x ? app_text(a, &x->title) : e->exercise);
        float hh = ui_text_h(a, head, hpx, true, tw), nh = ui_text_h(a, e->notes, npx, false, tw);
        if (y + hh + nh > by - 14 * u)
            break; /* the oldest that do not fit are in `log export` */
        draw_text(l, gw_rc(pad, y, tw, hh), head, hpx, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text_dim);
        draw_text(l, gw_rc(pad, y + hh, tw, nh), e->notes, npx, VALIGN_TOP, t->text);
        y += hh + nh + 16 * u;
    }
    ui_button(a, l, "page:charts", gw_rc((W - bw) / 2, by, bw, bh), charts, a->home_focus == 2, true);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float top = ui_top_bar_focus(a, l, _("Your progress"), a->home_focus);
    if (a->progress_page == NOTES_PAGE) {
        notes_page(a, l, top);
        return;
    }
    int32_t now = today(a);
    plog_summary s;
    plog_summarise(a->prog, a->nprog, now, &s);
    float pad = 32 * u;
    if (a->nprog == 0) {
        const char *none = _("No sessions yet. After your first exercise, your practice shows up here.");
        int px = (int)lroundf(22 * u);
        draw_text(l, gw_rc(pad, H * 0.4f, W - 2 * pad, fmaxf(80 * u, ui_text_h(a, none, px, false, W - 2 * pad))), none,
                  px, ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
        return;
    }
    char line[PROGRESS_SUMMARY_MAX];
    progress_summary(line, sizeof line, s.total_sessions, s.total_days, (int)lround(s.total_minutes));
    int spx = (int)lroundf(17 * u);
    const char *notes = _("Your notes");
    if (!big(a)) {
        if (has_notes(a)) { /* in the top bar, before Help (as wide as Back and Help) */
            float hw = fminf(fmaxf(ui_button_w(a, _("Back"), 150 * u), ui_button_w(a, _("Help"), 150 * u)), W / 4);
            float nw = ui_button_w(a, notes, 150 * u), nh = ui_button_h(a, notes, nw, 52 * u);
            float bottom = ui_top_bar_buttons_bottom(a);
            ui_button(a, l, "page:notes", gw_rc(W - 24 * u - hw - 16 * u - nw, bottom - nh, nw, nh), notes,
                      a->home_focus == 2, false);
        }
        draw_text(l, gw_rc(pad, top - 6 * u, W - 2 * pad, 30 * u), line, spx, ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT,
                  t->text_dim);
        float y = top + 32 * u, h = H - y - pad;
        float rw = 380 * u, lw = W - 2 * pad - rw - 20 * u;
        ratings_chart(a, l, gw_rc(pad, y, lw, h), &s, u);
        float mh = h * 0.5f - 10 * u;
        minutes_chart(a, l, gw_rc(pad + lw + 20 * u, y, rw, mh), &s, u);
        days_grid(a, l, gw_rc(pad + lw + 20 * u, y + mh + 20 * u, rw, h - mh - 20 * u), &s, now, u);
        return;
    }
    /* large text: the summary wraps; the ratings on the first page, minutes and days
     * on the second */
    float sh = ui_text_h(a, line, spx, false, W - 2 * pad);
    draw_text(l, gw_rc(pad, top, W - 2 * pad, sh), line, spx, ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    const char *prev = _("Previous page"), *next = _("Next page");
    float pw = ui_button_w(a, prev, 200 * u), xw = ui_button_w(a, next, 200 * u);
    float bh = fmaxf(ui_button_h(a, prev, pw, 56 * u), ui_button_h(a, next, xw, 56 * u));
    float by = H - 20 * u - bh;
    float y = top + sh + 10 * u, h = by - 14 * u - y;
    int page = a->progress_page > 0 ? 1 : 0;
    if (page == 0)
        ratings_chart(a, l, gw_rc(pad, y, W - 2 * pad, h), &s, u);
    else {
        float half = (W - 2 * pad - 20 * u) / 2;
        minutes_chart(a, l, gw_rc(pad, y, half, h), &s, u);
        days_grid(a, l, gw_rc(pad + half + 20 * u, y, half, h), &s, now, u);
    }
    char where[64];
    snprintf(where, sizeof where, _("Page %d of %d"), page + 1, 2);
    float mid = fmaxf(ui_text_w(a, where, (int)lroundf(20 * u), false), 140 * u), g = 20 * u;
    float x = (W - pw - xw - mid - 2 * g) / 2;
    if (page > 0)
        ui_button(a, l, "page:previous", gw_rc(x, by, pw, bh), prev, a->home_focus == 2, false);
    draw_text(l, gw_rc(x + pw + g, by, mid, bh), where, (int)lroundf(20 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    if (page == 0)
        ui_button(a, l, "page:next", gw_rc(x + pw + mid + 2 * g, by, xw, bh), next, a->home_focus == 2, true);
    if (has_notes(a)) {
        float nw = ui_button_w(a, notes, 160 * u);
        ui_button(a, l, "page:notes", gw_rc(W - pad - nw, by, nw, bh), notes, a->home_focus == 3, false);
    }
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "page:notes") || !strcmp(w, "page:charts")) {
        a->progress_page = w[5] == 'n' ? NOTES_PAGE : 0;
        a->home_focus = 0;
        return;
    }
    if (!strcmp(w, "page:next") || !strcmp(w, "page:previous")) {
        a->progress_page = w[5] == 'n';
        return;
    }
    if (!strcmp(w, "back")) {
        release(a);
        app_set_scene(a, &scene_library);
    }
}

static bool event(app *a, const gw_event *e) { return app_home_nav(a, e, "back"); }

const scene_vt scene_progress = { "progress", enter, event, activate, NULL, draw, NULL };
