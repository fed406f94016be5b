/* scene_library: the home screen. The exercises of every loaded pack in three
 * columns (breathing, relaxation, grounding), each a card with title, length and a
 * one-line description. Mouse, touch, keyboard (arrows, Enter) and gamepad (d-pad, A).
 * Widget ids: "exercise:<id>" for each card. */
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

/* Exercises in display order: column by column, load order within a column. */
static int ordered(const app *a, const exercise **out, int *col)
{
    int n = 0;
    int total = a->packs ? pack_set_exercise_count(a->packs) : 0;
    for (int c = 0; c < NCOL; c++)
        for (int i = 0; i < total && n < MAX_LISTED; i++) {
            const exercise *e = pack_set_exercise_at(a->packs, i);
            if (column_of(e) == c) {
                out[n] = e;
                col[n++] = c;
            }
        }
    return n;
}

static void enter(app *a)
{
    if (a->focus < 0)
        a->focus = 0;
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float pad = 40 * u;
    draw_text(l, gw_rc(pad, 22 * u, W / 2, 48 * u), "Groundwork", (int)lroundf(34 * u),
              VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    ui_safety_button(a, l, W - pad - 150 * u, 20 * u);
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
    if (n == 0) {
        draw_text(l, gw_rc(pad, top, W - 2 * pad, 60 * u),
                  _("No exercises are available. Check the content folder."), (int)lroundf(22 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        return;
    }
    int per[NCOL] = { 0 };
    for (int i = 0; i < n; i++)
        per[col[i]]++;
    int most = 1;
    for (int c = 0; c < NCOL; c++)
        most = per[c] > most ? per[c] : most;

    float gap = 24 * u;
    float cw = (W - 2 * pad - (NCOL - 1) * gap) / NCOL;
    float head = 40 * u;
    float avail = H - top - head - 24 * u;
    float ch = fminf(104 * u, avail / (float)most - 10 * u);
    int row[NCOL] = { 0 };
    for (int c = 0; c < NCOL; c++)
        draw_text(l, gw_rc(pad + (float)c * (cw + gap), top, cw, head), cat_title(c), (int)lroundf(20 * u),
                  VALIGN_MIDDLE | (FONT_BOLD << 8), t->accent);
    for (int i = 0; i < n; i++) {
        int c = col[i];
        gw_rect r = gw_rc(pad + (float)c * (cw + gap), top + head + (float)row[c]++ * (ch + 10 * u), cw, ch);
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
        draw_text(l, gw_rc(r.x + ip, r.y + 6 * u, r.w - 2 * ip - mw, 32 * u), app_text(a, &ex[i]->title),
                  (int)lroundf(20 * u), VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
        draw_text(l, gw_rc(r.x + r.w - ip - mw, r.y + 6 * u, mw, 32 * u), meta, (int)lroundf(15 * u),
                  ALIGN_RIGHT | VALIGN_MIDDLE, t->text_dim);
        draw_text(l, gw_rc(r.x + ip, r.y + 38 * u, r.w - 2 * ip, r.h - 40 * u), app_text(a, &ex[i]->summary),
                  (int)lroundf(14 * u), 0, t->text_dim);
        if (focused && a->focus_visible)
            draw_frame(l, gw_rc(r.x - 4 * u, r.y - 4 * u, r.w + 8 * u, r.h + 8 * u), 18 * u, 3 * u, t->focus);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "exercise:%s", ex[i]->id);
        draw_widget_add(l, id, r, focused);
    }
}

static void activate(app *a, const char *widget)
{
    if (!strncmp(widget, "exercise:", 9))
        app_start_exercise(a, widget + 9);
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
    if (!strcmp(k, "Down") || !strcmp(k, "dpdown"))
        a->focus = (a->focus + 1) % n;
    else if (!strcmp(k, "Up") || !strcmp(k, "dpup"))
        a->focus = (a->focus + n - 1) % n;
    else if (!strcmp(k, "Right") || !strcmp(k, "dpright"))
        a->focus = across(a, +1);
    else if (!strcmp(k, "Left") || !strcmp(k, "dpleft"))
        a->focus = across(a, -1);
    else if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "Keypad Enter") || !strcmp(k, "a"))
        app_start_exercise(a, ex[a->focus < n ? a->focus : 0]->id);
    else
        return false;
    return true;
}

const scene_vt scene_library = { "library", enter, event, activate, NULL, draw, NULL };
