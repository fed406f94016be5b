/* scene_safety: the safety line, one tap from every screen. An overlay drawn over the
 * screen it was opened from: the practice-aid disclaimer and the crisis line for the
 * configured region, both from locales.json (or a deployment's configuration), never
 * from code. A running exercise is paused while it is open and resumed when it closes.
 * Widget ids: safety-close. Keys: Escape, Enter, Space or B close it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_audio.h"

void app_load_locales(app *a)
{
    char p[1024], err[1200];
    const char *cfg = paths_user_config_dir();
    if (cfg && paths_join(p, sizeof p, cfg, "locales.json")) {
        FILE *f = fopen(p, "rb");  /* optional: only a file that is there must be right */
        if (f) {
            fclose(f);
            if (!locales_add_file(&a->loc, p, err, sizeof err))
                app_error(a, err);
        }
    }
    const char *data = paths_data_dir();
    if (data && paths_join(p, sizeof p, data, "content/core/locales.json") &&
        !locales_add_file(&a->loc, p, err, sizeof err))
        app_error(a, err);
}

void app_region(const app *a, char *out, size_t n)
{
    if (a->region[0])
        snprintf(out, n, "%s", a->region);
    else
        locales_region_from_env(out, n);
}

static void set_paused(app *a, bool paused)
{
    app_set_paused(a, paused);
    plat_audio_pause(a->audio, paused);
}

void app_open_safety(app *a)
{
    if (a->scene == &scene_safety)
        return;
    a->under_safety = a->scene;
    a->safety_paused = a->ex_active && !a->clock.paused;
    if (a->safety_paused)
        set_paused(a, true);
    app_set_scene(a, &scene_safety);
}

/* Back to the screen underneath as it was: not through its enter(), which would
 * start it over. */
static void close_overlay(app *a)
{
    const scene_vt *s = a->under_safety ? a->under_safety : &scene_library;
    a->under_safety = NULL;
    if (a->safety_paused && a->ex_active)
        set_paused(a, false);
    a->safety_paused = false;
    a->scene = s;
    a->ui_stale = true;
    trace_begin(a->tr, a->now, "scene");
    trace_str(a->tr, "name", s->name);
    trace_end(a->tr);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    if (a->under_safety && a->under_safety->draw) {
        a->under_safety->draw(a, l);
        l->nwid = 0;  /* the screen underneath is only a backdrop */
    }
    gw_color veil = t->bg;
    veil.a = 225;
    draw_rect(l, gw_rc(0, 0, W, H), 0, veil);

    float pw = fminf(W - 80 * u, 900 * u), ph = fminf(H - 60 * u, 540 * u);
    float px = (W - pw) / 2, py = (H - ph) / 2, pad = 48 * u;
    draw_rect(l, gw_rc(px, py, pw, ph), 28 * u, t->surface);
    /* a click on the panel is not a click on the screen underneath */
    draw_widget_add(l, "safety-panel", gw_rc(px, py, pw, ph), false);
    float y = py + pad;
    draw_text(l, gw_rc(px + pad, y, pw - 2 * pad, 50 * u), _("Help and support"), (int)lroundf(34 * u),
              VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    y += 76 * u;
    char region[8];
    app_region(a, region, sizeof region);
    const char *line = locales_crisis_line(&a->loc, region, a->lang);
    if (!line[0])
        line = _("If you are in danger, contact your local emergency services now.");
    draw_text(l, gw_rc(px + pad, y, pw - 2 * pad, 180 * u), line, (int)lroundf(30 * u), VALIGN_TOP, t->text);
    y += 196 * u;
    const char *disc = locales_disclaimer(&a->loc, a->lang);
    draw_text(l, gw_rc(px + pad, y, pw - 2 * pad, 80 * u), disc, (int)lroundf(22 * u), VALIGN_TOP,
              t->text_dim);
    float bw = 240 * u, bh = 64 * u;
    ui_button(a, l, "safety-close", gw_rc(px + pw - pad - bw, py + ph - pad - bh, bw, bh),
              a->ex_active ? _("Continue") : _("Close"), true, true);
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "safety-close"))
        close_overlay(a);
}

static bool event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY || e->type == EV_BUTTON) {
        const char *k = e->key;
        if (!strcmp(k, "Escape") || !strcmp(k, "Return") || !strcmp(k, "Keypad Enter") ||
            !strcmp(k, "Space") || !strcmp(k, "b") || !strcmp(k, "a"))
            close_overlay(a);
    }
    return true;  /* nothing reaches the screen underneath */
}

const scene_vt scene_safety = { "safety", NULL, event, activate, NULL, draw, NULL };
