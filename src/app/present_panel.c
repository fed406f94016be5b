/* present_panel: the therapist's controls in present mode. On one display the panel is
 * drawn over the client view and fades after a few seconds without input; the second
 * window (app_draw_control) shows it in full. Controls the client's exercise already
 * has (pause, longer, shorter, style, mute, next, previous) keep their widget ids and
 * are handled by the exercise's scene; the panel's own are prefixed "ctl-" (its pages
 * at large text "ctl-page:next"/"ctl-page:previous", the control window's list of
 * exercises "ctl-list:next"/"ctl-list:previous"). Tailoring (groups, tension), the
 * plan and the pages shown live in a->present. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/app.h"
#include "app/ui.h"
#include "core/i18n.h"

#define FADE_AFTER GW_SEC(4)

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

static void turn_pages(app *a, const char *w);
static void show_page_of(app *a, const char *id);

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
        app_choose_exercise(a, w + 10);
    } else if (!strncmp(w, "ctl-page:", 9) || !strncmp(w, "ctl-list:", 9)) {
        turn_pages(a, w);
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
    if (ctrl && !strcmp(k, "S")) {
        show_page_of(a, "ctl-save-plan");
        return app_press(a, "ctl-save-plan");
    }
    if (ctrl)
        return false;
    if (!strcmp(k, "/") && (e->mods & GW_MOD_SHIFT))
        return app_press(a, "help-keys");
    for (size_t i = 0; i < sizeof MAP / sizeof *MAP; i++)
        if (!strcmp(k, MAP[i][0])) {
            if (!strncmp(MAP[i][1], "ctl-", 4))
                show_page_of(a, MAP[i][1]); /* a control on another page of the panel */
            bool was = a->present.editing_note;
            bool pressed = app_press(a, MAP[i][1]); /* not on screen now: the scene may have the key */
            if (pressed && !was && a->present.editing_note && strlen(k) < sizeof a->present.opened_by)
                memcpy(a->present.opened_by, k, strlen(k) + 1);
            return pressed;
        }
    return false;
}

/* ---- drawing -------------------------------------------------------------- */
/* The panel is a column of blocks (a heading, a row of buttons, the note...), each
 * measured before it is placed: buttons are as wide as their labels and rows of them
 * wrap. When the blocks do not fit the panel's height (large text) they go on pages
 * (ctl-page:next, ctl-page:previous) under the panel's title, which every page has; a
 * heading goes with the block under it. The blocks of the pages not shown are drawn
 * into a scratch list, so their widgets are not on screen. */
typedef struct lay {
    const app *a;
    draw_list *out, *sink, *l; /* l: out on the page shown, else sink */
    float x, y, w, u;
    float top, bottom;         /* where blocks go on every page */
    int page, show;            /* the page being laid out; the page shown (-1: none) */
    const char *pend;          /* a heading waiting for the block under it */
    const char *find;          /* a widget id whose page is wanted */
    int found;                 /* its page; -1: not among the blocks */
} lay;

/* how a row's buttons look: label size (before the person's text size), bold, chip */
typedef struct look { float px; bool bold, chip; float min_h, gap; } look;
static const look BUTTON = { 17, true, false, 36, 8 };
static const look CHIP = { 13, false, true, 28, 5 };

typedef struct item { const char *id, *label; bool on; } item;

#define ROW_MAX 16

static int px_of(const lay *L, float base) { return (int)lroundf(base * L->u); }

static float head_h(const lay *L, const char *text)
{
    return fmaxf(26 * L->u, ui_text_h(L->a, text, px_of(L, 16), false, L->w)) + 2 * L->u;
}

static void text_block(lay *L, gw_rect r, const char *text, int px, int flags, gw_color c)
{
    if (ui_text_w(L->a, text, px, (flags >> 8) & 1) <= r.w)
        flags |= TEXT_FIT; /* one line, as designed */
    draw_text(L->l, r, text, px, flags, c);
}

/* Makes room for a block h tall: on the next page if it does not fit on this one (with
 * the heading waiting for it), then draws that heading. */
static void place(lay *L, float h)
{
    float ph = L->pend ? head_h(L, L->pend) : 0;
    if (L->y + ph + h > L->bottom + 0.5f && L->y > L->top + 0.5f) {
        L->page++;
        L->y = L->top;
        L->l = L->page == L->show ? L->out : L->sink;
    }
    if (L->pend) {
        text_block(L, gw_rc(L->x, L->y, L->w, ph - 2 * L->u), L->pend, px_of(L, 16), VALIGN_MIDDLE,
                   L->a->th->text_dim);
        L->pend = NULL;
        L->y += ph;
    }
}

static void heading(lay *L, const char *text) { L->pend = text; }

static void wid(lay *L, const char *id, gw_rect r, bool focused)
{
    if (L->find && L->found < 0 && !strcmp(L->find, id))
        L->found = L->page;
    draw_widget_add(L->l, id, r, focused);
}

/* the space either side of a label, growing with the text size */
static float inset(const lay *L, const look *k)
{
    return (k->chip ? 8 : 6) * L->u * fmaxf(1.f, sqrtf(L->a->text_scale));
}

static float need_w(const lay *L, const look *k, const char *label)
{
    return ceilf(ui_text_w(L->a, label, px_of(L, k->px), k->bold) + 2 * inset(L, k) + 4 * L->u);
}

static float label_h(const lay *L, const look *k, const char *label, float w)
{
    return fmaxf(k->min_h * L->u, ceilf(ui_text_h(L->a, label, px_of(L, k->px), k->bold, w - 2 * inset(L, k)) +
                                        8 * L->u));
}

static void button(lay *L, const look *k, const item *it, gw_rect r)
{
    const theme *t = L->a->th;
    float in = inset(L, k);
    draw_rect(L->l, r, fminf(r.h, 40 * L->u) * 0.3f, it->on ? t->accent : t->surface_hi);
    gw_color fg = it->on ? t->bg : k->chip ? t->text_dim : t->text;
    text_block(L, gw_rc(r.x + in, r.y, r.w - 2 * in, r.h), it->label, px_of(L, k->px),
               (k->chip ? 0 : ALIGN_CENTER) | VALIGN_MIDDLE | (k->bold ? FONT_BOLD << 8 : 0), fg);
    wid(L, it->id, r, false);
}

/* Where rows start: as many buttons on each as fit, then evened out (3 + 2 rather
 * than 4 + 1) when that still fits. Returns the number of rows. */
static int rows_of(const lay *L, const look *k, const float *need, int n, int *start)
{
    float gap = k->gap * L->u;
    int rows = 0;
    for (int i = 0; i < n; rows++) {
        start[rows] = i;
        float used = need[i++];
        while (i < n && used + gap + need[i] <= L->w)
            used += gap + need[i++];
    }
    start[rows] = n;
    if (rows > 1) {
        int even[ROW_MAX + 1], at = 0;
        bool ok = true;
        for (int r = 0; r < rows; r++) {
            even[r] = at;
            int cnt = (n - at + (rows - r) - 1) / (rows - r);
            float used = -gap;
            for (int j = at; j < at + cnt; j++)
                used += gap + need[j];
            ok &= used <= L->w;
            at += cnt;
        }
        even[rows] = n;
        if (ok)
            memcpy(start, even, sizeof even);
    }
    return rows;
}

/* A row of buttons filling the panel's width, wrapping onto more rows. */
static void flow(lay *L, const look *k, const item *it, int n)
{
    float need[ROW_MAX], bw[ROW_MAX], gap = k->gap * L->u;
    int start[ROW_MAX + 1];
    n = n < ROW_MAX ? n : ROW_MAX;
    for (int i = 0; i < n; i++)
        need[i] = fminf(L->w, need_w(L, k, it[i].label));
    int rows = rows_of(L, k, need, n, start);
    for (int r = 0; r < rows; r++) {
        int i = start[r], e = start[r + 1];
        ui_fill_widths(need + i, bw + i, e - i, L->w - (float)(e - i - 1) * gap);
        float rh = 0;
        for (int j = i; j < e; j++)
            rh = fmaxf(rh, label_h(L, k, it[j].label, bw[j]));
        place(L, rh);
        float x = L->x;
        for (int j = i; j < e; j++) {
            button(L, k, &it[j], gw_rc(x, L->y, bw[j], rh));
            x += bw[j] + gap;
        }
        L->y += rh + gap;
    }
}

/* Fewer and More with the number of breaths between them; the number above them when
 * the three do not fit side by side. */
static void breaths_row(lay *L, const char *count)
{
    const app *a = L->a;
    float u = L->u, gap = BUTTON.gap * u;
    item fm[2] = { { "ctl-cycles-down", _("Fewer"), false }, { "ctl-cycles-up", _("More"), false } };
    int cpx = px_of(L, 17);
    float cw = ui_text_w(a, count, cpx, false) + 16 * u;
    float fw = need_w(L, &BUTTON, fm[0].label), mw = need_w(L, &BUTTON, fm[1].label);
    float third = (L->w - 2 * gap) / 3;
    /* the two buttons are as wide as each other: the wider label must fit both */
    if (fmaxf(cw, fmaxf(fw, mw)) <= third || 2 * fmaxf(fw, mw) + cw + 2 * gap <= L->w) {
        bool even = fmaxf(cw, fmaxf(fw, mw)) <= third;
        float side = even ? third : (L->w - cw - 2 * gap) / 2;
        float rh = fmaxf(label_h(L, &BUTTON, fm[0].label, side), label_h(L, &BUTTON, fm[1].label, side));
        place(L, rh);
        button(L, &BUTTON, &fm[0], gw_rc(L->x, L->y, side, rh));
        draw_text(L->l, gw_rc(L->x + side + gap, L->y, L->w - 2 * side - 2 * gap, rh), count, cpx,
                  ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT, a->th->text);
        button(L, &BUTTON, &fm[1], gw_rc(L->x + L->w - side, L->y, side, rh));
        L->y += rh + gap;
        return;
    }
    float ch = ui_text_h(a, count, cpx, false, L->w);
    place(L, ch);
    draw_text(L->l, gw_rc(L->x, L->y, L->w, ch), count, cpx, ALIGN_CENTER | VALIGN_MIDDLE, a->th->text);
    L->y += ch + 4 * u;
    flow(L, &BUTTON, fm, 2);
}

static void exercise_controls(lay *L)
{
    const app *a = L->a;
    heading(L, app_text(a, &a->ex->title));
    const char *pause = a->clock.paused ? _("Resume") : _("Pause");
    if (a->ex->kind == EX_BREATHING) {
        char cyc[48];
        int nc = breath_total_cycles(&a->pattern);
        snprintf(cyc, sizeof cyc, P_("%d breath", "%d breaths", nc), nc);
        flow(L, &BUTTON, (const item[]){ { "pause", pause, false }, { "ctl-restart", _("Restart"), false } }, 2);
        flow(L, &BUTTON, (const item[]){ { "shorter", _("Shorter"), false }, { "longer", _("Longer"), false } }, 2);
        breaths_row(L, cyc);
        flow(L, &BUTTON,
             (const item[]){ { "style", _("Style"), false }, { "mute", a->muted ? _("Unmute") : _("Mute"), a->muted } },
             2);
    } else if (a->ex->kind == EX_GUIDED) {
        flow(L, &BUTTON,
             (const item[]){ { "previous", _("Prev."), false }, { "next", _("Next"), false }, { "pause", pause, false },
                             { "ctl-restart", _("Restart"), false } },
             4);
    } else {
        flow(L, &BUTTON,
             (const item[]){ { "previous", _("Previous"), false }, { "next", _("Next"), false },
                             { "ctl-restart", _("Restart"), false } },
             3);
    }
    if (a->ex->kind == EX_GUIDED && a->ex == a->present.tail_ex) {
        bool rel = a->present.release_only;
        flow(L, &BUTTON,
             (const item[]){ { "ctl-tension", rel ? _("Tension: off (release only)") : _("Tension: on"), !rel } }, 1);
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
        char ids[ROW_MAX][DRAW_WIDGET_ID_MAX] = { "" };
        item chips[ROW_MAX] = { { NULL, NULL, false } };
        int nchip = 0;
        for (int k = 0; k < nused && nchip < ROW_MAX; k++, nchip++) {
            snprintf(ids[nchip], sizeof ids[nchip], "ctl-group:%s", a->ex->region[used[k]].id);
            chips[nchip] = (item){ ids[nchip], app_text(a, &a->ex->region[used[k]].name),
                                   !((a->present.drop_regions >> used[k]) & 1u) };
        }
        flow(L, &CHIP, chips, nchip);
        if (nchip)
            L->y += 2 * L->u;
    }
}

/* A key's name as its keycaps read: one of symbols only ("] / [") is kept left to right
 * (isolated) in a right-to-left interface, where its brackets would be mirrored. */
static const char *key_name(const char *name, char *buf, size_t n)
{
    for (const char *c = name; *c; c++)
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (unsigned char)*c >= 0x80)
            return name;
    snprintf(buf, n, "\u2066%s\u2069", name);
    return buf;
}

static void help_list(lay *L)
{
    const app *a = L->a;
    const theme *t = a->th;
    float u = L->u;
    int px = px_of(L, 16);
    heading(L, _("Keys"));
    float kw = 0;
    char kb[64];
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++)
        kw = fmaxf(kw, ui_text_w(a, key_name(i18n_ctx(KEYS[i][0]), kb, sizeof kb), px, true));
    kw = fminf(fmaxf(kw + 10 * u, L->w * 0.3f), L->w * 0.45f);
    float dx = kw + 6 * u, dw = L->w - dx;
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++) {
        const char *k = key_name(i18n_ctx(KEYS[i][0]), kb, sizeof kb), *d = _(KEYS[i][1]);
        float h = fmaxf(24 * u, fmaxf(ui_text_h(a, k, px, true, kw), ui_text_h(a, d, px, false, dw)));
        place(L, h);
        text_block(L, gw_rc(L->x, L->y, kw, h), k, px, VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
        text_block(L, gw_rc(L->x + dx, L->y, dw, h), d, px, VALIGN_MIDDLE, t->text);
        L->y += h;
    }
    L->y += 8 * u;
    flow(L, &BUTTON, (const item[]){ { "ctl-help-close", _("Close"), false } }, 1);
}

static void plan_blocks(lay *L)
{
    const app *a = L->a;
    const theme *t = a->th;
    const struct app_present *p = &a->present;
    float u = L->u;
    heading(L, _("Client screen"));
    flow(L, &BUTTON,
         (const item[]){ { "ctl-blank", p->blank ? _("Show screen") : _("Blank screen"), p->blank },
                         { "ctl-captions", p->captions_off ? _("Show captions") : _("Hide captions"), p->captions_off } },
         2);
    char h[64];
    snprintf(h, sizeof h, _("Take-home plan (%d)"), p->pl.n);
    heading(L, h);
    char fq[160], times[64], mins[64]; /* each number in its own plural form */
    snprintf(times, sizeof times, P_("%d time a day", "%d times a day", p->pl.times_per_day), p->pl.times_per_day);
    snprintf(mins, sizeof mins, P_("%d min", "%d min", p->pl.minutes), p->pl.minutes);
    snprintf(fq, sizeof fq, i18n_ctx(NC_("plan frequency", "%s, %s")), times, mins);
    if (a->ex)
        flow(L, &BUTTON, (const item[]){ { "ctl-add-plan", _("Add to plan"), false }, { "ctl-freq", fq, false } }, 2);
    else
        flow(L, &BUTTON, (const item[]){ { "ctl-freq", fq, false } }, 1);
    /* the note field: as tall as the note */
    char shown[PLAN_NOTE_MAX + 8];
    snprintf(shown, sizeof shown, "%s%s", p->note, p->editing_note ? "|" : "");
    const char *nt = shown[0] ? shown : _("Note to the client…");
    int npx = px_of(L, 16);
    float nh = fmaxf(56 * u, ui_text_h(a, nt, npx, false, L->w - 20 * u) + 16 * u);
    const char *save = _("Save plan");
    place(L, nh + 8 * u + label_h(L, &BUTTON, save, L->w)); /* the note and its Save on one page */
    gw_rect nf = gw_rc(L->x, L->y, L->w, nh);
    draw_rect(L->l, nf, 10 * u, t->bg);
    draw_frame(L->l, nf, 10 * u, 2 * u, p->editing_note ? t->focus : t->ring_track);
    text_block(L, gw_rc(nf.x + 10 * u, nf.y, nf.w - 20 * u, nf.h), nt, npx, VALIGN_MIDDLE,
               shown[0] ? t->text : t->text_dim);
    wid(L, "ctl-note", nf, p->editing_note);
    L->y += nf.h + 8 * u;
    flow(L, &BUTTON, (const item[]){ { "ctl-save-plan", save, true } }, 1);
    if (p->msg[0]) {
        int mpx = px_of(L, 14);
        float mh = fmaxf(40 * u, ui_text_h(a, p->msg, mpx, false, L->w) + 8 * u);
        place(L, mh);
        text_block(L, gw_rc(L->x, L->y, L->w, mh), p->msg, mpx, VALIGN_MIDDLE, t->text_dim);
        L->y += mh;
    }
}

/* "Before you begin" on the client's screen: the therapist reads the same cautions
 * here and starts the exercise (or goes back). */
static void cautions_block(lay *L)
{
    const app *a = L->a;
    const exercise *e = a->cautions.ex;
    if (!e)
        return;
    heading(L, app_text(a, &e->title));
    const theme *t = a->th;
    float u = L->u;
    int px = px_of(L, 15);
    for (int i = 0; i < e->ncaution; i++) {
        char line[1024];
        snprintf(line, sizeof line, "• %s", app_text(a, &e->caution[i]));
        float h = ui_text_h(a, line, px, false, L->w) + 4 * u;
        place(L, h);
        text_block(L, gw_rc(L->x, L->y, L->w, h), line, px, VALIGN_TOP, t->text);
        L->y += h + 2 * u;
    }
    if (a->cautions.review)
        flow(L, &BUTTON, (const item[]){ { "cautions-continue", _("Continue"), true } }, 1);
    else
        flow(L, &BUTTON,
             (const item[]){ { "cautions-back", _("Back"), false }, { "cautions-start", _("Start"), true } }, 2);
}

static void blocks(lay *L)
{
    if (L->a->present.help) {
        help_list(L);
        return;
    }
    if (L->a->scene == &scene_cautions)
        cautions_block(L);
    if (in_exercise(L->a))
        exercise_controls(L);
    plan_blocks(L);
}

/* The panel's title and the Keys button, at the top of every page; returns its height. */
static float header(lay *L, draw_list *l)
{
    const app *a = L->a;
    float u = L->u;
    const char *keys = _("Keys (F1)"), *title = _("Therapist controls");
    int tpx = px_of(L, 19), kpx = px_of(L, 17);
    float kw = fmaxf(92 * u, ceilf(ui_text_w(a, keys, kpx, true) + 24 * u));
    kw = fminf(kw, L->w * 0.5f);
    float kh = fmaxf(30 * u, ceilf(ui_text_h(a, keys, kpx, true, kw - 12 * u) + 8 * u));
    float tw = L->w - kw - 8 * u, th = fmaxf(30 * u, ui_text_h(a, title, tpx, true, tw));
    float h = fmaxf(kh, th);
    if (l) {
        draw_list *keep = L->l;
        L->l = l;
        text_block(L, gw_rc(L->x, L->y, tw, h), title, tpx, VALIGN_MIDDLE | (FONT_BOLD << 8), a->th->text);
        item k = { "help-keys", keys, false };
        look kl = BUTTON;
        button(L, &kl, &k, gw_rc(L->x + L->w - kw, L->y, kw, kh));
        L->l = keep;
    }
    return h + 8 * u;
}

/* "Page 1 of 2" and the buttons to turn pages (widgets <what>:previous, <what>:next)
 * at the bottom of L's column; returns the height they take (both buttons measured, so
 * every page keeps the same room). With l NULL only measures. */
static float pager(lay *L, draw_list *l, int pages, float bottom, const char *what)
{
    const app *a = L->a;
    float u = L->u;
    char where[64], prev_id[32], next_id[32];
    snprintf(where, sizeof where, _("Page %d of %d"), L->show + 1, pages > 0 ? pages : 1);
    snprintf(prev_id, sizeof prev_id, "%s:previous", what);
    snprintf(next_id, sizeof next_id, "%s:next", what);
    int wpx = px_of(L, 16);
    float wh = ui_text_h(a, where, wpx, false, L->w);
    item both[2] = { { prev_id, _("Previous page"), false }, { next_id, _("Next page"), true } };
    float need[2] = { fminf(L->w, need_w(L, &BUTTON, both[0].label)), fminf(L->w, need_w(L, &BUTTON, both[1].label)) };
    bool one_row = need[0] + need[1] + BUTTON.gap * u <= L->w;
    float bw[2];
    if (one_row)
        ui_fill_widths(need, bw, 2, L->w - BUTTON.gap * u);
    else
        bw[0] = bw[1] = L->w;
    float rh0 = label_h(L, &BUTTON, both[0].label, bw[0]), rh1 = label_h(L, &BUTTON, both[1].label, bw[1]);
    float h = wh + 4 * u + (one_row ? fmaxf(rh0, rh1) : rh0 + BUTTON.gap * u + rh1);
    if (!l)
        return h + 8 * u;
    draw_list *keep = L->l;
    L->l = l;
    bool p = L->show > 0, n = L->show + 1 < pages;
    if (!one_row && !(p && n)) /* one button of the two rows: the page number just above it */
        h = wh + 4 * u + (p ? rh0 : rh1);
    float y = bottom - h;
    draw_text(l, gw_rc(L->x, y, L->w, wh), where, wpx, ALIGN_CENTER | VALIGN_MIDDLE, a->th->text_dim);
    y += wh + 4 * u;
    if (one_row) {
        float rh = fmaxf(rh0, rh1);
        if (p)
            button(L, &BUTTON, &both[0], gw_rc(L->x, y, bw[0], rh));
        if (n)
            button(L, &BUTTON, &both[1], gw_rc(L->x + L->w - bw[1], y, bw[1], rh));
    } else {
        if (p) {
            button(L, &BUTTON, &both[0], gw_rc(L->x, y, L->w, rh0));
            y += rh0 + BUTTON.gap * u;
        }
        if (n)
            button(L, &BUTTON, &both[1], gw_rc(L->x, y, L->w, rh1));
    }
    L->l = keep;
    return h + 8 * u;
}

/* The panel over the client view: its width, and the client view's beside it (0 when
 * too narrow to lay the client view out in: the panel is then drawn over it). */
static float overlay_w(const app *a, float W)
{
    float u = app_unit(a), s = fmaxf(1.f, a->text_scale);
    return fminf(W - 32 * u, fminf(340 * u * s, 0.4f * W)); /* the client view keeps most of the room */
}

static float beside_w(const app *a, float W)
{
    float cw = W - overlay_w(a, W) - 32 * app_unit(a);
    return cw >= 0.4f * W ? cw : 0;
}

/* The panel slides in from the right edge as the client view makes room for it, and
 * out as the view takes the room back: how far in (0-1), eased, from the time since it
 * was shown or went (at once with reduced motion). */
#define SLIDE GW_MSEC(350)

static float slide_of(const app *a)
{
    if (a->present.two_windows)
        return 0;
    bool on = !faded(a);
    if (on != a->present.shown) /* input (or the fade) since the last update: it starts now */
        return a->set.reduced_motion ? (on ? 1.f : 0.f) : on ? 0.f : 1.f;
    float p = a->set.reduced_motion ? 1.f : (float)(a->now - a->present.shown_since) / (float)SLIDE;
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    float e = p * p * (3 - 2 * p);
    return a->present.shown ? e : 1 - e;
}

bool present_panel_update(app *a)
{
    bool on = !faded(a) && !a->present.two_windows;
    if (on != a->present.shown) {
        a->present.shown = on;
        a->present.shown_since = a->now;
    }
    return !a->set.reduced_motion && a->now - a->present.shown_since < SLIDE;
}

int present_panel_client_w(const app *a)
{
    float cw = beside_w(a, (float)a->w), s = slide_of(a);
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
    const theme *t = a->th;
    float u = app_unit(a);
    float pw = full ? fminf(W - 48 * u, 520 * u) : overlay_w(a, W), pad = 16 * u;
    /* beside the client view, the whole height; over it, clear of Help above it */
    float top = beside_w(a, W) > 0 ? 16 * u : fmaxf(92 * u, ui_top_bar_buttons_bottom(a) + 8 * u);
    gw_rect panel = full ? gw_rc(24 * u, 24 * u, pw, H - 48 * u) : gw_rc(W - pw - 16 * u, top, pw, H - top - 12 * u);
    draw_list sink = { 0 };
    draw_begin(&sink, (int)W, (int)H, t->bg);
    lay L = { .a = a, .out = &sink, .sink = &sink, .l = &sink, .x = panel.x + pad, .y = panel.y + pad,
              .w = pw - 2 * pad, .u = u, .show = -1, .found = -1 };
    L.top = L.y + header(&L, NULL);
    float bottom = panel.y + panel.h - pad;
    /* a dry run: how many pages; with more than one, again with room for turning them */
    int pages = 1;
    for (int pass = 0; pass < 2; pass++) {
        L.bottom = pass ? bottom - pager(&L, NULL, 0, 0, "ctl-page") : bottom;
        L.y = L.top;
        L.page = 0;
        L.find = pass || pages == 1 ? find : NULL;
        L.found = -1;
        blocks(&L);
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
        L.y = panel.y + pad;
        header(&L, out);
        L.show = show < 0 ? 0 : show >= pages ? pages - 1 : show;
        L.out = out;
        L.l = L.show == 0 ? out : &sink;
        L.y = L.top;
        L.page = 0;
        L.find = NULL;
        blocks(&L);
        if (pages > 1)
            pager(&L, out, pages, bottom, "ctl-page");
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
static int control_side(const app *a, draw_list *l, gw_rect area, int show)
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
    int lpx = (int)lroundf(16 * u), spx = (int)lroundf(20 * u), epx = (int)lroundf(16 * u);
    const char *cs = _("Client screen"), *start = _("Start an exercise");
    float y = area.y, h = fmaxf(30 * u, ui_text_h(a, cs, lpx, false, area.w));
    draw_text(l, gw_rc(area.x, y, area.w, h), cs, lpx, VALIGN_MIDDLE, t->text_dim);
    y += h;
    bool one = ui_text_w(a, line, spx, true) <= area.w;
    h = one ? 40 * u : ui_text_h(a, line, spx, true, area.w);
    draw_text(l, gw_rc(area.x, y, area.w, h), line, spx, VALIGN_MIDDLE | (one ? TEXT_FIT : 0) | (FONT_BOLD << 8),
              a->present.blank ? t->text_dim : t->text);
    y += h + 16 * u;
    h = fmaxf(28 * u, ui_text_h(a, start, lpx, false, area.w));
    draw_text(l, gw_rc(area.x, y, area.w, h), start, lpx, VALIGN_MIDDLE, t->text_dim);
    y += h + 2 * u;
    /* the exercises: two columns when every title fits one line in half the width */
    int n = a->packs ? pack_set_exercise_count(a->packs) : 0;
    float gap = 8 * u, bh = 40 * u;
    int cols = 2;
    for (int i = 0; i < n; i++)
        if (ui_text_w(a, app_text(a, &pack_set_exercise_at(a->packs, i)->title), epx, false) >
            (area.w - gap) / 2 - 24 * u)
            cols = 1;
    float bw = cols == 2 ? (area.w - gap) / 2 : area.w;
    for (int i = 0; i < n; i++)
        bh = fmaxf(bh, ceilf(ui_text_h(a, app_text(a, &pack_set_exercise_at(a->packs, i)->title), epx, false,
                                       bw - 24 * u) + 10 * u));
    float bottom = area.y + area.h;
    int rows = (int)floorf((bottom - y + gap) / (bh + gap));
    int pages = 1, per = rows > 0 ? rows * cols : 1;
    lay S = { .a = a, .out = l, .sink = l, .l = l, .x = area.x, .y = y, .w = area.w, .u = u, .show = 0, .found = -1 };
    if (n > per) { /* room for turning pages at the bottom */
        rows = (int)floorf((bottom - pager(&S, NULL, 0, 0, "ctl-list") - y + gap) / (bh + gap));
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
        bool fit = ui_text_w(a, title, epx, false) <= r.w - 24 * u;
        draw_text(l, gw_rc(r.x + 12 * u, r.y, r.w - 24 * u, r.h), title, epx, VALIGN_MIDDLE | (fit ? TEXT_FIT : 0),
                  on ? t->bg : t->text);
        draw_widget_add(l, id, r, false);
    }
    if (pages > 1) {
        S.show = page;
        pager(&S, l, pages, bottom, "ctl-list");
    }
    return pages;
}

/* The control window's side, beside the panel, when the window is wide enough. */
static bool side_area(const app *a, float W, float H, gw_rect *out)
{
    float u = app_unit(a), x = 24 * u + fminf(W - 48 * u, 520 * u) + 32 * u;
    *out = gw_rc(x, 32 * u, W - x - 24 * u, H - 56 * u);
    return W - x > 200 * u;
}

/* The window the panel is in: the control window (two windows) or the client view. */
static void panel_window(const app *a, bool *full, float *W, float *H)
{
    *full = a->present.two_windows;
    *W = (float)(*full && a->present.ctl_w > 0 ? a->present.ctl_w : a->w);
    *H = (float)(*full && a->present.ctl_h > 0 ? a->present.ctl_h : a->h);
}

static int turn(int page, int pages, int by)
{
    page = page >= pages ? pages - 1 : page;
    page += by;
    return page < 0 ? 0 : page >= pages ? pages - 1 : page;
}

/* The panel's pages and the control window's list of exercises turned. */
static void turn_pages(app *a, const char *w)
{
    bool full;
    float W, H;
    panel_window(a, &full, &W, &H);
    int by = strstr(w, ":next") ? 1 : -1;
    if (!strncmp(w, "ctl-page:", 9)) {
        a->present.page = turn(a->present.page, panel_layout(a, NULL, full, W, H, 0, NULL, NULL), by);
        return;
    }
    gw_rect area;
    if (!side_area(a, W, H, &area))
        return;
    draw_list scratch = { 0 };
    draw_begin(&scratch, (int)W, (int)H, a->th->bg);
    int pages = control_side(a, &scratch, area, 0);
    draw_free(&scratch);
    a->present.list_page = turn(a->present.list_page, pages, by);
}

/* A key for a panel control on another page turns the panel to it. */
static void show_page_of(app *a, const char *id)
{
    bool full;
    float W, H;
    panel_window(a, &full, &W, &H);
    int found = -1;
    panel_layout(a, NULL, full, W, H, 0, id, &found);
    if (found >= 0)
        a->present.page = found;
}

void present_panel_draw(const app *a, draw_list *l, bool full)
{
    /* shown, it is drawn even before it has moved (a key presses its controls at once) */
    float s = full ? 1 : slide_of(a);
    if (s <= 0 && (faded(a) || a->present.two_windows))
        return;
    float W = (float)a->w, H = (float)a->h;
    gw_rect side;
    if (full && side_area(a, W, H, &side))
        control_side(a, l, side, a->present.list_page);
    int c0 = l->ncmd, w0 = l->nwid;
    panel_layout(a, l, full, W, H, a->present.page, NULL, NULL);
    float dx = (1 - s) * (overlay_w(a, W) + 16 * app_unit(a)); /* still sliding: short of its place */
    for (int i = c0; dx > 0 && i < l->ncmd; i++)
        l->cmd[i].r.x += dx;
    for (int i = w0; dx > 0 && i < l->nwid; i++)
        l->wid[i].r.x += dx;
}
