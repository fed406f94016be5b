/* guided.hand_question: "Which hand do you write with?" (asked at home before the
 * muscle relaxation's first step on one side) never covers the body map: in en, es, de
 * and ar at 100%, 150% and 200% text, at 1024x600, 1280x720 and 1920x1080, no part of
 * the figure (drawn in the body's colour, its soft glow aside) reaches into the
 * question's box. Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/run.h"
#include "core/guided.h"
#include "core/theme.h"
#include "test_env.h"

static gw_rect norm(gw_rect r)
{
    if (r.w < 0) {
        r.x += r.w;
        r.w = -r.w;
    }
    if (r.h < 0) {
        r.y += r.h;
        r.h = -r.h;
    }
    return r;
}

static bool overlap(gw_rect a, gw_rect b)
{
    return a.x < b.x + b.w - 0.5f && b.x < a.x + a.w - 0.5f && a.y < b.y + b.h - 0.5f && b.y < a.y + a.h - 0.5f;
}

static bool same(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

static int check(pack_set *packs, const char *lang, int pct, int w, int h)
{
    app a;
    app_config cfg = { .mode = "home", .w = w, .h = h, .lang = lang, .text_pct = pct, .packs = packs,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg))
        return 1;
    if (!app_start_exercise(&a, "pmr-7")) {
        fprintf(stderr, "hand_question: no exercise pmr-7\n");
        app_free(&a);
        return 1;
    }
    int bad = 0, asked = 0;
    const exercise *e = a.ex;
    for (int i = 0; i < e->nstep && i < 4; i++) {
        gw_ns t = guided_step_start(e, i) + guided_step_length(&e->step[i]) / 2;
        app_update(&a, t);
        draw_list l = { 0 };
        app_draw(&a, &l);
        const draw_widget *right = draw_widget_find(&l, "hand:right");
        if (right) {
            asked++;
            /* the question's box: the panel under its buttons */
            int box = -1;
            for (int k = 0; k < l.ncmd; k++) {
                const draw_cmd *c = &l.cmd[k];
                if (c->op == DRAW_RECT && same(c->color, a.th->surface) && c->r.x <= right->r.x &&
                    c->r.y <= right->r.y && c->r.x + c->r.w >= right->r.x + right->r.w &&
                    c->r.y + c->r.h >= right->r.y + right->r.h)
                    box = k;
            }
            if (box < 0) {
                fprintf(stderr, "hand_question: %s %d%% %dx%d, step %d: no box around the question\n", lang, pct, w,
                        h, i + 1);
                bad++;
            }
            for (int k = 0; k < box; k++) {
                const draw_cmd *c = &l.cmd[k];
                if (c->op == DRAW_TEXT || c->op == DRAW_GLOW || c->op == DRAW_GRADIENT ||
                    !same(c->color, a.th->ring_track))
                    continue;
                gw_rect r = norm(c->r);
                if (c->op == DRAW_LINE) { /* a limb: a thick line */
                    r.x -= c->thick / 2;
                    r.y -= c->thick / 2;
                    r.w += c->thick;
                    r.h += c->thick;
                }
                if (overlap(r, l.cmd[box].r)) {
                    fprintf(stderr,
                            "hand_question: %s %d%% %dx%d, step %d: the body map (%.0f,%.0f %.0fx%.0f) runs under "
                            "the question (%.0f,%.0f %.0fx%.0f)\n",
                            lang, pct, w, h, i + 1, r.x, r.y, r.w, r.h, l.cmd[box].r.x, l.cmd[box].r.y,
                            l.cmd[box].r.w, l.cmd[box].r.h);
                    bad++;
                    break;
                }
            }
        }
        draw_free(&l);
    }
    if (!asked) {
        fprintf(stderr, "hand_question: %s %d%% %dx%d: the hand was never asked\n", lang, pct, w, h);
        bad++;
    }
    app_free(&a);
    return bad;
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "hand_question"))
        return 1;
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    static const int PCT[] = { 100, 150, 200 };
    static const int SIZE[][2] = { { 1024, 600 }, { 1280, 720 }, { 1920, 1080 } };
    int bad = 0;
    for (int g = 0; g < 4; g++)
        for (int p = 0; p < 3; p++)
            for (int s = 0; s < 3; s++)
                bad += check(&env.packs, LANGS[g], PCT[p], SIZE[s][0], SIZE[s][1]);
    test_env_close(&env);
    if (bad)
        fprintf(stderr, "hand_question: %d problem(s)\n", bad);
    return bad ? 1 : 0;
}
