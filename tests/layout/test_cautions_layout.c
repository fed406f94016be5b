/* cautions.layout: "Before you begin" for every exercise with cautions, every page, in
 * en, es, de and ar at 100%, 150% and 200% text (1280x720, drawn headless, mirrored for
 * Arabic), as the home shows it (with "Don't show this again"):
 *  - every text lies inside the window and fits its box;
 *  - no text runs into another or under a control it is not the label of (a long
 *    caution under a long title and the "captions only" note ran past its panel, under
 *    the page count and Next, and off the screen);
 *  - Next reaches the last page, which offers Start.
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };

static plat_render *pr;
static int failures, frames;
static bool frame_bad;

static void report(const char *where, const char *what, const char *detail)
{
    frame_bad = true;
    if (++failures <= (getenv("GW_LAYOUT_ALL") ? 1000000 : 300))
        fprintf(stderr, "cautions.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

static void check_frame(const draw_list *l, int W, int H, const char *where)
{
    frames++;
    frame_bad = false;
    /* the tick box's row holds its words */
    test_check_texts(pr, l, W, H, where, report, "cautions-hide");
}

static void check(test_env *env, const exercise *e, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    app_show_cautions(&a, e);
    bool started = false;
    for (int page = 1; page <= 40 && !started; page++) {
        draw_list l = { 0 };
        app_draw(&a, &l);
        char where[200];
        snprintf(where, sizeof where, "%s %s %d%%, page %d", e->id, lang, pct, page);
        check_frame(&l, a.w, a.h, where);
        test_layout_shot(pr, &l, a.w, a.h, where, frame_bad);
        started = draw_widget_find(&l, "cautions-start") != NULL;
        bool next = draw_widget_find(&l, "page:next") != NULL;
        draw_free(&l);
        if (!started && (!next || !app_press(&a, "page:next"))) {
            report(where, "neither Start nor Next page is offered", "");
            break;
        }
    }
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "cautions.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    int exercises = 0;
    for (int i = 0; i < pack_set_exercise_count(&env.packs); i++) {
        const exercise *e = pack_set_exercise_at(&env.packs, i);
        if (!e || e->ncaution <= 0)
            continue;
        exercises++;
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                check(&env, e, LANGS[li], PCTS[pi]);
    }
    plat_render_free(pr);
    test_env_close(&env);
    printf("cautions.layout: %d exercises, %d frames, %d problem(s)\n", exercises, frames, failures);
    return failures || exercises == 0 ? 1 : 0;
}
