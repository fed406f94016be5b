/* hrswing: the swing per breath over the last few breaths, on synthetic beats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/hrswing.h"

#define BREATH_S 10.0
#define NREC 2000

/* A heart rate of 70 swinging by swing(k) (peak to trough) in breath k, 10 s breaths
 * from 0: a recording of its intervals (ms). */
static int synth(double rec[NREC], double (*swing)(int k))
{
    double t = 0;
    int n = 0;
    while (n < NREC && t < 200000) {
        int k = (int)(t / 1000 / BREATH_S);
        double hr = 70 + swing(k) / 2 * sin(2 * M_PI * t / 1000 / BREATH_S);
        rec[n] = 60000.0 / hr;
        t += rec[n++];
    }
    return n;
}

static double steady(int k) { (void)k; return 8; }
static double rising(int k) { return k < 6 ? 4 : 10; }

static hrlive h;
static double rec[NREC];

/* Beats and breaths up to time t (breath starts every 10 s). */
static void run_to(hrswing *s, gw_ns *next_breath, gw_ns t)
{
    hrlive_replay(&h, t);
    while (*next_breath <= t) {
        hrswing_breath(s, *next_breath);
        *next_breath += GW_SEC(BREATH_S);
    }
}

static void a_breath_counts_once_it_has_ended_and_settled(void **st)
{
    (void)st;
    hrlive_replay_start(&h, rec, synth(rec, steady), 0);
    hrswing s;
    hrswing_reset(&s);
    hrswing_fig f;
    gw_ns nb = 0;
    run_to(&s, &nb, GW_SEC(11.1));
    assert_false(hrswing_figure(&s, &h, GW_SEC(11.1), &f)); /* the first breath's end is too fresh */
    assert_int_equal(f.settled, 0);
    run_to(&s, &nb, GW_SEC(11.2));
    assert_true(hrswing_figure(&s, &h, GW_SEC(11.2), &f));
    assert_int_equal(f.settled, 1);
    assert_int_equal(f.breaths, 1);
    assert_true(fabs(f.bpm - 8) < 1.0); /* sampled at the beats: a little under the true swing */
    assert_false(f.growing);
}

static void a_steady_swing_is_its_mean_and_does_not_grow(void **st)
{
    (void)st;
    hrlive_replay_start(&h, rec, synth(rec, steady), 0);
    hrswing s;
    hrswing_reset(&s);
    hrswing_fig f;
    gw_ns nb = 0;
    for (int k = 1; k <= 12; k++) {
        gw_ns t = GW_SEC(k * BREATH_S + 2);
        run_to(&s, &nb, t);
        assert_true(hrswing_figure(&s, &h, t, &f));
        assert_int_equal(f.settled, k);
        assert_int_equal(f.breaths, k < HRSWING_BREATHS ? k : HRSWING_BREATHS);
        assert_true(fabs(f.bpm - 8) < 1.0);
        assert_false(f.growing);
    }
}

static void a_swing_that_grows_is_told(void **st)
{
    (void)st;
    hrlive_replay_start(&h, rec, synth(rec, rising), 0);
    hrswing s;
    hrswing_reset(&s);
    hrswing_fig f;
    gw_ns nb = 0;
    run_to(&s, &nb, GW_SEC(62));  /* six breaths of 4 */
    assert_true(hrswing_figure(&s, &h, GW_SEC(62), &f));
    assert_true(fabs(f.bpm - 4) < 0.8);
    assert_false(f.growing);
    run_to(&s, &nb, GW_SEC(92));  /* then three of 10 */
    assert_true(hrswing_figure(&s, &h, GW_SEC(92), &f));
    assert_true(fabs(f.bpm - 10) < 1.2);
    assert_true(f.growing);
    run_to(&s, &nb, GW_SEC(122)); /* and it stays there: no longer growing */
    assert_true(hrswing_figure(&s, &h, GW_SEC(122), &f));
    assert_false(f.growing);
}

static void breaths_without_beats_are_not_measured(void **st)
{
    (void)st;
    hrlive_reset(&h);  /* no beats at all */
    hrswing s;
    hrswing_reset(&s);
    hrswing_fig f;
    for (int k = 0; k < 5; k++)
        hrswing_breath(&s, GW_SEC(k * BREATH_S));
    assert_false(hrswing_figure(&s, &h, GW_SEC(60), &f));
    assert_int_equal(f.settled, 4);
    /* beats for the third breath only */
    double two[] = { 850, 850 };
    for (int i = 0; i < 10; i++)
        hrlive_note(&h, GW_SEC(20) + GW_MSEC(850) * (i + 1), two, 1);
    assert_true(hrswing_figure(&s, &h, GW_SEC(60), &f));
    assert_int_equal(f.breaths, 1);
    assert_true(f.bpm < 1e-9); /* a still heart: no swing */
}

static void a_timeline_that_moves_back_begins_again(void **st)
{
    (void)st;
    hrswing s;
    hrswing_reset(&s);
    for (int k = 0; k < 20; k++) /* the ring wraps; the count goes on */
        hrswing_breath(&s, GW_SEC(k * BREATH_S));
    hrlive_reset(&h);
    hrswing_fig f;
    hrswing_figure(&s, &h, GW_SEC(300), &f);
    assert_int_equal(f.settled, 19);
    hrswing_breath(&s, GW_SEC(5));
    hrswing_figure(&s, &h, GW_SEC(300), &f);
    assert_int_equal(f.settled, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_breath_counts_once_it_has_ended_and_settled),
        cmocka_unit_test(a_steady_swing_is_its_mean_and_does_not_grow),
        cmocka_unit_test(a_swing_that_grows_is_told),
        cmocka_unit_test(breaths_without_beats_are_not_measured),
        cmocka_unit_test(a_timeline_that_moves_back_begins_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
