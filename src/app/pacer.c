/* pacer: the breathing exercise in progress (see pacer.h). */
#include "app/pacer.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "core/paths.h"
#include "core/sound.h"

static struct pacer_st *ST(const app *a) { return app_state(a, SCENE_PACER); }

/* In order: the style chosen during this session (the Style control); calm with reduced
 * motion; the style the pack names for the exercise (its figure is part of it, as box
 * breathing's box); the person's default pacer style (settings); the orb. */
int pacer_style_of(const app *a)
{
    int chosen = ST(a)->style;
    if (chosen > 0 && chosen <= PACER_STYLE_COUNT)
        return chosen - 1;
    if (a->set.reduced_motion) /* reduced motion selects the calm style */
        return PACER_CALM;
    int s = a->ex && a->ex->style_named ? (int)a->ex->pacer : -1;
    if (s < 0)
        s = pacer_style_parse(a->set.pacer);
    return s < 0 ? PACER_ORB : s;
}

void pacer_set_style(app *a, int style) { ST(a)->style = style + 1; }

const breath_pattern *pacer_pattern(const app *a) { return &ST(a)->run.pattern; }

const breath_state *pacer_breath(const app *a) { return &ST(a)->run.st; }

void pacer_set_pattern(app *a, const breath_pattern *p) { ST(a)->run.pattern = *p; }

bool pacer_muted(const app *a) { return ST(a)->muted; }

bool pacer_speaking(const app *a) { return ST(a)->speak; }

void pacer_forget(app *a)
{
    pacer_run *r = &ST(a)->run;
    r->last_index = -1;
    memset(&r->st, 0, sizeof r->st);
}

bool app_pacer_rumble(const app *a, int *seq, breath_kind *kind)
{
    const struct pacer_st *s = ST(a);
    *seq = s->rumble_seq;
    *kind = s->rumble_kind;
    return !s->rumble_off;
}

static bool pacer_resonance(const app *a) { return a->ex && a->ex->kind == EX_RESONANCE; }

/* The assessment runs its blocks through the same run (core/res_run); every breathing
 * exercise takes heart beats from its first paced breath (app_hr). */
void pacer_start(app *a)
{
    struct pacer_st *s = ST(a);
    s->breath_fed = -1;
    if (pacer_resonance(a)) {
        res_run_start(&s->res, &s->run, &a->ex->resonance);
        app_hr_start(a, a->ex->resonance.lead_in_ns);
    } else {
        pacer_run_start(&s->run, &a->ex->breath, a->arg.cycles);
        app_hr_start(a, a->ex->breath.lead_in_ns);
    }
}

gw_ns pacer_wake(const app *a, gw_ns t)
{
    const struct pacer_st *s = ST(a);
    return pacer_resonance(a) ? res_run_wake(&s->res, &s->run, t) : pacer_run_wake(&s->run, t);
}

void pacer_set_rate(app *a, double rate)
{
    if (!pacer_resonance(a))
        pacer_pattern_at_rate(&ST(a)->run.pattern, rate);
}

void pacer_pattern_at_rate(breath_pattern *p, double rate)
{
    gw_ns breath = breath_cycle_len(p);
    if (!(rate > 0) || breath <= 0)
        return;
    gw_ns length = breath_total(p) - p->lead_in_ns - (gw_ns)p->opening_ms * GW_NS_PER_MS;
    double scale = 60.0 * GW_NS_PER_SEC / rate / (double)breath;
    for (int i = 0; i < p->nphase; i++) /* whole tenths of a second, as every pattern */
        p->phase[i].ms = (int32_t)llround(p->phase[i].ms * scale / BREATH_STEP_MS) * BREATH_STEP_MS;
    gw_ns now = breath_cycle_len(p);
    p->cycles = (int)((length + now / 2) / now);
    p->session_ns = 0;
    if (p->cycles < 1)
        p->cycles = 1;
}

bool pacer_block(const app *a, int *block, double *rate)
{
    if (!pacer_resonance(a))
        return false;
    *block = ST(a)->res.at;
    *rate = RES_RATES[ST(a)->res.at];
    return true;
}

void pacer_trace_start(const app *a)
{
    trace_str(a->tr, "style", pacer_style_name(pacer_style_of(a))); /* the style it opens with */
}

void pacer_paused(app *a, bool paused)
{
    (void)paused;
    pacer_run_forget_cue(&ST(a)->run); /* cues not yet played are scheduled again */
}

void pacer_enter(app *a)
{
    pacer_run_forget_cue(&ST(a)->run);
    memset(ST(a)->words_kept, 0, sizeof ST(a)->words_kept); /* a reloaded pack: its words again */
    ST(a)->ctl_kept.used = false;
    sound_mute(a->sound, ST(a)->muted);
}

/* The cue sound at the start of a phase of kind k. */
static const char *pacer_cue_for(breath_kind k) { return synth_cue_name(breath_kind_row_of(k)->cue); }

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
    sound_voice_play(a->sound, path, 0);
}

/* A phase began: traced with its cue, which is played now unless it was scheduled
 * ahead (a late first frame, just resumed or adjusted); a rumble; its word spoken. */
static void pacer_phase(app *a, const pacer_event *e)
{
    struct pacer_st *s = ST(a);
    trace_begin(a->tr, a->now, "phase");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_str(a->tr, "phase", breath_kind_name(e->kind));
    trace_int(a->tr, "index", e->index);
    trace_int(a->tr, "cycle", e->cycle + 1);
    if (e->opening) /* the one-off exhale before the first breath (index -1) */
        trace_bool(a->tr, "opening", true);
    trace_end(a->tr);
    trace_begin(a->tr, a->now, "cue");
    trace_str(a->tr, "sound", pacer_cue_for(e->kind));
    trace_end(a->tr);
    if (!e->cued)
        sound_cue(a->sound, pacer_cue_for(e->kind));
    s->rumble_seq++;
    s->rumble_kind = e->kind;
    if (s->speak)
        pacer_say(a, breath_kind_row_of(e->kind)->word);
}

/* The start of the breath under way at time t of pattern p's own timeline, or -1 (the
 * lead-in, the opening exhale, the end): back from t phase by phase, in closed form. */
static gw_ns breath_begun(const breath_pattern *p, gw_ns t)
{
    breath_state st;
    breath_at(p, t, &st);
    if (st.stage != BREATH_STAGE_BREATHING || st.opening)
        return -1;
    while (st.index > 0 && st.phase_start > 0)
        breath_at(p, st.phase_start - 1, &st);
    return st.phase_start;
}

/* The pattern in force at elapsed time t and where its timeline begins (the
 * assessment's block, else the run's). */
static const breath_pattern *pattern_at(const struct pacer_st *s, bool res, gw_ns t, gw_ns *origin)
{
    *origin = 0;
    if (!res)
        return &s->run.pattern;
    int k = 0;
    while (k + 1 < RES_BLOCKS && t >= s->res.start[k + 1])
        k++;
    *origin = s->res.start[k];
    return &s->res.block[k];
}

/* The heart-rate swing is measured per breath (app_hr): when a new breath has begun,
 * the starts of the last few breaths, found in closed form so that a frame rendered at
 * any moment shows what a run up to it would. */
static void pacer_breaths(app *a, bool res, gw_ns t)
{
    struct pacer_st *s = ST(a);
    gw_ns starts[HRSWING_KEEP];
    int n = 0;
    for (gw_ns x = t; n < HRSWING_KEEP && x >= 0;) {
        gw_ns origin;
        const breath_pattern *p = pattern_at(s, res, x, &origin);
        gw_ns b = breath_begun(p, x - origin);
        if (n == 0 && b >= 0 && b + origin < s->breath_fed)
            s->breath_fed = -1; /* the timeline moved back (a pace adjusted): counted again */
        if (b < 0 || b + origin <= s->breath_fed)
            break; /* none under way, or those before are known */
        starts[n++] = b + origin;
        x = b + origin - 1;
    }
    for (int i = n - 1; i >= 0; i--)
        app_hr_breath(a, starts[i]);
    if (n > 0)
        s->breath_fed = starts[0];
}

void pacer_advance(app *a)
{
    struct pacer_st *s = ST(a);
    gw_ns t = tb_elapsed(&a->clock, a->now);
    pacer_run_opts o = { .cues = a->sound && !a->clock.paused, .counts = s->speak };
    pacer_event ev[RES_EVENTS_MAX];
    bool res = pacer_resonance(a);
    int n = res ? res_run_update(&s->res, &s->run, t, &o, ev) : pacer_run_update(&s->run, t, &o, ev);
    for (int k; res && (k = res_run_block_ended(&s->res)) >= 0;) /* measured as each ends */
        app_hr_block(a, k, s->res.start[k], s->res.start[k + 1], res_pattern_rate(&s->res.block[k]));
    pacer_breaths(a, res, t);
    app_hr_advance(a, t);
    for (int i = 0; i < n; i++) {
        const pacer_event *e = &ev[i];
        switch (e->type) {
        case PACER_EV_PHASE:
            pacer_phase(a, e);
            break;
        case PACER_EV_COUNT: {
            char num[16];
            snprintf(num, sizeof num, "%d", e->count);
            pacer_say(a, num);
            break;
        }
        case PACER_EV_CUE: /* on the audio module's sample clock, so it starts on the exact sample */
            sound_cue_at(a->sound, pacer_cue_for(e->kind), a->now + e->ahead, a->now);
            break;
        case PACER_EV_DONE:
            if (res && a->ex_active)
                app_hr_finish(a); /* before the end, which keeps the result in the log */
            app_end_exercise(a, true);
            break;
        }
    }
}
