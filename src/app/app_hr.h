/* app_hr: heart beats during a breathing exercise and the resonance assessment's
 * measures. It owns the heart-rate source (a recording given with --hr-replay, or the
 * live program's sensor through plat_hr), the beats of the exercise in progress on its
 * timeline (core/hrlive: elapsed time, pauses excluded) and, for the assessment, each
 * block's measures and the rate chosen (core/resonance); and the swing per breath shown
 * beside the heart-rate line (core/hrswing). Each clean beat is traced `hr`; each new
 * swing figure `hr_swing`; each block `resonance_block`; the result `resonance`.
 * Its state is the resonance scene's (app_state(a, SCENE_RESONANCE)): the scene that
 * shows the assessment draws it; pacer.c feeds it as the breathing runs; app_home.c
 * keeps the result in the practice log. It calls none of them. */
#ifndef GW_APP_HR_H
#define GW_APP_HR_H
#include <stdbool.h>
#include <stddef.h>
#include "core/draw.h"
#include "core/hrlive.h"
#include "core/hrswing.h"
#include "core/resonance.h"

typedef struct app app;
typedef struct app_config app_config;
typedef struct plat_hr plat_hr;
struct plat_hr_device;

typedef enum hr_outcome {
    HR_NONE,          /* no assessment has ended */
    HR_CHOSEN,        /* a rate was chosen */
    HR_NO_WINNER,     /* enough clean data; no block clearly above the others */
    HR_NOT_ENOUGH,    /* too few blocks with enough clean beats */
} hr_outcome;

struct hr_st {
    const double *rec;          /* --hr-replay's intervals (borrowed from the runner), or NULL */
    int  nrec;
    plat_hr *dev;               /* the sensor back-end (started when a sensor is chosen),
                                   or NULL */
    bool  may_sense;            /* this run may use a sensor (not render, nor the kiosk) */
    bool  scan;                 /* Settings asked to look for sensors */
    int   traced_state;         /* the sensor's state last traced (`hr_sensor`), -1 none */
    int   traced_why;
    hrlive live;                /* this exercise's beats */
    double *raw;                /* a sensor's intervals as they came this exercise (owned) */
    int   nraw, capraw;
    hrswing swing;              /* its breaths, for the swing per breath */
    hrswing_fig fig;            /* the swing shown (fig_ok: there is one) */
    bool  fig_ok;
    bool  on;                   /* a breathing exercise is taking beats */
    gw_ns first;                /* elapsed time of its first paced breath */
    int   traced;               /* beats added since the exercise began (all traced) */
    int   rejected0;            /* intervals dropped before the running block began */
    res_block block[RES_BLOCKS];
    int   nblock;
    hr_outcome outcome;
    int   chosen;               /* the block chosen (HR_CHOSEN) */
    int   page;                 /* the resonance scene's: the page of its no-sensor or
                                   result screen shown (large text) */
};

/* The live program: the sensor's back-end is never waited for (set before app_init;
 * otherwise, as in `play`, its first look is). */
void app_hr_async(bool on);
/* app_init: takes the recording (cfg->hr_rr) and, live, starts the sensor's back-end. */
void app_hr_configure(app *a, const app_config *cfg);
void app_hr_release(app *a);
/* After the settings are read: a sensor chosen in them is connected to (live). */
void app_hr_settings_read(app *a);
/* Uses the sensor of this address from now on ("" none; the back-end is started the
 * first time). */
void app_hr_use(app *a, const char *address);
/* For Settings' heart-rate page. app_hr_wake starts the back-end (false: this run may
 * not use a sensor: render, the kiosk, a recording given). app_hr_status: where it
 * stands and, when HR_UNAVAILABLE, why (a plat_hr_why, or APP_HR_NOT_THIS_RUN; the
 * state is HR_STARTING before the back-end was started).
 * app_hr_scan looks for sensors or stops (the back-end started the first time);
 * app_hr_scanning: asked to look; app_hr_devices: the sensors found (plat_hr_devices);
 * app_hr_heart_rate: the last heart rate received in the last 5 s, or 0. */
#define APP_HR_NOT_THIS_RUN (-1)
bool app_hr_wake(app *a);
int  app_hr_status(const app *a, int *why);
void app_hr_scan(app *a, bool on);
bool app_hr_scanning(const app *a);
int  app_hr_devices(const app *a, struct plat_hr_device *out, int max);
int  app_hr_heart_rate(const app *a);
/* Traces `hr_sensor` when the sensor's state has changed since it was last traced
 * (called as a breathing exercise runs and while Settings' page is open). */
void app_hr_watch(app *a);
/* Whether heart beats can come: a recording, or a sensor sending. */
bool app_hr_source(const app *a);
/* A breathing exercise starts; its first paced breath begins at elapsed time `first`
 * (a recording's first beat begins then). The assessment's measures are cleared. */
void app_hr_start(app *a, gw_ns first);
/* A breath of the exercise began at elapsed time t (the swing is measured per breath). */
void app_hr_breath(app *a, gw_ns t);
/* The beats up to elapsed time t (each traced `hr`), and the swing figure of the
 * breaths ended by then (traced `hr_swing` when it changes). */
void app_hr_advance(app *a, gw_ns t);
/* The assessment's block k ([start, end) on the timeline, `paced` breaths a minute as
 * really paced) has ended: measured and traced `resonance_block`. */
void app_hr_block(app *a, int k, gw_ns start, gw_ns end, double paced);
/* Every block has ended: the rate chosen, or why none was (traced `resonance`). */
void app_hr_finish(app *a);
/* The last assessment's outcome, its blocks (nblock), and the chosen rate (0: none). */
hr_outcome app_hr_outcome(const app *a, const res_block **blocks, int *nblock);
double app_hr_chosen_rate(const app *a);
int app_hr_chosen(const app *a);   /* its block, or -1 */
/* The last assessment's result as JSON text for the practice log (the session's
 * adjustments): `"resonance": {"rate_bpm": R or null, "reason": ..., "blocks": [{"rate",
 * "swing", "lf", "clean"}, ...]}` without braces around it; "" with none. */
void app_hr_result_json(const app *a, char *out, size_t n);
/* The beats of the exercise in progress or just ended, as the practice log keeps them
 * (plog_set_beats): every interval as it came (ms, one a line), those of a recording as
 * far as it was played, so that replaying them (--hr-replay) gives the same beats and
 * measures. NULL with none; the caller frees. */
char *app_hr_beats_text(const app *a);
/* A rate (breaths or beats a minute) written with the interface language's decimal
 * separator ("5,5"); with `trim` a whole number without one ("6"). */
void app_hr_rate_text(char *buf, size_t n, double rate, bool trim);
/* The swing per breath shown beside the heart-rate line (false: none yet). */
bool app_hr_swing(const app *a, double *bpm, bool *growing);
/* The beats of the exercise in progress (a live trace under the figure). */
const hrlive *app_hr_live(const app *a);
/* Draws the heart rate of the last breaths as a calm line in r (nothing without beats). */
void app_hr_draw_trace(const app *a, draw_list *l, gw_rect r);
/* The row under the breathing figure (`row`: the figure's width, the line's height): the
 * heart-rate line centred in it and, once a breath has been measured, the swing per
 * breath beside it ("8 bpm", "swing per breath"; "swing growing", softly lit, when it
 * grows). Nothing without beats. */
void app_hr_draw_live(const app *a, draw_list *l, gw_rect row);
/* The height that row needs in a w wide figure area while a heart-rate source gives
 * beats (32 units; more with large text, the figure's words under its value); 0
 * without one, when nothing is drawn there. */
float app_hr_row_h(const app *a, float w);

#endif
