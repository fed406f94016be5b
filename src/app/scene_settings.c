/* scene_settings: the person's preferences (home mode), large controls, saved at once
 * (atomically) to settings.json; the theme applies immediately. Also "Delete all my
 * data" with a confirmation step.
 * Widget ids: "back"; "theme:calm|light|contrast"; "text-size:down|up";
 * "reduced-motion"; "checkins"; "handedness" (the writing hand, Right or Left: the
 * "dominant" side in muscle relaxation); "language:auto|en|es|de|ar";
 * "pacer:orb|box|wave|tube|calm"; "read-aloud" (on or off), "speech-rate:down|up"
 * (its speed, 50-200% in steps of 10); "volume:cues|voice|ambience:down|up";
 * "reminders" (on or off), "remind-day:mon|tue|wed|thu|fri|sat|sun" (each day on or
 * off; one stays on), "remind-hour:down|up", "remind-minute:down|up" (15 minutes);
 * "region:previous|next" (the crisis line's country: Automatic, each country with a
 * line of its own in locales.json, Another country); "export" opens "Export my practice
 * log": "export:csv|json" (the whole log), "summary:7|30" (A summary for my therapist,
 * a PDF of the last 7 or 30 days; app_export.h says where they go), "back" closes it;
 * "hr-sensor" opens "Heart-rate sensor" (home only): "hr-scan", "hr-device:ADDRESS",
 * "hr-forget", "back" closes it (settings_hr.h);
 * "delete-data",
 * then "delete-confirm" or "delete-cancel"; "page:next", "page:previous" when large
 * text puts the settings on more than one page. Keys: arrows, Tab or the d-pad move;
 * Enter or A press; Page Down and Page Up turn pages; Escape or B goes back (or
 * cancels the confirmation). The reminders' controls are settings_reminders.c, the
 * export page settings_export.c, the heart-rate sensor's row and page settings_hr.c,
 * the controls they share settings_form.c. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/settings_export.h"
#include "app/settings_form.h"
#include "app/settings_hr.h"
#include "app/settings_reminders.h"
#include "app/ui.h"
#include "core/i18n.h"
#include "core/paths.h"

struct settings_st {
    int  focus;          /* the focused widget, in drawing order */
    bool confirm_delete; /* "Delete all my data" asked for confirmation */
    int  page;           /* the page shown when the settings do not fit one screen */
    share_page share;    /* "Export my practice log" */
    hr_page hr;          /* "Heart-rate sensor" */
};

static struct settings_st *ST(const app *a) { return app_state(a, SCENE_SETTINGS); }

/* The crisis line's countries in the order the settings step through them: "" (from
 * the locale), each country with a line of its own in the locales files, "*" (another
 * country: the general line). Returns how many (at most max). */
#define MAX_REGIONS 48
static int region_choices(const app *a, char (*out)[4], int max)
{
    snprintf(out[0], sizeof out[0], "%s", "");
    int n = 1 + locales_regions(&a->loc, out + 1, max - 2);
    n = n > max - 1 ? max - 1 : n;
    snprintf(out[n], sizeof out[n], "%s", "*");
    return n + 1;
}

/* A region's name in the interface's language ("*": another country). */
static const char *region_label(const app *a, const char *r)
{
    const char *name = r[0] && strcmp(r, "*") ? locales_region_name(&a->loc, r, a->lang) : NULL;
    return name ? name : r[0] && strcmp(r, "*") ? r : _("Another country");
}

/* The crisis line's country: the one in effect between Previous and Next. */
static float country(sform *L, float x, float y, float w)
{
    ui_ctx ui = app_ui(L->a);
    const app *a = L->a;
    float u = L->u, y0 = y;
    char val[160], r[8];
    if (a->set.region[0])
        snprintf(val, sizeof val, "%s", region_label(a, a->set.region));
    else {
        app_region_auto(a, r, sizeof r);
        snprintf(val, sizeof val, _("Automatic: %s"), region_label(a, r));
    }
    y = sform_label(L, x, y, w, _("Country for the crisis line"));
    int px = (int)lroundf(22 * u);
    float bw = fmaxf(90 * u, ui_button_w(&ui, "›", 90 * u));
    float bh = fmaxf(56 * u, ui_text_h(&ui, val, px, true, w - 2 * bw - 16 * u) + 8 * u);
    bool rtl = i18n_is_rtl(a->lang); /* the layout is mirrored: each arrow points outwards */
    sform_button(L, "region:previous", gw_rc(x, y, bw, bh), rtl ? "›" : "‹", false);
    char name[160];
    /* The buttons either side of a value chosen from a list ("Country for the crisis line: previous"). */
    snprintf(name, sizeof name, _("%s: previous"), _("Country for the crisis line"));
    sform_describe(L, ROLE_SLIDER, name, val);
    if (L->l)
        draw_text(L->l, gw_rc(x + bw + 8 * u, y, w - 2 * bw - 16 * u, bh), val, px,
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), a->th->text);
    sform_button(L, "region:next", gw_rc(x + w - bw, y, bw, bh), rtl ? "‹" : "›", false);
    snprintf(name, sizeof name, _("%s: next"), _("Country for the crisis line"));
    sform_describe(L, ROLE_SLIDER, name, val);
    return y + bh - y0;
}

/* Reduced motion, check-ins and the writing hand: three switches side by side, their
 * titles at one size, on one line (made smaller down to ui_min_px to fit) or else
 * wrapped, level at the bottom. When a word of a title or a value would not fit its
 * column even so (large text, long words), each switch takes a row of its own, its
 * title above it: no word is ever broken inside. Both values of a switch are
 * measured, so turning one on moves nothing. */
static float toggles(sform *L, float x, float y, float w)
{
    ui_ctx ui = app_ui(L->a);
    const app *a = L->a;
    enum { N = 3 };
    float u = L->u, gap = 20 * u, tw = (w - gap * (N - 1)) / N, y0 = y;
    const char *title[N] = { _("Reduced motion"), _("Check-ins"), _("Writing hand") };
    const char *id[N] = { "reduced-motion", "checkins", "handedness" };
    bool on[N] = { a->set.reduced_motion, a->set.checkins, false };
    bool left = !strcmp(a->set.handedness, "left"); /* not asked yet: the right is shown */
    const char *val[N] = { on[0] ? _("On") : _("Off"), on[1] ? _("On") : _("Off"), left ? _("Left") : _("Right") };
    const char *vals[4] = { _("On"), _("Off"), _("Left"), _("Right") };
    int px0 = (int)lroundf(18 * u), tpx = px0, bpx = ui_button_px(&ui);
    /* the titles on one line, or else wrapped with no word wider than its column */
    bool row = true, wrap = false;
    for (int i = 0; i < N; i++)
        while (tpx > ui_min_px(&ui, px0) && ui_text_w(&ui, title[i], tpx, true) > tw)
            tpx--;
    for (int i = 0; i < N && !wrap; i++)
        wrap = ui_text_w(&ui, title[i], tpx, true) > tw;
    if (wrap) {
        tpx = px0;
        for (int i = 0; i < N; i++)
            tpx = ui_words_px(&ui, title[i], tpx, true, tw);
        for (int i = 0; i < N && row; i++)
            row = ui_measure(&ui, title[i], tpx, true, tw).w <= tw + 1;
    }
    float bw = 0;
    for (int i = 0; i < 4; i++) {
        row = row && ui_text_w(&ui, vals[i], bpx, true) <= tw - 24 * u;
        bw = fmaxf(bw, ui_button_w(&ui, vals[i], 160 * u));
    }
    bw = fminf(bw, w);
    float lh = 0, bh = 56 * u;
    for (int i = 0; i < 4; i++)
        bh = fmaxf(bh, ui_button_h(&ui, vals[i], row ? tw : bw, 56 * u));
    if (row) {
        for (int i = 0; i < N; i++)
            lh = fmaxf(lh, fmaxf(30 * u, ui_text_h(&ui, title[i], tpx, true, tw)));
        for (int i = 0; i < N; i++) {
            float tx = x + (float)i * (tw + gap);
            if (L->l)
                draw_text(L->l, gw_rc(tx, y, tw, lh), title[i], tpx, VALIGN_BOTTOM | (FONT_BOLD << 8), a->th->text_dim);
            sform_button(L, id[i], gw_rc(tx, y + lh + 4 * u, tw, bh), val[i], on[i]);
            sform_describe(L, i < 2 ? ROLE_SWITCH : ROLE_BUTTON, title[i], val[i]);
        }
        return lh + 4 * u + bh + (y - y0);
    }
    for (int i = 0; i < N; i++) {
        if (i)
            y += 16 * u;
        float lw = w - bw - 16 * u;
        if (L->beside && ui_text_w(&ui, title[i], (int)lroundf(18 * u), true) <= lw) {
            /* the title beside its switch, the switch at the row's end */
            float h = fmaxf(bh, sform_label_h(L, lw, title[i]));
            if (L->l)
                draw_text(L->l, gw_rc(x, y, lw, h), title[i], (int)lroundf(18 * u), VALIGN_MIDDLE | (FONT_BOLD << 8),
                          a->th->text_dim);
            sform_button(L, id[i], gw_rc(x + w - bw, y + (h - bh) / 2, bw, bh), val[i], on[i]);
            sform_describe(L, i < 2 ? ROLE_SWITCH : ROLE_BUTTON, title[i], val[i]);
            y += h;
            continue;
        }
        y = sform_label(L, x, y, w, title[i]);
        sform_button(L, id[i], gw_rc(x, y, bw, bh), val[i], on[i]);
        sform_describe(L, i < 2 ? ROLE_SWITCH : ROLE_BUTTON, title[i], val[i]);
        y += bh;
    }
    return y - y0;
}

/* Read aloud on or off (its shortcut in the title) and, beside it, its speed with - and
 * +; a line below when no speech service answers (the rest of the program works all
 * the same). */
static float read_aloud(sform *L, float x, float y, float w)
{
    ui_ctx ui = app_ui(L->a);
    const app *a = L->a;
    float u = L->u, y0 = y, gap = 12 * u;
    bool on = app_reading_aloud(a);
    char speed[48];
    /* Read aloud's speed beside its switch, a percentage of the voice's usual pace. */
    snprintf(speed, sizeof speed, _("Speed %d%%"), a->set.speech_rate);
    y = sform_label(L, x, y, w, _("Speech (Ctrl+Alt+R)"));
    int px = (int)lroundf(22 * u);
    float sb = fmaxf(56 * u, ui_button_w(&ui, "+", 56 * u));
    float vw = ui_text_w(&ui, speed, px, true) + 16 * u, tw = 2 * sb + vw;
    /* the switch says what it turns on (a bare "Off" would read like Reduced motion's);
     * as wide and tall on as off: turning it on moves nothing (nor to another page) */
    const char *on_off[2] = { _("Read aloud: on"), _("Read aloud: off") };
    float ow = fminf(w, fmaxf(ui_button_w(&ui, on_off[0], 160 * u), ui_button_w(&ui, on_off[1], 160 * u)));
    bool stack = ow > w - tw - gap; /* no room beside the speed: the switch above it */
    float bh = fmaxf(56 * u, fmaxf(ui_button_h(&ui, on_off[0], ow, 56 * u), ui_button_h(&ui, on_off[1], ow, 56 * u)));
    float sh = fmaxf(56 * u, ui_text_h(&ui, speed, px, true, 0) + 8 * u);
    if (!stack)
        bh = sh = fmaxf(bh, sh);
    else { /* a row of its own across the column, as the other values with - and + */
        sb = fmaxf(90 * u, ui_button_w(&ui, "+", 90 * u));
        vw = fmaxf(vw, w - 2 * sb);
    }
    sform_button(L, "read-aloud", gw_rc(x, y, ow, bh), on_off[!on], on);
    sform_describe(L, ROLE_SWITCH, _("Read aloud"), on ? _("On") : _("Off"));
    float ty = stack ? y + bh + gap : y, tx = stack ? x : x + w - tw;
    sform_button(L, "speech-rate:down", gw_rc(tx, ty, sb, sh), "–", false);
    if (L->l)
        draw_text(L->l, gw_rc(tx + sb, ty, vw, sh), speed, px, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
                  a->th->text);
    sform_button(L, "speech-rate:up", gw_rc(tx + sb + vw, ty, sb, sh), "+", false);
    sform_steps(L, _("Reading speed"), speed);
    y = ty + sh;
    if (!app_speech_ok(a)) {
        const char *no = _("No speech service (speech-dispatcher) answers: nothing can be read aloud.");
        int npx = (int)lroundf(17 * u);
        float h = ui_text_h(&ui, no, npx, false, w);
        if (L->l)
            draw_text(L->l, gw_rc(x, y + 4 * u, w, h), no, npx, VALIGN_TOP, a->th->text_dim);
        y += 4 * u + h;
    }
    return y - y0;
}

/* The panel's words: where the practice log is kept; the folder's width at px. */
static float panel_where(const app *a, char *where, size_t n, int px)
{
    ui_ctx ui = app_ui(a);
    char path[PATH_MAX + 8];
    const char *dir = i18n_ltr(path, sizeof path, paths_user_data_dir() ? paths_user_data_dir() : "?");
    snprintf(where, n, _("Your practice log is kept only on this computer, in %s."), dir);
    return ui_text_w(&ui, dir, px, false);
}

/* Whether the panel's words go into width w with no word (the folder) wider than it. */
static bool panel_fits(const app *a, float w)
{
    ui_ctx ui = app_ui(a);
    char where[PATH_MAX + 100];
    int px = (int)lroundf(17 * app_unit(a));
    float tw = w - 48 * app_unit(a), dw = panel_where(a, where, sizeof where, px);
    return dw <= tw && ui_measure(&ui, where, px, false, tw).w <= tw;
}

/* Where the practice log is kept, "Export my practice log" and "Delete all my data". */
static float data_panel(sform *L, float x, float y, float w)
{
    ui_ctx ui = app_ui(L->a);
    const app *a = L->a;
    float u = L->u, ip = 24 * u;
    char where[PATH_MAX + 100];
    int px = (int)lroundf(17 * u);
    float dirw = panel_where(a, where, sizeof where, px);
    const char *del = _("Delete all my data"), *exp = _("Export my practice log");
    float ew = ui_button_w(&ui, exp, 240 * u), dw = ui_button_w(&ui, del, 240 * u), bgap = 16 * u;
    float bw = ew + bgap + dw;        /* the two buttons side by side */
    float tw = w - ip - bw - 56 * u;  /* the text beside them, as at 100% */
    /* the text under the button when beside it would be too narrow (or a word in
     * it, such as a long folder name, wider than the room) */
    bool stacked = tw < w * 0.35f || dirw > tw || ui_measure(&ui, where, px, false, tw).w > tw;
    /* stacked, the buttons share a row, or one above the other when they do not fit */
    bool column = stacked && bw > w - 2 * ip;
    if (stacked) {
        tw = w - 2 * ip;
        if (column)
            ew = dw = fminf(fmaxf(ew, dw), w - 2 * ip);
    }
    float bh = fmaxf(ui_button_h(&ui, del, dw, 56 * u), ui_button_h(&ui, exp, ew, 56 * u));
    float th = ui_text_h(&ui, where, px, false, tw);
    float bhs = column ? 2 * bh + bgap : bh;
    float h = stacked ? th + bhs + 3 * ip : fmaxf(92 * u, fmaxf(th, bh) + 36 * u);
    if (L->l) {
        draw_rect(L->l, gw_rc(x, y, w, h), 18 * u, a->th->surface);
        if (stacked) {
            float by = y + 2 * ip + th, right = x + w - ip;
            draw_text(L->l, gw_rc(x + ip, y + ip, tw, th), where, px, VALIGN_MIDDLE, a->th->text_dim);
            if (column) {
                sform_button(L, "export", gw_rc(right - ew, by, ew, bh), exp, false);
                sform_button(L, "delete-data", gw_rc(right - dw, by + bh + bgap, dw, bh), del, false);
            } else {
                sform_button(L, "export", gw_rc(right - dw - bgap - ew, by, ew, bh), exp, false);
                sform_button(L, "delete-data", gw_rc(right - dw, by, dw, bh), del, false);
            }
        } else {
            float right = x + w - 20 * u, by = y + (h - bh) / 2;
            draw_text(L->l, gw_rc(x + ip, y, tw, h), where, px, VALIGN_MIDDLE, a->th->text_dim);
            sform_button(L, "export", gw_rc(right - dw - bgap - ew, by, ew, bh), exp, false);
            sform_button(L, "delete-data", gw_rc(right - dw, by, dw, bh), del, false);
        }
    }
    return h;
}

static void confirm(const app *a, draw_list *l, sform *L)
{
    ui_ctx ui = app_ui(a);
    const theme *t = a->th;
    float u = L->u, W = (float)a->w, H = (float)a->h;
    const char *title = _("Delete all your data?");
    const char *body = _("Your practice log (every session and check-in) and your favourites will be deleted from "
                         "this computer. This cannot be undone.");
    const char *keep = _("Keep my data"), *del = _("Delete");
    float w = fminf(W - 40 * u, fmaxf(640 * u, 2 * fmaxf(ui_button_w(&ui, keep, 0), ui_button_w(&ui, del, 0)) + 100 * u));
    float x = (W - w) / 2, iw = w - 80 * u;
    int tpx = (int)lroundf(30 * u), bpx = (int)lroundf(19 * u);
    float th = fmaxf(50 * u, ui_text_h(&ui, title, tpx, true, iw));
    float bh_txt = fmaxf(90 * u, ui_text_h(&ui, body, bpx, false, iw));
    float bw = (w - 100 * u) / 2;
    float bh = fmaxf(60 * u, fmaxf(ui_button_h(&ui, keep, bw, 60 * u), ui_button_h(&ui, del, bw, 60 * u)));
    float h = fmaxf(300 * u, 24 * u + th + 10 * u + bh_txt + 30 * u + bh + 30 * u);
    if (h > H - 20 * u) { /* no room: the explanation a little smaller */
        float room = H - 20 * u - (24 * u + th + 10 * u + 30 * u + bh + 30 * u);
        bpx = ui_fit_px(&ui, body, bpx, ui_min_px(&ui, bpx), false, iw, room);
        bh_txt = fminf(room, ui_text_h(&ui, body, bpx, false, iw));
        h = H - 20 * u;
    }
    float y = (H - h) / 2;
    draw_rect(l, gw_rc(x, y, w, h), 22 * u, t->surface);
    draw_text(l, gw_rc(x + 30 * u, y + 24 * u, w - 60 * u, th), title, tpx,
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(x + 40 * u, y + 24 * u + th + 10 * u, iw, bh_txt), body, bpx, ALIGN_CENTER | VALIGN_TOP,
              t->text_dim);
    /* the safe choice is the primary one (and focused first); Delete is marked as
     * what cannot be undone */
    sform_button(L, "delete-cancel", gw_rc(x + 40 * u, y + h - 30 * u - bh, bw, bh), keep, true);
    ui_button_warn(&ui, l, "delete-confirm", gw_rc(x + w / 2 + 10 * u, y + h - 30 * u - bh, bw, bh), del,
                   L->focus == L->idx++);
}

/* The screen's sections: two columns (one when narrow), the data panel across the
 * bottom. With large text they may not all fit: then they run down one column and
 * the next, onto more pages, whole sections at a time, with Previous page and Next
 * page at the bottom; the panel goes across below them, or else in the second column
 * at the column's width, before it takes a page of its own. */
enum { NSEC = 13, PANEL = NSEC, LEFT = 5 /* sections in the left column */,
       SPEECH = 11 /* read aloud */,
       HR = 12 /* the heart-rate sensor (home only): below read aloud, or in the shorter
                  column on one page */ };

/* Large text: the titles of values and switches beside them where a row has room. */
static bool titles_beside(const app *a) { return a->view.text_scale > 1.01f; }

static float section(sform *L, int k, float x, float y, float w)
{
    const app *a = L->a;
    static const char *const TK[] = { "calm", "light", "contrast" };
    /* the default theme is "Dark": "Calm" is the reduced-motion pacer style */
    static const char *const TN[] = { N_("Dark"), N_("Light"), N_("High contrast") };
    static const char *const LK[] = { "auto", "en", "es", "de", "ar" };
    static const char *const LN[] = { N_("Automatic"), N_("English"), N_("Español"), N_("Deutsch"), N_("العربية") };
    static const char *const PN[PACER_STYLE_COUNT] = { N_("Orb"), N_("Box"), N_("Wave"), N_("Tube"), N_("Calm") };
    switch (k) {
    case 0: return sform_choices(L, x, y, w, _("Theme"), "theme", TK, TN, 3, a->th->name); /* in effect (--theme too) */
    case 1: return sform_stepper(L, x, y, w, _("Text size"), "text-size", app_text_pct(a));
    case 2: return toggles(L, x, y, w);
    case 3: { /* the language in effect: --lang for this run, else the setting */
        char cur[3] = "";
        if (a->arg.lang)
            snprintf(cur, sizeof cur, "%.2s", a->lang);
        return sform_choices(L, x, y, w, _("Language"), "language", LK, LN, 5,
                       cur[0] ? cur : a->set.lang[0] ? a->set.lang : "auto");
    }
    case 4: {
        const char *pk[PACER_STYLE_COUNT];
        for (int i = 0; i < PACER_STYLE_COUNT; i++)
            pk[i] = pacer_style_name(i);
        return sform_choices(L, x, y, w, _("Breathing pacer"), "pacer", pk, PN, PACER_STYLE_COUNT, a->set.pacer);
    }
    case 5: return sform_stepper(L, x, y, w, _("Cue sounds"), "volume:cues", a->set.vol_cues);
    case 6: return sform_stepper(L, x, y, w, _("Voice"), "volume:voice", a->set.vol_voice);
    case 7: return sform_stepper(L, x, y, w, _("Ambience"), "volume:ambience", a->set.vol_ambience);
    case 8: return country(L, x, y, w);
    case 9: return reminders_row(L, x, y, w);
    case 10: return reminders_days(L, x, y, w);
    case SPEECH: return read_aloud(L, x, y, w);
    case HR: return hr_row(L, x, y, w);
    default: return data_panel(L, x, y, w);
    }
}

typedef struct pages {
    int n;                    /* pages */
    int page[NSEC + 1];       /* the page and column of each section and of the panel */
    int col[NSEC + 1];
    bool flow;                /* false: the one-page arrangement, the panel across the bottom */
    bool panel_col;           /* the panel in its column (col[PANEL]) at the column's width */
    bool panel_alone;         /* the panel on a page with no section */
    float end;                /* where the panel may reach (bottom: where sections may) */
    float top, bottom, x0, x1, cw, pw, sgap, pgap;
    bool two;
    float nav_h;              /* height of the page controls (0: one page) */
} pages;

static float nav_height(const app *a, float u)
{
    ui_ctx ui = app_ui(a);
    const char *lab[2] = { _("Previous page"), _("Next page") };
    float h = 60 * u;
    for (int i = 0; i < 2; i++)
        h = fmaxf(h, ui_button_h(&ui, lab[i], ui_button_w(&ui, lab[i], 200 * u), 60 * u));
    return h;
}

/* One page: the first LEFT sections on the left, the others on the right (all in one
 * column when narrow), the panel below across both. */
static bool place_one(const app *a, pages *P)
{
    sform M = { .a = a, .u = app_unit(a), .beside = titles_beside(a) };
    float y[2] = { P->top, P->top };
    for (int k = 0; k < NSEC; k++) {
        float h = section(&M, k, 0, 0, P->cw);
        int c = P->two && (k == HR ? y[1] < y[0] : k >= LEFT);
        P->page[k] = 0;
        P->col[k] = c;
        if (h > 0) /* a section not shown takes no room */
            y[c] += h + P->sgap;
    }
    P->page[PANEL] = P->col[PANEL] = 0;
    P->n = 1;
    P->flow = false;
    P->panel_col = false;
    P->panel_alone = false;
    /* the gap above the panel closes up to half before the panel goes to a page of its own */
    float need = fmaxf(y[0], y[1]) - P->sgap + section(&M, PANEL, 0, 0, P->pw);
    if (need + P->pgap > P->bottom && need + P->pgap / 2 <= P->bottom)
        P->pgap = P->bottom - need;
    return need + P->pgap <= P->bottom;
}

/* Pages: the sections in order down the first column, then the second, then the next
 * page; the panel across both columns below them on the last page, or on a page of
 * its own. With large text, so that fewer pages hold the same: a section that does
 * not fit its column goes below what is in the page's other column if it fits there,
 * and the panel, when not across, goes in the column with room for it, else onto a
 * page with the last section. */
static void place_flow(const app *a, pages *P)
{
    bool large = titles_beside(a);
    sform M = { .a = a, .u = app_unit(a), .beside = large };
    int page = 0, col = 0, ncol = P->two ? 2 : 1, last = -1, on_page = 0;
    float y[2] = { P->top, P->top }, hs[NSEC];
    for (int k = 0; k < NSEC; k++) {
        float h = hs[k] = section(&M, k, 0, 0, P->cw);
        if (h <= 0) {
            P->page[k] = page;
            P->col[k] = col;
            continue;
        }
        /* read aloud starts a column (as designed at 100%: the sections before it stay where
         * they were) */
        bool fresh = !large && k == SPEECH && y[col] > P->top;
        int c = !fresh && (y[col] <= P->top || y[col] + h <= P->bottom) ? col : -1;
        for (int o = 0; o < ncol && c < 0; o++)
            if (large ? y[o] + h <= P->bottom : o == col + 1)
                c = o;
        if (c < 0) {
            page++;
            y[0] = y[1] = P->top;
            c = 0;
            on_page = 0;
        }
        col = c;
        P->page[k] = page;
        P->col[k] = c;
        y[c] += h + P->sgap;
        last = k;
        on_page++;
    }
    float low = fmaxf(P->top, fmaxf(y[0], y[1]) - P->sgap);
    P->panel_col = false;
    P->col[PANEL] = 0;
    if (low + P->pgap + section(&M, PANEL, 0, 0, P->pw) > P->end) {
        int c = ncol == 2 && y[1] < y[0] ? 1 : 0; /* the column with more room */
        float pc = large && P->two && panel_fits(a, P->cw) ? section(&M, PANEL, 0, 0, P->cw) : 1e9f;
        if (y[c] + pc <= P->end) {
            P->panel_col = true;
            P->col[PANEL] = c;
        } else {
            /* not a page to itself: the last section goes with it, where the page it
             * leaves keeps others and the two fit */
            page++;
            if (large && last >= 0 && on_page > 1) {
                bool across = P->top + hs[last] + P->pgap + section(&M, PANEL, 0, 0, P->pw) <= P->end;
                if (across || (P->two && P->top + pc <= P->end)) {
                    P->page[last] = page;
                    P->col[last] = 0;
                    P->panel_col = !across;
                    P->col[PANEL] = across ? 0 : 1;
                }
            }
        }
    }
    P->page[PANEL] = page;
    P->n = page + 1;
    P->flow = true;
    P->panel_alone = true;
    for (int k = 0; k < NSEC; k++)
        if (hs[k] > 0 && P->page[k] == page)
            P->panel_alone = false;
}

static pages paginate(const app *a, float top)
{
    pages P;
    float u = app_unit(a), W = (float)a->w, H = (float)a->h;
    float pad = 60 * u, gap = 60 * u;
    P.two = (W - 2 * pad - gap) / 2 >= 380 * u;
    P.cw = P.two ? (W - 2 * pad - gap) / 2 : W - 2 * pad;
    P.pw = W - 2 * pad;
    P.x0 = pad;
    P.x1 = P.two ? pad + P.cw + gap : pad;
    P.top = top + 6 * u;
    /* more room between sections as the text grows */
    P.sgap = 10 * u * fmaxf(1.f, a->view.text_scale);
    P.pgap = 34 * u;
    P.nav_h = 0;
    P.bottom = H - 24 * u;
    P.end = P.bottom;
    if (!place_one(a, &P)) {
        P.nav_h = nav_height(a, u);
        P.bottom -= P.nav_h + 16 * u;
        P.end = P.bottom;
        place_flow(a, &P);
        /* large text: pages about as full as each other, none nearly empty: the least
         * column height for the sections that needs no more pages (the panel may still
         * reach the bottom) */
        float lo = P.top + (P.bottom - P.top) / 2, hi = P.bottom;
        for (int it = 0; it < 6 && titles_beside(a) && P.n > 1; it++) {
            pages Q = P;
            Q.bottom = (lo + hi) / 2;
            place_flow(a, &Q);
            if (Q.n <= P.n && (!Q.panel_alone || P.panel_alone))
                hi = Q.bottom;
            else
                lo = Q.bottom;
        }
        if (hi < P.bottom) {
            P.bottom = hi;
            place_flow(a, &P);
        }
    }
    return P;
}

static void nav(const app *a, draw_list *l, sform *L, const pages *P, int page)
{
    ui_ctx ui = app_ui(a);
    float u = L->u, W = (float)a->w, H = (float)a->h;
    float bh = P->nav_h, y = H - 24 * u - bh, gap = 20 * u;
    char where[64];
    snprintf(where, sizeof where, _("Page %d of %d"), page + 1, P->n);
    const char *prev = _("Previous page"), *next = _("Next page");
    float pw = ui_button_w(&ui, prev, 200 * u), nw = ui_button_w(&ui, next, 200 * u);
    float mid = fmaxf(ui_text_w(&ui, where, (int)lroundf(20 * u), false), 140 * u);
    float total = pw + nw + mid + 2 * gap;
    float x = (W - total) / 2;
    if (page > 0)
        sform_button(L, "page:previous", gw_rc(x, y, pw, bh), prev, false);
    draw_text(l, gw_rc(x + pw + gap, y, mid, bh), where, (int)lroundf(20 * u), ALIGN_CENTER | VALIGN_MIDDLE,
              a->th->text_dim);
    if (page + 1 < P->n)
        sform_button(L, "page:next", gw_rc(x + pw + mid + 2 * gap, y, nw, bh), next, true);
}

static void settings_draw(const app *a, draw_list *l)
{
    ui_ctx ui = app_ui(a);
    const struct settings_st *st = ST(a);
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w;
    sform L = { .a = a, .l = l, .u = u, .focus = st->focus, .beside = titles_beside(a) };
    if (st->confirm_delete) {
        confirm(a, l, &L);
        return;
    }
    if (st->share.open) {
        share_draw(a, l, &L, &st->share);
        return;
    }
    if (st->hr.open) {
        hr_page_draw(a, l, &L, &st->hr);
        return;
    }
    float top = ui_top_bar_focus(&ui, l, _("Settings"), st->focus);
    L.idx = 2; /* Back and Help are widgets 0 and 1 */
    pages P = paginate(a, top);
    int page = st->page < 0 ? 0 : st->page >= P.n ? P.n - 1 : st->page;
    float y[2] = { P.top, P.top };
    for (int k = 0; k < NSEC; k++)
        if (P.page[k] == page) {
            int c = P.col[k];
            float h = section(&L, k, c ? P.x1 : P.x0, y[c], P.cw);
            if (h > 0)
                y[c] += h + P.sgap;
        }
    if (P.page[PANEL] == page && P.panel_col)
        section(&L, PANEL, P.col[PANEL] ? P.x1 : P.x0, y[P.col[PANEL]], P.cw);
    else if (P.page[PANEL] == page) {
        float below = fmaxf(y[0], y[1]) - P.sgap;
        section(&L, PANEL, P.x0, below > P.top ? below + P.pgap : P.top, P.pw);
    }
    if (P.n > 1)
        nav(a, l, &L, &P, page);
    if (a->notice[0])
        draw_text(l, gw_rc(60 * u, top - 22 * u, W - 120 * u, 24 * u), a->notice, (int)lroundf(15 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, t->focus);
}

static void settings_enter(app *a)
{
    struct settings_st *st = ST(a);
    st->focus = 0;
    st->confirm_delete = false;
    st->page = 0;
    share_enter(&st->share);
    hr_page_enter(a, &st->hr);
}

void settings_show_page(app *a, int page) { ST(a)->page = page; }

static int page_count(app *a)
{
    ui_ctx ui = app_ui(a);
    draw_list tmp = { 0 };
    draw_begin(&tmp, a->w, a->h, a->th->bg);
    int n = paginate(a, ui_top_bar(&ui, &tmp, _("Settings"))).n;
    draw_free(&tmp);
    return n;
}

/* To the next (+1) or previous (-1) page; the focus on its first control. */
static void turn_page(app *a, int by)
{
    struct settings_st *st = ST(a);
    int n = page_count(a), p = st->page + by;
    p = p < 0 ? 0 : p >= n ? n - 1 : p;
    if (p != st->page) {
        st->page = p;
        st->focus = 2;
    }
}

static int step(int v, int by, int lo, int hi) { return v + by < lo ? lo : v + by > hi ? hi : v + by; }

static void delete_all(app *a)
{
    ST(a)->confirm_delete = false;
    ST(a)->focus = 0;
    app_home_delete_all(a);
}

/* To the next (+1) or previous (-1) country for the crisis line, round the list. */
static void step_region(app *a, int by)
{
    char rs[MAX_REGIONS][4];
    int n = region_choices(a, rs, MAX_REGIONS), at = 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(rs[i], a->set.region))
            at = i;
    settings *s = app_settings_edit(a);
    snprintf(s->region, sizeof s->region, "%s", rs[(at + by + n) % n]);
}

static void settings_update(app *a)
{
    share_update(a, &ST(a)->share);
    hr_page_update(a, &ST(a)->hr);
}

static gw_ns settings_next_change(const app *a)
{
    gw_ns s = share_next_change(a, &ST(a)->share), h = hr_page_next_change(a, &ST(a)->hr);
    return s < h ? s : h;
}

static void settings_activate(app *a, const char *w)
{
    struct settings_st *st = ST(a);
    settings *s = app_settings_edit(a);
    char key[16] = "";
    if (share_activate(a, &st->share, w, &st->focus) || hr_page_activate(a, &st->hr, w, &st->focus))
        return;
    if (!strcmp(w, "back")) {
        app_go(a, SCENE_LIBRARY);
        return;
    }
    if (!strcmp(w, "page:next") || !strcmp(w, "page:previous")) {
        turn_page(a, w[5] == 'n' ? 1 : -1);
        return;
    }
    if (!strcmp(w, "delete-data")) {
        st->confirm_delete = true;
        st->focus = 0; /* "Keep my data" first */
        return;
    }
    if (!strcmp(w, "delete-cancel")) {
        st->confirm_delete = false;
        return;
    }
    if (!strcmp(w, "delete-confirm")) {
        delete_all(a);
        return;
    }
    if (reminders_pressed(a, w))
        return;
    if (sscanf(w, "theme:%15s", key) == 1)
        snprintf(s->theme, sizeof s->theme, "%s", key);
    else if (!strcmp(w, "text-size:down") || !strcmp(w, "text-size:up")) {
        /* from the size shown, which is the one in effect */
        s->text_pct = step(app_text_pct(a), w[10] == 'u' ? 25 : -25, 100, 200);
        a->arg.text_pct = 0; /* the person chose: --text-size no longer applies */
    } else if (!strcmp(w, "reduced-motion"))
        s->reduced_motion = !s->reduced_motion;
    else if (!strcmp(w, "checkins"))
        s->checkins = !s->checkins;
    else if (!strcmp(w, "read-aloud"))
        s->read_aloud = !app_reading_aloud(a);
    else if (!strcmp(w, "speech-rate:down") || !strcmp(w, "speech-rate:up"))
        s->speech_rate = step(s->speech_rate, w[12] == 'u' ? 10 : -10, 50, 200);
    else if (!strcmp(w, "handedness"))
        snprintf(s->handedness, sizeof s->handedness, "%s", strcmp(s->handedness, "left") ? "left" : "right");
    else if (!strcmp(w, "region:previous") || !strcmp(w, "region:next"))
        step_region(a, w[7] == 'n' ? 1 : -1);
    else if (sscanf(w, "language:%15s", key) == 1) {
        snprintf(s->lang, sizeof s->lang, "%s", strcmp(key, "auto") ? key : "");
        a->arg.lang = false; /* the person chose: --lang no longer applies */
        if (s->lang[0])
            snprintf(a->lang, sizeof a->lang, "%s", s->lang);
        else
            i18n_lang_from_env(a->lang, sizeof a->lang);
        app_lang_changed(a);
    } else if (sscanf(w, "pacer:%15s", key) == 1)
        snprintf(s->pacer, sizeof s->pacer, "%s", key);
    else if (!strncmp(w, "volume:", 7)) {
        int *v = !strncmp(w + 7, "cues", 4) ? &s->vol_cues : !strncmp(w + 7, "voice", 5) ? &s->vol_voice
                                                                                         : &s->vol_ambience;
        *v = step(*v, strstr(w, ":up") ? 10 : -10, 0, 100);
    } else
        return;
    app_settings_changed(a);
    trace_begin(a->tr, a->now, "setting");
    trace_str(a->tr, "widget", w);
    trace_end(a->tr);
    if (!strcmp(w, "read-aloud"))
        app_read_aloud(a, a->set.read_aloud, true);
    else
        app_say_sync(a); /* the speed or the voice's volume, from the next word said */
}

static bool settings_event(app *a, const gw_event *e)
{
    struct settings_st *st = ST(a);
    if (e->type == EV_KEY && !st->confirm_delete && !st->share.open && !st->hr.open &&
        (!strcmp(e->key, "PageDown") || !strcmp(e->key, "PageUp"))) {
        turn_page(a, e->key[4] == 'D' ? 1 : -1);
        a->ui_stale = true;
        return true;
    }
    return app_home_nav(a, &st->focus, e, st->confirm_delete ? "delete-cancel" : "back");
}

const scene_vt scene_settings = {
    .id = SCENE_SETTINGS,
    .name = "settings",
    .enter = settings_enter,
    .event = settings_event,
    .activate = settings_activate,
    .update = settings_update,
    .draw = settings_draw,
    .next_change = settings_next_change,
    .state_size = sizeof(struct settings_st),
};
