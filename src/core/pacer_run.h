/* pacer_run: a breathing exercise as it runs. It owns the running pattern (the
 * exercise's, with the session's changes: --cycles, Longer/Shorter, a therapist's
 * number of breaths) and, given the elapsed time (pauses excluded, passed in), gives the
 * state at that time and the events since the last update: a phase began, a count is
 * due to be spoken, the next boundary's cue is due to be scheduled, the session ended.
 * The app turns those into traces, sound and rumble; this module knows nothing of them.
 *
 * An update reports the phase shown at t, not every phase passed since the last one: a
 * late frame that skips a boundary announces only the phase it lands in, so what is
 * heard is never a burst of stale cues.
 *
 * Ownership: plain data the caller owns; nothing is allocated or borrowed. */
#ifndef GW_PACER_RUN_H
#define GW_PACER_RUN_H
#include <stdbool.h>
#include "core/breath.h"
#include "core/gwtime.h"

/* How far ahead of a phase boundary its audio cue is scheduled (on the audio module's
 * sample clock, so that it starts on the exact sample). */
#define PACER_CUE_AHEAD GW_MSEC(150)

typedef enum pacer_event_type {
    PACER_EV_PHASE, /* a phase began: the one shown at t */
    PACER_EV_COUNT, /* a whole second into the phase: its count is due ("two", ...) */
    PACER_EV_CUE,   /* the next boundary is at most PACER_CUE_AHEAD away: schedule its cue */
    PACER_EV_DONE,  /* the session is over */
} pacer_event_type;

typedef struct pacer_event {
    pacer_event_type type;
    breath_kind kind;  /* PHASE: the phase's; CUE: that of the phase the boundary begins */
    int   index;       /* PHASE: the phase index, -1 for the opening exhale */
    int   cycle;       /* PHASE: 0-based breath number */
    bool  opening;     /* PHASE: the one-off exhale before the first breath */
    bool  cued;        /* PHASE: its cue was scheduled ahead; otherwise it is played now */
    gw_ns at;          /* PHASE: elapsed time it began; CUE: elapsed time of the boundary */
    gw_ns ahead;       /* CUE: the boundary's distance from t (0 < ahead <= PACER_CUE_AHEAD) */
    int   count;       /* COUNT: the number to say, 2..10 */
} pacer_event;

/* An update gives at most one event of each type, in the order above. */
#define PACER_EVENTS_MAX 4

typedef struct pacer_run {
    breath_pattern pattern;   /* the running pattern; the owner may change its length */
    breath_state st;          /* the state at the last update */
    int   last_index, last_cycle; /* the phase last announced; -1: none yet */
    gw_ns cue_boundary;       /* elapsed time of the boundary whose cue is scheduled; -1: none */
    int   spoken_sec;         /* the last count spoken in this phase (seconds into it) */
} pacer_run;

/* What an update may report besides phases and the end. */
typedef struct pacer_run_opts {
    bool cues;    /* cues are scheduled ahead (there is sound and the run is not paused) */
    bool counts;  /* whole seconds are counted aloud */
} pacer_run_opts;

/* Starts a run of p (copied), with `cycles` breaths if > 0 (else p's own length). */
void pacer_run_start(pacer_run *r, const breath_pattern *p, int cycles);
/* Moves the run to elapsed time t: r->st is the state at t; the events since the last
 * update go into ev (PACER_EVENTS_MAX at most); returns how many. */
int  pacer_run_update(pacer_run *r, gw_ns t, const pacer_run_opts *o, pacer_event *ev);
/* The cue scheduled ahead was dropped (pause, resume, a change of pace): the next
 * boundary's cue is scheduled again, and a phase that begins unscheduled plays its own. */
void pacer_run_forget_cue(pacer_run *r);
/* Counting aloud was switched on or off: the count starts again from the next second. */
void pacer_run_recount(pacer_run *r);
/* Lengthens (delta_ms > 0) or shortens every phase at elapsed time t, keeping the
 * breath, the phase and the fraction of it reached (a session given in time keeps its
 * number of breaths instead). Returns the elapsed time at which the new timeline
 * reaches that point (the caller re-anchors its clock there, and r->st is the state
 * there, announced already), or -1 if t is not in a breath (the lead-in: the timeline
 * starts as it was). Forgets the scheduled cue. */
gw_ns pacer_run_adjust(pacer_run *r, gw_ns t, int32_t delta_ms);
/* How long after t the run wants an update: at the moment the next cue is to be
 * scheduled, else at the next boundary; GW_NEVER after the last. */
gw_ns pacer_run_wake(const pacer_run *r, gw_ns t);

#endif
