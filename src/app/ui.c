#include "app/ui.h"

#include <math.h>
#include <stdio.h>

#include "core/i18n.h"

void ui_button(const app *a, draw_list *l, const char *id, gw_rect r, const char *label,
               bool focused, bool primary)
{
    const theme *t = a->th;
    float u = app_unit(a);
    float rad = r.h * 0.3f;
    draw_rect(l, r, rad, primary ? t->accent : t->surface_hi);
    gw_color fg = primary ? t->bg : t->text;
    draw_text(l, r, label, (int)lroundf(22 * u), ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), fg);
    if (focused && a->focus_visible) {
        float g = 4 * u;
        draw_frame(l, gw_rc(r.x - g, r.y - g, r.w + 2 * g, r.h + 2 * g), rad + g, 3 * u, t->focus);
    }
    draw_widget_add(l, id, r, focused);
}

void ui_safety_button(const app *a, draw_list *l, float x, float y)
{
    float u = app_unit(a);
    ui_button(a, l, "safety", gw_rc(x, y, 150 * u, 52 * u), _("Help"), false, false);
}

float ui_top_bar(const app *a, draw_list *l, const char *title)
{
    float u = app_unit(a);
    float h = 84 * u, pad = 24 * u;
    ui_button(a, l, "back", gw_rc(pad, 16 * u, 150 * u, 52 * u), _("Back"), false, false);
    draw_text(l, gw_rc(pad + 170 * u, 0, (float)a->w - 2 * (pad + 170 * u), h), title,
              (int)lroundf(28 * u), ALIGN_CENTER | VALIGN_MIDDLE | TEXT_FIT | (FONT_BOLD << 8), a->th->text);
    ui_safety_button(a, l, (float)a->w - pad - 150 * u, 16 * u);
    return h;
}

void ui_clock(char *buf, size_t n, double seconds)
{
    long s = (long)ceil(seconds - 1e-9);
    if (s < 0)
        s = 0;
    if (s >= 3600)
        snprintf(buf, n, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, n, "%ld:%02ld", s / 60, s % 60);
}

void ui_closing(const app *a, draw_list *l, float cy)
{
    const theme *t = a->th;
    float u = app_unit(a), W = (float)a->w;
    draw_text(l, gw_rc(0, cy - 90 * u, W, 70 * u), _("Well done."), (int)lroundf(48 * u),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), t->text);
    draw_text(l, gw_rc(W * 0.15f, cy - 10 * u, W * 0.7f, 80 * u),
              _("Take a moment before you get up. Move slowly."), (int)lroundf(24 * u),
              ALIGN_CENTER | VALIGN_TOP, t->text_dim);
    ui_button(a, l, "done", gw_rc(W / 2 - 130 * u, cy + 80 * u, 260 * u, 64 * u), _("Finish"), true, true);
}

