/* a11y screens: every main screen, in every language, at 100%, 150% and 200% text, at
 * 1280x720, drawn headless; no text may be cut off (plat_render's overflow count),
 * nor need to be drawn at less than 80% of its size to fit its box (measured with
 * plat_text). Screens on more than one page at large text are checked page by page.
 * With GW_A11Y_PNG=DIR, each frame is also saved as DIR/<lang>-<pct>-<screen>.png.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_render.h"
#include "platform/plat_text.h"

typedef struct shot { const char *name, *exercise; const scene_vt *scene; double at; int page; } shot;

/* The renderer draws a text that does not fit its box smaller (down to 60%) before it
 * crops it. Large text shrunk that far is no longer large: the least share of its size
 * a text may be drawn at. */
#define MIN_SHARE 0.8

static bool fits_at(plat_text *pt, const draw_list *l, const draw_cmd *c, int px)
{
    plat_text_size m;
    bool fit = c->flags & TEXT_FIT;
    if (!plat_text_measure(pt, draw_text_of(l, c), px, (c->flags >> 8) & 1, fit ? 0 : (int)c->r.w, &m))
        return true;
    return (c->r.w <= 0 || (float)m.w <= c->r.w + 1) && (c->r.h <= 0 || (float)m.h <= c->r.h * 1.12f + 2);
}

/* Texts the renderer would have to draw at less than MIN_SHARE of their size. */
static int shrunk(plat_text *pt, const draw_list *l, const char *lang, int pct, const char *screen)
{
    int bad = 0;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c) || fits_at(pt, l, c, c->font_px))
            continue;
        int px = c->font_px;
        while (px > 1 && !fits_at(pt, l, c, px))
            px--;
        if (px < c->font_px * MIN_SHARE) {
            bad++;
            fprintf(stderr, "a11y: %s at %d%%, %s: \"%.60s\" would be drawn at %d px of %d (box %.0fx%.0f)\n", lang,
                    pct, screen, draw_text_of(l, c), px, c->font_px, (double)c->r.w, (double)c->r.h);
        }
    }
    return bad;
}

/* The label of a widget: the first text drawn with its centre inside the widget. */
static const char *label_of(const draw_list *l, const draw_widget *w)
{
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op == DRAW_TEXT && *draw_text_of(l, c) && gw_rect_has(w->r, c->r.x + c->r.w / 2, c->r.y + c->r.h / 2))
            return draw_text_of(l, c);
    }
    return NULL;
}

/* What a widget does, for comparing: its id, less a kind before ':' ("recent:X" and
 * "exercise:X" start the same exercise). */
static const char *target_of(const char *id)
{
    const char *c = strrchr(id, ':');
    return c ? c + 1 : id;
}

/* Two controls that do different things may not have the same label on one screen
 * (German "Zurück" for both Back and Previous). */
static int same_labels(const draw_list *l, const char *lang, int pct, const char *screen)
{
    int bad = 0;
    for (int i = 0; i < l->nwid; i++) {
        const char *li = label_of(l, &l->wid[i]);
        for (int k = i + 1; li && k < l->nwid; k++) {
            const char *lk = label_of(l, &l->wid[k]);
            if (lk && !strcmp(li, lk) && strcmp(target_of(l->wid[i].id), target_of(l->wid[k].id))) {
                fprintf(stderr, "a11y: %s at %d%%, %s: \"%s\" labels both %s and %s\n", lang, pct, screen, li,
                        l->wid[i].id, l->wid[k].id);
                bad++;
            }
        }
    }
    return bad;
}

static int check(pack_set *packs, plat_render *pr, plat_text *pt, const char *lang, int pct, const shot *s,
                 const char *png_dir)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        fprintf(stderr, "a11y: app_init failed\n");
        return 1;
    }
    if (s->exercise) {
        if (!app_start_exercise(&a, s->exercise)) {
            fprintf(stderr, "a11y: no exercise %s\n", s->exercise);
            app_free(&a);
            return 1;
        }
    } else if (s->scene == &scene_safety)
        app_open_safety(&a);
    else if (s->scene)
        app_set_scene(&a, s->scene);
    for (double t = 0; t <= s->at; t += 0.5)
        app_update(&a, (gw_ns)(t * 1e9));
    a.settings_page = a.text_page = s->page; /* screens on more than one page: the next ones */
    draw_list l = { 0 };
    app_draw(&a, &l);
    int before = plat_render_overflow_count();
    plat_render_frame(pr, NULL, &l, NULL);
    int bad = plat_render_overflow_count() - before;
    if (bad)
        fprintf(stderr, "a11y: %s at %d%%, %s: %d text(s) cut off, e.g. %s\n", lang, pct, s->name, bad,
                plat_render_overflow_last());
    bad += shrunk(pt, &l, lang, pct, s->name);
    bad += same_labels(&l, lang, pct, s->name);
    if (png_dir) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s-%d-%s.png", png_dir, lang, pct, s->name);
        plat_render_save_png(pr, path);
    }
    draw_free(&l);
    app_free(&a);
    return bad;
}

/* Settings offer exactly the pacer styles there are. */
static int check_pacer_choices(pack_set *packs)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg))
        return 1;
    app_set_scene(&a, &scene_settings);
    draw_list l = { 0 };
    app_draw(&a, &l);
    int bad = 0, offered = 0;
    for (int i = 0; i < PACER_STYLE_COUNT; i++) {
        char id[64];
        snprintf(id, sizeof id, "pacer:%s", pacer_style_name(i));
        if (!draw_widget_find(&l, id)) {
            fprintf(stderr, "a11y: settings do not offer the pacer style %s\n", pacer_style_name(i));
            bad++;
        }
    }
    for (int i = 0; i < l.nwid; i++)
        offered += !strncmp(l.wid[i].id, "pacer:", 6);
    if (offered != PACER_STYLE_COUNT) {
        fprintf(stderr, "a11y: settings offer %d pacer styles, there are %d\n", offered, PACER_STYLE_COUNT);
        bad++;
    }
    draw_free(&l);
    app_free(&a);
    return bad;
}

/* Reduced motion (a setting) selects the pacer's calm style unless one was chosen. */
static int check_reduced_motion(pack_set *packs)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    int bad = 0;
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "box-breathing"))
        return 1;
    if (pacer_style_of(&a) == PACER_CALM) {
        fprintf(stderr, "a11y: the calm style without reduced motion\n");
        bad++;
    }
    a.set.reduced_motion = true;
    if (pacer_style_of(&a) != PACER_CALM) {
        fprintf(stderr, "a11y: reduced motion did not select the calm style\n");
        bad++;
    }
    a.pacer_style = 1 + PACER_ORB; /* chosen in this session: wins */
    if (pacer_style_of(&a) != PACER_ORB) {
        fprintf(stderr, "a11y: reduced motion overrode the style chosen\n");
        bad++;
    }
    app_free(&a);
    return bad;
}

int main(void)
{
    const char *data = paths_data_dir();
    if (!data) {
        fprintf(stderr, "a11y: no data folder (set GROUNDWORK_DATA_DIR)\n");
        return 1;
    }
    char loc[PATH_MAX], fonts[PATH_MAX];
    paths_join(loc, sizeof loc, data, "locale");
    paths_join(fonts, sizeof fonts, data, "fonts");
    bindtextdomain(GW_TEXTDOMAIN, loc);
    bind_textdomain_codeset(GW_TEXTDOMAIN, "UTF-8");
    textdomain(GW_TEXTDOMAIN);

    run_options o = { .mode = "home" };
    pack_set packs;
    run_load_content(&packs, &o);
    plat_render *pr = plat_render_new_offscreen(1280, 720, fonts);
    plat_text *pt = plat_text_new(fonts);
    if (!pr || !pt) {
        fprintf(stderr, "a11y: no offscreen renderer\n");
        return 1;
    }
    const shot SHOTS[] = {
        { "library", NULL, &scene_library, 0, 0 },       { "settings", NULL, &scene_settings, 0, 0 },
        { "settings-2", NULL, &scene_settings, 0, 1 },   { "settings-3", NULL, &scene_settings, 0, 2 },
        { "progress", NULL, &scene_progress, 0, 0 },     { "checkin", NULL, &scene_checkin, 0, 0 },
        { "welcome", NULL, &scene_welcome, 0, 0 },       { "safety", NULL, &scene_safety, 0, 0 },
        { "pacer", "box-breathing", NULL, 9, 0 },        { "pacer-478", "breathing-4-7-8", NULL, 12, 0 },
        { "guided", "pmr-7", NULL, 40, 0 },              { "prompts", "grounding-54321", NULL, 2, 0 },
        { "prompts-mental", "grounding-mental", NULL, 20, 0 },
        { "prompts-mental-2", "grounding-mental", NULL, 20, 1 },
        { "pacer-done", "breathing-4-7-8", NULL, 90, 0 },    { "guided-done", "pmr-release-only", NULL, 400, 0 },
    };
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    /* 150%: where the library changes to titles only; GW_A11Y_PCT=N checks N% alone */
    static const int PCT_ALL[] = { 100, 150, 200 };
    const int *PCT = PCT_ALL;
    size_t npct = sizeof PCT_ALL / sizeof *PCT_ALL;
    int one_pct = getenv("GW_A11Y_PCT") ? atoi(getenv("GW_A11Y_PCT")) : 0;
    if (one_pct >= 100 && one_pct <= 200) {
        PCT = &one_pct;
        npct = 1;
    }
    const char *png_dir = getenv("GW_A11Y_PNG");
    int bad = 0;
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < npct; pi++)
            for (size_t si = 0; si < sizeof SHOTS / sizeof *SHOTS; si++)
                bad += check(&packs, pr, pt, LANGS[li], PCT[pi], &SHOTS[si], png_dir);
    bad += check_reduced_motion(&packs);
    bad += check_pacer_choices(&packs);
    if (plat_render_problem(pr)) {
        fprintf(stderr, "a11y: %s\n", plat_render_problem(pr));
        bad++;
    }
    plat_render_free(pr);
    plat_text_free(pt);
    pack_set_free(&packs);
    printf("a11y: %d text(s) cut off\n", bad);
    return bad ? 1 : 0;
}
