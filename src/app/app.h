/* app: the program's state and its one frame: events in, state updated with the time
 * passed in, a description of the screen produced (draw_list), rendered by the caller.
 * The same app runs live (run_live.c), headless on a virtual clock (`play`), and for
 * single frames (`render`). Modes (home, present, kiosk) and scenes (library, pacer,
 * ...) are tables of functions; nothing switches on the mode elsewhere.
 * Ownership: the app borrows the pack set, trace and audio given in app_config; it owns
 * its draw lists. */
#ifndef GW_APP_H
#define GW_APP_H
#include <stdbool.h>
#include <stddef.h>
#include "core/breath.h"
#include "core/draw.h"
#include "core/event.h"
#include "core/pack.h"
#include "core/theme.h"
#include "core/timebase.h"
#include "core/trace.h"
#include "core/settings.h"

typedef struct app app;
typedef struct plat_audio plat_audio;

typedef struct scene_vt {
    const char *name;                                   /* trace "scene" name */
    void (*enter)(app *a);
    bool (*event)(app *a, const gw_event *e);           /* true: handled */
    void (*activate)(app *a, const char *widget);       /* a widget was pressed */
    void (*update)(app *a);
    void (*draw)(const app *a, draw_list *l);
    gw_ns (*next_change)(const app *a);                 /* next self-driven change, or GW_NEVER */
} scene_vt;

typedef struct mode_vt {
    const char *name;                                   /* home, present, kiosk */
    void (*enter)(app *a);
    bool (*filter)(app *a, const gw_event *e);          /* true: swallowed by the mode */
    void (*leave_exercise)(app *a);                     /* after an exercise ends or is left */
    void (*update)(app *a);                             /* policies over time (idle, ...) */
    /* home (issue 7): the mode keeps the person's data (favourites, recent, check-ins,
     * practice log, progress, settings). Present and kiosk leave it false. */
    bool personal;
} mode_vt;

typedef struct app_config {
    const char *mode;       /* "home" (default), "present", "kiosk" */
    int w, h;
    const char *theme;
    const char *lang;       /* NULL: from the environment */
    pack_set *packs;        /* borrowed */
    trace *tr;              /* borrowed, may be NULL */
    plat_audio *audio;      /* borrowed, may be NULL */
    /* home (issue 7) */
    bool home_flow;         /* check-ins (live; `play --checkins`), as the settings say */
    bool welcome;           /* the first-run welcome (live; `play --welcome`), unless seen */
    bool no_personal;       /* read and write none of the person's data (`render`) */
    bool wall_fixed;        /* wall clock = 2026-01-01T09:00:00Z + program time (play, tests) */
    long long wall_epoch;   /* otherwise: Unix seconds at program time 0 (0: now) */
} app_config;

struct app {
    const mode_vt  *mode;
    const scene_vt *scene;
    pack_set *packs;
    trace    *tr;
    plat_audio *audio;
    const theme *th;
    char lang[16];
    int w, h;
    gw_ns now;
    gw_ns last_input;
    bool quit;
    char exit_reason[32];

    /* library */
    int  focus;            /* index into the exercise list, -1: none */
    bool focus_visible;    /* shown after keyboard or gamepad use */

    /* the exercise in progress */
    const exercise *ex;
    breath_pattern pattern;
    int   cycles_override; /* from --cycles; 0: the exercise's own */
    tb_clock clock;
    breath_state bs;
    bool  ex_active;       /* started and not yet ended */
    int   last_index, last_cycle;
    breath_stage last_stage;

    int   step;            /* prompts: the step shown; guided: the last step traced */
    int   tally;           /* prompts: things named so far in this step */
    int   ended_count;     /* exercises that reached their end (for headless runs) */
    char notice[256];      /* a message shown on the library (bad pack, no sound) */
    draw_list ui;          /* last description produced, for widgets */
    bool ui_stale;

    /* home (issue 7): settings, practice log, check-ins, welcome, progress */
    settings set;
    bool set_loaded;         /* the settings file was read (or is missing): may be written */
    char set_problem[256];   /* why the settings file was not used ("" if it was) */
    bool home_flow;          /* check-ins offered */
    bool welcome_flow;       /* the welcome may be shown */
    bool personal;           /* this run keeps the person's data (a personal mode, not render) */
    long long wall_epoch;    /* Unix seconds at program time 0 */
    struct plog *log;        /* opened on first use; NULL if it cannot be */
    bool log_tried;
    long long session;       /* the logged session in progress or just ended, 0: none */
    char pending[64];        /* exercise chosen, waiting for the before check-in */
    bool checkin_after;      /* the check-in screen asks "after" */
    int  home_focus;         /* focus index on the check-in, welcome, settings, progress screens */
    bool confirm_delete;     /* settings: "Delete all my data" asked for confirmation */
    int  before;             /* the before rating for the pending exercise, -1: none */
    char recent[4][64];      /* recently used exercise ids, newest first (library) */
    int  nrecent;
    struct plog_session *prog; /* progress: the sessions shown (owned; freed on leaving) */
    int  nprog;
};

bool app_init(app *a, const app_config *cfg);
void app_free(app *a);

void app_event(app *a, const gw_event *e);
void app_update(app *a, gw_ns now);
/* Produces the screen into l (l is reused; free with draw_free). */
void app_draw(app *a, draw_list *l);
/* Activates the widget with this id; false if there is none on screen. */
bool app_press(app *a, const char *id);
/* The next time the screen changes by itself (animation, countdown), or GW_NEVER. */
gw_ns app_next_change(const app *a);

/* For scenes and modes. */
void app_set_scene(app *a, const scene_vt *s);
bool app_start_exercise(app *a, const char *id);
void app_end_exercise(app *a, bool completed);
/* Ends the exercise (not completed, if still going) and lets the mode choose where to go. */
void app_leave_exercise(app *a);
/* Traces the start of step i of a guided or prompt exercise. */
void app_trace_step(app *a, int i);
void app_request_quit(app *a, const char *reason);
void app_error(app *a, const char *msg);
const char *app_text(const app *a, const pack_text *t);

extern const scene_vt scene_library;
extern const scene_vt scene_pacer;
extern const scene_vt scene_guided;
extern const scene_vt scene_prompts;
extern const scene_vt scene_problems;
extern const mode_vt mode_home;
extern const mode_vt mode_present;
extern const mode_vt mode_kiosk;

/* home (issue 7) */
extern const scene_vt scene_checkin;
extern const scene_vt scene_progress;
extern const scene_vt scene_welcome;
extern const scene_vt scene_settings;
/* A card was chosen: in a personal mode with check-ins on, the before check-in comes
 * first; otherwise the exercise starts. */
void app_choose_exercise(app *a, const char *id);
/* A check-in was given (value 0-10) or skipped (value < 0): traced, logged, and the
 * flow goes on (start the pending exercise, or back to the library). */
void app_checkin(app *a, int value);
/* Wall-clock UTC now, ISO 8601, into buf (>= 21 bytes). */
void app_wall_iso(const app *a, char *buf, size_t n);
/* The practice log, opened on first use (NULL with an error shown if it cannot be). */
struct plog *app_log(app *a);
/* Writes the settings (after the person changed one); shows a problem if it fails. */
void app_settings_changed(app *a);
/* Favourites and recently used (kept in the user data folder, home mode only). */
bool app_is_favourite(const app *a, const char *id);
void app_toggle_favourite(app *a, const char *id);
/* Reloads a->recent from the practice log. */
void app_refresh_recent(app *a);
/* Hooks app.c calls (app_home.c): settings and wall clock at init, the log at the start
 * and end of an exercise, the text size after a scene drew. */
void app_home_init(app *a, const app_config *cfg);
void app_home_free(app *a);
void app_home_started(app *a);
void app_home_ended(app *a, bool completed);
void app_home_post_draw(const app *a, draw_list *l);
/* Keyboard and gamepad over a screen's widgets in drawing order (a->home_focus):
 * arrows, Tab and the d-pad move; Enter, Space and A press; Escape and B press
 * `escape_id` if given. True if handled. */
bool app_home_nav(app *a, const gw_event *e, const char *escape_id);

/* Layout unit: 1 at 1280x720, scaled with the window's shorter proportion. */
float app_unit(const app *a);

#endif
