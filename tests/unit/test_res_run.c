/* res_run: the resonance assessment's blocks on one timeline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/res_run.h"

static const res_plan PLAN = { .lead_in_ns = GW_SEC(3) };

static void blocks_are_whole_breaths_of_two_minutes(void **st)
{
    (void)st;
    static const int breaths[RES_BLOCKS] = { 13, 12, 11, 10, 9 };
    for (int k = 0; k < RES_BLOCKS; k++) {
        breath_pattern b;
        res_block_pattern(&PLAN, RES_RATES[k], 0, &b);
        assert_int_equal(b.cycles, breaths[k]);
        assert_null(breath_check(&b));
        assert_int_equal(b.phase[0].kind, BREATH_INHALE);
        assert_int_equal(b.phase[1].kind, BREATH_EXHALE);
        double share = (double)b.phase[0].ms / (b.phase[0].ms + b.phase[1].ms);
        assert_true(fabs(share - 0.4) < 0.01);                         /* about 4:6 */
        assert_true(fabs(res_pattern_rate(&b) - RES_RATES[k]) < 0.03); /* tenths of a second */
        assert_true(llabs(breath_total(&b) - RES_BLOCK_NS) < GW_SEC(1));
    }
    /* 6.5 a minute: 3.7 s in, 5.5 s out */
    breath_pattern b;
    res_block_pattern(&PLAN, 6.5, 0, &b);
    assert_int_equal(b.phase[0].ms, 3700);
    assert_int_equal(b.phase[1].ms, 5500);
    gw_ns len = res_length(&PLAN);
    assert_true(len > GW_SEC(3 + 598) && len < GW_SEC(3 + 601));
}

/* Runs the assessment at 60 updates a second; checks each breath's phases come in
 * order on one timeline, the rates change at the blocks' ends, and one end. */
static void runs_the_blocks_back_to_back(void **st)
{
    (void)st;
    static res_run r;
    static pacer_run pr;
    res_run_start(&r, &pr, &PLAN);
    pacer_run_opts o = { .cues = true };
    int phases = 0, done = 0, nend = 0;
    gw_ns last_phase = -1, len = res_length(&PLAN);
    for (long step = 0; step <= (len + GW_SEC(1)) * 60 / GW_NS_PER_SEC; step++) {
        gw_ns t = step * GW_NS_PER_SEC / 60;
        pacer_event ev[RES_EVENTS_MAX];
        int n = res_run_update(&r, &pr, t, &o, ev);
        assert_true(n <= RES_EVENTS_MAX);
        for (int i = 0; i < n; i++) {
            if (ev[i].type == PACER_EV_PHASE) {
                assert_true(ev[i].at > last_phase);
                assert_true(t - ev[i].at < GW_NS_PER_SEC / 60 + 1);
                assert_true(pr.st.phase_start == ev[i].at);
                last_phase = ev[i].at;
                phases++;
            } else if (ev[i].type == PACER_EV_DONE) {
                if (!done++) /* then at every update after, as a breathing run's end */
                    assert_true(t >= len && t - len < GW_NS_PER_SEC / 60 + 1);
            }
        }
        int k;
        while ((k = res_run_block_ended(&r)) >= 0) {
            assert_int_equal(k, nend);
            assert_true(t >= r.start[k + 1] && t - r.start[k + 1] < GW_NS_PER_SEC / 60 + 1);
            nend++;
        }
        if (pr.st.stage == BREATH_STAGE_BREATHING) {
            assert_true(pr.st.remaining == len - t);
            double rate = res_pattern_rate(&r.block[r.at]);
            assert_true(fabs(rate - RES_RATES[r.at]) < 0.03);
            assert_true(t >= r.start[r.at] && t < r.start[r.at + 1]);
        }
    }
    assert_int_equal(phases, 2 * (13 + 12 + 11 + 10 + 9));
    assert_true(done >= 1);
    assert_int_equal(nend, RES_BLOCKS);
    assert_int_equal(pr.st.stage, BREATH_STAGE_DONE);
}

/* A frame late by more than a block moves on to where it lands, with one end. */
static void a_late_frame_lands_in_the_right_block(void **st)
{
    (void)st;
    static res_run r;
    static pacer_run pr;
    res_run_start(&r, &pr, &PLAN);
    pacer_run_opts o = { 0 };
    pacer_event ev[RES_EVENTS_MAX];
    res_run_update(&r, &pr, 0, &o, ev);
    gw_ns t = r.start[3] + GW_SEC(5);
    int n = res_run_update(&r, &pr, t, &o, ev);
    assert_int_equal(r.at, 3);
    assert_true(n >= 1 && ev[n - 1].type == PACER_EV_PHASE);
    assert_int_equal(res_run_block_ended(&r), 0);
    assert_int_equal(res_run_block_ended(&r), 1);
    assert_int_equal(res_run_block_ended(&r), 2);
    assert_int_equal(res_run_block_ended(&r), -1);
    assert_true(res_run_wake(&r, &pr, t) > 0);
    /* the last breath's end: the wake is the end itself */
    gw_ns end = r.start[RES_BLOCKS];
    res_run_update(&r, &pr, end - GW_MSEC(10), &o, ev);
    assert_true(res_run_wake(&r, &pr, end - GW_MSEC(10)) == GW_MSEC(10));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocks_are_whole_breaths_of_two_minutes),
        cmocka_unit_test(runs_the_blocks_back_to_back),
        cmocka_unit_test(a_late_frame_lands_in_the_right_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
