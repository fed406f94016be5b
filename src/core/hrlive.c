#include "core/hrlive.h"

#include <math.h>
#include <string.h>

void hrlive_reset(hrlive *h) { memset(h, 0, sizeof *h); }

static int keep(hrlive *h, const rr_beat *b, int n)
{
    for (int i = 0; i < n; i++) {
        h->beat[(h->head + h->n) % HRLIVE_KEEP] = b[i];
        if (h->n < HRLIVE_KEEP)
            h->n++;
        else
            h->head = (h->head + 1) % HRLIVE_KEEP;
    }
    return n;
}

int hrlive_note(hrlive *h, gw_ns t, const double *rr, int n)
{
    if (n <= 0)
        return 0;
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += rr[i] > 0 && isfinite(rr[i]) ? rr[i] : 0;
    gw_ns begin = t - (gw_ns)llround(sum * (double)GW_NS_PER_MS);
    gw_ns drift = h->clean.t - begin;
    if (!h->started || drift > HRLIVE_REANCHOR || drift < -HRLIVE_REANCHOR) {
        rr_clean_start(&h->clean, begin); /* the last interval ends on arrival */
        h->started = true;
    }
    int added = 0;
    for (int i = 0; i < n; i++) {
        rr_beat b[3];
        added += keep(h, b, rr_clean_feed(&h->clean, rr[i], b, 3));
    }
    return added;
}

void hrlive_replay_start(hrlive *h, const double *rr, int n, gw_ns t0)
{
    hrlive_reset(h);
    h->rec = rr;
    h->nrec = n;
    rr_clean_start(&h->clean, t0);
    h->started = true;
}

int hrlive_replay(hrlive *h, gw_ns t)
{
    int added = 0;
    while (h->rec && h->next < h->nrec &&
           h->clean.t + (gw_ns)llround(h->rec[h->next] * (double)GW_NS_PER_MS) <= t) {
        rr_beat b[3];
        added += keep(h, b, rr_clean_feed(&h->clean, h->rec[h->next++], b, 3));
    }
    return added;
}

int hrlive_count(const hrlive *h) { return h->n; }

const rr_beat *hrlive_at(const hrlive *h, int i) { return &h->beat[(h->head + i) % HRLIVE_KEEP]; }

double hrlive_bpm(const hrlive *h)
{
    return h->n ? 60000.0 / hrlive_at(h, h->n - 1)->rr_ms : 0;
}

double hrlive_swing(const hrlive *h, gw_ns from, gw_ns to)
{
    double lo = INFINITY, hi = -INFINITY;
    int m = 0;
    for (int i = h->n - 1; i >= 0; i--) {
        const rr_beat *b = hrlive_at(h, i);
        if (b->t < from)
            break;
        if (b->t >= to)
            continue;
        double hr = 60000.0 / b->rr_ms;
        lo = fmin(lo, hr);
        hi = fmax(hi, hr);
        m++;
    }
    return m >= 3 ? hi - lo : -1;
}
