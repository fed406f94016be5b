#include "app/ui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "platform/plat_text.h"

static gw_color mix(gw_color a, gw_color b, float k)
{
    gw_color c = { (uint8_t)lroundf(a.r + (b.r - a.r) * k), (uint8_t)lroundf(a.g + (b.g - a.g) * k),
                   (uint8_t)lroundf(a.b + (b.b - a.b) * k), a.a };
    return c;
}

bool ui_hovered(const ui_ctx *ui, const char *id) { return ui->hover && id && !strcmp(ui->hover, id); }

bool ui_pressed(const ui_ctx *ui, const char *id) { return ui->pressing && ui_hovered(ui, id); }

gw_color ui_state_color(const ui_ctx *ui, const char *id, gw_color base)
{
    if (ui_pressed(ui, id))
        return mix(base, ui->th->bg, 0.35f);
    if (ui_hovered(ui, id))
        return mix(base, ui->th->text, 0.14f);
    return base;
}

void ui_focus_ring(const ui_ctx *ui, draw_list *l, gw_rect r, float rad)
{
    if (!ui->focus_visible)
        return;
    float u = ui->unit, g = 4 * u;
    draw_frame(l, gw_rc(r.x - g, r.y - g, r.w + 2 * g, r.h + 2 * g), rad + g, 3 * u, ui->th->focus);
}

void ui_focus_ring_added(const ui_ctx *ui, draw_list *l, float rad)
{
    if (l->nwid > 0 && l->wid[l->nwid - 1].focused)
        ui_focus_ring(ui, l, l->wid[l->nwid - 1].r, rad);
}

/* pressed: the surface sinks a little into the screen */
static gw_rect pressed_rect(const ui_ctx *ui, const char *id, gw_rect r)
{
    if (!ui_pressed(ui, id))
        return r;
    float d = 2 * ui->unit;
    return gw_rc(r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d);
}

gw_rect ui_card(const ui_ctx *ui, draw_list *l, const char *id, gw_rect r, float rad, bool focused, gw_color base)
{
    focused = draw_focus_next(l, focused);
    gw_rect s = pressed_rect(ui, id, r);
    draw_rect(l, s, rad, ui_state_color(ui, id, focused && ui->focus_visible ? ui->th->surface_hi : base));
    if (focused)
        ui_focus_ring(ui, l, r, rad);
    draw_widget_add(l, id, r, focused);
    return s;
}

const char *ui_pacer_style_label(int style)
{
    /* the reduced-motion style is "Calm"; the default theme is called "Dark" */
    static const char *const N[] = { N_("Orb"), N_("Box"), N_("Wave"), N_("Tube"), N_("Calm") };
    return style >= 0 && style < (int)(sizeof N / sizeof *N) ? _(N[style]) : _(N[0]);
}

static void button(const ui_ctx *ui, draw_list *l, const char *id, gw_rect r, const char *label,
                   bool focused, gw_color fill, gw_color fg)
{
    focused = draw_focus_next(l, focused);
    float u = ui->unit;
    /* a tall button (a label on several lines) keeps the corners of a one-line one
     * rather than turn into a blob */
    float rad = fminf(r.h * 0.3f, 18 * u);
    gw_rect s = pressed_rect(ui, id, r);
    draw_rect(l, s, rad, ui_state_color(ui, id, fill));
    /* the label wraps within the margins ui_button_h measured it at, so it is drawn on
     * the lines its height was made for and never touches the edges; a long word in a
     * narrow button is made smaller, never broken inside */
    gw_rect in = s.w > 24 * u ? gw_rc(s.x + 12 * u, s.y, s.w - 24 * u, s.h) : s;
    draw_text(l, in, label, ui_words_px(ui, label, (int)lroundf(22 * u), true, in.w),
              ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8), fg);
    if (focused)
        ui_focus_ring(ui, l, r, rad);
    draw_widget_add(l, id, r, focused);
    draw_widget_describe(l, ROLE_BUTTON, label, NULL); /* heard as it reads */
}

void ui_button(const ui_ctx *ui, draw_list *l, const char *id, gw_rect r, const char *label,
               bool focused, bool primary)
{
    const theme *t = ui->th;
    button(ui, l, id, r, label, focused, primary ? t->accent : t->surface_hi, primary ? t->bg : t->text);
}

void ui_button_warn(const ui_ctx *ui, draw_list *l, const char *id, gw_rect r, const char *label, bool focused)
{
    button(ui, l, id, r, label, focused, ui->th->warn, ui->th->bg);
}

void ui_safety_button_at(const ui_ctx *ui, draw_list *l, gw_rect r)
{
    ui_button(ui, l, "safety", r, _("Help"), false, false);
}

static void safety_focus(const ui_ctx *ui, draw_list *l, gw_rect r, bool focused)
{
    ui_button(ui, l, "safety", r, _("Help"), focused, false);
}

void ui_safety_button(const ui_ctx *ui, draw_list *l, float x, float y)
{
    float u = ui->unit;
    float w = ui_button_w(ui, _("Help"), 150 * u);
    ui_safety_button_at(ui, l, gw_rc(x, y, w, ui_button_h(ui, _("Help"), w, 52 * u)));
}

/* Back and Help as wide as the wider needs, so the title stays centred */
static void bar_buttons(const ui_ctx *ui, float *bw, float *bh)
{
    float u = ui->unit;
    const char *back = _("Back"), *help = _("Help");
    *bw = fminf(fmaxf(ui_button_w(ui, back, 150 * u), ui_button_w(ui, help, 150 * u)), (float)ui->w / 4);
    *bh = fmaxf(ui_button_h(ui, back, *bw, 52 * u), ui_button_h(ui, help, *bw, 52 * u));
}

float ui_top_bar_buttons_bottom(const ui_ctx *ui)
{
    float bw, bh, u = ui->unit;
    bar_buttons(ui, &bw, &bh);
    return (fmaxf(84 * u, bh + 32 * u) + bh) / 2;
}

float ui_top_bar_focus(const ui_ctx *ui, draw_list *l, const char *title, int focus)
{
    float u = ui->unit, W = (float)ui->w;
    float pad = 24 * u, y = 16 * u;
    const char *back = _("Back");
    float bw, bh;
    bar_buttons(ui, &bw, &bh);
    float h = fmaxf(84 * u, bh + 2 * y);
    float tx = pad + bw + 20 * u, tw = W - 2 * tx;
    int px = (int)lroundf(28 * u);
    ui_text_size one = ui_measure(ui, title, px, true, 0);
    gw_rect tr = gw_rc(tx, 0, tw, h);
    int flags = ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8);
    if (ui_line_fits(ui, title, px, true, tw)) {
        flags |= TEXT_FIT;
    } else {
        /* a long title on two lines, the bar taller for it */
        px = ui_fit_px(ui, title, px, ui_min_px(ui, px), true, tw, 2 * one.line_h);
        float th = ui_text_h(ui, title, px, true, tw);
        h = fmaxf(h, th + 16 * u);
        tr = gw_rc(tx, (h - th) / 2, tw, th);
    }
    y = (h - bh) / 2;
    if (!l) /* only measured */
        return h;
    ui_button(ui, l, "back", gw_rc(pad, y, bw, bh), back, focus == 0, false);
    draw_text(l, tr, title, px, flags, ui->th->text);
    safety_focus(ui, l, gw_rc(W - pad - bw, y, bw, bh), focus == 1);
    return h;
}

float ui_top_bar(const ui_ctx *ui, draw_list *l, const char *title) { return ui_top_bar_focus(ui, l, title, -1); }

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

void ui_closing(const ui_ctx *ui, draw_list *l, float cy)
{
    const theme *t = ui->th;
    float u = ui->unit, W = (float)ui->w, H = (float)ui->h;
    const char *fin = _("Finish");
    float bw = ui_button_w(ui, fin, 260 * u), bh = ui_button_h(ui, fin, bw, 64 * u);
    int tpx = (int)lroundf(48 * u), mpx = (int)lroundf(24 * u);
    ui_block b[3] = {
        { .text = _("Well done."), .px = tpx, .min_px = ui_min_px(ui, tpx), .bold = true, .w = W - 80 * u, .min_h = 70 * u },
        { .text = _("Take a moment before you get up. Move slowly."), .px = mpx, .min_px = ui_min_px(ui, mpx),
          .w = W * 0.7f, .min_h = 80 * u, .gap = 10 * u, .min_gap = 6 * u },
        { .w = bw, .min_h = bh, .gap = 10 * u * fmaxf(1.f, ui->text_scale), .min_gap = 6 * u },
    };
    /* as designed around cy; taller text: centred on the screen */
    float top = cy - 90 * u, h = 0;
    for (int i = 0; i < 3; i++)
        h += b[i].gap + (b[i].text ? fmaxf(b[i].min_h, ui_text_h(ui, b[i].text, b[i].px, b[i].bold, b[i].w)) : b[i].min_h);
    if (top + h > H - 24 * u)
        top = fmaxf(24 * u, (H - h) / 2);
    ui_stack(ui, b, 3, top, H - 24 * u);
    draw_text(l, gw_rc(0, b[0].y, W, b[0].h), b[0].text, b[0].px_out, ALIGN_CENTER | VALIGN_MIDDLE | (FONT_BOLD << 8),
              t->text);
    draw_text(l, gw_rc(W * 0.15f, b[1].y, W * 0.7f, b[1].h), b[1].text, b[1].px_out, ALIGN_CENTER | VALIGN_TOP,
              t->text_dim);
    ui_button(ui, l, "done", gw_rc(W / 2 - bw / 2, b[2].y, bw, bh), fin, true, true);
}

/* ---- layouts that reflow ---------------------------------------------------------- */

static int drawn_px(const ui_ctx *ui, int px)
{
    /* exactly as draw_adapt_scale_text will scale it */
    float s = ui->text_scale > 0 ? ui->text_scale : 1.f;
    return fabsf(s - 1.f) < 1e-3f ? px : (int)lroundf((float)px * s);
}

/* Without fonts: Noto Sans averages a little over half an em a character. */
static ui_text_size estimate(const char *s, int px, bool bold, float wrap)
{
    float cw = (float)px * (bold ? 0.6f : 0.56f), lh = (float)px * 1.36f;
    ui_text_size r = { 0, 0, lh, 1 };
    float line = 0;
    for (const char *p = s; *p;) {
        if (*p == '\n') {
            r.lines++;
            line = 0;
            p++;
            continue;
        }
        const char *e = p;
        int chars = 0;
        while (*e && *e != ' ' && *e != '\n') {
            chars += ((unsigned char)*e & 0xc0) != 0x80;
            e++;
        }
        float ww = (float)chars * cw, sp = line > 0 ? cw : 0;
        if (wrap > 0 && line > 0 && line + sp + ww > wrap) {
            r.lines++;
            line = ww;
        } else
            line += sp + ww;
        r.w = fmaxf(r.w, line);
        p = *e == ' ' ? e + 1 : e;
    }
    r.h = lh * (float)r.lines;
    return r;
}

ui_text_size ui_measure(const ui_ctx *ui, const char *utf8, int px, bool bold, float wrap)
{
    int dpx = drawn_px(ui, px);
    if (!utf8 || !*utf8 || dpx <= 0) {
        ui_text_size z = { 0, 0, 0, 0 };
        return z;
    }
    plat_text_size m;
    /* the renderer wraps at the box's whole pixels */
    if (ui->text && plat_text_measure(ui->text, utf8, dpx, bold, wrap > 0 ? (int)wrap : 0, &m)) {
        ui_text_size r = { (float)m.w, (float)m.h, (float)m.line_h, m.lines };
        return r;
    }
    return estimate(utf8, dpx, bold, wrap);
}

float ui_text_w(const ui_ctx *ui, const char *utf8, int px, bool bold) { return ui_measure(ui, utf8, px, bold, 0).w; }

float ui_text_h(const ui_ctx *ui, const char *utf8, int px, bool bold, float wrap)
{
    return ui_measure(ui, utf8, px, bold, wrap).h;
}

bool ui_text_fits(const ui_ctx *ui, const char *utf8, int px, bool bold, float w, float h)
{
    ui_text_size m = ui_measure(ui, utf8, px, bold, w);
    return m.w <= w + 1 && m.h <= h + 1;
}

int ui_largest_px(int lo, int hi, int guess, bool (*fits)(const void *ctx, int px), const void *ctx)
{
    if (hi <= lo)
        return lo;
    if (guess > lo && guess < hi) { /* from the guess up while it fits, or down till it does */
        if (fits(ctx, guess)) {
            while (guess + 1 <= hi && fits(ctx, guess + 1))
                guess++;
            return guess;
        }
        while (--guess > lo)
            if (fits(ctx, guess))
                return guess;
        return lo;
    }
    if (fits(ctx, hi))
        return hi;
    if (hi - 1 <= lo || !fits(ctx, lo + 1))
        return lo;
    int a = lo + 1, b = hi - 1; /* fits(a); the answer is in [a, b] */
    while (a < b) {
        int m = (a + b + 1) / 2;
        if (fits(ctx, m))
            a = m;
        else
            b = m - 1;
    }
    return a;
}

/* Where a text measured m at size px would about fit w x h: sizes scale its width and
 * height alike (wrapping aside); 0 when it fits at px or was not measured. */
static int guess_px(ui_text_size m, int px, float w, float h)
{
    if (m.w <= 0 || m.h <= 0 || (m.w <= w + 1 && m.h <= h + 1))
        return 0;
    return (int)floorf((float)px * fminf((w + 1) / m.w, (h + 1) / m.h));
}

typedef struct fit_ctx {
    const ui_ctx *ui;
    const char *utf8;
    bool bold;
    float w, h;
} fit_ctx;

static bool box_fits(const void *ctx, int px)
{
    const fit_ctx *c = ctx;
    return ui_text_fits(c->ui, c->utf8, px, c->bold, c->w, c->h);
}

static bool words_fit(const void *ctx, int px)
{
    const fit_ctx *c = ctx;
    return ui_measure(c->ui, c->utf8, px, c->bold, c->w).w <= c->w + 1;
}

int ui_fit_px(const ui_ctx *ui, const char *utf8, int px, int min_px, bool bold, float w, float h)
{
    if (px <= min_px)
        return min_px;
    fit_ctx c = { ui, utf8, bold, w, h };
    ui_text_size m = ui_measure(ui, utf8, px, bold, w);
    if (m.w <= w + 1 && m.h <= h + 1)
        return px;
    return ui_largest_px(min_px, px, guess_px(m, px, w, h), box_fits, &c);
}

int ui_words_px(const ui_ctx *ui, const char *utf8, int px, bool bold, float w)
{
    int min = ui_min_px(ui, px);
    if (px <= min)
        return min;
    fit_ctx c = { ui, utf8, bold, w, 0 };
    ui_text_size m = ui_measure(ui, utf8, px, bold, w);
    if (m.w <= w + 1)
        return px;
    return ui_largest_px(min, px, guess_px(m, px, w, 1e9f), words_fit, &c);
}

bool ui_line_fits(const ui_ctx *ui, const char *utf8, int px, bool bold, float w)
{
    return ui_text_w(ui, utf8, ui_min_px(ui, px), bold) <= w;
}

int ui_min_px(const ui_ctx *ui, int px)
{
    (void)ui;
    return (int)ceilf((float)px * 0.8f);
}

int ui_button_px(const ui_ctx *ui) { return (int)lroundf(22 * ui->unit); }

float ui_button_w(const ui_ctx *ui, const char *label, float min_w)
{
    float u = ui->unit;
    return fmaxf(min_w, ceilf(ui_text_w(ui, label, ui_button_px(ui), true) + 28 * u));
}

float ui_button_h(const ui_ctx *ui, const char *label, float w, float min_h)
{
    float u = ui->unit;
    return fmaxf(min_h, ceilf(ui_text_h(ui, label, ui_button_px(ui), true, w - 24 * u) + 8 * u));
}

/* Widths for a row of buttons filling `avail`: as equal as they can be with each at
 * least as wide as it needs (the narrow ones share what the wide ones leave). */
static void fill_widths(const float *need, float *out, int n, float avail)
{
    float t = avail / (float)n;
    for (int it = 0; it < n; it++) {
        float wide = 0;
        int narrow = 0;
        for (int i = 0; i < n; i++) {
            if (need[i] > t)
                wide += need[i];
            else
                narrow++;
        }
        float nt = narrow ? (avail - wide) / (float)narrow : t;
        if (fabsf(nt - t) < 0.01f)
            break;
        t = nt;
    }
    for (int i = 0; i < n; i++)
        out[i] = fmaxf(need[i], t);
}

void ui_fill_widths(const float *need, float *out, int n, float avail) { fill_widths(need, out, n, avail); }

#define FLOW_MAX 16
float ui_button_flow(const ui_ctx *ui, draw_list *l, float x, float y, float w, float min_h, float gap,
                     const ui_item *items, int n, bool fill)
{
    float top = y;
    float need[FLOW_MAX], bw[FLOW_MAX];
    n = n < FLOW_MAX ? n : FLOW_MAX;
    for (int i = 0; i < n; i++)
        need[i] = fminf(w, ui_button_w(ui, items[i].label, fill ? 0 : items[i].min_w));
    /* rows: as many as fit on each (at least one); filled rows are then evened out
     * (3 + 2 rather than 4 + 1) when they still fit */
    int rows = 0, start[FLOW_MAX + 1];
    for (int i = 0; i < n; rows++) {
        start[rows] = i;
        float used = need[i++];
        while (i < n && used + gap + need[i] <= w)
            used += gap + need[i++];
    }
    start[rows] = n;
    if (fill && rows > 1) {
        int even[FLOW_MAX + 1], k = 0;
        bool ok = true;
        for (int r = 0; r < rows; r++) {
            even[r] = k;
            int cnt = (n - k + (rows - r) - 1) / (rows - r);
            float used = -gap;
            for (int j = k; j < k + cnt; j++)
                used += gap + need[j];
            ok &= used <= w;
            k += cnt;
        }
        even[rows] = n;
        if (ok)
            memcpy(start, even, sizeof start);
    }
    for (int r = 0; r < rows; r++) {
        int i = start[r], k = start[r + 1];
        float used = -gap;
        for (int j = i; j < k; j++)
            used += gap + need[j];
        float bx = x;
        if (fill)
            fill_widths(need + i, bw + i, k - i, w - (float)(k - i - 1) * gap);
        else {
            for (int j = i; j < k; j++)
                bw[j] = need[j];
            bx += (w - used) / 2;
        }
        float rh = min_h;
        for (int j = i; j < k; j++)
            rh = fmaxf(rh, ui_button_h(ui, items[j].label, bw[j], min_h));
        for (int j = i; j < k; j++) {
            if (l)
                ui_button(ui, l, items[j].id, gw_rc(bx, y, bw[j], rh), items[j].label, items[j].focused,
                          items[j].primary);
            bx += bw[j] + gap;
        }
        y += rh + (k < n ? gap : 0);
    }
    return y - top;
}

static float stack_height(const ui_ctx *ui, ui_block *b, int n, float f, float gk)
{
    float total = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0)
            total += b[i].min_gap + (b[i].gap - b[i].min_gap) * gk;
        if (b[i].text) {
            int px = (int)floorf((float)b[i].px * f);
            b[i].px_out = px < b[i].min_px ? b[i].min_px : px > b[i].px ? b[i].px : px;
            b[i].h = fmaxf(b[i].min_h, ui_text_h(ui, b[i].text, b[i].px_out, b[i].bold, b[i].w) + b[i].pad);
        } else
            b[i].h = b[i].min_h;
        total += b[i].h;
    }
    return total;
}

bool ui_stack(const ui_ctx *ui, ui_block *b, int n, float top, float bottom)
{
    float room = bottom - top, gk = 1, f = 1;
    float total = stack_height(ui, b, n, f, gk);
    bool fits = total <= room;
    if (!fits) {
        /* the gaps first */
        float all = stack_height(ui, b, n, f, 0);
        float gaps = total - all;
        gk = gaps > 0 && all < room ? (room - all) / gaps : 0;
        total = stack_height(ui, b, n, f, gk);
        /* then the texts that may shrink, together */
        while (total > room + 0.5f && f > 0.5f) {
            f -= 0.02f;
            total = stack_height(ui, b, n, f, gk);
        }
        fits = total <= room + 0.5f;
        if (total < room)
            top += (room - total) / 2;
    }
    float y = top;
    for (int i = 0; i < n; i++) {
        if (i > 0)
            y += b[i].min_gap + (b[i].gap - b[i].min_gap) * gk;
        b[i].y = y;
        y += b[i].h;
    }
    return fits;
}
