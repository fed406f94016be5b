/* res_run: the resonance assessment as it runs. Paced breathing at each rate of
 * RES_RATES (core/resonance.h) in turn, back to back with no rest between them (so a
 * recording lines up with the blocks), each block lasting the whole breaths that fill
 * its time (two minutes: 13, 12, 11, 10 and 9 breaths), the inhale a share of each
 * breath (40 %: about 4:6) and no holds.
 * Each block is an ordinary breathing pattern (phases in whole tenths of a second, as
 * every pattern: 6.5 a minute is 3.7 s in, 5.5 s out) run by a pacer_run
 * (core/pacer_run.h) from the block's start; the state it gives is put back on the
 * exercise's one timeline (its phase start and time left), so whatever draws a breathing
 * exercise draws this one. When a block's run ends the next block's starts at the same
 * instant; only the last end is reported. The breath count is the block's.
 * Ownership: plain data the caller owns (the pacer_run too); nothing is allocated. */
#ifndef GW_RES_RUN_H
#define GW_RES_RUN_H
#include <stdbool.h>
#include "core/breath.h"
#include "core/gwtime.h"
#include "core/pacer_run.h"
#include "core/resonance.h"

/* What a pack's "resonance" section sets (0 or unset: the defaults below). */
typedef struct res_plan {
    gw_ns  block_ns;     /* the time each rate is held; RES_BLOCK_NS by default */
    double inhale;       /* the inhale's share of a breath, 0.3-0.5; 0.4 by default */
    gw_ns  lead_in_ns;   /* "Get ready, 3-2-1" before the first block */
} res_plan;

#define RES_INHALE_DEFAULT 0.4

typedef struct res_run {
    res_plan plan;
    breath_pattern block[RES_BLOCKS];  /* each block's pattern (the first has the lead-in) */
    gw_ns start[RES_BLOCKS + 1];       /* block starts on the timeline; [RES_BLOCKS]: the end */
    int   at;                          /* the block running (RES_BLOCKS - 1 at the end) */
    int   ended;                       /* blocks that have ended */
    unsigned reported;                 /* those res_run_block_ended gave (bit per block) */
} res_run;

/* Events of one update: the pacer's, at most twice over (a block's end and the next
 * one's first phase fall in the same update). */
#define RES_EVENTS_MAX (2 * PACER_EVENTS_MAX)

/* The pattern of one block at `rate` breaths a minute, with `lead_in` before it. */
void  res_block_pattern(const res_plan *p, double rate, gw_ns lead_in, breath_pattern *out);
/* The rate a block's pattern really paces (its breath in whole tenths of a second). */
double res_pattern_rate(const breath_pattern *b);
/* The whole assessment's length, lead-in included (exercise_length). */
gw_ns res_length(const res_plan *p);
/* Starts the assessment at elapsed time 0 into r and the pacer run pr. */
void  res_run_start(res_run *r, pacer_run *pr, const res_plan *p);
/* As pacer_run_update over the whole assessment: pr->st is the state at t; the
 * events since the last update go into ev (RES_EVENTS_MAX at most). */
int   res_run_update(res_run *r, pacer_run *pr, gw_ns t, const pacer_run_opts *o, pacer_event *ev);
/* A block that has ended since the last call (its index), or -1: each once, in order. */
int   res_run_block_ended(res_run *r);
/* How long after t the run wants an update (pacer_run_wake over the blocks). */
gw_ns res_run_wake(const res_run *r, const pacer_run *pr, gw_ns t);

#endif
