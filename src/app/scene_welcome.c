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

static void enter(app *a) { a->home_focus = 0; }

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float x = W * 0.16f, w = W * 0.68f, y = H * 0.5f - 250 * u;
    draw_circle(l, W / 2, y + 30 * u, 26 * u, t->exhale);
    draw_ring(l, W / 2, y + 30 * u, 40 * u, 3 * u, 0, 1, t->ring_track);
    y += 86 * u;
    draw_text(l, gw_rc(x, y, w, 56 * u), _("Welcome to Groundwork"), (int)lroundf(38 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    y += 70 * u;
    draw_text(l, gw_rc(x, y, w, 64 * u),
              _("Short exercises for practising calming skills: paced breathing, muscle relaxation and "
                "grounding. Practise when you feel steady, so the skills are ready when you need them."),
              (int)lroundf(21 * u), ALIGN_CENTER | VALIGN_TOP, t->text);
    y += 92 * u;
    draw_rect(l, gw_rc(x, y, w, 58 * u), 14 * u, t->surface);
    draw_text(l, gw_rc(x + 20 * u, y, w - 40 * u, 58 * u),
              _("This is a practice aid, not a substitute for professional care."), (int)lroundf(21 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->accent);
    y += 80 * u;
    char where[PATH_MAX + 200];
    const char *dir = paths_user_data_dir();
    snprintf(where, sizeof where,
             _("Your practice log stays on this computer, in %s. Nothing is sent anywhere. You can delete it "
               "at any time in Settings, or copy it out with “groundwork log export”."),
             dir ? dir : "?");
    draw_text(l, gw_rc(x, y, w, 64 * u), where, (int)lroundf(17 * u), ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    ui_button(a, l, "welcome-continue", gw_rc(W / 2 - 140 * u, H * 0.5f + 190 * u, 280 * u, 64 * u), _("Continue"),
              a->home_focus == 0, true);
}

static void activate(app *a, const char *widget)
{
    if (strcmp(widget, "welcome-continue"))
        return;
    a->set.welcomed = true;
    app_settings_changed(a);
    app_set_scene(a, &scene_library);
}

static bool event(app *a, const gw_event *e) { return app_home_nav(a, e, NULL); }

const scene_vt scene_welcome = { "welcome", enter, event, activate, NULL, draw, NULL };
