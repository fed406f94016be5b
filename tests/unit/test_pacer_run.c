/* pacer_run: the events of a running breathing exercise at phase boundaries, with a
 * lead-in and an opening exhale, counts, cues ahead, pauses (cues forgotten), changes of
 * pace, late frames and the end; and, over random schedules, the same events as the
 * app's update gave before it was moved here (a reference copy of that code below). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/pacer_run.h"

static const pacer_run_opts CUES = { .cues = true }, QUIET = { 0 }, ALL = { .cues = true, .counts = true };

/* box breathing, 4-4-4-4, two breaths, a 3 s lead-in */
static breath_pattern box(void)
{
    breath_pattern p = { .nphase = 4, .cycles = 2, .lead_in_ns = GW_SEC(3) };
    breath_kind k[4] = { BREATH_INHALE, BREATH_HOLD_IN, BREATH_EXHALE, BREATH_HOLD_OUT };
    for (int i = 0; i < 4; i++)
        p.phase[i] = (breath_phase){ k[i], 4000 };
    return p;
}

/* 4-7-8 with its opening exhale, one breath */
static breath_pattern four_seven_eight(void)
{
    breath_pattern p = { .nphase = 3, .cycles = 1, .lead_in_ns = GW_SEC(3), .opening_ms = 4000 };
    p.phase[0] = (breath_phase){ BREATH_INHALE, 4000 };
    p.phase[1] = (breath_phase){ BREATH_HOLD_IN, 7000 };
    p.phase[2] = (breath_phase){ BREATH_EXHALE, 8000 };
    return p;
}

static pacer_event E[PACER_EVENTS_MAX];

static int upd(pacer_run *r, gw_ns t, const pacer_run_opts *o) { return pacer_run_update(r, t, o, E); }

static void the_lead_in_is_quiet_until_the_first_cue(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    assert_int_equal(upd(&r, 0, &CUES), 0);
    assert_int_equal(r.st.stage, BREATH_STAGE_LEAD_IN);
    assert_int_equal(upd(&r, GW_SEC(3) - PACER_CUE_AHEAD - 1, &CUES), 0);
    /* the first breath's cue, once 150 ms away, for the inhale at 3 s */
    assert_int_equal(upd(&r, GW_SEC(3) - PACER_CUE_AHEAD, &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_CUE);
    assert_int_equal(E[0].kind, BREATH_INHALE);
    assert_int_equal(E[0].at, GW_SEC(3));
    assert_int_equal(E[0].ahead, PACER_CUE_AHEAD);
    /* scheduled once */
    assert_int_equal(upd(&r, GW_SEC(3) - GW_MSEC(10), &CUES), 0);
    /* the phase begins, its cue already scheduled */
    assert_int_equal(upd(&r, GW_SEC(3), &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_PHASE);
    assert_int_equal(E[0].kind, BREATH_INHALE);
    assert_int_equal(E[0].index, 0);
    assert_int_equal(E[0].cycle, 0);
    assert_false(E[0].opening);
    assert_true(E[0].cued);
    assert_int_equal(E[0].at, GW_SEC(3));
}

static void every_boundary_announces_its_phase_once(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    breath_kind want[4] = { BREATH_INHALE, BREATH_HOLD_IN, BREATH_EXHALE, BREATH_HOLD_OUT };
    for (int b = 0; b < 8; b++) {
        gw_ns t = GW_SEC(3) + GW_SEC(4) * b;
        assert_int_equal(upd(&r, t - 1, &QUIET), 0);
        assert_int_equal(upd(&r, t, &QUIET), 1);
        assert_int_equal(E[0].type, PACER_EV_PHASE);
        assert_int_equal(E[0].index, b % 4);
        assert_int_equal(E[0].cycle, b / 4);
        assert_int_equal(E[0].kind, want[b % 4]);
        assert_false(E[0].cued); /* no cue was scheduled: it is played with the phase */
        assert_int_equal(upd(&r, t, &QUIET), 0);
        assert_int_equal(upd(&r, t + GW_SEC(2), &QUIET), 0);
    }
}

static void a_late_frame_announces_only_the_phase_it_lands_in(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    upd(&r, GW_SEC(3), &CUES);                            /* inhale */
    assert_int_equal(upd(&r, GW_SEC(7) - GW_MSEC(100), &CUES), 1); /* the hold's cue */
    assert_int_equal(E[0].type, PACER_EV_CUE);
    /* the frame comes 6.5 s later: past the hold, into the exhale */
    int n = upd(&r, GW_MSEC(13500), &CUES);
    assert_int_equal(n, 1);
    assert_int_equal(E[0].type, PACER_EV_PHASE);
    assert_int_equal(E[0].index, 2);
    assert_int_equal(E[0].kind, BREATH_EXHALE);
    assert_int_equal(E[0].at, GW_SEC(11));
    assert_false(E[0].cued); /* the cue scheduled was the hold's */
    /* several breaths late at once: the last phase of the last breath */
    n = upd(&r, GW_SEC(3) + GW_SEC(31), &CUES);
    assert_int_equal(n, 1);
    assert_int_equal(E[0].index, 3);
    assert_int_equal(E[0].cycle, 1);
}

static void the_opening_exhale_comes_before_the_first_breath(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = four_seven_eight();
    pacer_run_start(&r, &p, 0);
    assert_int_equal(upd(&r, GW_SEC(3) - GW_MSEC(50), &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_CUE);
    assert_int_equal(E[0].kind, BREATH_EXHALE);
    assert_int_equal(upd(&r, GW_SEC(3), &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_PHASE);
    assert_true(E[0].opening);
    assert_int_equal(E[0].index, -1);
    assert_int_equal(E[0].cycle, 0);
    assert_int_equal(E[0].kind, BREATH_EXHALE);
    assert_true(E[0].cued);
    assert_int_equal(upd(&r, GW_SEC(7), &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_PHASE);
    assert_false(E[0].opening);
    assert_int_equal(E[0].index, 0);
    assert_int_equal(E[0].cycle, 0);
    assert_int_equal(E[0].kind, BREATH_INHALE);
}

static void counts_follow_whole_seconds_of_the_phase(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    const pacer_run_opts counts = { .counts = true };
    assert_int_equal(upd(&r, GW_SEC(3), &counts), 1);      /* the phase: its word */
    assert_int_equal(upd(&r, GW_MSEC(3999), &counts), 0);
    for (int c = 2; c <= 4; c++) {
        assert_int_equal(upd(&r, GW_SEC(3) + GW_SEC(c - 1), &counts), 1);
        assert_int_equal(E[0].type, PACER_EV_COUNT);
        assert_int_equal(E[0].count, c);
        assert_int_equal(upd(&r, GW_SEC(3) + GW_SEC(c - 1) + GW_MSEC(500), &counts), 0);
    }
    /* a late frame skips a count rather than saying two */
    upd(&r, GW_SEC(7), &counts);
    assert_int_equal(upd(&r, GW_SEC(7) + GW_MSEC(2500), &counts), 1);
    assert_int_equal(E[0].count, 3);
    /* switched on again: the count goes on from the next second */
    pacer_run_recount(&r);
    assert_int_equal(upd(&r, GW_SEC(7) + GW_MSEC(2600), &counts), 1);
    assert_int_equal(E[0].count, 3);
    /* not counting: nothing */
    pacer_run_recount(&r);
    assert_int_equal(upd(&r, GW_SEC(7) + GW_MSEC(3500), &QUIET), 0);
}

static void counts_stop_at_ten(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = { .nphase = 2, .cycles = 1 };
    p.phase[0] = (breath_phase){ BREATH_INHALE, 12000 };
    p.phase[1] = (breath_phase){ BREATH_EXHALE, 2500 };
    pacer_run_start(&r, &p, 0);
    const pacer_run_opts counts = { .counts = true };
    upd(&r, 0, &counts);
    int said = 0, last = 0;
    for (gw_ns t = GW_MSEC(100); t < GW_SEC(12); t += GW_MSEC(100))
        if (upd(&r, t, &counts) == 1 && E[0].type == PACER_EV_COUNT) {
            said++;
            last = E[0].count;
        }
    assert_int_equal(said, 9);
    assert_int_equal(last, 10);
    /* a phase of 2.5 s says "two" only: "three" would fall after its end */
    said = 0;
    for (gw_ns t = GW_SEC(12); t < GW_MSEC(14500); t += GW_MSEC(100))
        if (upd(&r, t, &counts) == 1 && E[0].type == PACER_EV_COUNT)
            said = E[0].count;
    assert_int_equal(said, 2);
}

static void a_forgotten_cue_is_scheduled_again(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    upd(&r, GW_SEC(3), &CUES);
    gw_ns t = GW_SEC(7) - GW_MSEC(120);
    assert_int_equal(upd(&r, t, &CUES), 1);
    /* paused: the cue is dropped and none is scheduled while paused */
    pacer_run_forget_cue(&r);
    assert_int_equal(upd(&r, t, &QUIET), 0);
    /* resumed: scheduled again */
    pacer_run_forget_cue(&r);
    assert_int_equal(upd(&r, t, &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_CUE);
    assert_int_equal(E[0].ahead, GW_MSEC(120));
    /* had it not been, the phase plays its own */
    pacer_run_forget_cue(&r);
    assert_int_equal(upd(&r, GW_SEC(7), &QUIET), 1);
    assert_false(E[0].cued);
}

static void a_change_of_pace_keeps_the_breath_and_phase(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    gw_ns t = GW_SEC(3) + GW_SEC(4) + GW_SEC(2); /* half-way through the first hold */
    upd(&r, t, &CUES);
    upd(&r, t, &CUES);
    gw_ns at = pacer_run_adjust(&r, t, 500);
    assert_int_equal(r.pattern.phase[0].ms, 4500);
    assert_int_equal(r.st.index, 1);
    assert_int_equal(r.st.cycle, 0);
    assert_true(r.st.progress > 0.49 && r.st.progress < 0.51);
    assert_true(at > t); /* the earlier phases are longer now */
    /* the phase goes on: nothing announced */
    assert_int_equal(upd(&r, at, &CUES), 0);
    assert_int_equal(upd(&r, at + GW_MSEC(2250) - PACER_CUE_AHEAD, &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_CUE);
    assert_int_equal(E[0].kind, BREATH_EXHALE);
    /* in the lead-in: the pattern changes, the timeline does not move */
    pacer_run_start(&r, &p, 0);
    upd(&r, GW_SEC(1), &CUES);
    assert_int_equal(pacer_run_adjust(&r, GW_SEC(1), -500), -1);
    assert_int_equal(r.pattern.phase[3].ms, 3500);
}

static void a_session_in_time_keeps_its_breaths_when_the_pace_changes(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    p.cycles = 0;
    p.session_ns = GW_SEC(60); /* four breaths of 16 s, rounded up */
    pacer_run_start(&r, &p, 0);
    upd(&r, GW_SEC(5), &QUIET);
    int before = r.st.total_cycles;
    pacer_run_adjust(&r, GW_SEC(5), 500);
    assert_int_equal(r.pattern.cycles, before);
    assert_int_equal(r.pattern.session_ns, 0);
    assert_int_equal(breath_total_cycles(&r.pattern), before);
}

static void cycles_given_replace_the_length(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    p.cycles = 0;
    p.session_ns = GW_SEC(300);
    pacer_run_start(&r, &p, 3);
    assert_int_equal(r.pattern.cycles, 3);
    assert_int_equal(r.pattern.session_ns, 0);
    pacer_run_start(&r, &p, 0);
    assert_int_equal(r.pattern.session_ns, GW_SEC(300));
    assert_int_equal(r.last_index, -1);
    assert_int_equal(r.cue_boundary, -1);
}

static void the_end_is_reported_without_a_cue(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    gw_ns end = breath_total(&p);
    upd(&r, end - GW_SEC(1), &CUES);
    assert_int_equal(upd(&r, end - GW_MSEC(100), &CUES), 0); /* no cue for the end */
    assert_int_equal(pacer_run_wake(&r, end - GW_MSEC(100)), GW_MSEC(100));
    assert_int_equal(upd(&r, end, &ALL), 1);
    assert_int_equal(E[0].type, PACER_EV_DONE);
    assert_int_equal(r.st.stage, BREATH_STAGE_DONE);
    assert_int_equal(pacer_run_wake(&r, end), GW_NEVER);
    /* a frame that comes long after the end: the last phase is not announced */
    pacer_run_start(&r, &p, 0);
    upd(&r, GW_SEC(3), &CUES);
    assert_int_equal(upd(&r, end + GW_SEC(100), &CUES), 1);
    assert_int_equal(E[0].type, PACER_EV_DONE);
}

static void it_wakes_for_the_cue_then_the_boundary(void **st)
{
    (void)st;
    pacer_run r;
    breath_pattern p = box();
    pacer_run_start(&r, &p, 0);
    assert_int_equal(pacer_run_wake(&r, 0), GW_SEC(3) - PACER_CUE_AHEAD);
    gw_ns t = GW_SEC(3) - PACER_CUE_AHEAD;
    upd(&r, t, &CUES);
    assert_int_equal(pacer_run_wake(&r, t), PACER_CUE_AHEAD);
    /* no sound (the cue never scheduled): at the boundary all the same */
    pacer_run_start(&r, &p, 0);
    upd(&r, t, &QUIET);
    assert_int_equal(pacer_run_wake(&r, t), PACER_CUE_AHEAD);
    assert_int_equal(pacer_run_wake(&r, GW_SEC(1)), GW_SEC(2) - PACER_CUE_AHEAD);
}

/* ---- the app's update as it was, for comparison ---------------------------------- */

typedef struct ref {
    breath_pattern pattern;
    breath_state bs;
    int last_index, last_cycle, spoken_sec;
    gw_ns cue_boundary;
} ref;

typedef struct evlog { char s[8192]; size_t n; } evlog;

#define LOG(L, ...) ((L)->n += (size_t)snprintf((L)->s + (L)->n, sizeof (L)->s - (L)->n, __VA_ARGS__))

static void ref_update(ref *a, gw_ns t, bool audio, bool paused, bool speak, evlog *L)
{
    breath_at(&a->pattern, t, &a->bs);
    const breath_state *s = &a->bs;
    if (s->stage == BREATH_STAGE_BREATHING && (s->index != a->last_index || s->cycle != a->last_cycle)) {
        LOG(L, "phase %d %d %d %d %d;", s->kind, s->index, s->cycle, s->opening, a->cue_boundary == s->phase_start);
        a->cue_boundary = s->phase_start;
        a->last_index = s->index;
        a->last_cycle = s->cycle;
        if (speak)
            a->spoken_sec = 0;
    } else if (speak && s->stage == BREATH_STAGE_BREATHING) {
        int sec = (int)((t - s->phase_start) / GW_NS_PER_SEC);
        if (sec > a->spoken_sec && sec + 1 <= 10 && (gw_ns)(sec + 1) * GW_NS_PER_SEC <= s->phase_len + GW_MSEC(50)) {
            a->spoken_sec = sec;
            LOG(L, "count %d;", sec + 1);
        }
    }
    if (audio && !paused) {
        gw_ns nb = breath_next_boundary(&a->pattern, t);
        if (!(nb == GW_NEVER || nb == a->cue_boundary || nb - t > PACER_CUE_AHEAD)) {
            breath_state at;
            breath_at(&a->pattern, nb, &at);
            if (at.stage == BREATH_STAGE_BREATHING) {
                LOG(L, "cue %d %lld;", at.kind, (long long)(nb - t));
                a->cue_boundary = nb;
            }
        }
    }
    if (s->stage == BREATH_STAGE_DONE)
        LOG(L, "done;");
}

/* the scene's next_change as it was, relative to t */
static gw_ns ref_wake(const ref *a, gw_ns t)
{
    gw_ns nb = breath_next_boundary(&a->pattern, t), cue = nb - PACER_CUE_AHEAD;
    return nb == GW_NEVER ? GW_NEVER : cue > t && nb != a->cue_boundary ? cue - t : nb - t;
}

static void new_update(pacer_run *r, gw_ns t, bool audio, bool paused, bool speak, evlog *L)
{
    pacer_run_opts o = { .cues = audio && !paused, .counts = speak };
    int n = pacer_run_update(r, t, &o, E);
    for (int i = 0; i < n; i++) {
        const pacer_event *e = &E[i];
        if (e->type == PACER_EV_PHASE)
            LOG(L, "phase %d %d %d %d %d;", e->kind, e->index, e->cycle, e->opening, e->cued);
        else if (e->type == PACER_EV_COUNT)
            LOG(L, "count %d;", e->count);
        else if (e->type == PACER_EV_CUE)
            LOG(L, "cue %d %lld;", e->kind, (long long)e->ahead);
        else
            LOG(L, "done;");
    }
}

static uint32_t rnd(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void the_same_events_as_the_update_it_replaces(void **st)
{
    (void)st;
    for (uint32_t seed = 1; seed <= 300; seed++) {
        uint32_t s = seed;
        breath_pattern p = seed % 3 == 0 ? four_seven_eight() : box();
        if (seed % 5 == 0) { /* a ramp */
            p.ramp_from_bpm = 4;
            p.ramp_to_bpm = 6;
            p.ramp_ns = GW_SEC(30);
            p.cycles = 4;
        }
        ref a = { .pattern = p, .last_index = -1, .last_cycle = -1, .cue_boundary = -1 };
        pacer_run r;
        pacer_run_start(&r, &p, 0);
        bool audio = seed % 2, speak = seed % 4 < 2, paused = false;
        gw_ns t = 0;
        for (int k = 0; k < 400 && a.bs.stage != BREATH_STAGE_DONE; k++) {
            evlog L1 = { .n = 0 }, L2 = { .n = 0 };
            uint32_t what = rnd(&s) % 100;
            if (what < 4) { /* pause or resume */
                paused = !paused;
                a.cue_boundary = -1;
                pacer_run_forget_cue(&r);
            } else if (what < 7) { /* speak switched */
                speak = !speak;
                a.spoken_sec = 0;
                pacer_run_recount(&r);
            } else if (what < 10 && a.bs.stage != BREATH_STAGE_DONE) { /* longer or shorter */
                int32_t d = what < 8 ? 500 : -500;
                /* the reference, as the scene did it */
                breath_state old;
                breath_at(&a.pattern, t, &old);
                if (a.pattern.cycles == 0 && old.total_cycles > 0) {
                    a.pattern.cycles = old.total_cycles;
                    a.pattern.session_ns = 0;
                }
                breath_adjust(&a.pattern, d);
                gw_ns want = -1;
                if (old.stage == BREATH_STAGE_BREATHING) {
                    gw_ns lo = 0, hi = breath_total(&a.pattern);
                    while (hi - lo > 1) {
                        gw_ns mid = lo + (hi - lo) / 2;
                        breath_state m;
                        breath_at(&a.pattern, mid, &m);
                        bool before = m.stage == BREATH_STAGE_LEAD_IN ||
                                      (m.stage == BREATH_STAGE_BREATHING &&
                                       (m.cycle < old.cycle || (m.cycle == old.cycle && (m.index < old.index ||
                                        (m.index == old.index && m.progress < old.progress)))));
                        if (before)
                            lo = mid;
                        else
                            hi = mid;
                    }
                    want = hi;
                    breath_at(&a.pattern, hi, &a.bs);
                    a.last_index = a.bs.index;
                    a.last_cycle = a.bs.cycle;
                }
                a.cue_boundary = -1;
                gw_ns got = pacer_run_adjust(&r, t, d);
                assert_int_equal(got, want);
                if (got >= 0)
                    t = got;
            }
            if (!paused) /* frames of 1 ms to 3 s, some on the ms of a boundary */
                t += what < 50 ? (gw_ns)(rnd(&s) % 40) * GW_MSEC(25) : (gw_ns)(rnd(&s) % 3000) * GW_MSEC(1);
            ref_update(&a, t, audio, paused, speak, &L1);
            new_update(&r, t, audio, paused, speak, &L2);
            if (strcmp(L1.s, L2.s))
                fail_msg("seed %u at %lld: was \"%s\", now \"%s\"", seed, (long long)t, L1.s, L2.s);
            assert_memory_equal(&a.bs, &r.st, sizeof a.bs);
            assert_int_equal(pacer_run_wake(&r, t), ref_wake(&a, t));
        }
    }
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(the_lead_in_is_quiet_until_the_first_cue),
        cmocka_unit_test(every_boundary_announces_its_phase_once),
        cmocka_unit_test(a_late_frame_announces_only_the_phase_it_lands_in),
        cmocka_unit_test(the_opening_exhale_comes_before_the_first_breath),
        cmocka_unit_test(counts_follow_whole_seconds_of_the_phase),
        cmocka_unit_test(counts_stop_at_ten),
        cmocka_unit_test(a_forgotten_cue_is_scheduled_again),
        cmocka_unit_test(a_change_of_pace_keeps_the_breath_and_phase),
        cmocka_unit_test(a_session_in_time_keeps_its_breaths_when_the_pace_changes),
        cmocka_unit_test(cycles_given_replace_the_length),
        cmocka_unit_test(the_end_is_reported_without_a_cue),
        cmocka_unit_test(it_wakes_for_the_cue_then_the_boundary),
        cmocka_unit_test(the_same_events_as_the_update_it_replaces),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
