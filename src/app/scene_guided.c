/* scene_guided: guided exercises (progressive muscle relaxation, body scan): a
 * timeline of captioned, voiced steps that runs by itself. The step shown, the caption
 * lines and the timer are functions of elapsed time (core/guided). The screen: a body
 * map on one side (the pack's regions, the step's region highlighted), the caption, a
 * tense/release indicator and the step's timer on the other.
 * Voice: a step's clip starts when the step starts, or part-way in when the exercise
 * resumes, a step is sought, or the audio device returns; every start is traced as
 * `voice` even without sound, so headless runs show what would play.
 * "Dominant" regions follow the hand the person writes with (settings handedness): for
 * a left-handed person the highlight is mirrored and the region's name says the side.
 * At home, until the hand is known, the steps before the first such region ask
 * "Which hand do you write with?" (hand:right, hand:left); unanswered, the right is
 * shown and the next such exercise asks again.
 * Widget ids: back, pause, previous, next, restart, ambience, done, hand:right,
 * hand:left. Keys: Space or P pauses, Left/Right step, R restarts, Escape leaves. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/bodymap.h"
#include "app/ui.h"
#include "core/caption.h"
#include "core/guided.h"
#include "core/i18n.h"
#include "core/sound.h"

#define NBED 4
static const char *const BED[NBED] = { NULL, "brown", "rain", "drone" };

/* The scene's own state, for the app's life. */
struct guided_st {
    int  voice;       /* step whose clip was started and not stopped, -1: none */
    int  ambience;    /* 0 off, 1 brown, 2 rain, 3 drone (kept between exercises) */
    bool audio_gone;  /* the audio device was removed and has not come back */
    /* whether the body map leaves every step's clauses room (lay_out), worked out once
     * for the exercise, language, window and text size it was worked out for */
    struct { const void *ex; char lang[16]; int w, h, pct, map; bool known; } map_room;
};

static struct guided_st *ST(const app *a) { return app_state(a, SCENE_GUIDED); }

/* ---- voice -------------------------------------------------------------------- */

static const char *clip_of(const app *a, int i)
{
    if (i < 0 || i >= a->ex->nstep)
        return "";
    return pack_voice_get(&a->ex->step[i].voice, &a->ex->step[i].caption, a->lang);
}

/* Starts step i's clip at `offset` into it (traced even when silent). A clip whose
 * known length has passed is not started again. */
static void voice_start(app *a, int i, gw_ns offset)
{
    sound_voice_stop(a->sound);
    ST(a)->voice = -1;
    const char *rel = clip_of(a, i);
    if (!*rel || ST(a)->audio_gone)
        return;
    const guided_step *s = &a->ex->step[i];
    const char *dir = a->ex->pack && a->ex->pack->dir ? a->ex->pack->dir : "";
    char path[1024];
    snprintf(path, sizeof path, "%s%s%s", dir, *dir ? "/" : "", rel);
    gw_ns len = sound_clip_length(path);
    if (len <= 0 && a->ex->pack && a->ex->pack->nlang > 0 &&
        !strcmp(rel, pack_text_get(&s->voice, a->ex->pack->lang[0])))
        len = s->voice_ns;
    if (offset > 0 && len > 0 && offset >= len)
        return;
    ST(a)->voice = i;
    trace_begin(a->tr, a->now, "voice");
    trace_str(a->tr, "clip", rel);
    trace_num(a->tr, "offset", gw_seconds(offset));
    trace_end(a->tr);
    sound_voice_play(a->sound, path, offset);
}

static void voice_stop(app *a)
{
    sound_voice_stop(a->sound);
    ST(a)->voice = -1;
}

/* ---- the timeline ------------------------------------------------------------- */

static guided_pos pos_now(const app *a)
{
    return guided_at(a->ex, tb_elapsed(&a->clock, a->now));
}

static void guided_update(app *a);

static void guided_enter(app *a)
{
    a->step = -1;
    ST(a)->voice = -1;
    ST(a)->map_room.known = false; /* new content may sit where the last exercise was */
    sound_ambience(a->sound, BED[ST(a)->ambience % NBED]);
    guided_update(a);
}

static void guided_update(app *a)
{
    if (!a->ex_active)
        return;
    guided_pos p = pos_now(a);
    if (p.step >= a->ex->nstep) {
        a->step = a->ex->nstep;
        app_end_exercise(a, true);
        return;
    }
    if (p.step != a->step) {
        a->step = p.step;
        app_trace_step(a, p.step);
        if (a->clock.paused)
            voice_stop(a);   /* starts on resume */
        else
            voice_start(a, p.step, p.into);
    }
}

/* Moves the timeline to the start of step i (re-anchored with tb_seek); the step is
 * traced and voiced again even if it is the same one. */
static void seek_step(app *a, int i)
{
    if (!a->ex_active)
        return;
    if (i < 0)
        i = 0;
    if (i > a->ex->nstep)
        i = a->ex->nstep;
    voice_stop(a);
    tb_seek(&a->clock, a->now, guided_step_start(a->ex, i));
    a->step = -1;
    guided_update(a);
}

static void toggle_pause(app *a)
{
    if (!a->ex_active)
        return;
    app_set_paused(a, !a->clock.paused);
    if (a->clock.paused)
        sound_pause(a->sound, true);
    else if (ST(a)->voice == a->step)
        sound_pause(a->sound, false);
    else
        voice_start(a, a->step, pos_now(a).into);
}

static void cycle_ambience(app *a)
{
    struct guided_st *g = ST(a);
    g->ambience = (g->ambience + 1) % NBED;
    sound_ambience(a->sound, BED[g->ambience]);
    trace_begin(a->tr, a->now, "ambience");
    trace_str(a->tr, "bed", BED[g->ambience] ? BED[g->ambience] : "off");
    trace_end(a->tr);
}

/* Whether the device is there, told whichever screen shows: an exercise started while
 * it is gone is not voiced. */
static void guided_audio_known(app *a, bool added) { ST(a)->audio_gone = !added; }

/* The audio device went away or came back: the timeline goes on with captions; the
 * voice picks up where the step now is. */
static void audio_device(app *a, bool added)
{
    if (!a->ex_active)
        return;
    if (!added) {
        voice_stop(a);
        return;
    }
    if (!a->clock.paused && a->step >= 0 && a->step < a->ex->nstep)
        voice_start(a, a->step, pos_now(a).into);
}

static void guided_leave(app *a)
{
    voice_stop(a);
    app_leave_exercise(a);
}

/* ---- the writing hand --------------------------------------------------------- */

static int first_sided_step(const exercise *e)
{
    for (int i = 0; i < e->nstep; i++)
        if (e->step[i].region >= 0 && e->step[i].region < e->nregion && body_region_side(&e->region[e->step[i].region]))
            return i;
    return -1;
}

/* The question is shown: at home, the hand not yet known, before the first step with a
 * dominant or non-dominant region. */
static bool asking_hand(const app *a)
{
    if (!app_keeps_data(a) || a->set.handedness[0] || !a->ex_active)
        return false;
    int f = first_sided_step(a->ex);
    return f >= 0 && a->step < f;
}

/* The side a region is on for this person: 1 right, -1 left, 0 not a sided region. */
static int region_side(const app *a, const body_region *r)
{
    int s = body_region_side(r);
    return !strcmp(a->set.handedness, "left") ? -s : s;
}

static void guided_activate(app *a, const char *w)
{
    if (!strcmp(w, "hand:right") || !strcmp(w, "hand:left")) {
        app_set_handedness(a, w + 5);
        trace_begin(a->tr, a->now, "setting");
        trace_str(a->tr, "widget", w);
        trace_end(a->tr);
        return;
    }
    if (!strcmp(w, "back") || !strcmp(w, "done"))
        guided_leave(a);
    else if (!strcmp(w, "pause"))
        toggle_pause(a);
    else if (!strcmp(w, "previous"))
        seek_step(a, a->step - 1);
    else if (!strcmp(w, "next"))
        seek_step(a, a->step + 1);
    else if (!strcmp(w, "restart"))
        seek_step(a, 0);
    else if (!strcmp(w, "ambience"))
        cycle_ambience(a);
}

static bool guided_event(app *a, const gw_event *e)
{
    if (e->type == EV_AUDIO_DEVICE) {
        audio_device(a, e->added);
        return true;
    }
    if (e->type != EV_KEY && e->type != EV_BUTTON)
        return false;
    const char *k = e->key;
    if (!strcmp(k, "Escape") || !strcmp(k, "b")) {
        guided_leave(a);
        return true;
    }
    if (!a->ex_active) {
        if (!strcmp(k, "Return") || !strcmp(k, "Space") || !strcmp(k, "a"))
            guided_leave(a);
        return true;
    }
    if (!strcmp(k, "Space") || !strcmp(k, "P") || !strcmp(k, "start"))
        toggle_pause(a);
    else if (!strcmp(k, "Left") || !strcmp(k, "dpleft"))
        seek_step(a, a->step - 1);
    else if (!strcmp(k, "Right") || !strcmp(k, "dpright"))
        seek_step(a, a->step + 1);
    else if (!strcmp(k, "R"))
        seek_step(a, 0);
    else if (!strcmp(k, "A")) /* Ambience, whose button takes no focus */
        return app_press(a, "ambience");
    else
        return false;
    return true;
}

/* ---- drawing ------------------------------------------------------------------ */

/* As designed: the body map on the left, the step, what to do, the caption and the
 * step's timer on the right, the controls in a row at the bottom. The caption has all
 * the room between the indicator and the timer, as many lines as fit, and shows whole
 * sentences (core/caption). With large text the controls may take two rows, the map
 * gets narrower so the caption has room, the timer goes beside the caption, and the
 * caption's type is made as much smaller as it takes to show two lines and each whole
 * sentence. Where even that leaves a sentence no room (200% text in a 1280x720
 * window: a two-line title and two rows of controls leave the panel some 350 of 720
 * pixels), the caption comes first (MAP_NONE_CAPTION_FIRST): no map, the timer on the
 * step's line, the indicator at the step line's size, and the caption's type smaller
 * than elsewhere rather than a sentence cut into pieces (only if that is not enough
 * either, a piece, marked "…" at both ends, at the smallest type). While the hand is
 * asked (MAP_ASKING_CAPTION_FIRST), the question keeps the map's room beside it. */
enum { MAP_NONE_CAPTION_FIRST = -1, MAP_ASKING_CAPTION_FIRST = -2 };
enum { NCTL = 5 };
static const char *const CTL_ID[NCTL] = { "previous", "pause", "next", "restart", "ambience" };
static const float CTL_W[NCTL] = { 170, 170, 170, 170, 290 };

typedef struct layout {
    float u, bar;
    gw_rect map, panel, controls;
    int caption_px;
    float step_h, pill_w, pill_h, cap_w, cap_h, rr;
    float row_h;           /* the indicator's row: the pill and the region's name */
    float cap_gap;         /* between the indicator's row and the caption */
    int kind_px, region_px;
    bool region_one;       /* the region's name on one line (made a little smaller if need be) */
    bool sentences_fit;    /* each sentence of the step's caption fits the box whole */
    char region[160];      /* the region's name as shown, "": none */
    bool compact;          /* the timer beside the caption */
    bool timer_top;        /* the timer, small, on the step's line instead */
} layout;

static void control_items(const app *a, ui_item *it)
{
    /* the background sound, named as such: "Sound: off" read as the voice being off */
    static const char *const AMB[NBED] = { N_("Ambience: off"), N_("Ambience: brown noise"),
                                           N_("Ambience: rain"), N_("Ambience: drone") };
    const char *label[NCTL] = { _("Previous"), a->clock.paused ? _("Resume") : _("Pause"),
                                _("Next"), _("Restart"), _(AMB[ST(a)->ambience % NBED]) };
    float u = app_unit(a);
    for (int i = 0; i < NCTL; i++)
        it[i] = (ui_item){ CTL_ID[i], label[i], CTL_W[i] * u, false, i == 1 };
}

static const char *kind_label(guided_step_kind k)
{
    static const char *const K[] = { N_("Listen"), N_("Tense"), N_("Release"), N_("Rest") };
    return _(K[k]);
}

/* The height of one caption line at px, in the caption's own script: "Ag" and the first
 * letters of the step's caption (Noto Sans Arabic's lines are taller than Noto Sans's,
 * and two Arabic lines in the room of two Latin ones ran into the timer below). */
static const char *step_caption(const app *a, int step)
{
    return a->ex && step >= 0 && step < a->ex->nstep ? app_text(a, &a->ex->step[step].caption) : NULL;
}

static float caption_line_h(const app *a, int step, int px)
{
    ui_ctx ui = app_ui(a);
    char s[48] = "Ag";
    const char *c = step_caption(a, step);
    if (c) {
        size_t n = strnlen(c, 40);
        while (n > 0 && c[n] && ((unsigned char)c[n] & 0xC0) == 0x80) /* not inside a character */
            n--;
        memcpy(s + 2, c, n);
        s[2 + n] = 0;
    }
    return ui_measure(&ui, s, px, false, 0).line_h;
}

typedef struct cap_fit {
    ui_ctx ui;
    int px;
    float w, h;
} cap_fit;

/* Whether a piece of the caption fits its box, measured as it will be drawn. */
static bool caption_fits(void *ctx, const char *s, size_t len)
{
    const cap_fit *f = ctx;
    char buf[1024];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = 0;
    return ui_text_fits(&f->ui, buf, f->px, false, f->w, f->h);
}

/* The caption's type in L (cap_w set) for a room `room` high: as large as two lines
 * allow, then small enough (down to floor_px) that each sentence of the step fits
 * whole; whether that was possible (else the smallest type). */
static bool size_caption(const app *a, layout *L, int step, float room, int floor_px)
{
    ui_ctx ui = app_ui(a);
    int cpx = (int)lroundf(40 * L->u);
    L->caption_px = cpx;
    /* as large as two lines allow, down to the smallest allowed */
    for (int p = cpx; p >= ui_min_px(&ui, cpx); p--) {
        L->caption_px = p;
        if (2 * caption_line_h(a, step, p) <= room)
            break;
    }
    L->cap_h = fmaxf(room, caption_line_h(a, step, L->caption_px));
    /* and, down to the smallest allowed, small enough that each of the step's
     * sentences fits whole: a sentence cut into timed pieces ("press your elbow
     * down," / "tightening hand") is harder to follow than smaller type */
    const char *cap = step_caption(a, step);
    for (int p = L->caption_px; cap && p >= floor_px; p--) {
        cap_fit f = { ui, p, L->cap_w, L->cap_h };
        if (caption_sentences_fit(cap, caption_fits, &f)) {
            L->caption_px = p;
            return true;
        }
    }
    /* a sentence too long for the room even so: the smallest type, where it needs the
     * fewest pieces (each marked "…") and every other sentence of the step is whole
     * (map_room makes room where it can) */
    if (cap)
        L->caption_px = ui_min_px(&ui, cpx);
    return !cap;
}

/* The name of step's region as shown (into buf), "" for none: "Dominant hand and
 * forearm, left side" once the hand is known. */
static void region_name(const app *a, int step, char *buf, size_t n)
{
    const exercise *e = a->ex;
    int r = e && step >= 0 && step < e->nstep ? e->step[step].region : -1;
    buf[0] = 0;
    if (r < 0 || r >= e->nregion)
        return;
    const char *where = app_text(a, &e->region[r].name);
    int side = a->set.handedness[0] ? region_side(a, &e->region[r]) : 0;
    if (side)
        snprintf(buf, n, side > 0 ? _("%s, right side") : _("%s, left side"), where);
    else
        snprintf(buf, n, "%s", where);
}

/* The indicator's row: the pill, and beside it the region's name on one line if it
 * fits (a little smaller if need be), else on as many as it takes at the largest size
 * that fits the pill's height or, failing that, the smallest, the row growing to hold
 * it ("Chest, shoulders, back and abdomen" at 200% ran out of its box). */
static void lay_out_region(const app *a, layout *L, int step)
{
    ui_ctx ui = app_ui(a);
    region_name(a, step, L->region, sizeof L->region);
    L->row_h = L->pill_h;
    L->region_px = (int)lroundf(26 * L->u);
    L->region_one = true;
    if (!L->region[0])
        return;
    float rw = L->panel.w - L->pill_w - 20 * L->u;
    L->region_one = ui_line_fits(&ui, L->region, L->region_px, false, rw);
    if (L->region_one)
        return;
    int min = ui_min_px(&ui, L->region_px);
    L->region_px = ui_fit_px(&ui, L->region, L->region_px, min, false, rw, L->pill_h);
    L->row_h = fmaxf(L->pill_h, ui_text_h(&ui, L->region, L->region_px, false, rw));
}

/* map: 2 as designed, 1 narrower (large text), 0 none, MAP_NONE_CAPTION_FIRST or
 * MAP_ASKING_CAPTION_FIRST */
static layout lay_out_with(const app *a, int map, int step)
{
    ui_ctx ui = app_ui(a);
    layout L;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    L.u = u;
    /* the bar's height, as ui_top_bar will draw it */
    draw_list tmp = { 0 };
    draw_begin(&tmp, a->w, a->h, a->th->bg);
    L.bar = ui_top_bar(&ui, &tmp, app_text(a, &a->ex->title));
    draw_free(&tmp);
    float pad = 40 * u;
    ui_item it[NCTL];
    control_items(a, it);
    float ctl_h = ui_button_flow(&ui, NULL, pad, 0, W - 2 * pad, 64 * u, 16 * u, it, NCTL, false);
    L.controls = gw_rc(pad, H - ctl_h - 28 * u, W - 2 * pad, ctl_h);
    float top = L.bar + 8 * u, bottom = L.controls.y - 16 * u;
    L.compact = a->view.text_scale > 1.f;
    bool first = map < 0;
    if (first)
        map = map == MAP_ASKING_CAPTION_FIRST ? 2 : 0;
    float side = map ? fminf(bottom - top, W * (!L.compact ? 0.40f : map == 2 ? 0.26f : 0.15f)) : 0;
    float px = !map ? pad : L.compact ? pad + side + 40 * u : W * 0.44f;
    L.map = L.compact ? gw_rc(pad, top, side, side) : gw_rc(pad + (W * 0.42f - pad - side) / 2, top, side, side);
    L.panel = gw_rc(px, top, W - px - pad, bottom - top);

    /* what the panel holds, measured: "Step n of N", the indicator, two lines of
     * caption, the timer */
    int spx = (int)lroundf(22 * u), kpx = (int)lroundf((first ? 22 : 34) * u), tpx = (int)lroundf(32 * u);
    char pos[64];
    snprintf(pos, sizeof pos, _("Step %d of %d"), 88, 88);
    L.step_h = fmaxf(34 * u, ui_text_h(&ui, pos, spx, false, 0));
    float kw = 0;
    for (int k = 0; k < 4; k++)
        kw = fmaxf(kw, ui_text_w(&ui, kind_label((guided_step_kind)k), kpx, true));
    L.pill_w = fminf(fmaxf(220 * u, kw + 40 * u), L.panel.w / 2);
    L.pill_h = fmaxf((first ? 44 : 64) * u, ui_text_h(&ui, kind_label(STEP_TENSE), kpx, true, 0) + 8 * u);
    L.kind_px = kpx;
    L.cap_gap = (first ? 16 : 26) * u;
    lay_out_region(a, &L, step);
    L.rr = fmaxf(64 * u, ui_text_w(&ui, "0:00", tpx, true) / 2 + 16 * u);
    L.cap_w = L.compact ? L.panel.w - 2 * L.rr - 30 * u : L.panel.w;
    L.timer_top = first;
    if (first)
        L.cap_w = L.panel.w;
    /* the caption's room: down to the timer (below it: a ring of at most 64 units),
     * or beside the timer down to the panel's end ("Paused" then shows on the step's
     * line) */
    float room = L.panel.h - L.step_h - 10 * u - L.row_h - L.cap_gap;
    if (!L.compact)
        room -= 20 * u + 2 * 64 * u + 8 * u;
    /* the caption first: whole sentences down to the type 100% text draws */
    int cpx = (int)lroundf(40 * u);
    int floor_px = first ? (int)lroundf((float)cpx / a->view.text_scale) : ui_min_px(&ui, cpx);
    L.sentences_fit = size_caption(a, &L, step, room, floor_px);
    if (L.sentences_fit || !L.compact || first)
        return L;
    /* a sentence too long for the room beside the timer: the timer goes on the step's
     * line, small, and the caption takes the panel's width (a German sentence was cut
     * into a clause over an empty line) */
    layout T = L;
    T.timer_top = true;
    T.cap_w = L.panel.w;
    T.sentences_fit = size_caption(a, &T, step, room, ui_min_px(&ui, cpx));
    return T;
}

/* With large text in a small window the caption may have room for a line or two
 * beside the body map, too little for a whole sentence even at its smallest type: the
 * map is then made narrower, or if that is not enough left out (the step's indicator
 * names the region), and the caption takes the width, and if that is not enough
 * either the caption comes first (MAP_NONE_CAPTION_FIRST), since a caption cut into
 * pieces is harder to follow than a step with a small figure or none. For the whole
 * exercise (a figure that came and went from step to step would be worse than none),
 * and not while the map asks which hand is dominant. */
static int map_room(const app *a)
{
    struct guided_st *g = ST(a);
    int pct = app_text_pct(a);
    if (!g->map_room.known || g->map_room.ex != a->ex || strcmp(g->map_room.lang, a->lang) || g->map_room.w != a->w ||
        g->map_room.h != a->h || g->map_room.pct != pct) {
        /* as designed, else narrower, else none, else the caption first: the first
         * that leaves every sentence room */
        for (g->map_room.map = 2; g->map_room.map > MAP_NONE_CAPTION_FIRST; g->map_room.map--) {
            bool ok = true;
            for (int i = 0; a->ex && i < a->ex->nstep && ok; i++) {
                layout L = lay_out_with(a, g->map_room.map, i);
                ok = !L.compact || L.sentences_fit;
            }
            if (ok)
                break;
        }
        g->map_room.ex = a->ex;
        snprintf(g->map_room.lang, sizeof g->map_room.lang, "%s", a->lang);
        g->map_room.w = a->w;
        g->map_room.h = a->h;
        g->map_room.pct = pct;
        g->map_room.known = true;
    }
    return g->map_room.map;
}

static layout lay_out(const app *a)
{
    int map = map_room(a);
    if (asking_hand(a))
        map = map < 0 ? MAP_ASKING_CAPTION_FIRST : 2;
    return lay_out_with(a, map, a->step);
}

/* The part of step s's caption showing `into` it: whole sentences, in step with the
 * voice (the chunks share the clip's length, or four fifths of the step). */
static caption_chunk caption_now(const app *a, const layout *L, const guided_step *s, gw_ns into)
{
    cap_fit f = { app_ui(a), L->caption_px, L->cap_w, L->cap_h };
    gw_ns step_ns = guided_step_length(s);
    gw_ns span = s->voice_ns > 0 && s->voice_ns < step_ns ? s->voice_ns : step_ns * 4 / 5;
    return caption_at_marked(app_text(a, &s->caption), caption_fits, &f, span, into);
}

static gw_color kind_color(const theme *t, guided_step_kind k)
{
    return k == STEP_TENSE ? t->focus : k == STEP_RELEASE ? t->exhale : t->accent;
}

static void draw_controls(const app *a, draw_list *l, const layout *L)
{
    ui_ctx ui = app_ui(a);
    ui_item it[NCTL];
    control_items(a, it);
    ui_button_flow(&ui, l, L->controls.x, L->controls.y, L->controls.w, 64 * L->u, 16 * L->u, it, NCTL, false);
}

/* "Which hand do you write with?" under the figure (the steps before the first sided
 * region highlight none), with Right and Left, at the bottom of the figure's room m:
 * its height (into *h) when l is NULL. The two buttons side by side when each label's
 * words fit at the buttons' size, else one above the other (a button makes a word too
 * wide for it smaller: "Izquierda" beside a larger "Derecha"). */
static void draw_hand_question(const app *a, draw_list *l, gw_rect m, float *h_out)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a), pad = 16 * u, gap = 12 * u;
    const char *q = _("Which hand do you write with?");
    const char *lab[2] = { _("Right"), _("Left") };
    const char *id[2] = { "hand:right", "hand:left" };
    float iw = m.w - 2 * pad, bw = (iw - gap) / 2;
    int bpx = ui_button_px(&ui);
    bool row = ui_words_px(&ui, lab[0], bpx, true, bw - 24 * u) == bpx &&
               ui_words_px(&ui, lab[1], bpx, true, bw - 24 * u) == bpx;
    if (!row)
        bw = iw;
    int qpx = ui_fit_px(&ui, q, (int)lroundf(24 * u), ui_min_px(&ui, (int)lroundf(24 * u)), true, iw, m.h / 2);
    float qh = ui_text_h(&ui, q, qpx, true, iw);
    float bh = fmaxf(ui_button_h(&ui, lab[0], bw, 56 * u), ui_button_h(&ui, lab[1], bw, 56 * u));
    float h = pad + qh + gap + (row ? bh : 2 * bh + gap) + pad, y = m.y + m.h - h;
    if (h_out)
        *h_out = h;
    if (!l)
        return;
    draw_rect(l, gw_rc(m.x, y, m.w, h), 18 * u, t->surface);
    draw_text(l, gw_rc(m.x + pad, y + pad, iw, qh), q, qpx, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    for (int i = 0; i < 2; i++) {
        float bx = m.x + pad + (row ? (float)i * (bw + gap) : 0), by = y + pad + qh + gap + (row ? 0 : (float)i * (bh + gap));
        ui_button(&ui, l, id[i], gw_rc(bx, by, bw, bh), lab[i], false, false);
    }
}

/* The timer on the step's line, at its end: a small ring of the step's progress, the
 * whole seconds left before it, and "Paused" before them while paused. */
static void draw_timer_top(const app *a, draw_list *l, const layout *L, guided_pos p, gw_ns step_ns, gw_color kc)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = L->u;
    gw_rect P = L->panel;
    int spx = (int)lroundf(22 * u);
    float rr = L->step_h / 2 - 4 * u, cx = P.x + P.w - rr - 4 * u, cy = P.y + L->step_h / 2;
    double left_s = ceil(gw_seconds(p.left) - 1e-9);
    double done = 1.0 - left_s / ceil(gw_seconds(step_ns) - 1e-9);
    draw_ring(l, cx, cy, rr, 4 * u, 0, 1, t->ring_track);
    if (done > 0)
        draw_ring(l, cx, cy, rr, 4 * u, 0, (float)fmin(done, 1.0), kc);
    char left[32];
    ui_clock(left, sizeof left, left_s);
    float cw = ceilf(ui_text_w(&ui, left, spx, true)) + 2 * u, cx0 = cx - rr - 12 * u - cw;
    draw_text(l, gw_rc(cx0, P.y, cw, L->step_h), left, spx, ALIGN_RIGHT | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    if (a->clock.paused)
        draw_text(l, gw_rc(P.x, P.y, cx0 - 16 * u - P.x, L->step_h), _("Paused"), spx,
                  ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
}

static void guided_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    const exercise *e = a->ex;
    float H = (float)a->h;
    float bar = ui_top_bar(&ui, l, app_text(a, &e->title));
    int n = e->nstep;
    if (!a->ex_active || a->step < 0 || a->step >= n) {
        ui_closing(&ui, l, bar + (H - bar) / 2 - 40 * app_unit(a));
        return;
    }
    layout L = lay_out(a);
    float u = L.u;
    const guided_step *s = &e->step[a->step];
    gw_color kc = kind_color(t, s->kind);

    const body_region *rg = s->region >= 0 && s->region < e->nregion ? &e->region[s->region] : NULL;
    /* a sided region on the person's side: the figure faces the viewer, so the person's
     * right is the viewer's left, also in a right-to-left language (whose mirrored
     * layout would otherwise mirror the figure too) */
    bool mirror = rg && body_region_side(rg) && (!strcmp(a->set.handedness, "left") != a->view.rtl);
    /* while the hand is asked, the figure is made smaller above the question: nothing
     * covers the body map */
    gw_rect fig = L.map;
    bool ask = asking_hand(a);
    if (ask && L.map.w > 0) {
        float qh = 0;
        draw_hand_question(a, NULL, L.map, &qh);
        float side = fmaxf(0.f, fminf(L.map.w, L.map.h - qh - 12 * u));
        /* a figure much narrower than the question would be a speck above it (at
         * large text the question takes nearly all the room): then none */
        if (side < L.map.w / 2)
            side = 0;
        fig = gw_rc(L.map.x + (L.map.w - side) / 2, L.map.y, side, side);
    }
    if (fig.w > 0)
        bodymap_draw(l, e->region, e->nregion, s->region, mirror, fig.x, fig.y, fig.w, t->ring_track, kc,
                     s->kind == STEP_TENSE ? BODYMAP_TENSE : s->kind == STEP_RELEASE ? BODYMAP_RELEASE : BODYMAP_PLAIN);
    if (ask)
        draw_hand_question(a, l, L.map, NULL);

    gw_rect P = L.panel;
    char pos[64];
    snprintf(pos, sizeof pos, _("Step %d of %d"), a->step + 1, n);
    draw_text(l, gw_rc(P.x, P.y, P.w, L.step_h), pos, (int)lroundf(22 * u), ALIGN_LEFT | VALIGN_MIDDLE, t->text_dim);

    /* indicator: what to do now, in the step's colour, and where */
    float iy = P.y + L.step_h + 10 * u, py = iy + (L.row_h - L.pill_h) / 2;
    draw_rect(l, gw_rc(P.x, py, L.pill_w, L.pill_h), L.pill_h / 2, kc);
    draw_text(l, gw_rc(P.x, py, L.pill_w, L.pill_h), kind_label(s->kind), L.kind_px,
              ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->bg);
    if (L.region[0]) {
        float rx = P.x + L.pill_w + 20 * u, rw = P.w - L.pill_w - 20 * u;
        draw_text(l, gw_rc(rx, iy, rw, L.row_h), L.region, L.region_px,
                  ALIGN_LEFT | VALIGN_MIDDLE | (L.region_one ? TEXT_FIT : 0), t->text);
    }

    /* caption: whole sentences, as many as its room holds, in step with the voice */
    guided_pos p = pos_now(a);
    gw_ns step_ns = guided_step_length(s);
    const char *cap = app_text(a, &s->caption);
    caption_chunk c = caption_now(a, &L, s, p.into);
    /* a piece of a sentence says so: "…" where the sentence goes on, and where it
     * came from */
    char line[1024];
    size_t len = c.len < sizeof line - 8 ? c.len : sizeof line - 8;
    snprintf(line, sizeof line, "%s%.*s%s", c.lead ? "\u2026" : "", (int)len, cap + c.off, c.trail ? "\u2026" : "");
    float cy = iy + L.row_h + L.cap_gap;
    if (app_captions_shown(a))  /* present mode: the therapist may hide them */
        draw_text(l, gw_rc(P.x, cy, L.cap_w, L.cap_h), line, L.caption_px, ALIGN_LEFT | VALIGN_TOP, t->text);

    /* timer: whole seconds left, and a ring of the step's progress; below the caption,
     * or beside it */
    float rr, cx, ccy;
    if (L.timer_top) {
        draw_timer_top(a, l, &L, p, step_ns, kc);
        draw_controls(a, l, &L);
        return;
    }
    if (L.compact) {
        rr = fminf(L.rr, (P.y + P.h - cy) / 2 - 4 * u);
        cx = P.x + P.w - rr - 4 * u;
        ccy = cy + rr;
    } else {
        float ty = cy + L.cap_h + 20 * u;
        rr = fminf(64 * u, (P.y + P.h - ty) / 2 - 4 * u);
        cx = P.x + rr + 4 * u;
        ccy = ty + rr;
    }
    if (rr > 16 * u) {
        double left_s = ceil(gw_seconds(p.left) - 1e-9);
        double done = 1.0 - left_s / ceil(gw_seconds(step_ns) - 1e-9);
        draw_ring(l, cx, ccy, rr, 8 * u, 0, 1, t->ring_track);
        if (done > 0)
            draw_ring(l, cx, ccy, rr, 8 * u, 0, (float)fmin(done, 1.0), kc);
        char left[32];
        ui_clock(left, sizeof left, left_s);
        /* inside the ring, clear of it (smaller when the ring had to be) */
        draw_text(l, gw_rc(cx - rr + 12 * u, ccy - rr, 2 * rr - 24 * u, 2 * rr), left, (int)lroundf(32 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), t->text);
        if (a->clock.paused) {
            int ppx = (int)lroundf(30 * u);
            float ph = fmaxf(48 * u, ui_text_h(&ui, _("Paused"), ppx, false, 0));
            if (L.compact) /* on the step's line, at its end */
                draw_text(l, gw_rc(P.x, P.y, P.w, fmaxf(ph, L.step_h)), _("Paused"), ppx,
                          ALIGN_RIGHT | VALIGN_MIDDLE | TEXT_FIT, t->text_dim);
            else
                draw_text(l, gw_rc(cx + rr + 24 * u, ccy - 24 * u, P.w - 2 * rr - 40 * u, 48 * u), _("Paused"), ppx,
                          ALIGN_LEFT | VALIGN_MIDDLE, t->text_dim);
        }
    }
    draw_controls(a, l, &L);
}

static gw_ns guided_next_change(const app *a)
{
    if (!a->ex_active || a->clock.paused || a->step < 0 || a->step >= a->ex->nstep)
        return GW_NEVER;
    /* the timer shows whole seconds; the caption moves on at its chunk's end */
    gw_ns el = tb_elapsed(&a->clock, a->now);
    gw_ns next = a->now + (GW_NS_PER_SEC - el % GW_NS_PER_SEC);
    layout L = lay_out(a);
    const guided_step *s = &a->ex->step[a->step];
    guided_pos p = pos_now(a);
    caption_chunk c = caption_now(a, &L, s, p.into);
    if (c.end != GW_NEVER && a->now + (c.end - p.into) < next)
        next = a->now + (c.end - p.into);
    return next;
}

const scene_vt scene_guided = {
    .id = SCENE_GUIDED,
    .name = "guided",
    .focus_keys = FOCUS_TAB,
    .enter = guided_enter,
    .event = guided_event,
    .activate = guided_activate,
    .update = guided_update,
    .draw = guided_draw,
    .next_change = guided_next_change,
    .state_size = sizeof(struct guided_st),
    .audio_device = guided_audio_known,
};
