/* progress.layout: the progress screen with a session's details open, in en, es, de and
 * ar at 100%, 150% and 200% text (1280x720, drawn headless, mirrored for Arabic), this
 * week and the last four, each session chosen in turn (early in the week and late, a
 * long note and none):
 *  - the details cover none of the ratings chart's words (its numbers, the days' and
 *    weeks' names, the legend, its title) nor the screen's (the summary, the buttons);
 *    at 100% they lie over the other two charts' column, as designed;
 *  - nor the mark of the session it describes;
 *  - it stays inside the window and every text in it fits its box.
 * GW_LAYOUT_SHOTS=DIR writes each frame with a problem there as a PNG (all frames with
 * GW_LAYOUT_ALL set too). Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/plog.h"
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
        fprintf(stderr, "progress.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* The practice log shown: days across the last four weeks (the wall clock is fixed at
 * 2026-01-01, a Thursday), the first and last days of this week, notes long and short. */
static const struct {
    const char *start, *ex;
    int before, after;
    const char *note;
} S[] = {
    { "2025-12-08T08:00:00Z", "box-breathing", 7, 4, "" },
    { "2025-12-16T19:30:00Z", "grounding-54321", 9, 5,
      "5 things you can see: the lamp, the window, a blue cup, my hands, the rug\n4 things you can touch: the "
      "chair, my sleeves, the table, the floor under my feet\n3 things you can hear: rain, the fridge, a car" },
    { "2025-12-29T07:15:00Z", "breathing-4-7-8", 8, 5, "" },
    { "2025-12-30T21:00:00Z", "grounding-54321", 6, 2, "5 things you can see: a blue cup" },
    { "2025-12-30T22:00:00Z", "pmr-7", 5, 3, "" },
    { "2026-01-01T07:00:00Z", "box-breathing", 4, 1, "" },
};
#define NS ((int)(sizeof S / sizeof *S))

static plog_session *sessions(void)
{
    plog_session *p = calloc(NS, sizeof *p);
    for (int i = 0; p && i < NS; i++) {
        p[i].id = i + 1;
        snprintf(p[i].exercise, sizeof p[i].exercise, "%s", S[i].ex);
        snprintf(p[i].start, sizeof p[i].start, "%s", S[i].start);
        p[i].completed = true;
        p[i].before = S[i].before;
        p[i].after = S[i].after;
        p[i].adjustments = strdup("");
        p[i].notes = strdup(S[i].note);
    }
    return p;
}

/* The other charts' panels (minutes, days): the theme's surface, large, without the
 * ratings chart's Week switch. */
static bool in_other_chart(const app *a, const draw_list *l, gw_rect ink)
{
    const draw_widget *week = draw_widget_find(l, "view:week");
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op == DRAW_RECT && c->r.w > 150 && c->r.h > 150 && !memcmp(&c->color, &a->th->surface, sizeof c->color) &&
            !(week && test_inside(week->r, c->r, 0)) && test_inside(ink, c->r, 1))
            return true;
    }
    return false;
}

static void check_frame(const app *a, const draw_list *l, int W, int H, long long sel, const char *where)
{
    frames++;
    frame_bad = false;
    const draw_widget *panel = draw_widget_find(l, "session-detail");
    char id[32];
    snprintf(id, sizeof id, "session:%lld", sel);
    const draw_widget *mark = draw_widget_find(l, id);
    if (!mark) /* not on this chart (another week) */
        return;
    if (!panel) {
        report(where, "no details panel for the chosen session", "");
        return;
    }
    gw_rect P = panel->r;
    char pr_[48];
    test_rect_text(pr_, sizeof pr_, P);
    if (!test_inside(P, gw_rc(0, 0, (float)W, (float)H), 1))
        report(where, "the details panel is not inside the window", pr_);
    if (test_overlap(P, mark->r, 1))
        report(where, "the details panel covers the session it describes", pr_);
    /* the panel's own commands come after its rectangle: everything drawn before it is
     * the screen it lies over */
    int own = l->ncmd;
    for (int i = 0; i < l->ncmd && own == l->ncmd; i++)
        if (l->cmd[i].op == DRAW_RECT && !memcmp(&l->cmd[i].r, &P, sizeof P))
            own = i;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT || !*draw_text_of(l, c))
            continue;
        gw_rect ink = test_text_ink(pr, l, c);
        if (i > own) { /* the panel's own words */
            if (!test_text_fits(pr, l, c, (c->flags & TEXT_FIT) ? 0.8f : 1.f)) {
                char d[200];
                snprintf(d, sizeof d, "\"%.80s\" at %d px in %.0fx%.0f", draw_text_of(l, c), c->font_px,
                         (double)c->r.w, (double)c->r.h);
                report(where, "a text of the panel does not fit its box", d);
            }
            continue;
        }
        if (test_overlap(ink, P, 1) && !in_other_chart(a, l, ink)) {
            char d[240], r[48];
            test_rect_text(r, sizeof r, ink);
            snprintf(d, sizeof d, "\"%.60s\" (%s) under the panel (%s)", draw_text_of(l, c), r, pr_);
            report(where, "the details panel covers a label", d);
        }
    }
    for (int w = 0; w < l->nwid; w++) {
        const draw_widget *x = &l->wid[w];
        if (x == panel || !strcmp(x->id, "detail-close") || !strncmp(x->id, "session:", 8))
            continue;
        if (test_overlap(x->r, P, 1)) {
            char d[160];
            snprintf(d, sizeof d, "%s under the panel (%s)", x->id, pr_);
            report(where, "the details panel covers a control", d);
        }
    }
}

static void check(test_env *env, const char *lang, int pct, int view, long long sel)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    app_go(&a, SCENE_PROGRESS);
    progress_show(&a, sessions(), NS, view, sel, 0);
    draw_list l = { 0 };
    app_draw(&a, &l);
    char where[160];
    snprintf(where, sizeof where, "%s %d%%, %s, session %lld (%s)", lang, pct, view ? "this week" : "four weeks", sel,
             S[sel - 1].start);
    check_frame(&a, &l, a.w, a.h, sel, where);
    test_layout_shot(pr, &l, a.w, a.h, where, frame_bad);
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "progress.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
            for (int view = 0; view < 2; view++)
                for (long long sel = 1; sel <= NS; sel++)
                    check(&env, LANGS[li], PCTS[pi], view, sel);
    plat_render_free(pr);
    test_env_close(&env);
    printf("progress.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
