/* attract.layout: the kiosk's resting screen keeps its crisis line readable from a step
 * back: at the body text's size of the type scale (24 u, at the person's text size) or
 * larger, wrapped inside the window and not cut;
 * and no text of the screen runs out of the window, out of its box or into another.
 * In en, es, de and ar (each with its own region's line) at 100% and 200% text, at
 * 1280x720, 1920x1080 and in portrait (1080x1920), drawn headless, mirrored for Arabic.
 * A kiosk turning through the four languages keeps its figure in place as they turn.
 * The line was drawn at 20 u and made smaller still to fit a fifth of the height: the
 * smallest text on the screen. GW_LAYOUT_SHOTS=DIR writes each frame with a problem there
 * as a PNG (all frames with GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "core/i18n.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 200 };
static const struct { int w, h; } SIZES[] = { { 1280, 720 }, { 1920, 1080 }, { 1080, 1920 } };

static int failures, frames;

static void report(const char *where, const char *what, const char *detail)
{
    failures++;
    fprintf(stderr, "attract.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

static void check(test_env *env, plat_render *pr, int W, int H, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "kiosk", .w = W, .h = H, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    app_update(&a, 0);
    draw_list l = { 0 };
    app_draw(&a, &l);
    frames++;
    char where[96], d[200];
    snprintf(where, sizeof where, "%dx%d %s %d%%", W, H, lang, pct);
    int before = failures;
    if (!app_showing(&a, SCENE_ATTRACT)) {
        report(where, "the kiosk does not rest on its attract screen", "");
        goto done;
    }
    /* the crisis line: the text drawn just before Help's label (Help is one tap from it) */
    const char *help = _("Help");
    const draw_cmd *line = NULL;
    for (int i = 1; i < l.ncmd && !line; i++)
        if (l.cmd[i].op == DRAW_TEXT && !strcmp(draw_text_of(&l, &l.cmd[i]), help))
            for (int j = i - 1; j >= 0 && !line; j--)
                if (l.cmd[j].op == DRAW_TEXT)
                    line = &l.cmd[j];
    if (!line) {
        report(where, "no crisis line before Help", "");
        goto done;
    }
    float u = fminf((float)W / 1280.f, (float)H / 720.f);
    int body = (int)lroundf(24 * u * (float)pct / 100.f);
    if (line->font_px < body - 1) {
        snprintf(d, sizeof d, "%d px, the body text %d px: \"%.60s\"", line->font_px, body, draw_text_of(&l, line));
        report(where, "the crisis line is smaller than the body text", d);
    }
    if (!test_text_fits(pr, &l, line, 1)) {
        char r[48];
        test_rect_text(r, sizeof r, line->r);
        snprintf(d, sizeof d, "box %s at %d px", r, line->font_px);
        report(where, "the crisis line does not fit its box (cut)", d);
    }
    /* every text: inside the window, fitting, apart ("begin" is the whole screen) */
    test_check_texts(pr, &l, W, H, where, report, "begin");
done:
    test_layout_shot(pr, &l, W, H, where, failures > before);
    draw_free(&l);
    app_free(&a);
}

/* The orb's centre in a drawn frame (the first disc drawn), or -1. */
static float orb_x(const draw_list *l)
{
    for (int i = 0; i < l->ncmd; i++)
        if (l->cmd[i].op == DRAW_CIRCLE)
            return l->cmd[i].r.x + l->cmd[i].r.w / 2;
    return -1;
}

/* A kiosk turning through en, es, de and ar (4 s each): the figure keeps its place as
 * the words turn, wherever each language's crisis line would want to go. */
static void check_turning(test_env *env, plat_render *pr, const char *conf, int pct)
{
    app a;
    app_config cfg = { .mode = "kiosk", .w = 1280, .h = 720, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true, .kiosk_config = conf };
    char where[64], d[160];
    snprintf(where, sizeof where, "turning en, es, de, ar at %d%%", pct);
    if (!app_init(&a, &cfg)) {
        report(where, "app_init failed", "");
        return;
    }
    float x0 = -1;
    for (int k = 0; k < 4; k++) {
        app_update(&a, GW_SEC(4) * k + GW_SEC(1));
        draw_list l = { 0 };
        app_draw(&a, &l);
        frames++;
        float x = orb_x(&l);
        if (k == 0)
            x0 = x;
        else if (x < 0 || fabsf(x - x0) > 3) {
            snprintf(d, sizeof d, "its centre at x %.0f in %s, %.0f in en", (double)x, a.lang, (double)x0);
            report(where, "the figure moves as the language turns", d);
        }
        test_layout_shot(pr, &l, 1280, 720, where, false);
        draw_free(&l);
    }
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "attract.layout"))
        return 1;
    for (size_t si = 0; si < sizeof SIZES / sizeof *SIZES; si++) {
        plat_render *pr = test_env_render(&env, SIZES[si].w, SIZES[si].h);
        if (!pr) {
            test_env_close(&env);
            return 1;
        }
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                check(&env, pr, SIZES[si].w, SIZES[si].h, LANGS[li], PCTS[pi]);
        plat_render_free(pr);
    }
    /* a kiosk whose screen turns through the four languages */
    char conf[] = "/tmp/gw-attract-layout-XXXXXX";
    int fd = mkstemp(conf);
    plat_render *pr = fd >= 0 ? test_env_render(&env, 1280, 720) : NULL;
    if (fd >= 0) {
        FILE *f = fdopen(fd, "w");
        if (f) {
            fputs("{\"languages\": [\"en\", \"es\", \"de\", \"ar\"]}\n", f);
            fclose(f);
        }
        for (size_t pi = 0; pr && pi < sizeof PCTS / sizeof *PCTS; pi++)
            check_turning(&env, pr, conf, PCTS[pi]);
        check_turning(&env, pr, conf, 150);
        unlink(conf);
    }
    if (pr)
        plat_render_free(pr);
    test_env_close(&env);
    printf("attract.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
