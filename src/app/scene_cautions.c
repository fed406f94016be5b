/* scene_cautions: "Before you begin". An exercise's cautions (from its pack, in the
 * chosen language) shown before it starts, in every mode: at home unless the person
 * ticked "Don't show again for this exercise" (kept in the settings); in present mode
 * always, on the client's screen, the therapist starting it; in the kiosk always, with
 * Start offered only after KIOSK_CAUTIONS_READ_NS. From Help inside a running exercise
 * the same screen shows its cautions again (review) and Continue goes back to it.
 * Cautions that do not fit one screen (large text) go on pages; Start is on the last.
 * Widget ids: cautions-start, cautions-back, cautions-hide (the tick box, home),
 * cautions-continue (review), page:next, page:previous; with the top bar's back and
 * safety. Keys: Enter starts (or turns the page), Escape goes back. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/mode_kiosk.h"
#include "app/text_pages.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/sound.h"

#define MAX_PAGES 24
#define MAX_CAUTIONS 21 /* a pack gives at most 20, and the review shows how it is used */
#define MAX_PIECES (MAX_CAUTIONS + MAX_PAGES)
#define CAUTION_PART_MAX 4096 /* bytes of a caution drawn (the longest is under 1 000) */

/* The exercise's cautions, before it starts (pending) or, from Help inside it, over it
 * (review). */
struct cautions_st {
    const exercise *ex;        /* whose cautions are shown; NULL: none */
    const scene_vt *from;      /* where Back goes (before), or the exercise (review) */
    gw_ns since;               /* shown since (kiosk: Start waits KIOSK_CAUTIONS_READ) */
    bool  review;              /* opened from Help inside the exercise */
    bool  paused_ex;           /* review: the exercise was paused for it */
    bool  hide_next;           /* home: "Don't show again for this exercise" ticked */
    int   page;                /* the page shown when they do not fit one screen */
    int   focus;               /* the focused widget, in drawing order (-1: none yet) */
};
static struct cautions_st *ST(const app *a) { return app_state(a, SCENE_CAUTIONS); }

bool app_cautions_due(const app *a, const exercise *e)
{
    if (!e || e->ncaution <= 0)
        return false;
    if (!app_keeps_data(a))
        return true; /* present, kiosk: every time */
    for (int i = 0; i < a->set.ncautions_hidden; i++)
        if (!strcmp(a->set.cautions_hidden[i], e->id))
            return false;
    return true;
}

const exercise *app_cautions_shown(const app *a, bool *review)
{
    const struct cautions_st *c = ST(a);
    if (review)
        *review = c->review;
    return c->ex;
}

static void cautions_trace_shown(app *a)
{
    trace_begin(a->tr, a->now, "cautions");
    trace_str(a->tr, "exercise", ST(a)->ex->id);
    trace_int(a->tr, "count", ST(a)->ex->ncaution);
    trace_str(a->tr, "lang", a->lang[0] ? a->lang : "en"); /* the language they are shown in */
    if (ST(a)->review)
        trace_bool(a->tr, "review", true);
    trace_end(a->tr);
}

void app_show_cautions(app *a, const exercise *e)
{
    *ST(a) = (struct cautions_st){ .ex = e, .from = a->scene, .since = a->now };
    ST(a)->focus = -1;
    cautions_trace_shown(a);
    app_go(a, SCENE_CAUTIONS);
}

void app_review_cautions(app *a, const scene_vt *back_to, bool paused)
{
    if (!a->ex_active || a->ex->ncaution <= 0)
        return;
    *ST(a) = (struct cautions_st){ .ex = a->ex, .from = back_to, .since = a->now, .review = true,
                                         .paused_ex = paused };
    ST(a)->focus = -1;
    cautions_trace_shown(a);
    app_go(a, SCENE_CAUTIONS);
}

/* Start: on to the check-in or the exercise (direct: the exercise itself, as the
 * command line's --exercise starts it) */
static void cautions_start_as(app *a, bool direct)
{
    const exercise *e = ST(a)->ex;
    if (!e)
        return;
    if (ST(a)->hide_next && !ST(a)->review)
        app_hide_cautions(a, e->id); /* at home: kept in the settings */
    ST(a)->ex = NULL;
    if (direct)
        app_start_exercise(a, e->id);
    else
        app_after_cautions(a, e->id);
}

static void cautions_start(app *a) { cautions_start_as(a, false); }

static void cautions_accept(app *a, bool direct)
{
    if (!app_showing(a, SCENE_CAUTIONS) || !ST(a)->ex || ST(a)->review)
        return;
    trace_begin(a->tr, a->now, "press");
    trace_str(a->tr, "widget", "cautions-start");
    trace_end(a->tr);
    cautions_start_as(a, direct);
}


bool app_start_chosen(app *a, const char *id)
{
    const exercise *e = a->packs ? pack_set_find(a->packs, id) : NULL;
    if (!e || !app_cautions_due(a, e))
        return app_start_exercise(a, id); /* (says so if there is none) */
    app_show_cautions(a, e);
    cautions_accept(a, true); /* at once, no check-in: what --exercise always did */
    return true;
}

/* Back to the exercise as it was (review): not through its enter(), which would start
 * it over. */
static void cautions_close_review(app *a)
{
    const scene_vt *s = ST(a)->from ? ST(a)->from : app_scene(a, SCENE_LIBRARY);
    bool resume = ST(a)->paused_ex;
    ST(a)->ex = NULL;
    app_resume_scene(a, s);
    if (resume && a->ex_active) {
        app_set_paused(a, false);
        sound_pause(a->sound, false);
    }
}

static void cautions_go_back(app *a)
{
    if (ST(a)->review) {
        cautions_close_review(a);
        return;
    }
    const scene_vt *from = ST(a)->from;
    ST(a)->ex = NULL;
    if (app_mode_is(a, MODE_KIOSK) && (!from || from->id != SCENE_KIOSK_LIBRARY))
        app_kiosk_reset(a, "back");
    else if (from && from->id != SCENE_CAUTIONS && from->id != SCENE_SAFETY)
        app_set_scene(a, from);
    else
        app_go(a, SCENE_LIBRARY);
}

/* ---- layout ----------------------------------------------------------------------- */

typedef struct { int item, from, to; float h; } cpiece; /* a caution, or its part from..to */

typedef struct layout {
    float u, W, H;
    float bar_h;              /* the top bar */
    float cx, cw;             /* the column */
    float head_y, head_h;     /* the exercise's title */
    int head_px;
    float note_h;             /* "Captions only" under it, or 0 */
    int note_px;
    int px;                   /* the cautions' size */
    float item_h[MAX_CAUTIONS];
    /* what the pages show: whole cautions, and a caution too tall for a page at the
     * smallest size (at large text, under a long title) in parts, each ending at a
     * sentence's or clause's end where it can (text_pages) */
    cpiece piece[MAX_PIECES];
    int npieces;
    int first[MAX_PAGES + 1]; /* first piece of each page; first[npages] = npieces */
    int npages;
    float list_y, list_bottom;
    float foot_y;             /* the row of buttons */
    float bh;
    bool tick;                /* the "don't show again" box is offered */
    float tick_y, tick_h;
} layout;

/* From Help inside an exercise the screen first says how the exercise is used (its
 * controls), then its cautions. */
static const char *cautions_how_to(const exercise *e)
{
    if (exercise_paced(e))
        return _("Follow the figure: breathe in as it grows, out as it shrinks, and rest when it holds. "
                 "Longer and Shorter change the pace, Pause stops it, Style changes the figure. "
                 "Breathe gently; you never need to force it.");
    switch (e->kind) {
    case EX_GUIDED:
        return _("Follow the voice or the words on screen. Tense only as much as is comfortable, then let go. "
                 "Previous and Next move between steps, Pause stops; skip any part that hurts.");
    case EX_RESONANCE:
        return _("Follow the figure at five slow rates, two minutes each, from 6.5 down to 4.5 breaths a minute, "
                 "out longer than in. A heart-rate strap measures how much your heart rate rises and falls with "
                 "each breath; the rate where it swings most is your resonance rate. The rates are set, so there is "
                 "no Longer or Shorter; Pause stops. Sit still and breathe gently; never force it.");
    default:
        return _("Take each step at your own pace. Tap a dot for each thing you name; Next moves on; "
                 "Hint gives an idea if you are stuck. You can stop at any time.");
    }
}

static int cautions_items(const app *a) { return ST(a)->ex->ncaution + (ST(a)->review ? 1 : 0); }

static const char *cautions_caution_text(const app *a, int i)
{
    if (ST(a)->review) {
        if (i == 0)
            return cautions_how_to(ST(a)->ex);
        i--;
    }
    return app_text(a, &ST(a)->ex->caution[i]);
}

static const char *cautions_screen_title(const app *a)
{
    return ST(a)->review ? _("About this exercise") : _("Before you begin");
}


static const char *cautions_primary_label(const app *a, bool last)
{
    return !last ? _("Next") : ST(a)->review ? _("Continue") : _("Start");
}

/* A voiced exercise (guided or prompts) that has no voice in the language it is shown
 * in runs with captions only (pack_voice_get): said under its title. */
static const char *cautions_voice_note(const app *a, const exercise *e)
{
    bool any = false, here = false;
    if (e->kind == EX_GUIDED)
        for (int i = 0; i < e->nstep; i++) {
            any |= e->step[i].voice.n > 0;
            here |= *pack_voice_get(&e->step[i].voice, &e->step[i].caption, a->lang) != 0;
        }
    else if (e->kind == EX_PROMPTS)
        for (int i = 0; i < e->nprompt; i++) {
            any |= e->prompt[i].voice.n > 0;
            here |= *pack_voice_get(&e->prompt[i].voice, &e->prompt[i].text, a->lang) != 0;
        }
    return any && !here ? _("Captions only: this exercise has no voice in your language yet.") : NULL;
}

static layout cautions_lay_out(const app *a)
{
    ui_ctx ui = app_ui(a);
    layout L = { .u = app_unit(a), .W = (float)a->w, .H = (float)a->h };
    float u = L.u;
    const exercise *e = ST(a)->ex;
    L.bar_h = ui_top_bar_focus(&ui, NULL, cautions_screen_title(a), -1);
    L.cw = fminf(L.W - 96 * u, 940 * u);
    L.cx = (L.W - L.cw) / 2;
    /* the exercise's title under the bar */
    L.head_px = (int)lroundf(32 * u);
    char buf[512];
    const char *title = app_title_tagged(a, e, buf, sizeof buf); /* "(in English)" where it is */
    L.head_px = ui_fit_px(&ui, title, L.head_px, ui_min_px(&ui, L.head_px), true, L.cw,
                          2 * ui_measure(&ui, title, L.head_px, true, 0).line_h);
    L.head_h = fmaxf(44 * u, ui_text_h(&ui, title, L.head_px, true, L.cw));
    L.head_y = L.bar_h + 4 * u;
    const char *note = cautions_voice_note(a, e);
    L.note_px = (int)lroundf(18 * u);
    L.note_h = note ? ui_text_h(&ui, note, L.note_px, false, L.cw) : 0;
    L.list_y = L.head_y + L.head_h + (note ? L.note_h + 6 * u : 0) + 18 * u;
    /* the foot: tick box (home, before) and the buttons */
    const char *lab = cautions_primary_label(a, true);
    float bw = ui_button_w(&ui, lab, 260 * u);
    L.bh = fmaxf(ui_button_h(&ui, lab, bw, 64 * u), ui_button_h(&ui, _("Next"), bw, 64 * u));
    L.foot_y = L.H - 24 * u - L.bh;
    L.tick = app_keeps_data(a) && !ST(a)->review;
    float bottom = L.foot_y - 18 * u;
    if (L.tick) {
        int tpx = (int)lroundf(20 * u);
        float bs = 32 * u * fminf(fmaxf(a->view.text_scale, 1.f), 1.5f);
        L.tick_h = fmaxf(fmaxf(40 * u, bs + 8 * u), ui_text_h(&ui, _("Don't show this again for this exercise"), tpx, false, L.cw - bs - 24 * u));
        L.tick_y = bottom - L.tick_h;
        bottom = L.tick_y - 14 * u;
    }
    L.list_bottom = bottom;
    /* the cautions, as large as they can be read, on as few pages as they need */
    int n = cautions_items(a) < MAX_CAUTIONS ? cautions_items(a) : MAX_CAUTIONS;
    float room = L.list_bottom - L.list_y, gap = 14 * u, tw = L.cw - 40 * u;
    int px = (int)lroundf(24 * u), min_px = ui_min_px(&ui, px);
    /* room for fewer than three lines at the smallest size (large text, a long title
     * over the "captions only" note, Arabic's tall lines): the title on one line as
     * small as it must be, the note at the smallest size, so the cautions are read in
     * pages of sentences, not of a word or two */
    float line = ui_measure(&ui, "Ag", min_px, false, 0).line_h;
    if (room < 3 * line) {
        int hpx = ui_fit_px(&ui, title, L.head_px, ui_min_px(&ui, (int)lroundf(24 * u)), true, L.cw,
                            ui_measure(&ui, title, ui_min_px(&ui, (int)lroundf(24 * u)), true, 0).line_h);
        L.head_px = hpx < L.head_px ? hpx : L.head_px;
        L.head_h = ui_text_h(&ui, title, L.head_px, true, L.cw);
        if (note) {
            L.note_px = ui_min_px(&ui, L.note_px);
            L.note_h = ui_text_h(&ui, note, L.note_px, false, L.cw);
        }
        L.list_y = L.head_y + L.head_h + (note ? L.note_h + 4 * u : 0) + 18 * u;
        room = L.list_bottom - L.list_y;
    }
    for (;;) {
        float total = 0;
        for (int i = 0; i < n; i++) {
            L.item_h[i] = ui_text_h(&ui, cautions_caution_text(a, i), px, false, tw);
            total += L.item_h[i] + (i ? gap : 0);
        }
        if (total <= room || px <= min_px)
            break;
        px--;
    }
    L.px = px;
    L.npieces = 0;
    for (int i = 0; i < n && L.npieces < MAX_PIECES; i++) {
        const char *text = cautions_caution_text(a, i);
        int len = (int)strlen(text);
        size_t st[MAX_PAGES + 1];
        int parts = L.item_h[i] > room ? text_pages(&ui, text, px, tw, room, st, MAX_PAGES) : 1;
        if (parts <= 1) {
            L.piece[L.npieces++] = (cpiece){ .item = i, .from = 0, .to = len, .h = L.item_h[i] };
            continue;
        }
        for (int k = 0; k < parts && L.npieces < MAX_PIECES; k++) {
            char part[CAUTION_PART_MAX];
            int from = (int)st[k], to = (int)st[k + 1];
            while (from < to && text[from] == ' ')
                from++;
            snprintf(part, sizeof part, "%.*s", to - from, text + from);
            L.piece[L.npieces++] =
                (cpiece){ .item = i, .from = from, .to = to, .h = ui_text_h(&ui, part, px, false, tw) };
        }
    }
    L.npages = 0;
    float y = 0;
    for (int i = 0; i < L.npieces; i++) {
        float h = L.piece[i].h;
        if (L.npages == 0 || (y > 0 && y + gap + h > room && L.npages < MAX_PAGES)) {
            L.first[L.npages++] = i;
            y = h;
        } else
            y += gap + h;
    }
    if (L.npages == 0)
        L.first[L.npages++] = 0;
    L.first[L.npages] = L.npieces;
    return L;
}

static int cautions_page_of(const app *a, const layout *L)
{
    int p = ST(a)->page;
    return p < 0 ? 0 : p >= L->npages ? L->npages - 1 : p;
}

/* kiosk: the share of the reading time gone, 1 when Start is offered */
static float cautions_read_share(const app *a)
{
    if (!app_mode_is(a, MODE_KIOSK) || ST(a)->review)
        return 1.f;
    double s = (double)(a->now - ST(a)->since) / (double)KIOSK_CAUTIONS_READ_NS;
    return s >= 1.0 ? 1.f : s <= 0 ? 0.f : (float)s;
}

static void cautions_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    if (!ST(a)->ex)
        return;
    const theme *t = a->th;
    layout L = cautions_lay_out(a);
    float u = L.u;
    int page = cautions_page_of(a, &L);
    bool last = page == L.npages - 1;
    int f = ST(a)->focus, wi = 0; /* widgets in drawing order, for keys */
    ui_top_bar_focus(&ui, l, cautions_screen_title(a), f);
    wi = 2;
    float gap = 14 * u, tw = L.cw - 40 * u;
    float ph = 0;
    for (int i = L.first[page]; i < L.first[page + 1]; i++)
        ph += L.piece[i].h + (i > L.first[page] ? gap : 0);
    /* a short page: the title and the list come down a little and the way on comes up
     * under them, so the screen reads as one group rather than a list and a far button */
    float spare = L.list_bottom - L.list_y - ph - 24 * u;
    if (spare > 0 && L.npages == 1) {
        L.head_y += spare * 0.3f;
        L.list_y += spare * 0.3f;
        L.tick_y -= spare * 0.5f;
        L.foot_y -= spare * 0.5f;
        L.list_bottom = L.list_y + ph + 24 * u;
    }
    char buf[512];
    draw_text(l, gw_rc(L.cx, L.head_y, L.cw, L.head_h), app_title_tagged(a, ST(a)->ex, buf, sizeof buf),
              L.head_px, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    const char *vnote = cautions_voice_note(a, ST(a)->ex);
    if (vnote)
        draw_text(l, gw_rc(L.cx, L.head_y + L.head_h + 2 * u, L.cw, L.note_h), vnote, L.note_px,
                  ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    /* each caution with a small mark before it, on a quiet panel */
    float y = L.list_y;
    draw_rect(l, gw_rc(L.cx - 24 * u, y - 16 * u, L.cw + 48 * u, fminf(ph + 32 * u, L.list_bottom - y + 24 * u)),
              20 * u, t->surface);
    for (int i = L.first[page]; i < L.first[page + 1]; i++) {
        float lh = ui_measure(&ui, "Ag", L.px, false, 0).line_h;
        int item = L.piece[i].item;
        bool how = ST(a)->review && item == 0; /* how it is used: no mark, quieter */
        if (!how && L.piece[i].from == 0) /* a caution's mark at its start, not before a part of it */
            draw_circle(l, L.cx + 12 * u, y + lh / 2, 6 * u, t->accent);
        char part[CAUTION_PART_MAX];
        snprintf(part, sizeof part, "%.*s", L.piece[i].to - L.piece[i].from,
                 cautions_caution_text(a, item) + L.piece[i].from);
        draw_text(l, gw_rc(L.cx + 40 * u, y, tw, L.piece[i].h + 2), part, L.px, VALIGN_TOP,
                  how ? t->text_dim : t->text);
        y += L.piece[i].h + gap;
    }
    if (L.tick) {
        bool on = ST(a)->hide_next;
        /* the box grows with the text beside it (k: 1 at 100%, 1.5 from 150%) */
        float k = fminf(fmaxf(a->view.text_scale, 1.f), 1.5f), bs = 32 * u * k;
        float bx = L.cx, by = L.tick_y + (L.tick_h - bs) / 2;
        gw_rect hit = gw_rc(L.cx - 8 * u, L.tick_y, L.cw + 16 * u, L.tick_h);
        draw_frame(l, gw_rc(bx, by, bs, bs), 6 * u * k, 3 * u, on ? t->accent : t->text_dim);
        if (on) {
            draw_line(l, bx + 7 * u * k, by + 17 * u * k, bx + 13 * u * k, by + 24 * u * k, 4 * u, t->accent);
            draw_line(l, bx + 13 * u * k, by + 24 * u * k, bx + 26 * u * k, by + 9 * u * k, 4 * u, t->accent);
        }
        draw_text(l, gw_rc(bx + bs + 16 * u, L.tick_y, L.cw - bs - 24 * u, L.tick_h), _("Don't show this again for this exercise"),
                  (int)lroundf(20 * u), VALIGN_MIDDLE, t->text_dim);
        if (f == wi && a->focus.visible)
            draw_frame(l, hit, 10 * u, 3 * u, t->focus);
        draw_widget_add(l, "cautions-hide", hit, f == wi);
        draw_widget_describe(l, ROLE_CHECKBOX, _("Don't show this again for this exercise"), on ? _("Ticked") : _("Not ticked"));
        wi++;
    }
    /* the foot: page turns, a page count, and the way on */
    /* the buttons line up with the panel's edges (or the screen's, if wider) */
    float pad = fmaxf(16 * u, fminf(L.cx - 24 * u, 40 * u + (L.W - 2 * 40 * u - L.cw - 48 * u) / 2));
    const char *lab = cautions_primary_label(a, last);
    float bw = ui_button_w(&ui, lab, 260 * u);
    gw_rect pr = gw_rc(L.W - pad - bw, L.foot_y, bw, L.bh);
    if (L.npages > 1) {
        const char *prev = _("Previous");
        float pw = ui_button_w(&ui, prev, 200 * u);
        if (page > 0) {
            ui_button(&ui, l, "page:previous", gw_rc(pad, L.foot_y, pw, L.bh), prev, f == wi, false);
            wi++;
        }
        char cnt[64];
        snprintf(cnt, sizeof cnt, _("Page %d of %d"), page + 1, L.npages);
        float mx = pad + pw + 16 * u, mw = pr.x - 16 * u - mx;
        if (mw > 0)
            draw_text(l, gw_rc(mx, L.foot_y, mw, L.bh), cnt, (int)lroundf(20 * u),
                      ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
    }
    if (!last) {
        ui_button(&ui, l, "page:next", pr, lab, f == wi || f < 0, true);
        return;
    }
    float share = cautions_read_share(a);
    if (share < 1.f) {
        /* the kiosk's Start fills as the reading time passes, then is offered */
        float rad = pr.h * 0.3f;
        draw_rect(l, pr, rad, t->surface_hi);
        gw_color fill = t->accent;
        fill.a = 110;
        draw_rect(l, gw_rc(pr.x, pr.y, fmaxf(2 * rad, pr.w * share), pr.h), rad, fill);
        draw_text(l, pr, lab, ui_button_px(&ui), ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text_dim);
        return;
    }
    ui_button(&ui, l, ST(a)->review ? "cautions-continue" : "cautions-start", pr, lab, f == wi || f < 0, true);
}

static void cautions_activate(app *a, const char *w)
{
    if (!strcmp(w, "cautions-start")) {
        cautions_start(a);
    } else if (!strcmp(w, "cautions-continue")) {
        cautions_close_review(a);
    } else if (!strcmp(w, "back") || !strcmp(w, "cautions-back")) {
        cautions_go_back(a);
    } else if (!strcmp(w, "cautions-hide")) {
        ST(a)->hide_next = !ST(a)->hide_next;
        trace_begin(a->tr, a->now, "cautions_hide");
        trace_str(a->tr, "exercise", ST(a)->ex ? ST(a)->ex->id : "");
        trace_bool(a->tr, "on", ST(a)->hide_next);
        trace_end(a->tr);
    } else if (!strcmp(w, "page:next") || !strcmp(w, "page:previous")) {
        layout L = cautions_lay_out(a);
        int p = cautions_page_of(a, &L) + (w[5] == 'n' ? 1 : -1);
        ST(a)->page = p < 0 ? 0 : p >= L.npages ? L.npages - 1 : p;
    }
}

static bool cautions_event(app *a, const gw_event *e)
{
    if ((e->type == EV_KEY || e->type == EV_BUTTON) && ST(a)->focus < 0) {
        const char *k = e->key;
        if (!strcmp(k, "Return") || !strcmp(k, "Keypad Enter") || !strcmp(k, "Space") || !strcmp(k, "a")) {
            /* the way on, as the library's Enter starts a card: not a press of a widget */
            layout L = cautions_lay_out(a);
            bool last = cautions_page_of(a, &L) == L.npages - 1;
            if (!last)
                cautions_activate(a, "page:next");
            else if (cautions_read_share(a) >= 1.f) /* the kiosk's reading time */
                cautions_activate(a, ST(a)->review ? "cautions-continue" : "cautions-start");
            a->ui_stale = true;
            return true;
        }
    }
    return app_home_nav(a, &ST(a)->focus, e, "back");
}

/* kiosk: Start is offered when the reading time is up */
static gw_ns cautions_next_change(const app *a)
{
    if (!app_mode_is(a, MODE_KIOSK) || ST(a)->review || !ST(a)->ex)
        return GW_NEVER;
    gw_ns due = ST(a)->since + KIOSK_CAUTIONS_READ_NS;
    if (due <= a->now)
        return GW_NEVER;
    /* the fill moves: about 20 steps over the reading time */
    gw_ns step = KIOSK_CAUTIONS_READ_NS / 20, next = a->now + step;
    return next < due ? next : due;
}

/* A card was chosen (app_choose_exercise keeps which): its cautions when due, else on
 * to the check-in or the exercise at once. */
static void cautions_open(app *a)
{
    const char *id = app_home_chosen(a);
    const exercise *e = a->packs ? pack_set_find(a->packs, id) : NULL;
    if (app_cautions_due(a, e))
        app_show_cautions(a, e);
    else
        app_after_cautions(a, id);
}

const scene_vt scene_cautions = {
    .id = SCENE_CAUTIONS,
    .name = "cautions",
    .open = cautions_open,
    .event = cautions_event,
    .activate = cautions_activate,
    .draw = cautions_draw,
    .next_change = cautions_next_change,
    .state_size = sizeof(struct cautions_st),
};
