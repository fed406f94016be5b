/* Heart-rate frames, from synthetic recordings, as a person sees them: the pacer with the
 * heart-rate line and the swing per breath beside it (resonance breathing, every pacer
 * style) and the assessment's result screen, in en, es, de and ar at 100% and 200% text.
 *  - the swing figure shows once a breath has been measured, with the value the
 *    recording was made with (about 8 beats a minute), and not before;
 *  - its words fit their boxes (no text drawn at less than 80% of its size), inside the
 *    window, clear of every other text and every control;
 *  - between two frames as a breath's swing is measured (calm style, nothing else
 *    moving), only the row under the figure is drawn again;
 *  - the result screen names the rate and lists every block, every text fitting.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "test_env.h"

static plat_text *pt;
static int failures, frames;
static const char *who = "hr frames";

static void report(const char *what, const char *lang, int pct, const char *where, const char *text)
{
    if (++failures <= 200)
        fprintf(stderr, "%s: %s: %s at %d%%, %s: \"%s\"\n", who, what, lang, pct, where, text);
}

/* A recording whose heart rate swings by swing[k] in the k-th part of the breathing
 * (parts of `part_ms` each, breaths of breath_ms[k]), back to back from 0. */
static int synth(double *rr, int max, int nparts, const double *swing, const int *breath_ms, const double *part_ms)
{
    double t = 0, start = 0;
    int n = 0, k = 0;
    while (n < max && k < nparts) {
        if (t >= start + part_ms[k]) {
            start += part_ms[k];
            if (++k == nparts)
                break;
        }
        double hr = 66 + swing[k] / 2 * sin(2 * M_PI * (t - start) / breath_ms[k]);
        rr[n] = 60000.0 / hr;
        t += rr[n++];
    }
    for (int i = 0; i < 8 && n < max; i++) /* a few beats past the end */
        rr[n++] = 900;
    return n;
}

static bool overlap(gw_rect a, gw_rect b)
{
    return a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
}

/* Whether text command c is drawn at 80% of its size or more, and inside the window. */
static bool fits(const draw_list *l, const draw_cmd *c, int W, int H)
{
    plat_text_size m;
    const char *s = draw_text_of(l, c);
    if (!plat_text_measure(pt, s, c->font_px, (c->flags >> 8) & 1, (c->flags & TEXT_FIT) ? 0 : (int)c->r.w, &m))
        return true;
    float w = (float)m.w * 0.8f, h = (float)m.h * 0.8f;
    return (c->r.w <= 0 || w <= c->r.w + 1) && (c->r.h <= 0 || h <= c->r.h * 1.12f + 2) && c->r.x >= -1 &&
           c->r.y >= -1 && c->r.x + c->r.w <= (float)W + 1 && c->r.y + c->r.h <= (float)H + 1;
}

/* The pacer frame: the swing's two lines (found by their words) and their neighbours. */
static int check_pacer(const app *a, const draw_list *l, const char *lang, int pct, const char *where, bool want)
{
    frames++;
    char value[32];
    const char *caps[2] = { _("swing per breath"), _("swing growing") };
    int found = 0;
    for (int i = 0; i < l->ncmd; i++) {
        const draw_cmd *c = &l->cmd[i];
        if (c->op != DRAW_TEXT)
            continue;
        const char *s = draw_text_of(l, c);
        bool cap = !strcmp(s, caps[0]) || !strcmp(s, caps[1]);
        int v = -1;
        for (int k = 0; k < 40 && !cap; k++) {
            snprintf(value, sizeof value, _("%d bpm"), k);
            if (!strcmp(s, value))
                v = k;
        }
        if (!cap && v < 0)
            continue;
        found++;
        if (v >= 0 && (v < 7 || v > 9))
            report("the swing is not about 8 bpm", lang, pct, where, s);
        if (!fits(l, c, a->w, a->h))
            report("the swing's words do not fit", lang, pct, where, s);
        for (int j = 0; j < l->ncmd; j++) {
            const draw_cmd *o = &l->cmd[j];
            if (o == c || o->op != DRAW_TEXT || !*draw_text_of(l, o))
                continue;
            const char *t = draw_text_of(l, o);
            bool mine = !strcmp(t, caps[0]) || !strcmp(t, caps[1]) || strstr(t, "bpm") || strstr(t, "lpm") ||
                        strstr(t, "S/min") || strstr(t, "دقيقة");
            if (!mine && overlap(c->r, o->r))
                report("the swing's words overlap another text", lang, pct, where, t);
        }
        for (int w = 0; w < l->nwid; w++)
            if (overlap(c->r, l->wid[w].r))
                report("the swing's words overlap a control", lang, pct, where, l->wid[w].id);
    }
    if (want && found != 2)
        report("the swing is not shown", lang, pct, where, "");
    if (!want && found)
        report("a swing is shown before a breath was measured", lang, pct, where, "");
    return found;
}

static void pacer_frames(test_env *env, const double *rr, int n, const char *lang, int pct)
{
    for (int style = 0; style < PACER_STYLE_COUNT; style++) {
        app a;
        app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                           .no_personal = true, .wall_fixed = true, .hr_rr = rr, .hr_n = n };
        if (!app_init(&a, &cfg) || !app_start_exercise(&a, "resonance-breathing")) {
            report("resonance breathing did not start", lang, pct, "", "");
            return;
        }
        for (int k = 0; k < 8 && pacer_style_of(&a) != style; k++)
            app_press(&a, "style");
        char where[64];
        draw_list l = { 0 };
        /* before the first breath has been measured (3 s lead-in, 10 s breaths) */
        app_update(&a, GW_SEC(14));
        app_draw(&a, &l);
        snprintf(where, sizeof where, "%s at 14 s", pacer_style_name(style));
        check_pacer(&a, &l, lang, pct, where, false);
        static const double AT[] = { 14.6, 40, 61.2, 95.5, 120 };
        for (size_t i = 0; i < sizeof AT / sizeof *AT; i++) {
            app_update(&a, GW_SEC(AT[i]));
            app_draw(&a, &l);
            snprintf(where, sizeof where, "%s at %.1f s", pacer_style_name(style), AT[i]);
            check_pacer(&a, &l, lang, pct, where, true);
        }
        draw_free(&l);
        app_free(&a);
    }
}

/* Calm style: between a frame just before a breath's swing is measured and one just
 * after, what is drawn again is the row under the figure, not the screen. */
static void small_redraw(test_env *env, const double *rr, int n)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = &env->packs, .no_personal = true,
                       .wall_fixed = true, .hr_rr = rr, .hr_n = n };
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "resonance-breathing")) {
        report("resonance breathing did not start", "en", 100, "", "");
        return;
    }
    while (pacer_style_of(&a) != PACER_CALM)
        app_press(&a, "style");
    /* the first breath ends at 13 s and is measured 1.2 s later, between two ticks of
     * the count (the next inhale of 4.5 s counts down at 13.5, 14.5 ...): the figure
     * appears */
    draw_list l0 = { 0 }, l1 = { 0 };
    app_update(&a, GW_MSEC(14190));
    app_draw(&a, &l0);
    app_update(&a, GW_MSEC(14210));
    app_draw(&a, &l1);
    gw_rect d;
    if (!draw_diff(&l0, &l1, &d))
        report("nothing drawn again as the swing changes", "en", 100, "calm at 14.2 s", "");
    else if (d.y < 720 * 0.7f || d.h > 720 * 0.15f || d.w > 1280 * 0.8f)
        { char dd[96]; snprintf(dd, sizeof dd, "%.0f,%.0f %.0fx%.0f", d.x, d.y, d.w, d.h); report("more than the row under the figure drawn again", "en", 100, "calm at 14.2 s", dd); }
    draw_free(&l0);
    draw_free(&l1);
    app_free(&a);
}

static void result_screen(test_env *env, const double *rr, int n, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true, .hr_rr = rr, .hr_n = n };
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "resonance-assessment")) {
        report("the assessment did not start", lang, pct, "", "");
        return;
    }
    for (gw_ns t = 0; t <= GW_SEC(606); t += GW_MSEC(250)) /* a step as play takes, then the result */
        app_update(&a, t);
    if (app_hr_chosen_rate(&a) != 5.5)
        report("the assessment did not find 5.5", lang, pct, "result", "");
    draw_list l = { 0 };
    for (int page = 0; page < 4; page++) {
        app_draw(&a, &l);
        frames++;
        char where[32];
        snprintf(where, sizeof where, "result, page %d", page + 1);
        for (int i = 0; i < l.ncmd; i++)
            if (l.cmd[i].op == DRAW_TEXT && *draw_text_of(&l, &l.cmd[i]) && !fits(&l, &l.cmd[i], a.w, a.h))
                report("a text does not fit", lang, pct, where, draw_text_of(&l, &l.cmd[i]));
        bool more = false;
        for (int w = 0; w < l.nwid; w++)
            more |= !strcmp(l.wid[w].id, "page:next");
        if (!more)
            break;
        app_press(&a, "page:next");
    }
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, who))
        return 1;
    pt = test_env_text(&env);
    if (!pt)
        return 1;
    static double breathe[4000], assess[4000];
    double sw1[] = { 8 }, part1[] = { 700000 };
    int br1[] = { 10000 };
    int n1 = synth(breathe, 4000, 1, sw1, br1, part1);
    /* the assessment's blocks as it paces them: whole breaths of whole tenths of a second
     * filling two minutes; the swing largest at 5.5 */
    static const double RATES[] = { 6.5, 6.0, 5.5, 5.0, 4.5 };
    double sw2[] = { 6, 8, 16, 10, 7 }, part2[5];
    int br2[5];
    for (int k = 0; k < 5; k++) {
        br2[k] = (int)lround(60000 / RATES[k] / 100) * 100;
        part2[k] = lround(120000.0 / br2[k]) * (double)br2[k];
    }
    int n2 = synth(assess, 4000, 5, sw2, br2, part2);
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    static const int PCTS[] = { 100, 200 };
    for (size_t li = 0; li < 4; li++)
        for (size_t pi = 0; pi < 2; pi++) {
            pacer_frames(&env, breathe, n1, LANGS[li], PCTS[pi]);
            result_screen(&env, assess, n2, LANGS[li], PCTS[pi]);
        }
    small_redraw(&env, breathe, n1);
    plat_text_free(pt);
    test_env_close(&env);
    printf("%s: %d frames, %d problems\n", who, frames, failures);
    return failures ? 1 : 0;
}
