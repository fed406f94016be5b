/* The progress screen's summary line in every language: each number with its own plural
 * form (German "1 Tag" but "2 Tagen"; Arabic's forms for one, two, three to ten and
 * eleven and more), through progress_summary and on the screen as drawn from sessions.
 * Needs GROUNDWORK_DATA_DIR=<build>/data (content, fonts, locale). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/run.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/plog.h"
#include "test_env.h"

typedef struct want { const char *lang; int n; const char *text; } want;

/* sessions = days = minutes = n */
static const want SAME[] = {
    { "en", 1, "All together: 1 session on 1 day, 1 minute. Lower ratings are calmer." },
    { "en", 2, "All together: 2 sessions on 2 days, 2 minutes. Lower ratings are calmer." },
    { "de", 1, "Insgesamt: 1 Sitzung an 1 Tag, 1 Minute. Niedrigere Werte bedeuten mehr Ruhe." },
    { "de", 2, "Insgesamt: 2 Sitzungen an 2 Tagen, 2 Minuten. Niedrigere Werte bedeuten mehr Ruhe." },
    { "de", 11, "Insgesamt: 11 Sitzungen an 11 Tagen, 11 Minuten. Niedrigere Werte bedeuten mehr Ruhe." },
    { "es", 1, "En total: 1 sesión en 1 día, 1 minuto. Las puntuaciones más bajas indican más calma." },
    { "es", 11, "En total: 11 sesiones en 11 días, 11 minutos. Las puntuaciones más bajas indican más calma." },
    { "ar", 1, "المجموع: جلسة واحدة في يوم واحد، دقيقة واحدة. التقييمات الأدنى تعني هدوءًا أكثر." },
    { "ar", 2, "المجموع: جلستان في يومين، دقيقتان. التقييمات الأدنى تعني هدوءًا أكثر." },
    { "ar", 11, "المجموع: 11 جلسة في 11 يومًا، 11 دقيقة. التقييمات الأدنى تعني هدوءًا أكثر." },
};

static void each_number_takes_its_own_form(void **st)
{
    (void)st;
    char out[PROGRESS_SUMMARY_MAX];
    for (size_t i = 0; i < sizeof SAME / sizeof *SAME; i++) {
        i18n_use_language(SAME[i].lang);
        progress_summary(out, sizeof out, SAME[i].n, SAME[i].n, SAME[i].n);
        if (strcmp(out, SAME[i].text))
            fail_msg("%s, %d: \"%s\", wanted \"%s\"", SAME[i].lang, SAME[i].n, out, SAME[i].text);
    }
}

/* Arabic's six forms, each number on its own: 0, 1, 2, 3-10, 11-99, 100-102 */
static void arabic_forms(void **st)
{
    (void)st;
    i18n_use_language("ar");
    static const struct { int s, d, m; const char *part[3]; } W[] = {
        { 3, 7, 0, { "3 جلسات", "في 7 أيام", "0 دقيقة" } },
        { 12, 99, 10, { "12 جلسة", "في 99 يومًا", "10 دقائق" } },
        { 100, 102, 111, { "100 جلسة", "في 102 يوم", "111 دقيقة" } },
        { 2, 1, 2, { "جلستان", "في يوم واحد", "دقيقتان" } },
    };
    char out[PROGRESS_SUMMARY_MAX];
    for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
        progress_summary(out, sizeof out, W[i].s, W[i].d, W[i].m);
        for (int k = 0; k < 3; k++)
            if (!strstr(out, W[i].part[k]))
                fail_msg("%d, %d, %d: \"%s\" lacks \"%s\"", W[i].s, W[i].d, W[i].m, out, W[i].part[k]);
    }
}

/* A few short exercises round to no minute: the line says "under a minute", never
 * "0 minutes" beside sessions; a whole minute or more is counted as before. */
static void under_a_minute(void **st)
{
    (void)st;
    static const struct { const char *lang; double m; const char *part; } W[] = {
        { "en", 0.3, "2 sessions on 1 day, under a minute." },
        { "es", 0.4, "2 sesiones en 1 día, menos de un minuto." },
        { "de", 0.2, "2 Sitzungen an 1 Tag, weniger als eine Minute." },
        { "ar", 0.4, "أقل من دقيقة" },
        { "en", 0.0, "2 sessions on 1 day, 0 minutes." },
        { "en", 0.5, "2 sessions on 1 day, 1 minute." },
    };
    char out[PROGRESS_SUMMARY_MAX];
    for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
        i18n_use_language(W[i].lang);
        progress_summary_practised(out, sizeof out, 2, 1, W[i].m);
        if (!strstr(out, W[i].part))
            fail_msg("%s, %.1f minutes: \"%s\" lacks \"%s\"", W[i].lang, W[i].m, out, W[i].part);
    }
}

static void a_small_buffer_is_cut_and_terminated(void **st)
{
    (void)st;
    i18n_use_language("de");
    char out[12];
    memset(out, 'x', sizeof out);
    progress_summary(out, sizeof out, 5, 4, 30);
    assert_int_equal(strlen(out), sizeof out - 1);
}

/* The screen itself: n sessions of a minute each, on n days before the fixed wall clock
 * (2026-01-01), drawn in the language; the summary is one of its texts. */
static bool screen_shows(pack_set *packs, const char *lang, int n, const char *text)
{
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = lang, .packs = packs, .no_personal = true,
                       .wall_fixed = true };
    if (!app_init(&a, &cfg))
        return false;
    app_set_scene(&a, &scene_progress);
    plog_session *s = calloc((size_t)n, sizeof *s);
    if (!s) {
        app_free(&a);
        return false;
    }
    for (int i = 0; i < n; i++) { /* oldest first */
        snprintf(s[i].exercise, sizeof s[i].exercise, "box-breathing");
        snprintf(s[i].start, sizeof s[i].start, "2025-12-%02dT08:00:00Z", 31 - (n - 1 - i));
        snprintf(s[i].end, sizeof s[i].end, "2025-12-%02dT08:01:00Z", 31 - (n - 1 - i));
        s[i].before = 6;
        s[i].after = 3;
    }
    progress_show(&a, s, n, 0, 0, 0); /* the scene owns it: freed on leaving, or by app_free */
    draw_list l = { 0 };
    app_draw(&a, &l);
    bool found = false;
    for (int i = 0; i < l.ncmd && !found; i++)
        found = l.cmd[i].op == DRAW_TEXT && !strcmp(draw_text_of(&l, &l.cmd[i]), text);
    if (!found) {
        fprintf(stderr, "%s, %d sessions: the progress screen's texts are\n", lang, n);
        for (int i = 0; i < l.ncmd; i++)
            if (l.cmd[i].op == DRAW_TEXT)
                fprintf(stderr, "  \"%s\"\n", draw_text_of(&l, &l.cmd[i]));
    }
    draw_free(&l);
    app_free(&a);
    return found;
}

static void the_screen_shows_the_forms(void **st)
{
    pack_set *packs = *st;
    for (size_t i = 0; i < sizeof SAME / sizeof *SAME; i++)
        if (!strcmp(SAME[i].lang, "de") || !strcmp(SAME[i].lang, "ar"))
            if (!screen_shows(packs, SAME[i].lang, SAME[i].n, SAME[i].text))
                fail_msg("%s, %d sessions: no \"%s\" on the progress screen", SAME[i].lang, SAME[i].n, SAME[i].text);
}

static int setup(void **st)
{
    static pack_set packs;
    run_options o = { .mode = "home" };
    run_load_content(&packs, &o);
    *st = &packs;
    return 0;
}

static int teardown(void **st)
{
    pack_set_free(*st);
    return 0;
}

int main(void)
{
    if (!test_env_locale("progress plurals"))
        return 1;
    const struct CMUnitTest t[] = {
        cmocka_unit_test(each_number_takes_its_own_form),
        cmocka_unit_test(arabic_forms),
        cmocka_unit_test(under_a_minute),
        cmocka_unit_test(a_small_buffer_is_cut_and_terminated),
        cmocka_unit_test(the_screen_shows_the_forms),
    };
    return cmocka_run_group_tests(t, setup, teardown);
}
