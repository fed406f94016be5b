/* scene_attract: the kiosk's resting screen. A calm breathing orb (the breathing
 * engine, closed form in time) and "Touch to begin" in each offered language in turn.
 * The whole screen is one target (widget "begin"). Dimmed or blank outside operating
 * hours; everything drifts by a few pixels over minutes against burn-in.
 *
 * scene_kiosk_library: the offered exercises as big cards (widgets "exercise:<id>")
 * and a "back" button to the attract loop. Touch only; no text entry. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

#define MAX_CARDS 16

/* "Touch to begin" for the languages a waiting room is likely to offer. */
static const struct { const char *lang, *text; } TOUCH[] = {
    { "en", "Touch to begin" },        { "fr", "Touchez pour commencer" },
    { "de", "Zum Starten berühren" },  { "es", "Toca para empezar" },
    { "it", "Tocca per iniziare" },    { "pt", "Toque para começar" },
    { "nl", "Tik om te beginnen" },    { "pl", "Dotknij, aby zacząć" },
    { "tr", "Başlamak için dokunun" }, { "uk", "Торкніться, щоб почати" },
    { "ar", "المس للبدء" },
};

static const char *touch_text(const char *lang)
{
    for (size_t i = 0; i < sizeof TOUCH / sizeof *TOUCH; i++)
        if (!strncmp(lang, TOUCH[i].lang, 2))
            return TOUCH[i].text;
    return _("Touch to begin");
}

static const char *shown_lang(const app *a)
{
    const kiosk_config *c = &a->kiosk.cfg;
    return c->nlang > 0 ? c->lang[kiosk_lang_at(c, a->now)] : a->lang;
}

/* The attract pacer: the configured breathing exercise, or a gentle 4 in, 6 out. */
static breath_pattern attract_pattern(const app *a)
{
    breath_pattern p = { 0 };
    const exercise *e = a->kiosk.cfg.attract[0] && a->packs ? pack_set_find(a->packs, a->kiosk.cfg.attract) : NULL;
    if (e && e->kind == EX_BREATHING)
        p = e->breath;
    else {
        p.phase[0] = (breath_phase){ BREATH_INHALE, 4000 };
        p.phase[1] = (breath_phase){ BREATH_EXHALE, 6000 };
        p.nphase = 2;
    }
    p.cycles = 1000000;
    p.session_ns = 0;
    p.ramp_from_bpm = p.ramp_to_bpm = 0;
    p.ramp_ns = 0;
    p.lead_in_ns = 0;
    return p;
}

static void begin(app *a)
{
    snprintf(a->lang, sizeof a->lang, "%s", shown_lang(a));
    const kiosk_config *c = &a->kiosk.cfg;
    int offered = 0;
    const char *only = NULL;
    int n = a->packs ? pack_set_exercise_count(a->packs) : 0;
    for (int i = 0; i < n; i++) {
        const exercise *e = pack_set_exercise_at(a->packs, i);
        if (kiosk_offers(c, e->id)) {
            offered++;
            only = e->id;
        }
    }
    if (offered == 1)
        app_start_exercise(a, only);
    else
        app_set_scene(a, &scene_kiosk_library);
}

static bool attract_event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY || e->type == EV_BUTTON) {
        begin(a);
        return true;
    }
    return false;
}

static void attract_activate(app *a, const char *w)
{
    if (!strcmp(w, "begin"))
        begin(a);
}

static void attract_draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float W = (float)a->w, H = (float)a->h, u = app_unit(a);
    draw_widget_add(l, "begin", gw_rc(0, 0, W, H), false);
    if (a->kiosk.hours == KIOSK_BLANK) {
        draw_rect(l, gw_rc(0, 0, W, H), 0, gw_rgba(0, 0, 0, 255));
        return;
    }
    float dx, dy;
    kiosk_burnin_offset(a->now, 8 * u, &dx, &dy);
    dx = roundf(dx);
    dy = roundf(dy);
    breath_pattern p = attract_pattern(a);
    breath_state s;
    gw_ns cyc = breath_cycle_len(&p);
    breath_at(&p, cyc > 0 ? a->now % cyc : 0, &s);
    float cx = W / 2 + dx, cy = H * 0.42f + dy;
    float rmax = fminf(W, H) * 0.28f, rmin = rmax * 0.45f;
    float r = roundf((rmin + (rmax - rmin) * (float)s.fill) * 2) / 2;
    gw_color col = s.kind == BREATH_EXHALE ? t->exhale : s.kind == BREATH_INHALE ? t->inhale : t->hold;
    gw_color halo = col;
    halo.a = 30;
    draw_circle(l, cx, cy, roundf(r * 1.15f * 2) / 2, halo);
    draw_circle(l, cx, cy, r, col);
    draw_text(l, gw_rc(dx, H * 0.78f + dy, W, 70 * u), touch_text(shown_lang(a)), (int)lroundf(44 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(dx, H * 0.78f + 70 * u + dy, W, 40 * u), _("A few minutes of calm breathing"),
              (int)lroundf(22 * u), ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
    if (a->kiosk.hours == KIOSK_DIM)
        draw_rect(l, gw_rc(0, 0, W, H), 0, gw_rgba(0, 0, 0, 170));
}

static gw_ns attract_next_change(const app *a)
{
    if (a->kiosk.hours == KIOSK_BLANK)
        return GW_NEVER;
    return a->now + GW_NS_PER_SEC / 30; /* the orb moves; 30 frames a second is plenty */
}

const scene_vt scene_attract = { "attract", NULL, attract_event, attract_activate, NULL, attract_draw,
                                 attract_next_change };

/* ---- the kiosk library ---------------------------------------------------------- */

static int offered(const app *a, const exercise **out)
{
    int n = 0, total = a->packs ? pack_set_exercise_count(a->packs) : 0;
    const kiosk_config *c = &a->kiosk.cfg;
    if (c->nexercise > 0) {
        for (int i = 0; i < c->nexercise && n < MAX_CARDS; i++) {
            const exercise *e = pack_set_find(a->packs, c->exercise[i]);
            if (e)
                out[n++] = e;
        }
        return n;
    }
    for (int i = 0; i < total && n < MAX_CARDS; i++)
        out[n++] = pack_set_exercise_at(a->packs, i);
    return n;
}

static void lib_activate(app *a, const char *w)
{
    if (!strcmp(w, "back"))
        app_kiosk_reset(a, "back");
    else if (!strncmp(w, "exercise:", 9))
        app_start_exercise(a, w + 9);
}

static bool lib_event(app *a, const gw_event *e)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const exercise *ex[MAX_CARDS];
    int n = offered(a, ex);
    if (n == 0)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Right") || !strcmp(k, "Down") || !strcmp(k, "dpright") || !strcmp(k, "dpdown"))
        a->focus = (a->focus + 1) % n;
    else if (!strcmp(k, "Left") || !strcmp(k, "Up") || !strcmp(k, "dpleft") || !strcmp(k, "dpup"))
        a->focus = (a->focus + n - 1) % n;
    else if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "a")) {
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "exercise:%s", ex[a->focus < n ? a->focus : 0]->id);
        app_press(a, id);
    } else
        return false;
    a->ui_stale = true;
    return true;
}

static void lib_draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    float W = (float)a->w, H = (float)a->h, u = app_unit(a);
    float dx, dy;
    kiosk_burnin_offset(a->now, 6 * u, &dx, &dy);
    dx = roundf(dx);
    dy = roundf(dy);
    float pad = 48 * u;
    float bh = fmaxf(72 * u, fminf(W, H) * 0.1f);
    ui_button(a, l, "back", gw_rc(pad + dx, 28 * u + dy, 200 * u, bh), _("Back"), false, false);
    draw_text(l, gw_rc(pad + 220 * u + dx, 28 * u + dy, W - 2 * pad - 440 * u, bh), _("Choose an exercise"),
              (int)lroundf(34 * u), ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
    const exercise *ex[MAX_CARDS];
    int n = offered(a, ex);
    if (n == 0) {
        draw_text(l, gw_rc(pad, H / 2 - 40 * u, W - 2 * pad, 80 * u), _("No exercises are available right now."),
                  (int)lroundf(28 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text);
        return;
    }
    int cols = n <= 2 ? n : n <= 4 ? 2 : n <= 9 ? 3 : 4;
    int rows = (n + cols - 1) / cols;
    float top = 28 * u + bh + 36 * u, gap = 28 * u;
    float cw = (W - 2 * pad - gap * (float)(cols - 1)) / (float)cols;
    float ch = fminf((H - top - pad - gap * (float)(rows - 1)) / (float)rows, 260 * u);
    for (int i = 0; i < n; i++) {
        int r = i / cols, c = i % cols;
        gw_rect rc = gw_rc(pad + (float)c * (cw + gap) + dx, top + (float)r * (ch + gap) + dy, cw, ch);
        bool focused = i == a->focus;
        draw_rect(l, rc, 24 * u, t->surface_hi);
        if (focused && a->focus_visible)
            draw_frame(l, gw_rc(rc.x - 5 * u, rc.y - 5 * u, rc.w + 10 * u, rc.h + 10 * u), 28 * u, 4 * u, t->focus);
        draw_text(l, gw_rc(rc.x + 28 * u, rc.y + 20 * u, rc.w - 56 * u, ch * 0.45f), app_text(a, &ex[i]->title),
                  (int)lroundf(32 * u), ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
        char len[64] = "", clk[32];
        gw_ns el = exercise_length(ex[i]);
        ui_clock(clk, sizeof clk, gw_seconds(el));
        if (el > 0)
            snprintf(len, sizeof len, _("about %s"), clk);
        draw_text(l, gw_rc(rc.x + 28 * u, rc.y + 20 * u + ch * 0.45f, rc.w - 56 * u, ch * 0.3f), len,
                  (int)lroundf(24 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "exercise:%s", ex[i]->id);
        draw_widget_add(l, id, rc, focused);
    }
}

static gw_ns lib_next_change(const app *a)
{
    return a->now + GW_SEC(1); /* the burn-in drift */
}

const scene_vt scene_kiosk_library = { "kiosk_library", NULL, lib_event, lib_activate, NULL, lib_draw,
                                       lib_next_change };
