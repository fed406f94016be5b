/* scene_settings: the person's preferences (home mode), large controls, saved at once
 * (atomically) to settings.json; the theme applies immediately. Also "Delete all my
 * data" with a confirmation step.
 * Widget ids: "back"; "theme:calm|light|contrast"; "text-size:down|up";
 * "reduced-motion"; "checkins"; "language:auto|en|es|de|ar"; "pacer:orb|bar";
 * "volume:cues|voice|ambience:down|up"; "delete-data", then "delete-confirm" or
 * "delete-cancel". Keys: arrows, Tab or the d-pad move; Enter or A press; Escape or B
 * goes back (or cancels the confirmation). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/plog.h"

typedef struct layout {
    const app *a;
    draw_list *l;
    float u;
    int idx; /* widgets drawn so far: the focus order */
} layout;

static void button(layout *L, const char *id, gw_rect r, const char *label, bool on)
{
    ui_button(L->a, L->l, id, r, label, L->a->home_focus == L->idx++, on);
}

static void label(layout *L, float x, float y, float w, const char *text)
{
    draw_text(L->l, gw_rc(x, y, w, 30 * L->u), text, (int)lroundf(18 * L->u), VALIGN_MIDDLE | (FONT_BOLD << 8),
              L->a->th->text_dim);
}

/* One labelled row of choices; `sel` is the chosen one. */
static void choices(layout *L, float x, float y, float w, const char *title, const char *prefix,
                    const char *const *keys, const char *const *names, int n, const char *sel)
{
    float u = L->u, gap = 10 * u, bw = (w - (float)(n - 1) * gap) / (float)n;
    label(L, x, y, w, title);
    for (int i = 0; i < n; i++) {
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "%s:%s", prefix, keys[i]);
        button(L, id, gw_rc(x + (float)i * (bw + gap), y + 34 * u, bw, 56 * u), _(names[i]), !strcmp(sel, keys[i]));
    }
}

/* A value with - and + buttons. */
static void stepper(layout *L, float x, float y, float w, const char *title, const char *id, int pct)
{
    float u = L->u, bw = 90 * u;
    char down[DRAW_WIDGET_ID_MAX], up[DRAW_WIDGET_ID_MAX], val[16];
    snprintf(down, sizeof down, "%s:down", id);
    snprintf(up, sizeof up, "%s:up", id);
    snprintf(val, sizeof val, "%d%%", pct);
    label(L, x, y, w, title);
    button(L, down, gw_rc(x, y + 34 * u, bw, 56 * u), "–", false);
    draw_text(L->l, gw_rc(x + bw, y + 34 * u, w - 2 * bw, 56 * u), val, (int)lroundf(24 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), L->a->th->text);
    button(L, up, gw_rc(x + w - bw, y + 34 * u, bw, 56 * u), "+", false);
}

static void toggle(layout *L, float x, float y, float w, const char *title, const char *id, bool on)
{
    label(L, x, y, w, title);
    button(L, id, gw_rc(x, y + 34 * L->u, w, 56 * L->u), on ? _("On") : _("Off"), on);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    layout L = { a, l, u, 0 };
    if (a->confirm_delete) {
        float w = 640 * u, h = 300 * u, x = (W - w) / 2, y = (H - h) / 2;
        draw_rect(l, gw_rc(x, y, w, h), 22 * u, t->surface);
        draw_text(l, gw_rc(x + 30 * u, y + 24 * u, w - 60 * u, 50 * u), _("Delete all your data?"),
                  (int)lroundf(30 * u), ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        draw_text(l, gw_rc(x + 40 * u, y + 84 * u, w - 80 * u, 90 * u),
                  _("Your practice log (every session and check-in) and your favourites will be deleted from "
                    "this computer. This cannot be undone."),
                  (int)lroundf(19 * u), ALIGN_CENTER | VALIGN_TOP, t->text_dim);
        button(&L, "delete-cancel", gw_rc(x + 40 * u, y + h - 90 * u, (w - 100 * u) / 2, 60 * u), _("Keep my data"),
               false);
        button(&L, "delete-confirm", gw_rc(x + w / 2 + 10 * u, y + h - 90 * u, (w - 100 * u) / 2, 60 * u),
               _("Delete"), true);
        return;
    }
    float top = ui_top_bar(a, l, _("Settings"));
    L.idx = 1; /* the Back button is widget 0 */
    if (a->home_focus == 0 && a->focus_visible)
        draw_frame(l, gw_rc(20 * u, 12 * u, 158 * u, 60 * u), 20 * u, 3 * u, t->focus);
    float pad = 60 * u, gap = 60 * u, cw = (W - 2 * pad - gap) / 2, row = 100 * u;
    float x0 = pad, x1 = pad + cw + gap, y = top + 6 * u;

    static const char *const TK[] = { "calm", "light", "contrast" };
    static const char *const TN[] = { N_("Calm"), N_("Light"), N_("High contrast") };
    choices(&L, x0, y, cw, _("Theme"), "theme", TK, TN, 3, a->set.theme);
    stepper(&L, x0, y + row, cw, _("Text size"), "text-size", a->set.text_pct);
    toggle(&L, x0, y + 2 * row, (cw - 20 * u) / 2, _("Reduced motion"), "reduced-motion", a->set.reduced_motion);
    toggle(&L, x0 + (cw + 20 * u) / 2, y + 2 * row, (cw - 20 * u) / 2, _("Check-ins"), "checkins", a->set.checkins);
    static const char *const LK[] = { "auto", "en", "es", "de", "ar" };
    static const char *const LN[] = { N_("Automatic"), N_("English"), N_("Español"), N_("Deutsch"), N_("العربية") };
    choices(&L, x0, y + 3 * row, cw, _("Language"), "language", LK, LN, 5,
            a->set.lang[0] ? a->set.lang : "auto");

    static const char *const PK[] = { "orb", "bar" };
    static const char *const PN[] = { N_("Orb"), N_("Bar") };
    choices(&L, x1, y, cw, _("Breathing pacer"), "pacer", PK, PN, 2, a->set.pacer);
    stepper(&L, x1, y + row, cw, _("Cue sounds"), "volume:cues", a->set.vol_cues);
    stepper(&L, x1, y + 2 * row, cw, _("Voice"), "volume:voice", a->set.vol_voice);
    stepper(&L, x1, y + 3 * row, cw, _("Background sound"), "volume:ambience", a->set.vol_ambience);

    float dy = y + 4 * row + 24 * u, dh = 92 * u;
    draw_rect(l, gw_rc(pad, dy, W - 2 * pad, dh), 18 * u, t->surface);
    char where[PATH_MAX + 100];
    const char *dir = paths_user_data_dir();
    snprintf(where, sizeof where, _("Your practice log is kept only on this computer, in %s."), dir ? dir : "?");
    draw_text(l, gw_rc(pad + 24 * u, dy, W - 2 * pad - 360 * u, dh), where, (int)lroundf(17 * u),
              VALIGN_MIDDLE, t->text_dim);
    button(&L, "delete-data", gw_rc(W - pad - 300 * u, dy + (dh - 56 * u) / 2, 280 * u, 56 * u),
           _("Delete all my data"), false);
    if (a->notice[0])
        draw_text(l, gw_rc(pad, top - 22 * u, W - 2 * pad, 24 * u), a->notice, (int)lroundf(15 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->focus);
}

static void enter(app *a)
{
    a->home_focus = 0;
    a->confirm_delete = false;
}

static int step(int v, int by, int lo, int hi) { return v + by < lo ? lo : v + by > hi ? hi : v + by; }

static void delete_all(app *a)
{
    char err[PATH_MAX + 300];
    struct plog *p = app_log(a);
    a->confirm_delete = false;
    a->home_focus = 0;
    if (!p)
        return;
    if (!plog_delete_all(p, err, sizeof err)) {
        app_error(a, err);
        return;
    }
    a->set.nfav = 0;
    a->nrecent = 0;
    app_settings_changed(a);
    trace_begin(a->tr, a->now, "data_deleted");
    trace_end(a->tr);
    snprintf(a->notice, sizeof a->notice, "%s", _("Your practice log and favourites were deleted."));
}

static void activate(app *a, const char *w)
{
    settings *s = &a->set;
    char key[16] = "";
    if (!strcmp(w, "back")) {
        app_set_scene(a, &scene_library);
        return;
    }
    if (!strcmp(w, "delete-data")) {
        a->confirm_delete = true;
        a->home_focus = 0; /* "Keep my data" first */
        return;
    }
    if (!strcmp(w, "delete-cancel")) {
        a->confirm_delete = false;
        return;
    }
    if (!strcmp(w, "delete-confirm")) {
        delete_all(a);
        return;
    }
    if (sscanf(w, "theme:%15s", key) == 1)
        snprintf(s->theme, sizeof s->theme, "%s", key);
    else if (!strcmp(w, "text-size:down") || !strcmp(w, "text-size:up")) {
        s->text_pct = step(s->text_pct, w[10] == 'u' ? 25 : -25, 100, 200);
        a->text_pct_arg = 0; /* the person chose: --text-size no longer applies */
    } else if (!strcmp(w, "reduced-motion"))
        s->reduced_motion = !s->reduced_motion;
    else if (!strcmp(w, "checkins"))
        s->checkins = !s->checkins;
    else if (sscanf(w, "language:%15s", key) == 1) {
        snprintf(s->lang, sizeof s->lang, "%s", strcmp(key, "auto") ? key : "");
        if (s->lang[0])
            snprintf(a->lang, sizeof a->lang, "%s", s->lang);
        else
            i18n_lang_from_env(a->lang, sizeof a->lang);
        app_lang_changed(a);
    } else if (sscanf(w, "pacer:%15s", key) == 1)
        snprintf(s->pacer, sizeof s->pacer, "%s", key);
    else if (!strncmp(w, "volume:", 7)) {
        int *v = !strncmp(w + 7, "cues", 4) ? &s->vol_cues : !strncmp(w + 7, "voice", 5) ? &s->vol_voice
                                                                                         : &s->vol_ambience;
        *v = step(*v, strstr(w, ":up") ? 10 : -10, 0, 100);
    } else
        return;
    app_settings_changed(a);
    trace_begin(a->tr, a->now, "setting");
    trace_str(a->tr, "widget", w);
    trace_end(a->tr);
}

static bool event(app *a, const gw_event *e)
{
    return app_home_nav(a, e, a->confirm_delete ? "delete-cancel" : "back");
}

const scene_vt scene_settings = { "settings", enter, event, activate, NULL, draw, NULL };
