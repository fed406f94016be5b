/* scene_library: the home screen. The exercises of every loaded pack in three
 * columns (breathing, relaxation, grounding), each a card with title, length and a
 * one-line description. Mouse, touch, keyboard (arrows, Enter) and gamepad (d-pad, A).
 * Widget ids: "exercise:<id>" for each card. In a personal mode (home): a star per card
 * ("favourite:<id>", key F, or Right from its card; favourites come first in their
 * column), recently used exercises in the header ("recent:<id>"), buttons to Progress
 * ("progress") and Settings ("settings"); Down/Tab past the last card reach them and
 * Help. Home and present: "quit" ends the program; Escape (gamepad B) asks first
 * (scene_quit). With large text the cards may go on pages ("page:next",
 * "page:previous"); the focus moving onto a card turns to its page. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/library.h"
#include "app/ui.h"
#include "core/i18n.h"

/* The library's own: whether the keyboard's focus is on the focused card's star. */
struct library_st { bool star; };
static struct library_st *LIB(const app *a) { return app_state(a, SCENE_LIBRARY); }

/* Focus positions after the cards (personal modes): the page buttons shown (large
 * text), the recent chips, then the header's Help, Progress, Settings and Quit (last:
 * Up from the first card wraps to it). */
#define EXTRAS_MAX (RECENT_MAX + 6)
static void library_page_buttons(const app *a, bool *prev, bool *next);

static int library_extras_ids(const app *a, char (*ids)[DRAW_WIDGET_ID_MAX])
{
    if (!app_personal(a))
        return 0;
    recent_row R = library_recent_row(a, 0);
    bool prev, next;
    library_page_buttons(a, &prev, &next);
    int k = 0;
    if (prev || next)
        snprintf(ids[k++], DRAW_WIDGET_ID_MAX, "%s", prev ? "page:previous" : "page:next");
    if (prev && next)
        snprintf(ids[k++], DRAW_WIDGET_ID_MAX, "page:next");
    for (int i = 0; i < R.n; i++)
        snprintf(ids[k++], DRAW_WIDGET_ID_MAX, "recent:%.40s", app_recent(a, R.which[i]));
    static const char *const HEAD[] = { "safety", "progress", "settings", "quit" };
    for (size_t i = 0; i < sizeof HEAD / sizeof *HEAD; i++)
        snprintf(ids[k++], DRAW_WIDGET_ID_MAX, "%s", HEAD[i]);
    return k;
}

/* How many there are, and the k-th's id into buf. */
static int library_extras(const app *a, int k, char *buf, size_t n)
{
    char ids[EXTRAS_MAX][DRAW_WIDGET_ID_MAX];
    int m = library_extras_ids(a, ids);
    if (buf)
        snprintf(buf, n, "%s", k >= 0 && k < m ? ids[k] : "quit");
    return m;
}

/* A five-pointed star at (cx, cy), outline, or filled with spokes from the centre. */
static void library_star(draw_list *l, float cx, float cy, float r, bool filled, float th, gw_color c)
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

/* The header of a personal mode: the Progress, Settings and Quit buttons, and the
 * recent chips in their row under it. */
static void library_header_personal(const app *a, draw_list *l, float u, const char *fx, const header *hd)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    recent_row R = library_recent_row(a, hd->h + (a->notice[0] ? 18 * u : 0));
    ui_button(&ui, l, "settings", hd->settings, _("Settings"), !strcmp(fx, "settings"), false);
    ui_button(&ui, l, "quit", hd->quit, _("Quit"), !strcmp(fx, "quit"), false);
    ui_button(&ui, l, "progress", hd->progress, _("Progress"), !strcmp(fx, "progress"), false);
    if (R.n == 0)
        return;
    int px = library_recent_px(a);
    draw_text(l, R.label, _("Recent"), px, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text_dim);
    for (int k = 0; k < R.n; k++) {
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "recent:%.40s", app_recent(a, R.which[k]));
        gw_rect r = ui_card(&ui, l, id, R.chip[k], R.chip[k].h / 2, !strcmp(fx, id), t->surface);
        char name[160];
        /* A recently used exercise's button, as read aloud says it ("Recent: Box breathing"). */
        snprintf(name, sizeof name, _("Recent: %s"), library_recent_title(a, R.which[k]));
        draw_widget_describe(l, ROLE_BUTTON, name, NULL);
        draw_text(l, r, library_recent_title(a, R.which[k]), px, ALIGN_CENTER | VALIGN_MIDDLE, t->text);
    }
}
static void library_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float pad = 40 * u;
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = library_ordered(a, ex, col);
    grid G = library_grid_layout(a, ex, col, n);
    header *hd = &G.hd;
    char fx[DRAW_WIDGET_ID_MAX] = ""; /* the extra the focus is on, "" on a card */
    if (app_personal(a) && a->focus.index >= n)
        library_extras(a, a->focus.index - n, fx, sizeof fx);
    /* the name, as large as the room left of the buttons allows, or above them */
    float nw = hd->name_h > 0 ? W - 2 * pad : hd->help.x - 20 * u - pad;
    int npx = (int)lroundf(34 * u);
    if (ui_text_w(&ui, "Groundwork", npx, true) > nw) /* smaller, down to the least size */
        npx = ui_fit_px(&ui, "Groundwork", npx, ui_min_px(&ui, npx), true, nw, 1e6f);
    float nh = hd->name_h > 0 ? hd->name_h : fmaxf(48 * u, ui_text_h(&ui, "Groundwork", npx, true, 0));
    float ny = hd->name_h > 0 ? 14 * u : hd->help.y + hd->help.h / 2 - nh / 2;
    if (ui_text_w(&ui, "Groundwork", npx, true) <= nw) /* never over the buttons */
        draw_text(l, gw_rc(pad, ny, fmaxf(W / 2, nw), nh), "Groundwork", npx,
                  VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
    ui_button(&ui, l, "safety", hd->help, _("Help"), !strcmp(fx, "safety"), false);
    if (!app_personal(a)) {
        ui_button(&ui, l, "quit", hd->quit, _("Quit"), false, false);
        /* the hint beside the name, where it fits (large text: the name is enough) */
        const char *hint = _("Choose an exercise");
        float hw = hd->help.x - 20 * u - W / 2;
        if (a->view.text_scale < 1.75f && ui_line_fits(&ui, hint, (int)lroundf(20 * u), false, hw))
            draw_text(l, gw_rc(W / 2, 22 * u, hw, 48 * u), hint, (int)lroundf(20 * u),
                      ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
    }
    float top = G.top;
    if (a->notice[0])
        draw_text(l, gw_rc(pad, hd->h - 14 * u, W - 2 * pad, 26 * u), a->notice, (int)lroundf(16 * u),
                  VALIGN_MIDDLE, t->focus);

    if (app_personal(a))
        library_header_personal(a, l, u, fx, hd);
    if (n == 0) {
        const char *none = _("No exercises are available. Check the content folder.");
        int px = (int)lroundf(22 * u);
        draw_text(l, gw_rc(pad, top, W - 2 * pad, fmaxf(60 * u, ui_text_h(&ui, none, px, false, W - 2 * pad))), none,
                  px, ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        return;
    }
    float gap = G.gap, cw = G.cw, head = G.head;
    /* a take-home plan: its exercises first, in rows of NCOL, with the note and the
     * suggested frequency */
    if (G.plan_rows > 0) {
        const pack *pk = ex[0]->pack;
        draw_text(l, gw_rc(pad, G.plan_top - 40 * u, cw, head), _("Your plan"), (int)lroundf(20 * u),
                  VALIGN_MIDDLE | (FONT_BOLD << 8), t->accent);
        char line[512] = "", fq[160] = "";
        if (pk->plan_times_per_day > 0 && pk->plan_minutes > 0) {
            char times[64], mins[64];
            snprintf(times, sizeof times, P_("%d time a day", "%d times a day", pk->plan_times_per_day),
                     pk->plan_times_per_day);
            snprintf(mins, sizeof mins, P_("%d minute", "%d minutes", pk->plan_minutes), pk->plan_minutes);
            snprintf(fq, sizeof fq, i18n_ctx(NC_("plan frequency", "%s, %s")), times, mins);
        }
        const char *note = app_text(a, &pk->plan_note);
        snprintf(line, sizeof line, "%s%s%s", fq, fq[0] && note[0] ? "  ·  " : "", note);
        draw_text(l, gw_rc(pad + cw + gap, G.plan_top - 40 * u, W - 2 * pad - cw - gap, head), line,
                  (int)lroundf(17 * u), VALIGN_MIDDLE | TEXT_FIT, t->text);
    }
    int first = G.start[G.page], rows = G.start[G.page + 1] - first;
    int row[MAX_LISTED], plan_k = 0;
    library_rows_of(a, ex, col, n, row);
    for (int c = 0; c < NCOL; c++) {
        /* a page that starts inside a section says which above its column */
        /* a column with no card on this page (the last pages of a long library)
         * shows no heading over its empty space */
        bool shown = false;
        for (int i = 0; i < n && !shown; i++)
            shown = col[i] == c && row[i] >= first && row[i] < first + rows;
        if (!shown)
            continue;
        const char *title = library_cat_title(c);
        int fit = 0;
        for (int i = 0; i < n; i++)
            if (col[i] == c && row[i] == first) {
                if (ex[i]->section.n > 0 && !app_is_favourite(a, ex[i]->id)) {
                    title = app_text(a, &ex[i]->section);
                    fit = TEXT_FIT;
                }
                break;
            }
        draw_text(l, gw_rc(pad + (float)c * (cw + gap), top, cw, head), title, (int)lroundf(20 * u),
                  VALIGN_MIDDLE | fit | (FONT_BOLD << 8), t->accent);
    }
    for (int i = 0; i < n; i++) {
        int c = col[i];
        gw_rect r;
        if (c == PLAN_COL) {
            int k = plan_k++;
            r = gw_rc(pad + (float)(k % NCOL) * (cw + gap), G.plan_top + (float)(k / NCOL) * (G.plan_ch + 10 * u), cw,
                      G.plan_ch);
        } else {
            int k = row[i] - first;
            if (library_opens_section(a, ex, col, i) && k >= 1 && k < rows) /* its heading, on the row above */
                draw_text(l, gw_rc(pad + (float)c * (cw + gap) + 4 * u, top + head + library_row_y(&G, u, first, k - 1),
                                   cw - 8 * u, library_row_h(&G, first + k - 1) + 4 * u),
                          app_text(a, &ex[i]->section), (int)lroundf(18 * u),
                          VALIGN_BOTTOM | TEXT_FIT | (FONT_BOLD << 8), t->accent);
            if (k < 0 || k >= rows)
                continue; /* on another page */
            r = gw_rc(pad + (float)c * (cw + gap), top + head + library_row_y(&G, u, first, k), cw,
                      library_row_h(&G, row[i]));
        }
        bool focused = i == a->focus.index && !LIB(a)->star;
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "exercise:%s", ex[i]->id);
        r = ui_card(&ui, l, id, r, 14 * u, focused, t->surface);
        {
            char tb[CARD_TEXT_MAX], lw[64];
            draw_widget_describe(l, ROLE_EXERCISE, app_title_tagged(a, ex[i], tb, sizeof tb),
                                 app_length_words(ex[i], lw, sizeof lw));
        }
        float ip = 16 * u;
        char meta[48], buf[CARD_TEXT_MAX];
        app_length_short(ex[i], meta, sizeof meta);
        /* the length or steps: as wide as it is, so the title has the rest */
        float mw = fminf(76 * u, ui_text_w(&ui, meta, (int)lroundf(15 * u), false) + 14 * u);
        float sw = app_personal(a) ? 36 * u : 0; /* room for the star */
        if (library_large_text(a)) /* the title alone, on up to two lines */
            draw_text(l, gw_rc(r.x + ip, r.y + 4 * u, r.w - 2 * ip - sw, r.h - 8 * u),
                      app_title_tagged(a, ex[i], buf, sizeof buf), G.title_px, VALIGN_MIDDLE | (FONT_BOLD << 8),
                      t->text);
        else {
            /* the title on one line (a little smaller if need be), or on two with the
             * summary under it if there is still room for it */
            const char *title = app_text(a, &ex[i]->title), *sum = library_card_summary(a, ex[i], buf, sizeof buf);
            int tpx = G.title_px, spx = (int)lroundf(14 * u);
            float tw = r.w - 2 * ip - mw - sw, th = 32 * u;
            bool one = ui_text_w(&ui, title, tpx, true) <= library_title_w(a, &G, ex[i]); /* whole, not shrunk */
            float ty = r.y + 6 * u;
            if (!one) { /* wrapped, at the size of the others */
                ty = r.y + 4 * u;
                th = ui_text_h(&ui, title, tpx, true, tw);
            }
            draw_text(l, gw_rc(r.x + ip, ty, tw, th), title, tpx,
                      VALIGN_MIDDLE | (one ? TEXT_FIT : 0) | (FONT_BOLD << 8), t->text);
            draw_text(l, gw_rc(r.x + r.w - ip - mw - sw, r.y + 6 * u, mw, 32 * u), meta, (int)lroundf(15 * u),
                      ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
            float sy = ty + th, sh = r.y + r.h - 1 * u - sy;
            if (one)
                draw_text(l, gw_rc(r.x + ip, r.y + 38 * u, r.w - 2 * ip, r.h - 40 * u), sum, spx, 0, t->text_dim);
            else if (ui_text_fits(&ui, sum, ui_min_px(&ui, spx), false, r.w - 2 * ip, sh))
                draw_text(l, gw_rc(r.x + ip, sy, r.w - 2 * ip, sh), sum,
                          ui_fit_px(&ui, sum, spx, ui_min_px(&ui, spx), false, r.w - 2 * ip, sh), 0, t->text_dim);
        }
        if (app_personal(a)) {
            bool fav = app_is_favourite(a, ex[i]->id);
            gw_rect sr = gw_rc(r.x + r.w - 8 * u - 40 * u, r.y + 2 * u, 40 * u, 40 * u);
            library_star(l, sr.x + sr.w / 2, sr.y + sr.h / 2 + 1 * u, 11 * u, fav, 2 * u, fav ? t->focus : t->text_dim);
            snprintf(id, sizeof id, "favourite:%s", ex[i]->id);
            draw_widget_add(l, id, sr, i == a->focus.index && LIB(a)->star);
            ui_focus_ring_added(&ui, l, sr.h / 2);
            /* The star on an exercise's card, as read aloud says it ("Favourite: Box breathing, switch, on"). */
            snprintf(buf, sizeof buf, _("Favourite: %s"), app_text(a, &ex[i]->title));
            draw_widget_describe(l, ROLE_SWITCH, buf, fav ? _("On") : _("Off"));
        }
    }
    if (G.npages > 1) {
        const char *prev = _("Previous page"), *next = _("Next page");
        char where[64];
        snprintf(where, sizeof where, _("Page %d of %d"), G.page + 1, G.npages);
        float pw = ui_button_w(&ui, prev, 200 * u), xw = ui_button_w(&ui, next, 200 * u);
        float mid = fmaxf(ui_text_w(&ui, where, (int)lroundf(20 * u), false), 140 * u), g = 20 * u;
        float x = (W - pw - xw - mid - 2 * g) / 2, y = H - 24 * u - G.nav_h;
        if (G.page > 0)
            ui_button(&ui, l, "page:previous", gw_rc(x, y, pw, G.nav_h), prev, !strcmp(fx, "page:previous"),
                      false);
        draw_text(l, gw_rc(x + pw + g, y, mid, G.nav_h), where, (int)lroundf(20 * u), ALIGN_CENTER | VALIGN_MIDDLE,
                  t->text_dim);
        if (G.page + 1 < G.npages)
            ui_button(&ui, l, "page:next", gw_rc(x + pw + mid + 2 * g, y, xw, G.nav_h), next,
                      !strcmp(fx, "page:next"), true);
    }
}

/* The page buttons shown under the cards (large text). */
static void library_page_buttons(const app *a, bool *prev, bool *next)
{
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED], n = library_ordered(a, ex, col);
    grid G = library_grid_layout(a, ex, col, n);
    *prev = G.npages > 1 && G.page > 0;
    *next = G.npages > 1 && G.page + 1 < G.npages;
}

/* Large text: the page showing card i (cards on pages), and the first card of a page. */
static int library_page_of_card(const app *a, int i)
{
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = library_ordered(a, ex, col);
    grid G = library_grid_layout(a, ex, col, n);
    if (G.npages <= 1 || i < 0 || i >= n || col[i] == PLAN_COL)
        return -1;
    int row[MAX_LISTED];
    library_rows_of(a, ex, col, n, row);
    return library_page_of_row(&G, row[i]);
}

static void library_enter(app *a)
{
    LIB(a)->star = false;
    if (a->focus.index < 0)
        a->focus.index = 0;
    app_refresh_recent(a);
    int p = library_page_of_card(a, a->focus.index);
    a->page.library = p > 0 ? p : 0;
}

static void library_turn_page(app *a, int by)
{
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = library_ordered(a, ex, col);
    grid G = library_grid_layout(a, ex, col, n);
    int p = G.page + by;
    p = p < 0 ? 0 : p >= G.npages ? G.npages - 1 : p;
    a->page.library = p;
    int row[MAX_LISTED];
    library_rows_of(a, ex, col, n, row);
    for (int i = 0; i < n; i++) /* the focus on the page's first card */
        if (col[i] != PLAN_COL && library_page_of_row(&G, row[i]) == p) {
            a->focus.index = i;
            break;
        }
}

static void library_activate(app *a, const char *widget)
{
    if (!strncmp(widget, "exercise:", 9))
        app_choose_exercise(a, widget + 9);
    else if (!strncmp(widget, "recent:", 7))
        app_choose_exercise(a, widget + 7);
    else if (!strncmp(widget, "favourite:", 10))
        app_toggle_favourite(a, widget + 10);
    else if (!strcmp(widget, "progress"))
        app_go(a, SCENE_PROGRESS);
    else if (!strcmp(widget, "settings"))
        app_go(a, SCENE_SETTINGS);
    else if (!strcmp(widget, "quit"))
        app_quit_now(a, "button");
    else if (!strcmp(widget, "page:next") || !strcmp(widget, "page:previous"))
        library_turn_page(a, widget[5] == 'n' ? 1 : -1);
}

/* Moves focus to the same row of the neighbouring column (dir -1 or +1). */
static int library_across(const app *a, int dir)
{
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = library_ordered(a, ex, col);
    if (n == 0)
        return 0;
    int f = a->focus.index < n ? a->focus.index : 0;
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

static bool library_event(app *a, const gw_event *e)
{
    const exercise *ex[MAX_LISTED];
    int col[MAX_LISTED];
    int n = library_ordered(a, ex, col);
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Escape") || !strcmp(k, "b")) {
        app_open(a, SCENE_QUIT); /* "Quit Groundwork?" */
        return true;
    }
    if (n == 0)
        return false;
    int m = n + library_extras(a, 0, NULL, 0);
    bool on_card = a->focus.index < n, *star = &LIB(a)->star;
    *star = *star && on_card && app_personal(a); /* along a row: a card, its star, the next card */
    bool fwd = !strcmp(k, a->view.rtl ? "Left" : "Right") || !strcmp(k, a->view.rtl ? "dpleft" : "dpright");
    bool back = !strcmp(k, a->view.rtl ? "Right" : "Left") || !strcmp(k, a->view.rtl ? "dpright" : "dpleft");
    bool up = !strcmp(k, "Up") || !strcmp(k, "dpup") || (!strcmp(k, "Tab") && (e->mods & GW_MOD_SHIFT));
    if (up || !strcmp(k, "Down") || !strcmp(k, "dpdown") || !strcmp(k, "Tab")) {
        *star = false;
        a->focus.index = (a->focus.index + (up ? m - 1 : 1)) % m;
    } else if (fwd && on_card) {
        if (!*star && app_personal(a))
            *star = true;
        else {
            int to = library_across(a, +1);
            *star = *star && to == a->focus.index; /* the last column: stays on its star */
            a->focus.index = to;
        }
    } else if (back && on_card && *star) {
        *star = false;
    } else if (back && on_card) {
        int to = library_across(a, -1);
        *star = to != a->focus.index && app_personal(a); /* the star beside it */
        a->focus.index = to;
    } else if ((!strcmp(k, "F") || (*star && (!strcmp(k, "Return") || !strcmp(k, "Space") ||
                                              !strcmp(k, "Keypad Enter") || !strcmp(k, "a")))) &&
               on_card && app_personal(a)) {
        char id[64];
        snprintf(id, sizeof id, "%s", ex[a->focus.index]->id);
        char w[DRAW_WIDGET_ID_MAX];
        snprintf(w, sizeof w, "favourite:%.37s", id);
        if (!*star || !app_press(a, w)) /* the star's press is traced as a tap's */
            app_toggle_favourite(a, id);
        /* keep the focus on the same card after it moved */
        n = library_ordered(a, ex, col);
        for (int i = 0; i < n; i++)
            if (!strcmp(ex[i]->id, id))
                a->focus.index = i;
    } else if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "Keypad Enter") || !strcmp(k, "a")) {
        if (on_card)
            app_choose_exercise(a, ex[a->focus.index]->id);
        else {
            char id[DRAW_WIDGET_ID_MAX];
            library_extras(a, a->focus.index - n, id, sizeof id);
            app_press(a, id);
        }
    } else
        return false;
    int p = library_page_of_card(a, a->focus.index); /* the page of the card the focus moved to */
    if (p >= 0)
        a->page.library = p;
    return true;
}

const scene_vt scene_library = {
    .id = SCENE_LIBRARY,
    .name = "library",
    .enter = library_enter,
    .event = library_event,
    .activate = library_activate,
    .draw = library_draw,
    .state_size = sizeof(struct library_st),
};
