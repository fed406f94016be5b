/* The Settings screen shows what is in effect, whatever set it: a theme or language
 * given on the command line (--theme, --lang) is the one highlighted, not the saved
 * setting under it; choosing one in Settings then shows that. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app/app.h"

static pack_set packs;

static bool same(gw_color a, gw_color b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

/* Whether widget `id` is drawn as the chosen one (a button in the accent colour). */
static bool chosen(app *a, const char *id)
{
    draw_list l = { 0 };
    app_draw(a, &l);
    const draw_widget *w = draw_widget_find(&l, id);
    assert_non_null(w);
    bool on = false;
    for (int i = 0; i < l.ncmd; i++) {
        const draw_cmd *c = &l.cmd[i];
        if (c->op == DRAW_RECT && same(c->color, a->th->accent) && c->r.x == w->r.x && c->r.y == w->r.y &&
            c->r.w == w->r.w)
            on = true;
    }
    draw_free(&l);
    return on;
}

static void command_line_shown(void **st)
{
    (void)st;
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .packs = &packs, .theme = "contrast", .lang = "de",
                       .no_personal = true };
    assert_true(app_init(&a, &cfg));
    app_update(&a, 0);
    app_set_scene(&a, &scene_settings);
    assert_true(chosen(&a, "theme:contrast"));
    assert_false(chosen(&a, "theme:calm"));
    assert_true(chosen(&a, "language:de"));
    assert_false(chosen(&a, "language:auto"));
    /* chosen in Settings: that is what is shown (and in effect) */
    assert_true(app_press(&a, "theme:light"));
    assert_true(chosen(&a, "theme:light"));
    assert_string_equal(a.th->name, "light");
    assert_true(app_choose(&a, "language:es"));
    assert_true(chosen(&a, "language:es"));
    assert_false(chosen(&a, "language:de"));
    app_free(&a);
}

static void defaults_shown(void **st)
{
    (void)st;
    app a;
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .packs = &packs, .no_personal = true };
    assert_true(app_init(&a, &cfg));
    app_update(&a, 0);
    app_set_scene(&a, &scene_settings);
    assert_true(chosen(&a, "theme:calm"));
    assert_true(chosen(&a, "language:auto"));
    app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(command_line_shown),
        cmocka_unit_test(defaults_shown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
