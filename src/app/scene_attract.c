/* scene_attract: the kiosk's resting screen. A calm breathing orb (the breathing
 * engine, closed form in time) and beside it "Touch to begin" in each offered
 * language in turn, the offered exercises as large cards (widgets "exercise:<id>",
 * up to three; two and "more" when more are offered) and the crisis line. The rest
 * of the screen is one target (widget "begin": the kiosk library, or the one
 * exercise offered). Dimmed or blank outside operating hours; everything drifts by a
 * few pixels over minutes against burn-in. The exercises offered are the kiosk
 * library's (kiosk_offered, scene_kiosk_library.c); the kiosk's settings and hours are
 * mode_kiosk's (app_kiosk_config, app_kiosk_hours). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/kiosk_scenes.h"
#include "app/mode_kiosk.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/locales.h"

#define MAX_CARDS KIOSK_OFFERED_MAX

/* "Touch to begin" for the languages a waiting room is likely to offer. */
static const struct { const char *lang, *text; } TOUCH[] = {
    { "en", "Touch to begin" },        { "fr", "Touchez pour commencer" },
    { "de", "Zum Starten berühren" },  { "es", "Toca para empezar" },
    { "it", "Tocca per iniziare" },    { "pt", "Toque para começar" },
    { "nl", "Tik om te beginnen" },    { "pl", "Dotknij, aby zacząć" },
    { "tr", "Başlamak için dokunun" }, { "uk", "Торкніться, щоб почати" },
    { "ar", "المس للبدء" },
};

static const char *attract_touch_text(const char *lang)
{
    for (size_t i = 0; i < sizeof TOUCH / sizeof *TOUCH; i++)
        if (!strncmp(lang, TOUCH[i].lang, 2))
            return TOUCH[i].text;
    return _("Touch to begin");
}

static const char *attract_shown_lang(const app *a)
{
    const kiosk_config *c = app_kiosk_config(a);
    return c->nlang > 0 ? c->lang[kiosk_lang_at(c, a->now)] : a->lang;
}

/* The attract pacer: the configured breathing exercise, or a gentle 4 in, 6 out. */
static breath_pattern attract_pattern(const app *a)
{
    breath_pattern p = { 0 };
    const kiosk_config *c = app_kiosk_config(a);
    const exercise *e = c->attract[0] && a->packs ? pack_set_find(a->packs, c->attract) : NULL;
    if (exercise_paced(e))
        p = e->breath;
    else {
        p.phase[0] = (breath_phase){ BREATH_INHALE, 4000 };
        p.phase[1] = (breath_phase){ BREATH_EXHALE, 6000 };
        p.nphase = 2;
    }
    /* drawn at (time mod one breath): two breaths are all the pattern needs. (A
     * million, as before, made a session over 24 hours, which the breathing engine
     * refuses: the orb stood still at its smallest in every real window.) */
    p.cycles = 2;
    p.session_ns = 0;
    p.opening_ms = 0;
    p.ramp_from_bpm = p.ramp_to_bpm = 0;
    p.ramp_ns = 0;
    p.lead_in_ns = 0;
    p.opening_ms = 0;
    return p;
}

/* The language the visitor read when they touched: the one "Touch to begin" was shown
 * in, for the exercises and the interface alike (the exercises alone changed: Arabic
 * exercises in an English, left-to-right frame). */
static void attract_take_lang(app *a)
{
    if (strcmp(a->lang, attract_shown_lang(a))) {
        snprintf(a->lang, sizeof a->lang, "%s", attract_shown_lang(a));
        app_lang_changed(a);
    }
}

/* The whole screen speaks the language of the moment: the cards' titles and lengths,
 * the line under the figure, the crisis line and Help follow "Touch to begin" as it
 * turns through the offered languages, so a visitor who finds their own language reads
 * everything on offer in it (and touches to go on in it), not an invitation in theirs
 * beside exercises in another. */
static void attract_update(app *a) { attract_take_lang(a); }

/* The figure keeps its place in every language (one a visitor breathes with does not
 * jump across the screen when the words turn to Arabic): in a right-to-left language
 * the screen's boxes are laid out mirrored here, so that the mirroring every screen gets
 * puts them back, and only the words read right to left, aligned to the right. */
static void attract_unmirror(draw_list *l, int from, int wfrom)
{
    for (int i = from; i < l->ncmd; i++) {
        draw_cmd *c = &l->cmd[i];
        if (c->op == DRAW_LINE) {
            c->r.x = (float)l->w - c->r.x;
            c->r.w = -c->r.w;
        } else if (c->op == DRAW_RING) {
            float a0 = c->a0;
            c->a0 = 1.f - c->a1;
            c->a1 = 1.f - a0;
            c->r.x = (float)l->w - c->r.x - c->r.w;
        } else
            c->r.x = (float)l->w - c->r.x - c->r.w;
    }
    for (int i = wfrom; i < l->nwid; i++)
        l->wid[i].r.x = (float)l->w - l->wid[i].r.x - l->wid[i].r.w;
}

static void attract_begin(app *a)
{
    attract_take_lang(a);
    const exercise *ex[MAX_CARDS];
    int offered = kiosk_offered(a, ex);
    if (offered == 1)
        app_choose_exercise(a, ex[0]->id);
    else
        app_go(a, SCENE_KIOSK_LIBRARY);
}

static bool attract_event(app *a, const gw_event *e)
{
    if (e->type == EV_KEY || e->type == EV_BUTTON) {
        attract_begin(a);
        return true;
    }
    return false;
}

static void attract_activate(app *a, const char *w)
{
    if (!strcmp(w, "begin"))
        attract_begin(a);
    else if (!strcmp(w, "more")) /* every exercise offered, as cards */
        app_go(a, SCENE_KIOSK_LIBRARY);
    else if (!strncmp(w, "exercise:", 9)) /* its cautions, then the exercise (as from the library) */
        app_choose_exercise(a, w + 9);
}

/* Where everything goes. Landscape: the breathing figure on one side with the line
 * under it and the crisis line below (across the bottom when it needs the room); on the
 * other "Touch to begin" in the language of the moment, up to three of the offered
 * exercises as large cards (two and "More exercises" when more are offered) and Help.
 * Portrait: the figure above, the rest under it. The cards' titles are as large as lets them all fit, down to the smallest
 * allowed; with large text there may be room for fewer cards. */
#define ATTRACT_CARDS 3
typedef struct alay {
    float cx, cy, rmax;            /* the figure */
    gw_rect touch, sub, safety, help;
    int touch_px, sub_px, safety_px, title_px, len_px;
    int ncards;                    /* cards drawn, "More exercises" among them when more */
    bool more, show_sub;
    gw_rect card[ATTRACT_CARDS];
} alay;

/* The crisis line is the one where the kiosk stands, in whichever language the screen
 * speaks: with no region in the settings or the environment, the region of the kiosk's
 * first language, never of the language of the moment (a German visitor in a British
 * waiting room needs the British line). */
static const locale_line *attract_region_line(const app *a)
{
    char region[8];
    const kiosk_config *c = app_kiosk_config(a);
    const char *env = locales_env_name();
    if (a->set.region[0] || c->nlang == 0 || (env && locales_region_for(&a->loc, env, region, sizeof region)))
        app_region(a, region, sizeof region);
    else if (!locales_region_for(&a->loc, c->lang[0], region, sizeof region))
        region[0] = 0;
    return locales_line(&a->loc, region);
}

static const char *attract_safety_line(const app *a)
{
    const locale_line *ln = attract_region_line(a);
    const char *line = ln ? pack_text_get(&ln->text, a->lang) : "";
    return line[0] ? line : _("If you are in danger, contact your local emergency services now.");
}

/* The crisis line's height at px wrapped in w: the tallest of its wordings in the
 * languages the screen turns through, so that where it goes (and the figure with it)
 * does not change as they turn. */
static float attract_safety_most_h(const app *a, const char *shown, int px, float w)
{
    ui_ctx ui = app_ui(a);
    const kiosk_config *c = app_kiosk_config(a);
    const locale_line *ln = attract_region_line(a);
    float h = ui_text_h(&ui, shown, px, false, w);
    for (int i = 0; ln && i < c->nlang; i++) {
        const char *t = pack_text_get(&ln->text, c->lang[i]);
        if (t[0])
            h = fmaxf(h, ui_text_h(&ui, t, px, false, w));
    }
    return h;
}

static const char *attract_card_title(const app *a, const exercise *e, bool more, char *buf, size_t n)
{
    return more ? _("More exercises") : app_title_tagged(a, e, buf, n);
}

/* The height each card needs (into card_h) and all of them with their gaps, titles
 * at px wrapped in w, with their lengths. */
static float attract_cards_h(const app *a, const exercise *const *ex, int ncards, bool more, int px, int lpx, float w,
                             float gap, float *card_h)
{
    ui_ctx ui = app_ui(a);
    float u = app_unit(a), total = 0;
    char buf[512];
    for (int k = 0; k < ncards; k++) {
        bool m = more && k == ncards - 1;
        float h = ui_text_h(&ui, attract_card_title(a, ex[k], m, buf, sizeof buf), px, true, w - 56 * u);
        if (!m) /* its length, or its steps */
            h += 6 * u + ui_text_h(&ui, "0:00", lpx, false, 0);
        card_h[k] = fmaxf(104 * u, h + 40 * u);
        total += card_h[k] + (k ? gap : 0);
    }
    return total;
}

static alay attract_layout(const app *a)
{
    ui_ctx ui = app_ui(a);
    alay L = { 0 };
    float W = (float)a->w, H = (float)a->h, u = app_unit(a), pad = 40 * u, gap = 20 * u;
    const exercise *ex[MAX_CARDS];
    int n = kiosk_offered(a, ex);
    bool portrait = W < H * 1.1f;
    /* each column's width: the panel's wider with large text, whose words need it */
    float split = a->view.text_scale > 1.4f ? 0.42f : 0.5f;
    float half = portrait ? W - 2 * pad : W * (1 - split) - 1.5f * pad;        /* the panel's */
    float fwid = portrait ? W - 2 * pad : W * split - 1.5f * pad;              /* the figure's */
    float fx = pad, px0 = portrait ? pad : W * split + pad / 2;     /* the figure's and the panel's left */
    /* Help, at the panel's bottom end */
    float hw = ui_button_w(&ui, _("Help"), 150 * u), hh = ui_button_h(&ui, _("Help"), hw, 56 * u);
    L.help = gw_rc(W - pad - hw, H - 24 * u - hh, hw, hh);
    /* the crisis line, at the body text's size (a visitor reads it from a step back) and
     * wrapped: at the bottom of the figure's column, or across the bottom beside Help
     * where the column would make it too tall (and in portrait); the panel then takes
     * more of the width, the figure (small by then) less. Only a line too long even
     * there is made smaller, no smaller than large text allows. */
    const char *safety = attract_safety_line(a);
    int spx = (int)lroundf(24 * u);
    float sw = fwid, sh = ui_text_h(&ui, safety, spx, false, sw);
    bool across = portrait || attract_safety_most_h(a, safety, spx, sw) > H * 0.24f;
    if (across) {
        sw = W - 2 * pad - hw - 24 * u;
        sh = ui_text_h(&ui, safety, spx, false, sw);
        if (!portrait) {
            split = 0.32f;
            half = W * (1 - split) - 1.5f * pad;
            fwid = W * split - 1.5f * pad;
            px0 = W * split + pad / 2;
        }
    }
    L.safety_px = spx;
    if (sh > H * 0.46f) {
        L.safety_px = ui_fit_px(&ui, safety, spx, ui_min_px(&ui, spx), false, sw, H * 0.46f);
        sh = ui_text_h(&ui, safety, L.safety_px, false, sw);
    }
    L.safety = gw_rc(fx, H - 24 * u - sh, sw, sh);
    /* the panel: "Touch to begin", the cards, down to Help (portrait: to the crisis line) */
    /* portrait: the panel right under the figure (a third of the height) and its line */
    const char *sub = _("A few minutes of calm breathing");
    L.sub_px = (int)lroundf(22 * u);
    float subh = ui_text_h(&ui, sub, L.sub_px, false, fwid);
    float ptop = portrait ? 40 * u + fminf(fwid, H * 0.34f) + 16 * u + subh + 32 * u : 40 * u, pbot = (across ? fminf(L.safety.y, L.help.y) : L.help.y) - 20 * u;
    const char *touch = attract_touch_text(attract_shown_lang(a));
    /* on one line if a size down to the smallest allowed lets it (a second line
     * would cost a card at large text), else wrapped at its size */
    int tp0 = (int)lroundf(40 * u);
    L.touch_px = tp0;
    for (int p = tp0; p >= ui_min_px(&ui, tp0); p--)
        if (ui_text_w(&ui, touch, p, true) <= half) {
            L.touch_px = p;
            break;
        }
    float th = ui_text_h(&ui, touch, L.touch_px, true, half);
    float ctop = ptop + th + 24 * u, room = pbot - ctop;
    /* the cards: as many as fit (at least one), titles as large as they may be */
    L.len_px = (int)lroundf(22 * u);
    L.ncards = n < ATTRACT_CARDS ? n : ATTRACT_CARDS;
    float ch[ATTRACT_CARDS] = { 0 };
    int p0 = (int)lroundf(30 * u), pmin = ui_min_px(&ui, p0);
    for (; L.ncards > 1; L.ncards--) {
        L.more = n > L.ncards;
        for (L.title_px = p0; L.title_px >= pmin; L.title_px--)
            if (attract_cards_h(a, ex, L.ncards, L.more, L.title_px, L.len_px, half, gap, ch) <= room)
                break;
        if (L.title_px >= pmin)
            break;
    }
    if (L.ncards <= 1) { /* the first exercise; touching anywhere else shows them all */
        L.ncards = n > 0 ? 1 : 0;
        L.more = false;
        for (L.title_px = p0; L.title_px > pmin; L.title_px--)
            if (attract_cards_h(a, ex, L.ncards, false, L.title_px, L.len_px, half, gap, ch) <= room)
                break;
    }
    float total = attract_cards_h(a, ex, L.ncards, L.more, L.title_px, L.len_px, half, gap, ch);
    if (total > room + 0.5f) { /* not even one card has room (large text, a long crisis line): the
                                * whole screen still begins */
        L.ncards = 0;
        L.more = false;
        total = 0;
    }
    /* cards of one height where they may grow (at most 150), the words and cards
     * centred in the panel's height */
    float most = 0;
    for (int k = 0; k < L.ncards; k++)
        most = fmaxf(most, ch[k]);
    most = fmaxf(most, fminf(150 * u, (room - gap * (float)(L.ncards - 1)) / (float)(L.ncards ? L.ncards : 1)));
    if (most * (float)L.ncards + gap * (float)(L.ncards - 1) <= room) {
        for (int k = 0; k < L.ncards; k++)
            ch[k] = most;
        total = most * (float)L.ncards + gap * (float)(L.ncards - 1);
    }
    float shift = portrait ? 0.f : fmaxf(0.f, (room - total) / 2);
    L.touch = gw_rc(px0, ptop + shift, half, th);
    float y = ctop + shift;
    for (int k = 0; k < L.ncards; k++) {
        L.card[k] = gw_rc(px0, y, half, ch[k]);
        y += ch[k] + gap;
    }
    /* the figure in the room left above the crisis line (portrait: above the panel),
     * the line under it where there is room for it as well */
    float ftop = 40 * u, fbot = (portrait ? ptop : L.safety.y) - 24 * u;
    L.show_sub = (fbot - ftop - subh - 16 * u) / 2 / 1.15f >= 70 * u;
    if (L.show_sub)
        fbot -= subh + 16 * u;
    L.rmax = fmaxf(20 * u, fminf(fwid, fbot - ftop) / 2 / 1.15f);
    L.cx = fx + fwid / 2;
    L.cy = ftop + (fbot - ftop) / 2;
    L.sub = gw_rc(fx, L.cy + L.rmax * 1.15f + 16 * u, fwid, subh);
    return L;
}

static void attract_draw_all(const app *a, draw_list *l);

static void attract_draw(const app *a, draw_list *l)
{
    int from = l->ncmd, wfrom = l->nwid;
    attract_draw_all(a, l);
    if (a->view.rtl)
        attract_unmirror(l, from, wfrom);
}

static void attract_draw_all(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float W = (float)a->w, H = (float)a->h, u = app_unit(a);
    draw_widget_add(l, "begin", gw_rc(0, 0, W, H), false);
    draw_widget_describe(l, ROLE_BUTTON, attract_touch_text(attract_shown_lang(a)), NULL);
    if (app_kiosk_hours(a) == KIOSK_BLANK) {
        draw_rect(l, gw_rc(0, 0, W, H), 0, gw_rgba(0, 0, 0, 255));
        return;
    }
    float dx, dy;
    kiosk_burnin_offset(a->now, 8 * u, &dx, &dy);
    dx = roundf(dx);
    dy = roundf(dy);
    alay L = attract_layout(a);
    /* the breathing figure */
    breath_pattern p = attract_pattern(a);
    breath_state s;
    gw_ns cyc = breath_cycle_len(&p);
    breath_at(&p, cyc > 0 ? a->now % cyc : 0, &s);
    float rmax = L.rmax, rmin = rmax * 0.45f;
    float cx = L.cx + dx, cy = L.cy + dy;
    float r = roundf((rmin + (rmax - rmin) * (float)s.fill) * 2) / 2;
    gw_color col = s.kind == BREATH_EXHALE ? t->exhale : s.kind == BREATH_INHALE ? t->inhale : t->hold;
    /* depth: the orb sits in a soft pool of its light, from its smallest size out to
     * the room the ring had; breathing in it fills the light, breathing out it leaves
     * it lit around it. The pool stays still (a glow following the orb changed every
     * pixel of its ring each time it moved: two frames in five redrew 230 000 pixels at
     * 1920x1080), so a frame redraws only the thin ring where the disc's edge moved, and
     * the whole pool only when the phase's colour turns */
    gw_color halo = col;
    halo.a = 110;
    float rg = roundf(rmin), spread = roundf(rmax * 1.15f) - rg;
    if (spread >= 1)
        draw_glow(l, cx, cy, rg, spread, GLOW_HOLLOW, halo);
    draw_circle(l, cx, cy, r, col);
    if (L.show_sub)
        draw_text(l, gw_rc(L.sub.x + dx, L.sub.y + dy, L.sub.w, L.sub.h), _("A few minutes of calm breathing"), L.sub_px,
                  ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    /* "Touch to begin", then the exercises */
    const char *touch = attract_touch_text(attract_shown_lang(a));
    draw_text(l, gw_rc(L.touch.x + dx, L.touch.y + dy, L.touch.w, L.touch.h), touch, L.touch_px,
              VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    if (l->nwid > 0 && l->wid[0].focused) { /* "begin" has the keyboard's focus: ringed where it reads */
        float tw = fminf(L.touch.w, ui_text_w(&ui, touch, L.touch_px, true) + 16 * u);
        ui_focus_ring(&ui, l, gw_rc(L.touch.x + dx - 8 * u, L.touch.y + dy, tw, L.touch.h), 12 * u);
    }
    const exercise *ex[MAX_CARDS];
    kiosk_offered(a, ex);
    for (int k = 0; k < L.ncards; k++) {
        bool more = L.more && k == L.ncards - 1;
        char id[DRAW_WIDGET_ID_MAX], buf[512];
        if (more)
            snprintf(id, sizeof id, "more");
        else
            snprintf(id, sizeof id, "exercise:%s", ex[k]->id);
        gw_rect rc = gw_rc(L.card[k].x + dx, L.card[k].y + dy, L.card[k].w, L.card[k].h);
        rc = ui_card(&ui, l, id, rc, 22 * u, false, t->surface_hi);
        const char *title = attract_card_title(a, ex[k], more, buf, sizeof buf);
        char lw[64];
        if (more) /* heard as it reads */
            draw_widget_describe(l, ROLE_BUTTON, title, NULL);
        else
            draw_widget_describe(l, ROLE_EXERCISE, title, app_length_words(ex[k], lw, sizeof lw));
        float tw = rc.w - 56 * u, tth = ui_text_h(&ui, title, L.title_px, true, tw);
        float lh = more ? 0 : ui_text_h(&ui, "0:00", L.len_px, false, 0);
        float ty = rc.y + (rc.h - tth - (more ? 0 : 6 * u + lh)) / 2;
        draw_text(l, gw_rc(rc.x + 28 * u, ty, tw, tth), title, L.title_px, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        if (!more) /* in the home library's words: "4 min", "5 steps" */
            draw_text(l, gw_rc(rc.x + 28 * u, ty + tth + 6 * u, tw, lh), app_length_short(ex[k], lw, sizeof lw),
                      L.len_px, VALIGN_MIDDLE, t->text_dim);
    }
    /* the crisis line, and Help one tap away (over "begin": drawn after it) */
    draw_text(l, gw_rc(L.safety.x + dx, L.safety.y + dy, L.safety.w, L.safety.h), attract_safety_line(a), L.safety_px,
              VALIGN_MIDDLE, t->text_dim);
    ui_safety_button_at(&ui, l, gw_rc(L.help.x + dx, L.help.y + dy, L.help.w, L.help.h));
    if (app_kiosk_hours(a) == KIOSK_DIM)
        draw_rect(l, gw_rc(0, 0, W, H), 0, gw_rgba(0, 0, 0, 170));
}

static gw_ns attract_next_change(const app *a)
{
    if (app_kiosk_hours(a) == KIOSK_BLANK)
        return GW_NEVER;
    return a->now + GW_NS_PER_SEC / 30; /* the orb moves; 30 frames a second is plenty */
}

const scene_vt scene_attract = {
    .id = SCENE_ATTRACT,
    .name = "attract",
    .focus_keys = FOCUS_ALL, /* Tab and the arrows move; any other key begins */
    .event = attract_event,
    .activate = attract_activate,
    .update = attract_update,
    .draw = attract_draw,
    .next_change = attract_next_change,
};
