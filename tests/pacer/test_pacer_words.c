/* The pacer's words through whole breaths: every built-in breathing exercise, in every
 * pacer style, in en, es, de and ar, at 100% and 200% text, at the lead-in and at the
 * start, middle and end of every phase of the first breaths. A word drawn in the
 * background colour (on the orb) must lie inside the orb drawn under it, with its real
 * measured width: a word wider than the orb at that moment is cut at the orb's edge
 * ("reathe i", "Einatme"). No text may be drawn smaller than 80% of its size to fit.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <libintl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_text.h"
#include "test_env.h"

static plat_text *pt;
static int failures, frames, checked;

static bool same(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

static void report(const char *what, const char *ex, const char *lang, int pct, int style, double t, const char *text)
{
    if (++failures <= 400)
        fprintf(stderr, "pacer words: %s: %s, %s at %d%%, style %s, %.2f s: \"%s\"\n", what, ex, lang, pct,
                pacer_style_name(style), t, text);
}

static void check_frame(const app *a, const draw_list *l, const char *lang, int pct, int style, double t)
{
    frames++;
    const draw_cmd *orb = NULL;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op == DRAW_CIRCLE && !same(c->color, a->th->bg))
            orb = c;
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        const char *s = draw_text_of(l, c);
        plat_text_size m;
        bool bold = (c->flags >> 8) & 1;
        if (!plat_text_measure(pt, s, c->font_px, bold, (c->flags & TEXT_FIT) ? 0 : (int)c->r.w, &m))
            continue;
        if (c->r.w > 0 && (float)m.w > c->r.w + 1 && !(c->flags & TEXT_FIT))
            report("wider than its box", a->ex->id, lang, pct, style, t, s);
        if (!same(c->color, a->th->bg))
            continue; /* light text on the dark background */
        /* dark text: on the orb, whole */
        checked++;
        if (!orb) {
            report("dark text with no orb under it", a->ex->id, lang, pct, style, t, s);
            continue;
        }
        float cx = orb->r.x + orb->r.w / 2, cy = orb->r.y + orb->r.h / 2, r = orb->radius;
        float w = (float)m.w, h = (float)m.h * 0.72f; /* the glyphs, not the line's leading */
        float x0 = c->r.x + (c->r.w - w) / 2, y0 = c->r.y + (c->r.h - h) / 2;
        float xs[2] = { x0, x0 + w }, ys[2] = { y0, y0 + h };
        for (int k = 0; k < 4; k++) {
            float dx = xs[k & 1] - cx, dy = ys[k >> 1] - cy;
            if (sqrtf(dx * dx + dy * dy) > r + 1) {
                report("cut by the orb's edge", a->ex->id, lang, pct, style, t, s);
                break;
            }
        }
    }
}

/* Moments to look at: the lead-in, then every phase boundary of the first two breaths,
 * a moment either side of it and the middle of each phase. */
static int moments(const breath_pattern *p, gw_ns *out, int max)
{
    int n = 0;
    out[n++] = GW_MSEC(100);
    out[n++] = p->lead_in_ns > GW_MSEC(200) ? p->lead_in_ns - GW_MSEC(100) : GW_MSEC(150);
    gw_ns t = 0, end = breath_total(p), stop = p->lead_in_ns + 2 * breath_cycle_len(p) + GW_SEC(10);
    for (int guard = 0; n + 3 < max && guard < 64; guard++) {
        gw_ns b = breath_next_boundary(p, t);
        if (b == GW_NEVER || b >= end || b > stop)
            break;
        out[n++] = b + GW_MSEC(20);
        out[n++] = b - GW_MSEC(20);
        gw_ns nb = breath_next_boundary(p, b);
        if (nb != GW_NEVER)
            out[n++] = b + (nb - b) / 2;
        t = b;
    }
    return n;
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "pacer words"))
        return 1;
    pt = test_env_text(&env);
    if (!pt)
        return 1;
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    static const int PCTS[] = { 100, 200 };
    int exercises = 0;
    for (int e = 0; e < pack_set_exercise_count(&env.packs); e++) {
        const exercise *ex = pack_set_exercise_at(&env.packs, e);
        if (ex->kind != EX_BREATHING)
            continue;
        exercises++;
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                for (int style = 0; style < PACER_STYLE_COUNT; style++) {
                    app a;
                    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = LANGS[li], .text_pct = PCTS[pi],
                                       .packs = &env.packs, .no_personal = true, .wall_fixed = true };
                    if (!app_init(&a, &cfg) || !app_start_exercise(&a, ex->id)) {
                        fprintf(stderr, "pacer words: %s did not start\n", ex->id);
                        return 1;
                    }
                    for (int k = 0; k < 8 && pacer_style_of(&a) != style; k++)
                        app_press(&a, "style");
                    gw_ns at[160];
                    int n = moments(pacer_pattern(&a), at, 160);
                    draw_list l = { 0 };
                    for (int i = 0; i < n; i++) {
                        app_update(&a, at[i]);
                        app_draw(&a, &l);
                        check_frame(&a, &l, LANGS[li], PCTS[pi], style, (double)at[i] / 1e9);
                    }
                    draw_free(&l);
                    app_free(&a);
                }
    }
    plat_text_free(pt);
    test_env_close(&env);
    printf("pacer words: %d breathing exercises, %d frames, %d words on the orb checked, %d problems\n", exercises,
           frames, checked, failures);
    return failures || exercises == 0 || checked == 0 ? 1 : 0;
}
