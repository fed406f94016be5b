/* hrswing: the breath in the heart as one figure a person understands: how far the heart
 * rate rises and falls with each breath (peak to trough, beats a minute), averaged over
 * the last few breaths, and whether that swing is growing. The pacer shows it beside the
 * live heart-rate line.
 * The caller tells it when each breath begins (on the exercise's timeline, the same as
 * the beats'); a breath counts once it has ended and HRSWING_SETTLE has passed, so the
 * last beats of a breath from a sensor (whose notifications arrive up to a second late)
 * are in before it is measured. A breath with fewer than 3 clean beats is not measured.
 * Growing: the last HRSWING_BREATHS breaths' mean at least HRSWING_GROW times the mean
 * of the few breaths before them, and HRSWING_GROW_MIN beats a minute above it.
 * Pure: time is passed in; the caller owns the struct (no allocation). */
#ifndef GW_HRSWING_H
#define GW_HRSWING_H
#include <stdbool.h>
#include "core/hrlive.h"

#define HRSWING_BREATHS 3                 /* the figure averages the last few breaths */
#define HRSWING_KEEP (2 * HRSWING_BREATHS + 2)  /* breath starts kept: the few and those before */
#define HRSWING_SETTLE (1200 * GW_NS_PER_MS)
#define HRSWING_GROW 1.2
#define HRSWING_GROW_MIN 1.0

typedef struct hrswing {
    gw_ns start[HRSWING_KEEP];            /* ring of the last breath starts */
    int head, n;
    int total;                            /* breaths begun since the reset */
} hrswing;

typedef struct hrswing_fig {
    double bpm;       /* mean peak-to-trough swing per breath, beats a minute */
    int breaths;      /* breaths measured in it (1 to HRSWING_BREATHS) */
    int settled;      /* breaths ended and settled since the reset (one more a breath) */
    bool growing;
} hrswing_fig;

void hrswing_reset(hrswing *s);
/* A breath began at t. The last start told again changes nothing; one before it (the
 * timeline moved back) begins the count again. */
void hrswing_breath(hrswing *s, gw_ns t);
/* The figure at time t from the beats in h: false while no breath can be measured yet. */
bool hrswing_figure(const hrswing *s, const hrlive *h, gw_ns t, hrswing_fig *out);

#endif
