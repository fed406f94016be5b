/* a11y names: every control on every screen has a role and, unless it only holds
 * others (a panel), a name a person who cannot see it hears: home (library, settings
 * and their pages, check-in, cautions, progress, welcome, Help, "Quit?"), the
 * exercises (pacer, muscle relaxation, grounding, their closing screens), the kiosk
 * (attract, library, keypad) and present mode (the panel and its control window), in
 * en, es, de and ar, at 100% and 200% text. Each screen is also walked by keyboard
 * (Tab, then Down, as a person would): every focus stop is checked again, as drawn
 * after the key. GW_A11Y_NAMES=1 prints every control as read aloud would say it.
 * `a11y_names --reach` (a11y.reach) checks instead, in en and ar at 100% and en at 200%, that
 * every control takes the keyboard's focus by Tab, Shift+Tab or the arrow keys, and
 * lists each that never does (docs/accessibility.md).
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/kiosk_scenes.h"
#include "app/present.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/plog.h"
#include "test_env.h"

typedef struct shot {
    const char *name, *exercise;
    app_scene_id scene; /* SCENE_COUNT: the mode's first screen, or the exercise's */
    double at;
    int page;
    const char *mode;      /* NULL: home */
    void (*prep)(app *a);  /* after the updates, before drawing; may be NULL */
    bool control;          /* present: the control window (app_draw_control) */
} shot;

static bool verbose;
static bool reach_mode; /* --reach: every control can take the focus (a11y.reach) */

/* The controls of `first` a person can press (all but panels) that no key of the walk
 * ever focuses: Tab, Shift+Tab, then each arrow, then Down and Right (or Left) in
 * turn (a library card, then its star), each twice as many times as there are
 * controls and more (the stops of present's two windows together; the cards of
 * every page), from the screen as it was. Counted on the widgets' ids as drawn focused, in
 * the window `first` was drawn for (present's control window, or the screen). */
static int unreached(app *a, const char *lang, int pct, const char *screen, const draw_list *first, bool control)
{
    static const char *const WALKS[][2] = { { "Tab", NULL },  { "Shift+Tab", NULL }, { "Down", NULL },
                                            { "Right", NULL }, { "Up", NULL },       { "Left", NULL },
                                            { "Down", "Right" }, { "Down", "Left" } };
    enum { MAXW = 256 };
    bool got[MAXW] = { false };
    int n = first->nwid < MAXW ? first->nwid : MAXW;
    for (size_t k = 0; k < sizeof WALKS / sizeof *WALKS; k++)
        for (int i = 0; i < (WALKS[k][1] ? 2 : 1) * (2 * n + 4) && !a->end.quit; i++) {
            const char *key = WALKS[k][i % 2] ? WALKS[k][i % 2] : WALKS[k][0];
            gw_event e = { .type = EV_KEY };
            bool shift = !strncmp(key, "Shift+", 6);
            snprintf(e.key, sizeof e.key, "%s", shift ? key + 6 : key);
            e.mods = shift ? GW_MOD_SHIFT : 0;
            app_event(a, &e);
            draw_list l = { 0 };
            if (control)
                app_draw_control(a, &l);
            else
                app_draw(a, &l);
            for (int w = 0; w < l.nwid; w++)
                if (l.wid[w].focused)
                    for (int j = 0; j < n; j++)
                        if (!strcmp(first->wid[j].id, l.wid[w].id))
                            got[j] = true;
            draw_free(&l);
        }
    int bad = 0;
    for (int j = 0; j < n; j++)
        if (!got[j] && first->wid[j].role != ROLE_PANEL) {
            fprintf(stderr, "a11y reach: %s at %d%%, %s: control %s (\"%s\") never takes the focus by keyboard\n",
                    lang, pct, screen, first->wid[j].id, draw_widget_name(first, &first->wid[j]));
            bad++;
        }
    return bad;
}

/* The controls of l without a role, or (not a panel) without a name. */
static int unnamed(const draw_list *l, const char *lang, int pct, const char *screen, const char *after)
{
    int bad = 0;
    for (int i = 0; i < l->nwid; i++) {
        const draw_widget *w = &l->wid[i];
        const char *name = draw_widget_name(l, w);
        if (verbose && !after)
            printf("%s %d%% %s: %s = \"%s\" role %d state \"%s\" at %.0f,%.0f %.0fx%.0f\n", lang, pct, screen, w->id,
                   name, w->role, draw_widget_state(l, w), (double)w->r.x, (double)w->r.y, (double)w->r.w, (double)w->r.h);
        if (w->role == ROLE_NONE || w->role >= ROLE_COUNT || (w->role != ROLE_PANEL && !*name)) {
            fprintf(stderr, "a11y names: %s at %d%%, %s%s%s: control %s has %s\n", lang, pct, screen,
                    after ? " after " : "", after ? after : "", w->id, w->role == ROLE_NONE ? "no role" : "no name");
            bad++;
        }
    }
    return bad;
}

/* Keys moving the focus over the screen, each followed by a look at what it shows. */
static int walk(app *a, const char *lang, int pct, const char *screen)
{
    static const char *const KEYS[] = { "Tab", "Down" };
    int bad = 0;
    for (size_t k = 0; k < sizeof KEYS / sizeof *KEYS; k++)
        for (int i = 0; i < 24 && !a->end.quit; i++) {
            gw_event e = { .type = EV_KEY };
            snprintf(e.key, sizeof e.key, "%s", KEYS[k]);
            app_event(a, &e);
            draw_list l = { 0 };
            app_draw(a, &l);
            char after[32];
            snprintf(after, sizeof after, "%d x %s", i + 1, KEYS[k]);
            bad += unnamed(&l, lang, pct, screen, after);
            draw_free(&l);
            if (bad)
                return bad;
        }
    return bad;
}

static int check(pack_set *packs, const char *lang, int pct, const shot *s)
{
    app a;
    app_config cfg = { .mode = s->mode ? s->mode : "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct,
                       .packs = packs, .no_personal = true, .wall_fixed = true, .plan_dir = "/tmp/groundwork-plan" };
    if (!app_init(&a, &cfg)) {
        fprintf(stderr, "a11y names: app_init failed\n");
        return 1;
    }
    if (s->exercise) {
        if (!app_start_exercise(&a, s->exercise)) {
            fprintf(stderr, "a11y names: no exercise %s\n", s->exercise);
            app_free(&a);
            return 1;
        }
    } else if (s->scene == SCENE_SAFETY)
        app_open_safety(&a);
    else if (s->scene == SCENE_QUIT)
        app_open(&a, SCENE_QUIT);
    else if (s->scene != SCENE_COUNT)
        app_go(&a, s->scene);
    for (double t = 0; t <= s->at; t += 0.5)
        app_update(&a, (gw_ns)(t * 1e9));
    a.page.text = s->page;
    settings_show_page(&a, s->page);
    if (app_mode_is(&a, MODE_PRESENT))
        present_st(&a)->page = s->page;
    ((struct kiosk_library_st *)app_state(&a, SCENE_KIOSK_LIBRARY))->page = s->page;
    if (s->prep)
        s->prep(&a);
    if (s->control) /* the second window, where the therapist's controls go */
        app_control_window(&a, 1280, 720);
    draw_list l = { 0 };
    if (s->control)
        app_draw_control(&a, &l);
    else
        app_draw(&a, &l);
    if (reach_mode) {
        int bad = unreached(&a, lang, pct, s->name, &l, s->control);
        draw_free(&l);
        app_free(&a);
        return bad;
    }
    int bad = unnamed(&l, lang, pct, s->name, NULL);
    if (!l.nwid && strcmp(s->name, "attract-blank")) {
        fprintf(stderr, "a11y names: %s at %d%%, %s: no controls at all\n", lang, pct, s->name);
        bad++;
    }
    draw_free(&l);
    if (!bad && !s->control)
        bad += walk(&a, lang, pct, s->name);
    app_free(&a);
    return bad;
}

static void panel_shown(app *a)
{
    a->last_input = a->now;
    present_st(a)->shown = true;
    present_st(a)->shown_since = a->now - GW_SEC(1);
}

static void export_shown(app *a) { scene_settings.activate(a, "export"); }
static void hr_shown(app *a) { scene_settings.activate(a, "hr-sensor"); }
static void delete_asked(app *a) { scene_settings.activate(a, "delete-data"); }

/* "Before you begin" for an exercise with cautions, as a card opens it. */
static void cautions_shown(app *a)
{
    const exercise *e = pack_set_find(a->packs, "breathing-4-7-8");
    if (e)
        app_show_cautions(a, e);
}

/* A note being typed on a grounding step. */
static void note_open(app *a) { app_press(a, "note"); }

/* Progress with sessions on the chart, one's details open. */
static void progress_sessions(app *a)
{
    static const struct { const char *start; const char *ex; int before, after; const char *note; } S[] = {
        { "2025-12-30T08:00:00Z", "breathing-4-7-8", 8, 5, "" },
        { "2025-12-30T21:00:00Z", "grounding-54321", 6, 2, "5 things you can see: a blue cup" },
        { "2026-01-01T07:00:00Z", "box-breathing", 4, 1, "" },
    };
    int n = (int)(sizeof S / sizeof *S);
    plog_session *p = calloc((size_t)n, sizeof *p);
    if (!p)
        return;
    for (int i = 0; i < n; i++) {
        p[i].id = i + 1;
        snprintf(p[i].exercise, sizeof p[i].exercise, "%s", S[i].ex);
        snprintf(p[i].start, sizeof p[i].start, "%s", S[i].start);
        p[i].completed = true;
        p[i].before = S[i].before;
        p[i].after = S[i].after;
        p[i].adjustments = strdup("");
        p[i].notes = strdup(S[i].note);
    }
    progress_show(a, p, n, 1, 2, 0);
}

static void admin_typed(app *a)
{
    struct kiosk_admin_st *k = app_state(a, SCENE_ADMIN);
    snprintf(k->pin, sizeof k->pin, "12");
}

int main(int argc, char **argv)
{
    reach_mode = argc > 1 && !strcmp(argv[1], "--reach");
    verbose = getenv("GW_A11Y_NAMES") != NULL;
    test_env env;
    if (!test_env_open(&env, "a11y names"))
        return 1;
    const shot SHOTS[] = {
        { "library", NULL, SCENE_LIBRARY, 0, 0, NULL, NULL, false },
        { "settings", NULL, SCENE_SETTINGS, 0, 0, NULL, NULL, false },
        { "settings-2", NULL, SCENE_SETTINGS, 0, 1, NULL, NULL, false },
        { "settings-3", NULL, SCENE_SETTINGS, 0, 2, NULL, NULL, false },
        { "settings-4", NULL, SCENE_SETTINGS, 0, 3, NULL, NULL, false },
        { "settings-5", NULL, SCENE_SETTINGS, 0, 4, NULL, NULL, false },
        { "settings-6", NULL, SCENE_SETTINGS, 0, 5, NULL, NULL, false },
        { "settings-export", NULL, SCENE_SETTINGS, 0, 0, NULL, export_shown, false },
        { "settings-hr", NULL, SCENE_SETTINGS, 0, 0, NULL, hr_shown, false },
        { "settings-delete", NULL, SCENE_SETTINGS, 0, 0, NULL, delete_asked, false },
        { "progress", NULL, SCENE_PROGRESS, 0, 0, NULL, NULL, false },
        { "progress-sessions", NULL, SCENE_PROGRESS, 0, 0, NULL, progress_sessions, false },
        { "checkin", NULL, SCENE_CHECKIN, 0, 0, NULL, NULL, false },
        { "cautions", NULL, SCENE_LIBRARY, 0, 0, NULL, cautions_shown, false },
        { "welcome", NULL, SCENE_WELCOME, 0, 0, NULL, NULL, false },
        { "safety", NULL, SCENE_SAFETY, 0, 0, NULL, NULL, false },
        { "quit", NULL, SCENE_QUIT, 0, 0, NULL, NULL, false },
        { "pacer", "box-breathing", SCENE_COUNT, 9, 0, NULL, NULL, false },
        { "pacer-done", "breathing-4-7-8", SCENE_COUNT, 90, 0, NULL, NULL, false },
        { "pmr", "pmr-7", SCENE_COUNT, 40, 0, NULL, NULL, false },
        { "pmr-done", "pmr-release-only", SCENE_COUNT, 400, 0, NULL, NULL, false },
        { "grounding", "grounding-54321", SCENE_COUNT, 2, 0, NULL, NULL, false },
        { "grounding-note", "grounding-54321", SCENE_COUNT, 2, 0, NULL, note_open, false },
        { "grounding-mental", "grounding-mental", SCENE_COUNT, 20, 0, NULL, NULL, false },
        { "present-library", NULL, SCENE_COUNT, 0, 0, "present", panel_shown, false },
        { "present-pacer", "box-breathing", SCENE_COUNT, 9, 0, "present", panel_shown, false },
        { "present-pmr", "pmr-7", SCENE_COUNT, 40, 0, "present", panel_shown, false },
        { "present-grounding", "grounding-54321", SCENE_COUNT, 2, 0, "present", panel_shown, false },
        { "control", "breathing-4-7-8", SCENE_COUNT, 9, 0, "present", panel_shown, true },
        { "control-pmr", "pmr-7", SCENE_COUNT, 40, 0, "present", panel_shown, true },
        { "attract", NULL, SCENE_COUNT, 0, 0, "kiosk", NULL, false },
        { "kiosk-library", NULL, SCENE_KIOSK_LIBRARY, 0, 0, "kiosk", NULL, false },
        { "kiosk-library-2", NULL, SCENE_KIOSK_LIBRARY, 0, 1, "kiosk", NULL, false },
        { "kiosk-cautions", NULL, SCENE_KIOSK_LIBRARY, 0, 0, "kiosk", cautions_shown, false },
        { "kiosk-pacer", "box-breathing", SCENE_COUNT, 9, 0, "kiosk", NULL, false },
        { "admin", NULL, SCENE_ADMIN, 0, 0, "kiosk", admin_typed, false },
    };
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    static const int PCT[] = { 100, 200 };
    int bad = 0;
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < sizeof PCT / sizeof *PCT; pi++) {
            /* reach does not depend on the words: left to right and right to left (the
             * arrows follow the mirrored layout) at 100%, and the pages of 200% once */
            if (reach_mode && strcmp(LANGS[li], "en") && (strcmp(LANGS[li], "ar") || pi > 0))
                continue;
            for (size_t si = 0; si < sizeof SHOTS / sizeof *SHOTS; si++)
                bad += check(&env.packs, LANGS[li], PCT[pi], &SHOTS[si]);
        }
    test_env_close(&env);
    if (reach_mode)
        printf("a11y reach: %d control(s) the keyboard never reaches\n", bad);
    else
        printf("a11y names: %d control(s) without a name or role\n", bad);
    return bad ? 1 : 0;
}
