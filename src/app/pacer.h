/* pacer: the breathing exercise in progress, for the pacer scene and whoever asks about
 * it (the present panel, the practice log, the live runner's rumble). It owns the pacer
 * scene's state (app_state(a, SCENE_PACER)): the running pattern and its state
 * (core/pacer_run), and the person's choices for this run of the program (style, mute,
 * spoken words, rumble). Each update turns the run's events into traces (`phase`, `cue`,
 * `voice`), cues, spoken words and counts, a rumble and the end of the exercise.
 * scene_pacer.c draws it and takes the person's input. */
#ifndef GW_APP_PACER_H
#define GW_APP_PACER_H
#include <stdbool.h>
#include "core/breath.h"
#include "core/pacer_run.h"
#include "core/pacer_style.h"
#include "core/res_run.h"

typedef struct app app;

/* The pacer scene's state: zeroed for the app's life; the run is set up at each start. */
struct pacer_st {
    pacer_run run;          /* the exercise in progress (or last run) */
    res_run res;            /* the resonance assessment's blocks, when it is that */
    int   style;            /* 0: the exercise's own; 1 + a pacer_style: chosen this session */
    bool  muted;
    bool  speak;            /* spoken phase words and counts (widget "speak", key V) */
    bool  rumble_off;       /* gamepad rumble on phase changes is on unless this is set */
    int   rumble_seq;       /* bumped at every phase change; the live runner rumbles */
    breath_kind rumble_kind;
    gw_ns breath_fed;       /* the start of the last breath told to app_hr (-1: none) */
    /* the widest and tallest of the exercise's words at a size and width, kept while
     * the exercise, language and text size stay (scene_pacer.c, word_extent): measured
     * once, not some ten texts in every frame */
    struct pacer_words_kept {
        const void *ex;
        char lang[16];
        float scale, px, w, v;
        bool tall, used;
    } words_kept[8];
    int words_next;
    /* the widths the Style and toggle buttons keep whatever they show (pacer_layout.c,
     * controls): their widest labels, measured once per language, text size and window
     * size, not nine labels in every frame */
    struct pacer_ctl_kept {
        char lang[16];
        float scale, unit, style_w, sound_w, voice_w;
        bool used;
    } ctl_kept;
};

/* The style shown for the current exercise (the person's choice, else the exercise's);
 * styles and their names: core/pacer_style.h. */
int  pacer_style_of(const app *a);
/* The style chosen for the rest of this run of the program (untraced). */
void pacer_set_style(app *a, int style);
/* The running pattern and its state at the last update (the exercise's as written
 * until a breathing exercise starts). */
const breath_pattern *pacer_pattern(const app *a);
const breath_state *pacer_breath(const app *a);
/* Replaces the running pattern (a therapist's number of breaths, a restart keeping the
 * pace); the timeline is not moved. */
void pacer_set_pattern(app *a, const breath_pattern *p);
bool pacer_muted(const app *a);
bool pacer_speaking(const app *a);
/* How long after elapsed time t the run wants an update (the next cue or boundary). */
gw_ns pacer_wake(const app *a, gw_ns t);
/* The resonance assessment: the block running (0-based) and its rate; false for
 * another exercise. */
bool pacer_block(const app *a, int *block, double *rate);
/* Paces the breathing exercise just started at `rate` breaths a minute, its phases in
 * the same proportions and its length in time kept (a person's resonance rate). */
void pacer_set_rate(app *a, double rate);
/* The same on any pattern (a plan's breathing at a person's rate). */
void pacer_pattern_at_rate(breath_pattern *p, double rate);
/* Forgets the run (an idle kiosk): nothing of it is shown any more. */
void pacer_forget(app *a);
/* For the live runner: the number of phase changes so far and the kind of the last,
 * and whether they are to rumble (false: rumble is switched off). */
bool app_pacer_rumble(const app *a, int *seq, breath_kind *kind);

/* The pacer scene's table entries (scene_pacer.c): a breathing exercise starts (its
 * pattern with --cycles), its style is traced with its start, it advances (each update,
 * whichever screen shows), it is paused or resumed, the scene is entered. */
void pacer_start(app *a);
void pacer_trace_start(const app *a);
void pacer_advance(app *a);
void pacer_paused(app *a, bool paused);
void pacer_enter(app *a);

#endif
