/* a11y controls: the states every control shows, checked from the draw list.
 * - A library card under the mouse is lighter than at rest, pressed it is deeper and
 *   inset, and released it opens the exercise's "Before you begin".
 * - The first key or gamepad button shows the focus ring (the theme's focus colour)
 *   around the focused card at once; a touch hides it again.
 * - The "Recent" chips, in every language, show their exercise's whole title at the
 *   size drawn (measured with the fonts, never made smaller or cut), inside the screen
 *   and clear of one another.
 * - Toggles name what they change and its state: the guided exercise's background
 *   sound ("Ambience: off"), the pacer's style ("Style: Orb"); the theme and the
 *   pacer style have different names on the settings screen.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/pacer.h"
#include "app/run.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_text.h"

static int bad;
#define CHECK(cond, ...)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "controls: " __VA_ARGS__);                                                                 \
            fputc('\n', stderr);                                                                                       \
            bad++;                                                                                                     \
        }                                                                                                              \
    } while (0)

static bool same_color(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

/* The surface drawn for widget id: the first rectangle inside or on its box. */
static const draw_cmd *surface_of(const draw_list *l, const char *id)
{
    const draw_widget *w = draw_widget_find(l, id);
    if (!w)
        return NULL;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op == DRAW_RECT && c->r.x >= w->r.x - 0.5f && c->r.y >= w->r.y - 0.5f &&
            c->r.x + c->r.w <= w->r.x + w->r.w + 0.5f && c->r.y + c->r.h <= w->r.y + w->r.h + 0.5f &&
            c->r.w > w->r.w * 0.9f)
            return c;
    }
    return NULL;
}

static void pointer(app *a, gw_event_type type, gw_rect r, bool touch)
{
    gw_event e = { 0 };
    e.type = type;
    e.x = (r.x + r.w / 2) / (float)a->w;
    e.y = (r.y + r.h / 2) / (float)a->h;
    e.touch = touch;
    app_event(a, &e);
}

static void key(app *a, gw_event_type type, const char *k)
{
    gw_event e = { 0 };
    e.type = type;
    snprintf(e.key, sizeof e.key, "%s", k);
    app_event(a, &e);
}

static bool ring_around(const draw_list *l, gw_rect r, gw_color focus)
{
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op == DRAW_FRAME && same_color(c->color, focus) && c->r.x < r.x && c->r.y < r.y &&
            c->r.x + c->r.w > r.x + r.w && c->r.y + c->r.h > r.y + r.h)
            return true;
    }
    return false;
}

static void check_states(pack_set *packs)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        bad++;
        return;
    }
    app_update(&a, 0);
    draw_list l = { 0 };
    app_draw(&a, &l);
    const char *id = "exercise:box-breathing";
    const draw_widget *w = draw_widget_find(&l, id);
    const draw_cmd *c = surface_of(&l, id);
    CHECK(w && c, "the library has no card %s", id);
    if (!w || !c) {
        draw_free(&l);
        app_free(&a);
        return;
    }
    gw_rect box = w->r;
    gw_color rest = c->color;
    gw_rect rest_r = c->r;
    CHECK(!ring_around(&l, box, a.th->focus), "a focus ring before any key was pressed");
    /* hover */
    pointer(&a, EV_POINTER_MOVE, box, false);
    draw_free(&l);
    app_draw(&a, &l);
    c = surface_of(&l, id);
    CHECK(c && !same_color(c->color, rest), "the card under the mouse looks as at rest");
    gw_color hover = c ? c->color : rest;
    const draw_cmd *other = surface_of(&l, "exercise:breathing-4-7-8");
    CHECK(other && same_color(other->color, rest), "a card not under the mouse changed");
    /* pressed */
    pointer(&a, EV_POINTER_DOWN, box, false);
    draw_free(&l);
    app_draw(&a, &l);
    c = surface_of(&l, id);
    CHECK(c && !same_color(c->color, rest) && !same_color(c->color, hover), "the pressed card looks as at rest or hovered");
    CHECK(c && c->r.w < rest_r.w && c->r.x > rest_r.x, "the pressed card is not inset");
    pointer(&a, EV_POINTER_UP, box, false);
    CHECK(app_showing(&a, SCENE_CAUTIONS), "releasing the card did not open its cautions");
    draw_free(&l);
    app_free(&a);

    /* the focus ring at the first key, and at the first gamepad button */
    const char *first[2] = { "Down", "dpdown" };
    for (int k = 0; k < 2; k++) {
        if (!app_init(&a, &cfg)) {
            bad++;
            return;
        }
        app_update(&a, 0);
        key(&a, k ? EV_BUTTON : EV_KEY, first[k]);
        app_draw(&a, &l);
        const draw_widget *f = NULL;
        for (int i = 0; i < l.nwid; i++)
            if (l.wid[i].focused)
                f = &l.wid[i];
        CHECK(f && ring_around(&l, f->r, a.th->focus), "no focus ring after the first %s", first[k]);
        gw_rect fr = f ? f->r : gw_rc(0, 0, 0, 0); /* kept: the list it lives in is freed below */
        pointer(&a, EV_POINTER_DOWN, gw_rc(1, 700, 1, 1), true);
        pointer(&a, EV_POINTER_UP, gw_rc(1, 700, 1, 1), true);
        draw_free(&l);
        app_draw(&a, &l);
        CHECK(!f || !ring_around(&l, fr, a.th->focus), "the focus ring stayed after a touch");
        draw_free(&l);
        app_free(&a);
    }
}

static void check_recent(pack_set *packs, plat_text *pt, const char *lang)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .packs = packs, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        bad++;
        return;
    }
    static const char *const USED[] = { "box-breathing", "pmr-16", "grounding-54321", "resonance-breathing" };
    gw_ns t = 0;
    for (int i = 0; i < 4; i++) {
        app_start_exercise(&a, USED[i]);
        app_update(&a, t += GW_SEC(2));
        app_end_exercise(&a, false);
        app_update(&a, t += GW_SEC(1));
    }
    app_refresh_recent(&a);
    app_go(&a, SCENE_LIBRARY);
    app_update(&a, t += GW_SEC(1));
    draw_list l = { 0 };
    app_draw(&a, &l);
    int chips = 0;
    for (int i = 0; i < l.nwid; i++) {
        const draw_widget *w = &l.wid[i];
        if (strncmp(w->id, "recent:", 7))
            continue;
        chips++;
        const exercise *e = pack_set_find(packs, w->id + 7);
        const char *title = e ? pack_text_get(&e->title, lang) : "";
        CHECK(w->r.x >= 0 && w->r.x + w->r.w <= (float)a.w, "%s: the chip %s is off the screen", lang, w->id);
        for (int k = 0; k < l.nwid; k++)
            CHECK(k == i || strncmp(l.wid[k].id, "recent:", 7) || w->r.x + w->r.w <= l.wid[k].r.x ||
                      l.wid[k].r.x + l.wid[k].r.w <= w->r.x,
                  "%s: the chips %s and %s overlap", lang, w->id, l.wid[k].id);
        const draw_cmd *txt = NULL;
        for (int k = 0; k < l.ncmd; k++) {
            const draw_cmd *c = &l.cmd[k];
            if (c->op == DRAW_TEXT && gw_rect_has(w->r, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2))
                txt = c;
        }
        CHECK(txt && !strcmp(draw_text_of(&l, txt), title), "%s: the chip %s does not show its whole title \"%s\"",
              lang, w->id, title);
        if (!txt)
            continue;
        plat_text_size m;
        CHECK(!(txt->flags & TEXT_FIT), "%s: the chip %s may make its title smaller", lang, w->id);
        if (plat_text_measure(pt, draw_text_of(&l, txt), txt->font_px, (txt->flags >> 8) & 1, 0, &m))
            CHECK((float)m.w <= txt->r.w && (float)m.w <= w->r.w - 16 && (float)m.h <= w->r.h,
                  "%s: \"%s\" (%dx%d at %d px) does not fit its chip %.0fx%.0f", lang, title, m.w, m.h, txt->font_px,
                  (double)w->r.w, (double)w->r.h);
    }
    CHECK(chips >= 2, "%s: %d recent chips shown of 4", lang, chips);
    draw_free(&l);
    app_free(&a);
}

static bool has_text(const draw_list *l, const char *s)
{
    for (int i = 0; i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_TEXT && !strcmp(draw_text_of(l, &l->cmd[i]), s))
            return true;
    return false;
}

static void check_names(pack_set *packs)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    draw_list l = { 0 };
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "pmr-16")) {
        bad++;
        return;
    }
    app_update(&a, GW_SEC(1));
    app_draw(&a, &l);
    CHECK(has_text(&l, "Ambience: off"), "the guided exercise's background sound is not named \"Ambience: off\"");
    app_press(&a, "ambience");
    draw_free(&l);
    app_draw(&a, &l);
    CHECK(has_text(&l, "Ambience: brown noise"), "the background sound's state is not named after a press");
    draw_free(&l);
    app_free(&a);

    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "box-breathing")) {
        bad++;
        return;
    }
    app_update(&a, GW_SEC(5));
    for (int round = 0; round < 2; round++) { /* the style it opens with, then the next */
        char want[96];
        snprintf(want, sizeof want, "Style: %s", ui_pacer_style_label(pacer_style_of(&a)));
        app_draw(&a, &l);
        CHECK(has_text(&l, want), "the pacer's Style does not say \"%s\"", want);
        draw_free(&l);
        app_press(&a, "style");
    }
    app_free(&a);

    /* settings: every choice's label names one thing (the theme "Dark", the style "Calm") */
    if (!app_init(&a, &cfg)) {
        bad++;
        return;
    }
    app_set_scene(&a, &scene_settings);
    app_draw(&a, &l);
    CHECK(has_text(&l, "Dark") && has_text(&l, "Calm"), "settings do not offer the theme Dark and the style Calm");
    int calm = 0;
    for (int i = 0; i < l.ncmd; i++)
        calm += l.cmd[i].op == DRAW_TEXT && !strcmp(draw_text_of(&l, &l.cmd[i]), "Calm");
    CHECK(calm == 1, "\"Calm\" names %d things on the settings screen", calm);
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    const char *data = paths_data_dir();
    if (!data) {
        fprintf(stderr, "controls: no data folder (set GROUNDWORK_DATA_DIR)\n");
        return 1;
    }
    char loc[PATH_MAX], fonts[PATH_MAX], home[] = "/tmp/gw-controls-XXXXXX";
    paths_join(loc, sizeof loc, data, "locale");
    paths_join(fonts, sizeof fonts, data, "fonts");
    bindtextdomain(GW_TEXTDOMAIN, loc);
    bind_textdomain_codeset(GW_TEXTDOMAIN, "UTF-8");
    textdomain(GW_TEXTDOMAIN);
    if (!mkdtemp(home))
        return 1;
    char d[PATH_MAX];
    snprintf(d, sizeof d, "%s/data", home);
    setenv("XDG_DATA_HOME", d, 1);
    snprintf(d, sizeof d, "%s/config", home);
    setenv("XDG_CONFIG_HOME", d, 1);
    snprintf(d, sizeof d, "%s/state", home);
    setenv("XDG_STATE_HOME", d, 1);
    run_options o = { .mode = "home" };
    pack_set packs;
    run_load_content(&packs, &o);
    plat_text *pt = plat_text_new(fonts);
    if (!pt)
        return 1;
    check_states(&packs);
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    for (int i = 0; i < 4; i++)
        check_recent(&packs, pt, LANGS[i]);
    check_names(&packs);
    plat_text_free(pt);
    pack_set_free(&packs);
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
    if (system(cmd) != 0)
        fprintf(stderr, "controls: could not remove %s\n", home);
    if (bad)
        fprintf(stderr, "controls: %d problem(s)\n", bad);
    return bad ? 1 : 0;
}
