/* hrlive: beats on the program's clock from notifications and from a recording. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>

#include "core/hrlive.h"

static void notifications_end_on_arrival_and_run_on(void **st)
{
    (void)st;
    static hrlive h;
    hrlive_reset(&h);
    double two[] = { 800, 850 };
    assert_int_equal(hrlive_note(&h, GW_SEC(10), two, 2), 2);
    assert_true(hrlive_at(&h, 1)->t == GW_SEC(10));          /* the last ends on arrival */
    assert_true(hrlive_at(&h, 0)->t == GW_SEC(10) - GW_MSEC(850));
    /* the next packet comes 40 ms late: the series runs on by its own intervals */
    double one[] = { 900 };
    hrlive_note(&h, GW_SEC(10) + GW_MSEC(940), one, 1);
    assert_true(hrlive_at(&h, 2)->t == GW_SEC(10) + GW_MSEC(900));
    /* packets lost for a while: anchored again to the arrival */
    hrlive_note(&h, GW_SEC(30), one, 1);
    assert_true(hrlive_at(&h, 3)->t == GW_SEC(30));
    assert_true(fabs(hrlive_bpm(&h) - 60000.0 / 900) < 1e-9);
    assert_int_equal(hrlive_note(&h, GW_SEC(31), NULL, 0), 0);
}

static void a_recording_plays_back_to_back_as_time_passes(void **st)
{
    (void)st;
    static hrlive h;
    double rec[] = { 1000, 1000, 1000, 1000, 2000, 1000 }; /* a missed beat: split */
    hrlive_replay_start(&h, rec, 6, GW_SEC(3));
    assert_int_equal(hrlive_replay(&h, GW_SEC(3) + GW_MSEC(999)), 0);
    assert_int_equal(hrlive_replay(&h, GW_SEC(4)), 1);
    assert_int_equal(hrlive_replay(&h, GW_SEC(100)), 6);
    assert_int_equal(hrlive_count(&h), 7);
    assert_true(hrlive_at(&h, 4)->t == GW_SEC(8) && hrlive_at(&h, 4)->corrected);
    assert_true(hrlive_at(&h, 5)->t == GW_SEC(9) && hrlive_at(&h, 5)->corrected);
    assert_true(hrlive_at(&h, 6)->t == GW_SEC(10) && !hrlive_at(&h, 6)->corrected);
    assert_int_equal(hrlive_replay(&h, GW_SEC(200)), 0); /* the recording has ended */
}

static void keeps_the_last_minutes_and_measures_a_breath(void **st)
{
    (void)st;
    static hrlive h;
    hrlive_reset(&h);
    /* 10 s breaths; the heart rate swings 60..80 with them */
    gw_ns t = 0;
    for (int i = 0; i < 2000; i++) {
        double hr = 70 + 10 * sin(2 * M_PI * gw_seconds(t) / 10.0);
        double rr = 60000.0 / hr;
        t += (gw_ns)llround(rr * GW_NS_PER_MS);
        hrlive_note(&h, t, &rr, 1);
    }
    assert_int_equal(hrlive_count(&h), HRLIVE_KEEP);
    assert_true(hrlive_at(&h, HRLIVE_KEEP - 1)->t == t);
    gw_ns from = t - GW_SEC(25);
    double s = hrlive_swing(&h, from, from + GW_SEC(10));
    assert_true(s > 17 && s <= 20.5);
    assert_true(hrlive_swing(&h, t + GW_SEC(1), t + GW_SEC(2)) < 0); /* no beats there */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(notifications_end_on_arrival_and_run_on),
        cmocka_unit_test(a_recording_plays_back_to_back_as_time_passes),
        cmocka_unit_test(keeps_the_last_minutes_and_measures_a_breath),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
