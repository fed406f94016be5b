/* The crisis line as a person sees it: the safety overlay drawn for a locale, in its
 * language, shows that region's line with its real numbers (es-ES, es-MX, de-DE,
 * de-AT, ar-LB), or where the reference gives no line (Arabic elsewhere, no region) the
 * general line and a prompt to add the local one; the Settings' country replaces the
 * locale's; at 100% and 200% text nothing on it is cut off. Numbers are read from the
 * texts drawn, not from locales.json. Needs GROUNDWORK_DATA_DIR=<build>/data (content,
 * fonts, locale) and an XDG_CONFIG_HOME without a locales.json. */
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
#include "platform/plat_render.h"
#include "test_env.h"

#define NBSP "\xc2\xa0"

typedef struct env {
    pack_set packs;
    plat_render *pr;
} env;

/* Every text of the safety overlay, drawn for LC_ALL=locale in lang at pct% text with
 * the Settings' region (NULL: automatic), joined by " | " into out. Returns the texts
 * cut off in the rendered frame. */
static const char *overlay_mode = "home"; /* the mode the overlay is drawn in */

static int overlay(env *e, const char *locale, const char *lang, int pct, const char *region, char *out, size_t n)
{
    setenv("LC_ALL", locale, 1);
    app a;
    app_config cfg = { .mode = overlay_mode, .w = 1280, .h = 720, .lang = lang, .text_pct = pct, .packs = &e->packs,
                       .no_personal = true, .wall_fixed = true };
    assert_true(app_init(&a, &cfg));
    if (region)
        snprintf(a.set.region, sizeof a.set.region, "%s", region);
    app_open_safety(&a);
    draw_list l = { 0 };
    app_draw(&a, &l);
    out[0] = 0;
    bool panel = false;
    for (int i = 0; i < l.ncmd; i++) {
        const draw_cmd *c = &l.cmd[i];
        panel = panel || (c->op == DRAW_RECT && draw_widget_find(&l, "safety-panel") &&
                          c->r.x == draw_widget_find(&l, "safety-panel")->r.x &&
                          c->r.y == draw_widget_find(&l, "safety-panel")->r.y);
        if (panel && c->op == DRAW_TEXT) /* the panel's texts, not the screen underneath */
            snprintf(out + strlen(out), n - strlen(out), "%s%s", out[0] ? " | " : "", draw_text_of(&l, c));
    }
    int before = plat_render_overflow_count();
    plat_render_frame(e->pr, NULL, &l, NULL);
    int cut = plat_render_overflow_count() - before;
    if (cut)
        fprintf(stderr, "%s %s at %d%%: cut off: %s\n", locale, lang, pct, plat_render_overflow_last());
    const char *png = getenv("GW_SAFETY_PNG");
    if (png) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/safety-%s-%s-%d%s%s.png", png, locale, lang, pct, region ? "-" : "",
                 !region ? "" : strcmp(region, "*") ? region : "other");
        plat_render_save_png(e->pr, path);
    }
    draw_free(&l);
    app_free(&a);
    return cut;
}

typedef struct want {
    const char *locale, *lang;
    const char *has[4];   /* on the panel */
    const char *hasnt[2]; /* never there */
} want;

static const want W[] = {
    { "es_ES.UTF-8", "es", { "024", "112", "Llama", NULL }, { "988", "Samaritans" } },
    { "es_MX.UTF-8", "es", { "800" NBSP "911" NBSP "2000", "911", "Línea de la Vida" }, { "024", "988" } },
    { "de_DE.UTF-8", "de", { "0800" NBSP "111" NBSP "0" NBSP "111", "0800" NBSP "111" NBSP "0" NBSP "222",
                             "116" NBSP "123", "112" }, { "988", "024" } },
    { "de_AT.UTF-8", "de", { "142", "TelefonSeelsorge" }, { "0800", "988" } },
    { "de_CH.UTF-8", "de", { "143", "Dargebotene Hand" }, { "0800", "988" } },
    { "ar_LB.UTF-8", "ar", { "1564", "Embrace" }, { "988", "locales.json" } },
    { "en_US.UTF-8", "en", { "988", "911" }, { "locales.json" } },
    { "en_GB.UTF-8", "en", { "116" NBSP "123", "999" }, { "988" } },
    /* no line for the region: the general line, no number, and the prompt */
    { "ar_EG.UTF-8", "ar", { "locales.json", "الإعدادات" }, { "988", "112" } },
    { "C.UTF-8", "ar", { "locales.json" }, { "988", "112" } },
    { "C.UTF-8", "en", { "locales.json", "Settings" }, { "988", "116" } },
    /* a bare language: its country */
    { "C.UTF-8", "de", { "0800" NBSP "111" NBSP "0" NBSP "111" }, { "locales.json" } },
    { "C.UTF-8", "es", { "024" }, { "locales.json" } },
};

static void each_locale_sees_its_line(void **st)
{
    env *e = *st;
    char got[4096];
    for (size_t i = 0; i < sizeof W / sizeof *W; i++)
        for (int pct = 100; pct <= 200; pct += 100) {
            int cut = overlay(e, W[i].locale, W[i].lang, pct, NULL, got, sizeof got);
            for (int k = 0; k < 4 && W[i].has[k]; k++)
                if (!strstr(got, W[i].has[k]))
                    fail_msg("%s %s at %d%%: no \"%s\" in: %s", W[i].locale, W[i].lang, pct, W[i].has[k], got);
            for (int k = 0; k < 2 && W[i].hasnt[k]; k++)
                if (strstr(got, W[i].hasnt[k]))
                    fail_msg("%s %s at %d%%: \"%s\" in: %s", W[i].locale, W[i].lang, pct, W[i].hasnt[k], got);
            assert_int_equal(cut, 0);
        }
}

/* The country chosen in Settings wins over the locale's; "*" is the general line. */
static void the_settings_country_wins(void **st)
{
    env *e = *st;
    char got[4096];
    overlay(e, "de_DE.UTF-8", "de", 100, "MX", got, sizeof got);
    assert_non_null(strstr(got, "800" NBSP "911" NBSP "2000"));
    assert_null(strstr(got, "0800"));
    overlay(e, "es_MX.UTF-8", "es", 100, "ES", got, sizeof got);
    assert_non_null(strstr(got, "024"));
    overlay(e, "en_US.UTF-8", "en", 100, "*", got, sizeof got);
    assert_null(strstr(got, "988"));
    assert_non_null(strstr(got, "locales.json"));
}

/* A waiting room's visitor (kiosk) and a therapist's client (present mode) are never
 * shown a file of the machine's where no local line has been added: they are asked to
 * ask the staff, in their language. */
static void visitors_see_no_file(void **st)
{
    env *e = *st;
    char got[4096];
    static const char *const MODES[] = { "kiosk", "present" };
    static const struct { const char *lang, *ask; } L[] = {
        { "en", "member of staff" }, { "es", "personal" }, { "de", "Personal" }, { "ar", "العاملين" } };
    for (size_t m = 0; m < 2; m++)
        for (size_t i = 0; i < sizeof L / sizeof *L; i++)
            for (int pct = 100; pct <= 200; pct += 100) {
                overlay_mode = MODES[m];
                overlay(e, "C.UTF-8", L[i].lang, pct, "*", got, sizeof got);
                overlay_mode = "home";
                if (strstr(got, "locales.json") || strstr(got, "/.config") || !strstr(got, L[i].ask))
                    fail_msg("%s %s at %d%%: a file shown, or no one to ask: %s", MODES[m], L[i].lang, pct, got);
            }
}

/* Settings step through Automatic, the countries with a line of their own and Another
 * country, and the overlay follows. */
static void settings_step_through_the_countries(void **st)
{
    env *e = *st;
    setenv("LC_ALL", "es_ES.UTF-8", 1);
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "es", .packs = &e->packs, .no_personal = true,
                       .wall_fixed = true };
    assert_true(app_init(&a, &cfg));
    app_set_scene(&a, &scene_settings);
    static const char *const ORDER[] = { "US", "GB", "IE", "ES", "MX", "DE", "AT", "CH", "LB", "*", "" };
    for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER; i++) {
        draw_list l = { 0 };
        app_draw(&a, &l);
        bool shown = draw_widget_find(&l, "region:next") != NULL;
        draw_free(&l);
        if (!shown) /* on a later page */
            app_press(&a, "page:next");
        assert_true(app_press(&a, "region:next"));
        assert_string_equal(a.set.region, ORDER[i]);
    }
    assert_true(app_press(&a, "region:previous"));
    assert_string_equal(a.set.region, "*");
    app_free(&a);
}

static int setup(void **st)
{
    static env e;
    run_options o = { .mode = "home" };
    run_load_content(&e.packs, &o);
    char fonts[PATH_MAX];
    paths_join(fonts, sizeof fonts, paths_data_dir(), "fonts");
    e.pr = plat_render_new_offscreen(1280, 720, fonts);
    *st = &e;
    return e.pr ? 0 : -1;
}

static int teardown(void **st)
{
    env *e = *st;
    plat_render_free(e->pr);
    pack_set_free(&e->packs);
    return 0;
}

int main(void)
{
    if (!test_env_locale("crisis screen"))
        return 1;
    unsetenv("LANG");
    unsetenv("LC_MESSAGES");
    const struct CMUnitTest t[] = {
        cmocka_unit_test(each_locale_sees_its_line),
        cmocka_unit_test(the_settings_country_wins),
        cmocka_unit_test(visitors_see_no_file),
        cmocka_unit_test(settings_step_through_the_countries),
    };
    return cmocka_run_group_tests(t, setup, teardown);
}
