/* Tests for the breathing pacer engine: phases, boundaries, lead-in, session rounding,
 * fill, ramps, long-run exactness, adjustment and validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/breath.h"

#define S(x)  ((gw_ns)((x) * 1000.0 + ((x) >= 0 ? 0.5 : -0.5)) * GW_NS_PER_MS)

/* cmocka's assert_float_equal works in float; these checks need double. */
#define assert_near(a, b, eps) near_((a), (b), (eps), __FILE__, __LINE__)
static void near_(double a, double b, double eps, const char *file, int line)
{
    if (!(fabs(a - b) <= eps)) {
        print_error("%.17g != %.17g (tolerance %g)\n", a, b, eps);
        _fail(file, line);
    }
}

static breath_pattern pattern(int n, const breath_kind *kind, const int32_t *ms)
{
    breath_pattern p;
    memset(&p, 0, sizeof p);
    p.nphase = n;
    for (int j = 0; j < n; j++) {
        p.phase[j].kind = kind[j];
        p.phase[j].ms = ms[j];
    }
    return p;
}

static breath_pattern box(void)
{
    static const breath_kind k[] = { BREATH_INHALE, BREATH_HOLD_IN, BREATH_EXHALE, BREATH_HOLD_OUT };
    static const int32_t ms[] = { 4000, 4000, 4000, 4000 };
    return pattern(4, k, ms);
}

static breath_pattern four_seven_eight(void)
{
    static const breath_kind k[] = { BREATH_INHALE, BREATH_HOLD_IN, BREATH_EXHALE };
    static const int32_t ms[] = { 4000, 7000, 8000 };
    return pattern(3, k, ms);
}

static breath_pattern sigh(void)
{
    static const breath_kind k[] = { BREATH_INHALE, BREATH_TOPUP, BREATH_EXHALE };
    static const int32_t ms[] = { 3000, 1000, 6000 };
    return pattern(3, k, ms);
}

static breath_pattern in_out(int32_t in_ms, int32_t out_ms)
{
    static const breath_kind k[] = { BREATH_INHALE, BREATH_EXHALE };
    const int32_t ms[] = { in_ms, out_ms };
    return pattern(2, k, ms);
}

/* The resonance ramp of the issue: 4 in / 6 out, 6 -> 5.5 bpm over 10 min, 15 min. */
static breath_pattern resonance_ramp(void)
{
    breath_pattern p = in_out(4000, 6000);
    p.ramp_from_bpm = 6.0;
    p.ramp_to_bpm = 5.5;
    p.ramp_ns = S(600);
    p.session_ns = S(900);
    return p;
}

/* Breath position (breaths, fractional) reported by a state, for continuity checks. */
static double position(const breath_pattern *p, const breath_state *st)
{
    double sum = 0, before = 0;
    for (int j = 0; j < p->nphase; j++) {
        if (j < st->index)
            before += p->phase[j].ms;
        sum += p->phase[j].ms;
    }
    return st->cycle + (before + st->progress * p->phase[st->index].ms) / sum;
}

/* Walks a session with breath_next_boundary and checks each boundary against breath_at.
 * Returns the number of boundaries strictly after 0. */
static long walk_boundaries(const breath_pattern *p)
{
    gw_ns total = breath_total(p);
    assert_int_equal(breath_next_boundary(p, -1), 0);
    long count = 0;
    gw_ns prev = 0;
    for (gw_ns b = breath_next_boundary(p, 0); b != GW_NEVER; b = breath_next_boundary(p, b)) {
        assert_true(b > prev);
        assert_true(b <= total);
        /* Just before a boundary, the current phase ends exactly there. */
        breath_state st;
        breath_at(p, b - 1, &st);
        assert_int_equal(st.phase_start + st.phase_len, b);
        assert_true(b - 1 >= st.phase_start);
        /* At the boundary a new phase (or the end) begins exactly there. */
        breath_at(p, b, &st);
        if (b < total) {
            assert_int_equal(st.phase_start, b);
            assert_int_equal(st.stage, BREATH_STAGE_BREATHING);
            /* Every time inside the phase names the same next boundary. */
            assert_int_equal(breath_next_boundary(p, b + st.phase_len / 2), b + st.phase_len);
        } else {
            assert_int_equal(st.stage, BREATH_STAGE_DONE);
        }
        prev = b;
        count++;
    }
    assert_int_equal(prev, total);
    return count;
}

static void test_box_phases(void **state)
{
    (void)state;
    breath_pattern p = box();
    p.cycles = 3;
    assert_null(breath_check(&p));
    assert_int_equal(breath_cycle_len(&p), S(16));
    assert_int_equal(breath_total_cycles(&p), 3);
    assert_int_equal(breath_total(&p), S(48));

    breath_state st;
    breath_at(&p, 0, &st);
    assert_int_equal(st.stage, BREATH_STAGE_BREATHING);
    assert_int_equal(st.index, 0);
    assert_int_equal(st.kind, BREATH_INHALE);
    assert_int_equal(st.cycle, 0);
    assert_int_equal(st.total_cycles, 3);
    assert_near(st.progress, 0.0, 1e-12);
    assert_int_equal(st.phase_start, 0);
    assert_int_equal(st.phase_len, S(4));
    assert_int_equal(st.remaining, S(48));
    assert_near(st.fill, 0.0, 1e-12);
    assert_int_equal(st.lead_in_count, 0);

    breath_at(&p, S(2), &st);
    assert_near(st.progress, 0.5, 1e-12);
    assert_near(st.fill, 0.5, 1e-12);

    breath_at(&p, S(4) - 1, &st);
    assert_int_equal(st.kind, BREATH_INHALE);
    assert_near(st.fill, 1.0, 1e-9);

    breath_at(&p, S(5), &st);
    assert_int_equal(st.kind, BREATH_HOLD_IN);
    assert_int_equal(st.index, 1);
    assert_int_equal(st.phase_start, S(4));
    assert_near(st.progress, 0.25, 1e-12);
    assert_near(st.fill, 1.0, 1e-12);

    breath_at(&p, S(10), &st);
    assert_int_equal(st.kind, BREATH_EXHALE);
    assert_near(st.fill, 0.5, 1e-12);

    breath_at(&p, S(13), &st);
    assert_int_equal(st.kind, BREATH_HOLD_OUT);
    assert_near(st.fill, 0.0, 1e-12);

    breath_at(&p, S(37), &st);
    assert_int_equal(st.cycle, 2);
    assert_int_equal(st.index, 1);
    assert_int_equal(st.phase_start, S(36));
    assert_int_equal(st.remaining, S(11));

    breath_at(&p, S(48) - 1, &st);
    assert_int_equal(st.stage, BREATH_STAGE_BREATHING);
    assert_int_equal(st.kind, BREATH_HOLD_OUT);
    assert_int_equal(st.cycle, 2);
    assert_int_equal(st.remaining, 1);

    breath_at(&p, S(48), &st);
    assert_int_equal(st.stage, BREATH_STAGE_DONE);
    assert_int_equal(st.cycle, 3);
    assert_int_equal(st.total_cycles, 3);
    assert_int_equal(st.remaining, 0);
    assert_near(st.fill, 0.0, 1e-12);
    breath_at(&p, S(1000), &st);
    assert_int_equal(st.stage, BREATH_STAGE_DONE);
    assert_int_equal(st.remaining, 0);

    /* t < 0 is treated as 0. */
    breath_at(&p, -S(5), &st);
    assert_int_equal(st.kind, BREATH_INHALE);
    assert_int_equal(st.remaining, S(48));

    assert_int_equal(breath_next_boundary(&p, 0), S(4));
    assert_int_equal(breath_next_boundary(&p, S(4) - 1), S(4));
    assert_int_equal(breath_next_boundary(&p, S(4)), S(8));
    assert_int_equal(breath_next_boundary(&p, S(47.9)), S(48));
    assert_true(breath_next_boundary(&p, S(48)) == GW_NEVER);
    assert_int_equal(walk_boundaries(&p), 12);
}

static void test_lead_in(void **state)
{
    (void)state;
    breath_pattern p = box();
    p.cycles = 2;
    p.lead_in_ns = S(3);
    assert_int_equal(breath_total(&p), S(35));

    breath_state st;
    breath_at(&p, 0, &st);
    assert_int_equal(st.stage, BREATH_STAGE_LEAD_IN);
    assert_int_equal(st.lead_in_count, 3);
    assert_int_equal(st.cycle, 0);
    assert_int_equal(st.remaining, S(35));
    assert_near(st.fill, 0.0, 1e-12);
    breath_at(&p, S(1) - 1, &st);
    assert_int_equal(st.lead_in_count, 3);
    breath_at(&p, S(1), &st);
    assert_int_equal(st.lead_in_count, 2);
    breath_at(&p, S(2.5), &st);
    assert_int_equal(st.lead_in_count, 1);
    breath_at(&p, S(3) - 1, &st);
    assert_int_equal(st.stage, BREATH_STAGE_LEAD_IN);
    assert_int_equal(st.lead_in_count, 1);

    breath_at(&p, S(3), &st);
    assert_int_equal(st.stage, BREATH_STAGE_BREATHING);
    assert_int_equal(st.lead_in_count, 0);
    assert_int_equal(st.kind, BREATH_INHALE);
    assert_int_equal(st.phase_start, S(3));
    assert_int_equal(st.remaining, S(32));

    /* A lead-in that is not whole seconds still counts down to 1. */
    p.lead_in_ns = S(2.5);
    breath_at(&p, 0, &st);
    assert_int_equal(st.lead_in_count, 3);
    breath_at(&p, S(2), &st);
    assert_int_equal(st.lead_in_count, 1);

    p.lead_in_ns = S(3);
    assert_int_equal(breath_next_boundary(&p, 0), S(3));
    assert_int_equal(breath_next_boundary(&p, S(3)), S(7));
    assert_int_equal(walk_boundaries(&p), 1 + 8);
}

/* 4-7-8 opens with one full exhale: after the lead-in, before the first breath, not
 * counted as a breath, and the ramp and every boundary come after it. */
static void test_opening_exhale(void **state)
{
    (void)state;
    breath_pattern p = four_seven_eight();
    p.cycles = 4;
    p.lead_in_ns = S(3);
    p.opening_ms = 8000;
    assert_null(breath_check(&p));
    assert_int_equal(breath_total(&p), S(3 + 8 + 4 * 19));
    assert_int_equal(breath_total_cycles(&p), 4);

    breath_state st;
    breath_at(&p, S(1), &st);
    assert_int_equal(st.stage, BREATH_STAGE_LEAD_IN);
    assert_int_equal(st.kind, BREATH_EXHALE);      /* "get ready" to breathe out */
    assert_near(st.fill, 1.0, 1e-12);
    assert_false(st.opening);

    breath_at(&p, S(3), &st);
    assert_int_equal(st.stage, BREATH_STAGE_BREATHING);
    assert_true(st.opening);
    assert_int_equal(st.kind, BREATH_EXHALE);
    assert_int_equal(st.index, -1);
    assert_int_equal(st.cycle, 0);
    assert_int_equal(st.phase_start, S(3));
    assert_int_equal(st.phase_len, S(8));
    assert_near(st.fill, 1.0, 1e-12);
    breath_at(&p, S(7), &st);
    assert_near(st.progress, 0.5, 1e-12);
    assert_near(st.fill, 0.5, 1e-9);
    breath_at(&p, S(11) - 1, &st);
    assert_true(st.opening);
    assert_true(st.fill < 1e-9);

    breath_at(&p, S(11), &st);
    assert_false(st.opening);
    assert_int_equal(st.kind, BREATH_INHALE);
    assert_int_equal(st.index, 0);
    assert_int_equal(st.cycle, 0);
    assert_int_equal(st.phase_start, S(11));
    assert_int_equal(st.remaining, S(76));
    breath_at(&p, S(11 + 4 + 7), &st);
    assert_int_equal(st.kind, BREATH_EXHALE);
    assert_int_equal(st.index, 2);

    assert_int_equal(breath_next_boundary(&p, 0), S(3));
    assert_int_equal(breath_next_boundary(&p, S(3)), S(11));
    assert_int_equal(breath_next_boundary(&p, S(11)), S(15));
    assert_int_equal(walk_boundaries(&p), 1 + 1 + 4 * 3);

    breath_at(&p, breath_total(&p), &st);
    assert_int_equal(st.stage, BREATH_STAGE_DONE);
    assert_int_equal(st.phase_start, S(3 + 8 + 3 * 19 + 11));

    /* without a lead-in the session starts on the exhale */
    p.lead_in_ns = 0;
    breath_at(&p, 0, &st);
    assert_true(st.opening);
    assert_int_equal(st.stage, BREATH_STAGE_BREATHING);

    /* it follows Longer and Shorter like the phases */
    breath_adjust(&p, 1000);
    assert_int_equal(p.opening_ms, 9000);
    assert_int_equal(p.phase[0].ms, 5000);

    /* a session by time counts its breaths after the opening */
    breath_pattern m = four_seven_eight();
    m.session_ns = S(60);
    m.opening_ms = 8000;
    assert_int_equal(breath_total_cycles(&m), 4);
    assert_int_equal(breath_total(&m), S(8 + 4 * 19));

    /* with a ramp, every boundary is the ramp's own, moved later by the opening */
    breath_pattern r = in_out(4000, 6000), r0;
    r.session_ns = S(120);
    r.ramp_from_bpm = 6.0;
    r.ramp_to_bpm = 5.0;
    r.ramp_ns = S(60);
    r.lead_in_ns = S(3);
    r0 = r;
    r.opening_ms = 6000;
    assert_int_equal(breath_total(&r), breath_total(&r0) + S(6));
    assert_int_equal(breath_total_cycles(&r), breath_total_cycles(&r0));
    for (gw_ns t = S(3), u = S(3); t != GW_NEVER;) {
        gw_ns nb = breath_next_boundary(&r, t + S(6)), nb0 = breath_next_boundary(&r0, u);
        assert_true(nb == (nb0 == GW_NEVER ? GW_NEVER : nb0 + S(6)));
        t = nb0;
        u = nb0;
    }

    breath_pattern bad = four_seven_eight();
    bad.cycles = 1;
    bad.opening_ms = 400;
    assert_non_null(breath_check(&bad));
    bad.opening_ms = 60100;
    assert_non_null(breath_check(&bad));
    bad.opening_ms = 4050;
    assert_non_null(breath_check(&bad));
    bad.opening_ms = -8000;
    assert_non_null(breath_check(&bad));
}

static void test_session_rounded_up(void **state)
{
    (void)state;
    breath_pattern p = four_seven_eight();
    p.session_ns = S(60);
    assert_int_equal(breath_cycle_len(&p), S(19));
    assert_int_equal(breath_total_cycles(&p), 4);
    assert_int_equal(breath_total(&p), S(76));

    breath_state st;
    breath_at(&p, S(76) - 1, &st);
    assert_int_equal(st.stage, BREATH_STAGE_BREATHING);
    assert_int_equal(st.kind, BREATH_EXHALE);
    assert_int_equal(st.cycle, 3);
    breath_at(&p, S(76), &st);
    assert_int_equal(st.stage, BREATH_STAGE_DONE);
    assert_int_equal(st.cycle, 4);

    /* An exact multiple is not rounded further; one nanosecond more adds a breath. */
    p.session_ns = S(57);
    assert_int_equal(breath_total_cycles(&p), 3);
    p.session_ns = S(57) + 1;
    assert_int_equal(breath_total_cycles(&p), 4);
    p.session_ns = 1;
    assert_int_equal(breath_total_cycles(&p), 1);

    /* Cycles take precedence over time; the lead-in is added on top. */
    p.cycles = 2;
    p.lead_in_ns = S(3);
    assert_int_equal(breath_total(&p), S(41));
}

static void test_odd_durations(void **state)
{
    (void)state;
    static const breath_kind k[] = { BREATH_INHALE, BREATH_HOLD_IN, BREATH_EXHALE };
    static const int32_t ms[] = { 3700, 1300, 5900 };
    breath_pattern p = pattern(3, k, ms);
    p.cycles = 100;
    assert_null(breath_check(&p));
    assert_int_equal(breath_cycle_len(&p), 10900 * GW_NS_PER_MS);
    assert_int_equal(breath_total(&p), 1090 * GW_NS_PER_SEC);

    static const gw_ns off[] = { 0, 3700 * GW_NS_PER_MS, 5000 * GW_NS_PER_MS };
    for (int i = 0; i < 100; i++) {
        for (int j = 0; j < 3; j++) {
            gw_ns b = (gw_ns)i * 10900 * GW_NS_PER_MS + off[j];
            breath_state st;
            breath_at(&p, b, &st);
            assert_int_equal(st.cycle, i);
            assert_int_equal(st.index, j);
            assert_int_equal(st.phase_start, b);
            assert_int_equal(st.phase_len, (gw_ns)ms[j] * GW_NS_PER_MS);
            assert_near(st.progress, 0.0, 0.0);
            if (b > 0) {
                breath_at(&p, b - 1, &st);
                assert_int_equal(st.index, (j + 2) % 3);
                assert_int_equal(st.phase_start + st.phase_len, b);
            }
        }
    }
    assert_int_equal(walk_boundaries(&p), 300);
}

/* Fill must be continuous across every boundary of the first two breaths, including
 * the wrap between them (the session end, where fill drops to 0, is excluded). */
static void assert_fill_continuous(const breath_pattern *p)
{
    assert_true(breath_total_cycles(p) >= 3);
    gw_ns b = 0;
    for (int j = 0; j < 2 * p->nphase; j++) {
        b += (gw_ns)p->phase[j % p->nphase].ms * GW_NS_PER_MS;
        breath_state before, after;
        breath_at(p, b - 1, &before);
        breath_at(p, b, &after);
        assert_near(before.fill, after.fill, 1e-6);
    }
}

static void test_sigh_fill(void **state)
{
    (void)state;
    breath_pattern p = sigh();
    p.cycles = 5;
    breath_state st;
    breath_at(&p, 0, &st);
    assert_near(st.fill, 0.0, 1e-12);
    breath_at(&p, S(1.5), &st);
    assert_int_equal(st.kind, BREATH_INHALE);
    assert_near(st.fill, 0.4, 1e-12);
    breath_at(&p, S(3), &st);
    assert_int_equal(st.kind, BREATH_TOPUP);
    assert_near(st.fill, 0.8, 1e-12);
    breath_at(&p, S(3.5), &st);
    assert_near(st.fill, 0.9, 1e-12);
    breath_at(&p, S(4), &st);
    assert_int_equal(st.kind, BREATH_EXHALE);
    assert_near(st.fill, 1.0, 1e-12);
    breath_at(&p, S(7), &st);
    assert_near(st.fill, 0.5, 1e-12);
    /* Sinusoidal easing: a quarter of the way in time is (1 - cos(pi/4)) / 2. */
    breath_at(&p, S(0.75), &st);
    assert_near(st.fill, 0.8 * (1.0 - cos(M_PI / 4)) / 2.0, 1e-12);
    assert_fill_continuous(&p);
}

static void test_fill_starting_elsewhere(void **state)
{
    (void)state;
    /* Box breathing that starts on the exhale: the lungs are full at the start. */
    static const breath_kind k[] = { BREATH_EXHALE, BREATH_HOLD_OUT, BREATH_INHALE, BREATH_HOLD_IN };
    static const int32_t ms[] = { 4000, 2000, 4000, 2000 };
    breath_pattern p = pattern(4, k, ms);
    p.cycles = 3;
    p.lead_in_ns = S(3);
    breath_state st;
    breath_at(&p, 0, &st);
    assert_int_equal(st.stage, BREATH_STAGE_LEAD_IN);
    assert_near(st.fill, 1.0, 1e-12);
    p.lead_in_ns = 0;
    breath_at(&p, 0, &st);
    assert_near(st.fill, 1.0, 1e-12);
    breath_at(&p, S(2), &st);
    assert_near(st.fill, 0.5, 1e-12);
    breath_at(&p, S(5), &st);
    assert_near(st.fill, 0.0, 1e-12);
    breath_at(&p, S(11), &st);
    assert_int_equal(st.kind, BREATH_HOLD_IN);
    assert_near(st.fill, 1.0, 1e-12);
    assert_fill_continuous(&p);

    /* A sigh whose top-up comes first (the inhale wraps round to it). */
    static const breath_kind k2[] = { BREATH_TOPUP, BREATH_EXHALE, BREATH_INHALE };
    static const int32_t ms2[] = { 1000, 6000, 3000 };
    breath_pattern q = pattern(3, k2, ms2);
    q.cycles = 3;
    breath_at(&q, 0, &st);
    assert_near(st.fill, 0.8, 1e-12);
    breath_at(&q, S(9.999999), &st);
    assert_near(st.fill, 0.8, 1e-9);
    assert_fill_continuous(&q);
}

static void test_ramp(void **state)
{
    (void)state;
    breath_pattern p = resonance_ramp();
    assert_null(breath_check(&p));
    /* 57.5 breaths during the ramp (mean 5.75 bpm for 10 min), then 5.5 bpm for 5 min:
     * exactly 85 breaths, ending at 15 min. */
    assert_int_equal(breath_total_cycles(&p), 85);
    assert_true(llabs(breath_total(&p) - S(900)) <= 1);

    breath_state st;
    breath_at(&p, 0, &st);
    /* The first breath is at about 6 bpm: 4 s in. */
    assert_int_equal(st.kind, BREATH_INHALE);
    assert_true(fabs(gw_seconds(st.phase_len) - 4.0) < 0.01);

    /* At the end of the ramp, breath position 57.5. */
    breath_at(&p, S(600), &st);
    assert_int_equal(st.cycle, 57);
    assert_int_equal(st.kind, BREATH_EXHALE);
    assert_near(position(&p, &st), 57.5, 1e-4);

    /* Breath position is continuous, with a continuous rate, across the ramp end. */
    breath_state a, b, c;
    gw_ns h = S(0.002);
    breath_at(&p, S(600) - h, &a);
    breath_at(&p, S(600), &b);
    breath_at(&p, S(600) + h, &c);
    double r1 = 5.5 / 60.0;
    assert_near(position(&p, &b) - position(&p, &a), r1 * 0.002, 1e-7);
    assert_near(position(&p, &c) - position(&p, &b), r1 * 0.002, 1e-7);

    /* Phase ratios are kept in every breath; lengths follow the local rate. */
    gw_ns prev_cycle = 0;
    gw_ns start = 0;
    for (int i = 0; i < 85; i++) {
        breath_state in, out;
        breath_at(&p, start, &in);
        assert_int_equal(in.cycle, i);
        assert_int_equal(in.kind, BREATH_INHALE);
        assert_int_equal(in.phase_start, start);
        breath_at(&p, start + in.phase_len, &out);
        assert_int_equal(out.kind, BREATH_EXHALE);
        assert_int_equal(out.phase_start, start + in.phase_len);
        gw_ns cyc = in.phase_len + out.phase_len;
        /* Boundaries sit at 0.4 of each breath's position; in time the inhale is a
         * touch shorter while the rate falls (~1.7e-4 here), exact after the ramp. */
        assert_near((double)in.phase_len / (double)cyc, 0.4, i >= 58 ? 1e-9 : 5e-4);
        /* Slowing down: no breath is shorter than the one before (boundaries are
         * rounded to the ns, so once the rate is steady lengths may differ by 1 ns). */
        assert_true(cyc + 1 >= prev_cycle);
        prev_cycle = cyc;
        if (i >= 58) { /* after the ramp: 60 / 5.5 s per breath */
            assert_near(gw_seconds(cyc), 60.0 / 5.5, 1e-8);
            assert_near(gw_seconds(in.phase_len), 0.4 * 60.0 / 5.5, 1e-8);
        }
        start += cyc;
    }
    assert_int_equal(start, breath_total(&p));
    /* Breath count at t is the integral of the rate. */
    breath_at(&p, S(300), &st);
    assert_near(position(&p, &st), 0.1 * 300 + 0.5 * (r1 - 0.1) * 300 * 300 / 600, 1e-4);
    breath_at(&p, S(750), &st);
    assert_near(position(&p, &st), 57.5 + r1 * 150, 1e-4);

    assert_int_equal(walk_boundaries(&p), 85 * 2);
}

static void test_ramp_variants(void **state)
{
    (void)state;
    /* Speeding up, with a lead-in and cycles. */
    breath_pattern p = in_out(4000, 6000);
    p.ramp_from_bpm = 4.5;
    p.ramp_to_bpm = 6.5;
    p.ramp_ns = S(120);
    p.cycles = 30;
    p.lead_in_ns = S(3);
    assert_null(breath_check(&p));
    assert_int_equal(breath_total_cycles(&p), 30);
    assert_int_equal(walk_boundaries(&p), 1 + 60);
    breath_state st;
    breath_at(&p, breath_total(&p) - 1, &st);
    assert_int_equal(st.cycle, 29);
    assert_int_equal(st.kind, BREATH_EXHALE);

    /* A "ramp" between equal rates is the plain pattern at that rate, to the ns. */
    breath_pattern q = in_out(4000, 6000);
    q.ramp_from_bpm = 6.0;
    q.ramp_to_bpm = 6.0;
    q.ramp_ns = S(600);
    q.cycles = 120;
    breath_pattern plain = in_out(4000, 6000);
    plain.cycles = 120;
    assert_int_equal(breath_total(&q), breath_total(&plain));
    for (gw_ns t = 0; t != GW_NEVER; t = breath_next_boundary(&plain, t))
        assert_int_equal(breath_next_boundary(&q, t), breath_next_boundary(&plain, t));

    /* A zero-length ramp runs at the target rate throughout. */
    q.ramp_from_bpm = 10.0;
    q.ramp_ns = 0;
    assert_int_equal(breath_total(&q), breath_total(&plain));

    /* Rates only near each other (tiny slope) stay accurate: the stable root. */
    q.ramp_from_bpm = 6.0;
    q.ramp_to_bpm = 6.0 * (1.0 + 1e-12);
    q.ramp_ns = S(600);
    assert_true(llabs(breath_total(&q) - breath_total(&plain)) <= 2);
}

static void test_eight_hours_box(void **state)
{
    (void)state;
    breath_pattern p = box();
    p.session_ns = 8LL * 3600 * GW_NS_PER_SEC;
    assert_null(breath_check(&p));
    assert_int_equal(breath_total_cycles(&p), 1800);
    assert_int_equal(breath_total(&p), p.session_ns);

    long k = 0;
    for (gw_ns b = breath_next_boundary(&p, 0); b != GW_NEVER; b = breath_next_boundary(&p, b)) {
        k++;
        assert_int_equal(b, k * 4 * GW_NS_PER_SEC);
    }
    assert_int_equal(k, 7200);

    /* Late in the session, any t maps to the exact integer boundaries. */
    gw_ns t = p.session_ns - S(1) - 12345;
    breath_state st;
    breath_at(&p, t, &st);
    assert_int_equal(st.cycle, 1799);
    assert_int_equal(st.kind, BREATH_HOLD_OUT);
    assert_int_equal(st.phase_start, p.session_ns - S(4));
    assert_int_equal(st.phase_len, S(4));
    assert_int_equal(st.remaining, S(1) + 12345);
    assert_int_equal(walk_boundaries(&p), 7200);
}

static uint32_t lcg(uint32_t *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return *seed >> 8;
}

/* Many random valid patterns, with and without ramps: the boundary walk and breath_at
 * agree everywhere, and every time lies inside the phase it is reported in. */
static void test_random_patterns(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    int tested = 0, ramps = 0;
    for (int round = 0; round < 300; round++) {
        breath_pattern p;
        memset(&p, 0, sizeof p);
        p.nphase = 1 + (int)(lcg(&seed) % BREATH_MAX_PHASES);
        for (int j = 0; j < p.nphase; j++) {
            p.phase[j].kind = (breath_kind)(lcg(&seed) % BREATH_KIND_COUNT);
            p.phase[j].ms = (int32_t)(5 + lcg(&seed) % 96) * 100; /* 0.5-10 s */
        }
        if (lcg(&seed) % 2)
            p.cycles = 1 + (int)(lcg(&seed) % 12);
        else
            p.session_ns = 1 + (gw_ns)(lcg(&seed) % 200000) * GW_NS_PER_MS;
        if (lcg(&seed) % 2)
            p.lead_in_ns = (gw_ns)(lcg(&seed) % 5000) * GW_NS_PER_MS;
        if (lcg(&seed) % 2) {
            gw_ns cyc = breath_cycle_len(&p);
            double base = 60.0 / gw_seconds(cyc);
            p.ramp_from_bpm = base * (0.8 + 0.4 * (lcg(&seed) % 1000) / 1000.0);
            p.ramp_to_bpm = base * (0.8 + 0.4 * (lcg(&seed) % 1000) / 1000.0);
            p.ramp_ns = (gw_ns)(lcg(&seed) % 120) * GW_NS_PER_SEC;
        }
        if (breath_check(&p) != NULL)
            continue; /* a ramp pushed a phase under 0.5 s */
        tested++;
        ramps += p.ramp_from_bpm > 0.0;
        int cycles = breath_total_cycles(&p);
        assert_true(cycles >= 1);
        if (p.cycles == 0) {
            /* The fewest whole breaths that reach session_ns. */
            assert_true(breath_total(&p) - p.lead_in_ns >= p.session_ns);
            if (cycles > 1) {
                breath_pattern fewer = p;
                fewer.cycles = cycles - 1;
                assert_true(breath_total(&fewer) - p.lead_in_ns < p.session_ns);
            }
        }
        long expect = (long)cycles * p.nphase + (p.lead_in_ns > 0 ? 1 : 0);
        assert_int_equal(walk_boundaries(&p), expect);
        gw_ns total = breath_total(&p);
        for (int k = 0; k < 50; k++) {
            gw_ns t = (gw_ns)((double)(lcg(&seed) % 1000000) / 1e6 * (double)total);
            breath_state st;
            breath_at(&p, t, &st);
            assert_true(st.phase_start <= t);
            assert_true(t < st.phase_start + st.phase_len);
            assert_true(st.progress >= 0.0 && st.progress < 1.0);
            assert_true(st.fill >= 0.0 && st.fill <= 1.0);
            assert_int_equal(st.remaining, total - t);
            assert_true(st.cycle < cycles);
        }
    }
    print_message("%d random patterns, %d with ramps\n", tested, ramps);
    assert_true(tested > 200 && ramps > 80);
}

static void test_adjust(void **state)
{
    (void)state;
    breath_pattern p = box();
    breath_adjust(&p, 500);
    for (int j = 0; j < 4; j++)
        assert_int_equal(p.phase[j].ms, 4500);
    breath_adjust(&p, -10000);
    for (int j = 0; j < 4; j++)
        assert_int_equal(p.phase[j].ms, 500);

    breath_pattern q = sigh();
    q.phase[2].ms = 59800;
    breath_adjust(&q, 500);
    assert_int_equal(q.phase[0].ms, 3500);
    assert_int_equal(q.phase[1].ms, 1500);
    assert_int_equal(q.phase[2].ms, 60000);
    breath_adjust(&q, INT32_MAX);
    for (int j = 0; j < 3; j++)
        assert_int_equal(q.phase[j].ms, 60000);
    breath_adjust(&q, INT32_MIN);
    for (int j = 0; j < 3; j++)
        assert_int_equal(q.phase[j].ms, 500);

    /* Changes off the 0.1 s grid round to it, symmetrically. */
    breath_pattern r = box();
    breath_adjust(&r, 50);
    assert_int_equal(r.phase[0].ms, 4100);
    breath_adjust(&r, -50);
    assert_int_equal(r.phase[0].ms, 4000);
    breath_adjust(&r, 149);
    assert_int_equal(r.phase[0].ms, 4100);
    breath_adjust(&r, 0);
    assert_int_equal(r.phase[0].ms, 4100);
    r.cycles = 1;
    assert_null(breath_check(&r));
}

static void test_check(void **state)
{
    (void)state;
    breath_pattern p = box();
    p.cycles = 3;
    assert_null(breath_check(&p));

    breath_pattern bad = p;
    bad.nphase = 0;
    assert_non_null(breath_check(&bad));
    bad.nphase = 9;
    assert_non_null(breath_check(&bad));
    assert_non_null(breath_check(NULL));

    bad = p;
    bad.phase[1].ms = 400;
    assert_non_null(breath_check(&bad));
    bad.phase[1].ms = 500;
    assert_null(breath_check(&bad));
    bad.phase[1].ms = 60100;
    assert_non_null(breath_check(&bad));
    bad.phase[1].ms = 60000;
    assert_null(breath_check(&bad));
    bad.phase[1].ms = 4050;
    assert_non_null(breath_check(&bad));
    bad.phase[1].ms = -4000;
    assert_non_null(breath_check(&bad));

    bad = p;
    bad.phase[2].kind = BREATH_KIND_COUNT;
    assert_non_null(breath_check(&bad));

    bad = p;
    bad.cycles = 0;
    assert_non_null(breath_check(&bad));  /* no length at all */
    bad.cycles = -1;
    assert_non_null(breath_check(&bad));
    bad = p;
    bad.session_ns = -1;
    assert_non_null(breath_check(&bad));
    bad = p;
    bad.lead_in_ns = -1;
    assert_non_null(breath_check(&bad));

    bad = p;
    bad.ramp_from_bpm = 6.0;
    assert_non_null(breath_check(&bad));  /* only one rate */
    bad.ramp_to_bpm = NAN;
    assert_non_null(breath_check(&bad));
    bad.ramp_to_bpm = -5.0;
    assert_non_null(breath_check(&bad));
    bad.ramp_to_bpm = 5.0;
    bad.ramp_ns = -1;
    assert_non_null(breath_check(&bad));
    bad.ramp_ns = S(60);
    assert_null(breath_check(&bad));
    bad.ramp_to_bpm = 40.0;               /* 0.375 s phases */
    assert_non_null(breath_check(&bad));

    /* An invalid pattern never crashes the engine: it is simply over. */
    bad = p;
    bad.nphase = 0;
    breath_state st;
    breath_at(&bad, S(1), &st);
    assert_int_equal(st.stage, BREATH_STAGE_DONE);
    assert_int_equal(breath_total(&bad), 0);
    assert_int_equal(breath_total_cycles(&bad), 0);
    assert_true(breath_next_boundary(&bad, 0) == GW_NEVER);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(breath_kind_name(BREATH_INHALE), "inhale");
    assert_string_equal(breath_kind_name(BREATH_HOLD_IN), "hold");
    assert_string_equal(breath_kind_name(BREATH_EXHALE), "exhale");
    assert_string_equal(breath_kind_name(BREATH_HOLD_OUT), "hold_out");
    assert_string_equal(breath_kind_name(BREATH_TOPUP), "topup");
    for (int k = 0; k < BREATH_KIND_COUNT; k++)
        assert_int_equal(breath_kind_parse(breath_kind_name((breath_kind)k)), k);
    assert_int_equal(breath_kind_parse("hold_in"), BREATH_HOLD_IN);
    assert_int_equal(breath_kind_parse("Inhale"), -1);
    assert_int_equal(breath_kind_parse(""), -1);
    assert_int_equal(breath_kind_parse(NULL), -1);
    assert_non_null(breath_kind_name(BREATH_KIND_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_box_phases),
        cmocka_unit_test(test_lead_in),
        cmocka_unit_test(test_opening_exhale),
        cmocka_unit_test(test_session_rounded_up),
        cmocka_unit_test(test_odd_durations),
        cmocka_unit_test(test_sigh_fill),
        cmocka_unit_test(test_fill_starting_elsewhere),
        cmocka_unit_test(test_ramp),
        cmocka_unit_test(test_ramp_variants),
        cmocka_unit_test(test_eight_hours_box),
        cmocka_unit_test(test_random_patterns),
        cmocka_unit_test(test_adjust),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_kind_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
