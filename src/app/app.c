#include "app/app.h"
#include "core/draw_adapt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/say.h"
#include "core/i18n.h"
#include "core/prompt.h"
#include "core/sound.h"
#include "platform/plat_text.h"

/* read aloud (the end of this file) */
static void read_scene(app *a);
static void read_step(app *a, int i);
static void read_after(app *a);
static bool read_keys(app *a, const gw_event *e);
static void refresh_ui(app *a);

void app_core_init(app *a, const app_config *cfg, const scene_vt *const *scenes,
                   const mode_vt *mode, const app_hooks *hooks)
{
    memset(a, 0, sizeof *a);
    a->rooms.scenes = scenes;
    a->rooms.hooks = hooks;
    a->mode = mode;
    a->packs = cfg->packs;
    a->tr = cfg->tr;
    a->sound = cfg->sound;
    a->th = theme_get(cfg->theme);
    a->w = cfg->w > 0 ? cfg->w : 1280;
    a->h = cfg->h > 0 ? cfg->h : 720;
    a->focus.index = 0;
    app_focus_clear(a);
    if (cfg->lang && *cfg->lang) {
        snprintf(a->lang, sizeof a->lang, "%s", cfg->lang);
        a->arg.lang = true;
    }
    else
        i18n_lang_from_env(a->lang, sizeof a->lang);
    a->arg.read_aloud = cfg->read_aloud;
    trace_begin(a->tr, 0, "start");
    trace_str(a->tr, "mode", a->mode->name);
    trace_int(a->tr, "w", a->w);
    trace_int(a->tr, "h", a->h);
    trace_end(a->tr);
}

void app_core_free(app *a)
{
    say_free(a->view.say);
    a->view.say = NULL;
    draw_free(&a->ui);
    locales_free(&a->loc);
    plat_text_free(a->text);
    a->text = NULL;
}

float app_unit(const app *a)
{
    float sx = (float)a->w / 1280.f, sy = (float)a->h / 720.f;
    return sx < sy ? sx : sy;
}

const char *app_text(const app *a, const pack_text *t)
{
    return pack_text_get(t, a->lang);
}

bool app_lang_tag(const app *a, const exercise *e, char *buf, size_t n)
{
    const char *in = exercise_play_lang(e, i18n_ui_lang(a->lang));
    if (n)
        buf[0] = 0;
    if (!in || !n)
        return false;
    i18n_in_language(buf, n, in);
    return true;
}

const char *app_title_tagged(const app *a, const exercise *e, char *buf, size_t n)
{
    char tag[96];
    if (!app_lang_tag(a, e, tag, sizeof tag))
        return app_text(a, &e->title);
    /* An exercise's title and the language it plays in ("Box breathing (in English)"). */
    snprintf(buf, n, _("%s (%s)"), app_text(a, &e->title), tag);
    return buf;
}

const char *app_length_short(const exercise *e, char *buf, size_t n)
{
    gw_ns len = exercise_length(e);
    if (len > 0) {
        int mins = (int)(gw_seconds(len) / 60 + 0.5);
        mins = mins < 1 ? 1 : mins; /* the form agrees with the number shown */
        snprintf(buf, n, P_("%d min", "%d min", mins), mins);
    } else {
        int steps = e->kind == EX_PROMPTS ? e->nprompt : e->nstep;
        snprintf(buf, n, P_("%d step", "%d steps", steps), steps);
    }
    return buf;
}

const char *app_length_words(const exercise *e, char *buf, size_t n)
{
    gw_ns len = exercise_length(e);
    if (len > 0) {
        int mins = (int)(gw_seconds(len) / 60 + 0.5);
        mins = mins < 1 ? 1 : mins;
        snprintf(buf, n, P_("%d minute", "%d minutes", mins), mins);
    } else {
        int steps = e->kind == EX_PROMPTS ? e->nprompt : e->nstep;
        snprintf(buf, n, P_("%d step", "%d steps", steps), steps);
    }
    return buf;
}

void app_set_scene(app *a, const scene_vt *s)
{
    a->scene = s;
    app_focus_clear(a);
    a->ui_stale = true;
    trace_begin(a->tr, a->now, "scene");
    trace_str(a->tr, "name", s->name);
    trace_end(a->tr);
    read_scene(a); /* before enter: what enter says (a first step) follows it */
    if (s->enter)
        s->enter(a);
}

const scene_vt *app_scene(const app *a, app_scene_id id) { return a->rooms.scenes[id]; }

void app_go(app *a, app_scene_id id) { app_set_scene(a, a->rooms.scenes[id]); }

bool app_showing(const app *a, app_scene_id id) { return a->scene == a->rooms.scenes[id]; }

bool app_mode_is(const app *a, app_mode_id id) { return a->mode->id == id; }

void app_open(app *a, app_scene_id id)
{
    const scene_vt *s = a->rooms.scenes[id];
    if (s->open)
        s->open(a);
    else
        app_set_scene(a, s);
}

void app_keep_typed(app *a)
{
    for (int i = 0; i < SCENE_COUNT; i++)
        if (a->rooms.scenes[i]->keep_typed)
            a->rooms.scenes[i]->keep_typed(a);
}

void app_quit_now(app *a, const char *how)
{
    if (app_mode_is(a, MODE_KIOSK))
        return;
    trace_begin(a->tr, a->now, "quit");
    trace_str(a->tr, "how", how);
    trace_end(a->tr);
    app_keep_typed(a); /* a note being typed is kept */
    if (a->ex_active) /* logged as left, like Back */
        app_end_exercise(a, false);
    app_request_quit(a, "quit");
}

void app_resume_scene(app *a, const scene_vt *s)
{
    a->scene = s; /* as it was: not through its enter(), which would start it over */
    app_focus_clear(a);
    a->ui_stale = true;
    trace_begin(a->tr, a->now, "scene");
    trace_str(a->tr, "name", s->name);
    trace_end(a->tr);
    read_scene(a);
}

void app_request_quit(app *a, const char *reason)
{
    if (a->end.quit)
        return;
    a->end.quit = true;
    snprintf(a->end.reason, sizeof a->end.reason, "%s", reason);
}

void app_error(app *a, const char *msg)
{
    trace_begin(a->tr, a->now, "error");
    trace_str(a->tr, "message", msg);
    trace_end(a->tr);
    snprintf(a->notice, sizeof a->notice, "%s", msg);
    say_text(a->view.say, a->now, msg, SPEECH_MESSAGE);
}

/* The scene that runs the exercise's kind. */
static const scene_vt *exercise_scene(const app *a)
{
    static const app_scene_id SCENE_FOR[EX_KIND_COUNT] = { SCENE_PACER, SCENE_GUIDED, SCENE_PROMPTS,
                                                          SCENE_RESONANCE };
    return a->rooms.scenes[SCENE_FOR[a->ex->kind]];
}

bool app_start_exercise(app *a, const char *id)
{
    const exercise *e = a->packs ? pack_set_find(a->packs, id) : NULL;
    if (!e) {
        char msg[160];
        snprintf(msg, sizeof msg, _("There is no exercise “%s”."), id);
        app_error(a, msg);
        return false;
    }
    if (a->ex_active)
        app_end_exercise(a, false);
    a->ex = e;
    const scene_vt *s = exercise_scene(a);
    if (s->start)
        s->start(a);
    tb_start(&a->clock, a->now);
    a->ex_active = true;
    trace_begin(a->tr, a->now, "exercise_start");
    trace_str(a->tr, "id", e->id);
    trace_str(a->tr, "kind", exercise_kind_name(e->kind));
    if (s->trace_start)
        s->trace_start(a);
    trace_end(a->tr);
    if (a->rooms.hooks && a->rooms.hooks->started)
        a->rooms.hooks->started(a);
    app_go(a, s->id);
    return true;
}

void app_end_exercise(app *a, bool completed)
{
    if (!a->ex_active)
        return;
    a->ex_active = false;
    /* nothing of an exercise goes on sounding after it */
    sound_voice_stop(a->sound);
    sound_cancel_cues(a->sound);
    sound_ambience(a->sound, NULL);
    if (completed)
        a->end.completed++;
    trace_begin(a->tr, a->now, "exercise_end");
    trace_str(a->tr, "id", a->ex->id);
    trace_bool(a->tr, "completed", completed);
    trace_num(a->tr, "elapsed", gw_seconds(tb_elapsed(&a->clock, a->now)));
    trace_end(a->tr);
    if (completed) /* the closing screen: what it says, then its Finish */
        say_screen(a->view.say, _("Well done."), _("Take a moment before you get up. Move slowly."), false);
    if (a->rooms.hooks && a->rooms.hooks->ended)
        a->rooms.hooks->ended(a, completed);
}

void app_trace_step(app *a, int i)
{
    trace_begin(a->tr, a->now, "step");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "index", i);
    if (a->ex->kind == EX_GUIDED) {
        static const char *const K[] = { "instruction", "tense", "release", "rest" };
        const guided_step *s = &a->ex->step[i];
        trace_str(a->tr, "kind", K[s->kind]);
        if (s->region >= 0 && s->region < a->ex->nregion)
            trace_str(a->tr, "region", a->ex->region[s->region].id);
    }
    trace_end(a->tr);
    read_step(a, i);
}


void app_set_paused(app *a, bool paused)
{
    if (!a->ex_active || a->clock.paused == paused)
        return;
    if (paused)
        tb_pause(&a->clock, a->now);
    else
        tb_resume(&a->clock, a->now);
    const scene_vt *s = exercise_scene(a);
    if (s->paused)
        s->paused(a, paused);
    trace_begin(a->tr, a->now, paused ? "pause" : "resume");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_end(a->tr);
    say_text(a->view.say, a->now, paused ? _("Paused") : _("Going on"), SPEECH_MESSAGE);
}

void app_leave_exercise(app *a)
{
    app_end_exercise(a, false);
    a->mode->leave_exercise(a);
}

void app_update(app *a, gw_ns now)
{
    app_check_text(a); /* a layout measured in answer to input */
    a->now = now;
    if (a->ex_active && exercise_scene(a)->advance)
        exercise_scene(a)->advance(a);
    if (a->scene->update)
        a->scene->update(a);
    if (a->mode->update)
        a->mode->update(a);
    if (say_due(a->view.say)) /* a screen entered by itself (an exercise's end, an idle reset) */
        read_after(a);
}

int app_text_pct(const app *a)
{
    int pct = a->arg.text_pct ? a->arg.text_pct : a->set.text_pct;
    return pct >= 100 && pct <= 200 ? pct : 100;
}

/* the person's text size (scenes may lay out for it through app_font) */
static void set_text_scale(app *a) { a->view.text_scale = (float)app_text_pct(a) / 100.f; }

void app_draw(app *a, draw_list *l)
{
    set_text_scale(a);
    draw_begin(l, a->w, a->h, a->th->bg);
    l->focus_stop = a->focus.stop + 1; /* the control the keyboard focus stops on */
    if (!a->mode->blank || !a->mode->blank(a)) {
        /* the scene laid out in the room the mode leaves it (present: beside the panel) */
        int w = a->w, cw = a->mode->client_w ? a->mode->client_w(a) : w;
        a->w = cw > 0 && cw < w ? cw : w;
        a->scene->draw(a, l);
        a->w = w;
    }
    if (a->mode->draw)
        a->mode->draw(a, l);
    /* every text at the person's size, and a mirrored layout for right-to-left */
    draw_adapt_scale_text(l, a->view.text_scale);
    if (a->view.rtl)
        draw_adapt_mirror(l);
}

bool app_captions_shown(const app *a) { return !a->mode->captions_off || !a->mode->captions_off(a); }

void app_lang_changed(app *a)
{
    i18n_use_language(a->lang);
    a->view.rtl = i18n_is_rtl(a->lang);
    a->ui_stale = true;
    app_say_sync(a);
}

int app_font(const app *a, float px)
{
    return (int)lroundf(px * (a->view.text_scale > 0 ? a->view.text_scale : 1.f));
}

void app_check_drawn(app *a, const draw_list *l)
{
    if (l->oom && !a->checked.draw_oom)
        app_error(a, _("Out of memory: part of the screen could not be drawn."));
    a->checked.draw_oom = l->oom;
    app_check_text(a);
}

void app_check_text(app *a)
{
    unsigned failed = plat_text_failures(a->text);
    if (failed != a->checked.text_failures) {
        a->checked.text_failures = failed;
        app_error(a, _("Text cannot be measured (out of memory or no font support): the layout may not fit the text."));
    }
}

static void refresh_ui(app *a)
{
    app_draw(a, &a->ui);
    app_check_drawn(a, &a->ui);
    a->ui_stale = false;
}

bool app_press(app *a, const char *id)
{
    /* a press is input, also from a script (and brings back controls that fade) */
    a->last_input = a->now;
    refresh_ui(a);
    if (!draw_widget_find(&a->ui, id) && !(a->mode->has_widget && a->mode->has_widget(a, id)))
        return false;
    trace_begin(a->tr, a->now, "press");
    trace_str(a->tr, "widget", id);
    trace_end(a->tr);
    if (!strcmp(id, "safety"))      /* the same on every screen */
        app_open(a, SCENE_SAFETY);
    else if (a->mode->activate && a->mode->activate(a, id))
        ;
    else
        a->scene->activate(a, id);
    a->ui_stale = true;
    return true;
}

bool app_choose(app *a, const char *id)
{
    if (app_press(a, id))
        return true;
    /* as a person would: back to the first page, then forward page by page */
    refresh_ui(a);
    for (int i = 0; i < 64 && draw_widget_find(&a->ui, "page:previous"); i++)
        app_press(a, "page:previous");
    for (int i = 0; i < 64; i++) {
        if (app_press(a, id))
            return true;
        if (!draw_widget_find(&a->ui, "page:next"))
            return false;
        app_press(a, "page:next");
    }
    return false;
}

/* The control under the mouse (hover) and whether it is being pressed, for the
 * controls' states (ui.h); a finger hovers nothing once lifted. */
static void pointer_state(app *a, const gw_event *e)
{
    if (e->type == EV_POINTER_UP) {
        a->focus.pressing = false;
        if (e->touch)
            a->focus.hover[0] = 0;
        return;
    }
    if (e->type == EV_POINTER_MOVE && e->touch && !a->focus.pressing)
        return;
    if (a->ui_stale || a->ui.nwid == 0) /* the controls as they are now (not at every move) */
        refresh_ui(a);
    const draw_widget *w = draw_widget_at(&a->ui, e->x * (float)a->w, e->y * (float)a->h);
    const char *id = w ? w->id : "";
    if (e->type == EV_POINTER_DOWN)
        a->focus.pressing = w != NULL;
    else if (strcmp(id, a->focus.hover)) /* slid off the control pressed */
        a->focus.pressing = false;
    snprintf(a->focus.hover, sizeof a->focus.hover, "%s", id);
}

/* A key held down repeats (the system's auto-repeat). Keys that move go on moving (the
 * focus, a breath's length, a page, text being deleted); a press, a toggle or a
 * shortcut happens once per press, so holding Enter or Space does not press a control
 * or pause and resume again and again (nor hold the kiosk's Space past its first press). */
static bool key_repeats(const gw_event *e)
{
    static const char *const MOVE[] = { "Up", "Down", "Left", "Right", "Tab", "Backspace", "Delete",
                                        "PageUp", "PageDown", "Page Up", "Page Down" };
    for (size_t i = 0; i < sizeof MOVE / sizeof *MOVE; i++)
        if (!strcmp(e->key, MOVE[i]))
            return true;
    return false;
}

void app_event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY_UP) { /* the press did all a key does; only a held key's timer ends */
        if (a->mode->key_up)
            a->mode->key_up(a, e);
        return;
    }
    if (e->type != EV_RESIZE && e->type != EV_AUDIO_DEVICE)
        a->last_input = a->now;
    if (e->type == EV_KEY && e->repeat && !key_repeats(e)) /* held: pressed once, not again and again */
        return;
    if (a->mode->filter && a->mode->filter(a, e))
        return;
    switch (e->type) {
    case EV_QUIT:
        app_quit_now(a, "window");
        return;
    case EV_RESIZE:
        a->w = e->w;
        a->h = e->h;
        a->ui_stale = true;
        return;
    case EV_AUDIO_DEVICE:
        for (int i = 0; i < SCENE_COUNT; i++)
            if (a->rooms.scenes[i]->audio_device)
                a->rooms.scenes[i]->audio_device(a, e->added);
        trace_begin(a->tr, a->now, "audio_device");
        trace_bool(a->tr, "added", e->added);
        trace_bool(a->tr, "live", e->live);
        trace_end(a->tr);
        if (a->scene->event)   /* a guided exercise resumes its voice */
            a->scene->event(a, e);
        return;
    case EV_KEY:
        /* Ctrl+Q, Ctrl+W: quit from anywhere (the kiosk's filter has blocked them) */
        if ((e->mods & GW_MOD_CTRL) && !(e->mods & (GW_MOD_ALT | GW_MOD_GUI)) &&
            (!strcmp(e->key, "Q") || !strcmp(e->key, "W"))) {
            app_quit_now(a, e->key[0] == 'Q' ? "Ctrl+Q" : "Ctrl+W");
            return;
        }
        if (read_keys(a, e))
            return;
        /* F1: Help (the crisis lines) wherever a Help button is shown, for a person who
         * cannot point at it (present mode's filter has taken F1 for its list of keys) */
        if (!(e->mods & (GW_MOD_CTRL | GW_MOD_ALT | GW_MOD_SHIFT | GW_MOD_GUI)) && !strcmp(e->key, "F1")) {
            refresh_ui(a);
            if (draw_widget_find(&a->ui, "safety")) {
                app_press(a, "safety");
                read_after(a);
                return;
            }
        }
        a->focus.visible = true;
        if (app_focus_key(a, e)) {
            read_after(a);
            return;
        }
        break;
    case EV_BUTTON:
        a->focus.visible = true;
        break;
    case EV_POINTER_DOWN:
    case EV_POINTER_UP:
    case EV_POINTER_MOVE:
        if (e->type != EV_POINTER_MOVE)
            a->focus.visible = false;
        pointer_state(a, e);
        break;
    default:
        break;
    }
    if (e->type == EV_POINTER_UP) {
        refresh_ui(a);
        const draw_widget *w = draw_widget_at(&a->ui, e->x * (float)a->w, e->y * (float)a->h);
        if (w) {
            char id[DRAW_WIDGET_ID_MAX];
            snprintf(id, sizeof id, "%s", w->id);
            app_press(a, id);
            read_after(a);
            return;
        }
    }
    if (a->scene->event)
        a->scene->event(a, e);
    read_after(a);
}

gw_ns app_next_change(const app *a)
{
    gw_ns t = a->scene->next_change ? a->scene->next_change(a) : GW_NEVER;
    gw_ns m = a->mode->next_change ? a->mode->next_change(a) : GW_NEVER;
    return m < t ? m : t;
}

/* ---- the focus stops -------------------------------------------------------------
 * The keyboard's way to every control of screens that move no focus of
 * their own (scene_vt.focus_keys): the exercises, the kiosk's screens and keypad, and
 * in present mode every screen with the therapist's panel. Its focus stops are the
 * screen's controls in drawing order (panels left out), then, with present's second
 * window, that window's. The focus is kept as a place in that order (a->focus.stop,
 * a->focus.stop_ctl), and the description marks the control drawn there as the focused
 * one (draw_list.focus_stop), so it gets the same ring as any other and read aloud says
 * it, with nothing for the scene to count. Settings, the check-in and the other
 * screens of app_home_nav move their focus in drawing order too, as their own. */
#define MAX_STOPS 256

typedef struct stop { short i; bool ctl; } stop;

void app_focus_clear(app *a) { a->focus.stop = a->focus.stop_ctl = -1; }

static app_focus_keys focus_keys(const app *a)
{
    app_focus_keys k = a->scene->focus_keys;
    return k == FOCUS_OWN && a->mode->tab_everywhere ? FOCUS_TAB_OWN : k;
}

static bool is(const gw_event *e, const char *k) { return !strcmp(e->key, k); }

/* The controls that take the focus, in order; *at: the one that has it (the stop, else
 * the one the scene's own focus is on), -1: none. */
static int stops_of(app *a, const draw_list *ctl, stop *out, int *at)
{
    int n = 0;
    *at = -1;
    for (int pass = 0; pass < 2; pass++) {
        const draw_list *l = pass ? ctl : &a->ui;
        if (!l)
            continue;
        for (int i = 0; i < l->nwid && n < MAX_STOPS; i++) {
            if (l->wid[i].role == ROLE_PANEL)
                continue;
            int s = pass ? a->focus.stop_ctl : a->focus.stop;
            if (s == i || (*at < 0 && a->focus.stop < 0 && a->focus.stop_ctl < 0 && l->wid[i].focused))
                *at = n;
            out[n].i = (short)i;
            out[n++].ctl = pass;
        }
    }
    return n;
}

bool app_focus_key(app *a, const gw_event *e)
{
    app_focus_keys k = focus_keys(a);
    if (e->type != EV_KEY || k == FOCUS_OWN || (e->mods & (GW_MOD_CTRL | GW_MOD_ALT | GW_MOD_GUI)))
        return false;
    bool shift = e->mods & GW_MOD_SHIFT, held = a->focus.stop >= 0 || a->focus.stop_ctl >= 0;
    bool fwd = a->view.rtl ? is(e, "Left") : is(e, "Right"), back = a->view.rtl ? is(e, "Right") : is(e, "Left");
    int dir = 0;
    if (is(e, "Tab"))
        dir = shift ? -1 : 1;
    else if (k == FOCUS_ALL && !shift && (is(e, "Down") || fwd))
        dir = 1;
    else if (k == FOCUS_ALL && !shift && (is(e, "Up") || back))
        dir = -1;
    bool press = held && !shift &&
                 (is(e, "Return") || is(e, "Keypad Enter") || (k != FOCUS_TAB && is(e, "Space")));
    if (!dir && !press) {
        /* the scene's own keys take the focus back to its own */
        if (k == FOCUS_TAB_OWN && held && (is(e, "Up") || is(e, "Down") || is(e, "Left") || is(e, "Right")))
            app_focus_clear(a);
        return false;
    }
    app_draw(a, &a->ui);
    app_check_drawn(a, &a->ui);
    a->ui_stale = false;
    draw_list ctl = { 0 };
    bool two = a->mode->control_drawn && a->mode->control_drawn(a, &ctl);
    stop s[MAX_STOPS];
    int at, n = stops_of(a, two ? &ctl : NULL, s, &at);
    bool done = n > 0;
    if (done && press) {
        char id[DRAW_WIDGET_ID_MAX];
        const draw_list *l = at >= 0 && s[at].ctl ? &ctl : &a->ui;
        if (at < 0) /* the stop is no longer on the screen: nothing to press */
            done = false;
        else {
            memcpy(id, l->wid[s[at].i].id, sizeof id);
            draw_free(&ctl);
            return app_press(a, id);
        }
    } else if (done) {
        at = at < 0 ? (dir > 0 ? -1 : n) : at;
        at = (at + dir + n) % n;
        app_focus_clear(a);
        if (s[at].ctl)
            a->focus.stop_ctl = s[at].i;
        else
            a->focus.stop = s[at].i;
        a->ui_stale = true;
    }
    draw_free(&ctl);
    return done;
}

/* ---- read aloud ------------------------------------------------------------------ */

/* What read aloud says on entering each screen: its title (NULL: the exercise's, or the
 * screen's own words when it reads them all), what to do there, and whether every text
 * on it is read (a caution, a question, a notice). */
static const struct say_intro {
    const char *title, *hint;
    bool read;
} SAY_SCENE[SCENE_COUNT] = {
    [SCENE_LIBRARY] = { N_("Exercises"), N_("The arrow keys choose an exercise, Enter starts it."), false },
    [SCENE_PACER] = { NULL, N_("Breathe with the sounds. Space pauses, V says the breaths, Escape leaves."), false },
    [SCENE_GUIDED] = { NULL, N_("Space pauses, Left and Right go to the previous or next step, Escape leaves."), false },
    [SCENE_PROMPTS] = { NULL, N_("Enter goes on to the next step, Left goes back, Escape leaves."), false },
    [SCENE_PROBLEMS] = { NULL, NULL, true },
    [SCENE_SAFETY] = { NULL, N_("Enter closes it."), true },
    [SCENE_CAUTIONS] = { NULL, N_("Enter starts, Escape goes back."), true },
    [SCENE_QUIT] = { NULL, N_("Enter quits, Escape stays."), true },
    [SCENE_ATTRACT] = { NULL, N_("Press any key to begin."), false },
    [SCENE_KIOSK_LIBRARY] = { N_("Exercises"), N_("The arrow keys choose an exercise, Enter starts it."), false },
    [SCENE_ADMIN] = { N_("Administrator: enter the PIN"), NULL, false },
    [SCENE_CHECKIN] = { NULL, N_("Type a number from 0 to 10, or press Escape to skip."), true },
    [SCENE_PROGRESS] = { N_("Progress"), N_("Tab moves between the charts' controls, Escape goes back."), false },
    [SCENE_WELCOME] = { NULL, N_("Enter continues."), true },
    [SCENE_SETTINGS] = { N_("Settings"), N_("Tab moves between the settings, Enter changes one, Escape goes back."), false },
};

static void read_scene(app *a)
{
    if (!say_on(a->view.say))
        return;
    const struct say_intro *in = &SAY_SCENE[a->scene->id];
    bool in_ex = (a->scene->id == SCENE_PACER || a->scene->id == SCENE_GUIDED || a->scene->id == SCENE_PROMPTS);
    const char *title = in->title ? _(in->title) : in_ex && a->ex ? app_text(a, &a->ex->title) : NULL;
    say_screen(a->view.say, title, in->hint ? _(in->hint) : NULL, in->read);
}

/* A step of a grounding exercise (its words), or of muscle relaxation that has no
 * voice clip in the language shown (its caption): said as guidance, which waits its
 * turn and is never cut by what has the focus. */
static void read_step(app *a, int i)
{
    if (!say_on(a->view.say) || !a->ex || i < 0)
        return;
    char text[1024] = "";
    if (a->ex->kind == EX_PROMPTS && i < a->ex->nprompt)
        prompt_expand(text, sizeof text, app_text(a, &a->ex->prompt[i].text), "", "");
    else if (a->ex->kind == EX_GUIDED && i < a->ex->nstep) {
        const guided_step *s = &a->ex->step[i];
        const char *clip = pack_voice_get(&s->voice, &s->caption, a->lang);
        if (!clip || !*clip)
            snprintf(text, sizeof text, "%s", app_text(a, &s->caption));
    }
    say_next(a->view.say, a->now, text);
}

/* After input, or a screen entered: the screen's words and the focused control. */
static void read_after(app *a)
{
    if (!say_on(a->view.say) || a->end.quit)
        return;
    refresh_ui(a);
    say_frame(a->view.say, a->now, &a->ui);
}

/* Ctrl+Alt+R turns read aloud on or off, from any screen; F5 reads the whole screen. */
static bool read_keys(app *a, const gw_event *e)
{
    unsigned m = e->mods & (GW_MOD_CTRL | GW_MOD_ALT | GW_MOD_SHIFT | GW_MOD_GUI);
    if (m == (GW_MOD_CTRL | GW_MOD_ALT) && !strcmp(e->key, "R")) {
        app_read_aloud(a, !say_on(a->view.say), true);
        read_after(a);
        return true;
    }
    if (!m && !strcmp(e->key, "F5") && say_on(a->view.say)) {
        refresh_ui(a);
        say_screen_text(a->view.say, a->now, &a->ui);
        return true;
    }
    return false;
}

void app_say_sync(app *a)
{
    say_set(a->view.say, say_on(a->view.say), i18n_ui_lang(a->lang), a->set.speech_rate, a->set.vol_voice);
}

bool app_reading_aloud(const app *a) { return say_on(a->view.say); }

bool app_speech_ok(const app *a) { return say_service_ok(a->view.say); }

void app_read_aloud(app *a, bool on, bool announce)
{
    bool was = say_on(a->view.say);
    say_set(a->view.say, on, i18n_ui_lang(a->lang), a->set.speech_rate, a->set.vol_voice);
    if (announce) {
        trace_begin(a->tr, a->now, "read_aloud");
        trace_bool(a->tr, "on", on);
        trace_end(a->tr);
        say_always(a->view.say, a->now, on ? _("Read aloud on") : _("Read aloud off"), SPEECH_IMPORTANT);
    }
    if (on && !was && a->scene) /* where the person is, then what has the focus */
        read_scene(a);
}

void app_say(app *a, const char *text) { say_next(a->view.say, a->now, text); }
