/* scene_library: the home screen. The exercises of every loaded pack in three
 * columns (breathing, relaxation, grounding), each a card with title, length and a
 * one-line description. Mouse, touch, keyboard (arrows, Enter) and gamepad (d-pad, A).
 * Widget ids: "exercise:<id>" for each card.
 * In a personal mode (home): a star per card ("favourite:<id>", key F; favourites come
 * first in their column), recently used exercises in the header ("recent:<id>"), and
 * buttons to Progress ("progress") and Settings ("settings"); Down/Tab past the last
 * card reach them. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

#define MAX_LISTED 256
#define NCOL 3

static const char *const CATS[NCOL] = { "breathing", "relaxation", "grounding" };

static const char *cat_title(int c)
{
    switch (c) {
    case 0: return _("Breathing");
    case 1: return _("Relaxation");
    default: return _("Grounding");
    }
}

static int column_of(const exercise *e)
{
    for (int c = 0; c < NCOL; c++)
        if (e->category && !strcmp(e->category, CATS[c]))
            return c;
    return e->kind == EX_BREATHING ? 0 : e->kind == EX_GUIDED ? 1 : 2;
}

/* Exercises in display order: column by column; within a column favourites first,
 * then load order.
 * Plan hook: when a loaded pack carries a plan (pack.json "plan": {...}; the format
 * comes with its own issue), its exercises are listed first, under "Your plan", before
 * the columns: add them to out[] here with their own column index and give the layout
 * in draw() a plan row above the columns. */
#define PLAN_COL NCOL  /* the "Your plan" row (present mode's take-home plans) */

static bool in_plan(const exercise *e) { return e->pack && e->pack->has_plan; }

static int ordered(const app *a, const exercise **out, int *col)
{
    int n = 0;
    int total = a->packs ? pack_set_exercise_count(a->packs) : 0;
    for (int i = 0; i < total && n < MAX_LISTED; i++) {
        const exercise *e = pack_set_exercise_at(a->packs, i);
        if (in_plan(e)) {
            out[n] = e;
            col[n++] = PLAN_COL;
        }
    }
    for (int c = 0; c < NCOL; c++)
        for (int fav = 1; fav >= 0; fav--)
            for (int i = 0; i < total && n < MAX_LISTED; i++) {
                const exercise *e = pack_set_exercise_at(a->packs, i);
                if (!in_plan(e) && column_of(e) == c && app_is_favourite(a, e->id) == (bool)fav) {
                    out[n] = e;
                    col[n++] = c;
                }
            }
    return n;
}

/* Focus positions after the cards (personal modes): recent chips, Progress, Settings. */
static int extras(const app *a) { return a->mode->personal ? a->nrecent + 2 : 0; }

static const char *extra_id(const app *a, int k, char *buf, size_t n)
{
    if (k < a->nrecent)
        snprintf(buf, n, "recent:%s", a->recent[k]);
    else
        snprintf(buf, n, "%s", k == a->nrecent ? "progress" : "settings");
    return buf;
}

/* Large text (issue 10): from 150% the cards show only their titles, wrapped, and
 * the header buttons grow. */
static bool large_text(const app *a) { return app_font(a, 100) >= 150; }
static float header_bw(const app *a, float u)
{
    float s = (float)app_font(a, 100) / 100.f;
    return 132 * u * (s > 1.f ? (s < 1.5f ? s : 1.5f) : 1.f);
}

/* A five-pointed star at (cx, cy), outline, or filled with spokes from the centre. */
static void star(draw_list *l, float cx, float cy, float r, bool filled, float th, gw_color c)
{
    float px[10], py[10];
    for (int i = 0; i < 10; i++) {
        float ang = (float)i * 3.14159265f / 5.f - 3.14159265f / 2.f;
        float rr = i % 2 ? r * 0.45f : r;
        px[i] = cx + rr * cosf(ang);
        py[i] = cy + rr * sinf(ang);
    }
    for (int i = 0; i < 10; i++) {
        int j = (i + 1) % 10;
        if (filled)
            for (int k = 0; k <= 6; k++) {
                float t = (float)k / 6.f;
                draw_line(l, cx, cy, px[i] + (px[j] - px[i]) * t, py[i] + (py[j] - py[i]) * t, th * 1.6f, c);
            }
        draw_line(l, px[i], py[i], px[j], py[j], th, c);
    }
}

/* The header of a personal mode: recent chips and the Progress and Settings buttons. */
static void header_personal(const app *a, draw_list *l, float u, int nfocus)
{
    const theme *t = a->th;
    float W = (float)a->w, pad = 40 * u, bh = 46 * u, by = 23 * u;
    float bw = header_bw(a, u);
    ui_button(a, l, "settings", gw_rc(W - pad - bw, by, bw, bh), _("Settings"),
              a->focus == nfocus + a->nrecent + 1, false);
    ui_button(a, l, "progress", gw_rc(W - pad - 2 * bw - 14 * u, by, bw, bh), _("Progress"),
              a->focus == nfocus + a->nrecent, false);
    if (a->nrecent == 0 || large_text(a))
        return; /* large text: no room for the recent chips */
    float x = 300 * u, right = W - pad - 2 * bw - 28 * u - 150 * u - 26 * u; /* left of Help */
    draw_text(l, gw_rc(x, by, 80 * u, bh), _("Recent"), (int)lroundf(16 * u), VALIGN_MIDDLE, t->text_dim);
    x += 80 * u;
    float cw = fminf(170 * u, (right - x) / (float)a->nrecent - 10 * u);
    for (int k = 0; k < a->nrecent && cw > 60 * u; k++) {
        const exercise *e = pack_set_find(a->packs, a->recent[k]);
        gw_rect r = gw_rc(x + (float)k * (cw + 10 * u), by + 4 * u, cw, bh - 8 * u);
        bool f = a->focus == nfocus + k;
        draw_rect(l, r, r.h / 2, f && a->focus_visible ? t->surface_hi : t->surface);
        draw_text(l, gw_rc(r.x + 12 * u, r.y, r.w - 24 * u, r.h), e ? app_text(a, &e->title) : a->recent[k],
                  (int)lroundf(15 * u), ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->text);
        if (f && a->focus_visible)
            draw_frame(l, gw_rc(r.x - 4 * u, r.y - 4 * u, r.w + 8 * u, r.h + 8 * u), r.h / 2 + 4 * u, 3 * u,
                       t->focus);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "recent:%.40s", a->recent[k]);
        draw_widget_add(l, id, r, f);
    }
}

static void enter(app *a)
{
    if (a->focus < 0)
        a->focus = 0;
    app_refresh_recent(a);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float pad = 40 * u;
    draw_text(l, gw_rc(pad, 22 * u, W / 2, 48 * u), "Groundwork", (int)lroundf(34 * u),
              VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    /* Help sits at the right, or left of Progress and Settings in a personal mode */
    float help_x = a->mode->personal ? W - pad - 2 * header_bw(a, u) - 28 * u - 150 * u : W - pad - 150 * u;
    ui_safety_button(a, l, help_x, 20 * u);
    if (!a->mode->personal)
        draw_text(l, gw_rc(W / 2, 22 * u, W / 2 - pad - 170 * u, 48 * u), _("Choose an exercise"),
                  (int)lroundf(20 * u), ALIGN_RIGHT | VALIGN_MIDDLE, t->text_dim);
    float top = 92 * u;
    if (a->notice[0]) {
        draw_text(l, gw_rc(pad, top - 14 * u, W - 2 * pad, 26 * u), a->notice, (int)lroundf(16 * u),
                  VALIGN_MIDDLE, t->focus);
        top += 18 * u;
    }

    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = ordered(a, ex, col);
    if (a->mode->personal)
        header_personal(a, l, u, n);
    if (n == 0) {
        draw_text(l, gw_rc(pad, top, W - 2 * pad, 60 * u),
                  _("No exercises are available. Check the content folder."), (int)lroundf(22 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        return;
    }
    int per[NCOL + 1] = { 0 };
    for (int i = 0; i < n; i++)
        per[col[i]]++;
    int most = 1;
    for (int c = 0; c < NCOL; c++)
        most = per[c] > most ? per[c] : most;

    float gap = 24 * u;
    float cw = (W - 2 * pad - (NCOL - 1) * gap) / NCOL;
    float head = 40 * u;
    /* a take-home plan: its exercises first, in rows of NCOL, with the note and the
     * suggested frequency */
    int plan_rows = (per[PLAN_COL] + NCOL - 1) / NCOL;
    float plan_top = top, plan_ch = 84 * u;
    if (plan_rows > 0) {
        const pack *pk = ex[0]->pack;
        draw_text(l, gw_rc(pad, top, cw, head), _("Your plan"), (int)lroundf(20 * u),
                  VALIGN_MIDDLE | (FONT_BOLD << 8), t->accent);
        char line[512] = "", fq[160] = "";
        if (pk->plan_times_per_day > 0 && pk->plan_minutes > 0) {
            char times[64], mins[64];
            snprintf(times, sizeof times, P_("%d time a day", "%d times a day", pk->plan_times_per_day),
                     pk->plan_times_per_day);
            snprintf(mins, sizeof mins, P_("%d minute", "%d minutes", pk->plan_minutes), pk->plan_minutes);
            snprintf(fq, sizeof fq, "%s, %s", times, mins);
        }
        const char *note = app_text(a, &pk->plan_note);
        snprintf(line, sizeof line, "%s%s%s", fq, fq[0] && note[0] ? "  ·  " : "", note);
        draw_text(l, gw_rc(pad + cw + gap, top, W - 2 * pad - cw - gap, head), line, (int)lroundf(17 * u),
                  VALIGN_MIDDLE | TEXT_FIT, t->text);
        plan_top = top + head;
        top = plan_top + (float)plan_rows * (plan_ch + 10 * u) + 10 * u;
    }
    float avail = H - top - head - 24 * u;
    float ch = fminf(104 * u, avail / (float)most - 10 * u);
    int row[NCOL + 1] = { 0 };
    for (int c = 0; c < NCOL; c++)
        draw_text(l, gw_rc(pad + (float)c * (cw + gap), top, cw, head), cat_title(c), (int)lroundf(20 * u),
                  VALIGN_MIDDLE | (FONT_BOLD << 8), t->accent);
    for (int i = 0; i < n; i++) {
        int c = col[i];
        gw_rect r;
        if (c == PLAN_COL) {
            int k = row[c]++;
            r = gw_rc(pad + (float)(k % NCOL) * (cw + gap), plan_top + (float)(k / NCOL) * (plan_ch + 10 * u), cw,
                      plan_ch);
        } else
            r = gw_rc(pad + (float)c * (cw + gap), top + head + (float)row[c]++ * (ch + 10 * u), cw, ch);
        bool focused = i == a->focus;
        draw_rect(l, r, 14 * u, focused && a->focus_visible ? t->surface_hi : t->surface);
        float ip = 16 * u;
        char meta[48];
        gw_ns len = exercise_length(ex[i]);
        if (len > 0) {
            int mins = (int)(gw_seconds(len) / 60 + 0.5);
            snprintf(meta, sizeof meta, P_("%d min", "%d min", mins), mins < 1 ? 1 : mins);
        } else {
            int steps = ex[i]->kind == EX_PROMPTS ? ex[i]->nprompt : ex[i]->nstep;
            snprintf(meta, sizeof meta, P_("%d step", "%d steps", steps), steps);
        }
        float mw = 76 * u;
        float sw = a->mode->personal ? 36 * u : 0; /* room for the star */
        if (large_text(a)) /* the title alone, on up to two lines */
            draw_text(l, gw_rc(r.x + ip, r.y + 4 * u, r.w - 2 * ip - sw, r.h - 8 * u), app_text(a, &ex[i]->title),
                      (int)lroundf(20 * u), VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        else {
            draw_text(l, gw_rc(r.x + ip, r.y + 6 * u, r.w - 2 * ip - mw - sw, 32 * u), app_text(a, &ex[i]->title),
                      (int)lroundf(20 * u), VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
            draw_text(l, gw_rc(r.x + r.w - ip - mw - sw, r.y + 6 * u, mw, 32 * u), meta, (int)lroundf(15 * u),
                      ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
            draw_text(l, gw_rc(r.x + ip, r.y + 38 * u, r.w - 2 * ip, r.h - 40 * u), app_text(a, &ex[i]->summary),
                      (int)lroundf(14 * u), 0, t->text_dim);
        }
        if (focused && a->focus_visible)
            draw_frame(l, gw_rc(r.x - 4 * u, r.y - 4 * u, r.w + 8 * u, r.h + 8 * u), 18 * u, 3 * u, t->focus);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "exercise:%s", ex[i]->id);
        draw_widget_add(l, id, r, focused);
        if (a->mode->personal) {
            bool fav = app_is_favourite(a, ex[i]->id);
            gw_rect sr = gw_rc(r.x + r.w - 8 * u - 40 * u, r.y + 2 * u, 40 * u, 40 * u);
            star(l, sr.x + sr.w / 2, sr.y + sr.h / 2 + 1 * u, 11 * u, fav, 2 * u, fav ? t->focus : t->text_dim);
            snprintf(id, sizeof id, "favourite:%s", ex[i]->id);
            draw_widget_add(l, id, sr, false);
        }
    }
}

static void activate(app *a, const char *widget)
{
    if (!strncmp(widget, "exercise:", 9))
        app_choose_exercise(a, widget + 9);
    else if (!strncmp(widget, "recent:", 7))
        app_choose_exercise(a, widget + 7);
    else if (!strncmp(widget, "favourite:", 10))
        app_toggle_favourite(a, widget + 10);
    else if (!strcmp(widget, "progress"))
        app_set_scene(a, &scene_progress);
    else if (!strcmp(widget, "settings"))
        app_set_scene(a, &scene_settings);
}

/* Moves focus to the same row of the neighbouring column (dir -1 or +1). */
static int across(const app *a, int dir)
{
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = ordered(a, ex, col);
    if (n == 0)
        return 0;
    int f = a->focus < n ? a->focus : 0;
    int c = col[f], r = 0;
    if (c == PLAN_COL)  /* along the plan's row */
        return f + dir >= 0 && f + dir < n && col[f + dir] == PLAN_COL ? f + dir : f;
    for (int i = 0; i < f; i++)
        r += col[i] == c;
    for (int nc = c + dir; nc >= 0 && nc < NCOL; nc += dir) {
        int first = -1, last = -1, k = 0;
        for (int i = 0; i < n; i++)
            if (col[i] == nc) {
                if (first < 0) first = i;
                if (k++ <= r) last = i;
            }
        if (first >= 0)
            return last;
    }
    return f;
}

static bool event(app *a, const gw_event *e)
{
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = ordered(a, ex, col);
    if (n == 0 || (e->type != EV_KEY && e->type != EV_BUTTON))
        return false;
    const char *k = e->key;
    int m = n + extras(a);
    bool on_card = a->focus < n;
    if (!strcmp(k, "Down") || !strcmp(k, "dpdown") || !strcmp(k, "Tab"))
        a->focus = (a->focus + 1) % m;
    else if (!strcmp(k, "Up") || !strcmp(k, "dpup"))
        a->focus = (a->focus + m - 1) % m;
    else if ((!strcmp(k, "Right") || !strcmp(k, "dpright")) && on_card)
        a->focus = across(a, a->rtl ? -1 : +1); /* mirrored: right is the previous column */
    else if ((!strcmp(k, "Left") || !strcmp(k, "dpleft")) && on_card)
        a->focus = across(a, a->rtl ? +1 : -1);
    else if (!strcmp(k, "F") && on_card && a->mode->personal) {
        char id[64];
        snprintf(id, sizeof id, "%s", ex[a->focus]->id);
        app_toggle_favourite(a, id);
        /* keep the focus on the same card after it moved */
        n = ordered(a, ex, col);
        for (int i = 0; i < n; i++)
            if (!strcmp(ex[i]->id, id))
                a->focus = i;
    } else if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "Keypad Enter") || !strcmp(k, "a")) {
        if (on_card)
            app_choose_exercise(a, ex[a->focus]->id);
        else {
            char id[DRAW_WIDGET_ID_MAX];
            app_press(a, extra_id(a, a->focus - n, id, sizeof id));
        }
    } else
        return false;
    return true;
}

const scene_vt scene_library = { "library", enter, event, activate, NULL, draw, NULL };
