#include "app/app.h"
#include "core/draw_adapt.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_audio.h"
#include "platform/plat_text.h"

static const mode_vt *mode_by_name(const char *name)
{
    if (name && !strcmp(name, "kiosk"))
        return &mode_kiosk;
    if (name && !strcmp(name, "present"))
        return &mode_present;
    return &mode_home;
}

bool app_init(app *a, const app_config *cfg)
{
    memset(a, 0, sizeof *a);
    a->mode = mode_by_name(cfg->mode);
    a->packs = cfg->packs;
    a->tr = cfg->tr;
    a->audio = cfg->audio;
    a->th = theme_get(cfg->theme);
    a->w = cfg->w > 0 ? cfg->w : 1280;
    a->h = cfg->h > 0 ? cfg->h : 720;
    a->focus = 0;
    a->last_index = -1;
    a->kiosk.config_path = cfg->kiosk_config;
    a->kiosk.reload = cfg->reload;
    a->kiosk.reload_ctx = cfg->reload_ctx;
    a->kiosk.wall_live = cfg->kiosk_wall_live;
    a->guided_voice = -1;
    if (cfg->lang && *cfg->lang) {
        snprintf(a->lang, sizeof a->lang, "%s", cfg->lang);
        a->lang_arg = true;
    }
    else
        i18n_lang_from_env(a->lang, sizeof a->lang);
    trace_begin(a->tr, 0, "start");
    trace_str(a->tr, "mode", a->mode->name);
    trace_int(a->tr, "w", a->w);
    trace_int(a->tr, "h", a->h);
    trace_end(a->tr);
    app_load_locales(a);
    app_home_init(a, cfg);
    present_panel_init(a, cfg->plan_dir);
    a->text_pct_arg = cfg->text_pct;
    a->text = plat_text_new(paths_font_dir());
    if (!a->text) /* layouts then size text by estimate: it may not fit so well */
        app_error(a, _("Text cannot be measured (out of memory or no font support): the layout may not fit the text."));
    app_lang_changed(a);
    /* in the interface's language, now that the settings may have chosen it */
    if (a->packs && pack_diags_errors(&a->packs->diags) > 0 && !a->notice[0])
        snprintf(a->notice, sizeof a->notice, "%s",
                 _("Some content could not be loaded and was skipped. Run “groundwork validate” for details."));
    a->mode->enter(a);
    return true;
}

void app_free(app *a)
{
    if (!a->mode) /* zeroed, app_init never reached (a run that failed before it) */
        return;
    if (a->mode->leave)
        a->mode->leave(a);
    app_home_free(a);
    draw_free(&a->ui);
    draw_free(&a->present.ctl_ui);
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

void app_set_scene(app *a, const scene_vt *s)
{
    a->scene = s;
    a->ui_stale = true;
    trace_begin(a->tr, a->now, "scene");
    trace_str(a->tr, "name", s->name);
    trace_end(a->tr);
    if (s->enter)
        s->enter(a);
}

void app_resume_scene(app *a, const scene_vt *s)
{
    a->scene = s; /* as it was: not through its enter(), which would start it over */
    a->ui_stale = true;
    trace_begin(a->tr, a->now, "scene");
    trace_str(a->tr, "name", s->name);
    trace_end(a->tr);
}

void app_request_quit(app *a, const char *reason)
{
    if (a->quit)
        return;
    a->quit = true;
    snprintf(a->exit_reason, sizeof a->exit_reason, "%s", reason);
}

void app_error(app *a, const char *msg)
{
    trace_begin(a->tr, a->now, "error");
    trace_str(a->tr, "message", msg);
    trace_end(a->tr);
    snprintf(a->notice, sizeof a->notice, "%s", msg);
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
    a->pattern = e->breath;
    if (e->kind == EX_BREATHING && a->cycles_override > 0) {
        a->pattern.cycles = a->cycles_override;
        a->pattern.session_ns = 0;
    }
    tb_start(&a->clock, a->now);
    a->ex_active = true;
    a->last_index = -1;
    a->last_cycle = -1;
    a->last_stage = BREATH_STAGE_LEAD_IN;
    memset(&a->bs, 0, sizeof a->bs);
    trace_begin(a->tr, a->now, "exercise_start");
    trace_str(a->tr, "id", e->id);
    trace_str(a->tr, "kind", exercise_kind_name(e->kind));
    if (e->kind == EX_BREATHING) /* the pacer style it opens with */
        trace_str(a->tr, "style", pacer_style_name(pacer_style_of(a)));
    trace_end(a->tr);
    app_home_started(a);
    static const scene_vt *const SCENE_FOR[EX_KIND_COUNT] = { &scene_pacer, &scene_guided, &scene_prompts };
    app_set_scene(a, SCENE_FOR[e->kind]);
    return true;
}

void app_end_exercise(app *a, bool completed)
{
    if (!a->ex_active)
        return;
    a->ex_active = false;
    /* nothing of an exercise goes on sounding after it */
    plat_audio_voice_stop(a->audio);
    plat_audio_cancel_cues(a->audio);
    plat_audio_ambience(a->audio, NULL);
    a->guided_voice = -1;
    if (completed)
        a->ended_count++;
    trace_begin(a->tr, a->now, "exercise_end");
    trace_str(a->tr, "id", a->ex->id);
    trace_bool(a->tr, "completed", completed);
    trace_num(a->tr, "elapsed", gw_seconds(tb_elapsed(&a->clock, a->now)));
    trace_end(a->tr);
    app_home_ended(a, completed);
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
}


void app_set_paused(app *a, bool paused)
{
    if (!a->ex_active || a->clock.paused == paused)
        return;
    if (paused)
        tb_pause(&a->clock, a->now);
    else
        tb_resume(&a->clock, a->now);
    a->cue_boundary = -1; /* cues not yet played are scheduled again */
    trace_begin(a->tr, a->now, paused ? "pause" : "resume");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_end(a->tr);
}

void app_leave_exercise(app *a)
{
    app_end_exercise(a, false);
    a->mode->leave_exercise(a);
}

static const char *cue_for(breath_kind k)
{
    switch (k) {
    case BREATH_INHALE:
    case BREATH_TOPUP: return "inhale";
    case BREATH_EXHALE: return "exhale";
    default: return "hold";
    }
}

/* Schedules the cue of the next phase boundary on the audio module's sample clock
 * once it is less than PACER_CUE_AHEAD away, so it starts on the exact sample. */
static void schedule_cue(app *a, gw_ns t)
{
    if (!a->audio || a->clock.paused)
        return;
    gw_ns nb = breath_next_boundary(&a->pattern, t);
    if (nb == GW_NEVER || nb == a->cue_boundary || nb - t > PACER_CUE_AHEAD)
        return;
    breath_state at;
    breath_at(&a->pattern, nb, &at);
    if (at.stage != BREATH_STAGE_BREATHING)
        return;
    plat_audio_cue_at(a->audio, cue_for(at.kind), a->now + (nb - t), a->now);
    a->cue_boundary = nb;
}

/* Spoken pacer words and counts: assets/voice/<lang>/<name>.ogg (English when the
 * language has none). Traced even when there is no sound, so runs can be checked. */
static void pacer_say(app *a, const char *name)
{
    const char *data = paths_data_dir();
    char rel[64], path[PATH_MAX];
    const char *langs[2] = { a->lang, "en" };
    for (int i = 0; i < 2; i++) {
        snprintf(rel, sizeof rel, "voice/%s/%s.ogg", langs[i], name);
        char sub[96];
        snprintf(sub, sizeof sub, "assets/%s", rel);
        if (data && paths_join(path, sizeof path, data, sub) && access(path, R_OK) == 0)
            break;
        path[0] = 0;
    }
    if (!path[0])
        return;
    trace_begin(a->tr, a->now, "voice");
    trace_str(a->tr, "clip", rel);
    trace_end(a->tr);
    plat_audio_voice_play(a->audio, path, 0);
}

static void speak_breathing(app *a, gw_ns t, bool new_phase)
{
    const breath_state *s = &a->bs;
    if (!a->speak || s->stage != BREATH_STAGE_BREATHING)
        return;
    static const char *const WORD[BREATH_KIND_COUNT] = { "inhale", "hold", "exhale", "hold", "topup" };
    if (new_phase) {
        a->spoken_sec = 0;
        pacer_say(a, WORD[s->kind]);
        return;
    }
    /* "Breathe in... two... three... four": the count of each following whole second */
    int sec = (int)((t - s->phase_start) / GW_NS_PER_SEC);
    if (sec > a->spoken_sec && sec + 1 <= 10 && (gw_ns)(sec + 1) * GW_NS_PER_SEC <= s->phase_len + GW_MSEC(50)) {
        a->spoken_sec = sec;
        char n[16];
        snprintf(n, sizeof n, "%d", sec + 1);
        pacer_say(a, n);
    }
}

/* Breathing: phase changes become trace events and cues. */
static void update_breathing(app *a)
{
    gw_ns t = tb_elapsed(&a->clock, a->now);
    breath_at(&a->pattern, t, &a->bs);
    const breath_state *s = &a->bs;
    if (s->stage == BREATH_STAGE_BREATHING && (s->index != a->last_index || s->cycle != a->last_cycle)) {
        trace_begin(a->tr, a->now, "phase");
        trace_str(a->tr, "exercise", a->ex->id);
        trace_str(a->tr, "phase", breath_kind_name(s->kind));
        trace_int(a->tr, "index", s->index);
        trace_int(a->tr, "cycle", s->cycle + 1);
        if (s->opening) /* the one-off exhale before the first breath (index -1) */
            trace_bool(a->tr, "opening", true);
        trace_end(a->tr);
        trace_begin(a->tr, a->now, "cue");
        trace_str(a->tr, "sound", cue_for(s->kind));
        trace_end(a->tr);
        /* normally scheduled ahead on the sample clock; if not (late first frame,
         * just resumed or adjusted), play it now */
        if (a->cue_boundary != s->phase_start)
            plat_audio_cue(a->audio, cue_for(s->kind));
        a->cue_boundary = s->phase_start;
        a->last_index = s->index;
        a->last_cycle = s->cycle;
        a->rumble_seq++;
        a->rumble_kind = s->kind;
        speak_breathing(a, t, true);
    } else {
        speak_breathing(a, t, false);
    }
    schedule_cue(a, t);
    a->last_stage = s->stage;
    if (s->stage == BREATH_STAGE_DONE)
        app_end_exercise(a, true);
}

void app_update(app *a, gw_ns now)
{
    app_check_text(a); /* a layout measured in answer to input */
    a->now = now;
    if (a->ex_active && a->ex->kind == EX_BREATHING)
        update_breathing(a);
    if (a->scene->update)
        a->scene->update(a);
    if (a->mode->update)
        a->mode->update(a);
}

int app_text_pct(const app *a)
{
    int pct = a->text_pct_arg ? a->text_pct_arg : a->set.text_pct;
    return pct >= 100 && pct <= 200 ? pct : 100;
}

/* issue 10: the person's text size (scenes may lay out for it through app_font) */
static void set_text_scale(app *a) { a->text_scale = (float)app_text_pct(a) / 100.f; }

void app_draw(app *a, draw_list *l)
{
    set_text_scale(a);
    draw_begin(l, a->w, a->h, a->th->bg);
    if (!a->mode->blank || !a->mode->blank(a)) {
        /* the scene laid out in the room the mode leaves it (present: beside the panel) */
        int w = a->w, cw = a->mode->client_w ? a->mode->client_w(a) : w;
        a->w = cw > 0 && cw < w ? cw : w;
        a->scene->draw(a, l);
        app_home_post_draw(a, l);
        a->w = w;
    }
    if (a->mode->draw)
        a->mode->draw(a, l);
    /* every text at the person's size, and a mirrored layout for right-to-left */
    draw_adapt_scale_text(l, a->text_scale);
    if (a->rtl)
        draw_adapt_mirror(l);
}

bool app_captions_shown(const app *a) { return !a->present.captions_off; }

void app_draw_control(app *a, draw_list *l)
{
    int w = a->w, h = a->h;  /* the panel lays itself out in the control window's size */
    a->w = a->present.ctl_w > 0 ? a->present.ctl_w : w;
    a->h = a->present.ctl_h > 0 ? a->present.ctl_h : h;
    set_text_scale(a);
    draw_begin(l, a->w, a->h, a->th->bg);
    present_panel_draw(a, l, true);
    draw_adapt_scale_text(l, a->text_scale); /* the text size of the run (--text-size) */
    if (a->rtl)
        draw_adapt_mirror(l); /* mirrored, like the client's screen */
    a->w = w;
    a->h = h;
}

void app_control_window(app *a, int w, int h)
{
    a->present.two_windows = w > 0 && h > 0;
    a->present.ctl_w = w;
    a->present.ctl_h = h;
    a->ui_stale = true;
}

void app_control_event(app *a, const gw_event *e)
{
    switch (e->type) {
    case EV_RESIZE:
        app_control_window(a, e->w, e->h);
        return;
    case EV_POINTER_UP: {
        a->last_input = a->now;
        app_draw_control(a, &a->present.ctl_ui);
        app_check_drawn(a, &a->present.ctl_ui);
        const draw_widget *w = draw_widget_at(&a->present.ctl_ui, e->x * (float)a->present.ctl_w,
                                              e->y * (float)a->present.ctl_h);
        if (w) {
            char id[DRAW_WIDGET_ID_MAX];
            snprintf(id, sizeof id, "%s", w->id);
            app_press(a, id);
        }
        return;
    }
    case EV_POINTER_DOWN:
    case EV_POINTER_MOVE:
        a->last_input = a->now;
        return;
    default:
        app_event(a, e);
    }
}

/* A widget on the control window (present, two windows). */
static bool control_has(app *a, const char *id)
{
    if (!a->present.two_windows)
        return false;
    app_draw_control(a, &a->present.ctl_ui);
    app_check_drawn(a, &a->present.ctl_ui);
    return draw_widget_find(&a->present.ctl_ui, id) != NULL;
}

void app_lang_changed(app *a)
{
    i18n_use_language(a->lang);
    a->rtl = i18n_is_rtl(a->lang);
    a->ui_stale = true;
}

int app_font(const app *a, float px)
{
    return (int)lroundf(px * (a->text_scale > 0 ? a->text_scale : 1.f));
}

void app_check_drawn(app *a, const draw_list *l)
{
    if (l->oom && !a->draw_oom)
        app_error(a, _("Out of memory: part of the screen could not be drawn."));
    a->draw_oom = l->oom;
    app_check_text(a);
}

void app_check_text(app *a)
{
    unsigned failed = plat_text_failures(a->text);
    if (failed != a->text_failures) {
        a->text_failures = failed;
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
    if (!draw_widget_find(&a->ui, id) && !control_has(a, id))
        return false;
    trace_begin(a->tr, a->now, "press");
    trace_str(a->tr, "widget", id);
    trace_end(a->tr);
    if (!strcmp(id, "safety"))      /* the same on every screen */
        app_open_safety(a);
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

void app_event(app *a, const gw_event *e)
{
    if (e->type != EV_RESIZE && e->type != EV_AUDIO_DEVICE)
        a->last_input = a->now;
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
        plat_audio_device_changed(a->audio, e->added);
        a->audio_gone = !e->added;
        trace_begin(a->tr, a->now, "audio_device");
        trace_bool(a->tr, "added", e->added);
        trace_bool(a->tr, "live", plat_audio_live(a->audio));
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
        a->focus_visible = true;
        break;
    case EV_BUTTON:
        a->focus_visible = true;
        break;
    case EV_POINTER_DOWN:
    case EV_POINTER_UP:
        a->focus_visible = false;
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
            return;
        }
    }
    if (a->scene->event)
        a->scene->event(a, e);
}

gw_ns app_next_change(const app *a)
{
    gw_ns t = a->scene->next_change ? a->scene->next_change(a) : GW_NEVER;
    gw_ns m = a->mode->next_change ? a->mode->next_change(a) : GW_NEVER;
    return m < t ? m : t;
}
