/* pacer.layout: every built-in breathing exercise in every pacer style (orb, box, wave,
 * tube, calm), in en, es, de and ar at 100%, 150% and 200% text, at 1280x720 and
 * 1920x1080 (drawn headless, mirrored for Arabic), at the lead-in and at the start,
 * middle and end of every phase of the first breath:
 *  - every text (the phase word, the count, the title, the status, the controls'
 *    labels) lies inside the window and fits its box: none cut at a side or sliced
 *    through its lines (a long phase word such as "Slowly out through the mouth" at
 *    large text was squeezed into a one-line slot, pushed off the left edge, or drawn
 *    over the title);
 *  - no text runs into another, under a control it is not the label of, or partly
 *    over a shape (the calm style's bar ran over "Breath 1 of 4" at 200%);
 *  - the same at each of those moments paused: "Paused" (German "Pausiert") apart
 *    from the phase word, the count and the controls (German's "Halten" ran into it).
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
static const int SIZES[][2] = { { 1280, 720 }, { 1920, 1080 } };

static plat_render *pr;
static int failures, frames;
static bool frame_bad;

static void report(const char *where, const char *what, const char *detail)
{
    frame_bad = true;
    if (++failures <= (getenv("GW_LAYOUT_ALL") ? 1000000 : 300))
        fprintf(stderr, "pacer.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

static void check_frame(const draw_list *l, int W, int H, const char *where)
{
    frames++;
    frame_bad = false;
    test_check_texts(pr, l, W, H, where, report, NULL);
    /* a shape (the calm style's bar, a ring, the box) partly over a text: a shape
     * holding the text whole is its ground (a button, the orb, the count's ring) */
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        gw_rect ink = test_text_ink(pr, l, c);
        for (int j = 0; j < l->ncmd; j++) {
            const draw_cmd *o = &l->cmd[j];
            if (o->op == DRAW_TEXT || o->op == DRAW_GLOW || o->op == DRAW_GRADIENT)
                continue;
            gw_rect b = o->r;
            if (b.w < 0) { b.x += b.w; b.w = -b.w; }
            if (b.h < 0) { b.y += b.h; b.h = -b.h; }
            if (o->op == DRAW_LINE || o->op == DRAW_FRAME) {
                b.x -= o->thick / 2; b.y -= o->thick / 2; b.w += o->thick; b.h += o->thick;
            }
            if (o->op == DRAW_FRAME && test_inside(ink, gw_rc(b.x + o->thick, b.y + o->thick, b.w - 2 * o->thick,
                                                              b.h - 2 * o->thick), 0))
                continue; /* inside the box's frame */
            if (o->op == DRAW_RING && o->a1 - o->a0 < 1)
                continue; /* an arc: its square is mostly empty; the whole ring under it is checked */
            if (test_inside(ink, b, 1) && o->op != DRAW_FRAME)
                continue;
            if (test_overlap(ink, b, 2)) {
                char d[600], r[48], rb[48];
                test_rect_text(r, sizeof r, ink);
                test_rect_text(rb, sizeof rb, b);
                snprintf(d, sizeof d, "\"%.70s\" (%s) over a shape (op %d, %s)", draw_text_of(l, c), r, (int)o->op, rb);
                report(where, "a text and a shape overlap", d);
                break;
            }
        }
    }
}

/* The lead-in, then the start, middle and end of every phase of the first breath (and
 * of the opening breath out, where there is one). */
static int moments(const breath_pattern *p, gw_ns *out, int max)
{
    int n = 0;
    out[n++] = GW_MSEC(100);
    gw_ns t = 0, stop = p->lead_in_ns + breath_cycle_len(p) + (gw_ns)p->opening_ms * GW_NS_PER_MS + GW_MSEC(10);
    for (int guard = 0; n + 3 < max && guard < 64; guard++) {
        gw_ns b = breath_next_boundary(p, t);
        if (b == GW_NEVER || b > stop)
            break;
        out[n++] = b + GW_MSEC(20);
        gw_ns nb = breath_next_boundary(p, b);
        if (nb != GW_NEVER) {
            out[n++] = b + (nb - b) / 2;
            out[n++] = nb - GW_MSEC(20);
        }
        t = b;
    }
    return n;
}

static void check(test_env *env, const exercise *e, const char *lang, int pct, int W, int H, int style)
{
    app a;
    app_config cfg = { .mode = "home", .w = W, .h = H, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, e->id)) {
        report(e->id, "did not start", lang);
        return;
    }
    for (int k = 0; k < 8 && pacer_style_of(&a) != style; k++)
        app_press(&a, "style");
    gw_ns at[80];
    int n = moments(pacer_pattern(&a), at, 80);
    for (int i = 0; i < n; i++) {
        app_update(&a, at[i]);
        draw_list l = { 0 };
        app_draw(&a, &l);
        char where[200];
        snprintf(where, sizeof where, "%s %s %d%% %dx%d, style %s, %.2f s", e->id, lang, pct, W, H,
                 pacer_style_name(style), (double)at[i] / 1e9);
        check_frame(&l, W, H, where);
        test_layout_shot(pr, &l, W, H, where, frame_bad);
        draw_free(&l);
        /* paused at the same moment, then going on from it (no time passes paused) */
        app_set_paused(&a, true);
        l = (draw_list){ 0 };
        app_draw(&a, &l);
        snprintf(where + strlen(where), sizeof where - strlen(where), ", paused");
        check_frame(&l, W, H, where);
        test_layout_shot(pr, &l, W, H, where, frame_bad);
        draw_free(&l);
        app_set_paused(&a, false);
    }
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "pacer.layout"))
        return 1;
    pr = test_env_render(&env, 1920, 1080);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    int exercises = 0;
    for (int i = 0; i < pack_set_exercise_count(&env.packs); i++) {
        const exercise *e = pack_set_exercise_at(&env.packs, i);
        if (!e || e->kind != EX_BREATHING)
            continue;
        exercises++;
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                for (size_t si = 0; si < sizeof SIZES / sizeof *SIZES; si++)
                    for (int style = 0; style < PACER_STYLE_COUNT; style++)
                        check(&env, e, LANGS[li], PCTS[pi], SIZES[si][0], SIZES[si][1], style);
    }
    plat_render_free(pr);
    test_env_close(&env);
    printf("pacer.layout: %d breathing exercises, %d frames, %d problem(s)\n", exercises, frames, failures);
    return failures || exercises == 0 ? 1 : 0;
}
