/* scene_prompts: prompt exercises (grounding): one step at a time, at the person's own
 * pace, in large calm text. A step may have dots to fill for things named (a tap
 * anywhere on the content, the "tally" widget or Space fills one), a gentle countdown
 * ring (steps marked auto-advance move on when it ends), a voice clip, and a hint.
 * The state machine is core/prompt.c; time is the exercise clock (pauses excluded).
 * At home (only) the person may type their name for {name} and a short note per step;
 * both stay in memory. Kiosk and present modes offer no text input at all.
 * Widget ids: back, next, previous, skip, tally, hint, note, note-save, name-field,
 * done, safety. Keys: Enter/Right/A next; Left/Backspace previous; Space fills a dot,
 * or moves on when there is none left to fill; H shows the hint; Escape leaves. While
 * typing: text goes into the field, Backspace deletes, Enter saves, Escape cancels. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "platform/plat_audio.h"

enum { EDIT_NONE, EDIT_NAME, EDIT_NOTE };

/* What stands for a name nobody gave: a blank the person fills aloud. */
#define NO_NAME "…"

/* Text input and anything personal only at home. */
static bool personal(const app *a) { return a->mode == &mode_home; }

static gw_ns elapsed(const app *a) { return tb_elapsed(&a->clock, a->now); }

const char *app_prompt_note(const app *a, int step)
{
    if (!a->ex || a->ex->kind != EX_PROMPTS || step < 0 || step >= APP_MAX_NOTES ||
        step >= a->ex->nprompt || !a->notes[step][0])
        return NULL;
    return a->notes[step];
}

static void play_voice(app *a, const prompt_step *p)
{
    const char *rel = app_text(a, &p->voice);
    if (!rel[0])
        return;
    char path[1024];
    const char *dir = a->ex->pack && a->ex->pack->dir ? a->ex->pack->dir : "";
    if (!paths_join(path, sizeof path, dir[0] ? dir : ".", rel))
        return;
    trace_begin(a->tr, a->now, "voice");
    trace_str(a->tr, "clip", rel);
    trace_end(a->tr);
    plat_audio_voice_play(a->audio, path, 0);
}

/* The run moved to a new step (or finished): trace it, start its voice. */
static void step_began(app *a)
{
    a->step = a->pr.step;
    a->tally = a->pr.tally;
    a->hint_shown = false;
    a->editing = EDIT_NONE;
    plat_audio_voice_stop(a->audio);
    if (prompt_finished(&a->pr)) {
        app_end_exercise(a, true);
        return;
    }
    app_trace_step(a, a->step);
    play_voice(a, prompt_current(&a->pr));
}

static void enter(app *a)
{
    memset(a->notes, 0, sizeof a->notes);
    a->editing = EDIT_NONE;
    char region[8];
    app_region(a, region, sizeof region);
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        prompt_format_date(a->date_text, sizeof a->date_text, &tm, a->lang, region);
    else
        snprintf(a->date_text, sizeof a->date_text, "%s", NO_NAME);
    prompt_start(&a->pr, a->ex->prompt, a->ex->nprompt, elapsed(a));
    step_began(a);
}

static void update(app *a)
{
    if (!a->ex_active || a->clock.paused)
        return;
    while (a->ex_active && prompt_update(&a->pr, elapsed(a)))
        step_began(a);
}

static gw_ns next_change(const app *a)
{
    if (!a->ex_active || a->clock.paused)
        return GW_NEVER;
    gw_ns el = elapsed(a);
    gw_ns at = prompt_next_change(&a->pr, el);
    return at == GW_NEVER ? GW_NEVER : a->now + (at - el);
}

/* ---- drawing ------------------------------------------------------------------ */

static const char *shown_name(const app *a)
{
    return personal(a) && a->person_name[0] ? a->person_name : NO_NAME;
}

static void draw_dots(const app *a, draw_list *l, int count, float cy)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w;
    float d = 64 * u, g = 30 * u;
    float x0 = W / 2 - ((float)count * d + (float)(count - 1) * g) / 2;
    for (int k = 0; k < count; k++) {
        float x = x0 + (float)k * (d + g) + d / 2;
        if (k < a->pr.tally)
            draw_circle(l, x, cy, d / 2, t->accent);
        else
            draw_ring(l, x, cy, d / 2 - 2 * u, 4 * u, 0, 1, t->text_dim);
    }
}

static void draw_timer(const app *a, draw_list *l, float cy)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w;
    gw_ns el = elapsed(a);
    float r = 46 * u;
    float gone = prompt_timer_fraction(&a->pr, el);
    draw_ring(l, W / 2, cy, r, 6 * u, 0, 1, t->ring_track);
    if (gone < 1)
        draw_ring(l, W / 2, cy, r, 6 * u, gone, 1, t->accent);
    char left[32];
    ui_clock(left, sizeof left, gw_seconds(prompt_remaining(&a->pr, el)));
    draw_text(l, gw_rc(W / 2 - r, cy - r, 2 * r, 2 * r), left, (int)lroundf(24 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text);
    if (gone >= 1)
        draw_text(l, gw_rc(0, cy + r + 8 * u, W, 32 * u), _("Move on when you are ready."),
                  (int)lroundf(20 * u), ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
}

/* A one-line text field: its content or a placeholder, a caret while typing. */
static void draw_field(const app *a, draw_list *l, const char *id, gw_rect r, const char *value,
                       const char *placeholder, bool typing)
{
    const theme *t = a->th;
    float u = app_unit(a);
    draw_rect(l, r, 14 * u, t->surface);
    draw_frame(l, r, 14 * u, (typing ? 3 : 2) * u, typing ? t->accent : t->surface_hi);
    char shown[APP_NOTE_MAX + 4];
    snprintf(shown, sizeof shown, "%s%s", value, typing ? "|" : "");
    bool empty = !value[0] && !typing;
    draw_text(l, gw_rc(r.x + 20 * u, r.y, r.w - 40 * u, r.h), empty ? placeholder : shown,
              (int)lroundf(24 * u), VALIGN_MIDDLE | TEXT_FIT, empty ? t->text_dim : t->text);
    draw_widget_add(l, id, r, false);
}

static void draw(const app *a, draw_list *l)
{
    const theme *t = a->th;
    const exercise *e = a->ex;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float bar = ui_top_bar(a, l, app_text(a, &e->title));
    int n = e->nprompt;
    if (!a->ex_active || prompt_finished(&a->pr)) {
        ui_closing(a, l, bar + (H - bar) / 2 - 40 * u);
        return;
    }
    const prompt_step *p = prompt_current(&a->pr);
    float foot = H - 100 * u;  /* top of the bottom row of buttons */

    /* the whole content area counts a dot, or moves on; controls drawn later sit on top */
    draw_widget_add(l, prompt_wants_tally(&a->pr) ? "tally" : "next",
                    gw_rc(0, bar, W, foot - 12 * u - bar), false);

    char pos[64];
    snprintf(pos, sizeof pos, _("Step %d of %d"), a->pr.step + 1, n);
    draw_text(l, gw_rc(40 * u, bar, W - 80 * u, 32 * u), pos, (int)lroundf(20 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    draw_text(l, gw_rc(40 * u, bar + 38 * u, W - 80 * u, 60 * u), app_text(a, &p->title),
              (int)lroundf(40 * u), ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->accent);

    const char *src = app_text(a, &p->text);
    char text[1024];
    prompt_expand(text, sizeof text, src, a->date_text, shown_name(a));
    float tw = fminf(W - 160 * u, 1000 * u);
    draw_text(l, gw_rc((W - tw) / 2, bar + 112 * u, tw, 190 * u), text, (int)lroundf(32 * u),
              ALIGN_CENTER | VALIGN_TOP, t->text);

    float fy = bar + 350 * u;  /* centre of the dots, timer or field */
    float fw = fminf(W - 160 * u, 640 * u), fh = 64 * u;
    if (a->editing == EDIT_NOTE) {
        draw_text(l, gw_rc((W - fw) / 2, fy - fh / 2 - 34 * u, fw, 30 * u),
                  _("Your note, for yourself only. Enter saves it."), (int)lroundf(20 * u),
                  VALIGN_MIDDLE, t->text_dim);
        draw_field(a, l, "note-field", gw_rc((W - fw) / 2, fy - fh / 2, fw - 150 * u, fh), a->edit_buf, "", true);
        ui_button(a, l, "note-save", gw_rc((W + fw) / 2 - 134 * u, fy - fh / 2, 134 * u, fh), _("Save"),
                  false, true);
    } else if (personal(a) && prompt_has_placeholder(src, "{name}")) {
        bool typing = a->editing == EDIT_NAME;
        draw_field(a, l, "name-field", gw_rc((W - fw) / 2, fy - fh / 2, fw, fh),
                   typing ? a->edit_buf : a->person_name, _("Tap to type your name (optional)"), typing);
    } else if (p->count > 0) {
        draw_dots(a, l, p->count, fy);
    } else if (p->timer > 0) {
        draw_timer(a, l, fy);
    }

    const char *hint = app_text(a, &p->hint);
    if (a->hint_shown && hint[0])
        draw_text(l, gw_rc((W - tw) / 2, foot - 92 * u, tw, 76 * u), hint, (int)lroundf(24 * u),
                  ALIGN_CENTER | VALIGN_BOTTOM, t->text_dim);
    else if (a->pr.step < APP_MAX_NOTES && a->notes[a->pr.step][0] && a->editing != EDIT_NOTE) {
        char saved[APP_NOTE_MAX + 64];
        snprintf(saved, sizeof saved, _("Your note: %s"), a->notes[a->pr.step]);
        draw_text(l, gw_rc((W - tw) / 2, foot - 60 * u, tw, 44 * u), saved, (int)lroundf(20 * u),
                  ALIGN_CENTER | VALIGN_BOTTOM | TEXT_FIT, t->text_dim);
    }

    /* bottom row: hint and note on the left, previous and next in the middle, skip right */
    float bw = 220 * u, bh = 64 * u, sw = 150 * u, sh = 52 * u, pad = 24 * u;
    float sy = foot + (bh - sh) / 2;
    float lx = pad;
    if (hint[0]) {
        ui_button(a, l, "hint", gw_rc(lx, sy, sw, sh), a->hint_shown ? _("Hide hint") : _("Hint"), false, false);
        lx += sw + 12 * u;
    }
    if (personal(a) && a->pr.step < APP_MAX_NOTES && lx + sw < W / 2 - bw - 16 * u)
        ui_button(a, l, "note", gw_rc(lx, sy, sw, sh),
                  a->notes[a->pr.step][0] ? _("Edit note") : _("Add note"), false, false);
    if (a->pr.step > 0)
        ui_button(a, l, "previous", gw_rc(W / 2 - bw - 12 * u, foot, bw, bh), _("Previous"), false, false);
    ui_button(a, l, "next", gw_rc(W / 2 + (a->pr.step > 0 ? 12 * u : -bw / 2), foot, bw, bh),
              a->pr.step + 1 < n ? _("Next") : _("Finish"), true, true);
    if (a->pr.step + 1 < n)
        ui_button(a, l, "skip", gw_rc(W - pad - sw, sy, sw, sh), _("Skip"), false, false);
}

/* ---- input -------------------------------------------------------------------- */

static void move(app *a, bool forward)
{
    bool moved = forward ? prompt_next(&a->pr, elapsed(a)) : prompt_prev(&a->pr, elapsed(a));
    if (moved)
        step_began(a);
}

static void start_editing(app *a, int what)
{
    if (!personal(a))
        return;
    a->editing = what;
    const char *from = what == EDIT_NAME ? a->person_name : a->notes[a->pr.step];
    snprintf(a->edit_buf, sizeof a->edit_buf, "%s", from);
}

static void save_editing(app *a)
{
    if (a->editing == EDIT_NAME) {
        /* typing stops at the name's size, so this never cuts a character */
        size_t k = strnlen(a->edit_buf, sizeof a->person_name - 1);
        memcpy(a->person_name, a->edit_buf, k);
        a->person_name[k] = '\0';
    } else if (a->editing == EDIT_NOTE && a->pr.step < APP_MAX_NOTES) {
        snprintf(a->notes[a->pr.step], APP_NOTE_MAX, "%s", a->edit_buf);
        trace_begin(a->tr, a->now, "note");
        trace_int(a->tr, "step", a->pr.step);
        trace_int(a->tr, "length", (int)strlen(a->notes[a->pr.step]));
        trace_end(a->tr);
    }
    a->editing = EDIT_NONE;
}

static void activate(app *a, const char *w)
{
    if (!strcmp(w, "back") || !strcmp(w, "done")) {
        plat_audio_voice_stop(a->audio);
        app_leave_exercise(a);
        return;
    }
    if (!a->ex_active)
        return;
    if (!strcmp(w, "next") || !strcmp(w, "skip")) {
        a->editing = EDIT_NONE;
        move(a, true);
    } else if (!strcmp(w, "previous")) {
        move(a, false);
    } else if (!strcmp(w, "tally")) {
        prompt_tally(&a->pr);
        a->tally = a->pr.tally;
    } else if (!strcmp(w, "hint")) {
        a->hint_shown = !a->hint_shown;
    } else if (!strcmp(w, "note")) {
        start_editing(a, EDIT_NOTE);
    } else if (!strcmp(w, "note-save")) {
        save_editing(a);
    } else if (!strcmp(w, "name-field")) {
        if (a->editing == EDIT_NAME)
            save_editing(a);
        else
            start_editing(a, EDIT_NAME);
    }
}

/* Typing into the open field. Everything is handled here while it is open, so keys
 * never also move the exercise on. */
static bool edit_event(app *a, const gw_event *e)
{
    size_t cap = a->editing == EDIT_NAME ? sizeof a->person_name : sizeof a->edit_buf;
    if (e->type == EV_TEXT) {
        size_t k = strlen(a->edit_buf);
        for (const char *s = e->text; *s; s++) {
            unsigned char c = (unsigned char)*s;
            if (c < 0x20 || c == 0x7f)
                continue;
            int len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (c >= 0x80 && c < 0xC0)
                continue;  /* a stray continuation byte */
            if (k + (size_t)len + 1 > cap || (int)strnlen(s, (size_t)len) < len)
                break;
            memcpy(a->edit_buf + k, s, (size_t)len);
            k += (size_t)len;
            a->edit_buf[k] = '\0';
            s += len - 1;
        }
        return true;
    }
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Backspace")) {
        size_t n = strlen(a->edit_buf);
        while (n > 0 && ((unsigned char)a->edit_buf[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        a->edit_buf[n] = '\0';
    } else if (!strcmp(k, "Return") || !strcmp(k, "Keypad Enter")) {
        save_editing(a);
    } else if (!strcmp(k, "Escape")) {
        a->editing = EDIT_NONE;
    }
    return true;
}

static bool event(app *a, const gw_event *e)
{
    if (a->editing && a->ex_active)
        return edit_event(a, e);
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Escape") || !strcmp(k, "b")) {
        activate(a, "back");
        return true;
    }
    if (!a->ex_active) {
        if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "a"))
            app_leave_exercise(a);
        return true;
    }
    if (!strcmp(k, "Return") || !strcmp(k, "Right") || !strcmp(k, "a") || !strcmp(k, "dpright") ||
        !strcmp(k, "Keypad Enter"))
        move(a, true);
    else if (!strcmp(k, "Left") || !strcmp(k, "Backspace") || !strcmp(k, "dpleft"))
        move(a, false);
    else if (!strcmp(k, "Space"))
        activate(a, prompt_wants_tally(&a->pr) ? "tally" : "next");
    else if (!strcmp(k, "H"))
        activate(a, "hint");
    else
        return false;
    return true;
}

const scene_vt scene_prompts = { "prompts", enter, event, activate, update, draw, next_change };
