/* hrswing: the heart-rate swing per breath (see hrswing.h). */
#include "core/hrswing.h"

#include <string.h>

void hrswing_reset(hrswing *s) { memset(s, 0, sizeof *s); }

static gw_ns start_at(const hrswing *s, int i) { return s->start[(s->head + i) % HRSWING_KEEP]; }

void hrswing_breath(hrswing *s, gw_ns t)
{
    if (s->n > 0 && t == start_at(s, s->n - 1))
        return; /* told again */
    if (s->n > 0 && t < start_at(s, s->n - 1))
        hrswing_reset(s);
    s->start[(s->head + s->n) % HRSWING_KEEP] = t;
    if (s->n < HRSWING_KEEP)
        s->n++;
    else
        s->head = (s->head + 1) % HRSWING_KEEP;
    s->total++;
}

/* The mean swing of up to `want` measurable breaths among the settled breaths
 * [0, last), newest first; *first is where it stopped looking. */
static int mean_of(const hrswing *s, const hrlive *h, int last, int want, double *mean, int *first)
{
    double sum = 0;
    int m = 0, i = last - 1;
    for (; i >= 0 && m < want; i--) {
        double w = hrlive_swing(h, start_at(s, i), start_at(s, i + 1));
        if (w >= 0) {
            sum += w;
            m++;
        }
    }
    *first = i + 1;
    *mean = m ? sum / m : 0;
    return m;
}

bool hrswing_figure(const hrswing *s, const hrlive *h, gw_ns t, hrswing_fig *out)
{
    memset(out, 0, sizeof *out);
    /* breath i runs from start i to start i + 1; settled once that is HRSWING_SETTLE past */
    int settled = 0;
    while (settled + 1 < s->n && start_at(s, settled + 1) + HRSWING_SETTLE <= t)
        settled++;
    out->settled = s->total - s->n + settled;
    double recent, earlier;
    int first;
    out->breaths = mean_of(s, h, settled, HRSWING_BREATHS, &recent, &first);
    if (!out->breaths)
        return false;
    out->bpm = recent;
    if (out->breaths == HRSWING_BREATHS && mean_of(s, h, first, HRSWING_BREATHS, &earlier, &first) >= 2)
        out->growing = recent >= earlier * HRSWING_GROW && recent - earlier >= HRSWING_GROW_MIN;
    return true;
}
