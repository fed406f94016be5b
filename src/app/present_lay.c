/* present_lay: how the therapist's panel is laid out (present_panel.c draws it with
 * these): a column of blocks (a heading, a row of buttons, the note...), each measured
 * before it is placed: buttons are as wide as their labels and rows of them wrap. When
 * the blocks do not fit the panel's height (large text) they go on pages (ctl-page:next,
 * ctl-page:previous) under the panel's title, which every page has; a heading goes with
 * the block under it. The blocks of the pages not shown are drawn into a scratch list,
 * so their widgets are not on screen. Keeps nothing: the caller owns the lay. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/present.h"
#include "app/ui.h"
#include "core/i18n.h"

const lay_look LAY_BUTTON = { 17, true, false, 36, 8 };
const lay_look LAY_CHIP = { 13, false, true, 28, 5 };

int lay_px(const lay *L, float base) { return (int)lroundf(base * L->u); }

static float lay_head_h(const lay *L, const char *text)
{
    ui_ctx ui = app_ui(L->a);
    return fmaxf(26 * L->u, ui_text_h(&ui, text, lay_px(L, 16), false, L->w)) + 2 * L->u;
}

void lay_text(lay *L, gw_rect r, const char *text, int px, int flags, gw_color c)
{
    ui_ctx ui = app_ui(L->a);
    if (ui_text_w(&ui, text, px, (flags >> 8) & 1) <= r.w)
        flags |= TEXT_FIT; /* one line, as designed */
    draw_text(L->l, r, text, px, flags, c);
}

/* Makes room for a block h tall: on the next page if it does not fit on this one (with
 * the heading waiting for it), then draws that heading. */
void lay_place(lay *L, float h)
{
    float ph = L->pend ? lay_head_h(L, L->pend) : 0;
    if (L->y + ph + h > L->bottom + 0.5f && L->y > L->top + 0.5f) {
        L->page++;
        L->y = L->top;
        L->l = L->page == L->show ? L->out : L->sink;
    }
    if (L->pend) {
        lay_text(L, gw_rc(L->x, L->y, L->w, ph - 2 * L->u), L->pend, lay_px(L, 16), VALIGN_MIDDLE,
                   L->a->th->text_dim);
        L->pend = NULL;
        L->y += ph;
    }
}

void lay_heading(lay *L, const char *text) { L->pend = text; }

void lay_widget(lay *L, const char *id, gw_rect r, bool focused)
{
    if (L->find && L->found < 0 && !strcmp(L->find, id))
        L->found = L->page;
    draw_widget_add(L->l, id, r, focused);
    if (L->l->focus_stop) { /* the keyboard's focus stop (app.c, "the focus stops") */
        ui_ctx ui = app_ui(L->a);
        ui_focus_ring_added(&ui, L->l, fminf(r.h, 40 * L->u) * 0.3f);
    }
}

/* the space either side of a label, growing with the text size */
static float lay_inset(const lay *L, const lay_look *k)
{
    return (k->chip ? 8 : 6) * L->u * fmaxf(1.f, sqrtf(L->a->view.text_scale));
}

float lay_need_w(const lay *L, const lay_look *k, const char *label)
{
    ui_ctx ui = app_ui(L->a);
    return ceilf(ui_text_w(&ui, label, lay_px(L, k->px), k->bold) + 2 * lay_inset(L, k) + 4 * L->u);
}

float lay_label_h(const lay *L, const lay_look *k, const char *label, float w)
{
    ui_ctx ui = app_ui(L->a);
    return fmaxf(k->min_h * L->u, ceilf(ui_text_h(&ui, label, lay_px(L, k->px), k->bold, w - 2 * lay_inset(L, k)) +
                                        8 * L->u));
}

void lay_button(lay *L, const lay_look *k, const lay_item *it, gw_rect r)
{
    const theme *t = L->a->th;
    float in = lay_inset(L, k);
    draw_rect(L->l, r, fminf(r.h, 40 * L->u) * 0.3f, it->on ? t->accent : t->surface_hi);
    gw_color fg = it->on ? t->bg : k->chip ? t->text_dim : t->text;
    lay_text(L, gw_rc(r.x + in, r.y, r.w - 2 * in, r.h), it->label, lay_px(L, k->px),
               (k->chip ? 0 : ALIGN_CENTER) | VALIGN_MIDDLE | (k->bold ? FONT_BOLD << 8 : 0), fg);
    lay_widget(L, it->id, r, false);
    /* a chip is lit while what it names is in (a muscle group in the plan) */
    draw_widget_describe(L->l, k->chip ? ROLE_SWITCH : ROLE_BUTTON, it->label, k->chip ? it->on ? _("On") : _("Off") : NULL);
}

/* Where rows start: as many buttons on each as fit, then evened out (3 + 2 rather
 * than 4 + 1) when that still fits. Returns the number of rows. */
static int lay_rows_of(const lay *L, const lay_look *k, const float *need, int n, int *start)
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
        int even[LAY_ROW_MAX + 1], at = 0;
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
void lay_flow(lay *L, const lay_look *k, const lay_item *it, int n)
{
    float need[LAY_ROW_MAX], bw[LAY_ROW_MAX], gap = k->gap * L->u;
    int start[LAY_ROW_MAX + 1];
    n = n < LAY_ROW_MAX ? n : LAY_ROW_MAX;
    for (int i = 0; i < n; i++)
        need[i] = fminf(L->w, lay_need_w(L, k, it[i].label));
    int rows = lay_rows_of(L, k, need, n, start);
    for (int r = 0; r < rows; r++) {
        int i = start[r], e = start[r + 1];
        ui_fill_widths(need + i, bw + i, e - i, L->w - (float)(e - i - 1) * gap);
        float rh = 0;
        for (int j = i; j < e; j++)
            rh = fmaxf(rh, lay_label_h(L, k, it[j].label, bw[j]));
        lay_place(L, rh);
        float x = L->x;
        for (int j = i; j < e; j++) {
            lay_button(L, k, &it[j], gw_rc(x, L->y, bw[j], rh));
            x += bw[j] + gap;
        }
        L->y += rh + gap;
    }
}

/* The panel's title and the Keys button, at the top of every page; returns its height. */
float lay_header(lay *L, draw_list *l)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    float u = L->u;
    const char *keys = _("Keys (F1)"), *title = _("Therapist controls");
    int tpx = lay_px(L, 19), kpx = lay_px(L, 17);
    float kw = fmaxf(92 * u, ceilf(ui_text_w(&ui, keys, kpx, true) + 24 * u));
    kw = fminf(kw, L->w * 0.5f);
    float kh = fmaxf(30 * u, ceilf(ui_text_h(&ui, keys, kpx, true, kw - 12 * u) + 8 * u));
    float tw = L->w - kw - 8 * u, th = fmaxf(30 * u, ui_text_h(&ui, title, tpx, true, tw));
    float h = fmaxf(kh, th);
    if (l) {
        draw_list *keep = L->l;
        L->l = l;
        lay_text(L, gw_rc(L->x, L->y, tw, h), title, tpx, VALIGN_MIDDLE | (FONT_BOLD << 8), a->th->text);
        lay_item k = { "help-keys", keys, false };
        lay_look kl = LAY_BUTTON;
        lay_button(L, &kl, &k, gw_rc(L->x + L->w - kw, L->y, kw, kh));
        L->l = keep;
    }
    return h + 8 * u;
}

/* "Page 1 of 2" and the buttons to turn pages (widgets <what>:previous, <what>:next)
 * at the bottom of L's column; returns the height they take (both buttons measured, so
 * every page keeps the same room). With l NULL only measures. */
float lay_pager(lay *L, draw_list *l, int pages, float bottom, const char *what)
{
    const app *a = L->a;
    ui_ctx ui = app_ui(a);
    float u = L->u;
    char where[64], prev_id[32], next_id[32];
    snprintf(where, sizeof where, _("Page %d of %d"), L->show + 1, pages > 0 ? pages : 1);
    snprintf(prev_id, sizeof prev_id, "%s:previous", what);
    snprintf(next_id, sizeof next_id, "%s:next", what);
    int wpx = lay_px(L, 16);
    float wh = ui_text_h(&ui, where, wpx, false, L->w);
    lay_item both[2] = { { prev_id, _("Previous page"), false }, { next_id, _("Next page"), true } };
    float need[2] = { fminf(L->w, lay_need_w(L, &LAY_BUTTON, both[0].label)), fminf(L->w, lay_need_w(L, &LAY_BUTTON, both[1].label)) };
    bool one_row = need[0] + need[1] + LAY_BUTTON.gap * u <= L->w;
    float bw[2];
    if (one_row)
        ui_fill_widths(need, bw, 2, L->w - LAY_BUTTON.gap * u);
    else
        bw[0] = bw[1] = L->w;
    float rh0 = lay_label_h(L, &LAY_BUTTON, both[0].label, bw[0]), rh1 = lay_label_h(L, &LAY_BUTTON, both[1].label, bw[1]);
    float h = wh + 4 * u + (one_row ? fmaxf(rh0, rh1) : rh0 + LAY_BUTTON.gap * u + rh1);
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
            lay_button(L, &LAY_BUTTON, &both[0], gw_rc(L->x, y, bw[0], rh));
        if (n)
            lay_button(L, &LAY_BUTTON, &both[1], gw_rc(L->x + L->w - bw[1], y, bw[1], rh));
    } else {
        if (p) {
            lay_button(L, &LAY_BUTTON, &both[0], gw_rc(L->x, y, L->w, rh0));
            y += rh0 + LAY_BUTTON.gap * u;
        }
        if (n)
            lay_button(L, &LAY_BUTTON, &both[1], gw_rc(L->x, y, L->w, rh1));
    }
    L->l = keep;
    return h + 8 * u;
}

