/* The resonance result, paged at large text, as every paged screen is: each page says
 * which it is ("Page 2 of 7"), and Next page reaches every page, so every block's line
 * is seen (the last two once lay beyond the last page reached). en, es, de, ar at 100%
 * and 200% text, in a window of 1280x720 and of 1920x1080.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "test_env.h"

static int failures;
static const char *who = "resonance pages";

/* The synthetic assessment of test_hr_frames, the swing largest at 5.5. */
static int synth(double *rr, int max)
{
    static const double RATES[] = { 6.5, 6.0, 5.5, 5.0, 4.5 }, SWING[] = { 6, 8, 16, 10, 7 };
    double t = 0, start = 0;
    int n = 0;
    for (int k = 0; k < 5; k++) {
        double breath = lround(60000 / RATES[k] / 100) * 100.0, part = lround(120000.0 / breath) * breath;
        for (; n < max && t < start + part; n++) {
            double hr = 66 + SWING[k] / 2 * sin(2 * M_PI * (t - start) / breath);
            rr[n] = 60000.0 / hr;
            t += rr[n];
        }
        start += part;
    }
    for (int i = 0; i < 8 && n < max; i++)
        rr[n++] = 900;
    return n;
}

static void result(test_env *env, const double *rr, int n, const char *lang, int pct, int w, int h)
{
    app a;
    app_config cfg = { .mode = "home", .w = w, .h = h, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true, .hr_rr = rr, .hr_n = n };
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "resonance-assessment")) {
        fprintf(stderr, "%s: the assessment did not start\n", who);
        failures++;
        return;
    }
    for (gw_ns t = 0; t <= GW_SEC(606); t += GW_MSEC(250))
        app_update(&a, t);
    i18n_use_language(lang);
    int blocks = 0, pages = 0, reached = 0;
    draw_list l = { 0 };
    for (int page = 0; page < 20; page++) {
        app_draw(&a, &l);
        bool paged = draw_widget_find(&l, "page:next") || draw_widget_find(&l, "page:previous");
        char want[64] = "";
        bool said = false;
        for (int i = 0; i < l.ncmd; i++) {
            if (l.cmd[i].op != DRAW_TEXT)
                continue;
            const char *s = draw_text_of(&l, &l.cmd[i]);
            blocks += strstr(s, "ms²") != NULL;
            /* "Page %d of %d" in the language: its numbers read after the words */
            const char *fmt = _("Page %d of %d");
            size_t pre = strcspn(fmt, "%");
            int of = 0;
            if (!strncmp(s, fmt, pre) && s[pre] >= '0' && s[pre] <= '9') {
                const char *e = s + strlen(s);
                while (e > s && (e[-1] < '0' || e[-1] > '9'))
                    e--;
                while (e > s && e[-1] >= '0' && e[-1] <= '9')
                    e--;
                of = atoi(e);
                said = true;
                snprintf(want, sizeof want, fmt, page + 1, of);
                if (strcmp(s, want)) {
                    failures++;
                    fprintf(stderr, "%s: %s at %d%%, %dx%d, page %d says \"%s\"\n", who, lang, pct, w, h, page + 1, s);
                }
                pages = of;
            }
        }
        if (paged && !said) {
            failures++;
            fprintf(stderr, "%s: %s at %d%%, %dx%d: page %d does not say which page it is\n", who, lang, pct, w, h,
                    page + 1);
        }
        reached = page + 1;
        if (!draw_widget_find(&l, "page:next"))
            break;
        app_press(&a, "page:next");
    }
    if (pages > 0 && reached != pages) {
        failures++;
        fprintf(stderr, "%s: %s at %d%%, %dx%d: Next page stops at page %d of %d\n", who, lang, pct, w, h, reached,
                pages);
    }
    if (blocks != 5) {
        failures++;
        fprintf(stderr, "%s: %s at %d%%, %dx%d: %d of the 5 blocks seen on %d pages\n", who, lang, pct, w, h, blocks,
                pages > 0 ? pages : 1);
    }
    draw_free(&l);
    app_free(&a);
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, who))
        return 1;
    static double rr[4000];
    int n = synth(rr, 4000);
    static const char *const LANGS[] = { "en", "es", "de", "ar" };
    for (int li = 0; li < 4; li++)
        for (int big = 0; big < 2; big++) {
            result(&env, rr, n, LANGS[li], 100, big ? 1920 : 1280, big ? 1080 : 720);
            result(&env, rr, n, LANGS[li], 200, big ? 1920 : 1280, big ? 1080 : 720);
        }
    test_env_close(&env);
    printf("%s: %d problems\n", who, failures);
    return failures ? 1 : 0;
}
