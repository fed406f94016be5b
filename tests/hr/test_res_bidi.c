/* The resonance assessment's figures read as a person reads them, in every language:
 * after the number, its unit ("796 ms²") and its percent sign ("95%", German "95 %"),
 * never torn from it by the bidi algorithm in Arabic ("ms² 796", "% 95"): on the result
 * screen's table (100% text), its lines (200% text) and present mode's panel. The text
 * drawn is laid out as the screen lays it out (core/textrun) and read back in visual
 * order, left to right.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/present.h"
#include "core/i18n.h"
#include "core/textrun.h"
#include "test_env.h"

static int failures;
static const char *who = "resonance bidi";

/* The synthetic assessment of test_hr_frames: blocks of two minutes at 6.5 ... 4.5
 * breaths a minute, the swing largest at 5.5. */
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

static int measure(void *ctx, const char *s, int len, int font, bool rtl)
{
    (void)ctx, (void)s, (void)font, (void)rtl;
    return len * 8;
}

/* s on one line as the screen orders it, read from left to right: each piece's code
 * points in the order they are seen (a right-to-left piece's reversed), the marks that
 * are not drawn left out. */
static void visual(const char *s, bool rtl, char *out, size_t n)
{
    textrun_env env = { measure, NULL, NULL };
    textrun_layout L;
    out[0] = 0;
    if (!textrun_layout_text(&L, s, 0, rtl, &env))
        return;
    size_t k = 0;
    for (int li = 0; li < L.nline; li++)
        for (int p = 0; p < L.line[li].n; p++) {
            const textrun_piece *pc = &L.piece[L.line[li].first + p];
            /* the piece's code points, by their starts */
            int at[256], m = 0;
            for (int i = 0; i < pc->len && m < 256; i++)
                if (((unsigned char)s[pc->start + i] & 0xC0) != 0x80)
                    at[m++] = pc->start + i;
            for (int j = 0; j < m; j++) {
                int c = at[pc->rtl ? m - 1 - j : j];
                int len = 1;
                while (s[c + len] && ((unsigned char)s[c + len] & 0xC0) == 0x80)
                    len++;
                if (len == 3 && (unsigned char)s[c] == 0xE2 && (unsigned char)s[c + 1] == 0x81 &&
                    (unsigned char)s[c + 2] >= 0xA6 && (unsigned char)s[c + 2] <= 0xA9)
                    continue;
                if (k + (size_t)len < n) {
                    memcpy(out + k, s + c, (size_t)len);
                    k += (size_t)len;
                }
            }
        }
    out[k] = 0;
    textrun_layout_free(&L);
}

/* Every text of l with a figure of the table reads number then unit, number then sign. */
static int check_texts(const draw_list *l, const char *lang, const char *where, const char *pct_fmt)
{
    int seen = 0;
    bool rtl = i18n_is_rtl(lang);
    for (int i = 0; i < l->ncmd; i++) {
        if (l->cmd[i].op != DRAW_TEXT)
            continue;
        const char *s = draw_text_of(l, &l->cmd[i]);
        char v[1024];
        visual(s, rtl, v, sizeof v);
        if (strstr(s, "ms²")) {
            seen++;
            const char *u = strstr(v, " ms²");
            if (!u || u == v || u[-1] < '0' || u[-1] > '9') {
                failures++;
                fprintf(stderr, "%s: %s, %s: \"%s\" is seen as \"%s\" (the unit not after its number)\n", who, lang,
                        where, s, v);
            }
        }
        char want[32];
        snprintf(want, sizeof want, pct_fmt, 100);
        if (strchr(s, '%')) {
            seen++;
            if (!strstr(v, want)) {
                failures++;
                fprintf(stderr, "%s: %s, %s: \"%s\" is seen as \"%s\" (no \"%s\")\n", who, lang, where, s, v, want);
            }
        }
    }
    return seen;
}

static void result_screen(test_env *env, const double *rr, int n, const char *lang, int pct, const char *pct_fmt)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &env->packs,
                       .no_personal = true, .wall_fixed = true, .hr_rr = rr, .hr_n = n };
    if (!app_init(&a, &cfg) || !app_start_exercise(&a, "resonance-assessment")) {
        fprintf(stderr, "%s: the assessment did not start\n", who);
        failures++;
        return;
    }
    for (gw_ns t = 0; t <= GW_SEC(606); t += GW_MSEC(250))
        app_update(&a, t);
    int seen = 0;
    draw_list l = { 0 };
    for (int page = 0; page < 12; page++) {
        app_draw(&a, &l);
        char where[48];
        snprintf(where, sizeof where, "result at %d%%, page %d", pct, page + 1);
        seen += check_texts(&l, lang, where, pct_fmt);
        if (!draw_widget_find(&l, "page:next"))
            break;
        app_press(&a, "page:next");
    }
    if (seen < 4) { /* blocks, each with its power and its clean beats */
        failures++;
        fprintf(stderr, "%s: %s at %d%%: only %d figures found on the result\n", who, lang, pct, seen);
    }
    draw_free(&l);
    app_free(&a);
}

static void present_panel(test_env *env, const double *rr, int n, const char *lang, const char *pct_fmt)
{
    int seen = 0;
    for (int page = 0; page < 6; page++) {
        app a;
        app_config cfg = { .mode = "present", .w = 1280, .h = 720, .lang = lang, .packs = &env->packs,
                           .no_personal = true, .wall_fixed = true, .hr_rr = rr, .hr_n = n };
        if (!app_init(&a, &cfg) || !app_start_exercise(&a, "resonance-assessment")) {
            fprintf(stderr, "%s: the assessment did not start in present mode\n", who);
            failures++;
            return;
        }
        for (gw_ns t = 0; t <= GW_SEC(606); t += GW_MSEC(250))
            app_update(&a, t);
        a.last_input = a.now; /* the panel shows */
        present_st(&a)->page = page;
        draw_list l = { 0 };
        app_draw(&a, &l);
        seen += check_texts(&l, lang, "present panel", pct_fmt);
        draw_free(&l);
        app_free(&a);
    }
    if (seen < 5) {
        failures++;
        fprintf(stderr, "%s: %s: only %d figures found on present mode's panel\n", who, lang, seen);
    }
}

int main(void)
{
    test_env env;
    if (!test_env_open(&env, who))
        return 1;
    static double rr[4000];
    int n = synth(rr, 4000);
    static const struct { const char *lang, *pct; } L[] = {
        { "en", "%d%%" }, { "es", "%d\u00a0%%" }, { "de", "%d\u00a0%%" }, { "ar", "%d%%" } };
    for (size_t i = 0; i < sizeof L / sizeof *L; i++) {
        result_screen(&env, rr, n, L[i].lang, 100, L[i].pct);
        result_screen(&env, rr, n, L[i].lang, 200, L[i].pct);
        present_panel(&env, rr, n, L[i].lang, L[i].pct);
    }
    test_env_close(&env);
    printf("%s: %d problems\n", who, failures);
    return failures ? 1 : 0;
}
