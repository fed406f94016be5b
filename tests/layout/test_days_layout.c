/* days.layout: the ratings chart's week on the progress screen names its seven days
 * alike, in en, es, de and ar at 100%, 150% and 200% text (1280x720, drawn headless,
 * mirrored for Arabic): every day with its date or none (Arabic at 200% dropped the
 * dates of Monday to Wednesday only), and no day's words within 6 px of the next's
 * ("2 يناير الجمعة 3 يناير" ran together). GW_LAYOUT_SHOTS=DIR writes each frame with a
 * problem there as a PNG (all frames with GW_LAYOUT_ALL set too). Needs
 * GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/progress_days.h"
#include "core/plog.h"
#include "test_env.h"
#include "test_layout.h"

static const char *const LANGS[] = { "en", "es", "de", "ar" };
static const int PCTS[] = { 100, 150, 200 };

static plat_render *pr;
static int failures, frames;

static void report(const char *where, const char *what, const char *detail)
{
    failures++;
    fprintf(stderr, "days.layout: %s: %s%s%s\n", where, what, detail[0] ? ": " : "", detail);
}

/* sessions this week (the wall clock is fixed at 2026-01-01, a Thursday) */
static plog_session *sessions(int *n)
{
    static const char *const START[] = { "2025-12-29T07:15:00Z", "2025-12-30T21:00:00Z", "2026-01-01T07:00:00Z" };
    *n = 3;
    plog_session *p = calloc((size_t)*n, sizeof *p);
    for (int i = 0; p && i < *n; i++) {
        p[i].id = i + 1;
        snprintf(p[i].exercise, sizeof p[i].exercise, "%s", "box-breathing");
        snprintf(p[i].start, sizeof p[i].start, "%s", START[i]);
        p[i].completed = true;
        p[i].before = 7;
        p[i].after = 4;
        p[i].adjustments = strdup("");
        p[i].notes = strdup("");
    }
    return p;
}

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (isdigit((unsigned char)*s))
            return true;
    return false;
}

static void check(test_env *env, const char *lang, int pct)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true };
    if (!app_init(&a, &cfg)) {
        report(lang, "app_init failed", "");
        return;
    }
    int n = 0;
    plog_session *p = sessions(&n);
    app_go(&a, SCENE_PROGRESS);
    progress_show(&a, p, n, 1, 0, 0);
    draw_list l = { 0 };
    app_draw(&a, &l);
    frames++;
    char where[64];
    snprintf(where, sizeof where, "%s %d%%", lang, pct);
    int before = failures, dated = 0, found = 0;
    gw_rect ink[7];
    for (int d = 0; d < 7; d++) {
        const char *name = progress_day_name(d);
        size_t k = strlen(name);
        for (int i = 0; i < l.ncmd; i++) {
            const char *s = l.cmd[i].op == DRAW_TEXT ? draw_text_of(&l, &l.cmd[i]) : "";
            if (strncmp(s, name, k) || (s[k] && s[k] != ' '))
                continue;
            /* its date on the same line, or the text under it */
            bool date = s[k] == ' ' || (i + 1 < l.ncmd && l.cmd[i + 1].op == DRAW_TEXT &&
                                        has_digit(draw_text_of(&l, &l.cmd[i + 1])) &&
                                        l.cmd[i + 1].r.y > l.cmd[i].r.y && l.cmd[i + 1].r.x == l.cmd[i].r.x);
            dated += date;
            ink[found++] = test_text_ink(pr, &l, &l.cmd[i]);
            break;
        }
        if (found != d + 1) {
            report(where, "a day is not named under the chart", name);
            break;
        }
    }
    if (found == 7 && dated != 0 && dated != 7) {
        char d[48];
        snprintf(d, sizeof d, "%d of 7 with their dates", dated);
        report(where, "the days are not named alike", d);
    }
    for (int d = 0; found == 7 && d < 6; d++) {
        float gap = ink[d].x < ink[d + 1].x ? ink[d + 1].x - (ink[d].x + ink[d].w) : ink[d].x - (ink[d + 1].x + ink[d + 1].w);
        if (gap < 6) {
            char r[160], a1[48], a2[48];
            test_rect_text(a1, sizeof a1, ink[d]);
            test_rect_text(a2, sizeof a2, ink[d + 1]);
            snprintf(r, sizeof r, "\"%s\" (%s) and \"%s\" (%s), %.0f px apart", progress_day_name(d), a1,
                     progress_day_name(d + 1), a2, (double)gap);
            report(where, "two days' names run together", r);
        }
    }
    test_layout_shot(pr, &l, a.w, a.h, where, failures > before);
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, "days.layout"))
        return 1;
    pr = test_env_render(&env, 1280, 720);
    if (!pr) {
        test_env_close(&env);
        return 1;
    }
    for (size_t li = 0; li < sizeof LANGS / sizeof *LANGS; li++)
        for (size_t pi = 0; pi < sizeof PCTS / sizeof *PCTS; pi++)
            check(&env, LANGS[li], PCTS[pi]);
    plat_render_free(pr);
    test_env_close(&env);
    printf("days.layout: %d frames, %d problem(s)\n", frames, failures);
    return failures ? 1 : 0;
}
