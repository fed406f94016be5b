/* present_controls: what the therapist's controls do. Controls the client's exercise
 * already has (pause, longer, shorter, style, mute, next, previous) keep their widget
 * ids and are handled by the exercise's scene; the panel's own are prefixed "ctl-"
 * (its pages at large text "ctl-page:next"/"ctl-page:previous", the control window's
 * list of exercises "ctl-list:next"/"ctl-list:previous"; the resonance assessment's rate
 * into the plan "ctl-res-plan"). Tailoring (groups, tension),
 * the take-home plan and its note live in the mode's state (present.h); keys reach the
 * controls through app_press, so each is traced as a press. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/present.h"
#include "core/i18n.h"

void present_panel_init(app *a, const char *plan_dir)
{
    struct present_st *p = present_st(a);
    snprintf(p->plan_dir, sizeof p->plan_dir, "%s", plan_dir ? plan_dir : "");
    plan_freq_preset(0, &p->pl.times_per_day, &p->pl.minutes);
}

static void ctl_trace_on(app *a, const char *event, const char *field, bool on)
{
    trace_begin(a->tr, a->now, event);
    trace_bool(a->tr, field, on);
    trace_end(a->tr);
}

static void ctl_msg(app *a, const char *fmt, const char *arg)
{
    snprintf(present_st(a)->msg, sizeof present_st(a)->msg, fmt, arg);
}

/* ---- actions -------------------------------------------------------------- */
static void ctl_change_cycles(app *a, int d)
{
    if (!exercise_paced(a->ex) || !a->ex_active)
        return;
    const breath_state *bs = pacer_breath(a);
    int n = breath_total_cycles(pacer_pattern(a)) + d;
    int floor_n = bs->stage == BREATH_STAGE_BREATHING ? bs->cycle + 1 : 1;
    if (n < floor_n)
        n = floor_n;
    breath_pattern p = *pacer_pattern(a);
    p.cycles = n;
    p.session_ns = 0;
    if (n > 1000 || breath_check(&p) || (p.ramp_from_bpm <= 0 && breath_total(&p) > GW_SEC(7200)))
        return;
    pacer_set_pattern(a, &p);
    trace_begin(a->tr, a->now, "cycles");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "cycles", n);
    trace_end(a->tr);
}

static void ctl_restart(app *a)
{
    if (!a->ex)
        return;
    if (app_showing(a, SCENE_GUIDED)) {
        a->scene->activate(a, "restart");
        return;
    }
    breath_pattern keep = *pacer_pattern(a);  /* the tailored pace survives a restart */
    const exercise *e = a->ex;
    if (app_start_exercise(a, e->id) && exercise_paced(e))
        pacer_set_pattern(a, &keep);
}

static plan_item ctl_current_item(const app *a)
{
    plan_item it = { .src = a->ex, .pattern = *pacer_pattern(a) };
    if (a->ex && a->ex->kind == EX_GUIDED) {
        it.drop_regions = present_st(a)->drop_regions;
        it.release_only = present_st(a)->release_only;
    }
    return it;
}

static bool ctl_add_to_plan(app *a)
{
    if (!a->ex)
        return false;
    plan_item it = ctl_current_item(a);
    if (!plan_put(&present_st(a)->pl, &it)) {
        ctl_msg(a, _("The plan is full (%s exercises)."), "8");
        return false;
    }
    trace_begin(a->tr, a->now, "plan_add");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "count", present_st(a)->pl.n);
    trace_end(a->tr);
    ctl_msg(a, _("Added to the plan: %s"), app_text(a, &a->ex->title));
    return true;
}

/* The resonance assessment's result into the plan: its breathing exercise (the one the
 * assessment names for practice) paced at the rate found, in its own proportions and
 * for its own length. */
static void ctl_resonance_to_plan(app *a)
{
    double rate = app_hr_chosen_rate(a);
    const exercise *e = a->ex && a->ex->kind == EX_RESONANCE && a->ex->res_practice && a->packs
                            ? pack_set_find(a->packs, a->ex->res_practice)
                            : NULL;
    if (!(rate > 0) || !e || !exercise_paced(e))
        return;
    plan_item it = { .src = e, .pattern = e->breath };
    pacer_pattern_at_rate(&it.pattern, rate);
    if (!plan_put(&present_st(a)->pl, &it)) {
        ctl_msg(a, _("The plan is full (%s exercises)."), "8");
        return;
    }
    trace_begin(a->tr, a->now, "plan_add");
    trace_str(a->tr, "exercise", e->id);
    trace_int(a->tr, "count", present_st(a)->pl.n);
    trace_num(a->tr, "rate_bpm", rate);
    trace_end(a->tr);
    char r[16], m[160];
    app_hr_rate_text(r, sizeof r, rate, true);
    snprintf(m, sizeof m, _("Added to the plan: %s at %s breaths a minute"), app_text(a, &e->title), r);
    ctl_msg(a, "%s", m);
}

static void ctl_save_plan(app *a)
{
    struct present_st *p = present_st(a);
    if (a->ex) {
        bool listed = false;
        for (int i = 0; i < p->pl.n; i++)
            listed |= p->pl.item[i].src == a->ex;
        if (!listed || a->ex == p->tail_ex)  /* the latest tailoring of what is on screen */
            ctl_add_to_plan(a);
    }
    char iso[32];
    app_wall_iso(a, iso, sizeof iso);
    snprintf(p->pl.id, sizeof p->pl.id, "plan-%.10s", iso);
    snprintf(p->pl.note, sizeof p->pl.note, "%s", p->note);
    if (!p->plan_dir[0]) {
        const char *home = getenv("HOME");
        snprintf(p->plan_dir, sizeof p->plan_dir, "%s/groundwork-plan-%.10s", home && *home ? home : ".", iso);
    }
    char err[512] = "";
    bool ok = plan_write(&p->pl, p->plan_dir, err, sizeof err);
    trace_begin(a->tr, a->now, "plan_saved");
    trace_bool(a->tr, "ok", ok);
    trace_int(a->tr, "exercises", p->pl.n);
    trace_str(a->tr, "dir", p->plan_dir);
    trace_end(a->tr);
    if (ok) {
        char dir[PATH_MAX + 8];
        ctl_msg(a, _("Plan saved in %s"), i18n_ltr(dir, sizeof dir, p->plan_dir));
    } else {
        char m[600];
        snprintf(m, sizeof m, _("The plan was not saved: %s"), err);
        app_error(a, m);
        ctl_msg(a, "%.480s", m);
    }
}

static void ctl_toggle_group(app *a, const char *rid)
{
    struct present_st *p = present_st(a);
    if (!a->ex || a->ex->kind != EX_GUIDED)
        return;
    for (int i = 0; i < a->ex->nregion && i < 64; i++)
        if (!strcmp(a->ex->region[i].id, rid)) {
            p->drop_regions ^= 1ull << i;
            trace_begin(a->tr, a->now, "plan_group");
            trace_str(a->tr, "region", rid);
            trace_bool(a->tr, "included", !((p->drop_regions >> i) & 1u));
            trace_end(a->tr);
        }
}

bool present_panel_activate(app *a, const char *w)
{
    struct present_st *p = present_st(a);
    if (!strcmp(w, "help-keys") || !strcmp(w, "ctl-help-close")) {
        bool open = !strcmp(w, "help-keys") ? !p->help : false;
        /* the key list is read from its first page; closed, the panel is back where it was */
        if (open && !p->help) {
            p->page_before_help = p->page;
            p->page = 0;
        } else if (!open && p->help) {
            p->page = p->page_before_help;
        }
        p->help = open;
    } else if (!strcmp(w, "ctl-blank")) {
        p->blank = !p->blank;
        ctl_trace_on(a, "blank", "on", p->blank);
    } else if (!strcmp(w, "ctl-captions")) {
        p->captions_off = !p->captions_off;
        ctl_trace_on(a, "captions", "shown", !p->captions_off);
    } else if (!strcmp(w, "ctl-restart")) {
        ctl_restart(a);
    } else if (!strcmp(w, "ctl-cycles-up") || !strcmp(w, "ctl-cycles-down")) {
        ctl_change_cycles(a, !strcmp(w, "ctl-cycles-up") ? 1 : -1);
    } else if (!strcmp(w, "ctl-tension")) {
        p->release_only = !p->release_only;
        ctl_trace_on(a, "plan_tension", "tension", !p->release_only);
    } else if (!strncmp(w, "ctl-group:", 10)) {
        ctl_toggle_group(a, w + 10);
    } else if (!strcmp(w, "ctl-freq")) {
        p->freq = (p->freq + 1) % PLAN_FREQ_COUNT;
        plan_freq_preset(p->freq, &p->pl.times_per_day, &p->pl.minutes);
    } else if (!strcmp(w, "ctl-note")) {
        p->editing_note = !p->editing_note;
    } else if (!strcmp(w, "ctl-add-plan")) {
        ctl_add_to_plan(a);
    } else if (!strcmp(w, "ctl-res-plan")) {
        ctl_resonance_to_plan(a);
    } else if (!strcmp(w, "ctl-save-plan")) {
        ctl_save_plan(a);
    } else if (!strncmp(w, "ctl-start:", 10)) {
        app_choose_exercise(a, w + 10);
    } else if (!strncmp(w, "ctl-page:", 9) || !strncmp(w, "ctl-list:", 9)) {
        present_turn_pages(a, w);
    } else if (!strcmp(w, "ctl-panel")) {
        /* the panel itself: taps on it do not reach the client view */
    } else {
        return false;
    }
    return true;
}

/* ---- keys ----------------------------------------------------------------- */
static bool ctl_note_key(app *a, const gw_event *e)
{
    struct present_st *p = present_st(a);
    if (e->type == EV_TEXT && p->opened_by[0]) {
        /* the text of the very key that opened the note (SDL sends E, then "e") */
        bool same = !strcasecmp(e->text, p->opened_by);
        p->opened_by[0] = 0;
        if (same)
            return true;
    }
    if (e->type != EV_TEXT)
        p->opened_by[0] = 0;
    if (e->type == EV_TEXT) {
        size_t k = strlen(p->note);
        for (const char *s = e->text; *s; s++) {
            unsigned char c = (unsigned char)*s;
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xC0))
                continue;
            int len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (k + (size_t)len + 1 > sizeof p->note || (int)strnlen(s, (size_t)len) < len)
                break;
            memcpy(p->note + k, s, (size_t)len);
            k += (size_t)len;
            p->note[k] = 0;
            s += len - 1;
        }
        return true;
    }
    if (e->type != EV_KEY)
        return false;
    if (!strcmp(e->key, "Backspace")) {
        size_t n = strlen(p->note);
        while (n > 0 && ((unsigned char)p->note[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            p->note[n - 1] = 0;
    } else if (!strcmp(e->key, "Return") || !strcmp(e->key, "Escape")) {
        p->editing_note = false;
    }
    return true;  /* no shortcut fires while the note is being typed */
}

bool present_panel_key(app *a, const gw_event *e)
{
    struct present_st *p = present_st(a);
    if (p->editing_note)
        return ctl_note_key(a, e);
    if (e->type != EV_KEY)
        return false;
    const char *k = e->key;
    bool ctrl = e->mods & GW_MOD_CTRL;
    if (p->help && !strcmp(k, "Escape")) {
        present_panel_activate(a, "ctl-help-close");
        return true;
    }
    static const char *const MAP[][2] = {
        { "B", "ctl-blank" },  { "C", "ctl-captions" }, { "N", "next" },        { "P", "previous" },
        { "R", "ctl-restart" }, { "]", "ctl-cycles-up" }, { "[", "ctl-cycles-down" },
        { "T", "ctl-tension" }, { "A", "ctl-add-plan" }, { "F", "ctl-freq" },   { "E", "ctl-note" },
        { "F1", "help-keys" },  { "?", "help-keys" },   { "Space", "pause" },
    };
    if (ctrl && !strcmp(k, "S")) {
        present_show_page_of(a, "ctl-save-plan");
        return app_press(a, "ctl-save-plan");
    }
    if (ctrl)
        return false;
    if (!strcmp(k, "/") && (e->mods & GW_MOD_SHIFT))
        return app_press(a, "help-keys");
    for (size_t i = 0; i < sizeof MAP / sizeof *MAP; i++)
        if (!strcmp(k, MAP[i][0])) {
            if (!strncmp(MAP[i][1], "ctl-", 4))
                present_show_page_of(a, MAP[i][1]); /* a control on another page of the panel */
            bool was = p->editing_note;
            bool pressed = app_press(a, MAP[i][1]); /* not on screen now: the scene may have the key */
            if (pressed && !was && p->editing_note && strlen(k) < sizeof p->opened_by)
                memcpy(p->opened_by, k, strlen(k) + 1);
            return pressed;
        }
    return false;
}

