#include "core/rr.h"

#include <math.h>
#include <string.h>

void rr_clean_start(rr_clean *c, gw_ns t0)
{
    memset(c, 0, sizeof *c);
    c->t = t0;
}

double rr_clean_median(const rr_clean *c)
{
    if (c->nrecent == 0)
        return 0;
    double v[RR_WINDOW];
    int n = c->nrecent;
    memcpy(v, c->recent, sizeof(double) * (size_t)n);
    for (int i = 1; i < n; i++) /* insertion sort of at most RR_WINDOW values */
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double x = v[j];
            v[j] = v[j - 1];
            v[j - 1] = x;
        }
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void remember(rr_clean *c, double rr)
{
    c->recent[c->pos] = rr;
    c->pos = (c->pos + 1) % RR_WINDOW;
    if (c->nrecent < RR_WINDOW)
        c->nrecent++;
}

static int emit(rr_clean *c, rr_beat *out, gw_ns t, double rr, bool corrected)
{
    out->t = t;
    out->rr_ms = rr;
    out->corrected = corrected;
    c->used++;
    remember(c, rr);
    return 1;
}

static bool near(double x, double med) { return fabs(x - med) <= RR_TOLERANCE * med; }

int rr_clean_feed(rr_clean *c, double rr, rr_beat *out, int max)
{
    if (max < 3 || !(rr > 0) || !isfinite(rr))
        return 0;
    gw_ns before = c->t;
    c->t += (gw_ns)llround(rr * (double)GW_NS_PER_MS);
    /* the reference: the last accepted interval (a beat-to-beat rule follows the slow
     * swing of the heart with the breath; a median over several beats lags behind it and
     * would reject real beats at exactly the rates the assessment looks for) */
    double med = c->nrecent ? c->recent[(c->pos + RR_WINDOW - 1) % RR_WINDOW] : 0;
    if (c->has_short) {
        c->has_short = false;
        double sum = c->short_ms + rr;
        if (med > 0 && near(sum, med) && sum <= RR_MAX_MS) { /* an extra beat inside one interval */
            c->corrected++;
            return emit(c, out, c->t, sum, true);
        }
        c->rejected++; /* the short one was not half of a beat: it is dropped */
    }
    if (rr < RR_MIN_MS || rr > RR_MAX_MS * 3) {
        c->rejected++;
        return 0;
    }
    if (c->nrecent < 3) { /* no reference yet: plausible intervals start it */
        if (rr > RR_MAX_MS) {
            c->rejected++;
            return 0;
        }
        return emit(c, out, c->t, rr, false);
    }
    if (near(rr, med) && rr <= RR_MAX_MS)
        return emit(c, out, c->t, rr, false);
    if (rr > med) {
        int k = (int)lround(rr / med);
        if (k >= 2 && k <= 3 && near(rr / k, med) && rr / k >= RR_MIN_MS && rr / k <= RR_MAX_MS) {
            /* missed beats: k equal intervals, back to back */
            int n = 0;
            c->corrected += k - 1;
            for (int i = 1; i <= k; i++)
                n += emit(c, out + n, before + (c->t - before) * i / k, rr / k, true);
            return n;
        }
        c->rejected++;
        return 0;
    }
    /* short: perhaps the first half of an interval split by an extra beat */
    c->has_short = true;
    c->short_ms = rr;
    return 0;
}
