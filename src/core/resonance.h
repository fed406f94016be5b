/* resonance: a person's resonance breathing rate from a heart-rate recording. The
 * assessment paces breathing at 6.5, 6.0, 5.5, 5.0 and 4.5 breaths a minute, two
 * minutes each, back to back (Lehrer, Vaschillo & Vaschillo 2000; Lehrer et al. 2013;
 * Shaffer & Meehan 2020). For each rate's block this measures, from the cleaned beats
 * (core/rr.h):
 *  - the heart-rate swing: per breath, the highest minus the lowest beat-to-beat heart
 *    rate, averaged over the block's whole breaths after its first (the first settles
 *    from the previous rate);
 *  - the low-frequency power: the RR series resampled at 4 Hz, mean removed, Hann
 *    window, periodogram integrated over 0.04-0.15 Hz (ms^2), the band every paced
 *    rate here falls in.
 * The proposed rate is the block with the largest swing, when it is clear: enough
 * clean beats, a swing at least RES_MIN_SWING and RES_MARGIN above the blocks' median,
 * and, when the runner-up is within RES_TIE of it, the low-frequency power deciding by
 * RES_TIE as well; otherwise none ("no clear resonance"), never a guess.
 * Pure; allocates only scratch memory for the spectrum (freed before returning). */
#ifndef GW_RESONANCE_H
#define GW_RESONANCE_H
#include <stdbool.h>
#include "core/rr.h"

#define RES_BLOCKS 5
#define RES_BLOCK_NS (120 * GW_NS_PER_SEC)
#define RES_MIN_SWING 2.0    /* bpm: below it nothing can be told from noise */
#define RES_MARGIN 0.20      /* the best swing over the median of the blocks */
#define RES_TIE 0.05         /* runner-up this close: the LF power must decide */
#define RES_MIN_USED 0.6     /* share of a block's beats that must be clean */

extern const double RES_RATES[RES_BLOCKS];   /* 6.5, 6.0, 5.5, 5.0, 4.5 breaths a minute */

typedef struct res_block {
    double rate_bpm;     /* breaths a minute paced in the block */
    gw_ns  start, end;   /* the block on the program clock */
    double swing_bpm;    /* mean peak-to-trough heart rate per breath */
    double lf_ms2;       /* low-frequency power of the RR series */
    int    used, rejected; /* clean beats in the block, intervals dropped in it */
    int    breaths;      /* breaths measured */
    bool   valid;        /* enough clean beats and breaths to count */
} res_block;

/* Measures one block from the clean beats (sorted by time; those outside [start, end)
 * are ignored). `rejected` is the dropped intervals the caller counted in the block. */
void resonance_block(const rr_beat *beats, int n, gw_ns start, gw_ns end, double rate_bpm,
                     int rejected, res_block *out);
/* The proposed rate over the blocks: its index, or -1 when there is no clear one. */
int resonance_choose(const res_block *b, int n);

/* A session's result as the practice log keeps it, in its adjustments JSON
 * (`"resonance": {"rate_bpm": 5.5, ...}`): the rate chosen, 0 for none or no result. */
double resonance_rate_in(const char *adjustments_json);

#endif
