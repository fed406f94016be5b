/* synth: cue tones and ambience beds, checked by their samples. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/synth.h"

#define RATE 48000

static float *cue(synth_cue c, size_t *n)
{
    *n = synth_cue_frames(RATE);
    float *b = calloc(*n, sizeof *b);
    assert_non_null(b);
    assert_int_equal(synth_cue_render(c, RATE, b, *n), *n);
    return b;
}

/* Rising zero crossings per second over [from, to) seconds: the tone's pitch. */
static double pitch(const float *b, double from, double to)
{
    size_t i0 = (size_t)(from * RATE), i1 = (size_t)(to * RATE);
    int z = 0;
    for (size_t i = i0 + 1; i < i1; i++)
        if (b[i - 1] < 0 && b[i] >= 0)
            z++;
    return z / (to - from);
}

static void names_parse(void **st)
{
    (void)st;
    assert_int_equal(synth_cue_parse("inhale"), SYNTH_CUE_INHALE);
    assert_int_equal(synth_cue_parse("exhale"), SYNTH_CUE_EXHALE);
    assert_int_equal(synth_cue_parse("hold"), SYNTH_CUE_HOLD);
    assert_int_equal(synth_cue_parse("hold_out"), -1);
    assert_int_equal(synth_cue_parse(NULL), -1);
    assert_int_equal(synth_bed_parse("brown"), SYNTH_BED_BROWN);
    assert_int_equal(synth_bed_parse("rain"), SYNTH_BED_RAIN);
    assert_int_equal(synth_bed_parse("drone"), SYNTH_BED_DRONE);
    assert_int_equal(synth_bed_parse("pink"), -1);
    assert_string_equal(synth_cue_name(SYNTH_CUE_EXHALE), "exhale");
    assert_string_equal(synth_cue_name((synth_cue)7), "unknown");
}

static void cue_lengths_and_bad_input(void **st)
{
    (void)st;
    assert_int_equal(synth_cue_frames(48000), 43200);
    assert_int_equal(synth_cue_frames(44100), 39690);
    assert_int_equal(synth_cue_frames(100), 0);
    float b[16];
    assert_int_equal(synth_cue_render(SYNTH_CUE_INHALE, 100, b, 16), 0);
    assert_int_equal(synth_cue_render((synth_cue)9, RATE, b, 16), 0);
    assert_int_equal(synth_cue_render(SYNTH_CUE_HOLD, RATE, NULL, 16), 0);
    /* a short buffer gets the cue's beginning */
    assert_int_equal(synth_cue_render(SYNTH_CUE_HOLD, RATE, b, 16), 16);
}

static void cues_are_soft_with_a_sharp_onset_and_a_silent_end(void **st)
{
    (void)st;
    for (int c = 0; c < SYNTH_CUE_COUNT; c++) {
        size_t n;
        float *b = cue((synth_cue)c, &n);
        float peak = 0;
        size_t first = n;
        for (size_t i = 0; i < n; i++) {
            assert_false(isnan(b[i]));
            if (fabsf(b[i]) > peak)
                peak = fabsf(b[i]);
            if (first == n && fabsf(b[i]) > 0.02f)
                first = i;
        }
        assert_true(peak <= SYNTH_CUE_PEAK + 1e-6f);
        assert_true(peak > 0.5f * SYNTH_CUE_PEAK);
        assert_true(fabsf(b[0]) < 1e-6f);         /* starts at zero: no click */
        assert_true(first < RATE * 4 / 1000);     /* audible within 4 ms */
        assert_true(fabsf(b[n - 1]) < 1e-3f);     /* ends at silence */
        free(b);
    }
}

static void cues_differ_inhale_rises_exhale_falls(void **st)
{
    (void)st;
    size_t n;
    float *in = cue(SYNTH_CUE_INHALE, &n), *ex = cue(SYNTH_CUE_EXHALE, &n), *ho = cue(SYNTH_CUE_HOLD, &n);
    assert_true(pitch(in, 0.6, 0.85) > 1.15 * pitch(in, 0.0, 0.1));
    assert_true(pitch(ex, 0.6, 0.85) < 0.85 * pitch(ex, 0.0, 0.1));
    double h0 = pitch(ho, 0.0, 0.3), h1 = pitch(ho, 0.5, 0.85);
    assert_true(fabs(h1 - h0) < 0.05 * h0);
    assert_true(h0 < pitch(in, 0.0, 0.1) && h0 < pitch(ex, 0.0, 0.1)); /* hold is lowest */
    assert_memory_not_equal(in, ex, n * sizeof *in);
    free(in);
    free(ex);
    free(ho);
}

static double rms(const float *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)b[i] * b[i];
    return sqrt(s / (double)n);
}

static double crossings(const float *b, size_t n)
{
    int z = 0;
    for (size_t i = 1; i < n; i++)
        if ((b[i - 1] < 0) != (b[i] < 0))
            z++;
    return z / ((double)n / RATE);
}

static void beds_are_bounded_deterministic_and_distinct(void **st)
{
    (void)st;
    enum { N = RATE * 4 };
    float *b[SYNTH_BED_COUNT], *again = malloc(N * sizeof(float));
    assert_non_null(again);
    for (int k = 0; k < SYNTH_BED_COUNT; k++) {
        b[k] = malloc(N * sizeof(float));
        assert_non_null(b[k]);
        synth_bed_state s;
        synth_bed_init(&s, (synth_bed)k, RATE, 42);
        /* rendering in blocks of any size gives the same stream */
        synth_bed_render(&s, b[k], 1000);
        synth_bed_render(&s, b[k] + 1000, N - 1000);
        assert_int_equal(s.frame, N);
        synth_bed_init(&s, (synth_bed)k, RATE, 42);
        synth_bed_render(&s, again, N);
        assert_memory_equal(b[k], again, N * sizeof(float));
        for (int i = 0; i < N; i++)
            assert_true(fabsf(b[k][i]) <= 0.5f);
        double r = rms(b[k], N);
        assert_true(r > 0.02 && r < 0.3);
    }
    /* brown noise is low and rumbling, rain is bright, the drone is a low steady tone */
    assert_true(crossings(b[SYNTH_BED_BROWN], N) < 0.25 * crossings(b[SYNTH_BED_RAIN], N));
    double dz = crossings(b[SYNTH_BED_DRONE], N);
    assert_true(dz > 150 && dz < 400);
    /* another seed gives another noise */
    synth_bed_state s;
    synth_bed_init(&s, SYNTH_BED_RAIN, RATE, 7);
    synth_bed_render(&s, again, N);
    assert_memory_not_equal(b[SYNTH_BED_RAIN], again, N * sizeof(float));
    for (int k = 0; k < SYNTH_BED_COUNT; k++)
        free(b[k]);
    free(again);
    /* a bad rate falls back to 48 kHz; NULL buffers are ignored */
    synth_bed_init(&s, SYNTH_BED_DRONE, 5, 0);
    assert_int_equal(s.rate, 48000);
    synth_bed_render(&s, NULL, 10);
    synth_bed_render(NULL, NULL, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_parse),
        cmocka_unit_test(cue_lengths_and_bad_input),
        cmocka_unit_test(cues_are_soft_with_a_sharp_onset_and_a_silent_end),
        cmocka_unit_test(cues_differ_inhale_rises_exhale_falls),
        cmocka_unit_test(beds_are_bounded_deterministic_and_distinct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
