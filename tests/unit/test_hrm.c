/* hrm, rr and resonance: the Heart Rate Measurement decoder over every flag
 * combination, artefact correction on series with known missed and extra beats, and
 * the resonance rate found in synthetic recordings (none in a flat one). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/hrm.h"
#include "core/resonance.h"
#include "core/rr.h"

/* ---- the 0x2A37 decoder ---------------------------------------------------------- */

/* Builds a notification from its parts, as a sensor would send it. */
static size_t build(uint8_t *b, bool u16, int contact, bool energy, int nrr, int bpm)
{
    size_t n = 0;
    uint8_t flags = (uint8_t)((u16 ? 1 : 0) | (energy ? 8 : 0) | (nrr >= 0 ? 16 : 0));
    if (contact >= 0)
        flags |= (uint8_t)(4 | (contact ? 2 : 0));
    b[n++] = flags;
    if (u16) {
        b[n++] = (uint8_t)(bpm & 0xff);
        b[n++] = (uint8_t)(bpm >> 8);
    } else
        b[n++] = (uint8_t)bpm;
    if (energy) {
        b[n++] = 0x34;
        b[n++] = 0x12; /* 0x1234 kJ */
    }
    for (int i = 0; i < nrr; i++) {
        unsigned v = 1024u * (unsigned)(i + 1) / 2u; /* 500 ms, 1000 ms, ... in 1/1024 s */
        b[n++] = (uint8_t)(v & 0xff);
        b[n++] = (uint8_t)(v >> 8);
    }
    return n;
}

static void decodes_every_flag_combination(void **st)
{
    (void)st;
    for (int u16 = 0; u16 < 2; u16++)
        for (int contact = -1; contact <= 1; contact++)
            for (int energy = 0; energy < 2; energy++)
                for (int nrr = -1; nrr <= 4; nrr++) {
                    uint8_t b[64];
                    int bpm = u16 ? 300 : 72; /* a 16-bit rate may exceed 255 */
                    size_t n = build(b, u16, contact, energy, nrr, bpm);
                    hrm_reading r;
                    assert_true(hrm_decode(b, n, &r));
                    assert_int_equal(r.bpm, bpm);
                    assert_int_equal(r.contact_known, contact >= 0);
                    assert_int_equal(r.contact, contact == 1);
                    assert_int_equal(r.has_energy, energy);
                    if (energy)
                        assert_int_equal(r.energy_kj, 0x1234);
                    assert_int_equal(r.nrr, nrr < 0 ? 0 : nrr);
                    for (int i = 0; i < r.nrr; i++)
                        assert_true(fabs(r.rr_ms[i] - 500.0 * (i + 1)) < 1e-9);
                    /* every truncation of it is refused or decodes fewer intervals */
                    for (size_t cut = 0; cut < n; cut++) {
                        hrm_reading t;
                        if (hrm_decode(b, cut, &t))
                            assert_true(t.nrr < r.nrr || (r.nrr == 0 && cut >= n));
                        else
                            assert_int_equal(t.bpm, 0);
                    }
                }
}

static void refuses_what_it_cannot_hold(void **st)
{
    (void)st;
    uint8_t b[2 + 2 * (HRM_RR_MAX + 1)] = { 16, 60 };
    hrm_reading r;
    assert_false(hrm_decode(b, sizeof b, &r)); /* one interval more than it keeps */
    assert_int_equal(r.nrr, 0);
    assert_true(hrm_decode(b, 2 + 2 * HRM_RR_MAX, &r));
    assert_int_equal(r.nrr, HRM_RR_MAX);
    assert_false(hrm_decode(NULL, 4, &r));
    assert_false(hrm_decode(b, 1, &r));
    uint8_t odd[] = { 16, 60, 0x00, 0x04, 0x07 }; /* 1024 = 1000 ms, then a stray byte */
    assert_true(hrm_decode(odd, sizeof odd, &r));
    assert_int_equal(r.nrr, 1);
    assert_true(fabs(r.rr_ms[0] - 1000.0) < 1e-9);
}

/* ---- artefact correction --------------------------------------------------------- */

static int feed_all(rr_clean *c, const double *rr, int n, rr_beat *out)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += rr_clean_feed(c, rr[i], out + k, 3);
    return k;
}

static void keeps_a_clean_series_as_it_is(void **st)
{
    (void)st;
    double rr[20];
    for (int i = 0; i < 20; i++)
        rr[i] = 800 + 40 * sin(i);
    rr_clean c;
    rr_beat b[64];
    rr_clean_start(&c, GW_SEC(5));
    int n = feed_all(&c, rr, 20, b);
    assert_int_equal(n, 20);
    gw_ns t = GW_SEC(5);
    for (int i = 0; i < 20; i++) {
        t += (gw_ns)llround(rr[i] * GW_NS_PER_MS);
        assert_true(b[i].t == t); /* back to back from the start */
        assert_false(b[i].corrected);
    }
    assert_int_equal(c.rejected, 0);
    assert_int_equal(c.corrected, 0);
}

static void splits_a_missed_beat_and_merges_an_extra_one(void **st)
{
    (void)st;
    /* 800 ms beats; the 8th was missed (1600), later one was counted twice (300 + 500) */
    double rr[] = { 800, 810, 790, 800, 805, 795, 800, 1600, 800, 790, 300, 500, 810, 800 };
    rr_clean c;
    rr_beat b[64];
    rr_clean_start(&c, 0);
    int n = feed_all(&c, rr, (int)(sizeof rr / sizeof *rr), b);
    assert_int_equal(n, 14); /* 7 + 2 (split) + 2 + 1 (merged) + 2 */
    assert_true(b[7].corrected && b[8].corrected);
    assert_true(fabs(b[7].rr_ms - 800) < 1e-9 && fabs(b[8].rr_ms - 800) < 1e-9);
    assert_true(b[8].t - b[7].t == GW_MSEC(800));
    assert_true(b[11].corrected);
    assert_true(fabs(b[11].rr_ms - 800) < 1e-9);
    assert_int_equal(c.rejected, 0);
    assert_int_equal(c.corrected, 2);
    /* the time is the raw series' whatever was corrected */
    double sum = 0;
    for (size_t i = 0; i < sizeof rr / sizeof *rr; i++)
        sum += rr[i];
    assert_true(llabs(b[n - 1].t - (gw_ns)llround(sum * GW_NS_PER_MS)) <= 14);
}

static void rejects_ectopic_beats_and_impossible_intervals(void **st)
{
    (void)st;
    double rr[] = { 800, 800, 800, 800, 1150, 800, 250, 800, 6000, 810, NAN, 800 };
    rr_clean c;
    rr_beat b[64];
    rr_clean_start(&c, 0);
    int n = feed_all(&c, rr, (int)(sizeof rr / sizeof *rr), b);
    assert_int_equal(n, 8);
    assert_int_equal(c.rejected, 3); /* 1150 (neither a beat nor two), 250, 6000 */
    for (int i = 0; i < n; i++)
        assert_true(b[i].rr_ms >= 640 && b[i].rr_ms <= 960);
}

/* ---- the resonance rate ---------------------------------------------------------- */

/* A recording of the whole assessment: the heart rate swings with the breath, by an
 * amplitude that peaks at `peak` breaths a minute (0: no swing at all), with noise and
 * a missed and an extra beat in every block. */
static int synth(rr_beat *out, int max, double peak, double width, double noise, rr_clean *c, int *rej)
{
    rr_clean_start(c, 0);
    double t = 0;
    int n = 0;
    unsigned seed = 7;
    for (int blk = 0; blk < RES_BLOCKS; blk++) {
        double rate = RES_RATES[blk], f = rate / 60.0;
        double amp = peak > 0 ? 2.0 + 8.0 * exp(-pow((rate - peak) / width, 2)) : 0;
        double end = (blk + 1) * 120.0;
        int before = c->rejected, k = 0;
        while (t < end && n < max - 3) {
            seed = seed * 1103515245u + 12345u;
            double r = ((seed >> 16) & 0x7fff) / 32767.0 - 0.5;
            double hr = 68 + amp * sin(2 * M_PI * f * (t - blk * 120.0)) + noise * r;
            double rr = 60000.0 / hr;
            k++;
            if (k == 40) { /* a missed beat: two intervals as one */
                rr *= 2;
            } else if (k == 80) { /* an extra beat inside one interval */
                n += rr_clean_feed(c, rr * 0.4, out + n, 3);
                rr *= 0.6;
            }
            n += rr_clean_feed(c, rr, out + n, 3);
            t += rr / 1000.0;
        }
        rej[blk] = c->rejected - before;
    }
    return n;
}

static int assess(double peak, double width, double noise, res_block *blk)
{
    enum { MAX = 2000 };
    rr_beat *b = malloc(sizeof(rr_beat) * MAX);
    assert_non_null(b);
    rr_clean c;
    int rej[RES_BLOCKS];
    int n = synth(b, MAX, peak, width, noise, &c, rej);
    for (int i = 0; i < RES_BLOCKS; i++)
        resonance_block(b, n, i * RES_BLOCK_NS, (i + 1) * RES_BLOCK_NS, RES_RATES[i], rej[i], &blk[i]);
    free(b);
    return resonance_choose(blk, RES_BLOCKS);
}

static void finds_the_designed_rate(void **st)
{
    (void)st;
    for (int i = 0; i < RES_BLOCKS; i++) {
        res_block blk[RES_BLOCKS];
        int got = assess(RES_RATES[i], 0.45, 3.0, blk);
        assert_int_equal(got, i);
        assert_true(blk[i].valid);
        assert_true(blk[i].breaths >= 8);
        assert_true(blk[i].swing_bpm > 15); /* peak-to-trough of a 10 bpm amplitude */
        for (int j = 0; j < RES_BLOCKS; j++)
            if (j != i)
                assert_true(blk[i].lf_ms2 > blk[j].lf_ms2);
    }
}

/* A broad resonance (neighbouring rates respond almost as much), as many people have,
 * still gives its peak; a noisier sensor too. */
static void finds_a_broad_or_noisy_peak(void **st)
{
    (void)st;
    res_block blk[RES_BLOCKS];
    assert_int_equal(assess(5.5, 1.0, 3.0, blk), 2);
    assert_int_equal(assess(5.0, 0.45, 8.0, blk), 3);
}

static void a_flat_recording_gives_no_rate(void **st)
{
    (void)st;
    res_block blk[RES_BLOCKS];
    assert_int_equal(assess(0, 0.45, 3.0, blk), -1);
    for (int i = 0; i < RES_BLOCKS; i++)
        assert_true(blk[i].valid); /* the data were fine: there is just no resonance */
}

static void a_tie_is_said_honestly(void **st)
{
    (void)st;
    res_block b[RES_BLOCKS];
    for (int i = 0; i < RES_BLOCKS; i++)
        b[i] = (res_block){ .rate_bpm = RES_RATES[i], .swing_bpm = 6, .lf_ms2 = 900, .breaths = 10, .valid = true };
    b[1].swing_bpm = b[2].swing_bpm = 12;
    b[1].lf_ms2 = b[2].lf_ms2 = 3000;
    assert_int_equal(resonance_choose(b, RES_BLOCKS), -1);
    b[2].lf_ms2 = 3600; /* the low-frequency power tells them apart */
    assert_int_equal(resonance_choose(b, RES_BLOCKS), 2);
    b[2].valid = b[3].valid = b[4].valid = false; /* too little clean data */
    assert_int_equal(resonance_choose(b, RES_BLOCKS), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_every_flag_combination),
        cmocka_unit_test(refuses_what_it_cannot_hold),
        cmocka_unit_test(keeps_a_clean_series_as_it_is),
        cmocka_unit_test(splits_a_missed_beat_and_merges_an_extra_one),
        cmocka_unit_test(rejects_ectopic_beats_and_impossible_intervals),
        cmocka_unit_test(finds_the_designed_rate),
        cmocka_unit_test(finds_a_broad_or_noisy_peak),
        cmocka_unit_test(a_flat_recording_gives_no_rate),
        cmocka_unit_test(a_tie_is_said_honestly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
