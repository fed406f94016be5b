/* scene_welcome: the first run (home mode): what Groundwork is, that it is a practice
 * aid and not a substitute for professional care, and where the person's data is
 * kept. Shown once; remembered in the settings. Widget id: "welcome-continue". */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"

struct welcome_st {
    int focus; /* the focused widget (Continue is the only one) */
};

static struct welcome_st *ST(const app *a) { return app_state(a, SCENE_WELCOME); }

static void welcome_enter(app *a) { ST(a)->focus = 0; }

/* What it is, that it is a practice aid, where the data stays, Continue. With large
 * text the column widens, the emblem goes, the gaps close up and, only if that is not
 * enough, the texts get a little smaller. */
enum { LOGO, TITLE, ABOUT, AID, WHERE, CONTINUE, NBLOCK };

static void welcome_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    char where[PATH_MAX + 200], path[PATH_MAX + 8];
    const char *dir = i18n_ltr(path, sizeof path, paths_user_data_dir() ? paths_user_data_dir() : "?");
    snprintf(where, sizeof where,
             _("Your practice log stays on this computer, in %s. Nothing is sent anywhere. You can save a copy "
               "of it (Export my practice log) or delete it at any time in Settings."),
             dir);
    const char *cont = _("Continue");
    float bw = ui_button_w(&ui, cont, 280 * u);
    float bh = ui_button_h(&ui, cont, bw, 64 * u);
    ui_block b[NBLOCK];
    float x = 0, w = 0, top = H * 0.5f - 250 * u;
    for (int attempt = 0; attempt < 3; attempt++) {
        /* 0: as designed; 1: the whole width within the screen's edges; 2: without the emblem */
        w = attempt == 0 ? W * 0.68f : W - 80 * u;
        x = (W - w) / 2;
        bool logo = attempt < 2;
        int tpx = (int)lroundf(38 * u), apx = (int)lroundf(21 * u), wpx = (int)lroundf(17 * u);
        b[LOGO] = (ui_block){ .w = w, .min_h = logo ? 70 * u : 0 };
        b[TITLE] = (ui_block){ .text = _("Welcome to Groundwork"), .px = tpx, .min_px = ui_min_px(&ui, tpx), .bold = true,
                               .w = w, .min_h = 56 * u, .gap = 16 * u, .min_gap = 0 };
        b[ABOUT] = (ui_block){ .text = _("Short exercises for practising calming skills: paced breathing, muscle "
                                         "relaxation and grounding. Practise when you feel steady, so the skills are "
                                         "ready when you need them."),
                               .px = apx, .min_px = ui_min_px(&ui, apx), .w = w, .min_h = 64 * u, .gap = 14 * u,
                               .min_gap = 10 * u };
        b[AID] = (ui_block){ .text = _("This is a practice aid, not a substitute for professional care."), .px = apx,
                             .min_px = ui_min_px(&ui, apx), .bold = true, .w = w - 40 * u, .min_h = 58 * u, .pad = 24 * u,
                             .gap = 28 * u, .min_gap = 16 * u };
        b[WHERE] = (ui_block){ .text = where, .px = wpx, .min_px = ui_min_px(&ui, wpx), .w = w, .min_h = 64 * u,
                               .gap = 22 * u, .min_gap = 16 * u };
        b[CONTINUE] = (ui_block){ .w = bw, .min_h = bh, .gap = 48 * u, .min_gap = 16 * u };
        /* the title sits where it always did when it all fits */
        float natural = 0;
        for (int i = 0; i < NBLOCK; i++)
            natural += (i ? b[i].gap : 0) + (b[i].text ? fmaxf(b[i].min_h, ui_text_h(&ui, b[i].text, b[i].px, b[i].bold,
                                                                                      b[i].w) + b[i].pad)
                                                       : b[i].min_h);
        if (natural <= H - top - 30 * u || attempt == 2) {
            if (natural > H - top - 30 * u)
                top = 24 * u;
            ui_stack(&ui, b, NBLOCK, top, H - 24 * u);
            break;
        }
    }
    if (b[LOGO].h > 0) {
        float cy = b[LOGO].y + 30 * u;
        draw_circle(l, W / 2, cy, 26 * u, t->exhale);
        draw_ring(l, W / 2, cy, 40 * u, 3 * u, 0, 1, t->ring_track);
    }
    draw_text(l, gw_rc(x, b[TITLE].y, w, b[TITLE].h), b[TITLE].text, b[TITLE].px_out,
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(x, b[ABOUT].y, w, b[ABOUT].h), b[ABOUT].text, b[ABOUT].px_out, ALIGN_CENTER | VALIGN_TOP, t->text);
    draw_rect(l, gw_rc(x, b[AID].y, w, b[AID].h), 14 * u, t->surface);
    draw_text(l, gw_rc(x + 20 * u, b[AID].y, w - 40 * u, b[AID].h), b[AID].text, b[AID].px_out,
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->accent);
    draw_text(l, gw_rc(x, b[WHERE].y, w, b[WHERE].h), where, b[WHERE].px_out, ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    ui_button(&ui, l, "welcome-continue", gw_rc(W / 2 - bw / 2, b[CONTINUE].y, bw, bh), cont, ST(a)->focus == 0, true);
}

static void welcome_activate(app *a, const char *widget)
{
    if (strcmp(widget, "welcome-continue"))
        return;
    app_home_welcomed(a);
    app_go(a, SCENE_LIBRARY);
}

static bool welcome_event(app *a, const gw_event *e) { return app_home_nav(a, &ST(a)->focus, e, NULL); }

const scene_vt scene_welcome = {
    .id = SCENE_WELCOME,
    .name = "welcome",
    .enter = welcome_enter,
    .event = welcome_event,
    .activate = welcome_activate,
    .draw = welcome_draw,
    .state_size = sizeof(struct welcome_st),
};
