/* controls.layout: at 100% text the breathing exercise's controls stay one row under
 * the figure in every language, as in English (labels on two lines, or the status a
 * little smaller, rather than a column beside the figure): Shorter, Pause, Longer,
 * Style, Sound and Voice guidance side by side, left to right in order (mirrored in
 * Arabic), in the window's lowest fifth, none over another; the row keeps its place
 * when Pause, Sound, Voice guidance and Style change their labels; every text of the
 * frame inside the window, fitting its box and apart, running and paused (the word
 * "Paused" apart from the phase word: German's "Halten" ran into "Pausiert"). In en,
 * es, de and ar at 1280x720 and 1920x1080. Spanish put them in a column at the right. GW_LAYOUT_SHOTS=DIR writes
 * each frame with a problem there as a PNG (all frames with GW_LAYOUT_ALL set too).
 * Needs GROUNDWORK_DATA_DIR=<build>/data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const struct { int w, h; } SIZES[] = { { 1280, 720 }, { 1920, 1080 } };
static const char *const IDS[] = { "shorter", "pause", "longer", "style", "mute", "speak" };
#define NIDS 6

static int failures, frames;

static void report(const char *where, const char *what, const char *detail)
{
    failures++;
    fprintf(stderr, "controls.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* The controls' rectangles in a drawn frame; false (said) when one is missing. */
static bool find(const draw_list *l, const char *where, gw_rect *r)
{
    for (int i = 0; i < NIDS; i++) {
        const draw_widget *w = draw_widget_find(l, IDS[i]);
        if (!w) {
            report(where, "a control is not drawn", IDS[i]);
            return false;
        }
        r[i] = w->r;
    }
    return true;
}

/* One frame: the controls in one row, low, in order; each text fitting. */
static void frame(app *a, plat_render *pr, int W, int H, const char *where, gw_rect *r)
{
    draw_list l = { 0 };
    app_draw(a, &l);
    frames++;
    int before = failures;
    char d[200];
    bool rtl = !strcmp(a->lang, "ar");
    if (find(&l, where, r)) {
        for (int i = 0; i < NIDS; i++) {
            if (fabsf(r[i].y - r[0].y) > 0.5f || fabsf(r[i].h - r[0].h) > 0.5f) {
                snprintf(d, sizeof d, "%s at y %.0f (%.0f tall), %s at y %.0f (%.0f tall)", IDS[i], (double)r[i].y,
                         (double)r[i].h, IDS[0], (double)r[0].y, (double)r[0].h);
                report(where, "the controls are not one row", d);
                break;
            }
            if (r[i].y < (float)H * 0.8f || r[i].y + r[i].h > (float)H) {
                snprintf(d, sizeof d, "%s from y %.0f to %.0f", IDS[i], (double)r[i].y, (double)(r[i].y + r[i].h));
                report(where, "a control is not under the figure in the window's lowest fifth", d);
                break;
            }
            if (i > 0 && (rtl ? r[i].x + r[i].w > r[i - 1].x : r[i].x < r[i - 1].x + r[i - 1].w)) {
                snprintf(d, sizeof d, "%s and %s", IDS[i - 1], IDS[i]);
                report(where, "two controls overlap or are out of order", d);
                break;
            }
        }
    }
    test_check_texts(pr, &l, W, H, where, report, NULL);
    test_layout_shot(pr, &l, W, H, where, failures > before);
    draw_free(&l);
}

static void check(test_env *env, plat_render *pr, int W, int H, const char *lang)
{
    app a;
    app_config cfg = { .mode = "home", .w = W, .h = H, .lang = lang, .text_pct = 100, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    char where[96];
    snprintf(where, sizeof where, "%dx%d %s", W, H, lang);
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "box-breathing")) {
        report(where, "box breathing did not start", "");
        return;
    }
    app_update(&a, 10 * GW_NS_PER_SEC);
    gw_rect first[NIDS], now[NIDS];
    frame(&a, pr, W, H, where, first);
    /* each control that changes its label: the row stays where it was */
    static const char *const PRESS[] = { "mute", "speak", "pause", "style", "style", "style", "style" };
    for (size_t k = 0; k < sizeof PRESS / sizeof *PRESS; k++) {
        app_press(&a, PRESS[k]);
        char w2[128];
        snprintf(w2, sizeof w2, "%s after %s (%zu)", where, PRESS[k], k + 1);
        frame(&a, pr, W, H, w2, now);
        for (int i = 0; i < NIDS; i++)
            if (fabsf(now[i].x - first[i].x) > 0.5f || fabsf(now[i].y - first[i].y) > 0.5f ||
                fabsf(now[i].w - first[i].w) > 0.5f || fabsf(now[i].h - first[i].h) > 0.5f) {
                char d[160], r1[48], r2[48];
                test_rect_text(r1, sizeof r1, first[i]);
                test_rect_text(r2, sizeof r2, now[i]);
                snprintf(d, sizeof d, "%s from %s to %s", IDS[i], r1, r2);
                report(w2, "the row moved as a label changed", d);
                break;
            }
    }
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "controls.layout"))
        return 1;
    for (size_t si = 0; si < sizeof SIZES / sizeof *SIZES; si++) {
        plat_render *pr = test_env_render(&env, SIZES[si].w, SIZES[si].h);
        if (!pr) {
            test_env_close(&env);
            return 1;
        }
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            check(&env, pr, SIZES[si].w, SIZES[si].h, LANGS[li]);
        plat_render_free(pr);
    }
    test_env_close(&env);
    printf("controls.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
