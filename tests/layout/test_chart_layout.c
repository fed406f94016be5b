/* chart.layout: the progress screen's month view draws each week's average ratings as
 * its legend shows them: a level line in the before colour and one in the after colour
 * (the legend's colours and thickness), across most of its week at the average's height,
 * in the calm, light and contrast themes, en, es, de and ar at 100% and 200% text
 * (1280x720, drawn headless, mirrored for Arabic). The averages were dots of 3 px
 * beside a legend of two lines, and a week alone with sessions showed a speck.
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/plog.h"
#include "core/theme.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 200 };
static const char *const THEMES[] = { "calm", "light", "contrast" };

static plat_render *pr;
static int failures, frames;

static void report(const char *where, const char *what, const char *detail)
{
    failures++;
    fprintf(stderr, "chart.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* Sessions in three of the last four weeks (the wall clock is fixed at 2026-01-01, a
 * Thursday): one in the oldest, two in the week of 15 December, none in the next, one
 * in this week. */
static const struct { const char *start; int before, after; } SESS[] = {
    { "2025-12-09T07:15:00Z", 6, 5 }, { "2025-12-16T07:00:00Z", 8, 4 }, { "2025-12-18T20:00:00Z", 5, 2 },
    { "2025-12-30T21:00:00Z", 7, 3 },
};
#define NSESS ((int)(sizeof SESS / sizeof *SESS))

static plog_session *sessions(void)
{
    plog_session *p = calloc(NSESS, sizeof *p);
    for (int i = 0; p && i < NSESS; i++) {
        p[i].id = i + 1;
        snprintf(p[i].exercise, sizeof p[i].exercise, "%s", "box-breathing");
        snprintf(p[i].start, sizeof p[i].start, "%s", SESS[i].start);
        p[i].completed = true;
        p[i].before = SESS[i].before;
        p[i].after = SESS[i].after;
        p[i].adjustments = strdup("");
        p[i].notes = strdup("");
    }
    return p;
}

static bool same(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }
static bool rgb(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }
static bool level(const draw_cmd *c) { return c->op == DRAW_LINE && fabsf(c->r.h) < 0.01f && fabsf(c->r.w) > 0.5f; }
static float left(const draw_cmd *c) { return fminf(c->r.x, c->r.x + c->r.w); }
static float right(const draw_cmd *c) { return fmaxf(c->r.x, c->r.x + c->r.w); }

static void check(test_env *env, const char *theme_name, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true, .theme = theme_name };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    plog_session *p = sessions();
    plog_summary sum;
    plog_summarise(p, NSESS, plog_day_of("2026-01-01T09:00:00Z", NULL), &sum);
    app_go(&a, SCENE_PROGRESS);
    progress_show(&a, p, NSESS, 0, 0, 0);
    draw_list l = { 0 };
    app_draw(&a, &l);
    frames++;
    char where[96], d[200];
    snprintf(where, sizeof where, "%s %s %d%%", theme_name, lang, pct);
    int before = failures;
    const theme *t = a.th;
    bool mirrored = !strcmp(lang, "ar");

    /* the legend's two lines come first, then the grid (its level lines of the track's
     * colour: 0 at the bottom, 10 at the top), then the chart's averages */
    const draw_cmd *leg[2] = { NULL, NULL };
    float gx0 = 1e9f, gx1 = -1e9f, gy0 = 1e9f, gy1 = -1e9f;
    int i = 0, ngrid = 0;
    for (; i < l.ncmd && !(leg[0] && leg[1]); i++)
        if (level(&l.cmd[i]) && (rgb(l.cmd[i].color, t->hold) || rgb(l.cmd[i].color, t->accent)))
            leg[rgb(l.cmd[i].color, t->accent)] = &l.cmd[i];
    for (; i < l.ncmd && ngrid < 6; i++)
        if (level(&l.cmd[i]) && same(l.cmd[i].color, t->ring_track)) {
            gx0 = fminf(gx0, left(&l.cmd[i]));
            gx1 = fmaxf(gx1, right(&l.cmd[i]));
            gy0 = fminf(gy0, l.cmd[i].r.y);
            gy1 = fmaxf(gy1, l.cmd[i].r.y);
            ngrid++;
        }
    if (!leg[0] || !leg[1] || ngrid < 6) {
        report(where, "the legend's weekly average or the chart's grid is not drawn", "");
        goto done;
    }
    float weekw = (gx1 - gx0) / 4;
    for (int k = 0; k < 4; k++) {
        int w = PLOG_WEEKS - 4 + k;
        /* the week's span on the screen (mirrored in Arabic: the oldest on the right) */
        float wx0 = mirrored ? gx1 - (float)(k + 1) * weekw : gx0 + (float)k * weekw, wx1 = wx0 + weekw;
        for (int pass = 0; pass < 2; pass++) {
            double v = pass ? sum.week[w].after_avg : sum.week[w].before_avg;
            const draw_cmd *want = leg[pass], *got = NULL;
            for (int j = i; j < l.ncmd; j++) {
                const draw_cmd *c = &l.cmd[j];
                if (c->op == DRAW_LINE && rgb(c->color, want->color) && right(c) > wx0 + 1 && left(c) < wx1 - 1)
                    got = c;
            }
            const char *which = pass ? "after" : "before";
            if (v < 0) {
                if (got) {
                    snprintf(d, sizeof d, "week %d, %s", k + 1, which);
                    report(where, "a week without practice has an average drawn", d);
                }
                continue;
            }
            float y = gy1 - (float)v / 10.f * (gy1 - gy0);
            if (!got) {
                snprintf(d, sizeof d, "week %d, %s %.1f", k + 1, which, v);
                report(where, "a week's average is not drawn as a line", d);
                continue;
            }
            if (!level(got) || fabsf(got->r.y - y) > 1.f || right(got) - left(got) < weekw * 0.6f || left(got) < wx0 - 1 ||
                right(got) > wx1 + 1) {
                snprintf(d, sizeof d, "week %d, %s %.1f: from x %.0f to %.0f at y %.0f to %.0f; the week %.0f to %.0f at y %.0f",
                         k + 1, which, v, (double)left(got), (double)right(got), (double)got->r.y,
                         (double)(got->r.y + got->r.h), (double)wx0, (double)wx1, (double)y);
                report(where, "a week's average is not a level line across its week", d);
            }
            if (!same(got->color, want->color) || fabsf(got->thick - want->thick) > 0.01f) {
                snprintf(d, sizeof d, "week %d, %s: alpha %d, %.1f px thick; the legend's alpha %d, %.1f px", k + 1, which,
                         got->color.a, (double)got->thick, want->color.a, (double)want->thick);
                report(where, "a week's average is not drawn as the legend shows it", d);
            }
            if (got->thick < 2.5f) {
                snprintf(d, sizeof d, "%.1f px", (double)got->thick);
                report(where, "the average's line is too thin to see", d);
            }
        }
    }
done:
    test_layout_shot(pr, &l, a.w, a.h, where, failures > before);
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "chart.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    for (size_t ti = 0; ti < sizeof THEMES / sizeof *THEMES; ti++)
        for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
            for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
                check(&env, THEMES[ti], LANGS[li], PCTS[pi]);
    plat_render_free(pr);
    test_env_close(&env);
    printf("chart.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
