/* present_panel: the therapist's controls in present mode, drawn. On one display the
 * panel is beside the client view (which makes room for it as it slides in) and fades
 * after a few seconds without input; the second window (app_draw_control) shows it in
 * full with the client's timeline and every exercise. What the controls do is
 * present_controls.c's; the column they are laid out in, present_lay.c's. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/present.h"
#include "app/ui.h"
#include "core/i18n.h"

/* The list of keys: a key's name (NC_: the words of a keyboard's labels, such as
 * German "Strg") and what it does. */
static const char *const KEYS[][2] = {
    { NC_("key", "Space"), N_("pause or resume") },
    { "N / P", N_("next / previous step") },
    { "R", N_("restart the exercise") },
    { NC_("key", "Up / Down"), N_("phases longer / shorter") },
    { "] / [", N_("one breath more / fewer") },
    { "S", N_("pacer style") },
    { "M", N_("mute") },
    { "B", N_("blank the client's screen") },
    { "C", N_("captions and counts") },
    { "T", N_("tension steps on or off") },
    { "A", N_("add the exercise to the plan") },
    { "F", N_("practice frequency") },
    { "E", N_("write the note") },
    { NC_("key", "Ctrl+S"), N_("save the plan") },
    { NC_("key", "F1 or ?"), N_("this list") },
};

static bool panel_faded(const app *a)
{
    return !present_st(a)->help && !present_st(a)->editing_note && a->now - a->last_input >= PRESENT_FADE_AFTER;
}

static bool panel_in_exercise(const app *a)
{
    return a->ex && (app_showing(a, SCENE_PACER) || app_showing(a, SCENE_GUIDED) || app_showing(a, SCENE_PROMPTS));
}

/* Fewer and More with the number of breaths between them; the number above them when
 * the three do not fit side by side. */
static void panel_breaths_row(lay *L, const char *count)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    float u = L->u, gap = LAY_BUTTON.gap * u;
    lay_item fm[2] = { { "ctl-cycles-down", _("Fewer"), false }, { "ctl-cycles-up", _("More"), false } };
    int cpx = lay_px(L, 17);
    float cw = ui_text_w(&ui, count, cpx, false) + 16 * u;
    float fw = lay_need_w(L, &LAY_BUTTON, fm[0].label), mw = lay_need_w(L, &LAY_BUTTON, fm[1].label);
    float third = (L->w - 2 * gap) / 3;
    /* the two buttons are as wide as each other: the wider label must fit both */
    if (fmaxf(cw, fmaxf(fw, mw)) <= third || 2 * fmaxf(fw, mw) + cw + 2 * gap <= L->w) {
        bool even = fmaxf(cw, fmaxf(fw, mw)) <= third;
        float side = even ? third : (L->w - cw - 2 * gap) / 2;
        float rh = fmaxf(lay_label_h(L, &LAY_BUTTON, fm[0].label, side), lay_label_h(L, &LAY_BUTTON, fm[1].label, side));
        lay_place(L, rh);
        lay_button(L, &LAY_BUTTON, &fm[0], gw_rc(L->x, L->y, side, rh));
        draw_text(L->l, gw_rc(L->x + side + gap, L->y, L->w - 2 * side - 2 * gap, rh), count, cpx,
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, a->th->text);
        lay_button(L, &LAY_BUTTON, &fm[1], gw_rc(L->x + L->w - side, L->y, side, rh));
        L->y += rh + gap;
        return;
    }
    float ch = ui_text_h(&ui, count, cpx, false, L->w);
    lay_place(L, ch);
    draw_text(L->l, gw_rc(L->x, L->y, L->w, ch), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, a->th->text);
    L->y += ch + 4 * u;
    lay_flow(L, &LAY_BUTTON, fm, 2);
}

static void panel_exercise_controls(lay *L)
{
    const app *a = L->a;
    lay_heading(L, app_text(a, &a->ex->title));
    const char *pause = a->clock.paused ? _("Resume") : _("Pause");
    if (exercise_paced(a->ex)) {
        char cyc[48];
        int nc = breath_total_cycles(pacer_pattern(a));
        snprintf(cyc, sizeof cyc, P_("%d breath", "%d breaths", nc), nc);
        lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "pause", pause, false }, { "ctl-restart", _("Restart"), false } }, 2);
        lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "shorter", _("Shorter"), false }, { "longer", _("Longer"), false } }, 2);
        panel_breaths_row(L, cyc);
        char style[96];
        snprintf(style, sizeof style, _("Style: %s"), ui_pacer_style_label(pacer_style_of(a)));
        lay_flow(L, &LAY_BUTTON,
             (const lay_item[]){ { "style", style, false },
                                 { "mute", pacer_muted(a) ? _("Sound: off") : _("Sound: on"), pacer_muted(a) } },
             2);
        /* the last control drawn: heard as the switch it is ("Sound, switch, Off") */
        draw_widget_describe(L->l, ROLE_SWITCH, _("Sound"), pacer_muted(a) ? _("Off") : _("On"));
    } else if (a->ex->kind == EX_GUIDED) {
        lay_flow(L, &LAY_BUTTON,
             (const lay_item[]){ { "previous", _("Prev."), false }, { "next", _("Next"), false }, { "pause", pause, false },
                             { "ctl-restart", _("Restart"), false } },
             4);
    } else {
        lay_flow(L, &LAY_BUTTON,
             (const lay_item[]){ { "previous", _("Previous"), false }, { "next", _("Next"), false },
                             { "ctl-restart", _("Restart"), false } },
             3);
    }
    if (a->ex->kind == EX_GUIDED && a->ex == present_st(a)->tail_ex) {
        bool rel = present_st(a)->release_only;
        lay_flow(L, &LAY_BUTTON,
             (const lay_item[]){ { "ctl-tension", rel ? _("Tension: off (release only)") : _("Tension: on"), !rel } }, 1);
        /* the groups the plan keeps: small chips */
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
        char ids[LAY_ROW_MAX][DRAW_WIDGET_ID_MAX] = { "" };
        lay_item chips[LAY_ROW_MAX] = { { NULL, NULL, false } };
        int nchip = 0;
        for (int k = 0; k < nused && nchip < LAY_ROW_MAX; k++, nchip++) {
            snprintf(ids[nchip], sizeof ids[nchip], "ctl-group:%s", a->ex->region[used[k]].id);
            chips[nchip] = (lay_item){ ids[nchip], app_text(a, &a->ex->region[used[k]].name),
                                   !((present_st(a)->drop_regions >> used[k]) & 1u) };
        }
        lay_flow(L, &LAY_CHIP, chips, nchip);
        if (nchip)
            L->y += 2 * L->u;
    }
}

/* A key's name as its keycaps read: one of symbols only ("] / [") is kept left to right
 * (isolated) in a right-to-left interface, where its brackets would be mirrored. */
static const char *panel_key_name(const char *name, char *buf, size_t n)
{
    for (const char *c = name; *c; c++)
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (unsigned char)*c >= 0x80)
            return name;
    snprintf(buf, n, "\u2066%s\u2069", name);
    return buf;
}

static void panel_help_list(lay *L)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = L->u;
    int px = lay_px(L, 16);
    lay_heading(L, _("Keys"));
    float kw = 0;
    char kb[64];
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++)
        kw = fmaxf(kw, ui_text_w(&ui, panel_key_name(i18n_ctx(KEYS[i][0]), kb, sizeof kb), px, true));
    kw = fminf(fmaxf(kw + 10 * u, L->w * 0.3f), L->w * 0.45f);
    float dx = kw + 6 * u, dw = L->w - dx;
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++) {
        const char *k = panel_key_name(i18n_ctx(KEYS[i][0]), kb, sizeof kb), *d = _(KEYS[i][1]);
        int dpx = ui_words_px(&ui, d, px, false, dw);
        if (ui_measure(&ui, d, dpx, false, dw).w > dw + 0.5f) {
            /* a word too long for the column even made smaller ("Anspannungsschritte"
             * at large text): the words under their key, the whole width */
            float kh = fmaxf(24 * u, ui_text_h(&ui, k, px, true, L->w));
            dpx = ui_words_px(&ui, d, px, false, L->w);
            float h = kh + ui_text_h(&ui, d, dpx, false, L->w);
            lay_place(L, h);
            lay_text(L, gw_rc(L->x, L->y, L->w, kh), k, px, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
            lay_text(L, gw_rc(L->x, L->y + kh, L->w, h - kh), d, dpx, VALIGN_TOP, t->text);
            L->y += h;
            continue;
        }
        float h = fmaxf(24 * u, fmaxf(ui_text_h(&ui, k, px, true, kw), ui_text_h(&ui, d, px, false, dw)));
        lay_place(L, h);
        lay_text(L, gw_rc(L->x, L->y, kw, h), k, px, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        lay_text(L, gw_rc(L->x + dx, L->y, dw, h), d, dpx, VALIGN_MIDDLE, t->text);
        L->y += h;
    }
    L->y += 8 * u;
    lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "ctl-help-close", _("Close"), false } }, 1);
}

static void panel_plan_blocks(lay *L)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    const struct present_st *p = present_st(a);
    float u = L->u;
    lay_heading(L, _("Client screen"));
    lay_flow(L, &LAY_BUTTON,
         (const lay_item[]){ { "ctl-blank", p->blank ? _("Show screen") : _("Blank screen"), p->blank },
                         { "ctl-captions", p->captions_off ? _("Show captions") : _("Hide captions"), p->captions_off } },
         2);
    char h[64];
    snprintf(h, sizeof h, _("Take-home plan (%d)"), p->pl.n);
    lay_heading(L, h);
    char fq[160], times[64], mins[64]; /* each number in its own plural form */
    snprintf(times, sizeof times, P_("%d time a day", "%d times a day", p->pl.times_per_day), p->pl.times_per_day);
    snprintf(mins, sizeof mins, P_("%d min", "%d min", p->pl.minutes), p->pl.minutes);
    snprintf(fq, sizeof fq, i18n_ctx(NC_("plan frequency", "%s, %s")), times, mins);
    if (a->ex)
        lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "ctl-add-plan", _("Add to plan"), false }, { "ctl-freq", fq, false } }, 2);
    else
        lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "ctl-freq", fq, false } }, 1);
    /* the note field: as tall as the note */
    char shown[PLAN_NOTE_MAX + 8];
    snprintf(shown, sizeof shown, "%s%s", p->note, p->editing_note ? "|" : "");
    const char *nt = shown[0] ? shown : _("Note to the client…");
    int npx = lay_px(L, 16);
    float nh = fmaxf(56 * u, ui_text_h(&ui, nt, npx, false, L->w - 20 * u) + 16 * u);
    const char *save = _("Save plan");
    lay_place(L, nh + 8 * u + lay_label_h(L, &LAY_BUTTON, save, L->w)); /* the note and its Save on one page */
    gw_rect nf = gw_rc(L->x, L->y, L->w, nh);
    draw_rect(L->l, nf, 10 * u, t->bg);
    draw_frame(L->l, nf, 10 * u, 2 * u, p->editing_note ? t->focus : t->ring_track);
    lay_text(L, gw_rc(nf.x + 10 * u, nf.y, nf.w - 20 * u, nf.h), nt, npx, VALIGN_MIDDLE,
               shown[0] ? t->text : t->text_dim);
    lay_widget(L, "ctl-note", nf, p->editing_note);
    draw_widget_describe(L->l, ROLE_TEXT_FIELD, _("Note to the client…"), p->note);
    L->y += nf.h + 8 * u;
    lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "ctl-save-plan", save, true } }, 1);
    if (p->msg[0]) {
        int mpx = lay_px(L, 14);
        float mh = fmaxf(40 * u, ui_text_h(&ui, p->msg, mpx, false, L->w) + 8 * u);
        lay_place(L, mh);
        lay_text(L, gw_rc(L->x, L->y, L->w, mh), p->msg, mpx, VALIGN_MIDDLE, t->text_dim);
        L->y += mh;
    }
}

/* "Before you begin" on the client's screen: the therapist reads the same cautions
 * here and starts the exercise (or goes back). */
static void panel_cautions_block(lay *L)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    bool review;
    const exercise *e = app_cautions_shown(a, &review);
    if (!e)
        return;
    lay_heading(L, app_text(a, &e->title));
    const theme *t = a->th;
    float u = L->u;
    int px = lay_px(L, 15);
    for (int i = 0; i < e->ncaution; i++) {
        char line[1024];
        snprintf(line, sizeof line, "• %s", app_text(a, &e->caution[i]));
        float h = ui_text_h(&ui, line, px, false, L->w) + 4 * u;
        lay_place(L, h);
        lay_text(L, gw_rc(L->x, L->y, L->w, h), line, px, VALIGN_TOP, t->text);
        L->y += h + 2 * u;
    }
    if (review)
        lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "cautions-continue", _("Continue"), true } }, 1);
    else
        lay_flow(L, &LAY_BUTTON,
             (const lay_item[]){ { "cautions-back", _("Back"), false }, { "cautions-start", _("Start"), true } }, 2);
}

static bool panel_in_resonance(const app *a)
{
    return a->ex && a->ex->kind == EX_RESONANCE && app_showing(a, SCENE_RESONANCE);
}

/* A line of text in the column, wrapped; on `hi` a soft highlight (the rate chosen). */
static void panel_line(lay *L, const char *text, int px, bool bold, bool hi, gw_color c)
{
    ui_ctx ui = app_ui(L->a);
    float u = L->u, pad = hi ? 6 * u : 0;
    float h = ui_text_h(&ui, text, px, bold, L->w - 2 * pad) + 6 * u;
    lay_place(L, h);
    if (hi)
        draw_rect(L->l, gw_rc(L->x, L->y, L->w, h), 8 * u, L->a->th->surface_hi);
    lay_text(L, gw_rc(L->x + pad, L->y, L->w - 2 * pad, h), text, px, VALIGN_MIDDLE | (bold ? FONT_BOLD << 8 : 0), c);
    L->y += h + 2 * u;
}

/* The resonance assessment on the client's screen: the rate being breathed and the
 * swing now, each block's figures as it ends (rate, swing, low-frequency power, beats
 * used and rejected), the result, and the rate found into the take-home plan. */
static void panel_resonance_block(lay *L)
{
    const app *a = L->a;
    const theme *t = a->th;
    lay_heading(L, app_text(a, &a->ex->title));
    if (a->ex_active)
        lay_flow(L, &LAY_BUTTON,
                 (const lay_item[]){ { "pause", a->clock.paused ? _("Resume") : _("Pause"), false },
                                     { "ctl-restart", _("Restart"), false } },
                 2);
    int px = lay_px(L, 15), k;
    char line[256], r[16], v[16];
    double rate, sw;
    bool growing;
    if (a->ex_active && !app_hr_source(a))
        panel_line(L, _("No heart-rate sensor is sending beats."), px, false, false, t->text);
    else if (a->ex_active && pacer_block(a, &k, &rate) && pacer_breath(a)->stage != BREATH_STAGE_DONE) {
        app_hr_rate_text(r, sizeof r, rate, false);
        snprintf(line, sizeof line, _("%s breaths a minute · rate %d of %d"), r, k + 1, RES_BLOCKS);
        panel_line(L, line, px, true, false, t->text);
        if (app_hr_swing(a, &sw, &growing)) {
            app_hr_rate_text(v, sizeof v, sw, false);
            snprintf(line, sizeof line, growing ? _("Swing now %s bpm, growing") : _("Swing now %s bpm"), v);
            panel_line(L, line, px, false, false, t->text);
        }
    }
    const res_block *b;
    int nb;
    hr_outcome o = app_hr_outcome(a, &b, &nb);
    int chosen = app_hr_chosen(a);
    for (int i = 0; i < nb; i++) {
        app_hr_rate_text(r, sizeof r, b[i].rate_bpm, false);
        if (b[i].valid) {
            app_hr_rate_text(v, sizeof v, b[i].swing_bpm, false);
            snprintf(line, sizeof line, _("%s a minute: swing %s bpm, LF power %.0f ms², %d beats used, %d rejected"), r,
                     v, b[i].lf_ms2, b[i].used, b[i].rejected);
        } else
            snprintf(line, sizeof line, _("%s a minute: not enough clean beats (%d used, %d rejected)"), r, b[i].used,
                     b[i].rejected);
        panel_line(L, line, px, i == chosen, i == chosen, i == chosen ? t->text : t->text_dim);
    }
    if (o == HR_NONE || a->ex_active)
        return;
    if (o == HR_CHOSEN) {
        app_hr_rate_text(r, sizeof r, app_hr_chosen_rate(a), false);
        snprintf(line, sizeof line, _("Resonance rate found: %s breaths a minute"), r);
    } else
        snprintf(line, sizeof line, "%s",
                 o == HR_NO_WINNER ? _("No clear resonance rate this time") : _("Not enough clean heart-rate data"));
    panel_line(L, line, lay_px(L, 17), true, false, t->text);
    if (o == HR_CHOSEN && a->ex->res_practice) {
        char add[160];
        app_hr_rate_text(r, sizeof r, app_hr_chosen_rate(a), true);
        snprintf(add, sizeof add, _("Add breathing at %s a minute to the plan"), r);
        lay_flow(L, &LAY_BUTTON, (const lay_item[]){ { "ctl-res-plan", add, false } }, 1);
    }
}

static void panel_blocks(lay *L)
{
    if (present_st(L->a)->help) {
        panel_help_list(L);
        return;
    }
    if (app_showing(L->a, SCENE_CAUTIONS))
        panel_cautions_block(L);
    if (panel_in_exercise(L->a))
        panel_exercise_controls(L);
    if (panel_in_resonance(L->a))
        panel_resonance_block(L);
    panel_plan_blocks(L);
}

/* The panel over the client view: its width, and the client view's beside it (0 when
 * too narrow to lay the client view out in: the panel is then drawn over it). */
static float panel_overlay_w(const app *a, float W)
{
    float u = app_unit(a), s = fmaxf(1.f, a->view.text_scale);
    return fminf(W - 32 * u, fminf(340 * u * s, 0.4f * W)); /* the client view keeps most of the room */
}

static float panel_beside_w(const app *a, float W)
{
    float cw = W - panel_overlay_w(a, W) - 32 * app_unit(a);
    return cw >= 0.4f * W ? cw : 0;
}

/* The panel slides in from the right edge as the client view makes room for it, and
 * out as the view takes the room back: how far in (0-1), eased, from the time since it
 * was shown or went (at once with reduced motion). */
#define SLIDE GW_MSEC(350)

static float panel_slide_of(const app *a)
{
    const struct present_st *st = present_st(a);
    if (st->two_windows)
        return 0;
    bool on = !panel_faded(a);
    if (on != st->shown) /* input (or the fade) since the last update: it starts now */
        return a->set.reduced_motion ? (on ? 1.f : 0.f) : on ? 0.f : 1.f;
    float p = a->set.reduced_motion ? 1.f : (float)(a->now - st->shown_since) / (float)SLIDE;
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    float e = p * p * (3 - 2 * p);
    return st->shown ? e : 1 - e;
}

bool present_panel_update(app *a)
{
    struct present_st *st = present_st(a);
    bool on = !panel_faded(a) && !st->two_windows;
    if (on != st->shown) {
        st->shown = on;
        st->shown_since = a->now;
    }
    return !a->set.reduced_motion && a->now - st->shown_since < SLIDE;
}

int present_panel_client_w(const app *a)
{
    float cw = panel_beside_w(a, (float)a->w), s = panel_slide_of(a);
    if (cw <= 0 || s <= 0)
        return a->w;
    return (int)floorf((float)a->w - s * ((float)a->w - cw));
}

/* Lays the panel out in a W x H window (full: the control window's left side) and, with
 * out, draws page `show` of it into out. Returns the number of pages; *found is the page
 * of the widget `find` (-1: not on a page of its own). */
static int panel_layout(const app *a, draw_list *out, bool full, float W, float H, int show, const char *find,
                        int *found)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a);
    float pw = full ? fminf(W - 48 * u, 520 * u) : panel_overlay_w(a, W), pad = 16 * u;
    /* beside the client view, the whole height; over it, clear of Help above it */
    float top = panel_beside_w(a, W) > 0 ? 16 * u : fmaxf(92 * u, ui_top_bar_buttons_bottom(&ui) + 8 * u);
    gw_rect panel = full ? gw_rc(24 * u, 24 * u, pw, H - 48 * u) : gw_rc(W - pw - 16 * u, top, pw, H - top - 12 * u);
    draw_list sink = { 0 };
    draw_begin(&sink, (int)W, (int)H, t->bg);
    lay L = { .a = a, .out = &sink, .sink = &sink, .l = &sink, .x = panel.x + pad, .y = panel.y + pad,
              .w = pw - 2 * pad, .u = u, .show = -1, .found = -1 };
    L.top = L.y + lay_header(&L, NULL);
    float bottom = panel.y + panel.h - pad;
    /* a dry run: how many pages; with more than one, again with room for turning them */
    int pages = 1;
    for (int pass = 0; pass < 2; pass++) {
        L.bottom = pass ? bottom - lay_pager(&L, NULL, 0, 0, "ctl-page") : bottom;
        L.y = L.top;
        L.page = 0;
        L.find = pass || pages == 1 ? find : NULL;
        L.found = -1;
        panel_blocks(&L);
        if (L.page == 0 && pass == 0)
            break;
        pages = L.page + 1;
    }
    if (found)
        *found = L.found;
    if (out) {
        float h = pages > 1 ? panel.h : fminf(L.y - panel.y + pad, panel.h);
        gw_rect bg = gw_rc(panel.x, panel.y, panel.w, h);
        draw_rect(out, bg, 18 * u, t->surface); /* opaque: the client view must not show through */
        draw_frame(out, bg, 18 * u, 2 * u, t->ring_track);
        draw_widget_add(out, "ctl-panel", bg, false);
        draw_widget_describe(out, ROLE_PANEL, NULL, NULL);
        L.y = panel.y + pad;
        lay_header(&L, out);
        L.show = show < 0 ? 0 : show >= pages ? pages - 1 : show;
        L.out = out;
        L.l = L.show == 0 ? out : &sink;
        L.y = L.top;
        L.page = 0;
        L.find = NULL;
        panel_blocks(&L);
        if (pages > 1)
            lay_pager(&L, out, pages, bottom, "ctl-page");
        if (sink.oom) /* a page drawn short: the caller reports it with the rest */
            out->oom = true;
    }
    draw_free(&sink);
    return pages;
}

/* The control window's right side: where the client is (the timeline) and every
 * exercise, to start one on the client's screen; with large text the exercises go in
 * one column and on pages (ctl-list:next, ctl-list:previous). Returns the number of
 * pages of exercises. */
static int panel_control_side(const app *a, draw_list *l, gw_rect area, int show)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = app_unit(a);
    char line[160];
    if (a->ex_active && exercise_paced(a->ex)) {
        char rem[32];
        const breath_state *bs = pacer_breath(a);
        ui_clock(rem, sizeof rem, gw_seconds(bs->remaining));
        snprintf(line, sizeof line, _("%s: breath %d of %d, %s left%s"), app_text(a, &a->ex->title),
                 bs->stage == BREATH_STAGE_LEAD_IN ? 1 : bs->cycle + 1, bs->total_cycles, rem,
                 a->clock.paused ? _(" (paused)") : "");
    } else if (a->ex && a->ex_active) {
        int n = a->ex->kind == EX_GUIDED ? a->ex->nstep : a->ex->nprompt;
        int i = a->step;
        snprintf(line, sizeof line, _("%s: step %d of %d"), app_text(a, &a->ex->title), i + 1, n);
    } else {
        snprintf(line, sizeof line, "%s", _("The client sees the library."));
    }
    int lpx = (int)lroundf(16 * u), spx = (int)lroundf(20 * u), epx = (int)lroundf(16 * u);
    const char *cs = _("Client screen"), *start = _("Start an exercise");
    float y = area.y, h = fmaxf(30 * u, ui_text_h(&ui, cs, lpx, false, area.w));
    draw_text(l, gw_rc(area.x, y, area.w, h), cs, lpx, VALIGN_MIDDLE, t->text_dim);
    y += h;
    bool one = ui_text_w(&ui, line, spx, true) <= area.w;
    h = one ? 40 * u : ui_text_h(&ui, line, spx, true, area.w);
    draw_text(l, gw_rc(area.x, y, area.w, h), line, spx, VALIGN_MIDDLE | (one ? TEXT_FIT : 0) | (FONT_BOLD << 8),
              present_st(a)->blank ? t->text_dim : t->text);
    y += h + 16 * u;
    h = fmaxf(28 * u, ui_text_h(&ui, start, lpx, false, area.w));
    draw_text(l, gw_rc(area.x, y, area.w, h), start, lpx, VALIGN_MIDDLE, t->text_dim);
    y += h + 2 * u;
    /* the exercises: two columns when every title fits one line in half the width */
    int n = a->packs ? pack_set_exercise_count(a->packs) : 0;
    float gap = 8 * u, bh = 40 * u;
    int cols = 2;
    for (int i = 0; i < n; i++)
        if (ui_text_w(&ui, app_text(a, &pack_set_exercise_at(a->packs, i)->title), epx, false) >
            (area.w - gap) / 2 - 24 * u)
            cols = 1;
    float bw = cols == 2 ? (area.w - gap) / 2 : area.w;
    for (int i = 0; i < n; i++)
        bh = fmaxf(bh, ceilf(ui_text_h(&ui, app_text(a, &pack_set_exercise_at(a->packs, i)->title), epx, false,
                                       bw - 24 * u) + 10 * u));
    float bottom = area.y + area.h;
    int rows = (int)floorf((bottom - y + gap) / (bh + gap));
    int pages = 1, per = rows > 0 ? rows * cols : 1;
    lay S = { .a = a, .out = l, .sink = l, .l = l, .x = area.x, .y = y, .w = area.w, .u = u, .show = 0, .found = -1 };
    if (n > per) { /* room for turning pages at the bottom */
        rows = (int)floorf((bottom - lay_pager(&S, NULL, 0, 0, "ctl-list") - y + gap) / (bh + gap));
        per = rows > 0 ? rows * cols : 1;
        pages = (n + per - 1) / per;
    }
    int page = show < 0 ? 0 : show >= pages ? pages - 1 : show;
    for (int k = 0; k < per && page * per + k < n; k++) {
        const exercise *e = pack_set_exercise_at(a->packs, page * per + k);
        gw_rect r = gw_rc(area.x + (float)(k % cols) * (bw + gap), y + (float)(k / cols) * (bh + gap), bw, bh);
        char id[DRAW_WIDGET_ID_MAX];
        snprintf(id, sizeof id, "ctl-start:%s", e->id);
        bool on = a->ex == e && a->ex_active;
        const char *title = app_text(a, &e->title);
        draw_rect(l, r, fminf(r.h, 40 * u) * 0.3f, on ? t->accent : t->surface);
        bool fit = ui_text_w(&ui, title, epx, false) <= r.w - 24 * u;
        draw_text(l, gw_rc(r.x + 12 * u, r.y, r.w - 24 * u, r.h), title, epx, VALIGN_MIDDLE | (fit ? TEXT_FIT : 0),
                  on ? t->bg : t->text);
        draw_widget_add(l, id, r, false);
        ui_focus_ring_added(&ui, l, fminf(r.h, 40 * u) * 0.3f);
        char len[64];
        draw_widget_describe(l, ROLE_EXERCISE, title, app_length_words(e, len, sizeof len));
    }
    if (pages > 1) {
        S.show = page;
        lay_pager(&S, l, pages, bottom, "ctl-list");
    }
    return pages;
}

/* The control window's side, beside the panel, when the window is wide enough. */
static bool panel_side_area(const app *a, float W, float H, gw_rect *out)
{
    float u = app_unit(a), x = 24 * u + fminf(W - 48 * u, 520 * u) + 32 * u;
    *out = gw_rc(x, 32 * u, W - x - 24 * u, H - 56 * u);
    return W - x > 200 * u;
}

/* The window the panel is in: the control window (two windows) or the client view. */
static void panel_window(const app *a, bool *full, float *W, float *H)
{
    const struct present_st *p = present_st(a);
    *full = p->two_windows;
    *W = (float)(*full && p->ctl_w > 0 ? p->ctl_w : a->w);
    *H = (float)(*full && p->ctl_h > 0 ? p->ctl_h : a->h);
}

static int panel_turn(int page, int pages, int by)
{
    page = page >= pages ? pages - 1 : page;
    page += by;
    return page < 0 ? 0 : page >= pages ? pages - 1 : page;
}

/* The panel's pages and the control window's list of exercises turned. */
void present_turn_pages(app *a, const char *w)
{
    bool full;
    float W, H;
    panel_window(a, &full, &W, &H);
    int by = strstr(w, ":next") ? 1 : -1;
    if (!strncmp(w, "ctl-page:", 9)) {
        present_st(a)->page = panel_turn(present_st(a)->page, panel_layout(a, NULL, full, W, H, 0, NULL, NULL), by);
        return;
    }
    gw_rect area;
    if (!panel_side_area(a, W, H, &area))
        return;
    draw_list scratch = { 0 };
    draw_begin(&scratch, (int)W, (int)H, a->th->bg);
    int pages = panel_control_side(a, &scratch, area, 0);
    draw_free(&scratch);
    present_st(a)->list_page = panel_turn(present_st(a)->list_page, pages, by);
}

/* A key for a panel control on another page turns the panel to it. */
void present_show_page_of(app *a, const char *id)
{
    bool full;
    float W, H;
    panel_window(a, &full, &W, &H);
    int found = -1;
    panel_layout(a, NULL, full, W, H, 0, id, &found);
    if (found >= 0)
        present_st(a)->page = found;
}

void present_panel_draw(const app *a, draw_list *l, bool full)
{
    /* shown, it is drawn even before it has moved (a key presses its controls at once) */
    float s = full ? 1 : panel_slide_of(a);
    if (s <= 0 && (panel_faded(a) || present_st(a)->two_windows))
        return;
    float W = (float)a->w, H = (float)a->h;
    gw_rect side;
    if (full && panel_side_area(a, W, H, &side))
        panel_control_side(a, l, side, present_st(a)->list_page);
    int c0 = l->ncmd, w0 = l->nwid;
    panel_layout(a, l, full, W, H, present_st(a)->page, NULL, NULL);
    float dx = (1 - s) * (panel_overlay_w(a, W) + 16 * app_unit(a)); /* still sliding: short of its place */
    for (int i = c0; dx > 0 && i < l->ncmd; i++)
        l->cmd[i].r.x += dx;
    for (int i = w0; dx > 0 && i < l->nwid; i++)
        l->wid[i].r.x += dx;
}

