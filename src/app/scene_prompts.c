/* scene_prompts: prompt exercises (grounding): one step at a time, at the person's own
 * pace, in large calm text. A step may have dots to fill for things named (a tap
 * anywhere on the content, the "tally" widget or Space fills one), a gentle countdown
 * ring (steps marked auto-advance move on when it ends), a voice clip, and a hint.
 * The state machine is core/prompt.c; time is the exercise clock (pauses excluded).
 * At home (only) the person may type their name for {name} (kept in memory only) and
 * a short note per step, written to the practice log with the session as soon as it is
 * saved (Enter, Save, or moving on; Escape drops it). Kiosk and present modes offer no text input at all.
 * Widget ids: back, next, previous, skip, tally, hint, note, note-save, name-field,
 * done, safety. With large text a step's text may go on pages: next and previous
 * turn them before they move to another step. Keys: Enter/Right/A next; Left/Backspace previous; Space fills a dot,
 * or moves on when there is none left to fill; H shows the hint; Escape leaves. While
 * typing: text goes into the field, Backspace deletes, Enter saves, Escape cancels. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/prompts.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/sound.h"

static struct prompts_st *ST(const app *a) { return prompts_st_of(a); }

/* What stands for a name nobody gave: a blank the person fills aloud. */
#define NO_NAME "…"

static void prompts_play_voice(app *a, const prompt_step *p)
{
    const char *rel = pack_voice_get(&p->voice, &p->text, a->lang);
    if (!rel[0])
        return;
    char path[1024];
    const char *dir = a->ex->pack && a->ex->pack->dir ? a->ex->pack->dir : "";
    if (!paths_join(path, sizeof path, dir[0] ? dir : ".", rel))
        return;
    trace_begin(a->tr, a->now, "voice");
    trace_str(a->tr, "clip", rel);
    trace_end(a->tr);
    sound_voice_play(a->sound, path, 0);
}

/* The run moved to a new step (or finished): trace it, start its voice. */
static void prompts_step_began(app *a)
{
    a->page.text = 0;
    a->step = ST(a)->pr.step;
    ST(a)->hint_shown = false;
    ST(a)->editing = EDIT_NONE;
    sound_voice_stop(a->sound);
    if (prompt_finished(&ST(a)->pr)) {
        app_end_exercise(a, true);
        return;
    }
    app_trace_step(a, a->step);
    prompts_play_voice(a, prompt_current(&ST(a)->pr));
}

static void prompts_enter(app *a)
{
    memset(ST(a)->notes, 0, sizeof ST(a)->notes);
    ST(a)->editing = EDIT_NONE;
    char region[8]; /* the locale's: the crisis line's country (Settings) is not the date's */
    app_region_auto(a, region, sizeof region);
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        prompt_format_date(ST(a)->date_text, sizeof ST(a)->date_text, &tm, a->lang, region);
    else
        snprintf(ST(a)->date_text, sizeof ST(a)->date_text, "%s", NO_NAME);
    prompt_start(&ST(a)->pr, a->ex->prompt, a->ex->nprompt, prompts_elapsed(a));
    prompts_step_began(a);
}

static void prompts_commit_note(app *a, int step);

static void prompts_update(app *a)
{
    if (!a->ex_active || a->clock.paused)
        return;
    int was = ST(a)->pr.step;
    while (a->ex_active && prompt_update(&ST(a)->pr, prompts_elapsed(a))) {
        prompts_commit_note(a, was); /* a step that moves on by itself keeps the note being typed */
        prompts_step_began(a);
        was = ST(a)->pr.step;
    }
}

static gw_ns prompts_next_change(const app *a)
{
    if (!a->ex_active || a->clock.paused)
        return GW_NEVER;
    gw_ns el = prompts_elapsed(a);
    gw_ns at = prompt_next_change(&ST(a)->pr, el);
    return at == GW_NEVER ? GW_NEVER : a->now + (at - el);
}

/* ---- drawing ------------------------------------------------------------------ */

static const char *prompts_shown_name(const app *a)
{
    return prompts_personal(a) && ST(a)->person_name[0] ? ST(a)->person_name : NO_NAME;
}

static void prompts_draw_dots(const app *a, draw_list *l, int count, float cx, float cy, float d)
{
    const theme *t = a->th;
    float u = app_unit(a), g = d * 30 / 64;
    float x0 = cx - ((float)count * d + (float)(count - 1) * g) / 2;
    for (int k = 0; k < count; k++) {
        float x = x0 + (float)k * (d + g) + d / 2;
        if (k < ST(a)->pr.tally)
            draw_circle(l, x, cy, d / 2, t->accent);
        else
            draw_ring(l, x, cy, d / 2 - 2 * u, 4 * u, 0, 1, t->text_dim);
    }
}

/* The ring at (cx, cy); when the time is up, the words to move on under it, or in `at`
 * (large text) at msg_px, beside it or, ring_off, instead of it. */
static void prompts_draw_timer(const app *a, draw_list *l, float cx, float cy, gw_rect at, int msg_px, bool ring_off)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w;
    gw_ns el = prompts_elapsed(a);
    float r = prompts_timer_r(a);
    float gone = prompt_timer_fraction(&ST(a)->pr, el);
    if (ring_off) {
        draw_text(l, at, _("Move on when you are ready."), msg_px, ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
        return;
    }
    draw_ring(l, cx, cy, r, 6 * u, 0, 1, t->ring_track);
    if (gone < 1)
        draw_ring(l, cx, cy, r, 6 * u, gone, 1, t->accent);
    char left[32];
    ui_clock(left, sizeof left, gw_seconds(prompt_remaining(&ST(a)->pr, el)));
    draw_text(l, gw_rc(cx - r, cy - r, 2 * r, 2 * r), left, (int)lroundf(24 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text);
    if (gone >= 1 && at.w > 0)
        draw_text(l, at, _("Move on when you are ready."), msg_px, ALIGN_LEFT | VALIGN_MIDDLE, t->text_dim);
    else if (gone >= 1) {
        const char *msg = _("Move on when you are ready.");
        int px = (int)lroundf(20 * u);
        draw_text(l, gw_rc(0, cy + r + 8 * u, W, fmaxf(32 * u, ui_text_h(&ui, msg, px, false, W - 80 * u))), msg, px,
                  ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    }
}

/* A one-line text field: its content or a placeholder, a caret while typing. */
static void prompts_draw_field(const app *a, draw_list *l, const char *id, const char *name, gw_rect r,
                               const char *value, const char *placeholder, bool typing)
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
    ui_ctx ui = app_ui(a);
    ui_focus_ring_added(&ui, l, 14 * u);
    draw_widget_describe(l, ROLE_TEXT_FIELD, name, value);
}

/* The pages the current step's text takes (1 unless the text is large). */
static int prompts_text_pages(const app *a)
{
    if (!a->ex_active || prompt_finished(&ST(a)->pr))
        return 1;
    const char *src = app_text(a, &prompt_current(&ST(a)->pr)->text);
    char text[1024];
    prompt_expand(text, sizeof text, src, ST(a)->date_text, prompts_shown_name(a));
    return prompts_lay_out(a, text, src).npages;
}

static void prompts_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    const exercise *e = a->ex;
    float u = app_unit(a);
    float W = (float)a->w, H = (float)a->h;
    float bar = ui_top_bar(&ui, l, app_text(a, &e->title));
    int n = e->nprompt;
    if (!a->ex_active || prompt_finished(&ST(a)->pr)) {
        ui_closing(&ui, l, bar + (H - bar) / 2 - 40 * u);
        return;
    }
    const prompt_step *p = prompt_current(&ST(a)->pr);
    const char *src = app_text(a, &p->text);
    char text[1024];
    prompt_expand(text, sizeof text, src, ST(a)->date_text, prompts_shown_name(a));
    playout L = prompts_lay_out(a, text, src);

    /* the whole content area counts a dot, or moves on; controls drawn later sit on top */
    bool tally = prompt_wants_tally(&ST(a)->pr);
    draw_widget_add(l, tally ? "tally" : "next", gw_rc(0, bar, W, L.foot - 12 * u - bar), false);
    char filled[64];
    /* The dots of a counting step, as read aloud says them ("2 of 5 done"). */
    snprintf(filled, sizeof filled, _("%d of %d done"), ST(a)->pr.tally, p->count);
    draw_widget_describe(l, ROLE_BUTTON, tally ? _("Fill a dot") : _("Next"), tally ? filled : NULL);

    char pos[64];
    snprintf(pos, sizeof pos, _("Step %d of %d"), ST(a)->pr.step + 1, n);
    draw_text(l, gw_rc(40 * u, L.step_y, W - 80 * u, L.step_h), pos, (int)lroundf(20 * u),
              ALIGN_CENTER | VALIGN_MIDDLE, t->text_dim);
    if (L.npages > 1) { /* which page of the text, at the right of the step's number */
        char pg[64];
        snprintf(pg, sizeof pg, _("Page %d of %d"), L.page + 1, L.npages);
        float sw = ui_text_w(&ui, pos, (int)lroundf(20 * u), false);
        draw_text(l, gw_rc(W / 2 + sw / 2 + 30 * u, L.step_y, W / 2 - sw / 2 - 70 * u, L.step_h), pg,
                  (int)lroundf(20 * u), ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
    }
    if (L.title_h > 0) /* (the hint in its place: large text) */
        draw_text(l, gw_rc(40 * u, L.title_y, W - 80 * u, L.title_h), app_text(a, &p->title), L.title_px,
                  ALIGN_CENTER | VALIGN_MIDDLE | (L.title_fit ? TEXT_FIT : 0) | (FONT_BOLD << 8), t->accent);

    float tw = fminf(W - 160 * u, 1000 * u);
    char page[1024];
    size_t from = L.start[L.page], len = L.start[L.page + 1] - from;
    len = len < sizeof page - 1 ? len : sizeof page - 1;
    memcpy(page, text + from, len);
    page[len] = 0;
    while (len > 0 && page[len - 1] == ' ')
        page[--len] = 0;
    draw_text(l, gw_rc(L.text_x, L.text_y, L.text_w, L.text_h), page, L.text_px, ALIGN_CENTER | VALIGN_TOP, t->text);

    float fy = L.fig_cy > 0 ? L.fig_cy : L.mid_y + L.mid_h / 2; /* centre of the dots, timer or field */
    float fw = fminf(W - 160 * u, 640 * u * fmaxf(1.f, a->view.text_scale));
    float fh = fmaxf(64 * u, ui_text_h(&ui, "Ag", (int)lroundf(24 * u), false, 0) + 16 * u);
    if (ST(a)->editing == EDIT_NOTE) {
        const char *lab = _("Your note, for yourself only. Enter saves it.");
        int lpx = L.label_px > 0 ? L.label_px : (int)lroundf(20 * u);
        float lh = fmaxf(30 * u, ui_text_h(&ui, lab, lpx, false, 0));
        const char *save = _("Save");
        float sw = ui_button_w(&ui, save, 134 * u);
        float top = L.mid_y + L.mid_h - fh;
        draw_text(l, gw_rc((W - fw) / 2, top - lh - 4 * u, fw, lh), lab, lpx, VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
        prompts_draw_field(a, l, "note-field", lab, gw_rc((W - fw) / 2, top, fw - sw - 16 * u, fh), ST(a)->edit_buf, "", true);
        ui_button(&ui, l, "note-save", gw_rc((W + fw) / 2 - sw, top, sw, fh), save, false, true);
    } else if (prompts_personal(a) && prompt_has_placeholder(src, "{name}")) {
        bool typing = ST(a)->editing == EDIT_NAME;
        prompts_draw_field(a, l, "name-field", _("Your name"), gw_rc((W - fw) / 2, fy - fh / 2, fw, fh),
                   typing ? ST(a)->edit_buf : ST(a)->person_name, _("Tap to type your name (optional)"), typing);
    } else if (p->count > 0) {
        prompts_draw_dots(a, l, p->count, L.fig_x > 0 ? L.fig_x : W / 2, fy, L.dot > 0 ? L.dot : 64 * u);
    } else if (p->timer > 0) {
        prompts_draw_timer(a, l, L.fig_x > 0 ? L.fig_x : W / 2, L.fig_cy > 0 ? L.fig_cy : L.mid_y + prompts_timer_r(a),
                           L.msg, L.msg_px, L.ring_off);
    }

    const char *hint = app_text(a, &p->hint);
    char saved[APP_NOTE_MAX + 64] = "";
    if (prompts_saved_note(a))
        snprintf(saved, sizeof saved, _("Your note: %s"), ST(a)->notes[ST(a)->pr.step]);
    gw_rect hr = L.hint_w > 0 ? gw_rc(L.hint_x, L.hint_y, L.hint_w, L.hint_h) : gw_rc((W - tw) / 2, L.hint_y, tw, L.hint_h);
    if (L.hide_side)
        ;
    else if (ST(a)->hint_shown && hint[0])
        draw_text(l, hr, hint, L.hint_px, L.hint_w > 0 ? L.hint_align : ALIGN_CENTER | VALIGN_BOTTOM, t->text_dim);
    else if (saved[0] && L.hint_w > 0) /* large text: wrapped, as the hint */
        draw_text(l, hr, saved, L.hint_px, L.hint_align, t->text_dim);
    else if (saved[0])
        draw_text(l, hr, saved, (int)lroundf(20 * u), ALIGN_CENTER | VALIGN_BOTTOM | TEXT_FIT, t->text_dim);

    static const char *const ID[NBTN] = { "hint", "note", "previous", "next", "skip" };
    for (int i = 0; i < NBTN; i++)
        if (L.btn[i].w > 0)
            ui_button(&ui, l, ID[i], L.btn[i], L.label[i], false, i == B_NEXT);
}

/* ---- input -------------------------------------------------------------------- */

static void prompts_move(app *a, bool forward)
{
    /* a step's text on more than one page: its pages first */
    int pages = prompts_text_pages(a);
    if (a->page.text >= pages)
        a->page.text = pages - 1;
    if (forward && a->page.text + 1 < pages) {
        a->page.text++;
        return;
    }
    if (!forward && a->page.text > 0) {
        a->page.text--;
        return;
    }
    bool moved = forward ? prompt_next(&ST(a)->pr, prompts_elapsed(a)) : prompt_prev(&ST(a)->pr, prompts_elapsed(a));
    if (moved)
        prompts_step_began(a);
}

static void prompts_start_editing(app *a, int what)
{
    if (!prompts_personal(a))
        return;
    ST(a)->editing = what;
    const char *from = what == EDIT_NAME ? ST(a)->person_name : ST(a)->notes[ST(a)->pr.step];
    snprintf(ST(a)->edit_buf, sizeof ST(a)->edit_buf, "%s", from);
}

/* A note is saved to step `step` (the step it was typed on) and to the practice log. */
static void prompts_commit_note(app *a, int step)
{
    if (ST(a)->editing != EDIT_NOTE || step < 0 || step >= APP_MAX_NOTES)
        return;
    snprintf(ST(a)->notes[step], APP_NOTE_MAX, "%s", ST(a)->edit_buf);
    ST(a)->editing = EDIT_NONE;
    trace_begin(a->tr, a->now, "note");
    trace_int(a->tr, "step", step);
    trace_int(a->tr, "length", (int)strlen(ST(a)->notes[step]));
    trace_end(a->tr);
    app_home_note_saved(a, step, ST(a)->notes[step]);
}

static void prompts_keep_typed(app *a)
{
    if (a->ex_active && a->ex && a->ex->kind == EX_PROMPTS)
        prompts_commit_note(a, ST(a)->pr.step);
}

static void prompts_save_editing(app *a)
{
    if (ST(a)->editing == EDIT_NAME) {
        /* typing stops at the name's size, so this never cuts a character */
        size_t k = strnlen(ST(a)->edit_buf, sizeof ST(a)->person_name - 1);
        memcpy(ST(a)->person_name, ST(a)->edit_buf, k);
        ST(a)->person_name[k] = '\0';
    } else
        prompts_commit_note(a, ST(a)->pr.step);
    ST(a)->editing = EDIT_NONE;
}

static void prompts_activate(app *a, const char *w)
{
    /* a note being typed is kept when the person moves on or leaves (only Escape
     * drops it) */
    if (a->ex_active && strcmp(w, "note-field") && strcmp(w, "name-field"))
        prompts_commit_note(a, ST(a)->pr.step);
    if (!strcmp(w, "back") || !strcmp(w, "done")) {
        sound_voice_stop(a->sound);
        app_leave_exercise(a);
        return;
    }
    if (!a->ex_active)
        return;
    if (!strcmp(w, "skip")) {
        ST(a)->editing = EDIT_NONE;
        if (prompt_next(&ST(a)->pr, prompts_elapsed(a)))
            prompts_step_began(a);
    } else if (!strcmp(w, "next")) {
        ST(a)->editing = EDIT_NONE;
        prompts_move(a, true);
    } else if (!strcmp(w, "previous")) {
        prompts_move(a, false);
    } else if (!strcmp(w, "tally")) {
        prompt_tally(&ST(a)->pr);
        } else if (!strcmp(w, "hint")) {
        ST(a)->hint_shown = !ST(a)->hint_shown;
    } else if (!strcmp(w, "note")) {
        prompts_start_editing(a, EDIT_NOTE);
    } else if (!strcmp(w, "note-save")) {
        prompts_save_editing(a);
    } else if (!strcmp(w, "name-field")) {
        if (ST(a)->editing == EDIT_NAME)
            prompts_save_editing(a);
        else
            prompts_start_editing(a, EDIT_NAME);
    }
}

/* Typing into the open field. Everything is handled here while it is open, so keys
 * never also move the exercise on. */
static bool prompts_edit_event(app *a, const gw_event *e)
{
    size_t cap = ST(a)->editing == EDIT_NAME ? sizeof ST(a)->person_name : sizeof ST(a)->edit_buf;
    if (e->type == EV_TEXT) {
        size_t k = strlen(ST(a)->edit_buf);
        for (const char *s = e->text; *s; s++) {
            unsigned char c = (unsigned char)*s;
            if (c < 0x20 || c == 0x7f)
                continue;
            int len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (c >= 0x80 && c < 0xC0)
                continue;  /* a stray continuation byte */
            if (k + (size_t)len + 1 > cap || (int)strnlen(s, (size_t)len) < len)
                break;
            memcpy(ST(a)->edit_buf + k, s, (size_t)len);
            k += (size_t)len;
            ST(a)->edit_buf[k] = '\0';
            s += len - 1;
        }
        return true;
    }
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Backspace")) {
        size_t n = strlen(ST(a)->edit_buf);
        while (n > 0 && ((unsigned char)ST(a)->edit_buf[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        ST(a)->edit_buf[n] = '\0';
    } else if (!strcmp(k, "Return") || !strcmp(k, "Keypad Enter")) {
        prompts_save_editing(a);
    } else if (!strcmp(k, "Escape")) {
        ST(a)->editing = EDIT_NONE;
    }
    return true;
}

static bool prompts_event(app *a, const gw_event *e)
{
    if (ST(a)->editing && a->ex_active)
        return prompts_edit_event(a, e);
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Escape") || !strcmp(k, "b")) {
        prompts_activate(a, "back");
        return true;
    }
    if (!a->ex_active) {
        if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "a"))
            app_leave_exercise(a);
        return true;
    }
    if (!strcmp(k, "Return") || !strcmp(k, "Right") || !strcmp(k, "a") || !strcmp(k, "dpright") ||
        !strcmp(k, "Keypad Enter"))
        prompts_move(a, true);
    else if (!strcmp(k, "Left") || !strcmp(k, "Backspace") || !strcmp(k, "dpleft"))
        prompts_move(a, false);
    else if (!strcmp(k, "Space"))
        prompts_activate(a, prompt_wants_tally(&ST(a)->pr) ? "tally" : "next");
    else if (!strcmp(k, "H"))
        prompts_activate(a, "hint");
    else if (!strcmp(k, "S")) /* Skip, where a step offers it: its button takes no focus */
        return app_press(a, "skip");
    else
        return false;
    return true;
}

const scene_vt scene_prompts = {
    .id = SCENE_PROMPTS,
    .name = "prompts",
    .focus_keys = FOCUS_TAB,
    .enter = prompts_enter,
    .event = prompts_event,
    .activate = prompts_activate,
    .update = prompts_update,
    .draw = prompts_draw,
    .keep_typed = prompts_keep_typed,
    .next_change = prompts_next_change,
    .state_size = sizeof(struct prompts_st),
};
