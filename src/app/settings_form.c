/* settings_form: the settings screens' controls, drawn or measured (settings_form.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/settings_form.h"
#include "app/ui.h"
#include "core/i18n.h"

float sform_label_h(sform *L, float w, const char *text)
{
    ui_ctx ui = app_ui(L->a);
    return fmaxf(30 * L->u, ui_text_h(&ui, text, (int)lroundf(18 * L->u), true, w));
}

float sform_label(sform *L, float x, float y, float w, const char *text)
{
    float h = sform_label_h(L, w, text);
    if (L->l)
        draw_text(L->l, gw_rc(x, y, w, h), text, (int)lroundf(18 * L->u), VALIGN_MIDDLE | (FONT_BOLD << 8),
                  L->a->th->text_dim);
    return y + h + 4 * L->u;
}

void sform_button(sform *L, const char *id, gw_rect r, const char *label, bool on)
{
    ui_ctx ui = app_ui(L->a);
    if (L->l)
        ui_button(&ui, L->l, id, r, label, L->focus == L->idx++, on);
}

void sform_describe(sform *L, draw_role role, const char *name, const char *state)
{
    if (L->l)
        draw_widget_describe(L->l, role, name, state);
}

void sform_steps(sform *L, const char *title, const char *value)
{
    char name[160];
    if (!L->l || L->l->nwid < 2)
        return;
    /* The button that makes a setting's value lower ("Text size: lower"), as read aloud says it. */
    snprintf(name, sizeof name, _("%s: lower"), title);
    draw_widget_describe_at(L->l, L->l->nwid - 2, ROLE_SLIDER, name, value);
    /* The button that makes a setting's value higher ("Text size: higher"). */
    snprintf(name, sizeof name, _("%s: higher"), title);
    draw_widget_describe_at(L->l, L->l->nwid - 1, ROLE_SLIDER, name, value);
}

float sform_choices(sform *L, float x, float y, float w, const char *title, const char *prefix,
                    const char *const *keys, const char *const *names, int n, const char *sel)
{
    ui_ctx ui = app_ui(L->a);
    float u = L->u, gap = 10 * u, y0 = y;
    char ids[SFORM_MAX_CHOICES][DRAW_WIDGET_ID_MAX];
    ui_item it[SFORM_MAX_CHOICES];
    y = sform_label(L, x, y, w, title);
    for (int i = 0; i < n && i < SFORM_MAX_CHOICES; i++) {
        snprintf(ids[i], sizeof ids[i], "%s:%s", prefix, keys[i]);
        it[i] = (ui_item){ ids[i], _(names[i]), (w - (float)(n - 1) * gap) / (float)n,
                           L->l && L->focus == L->idx + i, !strcmp(sel, keys[i]) };
    }
    y += ui_button_flow(&ui, L->l, x, y, w, 56 * u, gap, it, n, true);
    if (L->l) {
        L->idx += n;
        bool chosen = false; /* none chosen: actions (the export page's), not choices */
        for (int i = 0; i < n && i < SFORM_MAX_CHOICES; i++)
            chosen |= it[i].primary;
        for (int i = 0; i < n && i < SFORM_MAX_CHOICES; i++) {
            char name[160];
            /* A choice and the group it belongs to, as read aloud says it ("Theme: Calm"). */
            snprintf(name, sizeof name, _("%s: %s"), title, it[i].label);
            draw_widget_describe_at(L->l, L->l->nwid - n + i, chosen ? ROLE_OPTION : ROLE_BUTTON, name,
                                    it[i].primary ? _("Selected") : NULL);
        }
    }
    return y - y0;
}

float sform_stepper(sform *L, float x, float y, float w, const char *title, const char *id, int pct)
{
    ui_ctx ui = app_ui(L->a);
    float u = L->u, y0 = y;
    char down[DRAW_WIDGET_ID_MAX], up[DRAW_WIDGET_ID_MAX], val[16];
    snprintf(down, sizeof down, "%s:down", id);
    snprintf(up, sizeof up, "%s:up", id);
    /* The text size as a percentage ("150%"); German and Spanish write a no-break space
     * before the sign. */
    snprintf(val, sizeof val, _("%d%%"), pct);
    float bw = fmaxf(90 * u, ui_button_w(&ui, "+", 90 * u));
    float bh = fmaxf(56 * u, ui_text_h(&ui, val, (int)lroundf(24 * u), true, 0) + 8 * u);
    if (L->beside) {
        /* the value as wide as the widest it takes, so a step moves nothing */
        char most[16];
        snprintf(most, sizeof most, _("%d%%"), 200);
        int vpx = (int)lroundf(24 * u), lpx = (int)lroundf(18 * u);
        float vw = fmaxf(ui_text_w(&ui, most, vpx, true), ui_text_w(&ui, val, vpx, true)) + 24 * u;
        bw = fmaxf(64 * u, ui_button_w(&ui, "+", 64 * u)); /* narrower, beside a title */
        float tw = w - 2 * bw - vw - 16 * u;
        if (ui_text_w(&ui, title, lpx, true) <= tw) {
            float h = fmaxf(bh, sform_label_h(L, tw, title)), cx = x + w - 2 * bw - vw;
            if (L->l)
                draw_text(L->l, gw_rc(x, y, tw, h), title, lpx, VALIGN_MIDDLE | (FONT_BOLD << 8),
                          L->a->th->text_dim);
            sform_button(L, down, gw_rc(cx, y + (h - bh) / 2, bw, bh), "–", false);
            if (L->l)
                draw_text(L->l, gw_rc(cx + bw, y + (h - bh) / 2, vw, bh), val, vpx,
                          ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), L->a->th->text);
            sform_button(L, up, gw_rc(cx + bw + vw, y + (h - bh) / 2, bw, bh), "+", false);
            sform_steps(L, title, val);
            return h;
        }
    }
    y = sform_label(L, x, y, w, title);
    sform_button(L, down, gw_rc(x, y, bw, bh), "–", false);
    if (L->l)
        draw_text(L->l, gw_rc(x + bw, y, w - 2 * bw, bh), val, (int)lroundf(24 * u),
                  ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), L->a->th->text);
    sform_button(L, up, gw_rc(x + w - bw, y, bw, bh), "+", false);
    sform_steps(L, title, val);
    return y + bh - y0;
}
