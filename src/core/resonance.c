#include "core/resonance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const double RES_RATES[RES_BLOCKS] = { 6.5, 6.0, 5.5, 5.0, 4.5 };

#define RESAMPLE_HZ 4.0
#define LF_LO 0.04
#define LF_HI 0.15

/* The RR series at 4 Hz by linear interpolation between beats (the interval that ends
 * at each beat, placed at the beat). */
static double rr_at(const rr_beat *b, int n, gw_ns t, int *k)
{
    while (*k + 1 < n && b[*k + 1].t <= t)
        (*k)++;
    if (t <= b[0].t)
        return b[0].rr_ms;
    if (*k + 1 >= n)
        return b[n - 1].rr_ms;
    const rr_beat *p = &b[*k], *q = &b[*k + 1];
    double f = (double)(t - p->t) / (double)(q->t - p->t);
    return p->rr_ms + f * (q->rr_ms - p->rr_ms);
}

static double lf_power(const rr_beat *b, int n, gw_ns start, gw_ns end)
{
    int N = (int)(gw_seconds(end - start) * RESAMPLE_HZ);
    if (n < 4 || N < 16)
        return 0;
    double *x = malloc(sizeof(double) * (size_t)N);
    if (!x)
        return 0;
    int k = 0;
    double mean = 0, wsum = 0;
    for (int i = 0; i < N; i++) {
        x[i] = rr_at(b, n, start + (gw_ns)(i * (double)GW_NS_PER_SEC / RESAMPLE_HZ), &k);
        mean += x[i];
    }
    mean /= N;
    for (int i = 0; i < N; i++) {
        double w = 0.5 - 0.5 * cos(2 * M_PI * i / (N - 1));
        x[i] = (x[i] - mean) * w;
        wsum += w * w;
    }
    /* one-sided periodogram, ms^2/Hz, summed over the band's bins times their width */
    double df = RESAMPLE_HZ / N, p = 0;
    for (int m = (int)ceil(LF_LO / df); m * df <= LF_HI; m++) {
        double re = 0, im = 0;
        for (int i = 0; i < N; i++) {
            double a = 2 * M_PI * m * i / N;
            re += x[i] * cos(a);
            im -= x[i] * sin(a);
        }
        p += 2 * (re * re + im * im) / (RESAMPLE_HZ * wsum) * df;
    }
    free(x);
    return p;
}

void resonance_block(const rr_beat *beats, int n, gw_ns start, gw_ns end, double rate_bpm,
                     int rejected, res_block *out)
{
    *out = (res_block){ .rate_bpm = rate_bpm, .start = start, .end = end, .rejected = rejected };
    int first = 0;
    while (first < n && beats[first].t < start)
        first++;
    int last = first;
    while (last < n && beats[last].t < end)
        last++;
    const rr_beat *b = beats + first;
    int nb = last - first;
    out->used = nb;
    gw_ns period = (gw_ns)(60.0 / rate_bpm * (double)GW_NS_PER_SEC);
    double sum = 0;
    int k = 0;
    for (gw_ns s = start + period; s + period <= end; s += period) { /* after the first breath */
        double lo = INFINITY, hi = -INFINITY;
        int m = 0;
        for (; k < nb && b[k].t < s; k++)
            ;
        for (int j = k; j < nb && b[j].t < s + period; j++, m++) {
            double hr = 60000.0 / b[j].rr_ms;
            lo = fmin(lo, hr);
            hi = fmax(hi, hr);
        }
        if (m >= 3) {
            sum += hi - lo;
            out->breaths++;
        }
    }
    out->swing_bpm = out->breaths ? sum / out->breaths : 0;
    out->lf_ms2 = lf_power(b, nb, start, end);
    int total = nb + rejected;
    out->valid = out->breaths >= 3 && total > 0 && (double)nb / total >= RES_MIN_USED;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int resonance_choose(const res_block *b, int n)
{
    int best = -1, second = -1, nvalid = 0;
    double sw[RES_BLOCKS * 4];
    for (int i = 0; i < n; i++) {
        if (!b[i].valid)
            continue;
        if (nvalid < (int)(sizeof sw / sizeof *sw))
            sw[nvalid++] = b[i].swing_bpm;
        if (best < 0 || b[i].swing_bpm > b[best].swing_bpm) {
            second = best;
            best = i;
        } else if (second < 0 || b[i].swing_bpm > b[second].swing_bpm)
            second = i;
    }
    if (best < 0 || nvalid < 3 || b[best].swing_bpm < RES_MIN_SWING)
        return -1;
    qsort(sw, (size_t)nvalid, sizeof *sw, cmp_double);
    double median = nvalid % 2 ? sw[nvalid / 2] : (sw[nvalid / 2 - 1] + sw[nvalid / 2]) / 2;
    if (b[best].swing_bpm < median * (1 + RES_MARGIN))
        return -1;
    if (second >= 0 && b[second].swing_bpm >= b[best].swing_bpm * (1 - RES_TIE)) {
        /* a tie on the swing: the low-frequency power decides, clearly, or nobody does */
        if (b[best].lf_ms2 >= b[second].lf_ms2 * (1 + RES_TIE))
            return best;
        if (b[second].lf_ms2 >= b[best].lf_ms2 * (1 + RES_TIE))
            return second;
        return -1;
    }
    return best;
}

double resonance_rate_in(const char *j)
{
    const char *r = j ? strstr(j, "\"resonance\": {\"rate_bpm\": ") : NULL;
    if (!r)
        return 0;
    char *end;
    double v = strtod(r + strlen("\"resonance\": {\"rate_bpm\": "), &end);
    return isfinite(v) && v >= 1 && v <= 30 ? v : 0; /* "null": none */
}
