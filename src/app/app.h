/* app: the program's state and its one frame: events in, state updated with the time
 * passed in, a description of the screen produced (draw_list), rendered by the caller.
 * The same app runs live (run_live.c), headless on a virtual clock (`play`), and for
 * single frames (`render`). Modes (home, present, kiosk) and scenes (library, pacer,
 * ...) are tables of functions; nothing switches on the mode elsewhere.
 * Ownership: the app borrows the pack set, trace and sound list given in app_config; it owns
 * its draw lists. */
#ifndef GW_APP_H
#define GW_APP_H
#include <stdbool.h>
#include <stddef.h>
#include "core/breath.h"
#include "core/draw.h"
#include "core/event.h"
#include "core/locales.h"
#include "core/kiosk.h"
#include "core/pack.h"
#include "core/pacer_style.h"
#include "core/prompt.h"
#include "core/theme.h"
#include "core/timebase.h"
#include "core/trace.h"
#include "core/settings.h"
#include "core/plan.h"

typedef struct app app;
typedef struct app_config app_config;

#define APP_MAX_NOTES 32   /* steps that can carry a note */
#define APP_NOTE_MAX  160  /* bytes of a note, with its terminator */
typedef struct sound_list sound_list;

/* The screens and modes by id. A scene reaches another through app_go(id), never by
 * its table, so that no scene's file depends on another's: the tables are gathered
 * by app_init (app_init.c), above them all, and handed to the app. */
typedef enum app_scene_id {
    SCENE_LIBRARY, SCENE_PACER, SCENE_GUIDED, SCENE_PROMPTS, SCENE_PROBLEMS, SCENE_SAFETY,
    SCENE_CAUTIONS, SCENE_QUIT, SCENE_ATTRACT, SCENE_KIOSK_LIBRARY, SCENE_ADMIN,
    SCENE_CHECKIN, SCENE_PROGRESS, SCENE_WELCOME, SCENE_SETTINGS, SCENE_RESONANCE, SCENE_COUNT
} app_scene_id;
typedef enum app_mode_id { MODE_HOME, MODE_PRESENT, MODE_KIOSK, MODE_COUNT } app_mode_id;

/* How the keyboard reaches a screen's controls (app.c, "the focus stops"). FOCUS_OWN: the scene
 * moves a focus of its own (library, settings, the check-in...). The others walk every
 * control in drawing order, the focus stops: FOCUS_TAB, Tab and Shift+Tab move it and
 * Enter presses it, every other key keeping the screen's own meaning (an exercise's
 * arrows and Space); FOCUS_TAB_OWN, the same, and the scene's own keys (arrows) take
 * the focus back to its own; FOCUS_ALL, the arrows move it too and Space presses it
 * (screens whose keys mean nothing else). */
typedef enum app_focus_keys { FOCUS_OWN, FOCUS_TAB, FOCUS_TAB_OWN, FOCUS_ALL } app_focus_keys;

typedef struct scene_vt {
    app_scene_id id;
    const char *name;                                   /* trace "scene" name */
    app_focus_keys focus_keys;
    void (*enter)(app *a);
    bool (*event)(app *a, const gw_event *e);           /* true: handled */
    void (*activate)(app *a, const char *widget);       /* a widget was pressed */
    void (*update)(app *a);
    void (*draw)(const app *a, draw_list *l);
    gw_ns (*next_change)(const app *a);                 /* next self-driven change, or GW_NEVER */
    /* an overlay (safety, quit): shown over the current screen by app_open; may be NULL */
    void (*open)(app *a);
    /* text being typed is kept as if Enter was pressed (before the program ends); may be NULL */
    void (*keep_typed)(app *a);
    /* The scene's own state: state_size bytes, zeroed, allocated by app_init for the
     * app's life and reached with app_state(a, id); enter resets what should not be
     * kept between visits. release frees what the state owns (app_free); may be NULL. */
    size_t state_size;
    void (*release)(app *a);
    /* The scene that runs an exercise kind (app_start_exercise chooses it from the kind):
     * start sets up the run when an exercise starts (before it is traced), trace_start
     * adds the scene's own fields to its `exercise_start` event, advance moves it on at
     * every update while it is active (whichever screen shows), paused says it was
     * paused or resumed (app_set_paused, from any screen). Each may be NULL. */
    void (*start)(app *a);
    void (*trace_start)(const app *a);
    void (*advance)(app *a);
    void (*paused)(app *a, bool paused);
    /* The audio device went away (false) or came back: every scene is told, whichever
     * shows, before the one showing gets the event; may be NULL. */
    void (*audio_device)(app *a, bool added);
} scene_vt;

typedef struct mode_vt {
    app_mode_id id;
    const char *name;                                   /* home, present, kiosk */
    /* takes what the mode needs from the configuration into its state, before enter
     * (app_init); may be NULL */
    void (*configure)(app *a, const app_config *cfg);
    void (*enter)(app *a);
    bool (*filter)(app *a, const gw_event *e);          /* true: swallowed by the mode */
    void (*key_up)(app *a, const gw_event *e);          /* kiosk: a held key let go; may be NULL */
    void (*leave_exercise)(app *a);                     /* after an exercise ends or is left */
    void (*update)(app *a);                             /* policies over time (idle, ...) */
    gw_ns (*next_change)(const app *a);                 /* next policy deadline, or GW_NEVER; may be NULL */
    void (*leave)(app *a);                              /* frees what the mode owns (app_free); may be NULL */
    /* home: the mode is a person's own practice (favourites, recent, check-ins,
     * practice log, progress, settings; ask app_personal). Present and kiosk leave it
     * false. */
    bool personal;
    /* present: drawn over the scene (the therapist's controls); may be NULL */
    void (*draw)(const app *a, draw_list *l);
    /* present: a widget press offered to the mode first (true: handled); may be NULL */
    bool (*activate)(app *a, const char *widget);
    /* present: the client view is blanked (only the background and the mode's drawing) */
    bool (*blank)(const app *a);
    /* present: the width the client view is laid out in (from the left; the rest is the
     * therapist's panel, which then covers none of it); may be NULL (the whole width) */
    int (*client_w)(const app *a);
    /* present: whether a widget is on the control window (its own window); may be NULL */
    bool (*has_widget)(app *a, const char *widget);
    /* present: the therapist has hidden captions, phase words and counts; may be NULL */
    bool (*captions_off)(const app *a);
    /* present: Tab walks every control of every screen, the panel's too (a scene's
     * FOCUS_OWN is taken as FOCUS_TAB_OWN) */
    bool tab_everywhere;
    /* present, two windows: the control window's controls into l (true), else false */
    bool (*control_drawn)(app *a, draw_list *l);
    /* The mode's own state, as a scene's (app_mode_state); release may be NULL. */
    size_t state_size;
    void (*release)(app *a);
} mode_vt;

/* What the app tells the layer that keeps the person's data (app_home.c), handed to
 * it by app_init: an exercise started, or ended. */
typedef struct app_hooks {
    void (*started)(app *a);
    void (*ended)(app *a, bool completed);
} app_hooks;

struct app_config {
    const char *mode;       /* "home" (default), "present", "kiosk" */
    int w, h;
    const char *theme;
    const char *lang;       /* NULL: from the environment */
    pack_set *packs;        /* borrowed */
    trace *tr;              /* borrowed, may be NULL */
    sound_list *sound;      /* borrowed: what the app asks to be heard, played and emptied by
                             * the runner; NULL: nothing is kept (no sound) */
    const char *kiosk_config; /* kiosk: --config FILE; NULL: the default places */
    void (*reload)(pack_set *out, void *ctx); /* kiosk: loads the content afresh; may be NULL */
    /* kiosk: a cheap fingerprint of the content on disk (names, sizes, times), so that a
     * kiosk nobody touches still notices new content; NULL: checked at idle resets only */
    unsigned long long (*content_stamp)(void *ctx);
    void *reload_ctx;
    bool kiosk_wall_live;     /* kiosk: read the local wall clock (live); else a virtual one */
    /* home */
    bool home_flow;         /* check-ins (live; `play --checkins`), as the settings say */
    bool welcome;           /* the first-run welcome (live; `play --welcome`), unless seen */
    bool no_personal;       /* read and write none of the person's data (`render`) */
    bool defer_log;         /* live: the practice log is opened after the first frame */
    bool wall_fixed;        /* wall clock = 2026-01-01T09:00:00Z + program time (play, tests) */
    long long wall_epoch;   /* otherwise: Unix seconds at program time 0 (0: now) */
    /* present */
    const char *plan_dir;   /* --plan-dir: where Save plan writes; NULL: $HOME/groundwork-plan-DATE */
    /* accessibility */
    int text_pct;           /* --text-size: 100-200 for this run; 0: the settings' */
    bool read_aloud;        /* --read-aloud: on for this run */
    /* heart rate (app_hr.c) */
    const double *hr_rr;    /* --hr-replay: the recording's intervals (ms, borrowed), or NULL */
    int hr_n;
};

/* What every scene and mode truly shares; everything else is the state of the scene,
 * mode or service that uses it (scene_vt.state_size, mode_vt.state_size, app_home.c,
 * app_crisis.c). */
struct app {
    const mode_vt  *mode;
    const scene_vt *scene;
    struct app_rooms {
        const scene_vt *const *scenes; /* SCENE_COUNT tables by id (app_init.c) */
        const app_hooks *hooks;
        void *state[SCENE_COUNT];      /* each scene's own state (scene_vt.state_size) */
        void *mode_state;              /* the mode's own state (mode_vt.state_size) */
    } rooms;
    pack_set *packs;
    trace    *tr;
    sound_list *sound;
    const theme *th;
    char lang[16];
    int w, h;
    gw_ns now;
    gw_ns last_input;
    struct app_end {
        bool quit;
        char reason[32];
        int  completed;    /* exercises that reached their end (for headless runs) */
    } end;
    /* this run's command line, where it overrides the settings or the content */
    struct app_args {
        bool lang;         /* --lang set the language (until chosen in Settings) */
        int  text_pct;     /* --text-size; 0: the settings' */
        int  cycles;       /* --cycles; 0: the exercise's own (the pacer starts with it,
                              the practice log notes it) */
        bool read_aloud;   /* --read-aloud */
    } arg;

    struct app_focus {
        int  index;        /* library: index into the exercise list, -1: none */
        /* the focus stop (app.c, "the focus stops"): the control with the keyboard focus, by its
         * place in drawing order in the screen's description, or in the control
         * window's (present, two windows); -1: none */
        int  stop, stop_ctl;
        bool visible;      /* focus rings shown after keyboard or gamepad use */
        char hover[DRAW_WIDGET_ID_MAX]; /* the widget under the mouse ("": none) */
        bool pressing;     /* the mouse button or a finger is down on it */
    } focus;

    /* the exercise in progress */
    const exercise *ex;
    tb_clock clock;
    bool  ex_active;       /* started and not yet ended */
    int   step;            /* prompts: the step shown; guided: the last step traced */

    char notice[256];      /* a message shown on the library (bad pack, no sound) */
    draw_list ui;          /* last description produced, for widgets */
    bool ui_stale;
    struct app_checked {
        bool     draw_oom;      /* a description was left incomplete for lack of memory (reported) */
        unsigned text_failures; /* measurements that failed, as last reported */
    } checked;

    locales loc;                   /* disclaimer and crisis lines (owned; loaded by app_crisis.c) */
    /* the person's settings: read by every scene, changed only through app_home.c
     * (app_settings_edit, then app_settings_changed, which writes them) */
    settings set;
    struct app_home *home;   /* the person's data and the choose-to-start flow (app_home.c) */
    /* accessibility and languages: text size, direction */
    struct app_view {
        float text_scale;    /* font sizes are multiplied by this (settings text size / 100) */
        bool  rtl;           /* the interface language is written right to left: mirror */
        struct say *say;     /* read aloud (say.h; owned) */
    } view;
    struct plat_text *text;  /* measures text for layouts that reflow (owned; NULL: estimates) */
    /* pages of screens too long for one (large text): kept while their text is the same */
    struct app_pages {
        int text;            /* prompts: the page of a step's text */
        int library;         /* library: the page of cards */
    } page;
};

/* The breathing exercise in progress: its styles, pattern and state (app/pacer.h). */
#include "app/pacer.h"
/* Heart beats and the resonance assessment's measures (app/app_hr.h). */
#include "app/app_hr.h"

/* app_init.c: the app with the built-in scenes and modes (false: it cannot start). */
bool app_init(app *a, const app_config *cfg);
void app_free(app *a);
/* app.c: what app_init builds on; the scene tables by id, the mode, the hooks. */
void app_core_init(app *a, const app_config *cfg, const scene_vt *const *scenes,
                   const mode_vt *mode, const app_hooks *hooks);
void app_core_free(app *a);

void app_event(app *a, const gw_event *e);
void app_update(app *a, gw_ns now);
/* Produces the screen into l (l is reused; free with draw_free). */
void app_draw(app *a, draw_list *l);
/* After drawing into l (app_draw, app_draw_control, a scene's draw): a description left
 * incomplete for lack of memory is reported (an `error` event and a notice), once until
 * a description is complete again. Called where state may change, never from a draw. */
/* Reports (once per new failure) text measurements that fell back to an estimate. */
void app_check_text(app *a);
void app_check_drawn(app *a, const draw_list *l);
/* Activates the widget with this id; false if there is none on screen. */
/* Like app_press, but a widget on another page of the screen is reached by turning
 * its pages (page:previous to the first, then page:next), each turn traced as a press. */
bool app_choose(app *a, const char *id);
bool app_press(app *a, const char *id);
/* The next time the screen changes by itself (animation, countdown), or GW_NEVER. */
gw_ns app_next_change(const app *a);

/* For scenes and modes. */
void app_set_scene(app *a, const scene_vt *s);
/* The scene of this id; app_go shows it (through its enter), app_showing asks whether
 * it is on screen, app_open shows an overlay (its open(), else app_go). */
const scene_vt *app_scene(const app *a, app_scene_id id);
void app_go(app *a, app_scene_id id);
bool app_showing(const app *a, app_scene_id id);
void app_open(app *a, app_scene_id id);
bool app_mode_is(const app *a, app_mode_id id);
/* A scene's or the mode's own state (scene_vt.state_size, mode_vt.state_size): never
 * NULL for a table that asks for state (app_init fails without it). */
static inline void *app_state(const app *a, app_scene_id id) { return a->rooms.state[id]; }
static inline void *app_mode_state(const app *a) { return a->rooms.mode_state; }
/* Back to a screen an overlay (Help, the cautions, "Quit?") was shown over, as it was:
 * traced like app_set_scene, without its enter(). */
void app_resume_scene(app *a, const scene_vt *s);
bool app_start_exercise(app *a, const char *id);
void app_end_exercise(app *a, bool completed);
/* Ends the exercise (not completed, if still going) and lets the mode choose where to go. */
void app_leave_exercise(app *a);
/* Pauses or resumes the exercise's timeline and traces it ("pause"/"resume"); scenes
 * add what their sound needs. Nothing happens if it is already so. */
void app_set_paused(app *a, bool paused);
/* Traces the start of step i of a guided or prompt exercise. */
void app_trace_step(app *a, int i);
void app_request_quit(app *a, const char *reason);
void app_error(app *a, const char *msg);
const char *app_text(const app *a, const pack_text *t);
/* Where e's pack lacks the interface's language: the tag that says which language e
 * plays in ("in English", in the interface's language) into buf, and true; else ""
 * and false. */
bool app_lang_tag(const app *a, const exercise *e, char *buf, size_t n);
/* e's title, and its language tag after it in parentheses when it has one (the kiosk's
 * cards, the cautions screen): buf, or the title itself. */
const char *app_title_tagged(const app *a, const exercise *e, char *buf, size_t n);

/* An exercise's length as a card shows it ("4 min"), or its steps ("5 steps") when it
 * has no set length; the same words on every card of every screen. */
const char *app_length_short(const exercise *e, char *buf, size_t n);
/* e's length in words, as read aloud says it ("4 minutes", "5 steps"): buf. */
const char *app_length_words(const exercise *e, char *buf, size_t n);

/* Prompts and the safety line (scene_prompts.c, scene_safety.c). */
/* Cautions (scene_cautions.c). Whether e's cautions are shown before it starts: it has
 * some and, at home, the person has not chosen to hide them (present and kiosk:
 * always). */
bool app_cautions_due(const app *a, const exercise *e);
/* The exercise whose cautions "Before you begin" holds (NULL: none), and whether they
 * are reviewed from inside it (present's panel shows them too). */
const exercise *app_cautions_shown(const app *a, bool *review);
/* Shows "Before you begin" for e (traced `cautions`); Start goes on with
 * app_after_cautions, Back to the screen it came from. */
void app_show_cautions(app *a, const exercise *e);
/* Shows the running exercise's cautions (from Help inside it); Continue goes back to
 * `back_to` as it was, resuming the exercise if `paused` (paused for Help). */
void app_review_cautions(app *a, const scene_vt *back_to, bool paused);
/* After the cautions (or when there are none): the before check-in if due, else the
 * exercise starts (app_home.c). */
void app_after_cautions(app *a, const char *id);
/* The card chosen (app_choose_exercise), for the cautions scene opened for it: its
 * cautions when due (app_show_cautions), else app_after_cautions at once. */
const char *app_home_chosen(const app *a);
/* The command line's and play's --exercise: the exercise starts at once, its cautions
 * shown and Start pressed first as a person would (both traced); no check-in. False if
 * there is no such exercise (nothing happens then). */
bool app_start_chosen(app *a, const char *id);
/* Quitting (scene_quit.c; home and present, never kiosk): asks "Quit Groundwork?"
 * over the current screen; or quits at once (`how`: traced in a `quit` event), an
 * exercise in progress ending as left. */
void app_quit_now(app *a, const char *how);
/* A note still being typed is saved as if the person had pressed Enter (scene_prompts.c):
 * before the program ends, whatever ends it. */
void app_keep_typed(app *a);
/* Opens the safety overlay over the current screen (widget "safety" on any screen;
 * app_open(a, SCENE_SAFETY)). */
void app_open_safety(app *a);
/* The crisis lines (app_crisis.c). Loads the disclaimer and crisis lines into a->loc:
 * $XDG_CONFIG_HOME/groundwork/locales.json first (a deployment's own lines, optional),
 * then the built-in content's. */
void app_load_locales(app *a);
/* The region whose crisis line is shown: the settings' (`region`), else the locale's
 * country (LC_ALL, LC_MESSAGES, LANG), else the region the locales files give for the
 * bare language ("de" -> "DE"); "" when none does. */
void app_region(const app *a, char *out, size_t n);
/* The region app_region gives when the settings name none. */
void app_region_auto(const app *a, char *out, size_t n);
/* The prompt to add a local crisis line (where only a general one is shown), in the
 * interface's language, naming the deployment's locales.json. */
void app_safety_add_prompt(const app *a, char *out, size_t n);

extern const scene_vt scene_library;
extern const scene_vt scene_pacer;
extern const scene_vt scene_guided;
extern const scene_vt scene_prompts;
extern const scene_vt scene_problems;
extern const scene_vt scene_safety;
extern const scene_vt scene_cautions;
extern const scene_vt scene_quit;
extern const scene_vt scene_attract;
extern const scene_vt scene_kiosk_library;
extern const scene_vt scene_admin;
extern const scene_vt scene_resonance;
extern const mode_vt mode_home;
extern const mode_vt mode_present;
extern const mode_vt mode_kiosk;

/* home */
extern const scene_vt scene_checkin;
extern const scene_vt scene_progress;
extern const scene_vt scene_welcome;
extern const scene_vt scene_settings;
/* app_home.c: the person's data (private; these functions are the only way to it). */
/* Whether the mode is a person's own practice (home): the personal screens and
 * controls show (favourites, recent, notes, name, progress, settings). */
bool app_personal(const app *a);
/* Whether this run reads and writes the person's data: a personal mode, not `render`. */
bool app_keeps_data(const app *a);
/* A card was chosen: its cautions first (the cautions scene, app_open), then in a
 * personal mode with check-ins on the before check-in; then the exercise starts. */
void app_choose_exercise(app *a, const char *id);
/* A check-in was given (value 0-10) or skipped (value < 0): traced, logged, and the
 * flow goes on (start the pending exercise, or back to the library). */
void app_checkin(app *a, int value);
/* Back from the before check-in (a card chosen by mistake): nothing starts, nothing is
 * logged. */
void app_checkin_cancel(app *a);
/* The check-in asked is the one after an exercise (else before it). */
bool app_checkin_is_after(const app *a);
/* Home mode: the first-run welcome is due (once; not over a damaged settings file). */
bool app_home_welcome_due(const app *a);
/* Home mode, an exercise ended or left: the after check-in if due, else the library. */
void app_home_leave_exercise(app *a);
/* progress (scene_progress.c): the summary line above the charts, in the interface
 * language, every number in its own plural form. */
#define PROGRESS_SUMMARY_MAX 256
void progress_summary(char *buf, size_t n, int sessions, int days, int minutes);
/* The same from the minutes as measured: "under a minute" when they round to none. */
void progress_summary_practised(char *buf, size_t n, int sessions, int days, double minutes);
/* progress: shows these sessions (oldest first; owned by the screen from now on, as if
 * read from the log) in view 0 (the last four weeks) or 1 (this week), session `sel`'s
 * details open (its log id; 0: none), on page `page`: for tests and screenshots. */
struct plog_session;
void progress_show(app *a, struct plog_session *s, int n, int view, long long sel, int page);
/* settings (scene_settings.c): shows page `page` of the settings (large text puts them
 * on more than one): for tests and screenshots. */
void settings_show_page(app *a, int page);
/* Wall-clock UTC now, ISO 8601, into buf (>= 21 bytes). */
void app_wall_iso(const app *a, char *buf, size_t n);
/* The practice log, opened on first use (NULL with an error shown if it cannot be). */
struct plog *app_log(app *a);
/* Opens the log again if it could not be before (the next session, Retry). */
struct plog *app_log_retry(app *a);
/* Why the log could not be opened ("" when it could). */
const char *app_log_problem(const app *a);
/* Live, after the first frame is shown: the log may be opened (the recently used). */
void app_home_first_frame(app *a);
/* A prompt step's note was saved (scene_prompts.c): the session's notes are written to
 * the log at once, so a crash loses none. */
void app_home_note_saved(app *a, int step, const char *note);
/* The session just ended could not be saved (it is held; the closing screen says so
 * and offers Retry). */
bool app_home_unsaved(const app *a);
/* Home mode's hooks (mode_home.c): the closing screen's "not saved" line and Retry. */
void app_home_draw(const app *a, draw_list *l);
bool app_home_activate(app *a, const char *widget);
/* The settings to change (the settings screen); app_settings_changed after. */
settings *app_settings_edit(app *a);
/* Writes the settings (after the person changed one); shows a problem if it fails. */
void app_settings_changed(app *a);
/* Settings changed from other screens: the welcome seen, the writing hand ("left",
 * "right"), an exercise's cautions not to be shown again (home only). */
void app_home_welcomed(app *a);
void app_set_handedness(app *a, const char *side);
void app_hide_cautions(app *a, const char *id);
/* "Delete all my data": the practice log emptied, favourites and hidden cautions
 * forgotten (traced `data_deleted`); false if the log could not be (said why). */
bool app_home_delete_all(app *a);
/* Favourites and recently used (kept in the user data folder, home mode only). */
bool app_is_favourite(const app *a, const char *id);
void app_toggle_favourite(app *a, const char *id);
/* The recently used exercises, newest first: how many, and the k-th's id. */
int app_nrecent(const app *a);
const char *app_recent(const app *a, int k);
/* The person's resonance rate: the last resonance assessment in the practice log that
 * found one (0: none), and its day (YYYY-MM-DD); read with the recently used. */
double app_home_resonance_rate(const app *a, const char **day);
/* Reloads the recently used from the practice log. */
void app_refresh_recent(app *a);
/* Hooks app.c calls (app_home.c): settings and wall clock at init (false: no memory),
 * the log at the start and end of an exercise. */
bool app_home_init(app *a, const app_config *cfg);
void app_home_free(app *a);
void app_home_started(app *a);
void app_home_ended(app *a, bool completed);
/* Keyboard and gamepad over a screen's widgets in drawing order (*focus, the screen's
 * own): arrows, Tab and the d-pad move; Enter, Space and A press; Escape and B press
 * `escape_id` if given. True if handled. */
bool app_home_nav(app *a, int *focus, const gw_event *e, const char *escape_id);

/* The focus stops (app.c). A key that moves or presses the focus stop on this
 * screen (scene_vt.focus_keys): true if it did. */
bool app_focus_key(app *a, const gw_event *e);
/* No control has a focus stop (a screen entered; the scene's own focus again). */
void app_focus_clear(app *a);

/* present: false while the therapist has hidden captions and counts. */
bool app_captions_shown(const app *a);
/* present: the therapist's control panel into l, at the control window's size (the
 * second window; on one display the same panel is drawn over the client view). */
void app_draw_control(app *a, draw_list *l);
/* present, two windows: the controls move to a window of w x h (0 x 0: back over the
 * client view). */
void app_control_window(app *a, int w, int h);
/* present, two windows: an event from the control window (pointer x, y in 0..1 of it;
 * a resize is the control window's). Keys and text go to app_event. */
void app_control_event(app *a, const gw_event *e);

/* Layout unit: 1 at 1280x720, scaled with the window's shorter proportion. */
float app_unit(const app *a);
/* app_ui.c: the context every ui_* call takes (ui.h), built from the app as it is now. */
typedef struct ui_ctx ui_ctx;
ui_ctx app_ui(const app *a);
/* An overlay's backdrop (Help, "Quit Groundwork?"): the screen it is shown over (its
 * widgets dropped), under a veil of the background colour. */
void app_overlay_backdrop(const app *a, draw_list *l, const scene_vt *under);
/* Read aloud (app.c, through say.h): on or off for the rest of the run (`announce`:
 * said either way, and traced `read_aloud`), with the settings' rate and voice volume
 * in the interface's language. */
void app_read_aloud(app *a, bool on, bool announce);
bool app_reading_aloud(const app *a);
/* False when read aloud asked the speech service and none answered. */
bool app_speech_ok(const app *a);
/* The rate, volume or language changed: what is said from now on follows them. */
void app_say_sync(app *a);
/* A change that matters, said when read aloud is on ("Session saved"), after the
 * announcement of a screen just entered if one is due; traced `speak`. */
void app_say(app *a, const char *text);
/* i18n: call after a->lang changed: gettext follows it, rtl is updated. */
void app_lang_changed(app *a);
/* The size text of font size px is drawn at, for layouts that give text room: scenes
 * pass unscaled sizes to draw_text and app_draw scales every text by text_scale. */
int app_font(const app *a, float px);
/* The text size in effect, 100-200 (percent): --text-size for this run if given and
 * not since replaced in Settings, else the settings' text size. */
int app_text_pct(const app *a);

#endif
