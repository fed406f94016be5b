/* present_panel: the therapist's controls in present mode. On one display the panel is
 * drawn over the client view and fades after a few seconds without input; the second
 * window (app_draw_control) shows it in full. Controls the client's exercise already
 * has (pause, longer, shorter, style, mute, next, previous) keep their widget ids and
 * are handled by the exercise's scene; the panel's own are prefixed "ctl-". Tailoring
 * (groups, tension) and the plan live in a->present. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

#define FADE_AFTER GW_SEC(4)

static const char *const KEYS[][2] = {
    { "Space", "pause or resume" },     { "N / P", "next / previous step" },
    { "R", "restart the exercise" },    { "Up / Down", "phases longer / shorter" },
    { "] / [", "one breath more / fewer" }, { "S", "pacer style" },
    { "M", "mute" },                    { "B", "blank the client's screen" },
    { "C", "captions and counts" },     { "T", "tension steps on or off" },
    { "A", "add the exercise to the plan" }, { "F", "practice frequency" },
    { "E", "write the note" },          { "Ctrl+S", "save the plan" },
    { "F1 or ?", "this list" },
};

/* ---- state ---------------------------------------------------------------- */
void present_panel_init(app *a, const char *plan_dir)
{
    snprintf(a->present.plan_dir, sizeof a->present.plan_dir, "%s", plan_dir ? plan_dir : "");
    plan_freq_preset(0, &a->present.pl.times_per_day, &a->present.pl.minutes);
}

static bool faded(const app *a)
{
    return !a->present.help && !a->present.editing_note && a->now - a->last_input >= FADE_AFTER;
}

static bool in_exercise(const app *a)
{
    return a->ex && (a->scene == &scene_pacer || a->scene == &scene_guided || a->scene == &scene_prompts);
}

static void trace_on(app *a, const char *event, const char *field, bool on)
{
    trace_begin(a->tr, a->now, event);
    trace_bool(a->tr, field, on);
    trace_end(a->tr);
}

static void msg(app *a, const char *fmt, const char *arg)
{
    snprintf(a->present.msg, sizeof a->present.msg, fmt, arg);
}

/* ---- actions -------------------------------------------------------------- */
static void change_cycles(app *a, int d)
{
    if (!a->ex || a->ex->kind != EX_BREATHING || !a->ex_active)
        return;
    int n = breath_total_cycles(&a->pattern) + d;
    int floor_n = a->bs.stage == BREATH_STAGE_BREATHING ? a->bs.cycle + 1 : 1;
    if (n < floor_n)
        n = floor_n;
    breath_pattern p = a->pattern;
    p.cycles = n;
    p.session_ns = 0;
    if (n > 1000 || breath_check(&p) || (p.ramp_from_bpm <= 0 && breath_total(&p) > GW_SEC(7200)))
        return;
    a->pattern = p;
    trace_begin(a->tr, a->now, "cycles");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "cycles", n);
    trace_end(a->tr);
}

static void restart(app *a)
{
    if (!a->ex)
        return;
    if (a->scene == &scene_guided) {
        a->scene->activate(a, "restart");
        return;
    }
    breath_pattern keep = a->pattern;  /* the tailored pace survives a restart */
    const exercise *e = a->ex;
    if (app_start_exercise(a, e->id) && e->kind == EX_BREATHING)
        a->pattern = keep;
}

static plan_item current_item(const app *a)
{
    plan_item it = { .src = a->ex, .pattern = a->pattern };
    if (a->ex && a->ex->kind == EX_GUIDED) {
        it.drop_regions = a->present.drop_regions;
        it.release_only = a->present.release_only;
    }
    return it;
}

static bool add_to_plan(app *a)
{
    if (!a->ex)
        return false;
    plan_item it = current_item(a);
    if (!plan_put(&a->present.pl, &it)) {
        msg(a, _("The plan is full (%s exercises)."), "8");
        return false;
    }
    trace_begin(a->tr, a->now, "plan_add");
    trace_str(a->tr, "exercise", a->ex->id);
    trace_int(a->tr, "count", a->present.pl.n);
    trace_end(a->tr);
    msg(a, _("Added to the plan: %s"), app_text(a, &a->ex->title));
    return true;
}

static void save_plan(app *a)
{
    struct app_present *p = &a->present;
    if (a->ex) {
        bool listed = false;
        for (int i = 0; i < p->pl.n; i++)
            listed |= p->pl.item[i].src == a->ex;
        if (!listed || a->ex == p->tail_ex)  /* the latest tailoring of what is on screen */
            add_to_plan(a);
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
        msg(a, _("Plan saved in %s"), p->plan_dir);
    } else {
        char m[600];
        snprintf(m, sizeof m, _("The plan was not saved: %s"), err);
        app_error(a, m);
        msg(a, "%.480s", m);
    }
}

static void toggle_group(app *a, const char *rid)
{
    if (!a->ex || a->ex->kind != EX_GUIDED)
        return;
    for (int i = 0; i < a->ex->nregion && i < 64; i++)
        if (!strcmp(a->ex->region[i].id, rid)) {
            a->present.drop_regions ^= 1ull << i;
            trace_begin(a->tr, a->now, "plan_group");
            trace_str(a->tr, "region", rid);
            trace_bool(a->tr, "included", !((a->present.drop_regions >> i) & 1u));
            trace_end(a->tr);
        }
}

bool present_panel_activate(app *a, const char *w)
{
    struct app_present *p = &a->present;
    if (!strcmp(w, "help-keys") || !strcmp(w, "ctl-help-close")) {
        p->help = !strcmp(w, "help-keys") ? !p->help : false;
    } else if (!strcmp(w, "ctl-blank")) {
        p->blank = !p->blank;
        trace_on(a, "blank", "on", p->blank);
    } else if (!strcmp(w, "ctl-captions")) {
        p->captions_off = !p->captions_off;
        trace_on(a, "captions", "shown", !p->captions_off);
    } else if (!strcmp(w, "ctl-restart")) {
        restart(a);
    } else if (!strcmp(w, "ctl-cycles-up") || !strcmp(w, "ctl-cycles-down")) {
        change_cycles(a, !strcmp(w, "ctl-cycles-up") ? 1 : -1);
    } else if (!strcmp(w, "ctl-tension")) {
        p->release_only = !p->release_only;
        trace_on(a, "plan_tension", "tension", !p->release_only);
    } else if (!strncmp(w, "ctl-group:", 10)) {
        toggle_group(a, w + 10);
    } else if (!strcmp(w, "ctl-freq")) {
        p->freq = (p->freq + 1) % PLAN_FREQ_COUNT;
        plan_freq_preset(p->freq, &p->pl.times_per_day, &p->pl.minutes);
    } else if (!strcmp(w, "ctl-note")) {
        p->editing_note = !p->editing_note;
    } else if (!strcmp(w, "ctl-add-plan")) {
        add_to_plan(a);
    } else if (!strcmp(w, "ctl-save-plan")) {
        save_plan(a);
    } else if (!strncmp(w, "ctl-start:", 10)) {
        app_start_exercise(a, w + 10);
    } else if (!strcmp(w, "ctl-panel")) {
        /* the panel itself: taps on it do not reach the client view */
    } else {
        return false;
    }
    return true;
}

/* ---- keys ----------------------------------------------------------------- */
static bool note_key(app *a, const gw_event *e)
{
    struct app_present *p = &a->present;
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
    if (a->present.editing_note)
        return note_key(a, e);
    if (e->type != EV_KEY)
        return false;
    const char *k = e->key;
    bool ctrl = e->mods & GW_MOD_CTRL;
    if (a->present.help && !strcmp(k, "Escape")) {
        a->present.help = false;
        return true;
    }
    static const char *const MAP[][2] = {
        { "B", "ctl-blank" },  { "C", "ctl-captions" }, { "N", "next" },        { "P", "previous" },
        { "R", "ctl-restart" }, { "]", "ctl-cycles-up" }, { "[", "ctl-cycles-down" },
        { "T", "ctl-tension" }, { "A", "ctl-add-plan" }, { "F", "ctl-freq" },   { "E", "ctl-note" },
        { "F1", "help-keys" },  { "?", "help-keys" },   { "Space", "pause" },
    };
    if (ctrl && !strcmp(k, "S"))
        return app_press(a, "ctl-save-plan");
    if (ctrl)
        return false;
    if (!strcmp(k, "/") && (e->mods & GW_MOD_SHIFT))
        return app_press(a, "help-keys");
    for (size_t i = 0; i < sizeof MAP / sizeof *MAP; i++)
        if (!strcmp(k, MAP[i][0]))
            return app_press(a, MAP[i][1]);  /* not on screen now: the scene may have the key */
    return false;
}

/* ---- drawing -------------------------------------------------------------- */
typedef struct lay {
    const app *a;
    draw_list *l;
    float x, y, w, u, row;
} lay;

static void btn(lay *L, const char *id, gw_rect r, const char *label, bool on)
{
    const theme *t = L->a->th;
    float u = L->u;
    draw_rect(L->l, r, r.h * 0.3f, on ? t->accent : t->surface_hi);
    draw_text(L->l, gw_rc(r.x + 6 * u, r.y, r.w - 12 * u, r.h), label, (int)lroundf(17 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), on ? t->bg : t->text);
    draw_widget_add(L->l, id, r, false);
}

/* A row of n equal buttons. */
static void row(lay *L, int n, const char *const *ids, const char *const *labels, const bool *on)
{
    float gap = 8 * L->u, bw = (L->w - gap * (float)(n - 1)) / (float)n;
    for (int i = 0; i < n; i++)
        if (ids[i])
            btn(L, ids[i], gw_rc(L->x + (float)i * (bw + gap), L->y, bw, L->row), labels[i], on && on[i]);
    L->y += L->row + gap;
}

static void heading(lay *L, const char *text)
{
    draw_text(L->l, gw_rc(L->x, L->y, L->w, 26 * L->u), text, (int)lroundf(16 * L->u),
              VALIGN_MIDDLE | TEXT_FIT, L->a->th->text_dim);
    L->y += 28 * L->u;
}

static void exercise_controls(lay *L)
{
    const app *a = L->a;
    char title[96];
    snprintf(title, sizeof title, "%s", app_text(a, &a->ex->title));
    heading(L, title);
    const char *pause = a->clock.paused ? _("Resume") : _("Pause");
    if (a->ex->kind == EX_BREATHING) {
        char cyc[48];
        snprintf(cyc, sizeof cyc, _("%d breaths"), breath_total_cycles(&a->pattern));
        row(L, 2, (const char *[]){ "pause", "ctl-restart" }, (const char *[]){ pause, _("Restart") }, NULL);
        row(L, 2, (const char *[]){ "shorter", "longer" }, (const char *[]){ _("Shorter"), _("Longer") }, NULL);
        row(L, 3, (const char *[]){ "ctl-cycles-down", NULL, "ctl-cycles-up" },
            (const char *[]){ _("Fewer"), "", _("More") }, NULL);
        draw_text(L->l, gw_rc(L->x, L->y - L->row - 8 * L->u, L->w, L->row), cyc, (int)lroundf(17 * L->u),
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, a->th->text);
        row(L, 2, (const char *[]){ "style", "mute" },
            (const char *[]){ _("Style"), a->muted ? _("Unmute") : _("Mute") }, (const bool[]){ false, a->muted });
    } else {
        if (a->ex->kind == EX_GUIDED)
            row(L, 4, (const char *[]){ "previous", "next", "pause", "ctl-restart" },
                (const char *[]){ _("Prev."), _("Next"), pause, _("Restart") }, NULL);
        else
            row(L, 3, (const char *[]){ "previous", "next", "ctl-restart" },
                (const char *[]){ _("Previous"), _("Next"), _("Restart") }, NULL);
    }
    if (a->ex->kind == EX_GUIDED && a->ex == a->present.tail_ex) {
        row(L, 1, (const char *[]){ "ctl-tension" },
            (const char *[]){ a->present.release_only ? _("Tension: off (release only)") : _("Tension: on") },
            (const bool[]){ !a->present.release_only });
        /* the groups the plan keeps: small chips, three to a row */
        int used[64] = { 0 }, nused = 0;
        for (int i = 0; i < a->ex->nstep; i++) {
            int r = a->ex->step[i].region;
            if (r < 0 || r >= a->ex->nregion || r >= 64)
                continue;
            bool seen = false;
            for (int k = 0; k < nused; k++)
                seen |= used[k] == r;
            if (!seen)
                used[nused++] = r;
        }
        float gap = 5 * L->u, ch = 28 * L->u, cw = (L->w - 2 * gap) / 3;
        for (int k = 0; k < nused; k++) {
            char id[DRAW_WIDGET_ID_MAX];
            snprintf(id, sizeof id, "ctl-group:%s", a->ex->region[used[k]].id);
            gw_rect r = gw_rc(L->x + (float)(k % 3) * (cw + gap), L->y + (float)(k / 3) * (ch + gap), cw, ch);
            bool in = !((a->present.drop_regions >> used[k]) & 1u);
            const theme *t = a->th;
            draw_rect(L->l, r, ch * 0.3f, in ? t->accent : t->surface_hi);
            draw_text(L->l, gw_rc(r.x + 4 * L->u, r.y, r.w - 8 * L->u, r.h), app_text(a, &a->ex->region[used[k]].name),
                      (int)lroundf(13 * L->u), VALIGN_MIDDLE | TEXT_FIT, in ? t->bg : t->text_dim);
            draw_widget_add(L->l, id, r, false);
        }
        if (nused)
            L->y += (float)((nused + 2) / 3) * (ch + gap) + 2 * L->u;
    }
}

static void help_list(lay *L)
{
    const theme *t = L->a->th;
    heading(L, _("Keys"));
    float lh = 24 * L->u;
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++) {
        draw_text(L->l, gw_rc(L->x, L->y, L->w * 0.3f, lh), KEYS[i][0], (int)lroundf(16 * L->u),
                  VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
        draw_text(L->l, gw_rc(L->x + L->w * 0.32f, L->y, L->w * 0.68f, lh), _(KEYS[i][1]), (int)lroundf(16 * L->u),
                  VALIGN_MIDDLE | TEXT_FIT, t->text);
        L->y += lh;
    }
    L->y += 8 * L->u;
    row(L, 1, (const char *[]){ "ctl-help-close" }, (const char *[]){ _("Close") }, NULL);
}

/* The control window's right side: where the client is (the timeline) and every
 * exercise, to start one on the client's screen. */
static void control_side(const app *a, draw_list *l, gw_rect area)
{
    const theme *t = a->th;
    float u = app_unit(a);
    char line[160];
    if (a->ex && a->ex_active && a->ex->kind == EX_BREATHING) {
        char rem[32];
        ui_clock(rem, sizeof rem, gw_seconds(a->bs.remaining));
        snprintf(line, sizeof line, _("%s: breath %d of %d, %s left%s"), app_text(a, &a->ex->title),
                 a->bs.stage == BREATH_STAGE_LEAD_IN ? 1 : a->bs.cycle + 1, a->bs.total_cycles, rem,
                 a->clock.paused ? _(" (paused)") : "");
    } else if (a->ex && a->ex_active) {
        int n = a->ex->kind == EX_GUIDED ? a->ex->nstep : a->ex->nprompt;
        int i = a->step;
        snprintf(line, sizeof line, _("%s: step %d of %d"), app_text(a, &a->ex->title), i + 1, n);
    } else {
        snprintf(line, sizeof line, "%s", _("The client sees the library."));
    }
    draw_text(l, gw_rc(area.x, area.y, area.w, 30 * u), _("Client screen"), (int)lroundf(16 * u),
              VALIGN_MIDDLE, t->text_dim);
    draw_text(l, gw_rc(area.x, area.y + 30 * u, area.w, 40 * u), line, (int)lroundf(20 * u),
              VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), a->present.blank ? t->text_dim : t->text);
    float y = area.y + 86 * u, gap = 8 * u, bh = 40 * u, bw = (area.w - gap) / 2;
    draw_text(l, gw_rc(area.x, y, area.w, 28 * u), _("Start an exercise"), (int)lroundf(16 * u), VALIGN_MIDDLE,
              t->text_dim);
    y += 30 * u;
    int n = a->packs ? pack_set_exercise_count(a->packs) : 0;
    for (int i = 0; i < n; i++) {
        const exercise *e = pack_set_exercise_at(a->packs, i);
        gw_rect r = gw_rc(area.x + (float)(i % 2) * (bw + gap), y + (float)(i / 2) * (bh + gap), bw, bh);
        if (r.y + r.h > area.y + area.h)
            break;
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "ctl-start:%s", e->id);
        bool on = a->ex == e && a->ex_active;
        draw_rect(l, r, r.h * 0.3f, on ? t->accent : t->surface);
        draw_text(l, gw_rc(r.x + 12 * u, r.y, r.w - 24 * u, r.h), app_text(a, &e->title), (int)lroundf(16 * u),
                  VALIGN_MIDDLE | TEXT_FIT, on ? t->bg : t->text);
        draw_widget_add(l, id, r, false);
    }
}

void present_panel_draw(const app *a, draw_list *l, bool full)
{
    if (!full && (faded(a) || a->present.two_windows))
        return;
    if (full) {
        float u = app_unit(a), x = 24 * u + fminf((float)a->w - 48 * u, 520 * u) + 32 * u;
        if ((float)a->w - x > 200 * u)
            control_side(a, l, gw_rc(x, 32 * u, (float)a->w - x - 24 * u, (float)a->h - 56 * u));
    }
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float pw = full ? fminf(W - 48 * u, 520 * u) : 340 * u, pad = 16 * u;
    gw_rect panel = full ? gw_rc(24 * u, 24 * u, pw, H - 48 * u) : gw_rc(W - pw - 16 * u, 92 * u, pw, H - 104 * u);
    lay L = { a, l, panel.x + pad, panel.y + pad, pw - 2 * pad, u, 36 * u };
    /* measure first (a dry run into a scratch list), so the panel is only as tall as
     * what it holds */
    draw_list scratch = { 0 };
    draw_begin(&scratch, a->w, a->h, t->bg);
    lay M = L;
    M.l = &scratch;
    const struct app_present *p = &a->present;
    for (int pass = 0; pass < 2; pass++) {
        lay *C = pass ? &L : &M;
        if (pass) {
            float h = fminf(M.y - panel.y + pad, panel.h);
            gw_rect bg = gw_rc(panel.x, panel.y, panel.w, h);
            gw_color sc = t->surface;  /* opaque: the client view must not show through */
            draw_rect(l, bg, 18 * u, sc);
            draw_frame(l, bg, 18 * u, 2 * u, t->ring_track);
            draw_widget_add(l, "ctl-panel", bg, false);
        }
        if (p->help) {
            help_list(C);
            continue;
        }
        draw_text(C->l, gw_rc(C->x, C->y, C->w * 0.6f, 30 * u), _("Therapist controls"), (int)lroundf(19 * u),
                  VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
        btn(C, "help-keys", gw_rc(C->x + C->w - 92 * u, C->y, 92 * u, 30 * u), _("Keys (F1)"), false);
        C->y += 38 * u;
        if (in_exercise(a))
            exercise_controls(C);
        heading(C, _("Client screen"));
        row(C, 2, (const char *[]){ "ctl-blank", "ctl-captions" },
            (const char *[]){ p->blank ? _("Show screen") : _("Blank screen"),
                              p->captions_off ? _("Show captions") : _("Hide captions") },
            (const bool[]){ p->blank, p->captions_off });
        char h[64];
        snprintf(h, sizeof h, _("Take-home plan (%d)"), p->pl.n);
        heading(C, h);
        char fq[64];
        snprintf(fq, sizeof fq, _("%d× a day, %d min"), p->pl.times_per_day, p->pl.minutes);
        if (a->ex)
            row(C, 2, (const char *[]){ "ctl-add-plan", "ctl-freq" }, (const char *[]){ _("Add to plan"), fq }, NULL);
        else
            row(C, 1, (const char *[]){ "ctl-freq" }, (const char *[]){ fq }, NULL);
        /* the note field */
        gw_rect nf = gw_rc(C->x, C->y, C->w, 56 * u);
        draw_rect(C->l, nf, 10 * u, t->bg);
        draw_frame(C->l, nf, 10 * u, 2 * u, p->editing_note ? t->focus : t->ring_track);
        char shown[PLAN_NOTE_MAX + 8];
        snprintf(shown, sizeof shown, "%s%s", p->note, p->editing_note ? "|" : "");
        draw_text(C->l, gw_rc(nf.x + 10 * u, nf.y, nf.w - 20 * u, nf.h), shown[0] ? shown : _("Note to the client…"),
                  (int)lroundf(16 * u), VALIGN_MIDDLE | TEXT_FIT, shown[0] ? t->text : t->text_dim);
        draw_widget_add(C->l, "ctl-note", nf, p->editing_note);
        C->y += nf.h + 8 * u;
        row(C, 1, (const char *[]){ "ctl-save-plan" }, (const char *[]){ _("Save plan") }, (const bool[]){ true });
        if (p->msg[0]) {
            draw_text(C->l, gw_rc(C->x, C->y, C->w, 40 * u), p->msg, (int)lroundf(14 * u),
                      VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
            C->y += 40 * u;
        }
    }
    if (scratch.oom) /* measured short: the caller reports it with the rest */
        l->oom = true;
    draw_free(&scratch);
}
