/* hrlive: heart beats on the program's clock, from a sensor's notifications or from a
 * recording (--hr-replay), kept for the last few minutes for the trace drawn under
 * the breathing figure and for the swing shown beside it.
 * A notification carries RR intervals and no time: the last of them is taken to end
 * when the notification arrived, and the beats before it back to back. While
 * notifications keep coming the clean series runs on by its own intervals (a sensor's
 * intervals are more exact than the arrival of its radio packets); if it has drifted
 * more than HRLIVE_REANCHOR from an arrival (packets lost, the sensor restarted), it is
 * anchored again to that arrival.
 * A recording's beats are back to back from the time it is started at; hrlive_replay
 * gives those whose time has come.
 * Pure; the caller owns the struct (no allocation; the recording is borrowed). */
#ifndef GW_HRLIVE_H
#define GW_HRLIVE_H
#include <stdbool.h>
#include "core/rr.h"

#define HRLIVE_KEEP 512                   /* beats kept: several minutes */
#define HRLIVE_REANCHOR (2 * GW_NS_PER_SEC)

typedef struct hrlive {
    rr_clean clean;
    bool started;
    rr_beat beat[HRLIVE_KEEP];            /* ring of the last clean beats */
    int head, n;
    const double *rec;                    /* a recording being replayed, or NULL */
    int nrec, next;
} hrlive;

void hrlive_reset(hrlive *h);
/* A notification that arrived at t with n intervals (ms). Returns the clean beats added. */
int hrlive_note(hrlive *h, gw_ns t, const double *rr_ms, int n);
/* Starts replaying a recording (borrowed) whose first beat begins at t0. */
void hrlive_replay_start(hrlive *h, const double *rr_ms, int n, gw_ns t0);
/* Feeds the recording's beats that have ended by t; returns the clean beats added. */
int hrlive_replay(hrlive *h, gw_ns t);
/* The i-th kept beat, oldest first (0 <= i < hrlive_count). */
int hrlive_count(const hrlive *h);
const rr_beat *hrlive_at(const hrlive *h, int i);
/* The heart rate (bpm) at the last beat, or 0 with none. */
double hrlive_bpm(const hrlive *h);
/* Highest minus lowest beat-to-beat heart rate among the beats in [from, to), or -1
 * when fewer than 3 fall in it (a breath's swing). */
double hrlive_swing(const hrlive *h, gw_ns from, gw_ns to);

#endif
