/* rr: RR intervals (the time between heartbeats) cleaned of artefacts and put on the
 * program's clock. A chest strap misses a beat now and then (one interval about twice
 * as long) or counts an extra one (two short intervals that add up to one); an optical
 * sensor does both more often. The rule is Malik's 20 % criterion (Malik et al. 1989;
 * Task Force of the ESC/NASPE 1996) with the usual corrections: an interval within 20 %
 * of the last accepted one is kept; one about k times it (k = 2, 3) is split into k
 * beats (a missed beat); a short one whose sum with the next is within 20 % of it is
 * merged with the next (an extra beat); anything else, and anything outside
 * 300-2000 ms (200-30 beats a minute), is rejected and not used. Beats are back to back:
 * the time goes on by every raw interval, kept or not.
 * Pure: no allocation, no clock (the start time is given). */
#ifndef GW_RR_H
#define GW_RR_H
#include <stdbool.h>
#include "core/gwtime.h"

#define RR_WINDOW 9           /* accepted intervals kept (rr_clean_median) */
#define RR_MIN_MS 300.0
#define RR_MAX_MS 2000.0
#define RR_TOLERANCE 0.20     /* 20 % of the median */

typedef struct rr_beat {
    gw_ns  t;          /* when the beat (the end of the interval) happened */
    double rr_ms;      /* the interval that ends with it */
    bool   corrected;  /* split from a missed beat or merged over an extra one */
} rr_beat;

typedef struct rr_clean {
    gw_ns  t;                    /* the end of the last raw interval */
    double recent[RR_WINDOW];    /* the last accepted intervals (ring) */
    int    nrecent, pos;
    bool   has_short;            /* a short interval waits for the next (extra beat?) */
    double short_ms;
    int    used, corrected, rejected;   /* intervals kept (after corrections), fixed, dropped */
} rr_clean;

/* Starts a series whose first interval begins at t0. */
void rr_clean_start(rr_clean *c, gw_ns t0);
/* Feeds one raw interval (ms); writes the clean beats it completes into out (0 to 3;
 * max must be >= 3) and returns how many. */
int rr_clean_feed(rr_clean *c, double rr_ms, rr_beat *out, int max);
/* The median of the last accepted intervals, or 0 before any. */
double rr_clean_median(const rr_clean *c);

#endif
