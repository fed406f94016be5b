/* welcome.layout: the first-run welcome keeps the design's spacing (docs/design.md: 10 u
 * between related things, 16 between groups) at every text size: the title over its
 * text, that text over the "practice aid" panel, the panel's words clear of its edges,
 * the panel over where the log is kept, that over Continue, and Continue's label clear
 * of its edges; every text inside the window, fitting its box and over no other. In en,
 * es, de and ar at 100%, 150% and 200% text, at 1280x720 and 1920x1080 (drawn headless,
 * mirrored for Arabic). At 200% the texts ran together (8 u from the title to its text,
 * the panel's words 8 u from its edges, the log's words 10 u over Continue).
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };
static const struct { int w, h; } SIZES[] = { { 1280, 720 }, { 1920, 1080 } };

static int failures, frames;

static void report(const char *where, const char *what, const char *detail)
{
    failures++;
    fprintf(stderr, "welcome.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* Whether `lower` starts at least `want` px under `upper`'s end; else says so. */
static void apart(const char *where, const char *a, float upper_end, const char *b, float lower_top, float want)
{
    float gap = lower_top - upper_end;
    if (gap < want - 1) {
        char d[160];
        snprintf(d, sizeof d, "%s and %s %.0f px apart, at least %.0f wanted", a, b, (double)gap, (double)want);
        report(where, "too close", d);
    }
}

static void check(test_env *env, plat_render *pr, int W, int H, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "home", .w = W, .h = H, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    app_go(&a, SCENE_WELCOME);
    draw_list l = { 0 };
    app_draw(&a, &l);
    frames++;
    char where[96];
    snprintf(where, sizeof where, "%dx%d %s %d%%", W, H, lang, pct);
    int before = failures;
    float u = fminf((float)W / 1280.f, (float)H / 720.f);
    /* the texts in drawing order: title, what it is, the panel's, where the log is, Continue */
    const draw_cmd *txt[5] = { 0 }, *panel = NULL;
    int nt = 0;
    for (int i = 0; i < l.ncmd; i++) {
        if (l.cmd[i].op == DRAW_TEXT && draw_text_of(&l, &l.cmd[i])[0] && nt < 5)
            txt[nt++] = &l.cmd[i];
        else if (l.cmd[i].op == DRAW_RECT && nt == 2 && !panel)
            panel = &l.cmd[i];
    }
    const draw_widget *cont = draw_widget_find(&l, "welcome-continue");
    if (nt < 5 || !panel || !cont) {
        report(where, "the welcome's texts, panel or Continue are not all drawn", "");
        goto done;
    }
    gw_rect ink[5];
    for (int k = 0; k < 5; k++)
        ink[k] = test_text_ink(pr, &l, txt[k]);
    apart(where, "the title", ink[0].y + ink[0].h, "its text", ink[1].y, 10 * u);
    apart(where, "the text", ink[1].y + ink[1].h, "the practice-aid panel", panel->r.y, 16 * u);
    apart(where, "the panel's top", panel->r.y, "its words", ink[2].y, 10 * u);
    apart(where, "the panel's words", ink[2].y + ink[2].h, "its bottom", panel->r.y + panel->r.h, 10 * u);
    apart(where, "the panel", panel->r.y + panel->r.h, "where the log is", ink[3].y, 16 * u);
    apart(where, "where the log is", ink[3].y + ink[3].h, "Continue", cont->r.y, 16 * u);
    apart(where, "Continue's left edge", cont->r.x, "its label", ink[4].x, 10 * u);
    apart(where, "Continue's label", ink[4].x + ink[4].w, "its right edge", cont->r.x + cont->r.w, 10 * u);
    apart(where, "the window's top", 0, "the first text", ink[0].y, 24 * u);
    apart(where, "Continue", cont->r.y + cont->r.h, "the window's bottom", (float)H, 24 * u);
    test_check_texts(pr, &l, W, H, where, report, NULL);
done:
    test_layout_shot(pr, &l, W, H, where, failures > before);
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    char home[64];
    if (!test_layout_home(home, sizeof home)) /* the data folder it shows, as long as a usual one */
        return 1;
    test_env env;
    if (!test_env_open(&env, "welcome.layout")) {
        test_layout_home_remove(home);
        return 1;
    }
    for (size_t si = 0; si < sizeof SIZES / sizeof *SIZES; si++) {
        plat_render *pr = test_env_render(&env, SIZES[si].w, SIZES[si].h);
        if (!pr) {
            test_env_close(&env);
            test_layout_home_remove(home);
            return 1;
        }
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                check(&env, pr, SIZES[si].w, SIZES[si].h, LANGS[li], PCTS[pi]);
        plat_render_free(pr);
    }
    test_env_close(&env);
    test_layout_home_remove(home);
    printf("welcome.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
