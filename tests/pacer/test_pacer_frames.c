/* The pacer scene's frames: frames in which nothing visible changes compare equal
 * (draw_diff), and next_change says when something really moves: once a second in the
 * calm (reduced motion) style, every frame in moving styles, and always early enough
 * to schedule the next cue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app/app.h"

static pack_set packs;

static void start(app *a, int presses)
{
    app_config cfg = { .mode = "home", .w = 1280, .h = 720, .lang = "en", .packs = &packs };
    assert_true(app_init(a, &cfg));
    app_update(a, 0);
    assert_true(app_start_exercise(a, "box-breathing"));
    for (int i = 0; i < presses; i++)
        assert_true(app_press(a, "style"));
}

static bool differ(app *a, gw_ns t0, gw_ns t1)
{
    draw_list l0 = { 0 }, l1 = { 0 };
    app_update(a, t0);
    app_draw(a, &l0);
    app_update(a, t1);
    app_draw(a, &l1);
    gw_rect dirty;
    bool d = draw_diff(&l0, &l1, &dirty);
    draw_free(&l0);
    draw_free(&l1);
    return d;
}

static void calm_changes_once_a_second(void **st)
{
    (void)st;
    app a;
    start(&a, 3); /* box -> wave -> tube -> calm */
    assert_int_equal(pacer_style_of(&a), PACER_CALM);
    /* box breathing: hold from 7 s to 11 s; inside one second nothing changes */
    assert_false(differ(&a, GW_MSEC(9050), GW_MSEC(9950)));
    assert_true(differ(&a, GW_MSEC(9950), GW_MSEC(10050)));
    app_update(&a, GW_MSEC(9250));
    assert_true(app_next_change(&a) == GW_SEC(10));
    /* within reach of the next boundary: wake to schedule its cue */
    app_update(&a, GW_MSEC(10500));
    assert_true(app_next_change(&a) == GW_SEC(11) - PACER_CUE_AHEAD);
    app_update(&a, GW_MSEC(10900));
    assert_true(app_next_change(&a) == GW_SEC(11));
    app_free(&a);
}

static void moving_styles_change_every_frame(void **st)
{
    (void)st;
    for (int presses = 0; presses < PACER_STYLE_COUNT; presses++) {
        app a;
        start(&a, presses);
        if (pacer_style_of(&a) == PACER_CALM) {
            app_free(&a);
            continue;
        }
        /* through a whole breath (the middle and near the ends of the inhale, hold,
         * exhale and hold after it), one frame apart: the figure (or its ring) moves */
        static const int MS[] = { 3100, 5000, 6900, 7100, 9000, 10900, 11100, 13000, 14900, 15100, 17000, 18900 };
        for (size_t k = 0; k < sizeof MS / sizeof *MS; k++) {
            gw_ns t = GW_MSEC(MS[k]);
            if (!differ(&a, t, t + GW_NS_PER_SEC / 60))
                fail_msg("style %s stands still at %d ms", pacer_style_name(pacer_style_of(&a)), MS[k]);
            app_update(&a, t);
            assert_true(app_next_change(&a) == t + GW_NS_PER_SEC / 60);
        }
        /* the same time twice draws the same frame */
        assert_false(differ(&a, GW_MSEC(5000), GW_MSEC(5000)));
        app_free(&a);
    }
}

static void paused_and_lead_in(void **st)
{
    (void)st;
    app a;
    start(&a, 0);
    app_update(&a, GW_MSEC(1200));
    assert_true(app_next_change(&a) == GW_SEC(2)); /* the lead-in counts whole seconds */
    assert_true(app_press(&a, "pause"));
    assert_true(app_next_change(&a) == GW_NEVER);
    app_free(&a);
}

int main(void)
{
    if (!pack_set_add_dir(&packs, GW_SOURCE_DIR "/content/core"))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calm_changes_once_a_second),
        cmocka_unit_test(moving_styles_change_every_frame),
        cmocka_unit_test(paused_and_lead_in),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pack_set_free(&packs);
    return rc;
}
