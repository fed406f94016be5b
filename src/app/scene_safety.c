/* scene_safety: the safety line, one tap from every screen. An overlay drawn over the
 * screen it was opened from: the practice-aid disclaimer and the crisis line for the
 * configured region, both from locales.json (or a deployment's configuration), never
 * from code; where the line is a general one (a "placeholder" entry), a prompt to add
 * the local line. A running exercise is paused while it is open and resumed when it closes.
 * Widget ids: safety-close; inside an exercise with cautions, safety-cautions (shows
 * them, scene_cautions.c); with large text on pages, page:next and page:previous.
 * Keys: Escape, Enter, Space or B close it; on pages, Tab and the arrows move between
 * its buttons, Enter presses the focused one, Page Up/Down turn the pages. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/sound.h"

struct safety_st {
    const scene_vt *under; /* the screen the overlay is drawn over */
    bool paused;           /* it paused the exercise: resumed on close */
    int page;              /* the page shown when large text puts it on pages */
    int focus;             /* on pages, the focused button (focus_of) */
};
static struct safety_st *ST(const app *a) { return app_state(a, SCENE_SAFETY); }

static void safety_set_paused(app *a, bool paused)
{
    app_set_paused(a, paused);
    sound_pause(a->sound, paused);
}

void app_open_safety(app *a)
{
    if (app_showing(a, SCENE_SAFETY))
        return;
    ST(a)->under = a->scene;
    ST(a)->paused = a->ex_active && !a->clock.paused;
    ST(a)->page = 0;
    ST(a)->focus = 0;
    if (ST(a)->paused)
        safety_set_paused(a, true);
    app_go(a, SCENE_SAFETY);
}

/* Back to the screen underneath as it was: not through its enter(), which would
 * start it over. */
static void safety_close_overlay(app *a)
{
    const scene_vt *s = ST(a)->under ? ST(a)->under : app_scene(a, SCENE_LIBRARY);
    ST(a)->under = NULL;
    if (ST(a)->paused && a->ex_active)
        safety_set_paused(a, false);
    ST(a)->paused = false;
    app_resume_scene(a, s);
}

/* The overlay's texts on pages, when large text does not let them fit the screen
 * together: the crisis line and the prompt to add a local one first, the disclaimer
 * on a page of its own; each with the title and a row of Close and the page turn. */
enum { S_LINE, S_ADD, S_DISC, S_NTEXT };
typedef struct paged {
    int first[3]; /* first text of each page; first[npages] = S_NTEXT */
    int npages;
} paged;

/* the page shown, within the pages there are */
static int page_of(const app *a, const paged *pg)
{
    int p = ST(a)->page;
    return p < 0 ? 0 : p >= pg->npages ? pg->npages - 1 : p;
}

/* The focused button of n on a page (0: Close, 1: the page turn, 2: the cautions). */
static int focus_of(const app *a, int n)
{
    int f = ST(a)->focus;
    return f < 0 || f >= n ? 0 : f;
}

/* Lays the overlay out; with l NULL only counts its pages (1: everything on one). */
static int safety_layout(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    if (l)
        app_overlay_backdrop(a, l, ST(a)->under);

    /* the panel as designed; with large text it takes the whole screen, and its texts
     * get smaller together only if they still do not fit; then they go on pages */
    char region[8], add[1400] = "";
    app_region(a, region, sizeof region);
    const locale_line *ln = locales_line(&a->loc, region);
    const char *line = ln ? pack_text_get(&ln->text, a->lang) : "";
    if (!line[0])
        line = _("If you are in danger, contact your local emergency services now.");
    if (!ln || ln->placeholder) /* a general line: ask for the local one */
        app_safety_add_prompt(a, add, sizeof add);
    const char *disc = locales_disclaimer(&a->loc, a->lang);
    const char *close = a->ex_active ? _("Continue") : _("Close");
    float pw = fminf(W - 80 * u, 900 * u), ph = fminf(H - 60 * u, 540 * u), pad = 48 * u;
    float bw = ui_button_w(&ui, close, 240 * u);
    int tpx = (int)lroundf(34 * u), lpx = (int)lroundf(30 * u), dpx = (int)lroundf(22 * u);
    ui_block b[5];
    bool fits = true;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (attempt) { /* larger text: the whole screen */
            pw = W - 40 * u;
            ph = H - 40 * u;
            pad = 36 * u;
        }
        float iw = pw - 2 * pad;
        float bh = ui_button_h(&ui, close, fminf(bw, iw), 64 * u);
        b[0] = (ui_block){ .text = _("Help and support"), .px = tpx, .min_px = ui_min_px(&ui, tpx), .bold = true, .w = iw,
                           .min_h = 50 * u };
        b[1] = (ui_block){ .text = line, .px = lpx, .min_px = ui_min_px(&ui, lpx), .w = iw, .min_h = 180 * u,
                           .gap = 26 * u, .min_gap = 12 * u };
        /* the prompt to add a local line, when the line is a general one (else an
         * empty block) */
        b[2] = add[0] ? (ui_block){ .text = add, .px = dpx, .min_px = ui_min_px(&ui, dpx), .w = iw, .gap = 20 * u,
                                    .min_gap = 10 * u }
                      : (ui_block){ .w = iw };
        b[3] = (ui_block){ .text = disc, .px = dpx, .min_px = ui_min_px(&ui, dpx), .w = iw, .min_h = 0, .gap = 16 * u,
                           .min_gap = 10 * u };
        b[4] = (ui_block){ .w = bw, .min_h = bh, .gap = 16 * u, .min_gap = 12 * u };
        /* as designed: the crisis line has 180 (less the prompt under it), the
         * disclaimer what is left above the button */
        float py = (H - ph) / 2;
        float ah = add[0] ? 20 * u + ui_text_h(&ui, add, dpx, false, iw) : 0;
        b[1].min_h = fmaxf(0, b[1].min_h - ah);
        float natural = fmaxf(50 * u, ui_text_h(&ui, b[0].text, tpx, true, iw)) + 26 * u +
                        fmaxf(b[1].min_h, ui_text_h(&ui, line, lpx, false, iw)) + ah + 16 * u +
                        ui_text_h(&ui, disc, dpx, false, iw) + 16 * u + bh;
        if (attempt == 0 && natural > ph - 2 * pad)
            continue;
        if (attempt == 1) /* only what it needs */
            b[1].min_h = 0;
        fits = ui_stack(&ui, b, 5, py + pad, py + ph - pad);
        break;
    }
    paged pg = { .first = { 0, S_NTEXT }, .npages = 1 };
    if (!fits) { /* on pages: the panel to the screen's edges, for the crisis line and the prompt together */
        pw = W - 24 * u;
        ph = H - 24 * u;
        pad = 24 * u;
        for (int k = 0; k < 4; k++)
            b[k].w = pw - 2 * pad;
    }
    float px = (W - pw) / 2, py = (H - ph) / 2;
    float iw = pw - 2 * pad;
    /* the page turns' row: its buttons as tall as the tallest label needs */
    const char *next = _("Next page"), *prev = _("Previous page");
    const char *cl = a->ex_active && a->ex->ncaution > 0 ? _("About this exercise") : NULL;
    if (!fits) {
        float tw = ui_button_w(&ui, next, 200 * u), vw = ui_button_w(&ui, prev, 200 * u);
        float cw = cl ? ui_button_w(&ui, cl, 240 * u) + 16 * u : 0;
        float k = fminf(1.f, (iw - 32 * u) / (fmaxf(tw, vw) + cw + bw));
        b[4].min_h = fmaxf(b[4].min_h, fmaxf(ui_button_h(&ui, next, tw * k, 64 * u), ui_button_h(&ui, prev, vw * k, 64 * u)));
        if (cl)
            b[4].min_h = fmaxf(b[4].min_h, ui_button_h(&ui, cl, (cw - 16 * u) * k, 64 * u));
        if (k < 1)
            b[4].min_h = fmaxf(b[4].min_h, ui_button_h(&ui, close, bw * k, 64 * u));
        pg = (paged){ .first = { S_LINE, S_DISC, S_NTEXT }, .npages = 2 };
    }
    if (!l)
        return pg.npages;
    draw_rect(l, gw_rc(px, py, pw, ph), 28 * u, t->surface);
    /* a click on the panel is not a click on the screen underneath */
    draw_widget_add(l, "safety-panel", gw_rc(px, py, pw, ph), false);
    draw_widget_describe(l, ROLE_PANEL, b[0].text, NULL);
    if (pg.npages > 1) {
        /* this page's texts stacked again, alone */
        int page = page_of(a, &pg), n = 1;
        ui_block s[5] = { b[0] };
        for (int k = pg.first[page]; k < pg.first[page + 1]; k++)
            s[n++] = b[1 + k];
        s[n++] = b[4];
        bool titled = ui_stack(&ui, s, n, py + pad, py + ph - pad) || page > 0;
        if (!titled) {
            /* the crisis line and the prompt to add one come before the title (still
             * the panel's name, heard, and on the next page) */
            memmove(s, s + 1, (size_t)(n - 1) * sizeof *s);
            n--;
            ui_stack(&ui, s, n, py + pad, py + ph - pad);
        } else
            draw_text(l, gw_rc(px + pad, s[0].y, iw, s[0].h), s[0].text, s[0].px_out, VALIGN_MIDDLE | (FONT_BOLD << 8),
                      t->text);
        for (int k = titled ? 1 : 0; k < n - 1; k++)
            if (s[k].text)
                draw_text(l, gw_rc(px + pad, s[k].y, iw, s[k].h), s[k].text, s[k].px_out, VALIGN_TOP,
                          s[k].text == disc ? t->text_dim : t->text);
        float bh = b[4].min_h, by = py + ph - pad - bh;
        bool last = page == pg.npages - 1;
        const char *turn = last ? prev : next;
        float tw = ui_button_w(&ui, turn, 200 * u), cw = cl && last ? ui_button_w(&ui, cl, 240 * u) : 0;
        float k = fminf(1.f, (iw - 32 * u) / (tw + (cw > 0 ? cw + 16 * u : 0) + bw));
        float cbw = bw * k;
        int f = focus_of(a, cw > 0 ? 3 : 2);
        ui_button(&ui, l, "safety-close", gw_rc(px + pw - pad - cbw, by, cbw, bh), close, f == 0, true);
        ui_button(&ui, l, last ? "page:previous" : "page:next", gw_rc(px + pad, by, tw * k, bh), turn, f == 1, false);
        if (cw > 0)
            ui_button(&ui, l, "safety-cautions", gw_rc(px + pad + tw * k + 16 * u, by, cw * k, bh), cl, f == 2, false);
        return pg.npages;
    }
    draw_text(l, gw_rc(px + pad, b[0].y, iw, b[0].h), b[0].text, b[0].px_out, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(px + pad, b[1].y, iw, b[1].h), line, b[1].px_out, VALIGN_TOP, t->text);
    if (add[0])
        draw_text(l, gw_rc(px + pad, b[2].y, iw, b[2].h), add, b[2].px_out, VALIGN_TOP, t->text);
    /* the disclaimer as designed, under the crisis line */
    draw_text(l, gw_rc(px + pad, b[3].y, iw, fmaxf(b[3].h, b[4].y - b[4].min_gap - b[3].y)), disc, b[3].px_out,
              VALIGN_TOP, t->text_dim);
    float bh = b[4].h;
    ui_button(&ui, l, "safety-close", gw_rc(px + pw - pad - bw, py + ph - pad - bh, bw, bh), close, true, true);
    /* inside an exercise its cautions are one tap away here */
    if (cl) {
        float cw = fminf(ui_button_w(&ui, cl, 240 * u), pw - 2 * pad - bw - 16 * u);
        ui_button(&ui, l, "safety-cautions", gw_rc(px + pad, py + ph - pad - bh, cw, bh), cl, false, false);
    }
    return 1;
}

static void safety_draw(const app *a, draw_list *l) { safety_layout(a, l); }

/* the page `by` pages on, within the pages there are */
static void safety_turn(app *a, int by)
{
    int n = safety_layout(a, NULL), p = ST(a)->page + by;
    ST(a)->page = p < 0 ? 0 : p >= n ? n - 1 : p;
}

static void safety_activate(app *a, const char *w)
{
    if (!strcmp(w, "safety-close"))
        safety_close_overlay(a);
    else if (!strcmp(w, "page:next") || !strcmp(w, "page:previous"))
        safety_turn(a, w[5] == 'n' ? 1 : -1);
    else if (!strcmp(w, "safety-cautions") && a->ex_active) {
        /* the cautions in place of this overlay; Continue goes back to the exercise */
        const scene_vt *s = ST(a)->under ? ST(a)->under : app_scene(a, SCENE_LIBRARY);
        bool paused = ST(a)->paused;
        ST(a)->under = NULL;
        ST(a)->paused = false;
        a->scene = s;
        app_review_cautions(a, s, paused);
    }
}

/* On pages the keyboard moves between Close, the page turn and the cautions, and
 * presses the focused one; on one page every key closes as it always did. */
static bool paged_key(app *a, const char *k, unsigned mods)
{
    int pages = safety_layout(a, NULL);
    if (pages < 2)
        return false;
    int page = ST(a)->page < 0 ? 0 : ST(a)->page >= pages ? pages - 1 : ST(a)->page;
    bool turn_next = page < pages - 1; /* the last page turns back */
    int n = !turn_next && a->ex_active && a->ex->ncaution > 0 ? 3 : 2;
    bool shift = mods & GW_MOD_SHIFT;
    bool fwd = !strcmp(k, a->view.rtl ? "Left" : "Right"), back = !strcmp(k, a->view.rtl ? "Right" : "Left");
    int f = focus_of(a, n);
    if ((!strcmp(k, "Tab") && !shift) || fwd || !strcmp(k, "Down"))
        ST(a)->focus = (f + 1) % n;
    else if (!strcmp(k, "Tab") || back || !strcmp(k, "Up"))
        ST(a)->focus = (f + n - 1) % n;
    else if (!strcmp(k, "PageDown") || !strcmp(k, "Page Down"))
        safety_turn(a, 1);
    else if (!strcmp(k, "PageUp") || !strcmp(k, "Page Up"))
        safety_turn(a, -1);
    else if (f > 0 && (!strcmp(k, "Return") || !strcmp(k, "Keypad Enter") || !strcmp(k, "Space") || !strcmp(k, "a")))
        app_press(a, f == 2 ? "safety-cautions" : turn_next ? "page:next" : "page:previous");
    else
        return false;
    return true;
}

static bool safety_event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY || e->type == EV_BUTTON) {
        const char *k = e->key;
        if (paged_key(a, k, e->mods))
            return true;
        if (!strcmp(k, "Escape") || !strcmp(k, "Return") || !strcmp(k, "Keypad Enter") ||
            !strcmp(k, "Space") || !strcmp(k, "b") || !strcmp(k, "a"))
            safety_close_overlay(a);
    }
    return true;  /* nothing reaches the screen underneath */
}

const scene_vt scene_safety = {
    .id = SCENE_SAFETY,
    .name = "safety",
    .event = safety_event,
    .activate = safety_activate,
    .draw = safety_draw,
    .open = app_open_safety,
    .state_size = sizeof(struct safety_st),
};
