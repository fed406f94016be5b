/* breath: the breathing pacer engine. Everything a pacer shows (stage, phase, progress
 * within the phase, breath number, time remaining, lung fill) is a closed-form function
 * of the pattern and the elapsed time since the session started (pauses excluded, see
 * timebase.h). Nothing accumulates per frame, so there is no drift however long it runs.
 * The pattern is plain data owned by the caller. */
#ifndef GW_BREATH_H
#define GW_BREATH_H
#include <stdbool.h>
#include "core/gwtime.h"
#include "core/synth.h"

typedef enum breath_kind {
    BREATH_INHALE,
    BREATH_HOLD_IN,   /* hold with full lungs */
    BREATH_EXHALE,
    BREATH_HOLD_OUT,  /* hold with empty lungs */
    BREATH_TOPUP,     /* short second inhale on top of the first (physiological sigh) */
    BREATH_KIND_COUNT
} breath_kind;

#define BREATH_MAX_PHASES 8
#define BREATH_MIN_PHASE_MS 500
#define BREATH_MAX_PHASE_MS 60000
#define BREATH_STEP_MS 100

typedef struct breath_phase {
    breath_kind kind;
    int32_t ms;        /* 500..60000, a multiple of 100 */
} breath_phase;

typedef struct breath_pattern {
    breath_phase phase[BREATH_MAX_PHASES];
    int   nphase;
    int   cycles;        /* session length in breaths; 0: use session_ns */
    gw_ns session_ns;    /* session length in time, rounded up to whole breaths */
    /* Optional ramp: the rate moves linearly from ramp_from_bpm to ramp_to_bpm over
     * ramp_ns (then stays), keeping the phases' ratios. 0 bpm: no ramp. */
    double ramp_from_bpm, ramp_to_bpm;
    gw_ns  ramp_ns;
    gw_ns  lead_in_ns;   /* "Get ready, 3-2-1" before the first breath; 0: none */
    /* A one-off exhale after the lead-in and before the first breath (4-7-8 starts by
     * emptying the lungs); 0: none, else 500..60000 ms in steps of 100. Not part of any
     * breath: breaths are counted after it and a ramp starts after it. */
    int32_t opening_ms;
} breath_pattern;

typedef enum breath_stage {
    BREATH_STAGE_LEAD_IN,
    BREATH_STAGE_BREATHING,
    BREATH_STAGE_DONE
} breath_stage;

typedef struct breath_state {
    breath_stage stage;
    int    index;        /* phase index in the pattern; -1 during the opening exhale */
    bool   opening;      /* in the pattern's one-off opening exhale (kind BREATH_EXHALE,
                            cycle 0) */
    breath_kind kind;
    int    cycle;        /* 0-based breath number */
    int    total_cycles;
    double progress;     /* 0..1 within the phase (linear in time) */
    gw_ns  phase_start;  /* elapsed time at which this phase began */
    gw_ns  phase_len;    /* length of this phase (with a ramp, of this breath's phase) */
    gw_ns  remaining;    /* until the session ends */
    double fill;         /* lungs 0..1, eased (sinusoidal), for visuals */
    int    lead_in_count;/* during the lead-in: 3, 2, 1 */
} breath_state;

/* The state at elapsed time t (t < 0 is treated as 0). */
void  breath_at(const breath_pattern *p, gw_ns t, breath_state *out);
/* Whole session length including the lead-in and the opening exhale; always a whole
 * number of breaths after those. */
gw_ns breath_total(const breath_pattern *p);
int   breath_total_cycles(const breath_pattern *p);
/* Length of one breath without a ramp (sum of phases). */
gw_ns breath_cycle_len(const breath_pattern *p);
/* Elapsed time of the first phase boundary strictly after t, or GW_NEVER. Used to
 * schedule audio cues against the audio clock. */
gw_ns breath_next_boundary(const breath_pattern *p, gw_ns t);
/* Lengthens (delta > 0) or shortens every phase (and the opening exhale, if any) by
 * delta_ms, clamped to 0.5-60 s. */
void  breath_adjust(breath_pattern *p, int32_t delta_ms);
/* The vocabulary of a phase: one row per kind, and every layer (packs, plans, traces,
 * cues, spoken words) takes its names from it. */
typedef struct breath_kind_row {
    const char *name;     /* traces, breath_kind_name: inhale, hold, exhale, hold_out, topup */
    const char *content;  /* written in content (plans): inhale, hold_in, exhale, hold_out, topup */
    const char *word;     /* the spoken word's clip (voice/<lang>/<word>.ogg): both holds say "hold" */
    synth_cue   cue;      /* the cue sound at its start: a top-up rises as an inhale does */
} breath_kind_row;
/* The row of k; an unknown kind gets a row named "unknown" that sounds and says "hold". */
const breath_kind_row *breath_kind_row_of(breath_kind k);
/* Stable names used in traces and content: inhale, hold, exhale, hold_out, topup. */
const char *breath_kind_name(breath_kind k);
/* Parses a name as above (content also accepts "hold_in"); -1 if unknown. */
int   breath_kind_parse(const char *name);

/* The names a pack may give a phase, in the order messages list them. "hold" depends on
 * what it follows: a hold with full lungs after an inhale or a top-up, with empty lungs
 * after an exhale (breath_kind_after). */
#define BREATH_PHASE_NAMES 6
extern const char *const breath_phase_names[BREATH_PHASE_NAMES];
/* The kind breath_phase_names[i] names after a phase of kind prev (-1: none); -1 when
 * it is "hold" after nothing it can hold. */
int   breath_kind_after(int i, int prev);

/* Returns NULL if the pattern is valid, else a static message saying what is wrong:
 * what the engine can run (a session of up to 24 hours). */
const char *breath_check(const breath_pattern *p);
/* The same held to what content may ask for (packs, plans): at most 1000 breaths, a
 * lead-in of at most 10 s, and at most BREATH_CONTENT_MINUTES asked (by time, or
 * without a ramp by the whole session given in breaths, lead-in and opening included). */
#define BREATH_CONTENT_MINUTES 120
#define BREATH_CONTENT_CYCLES  1000
const char *breath_check_content(const breath_pattern *p);

#endif
