/* app_home: the person's own data in home mode: settings (read at start, written when
 * the person changes one), the practice log (a row per exercise, the check-ins before
 * and after), favourites and recently used, and the wall clock the log is written in;
 * and the flow from a chosen card to a started exercise (cautions, check-in, start).
 * Its state is private (struct app_home, allocated by app_home_init, freed by
 * app_home_free); the screens reach it only through the functions in app.h. It names
 * no screen's file: screens are reached by id (app_go, app_open), and the screens that
 * feed it (a saved note, a hidden caution) call it.
 * The wall clock is passed to the core as text: live it is the system's UTC time;
 * under `play` (and whenever GROUNDWORK_FAKE_NOW is set) it is a fixed epoch plus
 * program time, so runs are reproducible. */
#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/plog.h"
#include "core/sound.h"

#define RECENT_SHOWN 3 /* what fits the library header at 1280x720 */
#define FIXED_EPOCH 1767258000LL /* 2026-01-01T09:00:00Z */

struct app_home {
    bool keeps;              /* this run keeps the person's data (a personal mode, not render) */
    bool set_loaded;         /* the settings file was read (or is missing): may be written */
    char set_problem[256];   /* why the settings file was not used ("" if it was) */
    bool home_flow;          /* check-ins offered */
    bool welcome_flow;       /* the welcome may be shown */
    long long wall_epoch;    /* Unix seconds at program time 0 */
    struct plog *log;        /* opened on first use; NULL if it cannot be */
    bool log_tried;          /* opening failed: tried again at the next session or Retry */
    bool log_wait;           /* live: not opened before the first frame is shown */
    char log_problem[256];   /* why the log could not be opened */
    gw_ns log_failed_at;     /* when it last could not be (a retry at that moment is not made) */
    /* the session in progress or just ended, as the practice log should hold it:
     * written whole at its start, at each note saved, at its end and at the after
     * check-in; kept here while it cannot be written, and tried again at the next
     * session and by the Retry widget ("log-retry") on the closing screen */
    struct app_held {
        bool on;                       /* a session is held */
        long long id;                  /* its row in the log, 0: not written yet */
        char exercise[64], start[32], end[32], adjustments[512];
        bool completed;
        int  style0;                   /* the pacer style it opened with (breathing) */
        int  before, after;            /* 0-10, or -1: none */
        char step_note[APP_MAX_NOTES][APP_NOTE_MAX]; /* the notes saved, by step */
        char notes[APP_MAX_NOTES * APP_NOTE_MAX]; /* a line per step with a note */
        char why[256];                 /* why it is not saved ("" when it is) */
    } held;
    char chosen[DRAW_WIDGET_ID_MAX]; /* the card chosen, its cautions not yet passed */
    char pending[64];        /* exercise chosen, waiting for the before check-in */
    bool checkin_after;      /* the check-in screen asks "after" */
    int  before;             /* the before rating for the pending exercise, -1: none */
    char recent[4][64];      /* recently used exercise ids, newest first (library) */
    int  nrecent;
    double res_rate;         /* the person's resonance rate: the last assessment that found
                                one (0: none), read with the recently used */
    char res_day[11];        /* its day, YYYY-MM-DD */
};

static struct app_home *ST(const app *a)
{
    assert(a->home); /* app_init makes it before anything can ask */
    return a->home;
}

static bool settings_path(char *buf, size_t n)
{
    const char *dir = paths_user_config_dir();
    return dir && paths_join(buf, n, dir, "settings.json");
}

static void apply_audio(app *a)
{
    sound_volume(a->sound, SOUND_BUS_CUES, (float)a->set.vol_cues / 100.f);
    sound_volume(a->sound, SOUND_BUS_VOICE, (float)a->set.vol_voice / 100.f);
    sound_volume(a->sound, SOUND_BUS_AMBIENCE, (float)a->set.vol_ambience / 100.f);
}

bool app_home_init(app *a, const app_config *cfg)
{
    settings_defaults(&a->set);
    struct app_home *h = a->home = calloc(1, sizeof *a->home);
    if (!h)
        return false;
    h->before = -1;
    h->log_wait = cfg->defer_log;
    h->home_flow = cfg->home_flow;
    h->welcome_flow = cfg->welcome;
    h->keeps = app_personal(a) && !cfg->no_personal;
    const char *fake = getenv("GROUNDWORK_FAKE_NOW");
    int64_t secs;
    if (fake && *fake && plog_day_of(fake, &secs) != INT32_MIN)
        h->wall_epoch = secs;
    else if (cfg->wall_fixed)
        h->wall_epoch = FIXED_EPOCH;
    else
        h->wall_epoch = cfg->wall_epoch ? cfg->wall_epoch : (long long)time(NULL);

    char path[PATH_MAX];
    char err[PATH_MAX + 200] = "";
    if (!h->keeps)
        return true; /* present, kiosk and render: nothing personal is read or written */
    if (!settings_path(path, sizeof path)) {
        snprintf(h->set_problem, sizeof h->set_problem, "%s", _("There is no folder for your settings."));
    } else {
        settings_status st = settings_load(&a->set, path, err, sizeof err);
        h->set_loaded = st != SETTINGS_BAD;
        if (st == SETTINGS_BAD) {
            snprintf(h->set_problem, sizeof h->set_problem, "%.250s", err);
            app_error(a, err);
        }
    }
    if (!cfg->theme)
        a->th = theme_get(a->set.theme);
    if (!cfg->lang && a->set.lang[0])
        snprintf(a->lang, sizeof a->lang, "%s", a->set.lang);
    apply_audio(a);
    return true;
}

void app_home_free(app *a)
{
    if (!a->home)
        return;
    plog_close(a->home->log);
    free(a->home);
    a->home = NULL;
}

bool app_personal(const app *a) { return a->mode && a->mode->personal; }
bool app_keeps_data(const app *a) { return ST(a)->keeps; }

void app_wall_iso(const app *a, char *buf, size_t n)
{
    plog_format_utc(buf, n, ST(a)->wall_epoch + a->now / GW_NS_PER_SEC);
}

struct plog *app_log(app *a)
{
    struct app_home *m = ST(a);
    if (m->log || m->log_tried || m->log_wait)
        return m->log;
    m->log_tried = true;
    char path[PATH_MAX], err[PATH_MAX + 300] = "";
    const char *dir = paths_user_data_dir();
    if (!dir || !paths_join(path, sizeof path, dir, "practice.sqlite")) {
        m->log_failed_at = a->now;
        snprintf(m->log_problem, sizeof m->log_problem, "%s",
                 _("There is no folder for your practice log; sessions are not saved."));
        app_error(a, m->log_problem);
        return NULL;
    }
    m->log = plog_open(path, err, sizeof err);
    if (!m->log) {
        m->log_failed_at = a->now;
        snprintf(m->log_problem, sizeof m->log_problem, "%.250s", err);
        app_error(a, err);
    } else
        m->log_problem[0] = 0;
    return m->log;
}

struct plog *app_log_retry(app *a)
{
    struct app_home *m = ST(a);
    m->log_wait = false;
    /* not again at the same moment (the library read the log as this session began) */
    if (!m->log && !(m->log_tried && m->log_failed_at == a->now))
        m->log_tried = false;
    return app_log(a);
}

const char *app_log_problem(const app *a) { return ST(a)->log_problem; }

void app_home_first_frame(app *a)
{
    struct app_home *m = ST(a);
    if (!m->log_wait)
        return;
    m->log_wait = false;
    if (m->keeps && app_showing(a, SCENE_LIBRARY)) {
        app_refresh_recent(a);
        a->ui_stale = true;
    }
}

/* Writes the held session whole (a new row the first time, the same row after). It
 * stays held, with why, when it cannot be; nothing is reported here. */
static bool held_save(app *a)
{
    struct app_home *m = ST(a);
    struct app_held *h = &m->held;
    if (!h->on)
        return true;
    plog *p = app_log(a);
    if (!p) {
        snprintf(h->why, sizeof h->why, "%s", m->log_problem[0] ? m->log_problem : _("The practice log is not open."));
        return false;
    }
    plog_session s = { .id = h->id, .completed = h->completed, .before = h->before, .after = h->after,
                       .adjustments = h->adjustments, .notes = h->notes };
    snprintf(s.exercise, sizeof s.exercise, "%s", h->exercise);
    snprintf(s.start, sizeof s.start, "%s", h->start);
    snprintf(s.end, sizeof s.end, "%s", h->end);
    char err[PATH_MAX + 300];
    if (!plog_save(p, &s, err, sizeof err)) {
        snprintf(h->why, sizeof h->why, "%.250s", err);
        return false;
    }
    h->id = s.id;
    h->why[0] = 0;
    return true;
}

/* A session not saved: on screen and in the trace (an `error` naming the exercise). */
static void report_unsaved(app *a)
{
    const struct app_held *h = &ST(a)->held;
    char msg[512];
    snprintf(msg, sizeof msg, _("This session was not saved: %s"), h->why);
    trace_begin(a->tr, a->now, "error");
    trace_str(a->tr, "message", msg);
    trace_str(a->tr, "unsaved", h->exercise);
    trace_end(a->tr);
    snprintf(a->notice, sizeof a->notice, "%.255s", msg);
}

bool app_home_unsaved(const app *a)
{
    const struct app_home *m = ST(a);
    return m->keeps && m->held.on && m->held.why[0];
}

void app_home_started(app *a)
{
    struct app_home *m = ST(a);
    int before = m->before;
    m->before = -1;
    if (!m->keeps)
        return;
    /* the last session, if it could not be saved, has one more try with the log opened
     * again; then it gives way to this one */
    app_log_retry(a);
    if (app_home_unsaved(a) && !held_save(a))
        report_unsaved(a);
    memset(&m->held, 0, sizeof m->held);
    struct app_held *h = &m->held;
    h->on = true;
    h->before = before >= 0 ? before : PLOG_NONE;
    h->after = PLOG_NONE;
    snprintf(h->exercise, sizeof h->exercise, "%s", a->ex->id);
    h->style0 = exercise_paced(a->ex) ? pacer_style_of(a) : -1;
    app_wall_iso(a, h->start, sizeof h->start);
    if (!held_save(a) && m->log) /* a log that could not be opened was reported already */
        app_error(a, h->why);
}

void app_home_note_saved(app *a, int step, const char *note)
{
    struct app_home *m = ST(a);
    struct app_held *h = &m->held;
    if (!m->keeps || !h->on || !a->ex || a->ex->kind != EX_PROMPTS || step < 0 || step >= APP_MAX_NOTES)
        return;
    snprintf(h->step_note[step], sizeof h->step_note[step], "%s", note);
    /* a line per step with a note, after the step's title */
    size_t k = 0;
    h->notes[0] = 0;
    for (int i = 0; i < a->ex->nprompt && i < APP_MAX_NOTES; i++) {
        if (!h->step_note[i][0])
            continue;
        int w = snprintf(h->notes + k, sizeof h->notes - k, "%s%s: %s", k ? "\n" : "",
                         app_text(a, &a->ex->prompt[i].title), h->step_note[i]);
        if (w < 0 || (size_t)w >= sizeof h->notes - k)
            break;
        k += (size_t)w;
    }
    bool was = h->why[0] != 0;
    if (!held_save(a) && !was)
        app_error(a, h->why);
}

/* What the person changed from the exercise as written, as a JSON object, or "" for
 * nothing: one breath's length in ms (Longer/Shorter change every phase), the number of
 * breaths when it is not the exercise's own (--cycles), the pacer style when another
 * was chosen during the exercise. Read from the session's pattern and style at its
 * end, so presses that cancel out leave nothing. Present mode keeps no log: the
 * therapist's changes (breaths, groups, tension) are not the person's. */
static void adjustments(const app *a, char *out, size_t n)
{
    out[0] = 0;
    if (a->ex->kind == EX_RESONANCE) { /* its result, kept with the session */
        char r[480];
        app_hr_result_json(a, r, sizeof r);
        if (r[0])
            snprintf(out, n, "{%s}", r);
        return;
    }
    if (!exercise_paced(a->ex))
        return;
    size_t k = 0;
    int w;
#define ADD(...) \
    do { \
        w = snprintf(out + k, n - k, __VA_ARGS__); \
        if (w < 0 || (size_t)w >= n - k) { out[0] = 0; return; } \
        k += (size_t)w; \
    } while (0)
    const breath_pattern *p = pacer_pattern(a);
    long long d = (long long)((breath_cycle_len(p) - breath_cycle_len(&a->ex->breath)) / GW_MSEC(1));
    if (d)
        ADD("%s\"breath_ms\": %lld", k ? ", " : "{", d);
    int cycles = breath_total_cycles(p);
    if (a->arg.cycles > 0 || cycles != breath_total_cycles(&a->ex->breath))
        ADD("%s\"cycles\": %d", k ? ", " : "{", cycles);
    int style = pacer_style_of(a);
    if (ST(a)->held.style0 >= 0 && style != ST(a)->held.style0)
        ADD("%s\"style\": \"%s\"", k ? ", " : "{", pacer_style_name(style));
    if (k)
        ADD("}");
#undef ADD
}

/* A breathing exercise's heart beats, when a sensor or recording gave them, kept with
 * its session (exported with `log beats`, deleted with everything else). */
static void keep_beats(app *a)
{
    if (!exercise_paced(a->ex) && a->ex->kind != EX_RESONANCE)
        return;
    char *rr = app_hr_beats_text(a), err[PATH_MAX + 300];
    if (rr && !plog_set_beats(app_log(a), ST(a)->held.id, rr, err, sizeof err))
        app_error(a, err);
    free(rr);
}

void app_home_ended(app *a, bool completed)
{
    struct app_home *m = ST(a);
    struct app_held *h = &m->held;
    if (!m->keeps || !h->on)
        return;
    app_wall_iso(a, h->end, sizeof h->end);
    h->completed = completed;
    adjustments(a, h->adjustments, sizeof h->adjustments);
    if (!held_save(a))
        report_unsaved(a);
    else {
        keep_beats(a);
        app_say(a, _("Session saved"));
    }
}

/* Retry on the closing screen: the log opened again and the session written whole. */
static void retry(app *a)
{
    app_log_retry(a);
    bool ok = held_save(a);
    trace_begin(a->tr, a->now, "log_retry");
    trace_bool(a->tr, "saved", ok);
    trace_end(a->tr);
    if (ok)
        snprintf(a->notice, sizeof a->notice, "%s", _("This session is saved now."));
    else
        report_unsaved(a);
}

bool app_home_activate(app *a, const char *widget)
{
    if (strcmp(widget, "log-retry"))
        return false;
    retry(a);
    return true;
}

void app_home_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    /* only on an exercise's closing screen: the exercise ended, its scene still shown */
    if (!app_home_unsaved(a) || a->ex_active || !a->ex ||
        (!app_showing(a, SCENE_PACER) && !app_showing(a, SCENE_GUIDED) && !app_showing(a, SCENE_PROMPTS)))
        return;
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h, pad = 24 * u;
    const char *label = _("Retry");
    float bw = ui_button_w(&ui, label, 150 * u), bh = ui_button_h(&ui, label, bw, 52 * u);
    char msg[512];
    snprintf(msg, sizeof msg, _("This session was not saved: %s"), ST(a)->held.why);
    int px = (int)lroundf(16 * u);
    float tw = W - 3 * pad - bw, th = fmaxf(bh, ui_text_h(&ui, msg, px, false, tw));
    float y = H - pad - th;
    draw_rect(l, gw_rc(pad / 2, y - pad / 2, W - pad, th + pad), 12 * u, t->surface);
    draw_text(l, gw_rc(pad, y, tw, th), msg, px, VALIGN_MIDDLE, t->text);
    ui_button(&ui, l, "log-retry", gw_rc(W - pad - bw, y + (th - bh) / 2, bw, bh), label, false, false);
}

/* ---- from a chosen card to a started exercise ---- */

void app_choose_exercise(app *a, const char *id)
{
    /* the cautions scene says whether they are due (app_home_chosen tells it which
     * exercise), and goes on with app_after_cautions */
    snprintf(ST(a)->chosen, sizeof ST(a)->chosen, "%s", id);
    app_open(a, SCENE_CAUTIONS);
}

const char *app_home_chosen(const app *a) { return ST(a)->chosen; }

void app_after_cautions(app *a, const char *id)
{
    struct app_home *m = ST(a);
    if (m->keeps && m->home_flow && a->set.checkins && a->packs && pack_set_find(a->packs, id)) {
        snprintf(m->pending, sizeof m->pending, "%s", id);
        m->checkin_after = false;
        app_go(a, SCENE_CHECKIN);
        return;
    }
    app_start_exercise(a, id);
}

bool app_checkin_is_after(const app *a) { return ST(a)->checkin_after; }

void app_checkin(app *a, int value)
{
    struct app_home *m = ST(a);
    trace_begin(a->tr, a->now, "checkin");
    trace_str(a->tr, "when", m->checkin_after ? "after" : "before");
    if (value >= 0)
        trace_int(a->tr, "value", value);
    else
        trace_bool(a->tr, "skipped", true);
    trace_end(a->tr);
    char said[64];
    /* What read aloud says when a check-in is answered ("Your rating: 5"). */
    snprintf(said, sizeof said, _("Your rating: %d"), value);
    app_say(a, value >= 0 ? said : _("Skipped"));
    if (!m->checkin_after) {
        char id[64];
        snprintf(id, sizeof id, "%s", m->pending);
        m->pending[0] = 0;
        m->before = value;
        if (!app_start_exercise(a, id))
            app_go(a, SCENE_LIBRARY);
        return;
    }
    if (value >= 0 && m->held.on) {
        m->held.after = value;
        if (!held_save(a))
            report_unsaved(a);
    }
    app_go(a, SCENE_LIBRARY);
}

void app_checkin_cancel(app *a)
{
    struct app_home *m = ST(a);
    trace_begin(a->tr, a->now, "checkin");
    trace_str(a->tr, "when", "before");
    trace_bool(a->tr, "cancelled", true);
    trace_end(a->tr);
    m->pending[0] = 0;
    m->before = -1;
    app_go(a, SCENE_LIBRARY);
}

bool app_home_welcome_due(const app *a)
{
    const struct app_home *m = ST(a);
    /* a damaged settings file is not overwritten just to remember the welcome */
    return m->welcome_flow && m->keeps && m->set_loaded && !a->set.welcomed;
}

void app_home_leave_exercise(app *a)
{
    struct app_home *m = ST(a);
    if (m->home_flow && a->set.checkins && m->held.on) {
        m->checkin_after = true;
        app_go(a, SCENE_CHECKIN);
    } else
        app_go(a, SCENE_LIBRARY);
}

/* ---- settings, favourites, recently used ---- */

settings *app_settings_edit(app *a) { return &a->set; }

void app_settings_changed(app *a)
{
    struct app_home *m = ST(a);
    char path[PATH_MAX], err[PATH_MAX + 300] = "";
    a->th = theme_get(a->set.theme);
    apply_audio(a);
    a->ui_stale = true;
    if (!m->keeps || !settings_path(path, sizeof path))
        return;
    char kept[PATH_MAX] = "";
    if (!m->set_loaded) { /* damaged settings: kept aside before they are written over */
        char iso[32], stamp[24];
        app_wall_iso(a, iso, sizeof iso); /* 2026-01-01T09:00:01Z -> 20260101-090001 */
        snprintf(stamp, sizeof stamp, "%.4s%.2s%.2s-%.2s%.2s%.2s", iso, iso + 5, iso + 8, iso + 11, iso + 14,
                 iso + 17);
        if (!settings_keep_bad(path, stamp, kept, sizeof kept, err, sizeof err)) {
            app_error(a, err);
            return;
        }
    }
    if (!settings_save(&a->set, path, err, sizeof err))
        app_error(a, err);
    else {
        m->set_loaded = true;
        m->set_problem[0] = 0;
        if (kept[0]) {
            trace_begin(a->tr, a->now, "settings_kept");
            trace_str(a->tr, "file", kept);
            trace_end(a->tr);
            snprintf(a->notice, sizeof a->notice, _("Your damaged settings file was kept as %s; new settings are saved."),
                     kept);
        }
    }
}

void app_home_welcomed(app *a)
{
    a->set.welcomed = true;
    app_settings_changed(a);
}

void app_set_handedness(app *a, const char *side)
{
    snprintf(a->set.handedness, sizeof a->set.handedness, "%s", side);
    app_settings_changed(a);
}

void app_hide_cautions(app *a, const char *id)
{
    settings *s = &a->set;
    if (!ST(a)->keeps || s->ncautions_hidden >= SETTINGS_MAX_FAV || strlen(id) >= sizeof s->cautions_hidden[0])
        return;
    snprintf(s->cautions_hidden[s->ncautions_hidden++], sizeof s->cautions_hidden[0], "%s", id);
    app_settings_changed(a);
}

bool app_home_delete_all(app *a)
{
    struct app_home *m = ST(a);
    char err[PATH_MAX + 300];
    struct plog *p = app_log_retry(a); /* a log that failed before says why now */
    if (!p)
        return false;
    if (!plog_delete_all(p, err, sizeof err)) {
        app_error(a, err);
        return false;
    }
    memset(&m->held, 0, sizeof m->held); /* nothing deleted comes back with a Retry */
    a->set.nfav = 0;
    a->set.ncautions_hidden = 0; /* which exercises were practised shows in it too */
    if (a->set.hr_sensor[0]) { /* the one device datum kept: the sensor's address */
        a->set.hr_sensor[0] = 0;
        app_hr_use(a, "");
    }
    m->nrecent = 0;
    app_settings_changed(a);
    trace_begin(a->tr, a->now, "data_deleted");
    trace_end(a->tr);
    snprintf(a->notice, sizeof a->notice, "%s", _("Your practice log and favourites were deleted."));
    return true;
}

bool app_is_favourite(const app *a, const char *id)
{
    for (int i = 0; i < a->set.nfav; i++)
        if (!strcmp(a->set.fav[i], id))
            return true;
    return false;
}

void app_toggle_favourite(app *a, const char *id)
{
    settings *s = &a->set;
    for (int i = 0; i < s->nfav; i++)
        if (!strcmp(s->fav[i], id)) {
            memmove(&s->fav[i], &s->fav[i + 1], (size_t)(s->nfav - i - 1) * sizeof s->fav[0]);
            s->nfav--;
            app_settings_changed(a);
            return;
        }
    if (s->nfav < SETTINGS_MAX_FAV && strlen(id) < sizeof s->fav[0]) {
        snprintf(s->fav[s->nfav++], sizeof s->fav[0], "%s", id);
        app_settings_changed(a);
    }
}

int app_nrecent(const app *a) { return ST(a)->nrecent; }

double app_home_resonance_rate(const app *a, const char **day)
{
    if (day)
        *day = ST(a)->res_day;
    return ST(a)->res_rate;
}
const char *app_recent(const app *a, int k) { return k >= 0 && k < ST(a)->nrecent ? ST(a)->recent[k] : ""; }

void app_refresh_recent(app *a)
{
    struct app_home *m = ST(a);
    m->nrecent = 0;
    m->res_rate = 0;
    m->res_day[0] = 0;
    if (!m->keeps || !a->packs)
        return;
    plog *p = app_log(a);
    plog_session *s;
    char err[PATH_MAX + 300];
    int n = p ? plog_list(p, &s, err, sizeof err) : -1;
    if (p && n < 0)
        app_error(a, err); /* the recently used are then not shown */
    for (int i = n - 1; i >= 0 && m->nrecent < RECENT_SHOWN; i--) {
        bool dup = false;
        for (int k = 0; k < m->nrecent; k++)
            dup |= !strcmp(m->recent[k], s[i].exercise);
        if (!dup && pack_set_find(a->packs, s[i].exercise))
            snprintf(m->recent[m->nrecent++], sizeof m->recent[0], "%s", s[i].exercise);
    }
    for (int i = n - 1; i >= 0 && !m->res_rate; i--)
        if ((m->res_rate = resonance_rate_in(s[i].adjustments)) > 0)
            snprintf(m->res_day, sizeof m->res_day, "%.10s", s[i].start);
    if (n > 0)
        plog_sessions_free(s, n);
}

bool app_home_nav(app *a, int *focus, const gw_event *e, const char *escape_id)
{
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    draw_list tmp = { 0 };
    a->scene->draw(a, &tmp);
    app_check_drawn(a, &tmp);
    int n = tmp.nwid;
    bool handled = true;
    bool back_tab = !strcmp(k, "Tab") && (e->mods & GW_MOD_SHIFT);
    if (n > 0 && !back_tab && (!strcmp(k, "Down") || !strcmp(k, "Right") || !strcmp(k, "Tab") || !strcmp(k, "dpdown") ||
                  !strcmp(k, "dpright")))
        *focus = (*focus + 1 + n) % n;
    else if (n > 0 && (back_tab || !strcmp(k, "Up") || !strcmp(k, "Left") || !strcmp(k, "dpup") || !strcmp(k, "dpleft")))
        *focus = (*focus - 1 + n) % n;
    else if (n > 0 && (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "Keypad Enter") || !strcmp(k, "a"))) {
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "%s", tmp.wid[*focus >= 0 && *focus < n ? *focus : 0].id);
        draw_free(&tmp);
        app_press(a, id);
        return true;
    } else if (escape_id && (!strcmp(k, "Escape") || !strcmp(k, "b"))) {
        draw_free(&tmp);
        app_press(a, escape_id);
        return true;
    } else
        handled = false;
    draw_free(&tmp);
    a->ui_stale = true;
    return handled;
}
