/* mode_kiosk: an unattended waiting-room screen. Nothing may leave the program:
 * escape keys and quit requests are blocked and traced. The only way out is the admin
 * gesture (hold the top-left corner 5 s, or Ctrl+Alt+Shift+K) and the PIN. A visitor who
 * cannot see turns read aloud on or off by holding the space bar or the bottom-right
 * corner 3 s (a tone, then words), until the idle reset. Without
 * input for the idle timeout, or 10 s after an exercise's closing screen, everything
 * is cleared and the attract loop returns (content changed on disk is swapped in
 * then). Nothing personal is kept; only opt-in anonymous daily counters.
 * Its state (struct kiosk_st: settings, policy clocks, the PIN's limit, counters, content
 * swapped in) is its own; the kiosk's scenes reach it only through mode_kiosk.h, and it
 * reaches them only by id (app_go, app_showing; a reset zeroes their state whole). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/mode_kiosk.h"
#include "core/kpin.h"
#include "core/kstats.h"
#include "core/paths.h"
#include "core/sound.h"

/* play and render: a virtual wall clock starting Monday 2026-01-05 07:30:00 */
#define VIRTUAL_WALL_START 1767598200LL

/* The mode's own state (mode_vt.state_size): the settings, the policies' clocks, the
 * PIN's limit, the counters and the content swapped in. */
struct kiosk_st {
    kiosk_config cfg;
    const char *config_path;     /* borrowed from app_config */
    bool  wall_live;             /* true: the local wall clock; false: virtual (play, render) */
    gw_ns closing_since;         /* a finished exercise's closing screen shown since; -1: none */
    gw_ns corner_since;          /* pointer held in the admin corner since; -1: none */
    gw_ns speech_key_since;      /* the space bar held since (read aloud's gesture); -1: none */
    gw_ns speech_corner_since;   /* pointer held in the read-aloud corner since; -1: none */
    bool  speech_key_fired;      /* the hold turned read aloud: its repeats are swallowed */
    bool  speech_corner_fired;   /* the hold turned read aloud: its release presses nothing */
    kiosk_pinlimit limit;        /* survives idle resets */
    kiosk_hours_state hours;
    struct kstats *stats;        /* owned; NULL when counters are off */
    int   ended_seen;
    bool  was_active;
    gw_ns running_at;            /* last update with an exercise running (not paused) */
    int   resets;
    void (*reload)(pack_set *out, void *ctx);
    unsigned long long (*stamp)(void *ctx);
    void *reload_ctx;
    unsigned long long stamp_seen; /* the content's fingerprint when last loaded */
    gw_ns stamp_at;              /* the attract screen looks at the fingerprint again then */
    pack_set *own_packs;         /* owned: content swapped in at an idle reset */
};

static struct kiosk_st *ST(const app *a) { return app_mode_state(a); }

const kiosk_config *app_kiosk_config(const app *a) { return &ST(a)->cfg; }

kiosk_hours_state app_kiosk_hours(const app *a) { return ST(a)->hours; }

const kiosk_pinlimit *app_kiosk_pin_limit(const app *a) { return &ST(a)->limit; }

long long app_kiosk_wall(const app *a)
{
    if (!ST(a)->wall_live)
        return VIRTUAL_WALL_START + a->now / GW_NS_PER_SEC;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return (long long)t + tm.tm_gmtoff;
}

static void kiosk_wall_fields(const app *a, struct tm *tm)
{
    time_t t = (time_t)app_kiosk_wall(a);
    gmtime_r(&t, tm);
}

static void kiosk_trace_msg(app *a, const char *event, const char *msg)
{
    trace_begin(a->tr, a->now, event);
    trace_str(a->tr, "message", msg);
    trace_end(a->tr);
}

static void kiosk_load_config(app *a)
{
    struct kiosk_st *k = ST(a);
    char path[KIOSK_PATH_MAX];
    const char *p = k->config_path;
    if (!p) {
        const char *cfgdir = paths_user_config_dir();
        char user[KIOSK_PATH_MAX];
        p = "/etc/groundwork/kiosk.json";
        /* asked, not opened: opening a FIFO put there would wait for ever (the reader
         * opens it without blocking and says what it is) */
        if (access(p, R_OK) == 0)
            ;
        else if (cfgdir && paths_user_file(user, sizeof user, cfgdir, "kiosk.json") &&
                 access(user, R_OK) == 0) {
            snprintf(path, sizeof path, "%s", user);
            p = path;
        } else
            p = NULL;
    }
    kiosk_errors errs = { 0 };
    if (!p) {
        kiosk_config_defaults(&k->cfg);
        fprintf(stderr, "groundwork: no kiosk settings (/etc/groundwork/kiosk.json or "
                        "$XDG_CONFIG_HOME/groundwork/kiosk.json); using the defaults\n");
    } else if (!kiosk_config_load(&k->cfg, p, &errs)) {
        for (int i = 0; i < errs.n; i++) {
            fprintf(stderr, "groundwork: %s\n", errs.msg[i]);
            kiosk_trace_msg(a, "config_error", errs.msg[i]);
        }
    }
    trace_begin(a->tr, a->now, "kiosk_config");
    trace_str(a->tr, "path", p ? p : "");
    trace_bool(a->tr, "ok", errs.n == 0);
    trace_num(a->tr, "idle_timeout", gw_seconds(k->cfg.idle_timeout));
    trace_bool(a->tr, "pin", k->cfg.pin_hash[0] != 0);
    trace_end(a->tr);
}

/* Exercises the settings name on purpose (or pace in the attract loop) that their pack
 * does not mark as suited to unattended, standing use: offered all the same, with a
 * warning for whoever set the kiosk up. */
static void kiosk_warn_unattended(app *a)
{
    const kiosk_config *c = &ST(a)->cfg;
    for (int i = 0; i <= c->nexercise && a->packs; i++) {
        const char *id = i < c->nexercise ? c->exercise[i] : c->attract;
        const exercise *e = id[0] ? pack_set_find(a->packs, id) : NULL;
        if (!e || e->unattended)
            continue;
        char msg[KIOSK_ID_MAX + 200];
        snprintf(msg, sizeof msg, "kiosk settings: \"%s\" is %s on purpose, but its pack does not mark it "
                 "as suited to unattended use (\"unattended\": false)", id,
                 i < c->nexercise ? "offered" : "paced in the attract loop");
        fprintf(stderr, "groundwork: warning: %s\n", msg);
        kiosk_trace_msg(a, "config_warning", msg);
    }
}

/* Where the PIN's lockout history is kept: the live kiosk's state folder; false for a
 * virtual run (play, render), which keeps none. */
static bool kiosk_pin_limit_path(const app *a, char *buf, size_t n)
{
    const char *dir = paths_user_state_dir();
    return ST(a)->wall_live && dir && paths_join(buf, n, dir, "kiosk-pin.json");
}

static void kiosk_load_pin_state(app *a)
{
    char path[KIOSK_PATH_MAX], err[KIOSK_PATH_MAX + 160];
    if (!kiosk_pin_limit_path(a, path, sizeof path))
        return;
    if (!kpin_load(&ST(a)->limit, path, a->now, (long long)time(NULL), err, sizeof err)) {
        fprintf(stderr, "groundwork: %s\n", err);
        kiosk_trace_msg(a, "error", err);
    }
    const kiosk_pinlimit *l = &ST(a)->limit;
    if (l->fails > 0) {
        trace_begin(a->tr, a->now, "pin_state");
        trace_int(a->tr, "fails", l->fails);
        trace_num(a->tr, "locked", gw_seconds(l->locked_until > a->now ? l->locked_until - a->now : 0));
        trace_end(a->tr);
    }
}

/* The limit just changed: kept for a restart (the live kiosk only: play and render run
 * on a virtual clock and keep nothing). */
static void kiosk_keep_pin_limit(app *a)
{
    char path[KIOSK_PATH_MAX], err[KIOSK_PATH_MAX + 160];
    if (kiosk_pin_limit_path(a, path, sizeof path) &&
        !kpin_save(&ST(a)->limit, path, a->now, (long long)time(NULL), err, sizeof err)) {
        fprintf(stderr, "groundwork: %s (the PIN's lockout will not outlast a restart)\n", err);
        kiosk_trace_msg(a, "error", err);
    }
}

app_kiosk_pin app_kiosk_pin_submit(app *a, const char *pin, long *wait_s)
{
    struct kiosk_st *k = ST(a);
    *wait_s = 0;
    if (!k->cfg.pin_hash[0])
        return APP_KIOSK_PIN_UNSET;
    if (!kiosk_pin_allowed(&k->limit, a->now)) {
        *wait_s = (long)((k->limit.locked_until - a->now + GW_NS_PER_SEC - 1) / GW_NS_PER_SEC);
        return APP_KIOSK_PIN_LOCKED;
    }
    bool ok = kiosk_pin_verify(k->cfg.pin_hash, pin);
    kiosk_pin_record(&k->limit, ok, a->now);
    kiosk_keep_pin_limit(a);
    if (ok)
        return APP_KIOSK_PIN_OK;
    if (!kiosk_pin_allowed(&k->limit, a->now)) {
        *wait_s = (long)((k->limit.locked_until - a->now) / GW_NS_PER_SEC);
        return APP_KIOSK_PIN_WRONG_LOCKED;
    }
    return APP_KIOSK_PIN_WRONG;
}

static void kiosk_open_stats(app *a)
{
    struct kiosk_st *k = ST(a);
    if (!k->cfg.stats)
        return;
    char def[KIOSK_PATH_MAX];
    const char *p = k->cfg.stats_path[0] ? k->cfg.stats_path : NULL;
    const char *data = paths_user_data_dir();
    if (!p && data && paths_user_file(def, sizeof def, data, "kiosk-stats.sqlite"))
        p = def;
    char err[KIOSK_PATH_MAX + 128];
    if (p && !(k->stats = kstats_open(p, err, sizeof err))) {
        fprintf(stderr, "groundwork: %s (anonymous counters are off)\n", err);
        kiosk_trace_msg(a, "error", err);
    }
}

static void kiosk_count(app *a, bool completed)
{
    if (!ST(a)->stats)
        return;
    struct tm tm;
    kiosk_wall_fields(a, &tm);
    char day[32];
    snprintf(day, sizeof day, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    kstats_count(ST(a)->stats, day, completed);
}

static void kiosk_update_hours(app *a)
{
    kiosk_hours_state h = KIOSK_OPEN;
    if (ST(a)->cfg.hours_set) { /* else always open, and the clock need not be read */
        struct tm tm;
        kiosk_wall_fields(a, &tm);
        h = kiosk_hours_at(&ST(a)->cfg, tm.tm_hour * 60 + tm.tm_min);
    }
    if (h != ST(a)->hours) {
        static const char *const N[] = { "open", "dim", "blank" };
        ST(a)->hours = h;
        a->ui_stale = true;
        trace_begin(a->tr, a->now, "hours");
        trace_str(a->tr, "state", N[h]);
        trace_end(a->tr);
    }
}

/* The configured volume on every bus, never above the configured limit. */
static void kiosk_apply_volume(app *a)
{
    const kiosk_config *c = &ST(a)->cfg;
    float v = (float)(c->volume < c->volume_max ? c->volume : c->volume_max);
    for (int b = 0; b < SOUND_BUS_COUNT; b++)
        sound_volume(a->sound, (sound_bus)b, v);
}

static void kiosk_configure(app *a, const app_config *cfg)
{
    struct kiosk_st *k = ST(a);
    k->config_path = cfg->kiosk_config;
    k->reload = cfg->reload;
    k->stamp = cfg->reload ? cfg->content_stamp : NULL;
    k->reload_ctx = cfg->reload_ctx;
    if (k->stamp) {
        k->stamp_seen = k->stamp(k->reload_ctx);
        k->stamp_at = a->now + KIOSK_CONTENT_CHECK_NS;
    }
    k->wall_live = cfg->kiosk_wall_live;
}

/* No hold of read aloud's key or corner under way. */
static void kiosk_speech_forget(struct kiosk_st *k)
{
    k->speech_key_since = k->speech_corner_since = -1;
    k->speech_key_fired = k->speech_corner_fired = false;
}

static void kiosk_enter(app *a)
{
    struct kiosk_st *k = ST(a);
    k->closing_since = -1;
    k->corner_since = -1;
    kiosk_speech_forget(k);
    kiosk_load_config(a);
    kiosk_warn_unattended(a);
    kiosk_load_pin_state(a);
    kiosk_open_stats(a);
    k->hours = KIOSK_OPEN;
    kiosk_update_hours(a);
    kiosk_apply_volume(a);
    if (k->cfg.nlang > 0) { /* the first offered language, the interface's too */
        snprintf(a->lang, sizeof a->lang, "%s", k->cfg.lang[0]);
        app_lang_changed(a);
    }
    app_read_aloud(a, k->cfg.read_aloud || a->arg.read_aloud, false);
    app_go(a, SCENE_ATTRACT);
}

static void kiosk_leave(app *a)
{
    kstats_close(ST(a)->stats);
    ST(a)->stats = NULL;
    if (ST(a)->own_packs) {
        pack_set_free(ST(a)->own_packs);
        free(ST(a)->own_packs);
        ST(a)->own_packs = NULL;
    }
}

/* Content changed on disk: load it afresh, validated completely; swap it in only when it
 * loads without an error, else keep what is shown. Only at an idle reset, so nothing in
 * use is freed. */
static void kiosk_swap_content(app *a)
{
    struct kiosk_st *k = ST(a);
    if (!k->reload)
        return;
    /* taken before loading: a change made while it loads is seen at the next look */
    if (k->stamp)
        k->stamp_seen = k->stamp(k->reload_ctx);
    pack_set *fresh = calloc(1, sizeof *fresh);
    if (!fresh)
        return;
    k->reload(fresh, k->reload_ctx);
    int errors = pack_diags_errors(&fresh->diags);
    int n = pack_set_exercise_count(fresh);
    if (errors > 0 || n == 0) {
        /* why, for whoever pushed it: the first error (validate lists them all) */
        char why[1024] = "no exercises";
        for (int i = 0; i < fresh->diags.n; i++)
            if (fresh->diags.v[i].severity == PACK_ERROR) {
                pack_diag_format(&fresh->diags.v[i], why, sizeof why);
                break;
            }
        fprintf(stderr, "groundwork: the new content was not swapped in (%d error%s; the last good content "
                "stays): %s\n", errors, errors == 1 ? "" : "s", why);
        trace_begin(a->tr, a->now, "content");
        trace_str(a->tr, "result", "kept");
        trace_int(a->tr, "errors", errors);
        trace_str(a->tr, "reason", why);
        trace_end(a->tr);
        pack_set_free(fresh);
        free(fresh);
        return;
    }
    /* the same exercises in the same order with the same lengths: nothing to swap */
    bool same = a->packs && pack_set_exercise_count(a->packs) == n;
    for (int i = 0; same && i < n; i++) {
        const exercise *x = pack_set_exercise_at(a->packs, i), *y = pack_set_exercise_at(fresh, i);
        same = !strcmp(x->id, y->id) && exercise_length(x) == exercise_length(y) &&
               !strcmp(pack_text_get(&x->title, a->lang), pack_text_get(&y->title, a->lang));
    }
    if (same && pack_diags_errors(&a->packs->diags) == 0) {
        pack_set_free(fresh);
        free(fresh);
        return;
    }
    if (k->own_packs) {
        pack_set_free(k->own_packs);
        free(k->own_packs);
    }
    k->own_packs = fresh;
    a->packs = fresh;
    a->notice[0] = 0;
    kiosk_warn_unattended(a);
    trace_begin(a->tr, a->now, "content");
    trace_str(a->tr, "result", "swapped");
    trace_int(a->tr, "exercises", n);
    trace_end(a->tr);
}

/* A kiosk scene's own state forgotten whole (the library's page, the digits typed on the
 * keypad): zeroed as app_init made it, without knowing its fields. */
static void kiosk_forget_scene(app *a, app_scene_id id)
{
    const scene_vt *s = app_scene(a, id);
    if (s->state_size)
        memset(app_state(a, id), 0, s->state_size);
}

void app_kiosk_reset(app *a, const char *why)
{
    struct kiosk_st *k = ST(a);
    app_end_exercise(a, false);
    a->ex = NULL;
    a->step = 0;
    a->focus.index = 0;
    kiosk_forget_scene(a, SCENE_KIOSK_LIBRARY);
    a->focus.visible = false;
    pacer_forget(a);
    kiosk_forget_scene(a, SCENE_ADMIN);
    k->closing_since = -1;
    k->corner_since = -1;
    kiosk_speech_forget(k);
    k->ended_seen = a->end.completed;
    k->was_active = false;
    if (k->cfg.nlang > 0) { /* the first offered language, the interface's too */
        snprintf(a->lang, sizeof a->lang, "%s", k->cfg.lang[0]);
        app_lang_changed(a);
    }
    k->resets++;
    kiosk_apply_volume(a);
    /* a visitor's Ctrl+Alt+R lasts until the next visitor */
    app_read_aloud(a, k->cfg.read_aloud || a->arg.read_aloud, false);
    trace_begin(a->tr, a->now, "idle_reset");
    trace_str(a->tr, "why", why);
    trace_end(a->tr);
    kiosk_swap_content(a);
    app_go(a, SCENE_ATTRACT);
}

static void kiosk_admin_gesture(app *a, const char *how)
{
    ST(a)->corner_since = -1;
    if (app_showing(a, SCENE_ADMIN))
        return;
    trace_begin(a->tr, a->now, "admin_gesture");
    trace_str(a->tr, "how", how);
    trace_end(a->tr);
    app_end_exercise(a, false);
    app_go(a, SCENE_ADMIN);
}

/* Read aloud turned on (or off) without sight: a rising tone for on, a falling one for
 * off (the breathing cues, known to every visitor who has heard the pacer), then the
 * words. A visitor's choice lasts until the idle reset. */
static void kiosk_speech_gesture(app *a, const char *how)
{
    bool on = !app_reading_aloud(a);
    const char *tone = on ? "inhale" : "exhale";
    trace_begin(a->tr, a->now, "read_aloud_gesture");
    trace_str(a->tr, "how", how);
    trace_bool(a->tr, "on", on);
    trace_str(a->tr, "tone", tone);
    trace_end(a->tr);
    sound_cue(a->sound, tone);
    app_read_aloud(a, on, true);
}

/* The holds that turn read aloud are timed here and fire in kiosk_update. The space
 * bar's first press still does what it does (a visitor's Space begins); its repeats
 * while held are swallowed, so holding it does not press the focus again and again.
 * A press in the corner that fired presses nothing when it is lifted. */
static bool kiosk_speech_hold(app *a, const gw_event *e)
{
    struct kiosk_st *k = ST(a);
    switch (e->type) {
    case EV_KEY:
        if (strcmp(e->key, KIOSK_SPEECH_KEY) || e->mods)
            return false;
        if (e->repeat && (k->speech_key_since >= 0 || k->speech_key_fired))
            return true;
        k->speech_key_since = a->now;
        k->speech_key_fired = false;
        return false;
    case EV_POINTER_DOWN:
        k->speech_corner_since = kiosk_in_speech_corner(e->x, e->y, a->w, a->h) ? a->now : -1;
        k->speech_corner_fired = false;
        return false;
    case EV_POINTER_MOVE:
        if (k->speech_corner_since >= 0 && !kiosk_in_speech_corner(e->x, e->y, a->w, a->h))
            k->speech_corner_since = -1;
        return false;
    case EV_POINTER_UP: {
        bool fired = k->speech_corner_fired;
        k->speech_corner_since = -1;
        k->speech_corner_fired = false;
        return fired;
    }
    default:
        return false;
    }
}

static void kiosk_key_up(app *a, const gw_event *e)
{
    if (!strcmp(e->key, KIOSK_SPEECH_KEY)) {
        ST(a)->speech_key_since = -1;
        ST(a)->speech_key_fired = false;
    }
}

static bool kiosk_filter(app *a, const gw_event *e)
{
    const char *what = NULL;
    if (kiosk_speech_hold(a, e))
        return true;
    if (e->type == EV_POINTER_DOWN)
        ST(a)->corner_since = kiosk_in_corner(e->x, e->y, a->w, a->h) ? a->now : -1;
    else if (e->type == EV_POINTER_UP)
        ST(a)->corner_since = -1;
    else if (e->type == EV_POINTER_MOVE && ST(a)->corner_since >= 0 && !kiosk_in_corner(e->x, e->y, a->w, a->h))
        ST(a)->corner_since = -1;
    if (e->type == EV_QUIT)
        what = "quit";
    else if (e->type == EV_KEY) {
        unsigned chord = GW_MOD_CTRL | GW_MOD_ALT | GW_MOD_SHIFT;
        if ((e->mods & chord) == chord && !strcmp(e->key, "K")) {
            kiosk_admin_gesture(a, "keys");
            return true;
        }
        if (!strcmp(e->key, "Escape"))
            what = "Escape";
        else if ((e->mods & GW_MOD_ALT) && (!strcmp(e->key, "F4") || !strcmp(e->key, "Tab")))
            what = e->key[0] == 'F' ? "Alt+F4" : "Alt+Tab";
        else if ((e->mods & GW_MOD_CTRL) && (!strcmp(e->key, "Q") || !strcmp(e->key, "W")))
            what = e->key[0] == 'Q' ? "Ctrl+Q" : "Ctrl+W";
        else if (!strncmp(e->key, "Left GUI", 8) || !strncmp(e->key, "Right GUI", 9) ||
                 (e->mods & GW_MOD_GUI))
            what = "Super";
    }
    if (!what)
        return false;
    trace_begin(a->tr, a->now, "blocked");
    trace_str(a->tr, "what", what);
    trace_end(a->tr);
    return true;
}

static void kiosk_leave_exercise(app *a)
{
    app_kiosk_reset(a, "done");
}

static bool kiosk_in_exercise(const app *a)
{
    return app_showing(a, SCENE_PACER) || app_showing(a, SCENE_GUIDED) || app_showing(a, SCENE_PROMPTS);
}

static gw_ns kiosk_idle_at(const app *a)
{
    return kiosk_idle_deadline_running(&ST(a)->cfg, a->last_input, ST(a)->running_at);
}

static void kiosk_update(app *a)
{
    struct kiosk_st *k = ST(a);
    kiosk_update_hours(a);
    if (a->ex_active && !k->was_active)
        kiosk_count(a, false);
    k->was_active = a->ex_active;
    if (a->end.completed != k->ended_seen) {
        k->ended_seen = a->end.completed;
        kiosk_count(a, true);
    }
    if (k->speech_key_since >= 0 && a->now - k->speech_key_since >= KIOSK_SPEECH_HOLD_NS) {
        k->speech_key_since = -1;
        k->speech_key_fired = true;
        kiosk_speech_gesture(a, "key");
    }
    if (k->speech_corner_since >= 0 && a->now - k->speech_corner_since >= KIOSK_SPEECH_HOLD_NS) {
        k->speech_corner_since = -1;
        k->speech_corner_fired = true;
        kiosk_speech_gesture(a, "corner");
    }
    if (k->corner_since >= 0 && a->now - k->corner_since >= KIOSK_GESTURE_NS) {
        kiosk_admin_gesture(a, "corner");
        return;
    }
    if (kiosk_in_exercise(a) && !a->ex_active) {
        if (k->closing_since < 0)
            k->closing_since = a->now;
        else if (a->now - k->closing_since >= KIOSK_CLOSING_NS) {
            app_kiosk_reset(a, "closing");
            return;
        }
    }
    /* a running timed exercise is not idleness: the visitor is following it (prompts wait
     * for a touch, so there idleness counts) */
    if (a->ex_active && !a->clock.paused && a->ex->kind != EX_PROMPTS)
        k->running_at = a->now;
    if (!app_showing(a, SCENE_ATTRACT) && a->now >= kiosk_idle_at(a))
        app_kiosk_reset(a, "idle");
    else if (app_showing(a, SCENE_ATTRACT) && k->stamp && a->now >= k->stamp_at) {
        /* nobody here: new content need not wait for a visitor to come and go. Looked
         * at once a minute (a few hundred stat calls); loaded only when it changed. */
        k->stamp_at = a->now + KIOSK_CONTENT_CHECK_NS;
        if (k->stamp(k->reload_ctx) != k->stamp_seen)
            app_kiosk_reset(a, "content");
    }
}

static gw_ns kiosk_next_change(const app *a)
{
    const struct kiosk_st *k = ST(a);
    gw_ns t = GW_NEVER;
    if (!app_showing(a, SCENE_ATTRACT))
        t = kiosk_idle_at(a);
    else if (k->stamp)
        t = k->stamp_at;
    if (k->closing_since >= 0 && k->closing_since + KIOSK_CLOSING_NS < t)
        t = k->closing_since + KIOSK_CLOSING_NS;
    else if (kiosk_in_exercise(a) && !a->ex_active && a->now < t)
        t = a->now; /* the closing screen starts its count now */
    if (k->corner_since >= 0 && k->corner_since + KIOSK_GESTURE_NS < t)
        t = k->corner_since + KIOSK_GESTURE_NS;
    if (k->speech_key_since >= 0 && k->speech_key_since + KIOSK_SPEECH_HOLD_NS < t)
        t = k->speech_key_since + KIOSK_SPEECH_HOLD_NS;
    if (k->speech_corner_since >= 0 && k->speech_corner_since + KIOSK_SPEECH_HOLD_NS < t)
        t = k->speech_corner_since + KIOSK_SPEECH_HOLD_NS;
    if (k->cfg.hours_set) {
        /* the next whole wall-clock minute */
        long long w = app_kiosk_wall(a);
        gw_ns m = a->now + (gw_ns)(60 - w % 60) * GW_NS_PER_SEC;
        if (m < t)
            t = m;
    }
    return t;
}

const mode_vt mode_kiosk = {
    .id = MODE_KIOSK,
    .name = "kiosk",
    .configure = kiosk_configure,
    .enter = kiosk_enter,
    .filter = kiosk_filter,
    .key_up = kiosk_key_up,
    .leave_exercise = kiosk_leave_exercise,
    .update = kiosk_update,
    .next_change = kiosk_next_change,
    .leave = kiosk_leave,
    .state_size = sizeof(struct kiosk_st),
};
